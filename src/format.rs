//! Small pure helpers that turn engine values into reader-facing strings.

use lede_engine::{Article, BlockKind};
use lede_engine::{TimexValue, ValueKind};

/// "By Jane Doe and John Roe" from a list of author names; `None` when there are none.
pub fn authors_line(authors: &[String]) -> Option<String> {
    match authors {
        [] => None,
        [one] => Some(format!("By {one}")),
        [init @ .., last] => Some(format!("By {} and {last}", init.join(", "))),
    }
}

/// Number of words a reader reads: the title, note, captions (once), paragraphs and footer.
pub fn reading_words(text: &str, article: &Article) -> usize {
    article
        .blocks
        .iter()
        .filter(|b| {
            b.duplicate_of.is_none() && matches!(b.kind, BlockKind::Title | BlockKind::Note | BlockKind::Caption | BlockKind::Paragraph | BlockKind::Footer)
        })
        .map(|b| b.body.of(text).split_whitespace().count())
        .sum()
}

/// Minutes to read `words` at 230 words a minute, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(230).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], Option<&str>)] = &[
            (&[], None),
            (&["Jane Doe"], Some("By Jane Doe")),
            (&["A B", "C D"], Some("By A B and C D")),
            (&["A B", "C D", "E F"], Some("By A B, C D and E F")),
        ];
        for (input, want) in cases {
            assert_eq!(authors_line(&names(input)).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn minutes() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(230), 1);
        assert_eq!(reading_minutes(231), 2);
    }

    #[test]
    fn repeated_captions_count_once() {
        let text = "A title here\nA caption of the day. /Xinhua\nA caption of the day. /Xinhua\nBody text that ends here.\n";
        let article = lede_engine::analyze(text);
        // title 3 + caption 5 + paragraph 5
        assert_eq!(reading_words(text, &article), 13);
    }
}

/// An event's date written for people: "24 March 2021", "March 2021", "2021",
/// "18–19 March 2021", "1990–1999", "24 March 2021, 15:18"; "(year inferred)" is not added here.
pub fn event_date(value: &TimexValue, end_value: Option<&TimexValue>) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let month = |m: u8| MONTHS[usize::from(m.clamp(1, 12) - 1)];
    let one = |v: &TimexValue| -> String {
        match v.kind() {
            ValueKind::Clock(y, m, d, h, mi) if v.as_str().contains(':') => format!("{d} {} {y}, {h:02}:{mi:02}", month(m)),
            ValueKind::Day(y, m, d) | ValueKind::DayPart(y, m, d) | ValueKind::Clock(y, m, d, ..) => format!("{d} {} {y}", month(m)),
            ValueKind::Month(y, m) => format!("{} {y}", month(m)),
            ValueKind::Year(y) => y.to_string(),
            _ => v.to_string(),
        }
    };
    match end_value {
        Some(e) if e != value => match (value.kind(), e.kind()) {
            // "18–19 March 2021" when only the day differs.
            (ValueKind::Day(y0, m0, d0), ValueKind::Day(y1, m1, _)) if (y0, m0) == (y1, m1) => format!("{d0}–{}", one(e)),
            _ => format!("{}–{}", one(value), one(e)),
        },
        _ => one(value),
    }
}

#[cfg(test)]
mod date_tests {
    use super::event_date;
    use lede_engine::TimexValue;

    #[test]
    fn event_dates() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("2021-03-24", None, "24 March 2021"),
            ("2021-03", None, "March 2021"),
            ("2021", None, "2021"),
            ("2021-03-24T15:18", None, "24 March 2021, 15:18"),
            ("2021-03-18", Some("2021-03-19"), "18–19 March 2021"),
            ("1990", Some("1999"), "1990–1999"),
            ("2021-01", Some("2021-03"), "January 2021–March 2021"),
        ];
        for (v, e, want) in cases {
            let (v, e) = (TimexValue::parse(v), e.map(TimexValue::parse));
            assert_eq!(event_date(&v, e.as_ref()), *want);
        }
    }
}
