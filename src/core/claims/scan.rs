//! The claim scan: sentence by sentence, who said what, with what one sentence leaves
//! the next.

use super::described::OrgKinds;
use super::rules::{self, full_name, Sentence, Verdict};
use super::*;

/// A claim scan that can run in slices of sentences (like `extract::EntityScan`), so a long
/// article never blocks the page: `step` until done, then `finish`.
pub struct ClaimScan {
    /// Full names for surnames and given names: "Sybiha" -> "Andrii Sybiha".
    full_names: KeyedMap<String, String>,
    /// Organisations' full names by their first word alone: "Meridale" -> "Meridale Life
    /// Sciences" (a map of its own: "Trump" alone is no "Trump Organization").
    org_names: KeyedMap<String, String>,
    /// The organisations spoken of by their kind: "the company", "the council".
    kinds: OrgKinds,
    /// Genders and title holders, learnt from the whole text.
    people: People,
    /// Learning `people` from the whole text, before the first sentence is scanned.
    learning: Option<Learning>,
    out: Vec<Suggestion>,
    /// What one sentence leaves the next.
    carry: Carry,
    next: usize,
    /// The text with each pair of apostrophes that stands for a quotation mark (''like
    /// this'', the plain-text convention of some newswires) read as one: the same length,
    /// so every offset holds. `None` when the text has none.
    plain_quotes: Option<String>,
}

/// An attribution found in a sentence: who speaks (as the text names them, resolved), the
/// mention of the source when there is one, and the cue.
pub(super) struct Found {
    pub speaker: String,
    pub source: Option<Span>,
    pub cue: Span,
    /// A second verb of the sentence's subject: its statement follows it, whatever
    /// precedes ("X denied A and vowed B").
    pub follows: bool,
    /// The source as written, where it is not the speaker's mention: the relative pronoun
    /// of "X, who said", the name before a colon.
    pub written: Option<Span>,
}

impl Found {
    pub fn new(speaker: String, source: Option<Span>, cue: Span) -> Found {
        Found {
            speaker,
            source,
            cue,
            follows: false,
            written: None,
        }
    }
}

/// An attribution of the sentence as suggested: the speaker and their mention, and the cue
/// (all `None`: a sentence no one is said to have said; only the cue `None`: a quotation
/// going on from the sentence before).
#[derive(Default)]
struct Att {
    speaker: Option<String>,
    mention: Option<Span>,
    cue: Option<Span>,
}

/// An attribution's source as written in the sentence, and its content.
#[derive(Clone, Copy)]
struct Part {
    source: Option<Span>,
    content: Span,
}

/// What the scan of one sentence leaves the next: who spoke or was named lately, and
/// whether a quotation or a colon's statement goes on.
pub(super) struct Carry {
    /// The people named lately, for "he" and "she".
    recent: Recent,
    /// The last thing named as a source, for "it" (one sentence back).
    last_thing: Option<(String, Span)>,
    /// The last sentence's subject, a thing, when it attributed nothing (for "It" opening
    /// the next).
    last_subject: Option<LastSubject>,
    last_plural: Option<String>,
    /// Who speaks in the quotation open at the end of the last sentence.
    quote_open_speaker: Option<(String, Span)>,
    /// A quotation is open at the end of the last sentence ("“A. B.” …" over sentences).
    quote_open: bool,
    /// The last sentence ended with a quotation open or a colon, so the quotation may go
    /// on in the next paragraph ("X said: ¶ “…”", "“A ¶ “B.”").
    runs_on: bool,
    /// The last sentence ended with a cue and a colon ("The governor added:"), so the next
    /// paragraph is what was said, quotation marks or not.
    colon_cue: bool,
    /// The block of the last sentence.
    last_block: usize,
    /// Sentences since a person was last named (past three, "he" and "she" are no one's).
    since_person: usize,
    /// A quotation opened in this paragraph and still open, no one named with a cue as
    /// its speaker yet: "“A? B?” X asks." names X after the quotation's first sentences.
    unsigned: Option<Unsigned>,
}

/// The subject opening the last sentence, a thing, when that sentence attributed nothing
/// (`Carry::last_subject`): what "It" opening the next may stand for.
pub(super) struct LastSubject {
    /// The speaker it would be: the organisation's name, or the description's.
    pub name: String,
    pub span: Span,
    /// An organisation: "It" stands for it only before a verb of saying.
    pub speaker_only: bool,
}

/// A quotation whose speaker is not named yet (`Carry::unsigned`).
#[derive(Clone, Copy)]
struct Unsigned {
    /// Where its opening quotation mark is.
    opens: usize,
    /// The first of `ClaimScan::out` made for its sentences (each with no cue).
    out_from: usize,
}

