//! `lede eval timeml [--verbose] [--errors] DIR`: the engine's time expressions scored against
//! a folder of gold TimeML files (`.tml`, searched recursively), with TempEval-3 Task A's
//! measures.
//!
//! Each document's input is the text of its `<TEXT>` element with every tag removed, analysed
//! as plain text; its reference date is the document creation time (the `TIMEX3` of `<DCT>`).
//! Gold and predicted expressions are byte ranges of that text, matched one to one (same range
//! first, then the largest overlap). The scores are TempEval-3's: strict span P/R/F1 (same
//! range), relaxed span P/R/F1 (overlapping ranges), type and value accuracy over the relaxed
//! matches, and type and value F1 (relaxed F1 times that accuracy).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use lede_cli::timeml;
use lede_engine::{annotate, Options};

use crate::eval::{count_timexes, match_timexes, timex_table, TimexCounts, TimexItem, TokRange};

/// Options of `lede eval timeml`.
#[derive(Default)]
pub(crate) struct TimemlOptions {
    /// One line of scores per document.
    pub(crate) verbose: bool,
    /// Every missed, spurious, cut and wrongly valued expression, and a confusion listing of
    /// wrong values by their shape.
    pub(crate) errors: bool,
}

/// Every `.tml` file under `dir`, sorted.
pub(crate) fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("tml")) {
            out.push(p);
        }
    }
    Ok(())
}

/// A byte range as the scorer's range (inclusive last byte).
fn range(start: usize, end: usize) -> TokRange {
    TokRange::new(start, end.max(start + 1) - 1)
}

/// A value's shape, for grouping errors: digits become 9 ("1998-Q3" → "9999-Q9").
fn shape(v: &str) -> String {
    v.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
}

/// Score the engine on the TimeML files under `dir`. A missing folder is not an error: the
/// report says the evaluation was skipped.
pub(crate) fn run(dir: &Path, options: &TimemlOptions) -> Result<String, String> {
    if !dir.exists() {
        return Ok(format!("TimeML corpus not found at {}: evaluation skipped\n", dir.display()));
    }
    let mut files = Vec::new();
    tml_files(dir, &mut files)?;
    if files.is_empty() {
        return Err(format!("no .tml files under {}", dir.display()));
    }
    let mut out = String::new();
    let mut total = TimexCounts::default();
    let mut docs = 0;
    let mut errors = String::new();
    // (gold shape, predicted shape) → examples "text: gold → predicted".
    let mut confusion: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for path in &files {
        let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        let xml = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let doc = timeml::parse(&xml).map_err(|e| format!("{}:{e}", path.display()))?;
        let reference = doc.dct.as_deref().and_then(timeml::parse_value);
        let a = annotate(&doc.text, &Options { reference, plain: true });
        let gold: Vec<TimexItem> =
            doc.timexes.iter().map(|t| TimexItem { range: range(t.start, t.end), kind: t.kind.clone(), value: t.value.clone() }).collect();
        let pred: Vec<TimexItem> = a
            .timexes
            .iter()
            .map(|t| TimexItem { range: range(t.span.start, t.span.end), kind: t.kind.name().to_owned(), value: t.value.to_string() })
            .collect();
        let pairs = match_timexes(&gold, &pred);
        let c = count_timexes(&gold, &pred, &pairs);
        total += c;
        docs += 1;
        if options.verbose {
            let _ = writeln!(
                out,
                "{name:<40} gold {:>3} pred {:>3}  strict F1 {:>5.1}  relaxed F1 {:>5.1}  value F1 {:>5.1}",
                c.gold,
                c.pred,
                100.0 * c.strict().f1(),
                100.0 * c.relaxed().f1(),
                100.0 * c.value_f1()
            );
        }
        if options.errors {
            let text = |r: TokRange| doc.text.get(r.first..=r.last).unwrap_or("").replace('\n', " ");
            let matched_gold: Vec<usize> = pairs.iter().map(|p| p.0).collect();
            let matched_pred: Vec<usize> = pairs.iter().map(|p| p.1).collect();
            for (_, g) in gold.iter().enumerate().filter(|(gi, _)| !matched_gold.contains(gi)) {
                let _ = writeln!(errors, "{name}  MISSED  {:?}  {} {}", text(g.range), g.kind, g.value);
            }
            for (_, p) in pred.iter().enumerate().filter(|(pi, _)| !matched_pred.contains(pi)) {
                let _ = writeln!(errors, "{name}  FALSE   {:?}  {} {}", text(p.range), p.kind, p.value);
            }
            for &(gi, pi, strict) in &pairs {
                let (g, p) = (&gold[gi], &pred[pi]);
                if !strict {
                    let _ = writeln!(errors, "{name}  EXTENT  gold {:?}  pred {:?}", text(g.range), text(p.range));
                }
                if g.value != p.value {
                    let _ = writeln!(errors, "{name}  VALUE   {:?}  {} -> {}", text(g.range), g.value, p.value);
                    confusion.entry((shape(&g.value), shape(&p.value))).or_default().push(format!("{:?}: {} -> {}", text(g.range), g.value, p.value));
                }
            }
        }
    }
    out.push_str(&timex_table(&dir.display().to_string(), docs, total));
    if options.errors {
        out.push_str("\n== errors ==\n");
        out.push_str(&errors);
        out.push_str("\n== wrong values by shape (gold -> predicted), most frequent first ==\n");
        let mut rows: Vec<_> = confusion.into_iter().collect();
        rows.sort_by_key(|(k, v)| (std::cmp::Reverse(v.len()), k.clone()));
        for ((g, p), examples) in rows {
            let _ = writeln!(out, "{:>4}  {g} -> {p}   e.g. {}", examples.len(), examples.iter().take(3).cloned().collect::<Vec<_>>().join("; "));
        }
    }
    Ok(out)
}
