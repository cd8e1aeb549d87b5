//! Re-anchoring: finding an annotation's quote again in a text that changed (an article
//! edited since it was annotated, a file's claims brought onto a newer copy of the page).
//! The approach is the one of the Hypothesis client (`match-quote`): try the old place,
//! then the quote's exact occurrences judged by their context, then approximate ones
//! (Myers' bit-parallel edit distance) scored by how alike the quote, its prefix and its
//! suffix are and how near the old place they lie. A match that scores too low is refused:
//! a claim reported gone can be placed again by hand, one pinned to the wrong words misleads.
//!
//! Every comparison counts a run of whitespace as one space (a newline that became a space,
//! a doubled space change nothing); spans are given back in bytes of the original text, on
//! character boundaries, and a whitespace run at either end of a match is taken whole.
//!
//! Work, for a text of n characters and a quote of m: O(n + m) to prepare and for the exact
//! passes, plus a context check of at most `2 · MAX_CONTEXT_CHARS` comparisons per exact
//! occurrence; O(n · ⌈m/64⌉) for the approximate pass, which runs only when the exact passes
//! leave room for a better match and m is at most `MAX_FUZZY_QUOTE_CHARS`, plus ordering its
//! ends by errors (O(e log e) for e ends, e ≤ n); then at most `MAX_CANDIDATES` candidates,
//! each in O((m + m/4) · ⌈m/64⌉ + MAX_CONTEXT_CHARS²). A 1 MB text takes some 30 ms for a
//! 200-character quote that is gone, and about half a second at the longest fuzzy quote.

use super::{verify, Quote, CONTEXT_CHARS};
use crate::core::offsets::Span;
use crate::core::sort::sort_by_key;
use std::cell::OnceCell;
use std::collections::HashMap;

/// Quote characters per edit an approximate match may have: a quarter of the quote may
/// differ (at least one edit). A sentence of 80 characters can then have a word or two
/// replaced, a figure or a name changed, and still be found; a quote changed further than
/// that says something else, and is better reported gone than pinned to other words. Two
/// unrelated stretches of prose differ in about half their characters, so a quarter also
/// keeps chance look-alikes out (Hypothesis allows half and leans on its scores instead).
pub const CHARS_PER_ERROR: usize = 4;

/// The weight of the quote's own likeness in a match's score: the most, since the quote is
/// what the annotation is about (the weights are Hypothesis's).
pub const QUOTE_WEIGHT: f64 = 50.0;
/// The weight of the prefix's likeness: context tells apart two places with the same words.
pub const PREFIX_WEIGHT: f64 = 20.0;
/// The weight of the suffix's likeness, as the prefix's.
pub const SUFFIX_WEIGHT: f64 = 20.0;
/// The weight of nearness to the old place: small, a tie-breaker between likely places.
pub const POSITION_WEIGHT: f64 = 2.0;

/// The lowest score (0 to 1) an approximate match is accepted with. With its context intact
/// any quote within the allowed errors passes (at worst (50 · 0.75 + 40) / 90 ≈ 0.86); with
/// a quarter of its context agreeing, a quote at most a fifth changed (≈ (50 · 0.8 + 10) / 90);
/// with no context agreeing at all, practically none (a quote would need 99% of its characters
/// intact). Changed words in new surroundings are more likely another sentence like it than
/// the annotated one. Exact occurrences need no score: the same words are always a fair place.
pub const MIN_FUZZY_SCORE: f64 = 0.55;

/// The most places scored in each pass (exact occurrences nearest the old place; approximate
/// ones with the fewest errors): bounds the work when a short quote occurs very often.
pub const MAX_CANDIDATES: usize = 200;

/// The longest quote (in characters, whitespace runs counted once) searched approximately:
/// the approximate pass costs n · m / 64 steps, about 64 million for a 1 MB article at
/// this length. A longer quote is still found when its words are intact.
pub const MAX_FUZZY_QUOTE_CHARS: usize = 4096;

/// Context characters compared on each side, those nearest the quote: twice what Gloss
/// writes, so that a longer context from another tool counts, but boundedly.
pub const MAX_CONTEXT_CHARS: usize = 2 * CONTEXT_CHARS;

/// Edits per character at which a context agrees not at all: two unrelated stretches of
/// prose are about half their characters apart, so half counts as no likeness.
const UNRELATED: f64 = 0.5;

/// How a quote was found again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// At the old place: the same words start at the hint (with the same context, unless
    /// another place with the same words had a context agreeing better).
    Exact,
    /// The same words (whitespace runs aside) elsewhere: the occurrence whose context agrees
    /// best, the one nearest the old place among equals.
    Moved,
    /// Words close to the quote, `errors` character edits (insertions, deletions,
    /// substitutions) away from it, with a good enough score.
    Fuzzy { errors: usize },
}

/// Where a quote was found again, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Located {
    /// The bytes of the text that hold the quote now, on character boundaries.
    pub span: Span,
    /// Whether at the old place, moved, or close words.
    pub found: Found,
    /// How sure the match is, 0 to 1: the weighted likeness of the quote, its prefix and
    /// suffix, and nearness to the old place (1 at the old place with the same context).
    pub score: f64,
}