impl Unsigned {
    /// The quotation opening in sentence `sentence` (`s_text`) and open at its end: from
    /// the mark opening the sentence, else its last opening curly mark; `out_from` the
    /// number of suggestions made before it.
    fn opened(s_text: &str, sentence: Span, out_from: usize) -> Option<Unsigned> {
        s_text
            .starts_with(['"', '“'])
            .then_some(sentence.start())
            .or_else(|| s_text.rfind('“').map(|o| sentence.start() + o))
            .map(|opens| Unsigned { opens, out_from })
    }

    /// The whole quotation, when sentence `sentence` (`s_text`, opening inside it) signs
    /// it: its first attribution (`att`, with `part`, its source as written) names a
    /// speaker whose cue and source come after the closing mark.
    fn signed(&self, s_text: &str, sentence: Span, att: &Att, part: &Part) -> Option<Span> {
        let closing = s_text
            .find(['"', '”'])
            .map(|c| sentence.start() + c + s_text[c..].chars().next().map_or(1, char::len_utf8))?;
        let after = |sp: Option<Span>| sp.is_none_or(|x| x.start() >= closing);
        // (a sentence going on with the last one's speaker, with no cue of its own, signs
        // nothing: "“A,” X said. “B. C.”" keeps B and C each X's)
        (att.speaker.is_some() && att.cue.is_some() && after(att.cue) && after(part.source))
            .then(|| Span::new(self.opens, closing))
    }
}

impl Default for Carry {
    fn default() -> Carry {
        Carry {
            recent: Recent::default(),
            last_thing: None,
            last_subject: None,
            last_plural: None,
            quote_open_speaker: None,
            quote_open: false,
            runs_on: false,
            colon_cue: false,
            last_block: usize::MAX,
            since_person: 0,
            unsigned: None,
        }
    }
}

impl ClaimScan {
    pub fn new(doc: &Document, mentions: &[Mention]) -> ClaimScan {
        let text = doc.text();
        let mut full_names = KeyedMap::default();
        for m in mentions.iter().filter(|m| m.label == Label::Person) {
            let full = &text[m.span.start()..m.span.end()];
            if full.contains(' ') {
                for w in full.split_whitespace() {
                    full_names
                        .entry(w.to_string())
                        .or_insert_with(|| full.to_string());
                }
            }
        }
        // an organisation's short name, its first word, stands for its one full name
        // ("Meridale said" after "Meridale Life Sciences"); not when two names share it
        let mut org_names: KeyedMap<&str, Option<&str>> = KeyedMap::default();
        for m in mentions.iter().filter(|m| m.label == Label::Org) {
            let full = text[m.span.start()..m.span.end()].trim_start_matches("the ");
            if let Some((head, _)) = full.split_once(' ') {
                let one = org_names.entry(head).or_insert(Some(full));
                if *one != Some(full) {
                    *one = None;
                }
            }
        }
        let kinds = OrgKinds::of(
            mentions
                .iter()
                .filter(|m| m.label == Label::Org)
                .map(|m| text[m.span.start()..m.span.end()].trim_start_matches("the ")),
        );
        // (not a word of a person's name: "Sanders" of "Sanders Iowa" is Bernie Sanders)
        let org_names = org_names
            .into_iter()
            .filter(|(head, _)| !full_names.contains_key(*head))
            .filter_map(|(head, full)| Some((head.to_string(), full?.to_string())))
            .collect();
        ClaimScan {
            full_names,
            org_names,
            kinds,
            people: People::default(),
            learning: Some(Learning::default()),
            out: Vec::new(),
            carry: Carry::default(),
            next: 0,
            plain_quotes: plain_quotes(text),
        }
    }

    /// How many of the document's sentences have been scanned.
    pub fn scanned(&self) -> usize {
        self.next
    }

    /// Scans up to `max` more sentences (first learning who is who from up to `max` more
    /// mentions or sentences, while that is under way); true when all are done.
    pub fn step(&mut self, doc: &Document, mentions: &[Mention], max: usize) -> bool {
        if let Some(learning) = &mut self.learning {
            let names = &self.full_names;
            if !learning.step(doc, mentions, |n| person_name(names, n), max) {
                return false;
            }
            if let Some(l) = self.learning.take() {
                self.people = l.finish();
            }
        }
        let sentences = doc.sentences();
        let end = self.next.saturating_add(max).min(sentences.len());
        for &sentence in &sentences[self.next..end] {
            self.sentence(doc, mentions, sentence);
        }
        self.next = end;
        end >= sentences.len()
    }

    pub fn finish(self) -> Vec<Suggestion> {
        self.out
    }

