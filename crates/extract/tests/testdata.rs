//! Runs the data-driven cases in `crates/extract/testdata/*.toml`, one file per concern.
//!
//! Every case is a name, an input and the expected result. The harness runs them all and
//! reports every failing case at once, so a new bug becomes a new case.

use std::path::Path;

use extract::export::period_words;
use extract::{extract, Corpus, Source, SourceMeta};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    /// Year of the document, for relative periods.
    doc_year: Option<i32>,
    /// Expected metric values, in text order (numbers).
    values: Option<Vec<f64>>,
    /// Expected metric surfaces, in text order (non-metrics: usually empty).
    surfaces: Option<Vec<String>>,
    /// Expected units, "unit" or "currency:CODE" (units).
    units: Option<Vec<String>>,
    /// Expected qualifier keys (qualifiers).
    qualifiers: Option<Vec<String>>,
    /// Expected kinds: level, change, share.
    kinds: Option<Vec<String>>,
    /// Expected chart labels (labels).
    labels: Option<Vec<String>>,
    /// Expected periods in words ("" for none) (periods).
    periods: Option<Vec<String>>,
    /// Entities that must be found, "Name:kind" (entities).
    entities: Option<Vec<String>>,
    /// Names that must not be entities of their own (they may be aliases).
    absent: Option<Vec<String>>,
    /// Expected sentences (sentences).
    sentences: Option<Vec<String>>,
    /// Expected title.
    title: Option<String>,
    /// Expected directions: up, down, none (directions).
    directions: Option<Vec<String>>,
    /// Expected measure keys, "subject|measure|unit family" (measures).
    measures: Option<Vec<String>>,
    /// For each figure, the index of the figure it converts, or "-" (measures).
    conversions: Option<Vec<String>>,
}

fn run(case: &Case) -> Corpus {
    let text = if case.sentences.is_some() || case.title.is_some() {
        case.input.clone()
    } else {
        format!("Headline\n\n{}", case.input)
    };
    let mut source = Source::new("case.txt", text);
    source.meta = SourceMeta {
        year: case.doc_year,
        ..SourceMeta::default()
    };
    extract(&[source])
}

fn check(case: &Case) -> Vec<String> {
    let corpus = run(case);
    let mut errors = Vec::new();
    let ms = &corpus.metrics;
    let mut cmp = |what: &str, got: Vec<String>, want: &Option<Vec<String>>| {
        if let Some(want) = want {
            if &got != want {
                errors.push(format!("{what}: got {got:?}, want {want:?}"));
            }
        }
    };
    cmp(
        "surfaces",
        ms.iter().map(|m| m.surface.clone()).collect(),
        &case.surfaces,
    );
    cmp(
        "units",
        ms.iter()
            .map(|m| match &m.currency {
                Some(c) => format!("{}:{c}", m.unit.key()),
                None => m.unit.key().to_owned(),
            })
            .collect(),
        &case.units,
    );
    cmp(
        "qualifiers",
        ms.iter().map(|m| m.qualifier.key().to_owned()).collect(),
        &case.qualifiers,
    );
    cmp(
        "kinds",
        ms.iter()
            .map(|m| format!("{:?}", m.kind).to_lowercase())
            .collect(),
        &case.kinds,
    );
    cmp(
        "labels",
        ms.iter().map(|m| m.label.clone()).collect(),
        &case.labels,
    );
    cmp(
        "periods",
        ms.iter()
            .map(|m| period_words(&m.period).unwrap_or_default())
            .collect(),
        &case.periods,
    );
    cmp(
        "directions",
        ms.iter().map(|m| m.direction.key().to_owned()).collect(),
        &case.directions,
    );
    cmp(
        "conversions",
        ms.iter()
            .map(|m| {
                m.conversion_of
                    .map_or_else(|| "-".to_owned(), |i| i.to_string())
            })
            .collect(),
        &case.conversions,
    );
    cmp(
        "measures",
        ms.iter().map(|m| m.measure.clone()).collect(),
        &case.measures,
    );
    if let Some(want) = &case.values {
        let got: Vec<f64> = ms.iter().map(|m| m.value).collect();
        let ok = got.len() == want.len()
            && got
                .iter()
                .zip(want)
                .all(|(g, w)| (g - w).abs() <= 1e-6 * w.abs().max(1.0));
        if !ok {
            errors.push(format!("values: got {got:?}, want {want:?}"));
        }
    }
    let doc = &corpus.documents[0];
    if let Some(want) = &case.sentences {
        let got: Vec<String> = (0..doc.sentences.len())
            .map(|i| doc.sentence_text(i).to_owned())
            .collect();
        if &got != want {
            errors.push(format!("sentences: got {got:?}, want {want:?}"));
        }
    }
    if let Some(want) = &case.title {
        if &doc.title != want {
            errors.push(format!("title: got {:?}, want {want:?}", doc.title));
        }
    }
    let found: Vec<String> = corpus
        .entities
        .iter()
        .map(|e| format!("{}:{}", e.name, e.kind.key()))
        .collect();
    for want in case.entities.iter().flatten() {
        if !found.contains(want) {
            errors.push(format!("entity {want} not found in {found:?}"));
        }
    }
    for name in case.absent.iter().flatten() {
        if corpus.entities.iter().any(|e| &e.name == name) {
            errors.push(format!("entity {name} should not be found ({found:?})"));
        }
    }
    errors
}

#[test]
fn testdata() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut total = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable");
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            total += 1;
            for err in check(case) {
                let file_name = path.file_name().unwrap_or_default().to_string_lossy();
                failures.push(format!(
                    "{file_name} / {}: {err}\n    input: {:?}",
                    case.name, case.input
                ));
            }
        }
    }
    assert!(total >= 150, "only {total} cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
