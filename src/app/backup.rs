//! *Export library*, *Import library* and *Import folder*: the whole library as one backup
//! file (`core::backup`), a folder of article files or pages read as one (`core::folder`),
//! and the preview that says what an import adds and replaces before anything changes.
//! Both are islands made with `web::dom` into static slots.

use super::library::take_files;
use super::state::{Ctx, MAX_ARTICLE_FILE};
use crate::core::backup::{
    apply, export_library, plan, read_backup, Backup, Plan, Take, MAX_BACKUP_BYTES,
};
use crate::core::folder::{self, Folder, Kind, LeftOut};
use crate::web::dom::Ui;
use crate::web::folder::{InFolder, Unread, Walked};
use crate::web::{self, files};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A backup read and planned, waiting for the person's answer.
#[derive(Clone)]
pub struct PendingBackup {
    pub plan: Plan,
    pub backup: Arc<Backup>,
    pub from: Origin,
}

/// Where the articles of a pending import come from.
#[derive(Clone)]
pub enum Origin {
    /// A library backup file.
    Backup,
    /// A folder: its name, the files left out of it and why, and how many were of other
    /// kinds (`core::folder`).
    Folder {
        name: String,
        left_out: Vec<LeftOut>,
        ignored: usize,
    },
}

impl Origin {
    /// How the dialog and its lines name it.
    fn the(&self) -> &'static str {
        match self {
            Origin::Backup => "the backup",
            Origin::Folder { .. } => "the folder",
        }
    }
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
                    from: Origin::Backup,
                }));
            }
        }
    }

    /// Reads a folder's files (`core::folder`: article files, pages; hidden files and
    /// others skipped unread) and shows what importing them would do; changes nothing yet.
    pub fn take_folder(&self, walked: Walked) {
        self.error.set(None);
        if self.pending_backup.with_untracked(Option::is_some) {
            self.fail("Answer the import that is open first (Import or Cancel), then bring the folder in.");
            return;
        }
        let Walked {
            files: list,
            unread,
            skipped,
        } = walked;
        let name = folder::name(list.iter().map(|f| f.path.as_str()));
        if list.is_empty() && unread.is_empty() {
            self.fail("The folder holds no files Gloss can open (Gloss article files, .txt, .md or .html pages).");
            return;
        }
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let reading = format!("Reading the folder “{name}”…");
            ctx.say(reading.clone());
            let mut folder = Folder::new(&web::now_iso());
            for _ in 0..skipped {
                folder.ignore();
            }
            for Unread { path, why } in unread {
                folder.not_read(&path, why);
            }
            let mut total = 0.0;
            for InFolder { path, file } in list {
                if folder::kind(&path) == Kind::Other {
                    folder.ignore();
                    continue;
                }
                // a file over the limit is left out unread (`files::read` says so)
                if file.size() <= MAX_ARTICLE_FILE as f64 {
                    total += file.size();
                }
                if total > MAX_BACKUP_BYTES as f64 {
                    ctx.fail(format!(
                        "The folder “{name}” holds more than {} MB of articles; import it in parts. Nothing was changed.",
                        MAX_BACKUP_BYTES / (1024 * 1024)
                    ));
                    return;
                }
                match files::read(file, MAX_ARTICLE_FILE).await {
                    Ok(p) => folder.take(&path, &p.bytes),
                    Err(e) => folder.not_read(&path, e.to_string()),
                }
            }
            let folder::Read {
                backup,
                left_out,
                ignored,
            } = folder.finish();
            // the notice has said what it had to, unless another took its place
            if ctx
                .notice
                .with_untracked(|n| n.as_ref().is_some_and(|n| n.text == reading))
            {
                ctx.notice.set(None);
            }
            if backup.articles.is_empty() {
                let why = match left_out.len() {
                    0 => String::new(),
                    _ => format!(
                        " Left out: {}.",
                        some(left_out.iter().map(LeftOut::to_string).collect())
                    ),
                };
                ctx.fail(format!(
                    "The folder “{name}” holds no article Gloss can open (Gloss article files, .txt, .md or .html pages).{why} Nothing was changed."
                ));
                return;
            }
            let plan = ctx.library.with_untracked(|l| plan(l, &backup));
            ctx.pending_backup.set(Some(PendingBackup {
                plan,
                backup: Arc::new(backup),
                from: Origin::Folder {
                    name,
                    left_out,
                    ignored,
                },
            }));
        });
    }

    /// The person's answer to the preview: import the articles `take` says, or cancel.
    pub fn resolve_backup(&self, answer: Option<Take>) {
        let Some(p) = self.pending_backup.get_untracked() else {
            return;
        };
        self.pending_backup.set(None);
        let Some(take) = answer else {
            self.say(match p.from {
                Origin::Backup => "Library import cancelled; nothing was changed.",
                Origin::Folder { .. } => "Folder import cancelled; nothing was changed.",
            });
            return;
        };
        let backup = Arc::try_unwrap(p.backup).unwrap_or_else(|b| (*b).clone());
        let mut open = None;
        self.library.update(|l| open = apply(l, backup, take));
        // the backup's open article, else the one open here, when it is still in the library
        let open = open
            .or_else(|| self.current.get_untracked())
            .filter(|id| self.library.with_untracked(|l| l.get(id).is_some()));
        self.current.set(None);
        match open {
            Some(id) => self.open(&id),
            None => self.persist(),
        }
        let what = match &p.from {
            Origin::Backup => "the library".to_string(),
            Origin::Folder { name, .. } => format!("the folder “{name}”"),
        };
        let (added, others) = (p.plan.adds.len(), p.plan.replaces.len());
        self.say(match take {
            Take::All => format!("Imported {what}: {added} added, {others} replaced."),
            Take::OnlyNew => {
                format!("Imported {what}: {added} added; {others} already here kept as they are.")
            }
        });
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
        let ui = pending.and_then(|p| dialog(ctx, &slot, p.plan, &p.from));
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
    let backup = [("type", "file"), ("accept", ".json,application/json")];
    file_input(&ui, slot, "Import library", &backup, move |list| {
        take_files(ctx, files::files_of(list))
    });
    let folder = [("type", "file"), ("webkitdirectory", ""), ("multiple", "")];
    file_input(&ui, slot, "Import folder", &folder, move |list| {
        ctx.take_folder(web::folder::chosen(list))
    });
    Some(ui)
}

