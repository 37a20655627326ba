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

/// Of one [`EntityUsage`], what the story overview's contested-names card reads: the entity, its
/// names (most frequent first) and how many outlets (or labels) name it. [`alias_usage`] over a
/// whole corpus reads every article's text; a sharded corpus's entity file carries this instead
/// (computed by `parallax bundle --shards`), so that the overview of a corpus of thousands
/// needs none of the articles for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedWays {
    pub canonical: String,
    pub names: Vec<String>,
    pub sources: u32,
}

impl NamedWays {
    /// `usage`'s entities in its order.
    pub fn of(usage: &[EntityUsage]) -> Vec<NamedWays> {
        usage
            .iter()
            .map(|u| NamedWays {
                canonical: u.canonical.clone(),
                names: u.aliases.iter().map(|a| a.alias.clone()).collect(),
                sources: u32::try_from(u.outlets.len()).unwrap_or(u32::MAX),
            })
            .collect()
    }
}

/// For every named entity (PERSON, ORG, PLACE, NORP) that appears under more than one name,
/// which names each outlet uses. Input: per document, its outlet (or any grouping label), its
/// text and its mentions. Contested entities first, then the most mentioned.
pub fn alias_usage<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a str, &'a [Mention])>,
) -> Vec<EntityUsage> {
    type PerOutlet = BTreeMap<String, BTreeMap<String, usize>>;
    let mut map: HashMap<(EntityType, String), PerOutlet> = HashMap::new();
    for (outlet, text, mentions) in docs {
        for m in mentions.iter().filter(|m| m.kind.is_name()) {
            *map.entry((m.kind, m.canonical.clone()))
                .or_default()
                .entry(outlet.to_string())
                .or_default()
                .entry(surface(text, m))
                .or_default() += 1;
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
