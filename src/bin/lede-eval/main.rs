//! `lede-eval`: scores Lede on the dev sets in `../shared/data`, through the
//! CLI (`lede --jsonl --offsets codepoints`), exactly as a user runs it.
//!
//! ```text
//! lede-eval                                  # every section, the default build
//! lede-eval --open-lede target/open/lede     # …and the MODEL=open build too
//! lede-eval --data DIR --lede PATH           # other corpora folder or CLI binary
//! lede-eval --section ner --errors 10
//! lede-eval --section attributions --split train --by-cue
//! ```
//!
//! The evaluation is split into sections (one module each), printed one
//! after another, each for every build given: `ner` scores names (CoNLL,
//! UNER, WNUT-17 and GUM dev), `groups` scores entity groups (aliases) on
//! GUM dev, `attributions` scores attributions on PolNeAR dev and direct
//! quotes on GUM dev.

// A bad input file is an error message, never a panic.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod attributions;
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
    /// The CLI binary to evaluate (the default build: `make build`).
    #[arg(long, default_value = "target/release/lede")]
    pub lede: PathBuf,
    /// A second CLI binary, built with `MODEL=open` (`--features
    /// open-model`), scored after the first in every section.
    #[arg(long)]
    pub open_lede: Option<PathBuf>,
    /// Run only these sections (default: all).
    #[arg(long, value_delimiter = ',')]
    pub section: Vec<String>,
    /// Show the most frequent error kinds (with examples) per dev set.
    #[arg(long, default_value_t = 8)]
    pub errors: usize,
    /// PolNeAR split the attribution section scores (`dev`; `train` only
    /// while developing rules).
    #[arg(long, default_value = "dev", value_parser = ["dev", "train"])]
    pub split: String,
    /// Attributions: also print precision per cue word.
    #[arg(long)]
    pub by_cue: bool,
    /// Attributions: also print the share right per confidence band.
    #[arg(long)]
    pub calibration: bool,
}

/// One build of the CLI to score.
pub struct Build {
    /// `full` (the default build) or `open` (`MODEL=open`).
    pub name: &'static str,
    /// The binary.
    pub lede: PathBuf,
}

/// One part of the evaluation.
pub trait Section {
    /// Its name on the command line.
    fn name(&self) -> &'static str;
    /// Runs it on one build, printing its report to standard output.
    fn run(&self, args: &Args, build: &Build) -> Result<(), String>;
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
    let mut builds = vec![Build {
        name: "full",
        lede: args.lede.clone(),
    }];
    if let Some(open) = &args.open_lede {
        builds.push(Build {
            name: "open",
            lede: open.clone(),
        });
    }
    for b in &builds {
        if !b.lede.is_file() {
            eprintln!(
                "lede-eval: CLI binary {} not found; build it first (make cli).",
                b.lede.display()
            );
            return ExitCode::from(2);
        }
    }
    let sections: Vec<Box<dyn Section>> = vec![
        Box::new(ner::Names),
        Box::new(groups::Groups),
        Box::new(attributions::Attributions),
    ];
    for s in sections {
        if !args.section.is_empty() && !args.section.iter().any(|n| n == s.name()) {
            continue;
        }
        for b in &builds {
            if let Err(e) = s.run(&args, b) {
                eprintln!("lede-eval: {} ({} build): {e}", s.name(), b.name);
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
