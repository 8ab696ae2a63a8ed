//! Dated events: one per dated statement, with a short label and its participants.

use std::borrow::Cow;

use crate::datetime::CivilDateTime;
use crate::model::{Entity, EntityKind, Event, Timex, TimexType};
use crate::span::ByteSpan;
use crate::value::TimexValue;
use crate::{Article, BlockKind};

/// Most words in a label.
const LABEL_WORDS: usize = 12;

/// How far around its date a clause or a label is read: a sentence of thousands of words (text
/// without full stops) costs the same per date as an ordinary one.
const WINDOW: usize = 600;

/// The largest character boundary of `text` at or before byte `b`.
fn floor_boundary(text: &str, mut b: usize) -> usize {
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// `outer` cut to [`WINDOW`] bytes on each side of `inner`, on character boundaries.
fn window(text: &str, outer: ByteSpan, inner: ByteSpan) -> ByteSpan {
    let mut end = (inner.end + WINDOW).min(outer.end);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    ByteSpan::new(floor_boundary(text, inner.start.saturating_sub(WINDOW).max(outer.start)), end)
}

/// The clause of `sentence` that holds `timex`: split at semicolons, colons and
/// clause-joining conjunctions; a tiny clause falls back to the whole sentence.
fn clause(text: &str, sentence: ByteSpan, timex: ByteSpan, others: &[ByteSpan]) -> ByteSpan {
    let sentence = window(text, sentence, timex);
    let s = sentence.of(text);
    // (start of separator, end of separator) pairs; clauses lie between them.
    let mut seps: Vec<(usize, usize)> = Vec::new();
    let rel = timex.start.saturating_sub(sentence.start);
    for sep in ["; ", ": ", ", but ", ", while ", ", whereas ", ", and ", ", which ", " but ", " — "] {
        let mut from = 0;
        while let Some(p) = s[from..].find(sep) {
            from += p + sep.len();
            // A relative clause closed by a comma before the date is an aside of the clause
            // that holds the date ("The authority, which runs the ferries, cut fares in May").
            if sep == ", which " && s[from..].find(", ").is_some_and(|q| from + q < rel) {
                continue;
            }
            let keep = if sep == ", which " { 2 } else { 0 };
            seps.push((from - sep.len(), from - sep.len() + keep.max(if keep > 0 { keep } else { sep.len() })));
        }
    }
    // Another date in the clause: a conjunction between the two divides their statements
    // ("The strike began in 2019 and ended in 2021").
    for &other in others {
        let (a, b) = if other.end <= timex.start {
            (other.end, timex.start)
        } else if other.start >= timex.end {
            (timex.end, other.start)
        } else {
            continue;
        };
        let (a, b) = (a.saturating_sub(sentence.start).min(s.len()), b.saturating_sub(sentence.start).min(s.len()));
        let between = s.get(a..b).unwrap_or("");
        if let Some(p) = [" and ", " but ", " then "].iter().filter_map(|c| between.rfind(c).map(|p| (p, c.len()))).max_by_key(|&(p, _)| {
            if other.end <= timex.start {
                p
            } else {
                usize::MAX - p
            }
        }) {
            seps.push((a + p.0, a + p.0 + p.1));
        }
    }
    seps.sort_unstable();
    let mut start = 0;
    for &(a, b) in seps.iter().chain(std::iter::once(&(s.len(), s.len()))) {
        if a < start {
            continue;
        }
        if start <= rel && rel < a.max(start + 1) {
            let c = ByteSpan::new(sentence.start + start, sentence.start + a).trim(text);
            if c.of(text).split_whitespace().count() >= 3 {
                return c;
            }
            break;
        }
        start = b;
    }
    sentence
}

/// Prepositions that introduce a date phrase and go with it out of the label.
const DATE_PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "since",
    "by",
    "during",
    "from",
    "until",
    "through",
    "between",
    "before",
    "after",
    "of",
    "as",
    "early",
    "late",
    "starting",
    "beginning",
];

/// Words that open a clause with a phrase that is not its statement ("After the vote, ...",
/// "Meanwhile, ..."): up to its first comma, that phrase leaves the label.
const OPENERS: &[&str] = &[
    "after",
    "with",
    "in",
    "on",
    "at",
    "during",
    "meanwhile",
    "however",
    "although",
    "though",
    "while",
    "when",
    "as",
    "since",
    "because",
    "if",
    "despite",
    "following",
    "before",
    "under",
    "amid",
    "moreover",
    "also",
    "still",
    "yet",
    "so",
    "but",
    "and",
    "then",
    "now",
    "besides",
    "furthermore",
    "nevertheless",
    "instead",
    "indeed",
    "thus",
    "earlier",
    "later",
    "separately",
    "similarly",
    "likewise",
    "additionally",
    "for",
    "by",
    "last",
    "this",
    "next",
    "according",
    "unlike",
    "like",
    "once",
    "until",
    "over",
    "just",
    "meantime",
    "today",
    "yesterday",
];

