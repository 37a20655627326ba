//! The comparison page's article chooser: a checkbox per article and a "Compare" button that
//! puts the chosen ids in the URL (`compare=a,b`). Open while fewer than two are chosen.

use crate::url_state::{self, CompareRoute, Route};
use leptos::prelude::*;
use parallax_core::Bundle;
use std::sync::Arc;
use wasm_bindgen::JsCast;

fn checkbox_id(i: usize) -> String {
    format!("compare-doc-{i}")
}

#[component]
pub fn Chooser(
    bundle: Arc<Bundle>,
    route: RwSignal<Route>,
    ids: Memo<Vec<String>>,
) -> impl IntoView {
    let problem = RwSignal::new(None::<&'static str>);
    let count = bundle.documents.len();
    let on_submit = {
        let bundle = bundle.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen: Vec<String> = bundle
                .documents
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    document()
                        .get_element_by_id(&checkbox_id(*i))
                        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .is_some_and(|input| input.checked())
                })
                .map(|(_, d)| d.id.clone())
                .collect();
            if chosen.len() < 2 {
                problem.set(Some("Choose at least two articles to compare."));
                return;
            }
            problem.set(None);
            super::FOCUS_RESULTS.with(|f| f.set(true));
            let current = route.with_untracked(|r| r.part::<CompareRoute>());
            url_state::navigate(
                route,
                Route::Compare(CompareRoute {
                    ids: chosen,
                    view: current.view,
                    frames: current.frames,
                    ..CompareRoute::default()
                }),
            );
        }
    };
    let items = bundle
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let id = d.id.clone();
            let checked = move || ids.with(|ids| ids.contains(&id));
            let mut facts = Vec::new();
            if let Some(o) = &d.meta.outlet {
                facts.push(o.value.clone());
            }
            if let Some(p) = &d.meta.published {
                facts.push(p.value.long());
            }
            let title = crate::labels::of(&bundle, i);
            view! {
                <li>
                    <input type="checkbox" id=checkbox_id(i) value=d.id.clone() prop:checked=checked />
                    <label for=checkbox_id(i)>
                        {title}
                        {(!facts.is_empty()).then(|| view! { <span class="doc-facts">{facts.join(" · ")}</span> })}
                    </label>
                </li>
            }
        })
        .collect_view();
    let chosen = move || ids.with(|v| v.len());
    // "Compare all": every article (of a larger corpus, those the overview compares: the ones
    // sharing the most named entities), the comparison the overview shows.
    let all = (count >= 2).then(|| {
        let view = route.with_untracked(|r| r.part::<CompareRoute>().view);
        let href = crate::pages::overview_route(&bundle, view).href();
        let what = if count > super::MAX_DOCS {
            format!("Compare the {} sharing the most names", super::MAX_DOCS)
        } else {
            format!("Compare all {count}")
        };
        view! { <a class="compare-all" href=href>{what}</a> }
    });
    view! {
        <details class="compare-chooser" prop:open=move || chosen() < 2>
            <summary>
                {move || format!("Articles to compare ({} of {count} chosen)", chosen())}
            </summary>
            <form on:submit=on_submit>
                <fieldset>
                    <legend>"Choose two or more articles"</legend>
                    <ul>{items}</ul>
                </fieldset>
                <button type="submit">"Compare"</button>
                {all}
                <span class="chooser-problem" role="status">
                    {move || problem.get()}
                </span>
            </form>
        </details>
    }
}
