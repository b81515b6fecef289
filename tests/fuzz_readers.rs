//! A bounded fuzz pass over every reader of untrusted bytes: EXIF, IPTC
//! IIM, XMP, PNG chunks, TIFF and BigTIFF directories, JPEG segments,
//! ISO-BMFF boxes (HEIF items, CR3, JPEG XL boxes), WebP RIFF chunks, camera
//! raw structures and previews, thumbnails, and the embedder that rewrites
//! them. Real photographs and generated files
//! are mutated by a seeded generator (bit flips, interesting values in
//! length fields, insertions, deletions, duplicated and truncated parts);
//! every reader must answer with a value or an error, never a panic.
//!
//! `KARTOTEKA_FUZZ_ROUNDS` sets the number of cases (2,000 by default, more
//! in CI); `KARTOTEKA_TEST_SEED` replays a run. A failing case is saved to
//! the temporary folder and named in the failure.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use common::fixtures;
use common::hostile::*;
use kartoteka::export::embed;
use kartoteka::ingest::container::{self, Budget};
use kartoteka::ingest::iptc::{Iim, iim_from_photoshop_resources};
use kartoteka::ingest::metadata::Embedded;
use kartoteka::ingest::xmp::Xmp;
use kartoteka::ingest::{bmff, exif, raw, thumbnail, tiffdir};
use kartoteka::photo::*;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        if data.is_empty() {
            data.push(rng.next() as u8);
            continue;
        }
        let at = rng.below(data.len());
        match rng.below(8) {
            0 => data[at] ^= 1 << rng.below(8),
            1 => data[at] = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE][rng.below(6)],
            2 => {
                // A length field set to something absurd.
                let value: [u8; 4] = match rng.below(4) {
                    0 => [0xFF; 4],
                    1 => [0; 4],
                    2 => [0x7F, 0xFF, 0xFF, 0xFF],
                    _ => (rng.next() as u32).to_be_bytes(),
                };
                let n = [2, 4][rng.below(2)].min(data.len() - at);
                data[at..at + n].copy_from_slice(&value[..n]);
            }
            3 => {
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(at..at, bytes);
            }
            4 => {
                let end = (at + 1 + rng.below(256)).min(data.len());
                data.drain(at..end);
            }
            5 => {
                let end = (at + 1 + rng.below(512)).min(data.len());
                let part = data[at..end].to_vec();
                let to = rng.below(data.len());
                data.splice(to..to, part);
            }
            6 => data.truncate(at),
            _ => {
                // The same byte repeated: runs of 0xFF are JPEG fill bytes.
                let n = 1 + rng.below(64);
                let b = data[at];
                data.splice(at..at, std::iter::repeat_n(b, n));
            }
        }
    }
    data
}

fn photo() -> Photo {
    Photo {
        id: PhotoId(1),
        file: FileInfo {
            path: "/archive/a.jpg".into(),
            size: 1,
            mtime_ns: 1,
            hash: "h".into(),
            format: ImageFormat::Jpeg,
            sidecar: None,
        },
        technical: Technical::default(),
        description: Description {
            title: Some("Odchod".into()),
            caption: Some("Milovice, June 1991".into()),
            keywords: vec!["military".into()],
            hierarchical_keywords: vec!["Subjects|Military".into()],
            ..Description::default()
        },
        curation: Curation::default(),
        warnings: vec![],
    }
}

