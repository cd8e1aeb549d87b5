//! Shouted lines read in their usual case: a headline or dateline set in capitals
//! ("LONDON 1996-08-30", "BOXING - PANAMA'S DURAN FIGHTS ON") hides which words are names,
//! so every word looks like an acronym. Before the entity scan, each sentence most of
//! whose words are in capitals is rewritten in the case its words have elsewhere: as the
//! rest of the document writes the word (capitals kept, a capital first, or lower case),
//! else as the lexicons know it ("New York", a given name, "NATO"), else in lower case
//! (an acronym is most often written in the story too). Only ASCII
//! letters change case, so every byte offset holds: the entity scan reads the rewritten
//! copy and its spans are the document's.

use super::lexicon::{self, Kinds};
use super::{Document, HashMap};
use crate::core::offsets::Span;
use crate::core::runs::ALPHANUMERIC;

/// How the document writes a word outside its shouted sentences, one bit each.
#[derive(Clone, Copy, Default)]
struct Seen(u8);

impl Seen {
    const UPPER: u8 = 1;
    const CAPITAL: u8 = 2;
    const LOWER: u8 = 4;
}

/// A word's letters as written: all capitals, a capital then lower case, all lower case,
/// or mixed ("McDonald", "iPhone").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Capital,
    Lower,
    Mixed,
    /// No letter ("1996").
    None,
}

fn case_of(w: &str) -> Case {
    let (mut upper, mut lower, mut first_upper, mut letters) = (0, 0, false, 0);
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= letters == 0;
        } else if c.is_lowercase() {
            lower += 1;
        }
        letters += 1;
    }
    match (upper, lower) {
        (0, 0) => Case::None,
        (_, 0) => Case::Upper,
        (0, _) => Case::Lower,
        (1, _) if first_upper => Case::Capital,
        _ => Case::Mixed,
    }
}

/// The words of a sentence (runs of letters and digits), as byte spans of the text.
fn words(text: &str, s: Span) -> impl Iterator<Item = Span> + '_ {
    let base = s.start();
    let sl = s.slice(text).unwrap_or("");
    ALPHANUMERIC
        .runs(sl, true)
        .map(move |(a, b)| Span::new(base + a, base + b))
}

/// A sentence is shouted when at least two in three of its words with letters are in
/// capitals and one of those has four letters or more ("US, UK SIGN" is; "NATO and the
/// UN" is not), two of them ASCII letters in a row.
fn shouted(text: &str, s: Span) -> bool {
    // (most sentences have no two capitals in a row: ruled out in one pass over the bytes)
    // (a bit for each byte, whether it is a capital, so the loop keeps no state but two
    // bits: a tight loop the compiler makes fast)
    let mut last = 0u8;
    let mut pair = 0u8;
    for &b in s.slice(text).unwrap_or("").as_bytes() {
        let upper = u8::from(b.is_ascii_uppercase());
        pair |= last & upper;
        last = upper;
    }
    if pair == 0 {
        return false;
    }
    let (mut lettered, mut upper, mut long) = (0, 0, false);
    for w in words(text, s) {
        let w = w.slice(text).unwrap_or("");
        match case_of(w) {
            Case::None => {}
            Case::Upper => {
                lettered += 1;
                upper += 1;
                long |= w.chars().filter(|c| c.is_alphabetic()).count() >= 4;
            }
            _ => lettered += 1,
        }
    }
    long && upper * 3 >= lettered * 2
}

/// `w` with its first letter as it is and its other ASCII letters in lower case.
fn capitalised(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.char_indices() {
        out.push(if i == 0 { c } else { c.to_ascii_lowercase() });
    }
    out
}

/// Whether the lexicons know `phrase` (in its usual case) as a name or part of one.
fn known(lex: &lexicon::Lexicon, phrase: &str) -> bool {
    let k = lex.kinds(phrase);
    k != Kinds::default()
        || lex.given.contains(phrase)
        || lex.cities.contains(phrase)
        || lex.org_words.contains(phrase)
        || lex.titles.contains(phrase)
}

