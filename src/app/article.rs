//! The article view. Each block renders its runs of text from a memo of its own segments,
//! so adding or editing a claim re-renders only the blocks whose highlights changed.
//! Long articles render progressively so the page stays responsive. Text is always
//! inserted as text nodes, never as HTML.

use super::state::{Ctx, DocRef};
use crate::core::annotation::{segments_with, Claim};
use crate::core::document::{BlockKind, Document};
use crate::core::offsets::Span;
use crate::core::page::{Dropped, PageBlock};
use crate::web::selection;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Groups rendered at once; the rest follow in batches.
const FIRST_BATCH: usize = 200;
const BATCH: usize = 150;
/// Groups whose entity underlines appear together, one chunk per frame, so publishing the
/// suggestions of a long article never re-renders all of it in one task.
const REVEAL_CHUNK: usize = 100;
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
    let shown = RwSignal::new(total.min(FIRST_BATCH));
    if total > FIRST_BATCH {
        grow(shown, total);
    }
    let groups = Arc::new(groups);
    // underlines appear chunk by chunk once the scan of this document is published
    let revealed: Arc<Vec<RwSignal<bool>>> = Arc::new(
        (0..total.div_ceil(REVEAL_CHUNK).max(1))
            .map(|_| RwSignal::new(false))
            .collect(),
    );
    let doc_id = DocRef(doc.clone());
    let rv = revealed.clone();
    Effect::new(move |_| {
        let ready = ctx
            .analysis
            .with(|a| a.as_ref().is_some_and(|a| a.doc == doc_id));
        if ready {
            reveal(rv.clone(), 0);
        } else {
            for r in rv.iter() {
                r.set(false);
            }
        }
    });
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
                .and_then(|e| e.get_attribute("data-entity")?.parse().ok()),
        );
        if let Ok(Some(mark)) = target.closest("mark[data-claims]") {
            if let Some(id) = mark
                .get_attribute("data-claims")
                .and_then(|c| c.split(' ').next_back().map(str::to_string))
            {
                ctx.form.set(None);
                ctx.selected.set(Some(id));
            }
        }
    };
    view! {
        <article id=ARTICLE_ID tabindex="0" aria-describedby="kbd-help" on:keydown=on_keydown on:click=on_click>
            <For each=move || 0..shown.get() key=|i| *i let:gi>
                {render_unit(doc.clone(), groups[gi].clone(), claims, revealed[gi / REVEAL_CHUNK])}
            </For>
            <Show when=move || { shown.get() < total }>
                <p class="loading" role="status">"Loading the rest of the article…"</p>
            </Show>
        </article>
    }
}

/// Marks chunk `i` revealed, then the next one on the next frame.
fn reveal(chunks: Arc<Vec<RwSignal<bool>>>, i: usize) {
    let Some(sig) = chunks.get(i) else { return };
    if sig.try_set(true).is_some() {
        return; // the article view is gone
    }
    if i + 1 < chunks.len() {
        set_timeout(move || reveal(chunks, i + 1), Duration::from_millis(16));
    }
}

/// Renders the next batch after the browser has painted, until all groups are shown.
fn grow(shown: RwSignal<usize>, total: usize) {
    set_timeout(
        move || {
            let more = shown.try_update(|s| {
                *s = (*s + BATCH).min(total);
                *s < total
            });
            if more == Some(true) {
                grow(shown, total);
            }
        },
        Duration::from_millis(16),
    );
}

