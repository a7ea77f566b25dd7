//! Non-metrics: the rules that keep numbers which are not cited figures out of the metrics.
//!
//! DESIGN.md lists the families: years and dates, ordinals, names that contain digits,
//! technical designations, list markers, hashtags and handles. Each rule below is named after
//! what it rejects and states the rule in its comment.

use crate::numbers::{Number, NumberForm};
use crate::words::Word;

/// Why a number is not a metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NonMetric {
    /// A year ("in 2018", "by 2030").
    Year,
    /// A day of a month, a decade, a dotted date.
    Date,
    /// "19th", "22nd".
    Ordinal,
    /// A name or title with digits: "5G", "Fortune 500", "SU7", "One Belt And One Road".
    NameWithDigits,
    /// A technical designation or compound adjective: "7nm", "232-layer", "10-year".
    Designation,
    /// "1. Stronger market confidence", "(2)".
    ListMarker,
    /// Hashtags, handles, web addresses.
    Handle,
    /// A rank or a numbered thing: "No. 1", "top 10", "Phase 2", "Level 4".
    Rank,
    /// A clock time or a ratio: "10:30", "3:1".
    Time,
    /// A duration or an age: "over the past three years", "two decades ago".
    Duration,
    /// A multiplier: "3x", "three times".
    Multiplier,
    /// A number that refers back rather than asserts: "the two countries".
    Referential,
    /// "one" on its own, which is an article more often than a count.
    Vague,
    /// A version number ("4.0.1").
    Version,
    /// Too large to be a finite number.
    TooLarge,
}

impl NonMetric {
    /// A stable lowercase key for reports.
    pub fn key(self) -> &'static str {
        match self {
            NonMetric::Year => "year",
            NonMetric::Date => "date",
            NonMetric::Ordinal => "ordinal",
            NonMetric::NameWithDigits => "name_with_digits",
            NonMetric::Designation => "designation",
            NonMetric::ListMarker => "list_marker",
            NonMetric::Handle => "handle",
            NonMetric::Rank => "rank",
            NonMetric::Time => "time",
            NonMetric::Duration => "duration",
            NonMetric::Multiplier => "multiplier",
            NonMetric::Referential => "referential",
            NonMetric::Vague => "vague",
            NonMetric::Version => "version",
            NonMetric::TooLarge => "too_large",
        }
    }
}

/// Month names and their abbreviations, lower case, with month numbers.
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month number of a month name or abbreviation ("Nov." → 11).
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// Capitalised words that may stand right before a figure without making it part of a name.
const FREE_CAPITALISED: &[&str] = &[
    "about",
    "around",
    "over",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "only",
    "just",
    "another",
    "in",
    "by",
    "since",
    "and",
    "but",
    "with",
    "of",
    "for",
    "at",
    "to",
    "all",
    "up",
    "less",
    "more",
    "fewer",
    "than",
    "exactly",
    "at",
    "from",
    "between",
    "as",
    "until",
    "rmb",
    "usd",
    "cny",
    "eur",
    "hkd",
    "jpy",
    "gbp",
    "us",
    "u.s.",
    "hk",
    "yuan",
    "a",
    "an",
    "the",
    "while",
    "whereas",
    "after",
    "before",
    "during",
    "of",
    "on",
    "or",
    "under",
    "below",
    "above",
    "still",
    "almost",
    "barely",
    "even",
    "whopping",
    "record",
    "total",
    "it",
    "we",
    "they",
    "those",
    "these",
    "our",
    "its",
    "their",
    "his",
    "her",
    "also",
    "then",
    "now",
    "when",
    "if",
    "estimated",
    "an",
    "another",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "moreover",
    "however",
    "meanwhile",
    "additionally",
    "overall",
    "altogether",
    "together",
    "so",
    "yet",
    "thus",
    "nearly",
    "roughly",
    "there",
    "here",
    "today",
    "currently",
    "exports",
    "imports",
    "sales",
    "revenue",
    "profit",
    "output",
    "shipments",
    "deliveries",
];

