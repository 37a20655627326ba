//! The comparison page (`?compare=a,b[,c]`): chosen articles side by side with their shared
//! passages and word diffs, who speaks where, framing words, distinctive words, and the numbers
//! and dates that disagree. The core computes everything (`parallax_core::compare`, run in the
//! comparison worker: see `worker.rs`); this page only lays it out, with direct DOM building (see `components::dom`) because each view is
//! rebuilt wholesale when the URL changes. Every choice on the page is a link, so every view can
//! be copied, reloaded and reached with Back.

mod chooser;
mod facts;
mod framing;
mod passages;
mod speakers;
mod words;
pub(crate) mod worker;

use crate::components::copy_link::CopyLink;
use crate::components::dom::{el, fill, link, El};
use crate::url_state::{CompareRoute, CompareView, LibraryRoute, Part, Route};
use leptos::prelude::*;
use parallax_core::compare::Comparison;
use parallax_core::{Bundle, Document};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Columns get too narrow to read beyond this; the rest of a longer list is left out, with a note.
pub const MAX_DOCS: usize = 6;

/// One computed comparison and what the views need to label it.
pub struct Compared {
    /// Bundle indices of the compared documents, in column order.
    pub docs: Vec<usize>,
    pub result: Comparison,
    /// The articles' labels (`crate::labels`), in column order; the letters ("A", "B", …) are
    /// only a short second key beside them.
    pub names: Vec<String>,
    /// Time the comparison took in the worker, in milliseconds.
    pub millis: f64,
}

impl Compared {
    /// Column position of a document id.
    pub fn col(&self, id: &str) -> Option<usize> {
        self.result.docs.iter().position(|d| d.id == id)
    }

    /// "A", "B", … for a document id ("?" for one not compared, which the core never returns).
    pub fn letter_of(&self, id: &str) -> String {
        self.col(id).map_or_else(|| "?".to_string(), letter)
    }

    /// What a source is called: its outlet, or (when the outlet is unknown) its article's name.
    pub fn source_name(&self, source: usize) -> String {
        let Some(s) = self.result.sources.get(source) else {
            return String::new();
        };
        match (&s.outlet, s.docs.first().and_then(|d| self.col(d))) {
            (Some(o), _) => o.clone(),
            (None, Some(col)) => self.names[col].clone(),
            // Never reached (every source has a compared document); not the raw id.
            (None, None) => self.source_letters(source),
        }
    }

    /// A table column header for a source: its letters, and its outlet when known (article
    /// names are too long for a header; the list at the top of the page gives them).
    pub fn source_header(&self, source: usize) -> El {
        let th = el("th").attr("scope", "col").child(
            el("span")
                .class("doc-letter")
                .text(&self.source_letters(source)),
        );
        if let Some(o) = self
            .result
            .sources
            .get(source)
            .and_then(|s| s.outlet.as_ref())
        {
            th.push_text(o);
        }
        th
    }

    /// The letters of a source's documents: "A", or "A+C" when two articles share an outlet.
    pub fn source_letters(&self, source: usize) -> String {
        self.result
            .sources
            .get(source)
            .map_or_else(String::new, |s| {
                let ls: Vec<String> = s.docs.iter().map(|d| self.letter_of(d)).collect();
                ls.join("+")
            })
    }
}

/// The letter of column `i`.
pub fn letter(i: usize) -> String {
    char::from(b'A' + (i % 26) as u8).to_string()
}

/// A comparison asked of the worker, or its answer.
enum Slot {
    Waiting,
    Done(Result<Rc<Compared>, String>),
}

thread_local! {
    /// Set by the chooser's Compare button: when the comparison is shown, keyboard focus moves
    /// to it (the results), instead of staying on a button that scrolled out of sight.
    pub(crate) static FOCUS_RESULTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Recent comparisons by document list: changing the view, the chosen passage or the
    /// highlights re-renders without asking the worker again.
    static CACHE: RefCell<Vec<(Vec<usize>, Slot)>> = const { RefCell::new(Vec::new()) };
}

/// How many comparisons the cache keeps.
const CACHE_SIZE: usize = 8;

/// The comparison of these documents if it is known; otherwise asks the worker for it (once)
/// and calls `arrived` when the answer is in.
pub(crate) fn lookup(
    bundle: &Arc<Bundle>,
    docs: &[usize],
    arrived: impl Fn() + 'static,
) -> Option<Result<Rc<Compared>, String>> {
    let known = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| k == docs)
            .map(|(_, slot)| match slot {
                Slot::Waiting => None,
                Slot::Done(r) => Some(r.clone()),
            })
    });
    if let Some(answer) = known {
        return answer;
    }
    store(docs, Slot::Waiting);
    let ids: Vec<String> = docs
        .iter()
        .map(|&i| bundle.documents[i].id.clone())
        .collect();
    let names: Vec<String> = docs.iter().map(|&i| crate::labels::of(bundle, i)).collect();
    let key = docs.to_vec();
    worker::request(bundle, &ids, move |answer| {
        let done = answer.map(|(result, millis)| {
            Rc::new(Compared {
                docs: key.clone(),
                result,
                names,
                millis,
            })
        });
        store(&key, Slot::Done(done));
        arrived();
    });
    None
}

