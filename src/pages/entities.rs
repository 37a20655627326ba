//! The entities page (`?page=entities`): first the contested names (entities the articles call by
//! different names, and which source uses which, or past
//! [`SOURCES_LISTED`](parallax_core::entities::SOURCES_LISTED) sources how many prefer each
//! name), kept apart from names that differ only in spelling or abbreviation
//! (`parallax_core::variants`); then every entity with its mentions per article, as a table
//! whose cells are shaded by count (a heatmap that carries its numbers), up to
//! [`ARTICLE_COLUMNS`] articles; past that, each entity's totals. Dates and numbers are listed
//! only when asked for (`etype=all` or the type).

use crate::entity_index::{self, type_label, EntityIndex};
use crate::format::thousands;
use crate::url_state::{self, EntitiesRoute, EntitySort, Route, TypeFilter};
use leptos::prelude::*;
use parallax_core::entities::{BySource, EntityType, NamedWays};
use parallax_core::sort::{stable_sort_by, stable_sort_by_key};
use parallax_core::Bundle;
use std::sync::Arc;

/// How many shades the table's cells have (besides none for zero).
const HEAT_LEVELS: usize = 5;

/// Articles up to which the table has a column per article. Past it the table lists each
/// entity's totals only: thousands of columns are neither readable nor quick to lay out (at
/// 10,000 generated articles the page took about 30 s to appear), and choosing an entity
/// lists the articles that name it.
const ARTICLE_COLUMNS: usize = 50;

/// Whether the table has a column per article ([`ARTICLE_COLUMNS`]).
fn has_article_columns(ents: &EntityIndex) -> bool {
    ents.labels.len() <= ARTICLE_COLUMNS
}

