//! The value of a time expression, typed: parsed once from its TimeML form, printed back
//! exactly as it came (`Display`), with the calendar arithmetic every reader of values needs
//! (its days, its calendar range and precision) in one place.
//!
//! TimeML writes values as strings: `2021-03-24`, `2021-03`, `2021`, `2021-03-24T15:18`,
//! `2021-03-24TMO` (a part of a day), `2021-W12`, `2021-W12-WE`, `2021-Q1`, `2021-H2`,
//! `2021-SU` (a season), `199` (a decade), `19` (a century), durations (`P2D`, `PT3H`, `PXY`),
//! references (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`), and unknown parts written with `X`
//! (`XXXX-WXX-1`, `198X`). Every string is a value: what is not one of these shapes is kept as
//! [`ValueKind::Other`], printed unchanged, and has no days.

use std::cmp::Ordering;
use std::fmt;

use crate::datetime::{days_in_month, CivilDateTime};
use crate::model::Granularity;

/// What a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A year (`2021`).
    Year(i32),
    /// A month (`2021-03`).
    Month(i32, u8),
    /// A day (`2021-03-24`).
    Day(i32, u8, u8),
    /// A part of a day (`2021-03-24TMO`: morning, afternoon, evening, night, day-time).
    DayPart(i32, u8, u8),
    /// A clock time on a day (`2021-03-24T15:18`, or an hour alone, `2021-03-24T15`).
    Clock(i32, u8, u8, u8, u8),
    /// An ISO week (`2021-W12`), or its weekend (`2021-W12-WE`, the flag).
    Week(i32, u8, bool),
    /// A quarter (`2021-Q1`).
    Quarter(i32, u8),
    /// A half year (`2021-H2`).
    Half(i32, u8),
    /// A season (`2021-SP`, `-SU`, `-FA`, `-WI`), as the month it starts in (3, 6, 9, 12).
    Season(i32, u8),
    /// A decade, by its first three digits (`199`: the 1990s).
    Decade(i32),
    /// A century, by its first two digits (`19`: the 1900s).
    Century(i32),
    /// A length of time (`P2D`, `PT3H`, `PXY`).
    Duration,
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`: now, the past, the future.
    Reference,
    /// Anything else: unknown parts (`XXXX-WXX-1`, `198X`), or a value this engine does not read.
    Other,
}

/// A TIMEX3 value: its TimeML text and what it is.
#[derive(Clone, Debug)]
pub struct TimexValue {
    text: String,
    kind: ValueKind,
}

/// Digits only, parsed.
fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// A real calendar day.
fn real_day(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn kind_of(v: &str) -> ValueKind {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return ValueKind::Reference;
    }
    if v.starts_with('P') {
        return ValueKind::Duration;
    }
    match v.len() {
        2 => return num(v).map_or(ValueKind::Other, ValueKind::Century),
        3 => return num(v).map_or(ValueKind::Other, ValueKind::Decade),
        _ => {}
    }
    let Some(y) = v.get(..4).and_then(num::<i32>) else { return ValueKind::Other };
    let rest = &v[4..];
    if rest.is_empty() {
        return ValueKind::Year(y);
    }
    let Some(rest) = rest.strip_prefix('-') else { return ValueKind::Other };
    match rest {
        "SP" => return ValueKind::Season(y, 3),
        "SU" => return ValueKind::Season(y, 6),
        "FA" => return ValueKind::Season(y, 9),
        "WI" => return ValueKind::Season(y, 12),
        "H1" | "H2" => return ValueKind::Half(y, rest.as_bytes()[1] - b'0'),
        _ => {}
    }
    if let Some(q) = rest.strip_prefix('Q').and_then(num::<u8>).filter(|q| (1..=4).contains(q)) {
        return ValueKind::Quarter(y, q);
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (w, weekend) = w.strip_suffix("-WE").map_or((w, false), |w| (w, true));
        return match num::<u8>(w).filter(|w| (1..=53).contains(w) && w.to_string().len() <= 2) {
            Some(n) if w.len() == 2 => ValueKind::Week(y, n, weekend),
            _ => ValueKind::Other,
        };
    }
    let Some(m) = rest.get(..2).and_then(num::<u8>).filter(|m| (1..=12).contains(m)) else { return ValueKind::Other };
    let rest = &rest[2..];
    if rest.is_empty() {
        return ValueKind::Month(y, m);
    }
    let Some(d) = rest.strip_prefix('-').and_then(|r| r.get(..2)).and_then(num::<u8>).filter(|&d| real_day(y, m, d)) else {
        return ValueKind::Other;
    };
    let rest = &rest[3..];
    if rest.is_empty() {
        return ValueKind::Day(y, m, d);
    }
    let Some(t) = rest.strip_prefix('T') else { return ValueKind::Other };
    // A clock time may carry seconds and a zone ("T07:35:10Z", "T07:35-05:00"): read, not kept.
    let t = t.strip_suffix('Z').unwrap_or(t);
    let t = match t.len() {
        11 | 14 if matches!(t.as_bytes()[t.len() - 6], b'+' | b'-') && t.as_bytes()[t.len() - 3] == b':' => &t[..t.len() - 6],
        _ => t,
    };
    let t = if t.len() == 8 && t.as_bytes()[5] == b':' && t.get(6..8).and_then(num::<u8>).is_some_and(|s| s < 61) { &t[..5] } else { t };
    if matches!(t, "MO" | "AF" | "EV" | "NI" | "DT" | "MI") {
        return ValueKind::DayPart(y, m, d);
    }
    let (h, min) = match (t.get(..2).and_then(num::<u8>), t.len()) {
        (Some(h), 2) => (h, 0),
        (Some(h), 5) if t.as_bytes()[2] == b':' => match t.get(3..5).and_then(num::<u8>) {
            Some(min) => (h, min),
            None => return ValueKind::Other,
        },
        _ => return ValueKind::Other,
    };
    if h <= 24 && min < 60 {
        ValueKind::Clock(y, m, d, h, min)
    } else {
        ValueKind::Other
    }
}

impl TimexValue {
    /// Read a TimeML value (any string is a value; see [`ValueKind::Other`]).
    pub fn parse(text: &str) -> TimexValue {
        TimexValue { kind: kind_of(text), text: text.to_owned() }
    }

    /// A day.
    pub fn day(y: i32, m: u8, d: u8) -> TimexValue {
        TimexValue::parse(&format!("{y:04}-{m:02}-{d:02}"))
    }

    /// A quarter of a year (1 to 4).
    pub fn quarter(y: i32, q: u8) -> TimexValue {
        TimexValue::parse(&format!("{y:04}-Q{q}"))
    }

    /// The value as TimeML writes it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// What it is.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// `PRESENT_REF`: the time of writing ("now", "currently").
    pub fn is_present(&self) -> bool {
        self.kind == ValueKind::Reference && self.text == "PRESENT_REF"
    }

    /// A calendar date a reader may give: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, real.
    pub fn is_plain_date(&self) -> bool {
        matches!(self.kind, ValueKind::Year(_) | ValueKind::Month(..) | ValueKind::Day(..))
    }

    /// Its year, when it is within one.
    pub fn year(&self) -> Option<i32> {
        match self.kind {
            ValueKind::Year(y)
            | ValueKind::Month(y, _)
            | ValueKind::Day(y, ..)
            | ValueKind::DayPart(y, ..)
            | ValueKind::Clock(y, ..)
            | ValueKind::Week(y, ..)
            | ValueKind::Quarter(y, _)
            | ValueKind::Half(y, _)
            | ValueKind::Season(y, _) => Some(y),
            _ => None,
        }
    }

    /// The day it is on, when it is a day, a part of one or a clock time.
    pub fn date(&self) -> Option<(i32, u8, u8)> {
        match self.kind {
            ValueKind::Day(y, m, d) | ValueKind::DayPart(y, m, d) | ValueKind::Clock(y, m, d, ..) => Some((y, m, d)),
            _ => None,
        }
    }

    /// Its clock time, when it has one.
    pub fn clock(&self) -> Option<(u8, u8)> {
        match self.kind {
            ValueKind::Clock(.., h, min) => Some((h, min)),
            _ => None,
        }
    }

    /// Where it sits on a calendar: its start, its end when it spans more than its own unit,
    /// and the precision to draw it at. Weeks, quarters, halves, seasons and decades become
    /// ranges of their finer unit (a century: its hundred years); a part of a day keeps day
    /// precision. `None` for durations,
    /// references and unknown parts.
    pub fn calendar(&self) -> Option<(TimexValue, Option<TimexValue>, Granularity)> {
        let months = |y0: i32, m0: u8, y1: i32, m1: u8| {
            Some((TimexValue::parse(&format!("{y0:04}-{m0:02}")), Some(TimexValue::parse(&format!("{y1:04}-{m1:02}"))), Granularity::Month))
        };
        let day_of = |n: i64| CivilDateTime::date(1970, 1, 1).and_then(|e| e.add_days(n)).map(|d| TimexValue::parse(&d.to_iso()));
        match self.kind {
            ValueKind::Year(_) | ValueKind::Month(..) => {
                let g = if matches!(self.kind, ValueKind::Year(_)) { Granularity::Year } else { Granularity::Month };
                Some((self.clone(), None, g))
            }
            ValueKind::Day(..) => Some((self.clone(), None, Granularity::Day)),
            ValueKind::DayPart(y, m, d) => Some((TimexValue::day(y, m, d), None, Granularity::Day)),
            // A whole hour ("T09") is drawn on its day; hours and minutes as a time.
            ValueKind::Clock(y, m, d, ..) if !self.text.contains(':') => Some((TimexValue::day(y, m, d), None, Granularity::Day)),
            ValueKind::Clock(..) => Some((self.clone(), None, Granularity::Time)),
            ValueKind::Season(y, m) => months(y, m, if m == 12 { y + 1 } else { y }, if m == 12 { 2 } else { m + 2 }),
            ValueKind::Half(y, h) => months(y, h * 6 - 5, y, h * 6),
            ValueKind::Quarter(y, q) => months(y, q * 3 - 2, y, q * 3),
            ValueKind::Week(..) => {
                let (a, b) = self.days()?;
                Some((day_of(a)?, Some(day_of(b)?), Granularity::Day))
            }
            ValueKind::Decade(d) => Some((TimexValue::parse(&format!("{d}0")), Some(TimexValue::parse(&format!("{d}9"))), Granularity::Year)),
            ValueKind::Century(c) => Some((TimexValue::parse(&format!("{c}00")), Some(TimexValue::parse(&format!("{c}99"))), Granularity::Year)),
            _ => None,
        }
    }

    /// Its first and last day (days since 1970-01-01, inclusive), for the values that are
    /// calendar periods; `None` for durations, references and unknown parts.
    pub fn days(&self) -> Option<(i64, i64)> {
        let day = |y: i32, m: u8, d: u8| CivilDateTime::date(y, m, d).map(CivilDateTime::days);
        let span = |y0: i32, m0: u8, d0: u8, y1: i32, m1: u8, d1: u8| Some((day(y0, m0, d0)?, day(y1, m1, d1)?));
        let months = |y0: i32, m0: u8, y1: i32, m1: u8| span(y0, m0, 1, y1, m1, days_in_month(y1, m1));
        match self.kind {
            ValueKind::Year(y) => span(y, 1, 1, y, 12, 31),
            ValueKind::Month(y, m) => months(y, m, y, m),
            ValueKind::Day(y, m, d) | ValueKind::DayPart(y, m, d) | ValueKind::Clock(y, m, d, ..) => day(y, m, d).map(|n| (n, n)),
            ValueKind::Season(y, m) => months(y, m, if m == 12 { y + 1 } else { y }, if m == 12 { 2 } else { m + 2 }),
            ValueKind::Half(y, h) => months(y, h * 6 - 5, y, h * 6),
            ValueKind::Quarter(y, q) => months(y, q * 3 - 2, y, q * 3),
            ValueKind::Week(y, w, weekend) => {
                // Monday of ISO week 1 is the Monday on or before January 4.
                let jan4 = day(y, 1, 4)?;
                let monday = jan4 - i64::from(crate::datetime::weekday(jan4)) + 1 + (i64::from(w) - 1) * 7;
                Some(if weekend { (monday + 5, monday + 6) } else { (monday, monday + 6) })
            }
            ValueKind::Decade(d) => span(d * 10, 1, 1, d * 10 + 9, 12, 31),
            ValueKind::Century(c) => span(c * 100, 1, 1, c * 100 + 99, 12, 31),
            _ => None,
        }
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq for TimexValue {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for TimexValue {}

impl PartialEq<str> for TimexValue {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for TimexValue {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// Values order as their TimeML text does: for calendar values of the same shape, that is time
/// order (ISO 8601 sorts by time).
impl PartialOrd for TimexValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TimexValue {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl From<&str> for TimexValue {
    fn from(s: &str) -> TimexValue {
        TimexValue::parse(s)
    }
}

impl From<String> for TimexValue {
    fn from(s: String) -> TimexValue {
        TimexValue { kind: kind_of(&s), text: s }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_is_read_and_printed_back() {
        let cases: &[(&str, ValueKind)] = &[
            ("2021", ValueKind::Year(2021)),
            ("2021-03", ValueKind::Month(2021, 3)),
            ("2021-03-24", ValueKind::Day(2021, 3, 24)),
            ("2021-03-24TMO", ValueKind::DayPart(2021, 3, 24)),
            ("2021-03-24T15:18", ValueKind::Clock(2021, 3, 24, 15, 18)),
            ("2021-03-24T09", ValueKind::Clock(2021, 3, 24, 9, 0)),
            ("1998-08-08T07:35Z", ValueKind::Clock(1998, 8, 8, 7, 35)),
            ("1998-08-08T07:35:10", ValueKind::Clock(1998, 8, 8, 7, 35)),
            ("1998-08-08T07:35:10-05:00", ValueKind::Clock(1998, 8, 8, 7, 35)),
            ("1998-08-08T07:35+01:00", ValueKind::Clock(1998, 8, 8, 7, 35)),
            ("2021-W12", ValueKind::Week(2021, 12, false)),
            ("2021-W12-WE", ValueKind::Week(2021, 12, true)),
            ("2021-Q1", ValueKind::Quarter(2021, 1)),
            ("2021-H2", ValueKind::Half(2021, 2)),
            ("2021-WI", ValueKind::Season(2021, 12)),
            ("199", ValueKind::Decade(199)),
            ("19", ValueKind::Century(19)),
            ("P2D", ValueKind::Duration),
            ("PXY", ValueKind::Duration),
            ("PAST_REF", ValueKind::Reference),
            ("XXXX-WXX-1", ValueKind::Other),
            ("198X", ValueKind::Other),
            ("2021-02-30", ValueKind::Other),
            ("2021-13", ValueKind::Other),
            ("2021-W7", ValueKind::Other),
            ("2021-03-24T25:00", ValueKind::Other),
            ("", ValueKind::Other),
            ("２０２１", ValueKind::Other),
        ];
        for (text, kind) in cases {
            let v = TimexValue::parse(text);
            assert_eq!(v.kind(), *kind, "{text:?}");
            assert_eq!(v.to_string(), *text, "printed back");
        }
    }

    #[test]
    fn calendar_ranges_and_days() {
        let range = |v: &str| TimexValue::parse(v).calendar().map(|(a, b, g)| (a.to_string(), b.map(|b| b.to_string()), g));
        assert_eq!(range("2021-Q2"), Some(("2021-04".into(), Some("2021-06".into()), Granularity::Month)));
        assert_eq!(range("2021-WI"), Some(("2021-12".into(), Some("2022-02".into()), Granularity::Month)));
        assert_eq!(range("2021-W01"), Some(("2021-01-04".into(), Some("2021-01-10".into()), Granularity::Day)));
        assert_eq!(range("199"), Some(("1990".into(), Some("1999".into()), Granularity::Year)));
        assert_eq!(range("19"), Some(("1900".into(), Some("1999".into()), Granularity::Year)));
        assert_eq!(range("2021-03-24TNI"), Some(("2021-03-24".into(), None, Granularity::Day)));
        assert_eq!(range("2021-03-24T15:18"), Some(("2021-03-24T15:18".into(), None, Granularity::Time)));
        assert_eq!(range("PAST_REF"), None);
        let d = |y, m, dd| CivilDateTime::date(y, m, dd).unwrap().days();
        assert_eq!(TimexValue::parse("2020-02").days(), Some((d(2020, 2, 1), d(2020, 2, 29))));
        assert_eq!(TimexValue::parse("2021-W12-WE").days(), Some((d(2021, 3, 27), d(2021, 3, 28))));
        assert_eq!(TimexValue::parse("19").days(), Some((d(1900, 1, 1), d(1999, 12, 31))));
        assert_eq!(TimexValue::parse("P3D").days(), None);
        assert!(TimexValue::parse("2021-03").is_plain_date() && !TimexValue::parse("2021-Q1").is_plain_date());
        assert!(TimexValue::parse("2021-03-02") < TimexValue::parse("2021-03-15"));
    }
}
