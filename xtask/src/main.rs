//! `cargo xtask`: the project's automation, one binary with subcommands.
//!
//! Run `cargo xtask help` for the list. Every subcommand that needs tools first runs the
//! same idempotent set-up, so a fresh machine needs no other step.

mod corpus;
mod dist;
mod eval;
mod fuzz;
mod run;
mod setup;
mod test;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

Commands:
  setup              install what is missing (wasm target, trunk, wasm-bindgen-cli,
                     wasm-opt, Chromium and chromedriver) and say what was installed
  serve [--corpus DIR] [--port P]
                     set up, then serve the dashboard on http://127.0.0.1:8080 (or port P),
                     built over the articles in DIR (default corpus/)
  test               set up, then run every check and test: fmt, clippy (host and wasm32),
                     native tests, in-browser tests, release build, end-to-end tests
  dist [--corpus DIR] [--dist OUT] [--public-url /sub/path/]
                     build the release into dist/ (or OUT) over the articles in DIR
                     (default corpus/; *.txt plus an optional metadata.toml) and print
                     each file's raw, gzip and brotli size
  corpus --articles N [--seed S] --out DIR
                     write N distinct, deterministic synthetic articles and their
                     metadata.toml into DIR (for scale tests and benchmarks)
  sizes DIR          print the raw, gzip and brotli size of each file under DIR
  eval [-v]          precision, recall and F1 of the extractor on its annotated sets
  help               this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup(setup::Needs::All).map(|_| ()),
        Some("serve") => serve(&args[1..]),
        Some("test") => test::test(),
        Some("dist") => dist::dist(&args[1..]),
        Some("sizes") => match args.get(1) {
            Some(dir) => dist::print_sizes(std::path::Path::new(dir)),
            None => Err("sizes needs a folder".to_owned()),
        },
        Some("corpus") => corpus::corpus(&args[1..]),
        Some("eval") => eval::eval(&args[1..]),
        None | Some("help" | "--help" | "-h") => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &[String]) -> Result<(), String> {
    let mut corpus = None;
    let mut port = "8080".to_owned();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--corpus" => {
                corpus = Some(dist::corpus_dir(
                    iter.next().ok_or("--corpus needs a folder of articles")?,
                )?);
            }
            "--port" => {
                port = iter.next().ok_or("--port needs a number")?.clone();
                port.parse::<u16>()
                    .map_err(|_| format!("--port wants a port number, not `{port}`"))?;
            }
            other => return Err(format!("unknown option for serve: {other}")),
        }
    }
    let tools = setup::setup(setup::Needs::Build)?;
    println!("Serving on http://127.0.0.1:{port} (Ctrl-C to stop)");
    // No autoreload: trunk injects it as an inline script, which the page's strict
    // Content-Security-Policy blocks. Reload the page after a rebuild.
    let cmd = run::Cmd::new("trunk").args([
        "serve",
        "--no-autoreload",
        "--address",
        "127.0.0.1",
        "--port",
        port.as_str(),
    ]);
    dist::with_corpus(cmd, corpus.as_deref())
        .path(&tools.path)
        .cwd(&run::root())
        .status()
}
