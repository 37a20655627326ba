//! The search view: ranked documents with their best passages, every matching passage, or a
//! keyword-in-context concordance, with outlet, author and date facets; all of it read from and
//! written to the URL (see `url_state::Route`).

use crate::components::copy_link::CopyLink;
use crate::components::dom::{el, fill, keep_focus, link, set_state, El};
use crate::components::facets::{fill_rest, Filters, LISTED};
use crate::components::highlight::highlighted;
use crate::components::in_place::Rows;
use crate::components::kwic::{concordance, row as kwic_row};
use crate::format::thousands;
use crate::frames::now;
use crate::url_state::{doc_href, passage_href, KwicOrder, Route, SearchMode, SearchRoute};
use leptos::prelude::*;
use parallax_core::aliases::{Expand, Expanded};
use parallax_core::search::{
    kwic, search, DateHistogram, FacetCounts, KwicLine, KwicOptions, KwicSort, Mode, Options,
    Passage, SearchResults, Selection, QUERY_HELP,
};
use parallax_core::{Bundle, Document};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Documents (or passages) listed at first, and added by each "Show more"; the counts always
/// cover everything. A page, not all matches, so that building the results costs the same at
/// ten thousand articles as at ten; ten, not twenty, because building and laying out a page
/// is most of what a search costs in the browser (BENCHMARKS.md).
const PAGE: usize = 10;
/// Concordance lines made at most (the occurrences past them are counted).
const KWIC_LIMIT: usize = 500;
/// Concordance lines listed at first, and added by each "Show more": a table lays out all its
/// rows together, and 500 of them took about 50 ms in Chromium at every search.
const KWIC_PAGE: usize = 100;

/// What one search produced, for every part of the view.
pub struct Outcome {
    pub results: SearchResults,
    /// Concordance mode only: the lines shown, all occurrences, and in how many documents.
    pub kwic: Option<(Vec<KwicLine>, usize, usize)>,
    pub notes: Vec<String>,
    /// The other names searched too ("also searched: Pashinian").
    pub also: Vec<String>,
    /// Other names of the entities named that are not searched by default (contested names),
    /// offered as a link.
    pub more: Vec<String>,
}

/// The query the core runs: `typed` (the user's, with other names of the entities it names),
/// with the date filter in the core's own syntax. The dates go first so that a query ending in a
/// dangling `OR` cannot swallow them.
fn core_query(r: &SearchRoute, typed: &str) -> String {
    let mut q = String::new();
    if let Some(d) = &r.after {
        q.push_str(&format!("after:{d} "));
    }
    if let Some(d) = &r.before {
        q.push_str(&format!("before:{d} "));
    }
    q.push_str(typed);
    q
}

/// The query `r` asks for with the other names of the entities it names, and the query the
/// core runs.
fn expanded(bundle: &Bundle, r: &SearchRoute) -> (Expanded, String) {
    let expanded = crate::entity_index::aliases(bundle).expand(&r.q, r.aliases);
    let query = core_query(r, &expanded.query);
    (expanded, query)
}

/// What the core is asked for `r`: the query it runs and its options, and the names the alias
/// expansion added or offers.
struct Plan {
    query: String,
    opts: Options,
    expanded: Expanded,
    more: Vec<String>,
}

/// The core query and options for what `r` asks, listing the first `limit` documents or
/// passages. The passages of every matching document are not counted (a walk over every
/// occurrence of the searched words, most of a query at ten thousand articles): the count line
/// says "in N documents" at once and counts passages when asked (`passage_total`).
fn plan(bundle: &Bundle, r: &SearchRoute, limit: usize) -> Plan {
    let (expanded, query) = expanded(bundle, r);
    let more = if r.aliases == Expand::Spelling {
        let all = crate::entity_index::aliases(bundle)
            .expand(&r.q, Expand::All)
            .also;
        all.into_iter()
            .filter(|n| !expanded.also.contains(n))
            .collect()
    } else {
        Vec::new()
    };
    let selected: Vec<Selection> = r
        .outlets
        .iter()
        .map(|v| ("outlet", v))
        .chain(r.authors.iter().map(|v| ("author", v)))
        .map(|(facet, value)| Selection {
            facet: facet.into(),
            value: value.clone(),
        })
        .collect();
    let faceted = !selected.is_empty();
    let facets = Some(LISTED.iter().map(|(name, _)| name.to_string()).collect());
    let opts = match r.mode {
        SearchMode::Docs => Options {
            limit,
            selected,
            count_passages: false,
            facets,
            ..Options::default()
        },
        SearchMode::Passages => Options {
            mode: Mode::Passages,
            limit,
            selected,
            facets,
            ..Options::default()
        },
        // The concordance itself knows no facets: list every matching document (no passages)
        // so its lines can be kept to the chosen outlets and authors.
        SearchMode::Kwic => Options {
            limit: if faceted { usize::MAX } else { 0 },
            passages_per_doc: 0,
            selected,
            count_passages: false,
            facets,
            ..Options::default()
        },
    };
    Plan {
        query,
        opts,
        expanded,
        more,
    }
}

/// The passages of every document `r` finds (what "Count passages" shows): the same search
/// with the count asked for and nothing listed.
/// Returns the count line with them ("2,106 passages in 871 of 1,000 documents").
pub fn passage_total(bundle: &Bundle, r: &SearchRoute) -> String {
    let Plan {
        query, mut opts, ..
    } = plan(bundle, r, 0);
    opts.count_passages = true;
    let res = search(&bundle.index, &bundle.documents, &query, &opts);
    count_line(
        Some(res.total_passages.unwrap_or_default()),
        res.total_docs,
        res.corpus_docs,
    )
}

