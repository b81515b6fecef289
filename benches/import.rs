//! Import speed against the tools an archivist would otherwise use.
//!
//! `cargo bench --bench import` makes 100 JPEGs of 6000x4000 from the corpus
//! camera photos (upscaled, their EXIF carried over; cached under
//! target/bench-data), then times:
//!
//! - `kartoteka import` into a fresh catalogue (hash, metadata, 512 px
//!   thumbnail, catalogue), with its peak memory;
//! - two parallel `vipsthumbnail -s 512` processes on the same files, which
//!   make thumbnails only;
//! - `exiftool -json` on the same files, which reads metadata only;
//! - re-importing 20,000 unchanged files.
//!
//! Then the scans an archive holds, each set timed against two parallel
//! `vipsthumbnail -s 512` on the same files, with the import's peak memory:
//!
//! - 10 scans of 6000x4000, 16-bit RGB, uncompressed (144 MB each);
//! - 10 scans of 6000x4000, 16-bit grey with film grain, LZW with
//!   horizontal prediction (tiffcp);
//! - 10 scans of 6000x4000, 8-bit RGB, tiled and deflate-compressed, and
//!   10 tiled and JPEG-compressed (vips);
//! - one BigTIFF of more than 2 GB, for the import's peak memory.
//!
//! Each figure is the median of several runs; the ratios are what the
//! targets are stated in. Peers that are not installed are skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bytes::Bytes;
use img_parts::jpeg::{Jpeg, JpegSegment, markers};

#[path = "../tests/common/scans.rs"]
mod scans;

const SCANS: usize = 10;
const SCAN_RUNS: usize = 3;

const BIG_FILES: usize = 100;
const BIG_SIZE: (u32, u32) = (6000, 4000);
const MANY_FILES: usize = 20_000;
const RUNS: usize = 5;

/// Set when this program runs as its own helper to make the test files.
const GENERATE: &str = "KARTOTEKA_BENCH_GENERATE";

