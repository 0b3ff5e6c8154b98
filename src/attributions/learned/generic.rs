//! Records around learned cues: the content and source next to a cue word
//! the rules do not know, read with the rules' clause machinery.
//!
//! A learned cue is a run of adjacent cue words (`voiced support`), with a
//! following preposition that belongs to it (`support for`, `criticism
//! of`, `called for`). Then, in its sentence:
//! - when content follows (`The mayor voiced support for the plan.`), it
//!   runs from after the cue to the end of the clause, and the source is
//!   the cue's subject (`The mayor`) or, for a noun cue, its possessor
//!   (`Its ban on …` → `Its`, `HP's decision …` → `HP`);
//! - when the cue ends the clause (`The plan will fail, the mayor fears.`),
//!   the content is the clause before it and the source the noun phrase
//!   between them (or after a verb-first cue).
//!
//! Cues that a rule record already uses are left to the rules.

use std::ops::Range;

use super::super::clause::{
    is_be, is_participle_opener, modifiers_start, sentence_subject, source_before,
    source_of_participle,
};
use super::super::confidence::Pattern;
use super::super::indirect::{
    addressed_complement, addressed_with_to, content_kind, ends_content, extend_into_quote,
    is_clause_opener, is_empty_content, plausible_subject, quoted_at, reads_words,
    relative_clause_end, starts_content, trim_end,
};
use super::super::lexicon::*;
use super::super::quotes::Quote;
use super::super::source::{np_backward, np_exact, np_forward, Ctx};
use super::super::Attribution;
use crate::span::Span;
use crate::text::TokenKind;

/// Most tokens between a postposed cue and the comma before its subject.
const MAX_SUBJECT: usize = 10;

/// Most words between two cue words of one cue.
const MAX_CUE_GAP: usize = 2;

/// Prepositions that belong to the cue before them (`support for`,
/// `criticism of`, `questions about`, `pointed to`).
const CUE_PREPOSITIONS: &[&str] = &[
    "for", "of", "about", "on", "over", "against", "with", "to", "toward", "towards", "into", "at",
    "in",
];

/// Verbs whose phrasal `up` form is a doing, not a statement (`signed
/// up`, `showed up`, `ended up`).
const PHRASAL_DOINGS: &[&str] = &[
    "sign", "signs", "signed", "signing", "show", "shows", "showed", "showing", "end", "ends",
    "ended", "ending", "line", "lined", "lining",
];

/// Raising verbs: what they attribute is an impression of their subject
/// (`The plan seems unlikely to pass`, `Turnout appeared to be high`), so
/// the subject belongs to the content and no one is its source.
const RAISING: &[&str] = &[
    "seem",
    "seems",
    "seemed",
    "seeming",
    "appear",
    "appears",
    "appeared",
    "appearing",
];

/// Subjects that stand for no thing (`It seems that …`).
const EXPLETIVES: &[&str] = &["it", "there"];

/// Participles of a state of mind (`is worried about`, `were convinced
/// that`): after `be` with no `by` agent they are adjectives, and the
/// subject holds the view, so it is the source, not part of the content
/// (PolNeAR: `The union is worried about | what …`, source `The union`).
const EXPERIENCERS: &[&str] = &[
    "worried",
    "concerned",
    "convinced",
    "unconvinced",
    "assured",
    "excited",
    "thrilled",
    "pleased",
    "delighted",
    "disappointed",
    "frustrated",
    "dismayed",
    "alarmed",
    "troubled",
    "bothered",
    "rattled",
    "shocked",
    "surprised",
    "stunned",
    "impressed",
    "unimpressed",
    "relieved",
    "satisfied",
    "encouraged",
    "heartened",
    "outraged",
    "offended",
    "horrified",
    "annoyed",
    "confused",
    "pumped",
];

