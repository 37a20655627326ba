//! Facts that disagree: numbers with what they count, grouped across articles.
//!
//! A quantity is a number (digits, spelled out, "a dozen", a range "10-20", or vague: "tens of
//! thousands") with its qualifier ("about", "more than", "at least") and what it counts: the
//! noun after it ("2,000 peacekeepers"), a unit and its object ("50 tonnes of food"), a duration
//! of the thing it modifies ("a 48-hour blockade"), or people counted in an event, named by the
//! words around the number (`counted.rs`: "15 dead", "the death toll has risen to 15", "1,200
//! residents were relocated"). Numbers inside dates are not quantities, and a number in a
//! sentence dated long before the article (the 1978 accident it recalls) counts that other
//! time's event.
//!
//! Each value is an interval, so qualifiers are honoured: "about 30" is 27–33, "more than 50"
//! is 50 and up, "tens of" is 10–99. Mentions count the same thing when they have the same key
//! and the words around them are about the same thing (weighted content-word overlap; less is
//! needed when the event is named or both values are bounded and agree). A group disagrees
//! when the figures stated differ ("at least 12" against "15": an update or a mistake, a reader
//! wants to see both); it is a conflict when they cannot both be true (disjoint intervals):
//! "about 30 years", "30 years" and "approximately 30 years" agree; "24-hour" and "two-day"
//! operation conflict.

use super::counted::{
    event_key, is_people, people_key, singular, Words, EVENT_REACH, SUBJECT_REACH,
};
use super::framing::FrameHit;
use super::prepare::{sentence_text, Prepared};
use super::similarity::{Bag, Weights};
use super::work;
use crate::entities::numbers::{ONES, TENS};
use crate::sort::sort_by;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Weighted overlap above which two quantities' contexts count the same thing.
const SAME_CONTEXT: f64 = 0.3;
/// Enough when the counted event is named, or both values are bounded and agree: the same count
/// of the same thing in related words ("three meetings" with "three separate meetings").
const WEAK_CONTEXT: f64 = 0.1;
/// Words either side of a quantity that make its context.
const CONTEXT: usize = 10;
/// How much "about" widens a figure.
const APPROX: f64 = 0.1;

/// A quantity in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub doc: String,
    /// The quantity as written: "about a dozen people", "more than 50 tonnes of food".
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Lowest and highest value the wording allows (`None`: no upper bound), in the group's
    /// unit (days for durations).
    pub low: f64,
    pub high: Option<f64>,
    /// What is counted, as written ("peacekeepers", "tonnes of food", "years", or the word
    /// naming the event when the number has no noun: "toll").
    pub counts: String,
    /// A few words around the quantity: "first time in about 30 years".
    pub context: String,
    pub sentence: String,
}

/// Mentions of one quantity across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberGroup {
    /// What is counted (the group key, singular): "meeting", "tonne of food", "people killed",
    /// "duration of blockade", "duration of <topic>" for an event the framing lexicon names;
    /// "(1978)" after it for an event the articles date to another year.
    pub key: String,
    /// True when articles state different figures.
    pub disagree: bool,
    /// True when two figures cannot both be right (their intervals do not overlap).
    pub conflict: bool,
    /// How sure the grouping is that the mentions count the same thing, 0..1: the words around
    /// them in common, raised when the event or the thing measured is named.
    pub confidence: f64,
    pub mentions: Vec<NumberMention>,
}

/// Duration units and their length in days.
const DURATIONS: &[(&str, f64)] = &[
    ("hour", 1.0 / 24.0),
    ("day", 1.0),
    ("week", 7.0),
    ("month", 30.0),
    ("year", 365.0),
    ("decade", 3650.0),
];

/// Units of measure (singular) that count something named after "of".
const UNITS: &[&str] = &[
    "tonne",
    "ton",
    "kilogram",
    "kg",
    "kilometre",
    "kilometer",
    "km",
    "mile",
    "percent",
    "per cent",
    "dollar",
    "euro",
    "litre",
    "liter",
    "barrel",
    "acre",
    "hectare",
    "round",
    "truckload",
    "truck",
    "convoy",
    "unit",
];

