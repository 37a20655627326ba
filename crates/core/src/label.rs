//! One name per article: the short label ("Reuters — UN mission arrives…", or "Untitled: The
//! first words…") that the app's views and the CLI's human output show instead of a file id.
//!
//! A label is built from what the article states (outlet, title, first paragraph), never from
//! its file name, so it reads as the article and not as a path. [`labels`] makes the labels of a
//! corpus unique, so a label always names exactly one article; an article's label depends only
//! on the corpus, never on which articles a view happens to show.
use crate::model::Metadata;
use crate::text::{excerpt, normalize_space};
use crate::Document;
use std::collections::{HashMap, HashSet};

/// About the longest label (in characters): the headline is cut on a word, with "…", to fit
/// beside the outlet, but keeps at least [`MIN_HEADLINE_CHARS`].
pub const LABEL_CHARS: usize = 60;
/// The shortest a headline is cut to, however long the outlet's name.
pub const MIN_HEADLINE_CHARS: usize = 28;
/// Longest piece of the first paragraph that stands in for a missing headline.
pub const LEDE_CHARS: usize = 44;

/// The label of one article on its own: "Outlet — short headline", the headline alone when the
/// outlet is not stated, "Untitled: lede…" (after the outlet, if any) when there is no title, and
/// "Untitled (no text)" for an article with neither. Use [`labels`] to name the articles of a
/// corpus, where two articles may share a label.
pub fn label(doc: &Document) -> String {
    label_from(&doc.meta, || doc.lede(usize::MAX))
}

/// [`label`] from an article's metadata and, asked only when it has no title, its lede (a
/// sharded corpus's manifest keeps the lede of untitled articles, `bundle::DocSummary::lede`).
pub(crate) fn label_from(meta: &Metadata, lede: impl FnOnce() -> String) -> String {
    let outlet = meta
        .outlet
        .as_ref()
        .map(|o| normalize_space(&o.value))
        .filter(|o| !o.is_empty());
    let outlet = outlet.map(|o| excerpt(&o, LABEL_CHARS / 2));
    let room = LABEL_CHARS
        .saturating_sub(outlet.as_ref().map_or(0, |o| o.chars().count() + 3))
        .max(MIN_HEADLINE_CHARS);
    let title = meta
        .title
        .as_ref()
        .map(|t| normalize_space(&t.value))
        .filter(|t| !t.is_empty())
        .map(|t| excerpt(&t, room));
    let name = match title {
        Some(t) => t,
        None => match short_lede(&lede()) {
            l if l.is_empty() => "Untitled (no text)".to_string(),
            l => format!("Untitled: {l}"),
        },
    };
    match outlet {
        Some(o) => format!("{o} — {name}"),
        None => name,
    }
}

/// The piece of a lede that stands in for a missing headline (cutting it again changes nothing).
pub(crate) fn short_lede(lede: &str) -> String {
    excerpt(&normalize_space(lede), LEDE_CHARS)
}

/// The labels of a corpus, one per document in the same order, all different: an article whose
/// label another, earlier article already has gets " (2)", " (3)", … in corpus order.
pub fn labels(docs: &[Document]) -> Vec<String> {
    unique(docs.iter().map(label))
}

/// Labels made unique as [`labels`] does, in order.
pub(crate) fn unique(bases: impl ExactSizeIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(bases.len());
    let mut taken = HashSet::with_capacity(bases.len());
    // The last number tried for a label that was taken: every number up to it is taken (names
    // are only ever added), so the next article with that label starts after it. Trying from
    // (2) every time was quadratic in the articles sharing a headline: 113 of the 128 ms of
    // opening a sharded corpus of 10,000 generated articles.
    let mut tried: HashMap<String, usize> = HashMap::new();
    for base in bases {
        let mut name = base.clone();
        if taken.contains(&name) {
            let n = tried.entry(base.clone()).or_insert(1);
            loop {
                *n = n.saturating_add(1);
                name = format!("{base} ({n})");
                if !taken.contains(&name) {
                    break;
                }
            }
        }
        taken.insert(name.clone());
        out.push(name);
    }
    out
}

#[cfg(test)]
#[allow(clippy::string_slice)] // a slice that panics here is a failing test
mod tests {
    use super::*;
    use crate::{parse_document, SourceFile};

    fn doc(id: &str, text: &str) -> Document {
        let name = format!("{id}.txt");
        parse_document(&SourceFile {
            name: &name,
            bytes: text.as_bytes(),
            sidecar: None,
        })
    }

    const BODY: &str =
        "The ferry left the harbour at dawn with three hundred passengers on board, \
                        officials said on Tuesday, and reached the island before noon.";

    #[test]
    fn outlet_and_short_headline() {
        let d = doc(
            "001_abc",
            &format!(
                "Ferry reaches island after a long night at sea in heavy weather and rain\n\n\
                 Publisher: Harbour Times\n\n{BODY}\n"
            ),
        );
        let l = label(&d);
        assert!(l.starts_with("Harbour Times — Ferry reaches island"), "{l}");
        assert!(l.ends_with('…'), "a long headline is cut: {l}");
        assert!(l.chars().count() <= LABEL_CHARS + 1, "{l}");
        assert!(!l.contains("001_abc"), "never the file id: {l}");
    }

    #[test]
    fn untitled_articles_show_their_first_words() {
        let d = doc("002_def", &format!("{BODY}\n"));
        assert_eq!(
            label(&d),
            "Untitled: The ferry left the harbour at dawn with…"
        );
        let empty = doc("003_0123456789abcdef", "");
        assert_eq!(label(&empty), "Untitled (no text)");
    }

    #[test]
    fn labels_of_a_corpus_are_unique_and_stable() {
        let a = doc("a", &format!("{BODY}\n"));
        let b = doc("b", &format!("{BODY}\n"));
        let c = doc("c", "");
        let d = doc("d", "");
        let all = labels(&[a.clone(), b.clone(), c.clone(), d.clone()]);
        assert_eq!(all[0], label(&a));
        assert_eq!(all[1], format!("{} (2)", label(&a)));
        assert_eq!(all[2], "Untitled (no text)");
        assert_eq!(all[3], "Untitled (no text) (2)");
        let set: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
        assert_eq!(
            labels(&[a, b, c, d]),
            all,
            "the same corpus, the same labels"
        );
    }

    #[test]
    fn many_articles_sharing_a_label_are_numbered_in_order_past_names_already_taken() {
        // A headline shared by many articles, and an article whose own label is "X (3)".
        let bases = ["X", "X", "X (3)", "X", "Y", "X", "Y"];
        let all = unique(bases.iter().map(|b| b.to_string()));
        assert_eq!(all, ["X", "X (2)", "X (3)", "X (4)", "Y", "X (5)", "Y (2)"]);
        let many = unique((0..500).map(|_| "Z".to_string()));
        assert_eq!(many[0], "Z");
        assert_eq!(many[1], "Z (2)");
        assert_eq!(many[499], "Z (500)");
    }
}
