//! The "from text: byline" / "from sidecar" / "not stated" badge shown beside every metadata
//! value; a value from the text names the parser's rule that read it ("from text: copyright line").
//!
//! Where a value came from matters as much as the value: text found by the parser can be wrong,
//! a curator's sidecar value overrides it, and a missing value must not look like an empty one.

use leptos::prelude::*;
use parallax_core::Provenance;

/// The badge for a value's source; `None` means the value is absent.
#[component]
pub fn ProvenanceBadge(source: Option<Provenance>) -> impl IntoView {
    let (class, text, hint) = match source {
        Some(Provenance::Text { rule, .. }) => (
            "provenance provenance-text",
            format!("from text: {}", rule.describe()),
            "Found by the parser in the article text, by the rule named",
        ),
        Some(Provenance::Sidecar) => (
            "provenance provenance-sidecar",
            "from sidecar".to_string(),
            "Given by the curator in the sidecar file",
        ),
        None => (
            "provenance provenance-none",
            "not stated".to_string(),
            "Neither the article text nor a sidecar file states this",
        ),
    };
    view! { <span class=class title=hint>{text}</span> }
}
