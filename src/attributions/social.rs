//! Social-media posts pasted into an article, found by their trailer line:
//!
//! ```text
//! Roads are closed downtown #DowntownFire pic.twitter.com/TEZ7kcMNHs
//! — Jane Doe (@janedoe) July 7, 2025
//! ```
//!
//! A trailer is a short line opening with a dash (em, en, hyphen or `--`)
//! and holding a handle (`@janedoe`), usually in brackets after the
//! author's name, then optionally a date (`July 7, 2025`, `7 July 2025`,
//! `7/7/2025`), `on X`/`on Twitter`, and a link. The post is the block of
//! lines right above the trailer (back to the previous blank line, at most
//! [`MAX_POST_LINES`] lines); a link glued to its last word
//! (`…#DowntownFire.pic.twitter.com/…`) belongs to the post, not to its
//! text. One `social_post` record holds the post text as content and the
//! author (or the handle, when there is no name) as source; quotes and
//! reported speech inside the post are found as their own records.
//!
//! Copied from a web page, an embedded post often comes out as one line,
//! the trailer after the text (`Stay away pic.twitter.com/Ab12Cd — Nora
//! Park (@nora_park) July 7, 2025`, the dash even glued to the link). A
//! dash inside a line opens a trailer only when the trailer ends the line
//! and has a date: the post is then the text before the dash, back to the
//! start of its paragraph.

use super::confidence::Pattern;
use super::lexicon::is_one_of;
use super::source::Ctx;
use super::{Attribution, AttributionKind, SocialPost, Stance};
use crate::span::Span;
use crate::text::{Gap, TokenKind};

/// Most lines a post may take.
pub const MAX_POST_LINES: usize = 8;

/// Most tokens in a trailer line.
const MAX_TRAILER_TOKENS: usize = 24;

/// Every pasted post in the document, in text order.
pub fn find(ctx: &Ctx) -> Vec<Attribution> {
    let mut out = Vec::new();
    // Dashes, found first in one tight pass (they are few), with whether
    // each opens its line.
    let dashes: Vec<(usize, bool)> = ctx
        .doc
        .tokens
        .iter()
        .enumerate()
        .filter(|&(_, t)| t.kind == TokenKind::Dash)
        .map(|(i, t)| (i, i == 0 || t.gap >= Gap::LineBreak))
        .collect();
    for (i, opens_line) in dashes {
        let Some(end) = trailer_end(ctx, i) else {
            continue;
        };
        let Some(trailer) = read_trailer(ctx, i + 1, end) else {
            continue;
        };
        // Inside a line, only the full form ends a post: a name or
        // handle, then a date.
        if !opens_line && trailer.date.is_none() {
            continue;
        }
        let Some(post) = post_block(ctx, i) else {
            continue;
        };
        let (content, glued_link) = post_text(ctx, post);
        if content.is_empty() {
            continue;
        }
        let source = trailer.author.or(trailer.handle);
        let mut record = Attribution::new(
            AttributionKind::SocialPost,
            content,
            None,
            source,
            Pattern::SocialPost,
        );
        record.stance = Stance::Written;
        record.post = Some(SocialPost {
            link: glued_link.or(trailer.link),
            ..trailer
        });
        out.push(record);
    }
    out
}

/// The index after the line holding the dash at token `i` (the next token
/// after a line break, or the end), when the line ends at most
/// [`MAX_TRAILER_TOKENS`] tokens after the dash: a longer line holds no
/// trailer, and is not read to its end (most dashes are inside prose).
fn trailer_end(ctx: &Ctx, i: usize) -> Option<usize> {
    let tokens = &ctx.doc.tokens;
    let mut k = i + 1;
    while k < tokens.len() && tokens.get(k).is_some_and(|t| t.gap < Gap::LineBreak) {
        k += 1;
        if k - i > MAX_TRAILER_TOKENS {
            return None;
        }
    }
    Some(k)
}

