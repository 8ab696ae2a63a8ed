//! Reading arbitrary bytes as a web page gives an article or a message, never a panic, and the
//! article's text analyses cleanly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(page) = lede_html::extract(&html, None) {
        let text = page.text();
        let a = lede_engine::annotate(&text, &lede_engine::Options::default());
        for t in &a.timexes {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
});