/// Words after which a number names a rank or a numbered thing rather than a quantity.
const RANK_WORDS: &[&str] = &[
    "no",
    "no.",
    "number",
    "top",
    "rank",
    "ranked",
    "ranks",
    "ranking",
    "page",
    "pages",
    "chapter",
    "phase",
    "version",
    "level",
    "tier",
    "stage",
    "round",
    "article",
    "section",
    "grade",
    "generation",
    "gen",
    "model",
    "class",
    "category",
    "series",
    "type",
    "line",
    "gate",
    "route",
    "room",
    "floor",
    "vol",
    "volume",
    "item",
    "step",
    "season",
    "episode",
    "aged",
    "age",
    "figure",
    "table",
    "clause",
    "paragraph",
    "district",
    "lane",
];

/// Words after a number that make it a duration.
const DURATION_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "yr",
    "yrs",
    "quarters",
];

/// Words before a word number that make it refer back ("the two countries").
const REFERENTIAL_DETERMINERS: &[&str] = &[
    "the",
    "these",
    "those",
    "both",
    "all",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "each",
    "every",
    "per",
    "first",
    "last",
    "next",
    "other",
    "top",
    "previous",
    "past",
    "following",
];

/// Decides whether `n` can be a figure, given its sentence and whether a unit (percent,
/// currency) is written with it. Returns the reason when it cannot.
pub fn reject(sentence: &str, words: &[Word<'_>], n: &Number, has_unit: bool) -> Option<NonMetric> {
    if let Some(r) = n.rejected {
        return Some(r);
    }
    let before_idx = crate::words::word_at_or_after(words, n.start);
    let prev = before_idx.checked_sub(1).and_then(|i| words.get(i));
    let after_idx = crate::words::word_at_or_after(words, n.end);
    let next = words.get(after_idx);
    let prev_lower = prev.map(Word::lower).unwrap_or_default();
    let next_lower = next.map(Word::lower).unwrap_or_default();
    let next2_lower = words
        .get(after_idx + 1)
        .map(Word::lower)
        .unwrap_or_default();
    let prev_adjacent = prev.is_some_and(|p| {
        sentence
            .get(p.end..n.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || c == '.'))
    });

    match_handle(sentence, n)
        .or_else(|| match_code_token(sentence, n))
        .or_else(|| match_list_marker(sentence, n))
        .or_else(|| match_year(n, has_unit))
        .or_else(|| match_day_of_month(n, prev, next, &prev_lower, &next_lower, has_unit))
        .or_else(|| match_clock_or_ratio(sentence, n))
        .or_else(|| match_rank(&prev_lower, prev_adjacent, has_unit))
        .or_else(|| match_name_with_digits(prev, prev_adjacent, &prev_lower, n, has_unit))
        .or_else(|| match_duration(&next_lower, has_unit, n))
        .or_else(|| match_spaced_designation(&next_lower, has_unit))
        .or_else(|| match_named_number(sentence, n, &next_lower, has_unit))
        .or_else(|| match_multiplier(&next_lower, &next2_lower, has_unit))
        .or_else(|| match_referential(n, &prev_lower, prev_adjacent))
        .or_else(|| match_rate_base(&prev_lower, prev_adjacent, has_unit))
}

/// match_rate_base: the number after "per" or "every" is the base of a rate ("28.6 per 10,000
/// residents"), not a figure of its own.
fn match_rate_base(prev_lower: &str, prev_adjacent: bool, has_unit: bool) -> Option<NonMetric> {
    (prev_adjacent && !has_unit && matches!(prev_lower, "per" | "every" | "each"))
        .then_some(NonMetric::Referential)
}

/// The whitespace-separated token around byte `pos`, as a byte range on char boundaries.
fn token_bounds(sentence: &str, pos: usize) -> (usize, usize) {
    let start = sentence[..pos]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let end = sentence[pos..]
        .find(char::is_whitespace)
        .map_or(sentence.len(), |p| pos + p);
    (start, end)
}

/// match_handle: digits inside a token that carries `#`, `@`, `/` or a web address are part
/// of a hashtag, handle or link.
fn match_handle(sentence: &str, n: &Number) -> Option<NonMetric> {
    let (token_start, token_end) = token_bounds(sentence, n.start);
    let token = sentence.get(token_start..token_end).unwrap_or("");
    let hit = token.contains('#')
        || token.contains('@')
        || token.contains("http")
        || token.contains("www.")
        || sentence
            .get(token_start..n.start)
            .is_some_and(|t| t.contains('/'))
        || sentence.get(n.end..).is_some_and(|t| t.starts_with('/'));
    hit.then_some(NonMetric::Handle)
}

