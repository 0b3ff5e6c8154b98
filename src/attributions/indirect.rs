//! Reported speech without quotation marks (`indirect`), or with a partial
//! quote inside it (`mixed`).
//!
//! Every reporting verb outside quotation marks is read in its sentence:
//! - preposed: `Bass said (that) the city would recover.`, `Bass told
//!   reporters on Tuesday that …`, `Bass has warned …`, `Officials say …`,
//!   `…, saying the city would recover` (a participle takes the subject of
//!   the clause it hangs on). The content runs from the first word after
//!   the cue and its object and adjuncts (`told reporters`, `said in a
//!   statement`) to the end of the sentence, without the final full stop;
//!   `that` is part of it (the PolNeAR convention). After a relative
//!   subject (`Bass, who said …,`) it ends at the next comma.
//! - postposed: `The city will recover, Bass said.`, `…, said Bass, the
//!   mayor.`, `…, Bass told reporters Tuesday.`: the cue clause ends the
//!   sentence (or is followed by a participle clause) and the content is
//!   the sentence before it. A cue clause in the middle (`The man, police
//!   said, fled on foot.`) splits the content in two parts.
//!
//! A verb is a cue only with a subject (`the report said`, not `the
//! report`); a bare plural form (`say`) only after a plural-looking
//! subject; passives (`was told`) are not cues. A content that is exactly
//! one quotation is a direct quote; one that holds a quotation and other
//! words is mixed. `X reports …` and `X has learned …` are `according_to`.

use super::clause::*;
use super::confidence::Pattern;
use super::cues::{CueVerb, Form};
use super::lexicon::*;
use super::quotes::Quote;
use super::source::{np_exact, np_forward, Ctx};
use super::{Attribution, AttributionKind};
use crate::span::Span;
use crate::text::TokenKind;

/// Most tokens read back from a cue for a postposed subject.
const MAX_SUBJECT: usize = 14;

/// How a cue word is used in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Usage {
    /// A finite verb (or one with an auxiliary): `said`, `has said`.
    Finite,
    /// A plain plural present: `officials say`.
    Plural,
    /// A participle clause: `, saying`.
    Participle,
}

/// Reported speech in `doc`, in text order of the cues. Verbs inside
/// quotation marks are not read (the quotation is the speaker's).
/// `quoted` tells, for every token, whether it lies inside (or is a mark
/// of) a top-level quotation.
pub fn find(ctx: &Ctx, quotes: &[Quote], quoted: &[bool]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let words = ctx.cue_words();
    for sent in &ctx.doc.sentences {
        let a = sent.tokens.start;
        let b = sent.tokens.end.min(ctx.len());
        for &v in super::source::within(words, a..b) {
            if quoted.get(v).copied().unwrap_or(true) {
                continue;
            }
            let Some(cue) = ctx.cue(v) else {
                continue;
            };
            if !cue.reports {
                continue;
            }
            if let Some(found) = at_cue(ctx, quotes, quoted, a, b, v, cue) {
                out.push(found);
            }
        }
    }
    out
}

/// True for `who asked not to be named` and the like: a source asking for
/// anonymity states no claim, so the clause is not an attribution (and
/// its relative pronoun would be a source of nothing).
pub(crate) fn is_anonymity_request(ctx: &Ctx, found: &Attribution) -> bool {
    if found
        .cue
        .is_some_and(|c| is_unauthorised_report(ctx, ctx.token_at(c.start)))
    {
        return true;
    }
    let first = ctx.token_at(found.content.start);
    // Every pattern below opens with one of these words: most records stop
    // here.
    if !is_one_of(ctx.word(first), &["not", "that", "on", "anonymity"]) {
        return false;
    }
    let opens = |words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(i, w)| ctx.word(first + i).eq_ignore_ascii_case(w))
    };
    let withheld = |k: usize| is_one_of(ctx.word(first + k), &["named", "identified", "quoted"]);
    (opens(&["not", "to", "be"]) && withheld(3))
        || (opens(&["that", "they", "not", "be"]) && withheld(4))
        || (opens(&["that", "he", "not", "be"]) && withheld(4))
        || (opens(&["that", "she", "not", "be"]) && withheld(4))
        || opens(&["on", "condition", "of", "anonymity"])
        || opens(&["anonymity"])
}

/// True when the cue at token `v` follows `authorized to`, `allowed to`
/// or `permitted to` (`because they were not authorized to discuss the
/// operation`, `to speak publicly`): the reason a source goes unnamed, not
/// a report (one of the 32 in PolNeAR train is annotated as a cue).
fn is_unauthorised_report(ctx: &Ctx, v: usize) -> bool {
    let mut k = v;
    if k > 0 && ctx.word(k - 1).eq_ignore_ascii_case("publicly") {
        k -= 1;
    }
    k >= 2
        && ctx.word(k - 1).eq_ignore_ascii_case("to")
        && is_one_of(
            ctx.word(k - 2),
            &["authorized", "authorised", "allowed", "permitted"],
        )
}

