//! `lede eval meantime DIR`: score the engine's time expressions and named
//! entities against the MEANTIME corpus (NewsReader, CC BY 4.0).
//!
//! # What is compared
//!
//! Each MEANTIME document is a list of `<token t_id sentence number>` elements
//! and `<Markables>` anchored to tokens. The text the engine sees is rebuilt
//! from the tokens by [`detokenize`] (one line per sentence), and every engine
//! span is mapped back to the tokens it overlaps ([`token_range`]), so gold and
//! predictions are compared as token ranges (first..=last token).
//!
//! * **Scored region.** MEANTIME annotates only the first sentences of each
//!   article (the title, the date line and about four sentences). The scored
//!   region of a document is sentences `0..=N`, where `N` is the highest
//!   sentence index of any markable in it; predictions that start after it are
//!   ignored. The engine still sees the whole text.
//! * **Time expressions** (TempEval-3 definitions). Gold is every `TIMEX3`
//!   with token anchors except the document creation time
//!   (`functionInDocument="CREATION_TIME"`); predictions overlapping the
//!   creation time's tokens are ignored. *Strict*: same token range. *Relaxed*:
//!   overlapping token ranges. Matching is one-to-one: strict pairs first, then
//!   the remaining overlaps, greedily in text order, largest overlap first.
//!   Type and value accuracy are taken over the relaxed matches, and
//!   *value F1* = relaxed F1 × value accuracy (likewise *type F1*).
//! * **Named entities.** Gold is every `ENTITY_MENTION` with
//!   `syntactic_type="NAM"` that `REFERS_TO` an `ENTITY` of type `PER`, `ORG`
//!   or `LOC`. Predictions are the mentions of engine entities of kind person,
//!   organization and place. A match needs the same token range and the same
//!   type (one-to-one). For diagnosis, an untyped exact-span score and a typed
//!   overlap score are printed too: MEANTIME name mentions are whole noun
//!   phrases ("the X Air Force", "spokeswoman Y"), longer than the bare names an
//!   engine marks.
//!
//! A markable anchored to non-contiguous tokens is taken as its first..=last
//! token range.
//!
//! # Reference date
//!
//! The `CREATION_TIME` timex value, else the `dct_value` column of the corpus
//! `INDEX.tsv`, else (two documents annotate their date line as an ordinary
//! timex) the value of a `DATE` timex lying wholly in sentence 1, the date line.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::ops::AddAssign;
use std::path::{Path, PathBuf};

use lede_engine::{annotate, Annotation, ByteSpan, EntityKind, Options};

use lede_cli::timeml::parse_value;

// ---------------------------------------------------------------------------
// Tokens and text
// ---------------------------------------------------------------------------

/// One corpus token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token's characters.
    pub text: String,
    /// Its sentence index (0 = the title in MEANTIME).
    pub sentence: usize,
}

/// Text rebuilt from tokens, with each token's byte span in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detokenized {
    /// One line per sentence, each ending in `\n`.
    pub text: String,
    /// `spans[i]` is where token `i` lies in `text`.
    pub spans: Vec<ByteSpan>,
}

/// Tokens written without a space before them.
const NO_SPACE_BEFORE: &[&str] =
    &[",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'", "\u{201d}", "\u{2019}", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m"];

/// Tokens written without a space after them.
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "``", "`", "\u{201c}", "\u{2018}", "\u{a3}", "\u{20ac}"];

/// Rebuild readable text from tokens: one line per sentence (a new line starts
/// whenever the sentence index changes), tokens joined by one space except
///
/// * no space before `, . ; : ! ? ) ] } %`, the clitics `'s 're 've 'll 'd 'm n't`
///   and closing quotes (`''`, `'`, `”`, `’`);
/// * no space after `( [ {`, currency signs (`$ £ €`, and `US$`-style tokens)
///   and opening quotes (`` `` ``, `` ` ``, `“`, `‘`);
/// * a straight `"` opens and closes in turn within a sentence (odd ones open);
/// * a `-` token between two capitalised tokens joins them ("Wal-Mart").
///
/// Newlines inside a token become spaces so that lines stay sentences.
pub fn detokenize(tokens: &[Token]) -> Detokenized {
    let mut out = Detokenized { text: String::new(), spans: Vec::with_capacity(tokens.len()) };
    let mut prev: Option<(usize, bool)> = None; // (sentence, no space after it)
    let mut quote_open = false;
    let capital = |t: Option<&Token>| t.is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase));
    for (i, tok) in tokens.iter().enumerate() {
        let new_line = prev.is_some_and(|(s, _)| s != tok.sentence);
        if new_line {
            quote_open = false;
        }
        let word = tok.text.replace(['\n', '\r'], " ");
        let straight_quote = word == "\"";
        let opens = straight_quote && !quote_open;
        // "Wal - Mart": a hyphen token between capitalised words joins them.
        let name_hyphen = word == "-" && i > 0 && capital(tokens.get(i - 1)) && capital(tokens.get(i + 1));
        let glue_left = NO_SPACE_BEFORE.contains(&word.as_str()) || (straight_quote && quote_open) || name_hyphen;
        let glue_right = NO_SPACE_AFTER.contains(&word.as_str())
            || name_hyphen
            || opens
            || (word.len() > 1 && word.ends_with('$') && word[..word.len() - 1].bytes().all(|b| b.is_ascii_uppercase()));
        match prev {
            Some(_) if new_line => out.text.push('\n'),
            Some((_, no_space_after)) if !no_space_after && !glue_left => out.text.push(' '),
            _ => {}
        }
        if straight_quote {
            quote_open = !quote_open;
        }
        let start = out.text.len();
        out.text.push_str(&word);
        out.spans.push(ByteSpan::new(start, out.text.len()));
        prev = Some((tok.sentence, glue_right));
    }
    if !tokens.is_empty() {
        out.text.push('\n');
    }
    out
}

/// An inclusive range of token indexes, `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TokRange {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
}

impl TokRange {
    /// The range `first..=last`.
    pub const fn new(first: usize, last: usize) -> TokRange {
        TokRange { first, last }
    }

    /// Number of tokens both ranges cover.
    pub fn overlap(self, other: TokRange) -> usize {
        let lo = self.first.max(other.first);
        let hi = self.last.min(other.last);
        if lo <= hi {
            hi - lo + 1
        } else {
            0
        }
    }
}

/// The tokens that `span` overlaps (shares at least one byte with), given the
/// tokens' spans in text order; `None` when it overlaps none.
pub fn token_range(spans: &[ByteSpan], span: ByteSpan) -> Option<TokRange> {
    let from = spans.partition_point(|t| t.end <= span.start);
    let mut hit = spans
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, t)| t.start < span.end)
        .filter(|(_, t)| !t.is_empty() && t.start < span.end && span.start < t.end)
        .map(|(i, _)| i);
    let first = hit.next()?;
    Some(TokRange::new(first, hit.last().unwrap_or(first)))
}

