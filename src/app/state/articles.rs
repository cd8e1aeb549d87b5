//! Articles in and out: opening, adding (at once or in the parsing worker), importing with its conflict choice, exporting, renaming, deleting, the details and the page's blocks.

use super::*;

impl Ctx {
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
    pub(super) fn open_in_worker(
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
    pub(super) fn add_parsed_with(
        &self,
        parsed: Parsed,
        source_name: Option<String>,
        id: String,
        now: &str,
        record: Option<String>,
    ) -> bool {
        // refused in the words the batch and the folder import use
        if let Some(why) = crate::core::article_file::refusal(&parsed) {
            self.fail(why.to_string());
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
        // a new version of an article annotated here: its claims can be carried over
        let offer = self.library.with_untracked(|l| {
            l.earlier_version(&article).map(|old| CarryOffer {
                from: old.id.clone(),
                to: id.clone(),
                name: old.name.clone(),
                claims: old.claims().len() + old.orphans().len(),
            })
        });
        self.carry_offer.set(offer);
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
        // a share link's claims waiting for this article: placed, and said after
        self.place_waiting_notes(&id);
        true
    }

    /// Imports a Gloss article file. On any error the library is left untouched.
    pub fn import(&self, bytes: &[u8]) {
        self.error.set(None);
        match crate::core::format::JsonKind::of(bytes) {
            crate::core::format::JsonKind::Backup => return self.take_backup(bytes),
            // web annotations (W3C, Hypothesis, Recogito): claims for an article here
            crate::core::format::JsonKind::Annotations => return self.import_annotations(bytes),
            _ => {}
        }
        match import_file(bytes) {
            Err(e) => self.fail(format!("Import failed: {e} Nothing was changed.")),
            Ok(imported) => self.take_imported(imported),
        }
    }

    /// Adds an article file read whole (an import, a share link): at once, or after the
    /// person's choice when it collides with one in the library.
    pub fn take_imported(&self, imported: Imported) {
        let Imported {
            article,
            identities,
            scale,
            placed_again,
        } = imported;
        let conflict = self.library.with_untracked(|l| l.conflict(&article));
        match conflict {
            Some(conflict) => {
                let replaces = self.library.with_untracked(|l| {
                    let here = l.get(conflict.existing_id())?;
                    Some(Replacement::of(here, &article))
                });
                if let Some(replaces) = replaces {
                    self.pending_import.set(Some(PendingImport {
                        article,
                        identities,
                        scale,
                        conflict,
                        replaces,
                    }));
                }
            }
            None => {
                let id = article.id.clone();
                let name = article.name.clone();
                let n = article.claims().len();
                let orphans = article.orphans().len();
                let mut news = ScaleNews::Same;
                self.library.update(|l| {
                    news = l.take_scale(scale.as_ref(), &article);
                    l.add(article);
                    l.identities.absorb(identities.entries());
                });
                self.open(&id);
                self.persist();
                let mut done = format!("Imported “{name}” with {n} claim(s).");
                if placed_again > 0 {
                    done.push_str(&format!(
                        " {placed_again} were found again where the text had changed."
                    ));
                }
                if orphans > 0 {
                    done.push_str(&format!(
                        " {orphans} could not be found in the text: they are listed under Claims to place by hand."
                    ));
                }
                self.say(news.after(&done));
                // a share link's claims waiting for this article
                self.place_waiting_notes(&id);
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
        let mut news = ScaleNews::Same;
        self.library.update(|l| {
            l.identities.absorb(p.identities.entries());
            news = l.take_scale(p.scale.as_ref(), &p.article);
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
        let done = if replace {
            "Replaced the article with the imported one."
        } else {
            "Imported as a copy."
        };
        self.say(news.after(done));
    }

    pub fn export_current(&self) {
        let Some(id) = self.current.get_untracked() else {
            self.fail("Open an article first, then export it.");
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
                    crate::core::file_name_for(&a.name, "gloss.json"),
                    export_article_with(
                        a,
                        &web::now_iso(),
                        &suggestions,
                        &l.identities,
                        Some(&l.scale),
                    ),
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
        if self.edit_article(id, |a, now| a.rename(name, now)) == Some(true) {
            self.say(format!("Renamed to “{}”.", name.trim()));
        }
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

    /// Saves the *Edit details* form into the open article; a date that is not ISO 8601
    /// is refused with the reason, and nothing changes.
    pub fn save_details(&self, form: &DetailsForm) -> Result<(), DetailsError> {
        let metadata = form.to_metadata()?;
        if self.edit_current(|a, now| a.set_metadata(metadata, now)) == Some(true) {
            self.say("Details saved.");
        }
        self.details_open.set(false);
        Ok(())
    }

    /// After the open article's text changed: offsets of a pending selection or of a new
    /// claim's words no longer hold, so the form on them closes and the selection goes.
    pub(super) fn text_changed(&self) {
        if matches!(
            self.panel.get_untracked(),
            Panel::Claim(FormTarget::New(_) | FormTarget::Suggestion { .. })
        ) {
            self.close_panel();
        }
        web::selection::clear_selection();
        self.pending_span.set(None);
    }

    /// Brings block `index` of the open article's page back (`kept`) or drops it. Claims
    /// stay on their words; a refusal (a claim on the block) is shown and nothing changes.
    pub fn set_block_kept(&self, index: usize, kept: bool) {
        match self.edit_current(|a, now| a.set_block_kept(index, kept, now)) {
            Some(Ok(())) => {
                self.text_changed();
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
}
