//! Averaged structured perceptron over BILOU tags (Collins 2002), with
//! Viterbi decoding; the gold sequence is the best one consistent with the
//! per-token masks, so partly labelled corpora train too (latent-variable
//! perceptron: a corpus without MISC lets an unlabelled token be MISC).

use lede::entities::names::tagger::tags::NUM_TAGS;
use lede::entities::names::tagger::viterbi::{Bounds, Transitions, Viterbi};

use crate::samples::Sample;

const NT: usize = NUM_TAGS;

/// Weights with the sums needed for averaging (`avg = w - u / c`).
pub struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    next: Vec<f32>,
    next_u: Vec<f64>,
    c: f64,
    viterbi: Viterbi,
    emissions: Vec<f32>,
    pred: Vec<u8>,
    gold: Vec<u8>,
}

/// Averaged weights, ready to quantise or decode with.
pub struct Averaged {
    /// `NUM_TAGS` weights per feature id.
    pub w: Vec<f32>,
    /// Transitions `[from][to]`, then start, then end.
    pub next: [[f32; NT]; NT],
    pub start: [f32; NT],
    pub end: [f32; NT],
}

/// Index of start and end scores in `next` (after the `NT × NT` block).
const START: usize = NT * NT;
const END: usize = NT * NT + NT;