/// Words that open a subordinate clause or a long adverbial before the statement.
const SUBORDINATORS: &[&str] = &[
    "after",
    "although",
    "though",
    "while",
    "when",
    "whereas",
    "since",
    "because",
    "if",
    "despite",
    "following",
    "before",
    "with",
    "amid",
    "once",
    "until",
    "unlike",
    "like",
    "according",
    "as",
    "given",
    "without",
];

/// Words a label does not end on ("... as compared to" once its date is gone).
const DANGLING: &[&str] =
    &["to", "as", "compared", "than", "of", "with", "from", "for", "by", "at", "in", "on", "the", "a", "an", "and", "or", "but", "since", "until", "between"];

/// Adverbs that add nothing to who did what ("Russia also tripled ...").
const FILLERS: &[&str] =
    &["also", "still", "already", "just", "reportedly", "recently", "currently", "even", "too", "meanwhile", "however", "further", "finally"];

/// Words that open an aside between commas ("Sytenko, a former envoy, is expected ...").
const ASIDE_OPENERS: &[&str] = &["a", "an", "the", "who", "which", "whose", "whom", "former", "now", "then", "himself", "herself", "itself"];

/// Past-tense and reporting verbs that news writes without "-ed".
const COMMON_VERBS: &[&str] = &[
    "said", "told", "met", "held", "made", "took", "gave", "began", "came", "went", "won", "lost", "saw", "left", "sold", "bought", "paid", "fell", "rose",
    "grew", "spent", "brought", "sent", "struck", "hit", "led", "fled", "shot", "found", "became", "wrote", "spoke", "broke", "chose", "flew", "ran", "set",
    "put", "cut", "quit", "sank", "beat", "will", "says", "tells", "meets", "plans", "begins", "opens", "ends", "returns", "visits", "arrives", "leaves",
];

/// Whether a word reads as a verb of a statement ("signed", "said", "will"): a cheap cue in
/// place of a part-of-speech tagger, to find what happened near a date.
fn looks_like_verb(w: &str) -> bool {
    let b = bare(w);
    let lower_start = w.chars().next().is_some_and(char::is_lowercase);
    lower_start && (COMMON_VERBS.contains(&&*b) || b.len() > 4 && b.ends_with("ed") && !b.ends_with("eed"))
}

/// Words after which a person's title opens a phrase of its own ("by Foreign Minister X").
const ROLE_OPENERS: &[&str] = &[
    "the",
    "by",
    "and",
    "or",
    "with",
    "to",
    "for",
    "from",
    "of",
    "that",
    "at",
    "in",
    "on",
    "as",
    "when",
    "while",
    "after",
    "before",
    "said",
    "says",
    "told",
    "but",
    "between",
    "among",
    "including",
    "like",
    "former",
];

/// Words after a date phrase that are not the noun it modifies.
const NOT_NOUNS: &[&str] = &[
    "about",
    "above",
    "across",
    "against",
    "ahead",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "around",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "beyond",
    "despite",
    "down",
    "except",
    "including",
    "inside",
    "instead",
    "into",
    "like",
    "near",
    "off",
    "onto",
    "outside",
    "over",
    "past",
    "per",
    "plus",
    "through",
    "throughout",
    "toward",
    "towards",
    "under",
    "unlike",
    "up",
    "upon",
    "versus",
    "via",
    "within",
    "without",
    "because",
    "although",
    "though",
    "unless",
    "whereas",
    "if",
    "whether",
    "nor",
    "yet",
    "due",
    "according",
    "following",
    "compared",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "do",
    "did",
    "does",
    "not",
    "ago",
    "later",
    "earlier",
    "alone",
    "only",
    "when",
    "while",
    "where",
    "who",
    "which",
    "whose",
    "there",
    "here",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "so",
    "then",
    "now",
    "again",
];

/// Whether a word after a date phrase reads as the noun the phrase modifies ("ruling",
/// "talks", "loss"): lower case, letters only, and none of the verbs, prepositions,
/// conjunctions, pronouns and adverbs that usually follow a date instead.
fn noun_like(w: &str) -> bool {
    let b = bare(w);
    w.starts_with(|c: char| c.is_lowercase())
        && !b.is_empty()
        && b.chars().all(|c| c.is_alphabetic() || c == '-')
        && !looks_like_verb(w)
        && !b.ends_with("ly")
        && ![NOT_NOUNS, DANGLING, DATE_PREPOSITIONS, SUBORDINATORS, FILLERS].iter().any(|list| list.contains(&&*b))
}

