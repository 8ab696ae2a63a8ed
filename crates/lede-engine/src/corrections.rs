//! A reader's corrections to the engine's reading: rename an entity, change its type, merge two
//! entities, split a wrong mention off, say it is no entity at all, add a name the engine
//! missed, give a date another value or say it is not a date, and say what an event was.
//! Corrections are data (kept with the document, exported in `lede/1`), applied after every
//! analysis; one whose target is gone (the text changed) is skipped, never an error.

use serde::{Deserialize, Serialize};

use crate::{entities::slug, events, Annotation, ByteSpan, Entity, EntityKind, OffsetMap};

/// One correction. Offsets are Unicode code points, as everywhere in `lede/1`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase", try_from = "Fields")]
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
    /// A name the engine missed: every mention of it not already part of another name is
    /// marked (joining an entity of that very name, if there is one).
    Add {
        /// The name as written in the text.
        name: String,
        /// `person`, `organization`, `place`, `group`, `event`, `work` or `other`.
        #[serde(rename = "type")]
        kind: String,
    },
    /// Say in other words what an event was (its label on the timeline).
    Relabel {
        /// The id of the time expression that dates the event.
        timex: String,
        /// The new label.
        label: String,
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

/// A correction as written in JSON: `op` and the fields of every kind, read as one flat object
/// and then checked for the fields `op` needs. (Serde's own reading of an internally tagged
/// enum buffers every object first; this is the same format in a third of the viewer's code.)
#[derive(Deserialize)]
struct Fields {
    op: String,
    entity: Option<String>,
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    into: Option<String>,
    start: Option<usize>,
    timex: Option<String>,
    value: Option<String>,
    label: Option<String>,
}

impl TryFrom<Fields> for Correction {
    type Error = String;

    fn try_from(f: Fields) -> Result<Correction, String> {
        fn need<T>(v: Option<T>, field: &str) -> Result<T, String> {
            v.ok_or_else(|| format!("missing field `{field}`"))
        }
        Ok(match f.op.as_str() {
            "rename" => Correction::Rename { entity: need(f.entity, "entity")?, name: need(f.name, "name")? },
            "retype" => Correction::Retype { entity: need(f.entity, "entity")?, kind: need(f.kind, "type")? },
            "merge" => Correction::Merge { entity: need(f.entity, "entity")?, into: need(f.into, "into")? },
            "split" => Correction::Split { entity: need(f.entity, "entity")?, start: need(f.start, "start")? },
            "redate" => Correction::Redate { timex: need(f.timex, "timex")?, value: need(f.value, "value")? },
            "undate" => Correction::Undate { timex: need(f.timex, "timex")? },
            "add" => Correction::Add { name: need(f.name, "name")?, kind: need(f.kind, "type")? },
            "relabel" => Correction::Relabel { timex: need(f.timex, "timex")?, label: need(f.label, "label")? },
            "remove" => Correction::Remove { entity: need(f.entity, "entity")?, name: f.name.unwrap_or_default() },
            other => return Err(format!("unknown correction `{other}`, expected one of rename, retype, merge, split, redate, undate, add, relabel, remove")),
        })
    }
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
            Correction::Add { name, kind } => format!("{name} added as a {kind}"),
            Correction::Relabel { label, .. } => format!("An event relabelled “{label}”"),
        }
    }

    /// Is this correction well formed (a known type, a calendar value, a non-empty name)?
    pub fn check(&self) -> Result<(), String> {
        match self {
            Correction::Rename { name, .. } if name.trim().is_empty() => Err("A name cannot be empty.".to_owned()),
            Correction::Retype { kind, .. } if EntityKind::parse(kind).is_none() => Err(format!("{kind:?} is not an entity type.")),
            Correction::Redate { value, .. } if !is_calendar_value(value) => Err(format!("{value:?} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")),
            Correction::Merge { entity, into } if entity == into => Err("An entity cannot be merged into itself.".to_owned()),
            Correction::Add { name, .. } if name.trim().is_empty() || name.trim().chars().count() > 100 || name.contains(['\n', '\r']) => {
                Err("A name to add is one line of 1 to 100 characters.".to_owned())
            }
            Correction::Add { kind, .. } if EntityKind::parse(kind).is_none() => Err(format!("{kind:?} is not an entity type.")),
            Correction::Relabel { label, .. } if label.trim().is_empty() || label.chars().count() > 200 => Err("A label is 1 to 200 characters.".to_owned()),
            _ => Ok(()),
        }
    }
}

fn is_calendar_value(v: &str) -> bool {
    crate::TimexValue::parse(v).is_plain_date()
}

