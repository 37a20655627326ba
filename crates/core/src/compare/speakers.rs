//! Speaker resolution and the speakers × outlets table.
//!
//! A speaker phrase resolves to an entity when it ends with a name: an entity mention from the
//! entity module when mentions are given (`compare_with`), otherwise a capitalised name found by
//! the rules below (titles such as "Foreign Minister" stripped; a lone surname is the full name
//! used earlier in the article). A phrase headed by a common noun ("a UN spokesman", "the
//! Armenian government", "a reporter for Al Jazeera") stays a description: it is shown as
//! written, never guessed to be someone.
//!
//! "He said" / "she said" resolves only when exactly one person is named (or speaks) earlier in
//! the same paragraph, or, failing any, in the immediately preceding paragraph; otherwise the
//! speaker is unknown. A quote with no attribution of its own continues the speaker of its
//! paragraph when that paragraph has exactly one.

use super::prepare::{sub, tail, Prepared};
use super::quotes::{QuoteKind, RawQuote, PRONOUNS};
use crate::entities::{EntityType, Mention};
use crate::model::BlockKind;
use crate::search::fold::fold;
use crate::sort::{sort_by, stable_sort_by};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const PRONOUN_HE_SHE: &[&str] = &["he", "she"];

/// How a quote's speaker was established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The attribution names the speaker (or a surname of someone named earlier).
    Named,
    /// "he said": the one person of this or the previous paragraph.
    Pronoun,
    /// No attribution of its own; the only speaker of its paragraph.
    Continued,
    /// A description, not a name ("a spokesman", "the court").
    Descriptive,
    /// Not known (no attribution, an ambiguous pronoun, "it", "they").
    Unknown,
}

/// A direct quote or reported statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub doc: String,
    pub kind: QuoteKind,
    /// The speaker phrase as written ("Hajiyev", "he", "a UN spokesman"); `None` when unknown.
    pub speaker: Option<String>,
    /// The entity the speaker resolves to ("Hikmet Hajiyev"), when it does.
    pub canonical: Option<String>,
    pub resolution: Resolution,
    /// The speech verb as written ("said", "accused", "according to").
    pub verb: Option<String>,
    /// The quoted words, or the reported clause.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Where the speaker phrase is (for a pronoun: the pronoun).
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
}

/// One row of the speakers table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name, description as written, or "(unknown)".
    pub name: String,
    pub canonical: Option<String>,
    /// Quotes per source (same order as `Comparison::sources`).
    pub counts: Vec<usize>,
    /// Indices into `Comparison::quotes`, per source: the quotes side by side.
    pub quotes: Vec<Vec<usize>>,
    pub total: usize,
}

/// Title words stripped from the front of a name ("Azerbaijani President Ilham Aliyev").
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "state",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "assistant",
    "deputy",
    "ambassador",
    "chairman",
    "chair",
    "chief",
    "head",
    "general",
    "gen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "senator",
    "sen",
    "representative",
    "king",
    "queen",
    "pope",
    "judge",
    "commander",
    "colonel",
    "governor",
    "mayor",
    "defense",
    "defence",
    "interior",
    "vice",
    "acting",
    "former",
    "envoy",
    "special",
    "leader",
    "premier",
    "chancellor",
    "director",
    "officer",
    "u.n",
    "un",
    "u.s",
    "us",
];

/// Words that make a capitalised run an organisation or place, not a person.
const NOT_PERSON: &[&str] = &[
    "nations",
    "united",
    "council",
    "court",
    "ministry",
    "committee",
    "cross",
    "service",
    "republic",
    "union",
    "agency",
    "program",
    "programme",
    "assembly",
    "office",
    "department",
    "government",
    "army",
    "forces",
    "corridor",
    "region",
    "states",
    "news",
    "press",
    "bank",
    "fund",
    "organization",
    "organisation",
    "party",
    "parliament",
    "security",
    "international",
    "world",
    "justice",
    "institute",
    "university",
    "company",
    "group",
    "force",
    "front",
    "alliance",
    "the",
    "a",
    "an",
    "national",
    "federation",
    "kingdom",
];

