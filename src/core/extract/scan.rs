//! The entity scan over a document, in slices, and datelines.

use super::*;
use crate::core::runs::ALPHANUMERIC;

/// Finds the entities of a document: mentions in text order, grouped into entities.
pub fn extract(doc: &Document) -> Extraction {
    let doc = truecase::read_as(doc);
    cluster(&doc, entities(&doc))
}

/// An entity scan that can run in slices (a number of sentences at a time), so that a
/// long article never blocks the page: `step` until it says done, then `finish`. Its first
/// steps read the whole text for its lower-case words (a capitalised word also seen in
/// lower case is a common word), in slices too.
pub struct EntityScan {
    st: ScanState,
    next: usize,
    /// Where the reading of lower-case words stands: the current run's start and the next
    /// byte (`None` once the whole text is read).
    words: Option<(usize, usize)>,
}

/// Bytes of text read for lower-case words per sentence a step may scan.
pub(super) const WORD_BYTES_PER_SENTENCE: usize = 256;

impl EntityScan {
    pub fn new(doc: &Document) -> EntityScan {
        let mut st = ScanState::default();
        // about one new lower-case word in sixteen bytes of an article: made once, not
        // grown and rehashed (a long article grows it past this)
        st.lower_words.reserve((doc.text().len() / 16).min(4096));
        st.tokens.reserve(doc.text().len());
        EntityScan {
            st,
            next: 0,
            words: Some((0, 0)),
        }
    }

    /// Reads up to about `budget` more bytes for lower-case words; true when all are read.
    pub(super) fn read_words(&mut self, text: &str, budget: usize) -> bool {
        let Some((mut from, mut i)) = self.words else {
            return true;
        };
        // the runs of letters and digits (as `split(|c| !c.is_alphanumeric())` cuts them),
        // each read whole: `from` is where the current one starts, `i` where reading stands
        let stop = i.saturating_add(budget);
        loop {
            if i >= stop {
                self.words = Some((from, i));
                return false;
            }
            i = ALPHANUMERIC.run_end(text, i, true);
            let w = text.get(from..i).unwrap_or("");
            if w.chars().next().is_some_and(|c| c.is_lowercase())
                && !self.st.lower_words.contains(w)
            {
                self.st.lower_words.insert(w.to_string());
            }
            // the character after the run, if any, parts it from the next
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => i += c.len_utf8(),
                None => break,
            }
            from = i;
        }
        self.words = None;
        self.st.plain_acronyms = plain_acronyms(text);
        true
    }

    /// How far the scan is, from 0 to 1 (reading the words counts for a fifth).
    pub fn progress(&self, doc: &Document) -> f64 {
        let part = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        match self.words {
            Some((_, i)) => 0.2 * part(i, doc.text().len() + 1),
            None => 0.2 + 0.8 * part(self.next, doc.sentences().len()),
        }
    }

    /// Scans up to `max` more sentences (first reading up to `max` times
    /// `WORD_BYTES_PER_SENTENCE` bytes for lower-case words, while any are left); true when
    /// every sentence has been scanned.
    pub fn step(&mut self, doc: &Document, max: usize) -> bool {
        if !self.read_words(doc.text(), max.saturating_mul(WORD_BYTES_PER_SENTENCE)) {
            return false;
        }
        let sentences = doc.sentences();
        let end = self.next.saturating_add(max).min(sentences.len());
        let mut ex = Extractor {
            text: doc.text(),
            lex: lexicon::get(),
            st: &mut self.st,
            title_case: false,
            run: RunContext::default(),
        };
        for s in &sentences[self.next..end] {
            ex.sentence(*s);
        }
        self.next = end;
        end >= sentences.len()
    }

    /// Resolves lone surnames against full names, lets the model decide over the rules'
    /// mentions (`model::decide`) and returns the mentions in text order.
    pub fn finish(self, doc: &Document) -> Vec<Mention> {
        let (mentions, st) = self.finish_rules(doc);
        let mut decided = model::decide(doc, mentions, &st);
        surnames_of_places(doc.text(), &st.lower_words, &mut decided);
        unknown_names_placed(doc.text(), &mut decided);
        no_ones_names(doc.text(), &mut decided);
        // (a currency's country letters are no place: "US$200", "HK$5")
        decided.retain(|m| !doc.text()[m.span.end()..].starts_with('$'));
        // (a storm's name is no one's, whoever tagged it: "Phailin's winds")
        if !st.storms.is_empty() {
            let text = doc.text();
            decided.retain(|m| {
                !text
                    .get(m.span.start()..m.span.end())
                    .is_some_and(|n| st.storms.contains(n))
            });
        }
        lists::listed(doc.text(), &st.unnamed, decided)
    }

    /// The rules' mentions alone, in text order, and the scan's state (what the model
    /// reads besides the text: the words written in lower case, the sure mentions).
    pub(super) fn finish_rules(mut self, doc: &Document) -> (Vec<Mention>, ScanState) {
        let text = doc.text();
        let mut people: HashSet<&str> = HashSet::default();
        // surnames of people surely named: a given name first, or a title before
        let mut named_people: HashSet<&str> = HashSet::default();
        let sure = Sure {
            lex: lexicon::get(),
            text,
            lower_words: &self.st.lower_words,
        };
        for m in &self.st.out {
            if let Some(name) = full_name(text, m) {
                people.insert(name.surname);
                if name.surely(m, &sure) {
                    named_people.insert(name.surname);
                }
            } else if let Some(surname) = titled_surname(text, m) {
                // "Detective Jones … Jones said": a title before one name makes it a
                // person's surname
                people.insert(surname);
                named_people.insert(surname);
            }
        }
        for sp in std::mem::take(&mut self.st.weak_places) {
            let label = if named_people.contains(&text[sp.start()..sp.end()]) {
                Label::Person
            } else {
                Label::Gpe
            };
            self.st.out.push(Mention {
                span: sp,
                label,
                role: None,
                entity: 0,
            });
        }
        for p in std::mem::take(&mut self.st.pending) {
            let label = if people.contains(&text[p.span.start()..p.span.end()]) {
                Some(Label::Person)
            } else {
                p.guess
            };
            if let Some(label) = label {
                self.st.out.push(Mention {
                    span: p.span,
                    label,
                    role: None,
                    entity: 0,
                });
            } else {
                self.st.unnamed.push(p.span);
            }
        }
        let mut out = std::mem::take(&mut self.st.out);
        crate::core::sort::sort_by_key(&mut out, |m| (m.span.start(), m.span.end()));
        out.dedup_by(|b, a| a.span.overlaps(&b.span));
        (out, self.st)
    }
}

