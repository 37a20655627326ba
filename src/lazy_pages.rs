//! The pages the landing page does not show (library, reader, entities, search, comparison),
//! each split into its own wasm module that the browser fetches when the page is opened, or
//! earlier: for the page the app starts on, and for a link the pointer or focus reaches.
//!
//! Each `#[wasm_split(name)]` function below is a split point: `wasm-split-cli` (run on the
//! compiled wasm by `scripts/split-wasm.mjs`, Trunk's post_build hook) moves the function and
//! everything only it reaches into `name.wasm`, and the call becomes "fetch and instantiate that
//! module once, then call". Code two pages share goes into a shared chunk, code the landing page
//! also uses stays in the main module. This is what Leptos's `#[lazy]` expands to, with the
//! `fallible` option added: `#[lazy]` panics (which aborts the whole app) when a module cannot
//! be fetched, say offline or after a redeploy; here the page says so and the rest keeps working.

use crate::pages::{Compare, Entities, Library, Reader, Search};
use crate::url_state::{Route, Sort};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use parallax_core::Bundle;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::JsCast;

/// A page's module could not be fetched or instantiated (the browser's console has the details).
pub struct LoadFailed;

impl From<SplitLoaderError> for LoadFailed {
    fn from(_: SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// What a split function that renders a view returns.
pub type Loaded = Result<AnyView, LoadFailed>;

#[wasm_split(library, fallible, wasm_split_path = ::leptos::wasm_split)]
fn library(bundle: Arc<Bundle>, route: RwSignal<Route>) -> Loaded {
    Ok(view! { <Library bundle=bundle route=route /> }.into_any())
}

#[wasm_split(entities, fallible, wasm_split_path = ::leptos::wasm_split)]
fn entities(bundle: Arc<Bundle>, route: RwSignal<Route>) -> Loaded {
    Ok(view! { <Entities bundle=bundle route=route /> }.into_any())
}

#[wasm_split(search, fallible, wasm_split_path = ::leptos::wasm_split)]
fn search(bundle: Arc<Bundle>, route: RwSignal<Route>) -> Loaded {
    Ok(view! { <Search bundle=bundle route=route /> }.into_any())
}

#[wasm_split(compare, fallible, wasm_split_path = ::leptos::wasm_split)]
fn compare(bundle: Arc<Bundle>, route: RwSignal<Route>) -> Loaded {
    Ok(view! { <Compare bundle=bundle route=route /> }.into_any())
}

/// The reader's arguments in one value (a split function's arguments cross a C-ABI call).
pub struct ReaderArgs {
    pub bundle: Arc<Bundle>,
    pub index: usize,
    pub route: RwSignal<Route>,
    pub library_sort: RwSignal<Sort>,
}

#[wasm_split(reader, fallible, wasm_split_path = ::leptos::wasm_split)]
fn reader(args: ReaderArgs) -> Loaded {
    let ReaderArgs {
        bundle,
        index,
        route,
        library_sort,
    } = args;
    Ok(
        view! { <Reader bundle=bundle index=index route=route library_sort=library_sort /> }
            .into_any(),
    )
}

/// A page that lives in another module, for `app.rs`'s page switch.
pub enum LazyPage {
    Library,
    Entities,
    Search,
    Compare,
    Reader {
        index: usize,
        library_sort: RwSignal<Sort>,
    },
}

/// The page, rendered at once when its module is already loaded and after the fetch otherwise
/// (then `arrived` runs once it is on screen); meanwhile a loading line holds the layout, and a
/// failed fetch says what to do.
pub fn view(
    page: LazyPage,
    bundle: Arc<Bundle>,
    route: RwSignal<Route>,
    arrived: impl Fn() + Send + Sync + 'static,
) -> AnyView {
    let load: Pin<Box<dyn Future<Output = Loaded> + Send>> = match page {
        LazyPage::Library => Box::pin(library(bundle, route)),
        LazyPage::Entities => Box::pin(entities(bundle, route)),
        LazyPage::Search => Box::pin(search(bundle, route)),
        LazyPage::Compare => Box::pin(compare(bundle, route)),
        LazyPage::Reader {
            index,
            library_sort,
        } => Box::pin(reader(ReaderArgs {
            bundle,
            index,
            route,
            library_sort,
        })),
    };
    when_loaded(
        load,
        || view! { <p class="loading">"Loading this page…"</p> }.into_any(),
        || failed().into_any(),
        Box::new(arrived),
    )
}

/// What `load` renders, at once when its module is already loaded; `waiting` meanwhile and
/// `failed` if the module could not be fetched. `arrived` runs once it is in, before it is
/// mounted. (Function pointers and boxes: one copy of this code serves every caller. A signal
/// rather than `<Suspense>`, whose machinery the first load would carry for this alone.)
pub fn when_loaded(
    load: Pin<Box<dyn Future<Output = Loaded> + Send>>,
    waiting: fn() -> AnyView,
    failed: fn() -> AnyView,
    arrived: Box<dyn Fn() + Send + Sync>,
) -> AnyView {
    // Polled with the current owner (and no observer), so the page's signals and effects belong
    // to the view that shows it and go with it.
    let mut shown = Box::pin(ScopedFuture::new_untracked(async move {
        let shown = load.await.unwrap_or_else(|LoadFailed| failed());
        // Before this view is mounted: what `arrived` does waits for the next frame.
        arrived();
        shown
    }));
    // A module already loaded answers at once: no waiting state in between.
    if let Poll::Ready(view) = shown.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return view;
    }
    let slot = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let view = shown.await;
        // The page may have been left meanwhile: then there is nothing to show it in.
        if slot.try_set_value(Some(view)).is_none() {
            let _ = ready.try_set(true);
        }
    });
    (move || match ready.get() {
        true => slot
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        false => waiting(),
    })
    .into_any()
}

