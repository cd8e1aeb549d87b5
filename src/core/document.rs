//! The document model: an article's exact text, its blocks (title, headings, paragraphs,
//! list items) and sentences, all as byte spans into that text. A `Document` is immutable;
//! it is built only through `Document::new`, which repairs bad block lists with diagnostics
//! instead of failing, so every span it holds is valid for its text.

use super::offsets::Span;
use super::sentences::split_sentences;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The headline. At most one, and first.
    Title,
    Heading,
    Paragraph,
    /// One item of a bulleted or numbered list; the span excludes the bullet.
    Item,
    Quote,
    /// Preformatted text (code, tables as text): rendered with its white space.
    Pre,
    /// A figure's caption: part of the story, kept apart from its paragraphs.
    Caption,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something a person should know about how their input was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn info(m: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            message: m.into(),
        }
    }
    pub fn warning(m: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: m.into(),
        }
    }
    pub fn error(m: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: m.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    text: String,
    blocks: Vec<Block>,
    /// Sentences in text order; never cross a block boundary.
    sentences: Vec<Span>,
    /// For block `i`, its sentences are `sentences[first_sentence[i]..first_sentence[i+1]]`.
    first_sentence: Vec<usize>,
}

impl Document {
    /// Builds a document from its text and a proposed block list. Blocks that are out of
    /// range, off char boundaries, empty or overlapping are dropped or trimmed, each with a
    /// diagnostic; a second title becomes a heading. Never fails.
    pub fn new(text: String, proposed: Vec<Block>) -> (Document, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut blocks: Vec<Block> = Vec::with_capacity(proposed.len());
        let mut dropped = 0usize;
        let mut last_end = 0usize;
        for mut b in proposed {
            let s = b.span;
            if s.end() > text.len() || !s.is_valid_in(&text) || s.start() < last_end {
                dropped += 1;
                continue;
            }
            // trim white space so a block is exactly its visible text
            let slice = &text[s.start()..s.end()];
            let lead = slice.len() - slice.trim_start().len();
            let trimmed = slice.trim();
            if trimmed.is_empty() {
                continue;
            }
            b.span = Span::new(s.start() + lead, s.start() + lead + trimmed.len());
            if b.kind == BlockKind::Title && !blocks.is_empty() {
                b.kind = BlockKind::Heading;
            }
            last_end = b.span.end();
            blocks.push(b);
        }
        if dropped > 0 {
            diags.push(Diagnostic::warning(format!(
                "{dropped} block(s) were out of range or overlapping and were left out"
            )));
        }
        let mut sentences = Vec::new();
        let mut first_sentence = Vec::with_capacity(blocks.len() + 1);
        for b in &blocks {
            first_sentence.push(sentences.len());
            match b.kind {
                BlockKind::Title | BlockKind::Heading | BlockKind::Pre => sentences.push(b.span),
                _ => split_sentences(&text, b.span, &mut sentences),
            }
        }
        first_sentence.push(sentences.len());
        (
            Document {
                text,
                blocks,
                sentences,
                first_sentence,
            },
            diags,
        )
    }

