//! Table-driven tests: each case names itself when it fails.

use crate::{analyze, parse_dateline, split_sentences, BlockKind, ByteSpan};

/// Check that `input` splits into exactly `expected` (kind name, block text) pairs.
fn check_blocks(name: &str, input: &str, expected: &[(&str, &str)]) {
    let article = analyze(input);
    let got: Vec<(&str, &str)> = article.blocks.iter().map(|b| (b.kind.name(), b.span.of(input))).collect();
    assert_eq!(got, expected, "block case {name:?}");
    for b in &article.blocks {
        assert!(input.is_char_boundary(b.span.start) && input.is_char_boundary(b.span.end), "{name}: boundary");
        assert!(b.span.contains(b.body), "{name}: body inside block");
    }
}

/// A test case: a name, an input text, and the (label, value) pairs expected from it.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

#[test]
fn block_cases() {
    let cases: &[Case] = &[
        (
            "scraped news page",
            "Download\nSearch Trends\nLeaders meet to discuss trade\nUpdated 15:18, 24-Mar-2021\nBy Jane Doe\n\
             The leaders met on Monday. They talked for hours about tariffs and ports.\n\
             (If you want to contribute and have specific expertise, please contact us.)\n",
            &[
                ("chrome", "Download"),
                ("chrome", "Search Trends"),
                ("title", "Leaders meet to discuss trade"),
                ("dateline", "Updated 15:18, 24-Mar-2021"),
                ("byline", "By Jane Doe"),
                ("paragraph", "The leaders met on Monday. They talked for hours about tariffs and ports."),
                ("footer", "(If you want to contribute and have specific expertise, please contact us.)"),
            ],
        ),
        (
            "bare author name after dateline, note, repeated caption",
            "Flood waters recede in the valley\nPublished: March 3, 2020 9:05 am\nAmina Okafor\n\n\
             Editor's note: The author is a hydrologist.\n\n\
             Rescue teams carry supplies across the river on March 2, 2020. /Reuters\n\
             Rescue teams carry supplies across the river on March 2, 2020. /Reuters\n\n\
             The river fell two metres overnight, officials said on Tuesday.\n",
            &[
                ("title", "Flood waters recede in the valley"),
                ("dateline", "Published: March 3, 2020 9:05 am"),
                ("byline", "Amina Okafor"),
                ("note", "Editor's note: The author is a hydrologist."),
                ("caption", "Rescue teams carry supplies across the river on March 2, 2020. /Reuters"),
                ("caption", "Rescue teams carry supplies across the river on March 2, 2020. /Reuters"),
                ("paragraph", "The river fell two metres overnight, officials said on Tuesday."),
            ],
        ),
        (
            "hard-wrapped plain text with blank lines, no title",
            "The council voted on Thursday to close the old bridge for\nrepairs that could last until spring.\n\n\
             Residents said the detour would add\ntwenty minutes to their commute.\n",
            &[
                ("paragraph", "The council voted on Thursday to close the old bridge for\nrepairs that could last until spring."),
                ("paragraph", "Residents said the detour would add\ntwenty minutes to their commute."),
            ],
        ),
        (
            "subheading inside the body stays text; trailing furniture is chrome",
            "Markets rally after rate decision\n\nStocks rose sharply on Wednesday after the central bank held rates.\n\
             What comes next\nAnalysts expect another pause in June.\nRelated Articles\nShare\n",
            &[
                ("title", "Markets rally after rate decision"),
                ("paragraph", "Stocks rose sharply on Wednesday after the central bank held rates."),
                ("paragraph", "What comes next"),
                ("paragraph", "Analysts expect another pause in June."),
                ("chrome", "Related Articles"),
                ("chrome", "Share"),
            ],
        ),
        (
            "photo credit in parentheses and copyright footer",
            "Heatwave grips the south\nBy Li Wei and Sam Roe, Staff Writers\n\
             A man cools off in a fountain in Seville, Spain. (Photo: AP)\n\
             Temperatures passed 44 degrees in several cities on Sunday, forecasters said.\n\
             Copyright 2023 Example Media. All rights reserved.\nMost Read\n",
            &[
                ("title", "Heatwave grips the south"),
                ("byline", "By Li Wei and Sam Roe, Staff Writers"),
                ("caption", "A man cools off in a fountain in Seville, Spain. (Photo: AP)"),
                ("paragraph", "Temperatures passed 44 degrees in several cities on Sunday, forecasters said."),
                ("footer", "Copyright 2023 Example Media. All rights reserved."),
                ("chrome", "Most Read"),
            ],
        ),
        (
            "CRLF line ends and surrounding whitespace",
            "  Title with CRLF ends  \r\n\r\nA sentence that is long enough to be body text here.\r\n",
            &[("title", "Title with CRLF ends"), ("paragraph", "A sentence that is long enough to be body text here.")],
        ),
        (
            "page chrome above the title, bare-name byline, captions of two agencies, chrome glued after a blank line at the end",
            "Print\nHarbour cranes return to the old port\nUpdated 09:40, 7-Jun-2019\nTomas Varga\n\
             Workers unload a ship (3rd L) at the north quay, June 6, 2019. /Reuters\n\n\
             Workers unload a ship (3rd L) at the north quay, June 6, 2019. /Reuters\n\n\
             The cranes were removed in 1998 and came back this spring, the port authority said.\n\n\
             A crane operator at work. /AFP\n\nA crane operator at work. /AFP\n\n\
             Traffic at the quay doubled in May, officials said.\n\n\
             (If you want to contribute, please write to us.)\n\nMost Popular",
            &[
                ("chrome", "Print"),
                ("title", "Harbour cranes return to the old port"),
                ("dateline", "Updated 09:40, 7-Jun-2019"),
                ("byline", "Tomas Varga"),
                ("caption", "Workers unload a ship (3rd L) at the north quay, June 6, 2019. /Reuters"),
                ("caption", "Workers unload a ship (3rd L) at the north quay, June 6, 2019. /Reuters"),
                ("paragraph", "The cranes were removed in 1998 and came back this spring, the port authority said."),
                ("caption", "A crane operator at work. /AFP"),
                ("caption", "A crane operator at work. /AFP"),
                ("paragraph", "Traffic at the quay doubled in May, officials said."),
                ("footer", "(If you want to contribute, please write to us.)"),
                ("chrome", "Most Popular"),
            ],
        ),
        ("one short line is kept as text", "hello", &[("paragraph", "hello")]),
        ("empty", "", &[]),
        ("only whitespace", " \n\t\r\n ", &[]),
        ("CJK and emoji", "北京 🌏 新闻\n今天天气很好。我们去公园散步了。\n", &[("title", "北京 🌏 新闻"), ("paragraph", "今天天气很好。我们去公园散步了。")]),
        (
            "a © credit under a paragraph is a credit, and the article goes on",
            "Harbour deal signed after long talks\nBy Ana Lima\n\nThe port signed a deal with the shipping line on Monday, officials said.\n\n\
             © Photo: Ana Lima/Harbour News\n\nThe agreement runs until 2030 and covers two new quays, the mayor said.\n\n\
             © 2021 Harbour News. All rights reserved.\n",
            &[
                ("title", "Harbour deal signed after long talks"),
                ("byline", "By Ana Lima"),
                ("paragraph", "The port signed a deal with the shipping line on Monday, officials said."),
                ("caption", "© Photo: Ana Lima/Harbour News"),
                ("paragraph", "The agreement runs until 2030 and covers two new quays, the mayor said."),
                ("footer", "© 2021 Harbour News. All rights reserved."),
            ],
        ),
        (
            "paragraphs in scripts without spaces are measured in characters, not taken for furniture",
            "港口协议签署\n\n桑托斯港周一与航运公司签署了一项协议，官员们表示\n\n東京の港湾当局は月曜日、新しい埠頭の建設計画を発表した\n",
            &[
                ("title", "港口协议签署"),
                ("paragraph", "桑托斯港周一与航运公司签署了一项协议，官员们表示"),
                ("paragraph", "東京の港湾当局は月曜日、新しい埠頭の建設計画を発表した"),
            ],
        ),
    ];
    for (name, input, expected) in cases {
        check_blocks(name, input, expected);
    }
}

#[test]
fn caption_credit_body_and_duplicates() {
    let text = "A title here\nCrowds gather at the square on Friday. /Xinhua\nCrowds gather at the square on Friday. /Xinhua\n\
                The square was full by noon, police said.\n";
    let a = analyze(text);
    let caps: Vec<_> = a.blocks.iter().filter(|b| b.kind == BlockKind::Caption).collect();
    assert_eq!(caps.len(), 2);
    assert_eq!(caps[0].credit.map(|c| c.of(text)), Some("Xinhua"));
    assert_eq!(caps[0].body.of(text), "Crowds gather at the square on Friday.");
    assert_eq!(caps[0].duplicate_of, None);
    assert_eq!(caps[1].duplicate_of, Some(1));
    // The repeated caption's sentences are not counted twice.
    let caption_sentences = a.sentences.iter().filter(|s| a.blocks[s.block].kind == BlockKind::Caption).count();
    assert_eq!(caption_sentences, 1);
}

#[test]
fn captions_of_two_agencies_each_shown_once_and_a_bare_byline_is_the_author() {
    let text = "Print\nHarbour cranes return\nUpdated 09:40, 7-Jun-2019\nTomas Varga\n\
                Workers unload a ship (3rd L) at the quay. /Reuters\n\nWorkers unload a ship (3rd L) at the quay. /Reuters\n\n\
                The cranes came back this spring, the port authority said on Thursday.\n\n\
                A crane operator at work. /AFP\n\nA crane operator at work. /AFP\n\nMost Popular";
    let a = analyze(text);
    assert_eq!(a.meta.authors, ["Tomas Varga"]);
    let caps: Vec<_> = a.blocks.iter().enumerate().filter(|(_, b)| b.kind == BlockKind::Caption).collect();
    let got: Vec<(Option<&str>, &str, bool)> = caps.iter().map(|(_, b)| (b.credit.map(|c| c.of(text)), b.body.of(text), b.duplicate_of.is_some())).collect();
    assert_eq!(
        got,
        [
            (Some("Reuters"), "Workers unload a ship (3rd L) at the quay.", false),
            (Some("Reuters"), "Workers unload a ship (3rd L) at the quay.", true),
            (Some("AFP"), "A crane operator at work.", false),
            (Some("AFP"), "A crane operator at work.", true),
        ]
    );
    // Each repeat points at the first of its own pair, not at the other agency's caption.
    assert_eq!(caps[1].1.duplicate_of, Some(caps[0].0));
    assert_eq!(caps[3].1.duplicate_of, Some(caps[2].0));
    assert_eq!(a.blocks.last().map(|b| (b.kind, b.span.of(text))), Some((BlockKind::Chrome, "Most Popular")));
}

#[test]
fn note_body_skips_the_label() {
    let text = "Editor’s Note: Jo Bloggs is a writer.\nThe rest of the story follows here today.\n";
    let a = analyze(text);
    assert_eq!(a.blocks[0].kind, BlockKind::Note);
    assert_eq!(a.blocks[0].body.of(text), "Jo Bloggs is a writer.");
}

