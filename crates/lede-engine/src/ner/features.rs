//! Hashed features of the tokens of a sentence.
//!
//! Every feature is a 32-bit hash of a template id and a value; the model keeps the low
//! `bits` of it as a bucket. Strings are hashed incrementally (FNV-1a over their bytes, or
//! over the UTF-8 of `char::to_lowercase`), so no `String` is built per token or feature.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::gazetteer::{Gazetteer, Known};

use super::{BlockHint, DocFeatures};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Hash of "no word here" (before the sentence start, after its end).
const BOS: u64 = 0x5bd1_e995_0000_0001;
const EOS: u64 = 0x5bd1_e995_0000_0002;

#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

#[inline]
fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = fnv_byte(h, b);
    }
    h
}

#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return fnv_byte(h, c as u8);
    }
    let mut buf = [0u8; 4];
    fnv_bytes(h, c.encode_utf8(&mut buf).as_bytes())
}

/// FNV-1a of the lower-cased text.
fn fnv_lower(mut h: u64, s: &str) -> u64 {
    // The same hash, byte by byte, for ASCII text (most words).
    if s.is_ascii() {
        return s.bytes().fold(h, |h, b| fnv_byte(h, b.to_ascii_lowercase()));
    }
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = fnv_char(h, l);
        }
    }
    h
}

/// A strong 64-bit finaliser (splitmix64).
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The feature hash of template `t` with value `a`.
#[inline]
fn feat(t: u8, a: u64) -> u32 {
    mix(a ^ u64::from(t).wrapping_mul(0x9e37_79b9_7f4a_7c15)) as u32
}

/// The feature hash of template `t` with the ordered pair of values `(a, b)`.
#[inline]
fn feat2(t: u8, a: u64, b: u64) -> u32 {
    feat(t, mix(a).wrapping_add(b.rotate_left(17)))
}

// Token flags.
const INIT_CAP: u32 = 1;
const ALL_CAPS: u32 = 1 << 1;
const HAS_DIGIT: u32 = 1 << 2;
const HAS_HYPHEN: u32 = 1 << 3;
const HAS_DOT: u32 = 1 << 4;
const HAS_APOS: u32 = 1 << 5;
const ALL_DIGIT: u32 = 1 << 6;
const PUNCT: u32 = 1 << 7;
const MIXED_CASE: u32 = 1 << 8;
const TITLE: u32 = 1 << 9;
const FIRST_NAME: u32 = 1 << 10;
const HASHTAG: u32 = 1 << 11;
const MENTION: u32 = 1 << 12;
const URL: u32 = 1 << 13;
const LONG: u32 = 1 << 14;
const HAS_LOWER: u32 = 1 << 15;
const SURNAME: u32 = 1 << 16;
const NFLAGS: u32 = 17;

/// Per-token values computed once per sentence.
#[derive(Clone, Copy, Default)]
struct Tok {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    flags: u32,
    /// Gazetteer matches: bit `kind * 6 + (len - 1) * 2 + (0 for first word, 1 inside)`
    /// (kinds 0-3 from [`kind_code`], 4 for the tagger's company list).
    gaz: u32,
}

/// Title and honorific words (lower case) that precede a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "president",
    "vice",
    "prime",
    "minister",
    "deputy",
    "senator",
    "sen.",
    "general",
    "gen.",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chancellor",
    "secretary",
    "secretary-general",
    "governor",
    "gov.",
    "mayor",
    "judge",
    "justice",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev.",
    "reverend",
    "father",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "lt.",
    "lieutenant",
    "sergeant",
    "sgt.",
    "ambassador",
    "premier",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "archbishop",
    "emperor",
    "sultan",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "commander",
    "admiral",
    "marshal",
    "chairman",
    "chairwoman",
    "ceo",
    "coach",
    "envoy",
    "spokesman",
    "spokeswoman",
    "st.",
    "saint",
    "mullah",
    "imam",
    "rabbi",
    "brother",
    "sister",
    "aunt",
    "uncle",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "former",
    "acting",
    "chief",
];

