//! "Copy link": puts the address of the view on screen (which the URL fully describes) on the
//! clipboard, or shows it selected in a field when the clipboard is refused.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::url_state::Route;

#[derive(Clone, PartialEq)]
enum Copied {
    Idle,
    Done,
    /// The clipboard refused: the URL in a selected field to copy by hand.
    Fallback(String),
}

/// "Copy link": the address of this exact view, to the clipboard.
#[component]
pub fn CopyLink(route: RwSignal<Route>) -> impl IntoView {
    let state = RwSignal::new(Copied::Idle);
    // A new view has a new address: an earlier "Link copied" no longer applies to it.
    Effect::new(move |_| {
        route.track();
        state.set(Copied::Idle);
    });
    let on_click = move |_| {
        let href = window().location().href().unwrap_or_default();
        let nav = window().navigator();
        let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined() && !c.is_null());
        let Some(clipboard) = clipboard else {
            state.set(Copied::Fallback(href));
            return;
        };
        let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
        let promise = clipboard.write_text(&href);
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => state.set(Copied::Done),
                Err(_) => state.set(Copied::Fallback(href)),
            }
        });
    };
    // The fallback field is selected as soon as it appears, ready for Ctrl+C.
    Effect::new(move |_| {
        if matches!(state.get(), Copied::Fallback(_)) {
            request_animation_frame(|| {
                if let Some(el) = document()
                    .get_element_by_id("copy-url")
                    .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    let _ = el.focus();
                    el.select();
                }
            });
        }
    });
    view! {
        <div class="copy-link">
            <button type="button" on:click=on_click>
                "Copy link"
            </button>
            <span class="copy-status" role="status">
                {move || match state.get() {
                    Copied::Done => "Link copied".into_any(),
                    _ => ().into_any(),
                }}
            </span>
            {move || match state.get() {
                Copied::Fallback(href) => {
                    view! {
                        <label class="copy-fallback">
                            "Copy this link: "
                            <input id="copy-url" type="text" readonly value=href />
                        </label>
                    }
                        .into_any()
                }
                _ => ().into_any(),
            }}
        </div>
    }
}
