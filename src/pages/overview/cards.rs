//! The overview's cards: each a titled `<section>` with a few rows of findings, why it is empty
//! when it is, and a link to the full view. Built with the small DOM builder (`components::dom`)
//! like the comparison views: typed `view!` trees for six cards of lists cost the first load
//! about 40 KB of gzipped wasm, which the landing page must not.

use super::full_view;
use super::model::{Model, TOP};
use crate::components::dom::{el, link, svg, El};
use crate::url_state::{CompareRoute, CompareView, Route, Sort};
use parallax_core::entities::NamedWays;
use parallax_core::Bundle;
use std::sync::Arc;

/// A card: heading, what it is filtered by (`by`, in words), content, and the link to its full
/// view. `key` is also the id stem (`card-<key>`) and the `data-card` attribute the tests use.
fn card(key: &str, title: &str, (href, more): (&str, &str), by: Option<&str>, body: Vec<El>) -> El {
    let id = format!("card-{key}");
    let section = el("section")
        .class("card")
        .attr("data-card", key)
        .attr("aria-labelledby", &id)
        .child(el("h2").attr("id", &id).text(title));
    if let Some(by) = by {
        section.push(
            el("p")
                .class("card-filter")
                .text(&format!("Only articles with {by}.")),
        );
    }
    for b in body {
        section.push(b);
    }
    section.child(el("p").class("card-more").child(link(href, more)))
}

/// A card's sentence when it has nothing to show.
fn empty(why: &str) -> El {
    el("p").class("card-empty").text(why)
}

/// The article's letter and label, side by side.
fn named(letter: &str, label: &str) -> [El; 2] {
    [
        el("span").class("doc-letter").text(letter),
        el("span").class("card-label").text(label),
    ]
}

fn list(class: &str, items: Vec<El>) -> El {
    let ul = el(class);
    for i in items {
        ul.push(i);
    }
    ul.class("card-list")
}

const CARDS: [(&str, &str); 5] = [
    ("timeline", "Timeline"),
    ("facts", "Facts that disagree"),
    ("shared", "Shared copy"),
    ("speakers", "Who speaks"),
    ("framing", "Framing"),
];

/// Every comparison card, saying why it is empty (too few articles).
pub fn all_empty(why: &str, by: Option<&str>) -> Vec<El> {
    let lib = Route::library(Sort::default()).href();
    CARDS
        .iter()
        .map(|(key, title)| card(key, title, (&lib, "The library"), by, vec![empty(why)]))
        .collect()
}

/// The comparison's cards, each saying what it is filtered by (`by`).
pub fn cards(bundle: &Arc<Bundle>, docs: &[usize], m: &Model, by: Option<&str>) -> Vec<El> {
    let href = |v: CompareView| full_view(bundle, docs, v).href();
    let [timeline_t, facts_t, shared_t, speakers_t, framing_t] = CARDS.map(|(_, t)| t);
    vec![
        card(
            "timeline",
            timeline_t,
            (&href(CompareView::Facts), "Dates and the evidence"),
            by,
            timeline(m),
        ),
        card(
            "facts",
            facts_t,
            (&href(CompareView::Facts), "All facts and dates"),
            by,
            facts(m),
        ),
        card(
            "shared",
            shared_t,
            (
                &href(CompareView::Passages),
                "The shared passages side by side",
            ),
            by,
            shared(m),
        ),
        card(
            "speakers",
            speakers_t,
            (&href(CompareView::Speakers), "Every speaker and quote"),
            by,
            speakers(bundle, docs, m),
        ),
        card(
            "framing",
            framing_t,
            (&href(CompareView::Framing), "Framing terms per article"),
            by,
            framing(m),
        ),
    ]
}

