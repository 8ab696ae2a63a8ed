//! Dated events: one per dated statement, with a short label and its participants.

use crate::datetime::{days_in_month, CivilDateTime};
use crate::model::{Entity, Event, Granularity, Timex, TimexType};
use crate::span::ByteSpan;
use crate::{Article, BlockKind};

/// Most words in a label.
const LABEL_WORDS: usize = 12;

/// A concrete start, end and granularity for a TIMEX3 value, if it names a calendar period.
/// Weeks, quarters, halves, seasons and decades become ranges of their finer unit.
pub(crate) fn calendar_range(value: &str) -> Option<(String, Option<String>, Granularity)> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    let day_range = |d0: i64, d1: i64| -> Option<(String, Option<String>, Granularity)> {
        let a = CivilDateTime::date(1970, 1, 1)?.add_days(d0)?.to_iso();
        let b = CivilDateTime::date(1970, 1, 1)?.add_days(d1)?.to_iso();
        Some((a, Some(b), Granularity::Day))
    };
    let months = |m0: u8, m1: u8, y1: i32| Some((format!("{year:04}-{m0:02}"), Some(format!("{y1:04}-{m1:02}")), Granularity::Month));
    match rest {
        "" => Some((value.to_owned(), None, Granularity::Year)),
        "-SP" => months(3, 5, year),
        "-SU" => months(6, 8, year),
        "-FA" => months(9, 11, year),
        "-WI" => months(12, 2, year + 1),
        "-H1" => months(1, 6, year),
        "-H2" => months(7, 12, year),
        _ if rest.starts_with("-Q") => {
            let q: u8 = rest[2..].parse().ok().filter(|q| (1..=4).contains(q))?;
            months(q * 3 - 2, q * 3, year)
        }
        _ if rest.starts_with("-W") => {
            let w: i64 = rest.get(2..4)?.parse().ok()?;
            // Monday of ISO week 1 is the Monday on or before January 4.
            let jan4 = CivilDateTime::date(year, 1, 4)?.days();
            let monday = jan4 - i64::from(crate::datetime::weekday(jan4)) + 1 + (w - 1) * 7;
            day_range(monday, monday + 6)
        }
        _ => {
            let month: u8 = value.get(5..7)?.parse().ok()?;
            if value.len() == 7 {
                return (1..=12).contains(&month).then(|| (value.to_owned(), None, Granularity::Month));
            }
            let day: u8 = value.get(8..10)?.parse().ok()?;
            if day == 0 || day > days_in_month(year, month) {
                return None;
            }
            let date = value[..10].to_owned();
            match value.get(10..) {
                Some(t) if t.len() == 6 && t.starts_with('T') && t.as_bytes()[3] == b':' => Some((value.to_owned(), None, Granularity::Time)),
                // Parts of day ("TMO") keep day precision.
                _ => Some((date, None, Granularity::Day)),
            }
        }
    }
}

/// A decade value ("199") as a year range.
fn decade_range(value: &str) -> Option<(String, Option<String>, Granularity)> {
    (value.len() == 3 && value.bytes().all(|b| b.is_ascii_digit())).then(|| (format!("{value}0"), Some(format!("{value}9")), Granularity::Year))
}

