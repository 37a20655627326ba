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
/// then alphabetical.
fn closest(index: &Index, word: &str, max: usize) -> Option<String> {
    let w: Vec<char> = word.chars().collect();
    let mut best: Option<(usize, std::cmp::Reverse<usize>, &str)> = None;
    for (id, candidate) in index.words.iter().enumerate() {
        let c: Vec<char> = candidate.chars().collect();
        if c.len().abs_diff(w.len()) > max || c.iter().all(char::is_ascii_digit) {
            continue;
        }
        let Some(d) = distance(&w, &c, max) else {
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
// `rows` is (n + 1) × (m + 1); `i <= n` and `j <= m` index it, `a[i - 1]` and `b[j - 1]` are in
// range, and `i - 2`, `j - 2` are used only when `i > 1 && j > 1`.
#[allow(clippy::indexing_slicing)]
pub(crate) fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let mut rows = vec![vec![0usize; m + 1]; n + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        rows[i][0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    Some(rows[n][m]).filter(|&d| d <= max)
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
}
