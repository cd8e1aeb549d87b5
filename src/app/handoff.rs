//! *Send to Gloss* in the app: the box offering the bookmarklet (made with `web::dom`), and
//! a page received from it opened as a new article the way an opened .html file is. The exchange is
//! `web::handoff`'s, its rules the core's (`core::handoff`).

use super::state::{Ctx, Notice};
use crate::core::parse::{parse_bytes, Format};
use crate::web::dom::Ui;
use crate::web::handoff;
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
            Err(problem) => ctx.error.set(Some(problem.to_string())),
        }
    });
}

/// The *Send to Gloss* box: an empty section of the reader, shown with the New article
/// panel (and when no article is open), filled once with `web::dom` (plain elements cost a
/// fraction of what a Leptos view compiles to).
pub const BOX_ID: &str = "send-to-gloss";

/// Fills the box once it is in the page and shows it with the New article panel.
pub fn mount(ctx: Ctx) {
    let ui: StoredValue<Option<Ui>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let shown = ctx.show_new.get() || ctx.current.with(Option::is_none);
        let Some(section) = document().get_element_by_id(BOX_ID) else {
            return;
        };
        if ui.with_value(Option::is_none) {
            ui.set_value(fill(ctx, &section));
        }
        let _ = section.toggle_attribute_with_force("hidden", !shown);
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
                    ctx.notice.set(Some(Notice {
                        text: "Drag Send to Gloss to your bookmarks bar, then click the bookmark on a news page.".into(),
                        undo: None,
                    }));
                }),
            );
            ui.text(&p, " to your bookmarks bar. On a news page, click the bookmark: Gloss opens in a new tab with the story as a new article.");
        }
        None => ui.text(&p, "Send to Gloss, a bookmark that brings any news page here, works when Gloss is opened from a web address (http or https), not from a file."),
    }
    Some(ui)
}
