//! Working together: the person's name as an annotator (under the library), the
//! annotators' layers shown or hidden, and the claims waiting to be placed (in the claims
//! panel). Leptos views; `Ctx` (`state::together`) does the work.

use super::state::Ctx;
use crate::core::excerpt;
use crate::core::layers::{makers, LayerCount};
use leptos::prelude::*;

/// *Your name*: written as the creator of each claim the person makes.
#[component]
pub fn AnnotatorName() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let now = move || ctx.library.with(|l| l.annotator.clone());
    let draft = RwSignal::new(now());
    let summary = move || match now() {
        n if n.is_empty() => "Your name".to_string(),
        n => format!("Your name: {n}"),
    };
    let save = move || ctx.set_annotator(&draft.get_untracked());
    view! {
        <details class="annotator" on:toggle=move |_| draft.set(now())>
            <summary>{summary}</summary>
            <div class="annotator-form" role="group" aria-label="Your name">
                <p class="hint">"Written as the maker of each claim you tag, so several people's work on one article can be told apart and compared."</p>
                <label>"Name"
                    <input type="text" name="annotator" maxlength="80" bind:value=draft
                        on:keydown=move |ev| if ev.key() == "Enter" { save() }/>
                </label>
                <button type="button" on:click=move |_| save()>"Save name"</button>
            </div>
        </details>
    }
}

/// The open article's annotators, each a checkbox that shows or hides their claims; shown
/// when more than one person made claims here.
#[component]
pub fn Layers() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let layers = Memo::new(move |_| ctx.with_current(|a| makers(a.claims())).unwrap_or_default());
    view! {
        <Show when=move || layers.with(|l| l.len() > 1)>
            <div class="layers" role="group" aria-label="Annotators">
                <span class="hint">"Annotators:"</span>
                <For each=move || layers.get() key=|l| (l.maker.clone(), l.claims) let:layer>
                    <LayerToggle layer/>
                </For>
                <button class="small" on:click=move |_| { ctx.report_open.set(false); ctx.agreement_open.set(true); }>"Agreement…"</button>
            </div>
        </Show>
    }
}

#[component]
fn LayerToggle(layer: LayerCount) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let LayerCount { maker, claims } = layer;
    let m = maker.clone();
    let shown = move || ctx.hidden_layers.with(|h| !h.contains(&m));
    let label = format!("{} ({claims})", maker.label());
    view! {
        <label class="layer">
            <input type="checkbox" prop:checked=shown on:change=move |_| ctx.toggle_layer(maker.clone())/>
            {label}
        </label>
    }
}

/// The offer to carry an earlier version's claims over to the article just added.
#[component]
pub fn CarryOfferBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let offer = ctx.carry_offer.get()?;
        let here = ctx
            .current
            .with(|c| c.as_deref() == Some(offer.to.as_str()));
        here.then(|| {
            let text = format!(
                "This looks like a new version of “{}”, which has {} claim{}. Carry them over? Each is found again by its words; any not found is listed to place by hand.",
                offer.name,
                offer.claims,
                if offer.claims == 1 { "" } else { "s" }
            );
            view! {
                <div class="carry-offer" role="region" aria-label="New version">
                    <p>{text}</p>
                    <button class="primary" on:click=move |_| ctx.carry_over()>"Carry claims over"</button>
                    <button on:click=move |_| ctx.carry_offer.set(None)>"No, thanks"</button>
                </div>
            }
        })
    }
}

/// Claims whose words were not found in this text, each with its quote and *Place*: the
/// person selects the words in the article and presses it.
#[component]
pub fn Orphans() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let orphans = Memo::new(move |_| {
        ctx.with_current(|a| a.orphans().to_vec())
            .unwrap_or_default()
    });
    view! {
        <Show when=move || orphans.with(|o| !o.is_empty())>
            <section class="orphans" aria-labelledby="orphans-h">
                <h3 id="orphans-h">{move || format!("Not found in the text ({})", orphans.with(Vec::len))}</h3>
                <p class="hint">"Their words were not found in this version of the article. Select the words in the article, then press Place."</p>
                <ul aria-label="Claims to place">
                    <For each=move || orphans.get() key=|o| o.claim.id.clone() let:o>
                        {
                            let id = o.claim.id.clone();
                            let quote = excerpt(&o.quote.exact, 160);
                            let who = match o.claim.fields.claimant.trim() {
                                "" => String::new(),
                                c => format!("{c} · "),
                            };
                            let by = o.claim.creator.clone().map(|n| format!("by {n}")).unwrap_or_default();
                            view! {
                                <li class="orphan">
                                    <q>{quote.clone()}</q>
                                    <span class="hint">{format!("{who}{by}")}</span>
                                    // keeps the article's selection: the press must not clear it
                                    <button class="small" aria-label=format!("Place “{}” on the selected words", excerpt(&quote, 40))
                                        on:mousedown=|ev| ev.prevent_default()
                                        on:click={ let id = id.clone(); move |_| ctx.place_orphan(&id) }>"Place"</button>
                                    <button class="small" aria-label=format!("Let “{}” go", excerpt(&quote, 40))
                                        on:click=move |_| ctx.discard_orphan(&id)>"Let go"</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}
