//! Where each node's label goes so that no two labels overlap: right of its node, left,
//! below or above, whichever first clears the labels already placed and the other nodes;
//! the most connected nodes are placed first, and a label that fits nowhere is left out
//! (the node's name stays in its hover title and its accessible name). In graph units, so
//! it holds at every zoom. Given the area on screen (in graph units), a side whose label
//! stays inside it is taken before one that would be cut off at its edge: on a narrow
//! drawing (a phone's) the labels of the outermost nodes turn inwards.

use crate::core::layout::P;

/// A node as the label placement sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelNode {
    pub at: P,
    /// The node's radius.
    pub r: f64,
    /// The label's width and height (as drawn: measured by the browser, or estimated).
    pub w: f64,
    pub h: f64,
    /// Shown in the view.
    pub shown: bool,
    /// Placement order: higher first (its degree).
    pub weight: usize,
}

/// Where a label stands against its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Below,
    Above,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Right, Side::Left, Side::Below, Side::Above];

    /// The text's anchor point relative to the node's centre and its `text-anchor`, for a
    /// label `h` high beside a node of radius `r` (the baseline sits a third of the height
    /// below the middle).
    pub fn anchor(self, r: f64, h: f64) -> (f64, f64, &'static str) {
        let gap = 3.0;
        match self {
            Side::Right => (r + gap, h / 3.0, "start"),
            Side::Left => (-(r + gap), h / 3.0, "end"),
            Side::Below => (0.0, r + gap + h * 0.8, "middle"),
            Side::Above => (0.0, -(r + gap + h * 0.2), "middle"),
        }
    }
}

/// An axis-aligned box: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box2 {
    pub l: f64,
    pub t: f64,
    pub r: f64,
    pub b: f64,
}

impl Box2 {
    pub fn overlaps(&self, o: &Box2) -> bool {
        self.l < o.r && o.l < self.r && self.t < o.b && o.t < self.b
    }

    pub fn contains(&self, o: &Box2) -> bool {
        self.l <= o.l && o.r <= self.r && self.t <= o.t && o.b <= self.b
    }
}

/// The box a label covers on `side` of node `n`.
pub fn label_box(n: &LabelNode, side: Side) -> Box2 {
    let (dx, base, anchor) = side.anchor(n.r, n.h);
    let x = n.at.x + dx;
    let l = match anchor {
        "start" => x,
        "end" => x - n.w,
        _ => x - n.w / 2.0,
    };
    // the baseline is `base` below the centre; the text rises about 0.8 of its height
    let top = n.at.y + base - n.h * 0.8;
    Box2 {
        l,
        t: top,
        r: l + n.w,
        b: top + n.h,
    }
}

