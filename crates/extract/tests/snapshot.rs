//! A reviewed snapshot of the whole default corpus's extraction, one line per record.
//!
//! When extraction changes, run `UPDATE_EXPECT=1 cargo test -p extract --test snapshot`
//! and review the diff of `tests/snapshots/default_corpus.txt` before committing it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use expect_test::expect_file;
use extract::export::period_words;
use extract::{extract, Corpus, Source, SourceMeta};

/// Loads the default corpus the way the build script does.
fn default_corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let meta_text = std::fs::read_to_string(root.join("corpus/metadata.toml")).unwrap_or_default();
    let mut meta: BTreeMap<String, SourceMeta> =
        toml::from_str(&meta_text).expect("metadata parses");
    let mut paths: Vec<_> = std::fs::read_dir(root.join("corpus"))
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let sources: Vec<Source> = paths
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(p).expect("readable");
            let (mut s, _) = Source::from_bytes(name.clone(), &bytes);
            s.meta = meta.remove(&name).unwrap_or_default();
            s
        })
        .collect();
    extract(&sources)
}

/// Renders the corpus as compact, readable text.
fn render(c: &Corpus) -> String {
    let mut out = String::new();
    for (i, d) in c.documents.iter().enumerate() {
        let removed: Vec<String> = d.removed.iter().map(|r| format!("{:?}", r.kind)).collect();
        let sectors: Vec<&str> = d.sectors.iter().map(|s| s.key()).collect();
        let _ = writeln!(
            out,
            "doc {i} {} | title {:?} ({:?}) | date {:?} {:?} | {} sentences | sectors {} | removed {}",
            d.id,
            d.title,
            d.title_source,
            d.date.year,
            d.date.basis,
            d.sentences.len(),
            sectors.join(","),
            removed.join(",")
        );
    }
    out.push_str(
        "\n# metrics: doc | surface | value | unit | qualifier | kind | direction | label | period | measure | conversion of\n",
    );
    for m in &c.metrics {
        let unit = match &m.currency {
            Some(cur) => format!("{} {cur}", m.unit.key()),
            None => m.unit.key().to_owned(),
        };
        let _ = writeln!(
            out,
            "{} | {:?} | {} | {unit} | {} | {:?} | {} | {} | {} | {} | {}",
            m.doc,
            m.surface,
            m.value,
            m.qualifier.key(),
            m.kind,
            m.direction.key(),
            m.label,
            period_words(&m.period).unwrap_or_else(|| "-".to_owned()),
            m.measure,
            m.conversion_of
                .map_or_else(|| "-".to_owned(), |i| i.to_string())
        );
    }
    out.push_str("\n# entities: kind | name | aliases | mentions\n");
    for e in &c.entities {
        let _ = writeln!(
            out,
            "{} | {} | {} | {}",
            e.kind.key(),
            e.name,
            e.aliases.join("; "),
            e.mentions.len()
        );
    }
    out.push_str("\n# events: doc | date | tense | label\n");
    for e in &c.events {
        let date = match (e.month, e.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", e.year),
            (Some(m), None) => format!("{}-{m:02}", e.year),
            _ => e.year.to_string(),
        };
        let _ = writeln!(out, "{} | {date} | {:?} | {}", e.doc, e.tense, e.label);
    }
    out
}

#[test]
fn default_corpus_snapshot() {
    expect_file!["snapshots/default_corpus.txt"].assert_eq(&render(&default_corpus()));
}
