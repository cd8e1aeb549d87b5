//! The graph drawing, as plain SVG elements made and moved here: one `<g>` per node and one
//! `<line>` per edge, created once per graph and then only moved, shown, hidden and marked.
//! Dragging a node touches its own element and its edges, nothing else. Written against
//! web-sys rather than as Leptos views: the same drawing in views cost several times the
//! code (every attribute closure is its own type). Labels are text nodes, never markup.

use crate::core::excerpt;
use crate::core::graph::export::{kind_color, radius, relation_style};
use crate::core::graph::labels::{place_labels, Box2, LabelNode};
use crate::core::graph::{Graph, NodeKind, Transform, Visible};
use crate::core::layout::P;
use crate::core::relations::Relation;
use web_sys::Element;

/// A new SVG element with attributes (not yet in the drawing).
fn el(doc: &web_sys::Document, tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    crate::web::dom::make(doc, true, tag, attrs)
}

pub struct Canvas {
    viewport: Element,
    edge_layer: Element,
    node_layer: Element,
    rubber: Element,
    nodes: Vec<Element>,
    /// (line, from, to, radius of the target node)
    edges: Vec<(Element, usize, usize, f64)>,
    /// Edges touching each node.
    incident: Vec<Vec<usize>>,
    pos: Vec<P>,
    /// Each node's label, its size in graph units once measured (0 until then), its
    /// node's radius and degree: what `arrange_labels` places.
    texts: Vec<Element>,
    label_size: Vec<(f64, f64)>,
    radii: Vec<f64>,
    degrees: Vec<usize>,
    /// The zoom, by which a label's size on screen is its size in graph units.
    k: std::cell::Cell<f64>,
    /// The nodes and edges marked "lit" while a node is hovered (see `light`).
    lit: (Vec<usize>, Vec<usize>),
}

impl Canvas {
    /// Fills an empty `<svg>` with arrow markers and the layers of the drawing.
    #[inline(never)] // one copy, however many callers
    pub fn new(svg: &Element) -> Option<Canvas> {
        let doc = web_sys::window()?.document()?;
        svg.set_text_content(None);
        let defs = el(&doc, "defs", &[])?;
        for r in Relation::ALL {
            if r == Relation::CoMention {
                continue;
            }
            let id = format!("arrow-{}", r.as_str());
            let m = el(
                &doc,
                "marker",
                &[
                    ("id", &id),
                    ("viewBox", "0 0 10 10"),
                    ("refX", "10"),
                    ("refY", "5"),
                    ("markerWidth", "7"),
                    ("markerHeight", "7"),
                    ("orient", "auto-start-reverse"),
                ],
            )?;
            let path = el(
                &doc,
                "path",
                &[("d", "M0,0L10,5L0,10z"), ("fill", relation_style(r).0)],
            )?;
            m.append_child(&path).ok()?;
            defs.append_child(&m).ok()?;
        }
        svg.append_child(&defs).ok()?;
        let viewport = el(&doc, "g", &[])?;
        let edge_layer = el(&doc, "g", &[("class", "edges")])?;
        let rubber = el(
            &doc,
            "line",
            &[("class", "rubber"), ("style", "display:none")],
        )?;
        let node_layer = el(&doc, "g", &[("class", "nodes")])?;
        for l in [&edge_layer, &rubber, &node_layer] {
            viewport.append_child(l).ok()?;
        }
        svg.append_child(&viewport).ok()?;
        Some(Canvas {
            viewport,
            edge_layer,
            node_layer,
            rubber,
            nodes: Vec::new(),
            edges: Vec::new(),
            incident: Vec::new(),
            pos: Vec::new(),
            texts: Vec::new(),
            label_size: Vec::new(),
            radii: Vec::new(),
            degrees: Vec::new(),
            k: std::cell::Cell::new(1.0),
            lit: (Vec::new(), Vec::new()),
        })
    }

