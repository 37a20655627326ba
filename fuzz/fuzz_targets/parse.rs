//! Fuzz target `parse`: `parallax_core::fuzzing::parse_bytes` on any bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = parallax_core::fuzzing::parse_bytes(data);
});
