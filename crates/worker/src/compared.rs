//! What the comparison worker reads of a corpus: the chosen articles' documents and entity
//! mentions, never the search index. Of a bundle, its documents and mentions sections
//! (`bundle::Documents`); of a sharded corpus, the manifest and the chunks holding the chosen
//! articles, fetched as requests name them (each checked against the manifest). Free of
//! browser APIs, so it is tested natively; `worker.rs` fetches.

use parallax_core::bundle::{BundleError, Documents, LazyBundle, Need, MANIFEST_MAGIC};
use parallax_core::entities::Mention;
use parallax_core::Document;

/// A corpus as far as the worker has read it.
pub enum Corpus {
    /// A bundle, read without its index and entity table.
    Whole(Documents),
    /// A sharded corpus: its manifest, and the chunks fetched so far.
    Sharded { key: u64, lazy: Box<LazyBundle> },
}

impl Corpus {
    /// `corpus.bin`: a bundle, or a sharded corpus's manifest (told apart by the first bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, BundleError> {
        if bytes.starts_with(MANIFEST_MAGIC) {
            let lazy = LazyBundle::from_manifest(bytes)?;
            // Taken before any file arrives: later files change the bundle's fingerprint.
            let key = lazy.bundle().fingerprint();
            return Ok(Corpus::Sharded {
                key,
                lazy: Box::new(lazy),
            });
        }
        Documents::from_bytes(bytes).map(Corpus::Whole)
    }

    /// What the page names this corpus by: a bundle's fingerprint (`Bundle::fingerprint`), or
    /// the checksum of a sharded corpus's manifest (the page's `LazyBundle` fingerprint before
    /// any file arrived), which stays the same however much of it either side has loaded.
    pub fn key(&self) -> u64 {
        match self {
            Corpus::Whole(d) => d.fingerprint(),
            Corpus::Sharded { key, .. } => *key,
        }
    }

    /// The files holding the text of the articles `ids` not read yet, with their paths (none
    /// for a bundle; never an index shard).
    pub fn missing(&self, ids: &[String]) -> Vec<(Need, String)> {
        let Corpus::Sharded { lazy, .. } = self else {
            return Vec::new();
        };
        let docs = &lazy.bundle().documents;
        let chosen = ids
            .iter()
            .filter_map(|id| docs.iter().position(|d| d.id == *id));
        lazy.document_needs(chosen)
            .into_iter()
            .filter_map(|n| Some((n, lazy.file(n)?.path.clone())))
            .collect()
    }

    /// Adds a file [`Corpus::missing`] named, refused unless it is the one the manifest lists.
    pub fn add(&mut self, need: Need, bytes: &[u8]) -> Result<(), BundleError> {
        match self {
            Corpus::Whole(_) => Ok(()),
            Corpus::Sharded { lazy, .. } => lazy.add(need, bytes),
        }
    }

    /// The articles `ids` whose text is here, in that order, each with its entity mentions
    /// (recognised when the corpus was bundled); ids the corpus lacks are left out.
    pub fn chosen(&self, ids: &[String]) -> (Vec<Document>, Vec<Vec<Mention>>) {
        let (docs, mentions) = match self {
            Corpus::Whole(d) => (&d.documents, &d.mentions),
            Corpus::Sharded { lazy, .. } => (&lazy.bundle().documents, &lazy.bundle().mentions),
        };
        let loaded = |i: usize| match self {
            Corpus::Whole(_) => true,
            Corpus::Sharded { lazy, .. } => lazy.has_document(i),
        };
        ids.iter()
            .filter_map(|id| docs.iter().position(|d| d.id == *id))
            .filter(|&i| loaded(i))
            .filter_map(|i| Some((docs.get(i)?.clone(), mentions.get(i)?.clone())))
            .unzip()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::bundle::ShardOptions;
    use parallax_core::compare::compare_with;
    use parallax_core::{parse_document, Bundle, SourceFile};
    use std::collections::HashMap;

    /// Twelve short articles, in pieces small enough that each chunk holds one or two.
    fn corpus() -> Bundle {
        let docs = (0..12)
            .map(|i| {
                let text = format!(
                    "Ferry number {i} sinks off Zanzibar\n\nBy Ann Lee\n\nA ferry carrying {n} people sank off Zanzibar on Monday, the Red Cross said. Rescuers pulled {i} survivors from the water near Stone Town, officials said.",
                    n = 100 + i
                );
                parse_document(&SourceFile {
                    name: &format!("a{i:02}.txt"),
                    bytes: text.as_bytes(),
                    sidecar: None,
                })
            })
            .collect();
        Bundle::from_bytes(&Bundle::new(docs).to_bytes()).unwrap()
    }

    fn ids(b: &Bundle, which: &[usize]) -> Vec<String> {
        which.iter().map(|&i| b.documents[i].id.clone()).collect()
    }

    #[test]
    fn a_bundle_gives_the_chosen_articles_in_order_without_fetching() {
        let b = corpus();
        let c = Corpus::from_bytes(&b.to_bytes()).unwrap();
        assert_eq!(c.key(), b.fingerprint());
        let mut want = ids(&b, &[5, 1]);
        want.push("no such article".into());
        assert!(c.missing(&want).is_empty());
        let (docs, mentions) = c.chosen(&want);
        assert_eq!(docs, [b.documents[5].clone(), b.documents[1].clone()]);
        assert_eq!(mentions, [b.mentions[5].clone(), b.mentions[1].clone()]);
    }

    /// A sharded corpus is read from its manifest and the chosen articles' chunks alone, and
    /// compares exactly as the whole bundle does.
    #[test]
    fn a_sharded_corpus_fetches_only_the_chunks_of_the_chosen_articles() {
        let b = corpus();
        let s = b.to_shards(&ShardOptions {
            index_shard_bytes: 400,
            chunk_bytes: 600,
        });
        let files: HashMap<String, Vec<u8>> = s.files.iter().cloned().collect();
        let mut c = Corpus::from_bytes(&s.manifest).unwrap();
        let lazy_key = LazyBundle::from_manifest(&s.manifest)
            .unwrap()
            .bundle()
            .fingerprint();
        assert_eq!(c.key(), lazy_key, "the page's name for the corpus");
        let want = ids(&b, &[9, 2]);
        assert!(c.chosen(&want).0.is_empty(), "no text before its chunk");
        let missing = c.missing(&want);
        let chunks = s
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("docs/"))
            .count();
        assert!(
            (1..=2).contains(&missing.len()) && chunks > 3,
            "{} of {chunks} chunks",
            missing.len()
        );
        assert!(missing.iter().all(|(n, _)| matches!(n, Need::Chunk(_))));
        for (need, path) in &missing {
            c.add(*need, &files[path]).unwrap();
        }
        assert!(c.missing(&want).is_empty());
        assert_eq!(c.key(), lazy_key, "unchanged by the files read");
        let (docs, mentions) = c.chosen(&want);
        assert_eq!(docs, [b.documents[9].clone(), b.documents[2].clone()]);
        assert_eq!(mentions, [b.mentions[9].clone(), b.mentions[2].clone()]);
        let whole = Corpus::from_bytes(&b.to_bytes()).unwrap().chosen(&want);
        assert_eq!(
            compare_with(&docs, Some(&mentions)),
            compare_with(&whole.0, Some(&whole.1))
        );
        // Another deployment's chunk under a listed name is refused.
        let other = ids(&b, &[11]);
        let (need, _) = c.missing(&other)[0].clone();
        let (_, wrong) = &missing[0];
        assert!(c.add(need, &files[wrong]).is_err());
    }
}
