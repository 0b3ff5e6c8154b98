//! Interview transcripts: `TAPPER: Will you debate him?` ⏎ `FALLIN: I will.`
//!
//! Articles that print an interview give each turn its own paragraph, the
//! speaker's label in capitals before a colon. Every turn is the speaker's
//! own words, so it is one direct record: the label is the source, the
//! colon the cue, the rest of the paragraph the content. Decisions:
//! - A label is one to [`MAX_LABEL_WORDS`] words written in capitals (at
//!   least two letters in all: `Q:` and `A:` name no one), at the very
//!   start of a paragraph or right after an opening quotation mark.
//!   A label in title case (`Whitcombe:`, `Reporter:`) counts only when
//!   it heads two turns or more, and another such label does too.
//! - A document is a transcript only when at least two such paragraphs
//!   carry two different labels: a lone capitalised label before a colon
//!   is a rubric (`UPDATE: …`), not a conversation. Rubric words
//!   ([`RUBRICS`]) are never labels.
//! - A transcript quoted in an article opens each paragraph with a
//!   quotation mark and closes only the last (news style). Those marks
//!   frame the turns: they are not quotations of their own, so quotation
//!   pairing skips them ([`Turns::framing`]) and quotations inside a turn
//!   still pair.
//! - The content ends at the paragraph's end, without a final framing mark.
//!   In a quoted transcript a turn goes on through the paragraphs that
//!   reopen the mark, up to the next turn, a closing mark or a stage
//!   direction in brackets (`"(CROSSTALK.)`).
//! - A question-and-answer interview (paragraphs opening `Q:` and `A:`
//!   or `Q.` and `A.`, at least two of each) is read apart ([`interview`]): the answers are
//!   the interviewee's, named before the first question (the person a
//!   line ending in a colon introduces, else the person the article names
//!   most often; in full where it can); the questions are
//!   the publication's and no one's claim, so they give no record, but
//!   their words, like the answers', count as quoted.

use super::confidence::Pattern;
use super::lexicon::is_one_of;
use super::source::Ctx;
use super::{Attribution, AttributionKind};
use crate::entities::Label;
use crate::span::Span;
use crate::text::TokenKind;

/// Most words in a speaker label (`SEN. JANE DOE`).
const MAX_LABEL_WORDS: usize = 4;

/// Capitalised words that head a paragraph as a rubric, not a speaker
/// (compared in lower case).
const RUBRICS: &[&str] = &[
    "update",
    "updated",
    "correction",
    "clarification",
    "editor",
    "editors",
    "note",
    "video",
    "watch",
    "photos",
    "photo",
    "breaking",
    "exclusive",
    "source",
    "sources",
    "related",
    "read",
    "more",
    "transcript",
    "warning",
    "disclosure",
    "listen",
];

/// The turns of a transcript, and the quotation marks that frame them.
#[derive(Debug, Default)]
pub struct Turns {
    /// One direct record per turn, in text order.
    pub records: Vec<Attribution>,
    /// Token indices of the quotation marks that open (or close) a turn's
    /// paragraph, sorted: quotation pairing ignores them.
    pub framing: Vec<usize>,
    /// Each turn's head (from its paragraph's start to the end of its
    /// colon) and where its words start.
    heads: Vec<(Span, usize)>,
    /// The token ranges of the turns' words.
    words: Vec<std::ops::Range<usize>>,
}

impl Turns {
    /// Marks the turns' words as quoted in `quoted` (one flag per token):
    /// like words in quotation marks, they are the speaker's own, and the
    /// finders of reported speech leave them alone.
    pub fn mark_quoted(&self, quoted: &mut [bool]) {
        for w in &self.words {
            if let Some(slots) = quoted.get_mut(w.clone()) {
                slots.fill(true);
            }
        }
    }

    /// Starts each record that begins inside a turn's head (`"TAPPER: Why
    /// …`, when a finder took the sentence from the paragraph's start) where
    /// the turn's words start: the label is no one's words.
    pub fn clip(&self, records: &mut [Attribution]) {
        if self.heads.is_empty() {
            return;
        }
        for r in records.iter_mut() {
            let start = r.content.start;
            // Heads are in text order and never overlap.
            let k = self.heads.partition_point(|(h, _)| h.end <= start);
            let Some(&(_, words)) = self.heads.get(k).filter(|(h, _)| h.start <= start) else {
                continue;
            };
            if r.pattern == Pattern::TranscriptTurn || r.content.end <= words {
                continue;
            }
            r.content.start = words;
            r.content_parts.retain(|p| p.end > words);
            if let Some(p) = r.content_parts.first_mut() {
                p.start = p.start.max(words);
            }
        }
    }
}

