//! Query evaluation: resolves the query's words against the index and finds, for every clause,
//! the documents that satisfy it, then the documents that satisfy them all.
//!
//! Sets of documents are bitsets (`DocSet`): with ten thousand documents 1.25 KB, combined a
//! machine word at a time.

use super::docset::DocSet;
use super::index::Index;
use super::query::{Query, Slot, Term, TextTerm};
use super::sort::sort_by;
use super::stem::stem;
use super::tokenize::tokens;
use std::ops::Bound;

/// A prefix matching more words than this uses only the most frequent ones (with a note).
const MAX_PREFIX_WORDS: usize = 200;

/// A text term resolved against the index.
#[derive(Debug, Clone)]
pub(crate) struct TextMatch {
    /// For each slot, the ids of the words it accepts.
    pub slots: Vec<Vec<u32>>,
    /// Occurrences per document (dense, by document number).
    pub tf: Vec<u32>,
    pub idf: f32,
    /// The clause it belongs to, and whether that clause is negated.
    pub clause: usize,
    pub negated: bool,
}

/// An evaluated query.
pub(crate) struct Matcher<'a> {
    pub index: &'a Index,
    pub terms: Vec<TextMatch>,
    /// Per clause: whether it is negated, and the documents satisfying it through a field or
    /// date alternative (so every sentence of such a document satisfies the clause).
    pub clauses: Vec<(bool, DocSet)>,
    /// Documents satisfying the whole query.
    pub matched: DocSet,
}

impl<'a> Matcher<'a> {
    pub fn new(index: &'a Index, query: &Query, notes: &mut Vec<String>) -> Matcher<'a> {
        let n = index.len();
        let mut terms = Vec::new();
        let mut clauses = Vec::new();
        let mut matched = DocSet::full(n);
        for (c, clause) in query.clauses.iter().enumerate() {
            let mut any = DocSet::empty(n);
            let mut by_field = DocSet::empty(n);
            for term in &clause.any_of {
                match term {
                    Term::Text(t) => {
                        let m = resolve(index, t, c, clause.negated, notes);
                        for (d, &tf) in m.tf.iter().enumerate() {
                            if tf > 0 {
                                any.insert(d);
                            }
                        }
                        terms.push(m);
                    }
                    Term::Field { name, value } => {
                        by_field.unite(&field_docs(index, name, value));
                    }
                    Term::Date { before, date } => {
                        by_field.unite(&DocSet::from_fn(n, |d| {
                            index.published.get(d).copied().flatten().is_some_and(|p| {
                                if *before {
                                    p < *date
                                } else {
                                    p >= *date
                                }
                            })
                        }));
                    }
                }
            }
            any.unite(&by_field);
            if clause.negated {
                matched.subtract(&any);
            } else {
                matched.intersect(&any);
            }
            clauses.push((clause.negated, by_field));
        }
        Matcher {
            index,
            terms,
            clauses,
            matched,
        }
    }

    pub fn count(&self) -> usize {
        self.matched.count()
    }

    /// Does the query look for any words (rather than only filter)?
    pub fn has_positive_text(&self) -> bool {
        self.terms.iter().any(|t| !t.negated)
    }

    /// Occurrences of term `t` in document `doc`, as token position ranges `start..end`.
    pub fn occurrences(&self, t: usize, doc: u32) -> Vec<(u32, u32)> {
        match self.terms.get(t) {
            Some(term) if term.tf.get(doc as usize).is_some_and(|&tf| tf > 0) => {
                occurrences(self.index, &term.slots, doc)
            }
            _ => Vec::new(),
        }
    }

    /// [`Matcher::occurrences`] into `out` (cleared first), with `scratch`'s buffers: for
    /// callers that walk many documents.
    pub fn occurrences_into(
        &self,
        t: usize,
        doc: u32,
        scratch: &mut Scratch,
        out: &mut Vec<(u32, u32)>,
    ) {
        out.clear();
        if let Some(term) = self
            .terms
            .get(t)
            .filter(|term| term.tf.get(doc as usize).is_some_and(|&tf| tf > 0))
        {
            occurrences_into(self.index, &term.slots, doc, scratch, out);
        }
    }

    /// The token positions where term `t` starts in `doc`, ascending, without building
    /// occurrence lists for the common case of one word in one form.
    pub fn for_each_start(&self, t: usize, doc: u32, mut f: impl FnMut(u32)) {
        let Some(term) = self
            .terms
            .get(t)
            .filter(|term| term.tf.get(doc as usize).is_some_and(|&tf| tf > 0))
        else {
            return;
        };
        let single_word = match term.slots.as_slice() {
            [words] => match words.as_slice() {
                [w] => self.index.postings.get(*w as usize),
                _ => None,
            },
            _ => None,
        };
        match single_word {
            Some(postings) => {
                for &p in postings.in_doc(doc) {
                    f(p)
                }
            }
            None => {
                for (p, _) in occurrences(self.index, &term.slots, doc) {
                    f(p)
                }
            }
        }
    }
}

/// Buffers reused across the documents of one query, so that checking a phrase in thousands of
/// documents does not allocate for each.
#[derive(Default)]
pub(crate) struct Scratch {
    /// The first slot's positions still standing as phrase starts.
    starts: Vec<u32>,
    /// A slot's positions when it accepts several words.
    gathered: Vec<u32>,
    /// When documents are checked in ascending order: per slot and word (in order), where the
    /// previous document was found in the word's postings (`Postings::in_doc_from`).
    cursors: Option<Vec<usize>>,
}

impl Scratch {
    /// Buffers for checking documents in ascending order, walking each word's postings once.
    fn ascending() -> Scratch {
        Scratch {
            cursors: Some(Vec::new()),
            ..Scratch::default()
        }
    }
}

/// Positions in `doc` of any of `words`, ascending: the postings' own slice for one word;
/// for several, gathered into `buf` and sorted once (O(n log n) however many words a prefix
/// accepts). With `cursors` (one per word), documents come in ascending order.
fn slot_positions<'a>(
    index: &'a Index,
    words: &[u32],
    doc: u32,
    buf: &'a mut Vec<u32>,
    mut cursors: Option<&mut [usize]>,
) -> &'a [u32] {
    let mut find = |k: usize, w: &u32| -> &'a [u32] {
        let Some(p) = index.postings.get(*w as usize) else {
            return &[];
        };
        match cursors.as_deref_mut().and_then(|c| c.get_mut(k)) {
            Some(cursor) => p.in_doc_from(doc, cursor),
            None => p.in_doc(doc),
        }
    };
    if let [only] = words {
        return find(0, only);
    }
    buf.clear();
    for (k, w) in words.iter().enumerate() {
        buf.extend_from_slice(find(k, w));
    }
    sort_by(buf, &|a, b| a.cmp(b));
    buf
}

