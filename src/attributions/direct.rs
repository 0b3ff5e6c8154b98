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
//! A quotation with no cue next to it is still reported (kind `direct`, no
//! cue, no source) when it looks like speech; see [`looks_like_speech`].
//! Nested quotations are reported only with a cue of their own: without one,
//! their outer quotation already attributes them.

use super::cues::{CueVerb, Form};
use super::lexicon::*;
use super::quotes::Quote;
use super::source::{np_backward, np_exact, np_forward, Ctx};
use super::{Attribution, AttributionKind};
use crate::span::Span;
use crate::text::TokenKind;

/// Furthest token after a closing mark at which a cue is looked for (room
/// for `Karen Bass, the mayor of Los Angeles, said`).
const AFTER_WINDOW: usize = 28;

/// Most words between a cue and an opening mark (`told CNN on Sunday:`).
const BEFORE_COMPLEMENT: usize = 6;

/// A cue and source found for a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    cue: Option<Span>,
    source: Option<Span>,
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

/// Direct-quote attributions for `quotes`, each with the index of its
/// quotation, in quotation order.
pub fn attribute(ctx: &Ctx, quotes: &[Quote]) -> Vec<(usize, Attribution)> {
    let mut out = Vec::new();
    for (idx, q) in quotes.iter().enumerate() {
        if q.content.is_empty() {
            continue;
        }
        let found = q
            .close
            .and_then(|c| after_quote(ctx, q, c))
            .or_else(|| before_quote(ctx, q));
        let (cue, source) = match found {
            Some(f) => (f.cue, f.source),
            None if q.depth == 0 && looks_like_speech(ctx, q) => (None, None),
            None => continue,
        };
        out.push((
            idx,
            Attribution {
                kind: AttributionKind::Direct,
                content: q.content,
                cue,
                source,
            },
        ));
    }
    out
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

/// True for tokens that end the stretch searched for a cue after a quote.
fn ends_window(ctx: &Ctx, i: usize) -> bool {
    match ctx.kind(i) {
        None | Some(TokenKind::Quote(_)) | Some(TokenKind::Ellipsis) => true,
        Some(TokenKind::Punct) => {
            let w = ctx.word(i);
            // A full stop right before `,` or `)` ends an abbreviation
            // (`R-Ky.,`, `(D-Wis.)`), not a sentence.
            let abbreviation = w == "." && (ctx.is_punct(i + 1, ",") || ctx.is_punct(i + 1, ")"));
            (matches!(w, "." | ";" | ":") && !abbreviation) || w.contains(['?', '!', '‽'])
        }
        _ => false,
    }
}

/// A cue usable at token `v`: finite, or a base form after an auxiliary
/// (`she would later say`), never passive (`was told`).
fn usable_cue(ctx: &Ctx, v: usize, floor: usize, allow_progressive: bool) -> Option<CueVerb> {
    let cue = ctx.cue(v)?;
    let mut k = v;
    while k > floor && ctx.is_word(k - 1) && is_verb_modifier(ctx.word(k - 1)) {
        k -= 1;
    }
    let before = (k > floor).then(|| ctx.word(k - 1));
    let modifiers = (k..v).map(|i| ctx.word(i));
    let has_aux = modifiers.clone().any(is_auxiliary) || before.is_some_and(is_auxiliary);
    let passive = before.is_some_and(|w| {
        is_one_of(
            w,
            &[
                "was", "were", "is", "are", "be", "been", "being", "get", "got",
            ],
        )
    });
    if passive && matches!(cue.form, Form::Past | Form::Participle) {
        return None;
    }
    let ok = match cue.form {
        Form::Past | Form::Present => true,
        Form::Base => has_aux,
        Form::Participle => false,
        Form::Progressive => allow_progressive,
    };
    ok.then_some(cue)
}

/// `"…," Bass said.` / `"…," said Bass.` — the cue after the closing mark.
fn after_quote(ctx: &Ctx, q: &Quote, close: usize) -> Option<Found> {
    let para_end = q.paragraph.end.min(ctx.len());
    let end = ending(ctx, q);
    let mut i = close + 1;
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
    while w_end < para_end && w_end - i < AFTER_WINDOW && !ends_window(ctx, w_end) {
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
            });
        }
        return None;
    }
    // Source first: `Bass said`, `the mayor has said`, `Karen Bass, the mayor, said`.
    for v in i + 1..w_end {
        let Some(cue) = usable_cue(ctx, v, i, false) else {
            continue;
        };
        let mut end_np = v;
        while end_np > i && ctx.is_word(end_np - 1) && is_verb_modifier(ctx.word(end_np - 1)) {
            end_np -= 1;
        }
        if end_np == i {
            continue;
        }
        let Some(source) = np_exact(ctx, i, end_np - 1) else {
            continue;
        };
        let tail = ctx.after_cue(v, cue);
        // A title before a clause is its subject's context, not its words:
        // `On "Fox News Sunday," Pence said his running mate …`.
        let needs_adjunct = !linked || shape(ctx, q).title_like;
        if needs_adjunct && !tail_is_adjunct(ctx, tail, para_end) {
            return None;
        }
        if !linked && !speechy() {
            return None;
        }
        return Some(Found {
            cue: Some(ctx.cue_span(v, cue)),
            source: Some(source),
        });
    }
    None
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
    })
}

