//! Small pure helpers that turn engine values into reader-facing strings.

use lede_engine::{Article, BlockKind};

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
            b.duplicate_of.is_none()
                && matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Note | BlockKind::Caption | BlockKind::Paragraph | BlockKind::Footer
                )
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
