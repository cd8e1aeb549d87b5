//! Links in the side panel: the form that draws a link (an island built with `web::dom` into
//! its own slot, which it owns outright), and the claim list's one click handler for a
//! claim's *Link…* and a link's remove button (the claim's links are rendered by its Leptos
//! item, `claims::ClaimItem`). What they show comes from the core
//! (`Article::link_targets`, `describe_end`, `claim_links`).

use super::state::{Ctx, LinkDraft};
use crate::core::relations::{End, Relation};
use crate::web::dom::{input_value, Ui};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the link form goes (an empty element in the side panel).
pub const SLOT_ID: &str = "link-slot";

/// Keeps the link form in step with `ctx.link_draft`: built when a draft opens, replaced when
/// it changes, removed when it closes.
pub fn mount_form(ctx: Ctx) {
    let ui: StoredValue<Option<Ui>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let draft = ctx.link_draft.get();
        let Some(slot) = document().get_element_by_id(SLOT_ID) else {
            return;
        };
        // the old form leaves the page before its handlers are dropped
        slot.set_text_content(None);
        ui.set_value(draft.and_then(|d| build_form(ctx, &slot, d)));
    });
}

#[inline(never)] // one copy
fn build_form(ctx: Ctx, slot: &web_sys::Element, draft: LinkDraft) -> Option<Ui> {
    let ui = Ui::new()?;
    // the other ends on offer: the article's claims, then its entities and claimants
    let (from_text, targets) = ctx.library.with_untracked(|l| {
        let a = l.get(&draft.article)?;
        let ids = &l.identities;
        let describe = |e: &End| match e {
            End::Claim(_) => format!("Claim: {}", a.describe_end(e, ids, 70)),
            End::Entity(_) => format!("Entity: {}", a.describe_end(e, ids, 70)),
        };
        let x = ctx.extraction_of(a);
        let names = x
            .iter()
            .flat_map(|x| x.entities.iter().map(|e| e.name.as_str()));
        let targets: Vec<(String, String)> = a
            .link_targets(names, ids, &draft.from, draft.to.as_ref())
            .iter()
            .map(|e| (e.encode(), describe(e)))
            .collect();
        Some((describe(&draft.from), targets))
    })?;
    let form = ui.el(
        slot,
        "form",
        &[("class", "link-form"), ("aria-label", "Link")],
    );
    ui.el_text(&form, "h2", &[], "Link");
    ui.el_text(&form, "p", &[("class", "form-quote")], &from_text);

    let label = ui.el(&form, "label", &[]);
    ui.text(&label, "Relation");
    let kind = ui.el(&label, "select", &[("name", "relation")]);
    for r in Relation::USER {
        let attrs: &[(&str, &str)] = if r == draft.kind {
            &[("value", r.as_str()), ("selected", "")]
        } else {
            &[("value", r.as_str())]
        };
        ui.el_text(&kind, "option", attrs, r.label());
    }

    let label = ui.el(&form, "label", &[]);
    ui.text(&label, "Link to");
    let to = ui.el(&label, "select", &[("name", "to")]);
    ui.el_text(&to, "option", &[("value", "")], "Choose…");
    let chosen = draft.to.as_ref().map(End::encode);
    for (v, text) in &targets {
        let attrs: &[(&str, &str)] = if Some(v) == chosen.as_ref() {
            &[("value", v), ("selected", "")]
        } else {
            &[("value", v)]
        };
        ui.el_text(&to, "option", attrs, text);
    }

    let label = ui.el(&form, "label", &[]);
    ui.text(&label, "Link note");
    ui.el(&label, "textarea", &[("name", "note"), ("rows", "2")]);

    let actions = ui.el(&form, "div", &[("class", "actions")]);
    ui.el_text(
        &actions,
        "button",
        &[("type", "submit"), ("class", "primary")],
        "Add link",
    );
    ui.button(
        &actions,
        "Cancel",
        &[("type", "button")],
        Box::new(move |_| ctx.link_draft.set(None)),
    );

    let f = form.clone();
    ui.on(
        &form,
        "submit",
        Box::new(move |ev| {
            ev.prevent_default();
            let Some(to) = End::decode(&input_value(&f, "[name=to]")) else {
                ctx.error.set(Some("Choose what to link to.".into()));
                return;
            };
            let k =
                Relation::parse(&input_value(&f, "[name=relation]")).unwrap_or(Relation::Related);
            ctx.add_link(&draft, to, k, &input_value(&f, "[name=note]"));
        }),
    );
    ui.on(
        &form,
        "keydown",
        Box::new(move |ev| {
            if ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                ctx.link_draft.set(None);
            }
        }),
    );
    if let Some(k) = kind.dyn_ref::<web_sys::HtmlElement>() {
        let _ = k.focus();
    }
    Some(ui)
}

/// A click in the claim list: a claim's "Link…" opens the link form from that claim; a
/// link's remove button removes its link.
pub fn on_click(ctx: Ctx, ev: &web_sys::Event) {
    let Some(b) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| {
            e.closest("button[data-link], button[data-link-from]")
                .ok()
                .flatten()
        })
    else {
        return;
    };
    if let Some(claim) = b.get_attribute("data-link-from") {
        let Some(article) = ctx.current.get_untracked() else {
            return;
        };
        ctx.form.set(None);
        ctx.link_draft.set(Some(LinkDraft {
            article,
            from: End::Claim(claim),
            to: None,
            kind: Relation::Contradicts,
        }));
    } else if let (Some(article), Some(link)) = (
        b.get_attribute("data-article"),
        b.get_attribute("data-link"),
    ) {
        ctx.remove_link(&article, &link);
    }
}
