//! The article view. Each rendered block holds its runs of text in a signal of its own,
//! which one painter sets only when the block's runs change: a new or edited claim repaints
//! the blocks under the claims that changed, new entity underlines are painted in ~8 ms
//! slices. No signal has a subscriber per block, so a change costs what it changes, however
//! long the article. Long articles render progressively, in batches, so the page stays
//! responsive. Text is always inserted as text nodes, never as HTML.

use super::state::{Analysis, Ctx, DocRef};
use crate::core::annotation::{segments_with, Claim, Segment};
use crate::core::document::{BlockKind, Document};
use crate::core::keys::{self, Command, Place};
use crate::core::offsets::Span;
use crate::core::page::{Dropped, PageBlock};
use crate::core::relations::EntityId;
use crate::web::selection;
use leptos::prelude::*;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Units per part: the first parts render at once, the others as placeholders of their
/// estimated height until they come within `NEAR_MARGIN` of the screen.
const BATCH: usize = 150;
const FIRST_PARTS: usize = 2;
const NEAR_MARGIN: &str = "2000px 0px";
/// A placeholder's height: per byte of text and per block (margins), as the style sheet
/// sets a paragraph in a wide column; the scroll bar is only as exact as this.
const PX_PER_BYTE: f64 = 0.16;
const BLOCK_PX: f64 = 16.0;
/// Milliseconds of working out runs per slice when the underlines change, and blocks
/// re-rendered at most per slice (their rendering runs after the slice, in the same task).
const SLICE_MS: f64 = 8.0;
const SLICE_BLOCKS: usize = 60;
pub const ARTICLE_ID: &str = "article-body";

/// One rendered piece of the article.
#[derive(Clone)]
enum Unit {
    /// Blocks of the document (a list's items together); in *Show the whole page*, one
    /// block with its index in the page, which it can be dropped from.
    Kept {
        blocks: std::ops::Range<usize>,
        page: Option<usize>,
    },
    /// A block of the page left out of the article (*Show the whole page*).
    Left {
        page: usize,
        why: Dropped,
        text: String,
    },
}

/// The pieces to render: the document's groups, or with `page` every block of the page.
fn units(doc: &Document, page: Option<&[PageBlock]>) -> Vec<Unit> {
    let Some(page) = page else {
        return doc
            .groups()
            .into_iter()
            .map(|blocks| Unit::Kept { blocks, page: None })
            .collect();
    };
    let mut next = 0;
    page.iter()
        .enumerate()
        .map(|(i, b)| match b.dropped {
            Some(why) => Unit::Left {
                page: i,
                why,
                text: b.text.clone(),
            },
            None => {
                next += 1;
                Unit::Kept {
                    blocks: next - 1..next,
                    page: Some(i),
                }
            }
        })
        .collect()
}

/// What the rendered blocks show: each block's runs in its own signal (`cells`, by block
/// index, once rendered), from the claims and the entity underlines as last painted.
struct Painter {
    doc: Arc<Document>,
    cells: Vec<Option<RwSignal<Vec<Segment>>>>,
    /// Each claim's id and span, as last painted.
    claims: Vec<(String, Span)>,
    /// The analysis whose underlines are painted (`None`: none shown).
    marks: Option<Arc<Analysis>>,
    /// Blocks still to repaint with `marks`, first first.
    queue: VecDeque<usize>,
    /// A slice of repainting is scheduled.
    busy: bool,
}

type PainterRef = StoredValue<Painter, LocalStorage>;

impl Painter {
    fn runs(&self, block: usize, claims: &[Claim]) -> Option<Vec<Segment>> {
        let span = self.doc.blocks().get(block)?.span;
        let marks = self.marks.as_ref().map_or(&[][..], |a| a.marks.as_slice());
        Some(segments_with(span, claims, marks))
    }

    /// The block's signal and its runs now, when they differ from what it shows.
    fn stale(
        &self,
        block: usize,
        claims: &[Claim],
    ) -> Option<(RwSignal<Vec<Segment>>, Vec<Segment>)> {
        let cell = (*self.cells.get(block)?)?;
        let now = self.runs(block, claims)?;
        (cell.try_with_untracked(|old| *old != now) == Some(true)).then_some((cell, now))
    }