fn main() {
    // `cargo bench` passes `--bench`; `scans` runs the scan figures alone.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    let big = data.join("big-6000x4000");
    let scans_only = std::env::args().skip(1).any(|a| a == "scans");
    if std::env::var_os(GENERATE).is_some() {
        // The scans are made from the first big JPEGs.
        let wanted = if scans_only { SCANS } else { BIG_FILES };
        if !(big.is_dir() && list_files(&big).len() >= wanted) {
            make_big_jpegs(root, &big, wanted);
        }
        make_scans(&big, &data);
        return;
    }
    // The test files are made by a helper process: a child's peak memory,
    // as the kernel reports it, includes its parent's at the moment it was
    // started, so this process must stay small.
    let jpegs_ready =
        big.is_dir() && list_files(&big).len() >= if scans_only { SCANS } else { BIG_FILES };
    if !(jpegs_ready && scans_ready(&data)) {
        let status = Command::new(std::env::current_exe().unwrap())
            .args(std::env::args().skip(1))
            .env(GENERATE, "1")
            .status()
            .unwrap();
        assert!(status.success(), "making the test files failed");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let bin = env!("CARGO_BIN_EXE_kartoteka");
    // `cargo bench --bench import -- scans`: the scan figures alone.
    if std::env::args().skip(1).any(|a| a == "scans") {
        println!(
            "Kartoteka scan import benchmark: {cores} cores, {SCAN_RUNS} runs each, medians (min)"
        );
        let scratch = tempfile::tempdir().unwrap();
        scan_benchmarks(bin, &data, scratch.path());
        return;
    }
    println!("Kartoteka import benchmark: {cores} cores, {RUNS} runs each, medians (min)");

    let files: Vec<PathBuf> = list_files(&big);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!(
        "\n{} JPEGs of {}x{}, {:.0} MB in all",
        files.len(),
        BIG_SIZE.0,
        BIG_SIZE.1,
        bytes as f64 / 1e6
    );

    let scratch = tempfile::tempdir().unwrap();
    let mut peak_rss = 0u64;
    let import = measure(|run| {
        let catalogue = scratch.path().join(format!("import-{run}.kartoteka"));
        let (elapsed, rss) = run_measured(
            Command::new(bin)
                .arg("--catalog")
                .arg(&catalogue)
                .arg("import")
                .arg(&big),
        );
        peak_rss = peak_rss.max(rss);
        elapsed
    });
    report(
        "kartoteka import",
        &import,
        Some(&format!("peak RSS {:.0} MB", peak_rss as f64 / 1024.0)),
    );

    let vips = has("vipsthumbnail").then(|| {
        let out = scratch.path().join("vips");
        std::fs::create_dir_all(&out).unwrap();
        let pattern = format!("{}/%s.jpg", out.display());
        let t = measure(|_| {
            let started = Instant::now();
            let halves: Vec<_> = files
                .chunks(files.len().div_ceil(2))
                .map(|half| {
                    Command::new("vipsthumbnail")
                        .args(["-s", "512", "-o", &pattern])
                        .args(half)
                        .stdout(Stdio::null())
                        .spawn()
                        .unwrap()
                })
                .collect();
            for mut p in halves {
                assert!(p.wait().unwrap().success(), "vipsthumbnail failed");
            }
            started.elapsed()
        });
        report("2 x vipsthumbnail -s 512", &t, None);
        t
    });
    let exiftool = has("exiftool").then(|| {
        let t = measure(|_| {
            run_measured(
                Command::new("exiftool")
                    .args(["-json", "-q"])
                    .args(&files)
                    .stdout(Stdio::null()),
            )
            .0
        });
        report("exiftool -json", &t, None);
        t
    });

    println!();
    if let Some(v) = &vips {
        println!(
            "import / vipsthumbnail: {:.2} (target at most 0.80)",
            median(&import).as_secs_f64() / median(v).as_secs_f64()
        );
    } else {
        println!("vipsthumbnail is not installed (apt-get install libvips-tools): no ratio");
    }
    if let Some(e) = &exiftool {
        println!(
            "import / exiftool -json: {:.2} (exiftool reads metadata only)",
            median(&import).as_secs_f64() / median(e).as_secs_f64()
        );
    } else {
        println!("exiftool is not installed (apt-get install libimage-exiftool-perl): no ratio");
    }
    println!(
        "import: {:.1} ms per 24-megapixel file on {cores} cores, {:.0} MB/s",
        median(&import).as_secs_f64() * 1000.0 / files.len() as f64,
        bytes as f64 / 1e6 / median(&import).as_secs_f64()
    );

    scan_benchmarks(bin, &data, scratch.path());

    // Re-import of unchanged files: many small files, imported once.
    let many = make_many_files(root, &data.join("many"));
    let catalogue = scratch.path().join("many.kartoteka");
    let (first, rss) = run_measured(
        Command::new(bin)
            .arg("--catalog")
            .arg(&catalogue)
            .arg("import")
            .arg(&many),
    );
    println!(
        "\n{MANY_FILES} small files, first import {:.1} s, peak RSS {:.0} MB",
        first.as_secs_f64(),
        rss as f64 / 1024.0
    );
    let reimport = measure(|_| {
        run_measured(
            Command::new(bin)
                .arg("--catalog")
                .arg(&catalogue)
                .arg("import")
                .arg(&many),
        )
        .0
    });
    report("re-import, all unchanged", &reimport, None);
    println!(
        "re-import: {:.0} files/s (target at least 10000)",
        MANY_FILES as f64 / median(&reimport).as_secs_f64()
    );
}

fn has(tool: &str) -> bool {
    Command::new(tool)
        .arg("-ver")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn measure(mut f: impl FnMut(usize) -> Duration) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..RUNS).map(&mut f).collect();
    times.sort();
    times
}

fn median(sorted: &[Duration]) -> Duration {
    sorted[sorted.len() / 2]
}

fn report(label: &str, sorted: &[Duration], extra: Option<&str>) {
    println!(
        "{label:<28}{:>8.2} s  ({:.2} s)  {}",
        median(sorted).as_secs_f64(),
        sorted[0].as_secs_f64(),
        extra.unwrap_or("")
    );
}

/// Runs a command to the end; returns its wall time and peak resident
/// memory in KiB (from wait4's rusage).
#[allow(clippy::zombie_processes, reason = "the child is reaped by wait4")]
fn run_measured(cmd: &mut Command) -> (Duration, u64) {
    let started = Instant::now();
    let child = cmd.stdout(Stdio::null()).spawn().unwrap();
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(pid, child.id() as i32, "wait4 failed");
    let code = libc::WEXITSTATUS(status);
    assert!(code == 0 || code == 2, "{cmd:?} exited with {code}");
    (elapsed, usage.ru_maxrss as u64)
}

fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Source photos: the corpus camera JPEGs, or the test fixtures without it.
fn sources(root: &Path) -> Vec<PathBuf> {
    let cameras = root.join("../shared/corpus/cameras");
    let dir = if cameras.is_dir() {
        cameras
    } else {
        root.join("tests/fixtures/archive")
    };
    list_files(&dir)
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg"))
        })
        .filter(|p| image::open(p).is_ok())
        .collect()
}

/// 6000x4000 JPEGs upscaled from real camera photos, with the source's EXIF
/// (and XMP/IPTC) segments carried over.
fn make_big_jpegs(root: &Path, dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let sources = sources(root);
    println!(
        "making {count} test JPEGs of {}x{} (once; cached in {})",
        BIG_SIZE.0,
        BIG_SIZE.1,
        dir.display()
    );
    use rayon::prelude::*;
    (0..count).into_par_iter().for_each(|i| {
        let source = &sources[i % sources.len()];
        let original = std::fs::read(source).unwrap();
        let img = image::load_from_memory(&original).unwrap();
        // Vary the crop so no two files are the same picture.
        let (w, h) = (img.width(), img.height());
        let shift = (i / sources.len()) as u32 * 7 % (w / 10).max(1);
        let cropped = img.crop_imm(shift, 0, w - shift, h);
        let big = cropped.resize_exact(
            BIG_SIZE.0,
            BIG_SIZE.1,
            image::imageops::FilterType::Triangle,
        );
        let mut encoded = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut encoded, 88)
            .encode_image(&big.to_rgb8())
            .unwrap();
        let mut jpeg = Jpeg::from_bytes(Bytes::from(encoded)).unwrap();
        if let Ok(src) = Jpeg::from_bytes(Bytes::from(original)) {
            let carried: Vec<JpegSegment> = src
                .segments()
                .iter()
                .filter(|s| matches!(s.marker(), markers::APP1 | markers::APP13))
                .cloned()
                .collect();
            let at = jpeg
                .segments()
                .iter()
                .position(|s| s.marker() != markers::APP0)
                .unwrap_or(0);
            for (n, s) in carried.into_iter().enumerate() {
                jpeg.segments_mut().insert(at + n, s);
            }
        }
        let mut out = Vec::new();
        jpeg.encoder().write_to(&mut out).unwrap();
        std::fs::write(dir.join(format!("big-{i:03}.jpg")), out).unwrap();
    });
}

/// Many small distinct JPEGs for the re-import figure.
fn make_many_files(root: &Path, dir: &Path) -> PathBuf {
    if dir.is_dir() && std::fs::read_dir(dir).unwrap().count() == MANY_FILES / 1000 {
        return dir.to_owned();
    }
    let _ = std::fs::remove_dir_all(dir);
    let source = image::open(&sources(root)[0])
        .unwrap()
        .thumbnail(96, 96)
        .to_rgb8();
    let mut small = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut small, 80)
        .encode_image(&source)
        .unwrap();
    for folder in 0..MANY_FILES / 1000 {
        let sub = dir.join(format!("roll-{folder:02}"));
        std::fs::create_dir_all(&sub).unwrap();
        for n in 0..1000 {
            let mut bytes = small.clone();
            bytes.extend_from_slice(format!("{folder}-{n}").as_bytes());
            std::fs::write(sub.join(format!("frame-{n:04}.jpg")), bytes).unwrap();
        }
    }
    dir.to_owned()
}

/// The scan sets: (folder, what they are).
const SCAN_SETS: [(&str, &str); 4] = [
    (
        "scans-rgb16",
        "scans of 6000x4000, 16-bit RGB, uncompressed",
    ),
    (
        "scans-grey16-lzw",
        "scans of 6000x4000, 16-bit grey, film grain, LZW + predictor",
    ),
    (
        "scans-tiled-deflate",
        "scans of 6000x4000, 8-bit RGB, tiled, deflate",
    ),
    (
        "scans-tiled-jpeg",
        "scans of 6000x4000, 8-bit RGB, tiled, JPEG-compressed",
    ),
];
const HUGE: &str = "scan-bigtiff-2gb";