/// One turn before the document-level check.
struct Turn {
    /// The paragraph's index.
    paragraph: usize,
    /// The opening framing mark, if the paragraph has one.
    opener: Option<usize>,
    /// The label's tokens.
    label: std::ops::Range<usize>,
    /// The colon's token.
    colon: usize,
    /// The paragraph's end (exclusive token index).
    end: usize,
    /// Every word of the label is in capitals (`TAPPER`), not only its
    /// first letter (`Tapper`).
    shouted: bool,
}

/// The transcript turns of the document (none unless it reads as a
/// transcript).
pub fn find(ctx: &Ctx) -> Turns {
    let paragraphs = &ctx.doc.paragraphs;
    let mut turns = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let end = para.tokens.end.min(ctx.len());
        if let Some(turn) = turn_at(ctx, p, para.tokens.start, end) {
            turns.push(turn);
        }
    }
    keep_title_case_if_repeated(ctx, &mut turns);
    let first_label = turns.first().map(|t| label_text(ctx, t));
    let distinct = turns
        .iter()
        .any(|t| Some(label_text(ctx, t)) != first_label);
    if turns.len() < 2 || !distinct {
        return interview(ctx);
    }
    let mut out = Turns::default();
    for (n, t) in turns.iter().enumerate() {
        let next_turn = turns.get(n + 1).map_or(paragraphs.len(), |u| u.paragraph);
        let mut parts = Vec::new();
        let mut first = t.colon + 1;
        let mut end = t.end;
        let mut p = t.paragraph;
        loop {
            let Some(open) = t.opener else {
                parts.extend(piece(ctx, first, end));
                out.words.push(first..end);
                break;
            };
            out.framing
                .push(if p == t.paragraph { open } else { first - 1 });
            // A closing mark that ends the paragraph closes the frame when
            // the marks inside are balanced without it; then the turn ends.
            let inner = (first..end - 1)
                .filter(|&k| same_class(ctx, k, open))
                .count();
            let closed = end - 1 > first && same_class(ctx, end - 1, open) && inner % 2 == 0;
            if closed {
                out.framing.push(end - 1);
                end -= 1;
            }
            parts.extend(piece(ctx, first, end));
            out.words.push(first..end);
            // A quoted transcript reopens the mark on every paragraph: the
            // turn goes on into the next one unless it is a new turn or a
            // stage direction (`"(CROSSTALK.)`).
            p += 1;
            let Some(next) = paragraphs.get(p).filter(|_| !closed && p < next_turn) else {
                break;
            };
            let (a, b) = (next.tokens.start, next.tokens.end.min(ctx.len()));
            if b <= a + 1 || !same_class(ctx, a, open) || ctx.is_punct(a + 1, "(") {
                break;
            }
            first = a + 1;
            end = b;
        }
        let (Some(head), Some(tail)) = (parts.first(), parts.last()) else {
            continue;
        };
        let head_start = ctx.span(t.opener.unwrap_or(t.label.start)).start;
        out.heads
            .push((Span::new(head_start, ctx.span(t.colon).end), head.start));
        let source = label_span(ctx, t);
        let mut record = Attribution::new(
            AttributionKind::Direct,
            head.cover(*tail),
            Some(ctx.span(t.colon)),
            Some(source),
            Pattern::TranscriptTurn,
        );
        record.content_parts = parts;
        out.records.push(record);
    }
    out.framing.sort_unstable();
    out
}

