//! Passages: the sentences where a document says what was searched for, with the matched words'
//! byte spans for highlighting.

use super::eval::Matcher;
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

/// The sentences of document `doc` with an occurrence of a query term, in sentence order.
/// Occurrences are gathered, sorted and grouped: O(n log n) in the occurrences, whatever order
/// the terms' occurrences come in.
fn sentence_hits(m: &Matcher, doc: usize) -> Vec<SentenceHits> {
    let Some(entry) = m.index.docs.get(doc) else {
        return Vec::new();
    };
    // (sentence, term, first token, end token)
    let mut occurrences: Vec<(usize, usize, u32, u32)> = Vec::new();
    for t in 0..m.terms.len() {
        for (s, e) in m.occurrences(t, doc as u32) {
            occurrences.push((entry.sentence_of(s), t, s, e));
        }
    }
    sort_by(&mut occurrences, &|a, b| a.cmp(b));
    let mut out: Vec<SentenceHits> = Vec::new();
    for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
        let mut h = SentenceHits {
            sentence: group.first().map_or(0, |o| o.0),
            counts: vec![0; m.terms.len()],
            spans: Vec::new(),
            excluded: false,
        };
        for &(_, t, s, e) in group {
            if m.terms.get(t).is_some_and(|term| term.negated) {
                h.excluded = true;
            } else if let Some(c) = h.counts.get_mut(t) {
                *c += 1;
                h.spans.push((s, e));
            }
        }
        if !h.spans.is_empty() || h.excluded {
            out.push(h);
        }
    }
    out
}

fn passage_score(m: &Matcher, h: &SentenceHits) -> f32 {
    h.counts
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
    let mut scored: Vec<(f32, &SentenceHits)> =
        hits.iter().map(|h| (passage_score(m, h), h)).collect();
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

/// A matching sentence not yet made into a `Passage` (most never are: only the first `limit`).
pub(crate) struct Candidate {
    pub score: f32,
    pub start: u32,
    hits: SentenceHits,
}

impl Candidate {
    pub fn passage(&self, m: &Matcher, doc: &Document, d: usize) -> Passage {
        to_passage(m, doc, d, &self.hits, self.score)
    }
}

/// Every sentence of document `d` that satisfies the query on its own: each wanted clause
/// matched inside the sentence (or by the document's fields), no excluded word in it.
pub(crate) fn strict(m: &Matcher, doc: Option<&Document>, d: usize) -> Vec<Candidate> {
    let wanted: Vec<usize> = m
        .clauses
        .iter()
        .enumerate()
        .filter(|(c, (negated, by_field))| {
            !negated && !by_field.contains(d) && m.terms.iter().any(|t| t.clause == *c)
        })
        .map(|(c, _)| c)
        .collect();
    let (Some(_), Some(entry)) = (doc, m.index.docs.get(d)) else {
        return Vec::new();
    };
    sentence_hits(m, d)
        .into_iter()
        .filter(|h| {
            !h.excluded
                && !h.spans.is_empty()
                && wanted.iter().all(|&c| {
                    m.terms
                        .iter()
                        .zip(&h.counts)
                        .any(|(t, &n)| t.clause == c && n > 0)
                })
        })
        .map(|h| Candidate {
            score: passage_score(m, &h),
            start: entry.sentences.get(h.sentence).map_or(0, |s| s.start),
            hits: h,
        })
        .collect()
}
