//! App state: the library signal and the UI's small signals, with the actions components
//! call. Every action edits the library through the core's rules and then persists what
//! changed through `web::storage`; a storage failure is shown and the work stays in memory.

use crate::core::annotation::{ClaimFields, ClaimType, EntityMark};
use crate::core::claims::{self, Suggestion};
use crate::core::details::{DetailsError, DetailsForm};
use crate::core::document::{Document, Severity};
use crate::core::extract::{Extraction, Label};
use crate::core::format::{
    export_article, export_article_with, import_article, import_file, looks_like_gloss_file,
};
use crate::core::library::{Article, Conflict, Decision, Library, Removed};
use crate::core::offsets::Span;
use crate::core::parse::{parse_bytes, Format, Parsed};
use crate::core::pipeline::FindingsScan;
pub use crate::core::relations::LinkDraft;
use crate::core::relations::{End, Identities, Link, Relation};
use crate::web::{self, files, storage};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

pub const SAMPLE_TEXT: &str = include_str!("../../seeds/000_9d83cd3958c40a29.txt");
pub const SAMPLE_ID: &str = "sample-9d83cd3958c40a29";
pub const SAMPLE_FILE: &str = "000_9d83cd3958c40a29.txt";
/// Articles up to this size are scanned for suggestions at once (well under 5 ms);
/// longer ones in slices of about 8 ms, so the page stays responsive.
pub const SCAN_AT_ONCE: usize = 64 * 1024;
/// The largest article file accepted (the parser itself reads up to its own limit).
pub const MAX_ARTICLE_FILE: usize = 32 * 1024 * 1024;

/// What the claim form is editing.
#[derive(Clone, Debug, PartialEq)]
pub enum FormTarget {
    New(Span),
    Edit(String),
    /// A suggested claim opened for editing before it is accepted.
    Suggestion {
        sentence: Span,
        claimant: String,
        kind: ClaimType,
    },
}

/// What the side panel holds: nothing, the claim form or the link form, never both.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Panel {
    #[default]
    Closed,
    Claim(FormTarget),
    Link(LinkDraft),
}

/// What the extractor found in the open article.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub doc: DocRef,
    /// As found. Shared with the graph, which reads the open article's entities from here
    /// (and applies the person's entity decisions itself).
    pub extraction: Arc<Extraction>,
    /// As the person corrected it (`Article::entities`): what the underlines show.
    pub entities: Arc<Extraction>,
    pub marks: Vec<EntityMark>,
    /// Each entity's hover text (`Extraction::tooltips` of `entities`).
    pub tips: Arc<Vec<String>>,
    /// Attributed or check-worthy suggestions, in text order.
    pub suggestions: Vec<Suggestion>,
    /// Milliseconds from the start of the scan to the suggestions being ready.
    pub ms: f64,
}

impl std::fmt::Debug for DocRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DocRef({} bytes)", self.0.text().len())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// What Undo puts back, in which article.
    pub undo: Option<(String, Undo)>,
}

/// What the notice's Undo puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A deleted claim (and its suggestion's acceptance).
    Claim(Removed),
    /// A rejected suggestion, by its sentence: pending again.
    Rejection(Span),
    /// Claims accepted from suggestions at once: gone, their suggestions pending again.
    Acceptances(Vec<String>),
}

/// An import waiting for the person to choose between replacing and keeping both.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub article: Article,
    /// The entity identities the file carries, absorbed only when the import goes ahead.
    pub identities: Identities,
    pub conflict: Conflict,
    pub existing_name: String,
}

/// A document compared by identity, so memos do not compare whole texts.
#[derive(Clone)]
pub struct DocRef(pub Arc<Document>);
impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub library: RwSignal<Library>,
    pub current: RwSignal<Option<String>>,
    /// The claim selected in the list or the text.
    pub selected: RwSignal<Option<String>>,
    /// The side panel's form (`Panel`).
    pub panel: RwSignal<Panel>,
    /// The current text selection in the article, as a byte span (None when empty).
    pub pending_span: RwSignal<Option<Span>>,
    /// Text about to be scrolled to (a claim or a mention shown from a list): a long
    /// article renders the part holding it, if it was not yet rendered.
    pub wanted: RwSignal<Option<Span>>,
    pub error: RwSignal<Option<String>>,
    pub storage_error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// A library backup read and planned, waiting for the person to confirm (`app::backup`).
    pub pending_backup: RwSignal<Option<super::backup::PendingBackup>>,
    pub show_new: RwSignal<bool>,
    pub analysis: RwSignal<Option<Arc<Analysis>>>,
    pub show_suggestions: RwSignal<bool>,
    pub hovered_entity: RwSignal<Option<usize>>,
    /// The entity clicked in the text (an index into `Analysis::entities`), which the
    /// legend's class buttons act on when no words are selected.
    pub picked_entity: RwSignal<Option<usize>>,
    pub graph_open: RwSignal<bool>,
    /// *Show the whole page*: the open article's dropped blocks shown in place.
    pub whole_page: RwSignal<bool>,
    /// The *Edit details* form is open.
    pub details_open: RwSignal<bool>,
    /// The graph's scope: the whole library (true) or the open article.
    pub graph_library: RwSignal<bool>,
    /// The graph node shown in the inspector (a node id of `core::graph`).
    pub graph_node: RwSignal<Option<String>>,
    /// Extractions of articles other than the open one, for the library graph.
    #[allow(clippy::type_complexity)]
    pub extractions: StoredValue<HashMap<String, (Arc<Document>, Arc<Extraction>)>>,
    /// Revision of the entity identities as last written to storage.
    ids_saved: StoredValue<u64>,
    /// Revision of each article as last written to storage.
    saved: StoredValue<HashMap<String, u64>>,
    /// Fingerprint of each article's entry as this tab last wrote or read it: when storage
    /// holds something else, another tab wrote it since.
    seen: StoredValue<HashMap<String, u64>>,
    /// Stored entries that could not be read, kept in storage until the person acts.
    pub damaged: RwSignal<Vec<storage::Damaged>>,
    /// The stored library has been read (or found unusable): until then nothing is written
    /// and the sample is not offered.
    pub loaded: RwSignal<bool>,
    /// The space the library takes and has left, as a sentence (`core::stored::describe_space`).
    pub space: RwSignal<Option<String>>,
    writes: StoredValue<Writes>,
    /// This page's journal entry (`core::journal`): changes not yet seen stored.
    journal_key: StoredValue<String>,
    /// How far the scan of a long article is, in percent (`None`: no scan under way).
    pub scanning: RwSignal<Option<u8>>,
    /// An input being parsed in the worker (`web::worker`), shown with *Cancel*.
    pub opening: RwSignal<Option<Opening>>,
    job: StoredValue<Option<crate::web::worker::Job>, LocalStorage>,
    /// Records the worker made for articles it parsed (by id: the revision they hold and
    /// the text), written instead of exporting them again on the page's thread.
    premade: StoredValue<HashMap<String, (u64, String)>>,
}

