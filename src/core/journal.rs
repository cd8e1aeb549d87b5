//! The journal: what a tab has changed and not yet seen written to the store. The browser
//! aborts a transaction still in flight when its page reloads or closes, so each change is
//! also kept in the journal (`web::storage::journal`, synchronous localStorage) in the same
//! turn as the change, and cleared once the store holds it. At the next start the journals
//! left behind are replayed into the library read from the store (`replay`), losing
//! nothing: an article the store never got is added, a newer copy of one it holds wins
//! with the stored copy's extra claims and links taken in, an older one only adds its
//! own extra claims and links.
//!
//! Articles too long for localStorage (`JOURNAL_MAX_TEXT`) are left out: their protection
//! is the store alone.

use crate::core::format::import_article;
use crate::core::library::Library;
use crate::core::stored::read_identities;
use serde::{Deserialize, Serialize};

/// Articles with more text than this are not journaled (localStorage holds about 5 M
/// characters for the whole origin, shared by every open tab).
pub const JOURNAL_MAX_TEXT: usize = 512 * 1024;

/// One tab's changes not yet in the store.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// Each changed article's record, as the store would hold it (the export format).
    pub articles: Vec<JournalRecord>,
    /// Articles deleted.
    pub deleted: Vec<String>,
    /// The entity identities, when they changed (as stored).
    pub identities: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalRecord {
    pub id: String,
    pub record: String,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.deleted.is_empty() && self.identities.is_none()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn read(raw: &str) -> Result<Journal, String> {
        serde_json::from_str(raw).map_err(|e| e.to_string())
    }
}

/// What replaying journals did.
#[derive(Debug, Default, PartialEq)]
pub struct Replayed {
    /// Articles added or changed (they need writing).
    pub changed: Vec<String>,
    /// Whether the identities changed.
    pub identities: bool,
    /// What the person should be told.
    pub problems: Vec<String>,
}

/// Takes journals left by earlier pages (raw text, oldest first) into `lib`, as read from
/// the store. Nothing in a journal is dropped unless the store holds something newer that
/// already has it; a journal that cannot be read is reported.
pub fn replay(lib: &mut Library, journals: &[String], now: &str) -> Replayed {
    let mut out = Replayed::default();
    for raw in journals {
        let journal = match Journal::read(raw) {
            Ok(j) => j,
            Err(e) => {
                out.problems.push(format!(
                    "Changes made just before Gloss last closed could not be read ({e}), so they may be missing."
                ));
                continue;
            }
        };
        for r in &journal.articles {
            let theirs = match import_article(r.record.as_bytes()) {
                Ok(a) => a,
                Err(e) => {
                    out.problems.push(format!(
                        "A change to an article made just before Gloss last closed could not be read ({e})."
                    ));
                    continue;
                }
            };
            let changed = match lib.get_mut(&r.id) {
                None => {
                    lib.add(theirs);
                    true
                }
                Some(ours) if theirs.modified > ours.modified => {
                    let stored = std::mem::replace(ours, theirs);
                    ours.absorb(&stored, now);
                    ours.revision = stored.revision + 1;
                    true
                }
                Some(ours) => ours.absorb(&theirs, now) > 0,
            };
            if changed && !out.changed.contains(&r.id) {
                out.changed.push(r.id.clone());
            }
        }
        for id in &journal.deleted {
            if lib.remove(id).is_some() {
                out.changed.retain(|c| c != id);
            }
        }
        if let Some(ids) = &journal.identities {
            match read_identities(ids) {
                Ok(ids) => out.identities |= lib.identities.absorb(ids.entries()) > 0,
                Err(e) => out.problems.push(e),
            }
        }
    }
    if out.identities {
        lib.identities.revision += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::format::export_article;
    use crate::core::library::Article;
    use crate::core::offsets::Span;
    use crate::core::parse::{parse_str, Format};

    fn article(id: &str, text: &str) -> Article {
        Article::new(
            id.into(),
            parse_str(text, Some(Format::Text)),
            None,
            "2026-01-01T00:00:00Z",
        )
    }

    fn journal(articles: &[&Article], deleted: &[&str]) -> String {
        Journal {
            articles: articles
                .iter()
                .map(|a| JournalRecord {
                    id: a.id.clone(),
                    record: export_article(a, &a.modified),
                })
                .collect(),
            deleted: deleted.iter().map(|d| d.to_string()).collect(),
            identities: None,
        }
        .to_json()
    }

    fn tag(a: &mut Article, words: &str, now: &str) {
        let at = a.doc.text().find(words).unwrap();
        let span = Span::new(at, at + words.len());
        let id = format!("c-{now}");
        assert!(a.add_claim(id, span, ClaimFields::default(), now).is_some());
    }

    const TEXT: &str =
        "Harbour news\n\nAda Brook said the pier opens in May. Ben Carter said it will not.\n";

    #[test]
    fn a_change_the_store_never_got_comes_back() {
        let stored = article("a1", TEXT);
        let mut ours = stored.clone();
        tag(&mut ours, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![stored.clone()]);
        let r = replay(&mut lib, &[journal(&[&ours], &[])], "2026-01-03T00:00:00Z");
        assert_eq!(r.changed, vec!["a1".to_string()]);
        let a = lib.get("a1").unwrap();
        assert_eq!(a.claims().len(), 1);
        assert!(a.revision > stored.revision, "written again");
        assert!(r.problems.is_empty());
    }

    #[test]
    fn an_article_the_store_never_got_is_added_and_a_deletion_holds() {
        let kept = article("a1", TEXT);
        let new = article("a2", "Another story\n\nChen Wei said the crane is fixed.\n");
        let mut lib = Library::new(vec![kept.clone()]);
        let r = replay(
            &mut lib,
            &[journal(&[&new], &["a1"])],
            "2026-01-03T00:00:00Z",
        );
        assert!(lib.get("a2").is_some());
        assert!(lib.get("a1").is_none());
        assert_eq!(r.changed, vec!["a2".to_string()]);
    }

    #[test]
    fn a_newer_store_keeps_its_work_and_takes_in_the_journal_s_claims() {
        // the journal's change never landed; another tab wrote later
        let base = article("a1", TEXT);
        let mut ours = base.clone();
        tag(&mut ours, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut theirs = base.clone();
        tag(&mut theirs, "it will not", "2026-01-04T00:00:00Z");
        let mut lib = Library::new(vec![theirs]);
        replay(&mut lib, &[journal(&[&ours], &[])], "2026-01-05T00:00:00Z");
        assert_eq!(lib.get("a1").unwrap().claims().len(), 2, "both claims kept");
    }

    #[test]
    fn a_journal_the_store_already_holds_changes_nothing() {
        let mut a = article("a1", TEXT);
        tag(&mut a, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![a.clone()]);
        let before = lib.get("a1").unwrap().clone();
        let r = replay(&mut lib, &[journal(&[&a], &[])], "2026-01-03T00:00:00Z");
        assert!(r.changed.is_empty());
        assert_eq!(lib.get("a1").unwrap().claims(), before.claims());
    }

    #[test]
    fn a_damaged_journal_is_reported_and_the_rest_replayed() {
        let mut a = article("a1", TEXT);
        let stored = a.clone();
        tag(&mut a, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![stored]);
        let r = replay(
            &mut lib,
            &["{not json".to_string(), journal(&[&a], &[])],
            "2026-01-03T00:00:00Z",
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(lib.get("a1").unwrap().claims().len(), 1);
    }
}
