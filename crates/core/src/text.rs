//! Small text helpers shared by the parser and the views: word counts, excerpts, line spans.
/// Number of words: whitespace-separated runs that contain at least one letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The first `max_chars` characters of `text`, cut at a word boundary, with "…" when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| i);
    let head = text.get(..cut).unwrap_or(text);
    // Prefer to end on a whole word, unless that would leave almost nothing.
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > cut / 2 => head.get(..i).unwrap_or(head),
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
    )
}

/// A line of the text: `start..end` excludes the line terminator (`\n`, `\r\n` or a lone `\r`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into lines, keeping byte offsets. A final line without a terminator is included.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = bytes.iter().enumerate().peekable();
    while let Some((i, &b)) = iter.next() {
        if b == b'\n' || b == b'\r' {
            out.push(Line { start, end: i });
            start = i + 1;
            if b == b'\r' && iter.next_if(|&(_, &n)| n == b'\n').is_some() {
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push(Line {
            start,
            end: text.len(),
        });
    }
    out
}

/// The line holding byte `at`: its 1-based number and its text without the terminator (the
/// same line breaks as [`lines`]). An offset past the end is on the last line; one inside a
/// character counts from that character's line. For provenance: "from line 3: “By Jane Doe”".
pub fn line_at(text: &str, at: usize) -> (usize, &str) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text.get(..at).unwrap_or("");
    // A `\r\n` counts once; a lone `\r` or `\n` once each.
    let breaks = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let rest = text.get(at..).unwrap_or("");
    let end = rest.find(['\n', '\r']).map_or(text.len(), |i| at + i);
    (breaks + 1, text.get(start..end).unwrap_or(""))
}

/// Shrinks `start..end` so it neither starts nor ends with whitespace (Unicode, incl. NBSP).
pub fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (start, start);
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

/// A whitespace-separated word and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The whitespace-separated words of `text[start..end]`, with offsets into `text`.
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut word_start = None;
    let Some(span) = text.get(start..end) else {
        return out;
    };
    for (i, c) in span.char_indices() {
        let at = start + i;
        match (c.is_whitespace(), word_start) {
            (false, None) => word_start = Some(at),
            (true, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: at,
                    text: text.get(s..at).unwrap_or(""),
                });
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        out.push(Word {
            start: s,
            end,
            text: text.get(s..end).unwrap_or(""),
        });
    }
    out
}

/// `text` with every run of whitespace (including no-break spaces) made one plain space.
pub fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(
            word_count("The UN – 30 years, \u{201c}at last\u{201d} --"),
            6
        );
        assert_eq!(word_count("   "), 0);
    }

    #[test]
    fn finds_the_line_of_an_offset() {
        let t = "Title\r\nBy Jane Doe\rDateline\n\nBody é text";
        assert_eq!(line_at(t, 0), (1, "Title"));
        assert_eq!(
            line_at(t, 5),
            (1, "Title"),
            "on the terminator: still that line"
        );
        assert_eq!(line_at(t, 7), (2, "By Jane Doe"));
        assert_eq!(line_at(t, 10), (2, "By Jane Doe"));
        assert_eq!(line_at(t, 19), (3, "Dateline"));
        assert_eq!(line_at(t, 28), (4, ""));
        assert_eq!(line_at(t, 29), (5, "Body é text"));
        // Inside the two bytes of "é", and past the end: never a panic.
        let e = t.find('é').unwrap_or(0) + 1;
        assert_eq!(line_at(t, e), (5, "Body é text"));
        assert_eq!(line_at(t, 10_000), (5, "Body é text"));
        assert_eq!(line_at("", 3), (1, ""));
        // The line numbers agree with `lines`.
        for (n, l) in lines(t).iter().enumerate() {
            assert_eq!(line_at(t, l.start).0, n + 1);
        }
    }

    #[test]
    fn excerpt_cuts_on_a_word() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(
            excerpt("Armenia, meanwhile, asked the World Court", 22),
            "Armenia, meanwhile…"
        );
    }

    #[test]
    fn lines_keep_offsets_and_drop_crlf() {
        let t = "ab\r\n\ncd\ref";
        let l = lines(t);
        let want = [(0, 2), (4, 4), (5, 7), (8, 10)].map(|(start, end)| Line { start, end });
        assert_eq!(l, want);
    }

    #[test]
    fn words_keep_offsets() {
        let t = "x By \u{a0} Jo Li";
        let w: Vec<(usize, &str)> = words(t, 1, t.len())
            .iter()
            .map(|w| (w.start, w.text))
            .collect();
        assert_eq!(w, [(2, "By"), (8, "Jo"), (11, "Li")]);
        assert_eq!(
            normalize_space("Balkan\u{a0} Periscope  - Hellas"),
            "Balkan Periscope - Hellas"
        );
    }

    #[test]
    fn trim_span_handles_nbsp() {
        let t = "\u{a0} Sept 24 \u{a0}";
        let (s, e) = trim_span(t, 0, t.len());
        assert_eq!(t.get(s..e), Some("Sept 24"));
        assert_eq!(trim_span("  ", 0, 2), (0, 0));
    }
}
