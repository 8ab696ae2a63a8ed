//! Yew components. Leaf components take plain data and emit callbacks.

mod app;
mod article;
mod facts;
mod modal;
mod open;
mod share;
mod sidebar;
mod timeline;

pub use crate::load::{Doc, DocRef, OpenRequest, Status};
pub use app::{App, AppProps};
pub use article::{ArticleView, ArticleViewProps};
pub use facts::{file_base, DocumentFacts, DocumentFactsProps};
pub use open::{OpenDialog, OpenDialogProps};
pub use share::{ShareDialog, ShareDialogProps};
pub use sidebar::{EntitySidebar, EntitySidebarProps};
pub use timeline::{Timeline, TimelineProps};
