//! The native `parallax` command: parse article files and write the bundle the app loads.
//!
//! Every file is processed even when another fails: a bad path is reported on stderr by name, the
//! rest are still printed, and the exit code is non-zero at the end. Output goes through one
//! buffered writer; a reader that closes the pipe early (`| head`) ends the run quietly.

mod args;
mod compare_cmd;
mod entities_cmd;
mod gen_corpus;
mod inputs;
mod json;
mod search_cmd;

use args::{Cli, Command};
use clap::Parser;
use parallax_core::ingest::batch::Batch;
use parallax_core::{Bundle, Document, Severity};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Why a command stopped.
pub enum Failure {
    /// Nothing useful could be done; the message says why.
    Message(String),
    /// Writing the output failed (a closed pipe among others).
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<String> for Failure {
    fn from(m: String) -> Self {
        Failure::Message(m)
    }
}

impl From<&str> for Failure {
    fn from(m: &str) -> Self {
        Failure::Message(m.to_string())
    }
}

/// `Ok(true)`: everything was read; `Ok(false)`: some input was bad (named on stderr) and the
/// rest was processed.
pub type Outcome = Result<bool, Failure>;

/// The `--help` epilogue: the input limits, from their one home in the core.
fn limits_help() -> String {
    format!(
        "Limits: an article file of at most {} bytes, a line of at most {} bytes; a larger file is \
         skipped with a message naming it.",
        parallax_core::limits::MAX_FILE_BYTES,
        parallax_core::limits::MAX_LINE_BYTES
    )
}

fn main() -> ExitCode {
    // Usage errors exit with 2 and `--help` with 0, printed by clap.
    let cli = Cli::parse();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = run(cli.command, &mut out).and_then(|ok| {
        out.flush()?;
        Ok(ok)
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // `parallax … | head`: the reader has what it asked for; stop quietly, as Unix tools do.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("parallax: cannot write the output: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Message(m)) => {
            eprintln!("parallax: {m}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, out: &mut dyn Write) -> Outcome {
    match command {
        Command::Parse { paths, json } => cmd_parse(&paths, json, out),
        Command::Bundle {
            paths,
            output,
            shards,
            index_shard_kb,
            chunk_kb,
        } => {
            let default = parallax_core::bundle::ShardOptions::default();
            let kb = |k: Option<usize>, or: usize| k.map_or(or, |k| k.saturating_mul(1024));
            let sizes = parallax_core::bundle::ShardOptions {
                index_shard_bytes: kb(index_shard_kb, default.index_shard_bytes),
                chunk_bytes: kb(chunk_kb, default.chunk_bytes),
            };
            cmd_bundle(
                &paths,
                output.as_deref(),
                shards.as_deref().map(|d| (d, sizes)),
            )
        }
        Command::Entities { paths, json, no_kb } => {
            entities_cmd::cmd_entities(&paths, json, !no_kb, out)
        }
        Command::Eval { gold, paths, no_kb } => entities_cmd::cmd_eval(&gold, &paths, !no_kb, out),
        Command::Search(request) => search_cmd::run(&request, out),
        Command::GenCorpus {
            docs,
            seed,
            output,
            corpus,
        } => gen_corpus::run(docs, seed, &output, corpus),
        Command::Compare { paths, json } => compare_cmd::run(&paths, json, out),
    }
}

/// The parsed inputs of a command.
pub struct Parsed {
    pub docs: Vec<Document>,
    /// Every input was read and every document kept.
    pub all_read: bool,
    /// Some path given on the command line does not exist or cannot be listed.
    pub missing_input: bool,
}

/// Parses every readable input; names on stderr each unreadable or skipped one, and each file
/// whose document id is already taken by an earlier file (`a.md` after `a.txt`): a second
/// document with the same id could not be told apart, so it is refused rather than kept.
fn parse_inputs(paths: &[PathBuf]) -> Parsed {
    let collected = inputs::collect(paths);
    for e in &collected.errors {
        eprintln!("parallax: {e}");
    }
    for n in &collected.notes {
        eprintln!("parallax: note: {n}");
    }
    let mut all_read = collected.errors.is_empty();
    // The same batch the page's ingest worker fills, so both read files alike.
    let mut batch = Batch::default();
    for f in &collected.files {
        let path = f.path.display().to_string();
        let outcome = batch.add(&f.file, &path);
        for refusal in &outcome.refused {
            eprintln!("parallax: skipped {}", refusal.message(&path));
            all_read = false;
        }
    }
    let docs = batch.documents;
    Parsed {
        docs,
        all_read,
        missing_input: collected.missing_inputs > 0,
    }
}

fn cmd_parse(paths: &[PathBuf], json: bool, out: &mut dyn Write) -> Outcome {
    let parsed = parse_inputs(paths);
    if json {
        let docs: Vec<_> = parsed.docs.iter().map(json::document).collect();
        serde_json::to_writer_pretty(&mut *out, &docs).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        for d in &parsed.docs {
            print_summary(d, out)?;
        }
    }
    Ok(parsed.all_read)
}

fn cmd_bundle(
    paths: &[PathBuf],
    output: Option<&std::path::Path>,
    shards: Option<(&std::path::Path, parallax_core::bundle::ShardOptions)>,
) -> Outcome {
    let parsed = parse_inputs(paths);
    if parsed.missing_input {
        return Err("an input is missing, so no bundle was written".into());
    }
    if parsed.docs.is_empty() {
        return Err("no article was read, so no bundle was written".into());
    }
    for d in &parsed.docs {
        for diag in d
            .diagnostics
            .iter()
            .filter(|x| x.severity >= Severity::Warning)
        {
            eprintln!("warning: {}", diag.message);
        }
    }
    let bundle = Bundle::new(parsed.docs);
    let write = |path: &std::path::Path, bytes: &[u8]| -> Result<(), String> {
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    if let Some((dir, sizes)) = shards {
        let s = bundle.to_shards(&sizes);
        for (name, bytes) in &s.files {
            write(&dir.join(name), bytes)?;
        }
        write(&dir.join(parallax_core::bundle::MANIFEST_FILE), &s.manifest)?;
        let total: usize = s.files.iter().map(|(_, b)| b.len()).sum::<usize>() + s.manifest.len();
        eprintln!(
            "parallax: wrote a sharded corpus to {}: manifest {} bytes, {} other files, {total} bytes in all",
            dir.display(),
            s.manifest.len(),
            s.files.len()
        );
    }
    if let Some(output) = output {
        let bytes = bundle.to_bytes();
        write(output, &bytes)?;
        eprintln!(
            "parallax: wrote {} ({} bytes)",
            output.display(),
            bytes.len()
        );
    }
    Ok(parsed.all_read)
}

fn print_summary(d: &Document, out: &mut dyn Write) -> io::Result<()> {
    let m = &d.meta;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    writeln!(out, "{}  ({})", d.id, d.file)?;
    writeln!(
        out,
        "  title:     {}",
        opt(m.title.as_ref().map(|f| f.value.clone()))
    )?;
    writeln!(
        out,
        "  outlet:    {}",
        opt(m.outlet.as_ref().map(|f| f.value.clone()))
    )?;
    let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
    writeln!(
        out,
        "  authors:   {}",
        if authors.is_empty() {
            "-".into()
        } else {
            authors.join(", ")
        }
    )?;
    writeln!(
        out,
        "  published: {}",
        opt(m.published.as_ref().map(|f| f.value.to_string()))
    )?;
    writeln!(
        out,
        "  updated:   {}",
        opt(m.updated.as_ref().map(|f| f.value.to_string()))
    )?;
    writeln!(out, "  words:     {}", d.word_count())?;
    for b in &d.blocks {
        let text = parallax_core::text::excerpt(d.block_text(b), 70);
        writeln!(
            out,
            "  [{:>5}..{:<5}] {:<11} {}",
            b.start,
            b.end,
            b.kind.as_str(),
            text
        )?;
    }
    for diag in &d.diagnostics {
        writeln!(out, "  {:?}: {}", diag.severity, diag.message)?;
    }
    Ok(())
}
