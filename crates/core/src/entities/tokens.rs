//! Cutting a block of text into word, number and punctuation tokens with byte offsets.
//!
//! Every recogniser works on these tokens, so they agree on word boundaries: a possessive `’s`
//! is its own token (so "Azerbaijan’s" ends at the `n`), a hyphen is its own token (so
//! "Aghdam-Khankendi" can be two places and "two-day" a duration), dotted abbreviations such as
//! "U.N." are one token, and "2,000" or "3.5" is one number.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Starts with a letter: "Karabakh", "doesn't", "U.N.".
    Word,
    /// Starts with a digit: "2,000", "1990s", "2nd".
    Num,
    /// Any other single character: ",", "-", "“", "’s" is not this (it is a `Word`).
    Punct,
}

/// One token of a document's text.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TokKind,
    /// Whitespace separates it from the previous token of the same block.
    pub space_before: bool,
    /// Index of the block it belongs to (tokens never cross blocks).
    pub block: u32,
    /// First word of a sentence (or of a block), where capitals say nothing.
    pub sentence_start: bool,
    /// Case shape, computed once (every rule asks).
    shape: Shape,
    /// The value of a number written in digits ("2,000") or as one word ("Forty").
    pub number: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Not a word.
    None,
    /// Starts with an upper-case letter: "Karabakh", "UN".
    Capitalised,
    /// Two or more capitals and nothing else but dots or "&": "UN", "U.N.", "ICRC".
    Acronym,
    /// Starts with a lower-case letter.
    Lower,
    /// Starts with a letter of neither case.
    Other,
}

fn shape(text: &str, kind: TokKind) -> Shape {
    if kind != TokKind::Word {
        return Shape::None;
    }
    let first = text.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let caps_only = text
        .chars()
        .all(|c| c.is_uppercase() || c == '.' || c == '&');
    if letters >= 2 && caps_only {
        Shape::Acronym
    } else {
        Shape::Capitalised
    }
}

impl<'a> Token<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// Begins with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        matches!(self.shape, Shape::Capitalised | Shape::Acronym)
    }

    /// Begins with a lower-case letter.
    pub fn is_lowercase(&self) -> bool {
        self.shape == Shape::Lower
    }

    /// "UN", "ICRC", "U.N.": two or more capitals and nothing else (dots allowed).
    pub fn is_acronym(&self) -> bool {
        self.shape == Shape::Acronym
    }

    /// A possessive or contracted `’s` / `'s`.
    pub fn is_possessive(&self) -> bool {
        matches!(self.text, "'s" | "’s" | "'S" | "’S")
    }

    pub fn is(&self, s: &str) -> bool {
        self.text == s
    }

    /// Case-insensitive comparison with an ASCII lower-case word.
    pub fn is_ci(&self, lower: &str) -> bool {
        self.text.eq_ignore_ascii_case(lower)
    }

    /// Case-insensitive membership in a word set.
    pub fn in_set(&self, set: &super::words::WordSet) -> bool {
        set.contains(self.text)
    }

    /// Case-insensitive membership in a list of ASCII lower-case words.
    pub fn in_ci(&self, list: &[&str]) -> bool {
        list.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }
}

/// What an index past the end reads as: a token of no block that matches nothing, so a rule that
/// looks one token too far sees "no token" instead of panicking.
pub static NO_TOKEN: Token<'static> = Token {
    start: 0,
    end: 0,
    text: "",
    kind: TokKind::Punct,
    space_before: false,
    block: u32::MAX,
    sentence_start: false,
    shape: Shape::None,
    number: None,
};

/// Token k, or [`NO_TOKEN`] past the end.
pub fn at<'t, 'a>(toks: &'t [Token<'a>], k: usize) -> &'t Token<'a> {
    toks.get(k).unwrap_or(&NO_TOKEN)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Letters and the combining marks that some transliterations use ("Xankəndi" is all letters,
/// but a decomposed "é" is `e` + U+0301).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Tokenises `text[start..end]` (one block) and appends to `out`, offsets relative to `text`.
pub fn tokenize_into<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    block: u32,
    out: &mut Vec<Token<'a>>,
) {
    let first = out.len();
    let Some(s) = text.get(start..end) else {
        return;
    };
    let b = s.as_bytes();
    let mut i = 0;
    let mut space = false;
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let (len, kind) = if c.is_alphabetic() {
            (word_len(s, i), TokKind::Word)
        } else if c.is_ascii_digit() {
            (number_len(b, i), TokKind::Num)
        } else if is_apostrophe(c) && possessive_at(s, i) {
            (c.len_utf8() + 1, TokKind::Word)
        } else {
            (c.len_utf8(), TokKind::Punct)
        };
        let word = s.get(i..i + len).unwrap_or("");
        out.push(Token {
            start: start + i,
            end: start + i + len,
            text: word,
            kind,
            space_before: space,
            block,
            sentence_start: false,
            shape: shape(word, kind),
            number: super::numbers::token_value(word, kind),
        });
        space = false;
        // Every length above is at least one character, so the loop always advances.
        i += len.max(1);
    }
    if let Some(new) = out.get_mut(first..) {
        mark_sentence_starts(new);
    }
}

