//! Matching predictions with the gold and counting: TempEval-3 timex measures, entity
//! measures, per document.

use std::ops::AddAssign;

use super::detok::{range_text, Detokenized, TokRange};
use super::gold::{trim_article, Document, Mention, NeType, TimexItem};

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

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
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
