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
