//! Running over the corpus (finding and reading its documents) and the report: tables,
//! JSON and the method text.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use lede_engine::{annotate, Options};

use lede_cli::timeml::parse_value;

use super::detok::detokenize;
use super::gold::{parse_document, NeType};
use super::predict::predictions;
use super::score::{score_document, DocScore, EntityCounts, Prf, TimexCounts};

/// Options of `lede eval meantime`.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    /// Print every error per document.
    pub verbose: bool,
    /// Also write the figures as JSON to this file.
    pub json: Option<PathBuf>,
}

/// Totals for a group of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    /// Documents scored.
    pub docs: usize,
    /// Timex counts.
    pub timex: TimexCounts,
    /// Entity counts.
    pub entities: EntityCounts,
}

impl Totals {
    fn add(&mut self, s: &DocScore) {
        self.docs += 1;
        self.timex += s.timex;
        self.entities += s.entities;
    }
}

/// The XML files to score, grouped by corpus folder, sorted by name.
///
/// `dir` may be the corpus root (with `intra-doc_annotation/corpus_*/`), a
/// folder of corpus folders, or a folder of XML files (one group named after it).
pub fn find_documents(dir: &Path) -> Result<Vec<(String, Vec<PathBuf>)>, String> {
    let base = {
        let intra = dir.join("intra-doc_annotation");
        if intra.is_dir() {
            intra
        } else {
            dir.to_path_buf()
        }
    };
    let xml_files = |d: &Path| -> Result<Vec<PathBuf>, String> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map_err(|e| format!("cannot read {}: {e}", d.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xml")))
            .collect();
        v.sort();
        Ok(v)
    };
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map_err(|e| format!("cannot read {}: {e}", base.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    let name_of = |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut groups = Vec::new();
    let top = xml_files(&base)?;
    if !top.is_empty() {
        groups.push((name_of(&base), top));
    }
    for d in subdirs {
        let files = xml_files(&d)?;
        if !files.is_empty() {
            groups.push((name_of(&d), files));
        }
    }
    Ok(groups)
}

/// `file name → dct_value` from the corpus `INDEX.tsv`, when there is one.
pub(crate) fn read_index(dir: &Path) -> HashMap<String, String> {
    let Ok(tsv) = std::fs::read_to_string(dir.join("INDEX.tsv")) else { return HashMap::new() };
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let (Some(fi), Some(di)) = (header.iter().position(|h| *h == "file"), header.iter().position(|h| *h == "dct_value")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let (f, d) = (cols.get(fi)?, cols.get(di)?);
            (!d.trim().is_empty()).then(|| (f.to_string(), d.trim().to_owned()))
        })
        .collect()
}

/// What the printed tables say about the scoring choices.
pub(crate) const METHOD: &str = "\
Scored region: sentences 0..=N of each document, N = the last sentence holding any markable
  (MEANTIME annotates only the title, the date line and the first sentences); predictions
  starting after it are ignored.
Timexes (TempEval-3): gold = anchored TIMEX3 except the CREATION_TIME one; predictions on the
  creation time's tokens are ignored. strict = same tokens, relaxed = overlapping tokens
  (one-to-one); type/value: matched = relaxed matches with the right type/value,
  F1 = relaxed F1 x accuracy.
Entities: gold = name mentions (NAM, and PRE.NAM names used as modifiers: \"US\" in \"US troops\")
  of PER/ORG/LOC entities; a leading article is trimmed from gold and predicted spans (\"the
  United States\" -> \"United States\", the CoNLL/OntoNotes name span); match = same tokens and type.
  Leading titles and honorifics are trimmed from gold PER spans (\"President Vladimir Putin\" ->
  \"Vladimir Putin\", as in CoNLL/MUC, where the engine reports them as the role).
  A prediction on exactly a PER/ORG/LOC mention whose syntactic type MEANTIME left empty is not scored.
  Diagnosis only: span = same tokens, any type; overlap = same type, overlapping tokens;
  NP extent = MEANTIME's own NAM extents (whole noun phrases) against untrimmed predictions.";

/// Run the evaluation over `dir` and return the report: the tables, preceded
/// with `verbose` by the errors in each document. A missing `dir` is not an
/// error: the report says the evaluation was skipped.
pub fn run_meantime(dir: &Path, opts: &EvalOptions) -> Result<String, String> {
    if !dir.exists() {
        return Ok(format!("MEANTIME corpus not found at {}: evaluation skipped\n", dir.display()));
    }
    let mut out = String::new();
    let groups = find_documents(dir)?;
    if groups.is_empty() {
        return Err(format!("no MEANTIME .xml files under {}", dir.display()));
    }
    let index = read_index(dir);
    let mut per_group: BTreeMap<String, Totals> = BTreeMap::new();
    let mut overall = Totals::default();
    let mut failed = 0;
    for (group, files) in &groups {
        for path in files {
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let label = format!("{group}/{file_name}");
            let parsed = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|b| String::from_utf8(b).map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())))
                .and_then(|xml| parse_document(&xml));
            let doc = match parsed {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("lede: {}: {e} (document skipped)", path.display());
                    failed += 1;
                    continue;
                }
            };
            let dct_value = doc.dct.clone().or_else(|| index.get(&file_name).cloned()).or_else(|| doc.dateline_value.clone());
            let reference = dct_value.as_deref().and_then(parse_value);
            let detok = detokenize(&doc.tokens);
            let ann = annotate(&detok.text, &Options { reference, plain: true });
            let (pred_t, pred_m) = predictions(&doc, &detok, &ann);
            let score = score_document(&doc, &detok, &pred_t, &pred_m, opts.verbose);
            if opts.verbose {
                let region = doc.last_sentence.map_or_else(|| "none".to_owned(), |n| format!("0..={n}"));
                let _ = writeln!(out, "-- {label}  (reference {}, scored sentences {region})", reference.map_or_else(|| "none".to_owned(), |r| r.to_iso()));
                for n in &score.notes {
                    let _ = writeln!(out, "{n}");
                }
            }
            per_group.entry(group.clone()).or_default().add(&score);
            overall.add(&score);
        }
    }
    if opts.verbose {
        out.push('\n');
    }
    let _ = writeln!(out, "MEANTIME evaluation of lede-engine: {} documents under {}", overall.docs, dir.display());
    if failed > 0 {
        let _ = writeln!(out, "({failed} unreadable documents skipped)");
    }
    let _ = writeln!(out, "{METHOD}");
    for (group, t) in &per_group {
        let _ = writeln!(out, "\n{}", table(group, t));
    }
    let _ = writeln!(out, "\n{}", table("overall (micro-averaged over all documents)", &overall));
    if let Some(path) = &opts.json {
        let mut v = totals_json(&overall);
        let corpora: serde_json::Map<String, serde_json::Value> = per_group.iter().map(|(g, t)| (g.clone(), totals_json(t))).collect();
        if let Some(obj) = v.as_object_mut() {
            obj.insert("corpus".into(), serde_json::json!(dir.display().to_string()));
            obj.insert("corpora".into(), serde_json::Value::Object(corpora));
        }
        let s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
        std::fs::write(path, s + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(out)
}

/// One printed table.
/// One row of a score table: counts, P, R, F1 and, for attributes, the accuracy.
pub(crate) fn row(s: &mut String, name: &str, p: Prf, f1: f64, acc: Option<f64>) {
    let acc = acc.map_or_else(String::new, |a| format!("{:>8.1}", 100.0 * a));
    let _ =
        writeln!(s, "{name:<24}{:>6}{:>6}{:>7}{:>8.1}{:>8.1}{:>8.1}{acc}", p.gold, p.pred, p.matched, 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * f1);
}

/// The heading and the TempEval-3 rows (strict, relaxed, type, value) of a score table; the
/// MEANTIME report and `lede eval timeml` print the same.
pub fn timex_table(title: &str, docs: usize, c: TimexCounts) -> String {
    let mut s = format!("== {title}: {docs} documents ==\n");
    let _ = writeln!(s, "{:<24}{:>6}{:>6}{:>7}{:>8}{:>8}{:>8}{:>8}", "", "gold", "pred", "match", "P", "R", "F1", "acc");
    row(&mut s, "timex strict", c.strict(), c.strict().f1(), None);
    row(&mut s, "timex relaxed", c.relaxed(), c.relaxed().f1(), None);
    let typed = Prf { matched: c.type_ok, ..c.relaxed() };
    row(&mut s, "timex type", typed, c.type_f1(), Some(c.type_accuracy()));
    let valued = Prf { matched: c.value_ok, ..c.relaxed() };
    row(&mut s, "timex value", valued, c.value_f1(), Some(c.value_accuracy()));
    s
}

pub(crate) fn table(title: &str, t: &Totals) -> String {
    let mut s = timex_table(title, t.docs, t.timex);
    let mut add = |name: &str, p: Prf, f1: f64| row(&mut s, name, p, f1, None);
    for ty in NeType::ALL {
        let p = t.entities.of(ty);
        add(&format!("entity {}", ty.name()), p, p.f1());
    }
    let m = t.entities.micro();
    add("entity all (micro)", m, m.f1());
    add("entity span (untyped)", t.entities.untyped, t.entities.untyped.f1());
    add("entity overlap (typed)", t.entities.relaxed, t.entities.relaxed.f1());
    add("entity NP extent (NAM)", t.entities.np_extent, t.entities.np_extent.f1());
    s.truncate(s.trim_end().len());
    s
}

pub(crate) fn prf_json(p: Prf, f1: f64) -> serde_json::Value {
    serde_json::json!({
        "gold": p.gold, "pred": p.pred, "matched": p.matched,
        "precision": p.precision(), "recall": p.recall(), "f1": f1,
    })
}

pub(crate) fn totals_json(t: &Totals) -> serde_json::Value {
    let c = t.timex;
    let mut type_j = prf_json(Prf { matched: c.type_ok, ..c.relaxed() }, c.type_f1());
    let mut value_j = prf_json(Prf { matched: c.value_ok, ..c.relaxed() }, c.value_f1());
    type_j["accuracy"] = serde_json::json!(c.type_accuracy());
    value_j["accuracy"] = serde_json::json!(c.value_accuracy());
    let e = &t.entities;
    serde_json::json!({
        "documents": t.docs,
        "timex": {
            "strict": prf_json(c.strict(), c.strict().f1()),
            "relaxed": prf_json(c.relaxed(), c.relaxed().f1()),
            "type": type_j,
            "value": value_j,
        },
        "entities": {
            "PER": prf_json(e.of(NeType::Per), e.of(NeType::Per).f1()),
            "ORG": prf_json(e.of(NeType::Org), e.of(NeType::Org).f1()),
            "LOC": prf_json(e.of(NeType::Loc), e.of(NeType::Loc).f1()),
            "micro": prf_json(e.micro(), e.micro().f1()),
            "untyped": prf_json(e.untyped, e.untyped.f1()),
            "overlap": prf_json(e.relaxed, e.relaxed.f1()),
            "np_extent": prf_json(e.np_extent, e.np_extent.f1()),
        },
    })
}
