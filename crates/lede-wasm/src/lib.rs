//! Lede's engine for JavaScript: the ES module in `dist/engine/lede.js` (built by
//! `scripts/build-engine.sh`) and the analysis behind the viewer's Web Worker.
//!
//! ```js
//! import init, { annotate } from './engine/lede.js';
//! await init();
//! const doc = annotate('Paris, March 3, 2021. The mayor met ...', { date: '2021-03-03' });
//! doc.entities[0].name; doc.events[0].value;   // the lede/1 document as plain objects
//! ```
//!
//! Everything here is a thin wrapper: the work is `lede_engine`'s, and every function returns
//! either a value or an `Error` whose message is meant for a reader.

use lede_engine::{annotate_with_progress, Annotation, Options};

/// Options of [`annotate_text`] and [`analyze_file`], read from JavaScript.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct JsOptions {
    /// The publication date (`YYYY-MM-DD`, optionally `THH:MM`), overriding the dateline.
    pub date: Option<String>,
    /// Treat the text as body only (no headline, dateline or page chrome detection).
    pub plain: bool,
}

impl JsOptions {
    /// The engine's options, or a message when the date cannot be read.
    pub fn engine(&self) -> Result<Options, String> {
        Ok(Options { plain: self.plain, ..Options::with_date(self.date.as_deref())? })
    }
}

/// Analyse `text`: the annotation, reporting progress (0 to 1).
pub fn annotate_text(text: &str, options: &JsOptions, progress: &mut dyn FnMut(f32)) -> Result<Annotation, String> {
    Ok(annotate_with_progress(text, &options.engine()?, progress))
}

/// Read a file the reader brought (text, Markdown, HTML, `lede/1`, spaCy or TimelineJS JSON)
/// and analyse it when it is not already annotated: `(text, annotation)`, or a message.
pub fn analyze_file(name: &str, bytes: &[u8], options: &JsOptions, progress: &mut dyn FnMut(f32)) -> Result<(String, Annotation), String> {
    lede_engine::import::analyze_file(name, bytes, &options.engine()?, progress).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
mod js {
    use super::*;
    use wasm_bindgen::prelude::*;

    fn options(value: JsValue) -> Result<JsOptions, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(JsOptions::default());
        }
        serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("Options must be {{date, plain}}: {e}")))
    }

    fn reporter(progress: Option<js_sys::Function>) -> impl FnMut(f32) {
        move |p| {
            if let Some(f) = &progress {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_f64(f64::from(p)));
            }
        }
    }

    /// `annotate(text, {date, plain}, onProgress?)`: the `lede/1` document of `text` as plain
    /// JavaScript values (spans in code points, as in `docs/schema.md`).
    #[wasm_bindgen]
    pub fn annotate(text: &str, options_js: JsValue, on_progress: Option<js_sys::Function>) -> Result<JsValue, JsError> {
        let opts = options(options_js)?;
        let annotation = annotate_text(text, &opts, &mut reporter(on_progress)).map_err(|e| JsError::new(&e))?;
        // Through JSON.parse: plain objects, and no second serialiser in the Wasm.
        js_sys::JSON::parse(&lede_engine::to_json(text, &annotation)).map_err(|_| JsError::new("the document could not be read back"))
    }

    /// `annotateFile(name, bytes, {date, plain}, onProgress?)`: read a file as the viewer does
    /// (`.txt`, `.md`, `.html`, `lede/1`, spaCy or TimelineJS JSON) and return its `lede/1`
    /// document as JSON text. Throws an `Error` whose message says what is wrong with the file.
    #[wasm_bindgen(js_name = annotateFile)]
    pub fn annotate_file(name: &str, bytes: &[u8], options_js: JsValue, on_progress: Option<js_sys::Function>) -> Result<String, JsError> {
        let opts = options(options_js)?;
        let (text, annotation) = analyze_file(name, bytes, &opts, &mut reporter(on_progress)).map_err(|e| JsError::new(&e))?;
        Ok(lede_engine::to_json(&text, &annotation))
    }

    /// `dateline(text)`: the publication date the text gives itself (`YYYY-MM-DD`), if any.
    #[wasm_bindgen]
    pub fn dateline(text: &str) -> Option<String> {
        lede_engine::analyze(text).meta.published.map(|p| p.to_iso().chars().take(10).collect())
    }

    /// The `lede/1` schema this module writes.
    #[wasm_bindgen]
    pub fn schema() -> String {
        lede_engine::SCHEMA.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_option_overrides_the_dateline_and_a_bad_one_is_refused() {
        let text = "Talks resume\nUpdated 10:00, 24-Mar-2021\nThe minister arrived in Lisbon on Monday.";
        let mut seen = Vec::new();
        let a = annotate_text(text, &JsOptions { date: Some("2020-01-01".into()), plain: false }, &mut |p| seen.push(p)).unwrap();
        assert_eq!(a.reference.map(|r| r.to_iso()), Some("2020-01-01".to_owned()));
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress only grows: {seen:?}");
        let err = annotate_text(text, &JsOptions { date: Some("someday".into()), plain: false }, &mut |_| {}).unwrap_err();
        assert!(err.contains("someday") && err.contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn files_are_read_as_the_viewer_reads_them() {
        let (text, a) = analyze_file("a.md", b"# Harbour talks\n\nThe mayor of Lisbon spoke on March 2, 2021.", &JsOptions::default(), &mut |_| {}).unwrap();
        assert!(!text.contains('#'), "Markdown syntax dropped: {text:?}");
        assert!(a.timexes.iter().any(|t| t.value == "2021-03-02"));
        let err = analyze_file("x.json", b"{\"schema\": \"lede/9\"}", &JsOptions::default(), &mut |_| {}).unwrap_err();
        assert!(err.contains("lede/9"), "{err}");
        let err = analyze_file("x.txt", &[0xff, 0xfe, 0x00, 0x01], &JsOptions::default(), &mut |_| {}).unwrap_err();
        assert!(!err.is_empty());
    }
}
