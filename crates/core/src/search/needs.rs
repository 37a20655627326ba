//! What a query reads from the index, for an index loaded word by word (`bundle::LazyBundle`):
//! the words of every text term, negated ones included, and, when nothing matches and a word
//! could be a typo, the whole vocabulary (typo correction compares the word with every indexed
//! word), then the corrected query's words. Mirrors [`super::results::evaluate`] step by step,
//! so a search run once these words are loaded gives what the full index gives.

use super::eval::Matcher;
use super::index::Index;
use super::query::{parse, Query, Slot, Term};
use super::typo;

/// The word slots of every text term of `q` (prefixes included), in query order.
fn slots(q: &Query) -> Vec<Slot> {
    q.clauses
        .iter()
        .flat_map(|c| &c.any_of)
        .filter_map(|t| match t {
            Term::Text(t) => Some(t.slots.iter().cloned()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn parsed(index: &Index, query: &str) -> Query {
    let fields: Vec<&str> = index.facets.iter().map(|f| f.name.as_str()).collect();
    parse(query, &fields)
}

/// The slots `query` looks up as typed.
pub(crate) fn query_slots(index: &Index, query: &str) -> Vec<Slot> {
    slots(&parsed(index, query))
}

/// Whether `query` filters by facet `facet` (a `facet:value` field, negated or not).
pub(crate) fn filters_by(index: &Index, query: &str, facet: &str) -> bool {
    parsed(index, query)
        .clauses
        .iter()
        .flat_map(|c| &c.any_of)
        .any(|t| matches!(t, Term::Field { name, .. } if name.eq_ignore_ascii_case(facet)))
}

/// Whether searching `query` goes on to typo correction: it wants words and nothing matches.
/// Exact only once the words of [`query_slots`] are loaded.
pub(crate) fn corrects(index: &Index, query: &str) -> bool {
    let q = parsed(index, query);
    let wants_words = q
        .clauses
        .iter()
        .any(|c| !c.negated && c.any_of.iter().any(|t| matches!(t, Term::Text(_))));
    wants_words && Matcher::new(index, &q, &mut Vec::new()).count() == 0
}

/// The slots of the corrected query, when typo correction changes a word (it needs every
/// indexed word and how many documents hold it).
pub(crate) fn corrected_slots(index: &Index, query: &str) -> Vec<Slot> {
    let q = parsed(index, query);
    typo::correct(index, &q, query)
        .map(|(q2, _)| slots(&q2))
        .unwrap_or_default()
}
