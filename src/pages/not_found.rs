//! "Document not found": a `?doc=` id that the corpus does not have (a stale or mistyped link).

use leptos::prelude::*;

#[component]
pub fn NotFound(id: String) -> impl IntoView {
    view! {
        <div class="not-found">
            <h1 tabindex="-1">"Document not found"</h1>
            <p class="not-found-message">"No document has the id “" {id} "”."</p>
            <p>
                <a href="./">"Go to the library"</a>
                " to see every document in the corpus."
            </p>
        </div>
    }
}
