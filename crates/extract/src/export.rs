//! Export: the corpus as JSON for the command line and the dashboard's download.
//!
//! The JSON is a view made for readers and spreadsheets, not the postcard model: units,
//! qualifiers and kinds are lowercase keys, documents are named by id, each metric carries
//! its full sentence, and each entity its aliases and mentions.

use serde::Serialize;

use crate::model::{Corpus, Period, PeriodAspect, PeriodPart};

/// The exported corpus.
#[derive(Debug, Serialize)]
pub struct JsonCorpus<'a> {
    /// The articles.
    pub documents: Vec<JsonDocument<'a>>,
    /// The entities with their aliases and mentions.
    pub entities: Vec<JsonEntity<'a>>,
    /// The cited figures.
    pub metrics: Vec<JsonMetric<'a>>,
    /// Dated events.
    pub events: Vec<JsonEvent<'a>>,
    /// What extraction could not use.
    pub diagnostics: Vec<&'a str>,
}

/// An exported document.
#[derive(Debug, Serialize)]
pub struct JsonDocument<'a> {
    /// Index in `documents`.
    pub index: usize,
    /// Stable slug.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Publisher, when known.
    pub publisher: Option<&'a str>,
    /// Author, when known.
    pub author: Option<&'a str>,
    /// Year, when known or inferred.
    pub year: Option<i32>,
    /// Month, when known.
    pub month: Option<u8>,
    /// "stated", "inferred" or "unknown".
    pub date_basis: &'static str,
    /// Sector keys, strongest first.
    pub sectors: Vec<&'static str>,
    /// Number of sentences.
    pub n_sentences: usize,
    /// The page furniture removed: kind and text.
    pub removed: Vec<(String, &'a str)>,
}

/// An exported entity.
#[derive(Debug, Serialize)]
pub struct JsonEntity<'a> {
    /// Stable slug.
    pub id: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// Kind key ("company", "person", ...).
    pub kind: &'static str,
    /// Other names used for it.
    pub aliases: &'a [String],
    /// Number of mentions.
    pub n_mentions: usize,
    /// Every mention: document id, sentence index, byte span.
    pub mentions: Vec<JsonMention<'a>>,
}

/// An exported mention.
#[derive(Debug, Serialize)]
pub struct JsonMention<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Sentence index in the document.
    pub sentence: u32,
    /// Byte span `[start, end]` in the document's cleaned text.
    pub span: [u32; 2],
    /// The mention's text.
    pub text: &'a str,
}

/// An exported metric.
#[derive(Debug, Serialize)]
pub struct JsonMetric<'a> {
    /// Normalised value.
    pub value: f64,
    /// `percent`, `percentage_points`, `count`, `currency` or `index_points`.
    pub unit: &'static str,
    /// ISO 4217 code, or null.
    pub currency: Option<&'a str>,
    /// `exact`, `more_than`, `at_least`, `about`, `nearly`, `up_to` or `less_than`.
    pub qualifier: &'static str,
    /// `level`, `change` or `share`.
    pub kind: &'static str,
    /// What is measured, for a chart axis.
    pub label: &'a str,
    /// `up`, `down` or `none`: whether the text states a rise or a fall (`value` is the
    /// magnitude).
    pub direction: &'static str,
    /// The value with its sign: negative for a fall.
    pub signed_value: f64,
    /// Normalised key of what is measured ("subject|measure|unit family"), for grouping.
    pub measure: &'a str,
    /// For a conversion written in parentheses, the index in `metrics` of the original.
    pub conversion_of: Option<u32>,
    /// The period in words ("2018", "H1 2018", "as of 2023", "2030 (target)"), or null.
    pub period: Option<String>,
    /// The period's parts.
    pub period_detail: JsonPeriod,
    /// The figure as written.
    pub surface: &'a str,
    /// Document id.
    pub doc: &'a str,
    /// Document index.
    pub doc_index: u32,
    /// Byte span `[start, end]` in the document's cleaned text.
    pub span: [u32; 2],
    /// Sentence index in the document.
    pub sentence_index: u32,
    /// The full sentence.
    pub sentence: &'a str,
    /// Names of the entities in the sentence.
    pub entities: Vec<&'a str>,
}

/// An exported period.
#[derive(Debug, Serialize)]
pub struct JsonPeriod {
    /// First year.
    pub year: Option<i32>,
    /// Last year of a range.
    pub year_end: Option<i32>,
    /// Half 1–2.
    pub half: Option<u8>,
    /// Quarter 1–4.
    pub quarter: Option<u8>,
    /// Month 1–12.
    pub month: Option<u8>,
    /// `actual`, `as_of`, `forecast` or `target`.
    pub aspect: &'static str,
    /// Inherited from the previous figure ("the same timeframe").
    pub inherited: bool,
}

/// An exported event.
#[derive(Debug, Serialize)]
pub struct JsonEvent<'a> {
    /// Year.
    pub year: i32,
    /// Month.
    pub month: Option<u8>,
    /// Day.
    pub day: Option<u8>,
    /// `past`, `forecast` or `target`.
    pub tense: &'static str,
    /// Short label.
    pub label: &'a str,
    /// Document id.
    pub doc: &'a str,
    /// The date as written.
    pub date_text: &'a str,
}

