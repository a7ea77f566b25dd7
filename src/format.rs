//! How numbers, periods and qualifiers read on charts, in the table and in exports.

use extract::{Metric, Period, Qualifier, Unit};

/// A number in at most three significant figures with a scale word: 1.23k, 45.6m, 7.8bn, 31.3tn.
pub fn compact(value: f64) -> String {
    let abs = value.abs();
    let (scaled, suffix) = if abs >= 1e12 {
        (value / 1e12, "tn")
    } else if abs >= 1e9 {
        (value / 1e9, "bn")
    } else if abs >= 1e6 {
        (value / 1e6, "m")
    } else if abs >= 1e4 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    format!("{}{suffix}", trim_number(scaled))
}

/// A number with up to three significant figures and no trailing zeros.
pub fn trim_number(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let abs = value.abs();
    let decimals = if abs >= 100.0 {
        0
    } else if abs >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A value with its unit: "34.8%", "2.5 pp", "50m", "$1.5bn".
pub fn with_unit(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", trim_number(value)),
        Unit::PercentagePoints => format!("{} pp", trim_number(value)),
        Unit::Count => compact(value),
        Unit::Currency => format!("${}", compact(value)),
        Unit::IndexPoints => format!("{} pts", trim_number(value)),
    }
}

/// The unit column: "%", "pp", "count", or the currency code.
pub fn unit_label(metric: &Metric) -> String {
    match metric.unit {
        Unit::Percent => "%".to_owned(),
        Unit::PercentagePoints => "percentage points".to_owned(),
        Unit::Count => "count".to_owned(),
        Unit::Currency => metric
            .currency
            .clone()
            .unwrap_or_else(|| "money".to_owned()),
        Unit::IndexPoints => "index points".to_owned(),
    }
}

/// A qualifier as a reader says it; exact figures read as "exact".
pub fn qualifier_label(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more than",
        Qualifier::AtLeast => "at least",
        Qualifier::About => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::UpTo => "up to",
        Qualifier::LessThan => "less than",
    }
}

/// A period as a reader says it ([`Period::label`], the same words as the exports): "2019",
/// "H1 2018", "March 2021", "2003–2018", "as of 2020", "2025 (target)"; an inherited period
/// ends in "*"; "—" when the text gives none.
pub fn period_label(p: &Period) -> String {
    match p.label() {
        Some(when) if p.inherited => format!("{when}*"),
        Some(when) => when,
        None => "—".to_owned(),
    }
}

/// Shortens `text` to `max` characters, ending with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use extract::{PeriodAspect, PeriodPart};

    #[test]
    fn compact_numbers() {
        assert_eq!(compact(31.3e12), "31.3tn");
        assert_eq!(compact(2.94e9), "2.94bn");
        assert_eq!(compact(500_000.0), "500k");
        assert_eq!(compact(5000.0), "5000");
        assert_eq!(compact(90.0), "90");
        assert_eq!(with_unit(34.8, Unit::Percent), "34.8%");
        assert_eq!(with_unit(1.5e9, Unit::Currency), "$1.5bn");
    }

    #[test]
    fn periods_read_naturally() {
        let mut p = Period {
            year: Some(2018),
            part: PeriodPart::Half(1),
            ..Period::default()
        };
        assert_eq!(period_label(&p), "H1 2018");
        p.part = PeriodPart::Year;
        p.year_end = Some(2020);
        p.aspect = PeriodAspect::Target;
        assert_eq!(period_label(&p), "2018–2020 (target)");
        assert_eq!(period_label(&Period::default()), "—");
        // The same words as the exports: the month in full.
        p.year_end = None;
        p.part = PeriodPart::Month(3);
        p.aspect = PeriodAspect::Actual;
        p.inherited = true;
        assert_eq!(period_label(&p), "March 2018*");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("中国科技产业", 4), "中国科…");
    }
}
