//! The ingest worker's state, free of browser APIs so it is tested natively: the files a user
//! added (under their content names), their documents and entity mentions, and what the page
//! gets from them: the served corpus with the added articles after it, and the export.
//!
//! Reading a file is the core's [`Batch`], the same code `parallax bundle` runs, so an added
//! article is read exactly as the command would read it.

use parallax_core::bundle::mentions_for_bundle;
use parallax_core::entities::Mention;
use parallax_core::ingest::batch::{
    base_name, content_name, pair_sidecars, read_all, sidecar_name, Batch, InputFile,
};
use parallax_core::{sidecar, Bundle};
use std::collections::HashMap;

/// One file kept: the name it is kept under (its content name), the name it was added as, its
/// bytes, and its sidecar (kept under the content name's stem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub file: InputFile,
    pub original: String,
    /// The metadata keys (of [`sidecar::EDITABLE`]) its sidecar holds as corrections made in the
    /// page; its other sidecar values came with the file.
    pub edited: Vec<String>,
}

/// What became of one selection of files.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Added {
    /// The files kept, in the order read.
    pub kept: Vec<Kept>,
    /// One sentence per file (or article) not added, naming it as the user named it.
    pub problems: Vec<String>,
    /// Files deliberately left aside (hidden files, sidecars with no article).
    pub notes: Vec<String>,
}

/// What a correction changed, for the worker to keep: an added file (with its new sidecar), or
/// the corrections of a served article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    Kept(Kept),
    Served(String, Correction),
}

/// The corrections of a served article: the sidecar the page wrote and the keys it corrects.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Correction {
    pub sidecar: Vec<u8>,
    pub keys: Vec<String>,
}

/// The keys a correction leaves corrected: those corrected before and those given a value now,
/// less those emptied now (they return to what the file states), in [`sidecar::EDITABLE`] order.
fn corrected_keys(before: &[String], edits: &[(&str, &str)]) -> Vec<String> {
    sidecar::EDITABLE
        .iter()
        .filter(|&&key| match edits.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => !value.trim().is_empty(),
            None => before.iter().any(|b| b == key),
        })
        .map(|k| k.to_string())
        .collect()
}

#[derive(Debug, Default)]
pub struct Session {
    kept: Vec<Kept>,
    /// Corrections of served articles, by file name.
    served_edits: std::collections::BTreeMap<String, Correction>,
    batch: Batch,
    mentions: HashMap<String, Vec<Mention>>,
}

impl Session {
    pub fn new() -> Session {
        Session {
            // The library holds articles only; empty and binary files are named instead.
            batch: Batch::new(true),
            ..Session::default()
        }
    }

    /// The files kept so far, in the order they were added.
    pub fn kept(&self) -> &[Kept] {
        &self.kept
    }

    /// How many documents came from the kept file named `stored`.
    pub fn documents_of(&self, stored: &str) -> usize {
        self.batch
            .documents
            .iter()
            .filter(|d| d.file == stored)
            .count()
    }

    /// Pairs a selection's sidecars with their articles and gives each article its content
    /// name; `(name, bytes)` as the browser gave them (folders in the name are dropped).
    pub fn prepare(files: Vec<(String, Vec<u8>)>) -> (Vec<(String, InputFile)>, Vec<String>) {
        let files = files
            .into_iter()
            .map(|(n, b)| (base_name(&n).to_string(), b))
            .collect();
        let (paired, notes) = pair_sidecars(files);
        let named = paired
            .into_iter()
            .map(|f| {
                let name = content_name(&f.name, &f.bytes);
                let sidecar = f.sidecar.map(|(_, b)| (sidecar_name(&name), b));
                (
                    f.name,
                    InputFile {
                        name,
                        bytes: f.bytes,
                        sidecar,
                    },
                )
            })
            .collect();
        (named, notes)
    }

