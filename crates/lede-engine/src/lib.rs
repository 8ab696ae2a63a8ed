//! The Lede engine: raw news-article text in, structure and annotations out.
//!
//! The engine is pure: no I/O, no clock, no web APIs. It builds for
//! `wasm32-unknown-unknown` and natively, and it never panics on any UTF-8 input.
//!
//! # Tutorial
//!
//! Give [`analyze`] the text of an article as it was scraped from its page.
//! Every block and sentence is a [`ByteSpan`] over that same text, which is
//! never rewritten:
//!
//! ```
//! use lede_engine::{analyze, BlockKind};
//!
//! let raw = "Share\n\
//!            Ministers meet in the south\n\
//!            Updated 15:18, 24-Mar-2021\n\
//!            By Jane Doe\n\
//!            The two ministers met on Monday. Mr. Smith said the U.S. was not invited.\n\
//!            (If you want to contribute, write to us.)\n";
//! let article = analyze(raw);
//!
//! assert_eq!(article.meta.title.as_deref(), Some("Ministers meet in the south"));
//! assert_eq!(article.meta.published.unwrap().to_human(), "24 March 2021, 15:18");
//! assert_eq!(article.meta.authors, ["Jane Doe"]);
//! let kinds: Vec<&str> = article.blocks.iter().map(|b| b.kind.name()).collect();
//! assert_eq!(kinds, ["chrome", "title", "dateline", "byline", "paragraph", "footer"]);
//!
//! // "Mr." and "U.S." do not end a sentence.
//! let body: Vec<&str> = article.sentences.iter()
//!     .filter(|s| article.blocks[s.block].kind == BlockKind::Paragraph)
//!     .map(|s| s.span.of(raw))
//!     .collect();
//! assert_eq!(body, ["The two ministers met on Monday.", "Mr. Smith said the U.S. was not invited."]);
//! ```
//!
//! [`annotate`] adds entities, time expressions and events. Names are found by a trained
//! sequence model first: an averaged perceptron over BIO tags (person, organisation, place,
//! other) reads every sentence with hashed features of each word, its neighbours, the
//! gazetteers and what the whole document says about the word (its case, the contexts of its
//! other mentions: after a title, before "said", inside an organisation's name), and Viterbi decoding
//! picks the tags. Rules are the layer around it: a title before a name becomes the entity's
//! role, gazetteers give canonical names ("U.S." is the United States), keywords give fine
//! types (a treaty is a work, "the Cold War" an event, "Chinese" a group), hyphenated
//! compounds of names mention each name, and surnames, acronyms and aliases join their
//! entity, which keeps one type by a vote over all its mentions:
//!
//! ```
//! use lede_engine::{annotate, EntityKind, Options};
//!
//! let raw = "Ministers meet in Lisbon\n\
//!            Updated 15:18, 24-Mar-2021\n\
//!            Foreign Minister Ana Lima met officials of Harrow Dynamics in Lisbon on Monday.\n\
//!            Lima said the Lisbon-Madrid line was sound.\n";
//! let a = annotate(raw, &Options::default());
//! let lima = a.entities.iter().find(|e| e.name == "Ana Lima").unwrap();
//! assert_eq!(lima.kind, EntityKind::Person);
//! assert_eq!(lima.role.as_deref(), Some("Foreign Minister"));
//! assert_eq!(lima.mentions.iter().map(|m| m.of(raw)).collect::<Vec<_>>(), ["Ana Lima", "Lima"]);
//! // The headline, the sentence and "Lisbon-Madrid" each mention Lisbon.
//! let lisbon = a.entities.iter().find(|e| e.name == "Lisbon").unwrap();
//! assert_eq!(lisbon.mentions.len(), 3);
//! assert!(a.entities.iter().any(|e| e.name == "Madrid"));
//! let harrow = a.entities.iter().find(|e| e.name == "Harrow Dynamics").unwrap();
//! assert_eq!(harrow.kind, EntityKind::Organization);
//! ```
//!
//! The model is generated data (`model/ner.bin`, with its provenance in its header), made by
//! `make train` from the CoNLL corpora in `../shared/data/ner-train` and checked by the
//! crate's build script: a missing or damaged model fails the build, naming the file.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod blocks;
pub mod corrections;
mod datetime;
mod entities;
mod events;
pub mod export;
pub mod import;
pub use events::{date_of_day, event_days};
mod gazetteer;
mod json;
#[rustfmt::skip]
#[allow(missing_docs)]
mod gazetteer_data;
mod model;
mod ner;
mod sentences;
mod span;
mod timex;
mod tokens;
mod value;

