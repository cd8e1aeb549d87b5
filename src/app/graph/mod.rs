//! The relationship graph pane: an SVG drawing of `core::graph` laid out by `core::layout`,
//! with pan, zoom, drag (which pins), hover neighbours, click to the text, filters, search,
//! focus mode, scope, links drawn by dragging, an inspector for merging entities, exports.
//! Thin: building, laying out, filtering and exporting are the core's.
//!
//! Cut by phase: the pane's life cycle and drawing here; `gestures` (pointer, wheel and
//! keys), `controls`, `inspector`, `save` (exports).

mod controls;
mod gestures;
mod inspector;
mod save;

use crate::core::graph::gesture::Gesture;
use controls::{build_controls, Controls};
use inspector::build_inspector;
use save::save;

use super::excerpt;
use super::state::{Ctx, Panel};
use crate::core::graph::export::{self, kind_color, relation_style, ExportKind};
use crate::core::graph::{
    bring_into_view, build, labels::Box2, lay_out, to_graph, wheel_factor, zoom_at, Graph,
    NodeKind, Placed, Placement, Source, Transform, View, Visible,
};
use crate::core::keys::{self, Command, Place};
use crate::core::layout::P;
use crate::core::library::{Article, Library};
use crate::core::relations::Relation;
use crate::web::dom::Ui;
use crate::web::graph_view::Canvas;
use crate::web::{files, perf_now, selection};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use wasm_bindgen::JsCast;

pub const SVG_ID: &str = "graph-svg";

fn svg_element() -> Option<web_sys::Element> {
    document().get_element_by_id(SVG_ID)
}

/// A pointer position (client coordinates) relative to the drawing area.
fn on_svg(x: f64, y: f64) -> (f64, f64) {
    let r = svg_element().map(|s| s.get_bounding_client_rect());
    let (l, t) = r.map_or((0.0, 0.0), |r| (r.left(), r.top()));
    (x - l, y - t)
}

/// The articles of the graph's scope: the whole library, or the open article.
fn scope_articles(ctx: Ctx, l: &Library) -> Vec<&Article> {
    if ctx.graph_library.get_untracked() {
        l.articles().iter().collect()
    } else {
        ctx.current
            .get_untracked()
            .and_then(|c| l.get(&c))
            .into_iter()
            .collect()
    }
}

/// The graph of the scope: the open article or the whole library (or, with
/// `?graphbench=N`, a synthetic graph of N nodes for the drag benchmark).
#[inline(never)] // one copy, however many callers
fn scope_graph(ctx: Ctx) -> Graph {
    if let Some(n) = crate::web::query_param("graphbench").and_then(|n| n.parse::<usize>().ok()) {
        return crate::core::graph::synthetic(n, n * 3);
    }
    ctx.library.with_untracked(|l| {
        let arts = scope_articles(ctx, l);
        let xs: Vec<_> = arts.iter().map(|a| ctx.extraction_of(a)).collect();
        let sources: Vec<Source> = arts
            .iter()
            .zip(&xs)
            .map(|(a, x)| Source {
                article: a,
                extraction: x.as_deref(),
            })
            .collect();
        build(&sources, &l.identities, &l.scale)
    })
}

/// Everything the pane holds between events, in one place and not reactive: a change calls
/// the method that redraws what it touched (`apply_view`, `mark_hover`, `set_tf`, ...). One
/// type instead of a signal, memo and effect per field keeps the pane small in wasm. Event
/// handlers reach it through `with_pane`, which skips an event that arrives while the pane
/// is busy (a DOM change can fire focus events synchronously).
struct Pane {
    ctx: Ctx,
    root: web_sys::Element,
    canvas: Canvas,
    /// The graph drawn (laid out; its positions live in the canvas).
    drawn: Option<Arc<Graph>>,
    view: View,
    visible: Visible,
    /// Pan x, pan y, zoom.
    tf: Transform,
    hover: Option<usize>,
    /// A hover waiting for the pointer to rest (see `hover_soon`).
    hover_timer: Option<TimeoutHandle>,
    link_mode: bool,
    drag: Option<Gesture>,
    /// The next mention to show, per node.
    cursor: Vec<usize>,
    /// The scope and open article the drawing was fitted for.
    fitted: Option<(bool, Option<String>)>,
    /// Where nodes were laid out (by node id), and whether the person pinned them.
    memory: Placement,
    /// What the controls call; holds the pane weakly.
    act: Rc<dyn Fn(Act)>,
    weak: Weak<RefCell<(Option<Pane>, Placement)>>,
    controls: Controls,
    _controls: Ui,
    /// The inspector's elements and handlers, and the previous ones: those are kept until the
    /// next rebuild, as a rebuild can come from one of their own buttons.
    inspector: (Option<Ui>, Option<Ui>),
}

