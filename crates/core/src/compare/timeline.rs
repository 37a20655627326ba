//! Dates: when each article says its events happened, and articles that look re-published.
//!
//! Found in the article's content (not its byline or dateline): absolute dates (`date.rs`),
//! month and day without a year ("September 19-20": the year is the publication's), a month
//! ("in February"), years and decades ("in 2020", "the early 1990s"), and expressions relative
//! to the publication day ("on Friday", "this weekend", "last week", "yesterday", "30 years
//! ago"), resolved against the published date: a weekday is the latest such day on or before
//! publication, or the next one after it when the sentence speaks of the future ("will",
//! "set to"); "this weekend" is the coming Saturday and Sunday.
//!
//! A re-published article keeps its old words under a new date, so its relative dates move with
//! the new date while the events stay put. Two signals, each compared with the dates *other*
//! articles give for the same event (same event: the sentences share an event topic of the
//! framing lexicon, or enough weighted content words):
//! - relative date: the article's "this weekend" resolves weeks away from the date an earlier
//!   published article (or an absolute date) gives the same event;
//! - stale lead: the headline or first paragraph reports, with no date of its own, an event other
//!   articles date weeks before this article's publication.
//!
//! Either makes the article a possible re-publication, with the evidence shown.

use super::framing::FrameHit;
use super::prepare::{floor_boundary, sentence_text, Prepared};
use super::similarity::{Bag, Weights};
use super::work;
use crate::date::{find_dates, month_number, Date, WEEKDAYS};
use crate::model::BlockKind;
use crate::sort::{stable_sort_by, stable_sort_by_key};
use serde::{Deserialize, Serialize};

/// Gap beyond which two dates of one event are not the same news cycle.
pub const MAX_GAP_DAYS: i64 = 14;
/// Sentences of the first body paragraph that make the lead, with the headline.
const LEAD_SENTENCES: usize = 3;
const MAX_LEAD: usize = 8;
/// The re-publication check compares at most this many dated expressions of each article with
/// the others' (real articles have tens; a generated or damaged one may have thousands, and
/// every pair is compared). `Timeline::note` says when an article had more.
pub const MAX_COMPARED_DATES: usize = 200;
/// Weighted overlap above which two dated sentences report the same event.
const SAME_EVENT: f64 = 0.3;

/// How precisely a date expression pins down a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    /// A few days: "September 19-20", "this weekend".
    Days,
    Week,
    Month,
    Year,
    Decade,
}

/// Where a resolved date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The text gives it in full ("October 1, 2023", "in 2020").
    Absolute,
    /// Computed from the published date ("this weekend", "September 20").
    Published,
    /// Needs a published date the article does not have.
    Unresolved,
}

/// A date expression in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// First and last day meant, when known.
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub precision: Precision,
    pub basis: Basis,
    /// Depends on the publication day (a weekday, "this weekend", "last week", "ago"), so it
    /// moves when an old text is re-published under a new date.
    pub relative: bool,
    /// The sentence the date is in.
    pub sentence: String,
}

/// Why an article looks re-published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// `relative_date` or `stale_lead`.
    pub kind: String,
    /// A sentence saying what was found.
    pub message: String,
    /// The article's sentence (and date expression, for `relative_date`).
    pub sentence: String,
    pub date_text: Option<String>,
    pub resolved: Option<Date>,
    /// The other article and what it says.
    pub other_doc: String,
    pub other_sentence: String,
    pub other_date_text: String,
    pub other_date: Date,
    /// The other article's date is absolute (it names the year).
    pub other_absolute: bool,
    pub gap_days: i64,
}

/// One article's dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub doc: String,
    pub published: Option<Date>,
    pub events: Vec<EventDate>,
    /// A possible re-publication (see `evidence`).
    pub republished: bool,
    pub evidence: Vec<Evidence>,
    /// Set when the article had too many dates to compare them all (see `MAX_COMPARED_DATES`).
    pub note: Option<String>,
}

// ----- finding date expressions -----

/// A date expression before resolution.
struct Raw {
    start: usize,
    end: usize,
    kind: RawKind,
}

