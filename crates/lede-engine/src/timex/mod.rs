//! Time expressions: recognition and TIMEX3 normalisation against a reference date,
//! in the manner of HeidelTime's news mode (relative expressions resolved against the
//! document date; weekdays and year-less dates placed by the tense of their clause).
//!
//! Two steps. Recognising: [`find`] tries the recognisers at every token (`match_at`); each
//! family has its file: `calendar` (month dates, numeric dates, years and decades in figures
//! and words, quarters, seasons, centuries, holidays), `relative` ("yesterday", "last week",
//! weekdays, "now"), `durations` (durations and sets) and `times` (clock times). A recogniser
//! returns what it read as [`parts::Parts`] (the month and day of "March 2", the weekday of
//! "Monday"), never looking at the reference date. Normalising: `normalise` resolves those
//! parts against the reference date and the clause's tense (`tense`) into a TimeML value, with
//! the calendar arithmetic in one place. `words` holds the vocabulary. A recognised expression's modifiers ("early",
//! "almost") are added by `modifier_len`; `lib.rs` resolves what needs the whole document
//! ("the day", "that year", "a year earlier").

mod calendar;
mod durations;
mod normalise;
mod parts;
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
use parts::*;
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

/// What a recogniser read: the number of tokens, the type, the parts of the value, and
/// whether the year was left to the normaliser (shown as inferred).
struct M {
    len: usize,
    kind: TimexType,
    parts: Parts,
    inferred: bool,
}

impl M {
    fn new(len: usize, kind: TimexType, parts: Parts) -> M {
        M { len, kind, parts, inferred: false }
    }
    /// A value the text states completely.
    fn given(len: usize, kind: TimexType, value: String) -> M {
        M::new(len, kind, Parts::Given(value))
    }
    fn inferred(mut self) -> M {
        self.inferred = true;
        self
    }
}

/// A recognised expression with its normalised value.
struct Valued {
    len: usize,
    kind: TimexType,
    parts: Parts,
    value: String,
    end_value: Option<String>,
    inferred: bool,
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
    fn modifier_len(&self, i: usize, m: &Valued, floor: usize) -> usize {
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
            TimexType::Date if at(1) == "fiscal" && crate::value::TimexValue::parse(&m.value).year().is_some() => 1,
            TimexType::Date | TimexType::Time => {
                if at(3) == "the" && matches!(at(2), "end" | "beginning" | "start" | "middle" | "turn") && at(1) == "of" {
                    3
                } else if matches!(at(1), "early" | "late" | "mid" | "earlier" | "later")
                    || at(1) == "very" && matches!(&m.parts, Parts::Given(v) if v == "FUTURE_REF")
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

    /// The first recogniser that reads an expression at `i` whose parts normalise (one whose
    /// parts name no real date gives way to the next).
    fn match_at(&self, i: usize) -> Option<Valued> {
        let recognisers: [fn(&Self, usize) -> Option<M>; 15] = [
            Self::clock,
            Self::numeric_date,
            Self::month_date,
            Self::relative_day,
            Self::weekday_expr,
            Self::spoken_date,
            Self::quarter,
            Self::relative_period,
            Self::season,
            Self::century,
            Self::holiday,
            Self::set,
            Self::duration,
            Self::year_expr,
            Self::reference_word,
        ];
        if self.tok(i)?.kind == Tok::Punct {
            return None;
        }
        recognisers.iter().find_map(|recognise| {
            let m = recognise(self, i)?;
            let (value, end_value) = self.normalise(i, &m.parts)?;
            Some(Valued { len: m.len, kind: m.kind, parts: m.parts, value, end_value, inferred: m.inferred })
        })
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
#[cfg(test)]
pub(crate) fn find(text: &str, sentence: ByteSpan, reference: Option<CivilDateTime>) -> Vec<Found> {
    find_in(&tokenize(text, sentence), reference)
}

/// Find the time expressions in one sentence, given its tokens (the tokenisation the name
/// finder reads too).
pub(crate) fn find_in(toks: &[Token<'_>], reference: Option<CivilDateTime>) -> Vec<Found> {
    let lw: Vec<Cow<str>> = toks.iter().map(Token::lower).collect();
    let tense = tenses(&lw, toks);
    let ctx = Ctx { toks, lw, reference, tense };
    let words = toks.iter().filter(|t| t.kind == Tok::Word).count();
    let title_case = toks.iter().filter(|t| t.kind == Tok::Word && t.is_capitalised()).count() * 2 > words;
    let mut out: Vec<Found> = Vec::new();
    // The length in days of each found duration counted in days (for `link_ranges`).
    let mut day_counts: Vec<Option<u32>> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        match ctx.match_at(i) {
            // "60 Minutes", "This Week": a capitalised unit inside running text is a title's.
            Some(m) if m.len > 0 && i + m.len <= toks.len() && !running_text_title(&ctx, i, m.len, title_case) => {
                let first = i - ctx.modifier_len(i, &m, floor);
                // The tense is read where the expression starts, its modifier included ("first
                // introduced in late January, would take effect": "late" is nearer the past).
                let (value, end_value) = match ctx.tense.get(first) {
                    Some(t) if first < i && Some(t) != ctx.tense.get(i) => ctx.normalise(first, &m.parts).unwrap_or((m.value, m.end_value)),
                    _ => (m.value, m.end_value),
                };
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
                day_counts.push(m.parts.days());
                out.push(Found { span, kind: m.kind, value, end_value, year_inferred: m.inferred, anaphoric_day, anaphoric_year, year_back });
                i += m.len;
            }
            _ => i += 1,
        }
    }
    link_ranges(&ctx, &mut out, &day_counts);
    out
}

/// "a two-day visit starting March 22": a day-duration right before a day date makes it a range.
/// `day_counts[k]` is the length in days of `found[k]` when it is a duration counted in days.
fn link_ranges(ctx: &Ctx<'_, '_>, found: &mut [Found], day_counts: &[Option<u32>]) {
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
        let Some(n) = day_counts[k - 1].map(i64::from) else {
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