    /// The blocks whose text overlaps `span` (an empty span: the block holding it).
    fn blocks_under(&self, span: Span) -> std::ops::Range<usize> {
        let blocks = self.doc.blocks();
        let first = blocks.partition_point(|b| b.span.end() < span.start());
        let last = blocks.partition_point(|b| b.span.start() <= span.end());
        first..last.max(first)
    }
}

/// The analysis whose underlines the article shows now: this document's, when shown.
fn shown_marks(ctx: &Ctx, doc: &Arc<Document>) -> Option<Arc<Analysis>> {
    if !ctx.show_suggestions.get_untracked() {
        return None;
    }
    ctx.analysis
        .get_untracked()
        .filter(|a| Arc::ptr_eq(&a.doc.0, doc))
}

/// Repaints after the claims or the underlines changed: the blocks under claims added,
/// removed or moved at once; every rendered block, in slices, when the underlines changed.
fn repaint(painter: PainterRef, claims: Memo<Vec<Claim>>, ctx: Ctx) {
    let now: Vec<(String, Span)> =
        claims.with_untracked(|cs| cs.iter().map(|c| (c.id.clone(), c.span)).collect());
    let Some(doc) = painter.try_with_value(|p| p.doc.clone()) else {
        return;
    };
    let marks = shown_marks(&ctx, &doc);
    let mut sets = Vec::new();
    let mut start = false;
    painter.update_value(|p| {
        let before: HashSet<&(String, Span)> = p.claims.iter().collect();
        let after: HashSet<&(String, Span)> = now.iter().collect();
        let mut dirty: Vec<usize> = before
            .symmetric_difference(&after)
            .flat_map(|(_, span)| p.blocks_under(*span))
            .collect();
        crate::core::sort::sort(&mut dirty);
        dirty.dedup();
        let same = match (&p.marks, &marks) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            p.marks = marks;
            p.queue = (0..p.cells.len())
                .filter(|&b| p.cells[b].is_some())
                .collect();
            start = !p.busy && !p.queue.is_empty();
            p.busy |= start;
        }
        claims.with_untracked(|cs| sets.extend(dirty.into_iter().filter_map(|b| p.stale(b, cs))));
        p.claims = now;
    });
    for (cell, runs) in sets {
        cell.set(runs);
    }
    if start {
        drain(painter, claims);
    }
}

/// Repaints queued blocks for about `SLICE_MS`, then again after the browser has painted.
fn drain(painter: PainterRef, claims: Memo<Vec<Claim>>) {
    set_timeout(
        move || {
            let t0 = crate::web::perf_now();
            let mut sets = Vec::new();
            let more = painter.try_update_value(|p| {
                while sets.len() < SLICE_BLOCKS && crate::web::perf_now() - t0 < SLICE_MS {
                    for _ in 0..32 {
                        let Some(b) = p.queue.pop_front() else { break };
                        if let Some(s) = claims.try_with_untracked(|cs| p.stale(b, cs)).flatten() {
                            sets.push(s);
                        }
                    }
                    if p.queue.is_empty() {
                        break;
                    }
                }
                p.busy = !p.queue.is_empty();
                p.busy
            });
            for (cell, runs) in sets {
                cell.set(runs);
            }
            if more == Some(true) {
                drain(painter, claims); // else done, or the article view is gone
            }
        },
        Duration::ZERO,
    );
}

