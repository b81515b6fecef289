//! Scans made to order: uncompressed TIFF and BigTIFF files written as a
//! stream of rows (a file of gigabytes never in memory), with the tags a
//! test asks for (an ICC profile, XMP, IPTC, an EXIF directory, a reduced
//! version in a SubIFD). Shared by the tests and the import benchmark.

#![allow(dead_code)]

use std::io::{BufWriter, Seek, Write};
use std::path::Path;

/// A TIFF field: tag, type, count, value bytes (in the file's byte order).
#[derive(Clone)]
pub struct Field {
    pub tag: u16,
    pub kind: u16,
    pub count: u64,
    pub bytes: Vec<u8>,
}

impl Field {
    pub fn short(tag: u16, v: u16) -> Self {
        Self {
            tag,
            kind: 3,
            count: 1,
            bytes: v.to_le_bytes().to_vec(),
        }
    }

    pub fn shorts(tag: u16, v: &[u16]) -> Self {
        Self {
            tag,
            kind: 3,
            count: v.len() as u64,
            bytes: v.iter().flat_map(|x| x.to_le_bytes()).collect(),
        }
    }

    pub fn long(tag: u16, v: u32) -> Self {
        Self {
            tag,
            kind: 4,
            count: 1,
            bytes: v.to_le_bytes().to_vec(),
        }
    }

    pub fn ascii(tag: u16, text: &str) -> Self {
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(0);
        Self {
            tag,
            kind: 2,
            count: bytes.len() as u64,
            bytes,
        }
    }

    pub fn undefined(tag: u16, bytes: &[u8]) -> Self {
        Self {
            tag,
            kind: 7,
            count: bytes.len() as u64,
            bytes: bytes.to_vec(),
        }
    }

    pub fn rational(tag: u16, num: u32, den: u32) -> Self {
        let mut bytes = num.to_le_bytes().to_vec();
        bytes.extend_from_slice(&den.to_le_bytes());
        Self {
            tag,
            kind: 5,
            count: 1,
            bytes,
        }
    }
}

/// What to write: an image of `width` x `height`, `samples` samples of
/// `bits` bits per pixel (8, 16, or 32 with `float`), little-endian.
pub struct Scan {
    pub width: u32,
    pub height: u32,
    pub samples: u16,
    pub bits: u16,
    pub float: bool,
    pub photometric: u16,
    pub big: bool,
    pub rows_per_strip: u32,
    /// More fields for IFD0 (an ICC profile, XMP, IPTC, Make...).
    pub fields: Vec<Field>,
    /// Fields of an EXIF directory IFD0 points to.
    pub exif: Vec<Field>,
    /// A reduced version in a SubIFD: (width, height, pixel of one colour).
    pub reduced: Option<(u32, u32, Vec<u8>)>,
    /// Leave the main image's strips out of the file (their offsets point
    /// past its end), so only a reduced version can be shown.
    pub main_missing: bool,
}

impl Scan {
    pub fn rgb16(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            samples: 3,
            bits: 16,
            float: false,
            photometric: 2,
            big: false,
            rows_per_strip: 16,
            fields: Vec::new(),
            exif: Vec::new(),
            reduced: None,
            main_missing: false,
        }
    }

    fn row_bytes(&self) -> u64 {
        self.width as u64 * self.samples as u64 * (self.bits / 8) as u64
    }
}

struct Out<W> {
    w: W,
    at: u64,
    big: bool,
}

impl<W: Write> Out<W> {
    fn put(&mut self, b: &[u8]) {
        self.w.write_all(b).unwrap();
        self.at += b.len() as u64;
    }

    fn offset(&mut self, v: u64) {
        if self.big {
            self.put(&v.to_le_bytes());
        } else {
            self.put(&(v as u32).to_le_bytes());
        }
    }

    fn align(&mut self) {
        if self.at % 2 == 1 {
            self.put(&[0]);
        }
    }

