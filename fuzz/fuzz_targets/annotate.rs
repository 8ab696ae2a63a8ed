//! Any UTF-8 input yields an annotation, never a panic; spans stay on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let plain = data.first().is_some_and(|b| b & 1 == 1);
    let a = lede_engine::annotate(text, &lede_engine::Options { reference: lede_engine::parse_dateline("2021-03-24"), plain });
    let ok = |s: lede_engine::ByteSpan| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    for b in &a.article.blocks {
        assert!(ok(b.span) && ok(b.body));
    }
    for s in &a.article.sentences {
        assert!(ok(s.span));
    }
    for e in &a.entities {
        assert!(e.mentions.iter().all(|m| ok(*m)));
    }
    for t in &a.timexes {
        assert!(ok(t.span));
    }
    // The JSON round trip keeps everything.
    let json = lede_engine::to_json(text, &a);
    let (back, b) = lede_engine::from_json(&json).expect("own output reads back");
    assert_eq!(back, text);
    assert_eq!(b.timexes, a.timexes);
});
