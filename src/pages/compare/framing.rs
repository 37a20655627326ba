//! Framing: how often each article names each topic each way (the framing lexicon in
//! `crates/core/data/framing.toml`), in its own voice and inside quotes, and a profile per
//! article: its frames, its outlet's distinctive words and whom it quotes. Per article and
//! descriptive on purpose: there is no outlet-level bias rating.

use super::{letter, percent, route_link, Compared};
use crate::components::dom::{el, El};
use crate::components::framing_marks::{frame_name, source_parts, voice_counts};
use crate::url_state::{CompareRoute, CompareView};
use parallax_core::compare::{FrameRow, Profile};

pub fn view(c: &Compared, r: &CompareRoute) -> El {
    let res = &c.result;
    let section = super::view_section("compare-framing", "Framing");
    section.push(
        el("p")
            .text("How each article names the same things, counted from the framing lexicon: uses in the article’s own words, and uses inside quotation marks or reported speech (“in quotes”). Under each frame: whose wording it typically is, and where that is documented. ")
            .child(route_link(r, "See these words highlighted in the texts", |n| {
                n.view = CompareView::Passages;
                n.frames = true;
                n.pair = None;
            })),
    );
    section.push(frame_table(c));
    if res.sources.len() < res.docs.len() {
        section.push(source_table(c));
    }
    let profiles = el("div").class("profiles");
    for (i, p) in res.profiles.iter().enumerate() {
        profiles.push(profile(c, i, p));
    }
    section
        .child(el("h3").text("Per-article profiles"))
        .child(profiles)
}

/// Topics as row groups, frames as rows, articles as columns.
fn frame_table(c: &Compared) -> El {
    let res = &c.result;
    let head = el("tr").child(el("th").attr("scope", "col").text("Frame"));
    for i in 0..res.docs.len() {
        head.push(el("th").attr("scope", "col").text(&letter(i)));
    }
    let table = el("table")
        .class("frame-table")
        .child(el("caption").text("Framing terms per article: in quotes, in its own words"))
        .child(el("thead").child(head));
    // The table comes in lexicon order, so each topic's frames are consecutive.
    let mut topics: Vec<(&str, &str)> = Vec::new();
    for f in &res.frame_table {
        if !topics.iter().any(|(id, _)| *id == f.topic) {
            topics.push((&f.topic, &f.topic_name));
        }
    }
    for (topic, topic_name) in topics {
        let rows: Vec<&FrameRow> = res
            .frame_table
            .iter()
            .filter(|f| f.topic == topic)
            .collect();
        if rows.iter().all(|f| total(f) == 0) {
            continue;
        }
        let body = el("tbody").child(
            el("tr").class("topic-row").child(
                el("th")
                    .attr("scope", "colgroup")
                    .attr("colspan", &(res.docs.len() + 1).to_string())
                    .text(topic_name),
            ),
        );
        for f in rows {
            let row = el("tr").child(frame_head(f));
            for i in 0..res.docs.len() {
                let own = f.own.get(i).copied().unwrap_or(0);
                let quoted =
                    f.quoted.get(i).copied().unwrap_or(0) + f.reported.get(i).copied().unwrap_or(0);
                let cell = if own + quoted == 0 {
                    el("td").class("zero").text("0")
                } else {
                    el("td").text(&voice_counts(quoted, own))
                };
                row.push(cell);
            }
            body.push(row);
        }
        table.push(body);
    }
    super::scroll_box(table)
}

/// A frame's row header: its name, and whose wording it typically is, with the lexicon's
/// source for that when it gives one.
fn frame_head(f: &FrameRow) -> El {
    let th = el("th")
        .attr("scope", "row")
        .child(el("span").class("frame-name").text(&f.name));
    let about = &f.attribution;
    if !about.note.is_empty() {
        th.push(el("span").class("frame-note").text(&about.note));
    }
    let (lead, source, url) = source_parts(about);
    let line = el("span").class("frame-source").text(lead);
    match url {
        "" => line.push_text(source),
        url => line.push(
            el("a")
                .attr("href", url)
                .attr("rel", "noopener noreferrer")
                .text(source),
        ),
    }
    th.child(line)
}

fn total(f: &FrameRow) -> usize {
    f.own.iter().chain(&f.quoted).chain(&f.reported).sum()
}

/// Own-voice uses per outlet, when two compared articles share one.
fn source_table(c: &Compared) -> El {
    let res = &c.result;
    let head = el("tr").child(el("th").attr("scope", "col").text("Frame"));
    for s in 0..res.sources.len() {
        head.push(c.source_header(s));
    }
    let body = el("tbody");
    for f in res
        .frame_table
        .iter()
        .filter(|f| f.own_by_source.iter().any(|&n| n > 0))
    {
        let row = el("tr").child(el("th").attr("scope", "row").text(&f.name));
        for &n in &f.own_by_source {
            row.push(el("td").text(&n.to_string()));
        }
        body.push(row);
    }
    super::scroll_box(
        el("table")
            .class("frame-table")
            .child(el("caption").text("Framing terms per outlet (own voice)"))
            .child(el("thead").child(head))
            .child(body),
    )
}

/// One article's choices, side by side with the others'.
fn profile(c: &Compared, i: usize, p: &Profile) -> El {
    let card = el("article").class("profile").child(
        el("h4")
            .child(el("span").class("doc-letter").text(&letter(i)))
            .text(&c.names[i]),
    );
    let dl = el("dl");
    let frames: Vec<String> = p
        .frames
        .iter()
        .map(|f| {
            format!(
                "{} ({})",
                frame_name(&c.result.frame_table, &f.topic, &f.frame),
                voice_counts(f.quoted + f.reported, f.own)
            )
        })
        .collect();
    let speakers: Vec<String> = p
        .speakers
        .iter()
        .take(5)
        .map(|s| format!("{} ({})", s.speaker, s.quotes))
        .collect();
    let rows = [
        ("Frames used", frames.join("; ")),
        ("Distinctive words of its outlet", p.distinctive.join(", ")),
        ("Most quoted", speakers.join(", ")),
        (
            "Quotation",
            format!(
                "{} of its words are inside quotation marks; {} direct quotes, {} reported statements",
                percent(p.quoted_share),
                p.direct_quotes,
                p.reported_statements
            ),
        ),
    ];
    for (k, v) in rows {
        dl.push(el("dt").text(k));
        dl.push(el("dd").text(if v.is_empty() { "none found" } else { &v }));
    }
    card.child(dl)
}
