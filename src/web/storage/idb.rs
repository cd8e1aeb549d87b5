//! A thin wrapper over the browser's IndexedDB (web-sys types): the database opened once,
//! requests and transactions awaited as futures. A transaction stays usable while its
//! requests' results are awaited, since a promise's continuations run before the browser
//! leaves the request's success event.

use super::StorageError;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DB_NAME: &str = "gloss";
/// One record per article: key the article id, value its export JSON as text.
pub const ARTICLES: &str = "articles";
/// The index (`INDEX`) and the entity identities (`IDENTITIES`), each a JSON text.
pub const META: &str = "meta";
pub const INDEX: &str = "index";
pub const IDENTITIES: &str = "identities";
const VERSION: u32 = 1;

thread_local! {
    /// The open database, or why it could not be opened (tried once per page).
    static DB: RefCell<Option<Result<IdbDatabase, StorageError>>> = const { RefCell::new(None) };
}

/// The database, opened on first use; `Unavailable` when the browser has no IndexedDB or
/// refuses it (and stays so for the page's life: work is kept in memory).
pub async fn db() -> Result<IdbDatabase, StorageError> {
    if let Some(known) = DB.with(|d| d.borrow().clone()) {
        return known;
    }
    let opened = open().await;
    DB.with(|d| *d.borrow_mut() = Some(opened.clone()));
    opened
}

async fn open() -> Result<IdbDatabase, StorageError> {
    let factory = web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .indexed_db()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)?;
    let req = factory
        .open_with_u32(DB_NAME, VERSION)
        .map_err(|_| StorageError::Unavailable)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            // from version 0 (nothing) to 1: both stores, values under their own keys
            let _ = db.create_object_store(ARTICLES);
            let _ = db.create_object_store(META);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
        req.set_onblocked(Some(&reject));
    });
    let outcome = JsFuture::from(done).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    outcome.map_err(|_| StorageError::Unavailable)?;
    let db = req
        .result()
        .ok()
        .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        .ok_or(StorageError::Unavailable)?;
    // a newer Gloss in another tab needs the database upgraded: this tab lets go of it
    // (else that tab could not open it) and says why it no longer saves
    let held = db.clone();
    let let_go = Closure::<dyn FnMut()>::new(move || {
        held.close();
        DB.with(|d| *d.borrow_mut() = Some(Err(StorageError::Other(UPDATED.into()))));
    });
    db.set_onversionchange(Some(let_go.as_ref().unchecked_ref()));
    let_go.forget(); // for the connection's life
    Ok(db)
}

/// Why a tab stopped saving after a newer Gloss opened the library in another tab.
pub const UPDATED: &str = "Gloss was updated in another tab: reload this tab to go on saving";

/// A transaction over both stores, with its outcome awaited by `finish`.
pub struct Tx {
    pub tx: IdbTransaction,
    outcome: JsFuture,
}

impl Tx {
    pub fn new(db: &IdbDatabase, write: bool) -> Result<Tx, StorageError> {
        let stores = js_sys::Array::of2(&ARTICLES.into(), &META.into());
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        let tx = db
            .transaction_with_str_sequence_and_mode(&stores, mode)
            .map_err(classify)?;
        let outcome = JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        }));
        Ok(Tx { tx, outcome })
    }

    pub fn store(&self, name: &str) -> Result<IdbObjectStore, StorageError> {
        self.tx.object_store(name).map_err(classify)
    }

    /// Cancels everything the transaction did (after a request could not be made).
    pub fn abort(&self, why: StorageError) -> StorageError {
        let _ = self.tx.abort();
        why
    }

    /// Waits until the transaction is written (or was aborted: then nothing of it was).
    pub async fn finish(self) -> Result<(), StorageError> {
        match self.outcome.await {
            Ok(_) => Ok(()),
            Err(_) => Err(self.tx.error().map_or_else(
                || StorageError::Other("the write was cancelled".into()),
                |e| classify(e.into()),
            )),
        }
    }
}

/// The request's result once it succeeds.
pub async fn result(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    match JsFuture::from(done).await {
        Ok(_) => req.result().map_err(classify),
        Err(_) => Err(req.error().ok().flatten().map_or_else(
            || StorageError::Other("a read failed".into()),
            |e| classify(e.into()),
        )),
    }
}

/// A browser error (a `DOMException` or an `Error`) as a `StorageError`.
pub fn classify(e: JsValue) -> StorageError {
    let name = crate::web::prop(&e, "name").as_string().unwrap_or_default();
    if name.contains("Quota") {
        StorageError::Quota
    } else {
        let msg = crate::web::prop(&e, "message")
            .as_string()
            .filter(|m| !m.is_empty())
            .unwrap_or(name);
        StorageError::Other(msg)
    }
}
