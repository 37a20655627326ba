//! Crossheads: a short heading line inside the body ("Reintegration of Karabakh Armenians"),
//! between two paragraphs of prose. Decided by shape and by position, since nothing marks it.

use crate::text::word_count;

/// Words a crosshead may have at most; longer lines read as sentences.
const MAX_WORDS: usize = 12;

/// Words a neighbouring paragraph needs, ending like a sentence, for the line between them to
/// count as a heading rather than an item of a list of short lines.
const MIN_NEIGHBOUR_WORDS: usize = 12;

/// Whether `s` is shaped like a crosshead: 2–12 words, starting with a capital or a digit, not
/// ending like a sentence, a list item or a quotation ("?" is allowed: "What happens next?").
pub(super) fn heading_shaped(s: &str) -> bool {
    let s = s.trim();
    (2..=MAX_WORDS).contains(&word_count(s))
        && !s.contains('\n')
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !s.ends_with([
            '.', ',', ';', ':', '!', '"', '”', '’', '\'', ')', '-', '–', '—',
        ])
}

/// Whether `s` reads as a paragraph of prose around a crosshead.
pub(super) fn prose_neighbour(s: &str) -> bool {
    let s = s.trim_end();
    word_count(s) >= MIN_NEIGHBOUR_WORDS && s.ends_with(['.', '!', '?', '"', '”', '’', '\''])
}
