//! The embedded default corpus: postcard bytes produced by `build.rs`, decoded once at start-up.

use std::rc::Rc;

use extract::{Corpus, DateBasis, DocDate};

/// The default corpus as pre-parsed at build time.
pub static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// Decodes the embedded corpus. It was written by the same types at build time, so failure
/// means a broken build; the caller still shows a message rather than a blank page.
pub fn embedded_corpus() -> Result<Corpus, String> {
    postcard::from_bytes(CORPUS_BYTES)
        .map_err(|e| format!("the embedded corpus could not be decoded ({e}); rebuild the app"))
}

/// A shared, immutable corpus. Equality is identity, so Yew props compare in O(1).
#[derive(Clone, Debug)]
pub struct CorpusHandle(pub Rc<Corpus>);

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CorpusHandle {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
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
