//! A reader's corrections to the engine's reading: rename an entity, change its type, merge two
//! entities, split a wrong mention off, say it is no entity at all, give a date another value
//! or say it is not a date.
//! Corrections are data (kept with the document, exported in `lede/1`), applied after every
//! analysis; one whose target is gone (the text changed) is skipped, never an error.

use serde::{Deserialize, Serialize};

use crate::{entities::slug, events, Annotation, ByteSpan, Entity, EntityKind, OffsetMap};

/// One correction. Offsets are Unicode code points, as everywhere in `lede/1`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Correction {
    /// Call the entity by another name (the engine's name becomes an alias).
    Rename {
        /// The entity's id.
        entity: String,
        /// The name to use.
        name: String,
    },
    /// Change the entity's type.
    Retype {
        /// The entity's id.
        entity: String,
        /// `person`, `organization`, `place`, `group`, `event`, `work` or `other`.
        #[serde(rename = "type")]
        kind: String,
    },
    /// Fold `entity` into `into`: its mentions and names become `into`'s.
    Merge {
        /// The entity that goes.
        entity: String,
        /// The entity that stays.
        into: String,
    },
    /// A mention is something else: it becomes an entity of its own.
    Split {
        /// The entity the mention was given to.
        entity: String,
        /// Where the mention starts (code points).
        start: usize,
    },
    /// The time expression means another date.
    Redate {
        /// The time expression's id.
        timex: String,
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        value: String,
    },
    /// The time expression is not a date to put on the timeline.
    Undate {
        /// The time expression's id.
        timex: String,
    },
    /// The entity is no name at all ("Not an entity"): it and its mentions go.
    Remove {
        /// The entity's id.
        entity: String,
        /// Its name when it was removed (for the reader's list of corrections).
        #[serde(default)]
        name: String,
    },
}

impl Correction {
    /// A short description for the reader ("Renamed …").
    pub fn describe(&self, a: &Annotation) -> String {
        let name = |id: &str| a.entities.iter().find(|e| e.id == id).map_or_else(|| id.to_owned(), |e| e.name.clone());
        match self {
            Correction::Rename { name: n, .. } => format!("Renamed to {n}"),
            Correction::Retype { entity, kind } => format!("{} is a {kind}", name(entity)),
            Correction::Merge { entity, into } => format!("{entity} merged into {}", name(into)),
            Correction::Split { entity, .. } => format!("A mention split off {}", name(entity)),
            Correction::Redate { value, .. } => format!("A date set to {value}"),
            Correction::Undate { .. } => "A date removed".to_owned(),
            Correction::Remove { entity, name: n } => format!("{} is not an entity", if n.is_empty() { entity } else { n }),
        }
    }

    /// Is this correction well formed (a known type, a calendar value, a non-empty name)?
    pub fn check(&self) -> Result<(), String> {
        match self {
            Correction::Rename { name, .. } if name.trim().is_empty() => Err("A name cannot be empty.".to_owned()),
            Correction::Retype { kind, .. } if EntityKind::parse(kind).is_none() => Err(format!("{kind:?} is not an entity type.")),
            Correction::Redate { value, .. } if !is_calendar_value(value) => {
                Err(format!("{value:?} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD."))
            }
            Correction::Merge { entity, into } if entity == into => Err("An entity cannot be merged into itself.".to_owned()),
            _ => Ok(()),
        }
    }
}

fn is_calendar_value(v: &str) -> bool {
    matches!(v.len(), 4 | 7 | 10) && v.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }) && events::event_days(v, None).is_some()
}

/// Apply `corrections` in order to `a`, an annotation of `text`; add them to the ones already
/// recorded in `a.corrections`. Returns how many applied (the rest had no target any more).
pub fn apply(text: &str, a: &mut Annotation, corrections: &[Correction]) -> usize {
    let map = OffsetMap::new(text);
    let mut applied = 0;
    for c in corrections {
        if c.check().is_ok() && apply_one(text, &map, a, c) {
            applied += 1;
        }
    }
    if applied > 0 {
        a.entities.sort_by(|x, y| y.salience.total_cmp(&x.salience));
        a.events = events::find(text, &a.article, &a.timexes, &a.entities, a.reference);
    }
    a.corrections.extend_from_slice(corrections);
    applied
}

fn apply_one(text: &str, map: &OffsetMap, a: &mut Annotation, c: &Correction) -> bool {
    let find = |a: &Annotation, id: &str| a.entities.iter().position(|e| e.id == id);
    match c {
        Correction::Rename { entity, name } => {
            let Some(i) = find(a, entity) else { return false };
            let e = &mut a.entities[i];
            let old = std::mem::replace(&mut e.name, name.trim().to_owned());
            e.aliases.retain(|x| x != &e.name);
            if old != e.name && !e.aliases.contains(&old) {
                e.aliases.insert(0, old);
            }
            true
        }
        Correction::Retype { entity, kind } => {
            let (Some(i), Some(k)) = (find(a, entity), EntityKind::parse(kind)) else { return false };
            a.entities[i].kind = k;
            if k != EntityKind::Person {
                a.entities[i].role = None;
            }
            true
        }
        Correction::Merge { entity, into } => {
            let (Some(i), Some(j)) = (find(a, entity), find(a, into)) else { return false };
            let gone = a.entities.remove(i);
            let target = &mut a.entities[if j > i { j - 1 } else { j }];
            target.mentions.extend(gone.mentions);
            target.mentions.sort_unstable_by_key(|m| (m.start, m.end));
            target.mentions.dedup();
            for n in std::iter::once(gone.name).chain(gone.aliases) {
                if n != target.name && !target.aliases.contains(&n) {
                    target.aliases.push(n);
                }
            }
            target.salience += gone.salience;
            true
        }
        Correction::Split { entity, start } => {
            let Some(i) = find(a, entity) else { return false };
            let Some(byte) = map.from_code_points(*start) else { return false };
            let Some(k) = a.entities[i].mentions.iter().position(|m| m.start == byte) else { return false };
            if a.entities[i].mentions.len() < 2 {
                return false; // nothing to split off: rename or retype it instead
            }
            let m: ByteSpan = a.entities[i].mentions.remove(k);
            let name = m.of(text).trim().to_owned();
            let base = slug(&name);
            let id = (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|id| find(a, id).is_none()).unwrap_or(base);
            let kind = a.entities[i].kind;
            a.entities.push(Entity { id, name, aliases: Vec::new(), kind, role: None, salience: 0.0, mentions: vec![m], country: None });
            true
        }
        Correction::Redate { timex, value } => {
            let Some(t) = a.timexes.iter_mut().find(|t| &t.id == timex) else { return false };
            t.value.clone_from(value);
            t.end_value = None;
            t.year_inferred = false;
            if !matches!(t.kind, crate::TimexType::Date | crate::TimexType::Time) {
                t.kind = crate::TimexType::Date;
            }
            true
        }
        Correction::Undate { timex } => {
            let before = a.timexes.len();
            a.timexes.retain(|t| &t.id != timex);
            a.timexes.len() < before
        }
        Correction::Remove { entity, .. } => {
            let Some(i) = find(a, entity) else { return false };
            let gone = a.entities.remove(i);
            // A nationality linked to the removed country keeps its mentions, unlinked.
            for e in &mut a.entities {
                if e.country.as_deref() == Some(gone.id.as_str()) {
                    e.country = None;
                }
            }
            true
        }
    }
}
