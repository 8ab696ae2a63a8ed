//! Lede's Yew app: turns the engine's analysis into views.
//!
//! The app is a library so its components render natively (yew's SSR) in tests;
//! `src/bin/app.rs` only calls [`start`]. Browser-only code (fetching the
//! article, the theme, the ready flag) lives in [`web`] and compiles to no-ops natively.

pub mod components;
pub mod docs;
pub mod format;
pub mod load;
pub mod state;
pub mod store;
pub mod timeline;
pub mod web;

pub use components::{App, AppProps, ArticleView, ArticleViewProps, DocumentFacts, DocumentFactsProps};

/// Path of the default article, relative to the page (so `dist/` works from any sub-path).
pub const DEFAULT_ARTICLE: &str = "articles/default.txt";

/// The default article's `lede/1` analysis, written next to it by the engine when the site is
/// built (`scripts/build-engine.sh`), so a reader of the default article needs no engine.
pub const DEFAULT_ANALYSIS: &str = "articles/default.json";

/// The id of the element the viewer lives in (`index.html`; the prerender fills it).
pub const ROOT_ID: &str = "lede";

/// The key the prerender writes on the root (`data-prerendered`) for the analysis it rendered:
/// the viewer hydrates that markup only with the very same `articles/default.json`.
pub fn prerender_key(json: &str) -> String {
    // FNV-1a 64 over the bytes, and the length.
    let h = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{:x}-{h:016x}", json.len())
}

/// Start the viewer (browser only). When the page holds the default article as the build
/// prerendered it, and this visit shows the default article, the viewer hydrates that markup
/// once the build's analysis (fetched early by the boot script) is read; otherwise it renders
/// afresh. A panic shows a recoverable error view (through yew's own panic-hook setting, which
/// its renderer would otherwise replace); a panic while hydrating reloads the page once to
/// render afresh instead.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    {
        // In the analysis worker this module is loaded for its exports only: no page to render.
        if web_sys::window().is_none() {
            return;
        }
        yew::set_custom_panic_hook(Box::new(|info| {
            let detail = info.to_string();
            if !web::retry_without_hydration(&detail) {
                web::show_fatal(&detail);
            }
        }));
        let root = web::app_root();
        let Some(key) = web::prerendered(&root) else {
            web::clear_prerendered(&root);
            yew::Renderer::<App>::with_root(root).render();
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            // The prerendered article paints first; hydrating is a long task.
            web::after_paint().await;
            let doc = web::default_analysis().await.filter(|json| prerender_key(json) == key).and_then(|json| components::Doc::built_default(&json).ok());
            match doc {
                Some(mut doc) => {
                    if web::query_param("lede-test").as_deref() == Some("mismatch") {
                        // Test only: a render that cannot match the markup.
                        doc.annotation.events.clear();
                    }
                    web::hydrating(true);
                    yew::Renderer::<App>::with_root_and_props(root, AppProps { initial: Some(components::DocRef(std::rc::Rc::new(doc))) }).hydrate();
                }
                None => {
                    web::clear_prerendered(&root);
                    yew::Renderer::<App>::with_root(root).render();
                }
            }
        });
    }
}
