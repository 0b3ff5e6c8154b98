//! Hedges: words by which a writer keeps a claim at a distance
//! (`reportedly`, `allegedly`, `is said to`, `is believed to`).
//!
//! A hedge in the same sentence as an attribution's cue, outside its
//! content, marks that attribution (`Adler reportedly told aides …`). A
//! hedged sentence that no attribution covers is a claim without a source:
//! it is reported on its own, as a [`HedgedClaim`]. Hedges inside
//! quotations are the speaker's and are left alone.

use super::lexicon::{is_one_of, BE_FORM, HEDGE_ADVERB};
use super::source::Ctx;
use super::{Attribution, HedgedClaim};
use crate::span::Span;
use crate::text::{Segment, TokenKind};

/// Participles that hedge after `is`/`are`/`was`/`were` and before `to`
/// (`is said to`, `are believed to`).
fn is_hedge_participle(word: &str) -> bool {
    // (They all end in `d` or `t`: the test spares most words the list.)
    matches!(word.as_bytes().last(), Some(b'd' | b't' | b'D' | b'T'))
        && is_one_of(word, HEDGE_PARTICIPLES)
}

/// The participles of passive hedges (every one ends in `d` or `t`).
const HEDGE_PARTICIPLES: &[&str] = &[
    "said",
    "believed",
    "thought",
    "reported",
    "alleged",
    "rumored",
    "rumoured",
    "understood",
    "claimed",
    "suspected",
];

/// True when word `j` is the participle of a passive hedge (`is said
/// to`, `are widely believed to`, `it is reported that`): a claim without
/// a source, so not a cue.
pub fn is_hedge_passive(ctx: &Ctx, j: usize) -> bool {
    if j == 0 || !is_hedge_participle(ctx.word(j)) {
        return false;
    }
    let mut i = j - 1;
    if i > 0 && ctx.is_word(i) && is_one_of(ctx.word(i), &["widely", "also", "now", "often"]) {
        i -= 1;
    }
    ctx.classes(i).has(BE_FORM) && hedge_at(ctx, i).is_some()
}

/// The hedge starting at token `i`, if any.
fn hedge_at(ctx: &Ctx, i: usize) -> Option<Span> {
    let c = ctx.classes(i);
    if c.has(HEDGE_ADVERB) {
        return Some(ctx.span(i));
    }
    // `is said to`, `are widely believed to`, `it is reported that`.
    if c.has(BE_FORM) {
        let mut j = i + 1;
        if ctx.is_word(j) && is_one_of(ctx.word(j), &["widely", "also", "now", "often"]) {
            j += 1;
        }
        if ctx.is_word(j) && is_hedge_participle(ctx.word(j)) {
            let next = ctx.word(j + 1);
            let impersonal = i > 0 && ctx.word(i - 1).eq_ignore_ascii_case("it") && next == "that";
            if next == "to" || impersonal {
                let start = if impersonal { i - 1 } else { i };
                return Some(ctx.span(start).cover(ctx.span(j + 1)));
            }
        }
    }
    None
}

/// True for a record whose cue is a hedge adverb alone (a learned cue on
/// `reportedly` in `The protests were reportedly organized by unions`):
/// a claim with only a hedge, which no one is shown making. Its subject is
/// the claim's agent, not a source (PolNeAR gives none of the 16 such cues
/// in train a source), so the claim is reported as a [`HedgedClaim`].
/// `apparently` is left alone: with a verb of thinking its subject is the
/// source (`He apparently believed the polls`).
pub fn is_hedge_cued(ctx: &Ctx, a: &Attribution) -> bool {
    let Some(cue) = a.cue else {
        return false;
    };
    let i = ctx.token_at(cue.start);
    ctx.span(i) == cue
        && ctx.classes(i).has(HEDGE_ADVERB)
        && !ctx.word(i).eq_ignore_ascii_case("apparently")
}

/// The hedged sentences of a document: each sentence's first hedge outside
/// quotation marks, found once for [`find`] and [`claims`] (they depend on
/// the text alone, not on the records).
pub struct Hedged(Vec<(Segment, Span)>);

/// The hedged sentences of the document (`quoted`: the tokens inside
/// top-level quotations, whose hedges are the speakers').
pub fn sentences(ctx: &Ctx, quoted: &[bool]) -> Hedged {
    let mut out = Vec::new();
    let words = ctx.phrase_words();
    for sent in &ctx.doc.sentences {
        let (a, b) = (sent.tokens.start, sent.tokens.end.min(ctx.len()));
        // (Only a hedge adverb or a form of `be` can start a hedge: the
        // words `Ctx` lists and the class test spare most tokens the call.)
        let hedge = super::source::within(words, a..b)
            .iter()
            .copied()
            .filter(|&i| ctx.classes(i).has(HEDGE_ADVERB | BE_FORM))
            .filter(|&i| !quoted.get(i).copied().unwrap_or(false))
            .find_map(|i| hedge_at(ctx, i));
        if let Some(hedge) = hedge {
            out.push((sent.clone(), hedge));
        }
    }
    Hedged(out)
}