/// The pane while it is open, and where its nodes were while it is closed.
type Shared = Rc<RefCell<(Option<Pane>, Placement)>>;

fn with_pane(p: &Shared, f: impl FnOnce(&mut Pane)) {
    if let Ok(mut p) = p.try_borrow_mut() {
        if let Some(p) = p.0.as_mut() {
            f(p);
        }
    }
}

/// The id of the pane's element (an empty, hidden `<section>` in the page).
pub const PANE_ID: &str = "graph-pane";

/// The relationship graph pane: built in `#graph-pane` when the graph opens (`ctx.graph_open`),
/// following the library from then on, and taken down when it closes.
pub fn mount(ctx: Ctx) {
    let shared: Shared = Rc::new(RefCell::new((None, Placement::default())));
    let s = shared.clone();
    Effect::new(move |_| {
        let Some(root) = document().get_element_by_id(PANE_ID) else {
            return;
        };
        if !ctx.graph_open.get() {
            // its elements leave the page before their handlers are dropped
            let Ok(mut slot) = s.try_borrow_mut() else {
                return;
            };
            if let Some(mut old) = slot.0.take() {
                slot.1 = std::mem::take(&mut old.memory);
                root.set_text_content(None);
                let _ = root.set_attribute("hidden", "");
            }
            return;
        }
        // open: the graph follows the library, the open article and its scan, and the scope
        ctx.library.track();
        ctx.analysis.track();
        ctx.graph_library.track();
        ctx.current.track();
        if s.borrow().0.is_none() {
            let _ = root.remove_attribute("hidden");
            let memory = std::mem::take(&mut s.borrow_mut().1);
            let p = Pane::mount(ctx, root, Rc::downgrade(&s), memory);
            s.borrow_mut().0 = p;
        }
        with_pane(&s, |p| p.rebuild(false));
    });
    // a claim selected in the text or the list is selected (and shown) here too
    let s = shared.clone();
    Effect::new(move |_| {
        let claim = ctx.selected.get();
        with_pane(&s, |p| p.select_claim(claim.as_deref()));
    });
    // the selected node: marked, and shown in the inspector
    Effect::new(move |_| {
        ctx.graph_node.track();
        with_pane(&shared, |p| {
            p.mark_selection();
            p.inspect();
        });
    });
}

impl Pane {
    /// Builds the controls and the drawing in the pane and wires their events.
    fn mount(
        ctx: Ctx,
        root: web_sys::Element,
        weak: Weak<RefCell<(Option<Pane>, Placement)>>,
        memory: Placement,
    ) -> Option<Pane> {
        let ui = Ui::new()?;
        root.set_text_content(None);
        let w = weak.clone();
        let act: Rc<dyn Fn(Act)> = Rc::new(move |a| {
            if let Some(s) = w.upgrade() {
                with_pane(&s, |p| p.act(a));
            }
        });
        let controls = build_controls(&ui, &root, act.clone());
        let svg = svg_element()?;
        let ev = |f: fn(&mut Pane, web_sys::Event)| -> Box<dyn Fn(web_sys::Event)> {
            let w = weak.clone();
            Box::new(move |e| {
                if let Some(s) = w.upgrade() {
                    with_pane(&s, |p| f(p, e));
                }
            })
        };
        ui.on(&svg, "pointerdown", ev(Pane::on_down));
        ui.on(&svg, "pointermove", ev(Pane::on_move));
        ui.on(&svg, "pointerup", ev(Pane::on_up));
        ui.on(
            &svg,
            "pointercancel",
            ev(|p, _| {
                p.drag = None;
                p.canvas.set_rubber(None);
            }),
        );
        ui.on(
            &svg,
            "pointerover",
            ev(|p, e| {
                let i = node_of(e.target());
                if p.drag.is_none() {
                    p.hover_soon(i);
                }
            }),
        );
        ui.on(
            &svg,
            "pointerleave",
            ev(|p, _| {
                if let Some(t) = p.hover_timer.take() {
                    t.clear();
                }
                p.mark_hover(None);
            }),
        );
        ui.on(
            &svg,
            "focusin",
            ev(|p, e| p.mark_hover(node_of(e.target()))),
        );
        ui.on(&svg, "focusout", ev(|p, _| p.mark_hover(None)));
        ui.on(&svg, "wheel", ev(Pane::on_wheel));
        ui.on(&svg, "keydown", ev(Pane::on_key));
        Some(Pane {
            ctx,
            root,
            canvas: Canvas::new(&svg)?,
            drawn: None,
            view: View::default(),
            visible: Visible {
                nodes: Vec::new(),
                edges: Vec::new(),
            },
            tf: Transform {
                x: 0.0,
                y: 0.0,
                k: 1.0,
            },
            memory,
            hover: None,
            hover_timer: None,
            link_mode: false,
            drag: None,
            cursor: Vec::new(),
            fitted: None,
            act,
            weak,
            controls,
            _controls: ui,
            inspector: (None, None),
        })
    }

