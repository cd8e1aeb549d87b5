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

/// A step's number: numbers only go up, so a notice's Undo knows its edit and the ones
/// after it even when old steps have been dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct StepId(u64);

/// One edit that can be undone (or redone).
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: StepId,
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

/// The revision of an article (or of the identities, `article: None`) as the history
/// last left it: when the library's differs, something else changed it since (an
/// import, another tab), and the steps on it can no longer be undone without losing that.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    article: Option<String>,
    revision: u64,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    seen: Vec<Seen>,
    next: u64,
}

impl History {
    /// Keeps the state before an edit, `revision` being what the edit left (the article's
    /// or the identities'); a new edit ends what could be redone.
    pub fn record(&mut self, what: impl Into<String>, before: Before, revision: u64) {
        let id = StepId(self.next);
        self.next += 1;
        self.mark_seen(key(&before), revision);
        self.undo.push(Step {
            id,
            what: what.into(),
            before,
        });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The number the next step will get: a notice's Undo undoes back to it.
    pub fn mark(&self) -> StepId {
        StepId(self.next)
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

    /// How many steps can be undone.
    pub fn depth(&self) -> usize {
        self.undo.len()
    }

    /// Puts back the last edit's state; `None` when there is nothing to undo. Steps on an
    /// article that is gone, or that something else changed since, are dropped.
    pub fn undo(&mut self, lib: &mut Library, now: &str) -> Option<Done> {
        while let Some(step) = self.undo.pop() {
            if let Some((done, other)) = self.swap(step, lib, now) {
                self.redo.push(other);
                return Some(done);
            }
        }
        None
    }

    /// Does again the last edit undone.
    pub fn redo(&mut self, lib: &mut Library, now: &str) -> Option<Done> {
        while let Some(step) = self.redo.pop() {
            if let Some((done, other)) = self.swap(step, lib, now) {
                self.undo.push(other);
                return Some(done);
            }
        }
        None
    }

    /// Undoes the edit numbered `mark` and every one after it (a notice's Undo); returns
    /// the last one undone. Never an edit made before it.
    pub fn undo_to(&mut self, mark: StepId, lib: &mut Library, now: &str) -> Option<Done> {
        let mut last = None;
        while self.undo.last().is_some_and(|s| s.id >= mark) {
            let Some(step) = self.undo.pop() else {
                break;
            };
            if let Some((done, other)) = self.swap(step, lib, now) {
                self.redo.push(other);
                last = Some(done);
            }
        }
        last
    }

    fn mark_seen(&mut self, article: Option<String>, revision: u64) {
        match self.seen.iter_mut().find(|s| s.article == article) {
            Some(s) => s.revision = revision,
            None => self.seen.push(Seen { article, revision }),
        }
    }

    /// Whether the history last left this revision (else something else changed it).
    fn is_seen(&self, article: &Option<String>, revision: u64) -> bool {
        self.seen
            .iter()
            .any(|s| s.article == *article && s.revision == revision)
    }

    /// Drops every step on `article` (it changed outside the history, or is gone).
    fn forget(&mut self, article: &Option<String>) {
        self.undo.retain(|s| key(&s.before) != *article);
        self.redo.retain(|s| key(&s.before) != *article);
    }

    /// Puts `step`'s state in the library; returns what was done and the step that puts
    /// back the state it replaced. `None` (and the steps on it dropped) when its article
    /// is gone or was changed outside the history.
    fn swap(&mut self, step: Step, lib: &mut Library, now: &str) -> Option<(Done, Step)> {
        let Step { id, what, before } = step;
        let k = key(&before);
        let current = match &before {
            Before::Article(then) => lib.get(&then.id).map(|a| a.revision),
            Before::Identities(_) => Some(lib.identities.revision),
        };
        if !current.is_some_and(|r| self.is_seen(&k, r)) {
            self.forget(&k);
            return None;
        }
        let (revision, replaced) = match before {
            Before::Article(mut then) => {
                let here = lib.get_mut(&then.id)?;
                then.revision = here.revision + 1;
                then.modified = now.to_string();
                let r = then.revision;
                (r, Before::Article(std::mem::replace(here, then)))
            }
            Before::Identities(mut then) => {
                then.revision = lib.identities.revision + 1;
                let r = then.revision;
                (
                    r,
                    Before::Identities(std::mem::replace(&mut lib.identities, then)),
                )
            }
        };
        self.mark_seen(k.clone(), revision);
        Some((
            Done {
                what: what.clone(),
                article: k,
            },
            Step {
                id,
                what,
                before: replaced,
            },
        ))
    }
}

/// Which article a state is of (`None`: the identities).
fn key(b: &Before) -> Option<String> {
    match b {
        Before::Article(a) => Some(a.id.clone()),
        Before::Identities(_) => None,
    }
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
        let a = lib.get_mut("a").unwrap();
        f(a);
        let after = a.revision;
        h.record(what, Before::Article(before), after);
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
        let mark = h.mark();
        edit(&mut h, &mut lib, "two", |a| {
            a.add_claim("c2".into(), Span::new(17, 21), ClaimFields::default(), "t2");
        });
        edit(&mut h, &mut lib, "three", |a| {
            a.remove_claim("c1", "t3");
        });
        assert_eq!(h.undo_to(mark, &mut lib, "t4").unwrap().what, "two");
        assert_eq!(claims(&lib), ["c1:"]);
        assert_eq!(h.depth(), 1, "the edit before the mark stays");
        // with the history full, a mark still names its edit
        let mut full = History::default();
        let mut lib2 = library();
        for i in 0..LIMIT {
            edit(&mut full, &mut lib2, &format!("{i}"), |a| {
                a.rename(&format!("n{i}"), "t");
            });
        }
        let m = full.mark();
        edit(&mut full, &mut lib2, "last", |a| {
            a.rename("last", "t");
        });
        assert_eq!(full.undo_to(m, &mut lib2, "t").unwrap().what, "last");
        assert_eq!(lib2.get("a").unwrap().name, format!("n{}", LIMIT - 1));
    }

    #[test]
    fn identities_undo_and_a_deleted_articles_steps_are_passed_over() {
        let mut lib = library();
        let mut h = History::default();
        edit(&mut h, &mut lib, "tag", |a| {
            a.add_claim("c1".into(), Span::new(7, 16), ClaimFields::default(), "t1");
        });
        let before = lib.identities.clone();
        assert!(lib.identities.merge("Mayor", "Ann Lee"));
        h.record("merge", Before::Identities(before), lib.identities.revision);
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
    fn an_article_changed_outside_the_history_is_not_undone_over() {
        let mut lib = library();
        let mut h = History::default();
        edit(&mut h, &mut lib, "tag", |a| {
            a.add_claim("c1".into(), Span::new(7, 16), ClaimFields::default(), "t1");
        });
        edit(&mut h, &mut lib, "note", |a| {
            let f = ClaimFields {
                note: "n".into(),
                ..ClaimFields::default()
            };
            a.update_claim("c1", f, "t2");
        });
        // undo, redo and undo again keep their footing
        h.undo(&mut lib, "t3").unwrap();
        h.redo(&mut lib, "t4").unwrap();
        assert_eq!(h.undo(&mut lib, "t5").unwrap().what, "note");
        assert_eq!(h.undo(&mut lib, "t6").unwrap().what, "tag");
        h.redo(&mut lib, "t7").unwrap();
        // an import (or another tab) replaces the article: its work is not undone away
        let mut theirs = lib.get("a").unwrap().clone();
        theirs.add_claim("c9".into(), Span::new(17, 21), ClaimFields::default(), "t8");
        lib.replace("a", theirs);
        assert_eq!(h.undo(&mut lib, "t9"), None);
        assert_eq!(h.redo(&mut lib, "t9"), None);
        assert_eq!(lib.get("a").unwrap().claims().len(), 2);
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
