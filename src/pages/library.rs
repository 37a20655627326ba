//! The library: every document in the corpus, with its metadata, in a chosen order.

use crate::components::DateText;
use crate::entity_index::{self, type_label};
use crate::format::{join_names, words};
use crate::sort::sorted_indices;
use crate::url_state::{self, LibraryRoute, ReaderRoute, Route, Sort};
use leptos::prelude::*;
use parallax_core::{Bundle, Document};
use std::sync::Arc;

#[component]
pub fn Library(bundle: Arc<Bundle>, route: RwSignal<Route>) -> impl IntoView {
    let sort = Memo::new(move |_| route.with(|r| r.part::<LibraryRoute>().sort));
    let count = bundle.documents.len();
    // `entity=` keeps only the documents that mention that entity (recognised in the browser).
    let ents = entity_index::index(&bundle);
    let entity = Memo::new(move |_| route.with(|r| r.part::<LibraryRoute>().entity));
    let order = {
        let bundle = bundle.clone();
        let ents = ents.clone();
        move || {
            let all = sorted_indices(&bundle.documents, sort.get());
            match entity.get() {
                None => all,
                Some(name) => match ents.find(&name) {
                    Some(row) => all
                        .into_iter()
                        .filter(|&d| ents.mentions_in(d, row) > 0)
                        .collect(),
                    None => Vec::new(),
                },
            }
        }
    };
    let entity_note = move || {
        let name = entity.get()?;
        let all = Route::library(sort.get()).href();
        let what = match ents.find(&name) {
            Some(row) => {
                let r = &ents.rows()[row];
                let docs = r.documents();
                format!(
                    "Showing the {} that mention{} “{}” ({}, {} mentions).",
                    if docs == 1 {
                        "document".to_string()
                    } else {
                        format!("{docs} documents")
                    },
                    if docs == 1 { "s" } else { "" },
                    r.canonical,
                    type_label(r.kind).to_lowercase(),
                    r.total
                )
            }
            None => format!("No document mentions an entity named “{name}”."),
        };
        Some(view! {
            <p class="library-entity-note" role="status">
                {what} " " <a href=all>"Show all documents"</a>
            </p>
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let new_sort = Sort::from_param(&event_target_value(&ev)).unwrap_or_default();
        url_state::replace_part(route, |r: &mut LibraryRoute| r.sort = new_sort);
    };

    view! {
        <div class="library">
            <div class="library-head">
                <h1 tabindex="-1">"Library"</h1>
                <p class="library-count">
                    {match count {
                        1 => "1 document".to_string(),
                        n => format!("{} documents", crate::format::thousands(n)),
                    }}
                </p>
                // Filters (facets) live in the search view; with no query it lists every document.
                <a class="library-filter" href="?mode=docs">
                    "Filter by outlet, author or date"
                </a>
                <div class="sort-control">
                    <label for="sort">"Sort by"</label>
                    <select id="sort" aria-describedby="sort-hint" on:change=on_change>
                        {Sort::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.as_param() prop:selected=move || sort.get() == s>
                                        {s.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p id="sort-hint" class="hint">
                        {move || sort.get().hint()}
                    </p>
                </div>
            </div>
            <crate::local::AddArticles />
            {entity_note}
            {(count == 0).then(|| view! { <p class="empty">"The corpus has no documents."</p> })}
            <ol class="doc-list">
                <For
                    each=order
                    // Indices come from `sorted_indices` over this same immutable bundle, so
                    // they are always in range.
                    key={
                        let bundle = bundle.clone();
                        // The entity is in the links, so a new entity renders the items anew.
                        move |i: &usize| (bundle.documents[*i].id.clone(), entity.get_untracked())
                    }
                    children={
                        let bundle = bundle.clone();
                        move |i: usize| {
                            doc_item(
                                &bundle.documents[i],
                                crate::labels::of(&bundle, i),
                                entity.get_untracked(),
                            )
                        }
                    }
                />
            </ol>
        </div>
    }
}

/// One entry of the list. Every field is present even when the value is not, so that absence is
/// visible ("Outlet not stated") rather than silently skipped.
fn doc_item(doc: &Document, label: String, entity: Option<String>) -> impl IntoView + use<> {
    // With an entity chosen, the reader opens with its mentions outlined.
    let href = Route::Reader(ReaderRoute {
        doc: doc.id.clone(),
        entity,
        ..ReaderRoute::default()
    })
    .href();
    // The article's one name (`crate::labels`), the same in every view.
    let heading_class = if doc.title().is_some() {
        "doc-heading"
    } else {
        "doc-heading untitled"
    };
    let heading = view! {
        <h2 class=heading_class>
            <a class="doc-link" href=href>{label}</a>
        </h2>
    };
    let m = &doc.meta;
    let outlet = match &m.outlet {
        Some(f) => view! { <span class="doc-outlet">{f.value.clone()}</span> }.into_any(),
        None => view! { <span class="doc-outlet missing">"Outlet not stated"</span> }.into_any(),
    };
    let authors = if m.authors.is_empty() {
        view! { <span class="doc-authors missing">"Authors not stated"</span> }.into_any()
    } else {
        let names: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
        view! { <span class="doc-authors">"By " {join_names(&names)}</span> }.into_any()
    };
    let published = match &m.published {
        Some(f) => {
            view! { <span class="doc-published">"Published " <DateText date=f.value /></span> }
                .into_any()
        }
        None => view! { <span class="doc-published missing">"Publication date not stated"</span> }
            .into_any(),
    };
    let updated = match &m.updated {
        Some(f) => view! { <span class="doc-updated">"Updated " <DateText date=f.value /></span> }
            .into_any(),
        None => {
            view! { <span class="doc-updated missing">"Update date not stated"</span> }.into_any()
        }
    };
    let local = crate::local::is_local(&doc.file)
        .then(|| view! { <span class="doc-local">"Added in this browser"</span> });
    view! {
        <li class="doc-item" data-doc-id=doc.id.clone()>
            {heading}
            {local}
            <p class="doc-facts">
                {outlet}
                {authors}
                {published}
                {updated}
                <span class="doc-words">{words(doc.word_count())}</span>
            </p>
        </li>
    }
}
