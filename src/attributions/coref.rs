//! Pronoun sources (`she said`) resolved to the named mention they refer
//! to: the nearest compatible one before, within the pronoun's paragraph
//! and the two before it.
//!
//! Compatible: `he`/`she` take a person, `they` an organisation or group
//! (or a person, as singular they, when nothing else is near), `it` an
//! organisation or document. A person introduced with `Mr.` is not `she`,
//! one with `Mrs.`/`Ms.` not `he`. Among compatible mentions, the sources
//! of earlier attributions and sentence subjects come first (`Adler met
//! Ortiz. "…," she said.` → Adler), then the nearest mention.
//!
//! A relative pronoun (`Ruth Adler, who said …`) refers to the noun phrase
//! right before it.
//!
//! The record keeps the pronoun as its `source`; `resolved_source` points
//! to the named mention and `source_type` becomes that mention's type.

use super::clause::sentence_subject;
use super::lexicon::{is_capitalised, is_one_of};
use super::source::{np_backward, Ctx};
use super::{Attribution, SourceType};
use crate::entities::Label;
use crate::span::Span;

/// Paragraphs before the pronoun's own that are searched.
const PARAGRAPHS_BACK: usize = 2;

/// A mention that a pronoun may refer to.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    span: Span,
    kind: SourceType,
    /// A source of an attribution, or the subject of its sentence.
    salient: bool,
}

/// Resolves the pronoun sources of `records` in place.
pub fn resolve(ctx: &Ctx, records: &mut [Attribution]) {
    if !records
        .iter()
        .any(|r| r.source_type == Some(SourceType::Pronoun))
    {
        return;
    }
    let windows = windows(ctx, records);
    let mut candidates: Vec<Candidate> = Vec::with_capacity(ctx.names().len() + records.len());
    for e in ctx.names() {
        let kind = match e.label {
            Label::Person => SourceType::NamedPerson,
            Label::Org => SourceType::NamedOrg,
            _ => continue,
        };
        if !in_windows(&windows, e.span) {
            continue;
        }
        let first = ctx.token_at(e.span.start);
        candidates.push(Candidate {
            span: e.span,
            kind,
            salient: is_subject_position(ctx, first),
        });
    }
    for r in records.iter() {
        if let (Some(span), Some(kind)) = (r.source, r.source_type) {
            if matches!(
                kind,
                SourceType::NamedPerson
                    | SourceType::NamedOrg
                    | SourceType::Group
                    | SourceType::Anonymous
            ) && in_windows(&windows, span)
            {
                candidates.push(Candidate {
                    span,
                    kind,
                    salient: true,
                });
            }
        }
    }
    candidates.sort_by_key(|c| (c.span.end, c.span.start));
    // The same mention found twice: keep it once, salient if either is.
    candidates.dedup_by(|b, a| {
        if a.span == b.span {
            a.salient |= b.salient;
            true
        } else {
            false
        }
    });
    let mut subjects: Vec<Option<Option<Candidate>>> = vec![None; ctx.doc.sentences.len()];
    let mut local: Vec<Candidate> = Vec::new();
    for r in records.iter_mut() {
        if r.source_type != Some(SourceType::Pronoun) {
            continue;
        }
        let Some(pronoun) = r.source else {
            continue;
        };
        let word = ctx.doc.slice(pronoun);
        if is_relative(word) {
            // A relative pronoun: its antecedent right before it.
            if let Some(antecedent) = antecedent(ctx, pronoun) {
                r.resolved_source = Some(antecedent);
                r.source_type = Some(super::source_type::classify(ctx, antecedent));
            }
            continue;
        }
        let floor = window_start(ctx, pronoun.start);
        let sents = &ctx.doc.sentences;
        let own = sents.partition_point(|s| s.span.end <= pronoun.start);
        let mut next = candidates.partition_point(|c| c.span.end <= pronoun.start);
        let (mut found, mut any, mut fallback) = (None, None, None);
        // Back sentence by sentence, nearest mention first; sentence
        // subjects (for names the tagger missed) are read only as needed.
        'sentences: for k in (0..=own.min(sents.len().saturating_sub(1))).rev() {
            let Some(sent) = sents.get(k) else {
                break;
            };
            if sent.span.end < floor {
                break;
            }
            local.clear();
            while next > 0 && candidates[next - 1].span.end > sent.span.start {
                next -= 1;
                local.push(candidates[next]);
            }
            let subject = *subjects
                .get_mut(k)
                .map(|memo| memo.get_or_insert_with(|| subject_candidate(ctx, sent)))
                .unwrap_or(&mut None);
            if let Some(c) = subject.filter(|c| c.span.end <= pronoun.start) {
                local.push(c);
                local.sort_by_key(|c| std::cmp::Reverse((c.span.end, c.span.start)));
            }
            for c in local.iter() {
                if c.span.start < floor || r.content.contains(c.span) {
                    continue;
                }
                if compatible(ctx, word, c, false) {
                    if c.salient {
                        found = Some(*c);
                        break 'sentences;
                    }
                    any.get_or_insert(*c);
                } else if fallback.is_none() && compatible(ctx, word, c, true) {
                    fallback = Some(*c);
                }
            }
        }
        if let Some(c) = found.or(any).or(fallback) {
            r.resolved_source = Some(c.span);
            r.source_type = Some(c.kind);
        }
    }
}

