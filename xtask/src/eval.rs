//! `cargo xtask eval`: precision, recall and F1 of the extractor against the hand annotations.
//!
//! The logic lives in the `extract` crate (`extract::eval`, binary `metricscope-eval`); this
//! only runs it.

use crate::run::{root, Cmd};

/// Runs `metricscope-eval` in release mode, passing `args` through (e.g. `-v`).
pub fn eval(args: &[String]) -> Result<(), String> {
    Cmd::new("cargo")
        .args([
            "run",
            "--release",
            "-p",
            "extract",
            "--bin",
            "metricscope-eval",
            "--",
        ])
        .args(args)
        .cwd(&root())
        .status()
}
