//! Articles a user adds in the page: the page's side of the ingest worker (`crates/worker`,
//! `ingest/`), which reads them with the same core code as `parallax bundle`, keeps them in this
//! browser's IndexedDB and builds the page's corpus (the served articles with the added ones).
//! `worker.rs` talks to it; `controls.rs` is the "Add articles" panel; `drop.rs` takes files
//! dropped anywhere on the page. Nothing here ever leaves the browser.

mod controls;
mod drop;
mod edit;
mod worker;

pub use controls::AddArticles;
pub use drop::install_drop;
pub use edit::{EditMetadata, Editable};
pub use worker::{corpus_for_comparison, restore, send};

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
    /// The served articles are hidden: the page shows the added ones alone.
    pub served_hidden: bool,
    /// Files whose articles' metadata were corrected in the page.
    pub edited: Vec<String>,
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

/// The key under which the page remembers that articles were kept, so that a reload starts the
/// worker to read them back (the worker itself is not loaded otherwise).
const KEPT_KEY: &str = "parallax-added";
const HIDDEN_KEY: &str = "parallax-served-hidden";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Whether articles were kept in this browser by an earlier visit.
pub fn has_kept() -> bool {
    storage()
        .and_then(|s| s.get_item(KEPT_KEY).ok().flatten())
        .is_some_and(|v| v != "0")
}

fn remember_kept(count: usize, served_hidden: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEPT_KEY, &count.to_string());
        let _ = s.set_item(HIDDEN_KEY, if served_hidden { "1" } else { "0" });
    }
}

fn served_hidden_before() -> bool {
    storage()
        .and_then(|s| s.get_item(HIDDEN_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// The file name part of an id the page gives added articles (`<16 hex digits>_<stem>`), or
/// `None` for any other id.
pub fn added_file_of(id: &str) -> Option<&str> {
    let (hash, stem) = id.split_once('_')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !stem.is_empty())
        .then_some(stem)
}