/// The words of `text[start..end]` (the same word rule as attribution finding uses).
fn words(text: &str, start: usize, end: usize) -> Vec<(usize, usize, String)> {
    super::quotes::plain_words(text, start, end)
}

fn capitalised(text: &str, w: &(usize, usize, String)) -> bool {
    tail(text, w.0).starts_with(|c: char| c.is_uppercase())
}

fn base(w: &str) -> &str {
    w.trim_end_matches("’s").trim_end_matches("'s")
}

/// A person's name at the end of `words` by the capitalised-name rules: the capitalised run that
/// ends the phrase, titles before the name stripped. `None` if the run is not a person's name.
fn rule_person<'w>(
    text: &str,
    words: &'w [(usize, usize, String)],
) -> Option<&'w [(usize, usize, String)]> {
    // The capitalised run at the end, its words written with spaces between them.
    let mut i = words.len();
    while let Some(w) = i.checked_sub(1).and_then(|k| words.get(k)) {
        if !capitalised(text, w) {
            break;
        }
        if let Some(next) = words.get(i) {
            if !sub(text, w.1, next.0).chars().all(|c| c == ' ') {
                break;
            }
        }
        i -= 1;
    }
    let run = words.get(i..).unwrap_or(&[]);
    let last_title = run
        .iter()
        .rposition(|w| TITLES.contains(&base(&w.2)) || base(&w.2) != w.2);
    let name = match last_title {
        Some(t) => run.get(t + 1..).unwrap_or(&[]),
        None => run,
    };
    let ok = name.len() >= 2
        && name.len() <= 4
        && name.iter().all(|w| !NOT_PERSON.contains(&w.2.as_str()))
        && name
            .iter()
            .all(|w| w.2.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    ok.then_some(name)
}

/// People named in a paragraph by the rules alone: (offset, full name).
fn rule_persons_in(text: &str, start: usize, end: usize) -> Vec<(usize, String)> {
    let ws = words(text, start, end);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(w) = ws.get(i) {
        if !capitalised(text, w) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let (Some(prev), Some(next)) = (ws.get(j - 1), ws.get(j)) {
            if !capitalised(text, next) || !sub(text, prev.1, next.0).chars().all(|c| c == ' ') {
                break;
            }
            j += 1;
        }
        if let Some((s, e)) = rule_person(text, ws.get(i..j).unwrap_or(&[])).and_then(span_of) {
            out.push((s, crate::text::normalize_space(sub(text, s, e))));
        }
        i = j;
    }
    out
}

/// Longest entity mention looked back for at the start of a speaker phrase, in bytes.
const MAX_NAME_BYTES: usize = 200;
/// How many people named before a lone surname it may refer to.
const RECALL: usize = 100;

/// What a speaker phrase resolves to.
struct Resolved {
    canonical: Option<String>,
    person: bool,
    resolution: Resolution,
}

