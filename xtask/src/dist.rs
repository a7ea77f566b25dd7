//! `cargo xtask dist`: the release build, with each file's raw, gzip and brotli size.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::run::{root, Cmd};
use crate::setup::{setup, Needs};

/// Builds `dist/` in release mode (optionally for a sub-path) and prints its sizes.
pub fn dist(args: &[String]) -> Result<(), String> {
    let mut public_url = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--public-url" => {
                public_url = Some(
                    iter.next()
                        .ok_or("--public-url needs a value, e.g. /metricscope/")?,
                );
            }
            other => return Err(format!("unknown option for dist: {other}")),
        }
    }
    let tools = setup(Needs::Build)?;
    let root = root();
    let mut build = Cmd::new("trunk").args(["build", "--release"]);
    if let Some(url) = public_url {
        build = build.args(["--public-url", url.as_str()]);
    }
    build.path(&tools.path).cwd(&root).status()?;
    print_sizes(&root.join("dist"))
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

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
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
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out.len())
}
