//! `metricscope-extract FILE...`: extracts plain-text articles and prints the corpus as JSON.
//!
//! Files that are not valid UTF-8 are read lossily, with a note on standard error and in the
//! corpus's diagnostics; a file that cannot be read is reported and skipped.

use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|p| p == "-h" || p == "--help") {
        eprintln!("usage: metricscope-extract FILE...\n\nPrints the extracted corpus as JSON on standard output.");
        return if paths.is_empty() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    let mut corpus = extract::Corpus::default();
    let mut failed = false;
    for path in &paths {
        match std::fs::read(path) {
            Ok(bytes) => {
                let (source, note) = extract::Source::from_bytes(path.clone(), &bytes);
                if let Some(note) = note {
                    eprintln!("metricscope-extract: {note}");
                    corpus.diagnostics.push(extract::Diagnostic {
                        doc: Some(u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX)),
                        message: note,
                    });
                }
                extract::extract_into(&mut corpus, source);
            }
            Err(e) => {
                eprintln!("metricscope-extract: cannot read {path}: {e}");
                failed = true;
            }
        }
    }
    println!("{}", extract::to_json(&corpus));
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
