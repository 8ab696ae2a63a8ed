//! Regression floors on the MEANTIME corpus (read at run time from ../shared/data/meantime;
//! skipped with a message when absent). The floors sit just under today's figures so a change
//! that makes the engine worse fails here; the README gives the current table.

use std::path::Path;
use std::process::Command;

#[test]
fn meantime_scores_do_not_regress() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/meantime");
    if !corpus.join("intra-doc_annotation").is_dir() {
        eprintln!("MEANTIME not found at {}: skipped", corpus.display());
        return;
    }
    let out = std::env::temp_dir().join(format!("lede-meantime-{}.json", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_lede")).args(["eval", "meantime", "--json"]).arg(&out).arg(&corpus).output().expect("run lede eval");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_file(&out);
    let f1 = |path: &[&str]| path.iter().fold(&v, |v, k| &v[*k])["f1"].as_f64().unwrap_or(0.0);
    let floors = [(&["timex", "relaxed"][..], 0.89), (&["timex", "strict"][..], 0.82), (&["timex", "value"][..], 0.80), (&["entities", "micro"][..], 0.755)];
    for (path, floor) in floors {
        let got = f1(path);
        assert!(got >= floor, "{path:?} F1 {got:.3} fell below {floor}");
    }
}
