//! Regression floors of the engine's time expressions on TempEval-3's training corpus
//! (TimeBank + AQUAINT, read at run time from ../shared/data/tempeval3-train; skipped with a
//! message when absent), with TempEval-3 Task A's measures. The floors sit just under today's
//! figures, so a change that loses expressions, cuts them wrongly or misreads their values fails.

use std::path::Path;
use std::process::Command;

#[test]
fn tempeval3_training_scores_do_not_regress() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3-train");
    if !dir.is_dir() {
        eprintln!("TempEval-3 training corpus not found at {}: skipped", dir.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_lede")).args(["eval", "timeml"]).arg(&dir).output().expect("run lede");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    // (row, F1 floor in percent): the F1 is the sixth number of its row.
    for (name, floor) in [("timex strict", 81.9), ("timex relaxed", 89.6), ("timex type", 85.4), ("timex value", 75.5)] {
        let line = report.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("no {name} row in:\n{report}"));
        let f1: f64 = line[name.len()..].split_whitespace().nth(5).and_then(|v| v.parse().ok()).expect("F1");
        assert!(f1 >= floor, "{name} F1 {f1:.1} fell below {floor}");
    }
}
