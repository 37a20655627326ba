//! Shared passages: the articles in columns, with passages aligned across them marked (each one
//! a link that chooses it), paragraphs no other article shares labelled "Only in X", and the
//! chosen passage's word diff. Choosing a passage scrolls every column to its counterpart.
//! Framing terms can be highlighted in the same columns (`frames=1`).

use super::{html_element, letter, percent, route_link, Compared};
use crate::components::dom::{el, html_elements, El};
use crate::components::framing_marks::{frame_label, frame_tag, hits_in, side_note, Hit};
use crate::url_state::CompareRoute;
use parallax_core::compare::{AlignedPair, DiffKind, MatchKind};
use parallax_core::segments::cut;
use parallax_core::{BlockKind, Document};

pub fn view(c: &Compared, docs: &[&Document], r: &CompareRoute) -> El {
    let pairs = &c.result.aligned;
    let chosen = r.pair.filter(|&k| k < pairs.len());
    let section = super::view_section("compare-passages", "Shared passages");
    let summary = match pairs.len() {
        0 => "These articles share no passage: each column is its own.".to_string(),
        1 => "1 passage is shared.".to_string(),
        n => format!("{n} passages are shared."),
    };
    section.push(
        el("p")
            .text(&summary)
            .text(" Marked passages (≈ and the other article’s letter) say the same thing in another column; choose one to see its word diff and line up its counterparts. Paragraphs labelled “Only in …” appear in no other compared article."),
    );
    if !pairs.is_empty() {
        section.push(crate::export::buttons("passages", passage_rows(c)));
    }
    let toggle = if r.frames {
        route_link(r, "Hide framing words", |n| n.frames = false)
    } else {
        route_link(r, "Highlight framing words", |n| n.frames = true)
    };
    section.push(
        el("p")
            .class("compare-toggles")
            .child(toggle.class("toggle-link").attr("data-key", "frames")),
    );
    if r.frames {
        section.push(el("p").class("hint").text(
            "Framing words are underlined, and each paragraph’s frames are named above it; point at a term to see its own frame (“quoted”: inside quotation marks or reported speech; “negated”: after “not”).",
        ));
    }
    if let Some(k) = chosen {
        section.push(diff_panel(c, docs, r, k));
    }
    let grid = el("div").class("compare-columns");
    for (i, d) in docs.iter().enumerate() {
        grid.push(column(c, d, i, r, chosen));
    }
    section.child(grid)
}

/// One article's column.
fn column(c: &Compared, d: &Document, i: usize, r: &CompareRoute, chosen: Option<usize>) -> El {
    let pairs = &c.result.aligned;
    // Aligned passages of this document: (start, end, pair index).
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        if p.a.doc == d.id {
            spans.push((p.a.start, p.a.end, k));
        } else if p.b.doc == d.id {
            spans.push((p.b.start, p.b.end, k));
        }
    }
    // Words of the chosen passage found on this side only.
    let diff: Vec<(usize, usize)> = chosen
        .map(|k| only_here(&pairs[k], &d.id))
        .unwrap_or_default();
    let hits: Vec<Hit> = if r.frames {
        c.result
            .frames
            .iter()
            .filter(|h| h.doc == d.id)
            .map(|h| (h.start, h.end, frame_tag(&c.result.frame_table, h)))
            .collect()
    } else {
        Vec::new()
    };
    let heading_id = format!("col-h-{i}");
    let col = el("article")
        .class("compare-col")
        .attr("aria-labelledby", &heading_id)
        // Scrolls on its own: reachable by keyboard even where it has no link.
        .attr("tabindex", "0");
    col.push(
        el("h3")
            .attr("id", &heading_id)
            .child(el("span").class("doc-letter").text(&letter(i)))
            .text(&c.names[i]),
    );
    let shares: Vec<String> = c
        .result
        .docs
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .map(|(j, _)| {
            let v = c.result.overlap.get(i).and_then(|row| row.get(j)).copied();
            format!("{} with {}", percent(v.unwrap_or(0.0)), letter(j))
        })
        .collect();
    col.push(
        el("p")
            .class("col-shares")
            .text(&format!("Words shared: {}", shares.join(", "))),
    );
    let mut any = false;
    for b in d.blocks.iter().filter(|b| b.kind.is_content()) {
        any = true;
        // Crossheads are not aligned (they are not prose): shown as the headings they are.
        if b.kind == BlockKind::Subheading {
            col.push(el("h4").class("c-subheading").text(d.slice(b.start, b.end)));
            continue;
        }
        let inside: Vec<(usize, usize, usize)> = spans
            .iter()
            .copied()
            .filter(|&(s, e, _)| s < b.end && e > b.start)
            .collect();
        let class = match b.kind {
            BlockKind::Headline => "c-block c-headline",
            BlockKind::Standfirst => "c-block c-standfirst",
            BlockKind::Caption => "c-block c-caption",
            _ => "c-block",
        };
        let p = el("p").class(class);
        let notes = side_note(&hits_in(&hits, (b.start, b.end)));
        if !notes.is_empty() {
            // Each paragraph's frames in words, above it: visible without pointing at a term.
            let side = el("span").class("frame-side").attr("aria-hidden", "true");
            for n in notes {
                side.push(el("span").text(&n));
            }
            p.push(side);
        }
        if inside.is_empty() {
            p.0.set_class_name(&format!("{class} only"));
            p.push(
                el("span")
                    .class("only-tag")
                    .text(&format!("Only in {}", letter(i))),
            );
            push_text(&p, &d.text, b.start, b.end, &diff, &hits);
        } else {
            block_with_passages(
                &p,
                c,
                d,
                i,
                r,
                (b.start, b.end),
                &inside,
                chosen,
                &diff,
                &hits,
            );
        }
        col.push(p);
    }
    if !any {
        col.push(
            el("p")
                .class("hint")
                .text("This article has no text to align."),
        );
    }
    col
}

