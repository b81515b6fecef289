//! The catalogue against hostile queries, spreadsheets, file names and
//! other processes: queries nested ten thousand deep, terms with nothing to
//! find, malformed CSV, names that are not UTF-8, two processes writing at
//! once, read-only catalogues, and the messages a failure leaves.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Env, fixtures, stderr, stdout};
use serde_json::Value;

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

#[test]
fn queries_nested_ten_thousand_deep_are_refused_with_a_position() {
    let (env, _) = archive();
    let parens = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    let dashes = format!("{}x", "-".repeat(10_000));
    for query in [&parens, &dashes] {
        for args in [
            vec!["search", query.as_str()],
            vec!["edit", query.as_str(), "--set", "credit=x"],
            vec!["saved", "create", "deep", query.as_str()],
        ] {
            let out = env.run(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{}: {err}", args[0]);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.contains("position 65: parentheses and '-' nest deeper than 64 levels"),
                "{err}"
            );
        }
    }
    // Sixty levels are fine.
    let fine = format!("{}kyndrova{}", "(".repeat(60), ")".repeat(60));
    assert!(env.run(["search", fine.as_str()]).status.success());
}

#[test]
fn terms_without_letters_or_digits_are_errors_never_every_photo() {
    let (env, dir) = archive();
    env.ok(["set", "create", "S"]);
    env.ok(["template", "create", "T", "--set", "credit=Template"]);
    let before = env.list();
    let files = |d: &Path| -> Vec<Vec<u8>> {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect();
        v.sort();
        v
    };
    let originals = files(&dir);
    for (query, term) in [
        ("title:!!!", "'title:!!!'"),
        ("caption:\"?\"", "caption"),
        ("'", "'''"),
        ("—", "'—'"),
        ("kyndrova &", "'&'"),
    ] {
        for args in [
            vec!["edit", query, "--set", "caption=GONE"],
            vec!["set", "add", "S", query],
            vec!["template", "apply", "T", query],
            vec!["write-metadata", query, "--embed", "--in-place"],
        ] {
            let out = env.run(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(
                err.contains(term) && err.contains("no letters or digits"),
                "{args:?}: {err}"
            );
        }
    }
    assert_eq!(env.list(), before, "a photo changed");
    assert_eq!(files(&dir), originals, "an original changed");
    assert!(env.ok(["set", "show", "S"]).is_empty());
}

fn import_csv(env: &Env, name: &str, text: &[u8]) -> (String, String) {
    let file = env.path(name);
    std::fs::write(&file, text).unwrap();
    let out = env.run([Path::new("import-csv"), &file]);
    (stdout(&out), stderr(&out))
}

#[test]
fn import_csv_reports_malformed_rows_with_their_place_and_changes_nothing_in_them() {
    let (env, _) = archive();
    let t = |id: i64| env.show(&id.to_string())["title"].clone();
    let untouched = |ids: &[i64]| ids.iter().map(|i| t(*i)).collect::<Vec<_>>();

    // An unterminated quote swallows the rows after it: reported, and none
    // of them applied.
    let before = untouched(&[2, 3]);
    let (_, err) = import_csv(
        &env,
        "quote.csv",
        b"ID,Title,Caption\r\n1,Alpha,ok\r\n2,Beta,\"never closed\r\n3,Gamma,fine\r\n",
    );
    assert!(
        err.contains("row 3, column 3: a quote opened here is never closed"),
        "{err}"
    );
    assert_eq!(t(1), "Alpha");
    assert_eq!(untouched(&[2, 3]), before);

    // Ragged rows.
    let (_, err) = import_csv(
        &env,
        "ragged.csv",
        b"ID,Title,Caption\r\n1,Short\r\n2,Long,x,extra\r\n3,Gamma,fine\r\n",
    );
    assert!(
        err.contains("row 2: has 2 cells but the header has 3"),
        "{err}"
    );
    assert!(
        err.contains("row 3: has 4 cells but the header has 3"),
        "{err}"
    );
    assert_eq!(t(1), "Alpha");
    assert_eq!(t(3), "Gamma");

    // Text after a closing quote.
    let (_, err) = import_csv(&env, "after.csv", b"ID,Title\r\n1,\"abc\"def\r\n2,Beta\r\n");
    assert!(
        err.contains("row 2, column 2: text follows the closing quote"),
        "{err}"
    );
    assert_eq!(t(1), "Alpha");
    assert_eq!(t(2), "Beta");

    // Two columns with the same header.
    let (_, err) = import_csv(&env, "twice.csv", b"ID,Title,title\r\n1,One,Two\r\n");
    assert!(
        err.contains("row 1, column 2: column \"Title\" appears 2 times"),
        "{err}"
    );
    assert!(err.contains("row 1, column 3"), "{err}");
    assert_eq!(t(1), "Alpha");

    // The same photo twice.
    let (_, err) = import_csv(
        &env,
        "same.csv",
        b"ID,Title\r\n1,First\r\n1,Second\r\n3,Gamma2\r\n",
    );
    assert!(
        err.contains("row 2: photo 1 is named by rows 2, 3"),
        "{err}"
    );
    assert!(
        err.contains("row 3: photo 1 is named by rows 2, 3"),
        "{err}"
    );
    assert_eq!(t(1), "Alpha");
    assert_eq!(t(3), "Gamma2");

    // ID and File naming two different photos.
    let two = env.show("2")["path"].as_str().unwrap().to_owned();
    let (_, err) = import_csv(
        &env,
        "disagree.csv",
        format!("ID,File,Title\r\n1,{two},Mixed\r\n").as_bytes(),
    );
    assert!(err.contains("row 2: ID 1 and File"), "{err}");
    assert!(err.contains("name two different photos"), "{err}");
    assert_eq!(t(1), "Alpha");
    assert_eq!(t(2), "Beta");
}

#[test]
fn a_utf16_csv_is_read_as_utf16() {
    let (env, _) = archive();
    // As a spreadsheet saves "Unicode text": UTF-16 with a byte order mark.
    let text = "ID,Title,Caption\r\n1,Přepsáno,Советская армия\r\n";
    for (name, bytes) in [
        ("le.csv", {
            let mut b = vec![0xFF, 0xFE];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }),
        ("be.csv", {
            let mut b = vec![0xFE, 0xFF];
            b.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            b
        }),
    ] {
        env.ok(["edit", "", "--set", "title=", "--set", "caption="]);
        let (out, err) = import_csv(&env, name, &bytes);
        assert!(err.is_empty(), "{name}: {err}");
        assert!(out.contains("changed 1 photo "), "{name}: {out}");
        let photo = env.show("1");
        assert_eq!(photo["title"], "Přepsáno");
        assert_eq!(photo["caption"], "Советская армия");
    }
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_round_trip_exactly() {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let env = Env::new();
    let dir = env.path("names");
    std::fs::create_dir_all(&dir).unwrap();
    // Two Latin-1 names that a lossy decoder prints alike, and a UTF-8
    // name that is exactly what they print as.
    let names: [&[u8]; 3] = [
        b"Kyndrov\xe1.jpg",
        b"Kyndrov\xe9.jpg",
        "Kyndrov\u{FFFD}.jpg".as_bytes(),
    ];
    let source = std::fs::read(fixtures().join("archive/treaty-signing.jpg")).unwrap();
    let mut paths = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let path = dir.join(std::ffi::OsStr::from_bytes(name));
        let mut bytes = source.clone();
        bytes.extend_from_slice(format!("copy {i}").as_bytes());
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    assert!(env.import(&[&dir]).status.success());
    let photos = env.list();
    let shown: Vec<&str> = photos.iter().map(|p| p["path"].as_str().unwrap()).collect();
    let mut distinct = shown.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "{shown:?}");
    // Each JSON path finds its own photo again.
    for p in &photos {
        let again = env.show(p["path"].as_str().unwrap());
        assert_eq!(again["id"], p["id"]);
    }

    // --paths -0 gives the exact bytes.
    let out = env.run(["search", "", "--paths", "-0"]);
    let mut got: Vec<Vec<u8>> = out
        .stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    let mut want: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| p.canonicalize().unwrap().into_os_string().into_vec())
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);

    // An exiftool-profile round trip edits the one right photo.
    let tags = env.path("tags.csv");
    env.ok([
        Path::new("export"),
        Path::new("csv"),
        Path::new("--profile"),
        Path::new("exiftool"),
        Path::new("--out"),
        &tags,
    ]);
    let target = paths[0].canonicalize().unwrap().into_os_string().into_vec();
    retitle(&tags, |file| file == target.as_slice(), "Latin-1 one");
    let out = env.run([Path::new("import-csv"), &tags]);
    assert!(out.status.success(), "{}", stderr(&out));
    let retitled: Vec<_> = env
        .list()
        .into_iter()
        .filter(|p| p["title"] == "Latin-1 one")
        .collect();
    assert_eq!(retitled.len(), 1);
    assert!(
        retitled[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("/Kyndrov%E1.jpg")
    );

    // And the catalogue profile, matched by File alone.
    let plain = env.path("plain.csv");
    env.ok([
        Path::new("export"),
        Path::new("csv"),
        Path::new("--columns"),
        Path::new("File,Title"),
        Path::new("--out"),
        &plain,
    ]);
    retitle(
        &plain,
        |file| file.ends_with(b"/Kyndrov%E9.jpg"),
        "Latin-1 two",
    );
    let out = env.run([Path::new("import-csv"), &plain]);
    assert!(out.status.success(), "{}", stderr(&out));
    let two: Vec<_> = env
        .list()
        .into_iter()
        .filter(|p| p["title"] == "Latin-1 two")
        .collect();
    assert_eq!(two.len(), 1);
    assert!(
        two[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("/Kyndrov%E9.jpg")
    );
}

/// Rewrites a CSV file: the title (second column) of the rows whose file
/// (first column) `which` picks.
fn retitle(csv_file: &Path, which: impl Fn(&[u8]) -> bool, title: &str) {
    let bytes = std::fs::read(csv_file).unwrap();
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    let body = if bom { &bytes[3..] } else { &bytes[..] };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut found = 0;
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        for record in reader.byte_records() {
            let record = record.unwrap();
            let mut cells: Vec<Vec<u8>> = record.iter().map(<[u8]>::to_vec).collect();
            if which(&cells[0]) {
                cells[1] = title.as_bytes().to_vec();
                found += 1;
            }
            writer.write_record(&cells).unwrap();
        }
    }
    assert_eq!(found, 1, "the row was not found in {}", csv_file.display());
    std::fs::write(csv_file, out).unwrap();
}

