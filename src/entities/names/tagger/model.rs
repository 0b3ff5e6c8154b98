//! The model file: quantised feature weights and transitions, and the
//! in-memory table that looks weights up by feature key.
//!
//! File layout (little-endian), designed to be small and to compress well
//! inside the wasm:
//!
//! ```text
//! "LEDENER1"                      magic
//! u8      number of tags (17)
//! f32     scale: one weight unit in perceptron score units (informative)
//! i16 × (T·T + 2T)                transitions, start, end (weight units)
//! u32     number of features N
//! 65536 × varint                  how many keys have each value of the top 16 bits
//! N × u16                         the low 16 bits of the keys, in sorted order
//! N × varint                      bit mask of the tags with a non-zero weight
//! Σ popcount × i8                 those weights, feature by feature
//! ```

use super::tags::NUM_TAGS;
use super::viterbi::Transitions;
use crate::model_bytes::{put_varint, Reader};

/// The file's first bytes.
pub const MAGIC: &[u8; 8] = b"LEDENER1";

/// The weights of one feature, aligned so that reading them touches one
/// cache line (unaligned 24-byte rows straddle two lines a third of the
/// time).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(32))]
struct Slot {
    /// One weight per tag plus 128 (so 128 means 0), padded with 128s.
    weights: [u8; ROW],
}

/// Weights per slot: the tags, padded to a multiple of eight bytes.
const ROW: usize = 24;

impl Slot {
    /// The biased weights as three little-endian words of eight bytes.
    #[inline]
    fn words(&self) -> [u64; 3] {
        let w = &self.weights;
        let word = |k: usize| {
            let mut b = [0u8; 8];
            if let Some(src) = w.get(8 * k..8 * k + 8) {
                b.copy_from_slice(src);
            }
            u64::from_le_bytes(b)
        };
        [word(0), word(1), word(2)]
    }
}

/// A decoded model.
#[derive(Clone, Debug)]
pub struct Model {
    /// Open-addressing table of feature keys (0 = empty), probed on its
    /// own: 16 keys to a cache line, and small enough (1 MB for 81 k
    /// features) to stay in a core's cache, where keys and weights side by
    /// side (8 MB) did not. A key missing from the model (a fifth of those
    /// looked up) then costs no trip to memory, and a found one one trip
    /// for its weights. Decoding: −12 % wall clock (MODEL_CARD).
    keys: Vec<u32>,
    /// The weights of the key in the same place of `keys`.
    slots: Vec<Slot>,
    /// Number of features.
    features: usize,
    /// Transitions with the BILOU constraints applied.
    pub transitions: Transitions,
    /// Perceptron score units per weight unit.
    pub scale: f32,
}

/// Everything needed to write a model file.
#[derive(Clone, Debug, Default)]
pub struct Parts {
    /// Perceptron score units per weight unit.
    pub scale: f32,
    /// Transition weights `[from][to]`.
    pub next: [[i16; NUM_TAGS]; NUM_TAGS],
    /// Start weights.
    pub start: [i16; NUM_TAGS],
    /// End weights.
    pub end: [i16; NUM_TAGS],
    /// Feature keys and their weights (any order; zero rows are dropped).
    pub features: Vec<(u32, [i8; NUM_TAGS])>,
}

