//! `lede annotate` over many documents: files and folders, or JSON lines on standard input
//! (`{"id", "text", "date"}`), analysed on `jobs` threads and written to standard output as
//! JSON lines (one compact `lede/1` document a line, its id in `meta.source`), in input order.
//!
//! Documents are taken in rounds of a few per thread: each round is read, analysed in parallel
//! and written before the next is read, so memory stays bounded by a round, whatever the size
//! of the corpus. A document that cannot be read or analysed gives `{"id", "error"}` on its line
//! and the run goes on. On a terminal, standard error shows a progress line.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use lede_cli::timeml;
use lede_engine::CivilDateTime;

/// Where the documents come from.
pub(crate) enum Input {
    /// These files, in this order.
    Files(Vec<PathBuf>),
    /// JSON lines on standard input.
    Jsonl,
}

/// One document to analyse: its id, and its text and date or why it cannot be read.
struct Item {
    id: String,
    work: Result<Work, String>,
}

enum Work {
    /// A file to read and analyse as `lede annotate FILE` does.
    File(PathBuf),
    /// Text from a JSON line, with its own date if it gave one.
    Text(String, Option<CivilDateTime>),
}

/// The files of `args`: files as given, folders as their files (recursively, sorted by path).
pub(crate) fn files(args: &[String]) -> Result<Vec<PathBuf>, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read the folder {}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out)?;
            } else {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if a == "-" {
            return Err("standard input holds one document (lede annotate -), or JSON lines with --jsonl".to_owned());
        } else if p.is_dir() {
            walk(&p, &mut out)?;
        } else {
            out.push(p);
        }
    }
    Ok(out)
}

/// A JSON line as an item; `line_no` (1-based) is its id when it gives none.
fn parse_line(line: &str, line_no: usize) -> Item {
    let fallback = format!("line {line_no}");
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Item { id: fallback, work: Err(format!("not a JSON object: {e}")) },
    };
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback,
    };
    let Some(text) = v.get("text").and_then(serde_json::Value::as_str) else {
        return Item { id, work: Err("no \"text\" string".to_owned()) };
    };
    let date = match v.get("date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(d)) => match timeml::parse_value(d).filter(|x| x.time().is_none() && d.len() == 10) {
            Some(d) => Some(d),
            None => return Item { id, work: Err(format!("\"date\" wants YYYY-MM-DD, not {d:?}")) },
        },
        Some(_) => return Item { id, work: Err("\"date\" wants a YYYY-MM-DD string".to_owned()) },
    };
    if text.len() > lede_engine::import::MAX_INPUT_BYTES {
        return Item {
            id,
            work: Err(format!(
                "the text is {} MB; Lede reads articles of up to {} MB",
                text.len() / 1_048_576,
                lede_engine::import::MAX_INPUT_BYTES / 1_048_576
            )),
        };
    }
    Item { id, work: Ok(Work::Text(text.to_owned(), date)) }
}

/// The output line of one item.
fn process(item: &Item, date: Option<CivilDateTime>) -> (String, bool) {
    let result = match &item.work {
        Err(e) => Err(e.clone()),
        Ok(Work::Text(text, own)) => {
            let ann = lede_engine::annotate(text, &lede_engine::Options { reference: own.or(date), plain: false });
            Ok(lede_engine::to_json_line(text, &ann, Some(&item.id)))
        }
        Ok(Work::File(path)) => {
            let name = path.display().to_string();
            std::fs::read(path)
                .map_err(|e| format!("cannot read it: {e}"))
                .and_then(|b| String::from_utf8(b).map_err(|e| format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())))
                .and_then(|raw| crate::analyse(&name, Some(path), &raw, date))
                .map(|(text, _, ann)| lede_engine::to_json_line(&text, &ann, Some(&item.id)))
        }
    };
    match result {
        Ok(line) => (line, true),
        Err(e) => (serde_json::json!({ "id": item.id, "error": e }).to_string(), false),
    }
}

/// Analyse every document of `input` on `jobs` threads, writing JSON lines to standard output;
/// the summary for standard error.
pub(crate) fn run(input: Input, jobs: usize, date: Option<CivilDateTime>) -> Result<String, String> {
    let round = jobs.max(1) * 4;
    let started = Instant::now();
    let progress = std::io::stderr().is_terminal();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut done, mut failed) = (0usize, 0usize);
    let mut files = match &input {
        Input::Files(f) => Some(f.iter()),
        Input::Jsonl => None,
    };
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut line_no = 0;
    loop {
        // One round of items, read before any is analysed.
        let mut items: Vec<Item> = Vec::with_capacity(round);
        while items.len() < round {
            if let Some(it) = files.as_mut() {
                match it.next() {
                    Some(p) => items.push(Item { id: p.display().to_string(), work: Ok(Work::File(p.clone())) }),
                    None => break,
                }
            } else {
                match lines.next() {
                    Some(Ok(l)) => {
                        line_no += 1;
                        if l.trim().is_empty() {
                            continue;
                        }
                        items.push(parse_line(&l, line_no));
                    }
                    Some(Err(e)) => return Err(format!("standard input could not be read: {e}")),
                    None => break,
                }
            }
        }
        if items.is_empty() {
            break;
        }
        let results: Vec<std::sync::Mutex<Option<(String, bool)>>> = items.iter().map(|_| std::sync::Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..jobs.min(items.len()) {
                s.spawn(|| loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(k) else { break };
                    let r = process(item, date);
                    if let Ok(mut slot) = results[k].lock() {
                        *slot = Some(r);
                    }
                });
            }
        });
        for r in results {
            let (line, ok) = r.into_inner().ok().flatten().unwrap_or_else(|| ("{\"error\":\"lost\"}".to_owned(), false));
            writeln!(out, "{line}").map_err(|e| format!("standard output could not be written: {e}"))?;
            done += 1;
            failed += usize::from(!ok);
        }
        out.flush().map_err(|e| format!("standard output could not be written: {e}"))?;
        if progress {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            eprint!("\r{done} documents ({failed} failed), {:.0} a second   ", done as f64 / secs);
        }
    }
    if progress {
        eprintln!();
    }
    let secs = started.elapsed().as_secs_f64();
    Ok(format!(
        "lede: {done} documents ({failed} failed) in {secs:.2} s on {jobs} thread{}: {:.1} documents a second",
        if jobs == 1 { "" } else { "s" },
        done as f64 / secs.max(1e-9)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_give_items_or_reasons() {
        let ok = parse_line(r#"{"id": "a1", "text": "Ana met Omar on Monday.", "date": "2021-03-24"}"#, 1);
        assert_eq!(ok.id, "a1");
        assert!(matches!(ok.work, Ok(Work::Text(ref t, Some(_))) if t.starts_with("Ana")));
        assert_eq!(parse_line(r#"{"id": 7, "text": "x"}"#, 2).id, "7");
        for (line, why) in [
            ("not json", "not a JSON object"),
            (r#"{"id": "b"}"#, "no \"text\""),
            (r#"{"id": "c", "text": "x", "date": "24/03/2021"}"#, "YYYY-MM-DD"),
            (r#"{"id": "d", "text": "x", "date": 5}"#, "YYYY-MM-DD"),
        ] {
            let item = parse_line(line, 3);
            assert!(item.work.as_ref().err().is_some_and(|e| e.contains(why)), "{line}: {:?}", item.work.err());
        }
        assert_eq!(parse_line("[]", 9).id, "line 9");
    }
}
