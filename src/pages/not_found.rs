//! "Document not found": a `?doc=` id that the corpus does not have (a stale or mistyped link).

use leptos::prelude::*;

#[component]
pub fn NotFound(id: String) -> impl IntoView {
    // Articles added in a browser are named `<16 hex digits of their bytes>_<file name>`: a link
    // to one works where the same file was added.
    let added = crate::local::added_file_of(&id).map(str::to_string).map(|file| {
        view! {
            <p class="not-found-local">
                "This link names an article someone added in their own browser, from a file named “"
                {file}
                "”. Add that file here (the same bytes) to open it."
            </p>
            <crate::local::AddArticles />
        }
    });
    view! {
        <div class="not-found">
            <h1 tabindex="-1">"Document not found"</h1>
            <p class="not-found-message">"No document has the id “" {id} "”."</p>
            {added}
            <p>
                <a href="./">"Go to the library"</a>
                " to see every document in the corpus."
            </p>
        </div>
    }
}
