//! Structured inputs: mixtures of the pieces that make news text hard
//! (quotation marks of every kind, dashes, handles, post trailers, emoji
//! sequences, long runs of capitals, numbers, line breaks), assembled by the
//! fuzzer. Same checks as the byte-level target.
#![no_main]

use arbitrary::Arbitrary;
use lede::{analyse, Options};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Piece {
    Quote(u8),
    Dash(u8),
    Space(u8),
    Break(u8),
    Handle(u16),
    Hashtag(u16),
    Url(u8),
    Emoji(u8),
    Caps(u8),
    Name(u8),
    Cue(u8),
    Number(u32),
    Trailer,
    Raw(String),
}

const QUOTES: &[&str] = &["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "''", "``"];
const DASHES: &[&str] = &["—", "–", "-", "--", " - ", "―"];
const BREAKS: &[&str] = &["\n", "\r\n", "\n\n", "\r", "\u{2029}", "\u{2028}"];
const EMOJI: &[&str] = &["🤨", "👩‍👩‍👧", "🇺🇸", "👍🏽", "❤️", "1️⃣", "\u{200D}", "\u{FE0F}", "e\u{301}"];
const NAMES: &[&str] = &["Karen Bass", "Mayor Bass", "Bass", "BASS", "Bass's", "ICE", "Immigration and Customs Enforcement", "Los Angeles", "LA", "U.S."];
const CUES: &[&str] = &["said", " said ", "told reporters", "according to", "allegedly", "officials said", "she said", "wrote", "per"];
const URLS: &[&str] = &["pic.twitter.com/AbC1", "https://t.co/x", "example.org/a?b=c", "www.example.com", "a@b.org"];

fn pick<'a>(list: &[&'a str], i: impl Into<usize>) -> &'a str {
    list[i.into() % list.len()]
}

fuzz_target!(|pieces: Vec<Piece>| {
    let mut text = String::new();
    for piece in &pieces {
        match piece {
            Piece::Quote(i) => text.push_str(pick(QUOTES, *i)),
            Piece::Dash(i) => text.push_str(pick(DASHES, *i)),
            Piece::Space(n) => text.push_str(&" ".repeat(usize::from(*n % 4))),
            Piece::Break(i) => text.push_str(pick(BREAKS, *i)),
            Piece::Handle(n) => text.push_str(&format!("@user_{n}")),
            Piece::Hashtag(n) => text.push_str(&format!("#Tag{n}")),
            Piece::Url(i) => text.push_str(pick(URLS, *i)),
            Piece::Emoji(i) => text.push_str(pick(EMOJI, *i)),
            Piece::Caps(n) => text.push_str(&"ABC DEF ".repeat(usize::from(*n % 64))),
            Piece::Name(i) => text.push_str(pick(NAMES, *i)),
            Piece::Cue(i) => text.push_str(pick(CUES, *i)),
            Piece::Number(n) => text.push_str(&format!("{n},{:03}.5%", n % 1000)),
            Piece::Trailer => text.push_str("\n— Ana Ruiz (@ana_ruiz) July 7, 2025"),
            Piece::Raw(s) => text.push_str(s),
        }
    }
    let options = Options { sentences: true, tokens: true, ..Options::default() };
    let analysis = analyse(&text, &options);
    if let Err(problem) = lede::invariants::check(&text, &analysis) {
        panic!("{problem}");
    }
    assert_eq!(analysis, analyse(&text, &options), "not deterministic");
});
