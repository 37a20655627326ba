//! Summaries of mentions for the views: entities with their names and counts, and which name
//! each outlet uses for each entity (the choice of name is part of the framing).

use super::{EntityType, Layer, Mention};
use crate::sort::stable_sort_by;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A name and how many times it was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasCount {
    pub alias: String,
    pub count: usize,
}

/// One entity in a set of mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    pub kind: EntityType,
    pub canonical: String,
    pub count: usize,
    /// The surface forms used, most frequent first.
    pub aliases: Vec<AliasCount>,
    /// `KnowledgeBase` when the knowledge base knows it (any mention came from it).
    pub layer: Layer,
}

/// Entities of one document (or of several: pass each document's text with its mentions), most
/// mentioned first.
pub fn summarize<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a [Mention])>,
) -> Vec<EntitySummary> {
    type Tally = (usize, BTreeMap<String, usize>, Layer);
    let mut map: HashMap<(EntityType, String), Tally> = HashMap::new();
    for (text, mentions) in docs {
        for m in mentions {
            let e = map
                .entry((m.kind, m.canonical.clone()))
                .or_insert_with(|| (0, BTreeMap::new(), Layer::Rules));
            e.0 += 1;
            *e.1.entry(surface(text, m)).or_default() += 1;
            if m.layer == Layer::KnowledgeBase {
                e.2 = Layer::KnowledgeBase;
            }
        }
    }
    let mut out: Vec<EntitySummary> = map
        .into_iter()
        .map(
            |((kind, canonical), (count, aliases, layer))| EntitySummary {
                kind,
                canonical,
                count,
                aliases: sorted(aliases),
                layer,
            },
        )
        .collect();
    stable_sort_by(&mut out, |a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.canonical.cmp(&b.canonical))
    });
    out
}

/// The names one outlet uses for an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletUsage {
    pub outlet: String,
    /// Most used first.
    pub aliases: Vec<AliasCount>,
}

/// How the outlets name one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityUsage {
    pub kind: EntityType,
    pub canonical: String,
    /// Every form seen, most frequent first.
    pub aliases: Vec<AliasCount>,
    pub outlets: Vec<OutletUsage>,
    /// The outlets' preferred names differ (plural and case variants aside).
    pub contested: bool,
}

/// Sources of one entity up to which the views list each with its names; past it, how many
/// sources prefer each name (an entity named in thousands of articles would list thousands of
/// lines).
pub const SOURCES_LISTED: usize = 12;

/// Of one [`EntityUsage`], what the views of names read (the entities page's contested names,
/// the story overview's card): the entity, its names with their counts, how many sources name
/// it, and by source as much as is shown ([`SOURCES_LISTED`]). [`alias_usage`] over a whole
/// corpus reads every article's text; a sharded corpus's entity file carries this instead
/// (computed by `parallax bundle --shards`), so that those views of a corpus of thousands need
/// none of the articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedWays {
    pub kind: EntityType,
    pub canonical: String,
    /// Every form seen, most frequent first.
    pub aliases: Vec<AliasCount>,
    pub sources: u32,
    /// The sources' preferred names differ (plural and case variants aside).
    pub contested: bool,
    pub by_source: BySource,
}

/// The names each source uses for an entity, as the views show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BySource {
    /// Each source with its names, up to [`SOURCES_LISTED`] sources.
    Each(Vec<OutletUsage>),
    /// Past them, each name some source prefers, with how many sources do ([`preferred_by`]).
    Preferred(Vec<(String, usize)>),
}

impl NamedWays {
    /// `usage`'s entities in its order.
    pub fn of(usage: &[EntityUsage]) -> Vec<NamedWays> {
        usage
            .iter()
            .map(|u| NamedWays {
                kind: u.kind,
                canonical: u.canonical.clone(),
                aliases: u.aliases.clone(),
                sources: u32::try_from(u.outlets.len()).unwrap_or(u32::MAX),
                contested: u.contested,
                by_source: if u.outlets.len() <= SOURCES_LISTED {
                    BySource::Each(u.outlets.clone())
                } else {
                    BySource::Preferred(preferred_by(&u.outlets))
                },
            })
            .collect()
    }