/// A person's name of two words or more (a suffix, "Jr.", not counted): its first word
/// and its surname.
struct FullName<'t> {
    first: &'t str,
    surname: &'t str,
}

impl FullName<'_> {
    /// Whether the name is surely a person's: a given name first, or a title before it,
    /// or the words after it say a person ("Valeska Paris said", "Valeska Paris, a
    /// former member, …", "Valeska Paris, who …") and its first word is no word the
    /// article writes in lower case nor one that opens sentences ("First Chicago said" is
    /// a bank's).
    fn surely(&self, m: &Mention, cx: &Sure) -> bool {
        m.role.is_some()
            || cx.lex.given.contains(self.first)
            || said_of_a_person(cx.text, m.span)
                && !STARTERS.contains(self.first)
                && !cx.lower_words.contains(&self.first.to_lowercase())
    }
}

/// What says a name is surely a person's: the given names, and the article (its text, the
/// words it writes in lower case).
struct Sure<'a> {
    lex: &'a lexicon::Lexicon,
    text: &'a str,
    lower_words: &'a HashSet<String>,
}

/// Whether the words right after a name say its bearer is a person: a verb of saying, or
/// an aside opening with "a", "an" or "who".
fn said_of_a_person(text: &str, span: Span) -> bool {
    let after = text.get(span.end()..).unwrap_or("");
    let (_, next) = words_around(text, span);
    (after.starts_with(' ') && SPEECH_AFTER.contains(next))
        || [", a ", ", an ", ", who "]
            .iter()
            .any(|a| after.starts_with(a))
}

