//! The app's pages, one per file (the comparison page and the overview, a folder each): the
//! story overview, the library, the reader, search, entities, comparison, and "not found".

pub(crate) mod compare;
mod entities;
mod library;
mod not_found;
mod overview;
mod reader;
pub mod search;

pub use compare::Compare;
pub use entities::Entities;
pub use library::Library;
pub use not_found::NotFound;
pub use overview::{compared, filtered, overview_route, Overview};
pub use reader::Reader;
pub use search::Search;
