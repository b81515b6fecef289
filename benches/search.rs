//! Search and editing on a catalogue of 1,000,000 photos.
//!
//! `cargo bench --bench search` makes a synthetic archive once (cached under
//! target/bench-data): captions in Czech, Slovak, Russian and English,
//! photographers' names with diacritics, a keyword hierarchy, partial
//! depicted dates, ratings, flags and labels. Then it prints:
//!
//! - 20 representative queries (plain words, accent-folded, prefix,
//!   phrase, field filters, keywords with their subtrees, date ranges,
//!   curation, combined): the median and p95 over all runs, for the first
//!   screenful (200 results, as `search --limit 200` and the first page of
//!   a list) and for every result (as the desktop app loads the whole
//!   result's ids);
//! - facet counts for the current result;
//! - a rating change on one photo; a caption edit on 10,000 photos chosen
//!   in descending order, as a selection sorted by another column arrives
//!   (each recorded in the edit history and the search index, as a user's);
//! - broad queries after those edits, before and after `optimize`;
//! - the same archive with 20,000 sources and 2,000,000 claims (cached
//!   beside it): opening it against opening the archive without them,
//!   queries on claims (`disputed:`, `disputed:date`, `cites:WORDS`,
//!   `cites:ID`, `certainty:`, `unsourced:`, and those with other filters),
//!   and adding a claim to one photo and to 10,000.
//!
//! - opening the archive and its first query, reading every photo's
//!   search columns and from the columns saved beside it;
//! - `kartoteka search --paths --limit 200 QUERY` as a whole process, cold
//!   (files dropped from the system's cache) and warm;
//! - another process's edit of one photo (the command line's `edit`), to
//!   the open catalogue's next query showing it, and how many photo rows
//!   that query re-read.
//!
//! Each run works on a fresh copy of the cached archive, so that one run's
//! edits do not slow the next. `KARTOTEKA_BENCH=claims` runs only the part
//! with claims; `KARTOTEKA_BENCH=desk` only opening, the command line and
//! another process's edit; `KARTOTEKA_BENCH=edits` only the rating and the
//! caption edit; `KARTOTEKA_BENCH=queries` only the queries.
//!
//! Targets on 2 cores: query median at most 5 ms and p95 at most 15 ms;
//! facets at most 50 ms; one rating at most 1 ms; 10,000-photo edit at
//! most 0.5 s; the command line at most 0.5 s cold and 0.3 s warm; another
//! process's edit visible within 0.1 s; claim queries at most 10 ms
//! (p95 30 ms); a claim on one photo at most 5 ms, on 10,000 at most 1 s;
//! opening with claims at most 10 % slower.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::archive::{CAPTIONS, FAMILY, GARRISONS, GIVEN, Rng};
use kartoteka::catalog::{Attribution, Catalogue, Certainty, Edit, SortKey, SourceRecord, Tidy};
use kartoteka::photo::{Attribute, Field, PhotoId};
use serde_json::Value;

const PHOTOS: usize = 1_000_000;
const RUNS: usize = 7;
const SCREENFUL: usize = 200;

/// Sources in the archive with claims, and the photos each one's claims
/// are about (20,000 x 50 photos x 2 claims: the source's and the value
/// the photo had, kept as a claim of its own).
const SOURCES: usize = 20_000;
const PHOTOS_PER_SOURCE: usize = 50;

const CLAIM_QUERIES: &[&str] = &[
    "disputed:",
    "disputed:date",
    "disputed:caption",
    "cites:rozhlas",
    "cites:\"rudé právo\" 1991",
    "cites:4711",
    "certainty:possible",
    "unsourced:caption",
    "disputed:date city:milovice",
    "cites:rozhlas date:1991",
    "disputed: kyndrova",
    "cites:pravda -disputed:city rating:>=3",
];

