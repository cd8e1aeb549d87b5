//! The stored library as plain data: what the browser's store holds (one record per article
//! in the export format, an index of their order and the open article, the entity
//! identities) read back into articles with nothing dropped, what a move from the old
//! localStorage entries copies, and how the space used reads. `web::storage` does the
//! browser's side; everything here is tested natively.
//!
//! The records are the truth, the index only their order: a damaged or missing index is
//! rebuilt from the records, and a record that cannot be read is `Damaged` (its raw text,
//! for the person to save), reported at every start until the person deletes it.

use crate::core::format::import_article;
use crate::core::library::{stored_order, Article, Library, StoredOrder};
use crate::core::rating::Scale;
use crate::core::relations::Identities;
use serde::{Deserialize, Serialize};

/// The localStorage keys of the library before it moved to IndexedDB.
pub const OLD_INDEX_KEY: &str = "gloss.index.v1";
pub const OLD_ARTICLE_PREFIX: &str = "gloss.article.v1.";
pub const OLD_IDENTITIES_KEY: &str = "gloss.entities.v1";

/// The order of the articles, the open one, and the library's rating scale.
#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
pub struct Index {
    pub articles: Vec<String>,
    pub current: Option<String>,
    /// Absent in stores from before rating scales: the built-in statuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// The person's name as an annotator (`Library::annotator`); absent until set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
}

impl Index {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a record holds, in a few bytes: to tell whether another tab wrote it since.
pub fn fingerprint(json: &str) -> u64 {
    fnv1a64(json.as_bytes())
}

/// FNV-1a, 64 bits: a short, unkeyed check of some bytes (a stored record's fingerprint, a
/// share link's check and text hash, ids made from web annotation IRIs).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One article record as stored: its key and its value (`text` false when the value is
/// not a string; `raw` is then the value as JSON).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub raw: String,
    pub text: bool,
}

/// A record that could not be read as an article: quarantined, never dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub id: String,
    pub raw: String,
    pub reason: String,
}

/// The library as read from the store.
pub struct Loaded {
    pub articles: Vec<Article>,
    pub current: Option<String>,
    pub identities: Identities,
    /// The library's rating scale, with any verdict the records hold that it lacks.
    pub scale: Scale,
    /// The person's name as an annotator, empty when not set.
    pub annotator: String,
    /// The fingerprint of each article's record as read.
    pub fingerprints: Vec<(String, u64)>,
    /// Records that could not be read: kept in the store, offered to the person.
    pub damaged: Vec<Damaged>,
    /// What the person should be told (damaged records, a rebuilt index, missing records,
    /// damaged identities).
    pub problems: Vec<String>,
}

