//! The storage mirror: loading the library, the journal, writing each change, other tabs' changes, damaged records.

use super::*;

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
            notice_held: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            pending_import: RwSignal::new(None),
            hidden_layers: RwSignal::new(Vec::new()),
            agreement_open: RwSignal::new(false),
            carry_offer: RwSignal::new(None),
            made_link: RwSignal::new(None),
            link_offer: RwSignal::new(None),
            notes_waiting: StoredValue::new(None),
            pending_backup: RwSignal::new(None),
            show_new: RwSignal::new(false),
            analysis: RwSignal::new(None),
            show_suggestions: RwSignal::new(true),
            hovered_entity: RwSignal::new(None),
            picked_entity: RwSignal::new(None),
            graph_open: RwSignal::new(crate::web::query_param("graph").is_some()),
            report_open: RwSignal::new(false),
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
    pub(super) fn fill(&self, stored: Result<Option<storage::Loaded>, storage::StorageError>) {
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
                lib.scale = loaded.scale;
                lib.annotator = loaded.annotator.clone();
                self.writes.update_value(|w| w.annotator = loaded.annotator);
                let scale = serde_json::to_string(&lib.scale).unwrap_or_default();
                self.writes.update_value(|w| w.scale = scale);
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
        self.read_opened_link();
        let ctx = *self;
        web::share::on_fragment_change(move || ctx.read_opened_link());
    }

    /// Takes in the journals earlier pages left (changes whose write a reload or a closed
    /// tab cut short, `core::journal`); returns their keys, to forget once this page's own
    /// journal holds what they brought.
    pub(super) fn replay_journals(
        &self,
        lib: &mut Library,
        problems: &mut Vec<String>,
    ) -> Vec<String> {
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
    pub(super) fn keep_journal(&self) -> bool {
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
    pub(super) fn show_space(&self) {
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
    pub(super) fn add_sample(&self) {
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
    pub(super) fn start_write(&self) {
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
            storage::Change::Scale(scale) => {
                // what this tab's claims use that it lacks stays, and is written back
                let theirs = serde_json::to_string(&scale).unwrap_or_default();
                self.writes.update_value(|w| w.scale = theirs);
                let mut added = Vec::new();
                self.library.update(|l| added = l.set_scale(scale));
                if !added.is_empty() {
                    self.persist();
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
}
