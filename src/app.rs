//! The app shell: skip link, site header, loading the corpus (a whole bundle, or the manifest of
//! a sharded one, `shards.rs`), and choosing the page to show from the URL.

use crate::components::search_box::SearchBox;
use crate::lazy_pages::{self, LazyPage};
use crate::pages::{NotFound, Overview};
use crate::url_state::{self, Route, SearchRoute, Sort};
use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_core::bundle::MANIFEST_MAGIC;
use parallax_core::Bundle;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the bundle lives, relative to the page so that a sub-path deployment finds it.
const CORPUS_URL: &str = "corpus.bin";

/// The corpus as the app knows it.
#[derive(Clone)]
enum Load {
    Loading,
    /// A sentence for people saying what went wrong.
    Failed(String),
    Ready(Arc<Bundle>),
}

/// What `<main>` shows. Compared by value so that a change that stays on the same page (a new
/// sort order, the original-text toggle) updates that page in place instead of rebuilding it,
/// which would also throw away keyboard focus.
#[derive(Clone, PartialEq)]
enum Page {
    Loading,
    Failed(String),
    /// Waiting for parts of a sharded corpus: what is loading, in words.
    Waiting(String),
    /// The story overview, the landing page.
    Overview,
    Library,
    /// The entities page (`page=entities`).
    Entities,
    /// The search view (a query, a filter, or `mode=`).
    Search,
    /// The comparison page (`compare=`).
    Compare,
    /// An index into the bundle's documents.
    Reader(usize),
    NotFound(String),
}

