//! Camera raw files: which kind a TIFF-structured file is, the size of its
//! raw image, where its metadata is, and its largest embedded JPEG preview.
//!
//! Kartoteka never decodes raw sensor data (and uses no GPL or LGPL raw
//! decoder): the thumbnail and the viewer show the JPEG preview the camera
//! embedded, the largest one the file holds. Metadata is the file's own
//! EXIF, maker and lens tags, IPTC and XMP, and its sidecar.
//!
//! - DNG, CR2, NEF, ARW, PEF, ORF and RW2 are TIFF structures (ORF and RW2
//!   with their own magic numbers), read through [`super::tiffdir`];
//! - RAF has a header of its own pointing at a JPEG that holds the EXIF;
//! - CR3 is ISO-BMFF: its EXIF directories are `CMT1` to `CMT4` boxes,
//!   its previews `THMB` and `PRVW` boxes, read through [`super::bmff`].

use std::io::{Read, Seek};

use super::bmff::{self, Step};
use super::container::{self, Budget, ContainerError};
use super::fault::Fault;
use super::tiffdir::{Directory, TiffReader, tags};
use crate::photo::RawKind;

/// Canon's CR3 metadata box (`moov/uuid`).
pub const CR3_METADATA_UUID: [u8; 16] = [
    0x85, 0xc0, 0xb6, 0x87, 0x82, 0x0f, 0x11, 0xe0, 0x81, 0x11, 0xf4, 0xce, 0x46, 0x2b, 0x6a, 0x48,
];
/// Canon's CR3 preview box (top level).
pub const CR3_PREVIEW_UUID: [u8; 16] = [
    0xea, 0xf4, 0x2b, 0x5e, 0x1c, 0x98, 0x4b, 0x88, 0xb9, 0xfb, 0xb7, 0xdc, 0x40, 0x6e, 0x4d, 0x16,
];
/// The XMP box of CR3 files (top level).
pub const CR3_XMP_UUID: [u8; 16] = [
    0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac,
];

/// Photometric interpretations of raw sensor data: CFA and LinearRaw.
const RAW_PHOTOMETRIC: &[u64] = &[32803, 34892];
/// Compressions only raw data uses (Nikon, Sony, Pentax and others).
const RAW_COMPRESSION: &[u64] = &[32767, 32769, 32770, 32773, 34713, 65000, 65535];
/// Sub-directories looked at in one file, at most.
const MAX_SUB_DIRECTORIES: usize = 64;
/// Directories of the main chain looked at for raw data and previews.
const MAX_CHAIN: usize = 16;

/// The directories of a TIFF-structured file worth looking at: the main
/// chain and the sub-directories of each (one level down, and one more for
/// DNG's nested previews).
fn directories<R: Read + Seek>(
    tiff: &mut TiffReader<'_, R>,
) -> Result<Vec<Directory>, ContainerError> {
    let chain = tiff.chain(MAX_CHAIN)?;
    let mut all = chain.clone();
    for d in &chain {
        let subs = tiff.sub_directories(d, MAX_SUB_DIRECTORIES);
        for s in &subs {
            if all.len() >= MAX_SUB_DIRECTORIES {
                break;
            }
            let deeper = tiff.sub_directories(s, 8);
            all.extend(deeper);
        }
        all.extend(subs);
    }
    all.truncate(MAX_SUB_DIRECTORIES + MAX_CHAIN);
    Ok(all)
}

/// Which raw format a file that starts as a TIFF is, if it is one: a DNG
/// version tag, or raw sensor data (a CFA or linear raw image, or a raw
/// compression) in a file whose maker is known.
pub fn classify_tiff<R: Read + Seek>(r: &mut R) -> Option<RawKind> {
    let mut tiff = TiffReader::new(r).ok()?;
    let ifd0 = tiff.directory(tiff.header.first).ok()?;
    if ifd0.get(tags::DNG_VERSION).is_some() {
        return Some(RawKind::Dng);
    }
    let make = tiff
        .text(&ifd0, tags::MAKE)
        .unwrap_or_default()
        .to_ascii_uppercase();
    let dirs = directories(&mut tiff).ok()?;
    let has_raw = dirs.iter().any(|d| {
        tiff.number(d, tags::PHOTOMETRIC)
            .is_some_and(|p| RAW_PHOTOMETRIC.contains(&p))
            || tiff
                .number(d, tags::COMPRESSION)
                .is_some_and(|c| RAW_COMPRESSION.contains(&c))
    });
    if !has_raw {
        return None;
    }
    if make.starts_with("NIKON") {
        Some(RawKind::Nef)
    } else if make.starts_with("SONY") {
        Some(RawKind::Arw)
    } else if make.starts_with("PENTAX") || make.starts_with("RICOH") || make.starts_with("ASAHI") {
        Some(RawKind::Pef)
    } else if make.starts_with("CANON") {
        Some(RawKind::Cr2)
    } else {
        None
    }
}

