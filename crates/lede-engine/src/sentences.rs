//! Sentence splitting: UAX #29 boundaries, then abbreviations glued back.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::ByteSpan;

/// Abbreviations that are always followed by more of the same sentence
/// (titles before a name, "No." before a number, Latin shorthands).
const ALWAYS_CONTINUE: [&str; 36] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cmdr", "sgt", "maj", "rev", "hon", "pres", "amb", "messrs", "mt",
    "ft", "vs", "v", "e.g", "i.e", "cf", "approx", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
];

/// Words that, capitalised right after a dotted acronym such as "U.S.",
/// show that a new sentence has begun.
const SENTENCE_STARTERS: [&str; 40] = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Yet",
    "So",
    "However",
    "Meanwhile",
    "Still",
    "Such",
    "What",
    "For",
    "Some",
];

/// The word (letters and inner dots) that ends `s` just before its final period.
fn last_word_before_period(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let s = s.strip_suffix('.')?;
    let start = s.char_indices().rev().find(|&(_, c)| !(c.is_alphanumeric() || c == '.')).map_or(0, |(i, c)| i + c.len_utf8());
    Some(&s[start..])
}

/// Whether the segment `prev` ends with an abbreviation so that `next` continues its sentence.
fn continues(prev: &str, next: &str) -> bool {
    let Some(word) = last_word_before_period(prev) else { return false };
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ALWAYS_CONTINUE.contains(&lower.as_str()) {
        return true;
    }
    let first_next = next.split_whitespace().next().unwrap_or("");
    // "No. 5", "Nos. 3 and 4"
    if (word == "No" || word == "Nos") && first_next.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let first_next = first_next.trim_matches(|c: char| !c.is_alphanumeric());
    let starts_sentence = SENTENCE_STARTERS.contains(&first_next);
    // A single initial ("J. K. Rowling") or a dotted acronym ("U.S.", "U.N.").
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    (single_initial || dotted) && !starts_sentence
}

/// Split `span` of `text` into sentence spans (trimmed, never empty).
///
/// Boundaries come from UAX #29; a boundary right after an abbreviation
/// such as "Mr." or "U.S." (when the next word does not start a sentence) is removed.
pub fn split_sentences(text: &str, span: ByteSpan) -> Vec<ByteSpan> {
    let slice = span.of(text);
    let mut out: Vec<ByteSpan> = Vec::new();
    let mut glue = false;
    for (offset, seg) in slice.split_sentence_bound_indices() {
        let piece = ByteSpan::new(span.start + offset, span.start + offset + seg.len()).trim(text);
        if piece.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if glue || continues(last.of(text), piece.of(text)) => last.end = piece.end,
            _ => out.push(piece),
        }
        // UAX #29 also breaks at line breaks inside a block; a line that ends
        // without terminal punctuation continues on the next one.
        let ends = piece.of(text).trim_end_matches(['"', '\'', '”', '’', ')', ']']);
        glue = !ends.ends_with(['.', '!', '?', '…', ':', ';']) && seg.ends_with(['\n', '\r']);
    }
    out
}
