//! Normalising: the calendar arithmetic that resolves what a recogniser read ([`Parts`])
//! against the reference date and the tense of the clause (the year of a year-less date, the
//! day of a weekday, "N units ago", holidays), into TimeML values.

use super::*;

impl Ctx<'_, '_> {
    /// The value, and the end value of a range, of the parts a recogniser read at token `at`;
    /// `None` when they name no real date ("February 30, 2021") or need a reference date the
    /// document does not have.
    pub(super) fn normalise(&self, at: usize, parts: &Parts) -> Option<(String, Option<String>)> {
        let r = self.reference;
        let value = match parts {
            Parts::Given(v) => v.clone(),
            Parts::Day { m, d, end, year } => {
                return Some(match self.year_of(at, *year, *m, Some(*d)) {
                    Some(y) => (ymd(y, *m, *d)?, end.and_then(|e| ymd(y, *m, e))),
                    None => (format!("XXXX-{m:02}-{d:02}"), None),
                });
            }
            Parts::Month { m, year } => match self.year_of(at, *year, *m, None) {
                Some(y) => ym(y, *m),
                None => format!("XXXX-{m:02}"),
            },
            Parts::MonthLead { m, lead } => match r {
                Some(r) => {
                    let y = match lead {
                        -1 if *m >= r.month() => r.year() - 1,
                        1 if *m <= r.month() => r.year() + 1,
                        _ => r.year(),
                    };
                    ym(y, *m)
                }
                None => format!("XXXX-{m:02}"),
            },
            Parts::ShortYear(n) => {
                let y = match r {
                    Some(r) => {
                        let base = r.year() - r.year().rem_euclid(100);
                        [base - 100 + n, base + n, base + 100 + n].into_iter().filter(|y| *y <= r.year() + 10).max().unwrap_or(1900 + n)
                    }
                    None => 1900 + n,
                };
                format!("{y:04}")
            }
            Parts::Quarter { q, half, year } => {
                let y = match year {
                    Year::Given(y) => Some(*y),
                    Year::Shift(s) => r.map(|r| r.year() + s),
                    // In the past tense, a quarter not yet reached this year is last year's.
                    Year::Open => r.map(|r| {
                        let past = !half && self.tense.get(at).copied() == Some(Tense::Past) && *q > (r.month() - 1) / 3 + 1;
                        r.year() - i32::from(past)
                    }),
                };
                let y = y.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
                if *half {
                    format!("{y}-H{q}")
                } else {
                    format!("{y}-Q{q}")
                }
            }
            Parts::QuarterBack { back, year } => {
                let (y, q) = quarter_of(r?, -back);
                crate::TimexValue::quarter(year.unwrap_or(y), q).to_string()
            }
            Parts::Season { code, year } => {
                let y = match year {
                    Year::Given(y) => Some(*y),
                    Year::Shift(s) => r.map(|r| r.year() + s),
                    Year::Open => r.map(|r| r.year()),
                };
                format!("{}-{code}", y.map_or("XXXX".to_owned(), |y| format!("{y:04}")))
            }
            Parts::Holiday { which, lead, week, year } => self.holiday_value(at, *which, *lead, *week, *year)?,
            Parts::Period { unit, dir } => self.period_value(unit, *dir)?,
            Parts::Days(n) => self.shift_days(*n).unwrap_or_else(|| "XXXX-XX-XX".to_owned()),
            Parts::Weekend => {
                // The reference week's weekend; in the past tense, the latest one before the
                // reference day ("over the weekend, officials said" on a Monday).
                let past = self.tense.get(at).copied() == Some(Tense::Past);
                r.map_or("XXXX-WXX-WE".to_owned(), |r| {
                    let back = past && crate::datetime::weekday(r.days()) < 6;
                    let (y, wk) = iso_week(r.days() - if back { 7 } else { 0 });
                    format!("{y:04}-W{wk:02}-WE")
                })
            }
            Parts::Weekday { wd, dir, next, tense_at } => {
                let dir = dir.unwrap_or(match self.tense.get(*tense_at).copied().unwrap_or(Tense::Unknown) {
                    Tense::Future => 1,
                    _ => -1,
                });
                let mut value = self.weekday_date(*wd, dir).unwrap_or_else(|| format!("XXXX-WXX-{wd}"));
                // "next Monday" is in the coming week even when today is Sunday.
                if let Some(r) = r.filter(|_| *next) {
                    if value == r.to_iso()[..10] {
                        value = r.add_days(7).map(|d| d.to_iso()).unwrap_or(value);
                    }
                }
                value
            }
            Parts::PartOfDay(day, part) => format!("{}T{part}", self.normalise(at, day)?.0),
            Parts::Ago { q, unit, needs_reference } => {
                if *needs_reference {
                    r?;
                }
                self.ago(*q, *unit)?
            }
            Parts::ReferenceYear(shift) => format!("{:04}", r?.year() + shift),
            Parts::Duration { q, unit } => duration_value(*q, *unit),
            Parts::Clock { h, mi, zone, day } => {
                let day = day.as_ref().and_then(|(p, k)| self.normalise(*k, p)).map(|v| v.0).or_else(|| r.map(|r| r.to_iso()[..10].to_owned()));
                match day {
                    Some(d) => format!("{d}T{h:02}:{mi:02}{zone}"),
                    None => format!("XXXX-XX-XXT{h:02}:{mi:02}{zone}"),
                }
            }
        };
        Some((value, None))
    }

