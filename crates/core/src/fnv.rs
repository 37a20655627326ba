//! FNV-1a, the one small non-cryptographic hash of the engine: the bundle's checksum, the
//! alignment's word shingles and the recogniser's fast hash sets all use it.

/// The hash of no bytes: where a running hash starts.
pub const FNV1A_START: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_more(FNV1A_START, bytes)
}

/// Continues the hash `h` (a value `fnv1a` returned) over more bytes.
pub fn fnv1a_more(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}