    fn sentence(&mut self, doc: &Document, mentions: &[Mention], sentence: Span) {
        let text = self.plain_quotes.as_deref().unwrap_or(doc.text());
        let full_names = &self.full_names;
        let kinds = &self.kinds;
        let org_names = &self.org_names;
        let carry = &mut self.carry;
        carry.since_person += 1;
        if carry.since_person > 3 {
            carry.recent.clear();
        }
        let block = doc.block_at(sentence.start()).unwrap_or(usize::MAX);
        let s_text = sentence.slice(text).unwrap_or("");
        if block != carry.last_block {
            carry.last_block = block;
            carry.unsigned = None;
            // a quotation goes on in a new paragraph that opens with a quotation mark, and
            // a paragraph after "X added:" is X's words
            if !(carry.runs_on && s_text.starts_with(['"', '“']) || carry.colon_cue) {
                carry.quote_open_speaker = None;
            }
            carry.quote_open = carry.colon_cue && carry.quote_open_speaker.is_some();
        }
        let ws = words(text, sentence);
        // mentions are in text order: find this sentence's by binary search
        let first = mentions.partition_point(|m| m.span.start() < sentence.start());
        // (a dateline's place is no one's mention: "WASHINGTON — X said")
        let after_dateline = sentence.start() + dateline_len(s_text);
        let ms: Vec<&Mention> = mentions[first..]
            .iter()
            .take_while(|m| m.span.start() < sentence.end())
            .filter(|m| m.span.end() <= sentence.end() && m.span.start() >= after_dateline)
            .collect();
        let name_of =
            |m: &Mention| full_name(full_names, &text[m.span.start()..m.span.end()], m.label);
        // a plural subject at the start: "Secretary A and Secretary B met …"
        if let (Some(a), Some(b)) = (ms.first(), ms.get(1)) {
            let between = &text[a.span.end()..b.span.start()];
            if a.label == Label::Person
                && b.label == Label::Person
                && between.contains(" and ")
                && between.len() < 24
            {
                carry.last_plural = Some(format!("{} and {}", name_of(a), name_of(b)));
            }
        }
        let in_heading = doc
            .blocks()
            .get(block)
            .is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading));
        // words inside a quotation: a cue there is the quoted speaker's, not a report
        // (a quotation open at the end of the last sentence goes on here)
        let open_before = carry.quote_open;
        // (a sentence without a quotation mark leaves it as it was, at every word)
        let marks =
            s_text.bytes().any(|b| b == b'"' || b == 0xE2) && s_text.contains(['"', '“', '”']);
        let quoted: Vec<bool> = if !marks {
            vec![carry.quote_open; ws.len()]
        } else {
            let mut inside = carry.quote_open;
            let mut at = sentence.start();
            ws.iter()
                .map(|w| {
                    inside = quotes_through(text, at, w.span.start(), inside);
                    at = w.span.start();
                    inside
                })
                .collect()
        };
        if marks {
            carry.quote_open = quotes_through(
                text,
                ws.last().map_or(sentence.start(), |w| w.span.start()),
                sentence.end(),
                quoted.last().copied().unwrap_or(carry.quote_open),
            );
        }
        // a headline's "Name: statement" is that name's, whatever cues the statement holds
        // ("Pence: Trump Was ‘Mocking’ Clinton")
        let headline_colon = in_heading
            .then(|| colon_source(text, &ws, sentence))
            .flatten()
            .map(|(_, colon)| colon);
        let cx = Sentence {
            text,
            span: sentence,
            opens_at: after_dateline,
            ws: &ws,
            ms: &ms,
            quoted: &quoted,
            in_heading,
            people: &self.people,
            full_names,
            recent: &carry.recent,
            last_thing: carry.last_thing.as_ref(),
            last_subject: carry.last_subject.as_ref(),
            last_plural: carry.last_plural.as_deref(),
        };
        // each attribution found in the sentence, by the rules of `rules.rs`
        let mut founds: Vec<Found> = Vec::new();
        let mut cues_seen = 0;
        for (i, w) in ws.iter().enumerate() {
            if quoted[i] || headline_colon.is_some_and(|c| w.span.start() > c.start()) {
                continue;
            }
            // (only a cue or "according" attributes: `attribution` is `Not` for any other)
            if !is_cue(w.text) && !w.text.eq_ignore_ascii_case("according") && !is_in_word(w.text) {
                continue;
            }
            // a sentence holds a few attributions: past `MAX_CUES` cue words it is no prose
            // (a run-on of a megabyte), and reading each cue's statement in it would make
            // the scan quadratic
            // ("in" is one only before a poll, found in a few steps)
            cues_seen += usize::from(!is_in_word(w.text));
            if cues_seen > MAX_CUES {
                break;
            }
            if let Verdict::Is(f) = cx.attribution(i, &founds) {
                founds.push(cx.coordinated(cx.held_title(f)));
            }
        }
        // the cues of those whose statement is after the cue, whatever precedes
        let follows: Vec<Span> = founds.iter().filter(|f| f.follows).map(|f| f.cue).collect();
        inner_source_speaks(text, sentence, &mut founds, &follows);
        if founds.is_empty() {
            founds.extend(cx.signed());
        }
        if founds.is_empty() && !open_before {
            founds.extend(cx.colon_opening());
        }
        // (cue, source) where the source as written is not the speaker's mention: the
        // relative pronoun of "X, who said …", the name before a colon
        let written: Vec<(Span, Span)> = founds
            .iter()
            .filter_map(|f| Some((f.cue, f.written?)))
            .collect();
        let quoted_start = s_text.starts_with(['"', '“', '‘']) || open_before;
        // each attribution here; none, or a quotation going on from the last sentence
        let atts: Vec<Att> = if !founds.is_empty() {
            founds
                .into_iter()
                .map(|f| Att {
                    speaker: Some(
                        kinds
                            .speaker(org_names, mentions, text, f.source)
                            .unwrap_or(f.speaker),
                    ),
                    mention: f.source,
                    cue: Some(f.cue),
                })
                .collect()
        } else {
            match &carry.quote_open_speaker {
                Some((n, sp)) if quoted_start => vec![Att {
                    speaker: Some(n.clone()),
                    mention: Some(*sp),
                    cue: None,
                }],
                _ => vec![Att::default()],
            }
        };
        let quotes = s_text.contains('"') || s_text.contains('“') || s_text.contains('”');
        let colon_cue = atts.iter().any(|a| {
            a.cue.is_some_and(|c| {
                text.get(c.end()..sentence.end())
                    .is_some_and(|r| r.trim() == ":")
            })
        });
        for Att {
            speaker,
            mention: speaker_span,
            ..
        } in &atts
        {
            // remember who speaks, for pronouns and running quotations
            // a pronoun left as written stands for no one to remember
            let named = speaker.as_deref().filter(|n| !is_pronoun(n));
            if let (Some(n), Some(sp)) = (named.map(str::to_string), *speaker_span) {
                let at = mentions.partition_point(|m| m.span.start() < sp.start());
                // (the source may run on over where they are from: "Jo Lee of the
                // University of Leeds")
                let label = mentions
                    .get(at)
                    .filter(|m| {
                        m.span == sp
                            || m.span.start() == sp.start()
                                && m.span.end() < sp.end()
                                && text.get(m.span.end()..sp.end()).is_some_and(|r| {
                                    r.starts_with(" of ")
                                        || r.starts_with(" from ")
                                        || post_nominal(r)
                                })
                    })
                    .map(|m| m.label)
                    // (or a description the person's name closes, set off by a comma: "a
                    // ministry spokeswoman, Nalinee Chaiyaporn")
                    .or_else(|| {
                        mentions[at..]
                            .iter()
                            .take_while(|m| m.span.start() < sp.end())
                            .find(|m| {
                                m.label == Label::Person
                                    && m.span.end() == sp.end()
                                    && text[sp.start()..m.span.start()].trim_end().ends_with(',')
                            })
                            .map(|m| m.label)
                    });
                if label == Some(Label::Person) {
                    carry.recent.note(n.clone(), sp);
                    carry.since_person = 0;
                } else {
                    carry.last_thing = Some((n.clone(), sp));
                }
                // (a quotation still open at the end goes on with its speaker)
                carry.quote_open_speaker =
                    (quotes || s_text.trim_end().ends_with(':') || carry.quote_open)
                        .then_some((n, sp));
            } else if !quoted_start {
                carry.quote_open_speaker = None;
            }
            if speaker.is_none() {
                // "it" only reaches back one sentence
                carry.last_thing = None;
                // everyone named, the last one latest
                for m in ms.iter().filter(|m| m.label == Label::Person) {
                    carry.recent.note(name_of(m), m.span);
                    carry.since_person = 0;
                }
            }
        }
        // (for "It" opening the next sentence: "The report also gave details. It said …")
        carry.last_subject = atts
            .iter()
            .all(|a| a.speaker.is_none())
            .then(|| opening_thing(text, &ws, &ms, after_dateline))
            .flatten();
        let facts = worth::Facts::of(s_text, ms.len());
        // each attribution's source as written here, and its content
        let mut parts: Vec<Part> = atts
            .iter()
            .map(|a| {
                let (speaker_span, cue) = (&a.mention, &a.cue);
                // the mention found, or the pronoun or title next to the cue when it stands
                // for someone named before
                let rewritten = cue.and_then(|c| written.iter().find(|w| w.0 == c).map(|w| w.1));
                let source = match (*speaker_span, *cue) {
                    _ if rewritten.is_some() => rewritten,
                    (Some(sp), _)
                        if sp.start() >= sentence.start() && sp.end() <= sentence.end() =>
                    {
                        Some(sp)
                    }
                    // (the nearest of the six words before the cue, then the one after
                    // when it closes the clause, "…,” said he." (in "saying he was" it
                    // opens the statement)
                    (Some(_), Some(c)) => ws
                        .iter()
                        .rev()
                        .filter(|w| w.span.end() <= c.start())
                        .take(6)
                        .chain(
                            ws.iter()
                                .find(|w| w.span.start() >= c.end())
                                .filter(|w| closes_clause(text, w.span.end(), sentence.end())),
                        )
                        // (else the pronoun opening the sentence, its subject: "She pushed
                        // back against the charges of the week, saying …")
                        .chain(ws.first().filter(|w| w.span.end() <= c.start()))
                        .find(|w| is_pronoun(w.text) || TITLE_SUBJECTS.contains(&w.text))
                        .map(|w| w.span),
                    _ => None,
                };
                // a pronoun (of `set`) as written after the statement, with nothing said
                // after its cue: "A, he said in an interview."
                let pronoun_after = |set: &[&str], c: Span| {
                    !follows.contains(&c)
                        && rewritten.is_some_and(|r| set.contains(&&text[r.start()..r.end()]))
                        && nothing_said_after(text, sentence, c)
                };
                // "it" set off after a statement it makes in this sentence: all before it is
                // said, the attribution inside it too ("The company expects A, it said in a
                // filing")
                let trailing_it = cue.is_some_and(|c| {
                    rewritten.is_some_and(|r| {
                        text[sentence.start()..r.start()].trim_end().ends_with(',')
                    }) && pronoun_after(PRONOUNS_THING, c)
                });
                // the statement lies after any other attribution's cue before this one:
                // "X said A, and Y said B" gives Y nothing of A
                let scope = match *cue {
                    Some(_) if trailing_it => sentence,
                    Some(c) => {
                        let start = source
                            .filter(|s| s.start() >= sentence.start())
                            .map_or(c.start(), |s| s.start().min(c.start()));
                        let from = atts
                            .iter()
                            .filter_map(|a| a.cue)
                            .filter(|o| *o != c && o.end() <= start)
                            .map(|o| o.end())
                            .max()
                            .unwrap_or(sentence.start());
                        Span::new(from.max(sentence.start()), sentence.end())
                    }
                    None => sentence,
                };
                let content = match *cue {
                    // "In a CNN poll, A", "A in the latest polls"
                    Some(c) if is_in_poll(text, c) => poll_content(text, scope, c, source),
                    // a pronoun set off after the statement, with nothing said after its
                    // cue: "A, he said in an interview." is A
                    Some(c)
                        if trailing_it
                            || scope.start() == sentence.start()
                                && pronoun_after(PRONOUNS_PERSON, c) =>
                    {
                        content_span(text, scope, c, rewritten)
                    }
                    // a pronoun set off inside the statement, which goes on after it: "A,
                    // it said, and B" is A (as "A, police said, and B" is)
                    Some(c) if set_off_inside(text, scope, c, rewritten) => {
                        content_span(text, scope, c, rewritten)
                    }
                    Some(c) if follows.contains(&c) || rewritten.is_some() => {
                        content_after(text, sentence, c)
                    }
                    // ", according to X" closing the sentence: all before it is said,
                    // other attributions in it too ("He told aides A, according to
                    // someone in attendance")
                    Some(c)
                        if is_according(text, c)
                            && text[sentence.start()..c.start()].trim_end().ends_with(',') =>
                    {
                        content_span(text, sentence, c, source)
                    }
                    // after another attribution, what precedes the cue is that one's
                    Some(c) if scope.start() > sentence.start() => {
                        let end = source
                            .filter(|s| s.start() >= c.end())
                            .map_or(c.end(), |s| s.end());
                        // (the source and cue set off after a statement: "A, calling B,
                        // Susan said as she left", "A, his aide, Jo Lee, told the Post")
                        let before_source = source
                            .filter(|s| s.end() <= c.start() && s.start() >= sentence.start())
                            .map_or(c.start(), |s| s.start());
                        let set_off = text[sentence.start()..before_source]
                            .trim_end()
                            .ends_with([',', '"', '”']);
                        match content_after(text, sentence, Span::new(c.start(), end)) {
                            // "A, who decided B, a source said": nothing after the cue, so
                            // what it says is before it, the first attribution nested in it
                            after
                                if after == sentence
                                    || set_off && nothing_said_after(text, sentence, c) =>
                            {
                                content_span(text, sentence, c, source)
                            }
                            after => after,
                        }
                    }
                    Some(c) => content_span(text, scope, c, source),
                    None => sentence,
                };
                Part {
                    source: source.filter(|_| cue.is_some()),
                    content,
                }
            })
            .collect();
        same_subject_as_written(&atts, &mut parts, &follows);
        end_at_next_attribution(text, &atts, &mut parts, &follows);
        end_at_second_predicate(text, &atts, &mut parts);
        // "“A? B?” X asks …": the speaker named after a quotation that opened sentences
        // back says all of it; the sentences before, suggested with no cue, are part
        // of this one
        let unsigned = carry.unsigned.take();
        if let (Some(run), Some(att), Some(part)) = (
            unsigned.filter(|_| open_before),
            atts.first(),
            parts.first_mut(),
        ) {
            if let Some(content) = run.signed(s_text, sentence, att, part) {
                part.content = content;
                if self.out[run.out_from.min(self.out.len())..]
                    .iter()
                    .all(|o| o.cue.is_none())
                {
                    self.out.truncate(run.out_from);
                }
            }
        }
        // the words a suggestion is about, by which decisions on it are kept: the sentence,
        // or with several attributions in it, each one's source, cue and content
        let mut made: Vec<Suggestion> = Vec::with_capacity(atts.len());
        for (
            Att {
                speaker,
                mention: speaker_span,
                cue,
            },
            Part { source, content },
        ) in atts.into_iter().zip(parts)
        {
            let key = if made.is_empty() && cue.is_none() {
                sentence
            } else {
                // a second verb's words are its own, not its subject's
                let own_source = source.filter(|_| !cue.is_some_and(|c| follows.contains(&c)));
                [own_source, cue]
                    .into_iter()
                    .flatten()
                    .filter(|s| s.start() >= sentence.start() && s.end() <= sentence.end())
                    .fold(content, |a, b| {
                        Span::new(a.start().min(b.start()), a.end().max(b.end()))
                    })
            };
            let worth = facts.worth(speaker.is_some());
            // a span cut inside a pair of apostrophes read as one quotation mark holds both
            let (key, content) = match &self.plain_quotes {
                Some(_) => (
                    whole_pairs(doc.text(), key),
                    whole_pairs(doc.text(), content),
                ),
                None => (key, content),
            };
            if made.iter().any(|m| m.sentence == key) {
                continue;
            }
            made.push(Suggestion {
                sentence: key,
                content,
                speaker,
                speaker_span,
                source,
                cue,
                worth,
            });
        }
        if made.len() == 1 {
            made[0].sentence = sentence;
        }
        crate::core::sort::sort_by_key(&mut made, |m| (m.sentence.start(), m.sentence.end()));
        // (a quotation open at the end with no one named as its speaker: it may be
        // signed later in the paragraph)
        // (or taken, with no cue of its own, as going on from the last speaker's: "“A,” X
        // said. “B. C,” Y said." is Y's)
        let unsigned_here = made.iter().all(|m| m.cue.is_none());
        if carry.quote_open && unsigned_here {
            carry.unsigned = match unsigned {
                Some(run) if open_before => Some(run),
                _ if !open_before => Unsigned::opened(s_text, sentence, self.out.len()),
                _ => None,
            };
        }
        self.out.extend(made);
        carry.runs_on = carry.quote_open || s_text.trim_end().ends_with(':');
        carry.colon_cue = colon_cue;
    }
}

