//! Non-metrics: the rules that keep numbers which are not cited figures out of the metrics.
//!
//! DESIGN.md lists the families: years and dates, ordinals, names that contain digits,
//! technical designations, list markers, hashtags and handles. Each rule below is named after
//! what it rejects and states the rule in its comment.
//!
//! [`crate::numbers`] decides from a number's own characters (its shape); this module decides
//! from its context. The dependency runs one way: this module reads numbers, never the
//! reverse. The reasons are one enum, [`NonMetric`], defined beside the shapes.

use crate::numbers::{Number, NumberForm};
use crate::words::Word;

pub use crate::dates::month_number;
pub use crate::numbers::NonMetric;

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

    let prev2_lower = before_idx
        .checked_sub(2)
        .and_then(|i| words.get(i))
        .map(Word::lower)
        .unwrap_or_default();
    match_handle(sentence, n)
        .or_else(|| match_code_token(sentence, n))
        .or_else(|| match_phone_number(sentence, n, has_unit))
        .or_else(|| match_stock_code(sentence, n, &prev_lower, &prev2_lower, has_unit))
        .or_else(|| match_hyphen_code(sentence, words, n, has_unit))
        .or_else(|| match_address(sentence, n, next, has_unit))
        .or_else(|| match_model_number(n, next, has_unit))
        .or_else(|| match_far_year(sentence, n, &prev_lower, &next_lower, has_unit))
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

/// The run of digit groups around `n` joined by single spaces or hyphens ("020 7717 5401",
/// "+27 82 555 0193"), as (start, end, groups).
fn digit_run<'a>(sentence: &'a str, n: &Number) -> (usize, usize, Vec<&'a str>) {
    let bytes = sentence.as_bytes();
    let is_group_char = |b: u8| b.is_ascii_digit();
    let mut start = n.start;
    // Walk back over "ddd " groups.
    loop {
        if start >= 2 && matches!(bytes[start - 1], b' ' | b'-') && is_group_char(bytes[start - 2])
        {
            let mut s = start - 1;
            while s > 0 && is_group_char(bytes[s - 1]) {
                s -= 1;
            }
            start = s;
        } else {
            break;
        }
    }
    let mut end = n.start;
    while end < bytes.len() && is_group_char(bytes[end]) {
        end += 1;
    }
    loop {
        if end + 1 < bytes.len()
            && matches!(bytes[end], b' ' | b'-')
            && is_group_char(bytes[end + 1])
        {
            let mut e = end + 1;
            while e < bytes.len() && is_group_char(bytes[e]) {
                e += 1;
            }
            end = e;
        } else {
            break;
        }
    }
    let groups = sentence[start..end].split([' ', '-']).collect();
    (start, end, groups)
}

/// match_phone_number: a run of digit groups written like a telephone number — three or more
/// groups ("020 7717 5401", "0808 223 1133"), a leading "+" ("+65 9123 4567"), or two groups
/// of four ("6100 8888") — is a phone number.
fn match_phone_number(sentence: &str, n: &Number, has_unit: bool) -> Option<NonMetric> {
    if has_unit || n.form != NumberForm::Digits || sentence[n.start..n.end].contains([',', '.']) {
        return None;
    }
    let (start, end, groups) = digit_run(sentence, n);
    // A run that goes on with a separator and more digits is something else ("1,000").
    if sentence[end..].starts_with([',', '.'])
        && sentence[end + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let plus = sentence[..start].ends_with('+');
    let spaced = sentence[start..end].contains(' ');
    // "1 000 000": thousands separated by spaces, not a phone number.
    if !plus
        && groups.len() >= 2
        && groups[0].len() <= 3
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3)
    {
        return None;
    }
    let phone = plus
        || (spaced && groups.len() >= 3)
        || (spaced && groups.len() == 2 && groups.iter().all(|g| g.len() == 4))
        || (spaced && groups.len() >= 2 && groups[0].len() >= 2 && groups[0].starts_with('0'));
    phone.then_some(NonMetric::Handle)
}

/// match_stock_code: a listed company's code — a number of four or more digits alone in
/// brackets ("Maybank (1155)"), or after "code" or "trading under" — names a share line.
fn match_stock_code(
    sentence: &str,
    n: &Number,
    prev_lower: &str,
    prev2_lower: &str,
    has_unit: bool,
) -> Option<NonMetric> {
    if has_unit || !n.bare_integer || n.form != NumberForm::Digits {
        return None;
    }
    let bracketed = sentence[..n.start].ends_with('(') && sentence[n.end..].starts_with(')');
    let after_code = matches!(prev_lower, "code" | "ticker" | "symbol")
        || (prev_lower == "under"
            && matches!(
                prev2_lower,
                "trading" | "trades" | "traded" | "listed" | "trade"
            ));
    ((bracketed && n.end - n.start >= 4) || after_code).then_some(NonMetric::NameWithDigits)
}

