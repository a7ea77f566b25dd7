//! Words: whitespace-separated tokens of a sentence with their byte spans and surrounding punctuation.
//!
//! The other finders look at a figure's neighbours ("more than", "of GDP", "in 2018") through
//! these tokens rather than through ad-hoc string slicing, so that every span stays on a
//! character boundary.

/// One word of a sentence: the token with leading and trailing punctuation removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word without surrounding punctuation ("China’s" keeps its apostrophe).
    pub text: &'a str,
    /// Byte offset of `text` in the sentence.
    pub start: usize,
    /// One past the last byte of `text` in the sentence.
    pub end: usize,
    /// Whether punctuation (a comma, bracket, quote...) stood just before the word.
    pub punct_before: bool,
    /// Whether punctuation (a comma, full stop, bracket...) stood just after the word.
    pub punct_after: bool,
}

impl Word<'_> {
    /// The word in lower case.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// Whether the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive ending ("Alibaba’s" → "Alibaba").
    pub fn without_possessive(&self) -> &str {
        strip_possessive(self.text)
    }
}

/// Removes a possessive "'s" or "’s" ending.
pub fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .or_else(|| text.strip_suffix('’'))
        .unwrap_or(text)
}

/// Characters trimmed from the start of a token.
fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '{' | '«' | '—' | '–' | '-' | '*' | '•'
    )
}

/// Characters trimmed from the end of a token.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '—'
            | '–'
            | '…'
    )
}

/// Splits `sentence` into words. Tokens made only of punctuation are dropped, but they mark
/// the neighbouring words with `punct_before`/`punct_after`.
pub fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut pending_punct = false;
    let mut pos = 0;
    for token in sentence.split_inclusive(char::is_whitespace) {
        let token_start = pos;
        pos += token.len();
        let raw = token.trim_end();
        let lead = raw.len() - raw.trim_start_matches(is_leading_punct).len();
        let inner = &raw[lead..];
        let core = inner.trim_end_matches(is_trailing_punct);
        // Keep a full stop that belongs to an abbreviation with inner stops ("U.S.").
        let core = if core.contains('.')
            && inner.len() > core.len()
            && inner[core.len()..].starts_with('.')
        {
            &inner[..core.len() + 1]
        } else {
            core
        };
        if core.is_empty() {
            if !raw.is_empty() {
                pending_punct = true;
                if let Some(last) = out.last_mut() {
                    last.punct_after = true;
                }
            }
            continue;
        }
        let start = token_start + lead;
        let end = start + core.len();
        out.push(Word {
            text: core,
            start,
            end,
            punct_before: lead > 0 || pending_punct,
            punct_after: end < token_start + raw.len(),
        });
        pending_punct = false;
    }
    out
}

/// Index of the first word that ends after byte `pos`, i.e. the word at or after `pos`.
pub fn word_at_or_after(words: &[Word<'_>], pos: usize) -> usize {
    words.partition_point(|w| w.end <= pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_marks_punctuation() {
        let ws = words("In 2019, (MIIT) said “yes”.");
        let texts: Vec<&str> = ws.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["In", "2019", "MIIT", "said", "yes"]);
        assert!(ws[1].punct_after);
        assert!(ws[2].punct_before);
    }

    #[test]
    fn keeps_abbreviation_stops() {
        let ws = words("the U.S. market");
        assert_eq!(ws[1].text, "U.S.");
    }
}