/// The subject opening a sentence when it is a thing "It" may stand for in the next: an
/// organisation's name, or "the" or "this" and up to three words in lower case ending in
/// a noun in the singular that names no person ("The report", "The state agency"), right
/// before its verb ("The report also gave …").
fn opening_thing(text: &str, ws: &[Word], ms: &[&Mention], opens_at: usize) -> Option<LastSubject> {
    let first = ws.iter().position(|w| w.span.start() >= opens_at)?;
    let lower = |w: &Word| {
        w.text.len() > 1
            && w.text.chars().all(|c| c.is_lowercase() || c == '-')
            && !PHRASE_BREAKS.contains(&w.text)
    };
    let clean = |a: &Word, b: &Word| text[a.span.end()..b.span.start()].trim().is_empty();
    // an organisation's name, right before a word in lower case: "It" after it is the
    // organisation only as a speaker ("Acme missed its targets. It said …", not "NBC
    // aired a video. It shows …")
    // (perhaps after "The": "The Harbour Trust released a report. It said …")
    let name_at = match ws.get(first + 1) {
        Some(w) if ws[first].text == "The" && clean(&ws[first], w) => w.span.start(),
        _ => ws[first].span.start(),
    };
    if let Some(m) = ms.iter().find(|m| {
        (m.span.start() == ws[first].span.start() || m.span.start() == name_at)
            && m.label == Label::Org
    }) {
        let next = ws.iter().find(|w| w.span.start() >= m.span.end())?;
        let joined = text[m.span.end()..next.span.start()].trim().is_empty();
        return (joined && lower(next)).then(|| LastSubject {
            name: text[m.span.start()..m.span.end()].to_string(),
            span: m.span,
            speaker_only: true,
        });
    }
    if !matches!(ws[first].text, "The" | "This") {
        return None;
    }
    // (the verb: an auxiliary, a past tense, or an adverb before it)
    let verb = |w: &Word| {
        subject::is_finite(w.text)
            || w.text.len() > 4 && w.text.ends_with("ed")
            || matches!(
                w.text,
                "also" | "then" | "now" | "later" | "first" | "again"
            )
    };
    let mut end = first + 1;
    while end < ws.len()
        && end - first <= 3
        && lower(&ws[end])
        && !verb(&ws[end])
        && clean(&ws[end - 1], &ws[end])
    {
        end += 1;
    }
    let head = &ws[end.checked_sub(1).filter(|&e| e > first)?];
    let next = ws.get(end)?;
    let singular = !head.text.ends_with('s') || head.text.ends_with("ss");
    (singular
        && !rules::names_a_person(head.text)
        && !NOT_NOUNS.contains(&head.text)
        && verb(next)
        && clean(head, next))
    .then(|| {
        let span = Span::new(ws[first].span.start(), head.span.end());
        LastSubject {
            name: description_name(&text[span.start()..span.end()]),
            span,
            speaker_only: false,
        }
    })
}

