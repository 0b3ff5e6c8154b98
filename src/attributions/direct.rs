//! Direct quotes: a quotation with the reporting verb and source next to it.
//!
//! The three news patterns, read from the marks outwards:
//! - after the quote, source first: `"…," Bass said.`, `"…" Bass told
//!   reporters.`, `"…," the mayor said.`, `"…," Karen Bass, the mayor, said.`;
//! - after the quote, verb first: `"…," said Bass.`, `"…," said Karen Bass,
//!   the mayor of Los Angeles.`;
//! - before the quote: `Bass said: "…"`, `Bass said, "…"`, `Bass told CNN on
//!   Sunday: "…"`, `Clinton, asking, "…"`.
//!
//! A quote is *linked* to what follows when punctuation ties them (`"…,"`,
//! `"…?"`, `"…" —`): then any source-and-verb will do. Without that link
//! (`"…." Bass said`, `"…" Bass told reporters`) the verb must end its clause
//! or take only a short object or adjunct (`told reporters`, `said in a
//! statement`), so that `"…." Bass said the plan would fail.` (a new sentence
//! of reported speech) does not claim the quote.
//!
//! One record may hold several quotations (`content_parts`):
//! - a quote split around its cue, `"We will," she said, "hold the line."`,
//!   and quotations that go on in the same paragraph after the cue clause
//!   with no cue of their own (`"…," she said. "…"`);
//! - a multi-paragraph quote: a paragraph that opens a quotation and does
//!   not close it continues into the next paragraph when that one opens with
//!   a quotation mark (news style); the cue may come in any of the pieces.
//!
//! A quotation with no cue next to it is still reported (no cue, no source)
//! when it looks like speech; see [`looks_like_speech`]. Nested quotations
//! are reported only with a cue of their own: without one, their outer
//! quotation already attributes them.

use super::clause::*;
use super::confidence::Pattern;
use super::cues::Form;
use super::lexicon::*;
use super::quotes::Quote;
use super::source::{np_exact, np_forward, Ctx};
use super::{Attribution, AttributionKind};
use crate::span::Span;
use crate::text::TokenKind;

/// Furthest token after a closing mark at which a cue is looked for (room
/// for `Karen Bass, the mayor of Los Angeles, said`).
const AFTER_WINDOW: usize = 28;

/// Most tokens between two quotations joined around their cue clause
/// (`"…," Bass said, noting that the vote was close. "…"`).
const JOIN_WINDOW: usize = 60;

/// Most words between a cue and an opening mark (`told CNN on Sunday:`).
const BEFORE_COMPLEMENT: usize = 6;

/// A cue and source found for a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    cue: Option<Span>,
    source: Option<Span>,
    /// The cue comes after the quotation.
    after: bool,
}

/// How the quoted text ends, which tells how it ties to what follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    /// `,` or a dash: the sentence goes on outside the marks.
    Comma,
    /// `.` or an ellipsis.
    Period,
    /// `?` or `!`.
    Exclaim,
    /// No punctuation (`"…" Bass told reporters`).
    Bare,
}

/// A direct-quote record and the quotations it holds (indices into the
/// quotations, in order).
#[derive(Clone, Debug)]
pub struct DirectQuote {
    /// The record.
    pub attribution: Attribution,
    /// The quotations whose contents are its parts.
    pub quotes: Vec<usize>,
}

