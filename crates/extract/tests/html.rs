//! Saved web pages: the data-driven cases in `testdata/html/*.toml`, the path from a page to
//! figures, and a property that reading any input never panics.

use std::path::Path;

use extract::html::{read_html, HtmlArticle};
use extract::{extract, DateBasis};
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
    title: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    published: Option<String>,
    /// Year, month and day the document is dated.
    date: Option<Vec<u32>>,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    paragraphs: Option<usize>,
}

fn check(case: &Case, page: &HtmlArticle) -> Vec<String> {
    let mut errors = Vec::new();
    let text = page.paragraphs.join("\n");
    let mut same = |what: &str, got: &Option<String>, want: &Option<String>| {
        if want.is_some() && got != want {
            errors.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    };
    same("title", &page.title, &case.title);
    same("publisher", &page.publisher, &case.publisher);
    same("author", &page.author, &case.author);
    same("published", &page.published, &case.published);
    for c in &case.contains {
        if !text.contains(c.as_str()) {
            errors.push(format!("missing {c:?} in {text:?}"));
        }
    }
    for a in &case.absent {
        if text.contains(a.as_str())
            || page
                .title
                .as_deref()
                .is_some_and(|t| t.contains(a.as_str()))
        {
            errors.push(format!("{a:?} should not be in {text:?}"));
        }
    }
    if let Some(n) = case.paragraphs {
        if page.paragraphs.len() != n {
            errors.push(format!(
                "{} paragraphs, want {n}: {:?}",
                page.paragraphs.len(),
                page.paragraphs
            ));
        }
    }
    if let Some(date) = &case.date {
        let corpus = extract(&[page.to_source("page.html")]);
        let d = &corpus.documents[0].date;
        let got = [
            d.year.map(|y| y as u32),
            d.month.map(u32::from),
            d.day.map(u32::from),
        ];
        let want: Vec<Option<u32>> = date.iter().map(|&x| Some(x)).collect();
        if got.to_vec() != want || d.basis != DateBasis::Stated {
            errors.push(format!("date {d:?}, want {date:?} as stated"));
        }
    }
    errors
}

#[test]
fn html_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/html");
    let mut failures = Vec::new();
    let mut total = 0;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/html exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in &paths {
        let file: File = toml::from_str(&std::fs::read_to_string(path).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            total += 1;
            for e in check(case, &read_html(&case.input)) {
                failures.push(format!("{}: {e}", case.name));
            }
        }
    }
    assert!(total >= 5, "only {total} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A page's figures come out of extraction like a text article's, with its title and
/// publisher, and nothing from the furniture.
#[test]
fn page_to_figures() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/html/pages.toml"),
    )
    .expect("readable");
    let file: File = toml::from_str(&text).expect("parses");
    let page = read_html(&file.case[0].input);
    let corpus = extract(&[page.to_source("chips.html")]);
    let doc = &corpus.documents[0];
    assert_eq!(doc.id, "chips");
    assert_eq!(doc.title, "Chip output climbs 12% in first half");
    assert_eq!(doc.publisher.as_deref(), Some("Tech Daily"));
    let surfaces: Vec<&str> = corpus.metrics.iter().map(|m| m.surface.as_str()).collect();
    assert!(surfaces.contains(&"213 billion"), "{surfaces:?}");
    assert!(surfaces.contains(&"$75 billion"), "{surfaces:?}");
    assert!(
        !surfaces
            .iter()
            .any(|s| s.contains("100") || s.contains("99")),
        "{surfaces:?}"
    );
    assert!(!doc.text.contains('<'));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use extract::html::read_html;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text at all, tag soup included, reads without panicking, and the article
        /// text never carries a tag's angle brackets from markup it was given as markup.
        #[test]
        fn never_panics(input in "(<[a-z/!?]{0,3}[a-z ]{0,8}[\"'=]?>|[^<]{0,20}|&[a-z#0-9]{0,6};?){0,40}") {
            let page = read_html(&input);
            for p in &page.paragraphs {
                prop_assert!(!p.is_empty());
                prop_assert!(!p.contains('\n'));
            }
        }

        #[test]
        fn arbitrary_text_never_panics(input in any::<String>()) {
            let _ = read_html(&input);
        }
    }
}