/// An input being opened off the page's thread.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    /// The file's name, or "the pasted text".
    pub label: String,
    pub bytes: usize,
}

/// Inputs longer than this are parsed in the worker, so the page never stops for them.
const WORKER_AT: usize = 1 << 20;

/// The writer's state: one write at a time (`persist`).
#[derive(Default)]
struct Writes {
    running: bool,
    /// Something changed since the running write read the library.
    again: bool,
    /// The index as last written.
    index: String,
    /// `navigator.storage.persist()` was asked (once, after the first save).
    asked_persist: bool,
}

impl Ctx {
    /// The app's state, with the stored library on its way: the app shows at once and the
    /// library fills in when the store has been read (`fill`); the sample is added only
    /// when the store holds nothing or cannot be used.
    pub fn load() -> Ctx {
        let ctx = Ctx {
            library: RwSignal::new(Library::default()),
            current: RwSignal::new(None),
            selected: RwSignal::new(None),
            panel: RwSignal::new(Panel::Closed),
            pending_span: RwSignal::new(None),
            wanted: RwSignal::new(None),
            error: RwSignal::new(None),
            storage_error: RwSignal::new(None),
            notice: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            pending_backup: RwSignal::new(None),
            show_new: RwSignal::new(false),
            analysis: RwSignal::new(None),
            show_suggestions: RwSignal::new(true),
            hovered_entity: RwSignal::new(None),
            picked_entity: RwSignal::new(None),
            graph_open: RwSignal::new(crate::web::query_param("graph").is_some()),
            whole_page: RwSignal::new(false),
            details_open: RwSignal::new(false),
            graph_library: RwSignal::new(false),
            graph_node: RwSignal::new(None),
            extractions: StoredValue::new(HashMap::new()),
            ids_saved: StoredValue::new(0),
            saved: StoredValue::new(HashMap::new()),
            seen: StoredValue::new(HashMap::new()),
            damaged: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
            space: RwSignal::new(None),
            writes: StoredValue::new(Writes::default()),
            journal_key: StoredValue::new(storage::journal::page_key()),
            scanning: RwSignal::new(None),
            opening: RwSignal::new(None),
            job: StoredValue::new_local(None),
            premade: StoredValue::new(HashMap::new()),
        };
        leptos::task::spawn_local(async move {
            let stored = storage::load().await;
            ctx.fill(stored);
        });
        ctx
    }

    /// Takes in the library read from the store. Anything added before it came in (a page
    /// sent to Gloss at start) is kept, after the stored articles.
    fn fill(&self, stored: Result<Option<storage::Loaded>, storage::StorageError>) {
        let early: Vec<Article> = self.library.with_untracked(|l| l.articles().to_vec());
        let early_current = self.current.get_untracked();
        self.loaded.set(true);
        match stored {
            Ok(Some(loaded)) => {
                let saved: HashMap<String, u64> = loaded
                    .articles
                    .iter()
                    .map(|a| (a.id.clone(), a.revision))
                    .collect();
                self.saved.set_value(saved);
                self.seen
                    .set_value(loaded.fingerprints.into_iter().collect());
                self.damaged.set(loaded.damaged);
                let stored_current = loaded.current;
                let mut lib = Library::new(loaded.articles);
                lib.identities = loaded.identities;
                for a in early {
                    if lib.get(&a.id).is_none() {
                        lib.add(a);
                    }
                }
                self.ids_saved.set_value(lib.identities.revision);
                let mut problems = loaded.problems;
                let replayed = self.replay_journals(&mut lib, &mut problems);
                // (after the replay: it may have deleted the article the index names)
                let current = early_current.or_else(|| {
                    stored_current
                        .filter(|c| lib.get(c).is_some())
                        .or_else(|| lib.articles().first().map(|a| a.id.clone()))
                });
                self.library.set(lib);
                self.current.set(current);
                if !problems.is_empty() {
                    self.fail(problems.join(" "));
                }
                // the journals replayed go once this page's own holds what they brought
                if self.keep_journal() {
                    storage::journal::forget(&replayed);
                }
                self.start_write();
            }
            Ok(None) => {
                // nothing stored, but maybe a first change whose write a reload cut short
                let mut lib = self.library.get_untracked();
                let mut problems = Vec::new();
                let replayed = self.replay_journals(&mut lib, &mut problems);
                if !problems.is_empty() {
                    self.fail(problems.join(" "));
                }
                if lib.articles().is_empty() {
                    self.add_sample();
                } else {
                    if self.current.get_untracked().is_none() {
                        self.current
                            .set(lib.articles().first().map(|a| a.id.clone()));
                    }
                    self.library.set(lib);
                }
                if self.keep_journal() {
                    storage::journal::forget(&replayed);
                }
                self.start_write();
            }
            Err(e) => {
                // no store: nothing is written, so nothing is journaled either (journals
                // left by earlier pages stay for a start that has a store)
                self.journal_key.set_value(String::new());
                self.storage_error.set(Some(e.to_string()));
                if early.is_empty() {
                    self.add_sample();
                    self.persist();
                }
            }
        }
        self.show_space();
    }

