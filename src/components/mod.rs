//! Yew components. Leaf components take plain data and emit callbacks.

mod app;
mod article;
mod facts;

pub use app::{App, Doc, DocRef};
pub use article::{ArticleView, ArticleViewProps};
pub use facts::{DocumentFacts, DocumentFactsProps};