#[component]
pub fn App() -> impl IntoView {
    url_state::read_scope();
    let route = RwSignal::new(url_state::current_route());
    let load = RwSignal::new(Load::Loading);
    // Bumped when files of a sharded corpus arrive (`shards.rs`).
    let shards_changed = RwSignal::new(0u64);
    // The served corpus, kept to fall back on if the articles added in this browser cannot be
    // read back.
    let served = StoredValue::new(None::<Arc<Bundle>>);
    // Every corpus the ingest worker builds (the served articles with the added ones) replaces
    // the page's, so every view shows the added articles.
    crate::local::install(move |corpus| match corpus {
        Some(b) => {
            crate::shards::stop();
            load.set(Load::Ready(Arc::new(b)))
        }
        None => {
            if let (Load::Loading, Some(b)) = (load.get_untracked(), served.get_value()) {
                load.set(Load::Ready(b));
            }
        }
    });
    crate::local::install_drop();
    // The page's own module, if it has one (src/lazy_pages.rs), is fetched beside the corpus;
    // the module behind a link as soon as the pointer or the focus reaches it.
    lazy_pages::preload(&route.get_untracked());
    lazy_pages::preload_on_intent();
    spawn_local(async move {
        let loaded = match fetch_corpus().await {
            // A sharded corpus: the views start on its manifest and fetch the rest as needed;
            // a view that loads it all hands the page the whole bundle.
            Ok(Corpus::Sharded(manifest)) => {
                let on_full = move |full: Result<Arc<Bundle>, String>| match full {
                    Ok(b) => {
                        served.set_value(Some(b.clone()));
                        load.set(Load::Ready(b));
                    }
                    Err(msg) => load.set(Load::Failed(msg)),
                };
                crate::shards::open(manifest, shards_changed, on_full)
                    .await
                    .map_err(corpus_failed)
            }
            Ok(Corpus::Whole(b)) => Ok(Arc::from(b)),
            Err(msg) => Err(msg),
        };
        let ready = loaded.is_ok();
        match loaded {
            // The entity table and the search index's `entity` facet come built in the bundle.
            Ok(b) => {
                served.set_value(Some(b.clone()));
                if crate::local::has_kept() {
                    // The page shows its corpus once the kept articles are read back, so a
                    // link to one of them opens it.
                    crate::local::restore();
                } else {
                    if url_state::only_mine() {
                        crate::local::nothing_of_mine(crate::local::NONE_ADDED_HERE);
                    }
                    load.set(Load::Ready(b));
                }
            }
            Err(msg) => load.set(Load::Failed(msg)),
        }
        // After a reload, return to where the reader was once the page has content again.
        if let Some(y) = url_state::saved_scroll().filter(|_| ready) {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    });
    // After following a link to another page, start reading at its heading, as a fresh page
    // load would: scroll to the top and put focus (and the screen reader) on the <h1>. A page
    // whose module is still being fetched has no heading yet: it is focused when it arrives.
    let focus_pending = StoredValue::new(false);
    let focus_when_shown = move || {
        request_animation_frame(move || {
            if focus_heading() {
                focus_pending.set_value(false);
            }
        })
    };
    url_state::install_listeners(route, move || {
        focus_pending.set_value(true);
        focus_when_shown();
    });
    // Back and forward may cross a change of `mine=1`: the corpus follows the URL.
    Effect::new(move |_| {
        route.track();
        crate::local::follow_url();
    });

    let page = Memo::new(move |_| match load.get() {
        Load::Loading => Page::Loading,
        Load::Failed(msg) => Page::Failed(msg),
        Load::Ready(bundle) => {
            // A sharded corpus: the reader waits for its article, the overview and the
            // comparison for the entity table and the articles they read, the entities page for
            // the entity table (a search fetches its own pieces, `pages/search.rs`).
            crate::shards::track();
            let lazy = crate::shards::is_lazy();
            let bundle = crate::shards::snapshot().unwrap_or(bundle);
            let wait = |w: Option<crate::shards::Wait>, what: &str, ready: Page| match w {
                Some(crate::shards::Wait::Failed(msg)) => Page::Failed(msg),
                Some(w) => Page::Waiting(crate::shards::message(&w, what)),
                None => ready,
            };
            let documents = |docs: &[usize], ready: Page| {
                let w = crate::shards::ensure_documents(docs);
                wait(w, "the articles", ready)
            };
            let position = |id: &str| bundle.documents.iter().position(|d| d.id == id);
            route.with(|r| match r {
                Route::Compare(c) if lazy => {
                    let docs: Vec<usize> = c.ids.iter().filter_map(|id| position(id)).collect();
                    documents(&docs, Page::Compare)
                }
                // The entities page reads the entity file alone: the table, and the names by
                // source (`NamedWays`), computed when the corpus was bundled.
                Route::Entities(_) if lazy => wait(
                    crate::shards::ensure_entities(),
                    "the entity table",
                    Page::Entities,
                ),
                // The overview reads the entity table (which articles to compare) and the
                // articles it compares. Its contested names come from the entity file for the
                // whole corpus, and from the names file for the articles its filters let through
                // (`overview::cards::names_card`): no other article's text.
                Route::Overview(f) if lazy => {
                    let some = crate::pages::filtered(&bundle, f).len() < bundle.documents.len();
                    let w = match some {
                        true => crate::shards::ensure_names(),
                        false => crate::shards::ensure_entities(),
                    };
                    match w {
                        None => documents(&crate::pages::compared(&bundle, f), Page::Overview),
                        w => wait(w, "the entity table", Page::Overview),
                    }
                }
                Route::Library(l) if lazy && l.entity.is_some() => wait(
                    crate::shards::ensure_entities(),
                    "the entity table",
                    Page::Library,
                ),
                Route::Compare(_) => Page::Compare,
                Route::Entities(_) => Page::Entities,
                Route::Search(_) => Page::Search,
                Route::Library(_) => Page::Library,
                Route::Overview(_) => Page::Overview,
                Route::Reader(rd) => match position(&rd.doc) {
                    Some(i) if lazy => wait(
                        crate::shards::ensure_document(i),
                        "the article",
                        Page::Reader(i),
                    ),
                    Some(i) => Page::Reader(i),
                    None => Page::NotFound(rd.doc.clone()),
                },
            })
        }
    });

    // The corpus as loaded so far (a sharded one grows as views fetch its pieces).
    let bundle_now = move || match load.get_untracked() {
        Load::Ready(b) => Some(crate::shards::snapshot().unwrap_or(b)),
        _ => None,
    };

    // The "Library" links (site nav, the reader's back link) return to the order last chosen
    // there, even though document links themselves do not carry the sort. The home link resets.
    let sort_of = |r: &Route| match r {
        Route::Library(l) => l.sort,
        Route::Reader(rd) => rd.sort,
        _ => Sort::default(),
    };
    let library_sort = RwSignal::new(route.with_untracked(sort_of));
    Effect::new(move |_| {
        let r = route.get();
        if r.doc().is_none() {
            library_sort.set(sort_of(&r));
        }
    });

    Effect::new(move |_| {
        let title = match page.get() {
            Page::Loading | Page::Waiting(_) => None,
            Page::Failed(_) => Some("Error".to_string()),
            Page::Overview => Some("Story overview".to_string()),
            Page::Library => Some("Library".to_string()),
            Page::Entities => Some("Entities".to_string()),
            Page::Compare => Some("Compare".to_string()),
            Page::Search => Some(route.with(|r| match r.part::<SearchRoute>().q.trim() {
                "" => "Search".to_string(),
                q => format!("“{q}” – Search"),
            })),
            Page::Reader(i) => bundle_now().map(|b| crate::labels::of(&b, i)),
            Page::NotFound(_) => Some("Document not found".to_string()),
        };
        document().set_title(&match title {
            Some(t) => format!("{t} — Parallax"),
            None => "Parallax".to_string(),
        });
    });

    let bundle = bundle_now;
    let lazy = move |page: LazyPage| match bundle() {
        Some(b) => lazy_pages::view(page, b, route, move || {
            if focus_pending.get_value() {
                focus_when_shown();
            }
        }),
        None => ().into_any(),
    };
    let main_view_of = move |page: Page| match page {
        Page::Loading => view! { <p class="loading">"Loading corpus…"</p> }.into_any(),
        Page::Waiting(msg) => view! { <p class="loading" role="status">{msg}</p> }.into_any(),
        Page::Failed(msg) => load_error(msg).into_any(),
        Page::Overview => match bundle() {
            Some(b) => view! { <Overview bundle=b route=route /> }.into_any(),
            None => ().into_any(),
        },
        // Every other page is in a module of its own, fetched when first entered.
        Page::Library => lazy(LazyPage::Library),
        Page::Entities => lazy(LazyPage::Entities),
        Page::Compare => lazy(LazyPage::Compare),
        Page::Search => lazy(LazyPage::Search),
        Page::Reader(index) => lazy(LazyPage::Reader {
            index,
            library_sort,
        }),
        Page::NotFound(id) => view! { <NotFound id=id /> }.into_any(),
    };
    let main_view = move || {
        // A new corpus (articles added or removed) renders the page anew.
        load.track();
        main_view_of(page.get())
    };

    let on_library = move || page.with(|p| *p == Page::Library);
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="site-header">
            <div class="site-header-inner">
                <a class="home-link" href="./">"Parallax"</a>
                <span class="tagline">"News corpus explorer"</span>
                <SearchBox route=route />
                <nav class="site-nav" aria-label="Site">
                    <a
                        href="./"
                        aria-current=move || page.with(|p| *p == Page::Overview).then_some("page")
                    >
                        "Overview"
                    </a>
                    <a
                        href=move || Route::library(library_sort.get()).href()
                        aria-current=move || on_library().then_some("page")
                    >
                        "Library"
                    </a>
                    <a
                        href="?page=entities"
                        aria-current=move || page.with(|p| *p == Page::Entities).then_some("page")
                    >
                        "Entities"
                    </a>
                    <a
                        href="?compare="
                        aria-current=move || page.with(|p| *p == Page::Compare).then_some("page")
                    >
                        "Compare"
                    </a>
                </nav>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <crate::local::ScopeNote />
            {main_view}
        </main>
        <footer class="site-footer">
            <p class="site-footer-inner">
                "Parallax shows each article as the parser read it; every value says where it came from."
            </p>
        </footer>
    }
}

