//! Parsing one article file into metadata and blocks. Never fails: problems become diagnostics.
//!
//! The pipeline: decode the bytes (`decode`), cut the text into units (`units`), tag each unit
//! with the rules that recognise it on its own (furniture, bylines, datelines, captions), then
//! use position to settle the rest: the header zone runs to the last header-like unit before
//! the first long paragraph; in it the first headline-shaped line is the title and the others are
//! standfirsts or captions; credits and furniture are peeled off the end; everything else is body.
//!
//! No rule may panic on any input: text is only cut with `spans::sub` (or `str::get`) and
//! pieces are only reached with `get`, which the lints below enforce.
mod boilerplate;
mod byline;
mod caption;
mod credit;
mod dateline;
mod fields;
mod names;
pub(crate) mod spans;
mod subheading;
mod units;

use crate::decode::decode;
use crate::model::*;
use crate::text::{normalize_space, word_count};
use byline::Byline;
use dateline::{DatePrefix, DateRole};
use spans::sub;

/// One input file, with its optional sidecar (`<stem>.toml`).
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The file name (no directories), e.g. `000_c89f353285aead65.txt`.
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The sidecar's file name and bytes, when there is one.
    pub sidecar: Option<(&'a str, &'a [u8])>,
}

/// The id of a file: its name without the last extension.
pub fn file_stem(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    }
}

/// Parses one file as one article (the first, when it is an export holding several: use
/// [`crate::ingest::parse_file`] for files that may hold many). Always returns a document; see
/// its diagnostics.
pub fn parse_document(src: &SourceFile) -> Document {
    let mut docs = crate::ingest::parse_file(src);
    if docs.is_empty() {
        // `parse_file` never returns an empty list; this keeps the promise by construction.
        let decoded = decode(src.name, src.bytes);
        return parse_text(
            src,
            file_stem(src.name).to_string(),
            decoded,
            Conventions::default(),
        );
    }
    docs.swap_remove(0)
}

/// House conventions of the file an article comes from, which change how lines read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conventions {
    /// Factiva-style field codes (`HD`, `BY`, `PD`, `SN` …) start the header lines.
    pub field_codes: bool,
}

/// Parses one article's decoded text into a document with the given id.
pub(crate) fn parse_text(
    src: &SourceFile,
    id: String,
    decoded: crate::decode::Decoded,
    conventions: Conventions,
) -> Document {
    let mut doc = Document {
        id,
        file: src.name.to_string(),
        text: decoded.text,
        meta: Metadata::default(),
        blocks: Vec::new(),
        diagnostics: decoded.diagnostics,
    };
    if decoded.parseable {
        let pieces = classify(&doc.text, decoded.content_start, conventions);
        doc.meta = metadata(&doc.text, &pieces);
        doc.blocks = pieces
            .iter()
            .map(|p| Block {
                kind: p.kind.unwrap_or(BlockKind::Body),
                start: p.start,
                end: p.end,
            })
            .collect();
        if !doc.blocks.iter().any(|b| b.kind == BlockKind::Body) {
            doc.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: DiagnosticCode::NoBody,
                message: format!(
                    "{}: no article body was recognised; its {} block(s) all look like headings or page furniture",
                    src.name,
                    doc.blocks.len()
                ),
                start: decoded.content_start,
                end: doc.text.len(),
            });
        }
    }
    doc
}

/// A span of text and what it was found to be (`None`: not decided yet, ends as body).
#[derive(Debug, Clone)]
struct Piece {
    kind: Option<BlockKind>,
    start: usize,
    end: usize,
    fact: Fact,
    /// The rule that read the fact, recorded with every value taken from it.
    rule: Rule,
}

/// Metadata a piece carries.
#[derive(Debug, Clone)]
enum Fact {
    None,
    Date(DatePrefix),
    Byline(Byline),
    /// A wire service named in a wire dateline: `(Reuters)`.
    Agency(usize, usize),
    /// A `Key: value` header field other than names: the value's span.
    Field(fields::Key, usize, usize),
}

