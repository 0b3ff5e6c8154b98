//! Per-stage timings of the pipeline, native and on one thread, so that a
//! change to one stage can be measured on its own:
//!
//! ```text
//! cargo run --release --example stages -- [FILE.jsonl] [--runs N]
//! ```
//!
//! FILE holds one `{"text": …}` object a line (default: the PolNeAR train
//! articles under `../shared/data`, or `$LEDE_DATA`). Each article is its
//! own document, as in `make bench`. Stages are timed in pipeline order on
//! the same documents; "tagger (all)" repeats the context and decoding and
//! adds the post-rules, and "analyse" is the whole front door on its own.

use std::time::{Duration, Instant};

use lede::entities::names::tagger::context::Context;
use lede::entities::names::tagger::ModelTagger;
use lede::entities::names::NameTagger;
use lede::text::Document;

/// The stages, in the order they are timed.
const STAGES: [&str; 8] = [
    "document",
    "patterns",
    "tagger: context",
    "tagger: decode",
    "tagger (all)",
    "merge + aliases",
    "attributions",
    "analyse",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut path, mut runs) = (None, 3u32);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else {
            path = Some(a);
        }
    }
    let path = path.unwrap_or_else(|| {
        let data = std::env::var("LEDE_DATA").unwrap_or_else(|_| "../shared/data".into());
        format!("{data}/polnear/train.jsonl")
    });
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("stages: cannot read {path}");
        std::process::exit(2);
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    let Some(tagger) = ModelTagger::embedded() else {
        eprintln!("stages: the embedded model does not decode");
        std::process::exit(1);
    };
    let mut spent = [Duration::ZERO; STAGES.len()];
    for _ in 0..runs {
        for text in &texts {
            let mut clock = Instant::now();
            let mut lap = |stage: usize| {
                if let Some(s) = spent.get_mut(stage) {
                    *s += clock.elapsed();
                }
                clock = Instant::now();
            };
            let doc = Document::new(text);
            lap(0);
            let patterns = lede::entities::patterns::find(&doc);
            lap(1);
            let ctx = Context::new(&doc, tagger.resources());
            lap(2);
            let tags = tagger.tag_tokens(&doc, &ctx);
            lap(3);
            let mut entities = tagger.tag(&doc);
            lap(4);
            entities.extend(patterns);
            let entities = lede::entities::merge::resolve(entities);
            let groups = lede::aliases::group(&doc, &entities);
            lap(5);
            let found = lede::attributions::find_all(&doc, &entities);
            lap(6);
            let analysis = lede::analysis::analyse(text, &Default::default());
            lap(7);
            std::hint::black_box((tags, groups, found, analysis));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 * f64::from(runs) / 1e6;
    println!(
        "{} documents, {:.2} MB, {runs} runs (ms per run):",
        texts.len(),
        bytes as f64 / 1e6
    );
    for (name, d) in STAGES.iter().zip(spent) {
        let ms = d.as_secs_f64() * 1e3 / f64::from(runs);
        println!("{name:>16}: {ms:8.1} ms  {:7.2} MB/s", mb / d.as_secs_f64());
    }
}
