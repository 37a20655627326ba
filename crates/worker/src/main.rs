//! The comparison worker: runs `parallax_core::compare` in a web worker, off the page's thread
//! and in its own wasm module, which the page loads only when a comparison is opened; the
//! comparison engine is then no part of the app's first load.
//!
//! Messages (structured clone):
//! - worker → page, once: the string `"ready"` when it listens.
//! - page → worker: an array `[seq, key, id, id, …]`: a request number, the key of the page's
//!   corpus as a decimal string (its `Bundle::fingerprint`; of the served sharded corpus, its
//!   manifest's checksum, however much of it either side has loaded), and the documents to
//!   compare, in column order.
//! - worker → page: `[seq, milliseconds, bytes]`, the `Comparison` as postcard bytes and the
//!   time `compare` took; or `[seq, message]`, a sentence saying what went wrong.
//!
//! - page → worker: a `Uint8Array`, the page's own corpus (the served one with the articles a
//!   user added in the page, as the ingest worker built it); requests naming its fingerprint
//!   are answered from it.
//!
//! Otherwise the worker reads the same `corpus.bin` the page loaded (next to its own script, so
//! the sub-path works; the browser's cache answers): a bundle's documents and mentions, never
//! its search index; of a sharded corpus, the manifest and the chunks of the articles compared
//! (`compared.rs`). It refuses a request whose key is not its corpus's: after a redeploy
//! between the page's load and the worker's, the two would otherwise compare different
//! corpora. The page then asks to be reloaded.

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Natively there is nothing to run: the binary exists so that `cargo test` and `clippy` check it.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("compare_worker runs in a browser (a web worker started by the Parallax app).");
}
