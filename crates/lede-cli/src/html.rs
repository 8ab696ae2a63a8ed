//! Web pages: which inputs are pages, and `lede eval html [--verbose] DIR`, the page reader
//! scored on a folder of saved pages.
//!
//! Each page is a folder with `source.html` (the page as saved), `expected.html` (the article
//! as a reference extractor gives it) and `expected-metadata.json` (its `title`, among
//! others). The extracted article (its body, without the headline) is compared with the
//! reference on words: lower-cased runs of letters, digits and `_` with their counts,
//! precision, recall and F1 per page, then the mean over pages. The title counts when it is
//! the reference title exactly (spaces trimmed). The engine's own simple HTML import (the
//! `<article>`/`<main>`/`<body>` text) is scored beside it, for comparison.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// Words with their counts.
fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            *m.entry(std::mem::take(&mut cur)).or_insert(0) += 1;
        }
    }
    if !cur.is_empty() {
        *m.entry(cur).or_insert(0) += 1;
    }
    m
}

/// (precision, recall, F1) of `got` against `want`, on words with counts.
fn word_prf(want: &str, got: &str) -> (f64, f64, f64) {
    let (w, g) = (words(want), words(got));
    let common: usize = w.iter().map(|(k, n)| (*n).min(g.get(k).copied().unwrap_or(0))).sum();
    let (nw, ng): (usize, usize) = (w.values().sum(), g.values().sum());
    let p = if ng == 0 { 0.0 } else { common as f64 / ng as f64 };
    let r = if nw == 0 { 0.0 } else { common as f64 / nw as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// The text of an HTML fragment: tags out (each a space), character references decoded.
fn fragment_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            out.push(' ');
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let code = |s: &str, radix| u32::from_str_radix(s, radix).ok().and_then(char::from_u32);
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if name.starts_with("#x") || name.starts_with("#X") => code(&name[2..], 16),
                _ if name.starts_with('#') => code(&name[1..], 10),
                _ => None,
            }
            .map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `title` of an `expected-metadata.json`.
fn expected_title(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    v.get("title")?.as_str().map(|t| t.trim().to_owned())
}

/// Score the page reader on the saved pages under `dir`. A missing folder is not an error: the
/// report says the evaluation was skipped.
pub(crate) fn run(dir: &Path, verbose: bool) -> Result<String, String> {
    if !dir.exists() {
        return Ok(format!("saved pages not found at {}: evaluation skipped\n", dir.display()));
    }
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    pages.sort();
    if pages.is_empty() {
        return Err(format!("no saved pages (folders with source.html and expected.html) under {}", dir.display()));
    }
    let mut out = String::new();
    let (mut sum, mut sum_old, mut titles, mut titled) = ((0.0, 0.0, 0.0), 0.0, 0, 0);
    let mut failed = 0;
    let t0 = std::time::Instant::now();
    for p in &pages {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // Saved pages may not be UTF-8: read them lossily, as a browser would show them.
        let source = String::from_utf8_lossy(&std::fs::read(p.join("source.html")).map_err(|e| e.to_string())?).into_owned();
        let want = fragment_text(&String::from_utf8_lossy(&std::fs::read(p.join("expected.html")).map_err(|e| e.to_string())?));
        let page = lede_html::extract(&source, None);
        if page.is_err() {
            failed += 1;
        }
        let body = page.as_ref().map(|p| p.body.clone()).unwrap_or_default();
        let (pr, rc, f1) = word_prf(&want, &body);
        let (_, _, old) = word_prf(&want, &lede_engine::import::html_main_text(&source));
        sum.0 += pr;
        sum.1 += rc;
        sum.2 += f1;
        sum_old += old;
        let want_title = std::fs::read_to_string(p.join("expected-metadata.json")).ok().as_deref().and_then(expected_title);
        let title_ok = match (&want_title, &page) {
            (Some(w), Ok(got)) => {
                titled += 1;
                let ok = got.title.trim() == w;
                titles += usize::from(ok);
                Some(ok)
            }
            (Some(_), Err(_)) => {
                titled += 1;
                Some(false)
            }
            _ => None,
        };
        if verbose {
            let _ = writeln!(
                out,
                "{name:<44} P {:>5.1} R {:>5.1} F1 {:>5.1}  (engine's own import F1 {:>5.1})  title {}{}",
                100.0 * pr,
                100.0 * rc,
                100.0 * f1,
                100.0 * old,
                match title_ok {
                    Some(true) => "exact",
                    Some(false) => "differs",
                    None => "-",
                },
                page.as_ref().err().map(|e| format!("  [{e}]")).unwrap_or_default()
            );
        }
    }
    let n = pages.len() as f64;
    let _ = writeln!(out, "{} pages under {} ({} not read), in {:.2} s", pages.len(), dir.display(), failed, t0.elapsed().as_secs_f64());
    let _ = writeln!(out, "page reader: mean word P {:.1} R {:.1} F1 {:.1}", 100.0 * sum.0 / n, 100.0 * sum.1 / n, 100.0 * sum.2 / n);
    let _ = writeln!(out, "engine's own HTML import: mean word F1 {:.1}", 100.0 * sum_old / n);
    let _ = writeln!(out, "titles exact: {titles} of {titled} ({:.1}%)", if titled == 0 { 0.0 } else { 100.0 * titles as f64 / titled as f64 });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_scores_count_repeats() {
        let (p, r, f) = word_prf("the cat sat on the mat", "The cat sat, the end");
        assert!((p - 0.8).abs() < 1e-9, "{p}");
        assert!((r - 4.0 / 6.0).abs() < 1e-9, "{r}");
        assert!(f > 0.72 && f < 0.73, "{f}");
        assert_eq!(word_prf("", "").2, 0.0);
    }

    #[test]
    fn fragments_lose_tags_and_decode_references() {
        assert_eq!(fragment_text("<p>Fish &amp; chips&nbsp;&#8212;&#x41;</p>&bogus;"), " Fish & chips —A &bogus;");
    }

    #[test]
    fn pages_are_known_by_name_or_start() {
        // The engine's rule, which `lede annotate` uses to send a page to the page reader.
        use lede_engine::import::looks_like_html;
        assert!(looks_like_html("a.HTML", ""));
        assert!(looks_like_html("-", "\u{feff}  <!DOCTYPE html><p>"));
        assert!(!looks_like_html("a.txt", "Hello <b>"));
    }
}
