//! Facets: named per-document values (outlet, author, and later entities and frames) with live
//! counts, and the publication-date histogram.
//!
//! A facet is only a name and, for each document, a list of values: any analysis can add one with
//! `Index::set_facet`, and it then gets counts, selection and a `name:value` query field for free.

use super::docset::DocSet;
use crate::model::Date;
use serde::{Deserialize, Serialize};

/// Named values per document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facet {
    pub name: String,
    /// Distinct values, in the order first seen.
    pub values: Vec<String>,
    /// For each document (index order), the ids of its values in `values`.
    pub docs: Vec<Vec<u32>>,
}

impl Facet {
    /// A facet with no documents yet.
    pub fn empty(name: &str) -> Facet {
        Facet {
            name: name.to_string(),
            values: Vec::new(),
            docs: Vec::new(),
        }
    }

    /// A facet from each document's values, in index order.
    pub fn new<I, V>(name: &str, per_doc: I) -> Facet
    where
        I: IntoIterator<Item = V>,
        V: AsRef<[String]>,
    {
        let mut f = Facet::empty(name);
        for values in per_doc {
            f.push_doc(values.as_ref());
        }
        f
    }

    /// Appends the next document's values (duplicates and blank values are dropped).
    pub fn push_doc(&mut self, values: &[String]) {
        let mut ids: Vec<u32> = Vec::new();
        for v in values {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let id = match self.values.iter().position(|x| x == v) {
                Some(i) => i as u32,
                None => {
                    self.values.push(v.to_string());
                    (self.values.len() - 1) as u32
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        self.docs.push(ids);
    }

    /// The values of document `doc`.
    pub fn doc_values(&self, doc: usize) -> impl Iterator<Item = &str> {
        self.docs
            .get(doc)
            .into_iter()
            .flatten()
            .filter_map(|&id| self.values.get(id as usize).map(String::as_str))
    }
}

/// Live counts for one facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCounts {
    pub name: String,
    /// Values with at least one matching document (and every selected value), most frequent
    /// first, then alphabetically.
    pub values: Vec<FacetValue>,
    /// Matching documents with no value for this facet.
    pub missing: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// Counts of `facet` over the documents in `include`.
pub(crate) fn count(facet: &Facet, include: &DocSet, selected: &[&str]) -> FacetCounts {
    let mut counts = vec![0usize; facet.values.len()];
    let mut missing = 0;
    for doc in include.iter() {
        // Documents the facet has not heard of yet have no value either.
        let ids = facet.docs.get(doc).map_or(&[][..], Vec::as_slice);
        if ids.is_empty() {
            missing += 1;
        }
        for &id in ids {
            if let Some(c) = counts.get_mut(id as usize) {
                *c += 1;
            }
        }
    }
    let mut values: Vec<FacetValue> = facet
        .values
        .iter()
        .zip(counts)
        .filter(|(v, c)| *c > 0 || selected.contains(&v.as_str()))
        .map(|(v, count)| FacetValue {
            value: v.clone(),
            count,
            selected: selected.contains(&v.as_str()),
        })
        .collect();
    super::sort::sort_by(&mut values, &|a, b| {
        b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
    });
    FacetCounts {
        name: facet.name.clone(),
        values,
        missing,
    }
}

/// How wide a histogram bin is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateUnit {
    Day,
    Week,
    Month,
    Year,
}

/// Publication dates of the matching documents, in bins spanning the whole corpus's dates (so
/// the axis stays put while the query changes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateHistogram {
    pub unit: DateUnit,
    pub bins: Vec<DateBin>,
    /// Matching documents without a publication date.
    pub undated: usize,
}

/// `start..end` (end exclusive): the query `after:START before:END` selects exactly this bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateBin {
    pub start: Date,
    pub end: Date,
    pub label: String,
    pub count: usize,
}

