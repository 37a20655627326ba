//! The concordance table: each occurrence centred between its left and right context, sortable
//! by either side (links to the same view with another `ksort=`).

use super::dom::{el, El};
use crate::url_state::{passage_href, KwicOrder, Route, SearchRoute};
use parallax_core::search::KwicLine;

/// The table of `lines` (the ones listed so far). `labels` are the corpus's article labels, by
/// document index (the "Source" column).
pub fn concordance(r: &SearchRoute, lines: &[KwicLine], labels: &[String]) -> El {
    let sort = el("div")
        .class("kwic-sort")
        .child(el("span").class("kwic-sort-label").text("Sort by:"));
    for k in KwicOrder::ALL {
        let next = Route::Search(SearchRoute {
            ksort: k,
            ..r.clone()
        });
        let mut a = el("a")
            .class("toggle")
            .attr("href", &next.href())
            .attr("data-key", &format!("ksort:{}", k.as_param()))
            .text(k.label());
        if r.ksort == k {
            a = a.attr("aria-current", "true");
        }
        sort.push(a);
    }
    let head = el("tr");
    for (class, label) in [
        ("kwic-left", "Left context"),
        ("", "Keyword"),
        ("", "Right context"),
        ("", "Source"),
    ] {
        head.push(el("th").attr("scope", "col").class(class).text(label));
    }
    let body = el("tbody");
    for l in lines {
        body.push(row(l, labels));
    }
    el("div").class("kwic").child(sort).child(
        el("div").class("kwic-scroll").child(
            el("table")
                .class("kwic-table")
                .child(el("caption").class("visually-hidden").text("Concordance"))
                .child(el("thead").child(head))
                .child(body),
        ),
    )
}

/// One line of the table: left context, keyword, right context and a link to its place in the
/// article (also used to append the lines a "Show more" adds).
pub fn row(l: &KwicLine, labels: &[String]) -> El {
    let source = labels.get(l.doc).map_or("", String::as_str);
    el("tr")
        .attr("data-doc-id", &l.id)
        // The left context is cut at its start when too long (see the CSS): in a right-to-left
        // cell, with the words themselves kept left to right.
        .child(
            el("td")
                .class("kwic-left")
                .child(el("span").class("kwic-ltr").text(&l.left)),
        )
        .child(
            el("td")
                .class("kwic-key")
                .child(el("mark").text(&l.keyword)),
        )
        .child(el("td").class("kwic-right").text(&l.right))
        .child(
            el("td")
                .class("kwic-doc")
                // The label may be cut to the column's width: whole on hover.
                .child(
                    super::dom::link(&passage_href(&l.id, l.start), source).attr("title", source),
                ),
        )
}