/// The attribution governed by the cue at token `v` in the sentence
/// `a..b`, if any.
fn at_cue(
    ctx: &Ctx,
    quotes: &[Quote],
    quoted: &[bool],
    a: usize,
    b: usize,
    v: usize,
    cue: CueVerb,
) -> Option<Attribution> {
    // `the states`, `his remarks`: a noun unless `that` follows.
    if cue.noun_like && !is_one_of(ctx.word(ctx.after_cue(v, cue)), &["that", ":"]) {
        return None;
    }
    if is_subject_noun(ctx, v, cue) {
        return None;
    }
    // `read` reports written words only when they follow (`the sign read
    // "…"`, `the letter reads:`) or come before (`"…," the note read.`):
    // a person reading something states nothing (`Residents can read the
    // plan`).
    if cue.lemma == "read" && !reads_words(ctx, a, v) {
        return None;
    }
    // A capitalised cue inside a sentence is part of a name or a headline
    // (`the United States`, `Star Asked Actors To …`).
    if v > a && is_capitalised(ctx.word(v)) && !is_shouted(ctx, a, v) && !ctx.is_quote(v - 1) {
        return None;
    }
    let k = modifiers_start(ctx, v, a);
    let before = (k > a).then(|| ctx.word(k - 1));
    let prev_is_word = k > a && ctx.is_word(k - 1);
    // `I thought …` (an interview), but not `the thought of …`.
    if cue.weak && !(prev_is_word && before.is_some_and(|w| is_one_of(w, &["i", "we"]))) {
        return None;
    }
    if cue.lemma == "ask" && cue.form == Form::Past {
        if let Some(found) = asked(ctx, quoted, a, b, k, v, cue) {
            return Some(found);
        }
    }
    if prev_is_word
        && before.is_some_and(is_be)
        && matches!(cue.form, Form::Past | Form::Participle)
    {
        return None;
    }
    let has_aux = (k..v).any(|i| ctx.text_classes(i).has(AUXILIARY))
        || (prev_is_word && ctx.text_classes(k - 1).has(AUXILIARY));
    let usage = match cue.form {
        Form::Past | Form::Present => Usage::Finite,
        Form::Participle if (k..v).any(|i| is_one_of(ctx.word(i), &["has", "have", "had"])) => {
            Usage::Finite
        }
        Form::Participle => return None,
        Form::Base if has_aux => Usage::Finite,
        Form::Base => Usage::Plural,
        Form::Progressive if prev_is_word && before.is_some_and(is_be) => Usage::Finite,
        Form::Progressive => {
            // (`…more work to do," noting …`: the comma inside the marks.)
            let opens = k == a
                || ctx.is_punct(k - 1, ",")
                || ctx.kind(k - 1) == Some(TokenKind::Dash)
                || matches!(ctx.kind(k - 1), Some(TokenKind::Quote(m)) if m.role != crate::text::QuoteRole::Open)
                || (prev_is_word && before.is_some_and(is_participle_opener));
            if !opens {
                return None;
            }
            Usage::Participle
        }
    };
    // An adjective, not a verb: `his proposed wall`, `her stated goal`.
    if cue.form == Form::Past
        && k == v
        && prev_is_word
        && before.is_some_and(|w| {
            is_one_of(
                w,
                &[
                    "his", "her", "their", "its", "our", "my", "your", "'s", "’s",
                ],
            )
        })
    {
        return None;
    }
    // A noun, not a verb: `the report`, `a call`, `his claims`.
    if usage != Usage::Participle
        && cue.form != Form::Past
        && prev_is_word
        && before.is_some_and(|w| {
            is_one_of(
                w,
                &[
                    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "'s",
                    "’s", "this", "that", "these", "those", "no", "any", "every",
                ],
            )
        })
        && k == v
    {
        return None;
    }
    let tail = ctx.after_cue(v, cue);
    let after_object = if takes_object(cue) {
        skip_object(ctx, tail, b)
    } else if addressed_with_to(cue) && ctx.word(tail).eq_ignore_ascii_case("to") {
        // `apologized to fans for …`, `complained to the council that …`:
        // after the addressee only a complement opens the content (not
        // `apologized to fans after her show …`).
        let after = np_forward(ctx, tail + 1, b).map_or(tail, |(_, after)| after);
        let w = ctx.word(after);
        if !(is_one_of(w, &["that", ":"]) || opens_complement(cue, w) || ctx.is_quote(after)) {
            return None;
        }
        after
    } else {
        tail
    };
    let t = if opens_complement(cue, ctx.word(after_object)) {
        after_object
    } else if cue.lemma == "say" && ctx.word(after_object).eq_ignore_ascii_case("of") {
        // `…," Bass said of the plan.`
        let after = np_forward(ctx, after_object + 1, b).map_or(after_object, |(_, e)| e);
        skip_adjuncts(ctx, after, b, 4)
    } else {
        skip_adjuncts(ctx, after_object, b, 4)
    };
    let end = content_end(ctx, a, b);
    // `…, a spokesperson told reporters.`: the addressee (and adjuncts) end
    // the sentence, so the content came before the cue clause, not after.
    if usage == Usage::Finite && after_object == tail && takes_object(cue) {
        let rest = np_forward(ctx, tail, b).map(|(_, after)| skip_adjuncts(ctx, after, b, 4));
        if rest.is_some_and(|r| r >= end) {
            if let Some(found) = postposed(ctx, quotes, a, b, v, cue, end, end) {
                return Some(found);
            }
        }
    }
    // Verb first after the content: `…, said Bass.` (only verbs of speech
    // invert so).
    if usage == Usage::Finite && v > a && is_clause_opener(ctx, v - 1) && inverts(cue) {
        if let Some(found) = postposed(ctx, quotes, a, b, v, cue, t, end) {
            return Some(found);
        }
    }
    if t >= end || is_clause_edge(ctx, t) {
        if usage == Usage::Participle {
            return None;
        }
        let found = postposed(ctx, quotes, a, b, v, cue, t, end);
        if found.is_some() || !content_after_comma(ctx, t, end) {
            return found;
        }
        // `Rubio says, win or lose, he is staying.`, `As the Post reported,
        // the deal …`: nothing before the cue clause, the content after its
        // comma (read below as preposed).
    }
    // Preposed: the subject before, the content after.
    let progressive = cue.form == Form::Progressive && usage == Usage::Finite;
    let source = match usage {
        Usage::Participle => source_of_participle(ctx, v, a),
        // `The senator is predicting …`: the subject is before `is`.
        Usage::Finite if progressive => source_before(ctx, k - 1, a),
        Usage::Finite | Usage::Plural => source_before(ctx, v, a),
    };
    let source = source.filter(|&s| plausible_subject(ctx, s))?;
    let relative_subject =
        prev_is_word && before.is_some_and(|w| is_one_of(w, &["who", "which", "that"]));
    if usage == Usage::Plural
        && ((!relative_subject && !looks_plural(ctx, source))
            || !(is_plain_plural_cue(cue) || ctx.word(tail).eq_ignore_ascii_case("that")))
    {
        return None;
    }
    let mut start = t;
    if ctx.is_punct(start, ",") || ctx.is_punct(start, ":") {
        start += 1;
    }
    if !starts_content(ctx, start) && !opens_complement(cue, ctx.word(start)) {
        // The adjuncts may be the content's own start: `said on Tuesday …`
        // read as adjuncts left nothing behind; try without skipping.
        start = after_object;
        if !starts_content(ctx, start) && !opens_complement(cue, ctx.word(start)) {
            return None;
        }
    }
    let relative = prev_is_word && before.is_some_and(|w| is_one_of(w, &["who", "which"]));
    let mut stop = end;
    if relative {
        if let Some(c) = relative_clause_end(ctx, quoted, start..end) {
            stop = c;
        }
    }
    if let Some(edge) = (start..stop).find(|&i| !quoted_at(quoted, i) && ends_content(ctx, i)) {
        stop = edge;
    }
    let stop = trim_end(ctx, start, stop);
    let stop = extend_into_quote(quotes, start, stop);
    let has_word = (start..stop).any(|i| ctx.is_word(i) || ctx.kind(i) == Some(TokenKind::Number));
    // `added to her lead`, `said to be …`: not speech.
    if ctx.word(start).eq_ignore_ascii_case("to")
        && is_one_of(
            cue.lemma,
            &["say", "add", "tell", "write", "reply", "respond", "report"],
        )
    {
        return None;
    }
    if stop <= start || !has_word || is_empty_content(ctx, start, stop) {
        return None;
    }
    let pattern = if usage == Usage::Participle {
        Pattern::IndirectParticiple
    } else {
        Pattern::IndirectPreposed
    };
    Some(record(
        ctx,
        quotes,
        std::iter::once(start..stop).collect(),
        v,
        cue,
        Some(source),
        pattern,
    ))
}

