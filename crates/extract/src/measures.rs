//! Measures: a normalised key for what a figure measures, so that the same measure cited in
//! different documents groups together ("BYD deliveries", "byd's deliveries rose" and "BYD
//! Auto delivered" all become `byd|deliveries|count`).
//!
//! The key has three parts joined by `|`: the subject entity's id (empty when the sentence
//! names none), what is measured (the label, lower-cased, with the subject's name, years,
//! change words and determiners taken out, and plurals of measure nouns kept as the press
//! writes them), and the unit family (money in any currency is one family, so that revenue
//! in yuan and in dollars group; the dashboard converts).

use crate::model::{Entity, EntityKind, Metric, MetricKind, Unit};

/// Words that say how a figure moved or hedge it, not what it measures.
const NOT_MEASURE: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "on",
    "for",
    "by",
    "to",
    "and",
    "growth",
    "change",
    "rise",
    "increase",
    "decline",
    "fall",
    "drop",
    "jump",
    "gain",
    "year-on-year",
    "year-over-year",
    "yoy",
    "annual",
    "annually",
    "total",
    "combined",
    "new",
    "latest",
    "this",
    "last",
    "next",
    "year",
    "quarter",
    "quarterly",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "record",
    "about",
    "around",
    "some",
    "nearly",
    "over",
];

/// Measure nouns that the press writes in more than one form: the form the key uses.
const SYNONYMS: &[(&str, &str)] = &[
    ("revenues", "revenue"),
    ("sales revenue", "revenue"),
    ("turnover", "revenue"),
    ("profits", "profit"),
    ("net profits", "net profit"),
    ("earnings", "profit"),
    ("shipment", "shipments"),
    ("delivery", "deliveries"),
    ("investments", "investment"),
    ("prices", "price"),
    ("costs", "cost"),
    ("losses", "loss"),
    ("tariff", "tariffs"),
];

/// What is measured, normalised from a label: lower case, subject and filler words removed,
/// synonyms folded ("Huawei revenue, growth" → "revenue"; "unicorns in Beijing" with Beijing
/// as subject → "unicorns").
pub fn normalise_measure(label: &str, subject_names: &[&str]) -> String {
    let lower = label.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"'))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '&');
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .collect();
    // The subject's name, and a preposition that leads to it ("in Beijing", "from China").
    for name in subject_names {
        let name = name.to_lowercase();
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.is_empty() || name.len() < 2 {
            continue;
        }
        let mut i = 0;
        while i + parts.len() <= words.len() {
            if words[i..i + parts.len()] == parts[..] {
                let from = if i > 0
                    && matches!(words[i - 1], "in" | "of" | "from" | "at" | "by" | "for")
                {
                    i - 1
                } else {
                    i
                };
                words.drain(from..i + parts.len());
                i = from;
            } else {
                i += 1;
            }
        }
    }
    let mut words: Vec<&str> = words
        .into_iter()
        .filter(|w| !NOT_MEASURE.contains(w))
        .filter(|w| !is_year(w))
        .collect();
    // Removing the filler between two halves of a label can leave a word twice in a row
    // ("share, share of sales" → "share share sales"): once is enough.
    words.dedup();
    // "of" and "in" join two nouns ("share of gdp") but mean nothing at either end.
    let mut words = words.as_slice();
    while let [first, rest @ ..] = words {
        if matches!(*first, "of" | "in" | "from") {
            words = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = words {
        if matches!(*last, "of" | "in" | "from") {
            words = rest;
        } else {
            break;
        }
    }
    let joined = words.join(" ");
    SYNONYMS
        .iter()
        .find(|(from, _)| *from == joined)
        .map_or(joined.clone(), |(_, to)| (*to).to_owned())
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// The unit family part of a key.
fn unit_family(unit: Unit, kind: MetricKind) -> &'static str {
    match (unit, kind) {
        (Unit::Percent, MetricKind::Change) => "percent change",
        (Unit::Percent, MetricKind::Share) => "percent share",
        _ => unit.key(),
    }
}

/// match_subject_entity: the subject of a figure is the company, organisation, product,
/// programme or place mentioned nearest before it in its sentence (a company beats a place at
/// equal standing, "BYD's sales in Europe" is about BYD); failing that, the first one after it.
pub fn subject_of(metric: &Metric, entities: &[Entity]) -> Option<usize> {
    let rank = |k: EntityKind| match k {
        EntityKind::Company | EntityKind::Organisation | EntityKind::Product => 0u8,
        EntityKind::Programme => 1,
        EntityKind::Place => 2,
        EntityKind::Person => 3,
    };
    let mut best: Option<((u8, u8, u32), usize)> = None;
    for &ei in &metric.entities {
        let Some(e) = entities.get(ei as usize) else {
            continue;
        };
        let r = rank(e.kind);
        if r > 2 {
            continue;
        }
        for m in e
            .mentions
            .iter()
            .filter(|m| m.doc == metric.doc && m.sentence == metric.sentence)
        {
            // Before the figure: nearer is better; after it: only as a fallback.
            let (side, distance) = if m.span.end <= metric.span.start {
                (0u8, metric.span.start - m.span.end)
            } else if m.span.start >= metric.span.end {
                (1u8, m.span.start - metric.span.end)
            } else {
                continue;
            };
            let key = (side, r, distance);
            if best.is_none_or(|(b, _)| key < b) {
                best = Some((key, ei as usize));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// The measure key of `metric`: `subject|measure|unit family`, or empty when the sentence
/// names no subject or no measure: a half key ("|revenue|currency", "apple||currency") would
/// group figures about different things.
pub fn measure_key(metric: &Metric, entities: &[Entity]) -> String {
    let Some(subject) = subject_of(metric, entities).and_then(|i| entities.get(i)) else {
        return String::new();
    };
    let subject = Some(subject);
    let names: Vec<&str> = subject
        .map(|e| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .collect()
        })
        .unwrap_or_default();
    let what = normalise_measure(&metric.label, &names);
    if what.is_empty() {
        return String::new();
    }
    format!(
        "{}|{}|{}",
        subject.map_or("", |e| e.id.as_str()),
        what,
        unit_family(metric.unit, metric.kind)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_normalise() {
        assert_eq!(
            normalise_measure("Huawei revenue, growth", &["Huawei"]),
            "revenue"
        );
        assert_eq!(
            normalise_measure("digital economy, share of GDP", &[]),
            "digital economy share of gdp"
        );
        assert_eq!(
            normalise_measure("BYD’s deliveries in 2024", &["BYD"]),
            "deliveries"
        );
        assert_eq!(
            normalise_measure("BYD share, the share of sales", &["BYD"]),
            "share of sales"
        );
    }
}
