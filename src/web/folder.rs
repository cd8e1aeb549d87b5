//! Folders in: the files of a folder chosen with *Import folder* (`<input webkitdirectory>`)
//! or dropped on the page, each with its path inside the folder, as `core::folder` takes
//! them. A dropped folder is walked through the browser's entries API (`webkitGetAsEntry`),
//! its subfolders too.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, ErrorCallback, File, FileList, FileSystemDirectoryEntry, FileSystemEntry,
    FileSystemFileEntry,
};

/// A file of a folder, and its path from the folder's own name (`out/sub/a.json`).
pub struct InFolder {
    pub path: String,
    pub file: File,
}

/// The files of an `<input webkitdirectory>`: their paths are `webkitRelativePath`.
pub fn chosen(list: Option<FileList>) -> Walked {
    let files = super::files::files_of(list)
        .into_iter()
        .map(|file| {
            let path = super::prop(&file, "webkitRelativePath")
                .as_string()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| file.name());
            InFolder { path, file }
        })
        .collect();
    Walked {
        files,
        unread: Vec::new(),
        skipped: 0,
    }
}

/// The entries of a drop, taken while the drop event lasts (the browser empties its data
/// after), when at least one of them is a folder; `None` for loose files alone.
pub fn dropped(dt: &DataTransfer) -> Option<Vec<FileSystemEntry>> {
    let items = dt.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    entries.iter().any(|e| e.is_directory()).then_some(entries)
}

/// What walking a dropped folder found: its files of the kinds Gloss reads, those the
/// browser would not give, and how many it skipped unopened (hidden, or of other kinds:
/// `core::folder::kind`).
pub struct Walked {
    pub files: Vec<InFolder>,
    pub unread: Vec<Unread>,
    pub skipped: usize,
}

/// A file or folder the browser would not read, and its words.
pub struct Unread {
    pub path: String,
    pub why: String,
}

/// At most this many entries are walked: a folder this big is imported in parts.
pub const MAX_ENTRIES: usize = 100_000;

/// Every file under the dropped entries, walked one folder at a time; hidden folders are
/// not gone into. An error only when the folder holds more than `MAX_ENTRIES` entries.
pub async fn walk(entries: Vec<FileSystemEntry>) -> Result<Walked, String> {
    let mut out = Walked {
        files: Vec::new(),
        unread: Vec::new(),
        skipped: 0,
    };
    let mut seen = 0;
    let mut todo = entries;
    while let Some(entry) = todo.pop() {
        seen += 1;
        if seen > MAX_ENTRIES {
            return Err(format!(
                "The folder holds more than {MAX_ENTRIES} files and folders; import it in parts."
            ));
        }
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.name().starts_with('.') {
            out.skipped += usize::from(entry.is_file());
            continue;
        }
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // `readEntries` gives a folder's entries a batch at a time, then an empty batch
            loop {
                let batch = called(|ok, err| {
                    if let Err(e) = reader.read_entries_with_callback_and_error_callback(ok, err) {
                        let _ = err.unchecked_ref::<Function>().call1(&JsValue::NULL, &e);
                    }
                })
                .await;
                let Ok(batch) = batch else {
                    out.unread.push(Unread {
                        path: path.clone(),
                        why: "the browser would not list this folder".into(),
                    });
                    break;
                };
                let batch: Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                todo.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
            }
        } else if entry.is_file() {
            if crate::core::folder::kind(&path) == crate::core::folder::Kind::Other {
                out.skipped += 1;
                continue;
            }
            let file = entry.unchecked_into::<FileSystemFileEntry>();
            match called(|ok, err| file.file_with_callback_and_error_callback(ok, err)).await {
                Ok(file) => out.files.push(InFolder {
                    path,
                    file: file.unchecked_into(),
                }),
                Err(_) => out.unread.push(Unread {
                    path,
                    why: "the browser would not read this file".into(),
                }),
            }
        }
    }
    Ok(out)
}

/// The value a callback-style browser call hands its success callback, or its error.
async fn called(start: impl FnOnce(&Function, &ErrorCallback)) -> Result<JsValue, JsValue> {
    let mut start = Some(start);
    let promise = Promise::new(&mut |ok, err| {
        if let Some(start) = start.take() {
            start(&ok, err.unchecked_ref());
        }
    });
    JsFuture::from(promise).await
}