/// The name and past participle just before the date phrase at word `a` ("Sino-Russian Treaty
/// of Friendship inked"), when the name is capitalised and stands in a prepositional phrase
/// (so the participle is not its verb): the words of a label for that date.
fn participle_phrase(words: &[String], a: usize) -> Option<Vec<String>> {
    let p = a.checked_sub(1)?;
    let part = words.get(p)?;
    if !(looks_like_verb(part) && bare(part).ends_with("ed")) || part.ends_with([',', ';', ':']) {
        return None;
    }
    // The capitalised name before it, with "of", "for", "and" or "the" inside.
    let mut start = p;
    while start > 0 {
        let w = &words[start - 1];
        let cap = w.starts_with(|c: char| c.is_uppercase());
        let glue = matches!(w.as_str(), "of" | "for" | "and" | "the") && start - 1 > 0 && start < p;
        if w.ends_with([',', ';', ':']) || !(cap || glue) {
            break;
        }
        start -= 1;
    }
    // Glue words do not begin the name.
    while start < p && matches!(words[start].as_str(), "of" | "for" | "and" | "the") {
        start += 1;
    }
    // The name sits in a prepositional phrase ("prolongation of the Treaty ... inked"), so the
    // participle is no main verb of the name ("Apple announced", "firm General Motors said").
    let mut k = start.checked_sub(1)?;
    if matches!(&*bare(&words[k]), "the" | "a" | "an") {
        k = k.checked_sub(1)?;
    }
    let in_phrase =
        matches!(&*bare(&words[k]), "of" | "to" | "for" | "with" | "on" | "in" | "by" | "from" | "about" | "under" | "against" | "into" | "over" | "between");
    (start < p && p - start <= 8 && in_phrase).then(|| words[start..=p].to_vec())
}

/// The noun of an action and its object around the date phrase at word `a` ("introduction
/// [on March 2] of new sanctions over the case" gives "Introduction of new sanctions over the
/// case"): when a long statement dates a nominalised action, not its main verb, that action is
/// what happened then. The noun is lower case with a suffix of action nouns ("-tion", "-ment",
/// "-al", ...), "of" follows the date, and the object runs to the end of its clause.
fn action_noun_phrase(words: &[String], a: usize) -> Option<Vec<String>> {
    const ACTION_SUFFIXES: &[&str] = &["tion", "sion", "ment", "ance", "ence", "ure", "val", "sal", "ing"];
    let noun = words.get(a.checked_sub(1)?)?;
    let b = bare(noun);
    let action = noun.starts_with(|c: char| c.is_lowercase())
        && !noun.ends_with([',', ';', ':'])
        && b.len() > 5
        && ACTION_SUFFIXES.iter().any(|s| b.ends_with(s))
        && !NOT_NOUNS.contains(&&*b);
    if !action || words.get(a).map(String::as_str) != Some("of") {
        return None;
    }
    let mut out = vec![noun.clone()];
    for w in words[a..].iter().take(LABEL_WORDS - 1) {
        out.push(w.clone());
        if w.ends_with([',', ';', ':', '.']) {
            break;
        }
    }
    (out.len() >= 3).then_some(out)
}

/// Nouns that head a framing phrase ("in a sign of", "in a bid to", "as a gesture of").
const FRAMES: &[&str] = &["sign", "move", "bid", "effort", "attempt", "response", "reply", "gesture", "show", "signal", "step", "nod"];

/// The pieces `i..j` of a framing phrase between a subject and its verb, with no comma: "in a
/// (clear) sign of ...", "in a bid to ...", "as a gesture of ...", up to the first word that
/// reads as the statement's verb (not one that reads as a participle: "widely seen as").
fn framing_aside(pieces: &[(&str, bool, bool)]) -> Option<(usize, usize)> {
    let i = (1..pieces.len().min(8)).find(|&i| {
        matches!(&*bare(pieces[i].0), "in" | "as")
            && pieces.get(i + 1).is_some_and(|(w, ..)| matches!(&*bare(w), "a" | "an"))
            && pieces[i + 2..].iter().take(2).any(|(w, ..)| FRAMES.contains(&&*bare(w)))
            && !pieces[i - 1].0.ends_with([',', ';', ':'])
    })?;
    let j = (i + 3..pieces.len().min(i + 14)).find(|&j| {
        let (w, ..) = pieces[j];
        looks_like_verb(w) && !bare(pieces[j - 1].0).ends_with("ly") && !pieces.get(j + 1).is_some_and(|(n, ..)| matches!(&*bare(n), "as" | "by"))
    })?;
    let clean = !pieces[i..j].iter().any(|(w, inside, _)| *inside || w.ends_with([',', ';', ':']));
    (clean && j + 1 < pieces.len()).then_some((i, j))
}

/// The word without surrounding punctuation, lower-cased, for list lookups.
fn bare(w: &str) -> Cow<'_, str> {
    // Borrowed when already lower-case ASCII (most words): this runs for every word of every label.
    let t = w.trim_matches(|c: char| !c.is_alphanumeric());
    if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

