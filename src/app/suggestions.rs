//! Suggestions from the extractor: the entity legend (whose class buttons fix entities) and
//! tooltips, and the panel of suggested claims: Enter accepts, Delete rejects, e edits (focus
//! then moves to the next suggestion, never to the page); all of one speaker accepted at
//! once; rejected ones listed and restored. The panel is an island built with `web::dom`
//! into its section (plain elements, text as text nodes, three handlers on the section that
//! act on what the element clicked carries), rebuilt when what it shows changes. Thin:
//! decisions go through `Ctx`, which records them in the article through the core.

use super::excerpt;
use super::state::Ctx;
use crate::core::claims::Suggestion;
use crate::core::fixes::parse_label;
use crate::core::keys::{self, Command, Place};
use crate::core::library::speakers;
use crate::web::dom::Ui;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// The panel's heading: where focus goes when the last suggestion is decided.
const HEADING_ID: &str = "sugg-h";
/// Suggestions shown at first and added by *Show more*.
const LIST_STEP: usize = 100;

/// The hover text of an entity: class, role, and the other mentions.
pub fn entity_tooltip(ctx: &Ctx, id: usize) -> String {
    ctx.analysis.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.tips.get(id).cloned())
            .unwrap_or_default()
    })
}

/// The classes, each a button that marks the selected words (or the entity clicked in the
/// text) as of that class, and *Not an entity*. One handler on the list reads the class the
/// button carries.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button[data-label]").ok().flatten());
        if let Some(b) = button {
            let label = b.get_attribute("data-label").unwrap_or_default();
            ctx.fix_entity(parse_label(&label));
        }
    };
    // the entity clicked, if any (the text does not follow the selection, which would move
    // the article under the mouse while words are being selected)
    let hint = move || {
        ctx.picked_entity
            .get()
            .and_then(|id| {
                ctx.analysis.with(|a| {
                    let a = a.as_ref()?;
                    let e = a.entities.entities.get(a.entity_of(&id)?)?;
                    Some(format!(
                        "“{}”, {}: choose its class, or Not an entity.",
                        excerpt(&e.name, 60),
                        e.label.name()
                    ))
                })
            })
            .unwrap_or_else(|| {
                "Select missed words, or click an underlined name, then choose its class or Not an entity. A place governs (a country, state or city); a location does not (a region, river, sea or mountain).".into()
            })
    };
    // a press must not take the selection away from the article
    view! {
        <div class="legend-bar">
            <ul class="legend" aria-label="Entity colours" aria-describedby="legend-hint"
                on:mousedown=|ev: leptos::ev::MouseEvent| ev.prevent_default() on:click=on_click>
                <li><button class="swatch ent ent-PERSON" data-label="PERSON">"Person"</button></li>
                <li><button class="swatch ent ent-ORG" data-label="ORG">"Organisation"</button></li>
                <li><button class="swatch ent ent-GPE" data-label="GPE" title="Place: a country, state, city or town">"Place"</button></li>
                <li><button class="swatch ent ent-LOC" data-label="LOC" title="Location: a place that governs nothing, such as a region, river, sea or mountain">"Location"</button></li>
                <li><button class="swatch ent ent-NORP" data-label="NORP">"Group or nationality"</button></li>
                <li><button class="swatch" data-label="none">"Not an entity"</button></li>
            </ul>
            <p id="legend-hint" class="hint">{hint}</p>
        </div>
    }
}

/// What the panel shows; it is rebuilt only when this changes.
#[derive(Clone, PartialEq, Default)]
struct Shown {
    doc: Option<super::state::DocRef>,
    on: bool,
    /// Pending suggestions, in text order (all of them; `limit` are listed).
    pending: Vec<Suggestion>,
    rejected: Vec<Suggestion>,
    limit: usize,
    open_rejected: bool,
}

/// The panel between events: how much of it the person opened, what it was last built
/// from, its speaker chooser, and its handlers.
#[derive(Default)]
struct Panel {
    limit: usize,
    open_rejected: bool,
    shown: Shown,
    /// The speaker chooser of *Accept all from speaker*, as last built.
    speaker: Option<web_sys::HtmlSelectElement>,
    ui: Option<Ui>,
}

