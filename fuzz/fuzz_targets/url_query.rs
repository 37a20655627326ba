//! Fuzz target `url_query`: `parallax_core::fuzzing::url_query` on any bytes, over the seed corpus.
#![no_main]

mod corpus;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    parallax_core::fuzzing::url_query(corpus::seeds(), data);
});
