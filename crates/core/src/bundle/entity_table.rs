//! The corpus's entities aggregated once, at bundle time: one row per entity (type and canonical
//! name) with its mention count, the documents that mention it, the names the corpus writes it
//! as and the knowledge base's description; and for every mention, its row. The app's entity
//! views, the reader's marks, alias-aware search and the search index's `entity` facet read
//! these tables as they are: nothing about entities is aggregated when a page loads.

use crate::entities::{EntityType, Mention};
use crate::model::Document;
use crate::search::Facet;
use crate::sort::stable_sort_by;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The name of the search index's facet of named entities (`entity:"…"` in a query).
pub const ENTITY_FACET: &str = "entity";

/// Every entity of the corpus and the row of every mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityTable {
    /// Most mentioned first, then by type and canonical name.
    pub rows: Vec<EntityRow>,
    /// Per document, per mention (in the order of `Bundle::mentions`), its row in `rows`.
    pub mention_rows: Vec<Vec<u32>>,
    /// A sharded corpus's table before its file arrives (`LazyBundle`): no rows yet, only the
    /// name groups alias-aware search needs ([`crate::aliases::groups_that_expand`]), which
    /// [`EntityTable::name_groups`] then gives. Never serialized.
    #[serde(skip)]
    pub(crate) pending_aliases: Option<Vec<Vec<String>>>,
}

/// One entity across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRow {
    pub kind: EntityType,
    pub canonical: String,
    /// Mentions in the whole corpus.
    pub total: usize,
    /// (document, mentions there) for every document that mentions it, by document number.
    #[serde(with = "gaps")]
    pub docs: Vec<(u32, u32)>,
    /// Every name the corpus writes it as ([`surface`] form), most used first, then
    /// alphabetically.
    pub names: Vec<String>,
    /// The mentions written as each of `names` (what the reader's entity card counts before a
    /// sharded corpus has loaded every article naming the entity).
    pub name_mentions: Vec<u32>,
    /// The knowledge base's one-line description, when it knows the entity.
    pub description: Option<String>,
}

impl EntityRow {
    /// Number of documents that mention it.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// Its mentions in document `doc`.
    pub fn count_in(&self, doc: usize) -> usize {
        self.docs
            .binary_search_by_key(&doc, |&(d, _)| d as usize)
            .ok()
            .and_then(|k| self.docs.get(k))
            .map_or(0, |&(_, n)| n as usize)
    }
}

