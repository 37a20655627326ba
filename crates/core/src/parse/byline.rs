//! Bylines: who wrote or posted the article, and often when.
//!
//! Shapes: `By Ilham Karimli October 2, 2023`, `By Jane Doe and John Roe | Reuters`,
//! `Sept 24, 2023. Posted by  Balkan Periscope - Hellas`, `Written by Jane Doe in Kyiv`,
//! `Author: Jane Doe`. A unit is a byline only when it is short and every name in it is a name
//! ("By the end of the week, …" is a sentence, not a byline).

use super::dateline::{date_prefix, DateRole};
use super::names::{classify, NameKind};
use super::spans::sub;
use crate::date::{find_dates, DateMatch};
use crate::text::words;

/// What a byline says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Byline {
    /// Spans of personal names.
    pub authors: Vec<(usize, usize)>,
    /// Span of an outlet or wire service named as the author or poster.
    pub outlet: Option<(usize, usize)>,
    pub date: Option<DateMatch>,
    /// The date is labelled as an update ("Updated Oct 3, 2023").
    pub date_is_update: bool,
    /// A second, update date on the same line (`PUBLISHED: … | UPDATED: …`).
    pub updated: Option<DateMatch>,
}

/// A credit line of parts between separators, one of them a date: `Prafulla Marpakwar / TNN /
/// Updated: Jan 23, 2024`, `News24 | Published 18 Mar 2024`, `Source: Xinhua | 2024-03-14 |
/// Editor: huaxia`, `5 min read · Mar 14, 2024`, `PUBLISHED: 14 June 2024 | UPDATED: 15 June 2024`.
pub fn parts_line(text: &str, start: usize, end: usize) -> Option<Byline> {
    if words(text, start, end).len() > 20 {
        return None;
    }
    let parts = split_spans(text, start, end, SEPARATORS);
    if parts.len() < 2 {
        return None;
    }
    let mut out = Byline::default();
    let mut dated = false;
    for (s, e) in parts {
        let part = sub(text, s, e);
        if let Some(p) = date_prefix(text, s, e).filter(|p| skip_ws_punct(text, p.end, e) >= e) {
            dated = true;
            match p.role {
                DateRole::Updated if out.date.is_some() => out.updated = Some(p.date),
                DateRole::Other => {}
                role => {
                    out.date = Some(p.date);
                    out.date_is_update = role == DateRole::Updated;
                }
            }
            continue;
        }
        if let Some((key, vs, ve)) = super::fields::key_value(text, s, e) {
            if key == super::fields::Key::Outlet {
                out.outlet.get_or_insert((vs, ve));
            }
            continue;
        }
        if super::boilerplate::is_boilerplate(part) || part.contains(':') {
            continue;
        }
        if let Some(b) = byline(text, s, e) {
            out.authors.extend(b.authors);
            out.outlet = out.outlet.or(b.outlet);
            continue;
        }
        let name = crate::text::normalize_space(part);
        match classify(&name) {
            NameKind::Person => out.authors.push((s, e)),
            NameKind::Organisation => {
                out.outlet.get_or_insert((s, e));
            }
            NameKind::Generic => {}
            // A short capitalised name beside a date on a credit line names the outlet.
            NameKind::Unknown
                if name.split_whitespace().count() <= 3 && name.starts_with(char::is_uppercase) =>
            {
                out.outlet.get_or_insert((s, e));
            }
            NameKind::Unknown => return None,
        }
    }
    dated.then_some(out)
}

/// Words that introduce a byline, longest first. `posted` marks the blog form, whose value is
/// usually the site's account rather than a person.
const INTRODUCERS: &[(&str, bool)] = &[
    ("posted by", true),
    ("published by", true),
    ("written by", false),
    ("reported by", false),
    ("words by", false),
    ("story by", false),
    ("authors:", false),
    ("author:", false),
    ("byline:", false),
    ("by", false),
];

/// Separators between an author and an outlet or section.
const SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", " / ", " · ", " • "];

/// The longest unit that can still be a byline, in words.
const MAX_WORDS: usize = 24;

