//! The Open dialog: paste an article (with its publication date), choose a file, give a web
//! address, or reopen a recent document.

use yew::prelude::*;

use super::modal::{modal, use_modal};
use crate::docs::{Origin, Recent};
use crate::load::OpenRequest;

/// Props of [`OpenDialog`].
#[derive(Properties, PartialEq)]
pub struct OpenDialogProps {
    /// Documents kept in this browser, newest first.
    pub recent: Vec<Recent>,
    /// The reader chose something to open.
    pub on_open: Callback<OpenRequest>,
    /// Delete a kept document (by id).
    pub on_forget: Callback<String>,
    /// The dialog was closed.
    pub on_close: Callback<()>,
}

/// What a file chooser accepts.
pub const ACCEPT: &str = ".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json";

/// Read a chosen or dropped file, then ask to open it (or say why it cannot be).
pub fn read_and_open(file: web_sys::File, on_open: Callback<OpenRequest>) {
    use std::rc::Rc;
    let name = file.name();
    // Refused before reading: the same check the importer makes.
    if let Err(why) = lede_engine::import::check_size(&name, file.size() as usize) {
        on_open.emit(OpenRequest::Refused(format!("{name} could not be opened"), why.to_string()));
        return;
    }
    crate::web::spawn(async move {
        match crate::web::read_file(&file).await {
            Ok(bytes) => on_open.emit(OpenRequest::File { name, bytes: Rc::new(bytes) }),
            Err(why) => on_open.emit(OpenRequest::Refused(format!("{name} could not be opened"), why)),
        }
    });
}

/// What a paste is called in messages about its size.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used where the browser reads pastes
pub(crate) const PASTED: &str = "The pasted text";

fn origin_label(o: Origin) -> &'static str {
    match o {
        Origin::Default => "sample article",
        Origin::Pasted => "pasted",
        Origin::File => "file",
        Origin::Url => "web address",
    }
}

