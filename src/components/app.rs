//! The root component: opens documents (the default article, the reader's own, `?src=`),
//! keeps them, and lays out the panes.

use std::cell::Cell;
use std::rc::Rc;

use lede_engine::corrections::Correction;
use yew::prelude::*;

use super::{ArticleView, DocumentFacts, EntitySidebar, OpenDialog, ShareDialog, Timeline};
use crate::docs::{Origin, Recent, Source};
use crate::load::{Doc, DocRef, Load, LoadState, OpenRequest, Status};
use crate::state::{Action, Selection, ViewState};
use crate::web::{self, Theme};

/// The browser's part of loading: the worker, fetches and storage. It changes what is shown
/// only by dispatching [`Load`] actions to the [`LoadState`] reducer; each load is a numbered
/// job, and a job's continuation stops as soon as a newer load has begun.
#[derive(Clone)]
struct Loader {
    state: UseReducerHandle<LoadState>,
    /// The number of the last load begun (shared by every clone).
    jobs: Rc<Cell<u64>>,
    recent: UseStateHandle<Vec<Recent>>,
    view: UseReducerHandle<ViewState>,
    /// An embedded view keeps nothing in the host's storage.
    keep: bool,
}

impl Loader {
    /// Begin a load that does `what`: its job number.
    fn begin(&self, what: String) -> u64 {
        let job = self.jobs.get() + 1;
        self.jobs.set(job);
        self.state.dispatch(Load::Start(job, what));
        job
    }

    /// Whether `job` is still the load the reader asked for last.
    fn current(&self, job: u64) -> bool {
        self.jobs.get() == job
    }

    /// Keep `doc` (unless embedded): a note for the reader if the browser would not store it.
    fn keep(&self, doc: &Doc) -> Option<String> {
        if self.keep {
            crate::store::keep(doc, &self.recent)
        } else {
            None
        }
    }

    /// Load `job` gives `doc`: keep it, clear the selection if it was about another document,
    /// and show it (unless a newer load began meanwhile).
    fn show(&self, job: u64, doc: Doc) {
        if !self.current(job) {
            return;
        }
        let note = self.keep(&doc);
        // Another document replaces the one on screen: its selection means nothing there.
        let replaced = self.state.doc.as_ref().is_some_and(|d| d.0.text != doc.text);
        if replaced && self.view.selection != Selection::None {
            self.view.dispatch(Action::Clear);
        }
        self.state.dispatch(Load::Loaded(job, DocRef(Rc::new(doc)), note));
    }

    /// Make the reader's correction `c` on `doc` (by the engine, in the worker), then keep and
    /// show the corrected document and dispatch `follow` to the selection; or say why not. A
    /// correction that finishes after another document began to load is dropped.
    fn correct(&self, doc: DocRef, c: Correction, follow: Option<Action>) {
        let (this, at) = (self.clone(), self.jobs.get());
        web::spawn(async move {
            let result = web::correct(&doc.0.json, &Doc::corrections_json(std::slice::from_ref(&c)), true).await;
            if this.jobs.get() != at {
                return;
            }
            let mut source = doc.0.source.clone();
            source.corrections.push(c);
            match result.and_then(|json| Doc::from_json(source, &json)) {
                Ok(next) => {
                    let note = this.keep(&next);
                    this.state.dispatch(Load::Replace(DocRef(Rc::new(next)), note));
                    if let Some(a) = follow {
                        this.view.dispatch(a);
                    }
                }
                Err(why) => this.refuse("The correction was not made", why),
            }
        });
    }

    fn fail(&self, job: u64, title: &str, why: String) {
        self.state.dispatch(Load::Failed(job, title.to_owned(), why));
    }

    fn refuse(&self, title: &str, why: String) {
        self.state.dispatch(Load::Refused(title.to_owned(), why));
    }

