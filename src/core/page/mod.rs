//! A whole web page in, the story out: which blocks of the page are the article and which
//! are its frame (navigation, banners, share bars, comments, related links), and the
//! article's metadata (headline, authors, date, publisher, canonical URL, language,
//! description). Pure, deterministic, linear in the input, never fails.
//!
//! Phases, one file each: `tree` (tokens to a bounded element tree), `meta` (metadata from
//! JSON-LD, Open Graph, meta tags and the visible byline), `score` (which subtree holds the
//! story), `clean` (boilerplate left inside it). `PageBlock`s keep every block of the page in
//! reading order with whether it is kept, so a person can bring a dropped one back.

use super::document::BlockKind;
use serde::{Deserialize, Serialize};

/// What a page says about its article. Every field is optional: a pasted plain text has
/// none, and the person can fill them in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (`2024-03-05` or `2024-03-05T10:00:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Publisher or site name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Canonical URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag (`en`, `en-GB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Metadata {
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

/// Why a block of the page is not part of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dropped {
    /// Outside the story's part of the page: navigation, header, footer, sidebars.
    Frame,
    /// Inside the story's part but not the story: share bars, "Advertisement", sign-up
    /// boxes, "Read more" lists, a repeated byline, comments.
    Boilerplate,
}

/// One block of the page in reading order, kept or not. The kept ones, in order, are
/// exactly the blocks of the article's `Document`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageBlock {
    pub kind: BlockKind,
    pub text: String,
    /// `None` when the block is part of the story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped: Option<Dropped>,
}

impl PageBlock {
    pub fn kept(&self) -> bool {
        self.dropped.is_none()
    }
}

mod body;
mod clean;
mod json;
pub mod lex;
pub mod meta;
mod score;
mod tree;

use tree::{flag, Kind};

/// A page read: every block in reading order (the headline first, when there is one),
/// kept or dropped, and the metadata.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub page: Vec<PageBlock>,
    pub metadata: Metadata,
    /// Script elements the page had (none of them is run).
    pub scripts: usize,
}

/// A word list as one string, words separated by `|`: a third of the download of a table
/// of string slices for the same words.
/// With it, made at compile time, the length of its shortest word and the set of its
/// words' first bytes (both cases of a letter): most texts are ruled out by a look at
/// them, so a page of many short blocks is not slowed by a list scan per block.
#[derive(Clone, Copy)]
pub(crate) struct Words {
    list: &'static str,
    shortest: usize,
    first: [u64; 4],
}

impl Words {
    pub const fn new(list: &'static str) -> Words {
        let b = list.as_bytes();
        let (mut shortest, mut first) = (usize::MAX, [0u64; 4]);
        let (mut i, mut start) = (0, 0);
        while i <= b.len() {
            if i == b.len() || b[i] == b'|' {
                let len = i - start;
                if len < shortest {
                    shortest = len;
                }
                if len > 0 {
                    let c = b[start];
                    first[(c >> 6) as usize] |= 1 << (c & 63);
                    let other = c.to_ascii_lowercase() ^ c ^ c.to_ascii_uppercase();
                    first[(other >> 6) as usize] |= 1 << (other & 63);
                }
                start = i + 1;
            }
            i += 1;
        }
        Words {
            list,
            shortest,
            first,
        }
    }
    /// Whether some word of the list may start `s` (its length and first byte allow it).
    fn may_start(self, s: &str) -> bool {
        self.shortest == 0
            || s.len() >= self.shortest
                && s.as_bytes()
                    .first()
                    .is_none_or(|&c| self.first[(c >> 6) as usize] & (1 << (c & 63)) != 0)
    }
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.list.split('|')
    }
    pub fn contains(self, w: &str) -> bool {
        self.position(w).is_some()
    }
    /// Whether some word of the list occurs in `hay`.
    #[inline(never)]
    pub fn any_in(self, hay: &str) -> bool {
        hay.len() >= self.shortest && self.iter().any(|w| has(hay, w))
    }
    /// Whether `s` starts with some word of the list.
    #[inline(never)]
    pub fn any_prefix(self, s: &str) -> bool {
        self.may_start(s) && self.iter().any(|w| s.starts_with(w))
    }
    /// The words of the list that `s` starts with.
    pub fn prefixes_of(self, s: &str) -> impl Iterator<Item = &'static str> + '_ {
        let list = if self.may_start(s) { self.list } else { "" };
        list.split('|')
            .filter(move |w| !w.is_empty() && s.starts_with(w))
    }
    /// Where `w` stands in the list.
    pub fn position(self, w: &str) -> Option<usize> {
        self.may_start(w).then(|| find_word(self.list, w, false))?
    }
    /// Where `w` stands in the list, ASCII case ignored.
    pub fn position_ci(self, w: &str) -> Option<usize> {
        self.may_start(w).then(|| find_word(self.list, w, true))?
    }
}

/// One search for every word list (a table of string slices, or a `match` on strings, is
/// several times its size in the download).
#[inline(never)]
fn find_word(list: &str, w: &str, fold: bool) -> Option<usize> {
    let w = w.as_bytes();
    list.as_bytes()
        .split(|&b| b == b'|')
        .position(|x| x.len() == w.len() && (x == w || fold && x.eq_ignore_ascii_case(w)))
}

