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

use lede_engine::corrections::Correction;
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

/// The `lede/1` document `json` with `corrections` (a JSON list, as in `lede/1`) applied. With
/// `strict`, the list holds the reader's new corrections, and the first that cannot be made
/// is refused with a message (the viewer's correction forms); otherwise corrections whose
/// target is gone are skipped (corrections kept with a document, replayed after its analysis).
/// The viewer's Wasm carries no analysis: corrections rebuild events, so they are made here.
pub fn correct(json: &str, corrections: &str, strict: bool) -> Result<String, String> {
    let list: Vec<Correction> = serde_json::from_str(corrections).map_err(|e| format!("The corrections could not be read: {e}."))?;
    let (text, mut annotation) = lede_engine::from_json(json).map_err(|e| e.to_string())?;
    if strict {
        for c in &list {
            lede_engine::corrections::make(&text, &mut annotation, c)?;
        }
    } else {
        lede_engine::corrections::apply(&text, &mut annotation, &list);
    }
    Ok(lede_engine::to_json(&text, &annotation))
}

/// The `lede/1` document `json` exported as `format` (a name in `lede_engine::export::FORMATS`),
/// naming `source` (its address, if known) and `docid` where the format has room for them.
pub fn export(json: &str, format: &str, source: Option<&str>, docid: &str) -> Result<String, String> {
    let f =
        lede_engine::export::format(format).ok_or_else(|| format!("{format:?} is not an export format: one of {}.", lede_engine::export::format_names()))?;
    let (text, annotation) = lede_engine::from_json(json).map_err(|e| e.to_string())?;
    Ok(f.write(&lede_engine::export::Document { text: &text, annotation: &annotation, source, docid }))
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

    /// `correct(json, corrections, strict)`: the `lede/1` JSON text `json` with `corrections`
    /// (a JSON list) applied; with `strict`, throws an `Error` saying why one cannot be made.
    #[wasm_bindgen]
    pub fn correct(json: &str, corrections: &str, strict: bool) -> Result<String, JsError> {
        super::correct(json, corrections, strict).map_err(|e| JsError::new(&e))
    }

    /// `exportDocument(json, format, source, docid)`: the `lede/1` JSON text `json` in another
    /// format (`webanno`, `timelinejs`, `entities-csv`, `events-csv`, `ics`, `timeml`, `lede`).
    #[wasm_bindgen(js_name = exportDocument)]
    pub fn export_document(json: &str, format: &str, source: Option<String>, docid: &str) -> Result<String, JsError> {
        super::export(json, format, source.as_deref(), docid).map_err(|e| JsError::new(&e))
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

    fn doc() -> String {
        let text = "Ports reopen\nThe port of Santos reopened on Tuesday, March 2, 2021, officials said. Ana Lima of Vale spoke.";
        lede_engine::to_json(text, &annotate_text(text, &JsOptions::default(), &mut |_| {}).unwrap())
    }

    #[test]
    fn corrections_are_made_or_refused_with_a_reason() {
        let json = doc();
        let (_, a) = lede_engine::from_json(&json).unwrap();
        let id = &a.entities.first().expect("a name").id;
        let retype = format!(r#"[{{"op": "retype", "entity": "{id}", "type": "work"}}]"#);
        let (_, b) = lede_engine::from_json(&correct(&json, &retype, true).unwrap()).unwrap();
        assert_eq!(b.entities.iter().find(|e| &e.id == id).map(|e| e.kind), Some(lede_engine::EntityKind::Work));
        assert_eq!(b.corrections.len(), 1, "the correction is kept with the document");
        // A new correction that cannot be made says why; one kept with a document is skipped.
        let gone = r#"[{"op": "retype", "entity": "nobody", "type": "place"}]"#;
        assert_eq!(correct(&json, gone, true).unwrap_err(), "That correction no longer applies to this document.");
        assert!(correct(&json, gone, false).is_ok());
        let absent = r#"[{"op": "add", "name": "Oslo", "type": "place"}]"#;
        assert!(correct(&json, absent, true).unwrap_err().contains("not in the text"));
        assert!(correct(&json, "[{\"op\": \"fly\"}]", true).unwrap_err().starts_with("The corrections could not be read"));
        assert!(correct("{}", "[]", false).is_err());
    }

    #[test]
    fn every_format_exports_and_an_unknown_one_is_named() {
        let json = doc();
        for f in &lede_engine::export::FORMATS {
            let out = export(&json, f.name, None, "ports").unwrap();
            assert!(out.contains("Santos") || out.contains("2021"), "{}: {out}", f.name);
        }
        let linked = export(&json, "webanno", Some("https://news.example/ports"), "ports").unwrap();
        assert!(linked.contains("\"source\": \"https://news.example/ports\""), "{linked}");
        assert!(export(&json, "webanno", None, "ports").unwrap().contains("urn:lede:text:"));
        assert!(export(&json, "timeml", None, "ports").unwrap().contains("<DOCID>ports</DOCID>"));
        assert!(export(&json, "pdf", None, "ports").unwrap_err().contains("timelinejs"));
    }
}
