//! `cargo xtask bench`: the dashboard at several corpus sizes in headless Chromium, Lighthouse,
//! and the extractor's own benchmarks.
//!
//! For each size it generates a corpus (`cargo xtask corpus`; size 4 is the default corpus),
//! builds a release into `target/bench/dist-N`, writes a brotli copy (`FILE.br`, quality 11)
//! beside every file so the loopback server sends what a static host with precompressed assets
//! would, and runs the benchmark binary of the end-to-end crate (`tests/e2e/src/bin/bench.rs`)
//! over all of them, one Chromium at a time. It is not part of `cargo xtask test`: it measures,
//! it does not judge.

use std::path::{Path, PathBuf};

use crate::dist::release_build;
use crate::run::{root, Cmd};
use crate::setup::{setup, Needs};

/// The Lighthouse release: 13 needs Node 22, and this machine's Node is 20.
const LIGHTHOUSE_VERSION: &str = "12.2.3";

const HELP: &str = "\
cargo xtask bench [--articles 4,1000,10000] [--lighthouse 4,1000] [--no-lighthouse]
                  [--no-extract] [--no-build] [--loads N] [--clicks N] [--lighthouse-runs N]

  --articles LIST     corpus sizes to build and measure (4 is the default corpus)
  --lighthouse LIST   sizes to run Lighthouse on (default 4,1000)
  --no-lighthouse     skip Lighthouse
  --no-extract        skip the extractor's benchmarks (criterion throughput, and the wasm
                      build against the JavaScript library compromise in node)
  --no-build          reuse the builds in target/bench/ from an earlier run
  --loads N           page loads per size for navigation timings (default 5)
  --clicks N          entity-checkbox clicks per size (default 60)
  --click-budget S    seconds of clicking per size at most (default 480); a slower size
                      reports the clicks measured by then, marked PARTIAL
  --lighthouse-runs N Lighthouse runs per size, median reported (default 3)
";

/// Runs the benchmarks the options ask for.
pub fn bench(args: &[String]) -> Result<(), String> {
    let mut sizes = vec![4usize, 1_000, 10_000];
    let mut lighthouse = vec![4usize, 1_000];
    let mut extract = true;
    let mut build = true;
    let mut passthrough = Vec::new();
    let mut iter = args.iter();
    let list = |v: Option<&String>, name: &str| -> Result<Vec<usize>, String> {
        let v = v.ok_or_else(|| format!("{name} needs a list such as 4,1000"))?;
        v.split(',')
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse()
                    .map_err(|_| format!("{name}: `{s}` is not a number"))
            })
            .collect()
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--articles" => sizes = list(iter.next(), "--articles")?,
            "--lighthouse" => lighthouse = list(iter.next(), "--lighthouse")?,
            "--no-lighthouse" => lighthouse.clear(),
            "--no-extract" => extract = false,
            "--no-build" => build = false,
            "--loads" | "--clicks" | "--click-budget" | "--lighthouse-runs" => {
                let value = iter.next().ok_or_else(|| format!("{arg} needs a number"))?;
                passthrough.extend([arg.clone(), value.clone()]);
            }
            "--help" | "-h" => {
                print!("{HELP}");
                return Ok(());
            }
            other => return Err(format!("unknown option for bench: {other}\n\n{HELP}")),
        }
    }
    lighthouse.retain(|n| sizes.contains(n));

    let tools = setup(Needs::All)?;
    let chromedriver = tools
        .chromedriver
        .clone()
        .ok_or("set-up found no chromedriver")?;
    let root = root();
    let out = root.join("target").join("bench");
    let mut builds = Vec::new();
    for &n in &sizes {
        let dist = out.join(format!("dist-{n}"));
        if build {
            let corpus = if n == 4 {
                None
            } else {
                let dir = out.join(format!("corpus-{n}"));
                crate::test::xtask_itself()?
                    .args(["corpus", "--articles", &n.to_string(), "--out"])
                    .args([&dir])
                    .status()?;
                Some(dir)
            };
            println!("\n=== release build over {n} articles");
            release_build(&tools.path, corpus.as_deref(), &dist, None).status()?;
        } else if !dist.join("index.html").is_file() {
            return Err(format!(
                "{} has no build: run without --no-build first",
                dist.display()
            ));
        }
        precompress(&dist)?;
        builds.push(format!("{n}={}", dist.display()));
    }

    let mut run = Cmd::new("cargo")
        .args([
            "run", "--locked", "--quiet", "-p", "e2e", "--bin", "bench", "--",
        ])
        .args(&passthrough)
        .env("CHROMEDRIVER", &chromedriver)
        .path(&tools.path)
        .cwd(&root);
    if !lighthouse.is_empty() {
        let cli = ensure_lighthouse()?;
        let chrome = ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .map(|name| Path::new("/usr/bin").join(name))
            .find(|p| p.is_file())
            .ok_or("Lighthouse needs Chromium in /usr/bin")?;
        let labels: Vec<String> = lighthouse.iter().map(ToString::to_string).collect();
        run = run
            .args(["--lighthouse", &labels.join(",")])
            .env("LIGHTHOUSE", cli)
            .env("CHROME_PATH", chrome);
    }
    run.args(&builds).status()?;

    if extract {
        extractor_benches(&tools.path, &root)?;
    }
    Ok(())
}