/// The size of the raw image, as exiftool gives it (`Composite:ImageSize`):
/// not the size of IFD0, which in most raw files is a thumbnail's.
pub fn dimensions<R: Read + Seek>(kind: RawKind, r: &mut R) -> Option<(u32, u32)> {
    match kind {
        RawKind::Raf => raf_dimensions(r),
        RawKind::Cr3 => None, // IFD0 in CMT1 holds it; read with the EXIF
        _ => tiff_raw_dimensions(kind, r),
    }
}

fn tiff_raw_dimensions<R: Read + Seek>(kind: RawKind, r: &mut R) -> Option<(u32, u32)> {
    let mut tiff = TiffReader::new(r).ok()?;
    let ifd0 = tiff.directory(tiff.header.first).ok()?;
    let size = |tiff: &mut TiffReader<'_, R>, d: &Directory| -> Option<(u32, u32)> {
        let w = tiff.number(d, tags::IMAGE_WIDTH)?;
        let h = tiff.number(d, tags::IMAGE_LENGTH)?;
        Some((u32::try_from(w).ok()?, u32::try_from(h).ok()?))
    };
    match kind {
        RawKind::Rw2 => {
            let top = tiff.number(&ifd0, tags::RW2_SENSOR_TOP)?;
            let left = tiff.number(&ifd0, tags::RW2_SENSOR_LEFT)?;
            let bottom = tiff.number(&ifd0, tags::RW2_SENSOR_BOTTOM)?;
            let right = tiff.number(&ifd0, tags::RW2_SENSOR_RIGHT)?;
            Some((
                u32::try_from(right.checked_sub(left)?).ok()?,
                u32::try_from(bottom.checked_sub(top)?).ok()?,
            ))
        }
        RawKind::Orf => size(&mut tiff, &ifd0),
        RawKind::Cr2 => {
            // CR2's raw directory carries no size; its EXIF does.
            let exif = tiff.number(&ifd0, tags::EXIF_IFD)?;
            let exif = tiff.directory(exif).ok()?;
            let w = tiff.number(&exif, tags::EXIF_PIXEL_X)?;
            let h = tiff.number(&exif, tags::EXIF_PIXEL_Y)?;
            Some((u32::try_from(w).ok()?, u32::try_from(h).ok()?))
        }
        _ => {
            // The full-resolution image (NewSubfileType 0) with the most
            // pixels: the raw data.
            let dirs = directories(&mut tiff).ok()?;
            let mut best: Option<(u32, u32)> = None;
            for d in &dirs {
                if tiff.number(d, tags::NEW_SUBFILE_TYPE).unwrap_or(0) & 1 != 0 {
                    continue;
                }
                let Some((w, h)) = size(&mut tiff, d) else {
                    continue;
                };
                let area = |(w, h): (u32, u32)| u64::from(w) * u64::from(h);
                if best.is_none_or(|b| area(b) < area((w, h))) {
                    best = Some((w, h));
                }
            }
            best
        }
    }
}

