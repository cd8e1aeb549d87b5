//! The relationship graph pane: an SVG drawing of `core::graph` laid out by `core::layout`,
//! with pan, zoom, drag (which pins), hover neighbours, click to the text, filters, search,
//! focus mode, scope, links drawn by dragging, an inspector for merging entities, exports.
//! Thin: building, laying out, filtering and exporting are the core's.

use super::excerpt;
use super::state::{Ctx, LinkDraft, Scope};
use crate::core::graph::export::{self, kind_color, relation_style};
use crate::core::graph::{build, Graph, NodeKind, Source, View, Visible};
use crate::core::layout::{layout, seed_positions, Params, P};
use crate::core::relations::{End, Relation};
use crate::web::graph_view::Canvas;
use crate::web::{files, perf_now, selection};
use leptos::prelude::*;
use std::collections::HashMap;
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
    let n = &g.nodes[i];
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
    let kind = match (&from_end, &to_end) {
        (End::Claim(_), Some(End::Claim(_))) => Relation::Contradicts,
        (End::Claim(_), Some(End::Entity(_))) => Relation::About,
        (End::Entity(_), Some(End::Claim(_))) => Relation::Said,
        _ => Relation::Related,
    };
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

/// A transform that fits the shown nodes into the drawing area.
fn fit(pos: &[P], vis: &Visible) -> (f64, f64, f64) {
    let (w, h) = svg_element()
        .map(|s| {
            let r = s.get_bounding_client_rect();
            (r.width().max(100.0), r.height().max(100.0))
        })
        .unwrap_or((600.0, 400.0));
    let pts: Vec<P> = (0..pos.len())
        .filter(|&i| vis.nodes.get(i).copied().unwrap_or(false))
        .map(|i| pos[i])
        .collect();
    if pts.is_empty() {
        return (w / 2.0, h / 2.0, 1.0);
    }
    let (mut lx, mut ly, mut hx, mut hy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in &pts {
        lx = lx.min(p.x);
        ly = ly.min(p.y);
        hx = hx.max(p.x);
        hy = hy.max(p.y);
    }
    // room for the labels, which run to the right of their nodes
    let k = ((w - 170.0).max(60.0) / (hx - lx).max(1.0))
        .min((h - 60.0).max(60.0) / (hy - ly).max(1.0))
        .clamp(0.05, 2.0);
    (
        (w - 110.0) / 2.0 - k * (lx + hx) / 2.0,
        h / 2.0 - k * (ly + hy) / 2.0,
        k,
    )
}

/// Builds the graph of the scope and lays it out, starting from where nodes were before.
fn draw(ctx: Ctx, generation: u64) -> (Drawn, Vec<P>) {
    let bench = crate::web::query_param("graphbench").and_then(|n| n.parse::<usize>().ok());
    let graph = match bench {
        Some(n) => crate::core::graph::synthetic(n, n * 3),
        None => {
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
    };
    let n = graph.nodes.len();
    let edges = graph.layout_edges();
    let (prev, pinned) = ctx.layout_memory.with_value(|(mem, pins)| {
        (
            graph
                .nodes
                .iter()
                .map(|x| mem.get(&x.id).copied())
                .collect::<Vec<_>>(),
            graph
                .nodes
                .iter()
                .map(|x| pins.contains(&x.id))
                .collect::<Vec<_>>(),
        )
    });
    let warm = prev.iter().any(Option::is_some);
    let start = seed_positions(n, &edges, &prev, Params::default().spring_length);
    let t0 = perf_now();
    let params = if warm {
        Params::warm()
    } else {
        Params::default()
    };
    let l = layout(n, &edges, &start, &pinned, &params);
    let layout_ms = perf_now() - t0;
    ctx.layout_memory.update_value(|(mem, _)| {
        for (x, p) in graph.nodes.iter().zip(&l.positions) {
            mem.insert(x.id.clone(), *p);
        }
    });
    (
        Drawn {
            graph,
            generation,
            layout_ms,
            iterations: l.iterations,
        },
        l.positions,
    )
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
    let generation = StoredValue::new(0u64);
    let cursor: StoredValue<HashMap<usize, usize>> = StoredValue::new(HashMap::new());
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
        let g = generation.get_value() + 1;
        generation.set_value(g);
        let (d, positions) = draw(ctx, g);
        let same = drawn.with_untracked(|old| old.as_ref().is_some_and(|o| o.graph == d.graph));
        if !same {
            let refit = prev_scope.as_ref() != Some(&(scope, cur.clone()))
                || drawn.with_untracked(|o| o.is_none());
            canvas.update_value(|c| {
                if c.is_none() {
                    *c = svg_element().and_then(|s| Canvas::new(&s));
                }
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
    // the hovered node and its neighbours, over the shown edges
    let lit = Memo::new(move |_| {
        let h = hover.get()?;
        drawn.with(|d| {
            let d = d.as_ref()?;
            let vis = visible.read();
            let mut on = vec![false; d.graph.nodes.len()];
            *on.get_mut(h)? = true;
            for (k, e) in d.graph.edges.iter().enumerate() {
                if vis.edges.get(k).copied().unwrap_or(false) && (e.from == h || e.to == h) {
                    on[e.from] = true;
                    on[e.to] = true;
                }
            }
            Some(on)
        })
    });
    let selected_index = Memo::new(move |_| {
        let id = ctx.graph_node.get()?;
        drawn.with(|d| d.as_ref().and_then(|d| d.graph.node(&id)))
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
    Effect::new(move |_| {
        let l = lit.get();
        canvas.with_value(|c| {
            if let Some(c) = c {
                let on = |i: usize| l.as_ref().and_then(|l| l.get(i)).copied().unwrap_or(true);
                c.mark_nodes("dim", &|i| !on(i));
                c.mark_edges("dim", &|a, b| !(on(a) && on(b)));
            }
        });
    });
    Effect::new(move |_| {
        let s = selected_index.get();
        drawn.track();
        canvas.with_value(|c| {
            if let Some(c) = c {
                c.mark_nodes("sel", &|i| s == Some(i));
            }
        });
    });
    Effect::new(move |_| {
        pins_changed.track();
        drawn.with(|d| {
            let Some(d) = d.as_ref() else { return };
            ctx.layout_memory.with_value(|(_, pins)| {
                canvas.with_value(|c| {
                    if let Some(c) = c {
                        c.mark_nodes("pinned", &|i| pins.contains(&d.graph.nodes[i].id));
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
        let node = &d.graph.nodes[i];
        ctx.graph_node.set(Some(node.id.clone()));
        if node.mentions.is_empty() {
            return;
        }
        let k = cursor.with_value(|c| c.get(&i).copied().unwrap_or(0)) % node.mentions.len();
        cursor.update_value(|c| {
            c.insert(i, k + 1);
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
            let id = d.graph.nodes[i].id.clone();
            ctx.layout_memory.update_value(|(mem, pins)| {
                mem.insert(id.clone(), p);
                if on {
                    pins.insert(id);
                } else {
                    pins.remove(&id);
                }
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
                let moved = moved || (x - x0).hypot(y - y0) > 3.0;
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
                if (x - x0).hypot(y - y0) < 3.0 {
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
        let f = (-ev.delta_y() * 0.0015).exp();
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
                    ctx.graph_node.set(Some(d.graph.nodes[i].id.clone()));
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

    let counts = move || {
        let vis = visible.get();
        let n = vis.nodes.iter().filter(|v| **v).count();
        let e = vis.edges.iter().filter(|v| **v).count();
        format!("{n} nodes, {e} edges")
    };
    let stats = move || {
        drawn.with(|d| {
            d.as_ref().map(|d| {
                (
                    d.graph.nodes.len(),
                    d.graph.edges.len(),
                    d.layout_ms,
                    d.iterations,
                    d.generation,
                )
            })
        })
    };
    let positions = move || {
        canvas.with_value(|c| {
            c.as_ref()
                .map(|c| c.positions().to_vec())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="graph-pane" aria-label="Relationship graph"
            data-nodes=move || stats().map(|s| s.0).unwrap_or(0)
            data-edges=move || stats().map(|s| s.1).unwrap_or(0)
            data-layout-ms=move || stats().map(|s| format!("{:.1}", s.2)).unwrap_or_default()
            data-iterations=move || stats().map(|s| s.3).unwrap_or(0)
            data-generation=move || stats().map(|s| s.4).unwrap_or(0)>
            <div class="graph-bar">
                <h2>"Graph"</h2>
                <fieldset class="scope">
                    <legend class="visually-hidden">"Scope"</legend>
                    <label><input type="radio" name="scope" prop:checked=move || ctx.graph_scope.get() == Scope::Article
                        on:change=move |_| ctx.graph_scope.set(Scope::Article)/>"This article"</label>
                    <label><input type="radio" name="scope" prop:checked=move || ctx.graph_scope.get() == Scope::Library
                        on:change=move |_| ctx.graph_scope.set(Scope::Library)/>"Library"</label>
                </fieldset>
                <input type="search" class="graph-search" placeholder="Search nodes" aria-label="Search graph"
                    on:input=move |ev| { let q = event_target_value(&ev); view_state.update(|v| v.search = q); }/>
                <label class="toggle"><input type="checkbox" on:change=move |ev| link_mode.set(event_target_checked(&ev))/>"Draw links"</label>
                <span class="count">{counts}</span>
            </div>
            <GraphFilters view_state=view_state/>
            <Show when=move || view_state.with(|v| v.focus.is_some())>
                <p class="focus-bar">"Showing one node’s neighbourhood. "
                    <button class="small" on:click=move |_| view_state.update(|v| v.focus = None)>"Show all"</button></p>
            </Show>
            <div class="graph-canvas">
                <svg id=SVG_ID role="group" aria-label="Graph drawing: Tab through nodes, Enter focuses a node, Space shows it in the text, arrows move it, l links it, p unpins it"
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                    on:pointercancel=move |_| { drag.set_value(None); canvas.with_value(|c| if let Some(c) = c { c.set_rubber(None) }); }
                    on:pointerover=on_over on:pointerleave=move |_| hover.set(None) on:focusin=on_focus on:focusout=move |_| hover.set(None)
                    on:wheel=on_wheel on:keydown=on_key>
                </svg>
                <div class="zoom" role="toolbar" aria-label="Zoom">
                    <button class="small" aria-label="Zoom in" on:click=move |_| tf.update(|t| { t.2 = (t.2 * 1.25).min(8.0); })>"+"</button>
                    <button class="small" aria-label="Zoom out" on:click=move |_| tf.update(|t| { t.2 = (t.2 / 1.25).max(0.05); })>"−"</button>
                    <button class="small" on:click=move |_| tf.set(fit(&positions(), &visible.get_untracked()))>"Fit"</button>
                    <button class="small" on:click=move |_| {
                        ctx.layout_memory.update_value(|(m, p)| { m.clear(); p.clear(); });
                        drawn.set(None);
                        ctx.library.update(|_| {});
                    }>"Re-layout"</button>
                </div>
            </div>
            <GraphExports drawn=drawn visible=visible canvas=canvas/>
            <Inspector drawn=drawn view_state=view_state/>
        </section>
    }
}

/// Filters by node kind and relation type; their swatches are the legend.
#[component]
fn GraphFilters(view_state: RwSignal<View>) -> impl IntoView {
    let kinds = NodeKind::ALL.iter().map(|&k| {
        view! {
            <label class="swatch-label">
                <input type="checkbox" checked on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    view_state.update(|v| { v.kinds.retain(|x| *x != k); if on { v.kinds.push(k); } });
                }/>
                <span class=format!("dot kind-{}", k.as_str()) style=format!("background:{}", kind_color(k))></span>
                {k.label()}
            </label>
        }
    }).collect::<Vec<_>>();
    let relations = Relation::ALL.iter().map(|&r| {
        let (color, dash) = relation_style(r);
        view! {
            <label class="swatch-label">
                <input type="checkbox" checked on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    view_state.update(|v| { v.relations.retain(|x| *x != r); if on { v.relations.push(r); } });
                }/>
                <span class="line" style=format!("border-top:2px {} {color}", if dash.is_empty() { "solid" } else { "dashed" })></span>
                {r.label()}
            </label>
        }
    }).collect::<Vec<_>>();
    view! {
        <div class="graph-filters">
            <fieldset><legend>"Show"</legend>{kinds}</fieldset>
            <fieldset><legend>"Relations"</legend>{relations}
                <label><input type="checkbox" on:change=move |ev| { let on = event_target_checked(&ev); view_state.update(|v| v.hide_isolated = on); }/>"Hide unlinked"</label>
            </fieldset>
        </div>
    }
}

#[component]
fn GraphExports(
    drawn: RwSignal<Option<Arc<Drawn>>>,
    visible: Memo<Visible>,
    canvas: StoredValue<Option<Canvas>, LocalStorage>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let base = move || match ctx.graph_scope.get_untracked() {
        Scope::Library => "library".to_string(),
        Scope::Article => ctx
            .with_current(|a| a.name.clone())
            .unwrap_or_else(|| "article".into()),
    };
    let positions = move |_: &Drawn| -> Vec<P> {
        canvas.with_value(|c| {
            c.as_ref()
                .map(|c| c.positions().to_vec())
                .unwrap_or_default()
        })
    };
    let save = move |what: &'static str| {
        let Some(d) = drawn.get_untracked() else {
            return;
        };
        let pos = positions(&d);
        let result = match what {
            "svg" => files::download(
                &files::file_name_for(&base(), "graph.svg"),
                &export::svg(&d.graph, &visible.get_untracked(), &pos),
                "image/svg+xml",
            ),
            "png" => {
                let svg = export::svg(&d.graph, &visible.get_untracked(), &pos);
                let (w, h) = svg_size(&svg);
                files::download_svg_as_png(
                    &files::file_name_for(&base(), "graph.png"),
                    &svg,
                    w,
                    h,
                    2.0,
                )
            }
            "graphml" => files::download(
                &files::file_name_for(&base(), "graph.graphml"),
                &export::graphml(&d.graph, Some(&pos)),
                "application/graphml+xml",
            ),
            "gexf" => files::download(
                &files::file_name_for(&base(), "graph.gexf"),
                &export::gexf(&d.graph, Some(&pos)),
                "application/gexf+xml",
            ),
            "cyjs" => files::download(
                &files::file_name_for(&base(), "graph.cyjs.json"),
                &export::cytoscape(&d.graph, Some(&pos)),
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
                files::download(
                    &files::file_name_for(&base(), "graph.claims.csv"),
                    &csv,
                    "text/csv",
                )
            }
        };
        if let Err(e) = result {
            ctx.error.set(Some(format!("Export failed: {e}")));
        }
    };
    view! {
        <div class="graph-exports" role="toolbar" aria-label="Export graph">
            <span class="hint">"Export:"</span>
            <button class="small" on:click=move |_| save("svg")>"SVG"</button>
            <button class="small" on:click=move |_| save("png")>"PNG"</button>
            <button class="small" on:click=move |_| save("graphml")>"GraphML"</button>
            <button class="small" on:click=move |_| save("gexf")>"GEXF"</button>
            <button class="small" on:click=move |_| save("cyjs")>"Cytoscape JSON"</button>
            <button class="small" on:click=move |_| save("csv")>"Claims CSV"</button>
        </div>
    }
}

/// Width and height written in the core's SVG header.
fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        svg.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(800.0)
    };
    (attr("width"), attr("height"))
}

/// What the selected node is, with its merges, aliases and links.
#[component]
fn Inspector(drawn: RwSignal<Option<Arc<Drawn>>>, view_state: RwSignal<View>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let node = move || {
        let id = ctx.graph_node.get()?;
        drawn.with(|d| {
            let d = d.as_ref()?;
            let i = d.graph.node(&id)?;
            Some((
                i,
                d.graph.nodes[i].clone(),
                d.graph.neighbours(i, &Relation::ALL).len(),
            ))
        })
    };
    let entity_names = move || {
        drawn.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.graph
                        .nodes
                        .iter()
                        .filter(|n| n.kind != NodeKind::Claim)
                        .map(|n| n.label.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let merge_into = RwSignal::new(String::new());
    let alias = RwSignal::new(String::new());
    view! {
        {move || node().map(|(i, n, neighbours)| {
            let is_claim = n.kind == NodeKind::Claim;
            let label = n.label.clone();
            let (l1, l2, l3) = (label.clone(), label.clone(), label.clone());
            let aliases = n.aliases.clone();
            let merged: Vec<String> = ctx.library.with_untracked(|l| l.identities.aliases(&label));
            let has_merged = !merged.is_empty();
            let claim = n.claim.clone();
            view! {
                <section class="inspector" aria-label="Selected node">
                    <h3>{excerpt(&n.label, 120)}</h3>
                    <p class="meta">{format!("{} · {} mention{} · {} neighbour{} · {} article{}",
                        n.kind.as_str(), n.mentions.len(), if n.mentions.len() == 1 { "" } else { "s" },
                        neighbours, if neighbours == 1 { "" } else { "s" },
                        n.articles.len(), if n.articles.len() == 1 { "" } else { "s" })}</p>
                    {claim.map(|c| view! { <p class="meta">{format!("{} · {} · {}", if c.claimant.is_empty() { "Unattributed".to_string() } else { c.claimant.clone() }, c.kind, c.status)}</p> })}
                    <Show when={let a = aliases.clone(); move || !a.is_empty()}>
                        <p class="meta">"Also written: " {aliases.join(", ")}</p>
                    </Show>
                    <div class="actions">
                        <button class="small" on:click=move |_| view_state.update(|v| v.focus = if v.focus == Some(i) { None } else { Some(i) })>
                            {move || if view_state.with(|v| v.focus == Some(i)) { "Show all" } else { "Focus" }}</button>
                        <button class="small" on:click=move |_| {
                            if let Some(d) = drawn.get_untracked() {
                                match draft_between(&ctx, &d.graph, i, None) {
                                    Ok(draft) => ctx.link_draft.set(Some(draft)),
                                    Err(e) => ctx.error.set(Some(e)),
                                }
                            }
                        }>"Link…"</button>
                    </div>
                    <Show when=move || !is_claim>
                        <form class="merge" on:submit={let l1 = l1.clone(); move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let into = merge_into.get_untracked().trim().to_string();
                            if !into.is_empty() { ctx.merge_entities(&l1, &into); merge_into.set(String::new()); }
                        }}>
                            <label>"Merge into"
                                <input type="text" list="entity-names" bind:value=merge_into autocomplete="off"/>
                            </label>
                            <button class="small" type="submit">"Merge"</button>
                        </form>
                        <form class="alias" on:submit={let l2 = l2.clone(); move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let a = alias.get_untracked().trim().to_string();
                            if !a.is_empty() { ctx.add_alias(&a, &l2); alias.set(String::new()); }
                        }}>
                            <label>"Add alias"
                                <input type="text" bind:value=alias autocomplete="off"/>
                            </label>
                            <button class="small" type="submit">"Add"</button>
                        </form>
                    </Show>
                    <Show when=move || has_merged>
                        <ul class="merged" aria-label="Merged names">
                            {merged.iter().map(|m| {
                                let m2 = m.clone();
                                view! { <li>{m.clone()}" "<button class="small" on:click=move |_| ctx.split_entity(&m2)>"Split off"</button></li> }
                            }).collect::<Vec<_>>()}
                            <li><button class="small" on:click={let l3 = l3.clone(); move |_| ctx.split_entity(&l3)}>"Split all"</button></li>
                        </ul>
                    </Show>
                    <datalist id="entity-names">
                        {entity_names().into_iter().map(|k| view! { <option value=k></option> }).collect::<Vec<_>>()}
                    </datalist>
                </section>
            }
        })}
    }
}

/// The form for drawing a link: type, other end, note. Opened from a claim's "Link…", the
/// inspector, a drag between two nodes or the key `l` on a node.
#[component]
pub fn LinkForm(draft: LinkDraft) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let kind = RwSignal::new(draft.kind.as_str().to_string());
    let note = RwSignal::new(String::new());
    let enc = |e: &End| match e {
        End::Claim(id) => format!("c:{id}"),
        End::Entity(n) => format!("e:{n}"),
    };
    let target = RwSignal::new(draft.to.as_ref().map(enc).unwrap_or_default());
    // the other ends on offer: the article's claims, then entities and claimants
    let (from_text, options) = ctx
        .library
        .with_untracked(|l| {
            let a = l.get(&draft.article)?;
            let describe = |e: &End| match e {
                End::Claim(id) => a
                    .claim(id)
                    .map(|c| format!("Claim: “{}”", excerpt(a.doc.slice(c.span), 70)))
                    .unwrap_or_else(|| id.clone()),
                End::Entity(n) => format!("Entity: {}", l.identities.resolve(n)),
            };
            let mut opts: Vec<(String, String)> = a
                .claims()
                .iter()
                .map(|c| End::Claim(c.id.clone()))
                .filter(|e| *e != draft.from)
                .map(|e| (enc(&e), describe(&e)))
                .collect();
            let mut names: Vec<String> = ctx
                .extraction_of(a)
                .map(|x| {
                    x.entities
                        .iter()
                        .map(|e| l.identities.resolve(&e.name).to_string())
                        .collect()
                })
                .unwrap_or_default();
            names.extend(
                a.claims()
                    .iter()
                    .map(|c| c.fields.claimant.clone())
                    .filter(|c| !c.is_empty()),
            );
            if let Some(End::Entity(n)) = &draft.to {
                names.push(n.clone());
            }
            names.sort();
            names.dedup_by(|x, y| {
                crate::core::relations::name_key(x) == crate::core::relations::name_key(y)
            });
            opts.extend(
                names
                    .into_iter()
                    .map(End::Entity)
                    .filter(|e| *e != draft.from)
                    .map(|e| (enc(&e), describe(&e))),
            );
            Some((describe(&draft.from), opts))
        })
        .unwrap_or_default();
    let d2 = draft.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = target.get_untracked();
        let to = if let Some(id) = t.strip_prefix("c:") {
            End::Claim(id.to_string())
        } else if let Some(n) = t.strip_prefix("e:") {
            End::Entity(n.to_string())
        } else {
            ctx.error.set(Some("Choose what to link to.".into()));
            return;
        };
        let k = Relation::parse(&kind.get_untracked()).unwrap_or(Relation::Related);
        ctx.add_link(&d2, to, k, &note.get_untracked());
    };
    let select_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select_ref.get() {
            let _ = el.focus();
        }
    });
    view! {
        <form class="link-form" aria-label="Link" on:submit=on_submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ctx.link_draft.set(None) }>
            <h2>"Link"</h2>
            <p class="form-quote">{from_text}</p>
            <label>"Relation"
                <select bind:value=kind node_ref=select_ref>
                    {Relation::USER.iter().map(|r| view! { <option value=r.as_str()>{r.label()}</option> }).collect::<Vec<_>>()}
                </select>
            </label>
            <label>"Link to"
                <select bind:value=target>
                    <option value="">"Choose…"</option>
                    {options.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect::<Vec<_>>()}
                </select>
            </label>
            <label>"Link note"
                <textarea rows="2" bind:value=note></textarea>
            </label>
            <div class="actions">
                <button type="submit" class="primary">"Add link"</button>
                <button type="button" on:click=move |_| ctx.link_draft.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}
