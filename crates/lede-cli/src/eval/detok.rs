//! Rebuilding a corpus's text from its tokens, and mapping engine spans back to token
//! ranges (alignment).

use lede_engine::ByteSpan;

/// One corpus token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token's characters.
    pub text: String,
    /// Its sentence index (0 = the title in MEANTIME).
    pub sentence: usize,
}

/// Text rebuilt from tokens, with each token's byte span in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detokenized {
    /// One line per sentence, each ending in `\n`.
    pub text: String,
    /// `spans[i]` is where token `i` lies in `text`.
    pub spans: Vec<ByteSpan>,
}

/// Tokens written without a space before them.
pub(crate) const NO_SPACE_BEFORE: &[&str] =
    &[",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'", "\u{201d}", "\u{2019}", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m"];

/// Tokens written without a space after them.
pub(crate) const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "``", "`", "\u{201c}", "\u{2018}", "\u{a3}", "\u{20ac}"];

/// Rebuild readable text from tokens: one line per sentence (a new line starts
/// whenever the sentence index changes), tokens joined by one space except
///
/// * no space before `, . ; : ! ? ) ] } %`, the clitics `'s 're 've 'll 'd 'm n't`
///   and closing quotes (`''`, `'`, `”`, `’`);
/// * no space after `( [ {`, currency signs (`$ £ €`, and `US$`-style tokens)
///   and opening quotes (`` `` ``, `` ` ``, `“`, `‘`);
/// * a straight `"` opens and closes in turn within a sentence (odd ones open);
/// * a `-` token between two capitalised tokens joins them ("Wal-Mart").
///
/// Newlines inside a token become spaces so that lines stay sentences.
pub fn detokenize(tokens: &[Token]) -> Detokenized {
    let mut out = Detokenized { text: String::new(), spans: Vec::with_capacity(tokens.len()) };
    let mut prev: Option<(usize, bool)> = None; // (sentence, no space after it)
    let mut quote_open = false;
    let capital = |t: Option<&Token>| t.is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase));
    for (i, tok) in tokens.iter().enumerate() {
        let new_line = prev.is_some_and(|(s, _)| s != tok.sentence);
        if new_line {
            quote_open = false;
        }
        let word = tok.text.replace(['\n', '\r'], " ");
        let straight_quote = word == "\"";
        let opens = straight_quote && !quote_open;
        // "Wal - Mart": a hyphen token between capitalised words joins them.
        let name_hyphen = word == "-" && i > 0 && capital(tokens.get(i - 1)) && capital(tokens.get(i + 1));
        let glue_left = NO_SPACE_BEFORE.contains(&word.as_str()) || (straight_quote && quote_open) || name_hyphen;
        let glue_right = NO_SPACE_AFTER.contains(&word.as_str())
            || name_hyphen
            || opens
            || (word.len() > 1 && word.ends_with('$') && word[..word.len() - 1].bytes().all(|b| b.is_ascii_uppercase()));
        match prev {
            Some(_) if new_line => out.text.push('\n'),
            Some((_, no_space_after)) if !no_space_after && !glue_left => out.text.push(' '),
            _ => {}
        }
        if straight_quote {
            quote_open = !quote_open;
        }
        let start = out.text.len();
        out.text.push_str(&word);
        out.spans.push(ByteSpan::new(start, out.text.len()));
        prev = Some((tok.sentence, glue_right));
    }
    if !tokens.is_empty() {
        out.text.push('\n');
    }
    out
}

/// An inclusive range of token indexes, `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TokRange {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
}

impl TokRange {
    /// The range `first..=last`.
    pub const fn new(first: usize, last: usize) -> TokRange {
        TokRange { first, last }
    }

    /// Number of tokens both ranges cover.
    pub fn overlap(self, other: TokRange) -> usize {
        let lo = self.first.max(other.first);
        let hi = self.last.min(other.last);
        if lo <= hi {
            hi - lo + 1
        } else {
            0
        }
    }
}

/// The tokens that `span` overlaps (shares at least one byte with), given the
/// tokens' spans in text order; `None` when it overlaps none.
pub fn token_range(spans: &[ByteSpan], span: ByteSpan) -> Option<TokRange> {
    let from = spans.partition_point(|t| t.end <= span.start);
    let mut hit = spans
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, t)| t.start < span.end)
        .filter(|(_, t)| !t.is_empty() && t.start < span.end && span.start < t.end)
        .map(|(i, _)| i);
    let first = hit.next()?;
    Some(TokRange::new(first, hit.last().unwrap_or(first)))
}

/// The text of a token range: from its first token's start to its last token's end.
pub(crate) fn range_text(d: &Detokenized, r: TokRange) -> &str {
    match (d.spans.get(r.first), d.spans.get(r.last)) {
        (Some(a), Some(b)) => ByteSpan::new(a.start, b.end).of(&d.text),
        _ => "",
    }
}