/// The concordance's options for `r` (every line when facets filter them afterwards).
fn kwic_options(r: &SearchRoute, faceted: bool) -> KwicOptions {
    let sort = match r.ksort {
        KwicOrder::Corpus => KwicSort::Document,
        KwicOrder::Left => KwicSort::Left,
        KwicOrder::Right => KwicSort::Right,
    };
    KwicOptions {
        sort,
        limit: if faceted { usize::MAX } else { KWIC_LIMIT },
        ..KwicOptions::default()
    }
}

/// Searches for what `r` asks, listing the first `limit` documents or passages.
pub fn run(bundle: &Bundle, r: &SearchRoute, limit: usize) -> Outcome {
    run_plan(bundle, r, plan(bundle, r, limit))
}

/// [`run`] with its plan made already (the search view makes it first, to fetch what it needs).
fn run_plan(bundle: &Bundle, r: &SearchRoute, p: Plan) -> Outcome {
    let Plan {
        query,
        opts,
        expanded,
        more,
    } = p;
    let mode = r.mode;
    let faceted = !opts.selected.is_empty();
    let results = search(&bundle.index, &bundle.documents, &query, &opts);
    let mut notes = results.notes.clone();
    let kwic_part = (mode == SearchMode::Kwic).then(|| {
        let k = kwic(
            &bundle.index,
            &bundle.documents,
            &query,
            &kwic_options(r, faceted),
        );
        for n in k.notes {
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
        let mut lines = k.lines;
        let mut total = k.total;
        if faceted {
            let mut keep = vec![false; bundle.documents.len()];
            for h in &results.hits {
                if let Some(k) = keep.get_mut(h.doc) {
                    *k = true;
                }
            }
            lines.retain(|l| keep.get(l.doc).copied().unwrap_or(false));
            total = lines.len();
            lines.truncate(KWIC_LIMIT);
        }
        let mut docs: Vec<usize> = lines.iter().map(|l| l.doc).collect();
        parallax_core::sort::sort_by(&mut docs, &|a, b| a.cmp(b));
        docs.dedup();
        // Without facets all lines may not have been returned; the documents matching the
        // query bound the count from above and are exact when every line is shown.
        let in_docs = if lines.len() == total {
            docs.len()
        } else {
            results.total_docs
        };
        (lines, total, in_docs)
    });
    // The notes quote the query the core ran; show people the one they typed.
    let typed = query.len() - expanded.query.len();
    if typed > 0 {
        let filter = &query[..typed];
        for n in &mut notes {
            *n = n.replace(filter, "");
        }
    }
    Outcome {
        results,
        kwic: kwic_part,
        notes,
        also: expanded.also,
        more,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// "12 passages in 3 of 5 documents", or "3 of 5 documents" when the passages are not counted.
fn count_line(passages: Option<usize>, docs: usize, corpus: usize) -> String {
    let of = format!(
        "{} of {}",
        thousands(docs),
        plural(corpus, "document", "documents")
    );
    match passages {
        Some(p) => format!("{} in {of}", plural(p, "passage", "passages")),
        None => of,
    }
}

/// The count line for `o`: documents (and passages, when counted), or what the concordance
/// found.
fn summary(o: &Outcome) -> String {
    let res = &o.results;
    match &o.kwic {
        Some((_, total, docs)) => {
            let docs = if *total == 0 { 0 } else { *docs };
            format!(
                "{} in {} of {}",
                plural(*total, "occurrence", "occurrences"),
                thousands(docs),
                plural(res.corpus_docs, "document", "documents")
            )
        }
        None => count_line(res.total_passages, res.total_docs, res.corpus_docs),
    }
}

/// Outlet and date under a result's title.
fn facts(doc: &Document) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &doc.meta.outlet {
        parts.push(o.value.clone());
    }
    if let Some(p) = &doc.meta.published {
        parts.push(p.value.long());
    }
    if parts.is_empty() {
        "Outlet and date not stated".to_string()
    } else {
        parts.join(" · ")
    }
}

/// Appends to `parent` a matching passage and a link to read it in its place in the article
/// (two elements and the highlights: twenty results show sixty of them; the link is a block of
/// its own by the style sheet, not wrapped in a paragraph).
fn push_passage(parent: &El, doc: &Document, label: &str, p: &Passage) {
    let q = el("blockquote").class("passage");
    highlighted(&q, &doc.text, p.start, p.end, &p.highlights);
    parent.push(q);
    parent.push(
        link(&passage_href(&doc.id, p.start), "Read in context")
            .class("passage-context")
            .attr("aria-label", &format!("Read in context: {label}")),
    );
}

/// The results list for `o` (or why there is none), with a "Show more" button when more
/// documents or passages match than it lists.
fn results(r: &SearchRoute, o: &Outcome, bundle: &Arc<Bundle>, labels: &Rc<Vec<String>>) -> El {
    let empty = match &o.kwic {
        Some((lines, _, _)) => lines.is_empty(),
        None => o.results.hits.is_empty() && o.results.passages.is_empty(),
    };
    if empty {
        let hint = if r.has_filters() {
            el("p")
                .text("Try removing a filter: ")
                .child(link(
                    &Route::Search(r.without_filters()).href(),
                    "search without filters",
                ))
                .text(".")
        } else {
            el("p").text("Try fewer or other words; the query syntax is below.")
        };
        return el("div")
            .class("search-empty")
            .child(el("p").text("Nothing found."))
            .child(hint);
    }
    let buttons = crate::export::buttons("search-results", result_rows(o, bundle, labels));
    el("div")
        .child(result_list(r, o, &bundle.documents, labels))
        .child(buttons)
}

/// What the current view lists, as table rows for the CSV and JSON downloads: documents (rank,
/// id, label, facts, score, best passage), passages (id, label, passage) or concordance lines.
/// Built when a download is asked for, not with every search: the view keeps only which
/// documents and passages it lists.
fn result_rows(
    o: &Outcome,
    bundle: &Arc<Bundle>,
    labels: &Rc<Vec<String>>,
) -> impl Fn() -> Vec<Vec<String>> + 'static {
    enum Listed {
        Lines(Vec<KwicLine>),
        Passages(Vec<(usize, Passage)>),
        /// Document, score and best passage.
        Docs(Vec<(usize, f32, Option<Passage>)>),
    }
    let res = &o.results;
    let listed = match &o.kwic {
        Some((lines, _, _)) => Listed::Lines(lines.clone()),
        None if !res.passages.is_empty() => Listed::Passages(
            res.passages
                .iter()
                .map(|h| (h.doc, h.passage.clone()))
                .collect(),
        ),
        None => Listed::Docs(
            res.hits
                .iter()
                .map(|h| (h.doc, h.score, h.passages.first().cloned()))
                .collect(),
        ),
    };
    let (bundle, labels) = (bundle.clone(), labels.clone());
    move || {
        let docs = &bundle.documents;
        let text = |d: &Document, p: &Passage| {
            d.text
                .get(p.start..p.end)
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let strings = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let label = |d: usize| labels.get(d).cloned().unwrap_or_default();
        let mut rows = Vec::new();
        match &listed {
            Listed::Lines(lines) => {
                rows.push(strings(&[
                    "document id",
                    "article",
                    "left",
                    "keyword",
                    "right",
                ]));
                for l in lines {
                    rows.push(vec![
                        l.id.clone(),
                        label(l.doc),
                        l.left.clone(),
                        l.keyword.clone(),
                        l.right.clone(),
                    ]);
                }
            }
            Listed::Passages(passages) => {
                rows.push(strings(&["document id", "article", "passage"]));
                for (doc, p) in passages {
                    if let Some(d) = docs.get(*doc) {
                        rows.push(vec![d.id.clone(), label(*doc), text(d, p)]);
                    }
                }
            }
            Listed::Docs(hits) => {
                rows.push(strings(&[
                    "rank",
                    "document id",
                    "article",
                    "published, outlet, authors",
                    "score",
                    "best passage",
                ]));
                for (i, (doc, score, best)) in hits.iter().enumerate() {
                    if let Some(d) = docs.get(*doc) {
                        let best = best.as_ref().map(|p| text(d, p)).unwrap_or_default();
                        rows.push(vec![
                            (i + 1).to_string(),
                            d.id.clone(),
                            label(*doc),
                            facts(d),
                            format!("{score:.3}"),
                            best,
                        ]);
                    }
                }
            }
        }
        rows
    }
}

/// The results of the current view.
fn result_list(r: &SearchRoute, o: &Outcome, docs: &[Document], labels: &[String]) -> El {
    if let Some((lines, _, _)) = &o.kwic {
        let shown = lines.len().min(KWIC_PAGE);
        return el("div")
            .class("kwic-list")
            .child(concordance(r, &lines[..shown], labels))
            .child(more_lines(lines.len(), shown));
    }
    let list = if r.mode == SearchMode::Passages {
        el("ol").class("passage-list")
    } else {
        el("ol").class("search-hits")
    };
    let shown = append_items(&list, o, 0, docs, labels);
    el("div")
        .class("search-list")
        .child(list)
        .child(more_row(o, shown))
}

/// Appends to `list` the results of `o` from the `from`-th on; returns how many `o` lists.
fn append_items(
    list: &El,
    o: &Outcome,
    from: usize,
    docs: &[Document],
    labels: &[String],
) -> usize {
    let res = &o.results;
    for h in res.passages.iter().skip(from) {
        let (Some(doc), Some(label)) = (docs.get(h.doc), labels.get(h.doc)) else {
            continue;
        };
        list.push({
            let item = el("li").class("passage-hit").attr("data-doc-id", &doc.id);
            push_passage(&item, doc, label, &h.passage);
            item.child(
                el("p")
                    .class("passage-source")
                    .child(link(&doc_href(&doc.id), label))
                    .text(" — ")
                    .text(&facts(doc)),
            )
        });
    }
    for h in res.hits.iter().skip(from) {
        let (Some(doc), Some(label)) = (docs.get(h.doc), labels.get(h.doc)) else {
            continue;
        };
        let item = el("li")
            .class("search-hit")
            .attr("data-doc-id", &doc.id)
            .child(
                el("h2")
                    .class("doc-heading")
                    .child(link(&doc_href(&doc.id), label).class("doc-link")),
            )
            .child(el("p").class("doc-facts").text(&facts(doc)));
        // The best passage; the others when asked for (`show_passages`), which keeps a page of
        // results about half the elements.
        if let Some(p) = h.passages.first() {
            push_passage(&item, doc, label, p);
        }
        let rest = h.passages.len().saturating_sub(1);
        if rest > 0 {
            let text = format!(
                "Show {rest} more {}",
                if rest == 1 { "passage" } else { "passages" }
            );
            item.push(
                el("button")
                    .attr("type", "button")
                    .class("more-passages")
                    .attr("data-more-passages", "")
                    .attr("aria-label", &format!("{text}: {label}"))
                    .text(&text),
            );
        }
        list.push(item);
    }
    res.passages.len() + res.hits.len()
}

/// How many documents (or passages) match in all, of which the list can show at most `shown`.
fn matching(o: &Outcome) -> usize {
    let res = &o.results;
    if res.passages.is_empty() {
        res.total_docs
    } else {
        res.total_passages.unwrap_or(res.passages.len())
    }
}

/// "Showing 100 of 500 lines." and the button that lists the next lines of the concordance
/// (handled with the results' "Show more", see `show_more`); nothing when all are listed.
fn more_lines(total: usize, shown: usize) -> El {
    more_button(shown, total, KWIC_PAGE, " lines")
}

/// "Showing `shown` of `total``unit`." and a "Show N more`unit`" button that lists up to `page`
/// more (the click is handled by the search layout, see `Search`); nothing when all are listed.
fn more_button(shown: usize, total: usize, page: usize, unit: &str) -> El {
    let row = el("div").class("search-more");
    if shown < total {
        row.push(el("p").class("search-shown").text(&format!(
            "Showing {} of {}{unit}.",
            thousands(shown),
            thousands(total)
        )));
        row.push(
            el("button")
                .attr("type", "button")
                .attr("data-more", "")
                .text(&format!("Show {} more{unit}", page.min(total - shown))),
        );
    }
    row
}

/// Puts keyboard focus on the link of the `n`-th (from 1) row matching `rows` inside `body`,
/// so that reading goes on where a list grew.
fn focus_row_link(body: &web_sys::HtmlElement, rows: &str, n: usize) {
    let first_new = format!("{rows}:nth-child({n}) a");
    if let Some(a) = body
        .query_selector(&first_new)
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = a.focus();
    }
}

/// Appends the concordance's next lines (the search runs again: the view keeps no results) and
/// puts keyboard focus on the first new line's link.
fn show_more_lines(body: &web_sys::HtmlElement, bundle: &Arc<Bundle>, r: &SearchRoute) {
    let Some(tbody) = body.query_selector(".kwic-table tbody").ok().flatten() else {
        return;
    };
    let shown = tbody.child_element_count() as usize;
    let bundle = &crate::shards::snapshot().unwrap_or_else(|| bundle.clone());
    let o = run(bundle, r, PAGE);
    let Some((lines, _, _)) = &o.kwic else {
        return;
    };
    let labels = crate::labels::all(bundle);
    let tbody = El(tbody);
    for l in lines.iter().skip(shown).take(KWIC_PAGE) {
        tbody.push(kwic_row(l, &labels));
    }
    let listed = lines.len().min(shown + KWIC_PAGE);
    if let Some(old) = body.query_selector(".search-more").ok().flatten() {
        old.replace_with_with_node_1(&more_lines(lines.len(), listed).0)
            .ok();
    }
    focus_row_link(body, ".kwic-table tbody tr", shown + 1);
}

/// "Showing 20 of 1,234." and the button that lists the next page; nothing when everything is
/// listed.
fn more_row(o: &Outcome, shown: usize) -> El {
    more_button(shown, matching(o), PAGE, "")
}

/// "Show more": searches again for one more page and appends only the new results, then puts
/// keyboard focus on the first of them so reading goes on where the list grew.
fn show_more(body: &web_sys::HtmlElement, bundle: &Arc<Bundle>, r: &SearchRoute) {
    if r.mode == SearchMode::Kwic {
        return show_more_lines(body, bundle, r);
    }
    let Some(list) = body.query_selector(".search-list > ol").ok().flatten() else {
        return;
    };
    let shown = list.child_element_count() as usize;
    let bundle = &crate::shards::snapshot().unwrap_or_else(|| bundle.clone());
    let o = run(bundle, r, shown + PAGE);
    // A sharded corpus: the new results' chunks first, then the same click again.
    match crate::shards::ensure_results(&o.results) {
        Some(crate::shards::Wait::Loading(_)) => {
            let (body, bundle, r) = (body.clone(), bundle.clone(), r.clone());
            if let Some(b) = body.query_selector("button[data-more]").ok().flatten() {
                b.set_text_content(Some("Loading…"));
            }
            return crate::shards::then(move || show_more(&body, &bundle, &r));
        }
        Some(failed) => {
            if let Some(old) = body.query_selector(".search-more").ok().flatten() {
                let msg = crate::shards::message(&failed, "");
                old.replace_with_with_node_1(&el("p").class("search-more").text(&msg).0)
                    .ok();
            }
            return;
        }
        None => {}
    }
    let list = El(list);
    let listed = append_items(
        &list,
        &o,
        shown,
        &bundle.documents,
        &crate::labels::all(bundle),
    );
    if let Some(old) = body.query_selector(".search-more").ok().flatten() {
        old.replace_with_with_node_1(&more_row(&o, listed).0).ok();
    }
    focus_row_link(body, ".search-list > ol > li", shown + 1);
}

/// "Show N more passages" (`button`, in a result): searches again for the results listed (the
/// view keeps no results), puts the result's other passages in place of the button and
/// keyboard focus on the first new passage's link.
fn show_passages(button: &web_sys::Element, bundle: &Arc<Bundle>, r: &SearchRoute) {
    let item = button.closest("li[data-doc-id]").ok().flatten();
    let list = item.as_ref().and_then(|i| i.parent_element());
    let (Some(item), Some(list)) = (item, list) else {
        return;
    };
    let id = item.get_attribute("data-doc-id").unwrap_or_default();
    let bundle = &crate::shards::snapshot().unwrap_or_else(|| bundle.clone());
    let o = run(bundle, r, list.child_element_count() as usize);
    let labels = crate::labels::all(bundle);
    let docs = &bundle.documents;
    let hit = o
        .results
        .hits
        .iter()
        .find(|h| docs.get(h.doc).is_some_and(|d| d.id == id));
    let Some((hit, doc)) = hit.and_then(|h| Some((h, docs.get(h.doc)?))) else {
        return;
    };
    let label = labels.get(hit.doc).map_or("", |l| l.as_str());
    button.remove();
    let item = El(item);
    for p in hit.passages.iter().skip(1) {
        push_passage(&item, doc, label, p);
    }
    if let Some(a) = item
        .0
        .query_selector_all("a.passage-context")
        .ok()
        .and_then(|links| links.item(1))
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = a.focus();
    }
}

