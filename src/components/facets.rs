//! The search view's filters: outlet and author values and a published-date histogram, each
//! with live counts. Every choice is a link to the URL with that filter toggled (Datasette's
//! "every filter is a URL"): it can be opened in a new tab or copied, and following it adds a
//! history entry.

use super::dom::{el, El};
use crate::format::thousands;
use crate::url_state::{Route, SearchRoute};
use parallax_core::search::{DateHistogram, FacetCounts, FacetValue};

/// Values shown before the rest fold away under "more".
const SHOWN: usize = 10;

/// The facets the filters list (name, legend); the search asks the core to count only these.
pub const LISTED: [(&str, &str); 2] = [("outlet", "Outlet"), ("author", "Author")];

/// The filters for `r`'s results.
/// On a phone they fold away under "Filters" (unless one is chosen), so that the results start
/// on the first screen.
pub fn facets(r: &SearchRoute, counts: &[FacetCounts], dates: &DateHistogram) -> El {
    let aside = el("aside").class("facets").attr("aria-label", "Filters");
    let chosen =
        r.outlets.len() + r.authors.len() + usize::from(r.after.is_some() || r.before.is_some());
    let title = match chosen {
        0 => "Filters".to_string(),
        n => format!("Filters ({n} chosen)"),
    };
    let fold = el("details")
        .class("facets-fold")
        .child(el("summary").child(el("h2").class("facets-title").text(&title)));
    let fold = if is_wide() || chosen > 0 {
        fold.attr("open", "")
    } else {
        fold
    };
    for (name, legend) in LISTED {
        if let Some(f) = counts.iter().find(|f| f.name == name) {
            fold.push(value_list(r, f, legend));
        }
    }
    fold.push(date_list(r, dates));
    aside.child(fold)
}

/// Whether the window is wider than a phone (the width at which the CSS puts the filters
/// beside the results); natively (tests) it is.
pub(crate) fn is_wide() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let width = web_sys::window().and_then(|w| w.inner_width().ok()?.as_f64());
        width.is_none_or(|w| w > 768.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    true
}

/// The route's chosen values for facet `name`.
fn chosen<'a>(r: &'a mut SearchRoute, name: &str) -> Option<&'a mut Vec<String>> {
    match name {
        "outlet" => Some(&mut r.outlets),
        "author" => Some(&mut r.authors),
        _ => None,
    }
}

/// A link that toggles a filter. The check box is drawn (by the style sheet, from
/// `aria-current`), and "selected" said in words, so colour is not the cue; `aria-current`
/// tells assistive technology which links are in force.
fn toggle_link(href: &str, key: &str, selected: bool, label: &str, count: usize) -> El {
    let a = el("a")
        .class("facet-value")
        .attr("href", href)
        .attr("data-key", key)
        .child(el("span").class("facet-name").text(label))
        .child(el("span").class("facet-count").text(&thousands(count)));
    if selected {
        a.attr("aria-current", "true")
            .child(el("span").class("visually-hidden").text(", selected"))
    } else {
        a
    }
}

/// One value of facet `f`: a link that toggles it in `r`, with its count.
fn value_item(r: &SearchRoute, f: &FacetCounts, v: &FacetValue) -> El {
    let mut next = r.clone();
    if let Some(list) = chosen(&mut next, &f.name) {
        match list.iter().position(|x| *x == v.value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(v.value.clone()),
        }
    }
    let key = format!("{}:{}", f.name, v.value);
    el("li").child(toggle_link(
        &Route::Search(next).href(),
        &key,
        v.selected,
        &v.value,
        v.count,
    ))
}

