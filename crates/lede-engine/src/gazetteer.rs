//! Lookup tables built once from the generated gazetteer data (`gazetteer_data.rs`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::gazetteer_data as data;

/// What a gazetteer says a name is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Known {
    /// A country; the payload is its common name (canonical).
    Country(&'static str),
    /// A demonym of that country ("Chinese" → "China").
    Demonym(&'static str),
    /// A city or region.
    Place,
    /// An organisation; payload: its full name.
    Organization(&'static str),
}

pub(crate) struct Gazetteer {
    /// Keyed by the exact written form (case-sensitive; acronyms and names are cased).
    names: HashMap<&'static str, Known>,
    first_names: HashSet<&'static str>,
    /// Lower case: evidence for the name tagger only.
    companies: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut names: HashMap<&'static str, Known> = HashMap::default();
        let mut put = |k: &'static str, v: Known| {
            let k = k.trim();
            if !k.is_empty() {
                // Countries win over cities and regions of the same name (Georgia, Mexico).
                match names.get(k) {
                    Some(Known::Country(_)) => {}
                    Some(Known::Organization(_)) if v == Known::Place => {}
                    _ => {
                        names.insert(k, v);
                    }
                }
            }
        };
        for line in data::COUNTRIES.lines() {
            let mut f = line.split('|');
            let name = f.next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            put(name, Known::Country(name));
            for alias in f.next().unwrap_or("").split(';') {
                put(alias, Known::Country(name));
            }
            for dem in f.next().unwrap_or("").split(';') {
                put(dem, Known::Demonym(name));
            }
            if let Some(capital) = f.next() {
                put(capital, Known::Place);
            }
        }
        for table in [data::CITIES, data::REGIONS] {
            for line in table.lines() {
                put(line.split('|').next().unwrap_or(""), Known::Place);
            }
        }
        for line in data::ORGANIZATIONS.lines() {
            let (full, acronym) = line.split_once('|').unwrap_or((line, ""));
            put(full, Known::Organization(full.trim()));
            put(acronym, Known::Organization(full.trim()));
        }
        let first_names = data::FIRST_NAMES.lines().map(str::trim).filter(|s| !s.is_empty()).collect();
        let set = |table: &'static str| table.lines().map(str::trim).filter(|s| !s.is_empty()).collect();
        Gazetteer { names, first_names, companies: set(data::COMPANIES), surnames: set(data::SURNAMES) }
    }

    /// The shared tables (built on first use).
    pub(crate) fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    /// Look up a written name; dotted acronyms are also tried without dots ("U.S." → "US").
    pub(crate) fn lookup(&self, name: &str) -> Option<&Known> {
        self.names.get(name).or_else(|| {
            if name.contains('.') {
                let bare: String = name.chars().filter(|&c| c != '.').collect();
                self.names.get(bare.as_str())
            } else {
                None
            }
        })
    }

    pub(crate) fn is_first_name(&self, w: &str) -> bool {
        self.first_names.contains(w)
    }

    /// Whether `lower` (lower case) names a company, institution or team in the tagger's list.
    pub(crate) fn is_company(&self, lower: &str) -> bool {
        self.companies.contains(lower)
    }

    /// Whether `lower` (lower case) is a family name in the tagger's list.
    pub(crate) fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }
}
