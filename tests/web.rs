//! Browser tests (wasm-bindgen-test in headless Chromium) for the parts that need a DOM.
//! Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use lede::web::{self, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> web_sys::Element {
    web_sys::window().unwrap().document().unwrap().document_element().unwrap()
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Let yew render and the browser run until `done` holds (at most `tries` rounds of `ms`).
async fn until(tries: usize, ms: i32, done: impl Fn() -> bool) {
    for _ in 0..tries {
        yew::scheduler::flush().await;
        if done() {
            return;
        }
        sleep_ms(ms).await;
    }
}

#[wasm_bindgen_test]
fn theme_is_applied_to_html_and_remembered() {
    web::apply_theme(Theme::Dark, true);
    assert_eq!(root().get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(web::stored_theme(), Some(Theme::Dark));
    web::apply_theme(Theme::Light, false);
    assert_eq!(root().get_attribute("data-theme").as_deref(), Some("light"));
    assert_eq!(web::stored_theme(), Some(Theme::Dark), "not remembered when asked not to");
    web::apply_theme(Theme::Light, true);
    assert_eq!(web::stored_theme(), Some(Theme::Light));
}

#[wasm_bindgen_test]
fn root_flags_toggle() {
    web::set_root_flag("data-probe", true);
    assert!(root().has_attribute("data-probe"));
    web::set_root_flag("data-probe", false);
    assert!(!root().has_attribute("data-probe"));
}

/// The test page has no `articles/default.txt`: the app must show a clear error, never a blank page.
#[wasm_bindgen_test]
async fn missing_article_gives_a_message_not_a_blank_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<lede::App>::with_root(host.clone()).render();
    until(100, 50, || root().has_attribute("data-error")).await;
    assert!(root().has_attribute("data-error"), "error flag set");
    assert!(!root().has_attribute("data-ready"));
    let alert = host.query_selector("[role=alert]").unwrap().expect("an alert is shown");
    let text = alert.dyn_into::<web_sys::HtmlElement>().unwrap().inner_text();
    assert!(text.contains("could not be loaded"), "{text}");
    assert!(text.contains("HTTP 404"), "{text}");
}

#[wasm_bindgen_test]
fn fatal_view_is_shown_once_and_keeps_the_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let before = document.body().unwrap().child_element_count();
    web::show_fatal("test detail <b>not markup</b>");
    web::show_fatal("second call is ignored");
    let panel = document.get_element_by_id("lede-fatal").expect("error view");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Lede stopped working") && text.contains("<b>not markup</b>"), "{text}");
    assert!(panel.query_selector("b").unwrap().is_none(), "details are text, not markup");
    assert_eq!(document.body().unwrap().child_element_count(), before + 1, "nothing removed, one view added");
    assert!(root().has_attribute("data-error"));
    panel.remove();
    web::set_root_flag("data-error", false);
}

/// The build prerenders the viewer (`lede-prerender`, yew's server renderer) and the viewer
/// hydrates that markup: the first client render must match it node for node. Rendered and
/// hydrated here from the same document, as the prerender and `lede::start` do.
#[wasm_bindgen_test]
async fn the_viewer_hydrates_its_prerendered_markup() {
    use lede::components::{Doc, DocRef};
    use std::rc::Rc;
    let text = "Harbour talks resume in Santos\nUpdated 10:00, 5-May-2022\nBy Ana Lima\n\
        The mayor of Santos, Rui Costa, met Omar Haddad of the Harbour Board on Monday.\n\
        Costa said the board would meet again on Friday, and the new quay opens in June 2023.\n";
    let json = lede_engine::to_json(text, &lede_engine::annotate(text, &lede_engine::Options::default()));
    let doc = || Some(DocRef(Rc::new(Doc::built_default(&json).expect("lede/1 reads back"))));
    let markup = yew::LocalServerRenderer::<lede::App>::with_props(lede::AppProps { initial: doc() }).render().await;
    assert!(markup.contains("Harbour talks resume in Santos") && markup.contains("<svg"), "prerendered: {markup}");

    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_inner_html(&markup);
    document.body().unwrap().append_child(&host).unwrap();
    let title = host.query_selector("article h1").unwrap().expect("a title in the markup");
    let marks = host.query_selector_all("mark[data-entity]").unwrap().length();
    assert!(marks > 0, "prerendered marks");

    // A mismatch panics (and fails this test).
    yew::Renderer::<lede::App>::with_root_and_props(host.clone(), lede::AppProps { initial: doc() }).hydrate();
    until(50, 20, || root().has_attribute("data-hydrated")).await;
    assert!(root().has_attribute("data-hydrated"), "the viewer says it is live");
    assert!(root().has_attribute("data-ready"), "and ready");
    let same = host.query_selector("article h1").unwrap().expect("still a title");
    assert!(same.is_same_node(Some(&title)), "hydration keeps the prerendered nodes");
    assert_eq!(host.query_selector_all("mark[data-entity]").unwrap().length(), marks, "no mark drawn twice");

    // And it is live: a click on a sidebar entry selects that name's marks.
    let entry: web_sys::HtmlElement = host.query_selector(".entities button.entity").unwrap().expect("a sidebar entry").dyn_into().unwrap();
    entry.click();
    until(50, 20, || host.query_selector("mark[data-selected]").unwrap().is_some()).await;
    assert!(host.query_selector("mark[data-selected]").unwrap().is_some(), "selecting works after hydration");
    host.remove();
}
