//! A `.txt` and `.ann` pair to an article, all or nothing (the rules are in the module's
//! documentation). The file is read whole first (`ann::read`), then turned into claims,
//! attributions, entity decisions and links in that order, each pass linear in what it
//! reads; what the article cannot hold is counted in `skipped`.

use super::ann::{self, Ann, Ref, TextBound};
use super::labels::{is_attribution, kind_of, part_of, relation_of, Kind, Part};
use super::notes::{self, Field, Key, NoteKind};
use super::{BratError, BratFile, ImportedBrat, SkipReason, Skipped, NOTES};
use crate::core::annotation::{Claim, ClaimFields, ClaimType};
use crate::core::claims::kind_for_cue;
use crate::core::document::{Document, Severity};
use crate::core::fixes::{self, EntityFix};
use crate::core::hash::FastHasher;
use crate::core::library::{trim_span, Article};
use crate::core::offsets::{CharIndex, Span};
use crate::core::parse::{parse_bytes, Format, MAX_INPUT_BYTES};
use crate::core::rating::{Evidence, Verdict};
use crate::core::relations::{name_key, End, Identities, Link, LinkError};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hasher;
use std::sync::Arc;

/// Reads a brat pair: `txt` the `.txt` file's bytes, `ann` the `.ann` file's text, `name`
/// the file's name (the article's source), `now` the time of the import (RFC 3339, the
/// claims' and links' times). The article's id is made from the two files' contents, so the
/// same pair imported twice meets itself (`Library::conflict`). All or nothing.
pub fn import(txt: &[u8], ann: &str, name: &str, now: &str) -> Result<ImportedBrat, BratError> {
    for (file, bytes) in [(BratFile::Txt, txt.len()), (BratFile::Ann, ann.len())] {
        if bytes > MAX_INPUT_BYTES {
            return Err(BratError::TooLarge {
                file,
                bytes,
                limit: MAX_INPUT_BYTES,
            });
        }
    }
    let raw = std::str::from_utf8(txt).map_err(|e| BratError::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    // the text as the app reads a .txt file, which must be the file's text exactly
    let parsed = parse_bytes(txt, Some(Format::Text));
    if let Some(d) = parsed
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(BratError::Unreadable {
            reason: d.message.clone(),
        });
    }
    // brat counts a byte-order mark as a character; the article's text starts after it
    let bom = if raw.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    if raw.get(bom..) != Some(parsed.document.text()) {
        return Err(BratError::TextChanged);
    }
    let idx = CharIndex::new(raw);
    let file = ann::read(ann, raw, &idx)?;
    let draft = Article::new(article_id(txt, ann), parsed, Some(name.to_string()), now);
    let read = Reader::new(&draft.doc, bom, &file).read(now)?;
    let Article {
        id,
        name,
        format,
        source_name,
        doc,
        ..
    } = draft;
    let mut article = Article::restore(
        id,
        name,
        format,
        source_name,
        now.to_string(),
        now.to_string(),
        Arc::unwrap_or_clone(doc),
        read.claims,
    )
    .with_entity_fixes(read.fixes);
    let mut skips = read.skips;
    let ids = Identities::default();
    for LinkAt { line, link } in read.links {
        let kind = link.kind;
        match article.restore_link(link, &ids) {
            Ok(()) => {}
            Err(LinkError::Duplicate) => skips.add(kind.as_str(), SkipReason::RepeatedLink),
            Err(why) => return Err(BratError::BadLink { line, why }),
        }
    }
    Ok(ImportedBrat {
        article,
        attributions: read.attributions,
        skipped: skips.list,
    })
}

/// The article's id from the two files: the same pair gives the same id.
fn article_id(txt: &[u8], ann: &str) -> String {
    let mut h = FastHasher::default();
    h.write(txt);
    h.write_u8(0xFF);
    h.write(ann.as_bytes());
    h.write_usize(txt.len());
    format!("brat-{:016x}", h.finish())
}

/// What was left out, counted by what and why, in the order first met.
#[derive(Default)]
struct Skips {
    list: Vec<Skipped>,
    at: HashMap<(String, SkipReason), usize>,
}

