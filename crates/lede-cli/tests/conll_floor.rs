//! Regression floors of the NER model alone on the CoNLL dev files (read at run time from
//! ../shared/data/ner-train; skipped with a message when absent). The floors sit just under
//! the committed model's figures (its header lists them) so a worse model fails here.

use std::path::Path;
use std::process::Command;

#[test]
fn conll_dev_scores_do_not_regress() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner-train");
    if !data.is_dir() {
        eprintln!("NER training data not found at {}: skipped", data.display());
        return;
    }
    // Exact typed PER/ORG/LOC F1 (percent) of the committed model, minus a little.
    let floors = [
        ("gmb/dev.conll", 83.5),
        ("uner-pud/dev.conll", 73.0),
        ("btc/dev.conll", 63.0),
        ("wnut17/dev.conll", 48.0),
        ("uner-ewt/dev.conll", 59.5),
    ];
    let files: Vec<_> = floors
        .iter()
        .map(|(f, _)| data.join(f))
        .filter(|p| p.is_file())
        .collect();
    if files.is_empty() {
        eprintln!("no CoNLL dev files under {}: skipped", data.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["eval", "conll"])
        .args(&files)
        .output()
        .expect("run lede");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    for (file, floor) in floors {
        if !data.join(file).is_file() {
            continue;
        }
        let line = report
            .lines()
            .find(|l| l.starts_with("F1 ") && l.ends_with(file))
            .unwrap_or_else(|| panic!("no score line for {file} in:\n{report}"));
        let f1: f64 = line
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .expect("F1 value");
        assert!(
            f1 >= floor,
            "{file}: exact typed PER/ORG/LOC F1 {f1:.2} fell below {floor}"
        );
    }
}
