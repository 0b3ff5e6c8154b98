//! Entity groups on GUM dev (and train): do Lede's groups put together the
//! mentions that name one entity?
//!
//! Gold: in every GUM document, the named mentions (`named`: syntactic
//! head PROPN) of type person, organization or place that carry a
//! Wikipedia `identity`; mentions with one identity are one gold group.
//! Each gold span is cut to its name the way the names section does
//! (`lede::corpus::gum::mentions`: no "the", possessive, apposition or, for
//! people, title), and only mentions whose cut is a name are kept: the
//! names the `ner` section scores. Left out: named mentions without an
//! identity (GUM does not say what they co-refer with) and descriptions
//! that GUM calls named ("the King of Athens", "Director of the National
//! Iodine Nutrition study").
//!
//! Predicted mentions: the CLI's name entities (each carries its `group`)
//! and each group's `role_mentions` ("the Secretary", counted as PERSON).
//! A gold mention is found when a predicted mention of its label
//! (person → PERSON, organization → ORG, place → PLACE) lies inside the
//! gold mention's span and overlaps its name: "Penn State Wiki" is not a
//! find for the gold "Penn State" inside it. Inner (shorter) gold mentions
//! choose first, the largest overlap wins, and a predicted mention is used
//! once.
//!
//! Scores, over pairs of mentions within a document:
//! - pairwise precision / recall / F1: a pair is "linked" in gold when both
//!   have one identity and in Lede when both are in one group;
//! - B³ precision / recall / F1 (per mention, averaged);
//! - on the found mentions (the grouping's own quality), and on all gold
//!   mentions with the unfound ones counted as groups of their own (what a
//!   reader sees, name-tagger misses included);
//! - a baseline that groups found mentions by identical text (lower case),
//!   to show what the rules add.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use lede::corpus::gum;
use lede::corpus::{char_to_byte, Gold};
use lede::entities::Label;
use lede::span::Span;
use serde::Deserialize;

use crate::{cli, Args, Build, Section};

/// The entity groups section.
pub struct Groups;

#[derive(Deserialize)]
struct Record {
    text: String,
    entities: Vec<GoldSpan>,
}

#[derive(Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    named: bool,
    #[serde(default)]
    identity: Option<String>,
}

/// A gold mention: its span and its name (bytes), label and identity.
struct GoldMention {
    raw: Span,
    span: Span,
    label: Label,
    identity: String,
}

/// A predicted mention: span (bytes), label (role nouns are PERSON) and
/// group.
#[derive(Clone, Copy)]
struct Predicted {
    span: Span,
    label: Label,
    group: usize,
}

/// Pair and B³ counts.
#[derive(Default, Clone, Copy)]
struct Tally {
    /// Pairs linked in both.
    both: usize,
    /// Pairs linked by Lede.
    predicted: usize,
    /// Pairs linked in gold.
    gold: usize,
    /// Sums of per-mention B³ precision and recall, and the mention count.
    b3_p: f64,
    b3_r: f64,
    mentions: usize,
}

impl Tally {
    /// Adds one document: each item is (gold cluster, predicted cluster).
    fn add(&mut self, items: &[(usize, usize)]) {
        for (i, a) in items.iter().enumerate() {
            for b in items.iter().skip(i + 1) {
                let g = a.0 == b.0;
                let p = a.1 == b.1;
                self.gold += usize::from(g);
                self.predicted += usize::from(p);
                self.both += usize::from(g && p);
            }
            let same_gold = items.iter().filter(|b| b.0 == a.0).count();
            let same_pred = items.iter().filter(|b| b.1 == a.1).count();
            let same_both = items.iter().filter(|b| b.0 == a.0 && b.1 == a.1).count();
            self.b3_p += same_both as f64 / same_pred as f64;
            self.b3_r += same_both as f64 / same_gold as f64;
            self.mentions += 1;
        }
    }

    fn row(&self, name: &str) -> String {
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        let f1 = |p: f64, r: f64| {
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        let p = ratio(self.both as f64, self.predicted as f64);
        let r = ratio(self.both as f64, self.gold as f64);
        let n = self.mentions as f64;
        let bp = ratio(self.b3_p, n);
        let br = ratio(self.b3_r, n);
        format!(
            "  {name:<28} {:>6.1} {:>6.1} {:>6.1}   {:>6.1} {:>6.1} {:>6.1}   {:>5} {:>6}\n",
            100.0 * p,
            100.0 * r,
            100.0 * f1(p, r),
            100.0 * bp,
            100.0 * br,
            100.0 * f1(bp, br),
            self.mentions,
            self.gold,
        )
    }
}

impl Section for Groups {
    fn name(&self) -> &'static str {
        "groups"
    }

