//! Timeline geometry, pure and tested natively: a broken (focus-and-context) time axis,
//! tick choice per segment, and lanes so labels never overlap.
//!
//! **Broken axis.** Events are grouped into clusters of nearby start days (a gap of more
//! than [`CLUSTER_GAP_DAYS`] starts a new cluster). Each cluster gets its own linear segment
//! of the axis, with a width that grows with the number of events in it, separated by a
//! visible break. A week of day-level events next to a 1969 event therefore gets as much room
//! as it needs, and the decades between are shown as breaks rather than empty pixels.

use lede_engine::date_of_day;

/// Consecutive start days further apart than this begin a new segment.
pub const CLUSTER_GAP_DAYS: i64 = 14;
/// Width between segments, where the break mark is drawn.
pub const BREAK_PX: f64 = 18.0;
/// Approximate width of one label character at the timeline's font size.
pub const CHAR_PX: f64 = 6.4;
/// Longest label drawn (characters); longer ones are cut with an ellipsis.
pub const LABEL_CHARS: usize = 34;

/// One event to place: its first and last day (inclusive, days since 1970-01-01).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// First day.
    pub start: i64,
    /// Last day (inclusive).
    pub end: i64,
    /// Label length in characters (after cutting).
    pub label_chars: usize,
}

/// A linear piece of the broken axis: days `day0..=day1` drawn from `x0` to `x1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// First day shown.
    pub day0: i64,
    /// Last day shown.
    pub day1: i64,
    /// Left edge (px).
    pub x0: f64,
    /// Right edge (px).
    pub x1: f64,
    /// The finest unit of the events that start in it (a segment of year-long events is
    /// labelled "2001", not "1 Jan 2001").
    pub unit: Unit,
}

/// The finest unit of a segment's events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Days (or anything shorter than a month).
    #[default]
    Day,
    /// Whole months.
    Month,
    /// Whole years or longer.
    Year,
}

impl Segment {
    /// The x of the start of `day` (clamped to the segment).
    pub fn x(&self, day: i64) -> f64 {
        let span = (self.day1 + 1 - self.day0).max(1) as f64;
        let t = ((day - self.day0) as f64 / span).clamp(0.0, 1.0);
        self.x0 + t * (self.x1 - self.x0)
    }
}

/// The whole axis.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scale {
    /// Segments, left to right.
    pub segments: Vec<Segment>,
}

impl Scale {
    /// Build the broken axis for `items` over `width` pixels.
    pub fn build(items: &[Item], width: f64) -> Scale {
        if items.is_empty() {
            return Scale::default();
        }
        let mut starts: Vec<(i64, i64)> = items.iter().map(|i| (i.start, i.end)).collect();
        starts.sort_unstable();
        // Clusters of start days.
        let mut clusters: Vec<(i64, i64, usize)> = Vec::new(); // (first start, last start, count)
        for &(s, _) in &starts {
            match clusters.last_mut() {
                Some(c) if s - c.1 <= CLUSTER_GAP_DAYS => {
                    c.1 = s;
                    c.2 += 1;
                }
                _ => clusters.push((s, s, 1)),
            }
        }
        // A cluster's domain: from its first start to its last start plus a day, widened to the
        // end of any item starting in it when that end is near (a range of a few days).
        let mut domains: Vec<(i64, i64, usize)> = clusters
            .iter()
            .map(|&(a, b, n)| {
                let near_end = starts.iter().filter(|(s, _)| *s >= a && *s <= b).map(|(_, e)| *e).filter(|e| *e - b <= CLUSTER_GAP_DAYS).max().unwrap_or(b);
                (a, near_end.max(b), n)
            })
            .collect();
        // Keep domains ordered and disjoint.
        for k in 1..domains.len() {
            if domains[k].0 <= domains[k - 1].1 {
                domains[k].0 = domains[k - 1].1 + 1;
                domains[k].1 = domains[k].1.max(domains[k].0);
            }
        }
        // Room grows with the number of events: a dense week gets the space its labels need.
        let weights: Vec<f64> = domains.iter().map(|&(_, _, n)| 0.6 + n as f64).collect();
        let total: f64 = weights.iter().sum();
        let usable = (width - BREAK_PX * (domains.len() as f64 - 1.0)).max(40.0);
        let mut x = 0.0;
        let segments = domains
            .iter()
            .zip(&weights)
            .map(|(&(a, b, _), w)| {
                let wpx = usable * w / total;
                let shortest = starts.iter().filter(|(s, _)| *s >= a && *s <= b).map(|(s, e)| e - s + 1).min().unwrap_or(1);
                let unit = if shortest >= 365 {
                    Unit::Year
                } else if shortest >= 28 {
                    Unit::Month
                } else {
                    Unit::Day
                };
                let seg = Segment { day0: a, day1: b, x0: x, x1: x + wpx, unit };
                x += wpx + BREAK_PX;
                seg
            })
            .collect();
        Scale { segments }
    }

