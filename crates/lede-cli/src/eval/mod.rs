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
//! # Layout
//!
//! One step a module: [`gold`] reads a document, [`detok`] rebuilds its text and aligns engine
//! spans with tokens, [`predict`] turns an annotation into comparable items, [`score`] matches
//! and counts, [`report`] runs over the corpus and prints.
//!
//! # Reference date
//!
//! The `CREATION_TIME` timex value, else the `dct_value` column of the corpus
//! `INDEX.tsv`, else (two documents annotate their date line as an ordinary
//! timex) the value of a `DATE` timex lying wholly in sentence 1, the date line.

mod detok;
mod gold;
mod predict;
mod report;
mod score;

pub use detok::*;
pub use gold::*;
pub use report::*;
pub use score::*;

#[cfg(test)]
mod tests {
    use super::predict::*;
    use super::*;
    use lede_engine::{Annotation, ByteSpan, Entity, EntityKind, Timex, TimexType};

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
