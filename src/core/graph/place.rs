//! Layout that keeps the picture: positions remembered by node id, pins kept.

use super::Graph;
use crate::core::layout::P;
use std::collections::HashMap;

/// Where each node was laid out and whether the person pinned it, by node id: what lets a
/// rebuilt graph keep its picture.
pub type Placement = HashMap<String, Placed>;

/// Where a node was laid out, and whether the person pinned it there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub at: P,
    pub pinned: bool,
}

/// Lays out a graph starting from where its nodes were (`memory`): nudged from there when
/// any node was placed before, laid out afresh otherwise; pinned nodes stay. New positions
/// are written back to `memory`.
pub fn lay_out(g: &Graph, memory: &mut Placement) -> crate::core::layout::Layout {
    use crate::core::layout::{layout, seed_positions, Params};
    let edges = g.layout_edges();
    let (prev, pinned): (Vec<Option<P>>, Vec<bool>) = g
        .nodes
        .iter()
        .map(|x| match memory.get(&x.id) {
            Some(&Placed { at, pinned }) => (Some(at), pinned),
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
        memory.insert(
            x.id.clone(),
            Placed {
                at: *p,
                pinned: *pin,
            },
        );
    }
    l
}