    /// The segment holding `day` (or the last one before it).
    pub fn segment_of(&self, day: i64) -> Option<&Segment> {
        self.segments.iter().rev().find(|s| s.day0 <= day).or(self.segments.first())
    }

    /// The x of `day`.
    pub fn x(&self, day: i64) -> f64 {
        self.segment_of(day).map_or(0.0, |s| s.x(day))
    }

    /// Total width.
    pub fn width(&self) -> f64 {
        self.segments.last().map_or(0.0, |s| s.x1)
    }
}

/// Tick marks for one segment: `(x, label)`, choosing decades, years, months or days by
/// what fits, at least ~56 px apart.
pub fn ticks(seg: &Segment) -> Vec<(f64, String)> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let px_per_day = (seg.x1 - seg.x0) / ((seg.day1 + 1 - seg.day0).max(1) as f64);
    let (y0, m0, _) = date_of_day(seg.day0);
    let (y1, _, _) = date_of_day(seg.day1);
    let first_of = |y: i32, m: u8| days_from(y, m, 1);
    let mut out = Vec::new();
    // A segment of year-long or month-long events is named at their unit, whatever its width.
    match seg.unit {
        Unit::Year if y0 == y1 => return vec![(seg.x0, format!("{y0}"))],
        Unit::Month if y0 == y1 && date_of_day(seg.day1).1 == m0 => return vec![(seg.x0, format!("{} {y0}", MONTHS[usize::from(m0 - 1)]))],
        _ => {}
    }
    let min_gap = 56.0;
    if px_per_day * 7.0 >= min_gap && seg.day1 - seg.day0 <= 92 {
        // Days (every day, or every few days in a dense stretch of a few weeks)
        let step = ((min_gap / px_per_day).ceil() as i64).max(1);
        let mut d = seg.day0;
        while d <= seg.day1 {
            let (_, m, dd) = date_of_day(d);
            out.push((seg.x(d), format!("{dd} {}", MONTHS[usize::from(m - 1)])));
            d += step;
        }
    } else if px_per_day * 30.0 >= min_gap {
        // Months
        let (mut y, mut m) = (y0, m0);
        loop {
            let d = first_of(y, m);
            if d > seg.day1 {
                break;
            }
            if d >= seg.day0 {
                out.push((seg.x(d), if m == 1 { format!("{y}") } else { MONTHS[usize::from(m - 1)].to_owned() }));
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    } else {
        // Years or decades
        let step = if px_per_day * 365.0 >= min_gap {
            1
        } else if px_per_day * 3650.0 >= min_gap {
            10
        } else {
            50
        };
        let mut y = y0 - y0.rem_euclid(step);
        while y <= y1 {
            let d = first_of(y, 1);
            if d >= seg.day0 {
                out.push((seg.x(d), if step >= 10 { format!("{y}s") } else { format!("{y}") }));
            }
            y += step;
        }
    }
    // The first tick of every segment names its year, so each side of a break is placed.
    if let Some(first) = out.first_mut() {
        if !first.1.chars().filter(char::is_ascii_digit).count().eq(&4) && !first.1.ends_with('s') {
            first.1 = format!("{} {y0}", first.1);
        }
    }
    // A segment too small for any tick still says where it is.
    if out.is_empty() {
        let label = if seg.day1 - seg.day0 >= 300 { format!("{y0}") } else { format!("{} {y0}", MONTHS[usize::from(m0 - 1)]) };
        out.push((seg.x0, label));
    }
    out
}

fn days_from(y: i32, m: u8, d: u8) -> i64 {
    // Day numbers through the engine's calendar.
    lede_engine::TimexValue::day(y, m, d).days().map_or(0, |r| r.0)
}

/// Where one item is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Left of the mark.
    pub x0: f64,
    /// Right of the mark (equal to `x0` for a point).
    pub x1: f64,
    /// Lane (0 = top).
    pub lane: usize,
    /// Label box: left and width.
    pub label_x: f64,
    /// Label width (px).
    pub label_w: f64,
}