/// The text of a token range: from its first token's start to its last token's end.
fn range_text(d: &Detokenized, r: TokRange) -> &str {
    match (d.spans.get(r.first), d.spans.get(r.last)) {
        (Some(a), Some(b)) => ByteSpan::new(a.start, b.end).of(&d.text),
        _ => "",
    }
}

// ---------------------------------------------------------------------------
// Gold documents
// ---------------------------------------------------------------------------

/// The three named-entity types that are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NeType {
    /// MEANTIME `PER`, engine person.
    Per,
    /// MEANTIME `ORG`, engine organization.
    Org,
    /// MEANTIME `LOC`, engine place.
    Loc,
}

impl NeType {
    /// All three, in table order.
    pub const ALL: [NeType; 3] = [NeType::Per, NeType::Org, NeType::Loc];

    /// The MEANTIME name (`"PER"`).
    pub const fn name(self) -> &'static str {
        match self {
            NeType::Per => "PER",
            NeType::Org => "ORG",
            NeType::Loc => "LOC",
        }
    }

    /// From a MEANTIME `ent_type`.
    pub fn from_meantime(s: &str) -> Option<NeType> {
        NeType::ALL.into_iter().find(|t| t.name() == s)
    }

    /// From an engine entity kind; other kinds are not scored.
    pub fn from_kind(k: EntityKind) -> Option<NeType> {
        match k {
            EntityKind::Person => Some(NeType::Per),
            EntityKind::Organization => Some(NeType::Org),
            EntityKind::Place => Some(NeType::Loc),
            _ => None,
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// A time expression, gold or predicted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexItem {
    /// Its tokens.
    pub range: TokRange,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A named-entity mention, gold or predicted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Its tokens.
    pub range: TokRange,
    /// Its type.
    pub kind: NeType,
}

/// One MEANTIME document, reduced to what is scored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Tokens in document order.
    pub tokens: Vec<Token>,
    /// Gold timexes: anchored, not the creation time.
    pub timexes: Vec<TimexItem>,
    /// The creation time's value, when annotated.
    pub dct: Option<String>,
    /// The creation time's tokens, when anchored.
    pub dct_range: Option<TokRange>,
    /// A `DATE` timex value wholly in sentence 1 (the date line), the reference
    /// date of last resort.
    pub dateline_value: Option<String>,
    /// Gold named-entity mentions (name spans: `NAM` and `PRE.NAM`, leading
    /// article trimmed), the scored gold.
    pub mentions: Vec<Mention>,
    /// PER/ORG/LOC mentions whose syntactic type the annotators left empty (names,
    /// nominals and pronouns alike): a prediction on exactly one of these is not scored.
    pub unknown_mentions: Vec<TokRange>,
    /// Gold `NAM` mentions as MEANTIME marks them (whole noun phrases), for
    /// the diagnostic "NP extent" row.
    pub np_mentions: Vec<Mention>,
    /// Other entity mentions, for diagnosis only: range and a label such as
    /// `"PRE.NAM ORG"` or `"NOM PRO"`.
    pub unscored_mentions: Vec<(TokRange, String)>,
    /// Last sentence of the scored region; `None` when nothing is annotated.
    pub last_sentence: Option<usize>,
    /// Each `DATE` or `TIME` expression (not the creation time) with the events a `TLINK`
    /// anchors to it (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, BEGINS, ENDS, BEGUN_BY,
    /// ENDED_BY, IDENTITY, in either direction): its tokens and the events' tokens.
    pub anchors: Vec<(TokRange, Vec<TokRange>)>,
}

