//! Fetching a file of the site (relative to the page, so a sub-path deployment works) as bytes,
//! with what went wrong as the end of a sentence for people.

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body of `url`, or why it could not be had ("the server answered 404 Not Found").
pub async fn bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the browser returned no response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "its body could not be read".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "its body could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
