//! Text with highlighted byte ranges: plain text nodes with `<mark>` around the matches, never
//! HTML, so whatever the corpus or the query contains is shown as text.

use super::dom::{el, El};
use parallax_core::segments::cut_outermost;

/// Appends `text[start..end]` to `parent` with `<mark>` around each of `spans` (byte offsets
/// into `text`). Ranges outside the slice or off a character boundary are left unmarked rather
/// than dropped (`parallax_core::segments`): a bad offset must not hide text or panic.
pub fn highlighted(parent: &El, text: &str, start: usize, end: usize, spans: &[(usize, usize)]) {
    if text.get(start..end).is_none() {
        return;
    }
    for seg in cut_outermost(text, (start, end), spans) {
        match seg.mark() {
            Some(_) => parent.push(el("mark").text(seg.text(text))),
            None => parent.push_text(seg.text(text)),
        }
    }
}