/// Everything a reader might be handed, one input at a time.
fn exercise(data: &[u8], heavy: bool) {
    if let Some(format) = ImageFormat::detect(data) {
        if let Ok(embedded) = Embedded::read(format, data) {
            let _ = embedded.technical();
            let _ = embedded.description(None);
            let _ = embedded.raw_tags();
        }
        if heavy {
            let _ = thumbnail::make(format, data, Some(6));
            let _ = embed::embed(format, data, &photo(), &[]);
        }
        let _ = embed::embedded_xmp(format, data);
    }
    let mut cursor = std::io::Cursor::new(data);
    // Every structure walker, whatever the bytes claim to be.
    let _ = bmff::top_level(&mut cursor);
    let _ = bmff::heif_items(&mut cursor);
    let _ = raw::classify_tiff(&mut cursor);
    for kind in RawKind::ALL {
        let _ = raw::previews(kind, &mut cursor);
        let _ = raw::dimensions(kind, &mut cursor);
        if let Ok(embedded) = Embedded::read(ImageFormat::Raw(kind), data) {
            let _ = embedded.technical();
        }
    }
    for format in [ImageFormat::WebP, ImageFormat::Jxl, ImageFormat::Heif] {
        if let Ok(embedded) = Embedded::read(format, data) {
            let _ = embedded.technical();
            let _ = embedded.raw_tags();
        }
    }
    if let Ok(mut tiff) = tiffdir::TiffReader::new(&mut cursor)
        && let Ok(chain) = tiff.chain(64)
    {
        for d in &chain {
            let _ = tiff.sub_directories(d, 8);
        }
    }
    let _ = container::jpeg_layout_partial(&mut cursor, |_| true, &mut Budget::new(1 << 20));
    let _ = container::jpeg_layout(&mut cursor, |_| true, &mut Budget::new(1 << 20));
    let _ = container::count_scans_in(data, 100);
    let _ = container::copy_tiff_metadata(&mut cursor, &mut Budget::new(1 << 20));
    if let Ok(mut chunks) = container::PngChunks::new(&mut cursor) {
        let mut budget = Budget::new(1 << 20);
        while let Ok(Some(h)) = chunks.next_chunk() {
            let _ = chunks.data(&h, &mut budget);
        }
    }
    if let Ok(xmp) = Xmp::parse(data) {
        let _ = xmp.raw_tags("XMP");
    }
    if let Ok(iim) = Iim::parse(data) {
        let _ = iim.raw_tags();
    }
    let _ = iim_from_photoshop_resources(data);
    if let Ok((e, _)) = exif::parse(data.to_vec()) {
        let _ = exif::technical(&e);
        let _ = exif::raw_tags(&e);
    }
}

fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let fixture = |p: &str| std::fs::read(fixtures().join(p)).unwrap();
    let treaty = fixture("archive/treaty-signing.jpg");
    let exif_block = {
        let mut cursor = std::io::Cursor::new(&treaty);
        container::jpeg_layout(&mut cursor, |m| m == 0xE1, &mut Budget::new(1 << 20))
            .unwrap()
            .segments
            .into_iter()
            .filter_map(|s| s.contents)
            .find(|c| c.starts_with(b"Exif\0\0"))
            .map(|c| c[6..].to_vec())
            .unwrap_or_default()
    };
    let mut iim = iim_dataset(1, 90, b"\x1b%G");
    iim.extend(iim_dataset(2, 5, "Kasárna".as_bytes()));
    iim.extend(iim_dataset(2, 25, b"military"));
    iim.extend(iim_dataset(2, 120, &[b'c'; 40_000]));
    let mut seeds = vec![
        ("treaty JPEG", treaty),
        ("orientation JPEG", fixture("orientation/landscape_6.jpg")),
        ("invalid EXIF JPEG", fixture("corrupt/invalid-exif.jpg")),
        ("TIFF", fixture("corrupt/crash-2020-10-test.tif")),
        ("EXIF block", exif_block),
        (
            "JPEG with XMP and IIM",
            with_iim(
                &with_xmp(&jpeg(24, 16), &title_xmp("Odchod")),
                &[(5, b"Title"), (25, b"keyword")],
            ),
        ),
        ("progressive JPEG", progressive_jpeg_with_scans(32, 24, 14)),
        (
            "PNG with text",
            png_with_chunks(
                &png(12, 9),
                &[
                    png_chunk(b"tEXt", b"Comment\0hello"),
                    ztxt("Raw profile type exif", b"\nexif\n 6\n457869660000\n"),
                    itxt_compressed("XML:com.adobe.xmp", title_xmp("PNG").as_bytes()),
                    png_chunk(b"eXIf", b"MM\0*\0\0\0\x08\0\0\0\0\0\0"),
                ],
            ),
        ),
        ("TIFF with XMP", tiff_with_xmp(&title_xmp("TIFF"))),
        ("XMP", deep_xmp(40).into_bytes()),
        ("IIM", iim),
        ("BigTIFF", bigtiff()),
        ("lossless WebP", webp()),
    ];
    // The shared corpus's WebP, HEIF, JPEG XL, raw and BigTIFF files (the
    // small ones: every mutation of a seed may be decoded whole).
    if let Some(corpus) = common::shared_corpus("mutated_metadata_never_panics_a_reader") {
        for name in [
            "portraits-stacked.webp",
            "Animation_Lossy.webp",
            "cheers_1440x960.heic",
            "treaty-signing.jxl",
            "JXL2.jxl",
            "CanonRaw.cr2",
            "CanonRaw.cr3",
            "DNG.dng",
            "FujiFilm.raf",
            "Nikon.nef",
            "Panasonic.rw2",
            "BigTIFFSubIFD8.tif",
        ] {
            let data = std::fs::read(corpus.join("formats").join(name)).unwrap();
            seeds.push((name, data));
        }
    }
    seeds
}

