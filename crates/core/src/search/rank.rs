//! BM25 ranking (k1 = 1.2, b = 0.75): rare words count more than common ones, repeated
//! occurrences count less and less, and long articles do not win by length alone.

use super::eval::Matcher;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Inverse document frequency, never negative (a word in every document still counts a little).
pub fn idf(docs: usize, df: usize) -> f32 {
    let (n, df) = (docs as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The BM25 score of document `doc` for the query's wanted words.
pub(crate) fn score(m: &Matcher, doc: usize) -> f32 {
    let len = m.index.docs.get(doc).map_or(0, |d| d.token_count) as f32;
    let norm = K1 * (1.0 - B + B * len / m.index.avg_doc_len());
    m.terms
        .iter()
        .filter(|t| !t.negated)
        .map(|t| {
            let tf = t.tf.get(doc).copied().unwrap_or(0) as f32;
            if tf == 0.0 {
                0.0
            } else {
                t.idf * tf * (K1 + 1.0) / (tf + norm)
            }
        })
        .sum()
}
