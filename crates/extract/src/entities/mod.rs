//! Entities: companies, people, places, organisations, programmes and products, found from a
//! curated gazetteer and from context, with aliases resolved to one entity per thing.
//!
//! Finding happens in two passes over a document. The first pass learns names: acronyms
//! defined in brackets ("Ministry of Commerce (Mofcom)"), and capitalised names that are not
//! in the gazetteer but whose context says what they are ("CEO of Indigo Global", "President
//! Xi", "in Changsha"). The second pass records every mention of every known name.

//! The modules follow that path: `gazetteer` (the curated names), `lexicon` (word lists
//! the rules read), `resolver` (known names and their mentions), `runs` (candidate names),
//! `kinds` (the rules that type an unknown name) and `learning` (the first pass).

mod gazetteer;
mod kinds;
mod learning;
mod lexicon;
mod resolver;
mod runs;

pub use gazetteer::{gazetteer, parse_gazetteer, GazetteerEntry};
pub use resolver::Resolver;

use crate::model::{Document, Entity, EntityKind, Mention, Span};
use crate::words::strip_possessive;
use learning::{learn_names, DocNotes};
use resolver::known_mentions;

/// Finds and resolves the entities of document `doc` (index `doc_idx`), adding them and their
/// mentions to `corpus.entities` through `resolver`.
pub fn find_entities(
    doc: &Document,
    doc_idx: u32,
    resolver: &mut Resolver,
    corpus_entities: &mut Vec<Entity>,
) {
    // Pass 1: learn acronyms and context-typed names.
    let mut notes = DocNotes::default();
    for sent in &doc.sentences {
        let text = doc.slice(sent.span);
        learn_names(text, resolver, &mut notes);
    }
    // A name left untyped may be the short form of a company learned later in the document
    // ("Shares of Fortelis fell. Fortelis Group said ...").
    for name in notes.untyped {
        if let Some(idx) = resolver.company_by_short_name(&name) {
            resolver.add_alias(idx, &name);
        }
    }
    // Pass 2: record mentions of every known name.
    for (si, sent) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sent.span);
        let offset = sent.span.start as usize;
        for (s, e, idx) in known_mentions(text, resolver) {
            // "the US dollar", "Hong Kong dollars": a currency, not a mention of the place.
            if resolver.entries[idx].kind == EntityKind::Place && text[e..].starts_with(" dollar") {
                continue;
            }
            let surface = strip_possessive(&text[s..e]).to_owned();
            let entity_idx = match resolver.entity_of[idx] {
                Some(i) => i,
                None => {
                    let entry = &resolver.entries[idx];
                    let id =
                        unique_entity_id(&crate::documents::slug(&entry.name), corpus_entities);
                    corpus_entities.push(Entity {
                        id,
                        name: entry.name.clone(),
                        kind: entry.kind,
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                    });
                    let i = corpus_entities.len() - 1;
                    resolver.entity_of[idx] = Some(i);
                    i
                }
            };
            let entity = &mut corpus_entities[entity_idx];
            if surface != entity.name && !entity.aliases.contains(&surface) {
                entity.aliases.push(surface);
            }
            entity.mentions.push(Mention {
                doc: doc_idx,
                sentence: u32::try_from(si).unwrap_or(u32::MAX),
                span: Span::new(offset + s, offset + e),
            });
        }
    }
}

fn unique_entity_id(base: &str, existing: &[Entity]) -> String {
    let base = if base.is_empty() || base == "article" {
        "entity"
    } else {
        base
    };
    if !existing.iter().any(|e| e.id == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !existing.iter().any(|e| &e.id == id))
        .unwrap_or_else(|| base.to_owned())
}

/// Indices of the entities mentioned in sentence `sentence` of document `doc`, sorted.
pub fn entities_in_sentence(entities: &[Entity], doc: u32, sentence: u32) -> Vec<u32> {
    let mut out: Vec<u32> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.mentions
                .iter()
                .any(|m| m.doc == doc && m.sentence == sentence)
        })
        .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use crate::{extract, Source};

    /// Names of the entity that the alias `alias` resolves to, across a corpus of `texts`.
    fn joined(texts: &[&str], name: &str, alias: &str) -> bool {
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(format!("doc{i}.txt"), format!("Headline\n\n{t}")))
            .collect();
        let corpus = extract(&sources);
        corpus
            .entities
            .iter()
            .any(|e| e.name == name && e.aliases.iter().any(|a| a == alias))
    }

    #[test]
    fn aliases_resolve_across_documents() {
        // A short company name in a later document joins the long one.
        assert!(joined(
            &[
                "Moonshot AI raised US$1 billion.",
                "Moonshot declined to comment."
            ],
            "Moonshot AI",
            "Moonshot"
        ));
        // An all-capitals spelling in a later document is the same company.
        assert!(joined(
            &["Xpeng delivered cars.", "XPENG launched a new SUV."],
            "Xpeng",
            "XPENG"
        ));
        // A long name with generic words in a later document joins the short one.
        assert!(joined(
            &["BYD sold cars in May.", "BYD Auto said exports rose."],
            "BYD",
            "BYD Auto"
        ));
    }

    #[test]
    fn a_head_noun_does_not_carry_over_to_another_document() {
        let texts = [
            "The European Commission wants a fee. The Commission said parcels doubled.",
            "The China Securities Regulatory Commission met. The Commission said little.",
        ];
        assert!(joined(&texts[..1], "European Commission", "Commission"));
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(format!("doc{i}.txt"), format!("Headline\n\n{t}")))
            .collect();
        let corpus = extract(&sources);
        let eu = corpus
            .entities
            .iter()
            .find(|e| e.name == "European Commission")
            .expect("found");
        assert!(eu.mentions.iter().all(|m| m.doc == 0), "{:?}", eu.mentions);
    }
}