/// The dialog (modal while open).
#[component]
pub fn OpenDialog(props: &OpenDialogProps) -> Html {
    let dialog = use_modal();
    // The text box is not mirrored in state: a pasted 20 MB article would be copied between
    // JavaScript and Wasm (and laid out again) on every keystroke. It is read on "Analyse".
    let area = use_node_ref();
    let date = use_state(String::new);
    // Once the reader types a date, the dateline no longer fills it in.
    let date_touched = use_mut_ref(|| false);
    let url = use_state(String::new);

    // The reader is about to bring an article: fetch and compile the engine meanwhile.
    use_effect_with((), |_| crate::web::warm_engine());

    let on_text = {
        let (date, touched) = (date.clone(), date_touched.clone());
        Callback::from(move |e: InputEvent| {
            if !*touched.borrow() {
                // The dateline sits at the top: look there only (without copying the rest of a
                // long paste out of the text box), off the main thread.
                let head = crate::web::text_head(&e, 4000);
                let (date, touched) = (date.clone(), touched.clone());
                crate::web::spawn(async move {
                    if let Some(d) = crate::web::find_dateline(&head).await {
                        if !*touched.borrow() {
                            date.set(d);
                        }
                    }
                });
            }
        })
    };
    // A paste over the size limit is refused before it reaches the text box: laying out tens of
    // megabytes of text in a text box alone would freeze the page for seconds.
    let on_paste = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            let Some(text) = crate::web::pasted_text(&e) else { return };
            if let Err(why) = lede_engine::import::check_size(PASTED, text.len()) {
                e.prevent_default();
                on_open.emit(OpenRequest::Refused("The pasted text could not be opened".to_owned(), why.to_string()));
            }
        })
    };
    let on_date = {
        let (date, touched) = (date.clone(), date_touched.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            *touched.borrow_mut() = true;
            date.set(input.value());
        })
    };
    let analyse = {
        let (area, date, on_open) = (area.clone(), date.clone(), props.on_open.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let d = date.trim();
            let text = area.cast::<web_sys::HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            on_open.emit(OpenRequest::Paste { text, date: (!d.is_empty()).then(|| d.to_owned()) });
        })
    };
    let on_file = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_and_open(file, on_open.clone());
            }
        })
    };
    let on_url = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            url.set(input.value());
        })
    };
    let open_url = {
        let (url, on_open) = (url.clone(), props.on_open.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_open.emit(OpenRequest::Url(url.trim().to_owned()));
        })
    };
    let open_default = props.on_open.reform(|_: MouseEvent| OpenRequest::Default);

    modal(
        dialog,
        "open-dialog",
        "open-h",
        "Open an article",
        &props.on_close,
        html! { <>
            <form class="paste" onsubmit={analyse}>
                <h3>{ "Paste its text" }</h3>
                <label for="paste-text">{ "Article text" }</label>
                <textarea id="paste-text" rows="8" ref={area} oninput={on_text} onpaste={on_paste}
                    placeholder="Paste the article here: headline, dateline and body as they come." />
                <label for="paste-date">{ "Publication date" }</label>
                <input id="paste-date" type="date" value={(*date).clone()} oninput={on_date} aria-describedby="paste-date-hint" />
                <p class="hint" id="paste-date-hint">{ "Relative dates (“yesterday”, “on Monday”) are resolved against it. Filled in from the article's dateline when it has one; leave it empty to use the dateline." }</p>
                <button type="submit" class="primary">{ "Analyse" }</button>
            </form>
            <div class="file">
                <h3><label for="open-file">{ "Open a file" }</label></h3>
                <input id="open-file" type="file" accept={ACCEPT} onchange={on_file} aria-describedby="open-file-hint" />
                <p class="hint" id="open-file-hint">
                    { format!("Text, Markdown, a saved web page (its article), Lede JSON, TimelineJS JSON or spaCy/displaCy JSON; articles of up to {} MB (JSON files up to {} MB). You can also drop a file anywhere on the page.", lede_engine::import::MAX_INPUT_BYTES / 1_048_576, lede_engine::import::MAX_JSON_BYTES / 1_048_576) }
                </p>
            </div>
            <form class="address" onsubmit={open_url}>
                <h3><label for="open-url">{ "Open a web address" }</label></h3>
                <input id="open-url" type="url" placeholder="https://example.org/article.txt" value={(*url).clone()} oninput={on_url} aria-describedby="open-url-hint" />
                <button type="submit">{ "Open" }</button>
                <p class="hint" id="open-url-hint">{ "http or https, or an address relative to this page. The site must let other pages read it (CORS); if it does not, save the page and open the file." }</p>
            </form>
            <div class="bookmarklet">
                <h3 id="bookmarklet-h">{ "Open in Lede from any page" }</h3>
                // Dragged to the bookmarks bar, not followed here (the page's CSP would not run it).
                <p><a class="bookmarklet-link" href={crate::docs::bookmarklet(&crate::web::viewer_base())} aria-describedby="bookmarklet-hint"
                    onclick={Callback::from(|e: MouseEvent| e.prevent_default())}>{ "Open in Lede" }</a></p>
                <p class="hint" id="bookmarklet-hint">{ "Drag this link to your bookmarks bar. On a news page, click the bookmark: Lede opens in a new tab with that page's article, read in your browser (nothing is sent anywhere else), even from sites that do not let other pages fetch them." }</p>
            </div>
            <div class="recent">
                <h3 id="recent-h">{ "Kept in this browser" }</h3>
                <ul aria-labelledby="recent-h">
                    { for props.recent.iter().map(|r| {
                        let (id, id2) = (r.id.clone(), r.id.clone());
                        let open = props.on_open.reform(move |_: MouseEvent| OpenRequest::Recent(id.clone()));
                        let forget = props.on_forget.reform(move |_: MouseEvent| id2.clone());
                        html! {
                            <li data-doc={r.id.clone()}>
                                <button type="button" class="link reopen" onclick={open}>{ &r.title }</button>
                                <span class="meta">{ format!(" {} · {} characters ", origin_label(r.origin), r.chars) }</span>
                                <button type="button" class="delete" aria-label={format!("Delete {}", r.title)} onclick={forget}>{ "Delete" }</button>
                            </li>
                        }
                    }) }
                    <li><button type="button" class="link reopen-default" onclick={open_default}>{ "The sample article" }</button></li>
                </ul>
            </div>
        </> },
    )
}
