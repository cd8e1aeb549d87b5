//! *Export library* and *Import library*: the whole library as one backup file
//! (`core::backup`), and the preview that says what an import adds and replaces before
//! anything changes. Both are islands made with `web::dom` into static slots.

use super::library::take_files;
use super::state::Ctx;
use crate::core::backup::{apply, export_library, plan, read_backup, Backup, Plan};
use crate::web::dom::Ui;
use crate::web::{self, files};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A backup read and planned, waiting for the person's answer.
#[derive(Clone)]
pub struct PendingBackup {
    pub plan: Plan,
    pub backup: Arc<Backup>,
}

impl Ctx {
    /// Downloads every article, the entity identities and the open article as one file.
    pub fn export_library(&self) {
        let current = self.current.get_untracked();
        let now = web::now_iso();
        let json = self
            .library
            .with_untracked(|l| export_library(l, current.as_deref(), &now));
        let day = now.get(..10).unwrap_or("today");
        if let Err(e) = files::download(
            &format!("gloss-library-{day}.json"),
            &json,
            "application/json",
        ) {
            self.fail(format!("Export failed: {e}"));
        }
    }

    /// Reads a backup and shows what importing it would do; changes nothing yet.
    pub fn take_backup(&self, bytes: &[u8]) {
        match read_backup(bytes) {
            Err(e) => self.fail(format!("Import failed: {e} Nothing was changed.")),
            Ok(backup) => {
                let plan = self.library.with_untracked(|l| plan(l, &backup));
                self.pending_backup.set(Some(PendingBackup {
                    plan,
                    backup: Arc::new(backup),
                }));
            }
        }
    }

    /// The person's answer to the preview: import (true) or cancel.
    pub fn resolve_backup(&self, go: bool) {
        let Some(p) = self.pending_backup.get_untracked() else {
            return;
        };
        self.pending_backup.set(None);
        if !go {
            self.say("Library import cancelled; nothing was changed.");
            return;
        }
        let backup = Arc::try_unwrap(p.backup).unwrap_or_else(|b| (*b).clone());
        let mut open = None;
        self.library.update(|l| open = apply(l, backup));
        // the backup's open article, else the one open here, when it is still in the library
        let open = open
            .or_else(|| self.current.get_untracked())
            .filter(|id| self.library.with_untracked(|l| l.get(id).is_some()));
        self.current.set(None);
        match open {
            Some(id) => self.open(&id),
            None => self.persist(),
        }
        self.say(format!(
            "Imported the library: {} added, {} replaced.",
            p.plan.adds.len(),
            p.plan.replaces.len()
        ));
    }
}

/// The slot under the list of articles for *Export library* and *Import library*, and the
/// slot for the preview dialog: static in the app's view, each filled by this module with
/// `web::dom` (plain elements cost a fraction of what a Leptos view compiles to).
pub const BUTTONS_ID: &str = "backup-buttons";
pub const DIALOG_ID: &str = "backup-dialog";

/// Fills the buttons once, and rebuilds the dialog whenever the pending backup changes.
pub fn mount(ctx: Ctx) {
    Effect::new(move |_| {
        if let Some(slot) = document().get_element_by_id(BUTTONS_ID) {
            std::mem::forget(buttons(ctx, &slot));
        }
    });
    // the dialog's elements and handlers, kept until the next change
    let mut held: Option<Ui> = None;
    Effect::new(move |_| {
        let pending = ctx.pending_backup.get();
        let Some(slot) = document().get_element_by_id(DIALOG_ID) else {
            return;
        };
        // the old dialog leaves the page before its handlers are dropped
        slot.set_text_content(None);
        let ui = pending.and_then(|p| dialog(ctx, &slot, p.plan));
        drop(std::mem::replace(&mut held, ui));
    });
}

#[inline(never)]
fn buttons(ctx: Ctx, slot: &web_sys::Element) -> Option<Ui> {
    let ui = Ui::new()?;
    ui.button(
        slot,
        "Export library",
        &[("class", "small")],
        Box::new(move |_| ctx.export_library()),
    );
    let label = ui.el_text(
        slot,
        "label",
        &[("class", "file-button small")],
        "Import library",
    );
    let input = ui.el(
        &label,
        "input",
        &[("type", "file"), ("accept", ".json,application/json")],
    );
    ui.on(
        &input,
        "change",
        Box::new(move |ev| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            take_files(ctx, files::files_of(input.files()));
            input.set_value("");
        }),
    );
    Some(ui)
}

/// Items of a list in a sentence: the first few, then how many more.
fn some(all: Vec<String>) -> String {
    match all.len() {
        0..=8 => all.join(", "),
        n => format!("{} and {} more", all[..8].join(", "), n - 8),
    }
}

/// What the import would do, in sentences.
fn plan_lines(plan: Plan) -> Vec<String> {
    let Plan {
        adds,
        replaces,
        kept,
        new_identities,
    } = plan;
    let mut lines = Vec::new();
    if !adds.is_empty() {
        let n = adds.len();
        let names = adds.into_iter().map(|a| format!("“{a}”")).collect();
        lines.push(format!("Adds {n} article(s): {}.", some(names)));
    }
    if !replaces.is_empty() {
        let n = replaces.len();
        let names = replaces
            .iter()
            .map(|r| {
                let lost = match r.lost {
                    0 => String::new(),
                    n => format!("; {n} claim(s) or link(s) here are not in the backup as they are now, and are lost"),
                };
                format!(
                    "“{}” ({} claim(s) here, {} in the backup{lost})",
                    r.name, r.claims_now, r.claims_incoming
                )
            })
            .collect();
        lines.push(format!(
            "Replaces {n} article(s) with the backup's copy: {}.",
            some(names)
        ));
    }
    if kept > 0 {
        lines.push(format!(
            "Keeps {kept} article(s) the backup does not hold, as they are."
        ));
    }
    if new_identities > 0 {
        lines.push(format!(
            "Joins {new_identities} entity name(s) with another, as the backup does."
        ));
    }
    if lines.is_empty() {
        lines.push("The backup holds no articles.".into());
    }
    lines
}

#[inline(never)]
fn dialog(ctx: Ctx, slot: &web_sys::Element, plan: Plan) -> Option<Ui> {
    let ui = Ui::new()?;
    let backdrop = ui.el(slot, "div", &[("class", "backdrop")]);
    let d = ui.el(
        &backdrop,
        "div",
        &[
            ("role", "dialog"),
            ("aria-modal", "true"),
            ("aria-labelledby", "backup-h"),
            ("class", "dialog"),
        ],
    );
    ui.el_text(
        &d,
        "h2",
        &[("id", "backup-h")],
        "Import this library backup?",
    );
    let ul = ui.el(&d, "ul", &[("class", "plan")]);
    for line in plan_lines(plan) {
        ui.el_text(&ul, "li", &[], &line);
    }
    let actions = ui.el(&d, "div", &[("class", "actions")]);
    ui.button(
        &actions,
        "Import library",
        &[("class", "primary")],
        Box::new(move |_| ctx.resolve_backup(true)),
    );
    ui.button(
        &actions,
        "Cancel",
        &[],
        Box::new(move |_| ctx.resolve_backup(false)),
    );
    Some(ui)
}
