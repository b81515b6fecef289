//! The formats donors bring besides JPEG, TIFF and PNG: WebP, JPEG XL,
//! HEIF and camera raw files, each made here by the tools that write them
//! (cwebp, img2webp, cjxl, heif-enc) or, for raw files, the real camera
//! files of the shared corpus given real previews. Also: detection by
//! content, the report of every file not catalogued, files cut short, and
//! what `write-metadata` may and may not do to each format.

mod common;

use std::path::{Path, PathBuf};

use common::*;

const TREATY: &str = "archive/treaty-signing.jpg";
const TREATY_TITLE: &str = "Havel and Gorbachev sign the withdrawal agreement";

/// 64x48: red, green, blue and white quadrants.
fn quadrants() -> image::RgbImage {
    image::RgbImage::from_fn(64, 48, |x, y| match (x < 32, y < 24) {
        (true, true) => image::Rgb([220, 20, 20]),
        (false, true) => image::Rgb([20, 200, 20]),
        (true, false) => image::Rgb([20, 20, 220]),
        (false, false) => image::Rgb([250, 250, 250]),
    })
}

fn solid(colour: [u8; 3]) -> image::RgbImage {
    image::RgbImage::from_pixel(64, 48, image::Rgb(colour))
}

fn save(img: &image::RgbImage, path: &Path) -> PathBuf {
    img.save(path).unwrap();
    path.to_owned()
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The four quadrants show in a thumbnail in their colours.
fn assert_quadrants(thumb: &image::RgbImage, what: &str) {
    let q = |x: (f64, f64), y: (f64, f64)| mean_colour(thumb, x, y);
    assert_colour(q((0.1, 0.4), (0.1, 0.4)), [220.0, 20.0, 20.0], 40.0, what);
    assert_colour(q((0.6, 0.9), (0.1, 0.4)), [20.0, 200.0, 20.0], 40.0, what);
    assert_colour(q((0.1, 0.4), (0.6, 0.9)), [20.0, 20.0, 220.0], 40.0, what);
    assert_colour(q((0.6, 0.9), (0.6, 0.9)), [250.0, 250.0, 250.0], 40.0, what);
}

#[test]
fn webp_of_every_kind_is_catalogued_with_its_metadata_and_a_thumbnail() {
    let test = "webp_of_every_kind_is_catalogued_with_its_metadata_and_a_thumbnail";
    let (Some(()), Some(())) = (tool(test, "cwebp", "webp"), tool(test, "img2webp", "webp")) else {
        return;
    };
    let env = Env::new();
    let src = env.path("src");
    std::fs::create_dir_all(&src).unwrap();
    let dir = env.path("webp");
    std::fs::create_dir_all(&dir).unwrap();
    let treaty = fixtures().join(TREATY);
    let q = save(&quadrants(), &src.join("q.png"));
    let red = save(&solid([230, 10, 10]), &src.join("red.png"));
    let blue = save(&solid([10, 10, 230]), &src.join("blue.png"));
    // Lossy and extended (VP8X with EXIF and XMP chunks).
    run_tool(
        "cwebp",
        ["-quiet", "-metadata", "all", "-q", "90", arg(&treaty), "-o"]
            .into_iter()
            .chain([arg(&dir.join("extended.webp"))]),
    );
    run_tool(
        "cwebp",
        [
            "-quiet",
            "-lossless",
            arg(&q),
            "-o",
            arg(&dir.join("lossless.webp")),
        ],
    );
    run_tool(
        "cwebp",
        [
            "-quiet",
            "-q",
            "95",
            arg(&q),
            "-o",
            arg(&dir.join("lossy.webp")),
        ],
    );
    run_tool(
        "img2webp",
        [
            "-loop",
            "0",
            "-lossless",
            arg(&red),
            "-d",
            "200",
            arg(&blue),
            "-o",
            arg(&dir.join("animated.webp")),
        ],
    );
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let photos = env.list();
    assert_eq!(photos.len(), 4, "{}", stderr(&out));

    let extended = by_name(&photos, "extended.webp");
    assert_eq!(extended["format"], "webp");
    assert_eq!(
        (extended["width"].as_u64(), extended["height"].as_u64()),
        (Some(81), Some(121))
    );
    assert_eq!(extended["title"], TREATY_TITLE, "XMP chunk");
    assert_eq!(extended["camera_model"], "SP-2500", "EXIF chunk");
    assert_eq!(extended["orientation"], 6);
    assert!(thumbnail_of(&env, extended).is_some());

    for name in ["lossless.webp", "lossy.webp"] {
        let p = by_name(&photos, name);
        assert_eq!(
            (p["width"].as_u64(), p["height"].as_u64()),
            (Some(64), Some(48))
        );
        assert_quadrants(&thumbnail_of(&env, p).expect("a thumbnail"), name);
    }
    let animated = by_name(&photos, "animated.webp");
    let thumb = thumbnail_of(&env, animated).expect("a thumbnail");
    assert_colour(
        mean_colour(&thumb, (0.0, 1.0), (0.0, 1.0)),
        [230.0, 10.0, 10.0],
        30.0,
        "the first frame of an animation",
    );
    let shown = env.show(animated["id"].as_i64().unwrap().to_string().as_str());
    assert_eq!(shown["format"], "webp");
}

#[test]
fn jpeg_xl_keeps_its_exif_and_xmp_boxes_and_shows_a_thumbnail() {
    let test = "jpeg_xl_keeps_its_exif_and_xmp_boxes_and_shows_a_thumbnail";
    let Some(()) = tool(test, "cjxl", "libjxl-tools") else {
        return;
    };
    let env = Env::new();
    let dir = env.path("jxl");
    std::fs::create_dir_all(&dir).unwrap();
    let q = save(&quadrants(), &env.path("q.png"));
    // A JPEG recompressed without loss (EXIF and XMP in Brotli-compressed
    // boxes), and a JPEG XL made from pixels.
    run_tool(
        "cjxl",
        [
            arg(&fixtures().join(TREATY)),
            arg(&dir.join("treaty.jxl")),
            "--quiet",
        ],
    );
    run_tool(
        "cjxl",
        [
            arg(&q),
            arg(&dir.join("quadrants.jxl")),
            "-d",
            "0",
            "--quiet",
        ],
    );
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let photos = env.list();
    let treaty = by_name(&photos, "treaty.jxl");
    assert_eq!(treaty["format"], "jxl");
    assert_eq!(
        (treaty["width"].as_u64(), treaty["height"].as_u64()),
        (Some(81), Some(121))
    );
    assert_eq!(treaty["title"], TREATY_TITLE);
    assert_eq!(treaty["credit"], "ČT24");
    assert_eq!(treaty["camera_make"], "FUJI PHOTO FILM CO., LTD.");
    assert_eq!(treaty["orientation"], 6);
    let thumb = thumbnail_of(&env, treaty).expect("a thumbnail");
    assert_eq!(
        (thumb.width(), thumb.height()),
        (121, 81),
        "turned upright as the codestream says"
    );
    let q = by_name(&photos, "quadrants.jxl");
    assert_quadrants(
        &thumbnail_of(&env, q).expect("a thumbnail"),
        "quadrants.jxl",
    );
}

#[test]
fn heif_metadata_is_catalogued_with_a_preview() {
    let test = "heif_metadata_is_catalogued_with_a_preview";
    let Some(()) = tool(test, "heif-enc", "libheif-examples") else {
        return;
    };
    let env = Env::new();
    let dir = env.path("heif");
    std::fs::create_dir_all(&dir).unwrap();
    let q = save(&quadrants(), &env.path("q.png"));
    run_tool(
        "heif-enc",
        ["-q", "90", arg(&q), "-o", arg(&dir.join("quadrants.heic"))],
    );
    run_tool(
        "heif-enc",
        [
            "-q",
            "80",
            arg(&fixtures().join(TREATY)),
            "-o",
            arg(&dir.join("treaty.heic")),
        ],
    );
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let photos = env.list();
    let treaty = by_name(&photos, "treaty.heic");
    assert_eq!(treaty["format"], "heif");
    assert_eq!(treaty["camera_model"], "SP-2500", "the EXIF item");
    assert_eq!(treaty["title"], TREATY_TITLE, "the XMP item");
    let q = by_name(&photos, "quadrants.heic");
    assert_eq!(
        (q["width"].as_u64(), q["height"].as_u64()),
        (Some(64), Some(48))
    );
    assert_quadrants(
        &thumbnail_of(&env, q).expect("a thumbnail"),
        "quadrants.heic",
    );
}

/// A JPEG of `w`x`h` in one colour.
fn jpeg_of(w: u32, h: u32, colour: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(colour));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out
}

