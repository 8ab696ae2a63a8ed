//! `lede`: the Lede engine on the command line.
//!
//! ```text
//! lede blocks FILE|-      one line per block: kind, byte span, text (chrome and duplicates marked)
//! lede sentences FILE|-   one line per sentence
//! lede annotate [--date YYYY-MM-DD] [--to FORMAT] FILE|-
//!                         entities and time expressions as lede/1 JSON (the default),
//!                         TimeML, W3C Web Annotation (webanno), TimelineJS JSON (timelinejs),
//!                         CSV (entities-csv, events-csv) or iCalendar (ics); TimeML input is recognised
//! lede eval meantime [--verbose] [--json FILE] DIR
//!                         score the engine against the MEANTIME corpus
//! lede eval conll [--model | --engine] [--model-file FILE] [--limit N] [--errors] FILE...
//!                         exact typed span P/R/F1 of the NER model on CoNLL files
//! ```
//!
//! Errors go to standard error prefixed with `lede:`; the exit code is 1 for bad
//! input and 2 for a bad command line. Nothing panics on any input.

mod batch;
mod conll;
mod eval;
mod events_eval;
mod html;
mod tempeval;

use lede_cli::timeml;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lede_engine::{analyze, annotate, export, Article, CivilDateTime, Options};

const USAGE: &str = "\
usage: lede blocks FILE|-
       lede sentences FILE|-
       lede annotate [--date YYYY-MM-DD] [--to FORMAT] FILE|-
       lede annotate [--date YYYY-MM-DD] [--jobs N] FILE... | DIR... | --jsonl
       lede eval meantime [--verbose] [--json FILE] DIR
       lede eval conll [--model | --engine] [--model-file FILE] [--limit N] [--errors] FILE...
       lede eval timeml [--verbose] [--errors] DIR
       lede eval events [--errors] DIR...
       lede eval html [--verbose] DIR

FILE is raw article text (UTF-8) or, for annotate, a TimeML document (a .tml file
or text starting with <?xml or <TimeML); - reads standard input.
annotate resolves relative dates against --date, else the TimeML creation time,
else the article's dateline. Several files, a folder (its files, recursively) or --jsonl (one
{id, text, date} object a line on standard input) are analysed on every core (--jobs N)
and written as JSON lines: one lede/1 document a line, in input order, its id in meta.source;
a document that fails gives {id, error} and the run goes on. FORMAT is json (lede/1, the default), timeml, webanno
(W3C Web Annotation JSON-LD), timelinejs, entities-csv, events-csv or ics. DIR is
the MEANTIME corpus root or a folder of its XML files; when it does not exist the evaluation is skipped (exit 0).
eval conll scores the NER model alone (--model, the default; --model-file FILE for another
model file) or the whole engine (--engine: model, then rules; tokens joined by spaces, one
sentence a line) on CoNLL files (token<TAB>tag, BIO2): exact typed spans per type and over PER/ORG/LOC.
eval events counts, for each date or time a TLINK anchors an event to (TimeML .tml folders, or
MEANTIME), whether a timeline event is dated by it and whether its label holds the event's word.
eval html scores the page reader on a folder of saved pages (each a folder with source.html,
expected.html and expected-metadata.json): word P/R/F1 of the article text, and exact titles.";

/// A failed command: what to say, and whether it was the command line (exit
/// code 2, usage shown) or the input (exit code 1).
struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    /// Bad input: exit code 1.
    fn input(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), usage: false }
    }
    /// Bad command line: exit code 2, with the usage.
    fn usage(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), usage: true }
    }
}

/// The bytes of FILE or standard input.
fn read_bytes(arg: &str) -> Result<Vec<u8>, String> {
    if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(arg).map_err(|e| format!("cannot read {arg}: {e}"))
    }
}

/// The text of FILE or standard input, which must be UTF-8.
fn read_input(arg: &str) -> Result<String, String> {
    let bytes = read_bytes(arg)?;
    String::from_utf8(bytes).map_err(|e| {
        let name = if arg == "-" { "standard input" } else { arg };
        format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
    })
}

/// One line of output text: newlines and tabs shown as escapes.
fn one_line(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r").replace('\t', "\\t")
}

