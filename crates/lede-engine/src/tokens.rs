//! A small word tokenizer over a span of text, shared by the time and entity recognisers.
//!
//! Words keep their inner hyphens, apostrophes and dots ("two-day", "COVID-19",
//! "U.S.", "O'Neil", "15:18", "1,000"); a possessive "'s" is split off as its own token.

use std::borrow::Cow;

use crate::span::ByteSpan;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// Letters (possibly with digits, hyphens, dots, apostrophes inside).
    Word,
    /// Starts with a digit.
    Number,
    /// Anything else, one character at a time.
    Punct,
}

/// A token and its place in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    pub span: ByteSpan,
    pub text: &'t str,
    pub kind: Tok,
}

impl<'t> Token<'t> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case ("NATO", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        let mut letters = self.text.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && letters.all(char::is_uppercase)
    }

    /// Lower-cased text, borrowed when it has no upper-case letter (most words: no
    /// allocation).
    pub fn lower(&self) -> Cow<'t, str> {
        if self.text.chars().any(char::is_uppercase) {
            Cow::Owned(self.text.to_lowercase())
        } else {
            Cow::Borrowed(self.text)
        }
    }

    /// Is this exactly the punctuation character `c`?
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Tok::Punct && self.text.starts_with(c) && self.text.len() == c.len_utf8()
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Abbreviations whose final period belongs to the word.
const DOTTED: [&str; 24] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "Jr", "Sr",
];

/// Extensions of file names ("cover_letter.doc"), lower case.
const FILE_EXTENSIONS: [&str; 22] = [
    "doc", "docx", "pdf", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "rtf", "odt", "jpg", "jpeg", "png", "gif", "zip", "htm", "html", "mp3", "mp4", "exe",
    "xml",
];

/// The length of the e-mail address, web address, file name ("cover_letter.doc") or
/// identifier joined by underscores ("lisa_resume") that `s` starts with, without trailing
/// punctuation; `None` when it starts with none of them. After "@" or "#" (`handle`), words
/// joined by underscores are a handle's ("@Liam_Payne"), so its parts stay words.
fn address_len(s: &str, handle: bool) -> Option<usize> {
    // Looked for within a bounded window, so text with no spaces stays linear to tokenize.
    const LONGEST: usize = 300;
    let window = s.char_indices().take_while(|&(b, _)| b < LONGEST).take_while(|&(_, c)| !c.is_whitespace());
    let run = &s[..window.last().map_or(0, |(b, c)| b + c.len_utf8())];
    // Every kind below holds one of these ("www." and a file's extension a dot, "http://" a
    // colon, a mail address "@", joined words "_"): most words hold none and stop here.
    if run.len() >= LONGEST || !run.bytes().any(|b| matches!(b, b'@' | b'.' | b'_' | b':')) {
        return None;
    }
    let lower_starts = |p: &str| run.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let web = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
    // "name@host.org", or an internal address with a one-word host ("Bryngelson@AZURIX").
    let mail = run.split_once('@').is_some_and(|(user, host)| {
        let host = host.trim_end_matches(|c: char| !c.is_alphanumeric());
        !user.is_empty()
            && user.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
            && host.chars().filter(|c| c.is_alphanumeric()).count() >= 2
            && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
    });
    let trimmed = run.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '’', '”']);
    let plain = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    let file = trimmed
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && stem.chars().all(plain) && FILE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)));
    let joined = !handle
        && trimmed.chars().all(plain)
        && trimmed.as_bytes().windows(3).any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'_' && w[2].is_ascii_alphanumeric());
    if !web && !mail && !file && !joined {
        return None;
    }
    Some(trimmed.len()).filter(|&n| n > 0)
}

