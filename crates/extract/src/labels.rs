//! Labels: what a figure measures or counts, short enough for a chart axis ("unicorns in
//! Beijing", "digital economy, share of GDP", "Israeli exports, growth").

use crate::model::{MetricKind, Unit};
use crate::words::Word;

/// Nouns that name a measured quantity; the nearest one before a money or percentage figure
/// is what it measures.
const MEASURE_NOUNS: &[&str] = &[
    "economy",
    "exports",
    "imports",
    "trade",
    "investment",
    "investments",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "income",
    "funding",
    "financing",
    "round",
    "valuation",
    "market",
    "spending",
    "expenditure",
    "budget",
    "fund",
    "output",
    "production",
    "shipments",
    "deliveries",
    "capacity",
    "gdp",
    "share",
    "penetration",
    "subsidies",
    "fines",
    "fine",
    "tariffs",
    "tariff",
    "price",
    "prices",
    "cost",
    "costs",
    "capex",
    "orders",
    "users",
    "subscribers",
    "deals",
    "acquisitions",
    "stake",
    "assets",
    "value",
    "volume",
    "turnover",
    "earnings",
    "loss",
    "losses",
    "debt",
    "reserves",
    "grants",
    "bonds",
    "ipo",
    "rate",
    "adoption",
    "coverage",
    "stations",
    "growth",
    "salary",
    "wages",
    "bill",
    "contracts",
    "shipment",
    "demand",
    "supply",
    "purchases",
    "consumption",
    "fundraising",
    "capital",
];

/// Words that end a noun phrase.
const STOP_WORDS: &[&str] = &[
    "now",
    "and",
    "or",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "just",
    "currently",
    "together",
    "combined",
    "worth",
    "alone",
    "apiece",
    "in",
    "of",
    "on",
    "at",
    "for",
    "from",
    "to",
    "with",
    "by",
    "as",
    "than",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "while",
    "whereas",
    "but",
    "so",
    "if",
    "when",
    "after",
    "before",
    "since",
    "during",
    "over",
    "under",
    "per",
    "each",
    "every",
    "year",
    "respectively",
    "around",
    "across",
    "between",
    "into",
    "through",
    "including",
    "such",
    "like",
    "also",
    "both",
    "among",
    "it",
    "they",
    "we",
    "he",
    "she",
    "there",
    "here",
    "not",
    "no",
    "more",
    "less",
    "about",
    "up",
    "down",
    "last",
    "next",
    "this",
    "said",
    "says",
    "according",
    "compared",
    "against",
    "worth",
    "each",
    "alone",
    "already",
    "still",
    "only",
    "just",
    "another",
    "all",
    "some",
    "most",
    "many",
    "other",
    "out",
    "off",
    "via",
    "within",
];

fn is_stop(lower: &str) -> bool {
    STOP_WORDS.contains(&lower)
}

/// Whether a word can be part of a noun phrase in a label.
fn nounish(w: &Word<'_>) -> bool {
    let lower = w.lower();
    if is_stop(&lower)
        || w.text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return false;
    }
    // Verbs in -ing/-ed after a noun end the phrase ("unicorns accounting for").
    w.text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '’' | '\''))
}

fn looks_verbal(lower: &str) -> bool {
    (lower.ends_with("ing")
        && !matches!(
            lower,
            "financing"
                | "funding"
                | "spending"
                | "shipping"
                | "computing"
                | "manufacturing"
                | "streaming"
                | "marketing"
                | "engineering"
                | "training"
                | "housing"
        ))
        || (lower.ends_with("ed")
            && !matches!(
                lower,
                "advanced"
                    | "connected"
                    | "listed"
                    | "unlisted"
                    | "based"
                    | "automated"
                    | "licensed"
                    | "registered"
            ))
        || matches!(
            lower,
            "opposed"
                | "abstained"
                | "rose"
                | "grew"
                | "fell"
                | "made"
                | "hit"
                | "reached"
                | "shipped"
                | "sold"
                | "came"
                | "went"
                | "took"
                | "gave"
                | "saw"
                | "got"
                | "use"
                | "uses"
                | "come"
                | "comes"
                | "plans"
                | "keep"
                | "keeps"
                | "expects"
                | "wants"
                | "says"
                | "said"
        )
}

/// Participles that do not say what the counted things do.
const NOT_PARTICIPLES: &[&str] = &[
    "including",
    "according",
    "during",
    "totalling",
    "totaling",
    "amounting",
    "being",
    "excluding",
    "following",
    "regarding",
    "concerning",
    "involving",
    "spanning",
    "accounting",
    "representing",
    "making",
    "reaching",
    "worth",
    "ranging",
    "averaging",
    "surpassing",
];