/// Writes `FILE.br` (brotli, quality 11, as a host precompresses) beside every file in `dir`
/// that has none yet (trunk empties the folder on each build).
fn precompress(dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    crate::dist::collect_files(dir, &mut files)?;
    for file in files
        .iter()
        .filter(|f| f.extension().is_none_or(|x| x != "br"))
    {
        let mut br = file.clone().into_os_string();
        br.push(".br");
        if Path::new(&br).is_file() {
            continue;
        }
        let bytes = std::fs::read(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        std::fs::write(&br, crate::dist::brotli(&bytes)?)
            .map_err(|e| format!("writing {}: {e}", PathBuf::from(&br).display()))?;
    }
    Ok(())
}

/// Installs the pinned Lighthouse from npm into the per-user cache (like wasm-opt) when it is
/// missing, and returns its command-line script.
fn ensure_lighthouse() -> Result<PathBuf, String> {
    let dir = crate::setup::cache_dir().join(format!("lighthouse-{LIGHTHOUSE_VERSION}"));
    let cli = dir.join("node_modules").join(".bin").join("lighthouse");
    let version = Cmd::new("node").args([&cli]).args(["--version"]).output();
    if version.as_deref() == Some(LIGHTHOUSE_VERSION) {
        return Ok(cli);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Cmd::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--save-exact",
            "--prefix",
        ])
        .args([&dir])
        .args([format!("lighthouse@{LIGHTHOUSE_VERSION}")])
        .status()?;
    Ok(cli)
}

/// The extractor's benchmarks as BENCHMARKS.md describes them: criterion throughput natively,
/// then the wasm build beside the JavaScript library compromise in one node process.
fn extractor_benches(path: &std::ffi::OsString, root: &Path) -> Result<(), String> {
    println!("\n=== extractor throughput (criterion)");
    Cmd::new("cargo")
        .args([
            "bench",
            "--locked",
            "-p",
            "extract",
            "--bench",
            "throughput",
        ])
        .path(path)
        .cwd(root)
        .status()?;
    println!("\n=== extractor in wasm beside compromise (node)");
    let js = root.join("crates").join("extract").join("bench-js");
    Cmd::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .cwd(&js)
        .path(path)
        .status()?;
    Cmd::new("cargo")
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .cwd(&js.join("wasm"))
        .path(path)
        .status()?;
    Cmd::new("node")
        .args(["bench.mjs"])
        .cwd(&js)
        .path(path)
        .status()
}