/// `whole`: *Show the whole page* is on, so every block of the open article's page is
/// shown (the page changes only with the document, which renders this again anyway).
#[component]
pub fn ArticleView(doc: DocRef, whole: bool, claims: Memo<Vec<Claim>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let doc = doc.0;
    let groups = ctx
        .with_current(|a| units(&doc, Some(a.page()).filter(|_| whole)))
        .unwrap_or_default();
    let total = groups.len();
    let parts = total.div_ceil(BATCH);
    // each part's first byte and its height as estimated from its length
    let (starts, heights): (Vec<usize>, Vec<u32>) = (0..parts)
        .map(|k| {
            let units = groups
                .get(k * BATCH..((k + 1) * BATCH).min(total))
                .unwrap_or(&[]);
            let bytes: usize = units.iter().map(|u| unit_bytes(&doc, u)).sum();
            let lines = units.len() as f64 * BLOCK_PX;
            let start = units
                .iter()
                .find_map(|u| unit_start(&doc, u))
                .unwrap_or(usize::MAX);
            (start, (bytes as f64 * PX_PER_BYTE + lines) as u32)
        })
        .unzip();
    // the first parts at once; the others when they come near the screen
    let live: Arc<Vec<RwSignal<bool>>> =
        Arc::new((0..parts).map(|k| RwSignal::new(k < FIRST_PARTS)).collect());
    let near = StoredValue::new_local(None::<crate::web::viewport::Near>);
    let lv = live.clone();
    Effect::new(move |_| {
        // after the first render: watch the placeholders
        if parts <= FIRST_PARTS || near.with_value(|n| n.is_some()) {
            return;
        }
        let lv = lv.clone();
        let watcher = crate::web::viewport::Near::new(NEAR_MARGIN, move |k| {
            if let Some(l) = lv.get(k) {
                l.set(true);
            }
        });
        if let (Some(w), Some(root)) = (&watcher, document().get_element_by_id(ARTICLE_ID)) {
            w.watch_all(&root, ".later[data-part]");
        }
        near.set_value(watcher);
    });
    // text asked for from a list (a claim, a mention): its part rendered
    let lv = live.clone();
    Effect::new(move |_| {
        if let Some(span) = ctx.wanted.get() {
            let k = starts
                .partition_point(|&s| s <= span.start())
                .saturating_sub(1);
            for l in lv
                .get(k.saturating_sub(1)..(k + 2).min(parts))
                .unwrap_or(&[])
            {
                l.set(true);
            }
        }
    });
    let groups = Arc::new(groups);
    let painter: PainterRef = StoredValue::new_local(Painter {
        doc: doc.clone(),
        cells: vec![None; doc.blocks().len()],
        claims: claims.with_untracked(|cs| cs.iter().map(|c| (c.id.clone(), c.span)).collect()),
        marks: shown_marks(&ctx, &doc),
        queue: VecDeque::new(),
        busy: false,
    });
    // the one reader of the claims and the analysis for the blocks
    Effect::new(move |_| {
        claims.track();
        ctx.analysis.track();
        ctx.show_suggestions.track();
        repaint(painter, claims, ctx);
    });
    // the hovered entity's mentions lit: one rule in a style element of the article's own,
    // so no element rendered here is changed by hand (and no signal has a subscriber per
    // mention); the id is a number, the rule's look is the style sheet's `--ent-hover`
    let hover_rule = move || {
        ctx.hovered_entity
            .get()
            .map(|id| {
                format!(
                    "#{ARTICLE_ID} {} {{ background: var(--ent-hover); border-radius: 2px; }}",
                    id.selector()
                )
            })
            .unwrap_or_default()
    };
    let doc_k = doc.clone();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| keyboard_select(&ev, &doc_k);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // *Drop* and *Bring back* in the whole page carry the page block they act on
        if let Ok(Some(b)) = target.closest("button[data-block]") {
            if let Some(i) = b.get_attribute("data-block").and_then(|i| i.parse().ok()) {
                ctx.set_block_kept(i, b.get_attribute("data-keep").is_some());
            }
            return;
        }
        // a click (not a drag) on a highlight selects its innermost claim
        let collapsed = window()
            .get_selection()
            .ok()
            .flatten()
            .is_none_or(|s| s.is_collapsed());
        if !collapsed {
            return;
        }
        // a click on an underlined name picks its entity for the legend's class buttons
        ctx.picked_entity.set(
            target
                .closest("[data-entity]")
                .ok()
                .flatten()
                .and_then(|e| {
                    let id = e.get_attribute("data-entity")?;
                    ctx.analysis.with_untracked(|a| {
                        a.as_ref()?
                            .ids
                            .iter()
                            .flatten()
                            .find(|i| i.as_str() == id)
                            .cloned()
                    })
                }),
        );
        if let Ok(Some(mark)) = target.closest("mark[data-claims]") {
            if let Some(id) = mark
                .get_attribute("data-claims")
                .and_then(|c| c.split(' ').next_back().map(str::to_string))
            {
                ctx.close_panel();
                ctx.selected.set(Some(id));
            }
        }
    };
    view! {
        <style class="ent-hover-rule">{hover_rule}</style>
        <article id=ARTICLE_ID tabindex="0" aria-describedby="kbd-help" on:keydown=on_keydown on:click=on_click>
            {(0..parts).map(|k| {
                let (l, groups, doc) = (live[k], groups.clone(), doc.clone());
                let height = format!("height:{}px", heights.get(k).copied().unwrap_or(0));
                move || if l.get() {
                    (k * BATCH..((k + 1) * BATCH).min(total))
                        .filter_map(|gi| groups.get(gi).cloned())
                        .map(|unit| render_unit(doc.clone(), unit, claims, painter))
                        .collect_view()
                        .into_any()
                } else {
                    // a part not yet near the screen: its estimated height, no text
                    view! { <div class="later" data-part=k style=height.clone() aria-hidden="true"></div> }.into_any()
                }
            }).collect_view()}
        </article>
    }
}

