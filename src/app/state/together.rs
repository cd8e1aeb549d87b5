//! Working together without a server: the annotator's name, other people's claims brought
//! in (web annotations, another person's copy of an article) as layers, and claims waiting
//! to be placed (`core::carry`, `core::layers`, `core::interchange::w3c`).

use super::*;
use crate::core::interchange::{brat, w3c};
use crate::core::layers::{merge_copy, merge_incoming, Maker, Ruling};

impl Ctx {
    /// The person's name as an annotator, when they have set one.
    pub fn annotator(&self) -> Option<String> {
        self.library
            .with_untracked(|l| Some(l.annotator.trim().to_string()).filter(|n| !n.is_empty()))
    }

    /// Sets the person's name, written as the creator of each claim they make from now on.
    pub fn set_annotator(&self, name: &str) {
        let name = crate::core::excerpt(name.trim(), 80);
        self.library.update(|l| l.annotator = name.clone());
        self.persist();
        self.say(if name.is_empty() {
            "Your name was cleared: new claims say no name.".to_string()
        } else {
            format!("New claims are signed “{name}”.")
        });
    }

    /// Shows or hides one annotator's claims.
    pub fn toggle_layer(&self, maker: Maker) {
        self.hidden_layers
            .update(|h| match h.iter().position(|m| *m == maker) {
                Some(i) => {
                    h.remove(i);
                }
                None => h.push(maker),
            });
    }

    /// Reads web annotations (W3C, Hypothesis, Recogito) and places them as claims on the
    /// article they target: the one whose web address they name, else the open one. Claims
    /// whose words are not found are kept as orphans. On any error nothing changes.
    pub fn import_annotations(&self, bytes: &[u8]) {
        let read = match w3c::import(bytes) {
            Ok(r) => r,
            Err(e) => {
                self.fail(format!("Import failed: {e} Nothing was changed."));
                return;
            }
        };
        // the open article when the file names it (or names none), else the latest one it
        // names, else the open one (said)
        let open = self.current.get_untracked();
        let (target, elsewhere) = self.library.with_untracked(|l| {
            let names = |id: &str| {
                let a = l.get(id);
                match (read.source.as_deref(), a) {
                    (Some(s), Some(a)) => w3c::targets(a, s),
                    _ => true,
                }
            };
            if let Some(o) = open.as_deref().filter(|o| names(o)) {
                return (Some(o.to_string()), None);
            }
            let by_source = read.source.as_deref().and_then(|s| {
                l.articles()
                    .iter()
                    .rev()
                    .find(|a| w3c::targets(a, s))
                    .map(|a| a.id.clone())
            });
            match by_source {
                Some(id) => (Some(id), None),
                None => (open.clone(), read.source.clone()),
            }
        });
        let Some(target) = target else {
            self.fail(
                "Open the article these annotations are on first, then import them. Nothing was changed.",
            );
            return;
        };
        let tool = read.tool;
        let skipped = read.skipped.len();
        let mark = self.history_mark();
        let used: Vec<_> = read
            .items
            .iter()
            .map(|i| i.claim.fields.status.clone())
            .collect();
        let merged = self.edit_article(&target, |a, now| merge_incoming(a, read.items, now));
        let Some(merged) = merged else {
            return;
        };
        // verdicts no scale here names keep their names
        self.library.update(|l| {
            l.scale
                .keep_used(used.iter(), &crate::core::rating::Scale::statuses());
        });
        if self.current.get_untracked().as_deref() != Some(target.as_str()) {
            self.open(&target);
        }
        let mut text = format!(
            "{} annotations: {}",
            tool.name(),
            merged.summary("the file")
        );
        if let Some(s) = elsewhere {
            text.push_str(&format!(
                " They were made on {}, which is not in your library, so they were placed on the open article by their words.",
                crate::core::excerpt(&s, 80)
            ));
        }
        if skipped > 0 {
            text.push_str(&format!(
                " {skipped} not on a passage of text (page notes) were left out."
            ));
        }
        self.say_with_undo(text, mark);
    }

    /// Adds the pending import's claims to the article it collides with, as another
    /// annotator's layer (`core::layers::merge_copy`): every claim kept, found again by its
    /// quote where the text differs.
    pub fn merge_import(&self) {
        let Some(p) = self.pending_import.get_untracked() else {
            return;
        };
        self.pending_import.set(None);
        let existing = p.conflict.existing_id().to_string();
        let whose = match crate::core::layers::makers(p.article.claims()).as_slice() {
            [one] => one.maker.label(),
            _ => "the file".to_string(),
        };
        let mark = self.history_mark();
        let merged = self.edit_article(&existing, |a, now| merge_copy(a, &p.article, now));
        self.library.update(|l| {
            l.identities.absorb(p.identities.entries());
            l.take_scale(p.scale.as_ref(), &p.article);
        });
        self.current.set(None);
        self.open(&existing);
        if let Some(m) = merged {
            self.say_with_undo(m.summary(&whose), mark);
        }
    }

    /// Carries the offered earlier version's claims over to the article just added: each
    /// found again by its quote, the rest kept as orphans to place by hand.
    pub fn carry_over(&self) {
        let Some(offer) = self.carry_offer.get_untracked() else {
            return;
        };
        self.carry_offer.set(None);
        let Some(from) = self.library.with_untracked(|l| l.get(&offer.from).cloned()) else {
            return;
        };
        let mark = self.history_mark();
        let carried = self.edit_article(&offer.to, |a, now| {
            crate::core::carry::carry_over(&from, a, now)
        });
        if let Some(c) = carried {
            self.say_with_undo(format!("From “{}”: {}.", offer.name, c.summary()), mark);
        }
    }

