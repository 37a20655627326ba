//! DATE: absolute and relative dates, days, periods and durations.
//!
//! Absolute dates come from `crate::date::find_dates` ("October 2, 2023", "2023-11-08"). On top
//! of them: month and day without a year ("September 19-20"), a month on its own ("in
//! February"), month and year, weekdays ("on Friday" → "Friday"), years and decades ("the early
//! 1990s"), relative expressions ("this weekend", "last week", "recent weeks", "over the years"
//! → "the years"), durations with an optional approximator ("about 30 years", "30 years ago")
//! and duration adjectives ("24-hour", "two-day", "decades-long"). The canonical form is an ISO
//! date when the text pins one down (a day, a month, a year), otherwise the text in lower case.
//! Times of day are not dates.

use super::numbers::{number_at, APPROXIMATORS};
use super::tokens::{at, TokKind, Token};
use crate::date::{find_dates, month_number, WEEKDAYS};

const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];
/// Duration units, singular.
const UNITS: &[&str] = &[
    "minute", "hour", "day", "night", "week", "weekend", "month", "season", "year", "decade",
    "century",
];
/// Modifiers of a relative date: "last week", "this weekend", "the coming days".
const RELATIVE: &[&str] = &[
    "this",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "following",
    "recent",
    "current",
];
/// Adjectives between a number and its unit ("two full days").
const DURATION_ADJECTIVES: &[&str] = &[
    "full",
    "long",
    "whole",
    "straight",
    "consecutive",
    "entire",
    "short",
    "more",
    "further",
    "additional",
    "successive",
];
/// Prepositions after which "the years" / "the weekend" is a period ("over the years").
const PERIOD_PREPS: &[&str] = &[
    "over",
    "in",
    "during",
    "for",
    "within",
    "across",
    "throughout",
    "through",
    "since",
    "into",
];
/// Feasts and seasons of the calendar that date what happens at them ("stranded at Christmas").
const HOLIDAYS: &[&str] = &[
    "christmas",
    "easter",
    "ramadan",
    "thanksgiving",
    "diwali",
    "hanukkah",
    "passover",
    "nowruz",
    "eid",
    "lent",
    "advent",
];
/// Words before a bare "May" or "March" that make it the month.
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "last", "next", "early", "late", "mid",
    "this", "through", "before", "after", "during", "on",
];

/// A DATE found in the tokens.
pub struct DateMatch {
    pub a: usize,
    pub b: usize,
    pub canonical: String,
}

fn unit_of(word: &str) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    let w = super::words::ascii_lower(word, &mut buf)?;
    let singular = match w {
        "centuries" => "century",
        s => s.strip_suffix('s').unwrap_or(s),
    };
    UNITS.iter().copied().find(|u| *u == singular)
}

fn is_plural_unit(word: &str) -> bool {
    unit_of(word).is_some() && (word.ends_with('s') || word.ends_with('S'))
}

fn day_of_month(t: &Token) -> Option<u32> {
    if t.kind != TokKind::Num {
        return None;
    }
    let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = t
        .text
        .get(digits.len()..)
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(t: &Token) -> Option<u32> {
    (t.kind == TokKind::Num && t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1800..=2099).contains(y))
}

