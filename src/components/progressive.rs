//! Long texts on screen a part at a time: an article of many megabytes shows its beginning at
//! once, and the rest follows in chunks when the browser is idle (up to `AUTO_CHUNKS`) and then
//! as the reader scrolls near the end, so the tab never freezes building one huge page.
//!
//! The reader cuts its text into chunks of about `CHUNK_BYTES` (`split`), renders the chunks
//! `Progress::shown` says are due, and shows `more_note` while some are not.

use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// Draws chunk (or piece) `i`.
pub type Chunk = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// Bytes of text in one chunk: small enough that rendering one never makes the page stutter.
pub const CHUNK_BYTES: usize = 32 * 1024;
/// Chunks shown without the reader asking (about 512 KB of text: any real article whole).
pub const AUTO_CHUNKS: usize = 16;

/// Cuts `text[start..end]` into consecutive pieces of about `CHUNK_BYTES`, each ending after a
/// whitespace character where there is one in reach, always on a character boundary, and never
/// inside a span `covering(at)` reports (it returns the end of a span that covers byte `at`,
/// such as an entity mention, so that its mark is not cut in two).
pub fn split(
    text: &str,
    start: usize,
    end: usize,
    covering: impl Fn(usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let end = end.min(text.len());
    let mut pieces = Vec::new();
    let mut from = start;
    while end.saturating_sub(from) > CHUNK_BYTES {
        let mut cut = from + CHUNK_BYTES;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        // After the next whitespace within a few hundred bytes, else right there.
        let reach = (cut + 512).min(end);
        let after_space = text.get(cut..).and_then(|rest| {
            rest.char_indices()
                .take_while(|(i, _)| cut + i < reach)
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, c)| cut + i + c.len_utf8())
        });
        cut = after_space.unwrap_or(cut);
        if let Some(span_end) = covering(cut).filter(|&e| e > cut) {
            cut = span_end.min(end);
        }
        pieces.push((from, cut));
        from = cut;
    }
    if from < end || pieces.is_empty() {
        pieces.push((from, end));
    }
    pieces
}

/// How many of `total` chunks are on screen. Created with the first chunk shown; the others are
/// added one per idle period up to `AUTO_CHUNKS`, then as the window is scrolled near the end of
/// the page, or all of them after `show_all`.
#[derive(Clone, Copy)]
pub struct Progress {
    shown: RwSignal<usize>,
    /// How many chunks to show before waiting for the reader again.
    target: RwSignal<usize>,
    pub total: usize,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        let p = Progress {
            shown: RwSignal::new(total.min(1)),
            target: RwSignal::new(total.min(AUTO_CHUNKS)),
            total,
        };
        if total > 1 {
            p.pump();
        }
        if total > AUTO_CHUNKS {
            let handle = window_event_listener(leptos::ev::scroll, move |_| {
                if near_end() {
                    p.show_through(p.shown.get_untracked() + 1);
                }
            });
            on_cleanup(move || handle.remove());
        }
        p
    }

    /// The number of chunks to render (tracked).
    pub fn shown(&self) -> usize {
        self.shown.get()
    }

    /// The views of chunks `range`, each drawn once when it is due and never redrawn. (A keyed
    /// `<For>` would do the same for an append-only list, at a larger cost in wasm.)
    pub fn views(&self, range: Range<usize>, chunk: Chunk) -> impl IntoView + use<> {
        let shown = self.shown;
        range
            .map(|i| {
                let due = Memo::new(move |_| shown.get() > i);
                let chunk = chunk.clone();
                move || due.get().then(|| chunk(i))
            })
            .collect_view()
    }

    /// Shows chunks `0..=i` (at once: the reader asked for something in chunk `i`).
    pub fn show_now(&self, i: usize) {
        let n = (i + 1).min(self.total);
        if self.shown.get_untracked() < n {
            self.shown.set(n);
        }
    }

    /// Shows chunks through `i`, one per idle period.
    pub fn show_through(&self, i: usize) {
        let n = (i + 1).min(self.total);
        if self.target.get_untracked() < n {
            self.target.set(n);
            self.pump();
        }
    }

    pub fn show_all(&self) {
        self.show_through(self.total);
    }

    /// Adds one chunk when the browser is next idle, and again until the target is reached.
    /// Stops by itself once the view is gone (its signals are disposed).
    fn pump(self) {
        request_idle_callback(move || {
            let (Some(n), Some(target)) = (
                self.shown.try_get_untracked(),
                self.target.try_get_untracked(),
            ) else {
                return;
            };
            if n < target {
                self.shown.set(n + 1);
                if n + 1 < target {
                    self.pump();
                }
            }
        });
    }
}

/// Whether the bottom of the window is within two screen heights of the end of the page.
fn near_end() -> bool {
    let w = window();
    let height = w
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let y = w.scroll_y().unwrap_or(0.0);
    let page = document()
        .document_element()
        .map_or(0.0, |e| f64::from(e.scroll_height()));
    y + 3.0 * height >= page
}

/// For a text longer than what is shown unasked: a note, while some of it is not on screen,
/// that the rest follows, and a button that shows it all.
pub fn more_note(p: Progress, what: &'static str) -> Option<impl IntoView> {
    (p.total > AUTO_CHUNKS).then(|| {
        view! {
            <p class="more-note" prop:hidden=move || { p.shown() >= p.total }>
                {format!("This is a long text: the rest of {what} appears as you scroll. ")}
                <button type="button" class="show-all" on:click=move |_| p.show_all()>
                    "Show all of it"
                </button>
            </p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_range_on_char_boundaries_after_whitespace() {
        let text = "Ünïcödé wörds ".repeat(10_000);
        let pieces = split(&text, 3, text.len(), |_| None);
        assert!(pieces.len() > 3);
        assert_eq!(pieces.first().map(|p| p.0), Some(3));
        assert_eq!(pieces.last().map(|p| p.1), Some(text.len()));
        for w in pieces.windows(2) {
            assert_eq!(w[0].1, w[1].0, "consecutive");
        }
        for &(a, b) in &pieces {
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && a < b);
            assert!(b - a <= CHUNK_BYTES + 600);
            if b < text.len() {
                assert!(text[..b].ends_with(' '), "{a}..{b}");
            }
        }
    }

    #[test]
    fn a_short_range_is_one_piece_and_no_whitespace_still_splits() {
        assert_eq!(split("short text", 0, 10, |_| None), vec![(0, 10)]);
        assert_eq!(split("", 0, 0, |_| None), vec![(0, 0)]);
        let solid = "x".repeat(3 * CHUNK_BYTES + 5);
        let pieces = split(&solid, 0, solid.len(), |_| None);
        assert_eq!(pieces.len(), 4);
    }

    #[test]
    fn never_cuts_inside_a_covering_span() {
        let text = "word ".repeat(20_000);
        // Pretend bytes 32768..33000 are one mention.
        let covering = |at: usize| (32_768..33_000).contains(&at).then_some(33_000);
        let pieces = split(&text, 0, text.len(), covering);
        assert!(pieces
            .iter()
            .all(|&(a, b)| !(a < 32_768 && b > 32_768 && b < 33_000)));
    }
}
