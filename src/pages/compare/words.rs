//! Distinctive words: for each source, the words it uses more than the other compared articles,
//! by the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
//! 2008, "Fightin' Words"). Drawn as an SVG bar chart of z-scores, one per source on one scale,
//! with the same numbers in a table as its text alternative.

use super::Compared;
use crate::components::dom::{el, svg, El};
use crate::format::fixed;
use parallax_core::compare::{Distinctive, MIN_Z};

/// Chart geometry, in SVG user units.
const WIDTH: f64 = 420.0;
const LABEL: f64 = 140.0;
const ROW: f64 = 22.0;

pub fn view(c: &Compared) -> El {
    let res = &c.result;
    let section = super::view_section("compare-words", "Distinctive words");
    section.push(el("p").text(&format!(
        "Words each source uses more than the other compared articles do, scored by the weighted log-odds ratio with an informative Dirichlet prior (“Fightin’ Words”, Monroe, Colaresi & Quinn 2008). A z-score of {} or more is shown; longer bars are more distinctive. All charts share one scale.",
        fixed(MIN_Z, 2)
    )));
    let max_z = res
        .distinctive
        .iter()
        .flat_map(|d| d.words.iter().map(|w| w.z))
        .fold(MIN_Z, f64::max);
    let grid = el("div").class("words-grid");
    for d in &res.distinctive {
        grid.push(source_chart(c, d, max_z));
    }
    section.child(grid)
}

fn source_chart(c: &Compared, d: &Distinctive, max_z: f64) -> El {
    let letters = c.source_letters(d.source);
    let name = c.source_name(d.source);
    let title_id = format!("words-{}", d.source);
    let fig = el("figure")
        .class("words-figure")
        .attr("aria-labelledby", &title_id);
    fig.push(
        el("figcaption")
            .attr("id", &title_id)
            .child(el("span").class("doc-letter").text(&letters))
            .text(&name),
    );
    if d.words.is_empty() {
        return fig.child(
            el("p")
                .class("hint")
                .text("No word stands out: this source uses the same words as the others."),
        );
    }
    let height = ROW * d.words.len() as f64 + 4.0;
    let chart = svg("svg")
        .attr("class", "words-chart")
        .attr("viewBox", &format!("0 0 {} {}", fixed(WIDTH, 0), fixed(height, 0)))
        .attr("role", "img")
        .attr(
            "aria-label",
            &format!(
                "Bar chart of the {} most distinctive words of {}; the table below gives the same numbers.",
                d.words.len(),
                name
            ),
        );
    let scale = (WIDTH - LABEL - 44.0) / max_z;
    for (i, w) in d.words.iter().enumerate() {
        let y = ROW * i as f64 + 2.0;
        let bar = (w.z * scale).max(1.0);
        chart.push(
            svg("text")
                .attr("class", "label")
                .attr("x", &fixed(LABEL - 6.0, 1))
                .attr("y", &fixed(y + ROW * 0.68, 1))
                .attr("text-anchor", "end")
                .text(&w.word),
        );
        chart.push(
            svg("rect")
                .attr("class", "bar")
                .attr("x", &fixed(LABEL, 1))
                .attr("y", &fixed(y + 3.0, 1))
                .attr("width", &fixed(bar, 1))
                .attr("height", &fixed(ROW - 6.0, 1)),
        );
        chart.push(
            svg("text")
                .attr("class", "value")
                .attr("x", &fixed(LABEL + bar + 4.0, 1))
                .attr("y", &fixed(y + ROW * 0.68, 1))
                .text(&fixed(w.z, 1)),
        );
    }
    fig.push(chart);
    let body = el("tbody");
    for w in &d.words {
        body.push(
            el("tr")
                .child(el("th").attr("scope", "row").text(&w.word))
                .child(el("td").text(&w.count.to_string()))
                .child(el("td").text(&w.rest.to_string()))
                .child(el("td").text(&fixed(w.z, 2))),
        );
    }
    let head = el("tr")
        .child(el("th").attr("scope", "col").text("Word"))
        .child(
            el("th")
                .attr("scope", "col")
                .text(&format!("Uses in {letters}")),
        )
        .child(el("th").attr("scope", "col").text("Uses elsewhere"))
        .child(el("th").attr("scope", "col").text("z-score"));
    fig.child(super::scroll_box(
        el("table")
            .class("words-table")
            .child(el("caption").text(&format!("Distinctive words of {name} (text of the chart)")))
            .child(el("thead").child(head))
            .child(body),
    ))
}
