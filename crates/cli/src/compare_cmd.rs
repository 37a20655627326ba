//! `parallax compare`: compares two or more articles (files or folders) and prints what they
//! share, who speaks in each, their framing words, and the facts and dates that disagree.
//!
//! `--json` prints the whole `Comparison` (see `parallax_core::compare`); without it, a short
//! human-readable summary.

use parallax_core::compare::{compare, Comparison};
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut json = false;
    let mut paths = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}` for compare"))
            }
            p => paths.push(PathBuf::from(p)),
        }
    }
    if paths.is_empty() {
        return Err("compare needs files or folders to compare".into());
    }
    let (docs, all_read) = crate::parse_inputs(&paths);
    if docs.len() < 2 {
        eprintln!(
            "parallax: compare needs at least two documents, got {}",
            docs.len()
        );
        return Ok(false);
    }
    let c = compare(&docs);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&c).map_err(|e| e.to_string())?
        );
    } else {
        print_summary(&c);
    }
    Ok(all_read)
}

fn print_summary(c: &Comparison) {
    let label = |i: usize| {
        let d = &c.docs[i];
        match &d.outlet {
            Some(o) => format!("{} ({o})", d.id),
            None => d.id.clone(),
        }
    };
    println!("Documents:");
    for (i, _) in c.docs.iter().enumerate() {
        println!("  [{i}] {}", label(i));
    }
    println!("\nShared text (share of the row's words aligned with the column):");
    print!("     ");
    for i in 0..c.docs.len() {
        print!(" [{i}]  ");
    }
    println!();
    for (i, row) in c.overlap.iter().enumerate() {
        print!("  [{i}]");
        for v in row {
            print!(" {:>5.1}%", v * 100.0);
        }
        println!();
    }
    println!("\nAligned passages: {}", c.aligned.len());
    for p in &c.aligned {
        println!(
            "  {:.2} {:?}  {} | {}",
            p.score,
            p.kind,
            parallax_core::text::excerpt(&p.a.text, 60),
            parallax_core::text::excerpt(&p.b.text, 60)
        );
    }
}
