//! Word-level diff of two aligned passages: the longest common subsequence of their folded words,
//! so case, accents and punctuation never show up as changes.

use serde::{Deserialize, Serialize};

/// What a run of words is in the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// In both passages (span and text are side A's).
    Same,
    /// Only in side A.
    Removed,
    /// Only in side B (span and text are side B's).
    Added,
}

/// A run of consecutive words with one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub op: DiffKind,
    pub text: String,
    /// Byte span in side A's document (`same`, `removed`) or side B's (`added`).
    pub start: usize,
    pub end: usize,
}

/// A word of a passage: byte span and folded form.
pub(crate) type Word<'a> = (usize, usize, &'a str);

/// Beyond this many cells the quadratic table is not worth it: the middle is shown as replaced.
const MAX_CELLS: usize = 400_000;

/// Diffs `a` (words of `text_a`) against `b` (words of `text_b`).
pub(crate) fn diff(text_a: &str, a: &[Word], text_b: &str, b: &[Word]) -> Vec<DiffOp> {
    // Common prefix and suffix first: aligned passages are mostly equal.
    let pre = a.iter().zip(b).take_while(|(x, y)| x.2 == y.2).count();
    let (rest_a, rest_b) = (a.get(pre..).unwrap_or(&[]), b.get(pre..).unwrap_or(&[]));
    let suf = rest_a
        .iter()
        .rev()
        .zip(rest_b.iter().rev())
        .take_while(|(x, y)| x.2 == y.2)
        .count();
    let ma = rest_a.get(..rest_a.len() - suf).unwrap_or(&[]);
    let mb = rest_b.get(..rest_b.len() - suf).unwrap_or(&[]);
    // Status of each word: true = common.
    let (ka, kb) = lcs(ma, mb);
    let status = |n: usize, middle: Vec<bool>| -> Vec<bool> {
        let mut v = vec![true; pre];
        v.extend(middle);
        v.resize(n, true);
        v
    };
    let (common_a, common_b) = (status(a.len(), ka), status(b.len(), kb));
    let is_common = |v: &[bool], i: usize| v.get(i).copied().unwrap_or(false);
    // Walk both sides in step: removed words of A, then added words of B, before each common run.
    let mut ops: Vec<DiffOp> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let i0 = i;
        while i < a.len() && !is_common(&common_a, i) {
            i += 1;
        }
        push(&mut ops, DiffKind::Removed, text_a, run(a, i0, i));
        let j0 = j;
        while j < b.len() && !is_common(&common_b, j) {
            j += 1;
        }
        push(&mut ops, DiffKind::Added, text_b, run(b, j0, j));
        let i0 = i;
        while i < a.len() && is_common(&common_a, i) && j < b.len() && is_common(&common_b, j) {
            i += 1;
            j += 1;
        }
        push(&mut ops, DiffKind::Same, text_a, run(a, i0, i));
    }
    ops
}

/// Words `from..to` of a passage (none when out of range).
fn run<'w, 't>(words: &'w [Word<'t>], from: usize, to: usize) -> &'w [Word<'t>] {
    words.get(from..to).unwrap_or(&[])
}

fn push(ops: &mut Vec<DiffOp>, op: DiffKind, text: &str, words: &[Word]) {
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        ops.push(DiffOp {
            op,
            text: text.get(first.0..last.1).unwrap_or("").to_string(),
            start: first.0,
            end: last.1,
        });
    }
}

/// Which words of `a` and of `b` belong to a longest common subsequence.
// The table has (n + 1) × (m + 1) cells and every index below is i ≤ n, j ≤ m; `a[i]` and `b[j]`
// are read only for i < n and j < m.
#[allow(clippy::indexing_slicing)]
fn lcs(a: &[Word], b: &[Word]) -> (Vec<bool>, Vec<bool>) {
    let (n, m) = (a.len(), b.len());
    let mut ka = vec![false; n];
    let mut kb = vec![false; m];
    if n == 0 || m == 0 || (n + 1) * (m + 1) > MAX_CELLS {
        return (ka, kb);
    }
    super::work::step(n * m);
    // t[i][j] = LCS length of a[i..] and b[j..].
    let w = m + 1;
    let mut t = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if a[i].2 == b[j].2 {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i].2 == b[j].2 {
            ka[i] = true;
            kb[j] = true;
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (ka, kb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tokenize::tokens;

    fn check(a: &str, b: &str, expected: &[&str]) {
        let ta = tokens(a);
        let tb = tokens(b);
        let wa: Vec<Word> = ta
            .iter()
            .map(|t| (t.start, t.end, t.word.as_str()))
            .collect();
        let wb: Vec<Word> = tb
            .iter()
            .map(|t| (t.start, t.end, t.word.as_str()))
            .collect();
        let got: Vec<String> = diff(a, &wa, b, &wb)
            .iter()
            .map(|o| {
                let sign = match o.op {
                    DiffKind::Same => "=",
                    DiffKind::Removed => "-",
                    DiffKind::Added => "+",
                };
                format!("{sign}{}", o.text)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn word_changes() {
        check(
            "The government of Azerbaijan and the UN have reached an agreement.",
            "The government of Azerbaijan and the United Nations have agreed.",
            &[
                "=The government of Azerbaijan and the",
                "-UN",
                "+United Nations",
                "=have",
                "-reached an agreement",
                "+agreed",
            ],
        );
    }

    #[test]
    fn case_and_punctuation_are_not_changes() {
        check(
            "“About 30 years,” he said.",
            "about 30 years he said",
            &["=About 30 years,” he said"],
        );
        check("", "new words", &["+new words"]);
        check("old", "", &["-old"]);
    }
}
