//! A byline line: "By Ana Lima", "By Ana Lima and Bo Chen", "By A, B and C", perhaps
//! with an affiliation or a date after it ("By Ana Lima, Reuters", "By Ana Lima | May 3").
//! Its names are people whatever the lexicons know of their given names. So is the name a
//! letter's salutation addresses ("Dear Ana Lima,"), and "Dear" is none of it.

use super::*;
use std::ops::Range;

/// The most words a byline's name holds ("Ana Maria de Souza Lima" is five with the
/// particle; four capitalised ones).
const MAX_NAME_WORDS: usize = 4;

/// Particles inside a name, written in lower case: "Ana de Souza", "Ludwig van Beethoven".
const PARTICLES: crate::core::WordSet =
    crate::core::word_set!("de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el");

impl Extractor<'_> {
    /// The names of a byline (`toks` being a whole line of the text: "By" first, nothing
    /// but names and the words that join them after it, up to an affiliation or a date
    /// set off by a comma, a bar or a dash), as ranges of `toks`, and where the names
    /// end; `None` when the line is no byline.
    pub(super) fn byline(&self, toks: &[Tok]) -> Option<(Vec<Range<usize>>, usize)> {
        if toks.first()?.text != "By" {
            return None;
        }
        let mut names: Vec<Range<usize>> = Vec::new();
        // (a title of address written without a dot before the first name is no part of
        // it: "By Dr Nnamdi Eze"; "Dr." reads as an initial would)
        let mut i = 1 + usize::from(
            toks.get(1)
                .is_some_and(|t| matches!(t.text, "Dr" | "Prof" | "Professor")),
        );
        // (at a word that opens no name, "By Ana Lima and Reuters staff": the names read
        // so far)
        while let Some(end) = self.byline_name(toks, i) {
            // after a comma, a person only when a list of names goes on after it or the
            // name begins with a given name: "By Ana Lima, Associated Press" is one
            let after_comma = i >= 2 && toks[i - 1].text == ",";
            let list_goes_on = toks
                .get(end)
                .is_some_and(|t| matches!(t.text, "and" | "&" | ","));
            let given = toks.get(i).is_some_and(|t| self.lex.given.contains(t.text));
            if after_comma && !list_goes_on && !given {
                break;
            }
            names.push(i..end);
            match toks.get(end).map(|t| t.text) {
                Some("and" | "&" | ",") => i = end + 1,
                _ => break,
            }
        }
        let end = names.last()?.end;
        // what follows the names is set off from them, or there is nothing more
        let set_off = toks
            .get(end)
            .is_none_or(|t| matches!(t.text, "," | "|" | "—" | "–" | "-" | "/" | "(" | "and"));
        set_off.then_some((names, end))
    }

    /// The end of a name of two to `MAX_NAME_WORDS` capitalised words (initials and
    /// particles inside) from token `i`, no organisation or place of the lexicons and no
    /// common word the article writes in lower case; `None` when there is none.
    fn byline_name(&self, toks: &[Tok], i: usize) -> Option<usize> {
        let mut j = i;
        let mut caps = 0;
        while let Some(t) = toks.get(j) {
            if self.name_word(t) {
                caps += 1;
            } else if !(caps > 0 && t.word && PARTICLES.contains(t.text)) {
                break;
            }
            j += 1;
            if caps > MAX_NAME_WORDS {
                return None;
            }
        }
        // (a name does not end on a particle)
        while j > i && toks.get(j - 1).is_some_and(|t| PARTICLES.contains(t.text)) {
            j -= 1;
        }
        let name = toks.get(i..j)?;
        (caps >= 2 && !self.known_as_no_person(name)).then_some(j)
    }

    /// A word that may be part of a person's name here: capitalised, not possessive, no
    /// word that never names or only opens sentences, and a given name, an initial or a
    /// word the article never writes in lower case ("Means" of "By Any Means" is one).
    fn name_word(&self, t: &Tok) -> bool {
        t.cap()
            && !t.possessive
            && !NEVER.contains(t.text)
            && !STARTERS.contains(t.text)
            && (t.initial()
                || !self.written_in_lower_case(t.text)
                || self.lex.given.contains(t.text))
    }

    /// Whether the lexicons know `name` as an organisation or a place.
    fn known_as_no_person(&self, name: &[Tok]) -> bool {
        self.known(name).is_some_and(|label| label != Label::Person)
    }

    /// The name a salutation addresses, from token `i`, its "Dear" ("Dear Ana Lima,",
    /// "Dear Hannah:"): one to `MAX_NAME_WORDS` capitalised words, then a comma, a colon
    /// or the end. `None` for "Dear Friends" (a word the article writes in lower case), a
    /// place or an organisation ("Dear America"), or a title ("Dear Mr. Lima", which the
    /// titles' rule reads).
    pub(super) fn salutation(&self, toks: &[Tok], i: usize) -> Option<Range<usize>> {
        if toks.get(i)?.text != "Dear" {
            return None;
        }
        let start = i + 1;
        let mut end = start;
        while let Some(t) = toks.get(end) {
            let name_word = self.name_word(t) && !self.lex.titles.contains(t.text);
            if !name_word || end - start == MAX_NAME_WORDS {
                break;
            }
            end += 1;
        }
        let name = toks.get(start..end).filter(|n| !n.is_empty())?;
        let closed = toks.get(end).is_none_or(|t| matches!(t.text, "," | ":"));
        (closed && !self.known_as_no_person(name)).then_some(start..end)
    }
}