    /// Builds the graph of the scope; when it changed, lays it out (from remembered
    /// positions) and draws it. `force` lays out afresh.
    fn rebuild(&mut self, force: bool) {
        let ctx = self.ctx;
        let key = (
            ctx.graph_library.get_untracked(),
            ctx.current.get_untracked(),
        );
        let graph = scope_graph(ctx);
        if !force && self.drawn.as_ref().is_some_and(|o| **o == graph) {
            return;
        }
        let t0 = perf_now();
        if force {
            self.memory.clear();
        }
        let l = lay_out(&graph, &mut self.memory);
        let layout_ms = perf_now() - t0;
        let d = Arc::new(graph);
        self.canvas.draw(&d, l.positions);
        // figures on the pane, for tests and benchmarks
        for (k, v) in [
            ("data-nodes", d.nodes.len().to_string()),
            ("data-edges", d.edges.len().to_string()),
            ("data-layout-ms", format!("{layout_ms:.1}")),
            ("data-iterations", l.iterations.to_string()),
        ] {
            let _ = self.root.set_attribute(k, &v);
        }
        self.drawn = Some(d);
        if self.fitted.as_ref() != Some(&key) {
            self.fitted = Some(key);
            self.view.focus = None;
            // once the drawing area has its size
            let w = self.weak.clone();
            request_animation_frame(move || {
                if let Some(s) = w.upgrade() {
                    with_pane(&s, Pane::fit);
                }
            });
        }
        self.cursor.clear();
        self.apply_view();
        self.set_tf(self.tf);
        self.mark_selection();
        self.inspect();
    }

    /// What the view shows, drawn; the counts and the focus bar follow.
    fn apply_view(&mut self) {
        let Some(d) = self.drawn.clone() else { return };
        self.visible = self.view.apply(&d);
        self.canvas.show(&self.visible);
        self.canvas.arrange_labels(&self.visible, self.area());
        let n = self.visible.nodes.iter().filter(|v| **v).count();
        let e = self.visible.edges.iter().filter(|v| **v).count();
        let c = &self.controls;
        c.count
            .set_text_content(Some(&format!("{n} nodes, {e} edges")));
        let _ = c
            .focus_bar
            .toggle_attribute_with_force("hidden", self.view.focus.is_none());
        self.mark_hover(self.hover);
    }

    /// Lights the node under a resting pointer: after 120 ms without another node or a press,
    /// so that sweeping across the drawing or starting a drag does not restyle every node
    /// and edge on the way (on a 200-node graph that cost a late frame as a drag began).
    fn hover_soon(&mut self, i: Option<usize>) {
        if let Some(t) = self.hover_timer.take() {
            t.clear();
        }
        if self.hover == i {
            return;
        }
        let w = self.weak.clone();
        self.hover_timer = set_timeout_with_handle(
            move || {
                if let Some(s) = w.upgrade() {
                    with_pane(&s, |p| {
                        p.hover_timer = None;
                        p.mark_hover(i);
                    });
                }
            },
            std::time::Duration::from_millis(120),
        )
        .ok();
    }

    /// The hovered node and its neighbours (over the shown edges) stay lit, the rest dims.
    /// An entity's mentions in the article are lit with it (the one id both carry).
    fn mark_hover(&mut self, h: Option<usize>) {
        self.hover = h;
        let entity = h.and_then(|i| self.drawn.as_ref()?.nodes.get(i)?.entity.clone());
        if self.ctx.hovered_entity.get_untracked() != entity {
            self.ctx.hovered_entity.set(entity);
        }
        let lit: Option<Vec<bool>> =
            h.and_then(|h| self.visible.neighbourhood(self.drawn.as_deref()?, h));
        self.canvas.light(lit.as_deref());
    }

    fn set_tf(&mut self, t: Transform) {
        self.tf = t;
        self.canvas.set_transform(t);
    }

