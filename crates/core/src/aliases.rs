//! Alias-aware search: a query word that names an entity the corpus knows also searches that
//! entity's other names (`Pashinyan` finds `Pashinian`), by rewriting the query in the search
//! syntax itself (`pashinyan OR pashinian`), so the search engine stays unchanged.
//!
//! Only bare words are expanded: quoted phrases stay exact, and `field:`, prefix (`word*`) and
//! operator tokens are kept as written. A negated word (`-x`, `NOT x`) excludes every name of its
//! entity. By default only spelling variants are added ([`Expand::Spelling`], see
//! [`crate::variants`]); [`Expand::All`] adds every other name, contested ones included
//! (`Garabagh` also finds `Karabakh` and `Artsakh`).
use crate::search::fold::fold;
use crate::variants::mere_variant;

/// Which other names a query word also searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Expand {
    /// None: the query as typed.
    Off,
    /// Spelling, abbreviation and short-form variants (the default).
    #[default]
    Spelling,
    /// Every name of the entity, contested names included.
    All,
}

/// A query with the other names of the entities it names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expanded {
    /// The query to run.
    pub query: String,
    /// The names added, in the order added, for the note "also searched: …".
    pub also: Vec<String>,
}

/// Rewrites `query` so that each bare word naming an entity also matches its other names.
/// `entities` holds, per entity, the names the corpus uses for it (any order, duplicates
/// allowed).
pub fn expand_aliases(query: &str, entities: &[Vec<String>], mode: Expand) -> Expanded {
    let mut out = Expanded::default();
    if mode == Expand::Off {
        out.query = query.to_string();
        return out;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut negate_next = false;
    for token in tokens(query) {
        let (negated, word) = match token.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (negate_next, token),
        };
        negate_next = token == "NOT";
        let others = if plain_word(word) {
            other_names(word, entities, mode)
        } else {
            Vec::new()
        };
        parts.push(token.to_string());
        for name in others {
            let written = if name.contains(char::is_whitespace) || name.contains('"') {
                format!("\"{}\"", name.replace('"', ""))
            } else {
                name.clone()
            };
            // `-a -b` excludes every name; `a OR b` finds any of them.
            parts.push(if negated {
                format!("-{written}")
            } else {
                format!("OR {written}")
            });
            if !out.also.contains(&name) {
                out.also.push(name);
            }
        }
    }
    out.query = parts.join(" ");
    out
}

/// The query split on white space, a quoted phrase (with its `-`) kept whole.
fn tokens(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in query.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(s) = start.take() {
                    out.extend(query.get(s..i));
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        out.extend(query.get(s..));
    }
    out
}

/// A word the user typed as a word: not a phrase, a field, a prefix or an operator.
fn plain_word(w: &str) -> bool {
    !w.is_empty()
        && !w.contains(['"', ':', '*'])
        && !matches!(w, "OR" | "NOT" | "AND")
        && w.chars().any(char::is_alphabetic)
}

/// The other names of the entity whose name `word` is, chosen by `mode`; none when the word
/// names no entity or names two (an ambiguous word is left alone).
fn other_names(word: &str, entities: &[Vec<String>], mode: Expand) -> Vec<String> {
    let key = letters(word);
    let whole = |names: &Vec<String>| names.iter().any(|n| letters(n) == key);
    // A surname alone ("Pashinyan" for "Nikol Pashinyan") names the entity too.
    let last = |names: &Vec<String>| {
        names
            .iter()
            .any(|n| n.contains(' ') && letters(last_word(n)) == key)
    };
    let mut found = entities.iter().filter(|names| whole(names) || last(names));
    let (Some(names), None) = (found.next(), found.next()) else {
        return Vec::new();
    };
    // Matched as a surname: the other names' surnames are what to search.
    let names: Vec<String> = if whole(names) {
        names.clone()
    } else {
        names.iter().map(|n| last_word(n).to_string()).collect()
    };
    // Shorter names first: a one-word name finds the longer names that hold it.
    let mut names: Vec<&String> = names.iter().collect();
    crate::sort::stable_sort_by_key(&mut names, |n| (n.split([' ', '-']).count(), n.len()));
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let l = letters(n);
        // The same letters ("U.N." for "UN") search the same; a name holding the word, or a
        // name already added, is found by it already.
        if l == key
            || out.iter().any(|o| letters(o) == l)
            || holds_word(n, &key)
            || out.iter().any(|o| holds_word(n, &letters(o)))
        {
            continue;
        }
        if mode == Expand::All || mere_variant(word, n) {
            out.push(n.clone());
        }
    }
    out
}

