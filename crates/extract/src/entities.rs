//! Entities: companies, people, places, organisations, programmes and products, found from a
//! curated gazetteer and from context, with aliases resolved to one entity per thing.
//!
//! Finding happens in two passes over a document. The first pass learns names: acronyms
//! defined in brackets ("Ministry of Commerce (Mofcom)"), and capitalised names that are not
//! in the gazetteer but whose context says what they are ("CEO of Indigo Global", "President
//! Xi", "in Changsha"). The second pass records every mention of every known name.

use std::collections::HashMap;

use crate::model::{Corpus, Document, Entity, EntityKind, Mention, Span};
use crate::words::{strip_possessive, words, Word};

/// The curated gazetteer, embedded at compile time.
const GAZETTEER: &str = include_str!("../data/gazetteer.toml");

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names.
    pub aliases: Vec<String>,
}

fn kind_from_key(key: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.key() == key)
}

/// Parses the gazetteer's restricted TOML: `[kind]` tables whose keys are quoted canonical
/// names and whose values are arrays of quoted aliases, one entry per line.
pub fn parse_gazetteer(text: &str) -> Vec<GazetteerEntry> {
    let mut out = Vec::new();
    let mut kind = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            kind = kind_from_key(section.trim());
            continue;
        }
        let Some(kind) = kind else { continue };
        let quoted = quoted_strings(line);
        if let Some((name, aliases)) = quoted.split_first() {
            out.push(GazetteerEntry {
                name: name.clone(),
                kind,
                aliases: aliases.to_vec(),
            });
        }
    }
    out
}

fn quoted_strings(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        out.push(after[..end].to_owned());
        rest = &after[end + 1..];
    }
    out
}

/// The gazetteer embedded in the crate, parsed once.
pub fn gazetteer() -> &'static [GazetteerEntry] {
    static PARSED: std::sync::OnceLock<Vec<GazetteerEntry>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| parse_gazetteer(GAZETTEER))
}

/// Last words that make a name an organisation.
const ORG_SUFFIXES: &[&str] = &[
    "Ministry",
    "Commission",
    "Agency",
    "Institute",
    "University",
    "Association",
    "Administration",
    "Bureau",
    "Council",
    "Academy",
    "Committee",
    "Office",
    "Authority",
    "Exchange",
    "Federation",
    "Foundation",
    "Daily",
    "Times",
    "Journal",
    "Post",
    "News",
    "Forum",
    "Alliance",
    "Society",
    "Centre",
    "Center",
    "Court",
    "Congress",
    "Parliament",
    "Party",
    "Department",
    "Regulator",
    "Observatory",
    "Lab",
    "Laboratory",
    "Consortium",
    "Union",
];

/// First words that make a name an organisation.
const ORG_PREFIXES: &[&str] = &[
    "Ministry",
    "University",
    "Department",
    "Bureau",
    "Office",
    "Academy",
];

/// Last words that make a name a company.
const COMPANY_SUFFIXES: &[&str] = &[
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Group",
    "Corp",
    "Corp.",
    "Corporation",
    "Technologies",
    "Technology",
    "Tech",
    "Motors",
    "Motor",
    "Auto",
    "Automotive",
    "Holdings",
    "Capital",
    "Ventures",
    "Partners",
    "Semiconductor",
    "Semiconductors",
    "Electronics",
    "Robotics",
    "Bank",
    "Co",
    "Co.",
    "Labs",
    "Systems",
    "Networks",
    "Energy",
    "Pharma",
    "Pharmaceuticals",
    "Therapeutics",
    "Biotech",
    "Software",
    "Games",
    "Airlines",
    "Logistics",
    "Securities",
    "Investments",
    "Intelligence",
    "Telecom",
    "Mobile",
    "Micro",
    "Microelectronics",
    "Power",
    "Solar",
    "Battery",
    "Batteries",
    "Cloud",
    "Global",
    "Research",
    "AI",
    "Robot",
    "Chips",
    "Foundry",
    "Innovations",
    "Dynamics",
    "Materials",
    "Automation",
];

