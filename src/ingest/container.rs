//! Walking the structure of JPEG, PNG and TIFF files from a reader, without
//! ever holding the image data in memory: JPEG segments up to the first
//! scan, PNG chunks (image data skipped by seeking), and the TIFF
//! directories that hold metadata, copied into a compact TIFF of their own.
//!
//! Everything a file declares is checked against what is there and against
//! the limits in [`crate::limits`]: a length past the end of the file is a
//! damaged file, metadata past the per-file budget is skipped with a
//! warning. The metadata readers ([`super::metadata`]) and the writers that
//! embed metadata (`crate::export::embed`) both walk files through here.

use std::io::{Read, Seek, SeekFrom};

use crate::limits::{self, describe_bytes};

/// Why a container could not be walked.
#[derive(Debug, thiserror::Error)]
pub enum ContainerError {
    #[error("could not be read: {0}")]
    Io(std::io::Error),
    #[error("{0}")]
    Broken(String),
}

impl From<std::io::Error> for ContainerError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            ContainerError::Broken("the file ends in the middle of its structure".into())
        } else {
            ContainerError::Io(e)
        }
    }
}

/// How many bytes of metadata one file may still bring into memory.
#[derive(Debug)]
pub struct Budget {
    left: u64,
    /// Set once something was skipped for lack of budget.
    pub exhausted: bool,
}

impl Budget {
    pub fn new(bytes: u64) -> Self {
        Self {
            left: bytes,
            exhausted: false,
        }
    }

    /// Takes `n` bytes from the budget, or says there is not enough.
    pub fn take(&mut self, n: u64) -> bool {
        if n <= self.left {
            self.left -= n;
            true
        } else {
            self.exhausted = true;
            false
        }
    }

    pub fn left(&self) -> u64 {
        self.left
    }

    /// The warning for a file whose metadata did not all fit.
    pub fn warning(&self) -> Option<String> {
        self.exhausted.then(|| {
            format!(
                "metadata beyond {} in this file was not read",
                describe_bytes(limits::MAX_METADATA_BYTES)
            )
        })
    }
}

fn read_exact_vec<R: Read>(r: &mut R, n: usize) -> Result<Vec<u8>, ContainerError> {
    let mut data = Vec::new();
    r.take(n as u64).read_to_end(&mut data)?;
    if data.len() < n {
        return Err(ContainerError::Broken(
            "the file ends in the middle of a metadata block".into(),
        ));
    }
    Ok(data)
}

fn read_u8<R: Read>(r: &mut R) -> std::io::Result<u8> {
    let mut b = [0u8; 1];
    r.read_exact(&mut b)?;
    Ok(b[0])
}

// ---------------------------------------------------------------------------
// JPEG

pub mod markers {
    pub const SOI: u8 = 0xD8;
    pub const EOI: u8 = 0xD9;
    pub const SOS: u8 = 0xDA;
    pub const APP0: u8 = 0xE0;
    pub const APP1: u8 = 0xE1;
    pub const APP13: u8 = 0xED;
    pub const COM: u8 = 0xFE;

    /// Markers followed by a length and content.
    pub fn has_length(marker: u8) -> bool {
        matches!(marker, 0xC0..=0xCF | 0xDA..=0xDF | 0xE0..=0xEF | 0xF0..=0xFD | COM)
    }

    /// Start-of-frame markers, which carry the image size.
    pub fn is_sof(marker: u8) -> bool {
        matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF)
    }
}

/// One JPEG segment before the image data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub marker: u8,
    /// Offset of the segment's `0xFF` marker byte in the file.
    pub start: u64,
    /// Offset just after its content.
    pub end: u64,
    /// The content (after the length), when it was asked for and fitted
    /// the budget.
    pub contents: Option<Vec<u8>>,
}

/// The segments of a JPEG up to its image data.
#[derive(Debug, Default)]
pub struct JpegLayout {
    pub segments: Vec<Segment>,
    /// Offset of the first start-of-scan marker: the image data runs from
    /// here to the end of the file. `None` when the file has no image data.
    pub scan_start: Option<u64>,
    pub dimensions: Option<(u32, u32)>,
}

