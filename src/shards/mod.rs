//! A sharded corpus in the page: `corpus.bin` is then a manifest (`parallax bundle --shards`),
//! and the index shards, the vocabulary, the entity file and the document chunks it lists are
//! fetched when a view needs them (`parallax_core::bundle::LazyBundle` says which), each once:
//! their names are their checksums, so the browser may keep them. Views get the corpus as
//! loaded so far ([`snapshot`]); what they wait for is said in words ("Loading the index for
//! …"), and a file that cannot be had, or is not the one the manifest lists, is named in a
//! message.
//!
//! Searching, the library, the reader, the concordance, the overview and the entities page
//! fetch the pieces they need (the entities page and the overview of the whole corpus, the
//! entity file alone, which carries the names by source; the overview of some articles, the
//! names file too, with the names each article uses); once everything is loaded the page
//! holds the whole bundle and this module steps aside.
//!
//! Reading the files (decoding and checking them, `load.rs`) is a module of its own that the
//! page fetches only when `corpus.bin` is a manifest: a site whose corpus is one file never
//! loads that code. What stays here is what views call: the state, and which files to fetch.

mod load;

pub use load::open;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::bundle::{LazyBundle, Need};
use parallax_core::search::{KwicOptions, Options, SearchResults};
use parallax_core::Bundle;
use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

/// What a view waiting for files shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Wait {
    /// Files are on their way: this many bytes (before compression).
    Loading(u64),
    /// A file could not be had, or was refused: a sentence naming it.
    Failed(String),
}

struct State {
    lazy: LazyBundle,
    /// The corpus as the views see it, cloned from `lazy` when a batch of files has arrived.
    snapshot: Arc<Bundle>,
    /// Files were added since `snapshot` was made (more are still in flight).
    stale: bool,
    labels: Rc<Vec<String>>,
    in_flight: HashSet<Need>,
    /// Of `in_flight`, those not yet being fetched, the latest asked for first ([`FETCHES`]).
    queue: VecDeque<(Need, String)>,
    /// Fetches under way.
    fetching: usize,
    failed: Option<String>,
    /// Run once nothing is in flight (a "Show more" waiting for its chunks).
    waiting: Vec<Box<dyn FnOnce()>>,
    /// Told when a batch of files has arrived (views waiting on it run again).
    changed: RwSignal<u64>,
    /// Given the whole bundle once every file is loaded (or why it could not be read).
    on_full: Rc<dyn Fn(Result<Arc<Bundle>, String>)>,
}

/// Files fetched at once at most. A view that reads every article of a large corpus asks for
/// thousands of files, and a browser refuses that many requests at once (at 10,000 generated
/// articles, 1,579 chunks: Chromium failed some of them); the others wait their turn.
const FETCHES: usize = 32;

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    /// The served sharded corpus's key for the comparison worker (see [`served_key`]).
    static SERVED_KEY: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// What the comparison worker knows the served sharded corpus by: its manifest's checksum (the
/// `LazyBundle`'s fingerprint before any file arrived), kept when the whole corpus replaces it;
/// `None` when the site serves one bundle.
pub fn served_key() -> Option<u64> {
    SERVED_KEY.with(|k| k.get())
}

/// The page holds another corpus now (articles added in the page, or the whole one).
pub fn stop() {
    STATE.with(|s| s.borrow_mut().take());
}

fn with<T>(f: impl FnOnce(&mut State) -> T) -> Option<T> {
    STATE.with(|s| s.borrow_mut().as_mut().map(f))
}

/// Whether the page reads a sharded corpus that is not all loaded.
pub fn is_lazy() -> bool {
    with(|_| ()).is_some()
}

/// Subscribes the calling effect or memo to the arrival of files.
pub fn track() {
    if let Some(changed) = with(|s| s.changed) {
        changed.track();
    }
}

/// The corpus as loaded so far (`None` when the page holds a whole bundle).
pub fn snapshot() -> Option<Arc<Bundle>> {
    with(|s| s.snapshot.clone())
}

/// Every document's label (the manifest's, as `parallax_core::labels` gives them).
pub fn labels() -> Option<Rc<Vec<String>>> {
    with(|s| s.labels.clone())
}

/// The entities named in more than one way over the whole corpus, once the entity file is in
/// (`LazyBundle::named_ways`): the overview's contested names without the articles' text.
pub fn named_ways() -> Option<Vec<parallax_core::entities::NamedWays>> {
    with(|s| s.lazy.named_ways().map(<[_]>::to_vec)).flatten()
}

