//! Distinctive words: for each source, the words it uses more than the other compared articles,
//! by the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
//! 2008, "Fightin' Words"). Drawn as an SVG bar chart of z-scores, one per source on one scale,
//! with the same numbers in a table as its text alternative.

use super::Compared;
use crate::components::dom::{el, svg, El};
use crate::format::fixed;
use parallax_core::compare::{Distinctive, ALPHA0, MIN_Z, TOO_LITTLE_TEXT};

/// Chart geometry, in SVG user units.
const WIDTH: f64 = 420.0;
const LABEL: f64 = 140.0;
const ROW: f64 = 22.0;

pub fn view(c: &Compared) -> El {
    let res = &c.result;
    let section = super::view_section("compare-words", "Distinctive words");
    section.push(el("p").text(
        "The words each source uses noticeably more often than the other articles compared here: a hint of what it dwells on or how it puts things. Longer bars stand out more; all charts share one scale.",
    ));
    section.push(method());
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

/// "How is this calculated?": the method, folded away for those who want it.
fn method() -> El {
    el("details").class("method").child(el("summary").text("How is this calculated?")).child(
        el("p").text(&format!(
            "Each word is counted in this source's articles and in all the others (as its stem, so “attack” and “attacked” count together; common function words and numbers are left out). The difference in how often each side uses it is measured by the weighted log-odds ratio with an informative Dirichlet prior (“Fightin’ Words”, Monroe, Colaresi & Quinn 2008): the whole comparison's word counts, scaled to {} words, are added to both sides, so a word used once or twice cannot stand out by chance. The difference divided by its uncertainty is a z-score; words scoring {} or more (the 95% level) are shown, up to twelve per source.",
            fixed(ALPHA0, 0),
            fixed(MIN_Z, 2)
        )),
    )
}

/// Why a source has no distinctive word, honestly: too little text to tell, or nothing beyond
/// chance at this length.
fn empty_reason(d: &Distinctive) -> String {
    let n = d.content_words;
    if n < TOO_LITTLE_TEXT {
        format!(
            "Too little text to tell: {n} content words, too few for any word choice to stand out from chance."
        )
    } else {
        format!(
            "No word stands out beyond chance: in {n} content words, this source uses no word markedly more often than the others."
        )
    }
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
        return fig.child(el("p").class("hint").text(&empty_reason(d)));
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