/// What a button or a key of the panel asks; a button carries it as `data-act`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Do {
    Accept,
    Edit,
    Reject,
    Restore,
    AcceptAll,
    More,
    ToggleRejected,
}

impl Do {
    const ALL: [Do; 7] = [
        Do::Accept,
        Do::Edit,
        Do::Reject,
        Do::Restore,
        Do::AcceptAll,
        Do::More,
        Do::ToggleRejected,
    ];

    /// Its `data-act` value.
    fn attr(self) -> &'static str {
        match self {
            Do::Accept => "a",
            Do::Edit => "e",
            Do::Reject => "r",
            Do::Restore => "restore",
            Do::AcceptAll => "all",
            Do::More => "more",
            Do::ToggleRejected => "rejected",
        }
    }

    fn parse(attr: &str) -> Option<Do> {
        Do::ALL.into_iter().find(|d| d.attr() == attr)
    }
}

type Store = StoredValue<Panel, LocalStorage>;

/// The suggestions panel: a section whose content the island owns.
#[component]
pub fn SuggestionList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<leptos::html::Section>::new();
    let panel: Store = StoredValue::new_local(Panel {
        limit: LIST_STEP,
        ..Default::default()
    });
    Effect::new(move |_| {
        let Some(root) = root.get() else { return };
        let root: Element = root.into();
        ctx.library.track();
        ctx.current.track();
        ctx.analysis.track();
        ctx.show_suggestions.track();
        if panel.with_value(|p| p.ui.is_none()) {
            listen(ctx, panel, &root);
        }
        draw(ctx, panel, &root);
    });
    view! { <section class="suggestions" aria-labelledby=HEADING_ID node_ref=root></section> }
}

/// The section's three handlers, made once: clicks, keys and the toggle act on what the
/// element carries (`data-act`, `data-i`), then the panel is drawn again at once, so focus
/// can move to the next suggestion before any other key arrives.
fn listen(ctx: Ctx, panel: Store, root: &Element) {
    let Some(ui) = Ui::new() else { return };
    let r = root.clone();
    ui.on(
        root,
        "click",
        Box::new(move |e: Event| {
            let Some(b) = target(&e).and_then(|t| t.closest("button[data-act]").ok().flatten())
            else {
                return;
            };
            let Some(act) = b.get_attribute("data-act").as_deref().and_then(Do::parse) else {
                return;
            };
            let i = index_of(&b);
            act_on(ctx, panel, &r, act, i);
        }),
    );
    let r = root.clone();
    ui.on(
        root,
        "keydown",
        Box::new(move |e: Event| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            // the item itself, not one of its buttons (Enter on a button presses it)
            let Some(li) = target(&e).filter(|t| t.class_list().contains("pending")) else {
                return;
            };
            let key = k.key();
            let act = match keys::route(Place::Suggestion, &crate::web::key_press(k, &key)) {
                Some(Command::Accept) => Do::Accept,
                Some(Command::Reject) => Do::Reject,
                Some(Command::EditSuggestion) => Do::Edit,
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            act_on(ctx, panel, &r, act, index_of(&li));
        }),
    );
    ui.on(
        root,
        "change",
        Box::new(move |e: Event| {
            if target(&e).is_some_and(|t| t.id() == "sugg-on") {
                ctx.show_suggestions.set(crate::web::dom::checked_of(&e));
            }
        }),
    );
    panel.update_value(|p| p.ui = Some(ui));
}

fn target(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The index an element or its item carries (`data-i`).
fn index_of(el: &Element) -> Option<usize> {
    el.closest("[data-i]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-i")?.parse().ok())
}

