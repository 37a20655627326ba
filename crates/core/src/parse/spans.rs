//! Cutting text by byte offsets without ever panicking: every rule of the parser goes through here.
//!
//! The rules compute offsets from what they matched; an offset that lands inside a multi-byte
//! character (an `é`, a curly quote) or past the end must not crash the parse of a whole corpus.
//! `sub` answers such a span with the empty string, so the rule simply does not match.

/// `text[start..end]`, or `""` when the span is reversed, out of range or not on character
/// boundaries.
pub(crate) fn sub(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// `text[start..]`, or `""` when `start` is out of range or inside a character.
pub(crate) fn tail(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or("")
}

/// The largest character boundary of `text` at or before `i` (`text.len()` at most).
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i = i.saturating_sub(1);
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_spans_are_empty_not_panics() {
        let t = "L’armée";
        assert_eq!(sub(t, 0, 1), "L");
        assert_eq!(sub(t, 0, 2), "");
        assert_eq!(sub(t, 5, 2), "");
        assert_eq!(sub(t, 0, 99), "");
        assert_eq!(tail(t, 2), "");
        assert_eq!(floor_boundary(t, 2), 1);
        assert_eq!(floor_boundary(t, 99), t.len());
    }
}