/// Words that may sit inside a run of title words but not start one ("Secretary of State").
const TITLE_GLUE: &[&str] = &["of", "for", "the"];

/// Whether `w` is a title or honorific ("Mr.", "President", "minister").
pub(crate) fn is_title(w: &str) -> bool {
    // A set, not a scan of the list: this runs for every token the tagger sees.
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    let set = SET.get_or_init(|| TITLES.iter().map(|t| t.to_ascii_lowercase()).collect());
    let mut buf = [0u8; 40];
    w.len() <= 20 && ascii_lower(w, &mut buf).is_some_and(|l| set.contains(l))
}

/// Whether `w` may continue a run of title words.
pub(crate) fn is_title_glue(w: &str) -> bool {
    TITLE_GLUE.iter().any(|t| t.eq_ignore_ascii_case(w))
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

fn token(w: &str, gaz: &Gazetteer) -> Tok {
    let mut t = Tok { word: fnv_bytes(FNV_OFFSET, w.as_bytes()), lower: fnv_lower(FNV_OFFSET, w), ..Tok::default() };
    let (mut shape, mut short) = (FNV_OFFSET, FNV_OFFSET);
    let (mut last, mut run) = ('\0', 0usize);
    let (mut upper, mut lower, mut digits, mut alnum, mut n) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut upper_inside = false;
    for (i, c) in w.chars().enumerate() {
        n += 1;
        let k = shape_class(c);
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
            short = fnv_char(short, k);
        }
        if run <= 4 {
            shape = fnv_char(shape, k);
        }
        if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                t.flags |= INIT_CAP;
            } else {
                upper_inside = true;
            }
        } else if c.is_lowercase() {
            lower += 1;
        }
        if c.is_numeric() {
            digits += 1;
        }
        if c.is_alphanumeric() {
            alnum += 1;
        }
        match c {
            '-' | '‐' | '–' => t.flags |= HAS_HYPHEN,
            '.' => t.flags |= HAS_DOT,
            '\'' | '’' => t.flags |= HAS_APOS,
            _ => {}
        }
    }
    t.shape = shape;
    t.short = short;
    if upper > 0 && lower == 0 {
        t.flags |= ALL_CAPS;
    }
    if lower > 0 {
        t.flags |= HAS_LOWER;
        if upper_inside {
            t.flags |= MIXED_CASE;
        }
    }
    if digits > 0 {
        t.flags |= HAS_DIGIT;
        if digits == alnum {
            t.flags |= ALL_DIGIT;
        }
    }
    if alnum == 0 && n > 0 {
        t.flags |= PUNCT;
    }
    if n > 15 {
        t.flags |= LONG;
    }
    if w.starts_with('#') {
        t.flags |= HASHTAG;
    }
    if w.starts_with('@') {
        t.flags |= MENTION;
    }
    if w.starts_with("http") || w.starts_with("www.") {
        t.flags |= URL;
    }
    if is_title(w) {
        t.flags |= TITLE;
    }
    if t.flags & INIT_CAP != 0 && w.len() <= 40 {
        if gaz.is_first_name(w) {
            t.flags |= FIRST_NAME;
        }
        if lower > 0 && upper == 1 {
            let mut buf = [0u8; 40];
            if let Some(l) = ascii_lower(w, &mut buf) {
                if gaz.is_surname(l) {
                    t.flags |= SURNAME;
                }
            }
        }
    }
    t
}

/// `w` lower-cased into `buf`, when it is ASCII and fits (the gazetteers' lower-case lists
/// are looked up without building a `String`).
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    if !w.is_ascii() || w.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn kind_code(k: &Known) -> u32 {
    match k {
        Known::Country(_) => 0,
        Known::Demonym(_) => 1,
        Known::Place => 2,
        Known::Organization(_) => 3,
    }
}

