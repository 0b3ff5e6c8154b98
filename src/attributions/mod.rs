//! Source attributions: who said what.

use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::span::Span;
use crate::text::Document;

/// The kind of an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// Words in quotation marks attributed to a source.
    Direct,
    /// Reported speech without quotation marks: `X said (that) …`.
    Indirect,
    /// Reported speech containing a partial quote.
    Mixed,
    /// `according to X`, `X reports`, `per X`.
    AccordingTo,
    /// A social-media post pasted into the article, with its trailer.
    SocialPost,
}

/// One attribution: content, the cue that attributes it, and its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// What kind of attribution this is.
    pub kind: AttributionKind,
    /// The attributed content (for direct quotes: inside the marks).
    pub content: Span,
    /// The reporting verb or phrase (`said`, `according to`), if any.
    pub cue: Option<Span>,
    /// The source's mention (`Bass`, `a senior official`), if any.
    pub source: Option<Span>,
}

/// Finds the attributions in `doc`, using `entities` to recognise sources.
/// Returned in text order of their content.
pub fn find(_doc: &Document, _entities: &[Entity]) -> Vec<Attribution> {
    Vec::new()
}
