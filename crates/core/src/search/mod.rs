//! Full-text search over the corpus: an inverted index built at bundle time (and extended in the
//! browser for documents added later), a forgiving query language, BM25 ranking, passages, KWIC
//! and facets.

pub mod fold;
pub mod stem;
pub mod tokenize;