/// A second verb of the same subject has that subject as written for its source: "he
/// supported A and said B", "She pushed back, saying A and calling B" (the name it stands
/// for may be sentences back, and no pronoun is next to the second verb). `parts` are the
/// attributions' sources as written and contents, one for each of `atts`.
fn same_subject_as_written(atts: &[Att], parts: &mut [Part], follows: &[Span]) {
    for j in 1..atts.len().min(parts.len()) {
        let second = atts[j].cue.is_some_and(|c| follows.contains(&c));
        if second && atts[j].mention == atts[j - 1].mention && atts[j - 1].cue.is_some() {
            parts[j].source = parts[j - 1].source;
        }
    }
}

/// Whether the source as written (`written`, a pronoun standing for someone named
/// before) is set off by commas inside the statement, right before `cue`, and the
/// statement goes on after them with a conjunction, a preposition or an adverb: "At least
/// four died, it said, and two were missing".
fn set_off_inside(text: &str, scope: Span, cue: Span, written: Option<Span>) -> bool {
    let Some(w) = written.filter(|w| w.end() <= cue.start() && w.start() >= scope.start()) else {
        return false;
    };
    let before = text[scope.start()..w.start()].trim_end();
    let between = text[w.end()..cue.start()].trim();
    let after = text.get(cue.end()..scope.end()).unwrap_or("");
    before.ends_with(',')
        && before.split_whitespace().nth(2).is_some()
        && between.is_empty()
        && after.starts_with(',')
        && after[1..]
            .split_whitespace()
            .next()
            .is_some_and(|x| STATEMENT_GOES_ON.contains(x))
}

