//! Datelines: when an article was published or updated, and where it was filed from.
//!
//! Two shapes at the start of a unit:
//! - a date, optionally labelled and followed by a time: `date 2023-11-08`,
//!   `Last update: April 28, 2024 00:13`, `Published Monday, 2 October 2023, 10:15 GMT`,
//!   `October 2, 2023`. When more text follows (scrapers glue the date to the first paragraph),
//!   only the prefix is the dateline.
//! - a wire-copy dateline: `MOSCOW (Reuters) -`, `KYIV, Ukraine (AP) —`, `BAKU, Oct 2 (AFP) -`.

use super::spans::{floor_boundary, sub};
use crate::date::{find_dates, DateMatch};

/// Whether a date says when the article was first published or when it was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    Published,
    Updated,
    /// When someone else handled the article: clipped, saved, loaded into a database, accessed.
    Other,
}

/// A date at the start of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePrefix {
    /// End of the label, date and time: the dateline block is `unit.start..end`.
    pub end: usize,
    pub date: DateMatch,
    pub role: DateRole,
}

/// Labels that introduce a date, longest first, with the role they give it.
const LABELS: &[(&str, DateRole)] = &[
    ("first published on", DateRole::Published),
    ("first published", DateRole::Published),
    ("last updated on", DateRole::Updated),
    ("last updated", DateRole::Updated),
    ("last update", DateRole::Updated),
    ("last modified", DateRole::Updated),
    ("published on", DateRole::Published),
    ("published", DateRole::Published),
    ("updated on", DateRole::Updated),
    ("updated", DateRole::Updated),
    ("update", DateRole::Updated),
    ("modified", DateRole::Updated),
    ("edited", DateRole::Updated),
    ("posted on", DateRole::Published),
    ("posted", DateRole::Published),
    ("released", DateRole::Published),
    ("publication date", DateRole::Published),
    ("publish date", DateRole::Published),
    ("pubdate", DateRole::Published),
    ("date published", DateRole::Published),
    ("date modified", DateRole::Updated),
    ("dated", DateRole::Published),
    ("date", DateRole::Published),
    ("created", DateRole::Other),
    ("clipped", DateRole::Other),
    ("saved", DateRole::Other),
    ("captured", DateRole::Other),
    ("accessed", DateRole::Other),
    ("retrieved", DateRole::Other),
    ("load-date", DateRole::Other),
    ("load date", DateRole::Other),
];