/// match_hyphen_code: "737-8200", "ISO 3888-2" and "EN 71-1" are designations, not ranges: a
/// range never falls ("3888-2") and rarely spans more than tenfold from three digits up
/// ("737-8200"), and a pair of numbers right after a capitalised name belongs to it.
fn match_hyphen_code(
    sentence: &str,
    words: &[Word<'_>],
    n: &Number,
    has_unit: bool,
) -> Option<NonMetric> {
    if has_unit || n.form != NumberForm::Digits {
        return None;
    }
    let (token_start, token_end) = token_bounds(sentence, n.start);
    let token = sentence[token_start..token_end]
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '"' | '“' | '”' | '.'));
    let (a, b) = token.split_once('-')?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return None;
    }
    let (x, y) = (a.parse::<f64>().ok()?, b.parse::<f64>().ok()?);
    let falls = y < x && !(b.len() == 2 && a.len() == 4);
    // "0-100 km/h" is an acceleration test, not a range of figures.
    let from_zero = a == "0";
    let wide = a.len() >= 3 && y > 10.0 * x;
    let idx = crate::words::word_at_or_after(words, token_start);
    let named = idx
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| {
            let lower = w.lower();
            (w.is_capitalised() || w.text.chars().skip(1).any(char::is_uppercase))
                && w.text.chars().all(|c| c.is_alphanumeric() || c == '.')
                && !FREE_CAPITALISED.contains(&lower.as_str())
                && month_number(&lower).is_none()
                && sentence
                    .get(w.end..token_start)
                    .is_some_and(|g| g.trim().is_empty())
        });
    (falls || wide || named || from_zero).then_some(NonMetric::Designation)
}

/// Street words: a number before a name ending in one is a house number.
const STREET_WORDS: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "mews",
    "lane",
    "grove",
    "way",
    "drive",
    "boulevard",
    "blvd",
    "parkway",
    "terrace",
    "crescent",
    "queensway",
    "allé",
    "alle",
    "strasse",
    "straße",
    "vej",
    "gade",
    "quay",
    "highway",
];

/// match_address: a house number before a street name ("9 Beach Road", "160 Westbourne
/// Grove", "12 Tampines Avenue 11"), and a postcode after a house number and a comma
/// ("Strandvej 45, 9990 Skagen").
fn match_address(
    sentence: &str,
    n: &Number,
    next: Option<&Word<'_>>,
    has_unit: bool,
) -> Option<NonMetric> {
    if has_unit || !n.bare_integer || n.form != NumberForm::Digits {
        return None;
    }
    let next = next?;
    if !next.is_capitalised() || sentence.get(n.end..next.start) != Some(" ") {
        return None;
    }
    // Up to three capitalised words, one of them a street word.
    let rest = &sentence[next.start..];
    let street = rest
        .split_whitespace()
        .take(3)
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .any(|w| {
            let w = w
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            STREET_WORDS.contains(&w.as_str())
                || w.ends_with("vej")
                || w.ends_with("gade")
                || w.ends_with("straße")
                || w.ends_with("strasse")
                || (w.ends_with("way") && w.len() > 5)
        });
    let before = sentence[..n.start].trim_end();
    let postcode = n.end - n.start >= 4
        && before.ends_with(',')
        && before[..before.len() - 1]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
    (street || postcode).then_some(NonMetric::NameWithDigits)
}

/// Capitalised words that follow a model number ("737 Max", "787 Dreamliner").
const MODEL_WORDS: &[&str] = &[
    "Max",
    "MAX",
    "Dreamliner",
    "Pro",
    "Ultra",
    "Plus",
    "Mini",
    "Lite",
    "Neo",
    "Edition",
    "Turbo",
    "XL",
    "GT",
    "Fold",
    "Flip",
    "Series",
    "Classic",
];

/// match_model_number: a number right before a model word names a model ("737 Max", "787
/// Dreamliner", "the 15 Pro").
fn match_model_number(n: &Number, next: Option<&Word<'_>>, has_unit: bool) -> Option<NonMetric> {
    (!has_unit
        && n.bare_integer
        && n.form == NumberForm::Digits
        && next.is_some_and(|w| w.start == n.end + 1 && MODEL_WORDS.contains(&w.text)))
    .then_some(NonMetric::NameWithDigits)
}

/// match_far_year: a year after 2100 is still a year in a date context: after "by",
/// "until", "before", "after" or "since" ("by 2120"); and any number with an era is a year
/// ("A.D. 1000", "1000 BC"). Years from 1800 to 2100 are [`match_year`]'s.
fn match_far_year(
    sentence: &str,
    n: &Number,
    prev_lower: &str,
    next_lower: &str,
    has_unit: bool,
) -> Option<NonMetric> {
    if has_unit || !n.bare_integer || n.form != NumberForm::Digits {
        return None;
    }
    let four = n.end - n.start == 4 && (2101.0..=2999.0).contains(&n.value);
    let deadline =
        four && matches!(
            prev_lower,
            "by" | "until" | "till" | "before" | "after" | "since"
        ) && !sentence[..n.start].trim_end().ends_with(',');
    let before = sentence[..n.start].trim_end();
    let era = before.ends_with("A.D.")
        || before.ends_with(" AD")
        || matches!(prev_lower, "a.d" | "a.d." | "ad")
        || matches!(next_lower, "bc" | "bce" | "ad" | "ce" | "b.c" | "a.d");
    (deadline || era).then_some(NonMetric::Year)
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
        || (!money_pair(token)
            && (sentence
                .get(token_start..n.start)
                .is_some_and(|t| t.contains('/'))
                || sentence.get(n.end..).is_some_and(|t| t.starts_with('/'))));
    hit.then_some(NonMetric::Handle)
}

/// Whether a slashed token is a pair of money figures ("$7/$9", "€5/€6").
fn money_pair(token: &str) -> bool {
    let parts: Vec<&str> = token
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '.'))
        .split('/')
        .collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            crate::currencies::ends_with_sign(
                &p[..p.find(|c: char| c.is_ascii_digit()).unwrap_or(0)],
            ) && p
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .starts_with(|c: char| c.is_ascii_digit())
        })
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
