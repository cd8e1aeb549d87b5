//! Offsets: the one unit inside the core is the UTF-8 byte offset into the document text.
//! This module owns the conversions to the two outside units: Unicode code points (files,
//! the W3C Web Annotation unit) and UTF-16 code units (the DOM). It never panics on any
//! input: out-of-range or mid-character positions are reported as `None` or snapped.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text. `start <= end` always holds,
/// also for a span read back (`SpanParts`: a start after its end is an error).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "SpanParts")]
pub struct Span {
    start: usize,
    end: usize,
}

/// A span as read, before its ends are checked.
#[derive(Deserialize)]
struct SpanParts {
    start: usize,
    end: usize,
}

impl TryFrom<SpanParts> for Span {
    type Error = String;
    fn try_from(p: SpanParts) -> Result<Span, String> {
        if p.start <= p.end {
            Ok(Span {
                start: p.start,
                end: p.end,
            })
        } else {
            Err(format!(
                "a span's start ({}) is after its end ({})",
                p.start, p.end
            ))
        }
    }
}

impl Span {
    /// A span from two byte offsets, in either order.
    pub fn new(a: usize, b: usize) -> Self {
        Span {
            start: a.min(b),
            end: a.max(b),
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text under the span, or `None` when it is out of range or not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
    /// True when both ends fall on char boundaries of `text`.
    pub fn is_valid_in(&self, text: &str) -> bool {
        text.is_char_boundary(self.start) && text.is_char_boundary(self.end)
    }
}

/// One replacement in a text: the bytes `[at, at + removed)` become `inserted` new bytes.
/// Used to move spans (claims, decided sentences) when a block is brought back or dropped,
/// so they stay on the same words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub at: usize,
    pub removed: usize,
    pub inserted: usize,
}

impl TextEdit {
    /// Where a byte offset outside the removed bytes lands; `None` inside them. An offset
    /// at `at` itself stays when `before` (the end of what precedes the edit) and moves with
    /// the text after the edit otherwise (the start of what follows).
    pub fn map_offset(&self, offset: usize, before: bool) -> Option<usize> {
        let end = self.at + self.removed;
        if offset < self.at || (offset == self.at && before) {
            Some(offset)
        } else if offset >= end {
            Some(offset - self.removed + self.inserted)
        } else {
            None
        }
    }

    /// Where a span lands: its start moves with the text that follows it, its end with the
    /// text that precedes it, so a span next to an insertion does not swallow it (a span
    /// across the insertion point grows to hold it). `None` when the span touches removed
    /// bytes.
    pub fn map_span(&self, span: Span) -> Option<Span> {
        let end = self.at + self.removed;
        if self.removed > 0 && span.start() < end && self.at < span.end().max(span.start() + 1) {
            return None;
        }
        let start = self.map_offset(span.start(), false)?;
        let stop = self.map_offset(span.end(), true)?;
        Some(Span::new(start, stop.max(start)))
    }
}

/// Snap a byte offset to the nearest char boundary at or before it (clamped to the text).
pub fn floor_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Snap a byte offset to the nearest char boundary at or after it (clamped to the text).
pub fn ceil_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// Byte offset -> UTF-16 offset inside a (short) string, e.g. one DOM text node.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    let byte = floor_boundary(text, byte);
    text[..byte].encode_utf16().count()
}

/// UTF-16 offset inside a (short) string -> byte offset. An offset inside a surrogate pair
/// snaps back to the start of that character; past the end gives the text length.
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        let next = units + c.len_utf16();
        if next > utf16 {
            return i;
        }
        units = next;
    }
    text.len()
}

/// A span in code points (Unicode scalar values): the unit of every file Gloss writes and
/// reads, so that Python `str` and JavaScript's code-point iteration index it directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

/// Converts between byte offsets and code-point offsets in one long text in O(log n) per
/// lookup, with a checkpoint every `STEP` bytes. Build once per export or import.
pub struct CharIndex<'a> {
    text: &'a str,
    /// (byte offset, code points before it), byte offsets on char boundaries, ascending.
    marks: Vec<(usize, usize)>,
    chars: usize,
}

