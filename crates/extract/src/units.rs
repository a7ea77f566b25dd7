//! Units: what a number is counted in — percent, percentage points, a currency (ISO 4217) or
//! a count — read from the symbols and words written around it.

use crate::currencies;
use crate::model::Unit;
use crate::numbers::{Number, NumberForm};

/// The unit written with a number, and the extent of the whole figure.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitFound {
    /// The unit family.
    pub unit: Unit,
    /// ISO 4217 code for currencies.
    pub currency: Option<&'static str>,
    /// Start of the figure including a currency prefix ("$" in "$150bn").
    pub start: usize,
    /// End of the figure including a unit suffix ("yuan", "%").
    pub end: usize,
    /// Whether the currency came from a prefix symbol or code.
    pub prefix: bool,
    /// Whether the text wrote a unit at all (otherwise it is a count by default).
    pub explicit: bool,
    /// Factor to apply to the number's value ("50 basis points" → 0.5 percentage points).
    pub factor: f64,
    /// How the currency was written, when the sign alone does not settle it.
    pub ambiguous: Option<Ambiguous>,
}

/// A currency sign that its context settles (see [`crate::currencies`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ambiguous {
    /// A bare "$": US dollars unless another dollar was named before.
    Dollar,
    /// A dollar with its name ("HK$", "US$", "Singapore dollars"): sets the context.
    NamedDollar,
    /// "¥": yuan, or yen where the paragraph speaks of Japan.
    Yen,
    /// "kr": Danish, Swedish or Norwegian crowns.
    Crowns,
    /// "cents": a hundredth of the dollar or euro in context.
    Cents,
}

/// Percent words written after the number (lower case): (words, unit, factor).
const PERCENT_SUFFIXES: &[(&str, Unit, f64)] = &[
    ("percentage points", Unit::PercentagePoints, 1.0),
    ("percentage point", Unit::PercentagePoints, 1.0),
    ("% points", Unit::PercentagePoints, 1.0),
    ("basis points", Unit::PercentagePoints, 0.01),
    ("basis point", Unit::PercentagePoints, 0.01),
    ("bps", Unit::PercentagePoints, 0.01),
    ("ppts", Unit::PercentagePoints, 1.0),
    ("ppt", Unit::PercentagePoints, 1.0),
    ("pp", Unit::PercentagePoints, 1.0),
    ("pct points", Unit::PercentagePoints, 1.0),
    ("pct pts", Unit::PercentagePoints, 1.0),
    ("percentage pts", Unit::PercentagePoints, 1.0),
    ("per cent", Unit::Percent, 1.0),
    ("percent", Unit::Percent, 1.0),
    ("pct", Unit::Percent, 1.0),
    ("pc", Unit::Percent, 1.0),
    ("bp", Unit::PercentagePoints, 0.01),
    ("%", Unit::Percent, 1.0),
    ("points", Unit::IndexPoints, 1.0),
    ("point", Unit::IndexPoints, 1.0),
    ("pts", Unit::IndexPoints, 1.0),
];

/// Stock indices, as their names start (lower case): a level written after "at" or "to" in a
/// sentence that names one is in index points ("the Nikkei closed at 34,735.93").
const INDEX_NAMES: &[&str] = &[
    "index",
    "indices",
    "nikkei",
    "topix",
    "kospi",
    "kosdaq",
    "taiex",
    "hang seng",
    "straits times",
    "sti",
    "stoxx",
    "ftse",
    "dax",
    "cac",
    "s&p",
    "asx",
    "dow",
    "nasdaq",
    "csi",
    "shanghai composite",
    "shenzhen component",
    "sensex",
    "nifty",
    "klci",
    "jakarta composite",
    "set index",
    "psei",
    "ibex",
    "mib",
    "aex",
    "smi",
    "russell",
    "benchmark",
    "blue-chip",
    "blue chip",
];

