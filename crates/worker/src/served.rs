//! The worker's scope, its clock, and the served corpus's bytes: `corpus.bin`, next to the worker's own
//! script (so a sub-path deployment works; the browser's cache answers, as the page read it).
//! A sharded corpus (`corpus.bin` is then its manifest) is fetched whole and handed on as the
//! bundle it makes: the workers compare and extend whole corpora.

use parallax_core::bundle::{LazyBundle, MANIFEST_MAGIC};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::DedicatedWorkerGlobalScope;

/// The bundle, relative to the worker's script.
pub const CORPUS_URL: &str = "corpus.bin";

pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Milliseconds on the worker's clock.
pub fn now() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Fetches the served bundle's bytes; `what` starts the error sentence ("The comparison").
pub async fn fetch_corpus(what: &str) -> Result<Vec<u8>, String> {
    let bytes = fetch(what, CORPUS_URL).await?;
    if !bytes.starts_with(MANIFEST_MAGIC) {
        return Ok(bytes);
    }
    let failed = |why: String| format!("{what} could not read “{CORPUS_URL}”: {why}.");
    let mut lazy = LazyBundle::from_manifest(&bytes).map_err(|e| failed(e.to_string()))?;
    for need in lazy.all_needs() {
        let path = lazy.file(need).map(|f| f.path.clone()).unwrap_or_default();
        let part = fetch(what, &path).await?;
        lazy.add(need, &part).map_err(|e| failed(e.to_string()))?;
    }
    let bundle = lazy.into_bundle().map_err(|e| failed(e.to_string()))?;
    Ok(bundle.to_bytes())
}

/// Fetches one file relative to the worker's script; `what` starts the error sentence.
pub async fn fetch(what: &str, url: &str) -> Result<Vec<u8>, String> {
    let failed = |why: &str| format!("{what} could not read “{url}”: {why}.");
    let response = JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(|_| failed("the network request failed"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed("the browser returned no response"))?;
    if !response.ok() {
        return Err(failed(&format!(
            "the server answered {}",
            response.status()
        )));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| failed("its body could not be read"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| failed("its body could not be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
