//! Pairing quotation marks into quotations, one paragraph at a time.
//!
//! The tokenizer tells each mark's role from the characters around it
//! (curly and guillemet marks are unambiguous; a straight mark is `Open`
//! after a space, `Close` before one, `Either` between two non-spaces). Here
//! the marks of a paragraph are matched with a small stack:
//!
//! - A closing (or undecided) mark closes the nearest open quotation of the
//!   same class (double or single), whatever its style, so a text that mixes
//!   `“…"` still pairs; quotations opened inside it and left unclosed end
//!   there.
//! - Straight marks alternate: while a straight quotation of their class is
//!   open, the next straight mark closes it, whatever the tokenizer guessed
//!   (a typo such as `"We will, "she said` still pairs).
//! - A curly opener while a curly quotation of the same class is open means
//!   the first was never closed: it ends before the new one.
//! - Single marks nest inside double ones (and the reverse, British style).
//!   A single closer with nothing to close is an apostrophe
//!   (`the players’ union`); so is one after a plural `s` when another single
//!   closer follows later in the paragraph (`‘the players’ union is done’`).
//! - An unclosed quotation ends at its paragraph: it never swallows the rest
//!   of the article. Unclosed single quotations are dropped (they are mostly
//!   stray apostrophes: `‘90s`, `rock ‘n’ roll`).
//!
//! Multi-paragraph quotations (news style leaves the first paragraph open and
//! reopens the next: `“First.⏎⏎“Second,” she said.`) come out here as one
//! unclosed quotation per paragraph; joining them, and carrying the speaker
//! back, is the attribution engine's job.
//!
//! Linear in the number of tokens: the stack is bounded by [`MAX_DEPTH`].

use std::ops::Range;

use crate::span::Span;
use crate::text::{Document, Gap, QuoteMark, QuoteRole, TokenKind};

/// Deepest nesting tracked; marks beyond it are ignored.
pub const MAX_DEPTH: usize = 6;

/// One quotation: its marks and the text between them.
///
/// A mark is one token, except the doubled apostrophe `''` some newspapers
/// use for double quotation marks, which is two: `open_start..=open` and
/// `close..=close_end` are the marks' tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the (last token of the) opening mark.
    pub open: usize,
    /// Token index of the first token of the opening mark.
    pub open_start: usize,
    /// Token index of the (first token of the) closing mark; `None` when the
    /// quotation runs to the end of its paragraph (or to a new opener)
    /// unclosed.
    pub close: Option<usize>,
    /// Token index of the last token of the closing mark.
    pub close_end: Option<usize>,
    /// Token indices strictly inside the marks.
    pub inner: Range<usize>,
    /// Byte span of the text inside the marks (from the first inner token to
    /// the last; empty for `""`).
    pub content: Span,
    /// Nesting depth: 0 for a top-level quotation.
    pub depth: u8,
    /// Double marks (`"`, `“”`, `«»`) rather than single ones.
    pub double: bool,
    /// Token range of the paragraph the quotation lies in.
    pub paragraph: Range<usize>,
}

impl Quote {
    /// The quoted words as an attribution's content: the text inside the
    /// marks without a trailing comma, semicolon, colon or dash, which
    /// belong to the quoting sentence (`"We will hold the line," she said`
    /// → `We will hold the line`). Final `.`, `?` and `!` stay.
    pub fn speech(&self, doc: &Document) -> Span {
        let mut end = self.inner.end;
        while end > self.inner.start {
            let last = end - 1;
            let trailing = doc.tokens.get(last).is_some_and(|t| {
                t.kind == TokenKind::Dash
                    || (t.kind == TokenKind::Punct && matches!(t.text(doc.text), "," | ";" | ":"))
            });
            if !trailing {
                break;
            }
            end = last;
        }
        if end == self.inner.start {
            return self.content;
        }
        doc.tokens_span(self.inner.start..end)
    }

