//! Regression floors on the CoNLL dev files (read at run time from ../shared/data/ner-train;
//! skipped with a message when absent), for the NER model alone and for the whole engine
//! (model, then rules). The floors sit just under today's figures (the model's header lists
//! its own) so a worse model or a worse rule fails here.

use std::path::{Path, PathBuf};
use std::process::Command;

fn data() -> Option<PathBuf> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner-train");
    if data.is_dir() {
        Some(data)
    } else {
        eprintln!("NER training data not found at {}: skipped", data.display());
        None
    }
}

/// Run `lede eval conll <mode> FILES` and check each file's exact typed PER/ORG/LOC F1.
fn check(mode: &str, floors: &[(&str, f64)]) {
    let Some(data) = data() else { return };
    let present: Vec<&(&str, f64)> = floors.iter().filter(|(f, _)| data.join(f).is_file()).collect();
    if present.is_empty() {
        eprintln!("no CoNLL dev files under {}: skipped", data.display());
        return;
    }
    let out =
        Command::new(env!("CARGO_BIN_EXE_lede")).args(["eval", "conll", mode]).args(present.iter().map(|(f, _)| data.join(f))).output().expect("run lede");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    for (file, floor) in present {
        let line = report.lines().find(|l| l.starts_with("F1 ") && l.ends_with(file)).unwrap_or_else(|| panic!("no score line for {file} in:\n{report}"));
        let f1: f64 = line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).expect("F1 value");
        assert!(f1 >= *floor, "{mode} {file}: exact typed PER/ORG/LOC F1 {f1:.2} fell below {floor}");
    }
}

#[test]
fn model_dev_scores_do_not_regress() {
    check(
        "--model",
        &[("gmb/dev.conll", 84.0), ("uner-pud/dev.conll", 70.5), ("btc/dev.conll", 62.5), ("wnut17/dev.conll", 47.0), ("uner-ewt/dev.conll", 61.0)],
    );
}

#[test]
fn engine_dev_scores_do_not_regress() {
    check("--engine", &[("gmb/dev.conll", 80.0), ("uner-pud/dev.conll", 78.0), ("btc/dev.conll", 49.5), ("uner-ewt/dev.conll", 64.5)]);
}
