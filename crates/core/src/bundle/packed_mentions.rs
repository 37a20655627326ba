//! The shipped layout of the entity mentions: each canonical name once, and per mention the gap
//! from the previous mention's start, its length, its type, the number of its canonical name and
//! its layer (a few bytes instead of a name repeated for every mention: on a long article the
//! mentions were a fifth of the bundle).

use crate::entities::{EntityType, Layer, Mention};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

/// (start gap, length, type, canonical name number, layer)
type PackedMention = (u32, u32, EntityType, u32, Layer);

#[derive(Serialize, Deserialize)]
struct Packed {
    canonicals: Vec<String>,
    docs: Vec<Vec<PackedMention>>,
}

pub fn serialize<S: Serializer>(mentions: &[Vec<Mention>], s: S) -> Result<S::Ok, S::Error> {
    let mut canonicals: Vec<String> = Vec::new();
    let mut number: HashMap<&str, u32> = HashMap::new();
    let docs = mentions
        .iter()
        .map(|doc| {
            let mut prev = 0u32;
            doc.iter()
                .map(|m| {
                    let id = *number.entry(m.canonical.as_str()).or_insert_with(|| {
                        canonicals.push(m.canonical.clone());
                        canonicals.len().saturating_sub(1) as u32
                    });
                    let (start, end) = (m.start as u32, m.end as u32);
                    // Wrapping, like the unpacking: any values round-trip.
                    let gap = start.wrapping_sub(prev);
                    prev = start;
                    (gap, end.wrapping_sub(start), m.kind, id, m.layer)
                })
                .collect()
        })
        .collect();
    Packed { canonicals, docs }.serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<Mention>>, D::Error> {
    let p = Packed::deserialize(d)?;
    p.docs
        .into_iter()
        .map(|doc| {
            let mut prev = 0u32;
            doc.into_iter()
                .map(|(gap, len, kind, id, layer)| {
                    let start = prev.wrapping_add(gap);
                    prev = start;
                    let canonical = p.canonicals.get(id as usize).ok_or_else(|| {
                        serde::de::Error::custom(
                            "a mention names a canonical name that is not there",
                        )
                    })?;
                    Ok(Mention {
                        start: start as usize,
                        end: start.wrapping_add(len) as usize,
                        kind,
                        canonical: canonical.clone(),
                        layer,
                    })
                })
                .collect()
        })
        .collect()
}
