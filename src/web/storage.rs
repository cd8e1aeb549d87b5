//! Browser storage of the library: one localStorage entry per article, holding the same
//! JSON as an exported file, plus an index (order and the open article). Every failure is
//! returned as a `StorageError` for the UI to show; nothing here panics.
//!
//! The entries are the truth, the index only their order: a damaged or missing index is
//! rebuilt from the entries, and an entry that cannot be read stays in storage, is loaded
//! as `Damaged` (its raw text, for the person to save) and reported at every start until
//! the person deletes it. Other tabs' writes arrive as `Change`s (`listen`); each entry's
//! `fingerprint` tells whether storage still holds what this tab last saw.

use crate::core::format::{export_article, import_article};
use crate::core::library::{stored_order, Article, StoredOrder};
use crate::core::relations::Identities;
use serde::{Deserialize, Serialize};

const INDEX_KEY: &str = "gloss.index.v1";
const ARTICLE_PREFIX: &str = "gloss.article.v1.";
const IDENTITIES_KEY: &str = "gloss.entities.v1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (disabled, private mode, sandboxed frame).
    Unavailable,
    /// The browser refused to store more.
    Quota,
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "Browser storage is not available (private browsing or storage turned off). Your work is kept in this tab only: use Export JSON to keep it."),
            StorageError::Quota => write!(f, "Browser storage is full, so the latest changes were not saved. Your work is kept in this tab: use Export JSON to keep it, or delete articles you no longer need."),
            StorageError::Other(m) => write!(f, "Saving to browser storage failed ({m}). Your work is kept in this tab: use Export JSON to keep it."),
        }
    }
}

#[derive(Serialize, Deserialize, Default)]
pub struct Index {
    pub articles: Vec<String>,
    pub current: Option<String>,
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

fn classify(e: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name.contains("Quota") {
        StorageError::Quota
    } else {
        let msg = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or(name);
        StorageError::Other(msg)
    }
}

/// Saves an article; returns the fingerprint of what was written.
pub fn save_article(a: &Article) -> Result<u64, StorageError> {
    let json = export_article(a, &a.modified);
    storage()?
        .set_item(&format!("{ARTICLE_PREFIX}{}", a.id), &json)
        .map_err(classify)?;
    Ok(fingerprint(&json))
}

/// What an entry holds, in a few bytes: to tell whether another tab wrote it since.
pub fn fingerprint(json: &str) -> u64 {
    // FNV-1a
    json.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The stored entry of an article, as text (`None` when there is none).
pub fn read_raw(id: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(&format!("{ARTICLE_PREFIX}{id}"))
        .map_err(classify)
}

/// A change another tab made to the library in storage.
pub enum Change {
    /// An article's entry was written (`Some`) or removed (`None`).
    Article {
        id: String,
        json: Option<String>,
    },
    Identities,
}

/// Calls `f` with every change other tabs make to the library's entries (the window's
/// `storage` event, which the writing tab itself does not get). For the page's lifetime.
pub fn listen(f: impl Fn(Change) + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(w) = web_sys::window() else {
        return;
    };
    let on = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let key = super::prop(&ev, "key").as_string().unwrap_or_default();
        let value = super::prop(&ev, "newValue").as_string();
        if let Some(id) = key.strip_prefix(ARTICLE_PREFIX) {
            f(Change::Article {
                id: id.to_string(),
                json: value,
            });
        } else if key == IDENTITIES_KEY {
            f(Change::Identities);
        }
    });
    let _ = w.add_event_listener_with_callback("storage", on.as_ref().unchecked_ref());
    on.forget();
}

pub fn delete_article(id: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(&format!("{ARTICLE_PREFIX}{id}"))
        .map_err(classify)
}

pub fn save_index(index: &Index) -> Result<(), StorageError> {
    let json = serde_json::to_string(index).map_err(|e| StorageError::Other(e.to_string()))?;
    storage()?.set_item(INDEX_KEY, &json).map_err(classify)
}

