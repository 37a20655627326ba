//! Framing words in the reader (`frames=1`): the article's terms from the framing lexicon
//! marked in its text, each followed by its frame in brackets, with the counts per frame above.
//! The terms come from the comparison worker (a comparison of this one article), so the
//! lexicon and its matcher stay out of the app's first load.

use crate::url_state::{self, Route};
use leptos::prelude::*;
use parallax_core::compare::{Comparison, FrameRow};
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
/// (text nodes only). `hits` are in text order, as the comparison lists them (hits out of
/// order would only go unmarked).
pub fn framed_text(doc: &Document, (start, end): (usize, usize), hits: &[Hit]) -> AnyView {
    let mut parts: Vec<AnyView> = Vec::new();
    let mut cursor = start;
    let first = hits.partition_point(|h| h.0 < start);
    for (hit_start, hit_end, tag) in hits
        .iter()
        .skip(first)
        .take_while(|h| h.0 < end)
        .filter(|h| h.1 <= end && h.0 < h.1)
    {
        if *hit_start < cursor {
            continue;
        }
        let (Some(before), Some(inner)) = (
            doc.text.get(cursor..*hit_start),
            doc.text.get(*hit_start..*hit_end),
        ) else {
            continue;
        };
        parts.push(before.to_string().into_any());
        parts.push(view! { <mark class="frame">{inner.to_string()}</mark> }.into_any());
        parts.push(view! { <span class="frame-tag">{tag.clone()}</span> }.into_any());
        cursor = *hit_end;
    }
    if let Some(rest) = doc.text.get(cursor..end) {
        parts.push(rest.to_string().into_any());
    }
    parts.collect_view().into_any()
}

/// Above the text: what the marks mean, the counts per frame, and the way back to entities.
pub fn summary(route: RwSignal<Route>, framing: &Framing) -> impl IntoView + use<> {
    let off = move |_| {
        let mut next = route.get_untracked();
        next.frames = false;
        url_state::navigate(route, next);
    };
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
                    let text = match quoted {
                        0 => format!("{}: {} ×{own}", f.topic_name, f.name),
                        q => format!("{}: {} ×{own} (+{q} quoted)", f.topic_name, f.name),
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! { <ul class="frame-counts">{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="framing-summary" aria-labelledby="framing-summary-h">
            <h2 id="framing-summary-h">"Framing words"</h2>
            <p class="hint">
                "Terms of the framing lexicon are outlined, each followed by its frame in brackets (“quoted”: inside quotation marks or reported speech). Entity highlights return when these are hidden."
            </p>
            {body}
            <button type="button" class="frames-off" on:click=off>
                "Hide framing words"
            </button>
        </section>
    }
}
