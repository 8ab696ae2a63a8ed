//! `lede eval conll [--model] [--model-file FILE] [--limit N] [--errors] FILE...`: exact typed
//! span precision, recall and F1 (CoNLL: same type, same tokens) of the NER tagger on CoNLL
//! files (`token<TAB>tag`, BIO2), per type and overall over PER/ORG/LOC, per file.
//!
//! Gold PER spans get the CoNLL title convention (leading "Mr.", "President" ... set to O)
//! with the trainer's own function; documents are cut into the trainer's pseudo-documents of
//! 30 sentences for the document-level features.
//!
//! The tagger is behind [`SpanTagger`], a document of tokenised sentences in, predicted spans
//! out: `--model` (the default) is the engine's model alone; an `--engine` mode (full engine
//! on the space-joined tokens, its mentions mapped back to tokens) can implement the same trait.

use std::fmt::Write as _;
use std::path::Path;

use lede_engine::ner_api::{parse_conll, pseudo_documents, spans, strip_titles, BlockHint, DocFeatures, EntityType, NerModel, Scores, Span, Tagger};

/// Sentences per pseudo-document (as in the trainer).
const DOC_SIZE: usize = 30;

/// Something that finds typed token spans in the sentences of one document.
pub(crate) trait SpanTagger {
    /// The predicted spans of every sentence of the document, in order.
    fn tag_document(&mut self, sentences: &[Vec<String>]) -> Vec<Vec<Span>>;
}

/// The engine's NER model alone.
pub(crate) struct ModelTagger<'a> {
    model: &'a NerModel<'a>,
    tagger: Tagger,
    tags: Vec<lede_engine::ner_api::NerTag>,
}

impl<'a> ModelTagger<'a> {
    pub(crate) fn new(model: &'a NerModel<'a>) -> ModelTagger<'a> {
        ModelTagger { model, tagger: Tagger::new(), tags: Vec::new() }
    }
}

impl SpanTagger for ModelTagger<'_> {
    fn tag_document(&mut self, sentences: &[Vec<String>]) -> Vec<Vec<Span>> {
        let doc = DocFeatures::from_sentences(sentences);
        sentences
            .iter()
            .map(|s| {
                self.tagger.tag_with(self.model, s, &doc, BlockHint::Body, &mut self.tags);
                spans(&self.tags)
            })
            .collect()
    }
}

/// The whole engine (model, then rules): each pseudo-document's sentences, their tokens joined
/// by spaces, one sentence a line, analysed as plain text; every entity mention is mapped back
/// to the tokens it covers (person PER, organization ORG, place LOC, any other kind MISC).
pub(crate) struct EngineTagger;

impl SpanTagger for EngineTagger {
    fn tag_document(&mut self, sentences: &[Vec<String>]) -> Vec<Vec<Span>> {
        let mut text = String::new();
        // (sentence, token) of each token's first byte, and the byte just after it.
        let mut starts: Vec<(usize, usize, usize)> = Vec::new();
        let mut ends: Vec<(usize, usize, usize)> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            for (ti, w) in s.iter().enumerate() {
                if ti > 0 {
                    text.push(' ');
                }
                starts.push((text.len(), si, ti));
                text.push_str(w);
                ends.push((text.len(), si, ti));
            }
            text.push('\n');
        }
        let options = lede_engine::Options { reference: None, plain: true };
        let annotation = lede_engine::annotate(&text, &options);
        let mut out: Vec<Vec<Span>> = vec![Vec::new(); sentences.len()];
        for e in &annotation.entities {
            let kind = match e.kind {
                lede_engine::EntityKind::Person => EntityType::Per,
                lede_engine::EntityKind::Organization => EntityType::Org,
                lede_engine::EntityKind::Place => EntityType::Loc,
                _ => EntityType::Misc,
            };
            for m in &e.mentions {
                // The tokens the mention covers, at least in part.
                let first = starts.partition_point(|&(b, _, _)| b < m.start);
                let first = if first > 0 && ends[first - 1].0 > m.start { first - 1 } else { first };
                let last = ends.partition_point(|&(b, _, _)| b < m.end);
                let (Some(&(_, s0, t0)), Some(&(_, s1, t1))) = (starts.get(first), ends.get(last)) else { continue };
                if s0 == s1 && t0 <= t1 {
                    out[s0].push(Span { start: t0, end: t1 + 1, kind });
                }
            }
        }
        for v in &mut out {
            v.sort_by_key(|x| (x.start, x.end));
            v.dedup_by_key(|x| (x.start, x.end));
        }
        out
    }
}

