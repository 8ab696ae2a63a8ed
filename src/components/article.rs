//! The article itself, rendered from the engine's blocks, with every entity mention as a
//! `mark[data-entity]` and time expressions marked subtly. All article text reaches the DOM
//! as text nodes.

use std::rc::Rc;

use lede_engine::{BlockKind, ByteSpan, EntityKind, Sentence};
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
struct Prepared {
    doc: DocRef,
    /// Non-overlapping inline marks, sorted by start.
    inlines: Vec<(ByteSpan, Inline)>,
    /// For each entity: (id, kind, card text).
    entities: Vec<(AttrValue, EntityKind, AttrValue)>,
    /// Sentences of each block, numbered in article order.
    per_block: Vec<Vec<(usize, Sentence)>>,
    /// Entity indices mentioned in each block.
    block_entities: Vec<Vec<usize>>,
}

/// A shared [`Prepared`], equal by pointer.
#[derive(Clone)]
struct PreparedRef(Rc<Prepared>);

impl PartialEq for PreparedRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn prepare(doc: &DocRef) -> Prepared {
    let ann = &doc.0.annotation;
    let a = &ann.article;
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
            (AttrValue::from(e.id.clone()), e.kind, AttrValue::from(card))
        })
        .collect();
    let mut per_block: Vec<Vec<(usize, Sentence)>> = vec![Vec::new(); a.blocks.len()];
    for (i, s) in a.sentences.iter().enumerate() {
        if let Some(v) = per_block.get_mut(s.block) {
            v.push((i, *s));
        }
    }
    // Entities per block, by walking blocks and sorted marks together.
    let mut block_entities: Vec<Vec<usize>> = vec![Vec::new(); a.blocks.len()];
    let mut order: Vec<usize> = (0..a.blocks.len()).collect();
    order.sort_by_key(|&b| a.blocks[b].span.start);
    let mut m = 0;
    for b in order {
        let span = a.blocks[b].span;
        while m < with_timex.len() && with_timex[m].0.start < span.start {
            m += 1;
        }
        let mut j = m;
        while j < with_timex.len() && with_timex[j].0.start < span.end {
            if let (Inline::Mention(e), true) = (with_timex[j].1, span.contains(with_timex[j].0)) {
                if !block_entities[b].contains(&e) {
                    block_entities[b].push(e);
                }
            }
            j += 1;
        }
    }
    Prepared { doc: doc.clone(), inlines: with_timex, entities, per_block, block_entities }
}

/// What one block needs to know about the selection (only what touches it, so that the
/// blocks a selection does not touch keep equal props and are not re-rendered).
#[derive(Properties, PartialEq)]
struct BlockProps {
    prepared: PreparedRef,
    index: usize,
    /// The selected event's sentence, when it is in this block.
    current: Option<ByteSpan>,
    /// The selected event's participants, when its sentence is in this block.
    related: Rc<Vec<String>>,
    /// Hidden types among those this block mentions.
    hidden: Rc<Vec<EntityKind>>,
    on_select_entity: Callback<String>,
}

struct Ctx<'a> {
    p: &'a Prepared,
    props: &'a BlockProps,
}

impl Ctx<'_> {
    fn text(&self) -> &str {
        &self.p.doc.0.text
    }

    /// Text of `span` with its inline marks.
    fn inline_html(&self, span: ByteSpan) -> Html {
        let text = self.text();
        let inl = &self.p.inlines;
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
        let text = s.of(self.text()).to_owned();
        match what {
            Inline::Timex => html! { <time class="timex">{ text }</time> },
            Inline::Mention(e) => {
                let (id, kind, card) = &self.p.entities[e];
                let related = self.props.related.iter().any(|r| r.as_str() == id.as_str());
                let off = self.props.hidden.contains(kind);
                let class = classes!("ent", format!("t-{}", kind.name()), off.then_some("off"), related.then_some("related"));
                let id_owned = id.to_string();
                let onclick = self.props.on_select_entity.reform(move |_: MouseEvent| id_owned.clone());
                let id_owned = id.to_string();
                let on_select = self.props.on_select_entity.clone();
                let onkeydown = Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" || e.key() == " " {
                        e.prevent_default();
                        on_select.emit(id_owned.clone());
                    }
                });
                html! {
                    <mark class={class} data-entity={id.clone()} data-card={card.clone()} aria-description={card.clone()}
                        tabindex="0" {onclick} {onkeydown}>{ text }</mark>
                }
            }
        }
    }

    /// The text of `span`, with each sentence in it wrapped in a `span.s`
    /// (`data-sentence` is its index in the article).
    fn sentences_html(&self, span: ByteSpan, sentences: &[(usize, Sentence)]) -> Html {
        let mut parts: Vec<Html> = Vec::new();
        let mut pos = span.start;
        for (i, s) in sentences.iter().filter(|(_, s)| span.contains(s.span)) {
            if s.span.start > pos {
                parts.push(self.inline_html(ByteSpan::new(pos, s.span.start)));
            }
            let current = self.props.current == Some(s.span);
            parts.push(html! {
                <span class={classes!("s", current.then_some("current"))} data-sentence={i.to_string()}>{ self.inline_html(s.span) }</span>
            });
            pos = s.span.end;
        }
        if pos < span.end {
            parts.push(Html::from(ByteSpan::new(pos, span.end).of(self.text()).to_owned()));
        }
        parts.into_iter().collect()
    }
}

