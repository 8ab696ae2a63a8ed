//! Words of time expressions: numbers said in words, units, ordinals, weekday, season and
//! part-of-day names.

use super::parts::Unit;

pub(super) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Periods counted from the reference date's own ("last week", "this quarter"); seasons too.
pub(super) const PERIODS: [&str; 7] = ["year", "month", "week", "weekend", "day", "quarter", "decade"];

pub(super) const SEASONS: [(&str, &str); 5] = [("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("fall", "FA"), ("winter", "WI")];

pub(super) const PARTS_OF_DAY: [(&str, &str); 5] = [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("overnight", "NI")];

/// Words after which a bare four-digit number is a year.
pub(super) const YEAR_CUES: [&str; 26] = [
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "between", "and", "during", "before", "after", "early", "late", "around", "circa",
    "year", "fiscal", "mid", "spring", "summer", "autumn", "winter", "fall",
];

pub(super) fn number_word(w: &str) -> Option<u32> {
    // One match (the compiler sorts it by length): this runs at nearly every word of a text.
    Some(match w {
        "zero" => 0,
        "a" | "an" | "one" | "single" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ if !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) => return w.parse().ok(),
        _ => return None,
    })
}

/// A number from 0 to 99 written in words as one token ("ninety-six", "seventy", "twelve").
pub(super) fn spoken_two_digits(w: &str) -> Option<u32> {
    match w.split_once('-') {
        Some((tens, unit)) => {
            let (t, u) = (number_word(tens)?, number_word(unit)?);
            (t >= 20 && t % 10 == 0 && t < 100 && (1..=9).contains(&u)).then_some(t + u)
        }
        None => number_word(w).filter(|&n| n < 100 && !matches!(w, "a" | "an" | "single") && !w.bytes().all(|b| b.is_ascii_digit())),
    }
}

/// Decades written in words: "the nineties" (the 1990s).
pub(super) fn spoken_decade(w: &str) -> Option<u32> {
    const DECADES: [&str; 8] = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
    DECADES.iter().position(|d| *d == w).map(|i| 192 + i as u32)
}

/// Quantity of a duration: a number or "several"/"few"/"many" (unknown, X).
pub(super) fn quantity(w: &str) -> Option<Option<u32>> {
    match w {
        "several" | "few" | "many" | "some" | "numerous" => Some(None),
        _ => number_word(w).map(Some),
    }
}

/// Duration unit: (TIMEX letter, is time-of-day unit, multiplier).
pub(super) fn unit(w: &str) -> Option<Unit> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "day" => ("D", false, 1),
        "week" => ("W", false, 1),
        "month" => ("M", false, 1),
        "year" => ("Y", false, 1),
        "decade" => ("Y", false, 10),
        "quarter" => ("Q", false, 1),
        "century" | "centurie" => ("Y", false, 100),
        "hour" => ("H", true, 1),
        "minute" => ("M", true, 1),
        _ => return None,
    })
}

pub(super) fn duration_value(q: Option<u32>, unit: Unit) -> String {
    let (letter, time, mult) = unit;
    let t = if time { "T" } else { "" };
    match q {
        Some(n) => format!("P{t}{}{letter}", n.saturating_mul(mult)),
        None => format!("P{t}X{letter}"),
    }
}

pub(super) fn ordinal_day(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

pub(super) fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten().filter(|y| (1000..=2199).contains(y))
}
