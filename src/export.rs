//! Downloads: a table as CSV or JSON, and any bytes as a file. One home for every view's
//! "Download CSV / JSON" buttons (the entities table, the % shared matrix, shared passages, who
//! speaks, facts that disagree, search results: documents, passages or concordance lines) and for the added articles' `corpus.bin` and `.zip`.
//!
//! A table is rows of cells, the first row the column names. CSV follows RFC 4180 (a cell with
//! a comma, quote or line break is quoted, quotes doubled; lines end with CRLF); JSON is an
//! array of objects keyed by the column names.

use crate::components::dom::{el, El};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The rows as CSV.
pub fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The rows as a JSON array of objects, keyed by the first row (a missing cell is `""`).
pub fn json(rows: &[Vec<String>]) -> String {
    let Some((head, body)) = rows.split_first() else {
        return "[]\n".to_string();
    };
    let objects: Vec<String> = body
        .iter()
        .map(|row| {
            let fields: Vec<String> = head
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let v = row.get(i).map_or("", String::as_str);
                    format!("{}: {}", json_string(k), json_string(v))
                })
                .collect();
            format!("  {{{}}}", fields.join(", "))
        })
        .collect();
    format!("[\n{}\n]\n", objects.join(",\n"))
}

/// The text of a `<table>`'s header and body rows, cell by cell, as a reader sees it.
pub fn table_rows(table: &web_sys::Element) -> Vec<Vec<String>> {
    let Ok(rows) = table.query_selector_all("tr") else {
        return Vec::new();
    };
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|r| r.dyn_into::<web_sys::Element>().ok())
        .map(|r| {
            let cells = r.query_selector_all("th, td").ok();
            cells
                .map(|cells| {
                    (0..cells.length())
                        .filter_map(|i| cells.item(i))
                        .map(|c| {
                            c.text_content()
                                .unwrap_or_default()
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// Saves `bytes` as a file named `name` (a link to a blob URL, clicked, then let go).
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts: js_sys::Array = std::iter::once(JsValue::from(array)).collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Let go of the blob once the browser has had time to save it.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}

/// The two formats a table downloads as: button label, extension, media type.
const FORMATS: [(&str, &str, &str); 2] = [
    ("Download CSV", "csv", "text/csv"),
    ("Download JSON", "json", "application/json"),
];

/// Saves `rows` as `<name>.<ext>`.
fn save(name: &str, ext: &str, mime: &str, rows: &[Vec<String>]) {
    let text = if ext == "csv" { csv(rows) } else { json(rows) };
    download(&format!("{name}.{ext}"), mime, text.as_bytes());
}

/// "Download CSV" and "Download JSON" buttons (for views built with `dom.rs`); `rows` is called
/// on each click, so the file holds what the view shows then. `name` is the file name without
/// extension. Call it while the view's reactive owner is current (in the effect that builds
/// the view): the click handlers live until that owner is cleaned up.
pub fn buttons(name: &str, rows: impl Fn() -> Vec<Vec<String>> + 'static) -> El {
    let rows = std::rc::Rc::new(rows);
    let wrap = el("p").class("download-table");
    for (label, ext, mime) in FORMATS {
        let button = el("button")
            .attr("type", "button")
            .attr("aria-label", &format!("{label}: {name}"))
            .text(label);
        let rows = rows.clone();
        let name = name.to_string();
        let on_click = Closure::<dyn Fn()>::new(move || save(&name, ext, mime, &rows()));
        let _ = button
            .0
            .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        // The handler (and the rows it holds) belongs to the view being built: the reactive
        // owner building it (a page's effect) drops it when it builds the next view or the
        // page goes. (`forget` left every search's handler and rows to the garbage collector
        // finding the detached button, and kept them for good where FinalizationRegistry is
        // missing.)
        leptos::prelude::StoredValue::new_local(on_click);
        wrap.push(button);
    }
    wrap
}

/// Buttons that download the table `table` (read from the page at click time).
pub fn table_buttons(name: &str, table: &El) -> El {
    let table = table.0.clone();
    buttons(name, move || table_rows(&table))
}

/// The same buttons for a view built with `view!`: they download the first element matching
/// `selector` (a `<table>`), as shown at click time.
#[leptos::component]
pub fn TableDownload(name: &'static str, selector: &'static str) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let rows = move || {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|t| table_rows(&t))
            .unwrap_or_default()
    };
    view! {
        <p class="download-table">
            {FORMATS
                .into_iter()
                .map(|(label, ext, mime)| {
                    view! {
                        <button
                            type="button"
                            aria-label=format!("{label}: {name}")
                            on:click=move |_| save(name, ext, mime, &rows())
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<String>> {
        vec![
            vec!["speaker".into(), "quote".into()],
            vec![
                "Ann \"Nan\" Lee".into(),
                "We will, \"soon\"\nreturn.".into(),
            ],
            vec!["Bo".into()],
        ]
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(
            csv(&rows()),
            "speaker,quote\r\n\"Ann \"\"Nan\"\" Lee\",\"We will, \"\"soon\"\"\nreturn.\"\r\nBo\r\n"
        );
    }

    #[test]
    fn json_is_an_array_of_objects_keyed_by_the_header() {
        assert_eq!(
            json(&rows()),
            "[\n  {\"speaker\": \"Ann \\\"Nan\\\" Lee\", \"quote\": \"We will, \\\"soon\\\"\\nreturn.\"},\n  {\"speaker\": \"Bo\", \"quote\": \"\"}\n]\n"
        );
        assert_eq!(json(&[]), "[]\n");
    }
}
