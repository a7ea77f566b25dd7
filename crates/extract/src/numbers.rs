//! Numbers: numeric expressions in a sentence ("31.3 trillion", "$150bn" → "150bn",
//! "2,84 mln", "five", "two thirds") with their normalised values.
//!
//! This module only reads numbers; whether a number is a cited figure at all is decided by
//! [`crate::non_metrics`], and what it is counted in by [`crate::units`]. Rules that are
//! visible in the number's own characters ("7nm", "5G", "SU7", "19th", "#2024") are applied
//! here, because only here is the raw token at hand. This module depends on no other finder;
//! the reasons for turning a number down, [`NonMetric`], are defined here and re-exported by
//! [`crate::non_metrics`].

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

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberForm {
    /// Digits ("2.94", "200,000").
    Digits,
    /// Words ("five", "twenty-one", "a million").
    Words,
    /// A fraction in words ("a third", "two thirds", "half"); the value is the fraction (0.333...).
    Fraction,
}

/// A number found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// Byte offset of the number in the sentence (scale word included).
    pub start: usize,
    /// One past the number's last byte (scale word included).
    pub end: usize,
    /// The value with its scale applied ("2.94 billion" → 2.94e9).
    pub value: f64,
    /// How it was written.
    pub form: NumberForm,
    /// The scale multiplier, when a scale word or suffix was given.
    pub scale: Option<f64>,
    /// Whether the digits are a bare integer (no separators, decimals or scale): years look so.
    pub bare_integer: bool,
    /// Why this number can never be a figure, when its own characters say so.
    pub rejected: Option<NonMetric>,
}

/// Scale words written apart from the number ("2.94 billion", "2.84 mln").
const SCALE_WORDS: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
    ("billion", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("million", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("mio", 1e6),
    ("thousand", 1e3),
    ("hundred", 1e2),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Scale suffixes written onto the number ("$150bn", "2m", "20k").
const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("tn", 1e12),
    ("trn", 1e12),
    ("t", 1e12),
    ("bn", 1e9),
    ("bln", 1e9),
    ("b", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("m", 1e6),
    ("k", 1e3),
];

/// Units the units finder reads when glued onto a number ("3.5pc", "25bp", "164p" pence,
/// "72c" cents).
const GLUED_UNITS: &[&str] = &["pc", "pct", "pp", "ppt", "ppts", "bp", "bps", "p", "c"];

/// Video resolutions written with a glued "p" ("1080p"), which are not pence.
const RESOLUTIONS: &[f64] = &[240.0, 360.0, 480.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0];

/// Small number words and their values.
const UNIT_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// Fraction words: (singular, plural, value).
const FRACTION_WORDS: &[(&str, &str, f64)] = &[
    ("half", "halves", 0.5),
    ("third", "thirds", 1.0 / 3.0),
    ("quarter", "quarters", 0.25),
    ("fifth", "fifths", 0.2),
    ("tenth", "tenths", 0.1),
    ("sixth", "sixths", 1.0 / 6.0),
    ("eighth", "eighths", 0.125),
];

/// Finds every number in `sentence`, in text order, including those rejected by their own
/// characters (see [`Number::rejected`]).
pub fn find_numbers(sentence: &str) -> Vec<Number> {
    let mut out = find_digit_numbers(sentence);
    out.extend(find_word_numbers(sentence));
    out.sort_by_key(|n| n.start);
    // A word-number scale after digits ("2.94 billion") is already part of the digit number.
    let mut kept: Vec<Number> = Vec::with_capacity(out.len());
    for n in out {
        if kept.last().is_some_and(|k| n.start < k.end) {
            continue;
        }
        kept.push(n);
    }
    kept
}

fn scale_word(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    SCALE_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, v)| v)
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
}

