//! The `lede/1` JSON format: every span in Unicode code points, converted once here.

use serde::{Deserialize, Serialize};

use crate::model::{Annotation, Entity, EntityKind, Event, Granularity, Timex, TimexType};
use crate::span::{ByteSpan, OffsetMap};
use crate::{Article, Block, BlockKind, Meta, Sentence};

/// Most entities a `lede/1` document may hold.
pub const MAX_ENTITIES: usize = 50_000;
/// Most mentions (of all entities together) a `lede/1` document may hold.
pub const MAX_MENTIONS: usize = 1_000_000;
/// Most events (and most time expressions) a `lede/1` document may hold.
pub const MAX_EVENTS: usize = 200_000;

/// The schema name written into every document.
pub const SCHEMA: &str = "lede/1";

#[derive(Serialize, Deserialize)]
struct Doc {
    schema: String,
    meta: MetaJ,
    text: String,
    #[serde(default)]
    blocks: Vec<BlockJ>,
    #[serde(default)]
    sentences: Vec<SentenceJ>,
    #[serde(default)]
    entities: Vec<EntityJ>,
    #[serde(default)]
    timexes: Vec<TimexJ>,
    #[serde(default)]
    events: Vec<EventJ>,
    /// The reader's corrections, already applied to the entities, dates and events above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<crate::corrections::Correction>,
}

#[derive(Serialize, Deserialize, Default)]
struct MetaJ {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default = "english")]
    language: String,
    /// The site that published the text, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    site: Option<String>,
    /// The date relative expressions were resolved against.
    #[serde(default)]
    reference: Option<String>,
}

fn english() -> String {
    "en".to_owned()
}

