//! `lede-train`: trains the name tagger from the corpora in `../shared/data`.
//!
//! ```text
//! lede-train --model full            # CoNLL-2003 + GUM + UNER + BTC + WNUT-17
//! lede-train --model open            # openly licensed data only
//! lede-train --model full --uner-folds 3   # plus a held-out UNER estimate
//! lede-train attributions            # the attribution model (see attributions.rs)
//! ```
//!
//! Deterministic for a given seed: documents are shuffled by a seeded
//! generator and everything else is sequential or order-preserving. See
//! `MODEL_CARD.md` for the data, label mappings and settings.

mod attributions;
mod perceptron;
mod quantise;
mod samples;

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, ValueEnum};
use lede::corpus::score::Scores;
use lede::corpus::{GoldDoc, Source};
use lede::entities::names::tagger::context::Resources;
use lede::entities::names::tagger::model::{Model, Parts};
use lede::entities::names::tagger::{ModelTagger, CLUSTERS, GAZETTEERS};
use lede::entities::names::NameTagger;
use lede::entities::Label;
use lede::text::Document;
use rayon::prelude::*;

use perceptron::{Averaged, Perceptron};
use samples::{Alignment, Index, Sample};

/// Train Lede's name tagger.
#[derive(Parser, Debug)]
#[command(name = "lede-train", about)]
struct Args {
    /// Which training data: `full` (as the issue lists, including the
    /// research-only CoNLL-2003 and non-commercial GUM genres) or `open`.
    #[arg(long, value_enum, default_value_t = Mix::Full)]
    model: Mix,
    /// The corpora folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where to write the model (default `models/names-<mix>.lmod`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Epochs of the final model.
    #[arg(long, default_value_t = 11)]
    epochs: usize,
    /// Perceptrons (over different shuffles) averaged into the final
    /// model: six are steadier across seeds than three (MODEL_CARD).
    #[arg(long, default_value_t = 6)]
    ensemble: usize,
    /// Epochs of the cross-fitted first-pass models.
    #[arg(long, default_value_t = 8)]
    fold_epochs: usize,
    /// Folds of the cross-fitted first pass: each fold's evidence comes
    /// from a model trained on the other folds.
    #[arg(long, default_value_t = 2)]
    folds: usize,
    /// Seed of the document shuffles.
    #[arg(long, default_value_t = 2025)]
    seed: u64,
    /// Keep features seen at least this often in training.
    #[arg(long, default_value_t = 1)]
    min_count: usize,
    /// Drop features whose largest quantised weight is at most this.
    #[arg(long, default_value_t = 4)]
    prune: i32,
    /// Also drop features whose quantised weights add up (in absolute
    /// value) to at most this: a third of the weight table for 0.001 of
    /// CoNLL F1 (MODEL_CARD "Training").
    #[arg(long, default_value_t = 11)]
    prune_sum: i32,
    /// Instead of training, prune this model file with `--prune`,
    /// `--prune-sum` and `--zero` and write it to `--out` (or back): the
    /// same as training with those settings, without the training.
    #[arg(long)]
    prune_from: Option<PathBuf>,
    /// Set single weights of at most this many units to zero.
    #[arg(long, default_value_t = 1)]
    zero: i32,
    /// Also estimate held-out UNER EWT dev scores with this many folds
    /// (UNER dev is training data, so its plain score is not held out).
    #[arg(long, default_value_t = 0)]
    uner_folds: usize,
    /// Leave these training corpora out (e.g. `btc/all`), for ablations.
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Share of training lines written in capitals (augmentation for
    /// headlines and shouted posts).
    #[arg(long, default_value_t = 0.06)]
    caps_rate: f64,
    /// Train on a corpus's documents more than once per epoch, e.g.
    /// `uner_en_ewt/dev:2` (closer to the web text Lede also reads).
    #[arg(long, value_delimiter = ',')]
    repeat: Vec<String>,
    /// Print the most frequent errors on each dev set.
    #[arg(long)]
    errors: bool,
    /// Skip the dev-set report.
    #[arg(long)]
    no_dev: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mix {
    Full,
    Open,
}

impl Mix {
    fn name(self) -> &'static str {
        match self {
            Mix::Full => "full",
            Mix::Open => "open",
        }
    }
    fn sources(self) -> Vec<Source> {
        let mut v = vec![
            Source::GumTrain,
            Source::UnerDev,
            Source::Btc,
            Source::WnutTrain,
        ];
        if self == Mix::Full {
            v.insert(0, Source::ConllTrain);
        }
        v
    }
}

/// A small seeded generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("attributions") {
        if let Err(e) = attributions::main() {
            eprintln!("lede-train attributions: {e}");
            std::process::exit(1);
        }
        return;
    }
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("lede-train: {e}");
        std::process::exit(1);
    }
}