/// `m`'s words as a person's full name, when `m` is a person of two words or more.
fn full_name<'t>(text: &'t str, m: &Mention) -> Option<FullName<'t>> {
    if m.label != Label::Person {
        return None;
    }
    let mut words = m
        .span
        .slice(text)?
        .split_whitespace()
        .filter(|w| !NAME_SUFFIXES.contains(w));
    let first = words.next()?;
    let surname = words.next_back()?;
    Some(FullName { first, surname })
}

/// `m`'s one word when `m` is a person named by a title and a surname alone ("Petty
/// Officer Keating").
fn titled_surname<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
    let word = m.span.slice(text)?;
    (m.label == Label::Person && m.role.is_some() && !word.contains(' ')).then_some(word)
}

/// A known place's one word, with nothing around it saying place, is the surname of a
/// person the article surely names (a given name or a title before the surname):
/// "Michael Jordan … “…,” Jordan said" (not "flew to Jordan"). `mentions` in text order.
fn surnames_of_places(text: &str, lower_words: &HashSet<String>, mentions: &mut [Mention]) {
    let lex = lexicon::get();
    let sure = Sure {
        lex,
        text,
        lower_words,
    };
    let surnames: HashSet<&str> = mentions
        .iter()
        .filter_map(|m| full_name(text, m).filter(|n| n.surely(m, &sure)))
        .map(|n| n.surname)
        .collect();
    if surnames.is_empty() {
        return;
    }
    for m in mentions
        .iter_mut()
        .filter(|m| matches!(m.label, Label::Gpe | Label::Org))
    {
        let word = m.span.slice(text).unwrap_or("");
        let kinds = lex.kinds(word);
        if surnames.contains(word)
            && (kinds.has(Kinds::GPE) || kinds.has(Kinds::CITY))
            && !placed_by_words_around(text, m.span)
        {
            m.label = Label::Person;
        }
    }
}

/// Names read as a person's that no person bears:
/// - initials alone ("U. S.", "S. F."): the country when the letters run together name
///   one ("U.S."), else no name the text makes clear;
/// - a name ending in "State" ("Penn State"): a university's or a team's, as "Ohio State".
fn no_ones_names(text: &str, mentions: &mut Vec<Mention>) {
    let lex = lexicon::get();
    mentions.retain_mut(|m| {
        if m.label != Label::Person || m.role.is_some() {
            return true;
        }
        let Some(name) = m.span.slice(text) else {
            return true;
        };
        let words = || name.split_whitespace();
        if words().nth(1).is_none() {
            return true;
        }
        if words().all(tokens::is_initial) {
            let joined: String = words().collect();
            if lex.kinds(&joined).has(Kinds::GPE) {
                m.label = Label::Gpe;
                return true;
            }
            return false;
        }
        if words().next_back() == Some("State") {
            m.label = Label::Org;
        }
        true
    });
}

