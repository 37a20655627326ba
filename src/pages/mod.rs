//! The app's pages, one per file: the library, the reader, search, and "document not found".

mod library;
mod not_found;
mod reader;
pub mod search;

pub use library::Library;
pub use not_found::NotFound;
pub use reader::Reader;
pub use search::Search;