/// Links to the three result views; the current one is marked in words and `aria-current`.
/// Kept from one search to the next (rows of `in_place::Rows`): a search changes their `href`s
/// (they carry the query) and, when the view changes, which one is current, so the browser
/// neither builds nor lays out new links for them (changed text costs it far more than a
/// changed `href`, BENCHMARKS.md).
struct ModeLinks {
    nav: web_sys::Element,
    links: Rows<ModeLink, ()>,
}

/// One view link as shown.
#[derive(PartialEq)]
struct ModeLink {
    mode: SearchMode,
    href: String,
    current: bool,
}

impl ModeLinks {
    /// The links for `r`, in `host`: these updated in place when they are there, else new ones.
    fn show(kept: &mut Option<ModeLinks>, host: &web_sys::Element, r: &SearchRoute) {
        let k = match kept
            .as_mut()
            .filter(|k| k.nav.parent_element().as_ref() == Some(host))
        {
            Some(k) => k,
            None => {
                let nav = el("nav")
                    .class("mode-switch")
                    .attr("aria-label", "Result views");
                let links = Rows::new(&nav);
                fill(host, vec![El(nav.0.clone())]);
                kept.insert(ModeLinks { nav: nav.0, links })
            }
        };
        let wanted = SearchMode::ALL.into_iter().map(|mode| ModeLink {
            mode,
            href: mode_href(r, mode),
            current: r.mode == mode,
        });
        k.links.show(
            wanted,
            |l| {
                let a = el("a")
                    .class("toggle")
                    .attr("href", &l.href)
                    .attr("data-key", &format!("mode:{}", l.mode.as_param()))
                    .text(l.mode.label());
                set_state(&a.0, "aria-current", l.current);
                (a, ())
            },
            |a, _, old, new| {
                if old.href != new.href {
                    let _ = a.set_attribute("href", &new.href);
                }
                if old.current != new.current {
                    set_state(a, "aria-current", new.current);
                }
            },
        );
    }
}

