//! The ingest worker's message loop: one request at a time, progress while adding, the corpus
//! after every change.

use crate::store;
use js_sys::{Array, Promise, Uint8Array};
use parallax_core::ingest::batch::InputFile;
use parallax_core::Bundle;
use parallax_worker::served::{fetch_corpus, now, scope, CORPUS_URL};
use parallax_worker::session::{Added, Edited, Session};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::MessageEvent;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    static SERVED: RefCell<Option<Rc<Bundle>>> = const { RefCell::new(None) };
    static SHOW_SERVED: Cell<bool> = const { Cell::new(true) };
    static QUEUE: RefCell<VecDeque<Array>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static CANCEL: Cell<bool> = const { Cell::new(false) };
}

pub fn start() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        let Ok(request) = ev.data().dyn_into::<Array>() else {
            return;
        };
        if request.get(0).as_string().as_deref() == Some("cancel") {
            CANCEL.with(|c| c.set(true));
            return;
        }
        QUEUE.with(|q| q.borrow_mut().push_back(request));
        if !RUNNING.with(|r| r.replace(true)) {
            spawn_local(pump());
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope().post_message(&JsValue::from_str("ready"));
}

/// Runs the queued requests in order.
async fn pump() {
    while let Some(request) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        let kind = request.get(0).as_string().unwrap_or_default();
        let result = match kind.as_str() {
            "restore" => {
                // Whether to show the served articles too, as the page's URL says (`mine=1`).
                SHOW_SERVED.with(|s| s.set(request.get(1).as_bool().unwrap_or(true)));
                restore().await
            }
            "add" => add(request.iter().skip(1).collect()).await,
            "remove" => match request.get(1).as_string() {
                Some(name) => remove(Some(name)).await,
                None => Ok(()),
            },
            "clear" => remove(None).await,
            "edit" => edit(&request).await,
            "served" => {
                SHOW_SERVED.with(|s| s.set(request.get(1).as_bool().unwrap_or(true)));
                send_corpus(Added::default(), String::new()).await
            }
            "export" => {
                let bytes = SESSION.with(|s| s.borrow().export_bundle());
                post(&[
                    "download".into(),
                    "corpus.bin".into(),
                    Uint8Array::from(&bytes[..]).into(),
                ]);
                Ok(())
            }
            "zip" => match SESSION.with(|s| s.borrow().export_zip()) {
                Some(bytes) => {
                    post(&["download".into(), "articles.zip".into(), Uint8Array::from(&bytes[..]).into()]);
                    Ok(())
                }
                None => Err("The added articles are too many or too large for one .zip file (4 GiB, 65,535 files).".into()),
            },
            _ => Ok(()),
        };
        if let Err(message) = result {
            post(&["failed".into(), JsValue::from_str(&message)]);
        }
    }
    RUNNING.with(|r| r.set(false));
}

fn post(parts: &[JsValue]) {
    let message: Array = parts.iter().collect();
    let _ = scope().post_message(&message);
}

/// Lets the worker take the messages waiting (a cancel) before going on.
async fn pause() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

async fn served() -> Result<Rc<Bundle>, String> {
    if let Some(b) = SERVED.with(|b| b.borrow().clone()) {
        return Ok(b);
    }
    let bytes = fetch_corpus("Adding articles").await?;
    let bundle = Rc::new(
        Bundle::from_bytes(&bytes)
            .map_err(|e| format!("Adding articles could not read “{CORPUS_URL}”: {e}."))?,
    );
    SERVED.with(|b| *b.borrow_mut() = Some(bundle.clone()));
    Ok(bundle)
}

/// Sends the page its corpus, the kept files and what happened to the others.
async fn send_corpus(added: Added, storage: String) -> Result<(), String> {
    let base = if SHOW_SERVED.with(Cell::get) {
        Some(served().await?)
    } else {
        None
    };
    let edited = SESSION.with(|s| s.borrow().edited());
    let (bytes, files) = SESSION.with(|s| {
        let s = s.borrow();
        let bytes = s.corpus(base.as_deref()).to_bytes();
        let files: Array = s
            .kept()
            .iter()
            .map(|k| -> JsValue {
                [
                    JsValue::from_str(&k.file.name),
                    JsValue::from_str(&k.original),
                    JsValue::from_f64(s.documents_of(&k.file.name) as f64),
                ]
                .iter()
                .collect::<Array>()
                .into()
            })
            .collect();
        (bytes, files)
    });
    let strings = |v: &[String]| -> JsValue {
        v.iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into()
    };
    post(&[
        "corpus".into(),
        Uint8Array::from(&bytes[..]).into(),
        files.into(),
        strings(&added.problems),
        strings(&added.notes),
        JsValue::from_str(&storage),
        edited
            .iter()
            .map(|(file, keys)| -> JsValue {
                [JsValue::from_str(file), strings(keys)]
                    .iter()
                    .collect::<Array>()
                    .into()
            })
            .collect::<Array>()
            .into(),
    ]);
    Ok(())
}