/// match_index_level: a bare level with decimals or thousands separators, right after "at"
/// or "to", in a sentence that names a stock index, is in index points.
pub fn is_index_level(sentence: &str, n: &Number) -> bool {
    if n.form != NumberForm::Digits || n.scale.is_some() || n.bare_integer {
        return false;
    }
    let before = sentence[..n.start].trim_end().to_lowercase();
    if !(before.ends_with(" at") || before.ends_with(" to")) {
        return false;
    }
    // The index is named in the same clause, before the figure.
    let clause_start = before
        .rfind("; ")
        .max(before.rfind(". "))
        .map_or(0, |p| p + 2);
    let clause = &before[clause_start..];
    INDEX_NAMES.iter().any(|name| {
        clause.match_indices(name).any(|(i, _)| {
            !clause[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !clause[i + name.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        })
    })
}

/// Whether `rest` starts with `word` (ASCII case-insensitively) followed by a non-letter.
fn starts_with_word(rest: &str, word: &str) -> bool {
    let Some(head) = rest.get(..word.len()) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(word) {
        return false;
    }
    word == "%"
        || !rest[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Reads the unit of `n` in `sentence`.
pub fn unit_of(sentence: &str, n: &Number) -> UnitFound {
    let mut found = UnitFound {
        unit: Unit::Count,
        currency: None,
        start: n.start,
        end: n.end,
        prefix: false,
        explicit: false,
        factor: 1.0,
        ambiguous: None,
    };
    if n.form == NumberForm::Fraction {
        // match_fraction_share: "a third of" is a share, drawn as a percentage.
        found.unit = Unit::Percent;
        found.factor = 100.0;
        found.explicit = true;
        return found;
    }
    if let Some((len, code)) = match_currency_prefix(&sentence[..n.start]) {
        found.unit = Unit::Currency;
        found.currency = Some(code);
        found.start = n.start - len;
        found.prefix = true;
        found.explicit = true;
        let sign = sentence[found.start..n.start].trim();
        found.ambiguous = match sign {
            "$" => Some(Ambiguous::Dollar),
            "¥" | "￥" => Some(Ambiguous::Yen),
            "kr" | "kr." => Some(Ambiguous::Crowns),
            _ if currencies::is_dollar(code) => Some(Ambiguous::NamedDollar),
            _ => None,
        };
    }
    // match_cents_glued: "US72c", "50c" are cents of the dollar written or in context.
    if sentence[n.end..].starts_with('c')
        && !sentence[n.end + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        && (found.unit == Unit::Count || found.currency.is_some_and(currencies::is_dollar))
    {
        if found.unit == Unit::Count {
            found.ambiguous = Some(Ambiguous::Cents);
        }
        found.unit = Unit::Currency;
        found.currency = found.currency.or(Some("USD"));
        found.factor = 0.01;
        found.end = n.end + 1;
        found.explicit = true;
        return found;
    }
    // match_pence_glued: "164p" is 164 pence (the number finder keeps a glued "p").
    if sentence[n.end..].starts_with('p')
        && !sentence[n.end + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        && found.unit == Unit::Count
    {
        found.unit = Unit::Currency;
        found.currency = Some("GBP");
        found.factor = 0.01;
        found.end = n.end + 1;
        found.explicit = true;
        return found;
    }
    let after = &sentence[n.end..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    let rest = &after[gap..];
    // "%" is glued on; words need the gap.
    for &(word, unit, factor) in PERCENT_SUFFIXES {
        // "percentage-point" and "basis-point" are written hyphenated before a noun
        // ("a 25-basis-point cut").
        let hyphenated = gap == 0
            && rest.starts_with('-')
            && matches!(word, "basis point" | "percentage point")
            && rest
                .get(1..word.len() + 1)
                .is_some_and(|h| h.eq_ignore_ascii_case(&word.replace(' ', "-")));
        if hyphenated {
            if found.unit == Unit::Currency {
                break;
            }
            found.unit = unit;
            found.factor = factor;
            found.end = n.end + 1 + word.len();
            found.explicit = true;
            return found;
        }
        let may_glue = word.starts_with('%')
            || matches!(word, "pc" | "pct" | "pp" | "ppt" | "ppts" | "bp" | "bps");
        if (may_glue || gap > 0) && starts_with_word(rest, word) {
            if found.unit == Unit::Currency {
                break;
            }
            found.unit = unit;
            found.factor = factor;
            found.end = n.end + gap + word.len();
            found.explicit = true;
            return found;
        }
    }
    if gap > 0 || rest.starts_with('-') {
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let extra = usize::from(gap == 0);
        // match_minor_unit: "45 cents", "80 sen", "164 pence" are hundredths ("US50 cents"
        // of the dollar written before them).
        let dollar_before = found.currency.is_some_and(currencies::is_dollar);
        if found.unit != Unit::Currency || dollar_before {
            for &(word, code) in currencies::minor_units() {
                if word.len() > 1 && starts_with_word(rest, word) {
                    if dollar_before && !word.ends_with("cents") && word != "cent" {
                        continue;
                    }
                    if !dollar_before {
                        found.currency = Some(code);
                    }
                    found.unit = Unit::Currency;
                    found.factor = 0.01;
                    found.end = n.end + gap + extra + word.len();
                    found.explicit = true;
                    if code == "USD" && !dollar_before {
                        found.ambiguous = Some(Ambiguous::Cents);
                    }
                    return found;
                }
            }
        }
        for &(word, code) in currencies::suffixes() {
            if starts_with_word(rest, word) {
                // "won" is a verb far more often than a currency after a small number.
                if word == "won"
                    && found.unit != Unit::Currency
                    && n.scale.is_none()
                    && n.value < 1000.0
                {
                    continue;
                }
                // match_weight_pounds: "208 pounds" of weight is not sterling, nor is an
                // unscaled number of pounds in brackets, an aside ("With me (208 pounds)
                // aboard"); sterling is written "£208".
                let aside = sentence[..n.start].ends_with('(') && n.scale.is_none();
                if matches!(word, "pounds" | "pound")
                    && found.unit != Unit::Currency
                    && (aside || weighs(sentence))
                {
                    continue;
                }
                if found.unit != Unit::Currency {
                    found.unit = Unit::Currency;
                    found.currency = Some(code);
                    found.ambiguous = match word {
                        "kr" | "kr." => Some(Ambiguous::Crowns),
                        _ if currencies::is_dollar(code) && code != "USD" => {
                            Some(Ambiguous::NamedDollar)
                        }
                        _ => None,
                    };
                }
                found.end = n.end + gap + extra + word.len();
                found.explicit = true;
                return found;
            }
        }
    }
    found
}

/// Words that make "pounds" a weight.
const WEIGHT_CUES: &[&str] = &[
    "weigh", "weight", "kg", "kilogram", "lbs", "heavy", "heavier", "lighter", "tonnes", "ounces",
];

/// Whether the sentence speaks of weight.
fn weighs(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    WEIGHT_CUES.iter().any(|c| lower.contains(c))
}

/// match_currency_prefix: a currency symbol or ISO code right before the number ("US$5",
/// "RMB 5bn", "¥300", "RM2.5"); returns the prefix's length in bytes and the ISO code.
fn match_currency_prefix(before: &str) -> Option<(usize, &'static str)> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let space = before.len() - trimmed.len();
    // Symbols are usually glued on ("$150bn"), but "US$ 3 billion" occurs; codes may be
    // separated by a space ("RMB 5bn"). One space at most either way.
    if before[trimmed.len()..].chars().count() > 1 {
        return None;
    }
    for &(sym, code) in currencies::prefixes() {
        if let Some(head) = trimmed.strip_suffix(sym) {
            let letters = sym.starts_with(|c: char| c.is_ascii_alphabetic());
            // A code must stand alone ("RMB", not "FARMB"; "HK$", not "XHK$").
            if letters && head.chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            // The one-letter sign for the rand, and "US" alone, must be glued to the digits:
            // "R5bn" and "US50c", not "R 5" or "the US 500".
            if matches!(sym, "R" | "US") && space > 0 {
                continue;
            }
            // "US$" is listed before "$", so a bare "$" here is not the end of "HK$".
            return Some((sym.len() + space, code));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::find_numbers;

    fn unit(s: &str) -> (Unit, Option<&'static str>, String) {
        let n = find_numbers(s).remove(0);
        let u = unit_of(s, &n);
        (u.unit, u.currency, s[u.start..u.end].to_owned())
    }

    #[test]
    fn currencies() {
        assert_eq!(
            unit("it made $150bn"),
            (Unit::Currency, Some("USD"), "$150bn".into())
        );
        assert_eq!(
            unit("reaching 31.3 trillion yuan in"),
            (Unit::Currency, Some("CNY"), "31.3 trillion yuan".into())
        );
        assert_eq!(
            unit("RMB 5bn"),
            (Unit::Currency, Some("CNY"), "RMB 5bn".into())
        );
        assert_eq!(
            unit("US$3 million"),
            (Unit::Currency, Some("USD"), "US$3 million".into())
        );
        assert_eq!(unit("¥300"), (Unit::Currency, Some("CNY"), "¥300".into()));
    }

    #[test]
    fn percents_and_counts() {
        assert_eq!(unit("34.8% of GDP"), (Unit::Percent, None, "34.8%".into()));
        assert_eq!(
            unit("up 3 percentage points"),
            (Unit::PercentagePoints, None, "3 percentage points".into())
        );
        assert_eq!(unit("93 unicorns"), (Unit::Count, None, "93".into()));
    }
}
