//! Calendar date-times and the parser for datelines such as "Updated 15:18, 24-Mar-2021".

use std::fmt;

/// A calendar date with an optional wall-clock time, as printed by a news page.
///
/// No time zone is attached: a dateline's clock time is the page's local time.
/// Values are always valid (the constructor rejects "February 30" and year 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDateTime {
    year: i32,
    month: u8,
    day: u8,
    time: Option<(u8, u8)>,
}

/// English month names, January first.
pub(crate) const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// True for a Gregorian leap year.
pub(crate) const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1-12) of `year`; 0 for an invalid month.
pub(crate) const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDateTime {
    /// A date, or `None` when it does not exist (month 13, 30 February, year 0 or beyond 9999).
    pub fn date(year: i32, month: u8, day: u8) -> Option<CivilDateTime> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDateTime { year, month, day, time: None })
    }

    /// The same date at `hour:minute`, or `None` for an impossible clock time.
    pub fn at(self, hour: u8, minute: u8) -> Option<CivilDateTime> {
        (hour < 24 && minute < 60).then_some(CivilDateTime { time: Some((hour, minute)), ..self })
    }

    /// Year (1-9999).
    pub fn year(self) -> i32 {
        self.year
    }
    /// Month (1-12).
    pub fn month(self) -> u8 {
        self.month
    }
    /// Day of the month (1-31).
    pub fn day(self) -> u8 {
        self.day
    }
    /// `(hour, minute)` when the source gave a clock time.
    pub fn time(self) -> Option<(u8, u8)> {
        self.time
    }

    /// ISO 8601 / TIMEX3 form: `2021-03-24` or `2021-03-24T15:18`.
    pub fn to_iso(self) -> String {
        self.to_string()
    }

    /// Written for people: "24 March 2021, 15:18" (or without the time).
    pub fn to_human(self) -> String {
        let month = MONTHS[usize::from(self.month - 1)];
        match self.time {
            Some((h, m)) => format!("{} {} {}, {:02}:{:02}", self.day, month, self.year, h, m),
            None => format!("{} {} {}", self.day, month, self.year),
        }
    }
}

impl fmt::Display for CivilDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some((h, m)) = self.time {
            write!(f, "T{h:02}:{m:02}")?;
        }
        Ok(())
    }
}

/// Month number (1-12) for an English month name or its usual abbreviation
/// ("Mar", "Mar.", "Sept"), case-insensitive.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    // Compared without allocating (this runs at nearly every word of a text).
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() == 3 && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(w)))
                || (w.eq_ignore_ascii_case("sept") && m.eq_ignore_ascii_case("september"))
        })
        .map(|i| i as u8 + 1)
}

/// Words a dateline may carry besides the date itself.
fn is_dateline_filler(lower: &str) -> bool {
    const FILLERS: [&str; 22] = [
        "updated",
        "update",
        "published",
        "posted",
        "last",
        "on",
        "at",
        "first",
        "modified",
        "date",
        "|",
        "-",
        "gmt",
        "utc",
        "bjt",
        "et",
        "est",
        "edt",
        "cet",
        "bst",
        "pt",
        "z",
    ];
    FILLERS.contains(&lower)
        || WEEKDAYS.iter().any(|d| *d == lower || (lower.len() == 3 && d.starts_with(lower)))
        || lower.starts_with("gmt+")
        || lower.starts_with("utc+")
}

#[derive(Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<(u8, u8)>,
    pm: Option<bool>,
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn set<T>(slot: &mut Option<T>, v: T) -> bool {
    if slot.is_some() {
        return false;
    }
    *slot = Some(v);
    true
}

fn parse_clock(tok: &str, parts: &mut Parts) -> bool {
    let mut it = tok.split(':');
    let (Some(h), Some(m)) = (it.next().and_then(number), it.next()) else { return false };
    // Seconds and fractional seconds are accepted and dropped.
    let m = m.get(..2).and_then(number);
    match m {
        Some(m) if h < 24 && m < 60 => set(&mut parts.time, (h as u8, m as u8)),
        _ => false,
    }
}