    /// Its names, most frequent first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.aliases.iter().map(|a| a.alias.as_str())
    }

    /// The most used name of each group of mere variants ([`crate::variants::name_groups`]):
    /// two or more, and the entity is called by different names ("Karabakh / Garabagh"); one,
    /// and its names differ only in spelling or abbreviation.
    pub fn distinct_names(&self) -> Vec<String> {
        crate::variants::name_groups(self.names())
            .iter()
            .filter_map(|g| g.first().map(|s| s.to_string()))
            .collect()
    }

    /// How many times it is mentioned, under any name.
    pub fn mentions(&self) -> usize {
        self.aliases.iter().map(|a| a.count).sum()
    }
}

/// Each name some source uses most for the entity, with how many sources do: most sources
/// first, then by name.
pub fn preferred_by(outlets: &[OutletUsage]) -> Vec<(String, usize)> {
    let mut by: BTreeMap<&str, usize> = BTreeMap::new();
    for o in outlets {
        if let Some(a) = o.aliases.first() {
            *by.entry(a.alias.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = by.into_iter().map(|(a, n)| (a.to_string(), n)).collect();
    stable_sort_by(&mut out, |a, b| b.1.cmp(&a.1));
    out
}

/// The names one document uses for each named entity (PERSON, ORG, PLACE, NORP), with how many
/// times: what [`alias_usage`] reads of a document. A sharded corpus stores this per document
/// (`parallax bundle --shards`), so that the names of a part of the corpus need no text.
pub type DocNames = BTreeMap<(EntityType, String), BTreeMap<String, usize>>;

/// The names `mentions` use in `text` ([`DocNames`]).
pub fn doc_names(text: &str, mentions: &[Mention]) -> DocNames {
    let mut names = DocNames::new();
    for m in mentions.iter().filter(|m| m.kind.is_name()) {
        *names
            .entry((m.kind, m.canonical.clone()))
            .or_default()
            .entry(surface(text, m))
            .or_default() += 1;
    }
    names
}

/// For every named entity (PERSON, ORG, PLACE, NORP) that appears under more than one name,
/// which names each outlet uses. Input: per document, its outlet (or any grouping label), its
/// text and its mentions. Contested entities first, then the most mentioned.
pub fn alias_usage<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a str, &'a [Mention])>,
) -> Vec<EntityUsage> {
    alias_usage_of(
        docs.into_iter()
            .map(|(outlet, text, mentions)| (outlet, doc_names(text, mentions))),
    )
}

/// [`alias_usage`] from each document's names ([`DocNames`]) instead of its text.
pub fn alias_usage_of<'a>(docs: impl IntoIterator<Item = (&'a str, DocNames)>) -> Vec<EntityUsage> {
    type PerOutlet = BTreeMap<String, BTreeMap<String, usize>>;
    let mut map: HashMap<(EntityType, String), PerOutlet> = HashMap::new();
    for (outlet, names) in docs {
        for (entity, used) in names {
            let counts = map
                .entry(entity)
                .or_default()
                .entry(outlet.to_string())
                .or_default();
            for (name, n) in used {
                *counts.entry(name).or_default() += n;
            }
        }
    }
    let mut out = Vec::new();
    for ((kind, canonical), outlets) in map {
        let mut all: BTreeMap<String, usize> = BTreeMap::new();
        for aliases in outlets.values() {
            for (a, n) in aliases {
                *all.entry(a.clone()).or_default() += n;
            }
        }
        if all.len() < 2 {
            continue;
        }
        let outlets: Vec<OutletUsage> = outlets
            .into_iter()
            .map(|(outlet, aliases)| OutletUsage {
                outlet,
                aliases: sorted(aliases),
            })
            .collect();
        let mut preferred: Vec<String> = outlets
            .iter()
            .filter_map(|o| o.aliases.first().map(|a| name_key(&a.alias)))
            .collect();
        preferred.dedup();
        stable_sort_by(&mut preferred, Ord::cmp);
        preferred.dedup();
        out.push(EntityUsage {
            kind,
            canonical,
            aliases: sorted(all),
            contested: preferred.len() > 1,
            outlets,
        });
    }
    let total = |u: &EntityUsage| u.aliases.iter().map(|a| a.count).sum::<usize>();
    stable_sort_by(&mut out, |a, b| {
        b.contested
            .cmp(&a.contested)
            .then(total(b).cmp(&total(a)))
            .then(a.canonical.cmp(&b.canonical))
    });
    out
}