/// The link to view `r`'s results as `mode`.
fn mode_href(r: &SearchRoute, mode: SearchMode) -> String {
    Route::Search(SearchRoute { mode, ..r.clone() }).href()
}

/// The count line (with a "Count passages" button when the passages were not counted) and the
/// core's notes, for the polite live region.
fn status(r: &SearchRoute, o: &Outcome) -> Vec<El> {
    let row = el("div").class("search-count-row").child(
        el("p")
            .class("search-count")
            .attr("tabindex", "-1")
            .text(&summary(o)),
    );
    let res = &o.results;
    let countable = o.kwic.is_none() && !r.q.trim().is_empty() && res.total_docs > 0;
    if countable && res.total_passages.is_none() {
        row.push(
            el("button")
                .attr("type", "button")
                .attr("data-count-passages", "")
                .text("Count passages"),
        );
    }
    let mut out = vec![row];
    if !o.notes.is_empty() {
        let ul = el("ul").class("search-notes");
        for n in &o.notes {
            ul.push(el("li").text(n));
        }
        out.push(ul);
    }
    out.extend(alias_note(r, o));
    out
}

/// "Also searched: Pashinian" with a link to search only what was typed, and a link to search
/// the contested names too when there are some.
fn alias_note(r: &SearchRoute, o: &Outcome) -> Option<El> {
    if o.also.is_empty() && o.more.is_empty() {
        return None;
    }
    let p = el("p").class("search-aliases");
    let with = |a: Expand| {
        Route::Search(SearchRoute {
            aliases: a,
            ..r.clone()
        })
        .href()
    };
    if !o.also.is_empty() {
        p.push_text(&format!("Also searched: {}. ", o.also.join(", ")));
        p.push(
            link(&with(Expand::Off), "Search only the words as typed")
                .attr("data-key", "aliases:off"),
        );
    }
    if !o.more.is_empty() {
        if !o.also.is_empty() {
            p.push_text(" · ");
        }
        p.push(
            link(
                &with(Expand::All),
                &format!("Also search its other names: {}", o.more.join(", ")),
            )
            .attr("data-key", "aliases:all"),
        );
    }
    Some(p)
}