    /// Writes a directory; values that do not fit in an entry go after it.
    fn directory(&mut self, fields: &mut [Field], next: u64) -> u64 {
        fields.sort_by_key(|f| f.tag);
        self.align();
        let start = self.at;
        let (entry, inline) = if self.big { (20u64, 8usize) } else { (12, 4) };
        let head = if self.big { 8 } else { 2 };
        let tail = if self.big { 8 } else { 4 };
        let mut data_at = start + head + fields.len() as u64 * entry + tail;
        let mut blobs = Vec::new();
        if self.big {
            self.put(&(fields.len() as u64).to_le_bytes());
        } else {
            self.put(&(fields.len() as u16).to_le_bytes());
        }
        for f in fields.iter() {
            self.put(&f.tag.to_le_bytes());
            self.put(&f.kind.to_le_bytes());
            if self.big {
                self.put(&f.count.to_le_bytes());
            } else {
                self.put(&(f.count as u32).to_le_bytes());
            }
            if f.bytes.len() <= inline {
                let mut v = f.bytes.clone();
                v.resize(inline, 0);
                self.put(&v);
            } else {
                self.offset(data_at);
                data_at += f.bytes.len() as u64 + (f.bytes.len() as u64 % 2);
                blobs.push(f.bytes.clone());
            }
        }
        self.offset(next);
        for b in blobs {
            self.put(&b);
            self.align();
        }
        start
    }
}

fn offsets_field(tag: u16, values: &[u64], big: bool) -> Field {
    if big {
        Field {
            tag,
            kind: 16,
            count: values.len() as u64,
            bytes: values.iter().flat_map(|v| v.to_le_bytes()).collect(),
        }
    } else {
        Field {
            tag,
            kind: 4,
            count: values.len() as u64,
            bytes: values
                .iter()
                .flat_map(|v| (*v as u32).to_le_bytes())
                .collect(),
        }
    }
}

/// Writes `scan` to `path`; `row(y, bytes)` fills each row's samples
/// (little-endian). Rows are written as they are made.
pub fn write(path: &Path, scan: &Scan, mut row: impl FnMut(u32, &mut [u8])) {
    let file = std::fs::File::create(path).unwrap();
    let mut out = Out {
        w: BufWriter::with_capacity(1 << 20, file),
        at: 0,
        big: scan.big,
    };
    if scan.big {
        out.put(b"II\x2B\0\x08\0\0\0");
        out.put(&0u64.to_le_bytes()); // first IFD, filled in at the end
    } else {
        out.put(b"II*\0");
        out.put(&0u32.to_le_bytes());
    }
    let row_bytes = scan.row_bytes() as usize;
    let strips = scan.height.div_ceil(scan.rows_per_strip);
    let mut offsets = Vec::with_capacity(strips as usize);
    let mut counts = Vec::with_capacity(strips as usize);
    let mut buffer = vec![0u8; row_bytes];
    for s in 0..strips {
        let rows = scan
            .rows_per_strip
            .min(scan.height - s * scan.rows_per_strip);
        let size = rows as u64 * row_bytes as u64;
        if scan.main_missing {
            offsets.push(u64::from(u32::MAX) - 16);
            counts.push(size);
            continue;
        }
        offsets.push(out.at);
        counts.push(size);
        for r in 0..rows {
            row(s * scan.rows_per_strip + r, &mut buffer);
            out.put(&buffer);
        }
    }
    let sample_format = if scan.float { 3 } else { 1 };
    let mut sub_ifd = None;
    if let Some((w, h, pixel)) = &scan.reduced {
        let strip_at = out.at;
        for _ in 0..(*w as u64 * *h as u64) {
            out.put(pixel);
        }
        let mut fields = vec![
            Field::long(254, 1),
            Field::long(256, *w),
            Field::long(257, *h),
            Field::shorts(258, &vec![scan.bits; scan.samples as usize]),
            Field::short(259, 1),
            Field::short(262, scan.photometric),
            offsets_field(273, &[strip_at], scan.big),
            Field::short(277, scan.samples),
            Field::long(278, *h),
            offsets_field(279, &[*w as u64 * *h as u64 * pixel.len() as u64], scan.big),
            Field::short(339, sample_format),
        ];
        sub_ifd = Some(out.directory(&mut fields, 0));
    }
    let exif_ifd = (!scan.exif.is_empty()).then(|| out.directory(&mut scan.exif.clone(), 0));
    let mut fields = vec![
        Field::long(256, scan.width),
        Field::long(257, scan.height),
        Field::shorts(258, &vec![scan.bits; scan.samples as usize]),
        Field::short(259, 1),
        Field::short(262, scan.photometric),
        offsets_field(273, &offsets, scan.big),
        Field::short(277, scan.samples),
        Field::long(278, scan.rows_per_strip),
        offsets_field(279, &counts, scan.big),
        Field::short(284, 1),
        Field::short(339, sample_format),
    ];
    if let Some(at) = sub_ifd {
        fields.push(offsets_field(330, &[at], scan.big));
    }
    if let Some(at) = exif_ifd {
        fields.push(Field::long(34665, at as u32));
    }
    fields.extend(scan.fields.iter().cloned());
    let ifd0 = out.directory(&mut fields, 0);
    let mut file = out.w.into_inner().unwrap();
    if scan.big {
        file.seek(std::io::SeekFrom::Start(8)).unwrap();
        file.write_all(&ifd0.to_le_bytes()).unwrap();
    } else {
        file.seek(std::io::SeekFrom::Start(4)).unwrap();
        file.write_all(&(ifd0 as u32).to_le_bytes()).unwrap();
    }
    file.sync_all().unwrap();
}

