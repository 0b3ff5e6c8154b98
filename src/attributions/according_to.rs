//! `according to X` and `per X`: the source is X, the content is the rest
//! of the sentence (or of the quotation the phrase sits in).
//!
//! Decisions:
//! - The source is the noun phrase after `to`, with the head rules of
//!   [`super::source`] (`according to police` → `police`; `according to the
//!   Los Angeles Police Department` → `Los Angeles Police Department`). When
//!   that phrase names a medium (`a statement from the mayor's office`,
//!   `data released by the city`), the source is whoever the medium comes
//!   from: `the mayor's office`, `the city`.
//! - The phrase runs from `according` to the next comma (or the end of the
//!   sentence). The content is the sentence without it, trimmed of commas,
//!   dashes and final punctuation: `According to police, the man fled.` →
//!   `the man fled`; `The man fled, according to police.` → `The man fled`.
//!   When the phrase sits in the middle (`The man, according to police,
//!   fled.`) the content cannot be one span without it, so it is the whole
//!   sentence.
//! - `per` is read only at a clause edge (after a comma or opening the
//!   sentence) and before a source-like phrase, so that `$40 per hour` and
//!   `per cent` are not attributions.
//! - When the content is exactly one quotation (`According to Bass, "we are
//!   done."`), the caller attaches the cue and source to that direct quote
//!   instead of reporting a second attribution.

use super::confidence::Pattern;
use super::lexicon::*;
use super::quotes::{Quote, MAX_DEPTH};
use super::source::{np_forward, Ctx};
use super::{Attribution, AttributionKind};
use crate::text::TokenKind;

/// An `according to` attribution, and the quotation that is its whole
/// content, if any.
pub struct Found {
    /// The attribution.
    pub attribution: Attribution,
    /// Index of the quotation that is exactly the content.
    pub quote: Option<usize>,
}

/// [`super::word_table::hash`] of `in` (what [`Ctx::word_hash`] gives it).
const IN: u32 = super::word_table::hash_const("in");

/// Every `according to X` and `per X` in the document, in text order.
pub fn find(ctx: &Ctx, quotes: &[Quote]) -> Vec<Found> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    let mut sentence = 0usize;
    // Most tokens are neither `in` nor attributing: `Ctx` lists the words
    // that may be, and its per-token facts tell without reading the text
    // (a hash match is checked on the text below).
    let words = ctx.phrase_words().iter().copied();
    for a in words.filter(|&a| ctx.word_hash(a) == IN || ctx.classes(a).has(ATTRIBUTING)) {
        let phrase = if ctx.word_hash(a) == IN && ctx.word(a).eq_ignore_ascii_case("in") {
            if is_poll_source(ctx, a) {
                Phrase::InPoll
            } else {
                continue;
            }
        } else if !ctx.classes(a).has(ATTRIBUTING) {
            continue;
        } else if ctx.word(a).eq_ignore_ascii_case("according")
            && ctx.word(a + 1).eq_ignore_ascii_case("to")
        {
            Phrase::AccordingTo
        } else if ctx.word(a).eq_ignore_ascii_case("per") && is_per_source(ctx, a) {
            Phrase::Per
        } else {
            continue;
        };
        while doc
            .sentences
            .get(sentence)
            .is_some_and(|s| s.tokens.end <= a)
        {
            sentence += 1;
        }
        let Some(sent) = doc.sentences.get(sentence) else {
            break;
        };
        let mut scope = sent.tokens.clone();
        if let Some(q) = innermost_quote(quotes, a) {
            scope.start = scope.start.max(q.inner.start);
            scope.end = scope.end.min(q.inner.end);
        }
        if let Some(found) = one(ctx, quotes, a, phrase, scope) {
            out.push(found);
        }
    }
    out
}

/// The two attributing phrases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phrase {
    AccordingTo,
    Per,
    /// `in a new poll`, `in the polls`: the poll is the source.
    InPoll,
}

impl Phrase {
    /// Tokens in the phrase before its source.
    const fn len(self) -> usize {
        match self {
            Phrase::AccordingTo => 2,
            Phrase::Per | Phrase::InPoll => 1,
        }
    }
}