    /// The year of a month (and day) read at `at`: written, counted from the reference year,
    /// or inferred by [`Ctx::year_for`].
    fn year_of(&self, at: usize, year: Year, m: u8, d: Option<u8>) -> Option<i32> {
        match year {
            Year::Given(y) => Some(y),
            Year::Shift(s) => self.reference.map(|r| r.year() + s),
            Year::Open => self.year_for(at, m, d),
        }
    }

    /// A holiday's value (see [`Parts::Holiday`]).
    fn holiday_value(&self, at: usize, which: Holiday, lead: Option<i32>, week: Option<bool>, year: Year) -> Option<String> {
        let year = match (year, lead, self.reference) {
            (Year::Given(y), _, _) => Some(y),
            (Year::Shift(s), _, r) => r.map(|r| r.year() + s),
            (Year::Open, Some(lead), Some(r)) => {
                // The occurrence before ("last"), after ("next") or in ("this") the reference year.
                let this_year = which.day(r.year())?;
                let before = this_year < (r.month(), r.day());
                Some(match lead {
                    -1 if before => r.year(),
                    -1 => r.year() - 1,
                    1 if before => r.year() + 1,
                    _ => r.year(),
                })
            }
            (Year::Open, None, Some(r)) => {
                let (m, d) = which.day(r.year())?;
                self.year_for(at, m, Some(d))
            }
            (Year::Open, _, None) => None,
        };
        Some(match (year, which) {
            (Some(y), _) => {
                let (m, d) = which.day(y)?;
                match week {
                    Some(weekend) => {
                        let (wy, wn) = iso_week(days_from_civil(y, m, d));
                        format!("{wy:04}-W{wn:02}{}", if weekend { "-WE" } else { "" })
                    }
                    None => ymd(y, m, d)?,
                }
            }
            (None, _) if week.is_some() => return None,
            (None, Holiday::Fixed(m, d)) => format!("XXXX-{m:02}-{d:02}"),
            // A moving day with no year to place it: only its month is known.
            (None, Holiday::Easter(_) | Holiday::Nth(..)) => return None,
        })
    }
}

/// The quarter `shift` quarters from the reference date's own ("YYYY-Qn").
fn quarter_from(r: CivilDateTime, shift: i32) -> String {
    let (y, q) = quarter_of(r, shift);
    crate::TimexValue::quarter(y, q).to_string()
}

/// The (year, quarter) `shift` quarters from the reference date's own.
fn quarter_of(r: CivilDateTime, shift: i32) -> (i32, u8) {
    let q = i32::from((r.month() - 1) / 3) + shift;
    (r.year() + q.div_euclid(4), (q.rem_euclid(4) + 1) as u8)
}

