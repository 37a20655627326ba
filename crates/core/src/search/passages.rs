//! Passages: the sentences where a document says what was searched for, with the matched words'
//! byte spans for highlighting.

use super::eval::{self, Matcher};
use super::sort::sort_by;
use crate::model::{BlockKind, Document};
use serde::Serialize;

/// A sentence of a document. Offsets are bytes into `Document::text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    pub start: usize,
    pub end: usize,
    /// The block the sentence is in (a headline match reads differently from a body one).
    pub kind: BlockKind,
    /// Matched words and phrases, ascending, not overlapping.
    pub highlights: Vec<(usize, usize)>,
    pub score: f32,
}

/// What the wanted terms do in one sentence of one document.
struct SentenceHits {
    sentence: usize,
    /// Per wanted term (by index in `Matcher::terms`): occurrences in this sentence.
    counts: Vec<u32>,
    /// Token ranges of every wanted occurrence.
    spans: Vec<(u32, u32)>,
    /// Contains an occurrence of an excluded term.
    excluded: bool,
}

/// Buffers reused across the documents of one query (passage mode walks every matching
/// document), so that finding their sentences does not allocate for each.
#[derive(Default)]
pub(crate) struct Scratch {
    eval: eval::Scratch,
    spans: Vec<(u32, u32)>,
    /// (sentence, term, first token, end token) of every occurrence in one document.
    occurrences: Vec<(usize, usize, u32, u32)>,
    /// Per wanted term: occurrences in the sentence at hand.
    counts: Vec<u32>,
}

/// Calls `f` for each sentence of document `doc` with an occurrence of a query term, in
/// sentence order, with the sentence's occurrences (sentence, term, first token, end token) and
/// per term how many of them are wanted ones (an excluded term's count stays 0). Occurrences
/// are gathered, sorted and grouped: O(n log n) in the occurrences, whatever order the terms'
/// occurrences come in.
fn for_each_sentence(
    m: &Matcher,
    doc: usize,
    scratch: &mut Scratch,
    mut f: impl FnMut(&[(usize, usize, u32, u32)], &[u32]),
) {
    let Scratch {
        eval,
        spans,
        occurrences,
        counts,
    } = scratch;
    occurrences.clear();
    // Sentences partition the tokens: a token's sentence is the number of boundaries up to it.
    let bounds = m.index.boundaries.of(doc);
    for t in 0..m.terms.len() {
        m.occurrences_into(t, doc as u32, eval, spans);
        occurrences.extend(
            spans
                .iter()
                .map(|&(s, e)| (bounds.partition_point(|&b| b <= s), t, s, e)),
        );
    }
    sort_by(occurrences, &|a, b| a.cmp(b));
    for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
        counts.clear();
        counts.resize(m.terms.len(), 0);
        for &(_, t, _, _) in group {
            if let Some(c) = counts
                .get_mut(t)
                .filter(|_| m.terms.get(t).is_some_and(|term| !term.negated))
            {
                *c += 1;
            }
        }
        f(group, counts);
    }
}

/// The sentences of document `doc` with an occurrence of a query term, in sentence order.
fn sentence_hits(m: &Matcher, doc: usize) -> Vec<SentenceHits> {
    let mut out: Vec<SentenceHits> = Vec::new();
    for_each_sentence(m, doc, &mut Scratch::default(), |group, counts| {
        let mut h = SentenceHits {
            sentence: group.first().map_or(0, |o| o.0),
            counts: counts.to_vec(),
            spans: Vec::new(),
            excluded: false,
        };
        for &(_, t, s, e) in group {
            if m.terms.get(t).is_some_and(|term| term.negated) {
                h.excluded = true;
            } else {
                h.spans.push((s, e));
            }
        }
        out.push(h);
    });
    out
}

/// A sentence's score from its occurrences of each wanted term.
fn passage_score(m: &Matcher, counts: &[u32]) -> f32 {
    counts
        .iter()
        .zip(&m.terms)
        .filter(|(c, _)| **c > 0)
        .map(|(&c, t)| t.idf * (1.0 + 0.25 * (c as f32 - 1.0).min(4.0)))
        .sum()
}

fn to_passage(m: &Matcher, doc: &Document, d: usize, h: &SentenceHits, score: f32) -> Passage {
    let entry = m.index.docs.get(d);
    let s = entry.and_then(|e| e.sentences.get(h.sentence));
    let mut spans: Vec<(usize, usize)> = h
        .spans
        .iter()
        .filter_map(|&(a, b)| entry?.token_span(a, b))
        .collect();
    sort_by(&mut spans, &|a, b| a.cmp(b));
    let mut highlights: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match highlights.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => highlights.push((a, b)),
        }
    }
    Passage {
        start: s.map_or(0, |s| s.start as usize),
        end: s.map_or(0, |s| s.end as usize),
        kind: s
            .and_then(|s| doc.blocks.get(s.block as usize))
            .map_or(BlockKind::Body, |b| b.kind),
        highlights,
        score,
    }
}

