//! The extractor's fuzz step for `cargo xtask test`: cargo-fuzz on `crates/extract/fuzz` for
//! a short while.
//!
//! cargo-fuzz needs nightly compiler flags; `RUSTC_BOOTSTRAP=1` enables them on the stable
//! toolchain.

use std::ffi::OsString;
use std::path::Path;

use crate::run::Cmd;

/// How long the fuzzer runs in `cargo xtask test`.
const FUZZ_SECONDS: u32 = 20;

/// The command that fuzzes the extractor for [`FUZZ_SECONDS`]; `cargo xtask setup` installs
/// cargo-fuzz.
pub fn command(path: &OsString, root: &Path) -> Cmd {
    Cmd::new("cargo")
        .args([
            "fuzz",
            "run",
            "--fuzz-dir",
            "crates/extract/fuzz",
            "extract",
            "--",
            &format!("-max_total_time={FUZZ_SECONDS}"),
        ])
        .env("RUSTC_BOOTSTRAP", "1")
        .path(path)
        .cwd(root)
}
