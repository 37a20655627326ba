//! The story overview, the landing page: the findings of comparing the corpus's articles, each
//! as a compact card (`cards.rs`) linking to its full view (timeline, facts that disagree, shared copy, who
//! speaks, contested names, framing). The comparison runs in the worker (`compare::lookup`, the
//! same cache the comparison page uses, so following a card's link is instant); contested names
//! come from the bundle's entity mentions.

mod cards;
pub mod model;

use crate::components::dom::{el, fill};
use crate::pages::compare::{lookup, MAX_DOCS};
use crate::url_state::{CompareView, OverviewRoute, Route};
use leptos::prelude::*;
use parallax_core::Bundle;
use std::sync::Arc;

/// What the cards wait for.
#[derive(Clone)]
enum State {
    Waiting,
    Failed(String),
    Ready(Arc<model::Model>),
}

/// The documents of the chosen outlets (every document when none is chosen).
fn of_outlets(bundle: &Bundle, outlets: &[String]) -> Vec<usize> {
    (0..bundle.documents.len())
        .filter(|&i| {
            outlets.is_empty()
                || bundle.documents.get(i).is_some_and(|d| {
                    d.meta
                        .outlet
                        .as_ref()
                        .is_some_and(|o| outlets.contains(&o.value))
                })
        })
        .collect()
}

/// The documents the overview compares: those of the chosen outlets (all when none is chosen),
/// or, when there are more, the [`MAX_DOCS`] of them sharing the most named entities with the
/// others (`model::most_connected`; the comparison page's limit, so a card's link opens this
/// very comparison).
pub fn compared(bundle: &Bundle, outlets: &[String]) -> Vec<usize> {
    model::most_connected(
        &bundle.entities.rows,
        &of_outlets(bundle, outlets),
        MAX_DOCS,
    )
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
    full_view(bundle, &compared(bundle, &[]), v)
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
    let docs = compared(&bundle, &[]);
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
    let outlets = Memo::new(move |_| route.with(|r| r.part::<OverviewRoute>().outlets));
    let state = RwSignal::new(State::Waiting);
    // The documents compared, known from the start so that no card says "none" meanwhile.
    let current = RwSignal::new(compared(&bundle, &outlets.get_untracked()));
    // A new choice of outlets: new documents to compare.
    {
        let bundle = bundle.clone();
        Effect::new(move |_| {
            let docs = compared(&bundle, &outlets.get());
            current.set(docs.clone());
            state.set(State::Waiting);
            if docs.len() >= 2 {
                ask(bundle.clone(), docs, (state, current));
            }
        });
    }
    let scope = {
        let bundle = bundle.clone();
        move || {
            let chosen = outlets.get();
            let pool = of_outlets(&bundle, &chosen).len();
            let n = current.get().len();
            let of = if chosen.is_empty() {
                format!("the corpus’s {total} articles")
            } else {
                format!("the {pool} articles of {}", chosen.join(", "))
            };
            if pool > n {
                format!(
                    "The {n} of {of} that share the most people, organisations and places with the others, compared with each other (a comparison takes at most {MAX_DOCS} at once)."
                )
            } else if chosen.is_empty() {
                format!("All {total} articles of the corpus compared with each other.")
            } else {
                format!("All {of} compared with each other.")
            }
        }
    };
    let filter = outlet_filter(&bundle, outlets);
    // The cards are rebuilt when the comparison arrives (see `cards` for why with `dom`).
    let host = NodeRef::<leptos::html::Div>::new();
    let b = bundle.clone();
    Effect::new(move |_| {
        let s = state.get();
        let docs = current.get();
        let Some(host) = host.get() else { return };
        let empty_why = match (total, docs.len()) {
            (0, _) => Some("The corpus has no articles."),
            (1, _) => Some("The corpus has one article: there is nothing to compare it with."),
            (_, 0) => Some("None of the corpus’s articles is from the chosen outlets."),
            (_, 1) => {
                Some("The chosen outlets have one article: there is nothing to compare it with.")
            }
            _ => None,
        };
        let mut parts = match (empty_why, s) {
            (Some(why), _) => cards::all_empty(why),
            (None, State::Waiting) => vec![el("p")
                .class("overview-wait")
                .attr("role", "status")
                .text(&format!("Comparing {} articles…", docs.len()))],
            (None, State::Failed(msg)) => vec![el("p")
                .class("notice notice-error")
                .attr("role", "alert")
                .text(&msg)],
            (None, State::Ready(m)) => cards::cards(&b, &docs, &m),
        };
        let pool = of_outlets(&b, &outlets.get_untracked());
        parts.push(cards::names_card(&b, &pool));
        fill(&host, parts);
    });
    view! {
        <div class="overview">
            <div class="overview-head">
                <h1 tabindex="-1">"Story overview"</h1>
                <p class="hint">
                    {scope} " " <a href="?page=library">"See every article in the library"</a> "."
                </p>
                {filter}
            </div>
            // Above the cards, which fill in later: the panel never moves when they do.
            <crate::local::AddArticles />
            <div class="overview-cards" node_ref=host></div>
        </div>
    }
}

/// The outlets as toggles ("☑ Reuters (2)"), each a link to the overview of the outlets then
/// chosen; only when the corpus has articles from more than one outlet.
fn outlet_filter(bundle: &Bundle, chosen: Memo<Vec<String>>) -> Option<impl IntoView + use<>> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for d in &bundle.documents {
        if let Some(o) = &d.meta.outlet {
            match counts.iter_mut().find(|(name, _)| *name == o.value) {
                Some((_, n)) => *n += 1,
                None => counts.push((o.value.clone(), 1)),
            }
        }
    }
    if counts.len() < 2 {
        return None;
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let items = counts
        .into_iter()
        .map(|(name, n)| {
            let on = {
                let name = name.clone();
                move || chosen.with(|c| c.contains(&name))
            };
            let href = {
                let name = name.clone();
                move || {
                    let mut outlets = chosen.get();
                    match outlets.iter().position(|o| *o == name) {
                        Some(i) => {
                            outlets.remove(i);
                        }
                        None => outlets.push(name.clone()),
                    }
                    Route::Overview(OverviewRoute { outlets }).href()
                }
            };
            let on2 = on.clone();
            view! {
                <li>
                    <a
                        class="facet-value"
                        href=href
                        aria-current=move || on().then_some("true")
                    >
                        <span class="facet-check" aria-hidden="true">
                            {move || if on2() { "☑" } else { "☐" }}
                        </span>
                        <span class="facet-name">{name}</span>
                        <span class="facet-count">{n}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <nav class="overview-outlets" aria-label="Outlets compared">
            <span class="overview-outlets-label">"Only these outlets:"</span>
            <ul>{items}</ul>
        </nav>
    })
}
