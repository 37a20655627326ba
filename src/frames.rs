//! Work that should wait until the browser has painted what is on screen now.

use leptos::prelude::{request_animation_frame, set_timeout, window};

/// Runs `f` in a task queued by the next frame's `requestAnimationFrame` callback, that is,
/// just after that frame's style, layout and paint: what was changed before this call is on
/// screen before `f` starts. `f` is given the time (`performance.now()`) that frame's callbacks
/// began, so that it can tell how long the frame's work took. In a page that is not shown (a
/// background tab) frames wait, and so does `f`, until it is shown.
pub fn after_next_paint(f: impl FnOnce(f64) + 'static) {
    request_animation_frame(move || {
        let began = now();
        set_timeout(move || f(began), std::time::Duration::ZERO);
    });
}

/// `performance.now()`: milliseconds since the page began (`Instant` panics in wasm).
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