/// The clause reduced to who did what: without the date phrase (and the preposition before
/// it), a dateline ("MOSCOW (AP) —"), an opening phrase ("After the vote,"), asides between
/// commas or in brackets, and filler adverbs; at most [`LABEL_WORDS`] words, cut on a word
/// boundary. When the statement runs long, its subject is kept with the words around the
/// date, which are the ones that say what happened then.
fn label(text: &str, clause: ByteSpan, timexes: &[&Timex], own: ByteSpan, names: &[(ByteSpan, usize)], roles: &[ByteSpan]) -> String {
    // A statement of thousands of words (text without full stops) is read within a window
    // around its date, cut at spaces, so each date costs the same whatever the sentence's length.
    let clause = if clause.len() > 2 * WINDOW {
        let ByteSpan { start: from, end: to } = window(text, clause, own);
        let from = text[from..clause.end].find(char::is_whitespace).filter(|_| from > clause.start).map_or(from, |k| from + k);
        let to = text[clause.start..to].rfind(char::is_whitespace).filter(|_| to < clause.end).map_or(to, |k| clause.start + k);
        ByteSpan::new(from, to.max(from)).trim(text)
    } else {
        clause
    };
    let c = clause.of(text);
    // (word, inside a date phrase, inside the event's own date phrase), and where each starts
    let mut pieces: Vec<(&str, bool, bool)> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut pos = clause.start;
    for w in c.split_whitespace() {
        let off = c[pos - clause.start..].find(w).map_or(pos, |o| pos + o);
        // A person's title before their name ("Russian Foreign Minister Sergei Lavrov"): the
        // label says who, the sidebar gives the role.
        let k = roles.partition_point(|r| r.end <= off);
        if roles.get(k).is_some_and(|r| r.start <= off && off + w.len() <= r.end) {
            pos = off + w.len();
            continue;
        }
        let inside = timexes.iter().any(|t| off < t.span.end && off + w.len() > t.span.start);
        // Punctuation glued to the end of a date phrase ("Tuesday,") stays as a word of its own.
        let tail_start = timexes.iter().filter(|t| inside && off < t.span.end && t.span.start < off + w.len()).map(|t| t.span.end).max().unwrap_or(off);
        let tail = w.get(tail_start.saturating_sub(off)..).filter(|t| inside && !t.is_empty() && t.chars().all(|c| matches!(c, ',' | ';' | ':')));
        pieces.push((w, inside, off < own.end && off + w.len() > own.start));
        starts.push(off);
        if let Some(t) = tail {
            pieces.push((t, false, false));
            starts.push(tail_start);
        }
        pos = off + w.len();
    }
    // A dateline at the start of the sentence: "MOSCOW (AP)_", "BONN, Germany (AP) --".
    if pieces.first().is_some_and(|(w, ..)| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
    }) {
        if let Some(k) =
            pieces.iter().take(8).position(|(w, ..)| w.ends_with(")_") || w.ends_with(')') && w.starts_with('(') || matches!(*w, "--" | "—" | "–" | "_"))
        {
            let k = if pieces.get(k + 1).is_some_and(|(w, ..)| matches!(*w, "--" | "—" | "–" | "_" | "-")) { k + 1 } else { k };
            pieces.drain(..=k);
            starts.drain(..=k);
        }
    }
    // An opening phrase up to its first comma, when a statement of three words or more follows:
    // a subordinate clause ("After weeks of talks, ...") or a short adverbial ("On Monday, ...",
    // "Meanwhile, ..."); a longer run after a plain preposition is the statement itself ("in
    // 2020 its share plummeted to a record low, giving ...").
    let opener = pieces.first().map(|(w, inside, _)| (*inside, bare(w)));
    // A participle clause opening the sentence ("Citing new data, officials said ..."), not a
    // name that ends the same way ("Beijing said ...": a mention of an entity). The gazetteer
    // is not asked here: events are rebuilt in the viewer, whose Wasm links no gazetteer.
    let participle = pieces.first().is_some_and(|(w, inside, _)| {
        let b = bare(w);
        !*inside && b.len() > 5 && b.ends_with("ing") && !matches!(&*b, "during" | "according" | "notwithstanding") && !w.ends_with(',')
    }) && !starts.first().is_some_and(|&o| {
        // the first word is a name the entities found
        let k = names.partition_point(|(m, _)| m.start <= o);
        k > 0 && names[k - 1].0.end > o
    }) && pieces.get(1).is_some_and(|(w, ..)| {
        // "Boeing had been suspended": a name before its verb, not a participle.
        w.starts_with(|c: char| c.is_lowercase())
            && !matches!(
                &*bare(w),
                "has" | "had" | "have" | "is" | "was" | "were" | "are" | "said" | "says" | "will" | "would" | "could" | "can" | "and" | "of" | "s"
            )
    });
    // A participle clause goes only when it holds no date.
    let participle = participle && pieces.iter().take_while(|(w, ..)| !w.ends_with(',')).all(|(_, inside, _)| !inside);
    // "(The) same day X happened, ...", "That same week ...": a clause that dates by another event.
    let same = pieces.iter().take(3).any(|(w, ..)| bare(w) == "same") && matches!(opener.as_ref().map(|(_, w)| &**w), Some("same" | "the" | "that" | "on"));
    let reach = match &opener {
        Some((_, w)) if SUBORDINATORS.contains(&&**w) || participle || same => 18,
        Some((inside, w)) if *inside || OPENERS.contains(&&**w) => 6,
        _ => 0,
    };
    if let Some(k) = pieces.iter().take(reach).position(|(w, ..)| w.ends_with(',')) {
        if pieces.len() - (k + 1) >= 3 {
            pieces.drain(..=k);
        }
    }
    // An aside between the subject and its verb with no commas: "The council in a clear sign of
    // its anger closed the quay" reads "The council closed the quay".
    if let Some((i, j)) = framing_aside(&pieces) {
        pieces.drain(i..j);
    }
    // Asides: "(...)", and ", a former envoy," / ", who ...," between commas (not the last one).
    let mut out: Vec<(&str, bool, bool)> = Vec::with_capacity(pieces.len());
    let mut k = 0;
    while k < pieces.len() {
        let (w, inside, mine) = pieces[k];
        if w.starts_with('(') {
            if let Some(close) = pieces[k..].iter().take(12).position(|(x, ..)| x.ends_with(')') || x.ends_with("),")) {
                if !pieces[k..=k + close].iter().any(|(_, d, _)| *d) {
                    let closing = pieces[k + close].0;
                    if closing.ends_with(',') {
                        if let Some(last) = out.last_mut() {
                            if !last.0.ends_with(',') {
                                // keep the comma that followed the brackets
                                out.push((",", false, false));
                            }
                        }
                    }
                    k += close + 1;
                    continue;
                }
            }
        }
        if w.ends_with(',') && !out.is_empty() {
            if let Some((next, ..)) = pieces.get(k + 1) {
                // An aside that opens with an article or a relative pronoun, or, just before
                // the date phrase that ends the clause, a description with no verb ("in
                // Guilin, south China's Guangxi region, March 23").
                let described = |end: usize| {
                    next.starts_with(|c: char| c.is_lowercase())
                        && k >= 3
                        && pieces[end + 1..].iter().skip_while(|(x, d, _)| !*d && DATE_PREPOSITIONS.contains(&&*bare(x))).all(|(_, d, _)| *d)
                        && pieces.get(end + 1).is_some_and(|(x, d, _)| *d || DATE_PREPOSITIONS.contains(&&*bare(x)))
                        && !pieces[k + 1..=end].iter().any(|(x, ..)| looks_like_verb(x) || NOT_NOUNS.contains(&&*bare(x)))
                };
                if let Some(close) = pieces[k + 1..].iter().take(15).position(|(x, ..)| x.ends_with(',')) {
                    let end = k + 1 + close;
                    if (ASIDE_OPENERS.contains(&&*bare(next)) || described(end)) && end + 1 < pieces.len() && !pieces[k + 1..=end].iter().any(|(_, d, _)| *d) {
                        out.push((w.trim_end_matches(','), inside, mine));
                        k = end + 1;
                        continue;
                    }
                }
            }
        }
        out.push((w, inside, mine));
        k += 1;
    }
    // Date phrases out, with a dangling "the" and preposition before them; fillers out. The
    // place of the event's own date phrase is remembered: the words around it say what happened.
    let mut words: Vec<String> = Vec::new();
    let mut anchor: Option<usize> = None;
    // Whether the date phrase being passed modifies the noun after it ("Wednesday's ruling",
    // "the Feb. 23 accord"): then it gives way to "the" and its preposition stays ("compete in
    // the election", not "compete election").
    let mut modifier = false;
    let mut anchor_modifies = false;
    let mut skip_to = 0;
    for (k, &(w, inside, mine)) in out.iter().enumerate() {
        if inside && (k == 0 || !out[k - 1].1) {
            let end = (k..out.len()).take_while(|&j| out[j].1).last().unwrap_or(k);
            // "last year's profit", or "last year 's profit" as tokenised text.
            let apart = out.get(end + 1).is_some_and(|n| matches!(n.0, "'s" | "’s"));
            let possessive = apart || out[end].0.ends_with("'s") || out[end].0.ends_with("’s");
            let article = words.last().is_some_and(|l| matches!(l.to_lowercase().as_str(), "the" | "a" | "an"));
            let noun = end + 1 + usize::from(apart);
            modifier = (possessive || article) && out.get(noun).is_some_and(|n| !n.1 && noun_like(n.0));
            skip_to = if modifier { noun } else { 0 };
            if modifier && !article {
                words.push("the".to_owned());
            }
        }
        if k < skip_to && !inside {
            // the "'s" of a date phrase that gave way to "the"
            continue;
        }
        if inside && modifier {
            if mine && anchor.is_none() {
                anchor = Some(words.len());
                anchor_modifies = true;
            }
            continue;
        }
        if inside {
            if words.last().is_some_and(|l| l.eq_ignore_ascii_case("the")) {
                words.pop();
            }
            // "at about 10:35 a.m.": the approximation goes with the time.
            if words.last().is_some_and(|l| matches!(l.to_lowercase().as_str(), "about" | "around" | "approximately" | "roughly" | "nearly" | "almost")) {
                words.pop();
            }
            // "for the third quarter declined", "for the quarter ended Sept. 30.": "for" goes
            // too, unless the date phrase modifies what follows ("for the 2008 Games").
            if words.last().is_some_and(|l| l.eq_ignore_ascii_case("for")) && (k == 0 || !out[k - 1].1) {
                let after = out[k..].iter().find(|p| !p.1).map(|p| p.0);
                let closes =
                    after.is_none_or(|a| a.starts_with(|c: char| !c.is_alphanumeric()) || bare(a).ends_with("ed") && a.starts_with(|c: char| c.is_lowercase()));
                if closes {
                    words.pop();
                }
            }
            if words.last().is_some_and(|l| DATE_PREPOSITIONS.contains(&l.to_lowercase().as_str())) {
                words.pop();
            }
            if mine {
                anchor.get_or_insert(words.len());
            }
            continue;
        }
        if FILLERS.contains(&&*bare(w)) && !w.ends_with(',') || w == "," {
            if w == "," || w.ends_with(',') {
                if let Some(last) = words.last_mut() {
                    if !last.ends_with([',', ';', ':']) {
                        last.push(',');
                    }
                }
            }
            continue;
        }
        // "for the quarter ended Sept. 30": "ended" between two date phrases is theirs.
        if matches!(&*bare(w), "ended" | "ending") && k > 0 && out[k - 1].1 && out.get(k + 1).is_some_and(|p| p.1) {
            continue;
        }
        // A comma that belonged to the date phrase: "on March 22, the two..." keeps no stray comma.
        let w = if k > 0 && out[k - 1].1 { w.trim_start_matches(',') } else { w };
        if !w.is_empty() {
            words.push(w.to_owned());
        }
    }
    // A relative clause reads as a statement without its pronoun ("which Beijing signed" → "Beijing signed").
    if words.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "which" | "who" | "that" | "where" | "when")) {
        words.remove(0);
        anchor = anchor.map(|a| a.saturating_sub(1));
    }
    while words.len() > 1 && words.last().is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str())) {
        words.pop();
    }
    let mut truncated = words.len() > LABEL_WORDS;
    // A long statement whose date belongs to a name and its participle ("... prolongation of
    // the Treaty of Friendship inked in 2001, which ..."): that name and participle are what
    // happened then ("Treaty of Friendship inked").
    if let Some(named) = anchor.filter(|_| truncated).and_then(|a| participle_phrase(&words, a).or_else(|| action_noun_phrase(&words, a))) {
        words = named;
        truncated = false;
        anchor = None;
    }
    if truncated {
        match anchor {
            // The date sits late in a long statement: its subject, then the words around it.
            Some(a) if a > LABEL_WORDS - 3 => {
                let subject = words.iter().take(4).position(|w| w.ends_with(',')).map_or(4, |k| k + 1).min(4);
                // The window starts seven words before the date, or earlier, just before the verb
                // nearest before the date when that is further (what happened then).
                let verb = (subject..a.min(words.len())).rev().take(15).find(|&k| looks_like_verb(&words[k]));
                let from = verb.map_or(a, |v| v.saturating_sub(2)).min(a.saturating_sub(7)).max(subject);
                // A date that modifies a noun ("Wednesday's ruling"): that noun is what
                // happened, so the window reaches it.
                let from = if anchor_modifies { from.max((a + 3).saturating_sub(LABEL_WORDS - subject)) } else { from };
                let to = (from + (LABEL_WORDS - subject)).min(words.len());
                truncated = to < words.len();
                let mut kept: Vec<String> = words[..subject].to_vec();
                if from > subject {
                    if let Some(last) = kept.last_mut() {
                        last.push_str(" …");
                    }
                }
                kept.extend_from_slice(&words[from..to]);
                words = kept;
            }
            _ => words.truncate(LABEL_WORDS),
        }
        // The cut may leave a dangling word too ("... the ruling by the").
        while words.len() > 1 && words.last().is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str())) {
            words.pop();
        }
    }
    let mut out = words.join(" ");
    while out.ends_with([',', ';', ':', '.', '—', '-', '_']) {
        out.pop();
    }
    let out = out.trim_start_matches([',', ';', ':', '_', '-', '—']).trim().to_owned();
    let mut out = if let Some(first) = out.chars().next() { first.to_uppercase().chain(out.chars().skip(1)).collect::<String>() } else { out };
    if truncated {
        out.push('…');
    }
    out
}

