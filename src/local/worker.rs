//! The page's side of the ingest worker: starts it on first use (adding, or reading back the
//! articles kept by an earlier visit), posts requests, and applies its answers: progress, the
//! new corpus, downloads. See `crates/worker/src/ingest/main.rs` for the messages. Requests
//! come through `lazy::send`, which fetches this code first.

use super::{corpus_arrived, fail, remember_kept, update, LocalFile};
use crate::worker_link::WorkerLink;
use js_sys::{Array, Uint8Array};
use parallax_core::Bundle;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader script (Trunk's loader shim), relative to the page's `<base>`.
const WORKER_URL: &str = "ingest_worker_loader.js";

struct State {
    link: WorkerLink,
    /// The page's corpus as the worker sent it, and its fingerprint: the comparison worker gets
    /// these bytes, so it compares the articles the page shows.
    corpus: Option<(u64, Uint8Array)>,
}

thread_local! {
    static STATE: RefCell<State> = const {
        RefCell::new(State {
            link: WorkerLink::new(WORKER_URL),
            corpus: None,
        })
    };
}

/// Posts a request (`["add", File, …]`, `["remove", name]`, …), starting the worker if needed.
pub(super) fn post(parts: &[JsValue]) {
    let message: Array = parts.iter().collect();
    let started = STATE.with(|s| {
        s.borrow_mut()
            .link
            .post(message.into(), on_message, on_error)
    });
    if started.is_err() {
        fail(format!(
            "Adding articles needs “{WORKER_URL}”, which this browser could not start."
        ));
    }
}

/// The page's corpus for the comparison worker, when it is not the served `corpus.bin`.
pub fn corpus_for_comparison() -> Option<(u64, Uint8Array)> {
    STATE.with(|s| s.borrow().corpus.clone())
}

fn on_error() {
    STATE.with(|s| s.borrow_mut().link.stop());
    fail(format!(
        "Reading the articles (“{WORKER_URL}”) failed to load or stopped. Reload the page to try again."
    ));
}

fn strings(v: JsValue) -> Vec<String> {
    Array::from(&v)
        .iter()
        .filter_map(|x| x.as_string())
        .collect()
}

fn on_message(data: JsValue) {
    if STATE.with(|s| s.borrow_mut().link.take_ready(&data)) {
        return;
    }
    let Ok(reply) = data.dyn_into::<Array>() else {
        return;
    };
    match reply.get(0).as_string().as_deref() {
        Some("progress") => {
            let n = |i| reply.get(i).as_f64().unwrap_or(0.0) as u32;
            update(|s| s.progress = Some((n(1), n(2))));
        }
        Some("corpus") => on_corpus(&reply),
        Some("download") => {
            if let (Some(name), Ok(bytes)) = (
                reply.get(1).as_string(),
                reply.get(2).dyn_into::<Uint8Array>(),
            ) {
                let mime = if name.ends_with(".zip") {
                    "application/zip"
                } else {
                    "application/octet-stream"
                };
                crate::export::download(&name, mime, &bytes.to_vec());
            }
            update(|s| s.busy = false);
        }
        Some("failed") => fail(reply.get(1).as_string().unwrap_or_default()),
        _ => {}
    }
}

fn on_corpus(reply: &Array) {
    let Ok(bytes) = reply.get(1).dyn_into::<Uint8Array>() else {
        return fail("The added articles arrived damaged.".into());
    };
    let bundle = match Bundle::from_bytes(&bytes.to_vec()) {
        Ok(b) => b,
        Err(e) => return fail(format!("The added articles could not be shown: {e}.")),
    };
    let files: Vec<LocalFile> = Array::from(&reply.get(2))
        .iter()
        .map(|f| {
            let f = Array::from(&f);
            LocalFile {
                stored: f.get(0).as_string().unwrap_or_default(),
                original: f.get(1).as_string().unwrap_or_default(),
                documents: f.get(2).as_f64().unwrap_or(0.0) as usize,
            }
        })
        .collect();
    let (problems, notes) = (strings(reply.get(3)), strings(reply.get(4)));
    let warning = reply.get(5).as_string().unwrap_or_default();
    let edited: Vec<(String, Vec<String>)> = Array::from(&reply.get(6))
        .iter()
        .filter_map(|e| {
            let e = Array::from(&e);
            Some((e.get(0).as_string()?, strings(e.get(1))))
        })
        .collect();
    let edited_count = edited.len();
    STATE.with(|s| s.borrow_mut().corpus = Some((bundle.fingerprint(), bytes)));
    let mut hidden = false;
    update(|s| {
        s.busy = false;
        s.progress = None;
        s.files = files.clone();
        s.problems = problems;
        s.notes = notes;
        s.warning = warning.clone();
        s.edited = edited;
        hidden = s.served_hidden;
        if !s.files.is_empty() {
            s.scope_note.clear();
        }
    });
    if warning.is_empty() {
        // Corrections of served articles are kept too, and read back the same way.
        remember_kept(files.len() + edited_count);
    }
    corpus_arrived(Some(bundle));
    if hidden && files.is_empty() {
        // The added articles alone, and there are none (all removed, or none kept).
        super::nothing_of_mine(
            "No article added in this browser is left to show alone: here are the site's articles.",
        );
    }
}