/// Reads `text[start..end]` as a byline, if it is one.
pub fn byline(text: &str, start: usize, end: usize) -> Option<Byline> {
    if words(text, start, end).len() > MAX_WORDS {
        return None;
    }
    let mut out = Byline::default();
    let unit = sub(text, start, end);
    let mut i = start
        + (unit.len()
            - unit
                .trim_start_matches(|c: char| c.is_whitespace() || "*_".contains(c))
                .len());
    // A leading date: "Sept 24, 2023. Posted by …".
    if let Some(p) = date_prefix(text, i, end) {
        out.date = Some(p.date);
        out.date_is_update = p.role == DateRole::Updated;
        i = skip_ws_punct(text, p.end, end);
    }
    let (kw_end, posted) = INTRODUCERS.iter().find_map(|(kw, posted)| {
        let j = i + kw.len();
        let matches = sub(text, i, j).eq_ignore_ascii_case(kw)
            && sub(text, j, end).starts_with(|c: char| c.is_whitespace() || c == ':');
        matches.then_some((j, *posted))
    })?;
    let value_start = skip_ws_punct(text, kw_end, end);
    // The names end where a date (or a label before it) begins.
    let rest = sub(text, value_start, end);
    let mut value_end = end;
    if let Some(d) = find_dates(rest).first() {
        value_end = value_start + d.start;
        if out.date.is_none() {
            out.date = Some(DateMatch {
                start: value_start + d.start,
                end: value_start + d.end,
                date: d.date,
            });
        }
        // A label such as "Updated" or "Published" just before the date is not part of a name.
        let head = sub(text, value_start, value_end).trim_end();
        for label in [
            "updated on",
            "updated",
            "published on",
            "published",
            "posted on",
            "posted",
            "on",
        ] {
            let Some(tail) = head
                .len()
                .checked_sub(label.len())
                .and_then(|k| head.get(k..))
            else {
                continue;
            };
            if tail.eq_ignore_ascii_case(label) {
                value_end = value_start + head.len() - label.len();
                if label.starts_with("updated") && out.date.is_some_and(|d| d.start >= value_start)
                {
                    out.date_is_update = true;
                }
                break;
            }
        }
    }
    let (vs, ve) = trim_value(text, value_start, value_end);
    if vs >= ve {
        return None;
    }
    names(text, vs, ve, posted, out)
}

/// Reads the names of a byline value (`text[vs..ve]`) into `out`: authors, and an outlet named
/// as the author or after a separator. `None` when a part is not a name at all.
fn names(text: &str, vs: usize, ve: usize, posted: bool, mut out: Byline) -> Option<Byline> {
    let value = crate::text::normalize_space(sub(text, vs, ve));
    let has_separator = SEPARATORS.iter().any(|s| value.contains(s));
    if posted && (has_separator || classify(&value) == NameKind::Organisation) {
        out.outlet = Some((vs, ve));
        return Some(out);
    }
    // "By Jane Doe for MailOnline": the writer, and the publication they wrote for.
    let (ve, for_outlet) = match [" for ", " FOR "]
        .iter()
        .find_map(|f| sub(text, vs, ve).find(f).map(|k| (k, f.len())))
    {
        Some((k, n)) => (vs + k, Some(trim_value(text, vs + k + n, ve))),
        None => (ve, None),
    };
    if let Some((s, e)) = for_outlet.filter(|(s, e)| s < e && words(text, *s, *e).len() <= 4) {
        out.outlet = Some((s, e));
    }
    // Author part, then optional outlet or section parts after a separator.
    let parts = split_spans(text, vs, ve, SEPARATORS);
    let Some((&(p0s, p0e), others)) = parts.split_first() else {
        return Some(out);
    };
    let items = split_spans(text, p0s, p0e, &[", ", " and ", " & ", "; "]);
    // "Jane Doe, New Delhi": with no "and" in the list, a second item that is not an outlet is
    // where the writer is, not a second writer.
    let listed = [" and ", " & ", "; "]
        .iter()
        .any(|c| sub(text, p0s, p0e).contains(c));
    for (n, (s, e)) in items.iter().copied().enumerate() {
        let (s, e) = strip_location(text, s, e);
        let kind = classify(&crate::text::normalize_space(sub(text, s, e)));
        if n == 1 && items.len() == 2 && !listed && kind != NameKind::Organisation {
            continue;
        }
        match kind {
            NameKind::Person => out.authors.push((s, e)),
            NameKind::Organisation => {
                out.outlet.get_or_insert((s, e));
            }
            NameKind::Generic => {}
            // Not a name: this is a sentence that happens to start with "By".
            NameKind::Unknown => return None,
        }
    }
    for &(s, e) in others {
        if out.outlet.is_none()
            && classify(&crate::text::normalize_space(sub(text, s, e))) == NameKind::Organisation
        {
            out.outlet = Some((s, e));
        }
    }
    Some(out)
}

