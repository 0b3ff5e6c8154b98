//! `lede`: analyse articles from the command line.
//!
//! ```text
//! lede article.txt                 # one JSON document
//! lede --jsonl < docs.jsonl        # {"id":…,"text":…} per line → one result per line
//! lede --offsets codepoints FILE   # offsets as Python string indices
//! ```
//!
//! Exit status: 0 on success, 1 when a file cannot be read or written, 2 for
//! bad arguments or malformed input (nothing is written in that case).

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use lede::report::{AttributionView, EntityView, GroupView, Report, SpanView};
use lede::{analyse, Label, OffsetUnit, Options};
use rayon::prelude::*;
use serde::Serialize;

/// Named entities and source attributions in news articles.
#[derive(Parser, Debug)]
#[command(name = "lede", version, about, long_about = None)]
struct Cli {
    /// Article text file (UTF-8); `-` or nothing reads standard input.
    file: Option<PathBuf>,

    /// Read JSON lines `{"id":…,"text":…}` and write one result line per
    /// input line, in input order, analysed on all cores.
    #[arg(long)]
    jsonl: bool,

    /// Unit of every offset in the output.
    #[arg(long, value_enum, default_value_t = Unit::Utf16)]
    offsets: Unit,

    /// Report only these labels (comma-separated, e.g. PERSON,ORG).
    #[arg(long, value_delimiter = ',', value_parser = parse_label)]
    labels: Option<Vec<Label>>,

    /// Skip attribution finding.
    #[arg(long)]
    no_attributions: bool,

    /// Include sentence spans.
    #[arg(long)]
    sentences: bool,

    /// Include token spans.
    #[arg(long)]
    tokens: bool,

    /// Pretty-print the JSON document (ignored with --jsonl).
    #[arg(long)]
    pretty: bool,

    /// Worker threads for --jsonl (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

/// Offset units as spelled on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Unit {
    /// UTF-16 code units (JavaScript string indices), as in the JS API.
    Utf16,
    /// Unicode code points (Python string indices).
    Codepoints,
    /// UTF-8 bytes.
    Bytes,
}

impl From<Unit> for OffsetUnit {
    fn from(u: Unit) -> Self {
        match u {
            Unit::Utf16 => OffsetUnit::Utf16,
            Unit::Codepoints => OffsetUnit::CodePoints,
            Unit::Bytes => OffsetUnit::Bytes,
        }
    }
}

fn parse_label(s: &str) -> Result<Label, String> {
    Label::parse(s.trim()).ok_or_else(|| {
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        format!("unknown label `{s}`; expected one of {}", names.join(", "))
    })
}

/// A failure, with the exit status it maps to.
enum Failure {
    /// Bad input or arguments: status 2.
    Input(String),
    /// Reading or writing failed: status 1.
    Io(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("lede: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Io(msg)) => {
            eprintln!("lede: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| Failure::Io(format!("cannot start {n} threads: {e}")))?;
    }
    let options = Options {
        labels: cli.labels.clone(),
        attributions: !cli.no_attributions,
        sentences: cli.sentences,
        tokens: cli.tokens,
    };
    let unit = OffsetUnit::from(cli.offsets);
    let input = read_input(cli.file.as_ref())?;
    let output = if cli.jsonl {
        jsonl(&input, &options, unit)?
    } else {
        let analysis = analyse(&input, &options);
        let report = Report::new(&input, &analysis, unit);
        let mut out = if cli.pretty {
            serde_json::to_string_pretty(&report)
        } else {
            serde_json::to_string(&report)
        }
        .map_err(|e| Failure::Io(format!("cannot encode the result: {e}")))?;
        out.push('\n');
        out
    };
    write_output(&output)
}

fn read_input(file: Option<&PathBuf>) -> Result<String, Failure> {
    let (bytes, name) = match file {
        Some(path) if path.as_os_str() != "-" => {
            let bytes = std::fs::read(path)
                .map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))?;
            (bytes, path.display().to_string())
        }
        _ => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?;
            (bytes, "standard input".to_string())
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "{name} is not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn write_output(output: &str) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = out.write_all(output.as_bytes()).and_then(|()| out.flush());
    match result {
        // A closed pipe (`lede … | head`) is not an error worth reporting.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
        Ok(()) => Ok(()),
    }
}

/// One input line of `--jsonl`.
struct Record {
    id: serde_json::Value,
    text: String,
}

/// One output line of `--jsonl`.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a serde_json::Value,
    entities: Vec<EntityView<'a>>,
    attributions: Vec<AttributionView<'a>>,
    groups: Vec<GroupView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<SpanView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<SpanView<'a>>>,
}

/// Parses every line first (so malformed input writes nothing), then
/// analyses the records in parallel, keeping their order.
fn jsonl(input: &str, options: &Options, unit: OffsetUnit) -> Result<String, Failure> {
    let records = parse_records(input)?;
    let lines: Vec<Result<String, Failure>> = records
        .par_iter()
        .map(|r| {
            let analysis = analyse(&r.text, options);
            let report = Report::new(&r.text, &analysis, unit);
            let line = Line {
                id: &r.id,
                entities: report.entities,
                attributions: report.attributions,
                groups: report.groups,
                sentences: report.sentences,
                tokens: report.tokens,
            };
            serde_json::to_string(&line)
                .map_err(|e| Failure::Io(format!("cannot encode a result: {e}")))
        })
        .collect();
    let mut out = String::new();
    for line in lines {
        out.push_str(&line?);
        out.push('\n');
    }
    Ok(out)
}

fn parse_records(input: &str) -> Result<Vec<Record>, Failure> {
    let mut records = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m);
            Failure::Input(format!(
                "line {n}, column {}: invalid JSON: {msg}",
                e.column()
            ))
        })?;
        let serde_json::Value::Object(mut object) = value else {
            return Err(Failure::Input(format!(
                "line {n}: expected an object like {{\"id\": 1, \"text\": \"…\"}}"
            )));
        };
        let text = match object.remove("text") {
            Some(serde_json::Value::String(text)) => text,
            Some(_) => {
                return Err(Failure::Input(format!(
                    "line {n}: \"text\" must be a string"
                )))
            }
            None => return Err(Failure::Input(format!("line {n}: missing \"text\""))),
        };
        let id = object.remove("id").unwrap_or(serde_json::Value::Null);
        records.push(Record { id, text });
    }
    Ok(records)
}
