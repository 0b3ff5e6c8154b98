//! Distinct names and the sets they merge into. Every mention with the same
//! label and lookup key is one [`Node`] ("Bass", "BASS" and "Bass's" are one
//! node); the rules then merge nodes into sets with [`Sets`], a union-find
//! whose root is always the set's earliest node, so results do not depend
//! on the order the rules run in.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::Form;
use crate::entities::Label;

/// A map keyed by fingerprints and indices: hashing them again with the
/// standard (DoS-resistant) hasher is wasted work here.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A set with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// A multiply-rotate hasher (as in rustc's FxHash): fast on integer keys,
/// deterministic, and spreads small integers over the high bits.
#[derive(Clone, Copy, Default)]
pub struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            for (slot, b) in word.iter_mut().zip(chunk) {
                *slot = *b;
            }
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// All mentions of one label with one lookup key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The label shared by the mentions.
    pub label: Label,
    /// Indices into the forms, in text order.
    pub forms: Vec<usize>,
    /// The representative form: most words, then not all capitals, then
    /// earliest ("Los Angeles" for "LA" and "Los Angeles").
    pub rep: usize,
    /// Byte offset of the first mention.
    pub first: usize,
}

/// Groups `forms` into nodes, in order of first mention.
pub fn build(forms: &[Form]) -> (Vec<Node>, Vec<usize>) {
    let mut index: FastMap<(Label, u64), usize> = FastMap::default();
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of = Vec::with_capacity(forms.len());
    for (i, f) in forms.iter().enumerate() {
        let n = *index.entry((f.label, f.key)).or_insert_with(|| {
            nodes.push(Node {
                label: f.label,
                forms: Vec::new(),
                rep: i,
                first: f.name.start,
            });
            nodes.len() - 1
        });
        node_of.push(n);
        if let Some(node) = nodes.get_mut(n) {
            node.forms.push(i);
            if let Some(rep) = forms.get(node.rep) {
                if (f.words, !f.caps) > (rep.words, !rep.caps) {
                    node.rep = i;
                }
            }
        }
    }
    (nodes, node_of)
}

/// Disjoint sets of nodes; the root of a set is its smallest (earliest)
/// node.
#[derive(Clone, Debug)]
pub struct Sets {
    parent: Vec<usize>,
    labels: Vec<Label>,
}

impl Sets {
    /// Every node alone.
    pub fn new(nodes: &[Node]) -> Self {
        Sets {
            parent: (0..nodes.len()).collect(),
            labels: nodes.iter().map(|n| n.label).collect(),
        }
    }

    /// The root of `n`'s set.
    pub fn find(&mut self, n: usize) -> usize {
        let mut root = n;
        while let Some(&p) = self.parent.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        // Path compression.
        let mut at = n;
        while let Some(&p) = self.parent.get(at) {
            if p == root {
                break;
            }
            if let Some(slot) = self.parent.get_mut(at) {
                *slot = root;
            }
            at = p;
        }
        root
    }

    /// Merges the sets of `a` and `b`. Architecture invariant: sets never
    /// mix labels, so a merge across labels is refused (returns false).
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        if self.labels.get(a) != self.labels.get(b) {
            return false;
        }
        let (ra, rb) = (self.find(a), self.find(b));
        let (root, child) = (ra.min(rb), ra.max(rb));
        if let Some(slot) = self.parent.get_mut(child) {
            *slot = root;
        }
        true
    }

    /// True when `a` and `b` are in one set.
    pub fn same(&mut self, a: usize, b: usize) -> bool {
        self.find(a) == self.find(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: Label) -> Node {
        Node {
            label,
            forms: vec![],
            rep: 0,
            first: 0,
        }
    }

    #[test]
    fn roots_are_earliest_and_labels_never_mix() {
        let nodes = [
            node(Label::Person),
            node(Label::Person),
            node(Label::Org),
            node(Label::Person),
        ];
        let mut sets = Sets::new(&nodes);
        assert!(sets.union(3, 1));
        assert_eq!(sets.find(3), 1);
        assert!(sets.union(1, 0));
        assert_eq!(sets.find(3), 0);
        assert!(!sets.union(2, 0), "ORG and PERSON never merge");
        assert!(!sets.same(2, 0));
    }
}