/// True when what follows a cue ends its clause or is a short object or
/// adjunct (`.`, `told reporters`, `said in a statement`, `said Tuesday`),
/// not reported speech of its own (`said the plan would fail`).
fn tail_is_adjunct(ctx: &Ctx, t: usize, para_end: usize) -> bool {
    if t >= para_end || ends_window(ctx, t) || ctx.is_punct(t, ",") {
        return true;
    }
    if !ctx.is_word(t) {
        return matches!(ctx.kind(t), Some(TokenKind::Dash | TokenKind::Handle));
    }
    let w = ctx.word(t);
    if is_object_pronoun(w)
        || is_stop_preposition(w)
        || is_np_preposition(w)
        || is_time_word(w)
        || is_one_of(
            w,
            &[
                "reporters",
                "journalists",
                "supporters",
                "lawmakers",
                "police",
            ],
        )
    {
        return true;
    }
    if is_determiner(w) {
        // `told the Los Angeles Times`.
        return ctx.is_word(t + 1) && is_capitalised(ctx.word(t + 1));
    }
    is_capitalised(w) && !is_subject_pronoun(w) && !is_clause_word(w)
}

/// `Bass said: "…"` — the cue before the opening mark.
fn before_quote(ctx: &Ctx, q: &Quote) -> Option<Found> {
    let mut floor = q.paragraph.start;
    if q.open == floor {
        // `Caddell continued:⏎⏎"…"` — a paragraph ending in a colon
        // introduces the quotation that opens the next one.
        let colon = q.open.checked_sub(1).filter(|&c| ctx.is_punct(c, ":"))?;
        floor = paragraph_start(ctx, colon);
    }
    let mut j = q.open.checked_sub(1).filter(|&j| j >= floor)?;
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
                    !is_determiner(ctx.word(k))
                        && !is_stop_preposition(ctx.word(k))
                        && !is_np_preposition(ctx.word(k))
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
            });
        }
        let complement_ok = matches!(ctx.kind(v), Some(TokenKind::Word | TokenKind::Number))
            && !is_clause_word(ctx.word(v))
            && !is_subject_pronoun(ctx.word(v));
        if !complement_ok || v == floor || j - v >= BEFORE_COMPLEMENT {
            return None;
        }
        v -= 1;
    }
}

/// The first token of the paragraph holding token `i`.
fn paragraph_start(ctx: &Ctx, i: usize) -> usize {
    let paras = &ctx.doc.paragraphs;
    let k = paras.partition_point(|p| p.tokens.end <= i);
    paras.get(k).map_or(i, |p| p.tokens.start)
}