/// A header line that is only a name: a person ("Jane Doe in Yerevan") or an outlet
/// ("Associated Press", "BBC News"). Only trusted next to other header lines.
pub fn bare_byline(text: &str, start: usize, end: usize) -> Option<Byline> {
    if words(text, start, end).len() > 8 || sub(text, start, end).ends_with('.') {
        return None;
    }
    let (s, e) = trim_value(text, start, end);
    let b = names(text, s, e, false, Byline::default())?;
    // A name that is only a role ("Staff") says nothing worth a byline.
    (!b.authors.is_empty() || b.outlet.is_some()).then_some(b)
}

fn skip_ws_punct(text: &str, from: usize, end: usize) -> usize {
    let rest = sub(text, from, end);
    from + (rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || ".,:;|-–—·•".contains(c))
            .len())
}

/// Trims whitespace and dangling separators (`,`, `|`, `-`) from both ends of a value.
fn trim_value(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = sub(text, start, end);
    // Separators, and the quotes, brackets and emphasis of Markdown and YAML (`*By …*`,
    // `"[[Anna Keller]]"`).
    let junk = |c: char| c.is_whitespace() || ",;|-–—·•:\"'[]*_".contains(c);
    let lead = s.len() - s.trim_start_matches(junk).len();
    let trail = s.len() - s.trim_end_matches(junk).len();
    if lead == s.len() {
        (start, start)
    } else {
        (start + lead, end - trail)
    }
}

/// Splits `text[start..end]` at any of `seps`, trimming each piece; empty pieces are dropped.
fn split_spans(text: &str, start: usize, end: usize, seps: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut piece = start;
    let mut i = start;
    while i < end {
        let rest = sub(text, i, end);
        if let Some(sep) = seps.iter().find(|s| rest.starts_with(*s)) {
            out.push(trim_value(text, piece, i));
            i += sep.len();
            piece = i;
        } else {
            // `i` always advances by a whole character, so `rest` is never empty here.
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push(trim_value(text, piece, end));
    out.retain(|(s, e)| s < e);
    if out.is_empty() {
        out.push((start, end));
    }
    out
}

/// "Jane Doe in Kyiv" → "Jane Doe".
fn strip_location(text: &str, start: usize, end: usize) -> (usize, usize) {
    for marker in [" in ", " at ", " from "] {
        if let Some(k) = sub(text, start, end).find(marker) {
            return (start, start + k);
        }
    }
    (start, end)
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    /// Renders a byline as "authors=[..] outlet=.. date=..".
    fn check(text: &str, expected: Option<&str>) {
        let got = byline(text, 0, text.len()).map(|b| {
            let authors: Vec<&str> = b.authors.iter().map(|&(s, e)| &text[s..e]).collect();
            format!(
                "authors={:?} outlet={} date={}",
                authors,
                b.outlet.map_or("-", |(s, e)| &text[s..e]),
                b.date.map_or("-".to_string(), |d| d.date.to_string())
            )
        });
        assert_eq!(got.as_deref(), expected, "{text:?}");
    }

    #[test]
    fn author_and_date() {
        check(
            "By Ilham Karimli October 2, 2023",
            Some(r#"authors=["Ilham Karimli"] outlet=- date=2023-10-02"#),
        );
        check(
            "By Jane Doe, John Roe and Ann Lee",
            Some(r#"authors=["Jane Doe", "John Roe", "Ann Lee"] outlet=- date=-"#),
        );
        check(
            "Written by Jane Doe in Kyiv",
            Some(r#"authors=["Jane Doe"] outlet=- date=-"#),
        );
        check(
            "By Jane Doe | Reuters | Updated Oct 3, 2023",
            Some(r#"authors=["Jane Doe"] outlet=Reuters date=2023-10-03"#),
        );
        check(
            "Author: Ursula von der Leyen",
            Some(r#"authors=["Ursula von der Leyen"] outlet=- date=-"#),
        );
    }

    #[test]
    fn outlets_and_roles() {
        check(
            "\u{a0}Sept 24, 2023. Posted by \u{a0} Balkan Periscope - Hellas",
            Some(r#"authors=[] outlet=Balkan Periscope - Hellas date=2023-09-24"#),
        );
        check("By Reuters", Some(r#"authors=[] outlet=Reuters date=-"#));
        check("By Staff", Some(r#"authors=[] outlet=- date=-"#));
        check(
            "Posted by John Smith",
            Some(r#"authors=["John Smith"] outlet=- date=-"#),
        );
    }

    #[test]
    fn sentences_starting_with_by_are_not_bylines() {
        check("By the end of the week, the mission had arrived.", None);
        check("By Sunday", None);
        check("Bypass roads were closed", None);
        check("Stand by me", None);
    }
}
