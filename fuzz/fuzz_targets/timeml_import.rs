//! Reading arbitrary bytes as TimeML returns a document or an error, never a panic; a document
//! read is annotated and written back as TimeML without panicking either.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(doc) = lede_cli::timeml::parse(s) {
            let reference = doc.dct.as_deref().and_then(lede_cli::timeml::parse_value);
            let a = lede_engine::annotate(&doc.text, &lede_engine::Options { reference, plain: true });
            let out = lede_engine::export::timeml("fuzz", a.reference, &doc.text, &a.timexes);
            assert!(lede_cli::timeml::parse(&out).is_ok(), "what we write we can read");
        }
    }
});
