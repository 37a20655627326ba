//! Cutting the text into units (paragraph candidates) before any of them is classified.
//!
//! A unit is a trimmed, non-empty run of text. Usually one line is one unit: scraped articles
//! put one paragraph per line, separated by blank lines or not at all. Hard-wrapped text (every
//! line broken near the same width, as in e-mail or plain-text wire copy) is the exception: there
//! a paragraph's lines are joined back into one unit.

use super::spans::sub;
use crate::text::{lines, trim_span};

/// A trimmed span of text; `start < end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
}

/// The units of `text` from byte `from` on (after a byte-order mark, say).
pub fn split_units(text: &str, from: usize) -> Vec<Unit> {
    let trimmed: Vec<Unit> = lines(text)
        .into_iter()
        .filter(|l| l.end > from)
        .map(|l| {
            let (start, end) = trim_span(text, l.start.max(from), l.end);
            Unit { start, end }
        })
        .collect();
    let wrap = wrap_width(text, &trimmed);
    let mut out: Vec<Unit> = Vec::new();
    let mut prev_blank = true;
    let mut prev_len = 0;
    for u in trimmed {
        if u.start == u.end {
            prev_blank = true;
            continue;
        }
        let len = sub(text, u.start, u.end).chars().count();
        // Join onto the previous unit only inside a hard-wrapped paragraph: the previous line
        // reached close to the wrap width, so its break was the wrapper's, not the author's.
        let joins = match (wrap, out.last()) {
            (Some(w), Some(_)) => !prev_blank && prev_len * 10 >= w * 7,
            _ => false,
        };
        if joins {
            if let Some(last) = out.last_mut() {
                last.end = u.end;
            }
        } else {
            out.push(u);
        }
        prev_blank = false;
        prev_len = len;
    }
    out
}

/// The width the text was hard-wrapped at, if it was: most long lines end within a narrow band
/// just under the longest line, which itself is short (≤ 100 characters).
fn wrap_width(text: &str, lines: &[Unit]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .filter(|l| l.end > l.start)
        .map(|l| sub(text, l.start, l.end).chars().count())
        .collect();
    let max = *lens.iter().max()?;
    if lens.len() < 6 || !(40..=100).contains(&max) {
        return None;
    }
    let near_max = lens.iter().filter(|&&n| n * 10 >= max * 8).count();
    // Most lines end near the wrap width in wrapped prose; one-paragraph-per-line text is ragged.
    (near_max * 2 >= lens.len()).then_some(max)
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_units(text, 0)
            .iter()
            .map(|u| &text[u.start..u.end])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn one_line_one_unit_with_or_without_blank_lines() {
        check(
            "Title\n\nFirst para.\n\n\nSecond para.",
            &["Title", "First para.", "Second para."],
        );
        check("One.\nTwo.\r\nThree.", &["One.", "Two.", "Three."]);
    }

    #[test]
    fn whitespace_only_lines_separate_units() {
        check(
            "Head\n\u{a0}\n\n\u{a0} Sept 24, 2023 \n",
            &["Head", "Sept 24, 2023"],
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "\
Short title

The United Nations said on Friday that a mission would travel to the
region over the weekend, for the first time in about thirty years, to
assess humanitarian needs.

A second paragraph follows here, and it is also wrapped at the usual
width that plain-text wire copy and e-mail messages are wrapped at, so
it must come back as one unit.";
        let units = split_units(text, 0);
        assert_eq!(units.len(), 3, "{units:?}");
        assert!(text[units[1].start..units[1].end].ends_with("humanitarian needs."));
    }
}