/// A quote to find again, with the byte offset where it started before, if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    /// The words and their context.
    pub quote: Quote,
    /// The byte offset where the words started, as `locate`'s `hint`.
    pub hint: Option<usize>,
}

/// Finds `q` in `text`. `hint`: the byte offset where it used to start (from a
/// TextPositionSelector, already converted), if known. `None` when the quote is gone: no
/// exact occurrence and no close enough approximate one. An empty quote has nothing to look
/// for, so only the hint can place it.
pub fn locate(text: &str, q: &Quote, hint: Option<usize>) -> Option<Located> {
    at_hint(text, q, hint).or_else(|| Finder::new(text).find(q, hint))
}

/// Finds each wanted quote in `text`, as `locate` would, preparing the text once.
pub fn locate_all(text: &str, wanted: &[Wanted]) -> Vec<Option<Located>> {
    let finder = OnceCell::new();
    wanted
        .iter()
        .map(|w| {
            at_hint(text, &w.quote, w.hint).or_else(|| {
                finder
                    .get_or_init(|| Finder::new(text))
                    .find(&w.quote, w.hint)
            })
        })
        .collect()
}

/// The first pass: the quote and its context still at the hint.
fn at_hint(text: &str, q: &Quote, hint: Option<usize>) -> Option<Located> {
    let start = hint?;
    let span = Span::new(start, start.checked_add(q.exact.len())?);
    verify(text, span, q).then_some(Located {
        span,
        found: Found::Exact,
        score: 1.0,
    })
}

/// The characters of `s` with each run of whitespace made one space, each with the byte
/// offset where it (or its run) starts.
fn squeezed(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut in_space = false;
    s.char_indices().filter_map(move |(i, c)| {
        let space = c.is_whitespace();
        let keep = !(space && in_space);
        in_space = space;
        keep.then_some((i, if space { ' ' } else { c }))
    })
}

/// Characters with each run of whitespace made one space.
fn normalise(s: &str) -> Vec<char> {
    squeezed(s).map(|(_, c)| c).collect()
}

/// The text prepared for searching: its characters with whitespace runs made one space,
/// and where each of them starts in the original bytes.
struct Finder {
    chars: Vec<char>,
    starts: Vec<usize>,
    /// The original text's length in bytes.
    len: usize,
}

/// A quote prepared for searching: normalised like the text, its context cut to
/// `MAX_CONTEXT_CHARS` on each side and given nearest-first.
struct Sought {
    exact: Vec<char>,
    /// The prefix, from the character next to the quote outwards.
    prefix: Vec<char>,
    suffix: Vec<char>,
}

impl Sought {
    fn new(q: &Quote) -> Sought {
        let exact = normalise(&q.exact);
        let mut prefix = normalise(&q.prefix);
        let mut suffix = normalise(&q.suffix);
        // a whitespace run split by the quote's edge is one space in the text
        if exact.first() == Some(&' ') && prefix.last() == Some(&' ') {
            prefix.pop();
        }
        if exact.last() == Some(&' ') && suffix.first() == Some(&' ') {
            suffix.remove(0);
        }
        prefix.reverse();
        prefix.truncate(MAX_CONTEXT_CHARS);
        suffix.truncate(MAX_CONTEXT_CHARS);
        Sought {
            exact,
            prefix,
            suffix,
        }
    }

    /// The score of a match from its evidence, over the weights that apply (an empty
    /// context, at the text's edge, and a missing hint say nothing either way).
    fn score(&self, e: &Evidence) -> f64 {
        let parts = [
            (QUOTE_WEIGHT, Some(e.quote)),
            (PREFIX_WEIGHT, e.prefix),
            (SUFFIX_WEIGHT, e.suffix),
            (POSITION_WEIGHT, e.position),
        ];
        let (sum, weights) = parts
            .iter()
            .filter_map(|(w, v)| v.map(|v| (w * v, *w)))
            .fold((0.0, 0.0), |(s, t), (v, w)| (s + v, t + w));
        sum / weights
    }
}

/// What speaks for a place, each part 0 to 1 (`None`: nothing to compare).
struct Evidence {
    quote: f64,
    prefix: Option<f64>,
    suffix: Option<f64>,
    position: Option<f64>,
}

impl Evidence {
    /// The context's likeness alone, over the sides there are (1 with none).
    fn context(&self) -> f64 {
        match (self.prefix, self.suffix) {
            (Some(p), Some(s)) => (p + s) / 2.0,
            (Some(v), None) | (None, Some(v)) => v,
            (None, None) => 1.0,
        }
    }
}

/// A place judged: normalised character offsets, edits, and the evidence's worth.
#[derive(Clone, Copy)]
struct Judged {
    start: usize,
    end: usize,
    errors: usize,
    context: f64,
    /// Bytes from the hint (0 without one).
    distance: usize,
    score: f64,
}

