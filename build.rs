//! Build script of the web app: asks the wasm linker to keep its relocations, which
//! `wasm-split-cli` needs to cut the app's wasm into the modules of `src/lazy_pages.rs` (the
//! post_build hook `scripts/split-wasm.mjs` runs it). Native builds are left alone.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
