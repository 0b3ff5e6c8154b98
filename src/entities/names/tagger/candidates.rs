//! Which tokens can be part of a name: words with a capital letter, words
//! in a name gazetteer that are not common words ("tampa", "obama"), and
//! what joins or extends them (up to two short tokens between two such
//! words, as in "Bank of America" or "Douglas & Lomason", and a number next
//! to one, as in "Apollo 13"). The tagger decodes only runs of candidates
//! and leaves everything else outside any name; in news text this skips
//! most tokens.
//!
//! In a sentence written (almost) entirely in lower case, as posts often
//! are ("cant believe trump said that"), capitals say nothing, so every
//! word is a candidate there and the model decides alone.
//!
//! The price: other names written in lower case inside ordinary prose are
//! not found. `MODEL_CARD.md` reports scores with this rule.

use std::ops::Range;

use super::context::Context;
use super::gazetteer::vouches;
use crate::text::{Document, TokenKind};

/// Name particles written in lower case before a name ("de Silva").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "al", "el", "la", "le", "bin",
    "ibn", "du", "dos",
];

/// True for a possessive after a name (`'s`, or `'` `s` in pre-tokenized
/// text), which CoNLL-style names may include ("Lord 's").
fn possessive(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    is_possessive_ending(t) || (t == "s" && matches!(doc.token_text(i.wrapping_sub(1)), "'" | "’"))
}

/// True for a possessive token: `'s`, `’s`, or a bare apostrophe (`Jones'`).
pub(super) fn is_possessive_ending(token: &str) -> bool {
    matches!(token, "'s" | "’s" | "'" | "’")
}

/// True when a gap token may join two candidates: punctuation, numbers and
/// short words ("of", "de", "&", "'s"), not ordinary words ("said").
fn joins(doc: &Document, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    match t.kind {
        TokenKind::Word => doc.token_text(i).chars().count() <= 3,
        TokenKind::Punct | TokenKind::Number | TokenKind::Dash | TokenKind::Symbol => true,
        _ => false,
    }
}

/// True for a sentence of at least three words of which at most one in
/// ten has a capital letter (the pronoun `I` aside): a post written in
/// lower case.
pub fn lower_case_sentence(doc: &Document, ctx: &Context, range: Range<usize>) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for i in range {
        let Some(f) = ctx.forms.get(i) else { continue };
        if doc.tokens.get(i).map(|t| t.kind) != Some(TokenKind::Word) || !f.casing.has_letter {
            continue;
        }
        words += 1;
        // Only a word with a capital can be the pronoun.
        let capital = f.casing.has_upper
            && !matches!(
                doc.token_text(i),
                "I" | "I'm" | "I’m" | "I'll" | "I’ll" | "I've" | "I’ve" | "I'd" | "I’d"
            );
        capitalised += usize::from(capital);
    }
    words >= 3 && capitalised * 10 <= words
}

/// Longest gap of non-candidates that is bridged between two candidates.
const MAX_GAP: usize = 2;

/// Sets `out[k]` for token `range.start + k` of `doc` when it may be part
/// of a name.
pub fn mark(doc: &Document, ctx: &Context, range: Range<usize>, out: &mut Vec<bool>) {
    out.clear();
    // Capitalised words, and lower-case members of the place lists and of
    // the name lists that are not common words ("tampa", "obama"); every
    // word in a lower-case sentence.
    let lower = lower_case_sentence(doc, ctx, range.clone());
    // Handles, hashtags, links and e-mails are never part of a name,
    // whatever their capitals.
    out.extend(range.clone().map(|i| {
        let kind = doc.tokens.get(i).map(|t| t.kind);
        if matches!(
            kind,
            Some(TokenKind::Handle | TokenKind::Hashtag | TokenKind::Url | TokenKind::Email)
        ) {
            return false;
        }
        let upper = ctx.forms.get(i).is_some_and(|f| f.casing.has_upper);
        let word = lower && kind == Some(TokenKind::Word);
        upper || word || vouches(ctx.gazetteer.get(i).copied().unwrap_or(0))
    }));
    let kind = |k: usize| doc.tokens.get(range.start + k).map(|t| t.kind);
    let n = out.len();
    // Numbers next to a candidate.
    for k in 0..n {
        if !out[k] && kind(k) == Some(TokenKind::Number) {
            let before = k > 0 && out[k - 1];
            let after = out.get(k + 1).copied().unwrap_or(false);
            out[k] = before || after;
        }
    }
    // Particles before and possessives after a candidate.
    for k in (0..n).rev() {
        if !out[k] && out.get(k + 1).copied().unwrap_or(false) {
            let text = doc.token_text(range.start + k);
            // Particles are words of two to five bytes.
            out[k] = (2..=5).contains(&text.len()) && PARTICLES.contains(&text);
        }
    }
    for k in 1..n {
        if !out[k] && out[k - 1] {
            out[k] = possessive(doc, range.start + k);
        }
    }
    // Short gaps between candidates.
    let mut last: Option<usize> = None;
    for k in 0..n {
        if !out[k] {
            continue;
        }
        if let Some(p) = last {
            let gap = k - p - 1;
            if (1..=MAX_GAP).contains(&gap) && (p + 1..k).all(|g| joins(doc, range.start + g)) {
                out[p + 1..k].iter_mut().for_each(|x| *x = true);
            }
        }
        last = Some(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::tagger::context::Resources;

    fn marked(text: &str) -> String {
        let doc = Document::new(text);
        let ctx = Context::new(&doc, &Resources::default());
        let mut out = Vec::new();
        mark(&doc, &ctx, 0..doc.tokens.len(), &mut out);
        (0..doc.tokens.len())
            .filter(|&i| out[i])
            .map(|i| doc.token_text(i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn particles_are_short_words() {
        // `mark` only looks up texts of two to five bytes.
        assert!(PARTICLES.iter().all(|p| (2..=5).contains(&p.len())));
        assert_eq!(marked("the works of van Gogh"), "van Gogh");
    }

    #[test]
    fn capitals_connectors_and_numbers() {
        assert_eq!(
            marked("the chief of Bank of America said Apollo 13 was in the news"),
            "Bank of America Apollo 13"
        );
        assert_eq!(marked("he bought an iPhone and sold it"), "iPhone");
        assert_eq!(marked("ARREST BASS now"), "ARREST BASS");
        // A post in lower case: every word may be a name.
        assert_eq!(
            marked("cant believe trump said that lol"),
            "cant believe trump said that lol"
        );
        assert_eq!(marked("I think so too"), "I think so too");
        assert_eq!(marked("we met Karen at the market"), "Karen");
        // Social tokens stay out, even between two names.
        assert_eq!(marked("Café #Budget2025 Café @Maria"), "Café Café");
    }
}