/// An approximate match's end (normalised characters) and its fewest edits.
#[derive(Clone, Copy)]
struct End {
    end: usize,
    errors: usize,
}

impl Finder {
    fn new(text: &str) -> Finder {
        let (starts, chars) = squeezed(text).unzip();
        Finder {
            chars,
            starts,
            len: text.len(),
        }
    }

    /// The byte offset where normalised character `k` starts (the text's end past the last).
    fn byte(&self, k: usize) -> usize {
        self.starts.get(k).copied().unwrap_or(self.len)
    }

    fn distance(&self, k: usize, hint: Option<usize>) -> usize {
        hint.map_or(0, |h| self.byte(k).abs_diff(h))
    }

    /// The second and third passes (see the module's notes).
    fn find(&self, q: &Quote, hint: Option<usize>) -> Option<Located> {
        let want = Sought::new(q);
        let m = want.exact.len();
        if m == 0 {
            return None;
        }
        let occurrences = occurrences(&self.chars, &want.exact);

        // the same words with the same context: the one nearest the old place
        let mut perfect: Option<(usize, usize)> = None;
        for &k in &occurrences {
            if self.context_agrees(k, k + m, &want) {
                let d = self.distance(k, hint);
                if perfect.is_none_or(|(_, best)| d < best) {
                    perfect = Some((k, d));
                }
            }
        }
        if let Some((k, _)) = perfect {
            return Some(self.located(self.judge(k, k + m, 0, &want, hint), hint));
        }

        // the same words: the context that agrees best, then the nearest
        let mut best: Option<Judged> = None;
        for k in self.nearest(&occurrences, hint) {
            let j = self.judge(k, k + m, 0, &want, hint);
            if best.is_none_or(|b| {
                j.context > b.context || j.context == b.context && j.distance < b.distance
            }) {
                best = Some(j);
            }
        }

        // approximate places, unless none could score above the best exact one
        let errors = (m / CHARS_PER_ERROR).max(1);
        let ceiling = want.score(&Evidence {
            quote: 1.0 - 1.0 / m as f64,
            prefix: (!want.prefix.is_empty()).then_some(1.0),
            suffix: (!want.suffix.is_empty()).then_some(1.0),
            position: hint.map(|_| 1.0),
        });
        let worth_it = best.is_none_or(|b| b.score < ceiling)
            && m <= MAX_FUZZY_QUOTE_CHARS
            && m <= self.chars.len() + errors;
        if worth_it {
            let forward = Pattern::new(want.exact.iter().copied());
            let backward = Pattern::new(want.exact.iter().rev().copied());
            let mut ends = self.ends(&forward, errors);
            sort_by_key(&mut ends, |e| (e.errors, self.distance(e.end, hint)));
            for e in ends.into_iter().take(MAX_CANDIDATES) {
                let (start, errs) = self.start_of(&backward, e.end, m + errors);
                let j = self.judge(start, e.end, errs, &want, hint);
                let acceptable = errs == 0 || j.score >= MIN_FUZZY_SCORE;
                if acceptable && best.is_none_or(|b| j.score > b.score) {
                    best = Some(j);
                }
            }
        }
        best.map(|j| self.located(j, hint))
    }

    fn located(&self, j: Judged, hint: Option<usize>) -> Located {
        let span = Span::new(self.byte(j.start), self.byte(j.end.max(j.start)));
        let found = if j.errors > 0 {
            Found::Fuzzy { errors: j.errors }
        } else if Some(span.start()) == hint {
            Found::Exact
        } else {
            Found::Moved
        };
        Located {
            span,
            found,
            score: j.score,
        }
    }

    /// Whether the text around `[start, end)` holds the wanted context.
    fn context_agrees(&self, start: usize, end: usize, want: &Sought) -> bool {
        let before = self.chars.get(..start).unwrap_or_default();
        let after = self.chars.get(end..).unwrap_or_default();
        before.len() >= want.prefix.len()
            && before.iter().rev().zip(&want.prefix).all(|(a, b)| a == b)
            && after.starts_with(&want.suffix)
    }

    /// The place `[start, end)` judged against the wanted quote.
    fn judge(
        &self,
        start: usize,
        end: usize,
        errors: usize,
        want: &Sought,
        hint: Option<usize>,
    ) -> Judged {
        let before = self.chars.get(..start).unwrap_or_default();
        let after = self.chars.get(end..).unwrap_or_default();
        let reach = |want: &[char]| want.len() + want.len() / 2 + 1;
        let have_before: Vec<char> = before
            .iter()
            .rev()
            .take(reach(&want.prefix))
            .copied()
            .collect();
        let have_after = after.get(..reach(&want.suffix)).unwrap_or(after);
        let e = Evidence {
            quote: 1.0 - errors as f64 / want.exact.len() as f64,
            prefix: likeness(&want.prefix, &have_before),
            suffix: likeness(&want.suffix, have_after),
            position: hint.map(|h| {
                (1.0 - self.byte(start).abs_diff(h) as f64 / self.len.max(1) as f64).max(0.0)
            }),
        };
        Judged {
            start,
            end,
            errors,
            context: e.context(),
            distance: self.distance(start, hint),
            score: want.score(&e),
        }
    }

