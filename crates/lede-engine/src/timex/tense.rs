//! The tense of a clause, from its nearest cue word: it places weekdays and year-less dates
//! before or after the reference date.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words that point a weekday or a year-less date forward ("planned a rally on Saturday" is
/// the coming Saturday, though "planned" is a past tense; "effective Feb. 1", "payable Jan. 2"
/// announce what is to come). Sorted: looked up by binary search at every word.
pub(super) const FUTURE_CUES: [&str; 20] = [
    "'ll",
    "coming",
    "effective",
    "expected",
    "intend",
    "intended",
    "intends",
    "next",
    "payable",
    "plan",
    "planned",
    "planning",
    "plans",
    "scheduled",
    "shall",
    "should",
    "tomorrow",
    "upcoming",
    "will",
    "would",
];

/// Words of a past tense (sorted: looked up by binary search at every word).
pub(super) const PAST_CUES: [&str; 56] = [
    "ago",
    "announced",
    "arrived",
    "became",
    "began",
    "bought",
    "broke",
    "brought",
    "built",
    "came",
    "caught",
    "did",
    "died",
    "earlier",
    "fell",
    "felt",
    "fled",
    "flew",
    "fought",
    "found",
    "gave",
    "grew",
    "had",
    "heard",
    "held",
    "kept",
    "knew",
    "last",
    "led",
    "left",
    "lost",
    "made",
    "met",
    "paid",
    "previously",
    "rose",
    "said",
    "sank",
    "saw",
    "sent",
    "shot",
    "signed",
    "sold",
    "spent",
    "spoke",
    "stood",
    "struck",
    "threw",
    "told",
    "took",
    "was",
    "went",
    "were",
    "won",
    "wrote",
    "yesterday",
];

/// The tense cue nearest to each token: Past, Future or Unknown.
pub(super) fn tenses(lw: &[Cow<str>], toks: &[Token<'_>]) -> Vec<Tense> {
    let cue = |i: usize| -> Option<Tense> {
        let w = lw[i].as_ref();
        // "next to the embassy" is a place, not a time to come.
        let next_to = w == "next" && lw.get(i + 1).is_some_and(|n| n == "to");
        // "the plan", "its plans" are nouns, no tense.
        let noun = matches!(w, "plan" | "plans")
            && i > 0
            && matches!(
                lw[i - 1].as_ref(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these" | "new" | "peace" | "rescue"
            );
        if (FUTURE_CUES.binary_search(&w).is_ok() && !next_to && !noun) || (w == "to" && i > 0 && matches!(lw[i - 1].as_ref(), "going" | "due" | "set")) {
            return Some(Tense::Future);
        }
        // A participle after "be" ("should be completed", "would be paid") is not a past tense.
        let after_be = i > 0 && matches!(lw[i - 1].as_ref(), "be" | "being");
        let ed = w.len() > 4 && w.ends_with("ed") && toks[i].kind == Tok::Word && !toks[i].is_capitalised() && !after_be;
        if (PAST_CUES.binary_search(&w).is_ok() && !after_be) || ed {
            return Some(Tense::Past);
        }
        None
    };
    // A plan made points forward only to what follows it ("planned a rally on Saturday"); what
    // comes before it dates the planning ("On Friday, the government planned ..."). A plan in
    // the present points forward throughout ("On Tuesday, the league plans to ...").
    let plan = |j: usize| matches!(lw[j].as_ref(), "planned" | "intended");
    // The nearest cue of each token, from one sweep each way (linear in the sentence; a tie
    // goes to the cue before).
    let n = lw.len();
    let cues: Vec<Option<Tense>> = (0..n).map(cue).collect();
    let mut before: Vec<Option<(usize, Tense)>> = vec![None; n];
    let mut last = None;
    for i in 0..n {
        if let Some(t) = cues[i] {
            last = Some((i, t));
        }
        before[i] = last;
    }
    let mut after: Option<(usize, Tense)> = None;
    let mut out = vec![Tense::Unknown; n];
    for i in (0..n).rev() {
        if let Some(t) = cues[i].filter(|_| !plan(i)) {
            after = Some((i, t));
        }
        out[i] = match (before[i], after) {
            (Some((j, t)), Some((k, u))) => {
                if i - j <= k - i {
                    t
                } else {
                    u
                }
            }
            (Some((_, t)), None) | (None, Some((_, t))) => t,
            (None, None) => Tense::Unknown,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn cue_lists_are_sorted_for_binary_search() {
        for list in [&super::FUTURE_CUES[..], &super::PAST_CUES[..]] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