/// `Asked whether …, Bass said …` / `When asked about …` / `Bass was asked
/// if …`: the question is the content, the asker (`asked by X`) the source
/// when named, none otherwise. The content ends at the clause's comma.
/// True when the `read` at token `v` (sentence from `a`) quotes what is
/// written: a quotation mark, colon, comma or the clause's end follows it,
/// or a quotation closes before it in the sentence.
pub(super) fn reads_words(ctx: &Ctx, a: usize, v: usize) -> bool {
    let next = v + 1;
    ctx.is_quote(next)
        || ctx.is_punct(next, ":")
        || ctx.is_punct(next, ",")
        || ends_clause(ctx, next)
        || (a..v).any(|i| matches!(ctx.kind(i), Some(TokenKind::Quote(m)) if m.role != crate::text::QuoteRole::Open))
}

fn asked(
    ctx: &Ctx,
    quoted: &[bool],
    a: usize,
    b: usize,
    k: usize,
    v: usize,
    cue: CueVerb,
) -> Option<Attribution> {
    let passive = k == a
        || ctx.is_punct(k - 1, ",")
        || is_one_of(
            ctx.word(k - 1),
            &["when", "if", "after", "before", "once", "while"],
        )
        || is_be(ctx.word(k - 1));
    if !passive {
        return None;
    }
    let mut t = v + 1;
    let mut source = None;
    if ctx.word(t).eq_ignore_ascii_case("by") {
        let (s, after) = np_forward(ctx, t + 1, b)?;
        source = Some(s);
        t = after;
    }
    t = skip_adjuncts(ctx, t, b, 3);
    if ctx.word(t).eq_ignore_ascii_case("by") && source.is_none() {
        let (s, after) = np_forward(ctx, t + 1, b)?;
        source = Some(s);
        t = skip_adjuncts(ctx, after, b, 2);
    }
    let question = is_one_of(
        ctx.word(t),
        &[
            "whether", "if", "about", "what", "who", "whom", "how", "why", "when", "where", "which",
        ],
    );
    if !question {
        return None;
    }
    let end = content_end(ctx, a, b);
    let stop = (t..end)
        .find(|&i| ctx.is_punct(i, ",") && !quoted_at(quoted, i))
        .unwrap_or(end);
    let stop = trim_end(ctx, t, stop);
    if stop <= t + 1 {
        return None;
    }
    let span = ctx.doc.tokens_span(t..stop);
    Some(Attribution::new(
        AttributionKind::Indirect,
        span,
        Some(ctx.cue_span(v, cue)),
        source,
        Pattern::IndirectPreposed,
    ))
}

/// True when the comma at `t` (after a cue clause) opens a content running
/// to the sentence's `end`: a word follows that starts a clause, not a
/// participle or a joining word (`, adding …`, `, and …`, `, who …`), nor a
/// one-word aside (`, however, …`).
fn content_after_comma(ctx: &Ctx, t: usize, end: usize) -> bool {
    let next = t + 1;
    if !ctx.is_punct(t, ",") || next >= end || !ctx.is_word(next) {
        return false;
    }
    let participle = ctx
        .cue(next)
        .is_some_and(|c| c.form == Form::Progressive || c.form.is_finite());
    let joins = is_one_of(
        ctx.word(next),
        &[
            "and", "but", "or", "while", "who", "which", "as", "although", "though", "because",
        ],
    );
    let aside = ctx.is_punct(next + 1, ",");
    !participle && !joins && !aside && starts_content(ctx, next) && end - next >= 3
}

/// `…, Bass said.` / `…, said Bass.` / `The man, police said, fled.`: the
/// cue clause at `v` follows its content. `t` is the first token after the
/// cue's object and adjuncts; `end` the sentence's content end.
#[allow(clippy::too_many_arguments)]
fn postposed(
    ctx: &Ctx,
    quotes: &[Quote],
    a: usize,
    b: usize,
    v: usize,
    cue: CueVerb,
    t: usize,
    end: usize,
) -> Option<Attribution> {
    if !cue.form.is_finite() && cue.form != Form::Base {
        return None;
    }
    // The clause's first token `c` and its source.
    let (c, source, after_clause) = if v > a && is_clause_opener(ctx, v - 1) {
        // Verb first: `…, said Bass, the mayor.`
        let (source, after) = np_forward(ctx, ctx.after_cue(v, cue), b)?;
        let after = skip_aside(ctx, after, b);
        let after = skip_adjuncts(ctx, after, b, 3);
        (v, source, after)
    } else {
        let k = modifiers_start(ctx, v, a);
        let lo = k.saturating_sub(MAX_SUBJECT).max(a + 1);
        let c = (lo..k).rev().find(|&c| is_clause_opener(ctx, c - 1))?;
        if names_what_was_said(ctx, c, k) {
            return None;
        }
        let source = np_exact(ctx, c, k.checked_sub(1)?)?;
        if cue.form == Form::Base && !looks_plural(ctx, source) {
            return None;
        }
        (c, source, t)
    };
    // The content before the clause (and after it, for a clause in the
    // middle).
    let opener = c - 1;
    let mut first_end = opener;
    if ctx.is_quote(opener) {
        // `The plan is "dead," Bass said.`: the closing mark is content.
        first_end = opener + 1;
        if ctx.is_punct(opener + 1, ",") {
            return None;
        }
    }
    // The content opens the sentence, or the clause after a dash, colon or
    // semicolon (`He had a rally that night — and the permit, his campaign
    // said, was hard to get.`).
    let first_start = (a..opener)
        .rev()
        .find(|&i| {
            ctx.kind(i) == Some(TokenKind::Dash) || ctx.is_punct(i, ";") || ctx.is_punct(i, ":")
        })
        .map_or(a, |i| i + 1);
    let first_start = if ctx.word(first_start).eq_ignore_ascii_case("and") {
        first_start + 1
    } else {
        first_start
    };
    let first_end = trim_end(ctx, first_start, first_end);
    let words = (first_start..first_end).filter(|&i| ctx.is_word(i)).count();
    // (`Otherwise, she said, …`: one word before a clause in the middle.)
    let middle = after_clause < end && ctx.is_punct(after_clause, ",");
    if words < 2 && !(middle && words == 1) {
        return None;
    }
    let mut parts: Vec<std::ops::Range<usize>> = std::iter::once(first_start..first_end).collect();
    if after_clause < end && ctx.is_punct(after_clause, ",") {
        let next = after_clause + 1;
        let participle = ctx
            .cue(next)
            .is_some_and(|c| c.form == Form::Progressive || c.form.is_finite());
        let joins = ctx.is_word(next)
            && is_one_of(ctx.word(next), &["and", "but", "while", "who", "which"]);
        let continues = ctx.is_word(next) || starts_content(ctx, next);
        if !participle && !joins && next < end && continues {
            let stop = trim_end(ctx, next, end);
            if stop > next {
                parts.push(next..stop);
            }
        }
    } else if after_clause < end && !is_clause_edge(ctx, after_clause) {
        return None;
    }
    // Content that is exactly one quotation is the direct-quote finder's.
    if parts.len() == 1 && is_one_quote(quotes, first_start, first_end) {
        return None;
    }
    Some(record(
        ctx,
        quotes,
        parts,
        v,
        cue,
        Some(source),
        Pattern::IndirectPostposed,
    ))
}