/// Walks a JPEG from its start to its first scan. `keep` says which
/// segments' contents to read (within `budget`); the rest are skipped by
/// seeking. Stray bytes between segments are passed over, as readers do;
/// a segment cut short by the end of the file is a damaged file.
pub fn jpeg_layout<R: Read + Seek>(
    r: &mut R,
    keep: impl Fn(u8) -> bool,
    budget: &mut Budget,
) -> Result<JpegLayout, ContainerError> {
    r.seek(SeekFrom::Start(0))?;
    let mut soi = [0u8; 2];
    r.read_exact(&mut soi)?;
    if soi != [0xFF, markers::SOI] {
        return Err(ContainerError::Broken("no JPEG start marker".into()));
    }
    let mut layout = JpegLayout::default();
    let mut at: u64 = 2;
    loop {
        let byte = match read_u8(r) {
            Ok(b) => b,
            // A file that ends before its image data has none.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(layout),
            Err(e) => return Err(e.into()),
        };
        at += 1;
        if byte != 0xFF {
            continue;
        }
        let start = at - 1;
        let mut marker = read_u8(r)?;
        at += 1;
        while marker == 0xFF {
            marker = read_u8(r)?;
            at += 1;
        }
        if marker == markers::EOI {
            return Ok(layout);
        }
        if !markers::has_length(marker) {
            continue;
        }
        if marker == markers::SOS {
            layout.scan_start = Some(start);
            return Ok(layout);
        }
        if layout.segments.len() >= limits::MAX_JPEG_SEGMENTS {
            return Err(ContainerError::Broken(format!(
                "more than {} segments before the image data",
                limits::MAX_JPEG_SEGMENTS
            )));
        }
        let mut length = [0u8; 2];
        r.read_exact(&mut length)?;
        let size = u16::from_be_bytes(length)
            .checked_sub(2)
            .ok_or_else(|| ContainerError::Broken("a segment declares a length below 2".into()))?
            as u64;
        at += 2;
        let wanted = keep(marker) || markers::is_sof(marker);
        let contents = if wanted && budget.take(size) {
            Some(read_exact_vec(r, size as usize)?)
        } else {
            // Skipped; the end of the file must still be past the segment.
            let end = r.seek(SeekFrom::Current(size as i64))?;
            let len = stream_len(r)?;
            if end > len {
                return Err(ContainerError::Broken(
                    "a segment runs past the end of the file".into(),
                ));
            }
            r.seek(SeekFrom::Start(end))?;
            None
        };
        at += size;
        if markers::is_sof(marker)
            && layout.dimensions.is_none()
            && let Some(c) = &contents
            && let Some(range) = c.get(1..5)
        {
            let height = u16::from_be_bytes([range[0], range[1]]) as u32;
            let width = u16::from_be_bytes([range[2], range[3]]) as u32;
            if width > 0 && height > 0 {
                layout.dimensions = Some((width, height));
            }
        }
        layout.segments.push(Segment {
            marker,
            start,
            end: at,
            contents,
        });
    }
}

/// Copies bytes `from..to` of a file to `out`, as they are.
pub fn copy_range<R: Read + Seek, W: std::io::Write>(
    r: &mut R,
    from: u64,
    to: u64,
    out: &mut W,
) -> Result<(), ContainerError> {
    r.seek(SeekFrom::Start(from))?;
    let want = to.saturating_sub(from);
    let copied = std::io::copy(&mut r.take(want), out)?;
    if copied < want {
        return Err(ContainerError::Broken(
            "the file ends before the part being copied".into(),
        ));
    }
    Ok(())
}

/// Copies everything from `from` to the end of a file to `out`.
pub fn copy_rest<R: Read + Seek, W: std::io::Write>(
    r: &mut R,
    from: u64,
    out: &mut W,
) -> Result<u64, ContainerError> {
    r.seek(SeekFrom::Start(from))?;
    Ok(std::io::copy(r, out)?)
}

pub fn stream_len<R: Seek>(r: &mut R) -> std::io::Result<u64> {
    let here = r.stream_position()?;
    let len = r.seek(SeekFrom::End(0))?;
    r.seek(SeekFrom::Start(here))?;
    Ok(len)
}