/// One token of a dateline; false when it cannot be part of a dateline.
fn take_token(tok: &str, parts: &mut Parts) -> bool {
    let lower = tok.to_ascii_lowercase();
    if is_dateline_filler(&lower) {
        return true;
    }
    match lower.as_str() {
        "am" | "a.m." => return set(&mut parts.pm, false),
        "pm" | "p.m." => return set(&mut parts.pm, true),
        _ => {}
    }
    if let Some(m) = month_number(tok) {
        return set(&mut parts.month, m);
    }
    // "3:18pm"
    for (suffix, pm) in [("pm", true), ("am", false)] {
        if let Some(clock) = lower.strip_suffix(suffix) {
            if clock.contains(':') {
                return parse_clock(clock, parts) && set(&mut parts.pm, pm);
            }
        }
    }
    // ISO 8601 "2021-03-24" or "2021-03-24T15:18:00Z"
    if let Some((date, clock)) = lower.split_once('t').filter(|(d, _)| d.len() == 10) {
        return take_token(date, parts) && parse_clock(clock.trim_end_matches('z'), parts);
    }
    if tok.contains(':') {
        return parse_clock(tok, parts);
    }
    for sep in ['-', '/', '.'] {
        let pieces: Vec<&str> = tok.split(sep).collect();
        if pieces.len() == 3 && pieces.iter().all(|p| !p.is_empty()) {
            let nums: Vec<Option<u32>> = pieces.iter().map(|p| number(p)).collect();
            return match (nums[0], nums[1], nums[2]) {
                // 2021-03-24
                (Some(y), Some(m), Some(d)) if pieces[0].len() == 4 => {
                    set(&mut parts.year, y as i32) && set(&mut parts.month, m as u8) && set(&mut parts.day, d as u8)
                }
                // 24.03.2021 (day first) or 03/24/2021 (US order)
                (Some(a), Some(b), Some(y)) if pieces[2].len() == 4 => {
                    let (d, m) = if sep == '/' && a <= 12 { (b, a) } else { (a, b) };
                    set(&mut parts.year, y as i32) && set(&mut parts.month, m as u8) && set(&mut parts.day, d as u8)
                }
                // 24-Mar-2021
                (Some(d), None, Some(y)) if pieces[2].len() == 4 => match month_number(pieces[1]) {
                    Some(m) => set(&mut parts.year, y as i32) && set(&mut parts.month, m) && set(&mut parts.day, d as u8),
                    None => false,
                },
                _ => false,
            };
        }
    }
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ordinal = &lower[digits.len()..];
    if !matches!(ordinal, "" | "st" | "nd" | "rd" | "th") {
        return false;
    }
    match number(digits) {
        Some(y) if digits.len() == 4 && ordinal.is_empty() => set(&mut parts.year, y as i32),
        Some(d) if digits.len() <= 2 && (1..=31).contains(&d) => set(&mut parts.day, d as u8),
        _ => false,
    }
}

/// Parse a line that consists of a publication date and nothing else but
/// dateline words ("Updated", "Published:", a weekday, a time zone).
///
/// Returns `None` when the line holds anything else or the date does not exist.
pub fn parse_dateline(line: &str) -> Option<CivilDateTime> {
    let mut parts = Parts::default();
    let mut tokens = 0;
    for raw in line.split(|c: char| c.is_whitespace() || c == ',') {
        let tok = raw.trim_matches(|c: char| matches!(c, '(' | ')' | ':' | '[' | ']'));
        let tok = if tok.ends_with('.') && month_number(tok).is_none() && !tok.ends_with("m.") { tok.trim_end_matches('.') } else { tok };
        if tok.is_empty() {
            continue;
        }
        tokens += 1;
        if tokens > 12 || !take_token(tok, &mut parts) {
            return None;
        }
    }
    let date = CivilDateTime::date(parts.year?, parts.month?, parts.day?)?;
    match parts.time {
        Some((mut h, m)) => {
            match parts.pm {
                Some(true) if h < 12 => h += 12,
                Some(false) if h == 12 => h = 0,
                _ => {}
            }
            date.at(h, m)
        }
        None => Some(date),
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// ISO weekday, Monday = 1 … Sunday = 7.
pub(crate) fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

/// ISO 8601 week-numbering year and week of a day.
pub(crate) fn iso_week(days: i64) -> (i32, u8) {
    let thursday = days - i64::from(weekday(days)) + 4;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    (y, week as u8)
}

impl CivilDateTime {
    /// Days since 1970-01-01.
    pub(crate) fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `n` days later (or earlier for negative `n`), without the time;
    /// `None` outside years 1-9999.
    pub(crate) fn add_days(self, n: i64) -> Option<CivilDateTime> {
        let (y, m, d) = civil_from_days(self.days().checked_add(n)?);
        CivilDateTime::date(y, m, d)
    }
}

#[cfg(test)]
mod arithmetic_tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for &(y, m, d, wd) in &[(1970, 1, 1, 4), (2021, 3, 24, 3), (2000, 2, 29, 2), (1969, 12, 31, 3), (2024, 12, 30, 1)] {
            let n = days_from_civil(y, m, d);
            assert_eq!(civil_from_days(n), (y, m, d));
            assert_eq!(weekday(n), wd, "{y}-{m}-{d}");
        }
        assert_eq!(iso_week(days_from_civil(2021, 3, 24)), (2021, 12));
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(days_from_civil(2024, 12, 30)), (2025, 1));
    }
}