/// Does what a button or key asks, then draws the panel again with focus where the person
/// goes on: the suggestion now in the decided one's place (the next, or the last), the
/// first of those *Show more* added, the next rejected one, or the button pressed.
fn act_on(ctx: Ctx, panel: Store, root: &Element, act: Do, i: Option<usize>) {
    let (pending, rejected, limit) =
        panel.with_value(|p| (p.shown.pending.clone(), p.shown.rejected.clone(), p.limit));
    let k = i.unwrap_or(0);
    let focus = match act {
        Do::Accept | Do::Reject => {
            let Some(s) = i.and_then(|i| pending.get(i)) else {
                return;
            };
            if act == Do::Accept {
                ctx.accept_suggestions(std::slice::from_ref(s));
            } else {
                ctx.reject_suggestion(s.sentence, true);
            }
            ("li.pending", k)
        }
        Do::Edit => {
            if let Some(s) = i.and_then(|i| pending.get(i)) {
                ctx.edit_suggestion(s);
            }
            return;
        }
        Do::Restore => {
            let Some(s) = i.and_then(|i| rejected.get(i)) else {
                return;
            };
            ctx.reject_suggestion(s.sentence, false);
            ("li.rejected button", k)
        }
        Do::AcceptAll => {
            let who = panel
                .with_value(|p| p.speaker.as_ref().map(|s| s.value()))
                .unwrap_or_default();
            let all: Vec<Suggestion> = pending
                .into_iter()
                .filter(|s| s.speaker.as_deref() == Some(who.as_str()))
                .collect();
            ctx.accept_suggestions(&all);
            ("button[data-act=all]", 0)
        }
        Do::More => {
            panel.update_value(|p| p.limit += LIST_STEP);
            ("li.pending", limit)
        }
        Do::ToggleRejected => {
            panel.update_value(|p| p.open_rejected ^= true);
            ("button[data-act=rejected]", 0)
        }
    };
    draw(ctx, panel, root);
    // the `k`th of the elements `focus` selects (or the last), else the heading
    let found = root.query_selector_all(focus.0).ok();
    let n = found.as_ref().map_or(0, |l| l.length());
    let el = match (n.checked_sub(1), found) {
        (Some(last), Some(l)) => l.item((focus.1 as u32).min(last)),
        _ => document().get_element_by_id(HEADING_ID).map(Into::into),
    };
    if let Some(h) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h.focus();
    }
}

/// Draws the panel when what it shows changed.
fn draw(ctx: Ctx, panel: Store, root: &Element) {
    let (doc, pending, rejected) = ctx.analysis.with_untracked(|a| {
        let Some(a) = a.as_ref() else {
            return (None, Vec::new(), Vec::new());
        };
        let lists = ctx.library.with_untracked(|l| {
            let art = l.get(ctx.current.get_untracked()?.as_str())?;
            Some((art.pending(&a.suggestions), art.rejected(&a.suggestions)))
        });
        let (p, r) = lists.unwrap_or_default();
        (Some(a.doc.clone()), p, r)
    });
    let (limit, open_rejected) = panel.with_value(|p| (p.limit, p.open_rejected));
    let now = Shown {
        doc,
        on: ctx.show_suggestions.get_untracked(),
        pending,
        rejected,
        limit,
        open_rejected,
    };
    if panel.with_value(|p| p.shown != now) {
        let speaker = build(root, &now);
        panel.update_value(|p| {
            p.shown = now;
            p.speaker = speaker;
        });
    }
}