/// A name read as a person's with no given name first and no title, which the words
/// around it say is a place or an organisation, is one, wherever the article writes it:
/// - a kind of organisation right before it: "the newspaper Ha Tzofeh", "radio station
///   Radio Kol" (an organisation);
/// - a preposition of place before it ("in Puerto Montt") or a kind of place after it
///   ("the Los Lagos region");
/// - a Spanish article first: "Los Lagos", "El Paso" (no person's name opens with one).
///
/// Only names of two words or more whose last word the article never writes alone: a
/// person is named again by surname ("Jo Lee … Lee said"), a place in full.
///
/// `mentions` in text order.
fn unknown_names_placed(text: &str, mentions: &mut [Mention]) {
    let lex = lexicon::get();
    let unknown = |m: &Mention| {
        m.label == Label::Person
            && m.role.is_none()
            && m.span.slice(text).is_some_and(|n| {
                n.split_whitespace()
                    .next()
                    .is_some_and(|first| !lex.given.contains(first))
            })
    };
    let alone: HashSet<&str> = mentions
        .iter()
        .filter_map(|m| m.span.slice(text))
        .filter(|n| !n.contains(' '))
        .collect();
    let mut placed: HashMap<&str, Label> = HashMap::default();
    for m in mentions.iter().filter(|m| unknown(m)) {
        let Some(name) = m.span.slice(text) else {
            continue;
        };
        let before = text[..m.span.start()].trim_end();
        let after = &text[m.span.end()..];
        let (prev, next) = words_around(text, m.span);
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        let words = name.split_whitespace().count();
        let last = name.rsplit(' ').next().unwrap_or(name);
        // (a person is named again by surname, a place in full: one word, or a name whose
        // last word the article writes alone, may be a person's)
        if words < 2 || alone.contains(last) {
            continue;
        }
        // ("according to El Mercurio": a source, so no place)
        // (the word before "to" alone is read: the scan stays linear)
        let according = prev == "to"
            && before.strip_suffix(prev).is_some_and(|b| {
                let b = b.trim_end();
                b.get(b.len().saturating_sub(9)..)
                    .is_some_and(|w| w.eq_ignore_ascii_case("according"))
            });
        let spanish = words == 2
            && name
                .split_once(' ')
                .is_some_and(|(first, _)| matches!(first, "El" | "La" | "Los" | "Las"));
        let label =
            if ORG_NOUNS.contains(prev) || ORG_KIND_BEFORE.contains(prev) || (spanish && according)
            {
                Some(Label::Org)
            } else if (!possessive && PLACE_PREPOSITIONS.contains(prev))
                || PLACE_AFTER.contains(next)
                || spanish
            {
                Some(Label::Gpe)
            } else {
                None
            };
        if let Some(label) = label {
            placed.entry(name).or_insert(label);
        }
    }
    if placed.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if let Some(label) = m
            .span
            .slice(text)
            .and_then(|n| placed.get(n))
            .filter(|_| m.label == Label::Person && m.role.is_none())
        {
            m.label = *label;
        }
    }
}

/// Kinds of organisation, besides `ORG_NOUNS`, that may stand right before its name:
/// "radio station Radio Kol", "the broadcaster's channel Canal 9".
const ORG_KIND_BEFORE: crate::core::WordSet = crate::core::word_set!(
    "station|channel|paper|newsletter|publication|journal|ministry|department"
);

/// The word right before `span` and the word right after it ("" where there is none).
fn words_around(text: &str, span: Span) -> (&str, &str) {
    let prev = text[..span.start()]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next = text[span.end()..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    (prev, next)
}

/// Whether the words next to the single word at `span` say it is a place: a preposition
/// of place or movement, or a kind of place before it ("in", "to", "the capital"), or a
/// kind of place after it ("airport").
fn placed_by_words_around(text: &str, span: Span) -> bool {
    let (prev, next) = words_around(text, span);
    PLACE_PREPOSITIONS.contains(prev)
        || MOTION_PREPOSITIONS.contains(prev)
        || PLACE_LEADS.contains(prev)
        || PLACE_AFTER.contains(next)
}

/// A dateline opening a sentence: "WASHINGTON — ", "NEW YORK (Reuters) - ", "Washington
/// (AFP) – ", "PARIS, Aug 31 (Reuters) - ". Offsets are bytes of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Where the place ends.
    pub place_end: usize,
    /// The agency's name inside the brackets, if any.
    pub agency: Option<Span>,
    /// The dateline's length, with the space after its dash.
    pub len: usize,
}

/// The length of a dateline opening `s` (`dateline`), with the space after it; 0 when
/// there is none.
pub fn dateline_len(s: &str) -> usize {
    dateline(s).map_or(0, |d| d.len)
}

/// The dateline opening `s`, if any: a place in capitals, perhaps a date after a comma,
/// perhaps an agency in brackets; or a place in title case and an agency in brackets; then
/// a dash.
pub fn dateline(s: &str) -> Option<Dateline> {
    let mut capitals = s
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '.' | ',' | '\'' | '’')))
        .unwrap_or(s.len());
    // (a date after the place in capitals: "PARIS, Aug 31" ends the place at its comma)
    if s[capitals..].starts_with(char::is_lowercase) {
        if let Some(comma) = s[..capitals].rfind(',') {
            capitals = comma;
        }
    }
    // or a place in title case before an agency in brackets: "Washington (AFP) – "
    let title_case = || {
        let place = s.bytes().take(41).position(|b| b == b'(')?;
        let words = s[..place].split_whitespace();
        let title = words.clone().count() <= 4
            && words.into_iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | ',' | '-'))
            });
        title.then_some(place)
    };
    dateline_rest(s, capitals).or_else(|| title_case().and_then(|p| dateline_rest(s, p)))
}

