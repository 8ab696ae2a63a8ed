//! What a recogniser read: the parts of a time expression as the text gives them, with what
//! the text leaves open (the year of "March 2", the day of "Monday", the week of "next week")
//! left to [`normalise`](super::normalise), which resolves it against the reference date and
//! the tense of the clause. Recognisers never look at the reference date or the tense.

use super::normalise::Holiday;

/// A year as the text gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Year {
    /// Written: "2021", "nineteen ninety-six".
    Given(i32),
    /// Counted from the reference year: "last year" (-1), "this year" (0), "next year" (1).
    Shift(i32),
    /// Not said: the normaliser infers it (from the tense for a month or a day, from the
    /// reference date's quarter for a quarter).
    Open,
}

/// A duration unit: (TIMEX letter, is a time-of-day unit, multiplier), as `words::unit`
/// reads it.
pub(super) type Unit = (&'static str, bool, u32);

/// The parts of one expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Parts {
    /// A value the text states completely ("198" for "the 1980s", "P1D" for "daily",
    /// "PRESENT_REF" for "now").
    Given(String),
    /// Day `d` of month `m` (to day `end`: "March 22-23") of `year`.
    Day { m: u8, d: u8, end: Option<u8>, year: Year },
    /// Month `m` of `year`: "March 2021", "in March".
    Month { m: u8, year: Year },
    /// Month `m` after "last" (-1), "this" (0) or "next" (1): the nearest such month before,
    /// in, or after the reference year.
    MonthLead { m: u8, lead: i32 },
    /// A year in two digits after an apostrophe ("'82"): the century that puts it nearest the
    /// reference date.
    ShortYear(i32),
    /// Quarter (or half, when `half`) `q` of `year`.
    Quarter { q: u8, half: bool, year: Year },
    /// The quarter `back` quarters before the reference date's own (a reported quarter), in
    /// `year` when the text names one ("the 1988 quarter").
    QuarterBack { back: i32, year: Option<i32> },
    /// Season `code` ("SU") of `year` (`Open`: the reference year).
    Season { code: &'static str, year: Year },
    /// A holiday of `year`; when the year is open, the one `lead` points to ("last
    /// Christmas": -1, "next": 1, "this": 0) or, with no lead, the one the tense points to;
    /// its ISO week (or its weekend, when `Some(true)`) when `week` is set.
    Holiday { which: Holiday, lead: Option<i32>, week: Option<bool>, year: Year },
    /// The period `unit` ("year", "month", "week", "weekend", "day", "quarter", "decade" or a
    /// season) `dir` such periods from the reference date's own.
    Period { unit: &'static str, dir: i32 },
    /// `n` days from the reference day: "yesterday", "today".
    Days(i64),
    /// "the weekend": the reference week's, or in the past tense the latest one.
    Weekend,
    /// Weekday `wd` (Monday 1): the one ahead (`dir` 1) or behind (-1), or as the tense at
    /// token `tense_at` says when `dir` is not given; "next Monday" (`next`) is never today.
    Weekday { wd: u8, dir: Option<i32>, next: bool, tense_at: usize },
    /// A part of a day ("MO", "NI") of the day `day` reads: "yesterday morning".
    PartOfDay(Box<Parts>, &'static str),
    /// `q` units back from the reference date: "three years ago", "a year earlier". With
    /// `needs_reference`, nothing without a reference date (otherwise PAST_REF).
    Ago { q: Option<u32>, unit: Unit, needs_reference: bool },
    /// The reference year, shifted: "by year-end" (0), "over the past year" (-1). Nothing
    /// without a reference date.
    ReferenceYear(i32),
    /// A length of `q` (unknown: X) units.
    Duration { q: Option<u32>, unit: Unit },
    /// A clock time on the day `day` reads at its token (the reference day when none is
    /// written), with its zone ("Z" or "").
    Clock { h: u8, mi: u8, zone: &'static str, day: Option<(Box<Parts>, usize)> },
}

impl Parts {
    /// Whether the parts name one whole day (a clock time takes such a date after it).
    pub(super) fn is_day(&self) -> bool {
        matches!(self, Parts::Day { .. } | Parts::Days(_) | Parts::Weekday { .. } | Parts::Period { unit: "day", .. })
    }

    /// The length in days of a duration counted in days ("two-day"), if it is one.
    pub(super) fn days(&self) -> Option<u32> {
        match self {
            Parts::Duration { q: Some(n), unit: ("D", false, mult) } => n.checked_mul(*mult),
            _ => None,
        }
    }
}
