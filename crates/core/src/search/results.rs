//! `search`: a query string in, ranked documents (or every matching passage), counts, facets and
//! notes out. Never fails: a query that cannot be read is answered as far as it can be, with
//! notes.

use super::docset::DocSet;
use super::eval::Matcher;
use super::facets::{self, DateHistogram, FacetCounts};
use super::index::Index;
use super::passages::{self, Passage};
use super::query::{parse, Query, Term};
use super::sort::top_k;
use super::{rank, typo};
use crate::model::Document;
use serde::Serialize;

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Ranked documents, each with its best passages.
    #[default]
    Documents,
    /// Every sentence that matches the query on its own, across the corpus.
    Passages,
}

/// A facet value chosen by the reader (values of one facet are OR-ed, facets AND-ed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub facet: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub mode: Mode,
    /// At most this many documents (or passages) are returned; counts cover all.
    pub limit: usize,
    /// Passages shown per document in `Mode::Documents`.
    pub passages_per_doc: usize,
    pub selected: Vec<Selection>,
    /// Whether `Mode::Documents` counts the passages of every matching document
    /// (`SearchResults::total_passages`), not only of those shown: a walk over every occurrence
    /// of the searched words, a third of a query over thousands of matches. A view that says
    /// "in N documents" at once can leave it off and ask again when the total is wanted.
    pub count_passages: bool,
    /// The facets to count, by name (`None`: every facet). A view that shows some of them
    /// leaves the others uncounted: the `entity` facet has a value for every named entity, and
    /// counting and ordering them is most of a query over thousands of matches. Selections
    /// work on every facet either way.
    pub facets: Option<Vec<String>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Documents,
            limit: 50,
            passages_per_doc: 3,
            selected: Vec::new(),
            count_passages: true,
            facets: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Ranked documents (`Mode::Documents`; empty in passage mode), at most `limit`. With no
    /// words to rank by (an empty query, or only filters) they keep corpus order, score 0.
    pub hits: Vec<DocHit>,
    /// Matching sentences, best first (`Mode::Passages`; empty otherwise), at most `limit`.
    pub passages: Vec<PassageHit>,
    /// Documents matching (before `limit`).
    pub total_docs: usize,
    /// Documents in the corpus.
    pub corpus_docs: usize,
    /// Document mode: sentences of the matching documents containing a searched word or phrase
    /// (`None` when `Options::count_passages` is off). Passage mode: matching sentences.
    /// ("12 passages in 3 of 5 documents".)
    pub total_passages: Option<usize>,
    /// For the reader: what was ignored or changed in the query, or why nothing was found.
    pub notes: Vec<String>,
    /// Set when nothing matched and misspelt words were corrected: the query actually run.
    pub corrected_query: Option<String>,
    /// Counts per facet value among the matching documents (each facet ignoring its own
    /// selection, so other values stay choosable).
    pub facets: Vec<FacetCounts>,
    pub dates: DateHistogram,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocHit {
    /// Document number (index and bundle order).
    pub doc: usize,
    pub id: String,
    pub score: f32,
    pub passages: Vec<Passage>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageHit {
    pub doc: usize,
    pub id: String,
    pub passage: Passage,
}

/// Runs `query` over `index`; `docs` are the indexed documents in index order (the bundle's).
pub fn search(index: &Index, docs: &[Document], query: &str, opts: &Options) -> SearchResults {
    let (m, q, mut notes, corrected_query) = evaluate(index, query);
    let n = index.len();
    let doc = |d: usize| {
        docs.get(d)
            .filter(|x| index.doc_id(d) == Some(x.id.as_str()))
    };

    // The documents the query matches, in this mode.
    // Passage mode: every sentence that satisfies the query on its own, by document.
    let mut strict: Vec<passages::Candidate> = Vec::new();
    let base: DocSet = match opts.mode {
        Mode::Documents => m.matched.clone(),
        Mode::Passages => {
            if !m.has_positive_text() {
                if !q.clauses.is_empty() || !opts.selected.is_empty() {
                    notes.push(
                        "Passages are sentences with the searched words; this query has none."
                            .into(),
                    );
                }
                DocSet::empty(n)
            } else {
                let mut scratch = passages::Scratch::default();
                for d in m.matched.iter() {
                    passages::strict(&m, doc(d), d, &mut scratch, &mut strict);
                }
                let mut with = DocSet::empty(n);
                for c in &strict {
                    with.insert(c.doc);
                }
                if m.count() > 0 && with.count() == 0 {
                    notes.push(format!(
                        "No single sentence contains everything searched for; {} document{} contain{} it across sentences.",
                        m.count(),
                        if m.count() == 1 { "" } else { "s" },
                        if m.count() == 1 { "s" } else { "" },
                    ));
                }
                with
            }
        }
    };

    // Facet selections: one document set per selected facet.
    let mut groups: Vec<(usize, DocSet, Vec<&str>)> = Vec::new();
    for s in &opts.selected {
        let Some(f) = index.facets.iter().position(|f| f.name == s.facet) else {
            notes.push(format!(
                "There is no “{}” facet; that choice was ignored.",
                s.facet
            ));
            continue;
        };
        let k = match groups.iter().position(|g| g.0 == f) {
            Some(k) => k,
            None => {
                groups.push((f, DocSet::empty(n), Vec::new()));
                groups.len() - 1
            }
        };
        let (Some(group), Some(facet)) = (groups.get_mut(k), index.facets.get(f)) else {
            continue;
        };
        group.2.push(s.value.as_str());
        // The chosen value's number, found once, instead of its text compared in every document.
        let wanted: Vec<u32> = (0..facet.values.len() as u32)
            .filter(|&id| facet.values.get(id as usize) == Some(&s.value))
            .collect();
        if !wanted.is_empty() {
            for (d, ids) in facet.docs.iter().enumerate() {
                if ids.iter().any(|id| wanted.contains(id)) {
                    group.1.insert(d);
                }
            }
        }
    }
    // The base narrowed by every selection but facet `skip`'s.
    let in_groups = |skip: Option<usize>| {
        let mut set = base.clone();
        for (f, docs, _) in &groups {
            if Some(*f) != skip {
                set.intersect(docs);
            }
        }
        set
    };
    let include = in_groups(None);
    let matched: Vec<usize> = include.iter().collect();

    let wanted = |name: &str| {
        opts.facets
            .as_ref()
            .is_none_or(|names| names.iter().any(|n| n == name))
    };
    let facets = index
        .facets
        .iter()
        .enumerate()
        .filter(|(_, facet)| wanted(&facet.name))
        .map(|(f, facet)| {
            let selected = groups.iter().find(|g| g.0 == f);
            // Without a selection of its own, a facet counts over the matching documents.
            match selected {
                Some((_, _, values)) => facets::count(facet, &in_groups(Some(f)), values),
                None => facets::count(facet, &include, &[]),
            }
        })
        .collect();
    let dates = facets::date_histogram(&index.days, &include);

    let mut results = SearchResults {
        hits: Vec::new(),
        passages: Vec::new(),
        total_docs: matched.len(),
        corpus_docs: n,
        total_passages: None,
        notes: Vec::new(),
        corrected_query,
        facets,
        dates,
    };
    match opts.mode {
        Mode::Documents => {
            // Only the shown documents are put in order (ties by document number).
            let ranked = top_k(
                matched.iter().map(|&d| (rank::score(&m, d), d)),
                opts.limit,
                &|a: &(f32, usize), b: &(f32, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)),
            );
            for (score, d) in ranked {
                let passages = passages::best(&m, doc(d), d, opts.passages_per_doc);
                results.hits.push(DocHit {
                    doc: d,
                    id: index.doc_id(d).unwrap_or_default().to_string(),
                    score,
                    passages,
                });
            }
            if opts.count_passages {
                let mut seen = Vec::new();
                results.total_passages = Some(
                    matched
                        .iter()
                        .map(|&d| passages::count(&m, d, &mut seen))
                        .sum(),
                );
            }
        }
        Mode::Passages => {
            // (passage score, document score, document, sentence start, index in `strict`)
            let mut all: Vec<(f32, f32, usize, u32, usize)> = Vec::new();
            // Candidates come by document: each document is scored once.
            let mut scored: Option<(usize, f32)> = None;
            for (k, c) in strict.iter().enumerate() {
                if !include.contains(c.doc) {
                    continue;
                }
                let score = match scored {
                    Some((d, score)) if d == c.doc => score,
                    _ => rank::score(&m, c.doc),
                };
                scored = Some((c.doc, score));
                all.push((c.score, score, c.doc, c.start, k));
            }
            results.total_passages = Some(all.len());
            let best = top_k(all, opts.limit, &|a, b| {
                b.0.total_cmp(&a.0)
                    .then(b.1.total_cmp(&a.1))
                    .then(a.2.cmp(&b.2))
                    .then(a.3.cmp(&b.3))
            });
            results.passages = best
                .into_iter()
                .filter_map(|(_, _, d, _, k)| {
                    Some(PassageHit {
                        doc: d,
                        id: index.doc_id(d)?.to_string(),
                        passage: strict.get(k)?.passage(&m, doc(d)?)?,
                    })
                })
                .collect();
        }
    }
    if results.total_docs == 0 && n > 0 && notes.is_empty() && !q.clauses.is_empty() {
        notes.push("Nothing matches this query.".into());
    }
    results.notes = notes;
    results
}

/// Parses and evaluates `query`, correcting misspelt words when nothing matches.
pub(crate) fn evaluate<'a>(
    index: &'a Index,
    query: &str,
) -> (Matcher<'a>, Query, Vec<String>, Option<String>) {
    let fields: Vec<&str> = index.facets.iter().map(|f| f.name.as_str()).collect();
    let mut q = parse(query, &fields);
    let mut notes = std::mem::take(&mut q.notes);
    let mut m = Matcher::new(index, &q, &mut notes);
    let mut corrected = None;
    let wants_words = q
        .clauses
        .iter()
        .any(|c| !c.negated && c.any_of.iter().any(|t| matches!(t, Term::Text(_))));
    if m.count() == 0 && wants_words {
        if let Some((q2, text)) = typo::correct(index, &q, query) {
            let mut notes2 = Vec::new();
            let m2 = Matcher::new(index, &q2, &mut notes2);
            if m2.count() > 0 {
                notes.push(format!(
                    "No results for “{}”; showing results for “{text}”.",
                    query.trim()
                ));
                notes.extend(notes2);
                notes.dedup();
                m = m2;
                q = q2;
                corrected = Some(text);
            }
        }
    }
    (m, q, notes, corrected)
}
