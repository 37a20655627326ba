//! Calendar dates and the grammar of absolute dates as English-language news writes them.
//!
//! Recognised: `2023-11-08`, `2023/11/08`, `October 2, 2023`, `Oct. 2, 2023`, `Sept 24, 2023`,
//! `Oct 2 2023`, `2 October 2023`, `2nd October, 2023`, `Monday, October 2, 2023` (the weekday is
//! part of the span), `28.04.2024` (day first) and `28/04/2024` or `04/28/2024` when the order is
//! unambiguous. An ambiguous `03/04/2024` is not a date here: we never guess a day.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), shown and serialized as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (e.g. February 30th, or a year outside 1800..=2199).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1800..=2199).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// "October 2, 2023": how the app shows a date to people.
    pub fn long(&self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1].1,
            self.day,
            self.year
        )
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    /// Parses exactly `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date in the form YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
        Date::new(num(0..4)?, num(5..7)?, num(8..10)?).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            // Binary formats (the bundle): three small integers.
            (self.year, self.month, self.day).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            s.parse().map_err(serde::de::Error::custom)
        } else {
            let (y, m, day) = <(u16, u8, u8)>::deserialize(d)?;
            Date::new(y.into(), m.into(), day.into())
                .ok_or_else(|| serde::de::Error::custom("invalid date in bundle"))
        }
    }
}

/// Month spellings: (number, full name, accepted abbreviations).
const MONTHS: [(u32, &str, &[&str]); 12] = [
    (1, "January", &["jan"]),
    (2, "February", &["feb"]),
    (3, "March", &["mar"]),
    (4, "April", &["apr"]),
    (5, "May", &[]),
    (6, "June", &["jun"]),
    (7, "July", &["jul"]),
    (8, "August", &["aug"]),
    (9, "September", &["sep", "sept"]),
    (10, "October", &["oct"]),
    (11, "November", &["nov"]),
    (12, "December", &["dec"]),
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const WEEKDAY_ABBR: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The month a word names ("Oct", "october", "Sept"), if any.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .find(|(_, full, abbr)| full.eq_ignore_ascii_case(&w) || abbr.contains(&w.as_str()))
        .map(|(n, _, _)| *n)
}

fn is_weekday(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    WEEKDAYS.contains(&w.as_str()) || WEEKDAY_ABBR.contains(&w.as_str())
}

/// An absolute date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub date: Date,
}

/// A word or number token with its byte span.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    s: &'a str,
}

/// Splits into alphanumeric runs; punctuation between them is read from the gaps.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // ISO 8601 "2023-10-02T14:30": the `T` starts a new token, so the day stays a number.
        let iso_t = c == 'T'
            && prev.is_ascii_digit()
            && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        match (c.is_alphanumeric(), start) {
            (true, Some(s)) if iso_t => {
                out.push(Tok {
                    start: s,
                    end: i,
                    s: &text[s..i],
                });
                start = Some(i);
            }
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Tok {
                    start: s,
                    end: i,
                    s: &text[s..i],
                });
                start = None;
            }
            _ => {}
        }
        prev = c;
    }
    if let Some(s) = start {
        out.push(Tok {
            start: s,
            end: text.len(),
            s: &text[s..],
        });
    }
    out
}