/// `lede blocks` output: metadata lines, then one line per block.
fn blocks_report(text: &str, a: &Article) -> String {
    let mut out = String::new();
    if let Some(t) = &a.meta.title {
        let _ = writeln!(out, "# title: {t}");
    }
    if let Some(p) = a.meta.published {
        let _ = writeln!(out, "# published: {p}");
    }
    if !a.meta.authors.is_empty() {
        let _ = writeln!(out, "# authors: {}", a.meta.authors.join("; "));
    }
    for (i, b) in a.blocks.iter().enumerate() {
        let mut extra = String::new();
        if let Some(c) = b.credit {
            extra.push_str(&format!(" credit={:?}", c.of(text)));
        }
        if let Some(d) = b.duplicate_of {
            extra.push_str(&format!(" duplicate_of={d}"));
        }
        let _ = writeln!(out, "{i:>4} {:<9} {:>6}..{:<6}{extra}\t{}", b.kind.name(), b.span.start, b.span.end, one_line(b.span.of(text)));
    }
    out
}

/// `lede blocks` and `lede sentences`.
fn structure(cmd: &str, args: &[String]) -> Result<String, Failure> {
    let [file] = args else {
        return Err(Failure::usage(format!("{cmd} takes one FILE")));
    };
    let text = read_input(file).map_err(Failure::input)?;
    let article = analyze(&text);
    if cmd == "blocks" {
        return Ok(blocks_report(&text, &article));
    }
    let mut out = String::new();
    for (i, s) in article.sentences.iter().enumerate() {
        let kind = article.blocks.get(s.block).map_or("?", |b| b.kind.name());
        let _ = writeln!(out, "{i:>4} [{kind}] {}", one_line(s.span.of(&text)));
    }
    Ok(out)
}

/// Options (name and value) and positional arguments.
type Parsed = (Vec<(String, Option<String>)>, Vec<String>);

/// Split `--name value` / `--name=value` options from positional arguments.
/// `flags` take no value; `valued` take one.
fn parse_options(args: &[String], flags: &[&str], valued: &[&str]) -> Result<Parsed, Failure> {
    let mut opts = Vec::new();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-" || !a.starts_with("--") {
            rest.push(a.clone());
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (a.as_str(), None),
        };
        if flags.contains(&name) && inline.is_none() {
            opts.push((name.to_owned(), None));
        } else if valued.contains(&name) {
            let value = match inline {
                Some(v) => v,
                None => it.next().cloned().ok_or_else(|| Failure::usage(format!("{name} needs a value")))?,
            };
            opts.push((name.to_owned(), Some(value)));
        } else {
            return Err(Failure::usage(format!("unknown option {a}")));
        }
    }
    Ok((opts, rest))
}

/// Read and analyse one input as `lede annotate` does: TimeML by its name or start, a web page
/// through the page reader, everything else as the viewer reads it. `(text, docid, annotation)`.
pub(crate) fn analyse(
    name: &str,
    path: Option<&Path>,
    raw: &str,
    date: Option<CivilDateTime>,
) -> Result<(String, Option<String>, lede_engine::Annotation), String> {
    if timeml::is_timeml(path, raw) {
        let doc = timeml::parse(raw).map_err(|e| format!("{name}:{e}"))?;
        let dct = match doc.dct.as_deref() {
            Some(v) => {
                let d = timeml::parse_value(v);
                if d.is_none() && date.is_none() {
                    eprintln!("lede: {name}: creation time {v:?} is not a calendar date; no reference date");
                }
                d
            }
            None => None,
        };
        // TimeML <TEXT> is body text: there is no headline, dateline or chrome to find.
        let ann = annotate(&doc.text, &Options { reference: date.or(dct), plain: true });
        return Ok((doc.text, doc.docid, ann));
    }
    // Everything else is read as the viewer reads it: a web page through the page reader
    // (its publication date the reference unless --date says otherwise; a page it cannot
    // read goes to the engine's own HTML import), else text, Markdown, lede/1, spaCy or
    // TimelineJS JSON (by name and content).
    let page = lede_engine::import::looks_like_html(name, raw)
        .then(|| lede_html::extract(raw, None))
        .and_then(|p| p.map_err(|e| eprintln!("lede: {name}: {e}; reading it as plain HTML instead")).ok());
    let (name, bytes, reference) = match &page {
        Some(p) => (format!("{name}.txt"), p.text().into_bytes(), date.or_else(|| p.date.as_deref().and_then(timeml::parse_value))),
        None => (name.to_owned(), raw.as_bytes().to_vec(), date),
    };
    let (text, mut ann) = lede_engine::import::analyze_file(&name, &bytes, &Options { reference, plain: false }, &mut |_| {}).map_err(|e| e.to_string())?;
    if let Some(p) = &page {
        ann.article.meta.language.clone_from(&p.lang);
        ann.article.meta.site.clone_from(&p.site_name);
    }
    Ok((text, None, ann))
}