/// How long a search and its updates took (milliseconds, from `performance.now()`), for the
/// benchmarks.
#[derive(Clone, Copy)]
struct Took {
    /// `search()` and the facet counts, per run.
    search: f64,
    /// The count line, view links and results (with the filters, when they were built anew).
    update: f64,
    /// When the filters were updated a frame later (`Deferred`): the work of the frame that
    /// painted the results, and when it ended (the results on screen).
    frame: Option<(f64, f64)>,
    /// The filters updated in place (`Deferred`).
    filters: f64,
}

impl Took {
    /// Writes the times on `body` as integer nanoseconds (float formatting would add 8 KB of
    /// wasm): `data-update-ns` (search and update), `data-filters-ns`, with deferred filters
    /// `data-frame-ns` and `data-painted-ns` (since the page began), and last `data-search-ns`,
    /// which says the view is complete (tests/browser/bench-search.mjs and bench-peers.mjs wait
    /// for it).
    fn mark(self, body: &web_sys::Element) {
        let ns = |ms: f64| ((ms * 1e6) as u64).to_string();
        let _ = body.set_attribute("data-update-ns", &ns(self.update + self.search));
        let _ = body.set_attribute("data-filters-ns", &ns(self.filters));
        if let Some((work, painted)) = self.frame {
            let _ = body.set_attribute("data-frame-ns", &ns(work));
            let _ = body.set_attribute("data-painted-ns", &ns(painted));
        }
        let _ = body.set_attribute("data-search-ns", &ns(self.search));
    }
}