pub use blocks::{Block, BlockKind};
pub use datetime::{parse_dateline, CivilDateTime};
pub use entities::slug;
pub use json::{from_json, to_json, to_json_line, JsonError, SCHEMA};
pub use model::{Annotation, Entity, EntityKind, Event, Granularity, Options, Timex, TimexType};
#[doc(hidden)]
pub use ner::api as ner_api;
pub use sentences::split_sentences;
pub use span::{ByteSpan, OffsetMap};
pub use value::{TimexValue, ValueKind};

/// What the article says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline, when one was recognised.
    pub title: Option<String>,
    /// The publication date-time from the dateline, when there is one.
    pub published: Option<CivilDateTime>,
    /// Author names from the byline.
    pub authors: Vec<String>,
    /// The language the text is in, as a BCP 47 tag (a web page's `<html lang>`), when known;
    /// `lede/1` writes `"en"` otherwise.
    pub language: Option<String>,
    /// The name of the site that published it (a web page's metadata), when known.
    pub site: Option<String>,
}

/// A sentence and the block it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, trimmed.
    pub span: ByteSpan,
    /// Index into [`Article::blocks`].
    pub block: usize,
}

/// The structure of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Metadata read from the title, dateline and byline blocks.
    pub meta: Meta,
    /// Every non-blank part of the text, in order.
    pub blocks: Vec<Block>,
    /// Sentences of every block a reader sees (not chrome, datelines or
    /// repeated captions), in text order.
    pub sentences: Vec<Sentence>,
}

/// Analyse raw article text. Never fails and never panics: text without a
/// recognisable title or date yields an article with what it has.
pub fn analyze(text: &str) -> Article {
    let structure = blocks::split_blocks(text);
    let mut sentences = Vec::new();
    for (i, b) in structure.blocks.iter().enumerate() {
        let readable = !matches!(b.kind, BlockKind::Chrome | BlockKind::Dateline | BlockKind::Byline);
        if readable && b.duplicate_of.is_none() {
            sentences.extend(split_sentences(text, b.body).into_iter().map(|span| Sentence { span, block: i }));
        }
    }
    let meta = Meta {
        title: structure.title.map(|t| t.of(text).to_owned()),
        published: structure.published,
        authors: structure.authors.iter().map(|a| a.of(text).to_owned()).collect(),
        language: None,
        site: None,
    };
    Article { meta, blocks: structure.blocks, sentences }
}

/// Analyse `text` fully: structure, entities, time expressions and dated events.
/// Never fails and never panics.
pub fn annotate(text: &str, options: &Options) -> Annotation {
    annotate_with_progress(text, options, &mut |_| {})
}

/// [`annotate`], telling `progress` the share of the work done (0 to 1) after each stage, for a
/// progress bar on long inputs. The shares are the stages' typical cost on news text.
pub fn annotate_with_progress(text: &str, options: &Options, progress: &mut dyn FnMut(f32)) -> Annotation {
    let article = if options.plain { analyze_plain(text) } else { analyze(text) };
    progress(0.15);
    let reference = options.reference.or(article.meta.published);
    // One tokenisation of every sentence, read by the date finder and the name finder.
    let tokens: Vec<Vec<tokens::Token<'_>>> = article.sentences.iter().map(|s| tokens::tokenize(text, s.span)).collect();
    let timexes = find_timexes(text, &article, &tokens, reference);
    progress(0.45);
    let entities = entities::find(text, &article, &tokens, &timexes);
    drop(tokens);
    progress(0.9);
    let events = events::find(text, &article, &timexes, &entities, reference);
    progress(1.0);
    Annotation { article, reference, entities, timexes, events, corrections: Vec::new() }
}