fn folder_of(env: &Env, name: &str, n: usize, tag: &str) -> PathBuf {
    let dir = env.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    let source = std::fs::read(fixtures().join("archive/treaty-signing.jpg")).unwrap();
    for i in 0..n {
        let mut bytes = source.clone();
        bytes.extend_from_slice(format!("{tag} {i}").as_bytes());
        std::fs::write(dir.join(format!("{i:03}.jpg")), bytes).unwrap();
    }
    dir
}

#[test]
fn two_imports_into_one_catalogue_at_once_both_finish() {
    let env = Env::new();
    let a = folder_of(&env, "a", 60, "first");
    let b = folder_of(&env, "b", 60, "second");
    let spawn = |dir: &Path| {
        env.cmd()
            .args(["import", "--threads", "1"])
            .arg(dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (one, two) = (spawn(&a), spawn(&b));
    for child in [one, two] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(env.list().len(), 120);
}

#[test]
fn an_edit_waits_while_another_process_writes() {
    let (env, _) = archive();
    let catalogue = env.catalog.clone();
    let (held, release) = std::sync::mpsc::channel();
    let holder = std::thread::Builder::new()
        .name("lock-holder".into())
        .spawn(move || {
            let conn = rusqlite::Connection::open(&catalogue).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE; UPDATE photo SET note = 'held' WHERE id = 1;")
                .unwrap();
            held.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(1500));
            conn.execute_batch("COMMIT").unwrap();
        })
        .unwrap();
    release.recv().unwrap();
    let started = Instant::now();
    let out = env.run(["edit", "", "--set", "credit=Waited"]);
    holder.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(started.elapsed() > Duration::from_millis(1000));
    assert!(env.list().iter().all(|p| p["credit"] == "Waited"));
    assert_eq!(env.show("1")["note"], "held");
}

#[cfg(unix)]
#[test]
fn a_read_only_catalogue_is_opened_read_only_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::shared();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    assert!(env.import(&[&dir]).status.success());
    let thumbs = env.catalog.with_file_name("test.thumbnails.sqlite");
    let beside = |suffix: &str| {
        let mut p = env.catalog.clone().into_os_string();
        p.push(suffix);
        PathBuf::from(p)
    };
    for f in [&env.catalog, &thumbs] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    assert!(!beside("-wal").exists() && !beside("-shm").exists());

    let list = common::as_ordinary_user(env.cmd().args(["list", "--json"]))
        .output()
        .unwrap();
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(
        stderr(&list).contains("is read-only for this user"),
        "{}",
        stderr(&list)
    );
    let photos: Vec<Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(photos.len(), 4);

    let edit = common::as_ordinary_user(env.cmd().args(["edit", "", "--set", "credit=x"]))
        .output()
        .unwrap();
    let err = stderr(&edit);
    assert_eq!(edit.status.code(), Some(1), "{err}");
    let last = err.lines().last().unwrap();
    assert!(
        last.contains(&env.catalog.display().to_string()) && last.contains("read-only"),
        "{err}"
    );
    assert!(!err.contains("Error code"), "{err}");
    assert!(
        !beside("-wal").exists() && !beside("-shm").exists(),
        "files were left beside it"
    );

    // Made writable again, it works at once: nothing left behind keeps it
    // read-only.
    for f in [&env.catalog, &thumbs] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o666)).unwrap();
    }
    let edit = common::as_ordinary_user(env.cmd().args(["edit", "", "--set", "credit=Back"]))
        .output()
        .unwrap();
    assert!(edit.status.success(), "{}", stderr(&edit));
    assert!(env.list().iter().all(|p| p["credit"] == "Back"));
}

