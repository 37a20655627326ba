//! The search view's filters: outlet and author checkboxes and a published-date histogram, each
//! with live counts. Every choice is a new URL (and history entry).

use crate::format::thousands;
use crate::pages::search::Outcome;
use crate::url_state::{self, Route};
use leptos::prelude::*;
use parallax_core::search::{DateHistogram, FacetCounts};
use std::sync::Arc;

/// Values shown before the rest fold away under "more".
const SHOWN: usize = 10;

#[component]
pub fn Facets(outcome: Memo<Arc<Outcome>>, route: RwSignal<Route>) -> impl IntoView {
    let facet = move |name: &'static str, legend: &'static str| {
        move || {
            let o = outcome.get();
            o.results
                .facets
                .iter()
                .find(|f| f.name == name)
                .map(|f| value_list(f.clone(), legend, route))
        }
    };
    let dates = move || date_list(outcome.get().results.dates.clone(), route);
    view! {
        <aside class="facets" aria-label="Filters">
            <h2 class="facets-title">"Filters"</h2>
            {facet("outlet", "Outlet")}
            {facet("author", "Author")}
            {dates}
        </aside>
    }
}

/// The route's chosen values for facet `name`.
fn chosen<'a>(r: &'a mut Route, name: &str) -> Option<&'a mut Vec<String>> {
    match name {
        "outlet" => Some(&mut r.outlets),
        "author" => Some(&mut r.authors),
        _ => None,
    }
}

fn value_list(f: FacetCounts, legend: &'static str, route: RwSignal<Route>) -> impl IntoView {
    let name = f.name.clone();
    let item = move |v: parallax_core::search::FacetValue| {
        let name = name.clone();
        let value = v.value.clone();
        let on_change = move |_| {
            let mut next = route.get_untracked();
            if let Some(list) = chosen(&mut next, &name) {
                match list.iter().position(|x| *x == value) {
                    Some(i) => {
                        list.remove(i);
                    }
                    None => list.push(value.clone()),
                }
            }
            next.search.get_or_insert_default();
            url_state::navigate(route, next);
        };
        view! {
            <li>
                <label class="facet-value">
                    <input type="checkbox" prop:checked=v.selected on:change=on_change />
                    <span class="facet-name">{v.value.clone()}</span>
                    <span class="facet-count">{thousands(v.count)}</span>
                </label>
            </li>
        }
    };
    let mut values = f.values;
    let rest = if values.len() > SHOWN {
        values.split_off(SHOWN)
    } else {
        Vec::new()
    };
    let more = (!rest.is_empty()).then(|| {
        let n = rest.len();
        let item = item.clone();
        view! {
            <details class="facet-more">
                <summary>{format!("{n} more")}</summary>
                <ul class="facet-values">{rest.into_iter().map(item).collect_view()}</ul>
            </details>
        }
    });
    view! {
        <fieldset class="facet" data-facet=f.name.clone()>
            <legend>{legend}</legend>
            {values.is_empty().then(|| view! { <p class="hint">"None among these results."</p> })}
            <ul class="facet-values">{values.into_iter().map(item.clone()).collect_view()}</ul>
            {more}
            {(f.missing > 0)
                .then(|| {
                    view! {
                        <p class="hint">{format!("Not stated: {}", thousands(f.missing))}</p>
                    }
                })}
        </fieldset>
    }
}

/// Publication dates as a bar list: each bin is a toggle button whose bar length shows its
/// count, and whose text says the same (the bar is never the only cue).
fn date_list(h: DateHistogram, route: RwSignal<Route>) -> impl IntoView {
    let max = h.bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let r = route.get_untracked();
    let any = r.after.is_some() || r.before.is_some();
    let bins = h
        .bins
        .into_iter()
        .map(|b| {
            let (start, end) = (b.start.to_string(), b.end.to_string());
            let pressed = r.after.as_deref() == Some(start.as_str())
                && r.before.as_deref() == Some(end.as_str());
            let on_click = move |_| {
                let mut next = route.get_untracked();
                if pressed {
                    next.after = None;
                    next.before = None;
                } else {
                    next.after = Some(start.clone());
                    next.before = Some(end.clone());
                }
                next.search.get_or_insert_default();
                url_state::navigate(route, next);
            };
            let width = format!("width: {}%", b.count * 100 / max);
            view! {
                <li>
                    <button
                        type="button"
                        class="date-bin"
                        aria-pressed=pressed.to_string()
                        on:click=on_click
                    >
                        <span class="date-label">{b.label.clone()}</span>
                        <span class="date-bar" aria-hidden="true">
                            <span style=width></span>
                        </span>
                        <span class="date-count">{thousands(b.count)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let clear = any.then(|| {
        view! {
            <button
                type="button"
                class="link-button"
                on:click=move |_| {
                    let mut next = route.get_untracked();
                    next.after = None;
                    next.before = None;
                    next.search.get_or_insert_default();
                    url_state::navigate(route, next);
                }
            >
                "Any date"
            </button>
        }
    });
    let range = match (&r.after, &r.before) {
        (Some(a), Some(b)) => Some(format!("From {a}, before {b}")),
        (Some(a), None) => Some(format!("From {a}")),
        (None, Some(b)) => Some(format!("Before {b}")),
        _ => None,
    };
    view! {
        <fieldset class="facet facet-dates" data-facet="published">
            <legend>"Published"</legend>
            {range.map(|t| view! { <p class="hint">{t}</p> })}
            <ul class="date-bins">{bins}</ul>
            {(h.undated > 0)
                .then(|| {
                    view! { <p class="hint">{format!("Undated: {}", thousands(h.undated))}</p> }
                })}
            {clear}
        </fieldset>
    }
}
