//! Time expressions: recognition and TIMEX3 normalisation against a reference date,
//! in the manner of HeidelTime's news mode (relative expressions resolved against the
//! document date; weekdays and year-less dates placed by the tense of their clause).
//!
//! [`find`] tries the recognisers at every token (`match_at`); each family has its file:
//! `calendar` (month dates, numeric dates, years and decades in figures and words, quarters,
//! seasons, centuries, holidays), `relative` ("yesterday", "last week", weekdays, "now"),
//! `durations` (durations and sets) and `times` (clock times). They resolve what they find
//! through `normalise` (the calendar arithmetic against the reference date) and `tense` (the
//! clause's tense); `words` holds the vocabulary. A recognised expression's modifiers ("early",
//! "almost") are added by `modifier_len`; `lib.rs` resolves what needs the whole document
//! ("the day", "that year", "a year earlier").

mod calendar;
mod durations;
mod normalise;
mod relative;
mod tense;
mod times;
mod words;

use std::borrow::Cow;

use crate::datetime::{civil_from_days, days_from_civil, iso_week, month_number, weekday, CivilDateTime};
use crate::model::TimexType;
use crate::span::ByteSpan;
use crate::tokens::{tokenize, Tok, Token};

use normalise::*;
use tense::*;
use words::*;

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

struct Ctx<'a, 't> {
    toks: &'a [Token<'t>],
    lw: Vec<Cow<'t, str>>,
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
        self.lw.get(i).map_or("", |w| w.as_ref())
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
    let lw: Vec<Cow<str>> = toks.iter().map(Token::lower).collect();
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
            ctx.toks.iter().zip(&ctx.lw).filter(|(t, _)| t.span.start >= dur.span.end && t.span.end <= date.span.start).map(|(_, w)| w.as_ref()).collect();
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
    let first = toks.iter().position(|t| t.kind == Tok::Number || month_number(t.text).is_some() || WEEKDAYS.contains(&t.lower().as_ref())).unwrap_or(0);
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