    /// Analyse `bytes` (in the worker) as `source` describes, as load `job`, then show and keep
    /// the result. On failure the document on screen and everything stored stay as they were.
    fn open_bytes(&self, job: u64, mut source: Source, bytes: Rc<Vec<u8>>) {
        let this = self.clone();
        let what = format!("Analysing {}", if source.origin == Origin::Default { "the article" } else { source.name.as_str() });
        self.state.dispatch(Load::Start(job, what));
        web::spawn(async move {
            let state = this.state.clone();
            let progress = move |p: f64| state.dispatch(Load::Progress(job, p));
            let corrections = Doc::corrections_json(&source.corrections);
            let result = web::analyze(&source.name, &bytes, source.date.as_deref(), &corrections, progress).await;
            if !this.current(job) {
                return;
            }
            match result.and_then(|json| {
                // A chosen file arrives as bytes only; every other source already holds its text.
                if source.content.is_empty() {
                    source.content = String::from_utf8_lossy(&bytes).into_owned();
                }
                Doc::from_json(source.clone(), &json)
            }) {
                Ok(doc) => this.show(job, doc),
                Err(why) => this.fail(job, &format!("{} could not be opened", source.name), why),
            }
        });
    }

    /// A page sent by the bookmarklet's opener: read like a saved page, its address its source.
    fn open_page(&self, url: String, html: String) {
        let name = crate::docs::name_for_url(&url, "text/html");
        let bytes = Rc::new(html.clone().into_bytes());
        let source = crate::store::with_kept(Source { name, origin: Origin::Url, url: Some(url), content: html, date: None, corrections: Vec::new() });
        let job = self.begin(format!("Analysing {}", source.name));
        self.open_bytes(job, source, bytes);
    }

    fn open(&self, source: Source) {
        // The build analysed the default article against its own dateline: a reader's date
        // needs the engine.
        if source.origin != Origin::Default || source.date.is_some() {
            let job = self.begin(format!("Analysing {}", source.name));
            let bytes = Rc::new(source.content.clone().into_bytes());
            return self.open_bytes(job, source, bytes);
        }
        // The default article (with the reader's corrections, if any): its analysis from the
        // build when that is the analysis of this very text.
        let job = self.begin("Loading the article".into());
        let this = self.clone();
        web::spawn(async move {
            let built = Self::built_analysis(source.clone()).await;
            if !this.current(job) {
                return;
            }
            match built {
                Some(doc) if doc.text == source.content => this.show(job, doc),
                _ => {
                    let bytes = Rc::new(source.content.clone().into_bytes());
                    this.open_bytes(job, source, bytes);
                }
            }
        });
    }

    /// The default article as the engine analysed it when the site was built, with `source`'s
    /// corrections applied (by the engine, in the worker); `None` when that file is missing or
    /// unreadable.
    async fn built_analysis(source: Source) -> Option<Doc> {
        let json = web::default_analysis().await?;
        if source.corrections.is_empty() {
            return Doc::built_default(&json).ok();
        }
        let json = web::correct(&json, &Doc::corrections_json(&source.corrections), false).await.ok()?;
        let mut doc = Doc::from_json(source, &json).ok()?;
        doc.source.content = doc.text.clone();
        Some(doc)
    }

    /// Carry out an open request.
    fn request(&self, r: OpenRequest) {
        match r {
            OpenRequest::Paste { text, date } => {
                if text.trim().is_empty() {
                    return self.refuse("Nothing to analyse", "The text box is empty: paste an article first.".into());
                }
                // A paste too long for the text box's own check (typed, dropped as text).
                if let Err(why) = lede_engine::import::check_size(super::open::PASTED, text.len()) {
                    return self.refuse("The pasted text could not be opened", why.to_string());
                }
                self.open(Source { name: "pasted.txt".into(), origin: Origin::Pasted, url: None, content: text, date, corrections: Vec::new() });
            }
            OpenRequest::File { name, bytes } => {
                let source = Source { name, origin: Origin::File, url: None, content: String::new(), date: None, corrections: Vec::new() };
                let job = self.begin(format!("Analysing {}", source.name));
                self.open_bytes(job, source, bytes);
            }
            OpenRequest::Url(url) => {
                web::set_query_src(Some(&url));
                self.fetch(url);
            }
            OpenRequest::Recent(id) => match crate::store::load(&id) {
                Some(source) => {
                    if source.origin == Origin::Url {
                        web::set_query_src(source.url.as_deref());
                    }
                    self.open(source);
                }
                None => self.refuse("That document is gone", "It is no longer in this browser's storage.".into()),
            },
            OpenRequest::Refused(title, why) => self.refuse(&title, why),
            OpenRequest::Default => {
                web::set_query_src(None);
                crate::store::forget_current();
                self.fetch_default();
            }
        }
    }