/// A value read at token `i`: (low, high, tokens used). Handles digits, spelled-out numbers,
/// "a dozen" and vague quantities.
fn value_at(words: &[&str], gaps: &[&str], i: usize) -> Option<(f64, Option<f64>, usize)> {
    let w = *words.get(i)?;
    let next = words.get(i + 1).copied().unwrap_or("");
    let scale = |n: &str| match n {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        _ => None,
    };
    // Vague: "tens of thousands", "thousands", "hundreds", "dozens", "tens of".
    let vague = |w: &str| match w {
        "tens" => Some((10.0, 99.0)),
        "dozens" => Some((24.0, 99.0)),
        "hundreds" => Some((100.0, 999.0)),
        "thousands" => Some((1e3, 9_999.0)),
        "millions" => Some((1e6, 9_999_999.0)),
        _ => None,
    };
    if let Some((lo, hi)) = vague(w) {
        if next == "of" {
            if let Some((l2, _)) = words.get(i + 2).and_then(|x| vague(x)) {
                return Some((lo * l2, Some((hi + 1.0) * l2 - 1.0), 3));
            }
        }
        return Some((lo, Some(hi), 1));
    }
    if w == "dozen" {
        return Some((12.0, Some(12.0), 1));
    }
    let mut v: f64;
    let mut used = 1;
    if w.bytes().all(|b| b.is_ascii_digit() || b == b'.') && w.bytes().next()?.is_ascii_digit() {
        v = w.parse().ok()?;
    } else if let Some(k) = ONES.iter().position(|x| *x == w).filter(|&k| k >= 2) {
        v = k as f64;
    } else if let Some(k) = TENS.iter().position(|x| *x == w) {
        v = 20.0 + 10.0 * k as f64;
        if gaps.get(i).is_some_and(|g| *g == "-") {
            if let Some(u) = ONES
                .iter()
                .position(|x| *x == next)
                .filter(|&u| (1..10).contains(&u))
            {
                v += u as f64;
                used = 2;
            }
        }
    } else {
        return None;
    }
    if let Some(s) = words.get(i + used).and_then(|x| scale(x)) {
        v *= s;
        used += 1;
    }
    Some((v, Some(v), used))
}

/// What a qualifier before a number says about the true value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qual {
    Exact,
    /// "about", "some", "roughly".
    Approx,
    /// "nearly", "almost".
    Under,
    /// "at least", "more than", "over".
    AtLeast,
    /// "up to", "less than", "under".
    AtMost,
}

impl Qual {
    /// The values the wording allows (`None`: no upper bound).
    fn allowed(self, lo: f64, hi: f64) -> (f64, Option<f64>) {
        match self {
            Qual::Exact => (lo, Some(hi)),
            Qual::Approx => (lo * (1.0 - APPROX), Some(hi * (1.0 + APPROX))),
            Qual::Under => (lo * (1.0 - APPROX), Some(hi)),
            Qual::AtLeast => (lo, None),
            Qual::AtMost => (0.0, Some(hi)),
        }
    }

    /// The figure stated: the number written, widened when it is only approximate.
    fn stated(self, lo: f64, hi: f64) -> (f64, f64) {
        match self {
            Qual::Approx | Qual::Under => (lo * (1.0 - APPROX), hi * (1.0 + APPROX)),
            _ => (lo, hi),
        }
    }
}

/// The qualifier just before token `i`: (words used, what it says).
fn qualifier(words: &[&str], i: usize) -> (usize, Qual) {
    let w = |k: usize| {
        i.checked_sub(k)
            .and_then(|j| words.get(j))
            .copied()
            .unwrap_or("")
    };
    match (w(2), w(1)) {
        ("more" | "greater", "than") | ("at", "least") | ("just", "over") => (2, Qual::AtLeast),
        ("less" | "fewer", "than") | ("up", "to") | ("at", "most") => (2, Qual::AtMost),
        ("close", "to") | ("an", "estimated") | ("as", "many") => (2, Qual::Approx),
        (_, "about" | "approximately" | "around" | "roughly" | "some" | "circa" | "estimated") => {
            (1, Qual::Approx)
        }
        (_, "nearly" | "almost") => (1, Qual::Under),
        (_, "over" | "above") => (1, Qual::AtLeast),
        (_, "under" | "below") => (1, Qual::AtMost),
        _ => (0, Qual::Exact),
    }
}

