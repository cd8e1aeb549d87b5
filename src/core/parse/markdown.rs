//! Markdown to text with pulldown-cmark: headings, paragraphs, list items, quotes and code
//! blocks become blocks; emphasis and links become their text; raw HTML inside Markdown is
//! dropped (never rendered). The first top-level heading is the headline.

use crate::core::document::{Block, BlockKind, Diagnostic};
use crate::core::offsets::Span;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

pub fn parse(src: &str, _diags: &mut Vec<Diagnostic>) -> (String, Vec<Block>) {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut kind_stack: Vec<BlockKind> = Vec::new();
    let mut in_image = 0usize;

    let flush = |buf: &mut String, kind: BlockKind, text: &mut String, blocks: &mut Vec<Block>| {
        let t = buf.trim();
        if !t.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let kind = if kind == BlockKind::Title && !blocks.is_empty() {
                BlockKind::Heading
            } else {
                kind
            };
            let start = text.len();
            text.push_str(t);
            blocks.push(Block {
                kind,
                span: Span::new(start, text.len()),
            });
        }
        buf.clear();
    };
    let current = |ks: &Vec<BlockKind>| ks.last().copied().unwrap_or(BlockKind::Paragraph);

    for ev in Parser::new(src) {
        match ev {
            Event::Start(tag) => {
                let k = match tag {
                    Tag::Heading { level, .. } => Some(if level == HeadingLevel::H1 {
                        BlockKind::Title
                    } else {
                        BlockKind::Heading
                    }),
                    Tag::Paragraph => Some(match kind_stack.last() {
                        Some(BlockKind::Item) => BlockKind::Item,
                        Some(BlockKind::Quote) => BlockKind::Quote,
                        _ => BlockKind::Paragraph,
                    }),
                    Tag::Item => Some(BlockKind::Item),
                    Tag::BlockQuote(_) => Some(BlockKind::Quote),
                    Tag::CodeBlock(_) => Some(BlockKind::Pre),
                    Tag::Image { .. } => {
                        in_image += 1;
                        None
                    }
                    _ => None,
                };
                if let Some(k) = k {
                    flush(&mut buf, current(&kind_stack), &mut text, &mut blocks);
                    kind_stack.push(k);
                }
            }
            Event::End(tag) => {
                let closes_block = matches!(
                    tag,
                    TagEnd::Heading(_)
                        | TagEnd::Paragraph
                        | TagEnd::Item
                        | TagEnd::BlockQuote(_)
                        | TagEnd::CodeBlock
                );
                if tag == TagEnd::Image {
                    in_image = in_image.saturating_sub(1);
                }
                if closes_block {
                    flush(&mut buf, current(&kind_stack), &mut text, &mut blocks);
                    kind_stack.pop();
                }
            }
            Event::Text(t) | Event::Code(t) if in_image == 0 => buf.push_str(&t),
            Event::SoftBreak => buf.push('\n'),
            Event::HardBreak => buf.push('\n'),
            _ => {}
        }
    }
    flush(&mut buf, current(&kind_stack), &mut text, &mut blocks);
    (text, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_text_and_blocks() {
        let (t, b) = parse(
            "# Big *news*\n\nSome **bold** and a [link](http://x.y) here.\n\n## Sub\n\n- one\n- two\n\n> quoted\n\n<script>alert(1)</script>\n\n![img](a.png)",
            &mut Vec::new(),
        );
        assert_eq!(
            t,
            "Big news\n\nSome bold and a link here.\n\nSub\n\none\n\ntwo\n\nquoted"
        );
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Item,
                BlockKind::Item,
                BlockKind::Quote
            ]
        );
    }
}
