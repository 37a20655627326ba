//! The query language, parsed into a small AST. Parsing never fails: whatever cannot be read is
//! dropped or read literally, with a note saying so.
//!
//! ```text
//! lachin corridor          both words (AND), any form: refugee finds refugees
//! "ethnic cleansing"       exact words, in this order, in one sentence
//! reintegr*                words starting with reintegr
//! -russia   NOT russia     documents without the word
//! aliyev OR pashinyan      either (OR binds tighter than the implicit AND)
//! outlet:reuters  author:"Ilham Karimli"   facet fields (any facet: outlet, author, …)
//! after:2023-10-01 before:2023-10-11       published on or after / strictly before (YYYY[-MM[-DD]])
//! ```

use super::tokenize::for_each_token;
use crate::model::Date;

/// The query language for a help page: (example, what it finds). The README has the same table.
pub const QUERY_HELP: &[(&str, &str)] = &[
    (
        "lachin corridor",
        "documents with both words, in any form (refugee finds refugees; accents and case ignored)",
    ),
    (
        "\"ethnic cleansing\"",
        "these exact words in this order, inside one sentence",
    ),
    ("reintegr*", "words starting with reintegr"),
    ("-russia", "documents without the word (also NOT russia)"),
    ("aliyev OR pashinyan", "either word"),
    (
        "outlet:reuters  author:\"Jane Doe\"",
        "documents whose outlet or author contains these words",
    ),
    (
        "after:2023-10-01 before:2023-10-11",
        "published on or after / before a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ),
];

/// A parsed query: every clause must hold (AND).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// What the parser changed or ignored, for the person who typed the query.
    pub notes: Vec<String>,
}

/// One of `any_of` must hold (OR); with `negated`, none may.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub negated: bool,
    pub any_of: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// One word, or several words that must be adjacent (a phrase, or `Nagorno-Karabakh`).
    Text(TextTerm),
    /// `name:value`: a facet value containing these words (the last may end in `*`).
    Field { name: String, value: String },
    /// `before:` (strictly before) or `after:` (on or after) a date.
    Date { before: bool, date: Date },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextTerm {
    pub slots: Vec<Slot>,
    /// Quoted: each word matches itself only, not its other forms.
    pub exact: bool,
}

/// One word position of a text term.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Folded word.
    pub word: String,
    /// `word*`: any word starting with `word`.
    pub prefix: bool,
    /// Byte span in the query string (for "showing results for …").
    pub span: (usize, usize),
}

/// The most words a query uses (each word of a phrase counts, and each field or date): the rest
/// of a longer query is ignored, with a note. A search's work grows with its words times the
/// corpus, so this keeps any query, however long, to the work of a short one.
pub const MAX_QUERY_WORDS: usize = 32;

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Parses `input`. `fields` are the names accepted before a `:` (besides `before` and `after`);
/// any other `name:value` is read as words.
pub fn parse(input: &str, fields: &[&str]) -> Query {
    let mut p = Parser {
        input,
        at: 0,
        notes: Vec::new(),
    };
    // (negated, joined to the previous item by OR, term)
    let mut items: Vec<(bool, bool, Term)> = Vec::new();
    let mut negate = false;
    let mut or_pending = false;
    let mut words_left = MAX_QUERY_WORDS;
    loop {
        p.skip_space();
        let Some(c) = p.peek() else { break };
        if c == '-' {
            p.bump();
            if p.peek().is_none_or(char::is_whitespace) {
                p.notes.push("A lone “-” was ignored.".into());
            } else {
                negate = true;
            }
            continue;
        }
        let term = if is_quote(c) {
            p.bump();
            let (start, end) = p.quoted();
            text_term(input, start, end, true)
        } else {
            let start = p.at;
            let word = p.word();
            match word {
                "OR" => {
                    if items.is_empty() || or_pending {
                        p.notes
                            .push("“OR” needs a word on each side; it was ignored.".into());
                    } else {
                        or_pending = true;
                    }
                    continue;
                }
                "AND" => continue,
                "NOT" => {
                    negate = true;
                    continue;
                }
                _ => {}
            }
            match word.split_once(':') {
                Some((name, value))
                    if !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_alphabetic())
                        && (fields.iter().any(|f| f.eq_ignore_ascii_case(name))
                            || name.eq_ignore_ascii_case("before")
                            || name.eq_ignore_ascii_case("after")) =>
                {
                    let name = name.to_ascii_lowercase();
                    let value = if value.is_empty() && p.peek().is_some_and(is_quote) {
                        p.bump();
                        let (s, e) = p.quoted();
                        input.get(s..e).unwrap_or("").to_string()
                    } else {
                        value.to_string()
                    };
                    p.field(name, value.trim())
                }
                _ => {
                    if word.chars().all(|c| c == '*') {
                        p.notes.push("A lone “*” was ignored.".into());
                        None
                    } else {
                        text_term(input, start, p.at, false)
                    }
                }
            }
        };
        let Some(mut term) = term else {
            negate = false;
            continue;
        };
        let words = match &term {
            Term::Text(t) => t.slots.len(),
            Term::Field { .. } | Term::Date { .. } => 1,
        };
        if words > words_left {
            p.notes.push(format!(
                "Only the first {MAX_QUERY_WORDS} words of a query are used; the rest was ignored."
            ));
            // A phrase cut at the limit still counts its first words.
            if let Term::Text(t) = &mut term {
                t.slots.truncate(words_left);
                if !t.slots.is_empty() {
                    items.push((negate, or_pending, term));
                }
            }
            negate = false;
            or_pending = false;
            break;
        }
        words_left -= words;
        items.push((negate, or_pending, term));
        negate = false;
        or_pending = false;
    }
    if negate {
        p.notes
            .push("A “-” or “NOT” at the end was ignored.".into());
    }
    if or_pending {
        p.notes
            .push("“OR” needs a word on each side; it was ignored.".into());
    }
    let mut query = Query::default();
    for (negated, joined, term) in items {
        match query.clauses.last_mut() {
            Some(last) if joined => {
                if negated || last.negated {
                    p.notes.push(
                        "“-” cannot be combined with OR; the excluded words were searched for instead."
                            .into(),
                    );
                    last.negated = false;
                }
                last.any_of.push(term);
            }
            _ => query.clauses.push(Clause {
                negated,
                any_of: vec![term],
            }),
        }
    }
    // The same note once, however often its cause occurs.
    let mut notes: Vec<String> = Vec::new();
    for n in p.notes {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
    query.notes = notes;
    query
}