/// Reads a trailer from token `i` (after the dash) to `end`.
fn read_trailer(ctx: &Ctx, i: usize, end: usize) -> Option<SocialPost> {
    let handle = (i..end).find(|&k| ctx.kind(k) == Some(TokenKind::Handle))?;
    // The author: the words before the handle (and its bracket).
    let mut name_end = handle;
    if name_end > i && ctx.is_punct(name_end - 1, "(") {
        name_end -= 1;
    }
    let mut name_tokens =
        (i..name_end).filter(|&k| ctx.is_word(k) || ctx.kind(k) == Some(TokenKind::Number));
    let first = name_tokens.clone().next();
    let last = name_tokens.next_back();
    let plausible_name = (i..name_end).all(|k| {
        matches!(
            ctx.kind(k),
            Some(TokenKind::Word | TokenKind::Number | TokenKind::Emoji)
        ) || ctx.is_punct(k, ".")
            || ctx.is_punct(k, "|")
    }) && name_end - i <= 8;
    if !plausible_name {
        return None;
    }
    let author = match (first, last) {
        (Some(f), Some(l)) => Some(ctx.span(f).cover(ctx.span(l))),
        _ => None,
    };
    let mut k = handle + 1;
    if ctx.is_punct(k, ")") {
        k += 1;
    }
    // `on X`, `on Twitter`.
    if ctx.word(k).eq_ignore_ascii_case("on") && ctx.is_word(k + 1) {
        k += 2;
    }
    let (date, after_date) = match read_date(ctx, k, end) {
        Some((span, after)) => (Some(span), after),
        None => (None, k),
    };
    let link = (after_date..end)
        .find(|&t| ctx.kind(t) == Some(TokenKind::Url))
        .map(|t| ctx.span(t));
    // Nothing else of substance may follow.
    let rest_ok = (after_date..end).all(|t| {
        matches!(
            ctx.kind(t),
            Some(TokenKind::Url | TokenKind::Punct | TokenKind::Emoji)
        ) || (ctx.is_word(t) && is_one_of(ctx.word(t), &["on", "x", "twitter", "via"]))
    });
    if !rest_ok {
        return None;
    }
    Some(SocialPost {
        author,
        handle: Some(ctx.span(handle)),
        date,
        link,
    })
}

/// Month names and their abbreviations.
fn is_month(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    is_one_of(
        bare,
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ],
    )
}

/// A date starting at token `k`: `July 7, 2025`, `7 July 2025`,
/// `7/7/2025`. Returns its span and the index after it.
fn read_date(ctx: &Ctx, k: usize, end: usize) -> Option<(Span, usize)> {
    let is_num = |t: usize| t < end && ctx.kind(t) == Some(TokenKind::Number);
    if k < end && ctx.is_word(k) && is_month(ctx.word(k)) && is_num(k + 1) {
        let mut last = k + 1;
        if ctx.is_punct(last + 1, ",") && is_num(last + 2) {
            last += 2;
        } else if is_num(last + 1) {
            last += 1;
        }
        return Some((ctx.span(k).cover(ctx.span(last)), last + 1));
    }
    if is_num(k) && ctx.is_word(k + 1) && is_month(ctx.word(k + 1)) {
        let last = if is_num(k + 2) { k + 2 } else { k + 1 };
        return Some((ctx.span(k).cover(ctx.span(last)), last + 1));
    }
    if is_num(k) && ctx.word(k).contains('/') {
        return Some((ctx.span(k), k + 1));
    }
    None
}

/// The token range of the post above the trailer starting at token
/// `trailer`: the lines back to the previous blank line (at most
/// [`MAX_POST_LINES`]; a longer block is not a post but an article, and
/// only its last line is taken).
fn post_block(ctx: &Ctx, trailer: usize) -> Option<std::ops::Range<usize>> {
    let tokens = &ctx.doc.tokens;
    let end = trailer;
    if end == 0 {
        return None;
    }
    let mut start = end - 1;
    let mut lines = 1;
    let mut last_line_start = None;
    loop {
        let gap = tokens.get(start).map_or(Gap::ParagraphBreak, |t| t.gap);
        if start == 0 || gap == Gap::ParagraphBreak {
            break;
        }
        if gap == Gap::LineBreak {
            last_line_start.get_or_insert(start);
            // The line above is another trailer: the post starts here.
            let above = line_start(ctx, start - 1);
            if ctx.kind(above) == Some(TokenKind::Dash)
                && (above..start).any(|t| ctx.kind(t) == Some(TokenKind::Handle))
            {
                break;
            }
            lines += 1;
            if lines > MAX_POST_LINES {
                start = last_line_start.unwrap_or(start);
                break;
            }
        }
        start -= 1;
    }
    Some(start..end)
}

/// The first token of the line holding token `i`.
fn line_start(ctx: &Ctx, i: usize) -> usize {
    let tokens = &ctx.doc.tokens;
    let mut k = i;
    while k > 0 && tokens.get(k).is_some_and(|t| t.gap < Gap::LineBreak) {
        k -= 1;
    }
    k
}

