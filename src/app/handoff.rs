//! *Send to Gloss* in the app: the box offering the bookmarklet, and a page received from
//! it opened as a new article the way an opened .html file is. The exchange is
//! `web::handoff`'s, its rules the core's (`core::handoff`).

use super::state::{Ctx, Notice};
use crate::core::parse::{parse_str, Format};
use crate::web::handoff;
use leptos::either::Either;
use leptos::prelude::*;

/// When Gloss was opened by the bookmarklet (`#receive`), waits for the page and opens it,
/// or says why not.
pub fn listen(ctx: Ctx) {
    if !handoff::is_receiving() {
        return;
    }
    let say = move |text: &str| {
        ctx.notice.set(Some(Notice {
            text: text.into(),
            undo: None,
        }))
    };
    say("Waiting for the page from Send to Gloss…");
    handoff::receive(move |got| {
        ctx.notice.set(None);
        match got {
            Ok(page) => {
                let mut parsed = parse_str(&page.html, Some(Format::Html));
                if parsed.metadata.url.is_none() {
                    parsed.metadata.url = Some(page.url.clone());
                }
                if ctx.add_parsed(parsed, Some(page.url.clone())) {
                    ctx.notice.update(|n| {
                        if let Some(n) = n {
                            n.text = format!("{} Sent from {}.", n.text, page.url);
                        }
                    });
                }
            }
            Err(problem) => ctx.error.set(Some(problem.to_string())),
        }
    });
}

/// The bookmarklet, to drag to the bookmarks bar. Clicked here it only explains itself.
#[component]
pub fn SendToGloss() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let how = match handoff::bookmarklet_href() {
        Some(href) => Either::Left(view! {
            "Drag "
            <a class="bookmarklet" href=href on:click=move |ev| {
                ev.prevent_default();
                ctx.notice.set(Some(Notice {
                    text: "Drag Send to Gloss to your bookmarks bar, then click the bookmark on a news page.".into(),
                    undo: None,
                }));
            }>"Send to Gloss"</a>
            " to your bookmarks bar. On a news page, click the bookmark: Gloss opens in a new tab with the story as a new article."
        }),
        None => Either::Right(
            "Send to Gloss, a bookmark that brings any news page here, works when Gloss is opened from a web address (http or https), not from a file.",
        ),
    };
    view! {
        <section class="new-article send-to-gloss" aria-labelledby="send-h">
            <h2 id="send-h">"Send to Gloss"</h2>
            <p class="hint">{how}</p>
        </section>
    }
}