/// The words of `input[start..end]` as one text term (`*` at the end of a word makes it a prefix).
fn text_term(input: &str, start: usize, end: usize, exact: bool) -> Option<Term> {
    let mut slots: Vec<Slot> = Vec::new();
    for_each_token(input, start, end, |s, e, word| {
        slots.push(Slot {
            word: word.to_string(),
            prefix: input.get(e..end).is_some_and(|rest| rest.starts_with('*')),
            span: (s, e),
        })
    });
    (!slots.is_empty()).then_some(Term::Text(TextTerm { slots, exact }))
}

struct Parser<'a> {
    input: &'a str,
    at: usize,
    notes: Vec<String>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.input.get(self.at..)?.chars().next()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at += c.len_utf8();
        }
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// A run up to white space or a quote.
    fn word(&mut self) -> &'a str {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && !is_quote(c))
        {
            self.bump();
        }
        self.input.get(start..self.at).unwrap_or("")
    }

    /// After an opening quote: the span up to the closing quote, which is consumed. An unclosed
    /// quote runs to the end, with a note.
    fn quoted(&mut self) -> (usize, usize) {
        let start = self.at;
        while let Some(c) = self.peek() {
            if is_quote(c) {
                let end = self.at;
                self.bump();
                if end == start {
                    self.notes.push("An empty phrase “” was ignored.".into());
                }
                return (start, end);
            }
            self.bump();
        }
        self.notes
            .push("A quote was not closed; the words after it were searched as a phrase.".into());
        (start, self.at)
    }

    fn field(&mut self, name: String, value: &str) -> Option<Term> {
        if value.is_empty() || value.chars().all(|c| c == '*') {
            self.notes
                .push(format!("“{name}:” needs a value; it was ignored."));
            return None;
        }
        if name == "before" || name == "after" {
            return match parse_date_prefix(value) {
                Some(date) => Some(Term::Date {
                    before: name == "before",
                    date,
                }),
                None => {
                    self.notes.push(format!(
                        "“{name}:{value}” is not a date (write YYYY, YYYY-MM or YYYY-MM-DD); it was ignored."
                    ));
                    None
                }
            };
        }
        Some(Term::Field {
            name,
            value: value.to_string(),
        })
    }
}

/// `2023`, `2023-10` or `2023-10-02` (also with `/`): the first day of that period.
pub fn parse_date_prefix(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let num = |i: usize, len: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let p = parts.get(i)?;
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    match parts.len() {
        1 => Date::new(num(0, 4..=4)?, 1, 1),
        2 => Date::new(num(0, 4..=4)?, num(1, 1..=2)?, 1),
        3 => Date::new(num(0, 4..=4)?, num(1, 1..=2)?, num(2, 1..=2)?),
        _ => None,
    }
}

