//! Calendar dates: the one home of calendar knowledge (month and weekday names, day arithmetic,
//! weekdays) and the grammar of absolute dates as English-language news writes them.
//!
//! Every arithmetic step is checked: a date outside the years `Date` holds ("300 years ago",
//! "100000 days ago") is `None`, never a panic or a wrapped-around year.
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
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .map_or("", |m| m.1);
        format!("{} {}, {}", month, self.day, self.year)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`); negative before it.
    pub fn day_number(self) -> i64 {
        let (m, day) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number (`civil_from_days`), or `None` outside the years `Date` holds.
    pub fn from_day_number(n: i64) -> Option<Date> {
        // Bounding first keeps every step below far from overflow.
        if !(Self::MIN.day_number()..=Self::MAX.day_number()).contains(&n) {
            return None;
        }
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(
            u32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )
    }

    /// `n` days later (earlier when negative), or `None` past the years `Date` holds.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(n)?)
    }

    /// Monday = 0 … Sunday = 6 (the index into [`WEEKDAYS`]).
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3); the remainder is in 0..7.
        u32::try_from((self.day_number() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The first and last day of a month, or `None` outside the years `Date` holds.
    pub fn month_span(year: i64, month: u32) -> Option<(Date, Date)> {
        let y = u32::try_from(year).ok()?;
        let first = Date::new(y, month, 1)?;
        Some((first, Date::new(y, month, days_in_month(y, month))?))
    }

    /// The month `shift` months after (before, when negative) `year`-`month`, as (year, month).
    pub fn shift_month(year: i64, month: u32, shift: i64) -> Option<(i64, u32)> {
        let total = year
            .checked_mul(12)?
            .checked_add(i64::from(month))?
            .checked_sub(1)?
            .checked_add(shift)?;
        Some((
            total.div_euclid(12),
            u32::try_from(total.rem_euclid(12)).ok()? + 1,
        ))
    }

    /// January 1st to December 31st of a year, or `None` outside the years `Date` holds.
    pub fn year_span(year: i64) -> Option<(Date, Date)> {
        let y = u32::try_from(year).ok()?;
        Some((Date::new(y, 1, 1)?, Date::new(y, 12, 31)?))
    }

    /// The earliest date `Date` holds.
    pub const MIN: Date = Date {
        year: 1800,
        month: 1,
        day: 1,
    };
    /// The latest date `Date` holds.
    pub const MAX: Date = Date {
        year: 2199,
        month: 12,
        day: 31,
    };
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
        let mut parts = s.split('-');
        let mut num = |len: usize| {
            parts
                .next()
                .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
                .ok_or_else(bad)
        };
        let (y, m, d) = (num(4)?, num(2)?, num(2)?);
        if parts.next().is_some() {
            return Err(bad());
        }
        Date::new(y, m, d).ok_or_else(bad)
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

/// Weekday names, Monday first: `WEEKDAYS[d.weekday()]` names the day of `d`.
pub const WEEKDAYS: [&str; 7] = [
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

/// The weekday a word names ("Friday", "fri", "FRIDAY"), Monday = 0, if any.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let i = WEEKDAYS.iter().position(|d| *d == w).or_else(|| {
        WEEKDAY_ABBR
            .iter()
            .position(|d| *d == w || (*d == "tue" && w == "tues") || (*d == "thu" && w == "thurs"))
    })?;
    u32::try_from(i).ok()
}

fn is_weekday(word: &str) -> bool {
    weekday_number(word).is_some()
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
                    s: text.get(s..i).unwrap_or(""),
                });
                start = Some(i);
            }
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Tok {
                    start: s,
                    end: i,
                    s: text.get(s..i).unwrap_or(""),
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
            s: text.get(s..).unwrap_or(""),
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
    let suffix = s.get(digits.len()..).unwrap_or("").to_ascii_lowercase();
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
            (Some(a), Some(b)) => text.get(a.end..b.start).unwrap_or(""),
            _ => "",
        }
    };
    let mut out: Vec<DateMatch> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let (Some(first), Some((date, last))) = (toks.get(i), date_at(&toks, i, &gap)) {
            // Include a weekday just before ("Monday, October 2, 2023").
            let mut start = first.start;
            if let Some(before) = i.checked_sub(1).and_then(|k| toks.get(k)) {
                let prev_end = out.last().map_or(0, |m| m.end);
                if is_weekday(before.s)
                    && matches!(gap(i - 1).trim(), "" | ",")
                    && before.start >= prev_end
                {
                    start = before.start;
                }
            }
            out.push(DateMatch {
                start,
                end: toks.get(last).map_or(first.end, |t| t.end),
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
        // "2023-11-1-09" is not a date: a fourth number joined by the same separator means
        // the three are part of something longer (a code, a broken date), so none is read.
        let glued = gap(i + 2) == sep
            && toks
                .get(i + 3)
                .is_some_and(|t| t.s.starts_with(|c: char| c.is_ascii_digit()));
        if (sep == "-" || sep == "/") && gap(i + 1) == sep {
            return if glued {
                None
            } else {
                Date::new(y, m, d).map(|date| (date, i + 2))
            };
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
#[allow(clippy::string_slice)] // a slice that panics here is a failing test
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(
            d("2023-10-02").day_number() - d("2023-09-24").day_number(),
            8
        );
        for s in [
            "2023-10-02",
            "2024-02-29",
            "1999-12-31",
            "2100-03-01",
            "1800-01-01",
            "2199-12-31",
        ] {
            assert_eq!(Date::from_day_number(d(s).day_number()), Some(d(s)));
        }
        assert_eq!(d("2023-11-08").weekday(), 2); // a Wednesday
        assert_eq!(d("2023-10-01").weekday(), 6); // a Sunday
        assert_eq!(WEEKDAYS[d("2024-02-29").weekday() as usize], "thursday");
        assert_eq!(d("2023-12-31").add_days(1), Some(d("2024-01-01")));
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        assert_eq!(
            Date::month_span(2023, 2),
            Some((d("2023-02-01"), d("2023-02-28")))
        );
        assert_eq!(
            Date::year_span(2024),
            Some((d("2024-01-01"), d("2024-12-31")))
        );
        assert_eq!(Date::shift_month(2023, 1, -1), Some((2022, 12)));
        assert_eq!(Date::shift_month(2023, 11, 14), Some((2025, 1)));
    }

    #[test]
    fn arithmetic_outside_the_calendar_is_none_not_a_panic() {
        let p = d("2023-10-02");
        // "100000 days ago", "300 years ago", "5000 months ago", and absurd counts.
        assert_eq!(p.add_days(-100_000), None);
        assert_eq!(p.add_days(i64::MIN), None);
        assert_eq!(p.add_days(i64::MAX), None);
        assert_eq!(Date::year_span(2023 - 300), None);
        assert_eq!(Date::year_span(-5), None);
        let (y, m) = Date::shift_month(2023, 10, -5000).unwrap();
        assert_eq!(Date::month_span(y, m), None);
        assert_eq!(Date::shift_month(i64::MAX, 12, 1), None);
        assert_eq!(Date::from_day_number(i64::MIN), None);
        assert_eq!(Date::month_span(2023, 13), None);
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday_number("Friday"), Some(4));
        assert_eq!(weekday_number("tues"), Some(1));
        assert_eq!(weekday_number("SUN"), Some(6));
        assert_eq!(weekday_number("Fri."), None);
        assert_eq!(weekday_number("Sunny"), None);
    }

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
        check("date 2023-11-1-09", &[]);
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
