//! Claims the person tags, edits and deletes.

use super::*;

impl Ctx {
    /// The article's selection as a byte span, read from the page now and kept in
    /// `pending_span`. Commands read it live: the browser's `selectionchange` event that
    /// also fills `pending_span` comes later than a key pressed right after selecting.
    pub fn read_selection(&self) -> Option<Span> {
        let span = leptos::prelude::document()
            .get_element_by_id(crate::app::article::ARTICLE_ID)
            .zip(self.current_doc())
            .and_then(|(root, d)| web::selection::selection_span(&root, d.text()));
        if self.pending_span.get_untracked() != span {
            self.pending_span.set(span);
        }
        span
    }

    /// Opens the claim form for the current selection (button "Tag claim" or key `c`).
    pub fn start_tagging(&self) {
        match self.read_selection() {
            Some(span) => {
                self.selected.set(None);
                self.panel.set(Panel::Claim(FormTarget::New(span)));
            }
            None => self.say("Select some text in the article first, then press Tag claim (or c)."),
        }
    }

    pub fn save_claim(&self, target: FormTarget, fields: ClaimFields) {
        let of = match fields.claimant.trim() {
            "" => String::new(),
            who => format!(" of {}", crate::core::excerpt(who, 40)),
        };
        let what = match target {
            FormTarget::New(_) => format!("Claim{of} tagged."),
            FormTarget::Edit(_) => format!("Claim{of} saved."),
            FormTarget::Suggestion { .. } => format!("Suggested claim{of} accepted."),
        };
        let saved = match target {
            FormTarget::New(span) => {
                let id = web::new_id("c");
                let sg = self.suggestions();
                let me = self.annotator();
                self.edit_current(|a, now| {
                    let id = a.add_claim_by(id, span, fields, me, now)?.id.clone();
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
                let me = self.annotator().unwrap_or_default();
                self.edit_current(|a, now| {
                    let id = a.accept_as(sentence, id, fields, now)?;
                    a.sign(&id, &me);
                    Some(id)
                })
                .flatten()
            }
        };
        match saved {
            Some(id) => {
                self.close_panel();
                web::selection::clear_selection();
                self.pending_span.set(None);
                self.selected.set(Some(id));
                self.say(what);
            }
            None => self.fail("That selection holds no text, so no claim was saved."),
        }
    }

    pub fn delete_claim(&self, id: &str) {
        let mark = self.history_mark();
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
            self.say_with_undo(text, mark);
        }
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
