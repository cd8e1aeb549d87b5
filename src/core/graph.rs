//! The relationship graph of one article or of the whole library: people, organisations,
//! places and claims as nodes; "said", "about", "mentioned together" and the links people
//! drew as edges. Built from the articles, their extractions and entity identities; pure
//! and deterministic (the same input gives the same node and edge order). Exports are in
//! `graph::export`.

pub mod export;

use super::annotation::{ClaimStatus, ClaimType};
use super::extract::{Extraction, Label};
use super::library::Article;
use super::offsets::Span;
use super::page::Metadata;
use super::relations::{name_key, End, Identities, LinkDraft, Relation};
use std::collections::HashMap;

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
    pub status: ClaimStatus,
    pub note: String,
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Stable across rebuilds: `e:<name key>` for entities, `c:<article>/<claim>` for claims.
    pub id: String,
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

fn claim_node_id(article: &str, claim: &str) -> String {
    format!("c:{article}/{claim}")
}

/// Builds the graph of the given articles.
pub fn build(sources: &[Source], ids: &Identities) -> Graph {
    let mut b = Builder {
        ids,
        nodes: Vec::new(),
        index: HashMap::new(),
        edges: Vec::new(),
        edge_index: HashMap::new(),
    };
    for s in sources {
        b.add_article(s);
    }
    let mut g = b.finish();
    g.articles = sources
        .iter()
        .map(|s| ArticleInfo {
            id: s.article.id.clone(),
            name: s.article.name.clone(),
            metadata: s.article.metadata().clone(),
        })
        .collect();
    g
}

struct Builder<'a> {
    ids: &'a Identities,
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
    /// Edges in the order first found (deterministic, as the sources are read in order);
    /// a repeat adds its weight to the first.
    edges: Vec<Edge>,
    /// "from to kind link" → index in `edges`.
    edge_index: HashMap<String, usize>,
}