/// With the benchmark hook set, makes the browser lay the page out now, so that the layout it
/// would do before painting belongs to the update, as the peers' harness counts it
/// (tests/browser/peers/harness.js).
fn force_layout(body: &web_sys::HtmlElement, bench: bool) {
    if bench {
        let _ = body.offset_height();
    }
}

/// A search's filter counts, shown a frame after its results.
///
/// Every count, name and link of the filters changes with the query, and updating them (about
/// thirty rows, with the style and layout of their text) took as long as the results did
/// (BENCHMARKS.md). The results come first, so they reach the screen sooner; the filters follow
/// in a task of their own after that frame's paint (as React's `useDeferredValue` defers a
/// slower part of a page), and a search that is overtaken by a newer one before then never
/// updates them. While they wait, the filters say `aria-busy`.
struct Deferred {
    /// Which search this was (`searches` when it began).
    search: u32,
    searches: Rc<Cell<u32>>,
    filters: Rc<RefCell<Option<Filters>>>,
    shown_facets: Rc<RefCell<Vec<FacetCounts>>>,
    body: web_sys::HtmlElement,
}

impl Deferred {
    /// Shows `r`'s filter counts, in the task after the frame that began at `frame` (see
    /// `frames::after_next_paint`), unless a newer search has begun since.
    fn show(
        self,
        r: &SearchRoute,
        facets: Vec<FacetCounts>,
        dates: &DateHistogram,
        took: Took,
        frame: f64,
        bench: bool,
    ) {
        if self.searches.get() != self.search {
            return;
        }
        let t = now();
        let mut filters = self.filters.borrow_mut();
        let Some(shown) = filters.as_mut().filter(|f| f.fits(&self.body, &facets)) else {
            return;
        };
        keep_focus(&self.body, || shown.show(r, &facets, dates));
        shown.set_busy(false);
        force_layout(&self.body, bench);
        *self.shown_facets.borrow_mut() = facets;
        Took {
            frame: Some((t - frame, t)),
            filters: now() - t,
            ..took
        }
        .mark(&self.body);
    }
}