const STEP: usize = 256;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let mut next = 0;
        let mut chars = 0;
        for (i, _) in text.char_indices() {
            if i >= next {
                marks.push((i, chars));
                next = i + STEP;
            }
            chars += 1;
        }
        if marks.is_empty() {
            marks.push((0, 0));
        }
        CharIndex { text, marks, chars }
    }

    /// Total length in code points.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// Code points before a byte offset; `None` if out of range or not on a boundary.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        if byte > self.text.len() || !self.text.is_char_boundary(byte) {
            return None;
        }
        let k = match self.marks.binary_search_by_key(&byte, |m| m.0) {
            Ok(k) => return Some(self.marks[k].1),
            Err(k) => k.saturating_sub(1),
        };
        let (b0, c0) = self.marks[k];
        Some(c0 + self.text[b0..byte].chars().count())
    }

    /// A span in code points, as files and reports write it (0 for an offset not on a
    /// character boundary, which no span of a `Document` is).
    pub fn to_chars(&self, s: Span) -> CharSpan {
        CharSpan {
            start: self.byte_to_char(s.start()).unwrap_or(0),
            end: self.byte_to_char(s.end()).unwrap_or(0),
        }
    }

    /// The byte span of a span in code points; `None` when either end is past the text
    /// or the start is after the end.
    pub fn to_bytes(&self, s: CharSpan) -> Option<Span> {
        let (a, b) = (self.char_to_byte(s.start)?, self.char_to_byte(s.end)?);
        (a <= b).then(|| Span::new(a, b))
    }

    /// Byte offset of a code-point offset; `None` if past the end.
    pub fn char_to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.chars {
            return None;
        }
        let k = match self.marks.binary_search_by_key(&ch, |m| m.1) {
            Ok(k) => return Some(self.marks[k].0),
            Err(k) => k.saturating_sub(1),
        };
        let (b0, c0) = self.marks[k];
        let rest = &self.text[b0..];
        Some(
            rest.char_indices()
                .nth(ch - c0)
                .map(|(i, _)| b0 + i)
                .unwrap_or(self.text.len()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "a😀b\u{0301}c 漢字 שלום e";

    #[test]
    fn span_orders_its_ends() {
        let s = Span::new(7, 3);
        assert_eq!((s.start(), s.end()), (3, 7));
    }

    #[test]
    fn a_span_read_back_keeps_its_ends_in_order_or_fails() {
        let s: Span = serde_json::from_str(r#"{"start":3,"end":7}"#).unwrap();
        assert_eq!(s, Span::new(3, 7));
        let back: Span = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        let bad = serde_json::from_str::<Span>(r#"{"start":7,"end":3}"#).unwrap_err();
        assert!(bad.to_string().contains("after its end"), "{bad}");
    }

    #[test]
    fn utf16_round_trips_on_every_boundary() {
        for (i, _) in MIXED.char_indices().chain([(MIXED.len(), ' ')]) {
            let u = byte_to_utf16(MIXED, i);
            assert_eq!(utf16_to_byte(MIXED, u), i, "at byte {i}");
        }
        // inside the emoji's surrogate pair snaps back to its start
        assert_eq!(utf16_to_byte(MIXED, 2), 1);
        assert_eq!(
            byte_to_utf16(MIXED, MIXED.len()),
            MIXED.encode_utf16().count()
        );
    }

    #[test]
    fn spans_go_to_code_points_and_back_once() {
        let long: String = MIXED.repeat(40);
        let idx = CharIndex::new(&long);
        let bounds: Vec<usize> = long
            .char_indices()
            .map(|(i, _)| i)
            .chain([long.len()])
            .collect();
        for (k, &a) in bounds.iter().enumerate().step_by(7) {
            for &b in bounds[k..].iter().step_by(11) {
                let c = idx.to_chars(Span::new(a, b));
                assert_eq!(c.start, long[..a].chars().count());
                assert_eq!(c.end - c.start, long[a..b].chars().count());
                assert_eq!(idx.to_bytes(c), Some(Span::new(a, b)));
            }
        }
        let n = long.chars().count();
        assert_eq!(
            idx.to_bytes(CharSpan {
                start: 0,
                end: n + 1
            }),
            None
        );
        assert_eq!(idx.to_bytes(CharSpan { start: 5, end: 2 }), None);
    }

    #[test]
    fn char_index_matches_naive_counting() {
        let long: String = MIXED.repeat(200);
        let idx = CharIndex::new(&long);
        assert_eq!(idx.len_chars(), long.chars().count());
        for (n, (i, _)) in long.char_indices().enumerate() {
            assert_eq!(idx.byte_to_char(i), Some(n));
            assert_eq!(idx.char_to_byte(n), Some(i));
        }
        assert_eq!(idx.char_to_byte(idx.len_chars()), Some(long.len()));
        assert_eq!(idx.char_to_byte(idx.len_chars() + 1), None);
        assert_eq!(idx.byte_to_char(2), None, "inside the emoji");
        assert_eq!(idx.byte_to_char(long.len() + 1), None);
    }

    #[test]
    fn empty_text_is_fine() {
        let idx = CharIndex::new("");
        assert_eq!(idx.byte_to_char(0), Some(0));
        assert_eq!(idx.char_to_byte(0), Some(0));
        assert_eq!(floor_boundary("", 5), 0);
    }

    #[test]
    fn an_insertion_moves_what_follows_and_keeps_what_precedes() {
        // "A. B." with "X. " inserted before "B."
        let e = TextEdit {
            at: 3,
            removed: 0,
            inserted: 3,
        };
        assert_eq!(e.map_span(Span::new(0, 2)), Some(Span::new(0, 2)));
        assert_eq!(e.map_span(Span::new(3, 5)), Some(Span::new(6, 8)));
        // a span ending where the insertion is stays put; one across it grows
        assert_eq!(e.map_span(Span::new(0, 3)), Some(Span::new(0, 3)));
        assert_eq!(e.map_span(Span::new(0, 5)), Some(Span::new(0, 8)));
        // appended at the very end: a span ending at the old end does not grow
        let end = TextEdit {
            at: 5,
            removed: 0,
            inserted: 4,
        };
        assert_eq!(end.map_span(Span::new(3, 5)), Some(Span::new(3, 5)));
    }

    #[test]
    fn a_removal_moves_what_follows_and_refuses_what_it_touches() {
        // "A.\n\nB.\n\nC." without "B.\n\n" (bytes 4..8)
        let e = TextEdit {
            at: 4,
            removed: 4,
            inserted: 0,
        };
        assert_eq!(e.map_span(Span::new(0, 2)), Some(Span::new(0, 2)));
        assert_eq!(e.map_span(Span::new(8, 10)), Some(Span::new(4, 6)));
        assert_eq!(e.map_span(Span::new(4, 6)), None, "inside");
        assert_eq!(e.map_span(Span::new(0, 10)), None, "across");
        assert_eq!(e.map_span(Span::new(5, 5)), None, "empty, inside");
        assert_eq!(e.map_span(Span::new(4, 4)), None, "empty, at its start");
        assert_eq!(
            e.map_span(Span::new(2, 4)),
            Some(Span::new(2, 4)),
            "ends at it"
        );
        assert_eq!(e.map_offset(8, false), Some(4));
        assert_eq!(e.map_offset(6, true), None);
    }

    #[test]
    fn edits_keep_multibyte_spans_whole() {
        let before = "😀 漢字\n\nשלום";
        let after = "😀 漢字\n\nمرحبا\n\nשלום";
        let at = before.find("שלום").unwrap();
        let e = TextEdit {
            at,
            removed: 0,
            inserted: "مرحبا\n\n".len(),
        };
        let s = Span::new(at, before.len());
        let moved = e.map_span(s).unwrap();
        assert_eq!(moved.slice(after), Some("שלום"));
        assert!(moved.is_valid_in(after));
    }

    #[test]
    fn boundaries_snap() {
        assert_eq!(floor_boundary(MIXED, 3), 1);
        assert_eq!(ceil_boundary(MIXED, 3), 5);
    }
}
