//! Joining corpora: articles extracted on their own (in a Web Worker, one at a time) are
//! appended to a corpus already on screen without extracting anything again.
//!
//! This module only moves and renumbers records, so the dashboard can link it without
//! linking the extractor itself.

use std::collections::HashMap;

use crate::model::{Corpus, EntityKind};

/// Appends `part` to `corpus`: its documents after the corpus's (renamed when an id is
/// taken), its entities resolved against the corpus's by kind and name or alias, and every
/// index in its figures, events, mentions and diagnostics renumbered to match.
///
/// ```
/// use extract::{extract, merge::append, Source};
///
/// let mut corpus = extract(&[Source::new("a.txt", "A\n\nHuawei sold 5 million phones in 2023.")]);
/// let part = extract(&[Source::new("a.txt", "B\n\nHuawei hired 300 engineers in 2024.")]);
/// append(&mut corpus, part);
/// assert_eq!(corpus.documents[1].id, "a-2");
/// let huawei: Vec<_> = corpus.entities.iter().filter(|e| e.name == "Huawei").collect();
/// assert_eq!(huawei.len(), 1);
/// assert_eq!(huawei[0].mentions.len(), 2);
/// assert_eq!(corpus.metrics[1].doc, 1);
/// ```
pub fn append(corpus: &mut Corpus, part: Corpus) {
    let doc_offset = u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX);
    let shift = |doc: u32| doc.saturating_add(doc_offset);

    for mut doc in part.documents {
        let base = doc.id.clone();
        let mut n = 2;
        while corpus.documents.iter().any(|d| d.id == doc.id) {
            doc.id = format!("{base}-{n}");
            n += 1;
        }
        corpus.documents.push(doc);
    }

    // Names (canonical and aliases, lower-cased) of the corpus's entities, by kind.
    let mut known: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (i, e) in corpus.entities.iter().enumerate() {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            known.entry((e.kind, name.to_lowercase())).or_insert(i);
        }
    }
    let mut new_index = Vec::with_capacity(part.entities.len());
    for mut entity in part.entities {
        for m in &mut entity.mentions {
            m.doc = shift(m.doc);
        }
        let found = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .find_map(|name| known.get(&(entity.kind, name.to_lowercase())).copied());
        let idx = match found {
            Some(i) => {
                let target = &mut corpus.entities[i];
                for alias in std::iter::once(&entity.name).chain(&entity.aliases) {
                    if alias != &target.name && !target.aliases.contains(alias) {
                        target.aliases.push(alias.clone());
                    }
                }
                target.mentions.append(&mut entity.mentions);
                i
            }
            None => {
                let i = corpus.entities.len();
                for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                    known.entry((entity.kind, name.to_lowercase())).or_insert(i);
                }
                let mut id = entity.id.clone();
                let mut n = 2;
                while corpus.entities.iter().any(|e| e.id == id) {
                    id = format!("{}-{n}", entity.id);
                    n += 1;
                }
                entity.id = id;
                corpus.entities.push(entity);
                i
            }
        };
        new_index.push(u32::try_from(idx).unwrap_or(u32::MAX));
    }
    let remap = |list: &mut Vec<u32>| {
        for e in list.iter_mut() {
            *e = new_index.get(*e as usize).copied().unwrap_or(*e);
        }
        list.sort_unstable();
        list.dedup();
    };

    for mut m in part.metrics {
        m.doc = shift(m.doc);
        remap(&mut m.entities);
        corpus.metrics.push(m);
    }
    for mut ev in part.events {
        ev.doc = shift(ev.doc);
        remap(&mut ev.entities);
        corpus.events.push(ev);
    }
    for mut d in part.diagnostics {
        d.doc = d.doc.map(shift);
        corpus.diagnostics.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, extract_into, Source};

    /// Appending separately extracted articles gives the same figures, events and entity
    /// mentions (by name) as extracting them into one corpus.
    #[test]
    fn append_matches_extract_into() {
        let texts = [
            ("a.txt", "Chips\n\nSMIC said revenue rose 12% in 2023. The Ministry of Commerce (Mofcom) agreed."),
            ("b.txt", "Phones\n\nMofcom said Huawei shipped 40 million phones in 2024, up 30%."),
            ("c.txt", "Cars\n\nBYD Auto sold 3 million cars in 2023; BYD plans a plant in 2026."),
        ];
        let mut together = extract(&[]);
        let mut appended = extract(&[]);
        for (name, text) in texts {
            extract_into(&mut together, Source::new(name, text));
            append(&mut appended, extract(&[Source::new(name, text)]));
        }
        let figures = |c: &Corpus| -> Vec<(u32, String, Vec<String>)> {
            c.metrics
                .iter()
                .map(|m| {
                    let mut names: Vec<String> = m
                        .entities
                        .iter()
                        .map(|&e| c.entities[e as usize].name.clone())
                        .collect();
                    names.sort();
                    (m.doc, m.surface.clone(), names)
                })
                .collect()
        };
        assert_eq!(figures(&together), figures(&appended));
        let mentions = |c: &Corpus| -> Vec<(String, usize)> {
            let mut v: Vec<_> = c
                .entities
                .iter()
                .map(|e| (e.name.clone(), e.mentions.len()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(mentions(&together), mentions(&appended));
        assert_eq!(together.events.len(), appended.events.len());
        for ev in &appended.events {
            assert!((ev.doc as usize) < appended.documents.len());
            assert!(ev
                .entities
                .iter()
                .all(|&e| (e as usize) < appended.entities.len()));
        }
    }
}