const QUERIES: &[&str] = &[
    "kyndrova",
    "milovice",
    "dubcek",
    "sedivy vlak",
    "kasár*",
    "kasar*",
    "\"last train\"",
    "армия",
    "gorbacov OR havel",
    "caption:nádraží",
    "creator:kyndrova date:1991",
    "city:olomouc -keyword:convoy",
    "keyword:military",
    "date:1991-06",
    "date:1990..1991 rating:>=3",
    "missing:credit city:zvolen",
    "has:gps flag:pick",
    "label:red rating:5",
    "set:\"Odchod 1991\"",
    "title:posádka person:jurik date:..1990",
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-data/search-1m");
    let made = dir.join("catalogue.kartoteka");
    common::archive::make(&made, PHOTOS, |_, _| {});
    // Brought to this build's schema first: a migration is not an opening.
    drop(Catalogue::open(&made).unwrap());
    // Each run edits a copy, so that runs measure the same catalogue.
    let path = dir.join("work.kartoteka");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(&made, &path).unwrap();
    // KARTOTEKA_BENCH=claims measures only the archive with claims.
    if std::env::var("KARTOTEKA_BENCH").as_deref() == Ok("claims") {
        let claimed = dir.join("claims.kartoteka");
        make_claims(&made, &claimed);
        claims(&made, &claimed, &dir.join("claims-work.kartoteka"));
        return;
    }
    let copy = dir.join("work.search-columns");
    let _ = std::fs::remove_file(&copy);
    let (whole, catalogue) = time(|| {
        let catalogue = Catalogue::open(&path).unwrap();
        catalogue
            .search_text("kyndrova", SortKey::Depicted, Some(SCREENFUL))
            .unwrap();
        catalogue
    });
    println!(
        "Kartoteka search benchmark: {} photos, {RUNS} runs of each query",
        catalogue.photo_count().unwrap()
    );
    drop(catalogue);
    println!(
        "opening the catalogue and the first query, reading every photo's search columns: {whole:.0} ms"
    );
    println!(
        "the same from the columns saved beside it ({:.0} MB), median of 3: {:.0} ms",
        std::fs::metadata(&copy).map_or(0.0, |m| m.len() as f64 / 1e6),
        open_time(&path)
    );
    let mut catalogue = Catalogue::open(&path).unwrap();
    // KARTOTEKA_BENCH=edits measures only the rating and the caption edit,
    // KARTOTEKA_BENCH=queries only the queries.
    match std::env::var("KARTOTEKA_BENCH").as_deref() {
        Ok("edits") => return edits(&mut catalogue),
        Ok("queries") => {
            let (screen, all) = queries(&catalogue);
            report("queries, first 200 results", &screen, 5.0, 15.0);
            report("queries, every result", &all, 5.0, 15.0);
            return;
        }
        _ => {}
    }
    println!();
    command_line(&path, &copy);
    println!();
    change_latency(&catalogue, &path);
    // KARTOTEKA_BENCH=desk stops here: opening, the command line and
    // another process's change.
    if std::env::var("KARTOTEKA_BENCH").as_deref() == Ok("desk") {
        return;
    }

    let (screen, all) = queries(&catalogue);
    println!();
    report("queries, first 200 results", &screen, 5.0, 15.0);
    report("queries, every result", &all, 5.0, 15.0);

    println!();
    facets(&catalogue);
    println!();
    edits(&mut catalogue);
    println!();
    optimize(&mut catalogue);
    drop(catalogue);

    println!();
    let claimed = dir.join("claims.kartoteka");
    make_claims(&made, &claimed);
    claims(&made, &claimed, &dir.join("claims-work.kartoteka"));
}

/// Queries the command line is timed on, as whole processes.
const CLI_QUERIES: &[&str] = &["milovice", "date:1991-06", "kasár*", "keyword:military", ""];