/// A found quantity before grouping.
pub(crate) struct Found {
    pub mention: NumberMention,
    pub key: String,
    /// The figure stated (see `Qual::stated`), in the group's unit.
    stated: (f64, f64),
    /// The key names what is counted beyond a bare noun: an event people are counted in, or
    /// the thing a duration is of.
    named: bool,
    /// Token range of the quantity (left out of the context comparison).
    pub toks: (usize, usize),
    pub sentence: usize,
}

/// Words that end the counted noun phrase.
const STOP_NOUN: &[&str] = &[
    "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "were", "was", "are",
    "is", "have", "had", "has", "who", "that", "which", "the", "a", "an", "as", "than", "since",
    "ago", "led", "will", "would", "could", "after", "before", "during", "into", "over",
];

/// Punctuation that ends a noun phrase.
fn breaks_phrase(gap: &str) -> bool {
    gap.chars().any(|c| ",.;:()!?".contains(c))
}

/// A plural noun ends the counted phrase ("Forty buses left", "six armored vehicles").
fn plural(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss"))
        || matches!(w, "people" | "children" | "men" | "women" | "fishermen")
}

/// What one sentence's quantities need to know about the document.
pub(crate) struct Context<'a> {
    pub doc_id: &'a str,
    pub text: &'a str,
    pub prep: &'a Prepared,
    /// Spans of date expressions: numbers inside them are not quantities.
    pub dates: &'a [(usize, usize)],
    /// Sentences dated to another year than the article's news (index, year).
    pub eras: &'a [(usize, i32)],
    /// The document's framing hits, and which topics are events (for durations of an event).
    pub frames: &'a [FrameHit],
    pub event_topics: &'a [&'a str],
}

