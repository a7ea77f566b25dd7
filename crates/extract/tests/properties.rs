//! Property tests: extraction never panics, spans lie on char boundaries inside their
//! sentence, values are finite, and every index points at something that exists.
#![cfg(not(target_arch = "wasm32"))]

use extract::{extract, extract_into, to_json, Corpus, Source};
use proptest::prelude::*;

/// Checks every invariant of a corpus.
fn check_invariants(c: &Corpus) {
    for d in &c.documents {
        for s in &d.sentences {
            assert!(d.text.is_char_boundary(s.span.start as usize));
            assert!(d.text.is_char_boundary(s.span.end as usize));
            assert!(s.span.end as usize <= d.text.len());
        }
    }
    for m in &c.metrics {
        assert!(m.value.is_finite(), "value {} of {:?}", m.value, m.surface);
        let d = &c.documents[m.doc as usize];
        let sent = d.sentences[m.sentence as usize].span;
        assert!(sent.contains(m.span), "metric span outside its sentence");
        assert!(d.text.is_char_boundary(m.span.start as usize));
        assert!(d.text.is_char_boundary(m.span.end as usize));
        assert_eq!(d.slice(m.span), m.surface);
        for &e in &m.entities {
            assert!((e as usize) < c.entities.len());
        }
    }
    for e in &c.entities {
        for m in &e.mentions {
            let d = &c.documents[m.doc as usize];
            let sent = d.sentences[m.sentence as usize].span;
            assert!(sent.contains(m.span), "mention span outside its sentence");
            assert!(d.text.is_char_boundary(m.span.start as usize));
        }
    }
    for ev in &c.events {
        let d = &c.documents[ev.doc as usize];
        assert!(d.sentences[ev.sentence as usize].span.contains(ev.span));
    }
}

/// Text made of the pieces that trip extractors: digits, separators, currency signs,
/// scale words, punctuation, multi-byte characters.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1".to_owned()),
        Just("2,000".to_owned()),
        Just("3.5".to_owned()),
        Just("$".to_owned()),
        Just("¥".to_owned()),
        Just("US$".to_owned()),
        Just("RMB".to_owned()),
        Just("%".to_owned()),
        Just(" billion".to_owned()),
        Just("bn".to_owned()),
        Just(" yuan".to_owned()),
        Just(" percentage points".to_owned()),
        Just("a third".to_owned()),
        Just(" two-thirds of".to_owned()),
        Just("first half of 2018".to_owned()),
        Just(" more than ".to_owned()),
        Just("5G".to_owned()),
        Just("#".to_owned()),
        Just("@".to_owned()),
        Just(". ".to_owned()),
        Just("..".to_owned()),
        Just("\n\n".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("-".to_owned()),
        Just("—".to_owned()),
        Just("’s".to_owned()),
        Just("原聲".to_owned()),
        Just("🎧".to_owned()),
        Just(" Ministry of Commerce (Mofcom)".to_owned()),
        Just(" CEO of ".to_owned()),
        Just(" in ".to_owned()),
        Just("Beijing".to_owned()),
        Just("\u{FFFD}".to_owned()),
        Just("\u{a0}".to_owned()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,25}",
        " ",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_strings(s in "\\PC*") {
        let c = extract(&[Source::new("x.txt", s)]);
        check_invariants(&c);
    }

    #[test]
    fn invariants_hold_on_tricky_text(s in tricky_text()) {
        let c = extract(&[Source::new("x.txt", s.clone()), Source::new("y.txt", s)]);
        check_invariants(&c);
        let json = to_json(&c);
        let opens_object = json.starts_with(char::from(b'{'));
        prop_assert!(opens_object, "json does not open an object");
    }

    #[test]
    fn invalid_utf8_is_handled_at_the_file_boundary(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (source, _note) = Source::from_bytes("bytes.txt", &bytes);
        let c = extract(&[source]);
        check_invariants(&c);
    }

    #[test]
    fn extract_into_keeps_indices_valid(a in tricky_text(), b in tricky_text()) {
        let mut c = extract(&[Source::new("a.txt", a)]);
        extract_into(&mut c, Source::new("b.txt", b));
        prop_assert_eq!(c.documents.len(), 2);
        check_invariants(&c);
    }
}

#[test]
fn huge_inputs_do_not_panic() {
    let digits = "9".repeat(100_000);
    let punct = ".,;:!?()[]{}\"'’“”—–-%$¥#@".repeat(5_000);
    let long_sentence = "Sales rose 5% to $3bn and ".repeat(5_000);
    let many_paragraphs = "Revenue hit 1.2 billion yuan in 2024.\n\n".repeat(3_000);
    for text in [digits, punct, long_sentence, many_paragraphs] {
        let c = extract(&[Source::new("big.txt", text)]);
        check_invariants(&c);
    }
}