/// RAF: the raw image's cropped size from the RAF directory.
fn raf_dimensions<R: Read + Seek>(r: &mut R) -> Option<(u32, u32)> {
    let header = bmff::read_at(r, 0, 108).ok()?;
    let at = u32::from_be_bytes(header[92..96].try_into().ok()?) as u64;
    let len = u32::from_be_bytes(header[96..100].try_into().ok()?) as u64;
    let dir = bmff::read_at(r, at, len.min(64 << 10)).ok()?;
    let mut f = bmff::Fields::new(&dir);
    let count = f.u32().ok()?;
    let mut full = None;
    for _ in 0..count.min(1024) {
        let tag = f.u16().ok()?;
        let size = f.u16().ok()?;
        let data = f.bytes(size as usize).ok()?;
        if data.len() >= 4 && matches!(tag, 0x100 | 0x111) {
            let h = u16::from_be_bytes([data[0], data[1]]) as u32;
            let w = u16::from_be_bytes([data[2], data[3]]) as u32;
            if tag == 0x111 {
                return Some((w, h));
            }
            full = Some((w, h));
        }
    }
    full
}

/// RAF: where the embedded JPEG (which holds the EXIF) is.
pub fn raf_jpeg<R: Read + Seek>(r: &mut R) -> Result<(u64, u64), ContainerError> {
    let header = bmff::read_at(r, 0, 100)?;
    let at = u32::from_be_bytes([header[84], header[85], header[86], header[87]]) as u64;
    let len = u32::from_be_bytes([header[88], header[89], header[90], header[91]]) as u64;
    let file = container::stream_len(r)?;
    if at.checked_add(len).is_none_or(|end| end > file) || len < 4 {
        return Err(ContainerError::Broken(Fault::RafHeaderPastEnd));
    }
    Ok((at, len))
}

/// RW2: where the embedded JPEG (`JpgFromRaw`, with the full EXIF) is.
pub fn rw2_jpeg<R: Read + Seek>(r: &mut R) -> Option<(u64, u64)> {
    let mut tiff = TiffReader::new(r).ok()?;
    let ifd0 = tiff.directory(tiff.header.first).ok()?;
    let e = *ifd0.get(tags::RW2_JPEG_FROM_RAW)?;
    let at = tiff.value_offset(&e)?;
    let len = tiff.value_size(&e)?;
    (at.checked_add(len)? <= tiff.len()).then_some((at, len))
}

/// A block of metadata and the four-character type of the box it came from.
pub type TaggedBlock = ([u8; 4], Vec<u8>);

/// CR3: the EXIF directories (`CMT1` IFD0, `CMT2` EXIF, `CMT4` GPS), each
/// a TIFF of its own, within the budget.
pub fn cr3_exif_blocks<R: Read + Seek>(
    r: &mut R,
    budget: &mut Budget,
) -> Result<Vec<TaggedBlock>, ContainerError> {
    let Some(meta) = bmff::find(r, &[Step::Kind(b"moov"), Step::Uuid(CR3_METADATA_UUID)])? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for b in bmff::children(r, meta.content, meta.end)? {
        if matches!(&b.kind, b"CMT1" | b"CMT2" | b"CMT4") && budget.take(b.len()) {
            out.push((b.kind, bmff::read_at(r, b.content, b.len())?));
        }
    }
    Ok(out)
}

/// CR3: the XMP packet, within the budget.
pub fn cr3_xmp<R: Read + Seek>(
    r: &mut R,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, ContainerError> {
    let Some(b) = bmff::find(r, &[Step::Uuid(CR3_XMP_UUID)])? else {
        return Ok(None);
    };
    if !budget.take(b.len()) {
        return Ok(None);
    }
    bmff::content(r, &b, u64::MAX)
}

/// An embedded JPEG: where it is, and its size in pixels as its own frame
/// header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    pub offset: u64,
    pub len: u64,
    pub width: u32,
    pub height: u32,
}

/// Checks that bytes `offset..offset+len` are a JPEG a viewer can show (not
/// lossless-JPEG raw data) and reads its size.
fn check_jpeg<R: Read + Seek>(r: &mut R, offset: u64, len: u64) -> Option<Preview> {
    if len < 4 {
        return None;
    }
    let mut window = container::Window::new(&mut *r, offset, len).ok()?;
    // Only the frame header is read: its size.
    let layout = container::jpeg_layout(&mut window, |_| false, &mut Budget::new(4 << 10)).ok()?;
    // Lossless JPEG (SOF3, SOF7, SOF11, SOF15) is raw sensor data.
    if layout
        .segments
        .iter()
        .any(|s| matches!(s.marker, 0xC3 | 0xC7 | 0xCB | 0xCF))
    {
        return None;
    }
    let (width, height) = layout.dimensions?;
    Some(Preview {
        offset,
        len,
        width,
        height,
    })
}

