//! Force-directed graph layout (groundwork for the relationship graph, issue 4): springs on
//! edges, Barnes-Hut repulsion between all nodes (a quadtree, O(n log n) per iteration),
//! gentle gravity to the centre. Deterministic: no randomness, initial positions from node
//! indices (a sunflower spiral) or from a previous layout, so adding a node nudges the
//! picture instead of reshuffling it. Pinned nodes stay where they are. Pure, no panics.

/// A point or a vector in layout space.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct P {
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// Rest length of an edge spring.
    pub spring_length: f64,
    pub spring_strength: f64,
    /// Repulsion constant between every pair of nodes.
    pub repulsion: f64,
    pub gravity: f64,
    /// Barnes-Hut opening angle: 0 is exact, larger is faster and rougher.
    pub theta: f64,
    /// Largest step a node may take in one iteration (the temperature), cooled each step.
    pub max_step: f64,
    pub cooling: f64,
    /// Converged when no node moves more than this in an iteration.
    pub tolerance: f64,
    pub max_iterations: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            spring_length: 30.0,
            spring_strength: 0.05,
            repulsion: 900.0,
            gravity: 0.01,
            theta: 0.8,
            max_step: 10.0,
            cooling: 0.985,
            tolerance: 0.05,
            max_iterations: 1000,
        }
    }
}

impl Params {
    /// For updating a layout that already settled (a node added, one dragged): a low
    /// starting temperature, so the picture is nudged, not reshuffled.
    pub fn warm() -> Params {
        Params {
            max_step: 1.0,
            ..Params::default()
        }
    }
}

/// The result of a layout run.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub positions: Vec<P>,
    pub iterations: usize,
    pub converged: bool,
}

/// Initial position of node `i` of `n`: a sunflower spiral, evenly filling a disc.
pub fn spiral(i: usize, spacing: f64) -> P {
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let r = spacing * (i as f64 + 0.5).sqrt();
    let a = i as f64 * golden;
    P {
        x: r * a.cos(),
        y: r * a.sin(),
    }
}

/// Where a new node starts: at the centroid of its already-placed neighbours, nudged so
/// that no two nodes coincide, else on the spiral.
pub fn seed_positions(
    n: usize,
    edges: &[(usize, usize, f64)],
    previous: &[Option<P>],
    spacing: f64,
) -> Vec<P> {
    let mut pos: Vec<Option<P>> = (0..n).map(|i| previous.get(i).copied().flatten()).collect();
    for i in 0..n {
        if pos[i].is_some() {
            continue;
        }
        let (mut sx, mut sy, mut k) = (0.0, 0.0, 0.0);
        for &(a, b, _) in edges {
            let other = if a == i {
                b
            } else if b == i {
                a
            } else {
                continue;
            };
            if let Some(Some(p)) = pos.get(other) {
                sx += p.x;
                sy += p.y;
                k += 1.0;
            }
        }
        let off = spiral(i, spacing * 0.25);
        pos[i] = Some(if k > 0.0 {
            P {
                x: sx / k + off.x * 0.1,
                y: sy / k + off.y * 0.1,
            }
        } else {
            spiral(i, spacing)
        });
    }
    pos.into_iter().map(|p| p.unwrap_or_default()).collect()
}

/// A quadtree cell: total mass and centre of mass, children or a single body.
struct Cell {
    cx: f64,
    cy: f64,
    half: f64,
    mass: f64,
    mx: f64,
    my: f64,
    children: Option<Box<[Cell; 4]>>,
    body: Option<usize>,
}