/// Apply `corrections` in order to `a`, an annotation of `text`; add them to the ones already
/// recorded in `a.corrections`. Returns how many applied (the rest had no target any more).
pub fn apply(text: &str, a: &mut Annotation, corrections: &[Correction]) -> usize {
    let map = OffsetMap::new(text);
    let mut applied = 0;
    let mut rebuild = false;
    for c in corrections.iter().filter(|c| !matches!(c, Correction::Relabel { .. })) {
        if c.check().is_ok() && apply_one(text, &map, a, c) {
            applied += 1;
            rebuild = true;
        }
    }
    if rebuild {
        a.entities.sort_by(|x, y| y.salience.total_cmp(&x.salience));
        a.events = events::find(text, &a.article, &a.timexes, &a.entities, a.reference);
        // Rebuilt events take back the labels the reader gave them earlier.
        let earlier: Vec<Correction> = a.corrections.iter().filter(|c| matches!(c, Correction::Relabel { .. })).cloned().collect();
        for c in &earlier {
            relabel(a, c);
        }
    }
    for c in corrections.iter().filter(|c| matches!(c, Correction::Relabel { .. })) {
        if c.check().is_ok() && relabel(a, c) {
            applied += 1;
        }
    }
    a.corrections.extend_from_slice(corrections);
    applied
}

/// Make the reader's new correction `c` on `a`, an annotation of `text`, or say why it cannot
/// be made: it is ill-formed, a name to add is not free in the text, or its target is gone.
/// On refusal `a` is unchanged.
pub fn make(text: &str, a: &mut Annotation, c: &Correction) -> Result<(), String> {
    c.check()?;
    if let Correction::Add { name, .. } = c {
        if let Some(why) = add_refusal(text, a, name) {
            return Err(why);
        }
    }
    let mut next = a.clone();
    if apply(text, &mut next, std::slice::from_ref(c)) == 0 {
        return Err("That correction no longer applies to this document.".to_owned());
    }
    *a = next;
    Ok(())
}

/// Give the event dated by the correction's time expression its label; whether there was one.
fn relabel(a: &mut Annotation, c: &Correction) -> bool {
    let Correction::Relabel { timex, label } = c else { return false };
    let mut any = false;
    for e in a.events.iter_mut().filter(|e| &e.timex == timex) {
        e.label = label.trim().to_owned();
        any = true;
    }
    any
}

/// The mentions of `name` in `text`: whole-word occurrences not overlapping `taken` (sorted).
fn free_occurrences(text: &str, name: &str, taken: &[ByteSpan]) -> Vec<ByteSpan> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(name) {
        let (s, e) = (from + p, from + p + name.len());
        let k = taken.partition_point(|m| m.end <= s);
        let overlaps = taken.get(k).is_some_and(|m| m.start < e);
        if !word(text[..s].chars().next_back()) && !word(text[e..].chars().next()) && !overlaps {
            out.push(ByteSpan::new(s, e));
        }
        from = s + name.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Why adding `name` would change nothing: every mention of it is part of another name (the
/// message names one), or it is not in the text. `None` when it can be added.
pub fn add_refusal(text: &str, a: &Annotation, name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() || !text.contains(name) {
        return Some(format!("“{name}” is not in the text."));
    }
    let mut taken: Vec<(ByteSpan, &str)> =
        a.entities.iter().filter(|e| e.name != name).flat_map(|e| e.mentions.iter().map(move |m| (*m, e.name.as_str()))).collect();
    taken.sort_unstable_by_key(|(m, _)| (m.start, m.end));
    let spans: Vec<ByteSpan> = taken.iter().map(|(m, _)| *m).collect();
    if !free_occurrences(text, name, &spans).is_empty() {
        return None;
    }
    let p = text.find(name).unwrap_or(0);
    let other = taken.iter().find(|(m, _)| m.start < p + name.len() && p < m.end).map_or("another name", |(_, n)| *n);
    Some(format!("“{name}” overlaps “{other}”, already marked there: remove or split that one first."))
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
            t.value = crate::TimexValue::parse(value);
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
        Correction::Add { name, kind } => {
            let Some(k) = EntityKind::parse(kind) else { return false };
            let name = name.trim();
            let mut taken: Vec<ByteSpan> = a.entities.iter().filter(|e| e.name != name).flat_map(|e| e.mentions.iter().copied()).collect();
            taken.sort_unstable_by_key(|m| (m.start, m.end));
            let found = free_occurrences(text, name, &taken);
            if found.is_empty() {
                return false;
            }
            match find(a, &slug(name)).filter(|&i| a.entities[i].name == name) {
                Some(i) => {
                    let e = &mut a.entities[i];
                    e.kind = k;
                    e.mentions.extend(found);
                    e.mentions.sort_unstable_by_key(|m| (m.start, m.end));
                    e.mentions.dedup();
                }
                None => {
                    let base = slug(name);
                    let id = (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|id| find(a, id).is_none()).unwrap_or(base);
                    // Ranked among the others by its mentions, as the engine ranks names.
                    let salience = (0.05 * found.len() as f32).min(1.0);
                    a.entities.push(Entity { id, name: name.to_owned(), aliases: Vec::new(), kind: k, role: None, salience, mentions: found, country: None });
                }
            }
            true
        }
        Correction::Relabel { .. } => false,
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
