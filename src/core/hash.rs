//! A fast hash for the fixed word tables (lexicons, cue forms, check-worthiness words):
//! a multiply-and-rotate over eight bytes at a time, a fraction of the standard library's
//! SipHash for the short words looked up once or more for every word of an article.
//!
//! It is not keyed, so it is only for tables whose keys are fixed in the program: a word
//! of an article is looked up in them, never inserted. Maps filled from an article's words
//! are `KeyedMap`s and `KeyedSet`s: a fast hash too (foldhash), but keyed with random
//! seeds, so no article can choose words whose keys collide.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The hasher: state is one word, folded with each eight bytes by a multiply.
#[derive(Clone, Copy, Default)]
pub struct FastHasher(u64);

/// An odd constant with well spread bits (as in rustc's FxHash 2).
const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.add(u64::from_le_bytes(a));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(a));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // the table takes its bucket from the low bits: bring the well mixed high bits down
        self.0.rotate_left(26)
    }
}

/// A map of fixed keys with the fast hash.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A set of fixed keys with the fast hash.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// The keyed hash of maps filled from an article's words: foldhash, with a seed shared by
/// the process and one of each map's own, both from the standard library's random keys
/// (the operating system's randomness, where there is one), as its `HashMap` is keyed.
#[derive(Clone)]
pub struct KeyedState(foldhash::fast::SeedableRandomState);

/// A random number, from the standard library's keyed hash (new keys each time).
fn random_seed() -> u64 {
    std::hash::RandomState::new().build_hasher().finish()
}

impl Default for KeyedState {
    fn default() -> KeyedState {
        static SHARED: OnceLock<foldhash::SharedSeed> = OnceLock::new();
        let shared = SHARED.get_or_init(|| foldhash::SharedSeed::from_u64(random_seed()));
        KeyedState(foldhash::fast::SeedableRandomState::with_seed(
            random_seed(),
            shared,
        ))
    }
}

impl BuildHasher for KeyedState {
    type Hasher = foldhash::fast::FoldHasher<'static>;

    #[inline]
    fn build_hasher(&self) -> Self::Hasher {
        self.0.build_hasher()
    }
}

/// A map filled from an article's words, with the keyed fast hash.
pub type KeyedMap<K, V> = HashMap<K, V, KeyedState>;
/// A set filled from an article's words, with the keyed fast hash.
pub type KeyedSet<K> = HashSet<K, KeyedState>;

/// The bits of a `WordFilter`. The cue table's 1,024 forms set about an eighth of them,
/// so a word not in the table passes about one time in sixty (with 4,096 bits, two
/// fifths were set, and one in seven passed).
const WORD_FILTER_BITS: usize = 16384;
const WORD_FILTER_WORDS: usize = WORD_FILTER_BITS / 64;

/// A 16,384-bit (2 KB) filter of a word table's words (each sets two bits: one by its
/// length and first, second and last bytes, one by its length and third, second-last and
/// first bytes), made with the table: most words not in the table are ruled out with no
/// hashing.
#[derive(Clone)]
pub struct WordFilter(Box<[u64; WORD_FILTER_WORDS]>);

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter(Box::new([0; WORD_FILTER_WORDS]))
    }
}

impl WordFilter {
    /// The two bits of `w`, with each byte read through `byte_as`.
    #[inline]
    fn bits_of(w: &[u8], byte_as: impl Fn(u8) -> u8) -> [usize; 2] {
        let byte = |i: usize| w.get(i).map_or(0, |b| usize::from(byte_as(*b)));
        let back = |k: usize| w.len().checked_sub(k).map_or(0, byte);
        let n = w.len();
        [
            (n.wrapping_mul(0x9e5)
                ^ byte(0).wrapping_mul(0x2f)
                ^ byte(1).wrapping_mul(0x3b1)
                ^ back(1))
                & (WORD_FILTER_BITS - 1),
            (n.wrapping_mul(0x3c7)
                ^ byte(2).wrapping_mul(0x25)
                ^ back(2).wrapping_mul(0x1cb)
                ^ byte(0).wrapping_mul(0x7f1))
                & (WORD_FILTER_BITS - 1),
        ]
    }

    fn holds(&self, bits: [usize; 2]) -> bool {
        bits.iter()
            .all(|&bit| self.0[bit >> 6] & (1 << (bit & 63)) != 0)
    }

    pub fn insert(&mut self, w: &[u8]) {
        for bit in WordFilter::bits_of(w, |b| b) {
            self.0[bit >> 6] |= 1 << (bit & 63);
        }
    }

    /// False when `w` was surely never inserted.
    pub fn may_hold(&self, w: &[u8]) -> bool {
        self.holds(WordFilter::bits_of(w, |b| b))
    }

    /// False when `w` in ASCII lower case was surely never inserted.
    pub fn may_hold_lower_case_of(&self, w: &[u8]) -> bool {
        self.holds(WordFilter::bits_of(w, |b| b.to_ascii_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_differ_anywhere_hash_apart() {
        let hash = |w: &str| {
            let mut h = FastHasher::default();
            std::hash::Hash::hash(w, &mut h);
            h.finish()
        };
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "said",
            "saids",
            "abcdefgh",
            "abcdefghi",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(hash(a), hash(b), "{a} {b}");
            }
        }
        let mut filter = WordFilter::default();
        for w in &words[..5] {
            filter.insert(w.as_bytes());
        }
        assert!(words[..5].iter().all(|w| filter.may_hold(w.as_bytes())));
        assert!(["A", "AB", "bA", "Ba"]
            .iter()
            .all(|w| filter.may_hold_lower_case_of(w.as_bytes())));
        let set: FastSet<&str> = words.iter().copied().collect();
        assert!(words.iter().all(|w| set.contains(w)));
        assert!(!set.contains("abcdefghij"));
    }
}
