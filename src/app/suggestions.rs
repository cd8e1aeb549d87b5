//! Suggestions from the extractor: the entity legend and tooltips, and the list of
//! suggested claims (Enter accepts, Delete rejects, e edits). Thin: decisions go through
//! `Ctx`, which records them in the article (and so in storage and exports).

use super::excerpt;
use super::state::Ctx;
use crate::core::claims::Suggestion;
use leptos::prelude::*;

/// The hover text of an entity: class, role, and the other mentions.
pub fn entity_tooltip(ctx: &Ctx, id: usize) -> String {
    ctx.analysis.with_untracked(|a| {
        a.as_ref()
            .map(|a| a.extraction.describe(a.doc.0.text(), id))
            .unwrap_or_default()
    })
}

#[component]
pub fn Legend() -> impl IntoView {
    let item = |label: &'static str, name: &'static str| view! { <li><span class=format!("swatch ent ent-{label}")>{name}</span></li> };
    view! {
        <ul class="legend" aria-label="Entity colours">
            {item("PERSON", "Person")}
            {item("ORG", "Organisation")}
            {item("GPE", "Place")}
            {item("LOC", "Location")}
            {item("NORP", "Group or nationality")}
        </ul>
    }
}

const LIST_STEP: usize = 100;

#[component]
pub fn SuggestionList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // pending suggestions: not yet accepted or rejected in this article
    let pending = Memo::new(move |_| {
        ctx.analysis.with(|a| {
            a.as_ref()
                .and_then(|a| ctx.with_current(|art| art.pending(&a.suggestions)))
                .unwrap_or_default()
        })
    });
    let rejected = move || ctx.with_current(|a| a.rejected_count()).unwrap_or(0);
    let count = move || pending.with(|p| p.len());
    // a long article can have thousands: show them a hundred at a time
    let limit = RwSignal::new(LIST_STEP);
    let shown = move || pending.with(|p| p.iter().take(limit.get()).cloned().collect::<Vec<_>>());
    view! {
        <section class="suggestions" aria-labelledby="sugg-h">
            <h2 id="sugg-h">"Suggested claims " <span class="count">{count}</span></h2>
            <label class="toggle"><input type="checkbox" bind:checked=ctx.show_suggestions/>" Show suggestions"</label>
            <Show when=move || ctx.show_suggestions.get()>
                <p class="hint">"Focus a suggestion: Enter accepts, Delete rejects, e edits. "
                    {move || { let r = rejected(); (r > 0).then(|| format!("{r} rejected.")) }}</p>
                <ul aria-label="Suggested claims" class="claim-list">
                    <For each=shown key=|s| (s.sentence, s.speaker.clone()) let:s>
                        <SuggestionItem s=s/>
                    </For>
                </ul>
                <Show when=move || { count() > limit.get() }>
                    <button on:click=move |_| limit.update(|l| *l += LIST_STEP)>
                        {move || format!("Show more ({} left)", count().saturating_sub(limit.get()))}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn SuggestionItem(s: Suggestion) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let doc = ctx.current_doc();
    let quote = doc
        .as_ref()
        .map(|d| excerpt(d.slice(s.sentence), 180))
        .unwrap_or_default();
    let cue = s.cue.zip(doc.as_ref()).map(|(c, d)| d.slice(c).to_string());
    let who = s
        .speaker
        .clone()
        .unwrap_or_else(|| "Checkable statement".into());
    let score = format!("{:.0}%", s.score * 100.0);
    let reasons = s.reasons.join(", ");
    let label = format!("Suggested claim: {who}: {quote}");
    let (s1, s2, s3, s4) = (s.clone(), s.clone(), s.clone(), s);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        match ev.key().as_str() {
            "Enter" => ctx.accept_suggestion(&s1),
            "Delete" | "Backspace" => ctx.reject_suggestion(s1.sentence),
            "e" => ctx.edit_suggestion(&s1),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    };
    view! {
        <li class="claim suggestion" tabindex="0" aria-label=label on:keydown=on_key>
            <p class="quote">{format!("“{quote}”")}</p>
            <div class="meta">
                <span class="claimant">{who}</span>
                {cue.map(|c| view! { <span class="badge">{c}</span> })}
                <span class="badge" title=reasons.clone()>{format!("check-worthiness {score}")}</span>
            </div>
            <p class="tags">{reasons}</p>
            <div class="actions">
                <button on:click=move |_| ctx.accept_suggestion(&s2)>"Accept"</button>
                <button on:click=move |_| ctx.edit_suggestion(&s3)>"Edit"</button>
                <button on:click=move |_| ctx.reject_suggestion(s4.sentence)>"Reject"</button>
            </div>
        </li>
    }
}
