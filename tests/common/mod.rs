//! Helpers for tests that run the real `kartoteka` binary on real files,
//! each in a temporary folder with its own catalogue.

#![allow(dead_code)]

pub mod hostile;
pub mod scans;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Whether every test must really run: CI sets `KARTOTEKA_REQUIRE_ALL=1`,
/// and then a test that would skip for want of the corpus, exiftool or
/// Chromium fails instead. A newcomer's plain `cargo test` still skips,
/// saying what is missing.
pub fn require_all() -> bool {
    std::env::var_os("KARTOTEKA_REQUIRE_ALL").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Skips a test that lacks something it needs (returns `None` to pass),
/// or fails it when CI requires every test to run.
pub fn skip<T>(test: &str, missing: &str) -> Option<T> {
    assert!(
        !require_all(),
        "{test} cannot run: {missing} (KARTOTEKA_REQUIRE_ALL is set, so this is a failure, not a skip)"
    );
    eprintln!("skipping {test}: {missing}");
    None
}

/// The seed of a randomised test: `KARTOTEKA_TEST_SEED` (or, for this test
/// alone, the variable named in the message) replays a failure; otherwise a
/// fresh one, printed so that it can be.
pub fn seed(test: &str) -> u64 {
    let given = std::env::var("KARTOTEKA_TEST_SEED")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    let seed = given.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    });
    eprintln!("{test} seed {seed} (replay with KARTOTEKA_TEST_SEED={seed})");
    seed
}

/// The shared corpus of real photographs, when this checkout sits beside it.
/// Tests that need it say so and pass when it is absent (and fail under
/// `KARTOTEKA_REQUIRE_ALL`).
pub fn shared_corpus(test: &str) -> Option<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if corpus.is_dir() {
        Some(corpus.canonicalize().unwrap())
    } else {
        skip(test, "../shared/corpus is not here")
    }
}

/// exiftool, when installed (CI installs it).
pub fn exiftool(test: &str) -> Option<()> {
    match Command::new("exiftool").arg("-ver").output() {
        Ok(o) if o.status.success() => Some(()),
        _ => skip(
            test,
            "exiftool is not installed (apt-get install libimage-exiftool-perl)",
        ),
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

    /// An environment an ordinary user may also write in (see
    /// [`as_ordinary_user`]).
    #[cfg(unix)]
    pub fn shared() -> Self {
        use std::os::unix::fs::PermissionsExt;
        let env = Self::new();
        std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        env
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `kartoteka --catalog <this env's catalogue>`
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(binary());
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

/// The binary under test: the one cargo built, or `KARTOTEKA_TEST_BIN` (to
/// run these tests against another build, such as an older one a new test
/// must fail on).
pub fn binary() -> PathBuf {
    std::env::var_os("KARTOTEKA_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_kartoteka")))
}

/// Whether the tests run as root (as in CI), for whom file permissions do
/// not apply.
#[cfg(unix)]
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Makes a command run as `nobody` when the tests run as root, so that
/// file permissions apply to it as to any archivist.
#[cfg(unix)]
pub fn as_ordinary_user(cmd: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    if is_root() {
        cmd.uid(65534).gid(65534);
    }
    cmd
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

/// A command-line tool the test needs (cwebp, cjxl, heif-enc, vips,
/// tiffcp, ImageMagick's convert), from the Debian package named: skips
/// the test when it is missing, or fails it under `KARTOTEKA_REQUIRE_ALL`.
pub fn tool(test: &str, name: &str, package: &str) -> Option<()> {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        Some(())
    } else {
        skip(
            test,
            &format!("{name} is not installed (apt-get install {package})"),
        )
    }
}

/// Runs a tool that must succeed.
pub fn run_tool<I, S>(name: &str, args: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = Command::new(name).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{name} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The thumbnail stored for a photo in a `list --json` result.
pub fn thumbnail_of(env: &Env, photo: &Value) -> Option<image::RgbImage> {
    let conn = rusqlite::Connection::open(env.path("test.thumbnails.sqlite")).ok()?;
    let hash = photo["hash"].as_str()?.to_owned();
    let jpeg: Vec<u8> = conn
        .query_row("SELECT jpeg FROM thumbnail WHERE hash = ?1", [hash], |r| {
            r.get(0)
        })
        .ok()?;
    Some(image::load_from_memory(&jpeg).ok()?.to_rgb8())
}

/// The mean colour of a region of an image (fractions of its width and
/// height), per channel.
pub fn mean_colour(img: &image::RgbImage, x: (f64, f64), y: (f64, f64)) -> [f64; 3] {
    let (w, h) = (img.width() as f64, img.height() as f64);
    let (x0, x1) = (
        (x.0 * w) as u32,
        ((x.1 * w) as u32).max((x.0 * w) as u32 + 1),
    );
    let (y0, y1) = (
        (y.0 * h) as u32,
        ((y.1 * h) as u32).max((y.0 * h) as u32 + 1),
    );
    let mut sum = [0f64; 3];
    let mut n = 0f64;
    for yy in y0..y1.min(img.height()) {
        for xx in x0..x1.min(img.width()) {
            let p = img.get_pixel(xx, yy).0;
            for c in 0..3 {
                sum[c] += p[c] as f64;
            }
            n += 1.0;
        }
    }
    sum.map(|s| s / n.max(1.0))
}

/// Asserts a colour is within `tolerance` of another on every channel.
pub fn assert_colour(got: [f64; 3], want: [f64; 3], tolerance: f64, what: &str) {
    assert!(
        got.iter()
            .zip(want)
            .all(|(g, w)| (g - w).abs() <= tolerance),
        "{what}: colour {got:?}, expected about {want:?}"
    );
}

/// A small seeded random number generator (xorshift64*), for tests that
/// replay a random run from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
