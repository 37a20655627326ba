//! What the two workers share: their global scope, the clock, and reading the served
//! `corpus.bin`. The comparison worker (`main.rs`) and the ingest worker (`ingest/main.rs`) are
//! two binaries of this crate, each its own wasm module loaded only when the page needs it.

#[cfg(target_arch = "wasm32")]
pub mod served;

pub mod session;
pub mod zip;
