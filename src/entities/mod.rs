//! Entity mentions: names (PERSON, ORG, PLACE, MISC) from a [`NameTagger`],
//! and pattern types (DATE … EMAIL) from rules. The two layers are merged into
//! one list of non-overlapping mentions.

pub mod label;
pub mod merge;
pub mod names;
pub mod patterns;

pub use label::Label;
pub use names::NameTagger;

use crate::span::Span;
use crate::text::Document;

/// One entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Byte span of the mention (titles such as "Mayor" are not part of a
    /// PERSON span).
    pub span: Span,
    /// What kind of entity it is.
    pub label: Label,
}

impl Entity {
    /// A mention of `label` over `span`.
    pub const fn new(span: Span, label: Label) -> Self {
        Entity { span, label }
    }
}

/// Finds every entity mention in the document: pattern entities plus the
/// names found by `tagger`, merged so that no two overlap, in text order.
pub fn recognise(doc: &Document, tagger: &dyn NameTagger) -> Vec<Entity> {
    let mut candidates = patterns::find(doc);
    candidates.extend(tagger.tag(doc));
    merge::resolve(candidates)
}