    /// The span from the opening mark to the closing mark (or the end of the
    /// content when unclosed).
    pub fn outer(&self, doc: &Document) -> Span {
        let open = doc
            .tokens
            .get(self.open_start)
            .map_or(self.content, |t| t.span);
        let end = self
            .close_end
            .and_then(|c| doc.tokens.get(c))
            .map_or(self.content.end, |t| t.span.end);
        Span::new(open.start, end.max(open.end))
    }
}

/// An entry on the pairing stack.
#[derive(Clone, Copy)]
struct Open {
    /// Index into the output.
    out: usize,
    double: bool,
    curly: bool,
}

/// Every quotation in `doc`, in order of their opening marks (so in order
/// of content start).
pub fn pair(doc: &Document) -> Vec<Quote> {
    pair_except(doc, &[])
}

/// [`pair`], reading the marks at the (sorted) token indices `skip` as no
/// marks at all: those that frame a transcript's turns
/// ([`super::transcript`]).
pub fn pair_except(doc: &Document, skip: &[usize]) -> Vec<Quote> {
    let marks: Vec<usize> = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TokenKind::Quote(_)))
        .map(|(k, _)| k)
        .collect();
    pair_marks(doc, &marks, skip)
}

/// [`pair_except`], given the document's quotation-mark tokens
/// (ascending; [`super::source::Ctx::quote_marks`] lists them): the scans
/// visit those alone (every other token is no mark).
pub fn pair_marks(doc: &Document, marks: &[usize], skip: &[usize]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    // The enclosing quotation of each one, by index into `out`.
    let mut parents: Vec<Option<usize>> = Vec::new();
    for para in &doc.paragraphs {
        let range = para.tokens.clone();
        if doc.tokens.get(range.clone()).is_none() {
            continue;
        }
        let lo = marks.partition_point(|&k| k < range.start);
        let hi = marks.partition_point(|&k| k < range.end);
        let here = marks.get(lo..hi.max(lo)).unwrap_or_default();
        // The last single mark that can close, for the apostrophe test.
        let last_single_closer = here.iter().rev().copied().find(|&k| {
            doc.tokens.get(k).is_some_and(
                |t| matches!(t.kind, TokenKind::Quote(q) if !q.double && q.role != QuoteRole::Open),
            )
        });
        stack.clear();
        let mut i = range.start;
        let mut next = 0;
        while i < range.end {
            // Straight to the next mark (the tokens before it are none).
            while here.get(next).is_some_and(|&k| k < i) {
                next += 1;
            }
            let Some(&k) = here.get(next) else {
                break;
            };
            i = k;
            let Some((mark, width)) = mark_at(doc, i, range.end) else {
                i += 1;
                continue;
            };
            if !skip.is_empty() && skip.binary_search(&i).is_ok() {
                i += width;
                continue;
            }
            let last = i + width - 1;
            let same_class = stack.iter().rposition(|o| o.double == mark.double);
            let closes = match (mark.role, same_class) {
                (_, None) => false,
                // Straight marks alternate; a curly opener typed where the
                // closer belongs (`“It's late,“ she said`) closes.
                (QuoteRole::Open, Some(s)) => {
                    let curly = mark.curly && stack[s].curly;
                    (!mark.curly && !stack[s].curly) || curly && is_misplaced_opener(doc, i, last)
                }
                (QuoteRole::Close | QuoteRole::Either, Some(_)) => true,
            };
            if let (true, Some(s)) = (closes, same_class) {
                if !mark.double && is_plural_apostrophe(doc, i, last_single_closer) {
                    i += width;
                    continue;
                }
                // Quotations opened inside this one and never closed end here.
                for open in stack.drain(s + 1..).rev() {
                    end_unclosed(doc, &mut out, open.out, i);
                }
                if let Some(open) = stack.pop() {
                    close(doc, &mut out, open.out, i, last);
                }
                i += width;
                continue;
            }
            // A stray closer is an apostrophe, inches, or the end of a
            // quotation begun in an earlier paragraph.
            if mark.role == QuoteRole::Close {
                i += width;
                continue;
            }
            // A curly opener inside a curly quotation of its own class: the
            // earlier one was never closed.
            if let Some(s) = same_class {
                if mark.curly && stack[s].curly {
                    for open in stack.drain(s..).rev() {
                        end_unclosed(doc, &mut out, open.out, i);
                    }
                }
            }
            if stack.len() < MAX_DEPTH {
                let end = doc.tokens.get(last).map_or(0, |t| t.span.end);
                parents.push(stack.last().map(|o| o.out));
                stack.push(Open {
                    out: out.len(),
                    double: mark.double,
                    curly: mark.curly,
                });
                out.push(Quote {
                    open: last,
                    open_start: i,
                    close: None,
                    close_end: None,
                    inner: last + 1..last + 1,
                    content: Span::new(end, end),
                    depth: 0,
                    double: mark.double,
                    paragraph: range.clone(),
                });
            }
            i += width;
        }
        // Unclosed at the end of the paragraph.
        for open in stack.drain(..).rev() {
            end_unclosed(doc, &mut out, open.out, range.end);
        }
    }
    // Unclosed single quotations are dropped (mostly stray apostrophes), and
    // what they seemed to enclose moves up a level.
    let kept: Vec<bool> = out.iter().map(|q| q.close.is_some() || q.double).collect();
    for i in 0..out.len() {
        let mut depth = 0u8;
        let mut parent = parents.get(i).copied().flatten();
        while let Some(p) = parent {
            if kept.get(p).copied().unwrap_or(false) {
                depth = depth.saturating_add(1);
            }
            parent = parents.get(p).copied().flatten();
        }
        if let Some(q) = out.get_mut(i) {
            q.depth = depth;
        }
    }
    let mut keep = kept.into_iter();
    out.retain(|_| keep.next().unwrap_or(false));
    out
}