impl Piece {
    fn new(kind: Option<BlockKind>, start: usize, end: usize) -> Piece {
        Piece {
            kind,
            start,
            end,
            fact: Fact::None,
            rule: Rule::Headline,
        }
    }
}

/// Tags every unit, then settles headline, standfirsts, trailing credits and body by position.
fn classify(text: &str, from: usize, conventions: Conventions) -> Vec<Piece> {
    let mut pieces = Vec::new();
    // A YAML list under `authors:` in front matter: its items are the names.
    let mut in_author_list = false;
    for (index, u) in units::split_units(text, from).into_iter().enumerate() {
        if conventions.field_codes && field_code_unit(text, u.start, u.end, &mut pieces) {
            continue;
        }
        if in_author_list {
            if let Some(b) = fields::list_item(text, u.start, u.end)
                .and_then(|(s, e)| byline::bare_byline(text, s, e))
            {
                pieces.push(Piece {
                    kind: Some(BlockKind::Byline),
                    start: u.start,
                    end: u.end,
                    fact: Fact::Byline(b),
                    rule: Rule::FieldLine,
                });
                continue;
            }
        }
        in_author_list = matches!(
            fields::key_span(text, u.start, u.end),
            Some((fields::Key::Authors, s, e)) if s == e
        );
        if in_author_list {
            pieces.push(Piece::new(Some(BlockKind::Byline), u.start, u.end));
            continue;
        }
        tag_unit(text, u.start, u.end, index == 0, &mut pieces);
    }
    let header_end = header_end(text, &pieces);
    settle_header(text, &mut pieces, header_end);
    settle_trailer(text, &mut pieces, header_end);
    settle_subheadings(text, &mut pieces, header_end);
    pieces
}

/// Applies the rules that recognise a unit on its own; may split it (dateline glued to a paragraph).
fn tag_unit(text: &str, start: usize, end: usize, first: bool, out: &mut Vec<Piece>) {
    let s = sub(text, start, end);
    if boilerplate::is_boilerplate(s) {
        return out.push(Piece::new(Some(BlockKind::Boilerplate), start, end));
    }
    if let Some((key, vs, ve)) = fields::key_value(text, start, end) {
        if let Some(piece) = field_piece(text, start, end, key, vs, ve) {
            return out.push(piece);
        }
    }
    if let Some(b) = byline::byline(text, start, end) {
        return out.push(Piece {
            kind: Some(BlockKind::Byline),
            start,
            end,
            fact: Fact::Byline(b),
            rule: Rule::Byline,
        });
    }
    if let Some(b) = byline::parts_line(text, start, end) {
        return out.push(Piece {
            kind: Some(BlockKind::Byline),
            start,
            end,
            fact: Fact::Byline(b),
            rule: Rule::CreditLine,
        });
    }
    if let Some(p) = dateline::date_prefix(text, start, end) {
        let rest = skip_separators(text, p.end, end);
        let labelled = p.date.start > start;
        // "October 1, 2023 4:07 AM GMT+4 Updated a year ago": an undated label is still dateline.
        if rest == end || dateline::undated_dateline(sub(text, rest, end)) {
            return out.push(Piece {
                kind: Some(BlockKind::Dateline),
                start,
                end,
                fact: Fact::Date(p),
                rule: Rule::Dateline,
            });
        }
        // A date glued to the first paragraph by a scraper: split it off. The separator between
        // them ("—", "|") stays with the dateline, so no byte falls between two blocks.
        if labelled || first {
            out.push(Piece {
                kind: Some(BlockKind::Dateline),
                start,
                end: trim_end_at(text, start, rest),
                fact: Fact::Date(p),
                rule: Rule::Dateline,
            });
            return tag_unit(text, rest, end, false, out);
        }
    }
    if dateline::undated_dateline(s) {
        return out.push(Piece::new(Some(BlockKind::Dateline), start, end));
    }
    if let Some(c) = caption::marked_caption(text, start, end) {
        if let Some((s, e)) = c.caption {
            out.push(Piece::new(Some(BlockKind::Caption), s, e));
        }
        if let Some((s, e)) = c.credit {
            out.push(Piece::new(Some(BlockKind::Credit), s, e));
        }
        return;
    }
    if let Some(w) = dateline::wire_dateline(text, start, end) {
        let dateline_end = trim_end_at(text, start, w.end);
        let fact = w.agency.map_or(Fact::None, |(s, e)| Fact::Agency(s, e));
        out.push(Piece {
            kind: Some(BlockKind::Dateline),
            start,
            end: dateline_end,
            fact,
            rule: Rule::WireDateline,
        });
        return out.push(Piece::new(None, w.end, end));
    }
    out.push(Piece::new(None, start, end));
}

