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
    /// The tags grouped by the tags that may precede them (BILOU: `O`,
    /// `B` and `U` after `O`, `L` or `U`; `I` and `L` of a label after its
    /// `B` or `I`), so decoding skips the impossible moves and scores the
    /// moves into a whole group side by side.
    groups: Vec<Group>,
}

/// Tags that may follow the same tags.
#[derive(Clone, Debug, PartialEq)]
struct Group {
    /// The tags of the group, in order.
    targets: Vec<u8>,
    /// The tags that may precede them, in order.
    preds: Vec<u8>,
    /// `next[k][j]`: the score of the move from `preds[k]` to `targets[j]`.
    next: Vec<[f32; NUM_TAGS]>,
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
            groups: Vec::new(),
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
        let preds_of = |b: usize| -> Vec<u8> {
            (0..NUM_TAGS as u8)
                .filter(|&a| tags::allowed(a, b as u8))
                .collect()
        };
        for b in 0..NUM_TAGS {
            let preds = preds_of(b);
            match t.groups.iter_mut().find(|g| g.preds == preds) {
                Some(g) => g.targets.push(b as u8),
                None => t.groups.push(Group {
                    targets: vec![b as u8],
                    preds,
                    next: Vec::new(),
                }),
            }
        }
        for g in &mut t.groups {
            g.next = g
                .preds
                .iter()
                .map(|&a| {
                    let mut row = [f32::NEG_INFINITY; NUM_TAGS];
                    for (slot, &b) in row.iter_mut().zip(&g.targets) {
                        *slot = t.next[usize::from(a)][usize::from(b)];
                    }
                    row
                })
                .collect();
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
    /// Best predecessor of each tag, token by token.
    back: Vec<[u8; NUM_TAGS]>,
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
        let mut rows = emissions.chunks_exact(NUM_TAGS);
        out.clear();
        let Some(first) = rows.next() else {
            return 0.0;
        };
        let n = emissions.len() / NUM_TAGS;
        // Token `i` may take tag `t` when bit `t` of its mask is set.
        let mask = |i: usize| allowed.and_then(|m| m.get(i).copied()).unwrap_or(tags::ANY);
        // Scores of the tags at the current token, padded to 32 so that a
        // tag masked with 31 indexes it without a bounds check.
        let mut score = [f32::NEG_INFINITY; 32];
        let m = mask(0);
        for (t, (slot, &e)) in score.iter_mut().zip(first).enumerate() {
            if m & (1 << t) != 0 {
                let start = if bounds.outside_before {
                    trans.next[o][t]
                } else {
                    trans.start[t]
                };
                *slot = start + e;
            }
        }
        self.back.clear();
        self.back.push([0; NUM_TAGS]);
        for (i, em) in rows.enumerate() {
            let m = mask(i + 1);
            let prev = score;
            let mut back = [0u8; NUM_TAGS];
            for g in &trans.groups {
                // The best move into each tag of the group, predecessors
                // in order (the first of equal scores wins).
                let width = g.targets.len().min(NUM_TAGS);
                let mut best = [f32::NEG_INFINITY; NUM_TAGS];
                let mut arg = [0u8; NUM_TAGS];
                for (&a, next) in g.preds.iter().zip(&g.next) {
                    let p = prev[usize::from(a & 31)];
                    let lanes = best[..width].iter_mut().zip(&mut arg[..width]);
                    for ((best, arg), &w) in lanes.zip(&next[..width]) {
                        let s = p + w;
                        if s > *best {
                            *best = s;
                            *arg = a;
                        }
                    }
                }
                for ((&b, &best), &arg) in g.targets.iter().zip(&best).zip(&arg) {
                    let b = usize::from(b & 31);
                    if m & (1 << b) == 0 {
                        score[b] = f32::NEG_INFINITY;
                        continue;
                    }
                    score[b] = best + em.get(b).copied().unwrap_or(0.0);
                    if let Some(slot) = back.get_mut(b) {
                        *slot = arg;
                    }
                }
            }
            self.back.push(back);
        }
        let mut best = f32::NEG_INFINITY;
        let mut arg = None;
        for (t, &s) in score.iter().enumerate().take(NUM_TAGS) {
            let end = if bounds.outside_after {
                trans.next[t][o]
            } else {
                trans.end[t]
            };
            let s = s + end;
            if s > best {
                best = s;
                arg = Some(t as u8);
            }
        }
        out.resize(n, tags::O);
        let Some(mut t) = arg else {
            return f32::NEG_INFINITY;
        };
        for (slot, back) in out.iter_mut().zip(&self.back).rev() {
            *slot = t;
            t = back.get(usize::from(t)).copied().unwrap_or(0);
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
