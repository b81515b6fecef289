//! The desktop app on a catalogue of 100,000 photos, or of 1,000,000.
//!
//! `cargo bench --bench ui` makes a synthetic catalogue of 100,000 photos
//! (captions, keywords, dates; 2,000 distinct real thumbnails) once, cached
//! under target/bench-data, then measures:
//!
//! - time to first frame of the real binary, from process start, under
//!   Xvfb when it is installed, when the first results are on screen and
//!   when the sidebar has all its counts; every run, the median and the
//!   spread;
//! - CPU time of the UI thread per frame while the grid scrolls from top to
//!   bottom with thumbnails arriving (layout, texture uploads and
//!   tessellation; the GPU's work is not on this thread), mean and p99;
//! - resident memory after that scroll, and of it the pages of mapped
//!   files (the program and its libraries; SQLite reads the catalogue with
//!   system calls, not through a memory map).
//!
//! `KARTOTEKA_BENCH=1m cargo bench --bench ui` does the same on the search
//! benchmark's archive of 1,000,000 photos (benches/common/archive.rs; made
//! once, cached under target/bench-data/ui-1m, about 1.2 GB), each scroll
//! in a process of its own so that every run starts cold in memory. A
//! million distinct thumbnails would take some 30 GB, so these photos too
//! share 2,000 distinct real thumbnails (the thumbnail store is keyed by
//! content hash; each photo's file exists, empty, so that photos sharing a
//! hash are duplicates rather than one photo that moved). Textures are
//! cached per photo, so the window decodes and uploads as many as with a
//! million distinct ones. The grid scrolls ten times as far per frame, as
//! a user drags the scroll bar through a million photos.
//!
//! Targets at 100,000: first frame at most 0.5 s; mean at most 8 ms and p99
//! at most 16 ms per frame; at most 400 MB resident. At 1,000,000: first
//! results at most 1 s after launch, sidebar complete at most 2 s, at most
//! 800 MB resident after scrolling to the end.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use kartoteka::catalog::ThumbnailStore;
use kartoteka::photo::{Description, FileInfo, ImageFormat, PhotoRecord, Technical};
use kartoteka::ui::{App, Settings};

const THUMBNAILS: usize = 2_000;

/// One size of the benchmark.
struct Size {
    photos: usize,
    /// Launches of the real binary.
    launches: usize,
    /// Scrolls to the end, each in a process of its own.
    scrolls: usize,
    /// Points the wheel moves per frame.
    wheel: f32,
    /// Targets: first results, sidebar complete (s); resident after the
    /// scroll (MB).
    targets: (Option<f64>, Option<f64>, f64),
}

const HUNDRED_THOUSAND: Size = Size {
    photos: 100_000,
    launches: 5,
    scrolls: 1,
    wheel: 480.0,
    targets: (None, None, 400.0),
};

const MILLION: Size = Size {
    photos: 1_000_000,
    launches: 5,
    scrolls: 3,
    wheel: 4800.0,
    targets: (Some(1.0), Some(2.0), 800.0),
};

/// Set in the process that only scrolls (the catalogue's path).
const SCROLL_ONLY: &str = "KARTOTEKA_BENCH_SCROLL";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let million = std::env::var("KARTOTEKA_BENCH").as_deref() == Ok("1m");
    let size = if million { MILLION } else { HUNDRED_THOUSAND };
    if let Some(catalogue) = std::env::var_os(SCROLL_ONLY) {
        scroll(Path::new(&catalogue), &size);
        return;
    }
    let catalogue = if million {
        let dir = root.join("target/bench-data/ui-1m");
        let catalogue = dir.join("catalogue.kartoteka");
        make_million(root, &catalogue);
        catalogue
    } else {
        let catalogue = root.join("target/bench-data/ui-100k/catalogue.kartoteka");
        make_catalogue(root, &catalogue);
        catalogue
    };
    println!(
        "Kartoteka desktop benchmark: {} photos, {THUMBNAILS} distinct thumbnails",
        size.photos
    );
    if std::env::var_os("SKIP_FIRST_FRAME").is_none() {
        first_frame(&catalogue, &size);
    }
    let mut runs = Vec::new();
    for run in 0..size.scrolls {
        // A process of its own: memory is measured from a cold start.
        let out = Command::new(std::env::current_exe().unwrap())
            .env(SCROLL_ONLY, &catalogue)
            .stderr(Stdio::inherit())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        print!("\nscroll run {}:\n{text}", run + 1);
        runs.extend(text.lines().find_map(Scrolled::parse));
    }
    if runs.len() > 1 {
        summary(&runs, &size);
    }
}