/// A file button: a label named `name` around an input of `attrs`, handing what is chosen
/// to `take` and then forgetting it (so the same choice again is a change).
fn file_input(
    ui: &Ui,
    slot: &web_sys::Element,
    name: &str,
    attrs: &[(&str, &str)],
    take: impl Fn(Option<web_sys::FileList>) + 'static,
) {
    let label = ui.el_text(slot, "label", &[("class", "file-button small")], name);
    let input = ui.el(&label, "input", attrs);
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
            take(input.files());
            input.set_value("");
        }),
    );
}

/// Items of a list in a sentence: the first few, then how many more.
fn some(all: Vec<String>) -> String {
    match all.len() {
        0..=8 => all.join(", "),
        n => format!("{} and {} more", all[..8].join(", "), n - 8),
    }
}

/// What the import would do, in sentences.
fn plan_lines(plan: Plan, from: &Origin) -> Vec<String> {
    let Plan {
        adds,
        replaces,
        kept,
        new_identities,
    } = plan;
    let the = from.the();
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
                    n => format!("; {n} claim(s) or link(s) here are not in {the} as they are now, and are lost"),
                };
                format!(
                    "“{}” ({} claim(s) here, {} in {the}{lost})",
                    r.name, r.claims_now, r.claims_incoming
                )
            })
            .collect();
        lines.push(format!(
            "Replaces {n} article(s) with {the}'s copy: {}.",
            some(names)
        ));
    }
    if kept > 0 {
        lines.push(format!(
            "Keeps {kept} article(s) {the} does not hold, as they are."
        ));
    }
    if new_identities > 0 {
        lines.push(format!(
            "Joins {new_identities} entity name(s) with another, as {the} does."
        ));
    }
    if let Origin::Folder {
        left_out, ignored, ..
    } = from
    {
        if !left_out.is_empty() {
            let files = left_out.iter().map(LeftOut::to_string).collect();
            lines.push(format!(
                "Leaves out {} file(s): {}.",
                left_out.len(),
                some(files)
            ));
        }
        if *ignored > 0 {
            lines.push(format!(
                "Skips {ignored} hidden file(s) or file(s) of other kinds."
            ));
        }
    }
    if lines.is_empty() {
        lines.push(format!("There are no articles in {the}."));
    }
    lines
}

#[inline(never)]
fn dialog(ctx: Ctx, slot: &web_sys::Element, plan: Plan, from: &Origin) -> Option<Ui> {
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
    let (title, go) = match from {
        Origin::Backup => ("Import this library backup?".to_string(), "Import library"),
        Origin::Folder { name, .. } => (
            format!("Import the folder “{name}” as a library?"),
            "Import folder",
        ),
    };
    ui.el_text(&d, "h2", &[("id", "backup-h")], &title);
    // both kinds: some articles are new and some would replace work here
    let choice = !plan.adds.is_empty() && !plan.replaces.is_empty();
    let ul = ui.el(&d, "ul", &[("class", "plan")]);
    for line in plan_lines(plan, from) {
        ui.el_text(&ul, "li", &[], &line);
    }
    let actions = ui.el(&d, "div", &[("class", "actions")]);
    ui.button(
        &actions,
        go,
        &[("class", "primary")],
        Box::new(move |_| ctx.resolve_backup(Some(Take::All))),
    );
    if choice {
        ui.button(
            &actions,
            "Add only the new ones",
            &[],
            Box::new(move |_| ctx.resolve_backup(Some(Take::OnlyNew))),
        );
    }
    ui.button(
        &actions,
        "Cancel",
        &[],
        Box::new(move |_| ctx.resolve_backup(None)),
    );
    Some(ui)
}
