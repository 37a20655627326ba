//! Text with highlighted byte ranges: plain text nodes with `<mark>` around the matches, never
//! HTML, so whatever the corpus or the query contains is shown as text.

use super::dom::{el, El};

/// Appends `text[start..end]` to `parent` with `<mark>` around each of `spans` (byte offsets
/// into `text`, ascending, not overlapping). Ranges outside the slice or off a character
/// boundary are left unmarked rather than dropped: a bad offset must not hide text or panic.
pub fn highlighted(parent: &El, text: &str, start: usize, end: usize, spans: &[(usize, usize)]) {
    if text.get(start..end).is_none() {
        return;
    }
    let mut at = start;
    for &(s, e) in spans {
        if s < at || e > end || s >= e || text.get(s..e).is_none() || text.get(at..s).is_none() {
            continue;
        }
        if s > at {
            parent.push_text(&text[at..s]);
        }
        parent.push(el("mark").text(&text[s..e]));
        at = e;
    }
    if at < end {
        parent.push_text(&text[at..end]);
    }
}
