//! Distinctive words: the weighted log-odds ratio with an informative Dirichlet prior (Monroe,
//! Colaresi & Quinn 2008, "Fightin' Words", eqs. 16 and 20), each outlet against all the others.
//!
//! For word w, outlet i (counts y_i, total n_i) and the rest j (y_j, n_j), with prior pseudo-counts
//! α_w summing to α_0:
//!
//!   δ_w = ln((y_i + α_w) / (n_i + α_0 − y_i − α_w)) − ln((y_j + α_w) / (n_j + α_0 − y_j − α_w))
//!   σ²_w ≈ 1/(y_i + α_w) + 1/(y_j + α_w),   z_w = δ_w / σ_w
//!
//! The prior is the whole compared corpus, scaled to `ALPHA0` pseudo-words: a word must be used
//! noticeably more than the corpus rate, and often enough, before its z-score says so. Words are
//! Porter2 stems of content words (no function words, no numbers), shown in their most frequent
//! written form.

use super::prepare::Prepared;
use crate::sort::stable_sort_by;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Total prior pseudo-count. Small corpora need a weak prior, or nothing is ever distinctive,
/// but too weak a prior lets every one-off word through: at 100 (about 5% of the five seed
/// articles' 2,000 content words) a word needs several uses to reach z = 1.96.
pub const ALPHA0: f64 = 100.0;
/// Words shown per outlet (those with z ≥ `MIN_Z`, best first).
const TOP: usize = 12;
/// 1.96: the two-sided 95% level of a standard normal.
pub const MIN_Z: f64 = 1.96;

/// Spelled-out numbers say nothing about word choice.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
    "hundred", "thousand", "million", "first", "second", "third",
];

/// One word's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordScore {
    pub word: String,
    pub stem: String,
    /// Occurrences in the outlet's articles.
    pub count: u32,
    /// Occurrences in all the other articles.
    pub rest: u32,
    pub delta: f64,
    pub z: f64,
}

/// The distinctive words of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distinctive {
    /// Index into `Comparison::sources`.
    pub source: usize,
    pub label: String,
    pub words: Vec<WordScore>,
    /// How many content words (the words scored) the source's articles have: with few, no
    /// word can be told apart from chance, which a view should say rather than "nothing stands
    /// out" (see [`TOO_LITTLE_TEXT`]).
    #[serde(default)]
    pub content_words: u32,
}

/// Below this many content words, a source's word choices cannot be told apart from chance:
/// against the prior of `ALPHA0` pseudo-words a word needs several uses more than the corpus
/// rate to reach `MIN_Z`, which a text this short rarely has room for.
pub const TOO_LITTLE_TEXT: u32 = 200;

/// δ and z of every word in `prior`, for `group` against `rest` (counts by word).
pub fn weighted_log_odds(
    group: &BTreeMap<String, u32>,
    rest: &BTreeMap<String, u32>,
    prior: &BTreeMap<String, f64>,
) -> BTreeMap<String, (f64, f64)> {
    let ni: f64 = group.values().map(|&c| f64::from(c)).sum();
    let nj: f64 = rest.values().map(|&c| f64::from(c)).sum();
    let a0: f64 = prior.values().sum();
    prior
        .iter()
        .map(|(w, &a)| {
            let yi = f64::from(group.get(w).copied().unwrap_or(0));
            let yj = f64::from(rest.get(w).copied().unwrap_or(0));
            let delta = ((yi + a) / (ni + a0 - yi - a)).ln() - ((yj + a) / (nj + a0 - yj - a)).ln();
            let var = 1.0 / (yi + a) + 1.0 / (yj + a);
            (w.clone(), (delta, delta / var.sqrt()))
        })
        .collect()
}

