//! Curator sidecars: `corpus/<stem>.toml` adds or corrects an article's metadata.