enum RawKind {
    Absolute(Date),
    MonthDay {
        month: u32,
        day: u32,
        day2: Option<u32>,
    },
    Month(u32),
    Year(u32),
    Decade(u32),
    /// Day of the week (Monday = 0) and direction: -1 "last", 1 "next", 0 by tense.
    Weekday(i64, i8),
    Weekend {
        modifier: &'static str,
    },
    Week(i64),
    Day(i64),
    Ago {
        n: i64,
        unit: &'static str,
    },
    MonthRel(i64),
    YearRel(i64),
}

fn number_word(w: &str) -> Option<i64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as i64 + 1);
    }
    match w {
        "twenty" => Some(20),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "a" | "an" => Some(1),
        _ => w.parse().ok(),
    }
}

fn day_of(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = w.get(digits.len()..).unwrap_or("");
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(w: &str, surface: &str) -> Option<u32> {
    (w.len() == 4 && surface.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2199).contains(y))
}

/// Prepositions after which a bare year or month is a date ("in 2020", "since February").
const DATE_PREPS: &[&str] = &[
    "in", "since", "from", "until", "till", "by", "before", "after", "during", "of", "early",
    "late", "mid", "between", "and", "to", "through", "last", "next", "this",
];

/// Date expressions of one document's content, in text order and not overlapping.
fn find_raw(text: &str, prep: &Prepared) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    for para in &prep.paras {
        for m in find_dates(text.get(para.start..para.end).unwrap_or("")) {
            out.push(Raw {
                start: para.start + m.start,
                end: para.start + m.end,
                kind: RawKind::Absolute(m.date),
            });
        }
    }
    // Absolute dates are in text order and do not overlap: the last one starting before the
    // token is the only one that can cover it. Relative ones are found in token order.
    let taken = |out: &[Raw], s: usize, e: usize| {
        let k = out.partition_point(|r| r.start < e);
        k.checked_sub(1)
            .and_then(|k| out.get(k))
            .is_some_and(|r| s < r.end)
    };
    let toks = &prep.tokens;
    let mut found: Vec<Raw> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        work::step(1);
        if taken(&out, t.start, t.end) || found.last().is_some_and(|r| t.start < r.end) {
            continue;
        }
        let same_sentence = |k: usize| toks.get(k).filter(|x| x.sentence == t.sentence);
        let w = |k: usize| same_sentence(k).map_or("", |x| x.word.as_str());
        let surface = |k: usize| {
            same_sentence(k)
                .and_then(|x| text.get(x.start..x.end))
                .unwrap_or("")
        };
        let gap = |k: usize| match (same_sentence(k), same_sentence(k + 1)) {
            (Some(a), Some(b)) => text.get(a.end..b.start).unwrap_or(""),
            _ => "",
        };
        let prev = if i > 0 { w(i - 1) } else { "" };
        // Where token k starts (an earlier token of the phrase: in range whenever `prev` or
        // the word before it matched).
        let start_of = |k: usize| toks.get(k).map_or(t.start, |x| x.start);
        let capital = surface(i).starts_with(|c: char| c.is_uppercase());
        let mut push = |end_tok: usize, start: usize, kind: RawKind| {
            found.push(Raw {
                start,
                end: toks.get(end_tok).map_or(start, |x| x.end),
                kind,
            });
        };
        // Month and day(s), or a month alone.
        if let Some(month) = month_number(&t.word).filter(|_| capital) {
            if let Some(day) = day_of(w(i + 1)).filter(|_| matches!(gap(i).trim(), "" | ".")) {
                let day2 = day_of(w(i + 2)).filter(|_| matches!(gap(i + 1), "-" | "–"));
                let end = if day2.is_some() { i + 2 } else { i + 1 };
                push(end, t.start, RawKind::MonthDay { month, day, day2 });
                continue;
            }
            if DATE_PREPS.contains(&prev) && t.word != "may" || (t.word == "may" && prev == "in") {
                if let Some(y) = year_of(w(i + 1), surface(i + 1)) {
                    push(i + 1, t.start, RawKind::Month(month + 100 * y));
                } else {
                    push(i, t.start, RawKind::Month(month));
                }
                continue;
            }
        }
        // Day and month ("20 September").
        if let (Some(day), Some(month)) = (day_of(&t.word), month_number(w(i + 1))) {
            if surface(i + 1).starts_with(|c: char| c.is_uppercase()) && gap(i) == " " {
                push(
                    i + 1,
                    t.start,
                    RawKind::MonthDay {
                        month,
                        day,
                        day2: None,
                    },
                );
                continue;
            }
        }
        // Years and decades.
        if let Some(y) = year_of(&t.word, surface(i)) {
            if DATE_PREPS.contains(&prev) {
                push(i, t.start, RawKind::Year(y));
                continue;
            }
        }
        if t.word.len() == 5 && t.word.ends_with('s') {
            if let Some(y) = year_of(
                t.word.get(..4).unwrap_or(""),
                surface(i).get(..4).unwrap_or(""),
            ) {
                let start = if matches!(prev, "early" | "mid" | "late") && i > 0 {
                    start_of(i - 1)
                } else {
                    t.start
                };
                push(i, start, RawKind::Decade(y));
                continue;
            }
        }
        // Weekdays.
        if let Some(wd) = WEEKDAYS
            .iter()
            .position(|d| *d == t.word)
            .filter(|_| capital)
        {
            let (start, dir) = match prev {
                "last" => (start_of(i - 1), -1),
                "next" => (start_of(i - 1), 1),
                _ => (t.start, 0),
            };
            push(i, start, RawKind::Weekday(wd as i64, dir));
            continue;
        }
        match t.word.as_str() {
            "weekend" => {
                let modifier = match prev {
                    "this" => "this",
                    "last" | "past" => "last",
                    "next" | "coming" => "next",
                    "the" => "the",
                    _ => continue,
                };
                push(i, start_of(i - 1), RawKind::Weekend { modifier });
            }
            "week" | "month" | "year" => {
                let shift = match prev {
                    "last" | "past" | "previous" => -1,
                    "this" => 0,
                    "next" | "coming" => 1,
                    _ => continue,
                };
                // "last year" etc.; "earlier this week" reads as this week.
                let kind = match t.word.as_str() {
                    "week" => RawKind::Week(shift),
                    "month" => RawKind::MonthRel(shift),
                    _ => RawKind::YearRel(shift),
                };
                push(i, start_of(i - 1), kind);
            }
            "yesterday" => push(i, t.start, RawKind::Day(-1)),
            "today" => push(i, t.start, RawKind::Day(0)),
            "tomorrow" => push(i, t.start, RawKind::Day(1)),
            "ago" => {
                // "30 years ago", "two weeks ago".
                let unit = match prev {
                    "day" | "days" => "day",
                    "week" | "weeks" => "week",
                    "month" | "months" => "month",
                    "year" | "years" => "year",
                    _ => continue,
                };
                let Some(n) = i.checked_sub(2).and_then(|k| number_word(w(k))) else {
                    continue;
                };
                push(i, start_of(i - 2), RawKind::Ago { n, unit });
            }
            _ => {}
        }
    }
    out.extend(found);
    stable_sort_by_key(&mut out, |r| (r.start, r.end));
    out
}

