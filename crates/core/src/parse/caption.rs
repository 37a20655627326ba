//! Photo captions and credits, which scraped articles mix into the text.
//!
//! Recognised: a credit after a slash (`… October 1, 2023 / Trend News Agency`), in parentheses
//! (`(AP Photo/Jane Doe)`, `(Photo: Reuters)`), or after a label (`… Photo: Reuters`,
//! `REUTERS/Jane Doe`, `AFP via Getty Images`); labelled lines (`Image caption, …`,
//! `Image source, Getty Images`, `FILE - …`); and, in the header only, an unlabelled line that
//! describes a picture and ends on a place or date (`Soldiers at the border in Aghdam, Azerbaijan.`).

use super::spans::{sub, tail};
use crate::date::find_dates;
use crate::text::word_count;

/// How a unit splits into caption and credit (either may be absent, not both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaptionSplit {
    pub caption: Option<(usize, usize)>,
    pub credit: Option<(usize, usize)>,
}

/// Labels that make a whole line a caption.
const CAPTION_LABELS: &[&str] = &[
    "image caption",
    "photo caption",
    "caption",
    "file photo",
    "file",
    "pictured",
];
/// Labels that make a whole line a credit.
const CREDIT_LABELS: &[&str] = &[
    "image source",
    "photo credit",
    "image credit",
    "credit",
    "photo",
    "photograph",
    "picture",
    "image",
];
/// Labels that introduce a credit at the end of a caption.
const TAIL_LABELS: &[&str] = &[
    "Photo:",
    "Photograph:",
    "Picture:",
    "Image:",
    "Credit:",
    "Photo by",
    "Photo credit:",
];

/// The longest caption we accept, in words.
const MAX_CAPTION_WORDS: usize = 70;

/// A caption or credit with an explicit marker (label or credit tail); any position.
pub fn marked_caption(text: &str, start: usize, end: usize) -> Option<CaptionSplit> {
    let s = sub(text, start, end);
    if word_count(s) > MAX_CAPTION_WORDS {
        return None;
    }
    if let Some(label) = leading_label(s, CREDIT_LABELS) {
        // "Photo: Reuters" is a credit; "Photo: Soldiers stand at …" is a caption.
        let short = word_count(tail(s, label)) <= 6 && !s.trim_end().ends_with('.');
        let whole = Some((start, end));
        return Some(if short {
            CaptionSplit {
                caption: None,
                credit: whole,
            }
        } else {
            CaptionSplit {
                caption: whole,
                credit: None,
            }
        });
    }
    if leading_label(s, CAPTION_LABELS).is_some() {
        return Some(CaptionSplit {
            caption: Some((start, end)),
            credit: None,
        });
    }
    credit_tail(s).map(|k| {
        let cap_end = start + sub(s, 0, k).trim_end().len();
        CaptionSplit {
            caption: (cap_end > start).then_some((start, cap_end)),
            credit: Some((start + k, end)),
        }
    })
}

/// A header line describing a picture without any label: short, a full stop at the end, and
/// ending on a place (", Azerbaijan.") or a date.
pub fn unmarked_header_caption(text: &str, start: usize, end: usize) -> bool {
    let s = sub(text, start, end).trim();
    if !s.ends_with('.') || word_count(s) > 35 || word_count(s) < 3 {
        return false;
    }
    let body = s.trim_end_matches('.');
    let ends_on_date = find_dates(body).last().is_some_and(|d| d.end == body.len());
    let ends_on_place = body.rsplit_once(", ").is_some_and(|(_, last)| {
        let ws: Vec<&str> = last.split_whitespace().collect();
        (1..=3).contains(&ws.len()) && ws.iter().all(|w| w.starts_with(char::is_uppercase))
    });
    ends_on_date || ends_on_place
}

/// If `s` starts with one of `labels` followed by `:` or `,` or ` -`, the offset after it.
fn leading_label(s: &str, labels: &[&str]) -> Option<usize> {
    labels.iter().find_map(|l| {
        let head = s.get(..l.len())?;
        if !head.eq_ignore_ascii_case(l) {
            return None;
        }
        let rest = tail(s, l.len());
        let sep = [":", ",", " -", " –", " —"]
            .iter()
            .find(|p| rest.starts_with(**p))?;
        Some(l.len() + sep.len())
    })
}

