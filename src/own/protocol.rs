//! Messages between the page and the extraction worker.
//!
//! The page posts a plain object `{id, name, file}` (a `File`, which the worker reads with
//! `FileReaderSync`, so the page never holds the bytes), `{id, name, text}` (a paste) or
//! `{id, name, article}` (a stored article as JSON, to extract again). The worker answers
//! each with one [`Reply`] in postcard bytes; its first message is [`Reply::Ready`].

use extract::Corpus;
use serde::{Deserialize, Serialize};

use super::prepare::{prepare, Prepared};
use super::{Article, Refusal};

/// Names of the request object's fields.
pub mod field {
    /// The request's number, echoed in the reply.
    pub const ID: &str = "id";
    /// The file name or label.
    pub const NAME: &str = "name";
    /// A `File` to read.
    pub const FILE: &str = "file";
    /// Pasted text.
    pub const TEXT: &str = "text";
    /// A stored article, as JSON.
    pub const ARTICLE: &str = "article";
}

/// What the worker sends back.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has loaded and listens.
    Ready,
    /// An article and its extraction: a corpus of that one document.
    Extracted {
        /// The request's number.
        id: u32,
        /// The article as it will be kept.
        article: Article,
        /// The article's documents, figures, entities and events (boxed: the other
        /// replies are small).
        corpus: Box<Corpus>,
        /// A repair worth telling the reader about.
        note: Option<String>,
    },
    /// A download of articles: the page sends each back to be extracted.
    Bundle {
        /// The request's number.
        id: u32,
        /// The articles it holds.
        articles: Vec<Article>,
    },
    /// The input was not added.
    Refused {
        /// The request's number.
        id: u32,
        /// Why.
        refusal: Refusal,
    },
}

/// The worker's work for one request: raw bytes (a file or paste) are checked and
/// converted first; a stored article goes straight to extraction.
pub fn process(id: u32, name: &str, input: Input) -> Reply {
    let (article, note) = match input {
        Input::Stored(article) => (article, None),
        Input::Bytes(bytes) => match prepare(name, &bytes) {
            Ok(Prepared::Article(article, note)) => (article, note),
            Ok(Prepared::Bundle(articles)) => return Reply::Bundle { id, articles },
            Err(refusal) => return Reply::Refused { id, refusal },
        },
    };
    let corpus = extract::extract(&[article.to_source()]);
    if corpus
        .documents
        .first()
        .is_none_or(|d| d.sentences.is_empty())
    {
        return Reply::Refused {
            id,
            refusal: Refusal {
                name: name.to_owned(),
                reason: "no article found (no sentences)".to_owned(),
            },
        };
    }
    Reply::Extracted {
        id,
        article,
        corpus: Box::new(corpus),
        note,
    }
}

/// What a request carries.
pub enum Input {
    /// A file's or a paste's bytes.
    Bytes(Vec<u8>),
    /// A stored article.
    Stored(Article),
}

/// A reply as bytes.
pub fn encode(reply: &Reply) -> Vec<u8> {
    postcard::to_allocvec(reply).unwrap_or_default()
}

/// Bytes as a reply.
pub fn decode(bytes: &[u8]) -> Result<Reply, String> {
    postcard::from_bytes(bytes)
        .map_err(|e| format!("a message from the worker was unreadable ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_become_extracted_articles_or_refusals() {
        let reply = process(
            7,
            "a.txt",
            Input::Bytes(b"Chips\n\nSMIC revenue rose 12% in 2023.".to_vec()),
        );
        let back = decode(&encode(&reply)).expect("round trip");
        match back {
            Reply::Extracted {
                id,
                article,
                corpus,
                ..
            } => {
                assert_eq!(id, 7);
                assert_eq!(article.name, "a.txt");
                assert_eq!(corpus.documents[0].title, "Chips");
                assert_eq!(corpus.metrics[0].surface, "12%");
            }
            other => panic!("{other:?}"),
        }
        match process(8, "b.txt", Input::Bytes(b"\0\0\0".to_vec())) {
            Reply::Refused { id: 8, refusal } => assert!(refusal.reason.starts_with("binary")),
            other => panic!("{other:?}"),
        }
        let bundle = super::super::bundle::write_bundle(&[Article {
            name: "x.txt".into(),
            text: "X\n\nY rose 5%.".into(),
            ..Article::default()
        }]);
        match process(9, "mine.json", Input::Bytes(bundle.into_bytes())) {
            Reply::Bundle { id: 9, articles } => assert_eq!(articles.len(), 1),
            other => panic!("{other:?}"),
        }
    }
}