/// The clause of `sentence` that holds `timex`: split at semicolons, colons and
/// clause-joining conjunctions; a tiny clause falls back to the whole sentence.
fn clause(text: &str, sentence: ByteSpan, timex: ByteSpan) -> ByteSpan {
    // A clause is looked for within a window around the date, so a sentence of thousands of
    // words (text without full stops) costs the same per date as an ordinary one.
    const WINDOW: usize = 600;
    let floor = |mut b: usize| {
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let ceil = |mut b: usize| {
        while b < text.len() && !text.is_char_boundary(b) {
            b += 1;
        }
        b
    };
    let sentence = ByteSpan::new(floor(timex.start.saturating_sub(WINDOW).max(sentence.start)), ceil((timex.end + WINDOW).min(sentence.end)));
    let s = sentence.of(text);
    // (start of separator, end of separator) pairs; clauses lie between them.
    let mut seps: Vec<(usize, usize)> = Vec::new();
    for sep in ["; ", ": ", ", but ", ", while ", ", whereas ", ", and ", ", which ", " but ", " — "] {
        let mut from = 0;
        while let Some(p) = s[from..].find(sep) {
            let keep = if sep == ", which " { 2 } else { 0 };
            seps.push((from + p, from + p + keep.max(if keep > 0 { keep } else { sep.len() })));
            from += p + sep.len();
        }
    }
    seps.sort_unstable();
    let rel = timex.start.saturating_sub(sentence.start);
    let mut start = 0;
    for &(a, b) in seps.iter().chain(std::iter::once(&(s.len(), s.len()))) {
        if a < start {
            continue;
        }
        if start <= rel && rel < a.max(start + 1) {
            let c = ByteSpan::new(sentence.start + start, sentence.start + a).trim(text);
            if c.of(text).split_whitespace().count() >= 3 {
                return c;
            }
            break;
        }
        start = b;
    }
    sentence
}

/// Prepositions that introduce a date phrase and go with it out of the label.
const DATE_PREPOSITIONS: &[&str] = &["on", "in", "at", "since", "by", "during", "from", "until", "of", "as", "early", "late", "starting", "beginning"];

/// The clause without the date phrase (and the preposition before it), at most
/// [`LABEL_WORDS`] words, cut on a word boundary.
fn label(text: &str, clause: ByteSpan, timexes: &[&Timex]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut pos = clause.start;
    let c = clause.of(text);
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    for w in c.split_whitespace() {
        let off = c[pos - clause.start..].find(w).map_or(pos, |o| pos + o);
        pieces.push((off, w));
        pos = off + w.len();
    }
    let inside = |off: usize, len: usize| timexes.iter().any(|t| off < t.span.end && off + len > t.span.start);
    for (k, &(off, w)) in pieces.iter().enumerate() {
        if inside(off, w.len()) {
            // Punctuation glued to the end of the date phrase ("Tuesday,") stays with the label.
            let tail_start = timexes.iter().filter(|t| off < t.span.end && off + w.len() > t.span.start).map(|t| t.span.end).max().unwrap_or(off);
            let tail = w.get(tail_start.saturating_sub(off)..).unwrap_or("");
            let glued = !tail.is_empty() && tail.chars().all(|c| matches!(c, ',' | ';' | ':'));
            // Drop a dangling "the" and preposition before the date phrase.
            if words.last().is_some_and(|l| l.eq_ignore_ascii_case("the")) {
                words.pop();
            }
            if words.last().is_some_and(|l| DATE_PREPOSITIONS.contains(&l.to_lowercase().as_str())) {
                words.pop();
            }
            if let (true, Some(last)) = (glued, words.last_mut()) {
                if !last.ends_with([',', ';', ':']) {
                    last.push_str(tail);
                }
            }
            continue;
        }
        // A comma that belonged to the date phrase: "on March 22, the two..." keeps no stray comma.
        let w = if k > 0 && inside(pieces[k - 1].0, pieces[k - 1].1.len()) { w.trim_start_matches(',') } else { w };
        if !w.is_empty() && w != "," {
            words.push(w.to_owned());
        }
    }
    // A relative clause reads as a statement without its pronoun ("which Beijing signed" → "Beijing signed").
    if words.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "which" | "who" | "that" | "where" | "when")) {
        words.remove(0);
    }
    let truncated = words.len() > LABEL_WORDS;
    words.truncate(LABEL_WORDS);
    let mut out = words.join(" ");
    while out.ends_with([',', ';', ':', '.', '—', '-']) {
        out.pop();
    }
    let out = out.trim_start_matches([',', ';', ':']).trim().to_owned();
    let mut out = if let Some(first) = out.chars().next() {
        first.to_uppercase().chain(out.chars().skip(1)).collect::<String>()
    } else {
        out
    };
    if truncated {
        out.push('…');
    }
    out
}