impl Skips {
    fn add(&mut self, what: &str, why: SkipReason) {
        let key = (what.to_string(), why);
        match self.at.get(&key) {
            Some(&i) => self.list[i].count += 1,
            None => {
                self.at.insert(key, self.list.len());
                self.list.push(Skipped {
                    what: what.to_string(),
                    why,
                    count: 1,
                });
            }
        }
    }
}

/// A claim being read: from a `Claim` text-bound or an attribution.
struct Draft {
    line: usize,
    span: Span,
    fields: ClaimFields,
    /// Its id in Gloss, when its note gives one.
    id: Option<String>,
    /// Who made it, when its note says.
    creator: Option<String>,
    /// What its id is made from otherwise (the text-bound's or the event's id).
    base: String,
}

/// An attribution: the text-bounds of its parts (indices into `Ann::texts`), and the ids
/// whose notes are its notes.
#[derive(Default)]
struct Group<'a> {
    key: &'a str,
    line: usize,
    trigger: Option<usize>,
    sources: Vec<usize>,
    cues: Vec<usize>,
    contents: Vec<usize>,
    noted: Vec<&'a str>,
}

impl Group<'_> {
    fn add(&mut self, part: Part, k: usize) {
        match part {
            Part::Source => self.sources.push(k),
            Part::Cue => self.cues.push(k),
            Part::Content => self.contents.push(k),
        }
    }
}

/// The `Claim`s an attribution may be the attribution of, by their words: the one whose
/// claimant is the attribution's speaker, else the next with no claimant, else the first
/// (several claims may lie on the same words).
struct OnWords {
    first: HashMap<Span, usize>,
    by_claimant: HashMap<(Span, String), usize>,
    unclaimed: HashMap<Span, VecDeque<usize>>,
}

impl OnWords {
    fn new(drafts: &[Option<Draft>]) -> Self {
        let mut on = OnWords {
            first: HashMap::new(),
            by_claimant: HashMap::new(),
            unclaimed: HashMap::new(),
        };
        for (i, d) in drafts.iter().enumerate() {
            let Some(d) = d else { continue };
            on.first.entry(d.span).or_insert(i);
            let key = name_key(&d.fields.claimant);
            if key.is_empty() {
                on.unclaimed.entry(d.span).or_default().push_back(i);
            } else {
                on.by_claimant.entry((d.span, key)).or_insert(i);
            }
        }
        on
    }

    /// The claim on `span` an attribution by `speaker` belongs to, if any.
    fn pick(&mut self, span: Span, speaker: &str) -> Option<usize> {
        let key = name_key(speaker);
        if let Some(&i) = (!key.is_empty())
            .then(|| self.by_claimant.get(&(span, key)))
            .flatten()
        {
            return Some(i);
        }
        if let Some(i) = self.unclaimed.get_mut(&span).and_then(VecDeque::pop_front) {
            return Some(i);
        }
        self.first.get(&span).copied()
    }
}

/// A relation joining two parts of an attribution (text-bounds, by index, and their parts).
struct Join<'f> {
    id: &'f str,
    kind: &'f str,
    line: usize,
    ends: [(usize, Part); 2],
}

/// A claim with its id, and the text-bound it came from (none for an attribution's).
struct Named {
    text: Option<usize>,
    claim: Claim,
}

/// A link and the line of the file it comes from.
struct LinkAt {
    line: usize,
    link: Link,
}

/// What the reader makes of a file, for the article.
struct Read {
    claims: Vec<Claim>,
    fixes: Vec<EntityFix>,
    /// Links with the line they come from.
    links: Vec<LinkAt>,
    attributions: usize,
    skips: Skips,
}

struct Reader<'a, 'f> {
    doc: &'a Document,
    /// Bytes of a byte-order mark before the article's text in the file.
    bom: usize,
    file: &'f Ann<'f>,
    kinds: Vec<Kind>,
    used: Vec<bool>,
    notes: Vec<NoteKind>,
    note_used: Vec<bool>,
    /// Notes by the id they are on.
    notes_on: HashMap<&'f str, Vec<usize>>,
    skips: Skips,
}