/// `lede annotate [--date YYYY-MM-DD] [--to FORMAT] FILE|-`, and in batches: several files or a
/// folder, or `--jsonl` on standard input, with `--jobs N`.
fn annotate_cmd(args: &[String]) -> Result<String, Failure> {
    let (opts, rest) = parse_options(args, &["--jsonl"], &["--date", "--to", "--jobs"])?;
    let mut date: Option<CivilDateTime> = None;
    let mut format = &export::FORMATS[0];
    let mut jsonl = false;
    let mut jobs: Option<usize> = None;
    let mut to_given = false;
    for (name, value) in opts {
        let value = value.unwrap_or_default();
        match name.as_str() {
            "--date" => {
                let d = timeml::parse_value(&value).filter(|d| d.time().is_none() && value.len() == 10);
                date = Some(d.ok_or_else(|| Failure::usage(format!("--date wants YYYY-MM-DD, not {value:?}")))?);
            }
            "--jsonl" => jsonl = true,
            "--jobs" => {
                jobs = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|&n| n >= 1)
                        .ok_or_else(|| Failure::usage(format!("--jobs wants a number of threads (1 or more), not {value:?}")))?,
                );
            }
            _ => {
                to_given = true;
                format = export::format(&value).ok_or_else(|| Failure::usage(format!("--to wants one of {}, not {value:?}", export::format_names())))?;
            }
        }
    }
    let batch = jsonl || rest.len() > 1 || rest.first().is_some_and(|f| Path::new(f).is_dir());
    if batch {
        if to_given && format.name != "lede" {
            return Err(Failure::usage("several documents are written as JSON lines (lede/1, one a line): --to other formats takes one FILE"));
        }
        let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get));
        let input = if jsonl {
            if !rest.is_empty() {
                return Err(Failure::usage("--jsonl reads standard input: give no FILE"));
            }
            batch::Input::Jsonl
        } else {
            batch::Input::Files(batch::files(&rest).map_err(Failure::input)?)
        };
        let summary = batch::run(input, jobs, date).map_err(Failure::input)?;
        eprintln!("{summary}");
        return Ok(String::new());
    }
    let [file] = rest.as_slice() else {
        return Err(Failure::usage("annotate takes a FILE (or several, or a folder, or --jsonl)"));
    };
    let raw = read_input(file).map_err(Failure::input)?;
    let path = (file != "-").then(|| Path::new(file.as_str()));
    let name = path.map_or_else(|| "standard input".to_owned(), |p| p.display().to_string());
    let (text, docid, ann) = analyse(&name, path, &raw, date).map_err(Failure::input)?;
    let docid = docid.unwrap_or_else(|| path.and_then(|p| p.file_stem()).map_or_else(|| "stdin".to_owned(), |s| s.to_string_lossy().into_owned()));
    let source = path.map(|p| format!("file:{}", p.display()));
    let mut out = format.write(&export::Document { text: &text, annotation: &ann, source: source.as_deref(), docid: &docid });
    // Files end with a line end (CSV and iCalendar rows already do).
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// `lede eval meantime [--verbose] [--json FILE] DIR`.
fn eval_cmd(args: &[String]) -> Result<String, Failure> {
    let Some((what, args)) = args.split_first() else {
        return Err(Failure::usage("eval needs a corpus name (meantime)"));
    };
    if what == "conll" {
        return eval_conll_cmd(args);
    }
    if what == "timeml" {
        let (opts, rest) = parse_options(args, &["--verbose", "--errors"], &[])?;
        let mut options = tempeval::TimemlOptions::default();
        for (name, _) in opts {
            match name.as_str() {
                "--verbose" => options.verbose = true,
                _ => options.errors = true,
            }
        }
        let [dir] = rest.as_slice() else {
            return Err(Failure::usage("eval timeml takes one DIR"));
        };
        return tempeval::run(Path::new(dir), &options).map_err(Failure::input);
    }
    if what == "events" {
        let (opts, rest) = parse_options(args, &["--errors"], &[])?;
        if rest.is_empty() {
            return Err(Failure::usage("eval events takes one or more DIRs"));
        }
        let dirs: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
        return events_eval::run(&dirs, !opts.is_empty()).map_err(Failure::input);
    }
    if what == "html" {
        let (opts, rest) = parse_options(args, &["--verbose"], &[])?;
        let [dir] = rest.as_slice() else {
            return Err(Failure::usage("eval html takes one DIR"));
        };
        return html::run(Path::new(dir), !opts.is_empty()).map_err(Failure::input);
    }
    if what != "meantime" {
        return Err(Failure::usage(format!("unknown corpus {what:?} (known: meantime, conll, timeml, events, html)")));
    }
    let (opts, rest) = parse_options(args, &["--verbose"], &["--json"])?;
    let mut options = eval::EvalOptions::default();
    for (name, value) in opts {
        match (name.as_str(), value) {
            ("--json", Some(v)) => options.json = Some(PathBuf::from(v)),
            _ => options.verbose = true,
        }
    }
    let [dir] = rest.as_slice() else {
        return Err(Failure::usage("eval meantime takes one DIR"));
    };
    eval::run_meantime(Path::new(dir), &options).map_err(Failure::input)
}

