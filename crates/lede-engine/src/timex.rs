//! Time expressions: recognition and TIMEX3 normalisation against a reference date,
//! in the manner of HeidelTime's news mode (relative expressions resolved against the
//! document date; weekdays and year-less dates placed by the tense of their clause).

use crate::datetime::{civil_from_days, days_from_civil, iso_week, month_number, weekday, CivilDateTime};
use crate::model::TimexType;
use crate::span::ByteSpan;
use crate::tokens::{tokenize, Tok, Token};

/// A recognised time expression before ids are given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: ByteSpan,
    pub kind: TimexType,
    pub value: String,
    pub end_value: Option<String>,
    pub year_inferred: bool,
    /// "the day", "the same day": the day last mentioned, resolved by the caller.
    pub anaphoric_day: bool,
    /// "the previous year" (-1), "the entire year" (0): relative to the year last mentioned.
    pub anaphoric_year: Option<i32>,
    /// "a year earlier", "year-ago", "the year-earlier period": the period last reported on,
    /// a year back (the caller gives it the quarter last mentioned, when there is one).
    pub year_back: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const SEASONS: [(&str, &str); 5] = [("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("fall", "FA"), ("winter", "WI")];
const PARTS_OF_DAY: [(&str, &str); 5] = [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("overnight", "NI")];

/// Words after which a bare four-digit number is a year.
const YEAR_CUES: [&str; 26] = [
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "between", "and", "during", "before", "after", "early", "late", "around", "circa",
    "year", "fiscal", "mid", "spring", "summer", "autumn", "winter", "fall",
];

/// Words that point a weekday or a year-less date forward ("planned a rally on Saturday" is
/// the coming Saturday, though "planned" is a past tense).
const FUTURE_CUES: [&str; 20] = [
    "will",
    "'ll",
    "shall",
    "should",
    "next",
    "upcoming",
    "coming",
    "tomorrow",
    "scheduled",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "would",
    "intend",
    "intends",
    "intended",
    // "effective Feb. 1", "payable Jan. 2": announcements of what is to come.
    "effective",
    "payable",
];
const PAST_CUES: [&str; 56] = [
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "held",
    "made",
    "took",
    "gave",
    "began",
    "came",
    "went",
    "won",
    "lost",
    "saw",
    "left",
    "ago",
    "last",
    "yesterday",
    "earlier",
    "previously",
    "sold",
    "bought",
    "paid",
    "fell",
    "rose",
    "grew",
    "spent",
    "brought",
    "signed",
    "arrived",
    "announced",
    "died",
    "fled",
    "led",
    "struck",
    "fought",
    "sent",
    "shot",
    "wrote",
    "spoke",
    "stood",
    "kept",
    "felt",
    "found",
    "became",
    "broke",
    "flew",
    "threw",
    "caught",
    "knew",
    "heard",
    "built",
    "sank",
];

fn number_word(w: &str) -> Option<u32> {
    const SMALL: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const TENS: [(&str, u32); 7] = [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90)];
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(i as u32);
    }
    if let Some((_, n)) = TENS.iter().find(|(s, _)| *s == w) {
        return Some(*n);
    }
    match w {
        "a" | "an" | "one" | "single" => Some(1),
        "hundred" => Some(100),
        _ if !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) => w.parse().ok(),
        _ => None,
    }
}

/// A number from 0 to 99 written in words as one token ("ninety-six", "seventy", "twelve").
fn spoken_two_digits(w: &str) -> Option<u32> {
    match w.split_once('-') {
        Some((tens, unit)) => {
            let (t, u) = (number_word(tens)?, number_word(unit)?);
            (t >= 20 && t % 10 == 0 && t < 100 && (1..=9).contains(&u)).then_some(t + u)
        }
        None => number_word(w).filter(|&n| n < 100 && !matches!(w, "a" | "an" | "single") && !w.bytes().all(|b| b.is_ascii_digit())),
    }
}

/// Decades written in words: "the nineties" (the 1990s).
fn spoken_decade(w: &str) -> Option<u32> {
    const DECADES: [&str; 8] = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
    DECADES.iter().position(|d| *d == w).map(|i| 192 + i as u32)
}

/// Quantity of a duration: a number or "several"/"few"/"many" (unknown, X).
fn quantity(w: &str) -> Option<Option<u32>> {
    match w {
        "several" | "few" | "many" | "some" | "numerous" => Some(None),
        _ => number_word(w).map(Some),
    }
}

/// Duration unit: (TIMEX letter, is time-of-day unit, multiplier).
fn unit(w: &str) -> Option<(&'static str, bool, u32)> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "day" => ("D", false, 1),
        "week" => ("W", false, 1),
        "month" => ("M", false, 1),
        "year" => ("Y", false, 1),
        "decade" => ("Y", false, 10),
        "quarter" => ("Q", false, 1),
        "century" | "centurie" => ("Y", false, 100),
        "hour" => ("H", true, 1),
        "minute" => ("M", true, 1),
        _ => return None,
    })
}

fn duration_value(q: Option<u32>, unit: (&str, bool, u32)) -> String {
    let (letter, time, mult) = unit;
    let t = if time { "T" } else { "" };
    match q {
        Some(n) => format!("P{t}{}{letter}", n.saturating_mul(mult)),
        None => format!("P{t}X{letter}"),
    }
}

fn ordinal_day(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten().filter(|y| (1000..=2199).contains(y))
}

fn ymd(y: i32, m: u8, d: u8) -> Option<String> {
    CivilDateTime::date(y, m, d).map(|d| d.to_iso())
}

fn ym(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}

/// Shift a (year, month) by `delta` months.
fn add_months(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let total = y * 12 + i32::from(m) - 1 + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

/// A holiday's day in a given year.
#[derive(Clone, Copy, Debug)]
enum Holiday {
    /// The same month and day every year.
    Fixed(u8, u8),
    /// Days after (or before) Easter Sunday.
    Easter(i64),
    /// The `n`th (or, for -1, the last) ISO weekday `wd` (Monday 1 .. Sunday 7) of month `m`.
    Nth(u8, u8, i8),
}

impl Holiday {
    /// Its month and day in year `y`.
    fn day(self, y: i32) -> Option<(u8, u8)> {
        match self {
            Holiday::Fixed(m, d) => Some((m, d)),
            Holiday::Easter(offset) => {
                let (m, d) = easter_sunday(y);
                let (_, m, d) = crate::datetime::civil_from_days(crate::datetime::days_from_civil(y, m, d) + offset);
                Some((m, d))
            }
            Holiday::Nth(m, wd, n) => {
                let first = crate::datetime::days_from_civil(y, m, 1);
                let to_wd = (i64::from(wd) - i64::from(crate::datetime::weekday(first))).rem_euclid(7);
                let day = if n > 0 {
                    1 + to_wd + 7 * (i64::from(n) - 1)
                } else {
                    // The last: the first of that weekday, plus as many weeks as fit in the month.
                    let (ny, nm) = add_months(y, m, 1);
                    let len = crate::datetime::days_from_civil(ny, nm, 1) - first;
                    let mut d = 1 + to_wd;
                    while d + 7 <= len {
                        d += 7;
                    }
                    d
                };
                u8::try_from(day).ok().map(|d| (m, d))
            }
        }
    }
}

/// Easter Sunday of year `y` in the Gregorian calendar (the anonymous algorithm, as in
/// Meeus's "Astronomical Algorithms").
fn easter_sunday(y: i32) -> (u8, u8) {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u8, day as u8)
}

struct Ctx<'a, 't> {
    toks: &'a [Token<'t>],
    lw: Vec<String>,
    reference: Option<CivilDateTime>,
    tense: Vec<Tense>,
}

/// A match: number of tokens consumed and the pieces of the timex.
struct M {
    len: usize,
    kind: TimexType,
    value: String,
    end_value: Option<String>,
    inferred: bool,
}

impl M {
    fn new(len: usize, kind: TimexType, value: String) -> M {
        M { len, kind, value, end_value: None, inferred: false }
    }
    fn inferred(mut self) -> M {
        self.inferred = true;
        self
    }
}