/// Options of `lede eval conll`.
#[derive(Default)]
pub(crate) struct ConllOptions {
    /// Score only the first N sentences of each file.
    pub(crate) limit: Option<usize>,
    /// List the wrong and missed spans.
    pub(crate) errors: bool,
}

fn pct(x: f64) -> String {
    format!("{:5.1}", x * 100.0)
}

/// Score one file; the report goes to `out`.
pub(crate) fn score_file(path: &Path, tagger: &mut dyn SpanTagger, options: &ConllOptions, out: &mut String) -> Result<Scores, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut docs = parse_conll(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(limit) = options.limit {
        let mut left = limit;
        for d in &mut docs {
            d.sentences.truncate(left);
            left -= d.sentences.len();
        }
        docs.retain(|d| !d.sentences.is_empty());
    }
    let mut scores = Scores::default();
    let (mut nsent, mut ntok) = (0, 0);
    let mut errors = String::new();
    for d in pseudo_documents(docs, DOC_SIZE) {
        let words: Vec<Vec<String>> = d.sentences.iter().map(|s| s.words.clone()).collect();
        let predicted = tagger.tag_document(&words);
        for (s, pred) in d.sentences.iter().zip(predicted) {
            let mut tags = s.tags.clone();
            strip_titles(&s.words, &mut tags);
            let gold = spans(&tags);
            scores.add(&gold, &pred);
            nsent += 1;
            ntok += s.words.len();
            if options.errors && gold != pred {
                let show = |v: &[Span]| v.iter().map(|x| format!("{}[{}]", x.kind.name(), s.words[x.start..x.end].join(" "))).collect::<Vec<_>>().join(" ");
                let missed: Vec<Span> = gold.iter().filter(|g| !pred.contains(g)).copied().collect();
                let wrong: Vec<Span> = pred.iter().filter(|p| !gold.contains(p)).copied().collect();
                let _ = writeln!(errors, "  | {}\n  |   missed: {}\n  |   wrong:  {}", s.words.join(" "), show(&missed), show(&wrong));
            }
        }
    }
    let _ = writeln!(out, "{} ({nsent} sentences, {ntok} tokens)", path.display());
    let _ = writeln!(out, "  type     gold      P      R     F1");
    for k in EntityType::ALL {
        let (p, r, f) = scores.of(k);
        let _ = writeln!(out, "  {:<6} {:>6} {} {} {}", k.name(), scores.gold(k), pct(p), pct(r), pct(f));
    }
    let (p, r, f) = scores.overall();
    let gold: u64 = [EntityType::Per, EntityType::Org, EntityType::Loc].iter().map(|&k| scores.gold(k)).sum();
    let _ = writeln!(out, "  {:<6} {:>6} {} {} {}   (exact typed PER/ORG/LOC)", "all", gold, pct(p), pct(r), pct(f));
    out.push_str(&errors);
    Ok(scores)
}

/// Score every file with `tagger`.
pub(crate) fn run(files: &[String], tagger: &mut dyn SpanTagger, options: &ConllOptions) -> Result<String, String> {
    let mut out = String::new();
    let mut summary = String::new();
    for f in files {
        let scores = score_file(Path::new(f), tagger, options, &mut out)?;
        let _ = writeln!(summary, "F1 {:5.2}  {f}", scores.overall().2 * 100.0);
    }
    out.push_str("exact typed PER/ORG/LOC F1 per file:\n");
    out.push_str(&summary);
    Ok(out)
}
