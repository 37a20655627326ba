//! Passage alignment: which sentences of two documents say the same thing, whatever their order.
//!
//! Every sentence (and every pair of adjacent sentences in one paragraph, so one long sentence
//! can match two short ones) of one document is compared with every unit of the other: no
//! anchor or ordering assumption, so reordered passages are found (passim's weakness). Two
//! measures, both over folded words so punctuation and case never matter:
//! - copy: Dice overlap of word 3-grams (shingles), which only verbatim or near-verbatim text has;
//! - overlap: weighted Dice of content stems (see `similarity`), which close paraphrase has too.
//!
//! Matches are chosen greedily, best first, each sentence used once per document pair; matches
//! that follow each other on both sides are then merged into one longer passage.

use super::diff::{diff, DiffOp, Word};
use super::prepare::Prepared;
use super::round3;
use super::similarity::{Bag, Weights};
use crate::model::Document;
use crate::sort::{sort_by, stable_sort_by, stable_sort_by_key};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Paraphrase threshold on the weighted content overlap.
const MIN_OVERLAP: f64 = 0.34;
/// A lower paraphrase threshold for pairs that also share a run of four words or more.
const MIN_OVERLAP_WITH_RUN: f64 = 0.27;
/// Near-verbatim threshold on shingle overlap.
const MIN_COPY: f64 = 0.35;
/// Both sides need this many content words, and a paraphrase this many in common.
const MIN_CONTENT: usize = 4;
const MIN_COMMON: usize = 4;

/// One side of an aligned pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How close an aligned pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same words (copy ≥ 0.9).
    Verbatim,
    /// Lightly edited copy (copy ≥ 0.5).
    NearVerbatim,
    /// The same content in other words.
    Paraphrase,
}

/// Two passages that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedPair {
    pub a: Side,
    pub b: Side,
    /// max(copy, overlap), 0..1.
    pub score: f64,
    pub kind: MatchKind,
    /// Shingle (word 3-gram) Dice overlap.
    pub copy: f64,
    /// Weighted content-word Dice overlap.
    pub overlap: f64,
    pub diff: Vec<DiffOp>,
}

/// How much of two documents' text is aligned with the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub a: String,
    pub b: String,
    /// Share of A's words inside passages aligned with B.
    pub a_fraction: f64,
    /// Share of B's words inside passages aligned with A.
    pub b_fraction: f64,
    /// Both together: aligned words of A and B over all words of A and B.
    pub fraction: f64,
    pub passages: usize,
}

/// A candidate passage: sentences `first..=last` of one document.
struct Unit {
    first: usize,
    last: usize,
    bag: Bag,
    shingles: Vec<u64>,
}

fn units(p: &Prepared, w: &Weights) -> Vec<Unit> {
    let mut out = Vec::new();
    for first in 0..p.sentences.len() {
        for last in first..(first + 2).min(p.sentences.len()) {
            let para = |s: usize| p.sentences.get(s).map(|x| x.para);
            if para(last) != para(first) {
                break;
            }
            let Some((_, _, toks)) = p.span(first, last) else {
                break;
            };
            let bag = w.bag(toks);
            if bag.len() < MIN_CONTENT {
                continue;
            }
            let mut shingles: Vec<u64> = toks
                .windows(3)
                .filter_map(|g| match g {
                    [x, y, z] => Some(hash3(&x.word, &y.word, &z.word)),
                    _ => None,
                })
                .collect();
            sort_by(&mut shingles, &|a, b| a.cmp(b));
            shingles.dedup();
            out.push(Unit {
                first,
                last,
                bag,
                shingles,
            });
        }
    }
    out
}

/// FNV-1a over three words (with separators).
fn hash3(a: &str, b: &str, c: &str) -> u64 {
    [a, "\u{1}", b, "\u{1}", c]
        .iter()
        .fold(crate::fnv::FNV1A_START, |h, part| {
            crate::fnv::fnv1a_more(h, part.as_bytes())
        })
}