/// Direct-quote attributions for `quotes`, in quotation order.
pub fn attribute(ctx: &Ctx, quotes: &[Quote]) -> Vec<DirectQuote> {
    let found: Vec<Option<Found>> = quotes
        .iter()
        .map(|q| {
            if q.content.is_empty() {
                return None;
            }
            // `she says "venue issue," the venue says "…"`: a cue right
            // before the opening mark governs the quotation, and the clause
            // after it introduces the next one.
            let before = before_quote(ctx, q);
            if before.is_some_and(|b| cue_adjoins(ctx, q, &b)) {
                return before;
            }
            q.close.and_then(|c| after_quote(ctx, q, c)).or(before)
        })
        .collect();
    let mut out: Vec<DirectQuote> = Vec::new();
    let mut used = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        let (Some(q), Some(false)) = (quotes.get(i), used.get(i).copied()) else {
            continue;
        };
        if q.content.is_empty() {
            continue;
        }
        let mut members = vec![i];
        if q.depth == 0 {
            extend_across_paragraphs(quotes, &mut members);
        }
        // The cue: after the last piece, or before the first.
        let cue = members
            .iter()
            .rev()
            .filter_map(|&m| found.get(m).copied().flatten())
            .find(|f| f.after)
            .or_else(|| {
                members
                    .iter()
                    .find_map(|&m| found.get(m).copied().flatten())
            });
        let speech = members
            .iter()
            .any(|&m| quotes.get(m).is_some_and(|q| looks_like_speech(ctx, q)));
        let (cue_span, source) = match cue {
            Some(f) => (f.cue, f.source),
            None if q.depth == 0 && (speech || members.len() > 1) => (None, None),
            None => continue,
        };
        if q.depth == 0 && cue_span.is_some() {
            extend_in_paragraph(ctx, quotes, &found, cue_span, &mut members);
            extend_to_next_paragraphs(ctx, quotes, &found, &mut members);
        }
        for &m in &members {
            if let Some(u) = used.get_mut(m) {
                *u = true;
            }
        }
        let pattern = match (cue_span, source) {
            (Some(_), Some(_)) => Pattern::DirectCued,
            (Some(_), None) => Pattern::DirectCueOnly,
            (None, Some(_)) => Pattern::DirectTrailer,
            (None, None) => Pattern::DirectBare,
        };
        let parts: Vec<Span> = members
            .iter()
            .filter_map(|&m| quotes.get(m).map(|q| q.speech(ctx.doc)))
            .collect();
        let mut attribution = Attribution::new(
            AttributionKind::Direct,
            q.content,
            cue_span,
            source,
            pattern,
        );
        attribution.set_parts(parts);
        out.push(DirectQuote {
            attribution,
            quotes: members,
        });
    }
    out
}

/// True when `found`'s cue ends on the token right before `q`'s opening
/// mark, with no colon or comma between: `says "…"`.
fn cue_adjoins(ctx: &Ctx, q: &Quote, found: &Found) -> bool {
    let before_open = q.open_start.checked_sub(1).map(|t| ctx.span(t).end);
    found.cue.is_some_and(|c| Some(c.end) == before_open)
}

/// Follows an unclosed top-level quotation into the next paragraphs that
/// open with a quotation mark.
fn extend_across_paragraphs(quotes: &[Quote], members: &mut Vec<usize>) {
    loop {
        let Some(&last) = members.last() else {
            return;
        };
        let Some(q) = quotes.get(last) else {
            return;
        };
        if q.close.is_some() || !q.double {
            return;
        }
        // The next top-level quotation, if it opens the next paragraph.
        let next = (last + 1..quotes.len().min(last + 1 + 4 * super::quotes::MAX_DEPTH))
            .find(|&k| quotes.get(k).is_some_and(|n| n.depth == 0));
        let Some(n) = next.and_then(|k| quotes.get(k).map(|n| (k, n))) else {
            return;
        };
        let (k, nq) = n;
        if nq.paragraph.start != q.paragraph.end
            || nq.open_start != nq.paragraph.start
            || !nq.double
        {
            return;
        }
        members.push(k);
    }
}

