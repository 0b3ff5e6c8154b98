//! Attributions: PolNeAR dev (content, source, cue) and GUM dev direct
//! quotes, through the CLI.
//!
//! PolNeAR protocol: a gold attribution is *found* when a predicted content
//! covers at least half of the gold content (its `segments` when the
//! content is discontinuous); gold and predictions are matched one to one,
//! best coverage first. The source is right when the predicted source span
//! overlaps the gold source, or both are absent; likewise the cue. Printed:
//! content P/R/F1, source and cue accuracy on found, end-to-end (content
//! and source) P/R/F1, recall per gold type (PolNeAR's `type` is a
//! heuristic: quotes marks around the content make it `direct`, marks
//! inside it `mixed`), and how often each predicted kind is right.
//! GUM dev: each `<quote>` span against the pieces of predicted direct
//! quotes, both without marks, spaces and a trailing comma; exact-span
//! P/R/F1 and ≥50%-overlap P/R/F1. `--calibration` prints, per confidence
//! band, the share of records that were right (content found, and the
//! source too when the record gives one); `--by-cue` the precision per cue.

// A bad input file is an error message, never a panic.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use serde_json::Value;

use crate::{cli, Args, Build, Section};

/// The attributions section.
pub struct Attributions;

impl Section for Attributions {
    fn name(&self) -> &'static str {
        "attributions"
    }

    fn run(&self, args: &Args, build: &Build) -> Result<(), String> {
        let mut out = String::new();
        let polnear = args
            .data
            .join("polnear")
            .join(format!("{}.jsonl", args.split));
        match read_jsonl(&polnear) {
            Ok(docs) => {
                let started = Instant::now();
                let predictions = analyse(&build.lede, &docs)?;
                let _ = writeln!(
                    out,
                    "== attributions, {} build: PolNeAR {} ({} articles, analysed in {:.2} s, via `{} --jsonl --offsets codepoints`) ==",
                    build.name,
                    args.split,
                    docs.len(),
                    started.elapsed().as_secs_f64(),
                    build.lede.display()
                );
                score_polnear(&docs, &predictions, args, &mut out);
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "== attributions, {} build: PolNeAR {}: skipped: {e}",
                    build.name, args.split
                );
            }
        }
        let gum = args.data.join("gum").join("dev.jsonl");
        match read_jsonl(&gum) {
            Ok(docs) => {
                let predictions = analyse(&build.lede, &docs)?;
                let _ = writeln!(
                    out,
                    "== direct quotes, {} build: GUM dev ({} documents) ==",
                    build.name,
                    docs.len()
                );
                score_gum(&docs, &predictions, &mut out);
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "== direct quotes, {} build: GUM dev: skipped: {e}",
                    build.name
                );
            }
        }
        print!("{out}");
        Ok(())
    }
}

/// Reads a JSON-lines file; a missing file says where the data belongs.
fn read_jsonl(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {}: {e} (the corpora live in ../shared/data; set DATA=… or --data)",
            path.display()
        )
    })?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{} line {}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// The `attributions` of each document as the CLI reports them (code
/// points), in order.
fn analyse(lede: &Path, docs: &[Value]) -> Result<Vec<Vec<Value>>, String> {
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d.get("text").and_then(Value::as_str).unwrap_or(""))
        .collect();
    // Only e-mail entities: the attributions are what is scored here.
    Ok(cli::run(lede, &texts, &["--labels", "EMAIL"])?
        .into_iter()
        .map(|v| {
            v.get("attributions")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .collect())
}

/// A `[start, end)` range in code points.
type Range = (usize, usize);

fn num(v: &Value, key: &str) -> Option<usize> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

fn span_of(v: Option<&Value>) -> Option<Range> {
    let v = v.filter(|v| !v.is_null())?;
    Some((num(v, "start")?, num(v, "end")?))
}

fn overlaps(a: Option<Range>, b: Option<Range>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1,
        _ => false,
    }
}

/// Characters of `segments` covered by `span`.
fn covered(segments: &[Range], span: Range) -> usize {
    segments
        .iter()
        .map(|&(s, e)| e.min(span.1).saturating_sub(s.max(span.0)))
        .sum()
}

/// One gold attribution.
struct Gold {
    segments: Vec<Range>,
    source: Option<Range>,
    cue: Option<Range>,
    kind: String,
}