impl Parts {
    /// Serialises the model.
    pub fn encode(&self) -> Vec<u8> {
        let mut feats: Vec<&(u32, [i8; NUM_TAGS])> = self
            .features
            .iter()
            .filter(|(k, w)| *k != 0 && w.iter().any(|&x| x != 0))
            .collect();
        feats.sort_by_key(|(k, _)| *k);
        feats.dedup_by_key(|(k, _)| *k);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(NUM_TAGS as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.next {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for v in self.start.iter().chain(&self.end) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        // Sorted random keys: the top halves as counts per bucket (small
        // numbers that compress well), the bottom halves as they are.
        let mut bucket = 0usize;
        let mut count = 0u32;
        for (k, _) in &feats {
            let high = (*k >> 16) as usize;
            while bucket < high {
                put_varint(&mut out, count);
                count = 0;
                bucket += 1;
            }
            count += 1;
        }
        while bucket < 1 << 16 {
            put_varint(&mut out, count);
            count = 0;
            bucket += 1;
        }
        for (k, _) in &feats {
            out.extend_from_slice(&(*k as u16).to_le_bytes());
        }
        for (_, w) in &feats {
            let mask = w
                .iter()
                .enumerate()
                .fold(0u32, |m, (t, &x)| if x != 0 { m | 1 << t } else { m });
            put_varint(&mut out, mask);
        }
        for (_, w) in &feats {
            out.extend(w.iter().filter(|&&x| x != 0).map(|&x| x as u8));
        }
        out
    }
}

impl Parts {
    /// Reads a model file back into its parts (features in key order);
    /// `None` if it is malformed. For tools that rewrite a model (the
    /// trainer's `--prune-from`), not for inference.
    pub fn decode(bytes: &[u8]) -> Option<Parts> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC || usize::from(r.u8()?) != NUM_TAGS {
            return None;
        }
        let mut parts = Parts {
            scale: f32::from_le_bytes(r.take(4)?.try_into().ok()?),
            ..Parts::default()
        };
        for v in parts.next.iter_mut().flatten() {
            *v = r.i16()?;
        }
        for v in parts.start.iter_mut().chain(parts.end.iter_mut()) {
            *v = r.i16()?;
        }
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return None;
        }
        let mut keys = Vec::with_capacity(n);
        for high in 0..1u32 << 16 {
            let count = r.varint()? as usize;
            if keys.len() + count > n {
                return None;
            }
            keys.extend(std::iter::repeat_n(high << 16, count));
        }
        if keys.len() != n {
            return None;
        }
        for k in keys.iter_mut() {
            let low = r.take(2)?;
            *k |= u32::from(u16::from_le_bytes([*low.first()?, *low.get(1)?]));
        }
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            let mask = r.varint()?;
            if mask >> NUM_TAGS != 0 {
                return None;
            }
            masks.push(mask);
        }
        for (&k, &mask) in keys.iter().zip(&masks) {
            let mut w = [0i8; NUM_TAGS];
            for (t, x) in w.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *x = r.u8()? as i8;
                }
            }
            parts.features.push((k, w));
        }
        r.at_end().then_some(parts)
    }
}

