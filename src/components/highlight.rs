//! Text with highlighted byte ranges: plain text nodes with `<mark>` around the matches, never
//! HTML, so whatever the corpus or the query contains is shown as text.

use leptos::prelude::*;

/// `text[start..end]` with `<mark>` around each of `spans` (byte offsets into `text`, ascending,
/// not overlapping). Ranges that fall outside the slice or off a character boundary are shown
/// unmarked rather than dropped: a bad offset must not hide text or panic.
pub fn highlighted(text: &str, start: usize, end: usize, spans: &[(usize, usize)]) -> Vec<AnyView> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out: Vec<AnyView> = Vec::new();
    let mut at = start;
    for &(s, e) in spans {
        if s < at || e > end || s >= e || text.get(s..e).is_none() || text.get(at..s).is_none() {
            continue;
        }
        if s > at {
            out.push(text[at..s].to_string().into_any());
        }
        out.push(view! { <mark>{text[s..e].to_string()}</mark> }.into_any());
        at = e;
    }
    if at == start {
        return vec![slice.to_string().into_any()];
    }
    if let Some(rest) = text.get(at..end).filter(|r| !r.is_empty()) {
        out.push(rest.to_string().into_any());
    }
    out
}
