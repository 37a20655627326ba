//! Fuzz target `bundle`: `parallax_core::fuzzing::bundle_bytes` on any bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = parallax_core::fuzzing::bundle_bytes(data);
});