impl Model {
    /// Decodes a model file; `None` if it is malformed.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        Model::from_parts(&Parts::decode(bytes)?)
    }

    /// The lookup table for `parts`; `None` if a key is 0 (the empty slot).
    fn from_parts(parts: &Parts) -> Option<Model> {
        let n = parts.features.len();
        let widen = |row: &[i16; NUM_TAGS]| row.map(f32::from);
        let next = parts.next.map(|row| widen(&row));
        // Load factor at most 1/2: most keys looked up are found in, or
        // missing from, their first slot (at 2/3 the probes for missing
        // keys cost a fifth more instructions in the tagger).
        let capacity = (2 * n + 1).next_power_of_two().max(16);
        let mut model = Model {
            keys: vec![0; capacity],
            slots: vec![Slot::default(); capacity],
            features: 0,
            transitions: Transitions::constrained(&next, &widen(&parts.start), &widen(&parts.end)),
            scale: parts.scale,
        };
        for &(k, weights) in &parts.features {
            if k == 0 {
                return None;
            }
            let mut w = [128u8; ROW];
            for (slot, &x) in w.iter_mut().zip(&weights) {
                // i8 two's complement → offset binary.
                *slot = x as u8 ^ 0x80;
            }
            model.insert(k, w);
        }
        Some(model)
    }

    fn insert(&mut self, key: u32, weights: [u8; ROW]) {
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        while let Some(k) = self.keys.get_mut(i) {
            if *k == 0 {
                *k = key;
                if let Some(slot) = self.slots.get_mut(i) {
                    *slot = Slot { weights };
                }
                self.features += 1;
                return;
            }
            if *k == key {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The weights of feature `key` (one per tag), if the model has it.
    pub fn row(&self, key: u32) -> Option<[i8; NUM_TAGS]> {
        let slot = self.find(key)?;
        let mut w = [0i8; NUM_TAGS];
        for (x, &b) in w.iter_mut().zip(&slot.weights) {
            *x = (b ^ 0x80) as i8;
        }
        Some(w)
    }

    /// Adds the weights of `keys` to `scores` (one per tag).
    ///
    /// The weights are summed four at a time in 16-bit lanes of `u64`s
    /// (offset by 128 to make them unsigned), which is several times faster
    /// than byte-by-byte in a wasm build without SIMD.
    #[inline]
    pub fn score(&self, keys: &[u32], scores: &mut [f32]) {
        const LANES: u64 = 0x00ff_00ff_00ff_00ff;
        // A 16-bit lane holds 257 sums of bytes: add in chunks of 256 keys.
        for chunk in keys.chunks(256) {
            let mut even = [0u64; 3];
            let mut odd = [0u64; 3];
            let mut hits = 0i32;
            for &k in chunk {
                if let Some(slot) = self.find(k) {
                    let words = slot.words();
                    for ((e, o), w) in even.iter_mut().zip(odd.iter_mut()).zip(words) {
                        *e += w & LANES;
                        *o += (w >> 8) & LANES;
                    }
                    hits += 1;
                }
            }
            let bias = 128 * hits;
            // Tag `t` is in word `t / 8`, lane `(t % 8) / 2`, of `even` or
            // `odd` by its parity.
            let mut sums = [0i32; ROW];
            for (k, (&e, &o)) in even.iter().zip(&odd).enumerate() {
                for lane in 0..4 {
                    let t = 8 * k + 2 * lane;
                    sums[t] = ((e >> (16 * lane)) & 0xffff) as i32 - bias;
                    sums[t + 1] = ((o >> (16 * lane)) & 0xffff) as i32 - bias;
                }
            }
            for (s, &sum) in scores.iter_mut().zip(&sums).take(NUM_TAGS) {
                *s += sum as f32;
            }
        }
    }

    #[inline]
    fn find(&self, key: u32) -> Option<&Slot> {
        let mask = self.keys.len().wrapping_sub(1);
        let mut i = key as usize & mask;
        loop {
            let k = *self.keys.get(i)?;
            if k == key {
                return self.slots.get(i);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.features
    }

    /// True for a model without features.
    pub fn is_empty(&self) -> bool {
        self.features == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Parts {
        let mut parts = Parts {
            scale: 0.5,
            ..Parts::default()
        };
        parts.next[0][1] = -3;
        parts.start[4] = 2;
        let mut w = [0i8; NUM_TAGS];
        w[1] = 7;
        w[16] = -128;
        parts.features.push((42, w));
        parts.features.push((7, [1; NUM_TAGS]));
        parts.features.push((9, [0; NUM_TAGS]));
        parts
    }

    #[test]
    fn round_trip() {
        let bytes = sample().encode();
        let m = Model::decode(&bytes).expect("valid model");
        assert_eq!(m.len(), 2);
        assert_eq!(m.row(42).map(|w| (w[1], w[16], w[0])), Some((7, -128, 0)));
        assert_eq!(m.row(7).map(|w| w[5]), Some(1));
        assert!(m.row(9).is_none() && m.row(8).is_none());
        assert_eq!(m.transitions.next[0][1], -3.0);
        assert_eq!(m.transitions.start[4], 2.0);
        let mut scores = [0f32; NUM_TAGS];
        m.score(&[42, 7, 1000], &mut scores);
        assert_eq!(scores[1], 8.0);
        assert_eq!(scores[16], -127.0);
        assert_eq!(scores[0], 1.0);
        // Many keys: the 16-bit lanes must not overflow.
        let mut many = [0f32; NUM_TAGS];
        m.score(&[42; 1000], &mut many);
        assert_eq!((many[1], many[16], many[0]), (7000.0, -128_000.0, 0.0));
    }

    #[test]
    fn parts_read_back_as_written() {
        let bytes = sample().encode();
        let parts = Parts::decode(&bytes).expect("valid model");
        assert_eq!(parts.features.len(), 2);
        assert_eq!(
            (parts.next[0][1], parts.start[4], parts.scale),
            (-3, 2, 0.5)
        );
        assert_eq!(parts.encode(), bytes);
        assert!(Parts::decode(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Parts::decode(&longer).is_none());
    }

    #[test]
    fn truncated_or_corrupt_files_are_rejected() {
        let bytes = sample().encode();
        let n = bytes.len();
        let cuts = (0..n).step_by(4099).chain(n.saturating_sub(40)..n);
        for cut in cuts {
            assert!(Model::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert!(Model::decode(&bad).is_none());
    }
}
