//! The claim list (document order) and the claim form. Thin: reading and editing go
//! through `Ctx`, which applies the core's rules.

use super::excerpt;
use super::state::{Ctx, FormTarget, Panel};
use crate::core::annotation::{Claim, ClaimFields, ClaimType};
use crate::core::rating::{Evidence, Rating, Scale, Verdict};
use crate::core::sift::{facets, sift, ClaimQuery, Facets, Filter, SortBy, ANY};
use crate::web::selection;
use leptos::prelude::*;

/// One filter of the claim list: its options (with their counts) from the facets, its
/// value kept in the query (`core::sift`); one component for all four.
#[component]
fn FilterSelect(
    filter: Filter,
    query: RwSignal<ClaimQuery>,
    facets: Memo<Facets>,
) -> impl IntoView {
    let choices = move || {
        facets.with(|f| {
            f.choices(filter)
                .into_iter()
                .map(|c| view! { <option value=c.value>{c.label}</option> })
                .collect_view()
        })
    };
    view! {
        <select aria-label=filter.label() prop:value=move || query.with(|q| q.value(filter))
            on:change=move |ev| query.update(|q| q.set(filter, &event_target_value(&ev)))>
            <option value=ANY>{filter.any()}</option>{choices}
        </select>
    }
}

/// Search, filters (each option with its count) and sort of the claim list.
#[component]
fn ClaimTools(query: RwSignal<ClaimQuery>, facets: Memo<Facets>) -> impl IntoView {
    let sorts = SortBy::ALL
        .into_iter()
        .map(|b| view! { <option value=b.as_str()>{b.label()}</option> })
        .collect_view();
    let filters = Filter::ALL
        .into_iter()
        .map(|filter| view! { <FilterSelect filter query facets/> })
        .collect_view();
    view! {
        <div class="claim-tools" role="search" aria-label="Find claims">
            <input type="search" placeholder="Search claims" aria-label="Search claims"
                prop:value=move || query.with(|q| q.words.clone())
                on:input=move |ev| query.update(|q| q.words = event_target_value(&ev))/>
            {filters}
            <label class="sort">"Sort "
                <select aria-label="Sort claims by" prop:value=move || query.with(|q| q.sort.as_str().to_string())
                    on:change=move |ev| query.update(|q| q.sort = SortBy::parse(&event_target_value(&ev)).unwrap_or_default())>
                    {sorts}
                </select>
            </label>
        </div>
    }
}

