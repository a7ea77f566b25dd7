//! Learning names from a document before its mentions are recorded: acronyms defined in
//! brackets, bylines, and unknown names whose context says what they are.

use super::gazetteer::GazetteerEntry;
use super::kinds::{suffix_kind, type_unknown};
use super::lexicon::{is_demonym, is_not_name, COMPANY_SUFFIXES, PERSON_TITLES};
use super::resolver::{known_mentions, Resolver};
use super::runs::{capitalised_runs, is_heading, split_conjunctions};
use crate::model::EntityKind;
use crate::words::{strip_possessive, words, Word};

/// Pass 1 over one sentence: acronym definitions and context-typed unknown names.
pub(super) fn learn_names(text: &str, resolver: &mut Resolver) {
    let ws = words(text);
    let known = known_mentions(text, resolver);
    let heading = is_heading(text);
    let mut previous_run: Option<(usize, EntityKind)> = None;
    for (first, last) in split_conjunctions(text, &ws, capitalised_runs(&ws)) {
        let (s, e) = (ws[first].start, ws[last - 1].end);
        let mut first = first;
        // "He Xiaopeng, chief executive of ...": a pronoun-like first name stays.
        let keeps_pronoun = last - first == 2
            && ws[last - 1].punct_after
            && ws
                .get(last)
                .is_some_and(|w| PERSON_TITLES.contains(&w.lower().as_str()));
        // Drop leading function words ("The", "In") from the run.
        while first < last
            && !keeps_pronoun
            && (is_not_name(strip_possessive(ws[first].text))
                || !(ws[first].is_capitalised()
                    || ws[first].text.chars().skip(1).any(char::is_uppercase))
                || PERSON_TITLES.contains(&ws[first].lower().as_str()))
        {
            first += 1;
        }
        if first >= last {
            continue;
        }
        let s2 = ws[first].start;
        let name = strip_possessive(&text[s2..e])
            .trim_end_matches('.')
            .to_owned();
        // match_acronym_definition: "Long Name (ABC)" or "ABC (Long Name)".
        let after = &text[e..];
        if let Some(inner) = after
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .map(|(i, _)| i)
        {
            learn_acronym(&name, inner, &ws, first, last, resolver);
        }
        let overlaps_known = known.iter().any(|&(ks, ke, _)| ks < e && s < ke);
        let covers_known = known.iter().any(|&(ks, ke, _)| ks == s2 && ke == e);
        let inside_place = known.iter().any(|&(ks, ke, idx)| {
            ks < e && s < ke && resolver.entries[idx].kind == EntityKind::Place
        });
        if overlaps_known {
            if let Some(&(_, ke, idx)) = known.iter().find(|&&(ks, ke, _)| ks == s2 && ke == e) {
                previous_run = Some((ke, resolver.entries[idx].kind));
            }
            // A longer name around a known place ("ZGC Forum" around "ZGC", "Shanghai Stock
            // Exchange") is learned when its last word says what it is.
            if !covers_known && !heading && inside_place && !name.contains(" and ") {
                if let Some(kind) = suffix_kind(&ws, first, last) {
                    if resolver.find_exact(&name).is_none() {
                        resolver.add_entry(GazetteerEntry {
                            name,
                            kind,
                            aliases: Vec::new(),
                        });
                    }
                }
            }
            continue;
        }
        let _ = s;
        let person_shaped_line = text == name
            && name.split_whitespace().count() == 2
            && name
                .split_whitespace()
                .all(|w| w.chars().skip(1).all(char::is_lowercase));
        if person_shaped_line {
            // match_byline: a line that is only a two-word personal name is a byline.
            if resolver.find_exact(&name).is_none() {
                resolver.add_entry(GazetteerEntry {
                    name,
                    kind: EntityKind::Person,
                    aliases: Vec::new(),
                });
            }
            continue;
        }
        if heading {
            continue;
        }
        let demonym_part = |w: &Word<'_>| {
            w.text
                .split('-')
                .any(|p| is_demonym(p) || crate::non_metrics::month_number(p).is_some())
        };
        if name.chars().count() < 2
            || ws[first..last].iter().all(|w| is_demonym(w.text))
            || demonym_part(&ws[first])
        {
            continue;
        }
        // Variant spellings of known names ("Xpeng Motors" → "Xpeng").
        if let Some(idx) = resolver.find_case_insensitive(&name) {
            resolver.add_alias(idx, &name);
            continue;
        }
        // A surname already known as part of a person's name is that person ("Barak said").
        if let Some(idx) = variant_of(&name, EntityKind::Person, resolver) {
            resolver.add_alias(idx, &name);
            continue;
        }
        // match_list_sibling: "Estun Automation and Inovance", "Fanuc, ABB and Kuka": an
        // untyped name listed right after a typed one shares its kind.
        let sibling = previous_run.and_then(|(end, kind)| {
            let gap = text.get(end..s2)?;
            matches!(gap, ", " | " and " | ", and " | " or " | ", or ").then_some(kind)
        });
        // match_company_family: "Ant International" beside a known "Ant Group".
        let family = name.split_whitespace().count() >= 2
            && resolver.entries.iter().any(|e| {
                e.kind == EntityKind::Company
                    && e.name.split_whitespace().count() >= 2
                    && e.name.split_whitespace().next() == name.split_whitespace().next()
            });
        let typed = match type_unknown(&ws, first, last) {
            Some(EntityKind::Person) => Some(EntityKind::Person),
            _ if family => Some(EntityKind::Company),
            t => t.or(sibling),
        };
        let Some(kind) = typed else {
            previous_run = None;
            continue;
        };
        previous_run = Some((e, kind));
        if let Some(idx) = variant_of(&name, kind, resolver) {
            resolver.add_alias(idx, &name);
            continue;
        }
        resolver.add_entry(GazetteerEntry {
            name,
            kind,
            aliases: Vec::new(),
        });
    }
}

