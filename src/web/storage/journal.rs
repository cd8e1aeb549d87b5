//! The journal's browser side (`core::journal`): one localStorage entry per page,
//! `gloss-journal.<time>.<id>` (keys that sort oldest first, outside the `gloss.` keys the
//! old-library move takes), written synchronously so a reload right after a change still
//! finds it. Nothing here fails loudly: without localStorage the store alone holds the work.

use crate::core::journal::Journal;

const PREFIX: &str = "gloss-journal.";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This page's key: the time it started, then an id of its own.
pub fn page_key() -> String {
    format!(
        "{PREFIX}{}.{}",
        super::super::now_iso(),
        super::super::new_id("p")
    )
}

/// Keeps `journal` as this page's (`key`), or removes the entry when it is empty. False
/// when it could not be kept (no localStorage, or no room).
pub fn keep(key: &str, journal: &Journal) -> bool {
    let Some(ls) = local() else { return false };
    if journal.is_empty() {
        return ls.remove_item(key).is_ok();
    }
    if ls.set_item(key, &journal.to_text()).is_ok() {
        return true;
    }
    // no room: an older journal of this page must not stay in its place (it would be
    // replayed over newer work)
    let _ = ls.remove_item(key);
    false
}

/// Every journal but `mine`, oldest first: (key, raw text).
pub fn left(mine: &str) -> Vec<(String, String)> {
    let Some(ls) = local() else { return Vec::new() };
    let n = ls.length().unwrap_or(0);
    let mut out: Vec<(String, String)> = (0..n)
        .filter_map(|i| ls.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX) && k != mine)
        .filter_map(|k| {
            let v = ls.get_item(&k).ok().flatten()?;
            Some((k, v))
        })
        .collect();
    crate::core::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}

/// Removes journals that have been replayed (and are now in this page's own).
pub fn forget(keys: &[String]) {
    if let Some(ls) = local() {
        for k in keys {
            let _ = ls.remove_item(k);
        }
    }
}