/// Whether a word may be part of a gazetteer window.
fn window_word(w: &str) -> bool {
    !w.is_empty() && w.len() <= 40 && w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Feature extraction with reusable buffers.
#[derive(Default)]
pub struct Extractor {
    toks: Vec<Tok>,
    /// The lower-cased window for the company list.
    lower: String,
    /// Per token: the capitalised run holding it, as (first index, end index), or none.
    runs: Vec<(u32, u32)>,
    join: String,
}

impl Extractor {
    /// A new extractor (buffers grow on first use and are reused).
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// The feature hashes of every token of `words`, appended to `feats`; the features of
    /// token `i` are `feats[offsets[i]..offsets[i + 1]]` (`offsets` is cleared first and gets
    /// `words.len() + 1` entries; `feats` is cleared too). A model keeps the low bits of each
    /// hash as its bucket.
    pub fn extract<S: AsRef<str>>(&mut self, words: &[S], doc: &DocFeatures, block: BlockHint, feats: &mut Vec<u32>, offsets: &mut Vec<u32>) {
        feats.clear();
        offsets.clear();
        let gaz = Gazetteer::get();
        let n = words.len();
        self.toks.clear();
        self.toks.extend(words.iter().map(|w| token(w.as_ref(), gaz)));
        // Gazetteer windows of 1 to 3 words starting at a capitalised word.
        for i in 0..n {
            let first = words[i].as_ref();
            if self.toks[i].flags & INIT_CAP == 0 || !window_word(first) {
                continue;
            }
            self.join.clear();
            self.lower.clear();
            for len in 1..=3usize.min(n - i) {
                let w = words[i + len - 1].as_ref();
                if len > 1 {
                    if !window_word(w) || w.contains('.') {
                        break;
                    }
                    self.join.push(' ');
                    self.lower.push(' ');
                }
                self.join.push_str(w);
                self.lower.extend(w.chars().flat_map(char::to_lowercase));
                let mut mark = |kind: u32| {
                    let base = kind * 6 + (len as u32 - 1) * 2;
                    self.toks[i].gaz |= 1 << base;
                    for t in &mut self.toks[i + 1..i + len] {
                        t.gaz |= 1 << (base + 1);
                    }
                };
                if let Some(k) = gaz.lookup(&self.join) {
                    mark(kind_code(k));
                }
                if gaz.is_company(&self.lower) {
                    mark(4);
                }
            }
        }
        capitalised_runs(words, &self.toks, &mut self.runs);
        let toks = &self.toks;
        let runs = &self.runs;
        let lower_at = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else {
                toks.get(j as usize).map_or(EOS, |t| t.lower)
            }
        };
        let short_at = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else {
                toks.get(j as usize).map_or(EOS, |t| t.short)
            }
        };
        for i in 0..n {
            offsets.push(feats.len() as u32);
            let t = toks[i];
            let w = words[i].as_ref();
            let ii = i as isize;
            let mut push = |f: u32| feats.push(f);
            push(feat(0, 0));
            push(feat(1, t.word));
            push(feat(2, t.lower));
            push(feat(3, t.shape));
            push(feat(4, t.short));
            // Prefixes of 1 to 3 characters and suffixes of 1 to 4, lower-cased.
            let mut h = FNV_OFFSET;
            for (k, c) in w.chars().take(3).enumerate() {
                for l in c.to_lowercase() {
                    h = fnv_char(h, l);
                }
                push(feat(5 + k as u8, h));
            }
            for (k, (at, _)) in w.char_indices().rev().take(4).enumerate() {
                push(feat(8 + k as u8, fnv_lower(FNV_OFFSET, &w[at..])));
            }
            let (p1, p2, n1, n2) = (lower_at(ii - 1), lower_at(ii - 2), lower_at(ii + 1), lower_at(ii + 2));
            push(feat(12, p1));
            push(feat(13, p2));
            push(feat(14, n1));
            push(feat(15, n2));
            let (s1, s2, m1, m2) = (short_at(ii - 1), short_at(ii - 2), short_at(ii + 1), short_at(ii + 2));
            push(feat(16, s1));
            push(feat(17, s2));
            push(feat(18, m1));
            push(feat(19, m2));
            push(feat2(20, p1, t.lower));
            push(feat2(21, t.lower, n1));
            push(feat2(22, s1, mix(t.short) ^ m1));
            push(feat2(23, p1, t.short));
            push(feat2(24, t.short, n1));
            if i == 0 {
                push(feat(25, t.short));
            }
            for bit in 0..NFLAGS {
                if t.flags & (1 << bit) != 0 {
                    push(feat(26, u64::from(bit)));
                }
            }
            // Document-level evidence about the word's case elsewhere.
            let (cap_n, low_n) = doc.counts(t.lower);
            let self_cap = i > 0 && t.flags & INIT_CAP != 0;
            let self_low = w.chars().next().is_some_and(char::is_lowercase);
            let cap_else = cap_n.saturating_sub(u32::from(self_cap)) > 0;
            let low_else = low_n.saturating_sub(u32::from(self_low)) > 0;
            let code = u64::from(t.flags & INIT_CAP) | u64::from(i == 0) << 1 | u64::from(cap_else) << 2 | u64::from(low_else) << 3;
            push(feat(27, code));
            push(feat2(28, code, t.short));
            // The contexts the same word has elsewhere in the document.
            if t.flags & INIT_CAP != 0 {
                let ctx = doc.contexts(t.lower);
                for bit in 0..6u64 {
                    if ctx & (1 << bit) != 0 {
                        push(feat(38, bit));
                    }
                }
                push(feat2(39, u64::from(ctx), u64::from(i == 0)));
            }
            // Gazetteer windows covering the word, and its neighbours' single-word matches.
            for bit in 0..30u32 {
                if t.gaz & (1 << bit) != 0 {
                    push(feat(29, u64::from(bit)));
                }
            }
            if i > 0 && toks[i - 1].flags & TITLE != 0 {
                push(feat(30, u64::from(t.flags & (INIT_CAP | FIRST_NAME))));
            }
            if i > 1 && toks[i - 2].flags & TITLE != 0 {
                push(feat(31, u64::from(t.flags & INIT_CAP)));
            }
            push(feat(32, block as u64));
            push(feat2(33, block as u64, t.short));
            // The capitalised run holding the word ("Bank of New York"): its length and the
            // word's place in it. (Its first and last words as features, tried with three
            // seeds on 2026-12-03, moved no dev file beyond the seeds' own spread.)
            let (s, e) = runs[i];
            if e > s + 1 {
                let (s, e) = (s as usize, e as usize);
                let place = match (i == s, i + 1 == e) {
                    (true, true) => 0u64,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                let len = (e - s).min(4) as u64;
                push(feat(34, place | len << 2));
            }
        }
        offsets.push(feats.len() as u32);
    }
}

