//! Pre-parses the default corpus at build time and embeds it as postcard bytes in `OUT_DIR`.
//!
//! Every `corpus/*.txt` file is run through `extract`, with the facts in
//! `corpus/metadata.toml`. Cargo reruns this script whenever the corpus folder or any file
//! in it changes, so adding an article needs no manual step.

use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let corpus_dir = Path::new("corpus");
    println!("cargo:rerun-if-changed=corpus");
    println!("cargo:rerun-if-changed=corpus/metadata.toml");

    let meta_text = std::fs::read_to_string(corpus_dir.join("metadata.toml")).unwrap_or_default();
    let mut meta: BTreeMap<String, extract::SourceMeta> = toml::from_str(&meta_text)
        .unwrap_or_else(|e| panic!("corpus/metadata.toml is not valid: {e}"));

    let mut paths: Vec<_> = std::fs::read_dir(corpus_dir)
        .expect("the corpus folder exists")
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
        println!("cargo:warning=corpus/metadata.toml describes {unused}, which is not in corpus/");
    }

    let corpus = extract::extract(&sources);
    let bytes = postcard::to_allocvec(&corpus).expect("the corpus serialises");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.postcard");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
