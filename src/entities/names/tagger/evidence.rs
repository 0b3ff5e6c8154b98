//! Document-level evidence for the second pass: what the first pass said
//! about the other occurrences of the same word in the article, so that
//! "Bass" in a later sentence follows "Karen Bass" earlier.

use super::context::Context;
use super::features::{Evidence, EVIDENCE_NONE, EVIDENCE_OUTSIDE};
use super::tags;

/// Evidence for every token, given first-pass `tags` (one per token).
/// Only capitalised words vote and receive evidence; a token's own
/// first-pass label is left out of its evidence.
pub fn evidence(ctx: &Context, tags_in: &[u8]) -> Vec<Evidence> {
    let vote = |i: usize| -> Option<usize> {
        let f = ctx.forms.get(i)?;
        if !f.casing.has_letter || !f.casing.initial_upper {
            return None;
        }
        let t = *tags_in.get(i)?;
        Some(tags::split(t).map_or(4, |(label, _)| label))
    };
    // Votes by lower form (`Context::lowers`).
    let mut counts = vec![[0u16; 5]; ctx.lower_count];
    for (i, &l) in ctx.lowers.iter().enumerate() {
        if let Some(v) = vote(i) {
            if let Some(slot) = counts.get_mut(l as usize).and_then(|c| c.get_mut(v)) {
                *slot = slot.saturating_add(1);
            }
        }
    }
    (0..ctx.forms.len())
        .map(|i| {
            let Some(own) = vote(i) else {
                return EVIDENCE_NONE;
            };
            let l = ctx.lowers.get(i).map_or(usize::MAX, |&l| l as usize);
            let mut c = counts.get(l).copied().unwrap_or([0; 5]);
            if let Some(slot) = c.get_mut(own) {
                *slot = slot.saturating_sub(1);
            }
            // Most frequent label; names win ties against "outside".
            let (best, &n) = c
                .iter()
                .enumerate()
                .max_by_key(|&(k, &n)| (n, usize::from(k < 4), usize::MAX - k))
                .unwrap_or((4, &0));
            match (n, best) {
                (0, _) => EVIDENCE_NONE,
                (_, 4) => EVIDENCE_OUTSIDE,
                (_, label) => label as Evidence + 1,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::tagger::context::Resources;
    use crate::entities::names::tagger::tags::{tag, write_mention, Part};
    use crate::text::Document;

    #[test]
    fn later_mentions_inherit_the_earlier_label() {
        let text = "Karen Bass spoke. Later Bass left. The bass was fresh.";
        let doc = Document::new(text);
        let ctx = Context::new(&doc, &Resources::default());
        let mut t = vec![tags::O; doc.tokens.len()];
        write_mention(&mut t, 0..2, 0); // Karen Bass: PERSON
        let ev = evidence(&ctx, &t);
        let later_bass = 5;
        assert_eq!(doc.token_text(later_bass), "Bass");
        assert_eq!(ev[later_bass], 1, "PERSON from the first sentence");
        // The first Bass sees the second, which the first pass left outside.
        assert_eq!(ev[1], EVIDENCE_OUTSIDE);
        // Lower-case "bass" neither votes nor receives evidence.
        assert_eq!(ev[doc.tokens.len() - 3], EVIDENCE_NONE);
        assert_eq!(ev[0], EVIDENCE_NONE, "Karen appears once");
        assert_eq!(tag(0, Part::Begin), t[0]);
    }
}
