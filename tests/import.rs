//! Import, end to end: the real binary on real files in a temporary folder.

mod common;

use std::path::Path;

use common::{Env, by_name, fixtures, stderr, stdout};

const ARCHIVE: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/sidecar-only.jpg",
    "archive/sidecar-only.xmp",
    "archive/treaty-signing.jpg",
];

#[test]
fn archive_metadata_comes_through_intact() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("5 photos stored (5 new"),
        "{}",
        stdout(&out)
    );

    let photos = env.list();
    assert_eq!(photos.len(), 5, "the sidecar is not a photo");

    let dorm = by_name(&photos, "dormitory-sewing.jpg");
    assert_eq!(dorm["title"], "Dormitory, soldier sewing");
    assert_eq!(dorm["creators"], serde_json::json!(["Dana Kyndrová"]));
    assert_eq!(dorm["copyright"], "© Dana Kyndrová");
    assert_eq!(
        dorm["keywords"],
        serde_json::json!([
            "Soviet troops",
            "kasárna",
            "odsun sovětských vojsk",
            "Советская армия"
        ])
    );
    assert_eq!(
        dorm["hierarchical_keywords"],
        serde_json::json!([
            "Places|Czechoslovakia|Milovice",
            "Subjects|Military|Barracks"
        ])
    );
    // A year-only depicted date stays a year; the capture date is the camera's.
    assert_eq!(dorm["date_created"], "1991");
    assert_eq!(dorm["taken_at"], "2014-03-05T05:28:09");
    assert_eq!(dorm["job_id"], "CS-1991-001");
    assert_eq!(
        dorm["event"],
        "Withdrawal of Soviet troops from Czechoslovakia"
    );

    // Legacy Latin-1 IIM with no character-set marker.
    let portraits = by_name(&photos, "portraits-stacked.jpg");
    assert_eq!(portraits["creators"], serde_json::json!(["Dana Kyndrová"]));
    assert_eq!(portraits["copyright"], "© Dana Kyndrová");

    // XMP-only, with a Slovak state name and a month-precision date.
    let bags = by_name(&photos, "shopping-bags-formation.jpg");
    assert_eq!(bags["state"], "Slovensko");
    assert_eq!(bags["date_created"], "1991-06");
    assert_eq!(bags["sublocation"], "railway station");

    let treaty = by_name(&photos, "treaty-signing.jpg");
    assert_eq!(
        treaty["people"],
        serde_json::json!(["Václav Havel", "Michail Gorbačov"])
    );
    assert_eq!(
        treaty["keywords"],
        serde_json::json!(["Havel, Václav", "treaty"])
    );
    assert_eq!(treaty["credit"], "ČT24");
    assert_eq!(treaty["date_created"], "1990-02-26");
    // DateTimeOriginal is a blank placeholder in this file: no capture date.
    assert_eq!(treaty["taken_at"], serde_json::Value::Null);

    // Metadata that lives only in the sidecar.
    let convoy = by_name(&photos, "sidecar-only.jpg");
    assert_eq!(convoy["title"], "Convoy at the border");
    assert_eq!(convoy["keywords"], serde_json::json!(["convoy", "BMP"]));
    assert_eq!(
        convoy["hierarchical_keywords"],
        serde_json::json!(["Subjects|Military|Vehicles|BMP"])
    );
    assert_eq!(convoy["date_created"], "1991-02");
}

