//! One linear pass over the tokens: a bounded element tree (parents, subtree ranges and
//! class/id hints, in document order) and the page's text blocks, each with the element
//! that holds it and how much of it is link text; plus the raw material of metadata (meta
//! and link tags, JSON-LD scripts, `<title>`, `<time>`, the root's `lang`).
//!
//! Nesting deeper than `MAX_DEPTH` adds no elements (their text still flows into blocks),
//! and an end tag is matched against at most `MAX_DEPTH` open elements, so every token
//! costs bounded work: hostile nesting cannot make the pass quadratic.

use super::lex::{decode_entities, Lexer, StartTag, Token};

pub const MAX_DEPTH: usize = 256;
pub const NONE: u32 = u32::MAX;

/// The elements the extractor tells apart; everything else is `Other` (inline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Other,
    Html,
    Body,
    A,
    P,
    Div,
    H1,
    Heading,
    Li,
    List,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Table,
    Row,
    Cell,
    Figure,
    Figcaption,
    Br,
    Hr,
    Time,
    Address,
    Dialog,
    Details,
    Caption,
    /// Void elements with no text (img, meta, link, input…).
    Void,
    /// Elements whose content is never read as text (script, style, svg, select…).
    Skip,
    Title,
    Script,
}

/// Tag names, the most frequent first (a linear search is smaller than a `match` on
/// byte strings, and the first few rows answer most tags), packed in one string.
const TAG_NAMES: super::Words = super::Words::new("span|div|a|p|li|img|html|body|h1|h2|h3|h4|h5|h6|ul|ol|dl|menu|dt|dd|blockquote|pre|section|article|main|header|footer|nav|aside|form|table|tr|thead|tbody|tfoot|td|th|figure|figcaption|br|hr|time|address|dialog|details|summary|fieldset|center|hgroup|caption|title|script|area|base|col|embed|input|link|meta|param|source|track|wbr|image|style|noscript|template|svg|math|iframe|object|canvas|audio|video|select|option|textarea|button|head|label|noembed|noframes|picture|xmp|plaintext|datalist|output|progress|meter");
/// What each of `TAG_NAMES` is, in the same order.
const TAG_KINDS: [Tag; 89] = {
    use Tag::*;
    [
        Other, Div, A, P, Li, Void, Html, Body, H1, Heading, Heading, Heading, Heading, Heading,
        List, List, List, List, Dt, Dd, Blockquote, Pre, Section, Article, Main, Header, Footer,
        Nav, Aside, Form, Table, Row, Row, Row, Row, Cell, Cell, Figure, Figcaption, Br, Hr, Time,
        Address, Dialog, Details, Details, Details, Details, Details, Caption, Title, Script, Void,
        Void, Void, Void, Void, Void, Void, Void, Void, Void, Void, Void, Skip, Skip, Skip, Skip,
        Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip,
        Skip, Skip, Skip, Skip, Skip, Skip,
    ]
};

impl Tag {
    fn of(name: &str) -> Tag {
        TAG_NAMES
            .position_ci(name)
            .and_then(|i| TAG_KINDS.get(i).copied())
            .unwrap_or(Tag::Other)
    }

    /// Starts and ends a text block.
    fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Other | Tag::A | Tag::Time | Tag::Void | Tag::Skip | Tag::Title | Tag::Script
        )
    }

    /// A start tag of this kind closes an open `<p>` (as an HTML parser does).
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::H1
                | Tag::Heading
                | Tag::List
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Header
                | Tag::Footer
                | Tag::Nav
                | Tag::Aside
                | Tag::Form
                | Tag::Table
                | Tag::Figure
                | Tag::Hr
                | Tag::Address
                | Tag::Dialog
                | Tag::Details
        )
    }
}