fn value_list(r: &SearchRoute, f: &FacetCounts, legend: &str) -> El {
    let section = el("section")
        .class("facet")
        .attr("data-facet", &f.name)
        .attr("aria-label", legend)
        .child(el("h3").text(legend));
    if f.values.is_empty() {
        section.push(el("p").class("hint").text("None among these results."));
    }
    let list = el("ul").class("facet-values");
    for v in f.values.iter().take(SHOWN) {
        list.push(value_item(r, f, v));
    }
    section.push(list);
    let rest = f.values.get(SHOWN..).unwrap_or_default();
    if !rest.is_empty() {
        // The rest (a facet can have hundreds of values) is built when first opened
        // (`fill_rest`), unless a chosen value is among it: then it is open, so that the
        // choice shows and keeps focus.
        let more = el("details")
            .class("facet-more")
            .attr("data-rest", &f.name)
            .child(el("summary").text(&format!("{} more", rest.len())))
            .child(el("ul").class("facet-values"));
        let more = if rest.iter().any(|v| v.selected) {
            fill_rest(&more.0, r, std::slice::from_ref(f));
            more.attr("open", "")
        } else {
            more
        };
        section.push(more);
    }
    if f.missing > 0 {
        let t = format!("Not stated: {}", thousands(f.missing));
        section.push(el("p").class("hint").text(&t));
    }
    section
}

/// Builds the values a facet's "N more" (`details`, as `value_list` made it) folds away, if
/// not built yet, from the counts shown.
pub fn fill_rest(details: &web_sys::Element, r: &SearchRoute, counts: &[FacetCounts]) {
    let name = details.get_attribute("data-rest").unwrap_or_default();
    let Some(f) = counts.iter().find(|f| f.name == name) else {
        return;
    };
    let Some(list) = details.query_selector("ul").ok().flatten() else {
        return;
    };
    if list.child_element_count() > 0 {
        return;
    }
    let list = El(list);
    for v in f.values.get(SHOWN..).unwrap_or_default() {
        list.push(value_item(r, f, v));
    }
}

/// Publication dates as a bar list: each bin is a link whose bar length shows its count and
/// whose text says the same (the bar is decoration, hidden from assistive technology).
fn date_list(r: &SearchRoute, h: &DateHistogram) -> El {
    let section = el("section")
        .class("facet facet-dates")
        .attr("data-facet", "published")
        .attr("aria-label", "Published")
        .child(el("h3").text("Published"));
    let range = match (&r.after, &r.before) {
        (Some(a), Some(b)) => Some(format!("From {a}, before {b}")),
        (Some(a), None) => Some(format!("From {a}")),
        (None, Some(b)) => Some(format!("Before {b}")),
        _ => None,
    };
    if let Some(t) = &range {
        section.push(el("p").class("hint").text(t));
    }
    let max = h.bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let list = el("ul").class("date-bins");
    for b in &h.bins {
        let (start, end) = (b.start.to_string(), b.end.to_string());
        let selected =
            r.after.as_deref() == Some(start.as_str()) && r.before.as_deref() == Some(end.as_str());
        let mut next = r.clone();
        (next.after, next.before) = if selected {
            (None, None)
        } else {
            (Some(start.clone()), Some(end))
        };
        let share = format!("{}%", b.count * 100 / max);
        let mut a = el("a")
            .class("date-bin")
            .attr("href", &Route::Search(next).href())
            .attr("data-key", &format!("date:{start}"))
            .child(el("span").class("date-label").text(&b.label))
            // One element: the style sheet draws the bar and its track from `--share`.
            .child(
                el("span")
                    .class("date-bar")
                    .attr("aria-hidden", "true")
                    .style("--share", &share),
            )
            .child(el("span").class("date-count").text(&thousands(b.count)));
        if selected {
            a = a
                .attr("aria-current", "true")
                .child(el("span").class("visually-hidden").text(", selected"));
        }
        list.push(el("li").child(a));
    }
    section.push(list);
    if h.undated > 0 {
        let t = format!("Undated: {}", thousands(h.undated));
        section.push(el("p").class("hint").text(&t));
    }
    if range.is_some() {
        let mut next = r.clone();
        (next.after, next.before) = (None, None);
        section.push(
            el("p").child(
                el("a")
                    .attr("href", &Route::Search(next).href())
                    .attr("data-key", "date:any")
                    .text("Any date"),
            ),
        );
    }
    section
}