impl Ctx<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.lw.get(i).map_or("", String::as_str)
    }
    fn tok(&self, i: usize) -> Option<&Token<'_>> {
        self.toks.get(i)
    }
    fn cap(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_capitalised())
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }
    fn prev(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    /// Month name at i (capitalised; "May" and abbreviations need support from their neighbours).
    fn month(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        if t.kind != Tok::Word || !t.is_capitalised() {
            return None;
        }
        let m = month_number(t.text)?;
        Some(m)
    }

    /// The year of a month (and day) written without one: the reference year, unless the
    /// tense of the clause points more than two months away from the reference date.
    fn year_for(&self, i: usize, m: u8, d: Option<u8>) -> Option<(i32, bool)> {
        let r = self.reference?;
        let mut y = r.year();
        // "early June" is about the 5th, "late June" the 25th.
        let approx = match self.prev(i) {
            "early" => 5,
            "late" => 25,
            _ => 15,
        };
        let months_ahead = (i32::from(m) - i32::from(r.month())) * 30 + (i32::from(d.unwrap_or(approx)) - i32::from(r.day()));
        // "since November" looks back whatever the verb.
        let tense = if matches!(self.prev(i), "since") { Tense::Past } else { self.tense.get(i).copied().unwrap_or(Tense::Unknown) };
        match tense {
            // A day close to the reference may be a plan reported in the past tense
            // ("was delayed to November 11"); a month more than a month ahead is last year's.
            Tense::Past if months_ahead > if d.is_some() { 60 } else { 30 } => y -= 1,
            Tense::Future if months_ahead < if d.is_some() { -60 } else { -30 } => y += 1,
            // No tense to go by: the occurrence nearest the reference date ("Rescued on Nov. 25"
            // in January is last November).
            Tense::Unknown if months_ahead > 180 => y -= 1,
            Tense::Unknown if months_ahead < -180 => y += 1,
            _ => {}
        }
        Some((y, true))
    }

    /// Month-name based dates starting at i.
    fn month_date(&self, i: usize) -> Option<M> {
        let mut j = i;
        // Optional weekday first: "Monday, March 22"
        let weekday_first = WEEKDAYS.contains(&self.w(j)) && self.cap(j);
        if weekday_first {
            j += 1;
            if self.punct(j, ',') {
                j += 1;
            }
        }
        // Day first: "22 March 2021", "22nd of March"
        if let Some(d) = self.tok(j).filter(|t| t.kind == Tok::Number).and_then(|t| ordinal_day(t.text)) {
            let mut k = j + 1;
            if self.w(k) == "of" {
                k += 1;
            }
            if let Some(m) = self.month(k) {
                let (value, _, inferred, end) = self.day_value(i, k + 1, m, d)?;
                return Some(M { len: end - i, kind: TimexType::Date, value, end_value: None, inferred });
            }
            if weekday_first {
                return None;
            }
        }
        let m = self.month(j)?;
        let abbreviated =
            self.tok(j).is_some_and(|t| t.text.trim_end_matches('.').len() <= 4 && t.text.len() < 5) && !matches!(self.w(j), "may" | "june" | "july");
        let mut k = j + 1;
        // "March 22", "March 22nd", "March 22, 2021", "March 22-23"
        if let Some(d) = self.tok(k).filter(|t| t.kind == Tok::Number).and_then(|t| ordinal_day(t.text)) {
            k += 1;
            let mut end_day = None;
            // "March 22 - 23" / "March 18 and 19"
            if (self.punct(k, '-') || self.punct(k, '–') || matches!(self.w(k), "to" | "and" | "through"))
                && self.tok(k + 1).is_some_and(|t| t.kind == Tok::Number)
                && self.year_number_at(k + 1).is_none()
            {
                if let Some(d2) = ordinal_day(self.w(k + 1)).filter(|&d2| d2 > d) {
                    end_day = Some(d2);
                    k += 2;
                }
            }
            let (value, y, inferred, end) = self.day_value(i, k, m, d)?;
            k = end;
            let end_value = match (y, end_day) {
                (Some(y), Some(d2)) => ymd(y, m, d2),
                _ => None,
            };
            return Some(M { len: k - i, kind: TimexType::Date, value, end_value, inferred });
        }
        if weekday_first {
            return None;
        }
        // "March 2021"
        if let Some((y, n)) = self.year_after(k) {
            return Some(M::new(k + n - i, TimexType::Date, ym(y, m)));
        }
        // A month alone needs a cue, and "May"/abbreviations need more than that.
        let cue = matches!(
            self.prev(i),
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "during"
                | "before"
                | "after"
                | "last"
                | "this"
                | "next"
                | "between"
                | "and"
                | "to"
        );
        if !cue || abbreviated || self.w(j) == "may" && !matches!(self.prev(i), "in" | "since" | "until" | "early" | "late" | "mid" | "last" | "next" | "this")
        {
            return None;
        }
        let value = match self.reference {
            Some(r) => {
                let (y, _) = match self.prev(i) {
                    "last" => (if m >= r.month() { r.year() - 1 } else { r.year() }, true),
                    "next" => (if m <= r.month() { r.year() + 1 } else { r.year() }, true),
                    "this" => (r.year(), true),
                    _ => self.year_for(i, m, None)?,
                };
                ym(y, m)
            }
            None => format!("XXXX-{m:02}"),
        };
        Some(M::new(k - i, TimexType::Date, value).inferred())
    }

    /// Day `d` of month `m` with its year written at `k` (", 2021") or inferred for the
    /// expression starting at `i`: (value, year, year inferred, index after the expression).
    fn day_value(&self, i: usize, k: usize, m: u8, d: u8) -> Option<(String, Option<i32>, bool, usize)> {
        let (y, inferred, end) = match self.year_after(k) {
            Some((y, n)) => (Some(y), false, k + n),
            None => (self.year_for(i, m, Some(d)).map(|x| x.0), true, k),
        };
        let value = match y {
            Some(y) => ymd(y, m, d)?,
            None => format!("XXXX-{m:02}-{d:02}"),
        };
        Some((value, y, inferred, end))
    }

    fn year_number_at(&self, i: usize) -> Option<i32> {
        self.tok(i).filter(|t| t.kind == Tok::Number).and_then(|t| year_number(t.text))
    }

    /// Years and decades said in words: "nineteen ninety-six", "the year two thousand", "the
    /// nineties".
    fn spoken_date(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        if w == "the" && self.w(i + 1) == "year" && self.w(i + 2) == "two" {
            let (y, n) = self.spoken_year(i + 2)?;
            return Some(M::new(2 + n, TimexType::Date, format!("{y:04}")));
        }
        if w == "the" {
            let d = spoken_decade(self.w(i + 1))?;
            return Some(M::new(2, TimexType::Date, format!("{d:03}")));
        }
        if w == "two" {
            return None;
        }
        let (y, n) = self.spoken_year(i)?;
        Some(M::new(n, TimexType::Date, format!("{y:04}")))
    }

    /// A year at i in figures or in words: (year, tokens).
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        self.year_number_at(i).map(|y| (y, 1)).or_else(|| self.spoken_year(i).filter(|_| self.w(i) != "two"))
    }

    /// A year said in words at i ("nineteen ninety-six", "nineteen eighty four", "two thousand
    /// one"): (year, tokens).
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        match self.w(i) {
            c @ ("eighteen" | "nineteen") => {
                let century = if c == "eighteen" { 1800 } else { 1900 };
                let n = spoken_two_digits(self.w(i + 1)).filter(|&n| n >= 10)?;
                // "nineteen eighty four": the unit as a word of its own.
                if n % 10 == 0 && n >= 20 {
                    if let Some(u) = number_word(self.w(i + 2)).filter(|u| (1..=9).contains(u) && !matches!(self.w(i + 2), "a" | "an" | "single")) {
                        return Some((century + (n + u) as i32, 3));
                    }
                }
                Some((century + n as i32, 2))
            }
            "two" if self.w(i + 1) == "thousand" => {
                let k = i + 2 + usize::from(self.w(i + 2) == "and");
                match spoken_two_digits(self.w(k)).filter(|&n| n >= 1) {
                    Some(n) => Some((2000 + n as i32, k + 1 - i)),
                    None => Some((2000, 2)),
                }
            }
            _ => None,
        }
    }

    /// ", 2021" or "2021" right at i: (year, tokens consumed).
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_number_at(i) {
            return Some((y, 1));
        }
        // "January nineteen ninety-seven" ("two thousand" alone is a number, not a year).
        if let Some((y, n)) = self.year_at(i) {
            return Some((y, n));
        }
        if self.punct(i, ',') {
            return self.year_number_at(i + 1).map(|y| (y, 2));
        }
        // "June last year", "March 3 this year".
        let shift = match self.w(i) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        (self.w(i + 1) == "year").then(|| self.reference.map(|r| (r.year() + shift, 2))).flatten()
    }

    /// Single-token dates: 2021-03-24, 24-Mar-2021, 3/22/2021, 2021-03-24T15:18.
    fn numeric_date(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let s = t.text;
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3 {
            return None;
        }
        let value = if parts[0].len() == 4 && s.contains('-') {
            ymd(parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?)?
        } else if parts[2].len() == 4 || parts[2].len() == 2 && s.contains('/') && parts[2].bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = parts[2].parse().ok()?;
            // Two-digit years: 07 → 2007, 98 → 1998.
            let y = if y < 100 {
                if y < 50 {
                    2000 + y
                } else {
                    1900 + y
                }
            } else {
                y
            };
            let d: u8 = parts[0].parse().ok()?;
            if let Some(m) = month_number(parts[1]) {
                ymd(y, m, d)?
            } else if s.contains('/') {
                let (a, b): (u8, u8) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
                if a <= 12 {
                    ymd(y, a, b)?
                } else {
                    ymd(y, b, a)?
                }
            } else {
                return None;
            }
        } else {
            return None;
        };
        Some(M::new(1, TimexType::Date, value))
    }

    /// "15:18", "3 p.m.", "3:30pm", "noon", optionally followed by a date ("15:18, 24-Mar-2021").
    fn clock(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let (mut h, mi, mut k) = if t.kind == Tok::Number && t.text.contains(':') {
            let (a, b) = t.text.split_once(':')?;
            let h: u8 = a.parse().ok()?;
            let m: u8 = b.get(..2)?.parse().ok()?;
            (h, m, i + 1)
        } else if t.kind == Tok::Number && t.text.len() == 4 && matches!(self.tok(i + 1).map(|t| t.text), Some("UTC" | "GMT")) {
            let h: u8 = t.text[..2].parse().ok()?;
            (h, t.text[2..].parse().ok()?, i + 1)
        } else if t.kind == Tok::Number && matches!(self.w(i + 1), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m") {
            (t.text.parse().ok()?, 0, i + 1)
        } else if matches!(self.w(i), "noon" | "midday") && matches!(self.prev(i), "at" | "by" | "before" | "after" | "until") {
            (12, 0, i + 1)
        } else if self.w(i) == "midnight" && matches!(self.prev(i), "at" | "by" | "before" | "after" | "until") {
            (0, 0, i + 1)
        } else {
            return None;
        };
        match self.w(k) {
            "p.m." | "pm" | "p.m" => {
                if h < 12 {
                    h += 12
                }
                k += 1
            }
            "a.m." | "am" | "a.m" => {
                if h == 12 {
                    h = 0
                }
                k += 1
            }
            _ => {}
        }
        if h > 23 || mi > 59 {
            return None;
        }
        // Time zone abbreviations belong to the expression; UTC/GMT times carry TimeML's "Z".
        let mut zone = "";
        if matches!(self.tok(k).map(|t| t.text), Some("GMT" | "UTC" | "ET" | "EST" | "EDT" | "BST" | "CET" | "PST" | "PT" | "BJT")) {
            if matches!(self.tok(k).map(|t| t.text), Some("GMT" | "UTC")) && !self.punct(k + 1, '+') && !self.punct(k + 1, '-') {
                zone = "Z";
            }
            k += 1;
        }
        // A following date ("15:18, 24-Mar-2021", "3 p.m. on March 2", "9 a.m. Tuesday").
        let mut date: Option<(String, bool, usize)> = None;
        let mut d0 = k;
        if self.punct(d0, ',') {
            d0 += 1;
        }
        if self.w(d0) == "on" {
            d0 += 1;
        }
        if let Some(m) = self.numeric_date(d0).or_else(|| self.month_date(d0)).or_else(|| self.relative_day(d0)).or_else(|| self.weekday_expr(d0)) {
            if m.value.len() == 10 {
                date = Some((m.value, m.inferred, d0 + m.len));
            }
        }
        let (day, inferred, end) = match date {
            Some((v, inf, end)) => (Some(v), inf, end),
            None => (self.reference.map(|r| r.to_iso()[..10].to_owned()), true, k),
        };
        let value = match day {
            Some(d) => format!("{d}T{h:02}:{mi:02}{zone}"),
            None => format!("XXXX-XX-XXT{h:02}:{mi:02}{zone}"),
        };
        Some(M { len: end - i, kind: TimexType::Time, value, end_value: None, inferred })
    }

    fn shift_days(&self, n: i64) -> Option<String> {
        Some(self.reference?.add_days(n)?.to_iso())
    }

    /// today, yesterday, tomorrow, tonight, this morning, last night, the weekend.
    fn relative_day(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        // "the day" in news is the day of the report ("shares rose 2% on the day").
        if w == "the"
            && (self.w(i + 1) == "day" || self.w(i + 1) == "same" && self.w(i + 2) == "day")
            && !matches!(self.w(i + 2), "before" | "after" | "of" | "when" | "that" | "in")
        {
            let n = if self.w(i + 1) == "same" { 3 } else { 2 };
            return Some(M::new(n, TimexType::Date, self.shift_days(0).unwrap_or_else(|| "XXXX-XX-XX".to_owned())).inferred());
        }
        // "the previous year", "the year previous", "the prior month", "the entire year"
        if w == "the" {
            let (unit_w, dir, n) = match (self.w(i + 1), self.w(i + 2)) {
                ("previous" | "prior" | "preceding", u) => (u, -1, 3),
                ("following", u) => (u, 1, 3),
                ("entire" | "whole" | "full", u @ ("year" | "month" | "week")) => (u, 0, 3),
                (u @ ("year" | "month"), "previous" | "before") => (u, -1, 3),
                (u @ ("year" | "month" | "week"), _) if self.prev(i) == "of" => (u, 0, 2),
                _ => ("", 0, 0),
            };
            if n > 0 {
                let r = self.reference;
                let value = match unit_w {
                    "year" => r.map_or("XXXX".to_owned(), |r| format!("{:04}", r.year() + dir)),
                    "month" => r.map_or("XXXX-XX".to_owned(), |r| {
                        let (y, m) = add_months(r.year(), r.month(), dir);
                        ym(y, m)
                    }),
                    "week" => r.and_then(|r| r.add_days(7 * i64::from(dir))).map_or("XXXX-WXX".to_owned(), |d| {
                        let (y, wk) = iso_week(d.days());
                        format!("{y:04}-W{wk:02}")
                    }),
                    "day" => r.and_then(|r| r.add_days(i64::from(dir))).map_or("XXXX-XX-XX".to_owned(), |d| d.to_iso()),
                    _ => return None,
                };
                return Some(M::new(n, TimexType::Date, value).inferred());
            }
        }
        if w == "the" && self.w(i + 1) == "weekend" {
            // The reference week's weekend; in the past tense, the latest one before the reference
            // day ("over the weekend, officials said" on a Monday).
            let past = self.tense.get(i).copied() == Some(Tense::Past);
            let value = self.reference.map_or("XXXX-WXX-WE".to_owned(), |r| {
                let back = past && crate::datetime::weekday(r.days()) < 6;
                let (y, wk) = iso_week(r.days() - if back { 7 } else { 0 });
                format!("{y:04}-W{wk:02}-WE")
            });
            return Some(M::new(2, TimexType::Date, value).inferred());
        }
        let day = |n: i64| self.shift_days(n).unwrap_or_else(|| "XXXX-XX-XX".to_owned());
        let (base, len) = match w {
            "today" => (day(0), 1),
            "yesterday" => (day(-1), 1),
            "tomorrow" => (day(1), 1),
            "tonight" => return Some(M::new(1, TimexType::Time, format!("{}TNI", day(0))).inferred()),
            "this" | "last" => {
                let part = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.w(i + 1))?;
                let d = if w == "last" && part.0 == "night" { day(-1) } else { day(0) };
                if w == "last" && part.0 != "night" {
                    return None;
                }
                return Some(M::new(2, TimexType::Time, format!("{d}T{}", part.1)).inferred());
            }
            _ => return None,
        };
        // "yesterday morning"
        if let Some((_, p)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.w(i + 1)) {
            return Some(M::new(len + 1, TimexType::Time, format!("{base}T{p}")).inferred());
        }
        Some(M::new(len, TimexType::Date, base).inferred())
    }

    /// The weekday at i resolved by direction: -1 last/past, +1 next/future.
    fn weekday_date(&self, wd: u8, direction: i32) -> Option<String> {
        let r = self.reference?;
        let today = r.days();
        let cur = i64::from(weekday(today));
        let target = i64::from(wd);
        let days = match direction {
            d if d < 0 => today - (cur - target).rem_euclid(7),
            _ => today + (target - cur).rem_euclid(7),
        };
        let (y, m, d) = civil_from_days(days);
        ymd(y, m, d)
    }

    /// "Monday", "on Friday", "last Tuesday", "next Monday", "Monday morning".
    fn weekday_expr(&self, i: usize) -> Option<M> {
        let (lead, wi) = match self.w(i) {
            "last" | "next" | "this" | "coming" | "past" => (1, i + 1),
            _ => (0, i),
        };
        let wd = WEEKDAYS.iter().position(|d| *d == self.w(wi))? as u8 + 1;
        if !self.cap(wi) {
            return None;
        }
        // "as early as Tuesday", "as soon as Friday": a time still to come.
        let earliest = lead == 0 && i >= 3 && self.w(i - 3) == "as" && matches!(self.w(i - 2), "early" | "soon") && self.w(i - 1) == "as";
        let direction = match self.w(i) {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ if earliest => 1,
            _ => match self.tense.get(wi).copied().unwrap_or(Tense::Unknown) {
                Tense::Future => 1,
                _ => -1,
            },
        };
        let mut value = self.weekday_date(wd, direction).unwrap_or_else(|| format!("XXXX-WXX-{wd}"));
        if self.w(i) == "next" {
            // "next Monday" is in the coming week even when today is Sunday.
            if let Some(r) = self.reference {
                if value == r.to_iso()[..10] {
                    value = r.add_days(7).map(|d| d.to_iso()).unwrap_or(value);
                }
            }
        }
        let mut len = lead + 1;
        let mut kind = TimexType::Date;
        if let Some((_, p)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.w(wi + 1)) {
            value = format!("{value}T{p}");
            kind = TimexType::Time;
            len += 1;
        }
        Some(M { len, kind, value, end_value: None, inferred: true })
    }

    /// this/last/next + week/month/year/quarter/season; "earlier this year".
    fn relative_period(&self, i: usize) -> Option<M> {
        let mut j = i;
        let modifier = matches!(self.w(j), "earlier" | "later" | "early" | "late");
        if modifier {
            j += 1;
        }
        let dir = match self.w(j) {
            "this" | "current" => 0,
            "last" | "previous" => -1,
            "next" | "coming" => 1,
            // "that year": the year last mentioned (the caller resolves it).
            "that" if self.w(j + 1) == "year" => 0,
            _ => return None,
        };
        // "this past spring": the latest one.
        if self.w(j) == "this" && self.w(j + 1) == "past" && SEASONS.iter().any(|(s, _)| *s == self.w(j + 2)) {
            j += 1;
        }
        // "the last year" is a duration; "last year" a date.
        if self.prev(i) == "the" && dir != 0 {
            return None;
        }
        let r = self.reference;
        let len = j + 2 - i;
        let value = match self.w(j + 1) {
            "year" => r.map_or("XXXX".to_owned(), |r| format!("{:04}", r.year() + dir)),
            "month" => r.map_or("XXXX-XX".to_owned(), |r| {
                let (y, m) = add_months(r.year(), r.month(), dir);
                ym(y, m)
            }),
            "week" => r.and_then(|r| r.add_days(7 * i64::from(dir))).map_or("XXXX-WXX".to_owned(), |d| {
                let (y, w) = iso_week(d.days());
                format!("{y:04}-W{w:02}")
            }),
            "weekend" => r.and_then(|r| r.add_days(7 * i64::from(dir))).map_or("XXXX-WXX-WE".to_owned(), |d| {
                let (y, w) = iso_week(d.days());
                format!("{y:04}-W{w:02}-WE")
            }),
            "quarter" => r.map_or("XXXX-QX".to_owned(), |r| {
                let q = i32::from((r.month() - 1) / 3) + dir;
                let (y, q) = (r.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
                format!("{y:04}-Q{q}")
            }),
            "decade" => r.map_or("XXX".to_owned(), |r| format!("{:03}", r.year() / 10 + dir)),
            w => {
                let (_, code) = SEASONS.iter().find(|(s, _)| *s == w)?;
                r.map_or(format!("XXXX-{code}"), |r| format!("{:04}-{code}", r.year() + dir))
            }
        };
        Some(M::new(len, TimexType::Date, value).inferred())
    }

    /// Durations and "N units ago/later"; "two-day"; "the past five years"; "for years".
    fn duration(&self, i: usize) -> Option<M> {
        if matches!(self.prev(i), "for" | "within" | "over" | "in") && self.w(i).ends_with('s') {
            if let Some(u) = unit(self.w(i)) {
                return Some(M::new(1, TimexType::Duration, duration_value(None, u)));
            }
        }
        let mut j = i;
        let lead_the = matches!(self.w(j), "the") && matches!(self.w(j + 1), "past" | "last" | "next" | "coming" | "previous" | "first");
        // "the nine months", "the first nine months": the determiner belongs to the duration.
        let the_count = self.w(j) == "the"
            && (quantity(self.w(j + 1)).is_some_and(|q| q.is_some()) && unit(self.w(j + 2)).is_some_and(|_| self.w(j + 2).ends_with('s'))
                || self.w(j + 1) == "first"
                    && quantity(self.w(j + 2)).is_some_and(|q| q.is_some())
                    && self.w(j + 3).ends_with('s')
                    && unit(self.w(j + 3)).is_some());
        if the_count {
            j += if self.w(j + 1) == "first" { 2 } else { 1 };
        } else if lead_the {
            j += 2;
        }
        // "decades-long", "years-long"
        if let Some(u) = self.w(j).strip_suffix("-long").filter(|u| u.ends_with('s')).and_then(unit) {
            return Some(M::new(j + 1 - i, TimexType::Duration, duration_value(None, u)));
        }
        // Hyphenated adjective: "two-day", "10-year", "three-month-long"; an age ("a
        // 40-year-old man") is not a time expression.
        if let Some(t) = self.tok(j).filter(|t| !t.text.ends_with("-old")) {
            let pieces: Vec<&str> = self.w(j).split('-').collect();
            if t.text.contains('-') && pieces.len() >= 2 {
                if let (Some(q), Some(u)) = (quantity(pieces[0]), unit(pieces[1])) {
                    if !pieces[1].ends_with('s') {
                        return Some(M::new(j + 1 - i, TimexType::Duration, duration_value(q, u)));
                    }
                }
            }
        }
        if lead_the && self.w(j) == "quarter" && matches!(self.w(i + 1), "last" | "previous") {
            let r = self.reference?;
            let q = i32::from((r.month() - 1) / 3) - 1;
            let (y, q) = (r.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
            return Some(M::new(j + 1 - i, TimexType::Date, format!("{y:04}-Q{q}")).inferred());
        }
        // "over the past year": the year before the reference year, as TimeBank reads it.
        if lead_the && matches!(self.w(i + 1), "past" | "last") && self.w(j) == "year" {
            let r = self.reference?;
            return Some(M::new(j + 1 - i, TimexType::Date, format!("{:04}", r.year() - 1)).inferred());
        }
        if lead_the && matches!(self.w(i + 1), "past" | "last" | "next" | "coming") && !self.w(j).ends_with('s') {
            if let Some(u) = unit(self.w(j)).filter(|_| self.w(j) != "year") {
                return Some(M::new(j + 1 - i, TimexType::Duration, duration_value(Some(1), u)));
            }
        }
        let mut q = quantity(self.w(j));
        let mut k = j + 1;
        // "a few days", "the past few years"
        if self.w(j) == "a" && self.w(j + 1) == "few" {
            q = Some(None);
            k += 1;
        }
        let q = q?;
        // "six straight days", "two consecutive quarters", "five trading days"
        if matches!(
            self.w(k),
            "straight" | "consecutive" | "successive" | "trading" | "business" | "working" | "full" | "calendar" | "more" | "further" | "additional"
        ) && unit(self.w(k + 1)).is_some()
        {
            k += 1;
        }
        let u = unit(self.w(k))?;
        let plural = self.w(k).ends_with('s');
        // "one days" is not a duration; "a four day strike" is.
        if q == Some(1) && plural {
            return None;
        }
        // The year/"a year" in "$5 billion a year" is a set (but "$10 million a year ago" a date).
        if self.w(j) == "a"
            && !lead_the
            && matches!(self.prev(i), "billion" | "million" | "times" | "once" | "twice" | "percent" | "%")
            && !matches!(self.w(k + 1), "ago" | "earlier")
        {
            return Some(M::new(k + 1 - i, TimexType::Set, duration_value(Some(1), u)));
        }
        k += 1;
        // "three years ago", "a year earlier": a date counted back from the reference date
        // (for "earlier", the anchor is most often the period being reported on, itself near
        // the reference date).
        if matches!(self.w(k), "ago" | "earlier") && !lead_the {
            let value = self.ago(q, u)?;
            return Some(M::new(k + 1 - i, TimexType::Date, value).inferred());
        }
        if lead_the && matches!(self.w(i + 1), "first") && !the_count {
            return None;
        }
        Some(M::new(k - i, TimexType::Duration, duration_value(q, u)))
    }

    fn ago(&self, q: Option<u32>, u: (&str, bool, u32)) -> Option<String> {
        let r = self.reference;
        let Some(n) = q else { return Some("PAST_REF".to_owned()) };
        let n = i64::from(n) * i64::from(u.2);
        let Some(r) = r else { return Some("PAST_REF".to_owned()) };
        Some(match u {
            ("D", false, _) => r.add_days(-n)?.to_iso(),
            // "a week ago" names the day a week back.
            ("W", false, _) => r.add_days(-7 * n)?.to_iso(),
            ("M", false, _) => {
                let (y, m) = add_months(r.year(), r.month(), -(n as i32));
                ym(y, m)
            }
            // "profit fell from a year earlier" in a quarterly report: the same quarter a year back.
            ("Y", false, 1) if n == 1 && self.toks.iter().any(|t| t.text.to_ascii_lowercase().contains("quarter")) => {
                let q = i32::from((r.month() - 1) / 3) - 5;
                format!("{:04}-Q{}", r.year() + q.div_euclid(4), q.rem_euclid(4) + 1)
            }
            ("Y", false, 1) => format!("{:04}", i64::from(r.year()) - n),
            ("Y", false, _) => format!("{:03}", (i64::from(r.year()) - n) / 10),
            _ => return None,
        })
    }

    /// Bare years with a cue ("in 2001", "since 1991"), decades ("the 1990s"), "mid-2020".
    fn year_expr(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let w = self.w(i);
        // "post-1959", "pre-1990": the year the text measures from.
        if let Some(y) = w.strip_prefix("post-").or_else(|| w.strip_prefix("pre-")).and_then(year_number) {
            return Some(M::new(1, TimexType::Date, format!("{y:04}")));
        }
        if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("early-")).or_else(|| w.strip_prefix("late-")) {
            if let Some(y) = year_number(rest) {
                return Some(M::new(1, TimexType::Date, format!("{y:04}")));
            }
            if let Some(dec) = rest.strip_suffix('s').and_then(year_number) {
                return Some(M::new(1, TimexType::Date, format!("{:03}", dec / 10)));
            }
            // "mid-November", "late-November 2020": the month.
            let written = &t.text[t.text.len() - rest.len()..];
            if let Some(m) = month_number(written).filter(|_| written.starts_with(char::is_uppercase)) {
                if let Some((y, n)) = self.year_after(i + 1) {
                    return Some(M::new(1 + n, TimexType::Date, ym(y, m)));
                }
                let value = match self.year_for(i, m, None) {
                    Some((y, _)) => ym(y, m),
                    None => format!("XXXX-{m:02}"),
                };
                return Some(M::new(1, TimexType::Date, value).inferred());
            }
        }
        if t.kind != Tok::Number {
            return None;
        }
        // "'82", "’82" and "the 80s"
        let apostrophe = i > 0 && matches!(self.w(i - 1), "'" | "’");
        if w.len() == 2 && apostrophe && w.bytes().all(|b| b.is_ascii_digit()) {
            // The century that puts the year nearest the reference, at most ten years ahead
            // ("'82" is 1982; "'11" in 2009 is 2011).
            let n: i32 = w.parse().ok()?;
            let y = match self.reference {
                Some(r) => {
                    let base = r.year() - r.year().rem_euclid(100);
                    [base - 100 + n, base + n, base + 100 + n].into_iter().filter(|y| *y <= r.year() + 10).max().unwrap_or(1900 + n)
                }
                None => 1900 + n,
            };
            return Some(M::new(1, TimexType::Date, format!("{y:04}")));
        }
        if let Some(d) = w.strip_suffix('s').filter(|d| d.len() == 2 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit())) {
            if apostrophe || self.prev(i) == "the" {
                return Some(M::new(1, TimexType::Date, format!("19{}", &d[..1])));
            }
        }
        if let Some(dec) = w.strip_suffix('s').and_then(year_number).filter(|y| y % 10 == 0) {
            return Some(M::new(1, TimexType::Date, format!("{:03}", dec / 10)));
        }
        let y = year_number(w)?;
        // "Worldwide Developers Conference 2010", "World Cup 2010": the edition of a named event.
        let edition = i > 0
            && self.cap(i - 1)
            && matches!(
                self.prev(i),
                "conference"
                    | "summit"
                    | "cup"
                    | "games"
                    | "olympics"
                    | "expo"
                    | "festival"
                    | "championship"
                    | "championships"
                    | "forum"
                    | "week"
                    | "show"
                    | "fair"
                    | "congress"
            )
            && (1900..=2099).contains(&y);
        // "for 1990", "due 1993", "both 1990 and 1991", "in 1994, 1995 and 1997".
        let listed = self.prev(i) == "," && i >= 2 && year_number(self.w(i - 2)).is_some();
        // "a 1996 law", "its 1990 invasion", "the company's 1989 results": a year before its noun.
        let premodifier = matches!(self.prev(i), "a" | "an" | "that" | "this" | "its" | "his" | "her" | "their" | "our" | "'s" | "’s")
            && (1900..=2099).contains(&y)
            && self.tok(i + 1).is_some_and(|t| t.kind == Tok::Word);
        let cue = edition
            || listed
            || premodifier
            || matches!(self.prev(i), "for" | "due" | "both") && (1900..=2099).contains(&y)
            || YEAR_CUES.contains(&self.prev(i))
            || self.prev(i) == "-" && i >= 2 && YEAR_CUES.contains(&self.w(i - 2));
        // "2001 was", "(2019)", "the 2008 Olympic Games"
        let boundary = i == 0 || self.punct(i - 1, '(') || self.punct(i - 1, ',') && self.cap(i + 1) || self.prev(i) == "the" && (1900..=2099).contains(&y);
        if !(cue || boundary && self.toks.len() > 1)
            || matches!(self.prev(i), "$" | "€" | "£" | "no." | "page" | "flight" | "number" | "route" | "model" | "room")
        {
            return None;
        }
        // Numbers of things: "in 2000 cases", "the 1500 members".
        let next_plural =
            self.tok(i + 1).is_some_and(|n| n.kind == Tok::Word && !n.is_capitalised() && n.text.len() > 3 && n.text.ends_with('s') && !n.text.ends_with("ss"));
        if next_plural || matches!(self.w(i + 1), "people" | "percent" | "%" | "men" | "women" | "children") {
            return None;
        }
        Some(M::new(1, TimexType::Date, format!("{y:04}")))
    }

    /// "the first quarter (of 2020)", "Q3 2020", "third-quarter", "the first half of 2021".
    fn quarter(&self, i: usize) -> Option<M> {
        const ORD: [&str; 4] = ["first", "second", "third", "fourth"];
        if let Some(m) = self.reported_quarter(i) {
            return Some(m);
        }
        let mut j = i;
        // "the third quarter"; but in "the third-quarter profit" the article is the noun's.
        if self.w(j) == "the" && !ORD.iter().any(|o| self.w(j + 1).strip_prefix(o).is_some_and(|r| r.starts_with('-'))) {
            j += 1;
        }
        // The year before the ordinal: "the 1988 second quarter", "the year-ago third quarter",
        // "next year's first quarter".
        let mut named_year = None;
        let mut shift = 0;
        if let Some(y) = self.year_number_at(j) {
            named_year = Some(y);
            j += 1;
        } else if matches!(self.w(j), "year-ago" | "year-earlier") {
            shift = -1;
            j += 1;
        } else if self.w(j + 1) == "year" && matches!(self.w(j + 2), "'s" | "’s") {
            shift = match self.w(j) {
                "last" => -1,
                "next" => 1,
                "this" => 0,
                _ => return None,
            };
            j += 3;
        }
        let w = self.w(j);
        let (q, half, len) = if let Some(q) = w.strip_prefix('q').and_then(|d| d.parse::<u8>().ok()).filter(|q| (1..=4).contains(q)) {
            (q, false, 1)
        } else if let Some((o, rest)) = w.split_once('-') {
            let q = ORD.iter().position(|x| *x == o)? as u8 + 1;
            match rest {
                "quarter" => (q, false, 1),
                "half" if q <= 2 => (q, true, 1),
                _ => return None,
            }
        } else {
            // "the final quarter" is the fourth (and "the last quarter of 2009").
            let last_of_year = w == "last" && self.w(j + 2) == "of" && self.year_after(j + 3).is_some();
            let q = if w == "final" || last_of_year { 4 } else { ORD.iter().position(|x| *x == w)? as u8 + 1 };
            match self.w(j + 1) {
                "quarter" => (q, false, 2),
                "half" if q <= 2 => (q, true, 2),
                _ => return None,
            }
        };
        let mut k = j + len;
        let mut inferred = named_year.is_none();
        let mut year = named_year.or_else(|| self.reference.map(|r| r.year() + shift));
        if named_year.is_some() || shift != 0 {
            // the year is said; no tense needed.
        } else if let Some((y, n)) = (self.w(k) == "of").then(|| self.year_after(k + 1)).flatten() {
            // "the third quarter of 2009", "the first quarter of last year".
            year = Some(y);
            k += 1 + n;
            inferred = false;
        } else if let Some(y) = self.year_number_at(k) {
            year = Some(y);
            k += 1;
            inferred = false;
        }
        // In the past tense, a quarter not yet reached this year is last year's.
        if inferred && shift == 0 && !half && self.tense.get(i).copied() == Some(Tense::Past) {
            if let (Some(r), Some(y)) = (self.reference, year.as_mut()) {
                if q > (r.month() - 1) / 3 + 1 {
                    *y -= 1;
                }
            }
        }
        let y = year.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
        let value = if half { format!("{y}-H{q}") } else { format!("{y}-Q{q}") };
        let mut m = M::new(k - i, TimexType::Date, value);
        m.inferred = inferred;
        Some(m)
    }

    /// "summer 2020", "in the summer" (this year's).
    /// The quarters of an earnings report, counted from the reference date: "the quarter" and
    /// "the latest quarter" are the last one completed, "the year-earlier quarter" the same
    /// quarter a year before, "the current quarter" the reference date's own.
    fn reported_quarter(&self, i: usize) -> Option<M> {
        if self.w(i) != "the" {
            return None;
        }
        let (len, back) = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
            ("quarter", _, _) => (2, 1),
            ("latest" | "recent" | "just-ended" | "latest-period", "quarter", _) | ("latest", "period", _) => (3, 1),
            ("most", "recent", "quarter") => (4, 1),
            ("year-earlier" | "year-ago", "quarter" | "period", _) => (3, 5),
            ("current", "quarter", _) => (3, 0),
            _ => return None,
        };
        // "the quarter of a century", "the quarter-point cut", "the Latin Quarter".
        if matches!(self.w(i + len), "of" | "-" | "century" | "mile" | "point" | "hour") || self.cap(i + len - 1) {
            return None;
        }
        let r = self.reference?;
        let q = i32::from((r.month() - 1) / 3) - back;
        let (y, q) = (r.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
        Some(M::new(len, TimexType::Date, format!("{y:04}-Q{q}")).inferred())
    }

    fn season(&self, i: usize) -> Option<M> {
        let (_, code) = SEASONS.iter().find(|(s, _)| *s == self.w(i))?;
        if let Some((y, n)) = self.year_at(i + 1) {
            return Some(M::new(1 + n, TimexType::Date, format!("{y:04}-{code}")));
        }
        // "the summer of 2020".
        if self.w(i + 1) == "of" {
            if let Some((y, n)) = self.year_at(i + 2) {
                return Some(M::new(2 + n, TimexType::Date, format!("{y:04}-{code}")));
            }
        }
        if self.prev(i) == "the" && i >= 2 && matches!(self.w(i - 2), "in" | "during" | "over" | "by")
            || matches!(self.prev(i), "in" | "by" | "until" | "since")
        {
            let y = self.reference.map_or("XXXX".to_owned(), |r| format!("{:04}", r.year()));
            return Some(M::new(1, TimexType::Date, format!("{y}-{code}")).inferred());
        }
        None
    }

    /// "the 20th century", "the twenty-first century": the century's first two digits ("19").
    fn century(&self, i: usize) -> Option<M> {
        if self.w(i + 1) != "century" {
            return None;
        }
        const WORDS: [&str; 21] = [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "twenty-first",
        ];
        let w = self.w(i);
        let n = WORDS.iter().position(|x| *x == w).map(|k| k as u32 + 1).or_else(|| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th").then(|| digits.parse().ok()).flatten()
        })?;
        (1..=30).contains(&n).then(|| M::new(2, TimexType::Date, format!("{:02}", n - 1)))
    }

    /// Holidays, optionally after "last", "next" or "this" and before a year. Fixed dates:
    /// "Christmas (Day|Eve)", "New Year's (Day|Eve)", "Valentine's Day", "Halloween", "Boxing
    /// Day", "May Day", "Earth Day", "Veterans Day", "Remembrance Day", "Bastille Day",
    /// "St. Patrick's Day". Dates that move with the year: "Easter" (Sunday, Monday), "Good
    /// Friday", "Thanksgiving" (US, fourth Thursday of November), "Memorial Day", "Labor Day",
    /// "Presidents' Day", "Columbus Day", "Mother's Day", "Father's Day". The year is the one
    /// written after, else the one "last"/"next"/"this" points to from the reference date, else
    /// inferred by tense as for "March 2".
    fn holiday(&self, i: usize) -> Option<M> {
        let possessive = |k: usize| matches!(self.w(k), "'s" | "’s");
        // "Presidents' Day": a bare apostrophe after a plural, or none.
        let plural_possessive = |k: usize| usize::from(matches!(self.w(k), "'" | "’"));
        let lead = matches!(self.w(i), "last" | "next" | "this").then(|| self.w(i));
        let h = i + usize::from(lead.is_some());
        if !self.cap(h) {
            return None;
        }
        let day_at = |k: usize| self.w(k) == "day" && self.cap(k);
        // (tokens from h, the holiday)
        let (len, which) = match self.w(h) {
            "christmas" => match self.w(h + 1) {
                "eve" if self.cap(h + 1) => (2, Holiday::Fixed(12, 24)),
                "day" if self.cap(h + 1) => (2, Holiday::Fixed(12, 25)),
                _ => (1, Holiday::Fixed(12, 25)),
            },
            "new" if self.w(h + 1) == "year" && possessive(h + 2) && self.cap(h + 3) => match self.w(h + 3) {
                "eve" => (4, Holiday::Fixed(12, 31)),
                "day" => (4, Holiday::Fixed(1, 1)),
                _ => return None,
            },
            "valentine" if possessive(h + 1) && self.w(h + 2) == "day" => (3, Holiday::Fixed(2, 14)),
            "halloween" => (1, Holiday::Fixed(10, 31)),
            "boxing" if day_at(h + 1) => (2, Holiday::Fixed(12, 26)),
            "may" if day_at(h + 1) => (2, Holiday::Fixed(5, 1)),
            "earth" if day_at(h + 1) => (2, Holiday::Fixed(4, 22)),
            "veterans" | "remembrance" if day_at(h + 1) => (2, Holiday::Fixed(11, 11)),
            "veterans" if matches!(self.w(h + 1), "'" | "’") && day_at(h + 2) => (3, Holiday::Fixed(11, 11)),
            "bastille" if day_at(h + 1) => (2, Holiday::Fixed(7, 14)),
            "st." | "saint" if self.w(h + 1) == "patrick" && possessive(h + 2) && day_at(h + 3) => (4, Holiday::Fixed(3, 17)),
            "easter" => match self.w(h + 1) {
                "sunday" | "day" if self.cap(h + 1) => (2, Holiday::Easter(0)),
                "monday" if self.cap(h + 1) => (2, Holiday::Easter(1)),
                // "Easter Island", "Easter Rising": a name, not the day.
                _ if self.cap(h + 1) => return None,
                _ => (1, Holiday::Easter(0)),
            },
            "good" if self.w(h + 1) == "friday" && self.cap(h + 1) => (2, Holiday::Easter(-2)),
            "thanksgiving" => (if day_at(h + 1) { 2 } else { 1 }, Holiday::Nth(11, 4, 4)),
            "memorial" if day_at(h + 1) => (2, Holiday::Nth(5, 1, -1)),
            "labor" if day_at(h + 1) => (2, Holiday::Nth(9, 1, 1)),
            "columbus" if day_at(h + 1) => (2, Holiday::Nth(10, 1, 2)),
            "presidents" | "president" if day_at(h + 1 + plural_possessive(h + 1)) || possessive(h + 1) && day_at(h + 2) => {
                (2 + plural_possessive(h + 1) + usize::from(possessive(h + 1)), Holiday::Nth(2, 1, 3))
            }
            "mother" if possessive(h + 1) && day_at(h + 2) => (3, Holiday::Nth(5, 7, 2)),
            "father" if possessive(h + 1) && day_at(h + 2) => (3, Holiday::Nth(6, 7, 3)),
            _ => return None,
        };
        // "Christmas sales", "the Christmas and New Year period": a period around the day, not the day.
        let k = h + len;
        let period = |w: &str| matches!(w, "period" | "season" | "sales" | "shopping" | "holiday" | "holidays" | "break" | "quarter");
        if period(self.w(k)) || self.w(k) == "and" && (k + 1..k + 6).any(|j| period(self.w(j))) {
            return None;
        }
        // "Easter week", "the Thanksgiving weekend": the ISO week (or its weekend) holding the day.
        let week = matches!(self.w(k), "week" | "weekend").then(|| self.w(k) == "weekend");
        let k = k + usize::from(week.is_some());
        let (year, inferred, end) = match (self.year_after(k), lead, self.reference) {
            (Some((y, n)), _, _) => (Some(y), false, k + n),
            (None, Some(lead), Some(r)) => {
                // The occurrence before ("last"), after ("next") or in ("this") the reference year.
                let this_year = which.day(r.year())?;
                let before = this_year < (r.month(), r.day());
                let y = match lead {
                    "last" if before => r.year(),
                    "last" => r.year() - 1,
                    "next" if before => r.year() + 1,
                    "next" => r.year(),
                    _ => r.year(),
                };
                (Some(y), false, k)
            }
            (None, _, Some(r)) => {
                let (m, d) = which.day(r.year())?;
                (self.year_for(h, m, Some(d)).map(|x| x.0), true, k)
            }
            (None, _, None) => (None, true, k),
        };
        let value = match (year, which) {
            (Some(y), _) => {
                let (m, d) = which.day(y)?;
                match week {
                    Some(weekend) => {
                        let (wy, wn) = crate::datetime::iso_week(crate::datetime::days_from_civil(y, m, d));
                        format!("{wy:04}-W{wn:02}{}", if weekend { "-WE" } else { "" })
                    }
                    None => ymd(y, m, d)?,
                }
            }
            (None, _) if week.is_some() => return None,
            (None, Holiday::Fixed(m, d)) => format!("XXXX-{m:02}-{d:02}"),
            // A moving day with no year to place it: only its month is known.
            (None, Holiday::Easter(_) | Holiday::Nth(..)) => return None,
        };
        let found = M::new(end - i, TimexType::Date, value);
        Some(if inferred && lead.is_none() { found.inferred() } else { found })
    }

    /// Sets: "every Monday", "each year", "daily", "annually".
    fn set(&self, i: usize) -> Option<M> {
        let simple = match self.w(i) {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "quarterly" => Some("P3M"),
            _ => None,
        };
        // "a quarterly dividend", "daily newspapers": an adjective before its noun is no set.
        let before_noun = self.tok(i + 1).is_some_and(|t| {
            t.kind == Tok::Word && !t.is_capitalised() && !matches!(t.text, "and" | "or" | "to" | "for" | "in" | "on" | "at" | "by" | "since" | "until")
        });
        let simple = simple.filter(|_| !(before_noun && matches!(self.w(i), "daily" | "quarterly")));
        if let Some(v) = simple {
            return Some(M::new(1, TimexType::Set, v.to_owned()));
        }
        // "annual" describes a length (an annual report covers a year), as MEANTIME annotates it.
        if self.w(i) == "annual" {
            return Some(M::new(1, TimexType::Duration, "P1Y".to_owned()));
        }
        if !matches!(self.w(i), "every" | "each") {
            return None;
        }
        let w = self.w(i + 1);
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            return Some(M::new(2, TimexType::Set, format!("XXXX-WXX-{}", wd + 1)));
        }
        let u = unit(w).filter(|_| !w.ends_with('s'))?;
        Some(M::new(2, TimexType::Set, duration_value(Some(1), u)))
    }

    /// Reference words: now, currently, recently, the past, the future.
    fn reference_word(&self, i: usize) -> Option<M> {
        let v = match self.w(i) {
            "now" if !matches!(self.w(i + 1), "that") && !matches!(self.prev(i), "from" | "until" | "till" | "by") => "PRESENT_REF",
            "nowadays" | "currently" => "PRESENT_REF",
            "soon" if self.prev(i) != "as" => "FUTURE_REF",
            "short-term" => "FUTURE_REF",
            "the" if matches!(self.w(i + 1), "near" | "long" | "short") && self.w(i + 2) == "term" => {
                return Some(M::new(3, TimexType::Date, "FUTURE_REF".to_owned()));
            }
            "the" if self.w(i + 1) == "time" && self.w(i + 2) == "being" => {
                return Some(M::new(3, TimexType::Date, "PRESENT_REF".to_owned()));
            }
            "recently" | "lately" => "PAST_REF",
            // "by year-end", "at year's end": the end of the reference year.
            "year-end" | "year" if matches!(self.prev(i), "at" | "by" | "before" | "until" | "of" | "since" | "after") => {
                let len = match (self.w(i), self.w(i + 1), self.w(i + 2)) {
                    ("year-end", _, _) => 1,
                    ("year", "end", _) => 2,
                    ("year", "'s" | "’s", "end") => 3,
                    _ => return None,
                };
                let r = self.reference?;
                return Some(M::new(len, TimexType::Date, format!("{:04}", r.year())).inferred());
            }
            // "year-earlier profit": the period reported on, a year back (refined by the caller).
            "year-earlier" | "year-ago" if self.prev(i) != "the" => {
                let r = self.reference?;
                let value = if self.toks.iter().any(|t| t.text.to_ascii_lowercase().contains("quarter")) {
                    let q = i32::from((r.month() - 1) / 3) - 5;
                    format!("{:04}-Q{}", r.year() + q.div_euclid(4), q.rem_euclid(4) + 1)
                } else {
                    format!("{:04}", r.year() - 1)
                };
                return Some(M::new(1, TimexType::Date, value).inferred());
            }
            // "recent years": a vague length of time.
            "recent" if unit(self.w(i + 1)).is_some() && self.w(i + 1).ends_with('s') => {
                let u = unit(self.w(i + 1))?;
                return Some(M::new(2, TimexType::Duration, duration_value(None, u)));
            }
            "recent" => "PAST_REF",
            "the" if self.w(i + 1) == "past" => {
                let next = self.w(i + 2);
                let ok = !matches!(next, "decade" | "year" | "month" | "week" | "few" | "several") && quantity(next).is_none();
                return ok.then(|| M::new(2, TimexType::Date, "PAST_REF".to_owned()));
            }
            "the" if self.w(i + 1) == "future" => {
                let ok = !self.tok(i + 2).is_some_and(|t| t.kind == Tok::Word && !matches!(t.text, "and" | "or"));
                return ok.then(|| M::new(2, TimexType::Date, "FUTURE_REF".to_owned()));
            }
            _ => return None,
        };
        Some(M::new(1, TimexType::Date, v.to_owned()))
    }

    /// How many tokens before a match are modifiers that belong to the expression
    /// ("early 2009", "the end of last year", "nearly five months", "earlier today").
    fn modifier_len(&self, i: usize, m: &M, floor: usize) -> usize {
        let w = |k: usize| if k >= floor && k < i { self.w(k) } else { "" };
        let at = |back: usize| i.checked_sub(back).map_or("", w);
        match m.kind {
            TimexType::Duration => {
                if matches!((at(2), at(1)), ("more" | "less", "than") | ("at", "least") | ("up", "to")) {
                    2
                } else {
                    // "over a decade" (more than a decade) keeps "over"; "over the next four
                    // years" is a preposition before the expression.
                    usize::from(
                        matches!(at(1), "nearly" | "almost" | "about" | "around" | "approximately" | "roughly" | "some")
                            || at(1) == "over" && self.w(i) != "the",
                    )
                }
            }
            // "almost four years ago", "more than a decade ago": the modifier moves the date.
            TimexType::Date if self.w(i + m.len - 1) == "ago" => {
                if matches!((at(2), at(1)), ("more" | "less", "than")) {
                    2
                } else {
                    usize::from(matches!(at(1), "nearly" | "almost" | "about" | "around" | "approximately" | "roughly" | "some" | "over"))
                }
            }
            // "fiscal 1989", "fiscal second-quarter".
            TimexType::Date if at(1) == "fiscal" && m.value.len() >= 4 && m.value.as_bytes()[..4].iter().all(u8::is_ascii_digit) => 1,
            TimexType::Date | TimexType::Time => {
                if at(3) == "the" && matches!(at(2), "end" | "beginning" | "start" | "middle" | "turn") && at(1) == "of" {
                    3
                } else if matches!(at(1), "early" | "late" | "mid" | "earlier" | "later")
                    || at(1) == "very" && m.value == "FUTURE_REF"
                    || matches!(at(1), "last" | "next" | "this") && self.month(i).is_some()
                {
                    1
                } else {
                    0
                }
            }
            TimexType::Set => 0,
        }
    }

    fn match_at(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        if t.kind == Tok::Punct {
            return None;
        }
        // Not part of a bigger token-shape that is not a date: "COVID-19", "(2nd R)".
        self.clock(i)
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.month_date(i))
            .or_else(|| self.relative_day(i))
            .or_else(|| self.weekday_expr(i))
            .or_else(|| self.spoken_date(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.relative_period(i))
            .or_else(|| self.season(i))
            .or_else(|| self.century(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.set(i))
            .or_else(|| self.duration(i))
            .or_else(|| self.year_expr(i))
            .or_else(|| self.reference_word(i))
    }
}

