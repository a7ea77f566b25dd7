//! The reader's articles on screen: each with its own extracted corpus, joined onto the
//! embedded corpus with `extract::merge` (never extracted again on this side of the worker).
//! Articles that finish extraction wait in `pending` until the next [`Library::flush`], so
//! a hundred articles redraw the dashboard a few times, not a hundred.

use std::rc::Rc;

use extract::merge::append;
use extract::Corpus;

use super::Article;

/// One article on screen.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Its key in IndexedDB, once stored.
    pub key: Option<u32>,
    /// The article.
    pub article: Article,
    /// Its extraction: a corpus of one document.
    pub part: Rc<Corpus>,
}

/// The embedded corpus plus the reader's articles.
#[derive(Clone, Debug)]
pub struct Library {
    base: Rc<Corpus>,
    entries: Vec<Entry>,
    pending: Vec<Entry>,
    corpus: Rc<Corpus>,
}

impl Library {
    /// The embedded corpus and no articles of the reader's.
    pub fn new(base: Rc<Corpus>) -> Self {
        Self {
            corpus: base.clone(),
            base,
            entries: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// The corpus the dashboard shows.
    pub fn corpus(&self) -> Rc<Corpus> {
        self.corpus.clone()
    }

    /// Queues an extracted article; it shows after the next [`Library::flush`].
    pub fn push(&mut self, entry: Entry) {
        self.pending.push(entry);
    }

    /// Joins the queued articles onto the corpus. Returns whether anything changed.
    pub fn flush(&mut self) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        let mut corpus = (*self.corpus).clone();
        for entry in self.pending.drain(..) {
            append(&mut corpus, (*entry.part).clone());
            self.entries.push(entry);
        }
        self.corpus = Rc::new(corpus);
        true
    }

    /// Removes the article at `idx` (as listed) and rebuilds the corpus from the parts.
    pub fn remove(&mut self, idx: usize) -> Option<Entry> {
        if idx >= self.entries.len() {
            return None;
        }
        let gone = self.entries.remove(idx);
        let mut corpus = (*self.base).clone();
        for e in &self.entries {
            append(&mut corpus, (*e.part).clone());
        }
        self.corpus = Rc::new(corpus);
        Some(gone)
    }

    /// Records the storage key of the article stored for `article`.
    pub fn set_key(&mut self, article: &Article, key: u32) {
        if let Some(e) = self
            .entries
            .iter_mut()
            .chain(self.pending.iter_mut())
            .find(|e| e.key.is_none() && &e.article == article)
        {
            e.key = Some(key);
        }
    }

    /// Whether this exact article is already here (shown or queued).
    pub fn contains(&self, article: &Article) -> bool {
        self.entries
            .iter()
            .chain(&self.pending)
            .any(|e| &e.article == article)
    }

    /// The articles shown, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every article, shown or queued, in order: what "Download my articles" writes.
    pub fn articles(&self) -> Vec<Article> {
        self.entries
            .iter()
            .chain(&self.pending)
            .map(|e| e.article.clone())
            .collect()
    }

    /// How each shown article reads in the list: "Doc 5 · Title · 14 May 2024 · Author ·
    /// Publisher" (the date as stated, or marked as inferred).
    pub fn labels(&self) -> Vec<String> {
        let first = self.base.documents.len();
        (0..self.entries.len())
            .map(|i| {
                self.corpus.documents.get(first + i).map_or_else(
                    || self.entries[i].article.name.clone(),
                    |d| {
                        let mut parts = vec![format!("Doc {}", first + i + 1), d.title.clone()];
                        parts.push(crate::data::date_label(&d.date));
                        parts.extend(d.author.clone());
                        parts.extend(d.publisher.clone());
                        parts.join(" · ")
                    },
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::own::protocol::{process, Input, Reply};

    fn entry(name: &str, text: &str) -> Entry {
        match process(0, name, Input::Bytes(text.as_bytes().to_vec())) {
            Reply::Extracted {
                article, corpus, ..
            } => Entry {
                key: None,
                article,
                part: Rc::new(*corpus),
            },
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn articles_join_on_flush_and_leave_on_remove() {
        let base = Rc::new(crate::data::embedded_corpus().expect("decodes"));
        let n = base.documents.len();
        let mut lib = Library::new(base);
        lib.push(entry("a.txt", "Chips\n\nSMIC revenue rose 12% in 2023."));
        lib.push(entry(
            "b.txt",
            "Phones\n\nHuawei shipped 40 million phones in 2024.",
        ));
        assert_eq!(
            lib.corpus().documents.len(),
            n,
            "nothing shows before a flush"
        );
        assert!(lib.flush());
        assert!(!lib.flush());
        let corpus = lib.corpus();
        assert_eq!(corpus.documents.len(), n + 2);
        let labels = lib.labels();
        assert!(
            labels[0].starts_with(&format!("Doc {} · Chips · ", n + 1)),
            "{labels:?}"
        );
        assert!(
            labels[1].starts_with(&format!("Doc {} · Phones · ", n + 2)),
            "{labels:?}"
        );
        assert!(corpus
            .metrics
            .iter()
            .any(|m| m.doc as usize == n + 1 && m.surface == "40 million"));
        let first = lib.entries()[0].article.clone();
        assert!(lib.contains(&first));
        lib.set_key(&first, 3);
        assert_eq!(lib.entries()[0].key, Some(3));
        assert_eq!(lib.remove(0).expect("removed").article, first);
        let corpus = lib.corpus();
        assert_eq!(corpus.documents.len(), n + 1);
        assert_eq!(corpus.documents[n].title, "Phones");
        assert!(corpus
            .metrics
            .iter()
            .all(|m| (m.doc as usize) < corpus.documents.len()));
        assert_eq!(lib.articles().len(), 1);
    }
}