fn store(docs: &[usize], slot: Slot) {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|(k, _)| k != docs);
        if c.len() >= CACHE_SIZE {
            c.remove(0);
        }
        c.push((docs.to_vec(), slot));
    });
}

/// The ids of `r.compare` found in the bundle (at most [`MAX_DOCS`]), and the ones not found.
pub fn resolve(bundle: &Bundle, ids: &[String]) -> (Vec<usize>, Vec<String>) {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for id in ids {
        match bundle.documents.iter().position(|d| &d.id == id) {
            Some(i) => found.push(i),
            None => missing.push(id.clone()),
        }
    }
    (found, missing)
}

#[component]
pub fn Compare(bundle: Arc<Bundle>, route: RwSignal<Route>) -> impl IntoView {
    let body = NodeRef::<leptos::html::Div>::new();
    let ids = Memo::new(move |_| route.with(|r| r.part::<CompareRoute>().ids));
    // Bumped when the worker answers, so the view below renders the answer.
    let arrived = RwSignal::new(0u32);
    {
        let bundle = bundle.clone();
        Effect::new(move |_| {
            let r = route.with(|r| r.part::<CompareRoute>());
            arrived.track();
            let Some(host) = body.get() else { return };
            let (found, missing) = resolve(&bundle, &r.ids);
            let mut parts = notes(&bundle, &found, &missing);
            if found.len() < 2 {
                fill(&host, parts);
                return;
            }
            let shown = &found[..found.len().min(MAX_DOCS)];
            match lookup(&bundle, shown, move || {
                // The page may be gone by the time the worker answers.
                let _ = arrived.try_update(|n| *n += 1);
            }) {
                None => {
                    parts.push(
                        el("p")
                            .class("compare-wait")
                            .attr("role", "status")
                            .text(&format!("Comparing {} articles…", shown.len())),
                    );
                    fill(&host, parts);
                }
                Some(Err(msg)) => {
                    parts.push(
                        el("div")
                            .class("notice notice-error")
                            .attr("role", "alert")
                            .child(el("p").text(&msg))
                            .child(el("p").child(link(&worker::reload_href(), "Reload the page"))),
                    );
                    fill(&host, parts);
                }
                Some(Ok(c)) => {
                    parts.extend(comparison(&bundle, &c, &r));
                    fill(&host, parts);
                    let _ = host
                        .set_attribute("data-compare-ns", &((c.millis * 1e6) as u64).to_string());
                    if r.view == CompareView::Passages && r.pair.is_some() {
                        request_animation_frame(passages::scroll_to_chosen);
                    }
                    // A shared link to a speaker opens at their quotes.
                    if r.view == CompareView::Speakers && r.speaker.is_some() {
                        request_animation_frame(|| crate::url_state::focus_element("speaker-q-h"));
                    }
                    if FOCUS_RESULTS.with(|f| f.replace(false)) {
                        request_animation_frame(|| {
                            crate::url_state::focus_element("compare-results")
                        });
                    }
                }
            }
        });
    }
    // Escape closes the chosen passage (its word diff), as a second click on it would.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() {
            let open =
                route.with_untracked(|r| CompareRoute::of(r).is_some_and(|c| c.pair.is_some()));
            if open {
                crate::url_state::navigate_part(route, |c: &mut CompareRoute| c.pair = None);
            }
        }
    });
    on_cleanup(move || esc.remove());
    view! {
        <div class="compare-page">
            <div class="compare-head">
                <h1 tabindex="-1">"Compare"</h1>
                <CopyLink route=route />
            </div>
            <chooser::Chooser bundle=bundle route=route ids=ids />
            <div class="compare-body" node_ref=body></div>
        </div>
    }
}

/// What is missing from the chosen list, or what to do when fewer than two are chosen.
fn notes(bundle: &Bundle, found: &[usize], missing: &[String]) -> Vec<El> {
    let mut out = Vec::new();
    for id in missing {
        let note = el("p").class("notice notice-warn").text(&format!(
            "No article “{id}” in this corpus: it is left out."
        ));
        // An id of an article someone added in their browser: the same file added here (same
        // bytes, same id) brings it into the comparison, so say which file and where to add it.
        out.push(match crate::local::added_file_of(id) {
            Some(file) => note
                .text(&format!(
                    " It was added in someone's browser from a file named “{file}”: add that \
                     file here with “Add articles” in the "
                ))
                .child(link(
                    &Route::Library(LibraryRoute::default()).href(),
                    "library",
                ))
                .text(" to compare it."),
            None => note,
        });
    }
    if found.len() > MAX_DOCS {
        out.push(el("p").class("notice notice-warn").text(&format!(
            "{} articles were chosen; the first {MAX_DOCS} are compared (columns get too narrow beyond that).",
            found.len()
        )));
    }
    if found.len() < 2 {
        let what = match bundle.documents.len() {
            0 | 1 => "This corpus has fewer than two articles, so there is nothing to compare.",
            _ => "Choose two or more articles above to see them side by side.",
        };
        out.push(el("p").class("compare-empty").text(what));
    }
    out
}