impl<'a, 'f> Reader<'a, 'f> {
    fn new(doc: &'a Document, bom: usize, file: &'f Ann<'f>) -> Self {
        let mut notes_on: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, n) in file.notes.iter().enumerate() {
            notes_on.entry(n.target).or_default().push(i);
        }
        Reader {
            doc,
            bom,
            file,
            kinds: file.texts.iter().map(|t| kind_of(t.label)).collect(),
            used: vec![false; file.texts.len()],
            notes: file.notes.iter().map(|n| notes::kind(n.text)).collect(),
            note_used: vec![false; file.notes.len()],
            notes_on,
            skips: Skips::default(),
        }
    }

    fn read(mut self, now: &str) -> Result<Read, BratError> {
        let mut drafts = self.claims()?;
        let groups = self.groups();
        let attributions = groups.len();
        self.attributions(groups, &mut drafts);
        let fixes = self.entities();
        let claims = self.name_claims(drafts, now)?;
        let links = self.links(&claims, now)?;
        self.leftovers();
        Ok(Read {
            claims: claims.into_iter().map(|n| n.claim).collect(),
            fixes,
            links,
            attributions,
            skips: self.skips,
        })
    }

    /// A byte span of the file's text as a span of the article's.
    fn to_doc(&self, s: Span) -> Span {
        Span::new(
            s.start().saturating_sub(self.bom),
            s.end().saturating_sub(self.bom),
        )
    }

    fn fragments(&self, t: &TextBound) -> Vec<Span> {
        t.fragments.iter().map(|f| self.to_doc(*f)).collect()
    }

    /// From the start of a text-bound's first fragment to the end of its last, trimmed.
    fn hull(&self, fragments: &[Span]) -> Option<Span> {
        let start = fragments.iter().map(|f| f.start()).min()?;
        let end = fragments.iter().map(|f| f.end()).max()?;
        trim_span(self.doc.text(), Span::new(start, end))
    }

    /// The words of a text-bound, its fragments joined by a space.
    fn words(&self, k: usize) -> String {
        let Some(t) = self.file.texts.get(k) else {
            return String::new();
        };
        let parts: Vec<&str> = self
            .fragments(t)
            .iter()
            .filter_map(|f| f.slice(self.doc.text()))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        parts.join(" ")
    }

    /// The notes on `id` not yet taken, taken.
    fn take_notes(&mut self, id: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for &i in self.notes_on.get(id).map_or(&[][..], |v| &v[..]) {
            if !self.note_used[i] && !matches!(self.notes[i], NoteKind::Link(_)) {
                out.push(i);
            }
        }
        for &i in &out {
            self.note_used[i] = true;
        }
        out
    }

    /// Claims from `Claim` text-bounds, with their attributes and notes.
    fn claims(&mut self) -> Result<Vec<Option<Draft>>, BratError> {
        let file = self.file;
        // by text-bound: the draft it makes
        let mut drafts: Vec<Option<Draft>> = Vec::with_capacity(file.texts.len());
        for (k, t) in file.texts.iter().enumerate() {
            if self.kinds[k] != Kind::Claim {
                drafts.push(None);
                continue;
            }
            self.used[k] = true;
            let Some(span) = self.hull(&self.fragments(t)) else {
                self.skips.add(t.label, SkipReason::NoText);
                drafts.push(None);
                continue;
            };
            let mut d = Draft {
                line: t.line,
                span,
                fields: ClaimFields::default(),
                id: None,
                creator: None,
                base: t.id.to_string(),
            };
            for i in self.take_notes(t.id) {
                match &self.notes[i] {
                    NoteKind::Fields(fields) => apply(fields, &mut d),
                    _ => add_line(&mut d.fields.note, file.notes[i].text),
                }
            }
            drafts.push(Some(d));
        }
        for a in &file.attributes {
            let draft = match file.get(a.target) {
                Some(Ref::Text(k)) => drafts.get_mut(k).and_then(Option::as_mut),
                _ => None,
            };
            let (Some(d), Some(name)) = (
                draft,
                [super::TYPE, super::VERDICT]
                    .into_iter()
                    .find(|n| n.eq_ignore_ascii_case(a.name)),
            ) else {
                self.skips.add(a.name, SkipReason::UnknownAttribute);
                continue;
            };
            let value = a.value.unwrap_or("").to_ascii_lowercase();
            let bad = || BratError::BadValue {
                line: a.line,
                name: name.to_string(),
                value: a.value.unwrap_or("").to_string(),
            };
            if name == super::TYPE {
                d.fields.kind = ClaimType::parse(&value).ok_or_else(bad)?;
            } else {
                d.fields.status = Verdict::new(&value).ok_or_else(bad)?;
            }
        }
        Ok(drafts)
    }

    /// The attributions: events, then relations joining parts.
    fn groups(&mut self) -> Vec<Group<'f>> {
        let file = self.file;
        let mut groups: Vec<Group> = Vec::new();
        for e in &file.events {
            let parts = e.args.iter().any(|a| part_of(a.base_role()).is_some());
            if !is_attribution(e.kind) && !parts {
                self.skips.add(e.kind, SkipReason::UnknownEvent);
                continue;
            }
            let mut g = Group {
                key: e.id,
                line: e.line,
                noted: vec![e.id, e.trigger],
                ..Group::default()
            };
            if let Some(Ref::Text(k)) = file.get(e.trigger) {
                self.used[k] = true;
                g.trigger = Some(k);
            }
            for a in &e.args {
                match (part_of(a.base_role()), file.get(a.target)) {
                    (Some(p), Some(Ref::Text(k))) => {
                        self.used[k] = true;
                        g.add(p, k);
                        g.noted.push(a.target);
                    }
                    _ => self.skips.add(a.base_role(), SkipReason::UnknownRole),
                }
            }
            groups.push(g);
        }
        // relations joining parts: grouped by their cue, else by their content
        let mut joins: Vec<Join> = Vec::new();
        for r in &file.relations {
            if let (Some(Ref::Text(a)), Some(Ref::Text(b))) =
                (file.get(r.from.target), file.get(r.to.target))
            {
                if let (Kind::Part(pa), Kind::Part(pb)) = (self.kinds[a], self.kinds[b]) {
                    joins.push(Join {
                        id: r.id,
                        kind: r.kind,
                        line: r.line,
                        ends: [(a, pa), (b, pb)],
                    });
                }
            }
        }
        let new_group = |groups: &mut Vec<Group<'f>>, k: usize, p: Part, line: usize| {
            let mut g = Group {
                key: file.texts[k].id,
                line,
                noted: vec![file.texts[k].id],
                ..Group::default()
            };
            g.add(p, k);
            groups.push(g);
            groups.len() - 1
        };
        // a cue and its source or content
        let mut by_cue: HashMap<usize, usize> = HashMap::new();
        let mut by_content: HashMap<usize, usize> = HashMap::new();
        for j in &joins {
            let [x, y] = j.ends;
            let (cue, (other, part)) = match (x.1, y.1) {
                (Part::Cue, Part::Cue) => {
                    self.skips.add(j.kind, SkipReason::UnknownRelation);
                    continue;
                }
                (Part::Cue, _) => (x.0, y),
                (_, Part::Cue) => (y.0, x),
                _ => continue,
            };
            let g = *by_cue
                .entry(cue)
                .or_insert_with(|| new_group(&mut groups, cue, Part::Cue, j.line));
            if part == Part::Content {
                by_content.insert(other, g);
            }
            self.used[cue] = true;
            self.used[other] = true;
            if let Some(g) = groups.get_mut(g) {
                g.add(part, other);
                g.noted.extend([j.id, file.texts[other].id]);
            }
        }
        // a content and its source: the content's group, or one of its own
        for j in &joins {
            let [x, y] = j.ends;
            let (content, source) = match (x.1, y.1) {
                (Part::Content, Part::Source) => (x.0, y.0),
                (Part::Source, Part::Content) => (y.0, x.0),
                (Part::Cue, _) | (_, Part::Cue) => continue,
                _ => {
                    self.skips.add(j.kind, SkipReason::UnknownRelation);
                    continue;
                }
            };
            let g = *by_content
                .entry(content)
                .or_insert_with(|| new_group(&mut groups, content, Part::Content, j.line));
            self.used[content] = true;
            self.used[source] = true;
            if let Some(g) = groups.get_mut(g) {
                g.add(Part::Source, source);
                g.noted.extend([j.id, file.texts[source].id]);
            }
        }
        for g in &mut groups {
            for list in [&mut g.sources, &mut g.cues, &mut g.contents] {
                crate::core::sort::sort(list);
                list.dedup();
            }
        }
        groups
    }

    /// Each attribution made a claim, or given to the `Claim` over the very same words.
    fn attributions(&mut self, groups: Vec<Group>, drafts: &mut Vec<Option<Draft>>) {
        let mut tagged = OnWords::new(drafts);
        let text = self.doc.text();
        for g in groups {
            let speaker: Vec<String> = g.sources.iter().map(|&k| self.words(k)).collect();
            let speaker = speaker
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let cue: Vec<String> = g.cues.iter().map(|&k| self.words(k)).collect();
            let cue = cue.join(" ");
            let said: Vec<usize> = if !g.contents.is_empty() {
                g.contents.clone()
            } else if !g.cues.is_empty() {
                g.cues.clone()
            } else {
                g.trigger.into_iter().collect()
            };
            let mut fragments: Vec<Span> = said
                .iter()
                .filter_map(|&k| self.file.texts.get(k))
                .flat_map(|t| self.fragments(t))
                .collect();
            crate::core::sort::sort_by_key(&mut fragments, |f| (f.start(), f.end()));
            let mut notes = Vec::new();
            for id in &g.noted {
                notes.extend(self.take_notes(id));
            }
            let file = self.file;
            let noted: Vec<&str> = notes.iter().map(|&i| file.notes[i].text).collect();
            // the attribution of a claim tagged on the very same words
            if let Some(d) = self
                .hull(&fragments)
                .and_then(|h| tagged.pick(h, &speaker))
                .and_then(|i| drafts.get_mut(i))
                .and_then(Option::as_mut)
            {
                if d.fields.claimant.trim().is_empty() {
                    d.fields.claimant = speaker;
                }
                for n in noted {
                    add_line(&mut d.fields.note, n);
                }
                continue;
            }
            // the fragments in the first one's paragraph make the claim; others are quoted
            let block = |f: &Span| trim_span(text, *f).map(|s| self.doc.block_at(s.start()));
            let first = fragments.iter().find_map(block);
            let (kept, left): (Vec<Span>, Vec<Span>) = fragments
                .iter()
                .filter(|f| block(f).is_some())
                .partition(|f| block(f) == first);
            let Some(span) = self.hull(&kept) else {
                let label = g
                    .trigger
                    .and_then(|k| self.file.texts.get(k))
                    .map_or(super::ATTRIBUTION, |t| t.label);
                self.skips.add(label, SkipReason::NoText);
                continue;
            };
            let mut note = String::new();
            if !cue.is_empty() {
                add_line(&mut note, &format!("Cue: “{cue}”"));
            }
            if !left.is_empty() {
                let rest: Vec<&str> = left
                    .iter()
                    .filter_map(|f| f.slice(text))
                    .map(str::trim)
                    .collect();
                add_line(
                    &mut note,
                    &format!(
                        "The content goes on in another paragraph: “{}”",
                        rest.join(" … ")
                    ),
                );
            }
            for n in noted {
                add_line(&mut note, n);
            }
            drafts.push(Some(Draft {
                line: g.line,
                span,
                fields: ClaimFields {
                    claimant: speaker,
                    kind: if cue.is_empty() {
                        ClaimType::default()
                    } else {
                        kind_for_cue(&cue)
                    },
                    note,
                    ..ClaimFields::default()
                },
                id: None,
                creator: None,
                base: g.key.to_string(),
            }));
        }
    }

    /// Entity text-bounds as the person's entity decisions: each in one paragraph, none
    /// overlapping another (the first in the text stays).
    fn entities(&mut self) -> Vec<EntityFix> {
        let mut found: Vec<(EntityFix, &str)> = Vec::new();
        for (k, t) in self.file.texts.iter().enumerate() {
            let Kind::Entity(label) = self.kinds[k] else {
                continue;
            };
            self.used[k] = true;
            let Some(span) = self.hull(&self.fragments(t)) else {
                self.skips.add(t.label, SkipReason::NoText);
                continue;
            };
            if fixes::check(self.doc, span).is_err() {
                self.skips.add(t.label, SkipReason::AcrossParagraphs);
                continue;
            }
            found.push((EntityFix { span, label }, t.label));
        }
        crate::core::sort::sort_by_key(&mut found, |(f, _)| (f.span.start(), f.span.end()));
        let mut out: Vec<EntityFix> = Vec::with_capacity(found.len());
        for (f, label) in found {
            match out.last() {
                Some(last) if last.span.overlaps(&f.span) || last.span == f.span => {
                    self.skips.add(label, SkipReason::Overlapping)
                }
                _ => out.push(f),
            }
        }
        out
    }

    /// Gives every claim its id: the one its note gives (each once), else one made from
    /// the text-bound's or event's id, unlike every other. Tags are made unique.
    fn name_claims(
        &mut self,
        drafts: Vec<Option<Draft>>,
        now: &str,
    ) -> Result<Vec<Named>, BratError> {
        let mut taken: HashSet<String> = HashSet::new();
        for d in drafts.iter().flatten() {
            if let Some(id) = &d.id {
                if !taken.insert(id.clone()) {
                    return Err(BratError::DuplicateGlossId {
                        line: d.line,
                        id: id.clone(),
                    });
                }
            }
        }
        let texts = self.file.texts.len();
        let mut out = Vec::with_capacity(drafts.len());
        for (i, d) in drafts.into_iter().enumerate() {
            let Some(mut d) = d else { continue };
            let mut seen: HashSet<String> = HashSet::new();
            d.fields.tags.retain(|t| seen.insert(t.clone()));
            let id = match d.id {
                Some(id) => id,
                None => unique(format!("brat-{}", d.base), &mut taken),
            };
            out.push(Named {
                text: (i < texts).then_some(i),
                claim: Claim {
                    id,
                    span: d.span,
                    fields: d.fields,
                    created: now.to_string(),
                    modified: now.to_string(),
                    creator: d.creator,
                },
            });
        }
        Ok(out)
    }

    /// Links from relations between claims and entities, and from link notes.
    fn links(&mut self, claims: &[Named], now: &str) -> Result<Vec<LinkAt>, BratError> {
        let file = self.file;
        let claim_of: HashMap<usize, &str> = claims
            .iter()
            .filter_map(|n| n.text.map(|k| (k, n.claim.id.as_str())))
            .collect();
        let mut out: Vec<LinkAt> = Vec::new();
        let mut taken: HashSet<String> = HashSet::new();
        for r in &file.relations {
            let (Some(ra), Some(rb)) = (file.get(r.from.target), file.get(r.to.target)) else {
                continue;
            };
            let parts =
                |r: Ref| matches!(r, Ref::Text(k) if matches!(self.kinds[k], Kind::Part(_)));
            if parts(ra) && parts(rb) {
                continue; // an attribution's join (`groups`)
            }
            let (Some(kind), Some(mut from), Some(mut to)) = (
                relation_of(r.kind),
                self.end(ra, &claim_of),
                self.end(rb, &claim_of),
            ) else {
                self.skips.add(r.kind, SkipReason::UnknownRelation);
                continue;
            };
            let mut id = None;
            let mut note = String::new();
            for i in self.take_notes(r.id) {
                match &self.notes[i] {
                    NoteKind::Fields(fields) => {
                        for f in fields {
                            match f.key {
                                Key::Id => id = id.or(Some(f.value.clone())),
                                Key::Note => add_line(&mut note, &f.value),
                                Key::From => from = End::decode(&f.value).unwrap_or(from),
                                Key::To => to = End::decode(&f.value).unwrap_or(to),
                                _ => {}
                            }
                        }
                    }
                    _ => add_line(&mut note, file.notes[i].text),
                }
            }
            let link = Link {
                id: String::new(),
                from,
                to,
                kind,
                note,
                created: now.to_string(),
            };
            let link = name_link(link, id, r.id, &mut taken);
            out.push(LinkAt {
                line: r.line,
                link: link.map_err(|id| BratError::DuplicateGlossId { line: r.line, id })?,
            });
        }
        for (i, n) in file.notes.iter().enumerate() {
            if let NoteKind::Link(l) = &self.notes[i] {
                self.note_used[i] = true;
                let link = Link {
                    id: String::new(),
                    from: l.from.clone(),
                    to: l.to.clone(),
                    kind: l.kind,
                    note: l.note.clone(),
                    created: now.to_string(),
                };
                let link = name_link(link, l.id.clone(), "note", &mut taken);
                out.push(LinkAt {
                    line: n.line,
                    link: link.map_err(|id| BratError::DuplicateGlossId { line: n.line, id })?,
                });
            }
        }
        // in the file's order: as they were drawn, when Gloss wrote the file
        crate::core::sort::sort_by_key(&mut out, |l| l.line);
        Ok(out)
    }

    /// A claim or entity text-bound as a link's end.
    fn end(&self, r: Ref, claim_of: &HashMap<usize, &str>) -> Option<End> {
        let Ref::Text(k) = r else { return None };
        match self.kinds.get(k)? {
            Kind::Claim => claim_of.get(&k).map(|id| End::Claim(id.to_string())),
            Kind::Entity(Some(_)) => Some(End::Entity(self.words(k))),
            _ => None,
        }
    }

    /// Counts what no pass took: text-bounds, notes, equivalences and the like.
    fn leftovers(&mut self) {
        let file = self.file;
        for (k, t) in file.texts.iter().enumerate() {
            if !self.used[k] {
                let why = match self.kinds[k] {
                    Kind::Part(_) | Kind::Trigger => SkipReason::NotInAttribution,
                    _ => SkipReason::UnknownLabel,
                };
                self.skips.add(t.label, why);
            }
        }
        for i in 0..file.notes.len() {
            if !self.note_used[i] {
                self.skips.add(NOTES, SkipReason::NoteNotKept);
            }
        }
        for what in &file.others {
            self.skips.add(what, SkipReason::NotKept);
        }
    }
}

