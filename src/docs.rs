//! Where documents come from and how they are kept: the reader's own articles (pasted, chosen
//! or dropped files, `?src=` addresses), the current document and the list of recent ones in
//! localStorage. Pure: the browser calls are in [`crate::web`], so this is tested natively.

use serde::{Deserialize, Serialize};

use lede_engine::corrections::Correction;

/// How a document reached the viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The article the viewer ships with.
    Default,
    /// Text pasted into the Open dialog.
    Pasted,
    /// A file chosen or dropped.
    File,
    /// A `?src=` address.
    Url,
}

/// A document as the reader brought it: enough to analyse it again, with their corrections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// File name (decides how the content is read: `.md`, `.html`, `.json`, else text).
    pub name: String,
    /// How it arrived.
    pub origin: Origin,
    /// The address it came from (`?src=`), if any.
    #[serde(default)]
    pub url: Option<String>,
    /// The content, as read (it was UTF-8, or it was refused).
    pub content: String,
    /// The publication date the reader set (`YYYY-MM-DD`); none: the document's own dateline.
    #[serde(default)]
    pub date: Option<String>,
    /// The reader's corrections, applied after each analysis.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

impl Source {
    /// The article Lede ships with, before its text is read.
    pub fn default_article() -> Source {
        Source { name: "article.txt".into(), origin: Origin::Default, url: None, content: String::new(), date: None, corrections: Vec::new() }
    }

    /// A stable id for the document: the same content under the same name is the same document.
    pub fn id(&self) -> String {
        // FNV-1a, 64 bits: ids only need to tell a reader's few documents apart.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.name.bytes().chain([0]).chain(self.content.bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}")
    }
}

/// One entry of the recent documents list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    /// [`Source::id`].
    pub id: String,
    /// The headline, else the file name.
    pub title: String,
    /// How it arrived.
    pub origin: Origin,
    /// Size of the content in characters.
    pub chars: usize,
    /// When it was last opened (milliseconds since 1970).
    pub opened: f64,
}

/// How many recent documents are kept.
pub const RECENT_MAX: usize = 12;
/// localStorage key of the recent list.
pub const RECENT_KEY: &str = "lede.recent";
/// localStorage key of the current document's id.
pub const CURRENT_KEY: &str = "lede.current";

/// localStorage key of a stored document.
pub fn doc_key(id: &str) -> String {
    format!("lede.doc.{id}")
}

/// The recent list with `entry` first (once), at most [`RECENT_MAX`] long; also the ids
/// that fell off the end (their stored documents can go).
pub fn remember(list: &[Recent], entry: Recent) -> (Vec<Recent>, Vec<String>) {
    let id = entry.id.clone();
    let mut out = vec![entry];
    out.extend(list.iter().filter(|r| r.id != id).cloned());
    let dropped = out.split_off(out.len().min(RECENT_MAX)).into_iter().map(|r| r.id).collect();
    (out, dropped)
}

/// Read a stored recent list (anything unreadable is an empty list: storage is the browser's,
/// and other pages of the same site may have written to it).
pub fn parse_recent(json: Option<&str>) -> Vec<Recent> {
    json.and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default()
}

/// Read a stored document, if it is one.
pub fn parse_source(json: &str) -> Option<Source> {
    serde_json::from_str(json).ok()
}

/// Check a `?src=` address and make it absolute: http and https addresses as they are, and
/// relative ones ("articles/2024-05-01.html", "/news/a.txt", "../a.txt", "//host/a") resolved
/// against `base`, the viewer's own address, as a site hosting Lede beside its articles writes
/// them. Any other scheme (javascript:, data:, file:, ...) is refused with a message.
pub fn check_src(src: &str, base: &str) -> Result<String, String> {
    let s = src.trim();
    if s.is_empty() {
        return Err("The src parameter is empty: give the address of an article, as in ?src=https://example.org/article.txt".to_owned());
    }
    let refuse = || {
        format!(
            "Lede opens only http and https addresses, and {:?} is not one. Give a full address such as https://example.org/article.txt, or one relative to this page.",
            s.chars().take(80).collect::<String>()
        )
    };
    if s.chars().any(char::is_control) || s.contains('\\') {
        return Err(refuse());
    }
    let scheme_len = s.find(':').filter(|&i| {
        let head = &s[..i];
        head.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let absolute = match scheme_len {
        Some(_) => s.to_owned(),
        None => resolve(s, base).ok_or_else(refuse)?,
    };
    let lower = absolute.to_ascii_lowercase();
    match lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        Some(r) if !r.is_empty() && !r.starts_with('/') => Ok(absolute),
        _ => Err(refuse()),
    }
}

/// `rel` (no scheme) resolved against the absolute http(s) address `base`, with "." and ".."
/// segments folded; `None` when `base` is not such an address.
fn resolve(rel: &str, base: &str) -> Option<String> {
    let base = base.split(['#', '?']).next()?;
    let scheme_end = base.find("://")? + 3;
    let (scheme, rest) = base.split_at(scheme_end);
    let host_end = rest.find('/').unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    if host.is_empty() {
        return None;
    }
    if let Some(r) = rel.strip_prefix("//") {
        return Some(format!("{scheme}{r}"));
    }
    let (rel_path, tail) = rel.find(['?', '#']).map_or((rel, ""), |i| rel.split_at(i));
    let joined = if rel_path.starts_with('/') {
        rel_path.to_owned()
    } else {
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        format!("{}{rel_path}", if dir.is_empty() { "/" } else { dir })
    };
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = joined.split('/').skip(1).collect();
    for (k, seg) in segments.iter().enumerate() {
        let last = k + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    parts.push("");
                }
            }
            ".." => {
                parts.pop();
                if last {
                    parts.push("");
                }
            }
            other => parts.push(other),
        }
    }
    Some(format!("{scheme}{host}/{}{tail}", parts.join("/")))
}