/// Where a credit at the end of `s` starts, if it has one.
fn credit_tail(s: &str) -> Option<usize> {
    let t = s.trim_end();
    // "… / Trend News Agency"
    if let Some(k) = t.rfind(" / ") {
        let who = tail(t, k + 3);
        if is_short_name(who) {
            return Some(k + 1);
        }
    }
    // "… (AP Photo/Jane Doe)", "… (Photo: Reuters)", "… (Getty Images)"
    if let Some(open) = t.strip_suffix(')') {
        if let Some(k) = open.rfind('(') {
            let inner = tail(open, k + 1);
            let lower = inner.to_lowercase();
            if lower.contains("photo")
                || lower.contains("image")
                || lower.contains("getty")
                || lower.contains("credit")
            {
                return Some(k);
            }
        }
    }
    // "… Photo: Reuters", "… REUTERS/Jane Doe", "… AFP via Getty Images"
    for label in TAIL_LABELS {
        if let Some(k) = t.rfind(label) {
            if k > 0 && is_short_name(tail(t, k + label.len()).trim()) {
                return Some(k);
            }
        }
    }
    // "REUTERS/Jane Doe": an all-caps agency, a slash, then the photographer.
    let mut offset = 0;
    for word in t.split_inclusive(char::is_whitespace) {
        let agency = word.split_once('/').map(|(a, _)| a);
        if offset > 0
            && agency.is_some_and(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
            && tail(t, offset).split_whitespace().count() <= 4
        {
            return Some(offset);
        }
        offset += word.len();
    }
    if let Some(k) = t
        .find(" via Getty Images")
        .or_else(|| t.rfind(" Getty Images"))
    {
        // The credit runs back to the end of the caption's last sentence.
        let start = sub(t, 0, k).rfind(". ").map_or(0, |i| i + 2);
        if tail(t, start).split_whitespace().count() <= 8 {
            return Some(start);
        }
    }
    None
}

/// 1–6 words, starting with a capital, not a sentence.
fn is_short_name(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (1..=6).contains(&n) && s.starts_with(char::is_uppercase) && !s.ends_with(['.', ',', ';', ':'])
}

#[cfg(test)]
#[allow(clippy::string_slice)] // A panic in a test is a failing test.
mod tests {
    use super::*;

    /// "caption|credit" with "-" for an absent part, or None when not a caption.
    fn check(s: &str, expected: Option<&str>) {
        let got = marked_caption(s, 0, s.len()).map(|c| {
            let part = |p: Option<(usize, usize)>| p.map_or("-", |(a, b)| &s[a..b]).to_string();
            format!("{}|{}", part(c.caption), part(c.credit))
        });
        assert_eq!(got.as_deref(), expected, "{s:?}");
    }

    #[test]
    fn credit_after_slash() {
        check(
            "A convoy of the UN mission, October 1, 2023 / Trend News Agency",
            Some("A convoy of the UN mission, October 1, 2023|/ Trend News Agency"),
        );
    }

    #[test]
    fn credits_in_other_shapes() {
        check(
            "Soldiers at a checkpoint. (AP Photo/Jane Doe)",
            Some("Soldiers at a checkpoint.|(AP Photo/Jane Doe)"),
        );
        check(
            "Refugees arrive in Goris. Photo: Reuters",
            Some("Refugees arrive in Goris.|Photo: Reuters"),
        );
        check(
            "Refugees arrive in Goris. REUTERS/Jane Doe",
            Some("Refugees arrive in Goris.|REUTERS/Jane Doe"),
        );
        check(
            "Refugees arrive in Goris. John Doe/AFP via Getty Images",
            Some("Refugees arrive in Goris.|John Doe/AFP via Getty Images"),
        );
    }

    #[test]
    fn labelled_lines() {
        check(
            "Image source, Getty Images",
            Some("-|Image source, Getty Images"),
        );
        check(
            "Image caption, Refugees queue for fuel",
            Some("Image caption, Refugees queue for fuel|-"),
        );
        check(
            "FILE - Soldiers stand guard in 2020.",
            Some("FILE - Soldiers stand guard in 2020.|-"),
        );
        check("Photo: Reuters", Some("-|Photo: Reuters"));
    }

    #[test]
    fn ordinary_sentences_are_not_captions() {
        check("The ratio fell from 3 / 4 to half.", None);
        check("Armenia called on Saturday for a UN mission.", None);
        check("Photographers were not allowed in.", None);
    }

    #[test]
    fn unmarked_header_captions() {
        let yes = "Russian solidier the Aghdam-Khankendi border in Aghdam, Azerbaijan.";
        assert!(unmarked_header_caption(yes, 0, yes.len()));
        let date = "Refugees in Goris on October 1, 2023.";
        assert!(unmarked_header_caption(date, 0, date.len()));
        let no =
            "Armenia called for the immediate deployment of a UN mission to monitor human rights.";
        assert!(!unmarked_header_caption(no, 0, no.len()));
    }
}
