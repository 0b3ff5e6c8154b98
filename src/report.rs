//! The output contract: an [`Analysis`] with offsets in a chosen unit and the
//! text of every span, ready to serialise (JSON for the CLI, JS objects for
//! the wasm API). The TypeScript types in `src/wasm.rs` and the README
//! describe the same shape; keep the three in step.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::attributions::AttributionKind;
use crate::entities::Label;
use crate::span::Span;
use crate::text::{OffsetMap, OffsetUnit};

/// A converted span with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanView<'t> {
    /// Start offset, in the report's unit.
    pub start: usize,
    /// End offset (exclusive), in the report's unit.
    pub end: usize,
    /// The text under the span.
    pub text: &'t str,
}

/// An entity mention as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityView<'t> {
    /// Start offset, in the report's unit.
    pub start: usize,
    /// End offset (exclusive), in the report's unit.
    pub end: usize,
    /// The entity label.
    pub label: Label,
    /// The mention's text.
    pub text: &'t str,
}

/// An attribution as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttributionView<'t> {
    /// `direct`, `indirect`, `mixed`, `according_to` or `social_post`.
    pub kind: AttributionKind,
    /// The attributed content.
    pub content: SpanView<'t>,
    /// The reporting verb or phrase, or `null`.
    pub cue: Option<SpanView<'t>>,
    /// The source mention, or `null`.
    pub source: Option<SpanView<'t>>,
}

/// Everything reported for one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report<'t> {
    /// Lede's version.
    pub version: &'static str,
    /// The unit of every offset in this report.
    pub offsets: OffsetUnit,
    /// Entity mentions in text order.
    pub entities: Vec<EntityView<'t>>,
    /// Attributions in text order.
    pub attributions: Vec<AttributionView<'t>>,
    /// Sentences, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SpanView<'t>>>,
    /// Tokens, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<SpanView<'t>>>,
}

impl<'t> Report<'t> {
    /// Converts `analysis` of `text` to offsets in `unit`.
    pub fn new(text: &'t str, analysis: &Analysis, unit: OffsetUnit) -> Self {
        let map = OffsetMap::new(text, unit);
        let view = |s: Span| SpanView {
            start: map.to_unit(s.start),
            end: map.to_unit(s.end),
            text: s.slice(text),
        };
        let optional =
            |spans: &[Span]| (!spans.is_empty()).then(|| spans.iter().map(|&s| view(s)).collect());
        Report {
            version: crate::VERSION,
            offsets: unit,
            entities: analysis
                .entities
                .iter()
                .map(|e| EntityView {
                    start: map.to_unit(e.span.start),
                    end: map.to_unit(e.span.end),
                    label: e.label,
                    text: e.span.slice(text),
                })
                .collect(),
            attributions: analysis
                .attributions
                .iter()
                .map(|a| AttributionView {
                    kind: a.kind,
                    content: view(a.content),
                    cue: a.cue.map(view),
                    source: a.source.map(view),
                })
                .collect(),
            sentences: optional(&analysis.sentences),
            tokens: optional(&analysis.tokens),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyse, Options};

    #[test]
    fn offsets_follow_the_unit() {
        let text = "🤨 see example.org";
        let analysis = analyse(text, &Options::default());
        let bytes = Report::new(text, &analysis, OffsetUnit::Bytes);
        let utf16 = Report::new(text, &analysis, OffsetUnit::Utf16);
        let cps = Report::new(text, &analysis, OffsetUnit::CodePoints);
        assert_eq!((bytes.entities[0].start, bytes.entities[0].end), (9, 20));
        assert_eq!((utf16.entities[0].start, utf16.entities[0].end), (7, 18));
        assert_eq!((cps.entities[0].start, cps.entities[0].end), (6, 17));
        assert_eq!(cps.entities[0].text, "example.org");
    }
}
