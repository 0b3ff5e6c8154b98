//! Clause structure around a cue, read from tokens and closed word classes
//! (no parser): is a cue word used as a reporting verb here, where is its
//! subject, and what follows it.
//!
//! The subject of a cue is the noun phrase before it, past what news puts
//! between subject and verb:
//! - auxiliaries and adverbs (`Bass has repeatedly said`);
//! - time adjuncts (`Bass on Tuesday said`, `officials last week said`);
//! - an aside in commas or brackets (`Karen Bass, the mayor, said`, `Rep.
//!   Jane Doe (D-Calif.) said`);
//! - a relative pronoun (`Bass, who said …` → `who`, resolved to `Bass`
//!   by [`super::coref`]);
//! - an infinitive (`Bass declined to say` → `Bass`);
//! - a coordinated verb (`Bass laughed and said`, `Bass denounced the plan
//!   and said` → the clause's subject).

use super::cues::{CueVerb, Form};
use super::lexicon::*;
use super::source::{named_aside, np_backward, np_exact, np_forward, Ctx};
use crate::span::Span;
use crate::text::TokenKind;

/// Most tokens an aside between a subject and its verb may take.
const MAX_ASIDE: usize = 40;

/// A cue usable at token `v`: finite, or a base form after an auxiliary
/// (`she would later say`), never passive (`was told`). Progressive forms
/// (`saying`) only when `allow_progressive`.
pub fn usable_cue(ctx: &Ctx, v: usize, floor: usize, allow_progressive: bool) -> Option<CueVerb> {
    let cue = ctx.cue(v)?;
    let k = modifiers_start(ctx, v, floor);
    let before = (k > floor).then(|| ctx.word(k - 1));
    let has_aux = (k..v).any(|i| ctx.text_classes(i).has(AUXILIARY))
        || (k > floor && ctx.text_classes(k - 1).has(AUXILIARY));
    if before.is_some_and(is_be) && matches!(cue.form, Form::Past | Form::Participle) {
        return None;
    }
    let ok = match cue.form {
        Form::Past | Form::Present => true,
        Form::Base => has_aux,
        // `has written`.
        Form::Participle => (k..v).any(|i| is_one_of(ctx.word(i), &["has", "have", "had"])),
        Form::Progressive => allow_progressive,
    };
    ok.then_some(cue)
}

/// True for the forms of `be` (and `get`) that make a participle passive.
pub fn is_be(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "was",
            "were",
            "is",
            "are",
            "be",
            "been",
            "being",
            "get",
            "got",
            "gets",
            "am",
            "'s",
            "’s",
            "isn't",
            "isn’t",
            "wasn't",
            "wasn’t",
            "aren't",
            "aren’t",
            "weren't",
            "weren’t",
        ],
    )
}

/// The first of the auxiliaries, adverbs and time adjuncts right before
/// token `v` (`v` itself when there are none): `Bass [has also] said`,
/// `Bass [on Tuesday] said`.
pub fn modifiers_start(ctx: &Ctx, v: usize, floor: usize) -> usize {
    let mut k = v;
    loop {
        // (The token classes are looked up once per document by `Ctx`.)
        while k > floor && ctx.classes(k - 1).has(VERB_MODIFIER) {
            k -= 1;
        }
        // `on Tuesday`, `last week`, `Tuesday`, `this month`.
        let time = k > floor
            && ctx.classes(k - 1).has(TIME_WORD)
            && !is_one_of(ctx.word(k - 1), &["last", "earlier", "later", "recently"]);
        if !time {
            return k;
        }
        k -= 1;
        while k > floor
            && ctx.is_word(k - 1)
            && is_one_of(
                ctx.word(k - 1),
                &[
                    "on", "last", "this", "next", "early", "late", "earlier", "that",
                ],
            )
        {
            k -= 1;
        }
    }
}

/// The source before the cue at token `v` (not before token `floor`).
pub fn source_before(ctx: &Ctx, v: usize, floor: usize) -> Option<Span> {
    subject_before(ctx, v, floor, 2)
}

