//! Browser storage of the library, in IndexedDB (database `gloss`): one record per article,
//! keyed by its id and holding the same JSON text as an exported file (so a damaged record
//! stays readable as raw text), and the index (order and the open article) and the entity
//! identities as records of their own. Every change is one transaction (`commit`): its
//! articles, deletions, identities and index are written together or not at all. Every
//! failure is returned as a `StorageError` for the UI to show; nothing here panics.
//!
//! What the records mean is the core's (`core::stored`): the records are the truth, a
//! damaged or missing index is rebuilt from them, a damaged record is quarantined. Phases:
//! `idb` (the database, requests and transactions as futures), `migrate` (the move from
//! localStorage), `channel` (other tabs' writes), `space` (persistence and space left).

pub mod channel;
pub mod idb;
pub mod journal;
mod migrate;
pub mod space;

use crate::core::relations::Identities;
pub use crate::core::stored::{fingerprint, Damaged, Index, Loaded};
use crate::core::stored::{read_library, Record};
use channel::Note;
use idb::{Tx, ARTICLES, IDENTITIES, INDEX, META};
use wasm_bindgen::JsValue;

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

/// A change another tab made to the library in storage.
pub enum Change {
    /// An article's record was written (`Some`) or removed (`None`).
    Article {
        id: String,
        json: Option<String>,
    },
    Identities(Identities),
    /// The library's rating scale.
    Scale(crate::core::rating::Scale),
}

pub use channel::listen;

/// Reads the library: `None` on a first visit (nothing stored). An old localStorage
/// library is moved in first (`migrate`); if that fails it stays where it is, is tried
/// again at the next start, and the person is told.
pub async fn load() -> Result<Option<Loaded>, StorageError> {
    let db = idb::db().await?;
    let moved = migrate::run(&db).await;
    let tx = Tx::new(&db, false)?;
    let (articles, meta) = (tx.store(ARTICLES)?, tx.store(META)?);
    let requests = (
        articles.get_all_keys(),
        articles.get_all(),
        meta.get(&INDEX.into()),
        meta.get(&IDENTITIES.into()),
    );
    let (Ok(keys), Ok(values), Ok(index), Ok(ids)) = requests else {
        return Err(tx.abort(StorageError::Other("the library could not be read".into())));
    };
    let keys = js_sys::Array::from(&idb::result(&keys).await?);
    let values = js_sys::Array::from(&idb::result(&values).await?);
    let index = idb::result(&index).await?.as_string();
    let ids = idb::result(&ids).await?.as_string();
    // keys and values come in the same (key) order
    let records: Vec<Record> = keys
        .iter()
        .zip(values.iter())
        .map(|(k, v)| {
            let id = k.as_string().unwrap_or_else(|| describe(&k));
            match v.as_string() {
                Some(raw) => Record {
                    id,
                    raw,
                    text: true,
                },
                None => Record {
                    id,
                    raw: describe(&v),
                    text: false,
                },
            }
        })
        .collect();
    let mut loaded = read_library(index.as_deref(), ids.as_deref(), records);
    if let Err(e) = moved {
        let told = format!("The library saved by an earlier version of Gloss could not be moved into the new storage ({e}); it stays where it was, and the move is tried again at the next start.");
        match loaded.as_mut() {
            Some(l) => l.problems.push(told),
            None => return Err(e),
        }
    }
    Ok(loaded)
}

/// A stored value that is not text, as JSON text (for the person to save).
fn describe(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}

/// One change to the library, written in one transaction.
pub struct Batch {
    /// Articles to write (their text comes from `commit`'s `content`).
    pub write: Vec<String>,
    /// Articles to delete.
    pub delete: Vec<String>,
    /// The entity identities' new record, when they changed.
    pub identities: Option<String>,
    /// The index; its rating scale only when this tab changed it (`None`: the stored
    /// one is kept, so a tab never puts back a scale another tab replaced).
    pub index: Index,
}

/// An article record as written.
pub struct Saved {
    pub id: String,
    pub fingerprint: u64,
    pub revision: u64,
}