/// A minimal ICC v2 display profile: sRGB primaries (or grey) with a pure
/// power-law tone curve of `gamma`.
pub fn icc_profile(grey: bool, gamma: f64) -> Vec<u8> {
    fn s15(v: f64) -> [u8; 4] {
        ((v * 65536.0).round() as i32).to_be_bytes()
    }
    fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
        let mut t = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            t.extend_from_slice(&s15(v));
        }
        t
    }
    let curve = {
        let mut t = b"curv\0\0\0\0".to_vec();
        t.extend_from_slice(&1u32.to_be_bytes());
        t.extend_from_slice(&((gamma * 256.0).round() as u16).to_be_bytes());
        t.extend_from_slice(&[0, 0]);
        t
    };
    let desc = {
        let text = b"Kartoteka test\0";
        let mut t = b"desc\0\0\0\0".to_vec();
        t.extend_from_slice(&(text.len() as u32).to_be_bytes());
        t.extend_from_slice(text);
        t.extend_from_slice(&[0; 4 + 4 + 2 + 1 + 67]);
        t
    };
    let mut tags: Vec<(&[u8; 4], Vec<u8>)> =
        vec![(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249))];
    if grey {
        tags.push((b"kTRC", curve));
    } else {
        tags.push((b"rXYZ", xyz(0.4361, 0.2225, 0.0139)));
        tags.push((b"gXYZ", xyz(0.3851, 0.7169, 0.0971)));
        tags.push((b"bXYZ", xyz(0.1431, 0.0606, 0.7141)));
        tags.push((b"rTRC", curve.clone()));
        tags.push((b"gTRC", curve.clone()));
        tags.push((b"bTRC", curve));
    }
    let table = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    for (sig, body) in &tags {
        let at = 128 + table + data.len();
        entries.extend_from_slice(*sig);
        entries.extend_from_slice(&(at as u32).to_be_bytes());
        entries.extend_from_slice(&(body.len() as u32).to_be_bytes());
        data.extend_from_slice(body);
        while data.len() % 4 != 0 {
            data.push(0);
        }
    }
    let size = 128 + table + data.len();
    let mut p = Vec::with_capacity(size);
    p.extend_from_slice(&(size as u32).to_be_bytes());
    p.extend_from_slice(b"none");
    p.extend_from_slice(&[2, 0x10, 0, 0]);
    p.extend_from_slice(b"mntr");
    p.extend_from_slice(if grey { b"GRAY" } else { b"RGB " });
    p.extend_from_slice(b"XYZ ");
    p.extend_from_slice(&[0; 12]);
    p.extend_from_slice(b"acsp");
    p.extend_from_slice(&[0; 24]);
    p.extend_from_slice(&[0; 4]); // intent
    for v in [0.9642, 1.0, 0.8249] {
        p.extend_from_slice(&s15(v));
    }
    p.resize(128, 0);
    p.extend_from_slice(&(tags.len() as u32).to_be_bytes());
    p.extend_from_slice(&entries);
    p.extend_from_slice(&data);
    p
}