/// Place items in lanes so that no two labels (or marks) overlap in a lane.
/// Returns placements in the same order as `items`.
pub fn lanes(items: &[Item], scale: &Scale) -> Vec<Placed> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (items[i].start, items[i].end));
    let mut lane_end: Vec<f64> = Vec::new();
    let mut out = vec![Placed { x0: 0.0, x1: 0.0, lane: 0, label_x: 0.0, label_w: 0.0 }; items.len()];
    for i in order {
        let it = &items[i];
        let x0 = scale.x(it.start);
        let x1 = if it.end > it.start { scale.x(it.end + 1).max(x0 + 2.0) } else { x0 };
        let label_w = it.label_chars.min(LABEL_CHARS + 1) as f64 * CHAR_PX + 8.0;
        // Labels run right of their mark, or left of it where they would leave the chart.
        let label_x = if x0 + label_w > scale.width() && x0 >= label_w { x0 - label_w } else { x0 };
        let left = label_x.min(x0);
        let right = (label_x + label_w).max(x1) + 6.0;
        let lane = match lane_end.iter().position(|&e| e <= left) {
            Some(l) => l,
            None => {
                lane_end.push(0.0);
                lane_end.len() - 1
            }
        };
        lane_end[lane] = right;
        out[i] = Placed { x0, x1, lane, label_x, label_w };
    }
    out
}

