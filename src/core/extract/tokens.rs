//! Words of a sentence and their shapes: capitalised, acronyms, CamelCase.

use super::*;
use crate::core::runs::ALPHANUMERIC;

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    pub(super) word: bool,
    pub(super) possessive: bool,
}

impl Tok<'_> {
    pub(super) fn cap(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub(super) fn connector(&self) -> bool {
        self.word && CONNECTORS.contains(self.text)
    }
    pub(super) fn acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-' || c == '&')
    }
    pub(super) fn initial(&self) -> bool {
        is_initial(self.text)
    }
}

/// Whether a word is an initial: one capital letter and a full stop ("J.").
pub(super) fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// A token kept without its text, which is the document's own between its offsets (12
/// bytes: a long article's tokens are kept whole, and memory is much of the scan's time).
#[derive(Clone, Copy, Debug)]
pub(super) struct Kept {
    start: u32,
    end: u32,
    word: bool,
    possessive: bool,
}

impl Kept {
    /// `None` past 4 GiB of text, whose tokens are not kept.
    fn of(t: &Tok) -> Option<Kept> {
        Some(Kept {
            start: u32::try_from(t.start).ok()?,
            end: u32::try_from(t.end).ok()?,
            word: t.word,
            possessive: t.possessive,
        })
    }

    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    pub(super) fn end(&self) -> usize {
        self.end as usize
    }

    /// The token, its text read from the document's `text`.
    pub(super) fn tok<'a>(&self, text: &'a str) -> Tok<'a> {
        Tok {
            start: self.start(),
            end: self.end(),
            text: text.get(self.start()..self.end()).unwrap_or(""),
            word: self.word,
            possessive: self.possessive,
        }
    }
}

/// The tokens of a document's sentences as the rules' scan cut them, kept (without their
/// text) for the model, which reads the same words: each sentence is cut once.
#[derive(Default)]
pub(super) struct SentenceTokens {
    kept: Vec<Kept>,
    /// Where each sentence's tokens end in `kept`, sentence by sentence.
    ends: Vec<usize>,
    /// A token lay past 4 GiB: no more are kept (`read` cuts the sentences left).
    full: bool,
}

/// Every sentence's tokens end to end (without their text), and where each sentence's end.
pub(super) struct AllTokens<'s> {
    pub(super) kept: std::borrow::Cow<'s, [Kept]>,
    pub(super) ends: std::borrow::Cow<'s, [usize]>,
}

impl SentenceTokens {
    /// Room for the tokens of a text of `bytes` bytes (about one in five bytes): made
    /// once, not grown and copied.
    pub(super) fn reserve(&mut self, bytes: usize) {
        self.kept.reserve(bytes / 5 + 16);
    }

    /// Keeps the tokens of the next sentence.
    pub(super) fn push(&mut self, toks: &[Tok]) {
        if self.full {
            return;
        }
        let before = self.kept.len();
        for t in toks {
            match Kept::of(t) {
                Some(k) => self.kept.push(k),
                None => {
                    self.kept.truncate(before);
                    self.full = true;
                    return;
                }
            }
        }
        self.ends.push(self.kept.len());
    }

    /// Every sentence's tokens: those kept, borrowed, when every sentence was; a sentence
    /// not kept (the scan stopped before it) is cut here.
    pub(super) fn read(&self, text: &str, sentences: &[Span]) -> AllTokens<'_> {
        if self.ends.len() >= sentences.len() {
            return AllTokens {
                kept: std::borrow::Cow::Borrowed(&self.kept),
                ends: std::borrow::Cow::Borrowed(&self.ends),
            };
        }
        let mut kept = self.kept.clone();
        let mut ends = self.ends.clone();
        for s in sentences.iter().skip(ends.len()) {
            // (a token past 4 GiB, which no input reaches (`parse::MAX_INPUT_BYTES`), is
            // left unread)
            kept.extend(tokenize(text, *s).iter().filter_map(Kept::of));
            ends.push(kept.len());
        }
        AllTokens {
            kept: std::borrow::Cow::Owned(kept),
            ends: std::borrow::Cow::Owned(ends),
        }
    }
}

