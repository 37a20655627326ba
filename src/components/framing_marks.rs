//! Framing words in the reader (`frames=1`): the article's terms from the framing lexicon
//! marked in its text (underlined, no box over the spaces), each paragraph's frames named in the
//! margin beside it (under it on a phone) and each term's frame on hover or focus, with the
//! counts per frame above.
//! The terms come from the comparison worker (a comparison of this one article), so the
//! lexicon and its matcher stay out of the app's first load.

use crate::url_state::{self, ReaderRoute, Route};
use leptos::prelude::*;
use parallax_core::compare::{Attribution, Comparison, FrameRow};
use parallax_core::segments::cut_outermost;
use parallax_core::Document;

/// A framing term to mark: its span and the label that follows it.
pub type Hit = (usize, usize, String);

/// What the reader knows of the article's framing words.
#[derive(Clone, PartialEq)]
pub enum Framing {
    Loading,
    Ready { hits: Vec<Hit>, rows: Vec<FrameRow> },
    Failed(String),
}

impl Framing {
    pub fn from_comparison(c: Comparison) -> Framing {
        // In text order, as the comparison lists each article's hits.
        let hits = c
            .frames
            .iter()
            .map(|h| (h.start, h.end, frame_tag(&c.frame_table, h)))
            .collect();
        Framing::Ready {
            hits,
            rows: c.frame_table,
        }
    }
}

/// " [ethnic cleansing, quoted]": the frame's name and whose word it is.
pub fn frame_tag(table: &[FrameRow], h: &parallax_core::compare::FrameHit) -> String {
    let mut tag = frame_name(table, &h.topic, &h.frame).to_string();
    if h.voice != parallax_core::compare::Voice::Own {
        tag.push_str(", quoted");
    }
    if h.negated {
        tag.push_str(", negated");
    }
    format!(" [{tag}]")
}

/// A frame's name, from the comparison's frame table (its id when the table lacks it).
pub fn frame_name<'a>(table: &'a [FrameRow], topic: &'a str, frame: &'a str) -> &'a str {
    table
        .iter()
        .find(|f| f.topic == topic && f.frame == frame)
        .map_or(frame, |f| f.name.as_str())
}

/// The text of `start..end` (a block, or part of a long one) with its framing terms marked
/// (text nodes only). `hits` are in text order, as the comparison lists them. Each term's frame
/// shows beside it on hover or keyboard focus, and is read after it by screen readers (and on
/// focus, as the mark's description), rather than standing in the line as text of its own; the
/// frames of the range are also named in the margin (`side_note`). The term starting at
/// `tab_stop` is the article's one Tab stop among them (see [`tab_stop`]); the arrow keys move
/// between the others (`entity_marks::MarkedArea`, which holds the text).
pub fn framed_text(
    doc: &Document,
    (start, end): (usize, usize),
    hits: &[Hit],
    tab_stop: Option<usize>,
) -> AnyView {
    let near = hits_in(hits, (start, end));
    let spans: Vec<(usize, usize)> = near.iter().map(|h| (h.0, h.1)).collect();
    let notes = side_note(&near);
    let side = (!notes.is_empty()).then(|| {
        let lines = notes
            .into_iter()
            .map(|n| view! { <span>{n}</span> })
            .collect_view();
        view! { <span class="frame-side" aria-hidden="true">{lines}</span> }
    });
    let marked = cut_outermost(&doc.text, (start, end), &spans)
        .into_iter()
        .map(|seg| {
            let inner = seg.text(&doc.text).to_string();
            match seg.mark().and_then(|i| near.get(i)) {
                Some((_, _, tag)) => {
                    let tabindex = if tab_stop == Some(seg.start) {
                        "0"
                    } else {
                        "-1"
                    };
                    // One mark starts at a byte, so its offset names its tag.
                    let id = format!("frame-tag-{}", seg.start);
                    view! {
                        <mark
                            class="frame"
                            tabindex=tabindex
                            data-frame=frame_label(tag)
                            aria-describedby=id.clone()
                        >
                            {inner}
                        </mark>
                        <span id=id class="frame-tag visually-hidden">{tag.clone()}</span>
                    }
                    .into_any()
                }
                None => inner.into_any(),
            }
        })
        .collect_view();
    view! { {side} {marked} }.into_any()
}

/// Where the article's one Tab stop among its framing terms is: the first term `on_screen` (the
/// reader leaves the title's own block out of the text).
pub fn tab_stop(hits: &[Hit], on_screen: impl Fn(usize, usize) -> bool) -> Option<usize> {
    hits.iter()
        .find(|h| h.0 < h.1 && on_screen(h.0, h.1))
        .map(|h| h.0)
}

