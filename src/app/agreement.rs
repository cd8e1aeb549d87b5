//! *Agreement*, in the article's place: how far the annotators of the open article agree
//! (`core::agreement`: span F1 for each pair, exact and overlapping; Cohen's kappa for each
//! pair and Krippendorff's alpha for everyone, on type and verdict), and each place where
//! they differ, with the person's ruling: keep one, merge them, or reject them. A Leptos
//! view; `Ctx::adjudicate` does the work.

use super::state::Ctx;
use crate::core::agreement::{agreement, Agreement, DisagreementKind, Layer};
use crate::core::excerpt;
use crate::core::layers::{agreement_layers, Ruling};
use leptos::prelude::*;

fn figure(x: Option<f64>) -> String {
    x.map_or("—".to_string(), |v| format!("{v:.2}"))
}

/// One place where annotators differ, as the view shows it.
#[derive(Clone, PartialEq)]
struct Place {
    key: String,
    words: String,
    kinds: String,
    missing: String,
    choices: Vec<Choice>,
}

/// One annotator's claim at a place.
#[derive(Clone, PartialEq)]
struct Choice {
    id: String,
    who: String,
    says: String,
}

fn places(
    found: &Agreement,
    layers: &[Layer],
    text: &str,
    label: &dyn Fn(&str) -> String,
) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for (u, unit) in found.units.iter().enumerate() {
        let kinds: Vec<DisagreementKind> = found
            .disagreements
            .iter()
            .filter(|d| d.unit == u)
            .map(|d| d.kind)
            .collect();
        if kinds.is_empty() {
            continue;
        }
        let choices = unit
            .marks
            .iter()
            .filter_map(|m| {
                let layer = layers.get(m.annotator)?;
                let mark = layer.marks.get(m.index)?;
                Some(Choice {
                    id: mark.id.clone(),
                    who: layer.annotator.clone(),
                    says: format!(
                        "“{}” · {} · {}",
                        excerpt(
                            text.get(mark.span.start()..mark.span.end()).unwrap_or(""),
                            80
                        ),
                        mark.kind,
                        label(&mark.verdict)
                    ),
                })
            })
            .collect();
        let missing: Vec<&str> = unit
            .lacking(layers.len())
            .into_iter()
            .filter_map(|l| layers.get(l).map(|l| l.annotator.as_str()))
            .collect();
        out.push(Place {
            key: format!(
                "{u}:{}",
                unit.marks
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            words: excerpt(
                text.get(unit.span.start()..unit.span.end()).unwrap_or(""),
                160,
            ),
            kinds: kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            missing: if missing.is_empty() {
                String::new()
            } else {
                format!("No claim here from {}.", missing.join(", "))
            },
            choices,
        });
    }
    out
}

#[component]
pub fn AgreementView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let data = Memo::new(move |_| {
        ctx.library.with(|l| {
            let a = l.get(ctx.current.get()?.as_str())?;
            let layers = agreement_layers(a);
            let found = agreement(&layers);
            let label = |v: &str| {
                crate::core::rating::Verdict::new(v)
                    .map(|v| l.scale.label(&v))
                    .unwrap_or_else(|| v.to_string())
            };
            let pairs: Vec<(String, String, String, String, String)> = found
                .pairs
                .iter()
                .map(|p| {
                    let name =
                        |i: usize| layers.get(i).map_or(String::new(), |l| l.annotator.clone());
                    (
                        format!("{} – {}", name(p.a), name(p.b)),
                        figure(p.exact.f1),
                        figure(p.overlap.f1),
                        figure(p.type_kappa),
                        figure(p.verdict_kappa),
                    )
                })
                .collect();
            let alphas = format!(
                "Krippendorff's alpha over everyone: type {}, verdict {} ({} places marked).",
                figure(found.type_alpha),
                figure(found.verdict_alpha),
                found.units.len()
            );
            Some((pairs, alphas, places(&found, &layers, a.doc.text(), &label)))
        })
    });
    view! {
        <section class="agreement" aria-labelledby="agreement-h">
            <div class="report-bar">
                <h2 id="agreement-h">"Agreement"</h2>
                <button on:click=move |_| ctx.export_agreement()>"Download CSV"</button>
                <button on:click=move |_| ctx.agreement_open.set(false)>"Close"</button>
            </div>
            {move || data.get().map(|(pairs, alphas, places)| view! {
                <table class="pairs">
                    <caption>"Each pair of annotators: span F1 (exact, overlapping) and Cohen's kappa on the claims they share"</caption>
                    <thead><tr><th scope="col">"Annotators"</th><th scope="col">"Exact F1"</th><th scope="col">"Overlap F1"</th><th scope="col">"Type κ"</th><th scope="col">"Verdict κ"</th></tr></thead>
                    <tbody>
                        {pairs.into_iter().map(|p| view! { <tr><th scope="row">{p.0}</th><td>{p.1}</td><td>{p.2}</td><td>{p.3}</td><td>{p.4}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <p class="alphas">{alphas}</p>
                <h3>{format!("Where they differ ({})", places.len())}</h3>
                <ol class="disagreements" aria-label="Disagreements">
                    {places.into_iter().map(|p| {
                        let ids: Vec<String> = p.choices.iter().map(|c| c.id.clone()).collect();
                        let (merge_ids, reject_ids) = (ids.clone(), ids.clone());
                        view! {
                            <li class="disagreement" data-place=p.key.clone()>
                                <p><q>{p.words.clone()}</q> <span class="hint">{format!(" differs in: {}", p.kinds)}</span></p>
                                {(!p.missing.is_empty()).then(|| view! { <p class="hint">{p.missing.clone()}</p> })}
                                <ul>
                                    {p.choices.iter().map(|c| {
                                        let (id, all) = (c.id.clone(), ids.clone());
                                        view! {
                                            <li>
                                                <b>{c.who.clone()}</b>": "{c.says.clone()}" "
                                                <button class="small" aria-label=format!("Keep {}'s claim", c.who)
                                                    on:click=move |_| ctx.adjudicate(&all, Ruling::Keep(id.clone()))>"Keep this"</button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <div class="actions">
                                    <button class="small" disabled=merge_ids.len() < 2 on:click=move |_| ctx.adjudicate(&merge_ids, Ruling::Merge)>"Merge them"</button>
                                    <button class="small danger" on:click=move |_| ctx.adjudicate(&reject_ids, Ruling::Reject)>"Reject all"</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            })}
        </section>
    }
}