impl Cell {
    fn new(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            children: None,
            body: None,
        }
    }

    fn quadrant(&self, p: P) -> usize {
        (if p.x >= self.cx { 1 } else { 0 }) + (if p.y >= self.cy { 2 } else { 0 })
    }

    fn split(&mut self) {
        let h = self.half / 2.0;
        let (x, y) = (self.cx, self.cy);
        self.children = Some(Box::new([
            Cell::new(x - h, y - h, h),
            Cell::new(x + h, y - h, h),
            Cell::new(x - h, y + h, h),
            Cell::new(x + h, y + h, h),
        ]));
    }

    fn insert(&mut self, i: usize, p: P, pos: &[P], depth: usize) {
        self.mx = (self.mx * self.mass + p.x) / (self.mass + 1.0);
        self.my = (self.my * self.mass + p.y) / (self.mass + 1.0);
        self.mass += 1.0;
        if self.children.is_none() {
            match self.body {
                None => {
                    self.body = Some(i);
                    return;
                }
                // two bodies at (almost) one point: keep them together past a depth limit
                Some(_) if depth > 40 => return,
                Some(j) => {
                    self.body = None;
                    self.split();
                    let q = self.quadrant(pos[j]);
                    if let Some(c) = self.children.as_mut() {
                        c[q].insert(j, pos[j], pos, depth + 1);
                    }
                }
            }
        }
        let q = self.quadrant(p);
        if let Some(c) = self.children.as_mut() {
            c[q].insert(i, p, pos, depth + 1);
        }
    }

    /// Repulsive force on a body at `p` (index `i`) from this cell.
    fn force(&self, i: usize, p: P, params: &Params, out: &mut P) {
        if self.mass == 0.0 || (self.body == Some(i) && self.children.is_none()) {
            return;
        }
        let dx = p.x - self.mx;
        let dy = p.y - self.my;
        let d2 = dx * dx + dy * dy;
        let far = self.children.is_none()
            || (2.0 * self.half) * (2.0 * self.half) < params.theta * params.theta * d2;
        if far {
            let d2 = d2.max(0.01);
            let f = params.repulsion * self.mass / d2;
            let d = d2.sqrt();
            out.x += f * dx / d;
            out.y += f * dy / d;
        } else if let Some(c) = &self.children {
            for child in c.iter() {
                child.force(i, p, params, out);
            }
        }
    }
}