fn shingle_dice(a: &[u64], b: &[u64]) -> (f64, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2.0 * n as f64 / (a.len() + b.len()) as f64, n)
}

/// A chosen match: sentence ranges on both sides and its measures.
#[derive(Debug, Clone)]
struct Match {
    a: (usize, usize),
    b: (usize, usize),
    copy: f64,
    overlap: f64,
    weight: f64,
}

/// The alignment of every document pair.
pub(crate) struct Alignment {
    pub pairs: Vec<AlignedPair>,
    pub shared: Vec<Shared>,
    /// `overlap[i][j]`: share of document i's words aligned with document j.
    pub matrix: Vec<Vec<f64>>,
}

pub(crate) fn align(docs: &[Document], preps: &[Prepared], w: &Weights) -> Alignment {
    let all_units: Vec<Vec<Unit>> = preps.iter().map(|p| units(p, w)).collect();
    let n = docs.len();
    let mut matrix = vec![vec![0.0; n]; n];
    let mut set = |i: usize, j: usize, v: f64| {
        if let Some(x) = matrix.get_mut(i).and_then(|row| row.get_mut(j)) {
            *x = v;
        }
    };
    for i in 0..n {
        set(i, i, 1.0);
    }
    let mut pairs = Vec::new();
    let mut shared = Vec::new();
    let each = docs.iter().zip(preps).zip(&all_units).enumerate();
    for (i, ((da, pa), ua)) in each.clone() {
        for (j, ((db, pb), ub)) in each.clone().skip(i + 1) {
            let matches = match_pair(ua, ub);
            let mut cov_a = HashSet::new();
            let mut cov_b = HashSet::new();
            for m in &matches {
                cov_a.extend(m.a.0..=m.a.1);
                cov_b.extend(m.b.0..=m.b.1);
                pairs.extend(pair((da, pa), (db, pb), m));
            }
            let words = |p: &Prepared, s: &HashSet<usize>| -> usize {
                s.iter()
                    .filter_map(|&k| p.sentences.get(k))
                    .map(|x| x.tok_end - x.tok_start)
                    .sum()
            };
            let (ca, cb) = (words(pa, &cov_a), words(pb, &cov_b));
            let (ta, tb) = (pa.tokens.len(), pb.tokens.len());
            let frac = |c: usize, t: usize| if t == 0 { 0.0 } else { c as f64 / t as f64 };
            set(i, j, round3(frac(ca, ta)));
            set(j, i, round3(frac(cb, tb)));
            shared.push(Shared {
                a: da.id.clone(),
                b: db.id.clone(),
                a_fraction: round3(frac(ca, ta)),
                b_fraction: round3(frac(cb, tb)),
                fraction: round3(frac(ca + cb, ta + tb)),
                passages: matches.len(),
            });
        }
    }
    Alignment {
        pairs,
        shared,
        matrix,
    }
}

