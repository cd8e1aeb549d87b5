//! Plain text: the text is kept exactly as given; blocks are found from its lines.
//! Paragraphs may be separated by blank lines or by single line breaks; a chunk of
//! hard-wrapped lines between blank lines is one paragraph. The first line is the headline
//! when it reads like one. Bulleted and numbered lines are list items, and a line of inline
//! bullets ("• Source 1 • Source 2") is split into one item per bullet.

use crate::core::document::{Block, BlockKind, Diagnostic};
use crate::core::offsets::Span;

const BULLETS: &[char] = &[
    '•', '·', '▪', '◦', '‣', '●', '○', '■', '–', '—', '-', '*', '+',
];

struct Line {
    start: usize,
    end: usize, // excluding the line break
}

pub fn parse(input: &str, _diags: &mut Vec<Diagnostic>) -> (String, Vec<Block>) {
    let text = input.to_string();
    let lines = split_lines(&text);
    // chunks of consecutive non-blank lines
    let mut chunks: Vec<&[Line]> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_blank(&text, &lines[i]) {
            i += 1;
            continue;
        }
        let j = (i..lines.len())
            .find(|&k| is_blank(&text, &lines[k]))
            .unwrap_or(lines.len());
        chunks.push(&lines[i..j]);
        i = j;
    }
    let nonblank: usize = chunks.iter().map(|c| c.len()).sum();
    let mut blocks = Vec::new();
    let mut first = true;
    for chunk in chunks {
        let mut lines_iter: &[Line] = chunk;
        if first {
            first = false;
            let l = &chunk[0];
            let s = &text[l.start..l.end];
            if nonblank > 1 && looks_like_headline(s) {
                blocks.push(Block {
                    kind: BlockKind::Title,
                    span: Span::new(l.start, l.end),
                });
                lines_iter = &chunk[1..];
            }
        }
        if lines_iter.is_empty() {
            continue;
        }
        if is_wrapped_paragraph(&text, lines_iter) {
            let a = lines_iter[0].start;
            let b = lines_iter[lines_iter.len() - 1].end;
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(a, b),
            });
        } else {
            for l in lines_iter {
                line_blocks(&text, l, &mut blocks);
            }
        }
    }
    (text, blocks)
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                let end = if i > start && bytes[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                };
                lines.push(Line { start, end });
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                lines.push(Line { start, end: i });
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        lines.push(Line {
            start,
            end: text.len(),
        });
    }
    lines
}

fn is_blank(text: &str, l: &Line) -> bool {
    text[l.start..l.end].trim().is_empty()
}

fn looks_like_headline(s: &str) -> bool {
    let s = s.trim();
    let words = s.split_whitespace().count();
    if s.is_empty() || s.chars().count() > 200 || bullet_len(s).is_some() {
        return false;
    }
    let ends_like_sentence =
        s.ends_with(['.', '!', '?', ':', ';', ',']) || s.ends_with(".\"") || s.ends_with(".”");
    !ends_like_sentence || words <= 12
}

/// Lines that wrap one paragraph: several lines of similar, moderate length, none a bullet,
/// and most not ending a sentence.
fn is_wrapped_paragraph(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| text[l.start..l.end].trim().chars().count())
        .collect();
    let body = &lens[..lens.len() - 1];
    let max = *body.iter().max().unwrap_or(&0);
    let min = *body.iter().min().unwrap_or(&0);
    let any_bullet = lines
        .iter()
        .any(|l| bullet_len(text[l.start..l.end].trim_start()).is_some());
    let open_ends = lines[..lines.len() - 1]
        .iter()
        .filter(|l| {
            !text[l.start..l.end]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', ':'])
        })
        .count();
    !any_bullet && (30..=100).contains(&max) && min * 10 >= max * 6 && open_ends * 2 >= body.len()
}

