//! CoNLL files (`token<TAB>tag`, BIO2), the CoNLL span scorer, and the title convention.
//! Pure functions over text; the CLI and the trainer do the reading.

use super::features::{is_title, is_title_glue};
use super::NerTag;

/// An entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// Person.
    Per = 0,
    /// Organisation.
    Org = 1,
    /// Location.
    Loc = 2,
    /// Other names.
    Misc = 3,
}

impl EntityType {
    /// All types, in index order.
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Org, EntityType::Loc, EntityType::Misc];

    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn name(self) -> &'static str {
        ["PER", "ORG", "LOC", "MISC"][self as usize]
    }
}

/// A typed span of tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
}

/// One sentence of a CoNLL file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllSentence {
    /// Its tokens.
    pub words: Vec<String>,
    /// Their gold tags.
    pub tags: Vec<NerTag>,
}

/// One `-DOCSTART-` document of a CoNLL file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllDocument {
    /// Its sentences.
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    /// The document-level features of its sentences (all body text), without copying words.
    pub fn doc_features(&self) -> super::DocFeatures {
        let mut b = super::DocFeatures::builder();
        for s in &self.sentences {
            b.add_sentence(&s.words, super::BlockHint::Body);
        }
        b.finish()
    }
}

/// Parse a CoNLL file: `token<TAB>tag` lines, blank lines between sentences, `-DOCSTART-`
/// lines between documents. Errors name the 1-based line.
pub fn parse_conll(text: &str) -> Result<Vec<ConllDocument>, String> {
    let mut docs = vec![ConllDocument::default()];
    let mut sent = ConllSentence::default();
    let flush = |docs: &mut Vec<ConllDocument>, sent: &mut ConllSentence| {
        if !sent.words.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sent));
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        let (word, tag) = line.rsplit_once('\t').ok_or_else(|| format!("line {}: no tab", n + 1))?;
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDocument::default());
            }
            continue;
        }
        let tag = NerTag::parse(tag.trim()).ok_or_else(|| format!("line {}: unknown tag {tag:?}", n + 1))?;
        sent.words.push(word.to_owned());
        sent.tags.push(tag);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Cut documents into pseudo-documents of at most `size` sentences (corpora without
/// document boundaries, such as GMB, are one huge document), for the document-level features.
pub fn pseudo_documents(docs: Vec<ConllDocument>, size: usize) -> Vec<ConllDocument> {
    let size = size.max(1);
    let mut out = Vec::new();
    for d in docs {
        let mut it = d.sentences.into_iter().peekable();
        while it.peek().is_some() {
            out.push(ConllDocument { sentences: it.by_ref().take(size).collect() });
        }
    }
    out
}

/// CoNLL convention for person names: leading title and honorific tokens of a `PER` span
/// ("President", "Mr.", "Prime Minister", "Secretary of State") become `O`, and the name
/// proper starts with `B-PER`. A span made only of titles becomes `O` entirely.
pub fn strip_titles<S: AsRef<str>>(words: &[S], tags: &mut [NerTag]) {
    let n = tags.len().min(words.len());
    let mut i = 0;
    while i < n {
        if tags[i] != NerTag::BPer {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (tags[j] == NerTag::IPer || j == i) && (is_title(words[j].as_ref()) || (j > i && is_title_glue(words[j].as_ref()))) {
            tags[j] = NerTag::O;
            j += 1;
        }
        if j > i && j < n && tags[j] == NerTag::IPer {
            tags[j] = NerTag::BPer;
        }
        i = j.max(i + 1);
    }
}

/// The typed spans of a tag sequence (CoNLL: a stray `I-X` starts a span).
pub fn spans(tags: &[NerTag]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let kind = t.entity_type();
        let continues = t.is_inside() && open.is_some_and(|(_, k)| Some(k) == kind);
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push(Span { start: s, end: i, kind: k });
        }
        if let Some(k) = kind {
            open = Some((i, k));
        }
    }
    if let Some((s, k)) = open {
        out.push(Span { start: s, end: tags.len(), kind: k });
    }
    out
}

/// Exact typed span counts (CoNLL: same type and same tokens), per type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Correct predicted spans, per type index.
    pub tp: [u64; 4],
    /// Predicted spans not in the gold, per type index.
    pub fp: [u64; 4],
    /// Gold spans not predicted, per type index.
    pub fn_: [u64; 4],
}

fn prf(tp: u64, fp: u64, fn_: u64) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl Scores {
    /// Count one sentence.
    pub fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        for p in predicted {
            if gold.contains(p) {
                self.tp[p.kind as usize] += 1;
            } else {
                self.fp[p.kind as usize] += 1;
            }
        }
        for g in gold {
            if !predicted.contains(g) {
                self.fn_[g.kind as usize] += 1;
            }
        }
    }

    /// Add another set of counts.
    pub fn merge(&mut self, other: &Scores) {
        for k in 0..4 {
            self.tp[k] += other.tp[k];
            self.fp[k] += other.fp[k];
            self.fn_[k] += other.fn_[k];
        }
    }

    /// Precision, recall and F1 (0..1) of one type.
    pub fn of(&self, kind: EntityType) -> (f64, f64, f64) {
        let k = kind as usize;
        prf(self.tp[k], self.fp[k], self.fn_[k])
    }

    /// Gold spans of one type.
    pub fn gold(&self, kind: EntityType) -> u64 {
        self.tp[kind as usize] + self.fn_[kind as usize]
    }

    /// Micro precision, recall and F1 over PER, ORG and LOC (MISC left out).
    pub fn overall(&self) -> (f64, f64, f64) {
        let s = |v: &[u64; 4]| v[0] + v[1] + v[2];
        prf(s(&self.tp), s(&self.fp), s(&self.fn_))
    }
}