#[component]
pub fn ClaimList(claims: Memo<Vec<Claim>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // the selected claim's list item scrolls into view (selection from the text)
    Effect::new(move |_| {
        if let Some(id) = ctx.selected.get() {
            if let Some(el) = document().get_element_by_id(&format!("claim-{id}")) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
    let count = move || claims.with(|c| c.len());
    // what the list shows: the claims the person's filters keep, in their order
    let query = RwSignal::new(ClaimQuery::default());
    // the library's scale, read once for the list: an item's verdict changes only with it,
    // not with every edit of the library
    let scale = Memo::new(move |_| ctx.library.with(|l| l.scale.clone()));
    let shown = Memo::new(move |_| {
        let doc = ctx.current_doc();
        let text = doc.as_ref().map_or("", |d| d.text());
        claims.with(|cs| {
            query.with(|q| {
                scale
                    .with(|s| sift(cs, text, q, s))
                    .into_iter()
                    .map(|i| cs[i].clone())
                    .collect::<Vec<Claim>>()
            })
        })
    });
    let facets = Memo::new(move |_| claims.with(|cs| scale.with(|s| facets(cs, s))));
    let overview = move || facets.with(Facets::overview);
    let filtered = move || query.with(ClaimQuery::filters);
    view! {
        <section class="claims" aria-labelledby="claims-h">
            <h2 id="claims-h" tabindex="-1">"Claims " <span class="count">{count}</span></h2>
            <Show when=move || count() == 0>
                <p class="hint">"Select text in the article, then press Tag claim (or the key c)."</p>
            </Show>
            <Show when=move || { count() > 0 }>
                <p class="overview">{overview}</p>
                <ClaimTools query=query facets=facets/>
                <Show when=filtered>
                    <p class="hint filtered" role="status">
                        {move || format!("Showing {} of {} claims. ", shown.with(Vec::len), count())}
                        <button class="small" on:click=move |_| query.set(ClaimQuery { sort: query.get_untracked().sort, ..ClaimQuery::default() })>"Show all"</button>
                    </p>
                </Show>
            </Show>
            <ul aria-label="Claims" class="claim-list" on:click=move |ev| super::links::on_click(ctx, &ev)>
                // keyed by article too: a copy of an article holds claims with the same ids
                <For each=move || shown.get() key=move |c| (ctx.current.get_untracked(), c.id.clone(), c.modified.clone()) let:c>
                    <ClaimItem claim=c scale=scale/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn ClaimItem(claim: Claim, scale: Memo<Scale>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let quote = ctx
        .current_doc()
        .map(|d| excerpt(d.slice(claim.span), 160))
        .unwrap_or_default();
    let id = claim.id.clone();
    let span = claim.span;
    let id_sel = id.clone();
    let is_sel = move || ctx.selected.with(|s| s.as_deref() == Some(id_sel.as_str()));
    let (id_show, id_edit, id_del) = (id.clone(), id.clone(), id.clone());
    let id_link = id.clone();
    // its links, as they read under it; a link's remove button is handled by the list's one
    // click handler (`links::on_click`) from what the button carries
    let id_links = id.clone();
    let links = Memo::new(move |_| {
        let current = ctx.current.get()?;
        ctx.library.with(|l| {
            let a = l.get(&current)?;
            let links = a.claim_links(&id_links, &l.identities);
            (!links.is_empty()).then(|| (a.id.clone(), links))
        })
    });
    let show = move |_| {
        ctx.selected.set(Some(id_show.clone()));
        let id = id_show.clone();
        super::article::bring_into_view(ctx, span, move |root| {
            selection::scroll_and_flash(root, &id);
        });
    };
    let f = claim.fields.clone();
    let claimant = if f.claimant.is_empty() {
        "Unattributed".to_string()
    } else {
        f.claimant.clone()
    };
    let tags = f.tags.join(", ");
    let has_tags = !f.tags.is_empty();
    let note = f.note.clone();
    let has_note = !note.is_empty();
    // the verdict as the library's scale names and colours it (the scale may change)
    let status = f.status.clone();
    let verdict = Memo::new(move |_| scale.with(|s| (s.label(&status), s.tone(&status).class())));
    let evidence = f.evidence.clone();
    let which = format!(
        "claim of {claimant}: “{}”",
        crate::core::excerpt(&quote, 50)
    );
    view! {
        <li id=format!("claim-{id}") class="claim" class:sel=is_sel>
            <button class="quote" on:click=show title="Show in the text">{format!("“{quote}”")}</button>
            <div class="meta">
                <span class="claimant">{claimant}</span>
                {claim.creator.clone().map(|n| view! { <span class="creator">{format!("by {n}")}</span> })}
                <span class=format!("badge type-{}", f.kind.as_str())>{f.kind.label()}</span>
                <span class=move || format!("badge verdict {}", verdict.with(|v| v.1))>{move || verdict.with(|v| v.0.clone())}</span>
            </div>
            <Show when=move || has_note>
                <p class="note">{note.clone()}</p>
            </Show>
            <Show when=move || has_tags>
                <p class="tags">{tags.clone()}</p>
            </Show>
            {(!evidence.is_empty()).then(|| view! { <EvidenceList evidence/> })}
            {move || links.get().map(|(article, links)| view! {
                <ul class="links" aria-label="Links">
                    {links.into_iter().map(|l| view! {
                        <li class="link">
                            {format!("{} ", l.text)}
                            {(!l.note.is_empty()).then(|| view! { <span class="link-note">{format!("({}) ", l.note)}</span> })}
                            <button class="small" aria-label=format!("Remove link: {}", l.text) data-article=article.clone() data-link=l.link>"×"</button>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            // each button's name says which claim it acts on, beginning with what it shows
            <div class="actions">
                // handled by the list's one click handler (`links::on_click`)
                <button data-link-from=id_link aria-label=format!("Link… {which}")>"Link…"</button>
                <button aria-label=format!("Edit {which}") on:click=move |_| {
                    ctx.selected.set(Some(id_edit.clone()));
                    ctx.panel.set(Panel::Claim(FormTarget::Edit(id_edit.clone())));
                }>"Edit"</button>
                <button aria-label=format!("Delete {which}") on:click=move |_| super::focus::delete_claim(ctx, &id_del)>"Delete"</button>
            </div>
        </li>
    }
}

/// A claim's evidence: each source with its note; only http and https addresses are links,
/// opened in a new tab with no access back to Gloss (`noopener`) and no referrer.
#[component]
pub fn EvidenceList(evidence: Vec<Evidence>) -> impl IntoView {
    view! {
        <ul class="evidence" aria-label="Evidence">
            {evidence.into_iter().map(|e| {
                let note = (!e.note.is_empty()).then(|| format!("{} ", e.note));
                let source = match e.link() {
                    Some(url) => view! {
                        <a href=url.to_string() target="_blank" rel="noopener noreferrer">{url.to_string()}</a>
                    }.into_any(),
                    None => view! { <span class="not-a-link">{e.url.clone()}</span> }.into_any(),
                };
                view! { <li>{note}{source}</li> }
            }).collect_view()}
        </ul>
    }
}

/// One evidence row of the claim form: its address and note as the person types them.
#[derive(Clone, Copy)]
struct EvidenceRow {
    key: usize,
    url: RwSignal<String>,
    note: RwSignal<String>,
}

impl EvidenceRow {
    fn new(key: usize, e: &Evidence) -> EvidenceRow {
        EvidenceRow {
            key,
            url: RwSignal::new(e.url.clone()),
            note: RwSignal::new(e.note.clone()),
        }
    }
}

#[component]
pub fn ClaimForm(target: FormTarget) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let doc = ctx.current_doc();
    let (span, fields) = match &target {
        FormTarget::New(span) => {
            let suggestion = ctx.speaker_at(*span).unwrap_or_default();
            (
                Some(*span),
                ClaimFields {
                    claimant: suggestion,
                    ..Default::default()
                },
            )
        }
        FormTarget::Suggestion {
            sentence,
            claimant,
            kind,
        } => (
            Some(*sentence),
            ClaimFields {
                claimant: claimant.clone(),
                kind: *kind,
                ..Default::default()
            },
        ),
        FormTarget::Edit(id) => ctx
            .library
            .with_untracked(|l| {
                let a = l.get(ctx.current.get_untracked()?.as_str())?;
                let c = a.claim(id)?;
                Some((Some(c.span), c.fields.clone()))
            })
            .unwrap_or((None, ClaimFields::default())),
    };
    let quote = match (&doc, span) {
        (Some(d), Some(s)) => excerpt(d.slice(s), 300),
        _ => String::new(),
    };
    // the same words tagged already: said before a second claim is made on them
    let twice = match (&target, &doc) {
        (FormTarget::New(span), Some(d)) => {
            let words = d.slice(*span).trim();
            ctx.library.with_untracked(|l| {
                let a = l.get(ctx.current.get_untracked()?.as_str())?;
                let c = a
                    .claims()
                    .iter()
                    .find(|c| c.span.overlaps(span) && d.slice(c.span) == words)?;
                Some(match c.fields.claimant.trim() {
                    "" => "These words are tagged already, as a claim with no claimant. Saving adds a second claim on them.".to_string(),
                    who => format!("These words are tagged already, as a claim of {who}. Saving adds a second claim on them."),
                })
            })
        }
        _ => None,
    };
    let claimant = RwSignal::new(fields.claimant.clone());
    let kind = RwSignal::new(fields.kind.as_str().to_string());
    let status = RwSignal::new(fields.status.as_str().to_string());
    let note = RwSignal::new(fields.note.clone());
    let tags = RwSignal::new(fields.tags.join(", "));
    let evidence = RwSignal::new(
        fields
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| EvidenceRow::new(i, e))
            .collect::<Vec<_>>(),
    );
    let next_key = StoredValue::new(fields.evidence.len());
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        evidence.update(|rows| rows.push(EvidenceRow::new(key, &Evidence::default())));
    };
    // the verdicts on offer: the library's scale, and the claim's own verdict if the scale
    // lacks it (so editing never changes a verdict by itself)
    let own_verdict = fields.status.clone();
    let ratings: Vec<Rating> = ctx
        .library
        .with_untracked(|l| l.scale.offered(&own_verdict));
    let heading = match target {
        FormTarget::New(_) | FormTarget::Suggestion { .. } => "Tag claim",
        FormTarget::Edit(_) => "Edit claim",
    };
    let known = ctx.known_claimants();
    let target_save = target.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = evidence.with_untracked(|rows| {
            rows.iter()
                .map(|r| Evidence {
                    url: r.url.get_untracked(),
                    note: r.note.get_untracked(),
                })
                .collect::<Vec<_>>()
        });
        let evidence = match Evidence::cleaned(given) {
            Ok(e) => e,
            Err(e) => return ctx.fail(e),
        };
        let fields = ClaimFields {
            claimant: claimant.get_untracked().trim().to_string(),
            kind: ClaimType::parse(&kind.get_untracked()).unwrap_or_default(),
            status: Verdict::new(&status.get_untracked()).unwrap_or_default(),
            note: note.get_untracked().trim().to_string(),
            tags: ClaimFields::parse_tags(&tags.get_untracked()),
            evidence,
        };
        ctx.save_claim(target_save.clone(), fields);
    };
    super::focus::return_focus_on_close(match &target {
        FormTarget::Edit(id) => Some(id.clone()),
        _ => None,
    });
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input_ref.get() {
            let _ = el.focus();
        }
    });
    view! {
        <form class="claim-form" aria-label=heading on:submit=on_submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if crate::web::cancels(&ev) { ctx.close_panel() }>
            <h2>{heading}</h2>
            <blockquote class="form-quote">{format!("“{quote}”")}</blockquote>
            {twice.map(|w| view! { <p class="form-warning" role="alert">{w}</p> })}
            <label>"Claimant"
                <input type="text" list="claimants" node_ref=input_ref bind:value=claimant autocomplete="off"/>
            </label>
            <datalist id="claimants">
                {known.into_iter().map(|k| view! { <option value=k.clone()></option> }).collect_view()}
            </datalist>
            <label>"Type"
                <select bind:value=kind>
                    {ClaimType::ALL.iter().map(|t| view! { <option value=t.as_str()>{t.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>"Verdict"
                <select name="verdict" bind:value=status>
                    {ratings.into_iter().map(|r| view! { <option value=r.id.as_str().to_string()>{r.label}</option> }).collect_view()}
                </select>
            </label>
            <label>"Note"
                <textarea rows="3" bind:value=note></textarea>
            </label>
            <label>"Tags"
                <input type="text" bind:value=tags placeholder="comma, separated"/>
            </label>
            <fieldset class="evidence-rows">
                <legend>"Evidence"</legend>
                <For each=move || evidence.get() key=|r| r.key let:row>
                    <div class="evidence-row">
                        <input type="url" aria-label="Source address" placeholder="https://…" bind:value=row.url/>
                        <input type="text" aria-label="What the source shows" placeholder="what it shows" bind:value=row.note/>
                        <button type="button" class="small" aria-label="Remove this source"
                            on:click=move |_| evidence.update(|rows| rows.retain(|r| r.key != row.key))>"×"</button>
                    </div>
                </For>
                <button type="button" class="small" on:click=add_row>"Add source"</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary">"Save"</button>
                <button type="button" on:click=move |_| ctx.close_panel()>"Cancel"</button>
            </div>
        </form>
    }
}
