//! The entities page (`?page=entities`): every entity the recogniser found, with mention counts
//! per document, a heatmap of who mentions whom, and the contested names (entities that go by
//! more than one name, and which source uses which).
//!
//! The table is the accessible form of the matrix; the SVG heatmap above it draws the same
//! numbers and is hidden from assistive technology.

use crate::entity_index::{self, type_from_param, type_label, type_param, EntityIndex};
use crate::url_state::{self, EntitySort, Route};
use leptos::prelude::*;
use parallax_core::entities::EntityType;
use parallax_core::Bundle;
use std::sync::Arc;

/// How many rows the heatmap draws (the table lists them all).
const HEATMAP_ROWS: usize = 20;

#[component]
pub fn Entities(bundle: Arc<Bundle>, route: RwSignal<Route>) -> impl IntoView {
    let ents = entity_index::index(&bundle);
    let etype = Memo::new(move |_| route.with(|r| r.etype));
    let esort = Memo::new(move |_| route.with(|r| r.esort));
    let chosen = Memo::new(move |_| route.with(|r| r.entity.clone()));
    // Row indices in the chosen order, of the chosen type.
    let shown = {
        let ents = ents.clone();
        Memo::new(move |_| ordered_rows(&ents, etype.get(), esort.get()))
    };
    let on_type = move |ev: leptos::ev::Event| {
        let mut next = route.get_untracked();
        next.etype = type_from_param(&event_target_value(&ev));
        url_state::replace(route, next);
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let mut next = route.get_untracked();
        next.esort = EntitySort::from_param(&event_target_value(&ev)).unwrap_or_default();
        url_state::replace(route, next);
    };
    let intro = format!(
        "{} entities in {} documents, recognised when the corpus was bundled.",
        ents.rows().len(),
        bundle.documents.len(),
    );
    let type_options = EntityType::ALL
        .into_iter()
        .map(|t| {
            view! {
                <option value=type_param(t) prop:selected=move || etype.get() == Some(t)>
                    {type_label(t)}
                </option>
            }
        })
        .collect_view();
    let sort_options = EntitySort::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.as_param() prop:selected=move || esort.get() == s>
                    {s.label()}
                </option>
            }
        })
        .collect_view();
    let table = {
        let ents = ents.clone();
        move || entity_table(&ents, &shown.get(), chosen.get(), esort.get())
    };
    let heatmap = {
        let ents = ents.clone();
        move || heatmap(&ents, &shown.get())
    };
    let contested = contested_view(&bundle, &ents);
    let chosen_note = {
        let ents = ents.clone();
        move || {
            let name = chosen.get()?;
            let row = ents.find(&name)?;
            let r = &ents.rows()[row];
            let lib = Route::library_of_entity(&r.canonical).href();
            Some(view! {
                <p class="entity-chosen-note">
                    "Chosen: “" {r.canonical.clone()} "” (" {type_label(r.kind)} "). "
                    <a href=lib>
                        {match r.documents() {
                            1 => "The document that mentions it".to_string(),
                            n => format!("The {n} documents that mention it"),
                        }}
                    </a>
                    " · "
                    <a href=search_href(&r.canonical)>"Search within them"</a>
                </p>
            })
        }
    };
    view! {
        <div class="entities-page">
            <h1 tabindex="-1">"Entities"</h1>
            <p>{intro}</p>
            <p class="hint">
                "Choose an entity to list the documents that mention it; the reader then outlines its mentions."
            </p>
            {chosen_note}
            <div class="entity-controls">
                <div>
                    <label for="entity-type">"Type"</label>
                    <select id="entity-type" on:change=on_type>
                        <option value="" prop:selected=move || etype.get().is_none()>
                            "All types"
                        </option>
                        {type_options}
                    </select>
                </div>
                <div>
                    <label for="entity-sort">"Sort by"</label>
                    <select id="entity-sort" on:change=on_sort>
                        {sort_options}
                    </select>
                </div>
            </div>
            <section aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">"Who mentions whom"</h2>
                <figure class="heatmap-figure">
                    {heatmap}
                    <figcaption class="hint">
                        "Darker cells: more mentions. The table below has the same numbers for every entity."
                    </figcaption>
                </figure>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">
                    {table}
                </div>
            </section>
            {contested}
        </div>
    }
}

/// A search restricted to one entity, through the search index's `entity` facet.
fn search_href(canonical: &str) -> String {
    let q = format!("entity:\"{canonical}\"");
    format!("?q={}", url_state::encode_component(&q))
}

fn ordered_rows(ents: &EntityIndex, kind: Option<EntityType>, sort: EntitySort) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..ents.rows().len())
        .filter(|&i| kind.is_none_or(|k| ents.rows()[i].kind == k))
        .collect();
    // `rows` starts most mentioned first; each order breaks ties by that.
    match sort {
        EntitySort::Mentions => {}
        EntitySort::Documents => {
            rows.sort_by_key(|&i| std::cmp::Reverse(ents.rows()[i].documents()))
        }
        EntitySort::Name => rows.sort_by_cached_key(|&i| ents.rows()[i].canonical.to_lowercase()),
        EntitySort::Type => rows.sort_by_key(|&i| ents.rows()[i].kind),
    }
    rows
}

