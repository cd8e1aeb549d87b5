//! The share link's two dialogs: the link *Copy link* made (also shown, so it can be
//! copied by hand), and the article a link brought, offered to the person. Leptos views;
//! `Ctx` (`state::share`) does the work.

use super::state::Ctx;
use crate::core::report::claims_count;
use leptos::prelude::*;

#[component]
pub fn ShareDialogs() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let made = move || {
        ctx.made_link.get().map(|m| {
            let what = if m.whole {
                "It holds the article and its claims, in the address itself: opening it adds nothing to any server."
            } else {
                "The article is too long for a link, so it holds the claims only: the person opens the article themselves, and the claims are placed on it."
            };
            let copied = if m.copied {
                "Copied to the clipboard."
            } else {
                "Select it and copy it."
            };
            let len = format!("{} characters.", m.url.chars().count());
            view! {
                <div class="backdrop">
                    <div role="dialog" aria-modal="true" aria-labelledby="link-h" class="dialog share-link">
                        <h2 id="link-h">"Link to this article"</h2>
                        <p>{what}</p>
                        <textarea readonly rows="4" aria-label="Share link" prop:value=m.url.clone() on:focus=|ev| {
                            let t: web_sys::HtmlTextAreaElement = event_target(&ev);
                            t.select();
                        }></textarea>
                        <p class="hint" role="status">{copied} " " {len}</p>
                        <div class="actions">
                            <button class="primary" on:click=move |_| ctx.made_link.set(None)>"Close"</button>
                        </div>
                    </div>
                </div>
            }
        })
    };
    let offer = move || {
        ctx.link_offer.get().map(|o| {
            let text = if o.claims_only() {
                format!(
                    "Someone shared {} on “{}”, which is in your library. Add them to it? Until you do, nothing is saved.",
                    claims_count(o.claims),
                    o.name
                )
            } else {
                format!(
                    "Someone shared “{}” with {}. Add it to your library? Until you do, nothing is saved.",
                    o.name,
                    claims_count(o.claims)
                )
            };
            view! {
                <div class="backdrop">
                    <div role="dialog" aria-modal="true" aria-labelledby="offer-h" aria-describedby="offer-d" class="dialog">
                        <h2 id="offer-h">"Shared article"</h2>
                        <p id="offer-d">{text}</p>
                        <div class="actions">
                            <button class="primary" on:click=move |_| ctx.answer_link(true)>"Add to library"</button>
                            <button on:click=move |_| ctx.answer_link(false)>"Cancel"</button>
                        </div>
                    </div>
                </div>
            }
        })
    };
    view! { {made} {offer} }
}
