//! Reading what readers bring: plain text, Markdown, HTML (main text extracted), `lede/1`
//! JSON, spaCy/displaCy JSON and TimelineJS JSON. Every refusal is an [`ImportError`] whose
//! message names the problem, for the reader.

use serde_json::Value;

use crate::{annotate, entities::slug, from_json, Annotation, ByteSpan, Entity, EntityKind, OffsetMap, Options};

/// The largest input accepted, in bytes (8 MiB); larger inputs are refused with a message
/// rather than freezing the page.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The largest `.json` file accepted (64 MiB): a `lede/1` document is several times the size of
/// its text, and its text must still be within [`MAX_INPUT_BYTES`].
pub const MAX_JSON_BYTES: usize = 64 * 1024 * 1024;

/// The size limit for a file named `name`.
pub fn max_bytes(name: &str) -> usize {
    if name.to_ascii_lowercase().ends_with(".json") {
        MAX_JSON_BYTES
    } else {
        MAX_INPUT_BYTES
    }
}

/// Why an input was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// What an input turned out to be.
#[derive(Clone, Debug, PartialEq)]
// One value per file read, moved once: boxing the annotation would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Imported {
    /// Article text to analyse (from `.txt`, `.md`, `.html` or TimelineJS JSON).
    Text(String),
    /// A document that carries its own annotation (`lede/1`, or spaCy entities over the
    /// engine's dates and structure).
    Annotated(String, Annotation),
}

/// Read a document as the viewer does and analyse it when it is not already annotated:
/// `(text, annotation)`, or a message for the reader. `progress` hears the share of the work
/// done (0 to 1).
pub fn analyze_file(name: &str, bytes: &[u8], options: &Options, progress: &mut dyn FnMut(f32)) -> Result<(String, Annotation), ImportError> {
    match import(name, bytes, options)? {
        Imported::Annotated(text, annotation) => {
            progress(1.0);
            Ok((text, annotation))
        }
        Imported::Text(text) => {
            let annotation = crate::annotate_with_progress(&text, options, progress);
            Ok((text, annotation))
        }
    }
}

/// Refuse an input of `len` bytes named `name` (a file name, or words such as "The pasted
/// text") when it is over [`max_bytes`]; the message states the size and the limit. Callers
/// that can check before reading (a chosen file, a paste) use it too.
pub fn check_size(name: &str, len: usize) -> Result<(), ImportError> {
    let limit = max_bytes(name);
    if len <= limit {
        return Ok(());
    }
    Err(ImportError(format!(
        "{name} is {:.1} MB; Lede reads {} of up to {} MB. Split it, or open one article at a time.",
        len as f64 / 1_048_576.0,
        if limit == MAX_INPUT_BYTES { "articles" } else { "JSON documents" },
        limit / 1_048_576
    )))
}

/// Read `bytes` named `name` (the file name decides between Markdown, HTML and text; JSON
/// is recognised by its content). `reference` is the publication date used when a spaCy
/// document is annotated.
pub fn import(name: &str, bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    check_size(name, bytes.len())?;
    if looks_binary(bytes) {
        return Err(ImportError(format!("{name} is not a text file (it holds binary data). Lede reads .txt, .md, .html and .json files.")));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError(format!("{name} is not UTF-8 text: the bytes at offset {} are not valid UTF-8. Save it as UTF-8 and try again.", e.valid_up_to()))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lower = name.to_ascii_lowercase();
    let trimmed = text.trim_start();
    if lower.ends_with(".json")
        || trimmed.starts_with('{') && (trimmed.contains("\"schema\"") || trimmed.contains("\"ents\"") || trimmed.contains("\"events\""))
    {
        return import_json(name, text, options);
    }
    if looks_like_html(name, text) {
        let main = html_main_text(text);
        if main.trim().is_empty() {
            return Err(ImportError(format!("{name} is an HTML page with no readable text in it.")));
        }
        return Ok(Imported::Text(main));
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Ok(Imported::Text(markdown_text(text)));
    }
    if text.trim().is_empty() {
        return Err(ImportError(format!("{name} is empty.")));
    }
    Ok(Imported::Text(text.to_owned()))
}

/// NUL bytes, or many control characters, in the first 8 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b).count();
    head.contains(&0) || control * 20 > head.len().max(1)
}

