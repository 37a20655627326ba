//! `parallax gen-corpus`: writes a synthetic corpus (for benchmarks and load tests) recombined
//! from a seed corpus. Each article says it is synthetic in its first line and in its sidecar.

use parallax_core::synth::generate;
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<bool, String> {
    let (mut docs, mut seed) = (None, 1u64);
    let mut out = None;
    let mut corpus = PathBuf::from("corpus");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |what: &str| it.next().cloned().ok_or(format!("{a} needs {what}"));
        match a.as_str() {
            "--docs" => {
                docs = Some(
                    value("a number")?
                        .parse::<usize>()
                        .map_err(|_| "--docs needs a number")?,
                )
            }
            "--seed" => {
                seed = value("a number")?
                    .parse()
                    .map_err(|_| "--seed needs a number")?
            }
            "-o" | "--output" => out = Some(PathBuf::from(value("a folder")?)),
            "--corpus" => corpus = PathBuf::from(value("a folder")?),
            other => return Err(format!("unknown argument `{other}` for gen-corpus")),
        }
    }
    let docs = docs.ok_or("gen-corpus needs --docs N")?;
    let out = out.ok_or("gen-corpus needs -o <folder>")?;
    let (seeds, all_read) = crate::parse_inputs(&[corpus]);
    if seeds.is_empty() {
        return Err("gen-corpus found no seed articles to recombine".into());
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for a in generate(&seeds, docs, seed) {
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
    Ok(all_read)
}