/// Byte length of a leading bullet or list number with its following space, if any.
fn bullet_len(s: &str) -> Option<usize> {
    let mut it = s.char_indices();
    let (_, c) = it.next()?;
    if BULLETS.contains(&c) {
        let (i, sp) = it.next()?;
        return sp.is_whitespace().then_some(i + sp.len_utf8());
    }
    if c.is_ascii_digit() {
        let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
        let rest = &s[digits..];
        if digits <= 3 && (rest.starts_with(". ") || rest.starts_with(") ")) {
            return Some(digits + 2);
        }
    }
    None
}

fn line_blocks(text: &str, l: &Line, out: &mut Vec<Block>) {
    let raw = &text[l.start..l.end];
    let lead = raw.len() - raw.trim_start().len();
    let s = raw.trim_start();
    let start = l.start + lead;
    match bullet_len(s) {
        Some(b) => {
            let marker = s.chars().next().unwrap_or('•');
            // inline bullets: "• Source 1 • Source 2" (only for real bullet glyphs)
            let body_start = start + b;
            let body = &text[body_start..l.end];
            if !matches!(marker, '-' | '*' | '+' | '–' | '—') && !marker.is_ascii_digit() {
                let mut a = body_start;
                for (i, c) in body.char_indices() {
                    if c == marker {
                        push(out, BlockKind::Item, a, body_start + i);
                        a = body_start + i + c.len_utf8();
                    }
                }
                push(out, BlockKind::Item, a, l.end);
            } else {
                push(out, BlockKind::Item, body_start, l.end);
            }
        }
        None => push(out, BlockKind::Paragraph, start, l.end),
    }
}

fn push(out: &mut Vec<Block>, kind: BlockKind, a: usize, b: usize) {
    if a < b {
        out.push(Block {
            kind,
            span: Span::new(a, b),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(s: &str) -> Vec<(BlockKind, String)> {
        let (text, b) = parse(s, &mut Vec::new());
        let (doc, _) = crate::core::document::Document::new(text, b);
        doc.blocks()
            .iter()
            .map(|b| (b.kind, doc.slice(b.span).to_string()))
            .collect()
    }

    #[test]
    fn single_line_paragraphs_and_inline_bullets() {
        let b =
            blocks("Head line\nPara one. Yes.\nPara two.\nRelated Sources:\n• Source 1 • Source 2");
        assert_eq!(
            b,
            vec![
                (BlockKind::Title, "Head line".into()),
                (BlockKind::Paragraph, "Para one. Yes.".into()),
                (BlockKind::Paragraph, "Para two.".into()),
                (BlockKind::Paragraph, "Related Sources:".into()),
                (BlockKind::Item, "Source 1".into()),
                (BlockKind::Item, "Source 2".into()),
            ]
        );
    }

    #[test]
    fn blank_line_paragraphs_and_crlf() {
        let b = blocks("Title\r\n\r\nFirst para.\r\n\r\nSecond para.\r\n");
        assert_eq!(b.len(), 3);
        assert_eq!(b[2], (BlockKind::Paragraph, "Second para.".into()));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let s = "A title\n\nThis is a long paragraph that has been wrapped by an\neditor at about seventy characters so that the lines\nall have a similar length and end mid sentence.\n\nNext.";
        let b = blocks(s);
        assert_eq!(b.len(), 3);
        assert!(b[1].1.starts_with("This is") && b[1].1.ends_with("mid sentence."));
    }

    #[test]
    fn lists_and_numbers() {
        let b = blocks("Title\n- one\n- two\n1. three\n2) four\n-5 degrees is cold.");
        let kinds: Vec<_> = b.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Item,
                BlockKind::Item,
                BlockKind::Item,
                BlockKind::Item,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(b[3].1, "three");
    }

    #[test]
    fn a_single_line_has_no_title() {
        assert_eq!(
            blocks("Just one sentence."),
            vec![(BlockKind::Paragraph, "Just one sentence.".into())]
        );
    }
}
