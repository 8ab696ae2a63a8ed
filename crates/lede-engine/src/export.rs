//! Exports of an annotation to the formats readers carry elsewhere: `lede/1`, W3C Web
//! Annotation JSON-LD, TimelineJS JSON, CSV (entities, events), iCalendar and TimeML. Pure
//! functions of the text and its annotation; offsets in the outputs are Unicode code points,
//! as in `lede/1`. [`FORMATS`] is the one list of them: the CLI's `--to` and the viewer's Export
//! list both read it.

use serde_json::{json, Value};

use crate::{event_days, Annotation, ByteSpan, CivilDateTime, Granularity, OffsetMap, Timex, TimexValue, ValueKind};

/// What an export writer is given: the document and what is known of where it came from.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The raw text.
    pub text: &'a str,
    /// Its analysis.
    pub annotation: &'a Annotation,
    /// The address it came from (a URL, or `file:` path), if known; Web Annotations target it,
    /// else [`text_urn`].
    pub source: Option<&'a str>,
    /// A short identifier (TimeML's `DOCID`).
    pub docid: &'a str,
}

/// One export format.
#[derive(Clone, Copy, Debug)]
pub struct Format {
    /// Its name: `lede annotate --to NAME` and the viewer's `data-export`.
    pub name: &'static str,
    /// Other names the CLI accepts.
    pub aliases: &'static [&'static str],
    /// What the viewer's Export list calls it.
    pub label: &'static str,
    /// The end of a file name in this format (after the document's base name).
    pub suffix: &'static str,
    /// Its media type.
    pub mime: &'static str,
    writer: Writer,
}

/// Which writer a format uses: named here rather than held as a function, so a program that
/// only lists the formats (as the viewer does) links none of the writers.
#[derive(Clone, Copy, Debug)]
enum Writer {
    Lede,
    WebAnno,
    TimelineJs,
    EntitiesCsv,
    EventsCsv,
    Ics,
    TimeMl,
}

impl Format {
    /// The document in this format.
    pub fn write(&self, d: &Document<'_>) -> String {
        match self.writer {
            Writer::Lede => crate::to_json(d.text, d.annotation),
            Writer::WebAnno => web_annotations(d.text, d.annotation, &d.source.map_or_else(|| text_urn(d.text), str::to_owned)),
            Writer::TimelineJs => timelinejs(d.text, d.annotation),
            Writer::EntitiesCsv => entities_csv(d.text, d.annotation),
            Writer::EventsCsv => events_csv(d.text, d.annotation),
            Writer::Ics => icalendar(d.text, d.annotation, &ics_stamp(d.annotation.reference)),
            Writer::TimeMl => timeml(d.docid, d.annotation.reference, d.text, &d.annotation.timexes),
        }
    }

    /// Whether `name` names this format.
    pub fn is(&self, name: &str) -> bool {
        self.name == name || self.aliases.contains(&name)
    }
}

/// Every export format, in the order the viewer lists them.
pub static FORMATS: [Format; 7] = [
    Format { name: "lede", aliases: &["json"], label: "Lede JSON (lede/1)", suffix: ".lede.json", mime: "application/json", writer: Writer::Lede },
    Format {
        name: "webanno",
        aliases: &[],
        label: "Web Annotation (JSON-LD)",
        suffix: ".annotations.jsonld",
        mime: "application/ld+json",
        writer: Writer::WebAnno,
    },
    Format { name: "timelinejs", aliases: &[], label: "TimelineJS JSON", suffix: ".timeline.json", mime: "application/json", writer: Writer::TimelineJs },
    Format { name: "entities-csv", aliases: &[], label: "Entities (CSV)", suffix: ".entities.csv", mime: "text/csv", writer: Writer::EntitiesCsv },
    Format { name: "events-csv", aliases: &[], label: "Events (CSV)", suffix: ".events.csv", mime: "text/csv", writer: Writer::EventsCsv },
    Format { name: "ics", aliases: &[], label: "Calendar (.ics)", suffix: ".ics", mime: "text/calendar", writer: Writer::Ics },
    Format { name: "timeml", aliases: &[], label: "TimeML (dates)", suffix: ".tml", mime: "application/xml", writer: Writer::TimeMl },
];

/// The format called `name` (or one of its aliases).
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.is(name))
}

