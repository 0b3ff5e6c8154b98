//! Arbitrary bytes, read as lossy UTF-8: `analyse` returns, deterministically,
//! with every invariant of `lede::invariants` intact.
#![no_main]

use lede::{analyse, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options { sentences: true, tokens: true, ..Options::default() };
    let analysis = analyse(&text, &options);
    if let Err(problem) = lede::invariants::check(&text, &analysis) {
        panic!("{problem}");
    }
    assert_eq!(analysis, analyse(&text, &options), "not deterministic");
});