/// Possessive determiners: the source of a noun cue (`its ban on`).
const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Records for the learned cue tokens `cues` (ascending), except where a
/// record of `existing` already has a cue.
#[inline(never)]
pub fn build(
    ctx: &Ctx,
    quotes: &[Quote],
    quoted: &[bool],
    cues: &[usize],
    existing: &[Attribution],
) -> Vec<Attribution> {
    let mut taken: Vec<Span> = existing.iter().filter_map(|a| a.cue).collect();
    taken.sort_unstable();
    let overlaps_taken = |s: Span| {
        let k = taken.partition_point(|c| c.end <= s.start);
        taken[k..].iter().take(4).any(|c| c.overlaps(s))
            || taken[..k].iter().rev().take(4).any(|c| c.overlaps(s))
    };
    let free: Vec<usize> = cues
        .iter()
        .copied()
        .filter(|&i| !overlaps_taken(ctx.span(i)))
        .collect();
    let mut out = Vec::new();
    let mut sentences = ctx.doc.sentences.iter().peekable();
    let mut k = 0;
    while k < free.len() {
        let first = free[k];
        let mut last = first;
        k += 1;
        while sentences.peek().is_some_and(|s| s.tokens.end <= first) {
            sentences.next();
        }
        let Some(sent) = sentences.peek() else {
            break;
        };
        let range = sent.tokens.start..sent.tokens.end.min(ctx.len());
        // One cue may hold a few other words: `made an impassioned call
        // for`, `made it clear`.
        while k < free.len()
            && free[k] < range.end
            && free[k] <= last + 1 + MAX_CUE_GAP
            && (last + 1..free[k]).all(|i| ctx.is_word(i) || ctx.kind(i) == Some(TokenKind::Number))
        {
            last = free[k];
            k += 1;
        }
        if !range.contains(&first) || last >= range.end {
            continue;
        }
        // Words just before a rule's cue belong to it (`seemed to
        // recognize`, `has long argued`).
        let before_taken = (last + 1..(last + 2 + MAX_CUE_GAP).min(range.end))
            .take_while(|&i| ctx.is_word(i))
            .any(|i| overlaps_taken(ctx.span(i)));
        if before_taken {
            continue;
        }
        if let Some(a) = at_run(ctx, quotes, quoted, range, first, last) {
            out.push(a);
        }
    }
    out
}

/// The record of the cue run `first..=last` in the sentence `sent`.
fn at_run(
    ctx: &Ctx,
    quotes: &[Quote],
    quoted: &[bool],
    sent: Range<usize>,
    first: usize,
    last: usize,
) -> Option<Attribution> {
    let a = sent.start;
    let end = trim_end(ctx, a, sent.end);
    let mut cue_end = last + 1;
    // `declined to comment on …`: the refusal is the report (the rules
    // read it), not the comment refused.
    if first >= 2
        && ctx.word(first - 1).eq_ignore_ascii_case("to")
        && ctx
            .cue(first - 2)
            .is_some_and(|c| is_one_of(c.lemma, &["decline", "refuse"]))
    {
        return None;
    }
    // `apologized to fans …`: an addressee, read by the rules when a
    // complement follows it.
    if ctx.word(cue_end).eq_ignore_ascii_case("to") && ctx.cue(last).is_some_and(addressed_with_to)
    {
        return None;
    }
    // `seemed to reflect`, `appears unlikely`, but not `appeared on
    // television`: an impression of the subject.
    let raising = is_one_of(ctx.word(last), RAISING)
        && cue_end < end
        && (ctx.word(cue_end).eq_ignore_ascii_case("to")
            || !is_one_of(ctx.word(cue_end), CUE_PREPOSITIONS));
    // `support for …`, `critical of …`; but `seems to be …`, `plans to
    // expand …` keep their `to` in the content.
    if !raising
        && cue_end + 1 < end
        && ctx.is_word(cue_end)
        && is_one_of(ctx.word(cue_end), CUE_PREPOSITIONS)
        && (!ctx.word(cue_end).eq_ignore_ascii_case("to") || starts_content(ctx, cue_end + 1))
    {
        cue_end += 1;
    }
    let cue = ctx.doc.tokens_span(first..cue_end);
    let t = cue_end;
    // A tally after the cue (`voted 7-2`, `passed 52-48`): a decision
    // counted, not words attributed.
    if ctx.kind(t) == Some(TokenKind::Number) && ctx.word(t).contains('-') {
        return None;
    }
    // Doings, not words: `signed up to speak`, `showed up`, and someone
    // reading (`Residents can read the plan`) rather than a text's words.
    let verb = ctx.word(last);
    if (ctx.word(t).eq_ignore_ascii_case("up") && is_one_of(verb, PHRASAL_DOINGS))
        || (is_one_of(verb, &["read", "reads", "reading"]) && !reads_words(ctx, a, last))
    {
        return None;
    }
    if let Some(found) = passive(ctx, quotes, a, end, first, cue_end, cue) {
        return Some(found);
    }
    // `told reporters at 9 a.m. that …`: the content starts at `that`,
    // not with the addressee.
    let t = ctx
        .cue(last)
        .and_then(|cue| addressed_complement(ctx, cue, t, end))
        .unwrap_or(t);
    // Content follows: any word, number or quotation (`which officials
    // said will take effect …` starts with an auxiliary).
    let opens = t < end
        && (starts_content(ctx, t)
            || ctx.is_word(t) && !is_one_of(ctx.word(t), &["and", "but", "or", "by"]));
    if opens {
        let mut stop = end;
        if let Some(edge) = (t..stop).find(|&i| !quoted_at(quoted, i) && ends_content(ctx, i)) {
            stop = edge;
        }
        // A cue inside a relative clause set off by commas (`Reyes, who
        // voted against it, said …`): the content ends with the clause.
        let k = modifiers_start(ctx, first, a);
        if k >= a + 2 && is_one_of(ctx.word(k - 1), &["who", "which"]) && ctx.is_punct(k - 2, ",") {
            if let Some(comma) = relative_clause_end(ctx, quoted, t..stop) {
                stop = comma;
            }
        }
        let stop = extend_into_quote(quotes, t, trim_end(ctx, t, stop));
        if stop <= t || is_empty_content(ctx, t, stop) {
            return None;
        }
        if raising {
            return impression(ctx, quotes, a, first, t..stop, cue);
        }
        let source = possessor(ctx, first, a).or_else(|| subject(ctx, first, a, end));
        return record(ctx, quotes, std::slice::from_ref(&(t..stop)), cue, source);
    }
    // The cue ends its clause: the content is the clause before it.
    let (opener, source) = if first > a && is_clause_opener(ctx, first - 1) {
        // Verb first: `…, argued the mayor.`
        let source = np_forward(ctx, t, sent.end).map(|(s, _)| s);
        (first - 1, source)
    } else {
        let k = modifiers_start(ctx, first, a);
        let lo = k.saturating_sub(MAX_SUBJECT).max(a + 1);
        let c = (lo..k).rev().find(|&c| is_clause_opener(ctx, c - 1))?;
        let source = k.checked_sub(1).and_then(|e| np_exact(ctx, c, e));
        (c - 1, source)
    };
    let first_end = if ctx.is_quote(opener) {
        opener + 1
    } else {
        opener
    };
    let stop = trim_end(ctx, a, first_end);
    let words = (a..stop).filter(|&i| ctx.is_word(i)).count();
    if words < 2 {
        return None;
    }
    record(ctx, quotes, std::slice::from_ref(&(a..stop)), cue, source)
}

