//! Idempotent set-up: finds each tool the build and tests need, installs only what is missing.
//!
//! Every check is a cheap `--version` call, so a second run on a prepared machine takes about
//! a second. Installs come only from the package registries (crates.io, npm, Debian apt):
//! nothing is downloaded from anywhere else, and trunk runs offline.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::run::{root, Cmd};

/// The trunk release this project builds with; trunk 0.22 needs a newer rustc than ours.
const TRUNK_VERSION: &str = "0.21.14";
/// The cargo-fuzz release that fuzzes the extractor in `cargo xtask test`.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The npm `binaryen` release that provides wasm-opt (Debian's is too old for current rustc).
const BINARYEN_VERSION: &str = "132.0.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// What the caller is about to do, and so which tools it needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building the app: the wasm target, trunk, wasm-bindgen and wasm-opt.
    Build,
    /// Building and testing: also Chromium, chromedriver and cargo-fuzz.
    All,
}

/// Where the tools are.
pub struct Tools {
    /// `PATH` with the project's tool folders first.
    pub path: OsString,
    /// chromedriver, when [`Needs::All`].
    pub chromedriver: Option<PathBuf>,
}

/// Checks every tool in `needs`, installs what is missing, and reports what it did.
pub fn setup(needs: Needs) -> Result<Tools, String> {
    let path = tool_path()?;
    let mut installed = Vec::new();
    let mut present = Vec::new();

    ensure_wasm_target(&mut installed, &mut present)?;
    ensure_trunk(&path, &mut installed, &mut present)?;
    ensure_wasm_bindgen(&path, &mut installed, &mut present)?;
    ensure_wasm_opt(&path, &mut installed, &mut present)?;
    let chromedriver = if needs == Needs::All {
        ensure_cargo_fuzz(&path, &mut installed, &mut present)?;
        Some(ensure_chromium(&path, &mut installed, &mut present)?)
    } else {
        None
    };

    if installed.is_empty() {
        println!("setup: all present ({})", present.join(", "));
    } else {
        println!(
            "setup: installed {}; already present: {}",
            installed.join(", "),
            if present.is_empty() {
                "nothing".to_owned()
            } else {
                present.join(", ")
            }
        );
    }
    Ok(Tools { path, chromedriver })
}

/// `PATH` with the wasm-opt folder and cargo's bin folder first, so the tools installed here
/// win over older system copies (Debian's wasm-opt 108, say).
fn tool_path() -> Result<OsString, String> {
    let mut dirs = vec![
        binaryen_dir().join("node_modules").join(".bin"),
        cargo_home().join("bin"),
    ];
    if let Some(existing) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// A per-user cache folder for wasm-opt, outside the work tree so fresh clones reuse it.
fn binaryen_dir() -> PathBuf {
    cache_dir().join(format!("binaryen-{BINARYEN_VERSION}"))
}

/// The per-user cache folder for tools installed from npm (`~/.cache/metricscope`).
pub fn cache_dir() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| root().join("target"));
    cache.join("metricscope")
}

fn ensure_wasm_target(
    installed: &mut Vec<String>,
    present: &mut Vec<String>,
) -> Result<(), String> {
    let targets = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .ok_or("rustup is not available: install Rust with rustup first (https://rustup.rs)")?;
    if targets.lines().any(|t| t.trim() == WASM_TARGET) {
        present.push(format!("{WASM_TARGET} target"));
        return Ok(());
    }
    Cmd::new("rustup")
        .args(["target", "add", WASM_TARGET])
        .status()?;
    installed.push(format!("{WASM_TARGET} target"));
    Ok(())
}