    /// The person's ruling where annotators differ (the claims `ids`): keep one, merge
    /// them, or reject them. Undoable.
    pub fn adjudicate(&self, ids: &[String], ruling: Ruling) {
        let mark = self.history_mark();
        let gone = self
            .edit_current(|a, now| crate::core::layers::adjudicate(a, ids, &ruling, now))
            .unwrap_or(0);
        // no edit recorded: the claims were gone already (a stale view)
        if self.history_mark() == mark {
            self.fail("Those claims are no longer there; nothing was changed.");
            return;
        }
        let what = match ruling {
            Ruling::Keep(_) => "Kept one claim",
            Ruling::Merge => "Merged the claims into one",
            Ruling::Reject => "Rejected the claims",
        };
        self.say_with_undo(
            format!(
                "{what}; {gone} claim{} removed.",
                if gone == 1 { "" } else { "s" }
            ),
            mark,
        );
    }

    /// Downloads the agreement's figures and disagreements (CSV).
    pub fn export_agreement(&self) {
        let out = self.library.with_untracked(|l| {
            let a = l.get(self.current.get_untracked()?.as_str())?;
            let layers = crate::core::layers::agreement_layers(a);
            let found = crate::core::agreement::agreement(&layers);
            Some((
                crate::core::file_name_for(&a.name, "agreement.csv"),
                crate::core::agreement::to_csv(&found, &layers, a.doc.text()),
            ))
        });
        if let Some((name, csv)) = out {
            if let Err(e) = files::download(&name, &csv, "text/csv") {
                self.fail(format!("Export failed: {e}"));
            }
        }
    }

    /// Reads a brat standoff pair (`.txt` and `.ann`: claims, PolNeAR / PARC attributions,
    /// entities, relations) as a new article. All or nothing.
    pub fn import_brat(&self, txt: &[u8], ann: &[u8], name: &str) {
        let ann = String::from_utf8_lossy(ann);
        match brat::import(txt, &ann, name, &web::now_iso()) {
            Err(e) => self.fail(format!("Import failed: {e} Nothing was changed.")),
            Ok(read) => {
                let skipped: usize = read.skipped.iter().map(|s| s.count).sum();
                let mut article = read.article;
                let me = web::new_id("a");
                article.id = me;
                let n = article.claims().len();
                let id = article.id.clone();
                self.library.update(|l| {
                    l.scale
                        .keep_used(article.verdicts(), &crate::core::rating::Scale::statuses());
                    l.add(article);
                });
                self.open(&id);
                self.persist();
                let mut text = format!(
                    "Imported “{name}” from brat with {n} claim{} ({} attributions with their speakers).",
                    if n == 1 { "" } else { "s" },
                    read.attributions
                );
                if skipped > 0 {
                    text.push_str(&format!(
                        " {skipped} annotations of kinds Gloss does not keep were left out."
                    ));
                }
                self.say(text);
            }
        }
    }

    /// Downloads the open article as brat standoff: its text (`.txt`) and its annotations
    /// (`.ann`): claims with their attributes, attributions as events, entities, links.
    pub fn export_brat(&self) {
        let found = self.analysis.with_untracked(|x| {
            x.as_ref()
                .map(|x| (x.extraction.clone(), x.suggestions.clone()))
        });
        let Some((extraction, suggestions)) = found else {
            self.fail("Wait until the article's entities are found, then export it for brat.");
            return;
        };
        let out = self.library.with_untracked(|l| {
            let a = l.get(self.current.get_untracked()?.as_str())?;
            Some((
                crate::core::file_name_for(&a.name, "txt"),
                crate::core::file_name_for(&a.name, "ann"),
                brat::export(a, &extraction, &suggestions, &l.identities),
            ))
        });
        if let Some((txt_name, ann_name, b)) = out {
            let done = files::download(&txt_name, &b.txt, "text/plain")
                .and_then(|_| files::download(&ann_name, &b.ann, "text/plain"));
            match done {
                Err(e) => self.fail(format!("Export failed: {e}")),
                Ok(()) if !b.unwritten.is_empty() => self.say(format!(
                    "Exported for brat. Not expressible in brat: {}.",
                    b.unwritten.join("; ")
                )),
                Ok(()) => {}
            }
        }
    }

    /// Downloads the open article's claims as W3C Web Annotations (JSON-LD).
    pub fn export_w3c(&self) {
        let out = self.library.with_untracked(|l| {
            let a = l.get(self.current.get_untracked()?.as_str())?;
            Some((
                crate::core::file_name_for(&a.name, "annotations.jsonld"),
                w3c::export_collection(a, &l.scale, &web::now_iso()),
            ))
        });
        match out {
            None => self.fail("Open an article first, then export its annotations."),
            Some((name, json)) => {
                if let Err(e) = files::download(&name, &json, "application/ld+json") {
                    self.fail(format!("Export failed: {e}"));
                }
            }
        }
    }

    /// Lets a claim waiting to be placed go (undoable).
    pub fn discard_orphan(&self, id: &str) {
        let mark = self.history_mark();
        if self
            .edit_current(|a, now| a.discard_orphan(id, now))
            .flatten()
            .is_some()
        {
            self.say_with_undo("The claim that was not found was let go.", mark);
        }
    }

    /// Places a claim waiting to be placed on the words selected in the article.
    pub fn place_orphan(&self, id: &str) {
        let Some(span) = self.read_selection() else {
            self.fail("Select the words this claim is about in the article, then press Place.");
            return;
        };
        let placed = self
            .edit_current(|a, now| a.place_orphan(id, span, now).map(|c| c.id.clone()))
            .flatten();
        match placed {
            Some(id) => {
                self.selected.set(Some(id));
                self.say("Claim placed on the selected words.");
            }
            None => self.fail("That selection holds no text; nothing was placed."),
        }
    }
}
