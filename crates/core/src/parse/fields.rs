//! `Key: value` header lines, as scrapers and exports write metadata above the article:
//! `Title: …`, `Author: …`, `Source: …`, `URL: …`, `Language: en`, `Tags: …`.
//! (`Date:`/`Published:`/`Updated:` lines are datelines, read by `dateline`.)

/// What a header field sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    Authors,
    Outlet,
    Url,
    Language,
    /// Section, category, tags: page furniture.
    Ignored,
}

/// Field names (lower-case) and what they set.
const KEYS: &[(&str, Key)] = &[
    ("title", Key::Title),
    ("headline", Key::Title),
    ("authors", Key::Authors),
    ("author", Key::Authors),
    ("byline", Key::Authors),
    ("writer", Key::Authors),
    ("source", Key::Outlet),
    ("outlet", Key::Outlet),
    ("publisher", Key::Outlet),
    ("publication", Key::Outlet),
    ("site", Key::Outlet),
    ("url", Key::Url),
    ("link", Key::Url),
    ("canonical", Key::Url),
    ("language", Key::Language),
    ("lang", Key::Language),
    ("section", Key::Ignored),
    ("category", Key::Ignored),
    ("categories", Key::Ignored),
    ("keywords", Key::Ignored),
    ("tags", Key::Ignored),
];

/// A `Key: value` line: the key and the value's span. Values are one line and not sentences
/// ("Source: officials said the talks failed." is prose quoting a source, not a field).
pub fn key_value(text: &str, start: usize, end: usize) -> Option<(Key, usize, usize)> {
    let (name, raw) = super::spans::sub(text, start, end).split_once(':')?;
    let colon = name.len();
    let name = name.trim().to_ascii_lowercase();
    let key = KEYS.iter().find(|(k, _)| *k == name)?.1;
    let value = raw.trim();
    if value.is_empty() || (key != Key::Title && value.split_whitespace().count() > 12) {
        return None;
    }
    if key == Key::Outlet && value.ends_with('.') && value.split_whitespace().count() > 3 {
        return None;
    }
    let vs = start + colon + 1 + (raw.len() - raw.trim_start().len());
    Some((key, vs, vs + value.len()))
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    fn check(s: &str) -> Option<(Key, &str)> {
        key_value(s, 0, s.len()).map(|(k, a, b)| (k, &s[a..b]))
    }

    #[test]
    fn fields() {
        assert_eq!(
            check("Title: UN mission arrives"),
            Some((Key::Title, "UN mission arrives"))
        );
        assert_eq!(check("AUTHOR:  Jane Doe"), Some((Key::Authors, "Jane Doe")));
        assert_eq!(check("Source: Reuters"), Some((Key::Outlet, "Reuters")));
        assert_eq!(
            check("URL: https://example.org/a?b=1"),
            Some((Key::Url, "https://example.org/a?b=1"))
        );
        assert_eq!(
            check("Tags: UN, Armenia"),
            Some((Key::Ignored, "UN, Armenia"))
        );
    }

    #[test]
    fn not_fields() {
        assert_eq!(
            check("Source: officials in Baku said the talks would resume next week."),
            None
        );
        assert_eq!(check("Note: nothing"), None);
        assert_eq!(check("Title:"), None);
    }
}
