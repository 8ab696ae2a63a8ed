//! Named entities: candidate names from capitalisation and shape, typed by context cues
//! (titles, honorifics, organisation and place keywords, prepositions) and gazetteers,
//! then merged into entities with all their mentions (surnames, acronyms, aliases,
//! possessives, parts of hyphenated compounds).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::gazetteer::{Gazetteer, Known};
use crate::model::{Entity, EntityKind};
use crate::ner::{BlockHint, DocFeatures, EntityType, NerTag, Tagger};
use crate::span::ByteSpan;
use crate::tokens::{Tok, Token};
use crate::{Article, BlockKind};

/// Closed-class words that are never names on their own and are stripped from the start of a run.
static FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "as",
    "after",
    "before",
    "since",
    "until",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "who",
    "which",
    "whose",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "then",
    "now",
    "also",
    "still",
    "even",
    "just",
    "only",
    "both",
    "all",
    "some",
    "many",
    "most",
    "more",
    "several",
    "each",
    "every",
    "no",
    "not",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "however",
    "meanwhile",
    "although",
    "though",
    "despite",
    "during",
    "under",
    "over",
    "about",
    "against",
    "between",
    "among",
    "into",
    "through",
    "without",
    "within",
    "according",
    "instead",
    "thus",
    "therefore",
    "indeed",
    "yes",
    "mr",
    "according",
    "once",
    "one",
    "two",
    "three",
    "another",
    "other",
    "such",
    "last",
    "next",
    "first",
    "second",
    "former",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "why",
    "because",
    "unlike",
    "like",
    "amid",
    "whether",
    "again",
    "always",
    "never",
    "perhaps",
    "maybe",
    "well",
    "why",
    "let",
    "please",
    "dear",
    "photo",
    "file",
    "editor",
    "note",
    "updated",
    "read",
    "see",
];

/// Capitalised words of posts, titles or roles, not names. The department words that join
/// them ("Foreign", "Health") are [`DEPARTMENTS`]; [`is_title_word`] asks both.
static TITLE_WORDS: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Councilor",
    "Councillor",
    "Chancellor",
    "Premier",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "General",
    "Gen.",
    "Admiral",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Chief",
    "Executive",
    "Officer",
    "Director",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Professor",
    "Prof.",
    "Judge",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Deputy",
    "Assistant",
    "Commissioner",
    "Leader",
    "Speaker",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Editor",
    "Founder",
    "Co-founder",
    "Analyst",
    "Economist",
    "Coach",
    "Bishop",
    "Cardinal",
    "Sheikh",
    "Emir",
    "Sultan",
    "Attorney",
    "Senior",
    "Managing",
    "Operating",
    "Director-General",
    "Secretary-General",
    "President-elect",
    "Lawmaker",
    "Congressman",
    "Congresswoman",
    "MP",
    "Commander",
    "Marshal",
    "Major",
];

/// Role words that name a department, not a post: alone they are no role ("Defense Review").
static DEPARTMENTS: &[&str] = &[
    "Defense",
    "Defence",
    "Finance",
    "Interior",
    "Trade",
    "Foreign",
    "State",
    "Health",
    "Economy",
    "Agriculture",
    "Education",
    "Transport",
    "Energy",
    "Commerce",
    "Labor",
    "Labour",
    "Home",
    "Treasury",
    "Justice",
    "Technology",
    "Marketing",
    "Communications",
    "Financial",
    "Affairs",
    "Homeland",
];

/// Currencies written as names or codes: not organisations or places.
static CURRENCIES: &[&str] = &[
    "RMB", "CNY", "USD", "EUR", "GBP", "JPY", "RUB", "INR", "CHF", "CAD", "AUD", "HKD", "KRW", "BRL", "ZAR", "MXN", "TRY", "SEK", "NOK", "DKK", "SGD", "NZD",
    "Renminbi", "Yuan", "Euro", "Ruble", "Rouble", "Rupee", "Yen", "Peso",
];

/// Honorifics: mark the following name as a person, not part of the name or role.
static HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Madam"];

static ORG_WORDS: &[&str] = &[
    "Dynamics",
    "Solutions",
    "Logistics",
    "Robotics",
    "Pharma",
    "Therapeutics",
    "Biosciences",
    "Semiconductor",
    "Semiconductors",
    "Software",
    "Networks",
    "Instruments",
    "Foods",
    "Brands",
    "Resources",
    "Mining",
    "Steel",
    "Chemicals",
    "Automotive",
    "Aviation",
    "Insurance",
    "Bancorp",
    "Motors",
    "Enterprises",
    "Ventures",
    "Labs",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
    "Co.",
    "Ltd",
    "Ltd.",
    "LLC",
    "PLC",
    "plc",
    "Group",
    "Bank",
    "University",
    "Institute",
    "Ministry",
    "Department",
    "Agency",
    "Council",
    "Committee",
    "Commission",
    "Association",
    "Union",
    "Party",
    "Airlines",
    "Airways",
    "Air",
    "Motors",
    "Foundation",
    "Organization",
    "Organisation",
    "Federation",
    "Authority",
    "Office",
    "Bureau",
    "Court",
    "Parliament",
    "Congress",
    "Senate",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Police",
    "Service",
    "Services",
    "Times",
    "News",
    "Post",
    "Network",
    "Academy",
    "School",
    "College",
    "Center",
    "Centre",
    "Fund",
    "Exchange",
    "Reserve",
    "Board",
    "Administration",
    "Assembly",
    "Holdings",
    "Industries",
    "Systems",
    "Technologies",
    "Laboratories",
    "Labs",
    "Media",
    "Press",
    "Journal",
    "Club",
    "Team",
    "Church",
    "Society",
    "Institution",
    "Trust",
    "Partners",
    "Capital",
    "Securities",
    "Investments",
    "Electric",
    "Energy",
    "Petroleum",
    "Oil",
    "Motor",
    "Aerospace",
    "Telecom",
    "Communications",
    "Pharmaceuticals",
    "Entertainment",
    "Studios",
    "Records",
    "Railways",
    "Railway",
    "Shipping",
    "Lines",
    "Cabinet",
    "Government",
    "Secretariat",
    "Tribunal",
    "Guard",
    "Corps",
    "Command",
    "Alliance",
    "Coalition",
    "Front",
    "Movement",
    "Xinhua",
    "Reuters",
    "Agence",
    "Bloomberg",
    "Television",
    "Radio",
    "Broadcasting",
];

static PLACE_WORDS: &[&str] = &[
    "City",
    "River",
    "Mountain",
    "Mountains",
    "Mount",
    "Lake",
    "Island",
    "Islands",
    "Province",
    "Region",
    "County",
    "Street",
    "Square",
    "Airport",
    "Bay",
    "Sea",
    "Ocean",
    "Valley",
    "District",
    "Peninsula",
    "Strait",
    "Gulf",
    "Desert",
    "Coast",
    "Canal",
    "Park",
    "Avenue",
    "Road",
    "Bridge",
    "Harbor",
    "Harbour",
    "Port",
    "Prefecture",
    "Territory",
    "Territories",
    "Oblast",
    "Autonomous",
    "Hills",
    "Plain",
    "Basin",
    "Falls",
    "Beach",
    "Station",
    "Palace",
    "Rift",
    "Glacier",
    "Reef",
    "Canyon",
    "Plateau",
    "Lagoon",
    "Tower",
    "Hall",
];

/// First words of places' names ("Mount Elgon", "Gulf of Aden", "Cape Verde").
static PLACE_HEADS: &[&str] = &["Mount", "Mt.", "Lake", "Port", "Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Cape"];

static EVENT_WORDS: &[&str] = &[
    "War",
    "Olympics",
    "Olympic",
    "Games",
    "Summit",
    "Revolution",
    "Crisis",
    "Election",
    "Elections",
    "Cup",
    "Festival",
    "Conference",
    "Forum",
    "Expo",
    "Championship",
    "Championships",
    "Pandemic",
    "Uprising",
    "Massacre",
    "Spring",
    "Show",
    "Week",
    "Day",
    "Marathon",
    "Tournament",
    "Talks",
    "Dialogue",
    "Congress",
];

/// Lower-case nouns that make a preceding name an event ("COVID-19 pandemic").
static EVENT_NOUNS: &[&str] = &["pandemic", "epidemic", "outbreak", "crisis", "war", "summit", "scandal", "attack", "attacks"];

static WORK_WORDS: &[&str] = &[
    "Treaty",
    "Charter",
    "Act",
    "Agreement",
    "Accord",
    "Accords",
    "Convention",
    "Declaration",
    "Report",
    "Protocol",
    "Constitution",
    "Resolution",
    "Plan",
    "Initiative",
    "Bill",
    "Law",
    "Strategy",
    "Doctrine",
    "Statement",
    "Manifesto",
    "Directive",
    "Regulation",
    "Code",
    "Pact",
    "Memorandum",
    "Deal",
    "Review",
];

/// Groups that are not nationalities.
static GROUP_NAMES: &[&str] = &[
    "Democrats",
    "Republicans",
    "Conservatives",
    "Liberals",
    "Socialists",
    "Communists",
    "Muslims",
    "Christians",
    "Catholics",
    "Protestants",
    "Jews",
    "Hindus",
    "Buddhists",
    "Sunnis",
    "Shiites",
    "Shia",
    "Sunni",
    "Kurds",
    "Palestinians",
    "Europeans",
    "Africans",
    "Asians",
    "Arabs",
    "Latinos",
    "Westerners",
    "European",
    "African",
    "Asian",
    "Arab",
    "Scandinavian",
    "Kurd",
    "Tamil",
    "Tamils",
    "Pashtun",
    "Pashtuns",
    "Hutu",
    "Hutus",
    "Tutsi",
    "Tutsis",
    "Uighur",
    "Uighurs",
    "Uyghur",
    "Uyghurs",
    "Rohingya",
    "Druze",
    "Alawite",
    "Alawites",
    "Sikh",
    "Sikhs",
    "Shi'ite",
    "Shiite",
    "Yazidi",
    "Yazidis",
    "Berber",
    "Berbers",
    "Bedouin",
    "Bedouins",
    "Maori",
    "Inuit",
    "Zulu",
    "Zulus",
    "Nazis",
    "Fascists",
    "Marxists",
    "Maoists",
    "Islamists",
    "Nationalists",
    "Unionists",
    "Loyalists",
];

/// Religions and belief systems: names of other kinds, never places ("spread Islam to the coast").
static RELIGIONS: &[&str] = &[
    "Islam",
    "Christianity",
    "Judaism",
    "Buddhism",
    "Hinduism",
    "Sikhism",
    "Jainism",
    "Taoism",
    "Daoism",
    "Confucianism",
    "Shinto",
    "Zoroastrianism",
    "Catholicism",
    "Protestantism",
    "Orthodoxy",
    "Anglicanism",
    "Lutheranism",
    "Calvinism",
    "Methodism",
    "Mormonism",
    "Bahaism",
];

/// Words after which a bare name is a place.
/// ("at", "from" and "to" are left out: "workers at Chrysler", "a letter to Ford".)
static PLACE_PREPOSITIONS: &[&str] = &["in", "near", "across", "throughout", "outside", "inside", "around", "into"];

/// Continents and world regions (not in the country/city gazetteers).
static REGION_NAMES: &[&str] = &[
    "Africa",
    "Antarctica",
    "Asia",
    "Europe",
    "Oceania",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Middle East",
    "Far East",
    "Southeast Asia",
    "South Asia",
    "East Asia",
    "Central Asia",
    "Eastern Europe",
    "Western Europe",
    "Scandinavia",
    "Caribbean",
    "Balkans",
    "Sahel",
    "Arctic",
    "Pacific",
    "Atlantic",
    "Mediterranean",
    "Gulf",
    "Asia-Pacific",
    "Indo-Pacific",
    "Sub-Saharan Africa",
    "West Africa",
    "East Africa",
];

/// Lower-case words right before a name that make it an organisation.
static ORG_CUES_BEFORE: &[&str] = &[
    "company",
    "firm",
    "maker",
    "rival",
    "carrier",
    "airline",
    "manufacturer",
    "giant",
    "group",
    "bank",
    "retailer",
    "automaker",
    "insurer",
    "broker",
    "agency",
    "newspaper",
    "network",
    "startup",
    "supplier",
    "subsidiary",
    "conglomerate",
    "unit",
];

