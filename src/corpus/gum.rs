//! GUM to CoNLL-style names.
//!
//! GUM marks every mention (nested, with determiners, appositions and
//! relative clauses); Lede wants flat names like CoNLL's. For each mention
//! that GUM calls named (syntactic head PROPN) with type person,
//! organization or place:
//! - a leading "the", "a" or "an" is dropped, and so is a trailing
//!   possessive ("Zurbarán ’s" → "Zurbarán") and, for people, leading
//!   titles ("President Obama" → "Obama", as in CoNLL; a mention that is
//!   only a title, "the Secretary", is [`Gold::Unknown`]);
//! - the span is cut at its first comma or opening bracket ("University of
//!   Portsmouth, United Kingdom" → "University of Portsmouth"; GUM marks
//!   "United Kingdom" separately);
//! - what is left must look like a name: at most ten words, each
//!   capitalised or a connector ("of", "de", "and" …) inside the name;
//!   otherwise the mention is [`Gold::Unknown`];
//! - overlapping results keep the longest ("Long Room at Auckland Castle"
//!   rather than "Auckland Castle").
//!
//! Other named mentions (events, objects, abstract …) become
//! [`Gold::MiscOrOutside`]: Lede's MISC covers some of them. Documents of
//! the non-commercial genres and of genres without a stated licence
//! (conversation, speech, vlog) are marked not open.

use std::path::Path;

use serde::Deserialize;

use super::{char_to_byte, Error, Gold, GoldDoc, Mention, SpanRecord};
use crate::entities::names::titles;
use crate::entities::Label;
use crate::span::Span;

#[derive(Deserialize)]
struct Record {
    id: String,
    license: String,
    text: String,
    entities: Vec<SpanRecord>,
}

/// Words allowed inside a name in lower case.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
    "el", "van", "von", "der", "den", "y", "and", "&", "for", "the", "on", "at", "in", "upon",
    "al", "bin", "ibn", "zu", "und", "on-the", "en", "st.",
];

/// True for the openly licensed GUM genres (CC BY / CC BY-SA, listed in
/// GUM's licence file).
pub fn open_license(license: &str) -> bool {
    license.starts_with("CC BY") && !license.contains("NC")
}

pub(super) fn load(text: &str, path: &Path) -> Result<Vec<GoldDoc>, Error> {
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line)
            .map_err(|e| Error::Parse(path.to_path_buf(), n + 1, e.to_string()))?;
        let bytes = char_to_byte(&r.text);
        let spans: Vec<(Span, &str)> = r
            .entities
            .iter()
            .filter(|e| e.named)
            .filter_map(|e| {
                Some((
                    Span::new(*bytes.get(e.start)?, *bytes.get(e.end)?),
                    e.label.as_str(),
                ))
            })
            .collect();
        let mentions = mentions(&r.text, &spans);
        docs.push(GoldDoc {
            id: r.id,
            open: open_license(&r.license),
            text: r.text,
            mentions,
            has_misc: false,
        });
    }
    Ok(docs)
}

/// CoNLL-style mentions from GUM's named mentions (byte spans, GUM types).
pub fn mentions(text: &str, named: &[(Span, &str)]) -> Vec<Mention> {
    let mut names: Vec<(Span, Label)> = Vec::new();
    let mut out = Vec::new();
    for &(span, kind) in named {
        let label = match kind {
            "person" => Label::Person,
            "organization" => Label::Org,
            "place" => Label::Place,
            "time" => continue,
            _ => {
                let span = strip(text, span);
                if !span.is_empty() {
                    out.push(Mention {
                        span,
                        gold: Gold::MiscOrOutside,
                    });
                }
                continue;
            }
        };
        match normalise(text, span) {
            Some(s) if label == Label::Person => match strip_title(text, s) {
                Some(s) => names.push((s, label)),
                None => out.push(Mention {
                    span,
                    gold: Gold::Unknown,
                }),
            },
            Some(s) => names.push((s, label)),
            None => out.push(Mention {
                span,
                gold: Gold::Unknown,
            }),
        }
    }
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.start.cmp(&b.0.start)));
    let mut kept: Vec<(Span, Label)> = Vec::new();
    for (s, l) in names {
        if let Some(k) = kept.iter().find(|(k, _)| k.overlaps(s)) {
            if !k.0.contains(s) {
                out.push(Mention {
                    span: s,
                    gold: Gold::Unknown,
                });
            }
            continue;
        }
        kept.push((s, l));
    }
    out.extend(kept.into_iter().map(|(span, l)| Mention {
        span,
        gold: Gold::Name(l),
    }));
    // MISC-or-outside spans that overlap a name are dropped: the name wins.
    let names: Vec<Span> = out
        .iter()
        .filter(|m| matches!(m.gold, Gold::Name(_)))
        .map(|m| m.span)
        .collect();
    out.retain(|m| m.gold != Gold::MiscOrOutside || !names.iter().any(|n| n.overlaps(m.span)));
    out
}

