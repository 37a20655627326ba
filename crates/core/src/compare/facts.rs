//! Facts that disagree: numbers with what they count, grouped across articles.
//!
//! A quantity is a number (digits, spelled out, "a dozen", or vague: "tens of thousands") with
//! its qualifier ("about", "more than", "over") and what it counts: the noun after it ("2,000
//! peacekeepers", "three separate meetings"), a unit and its object ("50 tonnes of food"), or a
//! duration ("30 years", "24-hour operation"). Numbers inside dates are not quantities.
//!
//! Each value is an interval, so qualifiers are honoured: "about 30" is 27–33, "more than 50" is
//! 50 and up, "tens of" is 10–99. Mentions count the same thing when they have the same key (what
//! is counted; for a duration of something the framing lexicon names, such as the September
//! operation, that event) and the words around them are about the same thing (weighted
//! content-word overlap; less is needed when both values are bounded and agree). A group disagrees when two of its values cannot both be true (disjoint intervals):
//! "about 30 years", "30 years" and "approximately 30 years" agree; "24-hour" and "two-day"
//! operation do not.

// Number words: the same tables the entity recogniser reads.
use super::framing::FrameHit;
use super::prepare::Prepared;
use super::similarity::Weights;
use crate::entities::numbers::{ONES, TENS};
use serde::{Deserialize, Serialize};

/// Weighted overlap above which two quantities' contexts count the same thing.
const SAME_CONTEXT: f64 = 0.3;
/// Enough when both values are bounded and agree: the same count of the same thing in related
/// words ("three meetings" with "three separate meetings").
const WEAK_CONTEXT: f64 = 0.1;
/// Words either side of a quantity that make its context.
const CONTEXT: usize = 10;

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
    /// What is counted, as written ("peacekeepers", "tonnes of food", "years").
    pub counts: String,
    /// A few words around the quantity: "first time in about 30 years".
    pub context: String,
    pub sentence: String,
}

/// Mentions of one quantity across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberGroup {
    /// What is counted (the group key, singular): "meeting", "year", "tonne of food", or
    /// "duration of <topic>" for the length of an event the framing lexicon names.
    pub key: String,
    /// True when two values cannot both be right.
    pub disagree: bool,
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

/// Words that end the counted noun phrase.
const STOP_NOUN: &[&str] = &[
    "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "were", "was", "are",
    "is", "have", "had", "has", "who", "that", "which", "the", "a", "an", "as", "than", "since",
    "ago", "led", "will", "would", "could", "after", "before", "during", "into", "over",
];

fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    if w == "people" {
        return "person".into();
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    if w.ends_with("ss") {
        return w;
    }
    w.strip_suffix('s').map_or(w.clone(), str::to_string)
}

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

/// How a qualifier turns a value's bounds into the bounds the wording allows.
type Qualify = fn(f64, f64) -> (f64, Option<f64>);

/// The qualifier just before token `i`: (words used, how it changes `v`).
fn qualifier(words: &[&str], i: usize) -> (usize, Qualify) {
    let w = |k: usize| {
        i.checked_sub(k)
            .and_then(|j| words.get(j))
            .copied()
            .unwrap_or("")
    };
    let exact: Qualify = |lo, hi| (lo, Some(hi));
    let approx: Qualify = |lo, hi| (lo * 0.9, Some(hi * 1.1));
    let under: Qualify = |lo, hi| (lo * 0.9, Some(hi));
    let at_least: Qualify = |lo, _| (lo, None);
    let at_most: Qualify = |_, hi| (0.0, Some(hi));
    match (w(2), w(1)) {
        ("more" | "greater", "than") | ("at", "least") | ("just", "over") => (2, at_least),
        ("less" | "fewer", "than") | ("up", "to") | ("at", "most") => (2, at_most),
        ("close", "to") | ("an", "estimated") | ("as", "many") => (2, approx),
        (_, "about" | "approximately" | "around" | "roughly" | "some" | "circa" | "estimated") => {
            (1, approx)
        }
        (_, "nearly" | "almost") => (1, under),
        (_, "over" | "above") => (1, at_least),
        (_, "under" | "below") => (1, at_most),
        _ => (0, exact),
    }
}

/// A found quantity before grouping.
pub(crate) struct Found {
    pub mention: NumberMention,
    pub key: String,
    /// Token range of the quantity (left out of the context comparison).
    pub toks: (usize, usize),
    pub sentence: usize,
}