/// Builds the panel's content from what it shows, and gives its speaker chooser. Text goes
/// in as text nodes only.
#[inline(never)] // one copy
fn build(root: &Element, s: &Shown) -> Option<web_sys::HtmlSelectElement> {
    root.set_text_content(None);
    // elements only: the handlers are the section's
    let ui = Ui::new()?;
    let doc: Option<Arc<crate::core::document::Document>> = s.doc.as_ref().map(|d| d.0.clone());
    let quote = |x: &Suggestion| {
        doc.as_ref()
            .map(|d| excerpt(d.slice(x.sentence), 180))
            .unwrap_or_default()
    };
    let who = |x: &Suggestion| {
        x.speaker
            .clone()
            .unwrap_or_else(|| "Checkable statement".into())
    };
    let h = ui.el_text(
        root,
        "h2",
        &[("id", HEADING_ID), ("tabindex", "-1")],
        "Suggested claims ",
    );
    ui.el_text(
        &h,
        "span",
        &[("class", "count")],
        &s.pending.len().to_string(),
    );
    let toggle = ui.el(root, "label", &[("class", "toggle")]);
    let on = ui.el(&toggle, "input", &[("type", "checkbox"), ("id", "sugg-on")]);
    if let Some(i) = on.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_checked(s.on);
    }
    ui.text(&toggle, " Show suggestions");
    if !s.on {
        return None;
    }
    ui.el_text(
        root,
        "p",
        &[("class", "hint")],
        "Focus a suggestion: Enter accepts, Delete rejects, e edits.",
    );
    // all of one speaker at once
    let sp = speakers(&s.pending);
    let mut speaker = None;
    if !sp.is_empty() {
        let all = ui.el(root, "div", &[("class", "accept-all")]);
        let sel = ui.el(&all, "select", &[("aria-label", "Speaker")]);
        speaker = sel.clone().dyn_into().ok();
        for (name, n) in &sp {
            ui.el_text(
                &sel,
                "option",
                &[("value", name.as_str())],
                &format!("{name} ({n})"),
            );
        }
        ui.el_text(
            &all,
            "button",
            &[("data-act", Do::AcceptAll.attr())],
            "Accept all from speaker",
        );
    }
    let list = ui.el(
        root,
        "ul",
        &[("aria-label", "Suggested claims"), ("class", "claim-list")],
    );
    for (i, x) in s.pending.iter().enumerate().take(s.limit) {
        let (q, w) = (quote(x), who(x));
        let label = format!("Suggested claim: {w}: {q}");
        let i = i.to_string();
        let li = ui.el(
            &list,
            "li",
            &[
                ("class", "claim suggestion pending"),
                ("tabindex", "0"),
                ("aria-label", label.as_str()),
                ("data-i", i.as_str()),
            ],
        );
        ui.el_text(&li, "p", &[("class", "quote")], &format!("“{q}”"));
        let meta = ui.el(&li, "div", &[("class", "meta")]);
        ui.el_text(&meta, "span", &[("class", "claimant")], &w);
        if let Some(c) = x.cue.zip(doc.as_ref()).map(|(c, d)| d.slice(c)) {
            ui.el_text(&meta, "span", &[("class", "badge")], c);
        }
        let reasons = x.worth.describe();
        let score = format!("check-worthiness {:.0}%", x.worth.score * 100.0);
        ui.el_text(
            &meta,
            "span",
            &[("class", "badge"), ("title", reasons.as_str())],
            &score,
        );
        ui.el_text(&li, "p", &[("class", "tags")], &reasons);
        let acts = ui.el(&li, "div", &[("class", "actions")]);
        // each button's name says which suggestion it acts on, beginning with what it shows
        let which = format!("suggestion: {w}: “{}”", excerpt(&q, 50));
        for (act, name) in [
            (Do::Accept, "Accept"),
            (Do::Edit, "Edit"),
            (Do::Reject, "Reject"),
        ] {
            let label = format!("{name} {which}");
            ui.el_text(
                &acts,
                "button",
                &[("data-act", act.attr()), ("aria-label", label.as_str())],
                name,
            );
        }
    }
    let left = s.pending.len().saturating_sub(s.limit);
    if left > 0 {
        ui.el_text(
            root,
            "button",
            &[("data-act", Do::More.attr())],
            &format!("Show more ({left} left)"),
        );
    }
    if s.rejected.is_empty() {
        return speaker;
    }
    let open = if s.open_rejected { "true" } else { "false" };
    let label = format!("Rejected ({})", s.rejected.len());
    ui.el_text(
        root,
        "button",
        &[
            ("class", "small"),
            ("data-act", Do::ToggleRejected.attr()),
            ("aria-expanded", open),
        ],
        &label,
    );
    if !s.open_rejected {
        return speaker;
    }
    let list = ui.el(
        root,
        "ul",
        &[
            ("aria-label", "Rejected suggestions"),
            ("class", "claim-list"),
        ],
    );
    for (i, x) in s.rejected.iter().enumerate() {
        let i = i.to_string();
        let li = ui.el(
            &list,
            "li",
            &[
                ("class", "claim suggestion rejected"),
                ("data-i", i.as_str()),
            ],
        );
        ui.el_text(&li, "p", &[("class", "quote")], &format!("“{}”", quote(x)));
        let meta = ui.el(&li, "div", &[("class", "meta")]);
        ui.el_text(&meta, "span", &[("class", "claimant")], &who(x));
        let acts = ui.el(&li, "div", &[("class", "actions")]);
        let label = format!(
            "Restore suggestion: {}: “{}”",
            who(x),
            excerpt(&quote(x), 50)
        );
        ui.el_text(
            &acts,
            "button",
            &[
                ("data-act", Do::Restore.attr()),
                ("aria-label", label.as_str()),
            ],
            "Restore",
        );
    }
    speaker
}