fn import_json(name: &str, text: &str, options: &Options) -> Result<Imported, ImportError> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| ImportError(format!("{name} is not valid JSON: {} at line {}, column {}.", plain_serde_message(&e), e.line(), e.column())))?;
    if let Some(schema) = v.get("schema") {
        if schema.as_str() != Some(crate::SCHEMA) {
            return Err(ImportError(format!("{name} is written in schema {schema}; this version of Lede reads {:?}.", crate::SCHEMA)));
        }
        let (text, a) = from_json(text).map_err(|e| ImportError(format!("{name}: {e}")))?;
        if text.len() > MAX_INPUT_BYTES {
            return Err(ImportError(format!(
                "{name} holds a text of {:.1} MB; Lede reads articles of up to {} MB.",
                text.len() as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            )));
        }
        return Ok(Imported::Annotated(text, a));
    }
    if let (Some(t), Some(ents)) = (v.get("text").and_then(Value::as_str), v.get("ents").and_then(Value::as_array)) {
        return spacy(name, t, ents, options);
    }
    if let Some(events) = v.get("events").and_then(Value::as_array) {
        return timelinejs_text(name, &v, events).map(Imported::Text);
    }
    Err(ImportError(format!(
        "{name} is JSON but not a format Lede reads: expected a lede/1 document (with \"schema\"), spaCy/displaCy output ({{\"text\", \"ents\"}}) or a TimelineJS timeline ({{\"events\"}})."
    )))
}

fn plain_serde_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// spaCy's labels in Lede's types.
fn spacy_kind(label: &str) -> EntityKind {
    match label.to_ascii_uppercase().as_str() {
        "PERSON" | "PER" => EntityKind::Person,
        "ORG" => EntityKind::Organization,
        "GPE" | "LOC" | "FAC" => EntityKind::Place,
        "NORP" => EntityKind::Group,
        "EVENT" => EntityKind::Event,
        "WORK_OF_ART" | "LAW" => EntityKind::Work,
        _ => EntityKind::Other,
    }
}

/// A spaCy document: the engine reads the structure and the dates; the entities are spaCy's
/// (mentions of the same text and label are one entity), each span checked against the text.
fn spacy(name: &str, text: &str, ents: &[Value], options: &Options) -> Result<Imported, ImportError> {
    let map = OffsetMap::new(text);
    let mut groups: Vec<(String, EntityKind, Vec<ByteSpan>)> = Vec::new();
    for (k, e) in ents.iter().enumerate() {
        let field = |f: &str| e.get(f).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
        let (Some(start), Some(end)) = (field("start"), field("end")) else {
            return Err(ImportError(format!("{name}: entity {} has no numeric \"start\" and \"end\".", k + 1)));
        };
        let label = e.get("label").and_then(Value::as_str).unwrap_or("");
        let (Some(s), Some(t)) = (map.from_code_points(start), map.from_code_points(end)) else {
            return Err(ImportError(format!("{name}: entity {} spans {start}..{end}, outside the text ({} characters).", k + 1, text.chars().count())));
        };
        if s >= t {
            return Err(ImportError(format!("{name}: entity {} is empty or reversed ({start}..{end}).", k + 1)));
        }
        let span = ByteSpan::new(s, t);
        let kind = spacy_kind(label);
        let surface = span.of(text).to_owned();
        match groups.iter_mut().find(|(n, k, _)| *n == surface && *k == kind) {
            Some(g) => g.2.push(span),
            None => groups.push((surface, kind, vec![span])),
        }
    }
    let mut a = annotate(text, options);
    let total: usize = groups.iter().map(|g| g.2.len()).sum::<usize>().max(1);
    let mut used = std::collections::HashSet::new();
    a.entities = groups
        .into_iter()
        .map(|(n, kind, mut mentions)| {
            mentions.sort();
            let base = slug(&n);
            let mut id = base.clone();
            let mut k = 1;
            while !used.insert(id.clone()) {
                k += 1;
                id = format!("{base}-{k}");
            }
            Entity { id, name: n, aliases: Vec::new(), kind, role: None, salience: mentions.len() as f32 / total as f32, mentions, country: None }
        })
        .collect();
    a.events = crate::events::find(text, &a.article, &a.timexes, &a.entities, a.reference);
    Ok(Imported::Annotated(text.to_owned(), a))
}

