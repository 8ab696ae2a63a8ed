//! Recogniser of clock times ("9 a.m.", "18:00 UTC", "noon Friday").

use super::*;

impl Ctx<'_, '_> {
    /// "15:18", "3 p.m.", "3:30pm", "noon", optionally followed by a date ("15:18, 24-Mar-2021").
    pub(super) fn clock(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let (mut h, mi, mut k) = if t.kind == Tok::Number && t.text.contains(':') {
            let (a, b) = t.text.split_once(':')?;
            let h: u8 = a.parse().ok()?;
            let m: u8 = b.get(..2)?.parse().ok()?;
            (h, m, i + 1)
        } else if t.kind == Tok::Number && t.text.len() == 4 && matches!(self.tok(i + 1).map(|t| t.text), Some("UTC" | "GMT")) {
            let h: u8 = t.text[..2].parse().ok()?;
            (h, t.text[2..].parse().ok()?, i + 1)
        } else if t.kind == Tok::Number && matches!(self.w(i + 1), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m") {
            (t.text.parse().ok()?, 0, i + 1)
        } else if matches!(self.w(i), "noon" | "midday") && matches!(self.prev(i), "at" | "by" | "before" | "after" | "until") {
            (12, 0, i + 1)
        } else if self.w(i) == "midnight" && matches!(self.prev(i), "at" | "by" | "before" | "after" | "until") {
            (0, 0, i + 1)
        } else {
            return None;
        };
        match self.w(k) {
            "p.m." | "pm" | "p.m" => {
                if h < 12 {
                    h += 12
                }
                k += 1
            }
            "a.m." | "am" | "a.m" => {
                if h == 12 {
                    h = 0
                }
                k += 1
            }
            _ => {}
        }
        if h > 23 || mi > 59 {
            return None;
        }
        // Time zone abbreviations belong to the expression; UTC/GMT times carry TimeML's "Z".
        let mut zone: &'static str = "";
        if matches!(self.tok(k).map(|t| t.text), Some("GMT" | "UTC" | "ET" | "EST" | "EDT" | "BST" | "CET" | "PST" | "PT" | "BJT")) {
            if matches!(self.tok(k).map(|t| t.text), Some("GMT" | "UTC")) && !self.punct(k + 1, '+') && !self.punct(k + 1, '-') {
                zone = "Z";
            }
            k += 1;
        }
        // A following date ("15:18, 24-Mar-2021", "3 p.m. on March 2", "9 a.m. Tuesday").
        let mut d0 = k;
        if self.punct(d0, ',') {
            d0 += 1;
        }
        if self.w(d0) == "on" {
            d0 += 1;
        }
        let date = self.numeric_date(d0).or_else(|| self.month_date(d0)).or_else(|| self.relative_day(d0)).or_else(|| self.weekday_expr(d0));
        let (day, inferred, end) = match date.filter(|m| m.parts.is_day()) {
            Some(m) => (Some((Box::new(m.parts), d0)), m.inferred, d0 + m.len),
            None => (None, true, k),
        };
        Some(M { len: end - i, kind: TimexType::Time, parts: Parts::Clock { h, mi, zone, day }, inferred })
    }
}
