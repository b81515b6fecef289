//! Killing an import at any moment leaves a sound catalogue that holds only
//! whole photo records, and the same import run again finishes the job.

mod common;

use std::collections::BTreeMap;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Env, fixtures, stderr};
use serde_json::Value;

const SOURCES: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/treaty-signing.jpg",
    "orientation/landscape_6.jpg",
];
const COPIES: usize = 30;

/// Photos by path, without the id (which depends on import order).
fn by_path(photos: Vec<Value>) -> BTreeMap<String, Value> {
    photos
        .into_iter()
        .map(|mut p| {
            p.as_object_mut().unwrap().remove("id");
            (p["path"].as_str().unwrap().to_owned(), p)
        })
        .collect()
}

/// A tiny deterministic generator, so a failing run can be repeated from its seed.
struct Lcg(u64);

impl Lcg {
    fn next_below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn killing_an_import_never_leaves_half_a_photo() {
    let shared = Env::new();
    let folder = shared.path("incoming");
    std::fs::create_dir_all(&folder).unwrap();
    // Distinct content per copy: bytes after the JPEG end marker are ignored
    // by readers but change the hash.
    for copy in 0..COPIES {
        for source in SOURCES {
            let mut bytes = std::fs::read(fixtures().join(source)).unwrap();
            bytes.extend_from_slice(format!("copy {copy}").as_bytes());
            let name = source.rsplit('/').next().unwrap();
            std::fs::write(folder.join(format!("{copy:02}-{name}")), bytes).unwrap();
        }
    }
    let total = COPIES * SOURCES.len();

    let reference = Env::new();
    let started = Instant::now();
    let out = reference.import(&[&folder]);
    assert!(out.status.success(), "{}", stderr(&out));
    let full_run = started.elapsed();
    let want = by_path(reference.list());
    assert_eq!(want.len(), total);

    let seed = common::seed("crash test");
    let mut rng = Lcg(seed);
    eprintln!("a full import takes {full_run:?}");
    const ROUNDS: u64 = 6;
    // Each round: when it was killed and how many photos it had stored.
    let mut outcomes: Vec<(Duration, usize)> = Vec::new();
    let slice = full_run.as_millis() as u64 / ROUNDS + 1;
    let mut round = 0u64;
    loop {
        // One kill point in each sixth of the run, start-up included; then,
        // if no round was killed in the middle of storing (a loaded machine
        // runs slower than the reference did), kill points between the
        // latest round that stored nothing and the earliest that stored all.
        let kill_after = if round < ROUNDS {
            Duration::from_millis(round * slice + rng.next_below(slice))
        } else {
            let before = outcomes
                .iter()
                .filter(|(_, n)| *n == 0)
                .map(|(t, _)| *t)
                .max()
                .unwrap_or_default();
            let after = outcomes
                .iter()
                .filter(|(_, n)| *n == total)
                .map(|(t, _)| *t)
                .min()
                .unwrap_or(full_run * 2);
            (before + after) / 2
        };
        let stored = crash_round(&folder, &want, total, round, kill_after);
        outcomes.push((kill_after, stored));
        round += 1;
        let mid_import = outcomes
            .iter()
            .filter(|(_, n)| *n > 0 && *n < total)
            .count();
        if round >= ROUNDS && (mid_import > 0 || round >= ROUNDS + 8) {
            break;
        }
    }
    // The test proves something only if some import really was killed
    // half way through storing.
    let mid_import = outcomes
        .iter()
        .filter(|(_, n)| *n > 0 && *n < total)
        .count();
    assert!(
        mid_import > 0,
        "no round was killed in the middle of an import: {outcomes:?} (seed {seed})"
    );
}

/// One import killed after `kill_after`, checked, and finished; returns how
/// many photos the killed import had stored.
fn crash_round(
    folder: &std::path::Path,
    want: &BTreeMap<String, Value>,
    total: usize,
    round: u64,
    kill_after: Duration,
) -> usize {
    let env = Env::new();
    let mut child = env
        .cmd()
        .arg("import")
        .arg(folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(kill_after);
    child.kill().unwrap(); // SIGKILL: no destructor, no flush, no goodbye
    child.wait().unwrap();

    let mut stored = 0;
    if env.catalog.exists() {
        let conn = rusqlite::Connection::open(&env.catalog).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}, killed after {kill_after:?}");
        let broken_links: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken_links, 0, "round {round}");
        drop(conn);

        // Whatever made it in is whole: equal to the same photo from an
        // uninterrupted import, keywords and all.
        let partial = by_path(env.list());
        for (path, photo) in &partial {
            assert_eq!(
                Some(photo),
                want.get(path),
                "round {round}, killed after {kill_after:?}: {path} is incomplete"
            );
        }
        stored = partial.len();
        eprintln!("round {round}: killed after {kill_after:?} with {stored} of {total} stored");
    } else {
        eprintln!("round {round}: killed after {kill_after:?}, before the catalogue was created");
    }

    // Running the same import again finishes the job.
    let out = env.import(&[folder]);
    assert!(out.status.success(), "round {round}: {}", stderr(&out));
    assert_eq!(&by_path(env.list()), want, "round {round}");
    stored
}
