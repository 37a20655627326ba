//! The curated knowledge base: loading `data/entities.toml`, checking it, and compiling its
//! aliases into a gazetteer.
//!
//! The data is compiled into the binary with `include_str!` (no IO, so it works in wasm) and
//! parsed once on first use.

use super::gazetteer::Gazetteer;
use super::EntityType;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../data/entities.toml");

/// One entity of the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub canonical: String,
    pub kind: EntityType,
    pub description: String,
    /// Every name it goes by, the canonical name first.
    pub aliases: Vec<Alias>,
    /// The family name a later mention may use on its own (people only).
    pub surname: Option<String>,
}

/// A name of an entity, and who uses it when that is part of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: String,
    pub note: Option<String>,
}

/// The compiled knowledge base.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    entities: Vec<Entity>,
    /// Alias → entity index.
    pub(super) gazetteer: Gazetteer<u32>,
    /// Surname → the one person with it (`None` when several people share it).
    surnames: HashMap<String, Option<u32>>,
    by_canonical: HashMap<(EntityType, String), u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKb {
    entity: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    canonical: String,
    #[serde(rename = "type")]
    kind: String,
    description: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
    surname: Option<String>,
}

impl KnowledgeBase {
    /// The knowledge base shipped with Parallax (`crates/core/data/entities.toml`).
    pub fn builtin() -> &'static KnowledgeBase {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        // A test checks that the shipped data loads; were it broken, the rules still run.
        KB.get_or_init(|| KnowledgeBase::from_toml(BUILTIN).unwrap_or_else(|_| Self::empty()))
    }

    fn empty() -> KnowledgeBase {
        KnowledgeBase {
            entities: Vec::new(),
            gazetteer: Gazetteer::default(),
            surnames: HashMap::new(),
            by_canonical: HashMap::new(),
        }
    }

    /// Parses and checks a knowledge base in the `entities.toml` format.
    pub fn from_toml(src: &str) -> Result<KnowledgeBase, String> {
        let raw: RawKb = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut entities = Vec::new();
        let mut gazetteer = Gazetteer::default();
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut surnames: HashMap<String, Option<u32>> = HashMap::new();
        let mut by_canonical = HashMap::new();
        for r in raw.entity {
            let kind = EntityType::parse(&r.kind)
                .filter(|k| k.is_name())
                .ok_or_else(|| {
                    format!(
                        "{}: type `{}` is not PERSON, ORG, PLACE or NORP",
                        r.canonical, r.kind
                    )
                })?;
            let mut names = vec![r.canonical.clone()];
            names.extend(r.aliases.iter().filter(|a| **a != r.canonical).cloned());
            for key in r.notes.keys() {
                if !names.contains(key) {
                    return Err(format!(
                        "{}: note for `{key}`, which is not one of its names",
                        r.canonical
                    ));
                }
            }
            let index = entities.len() as u32;
            for name in &names {
                if name.trim().is_empty() {
                    return Err(format!("{}: empty alias", r.canonical));
                }
                if let Some(other) = seen.insert(name.clone(), r.canonical.clone()) {
                    return Err(format!("`{name}` names both {other} and {}", r.canonical));
                }
                gazetteer.insert(name, index);
            }
            let surname = if kind == EntityType::Person {
                r.surname.clone().or_else(|| {
                    r.canonical
                        .split_whitespace()
                        .nth(1)
                        .and(r.canonical.split_whitespace().last())
                        .map(str::to_string)
                })
            } else {
                None
            };
            if let Some(s) = &surname {
                surnames
                    .entry(s.clone())
                    .and_modify(|v| *v = None)
                    .or_insert(Some(index));
            }
            by_canonical.insert((kind, r.canonical.clone()), index);
            entities.push(Entity {
                aliases: names
                    .iter()
                    .map(|n| Alias {
                        name: n.clone(),
                        note: r.notes.get(n).cloned(),
                    })
                    .collect(),
                canonical: r.canonical,
                kind,
                description: r.description,
                surname,
            });
        }
        Ok(KnowledgeBase {
            entities,
            gazetteer,
            surnames,
            by_canonical,
        })
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at an index the gazetteer gave (an entity with no name past the end).
    pub fn entity(&self, index: u32) -> &Entity {
        static NONE: Entity = Entity {
            canonical: String::new(),
            kind: EntityType::Person,
            description: String::new(),
            aliases: Vec::new(),
            surname: None,
        };
        self.entities.get(index as usize).unwrap_or(&NONE)
    }

    /// The entity with this type and canonical name.
    pub fn get(&self, kind: EntityType, canonical: &str) -> Option<&Entity> {
        self.by_canonical
            .get(&(kind, canonical.to_string()))
            .map(|&i| self.entity(i))
    }

    /// Who uses this name for this entity, when the knowledge base says.
    pub fn alias_note(&self, kind: EntityType, canonical: &str, alias: &str) -> Option<&str> {
        self.get(kind, canonical)?
            .aliases
            .iter()
            .find(|a| a.name == alias)?
            .note
            .as_deref()
    }

    /// The one person whose surname this is, if exactly one.
    pub(super) fn person_by_surname(&self, surname: &str) -> Option<u32> {
        self.surnames.get(surname).copied().flatten()
    }

    /// Index of an entity, for callers that hold one.
    pub(super) fn index_of(&self, kind: EntityType, canonical: &str) -> Option<u32> {
        self.by_canonical
            .get(&(kind, canonical.to_string()))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_resolves_contested_names() {
        KnowledgeBase::from_toml(BUILTIN).expect("the shipped knowledge base is valid");
        let kb = KnowledgeBase::builtin();
        assert!(kb.entities().len() > 50);
        let k = kb.get(EntityType::Place, "Khankendi").expect("Khankendi");
        assert!(k
            .aliases
            .iter()
            .any(|a| a.name == "Stepanakert" && a.note.is_some()));
        assert!(kb
            .alias_note(EntityType::Place, "Nagorno-Karabakh", "Garabagh")
            .is_some_and(|n| n.contains("Azerbaijani")));
        assert_eq!(
            kb.person_by_surname("Pashinyan")
                .map(|i| kb.entity(i).canonical.as_str()),
            Some("Nikol Pashinyan")
        );
        // Two Aliyevs: the surname alone is not enough.
        assert_eq!(kb.person_by_surname("Aliyev"), None);
    }

    #[test]
    fn rejects_bad_data() {
        let dup = "[[entity]]\ncanonical='A B'\ntype='PERSON'\ndescription=''\naliases=['X']\n\
                   [[entity]]\ncanonical='C'\ntype='PLACE'\ndescription=''\naliases=['X']\n";
        assert!(KnowledgeBase::from_toml(dup)
            .unwrap_err()
            .contains("`X` names both"));
        let bad_type = "[[entity]]\ncanonical='A'\ntype='DATE'\ndescription=''\n";
        assert!(KnowledgeBase::from_toml(bad_type).is_err());
        let bad_note = "[[entity]]\ncanonical='A'\ntype='ORG'\ndescription=''\nnotes={B='x'}\n";
        assert!(KnowledgeBase::from_toml(bad_note).is_err());
    }
}