fn find_digit_numbers(s: &str) -> Vec<Number> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let prev = char_before(s, start);
        // Digits glued to letters before them: a name or model ("SU7", "G9", "H20", "Q3"),
        // unless the letters are a currency code ("RMB5bn").
        let glued_letters = prev.is_some_and(char::is_alphabetic) && {
            let letters_start = s[..start]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(start, |(p, _)| p);
            let letters = &s[letters_start..start];
            // "R" before one or two digits is a model ("DeepSeek R1"), not rand ("R850",
            // "R5bn", "R2.5 million").
            let n_digits = s[start..].bytes().take_while(u8::is_ascii_digit).count();
            let after = &s[start + n_digits..];
            let next_word = after
                .trim_start()
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let scaled = after.starts_with(['.', ','])
                || after.starts_with(char::is_alphabetic)
                || scale_word(next_word).is_some();
            let small = n_digits <= 2 && !scaled;
            !crate::currencies::ends_with_glued_code(&s[..start]) || (letters == "R" && small)
        };
        // Consume the digits with thousands separators and one decimal part.
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        let int_len = j - i;
        let mut separators = false;
        let mut decimal = false;
        // match_thousands_separator: ",ddd" not followed by another digit continues the number.
        while j + 3 < bytes.len()
            && bytes[j] == b','
            && bytes[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
            && int_len <= 3
        {
            separators = true;
            j += 4;
        }
        if j + 1 < bytes.len() && bytes[j] == b'.' && bytes[j + 1].is_ascii_digit() {
            decimal = true;
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
        }
        let digits_end = j;
        let mut rejected = None;
        if glued_letters {
            rejected = Some(NonMetric::NameWithDigits);
        }
        // Version numbers ("4.0.1") and dotted dates ("2024.10.01").
        if decimal
            && bytes.get(j) == Some(&b'.')
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
        {
            rejected = Some(NonMetric::Version);
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
        }
        let text: String = s[start..digits_end].chars().filter(|c| *c != ',').collect();
        let mut value = text.parse::<f64>().unwrap_or(f64::NAN);
        let mut scale = None;
        let mut end = j;
        // What is glued on after the digits.
        let glued: &str = {
            let rest = &s[j..];
            let n = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(rest.len(), |(p, _)| p);
            &rest[..n]
        };
        if rejected.is_none() && !glued.is_empty() {
            let lower = glued.to_ascii_lowercase();
            if let Some(&(_, mult)) = SCALE_SUFFIXES.iter().find(|(w, _)| *w == lower) {
                scale = Some(mult);
                end = j + glued.len();
            } else if matches!(lower.as_str(), "st" | "nd" | "rd" | "th") {
                rejected = Some(NonMetric::Ordinal);
            } else if lower == "s" {
                // "1990s", "the 80s": a decade.
                rejected = Some(NonMetric::Date);
            } else if lower == "x" {
                rejected = Some(NonMetric::Multiplier);
            } else if lower == "p" && RESOLUTIONS.contains(&value) {
                // "1080p" is a resolution, not pence.
                rejected = Some(NonMetric::Designation);
            } else if GLUED_UNITS.contains(&lower.as_str()) {
                // "3.5pc", "25bp": a unit the units finder reads; the number stays as it is.
            } else if lower == "g" || glued.chars().any(|c| c.is_ascii_digit()) {
                rejected = Some(NonMetric::NameWithDigits);
            } else {
                // "7nm", "3D", "4K", "5GW": a designation or a physical unit glued on.
                rejected = Some(NonMetric::Designation);
            }
            if !GLUED_UNITS.contains(&lower.as_str()) {
                end = end.max(j + glued.len());
            }
        }
        // match_hyphen_scale: "$1.5-billion" is money with a scale word after a hyphen; without
        // a currency sign, "the 100-billion mark" is a compound adjective.
        // "a 10-billion-yuan fund" names its currency after the scale word, and is money too.
        let money_sign = crate::currencies::ends_with_sign(&s[..start]);
        if rejected.is_none() && scale.is_none() && char_at(s, j) == Some('-') {
            let rest = &s[j + 1..];
            let n = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(rest.len(), |(p, _)| p);
            let currency_after = rest[n..].strip_prefix('-').is_some_and(|r| {
                crate::currencies::is_currency_word_start(&r.to_ascii_lowercase())
            });
            if let Some(mult) = scale_word(&rest[..n]).filter(|_| money_sign || currency_after) {
                scale = Some(mult);
                end = j + 1 + n;
            }
        }
        // match_hyphen_compound: "232-layer", "10-year", "28-nanometre" are adjectives
        // ("a 25-basis-point cut" is a figure with its unit, read by the units finder).
        let point_unit = s.get(j + 1..).is_some_and(|r| {
            let lower = r.to_ascii_lowercase();
            lower.starts_with("basis-point") || lower.starts_with("percentage-point")
        });
        if rejected.is_none()
            && scale.is_none()
            && !point_unit
            && char_at(s, j) == Some('-')
            && char_at(s, j + 1).is_some_and(char::is_alphabetic)
        {
            rejected = Some(NonMetric::Designation);
        }
        // Digits after a hyphen glued to letters: "COVID-19", "Kirin-9000".
        if rejected.is_none() && prev == Some('-') {
            let before = char_before(s, start - 1);
            if before.is_some_and(char::is_alphabetic) {
                rejected = Some(NonMetric::NameWithDigits);
            }
        }
        // A scale word after a space ("2.94 billion"), composed scale words ("4 hundred
        // million" is 4e8), and a capital "B" standing for billion ("8 B").
        if rejected.is_none() && scale.is_none() {
            let mut at = end;
            loop {
                let rest = &s[at..];
                let trimmed = rest.trim_start_matches(' ');
                if trimmed.len() == rest.len() {
                    break;
                }
                let word_len = trimmed
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(trimmed.len(), |(p, _)| p);
                let word = &trimmed[..word_len];
                let mult = scale_word(word).or((word == "B").then_some(1e9));
                // A later scale word must be larger: "hundred million", not "million hundred".
                let Some(mult) = mult.filter(|m| scale.is_none_or(|s| *m > s)) else {
                    break;
                };
                // "hundreds of": the plural is vague, but "2.94 trillions" is rare enough to accept.
                scale = Some(scale.unwrap_or(1.0) * mult);
                at += rest.len() - trimmed.len() + word_len;
                end = at;
            }
        }
        if let Some(mult) = scale {
            value *= mult;
        }
        if !value.is_finite() && rejected.is_none() {
            rejected = Some(NonMetric::TooLarge);
        }
        out.push(Number {
            start,
            end,
            value: if value.is_finite() { value } else { 0.0 },
            form: NumberForm::Digits,
            scale,
            bare_integer: !separators && !decimal && scale.is_none(),
            rejected,
        });
        // Skip the rest of a glued alphanumeric run ("SU7Ultra", "5GHz").
        i = end.max(digits_end);
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
    }
    out
}