/// A Factiva-style field line (`HD  Headline`, `BY  Jane Doe`, `PD  2 March 2024`, `SN  Daily
/// Planet`, `LA  English`): the field the code names. Text codes (`LP`, `TD`) are furniture and
/// their paragraphs are body; other codes (`WC` word count, `SC`, `CY`, `AN` …) are furniture,
/// so a word count or an accession date never becomes a date. Returns whether it was one.
fn field_code_unit(text: &str, start: usize, end: usize, out: &mut Vec<Piece>) -> bool {
    let Some(code) = crate::ingest::exports::factiva_code(sub(text, start, end)) else {
        return false;
    };
    let code_end = start + code.len();
    let vs =
        code_end + (sub(text, code_end, end).len() - sub(text, code_end, end).trim_start().len());
    let piece = |kind, fact| Piece {
        kind: Some(kind),
        start,
        end,
        fact,
        rule: Rule::FieldCode,
    };
    let furniture = Piece::new(Some(BlockKind::Boilerplate), start, end);
    if vs >= end {
        out.push(furniture);
        return true;
    }
    let tagged = match code {
        "HD" => piece(
            BlockKind::Headline,
            Fact::Field(fields::Key::Title, vs, end),
        ),
        "BY" => {
            match byline::byline(text, vs, end).or_else(|| byline::bare_byline(text, vs, end)) {
                Some(b) => piece(BlockKind::Byline, Fact::Byline(b)),
                None => furniture,
            }
        }
        "PD" => match dateline::date_prefix(text, vs, end) {
            Some(d) => piece(BlockKind::Dateline, Fact::Date(d)),
            None => furniture,
        },
        "SN" => {
            let outlet = Byline {
                outlet: Some((vs, end)),
                ..Byline::default()
            };
            piece(BlockKind::Byline, Fact::Byline(outlet))
        }
        "LA" => piece(
            BlockKind::Dateline,
            Fact::Field(fields::Key::Language, vs, end),
        ),
        "LP" | "TD" => {
            out.push(Piece::new(Some(BlockKind::Boilerplate), start, code_end));
            Piece::new(None, vs, end)
        }
        _ => furniture,
    };
    out.push(tagged);
    true
}

/// The piece for a `Key: value` header line (`None` when its names are not names).
fn field_piece(
    text: &str,
    start: usize,
    end: usize,
    key: fields::Key,
    vs: usize,
    ve: usize,
) -> Option<Piece> {
    use fields::Key;
    let (kind, fact) = match key {
        Key::Title => (BlockKind::Headline, Fact::Field(key, vs, ve)),
        Key::Authors => {
            let b = byline::bare_byline(text, vs, ve)?;
            (BlockKind::Byline, Fact::Byline(b))
        }
        // A labelled outlet is one, whatever its name looks like ("Source: The Local France").
        Key::Outlet => {
            let b = Byline {
                outlet: Some((vs, ve)),
                ..Byline::default()
            };
            (BlockKind::Byline, Fact::Byline(b))
        }
        Key::Url | Key::Language => (BlockKind::Dateline, Fact::Field(key, vs, ve)),
        Key::Ignored => (BlockKind::Boilerplate, Fact::None),
    };
    Some(Piece {
        kind: Some(kind),
        start,
        end,
        fact,
        rule: Rule::FieldLine,
    })
}

/// Skips whitespace and the punctuation that separates a dateline from what follows.
fn skip_separators(text: &str, from: usize, end: usize) -> usize {
    let rest = sub(text, from, end);
    from + (rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || ".,;:|-–—·•".contains(c))
            .len())
}

