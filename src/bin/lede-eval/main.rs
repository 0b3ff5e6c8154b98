//! `lede-eval`: scores Lede on the dev sets in `../shared/data`, through the
//! CLI (`lede --jsonl --offsets codepoints`), exactly as a user runs it.
//!
//! ```text
//! lede-eval                          # every section
//! lede-eval --data DIR --lede PATH   # other corpora folder or CLI binary
//! lede-eval --section ner --errors 10
//! ```
//!
//! The evaluation is split into sections (one module each): `ner` scores
//! names, `groups` scores entity groups (aliases) on GUM dev; later
//! sections (attributions on PolNeAR dev) plug in the same way.

// A bad input file is an error message, never a panic.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod groups;
mod ner;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Score Lede on the dev sets.
#[derive(Parser, Debug)]
#[command(name = "lede-eval", about)]
pub struct Args {
    /// The corpora folder.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// The CLI binary to evaluate.
    #[arg(long, default_value = "target/release/lede")]
    pub lede: PathBuf,
    /// Run only these sections (default: all).
    #[arg(long, value_delimiter = ',')]
    pub section: Vec<String>,
    /// Show the most frequent error kinds (with examples) per dev set.
    #[arg(long, default_value_t = 8)]
    pub errors: usize,
}

/// One part of the evaluation.
pub trait Section {
    /// Its name on the command line.
    fn name(&self) -> &'static str;
    /// Runs it, printing its report to standard output.
    fn run(&self, args: &Args) -> Result<(), String>;
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !args.data.is_dir() {
        eprintln!(
            "lede-eval: data folder {} not found. The dev sets live in ../shared/data \
             (see ../shared/data/README.md); point DATA=… (make) or --data at them.",
            args.data.display()
        );
        return ExitCode::from(2);
    }
    if !args.lede.is_file() {
        eprintln!(
            "lede-eval: CLI binary {} not found; build it first (make cli).",
            args.lede.display()
        );
        return ExitCode::from(2);
    }
    let sections: Vec<Box<dyn Section>> = vec![Box::new(ner::Names), Box::new(groups::Groups)];
    for s in sections {
        if !args.section.is_empty() && !args.section.iter().any(|n| n == s.name()) {
            continue;
        }
        if let Err(e) = s.run(&args) {
            eprintln!("lede-eval: {}: {e}", s.name());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
