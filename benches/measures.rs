//! What the measures cost over a generated corpus: grouping and judging every figure once
//! (`MeasureIndex::new`, part of `CorpusIndex::new`), selecting the measures of a filter
//! (`MeasureIndex::select`), and the whole `views::derive` that a filter change runs, with no
//! filter and with one entity chosen.
//!
//! `METRICSCOPE_BENCH_CORPUS` names the folder (default `target/corpus-1000`); generate it
//! with `cargo xtask corpus --articles 1000 --out target/corpus-1000`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};

use metricscope::data::CorpusHandle;
use metricscope::index::CorpusIndex;
use metricscope::measures;
use metricscope::state::{Filter, Sort};
use metricscope::views::derive;

fn corpus() -> extract::Corpus {
    let dir = std::env::var_os("METRICSCOPE_BENCH_CORPUS")
        .map_or_else(|| PathBuf::from("target/corpus-1000"), PathBuf::from);
    let meta: BTreeMap<String, extract::SourceMeta> =
        std::fs::read_to_string(dir.join("metadata.toml"))
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; generate it with cargo xtask corpus",
                dir.display()
            )
        })
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let sources: Vec<extract::Source> = paths
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(p).expect("read an article");
            let (mut source, _) = extract::Source::from_bytes(name.clone(), &bytes);
            source.meta = meta.get(&name).cloned().unwrap_or_default();
            source
        })
        .collect();
    extract::extract(&sources)
}

fn bench(c: &mut Criterion) {
    let corpus = CorpusHandle::new(corpus());
    let index = CorpusIndex::new(&corpus);
    let all: Vec<u32> = (0..u32::try_from(corpus.metrics.len()).unwrap_or(0)).collect();
    let grouped = &index.measures;
    let disputed = grouped.list.iter().filter(|m| m.n_flagged > 0).count();
    let cited: usize = grouped.list.iter().map(|m| m.citations.len()).sum();
    eprintln!(
        "{} documents, {} figures, {} in {} measures ({} with a disagreement), {} flagged",
        corpus.documents.len(),
        all.len(),
        cited,
        grouped.list.len(),
        disputed,
        grouped.flagged.len()
    );
    c.bench_function("MeasureIndex::new, every figure", |b| {
        b.iter(|| measures::MeasureIndex::new(black_box(&corpus)));
    });
    c.bench_function("CorpusIndex::new", |b| {
        b.iter(|| CorpusIndex::new(black_box(&corpus)));
    });
    c.bench_function("MeasureIndex::select, every figure", |b| {
        b.iter(|| index.measures.select(black_box(&all)));
    });
    let filter = Filter::default();
    c.bench_function("views::derive, no filter", |b| {
        b.iter(|| derive(black_box(&corpus), &index, &filter, Sort::default()));
    });
    let busiest = corpus
        .entities
        .iter()
        .max_by_key(|e| e.mentions.len())
        .map(|e| e.id.clone());
    let mut one = Filter::default();
    one.entities.extend(busiest);
    c.bench_function("views::derive, one entity", |b| {
        b.iter(|| derive(black_box(&corpus), &index, &one, Sort::default()));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