/// Reads what the store holds: `None` on a first visit (no index and no records).
pub fn read_library(
    index: Option<&str>,
    identities: Option<&str>,
    records: Vec<Record>,
) -> Option<Loaded> {
    if index.is_none() && records.is_empty() {
        return None;
    }
    let mut problems = Vec::new();
    let index: Index = match index.map(serde_json::from_str::<Index>) {
        Some(Ok(i)) => i,
        Some(Err(_)) | None => {
            problems.push(format!(
                "The library's list of articles was damaged or missing; it was rebuilt from the {} saved article(s).",
                records.len()
            ));
            Index::default()
        }
    };
    let StoredOrder { order, missing } = stored_order(
        &index.articles,
        records.iter().map(|r| r.id.clone()).collect(),
    );
    for id in missing {
        problems.push(format!(
            "A saved article ({id}) is missing from storage: the library listed it, but its record is gone."
        ));
    }
    let mut records = records;
    crate::core::sort::sort_by(&mut records, |a, b| a.id.cmp(&b.id));
    let (mut articles, mut fingerprints, mut damaged) = (Vec::new(), Vec::new(), Vec::new());
    for id in order {
        let Ok(at) = records.binary_search_by(|r| r.id.as_str().cmp(&id)) else {
            continue;
        };
        let Some(r) = records.get_mut(at) else {
            continue;
        };
        let raw = std::mem::take(&mut r.raw);
        if !r.text {
            damaged.push(Damaged {
                reason: "it is not text".into(),
                id,
                raw,
            });
            continue;
        }
        match import_article(raw.as_bytes()) {
            Ok(a) if a.id == id => {
                fingerprints.push((id, fingerprint(&raw)));
                articles.push(a);
            }
            Ok(a) => damaged.push(Damaged {
                reason: format!("it holds the article {} instead", a.id),
                id,
                raw,
            }),
            Err(e) => damaged.push(Damaged {
                reason: e.to_string(),
                id,
                raw,
            }),
        }
    }
    for d in &damaged {
        problems.push(format!(
            "A saved article ({}) could not be read: {}. It stays in storage: save its contents or delete it from the list of damaged articles.",
            d.id,
            d.reason.trim_end_matches('.')
        ));
    }
    let identities = match identities.map(read_identities) {
        Some(Ok(ids)) => ids,
        Some(Err(e)) => {
            problems.push(e);
            Identities::default()
        }
        None => Identities::default(),
    };
    let annotator = index.annotator.unwrap_or_default();
    let mut scale = index.scale.unwrap_or_default();
    scale.keep_used(
        articles.iter().flat_map(Article::verdicts),
        &Scale::statuses(),
    );
    Some(Loaded {
        articles,
        current: index.current,
        identities,
        scale,
        annotator,
        fingerprints,
        damaged,
        problems,
    })
}

/// What of the library the store does not hold yet, given the revision of each article as
/// last stored (`saved`) and of the identities (`ids_saved`): what the next write writes,
/// and what the journal keeps until then.
#[derive(Debug, Default, PartialEq)]
pub struct Unsaved {
    /// Articles whose revision moved, in library order.
    pub write: Vec<String>,
    /// Articles stored but no longer in the library.
    pub delete: Vec<String>,
    /// The identities' record, when they changed.
    pub identities: Option<String>,
}

pub fn unsaved(
    lib: &Library,
    saved: &std::collections::HashMap<String, u64>,
    ids_saved: u64,
) -> Unsaved {
    Unsaved {
        write: lib
            .articles()
            .iter()
            .filter(|a| saved.get(&a.id) != Some(&a.revision))
            .map(|a| a.id.clone())
            .collect(),
        delete: saved
            .keys()
            .filter(|id| lib.get(id).is_none())
            .cloned()
            .collect(),
        identities: (lib.identities.revision != ids_saved)
            .then(|| identities_json(&lib.identities)),
    }
}

/// The entity identities as stored: (name, entity) pairs.
pub fn identities_json(ids: &Identities) -> String {
    let pairs: Vec<(&str, &str)> = ids.entries().collect();
    serde_json::to_string(&pairs).unwrap_or_default()
}

/// The stored entity identities; damaged ones are an error that says so.
pub fn read_identities(raw: &str) -> Result<Identities, String> {
    let pairs: Vec<(String, String)> = serde_json::from_str(raw).map_err(|e| {
        format!(
            "The saved merges of entity names could not be read ({e}); names are shown unmerged."
        )
    })?;
    Ok(Identities::from_entries(
        pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())),
    ))
}

/// What moving the old localStorage library into the store copies, as raw text (a damaged
/// entry stays damaged, and so quarantined), and which old keys go once it is written.
#[derive(Debug, Default, PartialEq)]
pub struct Migration {
    /// (id, raw entry) of each old article the store does not hold yet: nothing newer in
    /// the store is written over, so running the move again changes nothing.
    pub articles: Vec<(String, String)>,
    /// The old index, when the store has none.
    pub index: Option<String>,
    /// The old identities, when the store has none.
    pub identities: Option<String>,
    /// Every old key of the library, removed only after the copy is written.
    pub old_keys: Vec<String>,
}

impl Migration {
    pub fn is_empty(&self) -> bool {
        self.old_keys.is_empty()
    }
}