fn resolve_phrase(
    text: &str,
    s: usize,
    e: usize,
    mentions: &[Mention],
    known_people: &[(usize, String)],
) -> Resolved {
    let descriptive = Resolved {
        canonical: None,
        person: false,
        resolution: Resolution::Descriptive,
    };
    let ws = words(text, s, e);
    let Some(last) = ws.last() else {
        return descriptive;
    };
    // "a reporter for Al Jazeera", "the leadership of the separatists": a common noun heads it.
    if let Some(p) = ws.iter().position(|w| {
        matches!(
            w.2.as_str(),
            "of" | "for" | "in" | "at" | "from" | "with" | "to"
        )
    }) {
        let head_is_common =
            ws.get(..p).unwrap_or(&[]).iter().any(|w| {
                !capitalised(text, w) && !matches!(w.2.as_str(), "the" | "a" | "an" | "some")
            });
        if head_is_common {
            return descriptive;
        }
    }
    if !capitalised(text, last) {
        return descriptive;
    }
    // An entity mention that ends the phrase.
    // Mentions are sorted by start and a name is short: only those starting shortly before.
    let from = mentions.partition_point(|m| m.start + MAX_NAME_BYTES < s);
    let to = mentions.partition_point(|m| m.start < e);
    let m = mentions
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .filter(|m| m.kind.is_name() && m.start < e && m.end > s && m.end >= last.1.min(e))
        .max_by_key(|m| (m.end, std::cmp::Reverse(m.start)));
    if let Some(m) = m {
        return Resolved {
            canonical: Some(m.canonical.clone()),
            person: m.kind == EntityType::Person,
            resolution: Resolution::Named,
        };
    }
    // The capitalised-name rules.
    if let Some((ns, ne)) = rule_person(text, &ws).and_then(span_of) {
        return Resolved {
            canonical: Some(crate::text::normalize_space(sub(text, ns, ne))),
            person: true,
            resolution: Resolution::Named,
        };
    }
    if TITLES.contains(&base(&last.2)) {
        return descriptive; // "Azerbaijan’s Foreign Minister": a role, not a name
    }
    let caps: Vec<&(usize, usize, String)> = ws.iter().filter(|w| capitalised(text, w)).collect();
    if caps.len() == ws.len() && ws.len() == 1 {
        // A lone surname of someone named earlier is that person.
        let word = base(&last.2);
        let before = known_people.partition_point(|(o, _)| *o < s);
        if let Some((_, full)) = known_people
            .get(..before)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(RECALL)
            .find(|(_, full)| full.to_lowercase().ends_with(&format!(" {word}")))
        {
            return Resolved {
                canonical: Some(full.clone()),
                person: true,
                resolution: Resolution::Named,
            };
        }
    }
    if caps.len() == ws.len() {
        // A proper name the rules cannot type ("Russia", "Azerbaijan’s Foreign Ministry").
        let from = match ws.as_slice() {
            [first, second, ..] if matches!(first.2.as_str(), "the" | "a" | "an") => second.0,
            _ => s,
        };
        let t = crate::text::normalize_space(sub(text, from, e));
        return Resolved {
            canonical: Some(t),
            person: false,
            resolution: Resolution::Named,
        };
    }
    descriptive
}

