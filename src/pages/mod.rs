//! The app's pages, one per file (the comparison page, a folder of views): the library, the
//! reader, search, entities, comparison, and "document not found".

pub(crate) mod compare;
mod entities;
mod library;
mod not_found;
mod reader;
pub mod search;

pub use compare::Compare;
pub use entities::Entities;
pub use library::Library;
pub use not_found::NotFound;
pub use reader::Reader;
pub use search::Search;
