//! The app's pages, one per file: the library, the reader, and "document not found".

mod library;
mod not_found;
mod reader;

pub use library::Library;
pub use not_found::NotFound;
pub use reader::Reader;
