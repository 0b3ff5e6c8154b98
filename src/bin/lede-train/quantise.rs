//! From averaged float weights to the compact model file: one scale for
//! all weights, rounding to i8, and pruning of features whose weights all
//! round to (almost) nothing.

use lede::entities::names::tagger::model::Parts;
use lede::entities::names::tagger::tags::NUM_TAGS;

use crate::perceptron::Averaged;

/// Quantises `avg` (weights by feature id, keys by id) into model parts.
/// Features whose largest |weight| is at most `prune` units are dropped.
/// Single weights of at most `zero` units are set to zero.
pub fn quantise(avg: &Averaged, keys: &[u32], prune: i32, zero: i32) -> Parts {
    let max = avg
        .w
        .iter()
        .chain(avg.next.iter().flatten())
        .fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let q8 = |x: f32| (x / scale).round().clamp(-127.0, 127.0) as i8;
    let q16 = |x: f32| (x / scale).round().clamp(-32767.0, 32767.0) as i16;
    let mut parts = Parts {
        scale,
        ..Parts::default()
    };
    for (a, row) in avg.next.iter().enumerate() {
        for (b, &x) in row.iter().enumerate() {
            parts.next[a][b] = q16(x);
        }
    }
    for t in 0..NUM_TAGS {
        parts.start[t] = q16(avg.start[t]);
        parts.end[t] = q16(avg.end[t]);
    }
    for (id, &key) in keys.iter().enumerate() {
        let Some(w) = avg.w.get(id * NUM_TAGS..(id + 1) * NUM_TAGS) else {
            continue;
        };
        let mut row = [0i8; NUM_TAGS];
        for (r, &x) in row.iter_mut().zip(w) {
            let q = q8(x);
            *r = if i32::from(q).abs() <= zero { 0 } else { q };
        }
        if row.iter().any(|&x| i32::from(x).abs() > prune) {
            parts.features.push((key, row));
        }
    }
    parts
}