/// `kartoteka search --paths --limit 200 QUERY` as a whole process: cold
/// (the catalogue, its saved columns and the program dropped from the
/// system's file cache first) and warm; and once with no saved columns.
fn command_line(catalogue: &Path, copy: &Path) {
    let program = Path::new(env!("CARGO_BIN_EXE_kartoteka"));
    let run = |query: &str| {
        let (t, out) = time(|| {
            std::process::Command::new(program)
                .arg("--catalog")
                .arg(catalogue)
                .args(["search", "--paths", "--limit", "200", query])
                .output()
                .unwrap()
        });
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
        assert!(lines > 0 && lines <= SCREENFUL, "{query}: {lines} paths");
        t
    };
    let wal = catalogue.with_extension("kartoteka-wal");
    let forget = || {
        for file in [catalogue, &wal, copy, program] {
            forget_cached(file);
        }
    };
    let _ = std::fs::remove_file(copy);
    forget();
    let first = run("milovice");
    println!(
        "command line, `search --paths --limit 200`, with no saved columns yet (cold): {first:.0} ms"
    );
    let (mut cold, mut warm) = (Vec::new(), Vec::new());
    for q in CLI_QUERIES {
        for _ in 0..3 {
            forget();
            cold.push(run(q));
        }
        for _ in 0..RUNS {
            warm.push(run(q));
        }
    }
    let spread = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        (percentile(&v, 0.5), v[0], v[v.len() - 1])
    };
    let (m, lo, hi) = spread(&cold);
    println!(
        "command line, cold: median {m:.0} ms (target 500 ms, ratio {:.2}), runs {lo:.0} to {hi:.0} ms",
        m / 500.0
    );
    let (m, lo, hi) = spread(&warm);
    println!(
        "command line, warm: median {m:.0} ms (target 300 ms, ratio {:.2}), runs {lo:.0} to {hi:.0} ms",
        m / 300.0
    );
}

/// Asks the system to drop a file's pages from its cache, as after a
/// restart (the pages are written first if changed).
fn forget_cached(path: &Path) {
    use std::os::fd::AsRawFd;
    if let Ok(file) = std::fs::File::open(path) {
        // SAFETY: fdatasync and posix_fadvise on a descriptor we own.
        unsafe {
            libc::fdatasync(file.as_raw_fd());
            libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
        }
    }
}

