//! Pattern entities: DATE, TIME, MONEY, PERCENT, QUANTITY from rules over
//! tokens; HANDLE, HASHTAG, URL and EMAIL straight from their tokens.
//!
//! The numeric recognisers run one after the other over the tokens, each in
//! one left-to-right pass, and claim the tokens they cover, so their
//! mentions never overlap: money and percentages first (the most specific),
//! then clock times, periods (`last week`, `two hours`), calendar dates, and
//! finally quantities over whatever numbers are left. Every span starts and
//! ends on token boundaries.

pub mod calendar;
pub mod dates;
pub mod money;
pub mod number_phrase;
pub mod number_words;
pub mod percent;
pub mod periods;
pub mod quantity;
pub mod social;
pub mod starters;
pub mod times;
pub mod tokens;

use super::Entity;
use crate::text::Document;
use tokens::{Claims, Toks};

/// Every pattern entity in the document, in text order. They never overlap
/// each other (handles, hashtags, URLs and e-mails are whole tokens that no
/// numeric pattern takes in); the caller resolves overlaps with names.
pub fn find(doc: &Document) -> Vec<Entity> {
    let mut out = Vec::new();
    social::find(doc, &mut out);
    let toks = Toks::new(doc);
    let mut claims = Claims::new(toks.len());
    money::find(&toks, &mut claims, &mut out);
    percent::find(&toks, &mut claims, &mut out);
    times::find(&toks, &mut claims, &mut out);
    periods::find(&toks, &mut claims, &mut out);
    dates::find(&toks, &mut claims, &mut out);
    quantity::find(&toks, &mut claims, &mut out);
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Label;

    /// Every pattern mention in `text`, as (text, label).
    fn found(text: &str) -> Vec<(&str, Label)> {
        let doc = Document::new(text);
        find(&doc)
            .iter()
            .map(|e| (e.span.slice(text), e.label))
            .collect()
    }

    #[test]
    fn a_news_paragraph() {
        let text = "LOS ANGELES — About 2,000 National Guard troops arrived Tuesday \
                    night, two days after protests began, officials said at 3 p.m. ET. \
                    The deployment will cost $134 million, or roughly 12% of the \
                    state's emergency budget, and last through mid-July.";
        assert_eq!(
            found(text),
            [
                ("About 2,000", Label::Quantity),
                ("Tuesday night", Label::Date),
                ("two days", Label::Date),
                ("3 p.m. ET", Label::Time),
                ("$134 million", Label::Money),
                ("roughly 12%", Label::Percent),
                ("mid-July", Label::Date),
            ]
        );
    }

    #[test]
    fn numbers_go_to_the_most_specific_type() {
        let text = "On March 3, 2025, at 9:30 a.m., 1,200 workers walked out over a 4% \
                    raise; by Friday the union had spent $2.5 million and 300 had returned.";
        assert_eq!(
            found(text),
            [
                ("March 3, 2025", Label::Date),
                ("9:30 a.m.", Label::Time),
                ("1,200", Label::Quantity),
                ("4%", Label::Percent),
                ("Friday", Label::Date),
                ("$2.5 million", Label::Money),
                ("300", Label::Quantity),
            ]
        );
    }

    #[test]
    fn names_that_look_like_dates_are_left_alone() {
        let text = "Theresa May met August Wilson's heirs; Will March said the \
                    march on Friday drew 5,000.";
        assert_eq!(
            found(text),
            [("Friday", Label::Date), ("5,000", Label::Quantity)]
        );
    }

    #[test]
    fn all_caps_headlines() {
        let text = "CITY TO PAY $4.5 MILLION AFTER JULY 7, 2025 FLOOD; RATES UP 12 PERCENT";
        assert_eq!(
            found(text),
            [
                ("$4.5 MILLION", Label::Money),
                ("JULY 7, 2025", Label::Date),
                ("12 PERCENT", Label::Percent),
            ]
        );
    }

    #[test]
    fn social_tokens_keep_their_numbers() {
        let text = "Follow @news2025 and #Vote2024 at example.org/2025/07/07 for 10 updates.";
        let got = found(text);
        assert!(got.contains(&("@news2025", Label::Handle)));
        assert!(got.contains(&("#Vote2024", Label::Hashtag)));
        assert!(got.contains(&("example.org/2025/07/07", Label::Url)));
        assert!(got.contains(&("10", Label::Quantity)));
        assert_eq!(got.len(), 4);
    }

    /// Spans are on token boundaries and numeric mentions never overlap.
    fn check_invariants(text: &str) {
        let doc = Document::new(text);
        let out = find(&doc);
        let starts: Vec<usize> = doc.tokens.iter().map(|t| t.span.start).collect();
        let ends: Vec<usize> = doc.tokens.iter().map(|t| t.span.end).collect();
        for e in &out {
            assert!(!e.span.is_empty(), "empty span in {text:?}");
            assert!(
                starts.contains(&e.span.start),
                "start off a token in {text:?}"
            );
            assert!(ends.contains(&e.span.end), "end off a token in {text:?}");
            assert!(text.get(e.span.start..e.span.end).is_some());
        }
        for pair in out.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "overlap in {text:?}: {pair:?}"
            );
        }
    }

    #[test]
    fn tricky_inputs_never_panic() {
        let digits = "7".repeat(1000);
        let dotted = "1.".repeat(500);
        let inputs = [
            String::new(),
            " ".into(),
            "\0\0 12\0% $\0 5".into(),
            "On July 7,\r\n2025 at 3\r\np.m. ET\r\n\r\n$4.5\r\nmillion".into(),
            "👩‍👩‍👧 $5 🇺🇸 12% 👍🏽 July 7 ❤️ 3 p.m.".into(),
            "Jose\u{301} paid €2\u{301}0 on Ma\u{301}y 7, 2\u{301}025".into(),
            "\u{301}5 \u{301}% \u{301}$".into(),
            digits.clone(),
            format!("${digits} million {digits}% {digits}:{digits} in {digits}"),
            format!("{digits}/{digits}/{digits} {digits}-{digits}"),
            dotted,
            "“He paid $5 on ‘July 7, 2025 and left\" said \"12%".into(),
            "$ % € £ ¥ : / - – — , . ( ) [ ] ' ’ \" “".into(),
            "$$$$5%%%% July July July 7 7 7, , , 2025 2025".into(),
            "the the early early mid- mid-  late late the end of of the".into(),
            "a a a dozen dozen half half a a million tens of of of".into(),
            "Q Q5 FY FY99999 fiscal fiscal year c. d. (( )) 1999 – – 2000".into(),
            "12:60 25:00 0:00am 13pm 99.99pm 3:30:99 12:00:00".into(),
            "٣ ٤٥ ۱۲% १२ July ٧".into(),
            "ＪＵＬＹ ７ $５ １２％".into(),
            "ǅuly 7 İn 2025 ß 5 STRASSE".into(),
        ];
        for text in &inputs {
            check_invariants(text);
        }
    }

    #[test]
    fn every_recogniser_survives_tricky_inputs_alone() {
        type Recogniser = fn(&Toks, &mut Claims, &mut Vec<Entity>);
        let recognisers: [Recogniser; 6] = [
            money::find,
            percent::find,
            times::find,
            periods::find,
            dates::find,
            quantity::find,
        ];
        let digits = "9".repeat(1000);
        let inputs = [
            "".to_string(),
            format!("{digits} {digits}% ${digits} {digits} years ago"),
            "“unbalanced ‘quotes $5 \"in 2025".into(),
            "\r\n\r\n\0July\0 7\r\n".into(),
            "e\u{301}\u{301}\u{301} 5\u{301} km\u{301}".into(),
            "🤨🤨 1🤨2 $🤨5 July🤨7".into(),
        ];
        for text in &inputs {
            let doc = Document::new(text);
            let toks = Toks::new(&doc);
            for recognise in recognisers {
                let mut claims = Claims::new(toks.len());
                let mut out = Vec::new();
                recognise(&toks, &mut claims, &mut out);
                for e in &out {
                    assert!(text.get(e.span.start..e.span.end).is_some());
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::check_invariants;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_keeps_the_invariants(text in "\\PC{0,80}") {
                check_invariants(&text);
            }

            #[test]
            fn numeric_soup_keeps_the_invariants(
                text in "[0-9$€£%.,:/\\- aApPmMJulyQ3'’\r\n]{0,120}"
            ) {
                check_invariants(&text);
            }

            #[test]
            fn word_soup_keeps_the_invariants(
                words in proptest::collection::vec(
                    prop::sample::select(vec![
                        "the", "early", "last", "in", "July", "May", "7", "7th", "2025", ",",
                        "$", "4.5", "million", "%", "percent", "about", "a", "dozen", "half",
                        "of", "years", "ago", "3", "p.m.", "ET", "Tuesday", "night", "tens",
                        "thousands", "two-thirds", "miles", "per", "hour", "1990s", "’90s",
                        "mid-July", "c.", "(", ")", "–", "Q3", "fiscal", "the end", "noon",
                    ]),
                    0..40,
                )
            ) {
                check_invariants(&words.join(" "));
            }
        }
    }
}
