//! The rating scale setting: which verdicts the claim form offers (`core::rating`): Gloss's
//! statuses, true to false, or the person's own labels. A Leptos view; `Ctx::choose_scale`
//! applies it.

use super::state::Ctx;
use crate::core::rating::ScaleKind;
use leptos::prelude::*;

#[component]
pub fn ScaleSettings() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let now = move || ctx.library.with(|l| (l.scale.kind, l.scale.own_text()));
    let kind = RwSignal::new(now().0.as_str().to_string());
    let labels = RwSignal::new(now().1);
    let own = move || kind.with(|k| k == ScaleKind::Own.as_str());
    let current = move || {
        ctx.library.with(|l| {
            l.scale
                .ratings()
                .iter()
                .map(|r| r.label.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    // a group, not a form: it is always on the page, and a form there would be one more
    // element that could submit something
    let apply = move |_| {
        let k = ScaleKind::parse(&kind.get_untracked()).unwrap_or_default();
        if ctx.choose_scale(k, &labels.get_untracked()) {
            let (k, text) = now();
            kind.set(k.as_str().to_string());
            labels.set(text);
        }
    };
    view! {
        // opened again, it shows the scale as it is now (an import may have changed it):
        // read when the summary is clicked, not on `toggle`, which the browser fires later,
        // as a task of its own, and which would undo a choice made in between
        <details class="scale-settings">
            <summary on:click=move |_| {
                let (k, text) = now();
                kind.set(k.as_str().to_string());
                labels.set(text);
            }>"Rating scale"</summary>
            <div class="scale-form" role="group" aria-label="Rating scale">
                <p class="hint">{current}</p>
                <label>"Verdicts"
                    <select name="scale" bind:value=kind>
                        {ScaleKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=own>
                    <label>"Your labels, one per line"
                        <textarea name="labels" rows="5" bind:value=labels placeholder="True\nMostly true\nNeeds context\nFalse"></textarea>
                    </label>
                </Show>
                <button type="button" on:click=apply>"Use this scale"</button>
            </div>
        </details>
    }
}