/// True when tokens `c..k` before a cue open with a noun for something
/// said, followed by a reduced relative clause's subject: `…, a claim
/// local mayors disputed.` The clause comments on the claim; its subject
/// is not the source of what comes before.
fn names_what_was_said(ctx: &Ctx, c: usize, k: usize) -> bool {
    k > c + 2
        && is_one_of(ctx.word(c), &["a", "an", "the", "that", "this"])
        && is_one_of(
            ctx.word(c + 1),
            &[
                "claim",
                "assertion",
                "allegation",
                "accusation",
                "charge",
                "contention",
                "argument",
                "view",
                "notion",
                "idea",
                "account",
                "characterization",
                "characterisation",
                "description",
                "version",
                "point",
                "figure",
                "estimate",
                "position",
            ],
        )
}

/// Builds the record for content token ranges `parts` and the cue at `v`.
fn record(
    ctx: &Ctx,
    quotes: &[Quote],
    parts: Vec<std::ops::Range<usize>>,
    v: usize,
    cue: CueVerb,
    source: Option<Span>,
    pattern: Pattern,
) -> Attribution {
    let (mut kind, content_spans) = content_kind(ctx, quotes, &parts);
    if kind != AttributionKind::Direct {
        let learned = cue.lemma == "learn";
        if cue.lemma == "report" || learned {
            kind = AttributionKind::AccordingTo;
        }
    }
    let cue_span = ctx.cue_span(v, cue);
    let mut a = Attribution::new(
        kind,
        content_spans.first().copied().unwrap_or(cue_span),
        Some(cue_span),
        source,
        pattern,
    );
    a.set_parts(content_spans);
    a
}

/// The kind of reported content made of token ranges `parts` (indirect,
/// mixed when it holds a quotation, direct when it is exactly one) and its
/// spans.
pub(super) fn content_kind(
    ctx: &Ctx,
    quotes: &[Quote],
    parts: &[std::ops::Range<usize>],
) -> (AttributionKind, Vec<Span>) {
    let spans: Vec<Span> = parts
        .iter()
        .map(|r| ctx.doc.tokens_span(r.clone()))
        .collect();
    let first = parts.first().map_or(0, |r| r.start);
    let last = parts.last().map_or(0, |r| r.end);
    let has_quote = parts.iter().any(|r| {
        let k = quotes.partition_point(|q| q.open_start < r.start);
        quotes.get(k).is_some_and(|q| q.open_start < r.end)
    });
    let mut kind = if has_quote {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    };
    let mut content_spans = spans;
    if parts.len() == 1 {
        // `said: "…"` — exactly one quotation (after an optional `that`).
        let mut s = first;
        if ctx.word(s).eq_ignore_ascii_case("that") || ctx.is_punct(s, ",") {
            s += 1;
        }
        if let Some(q) = quote_spanning(quotes, s, last) {
            kind = AttributionKind::Direct;
            content_spans = vec![q.speech(ctx.doc)];
        }
    }
    (kind, content_spans)
}

/// The quotation whose marks are exactly tokens `s..e`, if any.
fn quote_spanning(quotes: &[Quote], s: usize, e: usize) -> Option<&Quote> {
    let k = quotes.partition_point(|q| q.open_start < s);
    let q = quotes.get(k)?;
    (q.open_start == s && q.close_end.map_or(q.inner.end, |c| c + 1) == e).then_some(q)
}

/// True when tokens `s..e` are exactly one quotation.
fn is_one_quote(quotes: &[Quote], s: usize, e: usize) -> bool {
    quote_spanning(quotes, s, e).is_some()
}

/// True when the sentence `a..` up to token `v` is in capitals (a shouted
/// headline), where capitalised cues are normal.
fn is_shouted(ctx: &Ctx, a: usize, v: usize) -> bool {
    let w = ctx.word(v);
    w.chars().all(|c| !c.is_lowercase())
        && (a..v)
            .filter(|&i| ctx.is_word(i))
            .all(|i| ctx.word(i).chars().all(|c| !c.is_lowercase()))
}

/// True when `span`, read as the subject of a cue, ends in a word that can
/// head a noun phrase: not a lower-case past form (`helped`) or adjective
/// (`a previous`, `the environmental`) unless a source noun.
pub(super) fn plausible_subject(ctx: &Ctx, span: Span) -> bool {
    let last = ctx.token_at(span.end).saturating_sub(1);
    let w = ctx.word(last);
    if !ctx.is_word(last) || !is_lowercase(w) {
        return true;
    }
    let classes = ctx.text_classes(last);
    if classes.has(ANONYMOUS_NOUN)
        || is_one_of(
            w,
            &[
                "surveyed",
                "polled",
                "interviewed",
                "questioned",
                "asked",
                "contacted",
            ],
        )
        || classes.has(GROUP_NOUN | DOCUMENT_NOUN)
        || is_one_of(
            w,
            &["individual", "rival", "critic", "general", "professional"],
        )
    {
        return true;
    }
    let adjective = [
        "ous", "ive", "al", "ic", "ful", "less", "able", "ible", "ed",
    ]
    .iter()
    .any(|suffix| w.len() > suffix.len() + 2 && w.ends_with(suffix));
    !adjective
}

