//! One name per article: the short label ("Reuters — UN mission arrives…", or "Untitled: The
//! first words…") that the app's views and the CLI's human output show instead of a file id.
//!
//! A label is built from what the article states (outlet, title, first paragraph), never from
//! its file name, so it reads as the article and not as a path. [`labels`] makes the labels of a
//! corpus unique, so a label always names exactly one article; an article's label depends only
//! on the corpus, never on which articles a view happens to show.
use crate::text::{excerpt, normalize_space};
use crate::Document;

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
    let outlet = doc
        .meta
        .outlet
        .as_ref()
        .map(|o| normalize_space(&o.value))
        .filter(|o| !o.is_empty());
    let outlet = outlet.map(|o| excerpt(&o, LABEL_CHARS / 2));
    let room = LABEL_CHARS
        .saturating_sub(outlet.as_ref().map_or(0, |o| o.chars().count() + 3))
        .max(MIN_HEADLINE_CHARS);
    let title = doc
        .title()
        .map(normalize_space)
        .filter(|t| !t.is_empty())
        .map(|t| excerpt(&t, room));
    let name = match title {
        Some(t) => t,
        None => {
            let lede = normalize_space(&doc.lede(usize::MAX));
            if lede.is_empty() {
                "Untitled (no text)".to_string()
            } else {
                format!("Untitled: {}", excerpt(&lede, LEDE_CHARS))
            }
        }
    };
    match outlet {
        Some(o) => format!("{o} — {name}"),
        None => name,
    }
}

/// The labels of a corpus, one per document in the same order, all different: an article whose
/// label another, earlier article already has gets " (2)", " (3)", … in corpus order.
pub fn labels(docs: &[Document]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(docs.len());
    let mut taken = std::collections::HashSet::with_capacity(docs.len());
    for d in docs {
        let base = label(d);
        let mut name = base.clone();
        let mut n = 1usize;
        while taken.contains(&name) {
            n = n.saturating_add(1);
            name = format!("{base} ({n})");
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
}
