//! The JSON shape of `parallax parse --json`: flat metadata values, where each came from, blocks
//! with their text, and diagnostics.

use parallax_core::{Document, Field, Provenance};
use serde_json::{json, Map, Value};

fn source(p: &Provenance) -> Value {
    match p {
        Provenance::Text { start, end, rule } => {
            json!({"from": "text", "start": start, "end": end, "rule": rule.describe()})
        }
        Provenance::Sidecar => json!({"from": "sidecar"}),
    }
}

/// One document as a JSON object.
pub fn document(d: &Document) -> Value {
    let m = &d.meta;
    let mut sources = Map::new();
    let mut note = |key: &str, f: Option<&Provenance>| {
        if let Some(p) = f {
            sources.insert(key.to_string(), source(p));
        }
    };
    note("title", m.title.as_ref().map(|f| &f.source));
    note("outlet", m.outlet.as_ref().map(|f| &f.source));
    note("published", m.published.as_ref().map(|f| &f.source));
    note("updated", m.updated.as_ref().map(|f| &f.source));
    note("url", m.url.as_ref().map(|f| &f.source));
    note("language", m.language.as_ref().map(|f| &f.source));
    note("notes", m.notes.as_ref().map(|f| &f.source));
    let text = |f: &Option<Field<String>>| f.as_ref().map(|f| f.value.clone());
    json!({
        "id": d.id,
        "file": d.file,
        "title": text(&m.title),
        "outlet": text(&m.outlet),
        "authors": m.authors.iter().map(|a| a.value.clone()).collect::<Vec<_>>(),
        "published": m.published.as_ref().map(|f| f.value.to_string()),
        "updated": m.updated.as_ref().map(|f| f.value.to_string()),
        "url": text(&m.url),
        "language": text(&m.language),
        "notes": text(&m.notes),
        "sources": sources,
        "author_sources": m.authors.iter().map(|a| source(&a.source)).collect::<Vec<_>>(),
        "word_count": d.word_count(),
        "blocks": d.blocks.iter().map(|b| json!({
            "kind": b.kind,
            "start": b.start,
            "end": b.end,
            "text": d.block_text(b),
        })).collect::<Vec<_>>(),
        "diagnostics": d.diagnostics,
    })
}