/// Does the sentence speak of the future before `at`?
fn future(prep: &Prepared, sentence: usize, at: usize) -> bool {
    let toks = prep.sentence_tokens(sentence);
    toks.iter()
        .take_while(|t| t.start < at)
        .enumerate()
        .any(|(k, t)| {
            matches!(
                t.word.as_str(),
                "will" | "would" | "scheduled" | "planned" | "plans" | "expected" | "upcoming"
            ) || (t.word == "set" && toks.get(k + 1).is_some_and(|n| n.word == "to"))
                || (t.word == "to"
                    && toks.get(k + 1).is_some_and(|n| n.word == "take")
                    && toks.get(k + 2).is_some_and(|n| n.word == "place"))
        })
}

fn resolve(
    raw: &Raw,
    published: Option<Date>,
    future: bool,
) -> (Option<(Date, Date)>, Precision, Basis, bool) {
    use RawKind::*;
    let absolute = |r: Option<(Date, Date)>, p| (r, p, Basis::Absolute, false);
    match raw.kind {
        Absolute(d) => return absolute(Some((d, d)), Precision::Day),
        Year(y) => return absolute(Date::year_span(y.into()), Precision::Year),
        Decade(y) => {
            let y0 = i64::from(y - y % 10);
            let span = Date::year_span(y0)
                .zip(Date::year_span(y0 + 9))
                .map(|((from, _), (_, to))| (from, to));
            return absolute(span, Precision::Decade);
        }
        Month(m) if m > 100 => {
            return absolute(
                Date::month_span((m / 100).into(), m % 100),
                Precision::Month,
            );
        }
        _ => {}
    }
    let relative = !matches!(raw.kind, MonthDay { .. } | Month(_));
    let precision = match raw.kind {
        MonthDay { day2: None, .. } | Weekday(..) | Day(_) => Precision::Day,
        MonthDay { .. } | Weekend { .. } => Precision::Days,
        Week(_) => Precision::Week,
        Month(_) | MonthRel(_) => Precision::Month,
        Ago { unit, .. } => match unit {
            "day" => Precision::Day,
            "week" => Precision::Week,
            "month" => Precision::Month,
            _ => Precision::Year,
        },
        _ => Precision::Year,
    };
    let Some(p) = published else {
        return (None, precision, Basis::Unresolved, relative);
    };
    let py = i64::from(p.year);
    let day_span = |d: Option<Date>| d.map(|d| (d, d));
    let range = match raw.kind {
        MonthDay { month, day, day2 } => {
            // The year that puts the date nearest the publication.
            (py - 1..=py + 1)
                .filter_map(|y| {
                    let y = u32::try_from(y).ok()?;
                    let a = Date::new(y, month, day)?;
                    let b = Date::new(y, month, day2.unwrap_or(day))?;
                    Some((a, b))
                })
                .min_by_key(|(a, _)| (a.day_number() - p.day_number()).abs())
        }
        Month(m) => {
            let y = if future {
                if m >= u32::from(p.month) {
                    py
                } else {
                    py + 1
                }
            } else if m <= u32::from(p.month) {
                py
            } else {
                py - 1
            };
            Date::month_span(y, m)
        }
        Weekday(wd, dir) => {
            let pw = i64::from(p.weekday());
            let d = if dir > 0 || (dir == 0 && future) {
                let ahead = (wd - pw).rem_euclid(7);
                p.add_days(if ahead == 0 { 7 } else { ahead })
            } else {
                p.add_days(-(pw - wd).rem_euclid(7))
            };
            day_span(d)
        }
        Weekend { modifier } => {
            let pw = i64::from(p.weekday());
            let coming_sat = match pw {
                5 => Some(p),
                6 => p.add_days(-1),
                _ => p.add_days(5 - pw),
            };
            let sat = match modifier {
                "this" => coming_sat,
                "next" => coming_sat,
                "last" => p.add_days(-(pw + 2)),
                _ if future => coming_sat,
                _ if pw >= 5 => coming_sat,
                _ => p.add_days(-(pw + 2)),
            };
            sat.and_then(|sat| Some((sat, sat.add_days(1)?)))
        }
        Week(shift) => {
            let monday = shift
                .checked_mul(7)
                .and_then(|days| p.add_days(days - i64::from(p.weekday())));
            monday.and_then(|m| Some((m, m.add_days(6)?)))
        }
        Day(shift) => day_span(p.add_days(shift)),
        MonthRel(shift) => {
            Date::shift_month(py, p.month.into(), shift).and_then(|(y, m)| Date::month_span(y, m))
        }
        YearRel(shift) => py.checked_add(shift).and_then(Date::year_span),
        Ago { n, unit } => match unit {
            "day" => day_span(n.checked_neg().and_then(|n| p.add_days(n))),
            "week" => day_span(n.checked_mul(-7).and_then(|n| p.add_days(n))),
            "month" => n
                .checked_neg()
                .and_then(|n| Date::shift_month(py, p.month.into(), n))
                .and_then(|(y, m)| Date::month_span(y, m)),
            _ => py.checked_sub(n).and_then(Date::year_span),
        },
        _ => None,
    };
    (range, precision, Basis::Published, relative)
}