fn scans_ready(data: &Path) -> bool {
    SCAN_SETS
        .iter()
        .all(|(dir, _)| data.join(dir).is_dir() && list_files(&data.join(dir)).len() == SCANS)
        && data.join(HUGE).join("huge.tif").is_file()
}

/// The scans, made from the big JPEGs (upscaled camera photographs) with
/// 16-bit film grain where they are 16-bit.
fn make_scans(big: &Path, data: &Path) {
    use rayon::prelude::*;
    let sources = list_files(big);
    let tmp = data.join("scans-tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    for (dir, _) in SCAN_SETS {
        std::fs::create_dir_all(data.join(dir)).unwrap();
    }
    println!(
        "making {SCANS} scans of each kind and a 2 GB BigTIFF (once; cached in {})",
        data.display()
    );
    (0..SCANS).into_par_iter().for_each(|i| {
        let img = image::open(&sources[i]).unwrap().to_rgb8();
        let (w, h) = img.dimensions();
        let grain = |x: u32, y: u32, c: u32| -> u16 {
            let mut v = ((x as u64).wrapping_mul(0x9E37_79B9))
                ^ ((y as u64).wrapping_mul(0x85EB_CA6B))
                ^ ((c as u64 + i as u64) * 0xC2B2_AE35);
            v ^= v >> 15;
            v = v.wrapping_mul(0x2C1B_3C6D);
            (v >> 40) as u16 % 1024
        };
        let rgb = data.join("scans-rgb16").join(format!("scan-{i:02}.tif"));
        if !rgb.is_file() {
            scans::write(&rgb, &scans::Scan::rgb16(w, h), |y, row| {
                for x in 0..w {
                    let p = img.get_pixel(x, y).0;
                    for (c, &sample) in p.iter().enumerate() {
                        let v = (sample as u16 * 257)
                            .saturating_sub(512)
                            .saturating_add(grain(x, y, c as u32));
                        let at = (x as usize * 3 + c) * 2;
                        row[at..at + 2].copy_from_slice(&v.to_le_bytes());
                    }
                }
            });
        }
        let grey_plain = tmp.join(format!("grey-{i:02}.tif"));
        let mut grey = scans::Scan::rgb16(w, h);
        grey.samples = 1;
        grey.photometric = 1;
        scans::write(&grey_plain, &grey, |y, row| {
            for x in 0..w {
                let p = img.get_pixel(x, y).0;
                let l = (p[0] as u32 * 77 + p[1] as u32 * 150 + p[2] as u32 * 29) as u16;
                let v = l.saturating_sub(1024).saturating_add(grain(x, y, 0) * 2);
                row[x as usize * 2..x as usize * 2 + 2].copy_from_slice(&v.to_le_bytes());
            }
        });
        let lzw = data
            .join("scans-grey16-lzw")
            .join(format!("scan-{i:02}.tif"));
        tool(
            "tiffcp",
            &[
                "-c",
                "lzw:2",
                grey_plain.to_str().unwrap(),
                lzw.to_str().unwrap(),
            ],
        );
        let _ = std::fs::remove_file(&grey_plain);
        let src = sources[i].to_str().unwrap();
        let deflate = data
            .join("scans-tiled-deflate")
            .join(format!("scan-{i:02}.tif"));
        tool(
            "vips",
            &[
                "tiffsave",
                src,
                deflate.to_str().unwrap(),
                "--tile",
                "--compression",
                "deflate",
            ],
        );
        let jpeg = data
            .join("scans-tiled-jpeg")
            .join(format!("scan-{i:02}.tif"));
        tool(
            "vips",
            &[
                "tiffsave",
                src,
                jpeg.to_str().unwrap(),
                "--tile",
                "--compression",
                "jpeg",
                "--Q",
                "90",
            ],
        );
    });
    let _ = std::fs::remove_dir_all(&tmp);
    // More than 2 GB: 27,000 x 27,000 8-bit RGB in strips of 64 rows.
    let huge = data.join(HUGE);
    std::fs::create_dir_all(&huge).unwrap();
    let (w, h) = (27_000u32, 27_000u32);
    let mut scan = scans::Scan::rgb16(w, h);
    scan.bits = 8;
    scan.big = true;
    scan.rows_per_strip = 64;
    let source = image::open(&sources[0]).unwrap().to_rgb8();
    let (sw, sh) = source.dimensions();
    scans::write(&huge.join("huge.tif"), &scan, |y, row| {
        let sy = (y as u64 * sh as u64 / h as u64) as u32;
        for (x, px) in row.chunks_exact_mut(3).enumerate() {
            let sx = (x as u64 * sw as u64 / w as u64) as u32;
            px.copy_from_slice(&source.get_pixel(sx, sy).0);
        }
    });
}