/// The quantities of one document.
pub(crate) fn find(cx: &Context) -> Vec<Found> {
    let mut out = Vec::new();
    for (si, s) in cx.prep.sentences.iter().enumerate() {
        let toks = cx.prep.tokens.get(s.tok_start..s.tok_end).unwrap_or(&[]);
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        let gaps: Vec<&str> = toks
            .iter()
            .enumerate()
            .map(|(k, t)| {
                toks.get(k + 1)
                    .and_then(|n| cx.text.get(t.end..n.start))
                    .unwrap_or("")
            })
            .collect();
        let ws = Words {
            words: &words,
            gaps: &gaps,
        };
        let era = cx
            .eras
            .get(cx.eras.partition_point(|e| e.0 < si))
            .filter(|e| e.0 == si)
            .map(|e| e.1);
        let mut i = 0;
        while i < toks.len() {
            work::step(1);
            match quantity(cx, &ws, toks, i, era) {
                Some((mut f, next)) => {
                    f.sentence = si;
                    f.toks = (s.tok_start + f.toks.0, s.tok_start + f.toks.1);
                    f.mention.sentence =
                        sentence_text(cx.text, s, (f.mention.start, f.mention.end));
                    out.push(f);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The quantity starting at the number token `i` of a sentence, and the token after it.
fn quantity(
    cx: &Context,
    ws: &Words,
    toks: &[super::prepare::Tok],
    i: usize,
    era: Option<i32>,
) -> Option<(Found, usize)> {
    let (words, gaps) = (ws.words, ws.gaps);
    let tok = toks.get(i)?;
    let surface = cx.text.get(tok.start..tok.end).unwrap_or("");
    // Date spans are in text order and do not overlap: the last one starting before the token.
    let d = cx.dates.partition_point(|&(a, _)| a < tok.end);
    let in_date = d
        .checked_sub(1)
        .and_then(|d| cx.dates.get(d))
        .is_some_and(|&(_, b)| tok.start < b);
    let year_like =
        tok.word.len() == 4 && surface.len() == 4 && tok.word.bytes().all(|b| b.is_ascii_digit());
    if in_date || year_like {
        return None;
    }
    let (lo, hi, used) = value_at(words, gaps, i)?;
    // Inside a name ("F-16", "Resolution 2334"): not a quantity.
    let prev_tok = i.checked_sub(1).and_then(|k| toks.get(k));
    let prev_gap = i.checked_sub(1).and_then(|k| gaps.get(k)).copied();
    if prev_tok.is_some_and(|t| t.cap) && prev_gap.is_some_and(|g| g.trim().is_empty()) {
        return None;
    }
    // "a dozen": the article belongs to the number.
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let (first, qual) = if word(i) == "dozen" && i > 0 && word(i - 1) == "a" {
        let (n, q) = qualifier(words, i - 1);
        ((i - 1).saturating_sub(n), q)
    } else {
        let (n, q) = qualifier(words, i);
        (i.saturating_sub(n), q)
    };
    let after = i + used;
    let last_of_value = after - 1;
    // A hyphenated unit ("24-hour", "two-day", "30-Year").
    let hyphen_unit = gaps.get(last_of_value).is_some_and(|g| *g == "-");
    // What is counted: up to three words, to a function word or punctuation.
    let vague_of = matches!(
        word(last_of_value),
        "tens" | "hundreds" | "thousands" | "dozens"
    ) && word(after) == "of";
    let first_noun = after + usize::from(vague_of);
    let mut noun_end = None;
    let mut k = first_noun;
    while k < toks.len() && k < first_noun + 3 {
        let w = word(k);
        if gaps.get(k - 1).is_some_and(|g| breaks_phrase(g))
            || STOP_NOUN.contains(&w)
            || toks.get(k).is_some_and(|t| t.number)
            || (k > first_noun && w.ends_with("ed"))
        {
            break;
        }
        noun_end = Some(k);
        k += 1;
        if (hyphen_unit && k == after + 1) || (plural(w) && hi.is_some_and(|h| h > 1.0)) {
            break;
        }
    }
    let hi = hi.unwrap_or(lo);
    let start_of = |k: usize| toks.get(k).map_or(0, |t| t.start);
    let end_of = |k: usize| toks.get(k).map_or(0, |t| t.end);
    let (key, counts_from, counted_end, scale, named) = match noun_end {
        None => {
            // No noun: people counted in a named event ("killing at least nine", "the toll
            // has risen to 14", "23 were injured").
            let (event, at) = ws.event(first, last_of_value, None, SUBJECT_REACH)?;
            (event_key(event), at, last_of_value, 1.0, true)
        }
        Some(noun) => {
            let head = singular(word(noun));
            if head == "ago" || word(noun + 1) == "ago" {
                return None;
            }
            let duration = DURATIONS.iter().find(|(u, _)| *u == head).map(|x| x.1);
            if let Some(days) = duration {
                let (key, named) = duration_of(cx, ws, toks, noun, hyphen_unit)
                    .map_or((head.clone(), false), |k| (k, true));
                (key, after, noun, if named { days } else { 1.0 }, named)
            } else if is_people(&head) {
                match ws.event(first, noun, Some(noun), EVENT_REACH) {
                    Some((event, _)) => (event_key(event), after, noun, 1.0, true),
                    None => (people_key(&head).to_string(), after, noun, 1.0, false),
                }
            } else if UNITS.contains(&head.as_str()) && word(noun + 1) == "of" {
                // "50 tonnes of food": the unit and what it measures.
                match toks.get(noun + 2).filter(|t| !t.stop) {
                    Some(obj) => (
                        format!("{head} of {}", singular(&obj.word)),
                        after,
                        noun + 2,
                        1.0,
                        false,
                    ),
                    None => (head, after, noun, 1.0, false),
                }
            } else {
                (head, after, noun, 1.0, false)
            }
        }
    };
    let key = match era {
        Some(y) => format!("{key} ({y})"),
        None => key,
    };
    let (low, high) = qual.allowed(lo * scale, hi * scale);
    let stated = qual.stated(lo * scale, hi * scale);
    let (qs, qe) = (start_of(first), end_of(counted_end.max(last_of_value)));
    let counts = if counts_from <= counted_end {
        cx.text.get(start_of(counts_from)..end_of(counted_end))
    } else {
        cx.text.get(start_of(counts_from)..end_of(counts_from))
    };
    let ctx_from = first.saturating_sub(4);
    let ctx_to = (counted_end + 3).min(toks.len().saturating_sub(1));
    let f = Found {
        mention: NumberMention {
            doc: cx.doc_id.to_string(),
            text: cx.text.get(qs..qe).unwrap_or("").to_string(),
            start: qs,
            end: qe,
            low: super::round3(low),
            high: high.map(super::round3),
            counts: counts.unwrap_or("").to_string(),
            context: crate::text::normalize_space(
                cx.text
                    .get(start_of(ctx_from)..end_of(ctx_to))
                    .unwrap_or(""),
            ),
            sentence: String::new(),
        },
        key,
        stated,
        named,
        toks: (first, counted_end.max(last_of_value) + 1),
        sentence: 0,
    };
    Some((f, counted_end.max(last_of_value) + 1))
}
/// What a duration (its unit at token `noun`) is the duration of: an event of the framing
/// lexicon named just after it ("24-hour anti-terror operation"), or for a hyphenated unit the
/// noun it modifies ("a 48-hour blockade of the road" → "duration of blockade").
fn duration_of(
    cx: &Context,
    ws: &Words,
    toks: &[super::prepare::Tok],
    noun: usize,
    hyphen_unit: bool,
) -> Option<String> {
    let tail_start = toks.get(noun)?.end;
    let tail_end = toks
        .get(noun + 4)
        .or_else(|| toks.last())
        .map_or(tail_start, |t| t.end);
    if let Some(h) = cx.frames.iter().find(|h| {
        h.start >= tail_start && h.start < tail_end && cx.event_topics.contains(&h.topic.as_str())
    }) {
        return Some(format!("duration of {}", h.topic));
    }
    if !hyphen_unit {
        return None;
    }
    // The head of the modified phrase: its last word before a function word or punctuation.
    let mut head = None;
    for k in noun + 1..noun + 4 {
        let w = ws.words.get(k).copied().unwrap_or("");
        let stop = toks.get(k).is_none_or(|t| t.stop || t.number);
        if w.is_empty()
            || stop
            || STOP_NOUN.contains(&w)
            || ws.gaps.get(k - 1).is_some_and(|g| breaks_phrase(g))
        {
            break;
        }
        head = Some(w);
    }
    head.map(|w| format!("duration of {}", singular(w)))
}

/// The token range of the paragraph sentence `s` is in.
fn paragraph_tokens(p: &Prepared, s: usize) -> (usize, usize) {
    p.sentences
        .get(s)
        .and_then(|x| p.paras.get(x.para))
        .map_or((0, 0), |para| (para.tok_start, para.tok_end))
}

/// Both values bounded and overlapping.
fn agree_bounded(a: &NumberMention, b: &NumberMention) -> bool {
    match (a.high, b.high) {
        (Some(ha), Some(hb)) => a.low <= hb && b.low <= ha,
        _ => false,
    }
}

/// The root of `i` in a union-find forest (with path halving).
pub(super) fn root(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = grand;
    }
    i
}

/// Groups mentions of the same quantity across documents (`found[d]` for document `d`).
pub(crate) fn group(found: &[Vec<Found>], preps: &[Prepared], w: &Weights) -> Vec<NumberGroup> {
    // Flatten: (doc, mention).
    let items: Vec<(usize, &Found)> = found
        .iter()
        .enumerate()
        .flat_map(|(d, v)| v.iter().map(move |f| (d, f)))
        .collect();
    let bag = |d: usize, f: &Found| -> Bag {
        let Some(p) = preps.get(d) else {
            return Bag::default();
        };
        // The words around the quantity, within its paragraph (a short sentence says little on
        // its own; a long one is about many things).
        let (lo, hi) = paragraph_tokens(p, f.sentence);
        let from = f.toks.0.saturating_sub(CONTEXT).max(lo);
        let to = (f.toks.1 + CONTEXT).min(hi);
        let toks = p.tokens.get(from..to).unwrap_or(&[]);
        w.bag(
            toks.iter()
                .enumerate()
                .filter(|(k, t)| {
                    let at = from + k;
                    !(t.number || (f.toks.0 <= at && at < f.toks.1))
                })
                .map(|(_, t)| t),
        )
    };
    let bags: Vec<Bag> = items.iter().map(|&(d, f)| bag(d, f)).collect();
    // Only mentions with the same key can count the same thing.
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, f)) in items.iter().enumerate() {
        by_key.entry(f.key.as_str()).or_default().push(i);
    }
    // Single-link clustering within a key; `link[i]`: the best link score of mention i to a
    // mention of another document.
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut link = vec![0.0f64; n];
    for members in by_key.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(x + 1) {
                let (Some(&(da, fa)), Some(&(db, fb)), Some(ba), Some(bb)) =
                    (items.get(a), items.get(b), bags.get(a), bags.get(b))
                else {
                    continue;
                };
                // Only mentions in two documents are linked: a document's own mentions of one
                // quantity meet through the others, and a long article costs linear work.
                if da == db {
                    continue;
                }
                work::step(1);
                let ov = ba.overlap(bb);
                let named = fa.named && fb.named;
                let same = (named && fa.key.starts_with("duration of "))
                    || ov >= SAME_CONTEXT
                    || (ov >= WEAK_CONTEXT && (named || agree_bounded(&fa.mention, &fb.mention)));
                if !same {
                    continue;
                }
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if let Some(slot) = parent.get_mut(ra.max(rb)) {
                    *slot = ra.min(rb);
                }
                {
                    let score = if named { 0.5 + 0.5 * ov } else { ov };
                    for i in [a, b] {
                        if let Some(l) = link.get_mut(i) {
                            *l = l.max(score.min(1.0));
                        }
                    }
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.into_values() {
        let ms: Vec<(usize, &Found)> = members
            .iter()
            .filter_map(|&i| items.get(i).copied())
            .collect();
        let mut docs: Vec<usize> = ms.iter().map(|m| m.0).collect();
        sort_by(&mut docs, &|a, b| a.cmp(b));
        docs.dedup();
        let Some(first) = ms.first().filter(|_| docs.len() >= 2) else {
            continue;
        };
        let mut cross: Vec<(&Found, &Found)> = Vec::new();
        for (x, a) in ms.iter().enumerate() {
            for b in ms.iter().skip(x + 1).filter(|b| b.0 != a.0) {
                cross.push((a.1, b.1));
            }
        }
        let conflict = cross.iter().any(|(a, b)| {
            let (a, b) = (&a.mention, &b.mention);
            a.high.is_some_and(|h| h < b.low) || b.high.is_some_and(|h| h < a.low)
        });
        let disagree = cross
            .iter()
            .any(|(a, b)| a.stated.1 < b.stated.0 || b.stated.1 < a.stated.0);
        let confidence = members
            .iter()
            .map(|&i| link.get(i).copied().unwrap_or(0.0))
            .sum::<f64>()
            / members.len() as f64;
        out.push(NumberGroup {
            key: first.1.key.clone(),
            disagree,
            conflict,
            confidence: super::round3(confidence),
            mentions: ms.iter().map(|m| m.1.mention.clone()).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<(f64, Option<f64>, usize)> {
        let words: Vec<&str> = s.split(' ').collect();
        let gaps: Vec<&str> = vec![" "; words.len()];
        value_at(&words, &gaps, 0)
    }

    #[test]
    fn values() {
        assert_eq!(value("2000 peacekeepers"), Some((2000.0, Some(2000.0), 1)));
        assert_eq!(value("forty buses"), Some((40.0, Some(40.0), 1)));
        assert_eq!(value("tens of thousands"), Some((1e4, Some(99_999.0), 3)));
        assert_eq!(value("thousands of"), Some((1e3, Some(9_999.0), 1)));
        assert_eq!(value("1.5 million"), Some((1.5e6, Some(1.5e6), 2)));
        assert_eq!(value("one"), None);
        assert_eq!(value("Karabakh"), None);
    }
}
