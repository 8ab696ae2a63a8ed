//! Importing arbitrary bytes as lede/1 JSON returns a value or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok((text, a)) = lede_engine::from_json(s) {
            for t in &a.timexes {
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            }
        }
    }
});
