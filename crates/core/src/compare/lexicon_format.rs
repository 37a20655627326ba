//! The framing lexicon's types: what `data/framing.toml` says, in the shape the engine uses.
//! Shared with the build script (`build.rs` includes this file), which reads the TOML into
//! them and writes postcard: one definition, so the bytes it writes are the bytes the engine
//! reads.

use serde::{Deserialize, Serialize};

/// The framing lexicon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    #[serde(rename = "topic")]
    pub topics: Vec<Topic>,
}

/// One thing being named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    /// Names a single event of the news beat (the timeline matches events by it).
    #[serde(default)]
    pub event: bool,
    #[serde(rename = "frame")]
    pub frames: Vec<Frame>,
}

/// One way of naming a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub id: String,
    pub name: String,
    /// Whose wording it is and where that is documented (`attribution.note` and so on in the
    /// TOML: dotted keys keep each frame's lines together).
    pub attribution: Attribution,
    pub terms: Vec<String>,
}

/// Whose wording a frame typically is, and where that is documented: what the app shows under
/// each frame, in the comparison's framing table and the reader's framing list alike (each
/// `FrameRow` carries its frame's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Whose wording it typically is.
    pub note: String,
    /// Where that is documented (a statement, a style guide, a study), when the lexicon says:
    /// who said or wrote it, where and when, with the words that show the usage.
    #[serde(default)]
    pub source: String,
    /// The address where the source can be read (empty when it has none).
    #[serde(default)]
    pub url: String,
}
