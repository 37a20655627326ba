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
}
