//! The `lede` command line, run as a real process.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn lede(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("lede finishes");
    writer.join().expect("stdin writer");
    out
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "lede failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

/// Slices `text` by offsets in `unit`, the way a consumer would.
fn slice(text: &str, unit: &str, start: usize, end: usize) -> String {
    match unit {
        "bytes" => text[start..end].to_string(),
        "codepoints" => text.chars().skip(start).take(end - start).collect(),
        _ => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("valid UTF-16 slice")
        }
    }
}

const TEXT: &str = "🇺🇸👩‍👩‍👧 Reporters e\u{301} wrote to desk@example.org; see example.org/a?b=c and #Tag by @lede_news.";

#[test]
fn stdin_to_one_json_document_in_each_unit() {
    for unit in ["utf16", "codepoints", "bytes"] {
        let doc = json(&lede(&["--offsets", unit], TEXT.as_bytes()));
        assert_eq!(doc["offsets"], unit);
        assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
        let entities = doc["entities"].as_array().expect("entities");
        assert!(entities.len() >= 4, "{entities:?}");
        for e in entities {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                slice(TEXT, unit, start, end),
                e["text"].as_str().unwrap(),
                "unit {unit}"
            );
        }
        assert!(doc["attributions"].is_array());
    }
}

#[test]
fn default_unit_is_utf16_like_the_js_api() {
    let doc = json(&lede(&[], TEXT.as_bytes()));
    assert_eq!(doc["offsets"], "utf16");
}

#[test]
fn reads_a_file_and_pretty_prints() {
    let path = std::env::temp_dir().join(format!("lede-cli-test-{}.txt", std::process::id()));
    std::fs::write(&path, TEXT).unwrap();
    let out = lede(&["--pretty", path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).ok();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"entities\""));
    json(&out);
}

#[test]
fn empty_input_is_an_empty_analysis() {
    let doc = json(&lede(&[], b""));
    assert_eq!(doc["entities"], serde_json::json!([]));
    assert_eq!(doc["attributions"], serde_json::json!([]));
}

#[test]
fn jsonl_keeps_order_and_ids() {
    let mut input = String::new();
    for i in 0..300 {
        let text = format!(
            "{} mail n{i}@example.org{}",
            "word ".repeat(i % 17),
            if i % 3 == 0 { "\r\n" } else { "" }
        );
        input.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string());
        input.push('\n');
    }
    input.push('\n'); // blank lines are skipped
    let out = lede(&["--jsonl", "--offsets", "codepoints"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 300);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("doc-{i}"));
        assert_eq!(line["entities"][0]["text"], format!("n{i}@example.org"));
        assert!(line["attributions"].is_array());
    }
}

#[test]
fn jsonl_ids_may_be_any_json_and_missing() {
    let out = lede(&["--jsonl"], b"{\"id\": 7, \"text\": \"a\"}\n{\"text\": \"b\"}\n{\"id\": {\"k\": [1]}, \"text\": \"c\"}\n");
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            serde_json::json!(7),
            serde_json::Value::Null,
            serde_json::json!({"k": [1]})
        ]
    );
}

#[test]
fn malformed_jsonl_names_the_line_and_writes_nothing() {
    for (input, needle) in [
        (
            "{\"id\":1,\"text\":\"ok\"}\n{\"id\":2,\"text\":\n",
            "line 2",
        ),
        ("{\"id\":1,\"text\":\"ok\"}\n\n[1,2]\n", "line 3"),
        ("{\"id\":1}\n", "line 1: missing \"text\""),
        (
            "{\"id\":1,\"text\":5}\n",
            "line 1: \"text\" must be a string",
        ),
    ] {
        let out = lede(&["--jsonl"], input.as_bytes());
        assert_eq!(out.status.code(), Some(2), "{input:?}");
        assert!(out.stdout.is_empty(), "nothing half-written for {input:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err} should mention {needle}");
    }
}

#[test]
fn bad_arguments_and_input_fail_clearly() {
    let out = lede(&["--labels", "PER"], b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PERSON"));

    let out = lede(&["--offsets", "chars"], b"x");
    assert_eq!(out.status.code(), Some(2));

    let out = lede(&[], b"ok \xff\xfe bytes");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    assert!(out.stdout.is_empty());

    let out = lede(&["/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

#[test]
fn label_filter_and_extra_layers() {
    let doc = json(&lede(
        &[
            "--labels",
            "URL,EMAIL",
            "--sentences",
            "--tokens",
            "--no-attributions",
        ],
        TEXT.as_bytes(),
    ));
    let labels: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["EMAIL", "URL"]);
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
    assert!(doc["tokens"].as_array().unwrap().len() > 10);
}

#[test]
fn help_and_version() {
    let out = lede(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--jsonl"));
    let out = lede(&["--version"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_jsonl_line_carries_what_a_single_document_does() {
    let text = "The bridge was allegedly built without permits. \"We will rebuild it,\" \
                Mayor Ana Ruiz said. Ruiz later toured the site.";
    let single: serde_json::Value =
        serde_json::from_slice(&lede(&["-"], text.as_bytes()).stdout).unwrap();
    let record = serde_json::json!({"id": "a", "text": text}).to_string();
    let out = lede(&["--jsonl"], record.as_bytes());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in ["entities", "attributions", "hedged_claims", "groups"] {
        assert_eq!(line[field], single[field], "{field}");
    }
    assert!(!single["hedged_claims"].as_array().unwrap().is_empty());
    assert!(!single["groups"].as_array().unwrap().is_empty());
}