    /// Up to `MAX_CANDIDATES` of the occurrences (ascending), the nearest the hint first
    /// (the first ones without a hint).
    fn nearest(&self, occurrences: &[usize], hint: Option<usize>) -> Vec<usize> {
        let Some(h) = hint else {
            return occurrences.iter().take(MAX_CANDIDATES).copied().collect();
        };
        let mut right = occurrences.partition_point(|&k| self.byte(k) < h);
        let mut left = right;
        let mut out = Vec::new();
        while out.len() < MAX_CANDIDATES {
            let l = left.checked_sub(1).and_then(|i| occurrences.get(i));
            let r = occurrences.get(right);
            match (l, r) {
                (Some(&a), Some(&b)) if self.byte(a).abs_diff(h) <= self.byte(b).abs_diff(h) => {
                    out.push(a);
                    left -= 1;
                }
                (_, Some(&b)) => {
                    out.push(b);
                    right += 1;
                }
                (Some(&a), None) => {
                    out.push(a);
                    left -= 1;
                }
                (None, None) => break,
            }
        }
        out
    }

    /// The ends of approximate matches with at most `errors` edits: each local minimum of
    /// the edit distance along the text (one per cluster of ends around a match).
    fn ends(&self, pattern: &Pattern, errors: usize) -> Vec<End> {
        let mut scan = Scan::new(pattern, Top::Free);
        let mut out = Vec::new();
        let mut previous = pattern.len;
        let mut pending: Option<End> = None;
        for (j, &c) in self.chars.iter().enumerate() {
            let d = scan.step(c);
            if d < previous {
                pending = (d <= errors).then_some(End {
                    end: j + 1,
                    errors: d,
                });
            } else if let Some(e) = pending.take() {
                out.push(e);
            }
            previous = d;
        }
        out.extend(pending);
        out
    }

    /// Where the match ending at `end` starts, and its edits: the reversed quote matched
    /// from `end` backwards over at most `reach` characters, the start with the fewest
    /// edits (among equals, the one whose length is nearest the quote's).
    fn start_of(&self, backward: &Pattern, end: usize, reach: usize) -> (usize, usize) {
        let mut scan = Scan::new(backward, Top::Anchored);
        let m = backward.len;
        let (mut errors, mut length): (usize, usize) = (m, 0);
        let before = self.chars.get(..end).unwrap_or_default();
        for (i, &c) in before.iter().rev().take(reach).enumerate() {
            let d = scan.step(c);
            let j = i + 1;
            if d < errors || d == errors && j.abs_diff(m) < length.abs_diff(m) {
                (errors, length) = (d, j);
            }
        }
        (end - length, errors)
    }
}

/// Every start (overlapping ones too) of `pattern` in `text`, ascending, in O(n + m)
/// (Knuth–Morris–Pratt).
fn occurrences(text: &[char], pattern: &[char]) -> Vec<usize> {
    let m = pattern.len();
    if m == 0 || m > text.len() {
        return Vec::new();
    }
    // border[i]: the longest proper prefix of pattern[..=i] that is also its suffix
    let mut border = vec![0usize; m];
    let mut k = 0;
    for i in 1..m {
        while k > 0 && pattern[i] != pattern[k] {
            k = border[k - 1];
        }
        if pattern[i] == pattern[k] {
            k += 1;
        }
        border[i] = k;
    }
    let mut out = Vec::new();
    k = 0;
    for (i, &c) in text.iter().enumerate() {
        while k > 0 && c != pattern[k] {
            k = border[k - 1];
        }
        if c == pattern[k] {
            k += 1;
        }
        if k == m {
            out.push(i + 1 - m);
            k = border[k - 1];
        }
    }
    out
}

/// How alike a stored context is to the text next to a place, 0 to 1, both given from the
/// quote outwards: the fewest edits to turn `want` into the start of `have` (the far end is
/// free, as a context is cut at a fixed length), scaled so that `UNRELATED` edits per
/// character is 0. `None` when there is no stored context to compare.
fn likeness(want: &[char], have: &[char]) -> Option<f64> {
    if want.is_empty() {
        return None;
    }
    // one row of the edit-distance table at a time; row[j]: edits for want[..i] vs have[..j]
    let mut row: Vec<usize> = (0..=have.len()).collect();
    for (i, &w) in want.iter().enumerate() {
        let mut diagonal = i;
        row[0] = i + 1;
        for (j, &h) in have.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diagonal + usize::from(w != h)).min(up + 1).min(row[j] + 1);
            diagonal = up;
        }
    }
    let edits = row.iter().copied().min().unwrap_or(want.len());
    Some((1.0 - edits as f64 / want.len() as f64 / UNRELATED).max(0.0))
}

/// A pattern prepared for Myers' bit-parallel edit distance: for each character of it, a
/// bit mask per block of 64 pattern positions saying where it occurs.
struct Pattern {
    len: usize,
    blocks: usize,
    /// `blocks` masks per distinct character; character id 0 (not in the pattern) is all 0.
    masks: Vec<u64>,
    ascii: [usize; 128],
    other: HashMap<char, usize>,
}