/// Whether the word ending at `end` closes its clause: only a mark of punctuation (or
/// nothing) stands between it and the next word or the sentence's `limit`.
fn closes_clause(text: &str, end: usize, limit: usize) -> bool {
    let rest = text.get(end..limit).unwrap_or("");
    let gap = rest.trim_start();
    gap.is_empty() || gap.starts_with([',', '.', ';', ':', '!', '?', '—', '–', ')'])
}

/// Several attributions in a sentence: a statement ends where the next attribution in its
/// own clause begins ("X said A, and Y said B"; "X denied A and said B"), but holds one
/// nested in it ("X said that Y believes B"). `parts` are the attributions' sources as
/// written and contents, one for each of `atts`.
fn end_at_next_attribution(text: &str, atts: &[Att], parts: &mut [Part], follows: &[Span]) {
    if atts.len() > 1 {
        for j in 0..atts.len() {
            let Some(cue) = atts[j].cue else { continue };
            // (a poll's statement holds what its respondents said: "In a poll, 40 percent
            // said A")
            if is_in_poll(text, cue) {
                continue;
            }
            let content = parts[j].content;
            let next = (0..atts.len())
                .filter(|&o| o != j)
                .filter_map(|o| {
                    let c = atts[o].cue?;
                    let start = if follows.contains(&c) {
                        c.start()
                    } else {
                        parts[o]
                            .source
                            .map_or(c.start(), |s| s.start().min(c.start()))
                    };
                    Some((start, atts[o].speaker == atts[j].speaker))
                })
                .filter(|&(start, _)| start >= cue.end() && start > content.start())
                .min();
            if let Some((start, same)) = next.filter(|&(start, _)| start < content.end()) {
                let between = &text[cue.end()..start];
                // ("said she and her peers joked …": a subject joined to the next source
                // by "and" is part of the same statement)
                let joined_subject = between.trim().strip_suffix(" and").is_some_and(|a| {
                    SUBJECT_PRONOUNS.contains(a)
                        || !a.contains(' ')
                            && a.starts_with(char::is_uppercase)
                            && a.chars().all(char::is_alphabetic)
                });
                // ("denounced what he called …": an attribution inside the statement's own
                // noun phrase is no next one)
                let embedded = between
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| matches!(w, "what" | "which" | "whom"));
                if joined_subject && !same || embedded {
                    continue;
                }
                if same
                    || between.contains([',', ';', '—'])
                    || between.contains(" and ")
                    || between.contains(" but ")
                {
                    let cut = text[content.start()..start].trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, ',' | ';' | '—' | '-')
                    });
                    // a title before the next source is the next source's: "…, and
                    // Governor"
                    let mut cut = cut;
                    for _ in 0..3 {
                        match cut.rsplit_once(' ') {
                            Some((head, w))
                                if w.chars().next().is_some_and(char::is_uppercase)
                                    && w.chars().all(|c| c.is_alphabetic() || c == '.') =>
                            {
                                cut = head
                            }
                            _ => break,
                        }
                    }
                    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
                    // (a "that" opening the next one's clause: "a charge that Colorado
                    // leaders denied", "said A and that B said")
                    let cut = cut.strip_suffix(" that").unwrap_or(cut);
                    let cut = cut
                        .strip_suffix(" and")
                        .or_else(|| cut.strip_suffix(" but"))
                        .or_else(|| cut.strip_suffix(" with"))
                        .or_else(|| cut.strip_suffix(" while"))
                        .unwrap_or(cut)
                        .trim_end_matches(|c: char| c.is_whitespace() || c == ',');
                    if !cut.is_empty() {
                        parts[j].content = Span::new(content.start(), content.start() + cut.len());
                    }
                }
            }
        }
    }
}