fn aspect_key(a: PeriodAspect) -> &'static str {
    match a {
        PeriodAspect::Actual => "actual",
        PeriodAspect::AsOf => "as_of",
        PeriodAspect::Forecast => "forecast",
        PeriodAspect::Target => "target",
    }
}

/// A period in words ([`Period::label`]); `None` when the text gives no period.
pub fn period_words(p: &Period) -> Option<String> {
    p.label()
}

/// Builds the JSON view of `corpus`.
pub fn json_view(corpus: &Corpus) -> JsonCorpus<'_> {
    let doc_id = |i: u32| {
        corpus
            .documents
            .get(i as usize)
            .map_or("", |d| d.id.as_str())
    };
    let slice = |doc: u32, span: crate::model::Span| {
        corpus
            .documents
            .get(doc as usize)
            .map_or("", |d| d.slice(span))
    };
    JsonCorpus {
        documents: corpus
            .documents
            .iter()
            .enumerate()
            .map(|(index, d)| JsonDocument {
                index,
                id: &d.id,
                title: &d.title,
                publisher: d.publisher.as_deref(),
                author: d.author.as_deref(),
                year: d.date.year,
                month: d.date.month,
                date_basis: match d.date.basis {
                    crate::model::DateBasis::Stated => "stated",
                    crate::model::DateBasis::Inferred => "inferred",
                    crate::model::DateBasis::Unknown => "unknown",
                },
                sectors: d.sectors.iter().map(|s| s.key()).collect(),
                n_sentences: d.sentences.len(),
                removed: d
                    .removed
                    .iter()
                    .map(|r| (format!("{:?}", r.kind).to_lowercase(), r.text.as_str()))
                    .collect(),
            })
            .collect(),
        entities: corpus
            .entities
            .iter()
            .map(|e| JsonEntity {
                id: &e.id,
                name: &e.name,
                kind: e.kind.key(),
                aliases: &e.aliases,
                n_mentions: e.mentions.len(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| JsonMention {
                        doc: doc_id(m.doc),
                        sentence: m.sentence,
                        span: [m.span.start, m.span.end],
                        text: slice(m.doc, m.span),
                    })
                    .collect(),
            })
            .collect(),
        metrics: corpus
            .metrics
            .iter()
            .map(|m| {
                let doc = corpus.documents.get(m.doc as usize);
                JsonMetric {
                    value: m.value,
                    unit: m.unit.key(),
                    currency: m.currency.as_deref(),
                    qualifier: m.qualifier.key(),
                    kind: match m.kind {
                        crate::model::MetricKind::Level => "level",
                        crate::model::MetricKind::Change => "change",
                        crate::model::MetricKind::Share => "share",
                    },
                    label: &m.label,
                    direction: m.direction.key(),
                    signed_value: m.direction.signed(m.value),
                    measure: &m.measure,
                    conversion_of: m.conversion_of,
                    period: period_words(&m.period),
                    period_detail: JsonPeriod {
                        year: m.period.year,
                        year_end: m.period.year_end,
                        half: match m.period.part {
                            PeriodPart::Half(h) => Some(h),
                            _ => None,
                        },
                        quarter: match m.period.part {
                            PeriodPart::Quarter(q) => Some(q),
                            _ => None,
                        },
                        month: match m.period.part {
                            PeriodPart::Month(mo) => Some(mo),
                            _ => None,
                        },
                        aspect: aspect_key(m.period.aspect),
                        inherited: m.period.inherited,
                    },
                    surface: &m.surface,
                    doc: doc_id(m.doc),
                    doc_index: m.doc,
                    span: [m.span.start, m.span.end],
                    sentence_index: m.sentence,
                    sentence: doc.map_or("", |d| d.sentence_text(m.sentence as usize)),
                    entities: m
                        .entities
                        .iter()
                        .filter_map(|&i| corpus.entities.get(i as usize).map(|e| e.name.as_str()))
                        .collect(),
                }
            })
            .collect(),
        events: corpus
            .events
            .iter()
            .map(|e| JsonEvent {
                year: e.year,
                month: e.month,
                day: e.day,
                tense: match e.tense {
                    crate::model::EventTense::Past => "past",
                    crate::model::EventTense::Forecast => "forecast",
                    crate::model::EventTense::Target => "target",
                },
                label: &e.label,
                doc: doc_id(e.doc),
                date_text: slice(e.doc, e.span),
            })
            .collect(),
        diagnostics: corpus
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect(),
    }
}

/// The corpus as pretty-printed JSON: `documents`, `entities` (name, kind, aliases,
/// mentions) and `metrics` (value, unit, currency, qualifier, label, period, doc, span,
/// sentence), plus `events` and `diagnostics`.
pub fn to_json(corpus: &Corpus) -> String {
    // Serialising plain data with finite numbers cannot fail; fall back to an empty object.
    serde_json::to_string_pretty(&json_view(corpus)).unwrap_or_else(|_| "{}".to_owned())
}