/// Plans the move of the old entries (`old`: every localStorage key and value) into a
/// store that already holds the articles `stored` (and an index, identities or not).
pub fn plan_migration(
    old: Vec<(String, String)>,
    stored: &[String],
    has_index: bool,
    has_identities: bool,
) -> Migration {
    let mut m = Migration::default();
    for (key, value) in old {
        if let Some(id) = key.strip_prefix(OLD_ARTICLE_PREFIX) {
            if !stored.iter().any(|s| s == id) && !m.articles.iter().any(|(a, _)| a == id) {
                m.articles.push((id.to_string(), value));
            }
        } else if key == OLD_INDEX_KEY {
            if !has_index {
                m.index = Some(value);
            }
        } else if key == OLD_IDENTITIES_KEY {
            if !has_identities {
                m.identities = Some(value);
            }
        } else {
            continue;
        }
        m.old_keys.push(key);
    }
    m
}

/// The space the library takes and what is left, as a sentence for the library panel.
pub fn describe_space(used: f64, quota: f64, persistent: bool) -> String {
    let left = (quota - used).max(0.0);
    let kept = if persistent {
        "Kept until you delete it."
    } else {
        "The browser may clear it when space runs low: export the library to keep a copy."
    };
    format!(
        "Saved in this browser: {} used, {} left. {kept}",
        bytes(used),
        bytes(left)
    )
}

