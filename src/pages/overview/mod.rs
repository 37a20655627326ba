//! The story overview, the landing page: the findings of comparing the corpus's articles, each
//! as a compact card (`cards.rs`) linking to its full view (timeline, facts that disagree, shared copy, who
//! speaks, contested names, framing). The comparison runs in the worker (`compare::lookup`, the
//! same cache the comparison page uses, so following a card's link is instant); contested names
//! come from the bundle's entity mentions.
//!
//! The cards are not needed for the page to be on screen and usable (they wait for the
//! comparison worker anyway), so their code (`cards.rs`, asking the worker, reading its answer,
//! the entity index) is a wasm module of its own, `split_overview_cards` (see
//! `crate::lazy_pages` for how a module is split off), fetched when the overview is first shown;
//! a "Comparing…" line holds their place meanwhile.

mod cards;
pub mod model;

use crate::components::dom::{el, fill, El};
use crate::lazy_pages::LoadFailed;
use crate::pages::compare::{lookup, MAX_DOCS};
use crate::url_state::{self, CompareView, OverviewRoute, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::wasm_split;
use parallax_core::Bundle;
use std::sync::Arc;

/// Said in place of the cards when their module cannot be fetched.
const NOT_LOADED: &str = "The overview's findings could not be loaded: the connection may be \
    down, or the site was updated since this tab opened it. Reload the page to try again.";

/// What the cards wait for.
#[derive(Clone)]
enum State {
    Waiting,
    Failed(String),
    Ready(Arc<model::Model>),
}

/// The documents the filters let through (every document when none is chosen): outlet and
/// author values OR-ed within a filter, filters AND-ed, dates as in the search (on or after
/// `after`, before `before`; an undated article is left out once a date is chosen). The
/// overview reads them all (the contested names; the compared articles are among them).
pub fn filtered(bundle: &Bundle, f: &OverviewRoute) -> Vec<usize> {
    let date = |v: &Option<String>| {
        v.as_deref()
            .and_then(|s| s.parse::<parallax_core::Date>().ok())
    };
    let (after, before) = (date(&f.after), date(&f.before));
    (0..bundle.documents.len())
        .filter(|&i| {
            let Some(m) = bundle.documents.get(i).map(|d| &d.meta) else {
                return false;
            };
            let published = m.published.as_ref().map(|p| p.value);
            (f.outlets.is_empty()
                || m.outlet
                    .as_ref()
                    .is_some_and(|o| f.outlets.contains(&o.value)))
                && (f.authors.is_empty() || m.authors.iter().any(|a| f.authors.contains(&a.value)))
                && after.is_none_or(|a| published.is_some_and(|p| p >= a))
                && before.is_none_or(|b| published.is_some_and(|p| p < b))
        })
        .collect()
}

/// The documents the overview compares: those the filters let through (all when none is
/// chosen), or, when there are more, the [`MAX_DOCS`] of them sharing the most named entities
/// with the others (`model::most_connected`; the comparison page's limit, so a card's link
/// opens this very comparison).
pub fn compared(bundle: &Bundle, f: &OverviewRoute) -> Vec<usize> {
    model::most_connected(&bundle.entities.rows, &filtered(bundle, f), MAX_DOCS)
}

/// The comparison page for documents `docs`, at view `v`.
pub fn full_view(bundle: &Bundle, docs: &[usize], v: CompareView) -> Route {
    Route::compare(
        docs.iter()
            .filter_map(|&i| bundle.documents.get(i).map(|d| d.id.clone()))
            .collect(),
        v,
    )
}

/// The comparison the overview of the whole corpus shows, at view `v` (the chooser's "Compare
/// all").
pub fn overview_route(bundle: &Bundle, v: CompareView) -> Route {
    full_view(bundle, &compared(bundle, &OverviewRoute::default()), v)
}

/// What [`ask_now`] needs (a split function's arguments cross a C-ABI call as one value).
struct Ask {
    bundle: Arc<Bundle>,
    docs: Vec<usize>,
    state: RwSignal<State>,
    current: RwSignal<Vec<usize>>,
}

#[wasm_split(overview_cards, fallible, wasm_split_path = ::leptos::wasm_split)]
fn ask_now(a: Ask) -> Result<(), LoadFailed> {
    ask(a.bundle, a.docs, (a.state, a.current));
    Ok(())
}

/// Asks for the comparison of `docs` (or finds it cached) and puts it in `state` when it is in,
/// unless the overview has moved on to other documents (`current`) meanwhile.
fn ask(
    bundle: Arc<Bundle>,
    docs: Vec<usize>,
    (state, current): (RwSignal<State>, RwSignal<Vec<usize>>),
) {
    let again = {
        let (bundle, docs) = (bundle.clone(), docs.clone());
        move || ask(bundle.clone(), docs.clone(), (state, current))
    };
    let answer = lookup(&bundle, &docs, again);
    let next = match answer {
        None => return,
        Some(Err(msg)) => State::Failed(msg),
        Some(Ok(c)) => State::Ready(Arc::new(model::build(&c.result, &c.names))),
    };
    // The page may be gone by the time the worker answers, or showing other outlets.
    if current.try_get_untracked().is_some_and(|c| c == docs) {
        let _ = state.try_set(next);
    }
}

/// Puts into `note` why document `index` looks re-published, once the overview's comparison
/// (cached, or asked of the worker now) is in; nothing when its dates raise no doubt or it is
/// not among the compared articles. For the reader's warning beside the publication date.
pub fn republication(bundle: Arc<Bundle>, index: usize, note: RwSignal<Option<String>>) {
    let docs = compared(&bundle, &OverviewRoute::default());
    if docs.len() < 2 || !docs.contains(&index) {
        return;
    }
    let again = {
        let bundle = bundle.clone();
        move || republication(bundle.clone(), index, note)
    };
    let Some(Ok(c)) = lookup(&bundle, &docs, again) else {
        return;
    };
    let Some(id) = bundle.documents.get(index).map(|d| d.id.as_str()) else {
        return;
    };
    // The reader may be gone by the time the worker answers.
    let _ = note.try_set(model::republication(&c.result, &c.names, id));
}

#[component]
pub fn Overview(bundle: Arc<Bundle>, route: RwSignal<Route>) -> impl IntoView {
    let total = bundle.documents.len();
    let filters = Memo::new(move |_| route.with(|r| r.part::<OverviewRoute>()));
    let state = RwSignal::new(State::Waiting);
    // The documents compared, known from the start so that no card says "none" meanwhile.
    let current = RwSignal::new(compared(&bundle, &filters.get_untracked()));
    // New filters: new documents to compare.
    {
        let bundle = bundle.clone();
        Effect::new(move |_| {
            let docs = compared(&bundle, &filters.get());
            current.set(docs.clone());
            state.set(State::Waiting);
            if docs.len() >= 2 {
                let bundle = bundle.clone();
                spawn_local(async move {
                    // The cards' module waits for the first paint (see why there).
                    crate::lazy_pages::after_first_paint().await;
                    let asked = ask_now(Ask {
                        bundle,
                        docs,
                        state,
                        current,
                    });
                    if asked.await.is_err() {
                        let _ = state.try_set(State::Failed(NOT_LOADED.to_string()));
                    }
                });
            }
        });
    }
    let scope = {
        let bundle = bundle.clone();
        move || {
            let f = filters.get();
            let pool = filtered(&bundle, &f).len();
            model::scope(
                total,
                pool,
                current.get().len(),
                model::describe(&f).as_deref(),
            )
        }
    };
    let clear = move || {
        filters
            .with(OverviewRoute::has_filters)
            .then(|| view! { " " <a href="./">"Show every article again"</a> "." })
    };
    let filter = filter_panel(&bundle, filters, route);
    // The cards are rebuilt when the comparison arrives (see `cards` for why with `dom`), once
    // their module is in; the latest build wins.
    let host = NodeRef::<leptos::html::Div>::new();
    let built = StoredValue::new(0u64);
    let b = bundle.clone();
    Effect::new(move |_| {
        let state = state.get();
        let docs = current.get();
        let Some(host) = host.get() else { return };
        if host.child_element_count() == 0 && docs.len() >= 2 {
            fill(&host, vec![waiting(docs.len())]);
        }
        let this = built.get_value() + 1;
        built.set_value(this);
        let show = Show {
            bundle: b.clone(),
            docs,
            state,
            filters: filters.get_untracked(),
        };
        spawn_local(async move {
            crate::lazy_pages::after_first_paint().await;
            let parts = show_cards(show).await.unwrap_or_else(|LoadFailed| {
                vec![el("p")
                    .class("notice notice-error")
                    .attr("role", "alert")
                    .text(NOT_LOADED)]
            });
            // The page may be gone, or have asked for newer cards meanwhile.
            if built.try_get_value() == Some(this) {
                fill(&host, parts);
            }
        });
    });
    view! {
        <div class="overview">
            <div class="overview-head">
                <h1 tabindex="-1">"Story overview"</h1>
                <p class="hint">
                    {scope} {clear} " " <a href="?page=library">"See every article in the library"</a> "."
                </p>
                {filter}
            </div>
            // Above the cards, which fill in later: the panel never moves when they do.
            <crate::local::AddArticles />
            <div class="overview-cards" node_ref=host></div>
        </div>
    }
}

/// The line that holds the cards' place while they wait.
fn waiting(docs: usize) -> El {
    el("p")
        .class("overview-wait")
        .attr("role", "status")
        .text(&format!("Comparing {docs} articles…"))
}

/// What the cards show (a split function's arguments cross a C-ABI call as one value).
struct Show {
    bundle: Arc<Bundle>,
    docs: Vec<usize>,
    state: State,
    filters: OverviewRoute,
}

/// The cards for `show`: why they are empty, the wait, the worker's failure or the findings,
/// and the contested names, which need no comparison.
#[wasm_split(overview_cards, fallible, wasm_split_path = ::leptos::wasm_split)]
fn show_cards(show: Show) -> Result<Vec<El>, LoadFailed> {
    let Show {
        bundle: b,
        docs,
        state,
        filters: f,
    } = show;
    let desc = model::describe(&f);
    let empty_why = model::empty_why(b.documents.len(), docs.len(), desc.as_deref());
    let by = desc.as_deref();
    let mut parts = match (&empty_why, state) {
        (Some(why), _) => cards::all_empty(why, by),
        (None, State::Waiting) => vec![waiting(docs.len())],
        (None, State::Failed(msg)) => vec![el("p")
            .class("notice notice-error")
            .attr("role", "alert")
            .text(&msg)],
        (None, State::Ready(m)) => cards::cards(&b, &docs, &m, by),
    };
    let pool = filtered(&b, &f);
    parts.push(cards::names_card(&b, &pool, by));
    Ok(parts)
}

/// The filters: outlets and authors as toggles, a publication date range. On a phone they fold
/// away under "Filters" (unless one is chosen), so that the cards start on the first screen.
fn filter_panel(
    bundle: &Bundle,
    filters: Memo<OverviewRoute>,
    route: RwSignal<Route>,
) -> impl IntoView + use<> {
    let outlets = counts(
        bundle
            .documents
            .iter()
            .filter_map(|d| d.meta.outlet.as_ref()),
    );
    let authors = counts(bundle.documents.iter().flat_map(|d| &d.meta.authors));
    let chosen = move || filters.with(|f| f.filters_counted());
    let open = crate::components::facets::is_wide() || chosen() > 0;
    let title = move || crate::components::facets::title(chosen());
    view! {
        <details class="overview-filters" open=open>
            <summary>{title}</summary>
            {toggles(("overview-values overview-outlets", "Outlets compared", "Only these outlets:"), outlets, filters, |f| &mut f.outlets)}
            {toggles(("overview-values overview-authors", "Authors compared", "Only these authors:"), authors, filters, |f| &mut f.authors)}
            {date_form(filters, route)}
        </details>
    }
}

/// Each value with its number of documents, most first (ties by name).
fn counts<'a>(
    values: impl Iterator<Item = &'a parallax_core::model::Field<String>>,
) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(name, _)| *name == v.value) {
            Some((_, n)) => *n += 1,
            None => counts.push((v.value.clone(), 1)),
        }
    }
    parallax_core::sort::stable_sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// Values as toggles ("☑ Reuters (2)"), each a link to the overview with that value toggled;