/// Where the slots occur in order in `doc`, each run inside one sentence.
fn occurrences(index: &Index, slots: &[Vec<u32>], doc: u32) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    occurrences_into(index, slots, doc, &mut Scratch::default(), &mut out);
    out
}

/// [`occurrences`] into `out` (cleared first), with `scratch`'s buffers. The phrase is checked
/// slot by slot, each a merge of two ascending lists: linear in the positions.
fn occurrences_into(
    index: &Index,
    slots: &[Vec<u32>],
    doc: u32,
    scratch: &mut Scratch,
    out: &mut Vec<(u32, u32)>,
) {
    out.clear();
    let Some(first) = slots.first() else {
        return;
    };
    let Scratch {
        starts,
        gathered,
        cursors,
    } = scratch;
    // One cursor per word of every slot, the slots' in a row.
    let mut cursors = cursors.as_mut().map(|c| {
        c.resize(slots.iter().map(Vec::len).sum(), 0);
        c.as_mut_slice()
    });
    let mut slot_cursors = |words: &Vec<u32>| {
        let (mine, rest) = std::mem::take(&mut cursors)?.split_at_mut(words.len());
        cursors = Some(rest);
        Some(mine)
    };
    starts.clear();
    let mine = slot_cursors(first);
    starts.extend_from_slice(slot_positions(index, first, doc, gathered, mine));
    for (k, words) in slots.iter().enumerate().skip(1) {
        let mine = slot_cursors(words);
        let next = slot_positions(index, words, doc, gathered, mine);
        let mut j = 0;
        starts.retain(|&p| {
            let want = p.saturating_add(k as u32);
            while next.get(j).is_some_and(|&q| q < want) {
                j += 1;
            }
            next.get(j) == Some(&want)
        });
    }
    let len = slots.len() as u32;
    if len == 1 {
        out.extend(starts.iter().map(|&p| (p, p.saturating_add(1))));
        return;
    }
    // The run must end before the next sentence begins. Starts ascend, so the next boundary
    // is searched for (a binary search: boundaries are many, starts few) only past the last.
    let bounds = index.boundaries.of(doc as usize);
    let mut b = 0;
    for &p in starts.iter() {
        b += bounds
            .get(b..)
            .unwrap_or_default()
            .partition_point(|&x| x <= p);
        let ends_inside = bounds.get(b).is_none_or(|&x| p.saturating_add(len) <= x);
        if ends_inside {
            out.push((p, p.saturating_add(len)));
        }
    }
}