/// The formats' names, for messages: "lede (json), webanno, …".
pub fn format_names() -> String {
    FORMATS
        .iter()
        .map(|f| if f.aliases.is_empty() { f.name.to_owned() } else { format!("{} ({})", f.name, f.aliases.join(", ")) })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stable name for a text that has no URL: `urn:lede:text:<FNV-1a 64 of its bytes>`.
pub fn text_urn(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("urn:lede:text:{h:016x}")
}

/// Up to `n` characters of `text` before byte `at` (for a quote selector's prefix).
fn before(text: &str, at: usize, n: usize) -> String {
    let head = text.get(..at).unwrap_or("");
    let start = head.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    head[start..].to_owned()
}

/// Up to `n` characters of `text` after byte `at`.
fn after(text: &str, at: usize, n: usize) -> String {
    text.get(at..).unwrap_or("").chars().take(n).collect()
}

/// W3C Web Annotation (JSON-LD) of every entity mention and time expression: an
/// `AnnotationCollection` whose annotations each target `source` (a URL, or [`text_urn`]) with
/// both a `TextQuoteSelector` (exact, 32 characters of prefix and suffix) and a
/// `TextPositionSelector` (code points). Entity mentions are `identifying` annotations whose
/// body names the entity and its type; time expressions are `tagging` annotations whose
/// body is the TIMEX3 type and value.
pub fn web_annotations(text: &str, a: &Annotation, source: &str) -> String {
    let map = OffsetMap::new(text);
    let target = |s: ByteSpan| {
        json!({
            "source": source,
            "selector": [
                { "type": "TextQuoteSelector", "exact": s.of(text), "prefix": before(text, s.start, 32), "suffix": after(text, s.end, 32) },
                { "type": "TextPositionSelector", "start": map.to_code_points(s.start), "end": map.to_code_points(s.end) },
            ],
        })
    };
    let mut items: Vec<(usize, Value)> = Vec::new();
    for e in &a.entities {
        for (k, &m) in e.mentions.iter().enumerate() {
            let mut body = vec![
                json!({ "type": "TextualBody", "purpose": "identifying", "value": e.name }),
                json!({ "type": "TextualBody", "purpose": "classifying", "value": e.kind.name() }),
            ];
            if let Some(role) = &e.role {
                body.push(json!({ "type": "TextualBody", "purpose": "describing", "value": role }));
            }
            items.push((
                m.start,
                json!({
                    "id": format!("{source}#entity={}&mention={}", e.id, k + 1),
                    "type": "Annotation",
                    "motivation": "identifying",
                    "body": body,
                    "target": target(m),
                }),
            ));
        }
    }
    for t in &a.timexes {
        let value = match &t.end_value {
            Some(end) => format!("{}..{end}", t.value),
            None => t.value.to_string(),
        };
        items.push((
            t.span.start,
            json!({
                "id": format!("{source}#timex={}", t.id),
                "type": "Annotation",
                "motivation": "tagging",
                "body": [
                    { "type": "TextualBody", "purpose": "tagging", "value": format!("TIMEX3 {}", t.kind.name()) },
                    { "type": "TextualBody", "purpose": "describing", "value": value },
                ],
                "target": target(t.span),
            }),
        ));
    }
    items.sort_by_key(|(at, _)| *at);
    let items: Vec<Value> = items.into_iter().map(|(_, v)| v).collect();
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{source}#annotations"),
        "type": "AnnotationCollection",
        "label": a.article.meta.title.clone().unwrap_or_else(|| "Lede annotations".to_owned()),
        "total": items.len(),
        "first": { "type": "AnnotationPage", "items": items },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// `{year, month, day, hour, minute}` of a TIMEX3 calendar value, as far as it goes (TimelineJS
/// date objects; strings, as TimelineJS writes them).
fn tl_date(value: &TimexValue) -> Option<Value> {
    let (year, month, day) = match value.kind() {
        ValueKind::Year(y) => (y, None, None),
        ValueKind::Month(y, m) => (y, Some(m), None),
        ValueKind::Day(y, m, d) | ValueKind::DayPart(y, m, d) | ValueKind::Clock(y, m, d, ..) => (y, Some(m), Some(d)),
        _ => return None,
    };
    let mut o = serde_json::Map::new();
    o.insert("year".into(), json!(year.to_string()));
    if let Some(m) = month {
        o.insert("month".into(), json!(m.to_string()));
    }
    if let Some(d) = day {
        o.insert("day".into(), json!(d.to_string()));
    }
    if let (Some((h, mi)), true) = (value.clock(), value.as_str().contains(':')) {
        o.insert("hour".into(), json!(h.to_string()));
        o.insert("minute".into(), json!(mi.to_string()));
    }
    Some(Value::Object(o))
}

/// TimelineJS JSON (`{title, events}`): one slide per dated event, its label as the headline,
/// its sentence as the text, the participants' names as the group line. Year- and
/// month-only events carry only what is known; inferred years are said so.
pub fn timelinejs(text: &str, a: &Annotation) -> String {
    let name_of = |id: &String| a.entities.iter().find(|e| &e.id == id).map(|e| e.name.as_str());
    let events: Vec<Value> = a
        .events
        .iter()
        .filter_map(|e| {
            let start = tl_date(&e.value)?;
            let mut slide = json!({
                "unique_id": e.id,
                "start_date": start,
                "text": {
                    "headline": e.label,
                    "text": format!("{}{}", e.sentence.of(text).trim(), if e.year_inferred { " (year inferred)" } else { "" }),
                },
            });
            if let Some(end) = e.end_value.as_ref().and_then(tl_date) {
                slide["end_date"] = end;
            }
            let who: Vec<&str> = e.entities.iter().filter_map(name_of).collect();
            if !who.is_empty() {
                slide["group"] = json!(who.first());
            }
            Some(slide)
        })
        .collect();
    let meta = &a.article.meta;
    let doc = json!({
        "title": { "text": {
            "headline": meta.title.clone().unwrap_or_else(|| "Timeline".to_owned()),
            "text": meta.authors.join(", "),
        } },
        "events": events,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
/// `= + - @` (a spreadsheet formula) is neutralised with an apostrophe.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in rows {
        out.push_str(&r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Entities as CSV: `id,name,type,role,salience,mentions,aliases,first_mention` (aliases joined
/// with `; `, first mention as a code-point offset).
pub fn entities_csv(text: &str, a: &Annotation) -> String {
    let map = OffsetMap::new(text);
    let mut rows = vec![["id", "name", "type", "role", "salience", "mentions", "aliases", "first_mention"].map(str::to_owned).to_vec()];
    for e in &a.entities {
        rows.push(vec![
            e.id.clone(),
            e.name.clone(),
            e.kind.name().to_owned(),
            e.role.clone().unwrap_or_default(),
            format!("{:.3}", e.salience),
            e.mentions.len().to_string(),
            e.aliases.join("; "),
            e.mentions.first().map(|m| map.to_code_points(m.start).to_string()).unwrap_or_default(),
        ]);
    }
    csv(&rows)
}

/// Events as CSV: `id,value,end_value,granularity,year_inferred,label,sentence,entities`.
pub fn events_csv(text: &str, a: &Annotation) -> String {
    let mut rows = vec![["id", "value", "end_value", "granularity", "year_inferred", "label", "sentence", "entities"].map(str::to_owned).to_vec()];
    for e in &a.events {
        rows.push(vec![
            e.id.clone(),
            e.value.to_string(),
            e.end_value.as_ref().map(ToString::to_string).unwrap_or_default(),
            e.granularity.name().to_owned(),
            e.year_inferred.to_string(),
            e.label.clone(),
            e.sentence.of(text).trim().to_owned(),
            e.entities.join("; "),
        ]);
    }
    csv(&rows)
}

/// Escape an iCalendar TEXT value (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets (on character boundaries), CRLF-terminated.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A reproducible DTSTAMP for [`icalendar`]: midnight UTC of the reference date (the Unix
/// epoch without one), so the same document always gives the same file.
pub fn ics_stamp(reference: Option<crate::CivilDateTime>) -> String {
    reference.map_or_else(|| "19700101T000000Z".to_owned(), |r| format!("{:04}{:02}{:02}T000000Z", r.year(), r.month(), r.day()))
}

/// `YYYYMMDD` of a day number.
fn ics_day(day: i64) -> Option<String> {
    let (y, m, d) = crate::date_of_day(day);
    (1..=9999).contains(&y).then(|| format!("{y:04}{m:02}{d:02}"))
}

/// iCalendar (RFC 5545) of the dated events: all-day events over each event's calendar days
/// (a year-only event covers its year, a month its month), timed events at their minute
/// (floating time). `stamp` is the DTSTAMP (`YYYYMMDDTHHMMSSZ`), given by the caller so the
/// output is reproducible.
pub fn icalendar(text: &str, a: &Annotation, stamp: &str) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lede//lede-engine//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        ics_line(&mut out, l);
    }
    if let Some(t) = &a.article.meta.title {
        ics_line(&mut out, &format!("X-WR-CALNAME:{}", ics_text(t)));
    }
    let urn = text_urn(text);
    for e in &a.events {
        let Some((first, last)) = event_days(&e.value, e.end_value.as_ref()) else { continue };
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}-{}@lede", &urn["urn:lede:text:".len()..], e.id));
        ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
        let timed = e.granularity == Granularity::Time && e.end_value.is_none();
        match (timed, e.value.kind()) {
            (true, ValueKind::Clock(y, m, d, h, mi)) => {
                ics_line(&mut out, &format!("DTSTART:{y:04}{m:02}{d:02}T{h:02}{mi:02}00"));
            }
            _ => {
                let (Some(s), Some(end)) = (ics_day(first), ics_day(last + 1)) else {
                    out.truncate(out.rfind("BEGIN:VEVENT").unwrap_or(out.len()));
                    continue;
                };
                ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{s}"));
                ics_line(&mut out, &format!("DTEND;VALUE=DATE:{end}"));
            }
        }
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&e.label)));
        let mut desc = e.sentence.of(text).trim().to_owned();
        if e.granularity == Granularity::Year || e.granularity == Granularity::Month {
            desc.push_str(&format!("\n(Only the {} is known.)", e.granularity.name()));
        }
        if e.year_inferred {
            desc.push_str("\n(Year inferred from the publication date.)");
        }
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&desc)));
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

