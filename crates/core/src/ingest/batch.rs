//! Many files in, documents out: what the `parallax` command and the page's ingest worker both do
//! between having the bytes of some files and having their documents, so the two cannot drift.
//!
//! A [`Batch`] takes files one at a time (the worker reports progress between them): it applies
//! the input limits, parses each file ([`parse_file`]: one document, or one per article of an
//! export), and refuses a document whose id an earlier file already gave (`a.md` after `a.txt`).
//! Every refusal names the file and says why; the other files are kept.
//!
//! The page names the files it keeps by their content ([`content_name`]), so the id of an added
//! article is the same in every browser that adds the same file, and the exported files give the
//! same ids when the `parallax` command reads them.

use super::parse_file;
use crate::limits;
use crate::model::{DiagnosticCode, Document};
use crate::parse::SourceFile;
use std::collections::HashMap;

/// One article file as read: its name (no folders), its bytes, and its sidecar's name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub sidecar: Option<(String, Vec<u8>)>,
}

/// Why a file, or one article of it, was not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Past [`limits::MAX_FILE_BYTES`].
    TooLarge { len: u64 },
    /// A line past [`limits::MAX_LINE_BYTES`].
    LongLine { longest: usize },
    /// An article whose id an earlier file already gave.
    IdTaken { id: String, first: String },
    /// Empty, only whitespace, or not text (the decoder's diagnostic says which), when the batch
    /// refuses such files (see [`Batch::refuse_unreadable`]).
    Unreadable { message: String },
}

impl Refusal {
    /// A sentence naming the file as `shown` (a path for the CLI, the file's own name in the page).
    pub fn message(&self, shown: &str) -> String {
        match self {
            Refusal::TooLarge { len } => limits::file_too_large(shown, *len),
            Refusal::LongLine { longest } => limits::line_too_long(shown, *longest),
            Refusal::IdTaken { id, first } => format!(
                "{shown}: its document id `{id}` is already taken by {first}; rename one of them"
            ),
            Refusal::Unreadable { message } => message.clone(),
        }
    }
}

/// What became of one file given to [`Batch::add`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileOutcome {
    /// How many of its documents were added.
    pub added: usize,
    /// Why the file, or some of its articles, were not.
    pub refused: Vec<Refusal>,
}

/// Documents read so far, in the order their files were added.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    /// Empty, whitespace-only and binary files are refused instead of kept as documents with a
    /// diagnostic. The CLI keeps them (its output names them); the page refuses them, so its
    /// library holds articles only and its error list names the rest.
    pub refuse_unreadable: bool,
    /// Which file (as `shown` in [`Batch::add`]) gave each document id.
    owner: HashMap<String, String>,
}

impl Batch {
    /// An empty batch; see [`Batch::refuse_unreadable`].
    pub fn new(refuse_unreadable: bool) -> Batch {
        Batch {
            refuse_unreadable,
            ..Batch::default()
        }
    }

    /// Parses `file` and adds its documents; `shown` names it in refusals (the CLI passes the
    /// path it read). A document whose id is already taken is refused, the file's others kept.
    pub fn add(&mut self, file: &InputFile, shown: &str) -> FileOutcome {
        let mut outcome = FileOutcome::default();
        if file.bytes.len() as u64 > limits::MAX_FILE_BYTES {
            outcome.refused.push(Refusal::TooLarge {
                len: file.bytes.len() as u64,
            });
            return outcome;
        }
        let longest = limits::longest_line(&file.bytes);
        if longest > limits::MAX_LINE_BYTES {
            outcome.refused.push(Refusal::LongLine { longest });
            return outcome;
        }
        let docs = parse_file(&SourceFile {
            name: &file.name,
            bytes: &file.bytes,
            sidecar: file
                .sidecar
                .as_ref()
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
        });
        for doc in docs {
            if self.refuse_unreadable {
                if let Some(d) = doc.diagnostics.iter().find(|d| {
                    matches!(
                        d.code,
                        DiagnosticCode::EmptyFile | DiagnosticCode::BinaryFile
                    )
                }) {
                    // The decoder names the file as parsed; name it as shown.
                    let message = match d.message.strip_prefix(file.name.as_str()) {
                        Some(rest) => format!("{shown}{rest}"),
                        None => d.message.clone(),
                    };
                    outcome.refused.push(Refusal::Unreadable { message });
                    continue;
                }
            }
            if let Some(first) = self.owner.get(&doc.id) {
                outcome.refused.push(Refusal::IdTaken {
                    id: doc.id.clone(),
                    first: first.clone(),
                });
                continue;
            }
            self.owner.insert(doc.id.clone(), shown.to_string());
            self.documents.push(doc);
            outcome.added += 1;
        }
        outcome
    }