/// Last words that make a name a programme or policy.
const PROGRAMME_SUFFIXES: &[&str] = &[
    "Plan",
    "Program",
    "Programme",
    "Initiative",
    "Strategy",
    "Policy",
    "Act",
    "Project",
    "Scheme",
    "Law",
    "Agenda",
    "Campaign",
    "Fund",
];

/// Last words that make a name a place.
const PLACE_SUFFIXES: &[&str] = &[
    "Province",
    "City",
    "District",
    "County",
    "Valley",
    "Region",
    "Zone",
    "Bay",
    "Island",
    "Prefecture",
    "Municipality",
    "Area",
    "Delta",
];

/// Words before a name that make it a person ("President Xi Jinping", "CEO Lei Jun").
const PERSON_TITLES: &[&str] = &[
    "physicist",
    "scientist",
    "chemist",
    "biologist",
    "academic",
    "lawyer",
    "official",
    "banker",
    "entrepreneur",
    "billionaire",
    "journalist",
    "diplomat",
    "president",
    "ceo",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "cofounder",
    "minister",
    "premier",
    "director",
    "analyst",
    "professor",
    "prof",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "dr",
    "dr.",
    "secretary",
    "economist",
    "governor",
    "mayor",
    "chief",
    "executive",
    "researcher",
    "engineer",
    "investor",
    "partner",
    "head",
    "vice-president",
    "cto",
    "cfo",
    "coo",
];

/// Words before a name that make it a company ("carmaker Zeekr", "CEO of Indigo Global").
const COMPANY_CUES_BEFORE: &[&str] = &[
    "startup",
    "start-up",
    "firm",
    "company",
    "maker",
    "carmaker",
    "automaker",
    "chipmaker",
    "giant",
    "rival",
    "supplier",
    "operator",
    "brand",
    "unicorn",
    "developer",
    "manufacturer",
    "retailer",
    "platform",
    "lender",
    "foundry",
    "insurer",
    "conglomerate",
    "house",
    "brokerage",
];

/// Verbs after a name that suggest a company did something commercial.
const COMPANY_CUES_AFTER: &[&str] = &[
    "raised",
    "delivered",
    "shipped",
    "sold",
    "launched",
    "unveiled",
    "reported",
    "posted",
    "listed",
    "acquired",
    "invested",
    "secured",
    "closed",
    "priced",
    "manufactures",
    "makes",
    "produces",
    "sells",
    "ships",
    "delivers",
    "supplies",
    "employs",
    "halted",
    "agreed",
    "filed",
    "announced",
    "suspended",
];