/// A passive cue (`X was described as …`, `X is considered …`, `X was
/// named by Y`): the content is the subject (with a complement after the
/// cue), the source the `by` phrase, if any.
fn passive(
    ctx: &Ctx,
    quotes: &[Quote],
    a: usize,
    end: usize,
    first: usize,
    cue_end: usize,
    cue: Span,
) -> Option<Attribution> {
    let w = ctx.word(first);
    let participle = is_lowercase(w)
        && (w.ends_with("ed")
            || ctx
                .cue_word(first)
                .is_some_and(|c| c.form == super::super::cues::Form::Participle));
    if !participle || first == a {
        return None;
    }
    let k = modifiers_start(ctx, first, a);
    let be = k
        .checked_sub(1)
        .filter(|&b| b >= a && ctx.is_word(b) && is_be(ctx.word(b)))?;
    let subject = np_backward(ctx, be.checked_sub(1).filter(|&s| s >= a)?, a)?;
    let subject_tokens = ctx.token_at(subject.start)..ctx.token_at(subject.end);
    // The agent: `by Y` right after the cue (or after its complement).
    let by = (cue_end..(cue_end + 3).min(end)).find(|&i| ctx.word(i).eq_ignore_ascii_case("by"));
    let mut source = by.and_then(|b| np_forward(ctx, b + 1, end)).map(|(s, _)| s);
    let mut parts = vec![subject_tokens];
    let complement_end = by.unwrap_or(end);
    if cue_end < complement_end && !ctx.is_punct(cue_end, ",") {
        parts.push(cue_end..trim_end(ctx, cue_end, complement_end));
    }
    parts.retain(|r| !r.is_empty());
    // A state of mind with what it is about: the subject holds it.
    if by.is_none() && parts.len() == 2 && is_one_of(w, EXPERIENCERS) {
        source = Some(subject);
        parts.remove(0);
    }
    record(ctx, quotes, &parts, cue, source)
}

