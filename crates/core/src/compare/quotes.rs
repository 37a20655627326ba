//! Who speaks: direct quotes and reported speech, each with its attribution (speaker phrase and
//! verb), found paragraph by paragraph.
//!
//! Direct quotes are spans between quotation marks: curly (“…”), guillemets, or straight quotes
//! paired by context (an opening `"` follows a space). A quote left open is closed by the next
//! opening mark (`“A. “B,” she said` is two quotes) or by the end of the paragraph.
//!
//! Attribution is looked for in the sentence around a quote, outside quotation marks: a speech
//! verb ("said", "told", "accused", "denied", "according to", …) with the noun phrase before it
//! ("Dujarric said", "Armenia’s Prime Minister, Nikol Pashinian, has accused") or after it
//! (`,” said Dujarric`). A quote is attributed when that attribution directly follows it
//! (`“…,” he said`) or when the quote comes after the verb (`X stated, “…”`, `X accused Y of
//! “…”`). Short quotes (under three words) with no attribution are scare quotes, not speech.
//! A sentence with an attribution and enough words of its own outside quotes is also reported
//! speech ("X said that …").
//!
//! Who the speaker phrase names is resolved in `speakers.rs`; the verb is kept as written,
//! because "claimed" and "said" frame the same words differently.

use super::prepare::{sub, tail};
use super::prepare::{Prepared, Tok};
use super::work;

/// How many words before a speech verb its subject is looked for in.
const SUBJECT_WINDOW: usize = 40;
use crate::model::BlockKind;
use crate::sort::stable_sort_by_key;

/// Speech verbs, as written (lowercase). The `-s` forms that are also plural nouns ("claims",
/// "reports") only count with a subject directly before them.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "noted",
    "notes",
    "added",
    "adds",
    "continued",
    "accused",
    "accuses",
    "claimed",
    "claims",
    "denied",
    "denies",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "reported",
    "reports",
    "asked",
    "urged",
    "urges",
    "warned",
    "warns",
    "insisted",
    "insists",
    "stressed",
    "stresses",
    "highlighted",
    "emphasized",
    "emphasised",
    "informed",
    "confirmed",
    "confirms",
    "pledged",
    "promised",
    "called",
    "argued",
    "argues",
    "explained",
    "acknowledged",
    "admitted",
    "reiterated",
    "demanded",
    "condemned",
    "wrote",
    "writes",
    "replied",
    "responded",
    "maintained",
    "maintains",
    "assured",
    "reassured",
    "vowed",
];

/// Words between a subject and its verb that are not part of the subject.
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "strongly",
    "further",
    "then",
    "later",
    "earlier",
    "previously",
    "repeatedly",
    "reportedly",
    "again",
    "publicly",
    "firmly",
    "already",
    "once",
    "recently",
    "subsequently",
    "did",
    "does",
    "do",
    "officially",
    "separately",
    "flatly",
];

/// A verb directly after one of these is passive or an infinitive, not an attribution.
const NOT_BEFORE_VERB: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "to", "the", "a", "an", "these", "those",
    "its", "their", "his", "her", "of",
];

/// A comma-separated segment starting with one of these is not the subject ("…, who has …,",
/// "Armenia, meanwhile, asked").
const SKIP_SEGMENT: &[&str] = &[
    "who",
    "which",
    "whose",
    "also",
    "meanwhile",
    "however",
    "too",
    "though",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "while",
    "as",
    "according",
    "with",
    "without",
    "including",
    "for",
    "from",
    "under",
    "earlier",
    "later",
    "then",
    "speaking",
    "then",
    "citing",
    "meantime",
    "separately",
    "nonetheless",
    "moreover",
    "additionally",
    "instead",
    "when",
    "by",
    "to",
    "via",
];

/// Words that start an adjunct after a trailing attribution ("…, the court said on Friday").
const ADJUNCT: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "to",
    "from",
    "after",
    "before",
    "while",
    "according",
    "last",
    "this",
    "earlier",
    "late",
    "adding",
    "citing",
    "via",
    "by",
    "when",
    "due",
    "as",
    "referring",
    "speaking",
    "without",
    "with",
];

