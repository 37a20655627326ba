//! `parallax gen-corpus`: writes a synthetic corpus (for benchmarks and load tests) recombined
//! from a seed corpus. Each article says it is synthetic in its first line and in its sidecar.

use crate::Outcome;
use parallax_core::synth::generate;
use std::path::{Path, PathBuf};

pub fn run(docs: usize, seed: u64, out: &Path, corpus: PathBuf) -> Outcome {
    let parsed = crate::parse_inputs(&[corpus]);
    if parsed.docs.is_empty() {
        return Err("gen-corpus found no seed articles to recombine".into());
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for a in generate(&parsed.docs, docs, seed) {
        for (ext, body) in [("txt", &a.text), ("toml", &a.sidecar)] {
            let path = out.join(format!("{}.{ext}", a.stem));
            std::fs::write(&path, body)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    eprintln!(
        "parallax: wrote {docs} synthetic articles (seed {seed}) to {}",
        out.display()
    );
    Ok(parsed.all_read)
}
