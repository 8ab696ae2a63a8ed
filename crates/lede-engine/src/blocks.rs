//! Splitting raw article text (as scraped from a page) into typed blocks.
//!
//! The splitter works in three passes:
//! 1. **Units**: the text is cut into lines; hard-wrapped lines (a line without
//!    terminal punctuation followed by one starting in lower case) are joined.
//! 2. **Intrinsic kinds**: each unit is looked at alone: is it a dateline, a
//!    byline, an editor's note, a credited photo caption, page furniture?
//! 3. **Position**: the title is the first headline-shaped unit of the header;
//!    short headline-case lines in the header and after the body are chrome;
//!    parenthesised lines after the body are the footer.

use crate::datetime::{parse_dateline, CivilDateTime};
use crate::span::ByteSpan;

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Page furniture: buttons, widget titles, navigation ("Download", "Search Trends").
    Chrome,
    /// The headline.
    Title,
    /// The publication line ("Updated 15:18, 24-Mar-2021").
    Dateline,
    /// The author line.
    Byline,
    /// A photo caption, possibly with a credit ("... /Xinhua").
    Caption,
    /// An editor's note.
    Note,
    /// Body text.
    Paragraph,
    /// Trailing matter: contribution notes, copyright, author bios.
    Footer,
}

impl BlockKind {
    /// The lower-case name used in JSON and in the app (`"caption"`).
    pub const fn name(self) -> &'static str {
        match self {
            BlockKind::Chrome => "chrome",
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Byline => "byline",
            BlockKind::Caption => "caption",
            BlockKind::Note => "note",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Footer => "footer",
        }
    }
}

/// One block: a span over the original text, never a rewritten copy of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The whole block, trimmed of surrounding whitespace.
    pub span: ByteSpan,
    /// The block's own words: for a caption, the text before its credit;
    /// for a note, the text after "Editor's note:"; for a byline, after "By".
    /// Otherwise equal to `span`.
    pub body: ByteSpan,
    /// A caption's credit ("Xinhua" in "... /Xinhua").
    pub credit: Option<ByteSpan>,
    /// For a caption repeated verbatim: the index of its first occurrence.
    pub duplicate_of: Option<usize>,
}

/// Page-furniture phrases found on news sites (compared case-insensitively, whole unit).
const FURNITURE: [&str; 48] = [
    "download",
    "share",
    "share this",
    "share this article",
    "print",
    "email",
    "e-mail",
    "comment",
    "comments",
    "search",
    "search trends",
    "trending",
    "trending now",
    "advertisement",
    "ad",
    "related",
    "related articles",
    "related stories",
    "read more",
    "more",
    "see more",
    "subscribe",
    "sign in",
    "sign up",
    "log in",
    "menu",
    "home",
    "close",
    "next",
    "previous",
    "back to top",
    "follow us",
    "newsletter",
    "video",
    "photos",
    "gallery",
    "listen",
    "save",
    "copy link",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "top stories",
    "most read",
    "most popular",
    "loading",
    "skip to content",
];

/// Openings of trailing matter.
const FOOTER_OPENINGS: [&str; 12] = [
    "(if you want to contribute",
    "copyright",
    "©",
    "all rights reserved",
    "the views expressed",
    "this article first appeared",
    "this article originally appeared",
    "(the author",
    "reporting by",
    "additional reporting",
    "editing by",
    "(source:",
];

/// Openings of an editor's note.
const NOTE_OPENINGS: [&str; 5] = ["editor's note", "editor’s note", "editors' note", "editors’ note", "editor's notes"];

/// Openings that mark a unit as a photo caption even without a credit.
const CAPTION_OPENINGS: [&str; 4] = ["photo:", "file photo", "pictured:", "image:"];

/// Longer than any opening or furniture phrase above (in characters, and in bytes).
const OPENING_CHARS: usize = 64;

/// The opening words of a unit, lower-cased (only those can match an opening phrase; the
/// whole paragraph is not lower-cased).
fn lower_head(s: &str) -> String {
    s.char_indices().nth(OPENING_CHARS).map_or(s, |(i, _)| &s[..i]).to_lowercase()
}

/// The length in `s` of the first of `openings` that `lower` (its [`lower_head`]) starts with.
fn lower_starts_with_any(s: &str, lower: &str, openings: &[&str]) -> Option<usize> {
    openings.iter().find(|o| lower.starts_with(*o)).map(|o| {
        // Map the opening's length in the lower-cased text back to `s` by chars.
        let n = o.chars().count();
        s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
    })
}

