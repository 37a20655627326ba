//! Parallax core: the analysis engine behind the app and the CLI.
//!
//! Pure Rust with no IO and no web dependencies: bytes or `&str` in, data out. It builds for
//! native targets (CLI, tests, benchmarks) and for `wasm32-unknown-unknown` (the app).
//! See `ARCHITECTURE.md` at the repository root for the data flow.

pub mod aliases;
pub mod bundle;
pub mod compare;
pub mod date;
pub mod decode;
pub mod entities;
pub mod fnv;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
pub mod ingest;
pub mod label;
pub mod limits;
pub mod model;
pub mod parse;
pub mod search;
pub mod segments;
pub mod sidecar;
pub mod sort;
pub mod synth;
pub mod text;
pub mod variants;

pub use bundle::{Bundle, BundleError};
pub use ingest::parse_file;
pub use label::{label, labels};
pub use model::*;
pub use parse::{parse_document, SourceFile};

/// The tests' own copy of the five seed articles (`tests/seeds/`, checked byte for byte by
/// `tests/corpus_snapshots.rs`). Tests never read `corpus/`: that folder is what the site is built
/// from, and a fork replaces it with its own articles.
#[cfg(test)]
pub(crate) const SEEDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/seeds");
