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
use std::collections::BTreeMap;

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
/// allowed). Builds the lookup table each call: a caller expanding many queries over the same
/// names keeps an [`Aliases`] instead.
pub fn expand_aliases(query: &str, entities: &[Vec<String>], mode: Expand) -> Expanded {
    Aliases::new(entities.to_vec()).expand(query, mode)
}

/// The names of a corpus's entities, with each name's folded letters looked up by key: finding
/// the entity a query word names is two map lookups, not a fold of every name the corpus knows
/// (ten thousand entities at ten thousand articles, for every word of every query).
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    /// Per entity, its names.
    groups: Vec<Vec<String>>,
    /// Folded letters of a whole name → the entities with that name.
    by_name: BTreeMap<String, Vec<u32>>,
    /// Folded letters of the last word of a name of several words ("pashinyan" of "Nikol
    /// Pashinyan") → the entities with such a name.
    by_surname: BTreeMap<String, Vec<u32>>,
}

impl Aliases {
    /// The lookup table for `entities` (per entity, the names the corpus uses for it).
    pub fn new(entities: Vec<Vec<String>>) -> Aliases {
        let mut by_name: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut by_surname: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let add = |map: &mut BTreeMap<String, Vec<u32>>, key: String, g: u32| {
            let ids = map.entry(key).or_default();
            if ids.last() != Some(&g) {
                ids.push(g);
            }
        };
        for (g, names) in entities.iter().enumerate() {
            let g = g as u32;
            for n in names {
                let (whole, surname) = name_keys(n);
                add(&mut by_name, whole, g);
                if let Some(surname) = surname {
                    add(&mut by_surname, surname, g);
                }
            }
        }
        Aliases {
            groups: entities,
            by_name,
            by_surname,
        }
    }

    /// Rewrites `query` so that each bare word naming an entity also matches its other names.
    pub fn expand(&self, query: &str, mode: Expand) -> Expanded {
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
                self.other_names(word, mode)
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

    /// The one entity with a name (or, second, a surname: "Pashinyan" for "Nikol Pashinyan")
    /// whose folded letters are `key`, and whether a whole name matched; `None` when no entity
    /// or several have it.
    fn entity_of(&self, key: &str) -> Option<(usize, bool)> {
        let whole = self.by_name.get(key).map_or(&[][..], Vec::as_slice);
        let surname = self.by_surname.get(key).map_or(&[][..], Vec::as_slice);
        let mut found = whole.iter().chain(surname);
        let g = *found.next()?;
        found
            .all(|&h| h == g)
            .then_some((g as usize, whole.contains(&g)))
    }

    /// The other names of the entity whose name `word` is, chosen by `mode`; none when the word
    /// names no entity or names two (an ambiguous word is left alone).
    fn other_names(&self, word: &str, mode: Expand) -> Vec<String> {
        let key = letters(word);
        let Some((g, as_name)) = self.entity_of(&key) else {
            return Vec::new();
        };
        let Some(names) = self.groups.get(g) else {
            return Vec::new();
        };
        // Matched as a surname: the other names' surnames are what to search.
        let names: Vec<String> = if as_name {
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

/// The groups of `groups` (per entity, its names) that can change what [`expand_aliases`]
/// does: those with two or more names, and those of one name that a word matching one of the
/// former also matches (they make that word ambiguous). A group of one name never adds a name
/// of its own, so expanding any query with these gives exactly what expanding it with every
/// group gives (tested); a sharded corpus's manifest carries only these.
pub fn groups_that_expand(groups: &[Vec<String>]) -> Vec<Vec<String>> {
    // The words (folded letters) a query word must be to match a group.
    let keys = |names: &Vec<String>| -> Vec<String> {
        names
            .iter()
            .flat_map(|n| {
                let (whole, surname) = name_keys(n);
                std::iter::once(whole).chain(surname)
            })
            .collect()
    };
    let distinct = |names: &Vec<String>| {
        let mut ls: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        ls.sort_unstable();
        ls.dedup();
        ls.len() > 1
    };
    let several: std::collections::HashSet<String> = groups
        .iter()
        .filter(|g| distinct(g))
        .flat_map(keys)
        .collect();
    groups
        .iter()
        .filter(|g| distinct(g) || keys(g).iter().any(|k| several.contains(k)))
        .cloned()
        .collect()
}

/// What a query word (its folded letters) is looked up as to find name `n`: the whole name,
/// and for a name of several words its last word ("pashinyan" of "Nikol Pashinyan").
fn name_keys(n: &str) -> (String, Option<String>) {
    (letters(n), n.contains(' ').then(|| letters(last_word(n))))
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

    /// The groups a sharded corpus's manifest keeps expand every word as all groups do: a
    /// single name that makes a word ambiguous stays, one that changes nothing goes.
    #[test]
    fn the_groups_that_expand_expand_as_all_groups() {
        let mut all = ents();
        for single in ["Pashinian", "Karabakh Times", "Geneva", "Nikol", "Ali Un"] {
            all.push(vec![single.to_string()]);
        }
        all.push(vec!["Geneva".into(), "Geneva".into()]);
        let kept = groups_that_expand(&all);
        assert!(
            kept.len() < all.len() && kept.len() > ents().len(),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|g| g[0] == "Geneva" || g[0] == "Nikol"));
        let mut words: Vec<String> = all
            .iter()
            .flatten()
            .flat_map(|n| {
                let whole = n.clone();
                n.split([' ', '-'])
                    .map(str::to_string)
                    .chain([whole])
                    .collect::<Vec<_>>()
            })
            .collect();
        words.extend(["un".into(), "times".into(), "-pashinian".into()]);
        for w in &words {
            for mode in [Expand::Spelling, Expand::All] {
                assert_eq!(
                    expand_aliases(w, &kept, mode),
                    expand_aliases(w, &all, mode),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn a_word_naming_two_entities_is_left_alone() {
        let ents = vec![
            vec!["Ilham Aliyev".to_string(), "Ilham Aliev".to_string()],
            vec!["Heydar Aliyev".to_string()],
        ];
        assert!(expand_aliases("Aliyev", &ents, Expand::All).also.is_empty());
        let e = expand_aliases("Aliev", &ents, Expand::All);
        assert_eq!(e.also, ["Aliyev"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]
        /// The table finds the entity a scan of every name finds: the one group with a name (or
        /// a surname) of those letters, none when two have it.
        #[test]
        fn lookup_agrees_with_a_scan_of_every_name(
            groups in proptest::collection::vec(
                proptest::collection::vec("[abAB.]{1,3}( [ab-]{1,3})?", 1..4), 0..8),
            word in "[abAB]{1,3}",
        ) {
            let table = Aliases::new(groups.clone());
            let key = letters(&word);
            let whole = |names: &Vec<String>| names.iter().any(|n| letters(n) == key);
            let last = |names: &Vec<String>| {
                names.iter().any(|n| n.contains(' ') && letters(last_word(n)) == key)
            };
            let found: Vec<usize> = (0..groups.len())
                .filter(|&g| whole(&groups[g]) || last(&groups[g]))
                .collect();
            let want = match found.as_slice() {
                [g] => Some((*g, whole(&groups[*g]))),
                _ => None,
            };
            proptest::prop_assert_eq!(table.entity_of(&key), want);
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for q in ["", "\"", "-", "- \"", "OR", "NOT", "é\"ü -\" x", "  a  "] {
            let _ = run(q, Expand::All);
        }
    }
}
