//! The engine alone, compiled to Wasm, so `make size` can report its share of the bundle.
//! It links what the app links (`annotate`); the export takes run-time values so nothing
//! is optimised away.

/// Annotate a generated text of `len` characters; returns a checksum of what was found.
#[no_mangle]
pub extern "C" fn lede_annotate_len(len: usize, seed: u32) -> usize {
    let text: String = (0..len).map(|i| char::from_u32(32 + ((i as u32).wrapping_mul(seed) % 95)).unwrap_or(' ')).collect();
    let a = lede_engine::annotate(&text, &lede_engine::Options::default());
    a.entities.iter().map(|e| e.mentions.len() + e.name.len()).sum::<usize>()
        + a.timexes.iter().map(|t| t.value.as_str().len()).sum::<usize>()
        + a.events.iter().map(|e| e.label.len()).sum::<usize>()
        + a.article.sentences.len()
}