/// Whether `c` belongs to a script written without spaces between words (Chinese, Japanese
/// kana, Thai, Lao, Khmer, Myanmar).
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Whether `s` has more than `n` words, counting no further than needed (a paragraph is most
/// often asked whether it is short). Words are the runs between spaces, and for scripts
/// written without spaces one word per two characters (about a word's length in Chinese and
/// Japanese), so that a paragraph in those scripts is measured by the same rules as an
/// English one.
fn words_over(s: &str, n: usize) -> bool {
    let mut count = 0;
    for w in s.split_whitespace() {
        let m = w.chars().filter(|&c| unspaced(c)).count();
        count += if m == 0 { 1 } else { m.div_ceil(2).max(1) };
        if count > n {
            return true;
        }
    }
    false
}

/// The wire dateline that opens a paragraph, up to and without its dash (a place in capitals,
/// a comma, a date, and perhaps the agency in brackets: "WASHINGTON, March 3, 2023
/// (Reuters)", "NEW YORK, Jan. 5, 2021 (AP)"), and its date; `None` when the paragraph opens
/// otherwise or the date part is not a full date.
pub(crate) fn wire_dateline(text: &str, paragraph: ByteSpan) -> Option<(ByteSpan, CivilDateTime)> {
    let s = paragraph.of(text);
    let head = &s[..s.char_indices().nth(90).map_or(s.len(), |(i, _)| i)];
    let dash = [" - ", " -- ", " — ", " – ", " —", " –"].iter().filter_map(|d| head.find(d)).min()?;
    let line = head[..dash].trim_end();
    let (place, rest) = line.split_once(',')?;
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || place.chars().any(|c| c.is_lowercase()) || !place.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-')) {
        return None;
    }
    // The agency in brackets is not part of the date.
    let date = parse_dateline(rest.find('(').map_or(rest, |k| &rest[..k]).trim())?;
    Some((ByteSpan::new(paragraph.start, paragraph.start + line.len()), date))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '」', '』', '）']).ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？', '：', '；'])
}

/// A word that starts with a capital (or is a digit-free initial like "J.").
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "Jane Doe", "Li Xin", "Mary-Jane O'Neil": 2 to 4 capitalised words, letters only.
fn is_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&ws.len()) && ws.iter().all(|w| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
}

/// Split a byline's body into author names ("Jane Doe and John Roe, CGTN" → both names).
fn author_names(body: &str) -> Vec<&str> {
    body.split(',').flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")).map(str::trim).filter(|p| is_name(p) && words_over(p, 1)).collect()
}

/// If `unit` ends with a credit ("... /Xinhua", "... (Photo: Reuters)", "... Photo: AP"),
/// the span of the credit's name and the caption body before it.
fn caption_credit(text: &str, unit: ByteSpan) -> Option<(ByteSpan, ByteSpan)> {
    let s = unit.of(text);
    // "/Xinhua" or "/ Xinhua" or "/Xinhua/Li Xin" at the very end, after a space or punctuation.
    if let Some(slash) = s.rfind(" /").map(|i| i + 1).or_else(|| s.rfind("./").map(|i| i + 1)) {
        let name = s[slash + 1..].trim();
        let ok =
            !name.is_empty() && name.chars().count() <= 40 && capitalised(name) && !words_over(name, 5) && !ends_sentence(name) && words_over(&s[..slash], 2);
        if ok {
            let name_start = unit.start + slash + 1 + (s[slash + 1..].len() - s[slash + 1..].trim_start().len());
            let credit = ByteSpan::new(name_start, unit.end);
            let body = ByteSpan::new(unit.start, unit.start + slash).trim(text);
            return Some((credit, body));
        }
    }
    // "(Photo: Reuters)" / "(Photo by Jane Doe)" / "Photo: AP" at the end. The markers are
    // ASCII: an ASCII lower-casing keeps byte offsets the same as in `s`.
    let lower = s.to_ascii_lowercase();
    for marker in ["(photo: ", "(photo by ", "(photo courtesy of ", "photo: ", "credit: ", "(credit: "] {
        if let Some(i) = lower.rfind(marker) {
            if i == 0 {
                continue;
            }
            let name_start = i + marker.len();
            let name_end = if marker.starts_with('(') { s.rfind(')').filter(|&e| e > name_start)? } else { s.len() };
            if name_end == s.len() || s[name_end..].trim() == ")" {
                let name = ByteSpan::new(unit.start + name_start, unit.start + name_end).trim(text);
                if !name.is_empty() && !words_over(name.of(text), 6) {
                    let body = ByteSpan::new(unit.start, unit.start + i).trim(text);
                    return Some((name, body));
                }
            }
        }
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Dateline,
    Byline,
    Note,
    Caption,
    Furniture,
    FooterOpening,
    Parenthesised,
    /// At most four words, no terminal punctuation.
    Short,
    Text,
}

struct Unit {
    span: ByteSpan,
    shape: Shape,
    body: ByteSpan,
    credit: Option<ByteSpan>,
}

/// Cut the text into trimmed line units, joining hard-wrapped lines.
fn units(text: &str) -> Vec<ByteSpan> {
    let mut out: Vec<ByteSpan> = Vec::new();
    let mut prev_blank = true;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let span = ByteSpan::new(pos, pos + line.len()).trim(text);
        pos += line.len();
        if span.is_empty() {
            prev_blank = true;
            continue;
        }
        let s = span.of(text);
        let joins = !prev_blank
            && out.last().is_some_and(|last| {
                let l = last.of(text);
                !ends_sentence(l) && words_over(l, 5) && s.chars().next().is_some_and(char::is_lowercase)
            });
        match out.last_mut() {
            Some(last) if joins => last.end = span.end,
            _ => out.push(span),
        }
        prev_blank = false;
    }
    out
}

