//! Typo tolerance: when a query finds nothing, each wanted word of 5 or more letters that the
//! corpus does not contain in any form is replaced by the closest word it does contain (one edit
//! for 5–7 letters, two for longer words; a swap of neighbours is one edit). The result says so.
//! Words longer than [`MAX_TYPO_WORD`] letters are not corrected, so each comparison is a small
//! fixed-size table whatever the query or the corpus holds.

use super::eval::slot_words;
use super::index::Index;
use super::query::{Query, Term};

/// The longest word (in characters) typo correction looks at.
const MAX_TYPO_WORD: usize = 32;

/// The corrected query and the corrected query text, or `None` when no word could be corrected.
pub(crate) fn correct(index: &Index, query: &Query, input: &str) -> Option<(Query, String)> {
    let mut q = query.clone();
    let mut edits: Vec<((usize, usize), String)> = Vec::new();
    let mut ignored = Vec::new();
    for clause in q.clauses.iter_mut().filter(|c| !c.negated) {
        for term in &mut clause.any_of {
            let Term::Text(t) = term else { continue };
            let exact = t.exact;
            for slot in &mut t.slots {
                let len = slot.word.chars().count();
                if slot.prefix
                    || !(5..=MAX_TYPO_WORD).contains(&len)
                    || !slot_words(index, slot, exact, &mut ignored).is_empty()
                {
                    continue;
                }
                if let Some(word) = closest(index, &slot.word, if len >= 8 { 2 } else { 1 }) {
                    let original = input.get(slot.span.0..slot.span.1).unwrap_or("");
                    edits.push((slot.span, match_case(original, &word)));
                    slot.word = word;
                }
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    super::sort::sort_by(&mut edits, &|a, b| b.0 .0.cmp(&a.0 .0));
    let mut text = input.to_string();
    for ((s, e), word) in edits {
        text.replace_range(s..e, &word);
    }
    Some((q, text))
}

/// `Azerbaijan` for `Azerbajan`: the correction written with the original's initial capital.
fn match_case(original: &str, word: &str) -> String {
    // ASCII only: the full Unicode upper-case table would cost the app kilobytes for this.
    let upper = original.starts_with(|c: char| c.is_ascii_uppercase());
    let mut out = word.to_string();
    if upper && out.as_bytes().first().is_some_and(u8::is_ascii) {
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

/// The indexed word nearest to `word` within `max` edits: fewest edits, then most documents,
/// then alphabetical. One pass over the vocabulary with one set of buffers.
fn closest(index: &Index, word: &str, max: usize) -> Option<String> {
    let w: Vec<char> = word.chars().collect();
    let mut c: Vec<char> = Vec::new();
    let mut rows = Rows::default();
    let mut best: Option<(usize, std::cmp::Reverse<usize>, &str)> = None;
    for (id, candidate) in index.words.iter().enumerate() {
        // A word's bytes bound its characters: most words are too long or too short to be
        // within `max` edits, and are passed over before their characters are read.
        if candidate.len() + max < w.len() {
            continue;
        }
        c.clear();
        c.extend(candidate.chars());
        if c.len().abs_diff(w.len()) > max || c.iter().all(char::is_ascii_digit) {
            continue;
        }
        let Some(d) = rows.distance(&w, &c, max) else {
            continue;
        };
        let key = (
            d,
            std::cmp::Reverse(index.df(id as u32)),
            candidate.as_str(),
        );
        if best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
        }
    }
    best.map(|b| b.2.to_string())
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps), `None` above `max`.
pub(crate) fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    Rows::default().distance(a, b, max)
}

/// The three rows of the distance table the recurrence reads (the row before the previous one
/// for swaps), kept between calls.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Rows {
    // Each row has `m + 1` cells; `j <= m` indexes them, `a[i - 1]` and `b[j - 1]` are in
    // range, and `i - 2`, `j - 2` are used only when `i > 1 && j > 1`.
    #[allow(clippy::indexing_slicing)]
    fn distance(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        let (n, m) = (a.len(), b.len());
        let Rows {
            before,
            previous,
            current,
        } = self;
        for row in [&mut *before, &mut *previous, &mut *current] {
            row.clear();
            row.resize(m + 1, 0);
        }
        for (j, cell) in previous.iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=n {
            current[0] = i;
            let mut row_min = i;
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (previous[j] + 1)
                    .min(current[j - 1] + 1)
                    .min(previous[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(before[j - 2] + 1);
                }
                current[j] = v;
                row_min = row_min.min(v);
            }
            if row_min > max {
                return None;
            }
            // Roll the rows: the current becomes the previous, the previous the one before.
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
        }
        Some(previous[m]).filter(|&d| d <= max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance(&a, &b, 2)
    }

    #[test]
    fn edit_distances() {
        assert_eq!(d("azerbajan", "azerbaijan"), Some(1));
        assert_eq!(d("dujarirc", "dujarric"), Some(1));
        assert_eq!(d("refugee", "refugee"), Some(0));
        assert_eq!(d("pashinian", "pashinyan"), Some(1));
        assert_eq!(d("corridor", "mission"), None);
        assert_eq!(match_case("Azerbajan", "azerbaijan"), "Azerbaijan");
    }

    /// The whole table, as the recurrence is written down: what the three rolling rows, reused
    /// across calls, must agree with.
    fn full_table(a: &[char], b: &[char]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut t = vec![vec![0usize; m + 1]; n + 1];
        for i in 0..=n {
            for j in 0..=m {
                t[i][j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut v = (t[i - 1][j] + 1)
                        .min(t[i][j - 1] + 1)
                        .min(t[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(t[i - 2][j - 2] + 1);
                    }
                    v
                };
            }
        }
        t[n][m]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]
        #[test]
        fn rolling_rows_equal_the_full_table(
            pairs in proptest::collection::vec(("[abcé]{0,9}", "[abcé]{0,9}"), 1..6),
            max in 0usize..4,
        ) {
            let mut rows = Rows::default();
            for (a, b) in &pairs {
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let want = Some(full_table(&a, &b)).filter(|&d| d <= max);
                proptest::prop_assert_eq!(rows.distance(&a, &b, max), want);
                proptest::prop_assert_eq!(distance(&a, &b, max), want);
            }
        }
    }
}