/// The last word of a name ("Pashinian" of "Nikol Pashinian").
fn last_word(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// Folded letters and digits only: "U.N." and "UN" are both "un".
fn letters(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether `name` contains the whole word `word` (folded letters).
fn holds_word(name: &str, word: &str) -> bool {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| letters(w) == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents() -> Vec<Vec<String>> {
        [
            &[
                "Nikol Pashinyan",
                "Pashinyan",
                "Pashinian",
                "Nikol Pashinian",
            ][..],
            &["Nagorno-Karabakh", "Karabakh", "Garabagh", "Artsakh"],
            &["United Nations", "UN", "U.N."],
        ]
        .iter()
        .map(|g| g.iter().map(|s| s.to_string()).collect())
        .collect()
    }

    fn run(q: &str, mode: Expand) -> Expanded {
        expand_aliases(q, &ents(), mode)
    }

    #[test]
    fn a_word_also_searches_its_spelling_variants() {
        let e = run("Pashinyan ceasefire", Expand::Spelling);
        assert_eq!(e.query, "Pashinyan OR Pashinian ceasefire");
        assert_eq!(e.also, ["Pashinian"]);
        let e = run("pashinian", Expand::Spelling);
        assert_eq!(e.query, "pashinian OR Pashinyan");
    }

    #[test]
    fn a_surname_names_a_person() {
        let ents = vec![vec![
            "Nikol Pashinyan".to_string(),
            "Nikol Pashinian".to_string(),
        ]];
        let e = expand_aliases("Pashinyan", &ents, Expand::Spelling);
        assert_eq!(e.query, "Pashinyan OR Pashinian");
        assert!(expand_aliases("Nikol", &ents, Expand::All).also.is_empty());
    }

    #[test]
    fn contested_names_only_when_asked() {
        let e = run("Garabagh", Expand::Spelling);
        assert!(e.also.is_empty(), "{e:?}");
        let e = run("Garabagh", Expand::All);
        assert_eq!(e.also, ["Artsakh", "Karabakh"]);
        assert_eq!(e.query, "Garabagh OR Artsakh OR Karabakh");
    }

    #[test]
    fn phrases_fields_and_prefixes_stay_exact() {
        for q in [
            "\"Pashinyan said\"",
            "author:pashinyan",
            "pashin*",
            "\"Pashinyan\" OR aliyev",
        ] {
            let e = run(q, Expand::Spelling);
            assert_eq!(e.query, q);
            assert!(e.also.is_empty());
        }
        assert_eq!(run("Pashinyan", Expand::Off).query, "Pashinyan");
    }

    #[test]
    fn negation_excludes_every_name() {
        assert_eq!(
            run("-Pashinyan", Expand::Spelling).query,
            "-Pashinyan -Pashinian"
        );
        assert_eq!(
            run("NOT Pashinyan", Expand::Spelling).query,
            "NOT Pashinyan -Pashinian"
        );
    }

    #[test]
    fn abbreviations_expand_to_words() {
        let e = run("UN mission", Expand::Spelling);
        assert_eq!(e.query, "UN OR \"United Nations\" mission");
    }

    #[test]
    fn odd_input_never_panics() {
        for q in ["", "\"", "-", "- \"", "OR", "NOT", "é\"ü -\" x", "  a  "] {
            let _ = run(q, Expand::All);
        }
    }
}