/// `’s` followed by a non-letter: a possessive (or "it’s"), split from its word.
fn possessive_at(s: &str, i: usize) -> bool {
    let mut it = s.get(i..).unwrap_or("").chars();
    it.next();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(is_word_char)
}

fn word_len(s: &str, i: usize) -> usize {
    if let Some(len) = dotted_abbreviation(s, i) {
        return len;
    }
    let mut j = i;
    let mut chars = s.get(i..).unwrap_or("").char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_word_char(c) {
            j = i + k + c.len_utf8();
        } else if is_apostrophe(c) {
            // Inside a word ("doesn't", "O'Brien") but not a possessive ("Baku's").
            let next = chars.peek().map(|&(_, n)| n);
            if next.is_some_and(|n| n.is_alphabetic()) && !possessive_at(s, i + k) {
                continue;
            }
            break;
        } else {
            break;
        }
    }
    j - i
}

/// "U.N.", "U.S.", "a.m.": single letters each followed by a dot, at least two of them.
fn dotted_abbreviation(s: &str, i: usize) -> Option<usize> {
    let mut j = i;
    let mut n = 0;
    loop {
        let rest = s.get(j..).unwrap_or("");
        let mut it = rest.chars();
        match (it.next(), it.next()) {
            (Some(l), Some('.')) if l.is_alphabetic() => {
                let after = j + l.len_utf8() + 1;
                // The letter must stand alone: "U.N." yes, "Mr." no.
                n += 1;
                j = after;
                let rest = s.get(j..).unwrap_or("");
                if !rest.chars().next().is_some_and(char::is_alphabetic) {
                    break;
                }
                let mut it2 = rest.chars();
                let l2 = it2.next();
                if !(l2.is_some() && it2.next() == Some('.')) {
                    // "U.Nx": not an abbreviation after all.
                    return None;
                }
            }
            _ => break,
        }
    }
    (n >= 2).then_some(j - i)
}

/// Digits, with inner commas or dots before more digits ("2,000", "3.5"), and letters glued on
/// ("1990s", "2nd", "5km").
fn number_len(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(&c) = b.get(j) {
        let separator = (c == b',' || c == b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit() || separator {
            j += 1;
        } else {
            break;
        }
    }
    while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    j - i
}

fn is_quote(t: &Token) -> bool {
    matches!(t.text, "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»" | "„")
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "prof",
    "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "fig", "vol",
];

fn mark_sentence_starts(toks: &mut [Token]) {
    let mut expect_start = true;
    let mut prev: Option<Token> = None;
    for tok in toks.iter_mut() {
        let t = *tok;
        let before = prev.replace(t);
        match t.kind {
            TokKind::Word | TokKind::Num => {
                if t.is_possessive() {
                    continue;
                }
                tok.sentence_start = expect_start;
                expect_start = false;
            }
            TokKind::Punct => match t.text {
                "." | "!" | "?" | "…" => {
                    let prev = before;
                    let abbreviation = prev.is_some_and(|p| {
                        p.kind == TokKind::Word
                            && !t.space_before
                            && (p.in_ci(ABBREVIATIONS)
                                || (p.text.chars().count() == 1 && p.is_capitalised()))
                    });
                    // "... 30 years ago." is an end; "Mr." or the "F." of "John F. Kennedy" is not.
                    if !abbreviation {
                        expect_start = true;
                    }
                }
                _ if is_quote(&t) || t.text == "(" => {}
                ":" | ";" | "," | "-" | "–" | "—" | ")" => expect_start = false,
                _ => {}
            },
        }
    }
}

/// Tokenises a whole string as one block (tests and plain-text callers).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, 0, text.len(), 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_keeps_abbreviations() {
        assert_eq!(
            toks("Azerbaijan’s U.N. envoy"),
            ["Azerbaijan", "’s", "U.N.", "envoy"]
        );
        assert_eq!(toks("Baku's doesn't"), ["Baku", "'s", "doesn't"]);
        assert_eq!(
            toks("Aghdam-Khankendi two-day"),
            ["Aghdam", "-", "Khankendi", "two", "-", "day"]
        );
        assert_eq!(
            toks("2,000 and 3.5, 1990s 00:13"),
            ["2,000", "and", "3.5", ",", "1990s", "00", ":", "13"]
        );
        assert_eq!(toks("residents’ homes"), ["residents", "’", "homes"]);
        assert_eq!(toks("Mr. Smith"), ["Mr", ".", "Smith"]);
    }

    #[test]
    fn marks_sentence_starts() {
        let t = tokenize("The U.S. said. “We go,” Mr. Li said. (Agencies) No");
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text)
            .collect();
        assert_eq!(starts, ["The", "We", "Agencies"]);
    }
}
