//! Extraction: plain article text in, a structured corpus of documents, figures, entities and dates out.
//!
//! The crate is pure Rust with no knowledge of the web: the build script runs it natively
//! over the default corpus, and the dashboard runs the same code in WebAssembly over a
//! reader's own article.
//!
//! Extraction never fails and never panics: whatever it cannot use becomes a
//! [`Diagnostic`], and the rest of the article is still returned.
//!
//! ```
//! use extract::{extract, Source};
//!
//! let corpus = extract(&[Source::new("note.txt", "A Headline\n\nSales rose. Mr. Li agreed.")]);
//! let doc = &corpus.documents[0];
//! assert_eq!(doc.id, "note");
//! assert_eq!(doc.title, "A Headline");
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.sentence_text(1), "Mr. Li agreed.");
//! ```
//!
//! Figures come out normalised, hedged, dated and labelled; numbers that are not figures
//! (years, "5G", "7nm", list markers...) do not come out at all:
//!
//! ```
//! use extract::{extract, Qualifier, Source, Unit};
//!
//! let text = "Title\n\nIn 2019, Beijing had more than 500 platforms and 5G reached 31.3 trillion yuan.";
//! let corpus = extract(&[Source::new("a.txt", text)]);
//! let m: Vec<_> = corpus.metrics.iter().map(|m| (m.surface.as_str(), m.value)).collect();
//! assert_eq!(m, [("500", 500.0), ("31.3 trillion yuan", 3.13e13)]);
//! assert_eq!(corpus.metrics[0].qualifier, Qualifier::MoreThan);
//! assert_eq!(corpus.metrics[1].unit, Unit::Currency);
//! assert_eq!(corpus.metrics[1].currency.as_deref(), Some("CNY"));
//! assert_eq!(corpus.metrics[0].period.year, Some(2019));
//! ```
//!
//! Code map, by what each module finds: [`documents`] (ids, titles, paragraphs) with
//! [`boilerplate`] (page furniture) and [`sentences`]; [`numbers`], [`units`],
//! [`qualifiers`], [`non_metrics`], [`dates`], [`periods`] and [`labels`], assembled by
//! [`metrics`]; [`measures`] (a key that groups the same measure across documents);
//! [`entities`] (with the gazetteer in `data/gazetteer.toml`); [`sectors`];
//! [`export`] (the JSON view); [`eval`] (scoring against the hand annotations).

#![warn(missing_docs)]

pub mod boilerplate;
pub mod currencies;
pub mod dates;
pub mod documents;
pub mod entities;
pub mod eval;
pub mod export;
pub mod labels;
pub mod measures;
pub mod metrics;
pub mod model;
pub mod non_metrics;
pub mod numbers;
pub mod periods;
pub mod qualifiers;
pub mod sectors;
pub mod sentences;
pub mod units;
pub mod words;

pub use export::to_json;
pub use model::*;

use serde::Deserialize;

/// One article to extract, with whatever is known about it besides its text.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// The file name or a label; the document id is derived from it.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Facts known from outside the text.
    pub meta: SourceMeta,
}

impl Source {
    /// A source with no metadata.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            meta: SourceMeta::default(),
        }
    }

    /// A source from raw file bytes. Invalid UTF-8 is replaced, never rejected;
    /// the returned diagnostic says so.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> (Self, Option<String>) {
        let name = name.into();
        let (text, note) = match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), None),
            Err(_) => {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let note = format!(
                    "{name}: the file is not valid UTF-8; undecodable bytes were replaced with \u{FFFD}"
                );
                (text, Some(note))
            }
        };
        (Self::new(name, text), note)
    }
}

/// Facts about an article known from outside its text (the corpus's collection notes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The headline, when the text lacks one.
    pub title: Option<String>,
    /// Publisher, when known.
    pub publisher: Option<String>,
    /// Author, when known.
    pub author: Option<String>,
    /// Year of publication.
    pub year: Option<i32>,
    /// Month of publication, 1–12.
    pub month: Option<u8>,
    /// Whether `year`/`month` are inferred (approximate) rather than stated.
    #[serde(default)]
    pub date_inferred: bool,
    /// Why the date is what it is.
    pub date_note: Option<String>,
}

/// Extracts a corpus from articles. Never panics, never fails.
pub fn extract(sources: &[Source]) -> Corpus {
    let mut corpus = Corpus::default();
    for source in sources {
        extract_source(&mut corpus, source);
    }
    corpus
}

/// Extracts one more article into an existing corpus: the new document is appended, its
/// entities are resolved against those already in the corpus, and every index it records
/// (document, sentence, entity) is valid in the grown corpus. Never panics, never fails.
///
/// ```
/// use extract::{extract, extract_into, Source};
///
/// let mut corpus = extract(&[Source::new("a.txt", "A\n\nThe Ministry of Commerce (Mofcom) spoke.")]);
/// extract_into(&mut corpus, Source::new("b.txt", "B\n\nMofcom said exports rose 5% in 2024."));
/// assert_eq!(corpus.documents.len(), 2);
/// let mofcom = corpus.entities.iter().find(|e| e.name == "Ministry of Commerce").unwrap();
/// assert!(mofcom.mentions.iter().any(|m| m.doc == 0) && mofcom.mentions.iter().any(|m| m.doc == 1));
/// assert_eq!(corpus.metrics[0].doc, 1);
/// ```
// The signature takes the source by value: it is the contract the dashboard codes against.
#[allow(clippy::needless_pass_by_value)]
pub fn extract_into(corpus: &mut Corpus, source: Source) {
    extract_source(corpus, &source);
}

