//! The annotation model: entities, time expressions and dated events over byte spans.

use crate::value::TimexValue;
use crate::{Article, ByteSpan, CivilDateTime};

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person ("Sergei Lavrov").
    Person,
    /// A company, ministry, party, agency, union ("United Nations", "Boeing").
    Organization,
    /// A country, city, region, river, building ("Guilin", "Alaska").
    Place,
    /// A nationality or political/religious group ("Chinese", "the West").
    Group,
    /// A named event ("Cold War", "COVID-19 pandemic").
    Event,
    /// A treaty, law, report or document ("UN Charter").
    Work,
    /// Any other name.
    Other,
}

impl EntityKind {
    /// The lower-case name used in JSON (`"person"`).
    pub const fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Event => "event",
            EntityKind::Work => "work",
            EntityKind::Other => "other",
        }
    }

    /// Parse a name as written by [`EntityKind::name`].
    pub fn parse(s: &str) -> Option<EntityKind> {
        [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Group, EntityKind::Event, EntityKind::Work, EntityKind::Other]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// One entity and all its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable slug of the canonical name ("sergei-lavrov").
    pub id: String,
    /// The fullest form of the name in the text.
    pub name: String,
    /// Other forms used in the text (surname, acronym, expansion), without `name`.
    pub aliases: Vec<String>,
    /// The entity's type.
    pub kind: EntityKind,
    /// A role the text gives ("Russian Foreign Minister"), if any.
    pub role: Option<String>,
    /// How central the entity is to the article, 0..=1 (the most salient entity is 1).
    pub salience: f32,
    /// Every mention, in text order.
    pub mentions: Vec<ByteSpan>,
    /// For a nationality ("Chinese"): the id of its country's entity, when the text mentions the country.
    pub country: Option<String>,
}

/// TimeML TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period ("March 2", "2021", "last year").
    Date,
    /// A time of day ("15:18").
    Time,
    /// A length of time ("two days", "P10Y").
    Duration,
    /// A recurring time ("every Monday").
    Set,
}

impl TimexType {
    /// The TimeML name (`"DATE"`).
    pub const fn name(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parse a TimeML name (`"DATE"`).
    pub fn parse(s: &str) -> Option<TimexType> {
        [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set].into_iter().find(|t| t.name() == s)
    }
}

/// A time expression, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// "t1", "t2", … in text order.
    pub id: String,
    /// The expression in the text.
    pub span: ByteSpan,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value ("2021-03-02", "P2D", "PAST_REF").
    pub value: TimexValue,
    /// For a range ("a two-day visit starting March 22"), the TIMEX3 value of its last day.
    pub end_value: Option<TimexValue>,
    /// True when the year was not written and was inferred from the reference date.
    pub year_inferred: bool,
}

/// How precise an event's date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    /// A year ("in 2001").
    Year,
    /// A month ("in February").
    Month,
    /// A day ("March 22").
    Day,
    /// A clock time ("15:18, 24-Mar-2021").
    Time,
}

impl Granularity {
    /// Lower-case name used in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Granularity::Year => "year",
            Granularity::Month => "month",
            Granularity::Day => "day",
            Granularity::Time => "time",
        }
    }
}

/// A dated statement: a sentence (clause) anchored to a point or range in time.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// "e1", "e2", … in time order.
    pub id: String,
    /// The id of the timex that dates it.
    pub timex: String,
    /// Start as TIMEX3 value ("2021-03-22", "2021-02", "2001").
    pub value: TimexValue,
    /// End of a range, when the statement spans several days.
    pub end_value: Option<TimexValue>,
    /// How precise `value` is.
    pub granularity: Granularity,
    /// True when the year was inferred rather than written.
    pub year_inferred: bool,
    /// A short readable label: the clause without the date phrase.
    pub label: String,
    /// The sentence the event is stated in.
    pub sentence: ByteSpan,
    /// Ids of the entities taking part (mentioned in the clause).
    pub entities: Vec<String>,
}

/// Everything the engine finds in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotation {
    /// Structure: meta, blocks, sentences.
    pub article: Article,
    /// The date relative expressions were resolved against (the `--date`
    /// option, else the publication date), if any.
    pub reference: Option<CivilDateTime>,
    /// Entities, most salient first.
    pub entities: Vec<Entity>,
    /// Time expressions in text order.
    pub timexes: Vec<Timex>,
    /// Dated events in time order.
    pub events: Vec<Event>,
    /// The reader's corrections, already applied to the fields above.
    pub corrections: Vec<crate::corrections::Correction>,
}

impl Options {
    /// Options with the publication date a reader typed (`YYYY-MM-DD`, or any form a dateline
    /// takes); empty or none: the document's own dateline. A message when it is not a date.
    pub fn with_date(date: Option<&str>) -> Result<Options, String> {
        let reference = match date.map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(crate::parse_dateline(d).ok_or_else(|| format!("The publication date {d:?} is not a date; write it as YYYY-MM-DD."))?),
        };
        Ok(Options { reference, plain: false })
    }
}

/// Options for [`crate::annotate`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Reference date for relative expressions; overrides the publication date.
    pub reference: Option<CivilDateTime>,
    /// Treat the whole text as body text (no headline, dateline or chrome detection):
    /// for corpora whose text is already clean.
    pub plain: bool,
}