/// True when the curly opening mark at tokens `i..=last` stands where a
/// closing one belongs: glued to the word or punctuation before it and
/// followed by a space, a line end or the end of the text (`“It's late,“
/// she said`), never glued to the word after it as an opener is.
fn is_misplaced_opener(doc: &Document, i: usize, last: usize) -> bool {
    let glued_before = i > 0
        && doc.tokens.get(i).is_some_and(|t| t.gap == Gap::None)
        && doc
            .tokens
            .get(i - 1)
            .is_some_and(|p| !matches!(p.kind, TokenKind::Quote(_)));
    let apart_after = doc.tokens.get(last + 1).is_none_or(|t| t.gap != Gap::None);
    glued_before && apart_after
}

/// The quotation mark starting at token `i` and how many tokens it takes:
/// two straight apostrophes glued together (`''`, a newspaper convention)
/// are one double mark, opening or closing by the spaces around the pair.
fn mark_at(doc: &Document, i: usize, para_end: usize) -> Option<(QuoteMark, usize)> {
    let TokenKind::Quote(mark) = doc.tokens.get(i)?.kind else {
        return None;
    };
    // A detached contraction (`I 'm`, `it 's`, as in transcripts): an
    // apostrophe glued to the suffix, not a quotation mark.
    if !mark.double
        && doc.tokens.get(i + 1).is_some_and(|t| {
            t.gap == Gap::None
                && t.kind == TokenKind::Word
                && ["m", "s", "re", "ve", "ll", "d", "t", "em"]
                    .iter()
                    .any(|c| t.text(doc.text).eq_ignore_ascii_case(c))
        })
        && doc.tokens.get(i + 2).is_none_or(|t| t.gap != Gap::None)
    {
        return None;
    }
    let is_apostrophe = |k: usize| doc.token_text(k) == "'";
    let doubled = !mark.double
        && i + 1 < para_end
        && is_apostrophe(i)
        && is_apostrophe(i + 1)
        && doc.tokens.get(i + 1).is_some_and(|t| t.gap == Gap::None);
    if !doubled {
        return Some((mark, 1));
    }
    let first = doc.tokens.get(i)?;
    let space_before = first.gap != Gap::None
        || i == 0
        || doc.tokens.get(i - 1).is_some_and(|p| {
            matches!(p.kind, TokenKind::Dash | TokenKind::Quote(_))
                || matches!(p.text(doc.text), "(" | "[" | "{" | "/")
        });
    let space_after = match doc.tokens.get(i + 2) {
        None => true,
        Some(_) if i + 2 >= para_end => true,
        Some(n) => {
            n.gap != Gap::None
                || matches!(n.kind, TokenKind::Ellipsis)
                || matches!(
                    n.text(doc.text),
                    "." | "," | ";" | ":" | "!" | "?" | ")" | "]"
                )
        }
    };
    let role = match (space_before, space_after) {
        (true, false) => QuoteRole::Open,
        (false, true) => QuoteRole::Close,
        _ => QuoteRole::Either,
    };
    Some((
        QuoteMark {
            double: true,
            role,
            curly: false,
        },
        2,
    ))
}