/// A question-and-answer interview: every paragraph that opens `Q:` or
/// `A:` (or `Q.`, `A.`) is a turn, and an answer goes on through the paragraphs after it
/// up to the next turn (the last answer keeps to its own paragraph: what
/// follows it is often an editor's note). Needs two questions and two
/// answers; the answers become direct records of the interviewee
/// ([`interviewee`]), or none when the article names no one before the
/// first question.
fn interview(ctx: &Ctx) -> Turns {
    let paragraphs = &ctx.doc.paragraphs;
    // (paragraph, is an answer, the mark's last token: `:` of `Q:`, or
    // `Q.` itself)
    let mut marks: Vec<(usize, bool, usize)> = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let (a, end) = (para.tokens.start, para.tokens.end.min(ctx.len()));
        if ctx.kind(a) != Some(TokenKind::Word) {
            continue;
        }
        let mark = match ctx.word(a) {
            "Q" | "A" if ctx.is_punct(a + 1, ":") || ctx.is_punct(a + 1, ".") => a + 1,
            "Q." | "A." => a,
            _ => continue,
        };
        if has_words(ctx, mark + 1..end) {
            marks.push((p, ctx.word(a).starts_with('A'), mark));
        }
    }
    let answers = marks.iter().filter(|m| m.1).count();
    let Some(&(first, _, _)) = marks.first() else {
        return Turns::default();
    };
    if answers < 2 || marks.len() - answers < 2 {
        return Turns::default();
    }
    let before = paragraphs.get(first).map_or(0, |p| p.span.start);
    let source = interviewee(ctx, before);
    let mut out = Turns::default();
    for (n, &(p, answer, colon)) in marks.iter().enumerate() {
        let last = match marks.get(n + 1) {
            Some(&(next, _, _)) => next.saturating_sub(1),
            None => p,
        };
        let end = paragraphs
            .get(last)
            .map_or(colon + 1, |q| q.tokens.end.min(ctx.len()));
        let parts: Vec<Span> = (p..=last)
            .filter_map(|q| paragraphs.get(q))
            .filter_map(|q| {
                let first = q.tokens.start.max(colon + 1);
                piece(ctx, first, q.tokens.end.min(ctx.len()))
            })
            .collect();
        let (Some(head), Some(tail)) = (parts.first(), parts.last()) else {
            continue;
        };
        let letter = paragraphs.get(p).map_or(colon, |q| q.tokens.start);
        out.heads
            .push((ctx.span(letter).cover(ctx.span(colon)), head.start));
        out.words.push(colon + 1..end);
        if let (true, Some(source)) = (answer, source) {
            let mut record = Attribution::new(
                AttributionKind::Direct,
                head.cover(*tail),
                Some(ctx.span(colon)),
                Some(source),
                Pattern::TranscriptTurn,
            );
            record.content_parts = parts;
            out.records.push(record);
        }
    }
    out
}

/// Who answers in a question-and-answer interview: of the people named
/// before byte `before` (the first question), the one the whole article
/// names most often (by surname), the earliest first on a tie; the span is
/// that person's first mention in full (the most words) before the
/// questions.
fn interviewee(ctx: &Ctx, before: usize) -> Option<Span> {
    // (span, surname in lower case, words) of every PERSON mention.
    let people: Vec<(Span, String, usize)> = ctx
        .names()
        .iter()
        .filter(|e| e.label == Label::Person)
        .map(|e| {
            let text = ctx.doc.slice(e.span);
            let surname = text.rsplit(char::is_whitespace).next().unwrap_or("");
            (
                e.span,
                surname.to_lowercase(),
                text.split_whitespace().count(),
            )
        })
        .collect();
    let intro = || people.iter().filter(|p| p.0.end <= before);
    let mut named: Option<(&str, usize)> = None;
    for (_, surname, _) in intro() {
        let mentions = people.iter().filter(|p| p.1 == *surname).count();
        if named.is_none_or(|(_, most)| mentions > most) {
            named = Some((surname, mentions));
        }
    }
    // A line introducing the interview names its interviewee last (`Our
    // Q&A with Capt. Luis Herrera:`), whoever the article names most.
    let introduced = intro().next_back().filter(|p| {
        ctx.doc
            .text
            .get(p.0.end..before)
            .is_some_and(|gap| gap.trim().len() <= 1)
    });
    if let Some((_, surname, _)) = introduced {
        named = Some((surname, 0));
    }
    let (surname, _) = named?;
    let mut fullest: Option<(Span, usize)> = None;
    for (span, _, words) in intro().filter(|p| p.1 == surname) {
        if fullest.is_none_or(|(_, most)| *words > most) {
            fullest = Some((*span, *words));
        }
    }
    fullest.map(|(span, _)| span)
}

/// True when tokens `range` hold a word (a turn says something: `Clinton:
/// 547.` is a tally).
fn has_words(ctx: &Ctx, range: std::ops::Range<usize>) -> bool {
    range
        .into_iter()
        .any(|k| ctx.kind(k) == Some(TokenKind::Word))
}

/// The span of tokens `first..end`, if there are any.
fn piece(ctx: &Ctx, first: usize, end: usize) -> Option<Span> {
    (first < end).then(|| ctx.span(first).cover(ctx.span(end - 1)))
}

