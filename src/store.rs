//! The reader's documents in this browser's localStorage: the current one (reopened on reload,
//! with its corrections) and the recent list. Storage can be full, disabled or written by other
//! pages of the same site: every read tolerates that, and a failed write is reported, never
//! half-done (a document that does not fit is not made current, so nothing is overwritten).

use yew::UseStateHandle;

use crate::components::Doc;
use crate::docs::{doc_key, parse_recent, parse_source, remember, Origin, Recent, Source, CURRENT_KEY, RECENT_KEY};
use crate::web;

/// The recent documents, newest first.
pub fn recent() -> Vec<Recent> {
    parse_recent(web::load_item(RECENT_KEY).as_deref())
}

/// A stored document.
pub fn load(id: &str) -> Option<Source> {
    parse_source(&web::load_item(&doc_key(id))?)
}

/// The document that was on screen when the page was last left, if the reader had opened one.
pub fn current() -> Option<Source> {
    load(&web::load_item(CURRENT_KEY)?)
}

/// `source` with the corrections and date the reader gave this same document before (a `?src=`
/// address or a standalone file opened again).
pub fn with_kept(mut source: Source) -> Source {
    if let Some(kept) = load(&source.id()) {
        source.corrections = kept.corrections;
        source.date = kept.date;
    }
    source
}

/// Show the shipped article next time.
pub fn forget_current() {
    web::remove_item(CURRENT_KEY);
}

/// Delete a stored document; the new recent list.
pub fn forget(id: &str) -> Vec<Recent> {
    web::remove_item(&doc_key(id));
    if web::load_item(CURRENT_KEY).as_deref() == Some(id) {
        forget_current();
    }
    let list: Vec<Recent> = recent().into_iter().filter(|r| r.id != id).collect();
    web::save_item(RECENT_KEY, &serde_json::to_string(&list).unwrap_or_default());
    list
}

/// Keep `doc` as the current document and first in the recent list (`list` is updated).
/// The shipped article without corrections is not stored: it is always there. Returns a note
/// for the reader when the browser would not store it.
pub fn keep(doc: &Doc, list: &UseStateHandle<Vec<Recent>>) -> Option<String> {
    let s = &doc.source;
    if s.origin == Origin::Default && s.corrections.is_empty() && s.date.is_none() {
        forget_current();
        return None;
    }
    let id = s.id();
    let json = serde_json::to_string(s).unwrap_or_default();
    if !web::save_item(&doc_key(&id), &json) {
        return Some(format!(
            "This document ({:.1} MB with its corrections) does not fit in this browser's storage: it is shown, but a reload will not bring it back. Export it (lede/1 JSON) to keep it.",
            json.len() as f64 / 1_048_576.0
        ));
    }
    web::save_item(CURRENT_KEY, &id);
    let entry = Recent { id, title: doc.title(), origin: s.origin, chars: doc.text.chars().count(), opened: web::now_ms() };
    let (next, dropped) = remember(&recent(), entry);
    for d in dropped {
        web::remove_item(&doc_key(&d));
    }
    web::save_item(RECENT_KEY, &serde_json::to_string(&next).unwrap_or_default());
    list.set(next);
    None
}