/// The "Open in Lede" bookmarklet for a viewer at `base` (its folder's address): run on any
/// page, it opens the viewer with `?open=page` and, when the viewer says it is ready, sends it
/// the page's HTML and address, addressed to the viewer's origin only. It carries no secrets and
/// runs nothing of Lede's in the page beyond this.
pub fn bookmarklet(base: &str) -> String {
    let origin = base.find("://").and_then(|i| base[i + 3..].find('/').map(|j| &base[..i + 3 + j])).unwrap_or(base);
    // JSON string literals keep the addresses inert inside the script.
    let js_str = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    format!(
        "javascript:(()=>{{const v={},o={},w=window.open(v+'?open=page','_blank');if(!w)return alert('Allow pop-ups for this site to open it in Lede.');\
         const h=e=>{{if(e.source===w&&e.origin===o&&e.data&&e.data.type==='lede:ready'){{removeEventListener('message',h);\
         w.postMessage({{type:'lede:page',html:document.documentElement.outerHTML,url:location.href}},o)}}}};addEventListener('message',h)}})()",
        js_str(base),
        js_str(origin)
    )
}

/// A file name for a fetched document, from its URL's last path segment and its content type,
/// so the importer reads HTML as HTML even when the address does not end in `.html`.
pub fn name_for_url(url: &str, content_type: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let last = path.rsplit('/').next().filter(|s| !s.is_empty() && !path.ends_with("//")).unwrap_or("document");
    let ct = content_type.to_ascii_lowercase();
    let known = [".txt", ".md", ".markdown", ".html", ".htm", ".json"].iter().any(|e| last.to_ascii_lowercase().ends_with(e));
    if known {
        last.to_owned()
    } else if ct.contains("html") {
        format!("{last}.html")
    } else if ct.contains("json") {
        format!("{last}.json")
    } else if ct.contains("markdown") {
        format!("{last}.md")
    } else {
        last.to_owned()
    }
}

/// What the Share dialog offers for a document at a web address (`src`; none: the viewer's
/// own article) in the viewer published at `base` (ending in `/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    /// A link to the full viewer on this document, with the selection.
    pub link: String,
    /// An `<iframe>` of the compact view.
    pub iframe: String,
    /// A `<div>` and the `embed.js` script that turns it into an auto-sized iframe.
    pub script: String,
}

