//! Undo and redo for every edit: before an edit changes an article (its claims, verdicts,
//! links, decisions on suggestions and entities, details, kept blocks) or the library's
//! entity identities, the state before is kept as a step; Undo puts it back and keeps the
//! state it replaced for Redo. A copy of an article is cheap: its text and page blocks are
//! shared. Restoring bumps the revision, so the store saves it like any edit.

use super::library::{Article, Library};
use super::relations::Identities;

/// The most steps kept; the oldest go first.
pub const LIMIT: usize = 100;

/// What a step puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Before {
    /// An article as it was (by its id).
    Article(Article),
    /// The entity identities as they were.
    Identities(Identities),
}

/// One edit that can be undone (or redone).
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What the edit did, for the message ("Claim of Ann Lee deleted.").
    pub what: String,
    pub before: Before,
}

/// What an undo or redo did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub what: String,
    /// The article it changed (to open it), if it changed one.
    pub article: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Keeps the state before an edit; a new edit ends what could be redone.
    pub fn record(&mut self, what: impl Into<String>, before: Before) {
        self.undo.push(Step {
            what: what.into(),
            before,
        });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Names the last edit, if it has no name yet (the app names it by the message it
    /// shows the person after it).
    pub fn name_last(&mut self, what: &str) {
        if let Some(s) = self.undo.last_mut().filter(|s| s.what.is_empty()) {
            s.what = what.to_string();
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone (a mark for `undo_to`).
    pub fn depth(&self) -> usize {
        self.undo.len()
    }

    /// Puts back the last edit's state; `None` when there is nothing to undo. A step
    /// whose article has been deleted since is passed over.
    pub fn undo(&mut self, lib: &mut Library, now: &str) -> Option<Done> {
        while let Some(step) = self.undo.pop() {
            if let Some((done, other)) = swap(step, lib, now) {
                self.redo.push(other);
                return Some(done);
            }
        }
        None
    }

    /// Does again the last edit undone.
    pub fn redo(&mut self, lib: &mut Library, now: &str) -> Option<Done> {
        while let Some(step) = self.redo.pop() {
            if let Some((done, other)) = swap(step, lib, now) {
                self.undo.push(other);
                return Some(done);
            }
        }
        None
    }

    /// Undoes every edit after the first `depth` (a notice's Undo: its edit and any made
    /// after it); returns the last one undone.
    pub fn undo_to(&mut self, depth: usize, lib: &mut Library, now: &str) -> Option<Done> {
        let mut last = None;
        while self.undo.len() > depth {
            match self.undo(lib, now) {
                Some(d) => last = Some(d),
                None => break,
            }
        }
        last
    }
}

/// Puts `step`'s state in the library; returns what was done and the step that puts back
/// the state it replaced. `None` when its article is no longer in the library.
fn swap(step: Step, lib: &mut Library, now: &str) -> Option<(Done, Step)> {
    let Step { what, before } = step;
    let (article, replaced) = match before {
        Before::Article(mut then) => {
            let here = lib.get_mut(&then.id)?;
            then.revision = here.revision + 1;
            then.modified = now.to_string();
            let id = then.id.clone();
            (Some(id), Before::Article(std::mem::replace(here, then)))
        }
        Before::Identities(mut then) => {
            then.revision = lib.identities.revision + 1;
            (
                None,
                Before::Identities(std::mem::replace(&mut lib.identities, then)),
            )
        }
    };
    Some((
        Done {
            what: what.clone(),
            article,
        },
        Step {
            what,
            before: replaced,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::offsets::Span;
    use crate::core::parse::parse_str;

    fn library() -> Library {
        Library::new(vec![Article::new(
            "a".into(),
            parse_str("Title\n\nThe mayor said the bridge opens in May.", None),
            None,
            "t0",
        )])
    }

    /// Edits article "a" as the app does: the state before kept, then changed.
    fn edit(h: &mut History, lib: &mut Library, what: &str, f: impl FnOnce(&mut Article)) {
        let before = lib.get("a").unwrap().clone();
        h.record(what, Before::Article(before));
        f(lib.get_mut("a").unwrap());
    }

    fn claims(lib: &Library) -> Vec<String> {
        let a = lib.get("a").unwrap();
        a.claims()
            .iter()
            .map(|c| format!("{}:{}", c.id, c.fields.note))
            .collect()
    }

    #[test]
    fn every_edit_undoes_and_redoes_in_order() {
        let mut lib = library();
        let mut h = History::default();
        edit(&mut h, &mut lib, "tag", |a| {
            a.add_claim("c1".into(), Span::new(7, 16), ClaimFields::default(), "t1");
        });
        edit(&mut h, &mut lib, "note", |a| {
            let f = ClaimFields {
                note: "checked".into(),
                ..ClaimFields::default()
            };
            a.update_claim("c1", f, "t2");
        });
        edit(&mut h, &mut lib, "delete", |a| {
            a.remove_claim("c1", "t3");
        });
        assert!(claims(&lib).is_empty());
        let rev = lib.get("a").unwrap().revision;
        let d = h.undo(&mut lib, "t4").unwrap();
        assert_eq!(d.what, "delete");
        assert_eq!(d.article.as_deref(), Some("a"));
        assert_eq!(claims(&lib), ["c1:checked"]);
        assert!(lib.get("a").unwrap().revision > rev, "saved like any edit");
        assert_eq!(h.undo(&mut lib, "t5").unwrap().what, "note");
        assert_eq!(claims(&lib), ["c1:"]);
        assert_eq!(h.redo(&mut lib, "t6").unwrap().what, "note");
        assert_eq!(claims(&lib), ["c1:checked"]);
        assert_eq!(h.undo(&mut lib, "t7").unwrap().what, "note");
        assert_eq!(h.undo(&mut lib, "t8").unwrap().what, "tag");
        assert!(claims(&lib).is_empty());
        assert_eq!(h.undo(&mut lib, "t9"), None, "nothing left");
        // a new edit ends the redo
        edit(&mut h, &mut lib, "tag again", |a| {
            a.add_claim("c2".into(), Span::new(7, 16), ClaimFields::default(), "t10");
        });
        assert!(!h.can_redo());
        assert_eq!(h.redo(&mut lib, "t11"), None);
    }

    #[test]
    fn a_notice_undoes_its_edit_and_those_after_it() {
        let mut lib = library();
        let mut h = History::default();
        edit(&mut h, &mut lib, "one", |a| {
            a.add_claim("c1".into(), Span::new(7, 16), ClaimFields::default(), "t1");
        });
        let mark = h.depth();
        edit(&mut h, &mut lib, "two", |a| {
            a.add_claim("c2".into(), Span::new(17, 21), ClaimFields::default(), "t2");
        });
        edit(&mut h, &mut lib, "three", |a| {
            a.remove_claim("c1", "t3");
        });
        assert_eq!(h.undo_to(mark, &mut lib, "t4").unwrap().what, "two");
        assert_eq!(claims(&lib), ["c1:"]);
        assert_eq!(h.depth(), mark);
    }

    #[test]
    fn identities_undo_and_a_deleted_articles_steps_are_passed_over() {
        let mut lib = library();
        let mut h = History::default();
        edit(&mut h, &mut lib, "tag", |a| {
            a.add_claim("c1".into(), Span::new(7, 16), ClaimFields::default(), "t1");
        });
        h.record("merge", Before::Identities(lib.identities.clone()));
        assert!(lib.identities.merge("Mayor", "Ann Lee"));
        let rev = lib.identities.revision;
        assert_eq!(h.undo(&mut lib, "t2").unwrap().what, "merge");
        assert!(!lib.identities.same("Mayor", "Ann Lee"));
        assert!(lib.identities.revision > rev);
        assert_eq!(h.redo(&mut lib, "t3").unwrap().article, None);
        assert!(lib.identities.same("Mayor", "Ann Lee"));
        // the article goes: its step cannot apply and is passed over
        lib.remove("a");
        h.undo(&mut lib, "t4"); // the merge again
        assert_eq!(h.undo(&mut lib, "t5"), None);
    }

    #[test]
    fn at_most_limit_steps_are_kept() {
        let mut lib = library();
        let mut h = History::default();
        for i in 0..LIMIT + 5 {
            edit(&mut h, &mut lib, &format!("{i}"), |a| {
                a.rename(&format!("n{i}"), "t");
            });
        }
        assert_eq!(h.depth(), LIMIT);
    }
}