/// Words after a name (with or without a possessive) that make it an organisation.
static ORG_CUES_AFTER: &[&str] = &[
    "shares",
    "stock",
    "stocks",
    "shareholders",
    "executives",
    "employees",
    "workers",
    "board",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "plant",
    "plants",
    "factory",
    "factories",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "sales",
    "ceo",
    "chairman",
    "subsidiary",
    "unit",
    "division",
    "headquarters",
    "stores",
    "customers",
    "Inc",
    "Corp",
];

/// Lower-case nouns after a name that make it a person (appositive cue, "X, 45,").
static PERSON_VERBS: &[&str] =
    &["said", "says", "told", "added", "explained", "wrote", "argued", "insisted", "noted", "stressed", "warned", "believes", "thinks"];

/// Nouns that, after a possessive, say its owner is a person ("Navalny's lawyer").
static PERSON_POSSESSIONS: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
    "family",
    "widow",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "arrest",
    "detention",
    "imprisonment",
    "trial",
    "case",
    "death",
    "funeral",
    "poisoning",
    "release",
    "supporters",
    "career",
    "life",
    "birthday",
    "biography",
    "memoir",
    "memoirs",
    "wedding",
];

/// Membership in one of the word lists above, through hash sets built once
/// (a linear scan per token made analysis several times slower).
fn is(list: &'static [&'static str], w: &str) -> bool {
    use std::sync::OnceLock;
    static SETS: OnceLock<HashMap<usize, HashSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [
            FUNCTION_WORDS,
            TITLE_WORDS,
            DEPARTMENTS,
            CURRENCIES,
            HONORIFICS,
            ORG_WORDS,
            PLACE_WORDS,
            EVENT_WORDS,
            EVENT_NOUNS,
            WORK_WORDS,
            GROUP_NAMES,
            PLACE_PREPOSITIONS,
            ORG_CUES_BEFORE,
            ORG_CUES_AFTER,
            PERSON_VERBS,
            MONTHS_AND_DAYS,
            REGION_NAMES,
            RELIGIONS,
            PLACE_HEADS,
            PERSON_POSSESSIONS,
            NOT_NAMES,
            DISEASES,
        ]
        .into_iter()
        .map(|l| (l.as_ptr() as usize, l.iter().copied().collect()))
        .collect()
    });
    match sets.get(&(list.as_ptr() as usize)) {
        Some(set) => set.contains(w),
        None => list.contains(&w),
    }
}

/// A currency's name, singular or plural ("RMB", "Euro", "Euros").
fn is_currency(w: &str) -> bool {
    is(CURRENCIES, w) || w.strip_suffix('s').is_some_and(|one| is(CURRENCIES, one))
}

/// A word of a role: a post ([`TITLE_WORDS`]) or a department ([`DEPARTMENTS`]), as in
/// "Foreign Minister", "Health Secretary".
fn is_title_word(w: &str) -> bool {
    is(TITLE_WORDS, w) || is(DEPARTMENTS, w)
}

/// An organisation, work, event, place or title keyword ("Bank", "Treaty", "War", "River", "President").
fn is_keyword(w: &str) -> bool {
    [ORG_WORDS, WORK_WORDS, EVENT_WORDS, PLACE_WORDS, TITLE_WORDS, DEPARTMENTS].iter().any(|l| is(l, w))
}

/// A name candidate in one sentence.
#[derive(Clone, Debug)]
struct Cand {
    span: ByteSpan,
    /// The name as written, without a possessive.
    name: String,
    kind: Option<EntityKind>,
    /// Gazetteer canonical name (country, organisation) when known.
    canonical: Option<String>,
    /// A role that precedes the name.
    role: Option<String>,
    /// Weak: sentence-initial single word or headline case, kept only if it matches a strong name.
    weak: bool,
    /// A demonym's country.
    country: Option<String>,
    /// The candidate is an acronym in parentheses right after another name.
    paren_alias_of: Option<ByteSpan>,
    /// Weight for salience.
    weight: f32,
    /// The trained tagger's type for exactly this span, when it found one.
    model: Option<EntityType>,
    /// Made from a tagger span that no rule proposed (its kind is then the tagger's).
    from_model: bool,
    /// The rules' kind comes from a gazetteer, a keyword, a title or a cue word, not from a guess.
    strong: bool,
    /// The rules are sure of the extent, not of the kind: the tagger's type for the same
    /// extent wins ("House of Representatives" as an organisation, against "X of Y" names
    /// being of another kind).
    open_kind: bool,
}

impl Cand {
    /// A candidate at `span` with nothing known of it yet; the other fields are set by name
    /// (`Cand { kind: ..., ..Cand::new(span, name, weight) }`).
    fn new(span: ByteSpan, name: String, weight: f32) -> Cand {
        Cand {
            span,
            name,
            kind: None,
            canonical: None,
            role: None,
            weak: false,
            country: None,
            paren_alias_of: None,
            weight,
            model: None,
            from_model: false,
            strong: false,
            open_kind: false,
        }
    }
}

fn name_token(t: &Token<'_>) -> bool {
    t.kind == Tok::Word
        && (t.is_capitalised()
            || t.text.chars().next().is_some_and(|c| c.is_alphabetic())
                && t.text.chars().any(char::is_uppercase)
                && t.text.chars().skip(1).any(char::is_uppercase))
}

static MONTHS_AND_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Slug of a name: lower-case letters and digits joined by hyphens (entity ids, file names).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() && c != '.' && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

fn initials(name: &str) -> String {
    name.split([' ', '-']).filter(|w| w.chars().next().is_some_and(char::is_uppercase)).filter_map(|w| w.chars().next()).collect()
}

struct Sent<'a, 't> {
    toks: &'a [Token<'t>],
    headline: bool,
    weight: f32,
    /// What the whole document says about capitalised words.
    casing: &'a Casing<'t>,
}

/// Document-wide evidence about capitalised words, gathered before candidates are
/// read: a word capitalised only at sentence starts is probably a common word there.
#[derive(Default)]
struct Casing<'t> {
    /// Capitalised word → times it is written capitalised away from a sentence start.
    mid: HashMap<&'t str, u32>,
    /// Capitalised word → times it begins a run of capitalised words away from a sentence start.
    run_start: HashMap<&'t str, u32>,
}

impl<'t> Casing<'t> {
    fn add_sentence(&mut self, toks: &[Token<'t>]) {
        let first_word = toks.iter().position(|t| t.kind != Tok::Punct).unwrap_or(0);
        for (i, t) in toks.iter().enumerate().skip(first_word + 1) {
            if t.kind == Tok::Word && t.is_capitalised() {
                *self.mid.entry(t.text).or_insert(0) += 1;
                if !toks.get(i.wrapping_sub(1)).is_some_and(name_token) {
                    *self.run_start.entry(t.text).or_insert(0) += 1;
                }
            }
        }
    }
    fn mid(&self, w: &str) -> u32 {
        self.mid.get(w).copied().unwrap_or(0)
    }
    fn starts_runs(&self, w: &str) -> bool {
        self.run_start.get(w).is_some_and(|&n| n > 0)
    }
}

impl Sent<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }
    fn lw(&self, i: usize) -> String {
        self.w(i).to_lowercase()
    }
}

/// One capitalised run of a sentence as the candidate passes narrow it down: the run grown
/// over tokens `start..end`, and the name inside it, tokens `a..b`, after its role (titles and
/// honorifics, tokens `role_start..a`) and trailing function words are cut.
#[derive(Clone, Copy, Debug)]
struct Run {
    end: usize,
    a: usize,
    b: usize,
    role_start: usize,
    /// "Mr.", "Dr.": the name is a person's.
    honorific: bool,
    /// "Prime Minister of Canada": the role belongs to an unnamed person; the name after "of"
    /// is an organisation or place.
    role_of: bool,
}

/// Find candidate names in one sentence: each capitalised run is grown, cut before a title
/// that follows a name, stripped of its role, then typed; the passes below, in that order.
fn candidates(text: &str, s: &Sent<'_, '_>, g: &Gazetteer, out: &mut Vec<Cand>) {
    let toks = s.toks;
    let n = toks.len();
    // Index of the first word (after opening quotes/brackets): sentence-initial capitals are weak.
    let first_word = toks.iter().position(|t| t.kind != Tok::Punct).unwrap_or(0);
    let mut i = 0;
    while i < n {
        if !name_token(&toks[i]) {
            i += 1;
            continue;
        }
        let run = strip_role(s, g, i, end_before_title(s, g, i, grow_run(s, g, i)), first_word);
        role_mentions(s, g, &run, out);
        i = run.end.max(i + 1);
        if run.a >= run.b || not_a_name(s, &run) {
            continue;
        }
        let mut cand = new_cand(text, s, &run, first_word);
        type_from_gazetteer(g, &mut cand);
        if let Some(end) = model_number_product(text, s, &run, &mut cand) {
            i = i.max(end);
        }
        // Rules typed it from a gazetteer, a keyword, a title or a cue word (strong), or only
        // guessed from its shape and place (weak: the tagger's reading of the context wins).
        let strong = if cand.kind.is_none() {
            let (kind, strong) = type_by_rules(text, s, g, &run, first_word, &mut cand);
            cand.kind = kind;
            strong
        } else {
            true
        };
        cand.strong = strong && cand.kind.is_some();
        paren_acronym(s, &run, out, &mut cand);
        if hyphen_parts(s, g, &run, &cand, out) {
            continue;
        }
        out.push(cand);
    }
}

