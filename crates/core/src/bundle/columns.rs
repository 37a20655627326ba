//! How the manifest of a sharded corpus stores its per-document table and its file list, so
//! that it compresses well (what the first search waits for): the documents column by column
//! (every id, then every title, every outlet, …: like values side by side compress far better
//! than one document's values after another's, a sixth less at 10,000 articles), and each file
//! by its directory, length and checksum (its name is its checksum, so it is not stored twice).

use super::shards::{DocSummary, FileRef};
use crate::model::{Date, Field, Metadata};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

type Text = Option<Field<String>>;

/// The documents' table, one column per value.
#[derive(Serialize, Deserialize)]
struct Columns {
    ids: Vec<String>,
    text_lens: Vec<u64>,
    sentences: Vec<Vec<u32>>,
    ledes: Vec<Option<String>>,
    titles: Vec<Text>,
    outlets: Vec<Text>,
    authors: Vec<Vec<Field<String>>>,
    published: Vec<Option<Field<Date>>>,
    updated: Vec<Option<Field<Date>>>,
    urls: Vec<Text>,
    languages: Vec<Text>,
    notes: Vec<Text>,
}

/// `Vec<DocSummary>` as [`Columns`] (`#[serde(with = "columns::documents")]`).
pub(super) mod documents {
    use super::*;

    pub fn serialize<S: Serializer>(docs: &[DocSummary], s: S) -> Result<S::Ok, S::Error> {
        let mut c = Columns {
            ids: Vec::with_capacity(docs.len()),
            text_lens: Vec::with_capacity(docs.len()),
            sentences: Vec::with_capacity(docs.len()),
            ledes: Vec::with_capacity(docs.len()),
            titles: Vec::with_capacity(docs.len()),
            outlets: Vec::with_capacity(docs.len()),
            authors: Vec::with_capacity(docs.len()),
            published: Vec::with_capacity(docs.len()),
            updated: Vec::with_capacity(docs.len()),
            urls: Vec::with_capacity(docs.len()),
            languages: Vec::with_capacity(docs.len()),
            notes: Vec::with_capacity(docs.len()),
        };
        // A field added to `Metadata` fails to compile in `deserialize` (which names them all)
        // until it has a column; a column not filled here fails the length check there.
        for d in docs {
            let m = &d.meta;
            c.ids.push(d.id.clone());
            c.text_lens.push(d.text_len);
            c.sentences.push(d.sentences.clone());
            c.ledes.push(d.lede.clone());
            c.titles.push(m.title.clone());
            c.outlets.push(m.outlet.clone());
            c.authors.push(m.authors.clone());
            c.published.push(m.published.clone());
            c.updated.push(m.updated.clone());
            c.urls.push(m.url.clone());
            c.languages.push(m.language.clone());
            c.notes.push(m.notes.clone());
        }
        c.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DocSummary>, D::Error> {
        let c = Columns::deserialize(d)?;
        let n = c.ids.len();
        let lens = [
            c.text_lens.len(),
            c.sentences.len(),
            c.ledes.len(),
            c.titles.len(),
            c.outlets.len(),
            c.authors.len(),
            c.published.len(),
            c.updated.len(),
            c.urls.len(),
            c.languages.len(),
            c.notes.len(),
        ];
        if lens.iter().any(|&l| l != n) {
            return Err(D::Error::custom("the documents' columns differ in length"));
        }
        let mut out = Vec::with_capacity(n);
        let mut cols = (
            c.text_lens.into_iter(),
            c.sentences.into_iter(),
            c.ledes.into_iter(),
            c.titles.into_iter(),
            c.outlets.into_iter(),
            c.authors.into_iter(),
            c.published.into_iter(),
            c.updated.into_iter(),
            c.urls.into_iter(),
            c.languages.into_iter(),
            c.notes.into_iter(),
        );
        for id in c.ids {
            // The lengths are equal (checked above), so every column has a next value.
            let (
                Some(text_len),
                Some(sentences),
                Some(lede),
                Some(title),
                Some(outlet),
                Some(authors),
                Some(published),
                Some(updated),
                Some(url),
                Some(language),
                Some(notes),
            ) = (
                cols.0.next(),
                cols.1.next(),
                cols.2.next(),
                cols.3.next(),
                cols.4.next(),
                cols.5.next(),
                cols.6.next(),
                cols.7.next(),
                cols.8.next(),
                cols.9.next(),
                cols.10.next(),
            )
            else {
                break;
            };
            out.push(DocSummary {
                id,
                meta: Metadata {
                    title,
                    outlet,
                    authors,
                    published,
                    updated,
                    url,
                    language,
                    notes,
                },
                text_len,
                sentences,
                lede,
            });
        }
        Ok(out)
    }
}

/// A [`FileRef`] as its directory, length and checksum: its path is
/// `<directory>/<checksum as 16 hex digits>.bin` (what `shards::file` names it).
impl Serialize for FileRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let dir = self.path.split_once('/').map_or("", |(dir, _)| dir);
        (dir, self.bytes, self.checksum).serialize(s)
    }
}

impl<'de> Deserialize<'de> for FileRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (dir, bytes, checksum) = <(String, u64, u64)>::deserialize(d)?;
        Ok(FileRef::named(&dir, bytes, checksum))
    }
}
