//! `Key: value` header lines, as scrapers, exports and Markdown front matter write metadata
//! above the article: `Title: …`, `Author: …`, `Source: …`, `URL: …`, `Language: en`,
//! `Tags: …`; YAML (`title: "…"`, `authors: [A, B]`) and TOML (`title = "…"`) spellings too.
//! (`Date:`/`Published:`/`Updated:`/`Created:` lines are datelines, read by `dateline`.)

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
    ("site_name", Key::Outlet),
    ("sitename", Key::Outlet),
    ("site name", Key::Outlet),
    ("newspaper", Key::Outlet),
    ("url", Key::Url),
    ("link", Key::Url),
    ("canonical", Key::Url),
    ("source_url", Key::Url),
    ("original_url", Key::Url),
    ("language", Key::Language),
    ("lang", Key::Language),
    ("section", Key::Ignored),
    ("category", Key::Ignored),
    ("categories", Key::Ignored),
    ("keywords", Key::Ignored),
    ("tags", Key::Ignored),
    // Database exports: a word count, an edition or a load date is not what the article says.
    ("length", Key::Ignored),
    ("edition", Key::Ignored),
    ("load-date", Key::Ignored),
    ("load date", Key::Ignored),
    ("document type", Key::Ignored),
    ("publication-type", Key::Ignored),
    ("publication type", Key::Ignored),
    ("graphic", Key::Ignored),
    ("highlight", Key::Ignored),
    ("classification", Key::Ignored),
    ("subject", Key::Ignored),
    ("geographic", Key::Ignored),
    ("journal-code", Key::Ignored),
    ("word count", Key::Ignored),
    ("words", Key::Ignored),
    ("description", Key::Ignored),
    ("summary", Key::Ignored),
    ("excerpt", Key::Ignored),
    ("image", Key::Ignored),
    ("layout", Key::Ignored),
    ("draft", Key::Ignored),
    ("slug", Key::Ignored),
    ("id", Key::Ignored),
];

/// A `Key: value` line: the key and the value's span. Values are one line and not sentences
/// ("Source: officials said the talks failed." is prose quoting a source, not a field).
pub fn key_value(text: &str, start: usize, end: usize) -> Option<(Key, usize, usize)> {
    let (key, vs, ve) = key_span(text, start, end)?;
    let value = super::spans::sub(text, vs, ve);
    if value.trim().is_empty() {
        return None;
    }
    if key != Key::Title && value.split_whitespace().count() > 12 {
        return None;
    }
    if key == Key::Outlet && value.ends_with('.') && value.split_whitespace().count() > 3 {
        return None;
    }
    // "Source: https://…" names the page, not the outlet.
    let key = if matches!(key, Key::Outlet | Key::Authors) && value.starts_with("http") {
        Key::Url
    } else {
        key
    };
    Some((key, vs, ve))
}

/// The key of `key: value` or `key = value` and the value's span without quotes or brackets;
/// the value may be empty (a YAML list follows on the next lines).
pub fn key_span(text: &str, start: usize, end: usize) -> Option<(Key, usize, usize)> {
    let line = super::spans::sub(text, start, end);
    let sep = line.find([':', '='])?;
    let name = line.get(..sep)?.trim().to_ascii_lowercase();
    let key = KEYS.iter().find(|(k, _)| *k == name)?.1;
    let raw = line.get(sep + 1..)?;
    let value = raw.trim();
    // YAML and TOML quote strings and bracket lists; the names inside are the value.
    let inner = value
        .trim_start_matches(['"', '\'', '['])
        .trim_end_matches(['"', '\'', ']']);
    let lead = raw.len() - raw.trim_start().len()
        + (value.len() - value.trim_start_matches(['"', '\'', '[']).len());
    let vs = start + sep + 1 + lead;
    Some((key, vs, vs + inner.len()))
}

/// A YAML list item under a key (`  - Jane Doe`): the item's span.
pub fn list_item(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line = super::spans::sub(text, start, end);
    let item = line.strip_prefix("- ")?;
    let inner = item.trim().trim_matches(['"', '\'']);
    let lead = line.len() - item.trim_start().trim_start_matches(['"', '\'']).len();
    (!inner.is_empty()).then_some((start + lead, start + lead + inner.len()))
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
        assert_eq!(
            check("Length: 812 words"),
            Some((Key::Ignored, "812 words"))
        );
    }

    #[test]
    fn front_matter_spellings() {
        assert_eq!(
            check("title: \"Dam: a warning\""),
            Some((Key::Title, "Dam: a warning"))
        );
        assert_eq!(check("title = 'Dam'"), Some((Key::Title, "Dam")));
        assert_eq!(
            check("authors = [\"Jane Doe\", \"John Roe\"]"),
            Some((Key::Authors, "Jane Doe\", \"John Roe"))
        );
        assert_eq!(
            check("source: https://x.org/a"),
            Some((Key::Url, "https://x.org/a"))
        );
        let item = "  - Jane Doe";
        let (a, b) = list_item(item, 2, item.len()).unwrap();
        assert_eq!(&item[a..b], "Jane Doe");
    }
}
