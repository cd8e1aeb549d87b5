//! Links and entity identities.

use super::*;

impl Ctx {
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
        let mut done = false;
        self.library.update(|l| done = l.identities.split(name));
        if done {
            self.persist();
            self.refresh_entity_ids();
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
}
