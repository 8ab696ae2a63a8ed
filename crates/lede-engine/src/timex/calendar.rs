//! Recognisers of calendar dates: month names with days and years, numeric dates, years,
//! decades and centuries (in figures and in words), quarters and halves, seasons, holidays.

use super::*;

impl Ctx<'_, '_> {
    /// Month-name based dates starting at i.
    pub(super) fn month_date(&self, i: usize) -> Option<M> {
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
                let (year, inferred, end) = self.day_year(k + 1);
                return Some(M { len: end - i, kind: TimexType::Date, parts: Parts::Day { m, d, end: None, year }, inferred });
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
            let (year, inferred, end) = self.day_year(k);
            return Some(M { len: end - i, kind: TimexType::Date, parts: Parts::Day { m, d, end: end_day, year }, inferred });
        }
        if weekday_first {
            return None;
        }
        // "March 2021"
        if let Some((year, n)) = self.year_after(k) {
            return Some(M::new(k + n - i, TimexType::Date, Parts::Month { m, year }));
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
        let parts = match self.prev(i) {
            "last" => Parts::MonthLead { m, lead: -1 },
            "next" => Parts::MonthLead { m, lead: 1 },
            "this" => Parts::MonthLead { m, lead: 0 },
            _ => Parts::Month { m, year: Year::Open },
        };
        Some(M::new(k - i, TimexType::Date, parts).inferred())
    }

    /// The year of a day whose month ends before `k`: written there (", 2021", "last year"),
    /// or left open. (year, whether it is left open, index after the expression).
    fn day_year(&self, k: usize) -> (Year, bool, usize) {
        match self.year_after(k) {
            Some((year, n)) => (year, false, k + n),
            None => (Year::Open, true, k),
        }
    }

    pub(super) fn year_number_at(&self, i: usize) -> Option<i32> {
        self.tok(i).filter(|t| t.kind == Tok::Number).and_then(|t| year_number(t.text))
    }

    /// Years and decades said in words: "nineteen ninety-six", "the year two thousand", "the
    /// nineties".
    pub(super) fn spoken_date(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        if w == "the" && self.w(i + 1) == "year" && self.w(i + 2) == "two" {
            let (y, n) = self.two_thousand(i + 2)?;
            return Some(M::given(2 + n, TimexType::Date, format!("{y:04}")));
        }
        if w == "the" {
            let d = spoken_decade(self.w(i + 1))?;
            return Some(M::given(2, TimexType::Date, format!("{d:03}")));
        }
        let (y, n) = self.spoken_year(i)?;
        Some(M::given(n, TimexType::Date, format!("{y:04}")))
    }

