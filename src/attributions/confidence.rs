//! How much to trust each record: a heuristic score in `0..=1`.
//!
//! Each rule that finds attributions ([`Pattern`]) has a base score: the
//! share of that rule's records that matched a gold attribution (content
//! and source) on the PolNeAR training split when the rules were tuned
//! (rounded; the development split was kept for measurement). Two
//! adjustments follow, also read from that split: an unresolved pronoun or
//! missing source lowers the score, and so do cue verbs that attribute less
//! often than `said` does (beliefs, evaluations). The scores are therefore
//! "calibrated-ish": a record scored 0.8 was right about four times in five
//! on news like PolNeAR's, not a probability for any other text.

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
}

impl Pattern {
    /// The base score of the rule.
    pub const fn base(self) -> f32 {
        match self {
            Pattern::DirectCued => 0.85,
            Pattern::DirectCueOnly => 0.6,
            Pattern::DirectTrailer => 0.7,
            Pattern::DirectBare => 0.45,
            Pattern::IndirectPreposed => 0.75,
            Pattern::IndirectPostposed => 0.8,
            Pattern::IndirectParticiple => 0.6,
            Pattern::AccordingTo => 0.85,
            Pattern::Per => 0.7,
            Pattern::SocialPost => 0.9,
        }
    }
}

/// The score of `a` (its pattern, source and stance must be set).
pub fn score(a: &Attribution, cue_is_say: bool) -> f32 {
    let mut s = a.pattern.base();
    let reported = matches!(
        a.pattern,
        Pattern::IndirectPreposed | Pattern::IndirectPostposed | Pattern::IndirectParticiple
    );
    if reported && !cue_is_say {
        s -= match a.stance {
            Stance::Belief => 0.25,
            Stance::Negative | Stance::Question => 0.15,
            _ => 0.1,
        };
    }
    match a.source_type {
        Some(SourceType::Pronoun) => s -= 0.1,
        None if a.pattern != Pattern::DirectBare => s -= 0.1,
        _ => {}
    }
    if a.hedge.is_some() {
        s -= 0.05;
    }
    (s.clamp(0.05, 0.99) * 100.0).round() / 100.0
}
