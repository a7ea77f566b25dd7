//! A reader's own articles: checks on what they paste or drop, and how the articles are
//! kept in the browser's storage between visits.

use serde::{Deserialize, Serialize};

/// Largest article accepted, in bytes. Far above any news article, low enough that
/// extraction in the browser stays quick and localStorage (about 5 MB) can hold it.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The localStorage key the articles live under.
pub const STORAGE_KEY: &str = "metricscope.articles";

/// One article a reader added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnArticle {
    /// A file name or label; the document id is derived from it.
    pub name: String,
    /// The text.
    pub text: String,
}

/// Checks raw bytes from a dropped file or the paste box. Returns the text, with a note
/// when something was repaired, or a message saying why it was refused.
pub fn accept(name: &str, bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "“{name}” is {:.1} MB; articles up to {} MB are accepted.",
            bytes.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    if looks_binary(bytes) {
        return Err(format!(
            "“{name}” does not look like text (it contains binary data). Drop a plain .txt file or paste the article."
        ));
    }
    let (source, note) = extract::Source::from_bytes(name, bytes);
    if source.text.trim().is_empty() {
        return Err("There is no text to add.".to_owned());
    }
    let markup = looks_like_markup(&source.text).then(|| {
        "It contains HTML or script markup; it is treated and shown as plain text.".to_owned()
    });
    let note = match (note, markup) {
        (Some(a), Some(b)) => Some(format!("{a}. {b}")),
        (a, b) => a.or(b),
    };
    Ok((source.text, note))
}

/// NUL bytes, or many control characters, mean a binary file (an image, a PDF, a zip).
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 20 > sample.len().max(1)
}

fn looks_like_markup(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<script", "<html", "<div", "<p>", "<a href", "<img", "<iframe", "<style",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// Reads the stored articles. Anything unreadable is dropped, with a note saying so.
pub fn parse_stored(stored: Option<&str>) -> (Vec<OwnArticle>, Option<String>) {
    let Some(stored) = stored else {
        return (Vec::new(), None);
    };
    match serde_json::from_str::<Vec<OwnArticle>>(stored) {
        Ok(list) => {
            let total = list.len();
            let kept: Vec<OwnArticle> = list
                .into_iter()
                .filter(|a| a.text.len() <= MAX_BYTES && !a.text.trim().is_empty())
                .collect();
            let note = (kept.len() < total).then(|| {
                format!(
                    "{} stored article(s) were empty or too large and were ignored.",
                    total - kept.len()
                )
            });
            (kept, note)
        }
        Err(_) => (
            Vec::new(),
            Some(
                "Your saved articles could not be read (the browser's storage holds something unexpected), so they were ignored. Adding an article replaces them."
                    .to_owned(),
            ),
        ),
    }
}

/// The articles as stored.
pub fn to_stored(articles: &[OwnArticle]) -> String {
    serde_json::to_string(articles).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_text_and_notes_markup() {
        let (text, note) = accept("a.txt", b"Title\n\nSales rose 5% in 2024.").expect("text");
        assert!(text.contains("5%"));
        assert_eq!(note, None);
        let (_, note) = accept("x.html", b"<script>alert(1)</script> Revenue 5%").expect("text");
        assert!(note.expect("a note").contains("plain text"));
    }

    #[test]
    fn refuses_binary_huge_and_empty() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ];
        assert!(accept("img.png", &png)
            .expect_err("binary")
            .contains("binary"));
        let huge = vec![b'a'; MAX_BYTES + 1];
        assert!(accept("big.txt", &huge)
            .expect_err("too big")
            .contains("2 MB"));
        assert!(accept("blank.txt", b"  \n ").is_err());
    }

    #[test]
    fn invalid_utf8_is_repaired_with_a_note() {
        let (text, note) = accept("latin1.txt", b"Caf\xe9 sales rose 5%.").expect("text");
        assert!(text.contains('\u{FFFD}'));
        assert!(note.expect("a note").contains("UTF-8"));
    }

    #[test]
    fn storage_round_trips_and_survives_corruption() {
        let list = vec![OwnArticle {
            name: "mine.txt".into(),
            text: "Mine\n\nProfits rose 3%.".into(),
        }];
        let (back, note) = parse_stored(Some(&to_stored(&list)));
        assert_eq!(back, list);
        assert_eq!(note, None);
        for bad in ["{", "null", "[1,2]", "\u{0}", "{\"name\":1}"] {
            let (back, note) = parse_stored(Some(bad));
            assert!(back.is_empty(), "{bad}");
            assert!(note.is_some(), "{bad}");
        }
        assert_eq!(parse_stored(None), (Vec::new(), None));
    }
}
