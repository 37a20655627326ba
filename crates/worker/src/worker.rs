//! The worker's message loop: load the bundle once, compare on request, answer in postcard.
//! The page may send its own corpus (the served one with the articles a user added): then
//! requests naming that corpus's fingerprint are answered from it.

use parallax_core::bundle::Documents;
use parallax_core::compare::{compare_with, Comparison};
use parallax_core::entities::Mention;
use parallax_core::Document;
use parallax_worker::served::{fetch_corpus, now, scope, CORPUS_URL};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::MessageEvent;

/// What the page shows when it and the worker hold different bundles.
const STALE_PAGE: &str = "The site was updated after this page was loaded: the comparison engine read a newer corpus than the page shows. Reload the page to compare the current articles.";

thread_local! {
    /// The served corpus, fetched on first use.
    static SERVED: RefCell<Option<Rc<Documents>>> = const { RefCell::new(None) };
    /// The page's own corpus, when it sent one (bytes checked like a fetched bundle).
    static SENT: RefCell<Option<Rc<Documents>>> = const { RefCell::new(None) };
}

pub fn start() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        let data = ev.data();
        // The page's corpus is taken at once, in message order, so the requests after it see it.
        if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            let bundle = Documents::from_bytes(&bytes.to_vec()).ok().map(Rc::new);
            SENT.with(|s| *s.borrow_mut() = bundle);
            return;
        }
        spawn_local(answer(data));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope().post_message(&JsValue::from_str("ready"));
}

/// Answers one request; never panics on a malformed one.
async fn answer(data: JsValue) {
    let Ok(request) = data.dyn_into::<js_sys::Array>() else {
        return;
    };
    let seq = request.get(0);
    let page_fingerprint = request.get(1).as_string().unwrap_or_default();
    let ids: Vec<String> = request
        .iter()
        .skip(2)
        .filter_map(|v| v.as_string())
        .collect();
    let reply = js_sys::Array::new();
    reply.push(&seq);
    match run(&page_fingerprint, &ids).await {
        Ok((millis, bytes)) => {
            reply.push(&JsValue::from_f64(millis));
            reply.push(&js_sys::Uint8Array::from(&bytes[..]));
        }
        Err(message) => {
            reply.push(&JsValue::from_str(&message));
        }
    }
    let _ = scope().post_message(&reply);
}

async fn run(page_fingerprint: &str, ids: &[String]) -> Result<(f64, Vec<u8>), String> {
    let bundle = bundle(page_fingerprint).await?;
    // The page and the worker each fetched corpus.bin; after a redeploy between the two they
    // hold different corpora, and the ids the page sends may name other articles here.
    // Sent as a decimal string: a JavaScript number cannot hold 64 bits exactly.
    if bundle.fingerprint().to_string() != page_fingerprint {
        return Err(STALE_PAGE.to_string());
    }
    let chosen: Vec<usize> = ids.iter().filter_map(|id| bundle.position(id)).collect();
    let docs: Vec<Document> = chosen
        .iter()
        .filter_map(|&i| bundle.documents.get(i).cloned())
        .collect();
    // The entity mentions of the chosen documents, recognised when the bundle was built.
    let mentions: Vec<Vec<Mention>> = chosen
        .iter()
        .map(|&i| bundle.mentions_of(i).to_vec())
        .collect();
    let t0 = now();
    let result: Comparison = compare_with(&docs, Some(&mentions));
    let millis = now() - t0;
    let bytes = postcard::to_allocvec(&result)
        .map_err(|e| format!("The comparison could not be sent to the page: {e}."))?;
    Ok((millis, bytes))
}

/// The documents and mentions (never the search index) of the corpus the page names by
/// `fingerprint`: the one it sent, or the served one (fetched on first use).
async fn bundle(fingerprint: &str) -> Result<Rc<Documents>, String> {
    let sent = SENT.with(|s| s.borrow().clone());
    if let Some(b) = sent.filter(|b| b.fingerprint().to_string() == fingerprint) {
        return Ok(b);
    }
    if let Some(b) = SERVED.with(|b| b.borrow().clone()) {
        return Ok(b);
    }
    let bytes = fetch_corpus("The comparison").await?;
    let failed = |why: String| format!("The comparison could not read “{CORPUS_URL}”: {why}.");
    let bundle = Rc::new(Documents::from_bytes(&bytes).map_err(|e| failed(e.to_string()))?);
    SERVED.with(|b| *b.borrow_mut() = Some(bundle.clone()));
    Ok(bundle)
}
