//! Files an attacker (or a damaged CD) brings to import: XMP nested
//! thousands of levels deep, scan bombs, FIFOs where photos should be,
//! keyword hierarchies thousands of levels deep, text that inflates past
//! any budget, files of gigabytes, captions of megabytes, control
//! characters. None of them may crash an import, hang it, exhaust memory
//! or bloat the catalogue; each is reported and the rest of the batch goes on.

mod common;

use std::path::Path;
use std::time::Duration;

use common::hostile::*;
use common::{Env, by_name, fixtures, stderr, stdout};
use serde_json::Value;

const MINUTE: Duration = Duration::from_secs(60);

/// `n` good photographs, each with its own content.
fn good_photos(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let original = std::fs::read(fixtures().join("archive/treaty-signing.jpg")).unwrap();
    for i in 0..n {
        let mut bytes = original.clone();
        bytes.extend_from_slice(format!("copy {i}").as_bytes());
        std::fs::write(dir.join(format!("good-{i:02}.jpg")), bytes).unwrap();
    }
}

fn warnings_for<'a>(err: &'a str, name: &str) -> Vec<&'a str> {
    err.lines()
        .filter(|l| l.starts_with("warning: ") && l.ends_with(&format!("/{name}")))
        .collect()
}

#[test]
fn deeply_nested_xmp_anywhere_is_ignored_with_a_warning_and_the_batch_survives() {
    let env = Env::new();
    let dir = env.path("incoming");
    good_photos(&dir, 36);
    // 6,000 nested elements in a JPEG's XMP (a 42 KB packet), with an IPTC
    // title beside it that must still come through.
    let deep = deep_xmp(6_000);
    assert!(deep.len() < 65_000);
    let jpeg_file = with_iim(
        &with_xmp(&jpeg(64, 48), &deep),
        &[(5, "Still titled".as_bytes())],
    );
    std::fs::write(dir.join("deep.jpg"), jpeg_file).unwrap();
    // A 10,000-deep sidecar.
    std::fs::write(dir.join("sidecar.jpg"), jpeg(48, 64)).unwrap();
    std::fs::write(dir.join("sidecar.xmp"), deep_xmp(10_000)).unwrap();
    // A compressed PNG iTXt of a few hundred bytes that inflates to
    // 100,000 levels.
    let itxt = itxt_compressed("XML:com.adobe.xmp", deep_xmp(100_000).as_bytes());
    assert!(itxt.len() < 4_000, "{} bytes", itxt.len());
    std::fs::write(dir.join("deep.png"), png_with_chunks(&png(32, 32), &[itxt])).unwrap();
    // TIFF tag 700.
    std::fs::write(dir.join("deep.tif"), tiff_with_xmp(&deep_xmp(20_000))).unwrap();

    let out = run_within(env.cmd().arg("import").arg(&dir), 5 * MINUTE);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        stdout(&out).contains("40 photos stored"),
        "{}",
        stdout(&out)
    );
    for name in ["deep.jpg", "deep.png", "deep.tif", "sidecar.jpg"] {
        let w = warnings_for(&err, name);
        assert!(
            w.iter()
                .any(|l| l.contains("XMP nests deeper than 64 levels; XMP ignored")),
            "{name}: {err}"
        );
    }
    let photos = env.list();
    assert_eq!(photos.len(), 40);
    // Pixels and the other metadata are still there.
    let deep = by_name(&photos, "deep.jpg");
    assert_eq!(deep["title"], "Still titled");
    assert_eq!(deep["width"], 64);
    assert_eq!(by_name(&photos, "deep.tif")["title"], "TIFF title");
    assert_eq!(by_name(&photos, "deep.png")["width"], 32);
}