/// What the gazetteer knows the words of `toks` as, written with single spaces ("Bosnia and
/// Herzegovina").
fn lookup_words<'g>(g: &'g Gazetteer, toks: &[Token<'_>]) -> Option<&'g Known> {
    g.lookup(&toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

/// Grow a run of name tokens from `i`: through name glue ("of", "de", "&"), "of the", and
/// "and" inside a name that ends in an organisation or work keyword. A hyphenated compound
/// of names ("China-Russia") is a run of its own. Returns the run's end.
fn grow_run(s: &Sent<'_, '_>, g: &Gazetteer, i: usize) -> usize {
    let toks = s.toks;
    let n = toks.len();
    let mut j = i + 1;
    while j < n && !names_joined(toks[i].text, g, s.casing) {
        if names_joined(toks[j].text, g, s.casing) {
            break;
        }
        if name_token(&toks[j]) {
            j += 1;
            continue;
        }
        let w = toks[j].text;
        let next_is_name = toks.get(j + 1).is_some_and(name_token);
        // "Anthony Rees of the Daily Post": a person's full name does not run on through "of".
        let person_so_far = j - i >= 2
            && g.is_first_name(toks[i].text)
            && !toks[i..j].iter().any(|t| is_title_word(t.text) || [ORG_WORDS, PLACE_WORDS, WORK_WORDS, EVENT_WORDS].iter().any(|l| is(l, t.text)));
        if person_so_far && matches!(w, "of" | "for" | "on") {
            break;
        }
        // "left Brasilia for Sao Paulo": a place is no name that runs on through "for".
        let place_so_far = w == "for" && matches!(lookup_words(g, &toks[i..j]), Some(Known::Country(_) | Known::Place));
        if matches!(w, "of" | "for" | "de" | "da" | "del" | "van" | "von" | "der" | "al" | "bin" | "du" | "la" | "le" | "on" | "&")
            && next_is_name
            && !place_so_far
        {
            j += 2;
            continue;
        }
        // Two particles: "Ursula von der Leyen", "Ana de la Cruz", "Rik van den Berg".
        if matches!(w, "von" | "van" | "de" | "da" | "di" | "du" | "del" | "della" | "dos" | "das" | "do")
            && toks.get(j + 1).is_some_and(|t| matches!(t.text, "der" | "den" | "de" | "la" | "le" | "los" | "las" | "del" | "da" | "di" | "des"))
            && toks.get(j + 2).is_some_and(name_token)
        {
            j += 3;
            continue;
        }
        if matches!(w, "of" | "for" | "on") && toks.get(j + 1).is_some_and(|t| t.text == "the") && toks.get(j + 2).is_some_and(name_token) {
            j += 3;
            continue;
        }
        // "New People's Army", "the U.N. Children's Fund": the possessive of a plural noun of
        // people inside a name belongs to it.
        if matches!(w, "'s" | "’s") && next_is_name && matches!(toks[j - 1].text, "People" | "Children" | "Women" | "Men" | "Workers") {
            j += 2;
            continue;
        }
        if w == "and" && next_is_name {
            // Only inside a name that ends in an organisation/work keyword:
            // "Treaty of Good-Neighborliness and Friendly Cooperation", "Defence and Space Company".
            let mut k = j + 1;
            while k < n && name_token(&toks[k]) {
                k += 1;
            }
            // "Bosnia and Herzegovina", "Trinidad and Tobago": a gazetteer name with "and".
            if matches!(lookup_words(g, &toks[i..k]), Some(Known::Country(_) | Known::Place | Known::Organization(_))) {
                j = k;
                continue;
            }
            let before_has = toks[i..j].iter().any(|t| is(WORK_WORDS, t.text) || is(ORG_WORDS, t.text) && t.text != "Air");
            let after_ends = is(ORG_WORDS, toks[k - 1].text) || is(WORK_WORDS, toks[k - 1].text);
            let has_person_title = toks[i..j].iter().any(|t| is_title_word(t.text));
            // "Chinese State Councilor and Foreign Minister Wang Yi": one role of two titles.
            let all_role = toks[i..j].iter().all(|t| is_title_word(t.text) || matches!(g.lookup(t.text), Some(Known::Demonym(_) | Known::Country(_))));
            if all_role && toks[j + 1..k].iter().any(|t| is_title_word(t.text)) {
                j = k;
                continue;
            }
            if (before_has || after_ends) && !has_person_title && !toks[i..j].iter().all(|t| g.lookup(t.text).is_some()) {
                j = k;
                continue;
            }
        }
        break;
    }
    j
}

/// Where a run ends when a title follows a name in it ("Apple Computer CEO Steve Jobs").
fn end_before_title(s: &Sent<'_, '_>, g: &Gazetteer, i: usize, j: usize) -> usize {
    let toks = s.toks;
    let mut run_end = j;
    // "Apple Computer CEO Steve Jobs": a title after a name that is not itself a title,
    // a nationality or a country ends that name (an organisation); the title starts the
    // next run, where it becomes the person's role.
    if let Some(t) = (i + 1..run_end).find(|&t| {
        is_title_word(toks[t].text)
                && !is(DEPARTMENTS, toks[t].text)
                && !is_title_word(toks[t - 1].text)
                && !matches!(toks[t - 1].text, "of" | "and" | "the" | "for")
                && toks[i..t].iter().any(|x| {
                    !is_title_word(x.text) && !is(FUNCTION_WORDS, &x.lower()) && !matches!(g.lookup(x.text), Some(Known::Demonym(_) | Known::Country(_)))
                })
                // "World Health Organization", "Finance Ministry": the title word is part of a name.
                && ![ORG_WORDS, WORK_WORDS, EVENT_WORDS, PLACE_WORDS].iter().any(|l| is(l, toks[run_end - 1].text))
    }) {
        run_end = t;
    }
    run_end
}

/// The name inside the run `i..run_end`: leading function words, honorifics and titles are
/// cut (titles become the role), and trailing function words, months and days.
fn strip_role(s: &Sent<'_, '_>, g: &Gazetteer, i: usize, run_end: usize, first_word: usize) -> Run {
    let toks = s.toks;
    let mut a = i;
    let mut honorific = false;
    while a < run_end && is(FUNCTION_WORDS, &s.lw(a)) && !toks[a].is_all_caps() && !(a + 1 < run_end && s.w(a) == "The" && a > i) {
        a += 1;
    }
    let mut role_start = a;
    while a < run_end {
        let w = s.w(a);
        if is(HONORIFICS, w) {
            honorific = true;
            a += 1;
        } else if is_title_word(w)
            || (a + 1 < run_end
                && matches!(g.lookup(w), Some(Known::Demonym(_) | Known::Country(_)))
                && toks[a + 1..run_end].iter().any(|t| is_title_word(t.text)))
            || (matches!(w, "of" | "and" | "the" | "for") && a > role_start && toks[a + 1..run_end].iter().any(|t| is_title_word(t.text)))
        {
            a += 1;
        } else {
            break;
        }
    }
    // "Vice Chairman of Chrysler", "Prime Minister of Canada": the role belongs to an unnamed
    // person; what follows "of" is the organisation or place, not a person's name.
    let mut role_of = false;
    while a < run_end && a > role_start && matches!(s.w(a), "of" | "the" | "for" | "and" | "at") {
        a += 1;
        role_of = true;
    }
    // "Shares of Kestrel Holdings": a sentence-initial common word joined by "of" is not part of the name.
    if a == first_word && a + 2 < run_end && matches!(s.w(a + 1), "of" | "for" | "on") {
        let w = s.w(a);
        if !is_keyword(w) && g.lookup(w).is_none() {
            a += 2;
            // "Members of the Kestrel Harbour Board": the article is not the name's either.
            if a + 1 < run_end && s.w(a) == "the" {
                a += 1;
            }
            role_start = a;
        }
    }
    // "Actual Airbus employees": a sentence-initial word never capitalised elsewhere,
    // before a word that begins names elsewhere, is a common word, not part of the name.
    if a == first_word && a + 1 < run_end && role_start == a && !honorific {
        let w = s.w(a);
        if !is_keyword(w) && g.lookup(w).is_none() && !g.is_first_name(w) && s.casing.mid(w) == 0 && s.casing.starts_runs(s.w(a + 1)) {
            a += 1;
            role_start = a;
        }
    }
    // "Defense Review": department words alone are no role; they belong to the name.
    if a > role_start && !honorific && toks[role_start..a].iter().all(|t| is(DEPARTMENTS, t.text) || !is_title_word(t.text)) {
        a = role_start;
    }
    // "US Department of Labor": a country or nationality alone is no role.
    if a > role_start && !honorific && !toks[role_start..a].iter().any(|t| is_title_word(t.text)) {
        a = role_start;
    }
    // Organisation names that start with title words ("Foreign Ministry", "General Motors",
    // "State Department") are not a role before a name.
    let rest_is_org = a < run_end && toks[a..run_end].iter().all(|t| is(ORG_WORDS, t.text) || is(FUNCTION_WORDS, &t.lower()));
    if rest_is_org && a > role_start && !honorific {
        a = role_start;
    }
    // Trailing title words never end a name ("Lavrov President" is not a name).
    let mut b = run_end;
    while b > a && (is(FUNCTION_WORDS, &s.lw(b - 1)) && !toks[b - 1].is_all_caps() || is(MONTHS_AND_DAYS, s.w(b - 1))) {
        b -= 1;
    }
    Run { end: run_end, a, b, role_start, honorific, role_of }
}

/// Demonyms and countries inside a role ("Chinese Foreign Minister") are mentions of their own.
fn role_mentions(s: &Sent<'_, '_>, g: &Gazetteer, run: &Run, out: &mut Vec<Cand>) {
    let (toks, a, role_start) = (s.toks, run.a, run.role_start);
    for (k, tok) in toks.iter().enumerate().take(a).skip(role_start) {
        if let Some(Known::Demonym(c)) = g.lookup(s.w(k)) {
            out.push(Cand {
                kind: Some(EntityKind::Group),
                canonical: Some(s.w(k).to_owned()),
                country: Some((*c).to_owned()),
                ..Cand::new(tok.span, s.w(k).to_owned(), s.weight)
            });
        } else if let Some(Known::Country(c)) = g.lookup(s.w(k)) {
            out.push(Cand { kind: Some(EntityKind::Place), canonical: Some((*c).to_owned()), ..Cand::new(toks[k].span, s.w(k).to_owned(), s.weight) });
        }
    }
}

/// Currencies, time zones, months and weekdays alone, and single letters are not names.
fn not_a_name(s: &Sent<'_, '_>, run: &Run) -> bool {
    let (toks, a, b) = (s.toks, run.a, run.b);
    // "US$40", "HK$": a currency, not a place. Time zones are not organisations.
    if b - a == 1
        && (toks.get(b).is_some_and(|t| t.text == "$" && t.span.start == toks[a].span.end)
            || matches!(s.w(a), "UTC" | "GMT" | "EST" | "EDT" | "PST" | "CET" | "BST" | "BJT")
            || is_currency(s.w(a)))
    {
        return true;
    }
    // Months and weekdays alone are dates, not names; single letters are photo
    // positions ("(L)", "(2nd R)") or initials, not names.
    if b - a == 1 && (is(MONTHS_AND_DAYS, s.w(a)) || s.w(a).trim_end_matches('.').chars().count() == 1) {
        return true;
    }
    false
}

/// The candidate for the name of a run, its role and whether it is weak (a headline, or one
/// sentence-initial word).
fn new_cand(text: &str, s: &Sent<'_, '_>, run: &Run, first_word: usize) -> Cand {
    let Run { a, b, role_start, honorific, role_of, .. } = *run;
    let toks = s.toks;
    let role = (a > role_start && !role_of).then(|| ByteSpan::new(toks[role_start].span.start, toks[a - 1].span.end).of(text).to_owned());
    // "UN-based", "United Nations-centered": the name without its lower-case suffix.
    let span = trim_suffix(text, ByteSpan::new(toks[a].span.start, toks[b - 1].span.end));
    let name = span.of(text).to_owned();
    let sentence_initial = a == first_word
        || (a > 0 && toks[a - 1].kind == Tok::Punct && matches!(toks[a - 1].text, "\"" | "“" | "(" | "‘" | "'" | ":" | "—" | "–") && a <= first_word + 2);
    Cand { role, weak: s.headline || (sentence_initial && b - a == 1 && role_start == a && !honorific), ..Cand::new(span, name, s.weight) }
}

/// The gazetteer's type for the candidate's name, when it knows it.
fn type_from_gazetteer(g: &Gazetteer, cand: &mut Cand) {
    let name = cand.name.clone();
    match g.lookup(&name) {
        Some(Known::Country(c)) => {
            cand.kind = Some(EntityKind::Place);
            cand.canonical = Some((*c).to_owned());
        }
        Some(Known::Demonym(c)) => {
            cand.kind = Some(EntityKind::Group);
            cand.country = Some((*c).to_owned());
        }
        Some(Known::Place) => cand.kind = Some(EntityKind::Place),
        Some(Known::Organization(full)) => {
            cand.kind = Some(EntityKind::Organization);
            cand.canonical = Some((*full).to_owned());
        }
        None => {}
    }
}

/// "Boeing 737s", "Airbus A380 jets", "iPhone 4": a name with a model number is a product
/// (the maker alone is an organisation elsewhere). Returns the end of the product's name
/// when it runs past the run.
fn model_number_product(text: &str, s: &Sent<'_, '_>, run: &Run, cand: &mut Cand) -> Option<usize> {
    let (toks, a, b) = (s.toks, run.a, run.b);
    let n = toks.len();
    let span = cand.span;
    // Years are not model numbers.
    let model = |t: &Token<'_>| {
        let digits = t.text.chars().filter(char::is_ascii_digit).count();
        digits > 0
            && t.text.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !(t.kind == Tok::Number && t.text.len() == 4 && matches!(t.text.as_bytes()[0], b'1' | b'2'))
            && (t.kind == Tok::Number || t.text.chars().next().is_some_and(char::is_uppercase))
    };
    let next_is_model = toks.get(b).is_some_and(|t| model(t) && t.span.start == toks[b - 1].span.end + 1);
    if cand.kind != Some(EntityKind::Place) && cand.canonical.is_none() || next_is_model {
        let inner_model = b - a >= 2 && model(&toks[b - 1]) && !toks[a..b - 1].iter().any(model);
        if next_is_model || inner_model {
            let mut end = if next_is_model { b + 1 } else { b };
            while end < n && name_token(&toks[end]) && !is(FUNCTION_WORDS, &toks[end].lower()) {
                end += 1;
            }
            cand.span = ByteSpan::new(span.start, toks[end - 1].span.end);
            cand.name = cand.span.of(text).to_owned();
            cand.kind = Some(EntityKind::Other);
            cand.canonical = None;
            cand.role = None;
            return Some(end);
        }
    }
    None
}

/// The rules' type for a name no gazetteer or model number typed: keywords, titles, cue
/// words around it (sure: `true`), or its shape and place alone (`false`: the tagger's reading
/// of the context then wins).
fn type_by_rules(text: &str, s: &Sent<'_, '_>, g: &Gazetteer, run: &Run, first_word: usize, cand: &mut Cand) -> (Option<EntityKind>, bool) {
    let Run { a, b, role_start, honorific, role_of, .. } = *run;
    let toks = s.toks;
    let span = cand.span;
    let name = cand.name.clone();
    let prev_lower = if role_start > 0 { s.lw(role_start - 1) } else { String::new() };
    let next_lower = s.lw(b);
    let after_possessive = if next_lower == "'s" || next_lower == "’s" { s.lw(b + 1) } else { next_lower.clone() };
    let mut strong = true;
    let words: Vec<&str> = toks[a..b].iter().map(|t| t.text).collect();
    let first = words[0];
    let kind = if role_of {
        // Of a place ("Prime Minister of Canada") the gazetteer has said so above.
        Some(EntityKind::Organization)
    } else if honorific || (a > role_start && cand.role.is_some() && !words.iter().any(|w| is(ORG_WORDS, w))) {
        Some(EntityKind::Person)
    } else if is(REGION_NAMES, &name) {
        Some(EntityKind::Place)
    } else if words.len() == 1 && first.chars().any(|c| c.is_ascii_digit()) && !is(EVENT_NOUNS, &next_lower) {
        // Model codes ("A380", "F-35"): products, not organisations.
        Some(EntityKind::Other)
    } else if words.iter().any(|w| matches!(*w, "Index" | "Average" | "Composite"))
        || matches!(next_lower.as_str(), "index" | "indices" | "indexes" | "average" | "composite")
    {
        // Market indexes ("Nikkei index", "Dow Jones Industrial Average").
        Some(EntityKind::Other)
    } else if words.len() == 1
        && matches!(first, "Christmas" | "Easter" | "Halloween" | "Thanksgiving" | "Ramadan" | "Eid" | "Hanukkah" | "Diwali" | "Passover")
    {
        // A holiday not written as a date ("Christmas sales"): a named event.
        Some(EntityKind::Event)
    } else if words.len() == 2
        && g.is_first_name(first)
        && is(PERSON_VERBS, &next_lower)
        && [ORG_WORDS, PLACE_WORDS, WORK_WORDS].iter().any(|l| is(l, words[1]))
    {
        // "Jim Press said", "Tony Hall added": a given name and a surname that is also a
        // keyword of organisations or places, speaking, is a person.
        strong = false;
        Some(EntityKind::Person)
    } else if work_keyword(&words) {
        Some(EntityKind::Work)
    } else if is(EVENT_NOUNS, &next_lower) && b - a <= 3 && !(b - a == 1 && names_joined(toks[a].text, g, s.casing)) {
        // "COVID-19 pandemic": the noun belongs to the event's name.
        let end = toks[b].span.end;
        cand.span = ByteSpan::new(span.start, end);
        cand.name = cand.span.of(text).to_owned();
        Some(EntityKind::Event)
    } else if event_name(&words) {
        Some(EntityKind::Event)
    } else if words.iter().any(|w| is(ORG_WORDS, w) || w.rsplit_once('-').is_some_and(|(_, p)| is(ORG_WORDS, p))) {
        // "Harrow Bank", "MGIMO-University".
        Some(EntityKind::Organization)
    } else if words.iter().skip(1).any(|w| is(PLACE_WORDS, w)) || is(PLACE_HEADS, first) && words.len() > 1 {
        Some(EntityKind::Place)
    } else if words.len() == 1 && is(GROUP_NAMES, first) {
        Some(EntityKind::Group)
    } else if words.len() == 1 && is(RELIGIONS, first) {
        Some(EntityKind::Other)
    } else if words.len() == 1 && first == "West" && prev_lower == "the" {
        cand.span = ByteSpan::new(toks[role_start - 1].span.start, span.end);
        cand.name = cand.span.of(text).to_owned();
        Some(EntityKind::Group)
    } else if words.len() == 1 && toks[a].is_all_caps() && first.chars().filter(|c| c.is_alphabetic()).count() <= 6 {
        // An unknown acronym: an organisation unless the gazetteer says otherwise.
        {
            strong = false;
            Some(EntityKind::Organization)
        }
    } else if words.len() >= 2
                && words.len() <= 4
                && g.is_first_name(first)
                // "Mac OS X": an acronym or a one-letter last word is no person's name.
                && !words.iter().any(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
                && words.last().is_some_and(|w| w.trim_end_matches('.').chars().count() >= 2)
    {
        {
            strong = false;
            Some(EntityKind::Person)
        }
    } else if is(ORG_CUES_BEFORE, &prev_lower)
        || is(ORG_CUES_AFTER, &after_possessive)
        || prev_lower == "in"
            && role_start >= 2
            && matches!(
                s.lw(role_start - 2).as_str(),
                "stake" | "stakes" | "shares" | "investment" | "investments" | "interest" | "holding" | "holdings" | "share" | "jobs" | "job"
            )
        // "the founder of Alibaba", "a subsidiary of Kestrel": what these belong to is a company.
        || prev_lower == "of"
            && role_start >= 2
            && matches!(
                s.lw(role_start - 2).as_str(),
                "founder" | "co-founder" | "cofounder" | "subsidiary" | "unit" | "division" | "shareholders" | "shareholder" | "employees" | "owner" | "owners"
            )
    {
        Some(EntityKind::Organization)
    } else if words.len() == 1
        && toks.get(b).is_some_and(|t| t.kind == Tok::Word && !t.is_capitalised() && !is(FUNCTION_WORDS, &t.lower()))
        && ["an", "ese", "ish", "ic", "ian", "ist"].iter().any(|suf| first.ends_with(suf))
    {
        // An adjective of a people, a region or a movement ("Eurasian diplomacy", "Islamist
        // fighters").
        {
            strong = false;
            Some(EntityKind::Group)
        }
    } else if is(PLACE_PREPOSITIONS, &prev_lower)
        && words.len() <= 3
        && !toks.get(b).is_some_and(|t| t.kind == Tok::Word && !t.is_capitalised() && !is(FUNCTION_WORDS, &t.lower()))
    {
        {
            strong = false;
            Some(EntityKind::Place)
        }
    } else if words.len() >= 3
        && a > first_word
        && matches!(words[1], "of" | "for")
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "of" | "for" | "the"))
    {
        // "Power of Siberia" in running text: one name (its last word alone is another), of
        // another kind unless the tagger reads a name with "of" as a whole as a person,
        // organisation or place ("House of Representatives", "Voice of America"); a name with
        // "for" is a title's ("Vision for Space Exploration").
        cand.open_kind = words[1] == "of";
        Some(EntityKind::Other)
    } else if words.iter().any(|w| w.chars().next().is_some_and(char::is_lowercase)) {
        // "iPhone", "eBay": a product or brand. A name in product case ("iPod",
        // "iTunes Store") that does not speak or act as a company ("eBay said") is a
        // product, whatever the tagger's vote.
        strong = product_case(first)
            && !g.is_company(&cand.name.to_lowercase())
            && !text[..span.start].ends_with(['@', '#'])
            && !is(PERSON_VERBS, &next_lower)
            && !is(ORG_CUES_AFTER, &after_possessive);
        Some(EntityKind::Other)
    } else if (2..=3).contains(&words.len())
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
        && is(PERSON_VERBS, &next_lower)
    {
        {
            strong = false;
            Some(EntityKind::Person)
        }
    } else if words.len() == 1 && !cand.weak {
        // An unknown single name in running text (not a place, not a known person's
        // surname; both are settled when mentions merge): most often an organisation.
        {
            strong = false;
            Some(EntityKind::Organization)
        }
    } else {
        None
    };
    (kind, strong)
}

/// "(EADS)" right after a name is that name's acronym.
fn paren_acronym(s: &Sent<'_, '_>, run: &Run, out: &[Cand], cand: &mut Cand) {
    let (toks, a, b) = (s.toks, run.a, run.b);
    if b - a == 1 && a > 0 && s.w(a - 1) == "(" && s.w(b) == ")" && toks[a].is_all_caps() {
        if let Some(prev) = out.last() {
            if prev.span.end + 3 >= toks[a - 1].span.start && initials(&prev.name).len() >= 2 {
                cand.paren_alias_of = Some(prev.span);
                cand.kind = prev.kind;
            }
        }
    }
}

/// Hyphenated compounds of known names ("China-Russia", "Lavrov-Wang"): each part a mention
/// (pushed to `out`; returns true, and the compound itself is no candidate).
fn hyphen_parts(s: &Sent<'_, '_>, g: &Gazetteer, run: &Run, cand: &Cand, out: &mut Vec<Cand>) -> bool {
    let (toks, a, b) = (s.toks, run.a, run.b);
    if b - a == 1 && toks[a].text.contains('-') && cand.kind != Some(EntityKind::Event) {
        let mut off = toks[a].span.start;
        let mut parts = Vec::new();
        for part in toks[a].text.split('-') {
            let ps = ByteSpan::new(off, off + part.len());
            off += part.len() + 1;
            if part.chars().next().is_some_and(char::is_uppercase) {
                parts.push((ps, part));
            }
        }
        if names_joined(toks[a].text, g, s.casing) {
            for (ps, part) in parts {
                let known = g.lookup(part).cloned();
                out.push(Cand {
                    kind: match &known {
                        Some(Known::Country(_)) | Some(Known::Place) => Some(EntityKind::Place),
                        Some(Known::Organization(_)) => Some(EntityKind::Organization),
                        Some(Known::Demonym(_)) => Some(EntityKind::Group),
                        None => None,
                    },
                    canonical: match known {
                        Some(Known::Country(c)) | Some(Known::Organization(c)) => Some(c.to_owned()),
                        _ => None,
                    },
                    weak: true,
                    ..Cand::new(ps, part.to_owned(), s.weight)
                });
            }
            return true;
        }
    }
    false
}

/// A hyphenated word made of names that stand on their own (known, or written alone
/// elsewhere in the document): "China-Russia", "Lavrov-Wang", but not "Wal-Mart",
/// "Rolls-Royce" or "COVID-19".
fn names_joined(word: &str, g: &Gazetteer, casing: &Casing<'_>) -> bool {
    let mut n = 0;
    for part in word.split('-') {
        if !part.chars().next().is_some_and(char::is_uppercase) || g.lookup(part).is_none() && casing.mid(part) == 0 {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// A growing entity.
struct Group {
    kind: Option<EntityKind>,
    names: Vec<String>,
    canonical: Option<String>,
    role: Option<String>,
    mentions: Vec<ByteSpan>,
    weight: f32,
    country: Option<String>,
}

impl Group {
    /// A new entity with no mentions yet, with what its first name says of it.
    fn new(canonical: Option<String>, country: Option<String>) -> Group {
        Group { kind: None, names: Vec::new(), canonical, role: None, mentions: Vec::new(), weight: 0.0, country }
    }
}

/// Find the entities of an analysed article, given the tokens of each of its sentences.
pub(crate) fn find(text: &str, article: &Article, sentence_tokens: &[Vec<Token<'_>>], timexes: &[crate::Timex]) -> Vec<Entity> {
    let g = Gazetteer::get();
    let mut cands: Vec<Cand> = Vec::new();
    let mut casing = Casing::default();
    for toks in sentence_tokens {
        casing.add_sentence(toks);
    }
    // The trained tagger reads every sentence with what the whole document says about its words.
    let hint_of = |block: usize| match article.blocks.get(block).map(|b| b.kind) {
        Some(BlockKind::Title) => BlockHint::Headline,
        Some(BlockKind::Caption) => BlockHint::Caption,
        Some(BlockKind::Byline | BlockKind::Dateline | BlockKind::Chrome) => BlockHint::Byline,
        _ => BlockHint::Body,
    };
    let mut doc = DocFeatures::builder();
    let mut words: Vec<&str> = Vec::new();
    for (s, toks) in article.sentences.iter().zip(sentence_tokens) {
        words.clear();
        words.extend(toks.iter().map(|t| t.text));
        doc.add_sentence(&words, hint_of(s.block));
    }
    let doc = doc.finish();
    let mut tagger = Tagger::new();
    let mut tags: Vec<NerTag> = Vec::new();
    let mut found: Vec<(ByteSpan, EntityType)> = Vec::new();
    for (s, toks) in article.sentences.iter().zip(sentence_tokens) {
        let Some(block) = article.blocks.get(s.block) else { continue };
        let word_toks: Vec<&Token<'_>> = toks.iter().filter(|t| t.kind == Tok::Word).collect();
        let caps = word_toks.iter().filter(|t| t.is_capitalised()).count();
        let headline = block.kind == BlockKind::Title && word_toks.len() >= 3 && caps * 10 >= word_toks.len() * 6;
        let weight = match block.kind {
            BlockKind::Title => 3.0,
            BlockKind::Caption | BlockKind::Note => 1.0,
            _ if s.block <= first_paragraph(article) => 2.0,
            _ => 1.0,
        };
        let from = cands.len();
        let sent = Sent { toks, headline, weight, casing: &casing };
        candidates(text, &sent, g, &mut cands);
        words.clear();
        words.extend(toks.iter().map(|t| t.text));
        tagger.tag(&words, &doc, hint_of(s.block), &mut tags);
        found.clear();
        found.extend(crate::ner::spans(&tags).into_iter().map(|m| (ByteSpan::new(toks[m.start].span.start, toks[m.end - 1].span.end), m.kind)));
        reconcile(text, &sent, &found, &mut cands, from, g);
    }
    // Bylines: each author is a person.
    for b in article.blocks.iter().filter(|b| b.kind == BlockKind::Byline) {
        for name in &article.meta.authors {
            if let Some(pos) = b.span.of(text).find(name.as_str()) {
                let span = ByteSpan::new(b.span.start + pos, b.span.start + pos + name.len());
                cands.push(Cand { kind: Some(EntityKind::Person), role: Some("Author".to_owned()), ..Cand::new(span, name.clone(), 1.0) });
            }
        }
    }
    // A photo credit ("/Xinhua", "/Reuters") names an agency: an organisation.
    for b in article.blocks.iter().filter(|b| b.kind == BlockKind::Caption && b.duplicate_of.is_none()) {
        if let Some(credit) = b.credit.filter(|c| c.of(text).chars().next().is_some_and(char::is_uppercase)) {
            let name = credit.of(text).to_owned();
            let canonical = match g.lookup(&name) {
                Some(Known::Organization(full)) => Some((*full).to_owned()),
                _ => None,
            };
            cands.push(Cand { kind: Some(EntityKind::Organization), canonical, strong: true, ..Cand::new(credit, name, 0.5) });
        }
    }
    cands.sort_by_key(|c| c.span.start);
    // A name wholly inside a time expression is part of a date ("Christmas", "New Year's Day").
    let mut dated: Vec<ByteSpan> = timexes.iter().map(|t| t.span).collect();
    dated.sort();
    cands.retain(|c| {
        let k = dated.partition_point(|t| t.start <= c.span.start);
        !(k > 0 && dated[k - 1].end >= c.span.end)
    });
    // Mentions never share characters: of two overlapping candidates, the one the rules or the
    // tagger are surer of stays (not weak, then the longer).
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        match kept.last() {
            Some(p) if p.span.end > c.span.start => {
                let better = |x: &Cand| (!x.weak, x.span.len());
                if better(&c) > better(p) {
                    kept.pop();
                    kept.push(c);
                }
            }
            _ => kept.push(c),
        }
    }
    merge(text, split_coordinated(text, kept, g))
}

/// "Airbus and Boeing", "Sky and Astra": a name read across one "and" is two names when each
/// side is a name on its own, named alone elsewhere in the document or known to the gazetteer
/// as a country, place, organisation or company (or one side is, and the other ends in a
/// keyword: "Federal Reserve and Goldman Sachs"), and the whole is not ("Bosnia and
/// Herzegovina"). Names that only hold together ("Procter and Gamble", "Centers for Disease
/// Control and Prevention", "Johnson and Johnson") keep their "and". Linear: one set of the
/// document's names, then one look at each candidate.
fn split_coordinated(text: &str, cands: Vec<Cand>, g: &Gazetteer) -> Vec<Cand> {
    const AND: &str = " and ";
    if !cands.iter().any(|c| c.name.contains(AND)) {
        return cands;
    }
    let alone: HashSet<&str> = cands.iter().filter(|c| !c.weak && !c.name.contains(AND)).map(|c| c.name.as_str()).collect();
    let known = |name: &str| matches!(g.lookup(name), Some(Known::Country(_) | Known::Place | Known::Organization(_))) || g.is_company(&name.to_lowercase());
    let named = |side: &str| side.chars().next().is_some_and(char::is_uppercase) && (alone.contains(side) || known(side));
    // A name of two words or more that ends in a keyword is whole on its own ("Federal
    // Reserve"): beside a name known on its own ("Goldman Sachs"), the two are two names.
    let keyword_named = |side: &str| {
        side.chars().next().is_some_and(char::is_uppercase)
            && side.split_whitespace().count() >= 2
            && side.split_whitespace().last().is_some_and(|w| [ORG_WORDS, PLACE_WORDS, WORK_WORDS].iter().any(|l| is(l, w)))
    };
    let mut out = Vec::with_capacity(cands.len() + 1);
    for c in &cands {
        let at = c.name.find(AND).filter(|&p| c.name.matches(AND).count() == 1 && c.span.of(text).get(p..p + AND.len()) == Some(AND));
        let Some(p) = at else {
            out.push(c.clone());
            continue;
        };
        let (left, right) = (&c.name[..p], &c.name[p + AND.len()..]);
        let two = named(left) && (named(right) || keyword_named(right)) || named(right) && keyword_named(left);
        if left == right || known(&c.name) || !two || c.paren_alias_of.is_some() {
            out.push(c.clone());
            continue;
        }
        let start_right = c.span.start + p + AND.len();
        let base = Cand { canonical: None, ..c.clone() };
        out.push(Cand { span: ByteSpan::new(c.span.start, c.span.start + p), name: left.to_owned(), role: c.role.clone(), ..base.clone() });
        out.push(Cand { span: ByteSpan::new(start_right, c.span.end), name: right.to_owned(), role: None, ..base });
    }
    out
}

/// Degrees the tagger may read as names ("an M.A.").
static NOT_NAMES: &[&str] = &["M.A.", "B.A.", "M.Sc.", "B.Sc.", "Ph.D.", "PhD", "MBA", "LL.B.", "LL.M.", "J.D.", "M.D."];
/// Diseases known by a short name: other names, not organisations.
static DISEASES: &[&str] = &["AIDS", "HIV", "SARS", "MERS", "Ebola", "Zika", "COVID", "H1N1", "H5N1"];

/// The tagger's spans made tidy before they meet the rules: quotes at their ends go; "Mount
/// Kilimanjaro and Mount Kenya" (the same first word again after "and") is two names, and so
/// is "Brasilia for Sao Paulo" (a place before "for"); degrees are no names, and diseases are
/// other names; a person read as two around particles is one ("Ursula von der Leyen").
fn tidy_tagger_spans(s: &Sent<'_, '_>, found: &[(ByteSpan, EntityType)], g: &Gazetteer) -> Vec<(ByteSpan, EntityType)> {
    let quote = |t: &Token<'_>| t.kind == Tok::Punct && matches!(t.text, "\"" | "“" | "”" | "'" | "‘" | "’");
    let mut out = Vec::with_capacity(found.len());
    for &(m, kind) in found {
        let (Some(mut a), mut b) = (token_at(s.toks, m.start), s.toks.partition_point(|t| t.span.start < m.end)) else {
            out.push((m, kind));
            continue;
        };
        while a < b && quote(&s.toks[a]) {
            a += 1;
        }
        while b > a && quote(&s.toks[b - 1]) {
            b -= 1;
        }
        if a == b {
            continue;
        }
        let toks = &s.toks[a..b];
        if toks.len() == 1 && is(NOT_NAMES, toks[0].text) {
            continue;
        }
        let kind = if toks.len() == 1 && is(DISEASES, toks[0].text) { EntityType::Misc } else { kind };
        let span = |x: usize, y: usize| ByteSpan::new(s.toks[x].span.start, s.toks[y - 1].span.end);
        // "left Brasilia for Sao Paulo": a place is no name that runs on through "for".
        let place = |x: &[Token<'_>]| matches!(lookup_words(g, x), Some(Known::Country(_) | Known::Place));
        if let Some(j) = toks.iter().position(|t| t.text == "for").filter(|&j| j >= 1 && j + 1 < toks.len() && place(&toks[..j])) {
            out.push((span(a, a + j), EntityType::Loc));
            out.push((span(a + j + 1, b), if place(&toks[j + 1..]) { EntityType::Loc } else { kind }));
            continue;
        }
        match toks.iter().position(|t| t.text == "and").filter(|&j| j >= 1 && toks.get(j + 1).is_some_and(|n| n.text == toks[0].text) && j + 2 < toks.len()) {
            Some(j) => {
                let kind = if is(PLACE_WORDS, toks[0].text) || is(PLACE_HEADS, toks[0].text) { EntityType::Loc } else { kind };
                out.push((span(a, a + j), kind));
                out.push((span(a + j + 1, b), kind));
            }
            None => out.push((span(a, b), kind)),
        }
    }
    // "Ursula von der Leyen", "Ana de la Cruz": a person's name read as two around its
    // particles is one.
    let particle = |t: &Token<'_>| matches!(t.text, "von" | "van" | "der" | "den" | "de" | "la" | "le" | "da" | "di" | "du" | "del" | "della" | "dos" | "das");
    let mut joined: Vec<(ByteSpan, EntityType)> = Vec::with_capacity(out.len());
    for (m, kind) in out {
        if let Some(last) = joined.last_mut().filter(|(p, k)| *k == EntityType::Per && kind == EntityType::Per && p.end < m.start) {
            // The tokens between, by binary search (a long sentence stays linear).
            let (from, to) = (s.toks.partition_point(|t| t.span.start < last.0.end), s.toks.partition_point(|t| t.span.start < m.start));
            let between = &s.toks[from..to.max(from)];
            if (1..=2).contains(&between.len()) && between.iter().all(particle) {
                last.0 = ByteSpan::new(last.0.start, m.end);
                continue;
            }
        }
        joined.push((m, kind));
    }
    joined
}

/// The trained tagger decides where names are and what type they are; the rules' candidates
/// of one sentence (`cands[from..]`) keep what the tagger cannot give: roles, gazetteer
/// canonical names, fine types (groups, events, works), the parts of hyphenated compounds and
/// acronyms in parentheses.
///
/// - A candidate on exactly a tagger span takes the tagger's type as its evidence.
/// - A tagger span with no such candidate becomes a candidate of its own, unless the rules
///   split it into the parts of a hyphenated compound ("China-Russia"), which stay.
/// - A candidate that crosses a tagger span, or that the tagger did not find, is dropped,
///   unless the rules are sure of it: a gazetteer name, a demonym, a person by honorific or
///   role, an acronym in parentheses, a weak candidate (which only joins names found elsewhere).
fn reconcile(text: &str, s: &Sent<'_, '_>, found: &[(ByteSpan, EntityType)], cands: &mut Vec<Cand>, from: usize, g: &Gazetteer) {
    let found = tidy_tagger_spans(s, found, g);
    // "Angry Brannock workers": a sentence-initial word never capitalised elsewhere in the
    // document, and not known as a name, is a common word, not the start of the name.
    let first_word = s.toks.iter().position(|t| t.kind != Tok::Punct).unwrap_or(0);
    let found: Vec<(ByteSpan, EntityType)> = found
        .iter()
        .map(|&(m, kind)| {
            // "the Dow Jones was down", "the Dax fell": a name right after "the" is no person's,
            // unless it starts with a first name ("the Donald Trump impersonator").
            let after_the = token_at(s.toks, m.start).is_some_and(|k| k > 0 && s.w(k - 1).eq_ignore_ascii_case("the") && !g.is_first_name(s.w(k)));
            let kind = if kind == EntityType::Per && after_the { EntityType::Misc } else { kind };
            // "Secretary of State Antony Blinken" read as an organisation from "State": a span
            // that opens with posts or departments and goes on with a given name and more is
            // that person (the posts are the role, below).
            let kind = match token_at(s.toks, m.start) {
                Some(k0) if kind != EntityType::Per => {
                    let end = s.toks.partition_point(|t| t.span.start < m.end);
                    let k = (k0..end).find(|&k| !is_title_word(s.w(k))).unwrap_or(end);
                    if k > k0 && k + 1 < end && g.is_first_name(s.w(k)) {
                        EntityType::Per
                    } else {
                        kind
                    }
                }
                _ => kind,
            };
            // "sanctions over Navalny's case": a single unknown name whose possession is a
            // person's (a lawyer, a trial, a death) is a person, whatever the tagger read; so is
            // one that names an administration ("the Bush administration"; a country's, "the
            // Kenya administration", is known to the gazetteer).
            let kind = match token_at(s.toks, m.start) {
                Some(k)
                    if matches!(kind, EntityType::Loc | EntityType::Org)
                        && s.toks[k].span.end == m.end
                        && g.lookup(s.w(k)).is_none()
                        && (kind == EntityType::Loc && matches!(s.w(k + 1), "'s" | "’s") && is(PERSON_POSSESSIONS, &s.lw(k + 2))
                            || s.w(k + 1) == "administration") =>
                {
                    EntityType::Per
                }
                _ => kind,
            };
            // "Councilor Meng Haoran": titles and honorifics before a name are its role.
            let mut m = m;
            while let Some(k) = token_at(s.toks, m.start).filter(|_| kind == EntityType::Per) {
                match s.toks.get(k + 1) {
                    Some(next) if next.span.end <= m.end && (is_title_word(s.w(k)) || is(HONORIFICS, s.w(k))) => m = ByteSpan::new(next.span.start, m.end),
                    _ => break,
                }
            }
            let Some(t0) = s.toks.get(first_word).filter(|t| t.span.start == m.start) else { return (m, kind) };
            let w = t0.text;
            match s.toks.get(first_word + 1) {
                Some(t1)
                    if t1.span.end <= m.end
                        && s.casing.mid(w) == 0
                        && s.casing.starts_runs(t1.text)
                        && g.lookup(w).is_none()
                        && !g.is_first_name(w)
                        && !is_keyword(w) =>
                {
                    (ByteSpan::new(t1.span.start, m.end), kind)
                }
                // "Shares of Kestrel Holdings fell": the common word and its "of" are not the name.
                Some(t1)
                    if matches!(t1.text, "of" | "for")
                        && s.toks.get(first_word + 2).is_some_and(|t2| t2.span.end <= m.end && t2.is_capitalised())
                        && s.casing.mid(w) == 0
                        && g.lookup(w).is_none()
                        && !g.is_first_name(w)
                        && !is_keyword(w) =>
                {
                    (ByteSpan::new(s.toks[first_word + 2].span.start, m.end), kind)
                }
                _ => (m, kind),
            }
        })
        .collect();
    let found = &found[..];
    let mut covered = vec![false; found.len()];
    let mut keep = vec![true; cands.len() - from];
    for (k, c) in cands[from..].iter_mut().enumerate() {
        let near = overlapping(found, c.span);
        let overlapping = (!near.is_empty()).then_some(near.start);
        match overlapping {
            Some(i) if found[i].0 == c.span || found[i].0 == trim_possessive(text, c.span) => {
                covered[i] = true;
                c.model = Some(found[i].1);
                c.weak &= s.headline || found[i].1 == EntityType::Misc && lone_opener(s, c.span, g);
            }
            // A part of a hyphenated word, split by the rules ("China" of "China-Russia"); a
            // tagger span reaching past the word still holds a name after it (below).
            Some(i)
                if s.toks
                    .get(s.toks.partition_point(|t| t.span.end <= c.span.start))
                    .is_some_and(|t| t.span.contains(c.span) && t.span != c.span && t.text.contains('-')) =>
            {
                let word = s.toks[s.toks.partition_point(|t| t.span.end <= c.span.start)].span;
                covered[i] |= found[i].0.contains(c.span) && found[i].0.end <= word.end;
            }
            // A name the rules typed by a keyword or a model number that holds the tagger's
            // spans here and no "and" ("Dow Jones Industrial Average", "Boeing 787 Dreamliner",
            // "Chinese Foreign Ministry"): the rules' extent and type stand.
            // Unless the tagger reads a person there, named with the organisation or a post
            // ("Basile Casmoussa of the Syrian Catholic Church", "White House Communications
            // Director Dan Bartlett"): a person is no part of an organisation's name.
            Some(_)
                if c.strong
                    && !c.weak
                    && !c.name.contains(" and ")
                    && !c.name.contains(" & ")
                    && { found[near.clone()].iter().all(|(m, _)| c.span.contains(*m) && *m != c.span) }
                    && !found[near.clone()].iter().any(|&(m, kind)| kind == EntityType::Per && person_in_org_run(s, c.span, m)) =>
            {
                for j in near.clone() {
                    covered[j] = true;
                }
            }
            // The tagger drew other bounds here: its extent wins over the rules', unless the
            // gazetteer knows the rules' name as written.
            Some(_) => keep[k] = c.weak || c.paren_alias_of.is_some() || c.canonical.is_some() && c.model.is_none(),
            // The tagger found no name here: the rules' name only joins a name found elsewhere
            // ("The Strider" after "Corvane 818 Strider"), unless the rules are sure of it.
            // One word the rules typed by itself being a keyword ("Trust me"), or opening the
            // sentence ("Nice and quiet"), is not sure enough against the tagger's silence.
            None => {
                let one = token_at(s.toks, c.span.start).filter(|&k| s.toks[k].span.end == c.span.end);
                let bare = one.is_some_and(|k| k == first_word || [ORG_WORDS, PLACE_WORDS, EVENT_WORDS].iter().any(|l| is(l, s.toks[k].text)));
                let sure = c.canonical.is_some() || c.country.is_some() || c.strong && !bare;
                c.weak |= !(c.paren_alias_of.is_some() || sure);
                // A place name that is also a common word, opening a sentence where the tagger
                // (which knows how the document writes the word elsewhere) finds no name: "Nice
                // people, I hear", "Reading is fun". The common word.
                let opener = one == Some(first_word) && !s.headline;
                if opener && c.kind == Some(EntityKind::Place) && c.canonical.is_none() && c.country.is_none() && c.paren_alias_of.is_none() {
                    keep[k] = false;
                }
            }
        }
    }
    // Only this sentence's candidates are touched (a retain over all of them made long
    // documents quadratic).
    let mut tail = cands.split_off(from);
    let mut k = 0;
    tail.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    cands.append(&mut tail);
    // This sentence's candidates by position, for the lookups below.
    let mut mine: Vec<(ByteSpan, (bool, bool))> = cands[from..].iter().map(|c| (c.span, (c.weak, c.canonical.is_some()))).collect();
    mine.sort_by_key(|(m, _)| (m.start, m.end));
    let same = |mine: &[(ByteSpan, (bool, bool))], span: ByteSpan| mine.binary_search_by_key(&(span.start, span.end), |(m, _)| (m.start, m.end)).is_ok();
    for (i, &(span, kind)) in found.iter().enumerate() {
        if covered[i] || same(&mine, span) {
            continue;
        }
        let mut span = trim_suffix(text, span);
        // Rules kept gazetteer names that overlap: they win over the tagger's extent, and what
        // the tagger's span holds after them is a name of its own ("China-U.S. Alaska talks":
        // China, the U.S., and Alaska). Candidates are sorted by start; one that starts a
        // little before may still reach in.
        let k = mine.partition_point(|(m, _)| m.start < span.start).saturating_sub(4);
        let known_end = mine[k..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .filter(|(m, (weak, known))| span.start < m.end && !weak && *known)
            .map(|(m, _)| m.end)
            .max();
        // The rules split a hyphenated word at the span's start into names of their own.
        let split_word = token_at(s.toks, span.start).map(|k| s.toks[k].span).filter(|w| {
            // `mine` is sorted by start: only the candidates that start inside the word.
            let from = mine.partition_point(|(m, _)| m.start < w.start);
            w.end < span.end && w.of(text).contains('-') && mine[from..].iter().take_while(|(m, _)| m.start < w.end).any(|(m, _)| w.contains(*m) && *m != *w)
        });
        if let Some(cut) = known_end.into_iter().chain(split_word.map(|w| w.end)).max() {
            let next = s.toks.partition_point(|t| t.span.start < cut);
            match s.toks.get(next) {
                Some(t) if t.span.start < span.end && t.kind == Tok::Word && t.is_capitalised() => span = ByteSpan::new(t.span.start, span.end),
                _ => continue,
            }
        }
        let first = token_at(s.toks, span.start).unwrap_or(0);
        let last = s.toks.partition_point(|t| t.span.start < span.end).saturating_sub(1).max(first);
        // Titles alone ("State Councilor") and currencies ("RMB", the "US" of "US$40") are not names.
        let inside = &s.toks[first..=last.max(first)];
        let currency_prefix = s.toks.get(last + 1).is_some_and(|t| t.text == "$" && t.span.start == span.end);
        if span.is_empty()
            || currency_prefix
            || inside.iter().all(|t| is_title_word(t.text) || is(HONORIFICS, t.text) || is(FUNCTION_WORDS, &t.lower()) || t.kind == Tok::Punct)
            || inside.len() == 1 && is_currency(inside[0].text)
            || same(&mine, span)
        {
            continue;
        }
        let name = span.of(text).to_owned();
        let known = g.lookup(&name).cloned();
        let role = role_before(text, s, first);
        cands.push(Cand {
            span,
            name: name.clone(),
            kind: fine_kind(&name, s, last, known.as_ref()).or(match &known {
                Some(Known::Country(_) | Known::Place) => Some(EntityKind::Place),
                Some(Known::Organization(_)) => Some(EntityKind::Organization),
                _ => Some(coarse_kind(kind)),
            }),
            canonical: match &known {
                Some(Known::Country(c)) | Some(Known::Organization(c)) => Some((*c).to_owned()),
                _ => None,
            },
            role: role.filter(|_| kind == EntityType::Per),
            weak: s.headline || kind == EntityType::Misc && lone_opener(s, span, g),
            country: match &known {
                Some(Known::Demonym(c)) => Some((*c).to_owned()),
                _ => None,
            },
            paren_alias_of: None,
            weight: s.weight,
            model: Some(kind),
            from_model: known.is_none(),
            strong: known.is_some() || is(RELIGIONS, &name) || is(GROUP_NAMES, &name),
            open_kind: false,
        });
    }
    cands[from..].sort_by_key(|c| c.span.start);
}

/// Whether a name of two words or more is an event's: it holds an event's word ("Summit",
/// "Games", "Congress") and does not end in an organisation's ("Election Commission",
/// "Olympic Committee", "U.S. Congress": the last word of a name is its head).
fn event_name(words: &[&str]) -> bool {
    words.len() >= 2 && words.iter().any(|w| is(EVENT_WORDS, w)) && !words.last().is_some_and(|w| is(ORG_WORDS, w))
}

/// Whether the tagger's person `m`, inside the rules' organisation `run`, is a person named
/// with it: "of" follows the person inside the run, or a post's word comes right before it;
/// and the person's name does not end in an organisation's word ("Louisville Assembly of ...").
fn person_in_org_run(s: &Sent<'_, '_>, run: ByteSpan, m: ByteSpan) -> bool {
    let after = s.toks.partition_point(|t| t.span.start < m.end);
    if after.checked_sub(1).is_some_and(|k| is(ORG_WORDS, s.toks[k].text)) {
        return false;
    }
    let of_after = s.toks.get(after).is_some_and(|t| t.span.end <= run.end && t.text == "of");
    let before = token_at(s.toks, m.start).and_then(|k| k.checked_sub(1));
    let post_before = before.is_some_and(|k| s.toks[k].span.start >= run.start && is_title_word(s.toks[k].text));
    of_after || post_before
}

/// One word that opens its sentence, never written capitalised elsewhere in the document and
/// unknown to the gazetteer ("Cranes stand idle..."): the tagger's "other name" alone does not
/// make it a name (its people, organisations and places at a sentence start are mostly right).
fn lone_opener(s: &Sent<'_, '_>, span: ByteSpan, g: &Gazetteer) -> bool {
    let first_word = s.toks.iter().position(|t| t.kind != Tok::Punct).unwrap_or(0);
    s.toks.get(first_word).is_some_and(|t| t.span == span && s.casing.mid(t.text) == 0 && g.lookup(t.text).is_none() && !t.is_all_caps())
}

/// The index of the token of `toks` (sorted by position) that starts at `byte`, if any.
fn token_at(toks: &[Token<'_>], byte: usize) -> Option<usize> {
    let k = toks.partition_point(|t| t.span.start < byte);
    toks.get(k).filter(|t| t.span.start == byte).map(|_| k)
}

/// The indices of the spans of `spans` (sorted by start, disjoint) that overlap `span`.
fn overlapping<T>(spans: &[(ByteSpan, T)], span: ByteSpan) -> std::ops::Range<usize> {
    let a = spans.partition_point(|(m, _)| m.end <= span.start);
    let b = a + spans[a..].partition_point(|(m, _)| m.start < span.end);
    a..b
}

/// `span` without a lower-case suffix joined by a hyphen: "UN-based" → "UN",
/// "Nations-centered" → "Nations". A name that is all lower-case after its first hyphen
/// keeps nothing but its head.
fn trim_suffix(text: &str, span: ByteSpan) -> ByteSpan {
    let s = span.of(text);
    let last_word = s.rfind(' ').map_or(0, |i| i + 1);
    let word = &s[last_word..];
    if let Some(h) = word.find('-') {
        let (head, tail) = (&word[..h], &word[h + 1..]);
        if head.chars().next().is_some_and(char::is_uppercase) && !tail.is_empty() && tail.chars().all(|c| c.is_lowercase() || c == '-') {
            return ByteSpan::new(span.start, span.start + last_word + h);
        }
    }
    span
}

/// `span` without a final possessive "'s".
fn trim_possessive(text: &str, span: ByteSpan) -> ByteSpan {
    let s = span.of(text);
    for p in ["'s", "’s"] {
        if s.ends_with(p) {
            return ByteSpan::new(span.start, span.end - p.len());
        }
    }
    span
}

/// The title words right before token `first` ("Foreign Minister" of "Foreign Minister Wang Yi").
fn role_before(text: &str, s: &Sent<'_, '_>, first: usize) -> Option<String> {
    let mut a = first;
    while a > 0 && (is_title_word(s.w(a - 1)) || a >= 2 && matches!(s.w(a - 1), "and" | "of") && is_title_word(s.w(a - 2))) {
        a -= 1;
    }
    while a < first && !is_title_word(s.w(a)) {
        a += 1;
    }
    (a < first).then(|| ByteSpan::new(s.toks[a].span.start, s.toks[first - 1].span.end).of(text).to_owned())
}

/// A word in product case: one or two lower-case letters, then a capitalised word ("iPod",
/// "eBook", "iTunes"; not "macOS", "hPa" or a code such as "hSrCCL").
fn product_case(w: &str) -> bool {
    let lower = w.chars().take_while(char::is_ascii_lowercase).count();
    let mut rest = w[lower..].chars();
    (1..=2).contains(&lower) && rest.next().is_some_and(|c| c.is_ascii_uppercase()) && {
        let tail: Vec<char> = rest.collect();
        tail.len() >= 2 && tail.iter().all(char::is_ascii_lowercase)
    }
}

/// Whether `words` name a work by its keyword ("Patriot Act", "Clean Air Bill", "Treaty of
/// Versailles", "Bill of Rights"): the keyword comes after the name's first word, or opens it
/// before "of", "on" or "for", or is the whole name. A keyword opening a name before another
/// name is a given name or a surname ("Bill Clinton", "Law Siu-fai").
fn work_keyword(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| is(WORK_WORDS, w) && (i > 0 || words.len() == 1 || matches!(words.get(1), Some(&("of" | "on" | "for")))))
}

/// The fine type the rules give a name the tagger found (groups, events, works, products);
/// `None` leaves the tagger's type.
fn fine_kind(name: &str, s: &Sent<'_, '_>, last: usize, known: Option<&Known>) -> Option<EntityKind> {
    if let Some(Known::Demonym(_)) = known {
        return Some(EntityKind::Group);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let next = s.lw(last + 1);
    if work_keyword(&words) {
        Some(EntityKind::Work)
    } else if words.iter().any(|w| matches!(*w, "Index" | "Average" | "Composite"))
        || matches!(next.as_str(), "index" | "indices" | "indexes" | "average" | "composite")
    {
        // Market indexes ("Nikkei index", "Dow Jones Industrial Average").
        Some(EntityKind::Other)
    } else if event_name(&words) || is(EVENT_NOUNS, &next) && words.len() <= 3 {
        Some(EntityKind::Event)
    } else if words.len() == 1 && is(GROUP_NAMES, words[0]) {
        Some(EntityKind::Group)
    } else if words.len() == 1 && is(RELIGIONS, words[0]) {
        Some(EntityKind::Other)
    } else {
        None
    }
}

/// The entity kind of a tagger type.
fn coarse_kind(t: EntityType) -> EntityKind {
    match t {
        EntityType::Per => EntityKind::Person,
        EntityType::Org => EntityKind::Organization,
        EntityType::Loc => EntityKind::Place,
        EntityType::Misc => EntityKind::Other,
    }
}

/// The tagger's vote for a candidate's kind: the rules' fine types (group, event, work,
/// product) and gazetteer places stand; otherwise the tagger's coarse type.
fn model_kind(c: &Cand) -> Option<EntityKind> {
    // Only a fine type the rules are sure of (a keyword, a demonym) takes the tagger's vote.
    let fine = matches!(c.kind, Some(EntityKind::Group | EntityKind::Event | EntityKind::Work | EntityKind::Other))
        && (c.strong && !c.open_kind || c.country.is_some());
    match c.model {
        None => None,
        Some(_) if fine => c.kind,
        Some(EntityType::Per) => Some(EntityKind::Person),
        Some(EntityType::Org) if c.kind == Some(EntityKind::Place) && c.canonical.is_some() => Some(EntityKind::Place),
        Some(EntityType::Org) => Some(EntityKind::Organization),
        Some(EntityType::Loc) => Some(EntityKind::Place),
        Some(EntityType::Misc) => Some(EntityKind::Other),
    }
}

/// The weight of the tagger's type for one mention in the vote over an entity's mentions
/// (a rules' guess from shape counts 1 to 3, their keyword or cue evidence this much more).
const MODEL_WEIGHT: f32 = 2.0;

fn first_paragraph(article: &Article) -> usize {
    article.blocks.iter().position(|b| b.kind == BlockKind::Paragraph).unwrap_or(usize::MAX)
}

/// The state of merging candidates into entities: which entity (group) each candidate joins,
/// which candidates are shortened forms of a longer name (the tagger's type of those does not
/// count), and votes for a group's kind beyond its mentions' own.
struct Merging<'c> {
    cands: &'c [Cand],
    groups: Vec<Group>,
    group_of_cand: Vec<Option<usize>>,
    shortened: Vec<bool>,
    extra_votes: Vec<(usize, EntityKind)>,
}

/// The key that makes two candidates one entity: the gazetteer's canonical name, else the
/// name without dots ("U.S." and "US").
fn merge_key(c: &Cand) -> String {
    c.canonical.clone().unwrap_or_else(|| c.name.replace('.', ""))
}

/// Merge the candidates into entities, in passes: strong names define entities; short forms
/// (surnames, an organisation's first word, a product's model name, a keyword name's first
/// words) join them; acronyms join their expansions; weak candidates join a same-named entity
/// or go; then each entity's kind is voted and the entities are built.
fn merge(_text: &str, cands: Vec<Cand>) -> Vec<Entity> {
    let mut m =
        Merging { cands: &cands, groups: Vec::new(), group_of_cand: vec![None; cands.len()], shortened: vec![false; cands.len()], extra_votes: Vec::new() };
    m.define_groups();
    m.join_short_forms();
    m.join_acronyms();
    m.join_weak();
    m.vote_kinds();
    m.build()
}

impl Merging<'_> {
    /// Strong candidates with several words or known names define entities.
    fn define_groups(&mut self) {
        let (cands, groups, group_of_cand) = (self.cands, &mut self.groups, &mut self.group_of_cand);
        let mut by_key: HashMap<String, usize> = HashMap::default();
        for (ci, c) in cands.iter().enumerate() {
            if c.weak || c.paren_alias_of.is_some() {
                continue;
            }
            let key = merge_key(c);
            let gi = match by_key.get(&key) {
                Some(&gi) => gi,
                None => {
                    groups.push(Group::new(c.canonical.clone(), c.country.clone()));
                    by_key.insert(key, groups.len() - 1);
                    groups.len() - 1
                }
            };
            group_of_cand[ci] = Some(gi);
        }
    }

    /// Short forms join the entity whose longer name they shorten: a person's surname or other
    /// name part, an organisation's first word, the first words of a keyword-typed name, a
    /// product's model name; a product's first word is its maker.
    fn join_short_forms(&mut self) {
        let g = Gazetteer::get();
        let cands = self.cands;
        let mut cands_of_group: Vec<Vec<usize>> = vec![Vec::new(); self.groups.len()];
        for (ci, g) in self.group_of_cand.iter().enumerate() {
            if let Some(g) = g {
                cands_of_group[*g].push(ci);
            }
        }
        let (group_of_cand, shortened, extra_votes) = (&mut self.group_of_cand, &mut self.shortened, &mut self.extra_votes);
        // Persons: a single word that is part of a multi-word person's name joins that person.
        let person_parts: Vec<(usize, Vec<String>)> = cands_of_group
            .iter()
            .enumerate()
            .filter_map(|(gi, members)| {
                // Persons, and names of unknown type (which may turn out to be persons) made of
                // plain words none of which is a known place, organisation or people
                // ("Ford Australia", "British FTSE" are not persons whose surname is the last word).
                // Nor are names with a lower-case or all-capitals word ("iPhone", "Mac OS X").
                let plain = |n: &str| {
                    n.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-' || c == '\'')
                        && n.split_whitespace().all(|w| {
                            g.lookup(w).is_none()
                                && !is(ORG_WORDS, w)
                                && !is(PLACE_WORDS, w)
                                && w.chars().next().is_some_and(char::is_uppercase)
                                && !(w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
                        })
                };
                let person = members.iter().any(|&ci| cands[ci].kind == Some(EntityKind::Person))
                    || members.iter().all(|&ci| matches!(cands[ci].kind, None | Some(EntityKind::Other)) && plain(&cands[ci].name));
                let multi = members.iter().map(|&ci| &cands[ci].name).find(|n| n.split_whitespace().count() >= 2)?;
                person.then(|| (gi, multi.split_whitespace().map(str::to_owned).collect()))
            })
            .collect();
        // Surname (or any name part) → the persons that carry it.
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_part: HashMap<&str, Vec<usize>> = HashMap::default();
        for (gi, parts) in &person_parts {
            if let Some(l) = parts.last() {
                by_last.entry(l.as_str()).or_default().push(*gi);
            }
            for p in parts {
                let v = by_part.entry(p.as_str()).or_default();
                if !v.contains(gi) {
                    v.push(*gi);
                }
            }
        }
        let surname_owner = |w: &str| -> Option<usize> {
            match by_last.get(w).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => match by_part.get(w).map(Vec::as_slice) {
                    Some([one]) => Some(*one),
                    _ => None,
                },
            }
        };
        // An organisation's first word alone ("Ardwick Motors" … "Ardwick"), when only one has it.
        let mut org_first: HashMap<&str, Option<usize>> = HashMap::default();
        for (gi, members) in cands_of_group.iter().enumerate() {
            for &ci in members {
                let c = &cands[ci];
                if c.kind == Some(EntityKind::Organization) && c.canonical.is_none() && c.name.contains(' ') {
                    if let Some(first) = c.name.split_whitespace().next().filter(|w| {
                        w.chars().all(char::is_alphabetic)
                            && g.lookup(w).is_none()
                            && ![ORG_WORDS, TITLE_WORDS, DEPARTMENTS, PLACE_WORDS, FUNCTION_WORDS, GROUP_NAMES].iter().any(|l| is(l, w))
                    }) {
                        let e = org_first.entry(first).or_insert(Some(gi));
                        if *e != Some(gi) {
                            *e = None;
                        }
                    }
                }
            }
        }
        // The first words of a keyword-typed name with no digits ("Dow Jones" of "Dow Jones
        // Industrial Average") are that name shortened, when only one name starts with them.
        let mut other_prefix: HashMap<String, Option<usize>> = HashMap::default();
        for (gi, members) in cands_of_group.iter().enumerate() {
            for &ci in members {
                let c = &cands[ci];
                if c.kind == Some(EntityKind::Other) && c.strong && !c.name.chars().any(|ch| ch.is_ascii_digit()) {
                    let words: Vec<&str> = c.name.split_whitespace().collect();
                    for k in 2..words.len() {
                        let e = other_prefix.entry(words[..k].join(" ")).or_insert(Some(gi));
                        if *e != Some(gi) {
                            *e = None;
                        }
                    }
                }
            }
        }
        // The tagger read such a shortened form as a name of its own: its type does not count.
        for (ci, c) in cands.iter().enumerate() {
            if let Some(&Some(gi)) = other_prefix.get(c.name.as_str()) {
                if group_of_cand[ci] != Some(gi) && c.role.is_none() && c.canonical.is_none() {
                    group_of_cand[ci] = Some(gi);
                    shortened[ci] = true;
                }
            }
        }
        // A product's model name alone ("Boeing 787 Dreamliner" … "Dreamliner") is that product.
        let mut product_last: HashMap<&str, usize> = HashMap::default();
        // Its first word alone ("Boeing" of "Boeing 787") is its maker, an organisation.
        let mut product_first: HashSet<&str> = HashSet::default();
        for (gi, members) in cands_of_group.iter().enumerate() {
            for &ci in members {
                let c = &cands[ci];
                if c.kind == Some(EntityKind::Other) && c.strong && c.name.contains(' ') && c.name.chars().any(|ch| ch.is_ascii_digit()) {
                    // Not "iPhone" of "iPhone 3G": a maker's name is capitalised.
                    product_first.extend(c.name.split_whitespace().next().filter(|w| w.chars().next().is_some_and(char::is_uppercase)));
                }
                if c.kind == Some(EntityKind::Other) && c.name.contains(' ') {
                    if let Some(last) =
                        c.name.split_whitespace().last().filter(|w| w.chars().all(char::is_alphabetic) && w.chars().next().is_some_and(char::is_uppercase))
                    {
                        product_last.entry(last).or_insert(gi);
                    }
                }
            }
        }
        // A name later shortened to its last word is a person's ("Alexei Navalny" … "Navalny");
        // shortened to its first word, an organisation's ("Lockheed Martin" … "Lockheed").
        for (ci, c) in cands.iter().enumerate() {
            // A gazetteer name ("Australia") is never a person's surname.
            let single = !c.name.contains(' ') && c.canonical.is_none();
            if let (true, Some(gi)) = (single && product_first.contains(c.name.as_str()), group_of_cand[ci]) {
                extra_votes.push((gi, EntityKind::Organization));
                extra_votes.push((gi, EntityKind::Organization));
            }
            if single {
                if let Some(gi) = surname_owner(&c.name) {
                    if group_of_cand[ci] != Some(gi) {
                        group_of_cand[ci] = Some(gi);
                        let is_last = by_last.get(c.name.as_str()).is_some_and(|v| v.contains(&gi));
                        extra_votes.push((gi, if is_last { EntityKind::Person } else { EntityKind::Organization }));
                    }
                } else if let Some(&Some(gi)) = org_first.get(c.name.as_str()) {
                    if group_of_cand[ci] != Some(gi) && c.canonical.is_none() && c.role.is_none() {
                        // "Ford" after "Ford Motor Company": the organisation shortened, whatever
                        // the tagger made of the short form alone.
                        group_of_cand[ci] = Some(gi);
                        shortened[ci] = true;
                        extra_votes.push((gi, EntityKind::Organization));
                    }
                } else if let Some(&gi) = product_last.get(c.name.trim_end_matches('s')).or_else(|| product_last.get(c.name.as_str())) {
                    if group_of_cand[ci] != Some(gi) && c.canonical.is_none() {
                        group_of_cand[ci] = Some(gi);
                        extra_votes.push((gi, EntityKind::Other));
                    }
                }
            }
        }
    }

    /// Acronyms: "UN" joins "United Nations", "(EADS)" joins the name before it.
    fn join_acronyms(&mut self) {
        let (cands, group_of_cand) = (self.cands, &mut self.group_of_cand);
        let multi_names: Vec<(usize, String)> = cands
            .iter()
            .zip(group_of_cand.iter())
            .filter_map(|(c, g)| g.map(|g| (g, c.name.clone())))
            .filter(|(_, n)| n.split_whitespace().count() >= 2)
            .collect();
        // Initials of every multi-word name → the first entity with them (one pass, then lookups).
        let mut by_initials: HashMap<String, usize> = HashMap::default();
        for (g, n) in &multi_names {
            by_initials.entry(initials(n)).or_insert(*g);
        }
        for (ci, c) in cands.iter().enumerate() {
            if let Some(p) = c.paren_alias_of {
                // The name before the parenthesis, found by its span (candidates move and go
                // between their making and here).
                let k = cands.partition_point(|x| x.span.start < p.start);
                group_of_cand[ci] = cands.get(k).filter(|x| x.span == p).and_then(|_| group_of_cand[k]);
                continue;
            }
            let bare: String = c.name.chars().filter(|&ch| ch != '.').collect();
            if bare.len() >= 2 && bare.len() <= 6 && bare.chars().all(|ch| ch.is_uppercase()) && c.canonical.is_none() {
                if let Some(&gi) = by_initials.get(&bare) {
                    group_of_cand[ci] = Some(gi);
                }
            }
        }
    }

    /// Weak candidates join an entity of the same written name, or are dropped (a gazetteer
    /// name, a place or a people still makes an entity of its own).
    fn join_weak(&mut self) {
        let (cands, groups, group_of_cand) = (self.cands, &mut self.groups, &mut self.group_of_cand);
        let mut name_owner: HashMap<String, usize> = HashMap::default();
        for (c, g) in cands.iter().zip(group_of_cand.iter()) {
            if let Some(g) = g {
                name_owner.entry(c.name.clone()).or_insert(*g);
                if let Some(k) = &c.canonical {
                    name_owner.entry(k.clone()).or_insert(*g);
                }
            }
        }
        for (ci, c) in cands.iter().enumerate() {
            if group_of_cand[ci].is_none() {
                let key = merge_key(c);
                if let Some(&gi) = name_owner.get(&c.name).or_else(|| name_owner.get(&key)) {
                    group_of_cand[ci] = Some(gi);
                } else if c.weak && c.canonical.is_some() {
                    // A gazetteer name in a headline or at a sentence start is still that name.
                    groups.push(Group::new(c.canonical.clone(), c.country.clone()));
                    let gi = groups.len() - 1;
                    name_owner.insert(key, gi);
                    group_of_cand[ci] = Some(gi);
                } else if c.weak && matches!(c.kind, Some(EntityKind::Place | EntityKind::Group)) && !c.name.contains('-') {
                    groups.push(Group::new(None, c.country.clone()));
                    let gi = groups.len() - 1;
                    name_owner.insert(c.name.clone(), gi);
                    group_of_cand[ci] = Some(gi);
                }
            }
        }
    }

    /// Fill each group with its mentions, names, role and country, and vote its kind: each
    /// mention's rules and tagger types, and the votes of the short forms.
    fn vote_kinds(&mut self) {
        let (cands, groups, group_of_cand, shortened) = (self.cands, &mut self.groups, &self.group_of_cand, &self.shortened);
        let mut kind_votes: Vec<HashMap<EntityKind, f32>> = vec![HashMap::default(); groups.len()];
        let mut seen_mention: HashSet<ByteSpan> = HashSet::default();
        for (ci, (c, g)) in cands.iter().zip(group_of_cand.iter()).enumerate() {
            let Some(gi) = *g else { continue };
            let grp = &mut groups[gi];
            if seen_mention.insert(c.span) {
                grp.mentions.push(c.span);
                grp.weight += c.weight;
            }
            if grp.names.len() < 16 && !grp.names.contains(&c.name) {
                grp.names.push(c.name.clone());
            }
            if grp.role.is_none() {
                grp.role.clone_from(&c.role);
            }
            if grp.country.is_none() {
                grp.country.clone_from(&c.country);
            }
            if let (Some(k), false) = (c.kind, c.from_model) {
                // Evidence from a full name or a gazetteer counts more than a guess from one word;
                // a keyword, a title or a cue word counts more than the tagger.
                let w = if c.canonical.is_some() || c.role.is_some() {
                    3.0
                } else if c.name.contains(' ') {
                    1.5
                } else {
                    1.0
                };
                let w = if c.strong && !c.open_kind { w + 2.0 * MODEL_WEIGHT } else { w };
                *kind_votes[gi].entry(k).or_insert(0.0) += w;
            }
            // The tagger read the context of this very mention.
            if let Some(k) = model_kind(c).filter(|_| !shortened[ci]) {
                *kind_votes[gi].entry(k).or_insert(0.0) += MODEL_WEIGHT;
            }
        }
        for &(gi, k) in &self.extra_votes {
            *kind_votes[gi].entry(k).or_insert(0.0) += 2.0;
        }
        for (grp, votes) in groups.iter_mut().zip(&kind_votes) {
            grp.kind = votes.iter().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| *k);
        }
    }

    /// The entities, by salience: each named by its canonical or fullest name, with an id
    /// from that name, and demonyms linked to their country's entity.
    fn build(self) -> Vec<Entity> {
        let mut groups = self.groups;
        let max_weight = groups.iter().map(|g| g.weight).fold(0.0_f32, f32::max).max(1.0);
        let mut ids: HashMap<String, usize> = HashMap::default();
        let mut out: Vec<Entity> = Vec::new();
        let mut country_ids: HashMap<String, String> = HashMap::default();
        let mut order: Vec<usize> = (0..groups.len()).filter(|&i| !groups[i].mentions.is_empty()).collect();
        order.sort_by(|&a, &b| groups[b].weight.total_cmp(&groups[a].weight).then(groups[a].mentions[0].cmp(&groups[b].mentions[0])));
        for gi in order {
            let grp = &mut groups[gi];
            grp.mentions.sort();
            let kind = grp.kind.unwrap_or(EntityKind::Other);
            let name =
                grp.canonical.clone().filter(|c| grp.names.contains(c) || kind == EntityKind::Place || kind == EntityKind::Organization).unwrap_or_else(|| {
                    grp.names.iter().max_by_key(|n| (n.chars().filter(|c| c.is_alphabetic()).count(), std::cmp::Reverse(n.len()))).cloned().unwrap_or_default()
                });
            let base = slug(&name);
            let n = ids.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            if kind == EntityKind::Place {
                country_ids.insert(name.clone(), id.clone());
            }
            let mut aliases: Vec<String> = grp.names.iter().filter(|a| **a != name).cloned().collect();
            aliases.sort();
            out.push(Entity {
                id,
                name,
                aliases,
                kind,
                role: grp.role.clone(),
                salience: (grp.weight / max_weight * 1000.0).round() / 1000.0,
                mentions: grp.mentions.clone(),
                country: None,
            });
            // Remember the demonym's country for linking below.
            if let Some(c) = &grp.country {
                if let Some(e) = out.last_mut() {
                    e.country = Some(c.clone());
                }
            }
        }
        // Demonyms link to their country's entity id when the country is mentioned.
        for e in &mut out {
            e.country = e.country.take().and_then(|c| country_ids.get(&c).cloned());
        }
        out
    }
}
