//! Best tag sequence under first-order transitions, with BILOU constraints
//! (and, for training, per-token masks of allowed tags).

use super::tags::{self, NUM_TAGS};

/// Transition scores, with the BILOU constraints folded in as `-inf`.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// `next[a][b]`: score of tag `b` following tag `a`.
    pub next: [[f32; NUM_TAGS]; NUM_TAGS],
    /// Score of starting a sentence with each tag.
    pub start: [f32; NUM_TAGS],
    /// Score of ending a sentence with each tag.
    pub end: [f32; NUM_TAGS],
    /// For each tag, the tags that may precede it (BILOU leaves 9 or 2 of
    /// 17), so decoding skips the impossible moves.
    preds: [[u8; NUM_TAGS]; NUM_TAGS],
    /// How many entries of `preds[b]` are used.
    pred_count: [u8; NUM_TAGS],
}

impl Transitions {
    /// Learned scores plus the constraints: disallowed moves get `-inf`.
    pub fn constrained(
        next: &[[f32; NUM_TAGS]; NUM_TAGS],
        start: &[f32; NUM_TAGS],
        end: &[f32; NUM_TAGS],
    ) -> Transitions {
        let mut t = Transitions {
            next: *next,
            start: *start,
            end: *end,
            preds: [[0; NUM_TAGS]; NUM_TAGS],
            pred_count: [0; NUM_TAGS],
        };
        for a in 0..NUM_TAGS {
            for b in 0..NUM_TAGS {
                if !tags::allowed(a as u8, b as u8) {
                    t.next[a][b] = f32::NEG_INFINITY;
                }
            }
            if !tags::can_start(a as u8) {
                t.start[a] = f32::NEG_INFINITY;
            }
            if !tags::can_end(a as u8) {
                t.end[a] = f32::NEG_INFINITY;
            }
        }
        for b in 0..NUM_TAGS {
            for a in 0..NUM_TAGS {
                if tags::allowed(a as u8, b as u8) {
                    let k = usize::from(t.pred_count[b]);
                    t.preds[b][k] = a as u8;
                    t.pred_count[b] += 1;
                }
            }
        }
        t
    }
}

/// What surrounds the decoded tokens: a sentence edge, or tokens known to
/// be outside any name (the tagger decodes runs of candidate tokens and
/// leaves the rest `O`, which is the same as decoding the whole sentence
/// with those tokens fixed to `O`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bounds {
    /// An `O` token comes just before (else the sentence starts).
    pub outside_before: bool,
    /// An `O` token comes just after (else the sentence ends).
    pub outside_after: bool,
}

impl Bounds {
    /// A whole sentence.
    pub const SENTENCE: Bounds = Bounds {
        outside_before: false,
        outside_after: false,
    };
}

/// Reusable buffers for decoding.
#[derive(Clone, Debug, Default)]
pub struct Viterbi {
    score: Vec<f32>,
    back: Vec<u8>,
}

impl Viterbi {
    /// Writes the best tags for `emissions` (`n * NUM_TAGS` scores, token
    /// by token) into `out`. With `allowed`, token `i` may only take the tags
    /// in the bit mask `allowed[i]`. Returns the score of the best sequence.
    /// Never fails: if nothing is allowed, all tags are `O` and the score is
    /// `-inf`.
    pub fn decode(
        &mut self,
        emissions: &[f32],
        trans: &Transitions,
        allowed: Option<&[u32]>,
        bounds: Bounds,
        out: &mut Vec<u8>,
    ) -> f32 {
        let o = usize::from(tags::O);
        let start = |t: usize| {
            if bounds.outside_before {
                trans.next[o][t]
            } else {
                trans.start[t]
            }
        };
        let end = |t: usize| {
            if bounds.outside_after {
                trans.next[t][o]
            } else {
                trans.end[t]
            }
        };
        let n = emissions.len() / NUM_TAGS;
        out.clear();
        if n == 0 {
            return 0.0;
        }
        self.score.clear();
        self.score.resize(n * NUM_TAGS, f32::NEG_INFINITY);
        self.back.clear();
        self.back.resize(n * NUM_TAGS, 0);
        let ok =
            |i: usize, t: usize| allowed.is_none_or(|m| m.get(i).is_none_or(|b| b & (1 << t) != 0));
        for (t, (slot, &e)) in self.score.iter_mut().zip(emissions).enumerate() {
            if t < NUM_TAGS && ok(0, t) {
                *slot = start(t) + e;
            }
        }
        for i in 1..n {
            let (prev, cur) = self.score.split_at_mut(i * NUM_TAGS);
            let prev = &prev[(i - 1) * NUM_TAGS..];
            let cur = &mut cur[..NUM_TAGS];
            let back = &mut self.back[i * NUM_TAGS..(i + 1) * NUM_TAGS];
            let em = &emissions[i * NUM_TAGS..(i + 1) * NUM_TAGS];
            for b in 0..NUM_TAGS {
                if !ok(i, b) {
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                let preds = &trans.preds[b][..usize::from(trans.pred_count[b])];
                for &a in preds {
                    let s = prev[a as usize] + trans.next[a as usize][b];
                    if s > best {
                        best = s;
                        arg = a;
                    }
                }
                cur[b] = best + em[b];
                back[b] = arg;
            }
        }
        let last = &self.score[(n - 1) * NUM_TAGS..];
        let mut best = f32::NEG_INFINITY;
        let mut arg = None;
        for (t, &score) in last.iter().enumerate() {
            let s = score + end(t);
            if s > best {
                best = s;
                arg = Some(t as u8);
            }
        }
        let Some(mut t) = arg else {
            out.resize(n, tags::O);
            return f32::NEG_INFINITY;
        };
        out.resize(n, tags::O);
        for i in (0..n).rev() {
            out[i] = t;
            if i > 0 {
                t = self.back[i * NUM_TAGS + t as usize];
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::tagger::tags::{tag, Part};

    fn zero() -> Transitions {
        Transitions::constrained(
            &[[0.0; NUM_TAGS]; NUM_TAGS],
            &[0.0; NUM_TAGS],
            &[0.0; NUM_TAGS],
        )
    }

    #[test]
    fn constraints_repair_locally_best_tags() {
        // Token 0 prefers B-PER, token 1 prefers O: B-PER O is illegal, so
        // the best legal sequence is U-PER O.
        let mut em = vec![0.0f32; 2 * NUM_TAGS];
        em[tag(0, Part::Begin) as usize] = 5.0;
        em[tag(0, Part::Unit) as usize] = 4.0;
        em[NUM_TAGS] = 3.0;
        let mut v = Viterbi::default();
        let mut out = Vec::new();
        let best = v.decode(&em, &zero(), None, Bounds::SENTENCE, &mut out);
        assert_eq!(out, vec![tag(0, Part::Unit), tags::O]);
        assert_eq!(best, 7.0);
    }

    #[test]
    fn masks_restrict_tags() {
        let em = vec![0.0f32; 2 * NUM_TAGS];
        let only_org = [
            tags::label_or_outside_mask(1) & !1,
            tags::label_or_outside_mask(1) & !1,
        ];
        let mut out = Vec::new();
        Viterbi::default().decode(&em, &zero(), Some(&only_org), Bounds::SENTENCE, &mut out);
        assert_eq!(out, vec![tag(1, Part::Begin), tag(1, Part::Last)]);
        let none = [0u32, 0];
        Viterbi::default().decode(&em, &zero(), Some(&none), Bounds::SENTENCE, &mut out);
        assert_eq!(out, vec![tags::O, tags::O]);
    }
}
