//! Files dropped anywhere on the page are added (the browser would otherwise open the first one
//! in place of the app), and so are the files inside dropped folders, read with the File and
//! Directory Entries API (`webkitGetAsEntry`), subfolders included. The listener is in the
//! main module (a drop's data must be taken while the event lasts); reading folders is in the
//! module fetched later (`lazy.rs`).

use js_sys::{Array, Promise};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, DragEvent, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

/// Listens for drops on the whole window, once per page load.
pub fn install_drop() {
    let over = Closure::<dyn Fn(DragEvent)>::new(|ev: DragEvent| {
        // Accepting the drag is what makes the drop event fire.
        ev.prevent_default();
    });
    let dropped = Closure::<dyn Fn(DragEvent)>::new(|ev: DragEvent| {
        ev.prevent_default();
        let Some(dt) = ev.data_transfer() else {
            return;
        };
        // The entries are taken now: the drop's data is gone once the event is over.
        let entries = entries_of(&dt);
        if entries.iter().any(FileSystemEntry::is_directory) {
            super::lazy::add_folders(entries);
        } else if let Some(files) = dt.files() {
            super::controls::add_files(&files);
        }
    });
    let w = window();
    let _ = w.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("drop", dropped.as_ref().unchecked_ref());
    over.forget();
    dropped.forget();
}

/// The dropped items as file-system entries (none for items that are not files).
fn entries_of(dt: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = dt.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

/// Adds every file under the entries, once they are read.
pub fn add_folders(entries: Vec<FileSystemEntry>) {
    spawn_local(async move {
        let (files, problems) = files_in(entries).await;
        super::controls::add_values(files, problems);
    });
}

/// Every file under the entries, in folder order, and a sentence for each folder or file that
/// could not be read (or a folder with no file).
async fn files_in(entries: Vec<FileSystemEntry>) -> (Vec<JsValue>, Vec<String>) {
    let mut queue: VecDeque<FileSystemEntry> = entries.into();
    let (mut files, mut problems) = (Vec::new(), Vec::new());
    while let Some(entry) = queue.pop_front() {
        let path = entry.full_path();
        let path = path.trim_start_matches('/');
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            let mut empty = true;
            // readEntries gives a folder's entries in batches until an empty one.
            loop {
                match read_entries(&reader).await {
                    Ok(batch) if batch.is_empty() => break,
                    Ok(batch) => {
                        empty = false;
                        queue.extend(batch);
                    }
                    Err(()) => {
                        problems.push(format!("{path}/: this folder could not be read"));
                        break;
                    }
                }
            }
            if empty {
                problems.push(format!("{path}/: the folder is empty"));
            }
        } else if entry.is_file() {
            match file_of(entry.unchecked_ref()).await {
                Some(file) => files.push(file),
                None => problems.push(format!("{path}: could not be read")),
            }
        }
    }
    (files, problems)
}

async fn read_entries(reader: &FileSystemDirectoryReader) -> Result<Vec<FileSystemEntry>, ()> {
    let mut asked = Ok(());
    let promise = Promise::new(&mut |resolve, reject| {
        // A function is a valid error callback (WebIDL callback interface).
        asked =
            reader.read_entries_with_callback_and_error_callback(&resolve, reject.unchecked_ref());
    });
    asked.map_err(|_| ())?;
    let batch = JsFuture::from(promise).await.map_err(|_| ())?;
    // Not `dyn_into`: Chromium names the classes `DirectoryEntry` and `FileEntry`, with no
    // `FileSystemEntry` global for an `instanceof` check to find.
    Ok(Array::from(&batch)
        .iter()
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into::<FileSystemEntry>)
        .collect())
}

async fn file_of(entry: &FileSystemFileEntry) -> Option<JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_error_callback(&resolve, reject.unchecked_ref());
    });
    JsFuture::from(promise).await.ok()
}
