//! *Send to Gloss* in the app: the box offering the bookmarklet (made with `web::dom`), and
//! a page received from it opened as a new article the way an opened .html file is. The exchange is
//! `web::handoff`'s, its rules the core's (`core::handoff`).

use super::state::Ctx;
use crate::core::parse::{parse_bytes, Format};
use crate::web::dom::Ui;
use crate::web::handoff;
use leptos::prelude::*;

/// When Gloss was opened by the bookmarklet (`#receive`), waits for the page and opens it,
/// or says why not.
#[inline(never)] // out of the app's root, which stays small enough to inline
pub fn listen(ctx: Ctx) {
    if !handoff::is_receiving() {
        return;
    }
    let say = move |text: &str| ctx.say(text);
    say("Waiting for the page from Send to Gloss…");
    handoff::receive(Box::new(move |got| {
        ctx.notice.set(None);
        match got {
            Ok(page) => {
                let mut parsed = parse_bytes(page.html.as_bytes(), Some(Format::Html));
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
            Err(problem) => ctx.fail(problem.to_string()),
        }
    }));
}

/// The *Send to Gloss* box: an empty section of the reader right after the New article
/// panel (written out in the app's static view, `app::App`), filled once with `web::dom`
/// (plain elements cost a fraction of what a Leptos view compiles to). The style sheet
/// shows it only right after the panel, so with the panel (which is also there when no
/// article is open): no code follows the panel.
pub const BOX_ID: &str = "send-to-gloss";

/// Fills the box once the page is built. Its handler lives as long as the app.
pub fn mount(ctx: Ctx) {
    Effect::new(move |_| {
        if let Some(section) = document().get_element_by_id(BOX_ID) {
            std::mem::forget(fill(ctx, &section));
        }
    });
}

/// The bookmarklet, to drag to the bookmarks bar; clicked here it only explains itself.
fn fill(ctx: Ctx, section: &web_sys::Element) -> Option<Ui> {
    let ui = Ui::new()?;
    ui.el_text(section, "h2", &[("id", "send-h")], "Send to Gloss");
    let p = ui.el(section, "p", &[("class", "hint")]);
    match handoff::bookmarklet_href() {
        Some(href) => {
            ui.text(&p, "Drag ");
            let a = ui.el_text(&p, "a", &[("class", "bookmarklet"), ("href", &href)], "Send to Gloss");
            ui.on(
                &a,
                "click",
                Box::new(move |ev| {
                    ev.prevent_default();
                    ctx.say("Drag Send to Gloss to your bookmarks bar, then click the bookmark on a news page.");
                }),
            );
            ui.text(&p, " to your bookmarks bar. On a news page, click the bookmark: Gloss opens in a new tab with the story as a new article.");
        }
        None => ui.text(&p, "Send to Gloss, a bookmark that brings any news page here, works when Gloss is opened from a web address (http or https), not from a file."),
    }
    Some(ui)
}
