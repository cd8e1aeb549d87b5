//! HTML to text. A forgiving tokenizer (tags, attributes, comments, raw-text elements,
//! character references) that keeps the readable text of an article: scripts, styles,
//! navigation, forms and hidden elements are dropped; block elements become blocks joined
//! by blank lines; inline tags add nothing, so `reco</span>very` stays "recovery". White
//! space collapses as a browser would, except inside <pre>. Nothing here is ever rendered
//! as HTML: the output is plain text.

use crate::core::document::{Block, BlockKind, Diagnostic};
use crate::core::offsets::Span;
use crate::core::page::{Metadata, PageBlock};

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "option", "svg",
    "math", "iframe", "object", "canvas", "audio", "video", "head", "aside", "footer", "dialog",
    "textarea", "label",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "template", "iframe",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "caption",
    "details",
    "summary",
    "body",
    "html",
];

struct Open {
    name: String,
    dropped: bool,
}

struct Builder {
    text: String,
    blocks: Vec<Block>,
    buf: String,
    pending_space: bool,
    has_title: bool,
}

impl Builder {
    fn push_text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if !pre && c.is_ascii_whitespace() {
                self.pending_space = !self.buf.is_empty();
                continue;
            }
            if self.pending_space {
                self.buf.push(' ');
                self.pending_space = false;
            }
            self.buf.push(c);
        }
    }

    fn flush(&mut self, kind: BlockKind) {
        self.pending_space = false;
        let t = self.buf.trim();
        if t.is_empty() {
            self.buf.clear();
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let kind = match kind {
            BlockKind::Title if self.has_title || !self.blocks.is_empty() => BlockKind::Heading,
            k => k,
        };
        if kind == BlockKind::Title {
            self.has_title = true;
        }
        let start = self.text.len();
        self.text.push_str(t);
        self.blocks.push(Block {
            kind,
            span: Span::new(start, self.text.len()),
        });
        self.buf.clear();
    }
}

fn kind_of(stack: &[Open]) -> (BlockKind, bool) {
    let mut pre = false;
    for o in stack.iter().rev() {
        match o.name.as_str() {
            "pre" => pre = true,
            "h1" => return (BlockKind::Title, pre),
            "h2" | "h3" | "h4" | "h5" | "h6" => return (BlockKind::Heading, pre),
            "li" | "dd" | "dt" => return (BlockKind::Item, pre),
            "blockquote" => return (BlockKind::Quote, pre),
            _ => {}
        }
    }
    (
        if pre {
            BlockKind::Pre
        } else {
            BlockKind::Paragraph
        },
        pre,
    )
}

/// A page read: the story's text and blocks, every block of the page, and the metadata.
pub struct Story {
    pub text: String,
    pub blocks: Vec<Block>,
    pub page: Vec<PageBlock>,
    pub metadata: Metadata,
}

pub fn parse(src: &str, diags: &mut Vec<Diagnostic>) -> Story {
    let (text, blocks) = parse_all(src, diags);
    let page = blocks
        .iter()
        .map(|b| PageBlock {
            kind: b.kind,
            text: text[b.span.start()..b.span.end()].to_string(),
            dropped: None,
        })
        .collect();
    Story {
        text,
        blocks,
        page,
        metadata: Metadata::default(),
    }
}

fn parse_all(src: &str, diags: &mut Vec<Diagnostic>) -> (String, Vec<Block>) {
    let mut b = Builder {
        text: String::new(),
        blocks: Vec::new(),
        buf: String::new(),
        pending_space: false,
        has_title: false,
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut page_title: Option<String> = None;
    let mut dropped_scripts = 0usize;
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // flush the text before this '<'
        let tag = parse_tag(src, i);
        let Some(tag) = tag else {
            i += 1; // a lone '<' is text
            continue;
        };
        emit_text(&mut b, &stack, &src[text_start..i]);
        i = tag.end;
        text_start = i;
        match tag.kind {
            TagKind::Comment | TagKind::Other => {}
            TagKind::Start => {
                let name = tag.name.as_str();
                let hidden = tag.hidden;
                if BLOCKS.contains(&name) {
                    let (k, _) = kind_of(&stack);
                    b.flush(k);
                }
                if RAW_TEXT.contains(&name) && !tag.self_closing {
                    let close = find_end_tag(src, i, name);
                    if name == "title" && page_title.is_none() {
                        let mut t = String::new();
                        decode_entities(&src[i..close.0], &mut t);
                        page_title = Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                    if name == "script" {
                        dropped_scripts += 1;
                    }
                    i = close.1;
                    text_start = i;
                    continue;
                }
                if VOID.contains(&name) || tag.self_closing {
                    continue;
                }
                // implied end tags: a new <p> or <li> closes an open one
                if matches!(name, "p" | "li" | "dt" | "dd") {
                    if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                        if stack[pos..]
                            .iter()
                            .all(|o| !BLOCKS.contains(&o.name.as_str()) || o.name == name)
                        {
                            stack.truncate(pos);
                        }
                    }
                }
                let dropped = DROPPED.contains(&name) || hidden;
                stack.push(Open {
                    name: tag.name,
                    dropped,
                });
            }
            TagKind::End => {
                let name = tag.name.as_str();
                if BLOCKS.contains(&name) {
                    let (k, _) = kind_of(&stack);
                    b.flush(k);
                }
                if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                    stack.truncate(pos);
                }
            }
        }
    }
    emit_text(&mut b, &stack, &src[text_start..]);
    let (k, _) = kind_of(&stack);
    b.flush(k);
    if dropped_scripts > 0 {
        diags.push(Diagnostic::info(format!(
            "{dropped_scripts} script block(s) were removed from the HTML."
        )));
    }
    if !b.has_title {
        if let Some(t) = page_title.filter(|t| !t.is_empty()) {
            // the page's <title> becomes the headline, placed first
            let shift = t.len() + 2;
            let mut text = t.clone();
            if !b.text.is_empty() {
                text.push_str("\n\n");
                text.push_str(&b.text);
            }
            let mut blocks = vec![Block {
                kind: BlockKind::Title,
                span: Span::new(0, t.len()),
            }];
            blocks.extend(b.blocks.iter().map(|bl| Block {
                kind: bl.kind,
                span: Span::new(bl.span.start() + shift, bl.span.end() + shift),
            }));
            return (text, blocks);
        }
    }
    (b.text, b.blocks)
}

