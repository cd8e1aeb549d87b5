//! Links in the side panel: the form that draws a link (`LinkForm`, a Leptos view: its
//! values are signals, the relation follows the chosen target until the person picks one),
//! and the claim list's one click handler for a claim's *Link…* and a link's remove button
//! (a claim's links are rendered by its Leptos item, `claims::ClaimItem`). What they show
//! comes from the core (`Article::link_targets`, `describe_end`, `claim_links`).

use super::state::{Ctx, LinkDraft, Panel};
use crate::core::relations::{End, Relation};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One end the link may go to, as the form offers it.
struct Target {
    /// `End::encode`: the option's value.
    value: String,
    text: String,
}

#[component]
pub fn LinkForm(draft: LinkDraft) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // the other ends on offer: the article's claims, then its entities and claimants
    let (from_text, targets) = ctx
        .library
        .with_untracked(|l| {
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
            let targets: Vec<Target> = a
                .link_targets(names, ids, &draft.from, draft.to.as_ref())
                .iter()
                .map(|e| Target {
                    value: e.encode(),
                    text: describe(e),
                })
                .collect();
            Some((describe(&draft.from), targets))
        })
        .unwrap_or_default();
    super::focus::return_focus_on_close(match &draft.from {
        End::Claim(id) => Some(id.clone()),
        End::Entity(_) => None,
    });
    let kind = RwSignal::new(draft.kind.as_str().to_string());
    // once the person picks a relation, choosing a target no longer changes it
    let kind_picked = RwSignal::new(false);
    let to = RwSignal::new(draft.to.as_ref().map(End::encode).unwrap_or_default());
    let note = RwSignal::new(String::new());
    let from = draft.from.clone();
    let from_for_options = draft.from.clone();
    // only the relations that fit the two ends are offered (`Relation::fitting`)
    let fitting = Memo::new(move |_| {
        to.with(|t| Relation::fitting(&from_for_options, End::decode(t).as_ref()))
    });
    let on_target = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let end = End::decode(&value);
        let fits = Relation::parse(&kind.get_untracked())
            .is_some_and(|k| end.as_ref().is_none_or(|e| k.fits(&from, e)));
        if !kind_picked.get_untracked() || !fits {
            let likely = Relation::likely_between(&from, end.as_ref());
            kind.set(likely.as_str().to_string());
        }
        to.set(value);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(end) = End::decode(&to.get_untracked()) else {
            ctx.fail("Choose what to link to.");
            return;
        };
        let k = Relation::parse(&kind.get_untracked()).unwrap_or(Relation::Related);
        ctx.add_link(&draft, end, k, &note.get_untracked());
    };
    let kind_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = kind_ref.get() {
            let _ = el.focus();
        }
    });
    view! {
        <form class="link-form" aria-label="Link" on:submit=on_submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if crate::web::cancels(&ev) { ctx.close_panel() }>
            <h2>"Link"</h2>
            <p class="form-quote">{from_text}</p>
            <label>"Relation"
                <select name="relation" node_ref=kind_ref prop:value=move || kind.get()
                    on:change=move |ev| { kind.set(event_target_value(&ev)); kind_picked.set(true); }>
                    {move || fitting.get().into_iter().map(|r| view! {
                        <option value=r.as_str() selected=move || kind.with(|k| k == r.as_str())>{r.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Link to"
                <select name="to" prop:value=move || to.get() on:change=on_target>
                    <option value="">"Choose…"</option>
                    {targets.into_iter().map(|t| view! { <option value=t.value>{t.text}</option> }).collect_view()}
                </select>
            </label>
            <label>"Link note"
                <textarea name="note" rows="2" bind:value=note></textarea>
            </label>
            <div class="actions">
                <button type="submit" class="primary">"Add link"</button>
                <button type="button" on:click=move |_| ctx.close_panel()>"Cancel"</button>
            </div>
        </form>
    }
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
        ctx.panel.set(Panel::Link(LinkDraft::new(
            article,
            End::Claim(claim),
            None,
        )));
    } else if let (Some(article), Some(link)) = (
        b.get_attribute("data-article"),
        b.get_attribute("data-link"),
    ) {
        ctx.remove_link(&article, &link);
    }
}