/// The tense cue nearest to each token: Past, Future or Unknown.
fn tenses(lw: &[String], toks: &[Token<'_>]) -> Vec<Tense> {
    let cue = |i: usize| -> Option<Tense> {
        let w = lw[i].as_str();
        // "next to the embassy" is a place, not a time to come.
        let next_to = w == "next" && lw.get(i + 1).is_some_and(|n| n == "to");
        // "the plan", "its plans" are nouns, no tense.
        let noun = matches!(w, "plan" | "plans")
            && i > 0
            && matches!(
                lw[i - 1].as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these" | "new" | "peace" | "rescue"
            );
        if (FUTURE_CUES.contains(&w) && !next_to && !noun) || (w == "to" && i > 0 && matches!(lw[i - 1].as_str(), "going" | "due" | "set")) {
            return Some(Tense::Future);
        }
        // A participle after "be" ("should be completed", "would be paid") is not a past tense.
        let after_be = i > 0 && matches!(lw[i - 1].as_str(), "be" | "being");
        let ed = w.len() > 4 && w.ends_with("ed") && toks[i].kind == Tok::Word && !toks[i].is_capitalised() && !after_be;
        if (PAST_CUES.contains(&w) && !after_be) || ed {
            return Some(Tense::Past);
        }
        None
    };
    // A plan made points forward only to what follows it ("planned a rally on Saturday"); what
    // comes before it dates the planning ("On Friday, the government planned ..."). A plan in
    // the present points forward throughout ("On Tuesday, the league plans to ...").
    let plan = |j: usize| matches!(lw[j].as_str(), "planned" | "intended");
    // The nearest cue of each token, from one sweep each way (linear in the sentence; a tie
    // goes to the cue before).
    let n = lw.len();
    let cues: Vec<Option<Tense>> = (0..n).map(cue).collect();
    let mut before: Vec<Option<(usize, Tense)>> = vec![None; n];
    let mut last = None;
    for i in 0..n {
        if let Some(t) = cues[i] {
            last = Some((i, t));
        }
        before[i] = last;
    }
    let mut after: Option<(usize, Tense)> = None;
    let mut out = vec![Tense::Unknown; n];
    for i in (0..n).rev() {
        if let Some(t) = cues[i].filter(|_| !plan(i)) {
            after = Some((i, t));
        }
        out[i] = match (before[i], after) {
            (Some((j, t)), Some((k, u))) => {
                if i - j <= k - i {
                    t
                } else {
                    u
                }
            }
            (Some((_, t)), None) | (None, Some((_, t))) => t,
            (None, None) => Tense::Unknown,
        };
    }
    out
}

/// Whether the match at `i` of `len` tokens holds a capitalised unit word ("Minutes", "Week";
/// not "Day")
/// after the sentence's first word, in a sentence not in title case: the name of a show or a
/// paper ("60 Minutes", "This Week"), not a time.
fn running_text_title(ctx: &Ctx<'_, '_>, i: usize, len: usize, title_case: bool) -> bool {
    // Holidays ("Thanksgiving Day", "New Year's Eve") keep their capitals.
    !title_case && (i.max(1)..i + len).any(|k| ctx.cap(k) && unit(ctx.w(k)).is_some_and(|u| u.0 != "D") && !matches!(ctx.w(k + 1), "'s" | "’s"))
}

/// Find the time expressions in one sentence.
pub(crate) fn find(text: &str, sentence: ByteSpan, reference: Option<CivilDateTime>) -> Vec<Found> {
    let toks = tokenize(text, sentence);
    let lw: Vec<String> = toks.iter().map(Token::lower).collect();
    let tense = tenses(&lw, &toks);
    let ctx = Ctx { toks: &toks, lw, reference, tense };
    let words = toks.iter().filter(|t| t.kind == Tok::Word).count();
    let title_case = toks.iter().filter(|t| t.kind == Tok::Word && t.is_capitalised()).count() * 2 > words;
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        match ctx.match_at(i) {
            // "60 Minutes", "This Week": a capitalised unit inside running text is a title's.
            Some(m) if m.len > 0 && i + m.len <= toks.len() && !running_text_title(&ctx, i, m.len, title_case) => {
                let first = i - ctx.modifier_len(i, &m, floor);
                let span = ByteSpan::new(toks[first].span.start, toks[i + m.len - 1].span.end);
                floor = i + m.len;
                let anaphoric_day = m.len >= 2 && toks[i].text.eq_ignore_ascii_case("the") && matches!(ctx.w(i + m.len - 1), "day");
                let anaphoric_year = match (ctx.w(i), ctx.w(i + 1), ctx.w(i + 2)) {
                    ("the", "previous" | "prior" | "preceding", "year") | ("the", "year", "previous" | "before") => Some(-1),
                    ("the", "following" | "subsequent", "year") | ("the", "year", "after") => Some(1),
                    ("the", "entire" | "whole" | "full", "year") | ("that", "year", _) | ("earlier" | "later", "that", "year") => Some(0),
                    _ => None,
                };
                let year_back = (ctx.w(i) == "a" && ctx.w(i + 1) == "year" && matches!(ctx.w(i + 2), "ago" | "earlier"))
                    || (i..i + m.len).any(|k| matches!(ctx.w(k), "year-earlier" | "year-ago"));
                out.push(Found {
                    span,
                    kind: m.kind,
                    value: m.value,
                    end_value: m.end_value,
                    year_inferred: m.inferred,
                    anaphoric_day,
                    anaphoric_year,
                    year_back,
                });
                i += m.len;
            }
            _ => i += 1,
        }
    }
    link_ranges(&ctx, &mut out);
    out
}