/// Verbs that attribute in a bare plural present (`Officials say …`,
/// `Polls show …`) without `that`: all but those whose plain sense is
/// usually not reporting (`the new routes add forty minutes`, `they offer
/// rides`).
fn is_plain_plural_cue(cue: CueVerb) -> bool {
    !is_one_of(
        cue.lemma,
        &[
            "add", "offer", "push", "press", "commit", "post", "charge", "state", "comment",
            "cite", "learn", "text", "read", "sing", "lobby", "embrace",
        ],
    )
}

/// True for contents that say nothing: `said no more`, `said so`, `said
/// nothing`, `said it`.
pub(super) fn is_empty_content(ctx: &Ctx, start: usize, stop: usize) -> bool {
    stop - start <= 2
        && (start..stop).all(|i| {
            is_one_of(
                ctx.word(i),
                &[
                    "no",
                    "more",
                    "nothing",
                    "so",
                    "yes",
                    "little",
                    "much",
                    "otherwise",
                    "something",
                    "anything",
                    "goodbye",
                    "this",
                    "that",
                    "it",
                    "too",
                    "a",
                    "lot",
                    "as",
                    "such",
                    "okay",
                    "ok",
                    "thanks",
                    "hello",
                    "less",
                ],
            )
        })
}

/// Verbs of speech that come before their subject after a quotation or
/// reported clause: `…, said Bass.`, `…, added the mayor.`
fn inverts(cue: CueVerb) -> bool {
    is_one_of(
        cue.lemma,
        &[
            "say",
            "tell",
            "add",
            "write",
            "ask",
            "explain",
            "note",
            "continue",
            "argue",
            "insist",
            "recall",
            "reply",
            "respond",
            "answer",
            "warn",
            "observe",
            "remark",
            "declare",
            "conclude",
            "counter",
            "concede",
            "admit",
            "acknowledge",
            "claim",
            "report",
            "announce",
            "state",
            "tweet",
            "post",
            "joke",
            "quip",
            "predict",
            "promise",
            "suggest",
        ],
    )
}

/// True when `word` after the cue opens its complement rather than an
/// adjunct: `called for a recount`, `called on the mayor to resign`,
/// `talked about the budget`, `warned of delays`.
fn opens_complement(cue: CueVerb, word: &str) -> bool {
    let pairs: &[(&str, &[&str])] = &[
        ("call", &["for", "on"]),
        ("talk", &["about"]),
        ("speak", &["about", "of", "out"]),
        ("warn", &["of", "about", "against"]),
        ("ask", &["about", "for"]),
        ("argue", &["for", "against"]),
        ("complain", &["about", "of"]),
        ("worry", &["about"]),
        ("hope", &["for"]),
        ("apologize", &["for"]),
        ("thank", &["for"]),
        ("point", &["to"]),
        ("refer", &["to"]),
        ("agree", &["with", "to"]),
        ("disagree", &["with"]),
        ("testify", &["about"]),
        ("comment", &["on"]),
        ("elaborate", &["on"]),
        ("insist", &["on"]),
        ("joke", &["about"]),
        ("boast", &["about", "of"]),
    ];
    pairs
        .iter()
        .any(|(lemma, preps)| *lemma == cue.lemma && is_one_of(word, preps))
}

/// True when the -s form of a cue at token `v` is a plural noun heading
/// the subject of the verb of saying right after it: `Privacy advocates
/// say …`, `Critics charge …` is the verb (no verb follows).
pub(super) fn is_subject_noun(ctx: &Ctx, v: usize, cue: CueVerb) -> bool {
    cue.form == Form::Present
        && ctx.word(v).ends_with('s')
        && ctx
            .cue(v + 1)
            .is_some_and(|next| matches!(next.form, Form::Base | Form::Past | Form::Present))
}

/// Verbs whose addressee comes with `to` (`apologized to fans`,
/// `complained to the council that …`), where `to` opens no content.
pub(super) fn addressed_with_to(cue: CueVerb) -> bool {
    is_one_of(
        cue.lemma,
        &[
            "apologize",
            "apologise",
            "complain",
            "explain",
            "write",
            "speak",
            "talk",
            "announce",
            "describe",
            "confide",
            "mention",
            "report",
        ],
    )
}

/// Verbs whose first complement is the addressee: `told reporters …`.
fn takes_object(cue: CueVerb) -> bool {
    is_one_of(
        cue.lemma,
        &[
            "tell", "assure", "remind", "inform", "advise", "promise", "warn", "ask", "thank",
        ],
    )
}

/// Where the `that` clause after an addressee starts, for a verb whose
/// first complement is the addressee (`told reporters at 9 a.m. that …`):
/// the index of `that`, when the addressee and at most four words of
/// adjuncts lead to it. For the learned records, which otherwise take the
/// addressee as the start of the content.
pub fn addressed_complement(ctx: &Ctx, cue: CueVerb, t: usize, end: usize) -> Option<usize> {
    if !takes_object(cue) {
        return None;
    }
    let after = skip_object(ctx, t, end);
    if after == t {
        return None;
    }
    let start = skip_adjuncts(ctx, after, end, 4);
    (start < end && ctx.word(start).eq_ignore_ascii_case("that")).then_some(start)
}

