//! Library ordering: which document comes first for each [`Sort`]. Pure functions, no DOM.
//!
//! Kept in the app for now; it would sit well in `parallax-core` next to the model.

use crate::url_state::Sort;
use parallax_core::sort::stable_sort_by;
use parallax_core::{Date, Document};
use std::cmp::Ordering;

/// The date a document is placed by: its publication date, or its update date when that is the
/// only date it has (it still has a date, so it should not sink to the undated end).
pub fn sort_date(doc: &Document) -> Option<Date> {
    doc.meta
        .published
        .as_ref()
        .or(doc.meta.updated.as_ref())
        .map(|f| f.value)
}

/// Indices into `docs` in display order. Missing values always go last, whatever the
/// direction; ties are broken by id so the order never depends on bundle order.
pub fn sorted_indices(docs: &[Document], sort: Sort) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..docs.len()).collect();
    match sort {
        Sort::DateDesc | Sort::DateAsc => {
            let dates: Vec<Option<Date>> = docs.iter().map(sort_date).collect();
            stable_sort_by(&mut idx, |&a, &b| {
                let by_date = match (dates[a], dates[b]) {
                    (Some(x), Some(y)) if sort == Sort::DateDesc => y.cmp(&x),
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                };
                by_date.then_with(|| docs[a].id.cmp(&docs[b].id))
            });
        }
        Sort::Outlet => {
            // Case-insensitive, so "the Guardian" and "The Guardian" sit together.
            let keys: Vec<Option<String>> = docs
                .iter()
                .map(|d| {
                    d.meta
                        .outlet
                        .as_ref()
                        .map(|f| f.value.trim().to_lowercase())
                })
                .collect();
            stable_sort_by(&mut idx, |&a, &b| {
                let by_outlet = match (&keys[a], &keys[b]) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                };
                by_outlet.then_with(|| docs[a].id.cmp(&docs[b].id))
            });
        }
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Field, Metadata, Provenance};

    fn doc(
        id: &str,
        published: Option<&str>,
        updated: Option<&str>,
        outlet: Option<&str>,
    ) -> Document {
        let date = |s: Option<&str>| {
            s.map(|s| Field {
                value: s.parse::<Date>().expect("test date"),
                source: Provenance::Sidecar,
            })
        };
        Document {
            id: id.into(),
            file: format!("{id}.txt"),
            text: String::new(),
            meta: Metadata {
                published: date(published),
                updated: date(updated),
                outlet: outlet.map(|o| Field {
                    value: o.into(),
                    source: Provenance::Sidecar,
                }),
                ..Metadata::default()
            },
            blocks: vec![],
            diagnostics: vec![],
        }
    }

    fn ids(docs: &[Document], sort: Sort) -> Vec<&str> {
        sorted_indices(docs, sort)
            .into_iter()
            .map(|i| docs[i].id.as_str())
            .collect()
    }

    #[test]
    fn dates_newest_first_undated_last_ties_by_id() {
        let docs = vec![
            doc("d", None, None, None),
            doc("b", Some("2023-10-02"), None, None),
            doc("a", Some("2023-10-02"), None, None),
            doc("c", None, Some("2024-04-28"), None),
            doc("e", Some("2023-09-24"), None, None),
        ];
        assert_eq!(ids(&docs, Sort::DateDesc), ["c", "a", "b", "e", "d"]);
        assert_eq!(ids(&docs, Sort::DateAsc), ["e", "a", "b", "c", "d"]);
    }

    #[test]
    fn outlets_a_to_z_missing_last() {
        let docs = vec![
            doc("1", None, None, None),
            doc("2", None, None, Some("trend")),
            doc("3", None, None, Some("Balkan Periscope")),
            doc("0", None, None, Some("Trend")),
        ];
        assert_eq!(ids(&docs, Sort::Outlet), ["3", "0", "2", "1"]);
    }
}