    /// Takes in the journals earlier pages left (changes whose write a reload or a closed
    /// tab cut short, `core::journal`); returns their keys, to forget once this page's own
    /// journal holds what they brought.
    fn replay_journals(&self, lib: &mut Library, problems: &mut Vec<String>) -> Vec<String> {
        let left = storage::journal::left(&self.journal_key.get_value());
        if left.is_empty() {
            return Vec::new();
        }
        let (keys, raws): (Vec<String>, Vec<String>) = left.into_iter().unzip();
        let stored = |id: &str| self.seen.with_value(|s| s.get(id).copied());
        let r = crate::core::journal::replay(lib, &stored, &raws, &web::now_iso());
        problems.extend(r.problems);
        keys
    }

    /// Keeps what is changed but not yet stored in this page's journal, synchronously (a
    /// reload aborts a transaction in flight; `core::journal`), or clears it when nothing
    /// is. False when it could not be kept (then no stale journal is left in its place).
    fn keep_journal(&self) -> bool {
        let key = self.journal_key.get_value();
        if key.is_empty() {
            return false; // no store this time (`fill`)
        }
        let ids_saved = self.ids_saved.get_value();
        let journal = self.library.with_untracked(|lib| {
            let unsaved = self
                .saved
                .with_value(|saved| crate::core::stored::unsaved(lib, saved, ids_saved));
            let base = |id: &str| self.seen.with_value(|s| s.get(id).copied());
            crate::core::journal::Journal::pending(lib, unsaved, base)
        });
        storage::journal::keep(&key, &journal)
    }

    /// Shows the space the library takes and has left, and whether it is kept for good.
    fn show_space(&self) {
        let ctx = *self;
        leptos::task::spawn_local(async move {
            if let Some(s) = storage::space::space().await {
                ctx.space.set(Some(crate::core::stored::describe_space(
                    s.used,
                    s.quota,
                    s.persistent,
                )));
            }
        });
    }

    /// Adds the sample and opens it (the caller persists).
    fn add_sample(&self) {
        let now = web::now_iso();
        let parsed = parse_bytes(SAMPLE_TEXT.as_bytes(), Some(Format::Text));
        let a = Article::new(SAMPLE_ID.into(), parsed, Some(SAMPLE_FILE.into()), &now);
        self.library.update(|l| l.add(a));
        self.current.set(Some(SAMPLE_ID.into()));
    }

    /// Opens the sample, adding it back if it was deleted.
    pub fn open_sample(&self) {
        if self.library.with_untracked(|l| l.get(SAMPLE_ID).is_some()) {
            self.open(SAMPLE_ID);
        } else {
            self.add_sample();
            self.persist();
            self.after_switch();
        }
    }

    /// Reads the open article, tracking both the library and which article is open.
    pub fn with_current<R>(&self, f: impl FnOnce(&Article) -> R) -> Option<R> {
        self.current.with(|c| {
            self.library
                .with(|l| c.as_ref().and_then(|id| l.get(id)).map(f))
        })
    }

    pub fn current_doc(&self) -> Option<Arc<Document>> {
        let id = self.current.get_untracked()?;
        self.library
            .with_untracked(|l| l.get(&id).map(|a| a.doc.clone()))
    }

    /// Writes every article whose revision moved, drops deleted ones, and saves the index
    /// and the identities, in one transaction. Writes run one at a time: a change made
    /// while one is under way is written right after it.
    pub fn persist(&self) {
        if !self.loaded.get_untracked() {
            return; // written once the stored library is in (`fill`)
        }
        let _ = self.keep_journal();
        self.start_write();
    }

    /// Starts the writer, or tells the running one to go again (see `persist`).
    fn start_write(&self) {
        let busy = self.writes.with_value(|w| w.running);
        self.writes.update_value(|w| {
            w.again = true;
            w.running = true;
        });
        if busy {
            return;
        }
        let ctx = *self;
        leptos::task::spawn_local(async move {
            while ctx.writes.with_value(|w| w.again) {
                // (at once, not after the next frame: a reload right after a change must
                // find it stored)
                ctx.writes.update_value(|w| w.again = false);
                ctx.write().await;
            }
            ctx.writes.update_value(|w| w.running = false);
        });
    }

    /// One write of what changed since the last (see `persist`).
    async fn write(&self) {
        // records the worker made for articles since changed or deleted are of no use
        self.library.with_untracked(|l| {
            self.premade.update_value(|m| {
                m.retain(|id, (revision, _)| l.get(id).is_some_and(|a| a.revision == *revision))
            })
        });
        // an article the worker parsed is long: its first write (the record it made, tens
        // of MB into the store) goes in a task of its own, not after its first render
        if self.premade.with_value(|m| !m.is_empty()) {
            web::next_task().await;
        }
        let current = self.current.get_untracked();
        let ids_saved = self.ids_saved.get_value();
        let (batch, ids_revision) = self.library.with_untracked(|lib| {
            let unsaved = self
                .saved
                .with_value(|saved| crate::core::stored::unsaved(lib, saved, ids_saved));
            let batch = storage::Batch {
                write: unsaved.write,
                delete: unsaved.delete,
                identities: unsaved.identities,
                // every article here is either stored already or written with the index
                index: storage::Index {
                    articles: lib.articles().iter().map(|a| a.id.clone()).collect(),
                    current,
                },
            };
            (batch, lib.identities.revision)
        });
        let index = batch.index.to_json();
        let unchanged = batch.write.is_empty()
            && batch.delete.is_empty()
            && batch.identities.is_none()
            && self.writes.with_value(|w| w.index == index);
        if unchanged {
            return;
        }
        let deleted = batch.delete.clone();
        let now = web::now_iso();
        let ctx = *self;
        // inside the transaction: a record another tab wrote since this tab last saw it is
        // taken in first (`Article::absorb`), so this tab's copy never overwrites its work
        let result = storage::commit(batch, |id, stored| {
            if let Some(raw) = stored {
                let theirs_new = ctx
                    .seen
                    .with_value(|s| s.get(id) != Some(&storage::fingerprint(&raw)));
                if theirs_new {
                    if let Ok(theirs) = import_article(raw.as_bytes()) {
                        ctx.library.update(|l| {
                            if let Some(ours) = l.get_mut(id) {
                                ours.absorb(&theirs, &now);
                            }
                        });
                    }
                }
            }
            let made = ctx.premade.try_update_value(|m| m.remove(id)).flatten();
            ctx.library.with_untracked(|l| {
                l.get(id).map(|a| {
                    let record = made
                        .filter(|(revision, _)| *revision == a.revision)
                        .map(|(_, r)| r)
                        .unwrap_or_else(|| export_article(a, &a.modified));
                    (record, a.revision)
                })
            })
        })
        .await;
        match result {
            Ok(written) => {
                self.saved.update_value(|s| {
                    for w in &written {
                        s.insert(w.id.clone(), w.revision);
                    }
                    for id in &deleted {
                        s.remove(id);
                    }
                });
                self.seen.update_value(|s| {
                    for w in &written {
                        s.insert(w.id.clone(), w.fingerprint);
                    }
                    for id in &deleted {
                        s.remove(id);
                    }
                });
                self.ids_saved.set_value(ids_revision);
                let _ = self.keep_journal(); // what was written leaves it
                let first = self.writes.with_value(|w| !w.asked_persist);
                self.writes.update_value(|w| {
                    w.index = index;
                    w.asked_persist = true;
                });
                if self.storage_error.get_untracked().is_some() {
                    self.storage_error.set(None);
                }
                if first {
                    // once, after the first save: ask the browser to keep the library
                    let ctx = *self;
                    leptos::task::spawn_local(async move {
                        storage::space::ask_persist().await;
                        ctx.show_space();
                    });
                } else {
                    self.show_space();
                }
            }
            Err(e) => self.storage_error.set(Some(e.to_string())),
        }
    }