/// match_variant: a company name plus a company suffix is the company ("Xpeng Motors"); a
/// single word that is part of a known person's name is that person ("Barak").
fn variant_of(name: &str, kind: EntityKind, resolver: &Resolver) -> Option<usize> {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if kind == EntityKind::Company && parts.len() > 1 && COMPANY_SUFFIXES.contains(parts.last()?) {
        let stem = parts[..parts.len() - 1].join(" ");
        if let Some(idx) = resolver.find_exact(&stem) {
            if resolver.entries[idx].kind == EntityKind::Company {
                return Some(idx);
            }
        }
    }
    if kind == EntityKind::Person && parts.len() == 1 {
        return resolver.entries.iter().position(|e| {
            e.kind == EntityKind::Person && e.name.split_whitespace().any(|p| p == name)
        });
    }
    None
}

/// Records an acronym defined in brackets after a name, or a long form given in brackets after
/// an acronym.
fn learn_acronym(
    name: &str,
    inner: &str,
    ws: &[Word<'_>],
    first: usize,
    last: usize,
    resolver: &mut Resolver,
) {
    let inner = inner.trim();
    let is_acronym = |s: &str| {
        (2..=10).contains(&s.len())
            && s.chars().next().is_some_and(char::is_uppercase)
            && !s.contains(' ')
            && s.chars().all(|c| c.is_alphanumeric() || c == '&')
            && !s.chars().all(|c| c.is_ascii_digit())
    };
    let initials = |s: &str| -> String {
        s.split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let loosely_matches = |acro: &str, long: &str| {
        let ini = initials(long).to_uppercase();
        let a = acro.to_uppercase();
        let a_letters: String = a.chars().filter(|c| c.is_alphabetic()).collect();
        ini == a_letters
            || ini.starts_with(&a_letters)
            || (a_letters.len() >= 2 && ini.contains(&a_letters[..2]))
            || long
                .to_uppercase()
                .starts_with(&a_letters[..a_letters.len().min(3)])
    };
    if is_acronym(inner) && name.split_whitespace().count() >= 2 && loosely_matches(inner, name) {
        // "Ministry of Commerce (Mofcom)": the acronym is an alias of the long name.
        let idx = resolver.find_exact(name).unwrap_or_else(|| {
            let kind = type_unknown(ws, first, last).unwrap_or(EntityKind::Organisation);
            resolver.add_entry(GazetteerEntry {
                name: name.to_owned(),
                kind,
                aliases: Vec::new(),
            })
        });
        if resolver.find_exact(inner).is_none_or(|i| i == idx) {
            resolver.add_alias(idx, inner);
        }
    } else if is_acronym(name)
        && inner.split_whitespace().count() >= 2
        && loosely_matches(name, inner)
    {
        // "SMIC (Semiconductor Manufacturing International Corporation)".
        let idx = resolver
            .find_exact(name)
            .or_else(|| resolver.find_exact(inner))
            .unwrap_or_else(|| {
                let kind = type_unknown(&words(inner), 0, words(inner).len())
                    .unwrap_or(EntityKind::Organisation);
                resolver.add_entry(GazetteerEntry {
                    name: name.to_owned(),
                    kind,
                    aliases: Vec::new(),
                })
            });
        resolver.add_alias(idx, inner);
        resolver.add_alias(idx, name);
    }
}