/// The subject of the cue word at `first` (sentence from `a`, content
/// end `end`), past what may stand between (`Both are quick to offer`,
/// `The Fed is expected to`, `Cruz is trumpeting`), for a participle the
/// subject of the clause it hangs on (`Smith, delivering …`, `While
/// saying …, he continued`).
pub(super) fn subject(ctx: &Ctx, first: usize, a: usize, end: usize) -> Option<Span> {
    let word = ctx.word(first);
    let participle = is_lowercase(word) && word.len() > 4 && word.ends_with("ing");
    if participle && first > a {
        let k = modifiers_start(ctx, first, a);
        let before = k.checked_sub(1).filter(|&b| b >= a);
        let opener = before.is_some_and(|b| {
            ctx.is_word(b)
                && (is_participle_opener(ctx.word(b))
                    || is_one_of(
                        ctx.word(b),
                        &[
                            "while", "after", "before", "in", "by", "since", "when", "without",
                        ],
                    ))
        });
        if opener && before == Some(a) {
            // `While saying …, he continued …`: the main clause's subject.
            let comma = (first..end).find(|&i| ctx.is_punct(i, ","))?;
            return sentence_subject(ctx, comma + 1, end);
        }
        if opener || before.is_some_and(|b| ctx.is_punct(b, ",")) {
            return source_of_participle(ctx, first, a).filter(|&s| plausible_subject(ctx, s));
        }
    }
    // Walk back over auxiliaries, `be` and `to`-complements.
    let mut k = first;
    for _ in 0..4 {
        k = modifiers_start(ctx, k, a);
        let Some(p) = k.checked_sub(1).filter(|&p| p >= a && ctx.is_word(p)) else {
            break;
        };
        let w = ctx.word(p);
        if is_be(w) {
            k = p;
            continue;
        }
        let governor = p
            .checked_sub(1)
            .filter(|&g| g >= a && ctx.is_word(g) && is_lowercase(ctx.word(g)))
            .filter(|&g| {
                !ctx.text_classes(g).has(DETERMINER) && !ctx.text_classes(g).has(STOP_PREPOSITION)
            });
        match governor {
            Some(g) if w.eq_ignore_ascii_case("to") => k = g,
            _ => break,
        }
    }
    source_before(ctx, k, a).filter(|&s| plausible_subject(ctx, s))
}

/// The possessor of a noun cue: `its ban` → `its`, `HP's decision` → `HP`.
pub(super) fn possessor(ctx: &Ctx, first: usize, floor: usize) -> Option<Span> {
    let p = first.checked_sub(1).filter(|&p| p >= floor)?;
    if ctx.is_word(p) && is_one_of(ctx.word(p), POSSESSIVES) {
        return Some(ctx.span(p));
    }
    if ctx.is_possessive(p) {
        return np_backward(ctx, p.checked_sub(1).filter(|&q| q >= floor)?, floor);
    }
    None
}

/// The record of a raising cue at `first` (`The race appears closer in
/// Ohio`): its subject and what follows the cue are the content, with no
/// source (an expletive subject, `It seems that …`, is left out).
fn impression(
    ctx: &Ctx,
    quotes: &[Quote],
    a: usize,
    first: usize,
    after: Range<usize>,
    cue: Span,
) -> Option<Attribution> {
    let k = modifiers_start(ctx, first, a);
    let subject = source_before(ctx, k, a)
        .map(|s| ctx.token_at(s.start)..ctx.token_at(s.end))
        .filter(|r| !(r.len() == 1 && is_one_of(ctx.word(r.start), EXPLETIVES)));
    let mut parts = Vec::with_capacity(2);
    parts.extend(subject);
    parts.push(after);
    parts.retain(|r| !r.is_empty());
    record(ctx, quotes, &parts, cue, None)
}