fn subject_before(ctx: &Ctx, v: usize, floor: usize, depth: u8) -> Option<Span> {
    let end = modifiers_start(ctx, v, floor);
    let e = end.checked_sub(1).filter(|&e| e >= floor)?;
    let w = ctx.word(e);
    if ctx.is_word(e) && w.eq_ignore_ascii_case("to") && depth > 0 {
        // `Bass declined to say`: the subject of the governing verb.
        let k = e.checked_sub(1).filter(|&k| k >= floor)?;
        let verb = ctx.is_word(k)
            && is_lowercase(ctx.word(k))
            && !ctx.text_classes(k).has(DETERMINER)
            && !ctx.text_classes(k).has(STOP_PREPOSITION);
        return if verb {
            subject_before(ctx, k, floor, depth - 1)
        } else {
            None
        };
    }
    if ctx.is_word(e) && is_one_of(w, &["who", "which"]) {
        // `Bass, who said …`: the relative pronoun, when an antecedent comes
        // before it ([`super::coref`] resolves it).
        let mut k = e.checked_sub(1).filter(|&k| k >= floor)?;
        if ctx.is_punct(k, ",") {
            k = k.checked_sub(1).filter(|&k| k >= floor)?;
        }
        return np_backward(ctx, k, floor).map(|_| ctx.span(e));
    }
    let dash = ctx.kind(e) == Some(TokenKind::Dash);
    // `Sen. Jack Reed (D-R.I.), said`: a bracket aside before the comma.
    if ctx.is_punct(e, ",") && e > floor && ctx.is_punct(e - 1, ")") {
        return subject_before(ctx, e, floor, depth);
    }
    let opener = if ctx.is_punct(e, ",") {
        Some(",")
    } else if ctx.is_punct(e, ")") {
        Some("(")
    } else if dash {
        Some("—")
    } else {
        None
    };
    if let Some(opener) = opener {
        // An aside between source and verb: the source ends before it.
        let lo = e.saturating_sub(MAX_ASIDE).max(floor);
        let opens = |k: usize| {
            if dash {
                ctx.kind(k) == Some(TokenKind::Dash)
            } else {
                ctx.is_punct(k, opener)
            }
        };
        // Asides may follow each other (`Sanders, meanwhile, who has no
        // endorsements, said`): the first opening with a phrase before it.
        return (lo..e)
            .rev()
            .take_while(|&k| !is_double_quote(ctx, k))
            .filter(|&k| opens(k))
            .take(3)
            .find_map(|opening| {
                let before = opening.checked_sub(1).filter(|&b| b >= floor)?;
                let source = np_backward(ctx, before, floor)?;
                let start = ctx.token_at(source.start);
                Some(named_aside(ctx, start, opening, e).unwrap_or(source))
            });
    }
    if ctx.is_word(e) && is_one_of(w, &["and", "but"]) && depth > 0 {
        // `I laughed and said`: the subject of the first verb.
        let mut k = e.checked_sub(1).filter(|&k| k >= floor)?;
        while k > floor && ctx.is_word(k) && ctx.text_classes(k).has(VERB_MODIFIER) {
            k -= 1;
        }
        let first_verb =
            ctx.is_word(k) && is_lowercase(ctx.word(k)) && !ctx.text_classes(k).has(DETERMINER);
        if first_verb {
            if let Some(s) = k
                .checked_sub(1)
                .filter(|&b| b >= floor)
                .and_then(|b| np_backward(ctx, b, floor))
            {
                return Some(s);
            }
        }
        // `Bass denounced the plan and said`: the clause's subject.
        return sentence_subject(ctx, floor, e);
    }
    np_backward(ctx, e, floor)
}

/// The first token of the paragraph holding token `i`.
pub fn paragraph_start(ctx: &Ctx, i: usize) -> usize {
    let paras = &ctx.doc.paragraphs;
    let k = paras.partition_point(|p| p.tokens.end <= i);
    paras.get(k).map_or(i, |p| p.tokens.start)
}

/// True for a double quotation mark at token `k`.
pub fn is_double_quote(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.kind(k), Some(TokenKind::Quote(m)) if m.double)
}

/// Connectives that may open a sentence before its subject.
fn is_connective(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "but",
            "and",
            "so",
            "yet",
            "still",
            "however",
            "meanwhile",
            "also",
            "now",
            "then",
            "instead",
            "indeed",
            "separately",
            "moreover",
            "furthermore",
            "similarly",
            "likewise",
            "nevertheless",
            "nonetheless",
        ],
    )
}

