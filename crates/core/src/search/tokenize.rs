//! Unicode-aware tokenization: words with their byte spans, folded for lookup.
//!
//! A token is a run of letters and digits. Kept inside a token, because splitting them would make
//! the pieces meaningless: apostrophes between letters (`doesn't`), a thousands comma (`2,000`
//! is the word `2000`) and a decimal point between digits (`1.5`). Initialisms written with dots
//! become one word (`U.N.` is `un`, so it matches `UN`). Hyphens split (`Nagorno-Karabakh` is two
//! words, found again as a phrase). The possessive `'s` is dropped, so `Azerbaijan’s` is the word
//! `azerbaijan`.

use super::fold::fold_char_into;

/// A word of the text: `start..end` are byte offsets into the text given to the tokenizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercase, without diacritics, possessive removed.
    pub word: String,
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2BC}')
}

/// Calls `f(start, end, word)` for every token of `text[start..end]`, offsets into `text`.
pub fn for_each_token(text: &str, start: usize, end: usize, mut f: impl FnMut(usize, usize, &str)) {
    let chars: Vec<(usize, char)> = text
        .get(start..end)
        .unwrap_or("")
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map_or(' ', |&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(end, |&(o, _)| o);
    let mut word = String::new();
    let mut i = 0;
    while i < n {
        if !at(i).is_alphanumeric() {
            i += 1;
            continue;
        }
        word.clear();
        if let Some(next) = initialism(&chars, i, &mut word) {
            f(offset(i), offset(next), &word);
            i = next;
            continue;
        }
        let s = i;
        while i < n {
            let c = at(i);
            let (prev, next) = (at(i.wrapping_sub(1)), at(i + 1));
            if c.is_alphanumeric() || is_mark(c) {
                fold_char_into(c, &mut word);
            } else if is_apostrophe(c) && prev.is_alphabetic() && next.is_alphabetic() {
                word.push('\'');
            } else if c == ','
                && prev.is_ascii_digit()
                && (1..=3).all(|k| at(i + k).is_ascii_digit())
                && !at(i + 4).is_ascii_digit()
            {
                // Thousands separator: left out of the word.
            } else if c == '.' && prev.is_ascii_digit() && next.is_ascii_digit() {
                word.push('.');
            } else {
                break;
            }
            i += 1;
        }
        if word.ends_with("'s") && word.len() > 2 {
            word.truncate(word.len() - 2);
        }
        f(offset(s), offset(i), &word);
    }
}

/// `U.N.`, `U.S`, `e.g.`: single letters joined by dots. Returns the index just past the last
/// letter (the final dot stays outside, it may end the sentence) and puts the letters in `word`.
fn initialism(chars: &[(usize, char)], i: usize, word: &mut String) -> Option<usize> {
    let at = |k: usize| chars.get(k).map_or(' ', |&(_, c)| c);
    let mut j = i;
    let mut letters = 0;
    while at(j).is_alphabetic() && !at(j + 1).is_alphanumeric() && !is_mark(at(j + 1)) {
        fold_char_into(at(j), word);
        letters += 1;
        j += 1;
        if at(j) == '.' && at(j + 1).is_alphabetic() {
            j += 1;
        } else {
            break;
        }
    }
    if letters >= 2 {
        Some(j)
    } else {
        word.clear();
        None
    }
}

/// All tokens of `text`.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, 0, text.len(), |start, end, word| {
        out.push(Token {
            start,
            end,
            word: word.to_string(),
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token as `word@original-text`.
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = tokens(text)
            .iter()
            .map(|t| format!("{}@{}", t.word, text.get(t.start..t.end).unwrap()))
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn words_and_offsets() {
        check(
            "The UN spokesman, Stéphane Dujarric, noted",
            &[
                "the@The",
                "un@UN",
                "spokesman@spokesman",
                "stephane@Stéphane",
                "dujarric@Dujarric",
                "noted@noted",
            ],
        );
    }

    #[test]
    fn apostrophes_and_possessives() {
        check(
            "Azerbaijan’s Baku's residents’ doesn't 'quoted'",
            &[
                "azerbaijan@Azerbaijan’s",
                "baku@Baku's",
                "residents@residents",
                "doesn't@doesn't",
                "quoted@quoted",
            ],
        );
    }

    #[test]
    fn hyphens_split_numbers_join() {
        check(
            "Nagorno-Karabakh 24-hour 2,000 22,000 1.5 1990s 19-20 1,23",
            &[
                "nagorno@Nagorno",
                "karabakh@Karabakh",
                "24@24",
                "hour@hour",
                "2000@2,000",
                "22000@22,000",
                "1.5@1.5",
                "1990s@1990s",
                "19@19",
                "20@20",
                "1@1",
                "23@23",
            ],
        );
    }

    #[test]
    fn initialisms() {
        check(
            "the U.N. Security Council and the U.S. A. Blinken e.g. x.",
            &[
                "the@the",
                "un@U.N",
                "security@Security",
                "council@Council",
                "and@and",
                "the@the",
                "us@U.S",
                "a@A",
                "blinken@Blinken",
                "eg@e.g",
                "x@x",
            ],
        );
    }

    #[test]
    fn unicode_words() {
        check(
            "Xankəndi – «Ереван» Ste\u{301}phane",
            &[
                "xankendi@Xankəndi",
                "ереван@Ереван",
                "stephane@Ste\u{301}phane",
            ],
        );
        check("", &[]);
        check(" -- “” ", &[]);
    }
}