    /// Reads one prepared file (see [`Session::prepare`]): parses it, recognises the entities of
    /// its articles, keeps it when at least one article was added. Returns the problems, named
    /// as `original`.
    pub fn add(&mut self, original: &str, file: InputFile) -> Result<Kept, Vec<String>> {
        if self.kept.iter().any(|k| k.file.name == file.name) {
            return Err(vec![format!("{original}: already added")]);
        }
        let before = self.batch.documents.len();
        let outcome = self.batch.add(&file, original);
        let problems: Vec<String> = outcome
            .refused
            .iter()
            .map(|r| r.message(original))
            .collect();
        if outcome.added == 0 {
            return Err(problems);
        }
        for doc in self.batch.documents.get(before..).unwrap_or_default() {
            self.mentions
                .insert(doc.id.clone(), mentions_for_bundle(doc));
        }
        let kept = Kept {
            file,
            original: original.to_string(),
            edited: Vec::new(),
        };
        self.kept.push(kept.clone());
        // Some articles of an export may still have been refused: say which.
        if problems.is_empty() {
            Ok(kept)
        } else {
            Err(problems)
        }
    }

    /// Corrects the metadata of the article read from the file `file` (`edits` as
    /// [`sidecar::corrected`] takes them): an added file gets the corrected sidecar and is read
    /// again; a served article keeps its corrections beside it. `Err` says what was wrong.
    pub fn edit(&mut self, file: &str, edits: &[(&str, &str)]) -> Result<Edited, String> {
        if let Some(k) = self.kept.iter().find(|k| k.file.name == file).cloned() {
            let existing = k.file.sidecar.as_ref().map(|(_, b)| b.as_slice());
            let toml = sidecar::corrected(existing, edits)?;
            let keys = corrected_keys(&k.edited, edits);
            let mut file_now = k.file.clone();
            file_now.sidecar = Some((sidecar_name(file), toml.into_bytes()));
            self.remove(file);
            let mut kept = self
                .add(&k.original, file_now)
                .map_err(|problems| problems.join("; "))?;
            kept.edited = keys.clone();
            if let Some(last) = self.kept.last_mut() {
                last.edited = keys;
            }
            return Ok(Edited::Kept(kept));
        }
        let before = self.served_edits.get(file);
        let existing = before.map(|c| c.sidecar.as_slice());
        let correction = Correction {
            sidecar: sidecar::corrected(existing, edits)?.into_bytes(),
            keys: corrected_keys(before.map_or(&[][..], |c| &c.keys), edits),
        };
        self.served_edits
            .insert(file.to_string(), correction.clone());
        Ok(Edited::Served(file.to_string(), correction))
    }

    /// Restores the corrections of a served article (read back from the browser's storage).
    pub fn restore_edit(&mut self, file: String, correction: Correction) {
        self.served_edits.insert(file, correction);
    }

    /// Marks the keys of a kept file corrected in the page (read back from the browser's
    /// storage).
    pub fn mark_edited(&mut self, stored: &str, keys: &[String]) {
        for k in self.kept.iter_mut().filter(|k| k.file.name == stored) {
            k.edited = keys.to_vec();
        }
    }

    /// The files whose articles were corrected in the page, each with the keys corrected.
    pub fn edited(&self) -> Vec<(String, Vec<String>)> {
        let kept = self
            .kept
            .iter()
            .filter(|k| !k.edited.is_empty())
            .map(|k| (k.file.name.clone(), k.edited.clone()));
        let served = self
            .served_edits
            .iter()
            .filter(|(_, c)| !c.keys.is_empty())
            .map(|(f, c)| (f.clone(), c.keys.clone()));
        kept.chain(served).collect()
    }

    /// Removes the kept file named `stored` and its documents.
    pub fn remove(&mut self, stored: &str) {
        self.kept.retain(|k| k.file.name != stored);
        let ids: Vec<String> = self
            .batch
            .documents
            .iter()
            .filter(|d| d.file == stored)
            .map(|d| d.id.clone())
            .collect();
        for id in ids {
            self.mentions.remove(&id);
        }
        self.batch.remove_file(stored);
    }

