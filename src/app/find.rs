//! *Find in article*: the places a search finds in the open article's text
//! (`core::sift::find_in_text`), stepped through with Enter and Shift+Enter or the
//! buttons; each is selected in the text, so *Tag claim* can take it at once.

use super::article::bring_into_view;
use super::state::Ctx;
use crate::core::sift::{find_in_text, MAX_FOUND};
use crate::web::selection;
use leptos::prelude::*;

#[component]
pub fn FindInArticle() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let words = RwSignal::new(String::new());
    // which place is selected (0-based); none yet after the words change
    let at = RwSignal::new(None::<usize>);
    let found = Memo::new(move |_| {
        let w = words.get();
        ctx.current_doc()
            .map(|d| find_in_text(d.text(), &w))
            .unwrap_or_default()
    });
    let go = move |step: isize| {
        let n = found.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let i = match at.get_untracked() {
            None if step > 0 => 0,
            None => n - 1,
            Some(i) => (i as isize + step).rem_euclid(n as isize) as usize,
        };
        at.set(Some(i));
        let Some(span) = found.with_untracked(|f| f.get(i).copied()) else {
            return;
        };
        let text = ctx.current_doc();
        bring_into_view(ctx, span, move |root| {
            if let Some(d) = text {
                selection::select_span(root, d.text(), span);
                selection::scroll_to_span(root, span);
            }
        });
    };
    let status = move || {
        let n = found.with(Vec::len);
        match (words.with(|w| w.trim().is_empty()), n) {
            (true, _) => String::new(),
            (false, 0) => "Not found".to_string(),
            (false, n) => {
                let more = if n >= MAX_FOUND { "+" } else { "" };
                match at.get() {
                    Some(i) => format!("{} of {n}{more}", i + 1),
                    None => format!("{n}{more} found"),
                }
            }
        }
    };
    view! {
        <div class="find-bar" role="search" aria-label="Find in article">
            <input type="search" placeholder="Find in article" aria-label="Find in article"
                prop:value=move || words.get()
                on:input=move |ev| {
                    words.set(event_target_value(&ev));
                    at.set(None);
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        ev.stop_propagation();
                        go(if ev.shift_key() { -1 } else { 1 });
                    }
                }/>
            <span class="find-count" role="status">{status}</span>
            <button class="small" aria-label="Previous place" on:click=move |_| go(-1)
                disabled=move || found.with(Vec::is_empty)>"↑"</button>
            <button class="small" aria-label="Next place" on:click=move |_| go(1)
                disabled=move || found.with(Vec::is_empty)>"↓"</button>
        </div>
    }
}