    /// Another tab changed the library in storage: its article comes in here (replacing
    /// this tab's copy, which holds nothing unsaved, or else joined with it), an article it
    /// deleted goes, and merged entity names follow.
    pub fn external(&self, change: storage::Change) {
        match change {
            storage::Change::Article {
                id,
                json: Some(json),
            } => {
                let fp = storage::fingerprint(&json);
                if self.seen.with_value(|s| s.get(&id) == Some(&fp)) {
                    return;
                }
                let Ok(theirs) = import_article(json.as_bytes()) else {
                    self.fail(format!(
                        "Another tab saved an article ({id}) that this tab cannot read; it is left in storage."
                    ));
                    return;
                };
                let unsaved = self.library.with_untracked(|l| {
                    l.get(&id)
                        .is_some_and(|a| self.saved.with_value(|s| s.get(&id) != Some(&a.revision)))
                });
                let now = web::now_iso();
                let mut revision = 0;
                self.library.update(|l| {
                    if unsaved {
                        if let Some(ours) = l.get_mut(&id) {
                            ours.absorb(&theirs, &now);
                        }
                    } else {
                        l.replace(&id, theirs);
                        revision = l.get(&id).map_or(0, |a| a.revision);
                    }
                });
                self.seen.update_value(|s| {
                    s.insert(id.clone(), fp);
                });
                if unsaved {
                    self.persist();
                } else {
                    self.saved.update_value(|s| {
                        s.insert(id, revision);
                    });
                }
            }
            storage::Change::Article { id, json: None } => {
                if self.library.with_untracked(|l| l.get(&id).is_none()) {
                    return;
                }
                self.library.update(|l| {
                    l.remove(&id);
                });
                self.saved.update_value(|s| {
                    s.remove(&id);
                });
                self.seen.update_value(|s| {
                    s.remove(&id);
                });
                if self.current.get_untracked().as_deref() == Some(id.as_str()) {
                    let next = self
                        .library
                        .with_untracked(|l| l.articles().first().map(|a| a.id.clone()));
                    self.current.set(next);
                    self.after_switch();
                }
            }
            storage::Change::Identities(ids) => {
                self.ids_saved.set_value(ids.revision);
                self.library.update(|l| l.identities = ids);
            }
        }
        // what the other tab stored is no longer this page's to keep
        let _ = self.keep_journal();
    }

    /// From now on, changes other tabs make to the library come into this one.
    pub fn follow_other_tabs(self) {
        storage::listen(move |change| self.external(change));
    }

    /// Saves a damaged entry's raw contents as a file, as they are in storage.
    pub fn save_damaged(&self, id: &str) {
        let raw = self
            .damaged
            .with_untracked(|d| d.iter().find(|d| d.id == id).map(|d| d.raw.clone()));
        if let Some(raw) = raw {
            if let Err(e) =
                crate::web::files::download(&format!("damaged-{id}.json"), &raw, "application/json")
            {
                self.fail(e);
            }
        }
    }

    /// Deletes a damaged record from storage, once the person chooses to.
    pub fn delete_damaged(&self, id: &str) {
        let (ctx, id) = (*self, id.to_string());
        leptos::task::spawn_local(async move {
            match storage::delete_record(&id).await {
                Ok(()) => ctx.damaged.update(|d| d.retain(|d| d.id != id)),
                Err(e) => ctx.storage_error.set(Some(e.to_string())),
            }
        });
    }

    /// Applies `f` to the current article and saves.
    pub fn edit_current<R>(&self, f: impl FnOnce(&mut Article, &str) -> R) -> Option<R> {
        let id = self.current.get_untracked()?;
        let now = web::now_iso();
        let mut out = None;
        self.library.update(|l| {
            if let Some(a) = l.get_mut(&id) {
                out = Some(f(a, &now));
            }
        });
        self.persist();
        out
    }

    /// Closes the side panel's form, whichever it is.
    pub fn close_panel(&self) {
        self.panel.set(Panel::Closed);
    }

    /// Shows a message (no Undo).
    pub fn say(&self, text: impl Into<String>) {
        self.tell(text.into(), None);
    }

    /// Shows a message with an Undo that puts back `undo` in `article`.
    pub fn say_with_undo(&self, text: impl Into<String>, article: String, undo: Undo) {
        self.tell(text.into(), Some((article, undo)));
    }

    /// The one place a notice is set.
    fn tell(&self, text: String, undo: Option<(String, Undo)>) {
        self.notice.set(Some(Notice { text, undo }));
    }

