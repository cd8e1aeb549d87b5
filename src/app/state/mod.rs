//! App state: the library signal and the UI's small signals, with the actions components
//! call. Every action edits the library through the core's rules and then persists what
//! changed through `web::storage`; a storage failure is shown and the work stays in memory.
//!
//! Cut by responsibility: the signals and the small shared helpers here; `mirror` (the
//! storage mirror, the journal, other tabs), `articles` (in and out), `editing` (claims), `history` (Undo and Redo), `scale` (the rating scale),
//! `analysis` (entities and suggestions), `relations` (links and identities).

mod analysis;
mod articles;
mod editing;
mod history;
mod mirror;
mod relations;
mod scale;
mod share;
mod together;

use crate::core::annotation::{ClaimFields, ClaimType, EntityMark, MarkOf};
use crate::core::backup::Replacement;
use crate::core::claims::{self, Suggestion};
use crate::core::details::{DetailsError, DetailsForm};
use crate::core::document::{Document, Severity};
use crate::core::extract::{Extraction, Label};
use crate::core::format::{
    export_article, export_article_with, import_article, import_file, looks_like_gloss_file,
    Imported,
};
use crate::core::history::{Before, History, StepId};
use crate::core::library::{Article, Conflict, Decision, Library, ScaleNews};
use crate::core::offsets::Span;
use crate::core::parse::{parse_bytes, Format, Parsed};
use crate::core::pipeline::FindingsScan;
use crate::core::rating::{Scale, ScaleKind};
pub use crate::core::relations::LinkDraft;
use crate::core::relations::{End, EntityId, Identities, Link, Relation};
use crate::web::{self, files, storage};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

pub const SAMPLE_TEXT: &str = include_str!("../../../seeds/000_9d83cd3958c40a29.txt");
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
    /// Each entity's one id (by its index in `entities`), as the markup and the graph carry
    /// it; `None` for a name with no key.
    pub ids: Arc<Vec<Option<EntityId>>>,
    /// Each entity's hover text (`Extraction::tooltips` of `entities`).
    pub tips: Arc<Vec<String>>,
    /// Attributed or check-worthy suggestions, in text order.
    pub suggestions: Vec<Suggestion>,
    /// Milliseconds from the start of the scan to the suggestions being ready.
    pub ms: f64,
}

impl Analysis {
    /// The index of the first entity in `entities` with this id.
    pub fn entity_of(&self, id: &EntityId) -> Option<usize> {
        self.ids.iter().position(|i| i.as_ref() == Some(id))
    }

    /// The spans of every mention of the entity with this id, in text order.
    pub fn mentions_of(&self, id: &EntityId) -> Vec<Span> {
        self.marks
            .iter()
            .filter(|m| m.of.id.as_ref() == Some(id))
            .map(|m| m.span)
            .collect()
    }
}

impl std::fmt::Debug for DocRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DocRef({} bytes)", self.0.text().len())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// Its Undo: how many edits the history held before this one (`History::undo_to`).
    pub undo: Option<StepId>,
    /// Which notice this is (two with the same words are still two), so a notice's
    /// expiry never takes away the one after it.
    pub seq: u64,
}

/// How long a notice with no Undo stays (longer while the pointer or focus is on it).
const NOTICE_MS: u64 = 6000;

/// The number of the next notice.
static NOTICE_SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// An import waiting for the person to choose between replacing and keeping both.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub article: Article,
    /// The entity identities the file carries, absorbed only when the import goes ahead.
    pub identities: Identities,
    /// The rating scale the file's verdicts come from.
    pub scale: Option<Scale>,
    pub conflict: Conflict,
    /// What *Replace* would do: the names, the claims on each side, the work lost.
    pub replaces: Replacement,
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
    /// The pointer or focus is on the notice: it does not expire meanwhile.
    pub notice_held: RwSignal<bool>,
    /// Every edit, for Undo and Redo (`core::history`).
    pub history: StoredValue<History>,
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// Annotators whose claims are hidden (`core::layers`).
    pub hidden_layers: RwSignal<Vec<crate::core::layers::Maker>>,
    /// The link *Copy link* made, shown until closed.
    pub made_link: RwSignal<Option<share::MadeLink>>,
    /// An article that came in a share link, offered to the person.
    pub link_offer: RwSignal<Option<share::LinkOffer>>,
    /// A link's claims without their text, waiting for the article to be opened.
    notes_waiting: StoredValue<Option<share::NotesWaiting>>,
    /// An article just added looks like a new version of one annotated here.
    pub carry_offer: RwSignal<Option<CarryOffer>>,
    /// The agreement between annotators is shown in the article's place.
    pub agreement_open: RwSignal<bool>,
    /// A library backup read and planned, waiting for the person to confirm (`app::backup`).
    pub pending_backup: RwSignal<Option<super::backup::PendingBackup>>,
    pub show_new: RwSignal<bool>,
    pub analysis: RwSignal<Option<Arc<Analysis>>>,
    pub show_suggestions: RwSignal<bool>,
    /// The entity under the mouse, in the text or the graph: its mentions are lit.
    pub hovered_entity: RwSignal<Option<EntityId>>,
    /// The entity clicked in the text, which the legend's class buttons act on when no
    /// words are selected.
    pub picked_entity: RwSignal<Option<EntityId>>,
    pub graph_open: RwSignal<bool>,
    /// The *Report* view stands in the article's place.
    pub report_open: RwSignal<bool>,
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