impl Pattern {
    fn new(chars: impl Iterator<Item = char>) -> Pattern {
        let mut p = Pattern {
            len: 0,
            blocks: 0,
            masks: Vec::new(),
            ascii: [0; 128],
            other: HashMap::new(),
        };
        let chars: Vec<char> = chars.collect();
        p.len = chars.len();
        p.blocks = chars.len().div_ceil(64);
        p.masks = vec![0; p.blocks];
        let mut next = 1;
        for (i, &c) in chars.iter().enumerate() {
            let id = match p.id(c) {
                0 => {
                    let id = next;
                    next += 1;
                    match p.ascii.get_mut(c as usize) {
                        Some(slot) => *slot = id,
                        None => {
                            p.other.insert(c, id);
                        }
                    }
                    p.masks.resize(p.masks.len() + p.blocks, 0);
                    id
                }
                id => id,
            };
            p.masks[id * p.blocks + i / 64] |= 1 << (i % 64);
        }
        p
    }

    fn id(&self, c: char) -> usize {
        match self.ascii.get(c as usize) {
            Some(&id) => id,
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }

    /// Where `c` occurs in the pattern, one mask per block.
    fn masks(&self, c: char) -> &[u64] {
        let at = self.id(c) * self.blocks;
        &self.masks[at..at + self.blocks]
    }

    /// The bit of the last pattern position within its block.
    fn last_bit(&self) -> u64 {
        1 << ((self.len + 63) % 64)
    }
}

/// Where a match may begin in the text: anywhere (a search), or only at the first
/// character scanned (the distance to a prefix of the text).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Top {
    Free,
    Anchored,
}

/// A scan of the text, one character at a time, keeping the edit-distance table's current
/// column as Myers' vertical deltas (`plus`, `minus`), block by block, and its last cell.
struct Scan<'p> {
    pattern: &'p Pattern,
    top: Top,
    plus: Vec<u64>,
    minus: Vec<u64>,
    /// The edits between the whole pattern and the best text ending at the last character.
    distance: usize,
}

impl<'p> Scan<'p> {
    fn new(pattern: &'p Pattern, top: Top) -> Scan<'p> {
        Scan {
            pattern,
            top,
            plus: vec![!0; pattern.blocks],
            minus: vec![0; pattern.blocks],
            distance: pattern.len,
        }
    }

    /// Takes in one more text character; gives the distance for matches ending at it.
    fn step(&mut self, c: char) -> usize {
        let masks = self.pattern.masks(c);
        // the table's top row: 0 everywhere for a search, growing by 1 when anchored
        let mut carry: i8 = match self.top {
            Top::Free => 0,
            Top::Anchored => 1,
        };
        let last = self.pattern.blocks.saturating_sub(1);
        for (b, ((plus, minus), &eq)) in self
            .plus
            .iter_mut()
            .zip(self.minus.iter_mut())
            .zip(masks)
            .enumerate()
        {
            let high = if b == last {
                self.pattern.last_bit()
            } else {
                1 << 63
            };
            carry = advance(plus, minus, eq, carry, high);
        }
        self.distance = self.distance.saturating_add_signed(isize::from(carry));
        self.distance
    }
}

/// One block of 64 rows of the table, one column further (Myers 1999, "advance block"):
/// `carry_in` is the horizontal delta entering at the block's top row, the return value the
/// one leaving at its `high` (last) row.
fn advance(plus: &mut u64, minus: &mut u64, eq: u64, carry_in: i8, high: u64) -> i8 {
    let (pv, mv) = (*plus, *minus);
    let xv = eq | mv;
    let eq = if carry_in < 0 { eq | 1 } else { eq };
    let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
    let mut ph = mv | !(xh | pv);
    let mut mh = pv & xh;
    let carry_out = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if carry_in < 0 {
        mh |= 1;
    } else if carry_in > 0 {
        ph |= 1;
    }
    *plus = mh | !(xv | ph);
    *minus = ph & xv;
    carry_out
}

#[cfg(test)]
mod tests {
    use super::super::quote;
    use super::*;
    use proptest::prelude::*;

    const ARTICLE: &str = "The council met on Tuesday evening to discuss the harbour. \
        The mayor said the new bridge will cost 40 million euros, twice the first estimate. \
        Residents asked why the costs had doubled in a single year. The answer came a week \
        later, in a letter from the engineers.";
    const CLAIM: &str =
        "The mayor said the new bridge will cost 40 million euros, twice the first estimate.";

    fn span_of(text: &str, part: &str) -> Span {
        let a = text.find(part).expect("the part is in the text");
        Span::new(a, a + part.len())
    }

    fn claim_quote() -> (Quote, usize) {
        let s = span_of(ARTICLE, CLAIM);
        (quote(ARTICLE, s), s.start())
    }

