//! The app's pages, one per file: the library, the reader, search, and "document not found".

mod entities;
mod library;
mod not_found;
mod reader;
pub mod search;

pub use entities::Entities;
pub use library::Library;
pub use not_found::NotFound;
pub use reader::Reader;
pub use search::Search;
