//! HTML to the story: `core::page` reads the whole page (its blocks kept or dropped, and its
//! metadata); this joins the kept blocks into the document's text, blocks separated by a
//! blank line. Nothing here is ever rendered as HTML: the output is plain text.

use crate::core::document::{Block, Diagnostic};
use crate::core::offsets::Span;
use crate::core::page::{self, Metadata, PageBlock};

pub use crate::core::page::lex::decode_entities;

/// A page read: the story's text and blocks, every block of the page, and the metadata.
pub struct Story {
    pub text: String,
    pub blocks: Vec<Block>,
    pub page: Vec<PageBlock>,
    pub metadata: Metadata,
}

pub fn parse(src: &str, diags: &mut Vec<Diagnostic>) -> Story {
    let found = page::extract(src);
    let (text, blocks) = join(&found.page);
    if found.scripts > 0 {
        diags.push(Diagnostic::info(format!(
            "{} script block(s) were removed from the HTML.",
            found.scripts
        )));
    }
    let dropped = found.page.iter().filter(|b| !b.kept()).count();
    if dropped > 0 {
        diags.push(Diagnostic::info(format!(
            "{dropped} block(s) of the page around the story (navigation, banners, share bars, \
             comments, related links) were left out; Show the whole page brings them back."
        )));
    }
    Story {
        text,
        blocks,
        page: found.page,
        metadata: found.metadata,
    }
}

/// The document text and blocks of the kept page blocks, joined by blank lines
/// (`library::BLOCK_JOIN`).
pub fn join(page: &[PageBlock]) -> (String, Vec<Block>) {
    let kept = page.iter().filter(|b| b.kept());
    let size = kept.clone().map(|b| b.text.len() + 2).sum();
    let mut text = String::with_capacity(size);
    let mut blocks = Vec::with_capacity(kept.clone().count());
    for b in kept {
        if !text.is_empty() {
            text.push_str(crate::core::library::BLOCK_JOIN);
        }
        let start = text.len();
        text.push_str(&b.text);
        blocks.push(Block {
            kind: b.kind,
            span: Span::new(start, text.len()),
        });
    }
    (text, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::BlockKind;

    fn run(s: &str) -> (String, Vec<(BlockKind, String)>) {
        let story = parse(s, &mut Vec::new());
        let (text, blocks) = (story.text, story.blocks);
        let b = blocks
            .iter()
            .map(|b| (b.kind, text[b.span.start()..b.span.end()].to_string()))
            .collect();
        (text, b)
    }

    #[test]
    fn inline_tags_add_no_spaces() {
        let (t, _) = run("<p>reco</span>very and <b>bold</b>ly <a href='x'>link</a>ed</p>");
        assert_eq!(t, "recovery and boldly linked");
    }

    #[test]
    fn scripts_styles_nav_and_hidden_are_dropped() {
        let (t, _) = run(
            "<html><head><title>T</title><style>p{}</style></head><body><nav>Home | About</nav>\
             <script>alert('x')</script><p>Kept.</p><input type=hidden value=secret>\
             <div hidden>gone</div><span style=\"display: none\">gone</span><p aria-hidden=\"true\">gone</p>\
             <form><label>Name</label></form></body></html>",
        );
        assert_eq!(t, "T\n\nKept.");
    }

    #[test]
    fn blocks_and_headings() {
        let (_, b) = run("<h1>Head</h1><p>One.</p><h2>Sub</h2><ul><li>a<li>b</ul><blockquote>q</blockquote><pre>x  y\n z</pre>");
        assert_eq!(
            b,
            vec![
                (BlockKind::Title, "Head".into()),
                (BlockKind::Paragraph, "One.".into()),
                (BlockKind::Heading, "Sub".into()),
                (BlockKind::Item, "a".into()),
                (BlockKind::Item, "b".into()),
                (BlockKind::Quote, "q".into()),
                (BlockKind::Pre, "x  y\n z".into()),
            ]
        );
    }

    #[test]
    fn entities_decode_and_unknown_stay() {
        let (t, _) = run("<p>A&amp;B &eacute; &#233; &#x1F600; &nosuch; &amp</p>");
        assert_eq!(t, "A&B é é 😀 &nosuch; &amp");
    }

    #[test]
    fn hostile_markup_stays_text() {
        let (t, _) = run("<p>x <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">y</a> 1 < 2 &lt;script&gt;</p>");
        assert_eq!(t, "x y 1 < 2 <script>");
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for s in [
            "<",
            "<p",
            "<!--",
            "<p><b></p></b>",
            "</p>",
            "<script>never closed",
            "<a href='unterminated>",
            "<<>>",
            "&#xFFFFFFFF;",
            "<p>é<é>",
        ] {
            let _ = run(s);
        }
    }

    #[test]
    fn whitespace_collapses_within_blocks() {
        let (t, _) = run("<p>  a \n\t b  </p>\n\n<p>c</p>");
        assert_eq!(t, "a b\n\nc");
    }
}
