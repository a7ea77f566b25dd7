//! What the build ships: the corpus for the charts, facets and tooltips, and, for a large
//! corpus, the article texts as separate files that the reader fetches on demand.
//!
//! `build.rs` includes this file too (with `#[path]`), so the writer and the reader of the
//! embedded bytes share one definition. It depends only on `extract`, `serde` and `std`.

use serde::{Deserialize, Serialize};

use extract::Corpus;

/// Above this many bytes of article text, texts are shipped as files rather than embedded:
/// the default corpus (about 28 kB) stays embedded, a few hundred articles do not.
pub const EMBED_LIMIT: usize = 256 * 1024;

/// The folder, relative to the page, that holds the text files.
pub const TEXT_DIR: &str = "texts";

/// The embedded data. Postcard is not self-describing: add fields at the end only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shipped {
    /// The corpus. When texts are shipped as files, every document's `text` is empty.
    pub corpus: Corpus,
    /// Per document: the sentences a figure or event cites, as (sentence index, text) in
    /// sentence order. Empty when the texts are embedded.
    pub quotes: Vec<Vec<(u32, String)>>,
    /// Per document: the file holding its text, relative to the page (a content hash in the
    /// name, so a static host may cache it forever). Empty when the texts are embedded.
    pub text_files: Vec<String>,
}

/// A file to ship beside the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextFile {
    /// Path relative to the page, e.g. `texts/12-0f3a….txt`.
    pub path: String,
    /// Its contents: the document's cleaned text, exactly.
    pub text: String,
}

/// Splits `corpus` for shipping: embedded whole when its texts total at most `limit` bytes,
/// otherwise with texts moved to files and the cited sentences kept.
pub fn split(mut corpus: Corpus, limit: usize) -> (Shipped, Vec<TextFile>) {
    let total: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    if total <= limit {
        return (
            Shipped {
                corpus,
                ..Shipped::default()
            },
            Vec::new(),
        );
    }
    let mut cited: Vec<Vec<u32>> = vec![Vec::new(); corpus.documents.len()];
    let places = corpus
        .metrics
        .iter()
        .map(|m| (m.doc, m.sentence))
        .chain(corpus.events.iter().map(|e| (e.doc, e.sentence)));
    for (doc, sentence) in places {
        if let Some(list) = cited.get_mut(doc as usize) {
            list.push(sentence);
        }
    }
    let mut quotes = Vec::with_capacity(corpus.documents.len());
    let mut text_files = Vec::with_capacity(corpus.documents.len());
    let mut files = Vec::with_capacity(corpus.documents.len());
    for (i, (doc, mut sentences)) in corpus.documents.iter_mut().zip(cited).enumerate() {
        sentences.sort_unstable();
        sentences.dedup();
        quotes.push(
            sentences
                .into_iter()
                .map(|s| (s, doc.sentence_text(s as usize).to_owned()))
                .collect(),
        );
        let text = std::mem::take(&mut doc.text);
        let path = format!("{TEXT_DIR}/{i}-{:016x}.txt", fnv1a(text.as_bytes()));
        text_files.push(path.clone());
        files.push(TextFile { path, text });
    }
    (
        Shipped {
            corpus,
            quotes,
            text_files,
        },
        files,
    )
}

/// FNV-1a, 64 bits: a content hash for file names (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::CorpusHandle;
    use crate::fixture;

    #[test]
    fn small_corpora_stay_whole() {
        let corpus = fixture::corpus();
        let (shipped, files) = split(corpus.clone(), EMBED_LIMIT);
        assert!(files.is_empty());
        assert_eq!(shipped.corpus, corpus);
        assert!(shipped.quotes.is_empty() && shipped.text_files.is_empty());
    }

    #[test]
    fn large_corpora_ship_texts_as_hashed_files_and_keep_cited_sentences() {
        let corpus = fixture::corpus();
        let (shipped, files) = split(corpus.clone(), 0);
        assert_eq!(files.len(), corpus.documents.len());
        for (d, (doc, file)) in corpus.documents.iter().zip(&files).enumerate() {
            assert_eq!(file.text, doc.text);
            assert_eq!(
                file.path,
                format!("texts/{d}-{:016x}.txt", fnv1a(doc.text.as_bytes()))
            );
            assert!(shipped.corpus.documents[d].text.is_empty());
        }
        let handle = CorpusHandle::from_shipped(shipped);
        // Every figure's sentence is still there for the table and the tooltips.
        for m in &corpus.metrics {
            assert_eq!(
                handle.sentence(m.doc, m.sentence),
                corpus.documents[m.doc as usize].sentence_text(m.sentence as usize)
            );
        }
        assert_eq!(handle.text_file(1), Some(files[1].path.as_str()));
        // A sentence with neither figure nor event is not shipped.
        assert_eq!(handle.sentence(0, 99), "");
        // Different texts, different names.
        assert_ne!(files[0].path, files[1].path);
    }
}
