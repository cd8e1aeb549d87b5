//! The Leptos front end: thin components over `state::Ctx`. No parsing, anchoring or file
//! format logic lives here; that is the core's. Browser access goes through `crate::web`.

mod agreement;
mod article;
mod backup;
mod bench;
mod claims;
mod details;
mod find;
mod focus;
mod graph;
mod handoff;
mod library;
mod links;
mod phone;
mod report;
mod scale;
mod share;
mod state;
mod suggestions;
mod together;

use article::ArticleView;
use claims::{ClaimForm, ClaimList};
use leptos::prelude::*;
use library::{mount_space, take_files, ImportDialog, LibraryPanel, NewArticle};
use state::{Ctx, DocRef};
use suggestions::{Legend, SuggestionList};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use bench::BenchPage;

use crate::core::excerpt;
use crate::core::keys::{self, Command, Place};

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::load();
    provide_context(ctx);
    details::mount(ctx);
    graph::mount(ctx);
    handoff::mount(ctx);
    backup::mount(ctx);
    mount_space(ctx);
    handoff::listen(ctx);
    ctx.follow_other_tabs();

    let doc = Memo::new(move |_| ctx.with_current(|a| DocRef(a.doc.clone())));
    let claims = Memo::new(move |_| {
        // the annotators' layers the person hides are left out of the text and the list
        ctx.hidden_layers.with(|hidden| {
            ctx.with_current(|a| crate::core::layers::visible(a.claims(), hidden))
                .unwrap_or_default()
        })
    });

    // entities and claim suggestions for each article opened (outside world: async work)
    Effect::new(move |_| {
        if let Some(d) = doc.get() {
            ctx.analyse(d.0);
        }
    });
    let analysis_state = move || match (ctx.analysis.get(), doc.get()) {
        (Some(a), Some(d)) if a.doc == d => "ready",
        _ => "pending",
    };
    let analysis_ms = move || {
        ctx.analysis
            .get()
            .map(|a| format!("{:.2}", a.ms))
            .unwrap_or_default()
    };

    // the selection in the article, kept as a byte span for "Tag claim"
    let on_selection = Closure::<dyn Fn()>::new(move || {
        ctx.read_selection();
    });
    let _ = document()
        .add_event_listener_with_callback("selectionchange", on_selection.as_ref().unchecked_ref());
    on_selection.forget(); // one listener for the app's lifetime

    // on a phone: the top bar's menu, and the panel shown as a sheet over the article
    let menu = RwSignal::new(false);
    let sheet = RwSignal::new(phone::Sheet::Read);
    phone::mount(ctx, sheet, menu);
    window_event_listener(leptos::ev::keydown, move |ev| {
        let place = if crate::web::focus_in_text_field() {
            Place::PageTyping
        } else {
            Place::Page
        };
        let key = ev.key();
        match keys::route(place, &crate::web::key_press(&ev, &key)) {
            Some(Command::Cancel) => {
                menu.set(false);
                ctx.close_panel();
            }
            Some(Command::Undo) => {
                ev.prevent_default();
                ctx.undo_last();
            }
            Some(Command::Redo) => {
                ev.prevent_default();
                ctx.redo();
            }
            Some(Command::TagSelection) => {
                ev.prevent_default();
                ctx.start_tagging();
            }
            Some(Command::EditClaim) => {
                if let Some(id) = ctx.selected.get_untracked() {
                    ev.prevent_default();
                    ctx.panel
                        .set(state::Panel::Claim(state::FormTarget::Edit(id)));
                }
            }
            Some(Command::DeleteClaim) => {
                if let Some(id) = ctx.selected.get_untracked() {
                    ev.prevent_default();
                    focus::delete_claim(ctx, &id);
                }
            }
            Some(Command::Dismiss) => {
                menu.set(false);
                ctx.close_panel();
                ctx.pending_import.set(None);
                ctx.pending_backup.set(None);
                ctx.selected.set(None);
            }
            _ => {}
        }
    });
    // files dropped anywhere on the page
    window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let Some(dt) = ev.data_transfer() else { return };
        // a folder (with or beside files) is read as a whole library
        match crate::web::folder::dropped(&dt) {
            Some(entries) => {
                ctx.say("Reading the dropped folder…");
                leptos::task::spawn_local(async move {
                    match crate::web::folder::walk(entries).await {
                        Ok(walked) => ctx.take_folder(walked),
                        Err(e) => ctx.fail(format!("{e} Nothing was changed.")),
                    }
                })
            }
            None => take_files(ctx, crate::web::files::files_of(dt.files())),
        }
    });
    crate::web::register_service_worker();

    let import_ref = NodeRef::<leptos::html::Input>::new();
    let has_doc = move || doc.with(|d| d.is_some());
    let ready = move || if has_doc() { "true" } else { "false" };

    view! {
        <header class="top">
            <div class="brand"><span class="logo" aria-hidden="true">"❝"</span>"Gloss"</div>
            // on a phone the actions but Tag claim are a menu (`.more`), opened by the menu
            // button and closed by a choice or a tap beside it (`phone::mount` listens)
            <div class="toolbar" role="toolbar" aria-label="Actions" class:open=move || menu.get()>
                <div class="more">
                <button on:click=move |_| ctx.show_new.update(|s| *s = !*s)>"New article"</button>
                <button on:click=move |_| { if let Some(i) = import_ref.get() { i.click(); } }>"Import JSON"</button>
                <button on:click=move |_| ctx.export_current() disabled=move || !has_doc()>"Export JSON"</button>
                <button on:click=move |_| ctx.copy_link() disabled=move || !has_doc()
                    title="A link holding this article and its claims, to send to someone; it reaches no server">"Copy link"</button>
                <button on:click=move |_| ctx.export_w3c() disabled=move || !has_doc()
                    title="The claims as W3C Web Annotations (JSON-LD), for Hypothesis, Recogito and other tools">"Export W3C"</button>
                <button on:click=move |_| ctx.export_brat() disabled=move || !has_doc()
                    title="The text and its annotations as brat standoff (.txt and .ann)">"Export brat"</button>
                <button class="graph-toggle" aria-pressed=move || if ctx.graph_open.get() { "true" } else { "false" }
                    on:click=move |_| ctx.graph_open.update(|g| *g = !*g)>"Graph"</button>
                <button aria-pressed=move || if ctx.report_open.get() { "true" } else { "false" }
                    disabled=move || !has_doc() on:click=move |_| ctx.report_open.update(|r| *r = !*r)>"Report"</button>
                </div>
                <input type="file" multiple accept=".json,.jsonld,.ann,.txt,application/json,application/ld+json" class="visually-hidden" tabindex="-1" aria-hidden="true"
                    node_ref=import_ref on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        let picked = crate::web::files::files_of(input.files());
                        input.set_value("");
                        take_files(ctx, picked);
                    }/>
                <button class="menu-button" aria-label="More actions" aria-haspopup="true"
                    aria-expanded=move || if menu.get() { "true" } else { "false" }>"☰"</button>
                <button class="primary" on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| phone::tag_claim(ctx)
                    aria-disabled=move || if ctx.pending_span.with(|s| s.is_none()) { "true" } else { "false" }
                    aria-keyshortcuts="c">"Tag claim"</button>
            </div>
        </header>
        <div class="messages">
            <div role="alert" class="alert" class:empty=move || ctx.error.with(|e| e.is_none()) && ctx.storage_error.with(|e| e.is_none()) && ctx.damaged.with(|d| d.is_empty())>
                {move || ctx.storage_error.get().map(|e| view! { <p class="storage-error">{e}</p> })}
                <library::Damaged/>
                {move || ctx.error.get().map(|e| view! {
                    <p class="error">{e}<button class="small" on:click=move |_| ctx.error.set(None)>"Dismiss"</button></p>
                })}
            </div>
            <div role="status" class="notice"
                on:mouseenter=move |_| ctx.notice_held.set(true) on:mouseleave=move |_| ctx.notice_held.set(false)
                on:focusin=move |_| ctx.notice_held.set(true) on:focusout=move |_| ctx.notice_held.set(false)>
                {move || ctx.scanning.get().map(|p| view! {
                    <p class="scanning">{format!("Finding entities and claims… {p}%")}</p>
                })}
                {move || ctx.opening.get().map(|o| view! {
                    <p class="opening">{format!("Opening {} ({})…", o.label, crate::core::stored::bytes(o.bytes as f64))}
                        <button class="small" on:click=move |_| ctx.cancel_open()>"Cancel"</button>
                    </p>
                })}
                {move || ctx.notice.get().map(|n| {
                    let undo = n.undo.is_some();
                    view! {
                        <p>{n.text}
                            <Show when=move || undo><button class="small" on:click=move |_| ctx.undo()>"Undo"</button></Show>
                            <button class="small" aria-label="Dismiss message" on:click=move |_| ctx.notice.set(None)>"×"</button>
                        </p>
                    }
                })}
            </div>
        </div>
        <main class="layout" data-sheet=move || sheet.get().name() class:with-graph=move || ctx.graph_open.get() class:reporting=move || ctx.report_open.get() && has_doc() class:agreeing=move || ctx.agreement_open.get() && !ctx.report_open.get() && has_doc() data-ready=ready data-analysis=analysis_state data-analysis-ms=analysis_ms>
            <LibraryPanel/>
            <section class="reader" aria-label="Reader">
                <Show when=move || ctx.show_new.get() || (ctx.loaded.get() && !has_doc())>
                    <NewArticle/>
                </Show>
                // static, so the view compiles to one HTML string: the Send to Gloss box
                // (`handoff::BOX_ID`) and the details (`details::SLOT_ID`), filled by their modules
                <Show when=move || ctx.report_open.get() && has_doc()><report::ReportView/></Show>
                <Show when=move || ctx.agreement_open.get() && !ctx.report_open.get() && has_doc()><agreement::AgreementView/></Show>
                <div class="reader-head">
                    <section id="send-to-gloss" class="new-article send-to-gloss" aria-labelledby="send-h"></section>
                    <div id="article-head"></div>
                </div>
                <Show when=move || has_doc() && ctx.show_suggestions.get()><Legend/></Show>
                <together::CarryOfferBar/>
                <Show when=has_doc><find::FindInArticle/></Show>
                {move || doc.get().map(|d| view! { <ArticleView doc=d whole=ctx.whole_page.get() claims=claims/> })}
                <p id="kbd-help" class="hint">"Keyboard: focus the article, j / k select sentences, J / K extend, Shift+arrows adjust, c tags. On a selected claim: e edits, Delete deletes, Esc deselects. Ctrl+Z undoes any edit, Ctrl+Shift+Z redoes."</p>
            </section>
            <section id=graph::PANE_ID class="graph-pane" aria-label="Relationship graph" hidden></section>
            <aside class="side" aria-label="Claims panel">
                {move || match ctx.panel.get() {
                    state::Panel::Claim(t) => view! { <ClaimForm target=t/> }.into_any(),
                    state::Panel::Link(d) => view! { <links::LinkForm draft=d/> }.into_any(),
                    state::Panel::Closed => ().into_any(),
                }}
                <together::Layers/>
                <together::Orphans/>
                <ClaimList claims=claims/>
                <SuggestionList/>
            </aside>
        </main>
        // filled by `phone::mount`
        <nav id=phone::TABS_ID class="tabs" aria-label="Panels"></nav>
        <ImportDialog/>
        <share::ShareDialogs/>
        // filled by `backup::mount`
        <div id="backup-dialog"></div>
    }
}