/// Inherited facts about an element's place in the page.
pub mod flag {
    /// Inside an element whose text is never shown (hidden, script-like).
    pub const SKIP: u16 = 1;
    /// Inside a link.
    pub const LINK: u16 = 4;
    pub const PRE: u16 = 8;
    /// Inside an element marked as the article's author or byline.
    pub const BYLINE: u16 = 16;
    /// Inside `<article>`, `<main>` or `role=main|article`.
    pub const ARTICLE: u16 = 32;
    /// Inside a figure.
    pub const FIGURE: u16 = 64;
    /// Inside an element marked as the article's body (`itemprop=articleBody`).
    pub const BODY: u16 = 128;
    /// Inside a date line (`<time>`, dateline classes).
    pub const DATE: u16 = 256;
}

#[derive(Clone, Debug)]
pub struct Node {
    pub tag: Tag,
    /// Hash of the lower-case tag name, to match end tags of unknown elements.
    name: u32,
    pub parent: u32,
    /// One past the last node of this element's subtree (nodes are in document order).
    pub end: u32,
    /// Class and id evidence: positive for story words, negative for frame words.
    pub weight: i8,
    /// Class or id names it as boilerplate (share, related, comments, promo…), or it is
    /// navigation, a site header or footer, an aside, a form or a dialog.
    pub boiler: bool,
    /// Navigation, a site header or footer, an aside, a form or a dialog (by tag or role).
    pub frame: bool,
    /// Marked by weak names only (see `WEAK`): long prose inside cancels the mark.
    pub weak: bool,
    pub flags: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    H1,
    Heading,
    Paragraph,
    Item,
    Quote,
    Pre,
    Caption,
}

#[derive(Clone, Debug)]
pub struct RawBlock {
    pub kind: Kind,
    pub text: String,
    /// The innermost block element holding the text.
    pub owner: u32,
    pub chars: u32,
    pub link_chars: u32,
    pub flags: u16,
    /// The innermost ancestor marked as boilerplate or frame, or `NONE`.
    pub boiler_at: u32,
}

/// What the metadata phase reads.
#[derive(Debug, Default)]
pub struct RawMeta {
    /// `(name/property/itemprop lower-case, content)` of `<meta>` tags.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub json_ld: Vec<String>,
    /// `datetime` of `<time>` elements, in document order (the first few).
    pub times: Vec<String>,
}

pub struct Tree {
    pub nodes: Vec<Node>,
    pub blocks: Vec<RawBlock>,
    pub meta: RawMeta,
    pub scripts: usize,
    /// Elements with the `hidden` attribute.
    pub hidden: usize,
}

struct Frame {
    node: u32,
    flags: u16,
    /// Innermost block element (itself when it is one).
    owner: u32,
    kind: Option<Kind>,
    boiler_at: u32,
    tag: Tag,
}

const META_KEYS: super::Words = super::Words::new("og:title|og:site_name|og:url|og:description|og:locale|og:type|twitter:title|twitter:description|description|author|article:author|article:published_time|article:publisher|datepublished|date|pubdate|publishdate|publish-date|publish_date|dc.date|dc.date.issued|dcterms.created|dc.creator|dc.language|sailthru.date|sailthru.author|parsely-pub-date|parsely-author|parsely-title|byl|application-name|content-language|headline|name|datecreated|language");

fn fnv(name: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= b.to_ascii_lowercase() as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

struct Builder<'a> {
    nodes: Vec<Node>,
    stack: Vec<Frame>,
    blocks: Vec<RawBlock>,
    buf: String,
    chars: u32,
    link_chars: u32,
    pending_space: bool,
    meta: RawMeta,
    scripts: usize,
    /// The block's owner and flags, taken when its first text arrives.
    open: Option<(u32, u16, u32, Kind)>,
    read_hidden: bool,
    hidden_seen: usize,
    _src: &'a str,
}

/// Whether text under the `hidden` attribute is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    Skip,
    Read,
}