/// The comparison of at least two documents: who is compared, how much they share, the view
/// switch, and the chosen view.
fn comparison(bundle: &Bundle, c: &Compared, r: &CompareRoute) -> Vec<El> {
    let docs: Vec<&Document> = c.docs.iter().map(|&i| &bundle.documents[i]).collect();
    let mut out = vec![doc_list(c, &docs), view_switch(r)];
    out.push(match r.view {
        CompareView::Passages => passages::view(c, &docs, r),
        CompareView::Speakers => speakers::view(c, r),
        CompareView::Framing => framing::view(c, r),
        CompareView::Words => words::view(c),
        CompareView::Facts => facts::view(c),
    });
    out.push(el("p").class("hint compare-timing").text(&format!(
        "Compared in this browser (in a background worker) in {} ms.",
        crate::format::fixed(c.millis.max(1.0), 0)
    )));
    out
}

/// The compared articles with their letters, and the "% shared" matrix.
fn doc_list(c: &Compared, docs: &[&Document]) -> El {
    let ol = el("ol").class("compare-docs");
    for (i, d) in docs.iter().enumerate() {
        let info = &c.result.docs[i];
        let li = el("li")
            .child(el("span").class("doc-letter").text(&letter(i)))
            .child(link(&crate::url_state::doc_href(&d.id), &c.names[i]));
        let mut facts = Vec::new();
        if let Some(o) = &info.outlet {
            facts.push(o.clone());
        }
        if let Some(p) = info.published {
            facts.push(p.long());
        }
        if !facts.is_empty() {
            li.push(el("span").class("doc-facts").text(&facts.join(" · ")));
        }
        ol.push(li);
    }
    el("section")
        .class("compare-summary")
        .attr("id", "compare-results")
        .attr("tabindex", "-1")
        .attr("aria-label", "Compared articles")
        .child(ol)
        .child(overlap_table(c))
}

/// Share of each article's words in passages shared with each other article.
fn overlap_table(c: &Compared) -> El {
    let n = c.result.docs.len();
    let head = el("tr").child(el("td"));
    for j in 0..n {
        head.push(el("th").attr("scope", "col").text(&letter(j)));
    }
    let body = el("tbody");
    for i in 0..n {
        let row = el("tr").child(el("th").attr("scope", "row").text(&letter(i)));
        for j in 0..n {
            let cell = el("td");
            if i == j {
                cell.push_text("—");
            } else {
                let v = c.result.overlap.get(i).and_then(|r| r.get(j)).copied();
                cell.push_text(&percent(v.unwrap_or(0.0)));
            }
            row.push(cell);
        }
        body.push(row);
    }
    let table = el("table")
        .class("overlap-table")
        .child(el("caption").text(
            "% shared: share of each row article’s words in passages it shares with the column article",
        ))
        .child(el("thead").child(head))
        .child(body);
    let buttons = crate::export::table_buttons("shared", &table);
    el("div").child(table).child(buttons)
}

/// "42%".
pub fn percent(x: f64) -> String {
    format!("{}%", (x * 100.0).round() as i64)
}

/// Links between the comparison's views (the current one marked for assistive technology too).
fn view_switch(r: &CompareRoute) -> El {
    let nav = el("nav")
        .class("compare-views")
        .attr("aria-label", "Comparison views");
    let ul = el("ul");
    for v in CompareView::ALL {
        let next = Route::Compare(CompareRoute {
            view: v,
            pair: None,
            speaker: None,
            ..r.clone()
        });
        let a = link(&next.href(), v.label()).attr("data-key", v.as_param());
        let a = if v == r.view {
            a.attr("aria-current", "page")
        } else {
            a
        };
        ul.push(el("li").child(a));
    }
    nav.child(ul)
}

/// The same route with one field changed; a link to it.
pub fn route_link(r: &CompareRoute, text: &str, change: impl FnOnce(&mut CompareRoute)) -> El {
    let mut next = r.clone();
    change(&mut next);
    link(&Route::Compare(next).href(), text)
}

/// A view's `<section>`, named by its `<h2>` (the id is the class with `-h`).
pub fn view_section(class: &str, title: &str) -> El {
    let id = format!("{class}-h");
    el("section")
        .class(class)
        .attr("aria-labelledby", &id)
        .child(el("h2").attr("id", &id).text(title))
}

/// A wide table in a box that scrolls sideways on narrow screens; focusable, so that a keyboard
/// user can scroll it too.
pub fn scroll_box(table: El) -> El {
    el("div")
        .class("table-scroll")
        .attr("tabindex", "0")
        .attr("role", "group")
        .attr("aria-label", "Table (scrolls sideways)")
        .child(table)
}

/// An element as an `HtmlElement` (for `offset_top`), when it is one.
pub fn html_element(el: web_sys::Element) -> Option<web_sys::HtmlElement> {
    el.dyn_into::<web_sys::HtmlElement>().ok()
}