/// What one scroll to the end measured, as the scrolling process prints it
/// on its last line.
struct Scrolled {
    mean_ms: f64,
    p99_ms: f64,
    resident_mb: f64,
    mapped_mb: f64,
}

impl Scrolled {
    const TAG: &str = "scrolled:";

    fn line(&self) -> String {
        format!(
            "{} {:.3} {:.3} {:.1} {:.1}",
            Self::TAG,
            self.mean_ms,
            self.p99_ms,
            self.resident_mb,
            self.mapped_mb
        )
    }

    fn parse(line: &str) -> Option<Self> {
        let v: Vec<f64> = line
            .strip_prefix(Self::TAG)?
            .split_whitespace()
            .filter_map(|s| s.parse().ok())
            .collect();
        Some(Self {
            mean_ms: *v.first()?,
            p99_ms: *v.get(1)?,
            resident_mb: *v.get(2)?,
            mapped_mb: *v.get(3)?,
        })
    }
}

/// Every run's figure, the median and the spread (lowest to highest).
fn spread(values: &[f64], unit: &str, decimals: usize) -> String {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let Some(median) = sorted.get(sorted.len() / 2) else {
        return "no runs".into();
    };
    let runs: Vec<String> = values.iter().map(|v| format!("{v:.decimals$}")).collect();
    format!(
        "median {median:.decimals$} {unit}, spread {:.decimals$} to {:.decimals$} (runs: {})",
        sorted[0],
        sorted[sorted.len() - 1],
        runs.join(", ")
    )
}

fn summary(runs: &[Scrolled], size: &Size) {
    let of = |f: fn(&Scrolled) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
    println!("\nover {} scrolls to the end:", runs.len());
    println!(
        "UI thread CPU per frame, mean: {}",
        spread(&of(|r| r.mean_ms), "ms", 2)
    );
    println!(
        "UI thread CPU per frame, p99: {}",
        spread(&of(|r| r.p99_ms), "ms", 2)
    );
    println!(
        "resident after the scroll: {} (target at most {:.0} MB)",
        spread(&of(|r| r.resident_mb), "MB", 0),
        size.targets.2
    );
    println!(
        "of it, mapped files: {}",
        spread(&of(|r| r.mapped_mb), "MB", 0)
    );
}

/// Thread CPU time, which is what a frame costs the UI thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// A line of /proc/self/status in MB.
fn status_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn resident_mb() -> f64 {
    status_mb("VmRSS")
}

/// Of the resident memory, the pages of files mapped in (the catalogue,
/// which SQLite reads through a memory map): the system's file cache,
/// shared, and given back under memory pressure.
fn mapped_files_mb() -> f64 {
    status_mb("RssFile")
}

