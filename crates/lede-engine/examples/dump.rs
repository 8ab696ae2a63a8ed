//! Print what the engine finds in a file: `cargo run -p lede-engine --example dump -- FILE [YYYY-MM-DD]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: dump FILE [YYYY-MM-DD]");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let reference = args.next().and_then(|d| lede_engine::parse_dateline(&d));
    let a = lede_engine::annotate(&text, &lede_engine::Options { reference, plain: false });
    if std::env::var_os("DUMP_JSON").is_some() {
        println!("{}", lede_engine::to_json(&text, &a));
        return;
    }
    println!("reference: {:?}", a.reference.map(|r| r.to_iso()));
    for e in &a.entities {
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.of(&text)).collect();
        println!(
            "{:<13} {:<28} sal={:.2} role={:?} aliases={:?} country={:?}\n              {:?}",
            e.kind.name(),
            e.id,
            e.salience,
            e.role,
            e.aliases,
            e.country,
            mentions
        );
    }
    for t in &a.timexes {
        println!("{} {:<9} {:<28} {:?} end={:?} inferred={}", t.id, t.kind.name(), t.value, t.span.of(&text), t.end_value, t.year_inferred);
    }
    for e in &a.events {
        println!("{} {:<12} {:?} {:?} {:?} {:?}", e.id, e.value, e.end_value, e.granularity, e.label, e.entities);
    }
}
