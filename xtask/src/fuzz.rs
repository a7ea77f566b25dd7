//! The extractor's fuzz step for `cargo xtask test`: cargo-fuzz on `crates/extract/fuzz` for
//! a short while.
//!
//! cargo-fuzz needs nightly compiler flags; `RUSTC_BOOTSTRAP=1` enables them on the stable
//! toolchain. cargo-fuzz is installed on first use.

use std::ffi::OsString;
use std::path::Path;

use crate::run::Cmd;

/// How long the fuzzer runs in `cargo xtask test`.
const FUZZ_SECONDS: u32 = 20;

/// The command that fuzzes the extractor for [`FUZZ_SECONDS`], installing cargo-fuzz first if
/// it is missing.
pub fn command(path: &OsString, root: &Path) -> Result<Cmd, String> {
    let installed = Cmd::new("cargo")
        .args(["fuzz", "--version"])
        .path(path)
        .output()
        .is_some();
    if !installed {
        Cmd::new("cargo")
            .args(["install", "cargo-fuzz"])
            .path(path)
            .status()?;
    }
    Ok(Cmd::new("cargo")
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
        .cwd(root))
}