/// Capitalised words that never start or make a name on their own.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "From",
    "By",
    "With",
    "As",
    "Of",
    "And",
    "But",
    "Or",
    "If",
    "When",
    "While",
    "Since",
    "After",
    "Before",
    "During",
    "Despite",
    "Although",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Such",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "We",
    "They",
    "It",
    "He",
    "She",
    "I",
    "You",
    "Some",
    "Many",
    "Most",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
    "All",
    "Over",
    "Under",
    "About",
    "Around",
    "Nearly",
    "More",
    "Less",
    "Analysts",
    "According",
    "Additionally",
    "Together",
    "Domestic",
    "Leading",
    "Chinese",
    "Israeli",
    "European",
    "American",
    "Western",
    "Japanese",
    "Korean",
    "German",
    "Indian",
    "Global",
    "Despite",
    "Through",
    "Backed",
    "Located",
    "Being",
    "Routinely",
    "Instead",
    "Besides",
    "Digitization",
    "Similarly",
    "Data",
    "Trade",
    "Stronger",
    "Faster",
    "Competitive",
    "Challenges",
    "Whether",
    "New",
    "Why",
    "What",
    "How",
    "Here",
    "There",
    "Then",
    "Now",
    "Also",
    "Only",
    "Just",
    "Even",
    "Last",
    "Next",
    "First",
    "Second",
    "Third",
    "Another",
    "Sales",
    "Exports",
    "Imports",
    "Revenue",
    "Shipments",
    "Output",
    "Investors",
    "Officials",
    "Government",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "H1",
    "H2",
    "CEO",
    "CFO",
    "CTO",
    "President",
    "Premier",
    "Minister",
    "Chairman",
    "Director",
    "Mr",
    "Ms",
    "Dr",
    "Mrs",
    "Prof",
    "Internet",
    "Online",
    "Artificial",
    "Intelligence",
    "Electric",
    "Vehicles",
    "EV",
    "EVs",
    "AI",
    "IoT",
    "R&D",
    "GDP",
    "M&A",
    "IPO",
    "STEM",
    "NEV",
    "NEVs",
    "KOLs",
    "USD",
    "RMB",
    "CNY",
    "Series",
    "Round",
    "Phase",
    "Level",
    "Policies",
    "Key",
    "Towards",
    "Toward",
    "Why",
    "Unlike",
    "Like",
    "Yes",
    "No",
    "Not",
    "Until",
    "Where",
    "Which",
    "Who",
    "Whose",
];

/// Capitalised words that open a sentence or a date without naming anything: the words in
/// [`NOT_NAMES`] and the month names.
fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || crate::dates::MONTH_NAMES.contains(&word)
}

/// Nationality adjectives and other capitalised words that are not names inside a run.
fn is_demonym(word: &str) -> bool {
    matches!(
        word,
        "Chinese"
            | "Israeli"
            | "European"
            | "American"
            | "Western"
            | "Japanese"
            | "Korean"
            | "German"
            | "Indian"
            | "Asian"
            | "African"
            | "British"
            | "French"
            | "Taiwanese"
            | "Dutch"
            | "Hungarian"
            | "Singaporean"
            | "Malaysian"
            | "Eastern"
            | "Southern"
            | "Northern"
            | "Global"
            | "International"
    )
}

/// How a name was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Known(usize),
}

/// The names known while extracting: the gazetteer, the corpus's entities, and names learned
/// from context.
pub struct Resolver {
    /// Entries: canonical name, kind, aliases (the corpus's entities come first).
    entries: Vec<GazetteerEntry>,
    /// Index of each entry's entity in the corpus, once it has been mentioned.
    entity_of: Vec<Option<usize>>,
    /// Lower-cased first word of each surface → (surface, entry).
    by_first_word: HashMap<String, Vec<(String, usize)>>,
}