fn u32_at(data: &[u8], at: usize, little: bool) -> u32 {
    let b = [data[at], data[at + 1], data[at + 2], data[at + 3]];
    if little {
        u32::from_le_bytes(b)
    } else {
        u32::from_be_bytes(b)
    }
}

fn put_u32(data: &mut [u8], at: usize, v: u32, little: bool) {
    let b = if little {
        v.to_le_bytes()
    } else {
        v.to_be_bytes()
    };
    data[at..at + 4].copy_from_slice(&b);
}

/// Points the classic TIFF entry `tag` (in the directory at `ifd`) at
/// `value`; returns whether it was there.
fn patch_entry(data: &mut [u8], ifd: usize, tag: u16, value: u32, little: bool) -> bool {
    let count = if little {
        u16::from_le_bytes([data[ifd], data[ifd + 1]])
    } else {
        u16::from_be_bytes([data[ifd], data[ifd + 1]])
    } as usize;
    for i in 0..count {
        let e = ifd + 2 + i * 12;
        let t = if little {
            u16::from_le_bytes([data[e], data[e + 1]])
        } else {
            u16::from_be_bytes([data[e], data[e + 1]])
        };
        if t == tag {
            put_u32(data, e + 8, value, little);
            return true;
        }
    }
    false
}

#[test]
fn camera_raw_files_show_their_largest_embedded_preview() {
    let Some(corpus) = shared_corpus("camera_raw_files_show_their_largest_embedded_preview") else {
        return;
    };
    let formats = corpus.join("formats");
    let env = Env::new();
    let dir = env.path("raw");
    std::fs::create_dir_all(&dir).unwrap();
    // The corpus files carry stub previews of a few bytes; each gets a real
    // JPEG appended, and the pointer to its preview moved to it.
    let orange = jpeg_of(1536, 1024, [240, 140, 20]);
    // CR2: IFD0's one strip is the preview.
    let mut cr2 = std::fs::read(formats.join("CanonRaw.cr2")).unwrap();
    let at = cr2.len() as u32;
    let ifd0 = u32_at(&cr2, 4, true) as usize;
    assert!(patch_entry(&mut cr2, ifd0, 273, at, true));
    assert!(patch_entry(&mut cr2, ifd0, 279, orange.len() as u32, true));
    cr2.extend_from_slice(&orange);
    std::fs::write(dir.join("preview.cr2"), &cr2).unwrap();
    // RAF: the header points at the JPEG, whose APP1 holds the file's
    // EXIF: the new preview gets the stub's APP1.
    let mut raf = std::fs::read(formats.join("FujiFilm.raf")).unwrap();
    let stub = u32_at(&raf, 84, false) as usize;
    assert_eq!(raf[stub..stub + 4], [0xFF, 0xD8, 0xFF, 0xE1]);
    let app1_len = u16::from_be_bytes([raf[stub + 4], raf[stub + 5]]) as usize;
    let mut preview = orange[..2].to_vec();
    preview.extend_from_slice(&raf[stub + 2..stub + 4 + app1_len]);
    preview.extend_from_slice(&orange[2..]);
    let at = raf.len() as u32;
    raf[84..88].copy_from_slice(&at.to_be_bytes());
    raf[88..92].copy_from_slice(&(preview.len() as u32).to_be_bytes());
    raf.extend_from_slice(&preview);
    std::fs::write(dir.join("preview.raf"), &raf).unwrap();
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let photos = env.list();
    for (name, format, make) in [
        ("preview.cr2", "cr2", "Canon"),
        ("preview.raf", "raf", "FUJIFILM"),
    ] {
        let p = by_name(&photos, name);
        assert_eq!(p["format"], format);
        assert_eq!(p["camera_make"], make, "{name}: EXIF kept");
        let thumb = thumbnail_of(&env, p).unwrap_or_else(|| panic!("{name}: no thumbnail"));
        assert_eq!((thumb.width(), thumb.height()), (512, 341), "{name}");
        assert_colour(
            mean_colour(&thumb, (0.0, 1.0), (0.0, 1.0)),
            [240.0, 140.0, 20.0],
            20.0,
            name,
        );
    }
    // The viewer decodes the same preview at full size.
    let cr2_path = dir.join("preview.cr2");
    let file = std::io::BufReader::new(std::fs::File::open(&cr2_path).unwrap());
    let decoded = kartoteka::ingest::thumbnail::decode_scaled_from(
        kartoteka::photo::ImageFormat::Raw(kartoteka::photo::RawKind::Cr2),
        file,
        4000,
        None,
    )
    .unwrap();
    assert_eq!(
        (decoded.image.width(), decoded.image.height()),
        (1536, 1024)
    );

    // The corpus files themselves, with stub previews: catalogued, with a
    // warning that says why there is no thumbnail.
    let env = Env::new();
    let out = env.import(&[&formats.join("DNG.dng")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: no preview: "),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.list()[0]["format"], "dng");
}

#[test]
fn write_metadata_writes_sidecars_for_every_format_and_embeds_only_where_safe() {
    let test = "write_metadata_writes_sidecars_for_every_format_and_embeds_only_where_safe";
    let (Some(corpus), Some(())) = (shared_corpus(test), tool(test, "cwebp", "webp")) else {
        return;
    };
    let env = Env::new();
    let dir = env.path("mixed");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["Nikon.nef", "IMG_2927.HEIC"] {
        std::fs::copy(corpus.join("formats").join(name), dir.join(name)).unwrap();
    }
    run_tool(
        "cwebp",
        [
            "-quiet",
            arg(&fixtures().join(TREATY)),
            "-o",
            arg(&dir.join("web.webp")),
        ],
    );
    assert!(env.import(&[&dir]).status.success());
    let before: Vec<Vec<u8>> = ["Nikon.nef", "IMG_2927.HEIC", "web.webp"]
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    env.ok(["edit", "path:mixed", "--set", "credit=Archiv Kyndrová"]);

    // Embedding is refused, each file named, with the way that works.
    let copies = env.path("copies");
    let out = env.run([
        "write-metadata",
        "path:mixed",
        "--embed",
        "--out",
        arg(&copies),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.lines().any(|l| l.contains("Nikon.nef")
            && l.contains("camera raw originals (Nikon NEF) are never written to")
            && l.contains("--sidecar")),
        "{err}"
    );
    for (name, format) in [("IMG_2927.HEIC", "HEIF"), ("web.webp", "WebP")] {
        assert!(
            err.lines().any(|l| l.contains(name)
                && l.contains(&format!("does not write metadata into {format} files"))
                && l.contains("--sidecar")),
            "{err}"
        );
    }
    let out = env.run(["write-metadata", "path:mixed", "--embed", "--in-place"]);
    assert_eq!(out.status.code(), Some(2));
    // Sidecars for all of them.
    env.ok(["write-metadata", "path:mixed", "--sidecar"]);
    for stem in ["Nikon", "IMG_2927", "web"] {
        let xmp = std::fs::read_to_string(dir.join(format!("{stem}.xmp"))).unwrap();
        assert!(xmp.contains("Archiv Kyndrová"), "{stem}.xmp: {xmp}");
    }
    let after: Vec<Vec<u8>> = ["Nikon.nef", "IMG_2927.HEIC", "web.webp"]
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    assert!(before == after, "an original was written to");
    assert!(!copies.exists() || file_names(&copies).is_empty());
}

#[test]
fn formats_are_known_by_content_and_every_file_left_out_is_reported() {
    let test = "formats_are_known_by_content_and_every_file_left_out_is_reported";
    let Some(()) = tool(test, "cwebp", "webp") else {
        return;
    };
    let env = Env::new();
    let dir = env.path("deposit");
    std::fs::create_dir_all(&dir).unwrap();
    let q = save(&quadrants(), &env.path("q.png"));
    // A WebP named .jpg, a WebP with no extension, a GIF, a text file, a
    // sidecar whose photo is not here, and one whose photo is.
    run_tool(
        "cwebp",
        ["-quiet", arg(&q), "-o", arg(&dir.join("renamed.jpg"))],
    );
    run_tool("cwebp", ["-quiet", arg(&q), "-o", arg(&dir.join("noext"))]);
    std::fs::write(dir.join("animation.gif"), b"GIF89a\x01\0\x01\0\0\0\0;").unwrap();
    std::fs::write(dir.join("notes.txt"), "negatives 1-36, box 4").unwrap();
    std::fs::write(
        dir.join("lost.xmp"),
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>",
    )
    .unwrap();
    std::fs::write(
        dir.join("noext.xmp"),
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>",
    )
    .unwrap();

    let out = env.import(&[&dir]);
    let (err, text) = (stderr(&out), stdout(&out));
    assert!(out.status.success(), "{err}");
    let photos = env.list();
    assert_eq!(photos.len(), 2, "{err}");
    assert_eq!(by_name(&photos, "renamed.jpg")["format"], "webp");
    assert_eq!(by_name(&photos, "noext")["format"], "webp");
    let reported = |name: &str, why: &str| {
        err.lines().any(|l| {
            l.starts_with("not catalogued: ") && l.contains(why) && l.ends_with(&format!("/{name}"))
        })
    };
    assert!(
        reported("animation.gif", "unsupported format: GIF"),
        "{err}"
    );
    assert!(reported("notes.txt", "not an image format"), "{err}");
    assert!(reported("lost.xmp", "sidecar without its photo"), "{err}");
    assert!(
        !err.contains("noext.xmp"),
        "a sidecar read with its photo: {err}"
    );
    assert!(text.contains(", 3 not catalogued,"), "{text}");
}

#[test]
fn files_cut_short_keep_every_metadata_field_with_a_warning() {
    let env = Env::new();
    let dir = env.path("cut");
    std::fs::create_dir_all(&dir).unwrap();
    let treaty = std::fs::read(fixtures().join(TREATY)).unwrap();
    // Cut in the image data, and cut inside a segment after the metadata
    // ones (an interrupted copy stops anywhere).
    // The main image's scan (the first is the EXIF thumbnail's) ends at
    // its EOI; zero padding follows it in this file.
    let treaty_bytes = &treaty;
    let marker = |m: u8| {
        (0..treaty_bytes.len() - 1)
            .filter(move |&i| treaty_bytes[i] == 0xFF && treaty_bytes[i + 1] == m)
    };
    let sos = marker(0xDA).next_back().unwrap();
    let eoi = marker(0xD9).next_back().unwrap();
    std::fs::write(dir.join("in-scan.jpg"), &treaty[..sos + (eoi - sos) / 2]).unwrap();
    let thumbnail_end = marker(0xD9).next().unwrap();
    let dqt = (thumbnail_end + 2..sos)
        .find(|&i| treaty[i] == 0xFF && matches!(treaty[i + 1], 0xDB | 0xC4 | 0xC0))
        .unwrap();
    std::fs::write(dir.join("in-tables.jpg"), &treaty[..dqt + 20]).unwrap();
    // A PNG cut in its image data after its XMP chunk.
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(200, 150, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 251) as u8])
    }))
    .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
    .unwrap();
    let xmp = format!(
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='{}'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Cut short</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>",
        hostile::NS_RDF
    );
    let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    itxt.extend_from_slice(xmp.as_bytes());
    let png = hostile::png_with_chunks(&png, &[hostile::png_chunk(b"iTXt", &itxt)]);
    let idat = (0..png.len() - 4)
        .find(|&i| &png[i..i + 4] == b"IDAT")
        .unwrap();
    std::fs::write(dir.join("cut.png"), &png[..idat + (png.len() - idat) / 2]).unwrap();

    let out = env.import(&[&dir]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let photos = env.list();
    for name in ["in-scan.jpg", "in-tables.jpg"] {
        let p = by_name(&photos, name);
        assert_eq!(p["title"], TREATY_TITLE, "{name}");
        assert_eq!(p["credit"], "ČT24", "{name}");
        assert_eq!(p["camera_model"], "SP-2500", "{name}");
        assert!(
            err.lines()
                .any(|l| l.starts_with("warning: ") && l.ends_with(&format!("/{name}"))),
            "{name}: {err}"
        );
    }
    assert!(thumbnail_of(&env, by_name(&photos, "in-scan.jpg")).is_some());
    let cut = by_name(&photos, "cut.png");
    assert_eq!(cut["title"], "Cut short");
    let thumb = thumbnail_of(&env, cut).expect("the rows that are there");
    assert_eq!((thumb.width(), thumb.height()), (200, 150));
    assert!(
        err.lines()
            .any(|l| l.contains("the preview shows the first") && l.ends_with("/cut.png")),
        "{err}"
    );
}