/// A subject cannot end with one of these.
const FUNCTION: &[&str] = &[
    "the", "a", "an", "these", "those", "this", "that", "of", "in", "on", "at", "for", "to", "by",
    "with", "from", "and", "or", "but", "as", "its", "their", "his", "her", "our", "which", "who",
    "some", "any", "no", "not", "is", "was", "are", "were", "be", "been", "what", "it's",
];

/// Common nouns that can head a speaker phrase ("a spokesman said", "the court said").
const SPEAKER_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "minister",
    "ministry",
    "government",
    "president",
    "leader",
    "leaders",
    "leadership",
    "expert",
    "experts",
    "court",
    "document",
    "reporter",
    "reporters",
    "source",
    "sources",
    "statement",
    "members",
    "member",
    "authorities",
    "agency",
    "office",
    "analyst",
    "analysts",
    "diplomat",
    "diplomats",
    "envoy",
    "ambassador",
    "residents",
    "witnesses",
    "witness",
    "observers",
    "organization",
    "organisation",
    "group",
    "groups",
    "council",
    "committee",
    "army",
    "military",
    "police",
    "activists",
    "officer",
    "officers",
    "secretary",
    "prosecutor",
    "judge",
    "report",
    "decree",
    "campaigners",
    "people",
    "mission",
    "delegation",
    "team",
    "administration",
    "aide",
];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Kind of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// "X said that …": the speaker's point in the writer's words.
    Reported,
}

/// A quotation-mark span in a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset just past the closing mark (or where the quote was cut off).
    pub close: usize,
    /// The quoted words, trimmed.
    pub inner_start: usize,
    pub inner_end: usize,
}

/// A speech verb with its speaker phrase.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub verb: String,
    pub verb_start: usize,
    pub verb_end: usize,
    /// The speaker phrase as written.
    pub np_start: usize,
    pub np_end: usize,
    /// `“…,” said X`: the speaker phrase follows the verb.
    pub inverted: bool,
    pub according: bool,
}

/// A quote or reported statement before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct RawQuote {
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    pub para: usize,
    /// `None`: no attribution found (a continuation, or unknown).
    pub attribution: Option<Attribution>,
}