    /// Takes out every document that came from the file named `name` (its stored name); returns
    /// how many.
    pub fn remove_file(&mut self, name: &str) -> usize {
        let before = self.documents.len();
        let owner = &mut self.owner;
        self.documents.retain(|d| {
            let keep = d.file != name;
            if !keep {
                owner.remove(&d.id);
            }
            keep
        });
        before - self.documents.len()
    }
}

/// Reads `files` in order into a new batch: the CLI's whole run, and the page's export (which
/// therefore gives the bundle `parallax bundle` gives for the same files, in name order).
pub fn read_all(files: &[InputFile], refuse_unreadable: bool) -> (Batch, Vec<String>) {
    let mut batch = Batch::new(refuse_unreadable);
    let mut messages = Vec::new();
    for f in files {
        let outcome = batch.add(f, &f.name);
        messages.extend(outcome.refused.iter().map(|r| r.message(&f.name)));
    }
    (batch, messages)
}

/// Whether a file in a folder is left aside: hidden files (`.DS_Store`, editor backups).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Whether a file is a sidecar (`<stem>.toml`, the metadata of the article `<stem>.*`).
pub fn is_sidecar(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && ext == "toml")
}

/// The sidecar name of an article file: `a.txt` → `a.toml`.
pub fn sidecar_name(name: &str) -> String {
    format!("{}.toml", crate::parse::file_stem(name))
}

/// The files of a selection (a folder or several files chosen at once) as articles with their
/// sidecars, in name order, the way the CLI reads a folder: hidden files are left aside, and a
/// `<stem>.toml` goes with the article `<stem>.*`. Returns the articles and one note per file
/// not used (hidden, or a sidecar with no article).
pub fn pair_sidecars(files: Vec<(String, Vec<u8>)>) -> (Vec<InputFile>, Vec<String>) {
    let mut notes = Vec::new();
    let mut sidecars: HashMap<String, Vec<u8>> = HashMap::new();
    let mut articles = Vec::new();
    for (name, bytes) in files {
        if is_hidden(&name) {
            notes.push(format!("{name}: a hidden file, left aside"));
        } else if is_sidecar(&name) {
            sidecars.insert(name, bytes);
        } else {
            articles.push((name, bytes));
        }
    }
    articles.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<InputFile> = articles
        .into_iter()
        .map(|(name, bytes)| {
            let side = sidecar_name(&name);
            let sidecar = sidecars.remove(&side).map(|b| (side, b));
            InputFile {
                name,
                bytes,
                sidecar,
            }
        })
        .collect();
    let mut unused: Vec<String> = sidecars.into_keys().collect();
    unused.sort();
    notes.extend(
        unused
            .into_iter()
            .map(|n| format!("{n}: a sidecar with no article of the same name, left aside")),
    );
    out.shrink_to_fit();
    (out, notes)
}

/// The name the page keeps a file under: `<16 hex digits of the bytes' FNV-1a>_<name>`, so the
/// document id (the name's stem) is derived from the content and is the same wherever the same
/// file is added. A name that already carries its own content's prefix (a file exported by the
/// page and added again) is kept as it is.
pub fn content_name(name: &str, bytes: &[u8]) -> String {
    let prefix = format!("{:016x}_", crate::fnv::fnv1a(bytes));
    if name.starts_with(&prefix) {
        name.to_string()
    } else {
        format!("{prefix}{name}")
    }
}

