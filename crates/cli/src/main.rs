//! The native `parallax` command: parse article files and write the bundle the app loads.
//!
//! Every file is processed even when another fails: a bad path is reported on stderr by name, the
//! rest are still printed, and the exit code is non-zero at the end.

mod compare_cmd;
mod entities_cmd;
mod gen_corpus;
mod inputs;
mod json;
mod search_cmd;

use parallax_core::{parse_document, Bundle, Document, Severity, SourceFile};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
parallax: read a corpus of news articles

USAGE:
    parallax parse <file-or-folder>... [--json]
    parallax bundle <folder> -o <file>
    parallax entities <file-or-folder>... [--json] [--no-kb]
    parallax eval --gold <file.jsonl> <file-or-folder>... [--no-kb]
    parallax search '<query>' [--corpus <folder>] [--json] [--passages | --kwic [--sort left|right]] [--limit N]
    parallax gen-corpus --docs N [--seed S] -o <folder> [--corpus <folder>]
    parallax compare <file-or-folder> <file-or-folder>... [--json]

COMMANDS:
    parse     Parse article files (a folder means its files, sidecar .toml files aside) and print
              their metadata and blocks; --json prints a JSON array, one object per document.
    bundle    Parse a folder and write the binary bundle the web app loads.
    entities  Recognise people, organisations, places, groups, dates and numbers; --json prints
              JSON Lines in the gold annotation format; --no-kb uses the general rules only.
    eval      Score entity recognition against gold annotations (exact span and type).
    search    Search a corpus (default: corpus): ranked documents with their best passages;
              --passages lists every matching sentence, --kwic a keyword-in-context concordance.
              Query: words (all must match, any form), \"exact phrase\", prefix*, -exclude,
              a OR b, outlet:NAME, author:NAME, after:YYYY[-MM[-DD]], before:YYYY[-MM[-DD]].
    gen-corpus  Write N synthetic articles recombined from a seed corpus (for benchmarks);
              every file says it is synthetic.
    compare   Compare articles: shared passages with word diffs, who speaks (quotes), framing
              words, distinctive words, numbers that disagree, and dates (possible re-publication).
";

/// `parallax … | head` closes the pipe before the output ends. `println!` then panics; stop
/// quietly instead, as Unix tools do (the reader has what it asked for).
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .unwrap_or("");
        if msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info)
    }));
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("parse") => cmd_parse(&args[1..]),
        Some("bundle") => cmd_bundle(&args[1..]),
        Some("entities") => entities_cmd::cmd_entities(&args[1..]),
        Some("eval") => entities_cmd::cmd_eval(&args[1..]),
        Some("search") => search_cmd::run(&args[1..]),
        Some("gen-corpus") => gen_corpus::run(&args[1..]),
        Some("compare") => compare_cmd::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(true)
        }
        Some(other) => Err(format!("unknown command `{other}`")),
        None => Err("no command given".to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(msg) => {
            eprintln!("parallax: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Parses every readable input; reports unreadable ones. Returns the documents and whether all
/// inputs could be read.
fn parse_inputs(paths: &[PathBuf]) -> (Vec<Document>, bool) {
    let (files, errors) = inputs::collect(paths);
    for e in &errors {
        eprintln!("parallax: {e}");
    }
    let docs = files
        .iter()
        .map(|f| {
            let sidecar = f
                .sidecar
                .as_ref()
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice()));
            parse_document(&SourceFile {
                name: &f.name,
                bytes: &f.bytes,
                sidecar,
            })
        })
        .collect();
    (docs, errors.is_empty())
}

fn cmd_parse(args: &[String]) -> Result<bool, String> {
    let mut json = false;
    let mut paths = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}` for parse"))
            }
            p => paths.push(PathBuf::from(p)),
        }
    }
    if paths.is_empty() {
        return Err("parse needs at least one file or folder".into());
    }
    let (docs, all_read) = parse_inputs(&paths);
    if json {
        let out: Vec<_> = docs.iter().map(json::document).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
    } else {
        for d in &docs {
            print_summary(d);
        }
    }
    Ok(all_read)
}

fn cmd_bundle(args: &[String]) -> Result<bool, String> {
    let mut out = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => {
                out = Some(PathBuf::from(it.next().ok_or("-o needs a file name")?))
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}` for bundle"))
            }
            p => paths.push(PathBuf::from(p)),
        }
    }
    let out = out.ok_or("bundle needs -o <file>")?;
    if paths.is_empty() {
        return Err("bundle needs a corpus folder".into());
    }
    let (docs, all_read) = parse_inputs(&paths);
    for d in &docs {
        for diag in d
            .diagnostics
            .iter()
            .filter(|x| x.severity >= Severity::Warning)
        {
            eprintln!("warning: {}", diag.message);
        }
    }
    let bytes = Bundle::new(docs).to_bytes();
    if let Some(dir) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("parallax: wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(all_read)
}

fn print_summary(d: &Document) {
    let m = &d.meta;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    println!("{}  ({})", d.id, d.file);
    println!(
        "  title:     {}",
        opt(m.title.as_ref().map(|f| f.value.clone()))
    );
    println!(
        "  outlet:    {}",
        opt(m.outlet.as_ref().map(|f| f.value.clone()))
    );
    let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
    println!(
        "  authors:   {}",
        if authors.is_empty() {
            "-".into()
        } else {
            authors.join(", ")
        }
    );
    println!(
        "  published: {}",
        opt(m.published.as_ref().map(|f| f.value.to_string()))
    );
    println!(
        "  updated:   {}",
        opt(m.updated.as_ref().map(|f| f.value.to_string()))
    );
    println!("  words:     {}", d.word_count());
    for b in &d.blocks {
        let text = parallax_core::text::excerpt(d.block_text(b), 70);
        println!(
            "  [{:>5}..{:<5}] {:<11} {}",
            b.start,
            b.end,
            b.kind.as_str(),
            text
        );
    }
    for diag in &d.diagnostics {
        println!("  {:?}: {}", diag.severity, diag.message);
    }
}
