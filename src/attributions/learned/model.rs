//! The attribution model file: a few linear scorers ("heads") over hashed
//! feature keys, with weights quantised to `i8`.
//!
//! File layout (little-endian), small and compressible inside the wasm:
//!
//! ```text
//! "LEDEATR1"                      magic
//! u8      number of heads H
//! H × head:
//!   i32   bias (weight units)
//!   i32   threshold: a score above it is a yes (weight units)
//!   f32   scale: perceptron score units per weight unit (informative)
//!   u32   number of features N
//!   N × varint                    sorted keys, as differences from the previous key
//!   N × i8                        weights
//! ```

use crate::model_bytes::{put_varint, Reader};

/// The file's first bytes.
pub const MAGIC: &[u8; 8] = b"LEDEATR1";

/// One linear scorer, decoded: an open-addressing table from feature key
/// to weight.
///
/// Each slot packs a key's upper 24 bits (its tag, never zero) with its
/// weight in the low byte, so a lookup touches one cache line: scoring is
/// a few dozen random lookups per cue candidate, and with separate key and
/// weight arrays their cache misses were most of the learned model's
/// cost. Two keys differing only in their low byte share a tag; the
/// keys are hashes, so a wrong hit is a one-in-16-million event.
#[derive(Clone, Debug, Default)]
pub struct Linear {
    /// Tag and weight by slot (0 = empty).
    slots: Vec<u32>,
    /// Number of features.
    features: usize,
    /// Added to every score.
    pub bias: i32,
    /// A score above it is a yes.
    pub threshold: i32,
    /// Perceptron score units per weight unit.
    pub scale: f32,
}

/// A head as written: what the trainer produces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// Added to every score.
    pub bias: i32,
    /// A score above it is a yes.
    pub threshold: i32,
    /// Perceptron score units per weight unit.
    pub scale: f32,
    /// Feature keys (non-zero) and weights; zero weights are dropped.
    pub features: Vec<(u32, i8)>,
}

/// Serialises heads into a model file.
pub fn encode(heads: &[Head]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(u8::try_from(heads.len()).unwrap_or(u8::MAX));
    for h in heads.iter().take(usize::from(u8::MAX)) {
        let mut feats: Vec<(u32, i8)> = h
            .features
            .iter()
            .copied()
            .filter(|&(k, w)| k != 0 && w != 0)
            .collect();
        feats.sort_unstable_by_key(|&(k, _)| k);
        feats.dedup_by_key(|(k, _)| *k);
        out.extend_from_slice(&h.bias.to_le_bytes());
        out.extend_from_slice(&h.threshold.to_le_bytes());
        out.extend_from_slice(&h.scale.to_le_bytes());
        out.extend_from_slice(&u32::try_from(feats.len()).unwrap_or(0).to_le_bytes());
        let mut prev = 0u32;
        for &(k, _) in &feats {
            put_varint(&mut out, k - prev);
            prev = k;
        }
        out.extend(feats.iter().map(|&(_, w)| w as u8));
    }
    out
}

/// Decodes a model file into its heads; `None` if it is malformed.
pub fn decode(bytes: &[u8]) -> Option<Vec<Linear>> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let count = r.u8()?;
    let mut heads = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let bias = i32::from_le_bytes(r.four()?);
        let threshold = i32::from_le_bytes(r.four()?);
        let scale = f32::from_le_bytes(r.four()?);
        let n = u32::from_le_bytes(r.four()?) as usize;
        if n > bytes.len() {
            return None;
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            prev = prev.checked_add(r.varint()?)?;
            keys.push(prev);
        }
        let weights = r.take(n)?;
        let capacity = (2 * n + 1).next_power_of_two().max(16);
        let mut head = Linear {
            slots: vec![0; capacity],
            features: 0,
            bias,
            threshold,
            scale,
        };
        for (&k, &w) in keys.iter().zip(weights) {
            if k == 0 {
                return None;
            }
            head.insert(k, w as i8);
        }
        heads.push(head);
    }
    r.at_end().then_some(heads)
}

/// Keys whose home slots [`Linear::score`] loads before reading them.
const CHUNK: usize = 40;

/// The tag of `key` in a slot (never zero: a zero slot is empty).
#[inline]
fn tag(key: u32) -> u32 {
    match key & 0xFFFF_FF00 {
        0 => 0x100,
        t => t,
    }
}

