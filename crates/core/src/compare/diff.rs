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
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x.2 == y.2)
        .count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    // Status of each word: true = common.
    let mut common_a = vec![true; a.len()];
    let mut common_b = vec![true; b.len()];
    let (ka, kb) = lcs(ma, mb);
    for (i, c) in ka.into_iter().enumerate() {
        common_a[pre + i] = c;
    }
    for (j, c) in kb.into_iter().enumerate() {
        common_b[pre + j] = c;
    }
    // Walk both sides in step: removed words of A, then added words of B, before each common run.
    let mut ops: Vec<DiffOp> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let i0 = i;
        while i < a.len() && !common_a[i] {
            i += 1;
        }
        push(&mut ops, DiffKind::Removed, text_a, &a[i0..i]);
        let j0 = j;
        while j < b.len() && !common_b[j] {
            j += 1;
        }
        push(&mut ops, DiffKind::Added, text_b, &b[j0..j]);
        let i0 = i;
        while i < a.len() && common_a[i] && j < b.len() && common_b[j] {
            i += 1;
            j += 1;
        }
        push(&mut ops, DiffKind::Same, text_a, &a[i0..i]);
    }
    ops
}

fn push(ops: &mut Vec<DiffOp>, op: DiffKind, text: &str, words: &[Word]) {
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        ops.push(DiffOp {
            op,
            text: text[first.0..last.1].to_string(),
            start: first.0,
            end: last.1,
        });
    }
}

/// Which words of `a` and of `b` belong to a longest common subsequence.
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