/// Drops a leading article and a trailing possessive.
fn strip(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let mut start = span.start;
    for article in ["the ", "The ", "a ", "A ", "an ", "An ", "THE "] {
        if s.starts_with(article) {
            start += article.len();
            break;
        }
    }
    let mut end = span.end;
    let body = text.get(start..end).unwrap_or("");
    for poss in [" ’s", " 's", "’s", "'s", " ’", " '", "’"] {
        if body.ends_with(poss) && body.len() > poss.len() {
            end -= poss.len();
            break;
        }
    }
    let body = text.get(start..end).unwrap_or("");
    let trimmed = body.trim_end();
    Span::new(start, start + trimmed.len())
}

/// Drops leading titles ("Mayor Karen Bass" → "Karen Bass", "Secretary of
/// State Marco Rubio" → "Marco Rubio"), with the shared titles lexicon the
/// taggers use; `None` when the mention is nothing but titles ("the
/// Secretary"), which Lede never tags as a PERSON.
fn strip_title(text: &str, mut span: Span) -> Option<Span> {
    loop {
        let body = span.slice(text);
        let words: Vec<&str> = body.split_whitespace().collect();
        let Some(m) = titles::title_at(words.iter().copied()) else {
            return Some(span);
        };
        if m.words >= words.len() {
            return None;
        }
        // Skip the title's words and the spaces after them.
        let mut rest = body;
        for _ in 0..m.words {
            rest = rest.trim_start();
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            rest = rest.get(word_end..).unwrap_or("");
        }
        let skip = body.len() - rest.trim_start().len();
        span = Span::new(span.start + skip, span.end);
    }
}

/// The CoNLL-style name inside a GUM named mention, if there is one.
fn normalise(text: &str, span: Span) -> Option<Span> {
    let mut s = strip(text, span);
    let body = s.slice(text);
    if let Some(cut) = body.find([',', '(', ';']) {
        let head = body.get(..cut)?.trim_end();
        s = Span::new(s.start, s.start + head.len());
        s = strip(text, s);
    }
    let body = s.slice(text);
    let words: Vec<&str> = body.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let last = words.len() - 1;
    for (k, w) in words.iter().enumerate() {
        let first = w.chars().next()?;
        let capitalised =
            first.is_uppercase() || first.is_numeric() || w.chars().any(char::is_uppercase);
        let connector = k != 0 && k != last && CONNECTORS.contains(&w.to_lowercase().as_str());
        if !capitalised && !connector {
            return None;
        }
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, spans: &[(&str, &str)]) -> Vec<(String, Gold)> {
        let named: Vec<(Span, &str)> = spans
            .iter()
            .map(|(s, kind)| {
                let start = text.find(s).unwrap_or(0);
                (Span::new(start, start + s.len()), *kind)
            })
            .collect();
        let mut m: Vec<(String, Gold)> = mentions(text, &named)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.gold))
            .collect();
        m.sort_by(|a, b| a.0.cmp(&b.0));
        m
    }

    #[test]
    fn articles_possessives_and_appositions_are_cut() {
        let text = "She left the University of Portsmouth, United Kingdom and Zurbarán ’s studio.";
        let got = names(
            text,
            &[
                (
                    "the University of Portsmouth, United Kingdom",
                    "organization",
                ),
                ("United Kingdom", "place"),
                ("Zurbarán ’s", "person"),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("United Kingdom".into(), Gold::Name(Label::Place)),
                ("University of Portsmouth".into(), Gold::Name(Label::Org)),
                ("Zurbarán".into(), Gold::Name(Label::Person)),
            ]
        );
    }

    #[test]
    fn titles_are_not_part_of_a_person() {
        let text =
            "Mayor Karen Bass met Sen. Alex Padilla, Secretary of State Ana Ruiz and the Queen.";
        let got = names(
            text,
            &[
                ("Mayor Karen Bass", "person"),
                ("Sen. Alex Padilla", "person"),
                ("Secretary of State Ana Ruiz", "person"),
                ("Queen", "person"),
            ],
        );
        let texts: Vec<(&str, Gold)> = got.iter().map(|(t, g)| (t.as_str(), *g)).collect();
        assert_eq!(
            texts,
            [
                ("Alex Padilla", Gold::Name(Label::Person)),
                ("Ana Ruiz", Gold::Name(Label::Person)),
                ("Karen Bass", Gold::Name(Label::Person)),
                // A bare title is not a name: not scored, not trained.
                ("Queen", Gold::Unknown),
            ]
        );
    }

    #[test]
    fn clauses_are_unknown_and_events_may_be_misc() {
        let text = "the University of Malaysia which urged staff during World War II";
        let got = names(
            text,
            &[
                (
                    "the University of Malaysia which urged staff",
                    "organization",
                ),
                ("World War II", "event"),
            ],
        );
        assert_eq!(got[0], ("World War II".into(), Gold::MiscOrOutside));
        assert_eq!(got[1].1, Gold::Unknown);
    }

    #[test]
    fn licences() {
        assert!(open_license("CC BY 2.5"));
        assert!(open_license("CC BY-SA 3.0"));
        assert!(!open_license("CC BY-NC-SA 4.0"));
        assert!(!open_license(
            "not listed in GUM LICENSE.txt; see source_url"
        ));
        assert!(open_license(
            "CC BY 4.0 (OpenStax; not listed in GUM LICENSE.txt)"
        ));
    }
}
