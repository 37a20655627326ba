//! The rules layer's world lexicon: countries, former states, continents and world regions with
//! their demonyms (`data/demonyms.txt`). It is general knowledge, the same for every article,
//! and stays on when the knowledge base is switched off.

use super::gazetteer::Gazetteer;
use super::EntityType;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/demonyms.txt");

/// Which column of the lexicon a name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "Azerbaijan": PLACE.
    Place,
    /// "Azerbaijani", "Azeri": NORP, as an adjective or a singular noun.
    Adjective,
    /// "Azerbaijanis": NORP, a plural group noun.
    Plural,
}

/// One lexicon name.
#[derive(Debug, Clone, Copy)]
pub struct LexEntry {
    pub form: Form,
    /// The canonical name of what it refers to: the place ("Azerbaijan") or the group
    /// ("Azerbaijanis").
    pub canonical: &'static str,
    /// The place the group belongs to, when there is one ("Azerbaijan" for "Azeri").
    pub place: Option<&'static str>,
}

impl LexEntry {
    pub fn kind(&self) -> EntityType {
        match self.form {
            Form::Place => EntityType::Place,
            Form::Adjective | Form::Plural => EntityType::Norp,
        }
    }
}

pub struct Lexicon {
    pub gazetteer: Gazetteer<LexEntry>,
}

fn split(col: &'static str) -> impl Iterator<Item = &'static str> {
    col.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
}

/// The lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut gazetteer = Gazetteer::default();
        for line in DATA.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('|');
            let (places, adjectives, plurals) = (
                cols.next().unwrap_or(""),
                cols.next().unwrap_or(""),
                cols.next().unwrap_or(""),
            );
            let place = split(places).next();
            // A group's canonical name is its plural ("Armenians"); without one, the adjective.
            let group = split(plurals).next().or_else(|| split(adjectives).next());
            for name in split(places) {
                gazetteer.insert(
                    name,
                    LexEntry {
                        form: Form::Place,
                        canonical: place.unwrap_or(name),
                        place,
                    },
                );
            }
            for (col, form) in [(adjectives, Form::Adjective), (plurals, Form::Plural)] {
                for name in split(col) {
                    gazetteer.insert(
                        name,
                        LexEntry {
                            form,
                            canonical: group.unwrap_or(name),
                            place,
                        },
                    );
                }
            }
        }
        Lexicon { gazetteer }
    })
}

/// The lexicon entry for exactly this text, if any ("Armenians" → plural of Armenia).
pub fn lookup(text: &str) -> Option<LexEntry> {
    let toks = super::tokens::tokenize(text);
    match lexicon().gazetteer.longest_at(&toks, 0, |_| true) {
        Some((end, e)) if end == toks.len() => Some(*e),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_groups() {
        let az = lookup("Azeri").unwrap();
        assert_eq!(
            (az.form, az.canonical, az.place),
            (Form::Adjective, "Azerbaijanis", Some("Azerbaijan"))
        );
        assert_eq!(lookup("U.S.").unwrap().canonical, "United States");
        assert_eq!(lookup("Armenians").unwrap().form, Form::Plural);
        assert_eq!(lookup("Western").unwrap().canonical, "Westerners");
        assert_eq!(lookup("Soviet Union").unwrap().kind(), EntityType::Place);
        assert!(lookup("Karabakh").is_none());
    }
}