/// One document's dates, with the sentence each is in.
pub(crate) struct DocDates {
    pub events: Vec<EventDate>,
    /// Sentence index of each event.
    pub sentences: Vec<usize>,
}

pub(crate) fn find(text: &str, prep: &Prepared, published: Option<Date>) -> DocDates {
    let mut events = Vec::new();
    let mut sentences = Vec::new();
    for r in find_raw(text, prep) {
        let Some(s) = prep
            .sentences
            .partition_point(|s| s.start <= r.start)
            .checked_sub(1)
            .filter(|&s| prep.sentences.get(s).is_some_and(|x| r.end <= x.end))
        else {
            continue;
        };
        let fut = future(prep, s, r.start);
        let (range, precision, basis, relative) = resolve(&r, published, fut);
        let Some(sent) = prep.sentences.get(s) else {
            continue;
        };
        events.push(EventDate {
            text: text.get(r.start..r.end).unwrap_or("").to_string(),
            start: r.start,
            end: r.end,
            from: range.map(|x| x.0),
            to: range.map(|x| x.1),
            precision,
            basis,
            relative,
            sentence: sentence_text(text, sent, (r.start, r.end)),
        });
        sentences.push(s);
    }
    DocDates { events, sentences }
}

/// Spans of date expressions (numbers inside them are not quantities).
pub(crate) fn spans(dates: &DocDates) -> Vec<(usize, usize)> {
    dates.events.iter().map(|e| (e.start, e.end)).collect()
}