/// The TLINK relations that anchor an event to a time expression (it happens within, at,
/// around, from or until that time).
pub const ANCHORING: &[&str] = &["IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "IDENTITY"];

/// Read a MEANTIME XML document.
pub fn parse_document(xml: &str) -> Result<Document, String> {
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(xml, opts).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    let mut out = Document::default();
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for t in root.children().filter(|n| n.has_tag_name("token")) {
        let sentence = t.attribute("sentence").and_then(|s| s.trim().parse().ok()).ok_or_else(|| {
            let p = doc.text_pos_at(t.range().start);
            format!("token at {}:{} has no numeric sentence attribute", p.row, p.col)
        })?;
        if let Some(id) = t.attribute("t_id") {
            index_of.insert(id, out.tokens.len());
        }
        out.tokens.push(Token { text: t.text().unwrap_or("").to_owned(), sentence });
    }

    let markables: Vec<roxmltree::Node> =
        root.children().filter(|n| n.has_tag_name("Markables")).flat_map(|m| m.children()).filter(|n| n.is_element()).collect();
    let range_of = |n: &roxmltree::Node| -> Option<TokRange> {
        let idx: Vec<usize> =
            n.children().filter(|c| c.has_tag_name("token_anchor")).filter_map(|c| c.attribute("t_id")).filter_map(|id| index_of.get(id).copied()).collect();
        Some(TokRange::new(*idx.iter().min()?, *idx.iter().max()?))
    };
    let sentence_of = |i: usize| out.tokens.get(i).map_or(0, |t| t.sentence);
    out.last_sentence = markables.iter().filter_map(&range_of).map(|r| sentence_of(r.last)).max();

    // Entity instances and which instance each mention refers to.
    let ent_type: HashMap<&str, &str> =
        markables.iter().filter(|n| n.has_tag_name("ENTITY")).filter_map(|n| Some((n.attribute("m_id")?, n.attribute("ent_type").unwrap_or("")))).collect();
    let mut refers: HashMap<&str, &str> = HashMap::new();
    for r in root.descendants().filter(|n| n.has_tag_name("REFERS_TO")) {
        let Some(target) = r.children().filter(|c| c.has_tag_name("target")).find_map(|c| c.attribute("m_id")) else {
            continue;
        };
        if !ent_type.contains_key(target) {
            continue; // event coreference
        }
        for s in r.children().filter(|c| c.has_tag_name("source")).filter_map(|c| c.attribute("m_id")) {
            refers.entry(s).or_insert(target);
        }
    }

    let mut dateline = Vec::new();
    for m in &markables {
        let Some(range) = range_of(m) else { continue };
        match m.tag_name().name() {
            "TIMEX3" => {
                let item = TimexItem { range, kind: m.attribute("type").unwrap_or("").to_owned(), value: m.attribute("value").unwrap_or("").to_owned() };
                if m.attribute("functionInDocument") == Some("CREATION_TIME") {
                    out.dct.get_or_insert(item.value);
                    out.dct_range.get_or_insert(range);
                } else {
                    if item.kind == "DATE" && sentence_of(range.first) == 1 && sentence_of(range.last) == 1 {
                        dateline.push(item.value.clone());
                    }
                    out.timexes.push(item);
                }
            }
            "ENTITY_MENTION" => {
                let syntactic = m.attribute("syntactic_type").unwrap_or("");
                let etype = m.attribute("m_id").and_then(|id| refers.get(id)).and_then(|e| ent_type.get(e)).copied();
                match etype.and_then(NeType::from_meantime) {
                    Some(kind) if syntactic == "NAM" || syntactic == "PRE.NAM" => {
                        if syntactic == "NAM" {
                            out.np_mentions.push(Mention { range, kind });
                        }
                        let mut name = trim_article(&out.tokens, range);
                        if kind == NeType::Per {
                            name = trim_titles(&out.tokens, name);
                        }
                        out.mentions.push(Mention { range: name, kind });
                    }
                    Some(_) if syntactic.is_empty() => {
                        out.unknown_mentions.push(trim_article(&out.tokens, range));
                        out.unscored_mentions.push((range, "- (syntactic type not annotated)".to_owned()));
                    }
                    _ => out.unscored_mentions.push((range, format!("{} {}", or_dash(syntactic), or_dash(etype.unwrap_or(""))))),
                }
            }
            _ => {}
        }
    }
    // Events anchored to dates and times.
    let mut times: HashMap<&str, TokRange> = HashMap::new();
    let mut events: HashMap<&str, TokRange> = HashMap::new();
    for m in &markables {
        let (Some(id), Some(range)) = (m.attribute("m_id"), range_of(m)) else { continue };
        if m.has_tag_name("TIMEX3") && matches!(m.attribute("type"), Some("DATE" | "TIME")) && m.attribute("functionInDocument") != Some("CREATION_TIME") {
            times.insert(id, range);
        } else if m.has_tag_name("EVENT_MENTION") {
            events.insert(id, range);
        }
    }
    let mut anchored: std::collections::BTreeMap<TokRange, Vec<TokRange>> = std::collections::BTreeMap::new();
    for l in root.descendants().filter(|n| n.has_tag_name("TLINK")) {
        if !l.attribute("reltype").is_some_and(|r| ANCHORING.contains(&r)) {
            continue;
        }
        let end = |tag: &str| l.children().find(|c| c.has_tag_name(tag)).and_then(|c| c.attribute("m_id"));
        let (Some(a), Some(b)) = (end("source"), end("target")) else { continue };
        let pair = match (times.get(a), events.get(b), times.get(b), events.get(a)) {
            (Some(&t), Some(&e), _, _) | (_, _, Some(&t), Some(&e)) => (t, e),
            _ => continue,
        };
        anchored.entry(pair.0).or_default().push(pair.1);
    }
    out.anchors = anchored.into_iter().collect();
    out.dateline_value = dateline.into_iter().next();
    out.timexes.sort_by_key(|t| t.range);
    out.mentions.sort_by_key(|m| m.range);
    out.np_mentions.sort_by_key(|m| m.range);
    Ok(out)
}

/// Titles and honorifics that MEANTIME keeps in a person's mention ("President
/// Vladimir Putin", "Mr Howard") and the CoNLL/MUC name convention leaves out.
const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "dame",
    "president",
    "senator",
    "sen.",
    "prime",
    "minister",
    "chief",
    "executive",
    "officer",
    "ceo",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "judge",
    "justice",
    "presiding",
    "vice",
    "chairman",
    "chairwoman",
    "secretary",
    "governor",
    "gov.",
    "analyst",
    "director",
    "premier",
    "chancellor",
    "king",
    "queen",
    "pope",
    "general",
    "gen.",
    "professor",
    "prof.",
    "deputy",
    "mayor",
    "ambassador",
    "representative",
    "rep.",
];

/// `range` without leading titles and honorifics when a name remains.
pub fn trim_titles(tokens: &[Token], range: TokRange) -> TokRange {
    let mut first = range.first;
    while first < range.last && tokens.get(first).is_some_and(|t| TITLES.iter().any(|w| t.text.eq_ignore_ascii_case(w))) {
        first += 1;
    }
    TokRange::new(first, range.last)
}

