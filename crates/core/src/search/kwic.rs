//! KWIC concordance: every occurrence of the searched words or phrases, keyword centred between
//! its left and right context (within its paragraph), sortable by either side.

use super::eval::Matcher;
use super::fold::fold;
use super::index::Index;
use super::results::evaluate;
use super::sort::sort_by;
use crate::model::Document;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KwicSort {
    /// Corpus order.
    #[default]
    Document,
    /// By the words just before the keyword, nearest first (how concordancers sort "left").
    Left,
    /// By the words just after the keyword.
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicOptions {
    /// Characters of context on each side (cut to whole words where possible).
    pub width: usize,
    pub sort: KwicSort,
    pub limit: usize,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions {
            width: 60,
            sort: KwicSort::Document,
            limit: 500,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicLine {
    pub doc: usize,
    pub id: String,
    /// The keyword's byte span in `Document::text`.
    pub start: usize,
    pub end: usize,
    /// Context with white space runs made single spaces.
    pub left: String,
    pub keyword: String,
    pub right: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kwic {
    /// At most `limit` lines.
    pub lines: Vec<KwicLine>,
    /// All occurrences.
    pub total: usize,
    pub notes: Vec<String>,
    pub corrected_query: Option<String>,
}

/// The keyword spans (first and last token) of document `d`'s lines: every occurrence of a
/// searched word or phrase, one per first token, in text order.
fn line_spans(m: &Matcher, d: usize) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = m
        .terms
        .iter()
        .enumerate()
        .filter(|(_, term)| !term.negated)
        .flat_map(|(t, _)| m.occurrences(t, d as u32))
        .collect();
    sort_by(&mut spans, &|a, b| a.cmp(b));
    spans.dedup_by_key(|s| s.0);
    spans
}

/// The documents whose text [`kwic`] reads for `query` (for a corpus loaded piece by piece,
/// `bundle::LazyBundle`): in corpus order, those of the first `opts.limit` lines; sorted by
/// context, every matching document (the sort reads every line's context). Needs only the
/// index's postings of the query's words.
pub(crate) fn line_docs(index: &Index, query: &str, opts: &KwicOptions) -> Vec<usize> {
    let (m, ..) = evaluate(index, query);
    let mut out = Vec::new();
    let mut lines = 0usize;
    for d in m.matched.iter() {
        if opts.sort == KwicSort::Document && lines >= opts.limit {
            break;
        }
        let n = line_spans(&m, d).len();
        if n > 0 {
            out.push(d);
            lines += n;
        }
    }
    out
}

/// Concordance of the words and phrases `query` looks for, in the documents it matches.
pub fn kwic(index: &Index, docs: &[Document], query: &str, opts: &KwicOptions) -> Kwic {
    let (m, _, mut notes, corrected_query) = evaluate(index, query);
    if !m.has_positive_text() {
        notes.push("A concordance needs a word or phrase to centre on.".into());
    }
    // Every occurrence first (cheap: spans only); context strings only for the lines returned.
    // In document order the first `limit` occurrences are the lines: past them occurrences are
    // only counted.
    let in_order = opts.sort == KwicSort::Document;
    let mut hits: Vec<Hit> = Vec::new();
    // Lines past the first `limit` in document order, and lines of documents whose text is not
    // loaded (a sharded corpus), are counted, not listed.
    let mut total = 0;
    for d in m.matched.iter() {
        let Some(doc) = docs
            .get(d)
            .filter(|x| index.doc_id(d) == Some(x.id.as_str()))
        else {
            continue;
        };
        let Some(entry) = index.docs.get(d) else {
            continue;
        };
        let spans = line_spans(&m, d);
        if entry.tokens.is_empty() {
            total += spans.len();
            continue;
        }
        if in_order && hits.len() >= opts.limit {
            total += spans
                .iter()
                .filter(|&&(a, b)| entry.token_span(a, b).is_some())
                .count();
            continue;
        }
        for (a, b) in spans {
            let block = entry
                .sentences
                .get(entry.sentence_of(a))
                .map_or(usize::MAX, |s| s.block as usize);
            let Some((start, end)) = entry.token_span(a, b) else {
                continue;
            };
            let (bs, be) = doc
                .blocks
                .get(block)
                .map_or((start, end), |b| (b.start, b.end));
            total += 1;
            hits.push(Hit {
                doc: d,
                a,
                b,
                start,
                end,
                bs,
                be,
            });
        }
    }
    // Sort keys: the nearest few words on the chosen side, folded.
    let key = |h: &Hit, left: bool| -> Vec<String> {
        let (Some(entry), Some(doc)) = (index.docs.get(h.doc), docs.get(h.doc)) else {
            return Vec::new();
        };
        let positions: Vec<usize> = if left {
            (h.a.saturating_sub(4) as usize..h.a as usize)
                .rev()
                .collect()
        } else {
            (h.b as usize..(h.b as usize + 4).min(entry.tokens.len())).collect()
        };
        positions
            .into_iter()
            .filter_map(|p| entry.tokens.get(p))
            .filter(|&&(s, e)| s as usize >= h.bs && e as usize <= h.be)
            .map(|&(s, e)| fold(doc.slice(s as usize, e as usize)))
            .collect()
    };
    if opts.sort != KwicSort::Document {
        let left = opts.sort == KwicSort::Left;
        let mut keyed: Vec<(Vec<String>, Hit)> =
            hits.into_iter().map(|h| (key(&h, left), h)).collect();
        sort_by(&mut keyed, &|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.doc.cmp(&b.1.doc))
                .then(a.1.start.cmp(&b.1.start))
        });
        hits = keyed.into_iter().map(|(_, h)| h).collect();
    }
    hits.truncate(opts.limit);
    let lines = hits
        .iter()
        .map(|h| {
            let text = docs.get(h.doc).map_or("", |d| d.text.as_str());
            // A window a few times the width, so a long paragraph is not copied for each line.
            let reach = opts.width * 4 + 8;
            let mut ls = h.start.saturating_sub(reach).max(h.bs).min(text.len());
            while !text.is_char_boundary(ls) {
                ls += 1;
            }
            let mut re = (h.end + reach).min(h.be).min(text.len());
            while !text.is_char_boundary(re) {
                re -= 1;
            }
            // `get`: a span that does not fit the text (a bundle whose index does not match its
            // documents) gives an empty context rather than a panic.
            let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("");
            KwicLine {
                doc: h.doc,
                id: index.doc_id(h.doc).unwrap_or_default().to_string(),
                start: h.start,
                end: h.end,
                left: left_context(slice(ls, h.start), opts.width),
                keyword: crate::text::normalize_space(slice(h.start, h.end)),
                right: right_context(slice(h.end, re), opts.width),
            }
        })
        .collect();
    Kwic {
        lines,
        total,
        notes,
        corrected_query,
    }
}

/// One occurrence: document, token range, byte span, and its block's byte span.
struct Hit {
    doc: usize,
    a: u32,
    b: u32,
    start: usize,
    end: usize,
    bs: usize,
    be: usize,
}

/// The last `width` characters of `text`, whole words only where possible.
fn left_context(text: &str, width: usize) -> String {
    let t = crate::text::normalize_space(text);
    let n = t.chars().count();
    if n <= width {
        return with_space(text, t, true);
    }
    let cut = t.char_indices().nth(n - width).map_or(0, |(i, _)| i);
    let (before, tail) = t.split_at_checked(cut).unwrap_or(("", &t));
    // Whole words only (unless one word is wider than the context).
    let mid_word = !before.ends_with(' ') && !tail.starts_with(' ');
    let tail = match tail.split_once(' ') {
        Some((_, rest)) if mid_word => rest,
        _ => tail.trim_start(),
    };
    with_space(text, format!("…{tail}"), true)
}

/// The first `width` characters of `text`, whole words only where possible.
fn right_context(text: &str, width: usize) -> String {
    let t = crate::text::normalize_space(text);
    if t.chars().count() <= width {
        return with_space(text, t, false);
    }
    let cut = t.char_indices().nth(width).map_or(t.len(), |(i, _)| i);
    let (head, after) = t.split_at_checked(cut).unwrap_or((&t, ""));
    let mid_word = !after.starts_with(' ') && !head.ends_with(' ');
    let head = match head.rsplit_once(' ') {
        Some((kept, _)) if mid_word => kept,
        _ => head.trim_end(),
    };
    with_space(text, format!("{head}…"), false)
}

/// Keeps the single space between context and keyword that normalizing trimmed away.
fn with_space(raw: &str, mut t: String, left: bool) -> String {
    if left && raw.ends_with(char::is_whitespace) && !t.is_empty() {
        t.push(' ');
    } else if !left && raw.starts_with(char::is_whitespace) && !t.is_empty() {
        t.insert(0, ' ');
    }
    t
}