/// Takes in the paragraphs that follow with nothing but a quotation of no
/// cue of its own: the speaker goes on (`"…," she said.⏎⏎"…"`).
fn extend_to_next_paragraphs(
    ctx: &Ctx,
    quotes: &[Quote],
    found: &[Option<Found>],
    members: &mut Vec<usize>,
) {
    loop {
        let Some(&last) = members.last() else {
            return;
        };
        let Some(q) = quotes.get(last) else {
            return;
        };
        // The quotation must be the last one of its paragraph.
        let next = (last + 1..quotes.len().min(last + 1 + 4 * super::quotes::MAX_DEPTH))
            .find(|&k| quotes.get(k).is_some_and(|n| n.depth == 0));
        let Some((k, nq)) = next.and_then(|k| quotes.get(k).map(|n| (k, n))) else {
            return;
        };
        let whole_paragraph = nq.open_start == nq.paragraph.start
            && nq.close_end.is_some_and(|c| c + 2 >= nq.paragraph.end)
            && (nq.close_end.map_or(0, |c| c + 1)..nq.paragraph.end).all(|t| !ctx.is_word(t));
        let adjacent = nq.paragraph.start == q.paragraph.end;
        let uncued = found.get(k).copied().flatten().is_none();
        if !(whole_paragraph && adjacent && uncued && nq.double && !nq.content.is_empty()) {
            return;
        }
        members.push(k);
    }
}

/// Takes in the quotations that go on after the cue clause in the same
/// paragraph: the other half of a split quote (same cue), or quotations with
/// no cue of their own (`"…," she said. "…"`).
fn extend_in_paragraph(
    ctx: &Ctx,
    quotes: &[Quote],
    found: &[Option<Found>],
    cue: Option<Span>,
    members: &mut Vec<usize>,
) {
    let Some(cue) = cue else {
        return;
    };
    loop {
        let Some(&last) = members.last() else {
            return;
        };
        let Some(q) = quotes.get(last) else {
            return;
        };
        let Some(close) = q.close_end else {
            return;
        };
        let next = (last + 1..quotes.len().min(last + 1 + 4 * super::quotes::MAX_DEPTH))
            .find(|&k| quotes.get(k).is_some_and(|n| n.depth == 0));
        let Some((k, nq)) = next.and_then(|k| quotes.get(k).map(|n| (k, n))) else {
            return;
        };
        if nq.paragraph != q.paragraph || nq.content.is_empty() {
            return;
        }
        let same_cue = found
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|f| f.cue == Some(cue));
        let uncued = found.get(k).copied().flatten().is_none();
        // The cue clause lies between the two, and nothing else quoted.
        let cue_between = cue.start >= ctx.span(close).end
            && cue.end <= ctx.span(nq.open_start).start
            && nq.open_start - close <= JOIN_WINDOW
            && (close + 1..nq.open_start).all(|t| !ctx.is_quote(t));
        let joins = cue_between && (same_cue || uncued);
        if !joins {
            return;
        }
        members.push(k);
        if nq.close.is_none() {
            extend_across_paragraphs(quotes, members);
            return;
        }
    }
}

/// The last token inside the quotation, if any.
fn last_inner(q: &Quote) -> Option<usize> {
    (!q.inner.is_empty()).then(|| q.inner.end - 1)
}

fn ending(ctx: &Ctx, q: &Quote) -> Ending {
    let Some(mut last) = last_inner(q) else {
        return Ending::Bare;
    };
    // Look through a nested quotation's closing mark: `"… 'outreach,' "`.
    if ctx.is_quote(last) && last > q.inner.start {
        last -= 1;
    }
    let w = ctx.word(last);
    match ctx.kind(last) {
        Some(TokenKind::Dash) => Ending::Comma,
        Some(TokenKind::Ellipsis) => Ending::Period,
        Some(TokenKind::Punct) if w == "," => Ending::Comma,
        Some(TokenKind::Punct) if w == "." => Ending::Period,
        Some(TokenKind::Punct) if w.contains(['?', '!', '‽']) => Ending::Exclaim,
        _ => Ending::Bare,
    }
}

