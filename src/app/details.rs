//! Above the article: its details (headline when the text has none of its own, byline,
//! date, publisher, canonical link), *Edit details* / *Add details* with its form, and
//! *Show the whole page*. One imperative island built with `web::dom` into an empty
//! element, rebuilt when the details or the toggles change; what it shows comes from the
//! core (`core::details`). Untrusted text goes in as text nodes and attribute values only.

use super::state::Ctx;
use crate::core::details::{byline, fold, link_url, readable_date, DetailsError, DetailsForm};
use crate::core::page::Metadata;
use crate::web::dom::Ui;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the details go: an empty element above the article (written out in the app's
/// static view, `app::App`).
pub const SLOT_ID: &str = "article-head";

/// What the island shows of the open article.
#[derive(Clone, PartialEq)]
struct Head {
    metadata: Metadata,
    /// The headline to show above the text: the page's, when the text has no title or a
    /// different one.
    headline: Option<String>,
    /// Some blocks of the page were left out (so *Show the whole page* has something to show).
    has_dropped: bool,
}

impl Head {
    fn of(a: &crate::core::library::Article) -> Head {
        let m = a.metadata();
        let headline = m
            .headline
            .as_deref()
            .and_then(fold)
            .filter(|h| a.doc.title().and_then(fold).as_ref() != Some(h));
        Head {
            metadata: m.clone(),
            headline,
            has_dropped: a.has_dropped(),
        }
    }
}

/// What the island was last built from.
#[derive(Clone, PartialEq)]
struct Shown {
    head: Option<Head>,
    open: bool,
    whole: bool,
}

/// Keeps the island in step with the open article's details and the two toggles: rebuilt
/// only when what it shows changed (any edit of the library wakes it). The effect keeps
/// what it last built from, and the island's handlers while it is shown.
pub fn mount(ctx: Ctx) {
    let mut last: Option<(Shown, Option<Ui>)> = None;
    Effect::new(move |_| {
        let now = Shown {
            head: ctx.with_current(Head::of),
            open: ctx.details_open.get(),
            whole: ctx.whole_page.get(),
        };
        if last.as_ref().is_some_and(|(shown, _)| *shown == now) {
            return;
        }
        let Some(slot) = document().get_element_by_id(SLOT_ID) else {
            return;
        };
        // the old island leaves the page before its handlers are dropped
        slot.set_text_content(None);
        let ui = now
            .head
            .as_ref()
            .and_then(|h| build(ctx, &slot, h, now.open, now.whole));
        last = Some((now, ui));
    });
}

#[inline(never)] // one copy
fn build(ctx: Ctx, slot: &web_sys::Element, h: &Head, open: bool, whole: bool) -> Option<Ui> {
    let ui = Ui::new()?;
    let m = &h.metadata;
    let root = ui.el(
        slot,
        "header",
        &[
            ("class", "article-head"),
            ("aria-label", "About this article"),
        ],
    );
    if let Some(t) = &h.headline {
        ui.el_text(&root, "h1", &[("class", "headline")], t);
    }
    let by = byline(&m.authors);
    if by.is_some() || m.published.is_some() || m.publisher.is_some() || m.url.is_some() {
        let line = ui.el(&root, "p", &[("class", "byline-line")]);
        if let Some(by) = by {
            ui.el_text(&line, "span", &[("class", "byline")], &by);
        }
        if let Some(d) = &m.published {
            // readable, with the ISO date kept for machines; shown as it is when not ISO
            match readable_date(d) {
                Some(r) => ui.el_text(&line, "time", &[("datetime", d.trim())], &r),
                None => ui.el_text(&line, "span", &[("class", "date")], d),
            };
        }
        if let Some(p) = &m.publisher {
            ui.el_text(&line, "span", &[("class", "publisher")], p);
        }
        if let Some(u) = &m.url {
            let shown = crate::core::excerpt(u, 60);
            match link_url(u) {
                Some(href) => ui.el_text(
                    &line,
                    "a",
                    &[
                        ("class", "source-link"),
                        ("href", href),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                    ],
                    &shown,
                ),
                None => ui.el_text(&line, "span", &[("class", "source-link")], &shown),
            };
        }
    }
    let actions = ui.el(&root, "div", &[("class", "head-actions")]);
    let label = if m.is_empty() {
        "Add details"
    } else {
        "Edit details"
    };
    ui.button(
        &actions,
        label,
        &[
            ("class", "small"),
            ("aria-expanded", if open { "true" } else { "false" }),
        ],
        flip(ctx.details_open, None),
    );
    if h.has_dropped || whole {
        ui.button(
            &actions,
            "Show the whole page",
            &[
                ("class", "small"),
                ("aria-pressed", if whole { "true" } else { "false" }),
            ],
            flip(ctx.whole_page, None),
        );
    }
    if open {
        details_form(ctx, &ui, &root, m);
    }
    Some(ui)
}

/// A button's handler setting `on` to `to`, or flipping it (one closure type for the
/// island's three buttons).
fn flip(on: RwSignal<bool>, to: Option<bool>) -> Box<dyn Fn(web_sys::Event)> {
    Box::new(move |_| on.update(|v| *v = to.unwrap_or(!*v)))
}

/// One input of the *Edit details* form.
struct Field {
    /// The input's name (for the browser's form filling).
    name: &'static str,
    label: &'static str,
    hint: &'static str,
}

const fn field(name: &'static str, label: &'static str, hint: &'static str) -> Field {
    Field { name, label, hint }
}

/// The form's inputs, in `DetailsForm`'s order (a static table: one copy in the download).
const FIELDS: [Field; 7] = [
    field("headline", "Headline", ""),
    field("authors", "Authors", "comma, separated"),
    field(
        "published",
        "Published",
        "YYYY-MM-DD or 2024-03-05T10:00:00Z",
    ),
    field("publisher", "Publisher or site", ""),
    field("url", "Canonical URL", "https://…"),
    field("language", "Language", "en, en-GB, fr…"),
    field("description", "Description", ""),
];

/// The *Edit details* form, filled in; Save checks it through the core and persists.
fn details_form(ctx: Ctx, ui: &Ui, root: &web_sys::Element, m: &Metadata) {
    let f = DetailsForm::of(m);
    let form = ui.el(
        root,
        "form",
        &[("class", "details-form"), ("aria-label", "Edit details")],
    );
    let values = [
        &f.headline,
        &f.authors,
        &f.published,
        &f.publisher,
        &f.url,
        &f.language,
        &f.description,
    ];
    // the inputs, held in `FIELDS`' order for Save to read
    let mut inputs: Vec<web_sys::HtmlInputElement> = Vec::with_capacity(FIELDS.len());
    for (field, value) in FIELDS.iter().zip(values) {
        let label = ui.el(&form, "label", &[]);
        ui.text(&label, field.label);
        let input = ui.el(
            &label,
            "input",
            &[
                ("type", "text"),
                ("name", field.name),
                ("placeholder", field.hint),
                ("autocomplete", "off"),
            ],
        );
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        input.set_value(value);
        inputs.push(input);
    }
    let first = inputs.first().cloned();
    let error = ui.el(&form, "p", &[("class", "form-error"), ("role", "alert")]);
    let actions = ui.el(&form, "div", &[("class", "actions")]);
    ui.el_text(
        &actions,
        "button",
        &[("type", "submit"), ("class", "primary")],
        "Save details",
    );
    ui.button(
        &actions,
        "Cancel",
        &[("type", "button")],
        flip(ctx.details_open, Some(false)),
    );
    ui.on(
        &form,
        "submit",
        Box::new(move |ev| {
            ev.prevent_default();
            let input = |i: usize| inputs.get(i);
            let v = |i| input(i).map(|i| i.value()).unwrap_or_default();
            let typed = DetailsForm {
                headline: v(0),
                authors: v(1),
                published: v(2),
                publisher: v(3),
                url: v(4),
                language: v(5),
                description: v(6),
            };
            if let Err(e) = ctx.save_details(&typed) {
                error.set_text_content(Some(&e.to_string()));
                // the field at fault (only the date can be)
                let at = match e {
                    DetailsError::BadDate { .. } => 2,
                };
                if let Some(p) = input(at) {
                    let _ = p.set_attribute("aria-invalid", "true");
                    let _ = p.focus();
                }
            }
        }),
    );
    ui.on(
        &form,
        "keydown",
        Box::new(move |ev| {
            if ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(crate::web::cancels)
            {
                ctx.details_open.set(false);
            }
        }),
    );
    if let Some(first) = first {
        let _ = first.focus();
    }
}
