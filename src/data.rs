//! The embedded default corpus: postcard bytes produced by `build.rs`, decoded once at start-up.

use std::rc::Rc;

use extract::{Corpus, DateBasis, DocDate};

use crate::shipped::Shipped;

/// The build's data (see [`crate::shipped`]) as pre-parsed at build time.
pub static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// Decodes the embedded data. It was written by the same types at build time, so failure
/// means a broken build; the caller still shows a message rather than a blank page.
pub fn embedded() -> Result<Shipped, String> {
    postcard::from_bytes(CORPUS_BYTES)
        .map_err(|e| format!("the embedded corpus could not be decoded ({e}); rebuild the app"))
}

/// Decodes the embedded corpus alone (its texts may be empty when shipped as files).
pub fn embedded_corpus() -> Result<Corpus, String> {
    embedded().map(|s| s.corpus)
}

/// Texts that live outside the corpus: cited sentences, and where full texts can be fetched.
#[derive(Debug, Default, PartialEq)]
pub struct Texts {
    /// Per document: (sentence, text), sorted.
    quotes: Vec<Vec<(u32, String)>>,
    /// Per document: the file with its full text.
    files: Vec<String>,
}

/// A shared, immutable corpus with its shipped texts. Equality is identity, so Yew props
/// compare in O(1).
#[derive(Clone, Debug)]
pub struct CorpusHandle {
    corpus: Rc<Corpus>,
    texts: Rc<Texts>,
}

impl CorpusHandle {
    /// A corpus whose documents carry their full texts.
    pub fn new(corpus: Corpus) -> Self {
        Self {
            corpus: Rc::new(corpus),
            texts: Rc::default(),
        }
    }

    /// The build's data, texts in files or not.
    pub fn from_shipped(shipped: Shipped) -> Self {
        Self {
            corpus: Rc::new(shipped.corpus),
            texts: Rc::new(Texts {
                quotes: shipped.quotes,
                files: shipped.text_files,
            }),
        }
    }

    /// Another corpus (e.g. with the reader's own articles added) sharing these texts.
    /// Documents beyond the shipped ones carry their own text.
    pub fn with_corpus(&self, corpus: Corpus) -> Self {
        Self {
            corpus: Rc::new(corpus),
            texts: self.texts.clone(),
        }
    }

    /// The text of sentence `sentence` of `doc`: from the document when it has its text,
    /// otherwise from the cited sentences shipped with the corpus; `""` when neither has it.
    pub fn sentence(&self, doc: u32, sentence: u32) -> &str {
        let Some(d) = self.corpus.documents.get(doc as usize) else {
            return "";
        };
        if !d.text.is_empty() {
            return d.sentence_text(sentence as usize);
        }
        self.texts
            .quotes
            .get(doc as usize)
            .and_then(|q| {
                q.binary_search_by_key(&sentence, |(s, _)| *s)
                    .ok()
                    .map(|i| q[i].1.as_str())
            })
            .unwrap_or("")
    }

    /// The file to fetch for `doc`'s full text, when it is not in the corpus.
    pub fn text_file(&self, doc: u32) -> Option<&str> {
        let d = self.corpus.documents.get(doc as usize)?;
        if !d.text.is_empty() {
            return None;
        }
        self.texts.files.get(doc as usize).map(String::as_str)
    }
}

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.corpus, &other.corpus)
    }
}

impl std::ops::Deref for CorpusHandle {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.corpus
    }
}

/// How a document's date reads to a reader: exact dates plainly, inferred ones marked as such.
pub fn date_label(date: &DocDate) -> String {
    let Some(year) = date.year else {
        return "date unknown".to_owned();
    };
    let month = date
        .month
        .and_then(|m| extract::dates::MONTH_NAMES.get(usize::from(m).wrapping_sub(1)))
        // The short form of the one table of month names: "12 Mar 2024".
        .and_then(|name| name.get(..3));
    let when = match (date.day, month) {
        (Some(day), Some(month)) => format!("{day} {month} {year}"),
        (None, Some(month)) => format!("{month} {year}"),
        _ => year.to_string(),
    };
    match date.basis {
        DateBasis::Stated => when,
        DateBasis::Inferred => format!("c. {when} (inferred)"),
        DateBasis::Unknown => "date unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inferred_dates_say_so() {
        let date = DocDate {
            year: Some(2019),
            basis: DateBasis::Inferred,
            ..DocDate::default()
        };
        assert_eq!(date_label(&date), "c. 2019 (inferred)");
        let stated = DocDate {
            year: Some(2024),
            month: Some(10),
            day: Some(3),
            basis: DateBasis::Stated,
            note: None,
        };
        assert_eq!(date_label(&stated), "3 Oct 2024");
        assert_eq!(date_label(&DocDate::default()), "date unknown");
    }

    #[test]
    fn embedded_documents_show_inferred_dates() {
        let corpus = embedded_corpus().expect("decodes");
        for doc in &corpus.documents {
            assert!(
                date_label(&doc.date).ends_with("(inferred)"),
                "{} has date {:?}",
                doc.id,
                doc.date
            );
        }
    }

    #[test]
    fn embedded_corpus_decodes_with_all_documents() {
        let corpus = embedded_corpus().expect("decodes");
        let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(
            ids,
            [
                "digitalization-innovation-beijing",
                "private-sector-reengagement",
                "startup-cooperation-israel",
                "tech-industry-transformation",
            ]
        );
        assert!(corpus.documents.iter().all(|d| !d.sentences.is_empty()));
    }
}
