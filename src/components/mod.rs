//! Yew components. Leaf components take plain data and emit callbacks.

mod app;
mod article;
mod facts;
mod sidebar;
mod timeline;

pub use app::{App, Doc, DocRef};
pub use article::{ArticleView, ArticleViewProps};
pub use facts::{DocumentFacts, DocumentFactsProps};
pub use sidebar::{EntitySidebar, EntitySidebarProps};
pub use timeline::{Timeline, TimelineProps};
