//! Pre-parses the corpus at build time and embeds it as postcard bytes in `OUT_DIR`.
//!
//! Every `*.txt` file of the corpus folder is run through `extract`, with the facts in its
//! `metadata.toml`. The folder is `corpus/` unless `METRICSCOPE_CORPUS` names another (an
//! absolute path, or one relative to this package; `cargo xtask dist --corpus DIR` sets it).
//! Cargo reruns this script whenever that variable, the folder or any file in it changes, so
//! adding an article needs no manual step.

//!
//! A small corpus is embedded whole. A large one (see `shipped::split`) is embedded without
//! its article texts, which are written as content-hashed files to `metricscope-texts/` in
//! the target's profile folder, from where a trunk hook copies them into the site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/shipped.rs"]
mod shipped;

fn main() {
    println!("cargo:rerun-if-env-changed=METRICSCOPE_CORPUS");
    let corpus_dir = std::env::var_os("METRICSCOPE_CORPUS")
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| PathBuf::from("corpus"), PathBuf::from);
    let corpus_dir = corpus_dir.as_path();
    let meta_path = corpus_dir.join("metadata.toml");
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    println!("cargo:rerun-if-changed={}", meta_path.display());

    let meta_text = std::fs::read_to_string(&meta_path).unwrap_or_default();
    let mut meta: BTreeMap<String, extract::SourceMeta> = toml::from_str(&meta_text)
        .unwrap_or_else(|e| panic!("{} is not valid: {e}", meta_path.display()));

    let mut paths: Vec<_> = std::fs::read_dir(corpus_dir)
        .unwrap_or_else(|e| panic!("reading the corpus folder {}: {e}", corpus_dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();

    let mut sources = Vec::new();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let bytes =
            std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let (mut source, note) = extract::Source::from_bytes(name.clone(), &bytes);
        if let Some(note) = note {
            println!("cargo:warning={note}");
        }
        source.meta = meta.remove(&name).unwrap_or_default();
        sources.push(source);
    }
    for unused in meta.keys() {
        println!(
            "cargo:warning={} describes {unused}, which is not in {}",
            meta_path.display(),
            corpus_dir.display()
        );
    }

    let corpus = extract::extract(&sources);
    let (shipped, files) = shipped::split(corpus, shipped::EMBED_LIMIT);
    let bytes = postcard::to_allocvec(&shipped).expect("the corpus serialises");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let out = out_dir.join("corpus.postcard");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
    write_texts(&out_dir, &files);
}

/// Writes the text files to `<target>/<triple>/<profile>/metricscope-texts/`, replacing what
/// an earlier build left there, so the site never ships a stale text.
fn write_texts(out_dir: &Path, files: &[shipped::TextFile]) {
    // OUT_DIR is <profile dir>/build/<package>-<hash>/out.
    let Some(profile_dir) = out_dir.ancestors().nth(3) else {
        return;
    };
    let dir = profile_dir.join("metricscope-texts");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("clearing {}: {e}", dir.display()));
    }
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("creating {}: {e}", parent.display()));
        }
        std::fs::write(&path, &file.text)
            .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}