/// The quantities of one document. `dates` are spans of date expressions; `frames` its
/// framing hits (to know what a duration is the duration of); `event_topics` the lexicon's
/// event topics.
pub(crate) fn find(
    doc_id: &str,
    text: &str,
    prep: &Prepared,
    dates: &[(usize, usize)],
    frames: &[FrameHit],
    event_topics: &[&str],
) -> Vec<Found> {
    let mut out = Vec::new();
    for (si, s) in prep.sentences.iter().enumerate() {
        let toks = &prep.tokens[s.tok_start..s.tok_end];
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        let gaps: Vec<&str> = (0..toks.len())
            .map(|k| toks.get(k + 1).map_or("", |n| &text[toks[k].end..n.start]))
            .collect();
        let mut i = 0;
        while i < toks.len() {
            let in_date = dates
                .iter()
                .any(|&(a, b)| toks[i].start < b && a < toks[i].end);
            let year_like = toks[i].word.len() == 4
                && text[toks[i].start..toks[i].end].len() == 4
                && toks[i].word.bytes().all(|b| b.is_ascii_digit());
            let (lo, hi, used) = match value_at(&words, &gaps, i) {
                Some(v) if !in_date && !year_like => v,
                _ => {
                    i += 1;
                    continue;
                }
            };
            // Inside a name ("F-16", "Resolution 2334"): not a quantity.
            if i > 0 && toks[i - 1].cap && gaps[i - 1].trim().is_empty() {
                i += used;
                continue;
            }
            let (qn, qual) = qualifier(&words, i);
            // "a dozen": the article belongs to the number.
            let a_dozen = words[i] == "dozen" && i > 0 && matches!(words[i - 1], "a" | "about");
            let qn = if a_dozen && qn == 0 { 1 } else { qn };
            let first = if a_dozen && words[i - 1] == "a" {
                i - 1 - qualifier(&words, i - 1).0
            } else {
                i - qn
            };
            let qual = if a_dozen && words[i - 1] == "a" {
                qualifier(&words, i - 1).1
            } else {
                qual
            };
            let after = i + used;
            // A hyphenated unit ("24-hour", "two-day", "30-Year").
            let hyphen_unit = gaps.get(after - 1).is_some_and(|g| *g == "-");
            // What is counted: up to three words, to a function word or punctuation.
            let mut last = after;
            let mut noun_end = None;
            let mut k = after;
            let vague_of = matches!(
                words[after - 1],
                "tens" | "hundreds" | "thousands" | "dozens"
            ) && words.get(after) == Some(&"of");
            if vague_of {
                k += 1;
            }
            while k < toks.len() && k < after + 3 + usize::from(vague_of) {
                let g = gaps[k - 1];
                if k > after && g.chars().any(|c| ",.;:()!?".contains(c)) {
                    break;
                }
                if STOP_NOUN.contains(&words[k]) || toks[k].number {
                    break;
                }
                if k > after + usize::from(vague_of) && words[k].ends_with("ed") {
                    break;
                }
                noun_end = Some(k);
                last = k;
                k += 1;
                // A plural noun heads the phrase ("Forty buses left", "six armored vehicles").
                let plural = (words[k - 1].ends_with('s') && !words[k - 1].ends_with("ss"))
                    || matches!(words[k - 1], "people" | "children" | "men" | "women");
                if (hyphen_unit && k == after + 1) || (plural && hi.is_some_and(|h| h > 1.0)) {
                    break;
                }
            }
            let Some(noun) = noun_end else {
                i = after;
                continue;
            };
            let noun_word = singular(words[noun]);
            if noun_word == "ago" || toks.get(noun + 1).is_some_and(|t| t.word == "ago") {
                i = noun + 1;
                continue;
            }
            let duration = DURATIONS.iter().find(|(u, _)| *u == noun_word).map(|x| x.1);
            let mut counted_end = last;
            let mut key = noun_word.clone();
            if UNITS.contains(&noun_word.as_str()) && words.get(last + 1) == Some(&"of") {
                // "50 tonnes of food": the unit and what it measures.
                if let Some(obj) = toks.get(last + 2).filter(|t| !t.stop) {
                    counted_end = last + 2;
                    key = format!("{noun_word} of {}", singular(&obj.word));
                }
            }
            let (mut lo, mut hi) = qual(lo, hi.unwrap_or(lo));
            if let Some(days) = duration {
                key = noun_word.clone();
                // The duration of a named event ("24-hour anti-terror operation").
                let tail_start = toks[noun].end;
                let tail_end = toks.get(noun + 4).map_or(s.end, |t| t.end);
                if let Some(h) = frames.iter().find(|h| {
                    h.start >= tail_start
                        && h.start < tail_end
                        && event_topics.contains(&h.topic.as_str())
                }) {
                    key = format!("duration of {}", h.topic);
                    lo *= days;
                    hi = hi.map(|x| x * days);
                }
            }
            let (qs, qe) = (toks[first].start, toks[counted_end].end);
            let ctx_from = first.saturating_sub(4);
            let ctx_to = (counted_end + 3).min(toks.len() - 1);
            out.push(Found {
                mention: NumberMention {
                    doc: doc_id.to_string(),
                    text: text[qs..qe].to_string(),
                    start: qs,
                    end: qe,
                    low: super::round3(lo),
                    high: hi.map(super::round3),
                    counts: text[toks[after.min(noun)].start..toks[counted_end].end].to_string(),
                    context: crate::text::normalize_space(
                        &text[toks[ctx_from].start..toks[ctx_to].end],
                    ),
                    sentence: text[s.start..s.end].to_string(),
                },
                key,
                toks: (s.tok_start + first, s.tok_start + counted_end + 1),
                sentence: si,
            });
            i = counted_end + 1;
        }
    }
    out
}