/// The subject of the clause opening at token `start` (before `limit`):
/// the first noun phrase after connectives and a fronted adjunct (`But on
/// Tuesday, [the mayor] said …`), when a word follows it.
pub fn sentence_subject(ctx: &Ctx, start: usize, limit: usize) -> Option<Span> {
    let mut i = start;
    // Inside a quotation: the clause opens after the mark.
    while i < limit && ctx.is_quote(i) {
        i += 1;
    }
    while i < limit && ctx.is_word(i) && is_connective(ctx.word(i)) {
        i += 1;
        if ctx.is_punct(i, ",") {
            i += 1;
        }
    }
    let w = ctx.word(i);
    let fronted = ctx.is_word(i)
        && (ctx
            .text_classes(i)
            .has(STOP_PREPOSITION | NP_PREPOSITION | SENTENCE_ADVERB | TIME_WORD)
            || (is_lowercase(w) && w.ends_with("ly")));
    if fronted {
        let comma = (i..limit.min(i + 16)).find(|&k| ctx.is_punct(k, ","))?;
        i = comma + 1;
    }
    if i < limit && ctx.is_word(i) && ctx.text_classes(i).has(SUBJECT_PRONOUN) {
        return Some(ctx.span(i));
    }
    // A capitalised run followed by a lower-case word is a name and its
    // verb: `Engineer Grace Lindqvist led …` → `Grace Lindqvist`.
    let cap = |k: usize| k < limit && ctx.is_word(k) && is_capitalised(ctx.word(k));
    let mut run = i;
    loop {
        while cap(run) && !ctx.text_classes(run).has(DETERMINER) {
            run += 1;
        }
        // `Board member Yusuf Amari`: a lower-case role word between names.
        let role = run > i
            && ctx.is_word(run)
            && is_lowercase(ctx.word(run))
            && is_role_noun(ctx.word(run))
            && cap(run + 1);
        if !role {
            break;
        }
        run += 1;
    }
    if run > i
        && ctx.is_word(run)
        && is_lowercase(ctx.word(run))
        && !ctx.text_classes(run).has(NP_PREPOSITION)
    {
        return np_exact(ctx, i, run - 1);
    }
    let (np, after) = np_forward(ctx, i, limit)?;
    let follows = ctx.is_word(after) || ctx.is_punct(after, ",") || ctx.is_punct(after, "(");
    follows.then_some(np)
}

/// Lower-case role nouns written between a name's modifiers and the name
/// (`Board member Yusuf Amari`, `Democratic candidate Ben Carson`).
fn is_role_noun(word: &str) -> bool {
    is_title(word)
        || is_one_of(
            word,
            &[
                "member",
                "candidate",
                "nominee",
                "official",
                "leader",
                "manager",
                "activist",
                "strategist",
                "adviser",
                "advisor",
                "aide",
                "lawyer",
                "executive",
                "founder",
                "owner",
                "resident",
                "voter",
                "supporter",
                "reporter",
                "correspondent",
                "writer",
                "author",
                "producer",
                "host",
                "anchor",
                "player",
                "star",
                "actor",
                "singer",
                "pollster",
                "consultant",
                "organizer",
                "volunteer",
                "worker",
                "student",
                "teacher",
                "historian",
                "scientist",
                "researcher",
                "expert",
                "veteran",
            ],
        )
}

/// The source of a participle cue: `Trump said, adding: "…"` takes the
/// source of the verb it hangs on; `Clinton, asking, "…"` and `Blige asking
/// "…"` the phrase before it; otherwise the clause's subject.
pub fn source_of_participle(ctx: &Ctx, v: usize, floor: usize) -> Option<Span> {
    let k = modifiers_start(ctx, v, floor);
    let before = k.checked_sub(1).filter(|&b| b >= floor)?;
    if !ctx.is_punct(before, ",") {
        if ctx.is_word(before) && is_participle_opener(ctx.word(before)) {
            // `…, while also saying`: the clause's subject; after a comma,
            // that of the verb before it.
            let comma = before.checked_sub(1).filter(|&c| ctx.is_punct(c, ","));
            return match comma {
                Some(c) => source_of_participle(ctx, c + 1, floor),
                None => sentence_subject(ctx, floor, before),
            };
        }
        return np_backward(ctx, before, floor);
    }
    let mut k = before.checked_sub(1).filter(|&k| k >= floor)?;
    // `said later, adding`: skip a few adverbs and adjuncts back to the verb.
    for _ in 0..3 {
        if usable_cue(ctx, k, floor, false).is_some() && !is_noun_use(ctx, k, floor) {
            return source_before(ctx, k, floor);
        }
        if !ctx.is_word(k) || k == floor {
            break;
        }
        k -= 1;
    }
    let np = before
        .checked_sub(1)
        .and_then(|b| np_backward(ctx, b, floor));
    // A phrase that is the whole clause: `Clinton, asking`.
    if let Some(np) = np {
        let first = ctx.token_at(np.start);
        let starts_clause = first == floor
            || first.checked_sub(1).is_some_and(|p| {
                matches!(ctx.kind(p), Some(TokenKind::Punct | TokenKind::Quote(_)))
            });
        if starts_clause {
            return Some(np);
        }
    }
    sentence_subject(ctx, floor, before)
}

