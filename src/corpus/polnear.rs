//! PolNeAR (political news attribution relations) for training and tuning
//! the attribution model: each article with its gold attributions in byte
//! offsets. The format is described in `../shared/data/polnear/SOURCE.md`;
//! offsets there are code points. PolNeAR states no licence (the articles
//! are the publishers'): it is read from the data folder, never copied, and
//! a model trained on it carries the caveat in `MODEL_CARD.md`.

use std::path::Path;

use serde::Deserialize;

use super::{char_to_byte, Error};
use crate::span::Span;

/// One gold attribution relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The content's pieces (one unless discontinuous), in text order.
    pub content: Vec<Span>,
    /// The source's pieces (empty when the relation has no source).
    pub source: Vec<Span>,
    /// The cue's pieces (`said`, `according to`; rarely discontinuous).
    pub cue: Vec<Span>,
}

/// One article.
#[derive(Clone, Debug)]
pub struct Article {
    /// PolNeAR's article id.
    pub id: String,
    /// The raw article text.
    pub text: String,
    /// Its attribution relations.
    pub attributions: Vec<GoldAttribution>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    quotes: Vec<Quote>,
}

#[derive(Deserialize)]
struct Quote {
    start: usize,
    end: usize,
    #[serde(default)]
    segments: Option<Vec<[usize; 2]>>,
    #[serde(default)]
    speaker_start: Option<usize>,
    #[serde(default)]
    speaker_end: Option<usize>,
    #[serde(default)]
    speaker_segments: Option<Vec<[usize; 2]>>,
    #[serde(default)]
    cue_start: Option<usize>,
    #[serde(default)]
    cue_end: Option<usize>,
    #[serde(default)]
    cue_segments: Option<Vec<[usize; 2]>>,
}

/// Reads a split (`train`, `dev`) from the data folder.
pub fn load(data: &Path, split: &str) -> Result<Vec<Article>, Error> {
    let path = data.join("polnear").join(format!("{split}.jsonl"));
    let text = std::fs::read_to_string(&path).map_err(|e| Error::Read(path.clone(), e))?;
    parse(&text, &path)
}

/// Parses PolNeAR JSON lines (`path` only names errors).
pub fn parse(text: &str, path: &Path) -> Result<Vec<Article>, Error> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line)
            .map_err(|e| Error::Parse(path.to_path_buf(), n + 1, e.to_string()))?;
        let bytes = char_to_byte(&r.text);
        let span = |s: usize, e: usize| Some(Span::new(*bytes.get(s)?, *bytes.get(e)?));
        let spans = |segs: &Option<Vec<[usize; 2]>>, s: Option<usize>, e: Option<usize>| {
            let mut v: Vec<Span> = match segs {
                Some(segs) if !segs.is_empty() => {
                    segs.iter().filter_map(|&[s, e]| span(s, e)).collect()
                }
                _ => s.zip(e).and_then(|(s, e)| span(s, e)).into_iter().collect(),
            };
            v.retain(|s| !s.is_empty());
            v.sort();
            v
        };
        let attributions = r
            .quotes
            .iter()
            .map(|q| GoldAttribution {
                content: spans(&q.segments, Some(q.start), Some(q.end)),
                source: spans(&q.speaker_segments, q.speaker_start, q.speaker_end),
                cue: spans(&q.cue_segments, q.cue_start, q.cue_end),
            })
            .filter(|a| !a.content.is_empty())
            .collect();
        out.push(Article {
            id: r.id,
            text: r.text,
            attributions,
        });
    }
    Ok(out)
}

/// A predicted attribution, as the PolNeAR protocol sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Predicted {
    /// The content's cover.
    pub content: Span,
    /// The source, if any.
    pub source: Option<Span>,
    /// The cue, if any.
    pub cue: Option<Span>,
}

/// Gold and predicted attributions matched one to one (PolNeAR protocol):
/// a gold attribution is found by a prediction whose content covers at
/// least half of the gold content; pairs are taken best coverage first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// For each gold attribution, the prediction that found it.
    pub gold: Vec<Option<usize>>,
    /// For each prediction, the gold attribution it found.
    pub predicted: Vec<Option<usize>>,
}

/// Bytes of `parts` that `span` covers.
fn covered(parts: &[Span], span: Span) -> usize {
    parts
        .iter()
        .map(|p| p.end.min(span.end).saturating_sub(p.start.max(span.start)))
        .sum()
}