/// The dateline whose place ends at byte `place` of `s`: the place (three letters or
/// more, at most five words), perhaps a date after a comma, perhaps an agency in brackets,
/// then a dash and a space.
fn dateline_rest(s: &str, place: usize) -> Option<Dateline> {
    let letters = s[..place].chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || s[..place].split_whitespace().count() > 5 {
        return None;
    }
    let place_end = s[..place].trim_end_matches([' ', ',']).len();
    let mut rest = &s[place..];
    // a date after a comma: "PARIS, Aug 31 (Reuters) -", "WASHINGTON, Dec. 8 (UPI) —"
    if let Some(r) = rest.strip_prefix(", ") {
        let date_end = r
            .split_inclusive(' ')
            .take(3)
            .take_while(|w| {
                let w = w.trim_end().trim_end_matches([',', '.']);
                w.len() <= 9
                    && (w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
                        || crate::core::details::MONTHS
                            .iter()
                            .any(|m| m.eq_ignore_ascii_case(w) || month_abbreviates(m, w)))
            })
            .map(str::len)
            .sum::<usize>();
        let date = &r[..date_end];
        if date.chars().any(|c| c.is_ascii_digit()) {
            rest = r[date_end..].trim_start();
            rest = rest.strip_prefix(',').map_or(rest, str::trim_start);
        }
    }
    let mut agency = None;
    if let Some(r) = rest.strip_prefix('(') {
        match r.find(')') {
            Some(close) if close <= 24 => {
                let open = s.len() - r.len();
                let name = r[..close].trim();
                let lead = r[..close].len() - r[..close].trim_start().len();
                agency =
                    (!name.is_empty()).then(|| Span::new(open + lead, open + lead + name.len()));
                rest = r[close + 1..].trim_start();
            }
            _ => return None,
        }
    }
    let after = ["—", "―", "–", "--", "-"]
        .iter()
        .find_map(|d| rest.strip_prefix(d))?;
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some(Dateline {
        place_end,
        agency,
        len: s.len() - after.trim_start().len(),
    })
}

/// Whether `w` (a capitalised word of three or four letters) abbreviates `month`: "Aug",
/// "Sept", "Dec".
fn month_abbreviates(month: &str, w: &str) -> bool {
    (3..=4).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && month.len() > w.len()
        && month[..w.len()].eq_ignore_ascii_case(w)
}

/// Finds the entity mentions of a document, in text order.
pub fn entities(doc: &Document) -> Vec<Mention> {
    let doc = &*truecase::read_as(doc);
    let mut scan = EntityScan::new(doc);
    while !scan.step(doc, usize::MAX) {}
    scan.finish(doc)
}

/// The mentions as the model decides them over the rules', before the passes over the
/// whole article's names (surnames of places, names placed by the words around them):
/// what `model::decide_with` gives from a reading.
#[cfg(test)]
pub(crate) fn decided_entities(doc: &Document) -> Vec<Mention> {
    let doc = &*truecase::read_as(doc);
    let mut scan = EntityScan::new(doc);
    while !scan.step(doc, usize::MAX) {}
    let (mentions, st) = scan.finish_rules(doc);
    model::decide(doc, mentions, &st)
}

/// The entity mentions the rules alone find, in text order (to measure what the model adds).
pub fn rule_entities(doc: &Document) -> Vec<Mention> {
    let doc = &*truecase::read_as(doc);
    let mut scan = EntityScan::new(doc);
    while !scan.step(doc, usize::MAX) {}
    scan.finish_rules(doc).0
}

/// What the entity model reads of a document (its words' features and the rules'
/// mentions): for the trainer, `scripts/train-entities.py`, through
/// `examples/entity_features.rs`.
pub fn model_reading(doc: &Document) -> model::Reading {
    let doc = &*truecase::read_as(doc);
    let mut scan = EntityScan::new(doc);
    while !scan.step(doc, usize::MAX) {}
    let (mentions, st) = scan.finish_rules(doc);
    model::read(doc, &mentions, &st)
}