/// A link given its id in Gloss: `id` when the file gives one, else one made from `base`
/// (the relation's id); an id another link has already is the error.
fn name_link(
    mut link: Link,
    id: Option<String>,
    base: &str,
    taken: &mut HashSet<String>,
) -> Result<Link, String> {
    link.id = match id {
        Some(id) if !taken.insert(id.clone()) => return Err(id),
        Some(id) => id,
        None => unique(format!("brat-{base}"), taken),
    };
    Ok(link)
}

/// `base`, or `base-2`, `base-3`… when taken; taken from then on.
fn unique(base: String, taken: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Fields Gloss wrote, onto a claim being read (tags are made unique in `name_claims`).
fn apply(fields: &[Field], d: &mut Draft) {
    for f in fields {
        let value = f.value.clone();
        match f.key {
            Key::Id => {
                if d.id.is_none() {
                    d.id = Some(value);
                }
            }
            Key::Claimant => d.fields.claimant = value,
            Key::Creator => d.creator = Some(value),
            Key::Note => add_line(&mut d.fields.note, &value),
            Key::Tag => d.fields.tags.push(value),
            Key::Evidence => d.fields.evidence.push(Evidence {
                url: value,
                note: String::new(),
            }),
            Key::EvidenceNote => match d.fields.evidence.last_mut() {
                Some(e) if e.note.is_empty() => e.note = value,
                _ => d.fields.evidence.push(Evidence {
                    url: String::new(),
                    note: value,
                }),
            },
            Key::Link | Key::From | Key::To => {}
        }
    }
}

/// Adds a line to a note.
fn add_line(note: &mut String, line: &str) {
    if !note.is_empty() {
        note.push('\n');
    }
    note.push_str(line);
}
