//! The entity sidebar: entities grouped by type, ordered by salience, with search, type
//! filters, a strip showing where each is mentioned, and the selected entity's mentions.

use lede_engine::corrections::Correction;
use lede_engine::{Entity, EntityKind};
use yew::prelude::*;

use super::DocRef;
use crate::state::Selection;

/// The order and headings of the groups.
pub const GROUPS: [(EntityKind, &str); 7] = [
    (EntityKind::Person, "People"),
    (EntityKind::Organization, "Organisations"),
    (EntityKind::Place, "Places"),
    (EntityKind::Group, "Groups"),
    (EntityKind::Event, "Named events"),
    (EntityKind::Work, "Documents"),
    (EntityKind::Other, "Other"),
];

/// Props of [`EntitySidebar`].
#[derive(Properties, PartialEq)]
pub struct EntitySidebarProps {
    /// The analysed document.
    pub doc: DocRef,
    /// Current selection.
    pub selection: Selection,
    /// Types whose highlights are off.
    pub hidden: Vec<EntityKind>,
    /// Search text.
    pub query: String,
    /// An entity was chosen.
    pub on_select: Callback<String>,
    /// A type filter was toggled.
    pub on_toggle_type: Callback<EntityKind>,
    /// The search text changed.
    pub on_search: Callback<String>,
    /// A mention in the list was chosen: its index in the entity's mentions.
    pub on_jump: Callback<(String, usize)>,
    /// The reader corrected the analysis.
    pub on_correct: Callback<Correction>,
}

/// Ids of the entities the reader has corrected.
pub fn corrected_ids(corrections: &[Correction]) -> Vec<&str> {
    corrections
        .iter()
        .filter_map(|c| match c {
            Correction::Rename { entity, .. } | Correction::Retype { entity, .. } | Correction::Split { entity, .. } => Some(entity.as_str()),
            Correction::Merge { into, .. } => Some(into.as_str()),
            Correction::Remove { .. } => None,
            _ => None,
        })
        .collect()
}

/// Does `e` match the search text (name or alias, case-insensitive)?
pub fn matches_query(e: &Entity, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || e.name.to_lowercase().contains(&q) || e.aliases.iter().any(|a| a.to_lowercase().contains(&q))
}

/// A few words of context around a mention, quoted as written: (before, mention, after).
/// Only runs of white space are folded to one space ("Biden's" stays "Biden's", "Lavrov-Wang"
/// stays joined).
pub fn context(text: &str, start: usize, end: usize, words: usize) -> (String, String, String) {
    let fold = |s: &str| {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
        if space {
            out.push(' ');
        }
        out
    };
    let head = text.get(..start).unwrap_or("");
    // The start of the `words`-th word before the mention.
    let mut cut = 0;
    let mut seen = 0;
    let mut prev_space = true;
    let starts: Vec<usize> = head
        .char_indices()
        .filter_map(|(i, c)| {
            let start_of_word = !c.is_whitespace() && prev_space;
            prev_space = c.is_whitespace();
            start_of_word.then_some(i)
        })
        .collect();
    if let Some(&i) = starts.len().checked_sub(words).and_then(|k| starts.get(k)) {
        cut = i;
    }
    let tail = text.get(end..).unwrap_or("");
    // The end of the `words`-th word after the mention.
    let mut stop = tail.len();
    let mut in_word = false;
    for (i, c) in tail.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    stop = i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    (format!("…{}", fold(&head[cut..])), text.get(start..end).unwrap_or("").to_owned(), format!("{}…", fold(&tail[..stop])))
}

/// Each entity's sentences: the indices of the sentences holding its mentions, sorted, each
/// once, in the order of `doc.entities`. Built once per document, so that what the selected
/// entity appears with is a merge of sorted lists, not a search per mention on every click.
pub fn entity_sentences(doc: &lede_engine::Annotation) -> Vec<Vec<u32>> {
    let sentences = &doc.article.sentences;
    doc.entities
        .iter()
        .map(|e| {
            let mut mine: Vec<u32> = e
                .mentions
                .iter()
                .filter_map(|m| {
                    let k = sentences.partition_point(|s| s.span.end <= m.start);
                    sentences.get(k).filter(|s| s.span.start <= m.start).map(|_| k as u32)
                })
                .collect();
            mine.sort_unstable();
            mine.dedup();
            mine
        })
        .collect()
}

