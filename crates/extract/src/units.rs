//! Units: what a number is counted in — percent, percentage points, a currency (ISO 4217) or
//! a count — read from the symbols and words written around it.

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
}

/// Currency symbols and codes written before the number, longest first.
const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₪", "ILS"),
    ("RMB", "CNY"),
    ("Rmb", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("HKD", "HKD"),
    ("JPY", "JPY"),
    ("GBP", "GBP"),
    ("SGD", "SGD"),
    ("ILS", "ILS"),
    ("NIS", "ILS"),
];

/// Currency words written after the number (lower case), longest first.
const CURRENCY_SUFFIXES: &[(&str, &str)] = &[
    ("u.s. dollars", "USD"),
    ("us dollars", "USD"),
    ("american dollars", "USD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("taiwan dollars", "TWD"),
    ("new taiwan dollars", "TWD"),
    ("australian dollars", "AUD"),
    ("canadian dollars", "CAD"),
    ("pounds sterling", "GBP"),
    ("swiss francs", "CHF"),
    ("new shekels", "ILS"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rmb", "CNY"),
    ("cny", "CNY"),
    ("usd", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("pounds", "GBP"),
    ("yen", "JPY"),
    ("jpy", "JPY"),
    ("hkd", "HKD"),
    ("rupees", "INR"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("shekels", "ILS"),
    ("won", "KRW"),
];

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
];

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
    }
    let after = &sentence[n.end..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    let rest = &after[gap..];
    // "%" is glued on; words need the gap.
    for &(word, unit, factor) in PERCENT_SUFFIXES {
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
        for &(word, code) in CURRENCY_SUFFIXES {
            if starts_with_word(rest, word) {
                // "won" is a verb far more often than a currency after a number.
                if word == "won" && found.unit != Unit::Currency {
                    continue;
                }
                if found.unit != Unit::Currency {
                    found.unit = Unit::Currency;
                    found.currency = Some(code);
                }
                found.end = n.end + gap + extra + word.len();
                found.explicit = true;
                return found;
            }
        }
    }
    found
}

/// match_currency_prefix: a currency symbol or ISO code right before the number ("US$5",
/// "RMB 5bn", "¥300"); returns the prefix's length in bytes and the ISO code.
fn match_currency_prefix(before: &str) -> Option<(usize, &'static str)> {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let space = before.len() - trimmed.len();
    for &(sym, code) in CURRENCY_PREFIXES {
        let is_code = sym.chars().all(|c| c.is_ascii_alphabetic());
        // Symbols are usually glued on ("$150bn"), but "US$ 3 billion" occurs; codes may be
        // separated by a space ("RMB 5bn"). One space at most either way.
        if before[trimmed.len()..].chars().count() > 1 {
            continue;
        }
        if let Some(head) = trimmed.strip_suffix(sym) {
            // A code must stand alone ("RMB", not "FARMB").
            if is_code && head.chars().next_back().is_some_and(char::is_alphanumeric) {
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