/// Words that may join two capitalised words into one run ("Bank of England").
const RUN_GLUE: &[&str] = &["of", "and", "&", "for", "the", "de", "du", "da", "del", "von", "van", "al", "bin"];

/// Marks each token with the capitalised run holding it (`(s, e)`, or `(0, 0)` when none):
/// a run is capitalised words joined by at most one glue word each time, never starting or
/// ending on glue. Linear in the sentence.
fn capitalised_runs<S: AsRef<str>>(words: &[S], toks: &[Tok], runs: &mut Vec<(u32, u32)>) {
    let n = words.len();
    runs.clear();
    runs.resize(n, (0, 0));
    let cap = |j: usize| toks[j].flags & INIT_CAP != 0 && toks[j].flags & PUNCT == 0;
    let mut i = 0;
    while i < n {
        if !cap(i) {
            i += 1;
            continue;
        }
        let s = i;
        let mut e = i + 1;
        loop {
            if e < n && cap(e) {
                e += 1;
            } else if e + 1 < n && cap(e + 1) && RUN_GLUE.iter().any(|g| g.eq_ignore_ascii_case(words[e].as_ref())) {
                e += 2;
            } else {
                break;
            }
        }
        for r in &mut runs[s..e] {
            *r = (s as u32, e as u32);
        }
        i = e;
    }
}

