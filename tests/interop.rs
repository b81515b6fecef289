//! CSV export and import, XMP sidecars, embedded metadata and exhibition
//! set export, from the command line. Where exiftool is installed, what
//! Kartoteka writes is read back with it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Env, by_name, stderr, stdout};
use serde_json::Value;

const ARCHIVE: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/sidecar-only.jpg",
    "archive/sidecar-only.xmp",
    "archive/treaty-signing.jpg",
];

fn archive() -> (Env, PathBuf) {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    assert!(env.import(&[&dir]).status.success());
    (env, dir)
}

/// exiftool, when installed; the read-back checks are skipped (or, under
/// `KARTOTEKA_REQUIRE_ALL`, fail) without it.
fn exiftool() -> Option<()> {
    common::exiftool("the exiftool read-back")
}

/// What exiftool reads from files (`-json -G1`).
fn exiftool_json(files: &[&Path]) -> Vec<Value> {
    let out = Command::new("exiftool")
        .args(["-json", "-G1", "-struct"])
        .args(files)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn as_list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect(),
        Value::Null => vec![],
        other => vec![
            other
                .as_str()
                .map_or_else(|| other.to_string(), str::to_owned),
        ],
    }
}

/// The descriptive fields of every photo, by file name.
fn descriptions(env: &Env) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = env
        .list()
        .into_iter()
        .map(|p| {
            let name = p["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            let keys = [
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
            ];
            let fields: serde_json::Map<String, Value> = keys
                .iter()
                .map(|k| ((*k).to_owned(), p[*k].clone()))
                .collect();
            (name, Value::Object(fields))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    let bytes = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(&bytes)
        .to_vec();
    let mut r = csv::Reader::from_reader(&bytes[..]);
    let headers = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

fn write_csv(path: &Path, headers: &[String], rows: &[Vec<String>]) {
    // As a spreadsheet saves it: BOM, CRLF, quoting where needed.
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(headers).unwrap();
        for r in rows {
            w.write_record(r).unwrap();
        }
    }
    std::fs::write(path, out).unwrap();
}

fn column(headers: &[String], name: &str) -> usize {
    headers.iter().position(|h| h == name).unwrap()
}

#[test]
fn a_spreadsheet_round_trip_changes_only_the_cells_edited() {
    let (env, _) = archive();
    let first = env.path("first.csv");
    env.ok(["export", "csv", "--out", first.to_str().unwrap()]);
    let (headers, mut rows) = read_csv(&first);
    let (file, caption, keywords) = (
        column(&headers, "File"),
        column(&headers, "Caption"),
        column(&headers, "Keywords"),
    );
    let row_of = |rows: &[Vec<String>], name: &str| {
        rows.iter().position(|r| r[file].ends_with(name)).unwrap()
    };
    let dorm = row_of(&rows, "dormitory-sewing.jpg");
    let treaty = row_of(&rows, "treaty-signing.jpg");
    // What a curator does in a spreadsheet: a line break, a caption that
    // looks like a formula, keywords with a comma and a semicolon.
    rows[dorm][caption] = "Rows of identical metal beds.\nA single soldier sits and sews.".into();
    rows[treaty][caption] = "'=HYPERLINK(\"https://example.org\", \"treaty\")".into();
    rows[treaty][keywords] = format!(
        "{}; \"odsun; návrat\"; Dubček, Alexander",
        rows[treaty][keywords]
    );
    let edited = env.path("edited.csv");
    write_csv(&edited, &headers, &rows);

    let dry = env.ok(["import-csv", edited.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("would change 2 photos (3 values)"), "{dry}");
    assert!(dry.contains("caption: \"Rows of identical metal beds; a single soldier sits and sews.\" -> \"Rows of identical metal beds.\\nA single soldier sits and sews.\""), "{dry}");
    let again = env.path("unchanged.csv");
    env.ok(["export", "csv", "--out", again.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&first).unwrap(),
        "a dry run changes nothing"
    );

    let applied = env.ok(["import-csv", edited.to_str().unwrap()]);
    assert!(applied.contains("changed 2 photos (3 values)"), "{applied}");
    let treaty_photo = by_name(&env.list(), "treaty-signing.jpg").clone();
    assert_eq!(
        treaty_photo["caption"],
        "=HYPERLINK(\"https://example.org\", \"treaty\")"
    );
    assert_eq!(
        treaty_photo["keywords"],
        serde_json::json!([
            "Havel, Václav",
            "treaty",
            "odsun; návrat",
            "Dubček, Alexander"
        ])
    );

    // Export again: exactly the edited cells differ.
    let second = env.path("second.csv");
    env.ok(["export", "csv", "--out", second.to_str().unwrap()]);
    let (_, before) = read_csv(&first);
    let (_, after) = read_csv(&second);
    let mut differing = Vec::new();
    for (r, (b, a)) in before.iter().zip(&after).enumerate() {
        for (c, (x, y)) in b.iter().zip(a).enumerate() {
            if x != y {
                differing.push((r, headers[c].clone()));
            }
        }
    }
    assert_eq!(
        differing,
        [
            (dorm.min(treaty), "Caption".to_owned()),
            (dorm.max(treaty), "Caption".to_owned()),
            (treaty, "Keywords".to_owned())
        ]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    // The formula stays neutralised on the way out.
    assert_eq!(
        after[treaty][caption],
        "'=HYPERLINK(\"https://example.org\", \"treaty\")"
    );
    // One undo takes the whole CSV import back.
    env.ok(["undo"]);
    let third = env.path("third.csv");
    env.ok(["export", "csv", "--out", third.to_str().unwrap()]);
    assert_eq!(read_csv(&third), read_csv(&first));
}

#[test]
fn bad_rows_are_reported_with_row_and_column_and_left_alone() {
    let (env, dir) = archive();
    let dorm = dir.join("dormitory-sewing.jpg");
    let treaty = dir.join("treaty-signing.jpg");
    let mut text = String::from("File,Title,Date depicted,Shoe size\r\n");
    text += &format!("{},New dormitory title,1991-06,44\r\n", dorm.display());
    text += &format!("{},Treaty retitled,June 1990,\r\n", treaty.display());
    text += "/nowhere/x.jpg,Ghost,1991,\r\n";
    let mut bytes = text.into_bytes();
    // A row whose title is Latin-1, not UTF-8.
    bytes.extend_from_slice(
        format!("{},Kyndrov", dir.join("portraits-stacked.jpg").display()).as_bytes(),
    );
    bytes.extend_from_slice(b"\xe1,1991,\n");
    let file = env.path("bad.csv");
    std::fs::write(&file, bytes).unwrap();

    let out = env.run(["import-csv", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("row 1, column 4: unknown column \"Shoe size\""),
        "{err}"
    );
    assert!(
        err.contains("row 3, column 3: date_created: \"June 1990\" is not a date"),
        "{err}"
    );
    assert!(err.contains("row 4: no photo at /nowhere/x.jpg"), "{err}");
    assert!(
        err.contains("row 5, column 2: not valid UTF-8 text"),
        "{err}"
    );
    let photos = env.list();
    assert_eq!(
        by_name(&photos, "dormitory-sewing.jpg")["title"],
        "New dormitory title"
    );
    assert_eq!(
        by_name(&photos, "dormitory-sewing.jpg")["date_created"],
        "1991-06"
    );
    assert_eq!(
        by_name(&photos, "treaty-signing.jpg")["title"],
        "Havel and Gorbachev sign the withdrawal agreement",
        "a row with a bad cell changes nothing"
    );
    assert_eq!(
        by_name(&photos, "portraits-stacked.jpg")["title"],
        "Portraits by the door"
    );
}

#[test]
fn empty_cells_change_nothing_unless_blank_clears() {
    let (env, _) = archive();
    let ids: Vec<String> = env.list().iter().map(|p| p["id"].to_string()).collect();
    let file = env.path("blank.csv");
    let text: String = std::iter::once("ID,Credit\n".to_owned())
        .chain(ids.iter().map(|id| format!("{id},\n")))
        .collect();
    std::fs::write(&file, text).unwrap();
    assert!(
        env.ok(["import-csv", file.to_str().unwrap()])
            .contains("changed 0 photos")
    );
    let out = env.ok(["import-csv", file.to_str().unwrap(), "--blank-clears"]);
    assert!(out.contains("changed 3 photos"), "{out}"); // three had a credit
    assert!(env.list().iter().all(|p| p["credit"].is_null()));
}

#[test]
fn a_set_exports_in_order_with_wall_labels_and_they_come_back() {
    let (env, _) = archive();
    env.ok(["set", "create", "Odchod"]);
    env.ok(["set", "add", "Odchod", "kyndrova"]);
    let file = env.path("set.csv");
    env.ok([
        "export",
        "csv",
        "--set",
        "Odchod",
        "--out",
        file.to_str().unwrap(),
    ]);
    let (headers, mut rows) = read_csv(&file);
    assert_eq!(headers.first().map(String::as_str), Some("Position"));
    assert_eq!(headers.last().map(String::as_str), Some("Wall label"));
    let positions: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(positions, ["1", "2", "3", "4"]);
    let last = headers.len() - 1;
    rows[0][last] = "Milovice, jaro 1991.\nPoslední vojáci opouštějí kasárna.".into();
    write_csv(&file, &headers, &rows);
    let out = env.ok(["import-csv", file.to_str().unwrap(), "--set", "Odchod"]);
    assert!(out.contains("1 wall label)"), "{out}");
    let shown: Vec<Value> =
        serde_json::from_str(&env.ok(["set", "show", "Odchod", "--json"])).unwrap();
    assert_eq!(
        shown[0]["wall_label"],
        "Milovice, jaro 1991.\nPoslední vojáci opouštějí kasárna."
    );
}

#[test]
fn exiftool_writes_the_exported_catalogue_back_into_files() {
    let Some(()) = exiftool() else { return };
    // The shared corpus archive has the awkward captions (newline, quotes,
    // a formula); the fixtures stand in without it.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/archive");
    let source = if shared.is_dir() {
        shared
    } else {
        common::fixtures().join("archive")
    };
    let env = Env::new();
    let (first, second) = (env.path("first"), env.path("second"));
    for dir in [&first, &second] {
        std::fs::create_dir_all(dir).unwrap();
        for e in std::fs::read_dir(&source).unwrap() {
            let p = e.unwrap().path();
            // The second copy gets no sidecars: exiftool writes into the files.
            if dir == &second && p.extension().is_some_and(|x| x == "xmp") {
                continue;
            }
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    assert!(env.import(&[&first]).status.success());
    let csv_file = env.path("exiftool.csv");
    env.ok([
        "export",
        "csv",
        "--profile",
        "exiftool",
        "--out",
        csv_file.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv_file).unwrap();
    assert!(text.starts_with("SourceFile,XMP-dc:Title,"), "{text}");
    std::fs::write(
        &csv_file,
        text.replace(first.to_str().unwrap(), second.to_str().unwrap()),
    )
    .unwrap();

    // Strip the second copy bare, then let exiftool write what Kartoteka exported.
    let strip = Command::new("exiftool")
        .args(["-q", "-all=", "-overwrite_original"])
        .arg(&second)
        .output()
        .unwrap();
    assert!(
        strip.status.success(),
        "{}",
        String::from_utf8_lossy(&strip.stderr)
    );
    let write = Command::new("exiftool")
        .args(["-q", "-overwrite_original", "-sep", "; "])
        .arg(format!("-csv={}", csv_file.display()))
        .arg(&second)
        .output()
        .unwrap();
    assert!(
        write.status.success(),
        "{}",
        String::from_utf8_lossy(&write.stderr)
    );

    let fresh = Env::new();
    let out = fresh.import(&[&second]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(descriptions(&fresh), descriptions(&env));
}

#[test]
fn a_sidecar_is_merged_and_foreign_properties_survive() {
    let env = Env::new();
    let dir = env.copy_fixtures(
        "archive",
        &["archive/sidecar-only.jpg", "archive/sidecar-only.xmp"],
    );
    let sidecar = dir.join("sidecar-only.xmp");
    // Another tool's properties in the sidecar: develop settings, usage terms.
    let xml = std::fs::read_to_string(&sidecar).unwrap().replace(
        "</rdf:RDF>",
        " <rdf:Description rdf:about='' xmlns:crs='http://ns.adobe.com/camera-raw-settings/1.0/' \
         xmlns:xmpRights='http://ns.adobe.com/xap/1.0/rights/' crs:Exposure2012='+0.35'>\n  \
         <xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang='x-default'>Archive use only</rdf:li></rdf:Alt></xmpRights:UsageTerms>\n \
         </rdf:Description>\n</rdf:RDF>",
    );
    std::fs::write(&sidecar, xml).unwrap();
    assert!(env.import(&[&dir]).status.success());
    env.ok([
        "edit",
        "sidecar-only",
        "--set",
        "title=Konvoj na hranici",
        "--set",
        "city=Čierna nad Tisou",
        "--rating",
        "3",
    ]);
    let out = env.ok(["write-metadata", "sidecar-only", "--sidecar"]);
    assert!(
        out.contains("wrote metadata for 1 photo, 0 failed"),
        "{out}"
    );

    let xmp = kartoteka::ingest::xmp::Xmp::parse(&std::fs::read(&sidecar).unwrap()).unwrap();
    use kartoteka::ingest::xmp::{NS_DC, NS_PHOTOSHOP, NS_XMP, NS_XMP_RIGHTS};
    assert_eq!(
        xmp.text(NS_DC, "title").as_deref(),
        Some("Konvoj na hranici")
    );
    assert_eq!(
        xmp.text(NS_PHOTOSHOP, "City").as_deref(),
        Some("Čierna nad Tisou")
    );
    assert_eq!(xmp.text(NS_XMP, "Rating").as_deref(), Some("3"));
    assert_eq!(xmp.list(NS_DC, "subject"), ["convoy", "BMP"]);
    assert_eq!(
        xmp.text(
            "http://ns.adobe.com/camera-raw-settings/1.0/",
            "Exposure2012"
        )
        .as_deref(),
        Some("+0.35")
    );
    assert_eq!(
        xmp.text(NS_XMP_RIGHTS, "UsageTerms").as_deref(),
        Some("Archive use only")
    );
    // The catalogue knows it wrote the sidecar: nothing to re-read.
    assert!(stdout(&env.import(&[&dir])).contains("1 unchanged"));

    if exiftool().is_some() {
        let read = &exiftool_json(&[&sidecar])[0];
        assert_eq!(read["XMP-dc:Title"], "Konvoj na hranici");
        assert_eq!(read["XMP-photoshop:City"], "Čierna nad Tisou");
        assert_eq!(read["XMP-xmpRights:UsageTerms"], "Archive use only");
    }
}

/// A JPEG's image data: everything from its first start-of-scan marker,
/// found by walking the segments (metadata can hold a thumbnail JPEG with
/// markers of its own).
/// Renders an HTML page to PNG with headless Chromium, when one is
/// installed (CI installs it); None, with a message, when not.
fn render_in_browser(page: &Path) -> Option<PathBuf> {
    let png = page.with_extension("png");
    for browser in ["chromium", "chromium-browser", "google-chrome"] {
        let ran = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1200,1600",
            ])
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", page.display()))
            .output();
        if let Ok(out) = ran {
            assert!(
                out.status.success() && png.is_file(),
                "{browser} could not render {}: {}",
                page.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            return Some(png);
        }
    }
    common::skip(
        &format!("rendering {}", page.display()),
        "no headless Chromium here (apt-get install chromium)",
    )
}

fn jpeg_image_data(bytes: &[u8]) -> &[u8] {
    let mut at = 2;
    loop {
        assert_eq!(bytes[at], 0xFF, "lost in the JPEG structure at byte {at}");
        let marker = bytes[at + 1];
        if marker == 0xDA {
            return &bytes[at..];
        }
        let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        at += 2 + len;
    }
}

fn check_with_exiftool(file: &Path, photo: &Value) {
    if exiftool().is_none() {
        return;
    }
    let read = &exiftool_json(&[file])[0];
    let name = file.display();
    assert_eq!(read["XMP-dc:Title"], photo["title"], "{name}");
    assert_eq!(read["XMP-dc:Description"], photo["caption"], "{name}");
    assert_eq!(
        as_list(&read["XMP-dc:Creator"]),
        as_list(&photo["creators"]),
        "{name}"
    );
    assert_eq!(
        as_list(&read["XMP-dc:Subject"]),
        as_list(&photo["keywords"]),
        "{name}"
    );
    assert_eq!(read["IPTC:ObjectName"], photo["title"], "{name}");
    assert_eq!(
        as_list(&read["IPTC:Keywords"]),
        as_list(&photo["keywords"]),
        "{name}"
    );
    assert_eq!(read["IPTC:CodedCharacterSet"], "UTF8", "{name}");
    if !photo["credit"].is_null() {
        assert_eq!(read["XMP-photoshop:Credit"], photo["credit"], "{name}");
        assert_eq!(read["IPTC:Credit"], photo["credit"], "{name}");
    }
}

#[test]
fn embedded_copies_carry_the_catalogue_and_leave_originals_alone() {
    let (env, dir) = archive();
    env.ok([
        "edit",
        "treaty",
        "--set",
        "caption=Praha, 26. února 1990: Havel a Gorbačov podepisují dohodu.",
    ]);
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    let out_dir = env.path("copies");
    let out = env.ok([
        "write-metadata",
        "",
        "--embed",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.contains("wrote metadata for 5 photos, 0 failed"),
        "{out}"
    );
    for (path, bytes) in &before {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            bytes,
            "{} was written to",
            path.display()
        );
    }
    // The copies: same image data, the catalogue's descriptions inside.
    let photos = env.list();
    for p in &photos {
        let name = p["path"].as_str().unwrap().rsplit('/').next().unwrap();
        let original = std::fs::read(dir.join(name)).unwrap();
        let copy = std::fs::read(out_dir.join(name)).unwrap();
        assert_eq!(
            jpeg_image_data(&copy),
            jpeg_image_data(&original),
            "{name}: image data changed"
        );
        check_with_exiftool(&out_dir.join(name), p);
    }
    let reread = Env::new();
    assert!(reread.import(&[&out_dir]).status.success());
    assert_eq!(descriptions(&reread), descriptions(&env));
}

#[test]
fn in_place_embedding_is_atomic_keeps_a_backup_and_the_catalogue_in_step() {
    let (env, dir) = archive();
    env.ok([
        "edit",
        "dormitory",
        "--set",
        "title=Kasárna Milovice, ložnice",
    ]);
    let file = dir.join("dormitory-sewing.jpg");
    let original = std::fs::read(&file).unwrap();
    let out = env.run(["write-metadata", "dormitory", "--embed"]);
    assert_eq!(out.status.code(), Some(1), "--embed alone names no target");
    let out = env.ok(["write-metadata", "dormitory", "--embed", "--in-place"]);
    assert!(out.contains("wrote metadata for 1 photo,"), "{out}");
    let backup = dir.join(".dormitory-sewing.jpg.kartoteka-backup");
    assert_eq!(std::fs::read(&backup).unwrap(), original);
    let written = std::fs::read(&file).unwrap();
    assert_eq!(jpeg_image_data(&written), jpeg_image_data(&original));
    let photo = by_name(&env.list(), "dormitory-sewing.jpg").clone();
    check_with_exiftool(&file, &photo);
    // The catalogue knows the new file: check finds nothing changed, and
    // importing again leaves it alone (the backup, hidden, is not imported).
    assert!(env.run(["check", "--verify"]).status.success());
    assert!(stdout(&env.import(&[&dir])).contains("5 unchanged"));
    assert_eq!(env.list().len(), 5);

    // A file changed behind the catalogue's back is not written over.
    let mut bytes = std::fs::read(dir.join("treaty-signing.jpg")).unwrap();
    bytes.extend_from_slice(b"changed elsewhere");
    std::fs::write(dir.join("treaty-signing.jpg"), &bytes).unwrap();
    let out = env.run([
        "write-metadata",
        "treaty",
        "--embed",
        "--in-place",
        "--no-backup",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("changed on disk since it was catalogued"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(dir.join("treaty-signing.jpg")).unwrap(),
        bytes
    );
}

#[test]
fn tiff_scans_take_embedded_metadata_with_pixels_unchanged() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/archive/negative-scan-0412.tif");
    if !shared.is_file() {
        common::skip::<()>(
            "tiff_scans_take_embedded_metadata_with_pixels_unchanged",
            "../shared/corpus is not here",
        );
        return;
    }
    let env = Env::new();
    let dir = env.path("scans");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("negative-scan-0412.tif");
    std::fs::copy(&shared, &file).unwrap();
    assert!(env.import(&[&dir]).status.success());
    env.ok([
        "edit",
        "negative",
        "--set",
        "caption=Chodba kasáren bez dveří, červen 1991.",
        "--add-keyword",
        "Places|Czechoslovakia|Milovice",
    ]);
    let pixels = image::open(&file).unwrap().to_rgb8();
    env.ok([
        "write-metadata",
        "negative",
        "--embed",
        "--in-place",
        "--no-backup",
    ]);
    assert_eq!(image::open(&file).unwrap().to_rgb8(), pixels);
    let reread = Env::new();
    std::fs::remove_file(dir.join("negative-scan-0412.xmp")).ok();
    assert!(reread.import(&[&dir]).status.success());
    let p = &reread.list()[0];
    assert_eq!(p["caption"], "Chodba kasáren bez dveří, červen 1991.");
    assert_eq!(
        p["hierarchical_keywords"],
        serde_json::json!(["Places|Czechoslovakia|Milovice"])
    );
    assert_eq!(p["date_created"], "1991-06");
    check_with_exiftool(&file, p);
}

#[test]
fn an_exhibition_set_exports_ready_to_hang() {
    let (env, _) = archive();
    env.ok(["set", "create", "Odchod 1991"]);
    env.ok([
        "set",
        "add",
        "Odchod 1991",
        "treaty OR shopping OR portraits",
    ]);
    let bags = env.path("archive/shopping-bags-formation.jpg");
    env.ok(["set", "move", "Odchod 1991", bags.to_str().unwrap(), "1"]);
    env.ok([
        "set",
        "note",
        "Odchod 1991",
        bags.to_str().unwrap(),
        "Zvolen, jún 1991: posledné jednotky odchádzajú.",
    ]);
    let out_dir = env.path("exhibition");
    let out = env.ok([
        "set",
        "export",
        "Odchod 1991",
        "--out",
        out_dir.to_str().unwrap(),
        "--long-edge",
        "600",
        "--strip-gps",
    ]);
    assert!(out.contains("exported 3 of 3 photos"), "{out}");
    assert_eq!(
        common::file_names(&out_dir),
        [
            "01-last-troops-leave-slovakia.jpg",
            "02-havel-and-gorbachev-sign-the-withdrawal-agreement.jpg",
            "03-portraits-by-the-door.jpg",
            "checklist.csv",
            "contact-sheet.html"
        ]
    );
    // Opened back: in order, described, no GPS, no larger than asked.
    let reread = Env::new();
    assert!(reread.import(&[&out_dir]).status.success());
    let photos = reread.list();
    let first = by_name(&photos, "01-last-troops-leave-slovakia.jpg");
    assert_eq!(first["title"], "Last troops leave Slovakia");
    assert_eq!(first["state"], "Slovensko");
    assert_eq!(first["creators"], serde_json::json!(["Dana Kyndrová"]));
    for p in &photos {
        assert!(p["gps"].is_null(), "{} kept its GPS", p["path"]);
        assert!(
            p["width"]
                .as_u64()
                .unwrap()
                .max(p["height"].as_u64().unwrap())
                <= 600
        );
    }
    let source = by_name(&env.list(), "shopping-bags-formation.jpg").clone();
    assert!(!source["gps"].is_null(), "the original had GPS to strip");

    let (headers, rows) = read_csv(&out_dir.join("checklist.csv"));
    assert_eq!(headers[..4], ["Position", "File", "Title", "Creator"]);
    assert_eq!(
        rows[0][7],
        "Zvolen, jún 1991: posledné jednotky odchádzajú."
    );
    assert_eq!(
        rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );

    let sheet = std::fs::read_to_string(out_dir.join("contact-sheet.html")).unwrap();
    let at = |needle: &str| {
        sheet
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} is not on the contact sheet"))
    };
    assert!(at("01-last-troops-leave-slovakia.jpg") < at("02-havel"));
    assert!(at("02-havel") < at("03-portraits"));
    at("Zvolen, jún 1991: posledné jednotky odchádzajú.");
    at("© Dana Kyndrová");
    if let Some(png) = render_in_browser(&out_dir.join("contact-sheet.html")) {
        // Text alone renders in a few hundred greys; the photographs bring
        // tens of thousands of colours.
        let colours: std::collections::HashSet<[u8; 3]> = image::open(&png)
            .unwrap()
            .to_rgb8()
            .pixels()
            .map(|p| p.0)
            .collect();
        assert!(
            colours.len() > 10_000,
            "the contact sheet shows no photographs ({} colours in {})",
            colours.len(),
            png.display()
        );
    }

    // Without --strip-gps the position stays.
    let kept = env.path("kept");
    env.ok([
        "set",
        "export",
        "Odchod 1991",
        "--out",
        kept.to_str().unwrap(),
    ]);
    let reread = Env::new();
    assert!(reread.import(&[&kept]).status.success());
    assert!(!by_name(&reread.list(), "01-last-troops-leave-slovakia.jpg")["gps"].is_null());
}
