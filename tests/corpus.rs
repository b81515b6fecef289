//! The shared corpus of real photographs against what exiftool 12.57 reads
//! from them (`../shared/corpus-reference/exiftool.json`, `-json -G1 -n`).
//! These tests pass with a note when the corpus is not beside the checkout.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Env, shared_corpus, stderr};
use serde_json::Value;

/// exiftool's reading of every corpus file, keyed by `corpus/...` path.
fn reference(corpus: &Path) -> BTreeMap<String, Value> {
    let file = corpus.join("../corpus-reference/exiftool.json");
    let all: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    all.into_iter()
        .map(|e| (e["SourceFile"].as_str().unwrap().to_owned(), e))
        .collect()
}

/// The first of `keys` that exiftool reported with a non-blank value.
fn first<'a>(e: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().filter_map(|k| e.get(*k)).find(|v| match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        _ => true,
    })
}

fn text(v: Option<&Value>) -> Value {
    match v {
        None => Value::Null,
        Some(Value::String(s)) => Value::String(s.clone()),
        Some(other) => Value::String(other.to_string()),
    }
}

fn list(v: Option<&Value>) -> Value {
    let items: Vec<Value> = match v {
        None => vec![],
        Some(Value::Array(a)) => a.iter().map(|i| text(Some(i))).collect(),
        Some(one) => vec![text(Some(one))],
    };
    Value::Array(
        items
            .into_iter()
            .filter(|i| !i.as_str().unwrap_or("").trim().is_empty())
            .collect(),
    )
}

/// exiftool's `2008:05:30 15:56:01` (+ offset) as Kartoteka's ISO 8601.
fn iso_datetime(exif: &str, offset: Option<&str>) -> Option<String> {
    let b = exif.as_bytes();
    let ok = b.len() >= 16
        && [0..4, 5..7, 8..10, 11..13, 14..16]
            .iter()
            .all(|r| b[r.clone()].iter().all(u8::is_ascii_digit));
    if !ok {
        return None; // blank placeholders like "    :  :     :  :  "
    }
    let seconds = if b.len() >= 19 && b[16] == b':' {
        &exif[17..19]
    } else {
        "00"
    };
    let zone_at = exif[16..].find(['+', '-', 'Z']).map(|i| i + 16);
    let zone = zone_at.map(|i| &exif[i..]).or(offset).unwrap_or("");
    Some(format!(
        "{}-{}-{}T{}:{}:{seconds}{zone}",
        &exif[0..4],
        &exif[5..7],
        &exif[8..10],
        &exif[11..13],
        &exif[14..16]
    ))
}

