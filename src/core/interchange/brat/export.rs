//! An article to brat standoff (the shapes are in the module's documentation). One pass
//! over the claims, the entities and the links; the code-point index converts offsets.

use super::notes::{self, Field, Key};
use super::{Brat, ATTRIBUTION, CLAIM, NOTES, NOT_ENTITY, TYPE, VERDICT};
use crate::core::annotation::Claim;
use crate::core::claims::Suggestion;
use crate::core::extract::Extraction;
use crate::core::library::{Article, Decision};
use crate::core::offsets::{CharIndex, Span};
use crate::core::relations::{End, Identities, Link};
use std::collections::HashMap;
use std::fmt::Write;

/// The article as brat's `.txt` and `.ann`. `found` is what the extractor found in the
/// article (`pipeline`), to which the person's entity decisions are applied here
/// (`Article::entities`); `suggestions` are the article's suggested claims, whose source
/// and cue give an accepted claim its attribution; `ids` says which names are one entity,
/// for links to entities and claimants.
pub fn export(
    article: &Article,
    found: &Extraction,
    suggestions: &[Suggestion],
    ids: &Identities,
) -> Brat {
    let text = article.doc.text();
    let mut w = Writer::new(text);
    let entities = article.entities(found);
    // mentions by the key of their words and of their entity's name, in text order
    let mut mentions: HashMap<String, Vec<Span>> = HashMap::new();
    for m in &entities.mentions {
        let words = m.span.slice(text).unwrap_or("");
        let name = entities
            .entities
            .get(m.entity)
            .map_or("", |e| e.name.as_str());
        let (a, b) = (ids.key(words), ids.key(name));
        if a != b {
            mentions.entry(b).or_default().push(m.span);
        }
        mentions.entry(a).or_default().push(m.span);
    }
    // the suggestion each claim was accepted from
    let by_sentence: HashMap<Span, &Suggestion> =
        suggestions.iter().map(|s| (s.sentence, s)).collect();
    let accepted: HashMap<&str, &Suggestion> = article
        .decisions()
        .iter()
        .filter_map(|(span, d)| match d {
            Decision::Accepted(id) => by_sentence.get(span).map(|s| (id.as_str(), *s)),
            Decision::Rejected => None,
        })
        .collect();
    // the text-bound each claim and entity end is written as
    let mut claim_t: HashMap<&str, String> = HashMap::new();
    for c in article.claims() {
        let Some(t) = w.text_bound(CLAIM, c.span) else {
            continue;
        };
        w.attribute(TYPE, &t, c.fields.kind.as_str());
        w.attribute(VERDICT, &t, c.fields.status.as_str());
        w.note(&t, &claim_fields(c));
        // the accepted suggestion's source and cue while its speaker is the claimant, else
        // the claimant's mention nearest before the claim's end
        let who = ids.key(&c.fields.claimant);
        let (source, cue) = accepted
            .get(c.id.as_str())
            .filter(|s| {
                !who.is_empty() && s.speaker.as_deref().map(|n| ids.key(n)) == Some(who.clone())
            })
            .map(|s| (s.source.or(s.speaker_span), s.cue))
            .filter(|(source, cue)| source.is_some() || cue.is_some())
            .unwrap_or_else(|| (nearest_before(&mentions, &who, c.span), None));
        w.attribution(source, cue, c.span);
        claim_t.insert(c.id.as_str(), t);
    }
    // entities as the person fixed them (an entity end is its first mention, by the key of
    // its name or of the words), then the names they said are not entities
    let mut entity_t: HashMap<String, Mention> = HashMap::new();
    for m in &entities.mentions {
        let Some(t) = w.text_bound(m.label.as_str(), m.span) else {
            continue;
        };
        let words = m.span.slice(text).unwrap_or("").to_string();
        if let Some(e) = entities.entities.get(m.entity) {
            entity_t.entry(ids.key(&e.name)).or_insert_with(|| Mention {
                t: t.clone(),
                words: words.clone(),
            });
        }
        entity_t
            .entry(ids.key(&words))
            .or_insert_with(|| Mention { t, words });
    }
    for f in article.entity_fixes().iter().filter(|f| f.label.is_none()) {
        w.text_bound(NOT_ENTITY, f.span);
    }
    // links: relations between text-bounds, else notes
    let mut unwritten = Vec::new();
    for l in article.live_links() {
        let end = |e: &End| match e {
            End::Claim(id) => claim_t.get(id.as_str()).map(|t| (t.clone(), None)),
            End::Entity(name) => entity_t
                .get(&ids.key(name))
                .map(|m| (m.t.clone(), (m.words != *name).then(|| e.encode()))),
        };
        match (end(&l.from), end(&l.to)) {
            (Some((a, a_name)), Some((b, b_name))) => {
                let r = w.relation(l.kind.as_str(), &a, &b);
                let mut fields = vec![Field::new(Key::Id, l.id.clone())];
                if !l.note.is_empty() {
                    fields.push(Field::new(Key::Note, l.note.clone()));
                }
                fields.extend(a_name.map(|n| Field::new(Key::From, n)));
                fields.extend(b_name.map(|n| Field::new(Key::To, n)));
                w.note(&r, &fields);
            }
            (a, b) => match a.or(b).map(|(t, _)| t).or_else(|| w.first.clone()) {
                Some(t) => w.note(&t, &link_fields(l)),
                None => unwritten.push(l.id.clone()),
            },
        }
    }
    Brat {
        txt: text.to_string(),
        ann: w.ann,
        unwritten,
    }
}

/// An entity's mention as written: its text-bound's id and its words.
struct Mention {
    t: String,
    words: String,
}