/// The entity × document table. Each name links to the library filtered to that entity.
fn entity_table(
    ents: &EntityIndex,
    rows: &[usize],
    chosen: Option<String>,
    sort: EntitySort,
) -> impl IntoView + use<> {
    let aria_sort = move |s: EntitySort| {
        (sort == s).then_some(if s == EntitySort::Name {
            "ascending"
        } else {
            "descending"
        })
    };
    let doc_heads = ents
        .labels
        .iter()
        .map(|l| view! { <th scope="col" class="num">{l.clone()}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|&i| {
            let r = &ents.rows()[i];
            let href = Route::library_of_entity(&r.canonical).href();
            let is_chosen = chosen.as_deref() == Some(r.canonical.as_str());
            let cells = (0..ents.labels.len())
                .map(|d| r.count_in(d))
                .map(|n| {
                    let class = if n == 0 { "num zero" } else { "num" };
                    view! { <td class=class>{n}</td> }
                })
                .collect_view();
            view! {
                <tr class:chosen=is_chosen aria-current=is_chosen.then_some("true")>
                    <th scope="row">
                        <a class="entity-link" href=href>{r.canonical.clone()}</a>
                    </th>
                    <td>
                        <span class=crate::components::entity_marks::mark_class(r.kind)>
                            {type_label(r.kind)}
                        </span>
                    </td>
                    <td class="num">{r.total}</td>
                    <td class="num">{r.documents()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="entity-table">
            <caption id="matrix-caption">
                {format!("{} entities: mentions in each document", rows.len())}
            </caption>
            <thead>
                <tr>
                    <th scope="col" aria-sort=aria_sort(EntitySort::Name)>"Entity"</th>
                    <th scope="col" aria-sort=aria_sort(EntitySort::Type)>"Type"</th>
                    <th scope="col" class="num" aria-sort=aria_sort(EntitySort::Mentions)>
                        "Mentions"
                    </th>
                    <th scope="col" class="num" aria-sort=aria_sort(EntitySort::Documents)>
                        "Documents"
                    </th>
                    {doc_heads}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// The first rows of the table as an SVG heatmap (decoration: `aria-hidden`).
fn heatmap(ents: &EntityIndex, rows: &[usize]) -> impl IntoView + use<> {
    let rows: Vec<usize> = rows.iter().copied().take(HEATMAP_ROWS).collect();
    let (label_w, head_h, cell_w, cell_h) = (190.0, 120.0, 44.0, 20.0);
    let cols = ents.labels.len();
    let max = rows
        .iter()
        .flat_map(|&i| ents.rows()[i].docs.iter().map(|&(_, n)| n as usize))
        .max()
        .unwrap_or(1)
        .max(1);
    let width = label_w + cell_w * cols as f64 + 90.0;
    let height = head_h + cell_h * rows.len() as f64 + 4.0;
    let heads = ents
        .labels
        .iter()
        .enumerate()
        .map(|(c, l)| {
            let x = label_w + cell_w * c as f64 + cell_w / 2.0;
            let short: String = l.chars().take(18).collect();
            view! {
                <text
                    x=x
                    y=head_h - 6.0
                    transform=format!("rotate(-40 {x} {})", head_h - 6.0)
                >
                    {short}
                </text>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(y, &i)| {
            let r = &ents.rows()[i];
            let top = head_h + cell_h * y as f64;
            let name: String = r.canonical.chars().take(26).collect();
            let cells = (0..cols)
                .map(|c| (c, r.count_in(c)))
                .map(|(c, n)| {
                    let x = label_w + cell_w * c as f64;
                    let (class, opacity) = if n == 0 {
                        ("cell-empty", 1.0)
                    } else {
                        ("cell", 0.15 + 0.85 * n as f64 / max as f64)
                    };
                    view! {
                        <rect
                            class=class
                            x=x + 1.0
                            y=top + 1.0
                            width=cell_w - 2.0
                            height=cell_h - 2.0
                            fill-opacity=opacity
                        />
                    }
                })
                .collect_view();
            view! {
                <text x=label_w - 6.0 y=top + cell_h - 6.0 text-anchor="end">{name}</text>
                {cells}
            }
        })
        .collect_view();
    view! {
        <svg
            class="heatmap"
            aria-hidden="true"
            focusable="false"
            width=width
            height=height
            viewBox=format!("0 0 {width} {height}")
        >
            {heads}
            {body}
        </svg>
    }
}

/// Entities named in more than one way, and per source the names it uses. "Contested": the
/// sources' preferred names differ (the engine's test, plural and case aside).
fn contested_view(bundle: &Bundle, ents: &EntityIndex) -> impl IntoView + use<> {
    let items = ents
        .alias_usage(bundle)
        .into_iter()
        .map(|u| {
            let sources = u
                .outlets
                .iter()
                .map(|o| {
                    let names = o
                        .aliases
                        .iter()
                        .map(|a| format!("“{}” ×{}", a.alias, a.count))
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! { <li><span class="card-source">{o.outlet.clone()}</span> ": " {names}</li> }
                })
                .collect_view();
            let href = Route::library_of_entity(&u.canonical).href();
            view! {
                <tr class:contested=u.contested>
                    <th scope="row">
                        <a class="entity-link" href=href>{u.canonical.clone()}</a>
                        " "
                        <span class="hint">{format!("({})", type_label(u.kind).to_lowercase())}</span>
                    </th>
                    <td>{if u.contested { "Yes: sources prefer different names" } else { "No" }}</td>
                    <td><ul class="card-names">{sources}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="contested-heading" class="contested">
            <h2 id="contested-heading">"Contested names"</h2>
            <p class="hint">
                "Entities that appear under more than one name in this corpus, and the names each source uses. Contested ones come first."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="contested-caption">
                <table class="contested-table">
                    <caption id="contested-caption">"Names used per source"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Entity"</th>
                            <th scope="col">"Contested"</th>
                            <th scope="col">"Names by source"</th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
        </section>
    }
}
