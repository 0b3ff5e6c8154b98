//! Datelines: the place a story was filed from, in capitals, opening its
//! first paragraph before a dash: `PORT AVERY —`, `HEMPSTEAD, N.Y. —`,
//! `SAN DIEGO (AP) —`, `LONDON (Reuters) -`.
//!
//! The capitals are a place whatever the word lists say (`PORT AVERY` is
//! no person), and the word after the dash opens the sentence proper: its
//! capital says nothing (`— Crews worked …`).

use std::ops::Range;

use super::words::{is_all_caps, known_at};
use crate::entities::Label;
use crate::text::{Document, Gap, TokenKind};

/// Most words of the place in capitals.
const MAX_PLACE_WORDS: usize = 4;

/// Most tokens from the line's start to the dash.
const MAX_TOKENS: usize = 12;

/// Rubrics that open a paragraph in capitals before a dash the way a
/// dateline does (`BREAKING —`, `UPDATE —`): never places.
const RUBRICS: &[&str] = &[
    "breaking",
    "update",
    "updated",
    "updates",
    "exclusive",
    "watch",
    "live",
    "video",
    "photos",
    "listen",
    "read",
    "more",
    "analysis",
    "opinion",
    "editorial",
    "explainer",
    "correction",
    "developing",
    "alert",
    "urgent",
    "note",
    "editor's",
    "editor’s",
];

/// A dateline opening a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The tokens of the place in capitals (`PORT AVERY`).
    pub place: Range<usize>,
    /// The dash after the dateline.
    pub dash: usize,
}

/// The dateline starting at token `start`, if one does: `start` opens
/// the text or a line, and the tokens up to a dash are a place in capitals,
/// then optionally `, State` (capitalised words) and a bracketed agency
/// (`(AP)`).
pub fn at(doc: &Document, start: usize) -> Option<Dateline> {
    let opens_line = start == 0 || doc.tokens.get(start)?.gap >= Gap::LineBreak;
    if !opens_line {
        return None;
    }
    let word = |i: usize| doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word);
    let text = |i: usize| doc.token_text(i);
    let mut k = start;
    while word(k) && is_all_caps(text(k)) && k - start < MAX_PLACE_WORDS {
        k += 1;
    }
    let place = start..k;
    if place.is_empty() || RUBRICS.iter().any(|r| text(start).eq_ignore_ascii_case(r)) {
        return None;
    }
    // `, N.Y.`, `, Maine`, `, Calif.`
    let state = text(k) == ",";
    if state {
        k += 1;
        let state = k;
        while word(k) && text(k).chars().next().is_some_and(char::is_uppercase) {
            k += 1;
        }
        if k == state || k - state > 3 {
            return None;
        }
    }
    // `(AP)`, `(Reuters)`
    let agency = text(k) == "(" && word(k + 1) && text(k + 2) == ")";
    if agency {
        k += 3;
    }
    // An em or en dash; hyphens (`-`, `--`) also set off a wire service's
    // topic (`EUROBONDS -`, `IPO FILING --`), so they need a state or an
    // agency before them.
    let is_dash = doc.tokens.get(k).is_some_and(|t| {
        t.kind == TokenKind::Dash
            && t.gap < Gap::LineBreak
            && (state || agency || !text(k).starts_with(crate::text::chars::is_hyphen))
    });
    // The sentence goes on after the dash, on the same line, in prose: a
    // headline in capitals (`SOCCER - JAPAN GET LUCKY WIN`) is no dateline.
    let goes_on = doc
        .tokens
        .get(k + 1)
        .is_some_and(|t| t.gap < Gap::LineBreak && t.is_wordlike());
    let prose = (k + 1..doc.tokens.len())
        .take_while(|&i| doc.tokens.get(i).is_some_and(|t| t.gap < Gap::LineBreak))
        .filter(|&i| word(i))
        .take(4)
        .any(|i| text(i).chars().any(char::is_lowercase));
    (is_dash && goes_on && prose && k - start <= MAX_TOKENS).then_some(Dateline { place, dash: k })
}

/// True when the capitals of `d` are known as something other than a
/// place (`NATO —` is an organisation's rubric, not a dateline place).
pub fn known_otherwise(doc: &Document, d: &Dateline) -> bool {
    known_at(doc, d.place.start, d.place.end)
        .is_some_and(|(n, label)| n == d.place.len() && label != Label::Place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str) -> Option<(String, String)> {
        let doc = Document::new(text);
        let d = at(&doc, 0)?;
        let place = doc.tokens_span(d.place.clone());
        Some((
            doc.slice(place).to_string(),
            doc.token_text(d.dash).to_string(),
        ))
    }

    #[test]
    fn dateline_forms() {
        let some = |p: &str, d: &str| Some((p.to_string(), d.to_string()));
        assert_eq!(
            dateline("PORT AVERY — Crews worked."),
            some("PORT AVERY", "—")
        );
        assert_eq!(
            dateline("HEMPSTEAD, N.Y. — The debate began."),
            some("HEMPSTEAD", "—")
        );
        assert_eq!(
            dateline("SAN DIEGO (AP) — Crews worked."),
            some("SAN DIEGO", "—")
        );
        assert_eq!(
            dateline("LONDON (Reuters) - Crews worked."),
            some("LONDON", "-")
        );
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dateline("BREAKING — The council voted."), None);
        assert_eq!(dateline("Port Avery — Crews worked."), None);
        assert_eq!(dateline("PORT AVERY —\nCrews worked."), None);
        assert_eq!(dateline("The PORT AVERY — crews"), None);
        assert_eq!(dateline("PORT AVERY, and then — Crews"), None);
        // Wire topics before a hyphen, a dash opening the next line.
        assert_eq!(dateline("IPO FILING -- Homegate Inc said."), None);
        assert_eq!(
            dateline("LA PRESSE\n- After the vote, the council met."),
            None
        );
        // A headline in capitals after a rubric.
        assert_eq!(dateline("SOCCER - JAPAN GET LUCKY WIN ."), None);
    }
}
