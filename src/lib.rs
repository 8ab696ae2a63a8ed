//! Lede's Yew app: turns the engine's analysis into views.
//!
//! The app is a library so its components render natively (yew's SSR) in tests;
//! `src/bin/app.rs` only calls [`start`]. Browser-only code (fetching the
//! article, the theme, the ready flag) lives in [`web`] and compiles to no-ops natively.

pub mod components;
pub mod docs;
pub mod format;
pub mod state;
pub mod store;
pub mod timeline;
pub mod web;

pub use components::{App, ArticleView, ArticleViewProps, DocumentFacts, DocumentFactsProps};

/// Path of the default article, relative to the page (so `dist/` works from any sub-path).
pub const DEFAULT_ARTICLE: &str = "articles/default.txt";

/// The default article's `lede/1` analysis, written next to it by the engine when the site is
/// built (`scripts/build-engine.sh`), so a reader of the default article needs no engine.
pub const DEFAULT_ANALYSIS: &str = "articles/default.json";

/// Mount the app on `<body>` (browser only). A panic shows a recoverable error view
/// instead of leaving a dead or blank page.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    {
        // In the analysis worker this module is loaded for its exports only: no page to render.
        if web_sys::window().is_none() {
            return;
        }
        std::panic::set_hook(Box::new(|info| web::show_fatal(&info.to_string())));
        yew::Renderer::<App>::new().render();
    }
}
