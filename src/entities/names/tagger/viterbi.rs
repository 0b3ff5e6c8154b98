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
    /// The moves into the tags that may follow an `O`, `L` or `U`
    /// ([`OPEN`]: `O`, `B`, `U`) from those tags ([`CLOSED`]):
    /// `open[k][j]` is the score of the move from `CLOSED[k]` to
    /// `OPEN[j]`. Every such move is allowed.
    open: [[f32; OPEN.len()]; CLOSED.len()],
    /// The moves inside a mention of each label: `inner[l][k][j]` is the
    /// score of the move from its `B` (k = 0) or `I` (k = 1) to its `I`
    /// (j = 0) or `L` (j = 1). These and the moves of `open` are all the
    /// moves BILOU allows, so decoding skips the impossible ones and keeps
    /// its running maxima in fixed-size arrays (registers).
    inner: [[[f32; 2]; 2]; LABELS],
}

/// Number of name labels.
const LABELS: usize = (NUM_TAGS - 1) / 4;

/// The tags that may follow `O`, `L` or `U`: `O`, then `B` and `U` of each
/// label.
const OPEN: [u8; 1 + 2 * LABELS] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The tags that `O`, `B` and `U` may follow: `O`, then `L` and `U` of
/// each label (in tag order: of equal scores, the first predecessor wins).
const CLOSED: [u8; 1 + 2 * LABELS] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

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
            open: [[0.0; OPEN.len()]; CLOSED.len()],
            inner: [[[0.0; 2]; 2]; LABELS],
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
        let at = |a: u8, b: u8| t.next[usize::from(a)][usize::from(b)];
        let mut open = [[0.0; OPEN.len()]; CLOSED.len()];
        for (row, &a) in open.iter_mut().zip(&CLOSED) {
            for (slot, &b) in row.iter_mut().zip(&OPEN) {
                *slot = at(a, b);
            }
        }
        let mut inner = [[[0.0; 2]; 2]; LABELS];
        for (l, moves) in inner.iter_mut().enumerate() {
            let (b, i, last) = (1 + 4 * l as u8, 2 + 4 * l as u8, 3 + 4 * l as u8);
            *moves = [[at(b, i), at(b, last)], [at(i, i), at(i, last)]];
        }
        t.open = open;
        t.inner = inner;
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
            let em = |b: usize| em.get(b).copied().unwrap_or(0.0);
            // The best move into each tag that may follow O, L or U,
            // predecessors in order (the first of equal scores wins).
            let mut best = [f32::NEG_INFINITY; OPEN.len()];
            let mut arg = [0u8; OPEN.len()];
            for (&a, next) in CLOSED.iter().zip(&trans.open) {
                let p = prev[usize::from(a & 31)];
                for ((best, arg), &w) in best.iter_mut().zip(arg.iter_mut()).zip(next) {
                    let s = p + w;
                    if s > *best {
                        *best = s;
                        *arg = a;
                    }
                }
            }
            for ((&b, &best), &arg) in OPEN.iter().zip(&best).zip(&arg) {
                let b = usize::from(b & 31);
                if m & (1 << b) == 0 {
                    score[b] = f32::NEG_INFINITY;
                    continue;
                }
                score[b] = best + em(b);
                if let Some(slot) = back.get_mut(b) {
                    *slot = arg;
                }
            }
            // Inside a mention: I and L of a label after its B or I.
            for (l, moves) in trans.inner.iter().enumerate() {
                let (b, i) = (1 + 4 * l, 2 + 4 * l);
                let from = [prev[b & 31], prev[i & 31]];
                for (j, to) in [i, i + 1].into_iter().enumerate() {
                    let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
                    for (k, (&p, row)) in from.iter().zip(moves).enumerate() {
                        let s = p + row.get(j).copied().unwrap_or(f32::NEG_INFINITY);
                        if s > best {
                            best = s;
                            arg = (b + k) as u8;
                        }
                    }
                    let to = to & 31;
                    if m & (1 << to) == 0 {
                        score[to] = f32::NEG_INFINITY;
                        continue;
                    }
                    score[to] = best + em(to);
                    if let Some(slot) = back.get_mut(to) {
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
    fn the_move_tables_hold_every_allowed_move() {
        for a in 0..NUM_TAGS as u8 {
            for b in 0..NUM_TAGS as u8 {
                let open = CLOSED.contains(&a) && OPEN.contains(&b);
                let inner = matches!(
                    (tags::split(a), tags::split(b)),
                    (Some((x, Part::Begin | Part::Inside)), Some((y, Part::Inside | Part::Last)))
                        if x == y
                );
                assert_eq!(tags::allowed(a, b), open || inner, "{a} -> {b}");
            }
        }
        assert!(CLOSED.windows(2).all(|w| w[0] < w[1]));
    }

    /// Viterbi over every pair of tags, predecessors in tag order.
    #[allow(clippy::needless_range_loop)]
    fn reference(em: &[f32], t: &Transitions, allowed: &[u32], bounds: Bounds) -> (Vec<u8>, f32) {
        let n = em.len() / NUM_TAGS;
        let ok = |i: usize, b: usize| allowed[i] & (1 << b) != 0;
        let mut score = [f32::NEG_INFINITY; NUM_TAGS];
        for b in 0..NUM_TAGS {
            if ok(0, b) {
                let s = if bounds.outside_before {
                    t.next[0][b]
                } else {
                    t.start[b]
                };
                score[b] = s + em[b];
            }
        }
        let mut back = vec![[0u8; NUM_TAGS]; n];
        for i in 1..n {
            let prev = score;
            for b in 0..NUM_TAGS {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
                for a in 0..NUM_TAGS {
                    if t.next[a][b] == f32::NEG_INFINITY {
                        continue;
                    }
                    let s = prev[a] + t.next[a][b];
                    if s > best {
                        (best, arg) = (s, a as u8);
                    }
                }
                score[b] = if ok(i, b) {
                    best + em[i * NUM_TAGS + b]
                } else {
                    f32::NEG_INFINITY
                };
                back[i][b] = if ok(i, b) { arg } else { 0 };
            }
        }
        let (mut best, mut arg) = (f32::NEG_INFINITY, None);
        for b in 0..NUM_TAGS {
            let end = if bounds.outside_after {
                t.next[b][0]
            } else {
                t.end[b]
            };
            if score[b] + end > best {
                (best, arg) = (score[b] + end, Some(b as u8));
            }
        }
        let mut out = vec![tags::O; n];
        if let Some(mut b) = arg {
            for i in (0..n).rev() {
                out[i] = b;
                b = back[i][usize::from(b)];
            }
        }
        (out, best)
    }

    #[test]
    fn agrees_with_decoding_over_every_pair() {
        // Small integer scores, so that ties are frequent.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 7) as f32 - 3.0
        };
        let mut v = Viterbi::default();
        let mut out = Vec::new();
        for round in 0..300 {
            let mut moves = [[0.0; NUM_TAGS]; NUM_TAGS];
            moves.iter_mut().flatten().for_each(|w| *w = next());
            let (mut start, mut end) = ([0.0; NUM_TAGS], [0.0; NUM_TAGS]);
            start
                .iter_mut()
                .chain(end.iter_mut())
                .for_each(|w| *w = next());
            let t = Transitions::constrained(&moves, &start, &end);
            let n = 1 + round % 6;
            let em: Vec<f32> = (0..n * NUM_TAGS).map(|_| next()).collect();
            let allowed: Vec<u32> = (0..n)
                .map(|_| {
                    if next() > 1.0 {
                        (next() as i32 as u32).wrapping_mul(0x9e37_79b9)
                    } else {
                        tags::ANY
                    }
                })
                .collect();
            let bounds = Bounds {
                outside_before: round % 2 == 0,
                outside_after: round % 3 == 0,
            };
            let best = v.decode(&em, &t, Some(&allowed), bounds, &mut out);
            let (want, want_best) = reference(&em, &t, &allowed, bounds);
            assert_eq!((&out, best), (&want, want_best), "round {round}");
        }
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
