//! Browser storage of the library: one localStorage entry per article, holding the same
//! JSON as an exported file, plus an index (order and the open article). Every failure is
//! returned as a `StorageError` for the UI to show; nothing here panics.

use crate::core::format::{export_article, import_article};
use crate::core::library::Article;
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

pub fn save_article(a: &Article) -> Result<(), StorageError> {
    let json = export_article(a, &a.modified);
    storage()?
        .set_item(&format!("{ARTICLE_PREFIX}{}", a.id), &json)
        .map_err(classify)
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

/// The saved entity identities; empty when none were saved or they cannot be read.
pub fn load_identities() -> Identities {
    let raw = storage()
        .ok()
        .and_then(|st| st.get_item(IDENTITIES_KEY).ok().flatten())
        .unwrap_or_default();
    let pairs: Vec<(String, String)> = serde_json::from_str(&raw).unwrap_or_default();
    Identities::from_entries(pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())))
}

/// What was found in storage: `None` on a first visit (no index yet).
pub struct Loaded {
    pub articles: Vec<Article>,
    pub current: Option<String>,
    /// Entries that could not be read, with the reason (shown to the user, kept in storage).
    pub problems: Vec<String>,
}

pub fn load() -> Result<Option<Loaded>, StorageError> {
    let st = storage()?;
    let Some(raw) = st.get_item(INDEX_KEY).map_err(classify)? else {
        return Ok(None);
    };
    let index: Index = serde_json::from_str(&raw).unwrap_or_default();
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for id in &index.articles {
        match st
            .get_item(&format!("{ARTICLE_PREFIX}{id}"))
            .map_err(classify)?
        {
            Some(json) => match import_article(json.as_bytes()) {
                Ok(a) => articles.push(a),
                Err(e) => problems.push(format!("A saved article ({id}) could not be read: {e}")),
            },
            None => problems.push(format!("A saved article ({id}) is missing from storage.")),
        }
    }
    Ok(Some(Loaded {
        articles,
        current: index.current,
        problems,
    }))
}
