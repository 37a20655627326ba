//! The concordance table: each occurrence centred between its left and right context, sortable
//! by either side (the order is in the URL as `ksort=`).

use crate::url_state::{self, doc_href, KwicOrder, Route};
use leptos::prelude::*;
use parallax_core::search::KwicLine;
use parallax_core::Bundle;
use std::sync::Arc;

#[component]
pub fn Concordance(
    lines: Vec<KwicLine>,
    bundle: Arc<Bundle>,
    route: RwSignal<Route>,
) -> impl IntoView {
    let order = route.with_untracked(|r| r.ksort);
    let buttons = KwicOrder::ALL
        .into_iter()
        .map(|k| {
            view! {
                <button
                    type="button"
                    class="toggle"
                    aria-pressed=(order == k).to_string()
                    on:click=move |_| {
                        let mut next = route.get_untracked();
                        next.ksort = k;
                        url_state::navigate(route, next);
                    }
                >
                    {k.label()}
                </button>
            }
        })
        .collect_view();
    let rows = lines
        .into_iter()
        .map(|l| {
            let source = bundle
                .documents
                .get(l.doc)
                .and_then(|d| d.meta.outlet.as_ref().map(|o| o.value.clone()))
                .unwrap_or_else(|| l.id.clone());
            view! {
                <tr data-doc-id=l.id.clone()>
                    <td class="kwic-left">{l.left}</td>
                    <td class="kwic-key">
                        <mark>{l.keyword}</mark>
                    </td>
                    <td class="kwic-right">{l.right}</td>
                    <td class="kwic-doc">
                        <a href=doc_href(&l.id)>{source}</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="kwic">
            <div class="kwic-sort" role="group" aria-label="Sort lines by">
                <span class="kwic-sort-label" aria-hidden="true">"Sort by"</span>
                {buttons}
            </div>
            <div class="kwic-scroll">
                <table class="kwic-table">
                    <caption class="visually-hidden">"Concordance"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="kwic-left">"Left context"</th>
                            <th scope="col">"Keyword"</th>
                            <th scope="col">"Right context"</th>
                            <th scope="col">"Source"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
