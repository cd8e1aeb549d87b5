//! The relationship graph pane: an SVG drawing of `core::graph` laid out by `core::layout`,
//! with pan, zoom, drag (which pins), hover neighbours, click to the text, filters, search,
//! focus mode, scope, links drawn by dragging, an inspector for merging entities, exports.
//! Thin: building, laying out, filtering and exporting are the core's.

use super::excerpt;
use super::state::{Ctx, LinkDraft, Scope};
use crate::core::graph::export::{self, kind_color, relation_style};
use crate::core::graph::{build, lay_out, Graph, NodeKind, Source, View, Visible};
use crate::core::layout::P;
use crate::core::relations::{End, Relation};
use crate::web::dom::Ui;
use crate::web::graph_view::Canvas;
use crate::web::{files, perf_now, selection};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

pub const SVG_ID: &str = "graph-svg";

/// A built and laid-out graph (its positions live in the drawing, `web::graph_view`).
pub struct Drawn {
    pub graph: Graph,
    pub generation: u64,
    pub layout_ms: f64,
    pub iterations: usize,
}

#[derive(Clone, Copy)]
enum Drag {
    Node {
        i: usize,
        x: f64,
        y: f64,
        moved: bool,
    },
    Pan {
        x: f64,
        y: f64,
        tf: (f64, f64, f64),
    },
    Link {
        from: usize,
    },
}

/// The end of a link that a node stands for, and the article a claim node belongs to.
fn end_of(g: &Graph, i: usize) -> (End, Option<String>) {
    let Some(n) = g.nodes.get(i) else {
        return (End::Entity(String::new()), None);
    };
    match &n.claim {
        Some(c) => (End::Claim(c.claim.clone()), Some(c.article.clone())),
        None => (End::Entity(n.label.clone()), None),
    }
}

/// A link draft between two nodes: it lives in the article of its claim(s).
pub fn draft_between(
    ctx: &Ctx,
    g: &Graph,
    from: usize,
    to: Option<usize>,
) -> Result<LinkDraft, String> {
    let (from_end, a1) = end_of(g, from);
    let (to_end, a2) = match to {
        Some(t) => {
            let (e, a) = end_of(g, t);
            (Some(e), a)
        }
        None => (None, None),
    };
    let article = match (a1, a2) {
        (Some(a), Some(b)) if a != b => {
            return Err("Links between claims of different articles are not supported.".into())
        }
        (Some(a), _) | (None, Some(a)) => a,
        (None, None) => ctx
            .current
            .get_untracked()
            .ok_or("Open an article to hold the link.")?,
    };
    let kind = Relation::likely_between(&from_end, to_end.as_ref());
    Ok(LinkDraft {
        article,
        from: from_end,
        to: to_end,
        kind,
    })
}

fn svg_element() -> Option<web_sys::Element> {
    document().get_element_by_id(SVG_ID)
}

/// Pointer position in graph coordinates.
fn to_world(x: f64, y: f64, tf: (f64, f64, f64)) -> P {
    let r = svg_element().map(|s| s.get_bounding_client_rect());
    let (l, t) = r.map_or((0.0, 0.0), |r| (r.left(), r.top()));
    P {
        x: (x - l - tf.0) / tf.2,
        y: (y - t - tf.1) / tf.2,
    }
}

/// The pan and zoom that fit the shown nodes into the drawing area as it is now.
fn fit(pos: &[P], vis: &Visible) -> (f64, f64, f64) {
    let (w, h) = svg_element()
        .map(|s| {
            let r = s.get_bounding_client_rect();
            (r.width().max(100.0), r.height().max(100.0))
        })
        .unwrap_or((600.0, 400.0));
    vis.fit(pos, w, h)
}

/// The graph of the scope: the open article or the whole library (or, with
/// `?graphbench=N`, a synthetic graph of N nodes for the drag benchmark).
#[inline(never)] // one copy, however many callers
fn scope_graph(ctx: Ctx) -> Graph {
    if let Some(n) = crate::web::query_param("graphbench").and_then(|n| n.parse::<usize>().ok()) {
        return crate::core::graph::synthetic(n, n * 3);
    }
    let scope = ctx.graph_scope.get_untracked();
    let cur = ctx.current.get_untracked();
    ctx.library.with_untracked(|l| {
        let arts: Vec<_> = match scope {
            Scope::Article => cur.and_then(|c| l.get(&c)).into_iter().collect(),
            Scope::Library => l.articles().iter().collect(),
        };
        let xs: Vec<_> = arts.iter().map(|a| ctx.extraction_of(a)).collect();
        let sources: Vec<Source> = arts
            .iter()
            .zip(&xs)
            .map(|(a, x)| Source {
                article: a,
                extraction: x.as_deref(),
            })
            .collect();
        build(&sources, &l.identities)
    })
}

