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

use super::fault::Fault;
use crate::limits;

/// Why a container could not be walked.
#[derive(Debug, thiserror::Error)]
pub enum ContainerError {
    #[error("could not be read: {0}")]
    Io(std::io::Error),
    #[error("{0}")]
    Broken(Fault),
}

impl From<std::io::Error> for ContainerError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            ContainerError::Broken(Fault::EndsInStructure)
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
    pub fn warning(&self) -> Option<super::warning::Warning> {
        self.exhausted
            .then_some(super::warning::Warning::MetadataPastBudget {
                limit: limits::MAX_METADATA_BYTES,
            })
    }
}

fn read_exact_vec<R: Read>(r: &mut R, n: usize) -> Result<Vec<u8>, ContainerError> {
    let mut data = Vec::new();
    r.take(n as u64).read_to_end(&mut data)?;
    if data.len() < n {
        return Err(ContainerError::Broken(Fault::EndsInMetadata));
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
    /// Set (by [`jpeg_layout_partial`] only) when the file ends inside a
    /// segment: the segments before it are whole, the rest is missing.
    pub cut_short: Option<u64>,
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
    walk_jpeg(r, keep, budget, false)
}

/// [`jpeg_layout`] for a file that may have been cut short (an interrupted
/// copy): a segment the file ends inside ends the walk, with the whole
/// segments before it kept and [`JpegLayout::cut_short`] set, instead of
/// failing the file.
pub fn jpeg_layout_partial<R: Read + Seek>(
    r: &mut R,
    keep: impl Fn(u8) -> bool,
    budget: &mut Budget,
) -> Result<JpegLayout, ContainerError> {
    walk_jpeg(r, keep, budget, true)
}

fn walk_jpeg<R: Read + Seek>(
    r: &mut R,
    keep: impl Fn(u8) -> bool,
    budget: &mut Budget,
    partial: bool,
) -> Result<JpegLayout, ContainerError> {
    let file_len = stream_len(r)?;
    r.seek(SeekFrom::Start(0))?;
    let mut soi = [0u8; 2];
    r.read_exact(&mut soi)?;
    if soi != [0xFF, markers::SOI] {
        return Err(ContainerError::Broken(Fault::NoJpegStart));
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
        if partial && at >= file_len {
            layout.cut_short = Some(start);
            return Ok(layout);
        }
        let mut marker = read_u8(r)?;
        at += 1;
        while marker == 0xFF {
            if partial && at >= file_len {
                layout.cut_short = Some(start);
                return Ok(layout);
            }
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
            return Err(ContainerError::Broken(Fault::TooManySegments {
                limit: limits::MAX_JPEG_SEGMENTS,
            }));
        }
        if partial && at + 2 > file_len {
            layout.cut_short = Some(start);
            return Ok(layout);
        }
        let mut length = [0u8; 2];
        r.read_exact(&mut length)?;
        let size = u16::from_be_bytes(length)
            .checked_sub(2)
            .ok_or(ContainerError::Broken(Fault::SegmentTooShort))? as u64;
        at += 2;
        if partial && at + size > file_len {
            layout.cut_short = Some(start);
            return Ok(layout);
        }
        let wanted = keep(marker) || markers::is_sof(marker);
        let contents = if wanted && budget.take(size) {
            Some(read_exact_vec(r, size as usize)?)
        } else {
            // Skipped; the end of the file must still be past the segment.
            let end = r.seek(SeekFrom::Current(size as i64))?;
            let len = stream_len(r)?;
            if end > len {
                return Err(ContainerError::Broken(Fault::SegmentPastEnd));
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
        return Err(ContainerError::Broken(Fault::EndsBeforeCopied));
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

/// A part of a file (`offset`, `len` bytes) read as a file of its own: a
/// JPEG embedded in a raw file, a box's content.
pub struct Window<R> {
    inner: R,
    start: u64,
    len: u64,
    pos: u64,
    /// Where the inner reader is, relative to `start`, when known (seeking
    /// a buffered reader throws its buffer away, so it is done only when
    /// needed).
    inner_at: Option<u64>,
}

impl<R: Read + Seek> Window<R> {
    /// The part must lie within the file.
    pub fn new(mut inner: R, start: u64, len: u64) -> Result<Self, ContainerError> {
        let file = stream_len(&mut inner)?;
        if start.checked_add(len).is_none_or(|end| end > file) {
            return Err(ContainerError::Broken(Fault::PartPastEnd));
        }
        inner.seek(SeekFrom::Start(start))?;
        Ok(Self {
            inner,
            start,
            len,
            pos: 0,
            inner_at: Some(0),
        })
    }
}

impl<R: Read + Seek> Read for Window<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        if left == 0 {
            return Ok(0);
        }
        let n = (buf.len() as u64).min(left) as usize;
        if self.inner_at != Some(self.pos) {
            self.inner.seek(SeekFrom::Start(self.start + self.pos))?;
        }
        self.inner_at = None;
        let got = self.inner.read(&mut buf[..n])?;
        self.pos += got as u64;
        self.inner_at = Some(self.pos);
        Ok(got)
    }
}

impl<R: Read + Seek> Seek for Window<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        }
        .ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before the start")
        })?;
        self.pos = target;
        Ok(target)
    }
}