/// The bundle could not be fetched or decoded: say why, inside the normal layout.
fn load_error(msg: String) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>"The corpus could not be loaded"</h1>
            <p>{msg}</p>
            <p>"Reload the page to try again. If it keeps failing, the site needs rebuilding."</p>
        </div>
    }
}

/// What `corpus.bin` holds: a whole bundle, or the manifest of a sharded corpus (told apart by
/// their first bytes, so a site serves either under the one name), read by `shards::open`.
enum Corpus {
    Whole(Box<Bundle>),
    Sharded(Vec<u8>),
}

/// "Could not load the corpus file “corpus.bin”: {why}."
fn corpus_failed(why: String) -> String {
    format!("Could not load the corpus file “{CORPUS_URL}”: {why}.")
}

/// Fetches and decodes the corpus. Errors are sentences for people, naming the file.
async fn fetch_corpus() -> Result<Corpus, String> {
    let bytes = crate::fetch::bytes(CORPUS_URL)
        .await
        .map_err(corpus_failed)?;
    if bytes.starts_with(MANIFEST_MAGIC) {
        return Ok(Corpus::Sharded(bytes));
    }
    Bundle::from_bytes(&bytes)
        .map(|b| Corpus::Whole(Box::new(b)))
        .map_err(|e| corpus_failed(e.to_string()))
}

/// Scrolls to the top and focuses the page's `<h1>` (made focusable with `tabindex="-1"`);
/// false when the page has no heading yet.
fn focus_heading() -> bool {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    match document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(h1) => h1.focus().is_ok(),
        None => false,
    }
}