/// How many months before publication a date must end to date another time's event.
const ERA_MONTHS: i64 = 6;

/// Sentences that date what they say to a time well before publication ("since 1978, when 17
/// people drowned"), with the year they date it to: their numbers count that time's events.
pub(crate) fn eras(dates: &DocDates, published: Option<Date>) -> Vec<(usize, i32)> {
    let Some(p) = published else {
        return Vec::new();
    };
    let months = |d: Date| i64::from(d.year) * 12 + i64::from(d.month);
    dates
        .events
        .iter()
        .zip(&dates.sentences)
        .filter_map(|(e, &s)| {
            let (from, to) = (e.from?, e.to?);
            (months(p) - months(to) > ERA_MONTHS).then_some((s, i32::from(from.year)))
        })
        .collect()
}

/// "2023-10-01", or "2023-09-19 to 2023-09-20" for a range.
fn show(e: &EventDate) -> String {
    match (e.from, e.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => String::new(),
    }
}

fn mid(e: &EventDate) -> Option<i64> {
    Some((e.from?.day_number() + e.to?.day_number()) / 2)
}

/// What the timeline analysis needs of every document.
pub(crate) struct Input<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub published: Option<Date>,
    pub prep: &'a Prepared,
    pub dates: &'a DocDates,
    pub frames: &'a [FrameHit],
}

/// A sentence of a document, and the date expression in it (if the sentence is dated).
type Place = (usize, usize, Option<(usize, usize)>);

/// The part of a sentence a date applies to: its comma-delimited clause, or the whole sentence
/// when the date leads it ("On Wednesday, Azerbaijan declared …").
/// A clause is looked for at most this far either side of its date (in bytes), so a sentence
/// of megabytes costs no more.
const SCOPE_BYTES: usize = 400;

fn date_scope(text: &str, (ss, se): (usize, usize), (ds, de): (usize, usize)) -> (usize, usize) {
    let is_boundary = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–');
    let ss = floor_boundary(text, ss.max(ds.saturating_sub(SCOPE_BYTES)));
    let se = floor_boundary(text, se.min(de.saturating_add(SCOPE_BYTES)));
    let before = text.get(ss..ds).unwrap_or("");
    let after = text.get(de..se).unwrap_or("");
    let cs = before.rfind(is_boundary).map_or(ss, |i| ss + i + 1);
    let ce = after.find(is_boundary).map_or(se, |i| de + i);
    let leading = cs == ss && crate::text::word_count(before) <= 1;
    if leading {
        (ss, se)
    } else {
        (cs, ce)
    }
}

