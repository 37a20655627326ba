//! The ingest worker: reads the files a user adds in the page with the same core code as
//! `parallax bundle` (`session.rs`), keeps them in this browser's IndexedDB (`store.rs`), and
//! gives the page its corpus: the served articles with the added ones after them. A separate
//! wasm module, started only when articles are added or were kept, so neither the page's first
//! load nor the comparison worker carries the parser, the recogniser or the HTML reader.
//!
//! Messages (structured clone), handled one at a time in order (but `cancel`):
//! - page → worker: `["restore", show_served]` (read the kept files back; with the served
//!   articles or without), `["add", File, …, sentence, …]` (files, and the
//!   entries the page could not read, named), `["cancel"]` (stop adding after the current
//!   file; the files read so far stay added), `["remove", name]`, `["clear"]`,
//!   `["served", bool]` (show or hide the served articles),
//!   `["export"]` (the kept files' `corpus.bin`), `["zip"]` (the kept files and sidecars),
//!   `["edit", file, key, value, …]` (correct an article's metadata).
//! - worker → page: `"ready"`; `["progress", done, total]`; `["corpus", bytes, files, problems,
//!   notes, storage]`: the page's corpus (a bundle), the kept files as `[name, original,
//!   documents]`, one sentence per file not added, one per file left aside, a sentence when
//!   the browser did not store them (else `""`), and the files whose articles were corrected as `[name, [key, …]]`;
//!   `["download", file name, bytes]`;
//!   `["failed", sentence]`.

#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Natively there is nothing to run: the binary exists so that `cargo test` and `clippy` check it.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ingest_worker runs in a browser (a web worker started by the Parallax app).");
}