/// Time expressions of the dateline and of every sentence, in text order, numbered t1, t2, …
fn find_timexes(text: &str, article: &Article, tokens: &[Vec<tokens::Token<'_>>], reference: Option<CivilDateTime>) -> Vec<Timex> {
    let mut found = Vec::new();
    let mut sentences = article.sentences.iter().zip(tokens).peekable();
    for (i, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Dateline {
            if let Some(p) = article.meta.published {
                found.push(timex::dateline(text, block.span, p));
            }
        }
        while let Some((_, toks)) = sentences.next_if(|(s, _)| s.block == i) {
            found.extend(timex::find_in(toks, reference));
        }
    }
    // "the day" / "the same day" is the day last mentioned in the body (else the reference day).
    // "a year earlier" in a report on a quarter is that quarter a year back.
    let mut last_day: Option<String> = None;
    let mut last_year: Option<i32> = None;
    let mut last_quarter: Option<(i32, u8)> = None;
    for f in &mut found {
        if f.year_back {
            if let Some((y, q)) = last_quarter {
                f.value = TimexValue::quarter(y - 1, q).to_string();
            }
            continue;
        }
        if let Some(shift) = f.anaphoric_year {
            if let Some(y) = last_year {
                f.value = format!("{:04}", y + shift);
            }
            continue;
        }
        let value = TimexValue::parse(&f.value);
        if let Some(y) = value.year() {
            last_year = Some(y);
        }
        if let ValueKind::Quarter(y, q) = value.kind() {
            last_quarter = Some((y, q));
        }
        if f.anaphoric_day {
            if let Some(d) = &last_day {
                f.value.clone_from(d);
            }
        } else if let Some((y, m, d)) = value.date() {
            last_day = Some(TimexValue::day(y, m, d).to_string());
        }
    }
    // The recognisers write TimeML's strings; here they become typed values, once.
    found
        .into_iter()
        .enumerate()
        .map(|(i, f)| Timex {
            id: format!("t{}", i + 1),
            span: f.span,
            kind: f.kind,
            value: f.value.into(),
            end_value: f.end_value.map(Into::into),
            year_inferred: f.year_inferred,
        })
        .collect()
}

/// Structure for text that is body only: every non-blank line a paragraph.
fn analyze_plain(text: &str) -> Article {
    let mut article = Article::default();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let span = ByteSpan::new(pos, pos + line.len()).trim(text);
        pos += line.len();
        if span.is_empty() {
            continue;
        }
        let block = article.blocks.len();
        // Clean text still may carry its date on a line of its own: it is the publication date.
        let line = span.of(text);
        if article.meta.published.is_none() && line.split_whitespace().count() <= 12 {
            if let Some(d) = parse_dateline(line) {
                article.meta.published = Some(d);
                article.blocks.push(Block { kind: BlockKind::Dateline, span, body: span, credit: None, duplicate_of: None });
                continue;
            }
        }
        article.blocks.push(Block { kind: BlockKind::Paragraph, span, body: span, credit: None, duplicate_of: None });
        article.sentences.extend(split_sentences(text, span).into_iter().map(|span| Sentence { span, block }));
    }
    article
}

#[cfg(test)]
mod tests;

/// The country a demonym belongs to, by the engine's gazetteer: `"Chinese"` → `Some("China")`.
/// Tools that score the engine against corpora which mark nationality adjectives as mentions
/// of the country use it; the `lede/1` output links a demonym entity to its country's
/// entity only when the text names that country.
pub fn demonym_country(word: &str) -> Option<&'static str> {
    match gazetteer::Gazetteer::get().lookup(word) {
        Some(gazetteer::Known::Demonym(c)) => Some(c),
        _ => None,
    }
}