/// match_participle_label: "10 countries supporting the tariffs" — a participle right after
/// the counted noun says which of them are counted, so the label keeps it and its object, up
/// to the next punctuation and at most four words in all.
fn with_participle(ws: &[Word<'_>], np_end_idx: usize, np: &str, sentence: &str) -> String {
    let Some(first) = ws.get(np_end_idx) else {
        return np.to_owned();
    };
    let lower = first.lower();
    if first.punct_before
        || ws
            .get(np_end_idx.wrapping_sub(1))
            .is_some_and(|w| w.punct_after)
        || !lower.ends_with("ing")
        || lower.len() < 6
        || NOT_PARTICIPLES.contains(&lower.as_str())
    {
        return np.to_owned();
    }
    let mut end = first.end;
    for (k, w) in ws.iter().enumerate().skip(np_end_idx).take(4) {
        // A figure ends the phrase: the label names what is counted, not another figure.
        if w.text.contains(|c: char| c.is_ascii_digit()) {
            break;
        }
        end = w.end;
        if w.punct_after || ws.get(k + 1).is_some_and(|n| n.punct_before) {
            break;
        }
    }
    let tail = sentence[first.start..end].trim_end_matches([',', ';', ':']);
    // A participle left dangling before "of" or "for" says nothing on its own.
    let tail = tail
        .strip_suffix(" of")
        .or_else(|| tail.strip_suffix(" for"))
        .unwrap_or(tail);
    format!("{np} {tail}")
}

/// The noun phrase that starts at word `i` (up to four words), as written.
pub fn noun_phrase_after(ws: &[Word<'_>], mut i: usize, sentence: &str) -> Option<String> {
    // "four other Chinese firms": skip a leading "other" or "more".
    while ws
        .get(i)
        .is_some_and(|w| matches!(w.lower().as_str(), "other" | "more" | "additional"))
    {
        i += 1;
    }
    let start_idx = i;
    let mut end_idx = i;
    while i < ws.len() && i < start_idx + 4 {
        let w = &ws[i];
        let lower = w.lower();
        if i > start_idx && (ws[i - 1].punct_after || w.punct_before) {
            break;
        }
        if matches!(lower.as_str(), "and" | "or") {
            // "start-ups and multinationals": keep a coordinated noun.
            if i > start_idx
                && ws
                    .get(i + 1)
                    .is_some_and(|n| nounish(n) && !looks_verbal(&n.lower()))
                && !ws[i].punct_after
            {
                i += 1;
                continue;
            }
            break;
        }
        if !nounish(w) || looks_verbal(&lower) {
            break;
        }
        // Proper nouns may open the phrase ("M&A projects", "Chinese firms") but not run on.
        i += 1;
        end_idx = i;
    }
    if end_idx == start_idx {
        return None;
    }
    let (s, e) = (ws[start_idx].start, ws[end_idx - 1].end);
    Some(sentence[s..e].to_owned())
}

/// The measured quantity named before position `before` (within `floor..before`): the nearest
/// measure noun with up to two modifiers, and "to/from X" when it follows ("exports to China").
fn measure_before(ws: &[Word<'_>], floor: usize, before: usize, sentence: &str) -> Option<String> {
    let upto = ws.partition_point(|w| w.end <= before);
    let idx = ws[..upto]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, w)| w.start >= floor)
        .take(14)
        .find(|(_, w)| MEASURE_NOUNS.contains(&w.lower().as_str()))
        .map(|(i, _)| i)?;
    Some(measure_phrase(ws, idx, sentence))
}

fn measure_phrase(ws: &[Word<'_>], idx: usize, sentence: &str) -> String {
    let mut first = idx;
    while first > 0 && idx - first < 3 {
        let w = &ws[first - 1];
        let lower = w.lower();
        if w.punct_after
            || is_stop(&lower)
            || looks_verbal(&lower)
            || !nounish(w)
            || w.text.contains('’')
            || w.text.contains('\'')
        {
            break;
        }
        first -= 1;
    }
    let mut last = idx;
    if !ws[idx].punct_after {
        if let (Some(p), Some(n)) = (ws.get(idx + 1), ws.get(idx + 2)) {
            if matches!(p.lower().as_str(), "to" | "from") && n.is_capitalised() {
                last = idx + 2;
            }
        }
    }
    let text = &sentence[ws[first].start..ws[last].end];
    let text = crate::words::strip_possessive(text);
    let text = text
        .strip_prefix("and ")
        .or_else(|| text.strip_prefix("or "))
        .unwrap_or(text);
    text.to_owned()
}

/// Everything the label rules look at.
pub struct LabelInput<'s, 'w> {
    /// The sentence.
    pub sentence: &'s str,
    /// Its words.
    pub words: &'w [Word<'s>],
    /// The figure's extent in the sentence.
    pub fig: (usize, usize),
    /// Where this figure's stretch of the sentence begins (end of the previous figure).
    pub floor: usize,
    /// Unit family.
    pub unit: Unit,
    /// Level, change or share.
    pub kind: MetricKind,
    /// The label of the previous figure in the same sentence.
    pub previous: Option<&'w str>,
    /// Places named in the sentence, with their start offsets.
    pub places: &'w [(usize, String)],
}

/// Builds the label of a figure.
///
/// Rules: match_counted_noun — a count is labelled by the noun phrase after it, plus "in
/// PLACE" when the sentence opens with a place or the phrase is followed by "in PLACE";
/// match_measure_noun — money and percentages are labelled by the nearest measure noun before
/// them ("digital economy"); match_share_of — "X% of Y" becomes "WHAT, share of Y";
/// changes get ", growth".
pub fn label_of(input: &LabelInput<'_, '_>) -> String {
    let LabelInput {
        sentence,
        words: ws,
        fig,
        floor,
        unit,
        kind,
        previous,
        places,
    } = *input;
    // A previous label without its ", growth" or ", share of ..." ending.
    let previous = previous
        .map(|p| p.split(", ").next().unwrap_or(p))
        .filter(|p| !p.starts_with("share of"));
    let after_idx = crate::words::word_at_or_after(ws, fig.1);
    let after_is_of = ws.get(after_idx).is_some_and(|w| w.lower() == "of");
    let mut label = match unit {
        Unit::Count => {
            let np = if after_is_of {
                None
            } else {
                noun_phrase_after(ws, after_idx, sentence)
            };
            match np {
                Some(np) => {
                    let np_end_idx = ws.partition_point(|w| w.start < fig.1 + np.len());
                    let follows_in = ws.get(np_end_idx).is_some_and(|w| w.lower() == "in")
                        && ws.get(np_end_idx + 1).is_some_and(|w| {
                            places.iter().any(|(_, p)| w.text.starts_with(p.as_str()))
                        });
                    let place = if follows_in {
                        ws.get(np_end_idx + 1)
                            .map(|w| w.without_possessive().to_owned())
                    } else {
                        places
                            .iter()
                            .find(|(pos, p)| {
                                sentence.get(..*pos).is_some_and(|b| b.trim().is_empty())
                                    // "SHANGHAI, Jan. 20 -" is a dateline, not a subject.
                                    && !sentence
                                        .get(*pos..*pos + p.len())
                                        .is_some_and(|w| w.chars().all(|c| !c.is_lowercase()))
                                    && !sentence
                                        .get(*pos + p.len()..)
                                        .is_some_and(|r| r.starts_with(['’', '\'']))
                            })
                            .map(|(_, p)| p.clone())
                    };
                    let np = with_participle(ws, np_end_idx, &np, sentence);
                    match place {
                        Some(p) => format!("{np} in {p}"),
                        None => np,
                    }
                }
                // "five members opposed, and another 12 abstained": the previous count's noun.
                None => previous
                    .map(str::to_owned)
                    .or_else(|| measure_before(ws, 0, fig.0, sentence))
                    .unwrap_or_default(),
            }
        }
        _ => {
            let base = if kind == MetricKind::Share && previous.is_some() && {
                let gap = sentence.get(floor..fig.0).unwrap_or("").to_lowercase();
                gap.contains("accounting for")
                    || gap.contains("accounted for")
                    || gap.contains("representing")
                    || gap.contains("equal to")
            } {
                previous.map(str::to_owned)
            } else {
                measure_before(ws, floor, fig.0, sentence)
                    .or_else(|| {
                        // "$5bn in funding", "$3bn of revenue".
                        let w = ws.get(after_idx)?;
                        if matches!(w.lower().as_str(), "in" | "of") {
                            let n = ws.get(after_idx + 1)?;
                            if MEASURE_NOUNS.contains(&n.lower().as_str()) {
                                return Some(measure_phrase(ws, after_idx + 1, sentence));
                            }
                        }
                        None
                    })
                    // A share has its own denominator; borrowing a neighbour's label misleads.
                    .or_else(|| {
                        previous
                            .filter(|_| kind != MetricKind::Share)
                            .map(str::to_owned)
                    })
            };
            base.unwrap_or_default()
        }
    };
    if kind == MetricKind::Share && unit == Unit::Percent && after_is_of {
        let mut j = after_idx + 1;
        while ws.get(j).is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "the" | "total" | "its" | "their" | "all" | "number" | "of"
            )
        }) {
            j += 1;
        }
        if let Some(den) = noun_phrase_after(ws, j, sentence) {
            let den = crate::words::strip_possessive(&den).to_owned();
            if label.eq_ignore_ascii_case(&den) || label.is_empty() {
                label = format!("share of {den}");
            } else {
                label = format!("{label}, share of {den}");
            }
        }
    } else if kind == MetricKind::Change && !label.is_empty() {
        label.push_str(", growth");
    }
    let label = label.trim().to_owned();
    let mut first = label.chars();
    match first.next() {
        // Lower-case an opening common noun ("Exports" → "exports"), keep proper nouns.
        Some(c)
            if c.is_uppercase()
                && label
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().skip(1).all(char::is_lowercase))
                && !label.starts_with("Chin")
                && !places.iter().any(|(_, p)| label.starts_with(p.as_str()))
                && !first.as_str().starts_with(|c: char| c.is_uppercase())
                && is_common_word(&label) =>
        {
            c.to_lowercase().collect::<String>() + first.as_str()
        }
        _ => label,
    }
}

fn is_common_word(label: &str) -> bool {
    let w = label.split_whitespace().next().unwrap_or("").to_lowercase();
    MEASURE_NOUNS.contains(&w.as_str())
        || matches!(
            w.as_str(),
            "total"
                | "annual"
                | "domestic"
                | "global"
                | "overall"
                | "foreign"
                | "outbound"
                | "online"
                | "retail"
        )
}