/// A small BigTIFF with EXIF, XMP and a reduced version in a SubIFD.
fn bigtiff() -> Vec<u8> {
    use common::scans::{self, Field, Scan};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.tif");
    let mut scan = Scan::rgb16(40, 30);
    scan.big = true;
    scan.rows_per_strip = 8;
    scan.fields.push(Field::ascii(271, "Nikon"));
    scan.fields
        .push(Field::undefined(700, title_xmp("Big").as_bytes()));
    scan.exif.push(Field::ascii(36867, "1991:06:21 10:15:00"));
    scan.reduced = Some((20, 15, vec![0, 1, 2, 3, 4, 5]));
    scans::write(&path, &scan, |y, row| row.fill(y as u8));
    std::fs::read(path).unwrap()
}

/// A small lossless WebP.
fn webp() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(24, 16, |x, y| {
        image::Rgba([x as u8 * 9, y as u8 * 13, 90, 255])
    });
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(img.as_raw(), 24, 16, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

#[test]
fn mutated_metadata_never_panics_a_reader() {
    let seed = common::seed("reader fuzz");
    let rounds: usize = std::env::var("KARTOTEKA_FUZZ_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let seeds = seeds();
    for (name, data) in &seeds {
        exercise(data, true);
        assert!(!data.is_empty(), "{name}");
    }
    let mut rng = Rng(seed | 1);
    let mut failures = Vec::new();
    for case in 0..rounds {
        let (name, original) = &seeds[rng.below(seeds.len())];
        let data = mutate(&mut rng, original);
        let heavy = case % 4 == 0;
        if catch_unwind(AssertUnwindSafe(|| exercise(&data, heavy))).is_err() {
            let saved = std::env::temp_dir().join(format!("kartoteka-fuzz-{seed}-{case}.bin"));
            std::fs::write(&saved, &data).unwrap();
            failures.push(format!(
                "case {case} (from the {name}) panicked; input saved as {}",
                saved.display()
            ));
        }
    }
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
}

/// A TIFF directory entry: tag, type, count, value.
type RawEntry = (u16, u16, u32, u32);

/// A classic little-endian TIFF whose directories are `dirs`, placed at
/// `at`: each a list of entries and the offset of the next directory.
fn tiff_with_directories(dirs: &[(Vec<RawEntry>, u32)], at: &[u32]) -> Vec<u8> {
    let mut out = b"II*\0".to_vec();
    out.extend_from_slice(&at[0].to_le_bytes());
    for ((entries, next), &offset) in dirs.iter().zip(at) {
        out.resize(offset as usize, 0);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for &(tag, kind, count, value) in entries {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&next.to_le_bytes());
    }
    out.resize(out.len() + 64, 0);
    out
}

/// An ISO-BMFF box.
fn bmff_box(kind: &[u8; 4], content: &[u8]) -> Vec<u8> {
    let mut out = ((content.len() + 8) as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(content);
    out
}

/// Structures built to make a reader loop, recurse or allocate without
/// end: each is answered with a value or an error, within its caps.
#[test]
fn hostile_structures_are_bounded() {
    let size = |w: u32| vec![(256, 4, 1, w), (257, 4, 1, 30)];
    // A directory whose next is itself, and two that point at each other.
    let selfloop = tiff_with_directories(&[(size(40), 8)], &[8]);
    let mut cursor = std::io::Cursor::new(&selfloop);
    let mut tiff = tiffdir::TiffReader::new(&mut cursor).unwrap();
    assert_eq!(tiff.chain(10_000).unwrap().len(), 1);
    let pair = tiff_with_directories(&[(size(40), 100), (size(20), 8)], &[8, 100]);
    let mut cursor = std::io::Cursor::new(&pair);
    let mut tiff = tiffdir::TiffReader::new(&mut cursor).unwrap();
    assert_eq!(tiff.chain(10_000).unwrap().len(), 2);
    // SubIFDs that point back at their parent and at each other.
    let mut entries = size(40);
    entries.push((330, 4, 2, 200));
    let mut subs = tiff_with_directories(&[(entries, 0)], &[8]);
    subs.resize(200, 0);
    subs.extend_from_slice(&8u32.to_le_bytes());
    subs.extend_from_slice(&8u32.to_le_bytes());
    subs.resize(300, 0);
    let mut cursor = std::io::Cursor::new(&subs);
    let mut tiff = tiffdir::TiffReader::new(&mut cursor).unwrap();
    let chain = tiff.chain(64).unwrap();
    assert!(tiff.sub_directories(&chain[0], 64).is_empty());
    for data in [&selfloop, &pair, &subs] {
        let embedded = Embedded::read(ImageFormat::Tiff, data).unwrap();
        assert_eq!(embedded.technical().width, Some(40));
        for kind in RawKind::ALL {
            let _ = raw::previews(kind, &mut std::io::Cursor::new(data));
        }
        let _ = thumbnail::make(ImageFormat::Tiff, data, None);
    }

    // A BigTIFF directory claiming 2^40 entries, and strip counts of 2^60.
    let mut big = b"MM\0\x2b\0\x08\0\0".to_vec();
    big.extend_from_slice(&16u64.to_be_bytes());
    big.extend_from_slice(&(1u64 << 40).to_be_bytes());
    big.resize(4096, 0);
    let mut cursor = std::io::Cursor::new(&big);
    let mut tiff = tiffdir::TiffReader::new(&mut cursor).unwrap();
    assert!(tiff.chain(64).is_err());
    assert!(Embedded::read(ImageFormat::Tiff, &big).is_err());
    let huge_strips = tiff_with_directories(
        &[(
            vec![
                (256, 4, 1, 40),
                (257, 4, 1, 30),
                (273, 4, u32::MAX, 200),
                (279, 4, u32::MAX, 200),
            ],
            0,
        )],
        &[8],
    );
    assert!(thumbnail::make(ImageFormat::Tiff, &huge_strips, None).is_err());

    // Boxes nested far deeper than any real file, and a HEIF item list
    // claiming four billion items with none there.
    let mut deep = bmff_box(b"meta", &[0; 4]);
    for _ in 0..5_000 {
        deep = bmff_box(b"moov", &deep);
    }
    let mut heif = bmff_box(b"ftyp", b"heic\0\0\0\0mif1heic");
    let mut iinf = vec![0, 0, 0, 0];
    iinf.extend_from_slice(&u32::MAX.to_be_bytes());
    let mut iloc = vec![1, 0, 0, 0, 0x44, 0x40];
    iloc.extend_from_slice(&u32::MAX.to_be_bytes());
    let mut meta = vec![0, 0, 0, 0];
    meta.extend(bmff_box(b"pitm", &[0, 0, 0, 0, 0, 1]));
    meta.extend(bmff_box(b"iinf", &iinf));
    meta.extend(bmff_box(b"iloc", &iloc));
    heif.extend(bmff_box(b"meta", &meta));
    let mut cr3 = bmff_box(b"ftyp", b"crx \0\0\0\x01crx isom");
    cr3.extend_from_slice(&deep);
    for data in [&deep, &heif, &cr3] {
        let _ = bmff::top_level(&mut std::io::Cursor::new(data));
        let _ = bmff::heif_items(&mut std::io::Cursor::new(data));
        for format in [
            ImageFormat::Heif,
            ImageFormat::Jxl,
            ImageFormat::Raw(RawKind::Cr3),
        ] {
            let _ = Embedded::read(format, data);
            let _ = thumbnail::make(format, data, None);
        }
    }
    let items = bmff::heif_items(&mut std::io::Cursor::new(&heif));
    assert!(items.is_err() || items.unwrap().primary_item().is_none());

    // A RAF header whose JPEG and directory lie past the end of the file,
    // with lengths of 4 GB, and the same file cut short in its header.
    let mut raf = b"FUJIFILMCCD-RAW 0201FF383501".to_vec();
    raf.resize(100, 0);
    raf[84..88].copy_from_slice(&1_000_000u32.to_be_bytes());
    raf[88..92].copy_from_slice(&u32::MAX.to_be_bytes());
    raf[92..96].copy_from_slice(&50u32.to_be_bytes());
    raf[96..100].copy_from_slice(&u32::MAX.to_be_bytes());
    for data in [&raf[..], &raf[..60]] {
        let format = ImageFormat::Raw(RawKind::Raf);
        let _ = Embedded::read(format, data);
        assert!(thumbnail::make(format, data, None).is_err());
        assert!(
            raw::previews(RawKind::Raf, &mut std::io::Cursor::new(data))
                .map_or(true, |p| p.is_empty())
        );
    }
}
