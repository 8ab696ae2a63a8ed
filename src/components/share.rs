//! The Share dialog: the deep link, an `<iframe>` snippet and a script snippet for the document
//! on screen, and the whole viewer with this document as one HTML file.

use yew::prelude::*;

use super::modal::{modal, use_modal};
use super::DocRef;
use crate::docs::{share, Origin};

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// The document on screen.
    pub doc: DocRef,
    /// The dialog was closed.
    pub on_close: Callback<()>,
}

/// A snippet to copy: its label, the text, a Copy button and, once copied, a visible "Copied".
fn snippet(id: &'static str, label: &'static str, value: String, copied: &UseStateHandle<Option<&'static str>>) -> Html {
    let onclick = {
        let (copied, value) = (copied.clone(), value.clone());
        Callback::from(move |_: MouseEvent| copied.set(crate::web::copy_text(&value).then_some(id)))
    };
    let done = **copied == Some(id);
    html! {
        <div class="snippet">
            <label for={id}>{ label }</label>
            <textarea id={id} readonly=true rows="4" value={value} />
            <p class="copy-row">
                <button type="button" class="copy" aria-describedby={id} {onclick}>{ "Copy" }</button>
                <span class="copied" role="status">{ if done { "Copied" } else { "" } }</span>
            </p>
        </div>
    }
}

/// The dialog (modal while open).
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let dialog = use_modal();
    let source = &props.doc.0.source;
    let base = crate::web::viewer_base();
    let shareable = matches!(source.origin, Origin::Url | Origin::Default) && source.corrections.is_empty() && source.date.is_none();
    let s = share(&base, source.url.as_deref(), &crate::web::current_hash());
    let problem = use_state(|| None::<String>);
    let copied = use_state(|| None::<&'static str>);
    let standalone = {
        let (doc, problem) = (props.doc.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (doc, problem) = (doc.clone(), problem.clone());
            crate::web::spawn(async move {
                problem.set(crate::web::download_standalone(&doc.0).await.err());
            });
        })
    };
    modal(
        dialog,
        "share-dialog",
        "share-h",
        "Share this article",
        &props.on_close,
        html! { <>
            if !shareable {
                <p class="hint">
                    { match source.origin {
                        Origin::Url => "This article has your corrections or your publication date, which a link cannot carry: the link and embeds below show it as Lede reads it. To share your version, download it as one HTML file, or export Lede JSON and publish that file.",
                        _ => "This article came from your computer, so a link cannot carry it. Download it as one HTML file that opens anywhere, or publish the text (or its Lede JSON export) at a web address and open it with “Open a web address”.",
                    } }
                </p>
            }
            // An address can be shared, as Lede reads it, even when the reader changed it.
            if shareable || source.origin == Origin::Url {
                { snippet("share-link", "Link (opens the article with the current selection)", s.link, &copied) }
                { snippet("share-iframe", "Embed with an iframe", s.iframe, &copied) }
                { snippet("share-script", "Embed with a script (the frame sizes itself to the article)", s.script, &copied) }
            }
            <p>
                <button type="button" class="primary standalone" onclick={standalone}>{ "Download standalone HTML" }</button>
            </p>
            <p class="hint">{ "One file with the viewer and this article inside: it opens from disk, without a network." }</p>
            if let Some(why) = &*problem {
                <p class="status error" role="alert">{ format!("The file could not be made: {why}") }</p>
            }
        </> },
    )
}