fn shape_of(text: &str, span: ByteSpan) -> Unit {
    let s = span.of(text);
    let plain = |shape| Unit { span, shape, body: span, credit: None };
    let lower = lower_head(s);
    if let Some(cut) = lower_starts_with_any(s, &lower, &NOTE_OPENINGS) {
        let rest = s[cut..].trim_start_matches(|c: char| c == ':' || c == 's' || c.is_whitespace());
        let body = ByteSpan::new(span.end - rest.len(), span.end);
        return Unit { span, shape: Shape::Note, body, credit: None };
    }
    if !words_over(s, 12) && parse_dateline(s).is_some() {
        return plain(Shape::Dateline);
    }
    if let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) {
        if !author_names(rest).is_empty() && !words_over(rest, 12) && !ends_sentence(rest) {
            let body = ByteSpan::new(span.end - rest.len(), span.end);
            return Unit { span, shape: Shape::Byline, body, credit: None };
        }
    }
    if s.len() <= OPENING_CHARS && FURNITURE.contains(&s.to_lowercase().trim_end_matches([':', '>', '»']).trim()) {
        return plain(Shape::Furniture);
    }
    if lower_starts_with_any(s, &lower, &FOOTER_OPENINGS).is_some() {
        return plain(Shape::FooterOpening);
    }
    if let Some((credit, body)) = caption_credit(text, span) {
        return Unit { span, shape: Shape::Caption, body, credit: Some(credit) };
    }
    if lower_starts_with_any(s, &lower, &CAPTION_OPENINGS).is_some() {
        return plain(Shape::Caption);
    }
    if s.starts_with('(') && s.ends_with(')') {
        return plain(Shape::Parenthesised);
    }
    if !words_over(s, 4) && !ends_sentence(s) {
        return plain(Shape::Short);
    }
    plain(Shape::Text)
}

/// Whether a unit can be a headline: 1-30 words, not ending in a period.
fn headline_shaped(text: &str, u: &Unit) -> bool {
    let s = u.span.of(text);
    matches!(u.shape, Shape::Short | Shape::Text) && !words_over(s, 30) && !s.ends_with('.')
}

/// Whether a unit is body text (so the header has ended).
fn body_shaped(text: &str, u: &Unit) -> bool {
    let s = u.span.of(text);
    matches!(u.shape, Shape::Text | Shape::Note) && (words_over(s, 30) || ends_sentence(s))
}

/// Result of the block pass: the blocks and what they say about the article.
pub(crate) struct Structure {
    pub blocks: Vec<Block>,
    pub title: Option<ByteSpan>,
    pub published: Option<CivilDateTime>,
    pub authors: Vec<ByteSpan>,
}

