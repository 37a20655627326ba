//! The corpus's entities, aggregated once per page load and shared by the reader's highlighting,
//! the library's entity filter and the entities page.
//!
//! The mentions themselves come from the bundle: `parallax bundle` recognises them at build
//! time, so the recogniser and its knowledge base are not part of the app's wasm.

use parallax_core::entities::{EntityType, Mention};
use parallax_core::search::Facet;
use parallax_core::Bundle;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One entity across the corpus.
pub struct EntityRow {
    pub kind: EntityType,
    pub canonical: String,
    pub total: usize,
    /// Mentions per document, in bundle order.
    pub per_doc: Vec<usize>,
    /// Per source label (see [`EntityIndex::labels`]), the names used there with their counts,
    /// most used first.
    pub names_by_source: Vec<(String, Vec<(String, usize)>)>,
    /// The knowledge base's one-line description, when it knows the entity.
    pub description: Option<String>,
}

impl EntityRow {
    pub fn documents(&self) -> usize {
        self.per_doc.iter().filter(|&&n| n > 0).count()
    }
}

/// Everything the views need, computed once.
pub struct EntityIndex {
    /// Per document, its mentions in text order.
    pub mentions: Vec<Vec<Mention>>,
    /// Per document, the index into `rows` of each mention.
    pub mention_rows: Vec<Vec<usize>>,
    /// Most mentioned first.
    pub rows: Vec<EntityRow>,
    /// Per document, its label (`crate::labels`). Most seeds state no outlet, so documents (not
    /// outlets) are the columns.
    pub labels: Vec<String>,
}

impl EntityIndex {
    pub fn build(bundle: &Bundle) -> EntityIndex {
        let mentions: Vec<Vec<Mention>> = (0..bundle.documents.len())
            .map(|i| bundle.mentions_of(i).to_vec())
            .collect();
        let labels = crate::labels::all(bundle).to_vec();

        type Acc = (Vec<usize>, BTreeMap<String, BTreeMap<String, usize>>);
        let mut keys: HashMap<(EntityType, String), usize> = HashMap::new();
        let mut acc: Vec<((EntityType, String), Acc)> = Vec::new();
        let mut mention_rows = Vec::with_capacity(mentions.len());
        let n_docs = bundle.documents.len();
        for (d, (doc, ms)) in bundle.documents.iter().zip(&mentions).enumerate() {
            let mut rows = Vec::with_capacity(ms.len());
            for m in ms {
                let key = (m.kind, m.canonical.clone());
                let i = *keys.entry(key.clone()).or_insert_with(|| {
                    acc.push((key, (vec![0; n_docs], BTreeMap::new())));
                    acc.len() - 1
                });
                let (per_doc, by_source) = &mut acc[i].1;
                per_doc[d] += 1;
                let name = surface(m.text(&doc.text));
                *by_source
                    .entry(labels[d].clone())
                    .or_default()
                    .entry(name)
                    .or_default() += 1;
                rows.push(i);
            }
            mention_rows.push(rows);
        }
        let mut rows: Vec<EntityRow> = acc
            .into_iter()
            .map(|((kind, canonical), (per_doc, by_source))| {
                let description = bundle.description(kind, &canonical).map(str::to_string);
                EntityRow {
                    kind,
                    total: per_doc.iter().sum(),
                    per_doc,
                    names_by_source: by_source
                        .into_iter()
                        .map(|(s, names)| (s, by_count(names)))
                        .collect(),
                    canonical,
                    description,
                }
            })
            .collect();
        // Most mentioned first; the old positions are remapped for `mention_rows`.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&rows[a], &rows[b]);
            y.total
                .cmp(&x.total)
                .then(x.kind.cmp(&y.kind))
                .then(x.canonical.cmp(&y.canonical))
        });
        let mut new_pos = vec![0; rows.len()];
        for (new, &old) in order.iter().enumerate() {
            new_pos[old] = new;
        }
        for rs in &mut mention_rows {
            for r in rs.iter_mut() {
                *r = new_pos[*r];
            }
        }
        let mut slots: Vec<Option<EntityRow>> = rows.drain(..).map(Some).collect();
        let rows = order.iter().filter_map(|&i| slots[i].take()).collect();
        EntityIndex {
            mentions,
            mention_rows,
            rows,
            labels,
        }
    }

    /// The row of the entity a URL names (`entity=` holds the canonical name).
    pub fn find(&self, canonical: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.canonical == canonical)
    }

    /// The entities named in more than one way, with the names each document (by its label)
    /// uses: `entities::alias_usage` over the bundle.
    pub fn alias_usage(&self, bundle: &Bundle) -> Vec<parallax_core::entities::EntityUsage> {
        parallax_core::entities::alias_usage(
            bundle
                .documents
                .iter()
                .zip(&self.mentions)
                .zip(&self.labels)
                .map(|((d, ms), label)| (label.as_str(), d.text.as_str(), ms.as_slice())),
        )
    }

    /// Whether document `doc` mentions row `row`.
    pub fn mentions_in(&self, doc: usize, row: usize) -> usize {
        self.rows
            .get(row)
            .and_then(|r| r.per_doc.get(doc))
            .copied()
            .unwrap_or(0)
    }
}

thread_local! {
    static INDEX: RefCell<Option<Arc<EntityIndex>>> = const { RefCell::new(None) };
}

/// Aggregates the bundle's entities (cached for [`index`]) and adds them to its search index as
/// the `entity` facet, so `entity:karabakh` works in a search query. Only names (people,
/// organisations, places, groups) go in the facet: dates and numbers have their own search syntax.
pub fn with_entity_facet(mut bundle: Bundle) -> Bundle {
    let ents = EntityIndex::build(&bundle);
    let per_doc: Vec<Vec<String>> = (0..bundle.documents.len())
        .map(|d| {
            ents.rows
                .iter()
                .filter(|r| r.kind.is_name() && r.per_doc[d] > 0)
                .map(|r| r.canonical.clone())
                .collect()
        })
        .collect();
    bundle.index.set_facet(Facet::new("entity", per_doc));
    INDEX.with(|cell| *cell.borrow_mut() = Some(Arc::new(ents)));
    bundle
}

/// The entity index of the loaded bundle, built on first use. The app loads one bundle per page
/// load, so one cached index is enough.
pub fn index(bundle: &Arc<Bundle>) -> Arc<EntityIndex> {
    INDEX.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| Arc::new(EntityIndex::build(bundle)))
            .clone()
    })
}

/// A name as written, with its line breaks and curly apostrophes evened out.
fn surface(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

fn by_count(map: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Per named entity (person, organisation, place, group), every name the corpus uses for it and
/// its canonical name: what alias-aware search expands a query word with.
pub fn name_groups(bundle: &Bundle) -> Vec<Vec<String>> {
    let ents = INDEX.with(|cell| cell.borrow().clone());
    let ents = match ents {
        Some(e) => e,
        None => Arc::new(EntityIndex::build(bundle)),
    };
    ents.rows
        .iter()
        .filter(|r| r.kind.is_name())
        .map(|r| {
            let mut names = vec![r.canonical.clone()];
            for (_, ns) in &r.names_by_source {
                for (n, _) in ns {
                    if !names.contains(n) {
                        names.push(n.clone());
                    }
                }
            }
            names
        })
        .collect()
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
