//! Regression floors of the timeline's events against the events that gold TLINKs anchor to
//! dates (`lede eval events`), on TempEval-3's training corpus and MEANTIME (read at run time
//! from ../shared/data; each skipped with a message when absent). The floors sit just under
//! today's figures, so a change that loses events or makes labels say less fails.

use std::path::Path;
use std::process::Command;

#[test]
fn dated_and_named_shares_do_not_regress() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    // (folder, dated floor %, named floor %)
    for (folder, dated, named) in [("tempeval3-train", 87.0, 72.0), ("meantime", 84.0, 74.0)] {
        let dir = data.join(folder);
        if !dir.is_dir() {
            eprintln!("{} not found: skipped", dir.display());
            continue;
        }
        let out = Command::new(env!("CARGO_BIN_EXE_lede")).args(["eval", "events"]).arg(&dir).output().expect("run lede");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let report = String::from_utf8_lossy(&out.stdout);
        let row = report.lines().nth(1).unwrap_or_else(|| panic!("no row in:\n{report}"));
        let shares: Vec<f64> = row.split_whitespace().filter_map(|v| v.strip_suffix('%')).filter_map(|v| v.parse().ok()).collect();
        let [d, n] = shares[..] else { panic!("no shares in {row:?}") };
        assert!(d >= dated, "{folder}: dated {d:.1}% fell below {dated}%");
        assert!(n >= named, "{folder}: named {n:.1}% fell below {named}%");
    }
}
