//! Components rendered natively with yew's server renderer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use lede::{components::Doc, components::DocRef, App, ArticleView, ArticleViewProps, DocumentFacts, DocumentFactsProps};
use yew::LocalServerRenderer;

fn doc(text: &str) -> DocRef {
    DocRef(Rc::new(Doc::analyze(text.to_owned())))
}

async fn render_article(text: &str) -> String {
    LocalServerRenderer::<ArticleView>::with_props(yew::props!(ArticleViewProps { doc: doc(text) })).hydratable(false).render().await
}

const SAMPLE: &str = "Download\nSearch Trends\nPorts reopen after the storm\nUpdated 09:05, 2-Feb-2022\nBy Ana Lima\n\
Cranes stand idle at the harbour in Santos, Brazil, February 1, 2022. /Reuters\n\
Cranes stand idle at the harbour in Santos, Brazil, February 1, 2022. /Reuters\n\
Editor's note: Ana Lima covers shipping.\n\
The port reopened on Tuesday. Mr. Silva said the U.S. buyers were waiting.\n\
(If you want to contribute, write to us.)\n";

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The text a reader sees in rendered markup: tags removed (entities are left as written).
fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[tokio::test]
async fn article_renders_each_part_once_and_hides_chrome() {
    let html = render_article(SAMPLE).await;
    assert!(html.starts_with("<article"), "{html}");
    assert!(html.contains("<h1>"), "title as h1: {html}");
    assert!(html.contains("Ports reopen after the storm"));
    // The byline as written, its name a mark like any other mention.
    assert!(html.contains(r#"<span class="byline">By <mark"#), "byline: {html}");
    assert!(html.contains(">Ana Lima</mark></span>"), "byline name marked: {html}");
    assert!(html.contains(r#"datetime="2022-02-02T09:05""#));
    assert!(html.contains("2 February 2022, 09:05"));
    assert_eq!(count(&html, "<figure"), 1, "the repeated caption is drawn once: {html}");
    assert_eq!(count(&html, "Cranes stand idle"), 1);
    assert!(html.contains("<figcaption>"));
    assert!(html.contains("<span>Reuters</span>"), "credit: {html}");
    assert!(!html.contains("/Reuters"), "the credit slash is not shown");
    assert!(html.contains(r#"class="note""#) && html.contains("<aside"), "{html}");
    assert!(html.contains(r#"<footer class="article-foot">"#));
    assert!(!html.contains("Download") && !html.contains("Search Trends"), "chrome hidden");
    assert!(!html.contains("Updated 09:05"), "the raw dateline is replaced by the readable date");
    // Sentences are wrapped, and "Mr." / "U.S." do not split one.
    assert!(html.contains(r#"data-sentence"#));
    assert!(html.contains("data-sentence"), "{html}");
    // Every mention is a mark with its entity id; "Mr." and "U.S." stay inside one sentence.
    assert!(html.contains(r#"data-entity="silva""#), "{html}");
    let sentence = html.split(r#"data-sentence="#).find(|s| s.contains("Silva")).unwrap();
    assert!(sentence.contains("buyers were waiting."), "{sentence}");
}

#[tokio::test]
async fn article_text_is_escaped_never_markup() {
    let html = render_article("A <b>bold</b> title\nThe body says <script>alert(1)</script> and more words here.\n").await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(!html.contains("<b>"));
}

#[tokio::test]
async fn article_without_title_or_date_renders_what_it_has() {
    let html = render_article("just some words without any structure at all, but enough of them.").await;
    assert!(!html.contains("<h1"));
    assert!(!html.contains("<time"));
    assert!(html.contains("<p>"), "{html}");
    assert!(html.contains("just some words"));
    let empty = render_article("").await;
    assert!(empty.starts_with("<article"));
}

#[tokio::test]
async fn facts_panel() {
    let html = LocalServerRenderer::<DocumentFacts>::with_props(DocumentFactsProps {
        doc: doc(SAMPLE),
        on_undo: yew::Callback::noop(),
        on_redate: yew::Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("About this article"));
    assert!(html.contains("2 February 2022, 09:05"));
    assert!(html.contains("Ana Lima"));
    assert!(html.contains("min read"));
    // Counts come from the engine: one person in the body (Mr. Silva) plus the author.
    assert!(html.contains("<dt>People</dt><dd>2</dd>"), "{html}");
    assert!(html.contains("<dt>Places</dt>"));
}

#[tokio::test]
async fn app_shell_starts_loading() {
    let html = LocalServerRenderer::<App>::new().hydratable(false).render().await;
    assert!(html.contains("Loading the article"), "{html}");
    assert!(html.contains(r#"class="theme-toggle""#));
    assert!(html.contains("<main"));
}

#[tokio::test]
async fn a_bare_name_byline_is_introduced_with_by() {
    let text = "Ports reopen after the storm\nUpdated 09:05, 2-Feb-2022\nAna Lima\nThe port reopened on Tuesday, officials said.\n";
    let html = render_article(text).await;
    assert!(html.contains(r#"<span class="byline">By <mark"#), "byline: {html}");
    assert!(html.contains(">Ana Lima</mark></span>"), "byline name marked: {html}");
    assert_eq!(count(&html, "By "), 1, "one 'By': {html}");
}

/// The shipped default article (the real CGTN piece, raw as scraped) renders as a reader expects.
#[tokio::test]
async fn default_article_renders() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/articles/default.txt")).unwrap();
    let html = render_article(&text).await;
    let article = lede_engine::analyze(&text);
    let captions: Vec<_> = article.blocks.iter().filter(|b| b.kind == lede_engine::BlockKind::Caption).collect();
    let unique: Vec<_> = captions.iter().filter(|b| b.duplicate_of.is_none()).collect();
    assert!(unique.len() >= 2 && unique.len() * 2 == captions.len(), "each caption twice in the raw text");
    assert_eq!(count(&html, "<figure"), unique.len(), "each caption drawn once");
    for c in &unique {
        let credit = c.credit.expect("caption credit").of(&text);
        assert!(html.contains(&format!("<span>{credit}</span>")), "credit {credit} shown as a credit: {html}");
        assert!(!html.contains(&format!("/{credit}")), "the raw '/{credit}' is not shown as text");
    }
    let seen = visible_text(&html);
    assert!(seen.contains("China-Russia relations: An example to follow"), "title: {seen}");
    assert!(seen.contains("By Danil Bochkov24 March 2021, 15:18"), "byline, then the date: {seen}");
    assert!(html.contains(r#"<span class="byline">By <mark"#), "the byline's name is a mark: {html}");
    assert!(html.contains("24 March 2021, 15:18"));
    assert!(html.contains("<aside") && html.contains(r#"class="note""#), "editor's note as an aside");
    assert!(html.contains(r#"<footer class="article-foot">"#), "contribution footer");
    assert!(!html.contains("Search Trends") && !html.contains("Download"), "page chrome hidden");
    assert!(!html.contains("Updated 15:18"), "the raw dateline is replaced by the readable date");
}

use lede::components::{EntitySidebar, EntitySidebarProps, Timeline, TimelineProps};
use lede::state::Selection;

async fn render_sidebar(d: DocRef, selection: Selection, query: &str) -> String {
    let props = yew::props!(EntitySidebarProps {
        doc: d,
        selection,
        hidden: vec![],
        query: query.to_owned(),
        on_select: yew::Callback::noop(),
        on_toggle_type: yew::Callback::noop(),
        on_search: yew::Callback::noop(),
        on_jump: yew::Callback::noop(),
        on_correct: yew::Callback::noop(),
    });
    LocalServerRenderer::<EntitySidebar>::with_props(props).hydratable(false).render().await
}

async fn render_timeline(d: DocRef, selection: Selection, list_view: bool) -> String {
    let props = yew::props!(TimelineProps {
        doc: d,
        selection,
        list_view,
        on_select: yew::Callback::noop(),
        on_toggle_list: yew::Callback::noop(),
        on_correct: yew::Callback::noop(),
        on_step: yew::Callback::noop()
    });
    LocalServerRenderer::<Timeline>::with_props(props).hydratable(false).render().await
}

const STORY: &str = "Harbour deal signed\nUpdated 10:00, 5-May-2022\nBy Ana Lima\n\
The mayor of Santos, Rui Costa, met Omar Haddad on Monday. Costa said the deal was fair.\n\
The port was built in 1998 and expanded in 2019, Haddad said.\n";

#[tokio::test]
async fn every_mention_is_a_mark_and_dates_are_time_elements() {
    let d = doc(STORY);
    let html =
        LocalServerRenderer::<ArticleView>::with_props(yew::props!(ArticleViewProps { doc: d.clone(), selection: Selection::Entity("rui-costa".into()) }))
            .hydratable(false)
            .render()
            .await;
    let marks = html.matches(r#"data-entity="rui-costa""#).count();
    assert_eq!(marks, 2, "{html}");
    // `data-selected` is set in the browser after render (see web::mark_selected; checked end to end).
    assert!(html.contains("<time class=\"timex\">Monday</time>"), "{html}");
}

#[tokio::test]
async fn sidebar_groups_filters_and_details() {
    let d = doc(STORY);
    let html = render_sidebar(d.clone(), Selection::None, "").await;
    assert!(html.contains("People"), "{html}");
    assert!(html.contains(r#"data-entity="rui-costa""#) && html.contains(r#"aria-pressed="false""#));
    assert!(html.contains(r#"class="strip""#) && html.contains(r#"<path d="M"#), "mention strip: {html}");
    // Search by alias.
    let filtered = render_sidebar(d.clone(), Selection::None, "cost").await;
    assert!(filtered.contains("rui-costa") && !filtered.contains(r#"data-entity="omar-haddad""#), "{filtered}");
    // Selection: pressed, mentions with context, appears-with.
    let sel = render_sidebar(d, Selection::Entity("rui-costa".into()), "").await;
    assert!(sel.contains(r#"data-entity="rui-costa" aria-pressed="true""#), "{sel}");
    assert!(sel.contains("Mentions") && sel.contains("<strong>Costa</strong>"), "{sel}");
    assert!(sel.contains("Appears with"), "{sel}");
}

#[tokio::test]
async fn timeline_draws_each_event_focusable_and_a_table_view() {
    let d = doc(STORY);
    let n_events = d.0.annotation.events.len();
    assert!(n_events >= 3, "{:?}", d.0.annotation.events);
    let svg = render_timeline(d.clone(), Selection::None, false).await;
    assert_eq!(svg.matches("data-event=").count(), n_events, "{svg}");
    // One Tab stop (a roving tabindex): the first event holds it, the others are reached by arrows.
    assert_eq!(svg.matches(r#"tabindex="0" role="listitem""#).count(), 1, "{svg}");
    assert_eq!(svg.matches(r#"tabindex="-1" role="listitem""#).count(), n_events - 1, "{svg}");
    assert!(svg.contains("g-year") && svg.contains("g-day"), "honest granularity classes: {svg}");
    assert!(svg.contains("Published"), "publication marker");
    let dimmed = render_timeline(d.clone(), Selection::Entity("omar-haddad".into()), false).await;
    assert!(dimmed.contains(" dim"), "events without the entity are dimmed");
    let table = render_timeline(d, Selection::None, true).await;
    assert!(table.contains("<table") && table.matches("data-event=").count() == n_events, "{table}");
}
