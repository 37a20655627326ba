//! Fuzz target `compare`: `parallax_core::fuzzing::compare_pair` on any bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = parallax_core::fuzzing::compare_pair(data);
});