/// Best-first one-to-one matching of two documents' units, then merging of neighbours.
fn match_pair(ua: &[Unit], ub: &[Unit]) -> Vec<Match> {
    let mut cands: Vec<Match> = Vec::new();
    for x in ua {
        for y in ub {
            super::work::step(1);
            let (common_weight, common) = x.bag.common(&y.bag);
            if common < 2 {
                continue; // neither a paraphrase nor a copy shares so little
            }
            let (copy, shared_shingles) = shingle_dice(&x.shingles, &y.shingles);
            // Weighted Dice coefficient: 2·w(A∩B) / (w(A) + w(B)).
            let overlap = (2.0 * common_weight / (x.bag.total + y.bag.total)).min(1.0);
            let is_copy = copy >= MIN_COPY && shared_shingles >= 2;
            // A paraphrase, or one that keeps a run of the original's words (two shared
            // 3-grams: four words or more in a row).
            let is_para = (overlap >= MIN_OVERLAP && common >= MIN_COMMON)
                || (overlap >= MIN_OVERLAP_WITH_RUN && shared_shingles >= 2);
            if is_copy || is_para {
                cands.push(Match {
                    a: (x.first, x.last),
                    b: (y.first, y.last),
                    copy,
                    overlap,
                    weight: x.bag.total + y.bag.total,
                });
            }
        }
    }
    // Best first; on a tie the shorter unit, then document order (deterministic).
    stable_sort_by(&mut cands, |p, q| {
        score(q)
            .total_cmp(&score(p))
            .then((p.a.1 - p.a.0 + p.b.1 - p.b.0).cmp(&(q.a.1 - q.a.0 + q.b.1 - q.b.0)))
            .then(p.a.cmp(&q.a))
            .then(p.b.cmp(&q.b))
    });
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    let mut chosen: Vec<Match> = Vec::new();
    for c in cands {
        if (c.a.0..=c.a.1).any(|s| used_a.contains(&s))
            || (c.b.0..=c.b.1).any(|s| used_b.contains(&s))
        {
            continue;
        }
        used_a.extend(c.a.0..=c.a.1);
        used_b.extend(c.b.0..=c.b.1);
        chosen.push(c);
    }
    stable_sort_by_key(&mut chosen, |m| (m.a, m.b));
    // Merge matches that continue each other on both sides into one passage.
    let mut merged: Vec<Match> = Vec::new();
    for m in chosen {
        if let Some(prev) = merged.last_mut() {
            // Only passages of one kind merge: a verbatim copy next to a paraphrase stays
            // visible as a copy.
            if m.a.0 == prev.a.1 + 1 && m.b.0 == prev.b.1 + 1 && kind(prev.copy) == kind(m.copy) {
                let wsum = prev.weight + m.weight;
                prev.copy = (prev.copy * prev.weight + m.copy * m.weight) / wsum;
                prev.overlap = (prev.overlap * prev.weight + m.overlap * m.weight) / wsum;
                prev.weight = wsum;
                prev.a.1 = m.a.1;
                prev.b.1 = m.b.1;
                continue;
            }
        }
        merged.push(m);
    }
    merged
}

/// How close a match is, from its shingle overlap.
fn kind(copy: f64) -> MatchKind {
    if copy >= 0.9 {
        MatchKind::Verbatim
    } else if copy >= 0.5 {
        MatchKind::NearVerbatim
    } else {
        MatchKind::Paraphrase
    }
}

fn score(m: &Match) -> f64 {
    m.copy.max(m.overlap)
}

/// One side of an aligned pair: sentences `f..=l` of a document, and their words.
fn side<'p>(
    d: &Document,
    p: &'p Prepared,
    (f, l): (usize, usize),
) -> Option<(Side, Vec<Word<'p>>)> {
    let (s, e, toks) = p.span(f, l)?;
    let words: Vec<Word> = toks
        .iter()
        .map(|t| (t.start, t.end, t.word.as_str()))
        .collect();
    Some((
        Side {
            doc: d.id.clone(),
            start: s,
            end: e,
            text: d.text.get(s..e).unwrap_or("").to_string(),
        },
        words,
    ))
}

/// An aligned pair from a match between documents `a` and `b` (`None` if its sentences are out
/// of range).
fn pair(
    (da, pa): (&Document, &Prepared),
    (db, pb): (&Document, &Prepared),
    m: &Match,
) -> Option<AlignedPair> {
    let (a, wa) = side(da, pa, m.a)?;
    let (b, wb) = side(db, pb, m.b)?;
    let kind = kind(m.copy);
    let diff = diff(&da.text, &wa, &db.text, &wb);
    Some(AlignedPair {
        a,
        b,
        score: round3(score(m)),
        kind,
        copy: round3(m.copy),
        overlap: round3(m.overlap),
        diff,
    })
}
