//! What the two workers share: their global scope, the clock, and reading the served
//! `corpus.bin` (`served.rs`); what each keeps, free of browser APIs so it is tested natively
//! (`compared.rs`, the comparison worker's corpus; `session.rs` and `zip.rs`, the ingest
//! worker's). The comparison worker (`main.rs`) and the ingest worker (`ingest/main.rs`) are
//! two binaries of this crate, each its own wasm module loaded only when the page needs it.

#[cfg(target_arch = "wasm32")]
pub mod served;

pub mod compared;
pub mod session;
pub mod zip;
