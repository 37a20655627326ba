//! The article labels of the loaded corpus (`parallax_core::labels`: one short, unique name per
//! article), computed once per page load and shared by every view, so an article is called the
//! same in the library, search, concordance, entities, comparison and overview.

use crate::per_corpus::{self, Slot};
use parallax_core::Bundle;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static LABELS: Slot<Rc<Vec<String>>> = const { RefCell::new(None) };
}

/// Every document's label, in bundle order, computed again when the corpus changes (articles
/// added in the page).
pub fn all(bundle: &Bundle) -> Rc<Vec<String>> {
    per_corpus::cached(&LABELS, bundle, || {
        // A sharded corpus's manifest has them (its documents' text may not be loaded yet).
        crate::shards::labels().unwrap_or_else(|| Rc::new(parallax_core::labels(&bundle.documents)))
    })
}

/// The label of document `i` ("" past the end, which callers never ask for).
pub fn of(bundle: &Bundle, i: usize) -> String {
    all(bundle).get(i).cloned().unwrap_or_default()
}

/// `text` with each document id of `docs` (id, label) replaced by the quoted label: the core's
/// messages name documents by id, which people should never have to read.
pub fn ids_to_labels<'a>(text: &str, docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = text.to_string();
    for (id, label) in docs {
        if !id.is_empty() && out.contains(id) {
            out = out.replace(id, &format!("“{label}”"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_name_documents_by_label() {
        let m = super::ids_to_labels(
            "but 001_ab dates the same event",
            [("001_ab", "Reuters — Ferry sinks"), ("002_cd", "x")],
        );
        assert_eq!(m, "but “Reuters — Ferry sinks” dates the same event");
    }
}