impl Builder<'_> {
    /// The node of the entity a name belongs to, made if new.
    fn entity(&mut self, name: &str, kind: NodeKind) -> Option<usize> {
        let canonical = self.ids.resolve(name).trim().to_string();
        let key = name_key(&canonical);
        if key.is_empty() {
            return None;
        }
        let id = format!("e:{key}");
        if let Some(&i) = self.index.get(&id) {
            // a kind from the extractor beats the default guess for a bare claimant
            if self.nodes[i].kind == NodeKind::Person
                && kind != NodeKind::Person
                && self.nodes[i].mentions.is_empty()
            {
                self.nodes[i].kind = kind;
            }
            return Some(i);
        }
        let i = self.nodes.len();
        self.index.insert(id.clone(), i);
        self.nodes.push(Node {
            id,
            kind,
            aliases: self.ids.aliases(&canonical),
            label: canonical,
            mentions: Vec::new(),
            articles: Vec::new(),
            degree: 0,
            claim: None,
        });
        Some(i)
    }

    fn edge(
        &mut self,
        from: usize,
        to: usize,
        kind: Relation,
        weight: f64,
        note: &str,
        link: Option<&str>,
    ) {
        if from == to {
            return;
        }
        // undirected relations are stored one way round
        let (from, to) = if kind == Relation::CoMention && from > to {
            (to, from)
        } else {
            (from, to)
        };
        let key = format!("{from} {to} {} {}", kind.as_str(), link.unwrap_or(""));
        match self.edge_index.get(&key) {
            Some(&k) => {
                let e = &mut self.edges[k];
                e.weight += weight;
                if e.note.is_empty() {
                    e.note = note.to_string();
                }
            }
            None => {
                self.edge_index.insert(key, self.edges.len());
                self.edges.push(Edge {
                    from,
                    to,
                    kind,
                    weight,
                    note: note.to_string(),
                    link: link.filter(|l| !l.is_empty()).map(str::to_string),
                });
            }
        }
    }

    fn add_article(&mut self, s: &Source) {
        let a = s.article;
        let text = a.doc.text();
        let note_article = |nodes: &mut Vec<Node>, i: usize| {
            if !nodes[i].articles.contains(&a.id) {
                nodes[i].articles.push(a.id.clone());
            }
        };
        // entities and their mentions
        let mut mention_node: Vec<Option<usize>> = Vec::new();
        if let Some(found) = s.extraction {
            // the person's entity decisions (a class changed, a false entity removed, a
            // missed mention marked) apply to what the extractor found
            let x = &*a.entities(found);
            let mut entity_node = Vec::with_capacity(x.entities.len());
            for e in &x.entities {
                let i = self.entity(&e.name, NodeKind::of(e.label));
                if let Some(i) = i {
                    note_article(&mut self.nodes, i);
                    // surface forms other than the name are aliases too
                    for &m in &e.mentions {
                        if let Some(m) = x.mentions.get(m) {
                            let w = text.get(m.span.start()..m.span.end()).unwrap_or("");
                            let k = name_key(w);
                            let node = &mut self.nodes[i];
                            if !k.is_empty()
                                && k != name_key(&node.label)
                                && !node.aliases.contains(&w.to_string())
                            {
                                node.aliases.push(w.to_string());
                            }
                        }
                    }
                }
                entity_node.push(i);
            }
            mention_node = x
                .mentions
                .iter()
                .map(|m| entity_node.get(m.entity).copied().flatten())
                .collect();
            for (m, n) in x.mentions.iter().zip(&mention_node) {
                if let Some(n) = *n {
                    self.nodes[n].mentions.push(Mention {
                        article: a.id.clone(),
                        span: m.span,
                    });
                }
            }
            // co-mentions: each sentence adds 1 to every pair of entities in it
            let mut k = 0;
            let sentences = a.doc.sentences();
            for sent in sentences {
                let mut here: Vec<usize> = Vec::new();
                while k < x.mentions.len() && x.mentions[k].span.start() < sent.end() {
                    if x.mentions[k].span.start() >= sent.start() {
                        if let Some(n) = mention_node[k] {
                            here.push(n);
                        }
                    }
                    k += 1;
                }
                crate::core::sort::sort(&mut here);
                here.dedup();
                for (p, &u) in here.iter().enumerate() {
                    for &v in &here[p + 1..] {
                        self.edge(u, v, Relation::CoMention, 1.0, "", None);
                    }
                }
            }
        }
        // claims: said (from the claimant) and about (entities named inside the claim)
        // the node of each claim, in the article's claim order
        let mut claim_node: Vec<usize> = Vec::with_capacity(a.claims().len());
        for c in a.claims() {
            let id = claim_node_id(&a.id, &c.id);
            let i = self.nodes.len();
            self.index.insert(id.clone(), i);
            let quote = a.doc.slice(c.span).to_string();
            self.nodes.push(Node {
                id,
                kind: NodeKind::Claim,
                label: quote.split_whitespace().collect::<Vec<_>>().join(" "),
                aliases: Vec::new(),
                mentions: vec![Mention {
                    article: a.id.clone(),
                    span: c.span,
                }],
                articles: vec![a.id.clone()],
                degree: 0,
                claim: Some(ClaimInfo {
                    article: a.id.clone(),
                    claim: c.id.clone(),
                    quote,
                    claimant: c.fields.claimant.clone(),
                    kind: c.fields.kind,
                    status: c.fields.status,
                    note: c.fields.note.clone(),
                    tags: c.fields.tags.clone(),
                }),
            });
            claim_node.push(i);
            let speaker = if c.fields.claimant.trim().is_empty() {
                None
            } else {
                let s = self.entity(&c.fields.claimant, NodeKind::Person);
                if let Some(s) = s {
                    note_article(&mut self.nodes, s);
                    self.edge(s, i, Relation::Said, 1.0, "", None);
                }
                s
            };
            if let Some(x) = s.extraction {
                let from = x
                    .mentions
                    .partition_point(|m| m.span.start() < c.span.start());
                for (m, n) in x.mentions[from..].iter().zip(&mention_node[from..]) {
                    if m.span.start() >= c.span.end() {
                        break;
                    }
                    if let Some(n) = *n {
                        if m.span.end() <= c.span.end() && Some(n) != speaker {
                            self.edge(i, n, Relation::About, 1.0, "", None);
                        }
                    }
                }
            }
        }
        // the links people drew
        for l in a.live_links() {
            let end = |e: &End, b: &mut Self| match e {
                End::Claim(id) => a
                    .claims()
                    .iter()
                    .position(|c| c.id == *id)
                    .and_then(|k| claim_node.get(k).copied()),
                End::Entity(name) => {
                    let n = b.entity(name, NodeKind::Person);
                    if let Some(n) = n {
                        note_article(&mut b.nodes, n);
                    }
                    n
                }
            };
            if let (Some(f), Some(t)) = (end(&l.from, self), end(&l.to, self)) {
                self.edge(f, t, l.kind, 1.0, &l.note, Some(&l.id));
            }
        }
    }

    fn finish(mut self) -> Graph {
        let edges = std::mem::take(&mut self.edges);
        for e in &edges {
            self.nodes[e.from].degree += 1;
            self.nodes[e.to].degree += 1;
        }
        for n in &mut self.nodes {
            crate::core::sort::sort(&mut n.articles);
            crate::core::sort::sort(&mut n.aliases);
            n.aliases.dedup();
        }
        Graph {
            nodes: self.nodes,
            edges,
            articles: Vec::new(),
        }
    }
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
        Ok(LinkDraft {
            article: article.to_string(),
            kind: Relation::likely_between(&from_end, to_end.as_ref()),
            from: from_end,
            to: to_end,
        })
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

