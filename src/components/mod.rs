//! Small view pieces shared by the pages.

pub mod copy_link;
pub mod date;
pub mod dom;
pub mod entity_marks;
pub mod facets;
pub mod framing_marks;
pub mod highlight;
pub mod in_place;
pub mod kwic;
pub mod progressive;
pub mod provenance;
pub mod search_box;

pub use date::DateText;
pub use provenance::ProvenanceBadge;
