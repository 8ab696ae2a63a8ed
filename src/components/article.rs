//! The article itself, rendered from the engine's blocks, with every entity mention as a
//! `mark[data-entity]` and time expressions marked subtly. All article text reaches the DOM
//! as text nodes.

use lede_engine::{Block, BlockKind, ByteSpan, EntityKind, Sentence};
use yew::prelude::*;

use super::DocRef;
use crate::format;
use crate::state::Selection;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysed document.
    pub doc: DocRef,
    /// The current selection.
    #[prop_or_default]
    pub selection: Selection,
    /// Entity types whose highlights are off.
    #[prop_or_default]
    pub hidden: Vec<EntityKind>,
    /// A mention was clicked or activated: the entity id.
    #[prop_or_default]
    pub on_select_entity: Callback<String>,
}

/// What is drawn inline inside a sentence.
#[derive(Clone, Copy)]
enum Inline {
    /// Entity index.
    Mention(usize),
    /// A time expression.
    Timex,
}

/// Everything the article needs to draw, computed once per document.
struct Layout<'a> {
    text: &'a str,
    /// Non-overlapping inline marks, sorted by start.
    inlines: Vec<(ByteSpan, Inline)>,
    /// For each entity: (id, kind, card text).
    entities: Vec<(&'a str, EntityKind, String)>,
}

struct Ctx<'a, 'p> {
    layout: &'a Layout<'a>,
    props: &'p ArticleViewProps,
    /// Sentence index of the selected event, if any.
    event_sentence: Option<ByteSpan>,
    /// Entities taking part in the selected event.
    related: Vec<&'a str>,
}

impl Ctx<'_, '_> {
    /// Text of `span` with its inline marks.
    fn inline_html(&self, span: ByteSpan) -> Html {
        let text = self.layout.text;
        let inl = &self.layout.inlines;
        let first = inl.partition_point(|(s, _)| s.start < span.start);
        let mut parts: Vec<Html> = Vec::new();
        let mut pos = span.start;
        for &(s, what) in inl[first..].iter().take_while(|(s, _)| s.start < span.end) {
            if !span.contains(s) || s.start < pos {
                continue;
            }
            if s.start > pos {
                parts.push(Html::from(ByteSpan::new(pos, s.start).of(text)));
            }
            parts.push(self.mark(s, what));
            pos = s.end;
        }
        if pos < span.end {
            parts.push(Html::from(ByteSpan::new(pos, span.end).of(text)));
        }
        parts.into_iter().collect()
    }

    fn mark(&self, s: ByteSpan, what: Inline) -> Html {
        let text = s.of(self.layout.text);
        match what {
            Inline::Timex => html! { <time class="timex">{ text }</time> },
            Inline::Mention(e) => {
                let (id, kind, card) = &self.layout.entities[e];
                let selected = self.props.selection == Selection::Entity((*id).to_owned());
                let related = self.related.contains(id);
                let off = self.props.hidden.contains(kind);
                let class = classes!("ent", format!("t-{}", kind.name()), off.then_some("off"), related.then_some("related"));
                let id_owned = (*id).to_owned();
                let onclick = self.props.on_select_entity.reform(move |_: MouseEvent| id_owned.clone());
                let id_owned = (*id).to_owned();
                let on_select = self.props.on_select_entity.clone();
                let onkeydown = Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" || e.key() == " " {
                        e.prevent_default();
                        on_select.emit(id_owned.clone());
                    }
                });
                html! {
                    <mark class={class} data-entity={id.to_string()} data-card={card.clone()} aria-description={card.clone()}
                        data-selected={selected.then_some("")} tabindex="0" {onclick} {onkeydown}>{ text }</mark>
                }
            }
        }
    }

    /// The text of `span`, with each sentence in it wrapped in a `span.s`
    /// (`data-sentence` is its index in the article).
    fn sentences_html(&self, span: ByteSpan, sentences: &[(usize, Sentence)]) -> Html {
        let text = self.layout.text;
        let mut parts: Vec<Html> = Vec::new();
        let mut pos = span.start;
        for (i, s) in sentences.iter().filter(|(_, s)| span.contains(s.span)) {
            if s.span.start > pos {
                parts.push(self.inline_html(ByteSpan::new(pos, s.span.start)));
            }
            let current = self.event_sentence == Some(s.span);
            parts.push(html! {
                <span class={classes!("s", current.then_some("current"))} data-sentence={i.to_string()}>{ self.inline_html(s.span) }</span>
            });
            pos = s.span.end;
        }
        if pos < span.end {
            parts.push(Html::from(ByteSpan::new(pos, span.end).of(text)));
        }
        parts.into_iter().collect()
    }

    fn block_html(&self, block: &Block, sentences: &[(usize, Sentence)]) -> Html {
        let text = self.layout.text;
        let body = self.sentences_html(block.body, sentences);
        match block.kind {
            BlockKind::Paragraph => html! { <p>{ body }</p> },
            BlockKind::Caption if block.duplicate_of.is_none() => html! {
                <figure class="caption">
                    <figcaption>
                        { body }
                        if let Some(credit) = block.credit {
                            { " " }<small class="credit">{ "Photo: " }<span>{ credit.of(text) }</span></small>
                        }
                    </figcaption>
                </figure>
            },
            BlockKind::Note => {
                let label = ByteSpan::new(block.span.start, block.body.start).trim(text);
                html! {
                    <aside class="note" aria-label="Editor's note">
                        <p><strong>{ label.of(text) }</strong>{ " " }{ body }</p>
                    </aside>
                }
            }
            BlockKind::Footer => html! { <footer class="article-foot"><p>{ body }</p></footer> },
            // The title, dateline and byline are drawn in the header; chrome and repeated captions are not drawn.
            _ => Html::default(),
        }
    }
}