/// Parts of a file, one after another, read as one stream.
pub struct Ranges<R> {
    inner: R,
    ranges: std::collections::VecDeque<(u64, u64)>,
    positioned: bool,
}

impl<R: Read + Seek> Ranges<R> {
    pub fn new(inner: R, ranges: Vec<(u64, u64)>) -> Self {
        Self {
            inner,
            ranges: ranges.into(),
            positioned: false,
        }
    }
}

impl<R: Read + Seek> Read for Ranges<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while let Some(&(from, to)) = self.ranges.front() {
            if from >= to {
                self.ranges.pop_front();
                self.positioned = false;
                continue;
            }
            if !self.positioned {
                self.inner.seek(SeekFrom::Start(from))?;
                self.positioned = true;
            }
            let n = (buf.len() as u64).min(to - from) as usize;
            let got = self.inner.read(&mut buf[..n])?;
            if got == 0 {
                return Ok(0);
            }
            self.ranges[0].0 += got as u64;
            return Ok(got);
        }
        Ok(0)
    }
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

struct TiffCopy<'a, 'r, R> {
    tiff: super::tiffdir::TiffReader<'r, R>,
    /// Byte order of the copy (that of the file).
    little: bool,
    out: Vec<u8>,
    budget: &'a mut Budget,
    visited: Vec<u64>,
}

impl<R: Read + Seek> TiffCopy<'_, '_, R> {
    fn put16(&self, v: u16) -> [u8; 2] {
        if self.little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    }

    fn put32(&self, v: u32) -> [u8; 4] {
        if self.little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    }

    fn offset_here(&self) -> Result<u32, ContainerError> {
        u32::try_from(self.out.len())
            .map_err(|_| ContainerError::Broken(Fault::TiffMetadataTooLarge))
    }

    /// A BigTIFF value of 64-bit numbers (LONG8, SLONG8, IFD8) as the
    /// 32-bit type classic TIFF has, when every value fits.
    fn narrow(&self, kind: u16, bytes: &[u8]) -> Option<(u16, Vec<u8>)> {
        let new_kind = match kind {
            16 => 4,
            17 => 9,
            18 => 13,
            _ => return Some((kind, bytes.to_vec())),
        };
        let mut out = Vec::with_capacity(bytes.len() / 2);
        for c in bytes.chunks_exact(8) {
            let v = self.tiff.u64(c.try_into().ok()?);
            let narrow: u32 = if kind == 17 {
                i32::try_from(v as i64).ok()? as u32
            } else {
                u32::try_from(v).ok()?
            };
            out.extend_from_slice(&self.put32(narrow));
        }
        Some((new_kind, out))
    }

