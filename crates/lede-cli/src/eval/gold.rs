//! Reading a MEANTIME document: tokens, gold time expressions and name mentions, the
//! reference date; the trimming of gold name spans to the CoNLL convention.

use std::collections::HashMap;

use lede_engine::EntityKind;

use super::detok::{TokRange, Token};

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

    pub(crate) const fn index(self) -> usize {
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
pub(crate) const TITLES: &[&str] = &[
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

pub(crate) fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}
