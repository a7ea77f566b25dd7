//! Lookup tables built once per corpus, so that every filter change is a cheap scan.
//!
//! The corpus refers to documents and entities by position; URLs refer to them by id.
//! The index answers both directions, and precomputes which entities each sentence,
//! paragraph and document mentions, which is what the entity scopes ask. It also groups every
//! figure into measures and judges their disagreements, once per corpus.

use std::collections::HashMap;

use extract::{Corpus, Sector};

use crate::measures::MeasureIndex;
use crate::state::Scope;

/// Lookups derived from a corpus. Build with [`CorpusIndex::new`] once per corpus.
#[derive(Debug, Default, PartialEq)]
pub struct CorpusIndex {
    doc_by_id: HashMap<String, u32>,
    entity_by_id: HashMap<String, u32>,
    /// `(doc, span start)` → metric index: how URLs name a figure.
    metric_by_place: HashMap<(u32, u32), u32>,
    /// `[doc][sentence]` → sorted entity indices mentioned in that sentence.
    sentence_entities: Vec<Vec<Vec<u32>>>,
    /// `[doc][paragraph]` → sorted entity indices mentioned in that paragraph.
    paragraph_entities: Vec<Vec<Vec<u32>>>,
    /// `[doc]` → sorted entity indices mentioned anywhere in the document.
    doc_entities: Vec<Vec<u32>>,
    /// `[doc][sentence]` → the paragraph the sentence lies in.
    sentence_paragraph: Vec<Vec<u32>>,
    /// `[doc][sentence]` → the sectors a figure or event in that sentence belongs to.
    sentence_sectors: Vec<Vec<Vec<Sector>>>,
    /// Smallest and largest year any figure or event refers to.
    pub year_bounds: Option<(i32, i32)>,
    /// Every measure of the corpus, grouped and judged for disagreements once.
    pub measures: MeasureIndex,
}

impl CorpusIndex {
    /// Builds every table in one pass over the corpus.
    pub fn new(corpus: &Corpus) -> Self {
        let doc_by_id = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), as_u32(i)))
            .collect();
        let entity_by_id = corpus
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), as_u32(i)))
            .collect();

        let metric_by_place = corpus
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| ((m.doc, m.span.start), as_u32(i)))
            .collect();

        let mut sentence_entities: Vec<Vec<Vec<u32>>> = corpus
            .documents
            .iter()
            .map(|d| vec![Vec::new(); d.sentences.len()])
            .collect();
        let mut paragraph_entities: Vec<Vec<Vec<u32>>> = corpus
            .documents
            .iter()
            .map(|d| vec![Vec::new(); d.paragraphs.len().max(1)])
            .collect();
        let mut doc_entities: Vec<Vec<u32>> = vec![Vec::new(); corpus.documents.len()];
        let mut add = |doc: u32, sentence: u32, entity: u32| {
            let Some(d) = corpus.documents.get(doc as usize) else {
                return;
            };
            let Some(s) = d.sentences.get(sentence as usize) else {
                return;
            };
            sentence_entities[doc as usize][sentence as usize].push(entity);
            if let Some(p) = paragraph_entities[doc as usize].get_mut(s.paragraph as usize) {
                p.push(entity);
            }
            doc_entities[doc as usize].push(entity);
        };
        for (e, entity) in corpus.entities.iter().enumerate() {
            for m in &entity.mentions {
                add(m.doc, m.sentence, as_u32(e));
            }
        }
        // The extractor also lists a figure's entities itself; honour them even if a mention
        // is missing, so the sentence scope never drops what the figure says it is about.
        for metric in &corpus.metrics {
            for &e in &metric.entities {
                if (e as usize) < corpus.entities.len() {
                    add(metric.doc, metric.sentence, e);
                }
            }
        }
        for list in sentence_entities
            .iter_mut()
            .flatten()
            .chain(paragraph_entities.iter_mut().flatten())
            .chain(doc_entities.iter_mut())
        {
            list.sort_unstable();
            list.dedup();
        }

        // A sentence without sectors of its own belongs to its document's sectors: the
        // document is the evidence we have, and dropping the figure would hide it.
        let sentence_sectors = corpus
            .documents
            .iter()
            .map(|d| {
                d.sentences
                    .iter()
                    .map(|s| {
                        if s.sectors.is_empty() {
                            d.sectors.clone()
                        } else {
                            s.sectors.clone()
                        }
                    })
                    .collect()
            })
            .collect();

        let sentence_paragraph = corpus
            .documents
            .iter()
            .map(|d| d.sentences.iter().map(|s| s.paragraph).collect())
            .collect();

        let years = corpus
            .metrics
            .iter()
            .filter_map(crate::views::metric_years)
            .chain(corpus.events.iter().map(|e| (e.year, e.year)));
        let year_bounds = years.fold(None, |acc: Option<(i32, i32)>, (lo, hi)| {
            Some(acc.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
        });

        Self {
            doc_by_id,
            entity_by_id,
            metric_by_place,
            sentence_entities,
            paragraph_entities,
            doc_entities,
            sentence_paragraph,
            sentence_sectors,
            year_bounds,
            measures: MeasureIndex::new(corpus),
        }
    }

    /// The position of the document with this id.
    pub fn doc(&self, id: &str) -> Option<u32> {
        self.doc_by_id.get(id).copied()
    }

    /// The position of the entity with this id.
    pub fn entity(&self, id: &str) -> Option<u32> {
        self.entity_by_id.get(id).copied()
    }

    /// The metric that starts at byte `start` of document `doc`.
    pub fn metric_at(&self, doc: u32, start: u32) -> Option<u32> {
        self.metric_by_place.get(&(doc, start)).copied()
    }

    /// Sorted entity indices mentioned around sentence `sentence` of `doc`, at `scope`.
    pub fn entities_in(&self, scope: Scope, doc: u32, sentence: u32) -> &[u32] {
        let d = doc as usize;
        match scope {
            Scope::Sentence => self
                .sentence_entities
                .get(d)
                .and_then(|s| s.get(sentence as usize))
                .map_or(&[], Vec::as_slice),
            Scope::Paragraph => {
                let Some(paragraph) = self.paragraph_of(doc, sentence) else {
                    return &[];
                };
                self.paragraph_entities
                    .get(d)
                    .and_then(|p| p.get(paragraph as usize))
                    .map_or(&[], Vec::as_slice)
            }
            Scope::Document => self.doc_entities.get(d).map_or(&[], Vec::as_slice),
        }
    }

    /// The sectors of sentence `sentence` of `doc` (its document's when it has none).
    pub fn sectors_of(&self, doc: u32, sentence: u32) -> &[Sector] {
        self.sentence_sectors
            .get(doc as usize)
            .and_then(|s| s.get(sentence as usize))
            .map_or(&[], Vec::as_slice)
    }

    fn paragraph_of(&self, doc: u32, sentence: u32) -> Option<u32> {
        self.sentence_paragraph
            .get(doc as usize)
            .and_then(|s| s.get(sentence as usize))
            .copied()
    }
}

fn as_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
