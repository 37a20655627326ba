//! A count of the comparison's steps, kept in test builds only: tests check that the work grows
//! linearly with the input (a 5 MB single-line article once took 37 s) without timing anything.
//! The loops that scan text, tokens, quotation marks or candidate pairs report their steps.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `n` steps of work (nothing outside tests).
#[inline]
pub(crate) fn step(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get().saturating_add(n as u64)));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps recorded on this thread since the last call.
#[cfg(test)]
pub(crate) fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
