//! Entity recognition's memory grows linearly with its input: the peak of bytes allocated while
//! recognising a text of 2n words is compared with the peak for n words (sizes, not time).
//!
//! A run of short all-caps words that no list knows ("ABC DEF …") used to take quadratic memory
//! (a 16 KB file peaked at 8 GB). The allocator below counts the bytes live on the test's own
//! thread, so tests running in parallel do not disturb each other.

// A test or benchmark that meets broken data stops loudly: the no-panic lints are for the engine.
#![allow(
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use parallax_core::entities::{recognize_text, KnowledgeBase};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|l| {
            let now = l.get() + layout.size();
            l.set(now);
            let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
        });
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|l| l.set(l.get().saturating_sub(layout.size())));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak bytes allocated (above what was live before) while recognising `text`.
fn peak(text: &str, kb: Option<&KnowledgeBase>) -> usize {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let mentions = recognize_text(text, kb);
    let top = PEAK.with(Cell::get);
    drop(mentions);
    top - base
}

fn run_of(words: &[&str], n: usize) -> String {
    (0..n)
        .map(|k| words[(k * 7 + k / 3) % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn memory_grows_linearly() {
    let kb = KnowledgeBase::builtin();
    // Load the lexicons and the knowledge base first: they are allocated once per process.
    let _ = recognize_text("Armenia said on Friday.", Some(kb));
    let cases: [&[&str]; 4] = [
        &["ABC", "DEF", "GHI", "XYZ", "QRS"],
        &["Alpha", "Beta", "Gamma", "Delta"],
        &["Ministry", "of", "Alpha", "and", "Beta", "Agency"],
        &["UN", "President", "Alpha", "EU", "Minister"],
    ];
    for words in cases {
        for kb in [None, Some(kb)] {
            let small = peak(&run_of(words, 4_000), kb);
            let large = peak(&run_of(words, 8_000), kb);
            assert!(
                large <= small * 22 / 10,
                "{words:?}: peak {small} bytes for 4,000 words but {large} for 8,000"
            );
            // A few hundred bytes per word (tokens, flags, candidates), not kilobytes.
            assert!(
                large <= 8_000 * 1_000,
                "{words:?}: {large} bytes for 8,000 words"
            );
        }
    }
}
