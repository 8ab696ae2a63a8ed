use super::*;

fn spans_of(sentence: &str) -> Vec<(String, &'static str)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let doc = DocFeatures::from_sentences(std::slice::from_ref(&words));
    let tags = tag_sentence(&words, &doc, BlockHint::Body);
    assert_eq!(tags.len(), words.len());
    spans(&tags).iter().map(|s| (words[s.start..s.end].join(" "), s.kind.name())).collect()
}

#[test]
fn finds_people_organisations_and_places() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Minister Anna Virtanen met officials of Harrow Dynamics in Lisbon .", &[("Anna Virtanen", "PER"), ("Harrow Dynamics", "ORG"), ("Lisbon", "LOC")]),
        ("President Barack Obama visited Kenya on Monday .", &[("Barack Obama", "PER"), ("Kenya", "LOC")]),
        ("The United Nations said the talks in Geneva would resume .", &[("United Nations", "ORG"), ("Geneva", "LOC")]),
    ];
    for (sentence, want) in cases {
        let got = spans_of(sentence);
        let want: Vec<(String, &str)> = want.iter().map(|(t, k)| ((*t).to_owned(), *k)).collect();
        assert_eq!(got, want, "{sentence}");
    }
}

/// A sentence of thousands of words (a list, text without full stops) is tagged in pieces
/// cut after punctuation, each read with words of context: the tags are those of the sentence
/// tagged whole.
#[test]
fn long_sentences_are_tagged_in_pieces_as_if_whole() {
    let item = ["Anna", "Virtanen", ",", "Harrow", "Dynamics", ",", "Lisbon", ",", "the", "board", "of", "Kestrel", "Holdings", "met", "Rui", "Costa"];
    let mut long: Vec<&str> = Vec::new();
    for _ in 0..300 {
        long.extend(item);
    }
    long.push(".");
    assert!(long.len() > 4 * CHUNK);
    let doc = DocFeatures::from_sentences(std::slice::from_ref(&long));
    let mut tagger = Tagger::new();
    let mut got = Vec::new();
    tagger.tag(&long, &doc, BlockHint::Body, &mut got);
    tagger.tag_piece(NerModel::embedded(), &long, &doc, BlockHint::Body);
    let whole: Vec<NerTag> = tagger.best.iter().map(|&y| NerTag::from_index(y as usize)).collect();
    assert_eq!(got, whole);
    assert!(spans(&got).len() >= 4 * 300, "names found: {}", spans(&got).len());
}

#[test]
fn output_is_bio_valid_and_total() {
    let inputs =
        ["", "a", ". . .", "I-PER B-LOC O", "ÉMILE ZOLA ÉCRIT À PARIS", "東京 で 会議 が あった", "🙂 🙃 \u{200d} \u{0301}", "ǅungla Ǉubljana İstanbul ß ﬁ"];
    let long = "x".repeat(10_000) + " " + &"Ä".repeat(5_000);
    let mut tagger = Tagger::new();
    let mut out = Vec::new();
    for s in inputs.iter().copied().chain([long.as_str()]) {
        let words: Vec<&str> = if s.is_empty() { Vec::new() } else { s.split(' ').collect() };
        let doc = DocFeatures::from_sentences(std::slice::from_ref(&words));
        for block in [BlockHint::Body, BlockHint::Headline, BlockHint::Caption, BlockHint::Byline] {
            tagger.tag(&words, &doc, block, &mut out);
            assert_eq!(out.len(), words.len());
            for (i, t) in out.iter().enumerate() {
                if t.is_inside() {
                    assert!(i > 0 && out[i - 1].entity_type() == t.entity_type(), "{s:?}: {out:?}");
                }
            }
        }
    }
    assert!(tag_sentence(&[], &DocFeatures::empty(), BlockHint::Body).is_empty());
}