#[component]
pub fn Search(bundle: Arc<Bundle>, route: RwSignal<Route>) -> impl IntoView {
    let modes = NodeRef::<leptos::html::Div>::new();
    let live = NodeRef::<leptos::html::Div>::new();
    let body = NodeRef::<leptos::html::Div>::new();
    let more_bundle = bundle.clone();
    let count_bundle = bundle.clone();
    // The facet counts on screen, for the values a facet's "N more" builds when opened.
    let shown_facets: Rc<RefCell<Vec<FacetCounts>>> = Rc::default();
    // The filters on screen, kept from one search to the next.
    let filters: Rc<RefCell<Option<Filters>>> = Rc::default();
    // The view links on screen, likewise kept.
    let mode_links: Rc<RefCell<Option<ModeLinks>>> = Rc::default();
    // How many searches the view has begun, so that a filter update left for the next frame
    // knows whether a newer search came since.
    let searches: Rc<Cell<u32>> = Rc::default();
    let facets_for_click = shown_facets.clone();
    // Each search rebuilds the parts below; the live region itself stays in place so that
    // screen readers announce its new text.
    Effect::new(move |_| {
        let r = route.with(|r| r.part::<SearchRoute>());
        let (Some(modes), Some(live), Some(body)) = (modes.get(), live.get(), body.get()) else {
            return;
        };
        let this = searches.get().wrapping_add(1);
        searches.set(this);
        // A sharded corpus: first the index shards of the query's words (and the entity
        // table if it filters by entity), then the chunks of the results or concordance lines
        // shown (the search runs again as they arrive).
        crate::shards::track();
        let bundle = crate::shards::snapshot().unwrap_or_else(|| bundle.clone());
        let waiting = |w: crate::shards::Wait, what: &str| {
            ModeLinks::show(&mut mode_links.borrow_mut(), &modes, &r);
            let msg = crate::shards::message(&w, what);
            let p = el("p").class("search-waiting").text(&msg);
            fill(&live, vec![p]);
            fill(&body, Vec::new());
        };
        let p = plan(&bundle, &r, PAGE);
        if let Some(w) = crate::shards::ensure_query(&p.query, &p.opts) {
            return waiting(w, &format!("the index for “{}”", r.q.trim()));
        }
        let faceted = !p.opts.selected.is_empty();
        if r.mode == SearchMode::Kwic {
            if let Some(w) = crate::shards::ensure_kwic(&p.query, &kwic_options(&r, faceted)) {
                return waiting(w, "the concordance's articles");
            }
        }
        let t0 = now();
        let mut o = run_plan(&bundle, &r, p);
        if let Some(w) = crate::shards::ensure_results(&o.results) {
            return waiting(w, "the passages");
        }
        // Benchmark hook (tests/browser/bench-search.mjs, bench-peers.mjs): repeat the search so
        // that its time can be measured below the browser's coarse timer resolution.
        let bench = js_sys::Reflect::get(&window(), &"__parallaxSearchRepeat".into())
            .ok()
            .and_then(|v| v.as_f64());
        let repeat = bench.map_or(1, |n| n.clamp(1.0, 10_000.0) as u32);
        for _ in 1..repeat {
            let _ = run(&bundle, &r, PAGE);
        }
        let t1 = now();
        ModeLinks::show(&mut mode_links.borrow_mut(), &modes, &r);
        fill(&live, status(&r, &o));
        let main = el("section")
            .class("search-results")
            .attr("aria-label", "Results")
            .child(results(&r, &o, &bundle, &crate::labels::all(&bundle)));
        // The filters stay and are updated in place when they are on the page (the results
        // beside them are rebuilt), a frame after the results: see `Deferred`.
        let deferred = filters
            .borrow_mut()
            .as_mut()
            .filter(|f| f.fits(&body, &o.results.facets))
            .map(|shown| {
                keep_focus(&body, || {
                    while let Some(old) = shown.element().next_sibling() {
                        let _ = body.remove_child(&old);
                    }
                    let _ = body.append_with_node_1(&main.0);
                });
                shown.set_busy(true);
            })
            .is_some();
        if !deferred {
            let shown = Filters::new(&r, &o.results.facets, &o.results.dates);
            fill(&body, vec![El(shown.element().clone()), main]);
            *filters.borrow_mut() = Some(shown);
        }
        let bench = bench.is_some();
        force_layout(&body, bench);
        let took = Took {
            search: (t1 - t0) / f64::from(repeat),
            update: now() - t1,
            frame: None,
            filters: 0.0,
        };
        let facets = std::mem::take(&mut o.results.facets);
        if !deferred {
            *shown_facets.borrow_mut() = facets;
            return took.mark(&body);
        }
        let later = Deferred {
            search: this,
            searches: searches.clone(),
            filters: filters.clone(),
            shown_facets: shown_facets.clone(),
            body: body.clone().into(),
        };
        let dates = o.results.dates;
        crate::frames::after_next_paint(move |frame| {
            later.show(&r, facets, &dates, took, frame, bench)
        });
    });

    // One listener for the "Show more" button, which the results rebuild with every search,
    // and for opening a facet's "N more" (a click on its summary comes before it opens).
    let on_click = move |ev: web_sys::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let closest = |sel: &str| target.as_ref().and_then(|t| t.closest(sel).ok().flatten());
        if let Some(details) =
            closest("details[data-rest] > summary").and_then(|s| s.parent_element())
        {
            route.with_untracked(|r| {
                fill_rest(
                    &details,
                    &r.part::<SearchRoute>(),
                    &facets_for_click.borrow(),
                )
            });
        } else if let (Some(_), Some(body)) = (closest("button[data-more]"), body.get_untracked()) {
            route.with_untracked(|r| show_more(&body, &more_bundle, &r.part::<SearchRoute>()));
        } else if let Some(button) = closest("button[data-more-passages]") {
            route
                .with_untracked(|r| show_passages(&button, &more_bundle, &r.part::<SearchRoute>()));
        }
    };
    // "Count passages": counts for the route shown, puts the count in the line (which the live
    // region announces) and keyboard focus on it, since the button is gone.
    let on_count = move |ev: web_sys::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-count-passages]").ok().flatten());
        let (Some(button), Some(live)) = (button, live.get_untracked()) else {
            return;
        };
        // The corpus as loaded now (a sharded corpus has the query's shards by then).
        let bundle = crate::shards::snapshot().unwrap_or_else(|| count_bundle.clone());
        let line = route.with_untracked(|r| passage_total(&bundle, &r.part::<SearchRoute>()));
        if let Some(p) = live
            .query_selector(".search-count")
            .ok()
            .flatten()
            .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
        {
            p.set_text_content(Some(&line));
            button.remove();
            let _ = p.focus();
        }
    };
    view! {
        <div class="search-page">
            <div class="search-head">
                <h1 tabindex="-1">"Search"</h1>
                <div node_ref=modes></div>
                <CopyLink route=route />
            </div>
            <div class="search-status" aria-live="polite" node_ref=live on:click=on_count></div>
            <div class="search-layout" node_ref=body on:click=on_click></div>
            <QueryHelp />
        </div>
    }
}

