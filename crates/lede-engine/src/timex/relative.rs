//! Recognisers of expressions relative to the reference date: "yesterday", "last week",
//! weekdays, "this quarter", and references such as "now" and "recently".

use super::*;

impl Ctx<'_, '_> {
    /// today, yesterday, tomorrow, tonight, this morning, last night, the weekend.
    pub(super) fn relative_day(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        // "the day" in news is the day of the report ("shares rose 2% on the day").
        if w == "the"
            && (self.w(i + 1) == "day" || self.w(i + 1) == "same" && self.w(i + 2) == "day")
            && !matches!(self.w(i + 2), "before" | "after" | "of" | "when" | "that" | "in")
        {
            let n = if self.w(i + 1) == "same" { 3 } else { 2 };
            return Some(M::new(n, TimexType::Date, Parts::Days(0)).inferred());
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
                let unit = ["year", "month", "week", "day"].into_iter().find(|u| *u == unit_w)?;
                return Some(M::new(n, TimexType::Date, Parts::Period { unit, dir }).inferred());
            }
        }
        if w == "the" && self.w(i + 1) == "weekend" {
            return Some(M::new(2, TimexType::Date, Parts::Weekend).inferred());
        }
        let part_of_day = |n: i64, part: &'static str| Parts::PartOfDay(Box::new(Parts::Days(n)), part);
        let (base, len) = match w {
            "today" => (0, 1),
            "yesterday" => (-1, 1),
            "tomorrow" => (1, 1),
            "tonight" => return Some(M::new(1, TimexType::Time, part_of_day(0, "NI")).inferred()),
            "this" | "last" => {
                let &(part, code) = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.w(i + 1))?;
                let d = if w == "last" && part == "night" { -1 } else { 0 };
                if w == "last" && part != "night" {
                    return None;
                }
                return Some(M::new(2, TimexType::Time, part_of_day(d, code)).inferred());
            }
            _ => return None,
        };
        // "yesterday morning"
        if let Some(&(_, p)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.w(i + 1)) {
            return Some(M::new(len + 1, TimexType::Time, part_of_day(base, p)).inferred());
        }
        Some(M::new(len, TimexType::Date, Parts::Days(base)).inferred())
    }

    /// "Monday", "on Friday", "last Tuesday", "next Monday", "Monday morning".
    pub(super) fn weekday_expr(&self, i: usize) -> Option<M> {
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
        let dir = match self.w(i) {
            "last" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            _ if earliest => Some(1),
            // By the tense of the clause.
            _ => None,
        };
        let mut parts = Parts::Weekday { wd, dir, next: self.w(i) == "next", tense_at: wi };
        let mut len = lead + 1;
        let mut kind = TimexType::Date;
        if let Some(&(_, p)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == self.w(wi + 1)) {
            parts = Parts::PartOfDay(Box::new(parts), p);
            kind = TimexType::Time;
            len += 1;
        }
        Some(M { len, kind, parts, inferred: true })
    }

    /// this/last/next + week/month/year/quarter/season; "earlier this year".
    pub(super) fn relative_period(&self, i: usize) -> Option<M> {
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
        let len = j + 2 - i;
        // "next day" is no period of its own here ("the next day" is relative_day's).
        if self.w(j + 1) == "day" {
            return None;
        }
        let unit = PERIODS.into_iter().chain(SEASONS.map(|s| s.0)).find(|u| *u == self.w(j + 1))?;
        Some(M::new(len, TimexType::Date, Parts::Period { unit, dir }).inferred())
    }

    /// Reference words: now, currently, recently, the past, the future.
    pub(super) fn reference_word(&self, i: usize) -> Option<M> {
        let v = match self.w(i) {
            "now" if !matches!(self.w(i + 1), "that") && !matches!(self.prev(i), "from" | "until" | "till" | "by") => "PRESENT_REF",
            "nowadays" | "currently" => "PRESENT_REF",
            "soon" if self.prev(i) != "as" => "FUTURE_REF",
            "short-term" => "FUTURE_REF",
            "the" if matches!(self.w(i + 1), "near" | "long" | "short") && self.w(i + 2) == "term" => {
                return Some(M::given(3, TimexType::Date, "FUTURE_REF".to_owned()));
            }
            "the" if self.w(i + 1) == "time" && self.w(i + 2) == "being" => {
                return Some(M::given(3, TimexType::Date, "PRESENT_REF".to_owned()));
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
                return Some(M::new(len, TimexType::Date, Parts::ReferenceYear(0)).inferred());
            }
            // "year-earlier profit": the period reported on, a year back (refined by the caller).
            "year-earlier" | "year-ago" if self.prev(i) != "the" => {
                // As "a year earlier" (`ago`): the quarter when the sentence reports on one.
                let parts = Parts::Ago { q: Some(1), unit: unit("year")?, needs_reference: true };
                return Some(M::new(1, TimexType::Date, parts).inferred());
            }
            // "recent years": a vague length of time.
            "recent" if unit(self.w(i + 1)).is_some() && self.w(i + 1).ends_with('s') => {
                let unit = unit(self.w(i + 1))?;
                return Some(M::new(2, TimexType::Duration, Parts::Duration { q: None, unit }));
            }
            "recent" => "PAST_REF",
            "the" if self.w(i + 1) == "past" => {
                let next = self.w(i + 2);
                let ok = !matches!(next, "decade" | "year" | "month" | "week" | "few" | "several") && quantity(next).is_none();
                return ok.then(|| M::given(2, TimexType::Date, "PAST_REF".to_owned()));
            }
            "the" if self.w(i + 1) == "future" => {
                let ok = !self.tok(i + 2).is_some_and(|t| t.kind == Tok::Word && !matches!(t.text, "and" | "or"));
                return ok.then(|| M::given(2, TimexType::Date, "FUTURE_REF".to_owned()));
            }
            _ => return None,
        };
        Some(M::given(1, TimexType::Date, v.to_owned()))
    }
}
