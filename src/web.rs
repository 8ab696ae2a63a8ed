//! The few places the app touches the browser. Natively (SSR tests) they do nothing.

/// The reader's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on a light page.
    Light,
    /// Light text on a dark page.
    Dark,
}

impl Theme {
    /// The value of `html[data-theme]` and of the stored preference.
    pub const fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parse a stored preference.
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The other theme.
    pub const fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// localStorage key of the reader's explicit theme choice.
pub const THEME_KEY: &str = "lede-theme";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Theme, THEME_KEY};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    fn root() -> Option<web_sys::Element> {
        web_sys::window()?.document()?.document_element()
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn stored_theme() -> Option<Theme> {
        Theme::parse(&storage()?.get_item(THEME_KEY).ok()??)
    }

    pub fn system_theme() -> Theme {
        let dark = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches());
        if dark {
            Theme::Dark
        } else {
            Theme::Light
        }
    }

    pub fn apply_theme(theme: Theme, remember: bool) {
        if let Some(root) = root() {
            let _ = root.set_attribute("data-theme", theme.name());
        }
        if remember {
            if let Some(s) = storage() {
                let _ = s.set_item(THEME_KEY, theme.name());
            }
        }
    }

    pub fn set_root_flag(name: &str, on: bool) {
        if let Some(root) = root() {
            let _ = if on { root.set_attribute(name, "") } else { root.remove_attribute(name) };
        }
    }

    pub fn current_hash() -> String {
        web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
    }

    /// Make the URL fragment `hash` ('' for none), keeping a history entry; written once the
    /// frame showing the selection has painted.
    pub fn set_hash(hash: &str) {
        set_hash_soon(hash);
    }

    /// Call `f` with the new fragment on every hashchange/popstate; the returned guard removes the listener.
    pub fn on_hash_change(f: impl Fn(String) + 'static) -> impl Drop {
        use wasm_bindgen::closure::Closure;
        struct Guard(Option<Closure<dyn Fn()>>);
        impl Drop for Guard {
            fn drop(&mut self) {
                if let (Some(w), Some(c)) = (web_sys::window(), self.0.take()) {
                    let _ = w.remove_event_listener_with_callback("popstate", c.as_ref().unchecked_ref());
                    let _ = w.remove_event_listener_with_callback("hashchange", c.as_ref().unchecked_ref());
                }
            }
        }
        let c = Closure::<dyn Fn()>::new(move || f(current_hash()));
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("popstate", c.as_ref().unchecked_ref());
            let _ = w.add_event_listener_with_callback("hashchange", c.as_ref().unchecked_ref());
        }
        Guard(Some(c))
    }

    fn reduced_motion() -> bool {
        web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
    }

    /// Scroll an element into view (smoothly unless the reader prefers reduced motion),
    /// optionally focus it, and flash it.
    pub fn reveal(selector: &str, nth: usize, focus: bool) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(list) = doc.query_selector_all(selector) else { return };
        let Some(el) = list.item(nth as u32).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(if reduced_motion() { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if focus {
            let _ = el.focus();
        }
        let cl = el.class_list();
        let _ = cl.remove_1("flash");
        let _ = el.offset_width(); // restart the animation
        let _ = cl.add_1("flash");
    }

    // The page's few JavaScript helpers live in one module file (no inline script, so a strict
    // CSP holds), bound here.
    #[wasm_bindgen::prelude::wasm_bindgen(module = "/src/web.js")]
    extern "C" {
        #[wasm_bindgen(js_name = markSelected)]
        fn mark_selected_js(id: Option<String>);
        #[wasm_bindgen(js_name = toggleMarked)]
        fn toggle_marked_js(id: &str);
        #[wasm_bindgen(js_name = setHashSoon)]
        fn set_hash_soon(hash: &str);
        #[wasm_bindgen(js_name = focusFirst)]
        fn focus_first_js(selector: &str) -> bool;
        #[wasm_bindgen(js_name = copyText)]
        fn copy_text_js(text: &str) -> bool;
        #[wasm_bindgen(js_name = onEscape)]
        fn on_escape_js(f: &wasm_bindgen::closure::Closure<dyn Fn()>) -> js_sys::Function;
        #[wasm_bindgen(js_name = receiveOpenerPage)]
        fn receive_opener_page_js(got: &js_sys::Function, none: &js_sys::Function);
        #[wasm_bindgen(js_name = onSelectionText)]
        fn on_selection_text_js(f: &wasm_bindgen::closure::Closure<dyn Fn(String)>) -> js_sys::Function;
        #[wasm_bindgen(js_name = onPlainKey)]
        fn on_plain_key_js(f: &wasm_bindgen::closure::Closure<dyn Fn(String)>) -> js_sys::Function;
        #[wasm_bindgen(js_name = scrollChart)]
        fn scroll_chart_js(selector: &str, to_start: bool);
        #[wasm_bindgen(js_name = setQuerySrc)]
        pub fn set_query_src_js(src: Option<String>);
        #[wasm_bindgen(js_name = fullViewUrl)]
        pub fn full_view_url() -> String;
        #[wasm_bindgen(js_name = postHeightOnResize)]
        pub fn post_height_on_resize();
        #[wasm_bindgen(js_name = viewerBase)]
        pub fn viewer_base() -> String;
        #[wasm_bindgen(js_name = standaloneSource)]
        fn standalone_source_js() -> Option<String>;
        #[wasm_bindgen(js_name = downloadStandalone)]
        fn download_standalone_js(source: &str, title: &str, name: &str) -> js_sys::Promise;
        #[wasm_bindgen(js_name = indexMarks)]
        fn index_marks_js();
        #[wasm_bindgen(js_name = download)]
        fn download_js(name: &str, mime: &str, text: &str);
        #[wasm_bindgen(js_name = analyze)]
        fn analyze_js(name: &str, bytes: &[u8], date: &str, corrections: &str, progress: &js_sys::Function) -> js_sys::Promise;
        #[wasm_bindgen(js_name = correct)]
        fn correct_js(json: &str, corrections: &str, strict: bool) -> js_sys::Promise;
        #[wasm_bindgen(js_name = exportDocument)]
        fn export_js(json: &str, format: &str, source: Option<String>, docid: &str) -> js_sys::Promise;
        #[wasm_bindgen(js_name = findDateline)]
        fn find_dateline_js(text: &str) -> js_sys::Promise;
        #[wasm_bindgen(js_name = defaultAnalysis)]
        fn default_analysis_js(url: &str) -> js_sys::Promise;
        /// The prerender's key on `root` when this visit should hydrate its markup, else none.
        pub fn prerendered(root: &web_sys::Element) -> Option<String>;
        /// Empty `root` of prerendered markup this visit does not show.
        #[wasm_bindgen(js_name = clearPrerendered)]
        pub fn clear_prerendered(root: &web_sys::Element);
        /// Whether a hydration is under way (a panic then means a mismatch).
        pub fn hydrating(on: bool);
        #[wasm_bindgen(js_name = afterPaint)]
        fn after_paint_js() -> js_sys::Promise;
        /// The prerendered page is live (`html[data-hydrated]`).
        #[wasm_bindgen(js_name = hydrationDone)]
        pub fn hydration_done();
        /// After a panic: when it happened while hydrating, reload once to render afresh (true).
        #[wasm_bindgen(js_name = retryWithoutHydration)]
        pub fn retry_without_hydration(detail: &str) -> bool;
        /// Start loading the analysis engine before it is needed.
        #[wasm_bindgen(js_name = warmEngine)]
        pub fn warm_engine();
    }

    fn js_message(e: wasm_bindgen::JsValue) -> String {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "an unknown error".to_owned())
    }

    /// Read and analyse a document in the Web Worker (see `src/web.js`), then replay
    /// `corrections` (a JSON list, empty for none) on it: the `lede/1` JSON, or a message for
    /// the reader. `progress` hears the share of the work done.
    pub async fn analyze(name: &str, bytes: &[u8], date: Option<&str>, corrections: &str, progress: impl FnMut(f64) + 'static) -> Result<String, String> {
        let progress = wasm_bindgen::closure::Closure::<dyn FnMut(f64)>::new(progress);
        let result = JsFuture::from(analyze_js(name, bytes, date.unwrap_or(""), corrections, progress.as_ref().unchecked_ref())).await;
        drop(progress);
        result.map(|v| v.as_string().unwrap_or_default()).map_err(js_message)
    }

    /// The `lede/1` JSON `json` with `corrections` (a JSON list) applied by the engine in the
    /// worker; with `strict` (the reader's new corrections), a message when one cannot be made.
    pub async fn correct(json: &str, corrections: &str, strict: bool) -> Result<String, String> {
        JsFuture::from(correct_js(json, corrections, strict)).await.map(|v| v.as_string().unwrap_or_default()).map_err(js_message)
    }

    /// The `lede/1` JSON `json` exported as `format` by the engine in the worker.
    pub async fn export(json: &str, format: &str, source: Option<&str>, docid: &str) -> Result<String, String> {
        JsFuture::from(export_js(json, format, source.map(str::to_owned), docid)).await.map(|v| v.as_string().unwrap_or_default()).map_err(js_message)
    }

    /// The element the viewer lives in: `#lede`, else the body.
    pub fn app_root() -> web_sys::Element {
        let doc = web_sys::window().and_then(|w| w.document()).expect("a page has a document");
        doc.get_element_by_id(crate::ROOT_ID).or_else(|| doc.body().map(Into::into)).expect("a page has a body")
    }

    /// Resolves once the page has painted.
    pub async fn after_paint() {
        let _ = JsFuture::from(after_paint_js()).await;
    }

    /// The default article's `lede/1` analysis from the build, if the site has it.
    pub async fn default_analysis() -> Option<String> {
        JsFuture::from(default_analysis_js(crate::DEFAULT_ANALYSIS)).await.ok()?.as_string()
    }

    /// The publication date `text` gives itself (`YYYY-MM-DD`), if any (asked of the worker).
    pub async fn find_dateline(text: &str) -> Option<String> {
        JsFuture::from(find_dateline_js(text)).await.ok()?.as_string()
    }

    /// The bytes of a file the reader chose or dropped.
    pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
        let buf = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{} could not be read: {}", file.name(), js_message(e)))?;
        Ok(js_sys::Uint8Array::new(&buf).to_vec())
    }

    /// Fetch `url` (already checked to be http or https) as bytes, with a name that tells the
    /// importer what it is. Every failure is a message that says what to do.
    pub async fn fetch_document(url: &str) -> Result<(String, Vec<u8>), String> {
        let window = web_sys::window().ok_or("no window")?;
        let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| {
            format!(
                "Lede could not read {url}. Either the site does not let other pages read it (it sends no CORS header), or the network failed. \
                 Save the page and open the file instead (Open → Choose a file), or host it where it may be read (Access-Control-Allow-Origin)."
            )
        })?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
        if !response.ok() {
            let status = response.status();
            let why = match status {
                404 | 410 => "there is no document at that address; check it",
                401 | 403 => "the site refuses to give it out",
                _ => "the site could not serve it",
            };
            return Err(format!("{url} answered HTTP {status} {}: {why}.", response.status_text()));
        }
        let kind = response.headers().get("content-type").ok().flatten().unwrap_or_default();
        let buf = JsFuture::from(response.array_buffer().map_err(js_message)?).await.map_err(js_message)?;
        Ok((crate::docs::name_for_url(url, &kind), js_sys::Uint8Array::new(&buf).to_vec()))
    }

    /// Put `src` in the page's `?src=` (or remove it), without a history entry.
    pub fn set_query_src(src: Option<&str>) {
        set_query_src_js(src.map(str::to_owned));
    }

    /// The document a standalone file carries, if this page is one.
    pub fn standalone_source() -> Option<crate::docs::Source> {
        crate::docs::parse_source(&standalone_source_js()?)
    }

    /// Save the viewer and `doc` as one HTML file; a message for the reader if it failed.
    pub async fn download_standalone(doc: &crate::components::Doc) -> Result<(), String> {
        let source = serde_json::to_string(&doc.source).unwrap_or_default();
        let name = format!("{}.html", crate::components::file_base(doc));
        JsFuture::from(download_standalone_js(&source, &doc.title(), &name)).await.map(|_| ()).map_err(js_message)
    }

    /// Milliseconds since 1970.
    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    /// Focus the first element matching `selector` (HTML or SVG); whether it took focus.
    pub fn focus(selector: &str) -> bool {
        focus_first_js(selector)
    }

    /// Put `text` on the clipboard; whether it was handed over.
    pub fn copy_text(text: &str) -> bool {
        copy_text_js(text)
    }

    /// A document listener: dropping it removes the listener.
    struct Listener<T: ?Sized + wasm_bindgen::closure::WasmClosure> {
        _closure: wasm_bindgen::closure::Closure<T>,
        remove: js_sys::Function,
    }

    impl<T: ?Sized + wasm_bindgen::closure::WasmClosure> Drop for Listener<T> {
        fn drop(&mut self) {
            let _ = self.remove.call0(&wasm_bindgen::JsValue::NULL);
        }
    }

    /// Call `f` when Escape is pressed outside an open dialog; the guard removes the listener.
    pub fn on_escape(f: impl Fn() + 'static) -> impl Drop {
        let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
        let remove = on_escape_js(&closure);
        Listener { _closure: closure, remove }
    }

    /// Call `f` with the key of every plain key press outside text fields and dialogs; the
    /// guard removes the listener.
    pub fn on_plain_key(f: impl Fn(String) + 'static) -> impl Drop {
        let closure = wasm_bindgen::closure::Closure::<dyn Fn(String)>::new(f);
        let remove = on_plain_key_js(&closure);
        Listener { _closure: closure, remove }
    }

    /// In a window the bookmarklet opened: call `got(url, html)` with the page its opener
    /// sends, or `none()` when there is no opener or no page comes (see `web.js`).
    pub fn receive_opener_page(got: impl FnOnce(String, String) + 'static, none: impl FnOnce() + 'static) {
        use wasm_bindgen::closure::Closure;
        // Each is called at most once, by the browser, after this returns: handed to JavaScript
        // to own (`into_js_value`), not leaked on the Rust side.
        let got = Closure::once_into_js(got);
        let none = Closure::once_into_js(none);
        receive_opener_page_js(got.unchecked_ref(), none.unchecked_ref());
    }

    /// Call `f` with the text the reader selects in the article (see `web.js`); the guard
    /// removes the listener.
    pub fn on_selection_text(f: impl Fn(String) + 'static) -> impl Drop {
        let closure = wasm_bindgen::closure::Closure::<dyn Fn(String)>::new(f);
        let remove = on_selection_text_js(&closure);
        Listener { _closure: closure, remove }
    }

    /// Scroll the timeline chart sideways to show `selector` (the page does not move), or back
    /// to its start.
    pub fn scroll_chart(selector: &str, to_start: bool) {
        scroll_chart_js(selector, to_start);
    }

    /// The browser tab's title.
    pub fn set_title(title: &str) {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(title);
        }
    }

    /// The page's query parameter `name`, if present (an empty value counts).
    pub fn query_param(name: &str) -> Option<String> {
        let search = web_sys::window()?.location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
    }

    /// A stored string (localStorage), if any.
    pub fn load_item(key: &str) -> Option<String> {
        storage()?.get_item(key).ok()?
    }

    /// Store a string; `false` when the browser refused (storage full or disabled).
    pub fn save_item(key: &str, value: &str) -> bool {
        storage().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    /// Forget a stored string.
    pub fn remove_item(key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    /// Put `data-selected` on the marks of entity `id` and take it off all others.
    // One call into JavaScript per selection: on a long article the selected entity can have
    // thousands of marks, and crossing from Wasm once per mark cost more than the marking.
    pub fn mark_selected(id: Option<&str>) {
        mark_selected_js(id.map(str::to_owned));
    }

    /// The reader chose entity `id`: mark (or, when it is marked, unmark) it at once, in the
    /// input's task, so the next frame shows it; the selection effect then finds nothing to do.
    pub fn toggle_marked(id: &str) {
        toggle_marked_js(id);
    }

    /// The article's marks changed (a new document): index them by entity when the page is idle,
    /// so that a selection touches only its own marks instead of searching them all.
    pub fn index_marks() {
        index_marks_js();
    }

    pub fn download(name: &str, mime: &str, text: &str) {
        download_js(name, mime, text);
    }

    /// Show a recoverable error view on top of whatever is on screen (used by the panic hook).
    pub fn show_fatal(detail: &str) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(body) = doc.body() else { return };
        set_root_flag("data-error", true);
        if doc.get_element_by_id("lede-fatal").is_some() {
            return;
        }
        let Ok(panel) = doc.create_element("div") else { return };
        panel.set_id("lede-fatal");
        let _ = panel.set_attribute("role", "alert");
        let _ = panel.set_attribute("class", "status error fatal");
        let parts = [
            ("h1", "Lede stopped working".to_owned()),
            ("p", "Something unexpected happened while showing this article. Nothing you loaded is lost: reload the page to start again.".to_owned()),
            ("p", format!("Details for a bug report: {detail}")),
        ];
        for (tag, text) in parts {
            if let Ok(el) = doc.create_element(tag) {
                el.set_text_content(Some(&text));
                let _ = panel.append_child(&el);
            }
        }
        if let Ok(button) = doc.create_element("button") {
            button.set_text_content(Some("Reload"));
            let _ = button.set_attribute("type", "button");
            let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            });
            let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
            reload.forget();
            let _ = panel.append_child(&button);
        }
        let _ = body.prepend_with_node_1(&panel);
    }

    /// Run `f` on the page's event loop.
    pub fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
        wasm_bindgen_futures::spawn_local(f);
    }

    /// Open the `<dialog>` behind `node` as a modal.
    pub fn show_modal(node: &yew::NodeRef) {
        if let Some(d) = node.cast::<web_sys::HtmlDialogElement>() {
            let _ = d.show_modal();
        }
    }

    /// The text a paste event carries, if any.
    pub fn pasted_text(e: &web_sys::Event) -> Option<String> {
        e.dyn_ref::<web_sys::ClipboardEvent>().and_then(|c| c.clipboard_data()).and_then(|d| d.get_data("text").ok())
    }

    /// The first `n` UTF-16 units of the text box an input event came from, without copying
    /// the rest of a long text out of it.
    pub fn text_head(e: &web_sys::InputEvent, n: u32) -> String {
        let Some(area) = e.target() else { return String::new() };
        let value: js_sys::JsString =
            js_sys::Reflect::get(&area, &"value".into()).ok().and_then(|v| v.dyn_into().ok()).unwrap_or_else(|| js_sys::JsString::from(""));
        value.slice(0, n).into()
    }

    pub async fn fetch_text(url: &str) -> Result<String, String> {
        let window = web_sys::window().ok_or("no window")?;
        let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| format!("the network request for {url} failed"))?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
        if !response.ok() {
            return Err(format!("{url} answered HTTP {}", response.status()));
        }
        let text = response.text().map_err(|_| "the response has no text".to_string())?;
        let text = JsFuture::from(text).await.map_err(|_| format!("{url} could not be read as text"))?;
        text.as_string().ok_or_else(|| format!("{url} is not text"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Theme;

    pub fn stored_theme() -> Option<Theme> {
        None
    }
    pub fn system_theme() -> Theme {
        Theme::Light
    }
    pub fn apply_theme(_: Theme, _: bool) {}
    pub fn set_root_flag(_: &str, _: bool) {}
    pub fn current_hash() -> String {
        String::new()
    }
    pub fn set_hash(_: &str) {}
    pub fn on_hash_change(_: impl Fn(String) + 'static) -> impl Drop {
        struct Guard;
        impl Drop for Guard {
            fn drop(&mut self) {}
        }
        Guard
    }
    pub fn reveal(_: &str, _: usize, _: bool) {}
    pub fn show_fatal(_: &str) {}
    pub fn mark_selected(_: Option<&str>) {}
    pub fn index_marks() {}
    pub fn toggle_marked(_: &str) {}
    pub fn download(_: &str, _: &str, _: &str) {}
    pub fn query_param(_: &str) -> Option<String> {
        None
    }
    pub fn now_ms() -> f64 {
        0.0
    }
    pub fn focus(_: &str) -> bool {
        false
    }
    pub fn copy_text(_: &str) -> bool {
        false
    }
    /// Natively there is no document to listen to.
    pub struct NoListener;
    impl Drop for NoListener {
        fn drop(&mut self) {}
    }
    pub fn on_escape(_: impl Fn() + 'static) -> impl Drop {
        NoListener
    }
    pub fn set_title(_: &str) {}
    pub fn on_plain_key(_: impl Fn(String) + 'static) -> impl Drop {
        NoListener
    }
    pub fn on_selection_text(_: impl Fn(String) + 'static) -> impl Drop {
        NoListener
    }
    pub fn scroll_chart(_: &str, _: bool) {}
    pub fn full_view_url() -> String {
        String::new()
    }
    pub fn viewer_base() -> String {
        "./".to_owned()
    }
    pub fn post_height_on_resize() {}
    pub fn load_item(_: &str) -> Option<String> {
        None
    }
    pub fn save_item(_: &str, _: &str) -> bool {
        false
    }
    pub fn remove_item(_: &str) {}

    // Natively (SSR and tests) no event handler or effect runs: what follows is never called
    // there, and says so if it were.
    const NO_BROWSER: &str = "this needs a browser";
    pub fn spawn(_: impl std::future::Future<Output = ()> + 'static) {}
    pub fn show_modal(_: &yew::NodeRef) {}
    pub fn pasted_text(_: &web_sys::Event) -> Option<String> {
        None
    }
    pub fn text_head(_: &web_sys::InputEvent, _: u32) -> String {
        String::new()
    }
    pub fn warm_engine() {}
    pub async fn analyze(_: &str, _: &[u8], _: Option<&str>, _: &str, _: impl FnMut(f64) + 'static) -> Result<String, String> {
        Err(NO_BROWSER.to_owned())
    }
    pub async fn correct(_: &str, _: &str, _: bool) -> Result<String, String> {
        Err(NO_BROWSER.to_owned())
    }
    pub async fn export(_: &str, _: &str, _: Option<&str>, _: &str) -> Result<String, String> {
        Err(NO_BROWSER.to_owned())
    }
    pub async fn default_analysis() -> Option<String> {
        None
    }
    pub async fn find_dateline(_: &str) -> Option<String> {
        None
    }
    pub async fn read_file(_: &web_sys::File) -> Result<Vec<u8>, String> {
        Err(NO_BROWSER.to_owned())
    }
    pub async fn fetch_document(_: &str) -> Result<(String, Vec<u8>), String> {
        Err(NO_BROWSER.to_owned())
    }
    pub async fn fetch_text(_: &str) -> Result<String, String> {
        Err(NO_BROWSER.to_owned())
    }
    pub fn set_query_src(_: Option<&str>) {}
    pub fn standalone_source() -> Option<crate::docs::Source> {
        None
    }
    pub async fn download_standalone(_: &crate::components::Doc) -> Result<(), String> {
        Err(NO_BROWSER.to_owned())
    }
    pub fn receive_opener_page(_: impl FnOnce(String, String) + 'static, _: impl FnOnce() + 'static) {}
    pub fn hydration_done() {}
}

/// Set `html[data-theme]`; with `remember`, also store the choice.
pub use imp::apply_theme;
/// Put text on the clipboard (false natively).
pub use imp::copy_text;
/// The URL fragment (with its `#`), or empty.
pub use imp::current_hash;
/// Save `text` as a file named `name` (a Blob URL and a download link; nothing is uploaded).
pub use imp::download;
/// Fetch a URL as text; the error says what failed, for the reader.
pub use imp::fetch_text;
/// Focus the first element matching a selector, SVG marks included (false natively).
pub use imp::focus;
/// The page's address without `embed` (the "Open full view" link).
pub use imp::full_view_url;
/// The prerendered page is live (`html[data-hydrated]`).
pub use imp::hydration_done;
/// Milliseconds since 1970 (0 natively).
pub use imp::now_ms;
/// Call a function when Escape is pressed outside an open dialog; the guard removes the listener.
pub use imp::on_escape;
/// Listen for back/forward and fragment changes.
pub use imp::on_hash_change;
/// Call a function with every plain key pressed outside text fields and dialogs (the guard
/// removes the listener).
pub use imp::on_plain_key;
/// Call a function with the text the reader selects in the article (the guard removes the
/// listener).
pub use imp::on_selection_text;
/// In an iframe, post the page's height to the parent now and on every resize.
pub use imp::post_height_on_resize;
/// The page's query parameter, if present.
pub use imp::query_param;
/// In a window the "Open in Lede" bookmarklet opened: the page its opener sends.
pub use imp::receive_opener_page;
/// Scroll to the `nth` element matching a selector, focus it if asked, and flash it.
pub use imp::reveal;
/// Scroll the timeline chart sideways to an element, or back to its start.
pub use imp::scroll_chart;
/// Set the URL fragment with a new history entry (empty: remove it).
pub use imp::set_hash;
/// Keep `?src=` in step with the document.
pub use imp::set_query_src;
/// Set or remove a boolean attribute on `<html>` (`data-ready`, `data-error`).
pub use imp::set_root_flag;
/// Set the browser tab's title.
pub use imp::set_title;
/// Show the "Lede stopped working" view (panic hook), keeping what is on screen.
pub use imp::show_fatal;
/// Run a future on the page's event loop (natively: never run; no handler runs in SSR).
pub use imp::spawn;
/// The reader's stored theme choice, if any.
pub use imp::stored_theme;
/// The theme the system asks for (`prefers-color-scheme`).
pub use imp::system_theme;
/// The address of the viewer's folder.
pub use imp::viewer_base;
#[cfg(target_arch = "wasm32")]
/// Starting up (`lede::start`, browser only): the viewer's root element, the prerendered
/// markup this visit hydrates (its key) or clears, and recovery from a failed hydration.
pub use imp::{after_paint, app_root, clear_prerendered, hydrating, prerendered, retry_without_hydration};
/// The analysis worker: analyse a document, correct and export one, find a text's dateline,
/// start the engine early; the build's analysis of the default article; reading a chosen
/// file; fetching an address.
pub use imp::{analyze, correct, default_analysis, export, fetch_document, find_dateline, read_file, warm_engine};
/// The standalone file's document, and saving one.
pub use imp::{download_standalone, standalone_source};
/// Mark the selected entity's mentions (`mark[data-selected]`) in the DOM.
pub use imp::{index_marks, mark_selected, toggle_marked};
/// localStorage, quietly absent when the browser has none.
pub use imp::{load_item, remove_item, save_item};
/// Open a `<dialog>` as a modal; the text of a paste; the head of a text box's value.
pub use imp::{pasted_text, show_modal, text_head};