/// "a two-day visit starting March 22": a day-duration right before a day date makes it a range.
fn link_ranges(ctx: &Ctx<'_, '_>, found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let dur = &before[k - 1];
        let date = &mut after[0];
        let day = crate::value::TimexValue::parse(&date.value);
        if dur.kind != TimexType::Duration || date.kind != TimexType::Date || date.end_value.is_some() {
            continue;
        }
        let Some((y, m, d)) = day.date().filter(|_| matches!(day.kind(), crate::value::ValueKind::Day(..))) else {
            continue;
        };
        let Some(n) = dur.value.strip_prefix('P').and_then(|v| v.strip_suffix('D')).and_then(|n| n.parse::<i64>().ok()) else {
            continue;
        };
        // Only a few words apart, linked by "starting", "from", "beginning", "on".
        let gap: Vec<&str> =
            ctx.toks.iter().zip(&ctx.lw).filter(|(t, _)| t.span.start >= dur.span.end && t.span.end <= date.span.start).map(|(_, w)| w.as_str()).collect();
        let linked = gap.len() <= 5 && gap.iter().any(|w| matches!(*w, "starting" | "beginning" | "from" | "that" | "began" | "starts" | "begins"));
        if !linked || !(2..=31).contains(&n) {
            continue;
        }
        let start = days_from_civil(y, m, d);
        let (y2, m2, d2) = civil_from_days(start + n - 1);
        date.end_value = ymd(y2, m2, d2);
    }
}

/// The timex of a dateline: the date part of the line, valued by the parsed publication date.
pub(crate) fn dateline(text: &str, line: ByteSpan, published: CivilDateTime) -> Found {
    let toks = tokenize(text, line);
    // Skip leading words such as "Updated", "Published:", "Posted on".
    let first = toks.iter().position(|t| t.kind == Tok::Number || month_number(t.text).is_some() || WEEKDAYS.contains(&t.lower().as_str())).unwrap_or(0);
    let start = toks.get(first).map_or(line.start, |t| t.span.start);
    let kind = if published.time().is_some() { TimexType::Time } else { TimexType::Date };
    Found {
        span: ByteSpan::new(start, line.end),
        kind,
        value: published.to_iso(),
        end_value: None,
        year_inferred: false,
        anaphoric_day: false,
        anaphoric_year: None,
        year_back: false,
    }
}