pub fn build(src: &str, hidden: Hidden) -> Tree {
    // every element opens with "<": room for all of them at once (up to a quarter of a
    // million, so a page of "<<<<" reserves no more than a few megabytes), so a large page
    // is not copied over and over while it grows
    let tags = src.bytes().filter(|&c| c == b'<').count().min(1 << 18);
    let mut b = Builder {
        nodes: vec![Node {
            tag: Tag::Html,
            name: 0,
            parent: NONE,
            end: 1,
            weight: 0,
            boiler: false,
            frame: false,
            weak: false,
            flags: 0,
        }],
        stack: vec![Frame {
            node: 0,
            flags: 0,
            owner: 0,
            kind: None,
            boiler_at: NONE,
            tag: Tag::Html,
        }],
        blocks: Vec::with_capacity(tags / 2),
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        pending_space: false,
        meta: RawMeta::default(),
        scripts: 0,
        open: None,
        read_hidden: hidden == Hidden::Read,
        hidden_seen: 0,
        _src: src,
    };
    b.nodes.reserve(tags);
    let mut raw_of: Option<Tag> = None;
    let mut json_ld = false;
    for tok in Lexer::new(src) {
        match tok {
            Token::Text(t) => b.text(t),
            Token::Raw(r) => match raw_of.take() {
                Some(Tag::Title) if b.meta.title.is_none() => {
                    let mut t = String::new();
                    decode_entities(r, &mut t);
                    b.meta.title = Some(fold(&t));
                }
                Some(Tag::Script) => {
                    b.scripts += 1;
                    if json_ld && b.meta.json_ld.len() < 16 {
                        b.meta.json_ld.push(r.to_string());
                    }
                }
                _ => {}
            },
            Token::Start(t) => {
                let tag = Tag::of(t.name);
                if matches!(tag, Tag::Title | Tag::Script) {
                    raw_of = Some(tag);
                    json_ld = tag == Tag::Script
                        && t.attr("type")
                            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/ld+json"));
                    if !t.self_closing {
                        continue;
                    }
                }
                raw_of = match tag {
                    Tag::Skip => Some(Tag::Skip),
                    _ => None,
                };
                b.start(tag, &t);
            }
            Token::End(name) => {
                let tag = Tag::of(name);
                if matches!(tag, Tag::Title | Tag::Script) {
                    continue;
                }
                b.end(tag, fnv(name));
            }
            Token::Other => {}
        }
    }
    b.flush();
    let total = b.nodes.len() as u32;
    for f in b.stack.drain(..) {
        b.nodes[f.node as usize].end = total;
    }
    let blocks = join_rows(&b.nodes, b.blocks);
    Tree {
        nodes: b.nodes,
        blocks,
        meta: b.meta,
        scripts: b.scripts,
        hidden: b.hidden_seen,
    }
}

/// A data table's row reads as one line: consecutive short cells of one row join into
/// one block. Long cells (a layout table's columns) stay blocks of their own.
fn join_rows(nodes: &[Node], blocks: Vec<RawBlock>) -> Vec<RawBlock> {
    const SHORT: u32 = 60;
    let mut per_owner = vec![0u32; nodes.len()];
    for b in &blocks {
        if let Some(c) = per_owner.get_mut(b.owner as usize) {
            *c += 1;
        }
    }
    // a cell that is one short block
    let row_of = |b: &RawBlock| {
        let cell = nodes.get(b.owner as usize)?;
        (cell.tag == Tag::Cell && b.chars <= SHORT && per_owner[b.owner as usize] == 1)
            .then_some(cell.parent)
    };
    let mut out: Vec<RawBlock> = Vec::with_capacity(blocks.len());
    let mut last_row = NONE;
    for b in blocks {
        let row = row_of(&b).unwrap_or(NONE);
        match out.last_mut() {
            Some(prev) if row != NONE && row == last_row && prev.owner != b.owner => {
                prev.text.push(' ');
                prev.text.push_str(&b.text);
                prev.chars += 1 + b.chars;
                prev.link_chars += b.link_chars;
            }
            _ => out.push(b),
        }
        last_row = row;
    }
    out
}

fn fold(s: &str) -> String {
    crate::core::details::fold(s).unwrap_or_default()
}