#[test]
fn a_wire_dateline_at_the_head_of_the_text_dates_the_publication() {
    // (text, publication date found)
    let cases: &[(&str, Option<&str>)] = &[
        ("LISBON, March 3, 2023 (Reuters) - The council voted on Tuesday to close the port.", Some("2023-03-03")),
        ("NEW YORK, Jan. 5, 2021 (AP) -- Stocks fell on Monday as trading resumed.", Some("2021-01-05")),
        ("SAO PAULO, 24 March 2021 — Officials met again on Friday.", Some("2021-03-24")),
        // No full date, a place not in capitals, no dash: no dateline.
        ("NEW YORK (AP) - Stocks fell on Monday as trading resumed.", None),
        ("LISBON, in 2019 - the council voted to close the port.", None),
        ("Lisbon, March 3, 2023 - The council voted on Tuesday.", None),
        ("LISBON, March 3, 2023 The council voted on Tuesday to close the port.", None),
    ];
    for (text, want) in cases {
        let a = crate::annotate(text, &crate::Options::default());
        assert_eq!(a.article.meta.published.map(|p| p.to_iso()).as_deref(), *want, "{text}");
    }
    // Relative dates resolve against it; the dateline's own date is the publication's event,
    // and the statement keeps its own date.
    let a = crate::annotate(cases[0].0, &crate::Options::default());
    let tuesday = a.timexes.iter().find(|t| t.span.of(cases[0].0) == "Tuesday").expect("Tuesday");
    assert_eq!(tuesday.value, "2023-02-28");
    let published = a.events.iter().find(|e| e.value == "2023-03-03").expect("the publication's event");
    assert!(published.label.starts_with("Published"), "{}", published.label);
    let vote = a.events.iter().find(|e| e.value == "2023-02-28").expect("the vote's event");
    assert!(vote.label.contains("council voted"), "{}", vote.label);
}

#[test]
fn dateline_cases() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Updated 15:18, 24-Mar-2021", Some("2021-03-24T15:18")),
        ("24-Mar-2021", Some("2021-03-24")),
        ("Published: March 3, 2020 9:05 am", Some("2020-03-03T09:05")),
        ("March 3, 2020 12:30 p.m. ET", Some("2020-03-03T12:30")),
        ("Posted on Wednesday, 24 March 2021", Some("2021-03-24")),
        ("2021-03-24T15:18:00Z", Some("2021-03-24T15:18")),
        ("2021-03-24 15:18 GMT+8", Some("2021-03-24T15:18")),
        ("Updated: 24.03.2021", Some("2021-03-24")),
        ("03/24/2021", Some("2021-03-24")),
        ("Sept. 9th, 2019", Some("2019-09-09")),
        ("Feb 29, 2020", Some("2020-02-29")),
        // Not datelines: impossible dates, missing parts, extra words.
        ("Feb 29, 2021", None),
        ("February 30, 2020", None),
        ("March 2021", None),
        ("Updated 25:18, 24-Mar-2021", None),
        ("The meeting on March 3, 2020 was long", None),
        ("0000-01-01", None),
        ("", None),
    ];
    for (input, want) in cases {
        let got = parse_dateline(input).map(|d| d.to_iso());
        assert_eq!(got.as_deref(), *want, "dateline case {input:?}");
    }
    assert_eq!(parse_dateline("Updated 15:18, 24-Mar-2021").unwrap().to_human(), "24 March 2021, 15:18");
}

#[test]
fn sentence_cases() {
    let cases: &[(&str, &[&str])] = &[
        ("One. Two! Three?", &["One.", "Two!", "Three?"]),
        ("Mr. Smith met Dr. Jones. They spoke.", &["Mr. Smith met Dr. Jones.", "They spoke."]),
        ("He flew to the U.S. on Monday.", &["He flew to the U.S. on Monday."]),
        ("The U.S. State Department agreed.", &["The U.S. State Department agreed."]),
        ("Talks with the U.S. The next round is in May.", &["Talks with the U.S.", "The next round is in May."]),
        ("J. K. Rowling spoke.", &["J. K. Rowling spoke."]),
        ("Room No. 5 was empty. He said no. Then left.", &["Room No. 5 was empty.", "He said no.", "Then left."]),
        ("\"Go home,\" she said. \"Now.\"", &["\"Go home,\" she said.", "\"Now.\""]),
        ("北京很好。我们走吧。", &["北京很好。", "我们走吧。"]),
        ("Emoji 🎉 party. Next one.", &["Emoji 🎉 party.", "Next one."]),
        ("", &[]),
    ];
    for (input, want) in cases {
        let got: Vec<&str> = split_sentences(input, ByteSpan::new(0, input.len())).iter().map(|s| s.of(input)).collect();
        assert_eq!(&got, want, "sentence case {input:?}");
    }
}

#[test]
fn hostile_and_large_inputs_never_panic() {
    let long: String = (0..5000).map(|i| format!("Line {i} of a very long article, with words.\n")).collect();
    let inputs = [
        "\u{feff}",
        "\n\n\n",
        "(",
        ")",
        "/",
        " /X",
        "By ",
        "Editor's note",
        "Editor's note:",
        "(Photo: )",
        "a /B",
        "1:2:3",
        "99-Xyz-2021",
        "By Jane Doe",
        "\u{202e}rtl\u{202c} text. More.",
        "e\u{301}\u{301}.",
        long.as_str(),
    ];
    for input in inputs {
        let a = analyze(input);
        for s in &a.sentences {
            assert!(input.is_char_boundary(s.span.start) && input.is_char_boundary(s.span.end));
            assert!(s.span.start <= s.span.end && s.span.end <= input.len());
        }
    }
    assert_eq!(analyze(&long).blocks.len(), 5000);
}

/// Inputs the fuzzer found (each once broke an invariant): analysis keeps its spans apart and
/// its own `lede/1` reads back.
#[test]
fn fuzz_finds_read_back() {
    for input in [".OB\t24dU", "Dr", ".OB 24dU. OB 24d"] {
        for plain in [false, true] {
            let a = crate::annotate(input, &crate::Options { reference: crate::parse_dateline("2021-03-24"), plain });
            let json = crate::to_json(input, &a);
            let back = crate::from_json(&json);
            assert!(back.is_ok(), "{input:?} (plain {plain}): {:?}", back.err());
        }
    }
}

/// The shipped default article (`static/articles/default.txt`).
fn default_article() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/articles/default.txt");
    std::fs::read_to_string(path).expect("static/articles/default.txt")
}

#[test]
fn default_article_is_the_shared_raw_text_byte_for_byte() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/articles/default.txt");
    let Ok(want) = std::fs::read(shared) else {
        eprintln!("{shared} not found: the byte-for-byte check of static/articles/default.txt is skipped");
        return;
    };
    let got = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/articles/default.txt")).expect("shipped article");
    let first_difference = got.iter().zip(&want).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
    assert!(
        got == want,
        "static/articles/default.txt ({} bytes) differs from {shared} ({} bytes) at byte {first_difference}: copy it unchanged",
        got.len(),
        want.len()
    );
}

#[test]
fn default_article_structure() {
    let text = default_article();
    let a = analyze(&text);
    let count = |k: BlockKind| a.blocks.iter().filter(|b| b.kind == k).count();
    assert!(a.meta.title.is_some(), "title");
    assert_eq!(a.meta.published.map(|p| p.to_iso()).as_deref(), Some("2021-03-24T15:18"));
    assert_eq!(a.meta.authors.len(), 1, "one author, from a bare-name byline");
    assert_eq!(count(BlockKind::Title), 1);
    assert_eq!(count(BlockKind::Dateline), 1);
    assert_eq!(count(BlockKind::Byline), 1);
    assert_eq!(a.blocks.first().map(|b| b.kind), Some(BlockKind::Chrome), "page chrome above the title");
    assert_eq!(a.blocks.last().map(|b| b.kind), Some(BlockKind::Chrome), "page chrome after the footer");
    assert_eq!(count(BlockKind::Note), 1);
    assert_eq!(count(BlockKind::Footer), 1);
    assert!(count(BlockKind::Paragraph) >= 3, "paragraphs");
    let captions: Vec<_> = a.blocks.iter().filter(|b| b.kind == BlockKind::Caption).collect();
    assert!(!captions.is_empty());
    assert!(captions.iter().all(|c| c.credit.is_some()), "every caption has its credit");
    let unique: Vec<_> = captions.iter().filter(|c| c.duplicate_of.is_none()).collect();
    assert_eq!(unique.len() * 2, captions.len(), "each caption appears twice in the raw page");
    let mut credits: Vec<&str> = unique.iter().filter_map(|c| c.credit.map(|s| s.of(&text))).collect();
    credits.dedup();
    assert!(credits.len() >= 2, "captions from more than one agency: {credits:?}");
}

/// Time expressions in one sentence against a reference date: (text, TYPE, value[, end]).
fn check_timexes(sentence: &str, reference: &str, want: &[(&str, &str, &str)]) {
    let r = crate::parse_dateline(reference);
    let found = crate::timex::find(sentence, ByteSpan::new(0, sentence.len()), r);
    let got: Vec<(&str, &str, String)> = found
        .iter()
        .map(|f| {
            let v = match &f.end_value {
                Some(e) => format!("{}..{e}", f.value),
                None => f.value.clone(),
            };
            (f.span.of(sentence), f.kind.name(), v)
        })
        .collect();
    let want: Vec<(&str, &str, String)> = want.iter().map(|(a, b, c)| (*a, *b, c.to_string())).collect();
    assert_eq!(got, want, "timex case {sentence:?} (reference {reference})");
}

/// The values of a document's time expressions, in order.
fn timex_values(text: &str, reference: &str) -> Vec<String> {
    let options = crate::Options { reference: crate::parse_dateline(reference), plain: true };
    crate::annotate(text, &options).timexes.iter().map(|t| t.value.to_string()).collect()
}

#[test]
fn a_year_earlier_is_the_quarter_last_reported_on() {
    let r = "2020-11-02";
    let cases: &[(&str, &[&str])] = &[
        // the quarter named in an earlier sentence, a year back;
        ("Net income rose in the second quarter.\nRevenue was $4 million, up from $3 million a year earlier.", &["2020-Q2", "2019-Q2"]),
        ("Profit fell in the fourth quarter of 2019.\nA year ago, the firm lost money.", &["2019-Q4", "2018-Q4"]),
        // "that year" is the year last mentioned.
        ("The mill opened in 1988.\nLater that year, it burned.", &["1988", "1988"]),
        ("The mill opened in 1988.\nThe following year, it burned.", &["1988", "1989"]),
        // with no quarter before it, the year before the reference date.
        ("The town grew fast.\nA year ago, it had one school.", &["2019"]),
    ];
    for (text, want) in cases {
        assert_eq!(timex_values(text, r), *want, "{text:?}");
    }
}