    /// A document from parts made by `new` elsewhere (the parsing worker, `core::wire`):
    /// checked, not recomputed. `None` unless every block and sentence is on character
    /// boundaries of `text`, in order without overlap, each sentence inside a block.
    pub fn from_parts(text: String, blocks: Vec<Block>, sentences: Vec<Span>) -> Option<Document> {
        let mut first_sentence = Vec::with_capacity(blocks.len() + 1);
        let (mut j, mut last_end) = (0, 0);
        for b in &blocks {
            let span = b.span;
            if span.start() < last_end || span.end() > text.len() || !span.is_valid_in(&text) {
                return None;
            }
            last_end = span.end();
            first_sentence.push(j);
            let mut prev = span.start();
            while let Some(s) = sentences.get(j).filter(|s| s.start() < span.end()) {
                if s.start() < prev || s.end() > span.end() || !s.is_valid_in(&text) {
                    return None;
                }
                prev = s.end();
                j += 1;
            }
        }
        first_sentence.push(j);
        (j == sentences.len()).then_some(Document {
            text,
            blocks,
            sentences,
            first_sentence,
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }
    pub fn block_sentences(&self, block: usize) -> &[Span] {
        match (
            self.first_sentence.get(block),
            self.first_sentence.get(block + 1),
        ) {
            (Some(&a), Some(&b)) => &self.sentences[a..b],
            _ => &[],
        }
    }
    pub fn title(&self) -> Option<&str> {
        self.blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .and_then(|b| b.span.slice(&self.text))
    }
    /// The text of a span; empty when the span does not belong to this text.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }
    /// The sentence holding a byte offset, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end() <= offset);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start() <= offset)
    }
    /// The index of the block holding a byte offset, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end() <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start() <= offset).then_some(i)
    }
    /// Blocks as they are rendered: each block alone, except that consecutive list items
    /// form one group (one list).
    pub fn groups(&self) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, b) in self.blocks.iter().enumerate() {
            match out.last_mut() {
                Some(r)
                    if b.kind == BlockKind::Item
                        && self.blocks[r.start].kind == BlockKind::Item =>
                {
                    r.end = i + 1
                }
                _ => out.push(i..i + 1),
            }
        }
        out
    }

    /// A short name for the article: its title, else its first words.
    pub fn display_name(&self) -> String {
        let src = self.title().unwrap_or_else(|| self.text.trim());
        let mut name: String = src.chars().take(80).collect();
        if src.chars().count() > 80 {
            name.push('…');
        }
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            "Untitled article".to_string()
        } else {
            name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blk(kind: BlockKind, a: usize, b: usize) -> Block {
        Block {
            kind,
            span: Span::new(a, b),
        }
    }

    #[test]
    fn bad_blocks_are_repaired_not_fatal() {
        let text = "Title\n\nOne. Two.\n\né".to_string();
        let (doc, diags) = Document::new(
            text,
            vec![
                blk(BlockKind::Title, 0, 5),
                blk(BlockKind::Title, 7, 16),
                blk(BlockKind::Paragraph, 8, 12),  // overlaps
                blk(BlockKind::Paragraph, 18, 19), // inside é
                blk(BlockKind::Paragraph, 18, 99), // out of range
            ],
        );
        assert_eq!(doc.blocks().len(), 2);
        assert_eq!(doc.blocks()[1].kind, BlockKind::Heading);
        assert_eq!(diags.len(), 1);
        assert_eq!(doc.title(), Some("Title"));
    }

    #[test]
    fn lookups_by_offset() {
        let text = "Head\nA b. C d.".to_string();
        let (doc, _) = Document::new(
            text,
            vec![
                blk(BlockKind::Title, 0, 4),
                blk(BlockKind::Paragraph, 5, 14),
            ],
        );
        assert_eq!(doc.sentences().len(), 3);
        assert_eq!(doc.slice(doc.sentence_at(12).unwrap()), "C d.");
        assert_eq!(doc.block_at(4), None);
        assert_eq!(doc.block_at(5), Some(1));
        assert_eq!(doc.block_sentences(1).len(), 2);
        assert_eq!(doc.block_sentences(7).len(), 0);
    }

    #[test]
    fn list_items_group_together() {
        let text = "T\nP\nA\nB\nQ\nC".to_string();
        let k = [
            BlockKind::Title,
            BlockKind::Paragraph,
            BlockKind::Item,
            BlockKind::Item,
            BlockKind::Paragraph,
            BlockKind::Item,
        ];
        let blocks = k
            .iter()
            .enumerate()
            .map(|(i, &kind)| blk(kind, 2 * i, 2 * i + 1))
            .collect();
        let (doc, _) = Document::new(text, blocks);
        assert_eq!(doc.groups(), vec![0..1, 1..2, 2..4, 4..5, 5..6]);
    }
}
