//! One small sort for the whole search module.
//!
//! The standard library's sorts are fast but generate several kilobytes of code per element and
//! comparator type; the search code sorts a dozen kinds of things and ships to the browser. A
//! heapsort with a dynamic comparator is a few hundred bytes per element type, `O(n log n)`
//! always, and fast enough for the sizes here (10,000 ranked documents in well under a
//! millisecond). Not stable: every caller's comparator is a total order (ties broken by position).

use std::cmp::Ordering;

/// Sorts `v` ascending by `cmp`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift_down(v, start, n, cmp);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, cmp);
    }
}

/// The first `k` of `items` in `cmp` order, in that order: what `sort_by` then `truncate(k)`
/// gives, in O(n log k) instead of O(n log n), holding `k` items at a time. The result list
/// shows the first fifty of ten thousand matches; sorting all of them was a tenth of a query.
pub(crate) fn top_k<T>(
    items: impl IntoIterator<Item = T>,
    k: usize,
    cmp: &dyn Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    if k == 0 {
        return Vec::new();
    }
    // A max-heap (by `cmp`) of the best `k` so far: its root is the worst of them, the one a
    // better item replaces.
    let mut heap: Vec<T> = Vec::new();
    for item in items {
        if heap.len() < k {
            heap.push(item);
            sift_up(&mut heap, cmp);
        } else if heap
            .first()
            .is_some_and(|worst| cmp(&item, worst) == Ordering::Less)
        {
            if let Some(root) = heap.first_mut() {
                *root = item;
            }
            let n = heap.len();
            sift_down(&mut heap, 0, n, cmp);
        }
    }
    // Heapsort's second half: ascending by `cmp`, best first.
    for end in (1..heap.len()).rev() {
        heap.swap(0, end);
        sift_down(&mut heap, 0, end, cmp);
    }
    heap
}

/// Moves the last element of a max-heap up to its place.
// Every index is below `v.len()`: `at` starts at the last element and only decreases.
#[allow(clippy::indexing_slicing)]
fn sift_up<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut at = v.len().saturating_sub(1);
    while at > 0 {
        let parent = (at - 1) / 2;
        if cmp(&v[parent], &v[at]) != Ordering::Less {
            return;
        }
        v.swap(parent, at);
        at = parent;
    }
}

// Every index is below `end` (checked first) and callers pass `end <= v.len()`.
#[allow(clippy::indexing_slicing)]
fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, cmp: &dyn Fn(&T, &T) -> Ordering) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && cmp(&v[child], &v[child + 1]) == Ordering::Less {
            child += 1;
        }
        if cmp(&v[root], &v[child]) != Ordering::Less {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_like_std() {
        let mut state = 7u64;
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (state >> 40) as u32 % 50
                })
                .collect();
            let mut want = v.clone();
            want.sort();
            super::sort_by(&mut v, &|a, b| a.cmp(b));
            assert_eq!(v, want);
        }
    }

    proptest::proptest! {
        /// The first k by a bounded heap are the first k of the full sort, for any list and k
        /// (ties broken by position, as every caller's comparator does).
        #[test]
        fn top_k_is_the_start_of_the_full_sort(
            v in proptest::collection::vec(0u8..20, 0..300),
            k in 0usize..320,
        ) {
            let items: Vec<(u8, usize)> = v.iter().copied().zip(0..).collect();
            let cmp = |a: &(u8, usize), b: &(u8, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
            let mut all = items.clone();
            super::sort_by(&mut all, &cmp);
            all.truncate(k);
            proptest::prop_assert_eq!(super::top_k(items, k, &cmp), all);
        }
    }
}
