//! Names: PERSON, ORG, PLACE and MISC mentions.
//!
//! The [`NameTagger`] trait is the seam between the pipeline and whatever
//! finds names; [`rules::RuleTagger`] is the first, rule-based
//! implementation and [`tagger::ModelTagger`] the trained one (the default).

pub mod casing;
pub mod dateline;
pub mod lexicon;
pub mod memory;
pub mod rules;
pub mod tagger;
pub mod titles;
pub mod words;

use super::Entity;
use crate::text::Document;

/// Finds name mentions (PERSON, ORG, PLACE, MISC) in a document.
///
/// Implementations must not panic on any document, must return spans on
/// token boundaries that do not overlap each other, and must be
/// deterministic.
pub trait NameTagger: Send + Sync {
    /// The name mentions in `doc`, in any order.
    fn tag(&self, doc: &Document) -> Vec<Entity>;
}

/// The tagger `analyse` uses: the embedded trained model, or the rules if
/// the model cannot be decoded.
pub fn default_tagger() -> &'static dyn NameTagger {
    static RULES: rules::RuleTagger = rules::RuleTagger;
    match tagger::ModelTagger::embedded() {
        Some(t) => t,
        None => &RULES,
    }
}