#[test]
fn timex_cases() {
    let r = "2021-03-24"; // a Wednesday
                          // (text, reference date, expected (text, type, value) of each time expression)
    #[allow(clippy::type_complexity)]
    let cases: &[(&str, &str, &[(&str, &str, &str)])] = &[
        ("They met on March 2.", r, &[("March 2", "DATE", "2021-03-02")]),
        ("The talks ended on March 23, 2021.", r, &[("March 23, 2021", "DATE", "2021-03-23")]),
        ("It was signed on July 16, 2001.", r, &[("July 16, 2001", "DATE", "2001-07-16")]),
        ("Sales rose in February.", r, &[("February", "DATE", "2021-02")]),
        ("Sales rose last year.", r, &[("last year", "DATE", "2020")]),
        ("Profits will recover next year.", r, &[("next year", "DATE", "2022")]),
        ("He said on Friday that it was over.", r, &[("Friday", "DATE", "2021-03-19")]),
        ("They will meet on Friday.", r, &[("Friday", "DATE", "2021-03-26")]),
        ("The ferry could leave as early as Friday, the captain said.", r, &[("Friday", "DATE", "2021-03-26")]),
        ("The port grew in the 20th century and in the twenty-first century.", r, &[("20th century", "DATE", "19"), ("twenty-first century", "DATE", "20")]),
        ("Trade rose in the summer of 2019.", r, &[("summer of 2019", "DATE", "2019-SU")]),
        ("On Friday, the dockers' union plans to vote on the offer.", r, &[("Friday", "DATE", "2021-03-26")]),
        ("On Friday, the dockers' union planned a vote.", r, &[("Friday", "DATE", "2021-03-19")]),
        // TimeML extents and classes checked against TempEval-3's training corpus (invented text):
        // ages are not time expressions;
        ("A 40-year-old engineer and a six-month-old puppy arrived.", r, &[]),
        // "a year earlier" is a date counted back, with its "earlier";
        ("Sales rose 5 percent from a year earlier.", r, &[("a year earlier", "DATE", "2020")]),
        ("Fourth-quarter profit fell from a year earlier.", r, &[("Fourth-quarter", "DATE", "2020-Q4"), ("a year earlier", "DATE", "2019-Q4")]),
        ("Profit was $12 million, up from $10 million a year ago; it pays $5 million a year.", r, &[("a year ago", "DATE", "2020"), ("a year", "SET", "P1Y")]),
        // the determiner belongs to a counted duration;
        ("Profit in the first nine months rose.", r, &[("the first nine months", "DURATION", "P9M")]),
        ("Output fell in the six months to June.", r, &[("the six months", "DURATION", "P6M"), ("June", "DATE", "2020-06")]),
        // "over" before "the past ..." is a preposition; "over a decade" means more than one;
        ("Prices rose over the past three years.", r, &[("the past three years", "DURATION", "P3Y")]),
        ("The work took over a decade.", r, &[("over a decade", "DURATION", "P10Y")]),
        // vague lengths and references;
        ("Prices have doubled in recent years.", r, &[("recent years", "DURATION", "PXY")]),
        ("Rates are currently low.", r, &[("currently", "DATE", "PRESENT_REF")]),
        ("The plan is long-term.", r, &[]),
        // an adjective before its noun is no set; the adverb is.
        ("It pays a quarterly dividend and daily reports.", r, &[]),
        ("Dividends are paid quarterly.", r, &[("quarterly", "SET", "P3M")]),
        // the year of a named event's edition.
        ("Apple spoke at Worldwide Developers Conference 2010 in San Francisco.", r, &[("2010", "DATE", "2010")]),
        // a year before its noun, in a list, or after "for" and "due";
        ("A 1996 law and its 1990 invasion were cited.", r, &[("1996", "DATE", "1996"), ("1990", "DATE", "1990")]),
        (
            "Profit rose in 1994, 1995 and 1997, and bonds are due 2030.",
            r,
            &[("1994", "DATE", "1994"), ("1995", "DATE", "1995"), ("1997", "DATE", "1997"), ("2030", "DATE", "2030")],
        ),
        ("Its 2000 employees and a 1500 budget stay; it hired 2000 people.", r, &[]),
        // a plan reported in the past tense points forward; with no tense at all, the nearest
        // occurrence is meant.
        ("Protesters planned a rally on Saturday.", r, &[("Saturday", "DATE", "2021-03-27")]),
        ("On Friday, the government planned new talks.", r, &[("Friday", "DATE", "2021-03-19")]),
        ("A boy alone at sea on Nov. 25, his first day afloat.", r, &[("Nov. 25", "DATE", "2020-11-25")]),
        // the quarters of an earnings report: the last completed one, the same one a year before;
        // the article of "the third-quarter profit" is the noun's.
        (
            "Profit fell in the quarter, from the year-earlier quarter.",
            r,
            &[("the quarter", "DATE", "2020-Q4"), ("the year-earlier quarter", "DATE", "2019-Q4")],
        ),
        ("The third-quarter profit rose.", r, &[("third-quarter", "DATE", "2020-Q3")]),
        // "of" a year, said in figures or relative to today, names the quarter's year.
        (
            "Sales fell in the first quarter of last year and the final quarter of 2019.",
            r,
            &[("the first quarter of last year", "DATE", "2020-Q1"), ("the final quarter of 2019", "DATE", "2019-Q4")],
        ),
        // a year before the ordinal names the quarter's year.
        (
            "Net rose from the 2019 second quarter and the year-ago third quarter; next year's first quarter looks weak.",
            r,
            &[
                ("the 2019 second quarter", "DATE", "2019-Q2"),
                ("the year-ago third quarter", "DATE", "2020-Q3"),
                ("next year's first quarter", "DATE", "2022-Q1"),
            ],
        ),
        ("Sales fell from the year-ago period.", r, &[("the year-ago period", "DATE", "2019-Q4")]),
        // "year-earlier" alone is the period reported on a year back: the quarter when the
        // sentence reports on one, else the year.
        ("Quarterly net fell below year-earlier levels.", r, &[("year-earlier", "DATE", "2019-Q4")]),
        ("Exports were above year-ago levels.", r, &[("year-ago", "DATE", "2020")]),
        // "next to" is a place, and a short past tense ("died", "fled") points back.
        ("Dozens died in blasts next to the embassy on Friday.", r, &[("Friday", "DATE", "2021-03-19")]),
        ("Thousands fled the town on Thursday.", r, &[("Thursday", "DATE", "2021-03-18")]),
        // "the plan" is a noun, not a plan to come.
        ("The firm announced the plan Jan. 21.", r, &[("Jan. 21", "DATE", "2021-01-21")]),
        // The tense is read where the expression starts, its modifier included: "late" is
        // nearer "introduced" than "January" is, and "would" is nearer "January".
        (
            "The bill, first introduced in late January, would take effect on April 1.",
            r,
            &[("late January", "DATE", "2021-01"), ("April 1", "DATE", "2021-04-01")],
        ),
        // "May" is a whole month name (with a strong cue, as the verb "may" is common).
        ("The treaty was signed last May and ratified in May.", r, &[("last May", "DATE", "2020-05"), ("May", "DATE", "2020-05")]),
        ("Prices may fall. They may rise in May.", r, &[("May", "DATE", "2021-05")]),
        ("He was named chairman, effective Jan. 2.", "2020-11-02", &[("Jan. 2", "DATE", "2021-01-02")]),
        ("The dividend would be paid in January.", "2020-11-02", &[("January", "DATE", "2021-01")]),
        // a month with "last year" is that month of that year; "fiscal" belongs to its year;
        // a modifier before "ago" moves the date and belongs to it.
        ("Output peaked in June last year and again in May this year.", r, &[("June last year", "DATE", "2020-06"), ("May this year", "DATE", "2021-05")]),
        ("Sales rose in fiscal 2019.", r, &[("fiscal 2019", "DATE", "2019")]),
        // years and decades said in words (broadcast transcripts), and "post-1959".
        (
            "In nineteen ninety-six, and again in January nineteen eighty four, prices fell.",
            r,
            &[("nineteen ninety-six", "DATE", "1996"), ("January nineteen eighty four", "DATE", "1984-01")],
        ),
        (
            "By the year two thousand, in the winter of nineteen ninety-four, and in the nineties.",
            r,
            &[("the year two thousand", "DATE", "2000"), ("winter of nineteen ninety-four", "DATE", "1994-WI"), ("the nineties", "DATE", "199")],
        ),
        ("The post-1959 order and two thousand people.", r, &[("post-1959", "DATE", "1959")]),
        // a two-digit year takes the century nearest the reference date.
        ("The class of '82 meets in '25.", r, &[("82", "DATE", "1982"), ("25", "DATE", "2025")]),
        // "the past year" is last year (TimeBank's reading); year-end is this year's end;
        // "this past spring" the latest spring.
        ("Prices rose over the past year and will fall by year-end.", r, &[("the past year", "DATE", "2020"), ("year-end", "DATE", "2021")]),
        ("This past spring was wet.", r, &[("This past spring", "DATE", "2021-SP")]),
        // "the weekend" in the past tense is the one before the reference day.
        ("Over the weekend, officials confirmed the report.", r, &[("the weekend", "DATE", "2021-W11-WE")]),
        ("Talks resume at the weekend.", r, &[("the weekend", "DATE", "2021-W12-WE")]),
        // a capitalised unit in running text names a show, not a time.
        ("He told 60 Minutes and This Week that he left a week ago.", r, &[("a week ago", "DATE", "2021-03-17")]),
        ("Talks resume in mid-April; they stalled in mid-November 2020.", r, &[("mid-April", "DATE", "2021-04"), ("mid-November 2020", "DATE", "2020-11")]),
        (
            "Profit rose in the latest period; the plant shut in late-November.",
            r,
            &[("the latest period", "DATE", "2020-Q4"), ("late-November", "DATE", "2020-11")],
        ),
        ("The firm was founded almost four years ago.", r, &[("almost four years ago", "DATE", "2017")]),
        // a year before a unit names which one, not how many: "the 2020 quarter" is the quarter
        // reported on, in that year; "2000 years" is still a length;
        ("Net income fell from the 2020 quarter.", r, &[("the 2020 quarter", "DATE", "2020-Q4")]),
        ("The town is 2000 years old.", r, &[("2000 years", "DURATION", "P2000Y")]),
        ("The law passed more than two decades ago.", r, &[("more than two decades ago", "DATE", "200")]),
        ("The quarter of the city was calm.", r, &[]),
        // Position notes in photo captions are not ordinal dates.
        ("Ana Lima (2nd R) greets Rui Costa (3rd L) in Santos, May 4, 2020.", r, &[("May 4, 2020", "DATE", "2020-05-04")]),
        ("The mayor (1st R, front) and aides (R) pose at the port on Friday.", r, &[("Friday", "DATE", "2021-03-19")]),
        ("She spoke on Wednesday.", r, &[("Wednesday", "DATE", "2021-03-24")]),
        (
            "He arrived on Monday for a two-day visit starting March 22.",
            r,
            &[("Monday", "DATE", "2021-03-22"), ("two-day", "DURATION", "P2D"), ("March 22", "DATE", "2021-03-22..2021-03-23")],
        ),
        ("The meeting on March 18 and 19 was tense.", r, &[("March 18 and 19", "DATE", "2021-03-18..2021-03-19")]),
        ("Trade was strong in the 1990s.", r, &[("1990s", "DATE", "199")]),
        ("The war ended in 1969.", r, &[("1969", "DATE", "1969")]),
        ("Updated 15:18, 24-Mar-2021", r, &[("15:18, 24-Mar-2021", "TIME", "2021-03-24T15:18")]),
        ("The vote is at 3 p.m. today.", r, &[("3 p.m. today", "TIME", "2021-03-24T15:00")]),
        // A clock time before its weekday is one expression: the day, at that time.
        ("Polls closed at 8 p.m. Monday.", r, &[("8 p.m. Monday", "TIME", "2021-03-22T20:00")]),
        ("The vote will open at 9 a.m. EST Friday.", r, &[("9 a.m. EST Friday", "TIME", "2021-03-26T09:00")]),
        ("It happened yesterday.", r, &[("yesterday", "DATE", "2021-03-23")]),
        ("Sales slumped after Christmas.", r, &[("Christmas", "DATE", "2020-12-25")]),
        ("The shop will reopen on New Year's Eve 2022.", r, &[("New Year's Eve 2022", "DATE", "2022-12-31")]),
        ("Cards sold well before Valentine's Day.", r, &[("Valentine's Day", "DATE", "2021-02-14")]),
        ("Christmas sales were weak in the Christmas and New Year period.", r, &[]),
        // Holidays whose date moves with the year, placed by tense or by "last"/"next".
        ("The family met on Thanksgiving.", r, &[("Thanksgiving", "DATE", "2020-11-26")]),
        ("They will meet on Thanksgiving Day.", r, &[("Thanksgiving Day", "DATE", "2021-11-25")]),
        ("The parade will be on Memorial Day.", r, &[("Memorial Day", "DATE", "2021-05-31")]),
        ("The parade will be on Labor Day.", r, &[("Labor Day", "DATE", "2021-09-06")]),
        ("Shops closed last Easter.", r, &[("last Easter", "DATE", "2020-04-12")]),
        ("Shops will close next Thanksgiving.", r, &[("next Thanksgiving", "DATE", "2021-11-25")]),
        ("Sales rose on Good Friday 2019.", r, &[("Good Friday 2019", "DATE", "2019-04-19")]),
        ("Flowers sold out before Mother's Day 2020.", r, &[("Mother's Day 2020", "DATE", "2020-05-10")]),
        ("The march on Boxing Day 2020 was small.", r, &[("Boxing Day 2020", "DATE", "2020-12-26")]),
        ("Easter Island is remote.", r, &[]),
        ("Traffic was heavy in Easter week 2020.", r, &[("Easter week 2020", "DATE", "2020-W15")]),
        ("Traffic was heavy over the Thanksgiving weekend.", r, &[("Thanksgiving weekend", "DATE", "2020-W48-WE")]),
        ("Prices fell three years ago.", r, &[("three years ago", "DATE", "2018")]),
        ("The treaty lasted 20 years.", r, &[("20 years", "DURATION", "P20Y")]),
        ("Growth slowed in the first quarter.", r, &[("the first quarter", "DATE", "2021-Q1")]),
        ("Losses grew in the fourth quarter of 2020.", r, &[("the fourth quarter of 2020", "DATE", "2020-Q4")]),
        ("Sales fell last week.", r, &[("last week", "DATE", "2021-W11")]),
        ("Shares rose earlier this month.", r, &[("earlier this month", "DATE", "2021-03")]),
        ("The board meets every Monday.", r, &[("every Monday", "SET", "XXXX-WXX-1")]),
        ("The report is published annually.", r, &[("annually", "SET", "P1Y")]),
        ("The plant is now closed.", r, &[("now", "DATE", "PRESENT_REF")]),
        ("They will decide in the future.", r, &[("the future", "DATE", "FUTURE_REF")]),
        ("He flew in last summer.", r, &[("last summer", "DATE", "2020-SU")]),
        ("An event on 2021-03-05 drew crowds.", r, &[("2021-03-05", "DATE", "2021-03-05")]),
        ("In May 2019 the firm moved.", r, &[("May 2019", "DATE", "2019-05")]),
        // Not dates.
        ("Xi (2nd R) and Putin (3rd L) shook hands.", r, &[]),
        ("About 90 percent of 25 officials agreed.", r, &[]),
        ("The COVID-19 pandemic hit the 737 line.", r, &[]),
        ("Call 555-1234 or see page 12.", r, &[]),
        ("You may go.", r, &[]),
        ("About 2000 people marched.", r, &[]),
        ("They march on.", r, &[]),
        ("It was February 30, 2021.", r, &[]),
    ];
    for (sentence, reference, want) in cases {
        check_timexes(sentence, reference, want);
    }
    // Without a reference date, relative values stay unresolved rather than invented.
    check_timexes("They met on March 2.", "", &[("March 2", "DATE", "XXXX-03-02")]);
}