    #[test]
    fn unchanged_text_is_exact_at_the_hint() {
        let (q, at) = claim_quote();
        let l = locate(ARTICLE, &q, Some(at)).unwrap();
        assert_eq!(l.found, Found::Exact);
        assert_eq!(l.span, span_of(ARTICLE, CLAIM));
        assert_eq!(l.score, 1.0);
    }

    #[test]
    fn a_paragraph_inserted_before_moves_the_quote() {
        let (q, at) = claim_quote();
        let text = format!("A new opening paragraph, added after the meeting.\n\n{ARTICLE}");
        let l = locate(&text, &q, Some(at)).unwrap();
        assert_eq!(l.found, Found::Moved);
        assert_eq!(l.span, span_of(&text, CLAIM));
        // without a hint as well
        assert_eq!(locate(&text, &q, None).unwrap().span, l.span);
    }

    #[test]
    fn a_changed_word_inside_is_a_fuzzy_match_over_the_new_words() {
        let (q, at) = claim_quote();
        let new_claim =
            "The mayor said the new bridge will cost 45 million euros, double the first estimate.";
        let text = ARTICLE.replace(CLAIM, new_claim);
        let l = locate(&text, &q, Some(at)).unwrap();
        let Found::Fuzzy { errors } = l.found else {
            panic!("expected a fuzzy match, got {l:?}");
        };
        assert!(errors >= 1);
        assert_eq!(l.span, span_of(&text, new_claim));
        assert!(l.score >= MIN_FUZZY_SCORE && l.score < 1.0);
        // one word, without a hint
        let text = ARTICLE.replace("new bridge", "new tunnel");
        let l = locate(&text, &q, None).unwrap();
        assert!(matches!(l.found, Found::Fuzzy { errors: 1.. }));
        assert_eq!(
            l.span.slice(&text),
            Some(CLAIM.replace("bridge", "tunnel").as_str())
        );
    }

    #[test]
    fn whitespace_changes_still_match() {
        let before = "The council met on Tuesday evening.\nThe mayor said the new\nbridge will \
            cost 40 million euros.\n\nResidents asked why.";
        let claim = "The mayor said the new\nbridge will cost 40 million euros.";
        let s = span_of(before, claim);
        let q = quote(before, s);
        let after = "The council met on Tuesday evening.  The mayor said the  new bridge will \
            cost 40\tmillion euros. Residents asked why.";
        let new_claim = "The mayor said the  new bridge will cost 40\tmillion euros.";
        for hint in [Some(s.start()), None, Some(0)] {
            let l = locate(after, &q, hint).unwrap();
            assert_eq!(l.span, span_of(after, new_claim), "hint {hint:?}");
            assert!(matches!(l.found, Found::Moved | Found::Exact));
        }
    }

    #[test]
    fn context_picks_between_repeated_quotes() {
        let words = "Prices rose by five percent.";
        let text = format!(
            "In the north, shops said so. {words} Bakers disagreed. \
             In the south, farmers said so. {words} Fishers agreed."
        );
        let first = text.find(words).unwrap();
        let second = text.rfind(words).unwrap();
        let q = quote(&text, Span::new(second, second + words.len()));
        // a hint at the first one: its context does not agree, the second's does
        let l = locate(&text, &q, Some(first)).unwrap();
        assert_eq!(l.span, Span::new(second, second + words.len()));
        assert_eq!(l.found, Found::Moved);
        // with the context changed a little, still the second
        let edited = text.replace("Fishers agreed", "Fishers all agreed");
        let l = locate(&edited, &q, Some(first)).unwrap();
        assert_eq!(l.span.start(), second);
    }

    #[test]
    fn an_edited_quote_in_its_context_beats_the_same_words_elsewhere() {
        let text = "In the north, officials said so. Prices rose by 5% last year in the region. \
            Bakers disagreed. In the south, traders said so. Prices rose by 5% last year in the \
            region. Fishers agreed.";
        let words = "Prices rose by 5% last year in the region.";
        let first = text.find(words).unwrap();
        let q = quote(text, Span::new(first, first + words.len()));
        let edited = text.replacen("by 5%", "by 6%", 1);
        let l = locate(&edited, &q, Some(first)).unwrap();
        assert_eq!(l.span, Span::new(first, first + words.len()));
        assert_eq!(l.found, Found::Fuzzy { errors: 1 });
        // the same without a hint
        assert_eq!(locate(&edited, &q, None).unwrap().span.start(), first);
    }

    #[test]
    fn a_look_alike_in_other_context_is_not_taken_for_the_quote() {
        let (q, at) = claim_quote();
        // the claim removed; a sentence like it, among other sentences, elsewhere
        let text = "The committee met again in March about the ferries and the old port. \
            The mayor said the new tunnel will cost 50 million euros, twice the first estimate. \
            Nobody asked about it at the time, and the meeting ended early that night.";
        assert_eq!(locate(text, &q, Some(at)), None);
        // with its own context around it, the same look-alike is the quote edited
        let text = ARTICLE.replace("new bridge will cost 40", "new tunnel will cost 50");
        let l = locate(&text, &q, Some(at)).unwrap();
        assert!(matches!(l.found, Found::Fuzzy { errors: 2.. }), "{l:?}");
    }

