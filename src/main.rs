//! Parallax web app entry point: installs the panic hook, replaces index.html's loading shell
//! with the app, and mounts the app on `<body>`.

mod app;
mod components;
mod entity_index;
mod export;
mod fetch;
mod format;
mod frames;
mod labels;
mod lazy_pages;
mod local;
mod pages;
mod per_corpus;
mod shards;
mod sort;
mod url_state;
mod worker_link;

fn main() {
    // A panic in wasm is otherwise an opaque "unreachable" trap; this puts the message in the console.
    console_error_panic_hook::set_once();
    // index.html shows a static copy of the header and a loading message until now. Removing it
    // and mounting the app in the same task means the browser never paints the page without
    // either, so nothing jumps.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