fn surface(text: &str, m: &Mention) -> String {
    crate::text::normalize_space(m.text(text)).replace('’', "'")
}

/// "Armenians" and "Armenian", "UN" and "Un" are one name for the purpose of comparing outlets.
fn name_key(alias: &str) -> String {
    let lower = alias.to_lowercase();
    lower.strip_suffix('s').map(str::to_string).unwrap_or(lower)
}

fn sorted(map: BTreeMap<String, usize>) -> Vec<AliasCount> {
    let mut v: Vec<AliasCount> = map
        .into_iter()
        .map(|(alias, count)| AliasCount { alias, count })
        .collect();
    stable_sort_by(&mut v, |a, b| {
        b.count.cmp(&a.count).then(a.alias.cmp(&b.alias))
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(outlet: &str, names: &[(&str, usize)]) -> OutletUsage {
        OutletUsage {
            outlet: outlet.to_string(),
            aliases: names
                .iter()
                .map(|&(alias, count)| AliasCount {
                    alias: alias.to_string(),
                    count,
                })
                .collect(),
        }
    }

    #[test]
    fn many_sources_are_counted_by_the_name_each_prefers() {
        let by = preferred_by(&[
            source("A", &[("Garabagh", 3), ("Karabakh", 1)]),
            source("B", &[("Karabakh", 2)]),
            source("C", &[("Karabakh", 5), ("Garabagh", 4)]),
            source("D", &[]),
        ]);
        assert_eq!(
            by,
            [("Karabakh".to_string(), 2), ("Garabagh".to_string(), 1)]
        );
    }

    /// Up to `SOURCES_LISTED` sources each is kept with its names; past them, only how many
    /// prefer each name.
    #[test]
    fn named_ways_list_sources_up_to_the_bound_then_count_them() {
        let usage = |n: usize| EntityUsage {
            kind: EntityType::Place,
            canonical: "Nagorno-Karabakh".to_string(),
            aliases: source("", &[("Karabakh", n), ("Garabagh", n)]).aliases,
            outlets: (0..n)
                .map(|i| match i % 3 {
                    0 => source(&format!("S{i}"), &[("Garabagh", 2), ("Karabakh", 1)]),
                    _ => source(&format!("S{i}"), &[("Karabakh", 1)]),
                })
                .collect(),
            contested: true,
        };
        let few = NamedWays::of(&[usage(SOURCES_LISTED)]);
        assert!(matches!(&few[0].by_source, BySource::Each(o) if o.len() == SOURCES_LISTED));
        assert_eq!(few[0].sources as usize, SOURCES_LISTED);
        let many = NamedWays::of(&[usage(SOURCES_LISTED + 3)]);
        assert_eq!(
            many[0].by_source,
            BySource::Preferred(vec![
                ("Karabakh".to_string(), 10),
                ("Garabagh".to_string(), 5)
            ])
        );
        assert_eq!(many[0].sources as usize, SOURCES_LISTED + 3);
        assert_eq!(many[0].mentions(), 2 * (SOURCES_LISTED + 3));
        assert_eq!(
            many[0].names().collect::<Vec<_>>(),
            ["Karabakh", "Garabagh"]
        );
    }
}
