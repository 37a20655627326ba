//! `parallax compare`: compares two or more articles (files or folders) and prints what they
//! share, who speaks in each, their framing words, and the facts and dates that disagree.
//!
//! `--json` prints the whole `Comparison` (see `parallax_core::compare`); without it, a short
//! human-readable summary.

use crate::Outcome;
use parallax_core::compare::{compare, Comparison};
use std::io::{self, Write};
use std::path::PathBuf;

pub fn run(paths: &[PathBuf], json: bool, out: &mut dyn Write) -> Outcome {
    let parsed = crate::parse_inputs(paths);
    let docs = parsed.docs;
    if docs.len() < 2 {
        return Err(format!("compare needs at least two documents, got {}", docs.len()).into());
    }
    let c = compare(&docs);
    if json {
        serde_json::to_writer_pretty(&mut *out, &c).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        print_summary(&c, &parallax_core::labels(&docs), out)?;
    }
    Ok(parsed.all_read)
}

/// The human-readable summary: each document by its label (`labels`, in the order of `c.docs`,
/// which is the input order); `--json` has the ids.
fn print_summary(c: &Comparison, labels: &[String], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Documents:")?;
    for (i, label) in labels.iter().enumerate().take(c.docs.len()) {
        writeln!(out, "  [{i}] {label}")?;
    }
    writeln!(
        out,
        "\nShared text (share of the row's words aligned with the column):"
    )?;
    write!(out, "     ")?;
    for i in 0..c.docs.len() {
        write!(out, " [{i}]  ")?;
    }
    writeln!(out)?;
    for (i, row) in c.overlap.iter().enumerate() {
        write!(out, "  [{i}]")?;
        for v in row {
            write!(out, " {:>5.1}%", v * 100.0)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "\nAligned passages: {}", c.aligned.len())?;
    for p in &c.aligned {
        writeln!(
            out,
            "  {:.2} {:?}  {} | {}",
            p.score,
            p.kind,
            parallax_core::text::excerpt(&p.a.text, 60),
            parallax_core::text::excerpt(&p.b.text, 60)
        )?;
    }
    Ok(())
}