/// Articles by publication date, the re-published ones flagged, over a strip drawn to scale.
fn timeline(m: &Model) -> Vec<El> {
    let days: Vec<i64> = m
        .timeline
        .iter()
        .filter_map(|a| a.published.map(|d| d.day_number()))
        .collect();
    let lo = days.iter().copied().min().unwrap_or(0);
    let span = (days.iter().copied().max().unwrap_or(0) - lo).max(1) as f64;
    let strip = svg("svg")
        .attr("class", "timeline-strip")
        .attr("viewBox", "0 0 300 40")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(
            svg("line")
                .attr("x1", "10")
                .attr("y1", "14")
                .attr("x2", "290")
                .attr("y2", "14"),
        );
    let ol = el("ol").class("card-list");
    for a in &m.timeline {
        if let Some(d) = a.published {
            let x = (10.0 + 280.0 * (d.day_number() - lo) as f64 / span).round() as i64;
            let x = x.to_string();
            let class = if a.republished.is_some() {
                "dot flagged"
            } else {
                "dot"
            };
            strip.push(
                svg("circle")
                    .attr("class", class)
                    .attr("cx", &x)
                    .attr("cy", "14")
                    .attr("r", "6"),
            );
            strip.push(
                svg("text")
                    .attr("x", &x)
                    .attr("y", "34")
                    .attr("text-anchor", "middle")
                    .text(&a.letter),
            );
        }
        let date = a
            .published
            .map_or_else(|| "Date not stated".to_string(), |d| d.long());
        let [l, n] = named(&a.letter, &a.label);
        let li = el("li")
            .child(l)
            .child(el("span").class("card-date").text(&date))
            .text(" · ")
            .child(n);
        if let Some(why) = &a.republished {
            li.push(
                el("span")
                    .class("badge badge-warn")
                    .text("Possible re-publication"),
            );
            li.push(el("span").class("card-why").text(why));
        }
        ol.push(li);
    }
    vec![strip, ol]
}

fn facts(m: &Model) -> Vec<El> {
    if m.facts.is_empty() {
        return vec![empty(
            "No quantity is given with values that cannot all be right.",
        )];
    }
    m.facts
        .iter()
        .map(|f| {
            let ul = el("ul").class("card-values");
            for (letter, label, value) in &f.values {
                let [l, n] = named(letter, label);
                ul.push(
                    el("li")
                        .child(el("strong").class("card-value").text(value))
                        .text(" ")
                        .child(l)
                        .child(n),
                );
            }
            el("div")
                .class("card-fact")
                .child(el("h3").text(&f.what))
                .child(ul)
        })
        .collect()
}

/// The share matrix as a small picture, and the pairs that share most in words.
fn shared(m: &Model) -> Vec<El> {
    if m.shared.is_empty() {
        return vec![empty("No two articles share a passage.")];
    }
    let n = m.letters.len();
    let cell = 24usize;
    let size = (cell * (n + 1)).to_string();
    let pic = svg("svg")
        .attr("class", "shared-matrix")
        .attr("viewBox", &format!("0 0 {size} {size}"))
        .attr("width", &size)
        .attr("height", &size)
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    for (i, l) in m.letters.iter().enumerate() {
        let at = cell * (i + 1) + cell / 2;
        for (x, y) in [(at, cell * 2 / 3), (cell / 2, at + 4)] {
            pic.push(
                svg("text")
                    .attr("x", &x.to_string())
                    .attr("y", &y.to_string())
                    .attr("text-anchor", "middle")
                    .text(l),
            );
        }
    }
    for i in 0..n {
        for j in 0..n {
            let v = m
                .overlap
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .unwrap_or(0.0);
            let (class, v) = if i == j {
                ("cell-self", 0.0)
            } else {
                ("cell", v)
            };
            pic.push(
                svg("rect")
                    .attr("class", class)
                    .attr("x", &(cell * (j + 1) + 1).to_string())
                    .attr("y", &(cell * (i + 1) + 1).to_string())
                    .attr("width", &(cell - 2).to_string())
                    .attr("height", &(cell - 2).to_string())
                    .attr(
                        "fill-opacity",
                        &crate::format::fixed(0.08 + 0.92 * v.clamp(0.0, 1.0), 2),
                    ),
            );
        }
    }
    let label = |i: usize| {
        let letter = m.letters.get(i).cloned().unwrap_or_default();
        let label = m
            .timeline
            .iter()
            .find(|a| a.letter == letter)
            .map(|a| a.label.clone())
            .unwrap_or_default();
        named(&letter, &label)
    };
    let items = m
        .shared
        .iter()
        .take(TOP)
        .map(|p| {
            let [la, na] = label(p.a);
            let [lb, nb] = label(p.b);
            el("li")
                .child(
                    el("strong")
                        .class("card-value")
                        .text(&crate::pages::compare::percent(p.share)),
                )
                .text(" shared: ")
                .child(la)
                .child(na)
                .text(" and ")
                .child(lb)
                .child(nb)
        })
        .collect();
    vec![pic, list("ul", items)]
}