/// A size in bytes as people read it ("1.2 MB").
pub fn bytes(n: f64) -> String {
    let n = n.max(0.0);
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n;
    let mut u = 0;
    while v >= 1000.0 && u + 1 < units.len() {
        v /= 1000.0;
        u += 1;
    }
    let unit = units.get(u).copied().unwrap_or("B");
    if u == 0 {
        format!("{v:.0} {unit}")
    } else if v < 10.0 {
        format!("{v:.1} {unit}")
    } else {
        format!("{v:.0} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::export_article;
    use crate::core::parse::parse_str;

    fn record(id: &str, text: &str) -> Record {
        let a = Article::new(
            id.into(),
            parse_str(text, None),
            None,
            "2026-01-01T00:00:00Z",
        );
        Record {
            id: id.into(),
            raw: export_article(&a, "2026-01-01T00:00:00Z"),
            text: true,
        }
    }

    fn ids(l: &Loaded) -> Vec<&str> {
        l.articles.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn a_first_visit_reads_as_nothing_stored() {
        assert!(read_library(None, None, Vec::new()).is_none());
        assert!(read_library(None, Some("[]"), Vec::new()).is_none());
    }

    #[test]
    fn the_index_orders_the_records_and_a_damaged_one_is_rebuilt_from_them() {
        let recs = || {
            vec![
                record("b", "Bees\n\nThe keeper said the hive is calm."),
                record("a", "Ants\n\nThe farmer said the nest moved."),
            ]
        };
        let own = Scale::own("Right\nWrong").unwrap();
        let index = Index {
            articles: vec!["b".into(), "a".into()],
            current: Some("a".into()),
            scale: Some(own.clone()),
            annotator: Some("Ann Lee".into()),
        };
        let l = read_library(Some(&index.to_json()), None, recs()).unwrap();
        assert_eq!(ids(&l), ["b", "a"]);
        assert_eq!(l.current.as_deref(), Some("a"));
        assert_eq!(l.scale, own, "the index keeps the library's rating scale");
        assert_eq!(l.annotator, "Ann Lee", "and the annotator's name");
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        assert_eq!(l.fingerprints.len(), 2);
        // damaged or missing: every record back, sorted by id, and the person told
        for bad in [Some("{\"articles\": [tru"), None] {
            let l = read_library(bad, None, recs()).unwrap();
            assert_eq!(ids(&l), ["a", "b"]);
            assert!(l.problems[0].contains("rebuilt from the 2 saved article(s)"));
        }
    }

    #[test]
    fn a_damaged_record_is_quarantined_with_its_raw_text_and_the_rest_load() {
        let mut recs = vec![record("good", "Good\n\nThe mayor said the road is open.")];
        recs.push(Record {
            id: "broken".into(),
            raw: "{\"format\": \"gloss.article\", \"ver".into(),
            text: true,
        });
        recs.push(Record {
            id: "number".into(),
            raw: "42".into(),
            text: false,
        });
        let mut swapped = record("x", "Swapped\n\nThe pilot said the plane landed.");
        swapped.id = "y".into();
        recs.push(swapped);
        let index = Index {
            articles: vec!["good".into(), "gone".into()],
            current: None,
            scale: None,
            annotator: None,
        };
        let l = read_library(Some(&index.to_json()), None, recs).unwrap();
        assert_eq!(ids(&l), ["good"]);
        let damaged: Vec<&str> = l.damaged.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(damaged, ["broken", "number", "y"]);
        assert_eq!(l.damaged[0].raw, "{\"format\": \"gloss.article\", \"ver");
        assert_eq!(l.damaged[1].reason, "it is not text");
        assert_eq!(l.damaged[2].reason, "it holds the article x instead");
        // one for the missing record, one for each damaged one
        assert_eq!(l.problems.len(), 4, "{:?}", l.problems);
        assert!(l.problems[0].contains("(gone) is missing"));
        assert!(
            l.problems.iter().all(|p| !p.contains("..")),
            "{:?}",
            l.problems
        );
    }

    #[test]
    fn identities_round_trip_and_damaged_ones_are_told() {
        let mut ids = Identities::default();
        ids.merge("Ann Lee", "Ann B. Lee");
        let json = identities_json(&ids);
        let back = read_identities(&json).unwrap();
        assert_eq!(back.key("Ann Lee"), ids.key("Ann Lee"));
        let l = read_library(None, Some("[[\"a\""), vec![record("a", "A\n\nB said C.")]).unwrap();
        assert!(l
            .problems
            .iter()
            .any(|p| p.contains("merges of entity names")));
    }

    #[test]
    fn a_migration_copies_what_the_store_lacks_and_names_every_old_key() {
        let old = vec![
            ("unrelated".to_string(), "keep me".to_string()),
            (format!("{OLD_ARTICLE_PREFIX}a"), "{a}".to_string()),
            (format!("{OLD_ARTICLE_PREFIX}b"), "{broken".to_string()),
            (
                OLD_INDEX_KEY.to_string(),
                "{\"articles\":[\"a\",\"b\"]}".to_string(),
            ),
            (OLD_IDENTITIES_KEY.to_string(), "[]".to_string()),
        ];
        let m = plan_migration(old.clone(), &[], false, false);
        assert_eq!(
            m.articles,
            [("a".into(), "{a}".into()), ("b".into(), "{broken".into())]
        );
        assert_eq!(m.index.as_deref(), Some("{\"articles\":[\"a\",\"b\"]}"));
        assert_eq!(m.identities.as_deref(), Some("[]"));
        assert_eq!(m.old_keys.len(), 4, "not the unrelated key");
        // run again over a store that took the copy: nothing is written over
        let again = plan_migration(old, &["a".into(), "b".into()], true, true);
        assert!(again.articles.is_empty() && again.index.is_none() && again.identities.is_none());
        assert_eq!(again.old_keys.len(), 4, "the old keys still go");
        assert!(plan_migration(Vec::new(), &[], false, false).is_empty());
    }

    #[test]
    fn the_space_reads_in_units_people_know() {
        assert_eq!(bytes(0.0), "0 B");
        assert_eq!(bytes(999.0), "999 B");
        assert_eq!(bytes(1_234.0), "1.2 KB");
        assert_eq!(bytes(10_400_000.0), "10 MB");
        assert_eq!(bytes(5.5e12), "5.5 TB");
        let s = describe_space(2_000_000.0, 1e9, true);
        assert_eq!(
            s,
            "Saved in this browser: 2.0 MB used, 998 MB left. Kept until you delete it."
        );
        assert!(describe_space(2e9, 1e9, false).contains("0 B left. The browser may clear it"));
    }

    #[test]
    fn fingerprints_tell_texts_apart() {
        assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
        assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
    }
}
