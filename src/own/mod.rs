//! A reader's own articles: the checks on what they bring, the article as kept, the file
//! that moves articles between browsers, and the parts that run them through the extractor
//! in a Web Worker and keep them in IndexedDB.
//!
//! Plain Rust, tested natively: [`prepare`] (bytes to an article, run in the worker),
//! [`bundle`] (the download and its import, and the old localStorage format), [`library`]
//! (the articles on screen and the corpus they make), [`protocol`] (worker messages).
//! Browser-facing: [`client`] (the page's side of the worker) and [`storage`] (IndexedDB).

pub mod bundle;
pub mod client;
pub mod library;
pub mod prepare;
pub mod protocol;
pub mod storage;

use serde::{Deserialize, Serialize};

/// Largest file accepted, in bytes. Far above any news article or saved page, low enough
/// that extraction in the browser stays quick.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The localStorage key where articles were kept before IndexedDB; read once, moved over.
pub const LEGACY_STORAGE_KEY: &str = "metricscope.articles";

/// The file extensions a reader can add ([`bundle`] files end in `.json`).
pub const ACCEPTED_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "json"];

/// One article a reader added, as kept: the text the extractor reads (a web page already
/// reduced to its article) and the facts the page stated. Serialised as JSON in storage and
/// in the download, so later versions can add fields without breaking either.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The file name or a label; the document id is derived from it.
    pub name: String,
    /// The article text: a headline line, then paragraphs separated by blank lines.
    pub text: String,
    /// The headline a web page stated.
    #[serde(default)]
    pub title: Option<String>,
    /// The site a web page named.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The author a web page named.
    #[serde(default)]
    pub author: Option<String>,
    /// The publication date exactly as a web page stated it.
    #[serde(default)]
    pub published: Option<String>,
}

impl Article {
    /// The article as a source for extraction.
    pub fn to_source(&self) -> extract::Source {
        let (year, month, day) = self
            .published
            .as_deref()
            .map_or((None, None, None), extract::html::parse_date);
        extract::Source {
            name: self.name.clone(),
            text: self.text.clone(),
            meta: extract::SourceMeta {
                title: self.title.clone(),
                publisher: self.publisher.clone(),
                author: self.author.clone(),
                year,
                month,
                day,
                date_inferred: false,
                date_note: self
                    .published
                    .as_ref()
                    .filter(|_| year.is_some())
                    .map(|p| format!("as the page states it: {p}")),
            },
        }
    }
}

/// A file or paste that was not added, and why, in words a reader can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// The file name.
    pub name: String,
    /// Why: "binary", "too large", "empty", "no article found", ...
    pub reason: String,
}

/// Checks a file before it is read: its size and its extension. Content checks (binary,
/// empty, no article) happen in the worker.
pub fn check_file(name: &str, size: u64) -> Result<(), Refusal> {
    let refuse = |reason: String| {
        Err(Refusal {
            name: name.to_owned(),
            reason,
        })
    };
    if size > MAX_BYTES as u64 {
        return refuse(format!(
            "too large ({:.1} MB; files up to {} MB are accepted)",
            size as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    if size == 0 {
        return refuse("empty".to_owned());
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let binary_ext = [
        "png", "jpg", "jpeg", "gif", "pdf", "zip", "gz", "exe", "webp", "docx",
    ];
    match ext.as_deref() {
        Some(e) if ACCEPTED_EXTENSIONS.contains(&e) => Ok(()),
        Some(e) if binary_ext.contains(&e) => refuse("binary (not text)".to_owned()),
        _ => refuse("not a .txt, .md, .html or .htm file".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_by_size_and_extension() {
        assert!(check_file("a.txt", 10).is_ok());
        assert!(check_file("Page.HTML", 10).is_ok());
        assert!(check_file("notes.md", 10).is_ok());
        assert!(check_file("mine.metricscope.json", 10).is_ok());
        let reason = |name, size| check_file(name, size).expect_err("refused").reason;
        assert!(reason("big.txt", MAX_BYTES as u64 + 1).starts_with("too large"));
        assert_eq!(reason("blank.txt", 0), "empty");
        assert!(reason("photo.png", 10).starts_with("binary"));
        assert!(reason("sheet.xlsx", 10).contains(".txt, .md, .html or .htm"));
        assert!(reason("README", 10).contains(".txt"));
    }

    #[test]
    fn a_stated_date_reaches_extraction() {
        let article = Article {
            name: "a.html".into(),
            text: "Title\n\nSales rose 5%.".into(),
            published: Some("2024-03-05T08:00:00Z".into()),
            ..Article::default()
        };
        let source = article.to_source();
        assert_eq!(
            (source.meta.year, source.meta.month, source.meta.day),
            (Some(2024), Some(3), Some(5))
        );
        assert!(!source.meta.date_inferred);
    }
}