/// The query syntax, from the core's own table so the help cannot drift from the parser.
#[component]
pub fn QueryHelp() -> impl IntoView {
    view! {
        <details class="query-help">
            <summary>"Query syntax"</summary>
            <table>
                <caption class="visually-hidden">"Query syntax"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Type"</th>
                        <th scope="col">"To find"</th>
                    </tr>
                </thead>
                <tbody>
                    {QUERY_HELP
                        .iter()
                        .map(|(example, meaning)| {
                            view! {
                                <tr>
                                    <td>
                                        <code>{*example}</code>
                                    </td>
                                    <td>{*meaning}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p>
                "A query that cannot be read is answered as far as it can be, with a note saying what was ignored."
            </p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{parse_document, SourceFile};

    /// An article about the corridor, with its outlet stated in a sidecar.
    fn doc(name: &str, outlet: &str, body: &str) -> parallax_core::Document {
        let text =
            format!("Aid convoy reaches the region\n\nBy Jane Roe October 3, 2023\n\n{body}\n");
        let sidecar = format!("outlet = \"{outlet}\"\n");
        parse_document(&SourceFile {
            name,
            bytes: text.as_bytes(),
            sidecar: Some(("x.toml", sidecar.as_bytes())),
        })
    }

    fn bundle() -> Bundle {
        Bundle::new(vec![doc(
            "a.txt",
            "Daily Planet",
            "The humanitarian corridor reopened on Tuesday after talks.",
        )])
    }

    #[test]
    fn notes_quote_the_typed_query_not_the_date_filter() {
        let b = bundle();
        let r = Route::from_query("?q=humanitarain&after=2023-01-01").part::<SearchRoute>();
        let o = run(&b, &r, PAGE);
        assert_eq!(o.results.total_docs, 1, "{:?}", o.notes);
        assert!(!o.notes.is_empty());
        assert!(
            o.notes.iter().all(|n| !n.contains("after:")),
            "{:?}",
            o.notes
        );
        assert!(o.notes[0].contains("“humanitarain”"), "{:?}", o.notes);
    }

    #[test]
    fn documents_are_counted_at_once_and_passages_on_demand() {
        let b = Bundle::new(vec![
            doc(
                "planet.txt",
                "Daily Planet",
                "The corridor reopened on Tuesday. Trucks used the corridor at dawn.",
            ),
            doc(
                "bugle.txt",
                "Evening Bugle",
                "The corridor was closed again by the evening, officials said.",
            ),
        ]);
        for query in [
            "?q=corridor",
            "?q=corridor+-trucks",
            "?q=corr*&outlet=Daily+Planet",
            "?q=%22the+corridor%22+OR+evening",
            "?q=coridor",
        ] {
            let r = Route::from_query(query).part::<SearchRoute>();
            let o = run(&b, &r, PAGE);
            assert_eq!(
                o.results.total_passages, None,
                "{query}: not counted at once"
            );
            let docs = format!("{} of 2 documents", o.results.total_docs);
            assert_eq!(summary(&o), docs, "{query}");
            // On demand: what the core's eager count (its default) says, in the same line.
            let eager = search(
                &b.index,
                &b.documents,
                &plan(&b, &r, PAGE).query,
                &Options {
                    selected: plan(&b, &r, PAGE).opts.selected,
                    ..Options::default()
                },
            );
            let n = eager.total_passages.unwrap();
            assert!(n > 0, "{query}");
            let passages = if n == 1 { "passage" } else { "passages" };
            assert_eq!(
                passage_total(&b, &r),
                format!("{n} {passages} in {docs}"),
                "{query}"
            );
        }
        // "corridor" is in both sentences of the Planet's article and the Bugle's one sentence.
        let r = Route::from_query("?q=corridor").part::<SearchRoute>();
        assert_eq!(passage_total(&b, &r), "3 passages in 2 of 2 documents");
    }

    #[test]
    fn concordance_keeps_to_the_chosen_outlet() {
        // Three corridors in the Planet's article, one in the Bugle's.
        let b = Bundle::new(vec![
            doc(
                "planet.txt",
                "Daily Planet",
                "The corridor reopened on Tuesday. Trucks used the corridor at dawn, and the corridor stayed open.",
            ),
            doc(
                "bugle.txt",
                "Evening Bugle",
                "The corridor was closed again by the evening, officials said.",
            ),
        ]);
        let lines = |query: &str| {
            let o = run(&b, &Route::from_query(query).part::<SearchRoute>(), PAGE);
            let (lines, total, in_docs) = o.kwic.expect("concordance mode");
            assert_eq!(lines.len(), total, "{query}: every line is listed");
            let ids: Vec<&str> = lines
                .iter()
                .map(|l| b.documents[l.doc].id.as_str())
                .collect();
            (ids, in_docs)
        };
        assert_eq!(
            lines("?q=corridor&mode=kwic"),
            (vec!["planet", "planet", "planet", "bugle"], 2)
        );
        assert_eq!(
            lines("?q=corridor&mode=kwic&outlet=Daily+Planet"),
            (vec!["planet"; 3], 1)
        );
        assert_eq!(
            lines("?q=corridor&mode=kwic&outlet=Evening+Bugle&ksort=left"),
            (vec!["bugle"], 1)
        );
        // Two outlets chosen are OR-ed.
        let (both, _) = lines("?q=corridor&mode=kwic&outlet=Daily+Planet&outlet=Evening+Bugle");
        assert_eq!(both.len(), 4);
    }

    #[test]
    fn odd_queries_under_a_facet_never_panic_and_stay_in_the_facet() {
        let b = bundle();
        for q in [
            "corridor",
            "\"",
            "OR",
            "-",
            "after:",
            "*",
            "<script>",
            "corr*",
            "-corridor",
        ] {
            for mode in ["docs", "passages", "kwic"] {
                for outlet in ["Daily Planet", "Nobody"] {
                    let r = Route::from_query(&format!(
                        "?q={}&mode={mode}&outlet={}",
                        crate::url_state::encode_component(q),
                        crate::url_state::encode_component(outlet)
                    ))
                    .part::<SearchRoute>();
                    let o = run(&b, &r, PAGE);
                    if outlet == "Nobody" {
                        assert_eq!(o.results.total_docs, 0, "{q} {mode}");
                    }
                    // "corridor" and "corr*" find the one article when its outlet is chosen.
                    if outlet == "Daily Planet" && matches!(q, "corridor" | "corr*") {
                        assert_eq!(o.results.total_docs, 1, "{q} {mode}");
                        if let Some((lines, total, _)) = &o.kwic {
                            assert_eq!((lines.len(), *total), (1, 1), "{q}");
                        }
                    }
                }
            }
        }
    }
}
