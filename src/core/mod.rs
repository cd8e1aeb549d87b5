//! The pure core: document model, parsing, annotations, anchoring and file formats.
//! Nothing here may depend on leptos, web-sys or js-sys; everything is tested natively.

pub mod analyze;
pub mod anchor;
pub mod annotation;
pub mod backup;
pub mod claims;
pub mod details;
pub mod document;
pub mod extract;
pub mod fixes;
pub mod format;
pub mod graph;
pub mod handoff;
pub mod hash;
/// Force-directed layout: the `gloss-layout` crate in `src/core/layout/` (its own crate only
/// so that it can be optimised for speed; pure like the rest of the core).
pub use gloss_layout as layout;
pub mod library;
pub mod offsets;
pub mod page;
pub mod parse;
pub mod pipeline;
pub mod relations;
pub mod sentences;
pub mod sort;
pub mod stored;

/// The first `n` characters of `s` with white space folded, and "…" when cut: for list
/// items, labels and titles (the app, the graph drawing and the SVG export share it).
pub fn excerpt(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > n {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// A fixed word list packed as one byte string, each word after its length in a byte
/// (`word_set!("a|b|c")`, made at compile time): a fraction of the download of a table of
/// string slices, whose pointers compress poorly, and searched as fast (lengths first).
/// With it, made at compile time too, a 256-bit filter of its words' (length, first
/// byte, last byte): most words not in the list are ruled out without a scan, so a long
/// list costs little per word of an article.
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

impl WordSet {
    pub const fn new(packed: &'static [u8]) -> WordSet {
        let mut filter = [0u64; 4];
        let mut i = 0;
        while i < packed.len() {
            let n = packed[i] as usize;
            let end = if i + 1 + n <= packed.len() {
                i + 1 + n
            } else {
                packed.len()
            };
            let (_, rest) = packed.split_at(i + 1);
            let (word, _) = rest.split_at(end - i - 1);
            let bit = filter_bit(word);
            filter[bit >> 6] |= 1 << (bit & 63);
            i = end;
        }
        WordSet { packed, filter }
    }
    /// Each word of the list, in the order written.
    pub fn words(self) -> impl Iterator<Item = &'static str> {
        let mut rest = self.packed;
        std::iter::from_fn(move || {
            let (&n, tail) = rest.split_first()?;
            let (word, after) = tail.split_at(usize::from(n).min(tail.len()));
            rest = after;
            // the words were cut from a `&str` at `|`, so each is one
            Some(std::str::from_utf8(word).unwrap_or(""))
        })
    }
    pub fn contains(self, w: &str) -> bool {
        let bit = filter_bit(w.as_bytes());
        self.filter[bit >> 6] & (1 << (bit & 63)) != 0 && has_word(self.packed, w.as_bytes())
    }
}

#[inline(never)]
fn has_word(set: &[u8], w: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&n) = set.get(i) {
        let n = n as usize;
        if n == w.len() && set.get(i + 1..i + 1 + n) == Some(w) {
            return true;
        }
        i += 1 + n;
    }
    false
}

/// `"ab|c"` as `[2, a, b, 1, c]`: each `|` becomes the next word's length.
pub(crate) const fn pack_words<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    assert!(N == b.len() + 1);
    let mut out = [0u8; N];
    let mut len_at = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'|' {
            assert!(i - len_at < 256);
            out[len_at] = (i - len_at) as u8;
            len_at = i + 1;
        } else {
            out[i + 1] = b[i];
        }
        i += 1;
    }
    assert!(b.len() - len_at < 256);
    out[len_at] = (b.len() - len_at) as u8;
    out
}

/// A `WordSet` of the words of a literal separated by `|`.
macro_rules! word_set {
    ($s:expr) => {{
        const S: &str = $s;
        const B: [u8; S.len() + 1] = $crate::core::pack_words(S);
        const W: $crate::core::WordSet = $crate::core::WordSet::new(&B);
        W
    }};
}
pub(crate) use word_set;

#[cfg(test)]
mod tests {
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
        assert_eq!(words, ["a", "bc", "", "d.e", "Ünal"]);
    }

    #[test]
    fn excerpts_fold_space_and_cut_by_characters() {
        assert_eq!(super::excerpt(" a\n  b ", 10), "a b");
        assert_eq!(super::excerpt("😀😀😀", 2), "😀😀…");
        assert_eq!(super::excerpt("abc", 3), "abc");
    }
}
