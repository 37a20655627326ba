//! Full-text search over the corpus: an inverted index built at bundle time (and extended in the
//! browser for documents added later), a forgiving query language, BM25 ranking, passages, KWIC
//! and facets.
//!
//! ```
//! use parallax_core::search::{search, Index, Options};
//! # let docs: Vec<parallax_core::Document> = Vec::new();
//! let index = Index::build(&docs);
//! let results = search(&index, &docs, "\"ethnic cleansing\" -russia", &Options::default());
//! assert!(results.hits.is_empty());
//! ```

mod eval;
pub mod facets;
pub mod fold;
pub mod index;
pub mod kwic;
pub mod passages;
pub mod query;
mod rank;
pub mod results;
pub mod sentences;
mod sort;
pub mod stem;
pub mod tokenize;
mod typo;

#[cfg(test)]
mod tests;

pub use facets::{DateBin, DateHistogram, DateUnit, Facet, FacetCounts, FacetValue};
pub use index::Index;
pub use kwic::{kwic, Kwic, KwicLine, KwicOptions, KwicSort};
pub use passages::Passage;
pub use query::{parse, Query};
pub use results::{search, DocHit, Mode, Options, PassageHit, SearchResults, Selection};
