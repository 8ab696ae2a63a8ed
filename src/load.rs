//! What the viewer shows and what it is doing: the document types and the loading state
//! machine. Plain data and a reducer, tested natively; the loader (`components/app.rs`) does
//! the browser's part (worker, fetches, storage) and only dispatches [`Load`] actions here.
//!
//! Every load is a numbered job. A result that arrives after a newer load began (the reader
//! opened another article meanwhile) is dropped, so the last thing the reader asked for wins.

use std::rc::Rc;

use lede_engine::corrections::Correction;
use lede_engine::{Annotation, Article};
use yew::Reducible;

use crate::docs::{Origin, Source};

/// An analysed document: the raw text, the engine's reading of it, and where it came from.
///
/// The viewer's Wasm reads `lede/1` but carries no analysis: the engine (in the analysis
/// worker) analyses, corrects and exports, and hands back `lede/1` JSON, which the document
/// keeps so the next correction or export starts from it.
#[derive(Debug)]
pub struct Doc {
    /// The raw text, unchanged.
    pub text: String,
    /// Everything the engine found in `text`, with the reader's corrections applied.
    pub annotation: Annotation,
    /// What the reader brought, to analyse again, keep and share.
    pub source: Source,
    /// The `lede/1` JSON `text` and `annotation` were read from.
    pub json: String,
}

impl Doc {
    /// Analyse `text` on this thread (tests and tools; the viewer analyses in a Web Worker).
    pub fn analyze(text: String) -> Doc {
        let annotation = lede_engine::annotate(&text, &lede_engine::Options::default());
        let source = Source { name: "article.txt".into(), origin: Origin::Default, url: None, content: text.clone(), date: None, corrections: Vec::new() };
        let json = lede_engine::to_json(&text, &annotation);
        Doc { text, annotation, source, json }
    }

    /// A document from the worker's `lede/1` JSON (with `source`'s corrections already
    /// applied there).
    pub fn from_json(source: Source, json: &str) -> Result<Doc, String> {
        let (text, annotation) = lede_engine::from_json(json).map_err(|e| e.to_string())?;
        Ok(Doc { text, annotation, source, json: json.to_owned() })
    }

    /// The default article from its build-time analysis (`articles/default.json`), as both the
    /// prerender (natively) and the viewer (before hydrating that markup) read it.
    pub fn built_default(json: &str) -> Result<Doc, String> {
        let mut doc = Doc::from_json(Source::default_article(), json)?;
        doc.source.content = doc.text.clone();
        Ok(doc)
    }

    /// `corrections` as the JSON list the engine reads (empty text for none).
    pub fn corrections_json(corrections: &[Correction]) -> String {
        if corrections.is_empty() {
            String::new()
        } else {
            serde_json::to_string(corrections).unwrap_or_default()
        }
    }

    /// The article's structure.
    pub fn article(&self) -> &Article {
        &self.annotation.article
    }

    /// A title for lists: the headline, else the file name.
    pub fn title(&self) -> String {
        self.article().meta.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| self.source.name.clone())
    }
}

/// A shared document; equal when it is the same document (pointer equality, O(1)).
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Doc>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the viewer is doing besides showing the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Nothing.
    Idle,
    /// Reading or analysing a document: what, and the share done (0 to 1).
    Busy(String, f64),
    /// Something went wrong; the document on screen (if any) stays.
    Problem(String, String),
    /// Something the reader should know that is not an error.
    Note(String),
}

/// What the reader asked to open.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenRequest {
    /// Pasted text and the publication date typed with it.
    Paste { text: String, date: Option<String> },
    /// A chosen or dropped file (browser only: the bytes are read first).
    File { name: String, bytes: Rc<Vec<u8>> },
    /// A web address (`?src=`).
    Url(String),
    /// A recent document, by id.
    Recent(String),
    /// The article Lede ships with.
    Default,
    /// Nothing can be opened: a title and why (a file too large or unreadable).
    Refused(String, String),
}

/// The viewer's document and what it is doing.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadState {
    /// The document on screen, if any.
    pub doc: Option<DocRef>,
    /// What the viewer is doing besides showing it.
    pub status: Status,
    /// The current load's number (0: none yet).
    job: u64,
}

/// What happened to a load, or to the document on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// Load `job` began: what it does, for the reader.
    Start(u64, String),
    /// Load `job` has done this share of its work (0 to 1).
    Progress(u64, f64),
    /// Load `job` gives this document (and a note for the reader, such as "storage is full").
    Loaded(u64, DocRef, Option<String>),
    /// Load `job` failed: a title and why. The document on screen stays.
    Failed(u64, String, String),
    /// The document on screen, changed in place (a correction), with an optional note.
    Replace(DocRef, Option<String>),
    /// Something the reader asked for was refused (not a load): a title and why.
    Refused(String, String),
    /// The reader dismissed the notice.
    Dismiss,
}

impl LoadState {
    /// The state before anything is loaded, or with `doc` already on the page (hydration).
    pub fn new(doc: Option<DocRef>) -> LoadState {
        let status = if doc.is_some() { Status::Idle } else { Status::Busy("Loading the article".into(), 0.0) };
        LoadState { doc, status, job: 0 }
    }