impl Linear {
    fn insert(&mut self, key: u32, weight: i8) {
        let mask = self.slots.len() - 1;
        let t = tag(key);
        let mut i = key as usize & mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if *slot == 0 {
                *slot = t | u32::from(weight as u8);
                self.features += 1;
                return;
            }
            if *slot & 0xFFFF_FF00 == t {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The weight of feature `key`, if the head has it.
    #[inline]
    pub fn weight(&self, key: u32) -> Option<i8> {
        self.probe(key as usize & self.mask(), tag(key))
    }

    /// The slot mask (`usize::MAX` for a head without slots, whose every
    /// lookup then misses).
    #[inline]
    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    /// The weight in the first slot from `i` on (in probe order) that holds
    /// tag `t`; `None` at an empty slot.
    #[inline]
    fn probe(&self, mut i: usize, t: u32) -> Option<i8> {
        let mask = self.mask();
        loop {
            let slot = *self.slots.get(i)?;
            if slot & 0xFFFF_FF00 == t {
                return Some(slot as u8 as i8);
            }
            if slot == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when the head has feature `key` (for a head used as a set).
    #[inline]
    pub fn contains(&self, key: u32) -> bool {
        self.weight(key).is_some()
    }

    /// The bias plus the weights of `keys`.
    ///
    /// The home slots of a chunk of keys are loaded first, independently
    /// of each other, so their cache misses overlap; only a key whose home
    /// slot holds another key probes further (from the next slot: the same
    /// answer as [`Linear::weight`], one load fewer).
    #[inline]
    pub fn score(&self, keys: &[u32]) -> i32 {
        let mask = self.mask();
        // (`slots` has `mask + 1` slots: a masked index needs no bounds
        // check. A head without slots scores its bias.)
        let Some(slots) = self.slots.get(..=mask) else {
            return self.bias;
        };
        let mut total = self.bias;
        // (Chunks as long as a record's features: one pass each way.)
        for chunk in keys.chunks(CHUNK) {
            let mut home = [0u32; CHUNK];
            for (h, &k) in home.iter_mut().zip(chunk) {
                *h = slots.get(k as usize & mask).copied().unwrap_or(0);
            }
            for (&h, &k) in home.iter().zip(chunk) {
                total += self.weight_at(h, k, mask);
            }
        }
        total
    }

    /// The weight of `key` given `home`, the content of its home slot
    /// (probing on from the next slot when another key holds it).
    #[inline(always)]
    fn weight_at(&self, home: u32, key: u32, mask: usize) -> i32 {
        let t = tag(key);
        if home & 0xFFFF_FF00 == t {
            i32::from(home as u8 as i8)
        } else if home != 0 {
            let next = (key as usize & mask).wrapping_add(1) & mask;
            self.probe(next, t).map_or(0, i32::from)
        } else {
            0
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.features
    }

    /// True for a head without features.
    pub fn is_empty(&self) -> bool {
        self.features == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads() -> Vec<Head> {
        vec![
            Head {
                bias: -3,
                threshold: 2,
                scale: 0.5,
                features: vec![(42, 7), (7, -128), (9, 0), (u32::MAX, 1)],
            },
            Head::default(),
        ]
    }

    #[test]
    fn round_trip() {
        let bytes = encode(&heads());
        let h = decode(&bytes).expect("valid file");
        assert_eq!(h.len(), 2);
        assert_eq!((h[0].bias, h[0].threshold, h[0].scale), (-3, 2, 0.5));
        assert_eq!(h[0].len(), 3);
        assert_eq!(h[0].weight(42), Some(7));
        assert_eq!(h[0].weight(u32::MAX), Some(1));
        assert_eq!(h[0].weight(9), None);
        assert_eq!(h[0].score(&[42, 7, 1000, 42]), -3 + 7 - 128 + 7);
        assert!(h[1].is_empty());
    }

    /// `score` probes past an occupied home slot from the next slot on;
    /// it must agree with the plain per-key lookup, collisions included.
    #[test]
    fn score_agrees_with_weight_lookups_under_collisions() {
        // 40 keys in a 128-slot table, many sharing a home slot (keys
        // differing only above bit 7 and in their tag) or a tag.
        let features: Vec<(u32, i8)> = (1..=40u32)
            .map(|n| ((n % 5) << 24 | (n % 3) << 8 | 7, (n as i8) - 20))
            .collect();
        let head = Head {
            bias: 5,
            threshold: 0,
            scale: 1.0,
            features,
        };
        let h = decode(&encode(&[head])).expect("valid file");
        let queries: Vec<u32> = (0..600u32)
            .map(|n| (n % 7) << 24 | (n % 4) << 8 | (n % 9))
            .collect();
        for chunk in queries.chunks(37) {
            let plain: i32 = chunk
                .iter()
                .filter_map(|&k| h[0].weight(k))
                .map(i32::from)
                .sum();
            assert_eq!(h[0].score(chunk), 5 + plain);
        }
        assert!(queries.iter().any(|&k| h[0].weight(k).is_some()));
        assert!(queries.iter().any(|&k| h[0].weight(k).is_none()));
    }

    #[test]
    fn truncated_or_corrupt_files_are_rejected() {
        let bytes = encode(&heads());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert!(decode(&bad).is_none());
    }
}