    /// Draws a graph at the given positions, replacing what was drawn.
    #[inline(never)] // one copy, however many callers
    pub fn draw(&mut self, g: &Graph, pos: Vec<P>) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        self.edge_layer.set_text_content(None);
        self.node_layer.set_text_content(None);
        self.nodes.clear();
        self.edges.clear();
        self.texts.clear();
        self.label_size = vec![(0.0, 0.0); g.nodes.len()];
        self.radii.clear();
        self.degrees.clear();
        self.lit = (Vec::new(), Vec::new());
        let _ = self.viewport.class_list().remove_1("hovering");
        self.incident = vec![Vec::new(); g.nodes.len()];
        self.pos = pos;
        self.pos.resize(g.nodes.len(), P::default());
        for (k, e) in g.edges.iter().enumerate() {
            // colour, dashes and arrow head come from the stylesheet, by relation
            let class = format!("edge rel-{}", e.kind.as_str());
            let width = format!("{:.1}", (0.5 + e.weight.sqrt() * 0.5).min(4.0));
            let mut attrs = vec![
                ("class", class.as_str()),
                ("data-rel", e.kind.as_str()),
                ("data-from", g.nodes[e.from].id.as_str()),
                ("data-to", g.nodes[e.to].id.as_str()),
            ];
            if e.kind == Relation::CoMention {
                attrs.push(("stroke-width", width.as_str()));
            }
            let Some(line) = el(&doc, "line", &attrs) else {
                continue;
            };
            if let Some(t) = el(&doc, "title", &[]) {
                let note = if e.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", e.note)
                };
                t.set_text_content(Some(&format!(
                    "{} → {}: {}{note}",
                    excerpt(&g.nodes[e.from].label, 40),
                    excerpt(&g.nodes[e.to].label, 40),
                    e.kind.label()
                )));
                let _ = line.append_child(&t);
            }
            let _ = self.edge_layer.append_child(&line);
            self.incident[e.from].push(k);
            self.incident[e.to].push(k);
            self.edges
                .push((line, e.from, e.to, radius(g.nodes[e.to].degree) + 2.0));
        }
        for (i, n) in g.nodes.iter().enumerate() {
            let kind = match n.kind {
                NodeKind::Person => "Person",
                NodeKind::Org => "Organisation",
                NodeKind::Place => "Place",
                NodeKind::Group => "Group",
                NodeKind::Claim => "Claim",
            };
            let aria = format!(
                "{kind}: {}, {} link{}",
                excerpt(&n.label, 80),
                n.degree,
                if n.degree == 1 { "" } else { "s" }
            );
            let class = format!("node kind-{}", n.kind.as_str());
            let idx = i.to_string();
            let Some(g_el) = el(
                &doc,
                "g",
                &[
                    ("class", &class),
                    ("data-i", &idx),
                    ("data-id", &n.id),
                    ("tabindex", "0"),
                    ("role", "button"),
                    ("aria-label", &aria),
                ],
            ) else {
                continue;
            };
            let r = radius(n.degree);
            let (rs, d) = (format!("{r:.1}"), format!("{:.1}", 2.0 * r));
            let neg = format!("{:.1}", -r);
            let shape = if n.kind == NodeKind::Claim {
                el(
                    &doc,
                    "rect",
                    &[
                        ("x", &neg),
                        ("y", &neg),
                        ("width", &d),
                        ("height", &d),
                        ("rx", "3"),
                        ("fill", kind_color(n.kind)),
                    ],
                )
            } else {
                el(&doc, "circle", &[("r", &rs), ("fill", kind_color(n.kind))])
            };
            let title = el(&doc, "title", &[]);
            let text = el(
                &doc,
                "text",
                &[("x", &format!("{:.1}", r + 3.0)), ("y", "4")],
            );
            if let (Some(shape), Some(title), Some(text)) = (shape, title, text) {
                title.set_text_content(Some(&n.label));
                text.set_text_content(Some(&n.short_label()));
                let _ = g_el.append_child(&title);
                let _ = g_el.append_child(&shape);
                let _ = g_el.append_child(&text);
                self.texts.push(text);
                self.radii.push(r);
                self.degrees.push(n.degree);
            }
            let _ = self.node_layer.append_child(&g_el);
            self.nodes.push(g_el);
        }
        for i in 0..self.nodes.len() {
            self.place(i);
        }
        for k in 0..self.edges.len() {
            self.place_edge(k);
        }
    }

    fn place(&self, i: usize) {
        if let (Some(n), Some(p)) = (self.nodes.get(i), self.pos.get(i)) {
            let _ = n.set_attribute("transform", &format!("translate({:.1},{:.1})", p.x, p.y));
        }
    }

    fn place_edge(&self, k: usize) {
        let Some((line, a, b, r)) = self.edges.get(k) else {
            return;
        };
        let (p, q) = (self.pos[*a], self.pos[*b]);
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let len = (dx * dx + dy * dy).sqrt().max(0.01);
        let (ex, ey) = (q.x - dx / len * r, q.y - dy / len * r);
        for (k, v) in [("x1", p.x), ("y1", p.y), ("x2", ex), ("y2", ey)] {
            let _ = line.set_attribute(k, &format!("{v:.1}"));
        }
    }

    pub fn positions(&self) -> &[P] {
        &self.pos
    }

    pub fn pos(&self, i: usize) -> P {
        self.pos.get(i).copied().unwrap_or_default()
    }

    /// Moves one node and the edges touching it.
    pub fn set_pos(&mut self, i: usize, p: P) {
        if i >= self.pos.len() || !p.x.is_finite() || !p.y.is_finite() {
            return;
        }
        self.pos[i] = p;
        self.place(i);
        for k in self.incident[i].clone() {
            self.place_edge(k);
        }
    }

    /// Shows only the nodes and edges of a view.
    pub fn show(&self, vis: &Visible) {
        let set = |e: &Element, on: bool| {
            let _ = e.set_attribute("style", if on { "" } else { "display:none" });
        };
        for (i, n) in self.nodes.iter().enumerate() {
            set(n, vis.nodes.get(i).copied().unwrap_or(false));
        }
        for (k, e) in self.edges.iter().enumerate() {
            set(&e.0, vis.edges.get(k).copied().unwrap_or(false));
        }
    }

    /// Sets or clears a class on nodes (`on[i]`), e.g. "dim", "sel", "pinned".
    pub fn mark_nodes(&self, class: &str, on: &dyn Fn(usize) -> bool) {
        for (i, n) in self.nodes.iter().enumerate() {
            let _ = n.class_list().toggle_with_force(class, on(i));
        }
    }

    /// Lights some nodes (`lit[i]`) and the edges between them, dimming the rest; `None`
    /// lights everything. The dimming is one class on the drawing (the stylesheet dims what
    /// is not lit), so hovering touches only the lit elements, not every node and edge:
    /// marking all of a 200-node graph cost a late frame when a drag began on a node.
    pub fn light(&mut self, lit: Option<&[bool]>) {
        let class = |e: &Element, on: bool| {
            let _ = e.class_list().toggle_with_force("lit", on);
        };
        for i in self.lit.0.drain(..) {
            if let Some(n) = self.nodes.get(i) {
                class(n, false);
            }
        }
        for k in self.lit.1.drain(..) {
            if let Some(e) = self.edges.get(k) {
                class(&e.0, false);
            }
        }
        let _ = self
            .viewport
            .class_list()
            .toggle_with_force("hovering", lit.is_some());
        let Some(lit) = lit else { return };
        let on = |i: usize| lit.get(i).copied().unwrap_or(false);
        for (i, n) in self.nodes.iter().enumerate() {
            if on(i) {
                class(n, true);
                self.lit.0.push(i);
            }
        }
        for (k, (line, a, b, _)) in self.edges.iter().enumerate() {
            if on(*a) && on(*b) {
                class(line, true);
                self.lit.1.push(k);
            }
        }
    }

    /// Places the shown nodes' labels so that none overlaps another or a node
    /// (`graph::labels`); a label that fits nowhere is hidden (its node keeps its title).
    /// `area`: what the drawing shows, in graph units, which labels keep inside if they can.
    pub fn arrange_labels(&mut self, vis: &Visible, area: Option<Box2>) {
        if self.texts.len() != self.pos.len() {
            return;
        }
        let k = self.k.get().max(1e-6);
        let shown = |i: usize| vis.nodes.get(i).copied().unwrap_or(false);
        // measure once each label not yet measured, shown for the measure
        for i in 0..self.texts.len() {
            if shown(i) && self.label_size[i].0 <= 0.0 {
                let t = &self.texts[i];
                let _ = t.remove_attribute("style");
                let r = t.get_bounding_client_rect();
                self.label_size[i] = (r.width() / k, r.height() / k);
            }
        }
        let nodes: Vec<LabelNode> = (0..self.texts.len())
            .map(|i| LabelNode {
                at: self.pos[i],
                r: self.radii[i],
                w: self.label_size[i].0,
                h: self.label_size[i].1.max(1.0),
                shown: shown(i),
                weight: self.degrees[i],
            })
            .collect();
        for (i, side) in place_labels(&nodes, area).into_iter().enumerate() {
            let t = &self.texts[i];
            match side {
                Some(side) => {
                    let (x, y, anchor) = side.anchor(nodes[i].r, nodes[i].h);
                    let _ = t.set_attribute("x", &format!("{x:.1}"));
                    let _ = t.set_attribute("y", &format!("{y:.1}"));
                    let _ = t.set_attribute("text-anchor", anchor);
                    let _ = t.remove_attribute("style");
                }
                None => {
                    let _ = t.set_attribute("style", "display:none");
                }
            }
        }
    }

    pub fn set_transform(&self, Transform { x, y, k }: Transform) {
        self.k.set(k);
        let _ = self.viewport.set_attribute(
            "transform",
            &format!("translate({x:.1},{y:.1}) scale({k:.4})"),
        );
    }

    /// The dashed line while a link is drawn from node to node.
    pub fn set_rubber(&self, line: Option<(P, P)>) {
        match line {
            Some((a, b)) => {
                for (k, v) in [("x1", a.x), ("y1", a.y), ("x2", b.x), ("y2", b.y)] {
                    let _ = self.rubber.set_attribute(k, &format!("{v:.1}"));
                }
                let _ = self.rubber.set_attribute("style", "");
            }
            None => {
                let _ = self.rubber.set_attribute("style", "display:none");
            }
        }
    }
}
