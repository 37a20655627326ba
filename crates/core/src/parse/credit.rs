//! Credits at the end of an article: `Agencies`, `(Reuters)`, `Reporting by …; Editing by …`,
//! `Source: …`, `— AFP`, `With inputs from agencies`.

use super::names::{classify, NameKind};
use super::spans::sub;
use crate::text::{normalize_space, word_count};
use regex::Regex;
use std::sync::LazyLock;

/// Openings of credit lines (lower-case).
const OPENINGS: &[&str] = &[
    "reporting by",
    "additional reporting",
    "editing by",
    "writing by",
    "written by",
    "edited by",
    "compiled by",
    "translated by",
    "with reporting",
    "with inputs from",
    "(with inputs from",
    "source:",
    "sources:",
    "credit:",
    "photo credit:",
    "with files from",
    "contributing:",
];

/// Whether a unit at the end of an article is a credit line.
pub fn is_trailing_credit(s: &str) -> bool {
    let s = s.trim();
    if word_count(s) > 30 {
        return false;
    }
    let lower = s.to_lowercase();
    if OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    if word_count(s) > 6 {
        return false;
    }
    // "(Reuters)", "— AFP", "-- Agencies": a bare organisation name.
    let bare = s.trim_matches(|c: char| c.is_whitespace() || "()[]-–—.".contains(c));
    !bare.is_empty() && classify(&normalize_space(bare)) == NameKind::Organisation
}

/// `© 2024 The Kathmandu Post. All rights reserved.`, `Copyright 2024 The Irish Times All Rights
/// Reserved`, `(c) Jane Doe 2023`: the holder's span.
pub fn copyright_holder(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line = sub(text, start, end);
    let re = COPYRIGHT.as_ref()?;
    let m = re.captures(line)?.name("holder")?;
    let holder = m
        .as_str()
        .trim_end_matches(|c: char| c.is_whitespace() || ".,;".contains(c));
    (!holder.is_empty() && word_count(holder) <= 8)
        .then(|| (start + m.start(), start + m.start() + holder.len()))
}

/// The copyright grammar: mark, optional years, the holder, optional "All rights reserved".
static COPYRIGHT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<holder>[^\d].*?)\s*(?:\d{4})?\s*\.?\s*(?:all rights reserved\.?)?$",
    )
    .ok()
});

/// A trailing credit that is only an outlet's name (`The Sydney Morning Herald`).
pub fn bare_outlet(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = sub(text, start, end).trim();
    (super::names::is_masthead(s) && !s.starts_with(['(', '-', '—'])).then_some((start, end))
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    #[test]
    fn credits() {
        for s in [
            "Agencies",
            "(Reuters)",
            "— AFP",
            "Reporting by Jane Doe; Editing by John Roe",
            "Source: TASS",
            "With inputs from agencies",
        ] {
            assert!(is_trailing_credit(s), "{s}");
        }
    }

    #[test]
    fn copyright_lines() {
        for (line, holder) in [
            (
                "© 2024 The Kathmandu Post. All rights reserved.",
                "The Kathmandu Post",
            ),
            (
                "Copyright 2024 The Irish Times All Rights Reserved",
                "The Irish Times",
            ),
            ("Copyright © 2023-2024 Example Media", "Example Media"),
        ] {
            let got = copyright_holder(line, 0, line.len()).map(|(s, e)| &line[s..e]);
            assert_eq!(got, Some(holder), "{line}");
        }
    }

    #[test]
    fn not_credits() {
        for s in ["He added.", "The talks continue.", "Jane Doe", "Thank you"] {
            assert!(!is_trailing_credit(s), "{s}");
        }
    }
}