/// The source before the cue at token `v`: `[Bass] has said`, `[Karen Bass],
/// the mayor of Los Angeles, said`, `[Rep. Jane Doe] (D-Calif.) said`.
fn source_before(ctx: &Ctx, v: usize, floor: usize) -> Option<Span> {
    let mut end = v;
    while end > floor && ctx.is_word(end - 1) && is_verb_modifier(ctx.word(end - 1)) {
        end -= 1;
    }
    let e = end.checked_sub(1).filter(|&e| e >= floor)?;
    let opener = if ctx.is_punct(e, ",") {
        Some(",")
    } else if ctx.is_punct(e, ")") {
        Some("(")
    } else {
        None
    };
    if let Some(opener) = opener {
        // An aside between source and verb: the source ends before it.
        let lo = e.saturating_sub(20).max(floor);
        let opening = (lo..e)
            .rev()
            .take_while(|&k| !is_double_quote(ctx, k) && ctx.cue(k).is_none())
            .find(|&k| ctx.is_punct(k, opener))?;
        return np_backward(ctx, opening.checked_sub(1)?, floor);
    }
    if ctx.word(e).eq_ignore_ascii_case("and") {
        // `I laughed and said`: the subject of the first verb.
        let mut k = e.checked_sub(1).filter(|&k| k >= floor)?;
        while k > floor && ctx.is_word(k) && is_verb_modifier(ctx.word(k)) {
            k -= 1;
        }
        let first_verb = ctx.is_word(k) && is_lowercase(ctx.word(k)) && !is_determiner(ctx.word(k));
        return first_verb
            .then(|| np_backward(ctx, k.checked_sub(1)?, floor))
            .flatten();
    }
    np_backward(ctx, e, floor)
}

/// True for a double quotation mark at token `k`.
fn is_double_quote(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.kind(k), Some(TokenKind::Quote(m)) if m.double)
}

/// The source of a participle cue: `Trump said, adding: "…"` takes the
/// source of the verb it hangs on; `Clinton, asking, "…"` and `Blige asking
/// "…"` the phrase before it. Otherwise (a long clause before the comma)
/// none is guessed.
fn source_of_participle(ctx: &Ctx, v: usize, floor: usize) -> Option<Span> {
    let before = v.checked_sub(1).filter(|&b| b >= floor)?;
    if !ctx.is_punct(before, ",") {
        return np_backward(ctx, before, floor);
    }
    let mut k = before.checked_sub(1).filter(|&k| k >= floor)?;
    // `said later, adding`: skip a few adverbs and adjuncts back to the verb.
    for _ in 0..3 {
        if usable_cue(ctx, k, floor, false).is_some() {
            return source_before(ctx, k, floor);
        }
        if !ctx.is_word(k) || k == floor {
            break;
        }
        k -= 1;
    }
    let np = np_backward(ctx, before - 1, floor)?;
    // Only a phrase that is the whole clause: `Clinton, asking`.
    let starts_clause = ctx.token_at(np.start) == floor
        || ctx
            .token_at(np.start)
            .checked_sub(1)
            .is_some_and(|p| matches!(ctx.kind(p), Some(TokenKind::Punct | TokenKind::Quote(_))));
    starts_clause.then_some(np)
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
                let minor = is_one_of(
                    w,
                    &[
                        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "or", "with",
                    ],
                );
                let number = ctx.kind(i) == Some(TokenKind::Number);
                all_caps &= number || is_capitalised(w) || minor;
                all_upper &= number || !w.chars().any(char::is_lowercase);
            }
            Some(TokenKind::Punct) if Some(i) != last => {
                inner_stop |= matches!(w, "." | ";") || w.contains(['?', '!']);
            }
            _ => {}
        }
    }
    let ending = ending(ctx, q);
    let embedded = q.open > q.paragraph.start
        && matches!(
            ctx.kind(q.open - 1),
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
