//! Fuzz target: raw bytes in, as a file would arrive; extraction must never panic, and every
//! span and value it returns must be valid.
#![no_main]

use extract::{extract_into, to_json, Corpus, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (source, _note) = Source::from_bytes("fuzz.txt", data);
    let mut corpus = Corpus::default();
    extract_into(&mut corpus, source.clone());
    extract_into(&mut corpus, source);
    for m in &corpus.metrics {
        assert!(m.value.is_finite());
        let doc = &corpus.documents[m.doc as usize];
        assert!(doc.sentences[m.sentence as usize].span.contains(m.span));
        assert_eq!(doc.slice(m.span), m.surface);
    }
    for e in &corpus.entities {
        for m in &e.mentions {
            let doc = &corpus.documents[m.doc as usize];
            assert!(doc.text.is_char_boundary(m.span.start as usize));
            assert!(doc.text.is_char_boundary(m.span.end as usize));
        }
    }
    let _ = to_json(&corpus);
});
