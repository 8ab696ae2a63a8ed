//! The root component: loads the article, analyses it, lays out the panes.

use std::rc::Rc;

use lede_engine::{Annotation, Article};
use yew::prelude::*;

use super::{ArticleView, DocumentFacts};
use crate::web::{self, Theme};

/// An analysed document: the raw text and the engine's reading of it.
#[derive(Debug)]
pub struct Doc {
    /// The raw text, unchanged.
    pub text: String,
    /// Everything the engine found in `text`.
    pub annotation: Annotation,
}

impl Doc {
    /// Analyse `text` (structure, entities, dates, events).
    pub fn analyze(text: String) -> Doc {
        let annotation = lede_engine::annotate(&text, &lede_engine::Options::default());
        Doc { text, annotation }
    }

    /// The article's structure.
    pub fn article(&self) -> &Article {
        &self.annotation.article
    }
}

/// A shared document; equal when it is the same document (pointer equality, O(1)).
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Doc>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // only the browser loads documents
enum Load {
    Loading,
    Loaded(DocRef),
    Failed(String),
}

/// The whole viewer.
#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Loading);
    let theme = use_state(|| web::stored_theme().unwrap_or_else(web::system_theme));

    #[cfg(target_arch = "wasm32")]
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match web::fetch_text(crate::DEFAULT_ARTICLE).await {
                    Ok(text) => load.set(Load::Loaded(DocRef(Rc::new(Doc::analyze(text))))),
                    Err(e) => load.set(Load::Failed(e)),
                }
            });
        });
    }

    {
        let state = (*load).clone();
        use_effect_with(state, |state| {
            web::set_root_flag("data-ready", matches!(state, Load::Loaded(_)));
            web::set_root_flag("data-error", matches!(state, Load::Failed(_)));
        });
    }
    use_effect_with(*theme, |t| web::apply_theme(*t, false));

    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = theme.toggled();
            web::apply_theme(next, true);
            theme.set(next);
        })
    };
    let dark = *theme == Theme::Dark;

    let body = match &*load {
        Load::Loading => html! {
            <div class="reader"><p class="status" role="status">{ "Loading the article…" }</p></div>
        },
        Load::Failed(why) => html! {
            <div class="reader">
                <div class="status error" role="alert">
                    <h1>{ "The article could not be loaded" }</h1>
                    <p>{ format!("Lede asked for the default article and {why}.") }</p>
                    <p>{ "Check that the folder was published whole (it needs articles/default.txt next to index.html), then reload the page." }</p>
                </div>
            </div>
        },
        Load::Loaded(doc) => html! {
            <>
                <DocumentFacts doc={doc.clone()} />
                <div class="reader"><ArticleView doc={doc.clone()} /></div>
            </>
        },
    };

    html! {
        <div class="app">
            <header class="bar">
                <span class="brand">{ "Lede" }</span>
                <button type="button" class="theme-toggle" aria-pressed={dark.to_string()} onclick={on_theme}>
                    { "Dark theme" }
                </button>
            </header>
            <main class="panes">{ body }</main>
        </div>
    }
}