/// A word token for number-word parsing: lowercase text and its span.
struct Tok {
    lower: String,
    start: usize,
    end: usize,
    capitalised: bool,
}

fn alpha_tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let is_word = c.is_alphabetic();
        match (start, is_word) {
            (None, true) => start = Some(i),
            (Some(st), false) => {
                let text = &s[st..i];
                out.push(Tok {
                    lower: text.to_lowercase(),
                    start: st,
                    end: i,
                    capitalised: text.chars().next().is_some_and(char::is_uppercase),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn unit_word(lower: &str) -> Option<f64> {
    UNIT_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, v)| v)
}

/// Whether only `sep` separates two tokens (e.g. a hyphen in "twenty-five" or a space).
fn joined_by(s: &str, a_end: usize, b_start: usize, allowed: &[&str]) -> bool {
    s.get(a_end..b_start).is_some_and(|g| allowed.contains(&g))
}

fn find_word_numbers(s: &str) -> Vec<Number> {
    let toks = alpha_tokens(s);
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        // match_one_in_n: "one in five" is a share of a fifth.
        if t.lower == "one"
            && toks.get(k + 1).is_some_and(|n| n.lower == "in")
            && joined_by(s, t.end, toks[k + 1].start, &[" "])
        {
            if let Some(den) = toks.get(k + 2).and_then(|d| unit_word(&d.lower)) {
                if den >= 2.0 && joined_by(s, toks[k + 1].end, toks[k + 2].start, &[" "]) {
                    out.push(Number {
                        start: t.start,
                        end: toks[k + 2].end,
                        value: 1.0 / den,
                        form: NumberForm::Fraction,
                        scale: None,
                        bare_integer: false,
                        rejected: None,
                    });
                    k += 3;
                    continue;
                }
            }
        }
        // Fractions: "a third", "one third", "two thirds", "two-thirds", "half".
        if let Some(n) = match_fraction(s, &toks, k) {
            k = n.1;
            out.push(n.0);
            continue;
        }
        let article_start = matches!(t.lower.as_str(), "a" | "an")
            && toks.get(k + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "million" | "billion" | "trillion" | "hundred" | "thousand" | "dozen"
                )
            })
            && joined_by(s, t.end, toks[k + 1].start, &[" "]);
        let Some(first) = unit_word(&t.lower).or(article_start.then_some(1.0)) else {
            k += 1;
            continue;
        };
        // match_word_number: unit words, "twenty-five", then scale words, composed as people
        // write them: "twenty-eight thousand six hundred forty-two" is 28,642.
        let start = t.start;
        let mut end = t.end;
        let mut m = k + 1;
        let mut total = 0.0;
        let mut current = first;
        // Whether a unit word may follow: after tens ("forty-two") or a scale word.
        let mut tens_open = (20.0..100.0).contains(&first) && first % 10.0 == 0.0;
        let mut after_scale = false;
        let mut scale: Option<f64> = None;
        while let Some(next) = toks.get(m) {
            if let Some(mult) = scale_word(&next.lower) {
                if !joined_by(s, end, next.start, &[" ", "-"]) || next.lower.ends_with('s') {
                    break;
                }
                if mult == 100.0 {
                    current *= 100.0;
                } else {
                    if current == 0.0 {
                        break;
                    }
                    total += current * mult;
                    current = 0.0;
                }
                scale = Some(scale.map_or(mult, |s: f64| s.max(mult)));
                end = next.end;
                m += 1;
                tens_open = false;
                after_scale = true;
                continue;
            }
            // "one hundred and twenty": "and" joins a unit word to a scale word.
            if next.lower == "and"
                && after_scale
                && joined_by(s, end, next.start, &[" "])
                && toks.get(m + 1).is_some_and(|w| {
                    unit_word(&w.lower).is_some_and(|u| u > 0.0 && u < 100.0)
                        && joined_by(s, next.end, w.start, &[" "])
                })
            {
                end = next.end;
                m += 1;
                continue;
            }
            let Some(u) =
                unit_word(&next.lower).filter(|u| *u > 0.0 && *u < 100.0 && next.lower != "dozen")
            else {
                break;
            };
            let ok = if tens_open {
                u < 10.0 && joined_by(s, end, next.start, &["-", " "])
            } else {
                after_scale && joined_by(s, end, next.start, &[" ", " and "])
            };
            if !ok {
                break;
            }
            current += u;
            end = next.end;
            m += 1;
            tens_open = after_scale && u >= 20.0 && u % 10.0 == 0.0;
            after_scale = false;
        }
        let value = total + current;
        let mut rejected = None;
        // A capitalised number word inside a name: "One Belt And One Road", "Thousand Talents".
        let sentence_initial = s[..start].trim().is_empty();
        let next_capitalised =
            toks.get(m).is_some_and(|n| n.capitalised) && joined_by(s, end, toks[m].start, &[" "]);
        if t.capitalised && (!sentence_initial || next_capitalised) {
            rejected = Some(NonMetric::NameWithDigits);
        }
        // "one" on its own is an article more often than a count ("one of", "one-stop").
        if rejected.is_none() && value == 1.0 && scale.is_none() {
            rejected = Some(NonMetric::Vague);
        }
        // Hyphen compounds: "three-year plan", "one-stop shop".
        if rejected.is_none()
            && char_at(s, end) == Some('-')
            && char_at(s, end + 1).is_some_and(char::is_alphabetic)
        {
            rejected = Some(NonMetric::Designation);
        }
        out.push(Number {
            start,
            end,
            value,
            form: NumberForm::Words,
            scale,
            bare_integer: false,
            rejected,
        });
        k = m.max(k + 1);
    }
    out
}

