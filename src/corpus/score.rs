//! Exact-span scoring of name mentions: precision, recall and F1 per label
//! and micro-averaged.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Gold, GoldDoc};
use crate::entities::Label;
use crate::span::Span;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold (same span, same label).
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when there is no gold mention).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per label over a dev set.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Counts by label.
    pub by_label: BTreeMap<Label, Counts>,
}

impl Scores {
    /// Scores with a row for each of `labels` (so empty labels still show).
    pub fn new(labels: &[Label]) -> Scores {
        Scores {
            by_label: labels.iter().map(|&l| (l, Counts::default())).collect(),
        }
    }

    /// Micro-averaged counts.
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_label.values() {
            c.add(*v);
        }
        c
    }

    /// Adds one document: gold names of the scored labels against the
    /// predictions of those labels. Predictions overlapping an
    /// [`Gold::Unknown`] span are not scored.
    pub fn add(&mut self, gold: &GoldDoc, predicted: &[(Span, Label)]) {
        let scored = |l: &Label| self.by_label.contains_key(l);
        let unknown: Vec<Span> = gold
            .mentions
            .iter()
            .filter(|m| m.gold == Gold::Unknown)
            .map(|m| m.span)
            .collect();
        let mut gold_set: Vec<(Span, Label)> = gold
            .mentions
            .iter()
            .filter_map(|m| match m.gold {
                Gold::Name(l) if scored(&l) => Some((m.span, l)),
                _ => None,
            })
            .collect();
        gold_set.sort();
        gold_set.dedup();
        let mut pred: Vec<(Span, Label)> = predicted
            .iter()
            .copied()
            .filter(|(s, l)| scored(l) && !unknown.iter().any(|u| u.overlaps(*s)))
            .collect();
        pred.sort();
        pred.dedup();
        for p in &pred {
            let c = self.by_label.entry(p.1).or_default();
            if gold_set.binary_search(p).is_ok() {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for g in &gold_set {
            if pred.binary_search(g).is_err() {
                self.by_label.entry(g.1).or_default().fn_ += 1;
            }
        }
    }

    /// A plain-text table: one row per label and the micro average.
    pub fn table(&self, title: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{title}");
        let _ = writeln!(
            s,
            "  {:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "label", "P", "R", "F1", "tp", "fp", "fn"
        );
        let rows = self
            .by_label
            .iter()
            .map(|(l, c)| (l.as_str(), *c))
            .chain([("micro", self.micro())]);
        for (name, c) in rows {
            let _ = writeln!(
                s,
                "  {:<8} {:>6.4} {:>6.4} {:>6.4} {:>6} {:>6} {:>6}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Mention;

    #[test]
    fn exact_spans_and_labels_only() {
        let text = "Karen Bass met Acme in Paris.";
        let m = |s: usize, e: usize, gold: Gold| Mention {
            span: Span::new(s, e),
            gold,
        };
        let doc = GoldDoc {
            id: "t".into(),
            text: text.into(),
            mentions: vec![
                m(0, 10, Gold::Name(Label::Person)),
                m(15, 19, Gold::Name(Label::Org)),
                m(23, 28, Gold::Unknown),
            ],
            has_misc: false,
            open: true,
        };
        let mut s = Scores::new(&[Label::Person, Label::Org, Label::Place]);
        s.add(
            &doc,
            &[
                (Span::new(6, 10), Label::Person),
                (Span::new(15, 19), Label::Org),
                (Span::new(23, 28), Label::Place),
                (Span::new(0, 5), Label::Misc),
            ],
        );
        let per = s.by_label[&Label::Person];
        assert_eq!((per.tp, per.fp, per.fn_), (0, 1, 1));
        let org = s.by_label[&Label::Org];
        assert_eq!((org.tp, org.fp, org.fn_), (1, 0, 0));
        let micro = s.micro();
        assert_eq!((micro.tp, micro.fp, micro.fn_), (1, 1, 1));
        assert!((micro.f1() - 0.5).abs() < 1e-9);
    }
}

/// Kinds of error, for the error analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// Right span, wrong label (gold, predicted).
    Label(Label, Label),
    /// Overlapping spans, same label, different edges.
    Boundary(Label),
    /// Overlapping spans, different edges and label (gold, predicted).
    BoundaryAndLabel(Label, Label),
    /// A gold name nothing overlaps.
    Missed(Label),
    /// A predicted name no gold name overlaps.
    Spurious(Label),
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorKind::Label(g, p) => write!(f, "label {}→{}", g.as_str(), p.as_str()),
            ErrorKind::Boundary(l) => write!(f, "boundary {}", l.as_str()),
            ErrorKind::BoundaryAndLabel(g, p) => {
                write!(f, "boundary+label {}→{}", g.as_str(), p.as_str())
            }
            ErrorKind::Missed(l) => write!(f, "missed {}", l.as_str()),
            ErrorKind::Spurious(l) => write!(f, "spurious {}", l.as_str()),
        }
    }
}

/// Error counts with examples ("gold text | predicted text").
#[derive(Clone, Debug, Default)]
pub struct Errors {
    /// Count and example strings by kind.
    pub by_kind: std::collections::HashMap<ErrorKind, (usize, Vec<String>)>,
}

impl Errors {
    /// Adds the errors of one document (same filtering as [`Scores::add`];
    /// `labels` are the scored labels).
    pub fn add(&mut self, gold: &GoldDoc, predicted: &[(Span, Label)], labels: &[Label]) {
        let unknown: Vec<Span> = gold
            .mentions
            .iter()
            .filter(|m| m.gold == Gold::Unknown)
            .map(|m| m.span)
            .collect();
        let golds: Vec<(Span, Label)> = gold
            .mentions
            .iter()
            .filter_map(|m| match m.gold {
                Gold::Name(l) if labels.contains(&l) => Some((m.span, l)),
                _ => None,
            })
            .collect();
        let preds: Vec<(Span, Label)> = predicted
            .iter()
            .copied()
            .filter(|(s, l)| labels.contains(l) && !unknown.iter().any(|u| u.overlaps(*s)))
            .collect();
        let text = |s: Span| s.slice(&gold.text).replace('\n', " ");
        let mut note = |kind: ErrorKind, example: String| {
            let e = self.by_kind.entry(kind).or_default();
            e.0 += 1;
            e.1.push(example);
        };
        for &(gs, gl) in &golds {
            if preds.contains(&(gs, gl)) {
                continue;
            }
            match preds.iter().find(|(ps, _)| ps.overlaps(gs)) {
                None => note(ErrorKind::Missed(gl), text(gs)),
                Some(&(ps, pl)) if ps == gs => note(ErrorKind::Label(gl, pl), text(gs)),
                Some(&(ps, pl)) if pl == gl => note(
                    ErrorKind::Boundary(gl),
                    format!("{} | {}", text(gs), text(ps)),
                ),
                Some(&(ps, pl)) => note(
                    ErrorKind::BoundaryAndLabel(gl, pl),
                    format!("{} | {}", text(gs), text(ps)),
                ),
            }
        }
        for &(ps, pl) in &preds {
            if !golds.iter().any(|(gs, _)| gs.overlaps(ps)) {
                note(ErrorKind::Spurious(pl), text(ps));
            }
        }
    }

    /// The `top` most frequent kinds with their most frequent examples.
    pub fn report(&self, top: usize, examples: usize) -> String {
        let mut kinds: Vec<(&ErrorKind, &(usize, Vec<String>))> = self.by_kind.iter().collect();
        kinds.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let mut s = String::new();
        for (kind, (n, ex)) in kinds.into_iter().take(top) {
            let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
            for e in ex {
                *freq.entry(e.as_str()).or_insert(0) += 1;
            }
            let mut freq: Vec<(&str, usize)> = freq.into_iter().collect();
            freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let shown: Vec<String> = freq
                .iter()
                .take(examples)
                .map(|(e, c)| {
                    if *c > 1 {
                        format!("{e} ×{c}")
                    } else {
                        (*e).to_string()
                    }
                })
                .collect();
            let _ = writeln!(s, "  {n:>5}  {kind}: {}", shown.join("; "));
        }
        s
    }
}
