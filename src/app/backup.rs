//! *Export library* and *Import library*: the whole library as one backup file
//! (`core::backup`), and the preview that says what an import adds and replaces before
//! anything changes.

use super::library::take_files;
use super::state::{Ctx, Notice};
use crate::core::backup::{apply, export_library, plan, read_backup, Backup, Plan};
use crate::web::{self, files};
use leptos::prelude::*;
use std::sync::Arc;

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
            self.error.set(Some(format!("Export failed: {e}")));
        }
    }

    /// Reads a backup and shows what importing it would do; changes nothing yet.
    pub fn take_backup(&self, bytes: &[u8]) {
        match read_backup(bytes) {
            Err(e) => self
                .error
                .set(Some(format!("Import failed: {e} Nothing was changed."))),
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
            self.notice.set(Some(Notice {
                text: "Library import cancelled; nothing was changed.".into(),
                undo: None,
            }));
            return;
        }
        let backup = Arc::try_unwrap(p.backup).unwrap_or_else(|b| (*b).clone());
        let mut open = None;
        self.library.update(|l| open = apply(l, backup));
        let open = open.or_else(|| self.current.get_untracked());
        self.current.set(None);
        match open {
            Some(id) => self.open(&id),
            None => self.persist(),
        }
        self.notice.set(Some(Notice {
            text: format!(
                "Imported the library: {} added, {} replaced.",
                p.plan.adds.len(),
                p.plan.replaces.len()
            ),
            undo: None,
        }));
    }
}

#[component]
pub fn BackupButtons() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="backup actions">
            <button class="small" on:click=move |_| ctx.export_library()>"Export library"</button>
            <label class="file-button small">"Import library"
                <input type="file" accept=".json,application/json"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        take_files(ctx, files::files_of(input.files()));
                        input.set_value("");
                    }/>
            </label>
        </div>
    }
}

/// Items of a list in a sentence: the first few, then how many more.
fn some(all: Vec<String>) -> String {
    match all.len() {
        0..=8 => all.join(", "),
        n => format!("{} and {} more", all[..8].join(", "), n - 8),
    }
}

#[component]
pub fn BackupDialog() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        ctx.pending_backup.get().map(|p| {
            let Plan {
                adds,
                replaces,
                kept,
                new_identities,
            } = p.plan;
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
                lines.push(format!("Keeps {kept} article(s) the backup does not hold, as they are."));
            }
            if new_identities > 0 {
                lines.push(format!("Joins {new_identities} entity name(s) with another, as the backup does."));
            }
            if lines.is_empty() {
                lines.push("The backup holds no articles.".into());
            }
            let lines = lines.into_iter().map(|l| view! { <li>{l}</li> }).collect::<Vec<_>>();
            view! {
                <div class="backdrop">
                    <div role="dialog" aria-modal="true" aria-labelledby="backup-h" class="dialog">
                        <h2 id="backup-h">"Import this library backup?"</h2>
                        <ul class="plan">{lines}</ul>
                        <div class="actions">
                            <button class="primary" on:click=move |_| ctx.resolve_backup(true)>"Import library"</button>
                            <button on:click=move |_| ctx.resolve_backup(false)>"Cancel"</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
