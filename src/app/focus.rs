//! Where the focus goes when a form of the side panel closes or a claim goes: one place
//! for the claim form and the link form.

use super::state::Ctx;
use leptos::prelude::*;

/// The button that shows claim `id` in the text (its item's first control).
fn claim_button(id: &str) -> Option<web_sys::HtmlElement> {
    quote_button(&document().get_element_by_id(&format!("claim-{id}"))?)
}

/// A claim item's first control, to give the focus to (read only: Leptos owns the item).
fn quote_button(item: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    item.query_selector("button.quote").ok()??.dyn_into().ok()
}

/// Where the focus goes back to when a form of the side panel closes (Save, Cancel, Esc):
/// where it was when the form opened, if that is still in the page; else the claim the
/// form was about (or the one selected); else the article. Called when the form opens.
pub fn return_focus_on_close(claim: Option<String>) {
    let ctx = expect_context::<Ctx>();
    let back = StoredValue::new_local(crate::web::focused());
    on_cleanup(move || {
        let was = back.try_get_value().flatten();
        let claim = claim.or_else(|| ctx.selected.try_get_untracked().flatten());
        // after the list has rendered what the form changed
        set_timeout(
            move || {
                // something took the focus since (Delete gave it to the next claim)
                if crate::web::focused().is_some() {
                    return;
                }
                crate::web::focus_first([
                    was,
                    claim.as_deref().and_then(claim_button),
                    crate::web::find(&format!("#{}", super::article::ARTICLE_ID)),
                ])
            },
            std::time::Duration::ZERO,
        );
    });
}

/// Deletes claim `id` (its button, or the Delete key on the selected claim). When the focus
/// was in its list item, it goes to the next claim in the list, else the one before, else
/// the list's heading, never to the page's top.
pub fn delete_claim(ctx: Ctx, id: &str) {
    let item = document().get_element_by_id(&format!("claim-{id}"));
    let near = item.as_ref().and_then(|i| {
        i.next_element_sibling()
            .or_else(|| i.previous_element_sibling())
    });
    let next = near.as_ref().and_then(quote_button);
    // only when the focus was in the item that goes (its Delete button): a Delete key
    // pressed in the article leaves the focus there
    let inside = item
        .as_ref()
        .zip(crate::web::focused())
        .is_some_and(|(i, f)| i.contains(Some(&f)));
    ctx.delete_claim(id);
    if inside {
        crate::web::focus_first([next, crate::web::find("#claims-h")]);
    }
}
