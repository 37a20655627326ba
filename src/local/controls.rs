//! The controls of the "Add articles" panel (`lazy.rs` has the panel): choose files or a folder,
//! paste one article, see progress and which files were not added, list and remove the added
//! ones, hide the served articles, download the added ones as `corpus.bin`. The view is in the
//! module fetched later; `add_files` and `add_values` are also what a drop calls, in the main
//! module.

use super::{send, state, LocalState};
use js_sys::Array;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{FileList, HtmlInputElement};

/// Sends the files of a picker or a drop to the worker.
pub fn add_files(files: &FileList) {
    let files = (0..files.length())
        .filter_map(|i| files.get(i))
        .map(JsValue::from)
        .collect();
    add_values(files, Vec::new());
}

/// Sends files (`File` values) to the worker, with a sentence for each dropped entry that could
/// not be read, which the worker lists with the files it does not add.
pub fn add_values(files: Vec<JsValue>, problems: Vec<String>) {
    if files.is_empty() && problems.is_empty() {
        return;
    }
    let total = files.len() as u32;
    let mut parts: Vec<JsValue> = vec!["add".into()];
    parts.extend(files);
    parts.extend(problems.iter().map(|p| JsValue::from_str(p)));
    super::update(|s| {
        s.progress = Some((0, total));
        s.problems.clear();
        s.notes.clear();
    });
    send(&parts);
}

fn picked(ev: leptos::ev::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if let Some(files) = input.files() {
        add_files(&files);
    }
    // The same file chosen again must fire `change` again.
    input.set_value("");
}

fn add_pasted(text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let parts: Array = std::iter::once(JsValue::from_str(text)).collect();
    if let Ok(file) = web_sys::File::new_with_str_sequence(&parts, "pasted.txt") {
        super::update(|s| {
            s.problems.clear();
            s.notes.clear();
        });
        send(&["add".into(), file.into()]);
    }
}

fn status_line(s: &LocalState) -> String {
    match s.progress {
        Some((done, total)) if s.busy => format!(
            "Reading {done} of {total} file{}…",
            if total == 1 { "" } else { "s" }
        ),
        _ if s.busy => "Working…".to_string(),
        _ => String::new(),
    }
}

/// The labels of the controls that are on screen before any article is added, shared by the
/// controls and their outline.
const CHOOSE_FILES: &str = "Choose files";
const ADD_FOLDER: &str = "Add a folder";
const PASTE_TEXT: &str = "Paste text";

/// What holds the controls' place while their module is fetched: the same boxes, inert.
pub fn outline() -> AnyView {
    view! {
        <div inert=true>
            <div class="add-buttons">
                <span class="button">{CHOOSE_FILES}</span>
                <span class="button">{ADD_FOLDER}</span>
            </div>
            <details class="paste">
                <summary>{PASTE_TEXT}</summary>
            </details>
            <p class="add-status"></p>
        </div>
    }
    .into_any()
}

#[component]
pub fn Controls() -> impl IntoView {
    let Some(st) = state() else {
        return ().into_any();
    };
    let pasted = RwSignal::new(String::new());
    let paste_open = RwSignal::new(false);
    let busy = move || st.with(|s| s.busy);
    let files = move || st.with(|s| s.files.clone());
    let problems = move || st.with(|s| s.problems.clone());
    let notes = move || st.with(|s| s.notes.clone());
    let warning = move || st.with(|s| s.warning.clone());
    view! {
            <div class="add-buttons">
                <label class="button">
                    {CHOOSE_FILES}
                    <input type="file" multiple class="visually-hidden" on:change=picked />
                </label>
                <label class="button">
                    {ADD_FOLDER}
                    <input type="file" prop:webkitdirectory=true class="visually-hidden" on:change=picked />
                </label>
            </div>
            // The text area exists only while "Paste text" is open: nothing to fill otherwise.
            <details class="paste" on:toggle=move |ev| paste_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{PASTE_TEXT}</summary>
                {move || {
                    paste_open
                        .get()
                        .then(|| {
                            view! {
                                <label for="paste-text">"One article, as copied from a web page"</label>
                                <textarea
                                    id="paste-text"
                                    rows="8"
                                    prop:value=move || pasted.get()
                                    on:input=move |ev| pasted.set(event_target_value(&ev))
                                ></textarea>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        add_pasted(&pasted.get_untracked());
                                        pasted.set(String::new());
                                    }
                                >
                                    "Add this article"
                                </button>
                            }
                        })
                }}
            </details>
            <p class="add-status" role="status">
                {move || st.with(status_line)}
                {move || {
                    busy()
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| send(&["cancel".into()])>
                                    "Cancel"
                                </button>
                            }
                        })
                }}
            </p>
            {move || {
                let w = warning();
                (!w.is_empty()).then(|| view! { <p class="notice notice-error" role="alert">{w}</p> })
            }}
            {move || {
                let p = problems();
                (!p.is_empty())
                    .then(|| {
                        view! {
                            <div class="add-problems">
                                <h3>"Not added"</h3>
                                <ul>{p.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })
            }}
            {move || {
                let n = notes();
                (!n.is_empty())
                    .then(|| {
                        view! {
                            <ul class="add-notes">
                                {n.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
            {move || {
                let list = files();
                (!list.is_empty())
                    .then(|| {
                        let count = list.len();
                        view! {
                            <div class="added-files">
                                <h3>
                                    {format!(
                                        "Added in this browser ({count} file{})",
                                        if count == 1 { "" } else { "s" },
                                    )}
                                </h3>
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|f| {
                                            let stored = f.stored.clone();
                                            let what = match f.documents {
                                                1 => String::new(),
                                                n => format!(" ({n} articles)"),
                                            };
                                            view! {
                                                <li>
                                                    {f.original.clone()}
                                                    {what}
                                                    " "
                                                    <button
                                                        type="button"
                                                        aria-label=format!("Remove {}", f.original)
                                                        on:click=move |_| {
                                                            send(&["remove".into(), JsValue::from_str(&stored)])
                                                        }
                                                    >
                                                        "Remove"
                                                    </button>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <p class="add-buttons">
                                    <label>
                                        <input
                                            type="checkbox"
                                            prop:checked=move || st.with(|s| s.served_hidden)
                                            on:change=move |ev| {
                                                super::show_only_mine(event_target_checked(&ev))
                                            }
                                        />
                                        " Show only my articles"
                                    </label>
                                    <button type="button" on:click=move |_| send(&["export".into()])>
                                        "Download corpus.bin"
                                    </button>
                                    <button type="button" on:click=move |_| send(&["zip".into()])>
                                        "Download the files (.zip)"
                                    </button>
                                    <button type="button" on:click=move |_| send(&["clear".into()])>
                                        "Remove all"
                                    </button>
                                </p>
                            </div>
                        }
                    })
            }}
    }
    .into_any()
}
