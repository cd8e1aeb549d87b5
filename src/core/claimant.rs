//! Claimant suggestion for the claim form: in the sentence around a selection, the named
//! speaker of a reporting verb ("Zelenskyy has firmly stated", "according to Kuleba",
//! "…, Rutte said"). Titles are kept out of the name. Only obvious cases are suggested;
//! pronouns and unnamed speakers give `None`. The full extractor is a later piece of work.

use super::document::Document;
use super::offsets::Span;

const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "states",
    "mentioned",
    "noted",
    "notes",
    "indicated",
    "acknowledged",
    "accused",
    "urged",
    "threatened",
    "warned",
    "warns",
    "claimed",
    "claims",
    "added",
    "argued",
    "insisted",
    "announced",
    "declared",
    "asserted",
    "reported",
    "confirmed",
    "denied",
    "explained",
    "wrote",
    "reiterated",
    "emphasized",
    "emphasised",
    "stressed",
    "believes",
    "suggested",
    "predicted",
    "promised",
    "pledged",
    "vowed",
    "reassured",
    "commented",
    "remarked",
    "alleged",
    "maintained",
    "contended",
    "conceded",
];
/// Words that may sit between a speaker and the verb: "has firmly stated".
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "firmly",
    "repeatedly",
    "again",
    "once",
    "previously",
    "publicly",
    "earlier",
    "recently",
    "had",
    "already",
    "reportedly",
    "is",
    "was",
    "who",
    "however",
];
/// Capitalised words that are roles or descriptors rather than parts of a name.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Foreign",
    "Defense",
    "Defence",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Gen.",
    "Ambassador",
    "Envoy",
    "Special",
    "Deputy",
    "Chief",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Judge",
    "Justice",
    "Minister,",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Prof.",
    "Professor",
    "Sir",
    "Lord",
    "Lady",
    "Former",
    "former",
    "Aide",
    "Adviser",
    "Advisor",
    "Commissioner",
    "Attorney",
    "Negotiator",
    "Officer",
    "Colonel",
    "Captain",
    "Admiral",
    "Lieutenant",
    "Sergeant",
    "Secretary-General",
    "CEO",
    "Executive",
];
const NOT_NAMES: &[&str] = &[
    "He",
    "She",
    "They",
    "It",
    "We",
    "I",
    "The",
    "A",
    "An",
    "This",
    "That",
    "In",
    "On",
    "But",
    "And",
    "Meanwhile",
    "However",
];

fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, &s[a..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, &s[a..]));
    }
    out
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn clean(w: &str) -> &str {
    w.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(['.', '\'', '’'])
}

/// The name made of the capitalised words ending just before word `end` (exclusive),
/// without titles; `None` when there is none or it is a pronoun.
fn name_before(ws: &[(usize, &str)], end: usize) -> Option<String> {
    let mut k = end;
    let mut name: Vec<&str> = Vec::new();
    while k > 0 && is_cap(ws[k - 1].1) {
        k -= 1;
        let w = ws[k].1;
        if TITLES.contains(&w) || NOT_NAMES.contains(&w) {
            break;
        }
        name.insert(0, clean(w));
    }
    (!name.is_empty()).then(|| name.join(" "))
}

fn name_after(ws: &[(usize, &str)], start: usize) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    for &(_, w) in ws.iter().skip(start) {
        if !is_cap(w) {
            break;
        }
        if TITLES.contains(&w) && name.is_empty() {
            continue;
        }
        if NOT_NAMES.contains(&w) {
            break;
        }
        name.push(clean(w));
        if w.ends_with(['.', ',']) && w.len() > 2 {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// Suggests a claimant for a selection from the sentence around its start.
pub fn suggest(doc: &Document, selection: Span) -> Option<String> {
    let sentence = doc.sentence_at(selection.start())?;
    let s = doc.slice(sentence);
    let ws = words(s);
    for (i, &(_, w)) in ws.iter().enumerate() {
        let lw = w.to_ascii_lowercase();
        if lw == "according" && ws.get(i + 1).is_some_and(|x| x.1 == "to") {
            if let Some(n) = name_after(&ws, i + 2) {
                return Some(n);
            }
        }
        if REPORTING.contains(&lw.trim_end_matches(['.', ','])) {
            let mut k = i;
            while k > 0 && BETWEEN.contains(&ws[k - 1].1) {
                k -= 1;
            }
            if let Some(n) = name_before(&ws, k) {
                return Some(n);
            }
            // inverted: "…, said Rutte"
            if let Some(n) = name_after(&ws, i + 1) {
                return Some(n);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_str;

    fn sug(text: &str, needle: &str) -> Option<String> {
        let p = parse_str(text, None);
        let at = p.document.text().find(needle).unwrap();
        suggest(&p.document, Span::new(at, at + needle.len()))
    }

    #[test]
    fn speakers_before_and_after_the_verb() {
        let t = "Title here\nUkrainian President Volodymyr Zelenskyy has firmly stated that giving up land is not an option. Prices will rise, Mark Rutte said. According to Dmytro Kuleba, talks go on. He said more.";
        assert_eq!(
            sug(t, "giving up land").as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(sug(t, "Prices will rise").as_deref(), Some("Mark Rutte"));
        assert_eq!(sug(t, "talks go on").as_deref(), Some("Dmytro Kuleba"));
        assert_eq!(sug(t, "more"), None);
    }

    #[test]
    fn inverted_and_possessive() {
        let t = "Title here\n\"We stand firm,\" said Secretary Anna Smith. The Kremlin's aide Yuri Petrov warned of delays.";
        assert_eq!(sug(t, "We stand").as_deref(), Some("Anna Smith"));
        assert_eq!(sug(t, "delays").as_deref(), Some("Yuri Petrov"));
    }
}