/// A claim's free text as note fields: claimant, note, tags, evidence, then its id.
fn claim_fields(c: &Claim) -> Vec<Field> {
    let f = &c.fields;
    let mut out = Vec::new();
    if !f.claimant.is_empty() {
        out.push(Field::new(Key::Claimant, f.claimant.clone()));
    }
    if !f.note.is_empty() {
        out.push(Field::new(Key::Note, f.note.clone()));
    }
    out.extend(f.tags.iter().map(|t| Field::new(Key::Tag, t.clone())));
    for e in &f.evidence {
        out.push(Field::new(Key::Evidence, e.url.clone()));
        if !e.note.is_empty() {
            out.push(Field::new(Key::EvidenceNote, e.note.clone()));
        }
    }
    if let Some(name) = &c.creator {
        out.push(Field::new(Key::Creator, name.clone()));
    }
    out.push(Field::new(Key::Id, c.id.clone()));
    out
}

/// A link written as a note: its relation, both ends, its note and id.
fn link_fields(l: &Link) -> Vec<Field> {
    let mut out = vec![
        Field::new(Key::Link, l.kind.as_str()),
        Field::new(Key::From, l.from.encode()),
        Field::new(Key::To, l.to.encode()),
    ];
    if !l.note.is_empty() {
        out.push(Field::new(Key::Note, l.note.clone()));
    }
    out.push(Field::new(Key::Id, l.id.clone()));
    out
}

/// The mention of `who` (by key) that starts last before the claim ends.
fn nearest_before(mentions: &HashMap<String, Vec<Span>>, who: &str, claim: Span) -> Option<Span> {
    if who.is_empty() {
        return None;
    }
    let list = mentions.get(who)?;
    let i = list.partition_point(|m| m.start() < claim.end());
    i.checked_sub(1).and_then(|i| list.get(i)).copied()
}

/// The `.ann` being written, with the next number of each kind of id.
struct Writer<'a> {
    text: &'a str,
    idx: CharIndex<'a>,
    ann: String,
    t: usize,
    a: usize,
    e: usize,
    r: usize,
    n: usize,
    /// The first text-bound written, where a link with no end in the text is noted.
    first: Option<String>,
}

impl<'a> Writer<'a> {
    fn new(text: &'a str) -> Self {
        Writer {
            text,
            idx: CharIndex::new(text),
            ann: String::new(),
            t: 0,
            a: 0,
            e: 0,
            r: 0,
            n: 0,
            first: None,
        }
    }

    /// Writes `T<n>\tlabel offsets\ttext` over `span`, cut at line breaks into fragments
    /// (white-space-only pieces left out); its id, or `None` when it holds no words.
    fn text_bound(&mut self, label: &str, span: Span) -> Option<String> {
        let words = span.slice(self.text)?;
        let mut fragments: Vec<Span> = Vec::new();
        let mut start = 0;
        for (i, c) in words.char_indices().chain([(words.len(), '\n')]) {
            if c == '\n' || c == '\r' {
                let piece = &words[start..i];
                if !piece.trim().is_empty() {
                    fragments.push(Span::new(span.start() + start, span.start() + i));
                }
                start = i + c.len_utf8();
            }
        }
        if fragments.is_empty() {
            return None;
        }
        self.t += 1;
        let id = format!("T{}", self.t);
        let _ = write!(self.ann, "{id}\t{label} ");
        for (k, f) in fragments.iter().enumerate() {
            let c = self.idx.to_chars(*f);
            let sep = if k == 0 { "" } else { ";" };
            let _ = write!(self.ann, "{sep}{} {}", c.start, c.end);
        }
        self.ann.push('\t');
        for (k, f) in fragments.iter().enumerate() {
            if k > 0 {
                self.ann.push(' ');
            }
            self.ann.push_str(f.slice(self.text).unwrap_or(""));
        }
        self.ann.push('\n');
        if self.first.is_none() {
            self.first = Some(id.clone());
        }
        Some(id)
    }

    fn attribute(&mut self, name: &str, target: &str, value: &str) {
        self.a += 1;
        let _ = writeln!(self.ann, "A{}\t{name} {target} {value}", self.a);
    }

    /// A note of fields on `target` (none when there are none).
    fn note(&mut self, target: &str, fields: &[Field]) {
        if fields.is_empty() {
            return;
        }
        self.n += 1;
        let _ = writeln!(
            self.ann,
            "#{}\t{NOTES} {target}\t{}",
            self.n,
            notes::write(fields)
        );
    }

    fn relation(&mut self, kind: &str, from: &str, to: &str) -> String {
        self.r += 1;
        let id = format!("R{}", self.r);
        let _ = writeln!(self.ann, "{id}\t{kind} Arg1:{from} Arg2:{to}");
        id
    }

    /// A claim's attribution as PolNeAR writes one: source, cue and content, and the event
    /// joining them on a trigger over the cue (else the source). Nothing without a source
    /// or a cue.
    fn attribution(&mut self, source: Option<Span>, cue: Option<Span>, content: Span) {
        let source = source.and_then(|s| Some((self.text_bound("Source", s)?, s)));
        let cue = cue.and_then(|s| Some((self.text_bound("Cue", s)?, s)));
        let Some(at) = cue.as_ref().or(source.as_ref()).map(|(_, s)| *s) else {
            return;
        };
        let (Some(content), Some(trigger)) = (
            self.text_bound("Content", content),
            self.text_bound(ATTRIBUTION, at),
        ) else {
            return;
        };
        self.e += 1;
        let _ = write!(self.ann, "E{}\t{ATTRIBUTION}:{trigger}", self.e);
        if let Some((c, _)) = &cue {
            let _ = write!(self.ann, " Cue:{c}");
        }
        if let Some((s, _)) = &source {
            let _ = write!(self.ann, " Source:{s}");
        }
        let _ = writeln!(self.ann, " Content:{content}");
    }
}