/// The offer to carry an earlier version's claims over to an article just added.
#[derive(Clone, Debug, PartialEq)]
pub struct CarryOffer {
    /// The earlier version's id and name, and how many claims it holds.
    pub from: String,
    pub name: String,
    pub claims: usize,
    /// The article just added.
    pub to: String,
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
    /// The rating scale as last written or read (JSON): the index carries the scale only
    /// when this tab changed it, so it never puts back one another tab replaced.
    pub(super) scale: String,
    /// The annotator's name as last written or read: written only when this tab changed it.
    pub(super) annotator: String,
    /// `navigator.storage.persist()` was asked (once, after the first save).
    asked_persist: bool,
}

impl Ctx {
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
        let scale_json = self
            .library
            .with_untracked(|l| serde_json::to_string(&l.scale).unwrap_or_default());
        let scale_changed = self.writes.with_value(|w| w.scale != scale_json);
        let annotator = self.library.with_untracked(|l| l.annotator.clone());
        let annotator_changed = self.writes.with_value(|w| w.annotator != annotator);
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
                    scale: scale_changed.then(|| lib.scale.clone()),
                    annotator: annotator_changed.then(|| annotator.clone()),
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
                    w.scale = scale_json;
                    w.annotator = annotator;
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

    /// Applies `f` to the current article and saves (see `edit_article`).
    pub fn edit_current<R>(&self, f: impl FnOnce(&mut Article, &str) -> R) -> Option<R> {
        let id = self.current.get_untracked()?;
        self.edit_article(&id, f)
    }

    /// Applies `f` to article `id` and saves; when it changed the article, the state before
    /// goes into the history, so Undo (Ctrl+Z) puts it back. The next notice names it.
    pub fn edit_article<R>(&self, id: &str, f: impl FnOnce(&mut Article, &str) -> R) -> Option<R> {
        let now = web::now_iso();
        let mut out = None;
        let mut before = None;
        self.library.update(|l| {
            if let Some(a) = l.get_mut(id) {
                let copy = a.clone();
                out = Some(f(a, &now));
                if a.revision != copy.revision {
                    before = Some((copy, a.revision));
                }
            }
        });
        if let Some((b, revision)) = before {
            self.history
                .update_value(|h| h.record(String::new(), Before::Article(b), revision));
            self.persist();
        }
        out
    }

    /// Applies `f` to the entity identities; when they changed, the history keeps them as
    /// they were and the library is saved. Returns what `f` did.
    pub fn edit_identities(&self, f: impl FnOnce(&mut Identities) -> bool) -> bool {
        let mut done = false;
        let mut before = None;
        self.library.update(|l| {
            let copy = l.identities.clone();
            done = f(&mut l.identities);
            if done {
                before = Some((copy, l.identities.revision));
            }
        });
        if let Some((b, revision)) = before {
            self.history
                .update_value(|h| h.record(String::new(), Before::Identities(b), revision));
            self.persist();
        }
        done
    }

    /// The number of the next edit: a notice's Undo undoes back to it.
    pub fn history_mark(&self) -> StepId {
        self.history.with_value(History::mark)
    }

    /// Closes the side panel's form, whichever it is.
    pub fn close_panel(&self) {
        self.panel.set(Panel::Closed);
    }

    /// Shows a message (no Undo).
    pub fn say(&self, text: impl Into<String>) {
        self.tell(text.into(), None);
    }

    /// Shows a message that names no edit (what an undo or redo says).
    pub(super) fn say_only(&self, text: String) {
        self.show_notice(text, None);
    }

    /// Shows a message with an Undo that undoes the edits made since `mark`
    /// (`history_mark`, taken before the edit).
    pub fn say_with_undo(&self, text: impl Into<String>, mark: StepId) {
        self.tell(text.into(), Some(mark));
    }

    /// The one place a notice is set. It takes the place of the last notice and of an
    /// error the person has not dismissed, both now stale; with no Undo it expires.
    fn tell(&self, text: String, undo: Option<StepId>) {
        // the edit just made is named by what the person is told of it
        self.history.update_value(|h| h.name_last(&text));
        self.show_notice(text, undo);
    }

    fn show_notice(&self, text: String, undo: Option<StepId>) {
        let expires = undo.is_none();
        let seq = NOTICE_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if self.error.with_untracked(Option::is_some) {
            self.error.set(None);
        }
        self.notice.set(Some(Notice { text, undo, seq }));
        if expires {
            self.expire_notice(seq, NOTICE_MS);
        }
    }

    /// Takes notice `seq` away after `ms`, unless another took its place or it was
    /// dismissed; while it is held (pointer or focus on it) it waits two seconds more.
    fn expire_notice(&self, seq: u64, ms: u64) {
        let ctx = *self;
        set_timeout(
            move || {
                let same = ctx
                    .notice
                    .try_with_untracked(|n| n.as_ref().is_some_and(|n| n.seq == seq));
                if same != Some(true) {
                    return;
                }
                if ctx.notice_held.get_untracked() {
                    ctx.expire_notice(seq, 2000);
                } else {
                    ctx.notice.set(None);
                }
            },
            std::time::Duration::from_millis(ms),
        );
    }

    /// Shows an error: what went wrong, as a sentence for the person. It takes the place
    /// of a notice, so no stale success stands above it; it stays until dismissed.
    pub fn fail(&self, text: impl Into<String>) {
        if self.notice.with_untracked(Option::is_some) {
            self.notice.set(None);
        }
        self.error.set(Some(text.into()));
    }

    fn after_switch(&self) {
        self.selected.set(None);
        self.close_panel();
        self.pending_span.set(None);
        self.show_new.set(false);
        self.whole_page.set(false);
        self.details_open.set(false);
        // layers hidden in one article never hide another's claims out of sight
        if self.hidden_layers.with_untracked(|h| !h.is_empty()) {
            self.hidden_layers.set(Vec::new());
        }
        self.agreement_open.set(false);
    }
}