/// Finds every DATE among the usable tokens, left to right, without overlaps.
pub fn find(text: &str, toks: &[Token], usable: &dyn Fn(usize) -> bool) -> Vec<DateMatch> {
    let mut out = Vec::new();
    // Absolute dates first, from the shared grammar; keep those that sit on token boundaries.
    let mut taken = vec![false; toks.len()];
    for m in absolute_dates(text, toks) {
        let a = toks.partition_point(|t| t.start < m.start);
        let b = toks.partition_point(|t| t.start < m.end);
        if a < b
            && at(toks, a).start == m.start
            && at(toks, b - 1).end == m.end
            && at(toks, a).block == at(toks, b - 1).block
            && (a..b).all(usable)
        {
            if let Some(x) = taken.get_mut(a..b) {
                x.iter_mut().for_each(|x| *x = true);
            }
            out.push(DateMatch {
                a,
                b,
                canonical: m.date.to_string(),
            });
        }
    }
    let free = |k: usize| usable(k) && taken.get(k) == Some(&false);
    let mut i = 0;
    while i < toks.len() {
        match date_here(text, toks, i, &free) {
            Some(m) => {
                i = m.b;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|m| m.a);
    out
}

/// `find_dates` on the stretches of text around four-digit numbers: every absolute date it
/// knows has a year, and scanning only there keeps it off most of the text.
fn absolute_dates(text: &str, toks: &[Token]) -> Vec<crate::date::DateMatch> {
    let mut out = Vec::new();
    let mut window: Option<(usize, usize)> = None;
    let flush = |w: (usize, usize), out: &mut Vec<crate::date::DateMatch>| {
        let (s, e) = (at(toks, w.0).start, at(toks, w.1).end);
        out.extend(
            find_dates(text.get(s..e).unwrap_or(""))
                .into_iter()
                .map(|mut m| {
                    m.start += s;
                    m.end += s;
                    m
                }),
        );
    };
    for (i, t) in toks.iter().enumerate() {
        let year = t.kind == TokKind::Num
            && t.text.len() == 4
            && t.text.bytes().all(|b| b.is_ascii_digit());
        if !year {
            continue;
        }
        // Weekday, month, day and punctuation before the year; month and day after it (ISO).
        let mut a = i.saturating_sub(10);
        while at(toks, a).block != t.block {
            a += 1;
        }
        let mut b = (i + 6).min(toks.len() - 1);
        while at(toks, b).block != t.block {
            b -= 1;
        }
        window = match window {
            Some((wa, wb)) if a <= wb + 1 && at(toks, wb).block == t.block => Some((wa, b.max(wb))),
            Some(w) => {
                flush(w, &mut out);
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    if let Some(w) = window {
        flush(w, &mut out);
    }
    out
}

fn lower_text(text: &str, toks: &[Token], a: usize, b: usize) -> String {
    let end = b.checked_sub(1).map_or(0, |l| at(toks, l).end);
    crate::text::normalize_space(text.get(at(toks, a).start..end).unwrap_or("")).to_lowercase()
}

fn date_here(
    text: &str,
    toks: &[Token],
    i: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<DateMatch> {
    let t = toks.get(i)?;
    if !usable(i) {
        return None;
    }
    // Token k, if usable and in the same block; `spaced` when whitespace must precede it.
    let tok = |k: usize| toks.get(k).filter(|n| n.block == t.block && usable(k));
    let spaced = |k: usize| tok(k).filter(|n| n.space_before);
    let glued = |k: usize| tok(k).filter(|n| !n.space_before);
    let prev = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|p| p.block == t.block);
    let done = |a: usize, b: usize, canonical: Option<String>| {
        Some(DateMatch {
            a,
            b,
            canonical: canonical.unwrap_or_else(|| lower_text(text, toks, a, b)),
        })
    };

    if t.kind == TokKind::Word {
        // "late June", "early September", "mid-August": a part of a month.
        if t.in_ci(&["early", "mid", "late"]) {
            let m = if glued(i + 1).is_some_and(|h| h.text == "-") {
                i + 2
            } else {
                i + 1
            };
            let month = tok(m).filter(|w| {
                (m == i + 2 || w.space_before)
                    && w.is_capitalised()
                    && w.text.len() > 3
                    && month_number(w.text).is_some()
                    && !spaced(m + 1).is_some_and(|d| d.kind == TokKind::Num)
            });
            if month.is_some() {
                return done(i, m + 1, None);
            }
            // "mid-2023", "late-2024": a part of a year, written glued.
            if m == i + 2 && glued(m).and_then(year_of).is_some() {
                return done(i, m + 1, None);
            }
        }
        // "Christmas", "Ramadan": days and seasons of the calendar's feasts (not "Christmas
        // Island" or "Easter Island": a capitalised word after them makes a name).
        if t.is_capitalised()
            && t.in_ci(HOLIDAYS)
            && !spaced(i + 1).is_some_and(|n| n.is_capitalised())
        {
            return done(i, i + 1, None);
        }
        // "the second quarter", "the fourth quarter of 2024": a quarter of the (fiscal) year.
        if t.is_ci("the")
            && spaced(i + 1)
                .is_some_and(|o| o.in_ci(&["first", "second", "third", "fourth", "final", "last"]))
            && spaced(i + 2).is_some_and(|q| q.is_ci("quarter"))
        {
            if spaced(i + 3).is_some_and(|o| o.is("of"))
                && spaced(i + 4).and_then(year_of).is_some()
            {
                return done(i, i + 5, None);
            }
            return done(i, i + 3, None);
        }
        // "the 12th century", "the early 20th century".
        if t.is_ci("the") {
            let mut k = i + 1;
            if spaced(k).is_some_and(|m| m.in_ci(&["early", "mid", "late"])) {
                k += 1;
            }
            let ordinal = spaced(k).is_some_and(|n| {
                n.kind == TokKind::Num
                    && ["st", "nd", "rd", "th"].iter().any(|s| n.text.ends_with(s))
                    && n.text.len() <= 4
            });
            if ordinal && spaced(k + 1).is_some_and(|c| c.is_ci("century")) {
                return done(i, k + 2, None);
            }
        }
        // Month forms: "September 19-20", "September 20", "February 2023", "in February".
        if let Some(month) = t.is_capitalised().then(|| month_number(t.text)).flatten() {
            let full = t.text.len() > 4 || t.is_ci("may") || t.is_ci("june") || t.is_ci("july");
            let mut k = i + 1;
            if !full && glued(k).is_some_and(|d| d.text == ".") {
                k += 1;
            }
            if let Some(_day) = spaced(k).and_then(day_of_month) {
                let mut end = k + 1;
                // "19-20"
                if glued(end).is_some_and(|h| h.text == "-" || h.text == "–")
                    && glued(end + 1).and_then(day_of_month).is_some()
                {
                    end += 2;
                }
                if tok(end).is_some_and(|c| c.text == ",")
                    && spaced(end + 1).and_then(year_of).is_some()
                {
                    end += 2;
                }
                return done(i, end, None);
            }
            if let Some(y) = spaced(k).and_then(year_of) {
                return done(i, k + 1, Some(format!("{y:04}-{month:02}")));
            }
            let ambiguous = t.is_ci("may") || t.is_ci("march");
            // "between November and March", "from January to May".
            let after_month = prev.is_some_and(|p| p.in_ci(&["and", "to", "or", "until"]))
                && i >= 2
                && toks.get(i - 2).is_some_and(|m| {
                    m.is_capitalised() && m.text.len() > 3 && month_number(m.text).is_some()
                });
            if full && (!ambiguous || after_month || prev.is_some_and(|p| p.in_ci(MONTH_CUES))) {
                return done(i, i + 1, None);
            }
        }
        // Weekdays, with "last", "next", "this" in front when there.
        if t.is_capitalised() && t.in_ci(&WEEKDAYS) {
            return done(i, i + 1, None);
        }
        if t.in_ci(&["today", "yesterday", "tomorrow"]) {
            return done(i, i + 1, None);
        }
        // "the early 1990s", "the 1990s", "the mid-1990s".
        if t.is_ci("the") {
            let mut k = i + 1;
            if spaced(k).is_some_and(|m| m.in_ci(&["early", "mid", "late"])) {
                k += 1;
                if glued(k).is_some_and(|h| h.text == "-") {
                    k += 1;
                }
            }
            if tok(k).is_some_and(|d| is_decade(d.text)) && k > i {
                return done(i, k + 1, None);
            }
        }
        // Relative: "this weekend", "last week", "recent weeks", "the past few days",
        // "the coming months", "last Friday".
        let (mut k, with_the) = if t.is_ci("the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        if tok(k).is_some_and(|m| m.in_ci(RELATIVE)) && (k == i || spaced(k).is_some()) {
            let modifier = at(toks, k).text.to_ascii_lowercase();
            k += 1;
            let mut counted = false;
            if spaced(k).is_some_and(|f| {
                f.in_ci(&[
                    "few", "several", "two", "three", "four", "five", "six", "seven", "eight",
                    "nine", "ten",
                ])
            }) {
                k += 1;
                counted = true;
            } else if let Some((e, _)) = spaced(k).and(number_at(toks, k, usable)) {
                // "the next 48 hours", "the past 12 months".
                k = e;
                counted = true;
            }
            if let Some(u) = spaced(k) {
                let plural = is_plural_unit(u.text);
                let singular = unit_of(u.text).is_some() && !plural;
                let named = u.in_ci(&WEEKDAYS)
                    || u.in_ci(SEASONS)
                    || (u.is_capitalised() && month_number(u.text).is_some() && u.text.len() > 3);
                let ok = match modifier.as_str() {
                    "recent" | "past" | "coming" | "previous" | "following" => {
                        plural || (with_the && singular)
                    }
                    "this" | "last" | "next" => {
                        ((singular || named) && !(with_the && named))
                            || (with_the && counted && plural)
                    }
                    "current" => singular,
                    _ => false,
                };
                if ok && !(with_the && modifier == "this") {
                    return done(i, k + 1, None);
                }
            }
        }
        // "the fall of 2020", "summer 2020", "over the summer".
        let season_at = if t.is_ci("the") { i + 1 } else { i };
        if let Some(s) =
            tok(season_at).filter(|s| s.in_ci(SEASONS) && (season_at == i || s.space_before))
        {
            let _ = s;
            let of_year = spaced(season_at + 1).is_some_and(|o| o.is("of"))
                && spaced(season_at + 2).and_then(year_of).is_some();
            if of_year {
                return done(i, season_at + 3, None);
            }
            if spaced(season_at + 1).and_then(year_of).is_some() {
                return done(i, season_at + 2, None);
            }
            let after_prep = prev.is_some_and(|p| p.in_ci(PERIOD_PREPS));
            if season_at == i + 1 && after_prep {
                return done(i, i + 2, None);
            }
        }
        // "the weekend"; "over the years" → "the years".
        if t.is_ci("the") {
            if let Some(u) = spaced(i + 1) {
                let after_prep = prev.is_some_and(|p| p.in_ci(PERIOD_PREPS));
                let compound =
                    spaced(i + 2).is_none() && glued(i + 2).is_some_and(|h| h.text == "-");
                if !compound
                    && (u.is_ci("weekend")
                        || (after_prep && is_plural_unit(u.text) && !u.is_ci("hours")))
                {
                    return done(i, i + 2, None);
                }
            }
        }
    }
    // Durations: [approximator] quantity unit(s) [ago]; duration adjectives "24-hour".
    let approx = t.kind == TokKind::Word && t.in_set(&APPROXIMATORS);
    let q = if approx { i + 1 } else { i };
    if approx && spaced(q).is_none() {
        return None;
    }
    // "over two years" is mostly "during two years" (the duration is "two years"); "for over 30
    // years", "just over a week" are "more than".
    if t.is_ci("over")
        && !prev.is_some_and(|p| p.in_ci(&["for", "after", "of", "just", "well"]))
        && !tok(q).is_some_and(|a| a.is_ci("a") || a.is_ci("an"))
    {
        return None;
    }
    let quantity_end = if tok(q).is_some_and(|w| w.in_ci(&["several", "many"])) {
        Some(q + 1)
    } else if tok(q).is_some_and(|w| w.is_ci("a")) && spaced(q + 1).is_some_and(|w| w.is_ci("few"))
    {
        Some(q + 2)
    } else {
        number_at(toks, q, usable).map(|(e, _)| e).filter(|&e| {
            // "a dozen" or "a hundred" is not "a year"; a bare "a" needs "ago" (below).
            !(e == q + 1 && at(toks, q).is_ci("a"))
        })
    };
    if let Some(mut e) = quantity_end {
        // Ranges: "two to three years", "5-10 years".
        if let Some(sep) = tok(e) {
            if (sep.is_ci("to") && sep.space_before)
                || ((sep.text == "-" || sep.text == "–") && !sep.space_before)
            {
                if let Some((e2, _)) = number_at(toks, e + 1, usable) {
                    if toks.get(e2).is_some_and(|u| unit_of(u.text).is_some()) {
                        e = e2;
                    }
                }
            }
        }
        // "24-hour", "two-day", "30-Year" (not "30-year-old": an age).
        if glued(e).is_some_and(|h| h.text == "-") {
            if let Some(u) =
                glued(e + 1).filter(|u| unit_of(u.text).is_some() && !is_plural_unit(u.text))
            {
                let _ = u;
                let mut end = e + 2;
                if glued(end).is_some_and(|h| h.text == "-")
                    && glued(end + 1).is_some_and(|w| w.is_ci("old"))
                {
                    return None;
                }
                if glued(end).is_some_and(|h| h.text == "-")
                    && glued(end + 1).is_some_and(|w| w.is_ci("long"))
                {
                    end += 2;
                }
                return done(i, end, None);
            }
        }
        // "two full days", "three long years".
        if spaced(e).is_some_and(|w| w.in_ci(DURATION_ADJECTIVES))
            && spaced(e + 1).is_some_and(|u| is_plural_unit(u.text))
        {
            e += 1;
        }
        if let Some(u) = spaced(e).filter(|u| unit_of(u.text).is_some()) {
            let plural = is_plural_unit(u.text);
            let one = at(toks, q).is_ci("one") || at(toks, q).is_ci("a") || at(toks, q).text == "1";
            if plural || one {
                let mut end = e + 1;
                if spaced(end).is_some_and(|w| w.in_ci(&["ago", "later", "earlier"])) {
                    end += 1;
                }
                return done(i, end, None);
            }
        }
    }
    // "over a week", "nearly a decade".
    if approx
        && tok(q).is_some_and(|w| w.is_ci("a") || w.is_ci("an"))
        && spaced(q + 1).is_some_and(|u| unit_of(u.text).is_some() && !is_plural_unit(u.text))
    {
        return done(i, q + 2, None);
    }
    // "a year ago", "a week ago"; "a week after", "more than a century".
    if (t.is_ci("a") || t.is_ci("an"))
        && spaced(i + 1).is_some_and(|u| unit_of(u.text).is_some() && !is_plural_unit(u.text))
    {
        if spaced(i + 2).is_some_and(|w| w.is_ci("ago")) {
            return done(i, i + 3, None);
        }
        let framed = spaced(i + 2)
            .is_some_and(|w| w.in_ci(&["after", "before", "later", "earlier"]))
            || prev.is_some_and(|p| p.in_ci(&["than", "within", "for", "in", "after"]));
        if framed {
            return done(i, i + 2, None);
        }
    }
    // "decades-long", "years-long", "month-long".
    if t.kind == TokKind::Word
        && unit_of(t.text).is_some()
        && glued(i + 1).is_some_and(|h| h.text == "-")
        && glued(i + 2).is_some_and(|w| w.is_ci("long"))
    {
        return done(i, i + 3, None);
    }
    // "23 April", "19-20 September" (with a year, `find_dates` took it already).
    if day_of_month(t).is_some() {
        let mut k = i + 1;
        if glued(k).is_some_and(|h| h.text == "-" || h.text == "–")
            && glued(k + 1).and_then(day_of_month).is_some()
        {
            k += 2;
        }
        if spaced(k).is_some_and(|m| {
            m.is_capitalised() && m.text.len() > 3 && month_number(m.text).is_some()
        }) {
            return done(i, k + 1, None);
        }
    }
    // Years and year ranges: "1994", "in 2020", "2020-2023".
    if let Some(y) = year_of(t) {
        let currency = prev.is_some_and(|p| matches!(p.text, "$" | "€" | "£") && !t.space_before);
        // "2,000 tonnes" is a quantity, but "the 2022 floods" a year.
        let the = prev.is_some_and(|p| p.is_ci("the"));
        let quantity = !the
            && spaced(i + 1).is_some_and(|n| {
                n.is_lowercase()
                    && (n.text.ends_with('s')
                        && !n.in_ci(&["was", "is", "has", "as", "its", "this", "his", "us"]))
            });
        if currency || quantity {
            return None;
        }
        if glued(i + 1).is_some_and(|h| h.text == "-" || h.text == "–") {
            if let Some(n) = glued(i + 2)
                .filter(|n| n.kind == TokKind::Num && (n.text.len() == 2 || year_of(n).is_some()))
            {
                let _ = n;
                return done(i, i + 3, None);
            }
        }
        return done(i, i + 1, Some(format!("{y:04}")));
    }
    if t.kind == TokKind::Num && is_decade(t.text) {
        return done(i, i + 1, None);
    }
    None
}

/// "1990s", "1800s".
fn is_decade(s: &str) -> bool {
    matches!(s.as_bytes(), [a, b, c, b'0', b's'] if [a, b, c].iter().all(|d| d.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokens::tokenize;

    fn check(text: &str, expected: &[&str]) {
        let toks = tokenize(text);
        let got: Vec<String> = find(text, &toks, &|_| true)
            .iter()
            .map(|m| {
                format!(
                    "{}={}",
                    text.get(toks[m.a].start..toks[m.b - 1].end).unwrap(),
                    m.canonical
                )
            })
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn absolute_and_partial_dates() {
        check(
            "By Ilham Karimli October 2, 2023",
            &["October 2, 2023=2023-10-02"],
        );
        check(" date 2023-11-08 The", &["2023-11-08=2023-11-08"]);
        check(
            "from September 19-20 and on September 28.",
            &[
                "September 19-20=september 19-20",
                "September 28=september 28",
            ],
        );
        check(
            "in February and in February 2023",
            &["February=february", "February 2023=2023-02"],
        );
        check("You may go. We march. In May they left.", &["May=may"]);
        check(
            "since 1994, in 2020, the early 1990s",
            &["1994=1994", "2020=2020", "the early 1990s=the early 1990s"],
        );
        check(
            "Last update: April 28, 2024 00:13",
            &["April 28, 2024=2024-04-28"],
        );
    }

    #[test]
    fn relative_dates_and_durations() {
        check(
            "on Friday, this weekend, over the weekend, in recent weeks, Last week",
            &[
                "Friday=friday",
                "this weekend=this weekend",
                "the weekend=the weekend",
                "recent weeks=recent weeks",
                "Last week=last week",
            ],
        );
        check(
            "Over the years, in the past few days",
            &["the years=the years", "the past few days=the past few days"],
        );
        check(
            "in approximately 30 years, about 30 years, for over 30 years, 30 years ago",
            &[
                "approximately 30 years=approximately 30 years",
                "about 30 years=about 30 years",
                "over 30 years=over 30 years",
                "30 years ago=30 years ago",
            ],
        );
        check("a 24-hour operation, a two-day offensive, a six-week war, After 30-Year Break, the decades-long conflict",
            &["24-hour=24-hour", "two-day=two-day", "six-week=six-week", "30-Year=30-year", "decades-long=decades-long"]);
    }

    #[test]
    fn more_periods() {
        check(
            "over the next 48 hours, in the past 12 months, mid-2023 and late-2024",
            &[
                "the next 48 hours=the next 48 hours",
                "the past 12 months=the past 12 months",
                "mid-2023=mid-2023",
                "late-2024=late-2024",
            ],
        );
        check(
            "a rise over three years; for over 30 years; within a week",
            &[
                "three years=three years",
                "over 30 years=over 30 years",
                "a week=a week",
            ],
        );
        check(
            "between November and March, stranded at Christmas, on Christmas Island",
            &["November=november", "March=march", "Christmas=christmas"],
        );
        check(
            "in the second quarter, the fourth quarter of 2024, in the 12th century",
            &[
                "the second quarter=the second quarter",
                "the fourth quarter of 2024=the fourth quarter of 2024",
                "the 12th century=the 12th century",
            ],
        );
    }

    #[test]
    fn not_dates() {
        check(
            "at the time, the first time, 2,000 peacekeepers, a 30-year-old man, the years",
            &[],
        );
        check(
            "in the decades-long conflict",
            &["decades-long=decades-long"],
        );
        check("2000 tonnes and 00:13 and 3 people", &[]);
    }
}