/// True when the `per` at token `a` attributes: it opens the sentence or
/// follows a comma or dash, and a source-like phrase follows (a name, a
/// determiner, or a source noun), not a number or unit.
fn is_per_source(ctx: &Ctx, a: usize) -> bool {
    let edge = a == 0
        || ctx.is_punct(a - 1, ",")
        || ctx.is_punct(a - 1, "(")
        || ctx.kind(a - 1) == Some(TokenKind::Dash)
        || {
            let sents = &ctx.doc.sentences;
            let k = sents.partition_point(|s| s.tokens.start < a);
            sents.get(k).is_some_and(|s| s.tokens.start == a)
        };
    if !edge || !ctx.is_word(a + 1) {
        return false;
    }
    let next = ctx.word(a + 1);
    (is_capitalised(next) && !is_one_of(next, &["Cent", "Capita", "Annum", "Se"]))
        || is_one_of(
            next,
            &[
                "the", "a", "an", "his", "her", "their", "its", "multiple", "several",
            ],
        )
        || is_medium_noun(next)
        || is_one_of(
            next,
            &["sources", "officials", "police", "reports", "witnesses"],
        )
}

/// True when the `in` at token `a` opens a poll (`in a new Gallup poll`,
/// `in the polls`, `in recent surveys`): a poll noun within the next
/// few words, before any punctuation, and not a place or tax (`in polling
/// places`, `poll taxes`).
fn is_poll_source(ctx: &Ctx, a: usize) -> bool {
    const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys", "polling"];
    const NOT_A_POLL: &[&str] = &[
        "place", "places", "station", "stations", "tax", "taxes", "booth", "booths", "site",
        "sites", "worker", "workers", "watcher", "watchers", "book", "books",
    ];
    for k in a + 1..(a + 8).min(ctx.len()) {
        if !ctx.is_word(k)
            && ctx.kind(k) != Some(TokenKind::Number)
            && !ctx.is_punct(k, "/")
            && !ctx.is_punct(k, "-")
        {
            return false;
        }
        if is_one_of(ctx.word(k), POLL_NOUNS) {
            return !is_one_of(ctx.word(k + 1), NOT_A_POLL);
        }
    }
    false
}

/// The innermost quotation whose inside holds token `a`.
fn innermost_quote(quotes: &[Quote], a: usize) -> Option<&Quote> {
    let k = quotes.partition_point(|q| q.open_start < a);
    quotes[..k]
        .iter()
        .rev()
        .take(MAX_DEPTH * 4)
        .find(|q| q.inner.contains(&a))
}

/// The attribution for the phrase at token `a` within `scope`.
fn one(
    ctx: &Ctx,
    quotes: &[Quote],
    a: usize,
    phrase: Phrase,
    scope: std::ops::Range<usize>,
) -> Option<Found> {
    let (mut source, mut after) = match np_forward(ctx, a + phrase.len(), scope.end) {
        Some(found) => found,
        // `according to early returns`, `according to one of his aides`:
        // `according to` always attributes, so a phrase the noun-phrase
        // reader does not take is still its source.
        // `in this poll`: the poll test already found the poll noun.
        None if matches!(phrase, Phrase::AccordingTo | Phrase::InPoll) => {
            source_phrase(ctx, a + phrase.len(), scope.end)?
        }
        None => return None,
    };
    // A medium: the source is who it comes from.
    let medium_prep = (a + phrase.len() + 1..after).find(|&k| {
        is_one_of(ctx.word(k), &["from", "of", "by"]) && ctx.text_classes(k - 1).has(MEDIUM_NOUN)
    });
    let by_after = ctx
        .text_classes(after - 1)
        .has(MEDIUM_NOUN)
        .then(|| {
            let k = if ctx.word(after).ends_with("ed") {
                after + 1
            } else {
                after
            };
            is_one_of(ctx.word(k), &["from", "by"]).then_some(k)
        })
        .flatten();
    if let Some(k) = medium_prep.or(by_after) {
        if let Some((inner, inner_after)) = np_forward(ctx, k + 1, scope.end) {
            source = inner;
            after = after.max(inner_after);
        }
    }
    // The phrase ends at the next comma (or the scope's end).
    let mut comma = (after..scope.end).find(|&k| ctx.is_punct(k, ","));
    let front = (scope.start..a).all(|k| !is_content_token(ctx, k));
    // `In the latest poll, conducted last week, Reyes leads`: a participle
    // set off by commas still describes the source.
    if front {
        comma = comma.map(|c| participle_after(ctx, c, scope.end).unwrap_or(c));
    }
    // `in the polls` inside a clause is mostly a plain fact (`he slid in
    // the polls`); only a poll that opens the sentence attributes it.
    if phrase == Phrase::InPoll && !front {
        return None;
    }
    let content = if front {
        trim(ctx, comma.map_or(after, |c| c + 1)..scope.end)
    } else if comma.is_none_or(|c| (c + 1..scope.end).all(|k| !is_content_token(ctx, k))) {
        trim(ctx, scope.start..a)
    } else {
        trim(ctx, scope.clone())
    };
    if content.is_empty() {
        return None;
    }
    // A quotation that opens the content is what is attributed, even when
    // it runs on past this sentence (`According to Bass, "One. Two."`).
    let first = quotes.partition_point(|q| q.open_start < content.start);
    let quote = quotes.get(first).is_some_and(|q| {
        q.open_start == content.start && q.close_end.is_none_or(|c| c + 1 >= content.end)
    });
    let quote = quote.then_some(first);
    let cue = ctx.span(a).cover(ctx.span(a + phrase.len() - 1));
    let pattern = match phrase {
        Phrase::AccordingTo => Pattern::AccordingTo,
        Phrase::Per | Phrase::InPoll => Pattern::Per,
    };
    Some(Found {
        attribution: Attribution::new(
            AttributionKind::AccordingTo,
            match quote.and_then(|i| quotes.get(i)) {
                Some(q) => q.speech(ctx.doc),
                None => ctx.doc.tokens_span(content),
            },
            Some(cue),
            Some(source),
            pattern,
        ),
        quote,
    })
}