fn first_frame(catalogue: &Path, size: &Size) {
    if Command::new("Xvfb")
        .arg("-help")
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        println!("\nXvfb is not installed: no time-to-first-frame figure (apt-get install xvfb)");
        return;
    }
    let display = ":87";
    let mut xvfb = Command::new("Xvfb")
        .args([display, "-screen", "0", "1280x800x24"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let runtime = tempfile::tempdir().unwrap();
    // Settings of its own: a user's saved settings (a sort, a view) must not
    // change what is measured.
    let settings = tempfile::tempdir().unwrap();
    let mut frames = Vec::new();
    let mut results = Vec::new();
    let mut sidebars = Vec::new();
    for _ in 0..size.launches {
        let mut app = Command::new(env!("CARGO_BIN_EXE_kartoteka"))
            .arg("--catalog")
            .arg(catalogue)
            .env("DISPLAY", display)
            .env("XDG_RUNTIME_DIR", runtime.path())
            .env(kartoteka::ui::SETTINGS_DIR_VARIABLE, settings.path())
            .env("KARTOTEKA_REPORT_FIRST_FRAME", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = BufReader::new(app.stderr.take().unwrap());
        let mut seen = 0;
        for line in stderr.lines().map_while(Result::ok) {
            let seconds = || {
                line.split_whitespace()
                    .nth(3)
                    .and_then(|s| s.parse::<f64>().ok())
            };
            if line.starts_with("first frame after") {
                frames.extend(seconds());
            } else if line.starts_with("first results after") {
                results.extend(seconds());
                seen += 1;
            } else if line.starts_with("sidebar complete after") {
                sidebars.extend(seconds());
                seen += 1;
            }
            if seen == 2 {
                break;
            }
        }
        let _ = app.kill();
        let _ = app.wait();
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    let target = |t: Option<f64>| t.map_or(String::new(), |t| format!(" (target at most {t} s)"));
    println!(
        "\ntime to first frame (real binary, Xvfb): {} (target at most 0.5 s)",
        spread(&frames, "s", 3)
    );
    println!(
        "time until the first results are on screen: {}{}",
        spread(&results, "s", 3),
        target(size.targets.0)
    );
    println!(
        "time until the sidebar has all its counts: {}{}",
        spread(&sidebars, "s", 3),
        target(size.targets.1)
    );
}

fn scroll(catalogue: &Path, size: &Size) {
    let photos = size.photos;
    let path = catalogue.to_owned();
    println!("resident at start: {:.0} MB", resident_mb());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(u64::MAX)
        .build_eframe(move |cc| {
            App::with_settings(
                &cc.egui_ctx,
                path,
                Settings {
                    // The same words whatever the machine's locale.
                    language: Some(kartoteka::ui::i18n::Language::English),
                    ..Settings::default()
                },
            )
        });
    let started = Instant::now();
    while !(h.state().is_settled() && h.state().results().len() == photos) {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the catalogue did not load"
        );
    }
    println!(
        "\nscrolling the grid (egui_kittest, no GPU), {} columns",
        h.state().grid_layout().0
    );
    println!(
        "resident after load: {:.0} MB, of which {:.0} MB mapped files",
        resident_mb(),
        mapped_files_mb()
    );
    let grid_point = egui::pos2(600.0, 400.0);
    h.event(egui::Event::PointerMoved(grid_point));
    h.step();

    let ctx = h.ctx.clone();
    let mut times = Vec::new();
    let mut frames_with_uploads = 0usize;
    let before = resident_mb();
    while h.state().grid_layout().1.end < photos && times.len() < 100_000 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -size.wheel),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        let cached = h.state().thumbnails().cached_bytes();
        let cpu = thread_cpu();
        h.step();
        let shapes = h.output().shapes.clone();
        let _ = ctx.tessellate(shapes, ctx.pixels_per_point());
        times.push(thread_cpu() - cpu);
        if h.state().thumbnails().cached_bytes() != cached {
            frames_with_uploads += 1;
        }
    }
    let after = resident_mb();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    println!(
        "{} frames to reach the last photo; thumbnails arrived in {frames_with_uploads} of them",
        times.len()
    );
    println!(
        "UI thread CPU per frame: mean {mean:.2} ms, median {:.2} ms, p99 {:.2} ms, max {:.2} ms (targets: mean at most 8, p99 at most 16)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 99 / 100]),
        ms(times[times.len() - 1])
    );
    println!(
        "resident memory: {before:.0} MB before the scroll, {after:.0} MB after (target at most {:.0} MB), \
         of which {:.0} MB mapped files; thumbnail textures {:.0} MB",
        size.targets.2,
        mapped_files_mb(),
        h.state().thumbnails().cached_bytes() as f64 / 1e6
    );
    let scrolled = Scrolled {
        mean_ms: mean,
        p99_ms: ms(times[times.len() * 99 / 100]),
        resident_mb: after,
        mapped_mb: mapped_files_mb(),
    };
    println!("{}", scrolled.line());
}