fn gold_of(q: &Value) -> Option<Gold> {
    let start = num(q, "start")?;
    let end = num(q, "end")?;
    let segments = q
        .get("segments")
        .and_then(Value::as_array)
        .map(|segs| {
            segs.iter()
                .filter_map(|s| {
                    let a = s.as_array()?;
                    Some((
                        usize::try_from(a.first()?.as_u64()?).ok()?,
                        usize::try_from(a.get(1)?.as_u64()?).ok()?,
                    ))
                })
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| vec![(start, end)]);
    let pair = |a: &str, b: &str| Some((num(q, a)?, num(q, b)?));
    Some(Gold {
        segments,
        source: pair("speaker_start", "speaker_end"),
        cue: pair("cue_start", "cue_end"),
        kind: q
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string(),
    })
}

/// Precision, recall and F1 as a line.
fn prf(tp: usize, predicted: usize, gold: usize) -> String {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    format!("P {p:.3}  R {r:.3}  F1 {f:.3}")
}

/// Counts for one slice of the results.
#[derive(Default)]
struct Tally {
    total: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
}

fn score_polnear(docs: &[Value], predictions: &[Vec<Value>], args: &Args, out: &mut String) {
    let (mut gold_n, mut pred_n, mut found, mut source_ok, mut cue_ok, mut both) =
        (0, 0, 0, 0, 0, 0);
    let mut recall_by_type: BTreeMap<String, Tally> = BTreeMap::new();
    let mut precision_by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_cue: BTreeMap<String, Tally> = BTreeMap::new();
    let mut bands: BTreeMap<u32, Tally> = BTreeMap::new();
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    for (doc, preds) in docs.iter().zip(predictions) {
        let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
        let golds: Vec<Gold> = doc
            .get("quotes")
            .and_then(Value::as_array)
            .map(|qs| qs.iter().filter_map(gold_of).collect())
            .unwrap_or_default();
        gold_n += golds.len();
        pred_n += preds.len();
        // Candidate pairs, best coverage first.
        let mut pairs: Vec<(u64, usize, usize)> = Vec::new();
        for (gi, g) in golds.iter().enumerate() {
            let len: usize = g.segments.iter().map(|(s, e)| e.saturating_sub(*s)).sum();
            if len == 0 {
                continue;
            }
            for (pi, p) in preds.iter().enumerate() {
                let Some(content) = span_of(p.get("content")) else {
                    continue;
                };
                let c = covered(&g.segments, content);
                if 2 * c >= len {
                    // Coverage as a fraction, scaled for a total order.
                    let share = (c as u64 * 1_000_000) / len as u64;
                    pairs.push((u64::MAX - share, gi, pi));
                }
            }
        }
        pairs.sort_unstable();
        let mut gold_match = vec![None; golds.len()];
        let mut pred_match = vec![None; preds.len()];
        for (_, gi, pi) in pairs {
            if gold_match[gi].is_none() && pred_match[pi].is_none() {
                gold_match[gi] = Some(pi);
                pred_match[pi] = Some(gi);
            }
        }
        let mut pred_right = vec![false; preds.len()];
        for (gi, g) in golds.iter().enumerate() {
            let tally = recall_by_type.entry(g.kind.clone()).or_default();
            let Some(pi) = gold_match[gi] else {
                tally.add(false);
                // A miss with a prediction overlapping the content is a
                // content span too short or too long; else a missed cue.
                let near = preds.iter().any(|p| {
                    span_of(p.get("content")).is_some_and(|c| covered(&g.segments, c) > 0)
                });
                let class = if near {
                    "content span off (<50% cover)"
                } else {
                    "no record"
                };
                *errors
                    .entry(format!("missed {}: {class}", g.kind))
                    .or_default() += 1;
                continue;
            };
            tally.add(true);
            found += 1;
            let p = &preds[pi];
            let ps = span_of(p.get("source"));
            let s_ok = (ps.is_none() && g.source.is_none()) || overlaps(ps, g.source);
            let pc = span_of(p.get("cue"));
            let c_ok = (pc.is_none() && g.cue.is_none()) || overlaps(pc, g.cue);
            if !s_ok {
                let class = match (ps, g.source) {
                    (None, Some(_)) => "no source given (gold has one)",
                    (Some(_), None) => "source given (gold has none)",
                    _ => "wrong source span",
                };
                *errors.entry(format!("found, {class}")).or_default() += 1;
            }
            source_ok += usize::from(s_ok);
            cue_ok += usize::from(c_ok);
            both += usize::from(s_ok);
            // For calibration, a record is right when its content matches
            // and the source it states (if any) is right.
            pred_right[pi] = s_ok || ps.is_none();
        }
        for (pi, p) in preds.iter().enumerate() {
            let kind = p.get("kind").and_then(Value::as_str).unwrap_or("?");
            let matched = pred_match[pi].is_some();
            if !matched {
                // Overlapping a gold content: a span too long or split
                // differently; else a spurious cue.
                let near = span_of(p.get("content"))
                    .is_some_and(|c| golds.iter().any(|g| covered(&g.segments, c) > 0));
                let class = if near {
                    "overlaps a gold content"
                } else {
                    "spurious (no gold content)"
                };
                *errors.entry(format!("extra {kind}: {class}")).or_default() += 1;
            }
            precision_by_kind
                .entry(kind.to_string())
                .or_default()
                .add(matched);
            if args.by_cue {
                let cue = span_of(p.get("cue"))
                    .map(|(s, e)| {
                        text.chars()
                            .skip(s)
                            .take(e - s)
                            .collect::<String>()
                            .to_lowercase()
                    })
                    .unwrap_or_else(|| "(none)".into());
                by_cue.entry(cue).or_default().add(matched);
            }
            if args.calibration {
                let c = p.get("confidence").and_then(Value::as_f64).unwrap_or(0.0);
                let band = (c * 10.0).floor().clamp(0.0, 9.0) as u32;
                bands.entry(band).or_default().add(pred_right[pi]);
            }
        }
    }
    let _ = writeln!(
        out,
        "content        {}   (gold {gold_n}, predicted {pred_n}, found {found})",
        prf(found, pred_n, gold_n)
    );
    let acc = |n: usize| n as f64 / found.max(1) as f64;
    let _ = writeln!(
        out,
        "source accuracy on found {:.3}   cue accuracy on found {:.3}",
        acc(source_ok),
        acc(cue_ok)
    );
    let _ = writeln!(out, "end-to-end     {}", prf(both, pred_n, gold_n));
    let _ = write!(out, "recall by gold type:");
    for (kind, t) in &recall_by_type {
        let _ = write!(
            out,
            "  {kind} {:.3} ({}/{})",
            t.right as f64 / t.total.max(1) as f64,
            t.right,
            t.total
        );
    }
    let _ = write!(out, "\nprecision by predicted kind:");
    for (kind, t) in &precision_by_kind {
        let _ = write!(
            out,
            "  {kind} {:.3} ({}/{})",
            t.right as f64 / t.total.max(1) as f64,
            t.right,
            t.total
        );
    }
    let _ = writeln!(out);
    if args.errors > 0 {
        let _ = writeln!(out, "error classes (count):");
        let mut rows: Vec<_> = errors.into_iter().collect();
        rows.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        for (class, n) in rows.into_iter().take(args.errors) {
            let _ = writeln!(out, "  {n:>5}  {class}");
        }
    }
    if args.by_cue {
        let _ = writeln!(out, "precision by cue (predictions, matched):");
        let mut rows: Vec<_> = by_cue.into_iter().collect();
        rows.sort_by_key(|(_, t)| std::cmp::Reverse(t.total));
        for (cue, t) in rows {
            let _ = writeln!(
                out,
                "  {cue:<24} {:>5} {:>5}  {:.2}",
                t.total,
                t.right,
                t.right as f64 / t.total.max(1) as f64
            );
        }
    }
    if args.calibration {
        let _ = writeln!(
            out,
            "confidence band → share right (content, and source when one is given):"
        );
        for (band, t) in bands {
            let _ = writeln!(
                out,
                "  {:.1}-{:.1}  {:>5} records  {:.2}",
                f64::from(band) / 10.0,
                f64::from(band + 1) / 10.0,
                t.total,
                t.right as f64 / t.total.max(1) as f64
            );
        }
    }
}

/// A quote span without its marks, surrounding spaces and a trailing
/// comma, semicolon or colon (Lede leaves the quoting sentence's comma out
/// of a quote; GUM keeps it inside the marks).
fn strip_marks(text: &[char], (mut s, mut e): Range) -> Range {
    let is_mark = |c: char| c.is_whitespace() || "\"“”'‘’«»,;:".contains(c);
    while s < e && text.get(s).copied().is_some_and(is_mark) {
        s += 1;
    }
    while e > s && text.get(e - 1).copied().is_some_and(is_mark) {
        e -= 1;
    }
    (s, e)
}

fn score_gum(docs: &[Value], predictions: &[Vec<Value>], out: &mut String) {
    let (mut gold_n, mut pred_n, mut exact, mut overlap_p, mut overlap_g) = (0, 0, 0, 0, 0);
    for (doc, preds) in docs.iter().zip(predictions) {
        let text: Vec<char> = doc
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .chars()
            .collect();
        let golds: Vec<Range> = doc
            .get("quotes")
            .and_then(Value::as_array)
            .map(|qs| {
                qs.iter()
                    .filter_map(|q| Some(strip_marks(&text, (num(q, "start")?, num(q, "end")?))))
                    .collect()
            })
            .unwrap_or_default();
        let spans: Vec<Range> = preds
            .iter()
            .filter(|p| p.get("kind").and_then(Value::as_str) == Some("direct"))
            .flat_map(|p| {
                p.get("content_parts")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|s| span_of(Some(&s)).map(|r| strip_marks(&text, r)))
            .collect();
        gold_n += golds.len();
        pred_n += spans.len();
        exact += golds.iter().filter(|g| spans.contains(g)).count();
        let half = |a: &Range, b: &Range| {
            let c = covered(&[*a], *b);
            2 * c >= a.1.saturating_sub(a.0) && c > 0
        };
        overlap_g += golds
            .iter()
            .filter(|g| spans.iter().any(|p| half(g, p)))
            .count();
        overlap_p += spans
            .iter()
            .filter(|p| golds.iter().any(|g| half(p, g)))
            .count();
    }
    let _ = writeln!(
        out,
        "exact span     {}   (gold {gold_n}, predicted {pred_n})",
        prf(exact, pred_n, gold_n)
    );
    let p = overlap_p as f64 / pred_n.max(1) as f64;
    let r = overlap_g as f64 / gold_n.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let _ = writeln!(out, "≥50% overlap   P {p:.3}  R {r:.3}  F1 {f:.3}");
}