/// Repulsive force on every node from all others, by Barnes-Hut (exact when `theta` is 0).
pub fn repulsion(pos: &[P], params: &Params, out: &mut [P]) {
    let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pos {
        lo_x = lo_x.min(p.x);
        lo_y = lo_y.min(p.y);
        hi_x = hi_x.max(p.x);
        hi_y = hi_y.max(p.y);
    }
    if pos.is_empty() {
        return;
    }
    let half = ((hi_x - lo_x).max(hi_y - lo_y) / 2.0).max(1.0) * 1.01;
    let mut root = Cell::new((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0, half);
    for (i, p) in pos.iter().enumerate() {
        root.insert(i, *p, pos, 0);
    }
    for (i, f) in out.iter_mut().enumerate().take(pos.len()) {
        *f = P::default();
        root.force(i, pos[i], params, f);
    }
}

/// Lays out a graph of `n` nodes. `edges` are (a, b, weight); `start` gives starting
/// positions (see `seed_positions`); `pinned[i]` keeps node i in place.
pub fn layout(
    n: usize,
    edges: &[(usize, usize, f64)],
    start: &[P],
    pinned: &[bool],
    params: &Params,
) -> Layout {
    let mut pos: Vec<P> = (0..n)
        .map(|i| {
            start
                .get(i)
                .copied()
                .unwrap_or_else(|| spiral(i, params.spring_length))
        })
        .collect();
    let edges: Vec<(usize, usize, f64)> = edges
        .iter()
        .copied()
        .filter(|&(a, b, _)| a < n && b < n && a != b)
        .collect();
    let mut step = params.max_step;
    let mut force = vec![P::default(); n];
    for it in 0..params.max_iterations {
        if n == 0 {
            return Layout {
                positions: pos,
                iterations: 0,
                converged: true,
            };
        }
        repulsion(&pos, params, &mut force);
        for (f, p) in force.iter_mut().zip(&pos) {
            f.x -= params.gravity * p.x;
            f.y -= params.gravity * p.y;
        }
        for &(a, b, w) in &edges {
            let dx = pos[b].x - pos[a].x;
            let dy = pos[b].y - pos[a].y;
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f =
                params.spring_strength * w.max(0.0).sqrt().max(0.5) * (d - params.spring_length);
            let (fx, fy) = (f * dx / d, f * dy / d);
            force[a].x += fx;
            force[a].y += fy;
            force[b].x -= fx;
            force[b].y -= fy;
        }
        let mut moved: f64 = 0.0;
        for i in 0..n {
            if pinned.get(i).copied().unwrap_or(false) {
                continue;
            }
            let f = force[i];
            let len = (f.x * f.x + f.y * f.y).sqrt();
            if !len.is_finite() || len == 0.0 {
                continue;
            }
            let s = len.min(step);
            pos[i].x += f.x / len * s;
            pos[i].y += f.y / len * s;
            moved = moved.max(s);
        }
        step = (step * params.cooling).max(params.tolerance / 2.0);
        if moved < params.tolerance {
            return Layout {
                positions: pos,
                iterations: it + 1,
                converged: true,
            };
        }
    }
    Layout {
        positions: pos,
        iterations: params.max_iterations,
        converged: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random graph (a linear congruential generator, no crate).
    fn graph(n: usize, m: usize) -> Vec<(usize, usize, f64)> {
        let mut x: u64 = 42;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize
        };
        (0..m)
            .map(|_| (next() % n, next() % n, 1.0 + (next() % 3) as f64))
            .collect()
    }

    fn energy_free_run(n: usize, edges: &[(usize, usize, f64)]) -> Layout {
        let start = seed_positions(n, edges, &[], 30.0);
        layout(n, edges, &start, &[], &Params::default())
    }

    #[test]
    fn layout_is_deterministic() {
        let e = graph(200, 600);
        assert_eq!(energy_free_run(200, &e), energy_free_run(200, &e));
    }

    #[test]
    fn layout_converges_and_spreads_nodes() {
        let e = graph(300, 900);
        let l = energy_free_run(300, &e);
        assert!(l.converged, "{} iterations", l.iterations);
        // no two nodes on top of each other
        let mut close = 0;
        for i in 0..300 {
            for j in i + 1..300 {
                let (a, b) = (l.positions[i], l.positions[j]);
                if (a.x - b.x).hypot(a.y - b.y) < 1.0 {
                    close += 1;
                }
            }
        }
        assert!(close < 3, "{close} overlapping pairs");
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected_ones() {
        let e = graph(150, 300);
        let l = energy_free_run(150, &e);
        let d = |a: usize, b: usize| {
            (l.positions[a].x - l.positions[b].x).hypot(l.positions[a].y - l.positions[b].y)
        };
        let linked: f64 = e
            .iter()
            .filter(|x| x.0 != x.1)
            .map(|&(a, b, _)| d(a, b))
            .sum::<f64>()
            / e.len() as f64;
        let all: f64 = (0..150)
            .flat_map(|a| (0..150).map(move |b| (a, b)))
            .filter(|(a, b)| a < b)
            .map(|(a, b)| d(a, b))
            .sum::<f64>()
            / (150.0 * 149.0 / 2.0);
        assert!(linked < all * 0.6, "linked {linked:.1} vs all {all:.1}");
    }

    #[test]
    fn adding_a_node_nudges_rather_than_reshuffles() {
        let e = graph(120, 300);
        let first = energy_free_run(120, &e);
        let mut e2 = e.clone();
        e2.push((0, 120, 1.0));
        let prev: Vec<Option<P>> = first.positions.iter().map(|p| Some(*p)).collect();
        let start = seed_positions(121, &e2, &prev, 30.0);
        let second = layout(121, &e2, &start, &[], &Params::warm());
        let mean_shift: f64 = (0..120)
            .map(|i| {
                (first.positions[i].x - second.positions[i].x)
                    .hypot(first.positions[i].y - second.positions[i].y)
            })
            .sum::<f64>()
            / 120.0;
        let size = first
            .positions
            .iter()
            .map(|p| p.x.hypot(p.y))
            .fold(0.0, f64::max);
        assert!(
            mean_shift < size * 0.05,
            "mean shift {mean_shift:.2} of a layout of radius {size:.1}"
        );
    }

    #[test]
    fn pinned_nodes_do_not_move() {
        let e = graph(50, 100);
        let start = seed_positions(50, &e, &[], 30.0);
        let mut pinned = vec![false; 50];
        pinned[7] = true;
        let l = layout(50, &e, &start, &pinned, &Params::default());
        assert_eq!(l.positions[7], start[7]);
    }

    #[test]
    fn barnes_hut_is_close_to_exact_repulsion() {
        let e = graph(400, 800);
        let pos = energy_free_run(400, &e).positions;
        let mut exact = vec![P::default(); 400];
        let mut approx = vec![P::default(); 400];
        repulsion(
            &pos,
            &Params {
                theta: 0.0,
                ..Params::default()
            },
            &mut exact,
        );
        repulsion(
            &pos,
            &Params {
                theta: 0.5,
                ..Params::default()
            },
            &mut approx,
        );
        let mut rel = 0.0;
        for (a, b) in exact.iter().zip(&approx) {
            let err = (a.x - b.x).hypot(a.y - b.y);
            rel += err / a.x.hypot(a.y).max(1e-9);
        }
        rel /= 400.0;
        assert!(rel < 0.05, "mean relative error {rel:.3}");
    }

    #[test]
    fn degenerate_graphs() {
        assert!(layout(0, &[], &[], &[], &Params::default()).converged);
        let one = layout(1, &[(0, 0, 1.0), (0, 5, 1.0)], &[], &[], &Params::default());
        assert!(one.positions[0].x.is_finite());
        // all nodes at one point do not blow up
        let same = vec![P { x: 1.0, y: 1.0 }; 20];
        let l = layout(20, &[], &same, &[], &Params::default());
        assert!(l
            .positions
            .iter()
            .all(|p| p.x.is_finite() && p.y.is_finite()));
    }
}