    fn run(&self, args: &Args, build: &Build) -> Result<(), String> {
        println!(
            "== entity groups, {} build (GUM: named person/organization/place mentions \
             with a Wikipedia identity; via `{} --jsonl --offsets codepoints`) ==",
            build.name,
            build.lede.display()
        );
        for (name, file, note) in SETS {
            score_set(args, &build.lede, name, file, note)?;
        }
        Ok(())
    }
}

/// The sets scored, with a note printed under each.
const SETS: [(&str, &str, &str); 2] = [
    ("gum/dev", "gum/dev.jsonl", ""),
    (
        "gum/train",
        "gum/train.jsonl",
        "  note: the grouping rules were written looking at dev errors only, so train is the \
         unseen estimate of grouping quality (the name model is trained on GUM train, so \
         more mentions are found there).\n",
    ),
];

/// Scores one GUM file and prints its table.
fn score_set(
    args: &Args,
    lede: &std::path::Path,
    name: &str,
    file: &str,
    note: &str,
) -> Result<(), String> {
    {
        let path = args.data.join(file);
        let raw = match std::fs::read_to_string(&path) {
            Ok(r) => r,
            Err(e) => {
                println!("{name}: skipped: cannot read {}: {e}", path.display());
                return Ok(());
            }
        };
        let mut records = Vec::new();
        for (n, line) in raw.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let r: Record = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            records.push(r);
        }
        let texts: Vec<&str> = records.iter().map(|r| r.text.as_str()).collect();
        let lines = cli::lines(lede, &texts, &["--no-attributions"])?;

        let (mut found, mut all, mut baseline) =
            (Tally::default(), Tally::default(), Tally::default());
        let (mut gold_total, mut found_total, mut gold_groups) = (0, 0, 0);
        let mut wrong: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut missed: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut unfound: BTreeMap<String, usize> = BTreeMap::new();
        for (r, line) in records.iter().zip(&lines) {
            let gold = gold_mentions(r);
            let predicted = predicted_mentions(&r.text, line);
            let aligned = align(&gold, &predicted);
            let mut identities: HashMap<&str, usize> = HashMap::new();
            let mut texts: HashMap<String, usize> = HashMap::new();
            let (mut items_found, mut items_all, mut items_base) = (vec![], vec![], vec![]);
            let mut shown: Vec<(usize, usize, &str)> = Vec::new();
            for (i, g) in gold.iter().enumerate() {
                let next = identities.len();
                let gid = *identities.entry(g.identity.as_str()).or_insert(next);
                match aligned
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|p| predicted.get(p))
                {
                    Some(p) => {
                        items_found.push((gid, p.group));
                        items_all.push((gid, p.group));
                        let key = p.span.slice(&r.text).to_lowercase();
                        let next = texts.len();
                        items_base.push((gid, *texts.entry(key).or_insert(next)));
                        shown.push((gid, p.group, p.span.slice(&r.text)));
                    }
                    None => {
                        items_all.push((gid, usize::MAX - i));
                        *unfound
                            .entry(g.span.slice(&r.text).to_string())
                            .or_default() += 1;
                    }
                }
            }
            gold_total += gold.len();
            found_total += items_found.len();
            gold_groups += identities.len();
            found.add(&items_found);
            all.add(&items_all);
            baseline.add(&items_base);
            for (k, a) in shown.iter().enumerate() {
                for b in shown.iter().skip(k + 1) {
                    let pair = || {
                        let (x, y) = (a.2.to_string(), b.2.to_string());
                        if x <= y {
                            (x, y)
                        } else {
                            (y, x)
                        }
                    };
                    if a.1 == b.1 && a.0 != b.0 {
                        *wrong.entry(pair()).or_default() += 1;
                    } else if a.0 == b.0 && a.1 != b.1 && a.2 != b.2 {
                        *missed.entry(pair()).or_default() += 1;
                    }
                }
            }
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{name} ({} documents): {gold_total} gold mentions in {gold_groups} gold groups; \
             {found_total} found ({:.1}%)",
            records.len(),
            100.0 * found_total as f64 / gold_total.max(1) as f64
        );
        let _ = writeln!(
            out,
            "  {:<28} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>5} {:>6}",
            "", "pair P", "R", "F1", "B³ P", "R", "F1", "ments", "gold pairs"
        );
        out.push_str(&found.row("found mentions"));
        out.push_str(&all.row("all (unfound = alone)"));
        out.push_str(&baseline.row("baseline: same text, found"));
        print!("{out}");
        if args.errors > 0 {
            let top = |m: &BTreeMap<(String, String), usize>| {
                let mut v: Vec<(&(String, String), &usize)> = m.iter().collect();
                v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                v.into_iter()
                    .take(args.errors)
                    .map(|((a, b), n)| format!("{a:?} ~ {b:?} ×{n}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            println!("  wrongly merged (pairs): {}", top(&wrong));
            println!("  not linked (pairs, different texts): {}", top(&missed));
            let mut v: Vec<(&String, &usize)> = unfound.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let v: Vec<String> = v
                .into_iter()
                .take(args.errors)
                .map(|(t, n)| format!("{t:?} ×{n}"))
                .collect();
            println!(
                "  not found (no Lede mention of the label): {}",
                v.join("; ")
            );
        }
        print!("{note}");
        Ok(())
    }
}

/// The gold mentions of a record, cut to their names, without duplicates.
fn gold_mentions(r: &Record) -> Vec<GoldMention> {
    let bytes = char_to_byte(&r.text);
    let mut out: Vec<GoldMention> = Vec::new();
    for e in &r.entities {
        let Some(identity) = e.identity.as_ref().filter(|_| e.named) else {
            continue;
        };
        if !matches!(e.label.as_str(), "person" | "organization" | "place") {
            continue;
        }
        let (Some(&s), Some(&t)) = (bytes.get(e.start), bytes.get(e.end)) else {
            continue;
        };
        let raw = Span::new(s, t);
        let Some((cut, label)) = gum::mentions(&r.text, &[(raw, e.label.as_str())])
            .into_iter()
            .find_map(|m| match m.gold {
                Gold::Name(l) => Some((m.span, l)),
                _ => None,
            })
        else {
            continue;
        };
        if cut.is_empty() || out.iter().any(|g| g.span == cut) {
            continue;
        }
        out.push(GoldMention {
            raw,
            span: cut,
            label,
            identity: identity.clone(),
        });
    }
    out
}

/// Name mentions and role nouns of the CLI output, with their groups, in
/// byte offsets.
fn predicted_mentions(text: &str, line: &cli::LineOut) -> Vec<Predicted> {
    let bytes = char_to_byte(text);
    let span = |s: usize, e: usize| Some(Span::new(*bytes.get(s)?, *bytes.get(e)?));
    let mut out = Vec::new();
    for e in &line.entities {
        let label = Label::parse(&e.label).filter(|l| l.is_name());
        if let (Some(label), Some(group), Some(span)) = (label, e.group, span(e.start, e.end)) {
            out.push(Predicted { span, label, group });
        }
    }
    for g in &line.groups {
        for r in &g.role_mentions {
            if let Some(span) = span(r.start, r.end) {
                out.push(Predicted {
                    span,
                    label: Label::Person,
                    group: g.id,
                });
            }
        }
    }
    out
}

/// For each gold mention, the predicted mention it is found as.
fn align(gold: &[GoldMention], predicted: &[Predicted]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold.get(i).map(|g| (g.span.len(), g.span.start)));
    let mut used = vec![false; predicted.len()];
    let mut out = vec![None; gold.len()];
    for i in order {
        let Some(g) = gold.get(i) else { continue };
        let overlap = |p: &Predicted| {
            p.span
                .end
                .min(g.span.end)
                .saturating_sub(p.span.start.max(g.span.start))
        };
        let fits = |p: &Predicted| p.label == g.label && g.raw.contains(p.span) && overlap(p) > 0;
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(k, p)| !used.get(*k).copied().unwrap_or(true) && fits(p))
            .max_by_key(|(k, p)| (overlap(p), std::cmp::Reverse(*k)))
            .map(|(k, _)| k);
        if let Some(k) = best {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_and_b_cubed_counts() {
        // Gold: {0,1,2} {3}; predicted: {0,1} {2,3}.
        let mut t = Tally::default();
        t.add(&[(0, 10), (0, 10), (0, 11), (1, 11)]);
        assert_eq!((t.gold, t.predicted, t.both), (3, 2, 1));
        assert_eq!(t.mentions, 4);
        // B³ precision: 1, 1, 1/2, 1/2 → 3/4 on average.
        assert!((t.b3_p / 4.0 - 0.75).abs() < 1e-9);
    }
}
