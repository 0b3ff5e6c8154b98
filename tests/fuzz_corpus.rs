//! Replays what the fuzzer found through the same checks as the `analyse`
//! fuzz target, so every `cargo test` covers it without running the fuzzer:
//! `fuzz/regressions/` (a small committed sample of the fuzz corpus, inputs
//! that reached distinct code paths) and `fuzz/artifacts/` (crash
//! reproducers, when a fuzz run left any; that folder is not committed).

use std::path::{Path, PathBuf};

use lede::{analyse, Options};

/// Every file under `dir`, recursively, in a stable order (none when absent).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// What the fuzz target asserts: the invariants hold and the result is
/// deterministic, for the bytes read as lossy UTF-8.
fn replay(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let options = Options {
        sentences: true,
        tokens: true,
        ..Options::default()
    };
    let analysis = analyse(&text, &options);
    lede::invariants::check(&text, &analysis)
        .map_err(|problem| format!("{}: {problem}", path.display()))?;
    if analysis != analyse(&text, &options) {
        return Err(format!("{}: not deterministic", path.display()));
    }
    Ok(())
}

fn fuzz_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(name)
}

#[test]
fn committed_fuzz_regressions_keep_the_invariants() {
    let inputs = files(&fuzz_dir("regressions"));
    assert!(
        inputs.len() >= 20,
        "expected the committed sample in fuzz/regressions/, found {} files",
        inputs.len()
    );
    let failures: Vec<String> = inputs.iter().filter_map(|p| replay(p).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

#[test]
fn fuzz_artifacts_if_any_keep_the_invariants() {
    // Crash reproducers a local fuzz run left behind (git-ignored); replayed so
    // a fix can be checked with `cargo test` alone. Usually there are none.
    let inputs = files(&fuzz_dir("artifacts"));
    let failures: Vec<String> = inputs.iter().filter_map(|p| replay(p).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} artifacts failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

#[test]
fn replay_reports_an_unreadable_input_instead_of_passing() {
    // The replayer must not treat a missing file as a pass.
    assert!(replay(&fuzz_dir("regressions").join("no-such-input")).is_err());
}
