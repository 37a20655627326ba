//! Fuzz target `entities`: `parallax_core::fuzzing::entities` on any bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = parallax_core::fuzzing::entities(data);
});
