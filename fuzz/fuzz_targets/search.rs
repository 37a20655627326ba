//! Fuzz target `search`: `parallax_core::fuzzing::query` on any bytes, over the seed corpus.
#![no_main]

mod corpus;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    parallax_core::fuzzing::query(corpus::seeds(), data);
});