#[component]
pub fn GraphPane() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let drawn: RwSignal<Option<Arc<Drawn>>> = RwSignal::new(None);
    let canvas: StoredValue<Option<Canvas>, LocalStorage> = StoredValue::new_local(None);
    let view_state = RwSignal::new(View::default());
    let tf = RwSignal::new((0.0, 0.0, 1.0));
    let hover: RwSignal<Option<usize>> = RwSignal::new(None);
    let link_mode = RwSignal::new(false);
    let pins_changed = RwSignal::new(0u64);
    let drag: StoredValue<Option<Drag>> = StoredValue::new(None);
    // the next mention to show, per node
    let cursor: StoredValue<Vec<usize>> = StoredValue::new(Vec::new());
    let pos_of =
        move |i: usize| canvas.with_value(|c| c.as_ref().map(|c| c.pos(i)).unwrap_or_default());
    let move_to = move |i: usize, p: P| {
        canvas.update_value(|c| {
            if let Some(c) = c {
                c.set_pos(i, p);
            }
        })
    };

    // rebuild when the library, the open article, its scan or the scope change
    Effect::new(move |prev_scope: Option<(Scope, Option<String>)>| {
        ctx.library.track();
        ctx.analysis.track();
        let scope = ctx.graph_scope.get();
        let cur = ctx.current.get();
        let graph = scope_graph(ctx);
        // an unchanged graph (a new revision that touched nothing drawn) is not laid out again
        let same = drawn.with_untracked(|old| old.as_ref().is_some_and(|o| o.graph == graph));
        if !same {
            let t0 = perf_now();
            let mut laid = None;
            ctx.layout_memory
                .update_value(|mem| laid = Some(lay_out(&graph, mem)));
            let Some(l) = laid else {
                return (scope, cur);
            };
            let d = Drawn {
                graph,
                generation: drawn.with_untracked(|d| d.as_ref().map_or(0, |d| d.generation)) + 1,
                layout_ms: perf_now() - t0,
                iterations: l.iterations,
            };
            let positions = l.positions;
            let refit = prev_scope.as_ref() != Some(&(scope, cur.clone()))
                || drawn.with_untracked(|o| o.is_none());
            canvas.update_value(|c| {
                if let Some(c) = c {
                    c.draw(&d.graph, positions);
                }
            });
            let d = Arc::new(d);
            drawn.set(Some(d.clone()));
            if refit {
                view_state.update(|v| v.focus = None);
                // once the drawing area has its size
                request_animation_frame(move || {
                    let vis = view_state.with_untracked(|v| v.apply(&d.graph));
                    let f = canvas.with_value(|c| c.as_ref().map(|c| fit(c.positions(), &vis)));
                    if let Some(f) = f {
                        tf.set(f);
                    }
                });
            }
        }
        (scope, cur)
    });
    let visible = Memo::new(move |_| {
        drawn.with(|d| {
            d.as_ref()
                .map(|d| view_state.with(|v| v.apply(&d.graph)))
                .unwrap_or(Visible {
                    nodes: Vec::new(),
                    edges: Vec::new(),
                })
        })
    });
    // the drawing follows the view: shown, dimmed, selected, pinned, zoomed
    Effect::new(move |_| {
        let vis = visible.get();
        canvas.with_value(|c| {
            if let Some(c) = c {
                c.show(&vis);
            }
        });
    });
    // the hovered node and its neighbours (over the shown edges) stay lit, the rest dims
    Effect::new(move |_| {
        let h = hover.get();
        let l: Option<Vec<bool>> = h
            .and_then(|h| drawn.with(|d| visible.with(|v| v.neighbourhood(&d.as_ref()?.graph, h))));
        canvas.with_value(|c| {
            if let Some(c) = c {
                let on = |i: usize| l.as_ref().and_then(|l| l.get(i)).copied().unwrap_or(true);
                c.mark_nodes("dim", &|i| !on(i));
                c.mark_edges("dim", &|a, b| !(on(a) && on(b)));
            }
        });
    });
    Effect::new(move |_| {
        let id = ctx.graph_node.get();
        pins_changed.track();
        drawn.with(|d| {
            let s = d
                .as_ref()
                .zip(id.as_deref())
                .and_then(|(d, id)| d.graph.node(id));
            canvas.with_value(|c| {
                if let Some(c) = c {
                    c.mark_nodes("sel", &|i| s == Some(i));
                }
            });
            let Some(d) = d.as_ref() else { return };
            ctx.layout_memory.with_value(|mem| {
                canvas.with_value(|c| {
                    if let Some(c) = c {
                        c.mark_nodes("pinned", &|i| {
                            d.graph
                                .nodes
                                .get(i)
                                .and_then(|n| mem.get(&n.id))
                                .is_some_and(|m| m.1)
                        });
                    }
                });
            });
        });
    });
    Effect::new(move |_| {
        let t = tf.get();
        canvas.with_value(|c| {
            if let Some(c) = c {
                c.set_transform(t);
            }
        });
    });
    // a claim selected in the text or the list is selected (and shown) in the graph too
    Effect::new(move |_| {
        let Some(claim) = ctx.selected.get() else {
            return;
        };
        let Some(article) = ctx.current.get_untracked() else {
            return;
        };
        drawn.with(|d| {
            let Some(d) = d.as_ref() else { return };
            if let Some(i) = d.graph.claim_node(&article, &claim) {
                ctx.graph_node.set(Some(d.graph.nodes[i].id.clone()));
                let p = pos_of(i);
                let (w, h) = svg_element()
                    .map(|s| {
                        let r = s.get_bounding_client_rect();
                        (r.width(), r.height())
                    })
                    .unwrap_or((600.0, 400.0));
                let (tx, ty, k) = tf.get_untracked();
                let (sx, sy) = (tx + p.x * k, ty + p.y * k);
                if sx < 0.0 || sy < 0.0 || sx > w || sy > h {
                    tf.set((w / 2.0 - p.x * k, h / 2.0 - p.y * k, k));
                }
            }
        });
    });

    // showing a node in the text: its mentions one after another, opening its article
    let show_in_text = move |i: usize| {
        let Some(d) = drawn.get_untracked() else {
            return;
        };
        let Some(node) = d.graph.nodes.get(i) else {
            return;
        };
        ctx.graph_node.set(Some(node.id.clone()));
        if node.mentions.is_empty() {
            return;
        }
        let k = cursor.with_value(|c| c.get(i).copied().unwrap_or(0)) % node.mentions.len();
        cursor.update_value(|c| {
            if c.len() <= i {
                c.resize(i + 1, 0);
            }
            c[i] = k + 1;
        });
        let m = node.mentions[k].clone();
        if ctx.current.get_untracked().as_deref() != Some(m.article.as_str()) {
            ctx.open(&m.article);
        }
        let claim = node.claim.as_ref().map(|c| c.claim.clone());
        if let Some(c) = &claim {
            ctx.selected.set(Some(c.clone()));
        }
        // after the article (if switched) has rendered
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
    };
    let start_link = move |from: usize, to: Option<usize>| {
        let Some(d) = drawn.get_untracked() else {
            return;
        };
        match draft_between(&ctx, &d.graph, from, to) {
            Ok(draft) => ctx.link_draft.set(Some(draft)),
            Err(e) => ctx.error.set(Some(e)),
        }
    };
    let pin = move |i: usize, p: P, on: bool| {
        if let Some(d) = drawn.get_untracked() {
            let Some(id) = d.graph.nodes.get(i).map(|n| n.id.clone()) else {
                return;
            };
            ctx.layout_memory.update_value(|mem| {
                mem.insert(id, (p, on));
            });
            pins_changed.update(|n| *n += 1);
        }
    };

    let node_of = |t: Option<web_sys::EventTarget>| -> Option<usize> {
        t?.dyn_into::<web_sys::Element>()
            .ok()?
            .closest("[data-i]")
            .ok()??
            .get_attribute("data-i")?
            .parse()
            .ok()
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let d = match node_of(ev.target()) {
            Some(i) if ev.shift_key() || link_mode.get_untracked() => {
                let p = pos_of(i);
                canvas.with_value(|c| {
                    if let Some(c) = c {
                        c.set_rubber(Some((p, p)));
                    }
                });
                Drag::Link { from: i }
            }
            Some(i) => Drag::Node {
                i,
                x,
                y,
                moved: false,
            },
            None => Drag::Pan {
                x,
                y,
                tf: tf.get_untracked(),
            },
        };
        drag.set_value(Some(d));
        if let Some(s) = svg_element() {
            let _ = s.set_pointer_capture(ev.pointer_id());
        }
        ev.prevent_default();
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(d) = drag.get_value() else {
            return;
        };
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        match d {
            Drag::Node {
                i,
                x: x0,
                y: y0,
                moved,
            } => {
                let moved = moved || (x - x0).abs().max((y - y0).abs()) > 3.0;
                if moved {
                    move_to(i, to_world(x, y, tf.get_untracked()));
                }
                drag.set_value(Some(Drag::Node {
                    i,
                    x: x0,
                    y: y0,
                    moved,
                }));
            }
            Drag::Pan {
                x: x0,
                y: y0,
                tf: t,
            } => tf.set((t.0 + x - x0, t.1 + y - y0, t.2)),
            Drag::Link { from } => {
                let (a, b) = (pos_of(from), to_world(x, y, tf.get_untracked()));
                canvas.with_value(|c| {
                    if let Some(c) = c {
                        c.set_rubber(Some((a, b)));
                    }
                });
            }
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some(d) = drag.get_value() else {
            return;
        };
        drag.set_value(None);
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        match d {
            Drag::Node { i, moved: true, .. } => pin(i, pos_of(i), true),
            Drag::Node {
                i, moved: false, ..
            } => show_in_text(i),
            Drag::Pan { x: x0, y: y0, .. } => {
                if (x - x0).abs().max((y - y0).abs()) < 3.0 {
                    ctx.graph_node.set(None);
                }
            }
            Drag::Link { from } => {
                canvas.with_value(|c| {
                    if let Some(c) = c {
                        c.set_rubber(None);
                    }
                });
                let under = document()
                    .element_from_point(x as f32, y as f32)
                    .map(web_sys::EventTarget::from);
                if let Some(to) = node_of(under).filter(|&t| t != from) {
                    start_link(from, Some(to));
                }
            }
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (tx, ty, k) = tf.get_untracked();
        // zoom by 1.0015 per pixel of scroll (a rational step: no libm `exp` in the bundle)
        let s = 1.0 + ev.delta_y().abs() * 0.0015;
        let f = if ev.delta_y() > 0.0 { 1.0 / s } else { s };
        let nk = (k * f).clamp(0.05, 8.0);
        let r = svg_element().map(|s| s.get_bounding_client_rect());
        let (l, t) = r.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        let (px, py) = (ev.client_x() as f64 - l, ev.client_y() as f64 - t);
        tf.set((px - (px - tx) * nk / k, py - (py - ty) * nk / k, nk));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(i) = node_of(ev.target()) else {
            return;
        };
        let step = if ev.shift_key() { 40.0 } else { 10.0 };
        let mv = |dx: f64, dy: f64| {
            let k = tf.get_untracked().2;
            let p = pos_of(i);
            let p = P {
                x: p.x + dx / k,
                y: p.y + dy / k,
            };
            move_to(i, p);
            pin(i, p, true);
        };
        match ev.key().as_str() {
            "Enter" => {
                view_state.update(|v| v.focus = if v.focus == Some(i) { None } else { Some(i) });
                if let Some(d) = drawn.get_untracked() {
                    ctx.graph_node
                        .set(d.graph.nodes.get(i).map(|n| n.id.clone()));
                }
            }
            " " => show_in_text(i),
            "ArrowLeft" => mv(-step, 0.0),
            "ArrowRight" => mv(step, 0.0),
            "ArrowUp" => mv(0.0, -step),
            "ArrowDown" => mv(0.0, step),
            "l" => start_link(i, None),
            "p" => pin(i, pos_of(i), false),
            "Escape" => view_state.update(|v| v.focus = None),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    };
    let on_over = move |ev: leptos::ev::PointerEvent| {
        let i = node_of(ev.target());
        if hover.get_untracked() != i {
            hover.set(i);
        }
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| hover.set(node_of(ev.target()));

    let pane_ref = NodeRef::<leptos::html::Section>::new();
    let controls: StoredValue<Option<Ui>, LocalStorage> = StoredValue::new_local(None);
    let inspector: StoredValue<Option<Ui>, LocalStorage> = StoredValue::new_local(None);
    let find = move |sel: &str| {
        pane_ref
            .get_untracked()
            .and_then(|p| p.query_selector(sel).ok().flatten())
    };
    let act = move |a: Act| match a {
        Act::Scope(s) => ctx.graph_scope.set(s),
        Act::Search(q) => view_state.update(|v| v.search = q),
        Act::LinkMode(on) => link_mode.set(on),
        Act::Kind(k, on) => view_state.update(|v| {
            v.kinds.retain(|x| *x != k);
            if on {
                v.kinds.push(k);
            }
        }),
        Act::Rel(r, on) => view_state.update(|v| {
            v.relations.retain(|x| *x != r);
            if on {
                v.relations.push(r);
            }
        }),
        Act::HideIsolated(on) => view_state.update(|v| v.hide_isolated = on),
        Act::ShowAll => view_state.update(|v| v.focus = None),
        Act::Zoom(f) => tf.update(|t| t.2 = (t.2 * f).clamp(0.05, 8.0)),
        Act::Fit => {
            let pos = canvas.with_value(|c| {
                c.as_ref()
                    .map(|c| c.positions().to_vec())
                    .unwrap_or_default()
            });
            tf.set(fit(&pos, &visible.get_untracked()));
        }
        Act::Relayout => {
            ctx.layout_memory.update_value(|m| m.clear());
            drawn.set(None);
            ctx.library.update(|_| {});
        }
        Act::Export(what) => {
            if let Some(d) = drawn.get_untracked() {
                canvas.with_value(|c| {
                    if let Some(c) = c {
                        save(ctx, &d, &visible.get_untracked(), c.positions(), what);
                    }
                });
            }
        }
        Act::Focus(i) => {
            view_state.update(|v| v.focus = if v.focus == Some(i) { None } else { Some(i) })
        }
        Act::Link(i) => start_link(i, None),
        Act::Merge(from) => {
            let into = pane_ref
                .get_untracked()
                .map(|p| crate::web::dom::input_value(&p, ".merge input"))
                .unwrap_or_default();
            if !into.trim().is_empty() {
                ctx.merge_entities(&from, into.trim());
            }
        }
        Act::Alias(name) => {
            let alias = pane_ref
                .get_untracked()
                .map(|p| crate::web::dom::input_value(&p, ".alias input"))
                .unwrap_or_default();
            if !alias.trim().is_empty() {
                ctx.add_alias(alias.trim(), &name);
            }
        }
        Act::Split(name) => ctx.split_entity(&name),
    };
    let act: Rc<dyn Fn(Act)> = Rc::new(act);
    // the controls, made once the pane is in the page
    let act2 = act.clone();
    Effect::new(move |_| {
        let Some(pane) = pane_ref.get() else { return };
        if controls.with_value(|c| c.is_some()) {
            return;
        }
        if let Some(ui) = Ui::new() {
            build_controls(&ui, &pane, act2.clone());
            // the drawing's pointer, wheel and keyboard handlers, boxed behind one type
            if let Some(svg) = svg_element() {
                use wasm_bindgen::JsCast as _;
                ui.on(
                    &svg,
                    "pointerdown",
                    Box::new(move |e| on_down(e.unchecked_into())),
                );
                ui.on(
                    &svg,
                    "pointermove",
                    Box::new(move |e| on_move(e.unchecked_into())),
                );
                ui.on(
                    &svg,
                    "pointerup",
                    Box::new(move |e| on_up(e.unchecked_into())),
                );
                ui.on(
                    &svg,
                    "pointercancel",
                    Box::new(move |_| {
                        drag.set_value(None);
                        canvas.with_value(|c| {
                            if let Some(c) = c {
                                c.set_rubber(None)
                            }
                        });
                    }),
                );
                ui.on(
                    &svg,
                    "pointerover",
                    Box::new(move |e| on_over(e.unchecked_into())),
                );
                ui.on(&svg, "pointerleave", Box::new(move |_| hover.set(None)));
                ui.on(
                    &svg,
                    "focusin",
                    Box::new(move |e| on_focus(e.unchecked_into())),
                );
                ui.on(&svg, "focusout", Box::new(move |_| hover.set(None)));
                ui.on(
                    &svg,
                    "wheel",
                    Box::new(move |e| on_wheel(e.unchecked_into())),
                );
                ui.on(
                    &svg,
                    "keydown",
                    Box::new(move |e| on_key(e.unchecked_into())),
                );
                // the drawing, with the graph built so far (its positions are remembered)
                canvas.update_value(|c| {
                    *c = Canvas::new(&svg);
                    if let (Some(c), Some(d)) = (c.as_mut(), drawn.get_untracked()) {
                        let pos = ctx.layout_memory.with_value(|m| {
                            d.graph
                                .nodes
                                .iter()
                                .map(|n| m.get(&n.id).map(|x| x.0).unwrap_or_default())
                                .collect()
                        });
                        c.draw(&d.graph, pos);
                    }
                });
            }
            controls.set_value(Some(ui));
        }
    });
    // what the controls show: counts, the focus bar, figures on the pane for tests and benchmarks
    Effect::new(move |_| {
        let vis = visible.get();
        let n = vis.nodes.iter().filter(|v| **v).count();
        let e = vis.edges.iter().filter(|v| **v).count();
        if let Some(c) = find(".graph-bar .count") {
            c.set_text_content(Some(&format!("{n} nodes, {e} edges")));
        }
        let focused = view_state.with(|v| v.focus.is_some());
        if let Some(b) = find(".focus-bar") {
            let _ = b.toggle_attribute_with_force("hidden", !focused);
        }
        let Some(p) = pane_ref.get() else { return };
        drawn.with(|d| {
            if let Some(d) = d {
                for (k, v) in [
                    ("data-nodes", d.graph.nodes.len().to_string()),
                    ("data-edges", d.graph.edges.len().to_string()),
                    ("data-layout-ms", format!("{:.1}", d.layout_ms)),
                    ("data-iterations", d.iterations.to_string()),
                ] {
                    let _ = p.set_attribute(k, &v);
                }
            }
        });
    });
    // the inspector of the selected node
    Effect::new(move |_| {
        let id = ctx.graph_node.get();
        let focus = view_state.with(|v| v.focus);
        ctx.library.track();
        let Some(slot) = pane_ref
            .get()
            .and_then(|p| p.query_selector(".inspector").ok().flatten())
        else {
            return;
        };
        slot.set_text_content(None);
        let shown = drawn.with(|d| {
            let d = d.as_ref()?;
            let i = d.graph.node(id.as_deref()?)?;
            let ui = Ui::new()?;
            let n = &d.graph.nodes[i];
            let merged = ctx
                .library
                .with_untracked(|l| l.identities.aliases(&n.label));
            let names: Vec<&str> = d
                .graph
                .nodes
                .iter()
                .filter(|x| x.kind != NodeKind::Claim)
                .map(|x| x.label.as_str())
                .collect();
            let neighbours = d.graph.neighbours(i, &Relation::ALL).len();
            build_inspector(
                &ui,
                &slot,
                n,
                i,
                neighbours,
                focus == Some(i),
                &merged,
                &names,
                act.clone(),
            );
            Some(ui)
        });
        let _ = slot.toggle_attribute_with_force("hidden", shown.is_none());
        inspector.set_value(shown);
    });

    view! { <section class="graph-pane" aria-label="Relationship graph" node_ref=pane_ref></section> }
}

/// What the pane's controls ask for.
#[derive(Clone)]
enum Act {
    Scope(Scope),
    Search(String),
    LinkMode(bool),
    Kind(NodeKind, bool),
    Rel(Relation, bool),
    HideIsolated(bool),
    ShowAll,
    Zoom(f64),
    Fit,
    Relayout,
    Export(&'static str),
    Focus(usize),
    Link(usize),
    Merge(String),
    Alias(String),
    Split(String),
}

/// The bar (scope, search, drawing links, counts), the filters (their swatches are the
/// legend), the focus bar, the zoom buttons and the exports.
#[inline(never)] // one copy, however many callers
fn build_controls(ui: &Ui, pane: &web_sys::Element, act: Rc<dyn Fn(Act)>) {
    let top = ui.el(pane, "div", &[("class", "graph-top")]);
    let canvas = ui.el(pane, "div", &[("class", "graph-canvas")]);
    ui.svg(
        &canvas,
        "svg",
        &[
            ("id", SVG_ID),
            ("role", "group"),
            ("aria-label", "Graph drawing: Tab through nodes, Enter focuses a node, Space shows it in the text, arrows move it, l links it, p unpins it"),
        ],
    );
    let zoom = ui.el(
        &canvas,
        "div",
        &[
            ("class", "zoom"),
            ("role", "toolbar"),
            ("aria-label", "Zoom"),
        ],
    );
    let ex = ui.el(
        pane,
        "div",
        &[
            ("class", "graph-exports"),
            ("role", "toolbar"),
            ("aria-label", "Export graph"),
        ],
    );
    ui.el(
        pane,
        "section",
        &[
            ("class", "inspector"),
            ("aria-label", "Selected node"),
            ("hidden", ""),
        ],
    );
    let a = |x: Act| -> Box<dyn Fn(web_sys::Event)> {
        let act = act.clone();
        Box::new(move |_| act(x.clone()))
    };
    let bar = ui.el(&top, "div", &[("class", "graph-bar")]);
    ui.el_text(&bar, "h2", &[], "Graph");
    let scope = ui.el(&bar, "fieldset", &[("class", "scope")]);
    ui.el_text(&scope, "legend", &[("class", "visually-hidden")], "Scope");
    for (label, s, on) in [
        ("This article", Scope::Article, true),
        ("Library", Scope::Library, false),
    ] {
        let l = ui.el(&scope, "label", &[]);
        let i = ui.el(&l, "input", &[("type", "radio"), ("name", "scope")]);
        if on {
            let _ = i.set_attribute("checked", "");
        }
        ui.on(&i, "change", a(Act::Scope(s)));
        ui.text(&l, label);
    }
    let search = ui.el(
        &bar,
        "input",
        &[
            ("type", "search"),
            ("class", "graph-search"),
            ("placeholder", "Search nodes"),
            ("aria-label", "Search graph"),
        ],
    );
    let act1 = act.clone();
    ui.on(
        &search,
        "input",
        Box::new(move |e| act1(Act::Search(crate::web::dom::value_of(&e)))),
    );
    let act1 = act.clone();
    ui.check(
        &bar,
        "Draw links",
        &[("type", "checkbox")],
        false,
        Box::new(move |on| act1(Act::LinkMode(on))),
    );
    ui.el(&bar, "span", &[("class", "count")]);

    let filters = ui.el(&top, "div", &[("class", "graph-filters")]);
    let kinds = ui.el(&filters, "fieldset", &[]);
    ui.el_text(&kinds, "legend", &[], "Show");
    for k in NodeKind::ALL {
        let act1 = act.clone();
        let l = ui.check(
            &kinds,
            "",
            &[("type", "checkbox")],
            true,
            Box::new(move |on| act1(Act::Kind(k, on))),
        );
        l.set_class_name("swatch-label");
        let style = format!("background:{}", kind_color(k));
        ui.el(&l, "span", &[("class", "dot"), ("style", &style)]);
        ui.text(&l, k.label());
    }
    let rels = ui.el(&filters, "fieldset", &[]);
    ui.el_text(&rels, "legend", &[], "Relations");
    for r in Relation::ALL {
        let act1 = act.clone();
        let l = ui.check(
            &rels,
            "",
            &[("type", "checkbox")],
            true,
            Box::new(move |on| act1(Act::Rel(r, on))),
        );
        l.set_class_name("swatch-label");
        let (color, dash) = relation_style(r);
        let style = format!(
            "border-top:2px {} {color}",
            if dash.is_empty() { "solid" } else { "dashed" }
        );
        ui.el(&l, "span", &[("class", "line"), ("style", &style)]);
        ui.text(&l, r.label());
    }
    let act1 = act.clone();
    ui.check(
        &rels,
        "Hide unlinked",
        &[("type", "checkbox")],
        false,
        Box::new(move |on| act1(Act::HideIsolated(on))),
    );
    let focus = ui.el(&top, "p", &[("class", "focus-bar"), ("hidden", "")]);
    ui.text(&focus, "Showing one node’s neighbourhood. ");
    ui.button(&focus, "Show all", &[("class", "small")], a(Act::ShowAll));

    {
        ui.button(
            &zoom,
            "+",
            &[("class", "small"), ("aria-label", "Zoom in")],
            a(Act::Zoom(1.25)),
        );
        ui.button(
            &zoom,
            "−",
            &[("class", "small"), ("aria-label", "Zoom out")],
            a(Act::Zoom(0.8)),
        );
        ui.button(&zoom, "Fit", &[("class", "small")], a(Act::Fit));
        ui.button(&zoom, "Re-layout", &[("class", "small")], a(Act::Relayout));
    }
    {
        ui.el_text(&ex, "span", &[("class", "hint")], "Export:");
        for (label, what) in [
            ("SVG", "svg"),
            ("PNG", "png"),
            ("GraphML", "graphml"),
            ("GEXF", "gexf"),
            ("Cytoscape JSON", "cyjs"),
            ("Claims CSV", "csv"),
        ] {
            ui.button(&ex, label, &[("class", "small")], a(Act::Export(what)));
        }
    }
}

/// Downloads an export of the graph: the view as SVG or PNG, the graph as GraphML, GEXF
/// or Cytoscape JSON, or the claims of the scope as CSV.
#[inline(never)] // one copy, however many callers
fn save(ctx: Ctx, d: &Drawn, vis: &Visible, pos: &[P], what: &str) {
    let base = match ctx.graph_scope.get_untracked() {
        Scope::Library => "library".to_string(),
        Scope::Article => ctx
            .library
            .with_untracked(|l| {
                let id = ctx.current.get_untracked()?;
                l.get(&id).map(|a| a.name.clone())
            })
            .unwrap_or_else(|| "article".into()),
    };
    let name = |ext: &str| files::file_name_for(&base, &format!("graph.{ext}"));
    let result = match what {
        "svg" => files::download(
            &name("svg"),
            &export::svg(&d.graph, vis, pos),
            "image/svg+xml",
        ),
        "png" => {
            let (svg, w, h) = export::svg_sized(&d.graph, vis, pos);
            files::download_svg_as_png(&name("png"), &svg, w, h, 2.0)
        }
        "graphml" => files::download(
            &name("graphml"),
            &export::graphml(&d.graph, Some(pos)),
            "application/graphml+xml",
        ),
        "gexf" => files::download(
            &name("gexf"),
            &export::gexf(&d.graph, Some(pos)),
            "application/gexf+xml",
        ),
        "cyjs" => files::download(
            &name("cyjs.json"),
            &export::cytoscape(&d.graph, Some(pos)),
            "application/json",
        ),
        _ => {
            let csv = ctx.library.with_untracked(|l| {
                let arts: Vec<_> = match ctx.graph_scope.get_untracked() {
                    Scope::Library => l.articles().iter().collect(),
                    Scope::Article => ctx
                        .current
                        .get_untracked()
                        .and_then(|c| l.get(&c))
                        .into_iter()
                        .collect(),
                };
                export::claims_csv(&arts, &l.identities)
            });
            files::download(&name("claims.csv"), &csv, "text/csv")
        }
    };
    if let Err(e) = result {
        ctx.error.set(Some(format!("Export failed: {e}")));
    }
}

/// What the selected node is, with buttons to focus on it and link it, and for entities
/// the forms to merge it into another entity, give it an alias, and split merged names off.
#[allow(clippy::too_many_arguments)]
#[inline(never)] // one copy, however many callers
fn build_inspector(
    ui: &Ui,
    root: &web_sys::Element,
    n: &crate::core::graph::Node,
    i: usize,
    neighbours: usize,
    focused: bool,
    merged: &[String],
    names: &[&str],
    act: Rc<dyn Fn(Act)>,
) {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    ui.el_text(root, "h3", &[], &excerpt(&n.label, 120));
    ui.el_text(
        root,
        "p",
        &[("class", "meta")],
        &format!(
            "{} · {} mention{} · {} neighbour{} · {} article{}",
            n.kind.as_str(),
            n.mentions.len(),
            s(n.mentions.len()),
            neighbours,
            s(neighbours),
            n.articles.len(),
            s(n.articles.len())
        ),
    );
    if let Some(c) = &n.claim {
        let who = if c.claimant.is_empty() {
            "Unattributed"
        } else {
            c.claimant.as_str()
        };
        ui.el_text(
            root,
            "p",
            &[("class", "meta")],
            &format!("{who} · {} · {}", c.kind, c.status),
        );
    }
    if !n.aliases.is_empty() {
        ui.el_text(
            root,
            "p",
            &[("class", "meta")],
            &format!("Also written: {}", n.aliases.join(", ")),
        );
    }
    let send = |x: Act| -> Box<dyn Fn(web_sys::Event)> {
        let act = act.clone();
        Box::new(move |_| act(x.clone()))
    };
    let buttons = ui.el(root, "div", &[("class", "actions")]);
    ui.button(
        &buttons,
        if focused { "Show all" } else { "Focus" },
        &[("class", "small")],
        send(Act::Focus(i)),
    );
    ui.button(&buttons, "Link…", &[("class", "small")], send(Act::Link(i)));
    if n.kind == NodeKind::Claim {
        return;
    }
    let submit = |x: Act| -> Box<dyn Fn(web_sys::Event)> {
        let act = act.clone();
        Box::new(move |e: web_sys::Event| {
            e.prevent_default();
            act(x.clone())
        })
    };
    for (class, label, button, action) in [
        ("merge", "Merge into", "Merge", Act::Merge(n.label.clone())),
        ("alias", "Add alias", "Add", Act::Alias(n.label.clone())),
    ] {
        let form = ui.el(root, "form", &[("class", class)]);
        let l = ui.el(&form, "label", &[]);
        ui.text(&l, label);
        let attrs: &[(&str, &str)] = if class == "merge" {
            &[
                ("type", "text"),
                ("list", "entity-names"),
                ("autocomplete", "off"),
            ]
        } else {
            &[("type", "text"), ("autocomplete", "off")]
        };
        ui.el(&l, "input", attrs);
        ui.el_text(
            &form,
            "button",
            &[("class", "small"), ("type", "submit")],
            button,
        );
        ui.on(&form, "submit", submit(action));
    }
    if !merged.is_empty() {
        let list = ui.el(
            root,
            "ul",
            &[("class", "merged"), ("aria-label", "Merged names")],
        );
        for m in merged {
            let li = ui.el(&list, "li", &[]);
            ui.text(&li, &format!("{m} "));
            ui.button(
                &li,
                "Split off",
                &[("class", "small")],
                send(Act::Split(m.clone())),
            );
        }
        let li = ui.el(&list, "li", &[]);
        ui.button(
            &li,
            "Split all",
            &[("class", "small")],
            send(Act::Split(n.label.clone())),
        );
    }
    let dl = ui.el(root, "datalist", &[("id", "entity-names")]);
    for name in names {
        ui.el(&dl, "option", &[("value", name)]);
    }
}
