//! The pipeline's front door: text → [`Analysis`].

use serde::Deserialize;

use crate::attributions::{self, Attribution, HedgedClaim};
use crate::entities::{self, names, Entity, Label};
use crate::span::Span;
use crate::text::Document;

/// What to analyse and report. Every field has a default, so `{}` (or no
/// options at all) means "everything".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Report only these entity labels (all when absent).
    pub labels: Option<Vec<Label>>,
    /// Find source attributions (default `true`).
    pub attributions: bool,
    /// Report sentence spans (default `false`).
    pub sentences: bool,
    /// Report token spans (default `false`).
    pub tokens: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            labels: None,
            attributions: true,
            sentences: false,
            tokens: false,
        }
    }
}

impl Options {
    /// True when mentions with `label` are reported.
    pub fn wants(&self, label: Label) -> bool {
        self.labels.as_ref().is_none_or(|ls| ls.contains(&label))
    }
}

/// The result of analysing one text. All spans are UTF-8 byte offsets into
/// that text; [`crate::report::Report`] converts them for output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Entity mentions in text order; they never overlap.
    pub entities: Vec<Entity>,
    /// Attributions in text order of their content.
    pub attributions: Vec<Attribution>,
    /// Claims hedged without a source (`reportedly`, `is said to`), in text
    /// order.
    pub hedged_claims: Vec<HedgedClaim>,
    /// Sentence spans (only when [`Options::sentences`] is set).
    pub sentences: Vec<Span>,
    /// Token spans (only when [`Options::tokens`] is set).
    pub tokens: Vec<Span>,
}

/// Analyses `text`: entities, attributions and (on request) sentences and
/// tokens.
///
/// Architecture invariant: this never fails and never panics, whatever the
/// input; it does no IO and is deterministic.
pub fn analyse(text: &str, options: &Options) -> Analysis {
    let doc = Document::new(text);
    let mut entities = entities::recognise(&doc, names::default_tagger());
    let found = if options.attributions {
        attributions::find_all(&doc, &entities)
    } else {
        attributions::Found::default()
    };
    entities.retain(|e| options.wants(e.label));
    Analysis {
        entities,
        attributions: found.attributions,
        hedged_claims: found.hedged_claims,
        sentences: if options.sentences {
            doc.sentences.iter().map(|s| s.span).collect()
        } else {
            Vec::new()
        },
        tokens: if options.tokens {
            doc.tokens.iter().map(|t| t.span).collect()
        } else {
            Vec::new()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_text() {
        assert_eq!(analyse("", &Options::default()), Analysis::default());
        assert_eq!(analyse(" \n\t ", &Options::default()), Analysis::default());
    }

    #[test]
    fn label_filter() {
        let text = "Mail desk@example.org or see example.org/tips.";
        let all = analyse(text, &Options::default());
        assert_eq!(all.entities.len(), 2);
        let only_urls = Options {
            labels: Some(vec![Label::Url]),
            ..Options::default()
        };
        let some = analyse(text, &only_urls);
        assert_eq!(some.entities.len(), 1);
        assert_eq!(some.entities[0].label, Label::Url);
    }

    #[test]
    fn sentences_on_request() {
        let opts = Options {
            sentences: true,
            tokens: true,
            ..Options::default()
        };
        let a = analyse("One. Two.", &opts);
        assert_eq!(a.sentences, vec![Span::new(0, 4), Span::new(5, 9)]);
        assert_eq!(a.tokens.len(), 4);
    }
}