/// `end` moved back over trailing whitespace of `text[start..end]`.
fn trim_end_at(text: &str, start: usize, end: usize) -> usize {
    start + sub(text, start, end).trim_end().len()
}

/// A paragraph of the article proper, long enough that no header line looks like it.
fn is_long_prose(text: &str, p: &Piece) -> bool {
    let s = sub(text, p.start, p.end);
    p.kind.is_none()
        && word_count(s) >= 25
        && s.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\''])
}

/// The header zone ends after the last byline or dateline that comes before the first long
/// paragraph (and within the first dozen pieces), plus any captions, credits and furniture right
/// after it. Captions and furniture alone do not make a header: they occur inside bodies too.
fn header_end(text: &str, pieces: &[Piece]) -> usize {
    let first_prose = pieces
        .iter()
        .position(|p| is_long_prose(text, p))
        .unwrap_or(pieces.len());
    let is_meta = |p: &Piece| matches!(p.kind, Some(BlockKind::Dateline | BlockKind::Byline));
    let head = pieces.get(..first_prose.min(12)).unwrap_or(pieces);
    let Some(last) = head.iter().rposition(is_meta) else {
        return 0;
    };
    let furniture = |p: &Piece| {
        matches!(
            p.kind,
            Some(BlockKind::Caption | BlockKind::Credit | BlockKind::Boilerplate)
        )
    };
    // Furniture, and a name on a line of its own ("Jack Horgan-Jones", "Nation Media Group")
    // right after the byline or date, still belong to the header.
    let name_line = |p: &Piece| {
        p.kind.is_none()
            && word_count(sub(text, p.start, p.end)) <= 6
            && byline::bare_byline(text, p.start, p.end).is_some()
    };
    let after = pieces.get(last + 1..).unwrap_or_default();
    last + 1
        + after
            .iter()
            .take_while(|p| furniture(p) || name_line(p))
            .count()
}

/// A line that can be a title: 2–25 words, no closing full stop or comma.
fn headline_shaped(s: &str) -> bool {
    let s = s.trim().trim_start_matches('#').trim_start();
    let n = word_count(s);
    (2..=25).contains(&n)
        && s.len() <= 250
        && !s.ends_with(['.', ',', ';', ':'])
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
}

/// Headline, standfirsts and unlabelled captions in the header zone.
fn settle_header(text: &str, pieces: &mut [Piece], header_end: usize) {
    let undecided: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind.is_none())
        .map(|(i, _)| i)
        .collect();
    // The title is the first undecided piece (only furniture, datelines and bylines come before
    // it), when it is shaped like one and something follows it.
    let has_title_field = pieces.iter().any(|p| p.kind == Some(BlockKind::Headline));
    let headline = if has_title_field {
        None
    } else {
        choose_title(text, pieces, &undecided, header_end)
    };
    if let Some(h) = headline {
        // Short lines above the title are a masthead, a section label or a kicker
        // ("The Guardian", "World news", "EXCLUSIVE"); a masthead names the outlet.
        for &i in undecided.iter().take_while(|&&i| i < h) {
            let Some(p) = pieces.get_mut(i) else { continue };
            let line = sub(text, p.start, p.end);
            if i == 0 && names::is_masthead(line) {
                p.kind = Some(BlockKind::Byline);
                p.fact = Fact::Byline(Byline {
                    outlet: Some((p.start, p.end)),
                    ..Byline::default()
                });
                p.rule = Rule::Masthead;
            } else {
                p.kind = Some(BlockKind::Boilerplate);
            }
        }
        if let Some(p) = pieces.get_mut(h) {
            p.kind = Some(BlockKind::Headline);
        }
    }
    for &i in undecided.iter().filter(|&&i| i < header_end) {
        if Some(i) == headline {
            continue;
        }
        let Some(p) = pieces.get_mut(i) else { continue };
        if let Some(b) = byline::bare_byline(text, p.start, p.end) {
            // "Jane Doe in Yerevan" or "Associated Press" on a line of its own, near the byline.
            p.kind = Some(BlockKind::Byline);
            p.fact = Fact::Byline(b);
            p.rule = Rule::NameLine;
            continue;
        }
        p.kind = Some(if caption::unmarked_header_caption(text, p.start, p.end) {
            BlockKind::Caption
        } else {
            BlockKind::Standfirst
        });
    }
}