/// The turn that paragraph `start..end` opens, if it opens with a label.
fn turn_at(ctx: &Ctx, paragraph: usize, start: usize, end: usize) -> Option<Turn> {
    let opener = ctx.is_quote(start).then_some(start);
    let first = start + usize::from(opener.is_some());
    let colon = (first..(first + 2 * MAX_LABEL_WORDS).min(end)).find(|&k| ctx.is_punct(k, ":"))?;
    if colon == first || !has_words(ctx, colon + 1..end) {
        return None;
    }
    let mut words = 0;
    let mut letters = 0;
    let mut shouted = true;
    for k in first..colon {
        let w = ctx.word(k);
        match ctx.kind(k) {
            Some(TokenKind::Word) => {
                if !w.starts_with(char::is_uppercase) || is_one_of(w, RUBRICS) {
                    return None;
                }
                shouted &= !w.chars().any(char::is_lowercase);
                words += 1;
                letters += w.chars().filter(|c| c.is_alphabetic()).count();
            }
            // `SEN. DOE`, `O'NEILL`, `JEAN-PIERRE`.
            Some(TokenKind::Punct) if matches!(w, "." | "'" | "’" | "-") => {}
            _ => return None,
        }
    }
    (words <= MAX_LABEL_WORDS && letters >= 2).then_some(Turn {
        paragraph,
        opener,
        label: first..colon,
        colon,
        end,
        shouted,
    })
}

/// Keeps a turn whose label is in title case (`Whitcombe:`, `Reporter:`)
/// only when its label heads two turns or more and another such label
/// does too: the back and forth of an interview. A title-case word before
/// a colon is far more often a rubric or a list's heading (`Pros: …`,
/// `Jane Doe: a teacher …`) than a label in capitals is.
fn keep_title_case_if_repeated(ctx: &Ctx, turns: &mut Vec<Turn>) {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for t in turns.iter().filter(|t| !t.shouted) {
        let label = label_text(ctx, t);
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => counts.push((label, 1)),
        }
    }
    let repeated = |label: &str| counts.iter().any(|&(l, n)| l == label && n >= 2);
    let conversation = counts.iter().filter(|&&(_, n)| n >= 2).count() >= 2;
    turns.retain(|t| t.shouted || (conversation && repeated(label_text(ctx, t))));
}

/// The span of the turn's label (the record's source).
fn label_span(ctx: &Ctx, t: &Turn) -> Span {
    ctx.span(t.label.start).cover(ctx.span(t.label.end - 1))
}

/// The label's text, to tell speakers apart.
fn label_text<'t>(ctx: &Ctx<'_, 't>, t: &Turn) -> &'t str {
    ctx.doc.slice(label_span(ctx, t))
}