/// The post's text (without a link at its end) and that link.
fn post_text(ctx: &Ctx, range: std::ops::Range<usize>) -> (Span, Option<Span>) {
    let mut end = range.end;
    let mut link = None;
    if end > range.start && ctx.kind(end - 1) == Some(TokenKind::Url) {
        link = Some(ctx.span(end - 1));
        end -= 1;
        // `…#DowntownFire.pic.twitter.com/…`: the glue is not text.
        while end > range.start
            && ctx.is_punct(end - 1, ".")
            && ctx.doc.tokens.get(end).is_some_and(|t| t.gap == Gap::None)
        {
            end -= 1;
        }
    }
    (ctx.doc.tokens_span(range.start..end), link)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn posts(text: &str) -> Vec<[Option<String>; 6]> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let s = |x: Option<Span>| x.map(|s| doc.slice(s).to_string());
        find(&ctx)
            .iter()
            .map(|a| {
                let p = a.post.unwrap_or_default();
                [
                    Some(doc.slice(a.content).to_string()),
                    s(a.source),
                    s(p.author),
                    s(p.handle),
                    s(p.date),
                    s(p.link),
                ]
            })
            .collect()
    }

    fn row(parts: [Option<&str>; 6]) -> [Option<String>; 6] {
        parts.map(|p| p.map(str::to_string))
    }

    #[test]
    fn trailer_with_name_handle_date_and_glued_link() {
        let text = "Crews shared what they saw.\n\nThe bridge is closed. Stay away #Flood.pic.twitter.com/Ab12Cd\n— Nora Park (@nora_park) July 7, 2025\n\nThe water kept rising.";
        assert_eq!(
            posts(text),
            [row([
                Some("The bridge is closed. Stay away #Flood"),
                Some("Nora Park"),
                Some("Nora Park"),
                Some("@nora_park"),
                Some("July 7, 2025"),
                Some("pic.twitter.com/Ab12Cd"),
            ])]
        );
    }

    #[test]
    fn trailer_variants() {
        // En dash, handle without a name, date first in the day-month order.
        let text = "Sirens all night here.\n– @harbor_watch 8 March 2024";
        assert_eq!(
            posts(text),
            [row([
                Some("Sirens all night here."),
                Some("@harbor_watch"),
                None,
                Some("@harbor_watch"),
                Some("8 March 2024"),
                None,
            ])]
        );
        // Hyphen and `on X`, link at the end of the trailer; a two-line post.
        let text = "Line one of the post\nline two 🎉\n- Sam Reyes (@samreyes) on X https://x.com/samreyes/status/1";
        assert_eq!(
            posts(text),
            [row([
                Some("Line one of the post\nline two 🎉"),
                Some("Sam Reyes"),
                Some("Sam Reyes"),
                Some("@samreyes"),
                None,
                Some("https://x.com/samreyes/status/1"),
            ])]
        );
    }

    #[test]
    fn trailer_inside_the_line() {
        // Copied from a page: the trailer follows the text on its line, the
        // dash glued to the link; the name in lower case.
        let text = "The pumps came at last.\n\nthe storm is coming 😡 pic.twitter.com/Xy12AbCd— marco ibe (@marco_ibe) November 3, 2026.\n\nThe water fell.";
        assert_eq!(
            posts(text),
            [row([
                Some("the storm is coming 😡"),
                Some("marco ibe"),
                Some("marco ibe"),
                Some("@marco_ibe"),
                Some("November 3, 2026"),
                Some("pic.twitter.com/Xy12AbCd"),
            ])]
        );
        // Spaced em dash, a link before it.
        let text = "Roads shut at noon https://t.co/Ab12 — City of Avery (@AveryCity) July 7, 2025";
        assert_eq!(
            posts(text),
            [row([
                Some("Roads shut at noon"),
                Some("City of Avery"),
                Some("City of Avery"),
                Some("@AveryCity"),
                Some("July 7, 2025"),
                Some("https://t.co/Ab12"),
            ])]
        );
    }

    #[test]
    fn not_trailers() {
        // Inside a line, a trailer without a date is prose.
        assert!(posts("The mayor spoke — Nora Park (@nora_park) on X").is_empty());
        assert!(posts(
            "The mayor spoke — Nora Park (@nora_park) said on July 7, 2025 she would run"
        )
        .is_empty());
        // A dash line without a handle, and a long dash sentence.
        assert!(posts("A quote here.\n— Nora Park, 34, of Tacoma").is_empty());
        assert!(posts(
            "Text.\n— and then the council, which met @ noon with @cityhall, voted to close the pool for the summer season"
        )
        .is_empty());
    }
}
