//! The browser entry point: everything lives in the `lede` library.
//!
//! This Wasm carries the viewer and the `lede/1` reader, not the analysis: the Web Worker
//! (`static/worker.js`) loads the engine's own module (`crates/lede-wasm`) when a reader opens
//! an article that was not analysed when the site was built.

fn main() {
    lede::start();
}