#[test]
fn json_round_trip_in_code_points() {
    let text = "Café talks 😀 end\nBy Ana Lima\nOn March 2, Ana Lima met Sergei Lavrov in Moscow. Lavrov said little.\n";
    let a = crate::annotate(text, &crate::Options { reference: crate::parse_dateline("2021-03-24"), plain: false });
    let json = crate::to_json(text, &a);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "lede/1");
    // Offsets are code points: "March 2" starts after the emoji and "é", which are one unit each.
    let t = &v["timexes"][0];
    let start = t["start"].as_u64().unwrap() as usize;
    let chars: Vec<char> = text.chars().collect();
    let end = t["end"].as_u64().unwrap() as usize;
    assert_eq!(chars[start..end].iter().collect::<String>(), "March 2");
    let (text2, b) = crate::from_json(&json).unwrap();
    assert_eq!(text2, text);
    assert_eq!(b.timexes, a.timexes);
    assert_eq!(b.entities, a.entities);
    assert_eq!(b.article.blocks, a.article.blocks);
    assert_eq!(b.events, a.events);
}

#[test]
fn json_errors_name_the_problem() {
    let cases: &[(&str, &str)] = &[
        ("{\n  \"schema\": \"lede/1\",\n  \"text\": \n}", "line 4, column 1: expected value"),
        ("{\"schema\":\"lede/2\",\"meta\":{},\"text\":\"x\"}", "unsupported schema \"lede/2\""),
        (
            "{\"schema\":\"lede/1\",\"meta\":{},\"text\":\"abc\",\"timexes\":[{\"id\":\"t1\",\"start\":2,\"end\":9,\"type\":\"DATE\",\"value\":\"2021\"}]}",
            "timexes[0]: span 2..9 is out of range",
        ),
        ("{\"schema\":\"lede/1\",\"meta\":{\"published\":\"2021-02-30\"},\"text\":\"abc\"}", "meta.published"),
        (
            "{\"schema\":\"lede/1\",\"meta\":{},\"text\":\"abc\",\"entities\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"alien\",\"mentions\":[]}]}",
            "unknown type \"alien\"",
        ),
    ];
    for (json, want) in cases {
        let err = crate::from_json(json).unwrap_err().to_string();
        assert!(err.contains(want), "{json:?}: {err}");
    }
    let deep = "[".repeat(10_000);
    assert!(crate::from_json(&deep).is_err(), "deep nesting is an error, not a crash");
}

/// Entities found in `text`: each expected (name, type, mention texts) must be present
/// exactly; names in `absent` must not be entities at all.
fn check_entities(case: &str, text: &str, want: &[(&str, &str, &[&str])], absent: &[&str]) {
    let a = crate::annotate(text, &crate::Options { reference: crate::parse_dateline("2021-03-24"), plain: false });
    let mut fails = Vec::new();
    for (name, kind, mentions) in want {
        let Some(e) = a.entities.iter().find(|e| e.name == *name || e.aliases.iter().any(|x| x == name)) else {
            fails.push(format!("entity case {case:?}: {name:?} not found in {:?}", a.entities.iter().map(|e| (&e.name, e.kind.name())).collect::<Vec<_>>()));
            continue;
        };
        if e.kind.name() != *kind {
            fails.push(format!("entity case {case:?}: type of {name:?} is {}, not {kind}", e.kind.name()));
        }
        let got: Vec<&str> = e.mentions.iter().map(|m| m.of(text)).collect();
        if &got != mentions {
            fails.push(format!("entity case {case:?}: mentions of {name:?} are {got:?}, not {mentions:?}"));
        }
    }
    for name in absent {
        if a.entities.iter().any(|e| e.name == *name || e.aliases.iter().any(|x| x == name)) {
            fails.push(format!("entity case {case:?}: {name:?} should not be an entity"));
        }
    }
    ENTITY_FAILS.with(|f| f.borrow_mut().extend(fails));
}

