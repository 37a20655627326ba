//! The "from text" / "from sidecar" / "not stated" badge shown beside every metadata value.
//!
//! Where a value came from matters as much as the value: text found by the parser can be wrong,
//! a curator's sidecar value overrides it, and a missing value must not look like an empty one.

use leptos::prelude::*;
use parallax_core::Provenance;

/// The badge for a value's source; `None` means the value is absent.
#[component]
pub fn ProvenanceBadge(source: Option<Provenance>) -> impl IntoView {
    let (class, text, hint) = match source {
        Some(Provenance::Text { .. }) => (
            "provenance provenance-text",
            "from text",
            "Found by the parser in the article text",
        ),
        Some(Provenance::Sidecar) => (
            "provenance provenance-sidecar",
            "from sidecar",
            "Given by the curator in the sidecar file",
        ),
        None => (
            "provenance provenance-none",
            "not stated",
            "Neither the article text nor a sidecar file states this",
        ),
    };
    view! { <span class=class title=hint>{text}</span> }
}
