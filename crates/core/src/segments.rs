//! Cutting a stretch of text at the edges of marked byte ranges: the one way every view marks
//! text (search highlights, entity mentions, framing terms, aligned passages and their word
//! diffs). Pure and total: any ranges, in any order, overlapping or not, on character boundaries
//! or not, give segments that cover the stretch exactly, in order, each on character boundaries,
//! so that slicing the text with them never panics and never loses a character.
//!
//! Two policies: [`cut`] keeps every range and tells, for each segment, all the ranges covering
//! it (passages nest and overlap, and a diff lies inside a passage); [`cut_outermost`] keeps
//! only ranges that do not overlap one kept before (the earliest, and at equal starts the
//! longest, wins), so that each segment is plain or inside exactly one mark.

/// A piece of the text, `start..end` (byte offsets on character boundaries), and the indices
/// (into the ranges given, ascending) of the ranges covering it; none for plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub cover: Vec<usize>,
}

impl Segment {
    /// Its text (never fails for a segment of the same text).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The one range marking it, under [`cut_outermost`].
    pub fn mark(&self) -> Option<usize> {
        self.cover.first().copied()
    }
}

/// `at` moved back to the nearest character boundary of `text` (and to its end at most).
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at = at.saturating_sub(1);
    }
    at
}

/// A usable range clipped to the window: `(start, end, index into the ranges given)`.
type Clipped = (usize, usize, usize);

/// The window on character boundaries, and each usable range clipped to it: `(start, end,
/// index)`. A range off a character boundary, empty, reversed or outside the window is left
/// out (unmarked text, never lost text).
fn usable(
    text: &str,
    (start, end): (usize, usize),
    ranges: &[(usize, usize)],
) -> ((usize, usize), Vec<Clipped>) {
    let (start, end) = (floor(text, start), floor(text, end));
    let end = end.max(start);
    let kept = ranges
        .iter()
        .enumerate()
        .filter(|(_, &(s, e))| s < e && text.is_char_boundary(s) && text.is_char_boundary(e))
        .map(|(i, &(s, e))| (s.max(start), e.min(end), i))
        .filter(|&(s, e, _)| s < e)
        .collect();
    ((start, end), kept)
}

/// Cuts `text[start..end]` at every edge of `ranges` inside it; each segment lists every range
/// covering it. Linear in the ranges and segments, times how many ranges overlap at once.
pub fn cut(text: &str, window: (usize, usize), ranges: &[(usize, usize)]) -> Vec<Segment> {
    let ((start, end), kept) = usable(text, window, ranges);
    // Edges: where ranges open and close, in text order (a close before an open at the same
    // place, so touching ranges do not share a segment).
    let mut edges: Vec<(usize, bool, usize)> = Vec::with_capacity(kept.len() * 2);
    for &(s, e, i) in &kept {
        edges.push((s, true, i));
        edges.push((e, false, i));
    }
    edges.sort_unstable();
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut at = start;
    for (pos, opens, i) in edges {
        if pos > at {
            out.push(Segment {
                start: at,
                end: pos,
                cover: open.clone(),
            });
            at = pos;
        }
        if opens {
            // `open` stays sorted: a segment's cover is ascending.
            let k = open.partition_point(|&o| o < i);
            open.insert(k, i);
        } else {
            open.retain(|&o| o != i);
        }
    }
    if end > at {
        out.push(Segment {
            start: at,
            end,
            cover: open,
        });
    }
    out
}