/// The bytes of text a unit shows.
fn unit_bytes(doc: &Document, unit: &Unit) -> usize {
    match unit {
        Unit::Kept { blocks, .. } => doc
            .blocks()
            .get(blocks.clone())
            .map_or(0, |bs| bs.iter().map(|b| b.span.len()).sum()),
        Unit::Left { text, .. } => text.len(),
    }
}

/// The first byte of the document a unit shows (none for a left-out block).
fn unit_start(doc: &Document, unit: &Unit) -> Option<usize> {
    match unit {
        Unit::Kept { blocks, .. } => doc.blocks().get(blocks.start).map(|b| b.span.start()),
        Unit::Left { .. } => None,
    }
}

/// Renders the parts of `doc` holding `span` (if not yet), then calls `f` with the article
/// element once they are in the page: scrolling to a claim or a mention from a list.
pub fn bring_into_view(ctx: Ctx, span: Span, f: impl FnOnce(&web_sys::Element) + 'static) {
    ctx.wanted.set(Some(span));
    request_animation_frame(move || {
        if let Some(root) = document().get_element_by_id(ARTICLE_ID) {
            f(&root);
        }
    });
}

/// A unit: a group of the document, or in *Show the whole page* a block with its button
/// (*Drop* on kept blocks but the title, *Bring back* on left-out ones, greyed and labelled).
fn render_unit(
    doc: Arc<Document>,
    unit: Unit,
    claims: Memo<Vec<Claim>>,
    painter: PainterRef,
) -> AnyView {
    match unit {
        Unit::Kept { blocks, page: None } => render_group(doc, blocks, claims, painter),
        Unit::Kept {
            blocks,
            page: Some(i),
        } => {
            let title = doc.blocks().get(blocks.start).map(|b| b.kind) == Some(BlockKind::Title);
            let body = render_group(doc, blocks, claims, painter);
            // handled by the article's one click handler
            let drop = (!title)
                .then(|| view! { <button class="small block-action" data-block=i>"Drop"</button> });
            view! { <div class="page-block">{drop}{body}</div> }.into_any()
        }
        Unit::Left { page: i, why, text } => {
            let (kind, label) = match why {
                Dropped::Frame => ("frame", "Left out: page frame"),
                Dropped::Boilerplate => ("boilerplate", "Left out: boilerplate"),
            };
            view! {
                <div class="page-block dropped" data-dropped=kind>
                    <button class="small block-action" data-block=i data-keep="">"Bring back"</button>
                    <span class="dropped-label">{label}</span>
                    <div class="dropped-text">{text}</div>
                </div>
            }
            .into_any()
        }
    }
}

fn render_group(
    doc: Arc<Document>,
    range: std::ops::Range<usize>,
    claims: Memo<Vec<Claim>>,
    painter: PainterRef,
) -> AnyView {
    let blocks = doc.blocks();
    let first = blocks[range.start];
    if first.kind == BlockKind::Item {
        let items = range
            .map(|i| {
                view! { <li>{runs(doc.clone(), i, claims, painter)}</li> }
            })
            .collect_view();
        return view! { <ul>{items}</ul> }.into_any();
    }
    let body = runs(doc, range.start, claims, painter);
    match first.kind {
        BlockKind::Title => view! { <h1>{body}</h1> }.into_any(),
        BlockKind::Heading => view! { <h2>{body}</h2> }.into_any(),
        BlockKind::Quote => view! { <blockquote>{body}</blockquote> }.into_any(),
        BlockKind::Pre => view! { <pre>{body}</pre> }.into_any(),
        BlockKind::Caption => view! { <p class="caption">{body}</p> }.into_any(),
        _ => view! { <p>{body}</p> }.into_any(),
    }
}

