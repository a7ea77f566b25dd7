//! Runs of capitalised words: the candidate names of a sentence.

use super::kinds::{name_shaped, suffix_kind};
use super::lexicon::PERSON_TITLES;
use crate::model::EntityKind;
use crate::words::{words, Word};

/// Whether a sentence looks like a heading (no final punctuation, mostly capitalised words).
pub(super) fn is_heading(sentence: &str) -> bool {
    if sentence.ends_with(['.', '!', '?', '"', '”', ':']) {
        return false;
    }
    let ws = words(sentence);
    let caps = ws.iter().filter(|w| w.is_capitalised()).count();
    ws.len() <= 14 && caps * 2 >= ws.len()
}

/// A run of capitalised words: word indices `first..last+1`.
pub(super) fn capitalised_runs(ws: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    // "Shenzhen-based", "AI-related": a hyphenated part in lower case makes an adjective.
    // A lower-case part that is a syllable of a name ("Wei-ming", "Yu-ting") keeps the word a
    // name: adjective parts end in "-ed" or are among a few common ones.
    let adjective_part = |p: &str| {
        p.ends_with("ed")
            || matches!(
                p,
                "made"
                    | "born"
                    | "driven"
                    | "style"
                    | "like"
                    | "wide"
                    | "era"
                    | "class"
                    | "level"
                    | "grade"
                    | "run"
                    | "only"
                    | "free"
                    | "friendly"
                    | "specific"
                    | "native"
                    | "bound"
                    | "centric"
                    | "first"
                    | "built"
                    | "grown"
                    | "listed"
            )
    };
    let lower_part = |w: &Word<'_>| {
        w.text.contains('-')
            && w.text.split('-').any(|p| {
                p.chars().next().is_some_and(char::is_lowercase)
                    && (adjective_part(p) || !p.chars().all(char::is_alphabetic))
            })
            && !w.text.chars().next().is_some_and(char::is_lowercase)
    };
    let is_cap = |w: &Word<'_>| {
        (w.is_capitalised()
            || (w.text.chars().next().is_some_and(|c| c.is_lowercase())
                && w.text.chars().skip(1).any(char::is_uppercase)
                && w.text.len() > 2))
            && !lower_part(w)
            // "US$34.5" is money, not a name; so is "R180,000".
            && !w.text.contains(['$', '¥', '€', '£', '%'])
            && !(w.text.contains(',') && w.text.chars().any(|c| c.is_ascii_digit()))
    };
    // A model number after a capitalised word belongs to the name ("Mavic 3", "Ascend 910B").
    let is_model_number = |w: &Word<'_>| {
        w.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.text.len() <= 6
            && w.text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.')
            && !w
                .text
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y))
    };
    // Numbers after "Top", "No.", "Phase" rank or count things; they are not model numbers.
    let ranks = |w: &Word<'_>| {
        matches!(
            w.lower().trim_end_matches('.'),
            "top"
                | "no"
                | "phase"
                | "level"
                | "tier"
                | "stage"
                | "round"
                | "series"
                | "chapter"
                | "article"
                | "section"
                | "grade"
                | "generation"
        )
    };
    let is_particle = |n: &Word<'_>| {
        matches!(
            n.text,
            "of" | "and"
                | "for"
                | "&"
                | "de"
                | "on"
                | "du"
                | "des"
                | "la"
                | "et"
                | "van"
                | "der"
                | "del"
        ) && !n.punct_before
            && !n.punct_after
    };
    // "5Y Capital", "3M Health": a short code of digits and capitals opens a name when a
    // capitalised word follows it.
    let digit_led = |i: usize| {
        let w = &ws[i];
        w.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.text.chars().any(|c| c.is_ascii_uppercase())
            && w.text.len() <= 5
            && w.text.chars().all(|c| c.is_ascii_alphanumeric())
            && !w.punct_after
            && ws.get(i + 1).is_some_and(|n| is_cap(n) && !n.punct_before)
    };
    while i < ws.len() {
        if !is_cap(&ws[i]) && !digit_led(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            // "C.C. Wei": initials go on into the name (not "U.S.", "U.K.", a place).
            let initials = {
                let t = ws[end - 1].text.trim_end_matches('.');
                t.len() >= 3
                    && t.split('.')
                        .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
                    && !matches!(t, "U.S" | "U.K" | "U.N" | "E.U" | "U.A.E" | "P.R.C")
                    && ws.get(end).is_some_and(|n| {
                        let gap = n.start - ws[end - 1].end;
                        (gap == 2 || gap == 1 && ws[end - 1].text.ends_with('.'))
                            && n.is_capitalised()
                    })
            };
            // "National People's Congress", "Additional Buyer's Stamp Duty": a common noun's
            // possessive inside a name does not end it (a name's possessive does: "Alibaba's").
            let inner_possessive = matches!(
                ws[end - 1].text.trim_end_matches(['s', '\'', '’']),
                "People"
                    | "Buyer"
                    | "Buyers"
                    | "Women"
                    | "Children"
                    | "Worker"
                    | "Workers"
                    | "Men"
                    | "Farmer"
                    | "Farmers"
                    | "Citizen"
                    | "Citizens"
                    | "Consumer"
                    | "Consumers"
            ) && !ws[end - 1].punct_after;
            if ws[end - 1].punct_after && !initials
                || (ws[end - 1].text.ends_with("’s") || ws[end - 1].text.ends_with("'s"))
                    && !inner_possessive
            {
                break;
            }
            match ws.get(end) {
                Some(n) if is_cap(n) && !n.punct_before => end += 1,
                Some(n)
                    if is_model_number(n)
                        && !n.punct_before
                        && !ranks(&ws[end - 1])
                        && ws[end - 1].text.chars().any(char::is_lowercase) =>
                {
                    end += 1;
                }
                // "Ministry of Commerce", and French, Dutch and Spanish names that join words
                // the same way ("Fédération du Commerce et de la Distribution"): particles
                // join the run when a capitalised word follows them.
                Some(n) if is_particle(n) => {
                    let k = ws[end..].iter().take_while(|m| is_particle(m)).count();
                    if k <= 3
                        && ws
                            .get(end + k)
                            .is_some_and(|m| is_cap(m) && !m.punct_before)
                    {
                        end += k + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// Splits runs joined by "and" ("Huawei and Alibaba Cloud") into their parts, unless the
/// whole run is named as an organisation or programme by its last word ("Ministry of Industry
/// and Information Technology").
pub(super) fn split_conjunctions(
    text: &str,
    ws: &[Word<'_>],
    runs: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (first, last) in split_person_of(ws, runs) {
        let has_and = ws[first..last]
            .iter()
            .any(|w| w.text == "and" || w.text == "&");
        let whole_kind = suffix_kind(ws, first, last);
        // A run defined by an acronym after it is one name ("... Energy and Clean Air (CREA)").
        let defined = text
            .get(ws[last - 1].end..)
            .is_some_and(|r| r.starts_with(" ("));
        if !has_and
            || defined
            || matches!(
                whole_kind,
                Some(EntityKind::Organisation | EntityKind::Programme)
            )
        {
            out.push((first, last));
            continue;
        }
        let mut start = first;
        for (i, w) in ws.iter().enumerate().take(last).skip(first) {
            if w.text == "and" || w.text == "&" {
                if start < i {
                    out.push((start, i));
                }
                start = i + 1;
            }
        }
        if start < last {
            out.push((start, last));
        }
    }
    out
}

/// match_person_of_employer: "said Samuel Tan of Knight Frank", "broker Jesper Holm of EDC":
/// a run that opens with a person-shaped name after "said" or a title and goes on with "of"
/// is the person and the employer, two names.
fn split_person_of(ws: &[Word<'_>], runs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(runs.len());
    for (first, last) in runs {
        let said = |i: usize| matches!(ws[i].lower().as_str(), "said" | "says" | "told");
        // "said Oskar Lind", "analyst Oskar Lind", "said broker Oskar Lind".
        let cue = first.checked_sub(1).is_some_and(|p| {
            said(p)
                || PERSON_TITLES.contains(&ws[p].lower().as_str())
                || (p >= 1
                    && said(p - 1)
                    && ws[p].text.chars().all(|c| c.is_lowercase() || c == '-'))
        });
        let of_at = (first + 2..last.min(first + 4)).find(|&i| ws[i].text == "of");
        match of_at {
            Some(k) if cue && k + 1 < last && ws[first..k].iter().all(|w| name_shaped(w.text)) => {
                out.push((first, k));
                out.push((k + 1, last));
            }
            _ => out.push((first, last)),
        }
    }
    out
}
