//! News-database exports, which hold many articles in one file: where each article begins and
//! ends. Reading the fields of each article is the parser's job (`parse::fields` knows the
//! Factiva field codes and the Nexis `Key: value` labels).
//!
//! - Factiva-style: field codes at the start of a line (`HD` headline, `BY` byline, `WC` word
//!   count, `PD` publication date, `SN` source name, `LP` lead paragraph, `TD` text, `AN`
//!   accession number …); each article starts at its `HD`.
//! - Nexis Uni-style: title, outlet and date line, `Copyright`, `Section:`, `Length:`, `Byline:`,
//!   `Body`, the text, `Load-Date:` and `End of Document`, which closes each article.

use crate::text::lines;
use regex::Regex;
use std::sync::LazyLock;

/// Which export convention a file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Factiva,
    Nexis,
}

/// A Factiva field code at the start of a line, alone or followed by its value.
static FACTIVA_CODE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|AN|CO|IN|NS|RE|IPD|PUB|SE|CR|RF|CX|IPC)(?:\s|$)",
    )
    .ok()
});

/// The code of a Factiva field line (`"HD"` for `HD  Ukraine says …`).
pub fn factiva_code(line: &str) -> Option<&str> {
    let re = FACTIVA_CODE.as_ref()?;
    re.captures(line)?.get(1).map(|m| m.as_str())
}

/// A Nexis label line (`Load-Date: …`, `Length: 812 words`, `Byline: …`) or marker line.
fn nexis_marker(line: &str) -> bool {
    let l = line.trim();
    l.eq_ignore_ascii_case("end of document")
        || ["load-date:", "length:", "byline:", "section:"]
            .iter()
            .any(|k| l.get(..k.len()).is_some_and(|h| h.eq_ignore_ascii_case(k)))
}

/// The export convention of `text`, if it is one: a Factiva file has a headline code and a
/// date or source code and text codes; a Nexis file an `End of Document` line or two labels.
pub fn detect(text: &str) -> Option<Export> {
    let ls = lines(text);
    let line = |l: &crate::text::Line| text.get(l.start..l.end).unwrap_or("");
    let mut codes = std::collections::BTreeSet::new();
    for l in ls.iter().map(line) {
        if let Some(c) = factiva_code(l) {
            codes.insert(c);
        }
    }
    let has = |c: &str| codes.contains(c);
    if has("HD") && (has("PD") || has("SN")) && (has("LP") || has("TD")) {
        return Some(Export::Factiva);
    }
    let markers = ls.iter().map(line).filter(|l| nexis_marker(l)).count();
    let end = ls
        .iter()
        .map(line)
        .any(|l| l.trim().eq_ignore_ascii_case("end of document"));
    (end || markers >= 2).then_some(Export::Nexis)
}

/// The byte ranges of the articles of an export; together they cover the whole text, so every
/// byte belongs to one article (text before the first article goes with the first).
pub fn split(text: &str, kind: Export) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    for l in lines(text) {
        let s = text.get(l.start..l.end).unwrap_or("");
        match kind {
            Export::Factiva if factiva_code(s) == Some("HD") && l.start > 0 => cuts.push(l.start),
            Export::Nexis if s.trim().eq_ignore_ascii_case("end of document") => {
                // The article ends after this line (and its line break).
                let next = text.get(l.end..).map_or(l.end, |r| {
                    l.end + (r.len() - r.trim_start_matches(['\r', '\n']).len())
                });
                cuts.push(next);
            }
            _ => {}
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    let mut spans: Vec<(usize, usize)> = cuts
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((*a, *b)),
            _ => None,
        })
        .collect();
    // The first Factiva article's preamble (a search summary) and a trailing remainder without
    // any text of its own stay with their neighbour instead of becoming articles.
    let blank = |&(s, e): &(usize, usize)| text.get(s..e).is_none_or(|t| t.trim().is_empty());
    if spans.len() > 1 && spans.last().is_some_and(blank) {
        if let (Some((_, e)), Some((s, _))) = (spans.pop(), spans.pop()) {
            spans.push((s, e));
        }
    }
    spans
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    #[test]
    fn factiva_articles_start_at_hd() {
        let t = "HD Dam bursts\nBY Jane Doe\nPD 2 March 2024\nSN Daily Planet\nLP A dam burst.\nAN Document X1\n\nHD Second story\nPD 3 March 2024\nTD Text.\n";
        assert_eq!(detect(t), Some(Export::Factiva));
        let parts = split(t, Export::Factiva);
        assert_eq!(parts.len(), 2);
        assert!(t[parts[1].0..].starts_with("HD Second"));
        assert_eq!(parts[1].1, t.len());
    }

    #[test]
    fn nexis_articles_end_at_end_of_document() {
        let t = "Dam bursts\nDaily Planet\nMarch 2, 2024 Saturday\nLength: 300 words\nBody\nA dam burst.\nLoad-Date: March 3, 2024\nEnd of Document\n\nSecond\nOther Paper\nBody\nText.\nEnd of Document\n\n";
        assert_eq!(detect(t), Some(Export::Nexis));
        let parts = split(t, Export::Nexis);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(t[parts[1].0..].starts_with("Second"));
        assert_eq!(parts[1].1, t.len());
    }

    #[test]
    fn ordinary_articles_are_not_exports() {
        assert_eq!(detect("HD video of the crash\nBy Jane Doe\n\nText."), None);
        assert_eq!(detect("Title\n\nByline: Jane Doe\n\nText."), None);
    }
}