/// The side each shown node's label takes, or `None` where it is left out. With `area`
/// (what the screen shows), a free side inside it first, then any free side.
pub fn place_labels(nodes: &[LabelNode], area: Option<Box2>) -> Vec<Option<Side>> {
    let mut order: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].shown).collect();
    crate::core::sort::sort_by_key(&mut order, |&i| std::cmp::Reverse(nodes[i].weight));
    let discs: Vec<Box2> = nodes
        .iter()
        .map(|n| Box2 {
            l: n.at.x - n.r,
            t: n.at.y - n.r,
            r: n.at.x + n.r,
            b: n.at.y + n.r,
        })
        .collect();
    let mut placed: Vec<Box2> = Vec::with_capacity(order.len());
    let mut out = vec![None; nodes.len()];
    for &i in &order {
        let n = &nodes[i];
        if n.w <= 0.0 {
            continue;
        }
        let free = |b: &Box2| {
            !placed.iter().any(|p| p.overlaps(b))
                && !order.iter().any(|&j| j != i && discs[j].overlaps(b))
        };
        let inside = |s: &Side| area.is_none_or(|a| a.contains(&label_box(n, *s)));
        let mut sides = Side::ALL.into_iter().filter(|s| free(&label_box(n, *s)));
        let first = sides.next();
        if let Some(side) = first
            .filter(inside)
            .or_else(|| sides.find(inside))
            .or(first)
        {
            placed.push(label_box(n, side));
            out[i] = Some(side);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(x: f64, y: f64, w: f64, weight: usize) -> LabelNode {
        LabelNode {
            at: P { x, y },
            r: 6.0,
            w,
            h: 12.0,
            shown: true,
            weight,
        }
    }

    #[test]
    fn a_lone_label_goes_right_of_its_node() {
        let s = place_labels(&[node(0.0, 0.0, 50.0, 1)], None);
        assert_eq!(s, [Some(Side::Right)]);
        let b = label_box(&node(0.0, 0.0, 50.0, 1), Side::Right);
        assert!(b.l > 6.0 && (b.r - b.l - 50.0).abs() < 1e-9);
    }

    #[test]
    fn labels_that_would_collide_move_aside_or_give_way() {
        // two nodes side by side: the second's right label would run into the first's
        let nodes = [
            node(0.0, 0.0, 80.0, 3),
            node(40.0, 0.0, 80.0, 1),
            node(20.0, 2.0, 80.0, 0),
        ];
        let s = place_labels(&nodes, None);
        // the most connected is placed first: its right is crossed by the next node, so
        // it takes its left
        assert_eq!(s[0], Some(Side::Left));
        let boxes: Vec<Box2> = s
            .iter()
            .zip(&nodes)
            .filter_map(|(s, n)| Some(label_box(n, (*s)?)))
            .collect();
        for (a, x) in boxes.iter().enumerate() {
            for y in &boxes[a + 1..] {
                assert!(!x.overlaps(y), "{x:?} {y:?}");
            }
        }
        // no label covers another shown node
        for (i, (s, n)) in s.iter().zip(&nodes).enumerate() {
            if let Some(s) = s {
                let b = label_box(n, *s);
                for (j, m) in nodes.iter().enumerate() {
                    let disc = Box2 {
                        l: m.at.x - m.r,
                        t: m.at.y - m.r,
                        r: m.at.x + m.r,
                        b: m.at.y + m.r,
                    };
                    assert!(i == j || !b.overlaps(&disc));
                }
            }
        }
    }

    #[test]
    fn labels_at_the_edge_of_the_area_turn_inwards() {
        let area = Box2 {
            l: -100.0,
            t: -100.0,
            r: 100.0,
            b: 100.0,
        };
        // near the right edge: its right label would be cut off, so it goes left
        let edge = node(80.0, 0.0, 30.0, 1);
        assert_eq!(place_labels(&[edge], Some(area)), [Some(Side::Left)]);
        assert_eq!(place_labels(&[edge], None), [Some(Side::Right)]);
        // its left taken by a node: below, still inside
        let s = place_labels(&[edge, node(45.0, 0.0, 10.0, 0)], Some(area));
        assert_eq!(s[0], Some(Side::Below));
        // too wide for the area on every side: it keeps its first free side rather than
        // being left out
        let wide = node(0.0, 0.0, 300.0, 1);
        assert_eq!(place_labels(&[wide], Some(area)), [Some(Side::Right)]);
        // inside the area: as without one
        let mid = node(0.0, 0.0, 50.0, 1);
        assert_eq!(place_labels(&[mid], Some(area)), [Some(Side::Right)]);
    }

    #[test]
    fn hidden_nodes_take_no_room_and_get_no_label() {
        let mut hidden = node(30.0, 0.0, 80.0, 9);
        hidden.shown = false;
        let s = place_labels(&[node(0.0, 0.0, 80.0, 1), hidden], None);
        assert_eq!(s, [Some(Side::Right), None]);
    }

    #[test]
    fn a_crowd_never_overlaps() {
        // a 10 × 10 grid 20 units apart with 60-unit labels: many must give way, none overlap
        let nodes: Vec<LabelNode> = (0..100)
            .map(|i| node((i % 10) as f64 * 20.0, (i / 10) as f64 * 20.0, 60.0, i % 7))
            .collect();
        let s = place_labels(&nodes, None);
        let boxes: Vec<Box2> = s
            .iter()
            .zip(&nodes)
            .filter_map(|(s, n)| Some(label_box(n, (*s)?)))
            .collect();
        assert!(!boxes.is_empty());
        for (a, x) in boxes.iter().enumerate() {
            for y in &boxes[a + 1..] {
                assert!(!x.overlaps(y));
            }
        }
    }
}
