//! Credits at the end of an article: `Agencies`, `(Reuters)`, `Reporting by …; Editing by …`,
//! `Source: …`, `— AFP`, `With inputs from agencies`.

use super::names::{classify, NameKind};
use crate::text::{normalize_space, word_count};

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

#[cfg(test)]
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
    fn not_credits() {
        for s in ["He added.", "The talks continue.", "Jane Doe", "Thank you"] {
            assert!(!is_trailing_credit(s), "{s}");
        }
    }
}
