//! Validates the committed NER model (`model/ner.bin`) before the engine is compiled, and
//! hands it to the crate through `OUT_DIR`. A missing or damaged model fails the build with a
//! message saying how to regenerate it; there is no silent fallback.
//!
//! The one exception is explicit: with `LEDE_NER_BOOTSTRAP=1` in the environment (set by
//! `make train`, whose trainer never uses the embedded model) a missing or unusable model (say, one
//! of an older feature set) is replaced by an all-zero one, with a warning, so the trainer can be built on a fresh checkout.

#[path = "src/ner/format.rs"]
#[allow(dead_code)]
mod format;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("ner.bin");
    let model = manifest.join("model").join("ner.bin");
    println!("cargo:rerun-if-changed=model/ner.bin");
    println!("cargo:rerun-if-changed=src/ner/format.rs");
    println!("cargo:rerun-if-env-changed=LEDE_NER_BOOTSTRAP");
    let bootstrap = std::env::var("LEDE_NER_BOOTSTRAP").is_ok_and(|v| v == "1");
    let checked = std::fs::read(&model).map_err(|e| format!("cannot read it: {e}")).and_then(|b| format::locate(&b).map(|_| b));
    let bytes = match checked {
        Ok(b) => b,
        Err(e) if bootstrap => {
            println!("cargo:warning=LEDE_NER_BOOTSTRAP=1: {} is not usable ({e}); using an all-zero NER model", model.display());
            let mut b = b"bootstrap model: all zero weights (LEDE_NER_BOOTSTRAP=1)".to_vec();
            b.extend_from_slice(format::MARKER);
            b.extend(format::encode(0, 1, 0.0, &[0; format::NTAGS], &[0; (format::NTAGS + 1) * format::NTAGS]));
            b
        }
        Err(e) => fail(&model, &e),
    };
    if std::fs::read(&out).ok().as_deref() != Some(&bytes[..]) {
        std::fs::write(&out, &bytes).unwrap_or_else(|e| fail(&out, &format!("cannot write it: {e}")));
    }
}

fn fail(path: &std::path::Path, why: &str) -> ! {
    eprintln!(
        "error: the NER model {} is not usable: {why}.\n\
         Regenerate it with `make train` (needs the training data in ../shared/data/ner-train,\n\
         see crates/lede-train), or restore the committed file.",
        path.display()
    );
    std::process::exit(1);
}