/// "X insists the party must change, and has championed cuts": after a comma, "and" or
/// "but" and a perfect ("has championed", "had long opposed") go on with the subject's
/// own acts, so a statement after its cue ends at that comma.
fn end_at_second_predicate(text: &str, atts: &[Att], parts: &mut [Part]) {
    for (att, part) in atts.iter().zip(parts.iter_mut()) {
        let Some(cue) = att.cue else { continue };
        let content = part.content;
        if content.start() < cue.end() {
            continue;
        }
        let Some(said) = content.slice(text) else {
            continue;
        };
        let cut = [", and ", ", but "].iter().find_map(|joint| {
            said.match_indices(joint).find_map(|(at, j)| {
                let mut rest = said[at + j.len()..].split_whitespace();
                let aux = rest.next()?;
                let mut verb = rest.next()?;
                if PERFECT_ADVERBS.contains(&verb) {
                    verb = rest.next()?;
                }
                let participle = verb.len() > 3
                    && verb.chars().all(|c| c.is_ascii_lowercase())
                    && (verb.ends_with("ed") || verb.ends_with("en") || verb == "been");
                (matches!(aux, "has" | "have" | "had") && participle).then_some(at)
            })
        });
        if let Some(at) = cut {
            part.content = Span::new(content.start(), content.start() + at);
        }
    }
}