#[derive(Serialize, Deserialize, Clone, Copy)]
struct SpanJ {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct BlockJ {
    kind: String,
    start: usize,
    end: usize,
    body: SpanJ,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    credit: Option<SpanJ>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<usize>,
}

#[derive(Serialize, Deserialize)]
struct SentenceJ {
    start: usize,
    end: usize,
    block: usize,
}

#[derive(Serialize, Deserialize)]
struct EntityJ {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    salience: f32,
    mentions: Vec<SpanJ>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct TimexJ {
    id: String,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end_value: Option<String>,
    #[serde(default)]
    year_inferred: bool,
}

#[derive(Serialize, Deserialize)]
struct EventJ {
    id: String,
    timex: String,
    value: String,
    #[serde(default)]
    end_value: Option<String>,
    granularity: String,
    #[serde(default)]
    year_inferred: bool,
    label: String,
    sentence: SpanJ,
    #[serde(default)]
    entities: Vec<String>,
}

/// Serialise an annotation of `text` as `lede/1` JSON (pretty-printed).
pub fn to_json(text: &str, a: &Annotation) -> String {
    serde_json::to_string_pretty(&document(text, a, None)).unwrap_or_default()
}

/// The `lede/1` document on one line (no line breaks: JSON lines), with `meta.source` set to
/// `source` (an id or address naming where the text came from) when given.
pub fn to_json_line(text: &str, a: &Annotation, source: Option<&str>) -> String {
    serde_json::to_string(&document(text, a, source)).unwrap_or_default()
}

/// The `lede/1` document of an annotation of `text`, for serde (written by [`to_json`]).
fn document(text: &str, a: &Annotation, source: Option<&str>) -> impl Serialize {
    let map = OffsetMap::new(text);
    let sp = |s: ByteSpan| SpanJ { start: map.to_code_points(s.start), end: map.to_code_points(s.end) };
    Doc {
        schema: SCHEMA.to_owned(),
        meta: MetaJ {
            title: a.article.meta.title.clone(),
            published: a.article.meta.published.map(|p| p.to_iso()),
            authors: a.article.meta.authors.clone(),
            source: source.map(str::to_owned),
            language: a.article.meta.language.clone().unwrap_or_else(english),
            site: a.article.meta.site.clone(),
            reference: a.reference.map(|r| r.to_iso()),
        },
        text: text.to_owned(),
        blocks: a
            .article
            .blocks
            .iter()
            .map(|b| {
                let s = sp(b.span);
                BlockJ { kind: b.kind.name().to_owned(), start: s.start, end: s.end, body: sp(b.body), credit: b.credit.map(sp), duplicate_of: b.duplicate_of }
            })
            .collect(),
        sentences: a
            .article
            .sentences
            .iter()
            .map(|s| {
                let x = sp(s.span);
                SentenceJ { start: x.start, end: x.end, block: s.block }
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .map(|e| EntityJ {
                id: e.id.clone(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                kind: e.kind.name().to_owned(),
                role: e.role.clone(),
                salience: e.salience,
                mentions: e.mentions.iter().map(|&m| sp(m)).collect(),
                country: e.country.clone(),
            })
            .collect(),
        timexes: a
            .timexes
            .iter()
            .map(|t| {
                let s = sp(t.span);
                TimexJ {
                    id: t.id.clone(),
                    start: s.start,
                    end: s.end,
                    kind: t.kind.name().to_owned(),
                    value: t.value.to_string(),
                    end_value: t.end_value.as_ref().map(ToString::to_string),
                    year_inferred: t.year_inferred,
                }
            })
            .collect(),
        events: a
            .events
            .iter()
            .map(|e| EventJ {
                id: e.id.clone(),
                timex: e.timex.clone(),
                value: e.value.to_string(),
                end_value: e.end_value.as_ref().map(ToString::to_string),
                granularity: e.granularity.name().to_owned(),
                year_inferred: e.year_inferred,
                label: e.label.clone(),
                sentence: sp(e.sentence),
                entities: e.entities.clone(),
            })
            .collect(),
        corrections: a.corrections.clone(),
    }
}

/// Why a `lede/1` document was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    line: usize,
    column: usize,
    message: String,
}

impl JsonError {
    fn at(line: usize, column: usize, message: impl Into<String>) -> JsonError {
        JsonError { line, column, message: message.into() }
    }
    fn semantic(message: impl Into<String>) -> JsonError {
        JsonError::at(0, 0, message)
    }
    /// The 1-based line of the problem (0 when it is not tied to a place in the file).
    pub fn line(&self) -> usize {
        self.line
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

impl std::error::Error for JsonError {}

struct Spans<'a> {
    map: OffsetMap,
    text: &'a str,
}

impl Spans<'_> {
    fn span(&self, s: SpanJ, what: &str) -> Result<ByteSpan, JsonError> {
        let n = self.map.to_code_points(self.text.len());
        if s.start > s.end || s.end > n {
            return Err(JsonError::semantic(format!("{what}: span {}..{} is out of range (the text has {n} code points)", s.start, s.end)));
        }
        let start = self.map.from_code_points(s.start).ok_or_else(|| JsonError::semantic(format!("{what}: bad start {}", s.start)))?;
        let end = self.map.from_code_points(s.end).ok_or_else(|| JsonError::semantic(format!("{what}: bad end {}", s.end)))?;
        Ok(ByteSpan::new(start, end))
    }
}

/// Read a `lede/1` document: its text and its annotation (spans converted to bytes).
/// Errors name the line and what was expected, or the field that is wrong.
pub fn from_json(json: &str) -> Result<(String, Annotation), JsonError> {
    let doc: Doc = serde_json::from_str(json)
        .map_err(|e| JsonError::at(e.line(), e.column(), e.to_string().split(" at line").next().unwrap_or("invalid JSON").to_owned()))?;
    if doc.schema != SCHEMA {
        return Err(JsonError::semantic(format!("unsupported schema {:?} (expected {SCHEMA:?})", doc.schema)));
    }
    let text = doc.text;
    let limit = |what: &str, n: usize, max: usize| {
        if n > max {
            Err(JsonError::semantic(format!("{n} {what}: Lede reads documents of up to {max} {what}")))
        } else {
            Ok(())
        }
    };
    limit("entities", doc.entities.len(), MAX_ENTITIES)?;
    limit("mentions", doc.entities.iter().map(|e| e.mentions.len()).sum(), MAX_MENTIONS)?;
    limit("time expressions", doc.timexes.len(), MAX_EVENTS)?;
    limit("events", doc.events.len(), MAX_EVENTS)?;
    let sp = Spans { map: OffsetMap::new(&text), text: &text };
    let parse_date = |s: &Option<String>, what: &str| -> Result<Option<crate::CivilDateTime>, JsonError> {
        match s {
            None => Ok(None),
            Some(v) => crate::parse_dateline(v)
                .map(Some)
                .ok_or_else(|| JsonError::semantic(format!("meta.{what}: {v:?} is not a valid date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"))),
        }
    };
    let language = Some(doc.meta.language).filter(|l| l != "en" && !l.trim().is_empty() && l.len() <= 35);
    let meta =
        Meta { title: doc.meta.title, published: parse_date(&doc.meta.published, "published")?, authors: doc.meta.authors, language, site: doc.meta.site };
    let reference = parse_date(&doc.meta.reference, "reference")?.or(meta.published);
    let mut blocks = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let kind = [
            BlockKind::Chrome,
            BlockKind::Title,
            BlockKind::Dateline,
            BlockKind::Byline,
            BlockKind::Caption,
            BlockKind::Note,
            BlockKind::Paragraph,
            BlockKind::Footer,
        ]
        .into_iter()
        .find(|k| k.name() == b.kind)
        .ok_or_else(|| JsonError::semantic(format!("blocks[{i}].kind: unknown kind {:?}", b.kind)))?;
        let span = sp.span(SpanJ { start: b.start, end: b.end }, &format!("blocks[{i}]"))?;
        let body = sp.span(b.body, &format!("blocks[{i}].body"))?;
        let credit = b.credit.map(|c| sp.span(c, &format!("blocks[{i}].credit"))).transpose()?;
        if b.duplicate_of.is_some_and(|d| d >= i) {
            return Err(JsonError::semantic(format!("blocks[{i}].duplicate_of must name an earlier block")));
        }
        blocks.push(Block { kind, span, body, credit, duplicate_of: b.duplicate_of });
    }
    let mut sentences = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.block >= blocks.len() {
            return Err(JsonError::semantic(format!("sentences[{i}].block: no block {}", s.block)));
        }
        sentences.push(Sentence { span: sp.span(SpanJ { start: s.start, end: s.end }, &format!("sentences[{i}]"))?, block: s.block });
    }
    let mut entities = Vec::new();
    for (i, e) in doc.entities.into_iter().enumerate() {
        let kind = EntityKind::parse(&e.kind).ok_or_else(|| JsonError::semantic(format!("entities[{i}].type: unknown type {:?}", e.kind)))?;
        let mentions = e.mentions.iter().enumerate().map(|(k, m)| sp.span(*m, &format!("entities[{i}].mentions[{k}]"))).collect::<Result<Vec<_>, _>>()?;
        entities.push(Entity {
            id: e.id,
            name: e.name,
            aliases: e.aliases,
            kind,
            role: e.role,
            salience: e.salience.clamp(0.0, 1.0),
            mentions,
            country: e.country,
        });
    }
    // Every mention is one highlight: two that share characters cannot both be drawn.
    let mut all: Vec<(ByteSpan, usize, usize)> =
        entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().enumerate().map(move |(k, m)| (*m, i, k))).collect();
    all.sort_unstable_by_key(|(m, _, _)| (m.start, m.end));
    if let Some(w) = all.windows(2).find(|w| w[1].0.start < w[0].0.end) {
        let ((_, i, k), (_, j, l)) = (w[0], w[1]);
        return Err(JsonError::semantic(format!("entities[{j}].mentions[{l}] overlaps entities[{i}].mentions[{k}]: mentions may not share characters")));
    }
    let mut timexes = Vec::new();
    for (i, t) in doc.timexes.into_iter().enumerate() {
        let kind = TimexType::parse(&t.kind)
            .ok_or_else(|| JsonError::semantic(format!("timexes[{i}].type: unknown type {:?} (expected DATE, TIME, DURATION or SET)", t.kind)))?;
        let span = sp.span(SpanJ { start: t.start, end: t.end }, &format!("timexes[{i}]"))?;
        timexes.push(Timex { id: t.id, span, kind, value: t.value.into(), end_value: t.end_value.map(Into::into), year_inferred: t.year_inferred });
    }
    // In text order, as the engine makes them: events are rebuilt from them (after a
    // correction) by a search that relies on it, and a file written by hand may list them in any order.
    timexes.sort_by_key(|t| (t.span.start, t.span.end));
    let mut events = Vec::new();
    for (i, e) in doc.events.into_iter().enumerate() {
        let granularity = [Granularity::Year, Granularity::Month, Granularity::Day, Granularity::Time]
            .into_iter()
            .find(|g| g.name() == e.granularity)
            .ok_or_else(|| JsonError::semantic(format!("events[{i}].granularity: unknown {:?}", e.granularity)))?;
        let value = crate::TimexValue::from(e.value);
        if value.calendar().is_none() {
            return Err(JsonError::semantic(format!("events[{i}].value: {:?} is not a calendar date", value.as_str())));
        }
        let sentence = sp.span(e.sentence, &format!("events[{i}].sentence"))?;
        events.push(Event {
            id: e.id,
            timex: e.timex,
            value,
            end_value: e.end_value.map(Into::into),
            granularity,
            year_inferred: e.year_inferred,
            label: e.label,
            sentence,
            entities: e.entities,
        });
    }
    let article = Article { meta, blocks, sentences };
    Ok((text.clone(), Annotation { article, reference, entities, timexes, events, corrections: doc.corrections }))
}
