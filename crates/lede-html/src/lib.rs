//! Lede's web-page reader. A saved news page goes in; its article comes out as the plain text
//! Lede's engine reads (headline, byline and date lines, then the body's paragraphs), with the
//! page's metadata beside it.
//!
//! The extraction is Mozilla Readability's method (scoring of paragraphs by text and link
//! density, class and id hints, sibling merging, JSON-LD and meta tags for the metadata), as
//! implemented by the `dom_smoothie` crate over the `html5ever` parser. It is its own Wasm
//! module (`dist/engine/html.js`, built by `scripts/build-engine.sh`), which the viewer's
//! worker loads only when an HTML document arrives, so that a plain-text article costs its
//! reader nothing of it. Natively, `lede annotate page.html` and `lede eval html` use it.
//!
//! Nothing from the page is run or fetched: it is parsed as data.

use dom_smoothie::{Config, Readability, TextMode};

/// What a page says about itself and its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article's headline.
    pub title: String,
    /// Its author(s), as the page writes them.
    pub byline: Option<String>,
    /// Its publication time as the page gives it (ISO 8601 in JSON-LD and meta tags).
    pub published: Option<String>,
    /// The publication date, `YYYY-MM-DD`, when `published` starts with one.
    pub date: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The page's language (`<html lang>`).
    pub lang: Option<String>,
    /// The article's body: paragraphs separated by blank lines.
    pub body: String,
}

impl Page {
    /// The article as text for the engine: the headline, "By" and the byline, the date line,
    /// a blank line, then the body.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + 200);
        let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let title = one_line(&self.title);
        if !title.is_empty() {
            out.push_str(&title);
            out.push('\n');
        }
        if let Some(b) = self.byline.as_deref().map(one_line).filter(|b| !b.is_empty() && b.len() < 200) {
            if !b.to_lowercase().starts_with("by ") {
                out.push_str("By ");
            }
            out.push_str(&b);
            out.push('\n');
        }
        if let Some(d) = &self.date {
            out.push_str("Published ");
            out.push_str(d);
            out.push('\n');
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(self.body.trim());
        out.push('\n');
        out
    }
}

/// The `YYYY-MM-DD` a time string starts with, if it is a real-looking date.
fn iso_date(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then(|| d.to_owned())
}

/// Paragraphs of extracted text: each non-blank line a paragraph, spaces collapsed.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// The text of every `<figcaption>` of the article's HTML (tags out, spaces collapsed).
fn figcaptions(content: &str) -> Vec<String> {
    let lower = content.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<figcaption") {
        let open = from + p;
        let Some(start) = lower[open..].find('>').map(|e| open + e + 1) else { break };
        let end = lower[start..].find("</figcaption").map_or(content.len(), |e| start + e);
        let mut text = String::new();
        let mut in_tag = false;
        for c in content[start..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text.replace("&amp;", "&").replace("&nbsp;", " ").split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
        from = end;
    }
    out
}

