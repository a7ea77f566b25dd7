//! `metricscope-eval`: scores the extractor against the hand annotations and prints
//! precision, recall and F1 for metrics and entities, per set (`default`, `own`, `holdout`
//! and every blind batch `blind-*`), with non-metric false positives, direction agreement and
//! the fraction of annotated aliases joined, then a one-line-per-set summary.
//!
//! Options: `-v` lists every miss and false positive; `--compromise FILE` also scores the
//! figures the `compromise` JavaScript library found (see `bench-js/`), leniently, beside ours.
//! Exits with failure when a non-metric (a trap) was extracted as a metric in a set the
//! extractor is held to (every set but the blind batches, whose first runs are measurements).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use extract::eval::{evaluate, is_blind, load_annotations, ratio, ForeignMetric, Score};

fn fmt(s: &Score) -> String {
    format!(
        "P {:.3}  R {:.3}  F1 {:.3}   (tp {}, predicted {}, gold {})",
        s.precision(),
        s.recall(),
        s.f1(),
        s.tp,
        s.predicted,
        s.gold
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v" || a == "--verbose");
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = crate_dir.join("../..");
    let compromise_path = args
        .iter()
        .position(|a| a == "--compromise")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .or_else(|| {
            let p = crate_dir.join("bench-js/compromise-output.json");
            p.exists().then_some(p)
        });
    let annotations = match load_annotations(&crate_dir.join("eval/annotations")) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("metricscope-eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let foreign: Option<BTreeMap<String, Vec<ForeignMetric>>> = compromise_path.and_then(|p| {
        let text = std::fs::read_to_string(&p).ok()?;
        match serde_json::from_str(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                eprintln!("metricscope-eval: ignoring {}: {e}", p.display());
                None
            }
        }
    });
    let reports = match evaluate(&root, &annotations, foreign.as_ref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("metricscope-eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut non_metric_total = 0;
    for (set, r) in &reports {
        let n_articles = annotations.iter().filter(|a| &a.set == set).count();
        println!("== set `{set}` ({n_articles} articles)");
        println!("metrics  (strict)   {}", fmt(&r.metrics));
        println!("metrics  (lenient)  {}", fmt(&r.metrics_lenient));
        if let Some(f) = &r.foreign_lenient {
            println!("compromise (lenient) {}", fmt(f));
        }
        println!("entities            {}", fmt(&r.entities));
        println!(
            "kind agreement {}/{}, direction agreement {}/{}, period-year agreement {}/{} (on matched figures)",
            r.kind_agreement.0,
            r.kind_agreement.1,
            r.direction_agreement.0,
            r.direction_agreement.1,
            r.year_agreement.0,
            r.year_agreement.1
        );
        println!(
            "aliases joined {}/{} ({:.3})",
            r.aliases_joined.0,
            r.aliases_joined.1,
            r.alias_join_rate()
        );
        println!("non-metric false positives: {}", r.non_metric_fps.len());
        for l in &r.non_metric_fps {
            println!("  ! {l}");
        }
        if !is_blind(set) {
            non_metric_total += r.non_metric_fps.len();
        }
        if verbose {
            for l in &r.misses {
                println!("  miss  {l}");
            }
            for l in &r.false_positives {
                println!("  extra {l}");
            }
            for l in &r.direction_errors {
                println!("  dir   {l}");
            }
            for l in &r.entity_errors {
                println!("  ent   {l}");
            }
        }
        println!();
    }
    println!("set                      metric P / R / F1       non-metric FPs  entity R  aliases joined  direction");
    for (set, r) in &reports {
        println!(
            "{set:<24} {:.3} / {:.3} / {:.3}   {:>14}  {:>8.3}  {:>14.3}  {:>9.3}",
            r.metrics.precision(),
            r.metrics.recall(),
            r.metrics.f1(),
            r.non_metric_fps.len(),
            r.entities.recall(),
            r.alias_join_rate(),
            ratio(r.direction_agreement),
        );
    }
    if non_metric_total > 0 {
        eprintln!("metricscope-eval: {non_metric_total} non-metric(s) extracted as metrics");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