#[test]
fn show_finds_photos_by_id_or_path_and_all_adds_raw_tags() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &["archive/dormitory-sewing.jpg"]);
    assert!(env.import(&[&dir]).status.success());
    let file = dir.join("dormitory-sewing.jpg");
    let by_path = env.show(file.to_str().unwrap());
    let by_id = env.show(&by_path["id"].to_string());
    assert_eq!(by_path, by_id);
    assert!(by_path.get("tags").is_none(), "tags only with --all");

    let all: serde_json::Value =
        serde_json::from_str(&env.ok(["show", file.to_str().unwrap(), "--json", "--all"])).unwrap();
    let tags = all["tags"].as_array().unwrap();
    let has = |group: &str, name: &str, value: &str| {
        tags.iter()
            .any(|t| t["group"] == group && t["name"] == name && t["value"] == value)
    };
    assert!(has("EXIF IFD0", "Make", "Canon"), "{tags:#?}");
    assert!(has("IPTC", "By-line", "Dana Kyndrová"));
    assert!(has("IPTC", "CodedCharacterSet", "UTF-8"));
    assert!(has(
        "XMP",
        "photoshop:Headline",
        "The Russians: The Withdrawal of Soviet Troops from Czechoslovakia, 1991"
    ));

    // The keys scripts rely on are all there, in order.
    let keys: Vec<&str> = by_path
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "path",
            "hash",
            "size",
            "format",
            "width",
            "height",
            "orientation",
            "camera_make",
            "camera_model",
            "lens",
            "taken_at",
            "digitized_at",
            "exposure_time",
            "f_number",
            "iso",
            "focal_length",
            "gps",
            "title",
            "headline",
            "caption",
            "creators",
            "credit",
            "copyright",
            "source",
            "instructions",
            "job_id",
            "sublocation",
            "city",
            "state",
            "country",
            "country_code",
            "keywords",
            "hierarchical_keywords",
            "people",
            "event",
            "date_created",
            "digital_source_type",
            "rating",
            "flag",
            "label",
            "note",
            "claims",
            "sources"
        ]
    );

    let missing = env.run(["show", "99999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no photo with id 99999"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn reimport_skips_unchanged_files_and_rereads_changed_ones() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    assert!(env.import(&[&dir]).status.success());
    let before = env.list();

    let again = env.import(&[&dir]);
    assert!(
        stdout(&again).starts_with("0 photos stored"),
        "{}",
        stdout(&again)
    );
    assert!(stdout(&again).contains("5 unchanged"), "{}", stdout(&again));

    // Editing the sidecar is a change to the photo, though its file is untouched.
    let sidecar = dir.join("sidecar-only.xmp");
    let xml = std::fs::read_to_string(&sidecar).unwrap();
    std::fs::write(
        &sidecar,
        xml.replace("Convoy at the border", "Convoy at the Slovak border"),
    )
    .unwrap();
    bump_mtime(&sidecar);
    let third = env.import(&[&dir]);
    assert!(
        stdout(&third).starts_with("1 photo stored (0 new, 1 re-read"),
        "{}",
        stdout(&third)
    );
    let after = env.list();
    assert_eq!(
        by_name(&after, "sidecar-only.jpg")["title"],
        "Convoy at the Slovak border"
    );
    assert_eq!(
        by_name(&after, "sidecar-only.jpg")["id"],
        by_name(&before, "sidecar-only.jpg")["id"]
    );
}

#[test]
fn the_same_content_at_two_paths_is_recognised() {
    let env = Env::new();
    let a = env.copy_fixtures("a", &["archive/treaty-signing.jpg"]);
    let b = env.copy_fixtures("b", &["archive/treaty-signing.jpg"]);
    assert!(env.import(&[&a]).status.success());
    let out = env.import(&[&b]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("duplicate of photo 1"),
        "{}",
        stdout(&out)
    );
    let stats = env.ok(["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["photos"], 2);
    assert_eq!(stats["duplicates"], 2);
}

#[test]
fn a_moved_folder_is_relinked_and_keeps_its_ids() {
    let env = Env::new();
    let old = env.copy_fixtures(
        "drive-a/1991",
        &[
            "archive/treaty-signing.jpg",
            "archive/portraits-stacked.jpg",
        ],
    );
    assert!(env.import(&[&old]).status.success());
    let before = env.list();

    let new = env.path("drive-b/1991");
    std::fs::create_dir_all(new.parent().unwrap()).unwrap();
    std::fs::rename(&old, &new).unwrap();
    let out = env.import(&[&new]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 moved"), "{}", stdout(&out));

    let after = env.list();
    assert_eq!(after.len(), 2);
    for name in ["treaty-signing.jpg", "portraits-stacked.jpg"] {
        let (b, a) = (by_name(&before, name), by_name(&after, name));
        assert_eq!(a["id"], b["id"]);
        assert!(a["path"].as_str().unwrap().contains("/drive-b/1991/"));
    }
}

#[test]
fn broken_files_fail_with_reason_and_path_and_never_stop_the_batch() {
    let env = Env::new();
    let dir = env.copy_fixtures(
        "incoming",
        &[
            "corrupt/zero-byte.jpg",
            "corrupt/truncated_jpeg.jpg",
            "corrupt/hopper_png_content.jpg",
            "corrupt/invalid-exif.jpg",
            "corrupt/broken.png",
            "corrupt/crash-2020-10-test.tif",
            "archive/treaty-signing.jpg",
        ],
    );
    // A file with a huge declared size and almost no data (a decompression bomb).
    std::fs::write(dir.join("bomb.png"), png_declaring(100_000, 100_000)).unwrap();
    // A symbolic link loop.
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    // A file that is not an image at all, but has a photo's extension.
    std::fs::write(dir.join("notes.jpg"), "scanned on 14 March 2019").unwrap();

    let out = env.import(&[&dir]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let failed = |name: &str, reason: &str| {
        err.lines().any(|l| {
            l.starts_with("failed: ") && l.contains(reason) && l.ends_with(&format!("/{name}"))
        })
    };
    assert!(failed("zero-byte.jpg", "is empty (0 bytes)"), "{err}");
    assert!(failed("broken.png", "is damaged"), "{err}");
    assert!(failed("crash-2020-10-test.tif", "is damaged"), "{err}");
    assert!(
        failed("notes.jpg", "is not in an image format Kartoteka reads"),
        "{err}"
    );
    assert!(failed("bomb.png", "100000x100000"), "{err}");
    assert!(failed("loop", "symbolic link loop"), "{err}");

    let photos = env.list();
    // The good photo, the PNG named .jpg, the file with broken EXIF and the
    // truncated JPEG (with a warning) all made it.
    for name in [
        "treaty-signing.jpg",
        "hopper_png_content.jpg",
        "invalid-exif.jpg",
        "truncated_jpeg.jpg",
    ] {
        by_name(&photos, name);
    }
    assert_eq!(by_name(&photos, "hopper_png_content.jpg")["format"], "png");
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: EXIF could not be read")
                && l.ends_with("/invalid-exif.jpg")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: image data is damaged")
                && l.ends_with("/truncated_jpeg.jpg")),
        "{err}"
    );
    assert_eq!(photos.len(), 4);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_imported() {
    use std::os::unix::fs::PermissionsExt;
    // Run as an ordinary user, for whom a mode-000 file is unreadable (root
    // reads anything).
    let env = Env::shared();
    let dir = env.copy_fixtures(
        "incoming",
        &[
            "archive/treaty-signing.jpg",
            "archive/portraits-stacked.jpg",
        ],
    );
    let locked = dir.join("portraits-stacked.jpg");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = common::as_ordinary_user(env.cmd().arg("import").arg(&dir))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("failed: could not be read: Permission denied"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.list().len(), 1);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_survive() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let dir = env.path("Kyndrová");
    std::fs::create_dir_all(&dir).unwrap();
    // "Kyndrová.jpg" written in Latin-1, as an old archive drive might hold it.
    let name = std::ffi::OsStr::from_bytes(b"Kyndrov\xe1.jpg");
    std::fs::copy(
        fixtures().join("archive/treaty-signing.jpg"),
        dir.join(name),
    )
    .unwrap();
    assert!(env.import(&[&dir]).status.success());
    let photos = env.list();
    assert_eq!(photos.len(), 1);
    // The exact bytes are kept: the file is found again by its path.
    let shown = env
        .cmd()
        .arg("show")
        .arg(dir.join(name))
        .arg("--json")
        .output()
        .unwrap();
    assert!(shown.status.success(), "{}", stderr(&shown));
    let again = env.import(&[&dir]);
    assert!(stdout(&again).contains("1 unchanged"), "{}", stdout(&again));
}

#[test]
fn import_never_writes_to_originals() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    let snapshot = || -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let meta = std::fs::metadata(&p).unwrap();
                (
                    p.display().to_string(),
                    std::fs::read(&p).unwrap(),
                    meta.modified().unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot();
    assert!(env.import(&[&dir]).status.success());
    assert_eq!(snapshot(), before);
}

#[test]
fn thumbnails_live_beside_the_catalogue_upright_and_512_at_most() {
    let env = Env::new();
    let dir = env.copy_fixtures(
        "photos",
        &[
            "orientation/landscape_6.jpg",
            "archive/dormitory-sewing.jpg",
        ],
    );
    assert!(env.import(&[&dir]).status.success());
    let thumbs = env.path("test.thumbnails.sqlite");
    assert!(thumbs.is_file(), "no thumbnail file beside the catalogue");

    let conn = rusqlite::Connection::open(&thumbs).unwrap();
    let photos = env.list();
    for p in &photos {
        let (w, h, jpeg): (u32, u32, Vec<u8>) = conn
            .query_row(
                "SELECT width, height, jpeg FROM thumbnail WHERE hash = ?1",
                [p["hash"].as_str().unwrap()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            w.max(h),
            512.min(
                p["width"]
                    .as_u64()
                    .unwrap()
                    .max(p["height"].as_u64().unwrap()) as u32
            )
        );
        let decoded = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (w, h));
    }
    // landscape_6 is stored standing (450x600) with orientation 6: a landscape
    // photo turned on its side. Its thumbnail lies the right way.
    let l6 = by_name(&photos, "landscape_6.jpg");
    assert_eq!(
        (l6["width"].as_u64(), l6["orientation"].as_u64()),
        (Some(450), Some(6))
    );
    let (w, h): (u32, u32) = conn
        .query_row(
            "SELECT width, height FROM thumbnail WHERE hash = ?1",
            [l6["hash"].as_str().unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(w > h, "orientation 6 was not applied: {w}x{h}");
}

#[test]
fn check_lists_missing_and_changed_files() {
    let env = Env::new();
    let dir = env.copy_fixtures(
        "archive",
        &[
            "archive/treaty-signing.jpg",
            "archive/portraits-stacked.jpg",
        ],
    );
    assert!(env.import(&[&dir]).status.success());
    assert!(env.run(["check"]).status.success());

    std::fs::remove_file(dir.join("treaty-signing.jpg")).unwrap();
    let mut bytes = std::fs::read(dir.join("portraits-stacked.jpg")).unwrap();
    bytes.extend_from_slice(b"appended");
    std::fs::write(dir.join("portraits-stacked.jpg"), bytes).unwrap();

    let out = env.run(["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("missing\t") && l.ends_with("/treaty-signing.jpg")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("changed\t") && l.ends_with("/portraits-stacked.jpg")),
        "{text}"
    );
}

#[test]
fn the_catalogue_comes_from_the_flag_the_variable_or_the_data_folder() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &["archive/treaty-signing.jpg"]);
    let bin = env!("CARGO_BIN_EXE_kartoteka");

    // KARTOTEKA_CATALOG
    let via_env = env.path("from-env.kartoteka");
    let out = std::process::Command::new(bin)
        .env("KARTOTEKA_CATALOG", &via_env)
        .arg("import")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(via_env.is_file());

    // The platform data folder, when neither is given.
    let home = env.path("home");
    let out = std::process::Command::new(bin)
        .env_remove("KARTOTEKA_CATALOG")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .arg("import")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        home.join(".local/share/kartoteka/catalogue.kartoteka")
            .is_file()
    );
}

#[test]
fn a_catalogue_from_a_newer_kartoteka_is_refused_and_left_alone() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &["archive/treaty-signing.jpg"]);
    assert!(env.import(&[&dir]).status.success());
    {
        let conn = rusqlite::Connection::open(&env.catalog).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&env.catalog).unwrap();
    let out = env.run(["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer Kartoteka"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&env.catalog).unwrap(), before);
}

/// A PNG header declaring `w`x`h` RGB pixels, followed by a tiny IDAT.
fn png_declaring(w: u32, h: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        out.extend_from_slice(&crc_input);
        out.extend(crc32(&crc_input).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(data);
    crc.sum()
}

/// Moves a file's modification time forward, so that a change is seen even
/// on file systems with coarse timestamps.
fn bump_mtime(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    file.set_modified(later).unwrap();
}
