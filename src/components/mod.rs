//! Small view pieces shared by the pages.

pub mod date;
pub mod provenance;

pub use date::DateText;
pub use provenance::ProvenanceBadge;
