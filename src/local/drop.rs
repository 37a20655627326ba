//! Files dropped anywhere on the page are added: the browser would otherwise open the first one
//! in place of the app.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;

/// Listens for drops on the whole window, once per page load.
pub fn install_drop() {
    let over = Closure::<dyn Fn(DragEvent)>::new(|ev: DragEvent| {
        // Accepting the drag is what makes the drop event fire.
        ev.prevent_default();
    });
    let dropped = Closure::<dyn Fn(DragEvent)>::new(|ev: DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            super::controls::add_files(&files);
        }
    });
    let w = window();
    let _ = w.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("drop", dropped.as_ref().unchecked_ref());
    over.forget();
    dropped.forget();
}
