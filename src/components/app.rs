//! The root component: loads the article, analyses it, lays out the panes.

use std::rc::Rc;

use lede_engine::{Annotation, Article};
use yew::prelude::*;

use super::{ArticleView, DocumentFacts, EntitySidebar, Timeline};
use crate::state::{Action, Selection, ViewState};
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

    // One reducer holds the selection; the URL fragment mirrors it both ways.
    let view = use_reducer(|| ViewState::default().apply(Action::FromHash(web::current_hash())));
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let guard = web::on_hash_change(move |h| view.dispatch(Action::FromHash(h)));
            move || drop(guard)
        });
    }
    {
        let loaded = matches!(*load, Load::Loaded(_));
        use_effect_with((view.selection.clone(), loaded), move |(sel, loaded)| {
            web::set_hash(&sel.to_hash());
            if *loaded {
                if matches!(sel, Selection::Event(_)) {
                    web::reveal(".s.current", 0, false);
                }
            }
        });
    }
    // Stable callbacks (same Rc while the document is the same), so memoised article blocks
    // are not re-rendered just because the parent rendered.
    let current_doc: Option<DocRef> = match &*load {
        Load::Loaded(d) => Some(d.clone()),
        _ => None,
    };
    let select_entity = use_callback((current_doc.clone(), view.dispatcher()), |id: String, (doc, dispatch)| {
        let name = doc.as_ref().and_then(|d| d.0.annotation.entities.iter().find(|e| e.id == id)).map(|e| e.name.clone()).unwrap_or_default();
        web::toggle_marked(&id);
        dispatch.dispatch(Action::SelectEntity { id, name });
    });
    let select_event = use_callback((current_doc, view.dispatcher()), |id: String, (doc, dispatch)| {
        let label = doc.as_ref().and_then(|d| d.0.annotation.events.iter().find(|e| e.id == id)).map(|e| e.label.clone()).unwrap_or_default();
        dispatch.dispatch(Action::SelectEvent { id, label });
    });
    let drawer = use_state(|| false);
    let toggle_drawer = {
        let drawer = drawer.clone();
        Callback::from(move |_: MouseEvent| drawer.set(!*drawer))
    };

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
        Load::Loaded(doc) => {
            let on_toggle_type = {
                let view = view.clone();
                Callback::from(move |k| view.dispatch(Action::ToggleType(k)))
            };
            let on_search = {
                let view = view.clone();
                Callback::from(move |q| view.dispatch(Action::Search(q)))
            };
            let on_toggle_list = {
                let view = view.clone();
                Callback::from(move |()| view.dispatch(Action::ToggleList))
            };
            let on_jump = Callback::from(|(id, i): (String, usize)| web::reveal(&format!("mark[data-entity=\"{id}\"]"), i, true));
            html! {
                <>
                    <button type="button" class="drawer-toggle" aria-expanded={drawer.to_string()} aria-controls="side" onclick={toggle_drawer}>
                        { "People, places and more" }
                    </button>
                    <div id="side" class={classes!("side", drawer.then_some("open"))}>
                        <EntitySidebar doc={doc.clone()} selection={view.selection.clone()} hidden={view.hidden.clone()} query={view.query.clone()}
                            on_select={select_entity.clone()} {on_toggle_type} {on_search} {on_jump} />
                        <DocumentFacts doc={doc.clone()} />
                    </div>
                    <div class="reader">
                        // The article only needs an event selection; an entity selection reaches its
                        // marks through SelectedMarks, so selecting an entity re-renders no paragraph.
                        <ArticleView doc={doc.clone()} selection={if matches!(view.selection, Selection::Event(_)) { view.selection.clone() } else { Selection::None }}
                            hidden={view.hidden.clone()} on_select_entity={select_entity.clone()} />
                        <SelectedMarks doc={doc.clone()} entity={if let Selection::Entity(id) = &view.selection { Some(id.clone()) } else { None }} />
                    </div>
                    <Timeline doc={doc.clone()} selection={view.selection.clone()} list_view={view.list_view} on_select={select_event.clone()} {on_toggle_list} />
                </>
            }
        }
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
            <div class="visually-hidden live" aria-live="polite" aria-atomic="true">{ view.announcement.clone() }</div>
        </div>
    }
}

/// Props of [`SelectedMarks`].
#[derive(Properties, PartialEq)]
pub struct SelectedMarksProps {
    /// The document whose marks are on the page.
    pub doc: DocRef,
    /// The selected entity, if any.
    pub entity: Option<String>,
}

/// Renders nothing: after each change it puts `data-selected` on the selected entity's marks
/// (and takes it off the others) directly in the DOM. The marks do not render this attribute,
/// so Yew never undoes it, and selecting an entity costs one pass over its mentions.
#[component]
pub fn SelectedMarks(props: &SelectedMarksProps) -> Html {
    use_effect_with(props.doc.clone(), |_| web::index_marks());
    use_effect_with(props.entity.clone(), |id| web::mark_selected(id.as_deref()));
    Html::default()
}
