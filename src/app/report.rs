//! The *Report* view: the open article's claims as a report (`core::report`), grouped by
//! claimant or by verdict, to read, print, or download as HTML or Markdown. Rendered as
//! Leptos views (text only); a quote leads to its claim in the text.

use super::state::Ctx;
use crate::core::report::{GroupBy, Report};
use crate::web::{self, files, selection};
use leptos::prelude::*;

#[component]
pub fn ReportView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let by = RwSignal::new(GroupBy::Claimant);
    let report = Memo::new(move |_| {
        let id = ctx.current.get()?;
        let by = by.get();
        ctx.library
            .with(|l| l.get(&id).map(|a| Report::of(a, &l.scale, by)))
    });
    let download = move |markdown: bool| {
        let Some(r) = report.get_untracked() else {
            return;
        };
        let (name, text, mime) = if markdown {
            (
                crate::core::file_name_for(&r.title, "report.md"),
                r.markdown(),
                "text/markdown",
            )
        } else {
            (
                crate::core::file_name_for(&r.title, "report.html"),
                r.html(),
                "text/html",
            )
        };
        match files::download(&name, &text, mime) {
            Ok(()) => ctx.say(format!("Saved the report as {name}.")),
            Err(e) => ctx.fail(format!("The report could not be saved: {e}")),
        }
    };
    // a quote leads to its claim in the text
    let show = move |id: String| {
        let span = ctx.current.get_untracked().and_then(|a| {
            ctx.library
                .with_untracked(|l| Some(l.get(&a)?.claim(&id)?.span))
        });
        ctx.report_open.set(false);
        ctx.selected.set(Some(id.clone()));
        if let Some(span) = span {
            super::article::bring_into_view(ctx, span, move |root| {
                selection::scroll_and_flash(root, &id);
            });
        }
    };
    let choices = GroupBy::ALL
        .into_iter()
        .map(|g| {
            view! {
                <label><input type="radio" name="report-by" value=g.as_str()
                    prop:checked=move || by.get() == g on:change=move |_| by.set(g)/>{g.label()}</label>
            }
        })
        .collect_view();
    view! {
        <section class="report" aria-labelledby="report-h">
            <div class="report-bar" role="toolbar" aria-label="Report">
                <fieldset class="report-by">
                    <legend class="visually-hidden">"Group the claims"</legend>
                    {choices}
                </fieldset>
                <button on:click=move |_| download(false)>"Download HTML"</button>
                <button on:click=move |_| download(true)>"Download Markdown"</button>
                <button on:click=|_| web::print()>"Print"</button>
                <button on:click=move |_| ctx.report_open.set(false)>"Back to the article"</button>
            </div>
            {move || report.get().map(|r| {
                let line = r.source_line();
                let summary = r.summary();
                let url = r.url.clone();
                let title = r.title.clone();
                let facts: Vec<Vec<String>> = r
                    .groups
                    .iter()
                    .map(|g| g.entries.iter().map(|e| r.facts(e).line()).collect())
                    .collect();
                let groups = r.groups.into_iter().zip(facts).map(|(g, facts)| {
                    let entries = g.entries.into_iter().zip(facts).map(|(e, facts)| {
                        let id = e.id.clone();
                        let note = (!e.note.is_empty()).then(|| view! { <p class="note">{e.note}</p> });
                        let evidence = (!e.evidence.is_empty())
                            .then(|| view! { <super::claims::EvidenceList evidence=e.evidence/> });
                        view! {
                            <li class=format!("report-claim {}", e.tone.class())>
                                <blockquote>
                                    <button class="link-like" title="Show in the text"
                                        on:click=move |_| show(id.clone())>{format!("“{}”", e.quote)}</button>
                                </blockquote>
                                <p class="facts">{facts}</p>
                                {note}
                                {evidence}
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <section class="report-group">
                            <h3>{g.heading}</h3>
                            <ul>{entries}</ul>
                        </section>
                    }
                }).collect_view();
                view! {
                    <header class="report-head">
                        <h2 id="report-h">{format!("Claims in “{title}”")}</h2>
                        {(!line.is_empty()).then(|| view! { <p class="source">{line}</p> })}
                        {url.map(|u| {
                            let href = u.clone();
                            view! {
                                <p class="source"><a href=href target="_blank" rel="noopener noreferrer">{u}</a></p>
                            }
                        })}
                        <p class="summary">{summary}</p>
                    </header>
                    {groups}
                }
            })}
        </section>
    }
}