impl Builder<'_> {
    fn top(&self) -> &Frame {
        // the root frame is never popped
        &self.stack[self.stack.len() - 1]
    }

    fn text(&mut self, raw: &str) {
        let top = self.top();
        if top.flags & flag::SKIP != 0 {
            return;
        }
        let pre = top.flags & flag::PRE != 0;
        let link = top.flags & flag::LINK != 0;
        if self.open.is_none() && raw.trim().is_empty() && !pre {
            if !self.buf.is_empty() {
                self.pending_space = true;
            }
            return;
        }
        if self.open.is_none() {
            let kind = top.kind.unwrap_or(Kind::Paragraph);
            self.open = Some((top.owner, top.flags, top.boiler_at, kind));
        }
        let mut decoded = String::new();
        let s: &str = if raw.contains('&') {
            decode_entities(raw, &mut decoded);
            &decoded
        } else {
            raw
        };
        for c in s.chars() {
            if !pre && (c.is_whitespace()) {
                self.pending_space = !self.buf.is_empty();
                continue;
            }
            if self.pending_space {
                self.buf.push(' ');
                self.chars += 1;
                if link {
                    self.link_chars += 1;
                }
                self.pending_space = false;
            }
            self.buf.push(c);
            self.chars += 1;
            if link {
                self.link_chars += 1;
            }
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        let Some((owner, flags, boiler_at, kind)) = self.open.take() else {
            self.buf.clear();
            return;
        };
        let text = self.buf.trim();
        if !text.is_empty() {
            self.blocks.push(RawBlock {
                kind,
                text: text.to_string(),
                owner,
                chars: self.chars,
                link_chars: self.link_chars.min(self.chars),
                flags,
                boiler_at,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
    }

    fn start(&mut self, tag: Tag, t: &StartTag) {
        if tag.is_block() {
            self.flush();
        }
        if tag.closes_p() {
            self.close_implied(Tag::P, Tag::P);
        }
        match tag {
            Tag::Cell | Tag::Li => self.close_implied(tag, tag),
            Tag::Dt | Tag::Dd => self.close_implied(Tag::Dt, Tag::Dd),
            _ => {}
        }
        if matches!(tag, Tag::Void | Tag::Br | Tag::Hr) || t.self_closing {
            if tag == Tag::Void && t.name.eq_ignore_ascii_case("meta") {
                self.meta_tag(t);
            } else if tag == Tag::Void && t.name.eq_ignore_ascii_case("link") {
                self.link_tag(t);
            }
            return;
        }
        if tag == Tag::Html {
            if let Some(l) = t.attr("lang").or_else(|| t.attr("xml:lang")) {
                if self.meta.lang.is_none() && !l.trim().is_empty() {
                    self.meta.lang = Some(l.trim().to_string());
                }
            }
            return;
        }
        if tag == Tag::Body {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let parent = self.top();
        let (pnode, pflags, powner, pkind, pboiler) = (
            parent.node,
            parent.flags,
            parent.owner,
            parent.kind,
            parent.boiler_at,
        );
        let idx = self.nodes.len() as u32;
        let hint = Hint::of(t);
        let mut flags = pflags;
        let _ = pnode;
        if hint.hidden_attr {
            self.hidden_seen += 1;
        }
        if tag == Tag::Skip || hint.hidden || hint.hidden_attr && !self.read_hidden {
            flags |= flag::SKIP;
        }
        let framed = match tag {
            // a pull quote set in an aside is the story's own words
            Tag::Aside => !hint.pull_quote,
            Tag::Nav | Tag::Form | Tag::Dialog => true,
            Tag::Header | Tag::Footer => pflags & flag::ARTICLE == 0,
            _ => hint.frame_role,
        };
        // an <article> or <main> is never boilerplate by its class names ("tag-news")
        let marked = framed || hint.boiler && !matches!(tag, Tag::Article | Tag::Main);
        if tag == Tag::A {
            flags |= flag::LINK;
        }
        if tag == Tag::Pre {
            flags |= flag::PRE;
        }
        if matches!(tag, Tag::Article | Tag::Main) || hint.main_role {
            flags |= flag::ARTICLE;
        }
        if hint.article_body {
            flags |= flag::BODY | flag::ARTICLE;
        }
        if hint.byline {
            flags |= flag::BYLINE;
        }
        if hint.dateline {
            flags |= flag::DATE;
        }
        if tag == Tag::Figure {
            flags |= flag::FIGURE;
        }
        if tag == Tag::Time {
            flags |= flag::DATE;
            if self.meta.times.len() < 8 {
                if let Some(d) = t.attr("datetime") {
                    self.meta.times.push(d.trim().to_string());
                }
            }
        }
        let kind = match tag {
            Tag::H1 => Some(Kind::H1),
            Tag::Heading => Some(Kind::Heading),
            Tag::Li | Tag::Dt | Tag::Dd => Some(Kind::Item),
            Tag::Blockquote => Some(Kind::Quote),
            _ if hint.pull_quote => Some(Kind::Quote),
            Tag::Pre => Some(Kind::Pre),
            Tag::Figcaption | Tag::Caption => Some(Kind::Caption),
            Tag::P | Tag::Div | Tag::Cell if pflags & flag::FIGURE != 0 => Some(Kind::Caption),
            _ => pkind,
        };
        self.nodes.push(Node {
            tag,
            name: fnv(t.name),
            parent: pnode,
            end: idx + 1,
            weight: hint.weight,
            boiler: marked,
            frame: framed,
            weak: marked && !framed && !hint.strong,
            flags,
        });
        self.stack.push(Frame {
            node: idx,
            flags,
            owner: if tag.is_block() { idx } else { powner },
            kind,
            boiler_at: if marked { idx } else { pboiler },
            tag,
        });
    }

    /// Closes the innermost open element that is `a` or `b` when no other block element
    /// stands between it and the top, as HTML's implied end tags do.
    fn close_implied(&mut self, a: Tag, b: Tag) {
        let n = self.stack.len();
        for i in (1..n).rev() {
            let t = self.stack[i].tag;
            if t == a || t == b {
                self.flush();
                self.pop_to(i);
                return;
            }
            if t.is_block() {
                return;
            }
        }
    }

    fn pop_to(&mut self, i: usize) {
        let total = self.nodes.len() as u32;
        for f in self.stack.drain(i..) {
            self.nodes[f.node as usize].end = total;
        }
    }

    fn end(&mut self, tag: Tag, name: u32) {
        if tag.is_block() {
            self.flush();
        }
        if matches!(tag, Tag::Br | Tag::Hr | Tag::Void | Tag::Html | Tag::Body) {
            return;
        }
        let n = self.stack.len();
        for i in (1..n).rev() {
            if self.nodes[self.stack[i].node as usize].name == name && self.stack[i].tag == tag {
                self.pop_to(i);
                return;
            }
        }
    }

    fn meta_tag(&mut self, t: &StartTag) {
        let key = t
            .attr("property")
            .or_else(|| t.attr("name"))
            .or_else(|| t.attr("itemprop"))
            .or_else(|| t.attr("http-equiv"));
        let (Some(key), Some(content)) = (key, t.attr("content")) else {
            return;
        };
        let key = key.trim().to_ascii_lowercase();
        if self.meta.metas.len() < 256 && META_KEYS.contains(&key) {
            let mut v = String::new();
            decode_entities(content, &mut v);
            self.meta.metas.push((key, fold(&v)));
        }
    }

    fn link_tag(&mut self, t: &StartTag) {
        if self.meta.canonical.is_none()
            && t.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        {
            if let Some(h) = t.attr("href") {
                let mut v = String::new();
                decode_entities(h.trim(), &mut v);
                self.meta.canonical = Some(v);
            }
        }
    }
}

/// What an element's class, id, role, itemprop and style say about it.
#[derive(Default)]
struct Hint {
    weight: i8,
    boiler: bool,
    /// Some name marks it as boilerplate by what it is for (share, related, comments…),
    /// not only by its shape (card, widget, teaser…).
    strong: bool,
    hidden: bool,
    /// The `hidden` attribute alone (streamed server rendering parks a page's content in
    /// a hidden element until a script moves it).
    hidden_attr: bool,
    frame_role: bool,
    main_role: bool,
    article_body: bool,
    byline: bool,
    dateline: bool,
    /// Named a pull quote ("pullquote", "pull-quote").
    pull_quote: bool,
}

/// Words of class and id names that mark the story.
const POSITIVE: super::Words =
    super::Words::new("article|body|content|entry|hentry|main|post|text|blog|story|prose|richtext");
/// Words that mark the frame around it (weight only).
const NEGATIVE: super::Words = super::Words::new("banner|combx|comment|contact|footer|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|taboola|nav|menu|breadcrumb|social|cookie");
/// Stems that name boilerplate wherever they stand in a class or id word.
const BOILER_STEMS: super::Words = super::Words::new("comment|disqus|share|sharing|social|related|recommend|newsletter|subscri|signup|promo|advert|sponsor|cookie|consent|gdpr|sidebar|breadcrumb|outbrain|taboola|popup|modal|paywall|trending|mostread|most-read|mostpopular|most-popular|readmore|read-more|morestories|more-stories|recirc|toolbar|pagination|byline|dateline|timestamp|author|footer|navigation|navbar|menu|skiplink|skip-link|newsfeed|widget|banner|tagline|keywords|printfriendly");
/// Whole words that name boilerplate.
const BOILER_WORDS: super::Words = super::Words::new(
    "ad|ads|adv|advert|nav|tags|tag|share|tools|print|rail|aside|meta|more|promo|teaser|card|cards",
);

/// The attributes that say something about an element, in the order `Hint::of` reads them.
const HINT_ATTRS: super::Words =
    super::Words::new("class|id|role|itemprop|rel|hidden|aria-hidden|style|type");
/// Class words that name a pull quote, and a date line.
const PULL_QUOTE: super::Words = super::Words::new("pullquote|pull-quote|pull_quote");
const DATELINE: super::Words = super::Words::new("dateline|timestamp|publish-date|pubdate");

impl Hint {
    fn of(t: &StartTag) -> Hint {
        let mut h = Hint::default();
        let mut weight: i32 = 0;
        for (k, v) in t.attrs() {
            let value = v.trim();
            match HINT_ATTRS.position_ci(k) {
                // class, id
                Some(0 | 1) => {
                    let lower = v.to_ascii_lowercase();
                    let (mut story, mut positive, mut negative) = (false, false, false);
                    for w in parts(&lower) {
                        if !w.is_empty() {
                            positive |= POSITIVE.any_in(w);
                            negative |= NEGATIVE.any_in(w);
                        }
                    }
                    for w in lower.split_whitespace() {
                        story |= is_story_name(w);
                        if is_boiler_name(w) {
                            h.boiler = true;
                            h.strong |= !is_weak_name(w);
                        }
                        h.byline |= is_byline_name(w);
                        h.pull_quote |= PULL_QUOTE.any_in(w);
                        h.dateline |= DATELINE.any_in(w);
                    }
                    weight += 25 * (story as i32 + positive as i32 - negative as i32);
                }
                // role
                Some(2) => {
                    h.frame_role |= FRAME_ROLES.position_ci(value).is_some();
                    h.main_role |=
                        value.eq_ignore_ascii_case("main") || value.eq_ignore_ascii_case("article");
                }
                // itemprop
                Some(3) => {
                    let mut body = false;
                    for w in value.split_whitespace() {
                        body |= w.eq_ignore_ascii_case("articlebody")
                            || w.eq_ignore_ascii_case("reviewbody");
                        h.byline |=
                            w.eq_ignore_ascii_case("author") || w.eq_ignore_ascii_case("creator");
                    }
                    if body {
                        h.article_body = true;
                        weight += 50;
                    }
                }
                // rel
                Some(4) => {
                    h.byline |= v
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("author"));
                }
                Some(5) => h.hidden_attr = true,
                // aria-hidden
                Some(6) => h.hidden |= value.eq_ignore_ascii_case("true"),
                // style
                Some(7) => {
                    let compact: String = v
                        .chars()
                        .filter(|c| !c.is_ascii_whitespace())
                        .map(|c| c.to_ascii_lowercase())
                        .collect();
                    h.hidden |= super::has(&compact, "display:none")
                        || super::has(&compact, "visibility:hidden");
                }
                // type
                Some(8) => h.hidden |= value.eq_ignore_ascii_case("hidden"),
                _ => {}
            }
        }
        h.weight = weight.clamp(-100, 100) as i8;
        h
    }
}

/// The ASCII letter-and-digit runs of a class name and what lies between them (one
/// splitter for every caller, not a copy each).
fn parts(w: &str) -> std::str::Split<'_, fn(char) -> bool> {
    w.split(|c: char| !c.is_ascii_alphanumeric())
}

/// A class word for the byline itself ("byline", "article-author"), not a page-wide
/// modifier that mentions an author ("author-jane", WordPress's per-author class).
fn is_byline_name(w: &str) -> bool {
    super::has(w, "byline")
        || BYLINE_NAMES.contains(w)
        || BYLINE_ENDS.iter().any(|e| w.ends_with(e))
}

/// Roles of the page's frame.
const FRAME_ROLES: super::Words = super::Words::new(
    "navigation|banner|contentinfo|complementary|dialog|alertdialog|menu|menubar|search",
);
/// Whole class words for a byline, and how others end.
const BYLINE_NAMES: super::Words =
    super::Words::new("author|authors|author-name|authorname|author_name");
const BYLINE_ENDS: super::Words =
    super::Words::new("-author|_author|-authors|_authors|author-name|authorname");

/// A class word with these says how the page is laid out, not what the element is.
const LAYOUT_MODIFIERS: super::Words = super::Words::new("with-|with_|has-|has_|no-|without");

/// Parts of a class name that only say it is a container.
const CONTAINER_PARTS: super::Words = super::Words::new("container|wrapper|wrap|slot|unit|box|block|list|bar|section|area|holder|module|inner|outer|zone|label|placeholder|top|bottom|left|right");

/// A class or id word naming boilerplate: a boilerplate stem anywhere ("article-share",
/// "commentList"), or a short boilerplate word alone or with a container part ("ad",
/// "ad-slot"); not a layout modifier ("content-with-sidebar", "has-ads") and not the story
/// itself ("article-body").
fn is_boiler_name(w: &str) -> bool {
    if is_story_name(w) || LAYOUT_MODIFIERS.any_in(w) {
        return false;
    }
    if BOILER_STEMS.any_in(w) {
        return true;
    }
    let words: Vec<&str> = parts(w).filter(|p| !p.is_empty()).collect();
    match words.as_slice() {
        [one] => BOILER_WORDS.contains(one),
        [a, b] => {
            (BOILER_WORDS.contains(a) && CONTAINER_PARTS.contains(b))
                || (BOILER_WORDS.contains(b) && CONTAINER_PARTS.contains(a))
        }
        _ => false,
    }
}

/// Names that say what a box looks like, not what it is for: a product "widget" or a list
/// "card" may well hold the story's own text, so these give way to long prose.
const WEAK: super::Words = super::Words::new("widget|banner|toolbar|tagline|keywords|author|byline|dateline|timestamp|card|cards|teaser|meta|more|tools|rail|aside|tag|tags|print|pagination");

fn is_weak_name(w: &str) -> bool {
    let strong_stem = BOILER_STEMS
        .iter()
        .filter(|s| !WEAK.contains(s))
        .any(|s| super::has(w, s));
    let strong_word = parts(w).any(|p| BOILER_WORDS.contains(p) && !WEAK.contains(p));
    !strong_stem && !strong_word
}

/// A class word that names the story itself even though it holds a boilerplate stem
/// ("article-body", "story-content").
fn is_story_name(w: &str) -> bool {
    STORY_NAMES.any_in(w)
}

const STORY_NAMES: super::Words = super::Words::new("articlebody|article-body|article_body|article__body|story-body|storybody|entry-content|post-content|post-body|article-content|articlecontent|story-content|article-text|body-text");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_name_has_its_kind() {
        assert_eq!(TAG_NAMES.iter().count(), TAG_KINDS.len());
        assert_eq!(Tag::of("DIV"), Tag::Div);
        assert_eq!(Tag::of("h4"), Tag::Heading);
        assert_eq!(Tag::of("meter"), Tag::Skip);
        assert_eq!(Tag::of("wbr"), Tag::Void);
        assert_eq!(Tag::of("custom-element"), Tag::Other);
    }
}