fn tool(name: &str, args: &[&str]) {
    let status = Command::new(name)
        .args(args)
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| {
            panic!("{name} could not be run ({e}); install libtiff-tools and libvips-tools")
        });
    assert!(status.success(), "{name} {args:?} failed");
}

/// Times importing each scan set against two parallel vipsthumbnail, and
/// measures the import of a 2 GB BigTIFF.
fn scan_benchmarks(bin: &str, data: &Path, scratch: &Path) {
    let vips = has("vipsthumbnail");
    for (dir, what) in SCAN_SETS {
        let folder = data.join(dir);
        let files = list_files(&folder);
        let bytes: u64 = files
            .iter()
            .map(|f| std::fs::metadata(f).unwrap().len())
            .sum();
        println!(
            "\n{} {what}, {:.0} MB in all",
            files.len(),
            bytes as f64 / 1e6
        );
        let mut peak = 0u64;
        let import = measure_n(SCAN_RUNS, |run| {
            let catalogue = scratch.join(format!("{dir}-{run}.kartoteka"));
            let (t, rss) = run_measured(
                Command::new(bin)
                    .arg("--catalog")
                    .arg(&catalogue)
                    .arg("import")
                    .arg(&folder),
            );
            peak = peak.max(rss);
            t
        });
        report(
            "kartoteka import",
            &import,
            Some(&format!("peak RSS {:.0} MB", peak as f64 / 1024.0)),
        );
        if vips {
            let out = scratch.join(format!("vips-{dir}"));
            std::fs::create_dir_all(&out).unwrap();
            let t = measure_n(SCAN_RUNS, |_| two_vipsthumbnails(&files, &out));
            report("2 x vipsthumbnail -s 512", &t, None);
            println!(
                "import / vipsthumbnail: {:.2} (target at most 1.0, aim 0.8)",
                median(&import).as_secs_f64() / median(&t).as_secs_f64()
            );
        }
    }
    let huge = data.join(HUGE);
    let size = std::fs::metadata(huge.join("huge.tif")).unwrap().len();
    println!(
        "\n1 BigTIFF of 27000x27000, 8-bit RGB, {:.2} GB",
        size as f64 / 1e9
    );
    let catalogue = scratch.join("huge.kartoteka");
    let (t, rss) = run_measured(
        Command::new(bin)
            .arg("--catalog")
            .arg(&catalogue)
            .arg("import")
            .arg(&huge),
    );
    println!(
        "kartoteka import            {:>8.2} s  peak RSS {:.0} MB (target at most 300)",
        t.as_secs_f64(),
        rss as f64 / 1024.0
    );
    if vips {
        let out = scratch.join("vips-huge");
        std::fs::create_dir_all(&out).unwrap();
        let (vt, vrss) = run_measured(
            Command::new("vipsthumbnail")
                .args(["-s", "512", "-o", &format!("{}/%s.jpg", out.display())])
                .arg(huge.join("huge.tif")),
        );
        println!(
            "vipsthumbnail -s 512        {:>8.2} s  peak RSS {:.0} MB",
            vt.as_secs_f64(),
            vrss as f64 / 1024.0
        );
    }
}

fn two_vipsthumbnails(files: &[PathBuf], out: &Path) -> Duration {
    let pattern = format!("{}/%s.jpg", out.display());
    let started = Instant::now();
    let halves: Vec<_> = files
        .chunks(files.len().div_ceil(2))
        .map(|half| {
            Command::new("vipsthumbnail")
                .args(["-s", "512", "-o", &pattern])
                .args(half)
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut p in halves {
        assert!(p.wait().unwrap().success(), "vipsthumbnail failed");
    }
    started.elapsed()
}

fn measure_n(runs: usize, mut f: impl FnMut(usize) -> Duration) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs).map(&mut f).collect();
    times.sort();
    times
}
