//! The openings (3 KB) of the five seed articles, compiled in: the corpus the query targets
//! search. Openings rather than whole articles keep each execution short, so the fuzzer tries
//! more queries; they still hold headlines, bylines, datelines and several body paragraphs.

use parallax_core::fuzzing::Corpus;
use std::sync::OnceLock;

fn opening(bytes: &'static [u8]) -> &'static [u8] {
    bytes.get(..3000).unwrap_or(bytes)
}

pub fn seeds() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Corpus::new(&[
            ("000.txt", opening(include_bytes!("../../tests/seeds/000_c89f353285aead65.txt"))),
            ("001.txt", opening(include_bytes!("../../tests/seeds/001_1d5485b6803e7481.txt"))),
            ("002.txt", opening(include_bytes!("../../tests/seeds/002_4123e98665d019c0.txt"))),
            ("003.txt", opening(include_bytes!("../../tests/seeds/003_a22fafbe7c290254.txt"))),
            ("004.txt", opening(include_bytes!("../../tests/seeds/004_3e6e64eefb726ed0.txt"))),
        ])
    })
}
