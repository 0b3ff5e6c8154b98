//! Headline attributions: `Mayor Ortiz: Budget cuts will hit libraries.`
//!
//! News headlines put the speaker before a colon and the claim after it.
//! Decisions:
//! - Only the first paragraph of the document is read, and only when it is
//!   one short line (a headline, not a body paragraph).
//! - The speaker is the few words before the colon (at most
//!   [`MAX_SPEAKER_WORDS`]): a name the entity layer found (a person or an
//!   organisation), or a lone source noun (`Poll:`, `Report:`). A label
//!   that opens with an article (`The Latest:`, `A Curious Plan:`) is a
//!   rubric, not a speaker.
//! - `Ortiz to council:` and `Ortiz on taxes:` name the speaker before `to`
//!   or `on`; the rest is the audience or topic.
//! - The content is the rest of the line, without its final full stop.

use super::confidence::Pattern;
use super::lexicon::{is_capitalised, is_one_of, DETERMINER};
use super::source::Ctx;
use super::{Attribution, AttributionKind};
use crate::entities::Label;
use crate::text::TokenKind;

/// Most words before the colon that can be a speaker.
const MAX_SPEAKER_WORDS: usize = 5;

/// Most tokens in a headline line.
const MAX_HEADLINE_TOKENS: usize = 40;

/// Lone nouns that speak in headlines (`Poll: …`).
const SPEAKING_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "report",
    "study",
    "analysis",
    "newspaper",
    "insiders",
    "historians",
    "experts",
    "economists",
    "analysts",
    "officials",
    "sources",
    "researchers",
    "scientists",
    "aides",
    "critics",
    "voters",
];

/// Words that label a headline's format, not a speaker (`Q&A: The water
/// chief on a dry summer`, `LIVE: …`), even when tagged as a name.
const FORMATS: &[&str] = &[
    "q&a",
    "live",
    "video",
    "watch",
    "explainer",
    "opinion",
    "editorial",
    "interview",
    "transcript",
    "update",
    "breaking",
    "exclusive",
    "photos",
];

/// True when a person or organisation named `name` in the article is the
/// headline's `speaker`: the same words, or the name's last word alone
/// (`Pence:` over a story about Mike Pence, untagged in the headline's
/// capitals).
fn names_speaker(name: &str, speaker: &str) -> bool {
    name == speaker
        || !speaker.contains(' ')
            && name
                .strip_suffix(speaker)
                .is_some_and(|rest| rest.ends_with(' '))
}

/// The headline attribution of the document, if its first line is one.
pub fn find(ctx: &Ctx) -> Option<Attribution> {
    let para = ctx.doc.paragraphs.first()?;
    let (a, b) = (para.tokens.start, para.tokens.end.min(ctx.len()));
    if b <= a || b - a > MAX_HEADLINE_TOKENS {
        return None;
    }
    let colon = (a..(a + MAX_SPEAKER_WORDS + 1).min(b)).find(|&k| ctx.is_punct(k, ":"))?;
    if colon == a
        || !is_capitalised(ctx.word(a))
        || ctx.text_classes(a).has(DETERMINER)
        || is_one_of(ctx.word(a), FORMATS)
    {
        return None;
    }
    if !(a..colon).all(|k| ctx.is_word(k) || ctx.is_punct(k, "-")) {
        return None;
    }
    // `Ortiz to council:` — the speaker ends before `to` / `on`.
    let speaker_end = (a + 1..colon)
        .find(|&k| is_one_of(ctx.word(k), &["to", "on"]))
        .unwrap_or(colon);
    let speaker = ctx.span(a).cover(ctx.span(speaker_end - 1));
    let speaker_text = ctx.doc.slice(speaker);
    let named = ctx.names().iter().any(|e| {
        matches!(e.label, Label::Person | Label::Org)
            && (speaker.contains(e.span) || names_speaker(ctx.doc.slice(e.span), speaker_text))
    });
    let noun = speaker_end == a + 1 && is_one_of(ctx.word(a), SPEAKING_NOUNS);
    if !named && !noun {
        return None;
    }
    let mut end = b;
    while end > colon + 1
        && matches!(
            ctx.kind(end - 1),
            Some(TokenKind::Punct | TokenKind::Dash | TokenKind::Ellipsis)
        )
        && !ctx.is_quote(end - 1)
        && !matches!(ctx.word(end - 1), "!" | "?" | ")")
    {
        end -= 1;
    }
    if end <= colon + 1 {
        return None;
    }
    let content = ctx.span(colon + 1).cover(ctx.span(end - 1));
    Some(Attribution::new(
        AttributionKind::Indirect,
        content,
        Some(ctx.span(colon)),
        Some(speaker),
        Pattern::IndirectPreposed,
    ))
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyse, Options};

    /// (content, source) of each headline-cued record in `text`.
    fn headline_records(text: &str) -> Vec<(String, String)> {
        let analysis = analyse(text, &Options::default());
        analysis
            .attributions
            .iter()
            .filter(|a| a.cue.is_some_and(|c| text.get(c.start..c.end) == Some(":")))
            .map(|a| {
                let slice =
                    |s: crate::span::Span| text.get(s.start..s.end).unwrap_or("").to_string();
                (slice(a.content), a.source.map(slice).unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_named_speaker_before_the_colon() {
        let text = "Mayor Ortiz: Budget cuts will close three libraries.\n\nThe mayor of Dunmore warned on Monday that the city faces a deficit.";
        let found = headline_records(text);
        assert!(
            found
                .iter()
                .any(|(c, s)| c == "Budget cuts will close three libraries" && s.contains("Ortiz")),
            "{found:?}"
        );
    }

    #[test]
    fn a_speaker_named_in_the_article() {
        // `Brand` is a common word: the headline's capitals alone do not
        // make it a name, the treasurer named in the body does.
        let text = "Brand: Tolls Will Stay, Governor Was ‘Wrong’ on Roads.\n\nState treasurer \
                    Leo Brand said on Monday the tolls would stay.";
        let found = headline_records(text);
        assert!(
            found.iter().any(
                |(c, s)| c == "Tolls Will Stay, Governor Was ‘Wrong’ on Roads" && s == "Brand"
            ),
            "{found:?}"
        );
        let unnamed = "Ferries: Fares Will Not Rise This Year.\n\nThe board met on Tuesday.";
        assert!(headline_records(unnamed).is_empty());
    }

    #[test]
    fn rubrics_and_body_colons_are_not_speakers() {
        let rubric = "The Latest: Storm closes the coast road.\n\nCrews worked through the night.";
        assert!(headline_records(rubric).is_empty());
        for format in ["Q&A", "LIVE", "Opinion"] {
            let text =
                format!("{format}: The water chief on a dry summer\n\nMara Quinn runs the board.");
            assert!(headline_records(&text).is_empty(), "{text}");
        }
        let body = "Crews worked through the night.\n\nOrtiz: the road will reopen on Friday.";
        assert!(headline_records(body).is_empty());
    }
}