/// A unit: a group of the document, or in *Show the whole page* a block with its button
/// (*Drop* on kept blocks but the title, *Bring back* on left-out ones, greyed and labelled).
fn render_unit(
    doc: Arc<Document>,
    unit: Unit,
    claims: Memo<Vec<Claim>>,
    revealed: RwSignal<bool>,
) -> AnyView {
    match unit {
        Unit::Kept { blocks, page: None } => render_group(doc, blocks, claims, revealed),
        Unit::Kept {
            blocks,
            page: Some(i),
        } => {
            let title = doc.blocks().get(blocks.start).map(|b| b.kind) == Some(BlockKind::Title);
            let body = render_group(doc, blocks, claims, revealed);
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
    revealed: RwSignal<bool>,
) -> AnyView {
    let blocks = doc.blocks();
    let first = blocks[range.start];
    if first.kind == BlockKind::Item {
        let items = range
            .map(|i| {
                let span = blocks[i].span;
                view! { <li>{runs(doc.clone(), span, claims, revealed)}</li> }
            })
            .collect_view();
        return view! { <ul>{items}</ul> }.into_any();
    }
    let span = first.span;
    let body = runs(doc, span, claims, revealed);
    match first.kind {
        BlockKind::Title => view! { <h1>{body}</h1> }.into_any(),
        BlockKind::Heading => view! { <h2>{body}</h2> }.into_any(),
        BlockKind::Quote => view! { <blockquote>{body}</blockquote> }.into_any(),
        BlockKind::Pre => view! { <pre>{body}</pre> }.into_any(),
        BlockKind::Caption => view! { <p class="caption">{body}</p> }.into_any(),
        _ => view! { <p>{body}</p> }.into_any(),
    }
}

/// The runs of one block: plain spans and `<mark>`s for claims, re-rendered only when this
/// block's segmentation changes.
fn runs(
    doc: Arc<Document>,
    span: Span,
    claims: Memo<Vec<Claim>>,
    revealed: RwSignal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let segs = Memo::new(move |_| {
        let show = ctx.show_suggestions.get() && revealed.get();
        // the analysis is read untracked: `revealed` says when this block may use it
        ctx.analysis.with_untracked(|a| {
            let marks = a
                .as_ref()
                .filter(|_| show)
                .map(|a| a.marks.as_slice())
                .unwrap_or(&[]);
            claims.with(|cs| segments_with(span, cs, marks))
        })
    });
    move || {
        segs.get()
            .into_iter()
            .map(|seg| {
                let text = doc.slice(seg.span).to_string();
                let (o, e) = (seg.span.start(), seg.span.end());
                let ent_class = seg.entity.map(|(label, _)| format!(" ent ent-{label}")).unwrap_or_default();
                let ent_id = seg.entity.map(|(_, id)| id);
                let tip = ent_id.map(|id| super::suggestions::entity_tooltip(&ctx, id)).unwrap_or_default();
                let hover_on = move |_| ctx.hovered_entity.set(ent_id);
                let hover_off = move |_| ctx.hovered_entity.set(None);
                let is_hovered = move || ent_id.is_some() && ctx.hovered_entity.get() == ent_id;
                if seg.claims.is_empty() && ent_id.is_none() {
                    view! { <span data-o=o data-e=e>{text}</span> }.into_any()
                } else if seg.claims.is_empty() {
                    view! {
                        <span data-o=o data-e=e class=ent_class.trim().to_string() data-entity=ent_id title=tip
                            class:ent-hover=is_hovered on:mouseenter=hover_on on:mouseleave=hover_off>{text}</span>
                    }.into_any()
                } else {
                    let ids = seg.claims.join(" ");
                    let depth = format!("hl d{}{ent_class}", seg.claims.len().min(4));
                    let mine = seg.claims.clone();
                    let is_sel = move || ctx.selected.with(|s| s.as_ref().is_some_and(|id| mine.contains(id)));
                    view! {
                        <mark data-o=o data-e=e data-claims=ids class=depth class:sel=is_sel data-entity=ent_id title=tip
                            class:ent-hover=is_hovered on:mouseenter=hover_on on:mouseleave=hover_off>{text}</mark>
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
    if ev.ctrl_key() && !ev.shift_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let Some(root) = document().get_element_by_id(ARTICLE_ID) else {
        return;
    };
    let key = ev.key();
    let sentences = doc.sentences();
    if sentences.is_empty() {
        return;
    }
    let current = selection::selection_span(&root, doc.text());
    match key.as_str() {
        "j" | "k" | "J" | "K" => {
            ev.prevent_default();
            let forward = key.eq_ignore_ascii_case("j");
            let extend = ev.shift_key();
            let next = match current {
                None => {
                    if forward {
                        Some(sentences[0])
                    } else {
                        sentences.last().copied()
                    }
                }
                Some(cur) => {
                    if forward {
                        let i = sentences.partition_point(|s| s.start() < cur.end());
                        sentences.get(i).map(|s| {
                            if extend {
                                Span::new(cur.start(), s.end())
                            } else {
                                *s
                            }
                        })
                    } else {
                        let i = sentences.partition_point(|s| s.end() <= cur.start());
                        if extend {
                            // shrink from the end by one sentence, keeping at least one
                            let j = sentences.partition_point(|s| s.end() < cur.end());
                            (j > 0 && sentences[j - 1].end() > cur.start())
                                .then(|| Span::new(cur.start(), sentences[j - 1].end()))
                        } else {
                            i.checked_sub(1).map(|k| sentences[k])
                        }
                    }
                }
            };
            if let Some(span) = next {
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
        "ArrowRight" | "ArrowLeft" if ev.shift_key() && current.is_some() => {
            ev.prevent_default();
            if let Some(sel) = window().get_selection().ok().flatten() {
                let dir = if key == "ArrowRight" {
                    "forward"
                } else {
                    "backward"
                };
                let unit = if ev.ctrl_key() { "word" } else { "character" };
                let _ = sel.modify("extend", dir, unit);
            }
        }
        _ => {}
    }
}