    fn fit(&mut self) {
        let (w, h) = svg_size();
        let t = self
            .visible
            .fit(self.canvas.positions(), w.max(100.0), h.max(100.0));
        self.set_tf(t);
        // the labels at the edges of the area it now shows turn inwards
        self.canvas.arrange_labels(&self.visible, self.area());
    }

    /// What the drawing shows, in graph units.
    fn area(&self) -> Option<Box2> {
        let (w, h) = svg_size();
        let (a, b) = (to_graph(self.tf, (0.0, 0.0)), to_graph(self.tf, (w, h)));
        (w > 0.0 && h > 0.0).then_some(Box2 {
            l: a.x,
            t: a.y,
            r: b.x,
            b: b.y,
        })
    }

    /// The selected node and the pinned ones, marked.
    fn mark_selection(&self) {
        let Some(d) = &self.drawn else { return };
        let sel = self
            .ctx
            .graph_node
            .get_untracked()
            .and_then(|id| d.node(&id));
        self.canvas.mark_nodes("sel", &|i| sel == Some(i));
        self.canvas.mark_nodes("pinned", &|i| {
            d.nodes
                .get(i)
                .and_then(|n| self.memory.get(&n.id))
                .is_some_and(|m| m.pinned)
        });
    }

    /// Selects the node of a claim selected in the text or the list, and brings it into view.
    fn select_claim(&mut self, claim: Option<&str>) {
        let (Some(claim), Some(article), Some(d)) =
            (claim, self.ctx.current.get_untracked(), self.drawn.clone())
        else {
            return;
        };
        let Some(i) = d.claim_node(&article, claim) else {
            return;
        };
        self.ctx.graph_node.set(Some(d.nodes[i].id.clone()));
        let (w, h) = svg_size();
        self.set_tf(bring_into_view(self.tf, self.canvas.pos(i), w, h));
    }

    /// The inspector of the selected node, rebuilt.
    fn inspect(&mut self) {
        let slot = self.controls.inspector.clone();
        slot.set_text_content(None);
        let ctx = self.ctx;
        let focus = self.view.focus;
        let act = self.act.clone();
        let shown = self.drawn.as_ref().and_then(|d| {
            let i = d.node(&ctx.graph_node.get_untracked()?)?;
            let ui = Ui::new()?;
            let n = &d.nodes[i];
            let merged = ctx
                .library
                .with_untracked(|l| l.identities.aliases(&n.label));
            let names: Vec<&str> = d
                .nodes
                .iter()
                .filter(|x| x.kind != NodeKind::Claim)
                .map(|x| x.label.as_str())
                .collect();
            let neighbours = d.neighbours(i, &Relation::ALL).len();
            build_inspector(
                &ui,
                &slot,
                n,
                i,
                neighbours,
                focus == Some(i),
                &merged,
                &names,
                act,
            );
            Some(ui)
        });
        let before = svg_size();
        let _ = slot.toggle_attribute_with_force("hidden", shown.is_none());
        // the inspector opening or closing resizes the drawing: fit it again
        if svg_size() != before {
            self.fit();
        }
        let old = std::mem::replace(&mut self.inspector.0, shown);
        self.inspector.1 = old;
    }

    /// Shows a node in the text: its mentions one after another, opening its article.
    fn show_in_text(&mut self, i: usize) {
        let ctx = self.ctx;
        let Some(d) = self.drawn.clone() else { return };
        let Some(node) = d.nodes.get(i) else {
            return;
        };
        ctx.graph_node.set(Some(node.id.clone()));
        if node.mentions.is_empty() {
            return;
        }
        if self.cursor.len() <= i {
            self.cursor.resize(i + 1, 0);
        }
        let k = self.cursor[i] % node.mentions.len();
        self.cursor[i] = k + 1;
        let m = node.mentions[k].clone();
        if ctx.current.get_untracked().as_deref() != Some(m.article.as_str()) {
            ctx.open(&m.article);
        }
        let claim = node.claim.as_ref().map(|c| c.claim.clone());
        if let Some(c) = &claim {
            ctx.selected.set(Some(c.clone()));
        }
        // after the article (if switched) has rendered, with the part holding the words
        ctx.wanted.set(Some(m.span));
        request_animation_frame(move || {
            let Some(root) = document().get_element_by_id(super::article::ARTICLE_ID) else {
                return;
            };
            let done = match &claim {
                Some(c) => selection::scroll_and_flash(&root, c),
                None => false,
            };
            if !done {
                selection::scroll_to_span(&root, m.span);
            }
        });
    }

