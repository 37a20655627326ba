//! The search view's filters: outlet and author values and a published-date histogram, each
//! with live counts. Every choice is a link to the URL with that filter toggled (Datasette's
//! "every filter is a URL"): it can be opened in a new tab or copied, and following it adds a
//! history entry.

use super::dom::{el, set_state, El};
use super::in_place::{Rows, Slot};
use crate::format::thousands;
use crate::url_state::{Route, SearchRoute};
use parallax_core::search::{DateHistogram, FacetCounts, FacetValue};
use wasm_bindgen::JsCast;

/// Values shown before the rest fold away under "more".
const SHOWN: usize = 10;

/// The facets the filters list (name, legend); the search asks the core to count only these.
pub const LISTED: [(&str, &str); 2] = [("outlet", "Outlet"), ("author", "Author")];

/// The filters on screen. Each search updates them in place (`show`): the sections and the
/// rows of values and date bins keep their elements, and only labels, counts, links and how
/// many rows there are change. Rebuilt, they were about a third of the browser's work per
/// search at 10,000 articles (BENCHMARKS.md).
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
    values: Rows<Choice, LinkParts>,
    more: Slot<More>,
    missing: Slot<usize>,
}

/// A listed value or date bin as shown: the link that toggles it, its label and count.
#[derive(PartialEq)]
struct Choice {
    /// Which value or bin (`data-key`, by which focus is given back).
    key: String,
    href: String,
    label: String,
    count: usize,
    selected: bool,
    /// A date bin's bar length, as a share of the largest bin (`--share`); values have none.
    share: Option<String>,
}

/// The parts of a choice's link that an update changes.
struct LinkParts {
    a: web_sys::Element,
    label: web_sys::Element,
    count: web_sys::Element,
    /// A date bin's bar's inline style, held: setting `--share` through it is one call.
    bar: Option<web_sys::CssStyleDeclaration>,
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
    bins: Rows<Choice, LinkParts>,
    undated: Slot<usize>,
    any: Slot<String>,
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
                let values = Rows::new(&ul);
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
        let bins = Rows::new(&ul);
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

    /// Says (`aria-busy`) that these filters still count the search before the one shown,
    /// until `show` brings them up to date.
    pub fn set_busy(&self, busy: bool) {
        set_state(&self.aside, "aria-busy", busy);
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

/// A link that toggles a filter value or date bin, and the handles an update needs. A date
/// bin's bar length shows its count and its text says the same (the bar is decoration, hidden
/// from assistive technology). The check box is drawn (by the style sheet, from
/// `aria-current`), and "selected" said in words, so colour is not the cue; `aria-current`
/// tells assistive technology which links are in force.
fn choice_link(c: &Choice) -> (El, LinkParts) {
    let [class, label_class, count_class] = match c.share {
        Some(_) => ["date-bin", "date-label", "date-count"],
        None => ["facet-value", "facet-name", "facet-count"],
    };
    let label = el("span").class(label_class).text(&c.label);
    let count = el("span").class(count_class).text(&thousands(c.count));
    // One element: the style sheet draws the bar and its track from `--share`.
    let bar = c
        .share
        .as_ref()
        .map(|_| el("span").class("date-bar").attr("aria-hidden", "true"));
    let bar_style = bar
        .as_ref()
        .and_then(|b| b.0.dyn_ref::<web_sys::HtmlElement>())
        .map(|b| b.style());
    if let (Some(style), Some(share)) = (&bar_style, &c.share) {
        set_share(style, share);
    }
    let (label_el, count_el) = (label.0.clone(), count.0.clone());
    let mut a = el("a")
        .class(class)
        .attr("href", &c.href)
        .attr("data-key", &c.key)
        .child(label);
    if let Some(bar) = bar {
        a = a.child(bar);
    }
    a = a.child(count);
    if c.selected {
        a = a
            .attr("aria-current", "true")
            .child(el("span").class("visually-hidden").text(", selected"));
    }
    let parts = LinkParts {
        a: a.0.clone(),
        label: label_el,
        count: count_el,
        bar: bar_style,
    };
    (a, parts)
}

fn choice_item(c: &Choice) -> (El, LinkParts) {
    let (a, parts) = choice_link(c);
    (el("li").child(a), parts)
}

/// Updates a row's `li` from `old` to `new` (another value, when the values reordered): the
/// link's text, count and `href` in place, or a new link when the value shown is chosen or
/// unchosen (the focus that link had is given back by the caller, `dom::keep_focus`).
fn update_choice(li: &web_sys::Element, parts: &mut LinkParts, old: &Choice, new: &Choice) {
    if old.selected != new.selected {
        let (a, new_parts) = choice_link(new);
        li.replace_children_with_node_1(&a.0);
        *parts = new_parts;
        return;
    }
    if old.href != new.href {
        parts.a.set_attribute("href", &new.href).ok();
    }
    if old.key != new.key {
        parts.a.set_attribute("data-key", &new.key).ok();
    }
    if old.label != new.label {
        parts.label.set_text_content(Some(&new.label));
    }
    if let (Some(bar), Some(share)) = (&parts.bar, &new.share) {
        if old.share.as_ref() != Some(share) {
            set_share(bar, share);
        }
    }
    if old.count != new.count {
        parts.count.set_text_content(Some(&thousands(new.count)));
    }
}

/// Sets a date bin's bar length through CSSOM. Never a `style` attribute: the
/// Content-Security-Policy (`style-src 'self'`, see index.html) refuses those, but allows CSSOM.
fn set_share(bar: &web_sys::CssStyleDeclaration, share: &str) {
    let _ = bar.set_property("--share", share);
}

/// One value of facet `f`: a link that toggles it in `r`, with its count.
fn value(r: &SearchRoute, f: &FacetCounts, v: &FacetValue) -> Choice {
    let mut next = r.clone();
    if let Some(list) = chosen(&mut next, &f.name) {
        match list.iter().position(|x| *x == v.value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(v.value.clone()),
        }
    }
    Choice {
        key: format!("{}:{}", f.name, v.value),
        href: Route::Search(next).href(),
        label: v.value.clone(),
        count: v.count,
        selected: v.selected,
        share: None,
    }
}

impl ValueList {
    fn show(&mut self, r: &SearchRoute, f: &FacetCounts, view: &str) {
        self.none.show(f.values.is_empty().then_some(()), |_| {
            el("p").class("hint").text("None among these results.")
        });
        let shown = f.values.iter().take(SHOWN);
        self.values
            .show(shown.map(|v| value(r, f, v)), choice_item, update_choice);
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
        list.push(choice_item(&value(r, f, v)).0);
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
        let wanted = h.bins.iter().map(|b| {
            let (start, end) = (b.start.to_string(), b.end.to_string());
            let selected = r.after.as_deref() == Some(start.as_str())
                && r.before.as_deref() == Some(end.as_str());
            let mut next = r.clone();
            (next.after, next.before) = if selected {
                (None, None)
            } else {
                (Some(start.clone()), Some(end))
            };
            Choice {
                key: format!("date:{start}"),
                href: Route::Search(next).href(),
                label: b.label.clone(),
                count: b.count,
                selected,
                share: Some(format!("{}%", b.count * 100 / max)),
            }
        });
        self.bins.show(wanted, choice_item, update_choice);
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