/// The histogram of the documents `include` chooses; `days[doc]` is the day number of a
/// document's publication date (`Date::day_number`).
pub(crate) fn date_histogram(days: &[Option<i64>], include: &DocSet) -> DateHistogram {
    let (Some(&min), Some(&max)) = (days.iter().flatten().min(), days.iter().flatten().max())
    else {
        return DateHistogram {
            unit: DateUnit::Day,
            bins: Vec::new(),
            undated: include.count(),
        };
    };
    let unit = match max - min {
        0..=31 => DateUnit::Day,
        32..=182 => DateUnit::Week,
        183..=1826 => DateUnit::Month,
        _ => DateUnit::Year,
    };
    let start_of = |d: i64| -> i64 {
        let c = civil(d);
        match unit {
            DateUnit::Day => d,
            // Weeks start on Monday.
            DateUnit::Week => d - i64::from(c.weekday()),
            DateUnit::Month => Date::new(c.year.into(), c.month.into(), 1)
                .unwrap_or(c)
                .day_number(),
            DateUnit::Year => Date::new(c.year.into(), 1, 1).unwrap_or(c).day_number(),
        }
    };
    let next = |s: i64| -> i64 {
        let c = civil(s);
        match unit {
            DateUnit::Day => s + 1,
            DateUnit::Week => s + 7,
            DateUnit::Month => {
                let (y, m) = if c.month == 12 {
                    (c.year as u32 + 1, 1)
                } else {
                    (c.year as u32, c.month as u32 + 1)
                };
                Date::new(y, m, 1).map_or(s + 31, |d| d.day_number())
            }
            DateUnit::Year => {
                Date::new(c.year as u32 + 1, 1, 1).map_or(s + 366, |d| d.day_number())
            }
        }
    };
    let mut bins = Vec::new();
    let mut s = start_of(min);
    while s <= max {
        let e = next(s);
        let start = civil(s);
        let label = match unit {
            DateUnit::Day | DateUnit::Week => start.to_string(),
            DateUnit::Month => format!("{:04}-{:02}", start.year, start.month),
            DateUnit::Year => format!("{:04}", start.year),
        };
        bins.push(DateBin {
            start,
            end: civil(e),
            label,
            count: 0,
        });
        s = e;
    }
    let ends: Vec<i64> = bins.iter().map(|b| b.end.day_number()).collect();
    let mut undated = 0;
    for doc in include.iter() {
        match days.get(doc).copied().flatten() {
            None => undated += 1,
            Some(day) => {
                let k = ends
                    .partition_point(|&e| e <= day)
                    .min(bins.len().saturating_sub(1));
                if let Some(bin) = bins.get_mut(k) {
                    bin.count += 1;
                }
            }
        }
    }
    DateHistogram {
        unit,
        bins,
        undated,
    }
}

/// The date `days` after 1970-01-01, clamped to the years `Date` holds.
fn civil(days: i64) -> Date {
    Date::from_day_number(days).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn facet_values_and_counts() {
        let f = Facet::new(
            "outlet",
            [
                vec!["A".to_string()],
                vec![],
                vec!["B".to_string(), "A".to_string(), "A".to_string()],
            ],
        );
        assert_eq!(f.values, ["A", "B"]);
        assert_eq!(f.doc_values(2).collect::<Vec<_>>(), ["B", "A"]);
        let c = count(&f, &DocSet::full(4), &["B"]);
        let got: Vec<(String, usize, bool)> = c
            .values
            .iter()
            .map(|v| (v.value.clone(), v.count, v.selected))
            .collect();
        assert_eq!(got, [("A".into(), 2, false), ("B".into(), 1, true)]);
        assert_eq!(c.missing, 2);
    }

    #[test]
    fn histogram_picks_weeks_for_seven_weeks() {
        let p = [
            Some(d("2023-09-24")),
            Some(d("2023-10-02")),
            None,
            Some(d("2023-11-09")),
        ];
        let days: Vec<Option<i64>> = p.iter().map(|d| d.map(|d| d.day_number())).collect();
        let h = date_histogram(&days, &DocSet::from_fn(4, |d| d < 3));
        assert_eq!(h.unit, DateUnit::Week);
        assert_eq!(h.undated, 1);
        // 2023-09-24 was a Sunday: its week starts Monday the 18th.
        assert_eq!(h.bins[0].label, "2023-09-18");
        assert_eq!(h.bins.last().unwrap().label, "2023-11-06");
        let counts: Vec<usize> = h.bins.iter().map(|b| b.count).collect();
        // 2023-10-02 is in the third week.
        assert_eq!(counts, [1, 0, 1, 0, 0, 0, 0, 0]);
    }
}
