//! `cargo xtask test`: every check and test the project has, in order, stopping at the first failure.

use std::time::Instant;

use crate::dist::release_build;
use crate::run::{root, Cmd};
use crate::setup::{setup, Needs};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Runs set-up, then formatting, lints, native tests, browser tests, the release builds (the
/// default corpus, a sub-path, 1,000 generated articles and the measures test corpus) and the
/// end-to-end tests.
pub fn test() -> Result<(), String> {
    let started = Instant::now();
    let tools = setup(Needs::All)?;
    let root = root();
    let chromedriver = tools
        .chromedriver
        .clone()
        .ok_or("set-up found no chromedriver")?;
    let cargo = |args: &[&str]| Cmd::new("cargo").args(args).path(&tools.path).cwd(&root);

    let mut timings = Vec::new();
    let mut step = |name: &str, cmd: Cmd| -> Result<(), String> {
        println!("\n=== {name}");
        let t = Instant::now();
        cmd.status().map_err(|e| format!("{name}: {e}"))?;
        timings.push((name.to_owned(), t.elapsed().as_secs_f64()));
        Ok(())
    };

    step("format", cargo(&["fmt", "--all", "--", "--check"]))?;
    step(
        "clippy (host)",
        cargo(&[
            "clippy",
            "--locked",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // The app with its browser tests, and the extractor's library (what the app links):
    // the extractor's own tests use native-only crates such as proptest.
    step(
        "clippy (wasm32 app)",
        cargo(&[
            "clippy",
            "--locked",
            "--target",
            WASM_TARGET,
            "-p",
            "metricscope",
            "--lib",
            "--bins",
            "--tests",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    step(
        "clippy (wasm32 extract)",
        cargo(&[
            "clippy",
            "--locked",
            "--target",
            WASM_TARGET,
            "-p",
            "extract",
            "--lib",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    step(
        "native tests",
        cargo(&["test", "--locked", "--workspace", "--exclude", "e2e"]),
    )?;
    step(
        "fuzz the extractor (cargo-fuzz)",
        crate::fuzz::command(&tools.path, &root),
    )?;
    step(
        "browser tests (wasm-bindgen-test in headless Chromium)",
        cargo(&[
            "test",
            "--locked",
            "--target",
            WASM_TARGET,
            "-p",
            "metricscope",
            "--test",
            "browser",
        ])
        .env("CHROMEDRIVER", &chromedriver),
    )?;
    step(
        "release build",
        release_build(&tools.path, None, &root.join("dist"), None),
    )?;
    // The same release for a sub-path, to check that hosting under one works (README).
    let subpath_dist = root.join("target").join("dist-subpath");
    step(
        "release build for a sub-path",
        release_build(&tools.path, None, &subpath_dist, Some("/metricscope/")),
    )?;
    // A release over 1,000 generated articles, for the end-to-end tests at scale.
    let corpus_1000 = root.join("target").join("corpus-1000");
    step(
        "generate a 1,000-article corpus",
        xtask_itself()?
            .args(["corpus", "--articles", "1000", "--out"])
            .args([&corpus_1000]),
    )?;
    let dist_1000 = root.join("target").join("dist-1000");
    step(
        "release build over 1,000 articles",
        release_build(&tools.path, Some(&corpus_1000), &dist_1000, None),
    )?;
    // A release over the articles written for the Measures end-to-end test.
    let dist_measures = root.join("target").join("dist-measures");
    step(
        "release build over the measures test corpus",
        release_build(
            &tools.path,
            Some(&root.join("tests/e2e/fixtures/measures-corpus")),
            &dist_measures,
            None,
        ),
    )?;
    step(
        "end-to-end tests (headless Chromium against dist/)",
        cargo(&["test", "--locked", "-p", "e2e"])
            .env("METRICSCOPE_DIST", root.join("dist"))
            .env("METRICSCOPE_DIST_SUBPATH", &subpath_dist)
            .env("METRICSCOPE_DIST_1000", &dist_1000)
            .env("METRICSCOPE_CORPUS_1000", &corpus_1000)
            .env("METRICSCOPE_DIST_MEASURES", &dist_measures)
            .env("CHROMEDRIVER", &chromedriver)
            .env(
                "METRICSCOPE_SCREENSHOTS",
                root.join("target").join("screenshots"),
            ),
    )?;

    println!("\n=== summary");
    for (name, secs) in &timings {
        println!("{secs:>8.1}s  {name}");
    }
    println!(
        "{:>8.1}s  total, set-up included",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// This very binary, to run one of its own commands as a step.
pub fn xtask_itself() -> Result<Cmd, String> {
    std::env::current_exe()
        .map(Cmd::new)
        .map_err(|e| format!("cannot find the xtask binary: {e}"))
}