/// Skips characters of `text` from `i` while `pred` holds; returns the new position.
fn skip(text: &str, mut i: usize, end: usize, pred: impl Fn(char) -> bool) -> usize {
    while i < end {
        match sub(text, i, end).chars().next() {
            Some(c) if pred(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Case-insensitive ASCII prefix match that ends on a word boundary; returns the end.
fn keyword(text: &str, i: usize, end: usize, word: &str) -> Option<usize> {
    let j = i.saturating_add(word.len());
    if j > end || !sub(text, i, j).eq_ignore_ascii_case(word) {
        return None;
    }
    let next = sub(text, j, end).chars().next();
    (!next.is_some_and(char::is_alphanumeric)).then_some(j)
}

/// A (labelled) date at the very start of `text[start..end]`.
pub fn date_prefix(text: &str, start: usize, end: usize) -> Option<DatePrefix> {
    let mut i = start;
    let mut role = DateRole::Published;
    if let Some((j, r)) = LABELS
        .iter()
        .find_map(|(l, r)| keyword(text, i, end, l).map(|j| (j, *r)))
    {
        role = r;
        // `:` after a label, `=` and quotes in TOML or YAML front matter.
        i = skip(text, j, end, |c| {
            c.is_whitespace() || ":-–—|,=\"'".contains(c)
        });
        if let Some(j) = keyword(text, i, end, "on") {
            i = skip(text, j, end, char::is_whitespace);
        }
    }
    if let Some(t) = time_at(text, i, end) {
        i = skip(text, t, end, |c| c.is_whitespace() || ",|-–—".contains(c));
    }
    let date = *find_dates(sub(text, i, end)).first()?;
    if date.start != 0 {
        return None;
    }
    let date = DateMatch {
        start: i + date.start,
        end: i + date.end,
        date: date.date,
    };
    // Nexis writes the weekday after the date: "March 14, 2024 Thursday".
    let after = skip(text, date.end, end, char::is_whitespace);
    let weekday_end = skip(text, after, end, char::is_alphabetic);
    let date_end = if crate::date::weekday_number(sub(text, after, weekday_end)).is_some()
        && weekday_end > after
    {
        weekday_end
    } else {
        date.end
    };
    Some(DatePrefix {
        end: time_suffix(text, date_end, end),
        date,
        role,
    })
}

/// Time-zone abbreviations seen after times in news datelines.
/// Longer names first, so "AEST" is not read as "AE" + "ST".
const ZONES: &[&str] = &[
    "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT", "CEST", "EEST", "SAST", "GMT", "UTC",
    "BST", "CET", "EET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "MSK", "AZT",
    "AMT", "IST", "JST", "KST", "HKT", "SGT", "PKT", "WAT", "EAT", "CAT", "WIB", "ET", "PT", "CT",
    "MT", "Z",
];

/// Extends past a time after a date: `00:13`, `, 10:15 AM GMT`, ` at 3:05 p.m. EST`, `| 12.04 BST`.
fn time_suffix(text: &str, from: usize, end: usize) -> usize {
    let mut i = skip(text, from, end, |c| {
        c.is_whitespace() || ",|-–—".contains(c)
    });
    if let Some(j) = keyword(text, i, end, "at") {
        i = skip(text, j, end, char::is_whitespace);
    }
    time_at(text, i, end).unwrap_or(from)
}

/// A time of day starting at `i` (`10:15`, `12.04`, `3:05 p.m.`, `10:15 AM GMT+4`); its end.
fn time_at(text: &str, i: usize, end: usize) -> Option<usize> {
    // ISO 8601 puts a `T` between the date and the time.
    let i = if sub(text, i, end).starts_with('T') {
        i + 1
    } else {
        i
    };
    let h = skip(text, i, end, |c| c.is_ascii_digit());
    let sep = sub(text, h, end).chars().next()?;
    if !(1..=2).contains(&(h - i)) || !matches!(sep, ':' | '.') {
        return None;
    }
    let m = skip(text, h + 1, end, |c| c.is_ascii_digit());
    if m - (h + 1) != 2 {
        return None;
    }
    // Seconds.
    let mut i = m;
    if sub(text, i, end).starts_with(':') && skip(text, i + 1, end, |c| c.is_ascii_digit()) == i + 3
    {
        i += 3;
        // Fractions of a second (ISO 8601).
        if sub(text, i, end).starts_with('.') {
            i = skip(text, i + 1, end, |c| c.is_ascii_digit());
        }
    }
    // Optional am/pm and a time zone (all-caps abbreviation or offset).
    let after_space = skip(text, i, end, char::is_whitespace);
    for ampm in ["a.m.", "p.m.", "am", "pm"] {
        let j = after_space + ampm.len();
        let hit = text
            .get(after_space..j)
            .is_some_and(|s| s.eq_ignore_ascii_case(ampm));
        // "a.m." ends in a dot, so it has no word boundary of its own.
        if hit && (ampm.ends_with('.') || keyword(text, after_space, end, ampm).is_some()) {
            i = j;
            break;
        }
    }
    let zone_start = skip(text, i, end, |c| c.is_whitespace() || c == '(');
    let zone_end = skip(text, zone_start, end, |c| {
        c.is_ascii_alphanumeric() || "+-:".contains(c)
    });
    let zone = sub(text, zone_start, zone_end);
    // A known abbreviation ("GMT", "GMT+4") or a bare offset ("+04:00"); a capitalised word
    // after the time is the next sentence, not a zone.
    let offset_only = |s: &str| s.chars().all(|c| c.is_ascii_digit() || "+-:".contains(c));
    let known = ZONES
        .iter()
        .any(|z| zone.strip_prefix(z).is_some_and(offset_only));
    let offset = zone
        .strip_prefix(['+', '-'])
        .is_some_and(|d| d.len() >= 2 && d.chars().all(|c| c.is_ascii_digit() || c == ':'));
    if known || offset {
        i = zone_end;
        if sub(text, i, end).starts_with(')') {
            i += 1;
        }
    }
    Some(i)
}

/// A dateline without a calendar date: `Reporting from Yerevan, Armenia`, `Updated 2 hours ago`.
pub fn undated_dateline(s: &str) -> bool {
    let lower = s.trim().to_lowercase();
    let n = lower.split_whitespace().count();
    let relative = lower.trim_end_matches('.').ends_with(" ago")
        && LABELS.iter().any(|(l, _)| lower.starts_with(l));
    n <= 8 && (lower.starts_with("reporting from ") || lower.starts_with("filed from ") || relative)
}

/// A wire dateline at the start of a paragraph: its end (after the dash) and the agency's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireDateline {
    pub end: usize,
    pub agency: Option<(usize, usize)>,
}

/// `MOSCOW (Reuters) - `, `KYIV, Ukraine (AP) — `, `WASHINGTON, Oct 2 (Reuters) - `.
pub fn wire_dateline(text: &str, start: usize, end: usize) -> Option<WireDateline> {
    // The place: a run of capital letters (spaces, dots, hyphens and apostrophes allowed).
    let place_end = skip(text, start, end, |c| {
        c.is_uppercase() || " .-'’".contains(c)
    });
    let place = sub(text, start, place_end).trim_end_matches([' ', '-']);
    if place.chars().filter(|c| c.is_uppercase()).count() < 3
        || !place.contains(|c: char| c.is_uppercase())
    {
        return None;
    }
    let mut i = start + place.len();
    i = skip(text, i, end, char::is_whitespace);
    // Optional ", Region or date" up to the agency or the dash.
    if sub(text, i, end).starts_with(',') {
        // Look a short way ahead, stopping on a character boundary: "MOSCOW, Oct. 2 (TASS) —
        // L’armée" has a curly apostrophe right where a byte count may land.
        let window = sub(text, i, floor_boundary(text, i.saturating_add(40).min(end)));
        let stop = window.find(['(', '—', '–']).or_else(|| window.find(" - "));
        i += stop?;
    }
    let mut agency = None;
    if sub(text, i, end).starts_with('(') {
        let close = i + sub(text, i, end).find(')')?;
        if close - i > 32 {
            return None;
        }
        agency = Some((i + 1, close));
        i = skip(text, close + 1, end, char::is_whitespace);
    }
    let dash = sub(text, i, end).chars().next()?;
    if !"-–—".contains(dash) {
        return None;
    }
    let after = skip(text, i + dash.len_utf8(), end, |c| c == '-');
    let body = skip(text, after, end, char::is_whitespace);
    // The dash must be followed by a space and the paragraph proper.
    if body == after
        || !sub(text, body, end)
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
    {
        return None;
    }
    Some(WireDateline { end: body, agency })
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    /// Returns "<dateline text>|<date>|<role>" for the prefix found in `text`.
    fn prefix(text: &str) -> Option<String> {
        date_prefix(text, 0, text.len())
            .map(|p| format!("{}|{}|{:?}", &text[..p.end], p.date.date, p.role))
    }

    #[test]
    fn labelled_dates() {
        assert_eq!(
            prefix("date 2023-11-08 The United Nations").unwrap(),
            "date 2023-11-08|2023-11-08|Published"
        );
        assert_eq!(
            prefix("Last update: April 28, 2024 00:13").unwrap(),
            "Last update: April 28, 2024 00:13|2024-04-28|Updated"
        );
        assert_eq!(
            prefix("Published Monday, 2 October 2023, 10:15 GMT").unwrap(),
            "Published Monday, 2 October 2023, 10:15 GMT|2023-10-02|Published"
        );
        assert_eq!(
            prefix("Updated on Oct. 3, 2023 at 3:05 p.m. EST").unwrap(),
            "Updated on Oct. 3, 2023 at 3:05 p.m. EST|2023-10-03|Updated"
        );
        assert_eq!(
            prefix("October 2, 2023").unwrap(),
            "October 2, 2023|2023-10-02|Published"
        );
    }

    #[test]
    fn not_a_date_prefix() {
        assert_eq!(prefix("Dated agreements from 2023-11-08"), None);
        assert_eq!(prefix("The UN said on October 2, 2023"), None);
        assert_eq!(prefix("Updates to follow"), None);
    }

    #[test]
    fn time_is_only_taken_when_it_is_a_time() {
        assert_eq!(
            prefix("date 2023-11-08 10 people died").unwrap(),
            "date 2023-11-08|2023-11-08|Published"
        );
        assert_eq!(
            prefix("October 2, 2023 12:30 The talks").unwrap(),
            "October 2, 2023 12:30|2023-10-02|Published"
        );
    }

    #[test]
    fn undated_datelines() {
        assert!(undated_dateline("Reporting from Yerevan, Armenia"));
        assert!(undated_dateline("Updated 2 hours ago"));
        assert!(undated_dateline("Updated a year ago"));
        assert!(!undated_dateline(
            "Reporting from the region was hard, he said, because roads were closed."
        ));
        assert!(!undated_dateline("Two days ago"));
    }

    fn wire(text: &str) -> Option<(String, Option<String>)> {
        wire_dateline(text, 0, text.len()).map(|w| {
            (
                text[..w.end].to_string(),
                w.agency.map(|(s, e)| text[s..e].to_string()),
            )
        })
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            wire("MOSCOW (Reuters) - Russia said").unwrap(),
            ("MOSCOW (Reuters) - ".into(), Some("Reuters".into()))
        );
        assert_eq!(
            wire("KYIV, Ukraine (AP) — The").unwrap().1.as_deref(),
            Some("AP")
        );
        assert_eq!(
            wire("WASHINGTON, Oct 2 (Reuters) - The").unwrap().0,
            "WASHINGTON, Oct 2 (Reuters) - "
        );
        assert_eq!(
            wire("BAKU, Azerbaijan — Officials").unwrap(),
            ("BAKU, Azerbaijan — ".into(), None)
        );
        assert_eq!(wire("UN Mission Arrives - Report"), None);
        assert_eq!(wire("A mission sent by the UN"), None);
        assert_eq!(wire("NATO - the alliance"), None);
    }
}