    /// Whether a document is shown and nothing is under way (`html[data-ready]`).
    pub fn ready(&self) -> bool {
        self.doc.is_some() && !matches!(self.status, Status::Busy(..))
    }

    /// Whether nothing can be shown: no document, and a problem (`html[data-error]`).
    pub fn failed(&self) -> bool {
        self.doc.is_none() && matches!(self.status, Status::Problem(..))
    }

    /// The state after `action`.
    pub fn apply(&self, action: Load) -> LoadState {
        let mut next = self.clone();
        match action {
            Load::Start(job, what) if job >= self.job => {
                next.job = job;
                next.status = Status::Busy(what, 0.0);
            }
            Load::Progress(job, p) if job == self.job => {
                if let Status::Busy(what, _) = &self.status {
                    next.status = Status::Busy(what.clone(), p.clamp(0.0, 1.0));
                }
            }
            Load::Loaded(job, doc, note) if job == self.job => {
                next.doc = Some(doc);
                next.status = note.map_or(Status::Idle, Status::Note);
            }
            Load::Failed(job, title, why) if job == self.job => next.status = Status::Problem(title, why),
            Load::Replace(doc, note) => {
                next.doc = Some(doc);
                next.status = note.map_or(Status::Idle, Status::Note);
            }
            Load::Refused(title, why) => next.status = Status::Problem(title, why),
            Load::Dismiss => next.status = Status::Idle,
            // A stale load's news, or a start older than the current one: nothing changes.
            _ => {}
        }
        next
    }
}

impl Reducible for LoadState {
    type Action = Load;

    fn reduce(self: Rc<Self>, action: Load) -> Rc<Self> {
        let next = self.apply(action);
        crate::state::keep_if_unchanged(self, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocRef {
        DocRef(Rc::new(Doc::analyze(text.to_owned())))
    }

    #[test]
    fn a_load_shows_progress_then_its_document() {
        let s = LoadState::new(None);
        assert!(!s.ready() && !s.failed());
        let s = s.apply(Load::Start(1, "Analysing a.txt".into()));
        let s = s.apply(Load::Progress(1, 0.5));
        assert_eq!(s.status, Status::Busy("Analysing a.txt".into(), 0.5));
        let a = doc("Talks in Lisbon\nRui Costa spoke on Monday.\n");
        let s = s.apply(Load::Loaded(1, a.clone(), None));
        assert_eq!((s.doc.clone(), s.status.clone()), (Some(a), Status::Idle));
        assert!(s.ready());
        // Progress after the end changes nothing.
        assert_eq!(s.apply(Load::Progress(1, 0.9)), s);
    }

    #[test]
    fn the_newest_load_wins_and_stale_results_are_dropped() {
        let (a, b) = (doc("A story\nAna Lima wrote it.\n"), doc("B story\nRui Costa wrote it.\n"));
        let s = LoadState::new(None).apply(Load::Start(1, "first".into())).apply(Load::Start(2, "second".into()));
        // The first load finishes late: dropped, the second is still under way.
        let s = s.apply(Load::Loaded(1, a.clone(), None)).apply(Load::Failed(1, "x".into(), "y".into())).apply(Load::Progress(1, 0.7));
        assert_eq!((s.doc.clone(), s.status.clone()), (None, Status::Busy("second".into(), 0.0)));
        let s = s.apply(Load::Loaded(2, b.clone(), None));
        assert_eq!(s.doc, Some(b));
        // An older start never takes over a newer one.
        assert_eq!(s.apply(Load::Start(1, "old".into())), s);
    }

    #[test]
    fn a_failure_keeps_the_document_on_screen() {
        let a = doc("A story\nAna Lima wrote it.\n");
        let s = LoadState::new(Some(a.clone()));
        assert!(s.ready(), "a hydrated page starts ready");
        let s = s.apply(Load::Start(1, "Fetching".into())).apply(Load::Failed(1, "Not found".into(), "HTTP 404".into()));
        assert_eq!(s.doc, Some(a));
        assert_eq!(s.status, Status::Problem("Not found".into(), "HTTP 404".into()));
        assert!(s.ready() && !s.failed(), "a problem notice over a document is not a dead page");
        let none = LoadState::new(None).apply(Load::Start(1, "Loading".into())).apply(Load::Failed(1, "Gone".into(), "why".into()));
        assert!(none.failed());
        assert_eq!(none.apply(Load::Dismiss).status, Status::Idle);
    }

    #[test]
    fn corrections_and_refusals_are_not_loads() {
        let (a, b) = (doc("A story\nAna Lima wrote it.\n"), doc("A story\nAna Lima wrote it again.\n"));
        let s = LoadState::new(Some(a)).apply(Load::Start(3, "Fetching".into()));
        let s = s.apply(Load::Replace(b.clone(), Some("Storage is full".into())));
        assert_eq!((s.doc.clone(), s.status.clone()), (Some(b), Status::Note("Storage is full".into())));
        let s = s.apply(Load::Refused("The correction was not made".into(), "why".into()));
        assert!(matches!(s.status, Status::Problem(..)));
    }
}