/// Both values bounded and overlapping.
fn agree_bounded(a: &NumberMention, b: &NumberMention) -> bool {
    match (a.high, b.high) {
        (Some(ha), Some(hb)) => a.low <= hb && b.low <= ha,
        _ => false,
    }
}

/// Groups mentions of the same quantity across documents (`found[d]` for document `d`).
pub(crate) fn group(found: &[Vec<Found>], preps: &[Prepared], w: &Weights) -> Vec<NumberGroup> {
    // Flatten: (doc, index).
    let items: Vec<(usize, &Found)> = found
        .iter()
        .enumerate()
        .flat_map(|(d, v)| v.iter().map(move |f| (d, f)))
        .collect();
    let bag = |d: usize, f: &Found| {
        let p = &preps[d];
        let s = &p.sentences[f.sentence];
        // The words around the quantity (a long sentence is about many things).
        let from = f.toks.0.saturating_sub(CONTEXT).max(s.tok_start);
        let to = (f.toks.1 + CONTEXT).min(s.tok_end);
        w.bag(
            p.tokens[from..to]
                .iter()
                .enumerate()
                .filter(|(k, t)| {
                    let at = from + k;
                    !(t.number || (f.toks.0 <= at && at < f.toks.1))
                })
                .map(|(_, t)| t),
        )
    };
    let bags: Vec<_> = items.iter().map(|&(d, f)| bag(d, f)).collect();
    // Single-link clustering within a key.
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for a in 0..n {
        for b in a + 1..n {
            if items[a].1.key != items[b].1.key {
                continue;
            }
            let (ma, mb) = (&items[a].1.mention, &items[b].1.mention);
            let ov = bags[a].overlap(&bags[b]);
            let same = items[a].1.key.starts_with("duration of ")
                || ov >= SAME_CONTEXT
                || (ov >= WEAK_CONTEXT && agree_bounded(ma, mb));
            if same {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|g| g.0 == r) {
            Some(g) => g.1.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (_, members) in groups {
        let mut docs: Vec<usize> = members.iter().map(|&i| items[i].0).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            continue;
        }
        let ms: Vec<&Found> = members.iter().map(|&i| items[i].1).collect();
        let disjoint = |a: &NumberMention, b: &NumberMention| {
            a.high.is_some_and(|h| h < b.low) || b.high.is_some_and(|h| h < a.low)
        };
        let disagree = ms.iter().enumerate().any(|(x, a)| {
            ms[x + 1..]
                .iter()
                .any(|b| a.mention.doc != b.mention.doc && disjoint(&a.mention, &b.mention))
        });
        out.push(NumberGroup {
            key: ms[0].key.clone(),
            disagree,
            mentions: ms.iter().map(|f| f.mention.clone()).collect(),
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

    #[test]
    fn singulars() {
        assert_eq!(singular("years"), "year");
        assert_eq!(singular("People"), "person");
        assert_eq!(singular("allies"), "ally");
        assert_eq!(singular("arms"), "arm");
    }
}
