//! The page's side of the comparison worker (`crates/worker`): starts it on first use, sends
//! requests, and decodes its answers. The comparison engine lives in the worker's own wasm
//! module, so this app's first load does not carry it, and a long comparison never freezes the
//! page.

use crate::worker_link::WorkerLink;
use parallax_core::compare::Comparison;
use parallax_core::Bundle;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader script (Trunk's loader shim), relative to the page's `<base>`.
const WORKER_URL: &str = "compare_worker_loader.js";

/// What a request gets back: the comparison and the milliseconds it took in the worker, or a
/// sentence saying what went wrong.
pub type Answer = Result<(Comparison, f64), String>;

type Callback = Box<dyn FnOnce(Answer)>;

struct State {
    link: WorkerLink,
    /// The fingerprint of the page's own corpus last sent to the worker (articles added in the
    /// page; see `crate::local`).
    sent: Option<u64>,
    next: u32,
    pending: HashMap<u32, Callback>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        link: WorkerLink::new(WORKER_URL),
        sent: None,
        next: 0,
        pending: HashMap::new(),
    });
}

/// Asks the worker to compare these documents of `bundle` (ids in column order); `done` runs
/// once with the answer. The worker refuses if its corpus is not this one (see its `main.rs`).
pub fn request(bundle: &Bundle, ids: &[String], done: impl FnOnce(Answer) + 'static) {
    let message = js_sys::Array::new();
    let started = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let seq = s.next;
        s.next += 1;
        // The worker reads the served corpus.bin itself; a corpus with added articles is sent
        // first, once, so the request's key names a corpus the worker holds.
        let mut outgoing: Vec<JsValue> = Vec::new();
        let own = crate::local::corpus_for_comparison()
            .filter(|(fingerprint, _)| *fingerprint == bundle.fingerprint());
        let key = match own {
            Some((fingerprint, bytes)) => {
                if s.sent != Some(fingerprint) {
                    s.sent = Some(fingerprint);
                    outgoing.push(bytes.into());
                }
                fingerprint
            }
            // The served corpus: a sharded one by its manifest (the page's bundle changes as
            // its files arrive; the worker reads only the chunks it compares).
            None => crate::shards::served_key().unwrap_or_else(|| bundle.fingerprint()),
        };
        message.push(&JsValue::from(seq));
        message.push(&JsValue::from_str(&key.to_string()));
        for id in ids {
            message.push(&JsValue::from_str(id));
        }
        s.pending.insert(seq, Box::new(done));
        outgoing.push(message.into());
        outgoing
            .into_iter()
            .try_for_each(|m| s.link.post(m, on_message, on_error))
    });
    if started.is_err() {
        fail_all(format!(
            "The comparison engine (“{WORKER_URL}”) could not be started in this browser."
        ));
    }
}

fn on_error() {
    // Start afresh on the next request.
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.link.stop();
        s.sent = None;
    });
    fail_all(format!(
        "The comparison engine (“{WORKER_URL}”) failed to load or stopped. Reload the page to try again."
    ));
}

fn on_message(data: JsValue) {
    if STATE.with(|s| s.borrow_mut().link.take_ready(&data)) {
        return;
    }
    let Ok(reply) = data.dyn_into::<js_sys::Array>() else {
        return;
    };
    let Some(seq) = reply.get(0).as_f64().map(|n| n as u32) else {
        return;
    };
    let answer = match (
        reply.get(1).as_f64(),
        reply.get(2).dyn_into::<js_sys::Uint8Array>(),
    ) {
        (Some(millis), Ok(bytes)) => postcard::from_bytes::<Comparison>(&bytes.to_vec())
            .map(|c| (c, millis))
            .map_err(|e| format!("The comparison engine's answer could not be read ({e}).")),
        _ => Err(reply
            .get(1)
            .as_string()
            .unwrap_or_else(|| "The comparison engine gave no answer.".to_string())),
    };
    let callback = STATE.with(|s| s.borrow_mut().pending.remove(&seq));
    if let Some(cb) = callback {
        cb(answer);
    }
}

/// A link target that reloads the page, for the messages that ask for it (a worker that failed
/// or holds another bundle). Absolute, so that the app's own link handling, which keeps
/// `?…` links inside the page, leaves it to the browser.
pub fn reload_href() -> String {
    leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default()
}

/// Answers every waiting request with `msg`.
fn fail_all(msg: String) {
    let pending: Vec<Callback> =
        STATE.with(|s| s.borrow_mut().pending.drain().map(|(_, cb)| cb).collect());
    for cb in pending {
        cb(Err(msg.clone()));
    }
}
