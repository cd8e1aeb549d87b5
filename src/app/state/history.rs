//! Undo and redo: the notice's Undo, Ctrl+Z and Ctrl+Shift+Z, over `core::history`.

use super::*;

impl Ctx {
    /// The notice's Undo: undoes its edit (and any made after it).
    pub fn undo(&self) {
        let Some(Notice {
            undo: Some(mark), ..
        }) = self.notice.get_untracked()
        else {
            return;
        };
        let now = web::now_iso();
        let mut done = None;
        self.library.update(|l| {
            done = self
                .history
                .try_update_value(|h| h.undo_to(mark, l, &now))
                .flatten()
        });
        self.after_history(done, "Undone");
    }

    /// Ctrl+Z: undoes the last edit, whatever it was.
    pub fn undo_last(&self) {
        self.step_history(false);
    }

    /// Ctrl+Shift+Z or Ctrl+Y: does again the last edit undone.
    pub fn redo(&self) {
        self.step_history(true);
    }

    fn step_history(&self, redo: bool) {
        let now = web::now_iso();
        let mut done = None;
        self.library.update(|l| {
            done = self
                .history
                .try_update_value(|h| {
                    if redo {
                        h.redo(l, &now)
                    } else {
                        h.undo(l, &now)
                    }
                })
                .flatten();
        });
        if done.is_none() {
            self.say_only(
                if redo {
                    "Nothing to redo."
                } else {
                    "Nothing to undo."
                }
                .into(),
            );
            return;
        }
        self.after_history(done, if redo { "Redone" } else { "Undone" });
    }

    /// After an undo or redo: the store saves it, the article it changed is open, and the
    /// person is told what changed back.
    fn after_history(&self, done: Option<crate::core::history::Done>, how: &str) {
        let Some(done) = done else {
            return;
        };
        self.persist();
        self.refresh_entity_ids();
        if let Some(id) = &done.article {
            if self.current.get_untracked().as_deref() != Some(id.as_str()) {
                self.open(id);
            }
            // the text may have changed (a block kept or dropped): offsets of a pending
            // selection or of a new claim's words no longer hold
            self.text_changed();
            // a claim selected or edited that the undo took away is let go
            let gone = |c: &str| {
                self.library
                    .with_untracked(|l| l.get(id).and_then(|a| a.claim(c)).is_none())
            };
            if self
                .selected
                .with_untracked(|s| s.as_deref().is_some_and(gone))
            {
                self.selected.set(None);
            }
            if matches!(self.panel.get_untracked(), Panel::Claim(FormTarget::Edit(ref c)) if gone(c))
            {
                self.close_panel();
            }
        }
        let what = done.what.trim_end_matches('.');
        self.say_only(if what.is_empty() {
            format!("{how}.")
        } else {
            format!("{how}: {what}.")
        });
    }
}
