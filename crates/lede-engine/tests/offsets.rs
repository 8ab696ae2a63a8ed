//! Property tests: on random Unicode text (astral emoji, combining marks, CJK, RTL, CRLF)
//! every span lies on char boundaries, offsets convert both ways in code points and UTF-16,
//! and `lede/1` JSON round-trips.

use lede_engine::{annotate, from_json, to_json, ByteSpan, OffsetMap, Options};
use proptest::prelude::*;

/// Text pieces chosen to stress offsets and the recognisers.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Sergei Lavrov".to_owned()),
        Just("met Wang Yi in Guilin on March 22, 2021. ".to_owned()),
        Just("the U.S. and the UN ".to_owned()),
        Just("😀".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("北京".to_owned()),
        Just("مرحبا".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("Updated 15:18, 24-Mar-2021\n".to_owned()),
        Just(" /Xinhua\n".to_owned()),
        "[a-zA-Z ,.]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn on_boundaries(t: &str, s: ByteSpan) -> bool {
    s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_on_char_boundaries(t in text(), plain in any::<bool>()) {
        let a = annotate(&t, &Options { reference: lede_engine::parse_dateline("2021-03-24"), plain });
        for b in &a.article.blocks {
            prop_assert!(on_boundaries(&t, b.span) && on_boundaries(&t, b.body));
        }
        for s in &a.article.sentences {
            prop_assert!(on_boundaries(&t, s.span));
        }
        for e in &a.entities {
            for m in &e.mentions {
                prop_assert!(on_boundaries(&t, *m));
            }
        }
        for x in &a.timexes {
            prop_assert!(on_boundaries(&t, x.span));
        }
    }

    #[test]
    fn offsets_convert_both_ways(t in text()) {
        let map = OffsetMap::new(&t);
        let (mut cp, mut u16) = (0usize, 0usize);
        for (byte, c) in t.char_indices() {
            prop_assert_eq!(map.to_code_points(byte), cp);
            prop_assert_eq!(map.to_utf16(byte), u16);
            prop_assert_eq!(map.from_code_points(cp), Some(byte));
            prop_assert_eq!(map.from_utf16(u16), Some(byte));
            cp += 1;
            u16 += c.len_utf16();
        }
        prop_assert_eq!(map.to_code_points(t.len()), t.chars().count());
        prop_assert_eq!(map.to_utf16(t.len()), t.encode_utf16().count());
    }

    #[test]
    fn json_round_trips(t in text()) {
        let a = annotate(&t, &Options::default());
        let json = to_json(&t, &a);
        let (back, b) = from_json(&json).expect("own output reads back");
        prop_assert_eq!(&back, &t);
        prop_assert_eq!(&b.timexes, &a.timexes);
        prop_assert_eq!(&b.entities, &a.entities);
        prop_assert_eq!(&b.events, &a.events);
        prop_assert_eq!(&b.article.blocks, &a.article.blocks);
        prop_assert_eq!(&b.article.sentences, &a.article.sentences);
    }
}
