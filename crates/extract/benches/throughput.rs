//! Extraction throughput in MB/s on the default corpus and on the evaluation articles.
//!
//! Also times one short sentence, which measures the fixed cost of a call.
//!
//! Run with `cargo bench -p extract --bench throughput`; criterion reports MiB/s.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use extract::{extract, Source};

fn load(dir: &Path) -> Vec<Source> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            Source::from_bytes(p.display().to_string(), &bytes).0
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sets = [
        ("default corpus", load(&crate_dir.join("../../corpus"))),
        ("eval articles", load(&crate_dir.join("eval/articles"))),
    ];
    let mut group = c.benchmark_group("extract");
    for (name, sources) in &sets {
        let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*name, |b| b.iter(|| extract(std::hint::black_box(sources))));
    }
    group.finish();

    // The fixed cost of a call: one short document, as the dashboard extracts a pasted
    // sentence. Tables built per call show up here, not in the MB/s figures above.
    let one = [Source::new(
        "one.txt",
        "Huawei's revenue rose 22.4% to 862.1 billion yuan in 2024.",
    )];
    c.bench_function("extract/one sentence", |b| {
        b.iter(|| extract(std::hint::black_box(&one)));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
