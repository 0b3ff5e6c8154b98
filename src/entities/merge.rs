//! Merging candidate mentions from several recognisers into one
//! non-overlapping layer.

use std::collections::BTreeMap;

use super::Entity;

/// Keeps a set of non-overlapping mentions: longer candidates win, then the
/// label with higher [`precedence`](super::Label::precedence), then the
/// earlier one. Returns them in text order.
pub fn resolve(mut candidates: Vec<Entity>) -> Vec<Entity> {
    candidates.retain(|e| !e.span.is_empty());
    candidates.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.label.precedence().cmp(&a.label.precedence()))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Accepted mentions keyed by start; they never overlap, so the only one
    // that can overlap a candidate is the last starting before its end.
    let mut kept: BTreeMap<usize, Entity> = BTreeMap::new();
    for cand in candidates {
        let clash = kept
            .range(..cand.span.end)
            .next_back()
            .is_some_and(|(_, e)| e.span.overlaps(cand.span));
        if !clash {
            kept.insert(cand.span.start, cand);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Label;
    use crate::span::Span;

    fn e(start: usize, end: usize, label: Label) -> Entity {
        Entity::new(Span::new(start, end), label)
    }

    #[test]
    fn longer_wins_then_precedence() {
        let out = resolve(vec![
            e(8, 11, Label::Date),   // "May"
            e(0, 11, Label::Person), // "Theresa May"
            e(20, 24, Label::Quantity),
            e(20, 24, Label::Money),
            e(30, 30, Label::Org),
        ]);
        assert_eq!(out, vec![e(0, 11, Label::Person), e(20, 24, Label::Money)]);
    }

    #[test]
    fn output_never_overlaps() {
        let out = resolve(vec![
            e(0, 5, Label::Org),
            e(3, 9, Label::Place),
            e(9, 12, Label::Misc),
            e(4, 6, Label::Date),
        ]);
        for pair in out.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        assert_eq!(out.len(), 2);
    }
}
