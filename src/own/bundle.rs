//! "Download my articles": one JSON file holding every article a reader added, which the
//! same "add" control reads back in another browser. The format is documented in
//! `docs/own-articles.md`. Also reads the localStorage format of earlier versions, once.

use serde::{Deserialize, Serialize};

use super::Article;

/// The `format` field that marks a download of articles.
pub const FORMAT: &str = "metricscope-articles";

/// The current version of the download format.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Bundle {
    format: String,
    version: u32,
    articles: Vec<Article>,
}

/// The download: every article, in the order they were added.
pub fn write_bundle(articles: &[Article]) -> String {
    let bundle = Bundle {
        format: FORMAT.to_owned(),
        version: VERSION,
        articles: articles.to_vec(),
    };
    serde_json::to_string_pretty(&bundle).unwrap_or_default()
}

/// Reads a download. Fields a later version adds are ignored; a file that is not a
/// download, or comes from a newer version, is refused with the reason.
pub fn read_bundle(text: &str) -> Result<Vec<Article>, String> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let header: Header = serde_json::from_str(text)
        .map_err(|_| "not a download of Metricscope articles (not valid JSON)".to_owned())?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err("not a download of Metricscope articles".to_owned());
    }
    match header.version {
        Some(v) if v <= VERSION => {}
        v => {
            return Err(format!(
                "a download from a newer version of Metricscope (format version {})",
                v.map_or("unknown".to_owned(), |v| v.to_string())
            ))
        }
    }
    let bundle: Bundle = serde_json::from_str(text)
        .map_err(|e| format!("a damaged download of Metricscope articles ({e})"))?;
    Ok(bundle
        .articles
        .into_iter()
        .filter(|a| !a.text.trim().is_empty())
        .collect())
}

/// Reads the articles earlier versions kept in localStorage (a JSON list of name and
/// text). `None` when it cannot be read: the caller keeps the raw value aside, to be downloaded.
pub fn read_legacy(stored: &str) -> Option<Vec<Article>> {
    #[derive(Deserialize)]
    struct Legacy {
        name: String,
        text: String,
    }
    let list: Vec<Legacy> = serde_json::from_str(stored).ok()?;
    Some(
        list.into_iter()
            .filter(|a| !a.text.trim().is_empty())
            .map(|a| Article {
                name: a.name,
                text: a.text,
                ..Article::default()
            })
            .collect(),
    )
}

/// Reads one stored entry; `None` for an entry that is not an article (it is set aside).
pub fn read_entry(stored: &str) -> Option<Article> {
    serde_json::from_str::<Article>(stored)
        .ok()
        .filter(|a| !a.text.trim().is_empty())
}

/// One article as stored.
pub fn write_entry(article: &Article) -> String {
    serde_json::to_string(article).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Article> {
        vec![
            Article {
                name: "mine.txt".into(),
                text: "Mine\n\nProfits rose 3%.".into(),
                ..Article::default()
            },
            Article {
                name: "page.html".into(),
                text: "Robots\n\nFactories installed 290,000 robots.".into(),
                title: Some("Robots".into()),
                publisher: Some("Factory News".into()),
                author: Some("Zhang Min".into()),
                published: Some("2023-11-02".into()),
            },
        ]
    }

    #[test]
    fn bundle_round_trips() {
        let text = write_bundle(&sample());
        assert!(text.contains("\"format\": \"metricscope-articles\""));
        assert_eq!(read_bundle(&text).expect("reads"), sample());
    }

    #[test]
    fn bundle_reads_later_fields_and_refuses_others() {
        let later = r#"{"format":"metricscope-articles","version":1,"exported":"x",
            "articles":[{"name":"a.txt","text":"A\n\nB rose 5%.","tags":["x"]}]}"#;
        assert_eq!(read_bundle(later).expect("reads")[0].name, "a.txt");
        assert!(read_bundle("[1]").is_err());
        assert!(read_bundle(r#"{"format":"other"}"#)
            .expect_err("refused")
            .contains("not a download"));
        assert!(
            read_bundle(r#"{"format":"metricscope-articles","version":9,"articles":[]}"#)
                .expect_err("refused")
                .contains("newer version")
        );
        assert!(read_bundle(
            r#"{"format":"metricscope-articles","version":1,"articles":[{"name":1}]}"#
        )
        .expect_err("refused")
        .contains("damaged"));
    }

    #[test]
    fn legacy_storage_moves_over_or_is_kept_aside() {
        let old =
            r#"[{"name":"mine.txt","text":"Mine\n\nProfits rose 3%."},{"name":"e","text":" "}]"#;
        assert_eq!(read_legacy(old).expect("reads"), sample()[..1]);
        for bad in ["{", "null", "[1,2]", "\u{0}", "{\"name\":1}"] {
            assert!(read_legacy(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn entries_round_trip_and_bad_ones_are_spotted() {
        for a in sample() {
            assert_eq!(read_entry(&write_entry(&a)), Some(a));
        }
        for bad in ["", "{}", "[]", "{\"name\":\"a\",\"text\":\"\"}", "garbage"] {
            assert_eq!(read_entry(bad), None, "{bad}");
        }
    }
}