/// The title: the first headline-shaped undecided line of the header with at least four words
/// (shorter lines above it are kickers and section labels), else the first headline-shaped one.
/// Only the first undecided pieces are candidates, and something must follow the title.
fn choose_title(
    text: &str,
    pieces: &[Piece],
    undecided: &[usize],
    header_end: usize,
) -> Option<usize> {
    let first_prose = pieces
        .iter()
        .position(|p| is_long_prose(text, p))
        .unwrap_or(pieces.len());
    let limit = header_end.max(1).min(first_prose).max(1);
    let shaped = |i: &usize| {
        *i + 1 < pieces.len()
            && pieces
                .get(*i)
                .is_some_and(|p| headline_shaped(sub(text, p.start, p.end)))
    };
    let candidates: Vec<usize> = undecided
        .iter()
        .copied()
        .take_while(|&i| i < limit)
        .take(4)
        .collect();
    let long = candidates.iter().copied().find(|i| {
        shaped(i)
            && pieces
                .get(*i)
                .is_some_and(|p| word_count(sub(text, p.start, p.end)) >= 4)
    });
    long.or_else(|| undecided.first().copied().filter(shaped))
}

/// Credits and furniture at the end of the article.
fn settle_trailer(text: &str, pieces: &mut [Piece], header_end: usize) {
    for (i, p) in pieces.iter_mut().enumerate().rev() {
        if i < header_end {
            break;
        }
        match p.kind {
            Some(BlockKind::Boilerplate | BlockKind::Credit) => continue,
            None if credit::is_trailing_credit(sub(text, p.start, p.end)) && i > header_end => {
                p.kind = Some(BlockKind::Credit);
            }
            _ => break,
        }
    }
}

/// Crossheads: undecided heading-shaped lines after the header, with a paragraph of prose on
/// each side (captions, credits and furniture in between are skipped).
fn settle_subheadings(text: &str, pieces: &mut [Piece], header_end: usize) {
    let furniture = |p: &Piece| {
        matches!(
            p.kind,
            Some(BlockKind::Caption | BlockKind::Credit | BlockKind::Boilerplate)
        )
    };
    let prose = |p: Option<&Piece>| {
        p.is_some_and(|p| {
            p.kind.is_none() && subheading::prose_neighbour(sub(text, p.start, p.end))
        })
    };
    for i in header_end..pieces.len() {
        let (Some(before), Some((p, after))) = (
            pieces.get(header_end..i),
            pieces.get(i..).and_then(<[Piece]>::split_first),
        ) else {
            continue;
        };
        if p.kind.is_some() || !subheading::heading_shaped(sub(text, p.start, p.end)) {
            continue;
        }
        let before = before.iter().rev().find(|q| !furniture(q));
        let after = after.iter().find(|q| !furniture(q));
        if prose(before) && prose(after) {
            if let Some(p) = pieces.get_mut(i) {
                p.kind = Some(BlockKind::Subheading);
            }
        }
    }
}

/// A text value and its span.
fn field(text: &str, start: usize, end: usize, rule: Rule) -> Field<String> {
    Field {
        value: normalize_space(sub(text, start, end)),
        source: Provenance::Text { start, end, rule },
    }
}

fn date_field(m: &crate::date::DateMatch, rule: Rule) -> Field<Date> {
    Field {
        value: m.date,
        source: Provenance::Text {
            start: m.start,
            end: m.end,
            rule,
        },
    }
}