/// The index after the addressee starting at `t`: a pronoun, a name, or a
/// short noun phrase (`reporters`, `The Associated Press`), when what
/// follows it starts a complement (`that`, `to`, a clause, an adjunct).
fn skip_object(ctx: &Ctx, t: usize, end: usize) -> usize {
    if ctx.is_quote(t) {
        // A show in quotation marks: `told "Fox News Sunday" that …`.
        let close = (t + 1..end.min(t + 10)).find(|&k| ctx.is_quote(k));
        if let Some(c) = close {
            let next = ctx.word(c + 1);
            if is_one_of(next, &["that", "on", "in", ","]) || is_time_word(next) {
                return c + 1;
            }
        }
        return t;
    }
    if t >= end || !ctx.is_word(t) {
        return t;
    }
    let w = ctx.word(t);
    if is_one_of(w, &["that", "whether", "if", "to", "about", "of"]) {
        return t;
    }
    if is_object_pronoun(w) {
        return t + 1;
    }
    // One noun phrase of plain words running straight into `that` (`told
    // WXYZ's morning show that …`, `told CNN's State of the Union that …`;
    // not `told reporters the plan that …`).
    let mut k = t;
    let mut nominal = false;
    while k < end.min(t + 8) {
        let w = ctx.word(k);
        let classes = ctx.text_classes(k);
        if w.eq_ignore_ascii_case("that") {
            if nominal {
                return k;
            }
            break;
        }
        let joins = ctx.is_possessive(k) || w.eq_ignore_ascii_case("of");
        let second_phrase = classes.has(DETERMINER)
            && nominal
            && !(ctx.is_possessive(k - 1) || ctx.word(k - 1).eq_ignore_ascii_case("of"));
        if !ctx.is_word(k)
            || second_phrase
            || !joins && (is_be(w) || classes.has(AUXILIARY | SUBJECT_PRONOUN | CLAUSE_WORD))
        {
            break;
        }
        nominal |= !joins && !classes.has(DETERMINER);
        k += 1;
    }
    match np_forward(ctx, t, end) {
        Some((_, after)) => {
            let next = ctx.word(after);
            let complement = after >= end
                || is_one_of(
                    next,
                    &[
                        "that", "to", "whether", "if", "about", "of", "he", "she", "they", "it",
                        "we", "i",
                    ],
                )
                || ctx.is_punct(after, ",")
                || ctx.is_punct(after, ":")
                || ctx.is_quote(after)
                || is_stop_preposition(next)
                || is_time_word(next);
            if complement {
                after
            } else {
                t
            }
        }
        None => t,
    }
}

/// After a verb-first postposed clause's source: its aside (`, the mayor of
/// Los Angeles`) up to the end of the sentence or the next comma.
fn skip_aside(ctx: &Ctx, i: usize, end: usize) -> usize {
    if !ctx.is_punct(i, ",") && !ctx.is_punct(i, "(") {
        return i;
    }
    let close = ctx.is_punct(i, "(");
    let mut k = i + 1;
    while k < end && k - i < 24 {
        if close && ctx.is_punct(k, ")") {
            return k + 1;
        }
        if !close && ctx.is_punct(k, ",") {
            // A participle or new clause after the aside.
            return k;
        }
        if ctx.is_quote(k) || ends_clause(ctx, k) {
            return k;
        }
        k += 1;
    }
    k
}

/// True when token `i` can end a content's first part before a postposed
/// cue clause: a comma, a dash, or a closing quotation mark.
pub(super) fn is_clause_opener(ctx: &Ctx, i: usize) -> bool {
    ctx.is_punct(i, ",")
        || ctx.kind(i) == Some(TokenKind::Dash)
        || matches!(ctx.kind(i), Some(TokenKind::Quote(m)) if m.role != crate::text::QuoteRole::Open)
}

/// True when token `i` ends the clause (sentence punctuation, a comma or a
/// dash): what follows a cue there is not its content.
fn is_clause_edge(ctx: &Ctx, i: usize) -> bool {
    ctx.is_punct(i, ",")
        || ctx.kind(i) == Some(TokenKind::Dash)
        || (ends_clause(ctx, i) && !ctx.is_quote(i) && !ctx.is_punct(i, ":"))
}

/// The end of the sentence's content: before its final punctuation.
pub(super) fn content_end(ctx: &Ctx, a: usize, b: usize) -> usize {
    trim_end(ctx, a, b)
}

/// `e` moved back over trailing commas, full stops, semicolons, colons,
/// dashes and ellipses (closing quotation marks stay).
pub(super) fn trim_end(ctx: &Ctx, s: usize, mut e: usize) -> usize {
    while e > s {
        let last = e - 1;
        let trim = match ctx.kind(last) {
            Some(TokenKind::Dash | TokenKind::Ellipsis) => true,
            Some(TokenKind::Punct) => matches!(ctx.word(last), "." | "," | ";" | ":"),
            _ => false,
        };
        if !trim {
            break;
        }
        e = last;
    }
    e
}

/// When the content's last token lies inside a quotation that closes later
/// (past the sentence end), the content runs to its closing mark.
pub(super) fn extend_into_quote(quotes: &[Quote], s: usize, e: usize) -> usize {
    if e == 0 {
        return e;
    }
    let last = e - 1;
    let k = quotes.partition_point(|q| q.open_start <= last);
    quotes[..k]
        .iter()
        .rev()
        .take(4)
        .find(|q| q.depth == 0 && q.open_start >= s && q.inner.contains(&last))
        .and_then(|q| q.close_end)
        .map_or(e, |c| (c + 1).max(e))
}

/// [`super::word_table::hash`] of `and` and `but`.
const AND: u32 = super::word_table::hash_const("and");
const BUT: u32 = super::word_table::hash_const("but");

/// True when token `i` ends a preposed content early: a semicolon, or a
/// comma before another attribution's participle (`, adding …`) or
/// `according to`.
pub(super) fn ends_content(ctx: &Ctx, i: usize) -> bool {
    // (Of the words only `and` and `but` may: the hash spares the others
    // the text tests.)
    if ctx.is_word(i) && !matches!(ctx.word_hash(i), AND | BUT) {
        return false;
    }
    if ctx.is_punct(i, ";") {
        return true;
    }
    if ctx.is_word(i) && is_one_of(ctx.word(i), &["and", "but"]) {
        // `… and tweeted that …`: a second cue of the same subject.
        let mut v = i + 1;
        while ctx.is_word(v) && ctx.text_classes(v).has(VERB_MODIFIER) && v < i + 4 {
            v += 1;
        }
        // A verb of speech, or one whose object is speech (`… and called
        // a donor` goes on; `… and said that …` is a second attribution).
        let speech_follows = |c: super::cues::CueVerb| {
            let t = ctx.after_cue(v, c);
            is_one_of(
                c.lemma,
                &[
                    "say", "tell", "add", "write", "tweet", "post", "warn", "argue", "claim",
                    "insist", "note", "explain", "announce", "admit", "deny", "suggest",
                ],
            ) || is_one_of(ctx.word(t), &["that", ":", ","])
                || ctx.is_quote(t)
        };
        return ctx.cue(v).is_some_and(|c| {
            c.reports && !c.weak && c.form.is_finite() && !c.noun_like && speech_follows(c)
        });
    }
    if !ctx.is_punct(i, ",") {
        return false;
    }
    if is_postposed_clause(ctx, i) {
        return true;
    }
    let next = i + 1;
    (ctx.word(next).eq_ignore_ascii_case("according")
        && ctx.word(next + 1).eq_ignore_ascii_case("to"))
        || ctx
            .cue(next)
            .is_some_and(|c| c.reports && !c.weak && c.form == Form::Progressive)
}

