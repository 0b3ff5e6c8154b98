//! Running documents through the `lede` CLI in `--jsonl` mode.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde::Deserialize;
use serde_json::Value;

/// An entity as the CLI prints it (code-point offsets).
#[derive(Deserialize, Debug, Clone)]
pub struct EntityOut {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// Its entity group.
    #[serde(default)]
    pub group: Option<usize>,
}

/// A span as the CLI prints it.
#[derive(Deserialize, Debug, Clone)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

/// An entity group as the CLI prints it.
#[derive(Deserialize, Debug, Clone)]
pub struct GroupOut {
    pub id: usize,
    #[serde(default)]
    pub role_mentions: Vec<SpanOut>,
}

/// One output line of the CLI.
#[derive(Deserialize, Debug, Default)]
pub struct LineOut {
    pub entities: Vec<EntityOut>,
    #[serde(default)]
    pub groups: Vec<GroupOut>,
}

/// Analyses `texts` with `lede --jsonl --offsets codepoints` and returns
/// each text's whole output line, in order.
pub fn lines(lede: &Path, texts: &[&str], extra: &[&str]) -> Result<Vec<LineOut>, String> {
    run(lede, texts, extra)?
        .into_iter()
        .map(|v| {
            if v.is_null() {
                return Ok(LineOut::default());
            }
            serde_json::from_value(v).map_err(|e| format!("bad CLI output: {e}"))
        })
        .collect()
}

/// Analyses `texts` with `lede --jsonl --offsets codepoints` (plus `extra`
/// arguments) and returns each text's output line, in order (`null` for a
/// text the CLI printed nothing for).
pub fn run(lede: &Path, texts: &[&str], extra: &[&str]) -> Result<Vec<Value>, String> {
    let mut input = String::new();
    for (id, text) in texts.iter().enumerate() {
        let line = serde_json::json!({"id": id, "text": text});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let mut child = Command::new(lede)
        .args(["--jsonl", "--offsets", "codepoints"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", lede.display()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{} failed: {e}", lede.display()))?;
    writer
        .join()
        .map_err(|_| "writer thread failed".to_string())?
        .map_err(|e| format!("cannot write to {}: {e}", lede.display()))?;
    if !output.status.success() {
        return Err(format!("{} exited with {}", lede.display(), output.status));
    }
    let mut out = vec![Value::Null; texts.len()];
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("bad CLI output: {e}"))?;
        let id = v
            .get("id")
            .and_then(Value::as_u64)
            .and_then(|i| usize::try_from(i).ok());
        if let Some(slot) = id.and_then(|i| out.get_mut(i)) {
            *slot = v;
        }
    }
    Ok(out)
}

/// The entities of each text (see [`run`]).
pub fn analyse(lede: &Path, texts: &[&str], extra: &[&str]) -> Result<Vec<Vec<EntityOut>>, String> {
    Ok(lines(lede, texts, extra)?
        .into_iter()
        .map(|l| l.entities)
        .collect())
}