/// Escape text content: `&`, `<`, `>`; carriage returns as `&#13;` so that they
/// survive a parser's line-end normalisation; characters XML 1.0 cannot carry
/// (C0 controls other than tab and newline) become U+FFFD.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Escape an attribute value: as [`escape_text`], plus `"`, tab and newline.
pub fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;").replace('\t', "&#9;").replace('\n', "&#10;")
}

/// A TimeML document for `text` with each time expression inline as
/// `<TIMEX3 tid="tN" type="…" value="…">…</TIMEX3>`.
///
/// The creation time, when known, goes in `<DCT>` as `t0` (type `TIME` when it
/// has a clock time, else `DATE`). A timex that overlaps an earlier one, or whose
/// span does not fit `text`, is left out: inline XML cannot nest them.
pub fn timeml(docid: &str, dct: Option<CivilDateTime>, text: &str, timexes: &[Timex]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
    out.push_str(&format!("<DOCID>{}</DOCID>\n", escape_text(docid)));
    if let Some(d) = dct {
        let kind = if d.time().is_some() { "TIME" } else { "DATE" };
        let iso = d.to_iso();
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"{kind}\" value=\"{iso}\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">{iso}</TIMEX3></DCT>\n"
        ));
    }
    out.push_str("<TEXT>");
    let mut sorted: Vec<(usize, &Timex)> = timexes.iter().enumerate().collect();
    sorted.sort_by_key(|(_, t)| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut pos = 0;
    for (i, t) in sorted {
        let (Some(before), Some(inner)) = (text.get(pos..t.span.start), text.get(t.span.start..t.span.end)) else {
            continue; // overlaps the previous timex, or does not fit the text
        };
        let tid = if t.id.is_empty() { format!("t{}", i + 1) } else { t.id.clone() };
        out.push_str(&escape_text(before));
        out.push_str(&format!(
            "<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
            escape_attr(&tid),
            t.kind.name(),
            escape_attr(t.value.as_str()),
            escape_text(inner)
        ));
        pos = t.span.end;
    }
    out.push_str(&escape_text(text.get(pos..).unwrap_or("")));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn names_and_suffixes_are_unique_and_aliases_resolve() {
        let mut seen = std::collections::HashSet::new();
        for f in &FORMATS {
            assert!(seen.insert(f.name) && f.aliases.iter().all(|a| seen.insert(a)), "{}", f.name);
            assert!(f.suffix.starts_with('.') && f.mime.contains('/'), "{}", f.name);
            assert!(std::ptr::eq(format(f.name).unwrap(), f));
        }
        assert_eq!(format("json").map(|f| f.name), Some("lede"));
        assert!(format("pdf").is_none());
        assert!(format_names().starts_with("lede (json), webanno"), "{}", format_names());
    }

    #[test]
    fn every_format_writes_the_document() {
        let text = "Talks in Lisbon\nRui Costa met the union on 3 May 2022 in Lisbon.\n";
        let a = crate::annotate(text, &crate::Options::default());
        let doc = Document { text, annotation: &a, source: Some("https://news.example/talks"), docid: "talks" };
        for f in &FORMATS {
            let out = f.write(&doc);
            assert!(out.contains("2022") || out.contains("Lisbon"), "{}: {out}", f.name);
        }
        assert!(format("webanno").unwrap().write(&doc).contains("https://news.example/talks"));
        assert!(format("timeml").unwrap().write(&doc).contains("<DOCID>talks</DOCID>"));
    }
}