/// The learned cue's record over the content pieces `parts` (kind from
/// the quotation marks inside them); `None` when nothing is left.
fn record(
    ctx: &Ctx,
    quotes: &[Quote],
    parts: &[Range<usize>],
    cue: Span,
    source: Option<Span>,
) -> Option<Attribution> {
    let (kind, spans) = content_kind(ctx, quotes, parts);
    if spans.iter().all(|s| s.is_empty()) {
        return None;
    }
    let mut a = Attribution::new(
        kind,
        spans.first().copied().unwrap_or(cue),
        Some(cue),
        source,
        Pattern::LearnedCue,
    );
    a.set_parts(spans);
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// `(content, cue, source)` of the records built around the learned
    /// cue words `cues` (no rule records).
    fn rows(text: &str, cues: &[&str]) -> Vec<(String, String, String)> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let quotes = crate::attributions::quotes::pair(&doc);
        let quoted = crate::attributions::quoted_tokens(&ctx, &quotes);
        let cue_tokens: Vec<usize> = (0..ctx.len())
            .filter(|&i| cues.contains(&ctx.word(i)))
            .collect();
        build(&ctx, &quotes, &quoted, &cue_tokens, &[])
            .iter()
            .map(|a| {
                (
                    doc.slice(a.content).to_string(),
                    a.cue.map_or("", |s| doc.slice(s)).to_string(),
                    a.source.map_or("", |s| doc.slice(s)).to_string(),
                )
            })
            .collect()
    }

    fn row(content: &str, cue: &str, source: &str) -> (String, String, String) {
        (content.into(), cue.into(), source.into())
    }

    #[test]
    fn an_addressee_is_not_part_of_the_content() {
        let text =
            "The bank's chief, Ana Ruiz, told reporters at 9 a.m. that the branch would stay.";
        let found = rows(text, &["told"]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "that the branch would stay");
        // Without `that`, the words after the cue stay the content.
        let found = rows("Ruiz told the story of the branch again.", &["told"]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "the story of the branch again");
    }

    #[test]
    fn a_cue_in_a_relative_clause_keeps_its_content_inside_it() {
        let text = "Councillor Ines Duarte, who opposed the budget, said the pool would close.";
        let found = rows(text, &["opposed"]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "the budget");
        // Without the commas the clause is not set off: the content runs on.
        let text = "Voters who opposed the budget marched on Friday.";
        assert_eq!(
            rows(text, &["opposed"])[0].0,
            "the budget marched on Friday"
        );
    }

    #[test]
    fn subjects_of_learned_cues() {
        assert_eq!(
            rows(
                "It is worse than it looks: Sen. Dana Whitfield (D-Ore.) opposes a measure on background checks.",
                &["opposes"]
            ),
            [row(
                "a measure on background checks",
                "opposes",
                "Dana Whitfield"
            )]
        );
    }

    #[test]
    fn raising_cues_attribute_an_impression_of_their_subject() {
        assert_eq!(
            rows("The new levee seemed to hold back the river.", &["seemed"]),
            [row(
                "The new levee seemed to hold back the river",
                "seemed",
                ""
            )]
        );
        assert_eq!(
            rows(
                "Turnout in the county appears higher than in 2020.",
                &["appears"]
            ),
            [row(
                "Turnout in the county appears higher than in 2020",
                "appears",
                ""
            )]
        );
        // No thing stands behind an expletive subject.
        assert_eq!(
            rows("It appears that the vote will be delayed.", &["appears"]),
            [row("that the vote will be delayed", "appears", "")]
        );
        // Appearing somewhere is no impression.
        assert_eq!(
            rows(
                "The mayor appeared on television to defend the budget.",
                &["appeared"]
            ),
            [row(
                "television to defend the budget",
                "appeared on",
                "The mayor"
            )]
        );
    }

    #[test]
    fn a_state_of_mind_is_its_subjects_view() {
        assert_eq!(
            rows(
                "The county board is worried about the cost of the new levee.",
                &["worried"]
            ),
            [row(
                "the cost of the new levee",
                "worried about",
                "The county board"
            )]
        );
        // With an agent it stays a passive: the agent is the source.
        let agent = rows(
            "Residents were alarmed by the engineers' warning about the dam.",
            &["alarmed"],
        );
        assert_eq!(agent.len(), 1);
        assert_eq!(agent[0].2, "the engineers");
    }

    #[test]
    fn doings_are_not_cues() {
        assert!(rows("The council voted 7-2 to rebuild the levee.", &["voted"]).is_empty());
        assert!(rows("More than 400 residents signed up to speak.", &["signed"]).is_empty());
        assert!(rows("Residents can read the full plan online.", &["read"]).is_empty());
        assert_eq!(
            rows("The sign read “Closed until spring.”", &["read"]).len(),
            1
        );
    }
}