/// How many scans a JPEG's image data holds (start-of-scan markers from
/// `scan_start` to the end-of-image marker). Inside entropy-coded data a
/// `0xFF` is always followed by `0x00` or a restart marker, so every
/// `0xFF 0xDA` there is a scan. Stops counting once past `stop_after`, and
/// at the end-of-image marker (what follows it is not image data).
pub fn count_scans<R: Read + Seek>(
    r: &mut R,
    scan_start: u64,
    stop_after: u32,
) -> Result<u32, ContainerError> {
    r.seek(SeekFrom::Start(scan_start))?;
    let mut scans = 0u32;
    let mut buffer = vec![0u8; 256 << 10];
    // Whether the previous buffer ended with 0xFF.
    let mut after_ff = false;
    loop {
        let n = match r.read(&mut buffer) {
            Ok(0) => return Ok(scans),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        let data = &buffer[..n];
        // The byte after each 0xFF decides (memchr keeps this fast on
        // images of hundreds of megabytes, even in a debug build).
        let mut marker = |b: u8| -> Option<u32> {
            match b {
                markers::SOS => {
                    scans += 1;
                    (scans > stop_after).then_some(scans)
                }
                markers::EOI => Some(scans),
                _ => None,
            }
        };
        if after_ff && let Some(done) = marker(data[0]) {
            return Ok(done);
        }
        for at in memchr::memchr_iter(0xFF, data) {
            // Fill bytes: 0xFF 0xFF 0xDA is one marker, seen at its last 0xFF.
            if let Some(&next) = data.get(at + 1)
                && let Some(done) = marker(next)
            {
                return Ok(done);
            }
        }
        after_ff = data[n - 1] == 0xFF;
    }
}

/// The same, for a JPEG in memory.
pub fn count_scans_in(bytes: &[u8], stop_after: u32) -> u32 {
    let mut cursor = std::io::Cursor::new(bytes);
    let mut budget = Budget::new(0);
    match jpeg_layout(&mut cursor, |_| false, &mut budget) {
        Ok(JpegLayout {
            scan_start: Some(start),
            ..
        }) => count_scans(&mut cursor, start, stop_after).unwrap_or(0),
        _ => 0,
    }
}

// ---------------------------------------------------------------------------
// PNG

pub const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// One PNG chunk header as walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkHeader {
    pub kind: [u8; 4],
    /// Offset of the chunk's length field.
    pub start: u64,
    /// Declared data length.
    pub len: u64,
    /// Whether the file holds the chunk's data.
    pub data_in_file: bool,
    /// Whether the file holds the whole chunk, CRC included.
    pub complete: bool,
}

/// The chunks of a PNG, one header at a time, from after the signature;
/// data is read only when asked for, so image data is passed by seeking.
/// Ends after `IEND` or at the first chunk the file does not fully hold.
pub struct PngChunks<'a, R> {
    r: &'a mut R,
    at: u64,
    len: u64,
    done: bool,
}

impl<'a, R: Read + Seek> PngChunks<'a, R> {
    pub fn new(r: &'a mut R) -> Result<Self, ContainerError> {
        let len = stream_len(r)?;
        Ok(Self {
            r,
            at: PNG_SIGNATURE.len() as u64,
            len,
            done: false,
        })
    }

    /// The next chunk's header.
    pub fn next_chunk(&mut self) -> Result<Option<ChunkHeader>, ContainerError> {
        if self.done || self.at + 8 > self.len {
            return Ok(None);
        }
        self.r.seek(SeekFrom::Start(self.at))?;
        let mut head = [0u8; 8];
        self.r.read_exact(&mut head)?;
        let data_len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as u64;
        let header = ChunkHeader {
            kind: [head[4], head[5], head[6], head[7]],
            start: self.at,
            len: data_len,
            data_in_file: self.at + 8 + data_len <= self.len,
            complete: self.at + 12 + data_len <= self.len,
        };
        if !header.complete || &header.kind == b"IEND" {
            self.done = true;
        }
        self.at += 12 + data_len;
        Ok(Some(header))
    }

    /// The first `n` bytes of a chunk's data (fewer if it is shorter).
    pub fn prefix(&mut self, header: &ChunkHeader, n: u64) -> Result<Vec<u8>, ContainerError> {
        if !header.data_in_file {
            return Ok(Vec::new());
        }
        self.r.seek(SeekFrom::Start(header.start + 8))?;
        read_exact_vec(self.r, n.min(header.len) as usize)
    }

    /// Copies a whole chunk (length, type, data and CRC) as it is.
    pub fn copy_chunk<W: std::io::Write>(
        &mut self,
        header: &ChunkHeader,
        out: &mut W,
    ) -> Result<(), ContainerError> {
        copy_range(self.r, header.start, header.start + 12 + header.len, out)
    }

    /// A chunk's data, if the file holds it and it fits the budget.
    pub fn data(
        &mut self,
        header: &ChunkHeader,
        budget: &mut Budget,
    ) -> Result<Option<Vec<u8>>, ContainerError> {
        if !header.data_in_file || !budget.take(header.len) {
            return Ok(None);
        }
        self.r.seek(SeekFrom::Start(header.start + 8))?;
        Ok(Some(read_exact_vec(self.r, header.len as usize)?))
    }
}

// ---------------------------------------------------------------------------
// TIFF