/// Every JPEG preview a raw file embeds that this module can find.
pub fn previews<R: Read + Seek>(kind: RawKind, r: &mut R) -> Result<Vec<Preview>, ContainerError> {
    let mut places: Vec<(u64, u64)> = Vec::new();
    match kind {
        RawKind::Raf => places.push(raf_jpeg(r)?),
        RawKind::Cr3 => places.extend(cr3_previews(r)?),
        _ => {
            let mut tiff = TiffReader::new(r)?;
            let dirs = directories(&mut tiff)?;
            for d in &dirs {
                if let (Some(at), Some(len)) = (
                    tiff.number(d, tags::JPEG_INTERCHANGE),
                    tiff.number(d, tags::JPEG_INTERCHANGE_LENGTH),
                ) {
                    places.push((at, len));
                }
                // A JPEG stored as the one strip of a directory (CR2's
                // IFD0, DNG's preview sub-directories).
                let compression = tiff.number(d, tags::COMPRESSION).unwrap_or(1);
                let photometric = tiff.number(d, tags::PHOTOMETRIC).unwrap_or(2);
                if matches!(compression, 6 | 7 | 99)
                    && !RAW_PHOTOMETRIC.contains(&photometric)
                    && let (Some(so), Some(sc)) = (
                        d.get(tags::STRIP_OFFSETS).copied(),
                        d.get(tags::STRIP_BYTE_COUNTS).copied(),
                    )
                {
                    let offsets = tiff.numbers(&so, 2)?;
                    let counts = tiff.numbers(&sc, 2)?;
                    if offsets.len() == 1 && counts.len() == 1 {
                        places.push((offsets[0], counts[0]));
                    }
                }
            }
            if kind == RawKind::Rw2
                && let Some(p) = rw2_jpeg(tiff.inner())
            {
                places.push(p);
            }
        }
    }
    let mut found: Vec<Preview> = places
        .into_iter()
        .filter_map(|(at, len)| check_jpeg(r, at, len))
        .collect();
    found.dedup_by_key(|p| p.offset);
    Ok(found)
}

/// The largest embedded JPEG preview, by pixels.
pub fn largest_preview<R: Read + Seek>(
    kind: RawKind,
    r: &mut R,
) -> Result<Option<Preview>, ContainerError> {
    Ok(previews(kind, r)?
        .into_iter()
        .max_by_key(|p| (p.width as u64 * p.height as u64, p.len)))
}

/// CR3: the `THMB` thumbnail and the `PRVW` preview.
fn cr3_previews<R: Read + Seek>(r: &mut R) -> Result<Vec<(u64, u64)>, ContainerError> {
    let mut out = Vec::new();
    // THMB: version and flags, width, height, JPEG length, two shorts, JPEG.
    if let Some(meta) = bmff::find(r, &[Step::Kind(b"moov"), Step::Uuid(CR3_METADATA_UUID)])?
        && let Some(thmb) = bmff::child(r, &meta, b"THMB", false)?
        && thmb.len() >= 16
    {
        let head = bmff::read_at(r, thmb.content, 16)?;
        let len = u32::from_be_bytes([head[8], head[9], head[10], head[11]]) as u64;
        out.push((thmb.content + 16, len.min(thmb.len() - 16)));
    }
    // The preview box: 8 bytes, then PRVW: 8 bytes, width, height, a
    // short, JPEG length, JPEG.
    if let Some(preview) = bmff::find(r, &[Step::Uuid(CR3_PREVIEW_UUID)])? {
        // A damaged preview box leaves the thumbnail box to show.
        let boxes = bmff::children(r, (preview.content + 8).min(preview.end), preview.end)
            .unwrap_or_default();
        if let Some(prvw) = boxes.iter().find(|b| &b.kind == b"PRVW")
            && prvw.len() >= 16
        {
            let head = bmff::read_at(r, prvw.content, 16)?;
            let len = u32::from_be_bytes([head[12], head[13], head[14], head[15]]) as u64;
            out.push((prvw.content + 16, len.min(prvw.len() - 16)));
        }
    }
    Ok(out)
}