/// Matches `predicted` against `gold` (see [`Matching`]).
pub fn matching(gold: &[GoldAttribution], predicted: &[Predicted]) -> Matching {
    let mut pairs: Vec<(u64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let len: usize = g.content.iter().map(|s| s.len()).sum();
        if len == 0 {
            continue;
        }
        for (pi, p) in predicted.iter().enumerate() {
            let c = covered(&g.content, p.content);
            if 2 * c >= len {
                let share = (c as u64 * 1_000_000) / len as u64;
                pairs.push((u64::MAX - share, gi, pi));
            }
        }
    }
    pairs.sort_unstable();
    let mut m = Matching {
        gold: vec![None; gold.len()],
        predicted: vec![None; predicted.len()],
    };
    for (_, gi, pi) in pairs {
        if m.gold[gi].is_none() && m.predicted[pi].is_none() {
            m.gold[gi] = Some(pi);
            m.predicted[pi] = Some(gi);
        }
    }
    m
}

/// True when a predicted span is right against gold pieces: it overlaps
/// one, or both are absent.
pub fn span_right(predicted: Option<Span>, gold: &[Span]) -> bool {
    match predicted {
        None => gold.is_empty(),
        Some(p) => gold.iter().any(|g| g.overlaps(p)),
    }
}

/// Counts of the PolNeAR protocol over a set of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold attributions.
    pub gold: usize,
    /// Predicted attributions.
    pub predicted: usize,
    /// Gold attributions found (content).
    pub found: usize,
    /// Found with the right source.
    pub source_right: usize,
    /// Found with the right cue.
    pub cue_right: usize,
}

impl Counts {
    /// Adds one document's predictions; returns its matching.
    pub fn add(&mut self, gold: &[GoldAttribution], predicted: &[Predicted]) -> Matching {
        let m = matching(gold, predicted);
        self.gold += gold.len();
        self.predicted += predicted.len();
        for (g, p) in gold.iter().zip(&m.gold) {
            if let Some(p) = p.and_then(|p| predicted.get(p)) {
                self.found += 1;
                self.source_right += usize::from(span_right(p.source, &g.source));
                self.cue_right += usize::from(span_right(p.cue, &g.cue));
            }
        }
        m
    }

    /// Content precision, recall and F1.
    pub fn content(&self) -> (f64, f64, f64) {
        prf(self.found, self.predicted, self.gold)
    }

    /// End-to-end (content and source) precision, recall and F1.
    pub fn end_to_end(&self) -> (f64, f64, f64) {
        prf(self.source_right, self.predicted, self.gold)
    }
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_become_byte_spans() {
        let line = r#"{"id":"a","text":"Zoë said the vote was close.","quotes":[{"start":9,"end":27,"speaker_start":0,"speaker_end":3,"cue_start":4,"cue_end":8}]}"#;
        let docs = parse(line, Path::new("x")).unwrap();
        let a = &docs[0].attributions[0];
        let t = &docs[0].text;
        assert_eq!(a.content[0].slice(t), "the vote was close");
        assert_eq!(a.source[0].slice(t), "Zoë");
        assert_eq!(a.cue[0].slice(t), "said");
    }

    #[test]
    fn segments_and_missing_sources() {
        let line = r#"{"id":"b","text":"\"We won,\" she said, \"again.\"","quotes":[{"start":1,"end":27,"segments":[[1,8],[21,27]],"speaker_start":null,"speaker_end":null,"cue_start":15,"cue_end":19}]}"#;
        let docs = parse(line, Path::new("x")).unwrap();
        let a = &docs[0].attributions[0];
        let t = &docs[0].text;
        let parts: Vec<&str> = a.content.iter().map(|s| s.slice(t)).collect();
        assert_eq!(parts, ["We won,", "again."]);
        assert!(a.source.is_empty());
    }

    #[test]
    fn half_the_content_finds_one_gold_each() {
        let g = |s: usize, e: usize| GoldAttribution {
            content: vec![Span::new(s, e)],
            source: vec![Span::new(0, 3)],
            cue: vec![],
        };
        let p = |s: usize, e: usize, src: Option<Span>| Predicted {
            content: Span::new(s, e),
            source: src,
            cue: None,
        };
        let gold = [g(10, 20), g(30, 40)];
        // The long prediction covers both; the short one only 4 of 10 bytes.
        let predicted = [p(0, 50, Some(Span::new(1, 2))), p(30, 34, None)];
        let mut c = Counts::default();
        let m = c.add(&gold, &predicted);
        assert_eq!(m.gold, [Some(0), None]);
        assert_eq!((c.found, c.source_right, c.cue_right), (1, 1, 1));
        let (p, r, _) = c.content();
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
    }
}