/// Starts fetching what `needs` of `lazy` asks for; `None` when nothing is missing.
fn ensure(needs: impl FnOnce(&LazyBundle) -> Vec<Need>) -> Option<Wait> {
    let wait = with(|s| {
        if let Some(why) = &s.failed {
            return Some(Wait::Failed(why.clone()));
        }
        let needs = needs(&s.lazy);
        if needs.is_empty() {
            // Loaded, but the views' snapshot is made again only when the files still in
            // flight are in: wait for them too.
            return s.stale.then(|| {
                let in_flight: Vec<Need> = s.in_flight.iter().copied().collect();
                Wait::Loading(s.lazy.bytes_of(&in_flight))
            });
        }
        let bytes = s.lazy.bytes_of(&needs);
        let start: Vec<(Need, String)> = needs
            .into_iter()
            .filter(|n| s.in_flight.insert(*n))
            .filter_map(|n| Some((n, s.lazy.file(n)?.path.clone())))
            .collect();
        // What the view asking now needs goes before what earlier views asked for.
        for f in start.into_iter().rev() {
            s.queue.push_front(f);
        }
        Some(Wait::Loading(bytes))
    })
    .flatten();
    fetch_next();
    wait
}

/// Starts fetching queued files while fewer than [`FETCHES`] are under way.
fn fetch_next() {
    let next = with(|s| {
        let mut next = Vec::new();
        while s.fetching < FETCHES {
            let Some(f) = s.queue.pop_front() else { break };
            s.fetching += 1;
            next.push(f);
        }
        next
    });
    for (need, path) in next.unwrap_or_default() {
        spawn_local(fetch(need, path));
    }
}

async fn fetch(need: Need, path: String) {
    let got = crate::fetch::bytes(&path).await;
    with(|s| s.fetching = s.fetching.saturating_sub(1));
    fetch_next();
    load::arrived(need, path, got).await;
}

/// What searching `query` (the core's query text) with `opts` still needs; starts fetching it.
pub fn ensure_query(query: &str, opts: &Options) -> Option<Wait> {
    ensure(|l| l.query_needs(query, opts))
}

/// The chunks the concordance of `query` reads (once [`ensure_query`] is satisfied).
pub fn ensure_kwic(query: &str, opts: &KwicOptions) -> Option<Wait> {
    ensure(|l| l.kwic_needs(query, opts))
}

/// The chunks the shown results' passages need; starts fetching them.
pub fn ensure_results(results: &SearchResults) -> Option<Wait> {
    ensure(|l| l.results_needs(results))
}

/// Document `i`'s chunk and the entity table (its mentions' marks and cards); starts fetching
/// them.
pub fn ensure_document(i: usize) -> Option<Wait> {
    ensure_documents(&[i])
}

/// The chunks of documents `docs` and the entity table; starts fetching them.
pub fn ensure_documents(docs: &[usize]) -> Option<Wait> {
    ensure(|l| [l.document_needs(docs.iter().copied()), l.entity_needs()].concat())
}

/// The entity table and the `entity` facet; starts fetching them.
pub fn ensure_entities() -> Option<Wait> {
    ensure(LazyBundle::entity_needs)
}

/// The entity table and the names file (what the story overview of some of the articles
/// reads: which to compare, and the names they use); starts fetching them.
pub fn ensure_names() -> Option<Wait> {
    ensure(|l| [l.entity_needs(), l.names_needs()].concat())
}

/// The entities named in more than one way in documents `docs`, by their labels, from the
/// names file once it is in (`LazyBundle::alias_usage_in`): the overview's contested names
/// for some of the articles, without their text.
pub fn alias_usage_in(docs: &[usize]) -> Option<Vec<parallax_core::entities::EntityUsage>> {
    with(|s| s.lazy.alias_usage_in(docs)).flatten()
}

/// Runs `f` once the files on their way have arrived (at once when none are).
pub fn then(f: impl FnOnce() + 'static) {
    let busy = with(|s| !s.in_flight.is_empty()).unwrap_or(false);
    if busy {
        with(|s| s.waiting.push(Box::new(f)));
    } else {
        f();
    }
}

/// "Loading the index for “lachin corridor” (96 KB)…" and the like, or the failure.
pub fn message(wait: &Wait, what: &str) -> String {
    match wait {
        Wait::Loading(bytes) => format!("Loading {what} ({})…", size(*bytes)),
        Wait::Failed(why) => why.clone(),
    }
}

/// "96 KB", "4.1 MB".
fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(super::size(96_100), "97 KB");
        assert_eq!(super::size(4_140_000), "4.1 MB");
        assert_eq!(super::size(10_000_000), "10.0 MB");
    }
}