/// Where each node was laid out and whether the person pinned it, by node id: what lets a
/// rebuilt graph keep its picture.
pub type Placement = HashMap<String, (crate::core::layout::P, bool)>;

/// Lays out a graph starting from where its nodes were (`memory`): nudged from there when
/// any node was placed before, laid out afresh otherwise; pinned nodes stay. New positions
/// are written back to `memory`.
pub fn lay_out(g: &Graph, memory: &mut Placement) -> crate::core::layout::Layout {
    use crate::core::layout::{layout, seed_positions, Params, P};
    let edges = g.layout_edges();
    let (prev, pinned): (Vec<Option<P>>, Vec<bool>) = g
        .nodes
        .iter()
        .map(|x| match memory.get(&x.id) {
            Some(&(p, pin)) => (Some(p), pin),
            None => (None, false),
        })
        .unzip();
    let params = if prev.iter().any(Option::is_some) {
        Params::warm()
    } else {
        Params::default()
    };
    let start = seed_positions(g.nodes.len(), &edges, &prev, params.spring_length);
    let l = layout(g.nodes.len(), &edges, &start, &pinned, &params);
    for ((x, p), pin) in g.nodes.iter().zip(&l.positions).zip(&pinned) {
        memory.insert(x.id.clone(), (*p, *pin));
    }
    l
}

/// A reproducible random graph of `n` nodes and about `m` edges (a linear congruential
/// generator, seed 42), for benchmarks: the same graph natively, in wasm and in JavaScript
/// (`tests/e2e/bench.mjs` generates the same edge list).
pub fn synthetic_edges(n: usize, m: usize) -> Vec<(usize, usize)> {
    let mut r = crate::core::layout::Lcg(42);
    let mut next = || r.next_usize();
    if n == 0 {
        return Vec::new();
    }
    (0..m)
        .map(|_| (next() % n, next() % n))
        .filter(|(a, b)| a != b)
        .collect()
}

/// A synthetic graph for benchmarks: `synthetic_edges` with nodes of every kind.
pub fn synthetic(n: usize, m: usize) -> Graph {
    let mut g = Graph {
        nodes: (0..n)
            .map(|i| Node {
                id: format!("n{i}"),
                kind: NodeKind::ALL[i % NodeKind::ALL.len()],
                label: format!("Node {i}"),
                aliases: Vec::new(),
                mentions: Vec::new(),
                articles: Vec::new(),
                degree: 0,
                claim: None,
            })
            .collect(),
        edges: synthetic_edges(n, m)
            .into_iter()
            .enumerate()
            .map(|(k, (from, to))| Edge {
                from,
                to,
                kind: [Relation::Said, Relation::About, Relation::CoMention][k % 3],
                weight: 1.0,
                note: String::new(),
                link: None,
            })
            .collect(),
        articles: Vec::new(),
    };
    for k in 0..g.edges.len() {
        let (a, b) = (g.edges[k].from, g.edges[k].to);
        g.nodes[a].degree += 1;
        g.nodes[b].degree += 1;
    }
    g
}

/// Which nodes and edges a view shows: kinds, relation types, a search, a focus node.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub kinds: Vec<NodeKind>,
    pub relations: Vec<Relation>,
    /// Case-insensitive text the label, aliases or claimant must contain (empty: all).
    pub search: String,
    /// Show only this node and its neighbours (over the shown relations).
    pub focus: Option<usize>,
    /// Hide entity nodes with no shown edge.
    pub hide_isolated: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            kinds: NodeKind::ALL.to_vec(),
            relations: Relation::ALL.to_vec(),
            search: String::new(),
            focus: None,
            hide_isolated: false,
        }
    }
}