/// Resolves the speakers of one document's quotes.
pub(crate) fn resolve(
    doc_id: &str,
    text: &str,
    prep: &Prepared,
    mentions: &[Mention],
    raws: &[RawQuote],
) -> Vec<Quote> {
    let n = prep.paras.len();
    // People named per paragraph: (offset, canonical name).
    let mut people: Vec<Vec<(usize, String)>> = vec![Vec::new(); n];
    let mut all_people: Vec<(usize, String)> = Vec::new();
    for (p, para) in prep.paras.iter().enumerate() {
        if para.title_case {
            continue;
        }
        let found: Vec<(usize, String)> = if mentions.is_empty() {
            rule_persons_in(text, para.start, para.end)
        } else {
            let from = mentions.partition_point(|m| m.start < para.start);
            let to = mentions.partition_point(|m| m.start < para.end);
            mentions
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .filter(|m| m.kind == EntityType::Person && m.end <= para.end)
                .map(|m| (m.start, m.canonical.clone()))
                .collect()
        };
        all_people.extend(found.iter().cloned());
        if let Some(slot) = people.get_mut(p) {
            *slot = found;
        }
    }
    let mut out: Vec<Quote> = Vec::new();
    for r in raws {
        super::work::step(1);
        let mut q = Quote {
            doc: doc_id.to_string(),
            kind: r.kind,
            speaker: None,
            canonical: None,
            resolution: Resolution::Unknown,
            verb: None,
            text: sub(text, r.start, r.end).to_string(),
            start: r.start,
            end: r.end,
            speaker_start: None,
            speaker_end: None,
        };
        if let Some(a) = &r.attribution {
            let phrase = crate::text::normalize_space(sub(text, a.np_start, a.np_end));
            let lower = phrase.to_lowercase();
            q.verb = Some(a.verb.clone());
            q.speaker_start = Some(a.np_start);
            q.speaker_end = Some(a.np_end);
            if PRONOUN_HE_SHE.contains(&lower.as_str()) {
                if let Some(who) = pronoun(&people, prep, r.para, a.np_start) {
                    q.canonical = Some(who.clone());
                    q.resolution = Resolution::Pronoun;
                    if let Some(list) = people.get_mut(r.para) {
                        list.push((a.np_start, who));
                    }
                }
            } else if !PRONOUNS.contains(&lower.as_str()) {
                let res = resolve_phrase(text, a.np_start, a.np_end, mentions, &all_people);
                if res.person {
                    if let Some(c) = &res.canonical {
                        if let Some(list) = people.get_mut(r.para) {
                            list.push((a.np_start, c.clone()));
                        }
                    }
                }
                q.canonical = res.canonical;
                q.resolution = res.resolution;
            }
            q.speaker = Some(phrase);
        }
        out.push(q);
    }
    // Quotes without an attribution continue their paragraph's only speaker.
    let mut speakers_of_para: BTreeMap<usize, Vec<(String, usize)>> = BTreeMap::new();
    for (j, (r, q)) in raws.iter().zip(&out).enumerate() {
        if r.attribution.is_some() && q.resolution != Resolution::Unknown {
            speakers_of_para
                .entry(r.para)
                .or_default()
                .push((key(q), j));
        }
    }
    for keys in speakers_of_para.values_mut() {
        sort_by(keys, &|a, b| a.cmp(b));
        keys.dedup_by(|a, b| a.0 == b.0);
    }
    for i in 0..out.len() {
        let Some(r) = raws.get(i).filter(|r| r.attribution.is_none()) else {
            continue;
        };
        let Some([(_, j)]) = speakers_of_para.get(&r.para).map(Vec::as_slice) else {
            continue;
        };
        let Some(src) = out.get(*j).cloned() else {
            continue;
        };
        if let Some(q) = out.get_mut(i) {
            q.speaker = src.speaker;
            q.canonical = src.canonical;
            q.verb = src.verb;
            q.speaker_start = src.speaker_start;
            q.speaker_end = src.speaker_end;
            q.resolution = Resolution::Continued;
        }
    }
    out
}

/// The one person a "he"/"she" at `at` in paragraph `p` can be, if exactly one.
fn pronoun(
    people: &[Vec<(usize, String)>],
    prep: &Prepared,
    p: usize,
    at: usize,
) -> Option<String> {
    let distinct = |list: Vec<&String>| -> Option<String> {
        let mut v: Vec<&String> = list;
        sort_by(&mut v, &|a, b| a.cmp(b));
        v.dedup();
        match v.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    };
    let here: Vec<&String> = people
        .get(p)?
        .iter()
        .filter(|(o, _)| *o < at)
        .map(|(_, n)| n)
        .collect();
    if !here.is_empty() {
        return distinct(here);
    }
    let prev = p.checked_sub(1)?;
    if !matches!(
        prep.paras.get(prev)?.kind,
        BlockKind::Body | BlockKind::Standfirst
    ) {
        return None;
    }
    let before: Vec<&String> = people.get(prev)?.iter().map(|(_, n)| n).collect();
    distinct(before)
}

/// The speakers-table key of a quote.
pub(crate) fn key(q: &Quote) -> String {
    match (&q.canonical, q.resolution) {
        (Some(c), _) => fold(c),
        (None, Resolution::Unknown) => "(unknown)".into(),
        (None, _) => {
            let s = fold(q.speaker.as_deref().unwrap_or(""));
            for art in ["the ", "a ", "an ", "some "] {
                if let Some(rest) = s.strip_prefix(art) {
                    return rest.to_string();
                }
            }
            s
        }
    }
}

