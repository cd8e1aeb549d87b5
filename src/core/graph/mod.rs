//! The relationship graph of one article or of the whole library: people, organisations,
//! places and claims as nodes; "said", "about", "mentioned together" and the links people
//! drew as edges. Built from the articles, their extractions and entity identities; pure
//! and deterministic (the same input gives the same node and edge order). Exports are in
//! `graph::export`.
//!
//! Cut by phase: `build` (articles to nodes and edges), `view` (which nodes and edges a
//! view shows), `viewport` (pan and zoom arithmetic), `place` (layout from remembered
//! positions and pins), `synthetic` (reproducible graphs for benchmarks), `export`.

mod build;
pub mod export;
pub mod gesture;
pub mod labels;
mod place;
mod synthetic;
mod view;
mod viewport;

pub use build::build;
pub use place::{lay_out, Placed, Placement};
pub use synthetic::{synthetic, synthetic_edges};
pub use view::{View, Visible};
pub use viewport::{bring_into_view, to_graph, wheel_factor, zoom_at, Transform};

use super::annotation::ClaimType;
use super::extract::{Extraction, Label};
use super::library::Article;
use super::offsets::Span;
use super::page::Metadata;
use super::rating::Verdict;
use super::relations::{End, EntityId, LinkDraft, Relation};

/// The graph id of a claim: `c:<article>/<claim>`.
pub fn claim_node_id(article: &str, claim: &str) -> String {
    format!("c:{article}/{claim}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Person,
    Org,
    Place,
    /// Nationalities, religious and political groups (NORP).
    Group,
    Claim,
}

impl NodeKind {
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Person,
        NodeKind::Org,
        NodeKind::Place,
        NodeKind::Group,
        NodeKind::Claim,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Org => "organisation",
            NodeKind::Place => "place",
            NodeKind::Group => "group",
            NodeKind::Claim => "claim",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            NodeKind::Person => "People",
            NodeKind::Org => "Organisations",
            NodeKind::Place => "Places",
            NodeKind::Group => "Groups",
            NodeKind::Claim => "Claims",
        }
    }

    fn of(label: Label) -> NodeKind {
        match label {
            Label::Person => NodeKind::Person,
            Label::Org => NodeKind::Org,
            Label::Gpe | Label::Loc => NodeKind::Place,
            Label::Norp => NodeKind::Group,
        }
    }
}

/// Where a node is written in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub article: String,
    pub span: Span,
}

/// What a claim node carries beyond its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimInfo {
    pub article: String,
    pub claim: String,
    pub quote: String,
    pub claimant: String,
    pub kind: ClaimType,
    pub status: Verdict,
    /// The verdict as the library's scale names it.
    pub verdict: String,
    pub note: String,
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Stable across rebuilds: `e:<name key>` for entities, `c:<article>/<claim>` for claims.
    pub id: String,
    /// An entity node's one id (`id` is its text), the id the article's markup carries.
    pub entity: Option<EntityId>,
    pub kind: NodeKind,
    pub label: String,
    /// Other names it goes by (entities).
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// The articles it appears in, sorted.
    pub articles: Vec<String>,
    /// Number of edges touching it.
    pub degree: usize,
    pub claim: Option<ClaimInfo>,
}

impl Node {
    /// The few words drawn beside the node: an entity's name; for a claim, who claims what:
    /// the claimant (a name by its last word) and the claim's first words ("Zelenskyy:
    /// relinquishing territory…").
    pub fn short_label(&self) -> String {
        let Some(c) = &self.claim else {
            return self.label.clone();
        };
        let who = c.claimant.trim();
        let is_name = !who.is_empty()
            && who
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
        let who = if is_name {
            who.split_whitespace().last().unwrap_or(who).to_string()
        } else {
            crate::core::excerpt(who, 20)
        };
        if who.is_empty() {
            crate::core::excerpt(&self.label, 28)
        } else {
            format!("{who}: {}", crate::core::excerpt(&self.label, 24))
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: Relation,
    /// Shared sentences for co-mentions; 1 otherwise.
    pub weight: f64,
    pub note: String,
    /// The id of the link a person drew, for drawn edges.
    pub link: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The articles it was built from, in order, with their details (for the exports).
    pub articles: Vec<ArticleInfo>,
}

/// An article of the graph: what the exports say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleInfo {
    pub id: String,
    pub name: String,
    pub metadata: Metadata,
}

/// One article and what the extractor found in it (None: only claims and links count).
pub struct Source<'a> {
    pub article: &'a Article,
    pub extraction: Option<&'a Extraction>,
}

impl Graph {
    /// The link end node `i` stands for, and the article it belongs to if it is a claim.
    pub fn end_of(&self, i: usize) -> Option<(End, Option<&str>)> {
        let n = self.nodes.get(i)?;
        Some(match &n.claim {
            Some(c) => (End::Claim(c.claim.clone()), Some(c.article.as_str())),
            None => (End::Entity(n.label.clone()), None),
        })
    }

    /// A link drawn from node `from` (to node `to`, when dropped on one), prefilled with its
    /// likely type. It lives in the article of its claim(s), else in `open_article`; claims
    /// of two articles cannot be linked. The error is a sentence for the person.
    pub fn draft_link(
        &self,
        from: usize,
        to: Option<usize>,
        open_article: Option<&str>,
    ) -> Result<LinkDraft, &'static str> {
        const GONE: &str = "That node is no longer in the graph.";
        let (from_end, a1) = self.end_of(from).ok_or(GONE)?;
        let (to_end, a2) = match to {
            Some(t) => {
                let (e, a) = self.end_of(t).ok_or(GONE)?;
                (Some(e), a)
            }
            None => (None, None),
        };
        let article = match (a1, a2) {
            (Some(a), Some(b)) if a != b => {
                return Err("Links between claims of different articles are not supported.")
            }
            (Some(a), _) | (None, Some(a)) => a,
            (None, None) => open_article.ok_or("Open an article to hold the link.")?,
        };
        Ok(LinkDraft::new(article.to_string(), from_end, to_end))
    }

    pub fn node(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The node of a claim of an article.
    pub fn claim_node(&self, article: &str, claim: &str) -> Option<usize> {
        self.node(&claim_node_id(article, claim))
    }

    /// Nodes joined to `i` by an edge of one of the `kinds`, sorted, without `i`.
    pub fn neighbours(&self, i: usize, kinds: &[Relation]) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .edges
            .iter()
            .filter(|e| kinds.contains(&e.kind))
            .filter_map(|e| {
                if e.from == i {
                    Some(e.to)
                } else if e.to == i {
                    Some(e.from)
                } else {
                    None
                }
            })
            .collect();
        crate::core::sort::sort(&mut v);
        v.dedup();
        v
    }

    /// Edges as (a, b, weight) for `layout`, co-mentions counting less than drawn links.
    pub fn layout_edges(&self) -> Vec<(usize, usize, f64)> {
        self.edges
            .iter()
            .map(|e| (e.from, e.to, e.weight.min(5.0)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
