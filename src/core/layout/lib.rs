//! Force-directed graph layout for Gloss's relationship graph: springs on edges, Barnes-Hut
//! repulsion between all nodes (a quadtree rebuilt each iteration, walked once per group of
//! nearby nodes, O(n log n)), gentle gravity to the centre. Deterministic: no randomness, initial positions from node
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
    /// Settled when no node moves more than this fraction of the layout's extent (the
    /// diagonal of its bounding box) in one iteration.
    pub tolerance: f64,
    pub max_iterations: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            spring_length: 80.0,
            spring_strength: 0.05,
            repulsion: 6000.0,
            gravity: 0.01,
            theta: 1.2,
            max_step: 20.0,
            cooling: 0.985,
            tolerance: 0.001,
            max_iterations: 1000,
        }
    }
}

impl Params {
    /// For updating a layout that already settled (a node added, one dragged): a low
    /// starting temperature, so the picture is nudged, not reshuffled.
    pub fn warm() -> Params {
        Params {
            max_step: 2.0,
            ..Params::default()
        }
    }
}

/// A small reproducible pseudo-random sequence (a 64-bit linear congruential generator),
/// for synthetic graphs in tests and benchmarks: the same numbers natively, in wasm and in
/// the JavaScript of `tests/e2e/graph-bench.mjs`. Layouts themselves use no randomness.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next_usize(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
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
    let (c, s) = cos_sin(i as f64 * golden);
    P { x: r * c, y: r * s }
}