/// Adverbs between a perfect's auxiliary and its participle ("has long opposed").
const PERFECT_ADVERBS: [&str; 8] = [
    "also",
    "since",
    "long",
    "repeatedly",
    "not",
    "never",
    "already",
    "previously",
];

/// "According to the Herald, Professor X said …": the inner source speaks; the outer one
/// only reports that it did. The outer attribution, opening the sentence, gives way to an
/// inner one with a cue and a source of its own after it.
fn inner_source_speaks(text: &str, sentence: Span, founds: &mut Vec<Found>, follows: &[Span]) {
    if founds.len() > 1 {
        let according = |c: &Span| is_according(text, *c);
        if let Some(Found {
            source: Some(outer),
            cue,
            ..
        }) = founds.first().filter(|f| according(&f.cue))
        {
            let (outer, cue) = (*outer, *cue);
            let inner = founds.iter().skip(1).any(
                |Found {
                     source: sp, cue: c, ..
                 }| {
                    !according(c)
                        && sp.is_some_and(|sp| sp.start() >= outer.end())
                        && !follows.contains(c)
                },
            );
            let opens = text[sentence.start()..cue.start()].trim().is_empty();
            if inner && opens {
                founds.remove(0);
            }
        }
    }
}

/// Letters after a person's name ("Jo Lee KC", "Ann Roe MP", "Al Vance Jr."): one or
/// two words of two to four capitals (a dot may end them), or "Jr." and "Sr.".
fn post_nominal(rest: &str) -> bool {
    let words: Vec<&str> = rest.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches('.');
            matches!(w, "Jr" | "Sr")
                || (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
        })
}