/// A TimelineJS timeline as article text: its title, then one paragraph per slide, "Month D,
/// YYYY: headline. text", so the engine finds the same dates and names.
fn timelinejs_text(name: &str, v: &Value, events: &[Value]) -> Result<String, ImportError> {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let field = |o: &Value, k: &str| -> Option<i64> {
        match o.get(k)? {
            Value::String(s) => s.trim().parse().ok(),
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    };
    let date = |o: &Value| -> Option<String> {
        let y = field(o, "year")?;
        Some(match (field(o, "month").filter(|m| (1..=12).contains(m)), field(o, "day").filter(|d| (1..=31).contains(d))) {
            (Some(m), Some(d)) => format!("{} {d}, {y}", MONTHS[(m - 1) as usize]),
            (Some(m), None) => format!("{} {y}", MONTHS[(m - 1) as usize]),
            _ => format!("{y}"),
        })
    };
    let mut out = String::new();
    if let Some(h) = v.pointer("/title/text/headline").and_then(Value::as_str) {
        out.push_str(&html_inline_text(h));
        out.push('\n');
    }
    let mut n = 0;
    for e in events {
        let Some(start) = e.get("start_date").and_then(date) else { continue };
        let end = e.get("end_date").and_then(date);
        let headline = e.pointer("/text/headline").and_then(Value::as_str).map(html_inline_text).unwrap_or_default();
        let body = e.pointer("/text/text").and_then(Value::as_str).map(html_inline_text).unwrap_or_default();
        let has_day = start.contains(',');
        let when = match end {
            Some(end) => format!("From {start} to {end}"),
            None if has_day => format!("On {start}"),
            None => format!("In {start}"),
        };
        let sentence = [headline.trim().trim_end_matches('.'), body.trim()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(". ");
        let stop = if sentence.ends_with(['.', '!', '?']) { "" } else { "." };
        out.push_str(&format!("{when}: {sentence}{stop}\n"));
        n += 1;
    }
    if n == 0 {
        return Err(ImportError(format!("{name} is a TimelineJS file with no dated events (no \"start_date\" with a \"year\").")));
    }
    Ok(out)
}

/// The text of a fragment of HTML (tags dropped, entities decoded), on one line.
fn html_inline_text(s: &str) -> String {
    html_main_text(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode one character reference (`amp`, `#39`, `#x2014`), without `&` and `;`.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        _ => return None,
    })
}

/// Whether a document is a web page: by its name (`.html`, `.htm`) or by how it starts
/// (`<!doctype html`, `<html`, after a byte-order mark and white space).
pub fn looks_like_html(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let trimmed = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    lower.ends_with(".html")
        || lower.ends_with(".htm")
        || trimmed.get(..15).is_some_and(|h| h.to_ascii_lowercase().starts_with("<!doctype html") || h.to_ascii_lowercase().starts_with("<html"))
}

/// The main text of an HTML page: the `<article>` element if there is one, else `<main>`,
/// else `<body>`; scripts, styles, navigation, headers, footers, forms and asides are dropped;
/// block elements become line breaks; character references are decoded. The `<title>` (or
/// first `<h1>`) comes first when the chosen part does not start with it. Never builds or
/// runs anything from the page: it only reads characters.
pub fn html_main_text(html: &str) -> String {
    const SKIP: [&str; 12] = ["script", "style", "noscript", "template", "nav", "header", "footer", "form", "aside", "svg", "iframe", "button"];
    const BLOCK: [&str; 22] = [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figcaption",
        "figure",
        "section",
        "article",
        "main",
        "tr",
        "table",
        "pre",
        "hr",
    ];
    let lower = html.to_ascii_lowercase();
    let find_region = |tag: &str| -> Option<(usize, usize)> {
        let open = lower.find(&format!("<{tag}"))?;
        let after = lower[open..].find('>')? + open + 1;
        let close = lower[after..].rfind(&format!("</{tag}")).map_or(html.len(), |c| c + after);
        Some((after, close))
    };
    let title = find_region("title").map(|(s, e)| html_text_of(&html[s..e], &[], &[]).trim().to_owned()).filter(|t| !t.is_empty());
    let (s, e) = find_region("article").or_else(|| find_region("main")).or_else(|| find_region("body")).unwrap_or((0, html.len()));
    let body = html_text_of(&html[s..e], &SKIP, &BLOCK);
    let mut out = String::new();
    if let Some(t) = title {
        // A page title often carries the site's name ("Headline | Site"): keep the headline.
        let cut = [" | ", " — ", " - "].iter().filter_map(|sep| t.find(sep)).min().unwrap_or(t.len());
        let headline = t[..cut].trim().to_owned();
        if !body.trim_start().starts_with(&headline) {
            out.push_str(&headline);
            out.push('\n');
        }
    }
    out.push_str(body.trim());
    out.push('\n');
    out
}

/// Characters of an HTML fragment: tags in `skip` are dropped with their content, tags in
/// `block` end a line, whitespace runs collapse, blank lines collapse.
fn html_text_of(html: &str, skip: &[&str], block: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut skipping: Option<String> = None;
    let mut pending_space = false;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix("<!--") {
            rest = tail.find("-->").map_or("", |i| &tail[i + 3..]);
            continue;
        }
        if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[1..end.saturating_sub(1).max(1)];
            let closing = tag.starts_with('/');
            let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            rest = &rest[end..];
            match &skipping {
                Some(s) if closing && *s == name => skipping = None,
                Some(_) => {}
                None if !closing && skip.contains(&name.as_str()) && !tag.ends_with('/') => skipping = Some(name),
                None if block.contains(&name.as_str()) => {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    if !out.is_empty() && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    pending_space = false;
                }
                None => {}
            }
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        let mut len = c.len_utf8();
        if skipping.is_some() {
            rest = &rest[len..];
            continue;
        }
        let ch = if c == '&' {
            match rest[1..].find(';').filter(|&i| i <= 10).and_then(|i| entity(&rest[1..=i]).map(|ch| (ch, i + 2))) {
                Some((ch, l)) => {
                    len = l;
                    ch
                }
                None => '&',
            }
        } else {
            c
        };
        rest = &rest[len..];
        if ch.is_whitespace() {
            pending_space = !out.is_empty() && !out.ends_with('\n');
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ch);
    }
    // At most one blank line in a row.
    let mut clean = String::with_capacity(out.len());
    for line in out.lines().map(str::trim) {
        if line.is_empty() && (clean.is_empty() || clean.ends_with("\n\n")) {
            continue;
        }
        clean.push_str(line);
        clean.push('\n');
    }
    clean
}