#[cfg(unix)]
#[test]
fn a_catalogue_in_a_folder_this_user_cannot_write_can_be_listed() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::shared();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    let folder = env.path("readonly");
    std::fs::create_dir_all(&folder).unwrap();
    let catalogue = folder.join("cat.kartoteka");
    let run = |args: &[&str], ordinary: bool| {
        let mut cmd = std::process::Command::new(common::binary());
        cmd.arg("--catalog").arg(&catalogue).args(args);
        if ordinary {
            common::as_ordinary_user(&mut cmd);
        }
        cmd.output().unwrap()
    };
    assert!(
        run(&["import", dir.to_str().unwrap()], false)
            .status
            .success()
    );
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let readable = |p: &Path| std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o644));
    readable(&catalogue).unwrap();
    let list = run(&["list"], true);
    let shown = stdout(&list);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(list.status.success(), "{}", stderr(&list));
    assert_eq!(shown.lines().count(), 4, "{shown}");
    let names: Vec<String> = common::file_names(&folder);
    assert_eq!(names, ["cat.kartoteka", "cat.thumbnails.sqlite"]);
}

#[test]
fn a_damaged_version_marker_is_one_line_naming_the_catalogue() {
    let (env, _) = archive();
    let conn = rusqlite::Connection::open(&env.catalog).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    drop(conn);
    let out = env.run(["list"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&env.catalog.display().to_string()), "{err}");
    assert!(err.contains("restore the catalogue from a backup"), "{err}");
    for noise in ["CREATE", "Error code", "SELECT"] {
        assert!(!err.contains(noise), "{err}");
    }
}

#[test]
fn a_catalogue_locked_too_long_is_one_line_naming_it() {
    let (env, _) = archive();
    let catalogue = env.catalog.clone();
    let (held, release) = std::sync::mpsc::channel();
    let holder = std::thread::Builder::new()
        .name("lock-holder".into())
        .spawn(move || {
            let conn = rusqlite::Connection::open(&catalogue).unwrap();
            conn.execute_batch("BEGIN EXCLUSIVE; UPDATE photo SET note = 'mine';")
                .unwrap();
            held.send(()).unwrap();
            std::thread::sleep(Duration::from_secs(13));
            conn.execute_batch("ROLLBACK").unwrap();
        })
        .unwrap();
    release.recv().unwrap();
    let out = env.run(["edit", "", "--set", "credit=x"]);
    holder.join().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&env.catalog.display().to_string()), "{err}");
    assert!(err.contains("in use by another program"), "{err}");
    assert_eq!(err.matches("locked").count(), 1, "{err}");
    assert!(!err.contains("Error code"), "{err}");
}