/// only when the corpus has more than one value to choose between.
fn toggles(
    (class, nav_label, label): (&'static str, &'static str, &'static str),
    counts: Vec<(String, usize)>,
    filters: Memo<OverviewRoute>,
    field: fn(&mut OverviewRoute) -> &mut Vec<String>,
) -> Option<impl IntoView + use<>> {
    if counts.len() < 2 {
        return None;
    }
    let items = counts
        .into_iter()
        .map(|(name, n)| {
            let on = {
                let name = name.clone();
                move || filters.with(|f| field(&mut f.clone()).contains(&name))
            };
            let href = {
                let name = name.clone();
                move || {
                    let mut f = filters.get();
                    let list = field(&mut f);
                    match list.iter().position(|o| *o == name) {
                        Some(i) => {
                            list.remove(i);
                        }
                        None => list.push(name.clone()),
                    }
                    Route::Overview(f).href()
                }
            };
            view! {
                <li>
                    <a
                        class="facet-value"
                        href=href
                        aria-current=move || on().then_some("true")
                    >
                        <span class="facet-name">{name}</span>
                        <span class="facet-count">{n}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <nav class=class aria-label=nav_label>
            <span class="overview-values-label">{label}</span>
            <ul>{items}</ul>
        </nav>
    })
}

/// "Published on or after … and before …": two date fields; Apply puts them in the URL.
fn date_form(filters: Memo<OverviewRoute>, route: RwSignal<Route>) -> impl IntoView + use<> {
    let (after, before) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    let value = |n: NodeRef<leptos::html::Input>| {
        n.get_untracked()
            .map(|i| i.value())
            .filter(|v| !v.is_empty())
    };
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (value(after), value(before));
        url_state::navigate_part(route, move |f: &mut OverviewRoute| {
            (f.after, f.before) = (a, b);
        });
    };
    let any = move || {
        filters
            .with(|f| f.after.is_some() || f.before.is_some())
            .then(|| {
                let mut f = filters.get();
                (f.after, f.before) = (None, None);
                view! { <a href=Route::Overview(f).href()>"Any date"</a> }
            })
    };
    view! {
        <form class="overview-dates" aria-label="Publication dates" on:submit=apply>
            <label>
                "Published on or after "
                <input type="date" name="after" node_ref=after
                    prop:value=move || filters.with(|f| f.after.clone().unwrap_or_default()) />
            </label>
            <label>
                " and before "
                <input type="date" name="before" node_ref=before
                    prop:value=move || filters.with(|f| f.before.clone().unwrap_or_default()) />
            </label>
            " "
            <button type="submit">"Apply dates"</button>
            " "
            {any}
        </form>
    }
}