/// `lede eval conll [--model | --engine] [--model-file FILE] [--limit N] [--errors] FILE...`.
fn eval_conll_cmd(args: &[String]) -> Result<String, Failure> {
    let (opts, files) = parse_options(args, &["--model", "--engine", "--errors"], &["--model-file", "--limit"])?;
    let mut options = conll::ConllOptions::default();
    let mut model_file = None;
    let mut engine = false;
    for (name, value) in opts {
        match (name.as_str(), value) {
            ("--model-file", Some(v)) => model_file = Some(v),
            ("--limit", Some(v)) => {
                options.limit = Some(v.parse().map_err(|_| Failure::usage(format!("--limit wants a number, not {v:?}")))?);
            }
            ("--errors", _) => options.errors = true,
            ("--engine", _) => engine = true,
            _ => {}
        }
    }
    if files.is_empty() {
        return Err(Failure::usage("eval conll takes one or more FILEs"));
    }
    if engine {
        return conll::run(&files, &mut conll::EngineTagger, &options).map_err(Failure::input);
    }
    let bytes = match &model_file {
        Some(f) => Some(read_bytes(f).map_err(Failure::input)?),
        None => None,
    };
    let parsed;
    let model = match (&bytes, &model_file) {
        (Some(b), Some(f)) => {
            parsed = lede_engine::ner_api::NerModel::parse(b).map_err(|e| Failure::input(format!("{f}: {e}")))?;
            &parsed
        }
        _ => lede_engine::ner_api::NerModel::embedded(),
    };
    let mut tagger = conll::ModelTagger::new(model);
    conll::run(&files, &mut tagger, &options).map_err(Failure::input)
}

/// Write a command's output. A closed pipe (`lede … | head`) ends quietly.
fn emit(out: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "-h" | "--help" | "help" => Ok(format!("{USAGE}\n")),
        "blocks" | "sentences" => structure(cmd, rest),
        "annotate" => annotate_cmd(rest),
        "eval" => eval_cmd(rest),
        _ => Err(Failure::usage(format!("unknown command {cmd:?}"))),
    };
    match result {
        Ok(out) => emit(&out),
        Err(f) if f.usage => {
            eprintln!("lede: {}\n{USAGE}", f.message);
            ExitCode::from(2)
        }
        Err(f) => {
            eprintln!("lede: {}", f.message);
            ExitCode::FAILURE
        }
    }
}