fn ensure_trunk(
    path: &OsString,
    installed: &mut Vec<String>,
    present: &mut Vec<String>,
) -> Result<(), String> {
    let want = format!("trunk {TRUNK_VERSION}");
    if version_of("trunk", path).as_deref() == Some(want.as_str()) {
        present.push(want);
        return Ok(());
    }
    println!("setup: installing {want} (takes about 9 minutes on 2 cores, once per machine)");
    Cmd::new("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .status()?;
    installed.push(want);
    Ok(())
}

fn ensure_wasm_bindgen(
    path: &OsString,
    installed: &mut Vec<String>,
    present: &mut Vec<String>,
) -> Result<(), String> {
    let version = locked_version("wasm-bindgen")?;
    let want = format!("wasm-bindgen {version}");
    let runner_ok =
        version_of("wasm-bindgen-test-runner", path).is_some_and(|v| v.ends_with(version.as_str()));
    if version_of("wasm-bindgen", path).as_deref() == Some(want.as_str()) && runner_ok {
        present.push(format!("wasm-bindgen-cli {version}"));
        return Ok(());
    }
    println!("setup: installing wasm-bindgen-cli {version} (takes about 5 minutes on 2 cores, once per machine)");
    // Not `--locked`: the crate's lock file names a dependency version that the registry no
    // longer serves, so a locked install fails. The CLI itself is pinned with `--version`.
    Cmd::new("cargo")
        .args(["install", "wasm-bindgen-cli", "--version", &version])
        .status()?;
    installed.push(format!("wasm-bindgen-cli {version}"));
    Ok(())
}

fn ensure_cargo_fuzz(
    path: &OsString,
    installed: &mut Vec<String>,
    present: &mut Vec<String>,
) -> Result<(), String> {
    let want = format!("cargo-fuzz {CARGO_FUZZ_VERSION}");
    let found = Cmd::new("cargo")
        .args(["fuzz", "--version"])
        .path(path)
        .output();
    if found.as_deref() == Some(want.as_str()) {
        present.push(want);
        return Ok(());
    }
    println!("setup: installing {want} (about 2 minutes on 2 cores, once per machine)");
    Cmd::new("cargo")
        .args([
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ])
        .path(path)
        .status()?;
    installed.push(want);
    Ok(())
}

fn ensure_wasm_opt(
    path: &OsString,
    installed: &mut Vec<String>,
    present: &mut Vec<String>,
) -> Result<(), String> {
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    let want = format!("wasm-opt {major}");
    let dir = binaryen_dir();
    let bin = dir.join("node_modules").join(".bin").join("wasm-opt");
    let ok = |v: Option<String>| v.is_some_and(|v| v.contains(&format!("version {major}")));
    if ok(version_of(&bin, path)) {
        present.push(want);
        return Ok(());
    }
    if Cmd::new("npm").arg_version().output().is_none() {
        return Err(missing_system_package(
            "npm",
            "the npm package binaryen (wasm-opt)",
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Cmd::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
        ])
        .args([&dir])
        .args([format!("binaryen@{BINARYEN_VERSION}")])
        .status()?;
    if !ok(version_of(&bin, path)) {
        return Err(format!(
            "installed binaryen, but {} does not report version {major}",
            bin.display()
        ));
    }
    installed.push(want);
    Ok(())
}

/// Finds Chromium and its driver, installing both through apt when running as root.
fn ensure_chromium(
    path: &OsString,
    installed: &mut Vec<String>,
    present: &mut Vec<String>,
) -> Result<PathBuf, String> {
    let find = || {
        let browser = ["chromium", "chromium-browser"]
            .into_iter()
            .find_map(|b| version_of(b, path));
        let driver = which("chromedriver", path);
        (browser, driver)
    };
    let (mut browser, mut driver) = find();
    if browser.is_none() || driver.is_none() {
        if !is_root() {
            return Err(missing_system_package(
                "chromium chromium-driver",
                "Chromium and chromedriver",
            ));
        }
        println!("setup: installing Chromium and chromedriver with apt");
        Cmd::new("apt-get").args(["update", "-qq"]).status()?;
        Cmd::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
                "fonts-dejavu-core",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()?;
        (browser, driver) = find();
        installed.push("chromium and chromium-driver".to_owned());
    } else {
        present.push(browser.clone().unwrap_or_default());
    }
    let (Some(browser), Some(driver)) = (browser, driver) else {
        return Err("Chromium or chromedriver is still missing after installing them".to_owned());
    };
    let driver_version = version_of(&driver, path).unwrap_or_default();
    let major = |v: &str| {
        v.split_whitespace()
            .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .and_then(|w| w.split('.').next())
            .map(str::to_owned)
    };
    if major(&browser) != major(&driver_version) {
        return Err(format!(
            "{browser} and {driver_version} differ in major version; install matching packages: apt-get install chromium chromium-driver"
        ));
    }
    Ok(driver)
}

fn missing_system_package(packages: &str, what: &str) -> String {
    format!("{what} missing and this is not root, so it cannot be installed here. Run:\n    sudo apt-get install -y {packages}\nthen run this command again.")
}

fn is_root() -> bool {
    Cmd::new("id").args(["-u"]).output().as_deref() == Some("0")
}

/// The first line of `program --version`, or `None` when it is not there.
fn version_of(program: impl AsRef<std::ffi::OsStr>, path: &OsString) -> Option<String> {
    let program = program.as_ref();
    let resolved = if Path::new(program).is_absolute() {
        PathBuf::from(program)
    } else {
        which(program, path)?
    };
    Cmd::new(resolved)
        .arg_version()
        .path(path)
        .output()
        .and_then(|out| out.lines().next().map(str::to_owned))
}

/// Looks `program` up in `path`.
fn which(program: impl AsRef<std::ffi::OsStr>, path: &OsString) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|dir| dir.join(program.as_ref()))
        .find(|candidate| candidate.is_file())
}

/// The version of `package` that Cargo.lock resolved.
fn locked_version(package: &str) -> Result<String, String> {
    let lock_path = root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            if let Some(version) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

impl Cmd {
    fn arg_version(self) -> Self {
        self.args(["--version"])
    }
}
