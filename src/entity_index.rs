//! The corpus's entities for the reader's highlighting, the library's entity filter and the
//! entities page: a view of the bundle's entity table.
//!
//! The mentions and their aggregation (rows, counts, names, descriptions, the search index's
//! `entity` facet) come from the bundle: `parallax bundle` computes them at build time, so the
//! recogniser and its knowledge base are not part of the app's wasm and nothing is aggregated
//! when the page loads.

use crate::per_corpus::{self, Slot};
use parallax_core::aliases::Aliases;
use parallax_core::bundle::EntityRow;
use parallax_core::entities::{EntityType, Mention};
use parallax_core::Bundle;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

/// Names with their counts, most used first.
pub type Counted = Vec<(String, usize)>;

/// The bundle's entities with the documents' labels.
pub struct EntityIndex {
    bundle: Arc<Bundle>,
    /// Per document, its label (`crate::labels`). Most seeds state no outlet, so documents (not
    /// outlets) are the columns.
    pub labels: Vec<String>,
}

impl EntityIndex {
    pub fn build(bundle: &Arc<Bundle>) -> EntityIndex {
        EntityIndex {
            bundle: bundle.clone(),
            labels: crate::labels::all(bundle).to_vec(),
        }
    }

    /// Every entity, most mentioned first.
    pub fn rows(&self) -> &[EntityRow] {
        &self.bundle.entities.rows
    }

    /// The mentions of document `doc`, in text order.
    pub fn mentions(&self, doc: usize) -> &[Mention] {
        self.bundle.mentions_of(doc)
    }

    /// The row (in [`EntityIndex::rows`]) of each mention of document `doc`.
    pub fn mention_rows(&self, doc: usize) -> &[u32] {
        self.bundle
            .entities
            .mention_rows
            .get(doc)
            .map_or(&[], Vec::as_slice)
    }

    /// The names row `row` is written as: per source label, with their counts there (most
    /// used first; sources in label order), counted when asked (an entity card, a description)
    /// from the mentions of the documents that name the entity; or, while some of those
    /// documents are not loaded (a sharded corpus), over the whole corpus from the entity
    /// table, as one source named `None`.
    pub fn names_by_source(&self, row: usize) -> Vec<(Option<String>, Counted)> {
        let Some(r) = self.rows().get(row) else {
            return Vec::new();
        };
        // A document naming it whose mentions are not loaded yet.
        if r.docs
            .iter()
            .any(|&(d, n)| n > 0 && self.mention_rows(d as usize).is_empty())
        {
            let counted = r.names.iter().cloned();
            let counts = r.name_mentions.iter().map(|&n| n as usize);
            return vec![(None, counted.zip(counts).collect())];
        }
        let mut by_source: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
        for &(d, _) in &r.docs {
            let d = d as usize;
            let (Some(doc), Some(label)) = (self.bundle.documents.get(d), self.labels.get(d))
            else {
                continue;
            };
            let names = by_source.entry(label.as_str()).or_default();
            for (m, &mr) in self.mentions(d).iter().zip(self.mention_rows(d)) {
                if mr as usize == row {
                    *names
                        .entry(parallax_core::bundle::surface(m.text(&doc.text)))
                        .or_default() += 1;
                }
            }
        }
        by_source
            .into_iter()
            .map(|(s, names)| (Some(s.to_string()), by_count(names)))
            .collect()
    }

    /// The row of the entity a URL names (`entity=` holds the canonical name).
    pub fn find(&self, canonical: &str) -> Option<usize> {
        self.rows().iter().position(|r| r.canonical == canonical)
    }

    /// The entities named in more than one way, with the names each document (by its label)
    /// uses: `entities::alias_usage` over the bundle.
    pub fn alias_usage(&self, bundle: &Bundle) -> Vec<parallax_core::entities::EntityUsage> {
        let all: Vec<usize> = (0..bundle.documents.len()).collect();
        self.alias_usage_in(bundle, &all)
    }

    /// [`alias_usage`](Self::alias_usage) over documents `docs` only (the overview of some
    /// outlets).
    pub fn alias_usage_in(
        &self,
        bundle: &Bundle,
        docs: &[usize],
    ) -> Vec<parallax_core::entities::EntityUsage> {
        parallax_core::entities::alias_usage(docs.iter().filter_map(|&i| {
            Some((
                self.labels.get(i)?.as_str(),
                bundle.documents.get(i)?.text.as_str(),
                bundle.mentions_of(i),
            ))
        }))
    }

    /// How many times document `doc` mentions row `row`.
    pub fn mentions_in(&self, doc: usize, row: usize) -> usize {
        self.rows().get(row).map_or(0, |r| r.count_in(doc))
    }
}

thread_local! {
    static INDEX: Slot<Arc<EntityIndex>> = const { RefCell::new(None) };
}

/// The entity index of the loaded bundle, made on first use, and again when the corpus changes
/// (articles added in the page).
pub fn index(bundle: &Arc<Bundle>) -> Arc<EntityIndex> {
    per_corpus::cached(&INDEX, bundle, || Arc::new(EntityIndex::build(bundle)))
}

fn by_count(map: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = map.into_iter().collect();
    parallax_core::sort::stable_sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

thread_local! {
    static ALIASES: Slot<Rc<Aliases>> = const { RefCell::new(None) };
}

/// Per named entity (person, organisation, place, group), every name the corpus uses for it and
/// its canonical name, looked up by name: what alias-aware search expands a query word with.
/// Built once per corpus (every query asks, and the table folds every name the corpus knows).
pub fn aliases(bundle: &Bundle) -> Rc<Aliases> {
    per_corpus::cached(&ALIASES, bundle, || {
        Rc::new(Aliases::new(bundle.entities.name_groups()))
    })
}

/// "Person", "Organisation", …: the type as people read it.
pub fn type_label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Person",
        EntityType::Org => "Organisation",
        EntityType::Place => "Place",
        EntityType::Norp => "Group",
        EntityType::Date => "Date",
        EntityType::Number => "Number",
    }
}

/// The type in URLs and CSS classes: "person", "org", ….
pub fn type_param(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "person",
        EntityType::Org => "org",
        EntityType::Place => "place",
        EntityType::Norp => "norp",
        EntityType::Date => "date",
        EntityType::Number => "number",
    }
}

pub fn type_from_param(s: &str) -> Option<EntityType> {
    EntityType::ALL.into_iter().find(|&t| type_param(t) == s)
}
