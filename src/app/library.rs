//! The library sidebar (switch, rename, delete with confirmation), the new-article panel
//! (paste, open a file, the sample) and the import-conflict dialog.

use super::state::{Ctx, MAX_ARTICLE_FILE};
use crate::core::backup::MAX_BACKUP_BYTES;
use crate::core::format::looks_like_gloss_file;
use crate::core::parse::Format;
use crate::core::report::claims_count;
use crate::web::dom::Ui;
use crate::web::files;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LibraryPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = move || {
        ctx.library.with(|l| {
            l.articles()
                .iter()
                .map(|a| (a.id.clone(), a.name.clone(), a.claims().len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <nav class="library" aria-labelledby="library-h">
            <h2 id="library-h">"Library"</h2>
            <ul aria-label="Articles">
                <For each=items key=|x| x.clone() let:item>
                    <LibraryItem id=item.0 name=item.1 claims=item.2/>
                </For>
            </ul>
            <super::scale::ScaleSettings/>
            <super::together::AnnotatorName/>
            // filled by `backup::mount`, then `mount_space` adds its line after it
            <div id="backup-buttons" class="backup actions"></div>
        </nav>
    }
}

#[component]
fn LibraryItem(id: String, name: String, claims: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(name.clone());
    let id_c = id.clone();
    let is_current = move || ctx.current.with(|c| c.as_deref() == Some(id_c.as_str()));
    let is_current2 = is_current.clone();
    let (id_open, id_ren, id_del) = (id.clone(), id.clone(), id.clone());
    let name_label = name.clone();
    let name_del = name.clone();
    let commit = move || {
        ctx.rename(&id_ren, &draft.get_untracked());
        renaming.set(false);
    };
    view! {
        <li class="article-item" class:current=is_current>
            <Show when=move || renaming.get()
                fallback=move || {
                    let id_open = id_open.clone();
                    let is_current = is_current2.clone();
                    view! {
                        <button class="open" aria-current=move || if is_current() { "page" } else { "false" }
                            on:click=move |_| ctx.open(&id_open)>
                            {name_label.clone()}
                            <span class="count" aria-label=format!("{claims} claims")>{claims}</span>
                        </button>
                    }
                }>
                {
                    let commit = commit.clone();
                    view! {
                        <form class="rename" on:submit=move |ev| { ev.prevent_default(); commit(); }>
                            <label>"New name"<input type="text" bind:value=draft
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| if crate::web::cancels(&ev) { renaming.set(false) }/></label>
                            <button type="submit">"Save name"</button>
                        </form>
                    }
                }
            </Show>
            <div class="item-actions">
                <button class="small" aria-label=format!("Rename {name}") on:click=move |_| {
                    draft.set(name.clone());
                    renaming.update(|r| *r = !*r);
                }>"Rename"</button>
                <button class="small" aria-label=format!("Delete {name_del}") on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
            <Show when=move || confirming.get()>
                {
                    let id_del = id_del.clone();
                    view! {
                        <div role="alertdialog" aria-label="Confirm delete" class="confirm">
                            <p>"Delete this article and its claims?"</p>
                            <button class="danger" on:click=move |_| { confirming.set(false); ctx.delete_article(&id_del); }>"Delete article"</button>
                            <button on:click=move |_| confirming.set(false)>"Cancel"</button>
                        </div>
                    }
                }
            </Show>
        </li>
    }
}

/// The line under the library's list: "Opening your library…" until the store has been
/// read, then the space the library takes and has left. Made with `web::dom` after the
/// backup buttons (a line in the panel's Leptos view would add a copy of its code).
pub fn mount_space(ctx: Ctx) {
    let mut line: Option<web_sys::Element> = None;
    Effect::new(move |_| {
        let text = match (ctx.loaded.get(), ctx.space.get()) {
            (false, _) => "Opening your library…".to_string(),
            (true, space) => space.unwrap_or_default(),
        };
        if line.is_none() {
            let slot = document().get_element_by_id(super::backup::BUTTONS_ID);
            let nav = slot.and_then(|s| s.parent_element());
            line = nav
                .zip(Ui::new())
                .map(|(nav, ui)| ui.el(&nav, "p", &[("class", "hint storage-space")]));
        }
        if let Some(l) = &line {
            l.set_text_content(Some(&text));
        }
    });
}

/// Reads picked or dropped files: Gloss files are imported, others opened as articles.
pub fn take_files(ctx: Ctx, list: Vec<web_sys::File>) {
    // brat standoff: a `.ann` with the `.txt` of the same name, chosen together
    let stem = |f: &web_sys::File, ext: &str| {
        let n = f.name();
        n.to_ascii_lowercase()
            .ends_with(ext)
            .then(|| n[..n.len() - ext.len()].to_string())
    };
    let mut rest = Vec::new();
    let mut pairs = Vec::new();
    let (anns, others): (Vec<_>, Vec<_>) =
        list.into_iter().partition(|f| stem(f, ".ann").is_some());
    let mut txts = others;
    for ann in anns {
        let name = stem(&ann, ".ann").unwrap_or_default();
        // PolNeAR's `<article>_<annotator>.ann` goes with `<article>.txt`
        let with = |t: &web_sys::File| {
            stem(t, ".txt").is_some_and(|s| crate::core::interchange::brat::goes_with(&s, &name))
        };
        match txts.iter().position(with) {
            Some(i) => {
                let txt = txts.remove(i);
                let name = stem(&txt, ".txt").unwrap_or(name);
                pairs.push((txt, ann, name))
            }
            None => ctx.fail(format!(
                "“{}” is brat annotations: choose it together with its text, “{name}.txt”.",
                ann.name()
            )),
        }
    }
    rest.extend(txts);
    for (txt, ann, name) in pairs {
        spawn_local(async move {
            let read = async {
                let t = files::read(txt, MAX_ARTICLE_FILE).await?;
                let a = files::read(ann, MAX_ARTICLE_FILE).await?;
                Ok::<_, files::ReadError>((t.bytes, a.bytes))
            };
            match read.await {
                Ok((t, a)) => ctx.import_brat(&t, &a, &name),
                Err(e) => ctx.fail(e.to_string()),
            }
        });
    }
    for file in rest {
        spawn_local(async move {
            let lower = file.name().to_ascii_lowercase();
            let is_json = lower.ends_with(".json") || lower.ends_with(".jsonld");
            // an article file or a library backup, which says which it is once read
            let limit = if is_json {
                MAX_BACKUP_BYTES
            } else {
                MAX_ARTICLE_FILE
            };
            match files::read(file, limit).await {
                Ok(p) if is_json => ctx.import(&p.bytes),
                Ok(p) => ctx.add_input(&p.bytes, Some(p.name)),
                Err(e) => ctx.fail(e.to_string()),
            }
        });
    }
}

/// A page's HTML pasted from a browser, and the plain text the box shows for it: the HTML
/// is what gets read, as long as the box still holds just that text.
#[derive(Clone, PartialEq)]
struct PastedHtml {
    html: String,
    plain: String,
}

#[component]
pub fn NewArticle() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let text = RwSignal::new(String::new());
    let pasted = RwSignal::new(None::<PastedHtml>);
    let add = move |_| {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            ctx.fail("Paste the article's text into the box first.");
            return;
        }
        match pasted.get_untracked().filter(|p| p.plain == t) {
            // paragraphs, headings and lists survive: read as the web page it came from
            Some(p) => ctx.add_as(p.html.as_bytes(), None, Some(Format::Html)),
            None => ctx.add_input(t.as_bytes(), None),
        }
        text.set(String::new());
        pasted.set(None);
    };
    // a paste from a browser into the empty box carries the page's HTML
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let get = |kind| files::pasted(&ev, kind);
        let (html, plain) = (get("text/html"), get("text/plain"));
        let whole_box = text.with_untracked(|t| t.trim().is_empty());
        if html.trim().is_empty()
            || plain.trim().is_empty()
            || !whole_box
            || looks_like_gloss_file(&plain)
        {
            pasted.set(None); // the browser pastes the plain text
            return;
        }
        ev.prevent_default();
        text.set(plain.clone());
        pasted.set(Some(PastedHtml { html, plain }));
    };
    let from_page =
        move || pasted.with(|p| p.as_ref().is_some_and(|p| text.with(|t| *t == p.plain)));
    view! {
        <section class="new-article" aria-labelledby="new-h">
            <h2 id="new-h">"New article"</h2>
            <label class="paste">"Article text"
                <textarea rows="10" bind:value=text on:paste=on_paste placeholder="Paste an article (plain text, Markdown or HTML, or straight from a web page) or a Gloss JSON file"></textarea>
            </label>
            <p class="hint pasted" hidden=move || !from_page()>"Pasted from a web page: its paragraphs, headings and lists are kept."</p>
            <div class="actions">
                <button class="primary" on:click=add>"Add article"</button>
                <label class="file-button">"Open file"
                    <input type="file" accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            take_files(ctx, files::files_of(input.files()));
                            input.set_value("");
                        }/>
                </label>
                <button on:click=move |_| ctx.open_sample()>"Open the sample"</button>
                <button on:click=move |_| ctx.show_new.set(false)>"Close"</button>
            </div>
            <p class="hint">"Or drop a .txt, .md, .html, .htm or Gloss .json file, or a folder of them, anywhere on the page."</p>
        </section>
    }
}

