//! Correcting an article's metadata in the page: title, outlet, authors and dates. The
//! corrections become the article's sidecar (`parallax_core::sidecar::corrected`, in the ingest
//! worker), so the reader marks them "edited in this browser", they are kept in this browser,
//! and the `.zip` download carries them as `<name>.toml` files the `parallax` command reads.

use super::{send, state};
use leptos::prelude::*;
use parallax_core::Document;
use wasm_bindgen::JsValue;

/// The values the form starts with: what the article has now.
#[derive(Clone, Debug, PartialEq)]
pub struct Editable {
    pub file: String,
    pub title: String,
    pub outlet: String,
    pub authors: String,
    pub published: String,
    pub updated: String,
}

impl Editable {
    /// The value of a key of `parallax_core::sidecar::EDITABLE`.
    fn value(&self, key: &str) -> &str {
        match key {
            "title" => &self.title,
            "outlet" => &self.outlet,
            "authors" => &self.authors,
            "published" => &self.published,
            "updated" => &self.updated,
            _ => "",
        }
    }

    pub fn of(doc: &Document) -> Editable {
        let m = &doc.meta;
        let s = |f: &Option<parallax_core::Field<String>>| {
            f.as_ref().map(|f| f.value.clone()).unwrap_or_default()
        };
        let d = |f: &Option<parallax_core::Field<parallax_core::Date>>| {
            f.as_ref().map(|f| f.value.to_string()).unwrap_or_default()
        };
        Editable {
            file: doc.file.clone(),
            title: s(&m.title),
            outlet: s(&m.outlet),
            authors: m
                .authors
                .iter()
                .map(|a| a.value.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            published: d(&m.published),
            updated: d(&m.updated),
        }
    }
}

#[component]
pub fn EditMetadata(values: Editable) -> impl IntoView {
    let Some(st) = state() else {
        return ().into_any();
    };
    let file = values.file.clone();
    let edited = {
        let file = file.clone();
        move || st.with(|s| s.edited.iter().any(|(f, _)| *f == file))
    };
    let fields: Vec<(&'static str, &'static str, RwSignal<String>)> = vec![
        ("title", "Title", RwSignal::new(values.title.clone())),
        ("outlet", "Outlet", RwSignal::new(values.outlet.clone())),
        (
            "authors",
            "Authors (one per line)",
            RwSignal::new(values.authors.clone()),
        ),
        (
            "published",
            "Published (YYYY-MM-DD)",
            RwSignal::new(values.published.clone()),
        ),
        (
            "updated",
            "Updated (YYYY-MM-DD)",
            RwSignal::new(values.updated.clone()),
        ),
    ];
    let send_fields = fields.clone();
    let initial = values.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Only what was changed: a value left as the file states it keeps its provenance.
        let mut parts: Vec<JsValue> = vec!["edit".into(), JsValue::from_str(&file)];
        for (key, _, v) in &send_fields {
            let now = v.get_untracked();
            if now.trim() != initial.value(key).trim() {
                parts.push(JsValue::from_str(key));
                parts.push(JsValue::from_str(&now));
            }
        }
        send(&parts);
    };
    let inputs = move || {
        fields
        .iter()
        .copied()
        .map(|(key, label, v)| {
            let id = format!("edit-{key}");
            let input = if key == "authors" {
                view! {
                    <textarea id=id.clone() rows="3" prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev))></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input id=id.clone() type="text" prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev)) />
                }
                .into_any()
            };
            view! {
                <p class="edit-field">
                    <label for=id>{label}</label>
                    {input}
                </p>
            }
        })
        .collect_view()
    };
    // The form exists only while open (nothing to fill otherwise, and no empty form fields in
    // the reader's page for assistive technology to walk through).
    let open = RwSignal::new(false);
    let form = move || {
        open.get().then(|| {
            view! {
            <form on:submit=on_submit.clone()>
                <p class="hint">
                    "Corrections are kept in this browser as this article’s sidecar: the values you change then say “edited in this browser”. "
                    "An emptied field goes back to what the text states. The .zip download carries them for the parallax command."
                </p>
                {inputs()}
                <p>
                    <button type="submit">"Save corrections"</button>
                </p>
                <p class="edit-status" role="status">
                    {move || st.with(|s| if s.busy { "Saving…".to_string() } else { s.warning.clone() })}
                </p>
            </form>
            }
        })
    };
    view! {
        <details
            class="edit-metadata"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>
                "Correct the metadata"
                {move || edited().then_some(" (edited in this browser)")}
            </summary>
            {form}
        </details>
    }
    .into_any()
}