/// Quotation-mark spans of `text[start..end]`.
pub(crate) fn marks(text: &str, start: usize, end: usize) -> Vec<Marks> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark offset, offset after the mark)
    let mut prev: Option<char> = None;
    let close_at = |o: (usize, usize), stop: usize, close: usize, out: &mut Vec<Marks>| {
        let (s, e) = crate::text::trim_span(text, o.1, stop);
        let e = s + sub(text, s, e).trim_end_matches([',', ' ']).len();
        if e > s {
            out.push(Marks {
                open: o.0,
                close,
                inner_start: s,
                inner_end: e,
            });
        }
    };
    for (i, c) in sub(text, start, end).char_indices() {
        let at = start + i;
        let after = at + c.len_utf8();
        let opening = match c {
            '“' | '«' | '„' => Some(true),
            '”' | '»' => Some(false),
            '"' => Some(prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p))),
            _ => None,
        };
        match (opening, open) {
            (Some(true), Some(o)) => {
                // An opening mark inside an open quote: the first was never closed.
                close_at(o, at, at, &mut out);
                open = Some((at, after));
            }
            (Some(true), None) => open = Some((at, after)),
            (Some(false), Some(o)) => {
                close_at(o, at, after, &mut out);
                open = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some(o) = open {
        close_at(o, end, end, &mut out);
    }
    out
}

/// Is `start..end` inside the quotation marks of one of `marks` (in text order, not
/// overlapping)? A binary search: a sentence can hold thousands of quotes.
pub(super) fn inside(marks: &[Marks], start: usize, end: usize) -> bool {
    work::step(1);
    let k = marks.partition_point(|m| m.inner_start <= start);
    k.checked_sub(1)
        .and_then(|k| marks.get(k))
        .is_some_and(|m| end <= m.inner_end)
}

/// The marks of `marks` (in text order) that open inside `start..end`.
fn opening_in(marks: &[Marks], start: usize, end: usize) -> &[Marks] {
    let a = marks.partition_point(|m| m.open < start);
    let b = marks.partition_point(|m| m.open < end);
    marks.get(a..b).unwrap_or(&[])
}

fn words_in(text: &str) -> usize {
    crate::text::word_count(text)
}

/// Finds the quotes and reported statements of one document.
pub(crate) fn find(text: &str, prep: &Prepared) -> (Vec<RawQuote>, Vec<Marks>) {
    let mut out = Vec::new();
    let mut all_marks = Vec::new();
    for (p, para) in prep.paras.iter().enumerate() {
        if !matches!(para.kind, BlockKind::Body | BlockKind::Standfirst) {
            continue;
        }
        let ms = marks(text, para.start, para.end);
        // Sentences whose boundary falls inside a quote are one outer sentence.
        let mut outer: Vec<(usize, usize, usize, usize)> = Vec::new(); // start, end, tok_start, tok_end
        let first = prep.sentences.partition_point(|s| s.para < p);
        let sentences = prep.sentences.get(first..).unwrap_or(&[]);
        for s in sentences.iter().take_while(|s| s.para == p) {
            work::step(1);
            // The last mark opening before the sentence starts (marks do not overlap).
            let k = ms.partition_point(|m| m.open < s.start);
            let within = k
                .checked_sub(1)
                .and_then(|k| ms.get(k))
                .is_some_and(|m| s.start < m.close);
            match outer.last_mut() {
                Some(last) if within => {
                    last.1 = s.end;
                    last.3 = s.tok_end;
                }
                _ => outer.push((s.start, s.end, s.tok_start, s.tok_end)),
            }
        }
        for &(s_start, s_end, ts, te) in &outer {
            let toks = prep.tokens.get(ts..te).unwrap_or(&[]);
            let sm: Vec<Marks> = opening_in(&ms, s_start, s_end).to_vec();
            let attr = attribution(text, toks, &sm, s_start, s_end);
            // Direct quotes of the sentence.
            let mut trailing_used = false;
            for m in &sm {
                let mut adjacent = false;
                let attributed = attr.as_ref().filter(|a| {
                    let after_quote = if a.inverted { a.verb_start } else { a.np_start };
                    adjacent = after_quote >= m.close
                        && sub(text, m.close, after_quote)
                            .chars()
                            .all(|c| c.is_whitespace() || ",:;”\"»".contains(c));
                    adjacent || m.open >= a.verb_end
                });
                trailing_used |= adjacent;
                let n = words_in(sub(text, m.inner_start, m.inner_end));
                if attributed.is_none() && n < 3 {
                    continue; // scare quotes
                }
                out.push(RawQuote {
                    kind: QuoteKind::Direct,
                    start: m.inner_start,
                    end: m.inner_end,
                    para: p,
                    attribution: attributed.cloned(),
                });
            }
            // Reported speech: the attribution's clause, when it is mostly the writer's words.
            let Some(a) = attr else { continue };
            if trailing_used || a.inverted {
                continue;
            }
            let Some((cs, ce)) = content_span(text, toks, &a, s_start, s_end) else {
                continue;
            };
            let total = words_in(sub(text, cs, ce));
            let quoted: usize = sm
                .iter()
                .filter(|m| m.inner_start >= cs && m.inner_end <= ce)
                .map(|m| words_in(sub(text, m.inner_start, m.inner_end)))
                .sum();
            if total < 3 || quoted * 2 >= total {
                continue;
            }
            out.push(RawQuote {
                kind: QuoteKind::Reported,
                start: cs,
                end: ce,
                para: p,
                attribution: Some(a),
            });
        }
        all_marks.extend(ms);
    }
    stable_sort_by_key(&mut out, |q| (q.start, q.end));
    (out, all_marks)
}

/// The first speech verb of a sentence (outside quotes) that has a speaker phrase.
fn attribution(
    text: &str,
    toks: &[Tok],
    marks: &[Marks],
    s_start: usize,
    s_end: usize,
) -> Option<Attribution> {
    for (k, t) in toks.iter().enumerate() {
        if inside(marks, t.start, t.end) {
            continue;
        }
        work::step(1);
        let next = toks.get(k + 1);
        if t.word == "according" && next.is_some_and(|n| n.word == "to") {
            let to = next?;
            let np = phrase_after(text, toks, marks, k + 2, s_end)?;
            return Some(Attribution {
                verb: "according to".into(),
                verb_start: t.start,
                verb_end: to.end,
                np_start: np.0,
                np_end: np.1,
                inverted: false,
                according: true,
            });
        }
        if !VERBS.contains(&t.word.as_str())
            || !tail(text, t.start).starts_with(|c: char| c.is_lowercase())
        {
            continue;
        }
        let prev = k.checked_sub(1).and_then(|p| toks.get(p));
        if let Some(p) = prev {
            let gap = sub(text, p.end, t.start);
            if NOT_BEFORE_VERB.contains(&p.word.as_str()) && gap.trim().is_empty() {
                continue;
            }
            if p.word == "so" && gap == "-" {
                continue; // "so-called"
            }
        }
        if t.word == "called" {
            // "called for/on …" or "called X an “…”"; not "what is called".
            let demand = next.is_some_and(|n| n.word == "for" || n.word == "on");
            let naming = marks.last().is_some_and(|m| m.open > t.end);
            if !(demand || naming) {
                continue;
            }
        }
        // The last quote closing before the verb bounds the subject.
        let last_close = marks
            .partition_point(|m| m.close <= t.start)
            .checked_sub(1)
            .and_then(|k| marks.get(k))
            .map(|m| m.close);
        // A subject is a short phrase: the clause is read from at most SUBJECT_WINDOW words
        // before the verb, so a sentence of a million words costs no more per verb.
        let window = k
            .checked_sub(SUBJECT_WINDOW)
            .and_then(|w| toks.get(w))
            .map_or(s_start, |w| w.start);
        let clause_start = last_close.unwrap_or(s_start).max(s_start).max(window);
        let pre = sub(text, clause_start, t.start);
        if pre.chars().all(|c| !c.is_alphanumeric()) {
            // `“…,” said X`: the speaker follows.
            if last_close.is_some() {
                if let Some(np) = phrase_after(text, toks, marks, k + 1, s_end) {
                    return Some(Attribution {
                        verb: t.word.clone(),
                        verb_start: t.start,
                        verb_end: t.end,
                        np_start: np.0,
                        np_end: np.1,
                        inverted: true,
                        according: false,
                    });
                }
            }
            continue;
        }
        if let Some((ns, ne)) = subject(text, clause_start, t.start) {
            return Some(Attribution {
                verb: t.word.clone(),
                verb_start: t.start,
                verb_end: t.end,
                np_start: ns,
                np_end: ne,
                inverted: false,
                according: false,
            });
        }
    }
    None
}

/// The words of `text[start..end]` as (start, end, lowercase word) runs of letters, digits,
/// apostrophes, dots inside initialisms and hyphens inside words.
pub(super) fn plain_words(text: &str, start: usize, end: usize) -> Vec<(usize, usize, String)> {
    work::step(end.saturating_sub(start));
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    let s = sub(text, start, end);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (idx, &(i, c)) in chars.iter().enumerate() {
        let next_alnum = chars
            .get(idx + 1)
            .is_some_and(|&(_, n)| n.is_alphanumeric());
        let joins = matches!(c, '\'' | '’' | '.' | '-') && cur.is_some() && next_alnum;
        if c.is_alphanumeric() || joins {
            cur.get_or_insert(i);
        } else if let Some(b) = cur.take() {
            out.push((start + b, start + i, sub(s, b, i).to_lowercase()));
        }
    }
    if let Some(b) = cur {
        out.push((start + b, end, tail(s, b).to_lowercase()));
    }
    out
}

/// The subject noun phrase ending just before a verb at `verb_start`, or `None`.
fn subject(text: &str, clause_start: usize, verb_start: usize) -> Option<(usize, usize)> {
    let mut words = plain_words(text, clause_start, verb_start);
    // Drop auxiliaries and adverbs between the subject and the verb.
    while let Some(w) = words.last() {
        if AUX.contains(&w.2.as_str()) && words.len() > 1 {
            words.pop();
        } else {
            break;
        }
    }
    let end = words.last()?.1;
    // Comma-separated segments of the clause, last first.
    let region = sub(text, clause_start, end);
    let mut bounds = vec![clause_start];
    for (i, c) in region.char_indices() {
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')') {
            bounds.push(clause_start + i + c.len_utf8());
        }
    }
    bounds.push(end);
    for w in (1..bounds.len()).rev() {
        let (Some(&s), Some(&e)) = (bounds.get(w - 1), bounds.get(w)) else {
            continue;
        };
        let seg_words: Vec<&(usize, usize, String)> =
            words.iter().filter(|x| x.0 >= s && x.1 <= e).collect();
        let Some(first) = seg_words.first() else {
            continue;
        };
        let first_lower = tail(text, first.0).starts_with(|c: char| c.is_lowercase());
        if SKIP_SEGMENT.contains(&first.2.as_str())
            || (first_lower && first.2.ends_with("ing") && seg_words.len() > 1)
        {
            continue;
        }
        let last = seg_words.last()?;
        if FUNCTION.contains(&last.2.as_str()) {
            return None;
        }
        let valid = seg_words.iter().any(|x| {
            tail(text, x.0).starts_with(|c: char| c.is_uppercase())
                || SPEAKER_NOUNS.contains(&x.2.as_str())
        }) || (seg_words.len() == 1 && PRONOUNS.contains(&first.2.as_str()));
        // A subject is a phrase, not a clause: a long segment is the sentence's own content.
        if !valid || seg_words.len() > 14 {
            return None;
        }
        // Leading conjunctions are not part of the subject.
        let mut sw = seg_words.as_slice();
        while let [conj, rest @ ..] = sw {
            if rest.is_empty() || !matches!(conj.2.as_str(), "and" | "but" | "so" | "yet" | "or") {
                break;
            }
            sw = rest;
        }
        return sw.first().map(|f| (f.0, last.1));
    }
    None
}

