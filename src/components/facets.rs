//! The search view's filters: outlet and author values and a published-date histogram, each
//! with live counts. Every choice is a link to the URL with that filter toggled (Datasette's
//! "every filter is a URL"): it can be opened in a new tab or copied, and following it adds a
//! history entry.

use super::dom::{el, El};
use super::keyed::{Keyed, Slot};
use crate::format::thousands;
use crate::url_state::{Route, SearchRoute};
use parallax_core::search::{DateHistogram, FacetCounts, FacetValue};

/// Values shown before the rest fold away under "more".
const SHOWN: usize = 10;

/// The facets the filters list (name, legend); the search asks the core to count only these.
pub const LISTED: [(&str, &str); 2] = [("outlet", "Outlet"), ("author", "Author")];

/// The filters on screen. Each search updates them in place (`show`): the sections, the
/// date bins (the same for every query, over the corpus's dates) and every value still listed
/// keep their elements, and only counts, links and what comes or goes change. Rebuilt, they
/// were about a third of the browser's work per search at 10,000 articles (BENCHMARKS.md).
pub struct Filters {
    aside: web_sys::Element,
    fold: web_sys::Element,
    title: web_sys::Element,
    title_shown: String,
    /// The value facets listed, by name: the facets `counts` had when these were built.
    lists: Vec<ValueList>,
    dates: DateList,
}

/// One facet's values, its "N more" and its count of documents without a value.
struct ValueList {
    name: String,
    none: Slot<()>,
    values: Keyed<Value>,
    more: Slot<More>,
    missing: Slot<usize>,
}

/// A listed value as shown: the link that toggles it, its label and count.
#[derive(PartialEq)]
struct Value {
    key: String,
    href: String,
    label: String,
    count: usize,
    selected: bool,
}

/// A facet's "N more": rebuilt when the view changes, since the links it folds away do.
#[derive(PartialEq)]
struct More {
    view: String,
    rest: usize,
    open: bool,
}

/// The published-date histogram.
struct DateList {
    range: Slot<String>,
    bins: Keyed<Bin>,
    undated: Slot<usize>,
    any: Slot<String>,
}

/// A date bin as shown.
#[derive(PartialEq)]
struct Bin {
    key: String,
    href: String,
    label: String,
    share: String,
    count: usize,
    selected: bool,
}

impl Filters {
    /// The filters for `r`'s results.
    /// On a phone they fold away under "Filters" (unless one is chosen), so that the results
    /// start on the first screen.
    pub fn new(r: &SearchRoute, counts: &[FacetCounts], dates: &DateHistogram) -> Filters {
        let aside = el("aside").class("facets").attr("aria-label", "Filters");
        let title = el("h2").class("facets-title");
        let fold = el("details").class("facets-fold");
        if is_wide() || r.filters_counted() > 0 {
            fold.0.set_attribute("open", "").ok();
        }
        let title_el = title.0.clone();
        let fold = fold.child(el("summary").child(title));
        let mut lists = Vec::new();
        for (name, legend) in LISTED {
            if counts.iter().any(|f| f.name == name) {
                let section = el("section")
                    .class("facet")
                    .attr("data-facet", name)
                    .attr("aria-label", legend)
                    .child(el("h3").text(legend));
                let none = Slot::new(&section);
                let ul = el("ul").class("facet-values");
                let values = Keyed::new(&ul);
                section.push(ul);
                let more = Slot::new(&section);
                let missing = Slot::new(&section);
                fold.push(section);
                lists.push(ValueList {
                    name: name.to_string(),
                    none,
                    values,
                    more,
                    missing,
                });
            }
        }
        let section = el("section")
            .class("facet facet-dates")
            .attr("data-facet", "published")
            .attr("aria-label", "Published")
            .child(el("h3").text("Published"));
        let range = Slot::new(&section);
        let ul = el("ul").class("date-bins");
        let bins = Keyed::new(&ul);
        section.push(ul);
        let dates_list = DateList {
            range,
            bins,
            undated: Slot::new(&section),
            any: Slot::new(&section),
        };
        fold.push(section);
        let fold_el = fold.0.clone();
        let mut filters = Filters {
            aside: aside.child(fold).0,
            fold: fold_el,
            title: title_el,
            title_shown: String::new(),
            lists,
            dates: dates_list,
        };
        filters.show(r, counts, dates);
        filters
    }

    pub fn element(&self) -> &web_sys::Element {
        &self.aside
    }

