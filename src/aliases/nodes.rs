//! Distinct names and the sets they merge into. Every mention with the same
//! label and lookup key is one [`Node`] ("Bass", "BASS" and "Bass's" are one
//! node); the rules then merge nodes into sets with [`Sets`], a union-find
//! whose root is always the set's earliest node, so results do not depend
//! on the order the rules run in.

use std::collections::HashMap;

use super::normalize::Form;
use crate::entities::Label;

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
    let mut index: HashMap<(Label, u64), usize> = HashMap::new();
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