/// match_list_marker: a small number opening the sentence and followed by "." or ")", or a
/// number alone in brackets at the start, marks a list item.
fn match_list_marker(sentence: &str, n: &Number) -> Option<NonMetric> {
    let before = sentence[..n.start].trim();
    let after = &sentence[n.end..];
    let opens = before.is_empty() || before == "(";
    let closes = after.starts_with(". ")
        || after.starts_with(") ")
        || after == "."
        || after.starts_with(".\t");
    // "(2)" or "[3]" anywhere: an enumeration or a footnote mark.
    let wrapped = (sentence[..n.start].ends_with('(') && after.starts_with(')'))
        || (sentence[..n.start].ends_with('[') && after.starts_with(']'));
    ((opens && closes || wrapped) && n.form == NumberForm::Digits && n.value < 100.0)
        .then_some(NonMetric::ListMarker)
}

/// match_code_token: digits in a token shaped like a code rather than a quantity — an ISO
/// or slashed date ("2024-10-01", "10/01/2024"), a stock code ("0700.HK", "600519.SS"), a
/// zero-padded number ("007"), a numbered abbreviation ("No.1", "Art.5"), or an even split
/// ("50-50").
fn match_code_token(sentence: &str, n: &Number) -> Option<NonMetric> {
    if n.form != NumberForm::Digits {
        return None;
    }
    let (token_start, token_end) = token_bounds(sentence, n.start);
    let token = sentence
        .get(token_start..token_end)
        .unwrap_or("")
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '"' | '“' | '”'));
    let groups: Vec<&str> = token
        .split(['-', '/', '–'])
        .map(|g| g.trim_end_matches(['.', ',']))
        .collect();
    let all_digits = |g: &&str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if groups.len() >= 3 && groups.iter().all(all_digits) {
        return Some(NonMetric::Date);
    }
    if groups.len() == 2 && groups.iter().all(all_digits) && groups[0] == groups[1] {
        return Some(NonMetric::Designation);
    }
    let digits = &sentence[n.start..n.end];
    let after = &sentence[n.end..];
    let ticker = after.strip_prefix('.').is_some_and(|r| {
        let letters: String = r.chars().take_while(char::is_ascii_uppercase).collect();
        (1..=3).contains(&letters.len())
            && !r[letters.len()..].starts_with(|c: char| c.is_alphanumeric())
    });
    if ticker || (digits.len() > 1 && digits.starts_with('0') && n.bare_integer) {
        return Some(NonMetric::NameWithDigits);
    }
    let prefix = &sentence[token_start..n.start];
    let abbreviation = prefix.ends_with('.')
        && prefix.len() > 1
        && prefix[..prefix.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    abbreviation.then_some(NonMetric::Rank)
}

/// match_year: a bare four-digit integer from 1800 to 2100 with no unit is a year.
fn match_year(n: &Number, has_unit: bool) -> Option<NonMetric> {
    (n.bare_integer && !has_unit && (1800.0..=2100.0).contains(&n.value)).then_some(NonMetric::Year)
}

/// match_day_of_month: a number from 1 to 31 next to a month name is a day ("June 12",
/// "12 June").
fn match_day_of_month(
    n: &Number,
    prev: Option<&Word<'_>>,
    next: Option<&Word<'_>>,
    prev_lower: &str,
    next_lower: &str,
    has_unit: bool,
) -> Option<NonMetric> {
    if has_unit || !n.bare_integer || !(1.0..=31.0).contains(&n.value) {
        return None;
    }
    let prev_month = prev.is_some_and(Word::is_capitalised) && month_number(prev_lower).is_some();
    let next_month = next.is_some_and(Word::is_capitalised) && month_number(next_lower).is_some();
    (prev_month || next_month).then_some(NonMetric::Date)
}

/// match_clock_or_ratio: digits joined to digits by a colon are a time or a ratio.
fn match_clock_or_ratio(sentence: &str, n: &Number) -> Option<NonMetric> {
    let after_colon = sentence[n.end..]
        .strip_prefix(':')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    let before_colon = sentence[..n.start]
        .strip_suffix(':')
        .is_some_and(|r| r.ends_with(|c: char| c.is_ascii_digit()));
    let lower_after = sentence[n.end..].trim_start().to_ascii_lowercase();
    let clock = lower_after.starts_with("a.m") || lower_after.starts_with("p.m");
    (after_colon || before_colon || clock).then_some(NonMetric::Time)
}