/// Saves which entity names are one entity (library-wide), as (name, entity) pairs.
pub fn save_identities(ids: &Identities) -> Result<(), StorageError> {
    let pairs: Vec<(&str, &str)> = ids.entries().collect();
    let json = serde_json::to_string(&pairs).map_err(|e| StorageError::Other(e.to_string()))?;
    storage()?.set_item(IDENTITIES_KEY, &json).map_err(classify)
}

/// The saved entity identities; empty when none were saved. Damaged ones are an error that
/// says so (the entry is left in storage until the next change of identities).
pub fn load_identities() -> Result<Identities, String> {
    let Some(raw) = storage()
        .ok()
        .and_then(|st| st.get_item(IDENTITIES_KEY).ok().flatten())
    else {
        return Ok(Identities::default());
    };
    let pairs: Vec<(String, String)> = serde_json::from_str(&raw).map_err(|e| {
        format!(
            "The saved merges of entity names could not be read ({e}); names are shown unmerged."
        )
    })?;
    Ok(Identities::from_entries(
        pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())),
    ))
}

/// What was found in storage: `None` on a first visit (no index and no entries).
pub struct Loaded {
    pub articles: Vec<Article>,
    pub current: Option<String>,
    /// The fingerprint of each article's entry as read.
    pub fingerprints: Vec<(String, u64)>,
    /// Entries that could not be read: kept in storage, offered to the person.
    pub damaged: Vec<Damaged>,
    /// What the person should be told (damaged entries, a rebuilt index, missing entries).
    pub problems: Vec<String>,
}

/// An entry that could not be read as an article: quarantined, never dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub id: String,
    pub raw: String,
    pub reason: String,
}

/// Every article entry in storage, by id, in storage's key order.
fn entry_ids(st: &web_sys::Storage) -> Vec<String> {
    let n = st.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| st.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(ARTICLE_PREFIX).map(str::to_string))
        .collect()
}

pub fn load() -> Result<Option<Loaded>, StorageError> {
    let st = storage()?;
    let raw_index = st.get_item(INDEX_KEY).map_err(classify)?;
    let entries = entry_ids(&st);
    if raw_index.is_none() && entries.is_empty() {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let index: Index = match raw_index.as_deref().map(serde_json::from_str::<Index>) {
        Some(Ok(i)) => i,
        Some(Err(_)) | None => {
            problems.push(format!(
                "The library's list of articles was damaged or missing; it was rebuilt from the {} saved article(s).",
                entries.len()
            ));
            Index::default()
        }
    };
    let StoredOrder { order, missing } = stored_order(&index.articles, entries);
    for id in missing {
        problems.push(format!(
            "A saved article ({id}) is missing from storage: the library listed it, but its entry is gone."
        ));
    }
    let (mut articles, mut fingerprints, mut damaged) = (Vec::new(), Vec::new(), Vec::new());
    for id in order {
        let Some(json) = st
            .get_item(&format!("{ARTICLE_PREFIX}{id}"))
            .map_err(classify)?
        else {
            continue;
        };
        match import_article(json.as_bytes()) {
            Ok(a) if a.id == id => {
                fingerprints.push((id, fingerprint(&json)));
                articles.push(a);
            }
            Ok(a) => damaged.push(Damaged {
                reason: format!("it holds the article {} instead", a.id),
                id,
                raw: json,
            }),
            Err(e) => damaged.push(Damaged {
                reason: e.to_string(),
                id,
                raw: json,
            }),
        }
    }
    for d in &damaged {
        problems.push(format!(
            "A saved article ({}) could not be read: {}. It stays in storage: save its contents or delete it from the list of damaged articles.",
            d.id, d.reason
        ));
    }
    Ok(Some(Loaded {
        articles,
        current: index.current,
        fingerprints,
        damaged,
        problems,
    }))
}
