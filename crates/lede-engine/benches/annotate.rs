//! Engine throughput over a set of texts: `cargo bench -p lede-engine` (MB/s per text).
//!
//! Texts: the default article, a synthetic article of about 1 MB made from our own
//! templates, and, when `../shared/data/meantime` is present, the MEANTIME corpus text.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::Path;

fn default_article() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/articles/default.txt")).unwrap_or_default()
}

/// About `bytes` of article-like text from a few templates (our own sentences).
pub fn synthetic(bytes: usize) -> String {
    const PEOPLE: [&str; 6] = ["Jane Doe", "Rui Costa", "Amina Okafor", "Li Wei", "Sam Roe", "Kofi Mensah"];
    const PLACES: [&str; 5] = ["Santos", "Lagos", "Geneva", "Osaka", "Denver"];
    const DATES: [&str; 6] = ["on March 2", "last year", "in February", "on Friday", "in 2019", "three days ago"];
    let mut out = String::from("Download\nThe synthetic story of the week\nUpdated 10:00, 24-Mar-2021\nBy Jane Doe\n");
    let mut i = 0usize;
    while out.len() < bytes {
        let p = PEOPLE[i % PEOPLE.len()];
        let q = PEOPLE[(i * 7 + 3) % PEOPLE.len()];
        let pl = PLACES[i % PLACES.len()];
        let d = DATES[(i * 5) % DATES.len()];
        out.push_str(&format!(
            "{p} met {q} in {pl} {d}, officials said. The talks covered trade, ports and a two-day visit starting March 22. Mr. {} said the U.S. and the United Nations would follow up.\n",
            q.split(' ').next_back().unwrap_or(q)
        ));
        i += 1;
    }
    out
}

fn meantime() -> Option<String> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime/intra-doc_annotation"));
    let mut text = String::new();
    for dir in std::fs::read_dir(root).ok()?.flatten() {
        for f in std::fs::read_dir(dir.path()).ok()?.flatten() {
            let xml = std::fs::read_to_string(f.path()).ok()?;
            // Token texts joined by spaces, one sentence per line: enough for throughput.
            let mut sentence = None;
            for line in xml.lines().filter(|l| l.starts_with("<token ")) {
                let s = line.split("sentence=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_owned);
                if s != sentence {
                    text.push('\n');
                    sentence = s;
                }
                if let Some(tok) = line.split('>').nth(1).and_then(|r| r.split('<').next()) {
                    text.push_str(&tok.replace("&amp;", "&").replace("&quot;", "\"").replace("&apos;", "'"));
                    text.push(' ');
                }
            }
            text.push('\n');
        }
    }
    (!text.is_empty()).then_some(text)
}

fn bench(c: &mut Criterion) {
    let mut texts = vec![("default-article", default_article()), ("synthetic-1MB", synthetic(1 << 20))];
    match meantime() {
        Some(t) => texts.push(("meantime", t)),
        None => eprintln!("MEANTIME corpus not found: skipping that text"),
    }
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    for (name, text) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| b.iter(|| lede_engine::annotate(t, &lede_engine::Options::default())));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
