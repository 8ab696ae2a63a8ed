//! The sidebar's "about this article" panel.

use lede_engine::{export, BlockKind, EntityKind};
use yew::prelude::*;

use super::{Doc, DocRef};
use crate::{format, web};

/// The base of file names for `doc`: its title's first eight words as a slug ("article"
/// without a title).
pub fn file_base(doc: &Doc) -> String {
    let title = doc.article().meta.title.as_deref().filter(|t| t.chars().any(char::is_alphanumeric)).unwrap_or("article");
    lede_engine::slug(title).split('-').take(8).collect::<Vec<_>>().join("-")
}

/// File name and media type of the document exported as `format` (a name in the engine's
/// [`export::FORMATS`], which the CLI's `--to` reads too).
pub fn export_name(doc: &Doc, format: &str) -> Option<(String, &'static str)> {
    let f = export::format(format)?;
    Some((format!("{}{}", file_base(doc), f.suffix), f.mime))
}

/// Export `doc` as `format` and download it. The engine writes it, in the analysis worker (the
/// viewer's Wasm carries no writers); Web Annotations name the article's address when it came
/// from one. `done` hears a message for the reader when it failed, else none.
fn export_and_download(doc: DocRef, format: &'static str, done: Callback<Option<String>>) {
    let Some((name, mime)) = export_name(&doc.0, format) else { return };
    web::spawn(async move {
        let docid = file_base(&doc.0);
        match web::export(&doc.0.json, format, doc.0.source.url.as_deref(), &docid).await {
            Ok(content) => {
                web::download(&name, mime, &content);
                done.emit(None);
            }
            Err(why) => done.emit(Some(format!("{name} could not be made: {why}"))),
        }
    });
}

/// Props of [`DocumentFacts`].
#[derive(Properties, PartialEq)]
pub struct DocumentFactsProps {
    /// The analysed document.
    pub doc: DocRef,
    /// Undo the reader's correction at this index.
    pub on_undo: Callback<usize>,
    /// Analyse again with this publication date (none: the document's own dateline).
    pub on_redate: Callback<Option<String>>,
}

/// Facts about the document: publication, authors, length.
#[component]
pub fn DocumentFacts(props: &DocumentFactsProps) -> Html {
    let doc = &props.doc.0;
    let a = doc.article();
    let count = |k: EntityKind| doc.annotation.entities.iter().filter(|e| e.kind == k).count();
    let words = format::reading_words(&doc.text, a);
    let captions = a.blocks.iter().filter(|b| b.kind == BlockKind::Caption && b.duplicate_of.is_none()).count();
    let date_input = use_node_ref();
    let redate = {
        let (input, on) = (date_input.clone(), props.on_redate.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                let v = i.value();
                on.emit((!v.trim().is_empty()).then_some(v));
            }
        })
    };
    let use_dateline = props.on_redate.reform(|_: MouseEvent| None);
    let reference = doc.source.date.clone().or_else(|| doc.annotation.reference.map(|r| r.to_iso().chars().take(10).collect()));
    let fixes = &doc.source.corrections;
    // The export under way (its format), and why the last one failed.
    let exporting = use_state(|| None::<&'static str>);
    let export_problem = use_state(|| None::<String>);
    html! {
        <aside class="sidebar" aria-labelledby="facts-h">
            <h2 id="facts-h">{ "About this article" }</h2>
            <dl class="facts">
                if let Some(p) = a.meta.published {
                    <dt>{ "Published" }</dt><dd><time datetime={p.to_iso()}>{ p.to_human() }</time></dd>
                }
                if !a.meta.authors.is_empty() {
                    <dt>{ if a.meta.authors.len() == 1 { "Author" } else { "Authors" } }</dt>
                    <dd>{ a.meta.authors.join(", ") }</dd>
                }
                <dt>{ "Length" }</dt>
                <dd>{ format!("{words} words, {} min read", format::reading_minutes(words)) }</dd>
                <dt>{ "Sentences" }</dt><dd>{ a.sentences.len() }</dd>
                <dt>{ "Photos" }</dt><dd>{ captions }</dd>
                <dt>{ "People" }</dt><dd>{ count(EntityKind::Person) }</dd>
                <dt>{ "Organisations" }</dt><dd>{ count(EntityKind::Organization) }</dd>
                <dt>{ "Places" }</dt><dd>{ count(EntityKind::Place) }</dd>
                <dt>{ "Dated events" }</dt><dd>{ doc.annotation.events.len() }</dd>
            </dl>
            <form class="redate" onsubmit={redate}>
                <label for="ref-date">{ "Dates are resolved against" }</label>
                <input id="ref-date" type="date" ref={date_input} value={reference.unwrap_or_default()} />
                <button type="submit">{ "Re-date" }</button>
                if doc.source.date.is_some() {
                    <button type="button" class="link" onclick={use_dateline}>{ "Use the article's own date" }</button>
                }
            </form>
            if !fixes.is_empty() {
                <h2 id="fixes-h">{ "Your corrections" }</h2>
                <ol class="fixes" aria-labelledby="fixes-h">
                    { for fixes.iter().enumerate().map(|(i, c)| {
                        let onclick = props.on_undo.reform(move |_: MouseEvent| i);
                        html! { <li><span>{ c.describe(&doc.annotation) }</span>{ " " }<button type="button" class="link undo" {onclick}>{ "Undo" }</button></li> }
                    }) }
                </ol>
            }
            <h2 id="export-h">{ "Export" }</h2>
            <ul class="exports" aria-labelledby="export-h">
                { for export::FORMATS.iter().map(|f| {
                    let (d, busy, problem) = (props.doc.clone(), exporting.clone(), export_problem.clone());
                    let onclick = Callback::from(move |_: MouseEvent| {
                        busy.set(Some(f.name));
                        problem.set(None);
                        let (busy, problem) = (busy.clone(), problem.clone());
                        export_and_download(d.clone(), f.name, Callback::from(move |why: Option<String>| {
                            busy.set(None);
                            problem.set(why);
                        }));
                    });
                    let pending = *exporting == Some(f.name);
                    html! {
                        <li><button type="button" class="link" data-export={f.name} aria-busy={pending.then_some("true")} {onclick}>
                            { f.label }{ if pending { " (preparing…)" } else { "" } }
                        </button></li>
                    }
                }) }
            </ul>
            if let Some(why) = &*export_problem {
                <p class="export-problem" role="alert">{ why }</p>
            }
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::export_name;
    use crate::components::Doc;

    #[test]
    fn every_registered_format_downloads_with_its_own_file_name() {
        let doc = Doc::analyze("Ports reopen\nThe port of Santos reopened on Tuesday, officials said.\n".to_owned());
        let mut names = std::collections::HashSet::new();
        for f in lede_engine::export::FORMATS {
            let (name, mime) = export_name(&doc, f.name).unwrap();
            assert!(name.starts_with("ports-reopen") && name.ends_with(f.suffix) && mime == f.mime, "{name} {mime}");
            assert!(names.insert(name), "file names differ by format");
        }
        assert!(export_name(&doc, "json").is_some(), "the CLI's alias works too");
        assert!(export_name(&doc, "pdf").is_none());
    }
}