/// The entities most often mentioned in the same sentences as the entity at `index` of
/// `doc.entities` (`sentences` from [`entity_sentences`]): (entity, number of shared
/// sentences), at most `n`. Linear in the number of sentences listed.
pub fn co_occurring<'a>(doc: &'a lede_engine::Annotation, sentences: &[Vec<u32>], index: usize, n: usize) -> Vec<(&'a Entity, usize)> {
    let Some(mine) = sentences.get(index) else { return Vec::new() };
    let shared = |theirs: &[u32]| {
        let (mut i, mut j, mut count) = (0, 0, 0);
        while i < mine.len() && j < theirs.len() {
            match mine[i].cmp(&theirs[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    count += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        count
    };
    let mut counts: Vec<(&Entity, usize)> = doc
        .entities
        .iter()
        .zip(sentences)
        .enumerate()
        .filter(|&(k, _)| k != index)
        .map(|(_, (e, theirs))| (e, shared(theirs)))
        .filter(|(_, c)| *c > 0)
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.salience.total_cmp(&a.0.salience)));
    counts.truncate(n);
    counts
}

/// The strip's marks: which of 100 equal slices of the text hold a mention (at most 100 marks,
/// however often the entity is mentioned).
pub fn strip_cells(e: &Entity, text_len: f64) -> Vec<u8> {
    let mut cells: Vec<u8> = e.mentions.iter().map(|m| ((m.start as f64 / text_len) * 100.0).floor().clamp(0.0, 99.0) as u8).collect();
    cells.dedup();
    cells
}

/// The SVG path of a mention strip: a 0.9-wide bar at each cell (see [`strip_cells`]).
pub fn strip_path(cells: &[u8]) -> String {
    use std::fmt::Write;
    let mut d = String::with_capacity(cells.len() * 16);
    for x in cells {
        let _ = write!(d, "M{x} 0h0.9v4h-0.9z");
    }
    d
}

/// Most mentions listed for the selected entity (the rest are counted).
pub const MENTIONS_LISTED: usize = 25;

/// The sidebar.
#[component]
pub fn EntitySidebar(props: &EntitySidebarProps) -> Html {
    let doc = &props.doc.0;
    let ann = &doc.annotation;
    let oninput = props.on_search.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    let selected = match &props.selection {
        Selection::Entity(id) => ann.entities.iter().position(|e| &e.id == id).map(|k| (k, &ann.entities[k])),
        _ => None,
    };
    let sentences = use_memo(props.doc.clone(), |d| entity_sentences(&d.0.annotation));
    let corrected = corrected_ids(&ann.corrections);
    let entry = |(index, e): (usize, &Entity)| {
        let pressed = props.selection == Selection::Entity(e.id.clone());
        let corrected = corrected.contains(&e.id.as_str());
        html! { <EntityEntry key={e.id.clone()} doc={props.doc.clone()} {index} {pressed} {corrected} on_select={props.on_select.clone()} /> }
    };
    html! {
        <aside class="sidebar entities" aria-labelledby="entities-h">
            <h2 id="entities-h">{ "In this article" }</h2>
            <label class="search">
                <span class="visually-hidden">{ "Search names" }</span>
                <input type="search" placeholder="Search names" value={props.query.clone()} {oninput} />
            </label>
            <div class="type-filters" role="group" aria-label="Highlight types">
                { for GROUPS.iter().filter(|(k, _)| ann.entities.iter().any(|e| e.kind == *k)).map(|(k, label)| {
                    let kind = *k;
                    let on = !props.hidden.contains(&kind);
                    let onclick = props.on_toggle_type.reform(move |_: MouseEvent| kind);
                    html! {
                        <button type="button" class={classes!("type-toggle", format!("t-{}", kind.name()))} aria-pressed={on.to_string()} {onclick}>{ *label }</button>
                    }
                }) }
            </div>
            if let Some((index, e)) = selected {
                <section class="detail" aria-labelledby="detail-h">
                    <h3 id="detail-h">{ &e.name }</h3>
                    <p class="kind">{ e.kind.name() }{ e.role.as_ref().map(|r| format!(" · {r}")).unwrap_or_default() }</p>
                    if !e.aliases.is_empty() {
                        <p class="aliases">{ format!("Also: {}", e.aliases.join(", ")) }</p>
                    }
                    <h4>{ "Mentions" }</h4>
                    <ol class="mentions">
                        { for e.mentions.iter().take(MENTIONS_LISTED).enumerate().map(|(i, m)| {
                            let (b, t, a) = context(&doc.text, m.start, m.end, 5);
                            let id = e.id.clone();
                            let onclick = props.on_jump.reform(move |_: MouseEvent| (id.clone(), i));
                            let split = (e.mentions.len() > 1).then(|| {
                                let (entity, doc, at) = (e.id.clone(), props.doc.clone(), m.start);
                                // The mention's code-point offset, counted when the reader asks
                                // (not for every listed mention on every render).
                                let onclick = props.on_correct.reform(move |_: MouseEvent| Correction::Split { entity: entity.clone(), start: doc.0.text[..at].chars().count() });
                                html! { <button type="button" class="split" aria-label={format!("“{t}” here is not {}: split it off", e.name)} {onclick}>{ "Not this" }</button> }
                            });
                            html! { <li><button type="button" class="mention" {onclick}>{ b }<strong>{ t.clone() }</strong>{ a }</button>{ for split }</li> }
                        }) }
                    </ol>
                    if e.mentions.len() > MENTIONS_LISTED {
                        <p class="more">{ format!("and {} more, highlighted in the text", e.mentions.len() - MENTIONS_LISTED) }</p>
                    }
                    <EntityCorrections key={e.id.clone()} doc={props.doc.clone()} entity={e.id.clone()} on_correct={props.on_correct.clone()} />
                    {{
                        let with = co_occurring(ann, &sentences, index, 5);
                        if with.is_empty() { Html::default() } else { html! {
                            <>
                                <h4>{ "Appears with" }</h4>
                                <ul class="with">
                                    { for with.into_iter().map(|(o, c)| {
                                        let id = o.id.clone();
                                        let onclick = props.on_select.reform(move |_: MouseEvent| id.clone());
                                        html! { <li><button type="button" class="link" {onclick}>{ format!("{} ({c})", o.name) }</button></li> }
                                    }) }
                                </ul>
                            </>
                        }}
                    }}
                </section>
            }
            { for GROUPS.iter().map(|(kind, label)| {
                let items: Vec<(usize, &Entity)> = ann.entities.iter().enumerate().filter(|(_, e)| e.kind == *kind && matches_query(e, &props.query)).collect();
                if items.is_empty() {
                    return Html::default();
                }
                html! {
                    <section class="group">
                        <h3>{ *label }<span class="count">{ items.len() }</span></h3>
                        <ul>{ for items.into_iter().map(entry) }</ul>
                    </section>
                }
            }) }
        </aside>
    }
}

/// Props of [`EntityEntry`].
#[derive(Properties, PartialEq)]
struct EntityEntryProps {
    doc: DocRef,
    /// Index into the document's entities.
    index: usize,
    pressed: bool,
    /// The reader corrected this entity.
    corrected: bool,
    on_select: Callback<String>,
}

/// One sidebar entry (memoised: a selection re-renders only the entries whose state changed).
#[component]
fn EntityEntry(props: &EntityEntryProps) -> Html {
    let doc = &props.doc.0;
    let Some(e) = doc.annotation.entities.get(props.index) else { return Html::default() };
    let len = doc.text.len().max(1) as f64;
    let id = e.id.clone();
    let onclick = props.on_select.reform(move |_: MouseEvent| id.clone());
    let n = e.mentions.len();
    html! {
        <li>
            <button type="button" class={classes!("entity", format!("t-{}", e.kind.name()))} data-entity={e.id.clone()}
                aria-pressed={props.pressed.to_string()} {onclick}>
                <span class="name">{ &e.name }</span>
                if let Some(r) = &e.role { <span class="role">{ r }</span> }
                if props.corrected { <span class="corrected">{ "corrected" }</span> }
                <span class="count" aria-label={format!("{n} mention{}", if n == 1 { "" } else { "s" })}>{ n }</span>
                // One path for the whole strip, not a rect per cell: fewer nodes to parse,
                // prerender and hydrate.
                <svg class="strip" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <path d={strip_path(&strip_cells(e, len))} />
                </svg>
            </button>
        </li>
    }
}

/// Props of [`EntityCorrections`].
#[derive(Properties, PartialEq)]
struct EntityCorrectionsProps {
    doc: DocRef,
    entity: String,
    on_correct: Callback<Correction>,
}

/// Rename, retype, merge or remove ("Not an entity") the selected entity. The forms are built when the reader opens
/// "Correct this entry", not on every selection (the merge list names every other entity).
#[component]
fn EntityCorrections(props: &EntityCorrectionsProps) -> Html {
    let (name, kind, into) = (use_node_ref(), use_node_ref(), use_node_ref());
    let open = use_state(|| false);
    // Merging needs an explicit choice of the entity that stays: the button waits for it.
    let target_chosen = use_state(|| false);
    let ann = &props.doc.0.annotation;
    let Some(e) = ann.entities.iter().find(|e| e.id == props.entity) else { return Html::default() };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |ev: Event| {
            let details: web_sys::HtmlDetailsElement = ev.target_unchecked_into();
            if details.open() {
                // Corrections are made by the engine: fetch it while the reader fills the form.
                crate::web::warm_engine();
            }
            open.set(details.open());
        })
    };
    if !*open {
        return html! {
            <details class="correct" {ontoggle}>
                <summary>{ "Correct this entry" }</summary>
            </details>
        };
    }
    let value = |r: &NodeRef| {
        r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).or_else(|| r.cast::<web_sys::HtmlSelectElement>().map(|s| s.value())).unwrap_or_default()
    };
    let submit = |r: &NodeRef, make: fn(String, String) -> Option<Correction>| {
        let (r, id, on) = (r.clone(), e.id.clone(), props.on_correct.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(c) = make(id.clone(), value(&r)) {
                on.emit(c);
            }
        })
    };
    let rename = submit(&name, |entity, name| (!name.trim().is_empty()).then_some(Correction::Rename { entity, name }));
    let retype = submit(&kind, |entity, kind| Some(Correction::Retype { entity, kind }));
    let merge = submit(&into, |entity, into| (!into.is_empty()).then_some(Correction::Merge { entity, into }));
    let on_target = {
        let chosen = target_chosen.clone();
        Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            chosen.set(!select.value().is_empty());
        })
    };
    let not_entity = {
        let (entity, name, on) = (e.id.clone(), e.name.clone(), props.on_correct.clone());
        Callback::from(move |_: MouseEvent| on.emit(Correction::Remove { entity: entity.clone(), name: name.clone() }))
    };
    let mut others: Vec<&Entity> = ann.entities.iter().filter(|o| o.id != e.id).collect();
    others.sort_by_key(|o| (o.kind != e.kind, o.name.to_lowercase()));
    let id = |what: &str| format!("fix-{what}-{}", e.id);
    html! {
        <details class="correct" open=true {ontoggle}>
            <summary>{ "Correct this entry" }</summary>
            <form class="fix" onsubmit={rename}>
                <label for={id("name")}>{ "Name" }</label>
                <input id={id("name")} ref={name} value={e.name.clone()} />
                <button type="submit">{ "Rename" }</button>
            </form>
            <form class="fix" onsubmit={retype}>
                <label for={id("type")}>{ "Type" }</label>
                <select id={id("type")} ref={kind}>
                    { for GROUPS.iter().map(|(k, _)| html! { <option value={k.name()} selected={*k == e.kind}>{ k.name() }</option> }) }
                </select>
                <button type="submit">{ "Change type" }</button>
            </form>
            if !others.is_empty() {
                <form class="fix" onsubmit={merge}>
                    <label for={id("merge")}>{ "Same as" }</label>
                    <select id={id("merge")} ref={into} onchange={on_target}>
                        <option value="" selected=true>{ "(choose)" }</option>
                        { for others.iter().map(|o| html! { <option value={o.id.clone()}>{ format!("{} ({})", o.name, o.kind.name()) }</option> }) }
                    </select>
                    <button type="submit" disabled={!*target_chosen}>{ "Merge" }</button>
                </form>
            }
            <p class="fix">
                <button type="button" class="not-entity" onclick={not_entity}>{ "Not an entity" }</button>
            </p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::{co_occurring, context, entity_sentences};

    #[test]
    fn co_occurring_counts_shared_sentences_once_each() {
        let text = "Harbour talks\nAna Lima met Rui Costa in Lisbon on Monday. Ana Lima left early. \
                    Rui Costa and Ana Lima spoke again in Porto, and Ana Lima said Rui Costa agreed.\n";
        let doc = crate::components::Doc::analyze(text.to_owned());
        let a = &doc.annotation;
        let sentences = entity_sentences(a);
        let ana = a.entities.iter().position(|e| e.name == "Ana Lima").expect("Ana Lima");
        let with: Vec<(&str, usize)> = co_occurring(a, &sentences, ana, 5).into_iter().map(|(e, n)| (e.name.as_str(), n)).collect();
        // Rui Costa shares two sentences (three mentions); Lisbon and Porto one each.
        assert_eq!(with.first(), Some(&("Rui Costa", 2)), "{with:?}");
        assert!(with.contains(&("Lisbon", 1)) && with.contains(&("Porto", 1)), "{with:?}");
        assert!(!with.iter().any(|(n, _)| *n == "Ana Lima"), "not with itself");
        assert!(co_occurring(a, &sentences, a.entities.len(), 5).is_empty(), "no such entity");
    }

    #[test]
    fn context_quotes_the_text_as_written() {
        // (text, mention, words, expected (before, after))
        let cases: &[(&str, &str, usize, (&str, &str))] = &[
            ("a new era under Biden's administration in Anchorage today", "Biden", 3, ("…new era under ", "'s administration in…")),
            ("the Lavrov-Wang meeting was long", "Wang", 2, ("…the Lavrov-", " meeting was…")),
            ("Lavrov  said\nthat", "Lavrov", 5, ("…", " said that…")),
            ("end of text: Lavrov", "Lavrov", 2, ("…of text: ", "…")),
        ];
        for (text, mention, words, (before, after)) in cases {
            let start = text.find(mention).unwrap();
            let (b, m, a) = context(text, start, start + mention.len(), *words);
            assert_eq!((b.as_str(), m.as_str(), a.as_str()), (*before, *mention, *after), "{text:?}");
        }
    }
}