/// The `k` best sentences of document `d` for the wanted terms (best first).
pub(crate) fn best(m: &Matcher, doc: Option<&Document>, d: usize, k: usize) -> Vec<Passage> {
    let hits: Vec<SentenceHits> = sentence_hits(m, d)
        .into_iter()
        .filter(|h| !h.spans.is_empty())
        .collect();
    let Some(doc) = doc else {
        return Vec::new();
    };
    let mut scored: Vec<(f32, &SentenceHits)> = hits
        .iter()
        .map(|h| (passage_score(m, &h.counts), h))
        .collect();
    sort_by(&mut scored, &|a, b| {
        b.0.total_cmp(&a.0).then(a.1.sentence.cmp(&b.1.sentence))
    });
    scored
        .into_iter()
        .take(k)
        .map(|(score, h)| to_passage(m, doc, d, h, score))
        .collect()
}

/// How many sentences of document `d` contain a wanted term (the sentences [`best`] chooses
/// from), without building passages. Runs for every matching document when the total is asked for, so it only walks
/// positions, and marks sentences in `seen` (a scratch table kept across documents: a sentence
/// is seen in this document when its entry is `d + 1`) instead of allocating.
pub(crate) fn count(m: &Matcher, d: usize, seen: &mut Vec<usize>) -> usize {
    let Some(entry) = m.index.docs.get(d) else {
        return 0;
    };
    if seen.len() < entry.sentences.len() {
        seen.resize(entry.sentences.len(), 0);
    }
    let stamp = d + 1;
    let mut n = 0;
    for (t, term) in m.terms.iter().enumerate() {
        if term.negated || term.tf.get(d).is_none_or(|&tf| tf == 0) {
            continue;
        }
        // Occurrences ascend, so the sentence cursor only moves forward.
        let mut k = 0;
        m.for_each_start(t, d as u32, |p| {
            while entry
                .sentences
                .get(k + 1)
                .is_some_and(|s| s.first_token <= p)
            {
                k += 1;
            }
            if let Some(seen) = seen.get_mut(k).filter(|seen| **seen != stamp) {
                *seen = stamp;
                n += 1;
            }
        });
    }
    n
}

/// A sentence that satisfies the query on its own, not yet made into a `Passage` (most never
/// are: only the first `limit`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub doc: usize,
    pub score: f32,
    /// Its number in the document, and where it starts (bytes).
    pub sentence: usize,
    pub start: u32,
}

impl Candidate {
    /// The passage, highlights included (the document's sentences found again: this runs only
    /// for the passages listed).
    pub fn passage(&self, m: &Matcher, doc: &Document) -> Option<Passage> {
        let h = sentence_hits(m, self.doc)
            .into_iter()
            .find(|h| h.sentence == self.sentence)?;
        Some(to_passage(m, doc, self.doc, &h, self.score))
    }
}

/// Appends to `out` every sentence of document `d` that satisfies the query on its own: each
/// wanted clause matched inside the sentence (or by the document's fields), no excluded word in
/// it. Walks positions only, with `scratch`'s buffers: it runs for every matching document.
pub(crate) fn strict(
    m: &Matcher,
    doc: Option<&Document>,
    d: usize,
    scratch: &mut Scratch,
    out: &mut Vec<Candidate>,
) {
    let (Some(_), Some(entry)) = (doc, m.index.docs.get(d)) else {
        return;
    };
    // The wanted clauses that this document does not satisfy through a field: each must be
    // matched inside the sentence.
    let inside = |c: usize, negated: bool, by_field: &super::docset::DocSet| {
        !negated && !by_field.contains(d) && m.terms.iter().any(|t| t.clause == c)
    };
    for_each_sentence(m, d, scratch, |group, counts| {
        let excluded = group
            .iter()
            .any(|&(_, t, _, _)| m.terms.get(t).is_some_and(|term| term.negated));
        let wanted_hit = counts.iter().any(|&c| c > 0);
        let every_clause = m
            .clauses
            .iter()
            .enumerate()
            .filter(|(c, (negated, by_field))| inside(*c, *negated, by_field))
            .all(|(c, _)| {
                m.terms
                    .iter()
                    .zip(counts)
                    .any(|(t, &n)| t.clause == c && n > 0)
            });
        if !excluded && wanted_hit && every_clause {
            let sentence = group.first().map_or(0, |o| o.0);
            out.push(Candidate {
                doc: d,
                score: passage_score(m, counts),
                sentence,
                start: entry.sentences.get(sentence).map_or(0, |s| s.start),
            });
        }
    });
}
