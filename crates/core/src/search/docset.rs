//! Sets of documents as bitsets: one bit per document (1.25 KB for ten thousand), combined and
//! counted a machine word at a time, and walked in document order by their set bits only. What a
//! query matched, each clause, each facet selection and what each facet counts over are sets.

/// A set of document numbers below `len`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocSet {
    words: Vec<u64>,
    len: usize,
}

impl DocSet {
    /// No document of `len`.
    pub fn empty(len: usize) -> DocSet {
        DocSet {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Every document of `len`.
    pub fn full(len: usize) -> DocSet {
        let mut s = DocSet {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        s.clear_tail();
        s
    }

    /// The documents below `len` for which `f` holds.
    pub fn from_fn(len: usize, f: impl Fn(usize) -> bool) -> DocSet {
        let mut s = DocSet::empty(len);
        for d in (0..len).filter(|&d| f(d)) {
            s.insert(d);
        }
        s
    }

    /// Adds `d` (ignored past `len`).
    pub fn insert(&mut self, d: usize) {
        if d < self.len {
            if let Some(w) = self.words.get_mut(d / 64) {
                *w |= 1 << (d % 64);
            }
        }
    }

    pub fn contains(&self, d: usize) -> bool {
        self.words
            .get(d / 64)
            .is_some_and(|w| w & (1 << (d % 64)) != 0)
    }

    /// How many documents the set holds.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keeps the documents that are also in `other`.
    pub fn intersect(&mut self, other: &DocSet) {
        self.combine(other, |a, b| a & b);
    }

    /// Adds the documents of `other`.
    pub fn unite(&mut self, other: &DocSet) {
        self.combine(other, |a, b| a | b);
    }

    /// Removes the documents of `other`.
    pub fn subtract(&mut self, other: &DocSet) {
        self.combine(other, |a, b| a & !b);
    }

    /// Word by word; a shorter `other` counts as empty past its end.
    fn combine(&mut self, other: &DocSet, f: impl Fn(u64, u64) -> u64) {
        let mut theirs = other.words.iter();
        for w in &mut self.words {
            *w = f(*w, theirs.next().copied().unwrap_or(0));
        }
        self.clear_tail();
    }

    /// No bit past `len` is ever set (so `count` and `iter` need not check).
    fn clear_tail(&mut self) {
        let used = self.len % 64;
        if used != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << used) - 1;
            }
        }
    }

    /// The documents, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &w)| {
            let mut bits = w;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    k * 64 + b
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]
        /// Every operation agrees with the same operation on a vector of booleans.
        #[test]
        fn sets_agree_with_vectors_of_booleans(
            a in proptest::collection::vec(proptest::bool::ANY, 0..200),
            b in proptest::collection::vec(proptest::bool::ANY, 0..200),
        ) {
            let n = a.len();
            let at = |v: &[bool], d: usize| v.get(d).copied().unwrap_or(false);
            let set = |v: &[bool]| DocSet::from_fn(n, |d| at(v, d));
            let (sa, sb) = (set(&a), set(&b));
            let listed = |s: &DocSet| s.iter().collect::<Vec<_>>();
            let want = |f: &dyn Fn(usize) -> bool| (0..n).filter(|&d| f(d)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(listed(&sa), want(&|d| a[d]));
            proptest::prop_assert_eq!(sa.count(), a.iter().filter(|&&x| x).count());
            proptest::prop_assert!((0..n + 70).all(|d| sa.contains(d) == at(&a, d)));
            let mut i = sa.clone();
            i.intersect(&sb);
            proptest::prop_assert_eq!(listed(&i), want(&|d| a[d] && at(&b, d)));
            let mut u = sa.clone();
            u.unite(&sb);
            proptest::prop_assert_eq!(listed(&u), want(&|d| a[d] || at(&b, d)));
            let mut s = sa.clone();
            s.subtract(&sb);
            proptest::prop_assert_eq!(listed(&s), want(&|d| a[d] && !at(&b, d)));
            proptest::prop_assert_eq!(listed(&DocSet::full(n)), want(&|_| true));
            proptest::prop_assert_eq!(DocSet::full(n).count(), n);
            let mut e = DocSet::empty(n);
            e.insert(n + 3);
            proptest::prop_assert_eq!(e.count(), 0);
        }
    }
}