/// The nodes and edges a view shows (as flags over `graph.nodes` and `graph.edges`).
#[derive(Clone, Debug, PartialEq)]
pub struct Visible {
    pub nodes: Vec<bool>,
    pub edges: Vec<bool>,
}

impl Visible {
    /// Node `h` and its neighbours over the shown edges (what stays lit while `h` is
    /// hovered); `None` when `h` is not a node.
    pub fn neighbourhood(&self, g: &Graph, h: usize) -> Option<Vec<bool>> {
        let mut on = vec![false; g.nodes.len()];
        *on.get_mut(h)? = true;
        for (k, e) in g.edges.iter().enumerate() {
            if self.edges.get(k).copied().unwrap_or(false) && (e.from == h || e.to == h) {
                on[e.from] = true;
                on[e.to] = true;
            }
        }
        Some(on)
    }

    /// The pan and zoom `(x, y, scale)` that fit the shown nodes at `pos` into a drawing
    /// area of `w` × `h`, leaving room for the labels that run to the right of nodes.
    pub fn fit(&self, pos: &[crate::core::layout::P], w: f64, h: f64) -> Transform {
        let (mut lx, mut ly, mut hx, mut hy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut any = false;
        for (i, p) in pos.iter().enumerate() {
            if self.nodes.get(i).copied().unwrap_or(false) {
                any = true;
                lx = lx.min(p.x);
                ly = ly.min(p.y);
                hx = hx.max(p.x);
                hy = hy.max(p.y);
            }
        }
        if !any {
            return (w / 2.0, h / 2.0, 1.0);
        }
        let k = ((w - 170.0).max(60.0) / (hx - lx).max(1.0))
            .min((h - 60.0).max(60.0) / (hy - ly).max(1.0))
            .clamp(0.05, 2.0);
        (
            (w - 110.0) / 2.0 - k * (lx + hx) / 2.0,
            h / 2.0 - k * (ly + hy) / 2.0,
            k,
        )
    }
}

/// Pan and zoom of the drawing, `(x, y, k)`: graph point p shows at (x + k·p.x, y + k·p.y).
pub type Transform = (f64, f64, f64);

/// The zoom factor of a wheel turn of `delta_y` pixels: 1.0015 per pixel, in for a negative
/// delta, out for a positive one (a rational step: no `exp`, whose libm code weighs in wasm).
pub fn wheel_factor(delta_y: f64) -> f64 {
    let s = 1.0 + delta_y.abs() * 0.0015;
    if delta_y > 0.0 {
        1.0 / s
    } else {
        s
    }
}

/// Zooms by `factor` about the screen point `at`, which stays where it is; the zoom stays
/// between 0.05 and 8.
pub fn zoom_at((x, y, k): Transform, at: (f64, f64), factor: f64) -> Transform {
    let nk = (k * factor).clamp(0.05, 8.0);
    let (px, py) = at;
    (px - (px - x) * nk / k, py - (py - y) * nk / k, nk)
}

/// The graph point under the screen point `at`.
pub fn to_graph((x, y, k): Transform, at: (f64, f64)) -> crate::core::layout::P {
    crate::core::layout::P {
        x: (at.0 - x) / k,
        y: (at.1 - y) / k,
    }
}

/// Pans (keeping the zoom) so that graph point `p` is centred in a `w` × `h` area, unless
/// it shows there already.
pub fn bring_into_view(t: Transform, p: crate::core::layout::P, w: f64, h: f64) -> Transform {
    let (x, y, k) = t;
    let (sx, sy) = (x + p.x * k, y + p.y * k);
    if sx < 0.0 || sy < 0.0 || sx > w || sy > h {
        (w / 2.0 - p.x * k, h / 2.0 - p.y * k, k)
    } else {
        t
    }
}

impl View {
    pub fn apply(&self, g: &Graph) -> Visible {
        let q = self.search.trim().to_lowercase();
        let matches = |n: &Node| {
            q.is_empty()
                || n.label.to_lowercase().contains(&q)
                || n.aliases.iter().any(|a| a.to_lowercase().contains(&q))
                || n.claim
                    .as_ref()
                    .is_some_and(|c| c.claimant.to_lowercase().contains(&q))
        };
        let mut nodes: Vec<bool> = g
            .nodes
            .iter()
            .map(|n| self.kinds.contains(&n.kind))
            .collect();
        let edge_ok = |e: &Edge, nodes: &[bool]| {
            self.relations.contains(&e.kind) && nodes[e.from] && nodes[e.to]
        };
        if let Some(f) = self.focus.filter(|&f| f < g.nodes.len()) {
            let mut keep = vec![false; g.nodes.len()];
            keep[f] = true;
            for e in &g.edges {
                if edge_ok(e, &nodes) {
                    if e.from == f {
                        keep[e.to] = true;
                    } else if e.to == f {
                        keep[e.from] = true;
                    }
                }
            }
            nodes = keep;
        }
        if !q.is_empty() {
            // matching nodes and their neighbours stay
            let hit: Vec<bool> = g
                .nodes
                .iter()
                .zip(&nodes)
                .map(|(n, &v)| v && matches(n))
                .collect();
            let mut keep = hit.clone();
            for e in &g.edges {
                if edge_ok(e, &nodes) {
                    if hit[e.from] {
                        keep[e.to] = true;
                    }
                    if hit[e.to] {
                        keep[e.from] = true;
                    }
                }
            }
            nodes = keep;
        }
        if self.hide_isolated {
            let mut linked = vec![false; g.nodes.len()];
            for e in &g.edges {
                if edge_ok(e, &nodes) {
                    linked[e.from] = true;
                    linked[e.to] = true;
                }
            }
            for (i, n) in g.nodes.iter().enumerate() {
                if n.kind != NodeKind::Claim && !linked[i] {
                    nodes[i] = false;
                }
            }
        }
        let edges = g.edges.iter().map(|e| edge_ok(e, &nodes)).collect();
        Visible { nodes, edges }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::extract::extract;
    use crate::core::parse::parse_str;
    use crate::core::relations::Link;

    const TEXT: &str = "Talks stall\nDonald Trump said Ukraine must cede land. Zelenskyy said Ukraine will never give up territory. Trump met President Vladimir Putin in Alaska.";

    fn article() -> Article {
        let mut a = Article::new("a1".into(), parse_str(TEXT, None), None, "t");
        let t = a.doc.text().to_string();
        let s1 = t.find("Ukraine must").unwrap();
        let s2 = t.find("Ukraine will").unwrap();
        let fields = |who: &str| ClaimFields {
            claimant: who.into(),
            ..Default::default()
        };
        a.add_claim(
            "c1".into(),
            Span::new(s1, s1 + 22),
            fields("Donald Trump"),
            "t",
        )
        .unwrap();
        a.add_claim(
            "c2".into(),
            Span::new(s2, s2 + 38),
            fields("Zelenskyy"),
            "t",
        )
        .unwrap();
        a
    }

    /// The graph of one article with its extraction.
    fn graph_of(a: &Article, x: &Extraction, ids: &Identities) -> Graph {
        build(
            &[Source {
                article: a,
                extraction: Some(x),
            }],
            ids,
        )
    }

    #[test]
    fn the_graph_follows_the_persons_entity_decisions() {
        use crate::core::extract::{extract, Label};
        let mut a = article();
        let x = extract(&a.doc);
        let kind = |g: &Graph, id: &str| g.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
        let g = graph_of(&a, &x, &Identities::default());
        assert_eq!(kind(&g, "e:alaska"), Some(NodeKind::Place));
        assert_eq!(kind(&g, "e:ukraine"), Some(NodeKind::Place));
        let at = |a: &Article, w: &str| {
            let t = a.doc.text();
            t.match_indices(w)
                .map(|(i, _)| Span::new(i, i + w.len()))
                .collect::<Vec<_>>()
        };
        // a class changed (every mention), a false entity removed, a missed one marked
        let ukraine = at(&a, "Ukraine");
        a.fix_entities(&ukraine, Some(Label::Org), "t").unwrap();
        a.fix_entities(&at(&a, "Alaska"), None, "t").unwrap();
        a.fix_entities(&at(&a, "Talks"), Some(Label::Norp), "t")
            .unwrap();
        let g = graph_of(&a, &x, &Identities::default());
        assert_eq!(kind(&g, "e:ukraine"), Some(NodeKind::Org));
        let u = g.nodes.iter().find(|n| n.id == "e:ukraine").unwrap();
        assert_eq!(u.mentions.len(), 2);
        assert_eq!(kind(&g, "e:alaska"), None, "removed, with its edges");
        assert!(g
            .edges
            .iter()
            .all(|e| g.nodes[e.from].id != "e:alaska" && g.nodes[e.to].id != "e:alaska"));
        assert_eq!(kind(&g, "e:talks"), Some(NodeKind::Group));
        // Putin keeps his co-mention with Trump, whose sentence lost Alaska
        let putin = g
            .nodes
            .iter()
            .position(|n| n.label.contains("Putin"))
            .unwrap();
        assert!(g
            .edges
            .iter()
            .any(|e| e.kind == Relation::CoMention && (e.from == putin || e.to == putin)));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer_and_panning_brings_nodes_into_view() {
        use crate::core::layout::P;
        let t = (40.0, -20.0, 1.5);
        let at = (300.0, 200.0);
        let under = to_graph(t, at);
        for f in [wheel_factor(-120.0), wheel_factor(120.0), 1.25, 0.8] {
            let z = zoom_at(t, at, f);
            let again = to_graph(z, at);
            assert!((again.x - under.x).abs() < 1e-9 && (again.y - under.y).abs() < 1e-9);
        }
        // in and out by the same wheel turn cancel; the zoom stays in range
        assert!((wheel_factor(-50.0) * wheel_factor(50.0) - 1.0).abs() < 1e-12);
        assert!(wheel_factor(-100.0) > 1.0 && wheel_factor(100.0) < 1.0);
        assert_eq!(zoom_at(t, at, 1000.0).2, 8.0);
        assert_eq!(zoom_at(t, at, 1e-6).2, 0.05);
        // about the graph origin (the zoom buttons), the pan stays
        let z = zoom_at(t, (t.0, t.1), 1.25);
        assert_eq!((z.0, z.1), (t.0, t.1));
        // a shown point stays put; one off the area is centred at the same zoom
        assert_eq!(bring_into_view(t, P { x: 10.0, y: 30.0 }, 600.0, 400.0), t);
        let c = bring_into_view(t, P { x: 1000.0, y: 30.0 }, 600.0, 400.0);
        assert_eq!(c, (300.0 - 1500.0, 200.0 - 45.0, 1.5));
    }

    #[test]
    fn links_drawn_between_nodes_live_in_their_claims_article() {
        let a = article();
        let mut b = Article::new("a2".into(), parse_str(TEXT, None), None, "t");
        let s = b.doc.text().find("Ukraine must").unwrap();
        b.add_claim(
            "c9".into(),
            Span::new(s, s + 22),
            ClaimFields::default(),
            "t",
        )
        .unwrap();
        let g = build(
            &[
                Source {
                    article: &a,
                    extraction: None,
                },
                Source {
                    article: &b,
                    extraction: None,
                },
            ],
            &Identities::default(),
        );
        let (c1, c2) = (
            g.claim_node("a1", "c1").unwrap(),
            g.claim_node("a1", "c2").unwrap(),
        );
        let (c9, trump) = (
            g.claim_node("a2", "c9").unwrap(),
            g.node("e:donald trump").unwrap(),
        );
        let zel = g.node("e:zelenskyy").unwrap();
        let d = g.draft_link(c1, Some(c2), Some("a2")).unwrap();
        assert_eq!(
            d,
            LinkDraft {
                article: "a1".into(),
                from: End::Claim("c1".into()),
                to: Some(End::Claim("c2".into())),
                kind: Relation::Contradicts,
            }
        );
        // an entity to a claim: the claim's article, "said"; a claim alone: its article
        let d = g.draft_link(trump, Some(c9), Some("a1")).unwrap();
        assert_eq!((d.article.as_str(), d.kind), ("a2", Relation::Said));
        assert_eq!(d.from, End::Entity("Donald Trump".into()));
        let d = g.draft_link(c9, None, None).unwrap();
        assert_eq!(
            (d.article.as_str(), d.to, d.kind),
            ("a2", None, Relation::Related)
        );
        // two entities live in the open article, and need one
        let d = g.draft_link(trump, Some(zel), Some("a1")).unwrap();
        assert_eq!((d.article.as_str(), d.kind), ("a1", Relation::Related));
        assert!(g.draft_link(trump, Some(zel), None).is_err());
        // claims of two articles cannot be linked; a vanished node is refused
        assert!(g.draft_link(c1, Some(c9), Some("a1")).is_err());
        assert!(g.draft_link(g.nodes.len(), None, Some("a1")).is_err());
    }

    fn link(from: End, to: End, kind: Relation) -> Link {
        Link {
            id: "l1".into(),
            from,
            to,
            kind,
            note: "opposite".into(),
            created: "t".into(),
        }
    }

    #[test]
    fn claims_claimants_entities_and_links() {
        let mut a = article();
        let ids = Identities::default();
        a.add_link(
            link(
                End::Claim("c2".into()),
                End::Claim("c1".into()),
                Relation::Contradicts,
            ),
            &ids,
            "t",
        )
        .unwrap();
        let x = extract(&a.doc);
        let g = graph_of(&a, &x, &ids);
        let trump = g.node("e:donald trump").expect("Trump");
        let zel = g.node("e:zelenskyy").expect("Zelenskyy");
        let ukraine = g.node("e:ukraine").expect("Ukraine");
        let c1 = g.claim_node("a1", "c1").unwrap();
        let c2 = g.claim_node("a1", "c2").unwrap();
        assert_eq!(g.nodes[trump].kind, NodeKind::Person);
        assert_eq!(g.nodes[ukraine].kind, NodeKind::Place);
        assert_eq!(g.nodes[trump].mentions.len(), 2, "Donald Trump, Trump");
        assert!(g.nodes[trump].aliases.contains(&"Trump".to_string()));
        let has = |f: usize, t: usize, k: Relation| {
            g.edges
                .iter()
                .any(|e| e.from == f && e.to == t && e.kind == k)
        };
        assert!(has(trump, c1, Relation::Said));
        assert!(has(zel, c2, Relation::Said));
        assert!(has(c1, ukraine, Relation::About));
        assert!(has(c2, c1, Relation::Contradicts));
        let contra = g
            .edges
            .iter()
            .find(|e| e.kind == Relation::Contradicts)
            .unwrap();
        assert_eq!(contra.note, "opposite");
        assert_eq!(contra.link.as_deref(), Some("l1"));
        // Trump and Ukraine share one sentence; Trump, Putin and Alaska another
        let co = |a: usize, b: usize| {
            g.edges
                .iter()
                .find(|e| e.kind == Relation::CoMention && e.from == a.min(b) && e.to == a.max(b))
                .map(|e| e.weight)
        };
        assert_eq!(co(trump, ukraine), Some(1.0));
        assert_eq!(co(trump, g.node("e:vladimir putin").unwrap()), Some(1.0));
        let degree: usize = g.nodes.iter().map(|n| n.degree).sum();
        assert_eq!(degree, 2 * g.edges.len());
        // deterministic
        assert_eq!(g, graph_of(&a, &x, &ids));
    }

    #[test]
    fn merged_entities_are_one_node_across_articles() {
        let a = article();
        let mut b = Article::new(
            "a2".into(),
            parse_str("Other\nThe president Trump spoke in Kyiv.", None),
            None,
            "t",
        );
        b.add_claim(
            "c9".into(),
            Span::new(6, 20),
            ClaimFields {
                claimant: "D. Trump".into(),
                ..Default::default()
            },
            "t",
        )
        .unwrap();
        let (xa, xb) = (extract(&a.doc), extract(&b.doc));
        let src = [
            Source {
                article: &a,
                extraction: Some(&xa),
            },
            Source {
                article: &b,
                extraction: Some(&xb),
            },
        ];
        let mut ids = Identities::default();
        let g = build(&src, &ids);
        assert!(g.node("e:d trump").is_some(), "not merged yet");
        ids.merge("D. Trump", "Donald Trump");
        let g = build(&src, &ids);
        assert!(g.node("e:d trump").is_none());
        let t = g.node("e:donald trump").unwrap();
        assert_eq!(g.nodes[t].articles, ["a1", "a2"]);
        assert!(g.nodes[t].aliases.contains(&"d trump".to_string()));
        let c9 = g.claim_node("a2", "c9").unwrap();
        assert!(g
            .edges
            .iter()
            .any(|e| e.from == t && e.to == c9 && e.kind == Relation::Said));
        ids.split("D. Trump");
        assert!(build(&src, &ids).node("e:d trump").is_some(), "split again");
    }

    #[test]
    fn a_rebuilt_graph_keeps_its_picture_and_its_pins() {
        let mut a = article();
        let x = extract(&a.doc);
        let ids = Identities::default();
        let mut memory = Placement::new();
        let first = graph_of(&a, &x, &ids);
        let l1 = lay_out(&first, &mut memory);
        assert_eq!(memory.len(), first.nodes.len());
        // pin Putin somewhere else, add a link: the rest is nudged, Putin stays
        let putin = first.node("e:vladimir putin").unwrap();
        let spot = crate::core::layout::P {
            x: 500.0,
            y: -300.0,
        };
        memory.insert(first.nodes[putin].id.clone(), (spot, true));
        a.add_link(
            link(
                End::Claim("c1".into()),
                End::Entity("Alaska".into()),
                Relation::About,
            ),
            &ids,
            "t",
        )
        .unwrap();
        let second = graph_of(&a, &x, &ids);
        let l2 = lay_out(&second, &mut memory);
        assert_eq!(l2.positions[second.node("e:vladimir putin").unwrap()], spot);
        let extent = l1
            .positions
            .iter()
            .map(|p| p.x.hypot(p.y))
            .fold(0.0, f64::max);
        let zel = (
            first.node("e:zelenskyy").unwrap(),
            second.node("e:zelenskyy").unwrap(),
        );
        let (p, q) = (l1.positions[zel.0], l2.positions[zel.1]);
        assert!(
            (p.x - q.x).hypot(p.y - q.y) < extent * 0.25,
            "nudged, not reshuffled"
        );
    }

    #[test]
    fn hover_lights_shown_neighbours_and_fit_frames_the_shown_nodes() {
        let a = article();
        let x = extract(&a.doc);
        let g = graph_of(&a, &x, &Identities::default());
        let zel = g.node("e:zelenskyy").unwrap();
        let all = View::default().apply(&g);
        let lit = all.neighbourhood(&g, zel).unwrap();
        let mut expect = g.neighbours(zel, &Relation::ALL);
        expect.push(zel);
        expect.sort();
        assert_eq!(
            (0..g.nodes.len()).filter(|&i| lit[i]).collect::<Vec<_>>(),
            expect
        );
        assert!(all.neighbourhood(&g, 999).is_none());
        // a hidden relation lights nothing
        let said_hidden = View {
            relations: vec![Relation::CoMention],
            ..View::default()
        }
        .apply(&g);
        let lit = said_hidden.neighbourhood(&g, zel).unwrap();
        // (only co-mentions light up: Zelenskyy's said edges are hidden)
        let co = g.neighbours(zel, &[Relation::CoMention]).len();
        assert!(g.neighbours(zel, &Relation::ALL).len() > co);
        assert_eq!(lit.iter().filter(|&&b| b).count(), 1 + co);
        // fitting: every shown node lands inside the area, left of the label room
        use crate::core::layout::P;
        let pos: Vec<P> = (0..g.nodes.len())
            .map(|i| P {
                x: i as f64 * 37.0 - 300.0,
                y: (i % 5) as f64 * 90.0,
            })
            .collect();
        let (tx, ty, k) = all.fit(&pos, 800.0, 500.0);
        for p in &pos {
            let (sx, sy) = (tx + k * p.x, ty + k * p.y);
            assert!(
                (0.0..=800.0 - 100.0).contains(&sx) && (0.0..=500.0).contains(&sy),
                "{sx},{sy}"
            );
        }
        let none = View {
            kinds: vec![],
            ..View::default()
        }
        .apply(&g);
        assert_eq!(none.fit(&pos, 800.0, 500.0), (400.0, 250.0, 1.0));
    }

    #[test]
    fn views_filter_search_and_focus() {
        let a = article();
        let x = extract(&a.doc);
        let g = graph_of(&a, &x, &Identities::default());
        let all = View::default().apply(&g);
        assert!(all.nodes.iter().all(|&v| v));
        let claims_only = View {
            kinds: vec![NodeKind::Claim],
            ..View::default()
        }
        .apply(&g);
        assert!(g
            .nodes
            .iter()
            .zip(&claims_only.nodes)
            .all(|(n, &v)| v == (n.kind == NodeKind::Claim)));
        assert!(claims_only.edges.iter().all(|&v| !v));
        let zel = g.node("e:zelenskyy").unwrap();
        let focus = View {
            focus: Some(zel),
            ..View::default()
        }
        .apply(&g);
        let shown: Vec<usize> = (0..g.nodes.len()).filter(|&i| focus.nodes[i]).collect();
        let mut expect = g.neighbours(zel, &Relation::ALL);
        expect.push(zel);
        expect.sort();
        assert_eq!(shown, expect);
        let found = View {
            search: "putin".into(),
            ..View::default()
        }
        .apply(&g);
        assert!(found.nodes[g.node("e:vladimir putin").unwrap()]);
        assert!(!found.nodes[g.node("e:zelenskyy").unwrap()]);
        let no_co = View {
            relations: vec![Relation::Said],
            hide_isolated: true,
            ..View::default()
        }
        .apply(&g);
        assert!(!no_co.nodes[g.node("e:vladimir putin").unwrap()]);
        assert!(no_co.nodes[zel]);
    }
}