/// Cuts `text[start..end]` into plain runs and marks, keeping only ranges that overlap no range
/// kept before them (by start, the longest first at equal starts): each segment's cover is
/// empty or one range.
pub fn cut_outermost(
    text: &str,
    window: (usize, usize),
    ranges: &[(usize, usize)],
) -> Vec<Segment> {
    let ((start, end), mut kept) = usable(text, window, ranges);
    kept.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out = Vec::new();
    let mut at = start;
    for (s, e, i) in kept {
        if s < at {
            continue;
        }
        if s > at {
            out.push(Segment {
                start: at,
                end: s,
                cover: Vec::new(),
            });
        }
        out.push(Segment {
            start: s,
            end: e,
            cover: vec![i],
        });
        at = e;
    }
    if end > at {
        out.push(Segment {
            start: at,
            end,
            cover: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
#[allow(clippy::string_slice)] // a slice that panics here is a failing test
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(segs: &[Segment]) -> Vec<(usize, usize, Vec<usize>)> {
        segs.iter()
            .map(|s| (s.start, s.end, s.cover.clone()))
            .collect()
    }

    #[test]
    fn cut_lists_every_covering_range() {
        // A range reaching past the window is clipped to it.
        let text = "0123456789abcdef";
        let got = cut(text, (0, 10), &[(2, 5), (4, 12), (20, 30)]);
        assert_eq!(
            spans(&got),
            [
                (0, 2, vec![]),
                (2, 4, vec![0]),
                (4, 5, vec![0, 1]),
                (5, 10, vec![1]),
            ]
        );
        assert!(cut(text, (3, 3), &[]).is_empty());
        // Touching ranges stay apart.
        assert_eq!(
            spans(&cut(text, (0, 4), &[(0, 2), (2, 4)])),
            [(0, 2, vec![0]), (2, 4, vec![1])]
        );
    }

    #[test]
    fn outermost_keeps_the_earliest_and_longest() {
        let text = "United Nations Security Council";
        // "United Nations" and "United Nations Security Council" start together: the longer
        // wins; "Security" inside it is dropped; "Council" overlaps it and is dropped too.
        let got = cut_outermost(
            text,
            (0, text.len()),
            &[(0, 14), (15, 23), (0, 31), (24, 31)],
        );
        assert_eq!(spans(&got), [(0, 31, vec![2])]);
        let got = cut_outermost(text, (0, text.len()), &[(15, 23), (0, 6)]);
        assert_eq!(
            spans(&got),
            [
                (0, 6, vec![1]),
                (6, 15, vec![]),
                (15, 23, vec![0]),
                (23, 31, vec![])
            ]
        );
        assert_eq!(got[2].text(text), "Security");
        assert_eq!(got[2].mark(), Some(0));
    }

    #[test]
    fn bad_offsets_leave_text_unmarked_never_lost() {
        let text = "Stépanakert é";
        // 3 is inside "é"; 100 is past the end; (5, 2) is reversed.
        for f in [cut, cut_outermost] {
            let got = f(text, (0, 100), &[(0, 3), (5, 2), (4, 100), (2, 4)]);
            let joined: String = got.iter().map(|s| s.text(text)).collect();
            assert_eq!(joined, text);
            assert!(got.iter().all(|s| s.cover.is_empty() || s.cover == [3]));
            // A window off a boundary is moved back onto one.
            let got = f(text, (3, 4), &[]);
            assert_eq!(spans(&got), [(2, 4, vec![])]);
        }
    }

    proptest! {
        #[test]
        fn segments_tile_the_window_on_boundaries(
            text in "[a-zé€ ]{0,24}",
            window in (0usize..40, 0usize..40),
            ranges in proptest::collection::vec((0usize..40, 0usize..40), 0..8),
        ) {
            for (f, one) in [(cut as fn(&str, (usize, usize), &[(usize, usize)]) -> Vec<Segment>, false), (cut_outermost, true)] {
                let segs = f(&text, window, &ranges);
                // In order, touching, non-empty, on boundaries.
                for w in segs.windows(2) {
                    prop_assert_eq!(w[0].end, w[1].start);
                }
                for s in &segs {
                    prop_assert!(s.start < s.end);
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                    if one {
                        prop_assert!(s.cover.len() <= 1);
                    }
                    // Every covering range really covers it.
                    for &i in &s.cover {
                        let (rs, re) = ranges[i];
                        prop_assert!(rs <= s.start && s.end <= re);
                    }
                }
                // They cover the window (moved onto boundaries) exactly.
                let covered: String = segs.iter().map(|s| s.text(&text)).collect();
                let (a, b) = (floor(&text, window.0), floor(&text, window.1));
                prop_assert_eq!(covered, if a < b { &text[a..b] } else { "" });
            }
        }
    }
}