/// Prunes an existing model file (`--prune-from`).
fn prune_from(args: &Args, from: &Path) -> Result<(), String> {
    let bytes = std::fs::read(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let mut parts = Parts::decode(&bytes).ok_or("the model file is malformed")?;
    let before = parts.features.len();
    parts.features = parts
        .features
        .into_iter()
        .filter_map(|(k, w)| {
            quantise::prune_row(w, args.prune, args.prune_sum, args.zero).map(|w| (k, w))
        })
        .collect();
    let out = args.out.clone().unwrap_or_else(|| from.to_path_buf());
    let pruned = parts.encode();
    std::fs::write(&out, &pruned).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} of {before} features)",
        out.display(),
        pruned.len(),
        parts.features.len()
    );
    Ok(())
}

fn load(data: &Path, sources: &[Source]) -> Result<Vec<(Source, Vec<GoldDoc>)>, String> {
    if !data.is_dir() {
        return Err(format!(
            "data folder {} not found: the corpora live in ../shared/data (set --data / DATA=)",
            data.display()
        ));
    }
    sources
        .iter()
        .map(|&s| s.load(data).map(|d| (s, d)).map_err(|e| e.to_string()))
        .collect()
}

fn run(args: &Args) -> Result<(), String> {
    if let Some(from) = &args.prune_from {
        return prune_from(args, from);
    }
    let t0 = Instant::now();
    let res = Resources::new(GAZETTEERS, CLUSTERS);
    let mut docs: Vec<(Source, GoldDoc)> = Vec::new();
    let sources: Vec<Source> = args
        .model
        .sources()
        .into_iter()
        .filter(|s| !args.exclude.iter().any(|x| x == s.name()))
        .collect();
    for (source, list) in load(&args.data, &sources)? {
        let before = docs.len();
        for mut d in list {
            if args.model == Mix::Open {
                if !d.open {
                    continue;
                }
                // No open corpus labels MISC: without any MISC example the
                // latent "MISC or outside" spans would drift to MISC, so the
                // open model learns no MISC at all.
                d.has_misc = true;
                d.mentions
                    .retain(|m| m.gold != lede::corpus::Gold::MiscOrOutside);
            }
            docs.push((source, d));
        }
        eprintln!("{:<18} {:>6} documents", source.name(), docs.len() - before);
    }
    // Headlines and shouted posts: some lines are trained in capitals too.
    let mut rng = Rng(args.seed ^ 0xCA95);
    for (_, d) in docs.iter_mut() {
        d.text = shout_some_lines(&d.text, args.caps_rate, &mut rng);
    }
    let built: Vec<(Sample, Vec<u32>, Alignment)> = docs
        .par_iter()
        .map(|(_, d)| samples::build(d, &res))
        .collect();
    let mut align = Alignment::default();
    let mut counts: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    let mut tokens = 0usize;
    for (s, keys, a) in &built {
        align.add(*a);
        tokens += s.len();
        for &k in keys {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    eprintln!(
        "{} documents, {tokens} tokens, {} gold names ({} off token edges, {} across sentences, {} not all candidates), {} distinct features",
        built.len(),
        align.names,
        align.off_token,
        align.cross_sentence,
        align.unreachable,
        counts.len()
    );
    let mut index = Index::default();
    let mut samples: Vec<Sample> = Vec::with_capacity(built.len());
    for (mut s, keys, _) in built {
        s.feats = keys
            .iter()
            .filter(|k| counts.get(k).is_some_and(|&c| c as usize >= args.min_count))
            .map(|&k| index.id(k))
            .collect();
        // Offsets must follow the filtered keys.
        let mut offs = Vec::with_capacity(s.offs.len());
        let mut kept = 0u32;
        offs.push(0);
        for w in s.offs.windows(2) {
            kept += keys[w[0] as usize..w[1] as usize]
                .iter()
                .filter(|k| counts.get(k).is_some_and(|&c| c as usize >= args.min_count))
                .count() as u32;
            offs.push(kept);
        }
        s.offs = offs;
        samples.push(s);
    }
    drop(counts);
    eprintln!(
        "{} features kept (min count {})",
        index.len(),
        args.min_count
    );

    let repeats: Vec<usize> = docs.iter().map(|(src, _)| repeats_of(args, *src)).collect();
    let all: Vec<usize> = (0..samples.len()).collect();
    let avg = train(&mut samples, &all, &repeats, &mut index, args)?;
    let parts = quantise::quantise(&avg, index.keys(), args.prune, args.prune_sum, args.zero);
    let bytes = parts.encode();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("models/names-{}.lmod", args.model.name())));
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let train_secs = t0.elapsed().as_secs_f64();
    eprintln!(
        "wrote {} ({} bytes, {} features) in {train_secs:.1} s",
        out.display(),
        bytes.len(),
        parts.features.len(),
    );
    if !args.no_dev {
        let model = Model::decode(&bytes).ok_or("the written model does not decode")?;
        let tagger = ModelTagger::new(model, Resources::new(GAZETTEERS, CLUSTERS));
        for source in [
            Source::ConllDev,
            Source::UnerDev,
            Source::WnutDev,
            Source::GumDev,
        ] {
            match source.load(&args.data) {
                Ok(dev) => {
                    let scores = score(&tagger, &dev, source, args.errors);
                    eprint!("{}", scores.table(source.name()));
                }
                Err(e) => eprintln!("{}: skipped ({e})", source.name()),
            }
        }
    }
    if args.uner_folds > 0 {
        uner_folds(args, &docs, &mut samples, &mut index)?;
    }
    Ok(())
}