/// The runs of one block: plain spans and `<mark>`s for claims, in a signal of the block's
/// own that the painter sets only when they change (`repaint`).
fn runs(
    doc: Arc<Document>,
    block: usize,
    claims: Memo<Vec<Claim>>,
    painter: PainterRef,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let first = painter
        .try_with_value(|p| claims.with_untracked(|cs| p.runs(block, cs)))
        .flatten()
        .unwrap_or_default();
    let segs = RwSignal::new(first);
    painter.update_value(|p| {
        if let Some(cell) = p.cells.get_mut(block) {
            *cell = Some(segs);
        }
    });
    move || {
        segs.get()
            .into_iter()
            .map(|seg| {
                let text = doc.slice(seg.span).to_string();
                let (o, e) = (seg.span.start(), seg.span.end());
                let ent_class = seg.entity.as_ref().map(|m| format!(" ent ent-{}", m.label)).unwrap_or_default();
                let tip = seg.entity.as_ref().map(|m| super::suggestions::entity_tooltip(&ctx, m.entity)).unwrap_or_default();
                let ent_id = seg.entity.as_ref().and_then(|m| m.id.clone());
                let hover_id = ent_id.clone();
                let hover_on = move |_| ctx.hovered_entity.set(hover_id.clone());
                let hover_off = move |_| ctx.hovered_entity.set(None);
                let ent_id = ent_id.map(EntityId::into_string);
                if seg.claims.is_empty() && seg.entity.is_none() {
                    view! { <span data-o=o data-e=e>{text}</span> }.into_any()
                } else if seg.claims.is_empty() {
                    view! {
                        <span data-o=o data-e=e class=ent_class.trim().to_string() data-entity=ent_id title=tip
                            on:mouseenter=hover_on on:mouseleave=hover_off>{text}</span>
                    }.into_any()
                } else {
                    let ids = seg.claims.join(" ");
                    let depth = format!("hl d{}{ent_class}", seg.claims.len().min(4));
                    let mine = seg.claims.clone();
                    let is_sel = move || ctx.selected.with(|s| s.as_ref().is_some_and(|id| mine.contains(id)));
                    view! {
                        <mark data-o=o data-e=e data-claims=ids class=depth class:sel=is_sel data-entity=ent_id title=tip
                            on:mouseenter=hover_on on:mouseleave=hover_off>{text}</mark>
                    }.into_any()
                }
            })
            .collect_view()
    }
}

/// Keyboard selection inside the focused article: j / k select the next / previous
/// sentence, J / K extend the selection by a sentence, Shift+arrows adjust it by a
/// character (with Ctrl, by a word).
fn keyboard_select(ev: &leptos::ev::KeyboardEvent, doc: &Arc<Document>) {
    let key = ev.key();
    let Some(command) = keys::route(Place::Article, &crate::web::key_press(ev, &key)) else {
        return;
    };
    let Some(root) = document().get_element_by_id(ARTICLE_ID) else {
        return;
    };
    let sentences = doc.sentences();
    if sentences.is_empty() {
        return;
    }
    let current = selection::selection_span(&root, doc.text());
    match command {
        Command::Sentence { forward, extend } => {
            ev.prevent_default();
            if let Some(span) = keys::next_sentence(sentences, current, forward, extend) {
                selection::select_span(&root, doc.text(), span);
                if let Some(el) = selection::segments(&root).into_iter().find(|el| {
                    el.get_attribute("data-e")
                        .and_then(|e| e.parse::<usize>().ok())
                        .is_some_and(|e| e > span.start())
                }) {
                    selection::scroll_into_view(&el);
                }
            }
        }
        Command::Adjust { forward, word } if current.is_some() => {
            ev.prevent_default();
            if let Some(sel) = window().get_selection().ok().flatten() {
                let dir = if forward { "forward" } else { "backward" };
                let unit = if word { "word" } else { "character" };
                let _ = sel.modify("extend", dir, unit);
            }
        }
        _ => {}
    }
}