    #[test]
    fn identical_contexts_go_to_the_one_nearest_the_hint() {
        let block = "Filler words that stand around the sentence for long enough here. \
            The rate fell to three percent. More filler words follow it for a long while.\n";
        let text = block.repeat(3);
        let words = "The rate fell to three percent.";
        let starts: Vec<usize> = text.match_indices(words).map(|(i, _)| i).collect();
        assert_eq!(starts.len(), 3);
        let q = quote(&text, Span::new(starts[0], starts[0] + words.len()));
        for (k, &s) in starts.iter().enumerate() {
            // off by a few bytes, so that the hint itself does not verify
            let l = locate(&text, &q, Some(s + 3)).unwrap();
            assert_eq!(l.span.start(), s, "occurrence {k}");
            assert_eq!(l.found, Found::Moved);
            let l = locate(&text, &q, Some(s.saturating_sub(5))).unwrap();
            assert_eq!(l.span.start(), s, "occurrence {k}, hint before");
        }
        // without a hint: the first
        assert_eq!(locate(&text, &q, None).unwrap().span.start(), starts[0]);
    }

    #[test]
    fn a_quote_gone_is_none() {
        let (q, at) = claim_quote();
        let text = "Snow fell over the harbour all night, and the ferries stayed in port until \
            noon. Nobody at the town hall would talk about money on a day like that.";
        assert_eq!(locate(text, &q, Some(at)), None);
        assert_eq!(locate(text, &q, None), None);
        assert_eq!(locate("", &q, Some(0)), None);
        // a quote too changed (most words replaced) is gone too
        let text = ARTICLE.replace(
            CLAIM,
            "The engineers said the old ferry will need 3 new engines, as the last report said.",
        );
        assert_eq!(locate(&text, &q, Some(at)), None);
    }

    #[test]
    fn an_empty_quote_is_placed_only_by_its_hint() {
        let q = quote(ARTICLE, Span::new(4, 4));
        assert_eq!(locate(ARTICLE, &q, Some(4)).unwrap().span, Span::new(4, 4));
        assert_eq!(locate(ARTICLE, &q, None), None);
        assert_eq!(locate(ARTICLE, &q, Some(usize::MAX)), None);
    }

    #[test]
    fn many_scripts_around_and_inside_keep_spans_on_char_boundaries() {
        let claim = "市长说 😀 the bridge costs שלום 40 e\u{301}uros مرحبا 👩‍👩‍👧 done";
        let text = format!("前文 👍 a\u{0308}bc שלום עולם. {claim} — после 漢字 مرحبا 🎉 end.");
        let s = span_of(&text, claim);
        let q = quote(&text, s);
        assert_eq!(
            locate(&text, &q, Some(s.start())).unwrap().found,
            Found::Exact
        );

        // moved: more emoji and RTL before it
        let moved = format!("🎈🎈 שלום 新しい段落。\n\n{text}");
        let l = locate(&moved, &q, Some(s.start())).unwrap();
        assert_eq!(l.found, Found::Moved);
        assert_eq!(l.span, span_of(&moved, claim));

        // changed inside: a CJK character, an emoji and a combining mark
        let new_claim = "市长讲 😀 the bridge costs שלום 40 e\u{300}uros مرحبا 👩‍👩‍👦 done";
        let changed = moved.replace(claim, new_claim);
        let l = locate(&changed, &q, Some(s.start())).unwrap();
        assert!(matches!(l.found, Found::Fuzzy { errors: 1.. }), "{l:?}");
        assert!(changed.is_char_boundary(l.span.start()) && changed.is_char_boundary(l.span.end()));
        assert_eq!(l.span, span_of(&changed, new_claim));

        // whatever is found, wherever the hint points (even inside a character)
        for hint in (0..changed.len() + 2).step_by(3) {
            if let Some(l) = locate(&changed, &q, Some(hint)) {
                assert!(l.span.is_valid_in(&changed) && l.span.end() <= changed.len());
            }
        }
    }