/// True when the cue word at token `k` is used as a noun: right after an
/// article, possessive or demonstrative (`those claims`, `his remarks`).
pub fn is_noun_use(ctx: &Ctx, k: usize, floor: usize) -> bool {
    k > floor
        && ctx.is_word(k - 1)
        && is_one_of(
            ctx.word(k - 1),
            &[
                "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "'s", "’s",
                "this", "that", "these", "those", "no", "any", "every",
            ],
        )
}

/// Words that open a participle clause: `while saying`, `by saying`.
pub fn is_participle_opener(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "and", "while", "before", "after", "by", "when", "without", "in", "since", "also",
            "even", "then",
        ],
    )
}

/// True when what follows a cue ends its clause or is a short object or
/// adjunct (`.`, `told reporters`, `said in a statement`, `said Tuesday`),
/// not reported speech of its own (`said the plan would fail`).
pub fn tail_is_adjunct(ctx: &Ctx, t: usize, para_end: usize) -> bool {
    if t >= para_end || ends_clause(ctx, t) || ctx.is_punct(t, ",") {
        return true;
    }
    if !ctx.is_word(t) {
        return matches!(ctx.kind(t), Some(TokenKind::Dash | TokenKind::Handle));
    }
    let w = ctx.word(t);
    let c = ctx.text_classes(t);
    if c.has(OBJECT_PRONOUN | STOP_PREPOSITION | NP_PREPOSITION | TIME_WORD) || is_addressee(w) {
        return true;
    }
    if c.has(DETERMINER) {
        // `told the Los Angeles Times`.
        return ctx.is_word(t + 1) && is_capitalised(ctx.word(t + 1));
    }
    is_capitalised(w) && !c.has(SUBJECT_PRONOUN | CLAUSE_WORD)
}

/// Plural nouns for the audience of a `told` (`told reporters`).
pub fn is_addressee(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "reporters",
            "journalists",
            "supporters",
            "lawmakers",
            "police",
            "voters",
            "students",
            "members",
            "listeners",
            "viewers",
            "readers",
            "colleagues",
            "followers",
            "donors",
            "delegates",
            "investigators",
            "jurors",
            "senators",
        ],
    )
}

/// True for a token that ends a clause: `.`, `;`, `:`, `?`, `!` (not the
/// full stop of an abbreviation before `,` or `)`), a quotation mark, an
/// ellipsis or the end of the text.
pub fn ends_clause(ctx: &Ctx, i: usize) -> bool {
    match ctx.kind(i) {
        None | Some(TokenKind::Quote(_)) | Some(TokenKind::Ellipsis) => true,
        Some(TokenKind::Punct) => {
            let w = ctx.word(i);
            let abbreviation = w == "." && (ctx.is_punct(i + 1, ",") || ctx.is_punct(i + 1, ")"));
            (matches!(w, "." | ";" | ":") && !abbreviation) || w.contains(['?', '!', '‽'])
        }
        _ => false,
    }
}