/// `"…," Bass said.` / `"…," said Bass.` — the cue after the closing mark.
fn after_quote(ctx: &Ctx, q: &Quote, close: usize) -> Option<Found> {
    let para_end = q.paragraph.end.min(ctx.len());
    let end = ending(ctx, q);
    let _ = close;
    let mut i = q.close_end.map_or(close, |c| c) + 1;
    let mut linked = matches!(end, Ending::Comma | Ending::Exclaim);
    let dash = ctx.kind(i) == Some(TokenKind::Dash);
    if i < para_end && (ctx.is_punct(i, ",") || dash) {
        linked = true;
        i += 1;
    }
    if dash {
        if let Some(found) = dash_trailer(ctx, i, para_end) {
            return Some(found);
        }
    }
    let mut w_end = i;
    while w_end < para_end && w_end - i < AFTER_WINDOW && !ends_clause(ctx, w_end) {
        w_end += 1;
    }
    if i >= w_end {
        return None;
    }
    // A weak tie needs speech on the inside: `the "plan" Bass said would work`.
    let speechy = || linked || end == Ending::Period || looks_like_speech(ctx, q);

    // Verb first: `said Bass`.
    if let Some(cue) = usable_cue(ctx, i, i, false).filter(|c| c.form.is_finite()) {
        let after = ctx.after_cue(i, cue);
        let source = np_forward(ctx, after, w_end).map(|(s, _)| s);
        if linked || end == Ending::Period || (source.is_some() && speechy()) {
            return Some(Found {
                cue: Some(ctx.cue_span(i, cue)),
                source,
                after: true,
            });
        }
        return None;
    }
    // Source first: `Bass said`, `the mayor has said`, `Karen Bass, the mayor, said`.
    for v in i + 1..w_end {
        let Some(cue) = usable_cue(ctx, v, i, false) else {
            continue;
        };
        let end_np = modifiers_start(ctx, v, i);
        if end_np == i {
            continue;
        }
        let Some(source) = np_exact(ctx, i, end_np - 1) else {
            continue;
        };
        let tail = ctx.after_cue(v, cue);
        // `"…cast." She added: "We …"`: after a full stop the clause
        // introduces the next quotation, not this one.
        if !linked && introduces_quote(ctx, tail) {
            return None;
        }
        // A title before a clause is its subject's context, not its words:
        // `On "Fox News Sunday," Pence said his running mate …`.
        // A new sentence after `?"` or `!"` is the speaker's only when its
        // verb ends it: `"Are we safe?" a resident asked.`, not `"…?" The
        // center noted that …`.
        let needs_adjunct =
            !linked || shape(ctx, q).title_like || sentence_of(ctx, close) != sentence_of(ctx, v);
        if needs_adjunct && !tail_is_adjunct(ctx, tail, para_end) {
            return None;
        }
        if !linked && !speechy() {
            return None;
        }
        return Some(Found {
            cue: Some(ctx.cue_span(v, cue)),
            source: Some(source),
            after: true,
        });
    }
    if linked {
        return unknown_trailer_verb(ctx, i, w_end, para_end);
    }
    None
}

/// True when token `t`, right after a cue, is a colon or comma followed by
/// an opening quotation mark: the cue introduces that quotation.
fn introduces_quote(ctx: &Ctx, t: usize) -> bool {
    (ctx.is_punct(t, ":") || ctx.is_punct(t, ","))
        && matches!(ctx.kind(t + 1), Some(TokenKind::Quote(q)) if q.role != crate::text::QuoteRole::Close)
}

/// `"…," Reyes fumed.`, `"…," snapped Marsh.`: a tied quotation whose
/// trailer clause has a past-tense verb the lexicon does not know (and
/// only an adjunct after it): that verb is the cue.
fn unknown_trailer_verb(ctx: &Ctx, i: usize, w_end: usize, para_end: usize) -> Option<Found> {
    let past = |v: usize| {
        let w = ctx.word(v);
        ctx.is_word(v) && is_lowercase(w) && w.len() > 4 && w.ends_with("ed")
    };
    // Verb first: `snapped Marsh.`
    if past(i) {
        let (source, after) = np_forward(ctx, i + 1, w_end)?;
        let named = ctx.is_word(i + 1) && is_capitalised(ctx.word(i + 1));
        return (named && (after >= w_end || ends_clause(ctx, after) || ctx.is_punct(after, ",")))
            .then_some(Found {
                cue: Some(ctx.span(i)),
                source: Some(source),
                after: true,
            });
    }
    // Source first: `Reyes fumed on Tuesday.`
    let v = (i + 1..w_end.min(i + 8)).find(|&v| past(v))?;
    let end_np = modifiers_start(ctx, v, i);
    if end_np == i || !tail_is_adjunct(ctx, v + 1, para_end) {
        return None;
    }
    let source = np_exact(ctx, i, end_np - 1)?;
    Some(Found {
        cue: Some(ctx.span(v)),
        source: Some(source),
        after: true,
    })
}

