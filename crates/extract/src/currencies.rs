//! Currencies: the one table of how the press writes money — symbols and codes before the
//! number, words and codes after it, and the names of a currency's hundredth — with ISO 4217
//! codes. [`crate::numbers`] and [`crate::units`] read it; it depends on nothing.
//!
//! Some signs stand for more than one currency, and are settled by context in
//! [`crate::metrics`] (rule `match_currency_context`):
//! - a bare `$` is US dollars unless the paragraph has already named another dollar ("HK$3.7
//!   billion ... $2.1 billion" is Hong Kong dollars both times); "US$" names the US dollar;
//! - `¥` is the yuan, as in most of our corpus, unless its paragraph speaks of Japan (yen,
//!   Japan, Japanese, Tokyo, Nikkei, Topix, the Bank of Japan), where it is the yen;
//! - `kr` is the Danish krone unless the paragraph speaks of Sweden or Norway;
//! - cents are hundredths of the paragraph's last dollar or euro (US cents when none).

use std::sync::OnceLock;

/// One currency as it is written.
#[derive(Clone, Copy, Debug)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Symbols and codes written before the number, as written ("HK$", "HKD", "RM").
    pub before: &'static [&'static str],
    /// Words and codes written after the number, in lower case ("hong kong dollars").
    pub after: &'static [&'static str],
    /// Words for a hundredth, in lower case ("cents", "sen", "pence").
    pub minor: &'static [&'static str],
}

/// Every currency we read. Ambiguous signs are listed under their default reading.
pub const CURRENCIES: &[Currency] = &[
    Currency {
        code: "USD",
        before: &["US$", "U.S.$", "US $", "U.S. $", "$US", "USD", "US", "$"],
        after: &[
            "u.s. dollars",
            "us dollars",
            "american dollars",
            "dollars",
            "dollar",
            "usd",
        ],
        minor: &["cents", "cent"],
    },
    Currency {
        code: "HKD",
        before: &["HK$", "HKD"],
        after: &["hong kong dollars", "hkd"],
        minor: &[],
    },
    Currency {
        code: "TWD",
        before: &["NT$", "TWD"],
        after: &["new taiwan dollars", "taiwan dollars", "twd"],
        minor: &[],
    },
    Currency {
        code: "SGD",
        before: &["S$", "SGD"],
        after: &["singapore dollars", "sgd"],
        minor: &[],
    },
    Currency {
        code: "AUD",
        before: &["AU$", "A$", "$A", "AUD"],
        after: &["australian dollars", "aud"],
        minor: &["australian cents"],
    },
    Currency {
        code: "CAD",
        before: &["C$", "CAD"],
        after: &["canadian dollars", "cad"],
        minor: &[],
    },
    Currency {
        code: "BRL",
        before: &["R$", "BRL"],
        after: &["reais", "brl"],
        minor: &[],
    },
    Currency {
        code: "CNY",
        before: &["¥", "￥", "RMB", "Rmb", "CNY"],
        after: &["yuan", "renminbi", "rmb", "cny"],
        minor: &[],
    },
    Currency {
        code: "JPY",
        before: &["JPY"],
        after: &["yen", "jpy"],
        minor: &[],
    },
    Currency {
        code: "EUR",
        before: &["€", "EUR"],
        after: &["euros", "euro", "eur"],
        minor: &[],
    },
    Currency {
        code: "GBP",
        before: &["£", "GBP"],
        after: &["pounds sterling", "pounds", "pound", "sterling", "gbp"],
        minor: &["pence", "p"],
    },
    Currency {
        code: "KRW",
        before: &["₩", "KRW"],
        after: &["won", "krw"],
        minor: &[],
    },
    Currency {
        code: "INR",
        before: &["₹", "INR", "Rs.", "Rs"],
        after: &["rupees", "rupee", "inr"],
        minor: &["paise"],
    },
    Currency {
        code: "MYR",
        before: &["RM", "MYR"],
        after: &["ringgit", "myr"],
        minor: &["sen"],
    },
    Currency {
        code: "HRK",
        before: &["HRK"],
        after: &["kuna", "kn", "hrk"],
        minor: &[],
    },
    Currency {
        code: "ZAR",
        before: &["R", "ZAR"],
        after: &["rand", "zar"],
        minor: &[],
    },
    Currency {
        code: "DKK",
        before: &["DKK", "kr.", "kr"],
        after: &[
            "danish crowns",
            "danish kroner",
            "danish krone",
            "crowns",
            "kroner",
            "krone",
            "kr.",
            "kr",
            "dkk",
        ],
        minor: &[],
    },
    Currency {
        code: "SEK",
        before: &["SEK"],
        after: &["swedish crowns", "swedish kronor", "kronor", "sek"],
        minor: &[],
    },
    Currency {
        code: "NOK",
        before: &["NOK"],
        after: &["norwegian crowns", "norwegian kroner", "nok"],
        minor: &[],
    },
    Currency {
        code: "CHF",
        before: &["CHF"],
        after: &["swiss francs", "francs", "chf"],
        minor: &[],
    },
    Currency {
        code: "ILS",
        before: &["₪", "ILS", "NIS"],
        after: &["new shekels", "shekels", "nis"],
        minor: &[],
    },
    Currency {
        code: "RUB",
        before: &["RUB"],
        after: &["roubles", "rubles", "rub"],
        minor: &[],
    },
];

