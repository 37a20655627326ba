//! The largest input Parallax reads, in one place: the CLI refuses a file past these limits with
//! a message naming it and the limit, instead of running out of time or memory on it.
//!
//! They are generous for news (a long feature is ~100 KB, a long paragraph ~5 KB) and keep the
//! worst case measured in BENCHMARKS.md ("Large inputs") within a laptop's memory.
/// The largest article file read, in bytes (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The longest line read, in bytes (8 MiB). A line ends at `\n` or `\r`.
pub const MAX_LINE_BYTES: usize = 8 * 1024 * 1024;

/// Why a file is refused, with the numbers a user needs to act on it.
pub fn file_too_large(name: &str, len: u64) -> String {
    format!(
        "{name}: the file has {len} bytes, more than the {MAX_FILE_BYTES} bytes (64 MiB) Parallax reads; split it into articles"
    )
}

/// `Err` with a message naming the file when a line of `bytes` is longer than
/// [`MAX_LINE_BYTES`]. Linear in the length of `bytes`.
pub fn check_lines(name: &str, bytes: &[u8]) -> Result<(), String> {
    let longest = longest_line(bytes);
    if longest > MAX_LINE_BYTES {
        Err(line_too_long(name, longest))
    } else {
        Ok(())
    }
}

/// The length in bytes of the longest line of `bytes` (a line ends at `\n` or `\r`).
pub fn longest_line(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

/// Why a file with a line of `longest` bytes is refused.
pub fn line_too_long(name: &str, longest: usize) -> String {
    format!(
        "{name}: a line has {longest} bytes, more than the {MAX_LINE_BYTES} bytes (8 MiB) Parallax reads in one line; break it into paragraphs"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_refused_with_its_length_and_the_limit() {
        let mut bytes = vec![b'a'; MAX_LINE_BYTES + 1];
        let err = check_lines("big.txt", &bytes).unwrap_err();
        assert!(
            err.starts_with("big.txt: a line has 8388609 bytes"),
            "{err}"
        );
        bytes[MAX_LINE_BYTES / 2] = b'\r';
        assert_eq!(check_lines("big.txt", &bytes), Ok(()));
        assert_eq!(check_lines("empty.txt", b""), Ok(()));
    }
}
