//! The "from text: byline" / "from sidecar" / "edited in this browser" / "not stated" badge
//! shown beside every metadata value; a value from the text names the parser's rule that read it and the line of the file it
//! is on ("from text: byline, line 3: “By Jane Doe”").
//!
//! Where a value came from matters as much as the value: text found by the parser can be wrong,
//! a curator's sidecar value overrides it, and a missing value must not look like an empty one.

use leptos::prelude::*;
use parallax_core::{Document, Provenance};

/// How much of a long line the badge quotes.
const LINE_CHARS: usize = 60;

/// The line of `doc` a value from the text was read on: its number and (the start of) its text.
pub fn source_line(doc: &Document, source: Option<Provenance>) -> Option<(usize, String)> {
    let Some(Provenance::Text { start, .. }) = source else {
        return None;
    };
    let (n, line) = parallax_core::text::line_at(&doc.text, start);
    Some((n, parallax_core::text::excerpt(line, LINE_CHARS)))
}

/// The badge for a value's source; `None` means the value is absent. `line` (from
/// [`source_line`]) names where in the file a value from the text is; `edited` says a sidecar
/// value is a correction made in this browser (`crate::local::is_edited`), not one that came
/// with the file.
#[component]
pub fn ProvenanceBadge(
    source: Option<Provenance>,
    #[prop(optional_no_strip)] line: Option<(usize, String)>,
    #[prop(optional)] edited: bool,
) -> impl IntoView {
    let (class, text, hint) = match source {
        Some(Provenance::Sidecar) if edited => (
            "provenance provenance-sidecar provenance-edited",
            "edited in this browser".to_string(),
            "Corrected in this browser; kept here as the article's sidecar",
        ),
        Some(Provenance::Text { rule, .. }) => (
            "provenance provenance-text",
            match line {
                Some((n, l)) if !l.is_empty() => {
                    format!("from text: {}, line {n}: “{l}”", rule.describe())
                }
                Some((n, _)) => format!("from text: {}, line {n}", rule.describe()),
                None => format!("from text: {}", rule.describe()),
            },
            "Found by the parser in the article text, by the rule named, on the line quoted",
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