    /// Shows an error: what went wrong, as a sentence for the person.
    pub fn fail(&self, text: impl Into<String>) {
        self.error.set(Some(text.into()));
    }

    fn after_switch(&self) {
        self.selected.set(None);
        self.close_panel();
        self.pending_span.set(None);
        self.show_new.set(false);
        self.whole_page.set(false);
        self.details_open.set(false);
    }

    /// Saves the *Edit details* form into the open article; a date that is not ISO 8601
    /// is refused with the reason, and nothing changes.
    pub fn save_details(&self, form: &DetailsForm) -> Result<(), DetailsError> {
        let metadata = form.to_metadata()?;
        self.edit_current(|a, now| a.set_metadata(metadata, now));
        self.details_open.set(false);
        Ok(())
    }

    /// Brings block `index` of the open article's page back (`kept`) or drops it. Claims
    /// stay on their words; a refusal (a claim on the block) is shown and nothing changes.
    pub fn set_block_kept(&self, index: usize, kept: bool) {
        match self.edit_current(|a, now| a.set_block_kept(index, kept, now)) {
            Some(Ok(())) => {
                // offsets of a pending selection or a new claim's span no longer hold
                if matches!(
                    self.panel.get_untracked(),
                    Panel::Claim(FormTarget::New(_) | FormTarget::Suggestion { .. })
                ) {
                    self.close_panel();
                }
                web::selection::clear_selection();
                self.pending_span.set(None);
                self.error.set(None);
                self.say(if kept {
                    "Brought the block back into the article."
                } else {
                    "Dropped the block from the article."
                });
            }
            Some(Err(e)) => self.fail(e.to_string()),
            None => {}
        }
    }

    pub fn open(&self, id: &str) {
        if self.current.get_untracked().as_deref() != Some(id) {
            self.current.set(Some(id.to_string()));
            self.persist();
        }
        self.after_switch();
    }

    /// Adds an article from a file's or a paste's bytes; a Gloss file is imported instead.
    pub fn add_input(&self, bytes: &[u8], source_name: Option<String>) {
        let format = source_name.as_deref().and_then(Format::from_file_name);
        self.add_as(bytes, source_name, format);
    }

    /// Adds an article from bytes read as `format` (`None`: by the file name, else sniffed).
    pub fn add_as(&self, bytes: &[u8], source_name: Option<String>, format: Option<Format>) {
        self.error.set(None);
        let is_json = source_name
            .as_deref()
            .is_some_and(|n| n.to_ascii_lowercase().ends_with(".json"));
        if is_json
            || (format.is_none()
                && looks_like_gloss_file(&String::from_utf8_lossy(&bytes[..bytes.len().min(400)])))
        {
            self.import(bytes);
            return;
        }
        if bytes.len() > WORKER_AT && self.open_in_worker(bytes, source_name.clone(), format) {
            return;
        }
        self.add_parsed(parse_bytes(bytes, format), source_name);
    }

    /// Parses a long input in the worker, showing *Opening…* with *Cancel* meanwhile; false
    /// when no worker can start (the caller parses it here). A worker that fails is
    /// replaced by a parse on this thread, so the input is opened all the same.
    fn open_in_worker(
        &self,
        bytes: &[u8],
        source_name: Option<String>,
        format: Option<Format>,
    ) -> bool {
        use crate::web::worker::{start, JobError};
        if let Some(job) = self.job.get_value() {
            job.cancel(); // one at a time: the newer input wins
            self.job.set_value(None);
            self.opening.set(None);
        }
        let (id, now) = (web::new_id("a"), web::now_iso());
        let Ok((job, answer)) = start(bytes, format, source_name.as_deref(), &id, &now) else {
            return false;
        };
        self.job.set_value(Some(job));
        self.opening.set(Some(Opening {
            label: source_name
                .clone()
                .unwrap_or_else(|| "the pasted text".into()),
            bytes: bytes.len(),
        }));
        let ctx = *self;
        let bytes = bytes.to_vec();
        leptos::task::spawn_local(async move {
            let out = answer.await;
            if matches!(out, Err(JobError::Cancelled)) {
                return; // `cancel_open` has said so (or a newer input took its place)
            }
            ctx.job.set_value(None);
            ctx.opening.set(None);
            match out {
                Ok((parsed, record)) => {
                    ctx.add_parsed_with(parsed, source_name, id, &now, record);
                }
                Err(_) => {
                    ctx.add_parsed(parse_bytes(&bytes, format), source_name);
                }
            }
        });
        true
    }

    /// Stops opening the input being parsed in the worker; nothing is added.
    pub fn cancel_open(&self) {
        if let Some(job) = self.job.get_value() {
            job.cancel();
        }
        self.job.set_value(None);
        if let Some(o) = self.opening.get_untracked() {
            self.opening.set(None);
            self.say(format!("Stopped opening {}; nothing was added.", o.label));
        }
    }

    /// Adds a parsed article and opens it (files, pastes and pages sent to Gloss all end
    /// here); refuses one with an error or no text. True when it was added.
    pub fn add_parsed(&self, parsed: Parsed, source_name: Option<String>) -> bool {
        self.add_parsed_with(parsed, source_name, web::new_id("a"), &web::now_iso(), None)
    }