    /// Whether these filters are in `parent` and list the facets `counts` has, so that
    /// `show` can update them.
    pub fn fits(&self, parent: &web_sys::Element, counts: &[FacetCounts]) -> bool {
        let listed = LISTED
            .iter()
            .filter(|(name, _)| counts.iter().any(|f| f.name == *name));
        self.aside.parent_element().as_ref() == Some(parent)
            && listed
                .map(|(name, _)| *name)
                .eq(self.lists.iter().map(|l| l.name.as_str()))
    }

    /// Shows the filters for `r`'s results, in place.
    pub fn show(&mut self, r: &SearchRoute, counts: &[FacetCounts], dates: &DateHistogram) {
        let chosen = r.filters_counted();
        if chosen > 0 {
            // A chosen filter keeps them open (on a phone they start folded).
            self.fold.set_attribute("open", "").ok();
        }
        let title = title(chosen);
        if title != self.title_shown {
            self.title.set_text_content(Some(&title));
            self.title_shown = title;
        }
        let view = Route::Search(r.clone()).href();
        for list in &mut self.lists {
            if let Some(f) = counts.iter().find(|f| f.name == list.name) {
                list.show(r, f, &view);
            }
        }
        self.dates.show(r, dates);
    }
}

/// The filters' heading: "Filters", or "Filters (2 chosen)" (`chosen` as `filters_counted`
/// counts them); the story overview's filters too.
pub fn title(chosen: usize) -> String {
    match chosen {
        0 => "Filters".to_string(),
        n => format!("Filters ({n} chosen)"),
    }
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
fn toggle_link(v: &Value) -> El {
    let a = el("a")
        .class("facet-value")
        .attr("href", &v.href)
        .attr("data-key", &v.key)
        .child(el("span").class("facet-name").text(&v.label))
        .child(el("span").class("facet-count").text(&thousands(v.count)));
    if v.selected {
        a.attr("aria-current", "true")
            .child(el("span").class("visually-hidden").text(", selected"))
    } else {
        a
    }
}

/// One value of facet `f`: a link that toggles it in `r`, with its count.
fn value(r: &SearchRoute, f: &FacetCounts, v: &FacetValue) -> Value {
    let mut next = r.clone();
    if let Some(list) = chosen(&mut next, &f.name) {
        match list.iter().position(|x| *x == v.value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(v.value.clone()),
        }
    }
    Value {
        key: format!("{}:{}", f.name, v.value),
        href: Route::Search(next).href(),
        label: v.value.clone(),
        count: v.count,
        selected: v.selected,
    }
}

fn value_item(v: &Value) -> El {
    el("li").child(toggle_link(v))
}

/// Updates a listed value's `li` from `old` to `new`: its link and count in place, or a new
/// link when it was chosen or unchosen (the focus that link had is given back by the caller,
/// `dom::keep_focus`).
fn update_value(li: &web_sys::Element, old: &Value, new: &Value) {
    let same = old.selected == new.selected && old.label == new.label;
    let Some(a) = kept_link(li, same, [&old.href, &new.href], || toggle_link(new)) else {
        return;
    };
    if old.count != new.count {
        set_text(&a, ".facet-count", &thousands(new.count));
    }
}

/// The link of a filter's `li`, kept when it shows the `same` value in the same state, with its
/// `href` updated (`[old, new]`), for the caller to update the rest; otherwise `li` gets a new
/// link from `build` and there is nothing more to update.
fn kept_link(
    li: &web_sys::Element,
    same: bool,
    [old_href, new_href]: [&String; 2],
    build: impl FnOnce() -> El,
) -> Option<web_sys::Element> {
    if !same {
        li.replace_children_with_node_1(&build().0);
        return None;
    }
    let a = li.first_element_child()?;
    if old_href != new_href {
        a.set_attribute("href", new_href).ok();
    }
    Some(a)
}

/// Sets the text of `parent`'s first element matching `selector`.
fn set_text(parent: &web_sys::Element, selector: &str, text: &str) {
    if let Some(e) = parent.query_selector(selector).ok().flatten() {
        e.set_text_content(Some(text));
    }
}

impl ValueList {
    fn show(&mut self, r: &SearchRoute, f: &FacetCounts, view: &str) {
        self.none.show(f.values.is_empty().then_some(()), |_| {
            el("p").class("hint").text("None among these results.")
        });
        let shown = f.values.iter().take(SHOWN);
        let wanted = shown
            .map(|v| value(r, f, v))
            .map(|v| (v.key.clone(), v))
            .collect();
        self.values.show(wanted, value_item, update_value);
        let rest = f.values.get(SHOWN..).unwrap_or_default();
        let more = (!rest.is_empty()).then(|| More {
            view: view.to_string(),
            rest: rest.len(),
            // A chosen value among the rest: open, so that the choice shows and keeps focus.
            open: rest.iter().any(|v| v.selected),
        });
        self.more.show(more, |m| {
            // The rest (a facet can have hundreds of values) is built when first opened
            // (`fill_rest`).
            let more = el("details")
                .class("facet-more")
                .attr("data-rest", &f.name)
                .child(el("summary").text(&format!("{} more", m.rest)))
                .child(el("ul").class("facet-values"));
            if m.open {
                fill_rest(&more.0, r, std::slice::from_ref(f));
                more.attr("open", "")
            } else {
                more
            }
        });
        self.missing
            .show((f.missing > 0).then_some(f.missing), |n| {
                el("p")
                    .class("hint")
                    .text(&format!("Not stated: {}", thousands(*n)))
            });
    }
}

/// Builds the values a facet's "N more" (`details`, as `ValueList::show` made it) folds away, if
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
        list.push(value_item(&value(r, f, v)));
    }
}