/// Tags whose value is the offset of another directory of metadata.
const SUB_IFD_TAGS: &[u16] = &[34665, 34853, 40965];

fn type_size(kind: u16) -> Option<u64> {
    Some(match kind {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => return None,
    })
}

struct TiffCopy<'a, R> {
    r: &'a mut R,
    little: bool,
    len: u64,
    out: Vec<u8>,
    budget: &'a mut Budget,
    visited: Vec<u64>,
}

impl<R: Read + Seek> TiffCopy<'_, R> {
    fn u16(&self, b: [u8; 2]) -> u16 {
        if self.little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    }

    fn u32(&self, b: [u8; 4]) -> u32 {
        if self.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    }

    fn put32(&self, v: u32) -> [u8; 4] {
        if self.little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    }

    fn read_at(&mut self, offset: u64, n: u64) -> Result<Vec<u8>, ContainerError> {
        if offset.checked_add(n).is_none_or(|end| end > self.len) {
            return Err(ContainerError::Broken(
                "a TIFF value lies past the end of the file".into(),
            ));
        }
        self.r.seek(SeekFrom::Start(offset))?;
        read_exact_vec(self.r, n as usize)
    }

    fn offset_here(&self) -> Result<u32, ContainerError> {
        u32::try_from(self.out.len())
            .map_err(|_| ContainerError::Broken("TIFF metadata too large".into()))
    }

    /// Copies the directory at `offset` (and the directories it points to,
    /// `depth` levels down) to the end of `out`; returns its new offset and
    /// the offset of the next directory in the file.
    fn directory(&mut self, offset: u64, depth: usize) -> Result<(u32, u32), ContainerError> {
        if self.visited.contains(&offset) || self.visited.len() > 16 {
            return Err(ContainerError::Broken(
                "TIFF directories point in a loop".into(),
            ));
        }
        self.visited.push(offset);
        let count_bytes = self.read_at(offset, 2)?;
        let count = self.u16([count_bytes[0], count_bytes[1]]) as u64;
        let raw = self.read_at(offset + 2, count * 12 + 4)?;
        let next = self.u32([
            raw[(count * 12) as usize],
            raw[(count * 12 + 1) as usize],
            raw[(count * 12 + 2) as usize],
            raw[(count * 12 + 3) as usize],
        ]);
        let mut entries: Vec<[u8; 12]> = Vec::with_capacity(count as usize);
        for i in 0..count as usize {
            let mut e = [0u8; 12];
            e.copy_from_slice(&raw[i * 12..i * 12 + 12]);
            entries.push(e);
        }
        // The directory first, with its values and sub-directories after
        // it; entries are filled in once their data has landed.
        if self.out.len() % 2 == 1 {
            self.out.push(0);
        }
        let at = self.offset_here()?;
        let mut kept: Vec<[u8; 12]> = Vec::with_capacity(entries.len());
        let table = self.out.len();
        self.out.resize(table + 2 + entries.len() * 12 + 4, 0);
        for mut e in entries {
            let tag = self.u16([e[0], e[1]]);
            let kind = self.u16([e[2], e[3]]);
            let n = self.u32([e[4], e[5], e[6], e[7]]) as u64;
            let value = self.u32([e[8], e[9], e[10], e[11]]) as u64;
            if SUB_IFD_TAGS.contains(&tag) && depth > 0 {
                match self.directory(value, depth - 1) {
                    Ok((new, _)) => {
                        let put = self.put32(new);
                        e[8..12].copy_from_slice(&put);
                        kept.push(e);
                    }
                    // A broken sub-directory is left out; the rest stands.
                    Err(_) => continue,
                }
                continue;
            }
            let Some(size) = type_size(kind) else {
                kept.push(e);
                continue;
            };
            let Some(bytes) = size.checked_mul(n) else {
                continue;
            };
            if bytes <= 4 {
                kept.push(e);
                continue;
            }
            if !self.budget.take(bytes) {
                continue; // metadata past the budget: left out, warned once
            }
            let Ok(data) = self.read_at(value, bytes) else {
                continue; // a value past the end of the file: left out
            };
            if self.out.len() % 2 == 1 {
                self.out.push(0);
            }
            let new = self.offset_here()?;
            self.out.extend_from_slice(&data);
            let put = self.put32(new);
            e[8..12].copy_from_slice(&put);
            kept.push(e);
        }
        let count_out = kept.len() as u16;
        let count_bytes = if self.little {
            count_out.to_le_bytes()
        } else {
            count_out.to_be_bytes()
        };
        self.out[table..table + 2].copy_from_slice(&count_bytes);
        for (i, e) in kept.iter().enumerate() {
            let p = table + 2 + i * 12;
            self.out[p..p + 12].copy_from_slice(e);
        }
        // The next-directory pointer right after the kept entries stays 0
        // (the caller links IFD1); space reserved for entries left out stays
        // unused, so no offset written so far moves.
        let p = table + 2 + kept.len() * 12;
        self.out[p..p + 4].copy_from_slice(&[0; 4]);
        Ok((at, next))
    }
}