/// The document with its shouted sentences in their usual case, or `None` when it has
/// none (the document itself is read then).
pub fn truecased(doc: &Document) -> Option<Document> {
    let text = doc.text();
    let shouted: Vec<bool> = doc.sentences().iter().map(|&s| shouted(text, s)).collect();
    if !shouted.contains(&true) {
        return None;
    }
    // how the rest of the document writes each word in capitals in a shouted sentence
    // (lower-cased key); a capital at a sentence's start says nothing
    let mut seen: HashMap<String, Seen> = HashMap::default();
    for (&s, _) in doc.sentences().iter().zip(&shouted).filter(|(_, &sh)| sh) {
        for w in words(text, s) {
            let w = w.slice(text).unwrap_or("");
            if case_of(w) == Case::Upper {
                seen.entry(w.to_lowercase()).or_default();
            }
        }
    }
    // (the keys' lengths, one bit each: most words of the rest are none of them, and are
    // passed by)
    let lengths = seen.keys().fold(0u64, |m, k| m | 1 << k.len().min(63));
    for (&s, _) in doc.sentences().iter().zip(&shouted).filter(|(_, &sh)| !sh) {
        for (i, w) in words(text, s).enumerate() {
            let w = w.slice(text).unwrap_or("");
            // (an ASCII word's key is as long as it is; 63 stands for any longer)
            if w.is_ascii() && lengths & 1 << w.len().min(63) == 0 {
                continue;
            }
            let bit = match case_of(w) {
                Case::Upper if w.len() > 1 => Seen::UPPER,
                Case::Capital if i > 0 => Seen::CAPITAL,
                Case::Lower => Seen::LOWER,
                _ => continue,
            };
            if let Some(seen) = seen.get_mut(&w.to_lowercase()) {
                seen.0 |= bit;
            }
        }
    }
    let lex = lexicon::get();
    let mut out = text.as_bytes().to_vec();
    for (&s, _) in doc.sentences().iter().zip(&shouted).filter(|(_, &sh)| sh) {
        let ws: Vec<Span> = words(text, s).collect();
        // the words of a name the lexicons know as a phrase ("NEW YORK"), capitalised
        let mut in_phrase = vec![false; ws.len()];
        for i in 0..ws.len() {
            for n in (2..=3).rev() {
                let Some(run) = ws.get(i..i + n) else {
                    continue;
                };
                let joined = Span::new(run[0].start(), run[n - 1].end());
                let Some(phrase) = joined.slice(text) else {
                    continue;
                };
                // (words one space apart, in capitals)
                let plain = run
                    .windows(2)
                    .all(|p| p[1].start() == p[0].end() + 1 && text.as_bytes()[p[0].end()] == b' ');
                if plain && case_of(phrase) == Case::Upper && known(lex, &capitalised_words(phrase))
                {
                    for f in &mut in_phrase[i..i + n] {
                        *f = true;
                    }
                    break;
                }
            }
        }
        for (i, (w, phrase)) in ws.iter().zip(&in_phrase).enumerate() {
            let Some(word) = w.slice(text) else { continue };
            if case_of(word) != Case::Upper {
                continue;
            }
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let cap = capitalised(word);
            let lower = word.to_ascii_lowercase();
            let after_apostrophe = w.start() > 0 && matches!(text.as_bytes()[w.start() - 1], b'\'')
                || text[..w.start()].ends_with('’');
            let as_seen = seen.get(&word.to_lowercase()).map_or(0, |s| s.0);
            let case = if *phrase {
                Case::Capital
            } else if after_apostrophe && letters <= 2 {
                // "PANAMA'S", "DON'T"
                Case::Lower
            } else if known(lex, word) && letters <= 4 {
                // an acronym the lexicons know ("UN", "NATO")
                Case::Upper
            } else if as_seen & Seen::UPPER != 0 {
                Case::Upper
            } else if as_seen & Seen::CAPITAL != 0 {
                Case::Capital
            } else if as_seen & Seen::LOWER != 0 {
                Case::Lower
            } else if known(lex, &cap) {
                Case::Capital
            } else {
                // a function word, or a word neither the story nor the lexicons name
                // (an acronym is most often written in the story too)
                Case::Lower
            };
            // (the first word of a sentence takes a capital all the same)
            let case = match case {
                Case::Lower if i == 0 => Case::Capital,
                c => c,
            };
            let bytes = match case {
                Case::Capital => cap.into_bytes(),
                Case::Lower => lower.into_bytes(),
                _ => continue,
            };
            if let Some(dst) = out.get_mut(w.start()..w.end()) {
                if dst.len() == bytes.len() {
                    dst.copy_from_slice(&bytes);
                }
            }
        }
    }
    // (only ASCII letters changed case: still UTF-8, every boundary where it was)
    let text = String::from_utf8(out).ok()?;
    Document::from_parts(text, doc.blocks().to_vec(), doc.sentences().to_vec())
}

/// The document the entity scan reads: `doc`, or its copy with shouted lines in their
/// usual case (`truecased`). Spans found in either are the document's.
pub fn read_as(doc: &Document) -> std::borrow::Cow<'_, Document> {
    truecased(doc).map_or(std::borrow::Cow::Borrowed(doc), std::borrow::Cow::Owned)
}

/// Each word of `phrase` capitalised ("NEW YORK" -> "New York").
fn capitalised_words(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(capitalised)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::{parse_str, Format};

    fn recased(text: &str) -> String {
        let doc = parse_str(text, Some(Format::Text)).document;
        truecased(&doc).map_or_else(|| doc.text().to_string(), |d| d.text().to_string())
    }

    #[test]
    fn a_shouted_dateline_and_headline_take_the_case_the_story_gives_their_words() {
        let t = recased(
            "RIVERTON ROVERS TAKE OVER AT TOP AFTER LATE WIN\n\nNEW YORK 2024-05-02\n\n\
             The Riverton Rovers beat the league's leaders on Friday and take over at the top.",
        );
        assert!(
            t.starts_with("Riverton Rovers take over at top after late win\n\nNew York 2024"),
            "{t}"
        );
    }

    #[test]
    fn acronyms_stay_and_lower_case_prose_is_untouched() {
        assert_eq!(
            recased("NATO and the UN met in Oslo."),
            "NATO and the UN met in Oslo."
        );
        let t = recased("UN SAYS AID REACHES CITY\n\nThe UN said aid reached the city.");
        assert!(t.starts_with("UN says aid reaches city"), "{t}");
    }

    #[test]
    fn each_shouted_word_takes_its_case_from_the_story_whatever_its_length() {
        // (a word of 70 letters: longer words share one length bit in the scan)
        let long = "Supercalifragilisticexpialidociouslyextraordinarilyunbelievablelongname";
        let src = format!(
            "{} AND ACME WIN AT KELSO\n\nThe {long} cup went to ACME. Fans in Kelso \
             were glad, as was acme's rival.",
            long.to_uppercase()
        );
        let t = recased(&src);
        let head = format!("{long} and ACME win at Kelso");
        assert!(t.starts_with(&head), "{t}");
    }

    #[test]
    fn offsets_hold_with_non_ascii_words() {
        let src = "ZÜRICH – MÜLLER WINS ÉTAPE\n\nMüller won the stage in Zürich. 😀 中文";
        let t = recased(src);
        assert_eq!(t.len(), src.len());
        for (a, b) in src.char_indices().zip(t.char_indices()) {
            assert_eq!(a.0, b.0);
        }
    }
}
