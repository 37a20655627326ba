//! Entity highlighting in the reader: mentions wrapped in `<mark>`, a legend that shows and
//! hides each type, and a card with the entity's names per source on hover or keyboard focus.
//!
//! The marks only wrap the original words (text nodes, never HTML), so selecting and copying
//! gives exactly the article's text. Colour is never the only cue: each type has its own line
//! style (solid, double, dashed, dotted, wavy, boxed) that the legend shows next to its name, and
//! every mark is described (`aria-describedby`) by a sentence naming its entity and type.
//!
//! The marks are one Tab stop (a roving tabindex): Tab reaches the first marked name, the arrow
//! keys (and Home/End) move between names, and Tab again leaves the article, so a page of a
//! hundred names is not a hundred Tab stops. The framing terms that replace the names when asked
//! (`framing_marks`) are one Tab stop the same way, with the same keys.

use crate::entity_index::{type_label, type_param, EntityIndex};
use crate::url_state::{self, Hidden, ReaderRoute, Route};
use leptos::prelude::*;
use parallax_core::entities::EntityType;
use parallax_core::segments::cut_outermost;
use parallax_core::Document;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The marks of the article's one Tab stop: entity names, or the framing terms shown in their
/// place (never both at once).
const ROVING: &str = "mark.ent[data-ent], mark.frame";

/// The CSS classes of a mark of this type: `ent ent-person`.
pub fn mark_class(kind: EntityType) -> String {
    format!("ent ent-{}", type_param(kind))
}

/// Which mentions of a document are marked: those of the types not hidden, and always those
/// of the chosen entity (`entity=`).
pub struct Shown<'a> {
    pub hide: &'a Hidden,
    pub chosen: Option<usize>,
}

impl Shown<'_> {
    fn marks(&self, kind: EntityType, row: usize) -> bool {
        self.chosen == Some(row) || !self.hide.contains(kind)
    }

    /// Where the article's one Tab stop among its marks is: the first mention of the chosen
    /// entity, or else the first marked mention, among those `on_screen` (the reader leaves the
    /// title's own block out of the text).
    pub fn tab_stop(
        &self,
        (ents, doc_index): (&EntityIndex, usize),
        on_screen: impl Fn(usize, usize) -> bool,
    ) -> Option<usize> {
        let (mentions, rows) = (ents.mentions(doc_index), ents.mention_rows(doc_index));
        let mut marked = mentions
            .iter()
            .zip(rows)
            .map(|(m, &r)| (m, r as usize))
            .filter(|&(m, r)| {
                m.start < m.end && self.marks(m.kind, r) && on_screen(m.start, m.end)
            });
        match self.chosen {
            Some(c) => marked.find(|&(_, r)| r == c),
            None => marked.next(),
        }
        .map(|(m, _)| m.start)
    }
}

/// The text of `start..end` (a block, or part of a long one) with its mentions marked. Mentions
/// of hidden types stay plain text; a mention overlapping one already marked is dropped (the
/// outer, earlier one wins). The mark starting at `tab_stop` is the article's one Tab stop.
pub fn marked_text(
    doc: &Document,
    (start, end): (usize, usize),
    (ents, doc_index): (&EntityIndex, usize),
    shown: &Shown,
    tab_stop: Option<usize>,
) -> AnyView {
    let text = doc.text.get(start..end).unwrap_or_default();
    let (mentions, rows) = (ents.mentions(doc_index), ents.mention_rows(doc_index));
    if mentions.is_empty() {
        return text.to_string().into_any();
    }
    // Mentions are in text order: find this range's by binary search, so that marking a long
    // article block by block stays linear. A mention reaching past the range is left plain (the
    // reader never cuts a block inside one).
    let first = mentions.partition_point(|m| m.start < start);
    let (spans, marked): (Vec<(usize, usize)>, Vec<usize>) = mentions
        .iter()
        .zip(rows)
        .skip(first)
        .take_while(|(m, _)| m.start < end)
        .map(|(m, &r)| (m, r as usize))
        .filter(|&(m, r)| m.end <= end && shown.marks(m.kind, r))
        .map(|(m, r)| ((m.start, m.end), r))
        .unzip();
    cut_outermost(&doc.text, (start, end), &spans)
        .into_iter()
        .map(|seg| {
            let inner = seg.text(&doc.text).to_string();
            let Some((row, entity)) = seg
                .mark()
                .and_then(|i| marked.get(i))
                .and_then(|&r| Some((r, ents.rows().get(r)?)))
            else {
                return inner.into_any();
            };
            let mut class = mark_class(entity.kind);
            if shown.chosen == Some(row) {
                class.push_str(" ent-chosen");
            }
            let tabindex = if tab_stop == Some(seg.start) {
                "0"
            } else {
                "-1"
            };
            view! {
                <mark
                    class=class
                    tabindex=tabindex
                    data-ent=row.to_string()
                    aria-describedby=format!("ent-desc-{row}")
                >
                    {inner}
                </mark>
            }
            .into_any()
        })
        .collect_view()
        .into_any()
}

