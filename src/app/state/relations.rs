//! Links and entity identities.

use super::*;

impl Ctx {
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
        let ids = self.library.with_untracked(|l| l.identities.clone());
        let result = self
            .edit_article(&draft.article, |a, now| a.add_link(link, &ids, now))
            .unwrap_or(Err(crate::core::relations::LinkError::EmptyEntity));
        match result {
            Ok(()) => {
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
        let mark = self.history_mark();
        if let Some(Some(l)) = self.edit_article(article, |a, now| a.remove_link(link, now)) {
            self.say_with_undo(format!("Link removed: {}.", l.kind.label()), mark);
        }
    }

    /// Makes `from` part of `into`'s entity, in every article of the library.
    pub fn merge_entities(&self, from: &str, into: &str) {
        if self.edit_identities(|ids| ids.merge(from, into)) {
            self.graph_node.set(
                self.library
                    .with_untracked(|l| l.identities.id(into))
                    .map(EntityId::into_string),
            );
            self.refresh_entity_ids();
            self.say(format!("Merged “{from}” into “{into}”."));
        } else {
            self.fail(format!("“{from}” and “{into}” are one entity already."));
        }
    }

    /// Undoes a merge: `name` becomes its own entity again (or releases its members).
    pub fn split_entity(&self, name: &str) {
        if self.edit_identities(|ids| ids.split(name)) {
            self.refresh_entity_ids();
            self.say(format!("Split “{name}” off."));
        }
    }

    pub fn add_alias(&self, alias: &str, name: &str) {
        if self.edit_identities(|ids| ids.add_alias(alias, name)) {
            self.say(format!("“{alias}” is now a name of “{name}”."));
        } else {
            self.fail(format!(
                "“{alias}” is already a name of “{name}”, or is empty."
            ));
        }
    }
}
