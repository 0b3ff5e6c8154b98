//! Annotated corpora for training and evaluating the name tagger (native
//! only: reads `../shared/data`). Each corpus is read into [`GoldDoc`]s:
//! a text (sentence-level corpora are joined into documents, one sentence a
//! line) and its gold name mentions in byte offsets, with every corpus's
//! labels mapped to Lede's. The mappings are documented in `MODEL_CARD.md`
//! and implemented once here, for training and evaluation alike.

pub mod gum;
pub mod polnear;
pub mod score;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::entities::Label;
use crate::span::Span;

/// What a gold span says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gold {
    /// A name of this label (PERSON, ORG, PLACE or MISC).
    Name(Label),
    /// Either a MISC name or no name: corpora without MISC mark products,
    /// works or events that Lede's MISC may or may not cover.
    MiscOrOutside,
    /// The annotation could not be mapped: no tag is wrong here (training
    /// skips it, evaluation ignores predictions overlapping it).
    Unknown,
}

/// A gold mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span in the document text.
    pub span: Span,
    /// What it is.
    pub gold: Gold,
}

/// One document with its gold mentions.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    /// Corpus and document id.
    pub id: String,
    /// The text (sentences of sentence-level corpora joined by `\n`).
    pub text: String,
    /// Gold mentions, in any order.
    pub mentions: Vec<Mention>,
    /// True when the corpus labels MISC (otherwise text outside mentions
    /// may still hold MISC names).
    pub has_misc: bool,
    /// True when the text and annotations are openly licensed.
    pub open: bool,
}

/// A corpus split that Lede knows how to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// CoNLL-2003 English train (Reuters; research use only).
    ConllTrain,
    /// CoNLL-2003 English dev (eng.testa).
    ConllDev,
    /// GUM train, every genre.
    GumTrain,
    /// GUM dev.
    GumDev,
    /// UNER English EWT dev.
    UnerDev,
    /// Broad Twitter Corpus, all sections.
    Btc,
    /// WNUT-17 train.
    WnutTrain,
    /// WNUT-17 dev.
    WnutDev,
}

impl Source {
    /// Short name used in reports.
    pub const fn name(self) -> &'static str {
        match self {
            Source::ConllTrain => "conll2003/train",
            Source::ConllDev => "conll2003/dev",
            Source::GumTrain => "gum/train",
            Source::GumDev => "gum/dev",
            Source::UnerDev => "uner_en_ewt/dev",
            Source::Btc => "btc/all",
            Source::WnutTrain => "wnut17/train",
            Source::WnutDev => "wnut17/dev",
        }
    }

    /// The file, relative to the data folder.
    pub fn path(self, data: &Path) -> PathBuf {
        let file = match self {
            Source::ConllTrain => "conll2003/train.jsonl",
            Source::ConllDev => "conll2003/dev.jsonl",
            Source::GumTrain => "gum/train.jsonl",
            Source::GumDev => "gum/dev.jsonl",
            Source::UnerDev => "uner_en_ewt/dev.jsonl",
            Source::Btc => "btc/all.jsonl",
            Source::WnutTrain => "wnut17/train.jsonl",
            Source::WnutDev => "wnut17/dev.jsonl",
        };
        data.join(file)
    }

    /// Reads the corpus.
    pub fn load(self, data: &Path) -> Result<Vec<GoldDoc>, Error> {
        let path = self.path(data);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Read(path.clone(), e))?;
        match self {
            Source::ConllTrain | Source::ConllDev => {
                sentences(&text, &path, "doc", true, true, conll_label)
            }
            Source::UnerDev => sentences(&text, &path, "doc_id", false, true, conll_label),
            Source::Btc => sentences(&text, &path, "", false, true, conll_label),
            Source::WnutTrain | Source::WnutDev => {
                sentences(&text, &path, "", false, true, wnut_label)
            }
            Source::GumTrain | Source::GumDev => gum::load(&text, &path),
        }
        .map(|mut docs| {
            if matches!(self, Source::ConllTrain | Source::ConllDev) {
                for d in &mut docs {
                    d.open = false;
                }
            }
            docs
        })
    }
}

/// Why a corpus could not be read.
#[derive(Debug)]
pub enum Error {
    /// The file is missing or unreadable.
    Read(PathBuf, std::io::Error),
    /// A line is not a valid record.
    Parse(PathBuf, usize, String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read(p, e) => write!(f, "cannot read {}: {e}", p.display()),
            Error::Parse(p, line, e) => write!(f, "{}:{line}: {e}", p.display()),
        }
    }
}