/// The end of the mention of document `doc_index` that covers byte `at` (starts before it and
/// ends after it), if any: where a long block may be cut without cutting a mark in two.
pub fn mention_covering(ents: &EntityIndex, doc_index: usize, at: usize) -> Option<usize> {
    let mentions = ents.mentions(doc_index);
    let before = mentions.partition_point(|m| m.start < at);
    // Mentions are short and rarely nested: the few that start last before `at` are the ones
    // that can reach over it.
    mentions
        .get(before.saturating_sub(8)..before)?
        .iter()
        .map(|m| m.end)
        .filter(|&e| e > at)
        .max()
}

/// One sentence per entity of the document, hidden, for the marks' `aria-describedby`: what
/// the card shows, for screen readers.
pub fn descriptions(ents: &EntityIndex, doc_index: usize) -> impl IntoView + use<> {
    let mut rows: Vec<usize> = ents
        .mention_rows(doc_index)
        .iter()
        .map(|&r| r as usize)
        .collect();
    parallax_core::sort::sort_by(&mut rows, &|a, b| a.cmp(b));
    rows.dedup();
    let items = rows
        .into_iter()
        .map(|r| {
            let row = &ents.rows()[r];
            let names: Vec<String> = ents
                .names_by_source(r)
                .iter()
                .map(|(src, names)| match src {
                    Some(src) => format!("{src}: {}", name_list(names)),
                    None => format!("all sources: {}", name_list(names)),
                })
                .collect();
            let text = format!(
                "{}, {}. Names in this corpus: {}.",
                row.canonical,
                type_label(row.kind).to_lowercase(),
                names.join("; ")
            );
            view! { <span id=format!("ent-desc-{r}")>{text}</span> }
        })
        .collect_view();
    view! { <div class="ent-descriptions" hidden>{items}</div> }
}

