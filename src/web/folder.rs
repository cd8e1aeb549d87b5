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
pub fn chosen(list: Option<FileList>) -> Vec<InFolder> {
    super::files::files_of(list)
        .into_iter()
        .map(|file| {
            let path = super::prop(&file, "webkitRelativePath")
                .as_string()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| file.name());
            InFolder { path, file }
        })
        .collect()
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

/// Every file under the dropped entries, walked one folder at a time. A folder or file the
/// browser will not read is an error with its path.
pub async fn walk(entries: Vec<FileSystemEntry>) -> Result<Vec<InFolder>, String> {
    let mut out = Vec::new();
    let mut todo = entries;
    while let Some(entry) = todo.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // `readEntries` gives a folder's entries a batch at a time, then an empty batch
            loop {
                let batch = called(|ok, err| {
                    let _ = reader.read_entries_with_callback_and_error_callback(ok, err);
                })
                .await
                .map_err(|_| format!("The folder “{path}” could not be read."))?;
                let batch: Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                todo.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
            }
        } else if entry.is_file() {
            let file = entry.unchecked_into::<FileSystemFileEntry>();
            let file = called(|ok, err| file.file_with_callback_and_error_callback(ok, err))
                .await
                .map_err(|_| format!("“{path}” could not be read."))?;
            out.push(InFolder {
                path,
                file: file.unchecked_into(),
            });
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
