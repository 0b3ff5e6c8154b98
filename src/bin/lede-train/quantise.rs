//! From averaged float weights to the compact model file: one scale for
//! all weights, rounding to i8, and pruning of features whose weights all
//! round to (almost) nothing.

use lede::entities::names::tagger::model::Parts;
use lede::entities::names::tagger::tags::NUM_TAGS;

use crate::perceptron::Averaged;

/// Quantises `avg` (weights by feature id, keys by id) into model parts.
/// Features whose largest |weight| is at most `prune` units, or whose
/// |weights| add up to at most `prune_sum` units, are dropped. Single
/// weights of at most `zero` units are set to zero.
pub fn quantise(avg: &Averaged, keys: &[u32], prune: i32, prune_sum: i32, zero: i32) -> Parts {
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
            *r = q8(x);
        }
        if let Some(row) = prune_row(row, prune, prune_sum, zero) {
            parts.features.push((key, row));
        }
    }
    parts
}

/// A feature's quantised weights with those of at most `zero` units set to
/// zero, or `None` when the feature is dropped: its largest |weight| is at
/// most `prune` units or its |weights| add up to at most `prune_sum`.
/// Applying it again with the same settings changes nothing.
pub fn prune_row(
    mut row: [i8; NUM_TAGS],
    prune: i32,
    prune_sum: i32,
    zero: i32,
) -> Option<[i8; NUM_TAGS]> {
    for r in row.iter_mut() {
        if i32::from(*r).abs() <= zero {
            *r = 0;
        }
    }
    let largest = row.iter().map(|&x| i32::from(x).abs()).max().unwrap_or(0);
    let sum: i32 = row.iter().map(|&x| i32::from(x).abs()).sum();
    (largest > prune && sum > prune_sum).then_some(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(weights: &[(usize, i8)]) -> [i8; NUM_TAGS] {
        let mut r = [0i8; NUM_TAGS];
        for &(t, w) in weights {
            r[t] = w;
        }
        r
    }

    #[test]
    fn weak_features_are_dropped_by_largest_weight_or_sum() {
        // One strong weight is kept; a largest weight of 4 is not.
        assert!(prune_row(row(&[(1, 20)]), 4, 11, 1).is_some());
        assert!(prune_row(row(&[(1, 4), (2, -4), (3, 4)]), 4, 11, 1).is_none());
        // Largest weight 5 but a sum of 10: dropped by the sum alone.
        assert!(prune_row(row(&[(1, 5), (2, -5)]), 4, 11, 1).is_none());
        assert!(prune_row(row(&[(1, 5), (2, -5), (5, 2)]), 4, 11, 1).is_some());
        // Weights of ±1 are zeroed first and do not count towards the sum.
        let kept = prune_row(row(&[(1, 9), (2, 1), (3, -1), (4, 3)]), 4, 11, 1);
        assert_eq!(kept, Some(row(&[(1, 9), (4, 3)])));
        assert!(prune_row(row(&[(1, 9), (2, 1), (3, -1), (4, 2)]), 4, 11, 1).is_none());
    }

    #[test]
    fn pruning_twice_changes_nothing() {
        let r = row(&[(0, -7), (3, 1), (9, 6), (16, -2)]);
        let once = prune_row(r, 4, 11, 1);
        assert!(once.is_some());
        assert_eq!(once.and_then(|w| prune_row(w, 4, 11, 1)), once);
    }
}