/// `range` without a leading article ("the", "a", "an", any case) when more
/// tokens follow: name spans in the CoNLL and OntoNotes manner, where MEANTIME
/// marks "the United States".
pub fn trim_article(tokens: &[Token], range: TokRange) -> TokRange {
    let is_article = |i: usize| tokens.get(i).is_some_and(|t| ["the", "a", "an"].iter().any(|a| t.text.eq_ignore_ascii_case(a)));
    if range.first < range.last && is_article(range.first) {
        TokRange::new(range.first + 1, range.last)
    } else {
        range
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

// ---------------------------------------------------------------------------
// Predictions
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// Gold, predicted and matched counts, with precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub pred: usize,
    /// Matched pairs.
    pub matched: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Prf {
    /// matched / predicted (0 when nothing was predicted).
    pub fn precision(self) -> f64 {
        ratio(self.matched, self.pred)
    }
    /// matched / gold (0 when there is no gold).
    pub fn recall(self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.matched += o.matched;
    }
}

/// Timex counts for one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimexCounts {
    /// Gold timexes.
    pub gold: usize,
    /// Predicted timexes.
    pub pred: usize,
    /// Pairs with the same token range.
    pub strict: usize,
    /// Pairs with overlapping token ranges (strict pairs included).
    pub relaxed: usize,
    /// Relaxed pairs with the same type.
    pub type_ok: usize,
    /// Relaxed pairs with exactly the same value.
    pub value_ok: usize,
}

impl TimexCounts {
    /// Strict-extent counts.
    pub fn strict(self) -> Prf {
        Prf { gold: self.gold, pred: self.pred, matched: self.strict }
    }
    /// Relaxed-extent counts.
    pub fn relaxed(self) -> Prf {
        Prf { gold: self.gold, pred: self.pred, matched: self.relaxed }
    }
    /// Share of relaxed matches with the right type.
    pub fn type_accuracy(self) -> f64 {
        ratio(self.type_ok, self.relaxed)
    }
    /// Share of relaxed matches with exactly the right value.
    pub fn value_accuracy(self) -> f64 {
        ratio(self.value_ok, self.relaxed)
    }
    /// Relaxed F1 × type accuracy.
    pub fn type_f1(self) -> f64 {
        self.relaxed().f1() * self.type_accuracy()
    }
    /// Relaxed F1 × value accuracy (the TempEval-3 value F1).
    pub fn value_f1(self) -> f64 {
        self.relaxed().f1() * self.value_accuracy()
    }
}

impl AddAssign for TimexCounts {
    fn add_assign(&mut self, o: TimexCounts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
}

/// Named-entity counts for one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntityCounts {
    /// Per type, in [`NeType::ALL`] order; matched = same range and type.
    pub by_type: [Prf; 3],
    /// All three types together, matched on range only.
    pub untyped: Prf,
    /// All three types together, matched on type and overlapping ranges
    /// (a diagnosis for MEANTIME's long noun-phrase extents).
    pub relaxed: Prf,
    /// Typed exact match against MEANTIME's own `NAM` extents (whole noun
    /// phrases, articles kept, no `PRE.NAM`), with untrimmed predictions.
    pub np_extent: Prf,
}

impl EntityCounts {
    /// Counts for one type.
    pub fn of(&self, t: NeType) -> Prf {
        self.by_type[t.index()]
    }
    /// Micro-average over the three types.
    pub fn micro(&self) -> Prf {
        let mut sum = Prf::default();
        for p in self.by_type {
            sum += p;
        }
        sum
    }
}

impl AddAssign for EntityCounts {
    fn add_assign(&mut self, o: EntityCounts) {
        for (a, b) in self.by_type.iter_mut().zip(o.by_type) {
            *a += b;
        }
        self.untyped += o.untyped;
        self.relaxed += o.relaxed;
        self.np_extent += o.np_extent;
    }
}

/// One-to-one timex matching: `(gold index, pred index, strict)` pairs.
///
/// Same-range pairs are taken first; then each unmatched gold, in text order,
/// takes the unmatched prediction it overlaps most (the earliest on ties).
pub fn match_timexes(gold: &[TimexItem], pred: &[TimexItem]) -> Vec<(usize, usize, bool)> {
    let mut used = vec![false; pred.len()];
    let mut gold_done = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..pred.len()).find(|&pi| !used[pi] && pred[pi].range == g.range) {
            used[pi] = true;
            gold_done[gi] = true;
            pairs.push((gi, pi, true));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if gold_done[gi] {
            continue;
        }
        let best = (0..pred.len())
            .filter(|&pi| !used[pi])
            .map(|pi| (pred[pi].range.overlap(g.range), pi))
            .filter(|&(o, _)| o > 0)
            .max_by_key(|&(o, pi)| (o, std::cmp::Reverse(pi)));
        if let Some((_, pi)) = best {
            used[pi] = true;
            pairs.push((gi, pi, false));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Count timex matches.
pub fn count_timexes(gold: &[TimexItem], pred: &[TimexItem], pairs: &[(usize, usize, bool)]) -> TimexCounts {
    let mut c = TimexCounts { gold: gold.len(), pred: pred.len(), ..Default::default() };
    for &(gi, pi, strict) in pairs {
        let (Some(g), Some(p)) = (gold.get(gi), pred.get(pi)) else { continue };
        c.relaxed += 1;
        c.strict += usize::from(strict);
        c.type_ok += usize::from(g.kind == p.kind);
        c.value_ok += usize::from(g.value == p.value);
    }
    c
}

/// One-to-one exact-range matching of mentions; with `typed`, the types must agree too.
/// Returns `(gold index, pred index)` pairs.
pub fn match_mentions(gold: &[Mention], pred: &[Mention], typed: bool) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let hit = (0..pred.len()).find(|&pi| !used[pi] && pred[pi].range == g.range && (!typed || pred[pi].kind == g.kind));
        if let Some(pi) = hit {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// One-to-one matching of mentions of the same type whose ranges overlap:
/// each gold, in text order, takes the unmatched prediction it overlaps most
/// (same-range pairs first). Returns `(gold index, pred index)` pairs.
pub fn match_mentions_relaxed(gold: &[Mention], pred: &[Mention]) -> Vec<(usize, usize)> {
    let mut pairs = match_mentions(gold, pred, true);
    let mut used = vec![false; pred.len()];
    let mut done = vec![false; gold.len()];
    for &(gi, pi) in &pairs {
        done[gi] = true;
        used[pi] = true;
    }
    for (gi, g) in gold.iter().enumerate().filter(|(gi, _)| !done[*gi]) {
        let best = (0..pred.len())
            .filter(|&pi| !used[pi] && pred[pi].kind == g.kind)
            .map(|pi| (pred[pi].range.overlap(g.range), pi))
            .filter(|&(o, _)| o > 0)
            .max_by_key(|&(o, pi)| (o, std::cmp::Reverse(pi)));
        if let Some((_, pi)) = best {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// Count entity matches per type, untyped and relaxed.
pub fn count_mentions(gold: &[Mention], pred: &[Mention]) -> EntityCounts {
    let mut c = EntityCounts::default();
    for g in gold {
        c.by_type[g.kind.index()].gold += 1;
    }
    for p in pred {
        c.by_type[p.kind.index()].pred += 1;
    }
    for (gi, _) in match_mentions(gold, pred, true) {
        if let Some(g) = gold.get(gi) {
            c.by_type[g.kind.index()].matched += 1;
        }
    }
    c.untyped = Prf { gold: gold.len(), pred: pred.len(), matched: match_mentions(gold, pred, false).len() };
    c.relaxed = Prf { gold: gold.len(), pred: pred.len(), matched: match_mentions_relaxed(gold, pred).len() };
    c
}

/// The scores of one document, with a diagnosis of every error when asked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocScore {
    /// Timex counts.
    pub timex: TimexCounts,
    /// Entity counts.
    pub entities: EntityCounts,
    /// One line per error (only filled in verbose mode).
    pub notes: Vec<String>,
}

/// Score one document's predictions against its gold.
pub fn score_document(doc: &Document, detok: &Detokenized, pred_t: &[TimexItem], pred_m: &[Mention], verbose: bool) -> DocScore {
    let pairs = match_timexes(&doc.timexes, pred_t);
    let trimmed: Vec<Mention> = pred_m
        .iter()
        .map(|m| Mention { range: trim_article(&doc.tokens, m.range), kind: m.kind })
        .filter(|m| !doc.unknown_mentions.contains(&m.range) || doc.mentions.iter().any(|g| g.range == m.range))
        .collect();
    let mut entities = count_mentions(&doc.mentions, &trimmed);
    entities.np_extent = Prf { gold: doc.np_mentions.len(), pred: trimmed.len(), matched: match_mentions(&doc.np_mentions, pred_m, true).len() };
    let pred_m = &trimmed[..];
    let mut score = DocScore { timex: count_timexes(&doc.timexes, pred_t, &pairs), entities, notes: Vec::new() };
    if !verbose {
        return score;
    }
    let text = |r: TokRange| format!("{:?}", range_text(detok, r));
    let notes = &mut score.notes;

    // Timexes.
    let mut gold_hit = vec![false; doc.timexes.len()];
    let mut pred_hit = vec![false; pred_t.len()];
    for &(gi, pi, strict) in &pairs {
        let (Some(g), Some(p)) = (doc.timexes.get(gi), pred_t.get(pi)) else { continue };
        gold_hit[gi] = true;
        pred_hit[pi] = true;
        let right = g.kind == p.kind && g.value == p.value;
        if strict && right {
            continue;
        }
        let what = if right { "EXTENT" } else { "WRONG " };
        let extent = if strict { String::new() } else { format!(" (gold {})", text(g.range)) };
        notes.push(format!("  timex  {what} {}{extent}  pred {} {}  gold {} {}", text(p.range), p.kind, p.value, g.kind, g.value));
    }
    for (g, _) in doc.timexes.iter().zip(&gold_hit).filter(|(_, h)| !**h) {
        notes.push(format!("  timex  MISSED {}  gold {} {}", text(g.range), g.kind, g.value));
    }
    for (p, _) in pred_t.iter().zip(&pred_hit).filter(|(_, h)| !**h) {
        notes.push(format!("  timex  FALSE  {}  pred {} {}", text(p.range), p.kind, p.value));
    }

    // Entities: wrong type when only the type differs, else missed / false.
    let typed = match_mentions(&doc.mentions, pred_m, true);
    let mut gold_hit = vec![false; doc.mentions.len()];
    let mut pred_hit = vec![false; pred_m.len()];
    for &(gi, pi) in &typed {
        gold_hit[gi] = true;
        pred_hit[pi] = true;
    }
    for (g, _) in doc.mentions.iter().zip(&gold_hit).filter(|(_, h)| !**h) {
        let same = (0..pred_m.len()).find(|&pi| !pred_hit[pi] && pred_m[pi].range == g.range);
        match same {
            Some(pi) => {
                pred_hit[pi] = true;
                notes.push(format!("  entity TYPE   {}  pred {}  gold {}", text(g.range), pred_m[pi].kind.name(), g.kind.name()));
            }
            None => notes.push(format!("  entity MISSED {}  gold {}", text(g.range), g.kind.name())),
        }
    }
    for (p, _) in pred_m.iter().zip(&pred_hit).filter(|(_, h)| !**h) {
        let note =
            doc.unscored_mentions.iter().find(|(r, _)| *r == p.range).map(|(_, label)| format!("  (unscored gold mention: {label})")).unwrap_or_default();
        notes.push(format!("  entity FALSE  {}  pred {}{note}", text(p.range), p.kind.name()));
    }
    score
}

// ---------------------------------------------------------------------------
// Running over the corpus
// ---------------------------------------------------------------------------

/// Options of `lede eval meantime`.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    /// Print every error per document.
    pub verbose: bool,
    /// Also write the figures as JSON to this file.
    pub json: Option<PathBuf>,
}

/// Totals for a group of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    /// Documents scored.
    pub docs: usize,
    /// Timex counts.
    pub timex: TimexCounts,
    /// Entity counts.
    pub entities: EntityCounts,
}

impl Totals {
    fn add(&mut self, s: &DocScore) {
        self.docs += 1;
        self.timex += s.timex;
        self.entities += s.entities;
    }
}

/// The XML files to score, grouped by corpus folder, sorted by name.
///
/// `dir` may be the corpus root (with `intra-doc_annotation/corpus_*/`), a
/// folder of corpus folders, or a folder of XML files (one group named after it).
pub fn find_documents(dir: &Path) -> Result<Vec<(String, Vec<PathBuf>)>, String> {
    let base = {
        let intra = dir.join("intra-doc_annotation");
        if intra.is_dir() {
            intra
        } else {
            dir.to_path_buf()
        }
    };
    let xml_files = |d: &Path| -> Result<Vec<PathBuf>, String> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map_err(|e| format!("cannot read {}: {e}", d.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xml")))
            .collect();
        v.sort();
        Ok(v)
    };
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map_err(|e| format!("cannot read {}: {e}", base.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    let name_of = |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut groups = Vec::new();
    let top = xml_files(&base)?;
    if !top.is_empty() {
        groups.push((name_of(&base), top));
    }
    for d in subdirs {
        let files = xml_files(&d)?;
        if !files.is_empty() {
            groups.push((name_of(&d), files));
        }
    }
    Ok(groups)
}

/// `file name → dct_value` from the corpus `INDEX.tsv`, when there is one.
fn read_index(dir: &Path) -> HashMap<String, String> {
    let Ok(tsv) = std::fs::read_to_string(dir.join("INDEX.tsv")) else { return HashMap::new() };
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let (Some(fi), Some(di)) = (header.iter().position(|h| *h == "file"), header.iter().position(|h| *h == "dct_value")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let (f, d) = (cols.get(fi)?, cols.get(di)?);
            (!d.trim().is_empty()).then(|| (f.to_string(), d.trim().to_owned()))
        })
        .collect()
}

/// What the printed tables say about the scoring choices.
const METHOD: &str = "\
Scored region: sentences 0..=N of each document, N = the last sentence holding any markable
  (MEANTIME annotates only the title, the date line and the first sentences); predictions
  starting after it are ignored.
Timexes (TempEval-3): gold = anchored TIMEX3 except the CREATION_TIME one; predictions on the
  creation time's tokens are ignored. strict = same tokens, relaxed = overlapping tokens
  (one-to-one); type/value: matched = relaxed matches with the right type/value,
  F1 = relaxed F1 x accuracy.
Entities: gold = name mentions (NAM, and PRE.NAM names used as modifiers: \"US\" in \"US troops\")
  of PER/ORG/LOC entities; a leading article is trimmed from gold and predicted spans (\"the
  United States\" -> \"United States\", the CoNLL/OntoNotes name span); match = same tokens and type.
  Leading titles and honorifics are trimmed from gold PER spans (\"President Vladimir Putin\" ->
  \"Vladimir Putin\", as in CoNLL/MUC, where the engine reports them as the role).
  A prediction on exactly a PER/ORG/LOC mention whose syntactic type MEANTIME left empty is not scored.
  Diagnosis only: span = same tokens, any type; overlap = same type, overlapping tokens;
  NP extent = MEANTIME's own NAM extents (whole noun phrases) against untrimmed predictions.";

/// Run the evaluation over `dir` and return the report: the tables, preceded
/// with `verbose` by the errors in each document. A missing `dir` is not an
/// error: the report says the evaluation was skipped.
pub fn run_meantime(dir: &Path, opts: &EvalOptions) -> Result<String, String> {
    if !dir.exists() {
        return Ok(format!("MEANTIME corpus not found at {}: evaluation skipped\n", dir.display()));
    }
    let mut out = String::new();
    let groups = find_documents(dir)?;
    if groups.is_empty() {
        return Err(format!("no MEANTIME .xml files under {}", dir.display()));
    }
    let index = read_index(dir);
    let mut per_group: BTreeMap<String, Totals> = BTreeMap::new();
    let mut overall = Totals::default();
    let mut failed = 0;
    for (group, files) in &groups {
        for path in files {
            let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let label = format!("{group}/{file_name}");
            let parsed = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|b| String::from_utf8(b).map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())))
                .and_then(|xml| parse_document(&xml));
            let doc = match parsed {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("lede: {}: {e} (document skipped)", path.display());
                    failed += 1;
                    continue;
                }
            };
            let dct_value = doc.dct.clone().or_else(|| index.get(&file_name).cloned()).or_else(|| doc.dateline_value.clone());
            let reference = dct_value.as_deref().and_then(parse_value);
            let detok = detokenize(&doc.tokens);
            let ann = annotate(&detok.text, &Options { reference, plain: true });
            let (pred_t, pred_m) = predictions(&doc, &detok, &ann);
            let score = score_document(&doc, &detok, &pred_t, &pred_m, opts.verbose);
            if opts.verbose {
                let region = doc.last_sentence.map_or_else(|| "none".to_owned(), |n| format!("0..={n}"));
                let _ = writeln!(out, "-- {label}  (reference {}, scored sentences {region})", reference.map_or_else(|| "none".to_owned(), |r| r.to_iso()));
                for n in &score.notes {
                    let _ = writeln!(out, "{n}");
                }
            }
            per_group.entry(group.clone()).or_default().add(&score);
            overall.add(&score);
        }
    }
    if opts.verbose {
        out.push('\n');
    }
    let _ = writeln!(out, "MEANTIME evaluation of lede-engine: {} documents under {}", overall.docs, dir.display());
    if failed > 0 {
        let _ = writeln!(out, "({failed} unreadable documents skipped)");
    }
    let _ = writeln!(out, "{METHOD}");
    for (group, t) in &per_group {
        let _ = writeln!(out, "\n{}", table(group, t));
    }
    let _ = writeln!(out, "\n{}", table("overall (micro-averaged over all documents)", &overall));
    if let Some(path) = &opts.json {
        let mut v = totals_json(&overall);
        let corpora: serde_json::Map<String, serde_json::Value> = per_group.iter().map(|(g, t)| (g.clone(), totals_json(t))).collect();
        if let Some(obj) = v.as_object_mut() {
            obj.insert("corpus".into(), serde_json::json!(dir.display().to_string()));
            obj.insert("corpora".into(), serde_json::Value::Object(corpora));
        }
        let s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
        std::fs::write(path, s + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(out)
}

/// One printed table.
/// One row of a score table: counts, P, R, F1 and, for attributes, the accuracy.
fn row(s: &mut String, name: &str, p: Prf, f1: f64, acc: Option<f64>) {
    let acc = acc.map_or_else(String::new, |a| format!("{:>8.1}", 100.0 * a));
    let _ =
        writeln!(s, "{name:<24}{:>6}{:>6}{:>7}{:>8.1}{:>8.1}{:>8.1}{acc}", p.gold, p.pred, p.matched, 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * f1);
}

/// The heading and the TempEval-3 rows (strict, relaxed, type, value) of a score table; the
/// MEANTIME report and `lede eval timeml` print the same.
pub fn timex_table(title: &str, docs: usize, c: TimexCounts) -> String {
    let mut s = format!("== {title}: {docs} documents ==\n");
    let _ = writeln!(s, "{:<24}{:>6}{:>6}{:>7}{:>8}{:>8}{:>8}{:>8}", "", "gold", "pred", "match", "P", "R", "F1", "acc");
    row(&mut s, "timex strict", c.strict(), c.strict().f1(), None);
    row(&mut s, "timex relaxed", c.relaxed(), c.relaxed().f1(), None);
    let typed = Prf { matched: c.type_ok, ..c.relaxed() };
    row(&mut s, "timex type", typed, c.type_f1(), Some(c.type_accuracy()));
    let valued = Prf { matched: c.value_ok, ..c.relaxed() };
    row(&mut s, "timex value", valued, c.value_f1(), Some(c.value_accuracy()));
    s
}

fn table(title: &str, t: &Totals) -> String {
    let mut s = timex_table(title, t.docs, t.timex);
    let mut add = |name: &str, p: Prf, f1: f64| row(&mut s, name, p, f1, None);
    for ty in NeType::ALL {
        let p = t.entities.of(ty);
        add(&format!("entity {}", ty.name()), p, p.f1());
    }
    let m = t.entities.micro();
    add("entity all (micro)", m, m.f1());
    add("entity span (untyped)", t.entities.untyped, t.entities.untyped.f1());
    add("entity overlap (typed)", t.entities.relaxed, t.entities.relaxed.f1());
    add("entity NP extent (NAM)", t.entities.np_extent, t.entities.np_extent.f1());
    s.truncate(s.trim_end().len());
    s
}

fn prf_json(p: Prf, f1: f64) -> serde_json::Value {
    serde_json::json!({
        "gold": p.gold, "pred": p.pred, "matched": p.matched,
        "precision": p.precision(), "recall": p.recall(), "f1": f1,
    })
}

fn totals_json(t: &Totals) -> serde_json::Value {
    let c = t.timex;
    let mut type_j = prf_json(Prf { matched: c.type_ok, ..c.relaxed() }, c.type_f1());
    let mut value_j = prf_json(Prf { matched: c.value_ok, ..c.relaxed() }, c.value_f1());
    type_j["accuracy"] = serde_json::json!(c.type_accuracy());
    value_j["accuracy"] = serde_json::json!(c.value_accuracy());
    let e = &t.entities;
    serde_json::json!({
        "documents": t.docs,
        "timex": {
            "strict": prf_json(c.strict(), c.strict().f1()),
            "relaxed": prf_json(c.relaxed(), c.relaxed().f1()),
            "type": type_j,
            "value": value_j,
        },
        "entities": {
            "PER": prf_json(e.of(NeType::Per), e.of(NeType::Per).f1()),
            "ORG": prf_json(e.of(NeType::Org), e.of(NeType::Org).f1()),
            "LOC": prf_json(e.of(NeType::Loc), e.of(NeType::Loc).f1()),
            "micro": prf_json(e.micro(), e.micro().f1()),
            "untyped": prf_json(e.untyped, e.untyped.f1()),
            "overlap": prf_json(e.relaxed, e.relaxed.f1()),
            "np_extent": prf_json(e.np_extent, e.np_extent.f1()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_engine::{Entity, Timex, TimexType};

    fn toks(sentences: &[&str]) -> Vec<Token> {
        sentences.iter().enumerate().flat_map(|(i, s)| s.split(' ').map(move |w| Token { text: w.to_owned(), sentence: i })).collect()
    }

    fn tx(first: usize, last: usize, kind: &str, value: &str) -> TimexItem {
        TimexItem { range: TokRange::new(first, last), kind: kind.into(), value: value.into() }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn detokenizer_spacing() {
        let d = detokenize(&toks(&[
            "Zorb Ltd ( ZL ) said , `` we grew 5 % '' ; it did n't .",
            "Blip 's \" odd \" idea : US$ 4 and $ 5 [ sic ] !",
            "Zip - Zap grew - and shrank",
        ]));
        assert_eq!(d.text, "Zorb Ltd (ZL) said, ``we grew 5%''; it didn't.\nBlip's \"odd\" idea: US$4 and $5 [sic]!\nZip-Zap grew - and shrank\n");
    }

    #[test]
    fn detokenizer_spans_point_at_tokens() {
        let tokens = toks(&["Über ( café ) 's", "x"]);
        let d = detokenize(&tokens);
        assert_eq!(d.spans.len(), tokens.len());
        for (t, s) in tokens.iter().zip(&d.spans) {
            assert_eq!(s.of(&d.text), t.text);
        }
        assert_eq!(d.text, "Über (café)'s\nx\n");
        assert_eq!(detokenize(&[]).text, "");
    }

    #[test]
    fn straight_quotes_alternate_per_sentence() {
        let d = detokenize(&toks(&["a \" b", "\" c \" d"]));
        assert_eq!(d.text, "a \"b\n\"c\" d\n");
    }

    #[test]
    fn byte_spans_map_to_token_ranges() {
        let d = detokenize(&toks(&["Met on 3 May , 2001 ."]));
        // tokens: Met(0) on(1) 3(2) May(3) ,(4) 2001(5) .(6)
        let at = |s: &str| {
            let i = d.text.find(s).unwrap();
            ByteSpan::new(i, i + s.len())
        };
        assert_eq!(token_range(&d.spans, at("3 May, 2001")), Some(TokRange::new(2, 5)));
        assert_eq!(token_range(&d.spans, at("ay")), Some(TokRange::new(3, 3)), "partial overlap covers the token");
        assert_eq!(token_range(&d.spans, at(" ")), None, "a space covers no token");
        assert_eq!(token_range(&d.spans, ByteSpan::new(900, 999)), None);
    }

    #[test]
    fn strict_and_relaxed_matching() {
        let gold = [tx(2, 5, "DATE", "2001-05-03"), tx(10, 11, "DURATION", "P2D"), tx(20, 20, "DATE", "2001")];
        let pred = [tx(2, 5, "DATE", "2001-05-03"), tx(11, 12, "DURATION", "P3D"), tx(30, 30, "DATE", "2002")];
        let pairs = match_timexes(&gold, &pred);
        assert_eq!(pairs, [(0, 0, true), (1, 1, false)]);
        let c = count_timexes(&gold, &pred, &pairs);
        assert_eq!(c, TimexCounts { gold: 3, pred: 3, strict: 1, relaxed: 2, type_ok: 2, value_ok: 1 });
        assert!(close(c.strict().f1(), 1.0 / 3.0));
        assert!(close(c.relaxed().f1(), 2.0 / 3.0));
    }

    #[test]
    fn value_f1_is_relaxed_f1_times_value_accuracy() {
        let c = TimexCounts { gold: 4, pred: 5, strict: 1, relaxed: 3, type_ok: 3, value_ok: 2 };
        let relaxed_f1 = 2.0 * (3.0 / 5.0) * (3.0 / 4.0) / (3.0 / 5.0 + 3.0 / 4.0);
        assert!(close(c.value_f1(), relaxed_f1 * 2.0 / 3.0));
        assert!(close(c.value_f1(), 2.0 * 2.0 / 9.0));
        assert!(close(c.type_f1(), relaxed_f1));
        assert_eq!(TimexCounts::default().value_f1(), 0.0);
    }

    #[test]
    fn matching_is_one_to_one() {
        // One long prediction over two gold timexes matches only one of them.
        let gold = [tx(0, 1, "DATE", "a"), tx(2, 3, "DATE", "b")];
        let pred = [tx(0, 3, "DATE", "a")];
        let c = count_timexes(&gold, &pred, &match_timexes(&gold, &pred));
        assert_eq!((c.relaxed, c.strict), (1, 0));
        // Two predictions on one gold: one matches, one is false.
        let gold = [tx(5, 6, "DATE", "x")];
        let pred = [tx(5, 5, "DATE", "x"), tx(5, 6, "DATE", "x")];
        let pairs = match_timexes(&gold, &pred);
        assert_eq!(pairs, [(0, 1, true)], "the same-range prediction wins");
        // A strict pair is not stolen by an earlier overlapping gold.
        let gold = [tx(0, 4, "DATE", "x"), tx(3, 4, "DATE", "y")];
        let pred = [tx(3, 4, "DATE", "y")];
        assert_eq!(match_timexes(&gold, &pred), [(1, 0, true)]);
        // Duplicate mentions: only one counts.
        let m = Mention { range: TokRange::new(1, 1), kind: NeType::Org };
        let c = count_mentions(&[m], &[m, m]);
        assert_eq!(c.micro(), Prf { gold: 1, pred: 2, matched: 1 });
    }

    #[test]
    fn entity_matching_needs_range_and_type() {
        let g = [
            Mention { range: TokRange::new(0, 1), kind: NeType::Per },
            Mention { range: TokRange::new(4, 4), kind: NeType::Org },
            Mention { range: TokRange::new(7, 8), kind: NeType::Loc },
        ];
        let p = [
            Mention { range: TokRange::new(0, 1), kind: NeType::Per },
            Mention { range: TokRange::new(4, 4), kind: NeType::Loc },
            Mention { range: TokRange::new(8, 8), kind: NeType::Loc },
        ];
        let c = count_mentions(&g, &p);
        assert_eq!(c.of(NeType::Per), Prf { gold: 1, pred: 1, matched: 1 });
        assert_eq!(c.of(NeType::Org), Prf { gold: 1, pred: 0, matched: 0 });
        assert_eq!(c.of(NeType::Loc), Prf { gold: 1, pred: 2, matched: 0 });
        assert_eq!(c.micro(), Prf { gold: 3, pred: 3, matched: 1 });
        assert_eq!(c.untyped, Prf { gold: 3, pred: 3, matched: 2 });
        assert_eq!(c.relaxed, Prf { gold: 3, pred: 3, matched: 2 }, "same type, overlapping tokens");
    }

    /// An invented MEANTIME-style document: title, date line, one sentence, an unannotated sentence.
    const DOC: &str = r#"<?xml version="1.0" ?><Document doc_id="1" lang="en">
<token number="0" sentence="0" t_id="1">Zorbco</token>
<token number="1" sentence="0" t_id="2">grows</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">3</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2001</token>
<token number="6" sentence="2" t_id="7">Ann</token>
<token number="7" sentence="2" t_id="8">Pell</token>
<token number="8" sentence="2" t_id="9">left</token>
<token number="9" sentence="2" t_id="10">Zorbco</token>
<token number="10" sentence="2" t_id="11">yesterday</token>
<token number="11" sentence="2" t_id="12">.</token>
<token number="12" sentence="3" t_id="13">Then</token>
<token number="13" sentence="3" t_id="14">today</token>
<token number="14" sentence="3" t_id="15">.</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2001-05-03" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2001-05-02" functionInDocument="NONE"><token_anchor t_id="11"/></TIMEX3>
<TIMEX3 m_id="22" type="DATE" value="PRESENT_REF" functionInDocument="NONE"/>
<ENTITY_MENTION m_id="30" syntactic_type="NAM"><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="31" syntactic_type="NAM"><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="32" syntactic_type="PRE.NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY m_id="40" ent_type="PER"/>
<ENTITY m_id="41" ent_type="ORG"/>
<EVENT m_id="42"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="30"/><target m_id="40"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="31"/><source m_id="32"/><target m_id="41"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn parses_gold_and_excludes_creation_time() {
        let doc = parse_document(DOC).unwrap();
        assert_eq!(doc.tokens.len(), 15);
        assert_eq!(doc.dct.as_deref(), Some("2001-05-03"));
        assert_eq!(doc.dct_range, Some(TokRange::new(2, 5)));
        assert_eq!(doc.timexes, [tx(10, 10, "DATE", "2001-05-02")], "no creation time, no unanchored timex");
        assert_eq!(doc.last_sentence, Some(2));
        assert_eq!(
            doc.mentions,
            [
                Mention { range: TokRange::new(0, 0), kind: NeType::Org },
                Mention { range: TokRange::new(6, 7), kind: NeType::Per },
                Mention { range: TokRange::new(9, 9), kind: NeType::Org }
            ],
            "NAM and PRE.NAM names"
        );
        assert_eq!(doc.np_mentions.len(), 2, "NP extents: NAM only");
        assert!(doc.unscored_mentions.is_empty());
        assert!(parse_document("<Document><token t_id=\"1\">x</token></Document>").is_err());
        assert!(parse_document("<Document>").is_err());
    }

    #[test]
    fn predictions_skip_creation_time_and_unannotated_sentences() {
        let doc = parse_document(DOC).unwrap();
        let d = detokenize(&doc.tokens);
        assert_eq!(d.text, "Zorbco grows\nMay 3, 2001\nAnn Pell left Zorbco yesterday.\nThen today.\n");
        let span = |s: &str| {
            let i = d.text.find(s).unwrap();
            ByteSpan::new(i, i + s.len())
        };
        let timex = |s: &str, value: &str| Timex {
            id: String::new(),
            span: span(s),
            kind: TimexType::Date,
            value: value.into(),
            end_value: None,
            year_inferred: false,
        };
        let entity = |kind: EntityKind, mentions: Vec<ByteSpan>| Entity {
            id: String::new(),
            name: String::new(),
            aliases: Vec::new(),
            kind,
            role: None,
            salience: 1.0,
            mentions,
            country: None,
        };
        let ann = Annotation {
            timexes: vec![timex("May 3", "2001-05-03"), timex("yesterday", "2001-05-01"), timex("today", "2001-05-03")],
            entities: vec![
                entity(EntityKind::Organization, vec![span("Zorbco"), ByteSpan::new(900, 911)]),
                entity(EntityKind::Person, vec![span("Ann Pell")]),
                entity(EntityKind::Group, vec![span("Then")]),
            ],
            ..Default::default()
        };
        let (pt, pm) = predictions(&doc, &d, &ann);
        assert_eq!(pt, [tx(10, 10, "DATE", "2001-05-01")], "creation time and sentence 3 ignored");
        assert_eq!(pm.len(), 2, "group kind ignored, and a span outside the text is dropped");
        let s = score_document(&doc, &d, &pt, &pm, true);
        assert_eq!(s.timex, TimexCounts { gold: 1, pred: 1, strict: 1, relaxed: 1, type_ok: 1, value_ok: 0 });
        assert_eq!(s.entities.micro(), Prf { gold: 3, pred: 2, matched: 2 }, "the PRE.NAM title mention is scored");
        let notes = s.notes.join("\n");
        assert!(notes.contains("timex  WRONG  \"yesterday\"  pred DATE 2001-05-01  gold DATE 2001-05-02"), "{notes}");
        assert!(notes.contains("entity MISSED \"Zorbco\"  gold ORG"), "{notes}");
        assert!(!notes.contains("entity FALSE"), "{notes}");
    }

    #[test]
    fn leading_articles_are_trimmed_from_name_spans() {
        let tokens = toks(&["the United States and The Hague and the"]);
        assert_eq!(trim_article(&tokens, TokRange::new(0, 2)), TokRange::new(1, 2));
        assert_eq!(trim_article(&tokens, TokRange::new(4, 5)), TokRange::new(5, 5), "any case");
        assert_eq!(trim_article(&tokens, TokRange::new(7, 7)), TokRange::new(7, 7), "a lone article stays");
        assert_eq!(trim_article(&tokens, TokRange::new(1, 2)), TokRange::new(1, 2));
        let tokens = toks(&["Prime Minister Ann Pell and Mr Justice"]);
        assert_eq!(trim_titles(&tokens, TokRange::new(0, 3)), TokRange::new(2, 3));
        assert_eq!(trim_titles(&tokens, TokRange::new(5, 6)), TokRange::new(6, 6), "the last word always stays");
    }

    #[test]
    fn prf_edge_cases() {
        let p = Prf::default();
        assert_eq!((p.precision(), p.recall(), p.f1()), (0.0, 0.0, 0.0));
        let p = Prf { gold: 2, pred: 4, matched: 2 };
        assert!(close(p.precision(), 0.5) && close(p.recall(), 1.0) && close(p.f1(), 2.0 / 3.0));
    }
}