    fn fetch(&self, src: String) {
        let url = match crate::docs::check_src(&src, &web::viewer_base()) {
            Ok(u) => u,
            Err(why) => return self.refuse("This address cannot be opened", why),
        };
        let this = self.clone();
        let job = self.begin(format!("Fetching {url}"));
        web::spawn(async move {
            let fetched = web::fetch_document(&url).await;
            if !this.current(job) {
                return;
            }
            match fetched {
                Ok((name, bytes)) => {
                    // Corrections made earlier to this same document come back with it.
                    let content = String::from_utf8_lossy(&bytes).into_owned();
                    let source = crate::store::with_kept(Source { name, origin: Origin::Url, url: Some(url), content, date: None, corrections: Vec::new() });
                    this.open_bytes(job, source, Rc::new(bytes));
                }
                Err(why) => this.fail(job, "The article could not be fetched", why),
            }
        });
    }

    fn fetch_default(&self) {
        let this = self.clone();
        let job = self.begin("Loading the article".into());
        web::spawn(async move {
            let source = Source::default_article();
            let built = Self::built_analysis(source.clone()).await;
            if !this.current(job) {
                return;
            }
            if let Some(doc) = built {
                return this.show(job, doc);
            }
            // No analysis from the build (a folder assembled by hand): analyse the text here.
            let text = web::fetch_text(crate::DEFAULT_ARTICLE).await;
            if !this.current(job) {
                return;
            }
            match text {
                Ok(text) => this.open_bytes(job, Source { content: text.clone(), ..source }, Rc::new(text.into_bytes())),
                Err(e) => this.fail(job, "The article could not be loaded", format!("Lede asked for the default article and {e}. Check that the folder was published whole (it needs articles/default.txt next to index.html), then reload the page.")),
            }
        });
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The document already on the page: the default article as the build prerendered it
    /// (`lede-prerender`), which the viewer hydrates instead of loading anything.
    #[prop_or_default]
    pub initial: Option<DocRef>,
}

/// The whole viewer.
#[component]
pub fn App(props: &AppProps) -> Html {
    let load = use_reducer(|| LoadState::new(props.initial.clone()));
    let jobs = use_memo((), |_| Cell::new(0_u64));
    let doc = &load.doc;
    let status = &load.status;
    let recent = use_state(crate::store::recent);
    let theme = use_state(|| web::stored_theme().unwrap_or_else(web::system_theme));
    let embed = use_memo((), |_| web::query_param("embed").is_some());
    let embed = *embed;
    let dialog = use_state(|| None::<&'static str>);

    // One reducer holds the selection; the URL fragment mirrors it both ways. The fragment is
    // read after the first render, so that render is the same as the build's prerendered one.
    let view = use_reducer(ViewState::default);
    let loader = Loader { state: load.clone(), jobs: jobs.clone(), recent: recent.clone(), view: view.clone(), keep: !embed };

    {
        let loader = loader.clone();
        let hydrated = props.initial.is_some();
        use_effect_with((), move |_| {
            if hydrated {
                // The prerendered default article is on screen and now live.
                web::hydration_done();
                if web::query_param("lede-test").as_deref() == Some("panic") {
                    // Test only: the error panel must show, never a blank page.
                    panic!("a panic asked for by ?lede-test=panic");
                }
            } else if let Some(source) = web::standalone_source() {
                loader.open(crate::store::with_kept(source));
            } else if let Some(src) = web::query_param("src") {
                loader.fetch(src);
            } else if web::query_param("open").as_deref() == Some("page") {
                // Opened by the "Open in Lede" bookmarklet: the page comes from the opener.
                loader.begin("Waiting for the page you opened Lede from".into());
                let (got, none) = (loader.clone(), loader.clone());
                web::receive_opener_page(
                    move |url, html| got.open_page(url, html),
                    move || match crate::store::current().filter(|_| none.keep) {
                        Some(source) => none.open(source),
                        None => none.fetch_default(),
                    },
                );
            } else if let Some(source) = crate::store::current().filter(|_| loader.keep) {
                loader.open(source);
            } else {
                loader.fetch_default();
            }
        });
    }
    let on_open: Callback<OpenRequest> = {
        let (loader, dialog) = (loader.clone(), dialog.clone());
        Callback::from(move |r: OpenRequest| {
            dialog.set(None);
            loader.request(r);
        })
    };
    let on_forget = {
        let recent = recent.clone();
        Callback::from(move |id: String| recent.set(crate::store::forget(&id)))
    };
    let on_correct = {
        let (doc, loader, view) = (doc.clone(), loader.clone(), view.clone());
        Callback::from(move |c: Correction| {
            let Some(d) = doc.clone() else { return };
            // The selection (and the address) follow a merged entity to the one that stays;
            // a removed entity is no longer selected.
            let follow = match (&c, &view.selection) {
                (Correction::Merge { entity, into }, Selection::Entity(s)) if s == entity => Some(Action::FromHash(format!("#entity={into}"))),
                (Correction::Remove { entity, .. }, Selection::Entity(s)) if s == entity => Some(Action::Clear),
                _ => None,
            };
            match c.check() {
                Ok(()) => loader.correct(d, c, follow),
                Err(why) => loader.refuse("The correction was not made", why),
            }
        })
    };
    // Stable while the document is the same, so DocumentFacts (which counts the words of the
    // whole text) is not rendered again on every selection. (The loader's handles set state;
    // what it reads of the view only matters when another document replaces this one, and
    // these callbacks reopen this same one.)
    let on_undo = use_callback((*doc).clone(), {
        let loader = loader.clone();
        move |i: usize, doc: &Option<DocRef>| {
            let Some(d) = doc.clone() else { return };
            let mut source = d.0.source.clone();
            if i < source.corrections.len() {
                source.corrections.remove(i);
                loader.open(source);
            }
        }
    });
    let on_redate = use_callback((*doc).clone(), {
        let loader = loader.clone();
        move |date: Option<String>, doc: &Option<DocRef>| {
            let Some(d) = doc.clone() else { return };
            let source = Source { date, ..d.0.source.clone() };
            loader.open(source);
        }
    });

    {
        let (ready, failed) = (load.ready(), load.failed());
        use_effect_with((ready, failed), |(ready, failed)| {
            web::set_root_flag("data-ready", *ready);
            web::set_root_flag("data-error", *failed);
        });
    }
    use_effect_with(*theme, |t| web::apply_theme(*t, false));
    // Escape clears the selection anywhere (an open dialog takes its own Escape).
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let guard = web::on_escape(move || view.dispatch(Action::Clear));
            move || drop(guard)
        });
    }
    // The browser tab names the article.
    {
        let title = doc.as_ref().map(|d| d.0.title());
        use_effect_with(title, |t| web::set_title(&t.as_ref().map_or_else(|| "Lede".to_owned(), |t| format!("{t} · Lede"))));
    }
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            if !web::current_hash().is_empty() {
                view.dispatch(Action::FromHash(web::current_hash()));
            }
            let guard = web::on_hash_change(move |h| view.dispatch(Action::FromHash(h)));
            move || drop(guard)
        });
    }
    {
        let loaded = doc.is_some();
        use_effect_with((view.selection.clone(), loaded), move |(sel, loaded)| {
            web::set_hash(&sel.to_hash());
            if *loaded && matches!(sel, Selection::Event(_)) {
                web::reveal(".s.current", 0, false);
            }
        });
    }
    use_effect_with(embed, |embed| {
        if *embed {
            web::post_height_on_resize();
        }
    });

    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = theme.toggled();
            web::apply_theme(next, true);
            theme.set(next);
        })
    };
    let dark = *theme == Theme::Dark;
    let open_dialog = |which: &'static str| {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dialog.set(Some(which)))
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(None))
    };
    // A skip link moves the focus to its pane without touching the URL fragment (which holds
    // the selection): the first of `targets` that exists takes it.
    let skip = |targets: &'static str| {
        Callback::from(move |_: MouseEvent| {
            targets.split(", ").any(web::focus);
        })
    };
    // Drop a file anywhere on the page to open it.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let on_open = on_open.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                super::open::read_and_open(file, on_open.clone());
            }
        })
    };

    // Stable callbacks (same Rc while the document is the same), so memoised article blocks
    // are not re-rendered just because the parent rendered.
    let select_entity = use_callback(((*doc).clone(), view.dispatcher()), |id: String, (doc, dispatch)| {
        let name = doc.as_ref().and_then(|d| d.0.annotation.entities.iter().find(|e| e.id == id)).map(|e| e.name.clone()).unwrap_or_default();
        web::toggle_marked(&id);
        dispatch.dispatch(Action::SelectEntity { id, name });
    });
    let select_event = use_callback(((*doc).clone(), view.dispatcher()), |id: String, (doc, dispatch)| {
        let label = doc.as_ref().and_then(|d| d.0.annotation.events.iter().find(|e| e.id == id)).map(|e| e.label.clone()).unwrap_or_default();
        dispatch.dispatch(Action::SelectEvent { id, label });
    });
    // Previous/next: the timeline's events in date order (those it can place), stepped
    // through by its buttons, the stepper above the article, and the keys n/] and p/[.
    let event_order = use_memo((*doc).clone(), |d| {
        d.as_ref().map_or_else(Vec::new, |d| {
            d.0.annotation
                .events
                .iter()
                .filter(|e| lede_engine::event_days(&e.value, e.end_value.as_ref()).is_some())
                .map(|e| e.id.clone())
                .collect::<Vec<String>>()
        })
    });
    let step = {
        let (order, select_event) = (event_order.clone(), select_event.clone());
        let current = match &view.selection {
            Selection::Event(id) => Some(id.clone()),
            _ => None,
        };
        Callback::from(move |delta: isize| {
            if let Some(id) = crate::state::step_event(&order, current.as_deref(), delta) {
                select_event.emit(id.to_owned());
            }
        })
    };
    {
        let step = step.clone();
        use_effect_with(step, move |step| {
            let step = step.clone();
            let guard = web::on_plain_key(move |key| match key.as_str() {
                "n" | "]" => step.emit(1),
                "p" | "[" => step.emit(-1),
                _ => {}
            });
            move || drop(guard)
        });
    }
    // Text the reader selects in the article, offered to be added as a name.
    let picked = use_state(String::new);
    {
        let picked = picked.clone();
        use_effect_with(embed, move |embed| {
            let guard = (!*embed).then(|| web::on_selection_text(move |t| picked.set(t)));
            move || drop(guard)
        });
    }
    let drawer = use_state(|| false);
    let toggle_drawer = {
        let drawer = drawer.clone();
        Callback::from(move |_: MouseEvent| drawer.set(!*drawer))
    };
    let dismiss = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| load.dispatch(Load::Dismiss))
    };

    let notice = match status {
        Status::Idle => Html::default(),
        Status::Busy(what, p) => html! {
            <div class="notice busy" role="status">
                <span>{ format!("{what}…") }</span>
                <progress max="1" value={format!("{p:.2}")} aria-label={what.clone()}></progress>
            </div>
        },
        Status::Problem(title, why) if doc.is_some() => html! {
            <div class="notice problem" role="alert">
                <strong>{ title }</strong>{ " " }<span>{ why }</span>
                <p class="kept">{ "The document on screen and your saved documents are unchanged." }</p>
                <button type="button" class="dismiss" onclick={dismiss.clone()}>{ "Dismiss" }</button>
            </div>
        },
        Status::Note(text) => html! {
            <div class="notice note" role="status">
                <span>{ text }</span>
                <button type="button" class="dismiss" onclick={dismiss.clone()}>{ "Dismiss" }</button>
            </div>
        },
        Status::Problem(..) => Html::default(),
    };

    let body = match (doc, status) {
        (None, Status::Problem(title, why)) => html! {
            <div class="reader">
                <div class="status error" role="alert">
                    <h1>{ title }</h1>
                    <p>{ why }</p>
                    if !embed {
                        <p><button type="button" onclick={open_dialog("open")}>{ "Open another article" }</button></p>
                    }
                </div>
            </div>
        },
        (None, _) => html! {
            <div class="reader"><p class="status" role="status">{ "Loading the article…" }</p></div>
        },
        (Some(doc), _) => {
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
                    // The timeline comes first in reading and Tab order (the grid places every pane).
                    <Timeline doc={doc.clone()} selection={view.selection.clone()} list_view={view.list_view} on_select={select_event.clone()} {on_toggle_list}
                        on_correct={on_correct.clone()} on_step={step.clone()} />
                    if !embed {
                        <button type="button" class="drawer-toggle" aria-expanded={drawer.to_string()} aria-controls="side" onclick={toggle_drawer}>
                            { "People, places and more" }
                        </button>
                        <div id="side" class={classes!("side", drawer.then_some("open"))}>
                            <EntitySidebar doc={doc.clone()} selection={view.selection.clone()} hidden={view.hidden.clone()} query={view.query.clone()}
                                on_select={select_entity.clone()} {on_toggle_type} {on_search} {on_jump} on_correct={on_correct.clone()} />
                            <DocumentFacts doc={doc.clone()} on_undo={on_undo.clone()} on_redate={on_redate.clone()} />
                        </div>
                    }
                    <div class="reader">
                        { stepper(doc, &event_order, &view.selection, &step) }
                        if !embed && !picked.is_empty() {
                            <AddName name={(*picked).clone()} on_correct={on_correct.clone()} on_done={{ let p = picked.clone(); Callback::from(move |()| p.set(String::new())) }} />
                        }
                        // The article only needs an event selection; an entity selection reaches its
                        // marks through SelectedMarks, so selecting an entity re-renders no paragraph.
                        <ArticleView doc={doc.clone()} selection={if matches!(view.selection, Selection::Event(_)) { view.selection.clone() } else { Selection::None }}
                            hidden={view.hidden.clone()} on_select_entity={select_entity.clone()} />
                        <SelectedMarks doc={doc.clone()} entity={if let Selection::Entity(id) = &view.selection { Some(id.clone()) } else { None }} />
                    </div>
                </>
            }
        }
    };

    let dialogs = match (*dialog, doc) {
        (Some("open"), _) => html! {
            <OpenDialog recent={(*recent).clone()} on_open={on_open.clone()} on_forget={on_forget.clone()} on_close={close_dialog.clone()} />
        },
        (Some("share"), Some(d)) => html! { <ShareDialog doc={d.clone()} on_close={close_dialog.clone()} /> },
        _ => Html::default(),
    };

    html! {
        <div class={classes!("app", embed.then_some("embed"))} {ondragover} {ondrop}>
            if embed {
                <header class="bar embed-bar">
                    <span class="brand">{ doc.as_ref().map(|d| d.0.title()).unwrap_or_else(|| "Lede".to_owned()) }</span>
                    <a class="full-view" href={web::full_view_url()} target="_blank" rel="noopener">{ "Open full view" }</a>
                </header>
            } else {
                // Skip links, as buttons: the URL fragment holds the selection, so they move the
                // focus instead of the address.
                <nav class="skip-links" aria-label="Skip to">
                    <button type="button" onclick={skip("svg.tl g.ev[tabindex=\"0\"], .event-table button, .timeline-pane h2")}>{ "Skip to the timeline" }</button>
                    <button type="button" onclick={skip(".entities .search input")}>{ "Skip to names" }</button>
                    <button type="button" onclick={skip("article.article")}>{ "Skip to the article" }</button>
                </nav>
                <header class="bar">
                    <span class="brand">{ "Lede" }</span>
                    <nav class="actions" aria-label="Document">
                        <button type="button" class="open-button" onclick={open_dialog("open")}>{ "Open…" }</button>
                        if doc.is_some() {
                            <button type="button" class="share-button" onclick={open_dialog("share")}>{ "Share…" }</button>
                        }
                        <button type="button" class="theme-toggle" aria-pressed={dark.to_string()} onclick={on_theme}>
                            { "Dark theme" }
                        </button>
                    </nav>
                </header>
            }
            { notice }
            <main class="panes">{ body }</main>
            { dialogs }
            <div class="visually-hidden live" aria-live="polite" aria-atomic="true">{ view.announcement.clone() }</div>
        </div>
    }
}