/// Reads the kept files back (after a reload).
async fn restore() -> Result<(), String> {
    let loaded = match store::load().await {
        Ok(k) => k,
        Err(message) => return send_corpus(Added::default(), message).await,
    };
    let edited: Vec<(String, Vec<String>)> = loaded
        .files
        .iter()
        .filter(|f| !f.2.is_empty())
        .map(|f| (f.1.name.clone(), f.2.clone()))
        .collect();
    let files = loaded.files.into_iter().map(|(o, f, _)| (o, f)).collect();
    let mut added = Added::default();
    read_prepared(files, &mut added).await;
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        for (name, keys) in &edited {
            s.mark_edited(name, keys);
        }
        for (file, correction) in loaded.edits {
            s.restore_edit(file, correction);
        }
    });
    send_corpus(added, String::new()).await
}

/// Reads, adds and keeps a selection of files.
async fn add(files: Vec<JsValue>) -> Result<(), String> {
    let mut read = Vec::new();
    let mut added = Added::default();
    for f in files {
        // A sentence from the page: a dropped entry it could not read.
        if let Some(problem) = f.as_string() {
            added.problems.push(problem);
            continue;
        }
        let Ok(file) = f.dyn_into::<web_sys::File>() else {
            continue;
        };
        let name = file.name();
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => read.push((name, Uint8Array::new(&buffer).to_vec())),
            // A folder dropped where the browser gives no entries arrives as an unreadable file.
            Err(_) => added.problems.push(format!(
                "{name}: could not be read (a folder? use “Add a folder”)"
            )),
        }
    }
    let (prepared, notes) = Session::prepare(read);
    added.notes = notes;
    read_prepared(prepared, &mut added).await;
    let storage = if added.kept.is_empty() {
        String::new()
    } else {
        store::put(&added.kept).await.err().unwrap_or_default()
    };
    send_corpus(added, storage).await
}

/// Adds prepared files (`(name as given, file)`) one at a time, telling the page how far it is
/// every 100 ms and taking the messages waiting then, and stops at a cancel (the files read so
/// far stay added, and a note says so).
async fn read_prepared(files: Vec<(String, InputFile)>, added: &mut Added) {
    CANCEL.with(|c| c.set(false));
    let total = files.len();
    let mut last = now();
    for (i, (original, file)) in files.into_iter().enumerate() {
        if CANCEL.with(Cell::get) {
            added.notes.push(format!(
                "Stopped after {i} of {total} files: the files read before stopping were added."
            ));
            break;
        }
        match SESSION.with(|s| s.borrow_mut().add(&original, file)) {
            Ok(k) => added.kept.push(k),
            Err(p) => added.problems.extend(p),
        }
        if now() - last > 100.0 || i + 1 == total {
            post(&[
                "progress".into(),
                JsValue::from_f64((i + 1) as f64),
                JsValue::from_f64(total as f64),
            ]);
            pause().await;
            last = now();
        }
    }
}

/// `["edit", file, key, value, key, value, …]`: corrects an article's metadata and keeps the
/// correction.
async fn edit(request: &Array) -> Result<(), String> {
    let file = request.get(1).as_string().unwrap_or_default();
    let strings: Vec<String> = request
        .iter()
        .skip(2)
        .map(|v| v.as_string().unwrap_or_default())
        .collect();
    let edits: Vec<(&str, &str)> = strings
        .chunks_exact(2)
        .filter_map(|kv| Some((kv.first()?.as_str(), kv.get(1)?.as_str())))
        .collect();
    let edited = SESSION.with(|s| s.borrow_mut().edit(&file, &edits))?;
    let storage = match edited {
        Edited::Kept(k) => store::put(std::slice::from_ref(&k)).await,
        Edited::Served(file, correction) => store::put_edit(&file, &correction).await,
    }
    .err()
    .unwrap_or_default();
    send_corpus(Added::default(), storage).await
}

async fn remove(name: Option<String>) -> Result<(), String> {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        match &name {
            Some(n) => s.remove(n),
            None => {
                *s = Session::new();
            }
        }
    });
    let storage = store::remove(name.as_deref())
        .await
        .err()
        .unwrap_or_default();
    send_corpus(Added::default(), storage).await
}
