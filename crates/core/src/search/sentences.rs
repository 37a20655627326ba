//! Sentence splitting: the unit of a passage hit.
//!
//! Sentences never cross a block (a headline or caption is one passage even without a final
//! stop). Inside a block a sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and
//! brackets) followed by white space and a capital, digit or opening quote; a period after an
//! initial (`U.N.`, `J.`) or a common abbreviation (`Mr.`, `Oct.`) does not end one.

/// Byte spans (into `text`) of the sentences of `text[start..end]`, trimmed of white space.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let Some(block) = text.get(start..end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(' ', |&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(block.len(), |&(o, _)| o);
    let mut out = Vec::new();
    let mut from = 0; // byte offset in `block` of the current sentence
    let mut i = 0;
    while i < chars.len() {
        let c = at(i);
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while matches!(at(j), '.' | '!' | '?' | '…') {
            j += 1;
        }
        while j < chars.len() && is_closing(at(j)) {
            j += 1;
        }
        let mut k = j;
        while k < chars.len() && at(k).is_whitespace() {
            k += 1;
        }
        let starts_new = k > j
            && k < chars.len()
            && (at(k).is_uppercase() || at(k).is_ascii_digit() || is_opening(at(k)));
        if starts_new && !(c == '.' && j == i + 1 && abbreviation_before(block, offset(i))) {
            push_trimmed(text, start + from, start + offset(j), &mut out);
            from = offset(k);
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    push_trimmed(text, start + from, end, &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let (s, e) = crate::text::trim_span(text, start, end);
    if text
        .get(s..e)
        .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    {
        out.push((s, e));
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[')
}

/// Is the word ending just before the period at `dot` an initial or an abbreviation?
fn abbreviation_before(block: &str, dot: usize) -> bool {
    let head = block.get(..dot).unwrap_or("");
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = head.get(word_start..).unwrap_or("");
    if word.chars().count() == 1 {
        return true;
    }
    const ABBREVIATIONS: [&str; 30] = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "capt", "sgt", "gov", "sen",
        "rep", "rev", "prof", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov",
    ];
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || lower == "dec"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text, 0, text.len())
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap())
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn splits_on_stops_followed_by_a_capital() {
        check(
            "The UN will go. It said so! Really? 30 years later.",
            &[
                "The UN will go.",
                "It said so!",
                "Really?",
                "30 years later.",
            ],
        );
        check("No final stop", &["No final stop"]);
        check("  ", &[]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        check(
            "in the region. “The mission will take place,” he said. \"But no.\" Then.",
            &[
                "in the region.",
                "“The mission will take place,” he said.",
                "\"But no.\"",
                "Then.",
            ],
        );
    }

    #[test]
    fn initials_and_abbreviations_do_not_split() {
        check(
            "The U.N. Security Council met Mr. Blinken on Oct. 2. J. Smith left.",
            &[
                "The U.N. Security Council met Mr. Blinken on Oct. 2.",
                "J. Smith left.",
            ],
        );
        check(
            "2.5 per cent of e.g. cases. Next",
            &["2.5 per cent of e.g. cases.", "Next"],
        );
        check("a lowercase. continuation", &["a lowercase. continuation"]);
    }

    #[test]
    fn offsets_are_into_the_whole_text() {
        let text = "xx One. Two. yy";
        let s = sentences(text, 3, 12);
        assert_eq!(s, [(3, 7), (8, 12)]);
    }
}