/// Cosine and sine without libm, whose double-precision trigonometry weighs 8 KB in wasm
/// (argument reduction tables): the angle is reduced to [-π, π] and summed as a power
/// series to the 21st power, which is within 1e-10 there. Only start positions use it.
pub fn cos_sin(a: f64) -> (f64, f64) {
    let tau = std::f64::consts::TAU;
    let x = a - (a / tau + 0.5).floor() * tau;
    let (mut c, mut s, mut term) = (0.0, 0.0, 1.0);
    for k in 0..22 {
        // term = x^k / k!
        match k % 4 {
            0 => c += term,
            1 => s += term,
            2 => c -= term,
            _ => s -= term,
        }
        term *= x / (k + 1) as f64;
    }
    (c, s)
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
    // neighbours of each node, found once (not by a scan of every edge per node)
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, _) in edges {
        if a < n && b < n {
            adj[a].push(b);
            adj[b].push(a);
        }
    }
    for i in 0..n {
        if pos[i].is_some() {
            continue;
        }
        let (mut sx, mut sy, mut k) = (0.0, 0.0, 0.0);
        for &other in &adj[i] {
            if let Some(p) = pos[other] {
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

/// A quadtree cell in an arena: its square, total mass and centre of mass, and either four
/// children (`child` is the first of four consecutive cells) or at most one body.
#[derive(Clone, Copy)]
struct Cell {
    cx: f64,
    cy: f64,
    half: f64,
    mass: f64,
    mx: f64,
    my: f64,
    child: u32,
    body: u32,
}

const NONE: u32 = u32::MAX;

impl Cell {
    fn new(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            child: NONE,
            body: NONE,
        }
    }
}

/// A Barnes-Hut quadtree over the positions, rebuilt each iteration into reused memory.
#[derive(Default)]
struct Tree {
    cells: Vec<Cell>,
    stack: Vec<u32>,
    /// Scratch for `forces`: the bodies of one group and its interaction list.
    group: Vec<u32>,
    list_x: Vec<f32>,
    list_y: Vec<f32>,
    list_m: Vec<f32>,
    list_body: Vec<u32>,
    placed: Vec<bool>,
}

/// Bodies that share one walk of the tree in `Tree::forces`.
const GROUP: f64 = 24.0;

impl Tree {
    fn build(&mut self, pos: &[P]) {
        self.cells.clear();
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in pos {
            lo_x = lo_x.min(p.x);
            lo_y = lo_y.min(p.y);
            hi_x = hi_x.max(p.x);
            hi_y = hi_y.max(p.y);
        }
        if pos.is_empty() || !(hi_x - lo_x).is_finite() || !(hi_y - lo_y).is_finite() {
            return;
        }
        let half = ((hi_x - lo_x).max(hi_y - lo_y) / 2.0).max(1.0) * 1.01;
        self.cells
            .push(Cell::new((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0, half));
        for (i, p) in pos.iter().enumerate() {
            self.insert(i as u32, *p, pos);
        }
        for c in &mut self.cells {
            if c.mass > 0.0 {
                c.mx /= c.mass;
                c.my /= c.mass;
            }
        }
    }

    fn insert(&mut self, i: u32, p: P, pos: &[P]) {
        let mut c = 0usize;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            // sums for now; `build` turns them into centres of mass
            cell.mx += p.x;
            cell.my += p.y;
            cell.mass += 1.0;
            if cell.child == NONE {
                if cell.body == NONE && cell.mass == 1.0 {
                    cell.body = i;
                    return;
                }
                // bodies at (almost) one point stay together past a depth limit
                if depth > 40 {
                    return;
                }
                // split: move the resident body one level down
                let (x, y, h) = (cell.cx, cell.cy, cell.half / 2.0);
                let resident = cell.body;
                let first = self.cells.len() as u32;
                self.cells[c].child = first;
                self.cells[c].body = NONE;
                self.cells.extend([
                    Cell::new(x - h, y - h, h),
                    Cell::new(x + h, y - h, h),
                    Cell::new(x - h, y + h, h),
                    Cell::new(x + h, y + h, h),
                ]);
                if resident != NONE {
                    let rp = pos[resident as usize];
                    let q = first as usize + self.quadrant(c, rp);
                    let r = &mut self.cells[q];
                    r.mx = rp.x;
                    r.my = rp.y;
                    r.mass = 1.0;
                    r.body = resident;
                }
            }
            c = self.cells[c].child as usize + self.quadrant(c, p);
            depth += 1;
        }
    }

    fn quadrant(&self, c: usize, p: P) -> usize {
        let cell = &self.cells[c];
        (if p.x >= cell.cx { 1 } else { 0 }) + (if p.y >= cell.cy { 2 } else { 0 })
    }

    /// Repulsive force on body `i` at `p` from all others.
    fn force(&mut self, i: u32, p: P, k: f64, theta2: f64) -> P {
        let mut out = P::default();
        if self.cells.is_empty() {
            return out;
        }
        self.stack.clear();
        self.stack.push(0);
        while let Some(c) = self.stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.mass == 0.0 || (cell.body == i && cell.child == NONE) {
                continue;
            }
            let dx = p.x - cell.mx;
            let dy = p.y - cell.my;
            let d2 = dx * dx + dy * dy;
            let size = 2.0 * cell.half;
            if cell.child == NONE || size * size < theta2 * d2 {
                let d2 = d2.max(0.01);
                // f / d with f = k m / d²
                let f = k * cell.mass / (d2 * d2.sqrt());
                out.x += f * dx;
                out.y += f * dy;
            } else {
                for k in cell.child..cell.child + 4 {
                    if self.cells[k as usize].mass > 0.0 {
                        self.stack.push(k);
                    }
                }
            }
        }
        out
    }
}

impl Tree {
    /// Repulsive force on every body, writing `out`. Bodies are taken in groups (a subtree
    /// of at most `GROUP` bodies): one walk of the tree per group gathers the cells far
    /// enough from the group's bounding box and the single bodies near it, then each body of
    /// the group sums that list in a tight loop. The opening test uses the distance to the
    /// box, so every body sees cells at least as far as the plain Barnes-Hut test demands.
    fn forces(&mut self, pos: &[P], k: f64, theta2: f64, out: &mut [P]) {
        for f in out.iter_mut() {
            *f = P::default();
        }
        if self.cells.is_empty() {
            return;
        }
        self.placed.clear();
        self.placed.resize(pos.len(), false);
        // the groups: cells of at most GROUP bodies, found from the root down
        let mut roots = std::mem::take(&mut self.stack);
        roots.clear();
        let mut groups: Vec<u32> = Vec::new();
        roots.push(0);
        while let Some(c) = roots.pop() {
            let cell = self.cells[c as usize];
            if cell.mass == 0.0 {
                continue;
            }
            if cell.mass <= GROUP || cell.child == NONE {
                groups.push(c);
            } else {
                roots.extend(cell.child..cell.child + 4);
            }
        }
        self.stack = roots;
        for g in groups {
            // the group's bodies and their bounding box
            self.group.clear();
            self.stack.clear();
            self.stack.push(g);
            while let Some(c) = self.stack.pop() {
                let cell = self.cells[c as usize];
                if cell.child == NONE {
                    if cell.body != NONE {
                        self.group.push(cell.body);
                    }
                } else {
                    self.stack.extend(cell.child..cell.child + 4);
                }
            }
            if self.group.is_empty() {
                continue;
            }
            let (mut lx, mut ly, mut hx, mut hy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &b in &self.group {
                let p = pos[b as usize];
                lx = lx.min(p.x);
                ly = ly.min(p.y);
                hx = hx.max(p.x);
                hy = hy.max(p.y);
            }
            // the interaction list of the group
            self.list_x.clear();
            self.list_y.clear();
            self.list_m.clear();
            self.list_body.clear();
            self.stack.clear();
            self.stack.push(0);
            while let Some(c) = self.stack.pop() {
                let cell = self.cells[c as usize];
                if cell.mass == 0.0 {
                    continue;
                }
                let dx = (lx - cell.mx).max(cell.mx - hx).max(0.0);
                let dy = (ly - cell.my).max(cell.my - hy).max(0.0);
                let d2 = dx * dx + dy * dy;
                let size = 2.0 * cell.half;
                if cell.child == NONE || size * size < theta2 * d2 {
                    self.list_x.push(cell.mx as f32);
                    self.list_y.push(cell.my as f32);
                    self.list_m.push(cell.mass as f32);
                    self.list_body
                        .push(if cell.child == NONE { cell.body } else { NONE });
                } else {
                    self.stack.extend(cell.child..cell.child + 4);
                }
            }
            // single precision here: half the memory, faster square roots and divisions,
            // and far more precision than a drawing needs
            let (xs, ys, ms) = (&self.list_x[..], &self.list_y[..], &self.list_m[..]);
            let bodies = &self.list_body[..xs.len()];
            let (ys, ms) = (&ys[..xs.len()], &ms[..xs.len()]);
            for &b in &self.group {
                let p = pos[b as usize];
                let (px, py) = (p.x as f32, p.y as f32);
                let (mut fx, mut fy) = (0.0f32, 0.0f32);
                for j in 0..xs.len() {
                    let dx = px - xs[j];
                    let dy = py - ys[j];
                    let d2 = (dx * dx + dy * dy).max(0.01);
                    // itself, and any bodies stacked on the very same point, minus itself
                    let m = ms[j] - if bodies[j] == b { 1.0 } else { 0.0 };
                    let f = m / (d2 * d2.sqrt());
                    fx += f * dx;
                    fy += f * dy;
                }
                out[b as usize] = P {
                    x: k * fx as f64,
                    y: k * fy as f64,
                };
                self.placed[b as usize] = true;
            }
        }
        // bodies left out of the tree (more than a few at one point): one walk each
        for i in 0..pos.len() {
            if !self.placed[i] {
                out[i] = self.force(i as u32, pos[i], k, theta2);
            }
        }
    }
}

/// Repulsive force on every node from all others, by Barnes-Hut (exact when `theta` is 0).
pub fn repulsion(pos: &[P], params: &Params, out: &mut [P]) {
    let mut tree = Tree::default();
    tree.build(pos);
    tree.forces(pos, params.repulsion, params.theta * params.theta, out);
}

/// A layout in progress, one iteration at a time (for animation and for measuring).
pub struct Sim {
    pos: Vec<P>,
    edges: Vec<(usize, usize, f64)>,
    pinned: Vec<bool>,
    params: Params,
    step: f64,
    force: Vec<P>,
    tree: Tree,
    iterations: usize,
}

impl Sim {
    /// A graph of `n` nodes. `edges` are (a, b, weight); `start` gives starting positions
    /// (see `seed_positions`); `pinned[i]` keeps node i in place.
    pub fn new(
        n: usize,
        edges: &[(usize, usize, f64)],
        start: &[P],
        pinned: &[bool],
        params: &Params,
    ) -> Sim {
        let pos: Vec<P> = (0..n)
            .map(|i| match start.get(i) {
                Some(p) if p.x.is_finite() && p.y.is_finite() => *p,
                _ => spiral(i, params.spring_length),
            })
            .collect();
        Sim {
            edges: edges
                .iter()
                .copied()
                .filter(|&(a, b, _)| a < n && b < n && a != b)
                .collect(),
            pinned: (0..n)
                .map(|i| pinned.get(i).copied().unwrap_or(false))
                .collect(),
            params: *params,
            step: params.max_step,
            force: vec![P::default(); n],
            tree: Tree::default(),
            iterations: 0,
            pos,
        }
    }

    pub fn positions(&self) -> &[P] {
        &self.pos
    }

    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The diagonal of the bounding box of all nodes.
    pub fn extent(&self) -> f64 {
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &self.pos {
            lo_x = lo_x.min(p.x);
            lo_y = lo_y.min(p.y);
            hi_x = hi_x.max(p.x);
            hi_y = hi_y.max(p.y);
        }
        if self.pos.is_empty() {
            0.0
        } else {
            ((hi_x - lo_x).powi(2) + (hi_y - lo_y).powi(2)).sqrt()
        }
    }

    /// The stopping criterion: no node moved more than `tolerance` times the extent.
    pub fn settled(&self, largest_move: f64) -> bool {
        largest_move <= self.params.tolerance * self.extent().max(self.params.spring_length)
    }

    /// One iteration; returns the largest distance any node moved.
    pub fn tick(&mut self) -> f64 {
        let n = self.pos.len();
        if n == 0 {
            return 0.0;
        }
        let params = self.params;
        self.tree.build(&self.pos);
        self.tree.forces(
            &self.pos,
            params.repulsion,
            params.theta * params.theta,
            &mut self.force,
        );
        for i in 0..n {
            let f = &mut self.force[i];
            f.x -= params.gravity * self.pos[i].x;
            f.y -= params.gravity * self.pos[i].y;
        }
        for &(a, b, w) in &self.edges {
            let (pa, pb) = (self.pos[a], self.pos[b]);
            let dx = pb.x - pa.x;
            let dy = pb.y - pa.y;
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f =
                params.spring_strength * w.max(0.0).sqrt().max(0.5) * (d - params.spring_length)
                    / d;
            let (fx, fy) = (f * dx, f * dy);
            self.force[a].x += fx;
            self.force[a].y += fy;
            self.force[b].x -= fx;
            self.force[b].y -= fy;
        }
        let mut moved: f64 = 0.0;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let f = self.force[i];
            let len = (f.x * f.x + f.y * f.y).sqrt();
            if !len.is_finite() || len == 0.0 {
                continue;
            }
            let s = len.min(self.step);
            self.pos[i].x += f.x / len * s;
            self.pos[i].y += f.y / len * s;
            moved = moved.max(s);
        }
        self.step *= params.cooling;
        self.iterations += 1;
        moved
    }

    /// Runs until settled or `max_iterations`.
    pub fn run(mut self) -> Layout {
        while self.iterations < self.params.max_iterations {
            let moved = self.tick();
            if self.settled(moved) {
                return Layout {
                    iterations: self.iterations,
                    converged: true,
                    positions: self.pos,
                };
            }
        }
        Layout {
            iterations: self.iterations,
            converged: self.pos.is_empty(),
            positions: self.pos,
        }
    }
}

/// Lays out a graph of `n` nodes to convergence (see `Sim::new` for the arguments).
pub fn layout(
    n: usize,
    edges: &[(usize, usize, f64)],
    start: &[P],
    pinned: &[bool],
    params: &Params,
) -> Layout {
    Sim::new(n, edges, start, pinned, params).run()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random graph (`Lcg`, no crate).
    fn graph(n: usize, m: usize) -> Vec<(usize, usize, f64)> {
        let mut r = Lcg(42);
        let mut next = || r.next_usize();
        (0..m)
            .map(|_| (next() % n, next() % n, 1.0 + (next() % 3) as f64))
            .collect()
    }

    fn energy_free_run(n: usize, edges: &[(usize, usize, f64)]) -> Layout {
        let start = seed_positions(n, edges, &[], 30.0);
        layout(n, edges, &start, &[], &Params::default())
    }

    #[test]
    fn cos_sin_matches_the_standard_library() {
        let mut worst: f64 = 0.0;
        for k in 0..20_000 {
            // angles as the spiral makes them (up to thousands of radians), and negative ones
            let a = k as f64 * 2.399_963_229_728_653 - 100.0;
            let (c, s) = cos_sin(a);
            worst = worst.max((c - a.cos()).abs()).max((s - a.sin()).abs());
        }
        assert!(worst < 1e-9, "largest error {worst}");
    }

    #[test]
    fn seeds_sit_at_the_centroid_of_placed_neighbours() {
        let prev = [
            Some(P { x: 0.0, y: 0.0 }),
            Some(P { x: 100.0, y: 0.0 }),
            None,
            None,
        ];
        let p = seed_positions(4, &[(0, 2, 1.0), (2, 1, 1.0), (3, 3, 1.0)], &prev, 30.0);
        assert_eq!(p[0], P { x: 0.0, y: 0.0 });
        // node 2 between 0 and 1, nudged by less than a spacing
        assert!(
            (p[2].x - 50.0).abs() < 3.0 && p[2].y.abs() < 3.0,
            "{:?}",
            p[2]
        );
        // node 3 only loops to itself: on the spiral
        assert_eq!(p[3], spiral(3, 30.0));
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
        // and at the default opening angle, still within a few per cent
        repulsion(&pos, &Params::default(), &mut approx);
        let mut rel = 0.0;
        for (a, b) in exact.iter().zip(&approx) {
            rel += (a.x - b.x).hypot(a.y - b.y) / a.x.hypot(a.y).max(1e-9);
        }
        rel /= 400.0;
        assert!(
            rel < 0.1,
            "mean relative error at the default theta {rel:.3}"
        );
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