#[component]
pub fn ImportDialog() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.pending_import.get().map(|p| {
            let r = &p.replaces;
            let named = if matches!(p.conflict, crate::core::library::Conflict::SameStory(_)) {
                format!(
                    "Another version of “{}” is in your library as “{}”: the same story, its text saved differently.",
                    r.incoming, r.name
                )
            } else if r.incoming == r.name {
                format!("“{}” is already in your library.", r.name)
            } else {
                format!("“{}” is already in your library as “{}”.", r.incoming, r.name)
            };
            let replace = format!(
                "Replace: the imported copy ({}) takes the place of the library's ({}); {}",
                claims_count(r.claims_incoming),
                claims_count(r.claims_now),
                match r.lost {
                    0 => "nothing done here is lost.".to_string(),
                    1 => "1 claim or link made or changed here since is lost.".to_string(),
                    n => format!("{n} claims or links made or changed here since are lost."),
                }
            );
            view! {
                <div class="backdrop">
                    <div role="dialog" aria-modal="true" aria-labelledby="import-h" aria-describedby="import-d" class="dialog">
                        <h2 id="import-h">"Already in your library"</h2>
                        <div id="import-d">
                            <p>{named}</p>
                            <p>{replace}</p>
                            <p>"Keep both: the import is added as a second article."</p>
                            <p>"Add their claims: the file's claims join this article's as another annotator's, each kept, none replaced."</p>
                        </div>
                        <div class="actions">
                            <button class="danger" on:click=move |_| ctx.resolve_import(Some(true))>"Replace"</button>
                            <button class="primary" on:click=move |_| ctx.resolve_import(Some(false))>"Keep both"</button>
                            <button on:click=move |_| ctx.merge_import()>"Add their claims"</button>
                            <button on:click=move |_| ctx.resolve_import(None)>"Cancel"</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// Saved articles that could not be read: each can be saved as it is in storage, or
/// deleted. Listed at every start until the person acts; nothing is dropped unasked.
#[component]
pub fn Damaged() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let items: Vec<_> = ctx.damaged.with(|d| {
            d.iter()
                .map(|d| {
                    let (save, delete) = (d.id.clone(), d.id.clone());
                    view! {
                        <li>
                            <span>{format!("Damaged saved article {}: {}", d.id, d.reason)}</span>
                            <button class="small" on:click=move |_| ctx.save_damaged(&save)>"Save its contents"</button>
                            <button class="small danger" on:click=move |_| ctx.delete_damaged(&delete)>"Delete it"</button>
                        </li>
                    }
                })
                .collect()
        });
        (!items.is_empty())
            .then(|| view! { <ul class="damaged" aria-label="Damaged articles">{items}</ul> })
    }
}