/// The word ids a slot accepts.
pub(crate) fn slot_words(
    index: &Index,
    slot: &Slot,
    exact: bool,
    notes: &mut Vec<String>,
) -> Vec<u32> {
    if slot.prefix {
        let mut ids: Vec<u32> = index
            .lookup
            .range::<str, _>((Bound::Included(slot.word.as_str()), Bound::Unbounded))
            .take_while(|(w, _)| w.starts_with(slot.word.as_str()))
            .map(|(_, &id)| id)
            .collect();
        if ids.len() > MAX_PREFIX_WORDS {
            sort_by(&mut ids, &|a, b| {
                index.df(*b).cmp(&index.df(*a)).then(a.cmp(b))
            });
            ids.truncate(MAX_PREFIX_WORDS);
            notes.push(format!(
                "“{}*” matches too many words; only the {MAX_PREFIX_WORDS} most frequent were used.",
                slot.word
            ));
        }
        ids
    } else if exact {
        index
            .lookup
            .get(slot.word.as_str())
            .map(|&id| vec![id])
            .unwrap_or_default()
    } else {
        index
            .stems
            .get(&stem(&slot.word))
            .cloned()
            .unwrap_or_default()
    }
}

fn resolve(
    index: &Index,
    t: &TextTerm,
    clause: usize,
    negated: bool,
    notes: &mut Vec<String>,
) -> TextMatch {
    let n = index.len();
    let slots: Vec<Vec<u32>> = t
        .slots
        .iter()
        .map(|s| slot_words(index, s, t.exact, notes))
        .collect();
    let mut tf = vec![0u32; n];
    let postings = |w: &u32| index.postings.get(*w as usize);
    if let [only] = slots.as_slice() {
        for p in only.iter().filter_map(postings) {
            for (d, c) in p.counts() {
                if let Some(tf) = tf.get_mut(d as usize) {
                    *tf += c;
                }
            }
        }
    } else {
        // Documents holding every slot (each slot counted once), then the phrase check.
        let mut seen = vec![0usize; n];
        for (k, words) in slots.iter().enumerate() {
            for p in words.iter().filter_map(postings) {
                for &d in &p.docs {
                    if let Some(s) = seen.get_mut(d as usize).filter(|s| **s == k) {
                        *s = k + 1;
                    }
                }
            }
        }
        let (mut scratch, mut found) = (Scratch::ascending(), Vec::new());
        for (d, (tf, &s)) in tf.iter_mut().zip(&seen).enumerate() {
            if s == slots.len() {
                occurrences_into(index, &slots, d as u32, &mut scratch, &mut found);
                *tf = found.len() as u32;
            }
        }
    }
    let df = tf.iter().filter(|&&c| c > 0).count();
    let idf = super::rank::idf(n, df);
    TextMatch {
        slots,
        tf,
        idf,
        clause,
        negated,
    }
}

/// Documents whose facet `name` has a value containing the words of `value` in order (the last
/// may be a prefix: `karim*`).
fn field_docs(index: &Index, name: &str, value: &str) -> DocSet {
    let n = index.len();
    let Some(facet) = index.facet(name) else {
        return DocSet::empty(n);
    };
    let prefix = value.trim_end().ends_with('*');
    let want: Vec<String> = tokens(value).into_iter().map(|t| t.word).collect();
    let ok: Vec<bool> = facet
        .values
        .iter()
        .map(|v| {
            let have: Vec<String> = tokens(v).into_iter().map(|t| t.word).collect();
            !want.is_empty()
                && have.windows(want.len()).any(|w| {
                    w.iter().zip(&want).enumerate().all(|(k, (h, x))| {
                        h == x || (prefix && k == want.len() - 1 && h.starts_with(x.as_str()))
                    })
                })
        })
        .collect();
    DocSet::from_fn(n, |d| {
        facet
            .docs
            .get(d)
            .is_some_and(|ids| ids.iter().any(|&id| ok.get(id as usize) == Some(&true)))
    })
}
