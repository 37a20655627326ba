//! Matching a list of phrases against tokens: longest match first, on token boundaries.
//!
//! Phrases are tokenised with the same tokenizer as the text, so "Azerbaijan" matches inside
//! "Azerbaijan’s" (the possessive is its own token) but not inside "Azerbaijani", and
//! "Nagorno-Karabakh" matches only with the hyphen and no spaces. Lookup is one hash probe on
//! the first token, then a comparison with the few phrases that start with it (longest first).

use super::tokens::{tokenize, Token};
use super::words::FastMap;

/// A phrase list with a value per phrase.
#[derive(Debug, Clone)]
pub struct Gazetteer<V> {
    by_first: FastMap<String, Vec<Phrase<V>>>,
}

#[derive(Debug, Clone)]
struct Phrase<V> {
    /// Token texts after the first.
    rest: Vec<String>,
    /// For each token after the first: whether whitespace precedes it.
    spaced: Vec<bool>,
    value: V,
}

impl<V> Default for Gazetteer<V> {
    fn default() -> Self {
        Gazetteer {
            by_first: FastMap::default(),
        }
    }
}

impl<V> Gazetteer<V> {
    /// Adds a phrase; a phrase already present keeps its first value.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let toks = tokenize(phrase);
        let Some(first) = toks.first() else { return };
        let after = toks.get(1..).unwrap_or_default();
        let rest: Vec<String> = after.iter().map(|t| t.text.to_string()).collect();
        let spaced: Vec<bool> = after.iter().map(|t| t.space_before).collect();
        let list = self.by_first.entry(first.text.to_string()).or_default();
        if list.iter().any(|p| p.rest == rest && p.spaced == spaced) {
            return;
        }
        list.push(Phrase {
            rest,
            spaced,
            value,
        });
        // Longest first, so the first phrase that matches is the longest.
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }

    /// The longest phrase starting at token `i`, using only tokens for which `usable` holds:
    /// its end (exclusive token index) and value.
    pub fn longest_at(
        &self,
        toks: &[Token],
        i: usize,
        usable: impl Fn(usize) -> bool,
    ) -> Option<(usize, &V)> {
        let first = toks.get(i)?;
        let list = self.by_first.get(first.text)?;
        if !usable(i) {
            return None;
        }
        'phrases: for p in list {
            let end = i + 1 + p.rest.len();
            let Some(after) = toks.get(i + 1..end) else {
                continue;
            };
            for (k, ((text, &spaced), t)) in p.rest.iter().zip(&p.spaced).zip(after).enumerate() {
                if t.text != text
                    || t.space_before != spaced
                    || t.block != first.block
                    || !usable(i + 1 + k)
                {
                    continue 'phrases;
                }
            }
            // A phrase must not end inside a word run: "U.S" never, and "Armenia" not before "-n".
            return Some((end, &p.value));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_on_token_boundaries() {
        let mut g = Gazetteer::default();
        g.insert("UN", 1);
        g.insert("UN Security Council", 2);
        g.insert("Nagorno-Karabakh", 3);
        let text = "the UN Security Council and UN’s Nagorno-Karabakh, Nagorno - Karabakh";
        let toks = tokenize(text);
        let found: Vec<(String, i32)> = (0..toks.len())
            .filter_map(|i| {
                g.longest_at(&toks, i, |_| true).map(|(e, v)| {
                    (
                        text.get(toks[i].start..toks[e - 1].end)
                            .unwrap()
                            .to_string(),
                        *v,
                    )
                })
            })
            .collect();
        let want = [
            ("UN Security Council", 2),
            ("UN", 1),
            ("Nagorno-Karabakh", 3),
        ];
        assert_eq!(
            found,
            want.map(|(s, v)| (s.to_string(), v)).to_vec(),
            "the spaced hyphen is not the name"
        );
    }
}