/// Split raw article text into blocks.
pub(crate) fn split_blocks(text: &str) -> Structure {
    let units: Vec<Unit> = units(text).into_iter().map(|s| shape_of(text, s)).collect();

    // Header: everything before the first body-shaped unit.
    let body_start = units.iter().position(|u| body_shaped(text, u)).unwrap_or(units.len());
    // Trailer: everything after the last body paragraph.
    let body_end = units.iter().rposition(|u| matches!(u.shape, Shape::Text | Shape::Note) && body_shaped(text, u)).map_or(body_start, |i| i + 1);

    let title_idx = units[..body_start].iter().position(|u| headline_shaped(text, u) && words_over(u.span.of(text), 1));

    let mut blocks: Vec<Block> = Vec::with_capacity(units.len());
    let mut published = None;
    let mut authors = Vec::new();
    let mut in_footer = false;
    for (i, u) in units.iter().enumerate() {
        let s = u.span.of(text);
        let header = i < body_start;
        let trailer = i >= body_end;
        let near_meta = |j: Option<usize>| {
            j.and_then(|j| blocks.get(j)).is_some_and(|b: &Block| matches!(b.kind, BlockKind::Title | BlockKind::Dateline | BlockKind::Byline))
        };
        let kind = match u.shape {
            _ if Some(i) == title_idx => BlockKind::Title,
            Shape::Dateline if published.is_none() && (header || trailer) => BlockKind::Dateline,
            Shape::Byline => BlockKind::Byline,
            Shape::Note => BlockKind::Note,
            Shape::Caption => BlockKind::Caption,
            Shape::Furniture => BlockKind::Chrome,
            // "©", "Copyright" or "Reporting by" before the body ends is a credit (of the photo
            // above it) or a line of the body, not the start of the footer.
            Shape::FooterOpening if !header && trailer => BlockKind::Footer,
            Shape::FooterOpening if !header && !words_over(s, 12) && !ends_sentence(s) => BlockKind::Caption,
            Shape::FooterOpening if !header => BlockKind::Paragraph,
            Shape::Parenthesised if trailer => BlockKind::Footer,
            // A bare author name right after the title or dateline.
            Shape::Short
                if header && title_idx.is_some_and(|t| i > t) && is_name(s) && words_over(s, 1) && near_meta(i.checked_sub(1)) && authors.is_empty() =>
            {
                BlockKind::Byline
            }
            Shape::Short | Shape::Dateline if header || trailer => BlockKind::Chrome,
            _ if in_footer && !words_over(s, 4) => BlockKind::Chrome,
            _ if in_footer => BlockKind::Footer,
            // Anything else before the title is furniture.
            _ if title_idx.is_some_and(|t| i < t) => BlockKind::Chrome,
            _ => BlockKind::Paragraph,
        };
        let mut body = u.body;
        match kind {
            BlockKind::Dateline => published = parse_dateline(s),
            BlockKind::Byline => {
                if u.shape == Shape::Short {
                    body = u.span;
                }
                let b = body.of(text);
                for name in author_names(b) {
                    let off = name.as_ptr() as usize - text.as_ptr() as usize;
                    authors.push(ByteSpan::new(off, off + name.len()));
                }
            }
            BlockKind::Footer => in_footer = true,
            _ => {}
        }
        let duplicate_of = (kind == BlockKind::Caption).then(|| blocks.iter().position(|b| b.kind == BlockKind::Caption && b.span.of(text) == s)).flatten();
        blocks.push(Block { kind, span: u.span, body, credit: u.credit, duplicate_of });
    }
    // Text with no body at all (one short line, a list of names) is still shown:
    // short lines that were taken for furniture become paragraphs.
    if !blocks.iter().any(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Note)) {
        for (b, u) in blocks.iter_mut().zip(&units) {
            if b.kind == BlockKind::Chrome && u.shape != Shape::Furniture {
                b.kind = BlockKind::Paragraph;
            }
        }
    }
    // Wire copy dates itself in the first paragraph's opening ("WASHINGTON, March 3, 2023
    // (Reuters) - The Senate ..."): that date is the publication's when no line gives one.
    if published.is_none() {
        if let Some(b) = blocks.iter().find(|b| b.kind == BlockKind::Paragraph) {
            published = wire_dateline(text, b.span).map(|(_, date)| date);
        }
    }
    let title = title_idx.map(|i| units[i].span);
    Structure { blocks, title, published, authors }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_fit_the_lower_cased_head() {
        let all = FURNITURE.iter().chain(&FOOTER_OPENINGS).chain(&NOTE_OPENINGS).chain(&CAPTION_OPENINGS);
        for o in all {
            assert!(o.len() < OPENING_CHARS, "{o:?} is longer than OPENING_CHARS");
        }
    }
}