/// A block with aligned passages: runs of text covered by the same passages become one link.
#[allow(clippy::too_many_arguments)]
fn block_with_passages(
    p: &El,
    c: &Compared,
    d: &Document,
    col: usize,
    r: &CompareRoute,
    (start, end): (usize, usize),
    spans: &[(usize, usize, usize)],
    chosen: Option<usize>,
    diff: &[(usize, usize)],
    hits: &[Hit],
) {
    let ranges: Vec<(usize, usize)> = spans.iter().map(|&(s, e, _)| (s, e)).collect();
    let mut run: Option<(Vec<usize>, El)> = None;
    for seg in cut(&d.text, (start, end), &ranges) {
        let (x, y) = (seg.start, seg.end);
        let set: Vec<usize> = seg
            .cover
            .iter()
            .filter_map(|&i| spans.get(i).map(|s| s.2))
            .collect();
        if run.as_ref().is_some_and(|(s, _)| *s != set) {
            if let Some((_, a)) = run.take() {
                p.push(a);
            }
        }
        if set.is_empty() {
            push_text(p, &d.text, x, y, diff, hits);
            continue;
        }
        let (_, a) = run.get_or_insert_with(|| {
            let target = chosen.filter(|k| set.contains(k)).unwrap_or(set[0]);
            let a = route_link(r, "", |n| n.pair = Some(target))
                .class(if chosen.is_some_and(|k| set.contains(&k)) {
                    "shared chosen"
                } else {
                    "shared"
                })
                .attr("data-key", &format!("p{target}-{col}-{x}"));
            let a = if chosen.is_some_and(|k| set.contains(&k)) {
                a.attr("data-chosen", "").attr("aria-current", "true")
            } else {
                a
            };
            let others: Vec<String> = set
                .iter()
                .map(|&k| {
                    let pair = &c.result.aligned[k];
                    let other = if pair.a.doc == d.id {
                        &pair.b.doc
                    } else {
                        &pair.a.doc
                    };
                    c.letter_of(other)
                })
                .collect();
            a.push(
                el("span")
                    .class("shared-tag")
                    .text(&format!("≈{}", others.join(","))),
            );
            (set.clone(), a)
        });
        push_text(a, &d.text, x, y, diff, hits);
    }
    if let Some((_, a)) = run {
        p.push(a);
    }
}

/// Appends `text[start..end]` to `host`: words only on this side of the chosen passage wrapped
/// in `<span class="diff-only">`, framing terms in `<mark>` labelled with their frame.
fn push_text(
    host: &El,
    text: &str,
    start: usize,
    end: usize,
    diff: &[(usize, usize)],
    hits: &[Hit],
) {
    let mut ranges: Vec<(usize, usize)> = diff.to_vec();
    ranges.extend(hits.iter().map(|h| (h.0, h.1)));
    let nd = diff.len();
    for seg in cut(text, (start, end), &ranges) {
        let s = seg.text(text);
        let is_diff = seg.cover.iter().any(|&i| i < nd);
        let frame = seg
            .cover
            .iter()
            .find(|&&i| i >= nd)
            .and_then(|&i| hits.get(i - nd));
        let node = match (is_diff, frame) {
            (false, None) => {
                host.push_text(s);
                continue;
            }
            (true, None) => el("span").class("diff-only").text(s),
            (false, Some(h)) => frame_mark(h, "frame").text(s),
            (true, Some(h)) => frame_mark(h, "frame diff-only").text(s),
        };
        host.push(node);
        // Read after the term by screen readers; shown on hover or focus (`data-frame`).
        if let Some(h) = frame.filter(|h| h.1 <= seg.end) {
            host.push(el("span").class("frame-tag visually-hidden").text(&h.2));
        }
    }
}