/// True when token `k` is a quotation mark of the same class (double or
/// single) as the mark at `open`.
fn same_class(ctx: &Ctx, k: usize, open: usize) -> bool {
    let double = |i: usize| match ctx.kind(i) {
        Some(TokenKind::Quote(q)) => Some(q.double),
        _ => None,
    };
    double(k).is_some() && double(k) == double(open)
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyse, Options};

    /// (source, content) of each record cued by a colon in `text`.
    fn turns(text: &str) -> Vec<(String, String)> {
        let analysis = analyse(text, &Options::default());
        let slice = |s: crate::span::Span| text.get(s.start..s.end).unwrap_or("").to_string();
        analysis
            .attributions
            .iter()
            .filter(|a| a.cue.is_some_and(|c| text.get(c.start..c.end) == Some(":")))
            .map(|a| (a.source.map(slice).unwrap_or_default(), slice(a.content)))
            .collect()
    }

    #[test]
    fn each_turn_is_its_speakers_statement() {
        let text = "The governor spoke to the station on Sunday. Part of the exchange:\n\n\
                    HOLLIS: Will the bridge reopen before winter?\n\n\
                    GOV. MARA QUINN: It will. The crews are working nights, and I have \
                    told them “no more delays.”\n\n\
                    HOLLIS: Thank you, Governor.";
        let found = turns(text);
        assert_eq!(
            found,
            [
                (
                    "HOLLIS".into(),
                    "Will the bridge reopen before winter?".into()
                ),
                (
                    "GOV. MARA QUINN".into(),
                    "It will. The crews are working nights, and I have told them “no more delays.”"
                        .into()
                ),
                ("HOLLIS".into(), "Thank you, Governor.".into()),
            ]
        );
    }

    #[test]
    fn quoted_transcript_marks_frame_the_turns() {
        let text = "The network released the exchange:\n\n\
                    \"HOLLIS: Why now?\n\n\
                    \"QUINN: Because the money is finally there. The council said \"yes\" \
                    last week.\n\n\
                    \"HOLLIS: And the tolls?\n\n\
                    \"QUINN: The tolls pay for the repairs, the treasurer told me.\n\n\
                    \"QUINN: They stay where they are.\"\n\nThe interview ran ten minutes.";
        let analysis = analyse(text, &Options::default());
        let slice = |s: crate::span::Span| text.get(s.start..s.end).unwrap_or("");
        let contents: Vec<&str> = analysis
            .attributions
            .iter()
            .map(|a| slice(a.content))
            .collect();
        assert!(contents.contains(&"Why now?"), "{contents:?}");
        assert!(
            contents.contains(
                &"Because the money is finally there. The council said \"yes\" last week."
            ),
            "{contents:?}"
        );
        assert!(
            contents.contains(&"They stay where they are."),
            "{contents:?}"
        );
        // No quotation runs from one turn into the next.
        assert!(
            contents
                .iter()
                .all(|c| !c.contains("HOLLIS") && !c.contains("QUINN")),
            "{contents:?}"
        );
    }

    #[test]
    fn a_quoted_turn_goes_on_until_the_next_speaker() {
        let text = "From the broadcast:\n\n\
                    \"HOLLIS: Why now?\n\n\
                    \"QUINN: Because the money is there.\n\n\
                    \"And the council agrees.\n\n\
                    \"(CROSSTALK.)\n\n\
                    \"HOLLIS: One more question.\"";
        let analysis = analyse(text, &Options::default());
        let slice = |s: crate::span::Span| text.get(s.start..s.end).unwrap_or("");
        let quinn = analysis
            .attributions
            .iter()
            .find(|a| a.source.map(slice) == Some("QUINN"));
        let parts: Vec<&str> = quinn
            .map(|a| a.content_parts.iter().map(|&p| slice(p)).collect())
            .unwrap_or_default();
        assert_eq!(
            parts,
            ["Because the money is there.", "And the council agrees."]
        );
        assert!(turns(text).contains(&("HOLLIS".into(), "One more question.".into())));
    }

    #[test]
    fn no_record_starts_inside_a_turns_label() {
        use super::super::source::Ctx;
        use super::super::{Attribution, AttributionKind, Pattern};
        use crate::span::Span;
        use crate::text::Document;
        let text = "From the broadcast:\n\n\"HOLLIS: Why now?\n\n\"QUINN: Because it is time.";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let turns = super::find(&ctx);
        let start = text.find("\"QUINN").unwrap_or(0);
        let content = Span::new(start, text.len());
        let mut records = [Attribution::new(
            AttributionKind::Indirect,
            content,
            None,
            None,
            Pattern::LearnedCue,
        )];
        turns.clip(&mut records);
        let [r] = &records;
        assert_eq!(doc.slice(r.content), "Because it is time.");
        assert_eq!(r.content_parts, [r.content]);
    }

    #[test]
    fn rubrics_and_lone_labels_are_not_transcripts() {
        let lone = "NOTE: The figures below are in dollars.\n\nThe council met on Monday.";
        assert!(turns(lone).is_empty());
        let rubrics =
            "UPDATE: The road is open.\n\nCORRECTION: An earlier version misspelled a name.";
        assert!(turns(rubrics).is_empty());
        let same = "The panel met.\n\nQUINN: First.\n\nQUINN: Second.";
        assert!(turns(same).is_empty(), "one speaker is not a conversation");
        let once = "The panel met.\n\nQuinn: the road is open.\n\nHollis: good to hear.";
        assert!(turns(once).is_empty(), "title-case labels must come back");
        let tally = "The count so far.\n\nQUINN: 1,204.\n\nHOLLIS: 988.\n\n\
                     Quinn: 1,310.\n\nHollis: 1,002.";
        assert!(turns(tally).is_empty(), "a tally is not a conversation");
    }

    #[test]
    fn title_case_labels_that_alternate_are_turns() {
        let text = "The mayor sat down with our reporter on Tuesday.\n\n\
                    Reporter: Why close the bridge now?\n\n\
                    Whitcombe: Because the engineers asked us to. I will not gamble.\n\n\
                    Reporter: The detour adds an hour for some.\n\n\
                    Whitcombe: I know. We are adding buses.\n\n\
                    Pros: The plan is cheap.";
        let found = turns(text);
        assert_eq!(
            found,
            [
                ("Reporter".into(), "Why close the bridge now?".into()),
                (
                    "Whitcombe".into(),
                    "Because the engineers asked us to. I will not gamble.".into()
                ),
                (
                    "Reporter".into(),
                    "The detour adds an hour for some.".into()
                ),
                ("Whitcombe".into(), "I know. We are adding buses.".into()),
            ]
        );
        // `Pros:` heads one paragraph only: a heading, not a speaker.
        // One title-case speaker who comes back is not enough.
        let one = "Notes from the meeting.\n\nReminder: Bring the forms.\n\n\
                   Reminder: Parking is closed.\n\nAgenda: Budget first.";
        assert!(turns(one).is_empty(), "{:?}", turns(one));
    }

    #[test]
    fn answers_in_a_q_and_a_are_the_interviewees() {
        let text = "Mara Quinn has run the county water board since 2019. Reporter Dana \
                    Lee spoke with Quinn on Thursday about the drought.\n\n\
                    Q: How much water is left?\n\n\
                    A: About three months of supply.\n\n\
                    Q: Will there be rationing?\n\n\
                    A: Not yet. The board votes on Monday.\n\n\
                    Farms keep their share until September.\n\n\
                    Q: And now?\n\n\
                    A: Fix the leaks.\n\n\
                    Quinn speaks at the library on Saturday.";
        let analysis = analyse(text, &Options::default());
        let slice = |s: crate::span::Span| text.get(s.start..s.end).unwrap_or("");
        let answers: Vec<(&str, Vec<&str>)> = analysis
            .attributions
            .iter()
            .filter(|a| a.cue.map(slice) == Some(":"))
            .map(|a| {
                let parts = a.content_parts.iter().map(|&p| slice(p)).collect();
                (a.source.map(slice).unwrap_or(""), parts)
            })
            .collect();
        assert_eq!(
            answers,
            [
                ("Mara Quinn", vec!["About three months of supply."]),
                (
                    "Mara Quinn",
                    vec![
                        "Not yet. The board votes on Monday.",
                        "Farms keep their share until September."
                    ]
                ),
                // The last answer keeps to its paragraph.
                ("Mara Quinn", vec!["Fix the leaks."]),
            ]
        );
        // The questions are no one's claims, and no record reads them.
        assert!(
            analysis
                .attributions
                .iter()
                .all(|a| !slice(a.content).contains('?')),
            "{answers:?}"
        );
    }

    #[test]
    fn q_and_a_with_full_stops() {
        let text = "Dana Whitlock runs the county's flood office.\n\
                    Q. Will the wall hold?\n\
                    A. We think it will.\n\
                    Q. What about the pumps?\n\
                    A.They arrive Friday.";
        let doc = crate::text::Document::new(text);
        let analysis = analyse(text, &Options::default());
        let answers: Vec<(&str, &str)> = analysis
            .attributions
            .iter()
            .map(|a| (doc.slice(a.content), a.source.map_or("", |s| doc.slice(s))))
            .collect();
        assert_eq!(
            answers,
            [
                ("We think it will.", "Dana Whitlock"),
                ("They arrive Friday.", "Dana Whitlock")
            ]
        );
    }

    #[test]
    fn the_line_before_the_questions_introduces_the_interviewee() {
        let text = "Chief Ana Morales leads the department.\n\n\
                    Our Q&A with fire captain Luis Herrera:\n\n\
                    Q: How fast is it moving?\n\n\
                    A: A mile an hour.\n\n\
                    Q: What should people do?\n\n\
                    A: Leave when we say so.";
        let doc = crate::text::Document::new(text);
        let analysis = analyse(text, &Options::default());
        let sources: Vec<&str> = analysis
            .attributions
            .iter()
            .filter_map(|a| a.source.map(|s| doc.slice(s)))
            .collect();
        assert_eq!(sources, ["Luis Herrera", "Luis Herrera"]);
    }

    #[test]
    fn a_q_and_a_needs_turns_and_someone_named() {
        let one = "Mara Quinn runs the board.\n\nQ: Is it dry?\n\nA: Very dry.";
        assert!(
            turns(one).is_empty(),
            "one exchange is a FAQ, not an interview"
        );
        let nobody = "The board met on Thursday.\n\nQ: Is it dry?\n\nA: Very.\n\n\
                      Q: And next year?\n\nA: Drier.";
        assert!(turns(nobody).is_empty(), "{:?}", turns(nobody));
    }
}