    /// Copies the directory at `offset` (and the directories it points to,
    /// `depth` levels down) to the end of `out`; returns its new offset and
    /// the offset of the next directory in the file.
    fn directory(&mut self, offset: u64, depth: usize) -> Result<(u32, u64), ContainerError> {
        if self.visited.contains(&offset) || self.visited.len() > 16 {
            return Err(ContainerError::Broken(Fault::TiffLoop));
        }
        self.visited.push(offset);
        let dir = self.tiff.directory(offset)?;
        if !self.budget.take(dir.entries.len() as u64 * 12) {
            return Err(ContainerError::Broken(Fault::TiffPastBudget));
        }
        // The directory first, with its values and sub-directories after
        // it; entries are filled in once their data has landed.
        if self.out.len() % 2 == 1 {
            self.out.push(0);
        }
        let at = self.offset_here()?;
        let table = self.out.len();
        let slots = dir.entries.len().min(u16::MAX as usize);
        self.out.resize(table + 2 + slots * 12 + 4, 0);
        let mut kept: Vec<[u8; 12]> = Vec::with_capacity(slots);
        for e in dir.entries.iter().take(slots) {
            let mut put = [0u8; 12];
            put[0..2].copy_from_slice(&self.put16(e.tag));
            if SUB_IFD_TAGS.contains(&e.tag) && depth > 0 {
                let Ok(target) = self.tiff.numbers(e, 1) else {
                    continue;
                };
                let Some(&target) = target.first() else {
                    continue;
                };
                // A broken sub-directory is left out; the rest stands.
                if let Ok((new, _)) = self.directory(target, depth - 1) {
                    put[2..4].copy_from_slice(&self.put16(4));
                    put[4..8].copy_from_slice(&self.put32(1));
                    put[8..12].copy_from_slice(&self.put32(new));
                    kept.push(put);
                }
                continue;
            }
            let Some(size) = self.tiff.value_size(e) else {
                continue; // a type no reader knows
            };
            if u32::try_from(e.count).is_err() {
                continue;
            }
            let inline = self.tiff.value_offset(e).is_none();
            if !inline && !self.budget.take(size) {
                continue; // metadata past the budget: left out, warned once
            }
            let Ok(Some(bytes)) = self.tiff.value(e, size) else {
                continue; // a value past the end of the file: left out
            };
            let Some((kind, bytes)) = self.narrow(e.kind, &bytes) else {
                continue; // a 64-bit value classic TIFF cannot hold
            };
            put[2..4].copy_from_slice(&self.put16(kind));
            put[4..8].copy_from_slice(&self.put32(e.count as u32));
            if bytes.len() <= 4 {
                put[8..8 + bytes.len()].copy_from_slice(&bytes);
            } else {
                if self.out.len() % 2 == 1 {
                    self.out.push(0);
                }
                let new = self.offset_here()?;
                self.out.extend_from_slice(&bytes);
                put[8..12].copy_from_slice(&self.put32(new));
            }
            kept.push(put);
        }
        let count = self.put16(kept.len() as u16);
        self.out[table..table + 2].copy_from_slice(&count);
        for (i, e) in kept.iter().enumerate() {
            let p = table + 2 + i * 12;
            self.out[p..p + 12].copy_from_slice(e);
        }
        // The next-directory pointer right after the kept entries stays 0
        // (the caller links IFD1); space reserved for entries left out stays
        // unused, so no offset written so far moves.
        let p = table + 2 + kept.len() * 12;
        self.out[p..p + 4].copy_from_slice(&[0; 4]);
        Ok((at, dir.next))
    }
}

/// The metadata of a TIFF file as a compact classic TIFF of its own: the
/// first directory and the thumbnail directory after it, with the EXIF, GPS
/// and interoperability directories they point to and every value they
/// hold (strip and tile data left behind). Values past the budget are left
/// out. BigTIFF files and the TIFF variants of camera raw files (ORF, RW2)
/// are read too; BigTIFF's 64-bit values become 32-bit ones where they fit.
/// What it returns is what an EXIF reader needs, however large the image.
pub fn copy_tiff_metadata<R: Read + Seek>(
    r: &mut R,
    budget: &mut Budget,
) -> Result<Vec<u8>, ContainerError> {
    let tiff = super::tiffdir::TiffReader::new(r)?;
    let little = tiff.header.little;
    let first = tiff.header.first;
    let mut copy = TiffCopy {
        tiff,
        little,
        out: if little {
            b"II*\0\0\0\0\0".to_vec()
        } else {
            b"MM\0*\0\0\0\0".to_vec()
        },
        budget,
        visited: Vec::new(),
    };
    let (ifd0, next) = copy.directory(first, 2)?;
    let ifd0_put = copy.put32(ifd0);
    copy.out[4..8].copy_from_slice(&ifd0_put);
    if next != 0
        && let Ok((ifd1, _)) = copy.directory(next, 0)
    {
        // Link IFD0 to IFD1: the pointer after IFD0's entries.
        let b = [copy.out[ifd0 as usize], copy.out[ifd0 as usize + 1]];
        let count = if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        } as usize;
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
