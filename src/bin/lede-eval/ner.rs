//! Names: precision, recall and F1 per label and micro-averaged, exact span
//! match, on CoNLL-2003 dev, UNER EWT dev, WNUT-17 dev and GUM dev. The
//! label mappings are those of `lede::corpus` (written down in
//! `MODEL_CARD.md`): CoNLL PER/ORG/LOC/MISC → PERSON/ORG/PLACE/MISC; UNER
//! PER/ORG/LOC; WNUT-17 person, corporation+group, location (creative works
//! and products are not scored, and Lede's MISC is dropped); GUM named
//! person/organization/place after CoNLL-style normalisation.

use lede::corpus::score::{Errors, Scores};
use lede::corpus::{char_to_byte, GoldDoc, Source};
use lede::entities::Label;
use lede::span::Span;

use crate::{cli, Args, Build, Section};

/// The names section.
pub struct Names;

/// The dev sets, with a note printed under each table.
const SETS: [(Source, &str); 4] = [
    (Source::ConllDev, ""),
    (
        Source::UnerDev,
        "  note: UNER EWT dev is training data of both models (the issue lists it); \
         lede-train --uner-folds gives a held-out estimate.\n",
    ),
    (Source::WnutDev, ""),
    (Source::GumDev, ""),
];

impl Section for Names {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn run(&self, args: &Args, build: &Build) -> Result<(), String> {
        println!(
            "== names, {} build (exact span match, via `{} --jsonl --offsets codepoints`) ==",
            build.name,
            build.lede.display()
        );
        for (source, note) in SETS {
            let docs = match source.load(&args.data) {
                Ok(d) => d,
                Err(e) => {
                    println!("{}: skipped: {e}", source.name());
                    continue;
                }
            };
            let labels: &[Label] = if docs.iter().any(|d| d.has_misc) {
                &[Label::Person, Label::Org, Label::Place, Label::Misc]
            } else {
                &[Label::Person, Label::Org, Label::Place]
            };
            let predicted = predict(&build.lede, &docs)?;
            let mut scores = Scores::new(labels);
            let mut errors = Errors::default();
            for (d, p) in docs.iter().zip(&predicted) {
                scores.add(d, p);
                errors.add(d, p, labels);
            }
            print!(
                "{}",
                scores.table(&format!("{} ({} documents)", source.name(), docs.len()))
            );
            print!("{note}");
            if args.errors > 0 {
                println!("  top errors:");
                print!("{}", errors.report(args.errors, 6));
            }
        }
        Ok(())
    }
}

/// Name mentions the CLI finds in each document, in byte offsets.
fn predict(lede: &std::path::Path, docs: &[GoldDoc]) -> Result<Vec<Vec<(Span, Label)>>, String> {
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let out = cli::analyse(
        lede,
        &texts,
        &["--no-attributions", "--labels", "PERSON,ORG,PLACE,MISC"],
    )?;
    Ok(docs
        .iter()
        .zip(out)
        .map(|(d, ents)| {
            let bytes = char_to_byte(&d.text);
            ents.into_iter()
                .filter_map(|e| {
                    let label = Label::parse(&e.label)?;
                    Some((Span::new(*bytes.get(e.start)?, *bytes.get(e.end)?), label))
                })
                .collect()
        })
        .collect())
}