/// Whether `needle` occurs in `hay`: one small search for the whole module, where
/// `str::contains` would build a two-way searcher at every call site (kilobytes of
/// download for a few short class names and lines).
#[inline(never)]
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w == n)
}

/// Normalised text for comparing headlines: lower case, letters and digits only.
fn key(s: &str) -> String {
    let mut k = String::new();
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        k.extend(c.to_lowercase());
    }
    k
}

/// A story shorter than this (in characters) makes the extractor read again, trusting
/// class names less.
const MIN_STORY_CHARS: usize = 500;

/// One reading of a page's tree: which blocks are dropped, and the story's size.
struct Reading {
    drops: Vec<Option<Dropped>>,
    kept: usize,
    metadata: Metadata,
    /// schema.org `articleBody`, when the page states one.
    stated: Option<String>,
}

/// Reads a whole HTML page: the story's blocks, the frame's blocks and the metadata.
pub fn extract(html: &str) -> Extracted {
    let mut tree = tree::build(html, tree::Hidden::Skip);
    let mut reading = read(&tree);
    // a page rendered by streaming parks its content in a hidden element until a script
    // moves it into place: with almost no story, read what is hidden too
    if reading.kept < MIN_STORY_CHARS && tree.hidden > 0 {
        let again = tree::build(html, tree::Hidden::Read);
        let second = read(&again);
        if second.kept > reading.kept * 2 {
            tree = again;
            reading = second;
        }
    }
    let Reading {
        mut drops,
        kept,
        metadata,
        stated,
    } = reading;
    let mut stated_blocks = Vec::new();
    if let Some(stated) = stated {
        // the markup holds almost no story, the page states one: take the stated one
        if kept < MIN_STORY_CHARS && stated.len() > kept * 2 {
            drops.iter_mut().for_each(|d| {
                d.get_or_insert(Dropped::Frame);
            });
            stated_blocks = body::paragraphs(&stated);
        }
    }
    let mut page = Vec::with_capacity(tree.blocks.len() + 1);
    if let Some(h) = &metadata.headline {
        page.push(PageBlock {
            kind: BlockKind::Title,
            text: h.clone(),
            dropped: None,
        });
    }
    page.extend(stated_blocks.into_iter().map(|text| PageBlock {
        kind: BlockKind::Paragraph,
        text,
        dropped: None,
    }));
    let scripts = tree.scripts;
    // (each block's text moves into the page: no copy of a large page's thousands of blocks)
    for (b, dropped) in tree.blocks.into_iter().zip(drops) {
        let kind = match b.kind {
            Kind::H1 | Kind::Heading => BlockKind::Heading,
            Kind::Paragraph => BlockKind::Paragraph,
            Kind::Item => BlockKind::Item,
            Kind::Quote => BlockKind::Quote,
            Kind::Pre => BlockKind::Pre,
            Kind::Caption => BlockKind::Caption,
        };
        page.push(PageBlock {
            kind,
            text: b.text,
            dropped,
        });
    }
    Extracted {
        page,
        metadata,
        scripts,
    }
}

fn read(tree: &tree::Tree) -> Reading {
    let sizes = score::sizes(tree);
    let h1 = tree
        .blocks
        .iter()
        .find(|b| b.kind == Kind::H1)
        .map(|b| b.text.as_str());
    let byline = tree
        .blocks
        .iter()
        .find(|b| b.flags & flag::BYLINE != 0 && b.text.split_whitespace().count() <= 12)
        .map(|b| b.text.as_str());
    let found = meta::metadata(&tree.meta, h1, byline);
    let (metadata, stated) = (found.metadata, found.article_body);
    let headline_key = metadata.headline.as_deref().map(key).unwrap_or_default();
    // read with full trust in class names; when that leaves almost no story, trust less
    let mut best: Option<(usize, Vec<Option<Dropped>>)> = None;
    for trust in [
        score::Trust::Names,
        score::Trust::Tags,
        score::Trust::Nothing,
    ] {
        let region = score::choose(tree, &sizes, trust);
        let drops: Vec<Option<Dropped>> = tree
            .blocks
            .iter()
            .map(|b| {
                if !region.holds(b.owner) {
                    Some(Dropped::Frame)
                } else if !headline_key.is_empty() && key(&b.text) == headline_key {
                    // the headline, already first
                    Some(Dropped::Boilerplate)
                } else if clean::is_boilerplate(
                    b,
                    sizes.boiler_of(tree, b, trust),
                    region.top,
                    &metadata.authors,
                ) {
                    Some(Dropped::Boilerplate)
                } else {
                    None
                }
            })
            .collect();
        let kept: usize = tree
            .blocks
            .iter()
            .zip(&drops)
            .filter(|(_, d)| d.is_none())
            .map(|(b, _)| b.chars as usize)
            .sum();
        let enough = kept >= MIN_STORY_CHARS;
        if best.as_ref().is_none_or(|(k, _)| kept > *k) {
            best = Some((kept, drops));
        }
        if enough {
            break;
        }
    }
    let (kept, drops) = best.unwrap_or_default();
    Reading {
        drops,
        kept,
        metadata,
        stated,
    }
}
