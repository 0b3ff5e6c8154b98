//! How much to trust each record: a heuristic score in `0..=1`.
//!
//! Each rule that finds attributions ([`Pattern`]) has a base score, by the
//! stance of its cue for reported speech: the share of that rule's records
//! that were right (content matching a gold attribution, and the source
//! too when one is given) on the PolNeAR training split when the rules
//! were tuned, rounded; the development split was kept for measurement.
//! Rules that split has no examples of (`per X`, dash trailers, pasted
//! posts) have the team's estimate. An unresolved pronoun source and a
//! hedge lower the score. The scores are "calibrated-ish": a record scored
//! 0.85 was right about 85 times in 100 on 2016 US political news, not a
//! probability for any other text.

use super::cues::Stance;
use super::{Attribution, SourceType};

/// The rule that found a record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// A quotation with a cue and source next to it.
    #[default]
    DirectCued,
    /// A quotation with a cue but no source found.
    DirectCueOnly,
    /// A quotation followed by a dash and a name (`"…" — Jane Doe`).
    DirectTrailer,
    /// A quotation that looks like speech, with no cue.
    DirectBare,
    /// `X said (that) …`: the cue before the content.
    IndirectPreposed,
    /// `…, X said.`: the cue clause after the content.
    IndirectPostposed,
    /// `…, saying …`: a participle hanging on an earlier clause.
    IndirectParticiple,
    /// `according to X`.
    AccordingTo,
    /// `per X`.
    Per,
    /// A pasted social-media post with its trailer.
    SocialPost,
    /// A cue found by the learned cue detector (see
    /// [`super::learned`]).
    LearnedCue,
    /// A turn of an interview transcript (`TAPPER: …`).
    TranscriptTurn,
}

impl Pattern {
    /// The base score of the rule, for a cue of `stance` (`say_or_tell`
    /// when the cue is a form of `say` or `tell`, or `add`).
    pub fn base(self, stance: Stance, say_or_tell: bool) -> f32 {
        match self {
            Pattern::DirectCued => 0.88,
            Pattern::DirectCueOnly => 0.56,
            Pattern::DirectTrailer => 0.7,
            Pattern::DirectBare => 0.54,
            Pattern::IndirectPreposed | Pattern::IndirectParticiple => {
                if say_or_tell {
                    0.86
                } else {
                    match stance {
                        Stance::Assertive | Stance::Concessive => 0.7,
                        Stance::Negative => 0.67,
                        Stance::Neutral | Stance::Question => 0.64,
                        Stance::Written => 0.63,
                        Stance::Belief => 0.43,
                    }
                }
            }
            Pattern::IndirectPostposed => {
                if say_or_tell {
                    0.83
                } else {
                    0.7
                }
            }
            Pattern::AccordingTo => 0.77,
            Pattern::Per => 0.7,
            Pattern::SocialPost => 0.9,
            Pattern::TranscriptTurn => 0.85,
            Pattern::LearnedCue => 0.6,
        }
    }
}

/// The score of `a` (its pattern, stance, source type and hedge must be
/// set): the rule's base, less 0.1 for a pronoun source left unresolved and
/// 0.05 for a hedge, in `0.05..=0.99`, rounded to hundredths.
pub fn score(a: &Attribution, say_or_tell: bool) -> f32 {
    let mut s = a.pattern.base(a.stance, say_or_tell);
    if a.source_type == Some(SourceType::Pronoun) {
        s -= 0.1;
    }
    if a.hedge.is_some() {
        s -= 0.05;
    }
    (s.clamp(0.05, 0.99) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use crate::attributions::find_rules;
    use crate::text::Document;

    fn confidences(text: &str) -> Vec<f32> {
        let doc = Document::new(text);
        find_rules(&doc, &[])
            .attributions
            .iter()
            .map(|a| a.confidence)
            .collect()
    }

    #[test]
    fn scores_follow_the_rule_and_the_source() {
        // A quoted, cued, named speaker outranks reported speech and a bare
        // quotation.
        let cued = confidences("“We are ready,” said Ruth Adler.")[0];
        let reported = confidences("Ruth Adler believes the city is ready.")[0];
        let bare = confidences("“We are ready for anything that comes.” The doors opened.")[0];
        assert!(
            cued > reported && reported < bare,
            "{cued} {reported} {bare}"
        );
        // An unresolved pronoun costs a little.
        let named = confidences("Ruth Adler said the vote was close.")[0];
        let pronoun = confidences("She said the vote was close.")[0];
        assert!(named > pronoun, "{named} {pronoun}");
        for c in [cued, reported, bare, named, pronoun] {
            assert!((0.05..=0.99).contains(&c));
        }
    }
}
