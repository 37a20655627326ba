//! Most of the your-articles code is a wasm module of its own (`split_local`; see
//! `crate::lazy_pages` for how a module is split off): the "Add articles" controls, the page's
//! side of the ingest worker and the reading of dropped folders. The landing page needs none of
//! it to be on screen, and a visitor who never adds an article never fetches it. It is fetched
//! when the panel is shown, when a request goes to the worker (reading back the articles an
//! earlier visit kept, at start) or when a folder is dropped. What stays in the main module:
//! the state the views read (`mod.rs`), the check for kept articles, the drop listener, and
//! this file.

use super::{controls, drop, fail, update, worker};
use crate::lazy_pages::{LoadFailed, Loaded};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::wasm_split;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::FileSystemEntry;

/// Said when the module cannot be fetched (offline, or the site was updated since this tab
/// opened it): nothing else stops working.
const NOT_LOADED: &str = "The code that reads your articles could not be loaded: the \
    connection may be down, or the site was updated since this tab opened it. Reload the page \
    to try again.";

thread_local! {
    /// Requests for the ingest worker, in the order they were made, until the module that posts
    /// them is loaded.
    static OUTBOX: RefCell<Vec<Vec<JsValue>>> = const { RefCell::new(Vec::new()) };
}

/// Posts a request to the ingest worker (`["add", File, …]`, `["remove", name]`, …), fetching
/// this module and starting the worker first if needed.
pub fn send(parts: &[JsValue]) {
    OUTBOX.with(|o| o.borrow_mut().push(parts.to_vec()));
    update(|st| {
        st.busy = true;
        st.warning.clear();
    });
    spawn_local(async {
        if deliver().await.is_err() {
            OUTBOX.with(|o| o.borrow_mut().clear());
            fail(NOT_LOADED.to_string());
        }
    });
}

/// Posts every waiting request, in order (whichever call gets here first takes them all).
#[wasm_split(local, fallible, wasm_split_path = ::leptos::wasm_split)]
fn deliver() -> Result<(), LoadFailed> {
    for parts in OUTBOX.with(|o| std::mem::take(&mut *o.borrow_mut())) {
        worker::post(&parts);
    }
    Ok(())
}

#[wasm_split(local, fallible, wasm_split_path = ::leptos::wasm_split)]
fn controls() -> Loaded {
    Ok(view! { <controls::Controls /> }.into_any())
}

/// Adds the files under dropped folders (read after the drop: the entries stay valid).
pub fn add_folders(entries: Vec<FileSystemEntry>) {
    spawn_local(async {
        if read_folders(entries).await.is_err() {
            fail(NOT_LOADED.to_string());
        }
    });
}

#[wasm_split(local, fallible, wasm_split_path = ::leptos::wasm_split)]
fn read_folders(entries: Vec<FileSystemEntry>) -> Result<(), LoadFailed> {
    drop::add_folders(entries);
    Ok(())
}

/// The "Add articles" panel of the overview, the library and "not found": its heading and what
/// it does are in the main module; its controls arrive with this module. Meanwhile an inert
/// outline of them holds their place, so nothing below moves when they come.
#[component]
pub fn AddArticles() -> impl IntoView {
    if super::state().is_none() {
        return ().into_any();
    }
    let controls = crate::lazy_pages::when_loaded(
        // After the first paint: the landing page is on screen without them (see why there).
        Box::pin(async {
            crate::lazy_pages::after_first_paint().await;
            controls().await
        }),
        controls::outline,
        || view! { <p class="notice notice-error" role="alert">{NOT_LOADED}</p> }.into_any(),
        Box::new(|| ()),
    );
    view! {
        <section class="add-articles" aria-labelledby="add-articles-title">
            <h2 id="add-articles-title">"Add articles"</h2>
            <p class="hint">
                "Your articles are read in this browser and kept in it: they are never uploaded. "
                "Text in any encoding, Markdown, saved web pages and Factiva or Nexis exports; "
                "a " <code>"name.toml"</code> " next to " <code>"name.txt"</code> " adds its metadata. "
                "You can also drop files anywhere on this page."
            </p>
            {controls}
        </section>
    }
    .into_any()
}