/// The index of the sentence holding token `i`.
fn sentence_of(ctx: &Ctx, i: usize) -> usize {
    ctx.doc.sentences.partition_point(|s| s.tokens.end <= i)
}

/// `"…" — Jane Doe` (an epigraph, a reader's comment, a pasted post): a
/// name after a dash that ends the paragraph, or comes before an aside
/// (`— Jane Doe, 34, of Pasadena`, `— Jane Doe (@janedoe)`). There is no
/// cue; the source is the name. (The social-post engine will read the full
/// trailer with handle and date.)
fn dash_trailer(ctx: &Ctx, i: usize, para_end: usize) -> Option<Found> {
    if ctx.cue(i).is_some() {
        return None;
    }
    let (source, after) = np_forward(ctx, i, para_end)?;
    let ends = after >= para_end
        || ctx.is_punct(after, ",")
        || ctx.is_punct(after, "(")
        || (ctx.is_punct(after, ".") && after + 1 >= para_end);
    let named = ctx.is_word(i) && is_capitalised(ctx.word(i));
    (ends && named).then_some(Found {
        cue: None,
        source: Some(source),
        after: true,
    })
}

/// `Bass said: "…"` — the cue before the opening mark.
fn before_quote(ctx: &Ctx, q: &Quote) -> Option<Found> {
    let mut floor = q.paragraph.start;
    if q.open_start == floor {
        // `Caddell continued:⏎⏎"…"` — a paragraph ending in a colon
        // introduces the quotation that opens the next one.
        let colon = q
            .open_start
            .checked_sub(1)
            .filter(|&c| ctx.is_punct(c, ":"))?;
        floor = paragraph_start(ctx, colon);
    }
    let mut j = q.open_start.checked_sub(1).filter(|&j| j >= floor)?;
    let sep = ctx.is_punct(j, ":") || ctx.is_punct(j, ",") || ctx.kind(j) == Some(TokenKind::Dash);
    if sep {
        j = j.checked_sub(1).filter(|&j| j >= floor)?;
    }
    let mut v = j;
    loop {
        if let Some(cue) = usable_cue(ctx, v, floor, true) {
            let complement = j - v;
            let tail = ctx.after_cue(v, cue);
            let complement = complement.saturating_sub(tail - v - 1);
            if !sep {
                // Without a colon or comma, the quotation may be the verb's
                // object or addressee, not its words: `told "Fox News
                // Sunday"`, `said on CNN's "State of the Union."`.
                if shape(ctx, q).title_like {
                    return None;
                }
                // `Bass told reporters "…"` — but not `Bass said the "plan"`.
                let complement_ok = (tail..=j).all(|k| {
                    !ctx.text_classes(k).has(DETERMINER)
                        && !ctx.text_classes(k).has(STOP_PREPOSITION)
                        && !ctx.text_classes(k).has(NP_PREPOSITION)
                });
                if complement > 0
                    && (complement > 3 || !complement_ok || !looks_like_speech(ctx, q))
                {
                    return None;
                }
            }
            let source = if cue.form == Form::Progressive {
                source_of_participle(ctx, v, floor)
            } else {
                source_before(ctx, v, floor)
            };
            // `Said Ellis: "…"` — the source after the verb.
            let source = source.or_else(|| {
                np_forward(ctx, tail, j + 1)
                    .filter(|&(_, after)| after == j + 1)
                    .map(|(span, _)| span)
            });
            return Some(Found {
                cue: Some(ctx.cue_span(v, cue)),
                source,
                after: false,
            });
        }
        // After a colon (`explained it this way:`) any short object will do.
        let colon = sep && ctx.is_punct(j + 1, ":");
        let complement_ok = matches!(ctx.kind(v), Some(TokenKind::Word | TokenKind::Number))
            && ((!ctx.text_classes(v).has(CLAUSE_WORD)
                && !ctx.text_classes(v).has(SUBJECT_PRONOUN))
                || (colon && is_one_of(ctx.word(v), &["this", "it", "that"])));
        if !complement_ok || v == floor || j - v >= BEFORE_COMPLEMENT {
            return None;
        }
        v -= 1;
    }
}

