//! Parallax web app entry point: installs the panic hook and mounts the app on `<body>`.

mod app;
mod components;
mod entity_index;
mod format;
mod labels;
mod pages;
mod sort;
mod url_state;

fn main() {
    // A panic in wasm is otherwise an opaque "unreachable" trap; this puts the message in the console.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
