//! Which nodes and edges a view shows, and the neighbourhood a hover lights.

use super::{Edge, Graph, Node, NodeKind, Transform};
use crate::core::relations::Relation;

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
    /// Every "mentioned together" edge, instead of each node's strongest few
    /// (`STRONGEST_CO_MENTIONS`): the whole set makes a hairball.
    pub all_co_mentions: bool,
}

/// How many "mentioned together" edges each node keeps when they are thinned: its
/// strongest (most shared sentences; the first found on a tie).
pub const STRONGEST_CO_MENTIONS: usize = 2;

impl Default for View {
    fn default() -> Self {
        View {
            kinds: NodeKind::ALL.to_vec(),
            relations: Relation::ALL.to_vec(),
            search: String::new(),
            focus: None,
            hide_isolated: false,
            all_co_mentions: false,
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

    /// The pan and zoom that fit the shown nodes at `pos` into a drawing area of `w` × `h`,
    /// centred, leaving room for labels on either side of the outermost nodes: 220 px in all
    /// on an area 520 px wide or more, less on a narrower one (a phone's), where a fixed
    /// 220 px would leave the drawing a sliver and its labels too small to read.
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
            return Transform {
                x: w / 2.0,
                y: h / 2.0,
                k: 1.0,
            };
        }
        // room for a label on either side (`labels` may put one left of its node)
        let room = label_room(w);
        let k = ((w - room).max(60.0) / (hx - lx).max(1.0))
            .min((h - 60.0).max(60.0) / (hy - ly).max(1.0))
            .clamp(0.05, 2.0);
        Transform {
            x: w / 2.0 - k * (lx + hx) / 2.0,
            y: h / 2.0 - k * (ly + hy) / 2.0,
            k,
        }
    }
}

/// The width `Visible::fit` keeps free for labels beside the outermost nodes of an area
/// `w` wide: 220 from 520 up, then `w - 300` down to 30% of `w` (continuous, so a pane
/// resized across the line refits without a jump).
pub fn label_room(w: f64) -> f64 {
    (w - 300.0).max(0.3 * w).min(220.0)
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
        let strong = if self.all_co_mentions {
            vec![true; g.edges.len()]
        } else {
            strongest_co_mentions(g)
        };
        let edge_ok = |k: usize, e: &Edge, nodes: &[bool]| {
            self.relations.contains(&e.kind) && strong[k] && nodes[e.from] && nodes[e.to]
        };
        if let Some(f) = self.focus.filter(|&f| f < g.nodes.len()) {
            let mut keep = vec![false; g.nodes.len()];
            keep[f] = true;
            for (k, e) in g.edges.iter().enumerate() {
                if edge_ok(k, e, &nodes) {
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
            for (k, e) in g.edges.iter().enumerate() {
                if edge_ok(k, e, &nodes) {
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
            for (k, e) in g.edges.iter().enumerate() {
                if edge_ok(k, e, &nodes) {
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
        let edges = g
            .edges
            .iter()
            .enumerate()
            .map(|(k, e)| edge_ok(k, e, &nodes))
            .collect();
        Visible { nodes, edges }
    }
}

/// For each edge, whether it is kept when "mentioned together" is thinned: every edge of
/// another relation, and a co-mention among the `STRONGEST_CO_MENTIONS` strongest of
/// either of its ends.
pub fn strongest_co_mentions(g: &Graph) -> Vec<bool> {
    let mut keep: Vec<bool> = g
        .edges
        .iter()
        .map(|e| e.kind != Relation::CoMention)
        .collect();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); g.nodes.len()];
    for (k, e) in g.edges.iter().enumerate() {
        if e.kind == Relation::CoMention {
            if let Some(v) = at.get_mut(e.from) {
                v.push(k);
            }
            if let Some(v) = at.get_mut(e.to) {
                v.push(k);
            }
        }
    }
    for mut v in at {
        // strongest first; a stable sort keeps the first found first on a tie
        crate::core::sort::sort_by_key(&mut v, |&k| {
            std::cmp::Reverse((g.edges[k].weight * 1000.0) as i64)
        });
        for k in v.into_iter().take(STRONGEST_CO_MENTIONS) {
            keep[k] = true;
        }
    }
    keep
}