fn extract_source(corpus: &mut Corpus, source: &Source) {
    let doc_idx = u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX);
    let (mut doc, notes) = documents::build_document(source, &corpus.documents);
    corpus
        .diagnostics
        .extend(notes.into_iter().map(|message| Diagnostic {
            doc: Some(doc_idx),
            message,
        }));
    if doc.date.year.is_none() {
        infer_date(&mut doc);
    }

    // Sectors per sentence and for the document.
    let per_sentence: Vec<Vec<Sector>> = doc
        .sentences
        .iter()
        .map(|s| sectors::sentence_sectors(doc.slice(s.span)))
        .collect();
    doc.sectors = sectors::document_sectors(&per_sentence);
    for (s, sec) in doc.sentences.iter_mut().zip(per_sentence) {
        s.sectors = sec;
    }

    // Entities, resolved against the corpus.
    let mut resolver = entities::Resolver::new(corpus);
    entities::find_entities(&doc, doc_idx, &mut resolver, &mut corpus.entities);

    // Metrics, with the places and entities of their sentences. The entities of each
    // sentence are indexed once, so the cost stays linear in the document's length.
    let n_sentences = doc.sentences.len();
    let mut entities_of: Vec<Vec<u32>> = vec![Vec::new(); n_sentences];
    let mut places_in: Vec<Vec<(usize, String)>> = vec![Vec::new(); n_sentences];
    for (ei, e) in corpus.entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.doc == doc_idx) {
            let si = m.sentence as usize;
            let (Some(list), Some(sent)) = (entities_of.get_mut(si), doc.sentences.get(si)) else {
                continue;
            };
            let ei = u32::try_from(ei).unwrap_or(u32::MAX);
            if !list.contains(&ei) {
                list.push(ei);
            }
            if e.kind == EntityKind::Place {
                let offset = m.span.start.saturating_sub(sent.span.start) as usize;
                places_in[si].push((offset, e.name.clone()));
            }
        }
    }
    for list in &mut entities_of {
        list.sort_unstable();
    }
    for list in &mut places_in {
        list.sort();
    }
    let places_of =
        |si: usize| -> Vec<(usize, String)> { places_in.get(si).cloned().unwrap_or_default() };
    let mut metrics = metrics::find_metrics(&doc, doc_idx, &places_of);
    let first_metric = u32::try_from(corpus.metrics.len()).unwrap_or(u32::MAX);
    for m in &mut metrics {
        // Conversion links are made per document; the corpus index shifts them.
        m.conversion_of = m.conversion_of.map(|i| i.saturating_add(first_metric));
        m.entities = entities_of
            .get(m.sentence as usize)
            .cloned()
            .unwrap_or_default();
        m.measure = measures::measure_key(m, &corpus.entities);
    }
    corpus.metrics.extend(metrics);

    // Dated events for the timeline.
    for (si, sent) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sent.span);
        let si32 = u32::try_from(si).unwrap_or(u32::MAX);
        for d in dates::find_dates(text, doc.date.year) {
            let Some(year) = d.year else { continue };
            corpus.events.push(Event {
                year,
                month: d.month,
                day: d.day,
                tense: dates::event_tense(text, &d, doc.date.year),
                label: event_label(text),
                entities: entities_of.get(si).cloned().unwrap_or_default(),
                doc: doc_idx,
                sentence: si32,
                span: Span::new(
                    sent.span.start as usize + d.start,
                    sent.span.start as usize + d.end,
                ),
            });
        }
    }
    corpus.documents.push(doc);
}

/// A timeline label: the sentence's opening words, at most twelve.
fn event_label(sentence: &str) -> String {
    const MAX_WORDS: usize = 12;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut label = words[..words.len().min(MAX_WORDS)].join(" ");
    if words.len() > MAX_WORDS {
        label = label.trim_end_matches([',', ';', ':']).to_owned();
        label.push('…');
    }
    label
}

/// match_latest_past_year: without metadata, a document is dated (approximately) by the
/// latest year it mentions that is not a deadline or forecast.
fn infer_date(doc: &mut Document) {
    let mut latest: Option<i32> = None;
    for s in &doc.sentences {
        let text = doc.slice(s.span);
        for d in dates::find_dates(text, None) {
            if d.deadline
                || d.ahead
                || dates::has_cue(text, dates::FORECAST_CUES)
                || dates::has_cue(text, dates::TARGET_CUES)
            {
                continue;
            }
            let y = d.year_end.or(d.year);
            latest = latest.max(y);
        }
    }
    if let Some(y) = latest {
        doc.date = DocDate {
            year: Some(y),
            month: None,
            day: None,
            basis: DateBasis::Inferred,
            note: Some("latest year the text mentions as past".to_owned()),
        };
    }
}