/// A name as written, with its line breaks and curly apostrophes evened out: how names are
/// told apart in `EntityRow::names` and in the names each source uses.
pub fn surface(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

/// Canonical name → the rows with that name, by type.
type Keys = HashMap<String, Vec<(EntityType, u32)>>;

/// The description of `(kind, canonical)`, if the knowledge base has one.
pub type Describe<'a> = &'a dyn Fn(EntityType, &str) -> Option<String>;

impl EntityTable {
    /// Aggregates the mentions of `documents` (`mentions[i]` for `documents[i]`).
    pub fn build(documents: &[Document], mentions: &[Vec<Mention>], describe: Describe) -> Self {
        let mut table = EntityTable::default();
        let mut keys = Keys::new();
        for d in 0..documents.len() {
            table.push_document(&mut keys, d, mentions.get(d).map_or(&[], Vec::as_slice));
        }
        table.finish(documents, mentions, describe);
        table
    }

    /// Adds document number `d`'s mentions to the rows (new entities get new rows at the end;
    /// [`EntityTable::finish`] orders them).
    fn push_document(&mut self, keys: &mut Keys, d: usize, mentions: &[Mention]) {
        let mut rows_here = Vec::with_capacity(mentions.len());
        for m in mentions {
            let kinds = match keys.get_mut(m.canonical.as_str()) {
                Some(k) => k,
                None => keys.entry(m.canonical.clone()).or_default(),
            };
            let r = match kinds.iter().find(|(k, _)| *k == m.kind) {
                Some(&(_, r)) => r,
                None => {
                    let r = self.rows.len() as u32;
                    kinds.push((m.kind, r));
                    self.rows.push(EntityRow {
                        kind: m.kind,
                        canonical: m.canonical.clone(),
                        total: 0,
                        docs: Vec::new(),
                        names: Vec::new(),
                        name_mentions: Vec::new(),
                        description: None,
                    });
                    r
                }
            };
            if let Some(row) = self.rows.get_mut(r as usize) {
                row.total += 1;
                match row.docs.last_mut() {
                    Some((last, n)) if *last as usize == d => *n += 1,
                    _ => row.docs.push((d as u32, 1)),
                }
            }
            rows_here.push(r);
        }
        while self.mention_rows.len() < d {
            self.mention_rows.push(Vec::new());
        }
        self.mention_rows.push(rows_here);
    }

    /// Orders the rows (most mentioned first), renumbers the mentions' rows, and fills in the
    /// names each entity is written as and its description.
    fn finish(&mut self, documents: &[Document], mentions: &[Vec<Mention>], describe: Describe) {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let rows = &self.rows;
        stable_sort_by(&mut order, |&a, &b| match (rows.get(a), rows.get(b)) {
            (Some(x), Some(y)) => y
                .total
                .cmp(&x.total)
                .then(x.kind.cmp(&y.kind))
                .then(x.canonical.cmp(&y.canonical)),
            _ => a.cmp(&b),
        });
        let mut new_pos = vec![0u32; self.rows.len()];
        for (new, &old) in order.iter().enumerate() {
            if let Some(p) = new_pos.get_mut(old) {
                *p = new as u32;
            }
        }
        for r in self.mention_rows.iter_mut().flatten() {
            *r = new_pos.get(*r as usize).copied().unwrap_or(*r);
        }
        let mut slots: Vec<Option<EntityRow>> = self.rows.drain(..).map(Some).collect();
        self.rows = order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();

        // Names: counted over every mention, then most used first.
        let mut names: Vec<HashMap<String, usize>> = vec![HashMap::new(); self.rows.len()];
        for ((doc, ms), rows) in documents.iter().zip(mentions).zip(&self.mention_rows) {
            for (m, &r) in ms.iter().zip(rows) {
                if let Some(n) = names.get_mut(r as usize) {
                    *n.entry(surface(m.text(&doc.text))).or_default() += 1;
                }
            }
        }
        for (row, counted) in self.rows.iter_mut().zip(names) {
            let mut v: Vec<(String, usize)> = counted.into_iter().collect();
            stable_sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            row.name_mentions = v.iter().map(|&(_, c)| c as u32).collect();
            row.names = v.into_iter().map(|(n, _)| n).collect();
            row.description = describe(row.kind, &row.canonical);
        }
    }

    /// Adds the mentions of the documents after those the table has (`documents` and
    /// `mentions` are the whole corpus, the new documents included): the table [`EntityTable::build`]
    /// makes of the whole corpus, without counting the old documents' mentions again. Rows are
    /// re-ordered and renumbered.
    pub fn extend(
        &mut self,
        documents: &[Document],
        mentions: &[Vec<Mention>],
        describe: Describe,
    ) {
        let mut keys = Keys::new();
        for (r, row) in self.rows.iter().enumerate() {
            keys.entry(row.canonical.clone())
                .or_default()
                .push((row.kind, r as u32));
        }
        for d in self.mention_rows.len()..documents.len() {
            self.push_document(&mut keys, d, mentions.get(d).map_or(&[], Vec::as_slice));
        }
        self.finish(documents, mentions, describe);
    }

    /// The row of `(kind, canonical)`.
    pub fn find(&self, kind: EntityType, canonical: &str) -> Option<&EntityRow> {
        self.rows
            .iter()
            .find(|r| r.kind == kind && r.canonical == canonical)
    }

    /// The search index's `entity` facet over `n` documents: per document, the named entities
    /// (people, organisations, places, groups) it mentions, most mentioned in the corpus first.
    /// Dates and numbers have their own search syntax.
    pub fn entity_facet(&self, n: usize) -> Facet {
        let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut values: Vec<String> = Vec::new();
        // Two rows of different types may share a canonical name: one facet value.
        let mut ids: HashMap<&str, u32> = HashMap::new();
        for row in self.rows.iter().filter(|r| r.kind.is_name()) {
            let next = values.len() as u32;
            let id = *ids.entry(row.canonical.as_str()).or_insert(next);
            let shared = id != next;
            if !shared {
                values.push(row.canonical.clone());
            }
            for &(d, _) in &row.docs {
                if let Some(doc) = per_doc
                    .get_mut(d as usize)
                    .filter(|v| !shared || !v.contains(&id))
                {
                    doc.push(id);
                }
            }
        }
        Facet {
            name: ENTITY_FACET.to_string(),
            values,
            docs: per_doc,
        }
    }

    /// Per named entity (person, organisation, place, group), its canonical name and every
    /// other name the corpus uses for it: what alias-aware search expands a query word with.
    /// Before a sharded corpus's entity file is loaded, the groups that expand a word (which
    /// expand every query as all of them would).
    pub fn name_groups(&self) -> Vec<Vec<String>> {
        if let Some(groups) = &self.pending_aliases {
            return groups.clone();
        }
        self.rows
            .iter()
            .filter(|r| r.kind.is_name())
            .map(|r| {
                let mut names = vec![r.canonical.clone()];
                for n in &r.names {
                    if !names.contains(n) {
                        names.push(n.clone());
                    }
                }
                names
            })
            .collect()
    }
}

/// Document numbers stored as gaps from the previous one (small varints).
mod gaps {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(docs: &[(u32, u32)], s: S) -> Result<S::Ok, S::Error> {
        let mut prev = 0u32;
        let packed: Vec<(u32, u32)> = docs
            .iter()
            .map(|&(d, n)| {
                // Wrapping, like the unpacking: any values round-trip.
                let gap = d.wrapping_sub(prev);
                prev = d;
                (gap, n)
            })
            .collect();
        packed.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(u32, u32)>, D::Error> {
        let mut prev = 0u32;
        Ok(Vec::<(u32, u32)>::deserialize(d)?
            .into_iter()
            .map(|(gap, n)| {
                prev = prev.wrapping_add(gap);
                (prev, n)
            })
            .collect())
    }
}

/// The load check: the table agrees with the mentions it aggregates, so the views can index
/// rows and documents with its numbers.
mod check {
    use super::EntityTable;
    use crate::bundle::BundleError;
    use crate::entities::Mention;

    fn bad(what: String) -> BundleError {
        BundleError::Inconsistent(format!("entity table: {what}"))
    }

    impl EntityTable {
        /// `Ok` when every mention has a row of its own type and name, and every row's counts
        /// are the counts of the mentions that name it (document by document), in document order.
        pub(crate) fn check(&self, mentions: &[Vec<Mention>]) -> Result<(), BundleError> {
            BundleError::expect_count(
                "entity row lists (one per document)",
                mentions.len(),
                self.mention_rows.len(),
            )?;
            // Per row, how far its `docs` have been matched, and this document's tally.
            let mut cursor = vec![0usize; self.rows.len()];
            let mut tally = vec![0u32; self.rows.len()];
            for (d, (ms, rows)) in mentions.iter().zip(&self.mention_rows).enumerate() {
                BundleError::expect_count(
                    "entity rows of a document's mentions",
                    ms.len(),
                    rows.len(),
                )?;
                let mut touched: Vec<usize> = Vec::new();
                for (m, &r) in ms.iter().zip(rows) {
                    let row = self
                        .rows
                        .get(r as usize)
                        .ok_or_else(|| bad(format!("a mention of document {d} has no row")))?;
                    if row.kind != m.kind || row.canonical != m.canonical {
                        return Err(bad(format!(
                            "a mention of document {d} is in the row of another entity"
                        )));
                    }
                    if let Some(t) = tally.get_mut(r as usize) {
                        if *t == 0 {
                            touched.push(r as usize);
                        }
                        *t += 1;
                    }
                }
                for r in touched {
                    let (Some(row), Some(at), Some(t)) =
                        (self.rows.get(r), cursor.get_mut(r), tally.get_mut(r))
                    else {
                        continue;
                    };
                    if row.docs.get(*at) != Some(&(d as u32, *t)) {
                        return Err(bad(format!(
                            "the counts of {} disagree with its mentions in document {d}",
                            row.canonical
                        )));
                    }
                    *at += 1;
                    *t = 0;
                }
            }
            for (row, &at) in self.rows.iter().zip(&cursor) {
                let sum: usize = row.docs.iter().map(|&(_, n)| n as usize).sum();
                let named: usize = row.name_mentions.iter().map(|&n| n as usize).sum();
                if at != row.docs.len()
                    || sum != row.total
                    || named != row.total
                    || row.names.len() != row.name_mentions.len()
                {
                    return Err(bad(format!(
                        "the counts of {} disagree with its mentions",
                        row.canonical
                    )));
                }
            }
            Ok(())
        }
    }
}