thread_local! {
    /// Failures of the entity cases run so far on this thread (all are reported together).
    static ENTITY_FAILS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Panic with every entity case that failed.
fn report_entity_fails() {
    let fails = ENTITY_FAILS.with(|f| std::mem::take(&mut *f.borrow_mut()));
    assert!(fails.is_empty(), "{} entity case failures:\n{}", fails.len(), fails.join("\n"));
}

#[test]
fn entity_cases() {
    check_entities(
        "file names, identifiers and internal e-mail addresses hold no names",
        "Attached are Ana_cover_letter.doc and Ana_resume. Please reply to Velasco@KESTREL by Friday. Ana Velasco starts in June.",
        &[("Ana Velasco", "person", &["Ana Velasco"])],
        &["Ana", "KESTREL", "Velasco@KESTREL", "Ana_resume"],
    );
    check_entities(
        "currencies in the plural are no organisations",
        "A ticket costs 5 Euros or 300 Rupees at the Kestrel Ferry Company.",
        &[("Kestrel Ferry Company", "organization", &["Kestrel Ferry Company"])],
        &["Euros", "Rupees"],
    );
    check_entities(
        "a place name that is a common word opening a sentence the tagger finds no name in is the common word",
        "The harbour hotel was clean. Nice staff and a quiet room.",
        &[],
        &["Nice"],
    );
    check_entities(
        "a person named with an organisation or a post is no part of the organisation's name",
        "Bishop Anton Marek Velasco of the Kestrel Orthodox Church was freed. Harbour Authority Communications Director Ines Duarte said so.",
        &[("Anton Marek Velasco", "person", &["Anton Marek Velasco"]), ("Ines Duarte", "person", &["Ines Duarte"])],
        &[
            "Bishop Anton Marek Velasco of the Kestrel Orthodox Church",
            "Anton Marek Velasco of the Kestrel Orthodox Church",
            "Harbour Authority Communications Director Ines Duarte",
        ],
    );
    check_entities(
        "an event's word makes an event unless the name ends in an organisation's word",
        "Officials of the Norvia Election Commission and the Kestrel Olympic Committee met at the Harbour Summit on Monday.",
        &[
            ("Norvia Election Commission", "organization", &["Norvia Election Commission"]),
            ("Kestrel Olympic Committee", "organization", &["Kestrel Olympic Committee"]),
            ("Harbour Summit", "event", &["Harbour Summit"]),
        ],
        &[],
    );
    check_entities(
        "an adjective of a movement before its noun is a group",
        "Islamist fighters and Communist rebels seized two towns near the Kestrel River on Monday.",
        &[("Islamist", "group", &["Islamist"]), ("Communist", "group", &["Communist"])],
        &[],
    );
    check_entities(
        "continental and ethnic groups are groups, and do not join a name they begin",
        "The European Harbour Equipment Company won the contract. European buyers and five Tamils objected.",
        &[
            ("European Harbour Equipment Company", "organization", &["European Harbour Equipment Company"]),
            ("European", "group", &["European"]),
            ("Tamils", "group", &["Tamils"]),
        ],
        &[],
    );
    check_entities(
        "the possessive of a plural noun of people inside a name belongs to it",
        "Officials from the People's Republic of China agreed to buy the ferries.",
        &[("China", "place", &["People's Republic of China"])],
        &["Republic of China", "Taiwan"],
    );
    check_entities(
        "political movements named in the plural are groups",
        "Works of art stolen by the Nazis are still missing, the Kestrel Museum said.",
        &[("Nazis", "group", &["Nazis"])],
        &[],
    );
    check_entities(
        "position notes in a caption are neither names nor part of one",
        "Minister Ana Lima (2nd R) greets Mayor Rui Costa (3rd L) in Santos on Friday. /Reuters",
        &[("Ana Lima", "person", &["Ana Lima"]), ("Rui Costa", "person", &["Rui Costa"])],
        &["R", "L", "2nd R", "3rd L", "Ana Lima (2nd R)"],
    );
    check_entities(
        "title before a name gives role; surname and possessive join the person",
        "The talks began today. Finnish Prime Minister Anna Virtanen spoke first. Later, Virtanen's aides left.",
        &[("Anna Virtanen", "person", &["Anna Virtanen", "Virtanen"])],
        &["Finnish Prime Minister Anna Virtanen", "Later", "The"],
    );
    check_entities(
        "honorific makes a person",
        "The board met on Friday. Mr. Okonkwo said the plan was sound.",
        &[("Okonkwo", "person", &["Okonkwo"])],
        &["Mr. Okonkwo"],
    );
    check_entities(
        "acronym joins its expansion; gazetteer country aliases",
        "The World Health Organization warned again. The WHO said the U.S. and the United States of America are one country.",
        &[
            ("World Health Organization", "organization", &["World Health Organization", "WHO"]),
            ("United States", "place", &["U.S.", "United States of America"]),
        ],
        &[],
    );
    check_entities(
        "hyphenated compounds mention both parts",
        "Ines Duarte met Omar Haddad in Lisbon. The Duarte-Haddad meeting was short.",
        &[("Ines Duarte", "person", &["Ines Duarte", "Duarte"]), ("Omar Haddad", "person", &["Omar Haddad", "Haddad"])],
        &["Duarte-Haddad"],
    );
    check_entities(
        "organisation suffixes, place prepositions and keywords",
        "Shares of Kestrel Holdings fell in Rotterdam. Workers gathered on Harbour Street near the Vistula River.",
        &[("Kestrel Holdings", "organization", &["Kestrel Holdings"]), ("Rotterdam", "place", &["Rotterdam"]), ("Vistula River", "place", &["Vistula River"])],
        &[],
    );
    check_entities(
        "demonyms are groups linked to their country; the West",
        "Canada sent aid. Canadian officials said the West must act.",
        &[("Canadian", "group", &["Canadian"]), ("Canada", "place", &["Canada"]), ("the West", "group", &["the West"])],
        &[],
    );
    check_entities(
        "named events and works",
        "After the Cold War, the Paris Agreement and the COVID-19 pandemic changed everything.",
        &[("Cold War", "event", &["Cold War"]), ("Paris Agreement", "work", &["Paris Agreement"]), ("COVID-19 pandemic", "event", &["COVID-19 pandemic"])],
        &[],
    );
    check_entities(
        "sentence-initial capitals, months, currencies and photo positions are not entities",
        "Yesterday the index rose. Markets cheered in March. It cost US$40 at 18:00 UTC. Officials (2nd R) posed.",
        &[],
        &["Yesterday", "Markets", "March", "US", "UTC", "R", "Officials"],
    );
    check_entities(
        "a keyword alone needs the tagger's support; 'Gulf of' names a place",
        "The coast is calm, Trust me. Tankers crossed the Gulf of Aden and the Bay of Bengal.",
        &[("Gulf of Aden", "place", &["Gulf of Aden"]), ("Bay of Bengal", "place", &["Bay of Bengal"])],
        &["Trust"],
    );
    check_entities(
        "a person's full name does not run on through 'of'",
        "Anthony Rees of the Daily Post reported the deal. Rees said the Bank of Lisbon agreed.",
        &[
            ("Anthony Rees", "person", &["Anthony Rees", "Rees"]),
            ("Daily Post", "organization", &["Daily Post"]),
            ("Bank of Lisbon", "organization", &["Bank of Lisbon"]),
        ],
        &["Anthony Rees of the Daily Post"],
    );
    check_entities(
        "two names with the same first word joined by 'and' are two; degrees are no names; diseases are other names",
        "Climbers left Mount Elgon and Mount Meru on Monday. She earned an M.A. in Lisbon and studied AIDS in Maputo.",
        &[("Mount Elgon", "place", &["Mount Elgon"]), ("Mount Meru", "place", &["Mount Meru"])],
        &["Mount Elgon and Mount Meru", "M.A."],
    );
    check_entities(
        "a name in product case is a product (other)",
        "Kestrel Audio Ltd. doubled sales of its iPlay speaker in May. The iPlay sold out in Lisbon, and the eDesk Pro followed.",
        &[("iPlay", "other", &["iPlay", "iPlay"]), ("eDesk Pro", "other", &["eDesk Pro"])],
        &[],
    );
    check_entities(
        "a religion is a name of another kind, never a place; rifts and glaciers are places",
        "Traders from Zanvar spread Islam along the coast. Later, most herders near the Orvane Rift turned to Buddhism.",
        &[("Islam", "other", &["Islam"]), ("Buddhism", "other", &["Buddhism"]), ("Orvane Rift", "place", &["Orvane Rift"])],
        &[],
    );
    check_entities(
        "headline case does not create entities on its own",
        "Storm Batters Coast As Crews Race To Restore Power\nCrews worked through the night in Galway.\n",
        &[("Galway", "place", &["Galway"])],
        &["Storm Batters Coast", "Crews Race", "Restore Power"],
    );
    check_entities(
        "an organisation before a title is split from the person after it",
        "The plan was announced on Friday. Harrow Dynamics CEO Lena Varga said the deal was done.",
        &[("Harrow Dynamics", "organization", &["Harrow Dynamics"]), ("Lena Varga", "person", &["Lena Varga"])],
        &["Harrow Dynamics CEO Lena Varga", "Harrow Dynamics CEO"],
    );
    check_entities(
        "a title word inside an organisation's name does not split it",
        "Officials at the World Health Organization agreed. The Finance Ministry did not.",
        &[("World Health Organization", "organization", &["World Health Organization"]), ("Finance Ministry", "organization", &["Finance Ministry"])],
        &["World", "Finance"],
    );
    check_entities(
        "a role 'of' a name: the name is not the person",
        "Talks resumed on Monday. The Vice Chairman of Brannock Foods resigned, as did the chairman of Tellwick.",
        &[("Brannock Foods", "organization", &["Brannock Foods"])],
        &["of Brannock Foods", "Vice Chairman of Brannock Foods"],
    );
    check_entities(
        "a model number makes a product, and the model name alone joins it",
        "Skyward ordered ten Corvane 818 Strider jets. The Strider flies far, and Corvane said Strider orders grew.",
        &[("Corvane 818 Strider", "other", &["Corvane 818 Strider", "Strider", "Strider"]), ("Corvane", "organization", &["Corvane"])],
        &[],
    );
    check_entities(
        "years are not model numbers; market indexes are not organisations",
        "Prices at Tellwick 2019 levels held. The Zephyr index fell, and the Quillon Composite rose.",
        &[("Zephyr", "other", &["Zephyr"]), ("Quillon Composite", "other", &["Quillon Composite"])],
        &["Tellwick 2019"],
    );
    check_entities(
        "a sentence-initial common word before a known name is not part of it",
        "Workers at Brannock protested on Monday. Angry Brannock workers marched.",
        &[("Brannock", "organization", &["Brannock", "Brannock"])],
        &["Angry Brannock"],
    );
    check_entities(
        "a hyphenated name whose parts are not names elsewhere stays whole",
        "Shoppers flocked to Brill-Marton stores. Analysts expect Brill-Marton to grow.",
        &[("Brill-Marton", "organization", &["Brill-Marton", "Brill-Marton"])],
        &["Brill", "Marton"],
    );
    check_entities(
        "a stake in a company is not a place; a gazetteer name is nobody's surname",
        "Fenmore bought a stake in Ardwick Motors. It now owns 40 percent of Ardwick. Rufus Canada joined Ardwick.",
        &[("Ardwick Motors", "organization", &["Ardwick Motors", "Ardwick", "Ardwick"])],
        &[],
    );
    check_entities(
        "a name inside a date is part of the date",
        "Sales rose before Christmas and fell after New Year's Day. Then sales after Easter slumped.",
        &[],
        &["Christmas", "New Year", "Easter"],
    );
    check_entities(
        "a name shortened to its first word is an organisation",
        "Harrow Dynamics won the contract. Harrow will build the engines.",
        &[("Harrow Dynamics", "organization", &["Harrow Dynamics", "Harrow"])],
        &[],
    );
    // Faults seen on real articles, fixed by general means (invented text of the same shapes).
    check_entities(
        "surname-first names are people, with or without a title",
        "State Councilor Meng Haoran met the delegation in Nanjing. The remarks echoed Tan Weiming's comments. Meng said the talks were useful.",
        &[("Meng Haoran", "person", &["Meng Haoran", "Meng"]), ("Tan Weiming", "person", &["Tan Weiming"])],
        &["State Councilor", "State Councilor Meng Haoran"],
    );
    check_entities(
        "a name inside a hyphenated compound is the name alone",
        "The Kenya-U.S. trade talks resumed. Officials defended a UN-based order and a United Nations-centered system. \
         Ana Lima met Rui Costa in Lisbon, and the Lima-Costa meeting ran late.",
        &[
            ("Kenya", "place", &["Kenya"]),
            ("United States", "place", &["U.S."]),
            ("United Nations", "organization", &["UN", "United Nations"]),
            ("Ana Lima", "person", &["Ana Lima", "Lima"]),
            ("Rui Costa", "person", &["Rui Costa", "Costa"]),
        ],
        &["Kenya-U", "S.", "UN-based", "United Nations-centered", "Lima-Costa"],
    );
    check_entities(
        "report titles are works, currencies are not names, regions are places",
        "The 2019 Coastal Defense Review named new threats in the Indo-Pacific. Trade in RMB rose while the dollar fell.",
        &[("Coastal Defense Review", "work", &["Coastal Defense Review"]), ("Indo-Pacific", "place", &["Indo-Pacific"])],
        &["Review", "RMB", "Defense"],
    );
    check_entities(
        "news agencies in photo credits are organisations",
        "Harbour cranes return\nUpdated 09:40, 7-Jun-2019\nWorkers unload a ship at the quay. /Reuters\n\nThe cranes came back this spring, officials said.\n",
        &[("Reuters", "organization", &["Reuters"])],
        &["Workers"],
    );
    check_entities(
        "a long organisation name with 'and' and 'of' stays whole",
        "The Centers for Disease Control and Prevention issued new advice. The Bank of Nova Scotia agreed.",
        &[("Centers for Disease Control and Prevention", "organization", &["Centers for Disease Control and Prevention"])],
        &["Prevention", "Centers for Disease Control"],
    );
    check_entities(
        "two names joined by 'and' are two names when each is a name alone; a country with 'and' is one",
        "Prices at Tesco and Asda rose on Monday. Tesco blamed costs, and Asda did not comment. \
         Exports from Bosnia and Herzegovina rose.",
        &[
            ("Tesco", "organization", &["Tesco", "Tesco"]),
            ("Asda", "organization", &["Asda", "Asda"]),
            ("Bosnia and Herzegovina", "place", &["Bosnia and Herzegovina"]),
        ],
        &["Tesco and Asda", "Herzegovina", "Bosnia"],
    );
    check_entities(
        "a name that an administration is named after is a person's",
        "There was speculation about the Bush administration naming a new chief. Critics of the Clinton administration agreed.",
        &[("Bush", "person", &["Bush"]), ("Clinton", "person", &["Clinton"])],
        &[],
    );
    check_entities(
        "a work's keyword opening a name before another name is a person's given name",
        "Bill Harlow met Ana Lima in Lisbon on Monday. The Clean Rivers Bill passed, and both cited the Bill of Rights.",
        &[("Bill Harlow", "person", &["Bill Harlow"]), ("Clean Rivers Bill", "work", &["Clean Rivers Bill"]), ("Bill of Rights", "work", &["Bill of Rights"])],
        &[],
    );
    check_entities(
        "a given name and a surname that is also a keyword, speaking, is a person",
        "Markets fell on Monday. Tony Hall said the board would meet, and Jim Press added that prices would fall.",
        &[("Tony Hall", "person", &["Tony Hall"]), ("Jim Press", "person", &["Jim Press"])],
        &[],
    );
    check_entities(
        "names with particles stay whole; 'for' after a place and 'and' before a known company end a name",
        "Ursula von der Leyen met Rik van den Berg in Madrid on Monday. The minister left Brasilia for Sao Paulo. \
         Critics of the Federal Reserve and Goldman Sachs spoke.",
        &[
            ("Ursula von der Leyen", "person", &["Ursula von der Leyen"]),
            ("Rik van den Berg", "person", &["Rik van den Berg"]),
            ("Brasilia", "place", &["Brasilia"]),
            ("Sao Paulo", "place", &["Sao Paulo"]),
            ("Federal Reserve", "organization", &["Federal Reserve"]),
            ("Goldman Sachs", "organization", &["Goldman Sachs"]),
        ],
        &["Ursula", "Leyen", "Brasilia for Sao Paulo", "Federal Reserve and Goldman Sachs"],
    );
    check_entities(
        "a post of several words before a person is the role; the founder's company is an organisation",
        "Secretary of State Antony Blinken met Minister of Foreign Affairs Wang Yi on Monday. \
         Jack Ma, the founder of Alibaba, spoke later.",
        &[("Antony Blinken", "person", &["Antony Blinken"]), ("Wang Yi", "person", &["Wang Yi"]), ("Alibaba", "organization", &["Alibaba"])],
        &["State Antony Blinken", "Affairs Wang Yi"],
    );
    check_entities(
        "an acronym in parentheses and its later uses join the name before it",
        "Leaders met on Monday. The Harrow Aerospace Consortium (HAC) said it would grow. HAC shares rose.",
        &[("Harrow Aerospace Consortium", "organization", &["Harrow Aerospace Consortium", "HAC", "HAC"])],
        &[],
    );
    check_entities(
        "a name right after 'the' is no person's",
        "Markets fell on Monday. The Dow Jones was down 2 percent, and the Dax lost 1 percent.",
        &[("Dow Jones", "other", &["Dow Jones"])],
        &[],
    );
    check_entities(
        "a name after a hyphenated pair of places is a name of its own",
        "Trade rose after the Kenya-U.S. Mombasa talks ended on Friday.",
        &[("Kenya", "place", &["Kenya"]), ("Mombasa", "place", &["Mombasa"])],
        &["Kenya-U.S. Mombasa"],
    );
    check_entities(
        "an unknown name whose possession is a person's (a lawyer, a trial) is a person",
        "Protests grew on Monday over Tavrin's case. Later, Okwuosa's lawyer spoke to reporters in Lagos.",
        &[("Tavrin", "person", &["Tavrin"]), ("Okwuosa", "person", &["Okwuosa"]), ("Lagos", "place", &["Lagos"])],
        &[],
    );
    check_entities(
        "a person's name after 'the' that starts with a first name stays a person",
        "Crowds cheered on Friday as the Walter Brannigan impersonator Lena Okoro took the stage.",
        &[("Walter Brannigan", "person", &["Walter Brannigan"]), ("Lena Okoro", "person", &["Lena Okoro"])],
        &[],
    );
    report_entity_fails();
}

#[test]
fn events_cases() {
    let text = "Ports reopen\nUpdated 09:05, 2-Feb-2022\nBy Ana Lima\n\
                The port of Santos reopened on Tuesday, Mayor Rui Costa said. \
                Trade fell in 2020; it recovered in March, officials said. \
                A three-day summit starting March 22 will follow.\n";
    let a = crate::annotate(text, &crate::Options::default());
    let got: Vec<(&str, Option<&str>, &str, &str)> =
        a.events.iter().map(|e| (e.value.as_str(), e.end_value.as_ref().map(crate::TimexValue::as_str), e.granularity.name(), e.label.as_str())).collect();
    assert_eq!(
        got,
        [
            ("2020", None, "year", "Trade fell"),
            ("2021-03", None, "month", "It recovered, officials said"),
            ("2022-02-01", None, "day", "The port of Santos reopened, Rui Costa said"),
            ("2022-02-02T09:05", None, "time", "Published: Ports reopen"),
            ("2022-03-22", Some("2022-03-24"), "day", "A three-day summit will follow"),
        ]
    );
    let santos = a.events.iter().find(|e| e.value == "2022-02-01").unwrap();
    assert_eq!(santos.entities, ["santos", "rui-costa"]);
    assert!(a.events.iter().all(|e| e.label.split_whitespace().count() <= 13));
}

/// Event labels say who did what: (text, the label of the event dated `value`).
#[test]
fn event_label_cases() {
    let cases: &[(&str, &str, &str)] = &[
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nNorvia also tripled grain exports to Kestria via the Delta Line in January.\n", "2022-01", "Norvia tripled grain exports to Kestria via the Delta Line"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nHARBOURTON (AP) — The council approved the new quay on Monday.\n", "2022-01-31", "The council approved the new quay"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nAfter weeks of tense talks between the unions and the port, the dockers ended their strike on Monday.\n", "2022-01-31", "The dockers ended their strike"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nMara Voss, a former harbour master, will inspect the cranes on March 3.\n", "2022-03-03", "Mara Voss will inspect the cranes"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe regional transport authority of the northern coastal provinces, which has run the ferries since the war ended and answers to three ministries, cut fares in January.\n", "2022-01", "The regional transport authority of the northern coastal provinces cut fares"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe dockers are now back at work.\n", "2022-02-02", "The dockers are back at work"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe strike began in 2019 and ended in 2021.\n", "2019", "The strike began"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe strike began in 2019 and ended in 2021.\n", "2021", "The strike began and ended"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nUntil last week.\n", "2022-01-24", "Until last week"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe members of the old harbour council of the northern province approved the new plan for the eastern quay and the wall in January.\n", "2022-01", "The members of the … northern province approved the new plan…"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nTrade rose in the second quarter of 2021 and in the summer of 2020.\n", "2020-06", "Trade rose"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe port grew in the 20th century.\n", "1900", "The port grew"),
        // An opening participle clause goes ("Citing ..., the council ..."); a name ending the
        // same way stays ("Kestring had ..."); the approximation before a time goes with it.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nCiting new safety rules, the council closed the quay on Monday.\n", "2022-01-31", "The council closed the quay"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nKestring had been closed since May 4, 2020 after a fire.\n", "2020-05-04", "Kestring had been closed after a fire"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe crane fell at about 10:35 a.m. on Monday, blocking the quay.\n", "2022-01-31T10:35", "The crane fell, blocking the quay"),
        // "for the quarter ended Sept. 30" goes whole.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe port earned $4 million for the quarter ended Sept. 30.\n", "2021-09-30", "The port earned $4 million"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nNet income for the third quarter declined to $35 million.\n", "2021-07", "Net income declined to $35 million"),
        // A long statement whose date belongs to a name and its participle in a prepositional
        // phrase: that name and participle; a name that is the subject keeps its statement.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe ministers of both coastal provinces discussed the renewal of the Harbour Compact signed in 2009, which expires soon.\n", "2009", "Harbour Compact signed"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe board of the northern coastal ferry operator Kestrel Lines announced new fares for the island routes in January.\n", "2022-01", "The board of the … Kestrel Lines announced new fares for the island…"),
        // A long statement whose date belongs to an action noun ("introduction on March 2 of
        // ..."): that action and its object; a short statement keeps its verb.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe harbour has also been in the focus of the inspectors' attention with the introduction on January 12 of new rules over cargo safety.\n", "2022-01-12", "Introduction of new rules over cargo safety"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe introduction on January 12 of new rules angered the dockers.\n", "2022-01-12", "The introduction of new rules angered the dockers"),
        // A wire dateline on a line of its own keeps its words: no event goes without a label.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nHARBOURTON, January 28 (Kestrel News) --\n\nThe dockers ended their strike.\n", "2022-01-28", "HARBOURTON, January 28 (Kestrel News)"),
        // A framing phrase between the subject and its verb goes; a participle inside it
        // ("widely regarded as") is not taken for the verb.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe council in a clear sign of its anger closed the quay on Monday.\n", "2022-01-31", "The council closed the quay"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe union in a move widely regarded as a snub rejected the offer on Tuesday.\n", "2022-02-01", "The union rejected the offer"),
        // The baseline of a comparison is labelled as one, apart from the event it measures
        // (the text before it is multi-byte, to check the look-back cuts on a character).
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nExports of ☕☕☕☕☕☕☕☕☕☕☕☕☕☕ rose 20% in January, compared with last year.\n", "2021", "Baseline for: Exports of ☕☕☕☕☕☕☕☕☕☕☕☕☕☕ rose 20%"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nExports of ☕☕☕☕☕☕☕☕☕☕☕☕☕☕ rose 20% in January, compared with last year.\n", "2022-01", "Exports of ☕☕☕☕☕☕☕☕☕☕☕☕☕☕ rose 20%"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe port earned $6 million in 2021, up from $4 million in 2020.\n", "2020", "Baseline for: The port earned $6 million, up from $4 million"),
        // The comma after the first of two dates stays ("in 2021, up from ...").
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe port earned $6 million in 2021, up from $4 million in 2020.\n", "2021", "The port earned $6 million, up from $4 million"),
        // A title that opens the phrase of a person's name goes (the sidebar gives the role);
        // "Kestrel Freight CEO" stays whole. A clause dated by another event goes as an opener;
        // a description with no verb before the closing date goes as an aside.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nFinance Minister Mara Voss inspected the cranes on Monday.\n", "2022-01-31", "Mara Voss inspected the cranes"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nKestrel Freight CEO Ivo Brand sold the ferry on Tuesday.\n", "2022-02-01", "Kestrel Freight CEO Ivo Brand sold the ferry"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe same day the dockers ended their strike, Mara Voss flew to Lisbon for a two-day visit starting March 3.\n", "2022-03-03", "Mara Voss flew to Lisbon for a two-day visit"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nCrews met in Velden, northern Norvia, on January 20.\n", "2022-01-20", "Crews met in Velden"),
        // A date phrase that modifies a noun gives way to "the"; its preposition stays.
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nDockers met in Harbourton before next week's talks on wages.\n", "2022-02-07", "Dockers met in Harbourton before the talks on wages"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nDiplomats criticised the Feb. 23 accord on fishing rights.\n", "2022-02-23", "Diplomats criticised the accord on fishing rights"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nMinisters rejected last year 's budget for the quay.\n", "2021", "Ministers rejected the budget for the quay"),
        ("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe unions urged members to take part in Friday's vote.\n", "2022-01-28", "The unions urged members to take part in the vote"),
    ];
    let mut fails = Vec::new();
    for (text, value, want) in cases {
        let a = crate::annotate(text, &crate::Options::default());
        let got: Vec<&str> = a.events.iter().filter(|e| e.value == *value).map(|e| e.label.as_str()).collect();
        if got != [*want] {
            fails.push(format!(
                "{text:?}: events dated {value} are labelled {got:?}, want [{want:?}] (all: {:?})",
                a.events.iter().map(|e| (&e.value, &e.label)).collect::<Vec<_>>()
            ));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
    // A sentence of thousands of words still gets a short label.
    let long = format!("Ports reopen\nUpdated 09:05, 2-Feb-2022\n\nThe dockers {} struck in January.\n", "and the crane drivers ".repeat(3000));
    let a = crate::annotate(&long, &crate::Options::default());
    assert!(a.events.iter().all(|e| e.label.split_whitespace().count() <= 14), "{:?}", a.events.iter().map(|e| &e.label).collect::<Vec<_>>());
}

// ---------------------------------------------------------------------------
// Exports and imports
// ---------------------------------------------------------------------------

const IO_TEXT: &str = "Harbour deal signed\nUpdated 10:00, 24-Mar-2021\nBy Ana Lima\nAna Lima 🚢 met Omar Haddad in Lisbon on March 2. The deal, agreed in 2019, runs \"until 2030\".\n";

fn io_annotation() -> crate::Annotation {
    crate::annotate(IO_TEXT, &crate::Options::default())
}

fn cp_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[test]
fn web_annotations_quote_and_position_agree() {
    let a = io_annotation();
    let v: serde_json::Value = serde_json::from_str(&crate::export::web_annotations(IO_TEXT, &a, "https://example.org/a")).unwrap();
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    let mentions: usize = a.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(items.len(), mentions + a.timexes.len(), "one annotation per mention and per timex");
    for it in items {
        let sel = it["target"]["selector"].as_array().unwrap();
        let quote = sel.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
        let pos = sel.iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
        let got = cp_slice(IO_TEXT, pos["start"].as_u64().unwrap(), pos["end"].as_u64().unwrap());
        assert_eq!(got, quote["exact"].as_str().unwrap(), "code-point offsets after an emoji");
        let prefix = quote["prefix"].as_str().unwrap();
        assert!(cp_slice(IO_TEXT, 0, pos["start"].as_u64().unwrap()).ends_with(prefix));
        assert_eq!(it["target"]["source"], "https://example.org/a");
    }
    assert!(items.iter().any(|i| i["motivation"] == "identifying" && i["body"][0]["value"] == "Omar Haddad"));
    assert!(crate::export::text_urn("x").starts_with("urn:lede:text:"));
    assert_ne!(crate::export::text_urn("x"), crate::export::text_urn("y"));
}

#[test]
fn timelinejs_export_keeps_known_parts_of_dates() {
    let a = io_annotation();
    let v: serde_json::Value = serde_json::from_str(&crate::export::timelinejs(IO_TEXT, &a)).unwrap();
    assert_eq!(v["title"]["text"]["headline"], "Harbour deal signed");
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), a.events.len());
    let march = events.iter().find(|e| e["start_date"]["month"] == "3" && e["start_date"]["day"] == "2").expect("March 2");
    assert_eq!(march["start_date"]["year"], "2021");
    let year_only = events.iter().find(|e| e["start_date"]["year"] == "2019").expect("2019");
    assert!(year_only["start_date"].get("month").is_none(), "a year-only event has no month");
}