fn emit_text(b: &mut Builder, stack: &[Open], raw: &str) {
    if raw.is_empty() || stack.iter().any(|o| o.dropped) {
        return;
    }
    let (_, pre) = kind_of(stack);
    let mut decoded = String::with_capacity(raw.len());
    decode_entities(raw, &mut decoded);
    b.push_text(&decoded, pre);
}

#[derive(PartialEq)]
enum TagKind {
    Start,
    End,
    Comment,
    Other,
}

struct Tag {
    kind: TagKind,
    name: String,
    end: usize,
    self_closing: bool,
    hidden: bool,
}

/// Parses a tag starting at `src[at] == '<'`; `None` when it is not a tag (then '<' is text).
fn parse_tag(src: &str, at: usize) -> Option<Tag> {
    let rest = &src[at..];
    let other = |end: usize, kind| Tag {
        kind,
        name: String::new(),
        end,
        self_closing: false,
        hidden: false,
    };
    if let Some(r) = rest.strip_prefix("<!--") {
        let end = r.find("-->").map(|p| at + 4 + p + 3).unwrap_or(src.len());
        return Some(other(end, TagKind::Comment));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map(|p| at + p + 1).unwrap_or(src.len());
        return Some(other(end, TagKind::Other));
    }
    let (kind, name_at) = if rest.starts_with("</") {
        (TagKind::End, 2)
    } else {
        (TagKind::Start, 1)
    };
    let first = rest[name_at..].chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let name_len = rest[name_at..]
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len() - name_at);
    let name = rest[name_at..name_at + name_len].to_ascii_lowercase();
    // attributes up to the closing '>', honouring quotes
    let mut j = name_at + name_len;
    let rb = rest.as_bytes();
    let mut quote: Option<u8> = None;
    while j < rb.len() {
        let c = rb[j];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        j += 1;
    }
    let attrs = &rest[name_at + name_len..j.min(rest.len())];
    let end = if j < rb.len() { at + j + 1 } else { src.len() };
    let self_closing = attrs.trim_end().ends_with('/');
    let hidden = kind == TagKind::Start && is_hidden(attrs);
    Some(Tag {
        kind,
        name,
        end,
        self_closing,
        hidden,
    })
}

/// `hidden`, `aria-hidden="true"`, `type="hidden"` or an inline style that hides.
fn is_hidden(attrs: &str) -> bool {
    let a = attrs.to_ascii_lowercase();
    let compact: String = a.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    a.split(|c: char| c.is_ascii_whitespace() || c == '/')
        .any(|w| w == "hidden" || w.starts_with("hidden="))
        || compact.contains("aria-hidden=\"true\"")
        || compact.contains("aria-hidden='true'")
        || compact.contains("type=\"hidden\"")
        || compact.contains("display:none")
        || compact.contains("visibility:hidden")
}

/// Finds `</name` (case-insensitive) from `from`; returns (content end, after the end tag).
fn find_end_tag(src: &str, from: usize, name: &str) -> (usize, usize) {
    let b = src.as_bytes();
    let n = name.len();
    let mut p = from;
    while let Some(q) = src[p..].find("</") {
        let at = p + q;
        let tail = &b[at + 2..];
        if tail.len() >= n && tail[..n].eq_ignore_ascii_case(name.as_bytes()) {
            let after = src[at..].find('>').map(|r| at + r + 1).unwrap_or(src.len());
            return (at, after);
        }
        p = at + 2;
    }
    (src.len(), src.len())
}

/// Latin-1 entity names, in code-point order from U+00A0.
const LATIN1: &[&str] = &[
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];
const OTHER_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("euro", '€'),
    ("trade", '™'),
    ("dagger", '†'),
    ("prime", '′'),
    ("Prime", '″'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("minus", '−'),
    ("larr", '←'),
    ("rarr", '→'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
];

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    if let Some(p) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + p as u32);
    }
    OTHER_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
}

/// Decodes character references; unknown ones stay as written.
pub fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let semi = after.find(';').filter(|&q| q <= 32);
        match semi.and_then(|q| entity(&after[..q]).map(|c| (q, c))) {
            Some((q, c)) => {
                out.push(c);
                rest = &after[q + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, Vec<(BlockKind, String)>) {
        let (text, blocks) = parse_all(s, &mut Vec::new());
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