    /// Opens the link form from node `from` (to node `to`, when drawn by dragging).
    fn start_link(&self, from: usize, to: Option<usize>) {
        let Some(d) = &self.drawn else { return };
        let open = self.ctx.current.get_untracked();
        match d.draft_link(from, to, open.as_deref()) {
            Ok(draft) => self.ctx.panel.set(Panel::Link(draft)),
            Err(e) => self.ctx.fail(e.to_string()),
        }
    }

    /// Remembers where node `i` is, pinned there or not.
    fn pin(&mut self, i: usize, on: bool) {
        let Some(id) = self
            .drawn
            .as_ref()
            .and_then(|d| d.nodes.get(i))
            .map(|n| n.id.clone())
        else {
            return;
        };
        let p = self.canvas.pos(i);
        self.memory.insert(id, Placed { at: p, pinned: on });
        self.mark_selection();
        // a node moved and let go: its neighbours' labels make room again
        self.canvas.arrange_labels(&self.visible, self.area());
    }

    fn act(&mut self, a: Act) {
        let ctx = self.ctx;
        let view_changed = matches!(
            a,
            Act::Search(_)
                | Act::Kind(..)
                | Act::Rel(..)
                | Act::HideIsolated(_)
                | Act::AllCoMentions(_)
                | Act::ShowAll
                | Act::Focus(_)
        );
        match a {
            Act::Library(on) => ctx.graph_library.set(on),
            Act::Search(q) => self.view.search = q,
            Act::LinkMode(on) => self.link_mode = on,
            Act::Kind(k, on) => {
                self.view.kinds.retain(|x| *x != k);
                if on {
                    self.view.kinds.push(k);
                }
            }
            Act::Rel(r, on) => {
                self.view.relations.retain(|x| *x != r);
                if on {
                    self.view.relations.push(r);
                }
            }
            Act::HideIsolated(on) => self.view.hide_isolated = on,
            Act::AllCoMentions(on) => self.view.all_co_mentions = on,
            Act::ShowAll => self.view.focus = None,
            Act::Focus(i) => {
                self.view.focus = if self.view.focus == Some(i) {
                    None
                } else {
                    Some(i)
                };
                if let Some(d) = &self.drawn {
                    ctx.graph_node.set(d.nodes.get(i).map(|n| n.id.clone()));
                }
            }
            // about the graph's origin, as before: its place on screen stays
            Act::Zoom(f) => self.set_tf(zoom_at(self.tf, (self.tf.x, self.tf.y), f)),
            Act::Fit => self.fit(),
            Act::Relayout => {
                self.fitted = None;
                self.rebuild(true);
            }
            Act::Export(what) => {
                if let Some(d) = &self.drawn {
                    save(ctx, d, &self.visible, self.canvas.positions(), what);
                }
            }
            Act::Link(i) => self.start_link(i, None),
            Act::Merge { from, into } => {
                if !into.trim().is_empty() {
                    ctx.merge_entities(&from, into.trim());
                }
            }
            Act::Alias { name, alias } => {
                if !alias.trim().is_empty() {
                    ctx.add_alias(alias.trim(), &name);
                }
            }
            Act::Split(name) => ctx.split_entity(&name),
        }
        // what is shown changed: it is fitted to the drawing again
        if view_changed {
            self.apply_view();
            self.inspect();
            self.fit();
        }
    }
}

/// The node (its index) an event target belongs to.
fn node_of(t: Option<web_sys::EventTarget>) -> Option<usize> {
    t?.dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-i]")
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}

/// The drawing area's size on the page.
fn svg_size() -> (f64, f64) {
    svg_element()
        .map(|s| {
            let r = s.get_bounding_client_rect();
            (r.width(), r.height())
        })
        .unwrap_or((600.0, 400.0))
}

/// What the pane's controls ask for.
#[derive(Clone)]
enum Act {
    Library(bool),
    Search(String),
    LinkMode(bool),
    Kind(NodeKind, bool),
    Rel(Relation, bool),
    HideIsolated(bool),
    /// Every "mentioned together" edge, not only each node's strongest.
    AllCoMentions(bool),
    ShowAll,
    Zoom(f64),
    Fit,
    Relayout,
    Export(ExportKind),
    Focus(usize),
    Link(usize),
    /// Merge the entity `from` into the one named `into` (as typed).
    Merge {
        from: String,
        into: String,
    },
    /// Give the entity `name` another name, `alias` (as typed).
    Alias {
        name: String,
        alias: String,
    },
    Split(String),
}