/// Tokenize `span` of `text`.
pub(crate) fn tokenize(text: &str, span: ByteSpan) -> Vec<Token<'_>> {
    let s = span.of(text);
    let base = span.start;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let end_of = |j: usize| chars.get(j).map_or(s.len(), |&(b, _)| b);
    // Inside a handle or a hashtag ("@Real_Liam_Payne"): from its "@" or "#" to the next space
    // or punctuation other than "_".
    let mut handle = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            handle = false;
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            handle = matches!(c, '@' | '#') || handle && c == '_';
            let end = end_of(i + 1);
            out.push(Token { span: ByteSpan::new(base + start, base + end), text: &s[start..end], kind: Tok::Punct });
            i += 1;
            continue;
        }
        // An address ("opinions@site.com", "https://…", "www.…") is one token and no word: its
        // parts are not words of the text ("site" in an address is no lower-case "Site").
        if let Some(len) = address_len(&s[start..], handle) {
            let end = start + len;
            out.push(Token { span: ByteSpan::new(base + start, base + end), text: &s[start..end], kind: Tok::Punct });
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
            continue;
        }
        let kind = if c.is_ascii_digit() { Tok::Number } else { Tok::Word };
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let next = chars.get(j + 1).map(|x| x.1);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || c == '\u{301}' || c == '\u{300}' || (c == '-' || c == '–' && kind == Tok::Number) && next_alnum {
                j += 1;
            } else if is_apostrophe(c) && next_alnum {
                // Split off a possessive 's / ’s at the end of a word.
                let after = chars.get(j + 2).map(|x| x.1);
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                    break;
                }
                j += 1;
            } else if (c == ':' || c == ',' || c == '.' || c == '/') && kind == Tok::Number && next.is_some_and(|n| n.is_ascii_digit()) {
                // 15:18, 1,000, 3.5, 3/22
                j += 1;
            } else if c == '.' && kind == Tok::Word {
                let word = &s[start..chars[j].0];
                // The part after a hyphen counts on its own: "China-U.S." keeps its dots.
                let single_letter_run = word.rsplit('-').next().unwrap_or(word).split('.').all(|p| p.chars().count() == 1);
                if next.is_some_and(char::is_alphabetic) && single_letter_run && !chars.get(j + 2).is_some_and(|x| x.1.is_alphabetic()) {
                    // U.S, U.N, e.g: keep going
                    j += 1;
                } else if single_letter_run && (word.contains('.') || word.chars().all(char::is_uppercase)) {
                    // Final dot of U.S.
                    j += 1;
                    break;
                } else if DOTTED.contains(&word) {
                    j += 1;
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let end = end_of(j);
        out.push(Token { span: ByteSpan::new(base + start, base + end), text: &s[start..end], kind });
        i = j;
        // Possessive 's as its own token.
        if i + 1 < chars.len() && is_apostrophe(chars[i].1) && matches!(chars[i + 1].1, 's' | 'S') && !chars.get(i + 2).is_some_and(|x| x.1.is_alphanumeric()) {
            let (ps, pe) = (chars[i].0, end_of(i + 2));
            out.push(Token { span: ByteSpan::new(base + ps, base + pe), text: &s[ps..pe], kind: Tok::Word });
            i += 2;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("The U.S. and U.N. met.", &["The", "U.S.", "and", "U.N.", "met", "."]),
            ("the Kenya-U.S. trade talks", &["the", "Kenya-U.S.", "trade", "talks"]),
            ("U.S.-EU sanctions", &["U.S.", "-", "EU", "sanctions"]),
            ("Navalny's case", &["Navalny", "'s", "case"]),
            ("Navalny’s case", &["Navalny", "’s", "case"]),
            ("a two-day visit", &["a", "two-day", "visit"]),
            ("COVID-19 pandemic", &["COVID-19", "pandemic"]),
            ("at 15:18, 24-Mar-2021", &["at", "15:18", ",", "24-Mar-2021"]),
            ("1,000 people (2nd R)", &["1,000", "people", "(", "2nd", "R", ")"]),
            ("Mr. Smith, Jan. 5", &["Mr.", "Smith", ",", "Jan.", "5"]),
            ("O'Neil said", &["O'Neil", "said"]),
            ("end.", &["end", "."]),
            ("A.", &["A."]),
            ("at 3 p.m. today", &["at", "3", "p.m.", "today"]),
            ("北京 🌏!", &["北京", "🌏", "!"]),
            ("contact us at news@example.org.)", &["contact", "us", "at", "news@example.org", ".", ")"]),
            ("see https://example.com/a?b=1, or www.example.net.", &["see", "https://example.com/a?b=1", ",", "or", "www.example.net", "."]),
            ("a@b and x@ y", &["a", "@", "b", "and", "x", "@", "y"]),
            // an internal address with a one-word host, file names and identifiers joined by
            // underscores are one token each (and no words: "Lisa" of "Lisa_cv.doc" is no name);
            ("write to Bryngelson@AZURIX today", &["write", "to", "Bryngelson@AZURIX", "today"]),
            ("see Lisa_cover_letter.doc, and report.PDF.", &["see", "Lisa_cover_letter.doc", ",", "and", "report.PDF", "."]),
            ("run lisa_resume now", &["run", "lisa_resume", "now"]),
            ("RT @Real_Liam_Payne: hi #Big_Day", &["RT", "@", "Real", "_", "Liam", "_", "Payne", ":", "hi", "#", "Big", "_", "Day"]),
            // a name before a full stop is no file name, and "_" alone joins nothing.
            ("met Mr. Doc. Then _ left", &["met", "Mr.", "Doc", ".", "Then", "_", "left"]),
        ];
        for (input, want) in cases {
            let got: Vec<&str> = tokenize(input, ByteSpan::new(0, input.len())).iter().map(|t| t.text).collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }
}
