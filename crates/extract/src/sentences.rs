//! Sentence boundaries within a paragraph, aware of abbreviations, decimals, initials and list markers.

/// Abbreviations after which a full stop does not end a sentence, compared case-sensitively
/// without their final full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Inc", "Ltd", "Co", "Corp", "Gov", "Sen",
    "Rep", "Gen", "Lt", "Col", "Capt", "vs", "etc", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "e.g", "i.e", "U.S", "U.K", "U.N",
    "E.U", "a.m", "p.m", "Mt", "Ave", "Dept", "Univ", "Bros", "Fig", "kr", "Kr", "mio", "Rs",
    "A.D",
];

/// Abbreviations that may end a sentence when the next word clearly starts a new one
/// ("... in the U.S. The ..."). After these we split only before a capitalised word that is
/// not itself part of a proper name run, which in practice means: split.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &["etc", "U.S", "U.K", "U.N", "E.U"];

/// Splits `paragraph` into sentence byte ranges (relative to `paragraph`), trimmed of
/// surrounding whitespace. Never returns an empty range.
pub fn split_sentences(paragraph: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && is_boundary(paragraph, start, i) {
            // Take closing quotes and brackets with the sentence.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &paragraph[end..];
                let Some(c) = rest.chars().next() else { break };
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '.' | '!' | '?') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            push_trimmed(paragraph, start, end, &mut out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(paragraph, start, paragraph.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if s < e {
        out.push((s, e));
    }
}

/// Whether the terminator at byte `i` ends the sentence that began at `start`.
fn is_boundary(text: &str, start: usize, i: usize) -> bool {
    let after = &text[i + 1..];
    let next_word = after.trim_start_matches(['"', '\'', ')', ']', '”', '’', '.', '!', '?']);
    // match_no_space: a terminator followed directly by a letter or digit ("2.94",
    // "U.S", "e.g") is inside a token.
    if !next_word.starts_with(char::is_whitespace) {
        return next_word.is_empty();
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    let word = last_word(&text[start..i]);
    // match_list_marker: "1." or "a)" opening a paragraph is a list marker, not a sentence.
    if start + word.len() == i && text[start..i].trim_start() == word && is_list_marker(word) {
        return false;
    }
    // match_initial: a single capital letter is an initial ("J. Smith").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let first_next = next_word.trim_start().chars().next();
    let starts_lower = first_next.is_some_and(|c| c.is_lowercase());
    if ABBREVIATIONS.contains(&word) {
        // match_abbreviation: an abbreviation continues the sentence unless it can also end one
        // and the next word starts with a capital.
        return SENTENCE_FINAL_ABBREVIATIONS.contains(&word) && !starts_lower;
    }
    // match_lowercase_continuation: a full stop followed by a lowercase word is rarely a boundary.
    !starts_lower
}

/// The word directly before a terminator, including inner full stops ("U.S").
fn last_word(before: &str) -> &str {
    let start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    &before[start..]
}

fn is_list_marker(word: &str) -> bool {
    (!word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(sentences("One. Two! Three?"), ["One.", "Two!", "Three?"]);
    }

    #[test]
    fn keeps_decimals_and_abbreviations() {
        assert_eq!(
            sentences(
                "It rose 2.94 billion in Nov. 2018 per Mr. Li of Acme Inc. in Beijing. Next."
            ),
            [
                "It rose 2.94 billion in Nov. 2018 per Mr. Li of Acme Inc. in Beijing.",
                "Next."
            ]
        );
    }

    #[test]
    fn us_can_end_a_sentence() {
        assert_eq!(
            sentences("Ties with the U.S. The talks went on."),
            ["Ties with the U.S.", "The talks went on."]
        );
        assert_eq!(
            sentences("The U.S. market grew."),
            ["The U.S. market grew."]
        );
    }

    #[test]
    fn list_marker_is_not_a_sentence() {
        assert_eq!(
            sentences("1. Stronger market confidence"),
            ["1. Stronger market confidence"]
        );
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        assert_eq!(
            sentences("He said “go.” Then left."),
            ["He said “go.”", "Then left."]
        );
    }
}
