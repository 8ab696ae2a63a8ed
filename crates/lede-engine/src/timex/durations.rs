//! Recognisers of durations ("three years", "two-day", "the past five years") and sets
//! ("every Monday", "annually").

use super::*;

impl Ctx<'_, '_> {
    /// Durations and "N units ago/later"; "two-day"; "the past five years"; "for years".
    pub(super) fn duration(&self, i: usize) -> Option<M> {
        if matches!(self.prev(i), "for" | "within" | "over" | "in") && self.w(i).ends_with('s') {
            if let Some(unit) = unit(self.w(i)) {
                return Some(M::new(1, TimexType::Duration, Parts::Duration { q: None, unit }));
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
        if let Some(unit) = self.w(j).strip_suffix("-long").filter(|u| u.ends_with('s')).and_then(unit) {
            return Some(M::new(j + 1 - i, TimexType::Duration, Parts::Duration { q: None, unit }));
        }
        // Hyphenated adjective: "two-day", "10-year", "three-month-long"; an age ("a
        // 40-year-old man") is not a time expression.
        if self.tok(j).is_some_and(|t| !t.text.ends_with("-old") && t.text.contains('-')) {
            let mut pieces = self.w(j).split('-');
            let (first, second) = (pieces.next().unwrap_or(""), pieces.next().unwrap_or(""));
            if let (Some(q), Some(unit)) = (quantity(first), unit(second)) {
                if !second.ends_with('s') {
                    return Some(M::new(j + 1 - i, TimexType::Duration, Parts::Duration { q, unit }));
                }
            }
        }
        if lead_the && self.w(j) == "quarter" && matches!(self.w(i + 1), "last" | "previous") {
            return Some(M::new(j + 1 - i, TimexType::Date, Parts::QuarterBack { back: 1, year: None }).inferred());
        }
        // "over the past year": the year before the reference year, as TimeBank reads it.
        if lead_the && matches!(self.w(i + 1), "past" | "last") && self.w(j) == "year" {
            return Some(M::new(j + 1 - i, TimexType::Date, Parts::ReferenceYear(-1)).inferred());
        }
        if lead_the && matches!(self.w(i + 1), "past" | "last" | "next" | "coming") && !self.w(j).ends_with('s') {
            if let Some(unit) = unit(self.w(j)).filter(|_| self.w(j) != "year") {
                return Some(M::new(j + 1 - i, TimexType::Duration, Parts::Duration { q: Some(1), unit }));
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
        // A year before a unit names which one, not how many: "the 1988 quarter".
        if !plural && year_number(self.w(j)).is_some() {
            return None;
        }
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
            return Some(M::new(k + 1 - i, TimexType::Set, Parts::Duration { q: Some(1), unit: u }));
        }
        k += 1;
        // "three years ago", "a year earlier": a date counted back from the reference date
        // (for "earlier", the anchor is most often the period being reported on, itself near
        // the reference date).
        if matches!(self.w(k), "ago" | "earlier") && !lead_the {
            return Some(M::new(k + 1 - i, TimexType::Date, Parts::Ago { q, unit: u, needs_reference: false }).inferred());
        }
        if lead_the && matches!(self.w(i + 1), "first") && !the_count {
            return None;
        }
        Some(M::new(k - i, TimexType::Duration, Parts::Duration { q, unit: u }))
    }

    /// Sets: "every Monday", "each year", "daily", "annually".
    pub(super) fn set(&self, i: usize) -> Option<M> {
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
            return Some(M::given(1, TimexType::Set, v.to_owned()));
        }
        // "annual" describes a length (an annual report covers a year), as MEANTIME annotates it.
        if self.w(i) == "annual" {
            return Some(M::given(1, TimexType::Duration, "P1Y".to_owned()));
        }
        if !matches!(self.w(i), "every" | "each") {
            return None;
        }
        let w = self.w(i + 1);
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            return Some(M::given(2, TimexType::Set, format!("XXXX-WXX-{}", wd + 1)));
        }
        let unit = unit(w).filter(|_| !w.ends_with('s'))?;
        Some(M::new(2, TimexType::Set, Parts::Duration { q: Some(1), unit }))
    }
}