    /// The corpus the page shows: `base` (the served corpus, or none when the user hides it)
    /// with the added articles after it.
    pub fn corpus(&self, base: Option<&Bundle>) -> Bundle {
        let docs = self.batch.documents.clone();
        let mentions = docs
            .iter()
            .map(|d| self.mentions.get(&d.id).cloned().unwrap_or_default())
            .collect();
        match base {
            Some(b) if self.served_edits.is_empty() => b.clone().extended(docs, mentions),
            Some(b) => {
                // Corrected metadata changes the index's outlet, author and date entries:
                // the served articles are bundled again with their corrections applied.
                let mut served = b.documents.clone();
                for d in &mut served {
                    if let Some(c) = self.served_edits.get(&d.file) {
                        sidecar::apply(d, &sidecar_name(&d.file), &c.sidecar);
                    }
                }
                Bundle::new(served).extended(docs, mentions)
            }
            None => Bundle::new(Vec::new()).extended(docs, mentions),
        }
    }

    /// `corpus.bin` of the kept files alone: what `parallax bundle` writes for a folder holding
    /// them (the same batch, in name order).
    pub fn export_bundle(&self) -> Vec<u8> {
        let mut files: Vec<InputFile> = self.kept.iter().map(|k| k.file.clone()).collect();
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let (batch, _) = read_all(&files, true);
        Bundle::new(batch.documents).to_bytes()
    }
}

