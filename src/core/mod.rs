//! The pure core: document model, parsing, annotations, anchoring and file formats.
//! Nothing here may depend on leptos, web-sys or js-sys; everything is tested natively.

pub mod agreement;
pub mod analyze;
pub mod anchor;
pub mod annotation;
pub mod article_file;
pub mod backup;
pub mod carry;
pub mod claims;
pub mod details;
pub mod document;
pub mod extract;
pub mod fixes;
pub mod folder;
pub mod format;
pub mod graph;
pub mod handoff;
pub mod hash;
pub mod history;
pub mod interchange;
pub mod journal;
pub mod keys;
pub mod layers;
/// Force-directed layout: the `gloss-layout` crate in `src/core/layout/` (its own crate only
/// so that it can be optimised for speed; pure like the rest of the core).
pub use gloss_layout as layout;
pub mod library;
pub mod offsets;
pub mod page;
pub mod parse;
pub mod pipeline;
pub mod rating;
pub mod relations;
pub mod report;
pub(crate) mod runs;
pub mod sentences;
pub mod share;
pub mod sift;
pub mod sort;
pub mod stored;
pub mod wire;

/// A file name from an article's name: its letters and digits (lower case) with dashes
/// between words, at most 60 characters and cut between words, then `.ext`.
pub fn file_name_for(name: &str, ext: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut s = String::new();
    for w in &words {
        let len = s.chars().count() + usize::from(!s.is_empty()) + w.chars().count();
        if len > 60 {
            // a first word longer than the limit is cut, as nothing else would be left
            if s.is_empty() {
                s = w.chars().take(60).collect();
            }
            break;
        }
        if !s.is_empty() {
            s.push('-');
        }
        s.push_str(w);
    }
    format!("{}.{ext}", if s.is_empty() { "article" } else { &s })
}

/// The first `n` characters of `s` with white space folded, and "…" when cut: for list
/// items, labels and titles (the app, the graph drawing and the SVG export share it).
pub fn excerpt(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > n {
        let t: String = s.chars().take(n).collect();
        // between words where a word ends in the second half, else where the count ends
        let t = match t.rfind(' ') {
            Some(at) if t[..at].chars().count() >= n / 2 => &t[..at],
            _ => t.as_str(),
        };
        let mut t = t.trim_end_matches([' ', ',', ';', ':']).to_string();
        t.push('…');
        t
    } else {
        s
    }
}

/// A fixed word list packed as one byte string (`word_set!("a|b|c")`, made at compile
/// time): its words grouped by length, shortest first, each group a byte of the length and
/// two of the count of its words, then the words end to end. A fraction of the download of
/// a table of string slices, whose pointers compress poorly, and searched fast: a word is
/// compared only with the list's words of its length. With it, made at compile time too,
/// a 256-bit filter of its words' (length, first byte, last byte): most words not in the
/// list are ruled out without a scan.
#[derive(Clone, Copy)]
pub(crate) struct WordSet {
    packed: &'static [u8],
    filter: [u64; 4],
}

/// Where a word falls in a `WordSet`'s filter.
const fn filter_bit(w: &[u8]) -> usize {
    let (first, last) = match (w.first(), w.last()) {
        (Some(&f), Some(&l)) => (f as usize, l as usize),
        _ => (0, 0),
    };
    (w.len().wrapping_mul(31) ^ first.wrapping_mul(7) ^ last.wrapping_mul(131)) & 255
}

/// One group of a packed `WordSet`: the length of its words, their count, the words end
/// to end, and what follows; `None` at the end (or on a group cut short, which packing
/// never makes).
const fn group(packed: &[u8]) -> Option<(usize, usize, &[u8], &[u8])> {
    let [len, lo, hi, tail @ ..] = packed else {
        return None;
    };
    let (len, count) = (*len as usize, *lo as usize | (*hi as usize) << 8);
    if len * count > tail.len() {
        return None;
    }
    let (words, rest) = tail.split_at(len * count);
    Some((len, count, words, rest))
}

impl WordSet {
    pub const fn new(packed: &'static [u8]) -> WordSet {
        let mut filter = [0u64; 4];
        let mut rest = packed;
        while let Some((len, _, words, after)) = group(rest) {
            if len == 0 {
                let bit = filter_bit(&[]);
                filter[bit >> 6] |= 1 << (bit & 63);
            } else {
                let mut at = 0;
                while at < words.len() {
                    let (_, word) = words.split_at(at);
                    let (word, _) = word.split_at(len);
                    let bit = filter_bit(word);
                    filter[bit >> 6] |= 1 << (bit & 63);
                    at += len;
                }
            }
            rest = after;
        }
        WordSet { packed, filter }
    }

    /// Each word of the list, shortest first.
    pub fn words(self) -> impl Iterator<Item = &'static str> {
        let mut groups = std::iter::successors(group(self.packed), |g| group(g.3));
        let mut current: Option<(usize, &'static [u8], usize)> = None;
        std::iter::from_fn(move || loop {
            if let Some((len, words, left)) = current.as_mut() {
                if *left > 0 {
                    *left -= 1;
                    let (word, rest) = words.split_at((*len).min(words.len()));
                    *words = rest;
                    // the words were cut from a `&str` at `|`, so each is one
                    return Some(std::str::from_utf8(word).unwrap_or(""));
                }
            }
            let (len, count, words, _) = groups.next()?;
            current = Some((len, words, count));
        })
    }