impl Resolver {
    /// A resolver that knows the gazetteer and the entities already in `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let mut r = Resolver {
            entries: Vec::new(),
            entity_of: Vec::new(),
            by_first_word: HashMap::new(),
        };
        for (i, e) in corpus.entities.iter().enumerate() {
            let idx = r.add_entry(GazetteerEntry {
                name: e.name.clone(),
                kind: e.kind,
                aliases: e.aliases.clone(),
            });
            r.entity_of[idx] = Some(i);
        }
        for g in gazetteer() {
            if let Some(existing) = r.find_exact(&g.name) {
                for a in &g.aliases {
                    r.add_alias(existing, a);
                }
                continue;
            }
            r.add_entry(g.clone());
        }
        r
    }

    fn add_entry(&mut self, e: GazetteerEntry) -> usize {
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
            list.push((surface.to_owned(), idx));
            // Longest surface first, so "BYD Auto" wins over "BYD".
            list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
    }

    fn add_alias(&mut self, idx: usize, alias: &str) {
        if alias.is_empty()
            || self.entries[idx].name == alias
            || self.entries[idx].aliases.iter().any(|a| a == alias)
        {
            return;
        }
        self.entries[idx].aliases.push(alias.to_owned());
        self.index_surface(alias, idx);
    }

    fn find_exact(&self, name: &str) -> Option<usize> {
        let first = name.split_whitespace().next()?.to_lowercase();
        self.by_first_word
            .get(&first)?
            .iter()
            .find(|(s, _)| s == name)
            .map(|&(_, i)| i)
    }

    fn find_case_insensitive(&self, name: &str) -> Option<usize> {
        let first = name.split_whitespace().next()?.to_lowercase();
        self.by_first_word
            .get(&first)?
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(name))
            .map(|&(_, i)| i)
    }

    /// Known names that start at word `w` of `sentence`: the longest match.
    fn match_at(&self, sentence: &str, w: &Word<'_>) -> Option<(usize, usize, Source)> {
        let raw = w.text.to_lowercase();
        let key = strip_possessive(w.text).to_lowercase();
        let key = key.trim_end_matches('.');
        // "Beijing-based": the name before a hyphen.
        let before_hyphen = key.split('-').next().unwrap_or(key);
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
type Found = (usize, usize, usize);

/// Whether a sentence looks like a heading (no final punctuation, mostly capitalised words).
fn is_heading(sentence: &str) -> bool {
    if sentence.ends_with(['.', '!', '?', '"', '”', ':']) {
        return false;
    }
    let ws = words(sentence);
    let caps = ws.iter().filter(|w| w.is_capitalised()).count();
    ws.len() <= 14 && caps * 2 >= ws.len()
}

/// A run of capitalised words: word indices `first..last+1`.
fn capitalised_runs(ws: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    // "Shenzhen-based", "AI-related": a hyphenated part in lower case makes an adjective.
    let lower_part = |w: &Word<'_>| {
        w.text.contains('-')
            && w.text
                .split('-')
                .any(|p| p.chars().next().is_some_and(char::is_lowercase))
            && !w.text.chars().next().is_some_and(char::is_lowercase)
    };
    let is_cap = |w: &Word<'_>| {
        (w.is_capitalised()
            || (w.text.chars().next().is_some_and(|c| c.is_lowercase())
                && w.text.chars().skip(1).any(char::is_uppercase)
                && w.text.len() > 2))
            && !lower_part(w)
            // "US$34.5" is money, not a name.
            && !w.text.contains(['$', '¥', '€', '£', '%'])
    };
    // A model number after a capitalised word belongs to the name ("Mavic 3", "Ascend 910B").
    let is_model_number = |w: &Word<'_>| {
        w.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.text.len() <= 6
            && w.text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.')
            && !w
                .text
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y))
    };
    // Numbers after "Top", "No.", "Phase" rank or count things; they are not model numbers.
    let ranks = |w: &Word<'_>| {
        matches!(
            w.lower().trim_end_matches('.'),
            "top"
                | "no"
                | "phase"
                | "level"
                | "tier"
                | "stage"
                | "round"
                | "series"
                | "chapter"
                | "article"
                | "section"
                | "grade"
                | "generation"
        )
    };
    while i < ws.len() {
        if !is_cap(&ws[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if ws[end - 1].punct_after
                || ws[end - 1].text.ends_with("’s")
                || ws[end - 1].text.ends_with("'s")
            {
                break;
            }
            match ws.get(end) {
                Some(n) if is_cap(n) && !n.punct_before => end += 1,
                Some(n)
                    if is_model_number(n)
                        && !n.punct_before
                        && !ranks(&ws[end - 1])
                        && ws[end - 1].text.chars().any(char::is_lowercase) =>
                {
                    end += 1;
                }
                Some(n)
                    if matches!(n.text, "of" | "and" | "for" | "&" | "de" | "on")
                        && !n.punct_before
                        && !n.punct_after =>
                {
                    if ws
                        .get(end + 1)
                        .is_some_and(|m| is_cap(m) && !m.punct_before)
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// Splits runs joined by "and" ("Huawei and Alibaba Cloud") into their parts, unless the
/// whole run is named as an organisation or programme by its last word ("Ministry of Industry
/// and Information Technology").
fn split_conjunctions(
    text: &str,
    ws: &[Word<'_>],
    runs: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (first, last) in runs {
        let has_and = ws[first..last]
            .iter()
            .any(|w| w.text == "and" || w.text == "&");
        let whole_kind = suffix_kind(ws, first, last);
        // A run defined by an acronym after it is one name ("... Energy and Clean Air (CREA)").
        let defined = text
            .get(ws[last - 1].end..)
            .is_some_and(|r| r.starts_with(" ("));
        if !has_and
            || defined
            || matches!(
                whole_kind,
                Some(EntityKind::Organisation | EntityKind::Programme)
            )
        {
            out.push((first, last));
            continue;
        }
        let mut start = first;
        for (i, w) in ws.iter().enumerate().take(last).skip(first) {
            if w.text == "and" || w.text == "&" {
                if start < i {
                    out.push((start, i));
                }
                start = i + 1;
            }
        }
        if start < last {
            out.push((start, last));
        }
    }
    out
}

/// Types an unknown name from its own words and its context, or `None` when nothing says
/// what it is.
///
/// Rules, in order: match_suffix_kind — the last word names the kind ("... Ministry",
/// "... Technologies", "... Plan", "... Province"); match_person_title — a title right before
/// ("President", "CEO", "founder") or after (", CEO of") makes a person; match_company_cue —
/// "CEO of X", "carmaker X", "X raised" make a company; match_in_place — "in X" makes a place.
fn type_unknown(ws: &[Word<'_>], first: usize, last: usize) -> Option<EntityKind> {
    // "the World Robotics report": the title of a publication or an occasion, not an actor.
    let n1 = ws.get(last).map(Word::lower).unwrap_or_default();
    if !ws[last - 1].punct_after
        && matches!(
            n1.as_str(),
            "report"
                | "study"
                | "survey"
                | "index"
                | "ranking"
                | "rankings"
                | "conference"
                | "expo"
                | "award"
                | "awards"
        )
    {
        return None;
    }
    if let Some(kind) = suffix_kind(ws, first, last) {
        return Some(kind);
    }
    let name_words: Vec<&str> = ws[first..last]
        .iter()
        .map(|w| strip_possessive(w.text))
        .collect();
    context_kind(ws, first, last, &name_words)
}

/// The kind a name's own first or last word gives it ("... Ministry", "... Plan").
fn suffix_kind(ws: &[Word<'_>], first: usize, last: usize) -> Option<EntityKind> {
    let name_words: Vec<&str> = ws
        .get(first..last)?
        .iter()
        .map(|w| strip_possessive(w.text))
        .collect();
    let last_word = *name_words.last()?;
    let first_word = name_words[0];
    if ORG_SUFFIXES.contains(&last_word)
        || (ORG_PREFIXES.contains(&first_word) && name_words.len() > 1)
    {
        return Some(EntityKind::Organisation);
    }
    if PROGRAMME_SUFFIXES.contains(&last_word) && name_words.len() > 1 {
        return Some(EntityKind::Programme);
    }
    if PLACE_SUFFIXES.contains(&last_word) && name_words.len() > 1 {
        return Some(EntityKind::Place);
    }
    // "Moonshot AI", not "Prices for AI": the word before the suffix is part of the name.
    let before_suffix_named = last >= 2
        && ws
            .get(last - 2)
            .is_some_and(|w| w.is_capitalised() || w.text.chars().any(char::is_uppercase));
    if COMPANY_SUFFIXES.contains(&last_word) && name_words.len() > 1 && before_suffix_named {
        return Some(EntityKind::Company);
    }
    None
}

/// The kind a name's context gives it.
fn context_kind(
    ws: &[Word<'_>],
    first: usize,
    last: usize,
    name_words: &[&str],
) -> Option<EntityKind> {
    let first_word = *name_words.first()?;
    // "Tier-1 cities", "Level 4": a rank, not a name.
    if first_word
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|p| {
            matches!(
                p.to_lowercase().as_str(),
                "tier" | "level" | "phase" | "top" | "grade"
            )
        })
    {
        return None;
    }
    let prev = |k: usize| {
        first
            .checked_sub(k)
            .and_then(|i| ws.get(i))
            .map(|w| w.lower())
    };
    let p1 = prev(1).unwrap_or_default();
    let p2 = prev(2).unwrap_or_default();
    let next = |k: usize| ws.get(last + k - 1).map(|w| w.lower());
    let n1 = next(1).unwrap_or_default();
    let n2 = next(2).unwrap_or_default();
    let person_shaped = (2..=3).contains(&name_words.len())
        && name_words.iter().all(|w| {
            w.split('-')
                .all(|part| part.chars().skip(1).all(char::is_lowercase))
        });
    let ends_with_comma = ws[last - 1].punct_after;
    let n3 = next(3).unwrap_or_default();
    // "Wang Xiaochuan, the former CEO of ...": skip an article and an adjective.
    // "Li Na, an aerospace analyst at ...": a title within the next few lower-case words.
    let title_follows = PERSON_TITLES.contains(&n1.as_str())
        || (matches!(n1.as_str(), "the" | "a" | "an" | "former" | "then")
            && (PERSON_TITLES.contains(&n2.as_str())
                || PERSON_TITLES.contains(&n3.as_str())
                || ws.get(last + 3).is_some_and(|w| {
                    !ws[last + 1].punct_after
                        && !ws[last + 2].punct_after
                        && PERSON_TITLES.contains(&w.lower().as_str())
                })));
    // "SSST, the operator, ...", "SMEE, China's only lithography maker,": a company noun
    // within the next few words of an apposition names the kind.
    let apposition_noun = (last + 1..last + 5)
        .map_while(|i| {
            let w = ws.get(i)?;
            let stop = i > last + 1 && ws[i - 1].punct_after;
            (!stop).then(|| w.lower())
        })
        .any(|w| COMPANY_CUES_BEFORE.contains(&w.as_str()));
    if ends_with_comma && !person_shaped && apposition_noun {
        return Some(EntityKind::Company);
    }
    if name_words.len() <= 3
        && ends_with_comma
        && matches!(
            n1.as_str(),
            "founded" | "owned" | "backed" | "based" | "headquartered" | "spun" | "listed"
        )
    {
        // match_company_apposition: "AgiBot, founded in 2023, ...".
        return Some(EntityKind::Company);
    }
    let rank_name = first_word
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|p| {
            matches!(
                p.to_lowercase().as_str(),
                "tier" | "level" | "phase" | "top" | "grade"
            )
        });
    let mixed_model = !rank_name
        && name_words.len() <= 3
        && first_word.chars().next().is_some_and(char::is_alphabetic)
        && name_words
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && name_words.iter().all(|w| w.len() <= 8);
    let owner_before =
        p1.ends_with("’s") || p1.ends_with("'s") || matches!(p1.as_str(), "its" | "their");
    let product_noun = matches!(
        n1.as_str(),
        "model"
            | "models"
            | "sedan"
            | "sedans"
            | "suv"
            | "suvs"
            | "humanoid"
            | "robots"
            | "robot"
            | "chip"
            | "chips"
            | "phone"
            | "phones"
            | "smartphone"
            | "passenger"
            | "drone"
            | "drones"
            | "app"
            | "chatbot"
            | "processor"
            | "handset"
            | "series"
            | "computer"
            | "computers"
            | "launch"
            | "rocket"
            | "rockets"
            | "satellite"
            | "satellites"
            | "supercomputer"
            | "vehicle"
            | "car"
            | "cars"
    );
    // "the Jiuzhang photonic computer": a product noun one adjective later.
    let product_noun_next = matches!(
        n2.as_str(),
        "computer"
            | "processor"
            | "chip"
            | "model"
            | "rocket"
            | "satellite"
            | "car"
            | "phone"
            | "smartphone"
            | "chatbot"
            | "drone"
            | "robot"
    ) && next(1).is_some_and(|w| w.chars().all(char::is_lowercase));
    if p1 == "the" && product_noun_next && name_words.len() <= 2 {
        return Some(EntityKind::Product);
    }
    // "unveiled Zuchongzhi 3.0", "launched the Mate 70".
    let launch_verb = |w: &str| {
        matches!(
            w,
            "unveiled" | "launched" | "released" | "introduced" | "debuted"
        )
    };
    if (launch_verb(&p1) || (p1 == "the" && launch_verb(&p2))) && !person_shaped {
        return Some(EntityKind::Product);
    }
    // "a 2023 tally by McKinsey", "a survey by Deloitte".
    if p1 == "by"
        && matches!(
            p2.as_str(),
            "tally"
                | "survey"
                | "report"
                | "study"
                | "analysis"
                | "data"
                | "estimate"
                | "estimates"
                | "research"
                | "ranking"
                | "poll"
                | "calculations"
        )
    {
        return Some(EntityKind::Company);
    }
    if owner_before && product_noun {
        // match_owned_product: "its Doubao model", "its Ernie models".
        return Some(EntityKind::Product);
    }
    if ends_with_comma
        && n1 == "which"
        && matches!(
            n2.as_str(),
            "makes"
                | "builds"
                | "produces"
                | "sells"
                | "develops"
                | "operates"
                | "runs"
                | "shipped"
                | "sold"
                | "delivered"
                | "reported"
                | "supplies"
                | "owns"
                | "employs"
        )
    {
        // match_company_apposition: "EHang, which makes ...".
        return Some(EntityKind::Company);
    }
    if p1 == "the"
        && matches!(
            n1.as_str(),
            "constellation" | "programme" | "program" | "project" | "initiative" | "scheme"
        )
    {
        return Some(EntityKind::Programme);
    }
    // "the iPhone 16 met ...", but not "the Fortune 500 companies".
    let the_model = p1 == "the" && !n1.ends_with('s');
    if mixed_model && (product_noun || n1 == "and" || owner_before || the_model) {
        // match_model_name: "G6 and G9 models", "100 GR-1 humanoid robots".
        return Some(EntityKind::Product);
    }
    if PERSON_TITLES.contains(&p1.as_str())
        && (person_shaped || name_words.len() == 1)
        && !matches!(p2.as_str(), "the" | "a")
    {
        return Some(EntityKind::Person);
    }
    if person_shaped
        && (ends_with_comma && title_follows
            || !ends_with_comma
                && matches!(
                    n1.as_str(),
                    "said" | "says" | "told" | "added" | "noted" | "argued" | "wrote"
                ))
    {
        return Some(EntityKind::Person);
    }
    if matches!(p1.as_str(), "of" | "at") && PERSON_TITLES.contains(&p2.as_str()) {
        return Some(EntityKind::Company);
    }
    if COMPANY_CUES_BEFORE.contains(&p1.as_str())
        || matches!(
            p1.as_str(),
            "consultancy" | "provider" | "analytics" | "broker"
        )
    {
        return Some(EntityKind::Company);
    }
    // "Rivals reported ...": a lone plural word opening a sentence is a common noun.
    let plural_opener = first == 0 && name_words.len() == 1 && first_word.ends_with('s');
    // "AMEC said its ...": a one-word name that speaks is an organisation, mostly a company
    // (surnames of known people were resolved before typing).
    if name_words.len() == 1
        && !ends_with_comma
        && !plural_opener
        && matches!(
            n1.as_str(),
            "said" | "says" | "reported" | "announced" | "told"
        )
    {
        return Some(EntityKind::Company);
    }
    if COMPANY_CUES_AFTER.contains(&n1.as_str()) && !ends_with_comma && !plural_opener {
        return Some(EntityKind::Company);
    }
    // "said Deloitte", "according to Citeline", "analysts at Bernstein": a single-word source
    // that is not a known person is a company.
    let source_cue = matches!(p1.as_str(), "said" | "says")
        || (p1 == "to" && p2 == "according")
        || (p1 == "at"
            && matches!(
                p2.as_str(),
                "analysts" | "economists" | "researchers" | "strategists" | "executives"
            ));
    // "brands such as Fanuc": the plural noun before "such as" names the kind.
    let p3 = prev(3).unwrap_or_default();
    if p1 == "as"
        && p2 == "such"
        && matches!(
            p3.as_str(),
            "brands"
                | "companies"
                | "firms"
                | "makers"
                | "rivals"
                | "players"
                | "giants"
                | "carmakers"
                | "suppliers"
                | "startups"
                | "start-ups"
                | "manufacturers"
                | "platforms"
                | "vendors"
                | "operators"
                | "banks"
                | "lenders"
        )
    {
        return Some(EntityKind::Company);
    }
    // "led by Estun Automation", "developed by X".
    let by_agent = p1 == "by"
        && matches!(
            p2.as_str(),
            "led" | "developed" | "made" | "owned" | "built"
        );
    if (source_cue || by_agent) && name_words.len() <= 2 && !person_shaped
        || source_cue && name_words.len() == 1
    {
        return Some(EntityKind::Company);
    }
    if ends_with_comma && n1 == "whose" {
        // "Akeso, whose shares have tripled".
        return Some(EntityKind::Company);
    }
    // "in Changsha", "across Guangdong", "from the Netherlands" (a bare "from X" is as often
    // a company or a person).
    let p_place = if p1 == "the" {
        p2.as_str()
    } else {
        p1.as_str()
    };
    let from_the = p1 == "the" && p2 == "from";
    if (matches!(p_place, "in" | "across" | "near") || from_the)
        && first_word.chars().next().is_some_and(char::is_uppercase)
        && !person_shaped
        && name_words.len() <= 2
        && !is_demonym(first_word)
    {
        return Some(EntityKind::Place);
    }
    if p1 == "the"
        && matches!(
            n1.as_str(),
            "model"
                | "sedan"
                | "suv"
                | "smartphone"
                | "phone"
                | "chip"
                | "processor"
                | "chatbot"
                | "app"
                | "handset"
        )
    {
        return Some(EntityKind::Product);
    }
    None
}

/// Finds and resolves the entities of document `doc` (index `doc_idx`), adding them and their
/// mentions to `corpus.entities` through `resolver`.
pub fn find_entities(
    doc: &Document,
    doc_idx: u32,
    resolver: &mut Resolver,
    corpus_entities: &mut Vec<Entity>,
) {
    // Pass 1: learn acronyms and context-typed names.
    for sent in &doc.sentences {
        let text = doc.slice(sent.span);
        learn_names(text, resolver);
    }
    // Pass 2: record mentions of every known name.
    for (si, sent) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sent.span);
        let offset = sent.span.start as usize;
        for (s, e, idx) in known_mentions(text, resolver) {
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

/// Mentions of known names in a sentence, longest match first, not overlapping.
fn known_mentions(text: &str, resolver: &Resolver) -> Vec<Found> {
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
        for (p, _) in w.text.match_indices('-') {
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

/// Pass 1 over one sentence: acronym definitions and context-typed unknown names.
fn learn_names(text: &str, resolver: &mut Resolver) {
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
    use super::*;

    #[test]
    fn gazetteer_parses() {
        let g = gazetteer();
        assert!(g.len() > 100);
        let mofcom = g.iter().find(|e| e.name == "Ministry of Commerce").unwrap();
        assert_eq!(mofcom.kind, EntityKind::Organisation);
        assert!(mofcom.aliases.contains(&"Mofcom".to_owned()));
    }
}
