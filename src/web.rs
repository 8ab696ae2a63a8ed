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
        let dark = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches());
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

    pub async fn fetch_text(url: &str) -> Result<String, String> {
        let window = web_sys::window().ok_or("no window")?;
        let response = JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(|_| format!("the network request for {url} failed"))?;
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
}

/// The reader's stored theme choice, if any.
pub use imp::stored_theme;
/// The theme the system asks for (`prefers-color-scheme`).
pub use imp::system_theme;
/// Set `html[data-theme]`; with `remember`, also store the choice.
pub use imp::apply_theme;
/// Set or remove a boolean attribute on `<html>` (`data-ready`, `data-error`).
pub use imp::set_root_flag;
#[cfg(target_arch = "wasm32")]
/// Fetch a URL as text; the error says what failed, for the reader.
pub use imp::fetch_text;