/// "“Pashinian” ×3, “Pashinyan” ×1".
fn name_list(names: &[(String, usize)]) -> String {
    names
        .iter()
        .map(|(n, c)| format!("“{n}” ×{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The legend: one checkbox per type, with a sample of its line style and its count here.
/// Unchecking a type adds it to `hide=` in the URL (replacing the history entry: a setting).
pub fn legend(route: RwSignal<Route>, ents: &EntityIndex, doc_index: usize) -> impl IntoView {
    let counts: Vec<(EntityType, usize)> = EntityType::ALL
        .into_iter()
        .map(|t| {
            let n = ents
                .mention_rows(doc_index)
                .iter()
                .filter(|&&r| ents.rows().get(r as usize).is_some_and(|r| r.kind == t))
                .count();
            (t, n)
        })
        .collect();
    let items = counts
        .into_iter()
        .map(|(t, n)| {
            let id = format!("show-{}", type_param(t));
            let shown = move || route.with(|r| !r.part::<ReaderRoute>().hide.contains(t));
            let on_change =
                move |_| url_state::replace_part(route, |r: &mut ReaderRoute| r.hide.toggle(t));
            view! {
                <li>
                    <input type="checkbox" id=id.clone() prop:checked=shown on:change=on_change />
                    <label for=id>
                        <span class=format!("{} legend-sample", mark_class(t))>{type_label(t)}</span>
                        " "
                        <span class="legend-count">{format!("({n})")}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="entity-legend">
            <legend>"Highlighted entities"</legend>
            <ul class="legend-list">{items}</ul>
            <p class="hint">
                "Each type has its own underline. Point at a highlighted name, or Tab to the first and move between them with the arrow keys, to see who it is and which names each source uses."
            </p>
        </fieldset>
    }
}

/// Wraps the article text: shows the entity card for the mark under the pointer or with
/// keyboard focus, next to that mark. Escape closes it; it stays open while the pointer is on it.
#[component]
pub fn MarkedArea(ents: Arc<EntityIndex>, children: Children) -> impl IntoView {
    // (row, top, left) in pixels relative to the wrapper.
    let active = RwSignal::new(None::<(usize, f64, f64)>);
    let open_for = move |ev: &web_sys::Event| {
        let Some((mark, area)) =
            mark_and_area(ev, |el| el.closest("mark.ent[data-ent]").ok().flatten())
        else {
            return;
        };
        let Some(row) = mark
            .get_attribute("data-ent")
            .and_then(|v| v.parse::<usize>().ok())
        else {
            return;
        };
        let (m, a) = (
            mark.get_bounding_client_rect(),
            area.get_bounding_client_rect(),
        );
        let width = 320.0_f64.min(a.width());
        let left = (m.left() - a.left()).min(a.width() - width).max(0.0);
        active.set(Some((row, m.bottom() - a.top() + 6.0, left)));
    };
    let is_inside_card = |ev: &web_sys::MouseEvent| {
        ev.related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("#entity-card").ok().flatten())
            .is_some()
    };
    let card = move || {
        let (row, top, left) = active.get()?;
        let r = ents.rows().get(row)?;
        let sources = ents
            .names_by_source(row)
            .iter()
            .map(|(src, names)| {
                let src = src.clone().unwrap_or_else(|| "All sources".to_string());
                view! {
                    <li>
                        <span class="card-source">{src}</span>
                        ": "
                        {name_list(names)}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div
                id="entity-card"
                class="entity-card"
                role="tooltip"
                // CSSOM, not a style attribute, which the Content-Security-Policy refuses.
                style:top=format!("{}px", crate::format::fixed(top, 1))
                style:left=format!("{}px", crate::format::fixed(left, 1))
                on:mouseleave=move |_| active.set(None)
            >
                <p class="card-name">{r.canonical.clone()}</p>
                <p class="card-type">
                    <span class=mark_class(r.kind)>{type_label(r.kind)}</span>
                    {format!(" · {} in {}", plural(r.total, "mention"), plural(r.documents(), "document"))}
                </p>
                {r.description.clone().map(|d| view! { <p class="card-description">{d}</p> })}
                <p class="card-names-head">"Names used, by source:"</p>
                <ul class="card-names">{sources}</ul>
            </div>
        })
    };
    view! {
        <div
            class="marked-area"
            on:focusin=move |ev| {
                become_tab_stop(&ev);
                open_for(&ev)
            }
            on:mouseover=move |ev| open_for(&ev)
            on:focusout=move |_| active.set(None)
            on:mouseout=move |ev: web_sys::MouseEvent| {
                if !is_inside_card(&ev) {
                    active.set(None)
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    active.set(None)
                } else {
                    rove(&ev)
                }
            }
        >
            {children()}
            {card}
        </div>
    }
}

/// The arrow keys on a marked name (or framing term): Right/Down to the next on screen, Left/Up
/// to the previous, Home/End to the first/last; the mark reached becomes the Tab stop.
fn rove(ev: &web_sys::KeyboardEvent) {
    let step = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => Step::Next,
        "ArrowLeft" | "ArrowUp" => Step::Previous,
        "Home" => Step::First,
        "End" => Step::Last,
        _ => return,
    };
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
        return;
    }
    let (Some(from), Some(area)) = (
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|el| el.matches(ROVING).unwrap_or(false)),
        ev.current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
    ) else {
        return;
    };
    let Ok(list) = area.query_selector_all(ROVING) else {
        return;
    };
    let n = list.length();
    let from_node: &web_sys::Node = &from;
    let at = (0..n).find(|&i| {
        list.item(i)
            .is_some_and(|m| m.is_same_node(Some(from_node)))
    });
    let to = match (step, at) {
        (Step::First, _) => 0,
        (Step::Last, _) => n.saturating_sub(1),
        (Step::Next, Some(i)) => (i + 1).min(n.saturating_sub(1)),
        (Step::Previous, Some(i)) => i.saturating_sub(1),
        (_, None) => return,
    };
    let Some(next) = list
        .item(to)
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    // The focus handler makes it the Tab stop.
    let _ = next.focus();
}

/// The mention mark an event concerns (`find` goes from the event's target to it) and the
/// article area whose listener received the event.
fn mark_and_area(
    ev: &web_sys::Event,
    find: impl FnOnce(&web_sys::Element) -> Option<web_sys::Element>,
) -> Option<(web_sys::Element, web_sys::Element)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = find(&target)?;
    let area = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    Some((mark, area))
}

/// Makes the mark that just got focus (by arrow, click or script) the article's one Tab stop,
/// so Tab back into the article returns to it.
fn become_tab_stop(ev: &web_sys::FocusEvent) {
    let Some((mark, area)) = mark_and_area(ev, |el| {
        el.matches(ROVING).unwrap_or(false).then(|| el.clone())
    }) else {
        return;
    };
    if let Ok(list) = area.query_selector_all("mark[tabindex=\"0\"]") {
        for i in 0..list.length() {
            if let Some(m) = list
                .item(i)
                .and_then(|m| m.dyn_into::<web_sys::Element>().ok())
            {
                let _ = m.set_attribute("tabindex", "-1");
            }
        }
    }
    let _ = mark.set_attribute("tabindex", "0");
}

#[derive(Clone, Copy)]
enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// "1 mention", "3 mentions".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