/// Publication dates as a bar list: each bin is a link whose bar length shows its count and
/// whose text says the same (the bar is decoration, hidden from assistive technology).
fn bin_link(b: &Bin) -> El {
    let a = el("a")
        .class("date-bin")
        .attr("href", &b.href)
        .attr("data-key", &b.key)
        .child(el("span").class("date-label").text(&b.label))
        // One element: the style sheet draws the bar and its track from `--share`.
        .child(
            el("span")
                .class("date-bar")
                .attr("aria-hidden", "true")
                .style("--share", &b.share),
        )
        .child(el("span").class("date-count").text(&thousands(b.count)));
    if b.selected {
        a.attr("aria-current", "true")
            .child(el("span").class("visually-hidden").text(", selected"))
    } else {
        a
    }
}

/// Updates a date bin's `li` from `old` to `new`, as `update_value` does a value's.
fn update_bin(li: &web_sys::Element, old: &Bin, new: &Bin) {
    let same = old.selected == new.selected && old.label == new.label;
    let Some(a) = kept_link(li, same, [&old.href, &new.href], || bin_link(new)) else {
        return;
    };
    if old.share != new.share {
        if let Some(bar) = a.query_selector(".date-bar").ok().flatten() {
            El(bar).style("--share", &new.share);
        }
    }
    if old.count != new.count {
        set_text(&a, ".date-count", &thousands(new.count));
    }
}

impl DateList {
    fn show(&mut self, r: &SearchRoute, h: &DateHistogram) {
        let range = match (&r.after, &r.before) {
            (Some(a), Some(b)) => Some(format!("From {a}, before {b}")),
            (Some(a), None) => Some(format!("From {a}")),
            (None, Some(b)) => Some(format!("Before {b}")),
            _ => None,
        };
        let any = range.is_some().then(|| {
            let mut next = r.clone();
            (next.after, next.before) = (None, None);
            Route::Search(next).href()
        });
        self.range.show(range, |t| el("p").class("hint").text(t));
        let max = h.bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        let wanted = h
            .bins
            .iter()
            .map(|b| {
                let (start, end) = (b.start.to_string(), b.end.to_string());
                let selected = r.after.as_deref() == Some(start.as_str())
                    && r.before.as_deref() == Some(end.as_str());
                let mut next = r.clone();
                (next.after, next.before) = if selected {
                    (None, None)
                } else {
                    (Some(start.clone()), Some(end))
                };
                let key = format!("date:{start}");
                let bin = Bin {
                    key: key.clone(),
                    href: Route::Search(next).href(),
                    label: b.label.clone(),
                    share: format!("{}%", b.count * 100 / max),
                    count: b.count,
                    selected,
                };
                (key, bin)
            })
            .collect();
        self.bins
            .show(wanted, |b| el("li").child(bin_link(b)), update_bin);
        self.undated
            .show((h.undated > 0).then_some(h.undated), |n| {
                el("p")
                    .class("hint")
                    .text(&format!("Undated: {}", thousands(*n)))
            });
        self.any.show(any, |href| {
            el("p").child(
                el("a")
                    .attr("href", href)
                    .attr("data-key", "date:any")
                    .text("Any date"),
            )
        });
    }
}
