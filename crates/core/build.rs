//! Compiles the framing lexicon (`data/framing.toml`) to postcard at build time, so the engine
//! and the comparison worker that links it decode it with the postcard they already carry
//! instead of linking a TOML parser (the knowledge base left the worker the same way: entities
//! are recognised at bundle time). A broken lexicon is a build error naming the file.

#[path = "src/compare/lexicon_format.rs"]
mod lexicon_format;

fn main() {
    const SOURCE: &str = "data/framing.toml";
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/compare/lexicon_format.rs");
    let text =
        std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("cannot read {SOURCE}: {e}"));
    let lexicon: lexicon_format::Lexicon =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE} is not a valid lexicon: {e}"));
    let bytes = postcard::to_allocvec(&lexicon)
        .unwrap_or_else(|e| panic!("{SOURCE} could not be serialized: {e}"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let path = std::path::Path::new(&out).join("framing.postcard");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
