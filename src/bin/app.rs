//! The browser entry point: everything lives in the `lede` library.
//!
//! The same Wasm also serves the viewer's Web Worker (`static/worker.js` loads this module and
//! calls the two exports below), so a reader downloads the engine once.

fn main() {
    lede::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;

    /// `workerAnalyze(name, bytes, date, onProgress)`: read and analyse a document; its
    /// `lede/1` JSON, or an `Error` whose message is for the reader.
    #[wasm_bindgen(js_name = workerAnalyze)]
    pub fn worker_analyze(name: &str, bytes: &[u8], date: &str, on_progress: Option<js_sys::Function>) -> Result<String, JsError> {
        let options = lede_engine::Options::with_date(Some(date)).map_err(|e| JsError::new(&e))?;
        let mut progress = |p: f32| {
            if let Some(f) = &on_progress {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_f64(f64::from(p)));
            }
        };
        let (text, annotation) = lede_engine::import::analyze_file(name, bytes, &options, &mut progress).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(lede_engine::to_json(&text, &annotation))
    }

    /// `workerDateline(text)`: the publication date the text gives itself (`YYYY-MM-DD`).
    #[wasm_bindgen(js_name = workerDateline)]
    pub fn worker_dateline(text: &str) -> Option<String> {
        lede_engine::analyze(text).meta.published.map(|p| p.to_iso().chars().take(10).collect())
    }
}