/// Build the events of an annotated article.
pub(crate) fn find(text: &str, article: &Article, timexes: &[Timex], entities: &[Entity]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    // Every mention, sorted by start, to find the entities of a clause by binary search.
    let mut mentions: Vec<(ByteSpan, usize)> = entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i))).collect();
    mentions.sort_unstable_by_key(|(m, _)| m.start);
    // The dateline blocks (a few at most), found once rather than by a scan of all blocks per timex.
    let datelines: Vec<&crate::Block> = article.blocks.iter().filter(|b| b.kind == BlockKind::Dateline).collect();
    for t in timexes {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let Some((value, mut end_value, granularity)) = calendar_range(&t.value).or_else(|| decade_range(&t.value)) else {
            continue;
        };
        if t.end_value.is_some() {
            end_value.clone_from(&t.end_value);
        }
        // The publication itself: the dateline.
        let dateline = datelines.iter().find(|b| b.span.contains(t.span));
        // (sentence, label, clause): the dateline is its own sentence and clause.
        let (sentence, label_text, clause_span) = if let Some(b) = dateline {
            let title = article.meta.title.as_deref().unwrap_or("this article");
            let mut words: Vec<&str> = title.split_whitespace().collect();
            let cut = words.len() > 9;
            words.truncate(9);
            (b.span, format!("Published: {}{}", words.join(" "), if cut { "…" } else { "" }), b.span)
        } else {
            let k = article.sentences.partition_point(|s| s.span.end < t.span.end);
            let Some(s) = article.sentences.get(k).filter(|s| s.span.contains(t.span)) else { continue };
            let cl = clause(text, s.span, t.span);
            // Timexes are in text order: the clause's are found by binary search, not by a scan
            // of all of them for each one (which made long articles quadratic).
            let first = timexes.partition_point(|x| x.span.start < cl.start);
            let in_clause: Vec<&Timex> = timexes[first..]
                .iter()
                .take_while(|x| x.span.start < cl.end)
                .filter(|x| cl.contains(x.span) && matches!(x.kind, TimexType::Date | TimexType::Time))
                .collect();
            let mut l = label(text, cl, &in_clause);
            if l.is_empty() {
                l = label(text, s.span, &in_clause);
            }
            (s.span, l, cl)
        };
        let first = mentions.partition_point(|(m, _)| m.start < clause_span.start);
        let mut ids: Vec<usize> = mentions[first..].iter().take_while(|(m, _)| m.start < clause_span.end).filter(|(m, _)| clause_span.contains(*m)).map(|(_, i)| *i).collect();
        // Entities in salience order (the order of `entities`), each once.
        ids.sort_unstable();
        ids.dedup();
        let participants: Vec<String> = ids.into_iter().map(|i| entities[i].id.clone()).collect();
        events.push(Event {
            id: String::new(),
            timex: t.id.clone(),
            value,
            end_value,
            granularity,
            year_inferred: t.year_inferred,
            label: label_text,
            sentence,
            entities: participants,
        });
    }
    events.sort_by(|a, b| {
        a.value.cmp(&b.value).then(a.sentence.start.cmp(&b.sentence.start)).then(b.end_value.is_some().cmp(&a.end_value.is_some()))
    });
    // Two expressions of the same date in one sentence ("on Monday … starting March 22") state one event.
    events.dedup_by(|b, a| a.sentence == b.sentence && a.value == b.value);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    events
}

/// First and last day (days since 1970-01-01, inclusive) of a calendar value
/// (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`).
fn period_days(value: &str) -> Option<(i64, i64)> {
    let y: i32 = value.get(..4)?.parse().ok()?;
    match value.len() {
        4 => Some((CivilDateTime::date(y, 1, 1)?.days(), CivilDateTime::date(y, 12, 31)?.days())),
        7 => {
            let m: u8 = value.get(5..7)?.parse().ok()?;
            Some((CivilDateTime::date(y, m, 1)?.days(), CivilDateTime::date(y, m, days_in_month(y, m))?.days()))
        }
        _ => {
            let m: u8 = value.get(5..7)?.parse().ok()?;
            let d: u8 = value.get(8..10)?.parse().ok()?;
            let day = CivilDateTime::date(y, m, d)?.days();
            Some((day, day))
        }
    }
}

/// The days an event covers: first and last day (days since 1970-01-01, inclusive),
/// from its value and, for a range, its end value. `None` for a value that is not a date.
pub fn event_days(value: &str, end_value: Option<&str>) -> Option<(i64, i64)> {
    let (start, mut end) = period_days(value)?;
    if let Some(e) = end_value.and_then(period_days) {
        end = end.max(e.1);
    }
    Some((start, end))
}

/// The calendar date of a day number (days since 1970-01-01) as `(year, month, day)`.
pub fn date_of_day(day: i64) -> (i32, u8, u8) {
    crate::datetime::civil_from_days(day)
}