/// The article: headline, byline and date, then its blocks in order.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let doc = &props.doc.0;
    let (text, a) = (doc.text.as_str(), doc.article());
    let ann = &doc.annotation;
    // Inline marks: mentions first, then timexes that do not overlap one; sorted, disjoint.
    let mut inlines: Vec<(ByteSpan, Inline)> = Vec::new();
    for (i, e) in ann.entities.iter().enumerate() {
        inlines.extend(e.mentions.iter().map(|m| (*m, Inline::Mention(i))));
    }
    inlines.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<(ByteSpan, Inline)> = Vec::with_capacity(inlines.len());
    for item in inlines {
        if kept.last().is_none_or(|(s, _)| s.end <= item.0.start) {
            kept.push(item);
        }
    }
    let mut with_timex: Vec<(ByteSpan, Inline)> = Vec::with_capacity(kept.len() + ann.timexes.len());
    let mut k = 0;
    for t in &ann.timexes {
        while k < kept.len() && kept[k].0.start < t.span.start {
            with_timex.push(kept[k]);
            k += 1;
        }
        let clash = with_timex.last().is_some_and(|(s, _)| s.end > t.span.start) || kept.get(k).is_some_and(|(s, _)| s.start < t.span.end);
        if !clash {
            with_timex.push((t.span, Inline::Timex));
        }
    }
    with_timex.extend_from_slice(&kept[k..]);
    let entities = ann
        .entities
        .iter()
        .map(|e| {
            let mut card = format!("{} · {}", e.name, e.kind.name());
            if let Some(r) = &e.role {
                card.push_str(&format!(" · {r}"));
            }
            card.push_str(&format!(" · {} mention{}", e.mentions.len(), if e.mentions.len() == 1 { "" } else { "s" }));
            (e.id.as_str(), e.kind, card)
        })
        .collect();
    let layout = Layout { text, inlines: with_timex, entities };
    let event = match &props.selection {
        Selection::Event(id) => ann.events.iter().find(|e| &e.id == id),
        _ => None,
    };
    let ctx = Ctx {
        layout: &layout,
        props,
        event_sentence: event.map(|e| e.sentence),
        related: event.map(|e| e.entities.iter().map(String::as_str).collect()).unwrap_or_default(),
    };
    // Sentences grouped by block, numbered in article order (one pass: linear in the text).
    let mut per_block: Vec<Vec<(usize, Sentence)>> = vec![Vec::new(); a.blocks.len()];
    for (i, s) in a.sentences.iter().enumerate() {
        if let Some(v) = per_block.get_mut(s.block) {
            v.push((i, *s));
        }
    }
    let by_block = |i: usize| per_block.get(i).map_or(&[][..], Vec::as_slice);
    let title = a.blocks.iter().position(|b| b.kind == BlockKind::Title);
    let byline = format::authors_line(&a.meta.authors).or_else(|| {
        a.blocks.iter().find(|b| b.kind == BlockKind::Byline).map(|b| b.span.of(text).to_owned())
    });
    html! {
        <article class="article" lang="en">
            <header class="article-head">
                if let Some(t) = title {
                    <h1>{ ctx.sentences_html(a.blocks[t].span, by_block(t)) }</h1>
                }
                <p class="meta">
                    if let Some(b) = byline { <span class="byline">{ b }</span> }
                    if let Some(p) = a.meta.published {
                        <time class="published" datetime={p.to_iso()}>{ p.to_human() }</time>
                    }
                </p>
            </header>
            { for a.blocks.iter().enumerate().map(|(i, b)| ctx.block_html(b, by_block(i))) }
        </article>
    }
}