/// Markdown as plain article text: heading marks, emphasis, images, link targets, list
/// bullets, block quotes and code fences are dropped; the words stay where they were.
pub fn markdown_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            continue;
        }
        let t = t.trim_start_matches('#').trim_start_matches('>').trim_start();
        let t = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")).or_else(|| t.strip_prefix("+ ")).unwrap_or(t);
        let mut s = String::with_capacity(t.len());
        let mut rest = t;
        while let Some(c) = rest.chars().next() {
            // ![alt](src): dropped; [text](url): the text.
            if c == '!' && rest[1..].starts_with('[') {
                if let Some((_, tail)) = link(&rest[1..]) {
                    rest = tail;
                    continue;
                }
            }
            if c == '[' {
                if let Some((text, tail)) = link(rest) {
                    s.push_str(text);
                    rest = tail;
                    continue;
                }
            }
            if matches!(c, '*' | '_' | '`') && (rest.starts_with("**") || rest.starts_with("__") || c == '`' || c == '*') {
                rest = rest.trim_start_matches(c);
                continue;
            }
            s.push(c);
            rest = &rest[c.len_utf8()..];
        }
        out.push_str(s.trim_end());
        out.push('\n');
    }
    out
}

/// `[text](url)` at the start of `s`: the text and what follows the link.
fn link(s: &str) -> Option<(&str, &str)> {
    let close = s.find("](")?;
    let end = s[close..].find(')')? + close;
    (!s[1..close].contains('\n')).then(|| (&s[1..close], &s[end + 1..]))
}
