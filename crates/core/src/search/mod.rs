//! Full-text search over the corpus: an inverted index built at bundle time (and extended in the
//! browser for documents added later), a forgiving query language, BM25 ranking, passages, KWIC
//! and facets.
//!
//! ```
//! use parallax_core::search::{kwic, search, Facet, Index, KwicOptions, Mode, Options, Selection};
//! # let mut docs: Vec<parallax_core::Document> = Vec::new();
//! // Built at bundle time (`Bundle::new`); document i of the index is docs[i].
//! let mut index = Index::build(&docs);
//! // Ranked documents with their best passages, counts, facets, notes.
//! let results = search(&index, &docs, "\"ethnic cleansing\" -russia", &Options::default());
//! assert!(results.hits.is_empty() && results.notes.is_empty());
//! // Every matching sentence; an outlet chosen in the facet list.
//! let opts = Options {
//!     mode: Mode::Passages,
//!     selected: vec![Selection { facet: "outlet".into(), value: "Reuters".into() }],
//!     ..Options::default()
//! };
//! let _ = search(&index, &docs, "lachin", &opts);
//! let _ = kwic(&index, &docs, "lachin", &KwicOptions::default());
//! // Another analysis adds a facet (values per document, in index order): it gets counts,
//! // selection and an `entity:` query field.
//! index.set_facet(Facet::new("entity", docs.iter().map(|_| vec!["Lachin corridor".to_string()])));
//! // A document added at run time.
//! # let doc = parallax_core::parse_document(&parallax_core::SourceFile { name: "x.txt", bytes: b"Text.", sidecar: None });
//! index.add(&doc);
//! docs.push(doc);
//! ```
mod docset;
mod eval;
pub mod facets;
pub mod fold;
pub mod index;
pub mod kwic;
pub(crate) mod needs;
pub mod passages;
pub mod query;
mod rank;
pub mod results;
pub mod sentences;
// The search code's sorts (`super::sort::…`) are the crate's one sort.
use crate::sort;
pub mod stem;
pub mod tokenize;
// `typo::distance` also tells spelling variants of names apart (`crate::variants`).
pub(crate) mod typo;

#[cfg(test)]
mod tests;

pub use facets::{DateBin, DateHistogram, DateUnit, Facet, FacetCounts, FacetValue};
pub use index::Index;
pub use kwic::{kwic, Kwic, KwicLine, KwicOptions, KwicSort};
pub use passages::Passage;
pub use query::{parse, Query, QUERY_HELP};
pub use results::{search, DocHit, Mode, Options, PassageHit, SearchResults, Selection};
