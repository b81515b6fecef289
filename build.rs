//! Writes the licences of every crate compiled into Kartoteka, for Help >
//! About, from Cargo's own metadata (no network: the crates are already
//! here to be compiled). Only what is linked into the program counts:
//! normal dependencies for the platform built for, without build scripts'
//! dependencies, test-only crates or procedural macros.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=build.rs");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"))
        .join("Cargo.toml");
    let target = std::env::var("TARGET").expect("set by cargo");
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", &target])
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .expect("cargo metadata could not run");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata wrote JSON");

    let packages: HashMap<&str, &serde_json::Value> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: HashMap<&str, &serde_json::Value> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve")
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let root = metadata["resolve"]["root"]
        .as_str()
        .expect("a root package");
    let proc_macro = |id: &str| {
        packages[id]["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|t| {
                t["kind"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|k| k == "proc-macro")
            })
    };

    // Walk the normal dependencies from Kartoteka itself.
    let mut seen = HashSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            let Some(pkg) = dep["pkg"].as_str() else {
                continue;
            };
            if normal && !proc_macro(pkg) && seen.insert(pkg) {
                stack.push(pkg);
            }
        }
    }
    let lines: BTreeSet<String> = seen
        .iter()
        .map(|id| {
            let p = packages[id];
            let licence = p["license"]
                .as_str()
                .map(str::to_owned)
                .or_else(|| p["license_file"].as_str().map(|f| format!("see {f}")))
                .unwrap_or_else(|| "not stated".to_owned());
            format!(
                "{}\t{}\t{}",
                p["name"].as_str().unwrap_or("?"),
                p["version"].as_str().unwrap_or("?"),
                licence
            )
        })
        .collect();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"))
        .join("dependency-licences.tsv");
    let mut text = String::new();
    for line in &lines {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(&out, text).expect("OUT_DIR is writable");
}