/// Words after which a capitalised word is most often a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "from", "near", "across", "to"];
/// Verbs of saying after a name (a person's or an organisation's).
const SAYING: &[&str] = &["said", "says", "told", "added", "announced"];
/// Last words of organisations' names.
const ORG_ENDINGS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co.",
    "ltd",
    "ltd.",
    "company",
    "corporation",
    "group",
    "bank",
    "university",
    "ministry",
    "party",
    "council",
    "agency",
    "committee",
    "association",
    "institute",
    "foundation",
    "airlines",
    "network",
];

/// Adds (key, flags) for the capitalised words of one sentence, flags saying in which contexts
/// the word stands here: 1 after a title, 2 as the last word of a name that starts with a
/// first name, 4 after a place preposition, 8 before a verb of saying, 16 inside a name ending
/// in an organisation's word, 32 before a possessive. The document's flags of a word are the
/// union over its occurrences, read by the features of every occurrence.
pub(crate) fn context_flags<S: AsRef<str>>(words: &[S], out: &mut Vec<(u64, u8)>) {
    let gaz = Gazetteer::get();
    let cap = |j: usize| words.get(j).is_some_and(|w| w.as_ref().chars().next().is_some_and(char::is_uppercase));
    let among = |list: &[&str], j: usize| words.get(j).is_some_and(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w.as_ref())));
    let mut i = 0;
    while i < words.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while cap(e) {
            e += 1;
        }
        let run_first_name = e - i >= 2 && gaz.is_first_name(words[i].as_ref());
        let org_end = e - i >= 2 && among(ORG_ENDINGS, e - 1);
        for j in i..e {
            let mut f = 0u8;
            if j > 0 && is_title(words[j - 1].as_ref()) {
                f |= 1;
            }
            if run_first_name && j == e - 1 {
                f |= 2;
            }
            if j == i && j > 0 && among(PLACE_PREPOSITIONS, j - 1) {
                f |= 4;
            }
            if j == e - 1 && among(SAYING, e) {
                f |= 8;
            }
            if org_end && j + 1 < e {
                f |= 16;
            }
            if j == e - 1 && matches!(words.get(e).map(|w| w.as_ref()), Some("'s" | "’s")) {
                f |= 32;
            }
            if f != 0 && !is_title(words[j].as_ref()) {
                out.push((fnv_lower(FNV_OFFSET, words[j].as_ref()), f));
            }
        }
        i = e;
    }
}

/// The document-level key of a word (its lower-cased hash), and whether this occurrence is
/// capitalised away from the sentence start, and whether it is lower-case.
pub(crate) fn doc_key(i: usize, w: &str) -> (u64, bool, bool) {
    let first = w.chars().next();
    (fnv_lower(FNV_OFFSET, w), i > 0 && first.is_some_and(char::is_uppercase), first.is_some_and(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of the lower-cased text char by char, as the model was trained with.
    fn reference(s: &str) -> u64 {
        s.chars().flat_map(char::to_lowercase).fold(FNV_OFFSET, |h, c| {
            let mut buf = [0u8; 4];
            fnv_bytes(h, c.encode_utf8(&mut buf).as_bytes())
        })
    }

    #[test]
    fn the_ascii_path_hashes_as_the_general_one() {
        for s in ["", "Lisbon", "U.S.", "MGIMO-University", "x9_Y", "Ärzte", "İstanbul", "ΣΟΦΙΑ", "naïve Café"] {
            assert_eq!(fnv_lower(FNV_OFFSET, s), reference(s), "{s}");
        }
    }
}