/// The distinctive words of each source against the rest.
pub(crate) fn distinctive(
    preps: &[Prepared],
    stems: &[String],
    source_of: &[usize],
    labels: &[String],
) -> Vec<Distinctive> {
    // Counts per source, by stem; and written forms, to show each stem as people wrote it.
    let mut counts: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); labels.len()];
    let mut forms: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for (d, p) in preps.iter().enumerate() {
        for t in &p.tokens {
            let letters = t.word.chars().filter(|c| c.is_alphabetic()).count();
            if t.stop
                || t.number
                || letters < 2
                || t.word.chars().any(|c| c.is_ascii_digit())
                || NUMBER_WORDS.contains(&t.word.as_str())
            {
                continue;
            }
            let (Some(s), Some(c)) = (
                stems.get(t.stem as usize),
                source_of.get(d).and_then(|&src| counts.get_mut(src)),
            ) else {
                continue;
            };
            *c.entry(s.clone()).or_default() += 1;
            *forms
                .entry(s.clone())
                .or_default()
                .entry(t.word.clone())
                .or_default() += 1;
        }
    }
    let mut total: BTreeMap<String, u32> = BTreeMap::new();
    for c in &counts {
        for (w, &n) in c {
            *total.entry(w.clone()).or_default() += n;
        }
    }
    let n: f64 = total.values().map(|&c| f64::from(c)).sum();
    let prior: BTreeMap<String, f64> = total
        .iter()
        .map(|(w, &c)| (w.clone(), ALPHA0 * f64::from(c) / n.max(1.0)))
        .collect();
    let shown = |stem: &str| -> String {
        forms
            .get(stem)
            .and_then(|f| f.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
            .map_or_else(|| stem.to_string(), |(w, _)| w.clone())
    };
    let mut out = Vec::new();
    for (s, (label, group)) in labels.iter().zip(&counts).enumerate() {
        let rest: BTreeMap<String, u32> = total
            .iter()
            .map(|(w, &c)| (w.clone(), c - group.get(w).copied().unwrap_or(0)))
            .collect();
        let scores = weighted_log_odds(group, &rest, &prior);
        let mut words: Vec<WordScore> = scores
            .into_iter()
            .filter(|(_, (_, z))| *z >= MIN_Z)
            .map(|(w, (delta, z))| WordScore {
                word: shown(&w),
                count: group.get(&w).copied().unwrap_or(0),
                rest: rest.get(&w).copied().unwrap_or(0),
                stem: w,
                delta: super::round3(delta),
                z: super::round3(z),
            })
            .collect();
        stable_sort_by(&mut words, |a, b| {
            b.z.total_cmp(&a.z).then(a.word.cmp(&b.word))
        });
        words.truncate(TOP);
        out.push(Distinctive {
            source: s,
            label: label.clone(),
            words,
            content_words: group.values().sum(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
        pairs.iter().map(|&(w, c)| (w.to_string(), c)).collect()
    }

    /// Group "war war peace" against rest "peace peace war", prior = corpus counts (α_0 = 6):
    /// δ_war = ln(5/4) − ln(4/5) = 2 ln 1.25 = 0.446287; σ² = 1/5 + 1/4 = 0.45;
    /// z = 0.446287 / 0.670820 = 0.665286. "peace" is the mirror image.
    #[test]
    fn hand_computed_toy_corpus() {
        let group = counts(&[("war", 2), ("peace", 1)]);
        let rest = counts(&[("war", 1), ("peace", 2)]);
        let prior: BTreeMap<String, f64> = [("war".to_string(), 3.0), ("peace".to_string(), 3.0)]
            .into_iter()
            .collect();
        let s = weighted_log_odds(&group, &rest, &prior);
        let (d, z) = s["war"];
        assert!((d - 0.446_287).abs() < 1e-6, "{d}");
        assert!((z - 0.665_286).abs() < 1e-6, "{z}");
        let (d, z) = s["peace"];
        assert!((d + 0.446_287).abs() < 1e-6 && (z + 0.665_286).abs() < 1e-6);
    }

    /// A word only one side uses, with a weak prior: group "terror ×4, region ×4" vs rest
    /// "region ×8", prior α = (terror 0.5, region 1.5), α_0 = 2.
    /// δ = ln(4.5/(8+2−4−0.5)) − ln(0.5/(8+2−0−0.5)) = ln(4.5/5.5) − ln(0.5/9.5) = 2.743768;
    /// σ² = 1/4.5 + 1/0.5 = 2.222222; z = 2.743768 / 1.490712 = 1.840576.
    #[test]
    fn one_sided_word() {
        let group = counts(&[("terror", 4), ("region", 4)]);
        let rest = counts(&[("region", 8)]);
        let prior: BTreeMap<String, f64> =
            [("terror".to_string(), 0.5), ("region".to_string(), 1.5)]
                .into_iter()
                .collect();
        let (d, z) = weighted_log_odds(&group, &rest, &prior)["terror"];
        assert!((d - 2.743_768).abs() < 1e-6, "{d}");
        assert!((z - 1.840_576).abs() < 1e-6, "{z}");
    }
}