/// Most tokens of a participle phrase set off after a source.
const MAX_PARTICIPLE_PHRASE: usize = 8;

/// The comma that closes a participle phrase opened by the comma at
/// `comma` (`, conducted in early September,`), if one does.
fn participle_after(ctx: &Ctx, comma: usize, end: usize) -> Option<usize> {
    let w = ctx.word(comma + 1);
    let participle = w.len() > 4 && w.ends_with("ed")
        || is_one_of(
            w,
            &["taken", "done", "written", "made", "given", "shown", "run"],
        );
    if !participle || !ctx.is_word(comma + 1) {
        return None;
    }
    (comma + 2..end.min(comma + 2 + MAX_PARTICIPLE_PHRASE)).find(|&k| ctx.is_punct(k, ","))
}

/// Most tokens of a source phrase read without the noun-phrase rules.
const MAX_SOURCE_PHRASE: usize = 10;

/// The source after `according to` at token `s` when it is not a plain noun
/// phrase: its words up to the next punctuation (a comma, the sentence's
/// end, a dash, a bracket), at most [`MAX_SOURCE_PHRASE`] tokens; its span
/// and the token after it. `None` when no word comes first.
fn source_phrase(ctx: &Ctx, s: usize, end: usize) -> Option<(crate::span::Span, usize)> {
    if !ctx.is_word(s) {
        return None;
    }
    let stop = (s..end.min(s + MAX_SOURCE_PHRASE + 1))
        .find(|&k| {
            matches!(
                ctx.kind(k),
                Some(TokenKind::Punct | TokenKind::Dash | TokenKind::Ellipsis) | None
            ) && !matches!(ctx.word(k), "'s" | "’s" | "&" | "-" | "/")
        })
        .unwrap_or(end);
    if stop <= s || stop > s + MAX_SOURCE_PHRASE {
        return None;
    }
    Some((ctx.span(s).cover(ctx.span(stop - 1)), stop))
}

/// Words, numbers and the like: what makes a stretch of tokens content.
fn is_content_token(ctx: &Ctx, k: usize) -> bool {
    !matches!(
        ctx.kind(k),
        Some(TokenKind::Punct | TokenKind::Dash | TokenKind::Ellipsis) | None
    )
}

/// `range` without leading and trailing commas, dashes and sentence
/// punctuation.
fn trim(ctx: &Ctx, mut range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let trimmable = |k: usize| {
        matches!(ctx.kind(k), Some(TokenKind::Dash | TokenKind::Ellipsis))
            || (ctx.kind(k) == Some(TokenKind::Punct)
                && !matches!(ctx.word(k), "(" | ")" | "[" | "]" | "%" | "&"))
    };
    while range.start < range.end && trimmable(range.start) {
        range.start += 1;
    }
    while range.end > range.start && trimmable(range.end - 1) {
        range.end -= 1;
    }
    range
}
