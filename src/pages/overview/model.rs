//! What the overview's cards show, computed from a comparison of the corpus's articles and
//! their labels: plain data, so it is tested natively and the cards only lay it out.

use crate::components::framing_marks::voice_counts;
use crate::pages::compare::{letter, MAX_DOCS};
use crate::url_state::OverviewRoute;
use parallax_core::bundle::EntityRow;
use parallax_core::compare::Comparison;
use parallax_core::sort::{sort_by, stable_sort_by, stable_sort_by_key};
use parallax_core::Date;

/// How many rows a card lists; its full view has the rest.
pub const TOP: usize = 4;

/// One article on the timeline strip.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub label: String,
    pub letter: String,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    /// "Possible re-publication", with the first piece of evidence in words.
    pub republished: Option<String>,
}

/// A quantity the articles give with values that cannot all be right.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What is counted ("people killed").
    pub what: String,
    /// Each article's value as written, with its letter and label.
    pub values: Vec<(String, String, String)>,
}

/// Two articles sharing passages: their letters and the larger of the two shares.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedPair {
    pub a: usize,
    pub b: usize,
    pub share: f64,
}

/// A speaker quoted across the articles.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerRow {
    pub name: String,
    pub quotes: usize,
    pub sources: usize,
}

/// One article's framing, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Framing {
    pub letter: String,
    pub label: String,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    /// By publication date, undated last.
    pub timeline: Vec<Article>,
    pub facts: Vec<Fact>,
    /// Per article pair, most shared first (only pairs that share something).
    pub shared: Vec<SharedPair>,
    /// The overlap matrix (`overlap[i][j]`: share of i's words aligned with j).
    pub overlap: Vec<Vec<f64>>,
    pub letters: Vec<String>,
    pub speakers: Vec<SpeakerRow>,
    pub framing: Vec<Framing>,
}

/// The cards' data. `labels[i]` is the label of `c.docs[i]`.
pub fn build(c: &Comparison, labels: &[String]) -> Model {
    let label = |i: usize| labels.get(i).cloned().unwrap_or_default();
    let col = |id: &str| c.docs.iter().position(|d| d.id == id);
    let mut timeline: Vec<Article> = c
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| Article {
            label: label(i),
            letter: letter(i),
            outlet: d.outlet.clone(),
            published: d.published,
            republished: republication(c, labels, &d.id),
        })
        .collect();
    // Undated last; dated by date; ties in corpus order (the sort is stable).
    stable_sort_by_key(&mut timeline, |a| (a.published.is_none(), a.published));

    let mut groups: Vec<_> = c.numbers.iter().filter(|g| g.disagree).collect();
    stable_sort_by(&mut groups, |a, b| {
        b.conflict
            .cmp(&a.conflict)
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let facts = groups
        .into_iter()
        .take(TOP)
        .map(|g| Fact {
            what: g.key.clone(),
            values: g
                .mentions
                .iter()
                .filter_map(|m| {
                    let i = col(&m.doc)?;
                    Some((letter(i), label(i), m.text.clone()))
                })
                .collect(),
        })
        .collect();

    let n = c.docs.len();
    let share = |i: usize, j: usize| {
        c.overlap
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(0.0)
    };
    let mut shared: Vec<SharedPair> = (0..n)
        .flat_map(|a| ((a + 1)..n).map(move |b| (a, b)))
        .map(|(a, b)| SharedPair {
            a,
            b,
            share: share(a, b).max(share(b, a)),
        })
        .filter(|p| p.share > 0.0)
        .collect();
    stable_sort_by(&mut shared, |x, y| y.share.total_cmp(&x.share));

    let mut speakers: Vec<SpeakerRow> = c
        .speakers
        .iter()
        .map(|s| SpeakerRow {
            name: s.name.clone(),
            quotes: s.total,
            sources: s.counts.iter().filter(|&&k| k > 0).count(),
        })
        .collect();
    stable_sort_by(&mut speakers, |a, b| {
        b.sources
            .cmp(&a.sources)
            .then(b.quotes.cmp(&a.quotes))
            .then(a.name.cmp(&b.name))
    });
    speakers.truncate(TOP + 1);

    let framing = c
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| Framing {
            letter: letter(i),
            label: label(i),
            sentence: framing_sentence(c, &d.id),
        })
        .collect();

    Model {
        timeline,
        facts,
        shared,
        overlap: c.overlap.clone(),
        letters: (0..n).map(letter).collect(),
        speakers,
        framing,
    }
}