#[test]
fn embedded_model_is_parsed() {
    let m = NerModel::embedded();
    assert!(m.header().contains("make train"));
    assert!(m.bits() >= 8 && (m.weight_bytes() == 1 || m.weight_bytes() == 2) && m.scale() > 0.0);
}

#[test]
fn damaged_model_files_are_rejected() {
    static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ner.bin"));
    assert!(NerModel::parse(BYTES).is_ok());
    assert!(NerModel::parse(&BYTES[..BYTES.len() - 1]).is_err());
    assert!(NerModel::parse(b"no marker").is_err());
    let mut flipped = BYTES.to_vec();
    let at = flipped.len() / 2;
    flipped[at] ^= 1;
    assert!(NerModel::parse(&flipped).unwrap_err().contains("checksum"));
}

#[test]
fn viterbi_respects_bio() {
    // Emissions that prefer I-PER everywhere: the start may not be I-PER, nor I-PER follow O.
    let n = 3;
    let mut e = vec![0i32; n * NTAGS];
    for t in 0..n {
        e[t * NTAGS + NerTag::IPer.index()] = 10;
        e[t * NTAGS + NerTag::BPer.index()] = 5;
    }
    let (mut d, mut b, mut out) = (Vec::new(), Vec::new(), Vec::new());
    viterbi(n, &e, &[0; (NTAGS + 1) * NTAGS], &mut d, &mut b, &mut out);
    let tags: Vec<NerTag> = out.iter().map(|&y| NerTag::from_index(y as usize)).collect();
    assert_eq!(tags, [NerTag::BPer, NerTag::IPer, NerTag::IPer]);
}

#[test]
fn conll_parsing_titles_and_scores() {
    let text = "-DOCSTART-\tO\n\nPrime\tB-PER\nMinister\tI-PER\nTony\tI-PER\nBlair\tI-PER\nspoke\tO\n\n\
                Mr.\tB-PER\nBush\tI-PER\nand\tO\nPrime\tB-PER\nMinister\tO\n\n-DOCSTART-\tO\n\nParis\tB-LOC\n";
    let docs = parse_conll(text).unwrap();
    assert_eq!(docs.len(), 2);
    let mut s = docs[0].sentences[0].clone();
    strip_titles(&s.words, &mut s.tags);
    assert_eq!(spans(&s.tags), [Span { start: 2, end: 4, kind: EntityType::Per }]);
    let mut s = docs[0].sentences[1].clone();
    strip_titles(&s.words, &mut s.tags);
    assert_eq!(s.tags, [NerTag::O, NerTag::BPer, NerTag::O, NerTag::O, NerTag::O]);
    assert!(parse_conll("word\tB-XYZ\n").unwrap_err().contains("line 1"));
    assert_eq!(pseudo_documents(docs, 1).len(), 3);

    let gold = [Span { start: 0, end: 2, kind: EntityType::Per }, Span { start: 3, end: 4, kind: EntityType::Loc }];
    let pred = [Span { start: 0, end: 2, kind: EntityType::Per }, Span { start: 3, end: 4, kind: EntityType::Org }];
    let mut sc = Scores::default();
    sc.add(&gold, &pred);
    let (p, r, f) = sc.overall();
    assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.5).abs() < 1e-9);
    // A stray I- tag starts a span (CoNLL).
    assert_eq!(spans(&[NerTag::O, NerTag::ILoc, NerTag::ILoc]), [Span { start: 1, end: 3, kind: EntityType::Loc }]);
}

#[test]
fn document_features_count_other_occurrences() {
    let a = vec!["Apple", "said", "so", "."];
    let b = vec!["Analysts", "like", "Apple", "."];
    let c = vec!["an", "apple", "a", "day"];
    let doc = DocFeatures::from_sentences(&[a, b, c]);
    let key = |w: &str| features::doc_key(0, w).0;
    assert_eq!(doc.counts(key("Apple")), (1, 1));
    assert_eq!(doc.counts(key("said")), (0, 1));
    assert_eq!(doc.counts(key("Missing")), (0, 0));
}
