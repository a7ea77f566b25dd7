//! Extraction: plain article text in, a structured corpus of documents, figures, entities and dates out.
//!
//! The crate is pure Rust with no knowledge of the web: the build script runs it natively
//! over the default corpus, and the dashboard runs the same code in WebAssembly over a
//! reader's own article.
//!
//! Extraction never fails and never panics: whatever it cannot use becomes a
//! [`Diagnostic`], and the rest of the article is still returned.
//!
//! ```
//! use extract::{extract, Source};
//!
//! let corpus = extract(&[Source::new("note.txt", "A Headline\n\nSales rose. Mr. Li agreed.")]);
//! let doc = &corpus.documents[0];
//! assert_eq!(doc.id, "note");
//! assert_eq!(doc.title, "A Headline");
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.sentence_text(1), "Mr. Li agreed.");
//! ```

pub mod boilerplate;
pub mod documents;
pub mod model;
pub mod sentences;

pub use model::*;

use serde::Deserialize;

/// One article to extract, with whatever is known about it besides its text.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// The file name or a label; the document id is derived from it.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Facts known from outside the text.
    pub meta: SourceMeta,
}

impl Source {
    /// A source with no metadata.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            meta: SourceMeta::default(),
        }
    }

    /// A source from raw file bytes. Invalid UTF-8 is replaced, never rejected;
    /// the returned diagnostic says so.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> (Self, Option<String>) {
        let name = name.into();
        let (text, note) = match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), None),
            Err(_) => {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let note = format!(
                    "{name}: the file is not valid UTF-8; undecodable bytes were replaced with \u{FFFD}"
                );
                (text, Some(note))
            }
        };
        (Self::new(name, text), note)
    }
}

/// Facts about an article known from outside its text (the corpus's collection notes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The headline, when the text lacks one.
    pub title: Option<String>,
    /// Publisher, when known.
    pub publisher: Option<String>,
    /// Author, when known.
    pub author: Option<String>,
    /// Year of publication.
    pub year: Option<i32>,
    /// Month of publication, 1–12.
    pub month: Option<u8>,
    /// Whether `year`/`month` are inferred (approximate) rather than stated.
    #[serde(default)]
    pub date_inferred: bool,
    /// Why the date is what it is.
    pub date_note: Option<String>,
}

/// Extracts a corpus from articles. Never panics, never fails.
pub fn extract(sources: &[Source]) -> Corpus {
    let mut corpus = Corpus::default();
    for source in sources {
        let doc_idx = u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX);
        let (doc, notes) = documents::build_document(source, &corpus.documents);
        corpus
            .diagnostics
            .extend(notes.into_iter().map(|message| Diagnostic {
                doc: Some(doc_idx),
                message,
            }));
        corpus.documents.push(doc);
    }
    corpus
}