impl std::fmt::Display for Query {
    /// The query as the parser understood it (words folded).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        for c in &self.clauses {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            if c.negated {
                f.write_str("-")?;
            }
            for (k, t) in c.any_of.iter().enumerate() {
                if k > 0 {
                    f.write_str(" OR ")?;
                }
                match t {
                    Term::Text(t) => {
                        let words: Vec<String> = t
                            .slots
                            .iter()
                            .map(|s| format!("{}{}", s.word, if s.prefix { "*" } else { "" }))
                            .collect();
                        match words.as_slice() {
                            [one] if !t.exact => f.write_str(one)?,
                            _ => write!(f, "\"{}\"", words.join(" "))?,
                        }
                    }
                    Term::Field { name, value } if value.contains(char::is_whitespace) => {
                        write!(f, "{name}:\"{value}\"")?
                    }
                    Term::Field { name, value } => write!(f, "{name}:{value}")?,
                    Term::Date { before, date } => {
                        write!(f, "{}:{date}", if *before { "before" } else { "after" })?
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query as understood, then its notes.
    fn check(input: &str, understood: &str, notes: &[&str]) {
        let q = parse(input, &["outlet", "author"]);
        assert_eq!(q.to_string(), understood, "for {input:?}");
        let got: Vec<&str> = q.notes.iter().map(String::as_str).collect();
        assert_eq!(got, notes, "notes for {input:?}");
    }

    #[test]
    fn words_phrases_prefixes() {
        check("Lachin  Corridor", "lachin corridor", &[]);
        check("\"Ethnic Cleansing\"", "\"ethnic cleansing\"", &[]);
        check(
            "“ethnic cleansing” refugees",
            "\"ethnic cleansing\" refugees",
            &[],
        );
        check("reintegr*", "reintegr*", &[]);
        check("Nagorno-Karabakh", "\"nagorno karabakh\"", &[]);
        check("Stéphane", "stephane", &[]);
    }

    #[test]
    fn exclusion_and_or() {
        check("-russia mission", "-russia mission", &[]);
        check("NOT russia AND mission", "-russia mission", &[]);
        check("aliyev OR pashinyan un", "aliyev OR pashinyan un", &[]);
        check("a OR b OR \"c d\"", "a OR b OR \"c d\"", &[]);
        check("-\"human rights\"", "-\"human rights\"", &[]);
        check("or and not", "or and not", &[]);
    }

    #[test]
    fn fields_and_dates() {
        check(
            "outlet:\"Balkan Periscope\" author:karim* Author:Ilham",
            "outlet:\"Balkan Periscope\" author:karim* author:Ilham",
            &[],
        );
        check(
            "after:2023-10 before:2023-10-11 after:2023",
            "after:2023-10-01 before:2023-10-11 after:2023-01-01",
            &[],
        );
        check("-outlet:reuters un", "-outlet:reuters un", &[]);
        // Not a known field: read as words.
        check("update: 00:13 foo:bar", "update \"00 13\" \"foo bar\"", &[]);
    }

    #[test]
    fn malformed_queries_are_answered_with_notes() {
        check(
            "\"ethnic cleansing",
            "\"ethnic cleansing\"",
            &["A quote was not closed; the words after it were searched as a phrase."],
        );
        check("- mission", "mission", &["A lone “-” was ignored."]);
        check("mission -", "mission", &["A lone “-” was ignored."]);
        check(
            "OR mission OR",
            "mission",
            &["“OR” needs a word on each side; it was ignored."],
        );
        check(
            "before:yesterday un",
            "un",
            &["“before:yesterday” is not a date (write YYYY, YYYY-MM or YYYY-MM-DD); it was ignored."],
        );
        check(
            "outlet: un",
            "un",
            &["“outlet:” needs a value; it was ignored."],
        );
        check(
            "* \"\" ...",
            "",
            &["A lone “*” was ignored.", "An empty phrase “” was ignored."],
        );
        check(
            "a OR -b",
            "a OR b",
            &["“-” cannot be combined with OR; the excluded words were searched for instead."],
        );
        check("NOT", "", &["A “-” or “NOT” at the end was ignored."]);
        check("", "", &[]);
        check(
            "\"",
            "",
            &["A quote was not closed; the words after it were searched as a phrase."],
        );
    }
}