#[test]
fn a_progressive_jpeg_with_thousands_of_scans_is_refused() {
    let env = Env::new();
    let dir = env.path("incoming");
    good_photos(&dir, 2);
    let bomb = progressive_jpeg_with_scans(256, 256, 2_000);
    std::fs::write(dir.join("scans.jpg"), &bomb).unwrap();
    // An ordinary progressive JPEG is no bomb.
    std::fs::write(
        dir.join("progressive.jpg"),
        progressive_jpeg_with_scans(256, 256, 12),
    )
    .unwrap();
    let out = run_within(env.cmd().arg("import").arg(&dir), 2 * MINUTE);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.lines().any(|l| l.starts_with("failed: ")
            && l.contains("more than 100 scans")
            && l.ends_with("/scans.jpg")),
        "{err}"
    );
    let photos = env.list();
    assert_eq!(photos.len(), 3);
    by_name(&photos, "progressive.jpg");
    // The desktop app decodes previews through the same guard.
    assert!(matches!(
        kartoteka::ingest::jpeg::decode_scaled(&bomb, 512, u64::MAX),
        Err(kartoteka::ingest::jpeg::JpegError::TooManyScans)
    ));
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_reported_never_waited_on() {
    let env = Env::new();
    let dir = env.path("incoming");
    good_photos(&dir, 2);
    // A FIFO named to import, a device named to import, a FIFO inside the
    // folder, and a sidecar name taken by a FIFO.
    let named = env.path("named.jpg");
    mkfifo(&named);
    mkfifo(&dir.join("inside.jpg"));
    std::fs::write(dir.join("with-sidecar.jpg"), jpeg(40, 30)).unwrap();
    mkfifo(&dir.join("with-sidecar.xmp"));
    let out = run_within(
        env.cmd()
            .arg("import")
            .arg(&dir)
            .arg(&named)
            .arg("/dev/null"),
        MINUTE,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("failed: is a FIFO (named pipe), not a photo file; it was not read: ")
            && err.lines().any(|l| l.ends_with("/named.jpg")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains("is a character device") && l.ends_with("/dev/null")),
        "{err}"
    );
    assert!(
        warnings_for(&err, "with-sidecar.jpg")
            .iter()
            .any(|l| l.contains("with-sidecar.xmp is a FIFO (named pipe), not a regular file")),
        "{err}"
    );
    assert_eq!(env.list().len(), 3);

    // A catalogued photo that has become a FIFO: writing its metadata
    // reports it instead of waiting forever for a writer.
    let photo = dir.join("good-00.jpg");
    std::fs::remove_file(&photo).unwrap();
    mkfifo(&photo);
    let out = run_within(
        env.cmd()
            .args(["write-metadata", "path:good-00", "--embed", "--out"])
            .arg(env.path("copies")),
        MINUTE,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("good-00.jpg is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    let out = run_within(env.cmd().args(["check", "--verify"]), MINUTE);
    assert!(stdout(&out).contains("good-00.jpg"), "{}", stdout(&out));

    // A catalogue path that is a FIFO is refused, not opened and waited on.
    let fifo_catalogue = env.path("fifo.kartoteka");
    mkfifo(&fifo_catalogue);
    let out = run_within(
        std::process::Command::new(common::binary())
            .arg("--catalog")
            .arg(&fifo_catalogue)
            .arg("list"),
        MINUTE,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is a FIFO (named pipe), not a catalogue file"),
        "{}",
        stderr(&out)
    );
}

/// The path `K0000|K0001|…` of `levels` levels.
fn deep_path(levels: usize) -> String {
    (0..levels)
        .map(|i| format!("K{i:04}"))
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn a_keyword_five_thousand_levels_deep_keeps_every_level() {
    let env = Env::new();
    let dir = env.path("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    let path = deep_path(5_000);
    let packet = xmp_packet(&format!(
        "<lr:hierarchicalSubject><rdf:Bag><rdf:li>{path}</rdf:li></rdf:Bag></lr:hierarchicalSubject>"
    ));
    std::fs::write(dir.join("deep.jpg"), with_xmp(&jpeg(40, 30), &packet)).unwrap();
    // And 20,000 flat keywords in one sidecar.
    std::fs::write(dir.join("flat.jpg"), jpeg(30, 40)).unwrap();
    let items: String = (0..20_000)
        .map(|i| format!("<rdf:li>flat{i:05}</rdf:li>"))
        .collect();
    std::fs::write(
        dir.join("flat.xmp"),
        xmp_packet(&format!(
            "<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>"
        )),
    )
    .unwrap();

    let out = run_within(env.cmd().arg("import").arg(&dir), 5 * MINUTE);
    assert!(out.status.success(), "{}", stderr(&out));
    let photos = env.list();
    let deep = by_name(&photos, "deep.jpg");
    assert_eq!(deep["hierarchical_keywords"][0], path.as_str());
    assert_eq!(
        by_name(&photos, "flat.jpg")["keywords"]
            .as_array()
            .unwrap()
            .len(),
        20_000
    );

    let out = run_within(env.cmd().args(["keywords", "list", "--json"]), 2 * MINUTE);
    assert!(out.status.success(), "{}", stderr(&out));
    let entries: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entries.len(), 5_000 + 20_000);
    let deepest = entries.iter().find(|e| e["depth"] == 4_999).unwrap();
    assert_eq!(deepest["path"], path.as_str());
    assert_eq!(deepest["photos"], 1);
    let top = entries.iter().find(|e| e["name"] == "K0000").unwrap();
    assert_eq!(top["photos"], 1, "a keyword counts the photos below it");

    // What is written back to a sidecar is the whole path, not its last 65 levels.
    let out = run_within(
        env.cmd().args(["write-metadata", "path:deep", "--sidecar"]),
        2 * MINUTE,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let sidecar = std::fs::read_to_string(dir.join("deep.xmp")).unwrap();
    assert!(sidecar.contains(&path), "the sidecar lost levels");
}

#[test]
fn compressed_png_text_has_a_budget_per_file() {
    let env = Env::new();
    let dir = env.path("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    // 40 zTXt chunks of 17 MB of text each, about 700 KB in all.
    let compressed = zlib(&vec![b'a'; 17 << 20]);
    let chunks: Vec<Vec<u8>> = (0..40)
        .map(|i| ztxt_compressed(&format!("Comment{i}"), &compressed))
        .collect();
    let bomb = png_with_chunks(&png(16, 16), &chunks);
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    std::fs::write(dir.join("bomb.png"), &bomb).unwrap();
    let (out, peak) = run_measured(env.cmd().arg("import").arg(&dir), 2 * MINUTE);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        warnings_for(&err, "bomb.png")
            .iter()
            .any(|l| l.contains("compressed PNG text beyond 16 MiB in this file was not read")),
        "{err}"
    );
    assert!(peak < 400 << 20, "import peaked at {} MB", peak >> 20);
    let catalogue = std::fs::metadata(&env.catalog).unwrap().len();
    assert!(
        catalogue < 8 << 20,
        "the catalogue grew to {catalogue} bytes"
    );
    assert_eq!(env.list().len(), 1);
}

#[test]
fn a_file_of_three_gigabytes_is_read_in_bounded_memory() {
    let env = Env::new();
    let dir = env.path("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("huge.jpg");
    std::fs::write(&file, jpeg(64, 48)).unwrap();
    // A sparse file: a JPEG followed by three gigabytes of nothing.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let (out, peak) = run_measured(
        env.cmd().args(["import", "--threads", "2"]).arg(&dir),
        5 * MINUTE,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        peak < 300 << 20,
        "import of a 3 GB file peaked at {} MB",
        peak >> 20
    );
    let photos = env.list();
    assert_eq!(photos[0]["size"], 3u64 << 30);
    assert_eq!(photos[0]["width"], 64);
}

#[test]
fn captions_of_megabytes_are_cut_with_a_warning_naming_the_field() {
    let env = Env::new();
    let dir = env.path("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    let caption = |n: usize| -> String {
        xmp_packet(&format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>{}</rdf:li></rdf:Alt></dc:description>",
            "Ф".repeat(n / 2)
        ))
    };
    // A sidecar with a 1 MB caption: read, and the caption cut.
    std::fs::write(dir.join("long.jpg"), jpeg(40, 30)).unwrap();
    std::fs::write(dir.join("long.xmp"), caption(1 << 20)).unwrap();
    // A 50 MB sidecar: not read at all.
    std::fs::write(dir.join("huge-sidecar.jpg"), jpeg(30, 40)).unwrap();
    std::fs::write(dir.join("huge-sidecar.xmp"), caption(50 << 20)).unwrap();
    // A 50 MB caption in a compressed iTXt.
    let itxt = itxt_compressed("XML:com.adobe.xmp", caption(50 << 20).as_bytes());
    std::fs::write(dir.join("itxt.png"), png_with_chunks(&png(20, 20), &[itxt])).unwrap();
    // A 50 MB caption in Extended XMP.
    let extended = with_extended_xmp(
        &jpeg(20, 30),
        &title_xmp("Extended"),
        caption(50 << 20).as_bytes(),
    );
    std::fs::write(dir.join("extended.jpg"), extended).unwrap();

    let out = run_within(env.cmd().arg("import").arg(&dir), 5 * MINUTE);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        warnings_for(&err, "long.jpg")
            .iter()
            .any(|l| l
                .contains("caption is 1 MiB, more than the 64 KiB Kartoteka keeps; it was cut")),
        "{err}"
    );
    assert!(
        warnings_for(&err, "huge-sidecar.jpg")
            .iter()
            .any(|l| l.contains("more than the 16 MiB Kartoteka reads")),
        "{err}"
    );
    assert!(!warnings_for(&err, "itxt.png").is_empty(), "{err}");
    assert!(
        warnings_for(&err, "extended.jpg")
            .iter()
            .any(|l| l.contains("metadata beyond 16 MiB in this file was not read")),
        "{err}"
    );
    let photos = env.list();
    assert_eq!(photos.len(), 4);
    let long = by_name(&photos, "long.jpg")["caption"]
        .as_str()
        .unwrap()
        .len();
    assert!(long <= 64 << 10 && long > 60 << 10, "{long}");
    assert_eq!(by_name(&photos, "extended.jpg")["title"], "Extended");
    let catalogue = std::fs::metadata(&env.catalog).unwrap().len();
    assert!(
        catalogue < 8 << 20,
        "the catalogue grew to {catalogue} bytes"
    );

    // A 50 MB CSV cell is a problem with its place, not a caption.
    let csv = env.path("edit.csv");
    let id = by_name(&photos, "long.jpg")["id"].as_i64().unwrap();
    std::fs::write(
        &csv,
        format!("ID,Caption\r\n{id},{}\r\n", "x".repeat(50 << 20)),
    )
    .unwrap();
    let out = env.run([Path::new("import-csv"), &csv]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("row 2, column 2: the cell is 50 MiB, more than the 64 KiB"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        env.show(&id.to_string())["caption"].as_str().unwrap().len(),
        long
    );
}

#[test]
fn control_characters_never_reach_the_terminal_or_xmp() {
    let env = Env::new();
    let dir = env.path("incoming");
    std::fs::create_dir_all(&dir).unwrap();
    let title = "Red\u{1b}[31m alert\u{7}\u{1b}]0;owned\u{7}";
    std::fs::write(
        dir.join("escape.jpg"),
        with_iim(
            &jpeg(40, 30),
            &[(5, title.as_bytes()), (120, b"a\x00b\x1bc")],
        ),
    )
    .unwrap();
    assert!(env.import(&[&dir]).status.success());
    let listing = env.run(["list"]);
    let shown = env.run(["show", "1"]);
    let found = env.run(["search", "red"]);
    for out in [&listing, &shown, &found] {
        assert!(
            !out.stdout.iter().any(|b| matches!(b, 0x1b | 0x07 | 0x00)),
            "raw control characters reached the terminal: {:?}",
            stdout(out)
        );
    }
    assert!(
        stdout(&listing).contains("Red\\x1b[31m alert\\x07"),
        "{}",
        stdout(&listing)
    );
    // The JSON keeps the exact value.
    assert_eq!(env.show("1")["title"], title);
    // XMP written out is well-formed: no characters XML forbids.
    let out = env.run(["write-metadata", "", "--sidecar"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sidecar = std::fs::read(dir.join("escape.xmp")).unwrap();
    assert!(
        !sidecar
            .iter()
            .any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')),
        "the sidecar holds control characters"
    );
    if common::exiftool("the exiftool read-back of a sanitised sidecar").is_some() {
        let read = std::process::Command::new("exiftool")
            .args(["-json", "-XMP-dc:Title"])
            .arg(dir.join("escape.xmp"))
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&read.stdout).unwrap();
        assert_eq!(json[0]["Title"], "Red[31m alert]0;owned");
    }
}