/// While an event is selected, a bar that stays at the top of the article as it scrolls: the
/// event's place in the timeline, its date and label, and previous/next buttons, so that
/// stepping through events never loses the timeline's thread.
fn stepper(doc: &DocRef, order: &[String], selection: &Selection, step: &Callback<isize>) -> Html {
    let Selection::Event(id) = selection else { return Html::default() };
    let Some(k) = order.iter().position(|x| x == id) else { return Html::default() };
    let Some(e) = doc.0.annotation.events.iter().find(|e| &e.id == id) else { return Html::default() };
    let (prev, next) = (step.reform(|_: MouseEvent| -1), step.reform(|_: MouseEvent| 1));
    html! {
        <div class="event-stepper" role="group" aria-label="Selected event">
            <button type="button" onclick={prev} disabled={k == 0} aria-label="Previous event" title="Previous event (p)">{ "‹" }</button>
            <p><span class="pos">{ format!("{} of {}", k + 1, order.len()) }</span>
                <strong>{ crate::format::event_date(&e.value, e.end_value.as_ref()) }</strong>{ " " }{ &e.label }</p>
            <button type="button" onclick={next} disabled={k + 1 == order.len()} aria-label="Next event" title="Next event (n)">{ "›" }</button>
        </div>
    }
}

/// Props of [`AddName`].
#[derive(Properties, PartialEq)]
pub struct AddNameProps {
    /// The text the reader selected in the article.
    pub name: String,
    /// Make the correction.
    pub on_correct: Callback<Correction>,
    /// The form was used or dismissed.
    pub on_done: Callback<()>,
}