thread_local! {
    /// Whether [`after_first_paint`] has resolved once: later calls resolve at once.
    static PAINTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Resolves after the browser has painted the app's first frame (at once from then on).
///
/// The landing page fetches modules it does not need for that frame (the overview's cards, the
/// "Add articles" controls, and the shared chunks they pull in: some fifty requests). Started
/// during mount they compete with the first paint, and Lighthouse's simulated slow network
/// counts every request begun before the largest paint in that paint's time. Started from a
/// task queued by the frame's `requestAnimationFrame` callback, they begin just after it.
pub async fn after_first_paint() {
    if PAINTED.with(std::cell::Cell::get) {
        return;
    }
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        crate::frames::after_next_paint(move |_| {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
    });
    // The promise cannot reject; either way the caller goes on.
    let _ = send_wrapper::SendWrapper::new(wasm_bindgen_futures::JsFuture::from(painted)).await;
    PAINTED.with(|p| p.set(true));
}

fn failed() -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>
                "Parallax fetches each page's code when it is first opened, and that failed: the "
                "connection may be down, or the site was updated since this tab opened it."
            </p>
            <p>"Reload the page to try again."</p>
        </div>
    }
}

/// Starts fetching the module of the page `route` shows, if it is not there yet: the app does
/// so for the page it opens on (beside the corpus) and for the page a link leads to as soon as
/// the pointer or the keyboard focus reaches the link.
pub fn preload(route: &Route) {
    let Some(module) = module_of(route) else {
        return;
    };
    leptos::task::spawn_local(async move {
        // A failure is retried when the page is entered, where it is reported.
        let _ = match module {
            Module::Library => __wasm_split_preload_library().await,
            Module::Entities => __wasm_split_preload_entities().await,
            Module::Search => __wasm_split_preload_search().await,
            Module::Compare => __wasm_split_preload_compare().await,
            Module::Reader => __wasm_split_preload_reader().await,
        };
    });
}

#[derive(Clone, Copy)]
enum Module {
    Library,
    Entities,
    Search,
    Compare,
    Reader,
}

fn module_of(route: &Route) -> Option<Module> {
    match route {
        Route::Overview(_) => None,
        Route::Library(_) => Some(Module::Library),
        Route::Entities(_) => Some(Module::Entities),
        Route::Search(_) => Some(Module::Search),
        Route::Compare(_) => Some(Module::Compare),
        Route::Reader(_) => Some(Module::Reader),
    }
}

/// Preloads the page behind a link the pointer moves over or the focus reaches (one listener
/// each on the window, for every link in the app).
pub fn preload_on_intent() {
    let on = |ev: &web_sys::Event| {
        let anchor = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(a) =
            anchor.filter(|a| a.origin() == window().location().origin().unwrap_or_default())
        {
            preload(&Route::from_query(&a.search()));
        }
    };
    // The handles are dropped on purpose: the listeners live as long as the page.
    let _ = window_event_listener(leptos::ev::pointerover, move |ev| on(&ev));
    let _ = window_event_listener(leptos::ev::focusin, move |ev| on(&ev));
}