/// Collects title, authors, outlet and dates from the classified pieces; each value records
/// the rule of the piece it came from.
fn metadata(text: &str, pieces: &[Piece]) -> Metadata {
    let mut m = Metadata::default();
    if let Some(h) = pieces.iter().find(|p| p.kind == Some(BlockKind::Headline)) {
        // A "Title: …" field's title is its value; a headline line's is the whole line
        // (without a Markdown heading's `#`).
        m.title = Some(match h.fact {
            Fact::Field(_, s, e) => field(text, s, e, h.rule),
            _ => {
                let line = sub(text, h.start, h.end);
                let start = h.end - line.trim_start_matches(['#', ' ']).len();
                field(text, start.min(h.end), h.end, Rule::Headline)
            }
        });
    }
    let mut agency = None;
    for p in pieces {
        let rule = p.rule;
        match &p.fact {
            Fact::Date(d) => {
                let slot = match d.role {
                    DateRole::Published => &mut m.published,
                    DateRole::Updated => &mut m.updated,
                    // A clip, load or access date says when someone saved the article.
                    DateRole::Other => continue,
                };
                slot.get_or_insert_with(|| date_field(&d.date, rule));
            }
            Fact::Byline(b) => {
                if m.authors.is_empty() {
                    m.authors = b
                        .authors
                        .iter()
                        .map(|&(s, e)| field(text, s, e, rule))
                        .collect();
                }
                if let (None, Some((s, e))) = (&m.outlet, b.outlet) {
                    m.outlet = Some(field(text, s, e, rule));
                }
                if let Some(d) = &b.date {
                    let slot = if b.date_is_update {
                        &mut m.updated
                    } else {
                        &mut m.published
                    };
                    slot.get_or_insert_with(|| date_field(d, rule));
                }
                if let Some(d) = &b.updated {
                    m.updated.get_or_insert_with(|| date_field(d, rule));
                }
            }
            Fact::Agency(s, e) => {
                agency.get_or_insert((*s, *e));
            }
            Fact::Field(fields::Key::Url, s, e) => {
                m.url.get_or_insert_with(|| field(text, *s, *e, rule));
            }
            Fact::Field(fields::Key::Language, s, e) => {
                m.language.get_or_insert_with(|| field(text, *s, *e, rule));
            }
            Fact::Field(..) | Fact::None => {}
        }
    }
    // Wire copy signed "(Reuters)" in its dateline is that agency's, unless a byline says otherwise.
    if let (None, Some((s, e))) = (&m.outlet, agency) {
        m.outlet = Some(field(text, s, e, Rule::WireDateline));
    }
    // Weaker evidence, used only when nothing above named the outlet: a copyright line, then
    // an outlet's name alone at the end of the article.
    if m.outlet.is_none() {
        let copyright = pieces
            .iter()
            .find_map(|p| credit::copyright_holder(text, p.start, p.end))
            .map(|(s, e)| field(text, s, e, Rule::CopyrightLine));
        m.outlet = copyright.or_else(|| {
            pieces
                .iter()
                .rev()
                .take_while(|p| p.kind != Some(BlockKind::Body) && p.kind.is_some())
                .filter(|p| p.kind == Some(BlockKind::Credit))
                .find_map(|p| credit::bare_outlet(text, p.start, p.end))
                .map(|(s, e)| field(text, s, e, Rule::ClosingName))
        });
    }
    // A date in the article's URL (`/2024/01/23/`) when the text states none.
    if m.published.is_none() && m.updated.is_none() {
        if let Some(Provenance::Text { start, end, .. }) = m.url.as_ref().map(|u| u.source) {
            m.published = crate::date::find_dates(sub(text, start, end))
                .first()
                .map(|d| {
                    let at = crate::date::DateMatch {
                        start: start + d.start,
                        end: start + d.end,
                        date: d.date,
                    };
                    date_field(&at, Rule::UrlDate)
                });
        }
    }
    // An update date that is the only date given is the article's date too.
    if m.published.is_none() {
        m.published = m.updated.as_ref().map(|u| Field {
            value: u.value,
            source: match u.source {
                Provenance::Text { start, end, .. } => Provenance::Text {
                    start,
                    end,
                    rule: Rule::OnlyDate,
                },
                other => other,
            },
        });
    }
    m
}

#[cfg(test)]
mod tests;
