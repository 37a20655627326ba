//! The story overview, the landing page: the findings of comparing the corpus's articles, each
//! as a compact card (`cards.rs`) linking to its full view (timeline, facts that disagree, shared copy, who
//! speaks, contested names, framing). The comparison runs in the worker (`compare::lookup`, the
//! same cache the comparison page uses, so following a card's link is instant); contested names
//! come from the bundle's entity mentions.

mod cards;
pub mod model;

use crate::components::dom::{el, fill};
use crate::pages::compare::{lookup, MAX_DOCS};
use crate::url_state::{CompareView, Route};
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

/// The documents the overview compares: all of them, or, of a larger corpus, the [`MAX_DOCS`]
/// that share the most named entities with the others (`model::most_connected`; the comparison
/// page's limit, so a card's link opens this very comparison).
pub fn compared(bundle: &Bundle) -> Vec<usize> {
    model::most_connected(&bundle.entities.rows, bundle.documents.len(), MAX_DOCS)
}

/// The comparison page for the overview's documents, at view `v`.
pub fn full_view(bundle: &Bundle, v: CompareView) -> Route {
    Route::compare(
        compared(bundle)
            .into_iter()
            .filter_map(|i| bundle.documents.get(i).map(|d| d.id.clone()))
            .collect(),
        v,
    )
}

/// Asks for the comparison (or finds it cached) and puts it in `state` when it is in.
fn ask(bundle: Arc<Bundle>, docs: Vec<usize>, state: RwSignal<State>) {
    let again = {
        let (bundle, docs) = (bundle.clone(), docs.clone());
        move || ask(bundle.clone(), docs.clone(), state)
    };
    let answer = lookup(&bundle, &docs, again);
    let next = match answer {
        None => return,
        Some(Err(msg)) => State::Failed(msg),
        Some(Ok(c)) => State::Ready(Arc::new(model::build(&c.result, &c.names))),
    };
    // The page may be gone by the time the worker answers.
    let _ = state.try_set(next);
}

/// Puts into `note` why document `index` looks re-published, once the overview's comparison
/// (cached, or asked of the worker now) is in; nothing when its dates raise no doubt or it is
/// not among the compared articles. For the reader's warning beside the publication date.
pub fn republication(bundle: Arc<Bundle>, index: usize, note: RwSignal<Option<String>>) {
    let docs = compared(&bundle);
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
pub fn Overview(bundle: Arc<Bundle>) -> impl IntoView {
    let total = bundle.documents.len();
    let docs = compared(&bundle);
    let state = RwSignal::new(State::Waiting);
    if docs.len() >= 2 {
        ask(bundle.clone(), docs.clone(), state);
    }
    let scope = if total > docs.len() {
        format!(
            "The {} of the corpus’s {total} articles that share the most people, organisations and places with the others, compared with each other (a comparison takes at most {MAX_DOCS} at once).",
            docs.len()
        )
    } else {
        format!("All {total} articles of the corpus compared with each other.")
    };
    let empty_why = match total {
        0 => Some("The corpus has no articles."),
        1 => Some("The corpus has one article: there is nothing to compare it with."),
        _ => None,
    };
    // The cards are rebuilt when the comparison arrives (see `cards` for why with `dom`).
    let host = NodeRef::<leptos::html::Div>::new();
    let b = bundle.clone();
    Effect::new(move |_| {
        let s = state.get();
        let Some(host) = host.get() else { return };
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
            (None, State::Ready(m)) => cards::cards(&b, &m),
        };
        parts.push(cards::names_card(&b));
        fill(&host, parts);
    });
    view! {
        <div class="overview">
            <div class="overview-head">
                <h1 tabindex="-1">"Story overview"</h1>
                <p class="hint">
                    {scope} " " <a href="?page=library">"See every article in the library"</a> "."
                </p>
            </div>
            // Above the cards, which fill in later: the panel never moves when they do.
            <crate::local::AddArticles />
            <div class="overview-cards" node_ref=host></div>
        </div>
    }
}