/// Whether the date phrase at `span` is the baseline of a comparison ("compared to last year",
/// "up from 2019", "than a year earlier"): no time something happened.
fn comparison_baseline(text: &str, span: ByteSpan) -> bool {
    let from = floor_boundary(text, span.start.saturating_sub(60));
    // The words before the date back to the start of its phrase (a comma ends the look-back).
    let words: Vec<String> =
        text[from..span.start].split_whitespace().rev().take_while(|w| !w.ends_with([',', ';', ':'])).take(6).map(|w| bare(w).into_owned()).collect();
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        matches!(
            (w(k + 1), w(k)),
            ("compared", "to" | "with")
                | ("up" | "down" | "rose" | "fell" | "rising" | "falling" | "increase" | "decrease" | "gain" | "drop" | "jump" | "unchanged", "from")
        ) || matches!(w(k), "versus" | "vs")
    })
        // "higher than a year earlier", not "more than a week" or "no later than March 3".
        || w(0) == "than" && !matches!(w(1), "more" | "less" | "fewer" | "no" | "longer" | "rather" | "other" | "earlier" | "later" | "sooner")
}

/// Build the events of an annotated article.
pub(crate) fn find(text: &str, article: &Article, timexes: &[Timex], entities: &[Entity], reference: Option<CivilDateTime>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    // Every mention, sorted by start, to find the entities of a clause by binary search.
    let mut mentions: Vec<(ByteSpan, usize)> = entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i))).collect();
    mentions.sort_unstable_by_key(|(m, _)| m.start);
    // The titles written before a person's name ("Foreign Minister Sergei Lavrov"), sorted.
    let mut roles: Vec<ByteSpan> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| e.role.as_deref().filter(|r| !r.is_empty()).map(|r| (e, r)))
        .flat_map(|(e, r)| {
            e.mentions.iter().filter_map(move |m| {
                let before = text[..m.start].trim_end_matches([' ', '\u{a0}']);
                if !before.ends_with(r) {
                    return None;
                }
                let start = before.len() - r.len();
                let prior = text[..start].trim_end();
                // Only a title that opens a phrase: "by Foreign Minister X", not "Apple CEO X"
                // or "company CEO X", where the words before belong with it.
                let prev = prior.rsplit(char::is_whitespace).next().unwrap_or("");
                let line_start = text[..start].trim_end_matches([' ', '\t', '\u{a0}']).ends_with('\n');
                let opens = prior.is_empty()
                    || line_start
                    || prev.ends_with([',', ';', ':', '.', '"', '“', '(', '—'])
                    || ROLE_OPENERS.contains(&&*bare(prev))
                    || looks_like_verb(prev);
                (start < m.start && (start == 0 || !text[..start].ends_with(char::is_alphanumeric)) && opens).then(|| ByteSpan::new(start, m.start))
            })
        })
        .collect();
    roles.sort_unstable_by_key(|r| r.start);
    // The dateline blocks (a few at most), found once rather than by a scan of all blocks per timex.
    let datelines: Vec<&crate::Block> = article.blocks.iter().filter(|b| b.kind == BlockKind::Dateline).collect();
    // Wire copy's dateline at the head of the first paragraph ("WASHINGTON, March 3, 2023
    // (Reuters) -") dates the publication too, not the first sentence's statement.
    let wire = article.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).and_then(|b| crate::blocks::wire_dateline(text, b.span)).map(|(span, _)| span);
    for t in timexes {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        // "now", "currently": the time of writing, the reference day (a vague past or future,
        // "recently", "soon", is no point on the timeline).
        let present = t.value.is_present().then(|| reference.map(|r| TimexValue::parse(&r.to_iso()[..10]))).flatten();
        let Some((value, mut end_value, granularity)) = present.as_ref().unwrap_or(&t.value).calendar() else {
            continue;
        };
        if t.end_value.is_some() {
            end_value.clone_from(&t.end_value);
        }
        // The publication itself: the dateline.
        // (sentence, clause) of a dateline: a dateline line is its own sentence and clause; a
        // wire dateline is the clause, in the first sentence.
        let dateline = datelines.iter().find(|b| b.span.contains(t.span)).map(|b| (b.span, b.span)).or_else(|| {
            let w = wire.filter(|w| w.contains(t.span))?;
            let k = article.sentences.partition_point(|s| s.span.end <= w.start);
            Some((article.sentences.get(k).map_or(w, |s| s.span), w))
        });
        // (sentence, label, clause)
        let (sentence, label_text, clause_span) = if let Some((sentence, clause)) = dateline {
            let title = article.meta.title.as_deref().unwrap_or("this article");
            let mut words: Vec<&str> = title.split_whitespace().collect();
            let cut = words.len() > 9;
            words.truncate(9);
            (sentence, format!("Published: {}{}", words.join(" "), if cut { "…" } else { "" }), clause)
        } else {
            let k = article.sentences.partition_point(|s| s.span.end < t.span.end);
            let Some(s) = article.sentences.get(k).filter(|s| s.span.contains(t.span)) else { continue };
            // Other dates of the sentence, near this one (by binary search, as below).
            // Only those within 300 bytes count, so a sentence dense in dates costs each date
            // the same (the window is found by binary search, then read).
            let near = timexes.partition_point(|x| x.span.end <= s.span.start || x.span.end + 300 <= t.span.start);
            let others: Vec<ByteSpan> = timexes[near..]
                .iter()
                .take_while(|x| x.span.start < s.span.end && x.span.start < t.span.end + 300)
                .filter(|x| x.span != t.span && x.value != t.value && matches!(x.kind, TimexType::Date | TimexType::Time))
                .map(|x| x.span)
                .collect();
            let cl = clause(text, s.span, t.span, &others);
            // Timexes are in text order: the clause's are found by binary search, not by a scan
            // of all of them for each one (which made long articles quadratic).
            let first = timexes.partition_point(|x| x.span.start < cl.start);
            let in_clause: Vec<&Timex> = timexes[first..]
                .iter()
                .take_while(|x| x.span.start < cl.end)
                .filter(|x| cl.contains(x.span) && matches!(x.kind, TimexType::Date | TimexType::Time))
                .collect();
            let mut l = label(text, cl, &in_clause, t.span, &mentions, &roles);
            if l.split_whitespace().count() <= 1 && cl != s.span {
                // A clause that is only its date, or a word besides ("... and in the summer of
                // 2020", "... and again in the 1990s"): the sentence's statement, without any of
                // its dates ("Trade rose").
                let near = timexes.partition_point(|x| x.span.start < s.span.start);
                let in_sentence: Vec<&Timex> = timexes[near..]
                    .iter()
                    .take_while(|x| x.span.start < s.span.end)
                    .filter(|x| matches!(x.kind, TimexType::Date | TimexType::Time))
                    .take(64)
                    .collect();
                l = label(text, s.span, &in_sentence, t.span, &mentions, &roles);
            }
            if l.is_empty() {
                // A sentence that is only its date ("Until this week."): the words as written.
                l = label(text, s.span, &[], ByteSpan::new(s.span.end, s.span.end), &mentions, &roles);
            }
            if l.is_empty() {
                // A wire dateline on a line of its own ("JOHANNESBURG, August 7 (Xinhua) --"),
                // which the label rules drop as a dateline: the line as written, never no label.
                let words: Vec<&str> = s.span.of(text).split_whitespace().take(LABEL_WORDS).collect();
                l = words.join(" ").trim_end_matches(['-', '—', '–', '_', ' ', ',', ':']).to_owned();
            }
            // "tripled ... in February as compared to last year": last year is when the
            // comparison starts, not when anything happened; the label says so, and differs
            // from the February event's.
            if comparison_baseline(text, t.span) && !l.is_empty() {
                l = format!("Baseline for: {l}");
            }
            (s.span, l, cl)
        };
        let first = mentions.partition_point(|(m, _)| m.start < clause_span.start);
        let mut ids: Vec<usize> =
            mentions[first..].iter().take_while(|(m, _)| m.start < clause_span.end).filter(|(m, _)| clause_span.contains(*m)).map(|(_, i)| *i).collect();
        // Entities in salience order (the order of `entities`), each once.
        ids.sort_unstable();
        ids.dedup();
        let participants: Vec<String> = ids.into_iter().map(|i| entities[i].id.clone()).collect();
        events.push(Event {
            id: String::new(),
            timex: t.id.clone(),
            value,
            end_value,
            granularity,
            year_inferred: t.year_inferred,
            label: label_text,
            sentence,
            entities: participants,
        });
    }
    events.sort_by(|a, b| a.value.cmp(&b.value).then(a.sentence.start.cmp(&b.sentence.start)).then(b.end_value.is_some().cmp(&a.end_value.is_some())));
    // Two expressions of the same date in one sentence ("on Monday … starting March 22") state one event.
    events.dedup_by(|b, a| a.sentence == b.sentence && a.value == b.value);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    events
}

/// The days an event covers: first and last day (days since 1970-01-01, inclusive),
/// from its value and, for a range, its end value. `None` for a value that is not a date.
pub fn event_days(value: &TimexValue, end_value: Option<&TimexValue>) -> Option<(i64, i64)> {
    let (start, mut end) = value.days()?;
    if let Some(e) = end_value.and_then(TimexValue::days) {
        end = end.max(e.1);
    }
    Some((start, end))
}

/// The calendar date of a day number (days since 1970-01-01) as `(year, month, day)`.
pub fn date_of_day(day: i64) -> (i32, u8, u8) {
    crate::datetime::civil_from_days(day)
}