/// Marks hedged records in `records` (sorted by content start) and returns
/// the hedged claims no record covers.
pub fn find(ctx: &Ctx, hedged: &Hedged, records: &mut [Attribution]) -> Vec<HedgedClaim> {
    let (claims, marks) = scan(ctx, hedged, records);
    for (k, hedge) in marks {
        if let Some(r) = records.get_mut(k) {
            r.hedge.get_or_insert(hedge);
        }
    }
    claims
}

/// The hedged claims no record of `records` (sorted by content start)
/// covers, marking nothing: run again after the learned filters, so that a
/// record they drop (a learned cue on `missed` in `The developer
/// reportedly missed two payments`) no longer hides the claim.
pub fn claims(ctx: &Ctx, hedged: &Hedged, records: &[Attribution]) -> Vec<HedgedClaim> {
    scan(ctx, hedged, records).0
}

/// The hedged claims no record of `records` covers, and the hedge each
/// record with a cue in a hedged sentence is to be marked with (by index;
/// not when its own content holds the hedge). Marking changes no content,
/// so [`find`] applies the marks after the scan.
fn scan(
    ctx: &Ctx,
    hedged: &Hedged,
    records: &[Attribution],
) -> (Vec<HedgedClaim>, Vec<(usize, Span)>) {
    let mut claims = Vec::new();
    let mut marks = Vec::new();
    // Cue offsets of the records, sorted, to find those in a sentence.
    let mut cues: Vec<(usize, usize)> = Vec::with_capacity(records.len());
    cues.extend(
        records
            .iter()
            .enumerate()
            .filter_map(|(k, r)| r.cue.map(|c| (c.start, k))),
    );
    cues.sort_unstable();
    for (sent, hedge) in &hedged.0 {
        let (a, b) = (sent.tokens.start, sent.tokens.end.min(ctx.len()));
        let hedge = *hedge;
        let span = sent.span;
        let lo = cues.partition_point(|c| c.0 < span.start);
        let hi = cues.partition_point(|c| c.0 < span.end);
        let mut marked = false;
        for &(_, k) in cues.get(lo..hi).unwrap_or(&[]) {
            if let Some(r) = records.get(k) {
                if !r.content.contains(hedge) {
                    marks.push((k, hedge));
                }
                marked = true;
            }
        }
        // Records are sorted by content start: those that can hold the hedge
        // start before it (a few dozen back at most).
        let upto = records.partition_point(|r| r.content.start <= hedge.start);
        let covered = marked
            || records[..upto]
                .iter()
                .rev()
                .take(64)
                .any(|r| r.content.contains(hedge) && r.content.overlaps(span));
        if covered {
            continue;
        }
        let mut e = b;
        while e > a
            && matches!(ctx.kind(e - 1), Some(TokenKind::Punct))
            && matches!(ctx.word(e - 1), "." | ";" | ":")
        {
            e -= 1;
        }
        let content = ctx.doc.tokens_span(a..e);
        if !content.is_empty() {
            claims.push(HedgedClaim { content, hedge });
        }
    }
    (claims, marks)
}

#[cfg(test)]
mod tests {
    use super::{is_hedge_participle, HEDGE_PARTICIPLES};
    use crate::attributions::find_rules;
    use crate::text::Document;

    fn claims(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        find_rules(&doc, &[])
            .hedged_claims
            .iter()
            .map(|c| {
                (
                    doc.slice(c.content).to_string(),
                    doc.slice(c.hedge).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn hedge_participles_in_any_case() {
        for w in HEDGE_PARTICIPLES {
            assert!(is_hedge_participle(w), "{w}");
            assert!(is_hedge_participle(&w.to_ascii_uppercase()), "{w}");
        }
        for w in ["say", "saying", "reports", "thinks", "Bass", ""] {
            assert!(!is_hedge_participle(w), "{w}");
        }
    }

    #[test]
    fn unsourced_hedged_claims() {
        assert_eq!(
            claims("The mayor reportedly plans to resign next week."),
            [(
                "The mayor reportedly plans to resign next week".to_string(),
                "reportedly".to_string()
            )]
        );
        assert_eq!(
            claims("The suspect is said to have fled north."),
            [(
                "The suspect is said to have fled north".to_string(),
                "is said to".to_string()
            )]
        );
        assert_eq!(
            claims("It is understood that the talks failed."),
            [(
                "It is understood that the talks failed".to_string(),
                "It is understood that".to_string()
            )]
        );
        // Not hedges: a sourced claim, a quotation, plain statements.
        assert!(claims("“He allegedly lied,” Adler said.").is_empty());
        assert!(claims("The council said the vote was held on Monday.").is_empty());
    }

    #[test]
    fn hedged_attributions_carry_the_hedge() {
        let text = "Adler reportedly told aides that she would resign.";
        let doc = Document::new(text);
        let found = find_rules(&doc, &[]);
        assert!(found.hedged_claims.is_empty());
        let a = &found.attributions[0];
        assert_eq!(a.hedge.map(|h| doc.slice(h)), Some("reportedly"));
    }
}