fn number(s: &str, max_len: usize) -> Option<u32> {
    (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A day of the month, allowing ordinal suffixes: "2", "02", "2nd", "24th".
fn day_number(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..].to_ascii_lowercase();
    if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    number(digits, 2).filter(|d| (1..=31).contains(d))
}

fn year_number(s: &str) -> Option<u32> {
    if s.len() == 4 {
        number(s, 4)
    } else {
        None
    }
}

/// Finds every absolute date in `text`, in order, without overlaps.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let toks = tokens(text);
    let gap = |i: usize| -> &str {
        // The characters between token i and token i+1.
        match (toks.get(i), toks.get(i + 1)) {
            (Some(a), Some(b)) => &text[a.end..b.start],
            _ => "",
        }
    };
    let mut out: Vec<DateMatch> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((date, last)) = date_at(&toks, i, &gap) {
            // Include a weekday just before ("Monday, October 2, 2023").
            let mut start = toks[i].start;
            if i > 0 && is_weekday(toks[i - 1].s) && matches!(gap(i - 1).trim(), "" | ",") {
                let prev_end = out.last().map_or(0, |m| m.end);
                if toks[i - 1].start >= prev_end {
                    start = toks[i - 1].start;
                }
            }
            out.push(DateMatch {
                start,
                end: toks[last].end,
                date,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Tries every date pattern starting at token `i`; returns the date and its last token index.
fn date_at<'a>(
    toks: &[Tok<'a>],
    i: usize,
    gap: &dyn Fn(usize) -> &'a str,
) -> Option<(Date, usize)> {
    let t = |k: usize| toks.get(k).map(|t| t.s).unwrap_or("");
    // Numeric: YYYY-MM-DD, YYYY/MM/DD.
    if let (Some(y), Some(m), Some(d)) =
        (year_number(t(i)), number(t(i + 1), 2), number(t(i + 2), 2))
    {
        let sep = gap(i);
        if (sep == "-" || sep == "/") && gap(i + 1) == sep {
            return Date::new(y, m, d).map(|date| (date, i + 2));
        }
    }
    // Numeric day first or month first: DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY.
    if let (Some(a), Some(b), Some(y)) =
        (number(t(i), 2), number(t(i + 1), 2), year_number(t(i + 2)))
    {
        let sep = gap(i);
        if gap(i + 1) == sep {
            let date = match sep {
                "." => Date::new(y, b, a),
                "/" | "-" if a > 12 => Date::new(y, b, a),
                "/" | "-" if b > 12 => Date::new(y, a, b),
                _ => None, // ambiguous: do not guess
            };
            return date.map(|d| (d, i + 2));
        }
    }
    // Month D, YYYY / Month D YYYY / Mon. D, YYYY
    if let Some(m) = month_number(t(i)) {
        let g = gap(i);
        if matches!(g, " " | ". " | "\u{a0}" | ".\u{a0}") {
            if let Some(d) = day_number(t(i + 1)) {
                if matches!(gap(i + 1), " " | ", " | "," | "\u{a0}") {
                    if let Some(y) = year_number(t(i + 2)) {
                        return Date::new(y, m, d).map(|date| (date, i + 2));
                    }
                }
            }
        }
    }
    // D Month YYYY / Dth Month, YYYY / D Mon. YYYY
    if let Some(d) = day_number(t(i)) {
        if matches!(gap(i), " " | " of " | "\u{a0}") {
            if let Some(m) = month_number(t(i + 1)) {
                if matches!(gap(i + 1), " " | ", " | ". " | "\u{a0}") {
                    if let Some(y) = year_number(t(i + 2)) {
                        return Date::new(y, m, d).map(|date| (date, i + 2));
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: input text, then the dates expected as "span-text=YYYY-MM-DD".
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = find_dates(text)
            .iter()
            .map(|m| format!("{}={}", &text[m.start..m.end], m.date))
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn month_first_forms() {
        check(
            "By Ilham Karimli October 2, 2023",
            &["October 2, 2023=2023-10-02"],
        );
        check(
            "\u{a0}Sept 24, 2023. Posted by",
            &["Sept 24, 2023=2023-09-24"],
        );
        check(
            "Last update: April 28, 2024 00:13",
            &["April 28, 2024=2024-04-28"],
        );
        check(
            "Oct. 2, 2023 and Dec 31 1999",
            &["Oct. 2, 2023=2023-10-02", "Dec 31 1999=1999-12-31"],
        );
        check(
            "Published Monday, October 2, 2023",
            &["Monday, October 2, 2023=2023-10-02"],
        );
    }

    #[test]
    fn day_first_forms() {
        check("2 October 2023", &["2 October 2023=2023-10-02"]);
        check(
            "on the 2nd October, 2023",
            &["2nd October, 2023=2023-10-02"],
        );
        check("Updated 28 Apr. 2024", &["28 Apr. 2024=2024-04-28"]);
    }

    #[test]
    fn numeric_forms() {
        check(" date 2023-11-08 The", &["2023-11-08=2023-11-08"]);
        check("2023/11/08", &["2023/11/08=2023-11-08"]);
        check("2023-10-02T14:30:00Z", &["2023-10-02=2023-10-02"]);
        check("28.04.2024", &["28.04.2024=2024-04-28"]);
        check(
            "28/04/2024 04/28/2024",
            &["28/04/2024=2024-04-28", "04/28/2024=2024-04-28"],
        );
        // Ambiguous day/month order: not a date.
        check("03/04/2024", &[]);
    }

    #[test]
    fn rejects_impossible_and_partial_dates() {
        check("February 30, 2023", &[]);
        check("2023-13-01", &[]);
        check("May 2023", &[]);
        check("in May, 30 people", &[]);
        check("the 1990s and 2,000 peacekeepers", &[]);
        check(
            "February 29, 2024 but not February 29, 2023",
            &["February 29, 2024=2024-02-29"],
        );
    }

    #[test]
    fn parses_and_prints_iso() {
        let d: Date = "2023-10-02".parse().unwrap();
        assert_eq!(d.to_string(), "2023-10-02");
        assert_eq!(d.long(), "October 2, 2023");
        assert!("2023-1-02".parse::<Date>().is_err());
        assert!("2023-02-30".parse::<Date>().is_err());
    }
}