    pub fn contains(self, w: &str) -> bool {
        let bit = filter_bit(w.as_bytes());
        self.filter[bit >> 6] & (1 << (bit & 63)) != 0 && has_word(self.packed, w.as_bytes())
    }
}

#[inline(never)]
fn has_word(set: &[u8], w: &[u8]) -> bool {
    let mut rest = set;
    while let Some((len, _, words, after)) = group(rest) {
        if len == w.len() {
            // (the first byte first: most words of a length differ there)
            return len == 0
                || words
                    .chunks_exact(len)
                    .any(|x| x.first() == w.first() && x == w);
        }
        if len > w.len() {
            return false;
        }
        rest = after;
    }
    false
}

/// The size of `s`'s packing: the bytes of its words and three for each length among them
/// (`"ab|c"` packs into nine).
pub(crate) const fn packed_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut seen = [false; 256];
    let (mut size, mut start, mut i) = (0, 0, 0);
    while i <= b.len() {
        if i == b.len() || b[i] == b'|' {
            let n = i - start;
            assert!(n < 256);
            if !seen[n] {
                seen[n] = true;
                size += 3;
            }
            size += n;
            start = i + 1;
        }
        i += 1;
    }
    size
}

/// `"ab|c"` as `[1, 1, 0, c, 2, 1, 0, a, b]`: the words of each length after their length
/// and their count (two bytes, low first), shortest first.
pub(crate) const fn pack_words<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    let mut out = [0u8; N];
    let mut at = 0;
    let mut len = 0;
    while len < 256 {
        let header = at;
        let mut count = 0usize;
        let (mut start, mut i) = (0, 0);
        while i <= b.len() {
            if i == b.len() || b[i] == b'|' {
                if i - start == len {
                    if count == 0 {
                        at += 3;
                    }
                    let mut k = start;
                    while k < i {
                        out[at] = b[k];
                        at += 1;
                        k += 1;
                    }
                    count += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        if count > 0 {
            assert!(count < 65536);
            out[header] = len as u8;
            out[header + 1] = (count & 255) as u8;
            out[header + 2] = (count >> 8) as u8;
        }
        len += 1;
    }
    assert!(at == N);
    out
}

/// A `WordSet` of the words of a literal separated by `|`.
macro_rules! word_set {
    ($s:expr) => {{
        const S: &str = $s;
        const B: [u8; $crate::core::packed_len(S)] = $crate::core::pack_words(S);
        const W: $crate::core::WordSet = $crate::core::WordSet::new(&B);
        W
    }};
}
pub(crate) use word_set;

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_name_keeps_whole_words() {
        use super::file_name_for;
        let title = "Uncertain Path to Peace: The Complex Dynamics of Ukraine-Russia Negotiations";
        let name = file_name_for(title, "report.md");
        assert_eq!(
            name,
            "uncertain-path-to-peace-the-complex-dynamics-of-ukraine.report.md"
        );
        assert!(name.len() - ".report.md".len() <= 60);
        assert_eq!(
            file_name_for("Café «Déjà vu» 😀 — 東京", "csv"),
            "café-déjà-vu-東京.csv"
        );
        assert_eq!(file_name_for("  ***  ", "json"), "article.json");
        assert_eq!(
            file_name_for(&"x".repeat(80), "json"),
            format!("{}.json", "x".repeat(60))
        );
    }

    #[test]
    fn word_sets_hold_their_words() {
        const W: super::WordSet = word_set!("a|bc||d.e|Ünal");
        for w in ["a", "bc", "", "d.e", "Ünal"] {
            assert!(W.contains(w), "{w}");
        }
        for w in ["b", "abc", "bc|", "d", "ünal", "Ünal "] {
            assert!(!W.contains(w), "{w}");
        }
        assert!(!word_set!("x").contains(""));
        let words: Vec<&str> = W.words().collect();
        assert_eq!(words, ["", "a", "bc", "d.e", "Ünal"]);
        // grouped by length, each group after its length and count
        const B: [u8; super::packed_len("ab|c|de")] = super::pack_words("ab|c|de");
        assert_eq!(B, *b"\x01\x01\x00c\x02\x02\x00abde");
        let long = word_set!("to|of|in|on|at|by|the|and|for|with|from|about|between");
        for w in ["to", "by", "the", "with", "between"] {
            assert!(long.contains(w), "{w}");
        }
        for w in ["", "t", "ab", "tho", "withe", "betweens"] {
            assert!(!long.contains(w), "{w}");
        }
        assert_eq!(long.words().count(), 13);
    }

    #[test]
    fn excerpts_fold_space_and_cut_by_characters() {
        assert_eq!(super::excerpt(" a\n  b ", 10), "a b");
        assert_eq!(super::excerpt("😀😀😀", 2), "😀😀…");
        assert_eq!(super::excerpt("abc", 3), "abc");
    }
}