impl std::error::Error for Error {}

/// CoNLL, UNER and BTC tags.
fn conll_label(tag: &str) -> Option<Gold> {
    Some(Gold::Name(match tag {
        "PER" => Label::Person,
        "ORG" => Label::Org,
        "LOC" => Label::Place,
        "MISC" => Label::Misc,
        _ => return None,
    }))
}

/// WNUT-17 types: person → PERSON, corporation and group → ORG, location →
/// PLACE; creative works and products may or may not be MISC.
fn wnut_label(tag: &str) -> Option<Gold> {
    match tag {
        "person" => Some(Gold::Name(Label::Person)),
        "corporation" | "group" => Some(Gold::Name(Label::Org)),
        "location" => Some(Gold::Name(Label::Place)),
        "creative-work" | "product" => Some(Gold::MiscOrOutside),
        _ => None,
    }
}

#[derive(Deserialize)]
struct SentenceRecord {
    id: String,
    text: String,
    entities: Vec<SpanRecord>,
    #[serde(default)]
    doc: Option<String>,
    #[serde(default)]
    doc_id: Option<String>,
}

/// A gold span in code points, as in the corpus files.
#[derive(Deserialize)]
pub(crate) struct SpanRecord {
    pub start: usize,
    pub end: usize,
    pub label: String,
    #[serde(default)]
    pub named: bool,
}

/// Byte offset of every code point index of `text` (plus its length).
pub fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Sentence-level corpora: consecutive sentences with the same `doc_key`
/// value form one document (each sentence alone when `doc_key` is empty).
fn sentences(
    text: &str,
    path: &Path,
    doc_key: &str,
    has_misc: bool,
    open: bool,
    map: fn(&str) -> Option<Gold>,
) -> Result<Vec<GoldDoc>, Error> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut current_key: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: SentenceRecord = serde_json::from_str(line)
            .map_err(|e| Error::Parse(path.to_path_buf(), n + 1, e.to_string()))?;
        let key = match doc_key {
            "doc" => r.doc.clone(),
            "doc_id" => r.doc_id.clone(),
            _ => None,
        };
        let same = key.is_some() && key == current_key && !docs.is_empty();
        if !same {
            docs.push(GoldDoc {
                id: key.clone().unwrap_or_else(|| r.id.clone()),
                text: String::new(),
                mentions: Vec::new(),
                has_misc,
                open,
            });
            current_key = key;
        }
        let Some(doc) = docs.last_mut() else { continue };
        if !doc.text.is_empty() {
            doc.text.push('\n');
        }
        let base = doc.text.len();
        let bytes = char_to_byte(&r.text);
        doc.text.push_str(&r.text);
        for e in &r.entities {
            let (Some(&s), Some(&en)) = (bytes.get(e.start), bytes.get(e.end)) else {
                continue;
            };
            if let Some(gold) = map(&e.label) {
                doc.mentions.push(Mention {
                    span: Span::new(base + s, base + en),
                    gold,
                });
            }
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_join_into_documents_with_byte_offsets() {
        let lines = concat!(
            r#"{"id":"a1","doc":"d1","text":"Zoë met Ann .","entities":[{"start":0,"end":3,"label":"PER"},{"start":8,"end":11,"label":"PER"}]}"#,
            "\n",
            r#"{"id":"a2","doc":"d1","text":"In Oslo .","entities":[{"start":3,"end":7,"label":"LOC"}]}"#,
            "\n",
            r#"{"id":"a3","doc":"d2","text":"Hi .","entities":[]}"#,
            "\n"
        );
        let docs = sentences(lines, Path::new("x"), "doc", true, true, conll_label).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.text, "Zoë met Ann .\nIn Oslo .");
        let texts: Vec<&str> = d.mentions.iter().map(|m| m.span.slice(&d.text)).collect();
        assert_eq!(texts, ["Zoë", "Ann", "Oslo"]);
    }

    #[test]
    fn wnut_types_map_to_lede_labels() {
        assert_eq!(wnut_label("group"), Some(Gold::Name(Label::Org)));
        assert_eq!(wnut_label("product"), Some(Gold::MiscOrOutside));
        assert_eq!(wnut_label("location"), Some(Gold::Name(Label::Place)));
    }
}