/// True when the comma at `i` opens a short cue clause that ends the
/// sentence (`…, the Ledger has learned.`, `…, officials said Tuesday.`):
/// another attribution's, not content.
fn is_postposed_clause(ctx: &Ctx, i: usize) -> bool {
    for v in i + 1..i + 10 {
        if ends_clause(ctx, v) || ctx.is_punct(v, ",") && v > i + 1 {
            return false;
        }
        let Some(cue) = ctx.cue(v) else {
            continue;
        };
        if !cue.form.is_finite() {
            continue;
        }
        let t = skip_adjuncts(ctx, ctx.after_cue(v, cue), ctx.len(), 3);
        let t = if takes_object(cue) {
            skip_object(ctx, t, ctx.len())
        } else {
            t
        };
        let t = skip_adjuncts(ctx, t, ctx.len(), 3);
        return ends_clause(ctx, t) && !ctx.is_quote(t);
    }
    false
}

/// Where a content read inside a relative clause set off by commas (`Bass,
/// who said the vote was close, left early`) ends: the first comma in
/// `range` outside quotation marks, or closing one (`who called it "a
/// betrayal," pressed her`).
pub(super) fn relative_clause_end(
    ctx: &Ctx,
    quoted: &[bool],
    range: std::ops::Range<usize>,
) -> Option<usize> {
    range.into_iter().find(|&i| {
        ctx.is_punct(i, ",")
            && (!quoted_at(quoted, i)
                || matches!(ctx.kind(i + 1), Some(TokenKind::Quote(m)) if m.role == crate::text::QuoteRole::Close))
    })
}

pub(super) fn quoted_at(quoted: &[bool], i: usize) -> bool {
    quoted.get(i).copied().unwrap_or(false)
}

/// True when token `i` can open reported content: a word that is not an
/// auxiliary, a number, a quotation mark, a name or handle. `to` opens an
/// infinitive (`vowed to fight`), not a noun phrase (`residents opposed to
/// the deal`, `said to the crowd`).
pub(super) fn starts_content(ctx: &Ctx, i: usize) -> bool {
    match ctx.kind(i) {
        Some(TokenKind::Word) => {
            let w = ctx.word(i);
            let infinitive = w.eq_ignore_ascii_case("to")
                && !ctx.text_classes(i + 1).has(DETERMINER | OBJECT_PRONOUN);
            (!ctx.text_classes(i).has(AUXILIARY) || infinitive)
                && !is_be(w)
                && !is_one_of(
                    w,
                    &[
                        "has", "have", "had", "and", "but", "or", "so", "by", "in", "on", "at",
                        "after", "before", "during", "since", "until", "from", "via", "through",
                        "while", "as", "than",
                    ],
                )
        }
        Some(TokenKind::Number | TokenKind::Handle | TokenKind::Symbol) => true,
        Some(TokenKind::Quote(m)) => m.role != crate::text::QuoteRole::Close,
        _ => false,
    }
}

