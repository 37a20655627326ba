//! Lookup in a sorted list of lines compiled into the binary (`data/places.txt`,
//! `data/given_names.txt`): a binary search over the text itself, so the lists cost their bytes
//! and nothing else (no index, no set built at start-up, nothing allocated per lookup).
//!
//! A list is lines sorted by their UTF-8 bytes, each a key, optionally followed by a tab and a
//! value; `#` lines at the top are comments.

/// A sorted list of `key[\tvalue]` lines.
pub struct SortedList {
    body: &'static str,
}

impl SortedList {
    /// The list in `text` (leading `#` comment lines allowed).
    pub const fn new(text: &'static str) -> SortedList {
        SortedList { body: text }
    }

    /// The value of `key` ("" when its line has none), if the list has it.
    ///
    /// The `#` comment lines at the top take part in the search: `#` sorts before every letter
    /// and digit a key starts with, so they stay below every key and never match one.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        if key.is_empty() || key.starts_with('#') {
            return None;
        }
        let body = self.body;
        let bytes = body.as_bytes();
        let (mut lo, mut hi) = (0, bytes.len());
        // Invariant: every line starting in [lo, hi) is a candidate; `lo` is a line start.
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes
                .get(lo..mid)
                .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
                .map_or(lo, |p| lo + p + 1);
            let end = bytes
                .get(start..)
                .and_then(|b| b.iter().position(|&c| c == b'\n'))
                .map_or(bytes.len(), |p| start + p);
            // Both ends are at a newline or an end of the text: character boundaries.
            let line = body.get(start..end).unwrap_or("");
            let (k, value) = line.split_once('\t').unwrap_or((line, ""));
            match k.as_bytes().cmp(key.as_bytes()) {
                std::cmp::Ordering::Equal => return Some(value),
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_line_and_nothing_else() {
        static LIST: SortedList =
            SortedList::new("# a comment\n# another\nAba\tc\nAbuja\tc\nZürich\tr\nÅland\n");
        assert_eq!(LIST.get("Aba"), Some("c"));
        assert_eq!(LIST.get("Abuja"), Some("c"));
        assert_eq!(LIST.get("Zürich"), Some("r"));
        assert_eq!(LIST.get("Åland"), Some(""));
        for absent in ["", "A", "Ab", "Abujaa", "Zz", "# a comment", "Åla"] {
            assert_eq!(LIST.get(absent), None, "{absent}");
        }
    }

    #[test]
    fn shipped_lists_are_sorted() {
        for text in [
            include_str!("../../data/places.txt"),
            include_str!("../../data/given_names.txt"),
        ] {
            let keys: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').next().unwrap())
                .collect();
            assert!(keys.len() > 1000);
            assert!(keys.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
            let list = SortedList::new(text);
            for k in keys.iter().step_by(97) {
                assert!(list.get(k).is_some(), "{k}");
            }
        }
    }
}