/// A file's name without the folders a folder selection or drop gives it (`a/b/c.txt` → `c.txt`).
pub fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
#[allow(clippy::string_slice)] // a slice that panics here is a failing test
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
            sidecar: None,
        }
    }

    #[test]
    fn a_taken_id_is_refused_and_the_others_are_kept() {
        let mut b = Batch::default();
        let first = b.add(&file("a.txt", "Title\n\nSome words here."), "dir/a.txt");
        assert_eq!(first.added, 1);
        let second = b.add(&file("a.md", "Other\n\nMore words."), "dir/a.md");
        assert_eq!(second.added, 0);
        assert_eq!(
            second.refused[0].message("dir/a.md"),
            "dir/a.md: its document id `a` is already taken by dir/a.txt; rename one of them"
        );
        assert_eq!(
            b.add(&file("b.txt", "B\n\nText.").clone(), "b.txt").added,
            1
        );
        assert_eq!(b.documents.len(), 2);
        assert_eq!(b.remove_file("a.txt"), 1);
        // Once removed, its id is free again.
        assert_eq!(
            b.add(&file("a.md", "Other\n\nMore words."), "a.md").added,
            1
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused_by_name_when_asked() {
        let mut keep = Batch::default();
        assert_eq!(keep.add(&file("e.txt", ""), "e.txt").added, 1);
        let mut refuse = Batch {
            refuse_unreadable: true,
            ..Batch::default()
        };
        let empty = refuse.add(&file("e.txt", "  \n"), "e.txt");
        assert_eq!(empty.added, 0);
        assert!(empty.refused[0]
            .message("e.txt")
            .starts_with("e.txt: the file contains only whitespace"));
        let binary = InputFile {
            name: "f07.txt".into(),
            bytes: (0u8..=255).cycle().take(2000).collect(),
            sidecar: None,
        };
        let out = refuse.add(&binary, "f07.txt");
        let named = refuse.add(
            &InputFile {
                name: "0123_f08.txt".into(),
                ..binary.clone()
            },
            "f08.txt",
        );
        assert!(named.refused[0]
            .message("f08.txt")
            .starts_with("f08.txt: this looks"));
        assert_eq!(out.added, 0);
        assert!(
            out.refused[0]
                .message("f07.txt")
                .starts_with("f07.txt: this looks like a binary file"),
            "{:?}",
            out.refused
        );
        assert_eq!(
            refuse
                .add(&file("ok.txt", "Title\n\nBody text."), "ok.txt")
                .added,
            1
        );
        assert_eq!(refuse.documents.len(), 1);
    }

    #[test]
    fn limits_are_applied_with_the_name_shown() {
        let mut b = Batch::default();
        let long = InputFile {
            name: "x.txt".into(),
            bytes: vec![b'a'; limits::MAX_LINE_BYTES + 1],
            sidecar: None,
        };
        let out = b.add(&long, "some/x.txt");
        assert_eq!(out.added, 0);
        assert!(out.refused[0]
            .message("some/x.txt")
            .starts_with("some/x.txt: a line has 8388609 bytes"));
    }

    #[test]
    fn an_export_gives_one_document_per_article() {
        let export = "HD First headline\nBY By Ann Lee\nPD 14 March 2024\nSN The Times\nLP Body of the first.\nAN Document A1\n\nHD Second headline\nBY By Bo Ray\nPD 15 March 2024\nSN The Post\nLP Body of the second.\nAN Document A2\n";
        let mut b = Batch::default();
        let out = b.add(&file("exp.txt", export), "exp.txt");
        assert_eq!(
            out.added,
            2,
            "{:?}",
            b.documents.iter().map(|d| &d.id).collect::<Vec<_>>()
        );
        assert_eq!(b.documents[0].id, "exp-001");
        assert_eq!(b.remove_file("exp.txt"), 2);
        assert!(b.documents.is_empty());
    }

    #[test]
    fn sidecars_pair_with_their_articles_and_hidden_files_are_named() {
        let (files, notes) = pair_sidecars(vec![
            ("b.txt".into(), b"B".to_vec()),
            ("a.toml".into(), b"outlet = \"X\"".to_vec()),
            ("a.txt".into(), b"A".to_vec()),
            (".DS_Store".into(), vec![0]),
            ("lonely.toml".into(), vec![]),
        ]);
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(
            files[0].sidecar.as_ref().map(|s| s.0.as_str()),
            Some("a.toml")
        );
        assert!(files[1].sidecar.is_none());
        assert_eq!(
            notes,
            [
                ".DS_Store: a hidden file, left aside",
                "lonely.toml: a sidecar with no article of the same name, left aside"
            ]
        );
    }

    #[test]
    fn a_bundle_extended_with_documents_is_the_bundle_of_all_of_them() {
        use crate::bundle::{mentions_for_bundle, Bundle};
        let texts = [
            ("a.txt", "UN mission arrives\n\nBy Ann Lee\n\nThe United Nations sent a mission to Stepanakert on Sunday, officials said."),
            ("b.txt", "Refugees cross\n\nThousands crossed into Armenia, said Nikol Pashinyan in Yerevan."),
            ("c.txt", "A third\n\nReuters reported that the Lachin corridor was open."),
        ];
        let (all, _) = read_all(
            &texts.iter().map(|(n, t)| file(n, t)).collect::<Vec<_>>(),
            false,
        );
        let whole = Bundle::new(all.documents.clone());
        let (first, rest) = all.documents.split_at(1);
        let extended = Bundle::new(first.to_vec()).extended(
            rest.to_vec(),
            rest.iter().map(mentions_for_bundle).collect(),
        );
        assert_eq!(extended, whole);
        assert_eq!(extended.to_bytes(), whole.to_bytes());
        assert_eq!(extended.fingerprint(), whole.fingerprint());
    }

    #[test]
    fn content_names_are_stable_and_not_doubled() {
        let n = content_name("f.txt", b"hello");
        assert_eq!(n.len(), 16 + 1 + "f.txt".len());
        assert!(n.ends_with("_f.txt"));
        assert_eq!(content_name(&n, b"hello"), n);
        assert_ne!(content_name("f.txt", b"hellO"), n);
        assert_eq!(base_name("dir/sub/c.txt"), "c.txt");
        assert_eq!(base_name("c.txt"), "c.txt");
    }
}
