//! Where Kartoteka writes, and what it must never write over: the
//! catalogue, its thumbnails, a catalogued original, a device node, an
//! earlier export's catalogued copies; a backup that could not be finished;
//! a symbolic link and the owner of the file it names; the user's umask.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::hostile::*;
use common::{Env, fixtures, stderr, stdout};

const ARCHIVE: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/treaty-signing.jpg",
];

fn archive() -> (Env, PathBuf) {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    assert!(env.import(&[&dir]).status.success());
    (env, dir)
}

/// The catalogue still opens and holds its photos.
fn catalogue_intact(env: &Env, photos: usize) {
    assert_eq!(env.list().len(), photos, "the catalogue lost its photos");
}

fn export_csv(env: &Env, out: &Path, force: bool) -> std::process::Output {
    let mut cmd = env.cmd();
    cmd.args(["export", "csv", "--out"]).arg(out);
    if force {
        cmd.arg("--force");
    }
    cmd.output().unwrap()
}

#[test]
fn exports_never_replace_the_catalogue_its_thumbnails_or_a_catalogued_photo() {
    let (env, dir) = archive();
    let thumbs = env.catalog.with_file_name("test.thumbnails.sqlite");
    assert!(thumbs.is_file());
    let photo = dir.join("treaty-signing.jpg");
    let photo_bytes = std::fs::read(&photo).unwrap();
    let link = env.path("hard-link.jpg");
    std::fs::hard_link(dir.join("portraits-stacked.jpg"), &link).unwrap();
    let link_bytes = std::fs::read(&link).unwrap();

    for (target, what) in [
        (&env.catalog, "the catalogue"),
        (&thumbs, "the catalogue's thumbnails"),
        (&photo, "catalogued photo"),
        (&link, "the same file as catalogued photo"),
    ] {
        for force in [false, true] {
            let out = export_csv(&env, target, force);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            assert!(stderr(&out).contains(what), "{}", stderr(&out));
        }
        let out = env.run([Path::new("keywords"), Path::new("export"), target.as_path()]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    }
    catalogue_intact(&env, 4);
    assert_eq!(std::fs::read(&photo).unwrap(), photo_bytes);
    assert_eq!(std::fs::read(&link).unwrap(), link_bytes);
    assert!(
        std::fs::read(&thumbs)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
}

#[cfg(unix)]
#[test]
fn exports_go_into_fifos_devices_and_stdout_and_replace_files_only_when_forced() {
    use std::os::unix::fs::FileTypeExt;
    let (env, _) = archive();

    // An existing file is left alone unless --force.
    let existing = env.path("existing.csv");
    std::fs::write(&existing, "keep me").unwrap();
    let out = export_csv(&env, &existing, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    assert!(export_csv(&env, &existing, true).status.success());
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("Title")
    );

    // A link to a file is written through: the link stays.
    let target = env.path("target.csv");
    std::fs::write(&target, "old").unwrap();
    let link = env.path("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(export_csv(&env, &link, true).status.success());
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&target).unwrap().contains("Title"));

    // `-` and /dev/stdout are standard output, for scripts.
    for out in ["-", "/dev/stdout"] {
        let o = export_csv(&env, Path::new(out), false);
        assert!(o.status.success(), "{out}: {}", stderr(&o));
        assert!(stdout(&o).contains("Title"), "{out}");
    }
    let o = env.run(["keywords", "export", "-"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // A FIFO is written into and stays a FIFO.
    let fifo = env.path("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::Builder::new()
            .name("fifo-reader".into())
            .spawn(move || std::fs::read_to_string(fifo).unwrap())
            .unwrap()
    };
    let o = run_within(
        env.cmd().args(["export", "csv", "--out"]).arg(&fifo),
        Duration::from_secs(60),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(reader.join().unwrap().contains("Title"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    // A device is written into, never renamed over: /dev/full says so.
    let o = export_csv(&env, Path::new("/dev/full"), true);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("No space left on device"),
        "{}",
        stderr(&o)
    );
    assert!(
        std::fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A folder is refused.
    let o = export_csv(&env, env.dir.path(), true);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn set_export_never_overwrites_and_never_a_catalogued_copy() {
    let (env, _) = archive();
    env.ok(["set", "create", "Odchod"]);
    env.ok(["set", "add", "Odchod", ""]);
    let out_dir = env.path("exhibition");
    env.ok([
        Path::new("set"),
        Path::new("export"),
        Path::new("Odchod"),
        Path::new("--out"),
        &out_dir,
    ]);
    // The exported copies are catalogued too (an archivist imported them).
    assert!(env.import(&[&out_dir]).status.success());
    let before = tree(&out_dir);
    // Swap the second and third: the first and last keep their names.
    let shown: serde_json::Value =
        serde_json::from_str(&env.ok(["set", "show", "Odchod", "--json"])).unwrap();
    let second = shown[1]["photo"]["id"].as_i64().unwrap().to_string();
    env.ok(["set", "move", "Odchod", &second, "3"]);

    // Without --force a folder that holds files is refused, untouched.
    let refused = env.run([
        Path::new("set"),
        Path::new("export"),
        Path::new("Odchod"),
        Path::new("--out"),
        &out_dir,
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("already holds files"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(tree(&out_dir), before);

    // With --force: the checklist and sheet are replaced, but the copies
    // that are now catalogued photos are not; the new copies take new names.
    let forced = env.run([
        Path::new("set"),
        Path::new("export"),
        Path::new("Odchod"),
        Path::new("--out"),
        &out_dir,
        Path::new("--force"),
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let after = tree(&out_dir);
    for (name, bytes) in &before {
        if name.ends_with(".jpg") {
            let now = after.iter().find(|(n, _)| n == name).unwrap();
            assert_eq!(&now.1, bytes, "{name} was overwritten");
        }
    }
    assert!(
        after.iter().any(|(n, _)| n.ends_with("-2.jpg")),
        "{after:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_failed_backup_leaves_nothing_under_the_backup_name() {
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    let dir = env.path("archive");
    std::fs::create_dir_all(&dir).unwrap();
    // A photo whose metadata is large (a long XMP caption and a long IPTC
    // caption): rewritten with a short caption, it shrinks, so the new file
    // fits where the backup (a copy of the original) does not.
    let original = std::fs::read(fixtures().join("archive/dormitory-sewing.jpg")).unwrap();
    let long = "o".repeat(60_000);
    let photo = with_iim(
        &with_xmp(
            &original,
            &xmp_packet(&format!(
                "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>{long}</rdf:li></rdf:Alt></dc:description>"
            )),
        ),
        &[(120, "p".repeat(30_000).as_bytes())],
    );
    let file = dir.join("photo.jpg");
    std::fs::write(&file, &photo).unwrap();
    assert!(env.import(&[&dir]).status.success());
    env.ok(["edit", "", "--set", "caption=short"]);

    // A file size limit between the two: writing the backup fails half way,
    // as on a full disk.
    let limit = photo.len() as u64 - 20_000;
    let mut cmd = env.cmd();
    cmd.args(["write-metadata", "", "--embed", "--in-place"]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let rl = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &rl);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["photo.jpg"], "left behind: {names:?}");
    assert_eq!(std::fs::read(&file).unwrap(), photo, "the original changed");

    // Without the limit it works, and the backup is the whole original.
    env.ok(["write-metadata", "", "--embed", "--in-place"]);
    assert_eq!(
        std::fs::read(dir.join(".photo.jpg.kartoteka-backup")).unwrap(),
        photo
    );
}

#[cfg(unix)]
#[test]
fn writing_in_place_follows_a_link_and_keeps_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let env = Env::new();
    let real_dir = env.path("originals");
    std::fs::create_dir_all(&real_dir).unwrap();
    let real = real_dir.join("photo.jpg");
    std::fs::copy(fixtures().join("archive/treaty-signing.jpg"), &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let owner = if common::is_root() {
        // Another user's file, as on a shared archive drive.
        std::os::unix::fs::chown(&real, Some(65534), Some(65534)).unwrap();
        (65534, 65534)
    } else {
        let m = std::fs::metadata(&real).unwrap();
        (m.uid(), m.gid())
    };
    let linked = env.path("archive");
    std::fs::create_dir_all(&linked).unwrap();
    let link = linked.join("photo.jpg");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert!(env.import(&[&linked]).status.success());
    env.ok(["edit", "", "--set", "title=Written through"]);
    env.ok(["write-metadata", "", "--embed", "--in-place"]);

    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_link(&link).unwrap(), real);
    let meta = std::fs::metadata(&real).unwrap();
    assert_eq!((meta.uid(), meta.gid()), owner);
    assert_eq!(meta.mode() & 0o777, 0o640);
    let bytes = std::fs::read(&real).unwrap();
    assert!(bytes.windows(15).any(|w| w == b"Written through"));
    assert!(real_dir.join(".photo.jpg.kartoteka-backup").is_file());
    // The catalogue knows the new content: nothing to re-read.
    assert!(stdout(&env.import(&[&linked])).contains("1 unchanged"));
}

#[cfg(unix)]
#[test]
fn created_files_honour_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let (env, dir) = archive();
    let with_umask = |args: &[&str]| {
        let mut cmd = env.cmd();
        cmd.args(args);
        // SAFETY: umask is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::umask(0o022);
                Ok(())
            });
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    let csv = env.path("catalogue.csv");
    let copies = env.path("copies");
    let exhibition = env.path("exhibition");
    with_umask(&["export", "csv", "--out", csv.to_str().unwrap()]);
    with_umask(&["write-metadata", "", "--sidecar"]);
    with_umask(&[
        "write-metadata",
        "",
        "--embed",
        "--out",
        copies.to_str().unwrap(),
    ]);
    env.ok(["set", "create", "S"]);
    env.ok(["set", "add", "S", ""]);
    with_umask(&["set", "export", "S", "--out", exhibition.to_str().unwrap()]);
    let mut checked = 0;
    let mut check = |p: &Path| {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{}", p.display());
        checked += 1;
    };
    check(&csv);
    check(&dir.join("treaty-signing.xmp"));
    for folder in [&copies, &exhibition] {
        for e in std::fs::read_dir(folder).unwrap() {
            check(&e.unwrap().path());
        }
    }
    assert!(checked > 8);
}

#[test]
fn search_csv_neutralises_formulas_as_export_csv_does() {
    let (env, _) = archive();
    env.ok([
        "edit",
        "path:treaty",
        "--set",
        "title==HYPERLINK(\"http://x\")",
    ]);
    let searched = env.ok(["search", "path:treaty", "--csv"]);
    let exported = env.ok(["export", "csv", "--query", "path:treaty"]);
    for csv_text in [&searched, &exported] {
        let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let title = headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case("title"))
            .unwrap();
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[title], "'=HYPERLINK(\"http://x\")", "{csv_text}");
    }
}