/// Do two places report the same event? They share an event topic of the framing lexicon (for
/// a dated sentence, in the words the date applies to), or enough weighted content words.
fn same_event(
    inputs: &[Input],
    bags: &[Vec<Bag>],
    event_topics: &[&str],
    a: Place,
    b: Place,
) -> bool {
    let topics = |(d, s, date): Place| -> Vec<&str> {
        let Some((inp, sent)) = inputs
            .get(d)
            .and_then(|inp| Some((inp, inp.prep.sentences.get(s)?)))
        else {
            return Vec::new();
        };
        let (from, to) = match date {
            Some(span) => date_scope(inp.text, (sent.start, sent.end), span),
            None => (sent.start, sent.end),
        };
        let frames = inp.frames;
        let first = frames.partition_point(|h| h.start < from);
        frames
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|h| h.start < to)
            .filter(|h| h.end <= to)
            .map(|h| h.topic.as_str())
            .filter(|t| event_topics.contains(t))
            .collect()
    };
    let ta = topics(a);
    if topics(b).iter().any(|t| ta.contains(t)) {
        return true;
    }
    let bag = |(d, s, _): Place| bags.get(d).and_then(|v| v.get(s));
    let (Some(ba), Some(bb)) = (bag(a), bag(b)) else {
        return false;
    };
    ba.common(bb).1 >= 3 && ba.overlap(bb) >= SAME_EVENT
}