pub(super) fn tokenize(text: &str, span: Span) -> Vec<Tok<'_>> {
    let Some(s) = span.slice(text) else {
        return Vec::new();
    };
    let base = span.start();
    // about one token in five bytes of English
    let mut out = Vec::with_capacity(s.len() / 5 + 4);
    // the character at a byte offset of `s` (read in place: no copy of the characters;
    // an ASCII byte is its character)
    let bytes = s.as_bytes();
    let char_at = |at: usize| match bytes.get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    };
    let mut a = 0;
    while let Some(c) = char_at(a) {
        if c.is_whitespace() {
            a += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            let e = a + c.len_utf8();
            out.push(Tok {
                start: base + a,
                end: base + e,
                text: &s[a..e],
                word: false,
                possessive: false,
            });
            a = e;
            continue;
        }
        // `j`: the byte offset of the first character after the word: letters and digits,
        // and a sign between two of them ("U.S", "O'Neill", "AT&T", "well-known")
        let mut j = a + c.len_utf8();
        loop {
            j = ALPHANUMERIC.run_end(s, j, true);
            match char_at(j) {
                Some(cj)
                    if matches!(cj, '-' | '.' | '\'' | '’' | '&')
                        && char_at(j + cj.len_utf8()).is_some_and(char::is_alphanumeric) =>
                {
                    j += cj.len_utf8()
                }
                _ => break,
            }
        }
        let mut e = j;
        let word = &s[a..e];
        // keep the dot of "U.S.", of initials ("J.") and of title abbreviations ("Dr.")
        if char_at(j) == Some('.') {
            let tail = word.rsplit('-').next().unwrap_or(word);
            let dotted = tail.contains('.') && tail.split('.').all(|p| p.chars().count() <= 2);
            let single = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
            if dotted
                || single
                || ABBREV_DOT.contains(word)
                || lexicon::get().title_dotted.contains(word)
            {
                e += 1;
                j += 1;
            }
        }
        let mut t = Tok {
            start: base + a,
            end: base + e,
            text: &s[a..e],
            word: true,
            possessive: false,
        };
        // a possessive ("Labour's", "Reuters'"): it ends in "s", "'" or "’" (whose last
        // byte is 0x99)
        if matches!(t.text.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
            for suf in ["'s", "’s", "'", "’"] {
                if t.text.len() > suf.len() + 1
                    && t.text.ends_with(suf)
                    && (suf.len() > 1 || t.text.ends_with("s'") || t.text.ends_with("s’"))
                {
                    t.text = &t.text[..t.text.len() - suf.len()];
                    t.end -= suf.len();
                    t.possessive = true;
                    break;
                }
            }
        }
        out.push(t);
        a = j;
    }
    out
}

/// A word with a capital after a small letter inside ("YouTube", "PlayStation"), not a
/// surname's prefix ("McCain", "DeSantis", "MacLean", "LeBron", "DiCaprio").
pub(super) fn camel_case(w: &str) -> bool {
    const PREFIXES: [&str; 9] = ["Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von"];
    if !w.chars().all(|c| c.is_alphabetic()) || PREFIXES.iter().any(|p| w.starts_with(p)) {
        return false;
    }
    // a lower-case letter then an upper-case one, after the first letter ("eBay" is not)
    let mut rest = w.chars().skip(1);
    let Some(mut prev) = rest.next() else {
        return false;
    };
    for c in rest {
        if prev.is_lowercase() && c.is_uppercase() {
            return true;
        }
        prev = c;
    }
    false
}

/// Acronym-shaped words that name no organisation: Roman numerals ("XVII") and product
/// or model numbers, two letters or more before digits ("IE6", "A320").
pub(super) fn not_an_org_acronym(w: &str) -> bool {
    let roman = w.chars().all(|c| "IVXLCDM".contains(c));
    let letters = w.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let model =
        letters >= 2 && w.len() > letters && w[letters..].chars().all(|c| c.is_ascii_digit());
    roman || model
}

/// Acronyms defined in brackets right after the lower-case words whose initials they are:
/// "ultraviolet radiation (UVR)", "compact fluorescent lamps (CFLs)"; with the plural.
pub(super) fn plain_acronyms(text: &str) -> HashSet<String> {
    let mut out = HashSet::default();
    let mut from = 0;
    while let Some(p) = text[from..].find('(') {
        let open = from + p;
        from = open + 1;
        // an acronym is short: its closing bracket is near (a far one would make this
        // quadratic on a text of many "(" and one ")")
        let Some(close) = text.as_bytes()[open + 1..]
            .iter()
            .take(24)
            .position(|&b| b == b')')
            .map(|c| open + 1 + c)
        else {
            continue;
        };
        let inner = &text[open + 1..close];
        let acr = inner.strip_suffix('s').unwrap_or(inner);
        let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2
            || letters.len() > 8
            || !acr.chars().all(|c| c.is_uppercase() || c == '-')
        {
            continue;
        }
        let mut lo = open.saturating_sub(120);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let before: Vec<&str> = text[lo..open]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // the initials may end one word before the bracket: "compact fluorescent light
        // bulbs (CFLs)"
        let plain =
            (0..2).any(|skip| initials_of_lower_words(&letters, before.iter().rev().skip(skip)));
        if plain {
            out.insert(acr.to_string());
            out.insert(format!("{acr}s"));
        }
        from = close;
    }
    out
}

/// Whether the words (read backwards from the bracket) start with `letters` (read backwards),
/// skipping connectors, and are all in lower case.
pub(super) fn initials_of_lower_words<'w>(
    letters: &[char],
    mut words: impl Iterator<Item = &'w &'w str>,
) -> bool {
    for l in letters.iter().rev() {
        let w = loop {
            match words.next() {
                Some(w) if CONNECTORS.contains(w) || matches!(*w, "a" | "in" | "to") => {}
                other => break other,
            }
        };
        match w.and_then(|w| w.chars().next()) {
            Some(c) if c.eq_ignore_ascii_case(l) && c.is_lowercase() => {}
            _ => return false,
        }
    }
    true
}
