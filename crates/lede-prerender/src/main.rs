//! `lede-prerender DIR`: after the site is built into `DIR` (Trunk's post-build hook,
//! `scripts/build-engine.sh`, once `articles/default.json` is written), render the viewer for
//! the default article with yew's server renderer and write it into `DIR/index.html`'s
//! `<div id="lede">`, with the article's title in `<title>`. A reader then sees the article, its
//! names and its timeline before any Wasm arrives (and without JavaScript at all); the viewer
//! hydrates this markup with props read from the same `articles/default.json` (its key is on
//! the root as `data-prerendered`, so a stale page is rendered afresh instead).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use lede::components::{Doc, DocRef};
use lede::{App, AppProps};

const EMPTY_ROOT: &str = r#"<div id="lede"></div>"#;

/// `index` with the viewer for `json` (the default article's `lede/1`) rendered into its root.
pub fn prerender(index: &str, json: &str) -> Result<String, String> {
    if !index.contains(EMPTY_ROOT) {
        return Err(format!("index.html has no empty {EMPTY_ROOT} to render into (already prerendered?)"));
    }
    let doc = Doc::built_default(json).map_err(|e| format!("articles/default.json is not a lede/1 document: {e}"))?;
    let title = doc.title();
    let props = AppProps { initial: Some(DocRef(Rc::new(doc))) };
    let rt = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let body = rt.block_on(yew::LocalServerRenderer::<App>::with_props(props).render());
    let root = format!(r#"<div id="{}" data-prerendered="{}">{body}</div>"#, lede::ROOT_ID, lede::prerender_key(json));
    let page = index.replacen(EMPTY_ROOT, &root, 1);
    Ok(page.replacen("<title>Lede</title>", &format!("<title>{} · Lede</title>", lede_engine::export::escape_text(&title)), 1))
}

fn run(dir: &Path) -> Result<usize, String> {
    let read = |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let (index_path, json_path) = (dir.join("index.html"), dir.join("articles").join("default.json"));
    let page = prerender(&read(&index_path)?, &read(&json_path)?)?;
    std::fs::write(&index_path, &page).map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    Ok(page.len())
}

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    match run(&dir) {
        Ok(n) => {
            println!("prerender: wrote {} ({n} bytes)", dir.join("index.html").display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!doctype html><html><head><title>Lede</title></head><body><div id=\"lede\"></div></body></html>";
    const TEXT: &str = "Ferry strike ends in Lisbon\nBy Ana Lima\nThe union met Rui Costa on Monday in Lisbon.\n";

    fn json() -> String {
        lede_engine::to_json(TEXT, &lede_engine::annotate(TEXT, &lede_engine::Options::default()))
    }

    #[test]
    fn renders_the_article_into_the_root_with_its_key_and_title() {
        let json = json();
        let page = prerender(INDEX, &json).unwrap();
        assert!(page.contains(&format!("data-prerendered=\"{}\"", lede::prerender_key(&json))), "{page}");
        assert!(page.contains("<title>Ferry strike ends in Lisbon · Lede</title>"), "{page}");
        assert!(page.contains("<h1><span data-sentence=\"0\""), "the headline: {page}");
        assert!(page.contains("data-entity="), "names are marked: {page}");
        assert!(page.contains("<!--<[lede::components::app::App]>-->"), "hydratable markup: {page}");
        assert!(page.ends_with("</div></body></html>"), "{page}");
    }

    #[test]
    fn refuses_a_page_without_an_empty_root_or_a_bad_analysis() {
        let json = json();
        let once = prerender(INDEX, &json).unwrap();
        assert!(prerender(&once, &json).unwrap_err().contains("already prerendered"));
        assert!(prerender(INDEX, "{\"schema\": \"lede/1\"").unwrap_err().contains("default.json"));
    }

    #[test]
    fn the_key_changes_with_the_analysis() {
        assert_ne!(lede::prerender_key(&json()), lede::prerender_key(&json().replace("Lisbon", "Lisboa")));
    }
}
