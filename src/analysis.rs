//! The pipeline's front door: text → [`Analysis`].

use serde::Deserialize;

use crate::aliases::{self, Group};
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
    /// Entity groups (one per person, organisation, place …), most salient
    /// first; mention indices point into `entities`.
    pub groups: Vec<Group>,
    /// For each entity, the index of its group in `groups` (names always
    /// have one; a HANDLE paired with a name has the name's group).
    pub entity_groups: Vec<Option<usize>>,
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
    let mut grouping = aliases::group(&doc, &entities);
    let found = if options.attributions {
        attributions::find_all(&doc, &entities)
    } else {
        attributions::Found::default()
    };
    grouping.rank(&doc, &entities, &found.attributions);
    if options.labels.is_some() {
        // Grouped over every mention, then filtered: indices stay consistent.
        let keep: Vec<bool> = entities.iter().map(|e| options.wants(e.label)).collect();
        grouping.retain(&keep);
        entities.retain(|e| options.wants(e.label));
    }
    Analysis {
        entities,
        attributions: found.attributions,
        hedged_claims: found.hedged_claims,
        groups: grouping.groups,
        entity_groups: grouping.of_entity,
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

    /// Groups and entities point at each other consistently, whatever the
    /// label filter.
    fn check_groups(a: &Analysis) {
        assert_eq!(a.entity_groups.len(), a.entities.len());
        for (id, g) in a.groups.iter().enumerate() {
            assert!(!g.mentions.is_empty(), "group {id} has no mention");
            for &m in &g.mentions {
                assert_eq!(a.entities[m].label, g.label, "labels never mix");
                assert_eq!(a.entity_groups[m], Some(id));
            }
            assert!(g.mentions.windows(2).all(|w| w[0] < w[1]));
            assert!(g.candidates.iter().all(|&c| c < a.groups.len() && c != id));
            assert!(g.statements.iter().all(|&s| s < a.attributions.len()));
            assert!(g.salience <= 1000);
        }
        for pair in a.groups.windows(2) {
            assert!(pair[0].salience >= pair[1].salience, "most salient first");
        }
        for (e, g) in a.entities.iter().zip(&a.entity_groups) {
            match g {
                Some(g) if e.label == Label::Handle => {
                    assert!(a.groups[*g]
                        .handles
                        .iter()
                        .any(|h| h.slice(TEXT).eq_ignore_ascii_case(e.span.slice(TEXT))))
                }
                Some(g) => assert!(a.groups[*g].mentions.iter().any(|&m| a.entities[m] == *e)),
                None => assert!(!e.label.is_name()),
            }
        }
    }

    const TEXT: &str = "LA Mayor Karen Bass visits flood zone\n\n\
        Los Angeles Mayor Karen Bass toured MacArthur Park on Friday with Federal Emergency \
        Management Agency (FEMA) officials. “We will rebuild,” Bass said. The mayor thanked \
        FEMA and Sen. Alex Padilla, who said Padilla's office would help.\n\n\
        Watch: pic.twitter.com/abc — Bill Melugin (@BillMelugin_) June 6, 2025";

    #[test]
    fn groups_stay_consistent_under_label_filters() {
        let all = analyse(TEXT, &Options::default());
        check_groups(&all);
        assert!(all.groups.iter().any(|g| g.mentions.len() >= 2));
        for labels in [
            vec![Label::Person],
            vec![Label::Handle],
            vec![Label::Place, Label::Date],
            vec![Label::Org, Label::Handle, Label::Person],
            vec![],
        ] {
            let some = analyse(
                TEXT,
                &Options {
                    labels: Some(labels.clone()),
                    ..Options::default()
                },
            );
            check_groups(&some);
            // The same groups, restricted: names and salience do not change.
            for g in &some.groups {
                assert!(all
                    .groups
                    .iter()
                    .any(|x| x.name == g.name && x.salience == g.salience && x.label == g.label));
            }
        }
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