/// Levenshtein distance, for spelling variants of one name ("Pashinian", "Pashinyan").
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // row[j]: distance between the part of `a` read so far and b[..j].
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = i; // row[0] before this character
        let mut left = i + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (cb, up) in b.iter().zip(row.iter().skip(1)) {
            let cur = (diag + usize::from(ca != *cb)).min(left + 1).min(up + 1);
            next.push(cur);
            diag = *up;
            left = cur;
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

/// Two person keys that are one name spelled two ways: same first name, surnames one edit apart.
fn same_person(a: &str, b: &str) -> bool {
    let (Some((la, fa)), Some((lb, fb))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else {
        return false;
    };
    la == lb && fa.len() >= 5 && edit_distance(fa, fb) <= 1
}

/// The byte span of a run of words.
fn span_of(words: &[(usize, usize, String)]) -> Option<(usize, usize)> {
    Some((words.first()?.0, words.last()?.1))
}

/// The speakers × sources table. `source_of[d]` is the source of the quote's document `d`.
pub(crate) fn table(
    quotes: &[Quote],
    doc_index: impl Fn(&str) -> usize,
    source_of: &[usize],
    sources: usize,
) -> Vec<Speaker> {
    let mut keys: Vec<String> = quotes.iter().map(key).collect();
    // Merge spelling variants into the first key (in sorted order) they match.
    let mut distinct: Vec<String> = keys.clone();
    sort_by(&mut distinct, &|a, b| a.cmp(b));
    distinct.dedup();
    // Only keys with the same first names can be variants: compare within those groups.
    let mut by_first_names: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
    for k in &distinct {
        if let Some((first, _)) = k.rsplit_once(' ') {
            by_first_names.entry(first).or_default().push(k);
        }
    }
    let mut alias: BTreeMap<String, String> = BTreeMap::new();
    for group in by_first_names.values() {
        for (i, k) in group.iter().enumerate() {
            if alias.contains_key(*k) {
                continue;
            }
            for other in group.iter().skip(i + 1) {
                if !alias.contains_key(*other) && same_person(k, other) {
                    alias.insert((*other).clone(), (*k).clone());
                }
            }
        }
    }
    for k in &mut keys {
        if let Some(a) = alias.get(k) {
            *k = a.clone();
        }
    }
    let mut rows: BTreeMap<String, Speaker> = BTreeMap::new();
    for (i, (q, k)) in quotes.iter().zip(&keys).enumerate() {
        let row = rows.entry(k.clone()).or_insert_with(|| Speaker {
            name: String::new(),
            canonical: None,
            counts: vec![0; sources],
            quotes: vec![Vec::new(); sources],
            total: 0,
        });
        let s = source_of.get(doc_index(&q.doc)).copied().unwrap_or(0);
        if let (Some(c), Some(list)) = (row.counts.get_mut(s), row.quotes.get_mut(s)) {
            *c += 1;
            list.push(i);
        }
        row.total += 1;
        if row.name.is_empty() {
            row.canonical = q.canonical.clone();
            row.name = match (&q.canonical, q.resolution) {
                (Some(c), _) => c.clone(),
                (None, Resolution::Unknown) => "(unknown)".into(),
                (None, _) => q.speaker.clone().unwrap_or_default(),
            };
        }
    }
    let mut out: Vec<Speaker> = rows.into_values().collect();
    stable_sort_by(&mut out, |a, b| {
        (a.name == "(unknown)")
            .cmp(&(b.name == "(unknown)"))
            .then(b.total.cmp(&a.total))
            .then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants() {
        assert!(same_person("nikol pashinian", "nikol pashinyan"));
        assert!(!same_person("nikol pashinian", "ilham aliyev"));
        assert!(!same_person("aliyev", "aliev"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn rule_names() {
        let t = "As tensions persist, Azerbaijani President Ilham Aliyev has called for talks with the United Nations.";
        assert_eq!(
            rule_persons_in(t, 0, t.len()),
            [(43, "Ilham Aliyev".to_string())]
        );
    }
}
