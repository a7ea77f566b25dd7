//! Learning names from a document before its mentions are recorded: acronyms defined in
//! brackets, bylines, and unknown names whose context says what they are.

use super::gazetteer::GazetteerEntry;
use super::kinds::{suffix_kind, type_unknown};
use super::lexicon::{
    is_acronym_word, is_demonym, is_not_name, COMPANY_SUFFIXES, GENERIC_COMPANY_SUFFIXES,
    INDUSTRY_NOUNS, ORG_SUFFIXES, PERSON_TITLES,
};
use super::resolver::{known_mentions, Resolver};
use super::runs::{capitalised_runs, is_heading, split_conjunctions};
use crate::model::EntityKind;
use crate::words::{strip_possessive, words, Word};

/// What the first pass remembers across the sentences of one document.
#[derive(Debug, Default)]
pub(super) struct DocNotes {
    /// Names that nothing typed, for rules that need the whole document.
    pub(super) untyped: Vec<String>,
    /// Known entries mentioned so far, in order.
    pub(super) seen: Vec<usize>,
}

/// Pass 1 over one sentence: acronym definitions and context-typed unknown names. Names that
/// nothing typed, and the known names mentioned, are kept in `notes`.
pub(super) fn learn_names(text: &str, resolver: &mut Resolver, notes: &mut DocNotes) {
    if learn_dateline(text, resolver) {
        return;
    }
    let ws = words(text);
    let known = known_mentions(text, resolver);
    notes.seen.extend(known.iter().map(|&(_, _, idx)| idx));
    let heading = is_heading(text);
    let mut previous_run: Option<(usize, EntityKind)> = None;
    for (first, last) in split_conjunctions(text, &ws, capitalised_runs(&ws)) {
        let (s, e) = (ws[first].start, ws[last - 1].end);
        let mut first = first;
        // "He Xiaopeng, chief executive of ...": a pronoun-like first name stays.
        // "chief executive He Xiaopeng said": so does one after a title.
        let keeps_pronoun = last - first == 2
            && (ws[last - 1].punct_after
                && ws
                    .get(last)
                    .is_some_and(|w| PERSON_TITLES.contains(&w.lower().as_str()))
                || first
                    .checked_sub(1)
                    .is_some_and(|p| PERSON_TITLES.contains(&ws[p].lower().as_str())));
        // Drop leading function words ("The", "In") from the run, but not a word that starts a
        // known name ("New York Stock Exchange") or an acronym that opens a name its last word
        // types ("AI Plus", "EV Industry Alliance").
        let keeps_first = |i: usize| {
            known.iter().any(|&(ks, _, _)| ks == ws[i].start)
                // "European Free Trade Association": a nationality opens an organisation's name.
                || (last - i >= 3
                    && is_demonym(ws[i].text)
                    && suffix_kind(&ws, i, last) == Some(EntityKind::Organisation))
                || (last - i >= 2
                    && is_acronym_word(ws[i].text)
                    && !PERSON_TITLES.contains(&ws[i].lower().as_str())
                    && ws[i + 1].is_capitalised()
                    && matches!(
                        suffix_kind(&ws, i, last),
                        Some(EntityKind::Programme | EntityKind::Organisation)
                    ))
        };
        while first < last
            && !keeps_pronoun
            && !keeps_first(first)
            && (is_not_name(strip_possessive(ws[first].text))
                || !(ws[first].is_capitalised()
                    || ws[first].text.chars().skip(1).any(char::is_uppercase))
                || PERSON_TITLES.contains(&ws[first].lower().as_str())
                || (first == 0 && INDUSTRY_NOUNS.contains(&ws[first].lower().as_str())))
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
            // "Kestrel Mining Holdings Plc" around a known "Kestrel Mining": the known company
            // with generic words after it is the same company.
            let company_at_start = known.iter().any(|&(ks, ke, idx)| {
                ks == s2 && ke < e && resolver.entries[idx].kind == EntityKind::Company
            });
            if company_at_start && !heading {
                if let Some(idx) = variant_of(&name, EntityKind::Company, resolver) {
                    resolver.add_alias(idx, &name);
                    continue;
                }
            }
            // match_company_unit: "Google China", "Maybank Singapore": a known company's name
            // followed by a known place is the company's unit there, a company.
            let company_unit = known.iter().any(|&(ks, ke, idx)| {
                ks == s2
                    && resolver.entries[idx].kind == EntityKind::Company
                    && known.iter().any(|&(ps, pe, p)| {
                        ps == ke + 1 && pe == e && resolver.entries[p].kind == EntityKind::Place
                    })
            });
            if company_unit && !heading && resolver.find_exact(&name).is_none() {
                resolver.add_entry(GazetteerEntry {
                    name,
                    kind: EntityKind::Company,
                    aliases: Vec::new(),
                });
                continue;
            }
            // match_maker_model: "BYD Atto 3", "Xiaomi 15 Ultra", "Boeing 737 Max": a known
            // company's name followed by new words with a model number is a product.
            let maker_model = known
                .iter()
                .find(|&&(ks, ke, idx)| {
                    ks == s2 && ke < e && resolver.entries[idx].kind == EntityKind::Company
                })
                .is_some_and(|&(_, ke, _)| {
                    let rest = text[ke..e].trim();
                    rest.chars().any(|c| c.is_ascii_digit())
                        && !known.iter().any(|&(ks, _, _)| ks > s2 && ks < e)
                        && resolver.find_exact(rest).is_none()
                });
            if maker_model
                && !heading
                && suffix_kind(&ws, first, last).is_none()
                && resolver.find_exact(&name).is_none()
            {
                resolver.add_entry(GazetteerEntry {
                    name,
                    kind: EntityKind::Product,
                    aliases: Vec::new(),
                });
                continue;
            }
            if let Some(&(_, ke, idx)) = known.iter().find(|&&(ks, ke, _)| ks == s2 && ke == e) {
                previous_run = Some((ke, resolver.entries[idx].kind));
            }
            // A longer name around a known place ("ZGC Forum" around "ZGC", "Shanghai Stock
            // Exchange") is learned when its last word says what it is.
            // A known place before a known name is two names ("US" and "Federal Aviation
            // Administration", once its acronym has defined it).
            let place_then_known = known.iter().any(|&(ks, ke, idx)| {
                ks == s2
                    && resolver.entries[idx].kind == EntityKind::Place
                    && text
                        .get(ke..e)
                        .is_some_and(|rest| resolver.find_exact(rest.trim()).is_some())
            });
            if !covers_known
                && !heading
                && inside_place
                && !place_then_known
                && !name.contains(" and ")
            {
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
            || (demonym_part(&ws[first])
                && suffix_kind(&ws, first, last) != Some(EntityKind::Organisation))
        {
            continue;
        }
        // match_head_noun: "the Commission" after "the European Commission": the head noun
        // of the one organisation of the document with that last word is that organisation.
        if last - first == 1
            && first > 0
            && ws[first - 1].lower() == "the"
            && ORG_SUFFIXES.contains(&name.as_str())
        {
            let suffix = format!(" {name}");
            let mut heads: Vec<usize> = notes
                .seen
                .iter()
                .copied()
                .filter(|&i| {
                    resolver.entries[i].kind == EntityKind::Organisation
                        && resolver.entries[i].name.ends_with(&suffix)
                })
                .collect();
            heads.sort_unstable();
            heads.dedup();
            if let [idx] = heads[..] {
                resolver.add_alias(idx, &name);
                continue;
            }
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
        // match_short_company_name: "Moonshot" beside a known "Moonshot AI", "BHP" beside
        // "BHP Group": a known company's name without its generic suffix is that company.
        if let Some(idx) = resolver.company_by_short_name(&name) {
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
            notes.untyped.push(name);
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
    learn_known_as(text, resolver);
    learn_based_places(&ws, resolver);
}

/// match_based_place: "a Bergen-based maker", "the Shenzhen-headquartered firm": the
/// capitalised part before "-based" or "-headquartered" is a place (not "AI-based", an
/// acronym).
fn learn_based_places(ws: &[Word<'_>], resolver: &mut Resolver) {
    for w in ws {
        let Some(place) = w
            .text
            .strip_suffix("-based")
            .or_else(|| w.text.strip_suffix("-headquartered"))
        else {
            continue;
        };
        let shaped = place.chars().count() >= 3
            && place.chars().next().is_some_and(char::is_uppercase)
            && place.chars().skip(1).all(char::is_lowercase);
        if shaped && resolver.find_exact(place).is_none() {
            resolver.add_entry(GazetteerEntry {
                name: place.to_owned(),
                kind: EntityKind::Place,
                aliases: Vec::new(),
            });
        }
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
    if kind == EntityKind::Company {
        // "Malayan Banking Bhd", "HSBC Holdings Plc": all the trailing words are generic.
        let n_generic = parts
            .iter()
            .rev()
            .take_while(|w| GENERIC_COMPANY_SUFFIXES.contains(w))
            .count();
        if n_generic >= 1 && n_generic < parts.len() {
            let stem = parts[..parts.len() - n_generic].join(" ");
            if let Some(idx) = resolver.find_exact(&stem) {
                if resolver.entries[idx].kind == EntityKind::Company {
                    return Some(idx);
                }
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
    // "Stats SA": a short word and a code of capitals also make an acronym.
    let short_with_code = |s: &str| {
        s.split_once(' ').is_some_and(|(a, b)| {
            a.len() <= 6 && (2..=3).contains(&b.len()) && b.chars().all(|c| c.is_ascii_uppercase())
        })
    };
    let is_acronym = |s: &str| {
        (2..=10).contains(&s.len())
            && s.chars().next().is_some_and(char::is_uppercase)
            && (!s.contains(' ') || short_with_code(s))
            && s.chars()
                .all(|c| c.is_alphanumeric() || c == '&' || c == ' ')
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
        // "Bank of England (BoE)": the acronym's lower-case letters stand for small words.
        let a_caps: String = acro.chars().filter(|c| c.is_uppercase()).collect();
        ini == a_letters
            || (a_caps.len() >= 2 && ini == a_caps)
            || ini.starts_with(&a_letters)
            || (a_letters.len() >= 2 && ini.contains(&a_letters[..2]))
            || long
                .to_uppercase()
                .starts_with(&a_letters[..a_letters.len().min(3)])
    };
    // "the US Federal Aviation Administration (FAA)": words before those the acronym spells
    // ("US") are not part of the defined name.
    let letters: String = inner.chars().filter(|c| c.is_alphabetic()).collect();
    let name_parts: Vec<&str> = name.split_whitespace().collect();
    let spelled = (1..name_parts.len().saturating_sub(1)).find(|&k| {
        initials(name) != letters.to_uppercase()
            && initials(&name_parts[k..].join(" ")).to_uppercase() == letters.to_uppercase()
    });
    let trimmed;
    let (name, first) = match spelled {
        Some(k) if is_acronym(inner) && first + k < last => {
            trimmed = name_parts[k..].join(" ");
            (trimmed.as_str(), first + k)
        }
        _ => (name, first),
    };
    // match_bracketed_short_name: one capitalised word in brackets after a name of two or
    // more words is its short or local name even when it spells no initials ("Malayan
    // Banking Bhd (Maybank)", "Swedish Consumer Agency (Konsumentverket)"), unless it is a
    // place ("DBS Bank (Hong Kong)") or already another entity.
    let short_name = (2..=20).contains(&inner.chars().count())
        && inner.chars().next().is_some_and(char::is_uppercase)
        && inner.chars().all(char::is_alphanumeric)
        && inner.chars().any(char::is_alphabetic)
        && resolver.find_exact(inner).is_none()
        && ws[first..last].iter().all(|w| {
            w.is_capitalised() || matches!(w.text, "of" | "for" | "and" | "&" | "on" | "to" | "in")
        });
    if name.split_whitespace().count() >= 2
        && ((is_acronym(inner) && loosely_matches(inner, name)) || short_name)
    {
        // "Ministry of Commerce (Mofcom)": the acronym is an alias of the long name; a known
        // acronym ("Contemporary Amperex Technology Co Ltd (CATL)") takes the long name as its
        // alias.
        let known_acronym = resolver
            .find_exact(inner)
            .filter(|&i| resolver.entries[i].kind != EntityKind::Person);
        let idx = resolver
            .find_exact(name)
            .or(known_acronym)
            .unwrap_or_else(|| {
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
        if resolver.find_exact(name).is_none() {
            resolver.add_alias(idx, name);
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

/// match_dateline: "By Karen Leung, Reuters | Hong Kong, March 12, 2025" or "Harbour Times |
/// Taipei, February 14, 2025 | By Lin Yu-ting": in a line of `|`-separated parts, the names
/// after "By" are people, the part that ends in a date opens with the places of the dateline
/// ("Tokyo/Seoul"), and any other part is the outlet, a publisher and so a company (a role
/// such as "Property Desk" or "Motoring Editor" is no name). Returns whether `text` was a
/// dateline.
fn learn_dateline(text: &str, resolver: &mut Resolver) -> bool {
    let is_dateline = text.len() <= 240
        && !text.ends_with('.')
        && (text.contains(" | ") || by_line(text).is_some_and(|r| r.contains(", ")));
    if !is_dateline {
        return false;
    }
    let mut learn = |name: &str, kind: EntityKind| {
        if resolver.find_exact(name).is_none() && resolver.find_case_insensitive(name).is_none() {
            resolver.add_entry(GazetteerEntry {
                name: name.to_owned(),
                kind,
                aliases: Vec::new(),
            });
        }
    };
    for part in text.split('|').map(str::trim) {
        if let Some(rest) = by_line(part) {
            let (people, outlet) = rest.split_once(", ").unwrap_or((rest, ""));
            for person in people.split(" and ").map(str::trim) {
                if is_personal_name(person) {
                    learn(person, EntityKind::Person);
                }
            }
            if let Some(outlet) = outlet_name(outlet) {
                learn(outlet, EntityKind::Company);
            }
        } else if ends_with_date(part) {
            let places = part.split(',').next().unwrap_or("");
            for place in places.split('/').map(str::trim) {
                if is_proper_name(place) {
                    learn(place, EntityKind::Place);
                }
            }
        } else if let Some(outlet) = outlet_name(part) {
            learn(outlet, EntityKind::Company);
        }
    }
    true
}

/// Whether the words are all capitalised ("Hong Kong", "Nikkei Asia", "The Edge Malaysia"),
/// one to five of them.
fn is_proper_name(text: &str) -> bool {
    let text = text.strip_prefix("The ").unwrap_or(text);
    let n = text.split_whitespace().count();
    (1..=5).contains(&n)
        && text.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !is_not_name(w)
        })
}

/// Whether the words are a personal name: two to five words, the first and last
/// capitalised, any between capitalised or a particle ("Pieter Van den Broeck", "Lizelle du
/// Toit", "C.C. Wei", "Wen-hsuan Lin").
fn is_personal_name(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=5).contains(&ws.len())
        && ws.first().is_some_and(capitalised)
        && ws.last().is_some_and(capitalised)
        && ws.iter().all(|w| {
            capitalised(w)
                || matches!(
                    *w,
                    "van"
                        | "von"
                        | "den"
                        | "der"
                        | "de"
                        | "du"
                        | "da"
                        | "di"
                        | "bin"
                        | "binti"
                        | "al"
                )
        })
        && ws.iter().all(|w| !w.chars().any(|c| c.is_ascii_digit()))
}

/// The outlet named in a dateline part, without trailing lower-case words ("Nikkei Asia
/// wire" → "Nikkei Asia"); `None` for a role ("Property Desk", "Aviation Correspondent").
fn outlet_name(part: &str) -> Option<&str> {
    let mut end = part.len();
    for w in part.split_whitespace().rev() {
        if w.chars().next().is_some_and(char::is_lowercase) {
            end = part[..end].trim_end().len() - w.len();
        } else {
            break;
        }
    }
    let name = part[..end].trim();
    let role = name.split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "Desk"
                | "Correspondent"
                | "Editor"
                | "Reporter"
                | "Writer"
                | "Staff"
                | "Team"
                | "Columnist"
                | "Contributor"
        )
    });
    (is_proper_name(name) && !role).then_some(name)
}

/// Whether a dateline part ends in a date ("Hong Kong, March 12, 2025", "London, 4 May").
fn ends_with_date(part: &str) -> bool {
    let ws: Vec<&str> = part
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    ws.iter().any(|w| {
        crate::dates::MONTH_NAMES.contains(w)
            || w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
    })
}

/// The names after a byline's opening words ("By Karen Leung, Reuters" → "Karen Leung,
/// Reuters").
fn by_line(part: &str) -> Option<&str> {
    ["By ", "Interview by ", "Reporting by ", "Words by "]
        .iter()
        .find_map(|p| part.strip_prefix(p))
}

/// match_known_as: "the China Integrated Circuit Industry Investment Fund, or \"Big Fund\"",
/// "..., better known as the Big Fund": the name after the marker is another name of the one
/// before it. A plain ", or" is a list ("Huawei, or Xiaomi"), so it needs quotes.
fn learn_known_as(text: &str, resolver: &mut Resolver) {
    const MARKERS: &[&str] = &[
        ", or \"",
        ", or “",
        ", better known as the ",
        ", better known as ",
        ", known as the ",
        ", known as ",
        " (known as the ",
        " (known as ",
    ];
    if !MARKERS.iter().any(|m| text.contains(m)) {
        return;
    }
    let known = known_mentions(text, resolver);
    for marker in MARKERS {
        for (p, _) in text.match_indices(marker) {
            let Some(&(_, _, before)) = known.iter().find(|&&(_, ke, _)| ke == p) else {
                continue;
            };
            let start = p + marker.len();
            if let Some(&(_, _, after)) = known.iter().find(|&&(ks, _, _)| ks == start) {
                // Both known: the name learned in this document joins the other.
                if resolver.entity_of[after].is_none()
                    && resolver.entries[after].kind == resolver.entries[before].kind
                {
                    resolver.merge_into(after, before);
                } else if resolver.entries[after].kind == resolver.entries[before].kind {
                    resolver.merge_into(before, after);
                }
                continue;
            }
            // An unknown name: capitalised words up to a quote or punctuation.
            let rest = &text[start..];
            let end = rest
                .find(['"', '”', ',', '.', ')', ';'])
                .unwrap_or(rest.len());
            let alias = rest[..end].trim();
            let capitalised = !alias.is_empty()
                && alias.split_whitespace().count() <= 4
                && alias.split_whitespace().all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                });
            if capitalised && resolver.find_exact(alias).is_none() {
                resolver.add_alias(before, alias);
            }
        }
    }
}