/// Percent-encode a query value.
fn query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Escape a value for a double-quoted HTML attribute.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The link and the two embed snippets.
pub fn share(base: &str, src: Option<&str>, hash: &str) -> Share {
    let q = src.map(|s| format!("src={}", query_value(s)));
    let link = format!("{base}{}{hash}", q.as_ref().map(|q| format!("?{q}")).unwrap_or_default());
    let embed = format!("{base}?embed{}", q.as_ref().map(|q| format!("&{q}")).unwrap_or_default());
    let iframe = format!(
        "<iframe src=\"{}\" title=\"Article with its timeline and entities (Lede)\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"\n  sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe>",
        attr(&embed)
    );
    let script = format!("<div data-lede-src=\"{}\"></div>\n<script src=\"{}embed.js\" async></script>", attr(src.unwrap_or("")), attr(base));
    Share { link, iframe, script }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recent(id: &str) -> Recent {
        Recent { id: id.into(), title: id.into(), origin: Origin::Pasted, chars: 1, opened: 0.0 }
    }

    #[test]
    fn the_recent_list_keeps_one_entry_per_document_newest_first_and_caps_its_length() {
        let list: Vec<Recent> = (0..RECENT_MAX).map(|i| recent(&format!("d{i}"))).collect();
        let (again, dropped) = remember(&list, recent("d5"));
        assert_eq!(again.len(), RECENT_MAX);
        assert_eq!(again[0].id, "d5");
        assert_eq!(again.iter().filter(|r| r.id == "d5").count(), 1);
        assert!(dropped.is_empty());
        let (more, dropped) = remember(&again, recent("new"));
        assert_eq!(more.len(), RECENT_MAX);
        assert_eq!(more[0].id, "new");
        assert_eq!(dropped, vec![again.last().unwrap().id.clone()]);
    }

    #[test]
    fn stored_data_that_is_not_ours_reads_as_nothing() {
        assert!(parse_recent(Some("{not json")).is_empty());
        assert!(parse_recent(Some("[{\"id\": 3}]")).is_empty());
        assert!(parse_recent(None).is_empty());
        assert!(parse_source("[]").is_none());
    }

    #[test]
    fn a_source_round_trips_and_its_id_follows_name_and_content() {
        let s = Source { name: "a.txt".into(), origin: Origin::File, url: None, content: "Hello".into(), date: Some("2021-03-24".into()), corrections: vec![] };
        let back = parse_source(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.id(), s.id());
        let other = Source { content: "Hello!".into(), ..s.clone() };
        assert_ne!(other.id(), s.id());
        assert_eq!(s.id().len(), 16);
    }

    #[test]
    fn only_http_and_https_addresses_are_fetched() {
        let base = "https://lede.example/v/index.html?src=x#entity=a";
        let cases: &[(&str, &str)] = &[
            (" https://example.org/a.txt ", "https://example.org/a.txt"),
            ("http://localhost:8000/x", "http://localhost:8000/x"),
            ("articles/2024-05-01.html", "https://lede.example/v/articles/2024-05-01.html"),
            ("./a.txt?x=1#p", "https://lede.example/v/a.txt?x=1#p"),
            ("../news/a.txt", "https://lede.example/news/a.txt"),
            ("../../../a.txt", "https://lede.example/a.txt"),
            ("/news/a.txt", "https://lede.example/news/a.txt"),
            ("//other.example/a", "https://other.example/a"),
            ("a b.txt", "https://lede.example/v/a b.txt"),
        ];
        for (src, want) in cases {
            assert_eq!(check_src(src, base).as_deref(), Ok(*want), "{src}");
        }
        for bad in
            ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/plain,hi", "file:///etc/passwd", "ftp://x/y", "https://", "", "a\u{0}b", "mailto:a@b.c"]
        {
            let err = check_src(bad, base).unwrap_err();
            assert!(err.contains("http"), "{bad}: {err}");
        }
        // A relative address needs an http(s) page to be relative to.
        assert!(check_src("a.txt", "file:///home/me/lede.html").is_err());
    }

    #[test]
    fn the_bookmarklet_opens_this_viewer_and_speaks_only_to_its_origin() {
        let b = bookmarklet("https://lede.example/v/");
        assert!(b.starts_with("javascript:(()=>{"), "{b}");
        assert!(b.contains(r#"const v="https://lede.example/v/",o="https://lede.example""#), "{b}");
        assert!(b.contains("v+'?open=page'") && b.contains("e.origin===o") && b.contains("e.source===w"), "{b}");
        assert!(b.contains("w.postMessage({type:'lede:page',html:document.documentElement.outerHTML,url:location.href},o)"), "{b}");
        // A hostile base address stays a string.
        let evil = bookmarklet("https://x.example/'+alert(1)+\"/");
        assert!(evil.contains(r#"const v="https://x.example/'+alert(1)+\"/""#), "{evil}");
    }

    #[test]
    fn share_snippets_carry_the_address_escaped() {
        let s = share("https://lede.example/v/", Some("https://news.example/a b.txt?x=1&y=\"2\""), "#entity=li-wei");
        assert_eq!(s.link, "https://lede.example/v/?src=https://news.example/a%20b.txt%3Fx%3D1%26y%3D%222%22#entity=li-wei");
        assert!(s.iframe.starts_with("<iframe src=\"https://lede.example/v/?embed&amp;src=https://news.example/a%20b.txt%3Fx"), "{}", s.iframe);
        assert!(s.iframe.contains("sandbox=\"allow-scripts allow-same-origin"));
        assert!(s.script.contains("data-lede-src=\"https://news.example/a b.txt?x=1&amp;y=&quot;2&quot;\""), "{}", s.script);
        assert!(s.script.contains("src=\"https://lede.example/v/embed.js\""));
        let own = share("https://lede.example/v/", None, "");
        assert_eq!(own.link, "https://lede.example/v/");
        assert!(own.iframe.contains("src=\"https://lede.example/v/?embed\""));
    }

    #[test]
    fn fetched_documents_are_named_by_address_and_content_type() {
        assert_eq!(name_for_url("https://x.org/news/story.md?x=1", "text/plain"), "story.md");
        assert_eq!(name_for_url("https://x.org/news/story", "text/html; charset=utf-8"), "story.html");
        assert_eq!(name_for_url("https://x.org/", "application/json"), "document.json");
        assert_eq!(name_for_url("https://x.org/a", "text/plain"), "a");
    }
}
