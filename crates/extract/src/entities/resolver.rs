//! The names known while extracting a document, and where they are mentioned in a sentence.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gazetteer::{gazetteer, GazetteerEntry};
use super::lexicon::{GENERIC_COMPANY_SUFFIXES, ORG_SUFFIXES};
use crate::model::{Corpus, EntityKind};
use crate::words::{strip_possessive, words, Word};

/// How a name was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Source {
    Known(usize),
}

/// The names known while extracting: the gazetteer, the corpus's entities, and names learned
/// from context.
#[derive(Clone)]
pub struct Resolver {
    /// Entries: canonical name, kind, aliases (the corpus's entities come first).
    pub(super) entries: Vec<GazetteerEntry>,
    /// Index of each entry's entity in the corpus, once it has been mentioned.
    pub(super) entity_of: Vec<Option<usize>>,
    /// Lower-cased first word of each surface → (surface, entry).
    by_first_word: HashMap<String, Vec<(String, usize)>>,
}

impl Resolver {
    /// A resolver that knows the gazetteer and the entities already in `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        // Indexing the gazetteer is most of the cost of extracting a short document, so the
        // index is built once; a corpus without entities starts from a copy of it.
        if corpus.entities.is_empty() {
            return Self::gazetteer_only().clone();
        }
        let mut r = Resolver::empty();
        for (i, e) in corpus.entities.iter().enumerate() {
            // A head noun ("the Commission") names an organisation only in the document that
            // introduced it; other documents may mean another commission.
            let aliases = e
                .aliases
                .iter()
                .filter(|a| !ORG_SUFFIXES.contains(&a.as_str()))
                .cloned()
                .collect();
            let idx = r.add_entry(GazetteerEntry {
                name: e.name.clone(),
                kind: e.kind,
                aliases,
            });
            r.entity_of[idx] = Some(i);
        }
        r.add_gazetteer();
        r
    }

    fn empty() -> Self {
        Resolver {
            entries: Vec::new(),
            entity_of: Vec::new(),
            by_first_word: HashMap::new(),
        }
    }

    /// The resolver for an empty corpus, built on first use.
    fn gazetteer_only() -> &'static Resolver {
        static BUILT: OnceLock<Resolver> = OnceLock::new();
        BUILT.get_or_init(|| {
            let mut r = Resolver::empty();
            r.add_gazetteer();
            r
        })
    }

    /// Adds the gazetteer after the entries already known: a name already known gains the
    /// gazetteer's aliases.
    fn add_gazetteer(&mut self) {
        for g in gazetteer() {
            if let Some(existing) = self.find_exact(&g.name) {
                for a in &g.aliases {
                    self.add_alias(existing, a);
                }
                continue;
            }
            self.add_entry(g.clone());
        }
    }

    pub(super) fn add_entry(&mut self, e: GazetteerEntry) -> usize {
        let idx = self.entries.len();
        let surfaces: Vec<String> = std::iter::once(e.name.clone())
            .chain(e.aliases.iter().cloned())
            .collect();
        self.entries.push(e);
        self.entity_of.push(None);
        for s in surfaces {
            self.index_surface(&s, idx);
        }
        idx
    }

    fn index_surface(&mut self, surface: &str, idx: usize) {
        let first = surface
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if first.is_empty() {
            return;
        }
        let list = self.by_first_word.entry(first).or_default();
        if !list.iter().any(|(s, _)| s == surface) {
            // Longest surface first, so "BYD Auto" wins over "BYD"; among surfaces of one
            // length, the first added first. The list is kept in that order, so the new
            // surface goes after every surface at least as long.
            let at = list.partition_point(|(s, _)| s.len() >= surface.len());
            list.insert(at, (surface.to_owned(), idx));
        }
    }

    pub(super) fn add_alias(&mut self, idx: usize, alias: &str) {
        if alias.is_empty()
            || self.entries[idx].name == alias
            || self.entries[idx].aliases.iter().any(|a| a == alias)
        {
            return;
        }
        self.entries[idx].aliases.push(alias.to_owned());
        self.index_surface(alias, idx);
    }

    /// Makes entry `from` a name of entry `to`: its names become aliases of `to` and match
    /// it from now on. An entry already recorded in the corpus is left alone.
    pub(super) fn merge_into(&mut self, from: usize, to: usize) {
        if from == to || self.entity_of[from].is_some() {
            return;
        }
        for list in self.by_first_word.values_mut() {
            for (_, idx) in list.iter_mut() {
                if *idx == from {
                    *idx = to;
                }
            }
        }
        let names: Vec<String> = std::iter::once(self.entries[from].name.clone())
            .chain(self.entries[from].aliases.iter().cloned())
            .collect();
        for n in names {
            if self.entries[to].name != n && !self.entries[to].aliases.contains(&n) {
                self.entries[to].aliases.push(n);
            }
        }
    }

    pub(super) fn find_exact(&self, name: &str) -> Option<usize> {
        let first = name.split_whitespace().next()?.to_lowercase();
        self.by_first_word
            .get(&first)?
            .iter()
            .find(|(s, _)| s == name)
            .map(|&(_, i)| i)
    }

    pub(super) fn find_case_insensitive(&self, name: &str) -> Option<usize> {
        let first = name.split_whitespace().next()?.to_lowercase();
        self.by_first_word
            .get(&first)?
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(name))
            .map(|&(_, i)| i)
    }

    /// The known company whose name is `short` plus generic suffix words ("Moonshot" for
    /// "Moonshot AI", "BHP" for "BHP Group"). Names shorter than three characters are too
    /// ambiguous to join ("Li" is more often a surname than "Li Auto").
    pub(super) fn company_by_short_name(&self, short: &str) -> Option<usize> {
        if short.chars().count() < 3 {
            return None;
        }
        let first = short.split_whitespace().next()?.to_lowercase();
        self.by_first_word
            .get(&first)?
            .iter()
            .filter(|(_, idx)| self.entries[*idx].kind == EntityKind::Company)
            .find(|(surface, _)| {
                surface
                    .strip_prefix(short)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| {
                        rest.split_whitespace()
                            .all(|w| GENERIC_COMPANY_SUFFIXES.contains(&w))
                    })
            })
            .map(|&(_, idx)| idx)
    }

    /// Known names that start at word `w` of `sentence`: the longest match.
    pub(super) fn match_at(&self, sentence: &str, w: &Word<'_>) -> Option<(usize, usize, Source)> {
        let raw = w.text.to_lowercase();
        let key = strip_possessive(w.text).to_lowercase();
        let key = key.trim_end_matches('.');
        // "Beijing-based": the name before a hyphen.
        // "Tokyo/Seoul": the name before a slash.
        let before_hyphen = key.split(['-', '/']).next().unwrap_or(key);
        let list = self
            .by_first_word
            .get(key)
            .or_else(|| {
                self.by_first_word
                    .get(&strip_possessive(w.text).to_lowercase())
            })
            .or_else(|| self.by_first_word.get(before_hyphen))
            // "People's Bank of China": the possessive belongs to the name.
            .or_else(|| self.by_first_word.get(&raw))?;
        let rest = &sentence[w.start..];
        for (surface, idx) in list {
            let Some(head) = rest.get(..surface.len()) else {
                continue;
            };
            let exact = head == surface;
            // An all-capitals spelling of a name ("XPENG", "INNOWAY") is the same name.
            let caps = !exact
                && surface.len() >= 4
                && head.eq_ignore_ascii_case(surface)
                && head.chars().all(|c| !c.is_lowercase())
                && self.entries[*idx].kind != EntityKind::Person;
            if !(exact || caps) {
                continue;
            }
            let after = rest[surface.len()..].chars().next();
            let boundary = !after.is_some_and(|c| c.is_alphanumeric() || c == '$');
            if boundary {
                return Some((w.start, w.start + surface.len(), Source::Known(*idx)));
            }
        }
        None
    }
}