/// A speaker phrase after a verb (`said spokesman X`, `according to a UN spokesman`): words up to
/// punctuation, a quote or a preposition that starts an adjunct, at most eight.
fn phrase_after(
    text: &str,
    toks: &[Tok],
    marks: &[Marks],
    from: usize,
    s_end: usize,
) -> Option<(usize, usize)> {
    let first = toks.get(from)?;
    if inside(marks, first.start, first.end) {
        return None;
    }
    let mut end = first.end;
    for (count, k) in (1..).zip(from + 1..toks.len()) {
        let (Some(t), Some(before)) = (toks.get(k), toks.get(k - 1)) else {
            break;
        };
        let gap = sub(text, before.end, t.start);
        let lower = tail(text, t.start).starts_with(|c: char| c.is_lowercase());
        if gap.chars().any(|c| ",.;:!?“”\"()".contains(c))
            || t.start >= s_end
            || inside(marks, t.start, t.end)
            || count >= 8
            || (lower
                && matches!(
                    t.word.as_str(),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "that"
                        | "when"
                        | "while"
                        | "who"
                        | "to"
                        | "because"
                        | "due"
                ))
        {
            break;
        }
        end = t.end;
    }
    let w = &first.word;
    let last_word = toks
        .partition_point(|t| t.end <= end)
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .map_or("", |t| t.word.as_str());
    if FUNCTION.contains(&last_word) && !PRONOUNS.contains(&w.as_str()) {
        return None;
    }
    Some((first.start, end))
}

