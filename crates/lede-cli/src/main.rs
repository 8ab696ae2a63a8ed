//! `lede`: the Lede engine on the command line.
//!
//! ```text
//! lede blocks FILE|-      one line per block: kind, byte span, text (chrome and duplicates marked)
//! lede sentences FILE|-   one line per sentence
//! ```

use std::io::Read;
use std::process::ExitCode;

use lede_engine::{analyze, Article};

const USAGE: &str = "usage: lede blocks FILE|-\n       lede sentences FILE|-\n\nFILE is raw article text (UTF-8); - reads standard input.";

fn read_input(arg: &str) -> Result<String, String> {
    let bytes = if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(arg).map_err(|e| format!("cannot read {arg}: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        format!("{arg} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
    })
}

/// One line of output text: newlines and tabs shown as escapes.
fn one_line(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r").replace('\t', "\\t")
}

fn print_blocks(text: &str, a: &Article) {
    if let Some(t) = &a.meta.title {
        println!("# title: {t}");
    }
    if let Some(p) = a.meta.published {
        println!("# published: {p}");
    }
    if !a.meta.authors.is_empty() {
        println!("# authors: {}", a.meta.authors.join("; "));
    }
    for (i, b) in a.blocks.iter().enumerate() {
        let mut extra = String::new();
        if let Some(c) = b.credit {
            extra.push_str(&format!(" credit={:?}", c.of(text)));
        }
        if let Some(d) = b.duplicate_of {
            extra.push_str(&format!(" duplicate_of={d}"));
        }
        println!("{i:>4} {:<9} {:>6}..{:<6}{extra}\t{}", b.kind.name(), b.span.start, b.span.end, one_line(b.span.of(text)));
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, file) = match args.as_slice() {
        [cmd, file] => (cmd.as_str(), file.as_str()),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lede: {e}");
            return ExitCode::FAILURE;
        }
    };
    let article = analyze(&text);
    match cmd {
        "blocks" => print_blocks(&text, &article),
        "sentences" => {
            for (i, s) in article.sentences.iter().enumerate() {
                println!("{i:>4} [{}] {}", article.blocks[s.block].kind.name(), one_line(s.span.of(&text)));
            }
        }
        _ => {
            eprintln!("lede: unknown command {cmd:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
