//! The move from the library's old home, localStorage (one entry per article, an index,
//! the identities), into IndexedDB: everything copied as raw text in one transaction (a
//! damaged entry stays damaged, so it is quarantined and offered as before), and the old
//! entries removed only once that transaction is written. Run at every start while old
//! entries remain: a move cut short is finished, and what the store already holds is
//! never written over (`core::stored::plan_migration`).

use super::idb::{self, Tx, ARTICLES, IDENTITIES, INDEX, META};
use super::StorageError;
use crate::core::stored::plan_migration;
use web_sys::IdbDatabase;

/// Every localStorage entry of Gloss's (keys starting `gloss.`), with its value.
fn old_entries(ls: &web_sys::Storage) -> Vec<(String, String)> {
    let n = ls.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| ls.key(i).ok().flatten())
        .filter(|k| k.starts_with("gloss."))
        .filter_map(|k| {
            let v = ls.get_item(&k).ok().flatten()?;
            Some((k, v))
        })
        .collect()
}

/// Moves the old library in, if there is one. Returns how many articles were copied.
pub async fn run(db: &IdbDatabase) -> Result<usize, StorageError> {
    let Some(ls) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Ok(0);
    };
    let old = old_entries(&ls);
    if old.is_empty() {
        return Ok(0);
    }
    // read what the store holds and write the copy in one transaction: no other tab's
    // write comes between
    let tx = Tx::new(db, true)?;
    let (articles, meta) = (tx.store(ARTICLES)?, tx.store(META)?);
    let requests = (
        articles.get_all_keys(),
        meta.get(&INDEX.into()),
        meta.get(&IDENTITIES.into()),
    );
    let (Ok(keys), Ok(index), Ok(ids)) = requests else {
        return Err(tx.abort(StorageError::Other("the store could not be read".into())));
    };
    let keys = idb::result(&keys).await?;
    let has_index = !idb::result(&index).await?.is_undefined();
    let has_ids = !idb::result(&ids).await?.is_undefined();
    let stored: Vec<String> = js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let plan = plan_migration(old, &stored, has_index, has_ids);
    let mut puts = Vec::new();
    for (id, raw) in &plan.articles {
        puts.push(articles.put_with_key(&raw.into(), &id.into()));
    }
    if let Some(raw) = &plan.index {
        puts.push(meta.put_with_key(&raw.into(), &INDEX.into()));
    }
    if let Some(raw) = &plan.identities {
        puts.push(meta.put_with_key(&raw.into(), &IDENTITIES.into()));
    }
    if let Some(Err(e)) = puts.into_iter().find(Result::is_err) {
        return Err(tx.abort(idb::classify(e)));
    }
    tx.finish().await?;
    for key in &plan.old_keys {
        let _ = ls.remove_item(key);
    }
    Ok(plan.articles.len())
}
