//! The site header's search form: searches as you type (debounced, replacing the history entry)
//! and commits on Enter (a new history entry).

use crate::url_state::{self, Route, SearchRoute};
use leptos::html::Input;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// Pause after the last keystroke before searching: short enough to feel live, long enough not
/// to search for every letter of a word typed quickly.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The route for query `q`, starting from `current`: the search view keeps its mode and filters;
/// from any other page it starts a fresh search.
fn with_query(current: &Route, q: String) -> Route {
    Route::Search(SearchRoute {
        q,
        ..current.part::<SearchRoute>()
    })
}

#[component]
pub fn SearchBox(route: RwSignal<Route>) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let ticket = Rc::new(std::cell::Cell::new(0u32));
    // The route last written by typing. While the URL still shows it, further typing refines the
    // same history entry; once anything else changes the route (Enter, a facet, Back), the next
    // keystroke starts a new entry, so Back steps through committed searches.
    let typed: Rc<RefCell<Option<Route>>> = Rc::new(RefCell::new(None));

    let on_input = {
        let (ticket, typed) = (ticket.clone(), typed.clone());
        move |_| {
            let mine = ticket.get().wrapping_add(1);
            ticket.set(mine);
            let (ticket, typed) = (ticket.clone(), typed.clone());
            set_timeout(
                move || {
                    if ticket.get() != mine {
                        return;
                    }
                    let Some(el) = input.get_untracked() else {
                        return;
                    };
                    let current = route.get_untracked();
                    let next = with_query(&current, el.value());
                    let refining = typed.borrow().as_ref() == Some(&current);
                    *typed.borrow_mut() = Some(next.clone());
                    if refining {
                        url_state::replace(route, next);
                    } else {
                        url_state::navigate(route, next);
                    }
                },
                DEBOUNCE,
            );
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Cancel a pending keystroke search: this one supersedes it.
        ticket.set(ticket.get().wrapping_add(1));
        let Some(el) = input.get_untracked() else {
            return;
        };
        let current = route.get_untracked();
        let next = with_query(&current, el.value());
        let refining = typed.borrow().as_ref() == Some(&current);
        *typed.borrow_mut() = None;
        if refining {
            // The typed search is already in the URL; Enter makes it a committed entry.
            url_state::replace(route, next);
        } else {
            url_state::navigate(route, next);
        }
    };

    view! {
        <form class="site-search" role="search" aria-label="Corpus" on:submit=on_submit>
            <label for="q" class="visually-hidden">
                "Search the corpus"
            </label>
            <input
                type="search"
                id="q"
                name="q"
                node_ref=input
                autocomplete="off"
                spellcheck="false"
                placeholder="Search the corpus"
                prop:value=move || route.with(|r| r.part::<SearchRoute>().q)
                on:input=on_input
            />
            <button type="submit">"Search"</button>
        </form>
    }
}
