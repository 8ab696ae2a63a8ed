//! The engine's predictions for a document, as token ranges comparable with the gold.

use lede_engine::{Annotation, EntityKind};

use super::detok::{token_range, Detokenized, TokRange};
use super::gold::{Document, Mention, NeType, TimexItem};

/// The engine's timexes and entity mentions as token ranges, keeping only
/// those in the scored region and (for timexes) not overlapping the creation time.
pub fn predictions(doc: &Document, detok: &Detokenized, ann: &Annotation) -> (Vec<TimexItem>, Vec<Mention>) {
    let in_region = |r: TokRange| {
        let s = doc.tokens.get(r.first).map_or(usize::MAX, |t| t.sentence);
        doc.last_sentence.is_some_and(|last| s <= last)
    };
    let mut timexes: Vec<TimexItem> = ann
        .timexes
        .iter()
        .filter_map(|t| {
            let range = token_range(&detok.spans, t.span)?;
            let on_dct = doc.dct_range.is_some_and(|d| d.overlap(range) > 0);
            (in_region(range) && !on_dct).then(|| TimexItem { range, kind: t.kind.name().to_owned(), value: t.value.to_string() })
        })
        .collect();
    let mut mentions: Vec<Mention> = ann
        .entities
        .iter()
        .filter_map(|e| {
            // A demonym linked to its country ("German" in "German carmakers") is a mention of
            // that country, as MEANTIME marks it (LOC).
            let demonym = e.country.is_some() || lede_engine::demonym_country(&e.name).is_some();
            let kind = if e.kind == EntityKind::Group && demonym { Some(NeType::Loc) } else { NeType::from_kind(e.kind) };
            kind.map(|k| (e, k))
        })
        .flat_map(|(e, kind)| e.mentions.iter().map(move |s| (*s, kind)))
        .filter_map(|(s, kind)| token_range(&detok.spans, s).map(|range| Mention { range, kind }))
        .filter(|m| in_region(m.range))
        .collect();
    timexes.sort_by_key(|t| t.range);
    mentions.sort_by_key(|m| m.range);
    (timexes, mentions)
}
