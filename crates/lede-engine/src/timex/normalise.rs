//! Normalising: the calendar arithmetic that resolves a recognised expression's parts against
//! the reference date and the tense (the year of a year-less date, the day of a weekday, "N
//! units ago", holidays).

use super::*;

/// The quarter `shift` quarters from the reference date's own ("YYYY-Qn").
pub(super) fn quarter_from(r: CivilDateTime, shift: i32) -> String {
    let q = i32::from((r.month() - 1) / 3) + shift;
    crate::TimexValue::quarter(r.year() + q.div_euclid(4), (q.rem_euclid(4) + 1) as u8).to_string()
}

pub(super) fn ymd(y: i32, m: u8, d: u8) -> Option<String> {
    CivilDateTime::date(y, m, d).map(|d| d.to_iso())
}

pub(super) fn ym(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}

/// Shift a (year, month) by `delta` months.
pub(super) fn add_months(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let total = y * 12 + i32::from(m) - 1 + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

/// A holiday's day in a given year.
#[derive(Clone, Copy, Debug)]
pub(super) enum Holiday {
    /// The same month and day every year.
    Fixed(u8, u8),
    /// Days after (or before) Easter Sunday.
    Easter(i64),
    /// The `n`th (or, for -1, the last) ISO weekday `wd` (Monday 1 .. Sunday 7) of month `m`.
    Nth(u8, u8, i8),
}

impl Holiday {
    /// Its month and day in year `y`.
    pub(super) fn day(self, y: i32) -> Option<(u8, u8)> {
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
pub(super) fn easter_sunday(y: i32) -> (u8, u8) {
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

impl Ctx<'_, '_> {
    /// The value of the period `unit` ("year", "month", "week", "weekend", "day", "quarter",
    /// "decade" or a season) `dir` such periods from the reference date's own; with X for
    /// what is unknown when there is no reference date.
    pub(super) fn period_value(&self, unit: &str, dir: i32) -> Option<String> {
        let r = self.reference;
        let week = |suffix: &str| {
            r.and_then(|r| r.add_days(7 * i64::from(dir))).map_or(format!("XXXX-WXX{suffix}"), |d| {
                let (y, w) = iso_week(d.days());
                format!("{y:04}-W{w:02}{suffix}")
            })
        };
        Some(match unit {
            "year" => r.map_or("XXXX".to_owned(), |r| format!("{:04}", r.year() + dir)),
            "month" => r.map_or("XXXX-XX".to_owned(), |r| {
                let (y, m) = add_months(r.year(), r.month(), dir);
                ym(y, m)
            }),
            "week" => week(""),
            "weekend" => week("-WE"),
            "day" => r.and_then(|r| r.add_days(i64::from(dir))).map_or("XXXX-XX-XX".to_owned(), |d| d.to_iso()),
            "quarter" => r.map_or("XXXX-QX".to_owned(), |r| quarter_from(r, dir)),
            "decade" => r.map_or("XXX".to_owned(), |r| format!("{:03}", r.year() / 10 + dir)),
            w => {
                let (_, code) = SEASONS.iter().find(|(s, _)| *s == w)?;
                r.map_or(format!("XXXX-{code}"), |r| format!("{:04}-{code}", r.year() + dir))
            }
        })
    }

    /// The year of a month (and day) written without one: the reference year, unless the
    /// tense of the clause points more than two months away from the reference date.
    pub(super) fn year_for(&self, i: usize, m: u8, d: Option<u8>) -> Option<(i32, bool)> {
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

    /// Day `d` of month `m` with its year written at `k` (", 2021") or inferred for the
    /// expression starting at `i`: (value, year, year inferred, index after the expression).
    pub(super) fn day_value(&self, i: usize, k: usize, m: u8, d: u8) -> Option<(String, Option<i32>, bool, usize)> {
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

    pub(super) fn shift_days(&self, n: i64) -> Option<String> {
        Some(self.reference?.add_days(n)?.to_iso())
    }

    /// The weekday at i resolved by direction: -1 last/past, +1 next/future.
    pub(super) fn weekday_date(&self, wd: u8, direction: i32) -> Option<String> {
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

    pub(super) fn ago(&self, q: Option<u32>, u: (&str, bool, u32)) -> Option<String> {
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
            ("Y", false, 1) if n == 1 && self.toks.iter().any(|t| t.text.to_ascii_lowercase().contains("quarter")) => quarter_from(r, -5),
            ("Y", false, 1) => format!("{:04}", i64::from(r.year()) - n),
            ("Y", false, _) => format!("{:03}", (i64::from(r.year()) - n) / 10),
            _ => return None,
        })
    }
}