/// match_rank: after "No.", "top", "Phase", "Level" and the like, a number names a place in an
/// order or a numbered thing.
fn match_rank(prev_lower: &str, prev_adjacent: bool, has_unit: bool) -> Option<NonMetric> {
    (prev_adjacent && !has_unit && RANK_WORDS.contains(&prev_lower)).then_some(NonMetric::Rank)
}

/// match_name_with_digits: a number right after a capitalised word that is not a function
/// word, a month or a currency belongs to a name ("Fortune 500", "Industry 4.0", "Mate 60").
fn match_name_with_digits(
    prev: Option<&Word<'_>>,
    prev_adjacent: bool,
    prev_lower: &str,
    n: &Number,
    has_unit: bool,
) -> Option<NonMetric> {
    let prev = prev?;
    if !prev_adjacent || has_unit || n.form != NumberForm::Digits {
        return None;
    }
    // "Fortune 500", and camel-case names too ("iPhone 16", "eSIM 2").
    let capitalised = prev.is_capitalised() || prev.text.chars().skip(1).any(char::is_uppercase);
    let free = FREE_CAPITALISED.contains(&prev_lower) || month_number(prev_lower).is_some();
    (capitalised && !free).then_some(NonMetric::NameWithDigits)
}

/// match_duration: a number of years, months, days... is a duration, not a figure — unless
/// it is an aggregate ("9.8 million hours", "10,000 hours"): scaled or in the thousands.
fn match_duration(next_lower: &str, has_unit: bool, n: &Number) -> Option<NonMetric> {
    let unit = next_lower.trim_end_matches(['’', '\'']);
    let aggregate = n.scale.is_some() || n.value >= 1000.0;
    (!has_unit && !aggregate && n.form != NumberForm::Fraction && DURATION_UNITS.contains(&unit))
        .then_some(NonMetric::Duration)
}

/// match_named_number: a number in quotes ("618") or naming an occasion ("the 618 shopping
/// festival", "618 event") is a name.
fn match_named_number(
    sentence: &str,
    n: &Number,
    next_lower: &str,
    has_unit: bool,
) -> Option<NonMetric> {
    let quoted = sentence[..n.start].ends_with(['"', '“', '‘', '\''])
        && sentence[n.end..].starts_with(['"', '”', '’', '\'']);
    let occasion = matches!(
        next_lower,
        "festival"
            | "event"
            | "holiday"
            | "gala"
            | "sale"
            | "expo"
            | "fair"
            | "summit"
            | "shopping"
    );
    (!has_unit && (quoted || occasion)).then_some(NonMetric::NameWithDigits)
}

/// match_spaced_designation: "7 nm", "5 nanometres", "232 layers" name a chip process or
/// design, written apart from the number.
fn match_spaced_designation(next_lower: &str, has_unit: bool) -> Option<NonMetric> {
    (!has_unit
        && matches!(
            next_lower,
            "nm" | "nanometre"
                | "nanometres"
                | "nanometer"
                | "nanometers"
                | "micron"
                | "microns"
                | "layer"
                | "layers"
        ))
    .then_some(NonMetric::Designation)
}

/// match_multiplier: "10 fold", "three times as much", "three times over" multiply something
/// else; "held 12 times" counts occasions and stays a figure.
fn match_multiplier(next_lower: &str, next2_lower: &str, has_unit: bool) -> Option<NonMetric> {
    let times_multiplier = next_lower == "times"
        && matches!(
            next2_lower,
            "as" | "more"
                | "higher"
                | "larger"
                | "bigger"
                | "greater"
                | "over"
                | "the"
                | "that"
                | "what"
                | "faster"
                | "cheaper"
                | "less"
                | "lower"
                | ""
        );
    (!has_unit && (times_multiplier || matches!(next_lower, "fold" | "x")))
        .then_some(NonMetric::Multiplier)
}

/// match_referential: a number word after "the", "these", "both"... refers back to things
/// already counted ("the two countries").
fn match_referential(n: &Number, prev_lower: &str, prev_adjacent: bool) -> Option<NonMetric> {
    (n.form == NumberForm::Words && prev_adjacent && REFERENTIAL_DETERMINERS.contains(&prev_lower))
        .then_some(NonMetric::Referential)
}
