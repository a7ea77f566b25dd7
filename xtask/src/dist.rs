//! `cargo xtask dist`: the release build, with each file's raw, gzip and brotli size.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::run::{root, Cmd};
use crate::setup::{setup, Needs};

/// Builds `dist/` (or `--dist DIR`) in release mode, optionally over another corpus folder
/// and for a sub-path, and prints its sizes.
pub fn dist(args: &[String]) -> Result<(), String> {
    let mut public_url = None;
    let mut corpus = None;
    let mut out = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--public-url" => {
                public_url = Some(
                    iter.next()
                        .ok_or("--public-url needs a value, e.g. /metricscope/")?
                        .clone(),
                );
            }
            "--corpus" => {
                corpus = Some(corpus_dir(
                    iter.next().ok_or("--corpus needs a folder of articles")?,
                )?);
            }
            "--dist" => {
                out = Some(PathBuf::from(
                    iter.next().ok_or("--dist needs an output folder")?,
                ));
            }
            other => return Err(format!("unknown option for dist: {other}")),
        }
    }
    let tools = setup(Needs::Build)?;
    let root = root();
    let out = out.unwrap_or_else(|| root.join("dist"));
    release_build(&tools.path, corpus.as_deref(), &out, public_url.as_deref()).status()?;
    print_sizes(&out)
}

/// Checks that `dir` is a folder and returns its absolute path, for `METRICSCOPE_CORPUS`
/// (build.rs resolves a relative one against the package root, not the caller's folder).
pub fn corpus_dir(dir: &str) -> Result<PathBuf, String> {
    let path = std::fs::canonicalize(dir).map_err(|e| format!("corpus folder {dir}: {e}"))?;
    if !path.is_dir() {
        return Err(format!("corpus folder {dir} is not a folder"));
    }
    Ok(path)
}

/// `trunk build --release` into `out`, over `corpus` (the default `corpus/` when `None`).
pub fn release_build(
    path: &std::ffi::OsString,
    corpus: Option<&Path>,
    out: &Path,
    public_url: Option<&str>,
) -> Cmd {
    let mut build = Cmd::new("trunk")
        .args(["build", "--release", "--dist"])
        .args([out]);
    if let Some(url) = public_url {
        build = build.args(["--public-url", url]);
    }
    with_corpus(build, corpus).path(path).cwd(&root())
}

/// Points the build script at `corpus`, or at the default folder by clearing the variable,
/// so one left in the caller's environment never picks the corpus by accident.
pub fn with_corpus(cmd: Cmd, corpus: Option<&Path>) -> Cmd {
    match corpus {
        Some(dir) => cmd.env("METRICSCOPE_CORPUS", dir),
        None => cmd.env_remove("METRICSCOPE_CORPUS"),
    }
}

/// Prints a table of the files under `dir` with raw, gzip (level 9) and brotli (quality 11) sizes.
pub fn print_sizes(dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    println!(
        "\n{:<48} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = [0usize; 3];
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        let sizes = [bytes.len(), gzip_len(&bytes)?, brotli_len(&bytes)?];
        let name = file.strip_prefix(dir).unwrap_or(file).display().to_string();
        println!(
            "{name:<48} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
        for (t, s) in total.iter_mut().zip(sizes) {
            *t += s;
        }
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total", total[0], total[1], total[2]
    );
    println!(
        "transfer size (brotli): {:.1} KiB",
        total[2] as f64 / 1024.0
    );
    Ok(())
}

pub fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map(|v| v.len()).map_err(|e| e.to_string())
}

fn brotli_len(bytes: &[u8]) -> Result<usize, String> {
    brotli(bytes).map(|b| b.len())
}

/// `bytes` compressed with brotli at quality 11, as static hosts precompress.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}