/// match_fraction: "a third", "one third", "two thirds", "two-thirds", "a quarter", "half".
///
/// "The first half", "the second quarter" and "a quarter of 2024" are periods, not fractions:
/// a fraction is followed by "of" and a non-date, or stands as "half the".
fn match_fraction(s: &str, toks: &[Tok], k: usize) -> Option<(Number, usize)> {
    let t = &toks[k];
    let numerator = match t.lower.as_str() {
        "a" | "one" => Some(1.0),
        other => unit_word(other).filter(|v| *v >= 2.0 && *v <= 9.0),
    };
    let (num, frac_idx) = match numerator {
        Some(v) => (v, k + 1),
        None => (1.0, k),
    };
    let f = toks.get(frac_idx)?;
    let &(_, _, fv) = FRACTION_WORDS.iter().find(|(sing, plur, _)| {
        if num > 1.0 {
            f.lower == *plur
        } else {
            f.lower == *sing
        }
    })?;
    if frac_idx > k && !joined_by(s, t.end, f.start, &[" ", "-"]) {
        return None;
    }
    // A bare "half"/"quarter" without a numerator is only a fraction in "half of"/"half the".
    if frac_idx == k && f.lower != "half" {
        return None;
    }
    let prev = k.checked_sub(1).map(|p| toks[p].lower.as_str());
    if matches!(
        prev,
        Some("first" | "second" | "third" | "fourth" | "last" | "latter" | "former")
    ) {
        return None;
    }
    let next = toks.get(frac_idx + 1).map(|n| n.lower.as_str());
    let after = s.get(f.end..).unwrap_or("");
    // A quarter or half followed by a year is a period ("a quarter of 2024" is unusual but safe).
    let next_is_year = after
        .trim_start()
        .strip_prefix("of")
        .map(str::trim_start)
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    // "down two-thirds from its peak": a fraction after a change word needs no "of".
    let after_change = frac_idx > k
        && matches!(
            prev,
            Some(
                "down"
                    | "up"
                    | "fell"
                    | "dropped"
                    | "rose"
                    | "grew"
                    | "by"
                    | "cut"
                    | "slashed"
                    | "lost"
                    | "shed"
            )
        );
    if next_is_year
        || !(after_change || matches!(next, Some("of" | "the" | "its" | "their" | "all")))
    {
        return None;
    }
    if t.capitalised && k > 0 {
        return None;
    }
    Some((
        Number {
            start: t.start,
            end: f.end,
            value: num * fv,
            form: NumberForm::Fraction,
            scale: None,
            bare_integer: false,
            rejected: None,
        },
        frac_idx + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<(String, f64, bool)> {
        find_numbers(s)
            .into_iter()
            .map(|n| (s[n.start..n.end].to_owned(), n.value, n.rejected.is_none()))
            .collect()
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(
            values("31.3 trillion yuan and 200,000 firms, $150bn"),
            [
                ("31.3 trillion".into(), 3.13e13, true),
                ("200,000".into(), 200_000.0, true),
                ("150bn".into(), 1.5e11, true)
            ]
        );
    }

    #[test]
    fn words_and_fractions() {
        let v = values("five members, twenty-one firms, two thirds of sales, a million users");
        assert_eq!(v[0], ("five".into(), 5.0, true));
        assert_eq!(v[1], ("twenty-one".into(), 21.0, true));
        assert_eq!(v[2].0, "two thirds");
        assert!((v[2].1 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(v[3], ("a million".into(), 1e6, true));
    }

    #[test]
    fn glued_names_are_rejected() {
        for s in ["5G", "SU7", "7nm", "19th", "COVID-19", "232-layer"] {
            let v = values(s);
            assert!(v.iter().all(|x| !x.2), "{s}: {v:?}");
        }
    }
}
