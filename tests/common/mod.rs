//! Helpers for tests that run the real `kartoteka` binary on real files,
//! each in a temporary folder with its own catalogue.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The shared corpus of real photographs, when this checkout sits beside it.
/// Tests that need it say so and pass when it is absent.
pub fn shared_corpus(test: &str) -> Option<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if corpus.is_dir() {
        Some(corpus.canonicalize().unwrap())
    } else {
        eprintln!("skipping {test}: ../shared/corpus is not here");
        None
    }
}

pub struct Env {
    pub dir: tempfile::TempDir,
    pub catalog: PathBuf,
}

impl Env {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("test.kartoteka");
        Self { dir, catalog }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `kartoteka --catalog <this env's catalogue>`
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kartoteka"));
        cmd.arg("--catalog")
            .arg(&self.catalog)
            .env_remove("KARTOTEKA_CATALOG");
        cmd
    }

    /// Runs a command and returns its output, whatever the exit code.
    pub fn run<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd().args(args).output().unwrap()
    }

    /// Runs a command that must succeed; returns stdout.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "kartoteka failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn import(&self, paths: &[&Path]) -> Output {
        let mut cmd = self.cmd();
        cmd.arg("import").args(paths);
        cmd.output().unwrap()
    }

    pub fn list(&self) -> Vec<Value> {
        serde_json::from_str::<Value>(&self.ok(["list", "--json"]))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    pub fn show(&self, which: &str) -> Value {
        serde_json::from_str(&self.ok(["show", which, "--json"])).unwrap()
    }

    /// Copies fixture files (relative to tests/fixtures) into `subdir` of the
    /// temporary folder; returns that folder.
    pub fn copy_fixtures(&self, subdir: &str, files: &[&str]) -> PathBuf {
        let to = self.path(subdir);
        std::fs::create_dir_all(&to).unwrap();
        for f in files {
            let from = fixtures().join(f);
            std::fs::copy(&from, to.join(from.file_name().unwrap())).unwrap();
        }
        to
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The names of the files in a folder, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// The photo in a `list --json` result whose file name is `name`.
pub fn by_name<'a>(photos: &'a [Value], name: &str) -> &'a Value {
    photos
        .iter()
        .find(|p| p["path"].as_str().unwrap().ends_with(&format!("/{name}")))
        .unwrap_or_else(|| panic!("{name} is not in the catalogue"))
}