impl Session {
    /// The kept files and their sidecars as a `.zip`, under the names they are kept by (so
    /// `parallax bundle` of the unpacked folder gives the same ids); `None` past the zip
    /// format's limits.
    pub fn export_zip(&self) -> Option<Vec<u8>> {
        let mut files: Vec<(String, &[u8])> = Vec::new();
        for k in &self.kept {
            files.push((k.file.name.clone(), &k.file.bytes));
            if let Some((name, bytes)) = &k.file.sidecar {
                files.push((name.clone(), bytes));
            }
        }
        // Corrections of served articles, as sidecars to put next to them in `corpus/`.
        for (file, c) in &self.served_edits {
            files.push((sidecar_name(file), &c.sidecar));
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        crate::zip::store(&files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_all(s: &mut Session, files: Vec<(&str, &[u8])>) -> Added {
        let (prepared, notes) = Session::prepare(
            files
                .into_iter()
                .map(|(n, b)| (n.to_string(), b.to_vec()))
                .collect(),
        );
        let mut added = Added {
            notes,
            ..Added::default()
        };
        for (original, file) in prepared {
            match s.add(&original, file) {
                Ok(k) => added.kept.push(k),
                Err(p) => added.problems.extend(p),
            }
        }
        added
    }

    #[test]
    fn files_are_added_with_content_ids_and_problems_named() {
        let mut s = Session::new();
        let added = add_all(
            &mut s,
            vec![
                ("dir/a.txt", b"Zanzibar ferry sinks\n\nBy Ann Lee\n\nA ferry sank off Zanzibar on Monday, the Red Cross said."),
                ("dir/a.toml", b"outlet = \"Coast Times\"\n"),
                ("f07.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 0, 7]),
                ("empty.txt", b""),
                (".DS_Store", b"x"),
            ],
        );
        assert_eq!(added.kept.len(), 1);
        assert_eq!(added.problems.len(), 2, "{:?}", added.problems);
        assert!(added
            .problems
            .iter()
            .any(|p| p.starts_with("f07.txt: this looks like a binary file")));
        assert!(added
            .problems
            .iter()
            .any(|p| p.starts_with("empty.txt: the file is empty")));
        assert_eq!(added.notes, [".DS_Store: a hidden file, left aside"]);
        let corpus = s.corpus(None);
        assert_eq!(corpus.documents.len(), 1);
        let doc = &corpus.documents[0];
        assert!(doc.id.ends_with("_a") && doc.id.len() == 18, "{}", doc.id);
        assert_eq!(
            doc.meta.outlet.as_ref().map(|f| f.value.as_str()),
            Some("Coast Times")
        );
        // The same file again is named, not added twice.
        let again = add_all(&mut s, vec![("a.txt", b"Zanzibar ferry sinks\n\nBy Ann Lee\n\nA ferry sank off Zanzibar on Monday, the Red Cross said.")]);
        assert_eq!(again.problems, ["a.txt: already added"]);
        // Export: the bundle of the kept files, which loads.
        let exported = Bundle::from_bytes(&s.export_bundle()).unwrap();
        assert_eq!(exported.documents.len(), 1);
        let stored = s.kept()[0].file.name.clone();
        s.remove(&stored);
        assert!(s.corpus(None).documents.is_empty());
    }

    /// A served corpus of one article, `seed.txt`.
    fn served_seed() -> Bundle {
        Bundle::new(vec![parallax_core::parse_document(
            &parallax_core::SourceFile {
                name: "seed.txt",
                bytes: b"Seed headline\n\nThe seed article says something.",
                sidecar: None,
            },
        )])
    }

    #[test]
    fn corrections_apply_to_added_and_served_articles_and_are_exported() {
        let base = served_seed();
        let mut s = Session::new();
        add_all(
            &mut s,
            vec![("mine.txt", b"My headline\n\nWords of mine here.")],
        );
        let stored = s.kept()[0].file.name.clone();
        let edited = s
            .edit(
                &stored,
                &[("title", "Better headline"), ("published", "2024-02-03")],
            )
            .unwrap();
        assert!(
            matches!(edited, Edited::Kept(ref k) if k.edited == ["title", "published"] && k.file.sidecar.is_some())
        );
        assert!(s.edit("seed.txt", &[("outlet", "Seed Gazette")]).is_ok());
        assert_eq!(
            s.edit("seed.txt", &[("published", "soon")]),
            Err("published: “soon” is not a date (YYYY-MM-DD)".into())
        );
        let corpus = s.corpus(Some(&base));
        let title = |i: usize| {
            corpus.documents[i]
                .meta
                .title
                .as_ref()
                .map(|f| f.value.clone())
        };
        let outlet = corpus.documents[0]
            .meta
            .outlet
            .as_ref()
            .map(|f| f.value.as_str());
        assert_eq!(outlet, Some("Seed Gazette"));
        assert_eq!(title(1).as_deref(), Some("Better headline"));
        assert_eq!(
            s.edited(),
            [
                (stored.clone(), vec!["title".into(), "published".into()]),
                ("seed.txt".into(), vec!["outlet".into()]),
            ]
        );
        // The corrected date is in the index: searching by date finds the article.
        let opts = parallax_core::search::Options::default();
        let hits = parallax_core::search::search(
            &corpus.index,
            &corpus.documents,
            "after:2024-02-01",
            &opts,
        );
        assert_eq!(hits.total_docs, 1);
        // The zip carries both sidecars.
        let zip = s.export_zip().unwrap();
        let has = |name: &str| zip.windows(name.len()).any(|w| w == name.as_bytes());
        assert!(has("seed.toml") && has(&sidecar_name(&stored)));
    }

    #[test]
    fn the_corpus_is_the_served_one_with_the_added_articles_after_it() {
        let base = served_seed();
        let mut s = Session::new();
        add_all(
            &mut s,
            vec![("mine.txt", b"My headline\n\nQuixotic words only here.")],
        );
        let corpus = s.corpus(Some(&base));
        assert_eq!(corpus.documents.len(), 2);
        assert_eq!(corpus.documents[0].id, "seed");
        let opts = parallax_core::search::Options::default();
        let hits =
            parallax_core::search::search(&corpus.index, &corpus.documents, "quixotic", &opts);
        assert_eq!(hits.total_docs, 1);
    }

    /// A value that came with the file stays the file's; only the keys corrected in the page
    /// are marked corrected, and an emptied key is no longer one.
    #[test]
    fn only_the_keys_corrected_in_the_page_are_marked() {
        let mut s = Session::new();
        add_all(
            &mut s,
            vec![
                ("mine.txt", b"My headline\n\nWords of mine here."),
                ("mine.toml", b"outlet = \"Came With It\"\n"),
            ],
        );
        let stored = s.kept()[0].file.name.clone();
        s.edit(&stored, &[("title", "Better"), ("updated", "2024-02-03")])
            .unwrap();
        s.edit(&stored, &[("updated", " ")]).unwrap();
        assert_eq!(s.edited(), [(stored.clone(), vec!["title".to_string()])]);
        let doc = &s.corpus(None).documents[0];
        let outlet = doc.meta.outlet.as_ref().unwrap();
        assert_eq!(
            outlet.value, "Came With It",
            "the file's sidecar value is kept"
        );
        assert!(doc.meta.updated.is_none(), "an emptied correction is gone");
        s.edit(&stored, &[("title", "")]).unwrap();
        assert!(s.edited().is_empty());
    }
}