/// How many times each epoch trains on a document of `source`.
fn repeats_of(args: &Args, source: Source) -> usize {
    args.repeat
        .iter()
        .filter_map(|r| r.split_once(':'))
        .find(|(name, _)| *name == source.name())
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(1)
}

/// Upper-cases a share `rate` of the lines of `text`, only where that
/// keeps every character's UTF-8 length (so gold offsets stay valid).
fn shout_some_lines(text: &str, rate: f64, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let pick = (rng.next() % 1_000_000) as f64 / 1e6 < rate;
        let same_length = line.chars().all(|c| {
            let mut u = c.to_uppercase();
            matches!((u.next(), u.next()), (Some(x), None) if x.len_utf8() == c.len_utf8())
        });
        if pick && same_length {
            out.extend(line.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Cross-fitted first pass, evidence, then the final two-pass model.
fn train(
    samples: &mut [Sample],
    subset: &[usize],
    repeats: &[usize],
    index: &mut Index,
    args: &Args,
) -> Result<Averaged, String> {
    let times = |i: usize| repeats.get(i).copied().unwrap_or(1);
    let mut rng = Rng(args.seed);
    let mut shuffled = subset.to_vec();
    rng.shuffle(&mut shuffled);
    let k = args.folds.clamp(2, shuffled.len().max(2));
    let parts: Vec<&[usize]> = (0..k)
        .map(|f| &shuffled[f * shuffled.len() / k..(f + 1) * shuffled.len() / k])
        .collect();
    let t = Instant::now();
    let fold = |train_on: Vec<usize>, seed: u64| -> Averaged {
        let mut p = Perceptron::new(index.len());
        let mut rng = Rng(seed);
        let mut order: Vec<(usize, bool)> = train_on
            .iter()
            .flat_map(|&i| std::iter::repeat_n((i, false), times(i)))
            .collect();
        for _ in 0..args.fold_epochs {
            rng.shuffle(&mut order);
            p.epoch(samples, &order);
        }
        p.averaged()
    };
    // Each fold is tagged by the model trained on the other folds (in
    // shuffled order; with two folds, the seeds of the first trainer).
    let first_pass: Vec<(usize, Vec<u8>)> = (0..k)
        .into_par_iter()
        .flat_map(|f| {
            let others: Vec<usize> = (0..k)
                .filter(|&g| g != f)
                .flat_map(|g| parts[g].iter().copied())
                .collect();
            let model = fold(others, args.seed ^ (k - f) as u64);
            parts[f]
                .iter()
                .map(|&i| (i, model.tag(&samples[i], false)))
                .collect::<Vec<_>>()
        })
        .collect();
    for (i, tags) in first_pass {
        samples[i].set_evidence(&tags, index);
    }
    eprintln!(
        "first pass cross-fitted in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let order: Vec<(usize, bool)> = subset
        .iter()
        .flat_map(|&i| std::iter::repeat_n([(i, false), (i, true)], times(i)).flatten())
        .collect();
    // Several perceptrons over different shuffles, their averaged weights
    // averaged again: steadier than any one of them.
    let members: Vec<Averaged> = (0..args.ensemble.max(1) as u64)
        .into_par_iter()
        .map(|m| {
            let mut rng = Rng(args.seed ^ (0x5EED + m));
            let mut order = order.clone();
            let mut p = Perceptron::new(index.len());
            for epoch in 0..args.epochs {
                rng.shuffle(&mut order);
                let mistakes = p.epoch(samples, &order);
                eprintln!(
                    "member {m} epoch {:>2}: {mistakes} sentences wrong",
                    epoch + 1
                );
            }
            p.averaged()
        })
        .collect();
    eprintln!("final model trained in {:.1} s", t.elapsed().as_secs_f64());
    Ok(Averaged::mean(&members))
}

/// The names `tagger` finds in each document, scored against the gold.
fn score(tagger: &ModelTagger, docs: &[GoldDoc], source: Source, errors: bool) -> Scores {
    let (scores, errs) = score_with_errors(tagger, docs, source);
    if errors {
        eprint!("{} errors:\n{}", source.name(), errs.report(12, 10));
    }
    scores
}

/// [`score`], with the errors.
fn score_with_errors(
    tagger: &ModelTagger,
    docs: &[GoldDoc],
    source: Source,
) -> (Scores, lede::corpus::score::Errors) {
    let labels: &[Label] = if matches!(source, Source::ConllDev | Source::ConllTrain) {
        &[Label::Person, Label::Org, Label::Place, Label::Misc]
    } else {
        &[Label::Person, Label::Org, Label::Place]
    };
    let predicted: Vec<Vec<(lede::Span, Label)>> = docs
        .par_iter()
        .map(|d| {
            let doc = Document::new(&d.text);
            tagger
                .tag(&doc)
                .into_iter()
                .map(|e| (e.span, e.label))
                .collect()
        })
        .collect();
    let mut scores = Scores::new(labels);
    let mut errs = lede::corpus::score::Errors::default();
    for (d, p) in docs.iter().zip(&predicted) {
        scores.add(d, p);
        errs.add(d, p, labels);
    }
    (scores, errs)
}

/// Held-out UNER EWT dev: UNER documents are split into folds; each fold is
/// scored by a model trained on everything else.
fn uner_folds(
    args: &Args,
    docs: &[(Source, GoldDoc)],
    samples: &mut [Sample],
    index: &mut Index,
) -> Result<(), String> {
    let k = args.uner_folds;
    let uner: Vec<usize> = (0..docs.len())
        .filter(|&i| docs[i].0 == Source::UnerDev)
        .collect();
    let mut total = Scores::new(&[Label::Person, Label::Org, Label::Place]);
    let mut all_errors = lede::corpus::score::Errors::default();
    for f in 0..k {
        let held: Vec<usize> = uner.iter().copied().filter(|i| i % k == f).collect();
        let subset: Vec<usize> = (0..samples.len()).filter(|i| !held.contains(i)).collect();
        let repeats: Vec<usize> = docs.iter().map(|(src, _)| repeats_of(args, *src)).collect();
        let avg = train(samples, &subset, &repeats, index, args)?;
        let parts = quantise::quantise(&avg, index.keys(), args.prune, args.prune_sum, args.zero);
        let model = Model::decode(&parts.encode()).ok_or("fold model does not decode")?;
        let tagger = ModelTagger::new(model, Resources::new(GAZETTEERS, CLUSTERS));
        let held_docs: Vec<GoldDoc> = held.iter().map(|&i| docs[i].1.clone()).collect();
        let (s, errs) = score_with_errors(&tagger, &held_docs, Source::UnerDev);
        for (kind, (n, ex)) in errs.by_kind {
            let e = all_errors.by_kind.entry(kind).or_default();
            e.0 += n;
            e.1.extend(ex);
        }
        for (l, c) in s.by_label {
            let t = total.by_label.entry(l).or_default();
            t.tp += c.tp;
            t.fp += c.fp;
            t.fn_ += c.fn_;
        }
        eprintln!("UNER fold {}/{k} done", f + 1);
    }
    eprint!(
        "{}",
        total.table(&format!("uner_en_ewt/dev held out ({k}-fold by document)"))
    );
    if args.errors {
        eprint!("held-out UNER errors:\n{}", all_errors.report(14, 10));
    }
    Ok(())
}