/// The metadata of a TIFF file as a compact TIFF of its own: the first
/// directory and the thumbnail directory after it, with the EXIF, GPS and
/// interoperability directories they point to and every value they hold
/// (strip and tile data left behind). Values past the budget are left out.
/// What it returns is what an EXIF reader needs, however large the image.
pub fn copy_tiff_metadata<R: Read + Seek>(
    r: &mut R,
    budget: &mut Budget,
) -> Result<Vec<u8>, ContainerError> {
    let len = stream_len(r)?;
    r.seek(SeekFrom::Start(0))?;
    let mut header = [0u8; 8];
    r.read_exact(&mut header)?;
    let little = match &header[0..4] {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => {
            return Err(ContainerError::Broken(
                "not a classic TIFF (BigTIFF is not read)".into(),
            ));
        }
    };
    let mut copy = TiffCopy {
        r,
        little,
        len,
        out: header.to_vec(),
        budget,
        visited: Vec::new(),
    };
    let first = copy.u32([header[4], header[5], header[6], header[7]]) as u64;
    let (ifd0, next) = copy.directory(first, 2)?;
    let ifd0_put = copy.put32(ifd0);
    copy.out[4..8].copy_from_slice(&ifd0_put);
    if next != 0
        && let Ok((ifd1, _)) = copy.directory(next as u64, 0)
    {
        // Link IFD0 to IFD1: the pointer after IFD0's entries.
        let count = copy.u16([copy.out[ifd0 as usize], copy.out[ifd0 as usize + 1]]) as usize;
        let p = ifd0 as usize + 2 + count * 12;
        let put = copy.put32(ifd1);
        copy.out[p..p + 4].copy_from_slice(&put);
    }
    Ok(copy.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_are_counted_up_to_the_end_of_the_image() {
        // SOI, SOS, data with a stuffed 0xFF00, SOS, EOI, then trailing
        // bytes that look like scans but follow the end of the image.
        let jpeg =
            b"\xFF\xD8\xFF\xDA\x00\x02\x12\xFF\x00\x34\xFF\xDA\x00\x02\x56\xFF\xD9\xFF\xDA\xFF\xDA";
        assert_eq!(count_scans_in(jpeg, 100), 2);
        assert_eq!(count_scans_in(jpeg, 1), 2, "stops once past the limit");
    }

    #[test]
    fn a_segment_running_past_the_end_is_broken_not_a_panic() {
        let jpeg = b"\xFF\xD8\xFF\xE1\xFF\xF0Exif";
        let mut budget = Budget::new(1 << 20);
        assert!(matches!(
            jpeg_layout(&mut std::io::Cursor::new(&jpeg[..]), |_| true, &mut budget),
            Err(ContainerError::Broken(_))
        ));
        let mut budget = Budget::new(1 << 20);
        assert!(matches!(
            jpeg_layout(&mut std::io::Cursor::new(&jpeg[..]), |_| false, &mut budget),
            Err(ContainerError::Broken(_))
        ));
    }

    #[test]
    fn tiff_metadata_is_copied_without_the_strips() {
        let img = image::RgbImage::from_fn(300, 200, |x, y| image::Rgb([x as u8, y as u8, 7]));
        let mut tiff = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(
                &mut std::io::Cursor::new(&mut tiff),
                image::ImageFormat::Tiff,
            )
            .unwrap();
        let mut budget = Budget::new(1 << 20);
        let copy = copy_tiff_metadata(&mut std::io::Cursor::new(&tiff), &mut budget).unwrap();
        assert!(
            copy.len() < tiff.len() / 10,
            "{} of {} bytes",
            copy.len(),
            tiff.len()
        );
        let (whole, _) = crate::ingest::exif::parse(tiff).unwrap();
        let (compact, _) = crate::ingest::exif::parse(copy).unwrap();
        assert_eq!(
            crate::ingest::exif::tiff_dimensions(&compact),
            crate::ingest::exif::tiff_dimensions(&whole)
        );
        assert_eq!(compact.fields().count(), whole.fields().count());
    }
}
