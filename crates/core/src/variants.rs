//! Whether two names for one entity are mere variants of each other (spelling, punctuation, an
//! abbreviation, a shorter form) or different names: a choice of words worth showing a reader
//! (Karabakh / Garabagh / Artsakh; separatists / Armenian armed formations).
//!
//! The rules are general, not a list: the same letters (`U.N.` / `UN`), one name's words inside
//! the other's (`Dujarric` / `Stephane Dujarric`), an acronym of the other's words (`UN` /
//! `United Nations`), or the same words spelt one letter apart, as transliterations are
//! (`Pashinyan` / `Pashinian`). Anything else is a different name.
use crate::search::fold::fold;

/// Words shorter than this must match exactly: one letter apart is another word ("Iran" /
/// "Iraq").
const MIN_SPELLING_LEN: usize = 6;

/// Whether `a` and `b` are the same name written differently (see the module comment).
pub fn mere_variant(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return wa == wb;
    }
    wa.concat() == wb.concat()
        || subset(&wa, &wb)
        || subset(&wb, &wa)
        || acronym(&wa, &wb)
        || acronym(&wb, &wa)
        || one_letter_apart(&wa, &wb)
}

/// The names of one entity in groups of mere variants, in first-seen order, each group in the
/// order its names came (give them most used first and each group leads with its most used
/// form). Two or more groups: the entity is called by different names (a contested name); one:
/// its names differ only in spelling or abbreviation.
pub fn name_groups<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<Vec<&'a str>> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for n in names {
        match groups
            .iter_mut()
            .find(|g| g.iter().any(|x| mere_variant(x, n)))
        {
            Some(g) => g.push(n),
            None => groups.push(vec![n]),
        }
    }
    groups
}

/// Folded (case, accents) words of letters and digits; punctuation splits nothing inside a word
/// ("U.N." is "un") but hyphens and spaces do.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‐' || c == '–')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every word of `small` is a word of `big` (a plural counts as its singular).
fn subset(small: &[String], big: &[String]) -> bool {
    small.iter().all(|w| {
        big.iter()
            .any(|b| b == w || b.strip_suffix('s') == Some(w) || w.strip_suffix('s') == Some(b))
    })
}

/// `short` is one word whose letters are the initials of `long`'s words (small words such as
/// "of" and "the" may be left out of the acronym).
fn acronym(short: &[String], long: &[String]) -> bool {
    let [one] = short else { return false };
    if long.len() < 2 || one.chars().count() < 2 {
        return false;
    }
    let all: String = long.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = long
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "in"))
        .filter_map(|w| w.chars().next())
        .collect();
    *one == all || *one == content
}

/// The same number of words, each equal or (when long enough) one letter apart, and at least one
/// word the same or long: a transliteration, not another name.
fn one_letter_apart(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            if x == y {
                return true;
            }
            let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            x.len().min(y.len()) >= MIN_SPELLING_LEN
                && crate::search::typo::distance(&x, &y, 1).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_and_abbreviation_are_variants() {
        for (a, b) in [
            ("UN", "U.N."),
            ("Dujarric", "Stephane Dujarric"),
            ("Stéphane Dujarric", "Stephane Dujarric"),
            ("UN", "United Nations"),
            ("CSTO", "Collective Security Treaty Organization"),
            ("Pashinyan", "Pashinian"),
            ("Nikol Pashinyan", "Nikol Pashinian"),
            ("Nagorno Karabakh", "Nagorno-Karabakh"),
            ("Karabakh", "Nagorno-Karabakh"),
            ("Armenians", "Armenian"),
        ] {
            assert!(mere_variant(a, b), "{a} / {b}");
            assert!(mere_variant(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn groups_keep_spellings_together_and_different_names_apart() {
        let names = [
            "Karabakh",
            "Nagorno-Karabakh",
            "Garabagh",
            "Karabagh",
            "Artsakh",
        ];
        assert_eq!(
            name_groups(names),
            [
                vec!["Karabakh", "Nagorno-Karabakh", "Karabagh"],
                vec!["Garabagh"],
                vec!["Artsakh"]
            ]
        );
        assert_eq!(name_groups(["UN", "U.N.", "United Nations"]).len(), 1);
        assert!(name_groups([]).is_empty());
    }

    #[test]
    fn different_names_are_not() {
        for (a, b) in [
            ("Karabakh", "Garabagh"),
            ("Karabakh", "Artsakh"),
            ("Stepanakert", "Khankendi"),
            ("separatists", "Armenian armed formations"),
            ("Iran", "Iraq"),
            ("UN", "EU"),
            ("", "UN"),
        ] {
            assert!(!mere_variant(a, b), "{a} / {b}");
            assert!(!mere_variant(b, a), "{b} / {a}");
        }
    }
}
