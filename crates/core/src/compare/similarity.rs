//! Weighted bags of content words and the similarity measures built on them: what alignment,
//! number grouping and event matching use to decide that two sentences talk about the same thing.
//!
//! Words are stems of non-function words; each weighs its inverse sentence frequency in the
//! compared corpus, so "Azerbaijan" (everywhere in this corpus) counts little and "Dujarric"
//! much. Numbers and names weigh half as much again: they are what makes two passages the same
//! passage rather than two passages on the same subject.

use super::prepare::{Prepared, Tok};
use crate::sort::{sort_by, stable_sort_by};

/// Inverse sentence frequency of every stem id.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    idf: Vec<f64>,
}

/// Extra weight of numbers and names.
const SIGNIFICANT: f64 = 1.5;

impl Weights {
    pub fn new(preps: &[Prepared], vocab_len: usize) -> Weights {
        let mut df = vec![0u32; vocab_len];
        let mut n = 0usize;
        let mut seen: Vec<u32> = Vec::new();
        for p in preps {
            for s in 0..p.sentences.len() {
                n += 1;
                seen.clear();
                seen.extend(p.sentence_tokens(s).iter().map(|t| t.key));
                sort_by(&mut seen, &|a, b| a.cmp(b));
                seen.dedup();
                for &id in &seen {
                    if let Some(d) = df.get_mut(id as usize) {
                        *d += 1;
                    }
                }
            }
        }
        let n = n.max(1) as f64;
        let idf = df
            .iter()
            .map(|&d| (1.0 + n / f64::from(d.max(1))).ln())
            .collect();
        Weights { idf }
    }

    pub fn idf(&self, stem: u32) -> f64 {
        self.idf.get(stem as usize).copied().unwrap_or(1.0)
    }

    /// The content words of some tokens as a weighted set.
    pub fn bag<'t>(&self, toks: impl IntoIterator<Item = &'t Tok>) -> Bag {
        let mut items: Vec<(u32, f64)> = toks
            .into_iter()
            .filter(|t| (!t.stop && t.word.chars().count() > 1) || t.number)
            .map(|t| {
                let boost = if t.number || t.name { SIGNIFICANT } else { 1.0 };
                (t.key, self.idf(t.key) * boost)
            })
            .collect();
        stable_sort_by(&mut items, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        items.dedup_by_key(|x| x.0);
        Bag::from_items(items)
    }
}

/// A set of stem ids, each with a weight; ids ascend. Ids and weights are kept apart so the
/// merge that compares two bags (most of alignment's time) walks a dense array of ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    ids: Vec<u32>,
    weights: Vec<f64>,
    pub total: f64,
}

impl Bag {
    pub fn from_items(items: Vec<(u32, f64)>) -> Bag {
        let total = items.iter().map(|x| x.1).sum();
        let (ids, weights) = items.into_iter().unzip();
        Bag {
            ids,
            weights,
            total,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Weight and count of the words both bags contain (the larger weight of the two).
    pub fn common(&self, other: &Bag) -> (f64, usize) {
        super::work::step(self.ids.len() + other.ids.len());
        let (a, b) = (self.ids.as_slice(), other.ids.as_slice());
        // Disjoint id ranges share nothing.
        match (a.first(), a.last(), b.first(), b.last()) {
            (Some(a0), Some(a1), Some(b0), Some(b1)) if a1 >= b0 && b1 >= a0 => {}
            _ => return (0.0, 0),
        }
        let (mut i, mut j, mut w, mut n) = (0, 0, 0.0, 0);
        while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
            if x < y {
                i += 1;
            } else if x > y {
                j += 1;
            } else {
                let wa = self.weights.get(i).copied().unwrap_or(0.0);
                let wb = other.weights.get(j).copied().unwrap_or(0.0);
                w += wa.max(wb);
                n += 1;
                i += 1;
                j += 1;
            }
        }
        (w, n)
    }

    /// Weighted overlap coefficient: w(A∩B) / min(w(A), w(B)); a short sentence (a headline)
    /// inside a long one scores high.
    pub fn overlap(&self, other: &Bag) -> f64 {
        let denom = self.total.min(other.total);
        if denom <= 0.0 {
            return 0.0;
        }
        (self.common(other).0 / denom).min(1.0)
    }
}