/// Byte ranges of `doc`'s side of `pair` holding words the other side lacks.
fn only_here(pair: &AlignedPair, doc: &str) -> Vec<(usize, usize)> {
    let want = if pair.a.doc == doc {
        DiffKind::Removed
    } else if pair.b.doc == doc {
        DiffKind::Added
    } else {
        return Vec::new();
    };
    pair.diff
        .iter()
        .filter(|op| op.op == want)
        .map(|op| (op.start, op.end))
        .collect()
}

/// A framing term's `<mark>`, labelled with its frame on hover, or when the passage link
/// holding it has keyboard focus (a focusable mark inside a link would be a second Tab stop).
fn frame_mark(h: &Hit, class: &str) -> El {
    el("mark")
        .class(class)
        .attr("data-frame", &frame_label(&h.2))
}

/// How close a pair is, in words.
fn kind_label(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Verbatim => "Verbatim copy",
        MatchKind::NearVerbatim => "Lightly edited copy",
        MatchKind::Paraphrase => "Paraphrase",
    }
}

/// Every shared passage as table rows (its number, how close, both sides: article, id, byte
/// range and words), for the CSV and JSON downloads.
fn passage_rows(c: &Compared) -> impl Fn() -> Vec<Vec<String>> + 'static {
    let mut rows = vec![[
        "passage",
        "match",
        "similarity",
        "article A",
        "A id",
        "A start",
        "A end",
        "A words",
        "article B",
        "B id",
        "B start",
        "B end",
        "B words",
    ]
    .map(String::from)
    .to_vec()];
    let name = |id: &str| {
        c.col(id)
            .and_then(|i| c.names.get(i))
            .map(|n| format!("{} {n}", c.letter_of(id)))
            .unwrap_or_default()
    };
    for (k, p) in c.result.aligned.iter().enumerate() {
        let mut row = vec![
            (k + 1).to_string(),
            kind_label(p.kind).to_string(),
            percent(p.score),
        ];
        for side in [&p.a, &p.b] {
            row.extend([
                name(&side.doc),
                side.doc.clone(),
                side.start.to_string(),
                side.end.to_string(),
                side.text.trim().to_string(),
            ]);
        }
        rows.push(row);
    }
    move || rows.clone()
}

/// The chosen passage: both sides with their own words marked, and links to the others.
fn diff_panel(c: &Compared, docs: &[&Document], r: &CompareRoute, k: usize) -> El {
    let pair = &c.result.aligned[k];
    let (ia, ib) = (c.col(&pair.a.doc), c.col(&pair.b.doc));
    let (la, lb) = (c.letter_of(&pair.a.doc), c.letter_of(&pair.b.doc));
    let kind = kind_label(pair.kind);
    let panel = el("section")
        .class("diff-panel")
        .attr("aria-labelledby", "diff-h")
        .child(
            el("h3")
                .attr("id", "diff-h")
                .text(&format!("Passage {} of {}: {la} and {lb}", k + 1, c.result.aligned.len())),
        )
        .child(el("p").text(&format!(
            "{kind} · similarity {} (shared word sequences {}, shared content words {}). Words only on one side are underlined with dots.",
            percent(pair.score),
            percent(pair.copy),
            percent(pair.overlap)
        )));
    let nav = el("p").class("diff-nav");
    if k > 0 {
        nav.push(
            route_link(r, "Previous passage", |n| n.pair = Some(k - 1)).attr("data-key", "prev"),
        );
        nav.push_text(" · ");
    }
    if k + 1 < c.result.aligned.len() {
        nav.push(route_link(r, "Next passage", |n| n.pair = Some(k + 1)).attr("data-key", "next"));
        nav.push_text(" · ");
    }
    nav.push(route_link(r, "Close", |n| n.pair = None).attr("data-key", "close"));
    panel.push(nav);
    let sides = el("div").class("diff-sides");
    for (side, col) in [(&pair.a, ia), (&pair.b, ib)] {
        let Some(col) = col else { continue };
        let d = docs[col];
        let body = el("p").class("diff-text");
        push_text(
            &body,
            &d.text,
            side.start,
            side.end,
            &only_here(pair, &d.id),
            &[],
        );
        sides.push(
            el("div")
                .class("diff-side")
                .child(
                    el("h4")
                        .child(el("span").class("doc-letter").text(&letter(col)))
                        .text(&c.names[col]),
                )
                .child(body),
        );
    }
    panel.child(sides)
}

/// Scrolls each column so that its part of the chosen passage is at the top: the counterparts
/// line up side by side.
pub fn scroll_to_chosen() {
    for col in html_elements(".compare-col") {
        if let Some(mark) = col
            .query_selector("[data-chosen]")
            .ok()
            .flatten()
            .and_then(html_element)
        {
            col.set_scroll_top((mark.offset_top() - 48).max(0));
        }
    }
}