/// Marks quotation `idx` closed by the mark at tokens `close_at..=close_end`.
fn close(doc: &Document, out: &mut [Quote], idx: usize, close_at: usize, close_end: usize) {
    if let Some(q) = out.get_mut(idx) {
        q.close = Some(close_at);
        q.close_end = Some(close_end);
        q.inner = q.open + 1..close_at;
        q.content = doc.tokens_span(q.inner.clone());
    }
}

/// Ends quotation `idx`, never closed, before token `end`.
fn end_unclosed(doc: &Document, out: &mut [Quote], idx: usize, end: usize) {
    if let Some(q) = out.get_mut(idx) {
        q.close = None;
        q.close_end = None;
        q.inner = q.open + 1..end.max(q.open + 1);
        q.content = doc.tokens_span(q.inner.clone());
    }
}

/// True when the single mark at token `i` is the apostrophe of a plural
/// possessive (`the players’ union`): glued to a word ending in `s`, followed
/// by a word, with another single closer later in the paragraph to close the
/// open quotation.
fn is_plural_apostrophe(doc: &Document, i: usize, last_single_closer: Option<usize>) -> bool {
    let (Some(prev), Some(mark), Some(next)) = (
        i.checked_sub(1).and_then(|p| doc.tokens.get(p)),
        doc.tokens.get(i),
        doc.tokens.get(i + 1),
    ) else {
        return false;
    };
    mark.gap == Gap::None
        && prev.kind == TokenKind::Word
        && prev.text(doc.text).ends_with(['s', 'S'])
        && next.kind == TokenKind::Word
        && next.gap == Gap::Space
        && last_single_closer.is_some_and(|l| l > i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contents of every quotation, with `…|` marking unclosed ones.
    fn quotes(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        pair(&doc)
            .iter()
            .map(|q| {
                let c = doc.slice(q.content);
                if q.close.is_some() {
                    c.to_string()
                } else {
                    format!("{c}…|")
                }
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_pairs() {
        assert_eq!(
            quotes("\"We will hold the line,\" Bass said. “It is over,” she added."),
            ["We will hold the line,", "It is over,"]
        );
        assert_eq!(quotes("«Nous restons» dit-il."), ["Nous restons"]);
        assert_eq!(quotes("He said: 'We are ready.'"), ["We are ready."]);
    }

    #[test]
    fn a_curly_opener_typed_as_the_closer_closes() {
        assert_eq!(
            quotes("“It is too late,“ the clerk said. “We closed at five.”"),
            ["It is too late,", "We closed at five."]
        );
        // At the end of a paragraph too.
        assert_eq!(
            quotes("The sign read “Closed for repairs.“\n\nNobody came."),
            ["Closed for repairs."]
        );
        // An opener glued to the next word still opens (the quotation
        // before it was left open).
        assert_eq!(
            quotes("“We are open. “Come in,” she said."),
            ["We are open.…|", "Come in,"]
        );
    }

    #[test]
    fn nesting() {
        let text = "“He told me ‘get out,’ and I did,” she said.";
        let doc = Document::new(text);
        let qs = pair(&doc);
        assert_eq!(qs.len(), 2);
        assert_eq!(doc.slice(qs[0].content), "He told me ‘get out,’ and I did,");
        assert_eq!((qs[0].depth, qs[1].depth), (0, 1));
        assert_eq!(doc.slice(qs[1].content), "get out,");
        // Curly doubles inside a straight quotation nest too.
        assert_eq!(
            quotes("\"She asked: “Is it over?” and left.\" he said."),
            ["She asked: “Is it over?” and left.", "Is it over?"]
        );
    }

    #[test]
    fn straight_marks_alternate() {
        // A misplaced space: the second mark still closes.
        assert_eq!(quotes("\"We will, \"she said."), ["We will,"]);
        assert_eq!(
            quotes("\"One.\" Then \"two.\" And \"three\"."),
            ["One.", "two.", "three"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("The players’ union and Bass’s team don’t agree."),
            Vec::<String>::new()
        );
        assert_eq!(
            quotes("‘The players’ union is not done,’ he said."),
            ["The players’ union is not done,"]
        );
        assert_eq!(
            quotes("He is 6'2\" tall and has a 12\" ruler."),
            Vec::<String>::new()
        );
        assert_eq!(quotes("Rock ‘n roll in the ‘90s."), Vec::<String>::new());
    }

    #[test]
    fn a_stray_single_mark_does_not_hide_a_quote() {
        let text = "The report ' s authors call it \"the sleeper health issue\", he said.";
        let doc = Document::new(text);
        let qs = pair(&doc);
        assert_eq!(qs.len(), 1);
        assert_eq!(doc.slice(qs[0].content), "the sleeper health issue");
        assert_eq!(qs[0].depth, 0);
    }

    #[test]
    fn unclosed_quotes_end_at_their_paragraph() {
        assert_eq!(
            quotes("“We will go on.\n\n“And we will win,” she said.\n\nThe end."),
            ["We will go on.…|", "And we will win,"]
        );
        assert_eq!(
            quotes("“First part, “Second part,” she said."),
            ["First part,…|", "Second part,"]
        );
        assert_eq!(quotes("He said \"\" twice."), [""]);
    }

    #[test]
    fn detached_contractions_are_not_quotes() {
        assert_eq!(
            quotes("I 'm sure it 's fine, and we 'll see."),
            Vec::<String>::new()
        );
        assert_eq!(quotes("She said 'go home' twice."), ["go home"]);
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        assert_eq!(
            quotes("''We will win,'' Ms. Vance said. ''I ask, for whom?''"),
            ["We will win,", "I ask, for whom?"]
        );
        // A single quotation still nests inside.
        assert_eq!(
            quotes("''He told me 'no,' and left,'' she said."),
            ["He told me 'no,' and left,", "no,"]
        );
        let text = "He said ''no.''";
        let doc = Document::new(text);
        let q = &pair(&doc)[0];
        assert_eq!(doc.slice(q.outer(&doc)), "''no.''");
    }

    #[test]
    fn crlf_and_emoji() {
        assert_eq!(
            quotes("“Love it 😍🔥,” she wrote.\r\n\r\n“Next,” he said."),
            ["Love it 😍🔥,", "Next,"]
        );
        assert!(quotes("").is_empty());
    }

    #[test]
    fn many_marks_stay_linear() {
        let text = "\"a\" ".repeat(100_000) + "\"open";
        let doc = Document::new(&text);
        let qs = pair(&doc);
        assert_eq!(qs.len(), 100_001);
        assert!(qs[..100_000].iter().all(|q| q.close.is_some()));
        assert_eq!(doc.slice(qs[100_000].content), "open");
    }
}