pub(super) fn ymd(y: i32, m: u8, d: u8) -> Option<String> {
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl Ctx<'_, '_> {
    /// The value of the period `unit` ("year", "month", "week", "weekend", "day", "quarter",
    /// "decade" or a season) `dir` such periods from the reference date's own; with X for
    /// what is unknown when there is no reference date.
    fn period_value(&self, unit: &str, dir: i32) -> Option<String> {
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
    fn year_for(&self, i: usize, m: u8, d: Option<u8>) -> Option<i32> {
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
        Some(y)
    }

    fn shift_days(&self, n: i64) -> Option<String> {
        Some(self.reference?.add_days(n)?.to_iso())
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

    fn ago(&self, q: Option<u32>, u: Unit) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `parts` read at token `at` of `sentence`, normalised against `reference`.
    fn normalised(sentence: &str, reference: Option<&str>, at: usize, parts: Parts) -> Option<String> {
        let toks = tokenize(sentence, ByteSpan::new(0, sentence.len()));
        let lw: Vec<Cow<str>> = toks.iter().map(Token::lower).collect();
        let tense = tenses(&lw, &toks);
        let ctx = Ctx { toks: &toks, lw, reference: reference.and_then(crate::parse_dateline), tense };
        ctx.normalise(at, &parts).map(|(v, end)| end.map_or(v.clone(), |e| format!("{v}..{e}")))
    }

    #[test]
    fn parts_normalise_against_the_reference_and_the_tense() {
        let r = Some("2021-03-24"); // a Wednesday
        let day = |m, d, year| Parts::Day { m, d, end: None, year };
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, Option<&str>, Parts, Option<&str>)] = &[
            // a year-less day: this year's, unless the tense points more than two months away;
            ("The mill closed on March 2.", r, day(3, 2, Year::Open), Some("2021-03-02")),
            ("The mill closed on December 2.", r, day(12, 2, Year::Open), Some("2020-12-02")),
            ("The mill will close on December 2.", r, day(12, 2, Year::Open), Some("2021-12-02")),
            ("The mill closed on December 2.", None, day(12, 2, Year::Open), Some("XXXX-12-02")),
            // a day that does not exist is no date;
            ("It was February 30, 2021.", r, day(2, 30, Year::Given(2021)), None),
            ("It was June 3 last year.", r, Parts::Day { m: 6, d: 3, end: Some(5), year: Year::Shift(-1) }, Some("2020-06-03..2020-06-05")),
            // "last March" in March is a year back; "last February" this year's;
            ("It rose last March.", r, Parts::MonthLead { m: 3, lead: -1 }, Some("2020-03")),
            ("It rose last February.", r, Parts::MonthLead { m: 2, lead: -1 }, Some("2021-02")),
            ("It will rise next March.", r, Parts::MonthLead { m: 3, lead: 1 }, Some("2022-03")),
            // two-digit years: the century that puts them nearest, at most ten years ahead;
            ("the class of '82", r, Parts::ShortYear(82), Some("1982")),
            ("the class of '25", r, Parts::ShortYear(25), Some("2025")),
            ("the class of '40", r, Parts::ShortYear(40), Some("1940")),
            // a quarter not yet reached, in the past tense, is last year's;
            ("Profit fell in the third quarter.", r, Parts::Quarter { q: 3, half: false, year: Year::Open }, Some("2020-Q3")),
            ("Profit will rise in the third quarter.", r, Parts::Quarter { q: 3, half: false, year: Year::Open }, Some("2021-Q3")),
            ("Profit fell in the year-ago quarter.", None, Parts::Quarter { q: 3, half: false, year: Year::Shift(-1) }, Some("XXXX-Q3")),
            ("Profit fell in the quarter.", None, Parts::QuarterBack { back: 1, year: None }, None),
            ("Profit fell from the 2019 quarter.", r, Parts::QuarterBack { back: 1, year: Some(2019) }, Some("2019-Q4")),
            // "next Wednesday" on a Wednesday is a week ahead; a weekday by the tense;
            ("They meet next Wednesday.", r, Parts::Weekday { wd: 3, dir: Some(1), next: true, tense_at: 2 }, Some("2021-03-31")),
            ("They met on Monday.", r, Parts::Weekday { wd: 1, dir: None, next: false, tense_at: 3 }, Some("2021-03-22")),
            ("They will meet on Monday.", r, Parts::Weekday { wd: 1, dir: None, next: false, tense_at: 4 }, Some("2021-03-29")),
            ("They met on Monday.", None, Parts::Weekday { wd: 1, dir: None, next: false, tense_at: 3 }, Some("XXXX-WXX-1")),
            // holidays: the one before or after the reference date;
            ("They met last Christmas.", r, Parts::Holiday { which: Holiday::Fixed(12, 25), lead: Some(-1), week: None, year: Year::Open }, Some("2020-12-25")),
            ("They met at Easter 2019.", r, Parts::Holiday { which: Holiday::Easter(0), lead: None, week: None, year: Year::Given(2019) }, Some("2019-04-21")),
            ("They met at Easter.", None, Parts::Holiday { which: Holiday::Easter(0), lead: None, week: None, year: Year::Open }, None),
            // counted back, and the reference year;
            ("It opened three years ago.", r, Parts::Ago { q: Some(3), unit: ("Y", false, 1), needs_reference: false }, Some("2018")),
            ("It opened years ago.", None, Parts::Ago { q: None, unit: ("Y", false, 1), needs_reference: false }, Some("PAST_REF")),
            ("Year-earlier profit rose.", None, Parts::Ago { q: Some(1), unit: ("Y", false, 1), needs_reference: true }, None),
            ("Sales fell over the past year.", r, Parts::ReferenceYear(-1), Some("2020")),
            ("Sales fell over the past year.", None, Parts::ReferenceYear(-1), None),
            // parts of days and clock times, on the reference day when no day is written.
            ("They met yesterday morning.", r, Parts::PartOfDay(Box::new(Parts::Days(-1)), "MO"), Some("2021-03-23TMO")),
            ("They met at 15:18 GMT.", r, Parts::Clock { h: 15, mi: 18, zone: "Z", day: None }, Some("2021-03-24T15:18Z")),
            ("They met at 15:18 GMT.", None, Parts::Clock { h: 15, mi: 18, zone: "Z", day: None }, Some("XXXX-XX-XXT15:18Z")),
            ("They meet for two days.", r, Parts::Duration { q: Some(2), unit: ("D", false, 1) }, Some("P2D")),
        ];
        for (sentence, reference, parts, want) in cases {
            let at = if let Parts::Weekday { tense_at, .. } = parts { *tense_at } else { 0 };
            assert_eq!(normalised(sentence, *reference, at, parts.clone()).as_deref(), *want, "{sentence:?} {parts:?} (reference {reference:?})");
        }
    }

    /// A recogniser reads the same extent with or without a reference date: only the value
    /// differs (what the reference would have settled is X).
    #[test]
    fn extents_do_not_depend_on_the_reference_date() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("The mill closed on March 3 last year.", "March 3 last year", "2020-03-03", "XXXX-03-03"),
            ("Sales fell in the first quarter of last year.", "the first quarter of last year", "2020-Q1", "XXXX-Q1"),
            ("Sales fell in March last year.", "March last year", "2020-03", "XXXX-03"),
            ("They met last Christmas.", "last Christmas", "2020-12-25", "XXXX-12-25"),
            ("They met at 3 p.m. on Tuesday.", "3 p.m. on Tuesday", "2021-03-23T15:00", "XXXX-WXX-2T15:00"),
        ];
        for (sentence, text, with, without) in cases {
            for (reference, want) in [(crate::parse_dateline("2021-03-24"), with), (None, without)] {
                let found = find(sentence, ByteSpan::new(0, sentence.len()), reference);
                let got: Vec<(&str, &str)> = found.iter().map(|f| (f.span.of(sentence), f.value.as_str())).collect();
                assert_eq!(got, [(*text, *want)], "{sentence:?} (reference {reference:?})");
            }
        }
    }
}