/// One block of the article (a memoised component: re-rendered only when the selection touches it).
#[component]
fn BlockView(props: &BlockProps) -> Html {
    let p = &props.prepared.0;
    let ctx = Ctx { p, props };
    let text = ctx.text();
    let block = &p.doc.0.annotation.article.blocks[props.index];
    let sentences = p.per_block.get(props.index).map_or(&[][..], Vec::as_slice);
    let body = ctx.sentences_html(block.body, sentences);
    match block.kind {
        BlockKind::Title => html! { <h1>{ ctx.sentences_html(block.span, sentences) }</h1> },
        BlockKind::Paragraph => html! { <p>{ body }</p> },
        BlockKind::Caption if block.duplicate_of.is_none() => html! {
            <figure class="caption">
                <figcaption>
                    { body }
                    if let Some(credit) = block.credit {
                        { " " }<small class="credit">{ "Photo: " }<span>{ credit.of(text).to_owned() }</span></small>
                    }
                </figcaption>
            </figure>
        },
        BlockKind::Note => {
            let label = ByteSpan::new(block.span.start, block.body.start).trim(text);
            html! {
                <aside class="note" aria-label="Editor's note">
                    <p><strong>{ label.of(text).to_owned() }</strong>{ " " }{ body }</p>
                </aside>
            }
        }
        BlockKind::Footer => html! { <footer class="article-foot"><p>{ body }</p></footer> },
        // The byline as written, its names marked like any other mention; a bare name line
        // (many sites print the author's name alone) is introduced with "By".
        BlockKind::Byline => {
            let written = block.span.of(text);
            let says_by = written.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("by "));
            html! {
                <span class="byline">
                    if !says_by { { "By " } }
                    { ctx.inline_html(block.span) }
                </span>
            }
        }
        // The dateline is drawn in the header; chrome and repeated captions are not drawn.
        _ => Html::default(),
    }
}

/// Article blocks per chunk (see [`ArticleView`]).
pub const CHUNK_BLOCKS: usize = 12;

/// The article: headline, byline and date, then its blocks in order.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let prepared = {
        let doc = props.doc.clone();
        use_memo(doc, |doc| PreparedRef(Rc::new(prepare(doc))))
    };
    let prepared: PreparedRef = (*prepared).clone();
    let p = &prepared.0;
    let doc = &props.doc.0;
    let a = doc.article();
    let ann = &doc.annotation;
    let event = match &props.selection {
        Selection::Event(id) => ann.events.iter().find(|e| &e.id == id),
        _ => None,
    };
    let related: Rc<Vec<String>> = Rc::new(event.map(|e| e.entities.clone()).unwrap_or_default());
    let no_related: Rc<Vec<String>> = Rc::new(Vec::new());
    let hidden_all: Rc<Vec<EntityKind>> = Rc::new(props.hidden.clone());
    let no_hidden: Rc<Vec<EntityKind>> = Rc::new(Vec::new());
    let block = |i: usize| {
        let ents = p.block_entities.get(i).map_or(&[][..], Vec::as_slice);
        let current = event.map(|e| e.sentence).filter(|s| a.blocks[i].span.contains(*s));
        let touches_hidden = ents.iter().any(|&e| props.hidden.contains(&p.entities[e].1));
        html! {
            <BlockView key={i} prepared={prepared.clone()} index={i} {current}
                related={if current.is_some() { related.clone() } else { no_related.clone() }}
                hidden={if touches_hidden { hidden_all.clone() } else { no_hidden.clone() }}
                on_select_entity={props.on_select_entity.clone()} />
        }
    };
    let title = a.blocks.iter().position(|b| b.kind == BlockKind::Title);
    let shown: Vec<usize> = (0..a.blocks.len())
        .filter(|&i| Some(i) != title && matches!(a.blocks[i].kind, BlockKind::Paragraph | BlockKind::Caption | BlockKind::Note | BlockKind::Footer))
        .collect();
    let byline_block = a.blocks.iter().position(|b| b.kind == BlockKind::Byline);
    let byline = format::authors_line(&a.meta.authors);
    html! {
        <article class="article" id="article" lang="en" tabindex="-1">
            <header class="article-head">
                if let Some(t) = title {
                    { block(t) }
                }
                <p class="meta">
                    if let Some(i) = byline_block {
                        { block(i) }
                    } else if let Some(b) = byline {
                        <span class="byline">{ b }</span>
                    }
                    if let Some(p) = a.meta.published {
                        <time class="published" datetime={p.to_iso()}>{ p.to_human() }</time>
                    }
                </p>
            </header>
            // Blocks come in chunks of CHUNK_BLOCKS, each skipped by the browser while off screen
            // (`content-visibility: auto` in the stylesheet): a long article costs a few dozen
            // observed boxes, not thousands, in layout, hit testing and paint.
            { for shown.chunks(CHUNK_BLOCKS).enumerate().map(|(k, c)| html! {
                <div class="chunk" key={k}>{ for c.iter().copied().map(&block) }</div>
            }) }
        </article>
    }
}
