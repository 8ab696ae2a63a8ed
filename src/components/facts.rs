//! The sidebar's "about this article" panel.

use lede_engine::{BlockKind, EntityKind};
use yew::prelude::*;

use super::DocRef;
use crate::format;

/// Props of [`DocumentFacts`].
#[derive(Properties, PartialEq)]
pub struct DocumentFactsProps {
    /// The analysed document.
    pub doc: DocRef,
}

/// Facts about the document: publication, authors, length.
#[component]
pub fn DocumentFacts(props: &DocumentFactsProps) -> Html {
    let doc = &props.doc.0;
    let a = doc.article();
    let count = |k: EntityKind| doc.annotation.entities.iter().filter(|e| e.kind == k).count();
    let words = format::reading_words(&doc.text, a);
    let captions = a.blocks.iter().filter(|b| b.kind == BlockKind::Caption && b.duplicate_of.is_none()).count();
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
        </aside>
    }
}
