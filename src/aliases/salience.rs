//! How central an entity is to the article, for ranking the groups:
//! mention count (names, role nouns), how early it first appears, whether
//! it is in the headline or first paragraph, and how many attributions it
//! is the source of.
//!
//! Score in thousandths (0..=1000), a weighted sum of four parts in [0, 1]:
//! 0.45 × ln(1 + mentions) / ln(1 + most mentions of any group)
//! + 0.20 × (1 − first offset / text length)
//! + 0.20 × (1 if a mention is in the top of the article, else 0)
//! + 0.15 × statements / most statements of any group.
//!
//! The top is the first paragraph, plus the second when the first is short
//! enough to be a headline (at most [`HEADLINE_TOKENS`] tokens).

use super::Group;
use crate::entities::Entity;
use crate::text::Document;

/// Longest first paragraph read as a headline, in tokens.
pub const HEADLINE_TOKENS: usize = 25;

/// The salience of each group, in thousandths.
pub fn scores(doc: &Document, entities: &[Entity], groups: &[Group]) -> Vec<u16> {
    let top_end = top_end(doc);
    let count = |g: &Group| g.mentions.len() + g.role_mentions.len();
    let most_mentions = groups.iter().map(count).max().unwrap_or(0);
    let most_statements = groups.iter().map(|g| g.statements.len()).max().unwrap_or(0);
    let length = doc.text.len().max(1) as f64;
    groups
        .iter()
        .map(|g| {
            let mentions = if most_mentions > 0 {
                (1.0 + count(g) as f64).ln() / (1.0 + most_mentions as f64).ln()
            } else {
                0.0
            };
            let early = 1.0 - (g.first as f64 / length).min(1.0);
            let in_top = g
                .mentions
                .iter()
                .filter_map(|&m| entities.get(m).map(|e| e.span.start))
                .chain(g.role_mentions.iter().map(|s| s.start))
                .any(|start| start < top_end);
            let sourced = if most_statements > 0 {
                g.statements.len() as f64 / most_statements as f64
            } else {
                0.0
            };
            let score = 0.45 * mentions
                + 0.20 * early
                + 0.20 * f64::from(u8::from(in_top))
                + 0.15 * sourced;
            (score * 1000.0).round().clamp(0.0, 1000.0) as u16
        })
        .collect()
}

/// End of the top of the article: the first paragraph, and the second
/// when the first is a headline.
fn top_end(doc: &Document) -> usize {
    let mut paragraphs = doc.paragraphs.iter();
    let Some(first) = paragraphs.next() else {
        return 0;
    };
    match paragraphs.next() {
        Some(second) if first.tokens.len() <= HEADLINE_TOKENS => second.span.end,
        _ => first.span.end,
    }
}