/// The hits starting inside `start..end` (`hits` in text order).
pub fn hits_in(hits: &[Hit], (start, end): (usize, usize)) -> Vec<&Hit> {
    let first = hits.partition_point(|h| h.0 < start);
    hits.iter().skip(first).take_while(|h| h.0 < end).collect()
}

/// The margin note of a paragraph, a line per frame: its terms' frames in the order they first
/// appear, each once with how many times ("separatists ×2", "ethnic cleansing, quoted"). Visible
/// to sighted readers without pointing at anything; screen readers hear each frame after its
/// term instead (the note is `aria-hidden`).
pub fn side_note(hits: &[&Hit]) -> Vec<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for h in hits {
        let label = frame_label(&h.2);
        match seen.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => seen.push((label, 1)),
        }
    }
    seen.into_iter()
        .map(|(l, n)| if n > 1 { format!("{l} ×{n}") } else { l })
        .collect()
}

/// Where a frame's note on whose wording it is comes from: the words before the source, the
/// source, and its address ("" when none); or, when the lexicon cites none, a sentence saying so.
/// The comparison's framing table and the reader's framing list both show these.
pub fn source_parts(a: &Attribution) -> (&'static str, &str, &str) {
    if a.source.is_empty() {
        ("No source checked for this note.", "", "")
    } else {
        ("Source: ", &a.source, &a.url)
    }
}

/// "3 in quotes, 0 in its own words": whose words a frame's terms were, in plain words.
pub fn voice_counts(quoted: usize, own: usize) -> String {
    format!("{quoted} in quotes, {own} in its own words")
}

/// "ethnic cleansing, quoted" from the tag " [ethnic cleansing, quoted]": the words shown
/// beside a marked term on hover or focus.
pub fn frame_label(tag: &str) -> String {
    tag.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string()
}

/// Above the text: what the marks mean, the counts per frame, and the way back to entities.
pub fn summary(route: RwSignal<Route>, framing: &Framing) -> impl IntoView + use<> {
    let off = move |_| url_state::navigate_part(route, |r: &mut ReaderRoute| r.frames = false);
    let body = match framing {
        Framing::Loading => {
            view! { <p class="compare-wait" role="status">"Finding framing words…"</p> }.into_any()
        }
        Framing::Failed(msg) => view! {
            <div class="notice notice-error" role="alert">
                <p>{msg.clone()}</p>
                <p>
                    <a href=crate::pages::compare::worker::reload_href()>"Reload the page"</a>
                </p>
            </div>
        }
        .into_any(),
        Framing::Ready { rows, .. } if rows.is_empty() => {
            view! { <p>"No term of the framing lexicon appears in this article."</p> }.into_any()
        }
        Framing::Ready { rows, .. } => {
            let items = rows
                .iter()
                .map(|f| {
                    let own = f.own.first().copied().unwrap_or(0);
                    let quoted = f.quoted.first().copied().unwrap_or(0)
                        + f.reported.first().copied().unwrap_or(0);
                    let text = format!(
                        "{}: “{}”, {}",
                        f.topic_name,
                        f.name,
                        voice_counts(quoted, own)
                    );
                    // Whose wording it typically is, and where that is documented.
                    let (lead, source, url) = source_parts(&f.attribution);
                    let source = match url {
                        "" => source.to_string().into_any(),
                        url => view! {
                            <a href=url.to_string() rel="noopener noreferrer">{source.to_string()}</a>
                        }
                        .into_any(),
                    };
                    let note = &f.attribution.note;
                    let note = (!note.is_empty())
                        .then(|| view! { <span class="frame-note">{note.clone()}</span> });
                    view! {
                        <li>
                            <span class="frame-count">{text}</span>
                            {note}
                            <span class="frame-source">{lead}{source}</span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="frame-counts">{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="framing-summary" aria-labelledby="framing-summary-h">
            <h2 id="framing-summary-h">"Framing words"</h2>
            <p class="hint">
                "Terms of the framing lexicon are underlined, and each paragraph’s frames are named beside it; point at a term, or Tab to the first and move between them with the arrow keys, to see its own frame (“quoted”: inside quotation marks or reported speech). Entity highlights return when these are hidden."
            </p>
            {body}
            <button type="button" class="frames-off" on:click=off>
                "Hide framing words"
            </button>
        </section>
    }
}
