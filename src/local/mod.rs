//! Articles a user adds in the page: the page's side of the ingest worker (`crates/worker`,
//! `ingest/`), which reads them with the same core code as `parallax bundle`, keeps them in this
//! browser's IndexedDB and builds the page's corpus (the served articles with the added ones).
//! `worker.rs` talks to it; `controls.rs` is the "Add articles" panel's controls; `drop.rs`
//! takes files dropped anywhere on the page; `edit.rs` is the reader's metadata correction.
//! Most of it is fetched only when used (`lazy.rs`). Nothing here ever leaves the browser.

mod controls;
mod drop;
mod edit;
mod lazy;
mod worker;

pub use drop::install_drop;
pub use edit::{EditMetadata, Editable};
pub use lazy::{send, AddArticles};
pub use worker::corpus_for_comparison;

use leptos::prelude::*;
use parallax_core::Bundle;
use std::cell::RefCell;

/// One kept file, as the worker lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalFile {
    /// The name it is kept under (`<content hash>_<name>`): the `file` of its documents.
    pub stored: String,
    /// The name it was added as.
    pub original: String,
    pub documents: usize,
}

/// What the page knows of the added articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalState {
    pub files: Vec<LocalFile>,
    /// `(done, total)` files while adding.
    pub progress: Option<(u32, u32)>,
    /// Waiting for the worker (adding, removing, restoring).
    pub busy: bool,
    /// One sentence per file not added.
    pub problems: Vec<String>,
    /// Files left aside (hidden files, lone sidecars), and a stopped run.
    pub notes: Vec<String>,
    /// Set when the browser did not store the articles, or the worker failed.
    pub warning: String,
    /// The served articles are hidden: the page shows the added ones alone (`mine=1` in the
    /// URL, see [`show_only_mine`]).
    pub served_hidden: bool,
    /// Said once when `mine=1` cannot be honoured: no article was added in this browser.
    pub scope_note: String,
    /// Files whose articles' metadata were corrected in the page, with the keys corrected
    /// (`title`, `outlet`, `authors`, `published`, `updated`).
    pub edited: Vec<(String, Vec<String>)>,
}

/// What the page does with each corpus the worker builds (`None`: the worker failed).
type OnCorpus = Box<dyn Fn(Option<Bundle>)>;

thread_local! {
    static STATE: RefCell<Option<RwSignal<LocalState>>> = const { RefCell::new(None) };
    /// Called with each corpus the worker builds (`None`: the worker failed).
    static ON_CORPUS: RefCell<Option<OnCorpus>> = const { RefCell::new(None) };
}

/// Sets up the local articles' state; `on_corpus` gets every corpus the worker sends.
pub fn install(on_corpus: impl Fn(Option<Bundle>) + 'static) {
    STATE.with(|s| *s.borrow_mut() = Some(RwSignal::new(LocalState::default())));
    ON_CORPUS.with(|c| *c.borrow_mut() = Some(Box::new(on_corpus)));
}

/// The state signal (`None` before [`install`]).
pub fn state() -> Option<RwSignal<LocalState>> {
    STATE.with(|s| *s.borrow())
}

fn update(f: impl FnOnce(&mut LocalState)) {
    if let Some(s) = state() {
        s.update(f);
    }
}

/// Says `msg` in the panel and stops waiting; the page keeps the corpus it has (or, while
/// reading back kept articles at load, shows the served one).
fn fail(msg: String) {
    update(|s| {
        s.busy = false;
        s.progress = None;
        s.warning = msg;
    });
    corpus_arrived(None);
}

fn corpus_arrived(bundle: Option<Bundle>) {
    ON_CORPUS.with(|c| {
        if let Some(cb) = c.borrow().as_ref() {
            cb(bundle);
        }
    });
}

/// Whether a document of the corpus is one the user added (its file is kept in this browser).
pub fn is_local(file: &str) -> bool {
    state().is_some_and(|s| s.with_untracked(|s| s.files.iter().any(|f| f.stored == file)))
}

/// Whether the value `key` of the articles of `file` was corrected in the page (its provenance
/// then says "edited in this browser" rather than "from sidecar").
pub fn is_edited(file: &str, key: &str) -> bool {
    state().is_some_and(|s| {
        s.with_untracked(|s| {
            s.edited
                .iter()
                .any(|(f, keys)| f == file && keys.iter().any(|k| k == key))
        })
    })
}

/// The key under which the page remembers that articles were kept, so that a reload starts the
/// worker to read them back (the worker itself is not loaded otherwise).
const KEPT_KEY: &str = "parallax-added";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Whether articles were kept in this browser by an earlier visit.
pub fn has_kept() -> bool {
    storage()
        .and_then(|s| s.get_item(KEPT_KEY).ok().flatten())
        .is_some_and(|v| v != "0")
}

/// Reads back the articles an earlier visit kept (the page calls it at load when there are some).
pub fn restore() {
    let hidden = crate::url_state::only_mine();
    update(|s| s.served_hidden = hidden);
    send(&["restore".into(), wasm_bindgen::JsValue::from_bool(!hidden)]);
}

fn remember_kept(count: usize) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEPT_KEY, &count.to_string());
    }
}

/// Shows the added articles alone (`on`) or with the site's: the URL says so (`mine=1`), and the
/// worker builds the corpus to match.
pub fn show_only_mine(on: bool) {
    crate::url_state::set_only_mine(on);
    follow_url();
}

/// Makes the corpus match the URL's `mine=1` (after back/forward, or a link). Nothing before the
/// added articles are known: reading them back at load takes the URL's setting itself.
pub fn follow_url() {
    let Some(st) = state() else {
        return;
    };
    let want = crate::url_state::only_mine();
    let (hidden, known) = st.with_untracked(|s| (s.served_hidden, !s.files.is_empty()));
    if hidden == want || !(known || hidden) {
        return;
    }
    st.update(|s| s.served_hidden = want);
    send(&["served".into(), wasm_bindgen::JsValue::from_bool(!want)]);
}

/// `mine=1` with no article added in this browser: the site's articles are shown, the URL no
/// longer says otherwise, and the page says why (`note`).
pub fn nothing_of_mine(note: &str) {
    crate::url_state::set_only_mine(false);
    update(|s| s.scope_note = note.to_string());
    follow_url();
}

/// Why a link's `mine=1` shows the site's articles: nothing was added in this browser.
pub const NONE_ADDED_HERE: &str = "This link shows only the articles added in a browser, and \
    none were added in this one: here are the site's articles. Add yours with “Add articles”.";

/// The sentence of [`nothing_of_mine`], at the top of every page.
#[component]
pub fn ScopeNote() -> impl IntoView {
    let Some(st) = state() else {
        return ().into_any();
    };
    view! {
        {move || {
            let note = st.with(|s| s.scope_note.clone());
            (!note.is_empty()).then(|| view! { <p class="notice scope-note" role="status">{note}</p> })
        }}
    }
    .into_any()
}

/// The file name part of an id the page gives added articles (`<16 hex digits>_<stem>`), or
/// `None` for any other id.
pub fn added_file_of(id: &str) -> Option<&str> {
    let (hash, stem) = id.split_once('_')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !stem.is_empty())
        .then_some(stem)
}
