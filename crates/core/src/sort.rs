//! The one sort of the engine and the app: a small heapsort instead of the standard library's.
//!
//! The standard library's sorts are fast but generate several kilobytes of code per element and
//! comparator type (driftsort and ipnsort, with their small-sort networks), and the page ships to
//! the browser: about twenty call sites of the app's main module cost it 39 KB of code. A
//! heapsort with a dynamic comparator is a few hundred bytes per element type, `O(n log n)`
//! always, and fast enough for the sizes here (10,000 ranked documents in well under a
//! millisecond).
//!
//! [`sort_by`] and [`top_k`] are not stable: the search code's comparators are total orders
//! (ties broken by position). [`stable_sort_by`] and [`stable_sort_by_key`] give exactly the
//! order of the standard library's (stable) `sort_by` and `sort_by_key`: they sort the positions
//! with ties broken by position (one `usize` instance of the heapsort for every caller), then
//! move the elements into place; a list already in order is recognised in one pass.

use std::cmp::Ordering;

/// Sorts `v` ascending by `cmp`.
pub fn sort_by<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
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
pub fn top_k<T>(
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

/// Sorts `v` by `cmp` in the order the standard library's `sort_by` gives: stable (equal
/// elements keep their order).
pub fn stable_sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(v.len(), &|a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    if let Some(order) = order {
        permute(&order, &mut |i, j| v.swap(i, j));
    }
}

/// Sorts `v` by `key` in the order the standard library's `sort_by_key` gives: stable. The key
/// is computed at each comparison, so it should be cheap (a field, a tuple of fields).
pub fn stable_sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    stable_sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` sorted by `cmp` (which compares the elements at two positions), ties by
/// position; `None` when they are in order already.
fn order_of(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    if (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    sort_by(&mut order, &|&a, &b| cmp(a, b).then(a.cmp(&b)));
    Some(order)
}

/// Rearranges a slice through `swap` so that its element `i` is the one that was at `order[i]`
/// (one copy of this serves every element type). Each cycle of the permutation is followed once:
/// a swap puts one element in its place for good.
// `order` is a permutation of `0..order.len()` (from `order_of`): every index is in range.
#[allow(clippy::indexing_slicing)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
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
    proptest::proptest! {
        /// The stable sorts give the standard library's order, equal keys included (the second
        /// field tells equal keys apart).
        #[test]
        fn stable_sorts_are_std_sorts(v in proptest::collection::vec((0u8..8, 0u16..1000), 0..300)) {
            let cmp = |a: &(u8, u16), b: &(u8, u16)| (a.0 % 3).cmp(&(b.0 % 3)).then(b.0.cmp(&a.0));
            let mut want = v.clone();
            want.sort_by(cmp);
            let mut got = v.clone();
            super::stable_sort_by(&mut got, cmp);
            proptest::prop_assert_eq!(&got, &want);

            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            let mut got = v;
            super::stable_sort_by_key(&mut got, |a| a.0);
            proptest::prop_assert_eq!(got, want);
        }
    }
}