/// (form, code) pairs from `pick`, longest form first, so "US$" is tried before "$".
fn sorted(pick: fn(&Currency) -> &'static [&'static str]) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = CURRENCIES
        .iter()
        .flat_map(|c| pick(c).iter().map(move |f| (*f, c.code)))
        .collect();
    out.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    out
}

/// Every form written before a number, longest first (built once).
pub fn prefixes() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| sorted(|c| c.before))
}

/// Every form written after a number, longest first (built once).
pub fn suffixes() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| sorted(|c| c.after))
}

/// Every word for a hundredth, longest first (built once).
pub fn minor_units() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| sorted(|c| c.minor))
}

/// Whether `before` (the text right before digits) ends in a currency code or sign with
/// letters in it, glued to the digits: "RMB5bn", "RM2", "Rs500", "$US2.5bn", "$A40".
pub fn ends_with_glued_code(before: &str) -> bool {
    prefixes().iter().any(|(f, _)| {
        f.chars().any(char::is_alphabetic)
            && !f.contains(' ')
            && before.strip_suffix(f).is_some_and(|head| {
                !head
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() && f.starts_with(char::is_alphabetic))
            })
    })
}

/// Whether a currency sign ends `before` (a bare sign right before the digits).
pub fn ends_with_sign(before: &str) -> bool {
    before.ends_with(['$', '¥', '￥', '€', '£', '₩', '₹', '₪'])
}

/// Currency words usable after a hyphenated scale ("a 10-billion-yuan fund").
pub fn is_currency_word_start(lower: &str) -> bool {
    [
        "yuan", "dollar", "euro", "pound", "yen", "rupee", "renminbi", "won", "ringgit",
    ]
    .iter()
    .any(|c| lower.starts_with(c))
}

/// Whether `code` is a dollar (a currency whose sign is "$" with or without letters).
pub fn is_dollar(code: &str) -> bool {
    CURRENCIES
        .iter()
        .any(|c| c.code == code && c.before.iter().any(|f| f.contains('$')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_unique_per_position() {
        for table in [prefixes(), suffixes()] {
            for (i, (f, _)) in table.iter().enumerate() {
                assert!(
                    table[i + 1..].iter().all(|(g, _)| g != f),
                    "{f} is listed twice"
                );
            }
        }
    }

    #[test]
    fn longest_first() {
        let p = prefixes();
        let us = p.iter().position(|(f, _)| *f == "US$");
        let bare = p.iter().position(|(f, _)| *f == "$");
        assert!(us < bare);
        assert!(ends_with_glued_code("RMB") && ends_with_glued_code("it cost RM"));
        assert!(
            ends_with_glued_code("$US")
                && !ends_with_glued_code("SU")
                && !ends_with_glued_code("FARM")
        );
        assert!(is_dollar("HKD") && !is_dollar("EUR"));
    }
}
