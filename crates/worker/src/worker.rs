//! The worker's message loop: read the corpus once (its documents, never its index), compare
//! on request, answer in postcard. The page may send its own corpus (the served one with the
//! articles a user added): then requests naming that corpus's fingerprint are answered from it.
//! A sharded served corpus is read from its manifest and the chunks of the articles compared.

use parallax_core::compare::{compare_with, Comparison};
use parallax_worker::compared::Corpus;
use parallax_worker::served::{fetch, now, scope, CORPUS_URL};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::MessageEvent;

/// What the page shows when it and the worker hold different bundles.
const STALE_PAGE: &str = "The site was updated after this page was loaded: the comparison engine read a newer corpus than the page shows. Reload the page to compare the current articles.";

/// What starts the sentences of this worker's errors.
const WHAT: &str = "The comparison";

thread_local! {
    /// The served corpus, fetched on first use (a sharded one grows by the chunks compared).
    static SERVED: RefCell<Option<Corpus>> = const { RefCell::new(None) };
    /// The page's own corpus, when it sent one (bytes checked like a fetched bundle).
    static SENT: RefCell<Option<Corpus>> = const { RefCell::new(None) };
}

pub fn start() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        let data = ev.data();
        // The page's corpus is taken at once, in message order, so the requests after it see it.
        if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            let corpus = Corpus::from_bytes(&bytes.to_vec()).ok();
            SENT.with(|s| *s.borrow_mut() = corpus);
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

async fn run(page_key: &str, ids: &[String]) -> Result<(f64, Vec<u8>), String> {
    let corpus = which(page_key).await?;
    // The page and the worker each fetched corpus.bin; after a redeploy between the two they
    // hold different corpora, and the ids the page sends may name other articles here.
    // Sent as a decimal string: a JavaScript number cannot hold 64 bits exactly.
    if with(corpus, |c| c.key().to_string()).as_deref() != Some(page_key) {
        return Err(STALE_PAGE.to_string());
    }
    // A sharded corpus: the chunks holding these articles, each checked against the manifest.
    for (need, path) in with(corpus, |c| c.missing(ids)).unwrap_or_default() {
        let bytes = fetch(WHAT, &path).await?;
        with(corpus, |c| c.add(need, &bytes))
            .transpose()
            .map_err(|e| format!("{WHAT} could not read “{path}”: {e}."))?;
    }
    // The entity mentions of the chosen documents come recognised when the corpus was bundled.
    let (docs, mentions) = with(corpus, |c| c.chosen(ids)).unwrap_or_default();
    let t0 = now();
    let result: Comparison = compare_with(&docs, Some(&mentions));
    let millis = now() - t0;
    let bytes = postcard::to_allocvec(&result)
        .map_err(|e| format!("The comparison could not be sent to the page: {e}."))?;
    Ok((millis, bytes))
}

/// Which corpus a request names by its key: the one the page sent, or the served one.
#[derive(Clone, Copy)]
enum Which {
    Sent,
    Served,
}

fn with<T>(which: Which, f: impl FnOnce(&mut Corpus) -> T) -> Option<T> {
    let cell = match which {
        Which::Sent => &SENT,
        Which::Served => &SERVED,
    };
    cell.with(|c| c.borrow_mut().as_mut().map(f))
}

/// The corpus the page names by `key`: the one it sent, or the served one (its `corpus.bin`
/// fetched on first use: a bundle's documents, never its search index, or a sharded corpus's
/// manifest).
async fn which(key: &str) -> Result<Which, String> {
    if with(Which::Sent, |c| c.key().to_string()).as_deref() == Some(key) {
        return Ok(Which::Sent);
    }
    if with(Which::Served, |_| ()).is_some() {
        return Ok(Which::Served);
    }
    let bytes = fetch(WHAT, CORPUS_URL).await?;
    let failed = |why: String| format!("{WHAT} could not read “{CORPUS_URL}”: {why}.");
    let corpus = Corpus::from_bytes(&bytes).map_err(|e| failed(e.to_string()))?;
    SERVED.with(|s| *s.borrow_mut() = Some(corpus));
    Ok(Which::Served)
}