    /// A year at i in figures or in words: (year, tokens).
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        self.year_number_at(i).map(|y| (y, 1)).or_else(|| self.spoken_year(i))
    }

    /// A year of the 1800s or 1900s said in words at i ("nineteen ninety-six", "nineteen
    /// eighty four"): (year, tokens).
    pub(super) fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let century = match self.w(i) {
            "eighteen" => 1800,
            "nineteen" => 1900,
            _ => return None,
        };
        let n = spoken_two_digits(self.w(i + 1)).filter(|&n| n >= 10)?;
        // "nineteen eighty four": the unit as a word of its own.
        if n % 10 == 0 && n >= 20 {
            if let Some(u) = number_word(self.w(i + 2)).filter(|u| (1..=9).contains(u) && !matches!(self.w(i + 2), "a" | "an" | "single")) {
                return Some((century + (n + u) as i32, 3));
            }
        }
        Some((century + n as i32, 2))
    }

    /// "two thousand [and] one" at i: (year, tokens). Only after "the year": alone it is a
    /// number ("two thousand people").
    fn two_thousand(&self, i: usize) -> Option<(i32, usize)> {
        if self.w(i) != "two" || self.w(i + 1) != "thousand" {
            return None;
        }
        let k = i + 2 + usize::from(self.w(i + 2) == "and");
        match spoken_two_digits(self.w(k)).filter(|&n| n >= 1) {
            Some(n) => Some((2000 + n as i32, k + 1 - i)),
            None => Some((2000, 2)),
        }
    }

    /// ", 2021", "2021" or "last year" right at i: (year, tokens consumed).
    pub(super) fn year_after(&self, i: usize) -> Option<(Year, usize)> {
        // "2021", "January nineteen ninety-seven".
        if let Some((y, n)) = self.year_at(i) {
            return Some((Year::Given(y), n));
        }
        if self.punct(i, ',') {
            return self.year_number_at(i + 1).map(|y| (Year::Given(y), 2));
        }
        // "June last year", "March 3 this year".
        let shift = match self.w(i) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        (self.w(i + 1) == "year").then_some((Year::Shift(shift), 2))
    }

    /// Single-token dates: 2021-03-24, 24-Mar-2021, 3/22/2021, 2021-03-24T15:18.
    pub(super) fn numeric_date(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let s = t.text;
        // Most words have no separator: no date, and nothing to split.
        if !s.bytes().any(|b| b == b'-' || b == b'/') {
            return None;
        }
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3 {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 && s.contains('-') {
            (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?)
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
                (y, m, d)
            } else if s.contains('/') {
                let (a, b): (u8, u8) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
                if a <= 12 {
                    (y, a, b)
                } else {
                    (y, b, a)
                }
            } else {
                return None;
            }
        } else {
            return None;
        };
        Some(M::new(1, TimexType::Date, Parts::Day { m, d, end: None, year: Year::Given(y) }))
    }

    /// Bare years with a cue ("in 2001", "since 1991"), decades ("the 1990s"), "mid-2020".
    pub(super) fn year_expr(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let w = self.w(i);
        // "post-1959", "pre-1990": the year the text measures from.
        if let Some(y) = w.strip_prefix("post-").or_else(|| w.strip_prefix("pre-")).and_then(year_number) {
            return Some(M::given(1, TimexType::Date, format!("{y:04}")));
        }
        if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("early-")).or_else(|| w.strip_prefix("late-")) {
            if let Some(y) = year_number(rest) {
                return Some(M::given(1, TimexType::Date, format!("{y:04}")));
            }
            if let Some(dec) = rest.strip_suffix('s').and_then(year_number) {
                return Some(M::given(1, TimexType::Date, format!("{:03}", dec / 10)));
            }
            // "mid-November", "late-November 2020": the month.
            let written = &t.text[t.text.len() - rest.len()..];
            if let Some(m) = month_number(written).filter(|_| written.starts_with(char::is_uppercase)) {
                if let Some((year, n)) = self.year_after(i + 1) {
                    return Some(M::new(1 + n, TimexType::Date, Parts::Month { m, year }));
                }
                return Some(M::new(1, TimexType::Date, Parts::Month { m, year: Year::Open }).inferred());
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
            return Some(M::new(1, TimexType::Date, Parts::ShortYear(w.parse().ok()?)));
        }
        if let Some(d) = w.strip_suffix('s').filter(|d| d.len() == 2 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit())) {
            if apostrophe || self.prev(i) == "the" {
                return Some(M::given(1, TimexType::Date, format!("19{}", &d[..1])));
            }
        }
        if let Some(dec) = w.strip_suffix('s').and_then(year_number).filter(|y| y % 10 == 0) {
            return Some(M::given(1, TimexType::Date, format!("{:03}", dec / 10)));
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
        Some(M::given(1, TimexType::Date, format!("{y:04}")))
    }

    /// "the first quarter (of 2020)", "Q3 2020", "third-quarter", "the first half of 2021".
    pub(super) fn quarter(&self, i: usize) -> Option<M> {
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
        let mut year = match named_year {
            Some(y) => Year::Given(y),
            None if shift != 0 => Year::Shift(shift),
            None => Year::Open,
        };
        if named_year.is_some() || shift != 0 {
            // the year is said.
        } else if let Some((y, n)) = (self.w(k) == "of").then(|| self.year_after(k + 1)).flatten() {
            // "the third quarter of 2009", "the first quarter of last year".
            year = y;
            k += 1 + n;
            inferred = false;
        } else if let Some(y) = self.year_number_at(k) {
            year = Year::Given(y);
            k += 1;
            inferred = false;
        }
        Some(M { len: k - i, kind: TimexType::Date, parts: Parts::Quarter { q, half, year }, inferred })
    }

    /// "summer 2020", "in the summer" (this year's).
    /// The quarters of an earnings report, counted from the reference date: "the quarter" and
    /// "the latest quarter" are the last one completed, "the year-earlier quarter" the same
    /// quarter a year before, "the current quarter" the reference date's own.
    pub(super) fn reported_quarter(&self, i: usize) -> Option<M> {
        if self.w(i) != "the" {
            return None;
        }
        // "the 1988 quarter": the quarter reported on, in that year (the year-earlier one).
        if let Some(y) = self.year_number_at(i + 1).filter(|_| self.w(i + 2) == "quarter" && !matches!(self.w(i + 3), "of" | "-")) {
            return Some(M::new(3, TimexType::Date, Parts::QuarterBack { back: 1, year: Some(y) }));
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
        Some(M::new(len, TimexType::Date, Parts::QuarterBack { back, year: None }).inferred())
    }

    pub(super) fn season(&self, i: usize) -> Option<M> {
        let &(_, code) = SEASONS.iter().find(|(s, _)| *s == self.w(i))?;
        if let Some((y, n)) = self.year_at(i + 1) {
            return Some(M::new(1 + n, TimexType::Date, Parts::Season { code, year: Year::Given(y) }));
        }
        // "the summer of 2020".
        if self.w(i + 1) == "of" {
            if let Some((y, n)) = self.year_at(i + 2) {
                return Some(M::new(2 + n, TimexType::Date, Parts::Season { code, year: Year::Given(y) }));
            }
        }
        if self.prev(i) == "the" && i >= 2 && matches!(self.w(i - 2), "in" | "during" | "over" | "by")
            || matches!(self.prev(i), "in" | "by" | "until" | "since")
        {
            return Some(M::new(1, TimexType::Date, Parts::Season { code, year: Year::Open }).inferred());
        }
        None
    }

    /// "the 20th century", "the twenty-first century": the century's first two digits ("19").
    pub(super) fn century(&self, i: usize) -> Option<M> {
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
        (1..=30).contains(&n).then(|| M::given(2, TimexType::Date, format!("{:02}", n - 1)))
    }

    /// Holidays, optionally after "last", "next" or "this" and before a year. Fixed dates:
    /// "Christmas (Day|Eve)", "New Year's (Day|Eve)", "Valentine's Day", "Halloween", "Boxing
    /// Day", "May Day", "Earth Day", "Veterans Day", "Remembrance Day", "Bastille Day",
    /// "St. Patrick's Day". Dates that move with the year: "Easter" (Sunday, Monday), "Good
    /// Friday", "Thanksgiving" (US, fourth Thursday of November), "Memorial Day", "Labor Day",
    /// "Presidents' Day", "Columbus Day", "Mother's Day", "Father's Day". The year is the one
    /// written after, else the one "last"/"next"/"this" points to from the reference date, else
    /// inferred by tense as for "March 2".
    pub(super) fn holiday(&self, i: usize) -> Option<M> {
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
        let (year, inferred, end) = match self.year_after(k) {
            Some((year, n)) => (year, false, k + n),
            None => (Year::Open, true, k),
        };
        let lead = lead.map(|w| match w {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
        let found = M::new(end - i, TimexType::Date, Parts::Holiday { which, lead, week, year });
        Some(if inferred && lead.is_none() { found.inferred() } else { found })
    }
}