/// What a quotation's words look like, read once from its first tokens.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// Words and numbers inside (counted up to the bound of the scan).
    words: usize,
    /// The first word is lower case.
    first_lower: bool,
    /// The opening mark follows a word: the quotation sits inside a clause.
    embedded: bool,
    /// How the quoted text ends.
    ending: Ending,
    /// A short run of capitalised words: a title (`“Face the Nation,”`,
    /// `“American Skin (41 Shots)”`), a name or a slogan.
    title_like: bool,
}

/// Tokens read to judge a quotation's shape.
const SHAPE_SCAN: usize = 24;

fn shape(ctx: &Ctx, q: &Quote) -> Shape {
    let mut words = 0usize;
    let mut all_caps = true;
    let mut all_upper = true;
    let mut inner_stop = false;
    let mut first_lower = None;
    let last = last_inner(q);
    for i in q.inner.clone().take(SHAPE_SCAN) {
        let w = ctx.word(i);
        match ctx.kind(i) {
            Some(TokenKind::Word | TokenKind::Number) => {
                words += 1;
                if first_lower.is_none() {
                    first_lower = Some(is_lowercase(w));
                }
                // (Each test only while its answer is still open: most
                // quotations settle both within a few words.)
                let minor = |w: &str| {
                    is_one_of(
                        w,
                        &[
                            "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "or",
                            "with",
                        ],
                    )
                };
                let number = ctx.kind(i) == Some(TokenKind::Number);
                if all_caps {
                    all_caps = number || is_capitalised(w) || minor(w);
                }
                if all_upper {
                    all_upper = number || !w.chars().any(char::is_lowercase);
                }
            }
            Some(TokenKind::Punct) if Some(i) != last => {
                inner_stop |= matches!(w, "." | ";") || w.contains(['?', '!']);
            }
            _ => {}
        }
    }
    let ending = ending(ctx, q);
    let embedded = q.open_start > q.paragraph.start
        && matches!(
            ctx.kind(q.open_start - 1),
            Some(TokenKind::Word | TokenKind::Number)
        );
    let fully_read = q.inner.len() <= SHAPE_SCAN;
    let title_like = fully_read
        && all_caps
        && !all_upper
        && !inner_stop
        && ending != Ending::Exclaim
        && (words >= 2 || (words == 1 && embedded))
        && words <= 8;
    Shape {
        words,
        first_lower: first_lower.unwrap_or(false),
        embedded,
        ending,
        title_like,
    }
}

/// Whether a quotation with no cue next to it is reported as speech.
///
/// The rule: a quotation is speech when it has at least four words, or ends
/// with sentence punctuation (`.`, `?`, `!`, `…`) and has two words or more
/// (`?`/`!` alone also count: `"Sad!"`). Two kinds of short quotation are
/// not speech:
/// - scare quotes inside a sentence: a quotation opening in the middle of a
///   sentence with a lower-case word (`the so-called "plan."`, `called it "a
///   disaster."`) needs four words;
/// - titles, names and slogans: up to eight words, all capitalised (minor
///   words aside), no `?`/`!` (`“American Skin (41 Shots)”`, `on CBS's
///   "Face the Nation."`); text in capitals throughout is not a title.
pub fn looks_like_speech(ctx: &Ctx, q: &Quote) -> bool {
    let sh = shape(ctx, q);
    if sh.title_like {
        return false;
    }
    if sh.embedded && sh.first_lower {
        return sh.words >= 4;
    }
    let ended = matches!(sh.ending, Ending::Period | Ending::Exclaim);
    sh.words >= 4 || (ended && sh.words >= 2) || (sh.ending == Ending::Exclaim && sh.words >= 1)
}
