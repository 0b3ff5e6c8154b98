//! Invariants that hold for any input, checked with generated text.

use lede::text::{Document, OffsetMap, OffsetUnit};
use lede::{analyse, Options};
use proptest::prelude::*;

/// Pieces that stress the tokenizer and recognisers when mixed at random.
fn news_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(" — ".to_string()),
        Just("–".to_string()),
        Just("-".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just(" said ".to_string()),
        Just(", according to ".to_string()),
        Just("Karen Bass".to_string()),
        Just("BASS".to_string()),
        Just("Mayor".to_string()),
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("@handle_1".to_string()),
        Just("#Tag".to_string()),
        Just("pic.twitter.com/AbC12".to_string()),
        Just("example.org/a?b=c".to_string()),
        Just("a@b.org".to_string()),
        Just("$4.5 million".to_string()),
        Just("12%".to_string()),
        Just("July 7, 2025".to_string()),
        Just("3 p.m. ET".to_string()),
        Just("4,000".to_string()),
        Just("🤨".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("🇺🇸".to_string()),
        Just("e\u{301}".to_string()),
        Just("שלום".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\0".to_string()),
        Just(" ".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\u{200D}".to_string()),
        Just("\u{FE0F}".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,5}",
        ".{0,4}",
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(news_piece(), 0..60).prop_map(|parts| parts.concat())
}

fn check_invariants(text: &str) {
    let options = Options {
        sentences: true,
        tokens: true,
        ..Options::default()
    };
    let a = analyse(text, &options);
    if let Err(problem) = lede::invariants::check(text, &a) {
        panic!("{problem} in {text:?}");
    }
    assert_eq!(
        a,
        analyse(text, &options),
        "analysis is not deterministic for {text:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_analysed_safely(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn news_like_text_is_analysed_safely(text in news_text()) {
        check_invariants(&text);
    }

    #[test]
    fn offsets_round_trip(text in news_text()) {
        for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoints] {
            let map = OffsetMap::new(&text, unit);
            let mut units = 0;
            for (byte, c) in text.char_indices() {
                prop_assert_eq!(map.to_unit(byte), units);
                prop_assert_eq!(map.to_byte(units), byte);
                units += unit.char_len(c);
            }
            prop_assert_eq!(map.to_unit(text.len()), units);
            prop_assert_eq!(map.to_byte(units), text.len());
        }
    }

    #[test]
    fn tokens_are_ordered_and_cover_all_non_space(text in news_text()) {
        let doc = Document::new(&text);
        let mut pos = 0;
        for t in &doc.tokens {
            prop_assert!(t.span.start >= pos && t.span.end > t.span.start);
            // Everything skipped between tokens is space or control characters.
            prop_assert!(text[pos..t.span.start].chars().all(lede::text::chars::is_space));
            pos = t.span.end;
        }
        prop_assert!(text[pos..].chars().all(lede::text::chars::is_space));
        for s in &doc.sentences {
            prop_assert!(doc.paragraphs.iter().any(|p| p.span.contains(s.span)), "sentence crosses a paragraph");
        }
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        String::new(),
        " \n\t\r\n ".to_string(),
        "\0".repeat(1000),
        "\"".repeat(5000),
        "“".repeat(3000) + &"”".repeat(10),
        "word ".repeat(200_000),
        "A".repeat(1_000_000),
        "@".repeat(10_000) + &"#".repeat(10_000),
        "9".repeat(100_000),
        "e\u{301}".repeat(50_000),
        "🤨\u{200D}".repeat(20_000),
        "U.S.".repeat(20_000),
        "http://".repeat(5000),
        ". ".repeat(50_000),
    ];
    for text in &cases {
        check_invariants(text);
    }
}