/// Another process rates one photo with the command line; the open
/// catalogue looks for a change as the window's worker does and runs the
/// window's query (every photo, by date). Timed from the other process's
/// end to the query's answer; the window looks every 50 ms, which a change
/// may wait for on top.
fn change_latency(catalogue: &Catalogue, path: &Path) {
    let program = Path::new(env!("CARGO_BIN_EXE_kartoteka"));
    catalogue.search_text("", SortKey::Depicted, None).unwrap();
    let (mut times, mut reread) = (Vec::new(), Vec::new());
    for i in 0..30usize {
        let id = 1 + i * 33_331;
        let photo = catalogue.photo(PhotoId(id as i64)).unwrap().unwrap();
        // Another rating than the photo has, so that there is a change.
        let (file, rating) = (photo.file.path, photo.curation.rating % 5 + 1);
        let version = catalogue.data_version().unwrap();
        let read_before = catalogue.search_rows_read().unwrap();
        let out = std::process::Command::new(program)
            .arg("--catalog")
            .arg(path)
            .args(["edit", "--rating", &rating.to_string()])
            .arg(format!("path:{}", file.display()))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (t, _) = time(|| {
            assert_ne!(catalogue.data_version().unwrap(), version);
            catalogue.search_text("", SortKey::Depicted, None).unwrap()
        });
        times.push(t);
        reread.push(catalogue.search_rows_read().unwrap() - read_before);
        let rated = catalogue
            .search_text(&format!("rating:{rating}"), SortKey::Imported, None)
            .unwrap();
        assert!(
            rated.iter().any(|h| h.id == PhotoId(id as i64)),
            "the change shows"
        );
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let (median, p95) = (percentile(&sorted, 0.5), percentile(&sorted, 0.95));
    println!(
        "another process's edit of one photo, to the window's query showing it: median {median:.1} ms, p95 {p95:.1} ms, \
         plus up to 50 ms until the window looks (target 100 ms, ratio of p95 + 50 ms {:.2}); \
         photo rows re-read per change: {:?}",
        (p95 + 50.0) / 100.0,
        {
            reread.sort_unstable();
            reread.dedup();
            reread
        }
    );
}

/// Opening a catalogue and its first query, the median of three.
fn open_time(path: &Path) -> f64 {
    median_of(
        (0..3)
            .map(|_| {
                time(|| {
                    Catalogue::open(path)
                        .unwrap()
                        .search_text("kyndrova", SortKey::Depicted, Some(SCREENFUL))
                        .unwrap()
                })
                .0
            })
            .collect(),
    )
}

fn claims(without: &Path, with: &Path, work: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
    }
    // The cached archives are brought to this build's schema first (a
    // migration is not an opening), and the copy is put on disk, so that
    // neither runs under the measurements.
    drop(Catalogue::open(without).unwrap());
    drop(Catalogue::open(with).unwrap());
    std::fs::copy(with, work).unwrap();
    std::fs::File::open(work).unwrap().sync_all().unwrap();
    let plain = open_time(without);
    let claimed = open_time(work);
    let mut catalogue = Catalogue::open(work).unwrap();
    println!(
        "with {} sources and {} claims:",
        catalogue.sources().unwrap().len(),
        claim_count(work)
    );
    println!(
        "opening and the first query: {claimed:.0} ms, without claims {plain:.0} ms (ratio {:.2}, target at most 1.10)",
        claimed / plain
    );
    let mut times = Vec::new();
    println!("{:<42} {:>9} {:>11}", "query", "results", "first 200");
    for q in CLAIM_QUERIES {
        let hits = catalogue.search_text(q, SortKey::Depicted, None).unwrap();
        let t: Vec<f64> = (0..RUNS)
            .map(|_| {
                time(|| {
                    catalogue
                        .search_text(q, SortKey::Depicted, Some(SCREENFUL))
                        .unwrap()
                })
                .0
            })
            .collect();
        println!(
            "{:<42} {:>9} {:>8.1} ms",
            q,
            hits.len(),
            median_of(t.clone())
        );
        times.extend(t);
    }
    report("claim queries, first 200 results", &times, 10.0, 30.0);

    let source = Attribution {
        source: Some(4711),
        locator: Some("p. 3".into()),
        certainty: Some(Certainty::Probable),
        note: None,
    };
    let one: Vec<f64> = (0..20)
        .map(|i| {
            let photo = PhotoId(1 + i * 4_999);
            let value = Value::from(format!("Posádka odjíždí, verze {i}"));
            time(|| {
                catalogue
                    .add_claims(&[photo], "caption", &value, &source, false, false)
                    .unwrap()
            })
            .0
        })
        .collect();
    let m = median_of(one);
    println!(
        "a claim on one photo: median {m:.2} ms (target 5 ms, ratio {:.2})",
        m / 5.0
    );
    let many: Vec<f64> = (0..5)
        .map(|i| {
            let ids: Vec<PhotoId> = (0..10_000).map(|j| PhotoId(1 + j * 89 + i)).collect();
            let value = Value::from(format!("1991-06-2{i}"));
            time(|| {
                let report = catalogue
                    .add_claims(&ids, "date_created", &value, &source, false, false)
                    .unwrap();
                assert_eq!(report.photos, ids.len());
            })
            .0
        })
        .collect();
    let runs: Vec<String> = many.iter().map(|t| format!("{:.2}", t / 1000.0)).collect();
    let m = median_of(many);
    println!(
        "a claim on 10,000 photos: median {:.2} s, runs {} s in turn (target 1 s, ratio {:.2})",
        m / 1000.0,
        runs.join(", "),
        m / 1000.0
    );
}

fn claim_count(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM claim", [], |r| r.get(0))
        .unwrap()
}

const OUTLETS: &[&str] = &[
    "Český rozhlas",
    "Rudé právo",
    "Pravda",
    "Lidové noviny",
    "Mladá fronta DNES",
    "Národná obroda",
    "Известия",
    "Červené právo",
    "ČTK",
    "Svobodné slovo",
];

