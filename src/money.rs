//! Currency conversion: every money figure is charted in US dollars at one fixed, cited rate.
//!
//! The figures come from different years, but the corpus rarely says which exchange rate its
//! authors used, so the charts convert everything at a single dated rate and say so on the
//! chart. This compares magnitudes; it is not a historical conversion.

/// The currency every money figure is converted to.
pub const TARGET: &str = "USD";

/// The date the rates below were published for.
pub const RATES_AS_OF: &str = "31 Dec 2024";

/// Where the rates below come from.
pub const RATES_SOURCE: &str = "US Federal Reserve H.10; ILS: Bank of Israel";

/// Units of each currency per US dollar.
///
/// Source: Board of Governors of the Federal Reserve System, statistical release H.10
/// "Foreign Exchange Rates", noon buying rates in New York for 31 December 2024,
/// rounded to three significant figures (EUR and GBP are quoted there in dollars per unit
/// and are inverted here). H.10 does not quote the Israeli shekel: ILS is the Bank of
/// Israel's representative rate for the same day. Written into the code by hand because the
/// app makes no network calls; update the table, the date and the source together.
/// (Cross-check: the Fed's G.5 average for December 2024 is 7.2807 CNY per USD.)
pub const RATES: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("CNY", 7.30),
    ("EUR", 0.966),
    ("GBP", 0.798),
    ("JPY", 157.0),
    ("HKD", 7.77),
    ("ILS", 3.64),
    ("KRW", 1470.0),
    ("TWD", 32.8),
    ("INR", 85.6),
    ("SGD", 1.36),
];

/// Units of `code` per US dollar, when the table has it.
pub fn rate(code: &str) -> Option<f64> {
    let code = code.trim().to_ascii_uppercase();
    // "RMB" is how many articles write the yuan; its ISO code is CNY.
    let code = if code == "RMB" {
        "CNY".to_owned()
    } else {
        code
    };
    RATES.iter().find(|(c, _)| *c == code).map(|&(_, r)| r)
}

/// `value` in `code` converted to US dollars, when the rate is known.
pub fn to_usd(value: f64, code: &str) -> Option<f64> {
    rate(code).map(|r| value / r)
}

/// A figure's value on a scale comparable within its unit family: money in US dollars,
/// everything else as stated. `None` for money in a currency without a rate. This is the one
/// place a figure's money is converted.
pub fn comparable(m: &extract::Metric) -> Option<f64> {
    match m.unit {
        extract::Unit::Currency => to_usd(m.value, m.currency.as_deref().unwrap_or("")),
        _ => Some(m.value),
    }
}

/// The rates actually used for `codes`, as a line to print on a chart:
/// "USD at 31 Dec 2024 rates: 1 USD = 7.3 CNY, 0.966 EUR (US Federal Reserve H.10; ILS: Bank of Israel)".
pub fn rates_note<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let mut used: Vec<(String, f64)> = Vec::new();
    for code in codes {
        let upper = code.trim().to_ascii_uppercase();
        if upper == TARGET || used.iter().any(|(c, _)| *c == upper) {
            continue;
        }
        if let Some(r) = rate(&upper) {
            used.push((upper, r));
        }
    }
    used.sort_by(|a, b| a.0.cmp(&b.0));
    if used.is_empty() {
        return format!("in {TARGET}; no conversion needed");
    }
    let list: Vec<String> = used.iter().map(|(c, r)| format!("{r} {c}")).collect();
    format!(
        "{TARGET} at {RATES_AS_OF} rates: 1 {TARGET} = {} ({RATES_SOURCE})",
        list.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_yuan_and_knows_rmb() {
        let usd = to_usd(7.30e9, "CNY").expect("CNY has a rate");
        assert!((usd - 1e9).abs() < 1.0);
        assert_eq!(rate("rmb"), rate("CNY"));
        assert_eq!(to_usd(5.0, "XYZ"), None);
    }

    #[test]
    fn note_lists_only_used_rates_with_date_and_source() {
        let note = rates_note(["CNY", "USD", "CNY", "EUR"]);
        assert_eq!(
            note,
            "USD at 31 Dec 2024 rates: 1 USD = 7.3 CNY, 0.966 EUR (US Federal Reserve H.10; ILS: Bank of Israel)"
        );
        assert_eq!(rates_note(["USD"]), "in USD; no conversion needed");
    }
}
