//! Reproducible graphs for benchmarks.

use super::{Edge, Graph, Node, NodeKind};
use crate::core::relations::Relation;

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
                entity: None,
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