/// True for a relative pronoun (`who`, `which`): it refers to the noun
/// phrase right before it, not to an earlier mention.
fn is_relative(word: &str) -> bool {
    is_one_of(word, &["who", "which"])
}

/// The byte ranges in which the other pronoun sources of `records` look
/// for their mention (each from its [`window_start`] to the pronoun),
/// merged where they overlap, in text order: a mention outside them is
/// never picked, so it need not be listed.
fn windows(ctx: &Ctx, records: &[Attribution]) -> Vec<(usize, usize)> {
    let mut windows: Vec<(usize, usize)> = records
        .iter()
        .filter(|r| r.source_type == Some(SourceType::Pronoun))
        .filter_map(|r| r.source)
        .filter(|&p| !is_relative(ctx.doc.slice(p)))
        .map(|p| (window_start(ctx, p.start), p.start))
        .collect();
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(windows.len());
    for (start, end) in windows {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// True when `span` lies inside one of `windows` (see [`windows`]).
fn in_windows(windows: &[(usize, usize)], span: Span) -> bool {
    let k = windows.partition_point(|w| w.0 <= span.start);
    k.checked_sub(1)
        .and_then(|k| windows.get(k))
        .is_some_and(|w| span.end <= w.1)
}

/// The subject of `sent` as a candidate, when it looks like a name (for
/// text the name tagger missed: `Engineer Grace Lindqvist led …`).
fn subject_candidate(ctx: &Ctx, sent: &crate::text::Segment) -> Option<Candidate> {
    let span = sentence_subject(ctx, sent.tokens.start, sent.tokens.end)?;
    // One capitalised word opening the sentence says nothing of a name
    // (`Born in 1934 in Dayton, Judge Abernathy …`).
    let first = ctx.token_at(span.start);
    if first == sent.tokens.start && ctx.token_at(span.end) == first + 1 {
        return None;
    }
    let kind = super::source_type::classify(ctx, span);
    let named = matches!(kind, SourceType::NamedPerson | SourceType::NamedOrg)
        && is_capitalised(ctx.doc.slice(span));
    named.then_some(Candidate {
        span,
        kind,
        salient: true,
    })
}

/// The noun phrase a relative pronoun follows: `[Ruth Adler], who …`.
fn antecedent(ctx: &Ctx, pronoun: Span) -> Option<Span> {
    let p = ctx.token_at(pronoun.start);
    let mut k = p.checked_sub(1)?;
    if ctx.is_punct(k, ",") {
        k = k.checked_sub(1)?;
    }
    let floor = ctx.doc.sentences[..ctx.doc.sentences.partition_point(|s| s.tokens.start <= k)]
        .last()
        .map_or(0, |s| s.tokens.start);
    np_backward(ctx, k, floor)
}

/// True when `pronoun` can refer to candidate `c` (`fallback`: singular
/// `they` for a person).
fn compatible(ctx: &Ctx, pronoun: &str, c: &Candidate, fallback: bool) -> bool {
    let is = |w: &str| pronoun.eq_ignore_ascii_case(w);
    if c.kind == SourceType::Anonymous {
        // `A spokeswoman declined to comment on what she called …`: an
        // unnamed source is the pronoun's when it agrees in number (and
        // gender, when its words tell it).
        let plural = is_plural_description(ctx, c.span);
        return !fallback
            && if is("he") {
                !plural && gender(ctx, c.span) != Some(Gender::Female)
            } else if is("she") {
                !plural && gender(ctx, c.span) != Some(Gender::Male)
            } else {
                is("they") && plural
            };
    }
    if is("he") {
        c.kind == SourceType::NamedPerson && gender(ctx, c.span) != Some(Gender::Female)
    } else if is("she") {
        c.kind == SourceType::NamedPerson && gender(ctx, c.span) != Some(Gender::Male)
    } else if is("they") && fallback {
        c.kind == SourceType::NamedPerson
    } else if is("they") {
        matches!(c.kind, SourceType::NamedOrg | SourceType::Group)
    } else if is("it") {
        matches!(c.kind, SourceType::NamedOrg | SourceType::Document)
    } else {
        false
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// True when a description's head (its last word before a complement)
/// is plural: `officials`, `people familiar with the talks`.
fn is_plural_description(ctx: &Ctx, span: Span) -> bool {
    let first = ctx.token_at(span.start);
    let last = ctx.token_at(span.end).saturating_sub(1).max(first);
    let head = (first + 1..=last)
        .find(|&i| {
            is_one_of(
                ctx.word(i),
                &["of", "for", "from", "at", "with", "in", "familiar"],
            )
        })
        .map_or(last, |i| i - 1);
    let w = ctx.word(head);
    is_one_of(w, &["people", "sources", "officials"]) || (w.ends_with('s') && !w.ends_with("ss"))
}

/// A person's grammatical gender when an honorific or gendered title
/// right before the mention, or a description's head, tells it.
fn gender(ctx: &Ctx, span: Span) -> Option<Gender> {
    let first = ctx.token_at(span.start);
    let before = first.checked_sub(1).map(|k| ctx.word(k)).unwrap_or("");
    let own = ctx.word(first);
    let last = ctx.token_at(span.end).saturating_sub(1).max(first);
    let head = if last > first { ctx.word(last) } else { "" };
    for w in [before, own, head] {
        let bare = w.strip_suffix('.').unwrap_or(w);
        if is_one_of(
            bare,
            &[
                "mr",
                "sir",
                "lord",
                "king",
                "prince",
                "father",
                "congressman",
                "councilman",
                "spokesman",
                "chairman",
                "brother",
                "man",
            ],
        ) {
            return Some(Gender::Male);
        }
        if is_one_of(
            bare,
            &[
                "mrs",
                "ms",
                "miss",
                "dame",
                "lady",
                "queen",
                "princess",
                "mother",
                "sister",
                "congresswoman",
                "councilwoman",
                "spokeswoman",
                "chairwoman",
                "woman",
            ],
        ) {
            return Some(Gender::Female);
        }
    }
    None
}

/// True when token `i` opens its sentence (after an opening mark or a
/// connective at most).
fn is_subject_position(ctx: &Ctx, i: usize) -> bool {
    let sents = &ctx.doc.sentences;
    let k = sents.partition_point(|s| s.tokens.end <= i);
    let Some(s) = sents.get(k) else {
        return false;
    };
    let mut j = s.tokens.start;
    while j < i
        && (ctx.is_quote(j) || is_one_of(ctx.word(j), &["but", "and", "so", "then", "still"]))
    {
        j += 1;
    }
    j == i || after_opening_phrase(ctx, j, i)
}

/// True when token `i` (a name, perhaps after a title) follows the comma
/// that closes an opening phrase starting at token `j`: `Born in 1934 in
/// Dayton, Judge Abernathy graduated …`, `In 1998, Abernathy wrote …`.
fn after_opening_phrase(ctx: &Ctx, j: usize, i: usize) -> bool {
    let opener = ctx.word(j);
    let opens = is_one_of(
        opener,
        &[
            "born", "in", "on", "at", "after", "before", "as", "when", "while", "during", "since",
            "last", "earlier", "later", "until", "despite",
        ],
    ) || (opener.len() > 4 && (opener.ends_with("ed") || opener.ends_with("ing")));
    let mut k = i.saturating_sub(1);
    if k > j && ctx.is_word(k) && is_capitalised(ctx.word(k)) {
        // A title before the name: `Judge`, `Sen.`.
        k -= 1;
    }
    opens && k > j && ctx.is_punct(k, ",")
}

/// The first byte searched back from `offset`: the start of the paragraph
/// [`PARAGRAPHS_BACK`] before the one holding it.
fn window_start(ctx: &Ctx, offset: usize) -> usize {
    let paras = &ctx.doc.paragraphs;
    let k = paras.partition_point(|p| p.span.end < offset);
    paras
        .get(k.saturating_sub(PARAGRAPHS_BACK))
        .map_or(0, |p| p.span.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attributions::find_rules;
    use crate::entities::Entity;
    use crate::text::Document;

    fn resolved(text: &str, people: &[&str]) -> Vec<Option<String>> {
        let doc = Document::new(text);
        let mut ents: Vec<Entity> = Vec::new();
        for p in people {
            let mut from = 0;
            while let Some(k) = text[from..].find(p) {
                let s = from + k;
                ents.push(Entity::new(Span::new(s, s + p.len()), Label::Person));
                from = s + p.len();
            }
        }
        ents.sort_by_key(|e| e.span);
        find_rules(&doc, &ents)
            .attributions
            .iter()
            .map(|a| a.resolved_source.map(|s| doc.slice(s).to_string()))
            .collect()
    }

    #[test]
    fn pronouns_find_their_person() {
        assert_eq!(
            resolved(
                "Ruth Adler met Tom Ortiz on Monday.\n\n“We agreed on nothing,” she said.",
                &["Ruth Adler", "Tom Ortiz"]
            ),
            [Some("Ruth Adler".to_string())]
        );
        assert_eq!(
            resolved(
                "Mr. Ortiz spoke after Ms. Adler. “It went well,” she said.",
                &["Ortiz", "Adler"]
            ),
            [Some("Adler".to_string())]
        );
        // Too far back: unresolved.
        assert_eq!(
            resolved(
                "Ruth Adler spoke.\n\nOne.\n\nTwo.\n\nThree.\n\n“Enough,” she said.",
                &["Ruth Adler"]
            ),
            [None]
        );
    }
}
