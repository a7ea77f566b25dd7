//! Tests of the synthetic corpus: determinism, distinctness, metadata, and that the extractor
//! finds the figures the generator planted.

use std::collections::{BTreeMap, BTreeSet};

use super::{generate, metadata_toml, write_corpus, Family, Planted};

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a = generate(60, 7);
    let b = generate(60, 7);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.file_name, y.file_name);
        assert_eq!(x.text, y.text);
    }
    assert_eq!(metadata_toml(&a), metadata_toml(&b));
}

#[test]
fn another_seed_gives_another_corpus() {
    let a = generate(20, 1);
    let b = generate(20, 2);
    let same = a.iter().zip(&b).filter(|(x, y)| x.text == y.text).count();
    assert_eq!(same, 0);
}

#[test]
fn an_article_does_not_depend_on_how_many_are_generated() {
    let small = generate(10, 3);
    let large = generate(200, 3);
    for (x, y) in small.iter().zip(&large) {
        assert_eq!(x.text, y.text);
        assert_eq!(x.file_name, y.file_name);
    }
}

#[test]
fn articles_are_distinct_and_varied() {
    let articles = generate(2_000, 1);
    let texts: BTreeSet<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let names: BTreeSet<&str> = articles.iter().map(|a| a.file_name.as_str()).collect();
    let titles: BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.text.lines().next())
        .collect();
    assert_eq!(texts.len(), articles.len(), "texts repeat");
    assert_eq!(names.len(), articles.len(), "file names repeat");
    assert_eq!(titles.len(), articles.len(), "titles repeat");

    let years: BTreeSet<i32> = articles.iter().map(|a| a.year).collect();
    assert_eq!(years, (2015..=2025).collect());
    let publishers: BTreeSet<&str> = articles.iter().map(|a| a.publisher).collect();
    assert!(publishers.len() >= 15, "{} publishers", publishers.len());
    assert!(articles.iter().all(|a| (1..=12).contains(&a.month)));

    let planted: Vec<&Planted> = articles.iter().flat_map(|a| &a.planted).collect();
    for family in [
        Family::Percent,
        Family::PercentagePoints,
        Family::Count,
        Family::Money,
    ] {
        assert!(
            planted.iter().filter(|p| p.family == family).count() > 100,
            "too few {family:?} figures"
        );
    }
    let currencies: BTreeSet<&str> = planted.iter().filter_map(|p| p.currency).collect();
    assert_eq!(
        currencies,
        ["CNY", "EUR", "GBP", "HKD", "JPY", "USD"].into()
    );
    let qualified = articles
        .iter()
        .filter(|a| a.text.contains("more than ") || a.text.contains("nearly "))
        .count();
    assert!(qualified > 200, "{qualified} articles with a qualifier");
    let declines = articles
        .iter()
        .filter(|a| a.text.contains(" fell "))
        .count();
    assert!(declines > 100, "{declines} articles with a decline");
}

#[test]
fn metadata_parses_as_build_rs_reads_it_and_covers_every_article() {
    let articles = generate(50, 4);
    let meta: BTreeMap<String, extract::SourceMeta> =
        toml::from_str(&metadata_toml(&articles)).expect("metadata.toml parses");
    assert_eq!(meta.len(), articles.len());
    for a in &articles {
        let m = &meta[&a.file_name];
        assert_eq!(m.publisher.as_deref(), Some(a.publisher));
        assert_eq!(m.author, a.author);
        assert_eq!(m.year, Some(a.year));
        assert_eq!(m.month, Some(a.month));
        assert!(!m.date_inferred);
    }
}

#[test]
fn writing_refuses_a_foreign_folder_and_rewrites_its_own() {
    let dir = std::env::temp_dir().join(format!("metricscope-corpus-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    std::fs::write(dir.join("mine.txt"), "a reader's own article").expect("write");
    let refused = write_corpus(&dir, 3, 1).expect_err("a foreign folder is refused");
    assert!(refused.contains("not empty"), "{refused}");
    assert!(dir.join("mine.txt").exists(), "nothing was removed");

    std::fs::remove_file(dir.join("mine.txt")).expect("remove");
    write_corpus(&dir, 5, 1).expect("first write");
    write_corpus(&dir, 3, 1).expect("rewrite");
    let txt = std::fs::read_dir(&dir)
        .expect("read")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(txt, 3, "the earlier, larger corpus was cleared");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// The extractor must find each planted figure: a metric in the same document with the same
/// unit family and currency and the same value (declines may be stored as negative values).
#[test]
fn the_extractor_finds_the_planted_figures() {
    let articles = generate(150, 11);
    let sources: Vec<extract::Source> = articles
        .iter()
        .map(|a| extract::Source::new(a.file_name.clone(), a.text.clone()))
        .collect();
    let corpus = extract::extract(&sources);
    let mut missed = Vec::new();
    let mut total = 0;
    for (doc, article) in articles.iter().enumerate() {
        let found: Vec<&extract::Metric> = corpus
            .metrics
            .iter()
            .filter(|m| m.doc as usize == doc)
            .collect();
        for p in &article.planted {
            total += 1;
            let hit = found.iter().any(|m| {
                let family = match m.unit {
                    extract::Unit::Percent => Family::Percent,
                    extract::Unit::PercentagePoints => Family::PercentagePoints,
                    extract::Unit::Count => Family::Count,
                    extract::Unit::Currency => Family::Money,
                    // The generator plants no index points.
                    extract::Unit::IndexPoints => return false,
                };
                family == p.family
                    && m.currency.as_deref() == p.currency
                    && (m.value.abs() - p.value).abs() <= p.value * 1e-9
            });
            if !hit {
                missed.push(format!(
                    "{}: {:?} {}",
                    article.file_name, p.family, p.surface
                ));
            }
        }
    }
    assert!(total > 600, "only {total} figures planted");
    assert!(
        missed.is_empty(),
        "{} of {total} planted figures not found:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