/// What a reported statement says: the clause after the verb (past "that"), or before a
/// trailing attribution ("…, a spokesman said"). `None` when there is none.
fn content_span(
    text: &str,
    toks: &[Tok],
    a: &Attribution,
    s_start: usize,
    s_end: usize,
) -> Option<(usize, usize)> {
    let before = sub(text, s_start, a.np_start.min(a.verb_start));
    // "…, the court said on Friday.": a trailing attribution has little after its verb.
    let after = sub(text, a.verb_end.max(a.np_end), s_end);
    let first_after = plain_words(text, a.verb_end.max(a.np_end), s_end)
        .into_iter()
        .next()
        .map(|w| w.2);
    let adjunct = first_after.as_deref().is_none_or(|w| ADJUNCT.contains(&w));
    let trailing = before.trim_end().ends_with(',')
        && words_in(before) >= 3
        && words_in(after) <= 8
        && adjunct;
    let (s, e) = if trailing && !a.according {
        (s_start, s_start + before.trim_end().len() - 1)
    } else if a.according {
        if words_in(before) >= 3 {
            (
                s_start,
                s_start + before.trim_end().trim_end_matches(',').len(),
            )
        } else {
            (a.np_end, s_end)
        }
    } else {
        // After the verb; skip an object and "that" ("told reporters that …").
        let k = toks.partition_point(|t| t.start < a.verb_end);
        let that = toks
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take(4)
            .position(|t| t.word == "that")
            .map(|i| k + i + 1);
        let from = that.or(Some(k)).and_then(|i| toks.get(i))?.start;
        // A quote mark right before the first word belongs to the content.
        let from = sub(text, 0, from)
            .char_indices()
            .next_back()
            .filter(|&(_, c)| "“\"«".contains(c))
            .map_or(from, |(i, _)| i);
        (from.max(a.verb_end), s_end)
    };
    let t = sub(text, s, e).trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
    let t_start = s
        + (t.len()
            - t.trim_start_matches(|c: char| c.is_whitespace() || c == ',')
                .len());
    let e = s + t.len();
    (e > t_start).then_some((t_start, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks_of(text: &str) -> Vec<&str> {
        marks(text, 0, text.len())
            .iter()
            .map(|m| text.get(m.inner_start..m.inner_end).unwrap())
            .collect()
    }

    #[test]
    fn pairs_quote_marks() {
        assert_eq!(
            marks_of("“A b c,” he said. \"D e,\" X said. \"F g.” Then “open"),
            ["A b c", "D e", "F g.", "open"]
        );
        // An unclosed quote is closed by the next opening mark.
        assert_eq!(
            marks_of("“The government agreed. “The mission will go,” he said."),
            ["The government agreed.", "The mission will go"]
        );
        assert_eq!(
            marks_of("2,000 \"peacekeepers\" stationed"),
            ["peacekeepers"]
        );
    }

    #[test]
    fn subjects() {
        let check = |s: &str, want: Option<&str>| {
            let v = s.find(" VERB").unwrap();
            let got = subject(s, 0, v + 1).map(|(a, b)| s.get(a..b).unwrap());
            assert_eq!(got, want, "{s}");
        };
        check(
            "Armenia’s Prime Minister, Nikol Pashinian, has VERB",
            Some("Nikol Pashinian"),
        );
        check(
            "U.S. Secretary of State Antony Blinken, who has engaged in talks with Armenia, VERB",
            Some("U.S. Secretary of State Antony Blinken"),
        );
        check("Armenia, meanwhile, VERB", Some("Armenia"));
        check("However, Azerbaijan has VERB", Some("Azerbaijan"));
        check(
            "The UN will go to the region, a spokesman VERB",
            Some("a spokesman"),
        );
        check("He VERB", Some("He"));
        check(
            "Azerbaijani Foreign Minister Jeyhun Bayramov, also addressing the UN, VERB",
            Some("Azerbaijani Foreign Minister Jeyhun Bayramov"),
        );
        check("Azerbaijan has denied these VERB", None);
        check("the prices VERB", None);
    }
}