/// Timelines of all documents, with re-publication evidence.
pub(crate) fn timelines(inputs: &[Input], w: &Weights, event_topics: &[&str]) -> Vec<Timeline> {
    // Content words of every sentence (numbers aside), computed once.
    let bags: Vec<Vec<Bag>> = inputs
        .iter()
        .map(|inp| {
            (0..inp.prep.sentences.len())
                .map(|s| w.bag(inp.prep.sentence_tokens(s).iter().filter(|t| !t.number)))
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for (d, inp) in inputs.iter().enumerate() {
        let mut evidence = Vec::new();
        if let Some(p) = inp.published {
            let pn = p.day_number();
            let first_body = inp
                .prep
                .paras
                .iter()
                .position(|x| x.kind == BlockKind::Body);
            // The lead: the headline and the first sentences of the first body paragraph.
            let mut in_first_body = 0;
            let lead: Vec<usize> = (0..inp.prep.sentences.len())
                .filter(|&s| {
                    let para = inp.prep.sentences.get(s).map_or(usize::MAX, |x| x.para);
                    let headline = inp
                        .prep
                        .paras
                        .get(para)
                        .is_some_and(|x| x.kind == BlockKind::Headline);
                    if Some(para) == first_body {
                        in_first_body += 1;
                        return in_first_body <= LEAD_SENTENCES;
                    }
                    headline
                })
                .take(MAX_LEAD)
                .collect();
            // Dated expressions compared (see MAX_COMPARED_DATES).
            let mine: Vec<(usize, &EventDate)> = inp
                .dates
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| e.relative)
                .take(MAX_COMPARED_DATES)
                .collect();
            for (o, other) in inputs.iter().enumerate() {
                if o == d {
                    continue;
                }
                for (k, e2) in other
                    .dates
                    .events
                    .iter()
                    .enumerate()
                    .take(MAX_COMPARED_DATES)
                {
                    let (Some(m2), Some(m2_date), Some(&s2)) =
                        (mid(e2), e2.from, other.dates.sentences.get(k))
                    else {
                        continue;
                    };
                    if e2.basis == Basis::Unresolved
                        || matches!(e2.precision, Precision::Year | Precision::Decade)
                    {
                        continue;
                    }
                    let other_earlier =
                        other.published.is_some_and(|op| op < p) || e2.basis == Basis::Absolute;
                    // Relative dates of this document that put the same event elsewhere.
                    for &(j, e) in &mine {
                        work::step(1);
                        let (Some(m), Some(&s)) = (mid(e), inp.dates.sentences.get(j)) else {
                            continue;
                        };
                        let gap = m - m2;
                        if e.relative
                            && other_earlier
                            && gap.abs() > MAX_GAP_DAYS
                            && same_event(
                                inputs,
                                &bags,
                                event_topics,
                                (d, s, Some((e.start, e.end))),
                                (o, s2, Some((e2.start, e2.end))),
                            )
                        {
                            evidence.push(Evidence {
                                kind: "relative_date".into(),
                                message: format!(
                                    "“{}” resolves to {} from the published date {}, but {} dates the same event {} (“{}”): {} days apart.",
                                    e.text,
                                    show(e),
                                    p,
                                    other.id,
                                    show(e2),
                                    e2.text,
                                    gap.abs()
                                ),
                                sentence: e.sentence.clone(),
                                date_text: Some(e.text.clone()),
                                resolved: e.from,
                                other_doc: other.id.to_string(),
                                other_sentence: e2.sentence.clone(),
                                other_date_text: e2.text.clone(),
                                other_date: m2_date,
                                other_absolute: e2.basis == Basis::Absolute,
                                gap_days: gap.abs(),
                            });
                        }
                    }
                    // Undated lead sentences about an event others date long before publication.
                    let gap = pn - m2;
                    if gap <= MAX_GAP_DAYS {
                        continue;
                    }
                    for &s in &lead {
                        work::step(1);
                        let dated = inp.dates.sentences.binary_search(&s).is_ok();
                        if !dated
                            && same_event(
                                inputs,
                                &bags,
                                event_topics,
                                (d, s, None),
                                (o, s2, Some((e2.start, e2.end))),
                            )
                        {
                            let Some(sent) = inp.prep.sentences.get(s) else {
                                continue;
                            };
                            let text = sentence_text(inp.text, sent, (sent.start, sent.start));
                            evidence.push(Evidence {
                                kind: "stale_lead".into(),
                                message: format!(
                                    "The lead reports as news an event that {} dates {} (“{}”), {} days before this article's date {}.",
                                    other.id,
                                    show(e2),
                                    e2.text,
                                    gap,
                                    p
                                ),
                                sentence: text,
                                date_text: None,
                                resolved: None,
                                other_doc: other.id.to_string(),
                                other_sentence: e2.sentence.clone(),
                                other_date_text: e2.text.clone(),
                                other_date: m2_date,
                                other_absolute: e2.basis == Basis::Absolute,
                                gap_days: gap,
                            });
                        }
                    }
                }
            }
        }
        // One piece of evidence per sentence, date expression and other article: the strongest
        // (an absolute date in the other article first, then the largest gap).
        stable_sort_by(&mut evidence, |a, b| {
            (a.kind.as_str(), &a.sentence, &a.date_text, &a.other_doc)
                .cmp(&(b.kind.as_str(), &b.sentence, &b.date_text, &b.other_doc))
                .then(b.other_absolute.cmp(&a.other_absolute))
                .then(b.gap_days.cmp(&a.gap_days))
                .then(a.other_sentence.cmp(&b.other_sentence))
        });
        evidence.dedup_by(|later, first| {
            (
                later.kind.as_str(),
                &later.sentence,
                &later.date_text,
                &later.other_doc,
            ) == (
                first.kind.as_str(),
                &first.sentence,
                &first.date_text,
                &first.other_doc,
            )
        });
        let dated = inp.dates.events.len();
        let note = (dated > MAX_COMPARED_DATES).then(|| {
            format!(
                "This article has {dated} date expressions; only the first {MAX_COMPARED_DATES} were compared with the other articles for re-publication."
            )
        });
        out.push(Timeline {
            doc: inp.id.to_string(),
            published: inp.published,
            events: inp.dates.events.clone(),
            republished: !evidence.is_empty(),
            evidence,
            note,
        });
    }
    out
}
