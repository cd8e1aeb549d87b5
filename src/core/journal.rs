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

use crate::core::format::{export_article, import_article};
use crate::core::library::Library;
use crate::core::stored::{read_identities, Unsaved};

/// Articles with more text than this are not journaled (localStorage holds about 5 M
/// characters for the whole origin, shared by every open tab).
pub const JOURNAL_MAX_TEXT: usize = 512 * 1024;

/// One tab's changes not yet in the store. Kept as text of its own (`to_text`): each field
/// a tag, its length in bytes and a colon, then the field, so records are held as they are
/// (no second JSON escaping, no serde code of its own in the app).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    /// Each changed article's record, as the store would hold it (the export format).
    pub articles: Vec<JournalRecord>,
    /// Articles deleted.
    pub deleted: Vec<String>,
    /// The entity identities, when they changed (as stored).
    pub identities: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JournalRecord {
    pub id: String,
    /// The fingerprint (`stored::fingerprint`) of the stored record this page's copy was
    /// made from, if the store held one: while the store still holds that very record,
    /// the journal's copy is the article whole (claims deleted stay deleted).
    pub base: Option<u64>,
    pub record: String,
}

impl Journal {
    /// The journal of what the store does not hold yet (`stored::unsaved`): each changed
    /// article's record (but those over `JOURNAL_MAX_TEXT`) with the fingerprint of the
    /// stored record it was made from (`base`), the deletions, the identities.
    pub fn pending(lib: &Library, unsaved: Unsaved, base: impl Fn(&str) -> Option<u64>) -> Journal {
        Journal {
            articles: unsaved
                .write
                .iter()
                .filter_map(|id| lib.get(id))
                .filter(|a| a.doc.text().len() <= JOURNAL_MAX_TEXT)
                .map(|a| JournalRecord {
                    id: a.id.clone(),
                    base: base(&a.id),
                    record: export_article(a, &a.modified),
                })
                .collect(),
            deleted: unsaved.delete,
            identities: unsaved.identities,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.deleted.is_empty() && self.identities.is_none()
    }

    /// The journal as text: `gloss-journal 1`, a line break, then the fields (`A` an
    /// article's id, `F` the fingerprint it was made from, if any, `R` its record, `D` a
    /// deleted id, `I` the identities).
    pub fn to_text(&self) -> String {
        fn field(out: &mut String, tag: char, value: &str) {
            out.push(tag);
            out.push_str(&value.len().to_string());
            out.push(':');
            out.push_str(value);
        }
        let mut out = String::from(HEADER);
        for r in &self.articles {
            field(&mut out, 'A', &r.id);
            if let Some(base) = r.base {
                field(&mut out, 'F', &base.to_string());
            }
            field(&mut out, 'R', &r.record);
        }
        for d in &self.deleted {
            field(&mut out, 'D', d);
        }
        if let Some(i) = &self.identities {
            field(&mut out, 'I', i);
        }
        out
    }

    /// Reads what `to_text` wrote; anything else is an error that says where.
    pub fn read(raw: &str) -> Result<Journal, String> {
        let mut rest = raw.strip_prefix(HEADER).ok_or("not a journal")?;
        let mut j = Journal::default();
        let mut id: Option<(&str, Option<u64>)> = None;
        while let Some(tag) = rest.chars().next() {
            let after = &rest[tag.len_utf8()..];
            let colon = after.find(':').ok_or("a field without its length")?;
            let len: usize = after[..colon].parse().map_err(|_| "a bad length")?;
            let from = colon + 1;
            let value = from
                .checked_add(len)
                .and_then(|to| after.get(from..to))
                .ok_or("a field cut short")?;
            rest = &after[from + len..];
            match (tag, id.take()) {
                ('A', None) => id = Some((value, None)),
                ('F', Some((i, None))) => {
                    id = Some((i, Some(value.parse().map_err(|_| "a bad fingerprint")?)))
                }
                ('R', Some((i, base))) => j.articles.push(JournalRecord {
                    id: i.to_string(),
                    base,
                    record: value.to_string(),
                }),
                ('D', None) => j.deleted.push(value.to_string()),
                ('I', None) => j.identities = Some(value.to_string()),
                _ => return Err("fields out of order".into()),
            }
        }
        if id.is_some() {
            return Err("an article without its record".into());
        }
        Ok(j)
    }
}

const HEADER: &str = "gloss-journal 1\n";

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
/// the store (`stored`: the fingerprint of each article's record there). A journal's copy
/// made from the record the store still holds is the article whole; when the store has
/// moved on (another tab wrote since), the newer of the two is kept and takes in the
/// other's extra claims and links, so nothing is lost. A journal that cannot be read is
/// reported.
pub fn replay(
    lib: &mut Library,
    stored: &dyn Fn(&str) -> Option<u64>,
    journals: &[String],
    now: &str,
) -> Replayed {
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
            let unmoved = r.base.is_some() && stored(&r.id) == r.base;
            let changed = match lib.get_mut(&r.id) {
                None => {
                    lib.add(theirs);
                    true
                }
                Some(ours) if unmoved => {
                    let revision = ours.revision + 1;
                    *ours = theirs;
                    ours.revision = revision;
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

    /// The store's fingerprints in tests that do not compare them: none known.
    const NONE: &dyn Fn(&str) -> Option<u64> = &|_| None;

    fn journal(articles: &[&Article], deleted: &[&str]) -> String {
        journal_from(articles, deleted, None)
    }

    /// A journal whose copies were made from stored records of fingerprint `base`.
    fn journal_from(articles: &[&Article], deleted: &[&str], base: Option<u64>) -> String {
        Journal {
            articles: articles
                .iter()
                .map(|a| JournalRecord {
                    id: a.id.clone(),
                    base,
                    record: export_article(a, &a.modified),
                })
                .collect(),
            deleted: deleted.iter().map(|d| d.to_string()).collect(),
            identities: None,
        }
        .to_text()
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
    fn the_journal_holds_what_the_store_does_not() {
        use crate::core::stored::unsaved;
        use std::collections::HashMap;
        let stored = article("a1", TEXT);
        let mut changed = article("a2", TEXT);
        let long = article(
            "a3",
            &format!("Long\n\n{}\n", "Word. ".repeat(JOURNAL_MAX_TEXT / 6 + 1)),
        );
        let saved: HashMap<String, u64> = [("a1", 1), ("a2", 1), ("gone", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        tag(&mut changed, "it will not", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![stored, changed, long]);
        let u = unsaved(&lib, &saved, lib.identities.revision);
        assert_eq!(u.write, vec!["a2".to_string(), "a3".to_string()]);
        assert_eq!(u.delete, vec!["gone".to_string()]);
        assert_eq!(u.identities, None);
        let j = Journal::pending(&lib, u, |id| (id == "a2").then_some(7));
        assert_eq!(j.articles.len(), 1, "the long article is left out");
        assert_eq!(
            (j.articles[0].id.as_str(), j.articles[0].base),
            ("a2", Some(7))
        );
        assert_eq!(j.deleted, vec!["gone".to_string()]);
        // merged names are unsaved until written
        assert!(lib.identities.merge("Ada", "Ada Brook"));
        let u = unsaved(&lib, &saved, 0);
        assert!(Journal::pending(&lib, u, |_| None).identities.is_some());
    }

    #[test]
    fn a_change_the_store_never_got_comes_back() {
        let stored = article("a1", TEXT);
        let mut ours = stored.clone();
        tag(&mut ours, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![stored.clone()]);
        let r = replay(
            &mut lib,
            NONE,
            &[journal(&[&ours], &[])],
            "2026-01-03T00:00:00Z",
        );
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
            NONE,
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
        replay(
            &mut lib,
            NONE,
            &[journal(&[&ours], &[])],
            "2026-01-05T00:00:00Z",
        );
        assert_eq!(lib.get("a1").unwrap().claims().len(), 2, "both claims kept");
    }

    #[test]
    fn a_claim_deleted_before_the_reload_stays_deleted() {
        // stored with two claims; this page deleted one, and its write never landed
        let mut stored = article("a1", TEXT);
        tag(&mut stored, "the pier opens in May", "2026-01-02T00:00:00Z");
        tag(&mut stored, "it will not", "2026-01-02T00:00:01Z");
        let record = export_article(&stored, &stored.modified);
        let fp = crate::core::stored::fingerprint(&record);
        let mut ours = stored.clone();
        let gone = ours.claims()[0].id.clone();
        assert!(ours.remove_claim(&gone, "2026-01-03T00:00:00Z").is_some());
        let mut lib = Library::new(vec![stored.clone()]);
        let at = |id: &str| (id == "a1").then_some(fp);
        let r = replay(
            &mut lib,
            &at,
            &[journal_from(&[&ours], &[], Some(fp))],
            "2026-01-04T00:00:00Z",
        );
        assert_eq!(r.changed, vec!["a1".to_string()]);
        let a = lib.get("a1").unwrap();
        assert_eq!(a.claims().len(), 1, "the deleted claim stays deleted");
        assert!(a.claim(&gone).is_none());
        assert!(a.revision > stored.revision, "written again");
        // had the store moved on since (another tab wrote), the claim would be kept: no loss
        let mut lib = Library::new(vec![stored.clone()]);
        let moved = |_: &str| Some(fp ^ 1);
        replay(
            &mut lib,
            &moved,
            &[journal_from(&[&ours], &[], Some(fp))],
            "2026-01-04T00:00:00Z",
        );
        assert_eq!(lib.get("a1").unwrap().claims().len(), 2);
    }

    #[test]
    fn a_journal_the_store_already_holds_changes_nothing() {
        let mut a = article("a1", TEXT);
        tag(&mut a, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![a.clone()]);
        let before = lib.get("a1").unwrap().clone();
        let r = replay(
            &mut lib,
            NONE,
            &[journal(&[&a], &[])],
            "2026-01-03T00:00:00Z",
        );
        assert!(r.changed.is_empty());
        assert_eq!(lib.get("a1").unwrap().claims(), before.claims());
    }

    #[test]
    fn a_journal_reads_back_whole_and_a_damaged_one_is_an_error() {
        let j = Journal {
            articles: vec![JournalRecord {
                id: "a:1".into(),
                base: Some(u64::MAX),
                record: "{\"text\":\"R12:é 👩‍👩‍👧 ä\\n\"}".into(),
            }],
            deleted: vec!["a2".into(), String::new()],
            identities: Some("[[\"Ann\",\"Ann Lee\"]]".into()),
        };
        let text = j.to_text();
        assert_eq!(Journal::read(&text), Ok(j));
        assert_eq!(
            Journal::read(&Journal::default().to_text()),
            Ok(Journal::default())
        );
        // a cut reads as less (between fields) or is an error, never a panic; a cut inside
        // the record is an error
        for (cut, _) in text.char_indices() {
            if let Ok(less) = Journal::read(&text[..cut]) {
                assert!(less.articles.len() <= 1 && less.deleted.len() <= 2);
            }
        }
        let inside = text.find("ä").unwrap();
        assert!(Journal::read(&text[..inside]).is_err());
        assert!(Journal::read("gloss-journal 1\nR1:x").is_err());
        assert!(Journal::read("gloss-journal 1\nA99999999999999999999999:x").is_err());
        assert!(Journal::read("{}").is_err());
    }

    #[test]
    fn a_damaged_journal_is_reported_and_the_rest_replayed() {
        let mut a = article("a1", TEXT);
        let stored = a.clone();
        tag(&mut a, "the pier opens in May", "2026-01-02T00:00:00Z");
        let mut lib = Library::new(vec![stored]);
        let r = replay(
            &mut lib,
            NONE,
            &["{not json".to_string(), journal(&[&a], &[])],
            "2026-01-03T00:00:00Z",
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(lib.get("a1").unwrap().claims().len(), 1);
    }
}
