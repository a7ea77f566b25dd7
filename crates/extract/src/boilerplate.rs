//! Page furniture: lines that came with the scraped page but are not part of the article.

use crate::model::BoilerplateKind;

/// Longest line, in characters, that is judged as furniture by its wording alone.
const MAX_FURNITURE_CHARS: usize = 80;

/// Classifies a whole (trimmed) line as page furniture, or `None` when it is article text.
pub fn classify_line(line: &str) -> Option<BoilerplateKind> {
    if match_separator(line) {
        return Some(BoilerplateKind::Widget);
    }
    if match_copyright(line) {
        return Some(BoilerplateKind::Copyright);
    }
    if match_social_embed(line) {
        return Some(BoilerplateKind::SocialEmbed);
    }
    if line.chars().count() > MAX_FURNITURE_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    if match_widget(&lower) {
        return Some(BoilerplateKind::Widget);
    }
    if match_sign_up(&lower) {
        return Some(BoilerplateKind::SignUp);
    }
    None
}

/// match_separator: a line of punctuation only ("-", "***", "—") separates page parts.
fn match_separator(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_ascii_punctuation() || matches!(c, '—' | '–' | '·' | '•'))
}

/// match_copyright: a line that opens with ©, "(c)" or "copyright", or says "all rights reserved".
fn match_copyright(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
}

/// match_social_embed: an embedded social post — a line that opens with an @handle, carries
/// two or more #hashtags, or shows a music-note caption ("♬ original sound").
fn match_social_embed(line: &str) -> bool {
    let hashtags = line
        .match_indices('#')
        .filter(|(i, _)| line[i + 1..].starts_with(|c: char| c.is_alphanumeric()))
        .count();
    let handle_start =
        line.starts_with('@') && line[1..].starts_with(|c: char| c.is_alphanumeric());
    hashtags >= 2 || (handle_start && hashtags >= 1) || line.contains('♬')
}

/// match_widget: the captions of loading indicators, comment and share buttons.
fn match_widget(lower: &str) -> bool {
    const WIDGETS: &[&str] = &[
        "loading now",
        "loading...",
        "post comment",
        "leave a comment",
        "leave a reply",
        "share this article",
        "share this:",
        "read more",
        "advertisement",
        "related articles",
    ];
    WIDGETS.iter().any(|w| {
        lower == *w
            || lower.trim_end_matches(['.', ':', '…']) == w.trim_end_matches(['.', ':', '…'])
    })
}

/// match_sign_up: short calls to subscribe or sign up — the whole word "subscribe",
/// "signup", "newsletter" or "sign up", in a line that is not a plain sentence (no closing
/// full stop) or that addresses the reader ("our", "your").
fn match_sign_up(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let keyword = words
        .iter()
        .any(|w| matches!(*w, "subscribe" | "signup" | "newsletter" | "newsletters"))
        || words.windows(2).any(|p| p == ["sign", "up"]);
    let addresses_reader = words.iter().any(|w| matches!(*w, "our" | "your"));
    keyword && (!lower.trim_end().ends_with('.') || addresses_reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_furniture() {
        assert_eq!(classify_line("Loading Now"), Some(BoilerplateKind::Widget));
        assert_eq!(classify_line("Post Comment"), Some(BoilerplateKind::Widget));
        assert_eq!(classify_line("-"), Some(BoilerplateKind::Widget));
        assert_eq!(
            classify_line("THE DAILY NEWSLETTER - SIGNUP"),
            Some(BoilerplateKind::SignUp)
        );
        assert_eq!(
            classify_line("© All rights reserved ORU. Barcelona 2024"),
            Some(BoilerplateKind::Copyright)
        );
        assert_eq!(classify_line("Sales rose 5% in 2024."), None);
        assert_eq!(
            classify_line("@xpeng#ASMRPut your headphones on#XPENGG9🎧#XPENG♬ 原聲 - XPENG"),
            Some(BoilerplateKind::SocialEmbed)
        );
    }
}