/// A synthetic archive: 100,000 photos with Czech, Slovak and Russian
/// captions and keywords, depicted dates of every precision, and 2,000
/// distinct real thumbnails.
fn make_catalogue(root: &Path, path: &Path) {
    const PHOTOS: usize = 100_000;
    let Some(mut catalogue) = common::catalogue_to_make(path, PHOTOS) else {
        return;
    };
    let started = Instant::now();
    let mut thumbs = ThumbnailStore::open(&catalogue.thumbnails_path().unwrap()).unwrap();
    make_thumbnails(root, &mut thumbs);

    // The files exist (empty), so photos sharing one of the 2,000 thumbnails
    // are catalogued as duplicates, not as one photo that moved.
    let files = path.parent().unwrap().join("files");
    for roll in 0..PHOTOS.div_ceil(36) {
        std::fs::create_dir_all(files.join(format!("roll-{roll:04}"))).unwrap();
    }
    let places = [
        "Milovice",
        "Mladá Boleslav",
        "Olomouc",
        "Bruntál",
        "Zvolen",
        "Sliač",
        "Praha",
        "Jeseník",
    ];
    let subjects = [
        "kasárna",
        "vlak",
        "odsun vojsk",
        "Советская армия",
        "parade",
        "convoy",
        "farewell",
        "BMP",
    ];
    let people = [
        "Dana Kyndrová",
        "Jiří Šedivý",
        "Pavel Štecha",
        "Ľubomír Jurík",
        "Marie Šechtlová",
    ];
    let records: Vec<PhotoRecord> = (0..PHOTOS)
        .map(|i| {
            let place = places[i % places.len()];
            let subject = subjects[(i / 7) % subjects.len()];
            let date = match i % 3 {
                0 => format!("{}", 1990 + i % 2),
                1 => format!("{}-{:02}", 1990 + i % 2, 1 + i % 12),
                _ => format!("{}-{:02}-{:02}", 1990 + i % 2, 1 + i % 12, 1 + i % 28),
            };
            PhotoRecord {
                file: FileInfo {
                    path: {
                        let p = files.join(format!("roll-{:04}/frame-{:02}.jpg", i / 36, i % 36));
                        std::fs::write(&p, b"").unwrap();
                        p
                    },
                    size: 5_000_000,
                    mtime_ns: i as i64,
                    hash: format!("{:064x}", i % THUMBNAILS),
                    format: ImageFormat::Jpeg,
                    sidecar: None,
                },
                technical: Technical {
                    width: Some(6000),
                    height: Some(4000),
                    orientation: Some(1),
                    camera_make: Some("Nikon".into()),
                    camera_model: Some("NIKON F3 (scan)".into()),
                    taken_at: Some(format!("2019-03-{:02}T10:{:02}:05", 1 + i % 28, i % 60)),
                    ..Technical::default()
                },
                description: Description {
                    title: Some(format!("{place}: {subject} {i}")),
                    caption: Some(format!(
                        "Withdrawal of Soviet troops, {place}. Odchod sovětských vojsk, {subject}, {date}."
                    )),
                    creators: vec![people[i % people.len()].into()],
                    credit: (i % 4 != 0).then(|| people[i % people.len()].to_owned()),
                    city: Some(place.into()),
                    country: Some("Czechoslovakia".into()),
                    keywords: vec![subject.into(), place.into()],
                    hierarchical_keywords: vec![format!("Places|Czechoslovakia|{place}")],
                    date_created: Some(date),
                    ..Description::default()
                },
                tags: vec![],
                warnings: vec![],
                claims: vec![],
            }
        })
        .collect();
    for chunk in records.chunks(2000) {
        catalogue.store_batch(chunk).unwrap();
    }
    println!("  made in {:.0} s", started.elapsed().as_secs_f64());
}

/// The search benchmark's archive of 1,000,000 photos, its files made
/// (empty) in the benchmark's folder and their hashes naming one of 2,000
/// thumbnails.
fn make_million(root: &Path, path: &Path) {
    let files = path.parent().unwrap().join("files");
    let mut folder = PathBuf::new();
    common::archive::make(path, MILLION.photos, |i, file| {
        let relative = file.path.strip_prefix("/archive").unwrap().to_owned();
        file.path = files.join(relative);
        file.hash = format!("{:064x}", i % THUMBNAILS);
        let parent = file.path.parent().unwrap();
        if parent != folder {
            std::fs::create_dir_all(parent).unwrap();
            folder = parent.to_owned();
        }
        std::fs::write(&file.path, b"").unwrap();
    });
    let thumbnails = kartoteka::catalog::thumbnails::path_beside(path);
    let mut store = ThumbnailStore::open(&thumbnails).unwrap();
    if store.count().unwrap() != THUMBNAILS as u64 {
        println!("making {THUMBNAILS} thumbnails (once)");
        make_thumbnails(root, &mut store);
    }
}

fn make_thumbnails(root: &Path, store: &mut ThumbnailStore) {
    let batch: Vec<(String, kartoteka::ingest::thumbnail::Thumbnail)> =
        common::pictures(root, THUMBNAILS)
            .into_iter()
            .enumerate()
            .map(|(k, thumb)| (format!("{k:064x}"), thumb))
            .collect();
    store
        .put_batch(batch.iter().map(|(h, t)| (h.as_str(), t)))
        .unwrap();
}
