//! `kartoteka backup` and `kartoteka restore`, run as a user runs them, on
//! catalogues that other processes are writing to.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use kartoteka::catalog::Catalogue;
use kartoteka::catalog::backup;

/// A catalogue of some megabytes (a large keyword vocabulary), so that a
/// backup copies it in many steps rather than one.
fn large_catalogue(env: &common::Env) {
    let mut list = String::new();
    for group in 0..100 {
        list.push_str(&format!("Group {group:03} of the archive's subjects\n"));
        for k in 0..100 {
            list.push_str(&format!(
                "\tSubject {group:03}-{k:03}, a keyword with a long name\n"
            ));
        }
    }
    let file = env.path("vocabulary.txt");
    std::fs::write(&file, list).unwrap();
    env.ok([
        Path::new("keywords").as_os_str(),
        "import".as_ref(),
        file.as_os_str(),
    ]);
}

/// The names of the exhibition sets a catalogue holds.
fn sets(path: &Path) -> Vec<String> {
    Catalogue::open(path)
        .unwrap()
        .sets()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect()
}

/// `wN` for every set `w0`, `w1`, …: the numbers, sorted.
fn written(names: &[String]) -> Vec<usize> {
    let mut numbers: Vec<usize> = names
        .iter()
        .filter_map(|n| n.strip_prefix('w')?.parse().ok())
        .collect();
    numbers.sort();
    numbers
}

fn backups_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "kartoteka"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_backup_taken_while_another_process_writes_is_sound_and_holds_every_committed_change() {
    let env = common::Env::new();
    large_catalogue(&env);
    let size = std::fs::metadata(&env.catalog).unwrap().len()
        + std::fs::metadata(env.catalog.with_extension("kartoteka-wal")).map_or(0, |m| m.len());
    assert!(
        size > 2 << 20,
        "the catalogue is {size} bytes: too small to test"
    );

    // Another process commits one new set after another, w0, w1, …
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let catalogue = env.catalog.clone();
        std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    let status = Command::new(env!("CARGO_BIN_EXE_kartoteka"))
                        .arg("--catalog")
                        .arg(&catalogue)
                        .args(["set", "create", &format!("w{n}")])
                        .output()
                        .unwrap();
                    assert!(status.status.success(), "{}", common::stderr(&status));
                    n += 1;
                }
                n
            })
            .unwrap()
    };
    let folder = env.path("backups");
    let mut checked = 0;
    while checked < 6 {
        // Every change committed before the backup starts must be in it.
        let committed = written(&sets(&env.catalog));
        if committed.is_empty() {
            std::thread::sleep(std::time::Duration::from_millis(20));
            continue;
        }
        let out = env.run(["backup".as_ref(), "--to".as_ref(), folder.as_os_str()]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        assert!(common::stdout(&out).contains("integrity check: ok"));
        let copy = backups_in(&folder).pop().unwrap();
        assert_eq!(
            backup::check(&copy).unwrap(),
            Vec::<String>::new(),
            "the backup passes PRAGMA integrity_check"
        );
        let in_copy = written(&sets(&copy));
        // One instant of the catalogue: w0 … wK with none missing.
        assert_eq!(in_copy, (0..in_copy.len()).collect::<Vec<_>>());
        assert!(
            in_copy.len() >= committed.len(),
            "the backup holds {} sets, {} were committed before it began",
            in_copy.len(),
            committed.len()
        );
        std::fs::remove_file(&copy).unwrap();
        checked += 1;
    }
    stop.store(true, Ordering::Relaxed);
    let total = writer.join().unwrap();
    // The writer went on throughout and lost nothing to the backups.
    assert_eq!(written(&sets(&env.catalog)), (0..total).collect::<Vec<_>>());
}

#[test]
fn backups_are_kept_to_the_number_asked_for() {
    let env = common::Env::new();
    env.ok(["set", "create", "Odchod 1991"]);
    let folder = env.path("backups");
    std::fs::create_dir_all(&folder).unwrap();
    // Two backups from last year, made by hand as Kartoteka names them.
    for stamp in ["2025-01-05-090000", "2025-02-05-090000"] {
        let name = format!("test-{stamp}.kartoteka");
        std::fs::copy(&env.catalog, folder.join(&name)).unwrap();
    }
    let out = env.ok(["backup", "--to", folder.to_str().unwrap(), "--keep", "2"]);
    assert!(
        out.contains("deleted an older backup: ")
            && out.contains("test-2025-01-05-090000.kartoteka"),
        "{out}"
    );
    let left = backups_in(&folder);
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left[0].ends_with("test-2025-02-05-090000.kartoteka"));
    assert_eq!(sets(&left[1]), ["Odchod 1991"]);
    let out = env.run(["backup", "--keep", "0"]);
    assert!(!out.status.success(), "keeping none is refused");
}

#[test]
fn a_backup_goes_beside_the_catalogue_by_default_and_restores_into_a_new_file() {
    let env = common::Env::new();
    env.ok(["set", "create", "Odchod 1991"]);
    let out = env.ok(["backup"]);
    let copy = backups_in(&env.path("Backups")).pop().expect(&out);
    assert!(out.contains(&copy.display().to_string()), "{out}");
    // Work after the backup, then the catalogue is lost.
    env.ok(["set", "create", "After the backup"]);

    // Restoring over the catalogue in use is refused, and it stays as it was.
    let out = env.run([
        "restore".as_ref(),
        copy.as_os_str(),
        "--to".as_ref(),
        env.catalog.as_os_str(),
    ]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("is the catalogue in use"),
        "{}",
        common::stderr(&out)
    );
    assert_eq!(sets(&env.catalog).len(), 2);

    let out = env.ok(["restore".as_ref(), copy.as_os_str()]);
    let restored = env.path(&format!(
        "{}-restored.kartoteka",
        copy.file_stem().unwrap().to_str().unwrap()
    ));
    assert!(out.contains(&restored.display().to_string()), "{out}");
    assert!(
        out.contains("kartoteka --catalog"),
        "says how to open it: {out}"
    );
    assert_eq!(sets(&restored), ["Odchod 1991"]);
    assert_eq!(
        sets(&env.catalog).len(),
        2,
        "the catalogue in use is untouched"
    );

    // A second restore of the same backup gets a new name of its own.
    let out = env.ok(["restore".as_ref(), copy.as_os_str()]);
    assert!(out.contains("-restored-2.kartoteka"), "{out}");

    // Naming an existing file is refused too.
    let out = env.run([
        "restore".as_ref(),
        copy.as_os_str(),
        "--to".as_ref(),
        restored.as_os_str(),
    ]);
    assert!(common::stderr(&out).contains("already exists"));
}

#[test]
fn restoring_works_when_the_catalogue_in_use_is_damaged() {
    let env = common::Env::new();
    env.ok(["set", "create", "Odchod 1991"]);
    env.ok(["backup"]);
    let copy = backups_in(&env.path("Backups")).pop().unwrap();
    std::fs::write(&env.catalog, b"damaged beyond reading").unwrap();
    let out = env.run(["stats"]);
    assert!(!out.status.success());
    let out = env.ok(["restore".as_ref(), copy.as_os_str()]);
    assert!(out.contains("restored"), "{out}");
    assert_eq!(
        std::fs::read(&env.catalog).unwrap(),
        b"damaged beyond reading",
        "the damaged file is left for whoever wants to look at it"
    );
}