/// Cut a label to [`LABEL_CHARS`] characters on a word boundary, with an ellipsis.
pub fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_owned();
    }
    let mut out = String::new();
    for w in label.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > LABEL_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = label.chars().take(LABEL_CHARS - 1).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(v: &str) -> i64 {
        lede_engine::TimexValue::parse(v).days().unwrap().0
    }

    fn item(v: &str, end: Option<&str>, chars: usize) -> Item {
        let (v, end) = (lede_engine::TimexValue::parse(v), end.map(lede_engine::TimexValue::parse));
        let (start, e) = lede_engine::event_days(&v, end.as_ref()).unwrap();
        Item { start, end: e, label_chars: chars }
    }

    #[test]
    fn broken_axis_gives_clusters_room() {
        let items = vec![
            item("1969", None, 20),
            item("2001-07-16", None, 20),
            item("2021-03-18", Some("2021-03-19"), 20),
            item("2021-03-22", None, 20),
            item("2021-03-23", None, 20),
            item("2021-03-24", None, 20),
        ];
        let s = Scale::build(&items, 1000.0);
        assert_eq!(s.segments.len(), 3, "{s:?}");
        assert!((s.width() - 1000.0).abs() < 1.0);
        // The dense week gets the widest segment, and its days are far apart.
        let week = s.segments[2];
        assert!(week.x1 - week.x0 > s.segments[0].x1 - s.segments[0].x0);
        assert!(s.x(day("2021-03-23")) - s.x(day("2021-03-22")) > 40.0);
        // Order is kept across breaks.
        let xs: Vec<f64> = items.iter().map(|i| s.x(i.start)).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    }

    #[test]
    fn labels_never_overlap_in_a_lane() {
        let items: Vec<Item> = (0..12).map(|k| item(&format!("2021-03-{:02}", 10 + k), None, 30)).collect();
        let s = Scale::build(&items, 800.0);
        let placed = lanes(&items, &s);
        for (a, pa) in placed.iter().enumerate() {
            for pb in placed.iter().skip(a + 1) {
                if pa.lane == pb.lane {
                    let (l, r) = if pa.label_x <= pb.label_x { (pa, pb) } else { (pb, pa) };
                    assert!(l.label_x + l.label_w <= r.label_x, "overlap in lane {}: {l:?} {r:?}", pa.lane);
                }
            }
        }
        assert!(placed.iter().map(|p| p.lane).max().unwrap() >= 1, "some stacking needed");
    }

    #[test]
    fn tick_choice_follows_the_span() {
        let seg = |a: &str, b: &str, w: f64| Segment { day0: day(a), day1: day(b), x0: 0.0, x1: w, unit: Unit::Day };
        let days = ticks(&seg("2021-03-18", "2021-03-24", 600.0));
        assert!(days.iter().any(|(_, l)| l == "18 Mar 2021"), "{days:?}");
        assert!(days.iter().any(|(_, l)| l == "20 Mar" || l == "19 Mar"), "{days:?}");
        let months = ticks(&seg("2021-01-01", "2021-06-30", 600.0));
        assert!(months.iter().any(|(_, l)| l == "Mar"), "{months:?}");
        let years = ticks(&seg("2000-01-01", "2009-12-31", 800.0));
        assert!(years.iter().any(|(_, l)| l == "2005"), "{years:?}");
        let decades = ticks(&seg("1900-01-01", "1999-12-31", 600.0));
        assert!(decades.iter().any(|(_, l)| l == "1950s"), "{decades:?}");
        // Ticks never overlap.
        for t in [days, months, years, decades] {
            assert!(t.windows(2).all(|w| w[1].0 - w[0].0 >= 40.0), "{t:?}");
        }
    }

    #[test]
    fn ticks_speak_at_the_events_unit() {
        // (events as (start, end or none, label chars), the first tick label of each segment)
        type Case<'a> = (&'a [(&'a str, Option<&'a str>)], &'a [&'a str]);
        let cases: &[Case] = &[
            (&[("2001", None), ("2021-03-22", None), ("2021-03-23", None)], &["2001", "22 Mar 2021"]),
            // A dense stretch of three weeks gets day ticks, not one month label.
            (&[("2021-03-02", None), ("2021-03-15", None), ("2021-03-24", None)], &["2 Mar 2021"]),
            (&[("2015", None), ("2021-02", None), ("2021-03-02", None)], &["2015", "Feb 2021", "2 Mar 2021"]),
        ];
        for (events, want) in cases {
            let items: Vec<Item> = events.iter().map(|(a, b)| item(a, *b, 20)).collect();
            let s = Scale::build(&items, 1000.0);
            let got: Vec<String> = s.segments.iter().filter_map(|seg| ticks(seg).into_iter().next().map(|t| t.1)).collect();
            assert_eq!(got, *want, "{events:?}");
        }
    }

    #[test]
    fn short_labels_cut_on_words() {
        assert_eq!(short_label("Short"), "Short");
        let s = short_label("Russian Foreign Minister Sergei Lavrov arrived in Guilin for a two-day visit");
        assert!(s.ends_with('…') && s.chars().count() <= LABEL_CHARS);
        assert!(!s.contains("Lavr…"));
    }
}
