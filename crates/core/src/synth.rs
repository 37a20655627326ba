//! A deterministic generator of synthetic corpora for benchmarks and load tests: articles made by
//! recombining the seed corpus's sentences, headlines and names. Every article says it is
//! synthetic (its first line and its sidecar's `notes`), so none can be mistaken for reporting.
//!
//! Pure: seed documents and a seed number in, file contents out (the CLI writes them, the
//! benchmarks parse them in memory). The same inputs always give the same corpus.
use crate::date::Date;
use crate::model::{BlockKind, Document};
use crate::search::sentences::sentences;

/// One generated article: `<stem>.txt` with `text`, and `<stem>.toml` with `sidecar`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    pub stem: String,
    pub text: String,
    pub sidecar: String,
}

/// SplitMix64: tiny, fast and good enough to shuffle sentences.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        self.next().checked_rem(n as u64).unwrap_or(0) as usize
    }

    /// One of `items` (every pool is filled with a default when the seeds give it nothing, so
    /// the fallback `T::default()` is for an empty slice that cannot occur).
    fn pick<T: Clone + Default>(&mut self, items: &[T]) -> T {
        items
            .get(self.below(items.len()))
            .cloned()
            .unwrap_or_default()
    }
}

/// Capitalised words that name institutions, titles or places rather than people, so a pair of
/// them ("Foreign Minister", "Red Cross") is not taken for a person's name.
const NOT_NAMES: &[&str] = &[
    "united",
    "nations",
    "states",
    "foreign",
    "minister",
    "ministry",
    "prime",
    "president",
    "council",
    "security",
    "court",
    "world",
    "committee",
    "red",
    "cross",
    "international",
    "agency",
    "news",
    "service",
    "state",
    "migration",
    "general",
    "assembly",
    "food",
    "program",
    "secretary",
    "union",
    "soviet",
    "western",
    "justice",
    "assistant",
    "deputy",
    "trend",
    "newsroom",
    "periscope",
    "balkan",
    "hellas",
    "corridor",
    "region",
    "republic",
    "army",
    "english",
    "azeri",
    "turkish",
    "russian",
    "karabakh",
    "nagorno",
    "garabagh",
    "armenia",
    "azerbaijan",
    "russia",
    "turkey",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Seed material: body sentences, headline candidates, person names, place names, outlets.
struct Pools {
    sentences: Vec<String>,
    headlines: Vec<String>,
    names: Vec<(String, String)>,
    places: Vec<String>,
    outlets: Vec<String>,
}

fn pools(seeds: &[Document]) -> Pools {
    let mut p = Pools {
        sentences: Vec::new(),
        headlines: Vec::new(),
        names: Vec::new(),
        places: Vec::new(),
        outlets: Vec::new(),
    };
    let mut lower_seen = std::collections::BTreeSet::new();
    let mut sentence_words: Vec<Vec<String>> = Vec::new();
    for d in seeds {
        if let Some(t) = d.title() {
            p.headlines.push(crate::text::normalize_space(t));
        }
        if let Some(o) = &d.meta.outlet {
            p.outlets.push(o.value.clone());
        }
        for a in &d.meta.authors {
            if let Some((first, last)) = a.value.split_once(' ') {
                p.names.push((first.to_string(), last.to_string()));
            }
        }
        for b in d.blocks.iter().filter(|b| b.kind == BlockKind::Body) {
            for (s, e) in sentences(&d.text, b.start, b.end) {
                let text = crate::text::normalize_space(d.slice(s, e));
                let words: Vec<String> = text
                    .split(' ')
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                    .collect();
                for w in &words {
                    if w.starts_with(char::is_lowercase) {
                        lower_seen.insert(w.to_lowercase());
                    }
                }
                if (5..=45).contains(&words.len()) {
                    if words.len() <= 14
                        && text.ends_with('.')
                        && text.starts_with(char::is_uppercase)
                    {
                        p.headlines.push(text.trim_end_matches('.').to_string());
                    }
                    p.sentences.push(text);
                    sentence_words.push(words);
                }
            }
        }
    }
    // Proper nouns: capitalised words never seen in lower case. A pair of them, not at the start
    // of a sentence, is a person's name unless one word names an institution.
    let proper = |w: &str| {
        w.len() >= 3
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && !lower_seen.contains(&w.to_lowercase())
            && crate::date::month_number(w).is_none()
    };
    let mut places = std::collections::BTreeSet::new();
    for words in &sentence_words {
        for pair in words.windows(2) {
            if let [before, word] = pair {
                if matches!(before.as_str(), "in" | "to" | "from" | "of") && proper(word) {
                    places.insert(word.clone());
                }
            }
        }
    }
    // Not a name either: places, and words made from them (Armenians, Azerbaijani).
    let person_word = |w: &str| {
        proper(w)
            && !NOT_NAMES.contains(&w.to_lowercase().as_str())
            && !places.iter().any(|p| w.starts_with(p.as_str()))
    };
    for words in &sentence_words {
        for (k, a) in words.iter().enumerate().skip(1) {
            let Some(b) = words.get(k + 1) else { break };
            let next_proper = words.get(k + 2).is_some_and(|w| proper(w));
            if person_word(a) && person_word(b) && !next_proper {
                p.names.push((a.clone(), b.clone()));
            }
        }
    }
    p.places = places.into_iter().collect();
    for v in [&mut p.headlines, &mut p.places, &mut p.outlets] {
        v.sort();
        v.dedup();
    }
    p.names.sort();
    p.names.dedup();
    if p.sentences.is_empty() {
        p.sentences
            .push("The seed corpus had no sentences to recombine.".into());
    }
    if p.headlines.is_empty() {
        p.headlines.push("Untitled synthetic article".into());
    }
    if p.names.is_empty() {
        p.names.push(("Alex".into(), "Doe".into()));
    }
    if p.places.is_empty() {
        p.places.push("Metro".into());
    }
    p
}

/// `count` articles recombined from `seeds`, numbered from 0, the same for the same `seed`.
pub fn generate(seeds: &[Document], count: usize, seed: u64) -> Vec<SynthArticle> {
    let p = pools(seeds);
    let mut rng = Rng(seed ^ 0x005E_ED0F_5A17);
    // A dozen outlets: the seeds' own, then "<place> <kind>" ones.
    const KINDS: [&str; 8] = [
        "Times", "Herald", "Daily", "Monitor", "Post", "Observer", "Review", "Wire",
    ];
    let mut outlets = p.outlets.clone();
    while outlets.len() < 12 {
        let o = format!("{} {}", rng.pick(&p.places), rng.pick(&KINDS));
        if !outlets.contains(&o) {
            outlets.push(o);
        } else if outlets.len() >= p.places.len() * KINDS.len() {
            break;
        }
    }
    let width = count.saturating_sub(1).to_string().len().max(5);
    (0..count)
        .map(|i| {
            let author = format!("{} {}", rng.pick(&p.names).0, rng.pick(&p.names).1);
            let outlet = rng.pick(&outlets);
            // Between 2023-09-15 and 2023-11-15.
            let day = rng.below(62);
            let date = if day < 16 {
                Date::new(2023, 9, 15 + day as u32)
            } else if day < 47 {
                Date::new(2023, 10, day as u32 - 15)
            } else {
                Date::new(2023, 11, day as u32 - 46)
            }
            .unwrap_or(Date {
                year: 2023,
                month: 10,
                day: 1,
            });
            let headline = rng.pick(&p.headlines);
            let mut text = format!(
                "SYNTHETIC ARTICLE (parallax gen-corpus, seed {seed}, no. {i}): recombined from the seed corpus; not real reporting.\n\n{headline}\n\nBy {author} {}\n",
                date.long()
            );
            for _ in 0..4 + rng.below(7) {
                text.push('\n');
                let n = 1 + rng.below(3);
                let para: Vec<String> = (0..n).map(|_| recombine(&mut rng, &p)).collect();
                text.push_str(&para.join(" "));
                text.push('\n');
            }
            let sidecar = format!(
                "title = {headline:?}\noutlet = {outlet:?}\nnotes = \"Synthetic article generated by parallax gen-corpus (seed {seed}, no. {i}) by recombining sentences and names of the seed corpus. Not real reporting.\"\n"
            );
            SynthArticle {
                stem: format!("synth_{i:0width$}"),
                text,
                sidecar,
            }
        })
        .collect()
}

/// A seed sentence, sometimes with a person's name swapped for a recombined one.
fn recombine(rng: &mut Rng, p: &Pools) -> String {
    let s = rng.pick(&p.sentences);
    if rng.below(3) != 0 {
        return s;
    }
    for (first, last) in &p.names {
        let name = format!("{first} {last}");
        if s.contains(&name) {
            let other = format!("{} {}", rng.pick(&p.names).0, rng.pick(&p.names).1);
            return s.replacen(&name, &other, 1);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_document, SourceFile};

    fn seeds() -> Vec<Document> {
        let dir = crate::SEEDS_DIR;
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                parse_document(&SourceFile {
                    name: &name,
                    bytes: &bytes,
                    sidecar: None,
                })
            })
            .collect()
    }

    #[test]
    fn names_are_people_from_the_seeds() {
        let p = pools(&seeds());
        let names: Vec<String> = p.names.iter().map(|(a, b)| format!("{a} {b}")).collect();
        for want in [
            "Stephane Dujarric",
            "Ilham Aliyev",
            "Jeyhun Bayramov",
            "Ilham Karimli",
        ] {
            assert!(names.contains(&want.to_string()), "{want} in {names:?}");
        }
        for not in [
            "Red Cross",
            "Foreign Minister",
            "Nikol Armenians",
            "Azerbaijani English",
        ] {
            assert!(!names.contains(&not.to_string()), "{not} in {names:?}");
        }
    }

    #[test]
    fn deterministic_labelled_and_parseable() {
        let seeds = seeds();
        let a = generate(&seeds, 30, 7);
        assert_eq!(a, generate(&seeds, 30, 7));
        assert_ne!(a, generate(&seeds, 30, 8));
        for art in &a {
            assert!(art.text.starts_with("SYNTHETIC ARTICLE"));
            assert!(art.sidecar.contains("Not real reporting."));
            let name = format!("{}.txt", art.stem);
            let d = parse_document(&SourceFile {
                name: &name,
                bytes: art.text.as_bytes(),
                sidecar: Some(("x.toml", art.sidecar.as_bytes())),
            });
            assert!(
                d.meta.published.is_some() && d.meta.outlet.is_some(),
                "{}",
                art.text
            );
            assert_eq!(d.meta.authors.len(), 1, "{}", art.text);
            assert!(d.word_count() > 100);
        }
    }
}