/// Paragraphs that are a figure's caption, marked as captions for the engine ("Photo: ...")
/// unless they already say so.
fn mark_captions(body: &str, captions: &[String]) -> String {
    if captions.is_empty() {
        return body.to_owned();
    }
    body.split("\n\n")
        .map(|p| {
            let lower = p.to_lowercase();
            let says = ["photo", "image", "pictured", "picture", "illustration", "video", "©"].iter().any(|w| lower.starts_with(w));
            if !says && captions.iter().any(|c| c == p) {
                format!("Photo: {p}")
            } else {
                p.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The `datetime` of the page's first `<time>` element, if it starts with a date.
fn time_datetime(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    for _ in 0..50 {
        let p = from + lower[from..].find("<time")?;
        let end = lower[p..].find('>').map_or(lower.len(), |e| p + e);
        let tag = &html[p..end];
        from = end;
        let Some(a) = tag.to_ascii_lowercase().find("datetime=") else { continue };
        let v = tag[a + 9..].trim_start_matches(['"', '\'']);
        let v: String = v.chars().take_while(|c| !matches!(c, '"' | '\'' | ' ' | '>')).collect();
        if iso_date(&v).is_some() {
            return Some(v);
        }
    }
    None
}

/// Deepest element nesting read (the extractor walks the tree recursively; deeper pages are
/// refused with a message, and the engine's own linear reader takes them).
pub const MAX_DEPTH: usize = 400;

/// How deeply the page's elements nest, counted from its tags in one linear pass (void
/// elements and self-closing tags do not nest; a missing end tag only overstates the depth).
fn nesting(html: &str) -> usize {
    const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "!doctype"];
    let (mut depth, mut max) = (0usize, 0usize);
    let b = html.as_bytes();
    // Lower-cased once (ASCII only, so byte offsets match), not once per script or style.
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let at = i + p + 1;
        let end = html[at..].find('>').map_or(html.len(), |e| at + e);
        let tag = &html[at..end];
        i = (end + 1).min(html.len());
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('?') || tag.ends_with('/') || b.get(at).is_none_or(|c| !c.is_ascii_alphabetic()) {
            continue;
        }
        let name = tag.split(|c: char| c.is_ascii_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        max = max.max(depth);
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: skip to its end tag.
            match lower[i..].find(&format!("</{name}")) {
                Some(q) => i += q,
                None => break,
            }
        }
    }
    max
}

/// Read a page: its article and metadata, or a message for the reader. `url` is the page's
/// address when known (it resolves relative links; nothing is fetched).
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, String> {
    let depth = nesting(html);
    if depth > MAX_DEPTH {
        return Err(format!("the page nests its elements {depth} levels deep, more than the {MAX_DEPTH} its reader follows"));
    }
    let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut r = Readability::new(html, url, Some(cfg)).map_err(|e| format!("the page could not be read: {e}"))?;
    let a = r.parse().map_err(|e| format!("no article was found in the page: {e}"))?;
    let captions = figcaptions(&a.content);
    let body = mark_captions(&paragraphs(&a.text_content), &captions);
    if body.is_empty() {
        return Err("no article text was found in the page".to_owned());
    }
    // JSON-LD and meta tags first (Readability's reading), then the page's first <time datetime>.
    let published = a.published_time.filter(|p| !p.trim().is_empty()).or_else(|| time_datetime(html));
    Ok(Page {
        title: a.title.trim().to_owned(),
        byline: a.byline.filter(|b| !b.trim().is_empty()),
        date: published.as_deref().and_then(iso_date),
        published,
        site_name: a.site_name.filter(|s| !s.trim().is_empty()),
        lang: a.lang.filter(|s| !s.trim().is_empty()),
        body,
    })
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    /// `extract(html, url)`: `{title, byline, published, date, siteName, lang, text}` (text is
    /// what the engine reads), or an `Error` whose message is for the reader.
    #[wasm_bindgen]
    pub fn extract(html: &str, url: Option<String>) -> Result<js_sys::Object, JsError> {
        let page = super::extract(html, url.as_deref()).map_err(|e| JsError::new(&e))?;
        let o = js_sys::Object::new();
        let set = |k: &str, v: Option<&str>| {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v.map_or(JsValue::NULL, JsValue::from_str));
        };
        set("title", Some(&page.title));
        set("byline", page.byline.as_deref());
        set("published", page.published.as_deref());
        set("date", page.date.as_deref());
        set("siteName", page.site_name.as_deref());
        set("lang", page.lang.as_deref());
        set("text", Some(&page.text()));
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_the_article_and_its_metadata() {
        let html = r#"<!doctype html><html lang="en"><head><title>Harbour deal signed after months of talks | The Coast Times</title>
            <meta property="og:site_name" content="The Coast Times">
            <meta property="article:published_time" content="2021-03-24T15:18:00Z">
            <meta name="author" content="Ana Lima"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <article><h1>Harbour deal signed after months of talks</h1>
            <p>The port of Santos signed a deal with Omar Haddad's shipping line on Monday, officials said, after months of talks between the two sides.</p>
            <p>The agreement, worth 40 million dollars, runs until 2030 and covers two new quays, the mayor told reporters at the harbour on Tuesday.</p>
            <p>Dock workers welcomed the news, though their union said it would watch how the new jobs are shared between old and new staff.</p>
            </article><footer>© 2021 The Coast Times. All rights reserved.</footer></body></html>"#;
        let p = extract(html, None).expect("an article");
        assert_eq!(p.title, "Harbour deal signed after months of talks");
        assert_eq!(p.byline.as_deref(), Some("Ana Lima"));
        assert_eq!(p.date.as_deref(), Some("2021-03-24"));
        assert_eq!(p.site_name.as_deref(), Some("The Coast Times"));
        assert_eq!(p.lang.as_deref(), Some("en"));
        assert!(p.body.contains("The port of Santos signed") && p.body.contains("Dock workers welcomed"), "{}", p.body);
        assert!(!p.body.contains("Sport") && !p.body.contains("rights reserved"), "{}", p.body);
        assert_eq!(p.body.matches("\n\n").count(), 2, "three paragraphs: {:?}", p.body);
        let text = p.text();
        assert!(text.starts_with("Harbour deal signed after months of talks\nBy Ana Lima\nPublished 2021-03-24\n\nThe port"), "{text}");
    }

    #[test]
    fn figure_captions_stay_captions_and_time_elements_date_the_page() {
        let html = r#"<!doctype html><html lang="pt-BR"><head><title>Harbour deal signed after months of talks at the port</title></head>
            <body><article><h1>Harbour deal signed after months of talks at the port</h1><p>By Ana Lima, <time datetime="2022-05-05T10:00">5 May</time></p>
            <p>The port of Santos signed a deal with Omar Haddad's shipping line on Monday, officials said, after months of talks between the two sides.</p>
            <figure><img src="q.jpg" alt=""><figcaption>Workers unload a ship at the new quay.</figcaption></figure>
            <p>The agreement, worth 40 million dollars, runs until 2030 and covers two new quays, the mayor told reporters at the harbour on Tuesday.</p>
            <p>Dock workers welcomed the news, though their union said it would watch how the new jobs are shared between old and new staff.</p>
            </article></body></html>"#;
        let p = extract(html, None).expect("an article");
        assert_eq!(p.date.as_deref(), Some("2022-05-05"), "from <time datetime>");
        assert_eq!(p.lang.as_deref(), Some("pt-BR"));
        assert!(p.body.contains("\n\nPhoto: Workers unload a ship at the new quay.\n\n"), "{}", p.body);
    }

    #[test]
    fn bad_pages_give_messages_not_panics() {
        for html in ["", "<html>", "<<<>>>", "<div>", &"<div>".repeat(20_000), "<p>\u{0}</p>", "<script>alert(1)</script>"] {
            if let Ok(p) = extract(html, None) {
                assert!(!p.body.contains("alert(1)"));
            }
        }
    }

    #[test]
    fn dates_are_read_only_when_they_look_like_dates() {
        assert_eq!(iso_date("2021-03-24T15:18:00Z").as_deref(), Some("2021-03-24"));
        assert_eq!(iso_date("March 24, 2021"), None);
        assert_eq!(iso_date("2021"), None);
    }
}