/// A mention found in a sentence: byte range in the sentence and the resolver entry.
pub(super) type Found = (usize, usize, usize);

/// Mentions of known names in a sentence, longest match first, not overlapping.
pub(super) fn known_mentions(text: &str, resolver: &Resolver) -> Vec<Found> {
    let ws = words(text);
    let mut out: Vec<Found> = Vec::new();
    let mut covered = 0;
    for w in &ws {
        // Every known name has a capital letter or a digit in its first word ("China",
        // "iFlytek", "14th Five-Year Plan").
        let may_start_name = w
            .text
            .chars()
            .any(|c| c.is_uppercase() || c.is_ascii_digit());
        if w.start < covered || !may_start_name {
            continue;
        }
        if let Some((s, e, Source::Known(idx))) = resolver.match_at(text, w) {
            out.push((s, e, idx));
            covered = e;
        }
        // "Beijing-Shanghai", "China-Israel": names after a hyphen inside the word.
        // "Tokyo/Seoul": names after a slash too.
        for (p, _) in w.text.match_indices(['-', '/']) {
            let part = &w.text[p + 1..];
            if !part.starts_with(|c: char| c.is_uppercase()) || w.start + p + 1 < covered {
                continue;
            }
            let sub = Word {
                text: part,
                start: w.start + p + 1,
                ..*w
            };
            if let Some((s, e, Source::Known(idx))) = resolver.match_at(text, &sub) {
                out.push((s, e, idx));
                covered = e;
            }
        }
    }
    out
}