/// True for a subject that can take a plain plural verb: a plural noun,
/// a plural or first-person pronoun, or a coordination.
fn looks_plural(ctx: &Ctx, span: Span) -> bool {
    let text = ctx.doc.slice(span);
    // The head: the last word before a complement (`people [familiar with
    // …]`, `4 [in 10]`).
    let last = text
        .split(' ')
        .take_while(|w| {
            !is_one_of(
                w,
                &["of", "with", "in", "from", "for", "at", "close", "familiar"],
            )
        })
        .last()
        .unwrap_or(text);
    if last.chars().next().is_some_and(|c| c.is_ascii_digit())
        || last.ends_with('%')
        || is_one_of(
            last,
            &[
                "percent", "half", "most", "many", "some", "all", "both", "few", "several",
                "others", "majority",
            ],
        )
    {
        return true;
    }
    let lower_s = last.ends_with('s') && !last.ends_with("'s") && !last.ends_with("’s");
    lower_s
        || text.contains(" and ")
        || is_one_of(
            last,
            &[
                "they",
                "we",
                "i",
                "you",
                "people",
                "police",
                "staff",
                "officials",
                "men",
                "women",
                "children",
                "majority",
                "public",
                "media",
                "press",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// `(kind, content parts joined by " | ", cue, source)`.
    fn rows(text: &str) -> Vec<(AttributionKind, String, String, String)> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let quotes = super::super::quotes::pair(&doc);
        let quoted = super::super::quoted_tokens(&ctx, &quotes);
        find(&ctx, &quotes, &quoted)
            .iter()
            .map(|a| {
                (
                    a.kind,
                    a.content_parts
                        .iter()
                        .map(|&p| doc.slice(p))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    a.cue.map_or("", |s| doc.slice(s)).to_string(),
                    a.source.map_or("", |s| doc.slice(s)).to_string(),
                )
            })
            .collect()
    }

    fn ind(content: &str, cue: &str, source: &str) -> (AttributionKind, String, String, String) {
        (
            AttributionKind::Indirect,
            content.into(),
            cue.into(),
            source.into(),
        )
    }

    /// The content of a record running from `from` to the end of `text`
    /// (without its full stop): is it a request for anonymity?
    fn asks_anonymity(text: &str, from: &str) -> bool {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let start = text.find(from).unwrap();
        let content = Span::new(start, text.len() - 1);
        let a = Attribution::new(
            AttributionKind::Indirect,
            content,
            None,
            None,
            super::super::Pattern::LearnedCue,
        );
        is_anonymity_request(&ctx, &a)
    }

    #[test]
    fn anonymity_requests_state_nothing() {
        let asked = "An aide, who asked not to be named, left.";
        assert!(asks_anonymity(asked, "not to be named"));
        let spoke = "Two officials spoke on condition of anonymity.";
        assert!(asks_anonymity(spoke, "on condition"));
        let that = "She asked that she not be identified.";
        assert!(asks_anonymity(that, "that she"));
        let granted = "The aide was granted Anonymity.";
        assert!(asks_anonymity(granted, "Anonymity"));
        let plain = "Bass said that the plan was dead.";
        assert!(!asks_anonymity(plain, "that the plan"));
        let not = "Bass said not everyone agreed.";
        assert!(!asks_anonymity(not, "not everyone"));
    }

    #[test]
    fn reading_is_not_reporting() {
        assert!(rows("Residents can read the full plan at the library.").is_empty());
        assert!(rows("Reyes read the report twice before the vote.").is_empty());
    }

    #[test]
    fn adverbs_between_subject_and_cue() {
        assert_eq!(
            rows("Park rangers have long warned that the trail floods in spring."),
            [ind(
                "that the trail floods in spring",
                "warned",
                "Park rangers"
            )]
        );
        assert_eq!(
            rows("Adler told reporters at 9 a.m. that the branch would close."),
            [ind("that the branch would close", "told", "Adler")]
        );
    }

    #[test]
    fn preposed_reported_speech() {
        assert_eq!(
            rows("Mayor Ruth Adler said the library would stay open."),
            [ind("the library would stay open", "said", "Ruth Adler")]
        );
        assert_eq!(
            rows("Adler said that the library would stay open."),
            [ind("that the library would stay open", "said", "Adler")]
        );
        assert_eq!(
            rows("Adler told reporters on Tuesday that the branch would close."),
            [ind("that the branch would close", "told", "Adler")]
        );
        assert_eq!(
            rows("The fire chief has warned that the wind will pick up."),
            [ind(
                "that the wind will pick up",
                "warned",
                "The fire chief"
            )]
        );
        assert_eq!(
            rows("City officials say the water is safe to drink."),
            [ind("the water is safe to drink", "say", "City officials")]
        );
        assert_eq!(
            rows("Adler said in a statement that the vote was rigged."),
            [ind("that the vote was rigged", "said", "Adler")]
        );
    }

    #[test]
    fn postposed_and_parenthetical() {
        assert_eq!(
            rows("The library will stay open, Adler said."),
            [ind("The library will stay open", "said", "Adler")]
        );
        assert_eq!(
            rows("The library will stay open, said Ruth Adler, the mayor."),
            [ind("The library will stay open", "said", "Ruth Adler")]
        );
        assert_eq!(
            rows("The branch will close in June, a city spokesperson told reporters Tuesday."),
            [ind(
                "The branch will close in June",
                "told",
                "a city spokesperson"
            )]
        );
        // Nothing before the cue clause: the content follows its comma.
        assert_eq!(
            rows("As Adler noted, the branch had been losing money for years."),
            [ind(
                "the branch had been losing money for years",
                "noted",
                "Adler"
            )]
        );
        assert_eq!(
            rows("Adler says, win or lose, the library stays open."),
            [ind("win or lose, the library stays open", "says", "Adler")]
        );
        // The addressee ends the sentence: the content came before.
        assert_eq!(
            rows("The branch will close in June, a city spokesperson told reporters."),
            [ind(
                "The branch will close in June",
                "told",
                "a city spokesperson"
            )]
        );
        assert_eq!(
            rows("The pool stays shut, the parks director told the council last week."),
            [ind("The pool stays shut", "told", "the parks director")]
        );
        assert_eq!(
            rows("The suspect, police said, fled on foot."),
            [ind("The suspect | fled on foot", "said", "police")]
        );
    }

    #[test]
    fn participles_and_coordination() {
        assert_eq!(
            rows("Adler defended the budget, saying the cuts were fair."),
            [
                ind("the budget", "defended", "Adler"),
                ind("the cuts were fair", "saying", "Adler")
            ]
        );
        assert_eq!(
            rows("Adler rejected the plan and said the council had overreached."),
            [
                ind("the plan", "rejected", "Adler"),
                ind("the council had overreached", "said", "Adler")
            ]
        );
    }

    #[test]
    fn mixed_and_direct() {
        assert_eq!(
            rows("Adler said the plan was “dead on arrival” in the council."),
            [(
                AttributionKind::Mixed,
                "the plan was “dead on arrival” in the council".into(),
                "said".into(),
                "Adler".into()
            )]
        );
        assert_eq!(
            rows("Adler said: “The plan is dead.”"),
            [(
                AttributionKind::Direct,
                "The plan is dead.".into(),
                "said".into(),
                "Adler".into()
            )]
        );
    }

    #[test]
    fn a_person_and_a_group_speak_together() {
        let text = "Ruth Adler and other critics said the plan would fail.";
        let doc = Document::new(text);
        let adler = [crate::entities::Entity::new(
            Span::new(0, 10),
            crate::entities::Label::Person,
        )];
        let ctx = Ctx::new(&doc, &adler);
        let found = find(&ctx, &[], &vec![false; doc.tokens.len()]);
        let sources: Vec<&str> = found
            .iter()
            .filter_map(|a| a.source.map(|s| doc.slice(s)))
            .collect();
        assert_eq!(sources, ["Ruth Adler and other critics"]);
    }

    #[test]
    fn the_addressee_is_no_content() {
        assert_eq!(
            rows("Okonjo told WXYZ's morning show that she was proud."),
            [ind("that she was proud", "told", "Okonjo")]
        );
        assert_eq!(
            rows("Okonjo told CNN's State of the Union that she was proud."),
            [ind("that she was proud", "told", "Okonjo")]
        );
    }

    #[test]
    fn not_reported_speech() {
        // Nouns, passives, quotes and verbs without a subject.
        assert!(rows("The report was released on Monday.").is_empty());
        assert!(rows("She was told to leave the building.").is_empty());
        assert!(rows("“I think we said enough,” Adler said.").is_empty());
        assert!(rows("His claims about the budget drew scrutiny.").is_empty());
        assert!(rows("Adler laughed at the idea.").is_empty());
        // `to` before a noun phrase is a preposition, not an infinitive.
        assert!(rows("Residents opposed to the plan packed the hall.").is_empty());
        assert!(rows("Critics opposed to it filed suit.").is_empty());
        // A verb of force with a particle is no speech.
        assert!(rows("The storm knocked out power to the valley.").is_empty());
        // A noun for what was said, then a reduced relative clause.
        assert_eq!(
            rows("The ministry said it had opened the dams, a claim local mayors disputed."),
            [ind("it had opened the dams", "said", "The ministry")]
        );
        // `to` before an addressee opens no content.
        assert!(rows("Reyes apologized to fans and left the stage.").is_empty());
        assert!(rows("Reyes apologized to fans after the show was called off.").is_empty());
        assert_eq!(
            rows("Reyes complained to the council that the rent was too high."),
            [ind("that the rent was too high", "complained", "Reyes")]
        );
        // `called off` cancels; it reports nothing.
        assert!(rows("The venue called off the show at noon.").is_empty());
    }

    #[test]
    fn according_to_verbs() {
        assert_eq!(
            rows("The Daily Ledger reports that the mayor will resign."),
            [(
                AttributionKind::AccordingTo,
                "that the mayor will resign".into(),
                "reports".into(),
                "Daily Ledger".into()
            )]
        );
        assert_eq!(
            rows("The mayor will resign, the Ledger has learned."),
            [(
                AttributionKind::AccordingTo,
                "The mayor will resign".into(),
                "learned".into(),
                "Ledger".into()
            )]
        );
    }
}
