//! `lede eval events [--errors] DIR...`: do the timeline's events say what happened when?
//!
//! Gold: every `DATE` or `TIME` expression of the text (not the creation time) that a `TLINK`
//! anchors an event to (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, BEGINS, ENDS, BEGUN_BY,
//! ENDED_BY, IDENTITY), in TimeML files (`.tml`, TimeBank and AQUAINT style: `EVENT`,
//! `MAKEINSTANCE`, `TLINK`) or MEANTIME files (`EVENT_MENTION`, `TLINK`). For each:
//!
//! - **dated**: a timeline event is dated by an expression the engine found overlapping it;
//! - **named**: such an event's label contains one of the anchored events' words (the event's
//!   text, compared case-blind as whole words).
//!
//! A folder holding `.tml` files is read as TimeML, any other as MEANTIME.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use lede_cli::timeml;
use lede_engine::{annotate, Annotation, Options};

use crate::eval::{detokenize, find_documents, parse_document, token_range, TokRange, ANCHORING};
use crate::tempeval::tml_files;
use lede_cli::timeml::parse_value;

/// One anchored expression: its range (bytes or tokens, inclusive), and the anchored events'
/// words.
struct Anchor {
    range: TokRange,
    words: Vec<String>,
    text: String,
}

/// Counts of one corpus.
#[derive(Default, Clone, Copy)]
struct Counts {
    anchors: usize,
    dated: usize,
    named: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.anchors += o.anchors;
        self.dated += o.dated;
        self.named += o.named;
    }
}

/// Whether `label` holds `word` as a whole word, case-blind.
fn holds_word(label: &str, word: &str) -> bool {
    let word = word.trim();
    if word.is_empty() {
        return false;
    }
    let (label, word) = (label.to_lowercase(), word.to_lowercase());
    let mut from = 0;
    while let Some(p) = label[from..].find(&word) {
        let (a, b) = (from + p, from + p + word.len());
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        if edge(label[..a].chars().next_back()) && edge(label[b..].chars().next()) {
            return true;
        }
        from = a + word.len().max(1);
        while !label.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Score the anchors of one document against the engine's events, whose expressions are
/// mapped to the anchors' ranges by `range_of`.
fn score(
    anchors: &[Anchor],
    ann: &Annotation,
    range_of: &dyn Fn(lede_engine::ByteSpan) -> Option<TokRange>,
    name: &str,
    errors: &mut String,
    list: bool,
) -> Counts {
    // Each event with the range of the expression that dates it.
    let events: Vec<(TokRange, &str)> = ann
        .events
        .iter()
        .filter_map(|e| {
            let t = ann.timexes.iter().find(|t| t.id == e.timex)?;
            Some((range_of(t.span)?, e.label.as_str()))
        })
        .collect();
    let mut c = Counts::default();
    for a in anchors {
        c.anchors += 1;
        let labels: Vec<&str> = events.iter().filter(|(r, _)| r.overlap(a.range) > 0).map(|(_, l)| *l).collect();
        if labels.is_empty() {
            if list {
                let _ = writeln!(errors, "{name}  UNDATED  {:?}  events: {}", a.text, a.words.join(", "));
            }
            continue;
        }
        c.dated += 1;
        if labels.iter().any(|l| a.words.iter().any(|w| holds_word(l, w))) {
            c.named += 1;
        } else if list {
            let _ = writeln!(errors, "{name}  UNNAMED  {:?}  events: {}  label: {}", a.text, a.words.join(", "), labels.join(" | "));
        }
    }
    c
}

/// The TimeML files under `dir`.
fn timeml_corpus(dir: &Path, files: &[PathBuf], errors: &mut String, list: bool) -> Result<Counts, String> {
    let mut total = Counts::default();
    for path in files {
        let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        let xml = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let doc = timeml::parse(&xml).map_err(|e| format!("{}:{e}", path.display()))?;
        let mut anchors = Vec::new();
        for t in doc.timexes.iter().filter(|t| matches!(t.kind.as_str(), "DATE" | "TIME")) {
            let words: Vec<String> = doc
                .time_links
                .iter()
                .filter(|(rel, _, tid)| *tid == t.tid && ANCHORING.contains(&rel.as_str()))
                .filter_map(|(_, eid, _)| doc.events.iter().find(|e| &e.eid == eid))
                .map(|e| doc.text[e.start..e.end].to_owned())
                .collect();
            if !words.is_empty() {
                let range = TokRange::new(t.start, t.end.max(t.start + 1) - 1);
                anchors.push(Anchor { range, words, text: doc.text[t.start..t.end].to_owned() });
            }
        }
        let reference = doc.dct.as_deref().and_then(timeml::parse_value);
        let ann = annotate(&doc.text, &Options { reference, plain: true });
        let bytes = |s: lede_engine::ByteSpan| Some(TokRange::new(s.start, s.end.max(s.start + 1) - 1));
        total += score(&anchors, &ann, &bytes, &name, errors, list);
    }
    Ok(total)
}

/// The MEANTIME documents under `dir`.
fn meantime_corpus(dir: &Path, errors: &mut String, list: bool) -> Result<Counts, String> {
    let mut total = Counts::default();
    for (group, files) in find_documents(dir)? {
        for path in files {
            let name = format!("{group}/{}", path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            let Ok(doc) = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|x| parse_document(&x)) else {
                eprintln!("lede: {}: unreadable (document skipped)", path.display());
                continue;
            };
            let detok = detokenize(&doc.tokens);
            let text_of = |r: TokRange| doc.tokens[r.first..=r.last].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
            let anchors: Vec<Anchor> =
                doc.anchors.iter().map(|(t, evs)| Anchor { range: *t, words: evs.iter().map(|&e| text_of(e)).collect(), text: text_of(*t) }).collect();
            let reference = doc.dct.as_deref().or(doc.dateline_value.as_deref()).and_then(parse_value);
            let ann = annotate(&detok.text, &Options { reference, plain: true });
            let tokens = |s: lede_engine::ByteSpan| token_range(&detok.spans, s);
            total += score(&anchors, &ann, &tokens, &name, errors, list);
        }
    }
    Ok(total)
}

/// Score every folder in `dirs`; a missing folder is reported as skipped.
pub(crate) fn run(dirs: &[PathBuf], list_errors: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut errors = String::new();
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    let _ = writeln!(out, "corpus                                      anchored  dated      named");
    for dir in dirs {
        if !dir.exists() {
            let _ = writeln!(out, "{}: not found, skipped", dir.display());
            continue;
        }
        let mut files = Vec::new();
        tml_files(dir, &mut files)?;
        let c = if files.is_empty() { meantime_corpus(dir, &mut errors, list_errors)? } else { timeml_corpus(dir, &files, &mut errors, list_errors)? };
        let _ = writeln!(out, "{:<44}{:>8}  {:>5.1}%  {:>8.1}%", dir.display().to_string(), c.anchors, pct(c.dated, c.anchors), pct(c.named, c.anchors));
    }
    if list_errors {
        out.push_str("\n== errors ==\n");
        out.push_str(&errors);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::holds_word;

    #[test]
    fn whole_words_case_blind() {
        let cases = [
            ("Russia tripled gas supplies", "tripled", true),
            ("Russia tripled gas supplies", "Russia", true),
            ("Russia tripled gas supplies", "triple", false),
            ("The visit began", "visit", true),
            ("The revisit began", "visit", false),
            ("Talks", "", false),
            ("Élan grew", "élan", true),
        ];
        for (label, word, want) in cases {
            assert_eq!(holds_word(label, word), want, "{label:?} {word:?}");
        }
    }
}