#[test]
fn csv_exports_quote_and_neutralise_formulas() {
    let a = io_annotation();
    let ents = crate::export::entities_csv(IO_TEXT, &a);
    let lines: Vec<&str> = ents.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "id,name,type,role,salience,mentions,aliases,first_mention");
    assert_eq!(lines.len(), a.entities.len() + 1);
    let evs = crate::export::events_csv(IO_TEXT, &a);
    assert!(evs.contains("\"The deal, agreed in 2019, runs \"\"until 2030\"\".\""), "{evs}");
    let mut hostile = a.clone();
    hostile.entities[0].name = "=HYPERLINK(\"x\")".into();
    assert!(crate::export::entities_csv(IO_TEXT, &hostile).contains("\"'=HYPERLINK(\"\"x\"\")\""));
}

#[test]
fn icalendar_is_folded_escaped_and_all_day_for_dates() {
    let a = io_annotation();
    let ics = crate::export::icalendar(IO_TEXT, &a, "20210324T100000Z");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "lines folded at 75 octets");
    assert!(!ics.replace("\r\n", "").contains('\n'), "only CRLF line ends");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), ics.matches("END:VEVENT").count());
    assert!(ics.contains("DTSTART;VALUE=DATE:20210302\r\nDTEND;VALUE=DATE:20210303"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20190101\r\nDTEND;VALUE=DATE:20200101"), "a year covers its year");
    assert!(ics.contains("DTSTAMP:20210324T100000Z"));
    assert!(ics.contains("\\,"), "commas escaped");
}

#[test]
fn imports_refuse_bad_files_with_a_reason() {
    use crate::import::{import, ImportError, Imported};
    let o = crate::Options::default();
    let err = |r: Result<Imported, ImportError>| r.err().map(|e| e.0).unwrap_or_default();
    assert!(err(import("a.png", b"\x89PNG\r\n\x1a\n\0\0\0", &o)).contains("not a text file"));
    assert!(err(import("a.txt", b"caf\xe9 au lait", &o)).contains("offset 3"));
    assert!(err(import("big.txt", &vec![b'a'; crate::import::MAX_INPUT_BYTES + 1], &o)).contains("up to 8 MB"));
    let e = err(import("x.json", b"{\"schema\": \"lede/1\",\n \"text\": ", &o));
    assert!(e.contains("line 2"), "{e}");
    assert!(err(import("x.json", b"{\"hello\": 1}", &o)).contains("not a format Lede reads"));
    assert!(err(import("x.json", br#"{"schema": "lede/9", "text": "a"}"#, &o)).contains("lede/9"));
    assert!(err(import("s.json", br#"{"text": "Ana", "ents": [{"start": 0, "end": 9, "label": "PERSON"}]}"#, &o)).contains("outside the text"));
    assert!(err(import("e.txt", b"  \n ", &o)).contains("empty"));
    let overlap = br#"{"schema": "lede/1", "meta": {}, "text": "Ana Lima met", "entities": [
        {"id": "a", "name": "A", "type": "person", "mentions": [{"start": 0, "end": 8}]},
        {"id": "b", "name": "B", "type": "person", "mentions": [{"start": 4, "end": 8}]}]}"#;
    let e = err(import("o.json", overlap, &o));
    assert!(e.contains("entities[1].mentions[0] overlaps entities[0].mentions[0]"), "{e}");
    let many: Vec<String> = (0..=crate::json::MAX_ENTITIES).map(|i| format!(r#"{{"id": "e{i}", "name": "E", "type": "other", "mentions": []}}"#)).collect();
    let e = err(import("m.json", format!(r#"{{"schema": "lede/1", "meta": {{}}, "text": "x", "entities": [{}]}}"#, many.join(",")).as_bytes(), &o));
    assert!(e.contains("up to 50000 entities"), "{e}");
}

#[test]
fn a_lede_document_of_a_long_article_reopens_though_its_json_is_larger_than_the_text_limit() {
    use crate::import::{import, Imported, MAX_INPUT_BYTES};
    let para = "Ana Lima met Rui Costa in Lisbon on March 2, 2021, and they spoke about the port.\n";
    let text = para.repeat(MAX_INPUT_BYTES / para.len() / 12);
    let a = crate::annotate(&text, &crate::Options::default());
    let json = crate::to_json(&text, &a);
    assert!(json.len() > MAX_INPUT_BYTES, "the JSON ({} bytes) is over the text limit", json.len());
    let Ok(Imported::Annotated(back, b)) = import("long.lede.json", json.as_bytes(), &crate::Options::default()) else { panic!("reopens") };
    assert_eq!(back, text);
    assert_eq!(b.entities.len(), a.entities.len());
}

#[test]
fn imports_read_spacy_timelinejs_html_and_markdown() {
    use crate::import::{import, Imported};
    let o = crate::Options { reference: crate::parse_dateline("2021-03-24"), plain: false };
    let spacy =
        r#"{"text": "Ana Lima 🚢 visited Lisbon on March 2.", "ents": [{"start": 0, "end": 8, "label": "PERSON"}, {"start": 19, "end": 25, "label": "GPE"}]}"#;
    let Ok(Imported::Annotated(text, a)) = import("doc.json", spacy.as_bytes(), &o) else { panic!("spaCy JSON") };
    let kinds: Vec<(&str, &str)> = a.entities.iter().map(|e| (e.mentions[0].of(&text), e.kind.name())).collect();
    assert_eq!(kinds, [("Ana Lima", "person"), ("Lisbon", "place")]);
    assert_eq!(a.events.len(), 1);
    assert!(a.events[0].entities.contains(&"lisbon".to_owned()), "events point at the imported entities");

    let tl = r#"{"title": {"text": {"headline": "Port <b>history</b>"}}, "events": [
        {"start_date": {"year": "2019", "month": "7", "day": "16"}, "text": {"headline": "Treaty signed", "text": "<p>In Lisbon &amp; Porto.</p>"}},
        {"start_date": {"year": 1990}, "text": {"headline": "Port opened"}}]}"#;
    let Ok(Imported::Text(t)) = import("tl.json", tl.as_bytes(), &o) else { panic!("TimelineJS") };
    assert_eq!(t, "Port history\nOn July 16, 2019: Treaty signed. In Lisbon & Porto.\nIn 1990: Port opened.\n");
    let values: Vec<String> = crate::annotate(&t, &o).events.iter().map(|e| e.value.to_string()).collect();
    assert!(values.contains(&"2019-07-16".to_owned()) && values.contains(&"1990".to_owned()), "{values:?}");

    let html = "<!doctype html><html><head><title>Harbour deal | The Daily</title><script>alert(1)</script></head><body><nav>Home News</nav><article><h1>Harbour deal</h1><p>Ana&nbsp;Lima met <b>Omar</b> &#8212; in Lisbon.</p><script>evil()</script><p>Second &lt;para&gt;.</p></article><footer>© Site</footer></body></html>";
    let Ok(Imported::Text(t)) = import("page.html", html.as_bytes(), &o) else { panic!("HTML") };
    assert_eq!(t, "Harbour deal\n\nAna Lima met Omar — in Lisbon.\n\nSecond <para>.\n", "blocks on their own lines, no script, no nav");

    let md = "# Harbour deal\n\n**Ana Lima** met [Omar Haddad](https://x.org) in Lisbon. ![map](m.png)\n- first point\n";
    let Ok(Imported::Text(t)) = import("a.md", md.as_bytes(), &o) else { panic!("Markdown") };
    assert_eq!(t, "Harbour deal\n\nAna Lima met Omar Haddad in Lisbon.\nfirst point\n");
}

mod corrections {
    use super::{io_annotation, IO_TEXT};
    use crate::corrections::{apply, Correction};
    use crate::EntityKind;

    fn id_of(a: &crate::Annotation, name: &str) -> String {
        a.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} in {:?}", a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()))
            .id
            .clone()
    }

    #[test]
    fn rename_retype_and_merge_change_the_entities_and_their_events() {
        let mut a = io_annotation();
        let ana = id_of(&a, "Ana Lima");
        let omar = id_of(&a, "Omar Haddad");
        let lisbon = id_of(&a, "Lisbon");
        let fixes = vec![
            Correction::Rename { entity: ana.clone(), name: "Ana Maria Lima".into() },
            Correction::Retype { entity: lisbon.clone(), kind: "organization".into() },
            Correction::Merge { entity: omar.clone(), into: ana.clone() },
        ];
        assert_eq!(apply(IO_TEXT, &mut a, &fixes), 3);
        let e = a.entities.iter().find(|e| e.id == ana).unwrap();
        assert_eq!(e.name, "Ana Maria Lima");
        assert!(e.aliases.contains(&"Ana Lima".to_owned()) && e.aliases.contains(&"Omar Haddad".to_owned()), "{:?}", e.aliases);
        assert!(e.mentions.windows(2).all(|w| w[0].start < w[1].start), "mentions stay sorted");
        assert!(a.entities.iter().all(|e| e.id != omar), "the merged entity is gone");
        assert_eq!(a.entities.iter().find(|e| e.id == lisbon).unwrap().kind, EntityKind::Organization);
        assert!(a.events.iter().all(|ev| !ev.entities.contains(&omar)), "no event names the merged entity");
        assert!(a.events.iter().any(|ev| ev.entities.contains(&ana)));
        assert_eq!(a.corrections, fixes, "kept with the annotation");
    }

    #[test]
    fn a_split_mention_becomes_its_own_entity_and_dates_can_be_fixed_or_removed() {
        let mut a = io_annotation();
        let ana = id_of(&a, "Ana Lima");
        let mentions = a.entities.iter().find(|e| e.id == ana).unwrap().mentions.clone();
        assert!(mentions.len() >= 2, "byline and body");
        let last = *mentions.last().unwrap();
        let start = IO_TEXT[..last.start].chars().count();
        let march = a.timexes.iter().find(|t| t.value.as_str().ends_with("-03-02")).unwrap().id.clone();
        let y2019 = a.timexes.iter().find(|t| t.value == "2019").unwrap().id.clone();
        let n_events = a.events.len();
        let fixes = vec![
            Correction::Split { entity: ana.clone(), start },
            Correction::Redate { timex: march.clone(), value: "2021-03-03".into() },
            Correction::Undate { timex: y2019.clone() },
        ];
        assert_eq!(apply(IO_TEXT, &mut a, &fixes), 3);
        assert_eq!(a.entities.iter().find(|e| e.id == ana).unwrap().mentions.len(), mentions.len() - 1);
        let split = a.entities.iter().find(|e| e.mentions == [last]).expect("the split mention is an entity");
        assert_ne!(split.id, ana);
        assert!(a.events.iter().any(|e| e.value == "2021-03-03"), "{:?}", a.events);
        assert!(a.timexes.iter().all(|t| t.id != y2019));
        assert_eq!(a.events.len(), n_events - 1, "the 2019 event is gone");
    }

    #[test]
    fn not_an_entity_removes_it_its_mentions_and_its_place_in_events_and_round_trips() {
        let mut a = io_annotation();
        let lisbon = id_of(&a, "Lisbon");
        let fixes = vec![Correction::Remove { entity: lisbon.clone(), name: "Lisbon".into() }];
        assert_eq!(apply(IO_TEXT, &mut a, &fixes), 1);
        assert!(a.entities.iter().all(|e| e.id != lisbon));
        assert!(a.events.iter().all(|ev| !ev.entities.contains(&lisbon)));
        assert_eq!(fixes[0].describe(&a), "Lisbon is not an entity");
        // Kept in lede/1 and applied again when the document is read back.
        let json = crate::to_json(IO_TEXT, &a);
        assert!(json.contains("\"op\": \"remove\"") || json.contains("\"op\":\"remove\""), "{json}");
        let (_, back) = crate::from_json(&json).unwrap();
        assert_eq!(back.corrections, fixes);
        // Gone from a fresh analysis too, once applied; a second remove of it does nothing.
        assert_eq!(apply(IO_TEXT, &mut a, &fixes), 0);
    }

    #[test]
    fn corrections_without_a_target_or_malformed_are_skipped() {
        let mut a = io_annotation();
        let before = a.clone();
        let fixes = vec![
            Correction::Rename { entity: "nobody".into(), name: "X".into() },
            Correction::Retype { entity: a.entities[0].id.clone(), kind: "planet".into() },
            Correction::Redate { timex: a.timexes[0].id.clone(), value: "2021-02-30".into() },
            Correction::Merge { entity: a.entities[0].id.clone(), into: a.entities[0].id.clone() },
            Correction::Split { entity: a.entities[0].id.clone(), start: 999_999 },
        ];
        assert_eq!(apply(IO_TEXT, &mut a, &fixes), 0);
        assert_eq!(a.entities, before.entities);
        assert_eq!(a.events, before.events);
        assert!(fixes[2].check().unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn corrections_applied_one_at_a_time_are_all_recorded() {
        // The viewer applies a reader's corrections one by one as they are made.
        let mut a = io_annotation();
        let ana = id_of(&a, "Ana Lima");
        let lisbon = id_of(&a, "Lisbon");
        let fixes = [Correction::Rename { entity: ana, name: "Ana Maria Lima".into() }, Correction::Retype { entity: lisbon, kind: "organization".into() }];
        for fix in &fixes {
            assert_eq!(apply(IO_TEXT, &mut a, std::slice::from_ref(fix)), 1);
        }
        assert_eq!(a.corrections, fixes, "the first correction is still recorded after the second");
    }

    #[test]
    fn time_expressions_read_from_lede_json_are_in_text_order() {
        let a = io_annotation();
        assert!(a.timexes.len() >= 2);
        let mut doc: serde_json::Value = serde_json::from_str(&crate::to_json(IO_TEXT, &a)).unwrap();
        doc["timexes"].as_array_mut().unwrap().reverse();
        let (_, back) = crate::from_json(&doc.to_string()).unwrap();
        assert!(back.timexes.windows(2).all(|w| w[0].span.start <= w[1].span.start), "sorted: {:?}", back.timexes);
        assert_eq!(back.timexes, a.timexes);
    }

    #[test]
    fn a_missed_name_is_added_with_every_free_mention_and_overlaps_are_refused() {
        let text = "Port talks\n\nThe Quayside Trust met the mayor on Monday. Later the Quayside Trust said it would invest, and the Quayside Trusts of two towns agreed.\n";
        let mut a = crate::annotate(text, &crate::Options::with_date(Some("2022-05-05")).unwrap());
        a.entities.retain(|e| !e.name.contains("Quayside"));
        let add = Correction::Add { name: "Quayside Trust".into(), kind: "organization".into() };
        assert_eq!(crate::corrections::add_refusal(text, &a, "Quayside Trust"), None);
        assert_eq!(apply(text, &mut a, std::slice::from_ref(&add)), 1);
        let e = a.entities.iter().find(|e| e.name == "Quayside Trust").expect("added");
        assert_eq!(e.kind, EntityKind::Organization);
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.of(text)).collect();
        assert_eq!(mentions, ["Quayside Trust", "Quayside Trust"], "whole words only: not inside 'Quayside Trusts'");
        assert!(a.events.iter().any(|ev| ev.entities.contains(&e.id)), "events name it: {:?}", a.events);
        // Text already inside another name is refused, with a message naming it.
        let why = crate::corrections::add_refusal(text, &a, "Trust").expect("refused");
        assert!(why.contains("Quayside Trust"), "{why}");
        assert_eq!(apply(text, &mut a, &[Correction::Add { name: "Trust".into(), kind: "place".into() }]), 0);
        assert!(crate::corrections::add_refusal(text, &a, "Atlantis").unwrap().contains("not in the text"));
        assert!(Correction::Add { name: " ".into(), kind: "person".into() }.check().is_err());
        assert!(Correction::Add { name: "X".into(), kind: "planet".into() }.check().is_err());
    }

    #[test]
    fn an_event_label_is_rewritten_and_survives_later_corrections() {
        let mut a = io_annotation();
        let ev = a.events.iter().find(|e| !e.label.starts_with("Published")).expect("an event").clone();
        let relabel = Correction::Relabel { timex: ev.timex.clone(), label: " Ana Lima and Omar Haddad met ".into() };
        assert_eq!(apply(IO_TEXT, &mut a, std::slice::from_ref(&relabel)), 1);
        assert_eq!(a.events.iter().find(|e| e.timex == ev.timex).unwrap().label, "Ana Lima and Omar Haddad met");
        // A later correction rebuilds the events; the label the reader gave stays.
        let lisbon = id_of(&a, "Lisbon");
        assert_eq!(apply(IO_TEXT, &mut a, &[Correction::Retype { entity: lisbon, kind: "organization".into() }]), 1);
        assert_eq!(a.events.iter().find(|e| e.timex == ev.timex).unwrap().label, "Ana Lima and Omar Haddad met");
        assert_eq!(apply(IO_TEXT, &mut a, &[Correction::Relabel { timex: "t999".into(), label: "x".into() }]), 0);
        assert!(Correction::Relabel { timex: ev.timex, label: "  ".into() }.check().is_err());
    }

    #[test]
    fn corrections_travel_in_lede_json() {
        let mut a = io_annotation();
        let ana = id_of(&a, "Ana Lima");
        apply(IO_TEXT, &mut a, &[Correction::Rename { entity: ana.clone(), name: "A. Lima".into() }]);
        let json = crate::to_json(IO_TEXT, &a);
        assert!(json.contains("\"op\": \"rename\""), "{json}");
        let (_, back) = crate::from_json(&json).unwrap();
        assert_eq!(back.corrections, a.corrections);
        assert_eq!(back.entities.iter().find(|e| e.id == ana).unwrap().name, "A. Lima");
    }

    #[test]
    fn every_kind_of_correction_reads_back_as_written() {
        let all = [
            Correction::Rename { entity: "e1".into(), name: "A. Lima".into() },
            Correction::Retype { entity: "e1".into(), kind: "place".into() },
            Correction::Merge { entity: "e2".into(), into: "e1".into() },
            Correction::Split { entity: "e1".into(), start: 42 },
            Correction::Redate { timex: "t1".into(), value: "2021-03".into() },
            Correction::Undate { timex: "t1".into() },
            Correction::Add { name: "Porto".into(), kind: "place".into() },
            Correction::Relabel { timex: "t1".into(), label: "Talks".into() },
            Correction::Remove { entity: "e3".into(), name: "Review".into() },
        ];
        let json = serde_json::to_string(&all).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Correction>>(&json).unwrap(), all);
        // Written by hand: fields in any order, unknown fields ignored, a removal's name optional.
        let by_hand = r#"[{"type": "group", "op": "retype", "entity": "e4", "note": "x"}, {"op": "remove", "entity": "e5"}]"#;
        assert_eq!(
            serde_json::from_str::<Vec<Correction>>(by_hand).unwrap(),
            [Correction::Retype { entity: "e4".into(), kind: "group".into() }, Correction::Remove { entity: "e5".into(), name: String::new() }]
        );
        for (bad, says) in [
            (r#"{"op": "retype", "entity": "e4"}"#, "missing field `type`"),
            (r#"{"op": "fly"}"#, "unknown correction `fly`"),
            (r#"{"entity": "e4"}"#, "missing field `op`"),
            (r#"{"op": "split", "entity": "e1", "start": "x"}"#, "invalid type"),
        ] {
            let err = serde_json::from_str::<Correction>(bad).unwrap_err().to_string();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }
}