/// Writes `batch` in one transaction. For each article to write, `content` is given what
/// the store holds for it now, inside the transaction (so no other tab writes between),
/// and returns the text to write with the article's revision, or `None` to leave it. The
/// index written lists only articles stored when the transaction ends. After it is
/// written, the other tabs are told. On failure nothing at all was written.
pub async fn commit(
    mut batch: Batch,
    mut content: impl FnMut(&str, Option<String>) -> Option<(String, u64)>,
) -> Result<Vec<Saved>, StorageError> {
    let db = idb::db().await?;
    let tx = Tx::new(&db, true)?;
    let (articles, meta) = (tx.store(ARTICLES)?, tx.store(META)?);
    // what is stored now, in this transaction: the index lists nothing else
    let keys = match articles.get_all_keys() {
        Ok(r) => r,
        Err(e) => return Err(tx.abort(idb::classify(e))),
    };
    let stored_index = match meta.get(&INDEX.into()) {
        Ok(r) => r,
        Err(e) => return Err(tx.abort(idb::classify(e))),
    };
    let mut reads = Vec::new();
    for id in &batch.write {
        match articles.get(&id.into()) {
            Ok(r) => reads.push((id.clone(), r)),
            Err(e) => return Err(tx.abort(idb::classify(e))),
        }
    }
    let mut present: Vec<String> = js_sys::Array::from(&idb::result(&keys).await?)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let (mut saved, mut notes) = (Vec::new(), Vec::new());
    let stored = idb::result(&stored_index)
        .await?
        .as_string()
        .and_then(|s| serde_json::from_str::<Index>(&s).ok());
    // the annotator's name, like the scale, only when this tab changed it
    if batch.index.annotator.is_none() {
        batch.index.annotator = stored.as_ref().and_then(|i| i.annotator.clone());
    }
    let stored_scale = stored.and_then(|i| i.scale);
    match &batch.index.scale {
        None => batch.index.scale = stored_scale,
        Some(s) if stored_scale.as_ref() != Some(s) => notes.push(Note::Scale),
        Some(_) => {}
    }
    for (id, read) in reads {
        let stored = idb::result(&read).await?.as_string();
        let Some((json, revision)) = content(&id, stored) else {
            continue;
        };
        if let Err(e) = articles.put_with_key(&json.as_str().into(), &id.as_str().into()) {
            return Err(tx.abort(idb::classify(e)));
        }
        let fp = fingerprint(&json);
        notes.push(Note::Written(id.clone(), fp));
        present.push(id.clone());
        saved.push(Saved {
            id,
            fingerprint: fp,
            revision,
        });
    }
    for id in &batch.delete {
        if let Err(e) = articles.delete(&id.into()) {
            return Err(tx.abort(idb::classify(e)));
        }
        present.retain(|p| p != id);
        notes.push(Note::Deleted(id.clone()));
    }
    // never an article that is not stored (one another tab deleted, one not written)
    crate::core::sort::sort(&mut present);
    batch
        .index
        .articles
        .retain(|a| present.binary_search(a).is_ok());
    if let Some(json) = &batch.identities {
        if let Err(e) = meta.put_with_key(&json.into(), &IDENTITIES.into()) {
            return Err(tx.abort(idb::classify(e)));
        }
        notes.push(Note::Identities);
    }
    if let Err(e) = meta.put_with_key(&batch.index.to_json().into(), &INDEX.into()) {
        return Err(tx.abort(idb::classify(e)));
    }
    tx.finish().await?;
    channel::announce(&notes);
    Ok(saved)
}

/// The stored record of an article, as text (`None` when there is none or it is not text).
pub async fn read_record(id: &str) -> Result<Option<String>, StorageError> {
    let db = idb::db().await?;
    let tx = Tx::new(&db, false)?;
    let req = tx.store(ARTICLES)?.get(&id.into()).map_err(idb::classify)?;
    Ok(idb::result(&req).await?.as_string())
}

/// The stored entity identities (`None` when there are none or they cannot be read).
pub async fn read_identities() -> Result<Option<Identities>, StorageError> {
    let db = idb::db().await?;
    let tx = Tx::new(&db, false)?;
    let req = tx
        .store(META)?
        .get(&IDENTITIES.into())
        .map_err(idb::classify)?;
    let raw = idb::result(&req).await?.as_string();
    Ok(raw.and_then(|r| crate::core::stored::read_identities(&r).ok()))
}

/// The stored index (`None` when there is none or it cannot be read).
pub async fn read_index() -> Result<Option<Index>, StorageError> {
    let db = idb::db().await?;
    let tx = Tx::new(&db, false)?;
    let req = tx.store(META)?.get(&INDEX.into()).map_err(idb::classify)?;
    let raw = idb::result(&req).await?.as_string();
    Ok(raw.and_then(|r| serde_json::from_str(&r).ok()))
}

/// Deletes a damaged record, once the person chooses to.
pub async fn delete_record(id: &str) -> Result<(), StorageError> {
    let db = idb::db().await?;
    let tx = Tx::new(&db, true)?;
    if let Err(e) = tx.store(ARTICLES)?.delete(&id.into()) {
        return Err(tx.abort(idb::classify(e)));
    }
    tx.finish().await
}
