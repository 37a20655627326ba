//! Parallax web app entry point (placeholder until the app lands).
fn main() {}
