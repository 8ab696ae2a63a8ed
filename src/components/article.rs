//! The article itself, rendered from the engine's blocks. All article text
//! reaches the DOM as text nodes.

use lede_engine::{Block, BlockKind, ByteSpan, Sentence};
use yew::prelude::*;

use super::DocRef;
use crate::format;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysed document.
    pub doc: DocRef,
}

/// The text of `span`, with each sentence in it wrapped in a `span.s`
/// (`data-sentence` is its index in the article).
fn sentences_html(text: &str, span: ByteSpan, sentences: &[(usize, Sentence)]) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut pos = span.start;
    for (i, s) in sentences.iter().filter(|(_, s)| span.contains(s.span)) {
        if s.span.start > pos {
            parts.push(Html::from(ByteSpan::new(pos, s.span.start).of(text)));
        }
        parts.push(html! { <span class="s" data-sentence={i.to_string()}>{ s.span.of(text) }</span> });
        pos = s.span.end;
    }
    if pos < span.end {
        parts.push(Html::from(ByteSpan::new(pos, span.end).of(text)));
    }
    parts.into_iter().collect()
}

fn block_html(text: &str, block: &Block, sentences: &[(usize, Sentence)]) -> Html {
    let body = sentences_html(text, block.body, sentences);
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

/// The article: headline, byline and date, then its blocks in order.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let doc = &props.doc.0;
    let (text, a) = (doc.text.as_str(), doc.article());
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
                    <h1>{ sentences_html(text, a.blocks[t].span, by_block(t)) }</h1>
                }
                <p class="meta">
                    if let Some(b) = byline { <span class="byline">{ b }</span> }
                    if let Some(p) = a.meta.published {
                        <time class="published" datetime={p.to_iso()}>{ p.to_human() }</time>
                    }
                </p>
            </header>
            { for a.blocks.iter().enumerate().map(|(i, b)| block_html(text, b, by_block(i))) }
        </article>
    }
}