/// exiftool's depicted date (`1991:06`, `1991`, `2010:00:00`, with time) as
/// Kartoteka's partial ISO date.
fn partial_date(v: &Value, iim_time: Option<&Value>) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let (date, time) = match s.split_once(' ') {
        Some((d, t)) => (d.to_owned(), Some(t.to_owned())),
        None => (s.clone(), None),
    };
    let parts: Vec<&str> = date.split(':').filter(|p| *p != "00").collect();
    let mut out = parts.join("-");
    if let Some(t) = time.or_else(|| {
        iim_time
            .filter(|_| parts.len() == 3)
            .and_then(|t| t.as_str().map(str::to_owned))
    }) {
        out.push('T');
        out.push_str(&t);
    }
    out
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Equal, with numbers equal to within 1e-6.
fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.as_f64().unwrap() - y.as_f64().unwrap()).abs() <= 1e-6
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn every_corpus_photo_agrees_with_exiftool() {
    let Some(corpus) = shared_corpus("every_corpus_photo_agrees_with_exiftool") else {
        return;
    };
    let reference = reference(&corpus);
    let env = Env::new();
    let out = env.import(&[&corpus]);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let photos = env.list();
    let ours: BTreeMap<String, &Value> = photos
        .iter()
        .map(|p| {
            let path = p["path"].as_str().unwrap();
            let rel = path.strip_prefix(corpus.to_str().unwrap()).unwrap();
            (format!("corpus{rel}"), p)
        })
        .collect();

    let mut differences = Vec::new();
    let mut compared = 0;
    for (file, e) in &reference {
        if file.contains("/corrupt/") || file.ends_with(".xmp") {
            continue;
        }
        // exiftool 12.57 reads neither the header nor the boxes of a JPEG
        // XL file. This one is a lossless recompression of an archive JPEG
        // (SOURCES.md), whose reading stands in for it.
        let mut e = match file.as_str() {
            "corpus/formats/treaty-signing.jxl" => {
                reference["corpus/archive/treaty-signing.jpg"].clone()
            }
            _ => e.clone(),
        };
        // JXL2.jxl (exiftool's own test image) keeps its metadata in
        // Brotli-compressed boxes, which exiftool 12.57 does not inflate.
        // Its size header reads 200x130 (as exiftool's t/JXL_2.out has it);
        // its XMP holds one keyword and one creator.
        if file == "corpus/formats/JXL2.jxl" {
            let fields = e.as_object_mut().unwrap();
            fields.insert("File:ImageWidth".into(), 200.into());
            fields.insert("File:ImageHeight".into(), 130.into());
            fields.insert("XMP-dc:Subject".into(), "ExifTool test".into());
            fields.insert("XMP-dc:Creator".into(), "me".into());
        }
        let e = &e;
        let Some(o) = ours.get(file) else {
            differences.push(format!("{file}: not imported"));
            continue;
        };
        compared += 1;
        // A sidecar's XMP wins over what is embedded, as in Kartoteka.
        let sidecar = reference.get(&format!("{}.xmp", file.rsplit_once('.').unwrap().0));
        let mut x = e.as_object().unwrap().clone();
        if let Some(s) = sidecar {
            x.extend(s.as_object().unwrap().clone());
        }
        let x = Value::Object(x);
        let mut check = |field: &str, want: Value| {
            let got = o[field].clone();
            if !close(&want, &got) {
                differences.push(format!("{file}: {field}: exiftool {want}, Kartoteka {got}"));
            }
        };
        let num = |v: Option<f64>| v.map_or(Value::Null, |n| serde_json::json!(n));

        // A camera raw file's IFD0 (or embedded JPEG) is mostly a small
        // preview's; the catalogue holds the size of the raw image, which
        // exiftool gives as Composite:ImageSize.
        let raw = matches!(
            e["File:FileType"].as_str().unwrap_or(""),
            "DNG" | "CR2" | "CR3" | "NEF" | "ARW" | "ORF" | "RAF" | "RW2" | "PEF"
        );
        let size: Vec<Value> = e["Composite:ImageSize"]
            .as_str()
            .unwrap_or("")
            .split(' ')
            .filter_map(|n| n.parse::<u64>().ok())
            .map(Value::from)
            .collect();
        let dimension = |keys: &[&str], i: usize| match (raw, size.get(i)) {
            (true, Some(v)) => v.clone(),
            _ => first(e, keys).cloned().unwrap_or(Value::Null),
        };
        check(
            "width",
            dimension(
                &[
                    "File:ImageWidth",
                    "PNG:ImageWidth",
                    "RIFF:ImageWidth",
                    "IFD0:ImageWidth",
                ],
                0,
            ),
        );
        check(
            "height",
            dimension(
                &[
                    "File:ImageHeight",
                    "PNG:ImageHeight",
                    "RIFF:ImageHeight",
                    "IFD0:ImageHeight",
                ],
                1,
            ),
        );
        // Kartoteka trims the padding spaces cameras put in fixed-width fields.
        let trimmed = |v: Option<&Value>| match text(v) {
            Value::String(s) => Value::String(s.trim().to_owned()),
            other => other,
        };
        check(
            "camera_make",
            trimmed(first(e, &["IFD0:Make", "XMP-tiff:Make"])),
        );
        check(
            "camera_model",
            trimmed(first(e, &["IFD0:Model", "XMP-tiff:Model"])),
        );
        check(
            "lens",
            text(first(e, &["ExifIFD:LensModel", "XMP-aux:Lens"])),
        );
        check(
            "orientation",
            first(e, &["IFD0:Orientation", "XMP-tiff:Orientation"])
                .cloned()
                .unwrap_or(Value::Null),
        );
        let taken = e["ExifIFD:DateTimeOriginal"]
            .as_str()
            .and_then(|d| iso_datetime(d, e["ExifIFD:OffsetTimeOriginal"].as_str()))
            .or_else(|| {
                e["XMP-exif:DateTimeOriginal"]
                    .as_str()
                    .and_then(|d| iso_datetime(d, None))
            });
        check("taken_at", taken.map_or(Value::Null, Value::String));
        let digitized = e["ExifIFD:CreateDate"]
            .as_str()
            .and_then(|d| iso_datetime(d, e["ExifIFD:OffsetTimeDigitized"].as_str()))
            .or_else(|| {
                e["XMP-exif:DateTimeDigitized"]
                    .as_str()
                    .and_then(|d| iso_datetime(d, None))
            });
        check("digitized_at", digitized.map_or(Value::Null, Value::String));
        check(
            "exposure_time",
            num(number(first(
                e,
                &["ExifIFD:ExposureTime", "XMP-exif:ExposureTime"],
            ))),
        );
        check(
            "f_number",
            num(number(first(e, &["ExifIFD:FNumber", "XMP-exif:FNumber"]))),
        );
        check(
            "focal_length",
            num(number(first(
                e,
                &["ExifIFD:FocalLength", "XMP-exif:FocalLength"],
            ))),
        );
        // ISO 0 is what some cameras write when they did not record the
        // speed (the two Fujifilm S1 Pro files); Kartoteka stores no ISO then.
        check(
            "iso",
            num(number(first(e, &["ExifIFD:ISO"])).filter(|iso| *iso > 0.0)),
        );
        // GPS to 1e-6 degrees, signed; exiftool's composite tags apply the refs.
        let gps = match number(e.get("Composite:GPSLatitude")) {
            Some(lat) => serde_json::json!({
                "lat": lat,
                "lon": number(e.get("Composite:GPSLongitude")),
                "alt": number(e.get("Composite:GPSAltitude")),
            }),
            None => Value::Null,
        };
        check("gps", gps);

        for (field, keys) in [
            ("title", &["XMP-dc:Title", "IPTC:ObjectName"][..]),
            ("headline", &["XMP-photoshop:Headline", "IPTC:Headline"]),
            ("caption", &["XMP-dc:Description", "IPTC:Caption-Abstract"]),
            ("credit", &["XMP-photoshop:Credit", "IPTC:Credit"]),
            (
                "copyright",
                &["XMP-dc:Rights", "IPTC:CopyrightNotice", "IFD0:Copyright"],
            ),
            ("source", &["XMP-photoshop:Source", "IPTC:Source"]),
            (
                "instructions",
                &["XMP-photoshop:Instructions", "IPTC:SpecialInstructions"],
            ),
            (
                "job_id",
                &[
                    "XMP-photoshop:TransmissionReference",
                    "IPTC:OriginalTransmissionReference",
                ],
            ),
            (
                "sublocation",
                &["XMP-iptcCore:Location", "IPTC:Sub-location"],
            ),
            ("city", &["XMP-photoshop:City", "IPTC:City"]),
            ("state", &["XMP-photoshop:State", "IPTC:Province-State"]),
            (
                "country",
                &["XMP-photoshop:Country", "IPTC:Country-PrimaryLocationName"],
            ),
            (
                "country_code",
                &[
                    "XMP-iptcCore:CountryCode",
                    "IPTC:Country-PrimaryLocationCode",
                ],
            ),
            ("event", &["XMP-iptcExt:Event"]),
            ("digital_source_type", &["XMP-iptcExt:DigitalSourceType"]),
        ] {
            check(field, text(first(&x, keys)));
        }
        for (field, keys) in [
            ("keywords", &["XMP-dc:Subject", "IPTC:Keywords"][..]),
            ("hierarchical_keywords", &["XMP-lr:HierarchicalSubject"]),
            ("people", &["XMP-iptcExt:PersonInImage"]),
        ] {
            check(field, list(first(&x, keys)));
        }
        // EXIF Artist is the last resort for creators, and may list several
        // names separated by semicolons (MWG).
        let creators = match first(&x, &["XMP-dc:Creator", "IPTC:By-line"]) {
            Some(v) => list(Some(v)),
            None => Value::Array(
                x.get("IFD0:Artist")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_owned()))
                    .collect(),
            ),
        };
        check("creators", creators);
        let depicted = match x.get("XMP-photoshop:DateCreated") {
            Some(v) => Some(partial_date(v, None)),
            None => x
                .get("IPTC:DateCreated")
                .map(|v| partial_date(v, x.get("IPTC:TimeCreated"))),
        };
        check("date_created", depicted.map_or(Value::Null, Value::String));
    }
    assert!(compared >= 85, "only {compared} corpus photos compared");
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn every_corrupt_file_imports_or_fails_with_a_reason() {
    let Some(corpus) = shared_corpus("every_corrupt_file_imports_or_fails_with_a_reason") else {
        return;
    };
    let corrupt = corpus.join("corrupt");
    let env = Env::new();
    let out = env.import(&[&corrupt]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let photos = env.list();
    let imported: Vec<&str> = photos
        .iter()
        .map(|p| p["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    for entry in std::fs::read_dir(&corrupt).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let failed = err
            .lines()
            .find(|l| l.starts_with("failed: ") && l.ends_with(&format!("/{name}")));
        match (imported.contains(&name.as_str()), failed) {
            (true, None) => {}
            (false, Some(line)) => {
                let reason = line.trim_start_matches("failed: ");
                assert!(reason.len() > name.len() + 10, "no reason given: {line}");
            }
            (true, Some(line)) => panic!("{name} both imported and failed: {line}"),
            (false, None) => panic!("{name} neither imported nor reported:\n{err}"),
        }
    }
}

/// Mean absolute difference per channel between two equally sized images,
/// after removing each one's mean brightness (landscape_1 was saved with a
/// different tone curve from the other seven).
fn difference(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    let centred = |img: &image::RgbImage| -> Vec<f64> {
        let raw = img.as_raw();
        let mean = raw.iter().map(|&v| v as f64).sum::<f64>() / raw.len() as f64;
        raw.iter().map(|&v| v as f64 - mean).collect()
    };
    let (a, b) = (centred(a), centred(b));
    a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64
}

#[test]
fn all_eight_orientations_give_the_same_upright_thumbnail() {
    let Some(corpus) = shared_corpus("all_eight_orientations_give_the_same_upright_thumbnail")
    else {
        return;
    };
    let env = Env::new();
    assert!(env.import(&[&corpus.join("orientation")]).status.success());
    let conn = rusqlite::Connection::open(env.path("test.thumbnails.sqlite")).unwrap();
    let thumb = |name: &str| -> image::RgbImage {
        let photos = env.list();
        let hash = common::by_name(&photos, name)["hash"]
            .as_str()
            .unwrap()
            .to_owned();
        let jpeg: Vec<u8> = conn
            .query_row("SELECT jpeg FROM thumbnail WHERE hash = ?1", [hash], |r| {
                r.get(0)
            })
            .unwrap();
        // Small enough that the digit painted on each file averages out; a
        // mirrored or turned picture does not.
        image::load_from_memory(&jpeg)
            .unwrap()
            .resize_exact(16, 12, image::imageops::FilterType::Triangle)
            .to_rgb8()
    };
    let upright = thumb("landscape_1.jpg");
    for n in 2..=8 {
        let name = format!("landscape_{n}.jpg");
        let d = difference(&thumb(&name), &upright);
        assert!(
            d < 6.0,
            "{name} differs from landscape_1 by {d:.1} per channel"
        );
    }
    // The check can fail: the mirror image of the upright thumbnail is far off.
    let d = difference(&image::imageops::flip_horizontal(&upright), &upright);
    assert!(d > 18.0, "a mirrored thumbnail would pass ({d:.1})");
}

#[test]
fn the_archive_is_found_in_any_spelling() {
    let Some(corpus) = shared_corpus("the_archive_is_found_in_any_spelling") else {
        return;
    };
    let env = Env::new();
    let _ = env.import(&[&corpus]);
    let found = |query: &str| -> Vec<String> {
        let mut names: Vec<String> = env
            .ok(["search", query, "--paths"])
            .lines()
            .map(|l| l.rsplit('/').next().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(found("dubcek"), ["odd-caption.jpg"]);
    assert_eq!(found("sedivy"), ["odd-caption.jpg"]);
    // formats/treaty-signing.jxl is the same photograph, recompressed
    // with its metadata (SOURCES.md).
    assert_eq!(
        found("gorbacov"),
        ["treaty-signing.jpg", "treaty-signing.jxl"]
    );
    assert_eq!(found("\"last train\""), ["odd-caption.jpg"]);
    assert_eq!(found("армия"), ["dormitory-sewing.jpg"]);
    assert_eq!(found("vojaci"), ["mattresses-outdoors.jpg"]);
    assert_eq!(found("kasar*"), ["dormitory-sewing.jpg"]);
    assert_eq!(
        found("city:\"mlada boleslav\""),
        ["mattresses-outdoors.jpg"]
    );
    assert_eq!(
        found("kyndrova"),
        [
            "dormitory-sewing.jpg",
            "mattresses-outdoors.jpg",
            "negative-scan-0412.tif",
            "portraits-stacked.jpg",
            "shopping-bags-formation.jpg",
            "sidecar-only.jpg"
        ]
    );
    // The 2019 scan shows June 1991.
    assert_eq!(found("date:1991-06 taken:2019"), ["negative-scan-0412.tif"]);
    // A keyword that is a spreadsheet-formula probe is just text here.
    assert_eq!(found("calc"), ["odd-caption.jpg"]);
}