/// "Add “…” as a name": the text selected in the article, a type to choose, and Add.
#[component]
pub fn AddName(props: &AddNameProps) -> Html {
    let kind = use_node_ref();
    let onsubmit = {
        let (kind, name, on_correct, on_done) = (kind.clone(), props.name.clone(), props.on_correct.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let k = kind.cast::<web_sys::HtmlSelectElement>().map_or_else(|| "person".to_owned(), |s| s.value());
            on_correct.emit(Correction::Add { name: name.clone(), kind: k });
            on_done.emit(());
        })
    };
    let dismiss = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <form class="add-name" {onsubmit} aria-label="Add a name the analysis missed">
            <span>{ "Add " }<q>{ &props.name }</q>{ " as" }</span>
            <select ref={kind} aria-label="Type of name">
                { for [("person", "a person"), ("organization", "an organisation"), ("place", "a place"), ("group", "a group"), ("event", "an event"), ("work", "a work"), ("other", "another name")]
                    .iter().map(|(v, l)| html! { <option value={*v}>{ *l }</option> }) }
            </select>
            <button type="submit">{ "Add name" }</button>
            <button type="button" class="link" onclick={dismiss}>{ "Cancel" }</button>
        </form>
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
    // A new document: new marks (the index is rebuilt, nothing counts as marked); then mark.
    use_effect_with(props.doc.clone(), |_| web::index_marks());
    use_effect_with((props.doc.clone(), props.entity.clone()), |(_, id)| web::mark_selected(id.as_deref()));
    Html::default()
}