    #[test]
    fn locate_all_finds_each() {
        let (q, at) = claim_quote();
        let text = format!("Inserted.\n\n{ARTICLE}");
        let other = quote(ARTICLE, span_of(ARTICLE, "Residents asked why"));
        let wanted = [
            Wanted {
                quote: q.clone(),
                hint: Some(at),
            },
            Wanted {
                quote: other,
                hint: None,
            },
            Wanted {
                quote: Quote {
                    exact: "nowhere to be seen at all".into(),
                    prefix: String::new(),
                    suffix: String::new(),
                },
                hint: None,
            },
        ];
        let found = locate_all(&text, &wanted);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].unwrap().span, span_of(&text, CLAIM));
        assert_eq!(
            found[1].unwrap().span,
            span_of(&text, "Residents asked why")
        );
        assert_eq!(found[2], None);
        assert_eq!(found[0], locate(&text, &q, Some(at)));
    }

    #[test]
    fn a_long_text_without_the_quote_completes() {
        let unit = "The committee reviewed the harbour budget again today, line by line. ";
        let text = unit.repeat(1_000_000 / unit.len() + 1);
        assert!(text.len() >= 1_000_000);
        let gone: String = (0..40).map(|i| format!("Zq{i:02}xW ")).collect();
        assert!(gone.chars().count() >= 200);
        let q = Quote {
            exact: gone,
            prefix: "before the quote".into(),
            suffix: "after the quote".into(),
        };
        assert_eq!(locate(&text, &q, Some(500_000)), None);
        // and one that is there, with a word changed, near the end
        let claim = "The harbour master said twelve ferries would be sold before the winter.";
        let text = format!("{text}{claim} The end.");
        let at = text.len() - claim.len() - " The end.".len();
        let q = quote(&text, Span::new(at, at + claim.len()));
        let changed = text.replace("twelve ferries", "ten ferries");
        let l = locate(&changed, &q, Some(at)).unwrap();
        assert_eq!(l.span, Span::new(at, at + claim.len() - 3));
        assert!(matches!(l.found, Found::Fuzzy { .. }));
    }

    /// The edit distance table, plainly: for each text end, the fewest edits between the
    /// pattern and a text ending there (free start, or from the text's first character).
    fn plain_distances(pattern: &[char], text: &[char], top: Top) -> Vec<usize> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut out = Vec::new();
        for (j, &c) in text.iter().enumerate() {
            let mut next = vec![if top == Top::Free { 0 } else { j + 1 }];
            for (i, &p) in pattern.iter().enumerate() {
                let v = (column[i] + usize::from(p != c))
                    .min(column[i + 1] + 1)
                    .min(next[i] + 1);
                next.push(v);
            }
            out.push(next[pattern.len()]);
            column = next;
        }
        out
    }

    fn small_alphabet(max: usize) -> impl Strategy<Value = Vec<char>> {
        prop::collection::vec(
            prop::sample::select(vec!['a', 'b', 'c', ' ', 'é', '😀']),
            1..max,
        )
    }

    fn article_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Word",
            "word",
            " ",
            "  ",
            ". ",
            "\n",
            "\n\n",
            "\t",
            "😀",
            "👩‍👩‍👧",
            "e\u{0301}",
            "漢字",
            "。",
            "שלום",
            "مرحبا",
            "U.S.",
            "3.5",
            "“",
            "”",
            "…",
            "\r\n",
            "\u{200F}",
            "\u{a0}",
            "a",
            "b",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn myers_agrees_with_the_plain_table(
            pattern in small_alphabet(150),
            text in prop::collection::vec(prop::sample::select(vec!['a', 'b', 'c', ' ', 'é', '😀', 'x']), 0..300),
            anchored in any::<bool>(),
        ) {
            let top = if anchored { Top::Anchored } else { Top::Free };
            let p = Pattern::new(pattern.iter().copied());
            let mut scan = Scan::new(&p, top);
            let fast: Vec<usize> = text.iter().map(|&c| scan.step(c)).collect();
            prop_assert_eq!(fast, plain_distances(&pattern, &text, top));
        }

        #[test]
        fn a_quote_is_found_where_it_was_made(text in article_text(), a in any::<usize>(), b in any::<usize>()) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let span = Span::new(bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let q = quote(&text, span);
            let l = locate(&text, &q, Some(span.start()));
            prop_assert_eq!(l.map(|l| (l.span, l.found)), Some((span, Found::Exact)));

            // without the hint: the same words (whitespace runs aside), never a fuzzy match
            if let Some(l) = locate(&text, &q, None) {
                prop_assert!(l.span.is_valid_in(&text));
                prop_assert!(matches!(l.found, Found::Moved));
                prop_assert_eq!(normalise(l.span.slice(&text).unwrap()), normalise(&q.exact));
            } else {
                prop_assert!(q.exact.is_empty());
            }
        }

        #[test]
        fn locate_never_panics(
            text in article_text(),
            exact in article_text(),
            prefix in article_text(),
            suffix in article_text(),
            hint in prop::option::of(any::<usize>()),
            near in any::<usize>(),
        ) {
            let q = Quote { exact, prefix, suffix };
            for hint in [hint, Some(near % (text.len() + 2))] {
                if let Some(l) = locate(&text, &q, hint) {
                    prop_assert!(l.span.is_valid_in(&text) && l.span.end() <= text.len());
                    prop_assert!((0.0..=1.0).contains(&l.score));
                }
            }
            // a quote cut from the text, with the text changed around it
            let cut = text.len() / 3;
            let cut = crate::core::offsets::floor_boundary(&text, cut);
            let end = crate::core::offsets::floor_boundary(&text, cut * 2);
            let q = quote(&text, Span::new(cut, end));
            let changed = format!("{}x{}", &text[..cut], &text[cut..]).replace("Word", "Ward");
            if let Some(l) = locate(&changed, &q, Some(cut)) {
                prop_assert!(l.span.is_valid_in(&changed) && l.span.end() <= changed.len());
            }
        }
    }
}