/// The archive with sources and claims, made once from the archive
/// without them and cached beside it.
fn make_claims(from: &Path, path: &Path) {
    // Written when the claims are all in: a run stopped half-way starts again.
    let done = path.with_extension("done");
    if done.exists() && path.exists() {
        return;
    }
    let started = Instant::now();
    println!(
        "adding {SOURCES} sources and their claims (once; cached in {})",
        path.display()
    );
    let _ = std::fs::remove_file(&done);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(from, path).unwrap();
    let mut catalogue = Catalogue::open(path).unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let records: Vec<SourceRecord> = (0..SOURCES)
        .map(|i| {
            let outlet = rng.pick(OUTLETS);
            let year = 1990 + rng.below(32);
            let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
            SourceRecord {
                citation: format!("{outlet}, {date} ({i})"),
                title: Some(format!("{} {}", rng.pick(CAPTIONS), i)),
                authors: vec![format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))],
                publisher: Some(outlet.to_owned()),
                date: Some(date),
                ..SourceRecord::default()
            }
        })
        .collect();
    let (took, (ids, _)) = time(|| catalogue.import_sources(&records).unwrap());
    println!(
        "  {SOURCES} sources imported as one operation in {:.2} s",
        took / 1000.0
    );
    for (i, &source) in ids.iter().enumerate() {
        let photos: Vec<PhotoId> = (0..PHOTOS_PER_SOURCE)
            .map(|j| PhotoId(1 + (i * PHOTOS_PER_SOURCE + j) as i64))
            .collect();
        let (field, value) = match i % 3 {
            0 => ("date_created", format!("{}", 1989 + rng.below(4))),
            1 => ("city", rng.pick(GARRISONS).to_owned()),
            _ => (
                "caption",
                format!(
                    "Podle zdroje {i}: odsun {} vojáků",
                    73_500 + rng.below(1_500)
                ),
            ),
        };
        let certainty = [
            None,
            Some(Certainty::Certain),
            Some(Certainty::Probable),
            Some(Certainty::Possible),
        ][rng.below(4)];
        let attribution = Attribution {
            source: Some(source),
            locator: Some(format!("s. {}", 1 + rng.below(40))),
            certainty,
            note: None,
        };
        catalogue
            .add_claims(
                &photos,
                field,
                &Value::from(value),
                &attribution,
                false,
                false,
            )
            .unwrap();
        if (i + 1) % 5_000 == 0 {
            println!(
                "  {} sources, {:.0} s",
                i + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    catalogue.optimize().unwrap();
    std::fs::write(&done, "").unwrap();
    println!("  made in {:.0} s", started.elapsed().as_secs_f64());
}

/// Broad queries after the edits above, before and after optimizing.
fn optimize(catalogue: &mut Catalogue) {
    let broad = ["kyndrova", "kasar*", "\"last train\"", "армия"];
    let median = |catalogue: &Catalogue| {
        let times: Vec<f64> = broad
            .iter()
            .flat_map(|q| {
                (0..RUNS).map(move |_| {
                    time(|| catalogue.search_text(q, SortKey::Depicted, Some(SCREENFUL))).0
                })
            })
            .collect();
        median_of(times)
    };
    let before = median(catalogue);
    let (took, _) = time(|| catalogue.optimize().unwrap());
    let after = median(catalogue);
    println!(
        "broad queries after those edits: median {before:.1} ms; optimizing the catalogue took {:.1} s; then median {after:.1} ms",
        took / 1000.0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn median_of(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(&v, 0.5)
}

fn time<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let started = Instant::now();
    let out = f();
    (ms(started.elapsed()), out)
}

/// Every query RUNS times, limited and not; returns all timings.
fn queries(catalogue: &Catalogue) -> (Vec<f64>, Vec<f64>) {
    let (mut screen, mut all) = (Vec::new(), Vec::new());
    println!(
        "{:<42} {:>9} {:>11} {:>11}",
        "query", "results", "first 200", "all"
    );
    // KARTOTEKA_BENCH_QUERY=WORDS times only the queries holding WORDS, and
    // each many times over (for a profiler).
    let only = std::env::var("KARTOTEKA_BENCH_QUERY").ok();
    let runs = if only.is_some() { 20 * RUNS } else { RUNS };
    for q in QUERIES
        .iter()
        .filter(|q| only.as_ref().is_none_or(|only| q.contains(only.as_str())))
    {
        // One run to warm SQLite's page cache, as a session would be.
        let hits = catalogue.search_text(q, SortKey::Depicted, None).unwrap();
        let (mut s, mut a) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let (t, _) = time(|| {
                catalogue
                    .search_text(q, SortKey::Depicted, Some(SCREENFUL))
                    .unwrap()
            });
            s.push(t);
            let (t, _) = time(|| catalogue.search_text(q, SortKey::Depicted, None).unwrap());
            a.push(t);
        }
        println!(
            "{:<42} {:>9} {:>8.1} ms {:>8.1} ms",
            q,
            hits.len(),
            median_of(s.clone()),
            median_of(a.clone())
        );
        screen.extend(s);
        all.extend(a);
    }
    (screen, all)
}

fn report(what: &str, times: &[f64], median_target: f64, p95_target: f64) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = percentile(&sorted, 0.5);
    let p95 = percentile(&sorted, 0.95);
    println!(
        "{what}: median {median:.1} ms (target {median_target} ms, ratio {:.2}), p95 {p95:.1} ms (target {p95_target} ms, ratio {:.2})",
        median / median_target,
        p95 / p95_target
    );
}

fn facets(catalogue: &Catalogue) {
    let mut all = Vec::new();
    for q in ["", "milovice", "date:1991", "keyword:military", "kyndrova"] {
        let parsed = kartoteka::search::parse(q).unwrap();
        catalogue.facets(&parsed).unwrap();
        let times: Vec<f64> = (0..RUNS)
            .map(|_| time(|| catalogue.facets(&parsed).unwrap()).0)
            .collect();
        let m = median_of(times.clone());
        println!("facets for {:<28} median {m:>7.1} ms", format!("{q:?}"));
        all.extend(times);
    }
    let mut sorted = all;
    sorted.sort_by(f64::total_cmp);
    let median = percentile(&sorted, 0.5);
    let worst = sorted[sorted.len() - 1];
    println!(
        "facets: median {median:.1} ms (target 50 ms, ratio {:.2}), slowest {worst:.1} ms",
        median / 50.0
    );
}

fn edits(catalogue: &mut Catalogue) {
    let one = PhotoId(PHOTOS as i64 / 2);
    let (times, after): (Vec<f64>, Vec<f64>) = (0..20)
        .map(|i| {
            let rating = Value::from(1 + i % 5);
            let edit = [Edit::Set(Attribute::Rating, rating)];
            let (rated, _) = time(|| catalogue.edit(&[one], &edit, "edit", false).unwrap());
            // The next query takes the change into the search columns.
            let (query, _) = time(|| {
                catalogue
                    .search_text("rating:>=3", SortKey::Depicted, Some(SCREENFUL))
                    .unwrap()
            });
            (rated, query)
        })
        .unzip();
    let m = median_of(times);
    println!(
        "rating one photo: median {m:.2} ms (target 1 ms, ratio {:.2}); the query after it: median {:.1} ms",
        m / 1.0,
        median_of(after)
    );

    // A selection arrives in the order the grid shows it, not by id.
    let ids: Vec<PhotoId> = (0..10_000).rev().map(|i| PhotoId(1 + i * 97)).collect();
    let mut merges = Vec::new();
    let mut longest_step: f64 = 0.0;
    let times: Vec<f64> = (0..5)
        .map(|i| {
            let caption = Value::from(format!(
                "Odchod sovětských vojsk z Milovic, červen 1991 (revize {i})."
            ));
            let (edited, _) = time(|| {
                let report = catalogue
                    .edit(
                        &ids,
                        &[Edit::Set(Attribute::Field(Field::Caption), caption)],
                        "edit",
                        false,
                    )
                    .unwrap();
                assert_eq!(report.photos, ids.len());
            });
            // Then the index's merging, a step at a time, as the window's
            // catalogue thread does it while nothing else is asked of it.
            let (merged, _) = time(|| {
                loop {
                    let (step, tidy) = time(|| catalogue.tidy_search_index().unwrap());
                    longest_step = longest_step.max(step);
                    if tidy != Tidy::MoreToDo {
                        break;
                    }
                }
            });
            merges.push(merged);
            edited
        })
        .collect();
    let runs: Vec<String> = times.iter().map(|t| format!("{:.2}", t / 1000.0)).collect();
    let m = median_of(times);
    println!(
        "caption edit on 10,000 photos: median {:.2} s (target 0.5 s, ratio {:.2}); runs {} s",
        m / 1000.0,
        m / 500.0,
        runs.join(", ")
    );
    println!(
        "  then the full-text index merged off the edit, between commands: median {:.2} s, \
         longest step {longest_step:.0} ms",
        median_of(merges) / 1000.0
    );
}