    /// `add_parsed` with the article's id and time given, and the record the worker made
    /// for it (`core::wire::parse_for_page`), if any.
    fn add_parsed_with(
        &self,
        parsed: Parsed,
        source_name: Option<String>,
        id: String,
        now: &str,
        record: Option<String>,
    ) -> bool {
        if let Some(d) = parsed
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
        {
            self.fail(d.message.clone());
            return false;
        }
        if parsed.document.blocks().is_empty() {
            self.fail("There is no text in that article, so nothing was added.");
            return false;
        }
        let notes: Vec<String> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.message.clone())
            .collect();
        let article = Article::new(id, parsed, source_name, now);
        let name = article.name.clone();
        let id = article.id.clone();
        if let Some(record) = record {
            self.premade
                .update_value(|m| drop(m.insert(id.clone(), (article.revision, record))));
        }
        self.library.update(|l| l.add(article));
        self.open(&id);
        self.persist();
        let mut text = format!("Added “{name}”.");
        for n in notes {
            text.push(' ');
            text.push_str(&n);
        }
        self.say(text);
        true
    }

    /// Imports a Gloss article file. On any error the library is left untouched.
    pub fn import(&self, bytes: &[u8]) {
        self.error.set(None);
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]);
        if crate::core::backup::looks_like_backup(&head) {
            self.take_backup(bytes);
            return;
        }
        match import_file(bytes) {
            Err(e) => self
                .error
                .set(Some(format!("Import failed: {e} Nothing was changed."))),
            Ok((article, identities)) => {
                let conflict = self.library.with_untracked(|l| l.conflict(&article));
                match conflict {
                    Some(conflict) => {
                        let existing_name = self
                            .library
                            .with_untracked(|l| {
                                l.get(conflict.existing_id()).map(|a| a.name.clone())
                            })
                            .unwrap_or_default();
                        self.pending_import.set(Some(PendingImport {
                            article,
                            identities,
                            conflict,
                            existing_name,
                        }));
                    }
                    None => {
                        let id = article.id.clone();
                        let name = article.name.clone();
                        let n = article.claims().len();
                        self.library.update(|l| {
                            l.add(article);
                            l.identities.absorb(identities.entries());
                        });
                        self.open(&id);
                        self.persist();
                        self.say(format!("Imported “{name}” with {n} claim(s)."));
                    }
                }
            }
        }
    }

    /// The person's answer to an import conflict: `Some(true)` replace, `Some(false)` keep
    /// both, `None` cancel.
    pub fn resolve_import(&self, replace: Option<bool>) {
        let Some(p) = self.pending_import.get_untracked() else {
            return;
        };
        self.pending_import.set(None);
        let Some(replace) = replace else {
            self.say("Import cancelled; nothing was changed.");
            return;
        };
        let existing = p.conflict.existing_id().to_string();
        self.library.update(|l| {
            l.identities.absorb(p.identities.entries());
        });
        let id = if replace {
            let id = p.article.id.clone();
            self.library.update(|l| {
                if id != existing && l.get(&id).is_some() {
                    // replacing a same-text article by one whose id is taken elsewhere
                    l.replace(&id, p.article.clone());
                    l.remove(&existing);
                } else {
                    l.replace(&existing, p.article.clone());
                }
            });
            id
        } else {
            let new_id = web::new_id("a");
            self.library
                .update(|l| l.add_copy(p.article.clone(), new_id.clone()));
            new_id
        };
        self.current.set(None);
        self.open(&id);
        self.say(if replace {
            "Replaced the article with the imported one."
        } else {
            "Imported as a copy."
        });
    }

    pub fn export_current(&self) {
        let Some(id) = self.current.get_untracked() else {
            self.error
                .set(Some("Open an article first, then export it.".into()));
            return;
        };
        // the suggestions already computed for the open article (none while still scanning)
        let suggestions = self.analysis.with_untracked(|x| {
            x.as_ref()
                .map(|x| x.suggestions.clone())
                .unwrap_or_default()
        });
        let out = self.library.with_untracked(|l| {
            l.get(&id).map(|a| {
                (
                    files::file_name_for(&a.name, "gloss.json"),
                    export_article_with(a, &web::now_iso(), &suggestions, &l.identities),
                )
            })
        });
        if let Some((name, json)) = out {
            if let Err(e) = files::download(&name, &json, "application/json") {
                self.fail(format!("Export failed: {e}"));
            }
        }
    }

    pub fn rename(&self, id: &str, name: &str) {
        let now = web::now_iso();
        self.library.update(|l| {
            if let Some(a) = l.get_mut(id) {
                a.rename(name, &now);
            }
        });
        self.persist();
    }

    pub fn delete_article(&self, id: &str) {
        let mut removed = None;
        self.library.update(|l| removed = l.remove(id));
        if self.current.get_untracked().as_deref() == Some(id) {
            let next = self
                .library
                .with_untracked(|l| l.articles().first().map(|a| a.id.clone()));
            self.current.set(next);
            self.after_switch();
        }
        self.persist();
        if let Some(a) = removed {
            self.say(format!("Deleted “{}”.", a.name));
        }
    }

    /// Opens the claim form for the current selection (button "Tag claim" or key `c`).
    pub fn start_tagging(&self) {
        match self.pending_span.get_untracked() {
            Some(span) => {
                self.selected.set(None);
                self.panel.set(Panel::Claim(FormTarget::New(span)));
            }
            None => self.say("Select some text in the article first, then press Tag claim (or c)."),
        }
    }

    pub fn save_claim(&self, target: FormTarget, fields: ClaimFields) {
        let saved = match target {
            FormTarget::New(span) => {
                let id = web::new_id("c");
                let sg = self.suggestions();
                self.edit_current(|a, now| {
                    let id = a.add_claim(id, span, fields, now)?.id.clone();
                    // a pending suggestion on the same words is resolved by it
                    a.resolve(&id, &sg, now);
                    Some(id)
                })
                .flatten()
            }
            FormTarget::Edit(id) => self
                .edit_current(|a, now| a.update_claim(&id, fields, now).then_some(id.clone()))
                .flatten(),
            FormTarget::Suggestion { sentence, .. } => {
                let id = web::new_id("c");
                self.edit_current(|a, now| a.accept_as(sentence, id, fields, now))
                    .flatten()
            }
        };
        match saved {
            Some(id) => {
                self.close_panel();
                web::selection::clear_selection();
                self.pending_span.set(None);
                self.selected.set(Some(id));
            }
            None => self.fail("That selection holds no text, so no claim was saved."),
        }
    }

    pub fn delete_claim(&self, id: &str) {
        let article = self.current.get_untracked().unwrap_or_default();
        if let Some(Some(removed)) = self.edit_current(|a, now| a.remove_claim(id, now)) {
            let claim = &removed.claim;
            if self.selected.get_untracked().as_deref() == Some(id) {
                self.selected.set(None);
            }
            if matches!(self.panel.get_untracked(), Panel::Claim(FormTarget::Edit(ref f)) if f == id)
            {
                self.close_panel();
            }
            let excerpt: String = claim.fields.claimant.chars().take(40).collect();
            let text = if excerpt.is_empty() {
                "Claim deleted.".to_string()
            } else {
                format!("Claim of {excerpt} deleted.")
            };
            self.say_with_undo(text, article, Undo::Claim(removed));
        }
    }

    pub fn undo(&self) {
        let Some(Notice {
            undo: Some((article, undo)),
            ..
        }) = self.notice.get_untracked()
        else {
            return;
        };
        let now = web::now_iso();
        let mut select = None;
        let text = match &undo {
            Undo::Claim(r) => {
                select = Some(r.claim.id.clone());
                "Claim restored."
            }
            Undo::Rejection(_) => "Suggestion restored.",
            Undo::Acceptances(_) => "Suggested claims back among the suggestions.",
        };
        self.library.update(|l| {
            if let Some(a) = l.get_mut(&article) {
                match undo {
                    Undo::Claim(r) => a.restore_claim(r, &now),
                    Undo::Rejection(s) => a.decide(s, None, &now),
                    Undo::Acceptances(ids) => a.unaccept(&ids, &now),
                }
            }
        });
        self.persist();
        self.say(text);
        if self.current.get_untracked().as_deref() == Some(article.as_str()) {
            self.selected.set(select);
        }
    }

    /// Scans a newly opened document for entities and claims in slices of about 8 ms,
    /// so typing and scrolling go on; publishes the result in `analysis`.
    pub fn analyse(&self, doc: Arc<Document>) {
        let t0 = web::perf_now();
        self.analysis.set(None);
        if doc.text().len() <= SCAN_AT_ONCE {
            // a news article takes well under a millisecond: no slicing, no waiting
            let scan = FindingsScan::new(&doc);
            self.publish(doc, scan, t0);
        } else {
            // a long one: set up in a task of its own, after the article has been drawn
            self.scanning.set(Some(0));
            let ctx = *self;
            set_timeout(
                move || {
                    if ctx.current_doc().is_some_and(|d| Arc::ptr_eq(&d, &doc)) {
                        let scan = FindingsScan::new(&doc);
                        ctx.analyse_slice(doc, scan, t0);
                    } else if ctx.current_doc().is_none() {
                        ctx.scanning.set(None);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    }

    fn publish(&self, doc: Arc<Document>, scan: FindingsScan, t0: f64) {
        let found = scan.finish(&doc);
        if self.scanning.get_untracked().is_some() {
            self.scanning.set(None);
        }
        let ms = web::perf_now() - t0;
        self.show_entities(Analysis {
            doc: DocRef(doc),
            extraction: Arc::new(found.extraction),
            entities: Arc::default(),
            marks: Vec::new(),
            tips: Arc::default(),
            suggestions: found.suggestions,
            ms,
        });
    }

    /// Publishes an analysis with the open article's entity decisions applied to what was
    /// found (again after each decision, so the underlines follow).
    fn show_entities(&self, mut x: Analysis) {
        let fixed = self.library.with_untracked(|l| {
            let a = l.get(self.current.get_untracked()?.as_str())?;
            Some(a.entities(&x.extraction).into_owned())
        });
        x.entities = fixed.map_or_else(|| x.extraction.clone(), Arc::new);
        x.tips = Arc::new(x.entities.tooltips(x.doc.0.text()));
        x.marks = x
            .entities
            .mentions
            .iter()
            .map(|m| (m.span, m.label.as_str(), m.entity))
            .collect();
        self.picked_entity.set(None);
        self.hovered_entity.set(None);
        self.analysis.set(Some(Arc::new(x)));
    }

    /// The suggestions computed for the open article (none while it is being scanned).
    fn suggestions(&self) -> Vec<Suggestion> {
        self.analysis.with_untracked(|x| {
            x.as_ref()
                .map(|x| x.suggestions.clone())
                .unwrap_or_default()
        })
    }

    /// The person's decision on an entity (`None`: not an entity) for the selected words,
    /// else for every mention of the entity clicked in the text.
    pub fn fix_entity(&self, label: Option<Label>) {
        let spans: Vec<Span> = match (
            self.pending_span.get_untracked(),
            self.picked_entity.get_untracked(),
        ) {
            (Some(s), _) => vec![s],
            (None, Some(e)) => self.analysis.with_untracked(|x| {
                let Some(x) = x.as_ref() else {
                    return Vec::new();
                };
                let found = &x.entities;
                found.entities.get(e).map_or_else(Vec::new, |e| {
                    e.mentions
                        .iter()
                        .filter_map(|&m| found.mentions.get(m))
                        .map(|m| m.span)
                        .collect()
                })
            }),
            (None, None) => Vec::new(),
        };
        match self.edit_current(|a, now| a.fix_entities(&spans, label, now)) {
            Some(Ok(())) => {
                web::selection::clear_selection();
                self.pending_span.set(None);
                if let Some(x) = self.analysis.get_untracked() {
                    self.show_entities((*x).clone());
                }
                let what = label.map_or("not an entity", |l| l.name());
                self.say(format!("Marked as {what}."));
            }
            Some(Err(e)) => self.fail(e.to_string()),
            None => {}
        }
    }

    fn analyse_slice(&self, doc: Arc<Document>, mut scan: FindingsScan, t0: f64) {
        let ctx = *self;
        // a zero timeout: the next slice runs after the browser has handled input and painted
        set_timeout(
            move || {
                if !ctx.current_doc().is_some_and(|d| Arc::ptr_eq(&d, &doc)) {
                    if ctx.current_doc().is_none() {
                        ctx.scanning.set(None);
                    }
                    return; // another article was opened meanwhile (it has its own scan)
                }
                let start = web::perf_now();
                let mut done = false;
                while !done && web::perf_now() - start < 8.0 {
                    done = scan.step(&doc, 64);
                }
                if done {
                    ctx.publish(doc, scan, t0);
                } else {
                    let percent = Some((scan.progress(&doc) * 100.0) as u8);
                    if ctx.scanning.get_untracked() != percent {
                        ctx.scanning.set(percent);
                    }
                    ctx.analyse_slice(doc, scan, t0);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// The claim type a suggestion's cue implies ("accused": an accusation).
    fn kind_of(&self, s: &Suggestion) -> ClaimType {
        let doc = self.current_doc();
        s.cue
            .zip(doc.as_ref())
            .map(|(c, d)| claims::kind_for_cue(d.slice(c)))
            .unwrap_or_default()
    }

    /// The speaker of the suggested attribution whose words hold `span`
    /// (`claims::speaker_for`), if any: the claimant the claim form proposes for a
    /// hand-made selection.
    pub fn speaker_at(&self, span: Span) -> Option<String> {
        self.analysis.with_untracked(|a| {
            claims::speaker_for(&a.as_ref()?.suggestions, span).map(str::to_string)
        })
    }

    /// Accepts suggestions as claims (claimant and type from each). The new claims are not
    /// selected, so a Delete meant for the next suggestion never reaches them; accepting
    /// several at once can be undone.
    pub fn accept_suggestions(&self, list: &[Suggestion]) {
        let article = self.current.get_untracked().unwrap_or_default();
        let ids: Vec<String> = self
            .edit_current(|a, now| {
                list.iter()
                    .filter_map(|s| a.accept(s, web::new_id("c"), now))
                    .collect()
            })
            .unwrap_or_default();
        let n = ids.len();
        self.tell(
            format!(
                "Accepted {n} suggested claim{}.",
                if n == 1 { "" } else { "s" }
            ),
            (n > 1).then_some((article, Undo::Acceptances(ids))),
        );
    }

    /// Rejects a suggestion (`true`), with Undo, or restores a rejected one (`false`).
    pub fn reject_suggestion(&self, sentence: Span, reject: bool) {
        let article = self.current.get_untracked().unwrap_or_default();
        let d = reject.then_some(Decision::Rejected);
        self.edit_current(|a, now| a.decide(sentence, d, now));
        self.tell(
            if reject {
                "Suggestion rejected."
            } else {
                "Suggestion restored."
            }
            .into(),
            reject.then_some((article, Undo::Rejection(sentence))),
        );
    }

    /// Opens the claim form on a suggestion, filled in.
    pub fn edit_suggestion(&self, s: &Suggestion) {
        let kind = self.kind_of(s);
        self.selected.set(None);
        self.panel.set(Panel::Claim(FormTarget::Suggestion {
            sentence: s.sentence,
            claimant: s.speaker.clone().unwrap_or_default(),
            kind,
        }));
    }

    /// Claimants already used anywhere in the library, for the form's suggestions.
    /// Draws a link in the draft's article; a refused link is explained, nothing changes.
    pub fn add_link(&self, draft: &LinkDraft, to: End, kind: Relation, note: &str) -> bool {
        let now = web::now_iso();
        let link = Link {
            id: web::new_id("l"),
            from: draft.from.clone(),
            to,
            kind,
            note: note.trim().to_string(),
            created: now.clone(),
        };
        let mut result = Err(crate::core::relations::LinkError::EmptyEntity);
        self.library.update(|l| {
            let ids = l.identities.clone();
            if let Some(a) = l.get_mut(&draft.article) {
                result = a.add_link(link, &ids, &now);
            }
        });
        match result {
            Ok(()) => {
                self.persist();
                self.close_panel();
                self.say(format!("Linked: {}.", kind.label()));
                true
            }
            Err(e) => {
                self.fail(format!("No link was made: {e}"));
                false
            }
        }
    }

    pub fn remove_link(&self, article: &str, link: &str) {
        let now = web::now_iso();
        self.library.update(|l| {
            if let Some(a) = l.get_mut(article) {
                a.remove_link(link, &now);
            }
        });
        self.persist();
    }

    /// Makes `from` part of `into`'s entity, in every article of the library.
    pub fn merge_entities(&self, from: &str, into: &str) {
        let mut done = false;
        self.library
            .update(|l| done = l.identities.merge(from, into));
        if done {
            self.persist();
            self.graph_node.set(Some(format!(
                "e:{}",
                self.library.with_untracked(|l| l.identities.key(into))
            )));
            self.say(format!("Merged “{from}” into “{into}”."));
        } else {
            self.fail(format!("“{from}” and “{into}” are one entity already."));
        }
    }

    /// Undoes a merge: `name` becomes its own entity again (or releases its members).
    pub fn split_entity(&self, name: &str) {
        let mut done = false;
        self.library.update(|l| done = l.identities.split(name));
        if done {
            self.persist();
            self.say(format!("Split “{name}” off."));
        }
    }

    pub fn add_alias(&self, alias: &str, name: &str) {
        let mut done = false;
        self.library
            .update(|l| done = l.identities.add_alias(alias, name));
        if done {
            self.persist();
        } else {
            self.fail(format!(
                "“{alias}” is already a name of “{name}”, or is empty."
            ));
        }
    }

    /// The extraction of an article: the open one's from its scan, others computed once.
    pub fn extraction_of(&self, a: &Article) -> Option<Arc<Extraction>> {
        let open = self.analysis.with_untracked(|x| {
            x.as_ref()
                .filter(|x| Arc::ptr_eq(&x.doc.0, &a.doc))
                .map(|x| x.extraction.clone())
        });
        if open.is_some() {
            return open;
        }
        let cached = self.extractions.with_value(|m| {
            m.get(&a.id)
                .filter(|(d, _)| Arc::ptr_eq(d, &a.doc))
                .map(|(_, x)| x.clone())
        });
        if cached.is_some() {
            return cached;
        }
        let x = Arc::new(crate::core::pipeline::extraction(&a.doc));
        self.extractions
            .update_value(|m| drop(m.insert(a.id.clone(), (a.doc.clone(), x.clone()))));
        Some(x)
    }

    pub fn known_claimants(&self) -> Vec<String> {
        let mut v: Vec<String> = self.library.with_untracked(|l| {
            l.articles()
                .iter()
                .flat_map(|a| a.claims().iter().map(|c| c.fields.claimant.clone()))
                .filter(|c| !c.is_empty())
                .collect()
        });
        crate::core::sort::sort(&mut v);
        v.dedup();
        v
    }
}