/// The index after the adjuncts starting at token `t` (before `end`): time
/// words (`Tuesday`, `last week`) and prepositional phrases (`in a
/// statement`, `on CNN's "State of the Union"`, `at a rally in Iowa`), at
/// most `max` of them. Returns `t` when none.
pub fn skip_adjuncts(ctx: &Ctx, t: usize, end: usize, max: usize) -> usize {
    let mut i = t;
    for _ in 0..max {
        if i >= end || !ctx.is_word(i) {
            break;
        }
        let w = ctx.word(i);
        if ctx.text_classes(i).has(TIME_WORD) && !is_one_of(w, &["later", "earlier", "recently"]) {
            i += 1;
            while i < end && ctx.is_word(i) && ctx.text_classes(i).has(TIME_WORD) {
                i += 1;
            }
            continue;
        }
        if is_one_of(w, &["last", "this", "next", "earlier", "late", "early"])
            && ctx.is_word(i + 1)
            && ctx.text_classes(i + 1).has(TIME_WORD)
        {
            i += 2;
            continue;
        }
        if is_lowercase(w) && w.len() > 4 && w.ends_with("ly") && !is_one_of(w, &["only", "early"])
        {
            i += 1;
            continue;
        }
        let prep = is_one_of(
            w,
            &[
                "in",
                "on",
                "at",
                "during",
                "after",
                "before",
                "via",
                "through",
                "outside",
                "inside",
                "over",
                "following",
            ],
        );
        if !prep {
            break;
        }
        if ctx.kind(i + 1) == Some(TokenKind::Number)
            && is_one_of(ctx.word(i + 2), &["a.m.", "p.m.", "am", "pm"])
        {
            // `at 9 a.m.`: a clock time.
            i += 3;
            continue;
        }
        if ctx.is_word(i + 1) && ctx.text_classes(i + 1).has(TIME_WORD) {
            // `on Tuesday`, `in March`, `in Saturday's Times`.
            if ctx.is_possessive(i + 2) {
                if let Some((_, after)) = np_forward(ctx, i + 3, end) {
                    i = after;
                    continue;
                }
            }
            i += 2;
            while i < end
                && (ctx.is_word(i) && ctx.text_classes(i).has(TIME_WORD)
                    || ctx.kind(i) == Some(TokenKind::Number))
            {
                i += 1;
            }
            continue;
        }
        let Some((_, after)) = np_forward(ctx, i + 1, end) else {
            break;
        };
        i = after;
        // A title in quotation marks after the phrase: `on "Meet the Press"`.
        if ctx.is_quote(i) {
            let close = (i + 1..end.min(i + 10)).find(|&k| ctx.is_quote(k));
            match close {
                Some(c) => i = c + 1,
                None => break,
            }
        }
        // `in an interview with the Times`: a second phrase hanging on it.
        while i < end
            && ctx.is_word(i)
            && is_one_of(
                ctx.word(i),
                &["with", "of", "in", "at", "to", "for", "from", "by"],
            )
        {
            match np_forward(ctx, i + 1, end) {
                Some((_, after)) => i = after,
                None => break,
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn find_token(doc: &Document, word: &str) -> usize {
        (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == word)
            .unwrap()
    }

    fn subject(text: &str, verb: &str) -> Option<String> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let v = find_token(&doc, verb);
        source_before(&ctx, v, 0).map(|s| doc.slice(s).to_string())
    }

    #[test]
    fn subjects_past_what_comes_between() {
        assert_eq!(
            subject("Bass has repeatedly said", "said").as_deref(),
            Some("Bass")
        );
        assert_eq!(
            subject("Bass on Tuesday said", "said").as_deref(),
            Some("Bass")
        );
        assert_eq!(
            subject("City officials last week said", "said").as_deref(),
            Some("City officials")
        );
        assert_eq!(
            subject("Karen Bass, the mayor of Los Angeles, said", "said").as_deref(),
            Some("Karen Bass")
        );
        assert_eq!(
            subject("Ruth Adler, who chairs the panel, said", "said").as_deref(),
            Some("Ruth Adler")
        );
        assert_eq!(
            subject("The board, which met on Monday, warned", "warned").as_deref(),
            Some("The board")
        );
        assert_eq!(
            subject("Adler declined to say", "say").as_deref(),
            Some("Adler")
        );
        assert_eq!(
            subject("Adler rejected the plan and said", "said").as_deref(),
            Some("Adler")
        );
        assert_eq!(
            subject("the report said", "said").as_deref(),
            Some("the report")
        );
    }

    #[test]
    fn clause_subjects_after_fronted_adjuncts() {
        let text = "But on Tuesday, the fire chief said more crews were coming.";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let s = sentence_subject(&ctx, 0, doc.tokens.len()).map(|s| doc.slice(s));
        assert_eq!(s, Some("the fire chief"));
    }

    #[test]
    fn adjuncts_are_skipped() {
        let text = "said in a statement on Tuesday that the road was closed";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let t = skip_adjuncts(&ctx, 1, doc.tokens.len(), 4);
        assert_eq!(doc.token_text(t), "that");
        let text = "said the road was closed";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        assert_eq!(skip_adjuncts(&ctx, 1, doc.tokens.len(), 4), 1);
    }
}
