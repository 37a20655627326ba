//! Who speaks: a table of speakers × sources with the number of quotes and reported statements,
//! and for the chosen speaker (`speaker=`) their words side by side, source by source, each
//! with the verb the article chose ("said", "accused", "claimed") and whether it is a direct
//! quote. A quote whose speaker cannot be told is listed as such, never guessed.

use super::{route_link, Compared};
use crate::components::dom::{el, El};
use crate::url_state::CompareRoute;
use parallax_core::compare::{Quote, QuoteKind, Resolution, Speaker};

pub fn view(c: &Compared, r: &CompareRoute) -> El {
    let res = &c.result;
    let section = super::view_section("compare-speakers", "Who speaks");
    if res.speakers.is_empty() {
        return section.child(el("p").text("No quotes or reported statements were found."));
    }
    section.push(el("p").text(
        "Quotes and reported statements by speaker, per source. Choose a speaker to read their words side by side.",
    ));
    let head = el("tr").child(el("th").attr("scope", "col").text("Speaker"));
    for s in 0..res.sources.len() {
        head.push(c.source_header(s));
    }
    head.push(el("th").attr("scope", "col").text("Total"));
    let body = el("tbody");
    let chosen = r.speaker.as_deref();
    for sp in &res.speakers {
        let is_chosen = chosen == Some(sp.name.as_str());
        let name = route_link(r, &display_name(sp), |n| {
            n.speaker = (!is_chosen).then(|| sp.name.clone())
        })
        .attr("data-key", &format!("sp-{}", sp.name));
        let name = if is_chosen {
            name.attr("aria-current", "true")
        } else {
            name
        };
        let row = el("tr").child(el("th").attr("scope", "row").child(name));
        for &n in &sp.counts {
            row.push(
                el("td")
                    .class(if n == 0 { "zero" } else { "" })
                    .text(&n.to_string()),
            );
        }
        row.push(el("td").text(&sp.total.to_string()));
        body.push(row.class(if is_chosen { "chosen" } else { "" }));
    }
    let table = el("table")
        .class("speakers-table")
        .child(el("caption").text("Quotes and reported statements per speaker and source"))
        .child(el("thead").child(head))
        .child(body);
    let buttons = crate::export::buttons("quotes", quote_rows(c));
    section.push(super::scroll_box(table));
    section.push(buttons);
    if let Some(name) = chosen {
        match res.speakers.iter().find(|s| s.name == name) {
            Some(sp) => section.push(side_by_side(c, sp)),
            None => section.push(
                el("p")
                    .class("notice notice-warn")
                    .text(&format!("No speaker “{name}” is quoted in these articles.")),
            ),
        }
    }
    section
}

/// Every quote and reported statement as table rows (speaker, source, kind, verb, the speaker
/// as written, how the speaker was found, the words), for the CSV and JSON downloads.
fn quote_rows(c: &Compared) -> impl Fn() -> Vec<Vec<String>> + 'static {
    let mut rows = vec![[
        "speaker",
        "source",
        "kind",
        "verb",
        "as written",
        "speaker found",
        "words",
    ]
    .map(String::from)
    .to_vec()];
    for sp in &c.result.speakers {
        for (s, ids) in sp.quotes.iter().enumerate() {
            for q in ids.iter().filter_map(|&q| c.result.quotes.get(q)) {
                rows.push(vec![
                    display_name(sp),
                    format!("{} {}", c.source_letters(s), c.source_name(s)),
                    match q.kind {
                        QuoteKind::Direct => "direct quote".into(),
                        QuoteKind::Reported => "reported speech".into(),
                    },
                    q.verb.clone().unwrap_or_default(),
                    q.speaker.clone().unwrap_or_default(),
                    match q.resolution {
                        Resolution::Named => "named",
                        Resolution::Pronoun => "from a pronoun",
                        Resolution::Continued => "carried over from the paragraph",
                        Resolution::Descriptive => "described, not named",
                        Resolution::Unknown => "unknown",
                    }
                    .into(),
                    q.text.trim().to_string(),
                ]);
            }
        }
    }
    move || rows.clone()
}

/// The name as the table shows it: unknown speakers and descriptions say what they are.
fn display_name(sp: &Speaker) -> String {
    if sp.canonical.is_none() && sp.name == "(unknown)" {
        "Unknown speaker".to_string()
    } else {
        sp.name.clone()
    }
}

/// The chosen speaker's quotes, one column per source.
fn side_by_side(c: &Compared, sp: &Speaker) -> El {
    let wrap = el("section")
        .class("speaker-quotes")
        .attr("aria-labelledby", "speaker-q-h")
        .child(
            el("h3")
                .attr("id", "speaker-q-h")
                .attr("tabindex", "-1")
                .text(&format!("{}: side by side", display_name(sp))),
        );
    let grid = el("div").class("quote-columns");
    for s in 0..c.result.sources.len() {
        let col = el("div").class("quote-col").child(
            el("h4")
                .child(el("span").class("doc-letter").text(&c.source_letters(s)))
                .text(&c.source_name(s)),
        );
        let ids = sp.quotes.get(s).map(Vec::as_slice).unwrap_or(&[]);
        if ids.is_empty() {
            col.push(el("p").class("hint").text("Not quoted here."));
        }
        for &q in ids {
            if let Some(q) = c.result.quotes.get(q) {
                col.push(quote(q));
            }
        }
        grid.push(col);
    }
    wrap.child(grid)
}

/// One quote: the words, then who (as written), the verb, and how the speaker was found.
fn quote(q: &Quote) -> El {
    let kind = match q.kind {
        QuoteKind::Direct => "Direct quote",
        QuoteKind::Reported => "Reported speech",
    };
    let words = match q.kind {
        QuoteKind::Direct => format!("“{}”", q.text.trim()),
        QuoteKind::Reported => q.text.trim().to_string(),
    };
    let mut cite = vec![kind.to_string()];
    if let Some(v) = &q.verb {
        cite.push(format!("verb: {v}"));
    }
    let how = match q.resolution {
        Resolution::Named => None,
        Resolution::Pronoun => Some("speaker from a pronoun"),
        Resolution::Continued => Some("speaker carried over from the paragraph"),
        Resolution::Descriptive => Some("described, not named"),
        Resolution::Unknown => Some("speaker unknown"),
    };
    if let Some(s) = &q.speaker {
        cite.push(format!("as written: “{s}”"));
    }
    if let Some(h) = how {
        cite.push(h.to_string());
    }
    el("figure")
        .class(if q.kind == QuoteKind::Direct {
            "quote direct"
        } else {
            "quote reported"
        })
        .child(el("blockquote").text(&words))
        .child(el("figcaption").text(&cite.join(" · ")))
}