fn speakers(bundle: &Bundle, docs: &[usize], m: &Model) -> Vec<El> {
    if m.speakers.is_empty() {
        return vec![empty("No one is quoted by name in these articles.")];
    }
    let items = m
        .speakers
        .iter()
        .map(|s| {
            let mut to = full_view(bundle, docs, CompareView::Speakers).part::<CompareRoute>();
            to.speaker = Some(s.name.clone());
            let href = Route::Compare(to).href();
            let quotes = if s.quotes == 1 { "quote" } else { "quotes" };
            let sources = if s.sources == 1 { "source" } else { "sources" };
            el("li").child(link(&href, &s.name)).text(&format!(
                ": {} {quotes} in {} {sources}",
                s.quotes, s.sources
            ))
        })
        .collect();
    vec![list("ul", items)]
}

fn framing(m: &Model) -> Vec<El> {
    let items = m
        .framing
        .iter()
        .map(|f| {
            let [l, n] = named(&f.letter, &f.label);
            el("li").child(l).child(n).text(": ").text(&f.sentence)
        })
        .collect();
    vec![list("ul", items)]
}

/// Entities the sources call by different names (not mere spellings or abbreviations), from the
/// bundle's entity mentions: no comparison needed, so it shows as soon as the cards' module is in.
/// Over a sharded corpus's every article, from its entity file (`shards::named_ways`), and over
/// some of them, from its names file (`shards::alias_usage_in`): neither needs the articles'
/// text.
pub fn names_card(bundle: &Arc<Bundle>, docs: &[usize], by: Option<&str>) -> El {
    let whole = docs.len() == bundle.documents.len();
    let ways = match crate::shards::named_ways() {
        Some(ways) if whole => ways,
        _ => NamedWays::of(
            &crate::shards::alias_usage_in(docs)
                .unwrap_or_else(|| crate::entity_index::index(bundle).alias_usage_in(bundle, docs)),
        ),
    };
    let (mut loaded, mut variants) = (Vec::new(), 0usize);
    for w in ways {
        let groups = w.distinct_names();
        if groups.len() >= 2 {
            loaded.push((w.canonical, groups, w.sources as usize));
        } else {
            variants += 1;
        }
    }
    let href = Route::entities().href();
    let mut body = Vec::new();
    if docs.is_empty() {
        body.push(empty("No article to read names in."));
    } else if loaded.is_empty() {
        body.push(empty(
            "No entity is called by different names in these articles.",
        ));
    } else {
        let items = loaded
            .iter()
            .take(TOP + 1)
            .map(|(canonical, groups, sources)| {
                el("li")
                    .child(link(&Route::library_of_entity(canonical).href(), canonical))
                    .text(": ")
                    .child(
                        el("span")
                            .class("contested-names")
                            .text(&groups.join(" / ")),
                    )
                    .text(&format!(
                        " (in {sources} {})",
                        if *sources == 1 { "source" } else { "sources" }
                    ))
            })
            .collect();
        body.push(list("ul", items));
    }
    if variants > 0 {
        body.push(el("p").class("hint").text(&format!(
            "{variants} other {} only spelt or abbreviated differently (UN / U.N.), not listed here.",
            if variants == 1 { "entity is" } else { "entities are" }
        )));
    }
    card(
        "names",
        "Contested names",
        (&href, "All names on the entities page"),
        by,
        body,
    )
}
