//! Qualifiers: how the text hedges a figure ("more than 500", "nearly 20,000", "up to 35%").

use crate::model::Qualifier;

/// Hedges written before a figure, lower case, longest first within each qualifier.
const BEFORE: &[(&str, Qualifier)] = &[
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("more than", Qualifier::MoreThan),
    ("north of", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("surpass", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    ("top", Qualifier::MoreThan),
    ("tops", Qualifier::MoreThan),
    ("topped", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("an estimated", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx.", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("circa", Qualifier::About),
    ("some", Qualifier::About),
    ("estimated", Qualifier::About),
    ("just under", Qualifier::Nearly),
    ("just shy of", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("as high as", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
];

/// Verbs that take "over" as a particle.
const PHRASAL_OVER: &[&str] = &[
    "handed", "hand", "hands", "handing", "took", "take", "takes", "taking", "taken", "turned",
    "turn", "turns", "turning", "passed", "pass", "passing", "paid", "carried", "signed", "won",
];

/// Reads the qualifier of a figure from the text before it (`before`, ending right where the
/// figure starts) and after it (`after`, starting right where it ends).
///
/// Rule: a hedge phrase that ends the text before the figure qualifies it; "or more" and "+"
/// right after it make it an inclusive lower bound.
pub fn qualifier_of(before: &str, after: &str) -> Qualifier {
    let lower = before.trim_end().to_lowercase();
    for &(phrase, q) in BEFORE {
        if let Some(head) = lower.strip_suffix(phrase) {
            // The phrase must start a word ("moreover" is not "over").
            if head.is_empty() || head.ends_with(|c: char| !c.is_alphanumeric()) {
                // match_phrasal_over: "handed over 61,855 cars" is a verb, not a hedge.
                let verb = head.split_whitespace().next_back().unwrap_or("");
                if phrase == "over" && PHRASAL_OVER.contains(&verb) {
                    return Qualifier::Exact;
                }
                // Longer phrases that end in a shorter one ("just over") come first in the list
                // only where it matters; "just over" is still "more than".
                return q;
            }
        }
    }
    let after = after.trim_start();
    // "3,000 items or more": "or more" before the end of the clause.
    let clause = after
        .split([',', '.', ';', ':', '(', ')'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let or_more = clause
        .find("or more")
        .is_some_and(|p| p <= 30 && !clause[..p].contains(|c: char| c.is_ascii_digit()));
    if after.starts_with('+') || or_more {
        return Qualifier::AtLeast;
    }
    Qualifier::Exact
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges() {
        assert_eq!(
            qualifier_of("Beijing has more than ", ""),
            Qualifier::MoreThan
        );
        assert_eq!(qualifier_of("increased by over ", ""), Qualifier::MoreThan);
        assert_eq!(qualifier_of("tariffs of up to ", ""), Qualifier::UpTo);
        assert_eq!(qualifier_of("nearly ", ""), Qualifier::Nearly);
        assert_eq!(qualifier_of("moreover ", ""), Qualifier::Exact);
        assert_eq!(qualifier_of("", " or more"), Qualifier::AtLeast);
    }
}