#[component]
pub fn Entities(bundle: Arc<Bundle>, route: RwSignal<Route>) -> impl IntoView {
    let ents = entity_index::index(&bundle);
    let state = move || route.with(|r| r.part::<EntitiesRoute>());
    let etype = Memo::new(move |_| state().etype);
    let esort = Memo::new(move |_| state().esort);
    let chosen = Memo::new(move |_| state().entity);
    // Row indices in the chosen order, of the chosen type.
    let shown = {
        let ents = ents.clone();
        Memo::new(move |_| ordered_rows(&ents, etype.get(), esort.get()))
    };
    let on_type = move |ev: leptos::ev::Event| {
        let etype = TypeFilter::from_param(&event_target_value(&ev));
        url_state::replace_part(route, |r: &mut EntitiesRoute| r.etype = etype);
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let esort = EntitySort::from_param(&event_target_value(&ev)).unwrap_or_default();
        url_state::replace_part(route, |r: &mut EntitiesRoute| r.esort = esort);
    };
    let intro = format!(
        "{} entities in {} documents, recognised when the corpus was bundled.",
        ents.rows().len(),
        bundle.documents.len(),
    );
    let type_options = [TypeFilter::Names, TypeFilter::All]
        .into_iter()
        .chain(EntityType::ALL.into_iter().map(TypeFilter::Only))
        .map(|f| {
            let label = match f {
                TypeFilter::Names => "People, organisations, places and groups",
                TypeFilter::All => "All types, with dates and numbers",
                TypeFilter::Only(t) => type_label(t),
            };
            view! {
                <option value=f.as_param() prop:selected=move || etype.get() == f>
                    {label}
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
    let names = names_view(&bundle, &ents);
    let matrix_hint = if has_article_columns(&ents) {
        "Mentions of each entity in each article; the darker the cell, the more mentions."
            .to_string()
    } else {
        format!(
            "Mentions of each entity, and how many articles name it: with more than \
             {ARTICLE_COLUMNS} articles the table has no column per article. Choose an entity \
             to list the articles that mention it."
        )
    };
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
            {names}
            <section aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">"Who mentions whom"</h2>
                <div class="entity-controls">
                    <div>
                        <label for="entity-type">"Show"</label>
                        <select id="entity-type" on:change=on_type>
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
                <p class="hint">{matrix_hint}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">
                    {table}
                </div>
            </section>
        </div>
    }
}

/// A search restricted to one entity, through the search index's `entity` facet.
fn search_href(canonical: &str) -> String {
    let q = format!("entity:\"{canonical}\"");
    format!("?q={}", url_state::encode_component(&q))
}

fn ordered_rows(ents: &EntityIndex, kinds: TypeFilter, sort: EntitySort) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..ents.rows().len())
        .filter(|&i| kinds.includes(ents.rows()[i].kind))
        .collect();
    // `rows` starts most mentioned first; each order breaks ties by that.
    match sort {
        EntitySort::Mentions => {}
        EntitySort::Documents => stable_sort_by_key(&mut rows, |&i| {
            std::cmp::Reverse(ents.rows()[i].documents())
        }),
        EntitySort::Name => {
            // Each name lowercased once, not at every comparison.
            let mut keyed: Vec<(String, usize)> = rows
                .iter()
                .map(|&i| (ents.rows()[i].canonical.to_lowercase(), i))
                .collect();
            stable_sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
            rows = keyed.into_iter().map(|(_, i)| i).collect();
        }
        EntitySort::Type => stable_sort_by_key(&mut rows, |&i| ents.rows()[i].kind),
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
    let per_article = has_article_columns(ents);
    let doc_heads = per_article.then(|| {
        ents.labels
            .iter()
            .map(|l| view! { <th scope="col" class="num doc-col">{l.clone()}</th> })
            .collect_view()
    });
    // The largest count a cell shows (none without the article columns).
    let max = if per_article {
        rows.iter()
            .flat_map(|&i| ents.rows()[i].docs.iter().map(|&(_, n)| n as usize))
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let body = rows
        .iter()
        .map(|&i| {
            let r = &ents.rows()[i];
            let href = Route::library_of_entity(&r.canonical).href();
            let is_chosen = chosen.as_deref() == Some(r.canonical.as_str());
            let cells = per_article.then(|| {
                (0..ents.labels.len())
                    .map(|d| r.count_in(d))
                    .map(|n| view! { <td class=format!("num heat-{}", heat(n, max))>{n}</td> })
                    .collect_view()
            });
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
                {if per_article {
                    format!("{} entities: mentions in each document", rows.len())
                } else {
                    format!("{} entities: mentions in the corpus", rows.len())
                }}
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
        <crate::export::TableDownload name="entities" selector="table.entity-table" />
    }
}

/// The shade of a cell: 0 for no mention, else 1 to [`HEAT_LEVELS`] by its share of the
/// largest count shown.
fn heat(n: usize, max: usize) -> usize {
    if n == 0 || max == 0 {
        return 0;
    }
    (n * HEAT_LEVELS).div_ceil(max).clamp(1, HEAT_LEVELS)
}

/// An entity called by different names: how, and the first name of each group of mere
/// variants ("Karabakh", "Garabagh", "Artsakh").
struct Contested {
    ways: NamedWays,
    names: Vec<String>,
}

/// The entities named in more than one way, split: contested (different names, first, most
/// mentioned first) and mere variants (spelling, abbreviation, a shorter form).
fn split_names(ways: Vec<NamedWays>) -> (Vec<Contested>, Vec<NamedWays>) {
    let (mut contested, mut variants) = (Vec::new(), Vec::new());
    for w in ways {
        let names = w.distinct_names();
        if names.len() >= 2 {
            contested.push(Contested { ways: w, names });
        } else {
            variants.push(w);
        }
    }
    // Sources preferring different names first, then the most mentioned; the name breaks ties.
    stable_sort_by(&mut contested, |a, b| {
        (b.ways.contested, b.ways.mentions())
            .cmp(&(a.ways.contested, a.ways.mentions()))
            .then_with(|| a.ways.canonical.cmp(&b.ways.canonical))
    });
    stable_sort_by(&mut variants, |a, b| {
        b.mentions()
            .cmp(&a.mentions())
            .then_with(|| a.canonical.cmp(&b.canonical))
    });
    (contested, variants)
}

/// "“Karabakh” ×3, “Garabagh” ×1".
fn counted(aliases: &[parallax_core::entities::AliasCount]) -> String {
    aliases
        .iter()
        .map(|a| format!("“{}” ×{}", a.alias, a.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Contested names first (a table: the different names, and per source the names it uses),
/// then, folded away, the entities whose names differ only in spelling or abbreviation.
/// A sharded corpus's come from its entity file (`shards::named_ways`), without the articles.
fn names_view(bundle: &Bundle, ents: &EntityIndex) -> impl IntoView + use<> {
    let ways =
        crate::shards::named_ways().unwrap_or_else(|| NamedWays::of(&ents.alias_usage(bundle)));
    let (contested, variants) = split_names(ways);
    let rows = contested
        .iter()
        .map(|c| {
            let u = &c.ways;
            let sources = match &u.by_source {
                BySource::Each(outlets) => outlets
                    .iter()
                    .map(|o| {
                        view! {
                            <li>
                                <span class="card-source">{o.outlet.clone()}</span>
                                ": "
                                {counted(&o.aliases)}
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any(),
                BySource::Preferred(by) => by
                    .iter()
                    .map(|(name, n)| {
                        view! {
                            <li>
                                {format!(
                                    "“{name}”: preferred by {} {}",
                                    thousands(*n),
                                    if *n == 1 { "source" } else { "sources" },
                                )}
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any(),
            };
            let href = Route::library_of_entity(&u.canonical).href();
            view! {
                <tr class="contested">
                    <th scope="row">
                        <a class="entity-link" href=href>{u.canonical.clone()}</a>
                        " "
                        <span class="hint">{format!("({})", type_label(u.kind).to_lowercase())}</span>
                    </th>
                    <td class="contested-names">{c.names.join(" / ")}</td>
                    <td>
                        {if u.contested {
                            "Sources prefer different names:"
                        } else {
                            "Sources prefer the same name:"
                        }}
                        <ul class="card-names">{sources}</ul>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let table = if contested.is_empty() {
        view! { <p>"No entity is called by different names in this corpus."</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="contested-caption">
                <table class="contested-table">
                    <caption id="contested-caption">"Different names for one entity, by source"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Entity"</th>
                            <th scope="col">"Its names"</th>
                            <th scope="col">"Names by source"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let variant_items = variants
        .iter()
        .map(|u| {
            let href = Route::library_of_entity(&u.canonical).href();
            view! {
                <li>
                    <a class="entity-link" href=href>{u.canonical.clone()}</a>
                    ": "
                    {counted(&u.aliases)}
                </li>
            }
        })
        .collect_view();
    let n = variants.len();
    let variants = (n > 0).then(|| {
        view! {
            <details class="name-variants">
                <summary>
                    {format!(
                        "Spelling and abbreviation variants ({n} {})",
                        if n == 1 { "entity" } else { "entities" }
                    )}
                </summary>
                <p class="hint">
                    "The same name written differently (UN / U.N., Dujarric / Stephane Dujarric): not a choice of words."
                </p>
                <ul class="variant-list">{variant_items}</ul>
            </details>
        }
    });
    view! {
        <section aria-labelledby="contested-heading" class="contested">
            <h2 id="contested-heading">"Contested names"</h2>
            <p class="hint">
                "Entities the articles call by different names (Karabakh / Garabagh), and the names each source uses."
            </p>
            {table}
            {variants}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::entities::{AliasCount, EntityUsage, OutletUsage};

    fn usage(canonical: &str, names: &[(&str, usize)], contested: bool) -> EntityUsage {
        let aliases: Vec<AliasCount> = names
            .iter()
            .map(|&(alias, count)| AliasCount {
                alias: alias.to_string(),
                count,
            })
            .collect();
        EntityUsage {
            kind: EntityType::Place,
            canonical: canonical.to_string(),
            outlets: vec![OutletUsage {
                outlet: "A".to_string(),
                aliases: aliases.clone(),
            }],
            aliases,
            contested,
        }
    }

    #[test]
    fn contested_names_come_apart_from_variants() {
        let (contested, variants) = split_names(NamedWays::of(&[
            usage("United Nations", &[("UN", 9), ("U.N.", 2)], true),
            usage(
                "Stepanakert",
                &[("Stepanakert", 2), ("Khankendi", 1)],
                false,
            ),
            usage(
                "Nagorno-Karabakh",
                &[("Karabakh", 5), ("Garabagh", 2), ("Karabagh", 1)],
                true,
            ),
        ]));
        let names: Vec<(&str, String)> = contested
            .iter()
            .map(|c| (c.ways.canonical.as_str(), c.names.join(" / ")))
            .collect();
        assert_eq!(
            names,
            [
                ("Nagorno-Karabakh", "Karabakh / Garabagh".to_string()),
                ("Stepanakert", "Stepanakert / Khankendi".to_string())
            ]
        );
        assert_eq!(variants.len(), 1);
        assert_eq!(variants[0].canonical, "United Nations");
    }

    #[test]
    fn cells_shade_by_share_of_the_largest() {
        assert_eq!(heat(0, 10), 0);
        assert_eq!(heat(1, 10), 1);
        assert_eq!(heat(10, 10), HEAT_LEVELS);
        assert_eq!(heat(5, 10), 3);
        assert_eq!(heat(3, 0), 0, "no division by zero");
        assert_eq!(heat(20, 10), HEAT_LEVELS, "never past the last shade");
    }
}