impl Perceptron {
    /// Zero weights for `features` features.
    pub fn new(features: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; features * NT],
            u: vec![0.0; features * NT],
            next: vec![0.0; NT * NT + 2 * NT],
            next_u: vec![0.0; NT * NT + 2 * NT],
            c: 1.0,
            viterbi: Viterbi::default(),
            emissions: Vec::new(),
            pred: Vec::new(),
            gold: Vec::new(),
        }
    }

    fn transitions(next: &[f32]) -> Transitions {
        let mut n = [[0f32; NT]; NT];
        for (a, row) in n.iter_mut().enumerate() {
            row.copy_from_slice(&next[a * NT..(a + 1) * NT]);
        }
        let mut s = [0f32; NT];
        let mut e = [0f32; NT];
        s.copy_from_slice(&next[START..START + NT]);
        e.copy_from_slice(&next[END..END + NT]);
        Transitions::constrained(&n, &s, &e)
    }

    fn emissions(
        w: &[f32],
        sample: &Sample,
        range: std::ops::Range<usize>,
        evidence: bool,
        out: &mut Vec<f32>,
    ) {
        out.clear();
        out.resize(range.len() * NT, 0.0);
        for (k, i) in range.enumerate() {
            let row = &mut out[k * NT..(k + 1) * NT];
            let ev: &[u32] = if evidence { sample.evidence(i) } else { &[] };
            for &f in sample.features(i).iter().chain(ev) {
                let f = f as usize;
                if let Some(wf) = w.get(f * NT..(f + 1) * NT) {
                    for (r, x) in row.iter_mut().zip(wf) {
                        *r += x;
                    }
                }
            }
        }
    }

    /// One pass over `order` (sample index, with evidence features or not).
    /// Returns the number of sentences with a mistake.
    pub fn epoch(&mut self, samples: &[Sample], order: &[(usize, bool)]) -> usize {
        let mut mistakes = 0;
        for &(si, evidence) in order {
            let sample = &samples[si];
            for range in &sample.sentences {
                if range.is_empty() {
                    continue;
                }
                let trans = Self::transitions(&self.next);
                Self::emissions(
                    &self.w,
                    sample,
                    range.clone(),
                    evidence,
                    &mut self.emissions,
                );
                let free = &sample.free[range.clone()];
                self.viterbi.decode(
                    &self.emissions,
                    &trans,
                    Some(free),
                    Bounds::SENTENCE,
                    &mut self.pred,
                );
                let masks = &sample.masks[range.clone()];
                self.viterbi.decode(
                    &self.emissions,
                    &trans,
                    Some(masks),
                    Bounds::SENTENCE,
                    &mut self.gold,
                );
                if self.pred != self.gold {
                    mistakes += 1;
                    self.update(sample, range.clone(), evidence);
                }
                self.c += 1.0;
            }
        }
        mistakes
    }

    fn bump(w: &mut [f32], u: &mut [f64], c: f64, at: usize, d: f32) {
        if let (Some(x), Some(y)) = (w.get_mut(at), u.get_mut(at)) {
            *x += d;
            *y += c * f64::from(d);
        }
    }

    fn update(&mut self, sample: &Sample, range: std::ops::Range<usize>, evidence: bool) {
        let c = self.c;
        for (k, i) in range.clone().enumerate() {
            let (g, p) = (self.gold[k] as usize, self.pred[k] as usize);
            if g != p {
                let ev: &[u32] = if evidence { sample.evidence(i) } else { &[] };
                for &f in sample.features(i).iter().chain(ev) {
                    let base = f as usize * NT;
                    Self::bump(&mut self.w, &mut self.u, c, base + g, 1.0);
                    Self::bump(&mut self.w, &mut self.u, c, base + p, -1.0);
                }
            }
            let (tg, tp) = if k == 0 {
                (START + g, START + p)
            } else {
                let (pg, pp) = (self.gold[k - 1] as usize, self.pred[k - 1] as usize);
                (pg * NT + g, pp * NT + p)
            };
            if tg != tp {
                Self::bump(&mut self.next, &mut self.next_u, c, tg, 1.0);
                Self::bump(&mut self.next, &mut self.next_u, c, tp, -1.0);
            }
        }
        let last = range.len() - 1;
        let (g, p) = (self.gold[last] as usize, self.pred[last] as usize);
        if g != p {
            Self::bump(&mut self.next, &mut self.next_u, c, END + g, 1.0);
            Self::bump(&mut self.next, &mut self.next_u, c, END + p, -1.0);
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Averaged {
        let c = self.c;
        let avg = |w: &[f32], u: &[f64]| -> Vec<f32> {
            w.iter()
                .zip(u)
                .map(|(&x, &y)| (f64::from(x) - y / c) as f32)
                .collect()
        };
        let t = avg(&self.next, &self.next_u);
        let mut next = [[0f32; NT]; NT];
        for (a, row) in next.iter_mut().enumerate() {
            row.copy_from_slice(&t[a * NT..(a + 1) * NT]);
        }
        let mut start = [0f32; NT];
        let mut end = [0f32; NT];
        start.copy_from_slice(&t[START..START + NT]);
        end.copy_from_slice(&t[END..END + NT]);
        Averaged {
            w: avg(&self.w, &self.u),
            next,
            start,
            end,
        }
    }
}

impl Averaged {
    /// The mean of several models' weights.
    pub fn mean(models: &[Averaged]) -> Averaged {
        let k = models.len().max(1) as f32;
        let len = models.iter().map(|m| m.w.len()).max().unwrap_or(0);
        let mut out = Averaged {
            w: vec![0.0; len],
            next: [[0.0; NT]; NT],
            start: [0.0; NT],
            end: [0.0; NT],
        };
        for m in models {
            for (o, x) in out.w.iter_mut().zip(&m.w) {
                *o += x / k;
            }
            for (orow, row) in out.next.iter_mut().zip(&m.next) {
                for (o, x) in orow.iter_mut().zip(row) {
                    *o += x / k;
                }
            }
            for (o, x) in out.start.iter_mut().zip(&m.start) {
                *o += x / k;
            }
            for (o, x) in out.end.iter_mut().zip(&m.end) {
                *o += x / k;
            }
        }
        out
    }

    /// First-pass (or second-pass, with `evidence`) tags of every token of
    /// `sample`.
    pub fn tag(&self, sample: &Sample, evidence: bool) -> Vec<u8> {
        let trans = Transitions::constrained(&self.next, &self.start, &self.end);
        let mut out = vec![0u8; sample.len()];
        let mut em = Vec::new();
        let mut v = Viterbi::default();
        let mut tags = Vec::new();
        for range in &sample.sentences {
            Perceptron::emissions(&self.w, sample, range.clone(), evidence, &mut em);
            let free = &sample.free[range.clone()];
            v.decode(&em, &trans, Some(free), Bounds::SENTENCE, &mut tags);
            out[range.clone()].copy_from_slice(&tags);
        }
        out
    }
}