/// The overview's filters in words ("outlet Reuters or AP; author Jane Doe; published on or
/// after September 19, 2023 and before October 1, 2023"), or `None` when none is chosen.
pub fn describe(f: &OverviewRoute) -> Option<String> {
    let date = |v: &Option<String>| {
        v.as_deref().map(|s| {
            s.parse::<Date>()
                .map_or_else(|_| s.to_string(), |d| d.long())
        })
    };
    let mut parts = Vec::new();
    if !f.outlets.is_empty() {
        parts.push(format!("outlet {}", f.outlets.join(" or ")));
    }
    if !f.authors.is_empty() {
        parts.push(format!("author {}", f.authors.join(" or ")));
    }
    match (date(&f.after), date(&f.before)) {
        (Some(a), Some(b)) => parts.push(format!("published on or after {a} and before {b}")),
        (Some(a), None) => parts.push(format!("published on or after {a}")),
        (None, Some(b)) => parts.push(format!("published before {b}")),
        (None, None) => {}
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The sentence above the cards: which articles are compared. `pool` articles pass the
/// filters (`by`, in words), `compared` of them are compared.
pub fn scope(total: usize, pool: usize, compared: usize, by: Option<&str>) -> String {
    let of = match by {
        None => format!("the corpus’s {total} articles"),
        Some(by) => format!("the {pool} of the corpus’s {total} articles with {by}",),
    };
    if pool > compared {
        format!(
            "The {compared} of {of} that share the most people, organisations and places with the others, compared with each other (a comparison takes at most {MAX_DOCS} at once)."
        )
    } else if by.is_none() {
        format!("All {total} articles of the corpus compared with each other.")
    } else if pool < 2 {
        format!("Filtered to {of}.")
    } else {
        format!("All {of} compared with each other.")
    }
}

/// Why every card is empty, when it is: no article, one article, or the filters (`by`) leave
/// fewer than two.
pub fn empty_why(total: usize, compared: usize, by: Option<&str>) -> Option<String> {
    match (total, compared, by) {
        (0, _, _) => Some("The corpus has no articles.".to_string()),
        (1, _, _) => {
            Some("The corpus has one article: there is nothing to compare it with.".to_string())
        }
        (_, 0, Some(by)) => Some(format!("No article has {by}.")),
        (_, 1, Some(by)) => Some(format!(
            "One article has {by}: there is nothing to compare it with."
        )),
        _ => None,
    }
}

/// The `k` documents of `pool` that share the most named entities (people, organisations,
/// places, groups) with the others of the pool, in corpus order: in a corpus too large to
/// compare whole, the articles at the heart of the story it is about. The whole pool when it
/// has at most `k`.
pub fn most_connected(rows: &[EntityRow], pool: &[usize], k: usize) -> Vec<usize> {
    if pool.len() <= k {
        return pool.to_vec();
    }
    let mut score: std::collections::HashMap<usize, usize> = pool.iter().map(|&d| (d, 0)).collect();
    for r in rows.iter().filter(|r| r.kind.is_name()) {
        let here: Vec<usize> = r
            .docs
            .iter()
            .map(|&(d, _)| d as usize)
            .filter(|d| score.contains_key(d))
            .collect();
        let others = here.len().saturating_sub(1);
        for d in here {
            if let Some(s) = score.get_mut(&d) {
                *s += others;
            }
        }
    }
    let mut order = pool.to_vec();
    // Most connected first; ties in corpus order (the sort is stable).
    stable_sort_by_key(&mut order, |d| {
        std::cmp::Reverse(score.get(d).copied().unwrap_or(0))
    });
    order.truncate(k);
    sort_by(&mut order, &|a, b| a.cmp(b));
    order
}

/// Why article `id` looks re-published (the comparison's first piece of evidence, articles named
/// by their labels), or `None` when its dates raise no doubt. The overview's timeline and the
/// reader's warning beside the publication date both say it this way.
pub fn republication(c: &Comparison, labels: &[String], id: &str) -> Option<String> {
    let t = c.timeline.iter().find(|t| t.doc == id && t.republished)?;
    let named = c
        .docs
        .iter()
        .zip(labels)
        .map(|(d, l)| (d.id.as_str(), l.as_str()));
    Some(t.evidence.first().map_or_else(
        || "Possible re-publication".to_string(),
        |e| crate::labels::ids_to_labels(&e.message, named),
    ))
}

/// The frame an article leans on most in its own words, in a sentence ("Leans on “military
/// offensive or operation” (…): 1 in quotes, 3 in its own words."), or why there is none.
fn framing_sentence(c: &Comparison, doc: &str) -> String {
    let Some(col) = c.docs.iter().position(|d| d.id == doc) else {
        return String::new();
    };
    let at = |v: &Vec<usize>| v.get(col).copied().unwrap_or(0);
    let best = c
        .frame_table
        .iter()
        .filter(|r| at(&r.own) > 0)
        .max_by(|a, b| at(&a.own).cmp(&at(&b.own)).then(b.name.cmp(&a.name)));
    match best {
        Some(r) => format!(
            "Leans on “{}” ({}): {}.",
            r.name,
            // "The departure of …" reads "the departure of …" inside the sentence; any other
            // word keeps its capital (names: "Azerbaijan taking control of Karabakh").
            r.topic_name
                .strip_prefix("The ")
                .map_or_else(|| r.topic_name.clone(), |rest| format!("the {rest}")),
            voice_counts(at(&r.quoted) + at(&r.reported), at(&r.own))
        ),
        None => {
            let quoted: usize = c
                .frame_table
                .iter()
                .map(|r| at(&r.quoted) + at(&r.reported))
                .sum();
            if quoted > 0 {
                format!(
                    "Uses framing terms only when quoting others ({}).",
                    voice_counts(quoted, 0)
                )
            } else {
                "Uses none of the framing terms Parallax knows.".to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{parse_document, SourceFile};

    /// The seed corpus, parsed, in file order (as the bundle holds it).
    fn seeds() -> Vec<parallax_core::Document> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|n| {
                let bytes = std::fs::read(dir.join(n)).unwrap();
                parse_document(&SourceFile {
                    name: n,
                    bytes: &bytes,
                    sidecar: None,
                })
            })
            .collect()
    }

    #[test]
    fn cards_of_the_seed_corpus() {
        let docs = seeds();
        let labels = parallax_core::labels(&docs);
        let c = parallax_core::compare::compare(&docs);
        let m = build(&c, &labels);
        // The timeline: every article, dated ones in date order, undated last.
        assert_eq!(m.timeline.len(), docs.len());
        let dates: Vec<Option<Date>> = m.timeline.iter().map(|a| a.published).collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| (d.is_none(), *d));
        assert_eq!(dates, sorted);
        assert_eq!(
            m.timeline
                .iter()
                .filter(|a| a.republished.is_some())
                .count(),
            c.timeline.iter().filter(|t| t.republished).count()
        );
        // Facts: only disagreeing groups, each value with its article's label.
        assert!(!m.facts.is_empty() && m.facts.len() <= TOP);
        for f in &m.facts {
            assert!(f.values.len() >= 2, "{f:?}");
            assert!(f.values.iter().all(|(_, l, _)| labels.contains(l)));
        }
        // Shared pairs: most shared first.
        assert!(m.shared.windows(2).all(|w| w[0].share >= w[1].share));
        assert_eq!(m.framing.len(), docs.len());
        assert!(m.framing.iter().all(|f| f.sentence.ends_with('.')));
        // Counts say whose words; names keep their capitals inside the sentence.
        assert!(m
            .framing
            .iter()
            .any(|f| f.sentence.contains(" in quotes, ")));
        for f in &m.framing {
            assert!(
                !f.sentence.contains("karabakh") && !f.sentence.contains("azerbaijan"),
                "{}",
                f.sentence
            );
        }
        // No card names an article by its file id.
        let text = format!("{m:?}");
        for d in &docs {
            assert!(!text.contains(&d.id), "{} appears in the overview", d.id);
        }
    }

    #[test]
    fn a_large_corpus_compares_the_articles_at_the_heart_of_its_story() {
        use parallax_core::entities::EntityType;
        let row = |kind, docs: &[u32]| EntityRow {
            kind,
            canonical: String::new(),
            total: docs.len(),
            docs: docs.iter().map(|&d| (d, 1)).collect(),
            names: Vec::new(),
            name_mentions: Vec::new(),
            description: None,
        };
        let rows = [
            row(EntityType::Place, &[1, 3, 4]),
            row(EntityType::Person, &[3, 4]),
            // Dates say nothing about the story: not counted.
            row(EntityType::Date, &[0, 2, 5, 6]),
            row(EntityType::Org, &[0, 9]),
        ];
        let all: Vec<usize> = (0..10).collect();
        assert_eq!(most_connected(&rows, &all, 3), [1, 3, 4]);
        assert_eq!(
            most_connected(&rows, &[0, 1, 2], 6),
            [0, 1, 2],
            "a small pool: all"
        );
        // Only what the pool's documents share among themselves counts.
        assert_eq!(most_connected(&rows, &[0, 3, 4, 9], 2), [3, 4]);
        // A row naming a document outside the pool is ignored, not a panic.
        assert_eq!(
            most_connected(&[row(EntityType::Org, &[0, 99])], &all, 1),
            [0]
        );
    }

    #[test]
    fn the_filters_in_words() {
        let none = OverviewRoute::default();
        assert_eq!(describe(&none), None);
        let f = OverviewRoute {
            outlets: vec!["Reuters".into(), "AP".into()],
            authors: vec!["Jane Doe".into()],
            after: Some("2023-09-19".into()),
            before: Some("2023-10-01".into()),
        };
        let by = describe(&f).unwrap();
        assert!(by.starts_with("outlet Reuters or AP; author Jane Doe; published on or after "));
        assert!(
            by.contains(&"2023-09-19".parse::<Date>().unwrap().long()),
            "{by}"
        );
        assert!(
            by.ends_with(&"2023-10-01".parse::<Date>().unwrap().long()),
            "{by}"
        );
        // Above the cards: the filters, how many articles pass them, how many are compared.
        assert_eq!(
            scope(9, 3, 3, Some("outlet AP")),
            "All the 3 of the corpus’s 9 articles with outlet AP compared with each other."
        );
        assert!(scope(20, 10, MAX_DOCS, None)
            .starts_with(&format!("The {MAX_DOCS} of the corpus’s 20 articles")));
        assert_eq!(
            scope(5, 5, 5, None),
            "All 5 articles of the corpus compared with each other."
        );
        // Every card says why it is empty, naming the filters.
        assert_eq!(
            empty_why(5, 0, Some("author Jane Doe")).as_deref(),
            Some("No article has author Jane Doe.")
        );
        assert!(empty_why(5, 1, Some("outlet AP"))
            .unwrap()
            .starts_with("One article has outlet AP:"));
        assert_eq!(empty_why(5, 5, None), None);
        assert!(empty_why(1, 1, None).is_some());
    }

    #[test]
    fn one_article_has_nothing_to_compare() {
        let docs = seeds();
        let one = &docs[..1];
        let m = build(
            &parallax_core::compare::compare(one),
            &parallax_core::labels(one),
        );
        assert!(m.facts.is_empty() && m.shared.is_empty());
        assert_eq!(m.timeline.len(), 1);
    }
}
