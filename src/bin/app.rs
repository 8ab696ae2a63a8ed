//! The browser entry point: everything lives in the `lede` library.
fn main() {
    lede::start();
}
