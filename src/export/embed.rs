//! Embedding metadata into image files: XMP (merged with what the file
//! holds) and IPTC IIM, without touching the image data.
//!
//! - JPEG: APP1 XMP and APP13 Photoshop resources are replaced; the
//!   entropy-coded data is copied as it is.
//! - TIFF: the XMP and IIM blocks and a copy of the first IFD with the new
//!   tags are appended, and the header is pointed at that IFD. Strips,
//!   tiles and every other IFD stay where they were, byte for byte.
//! - PNG: the `XML:com.adobe.xmp` iTXt chunk is replaced (PNG has no IIM).
//!
//! The original is read as a stream and the new file written as one: the
//! image data goes from one to the other in pieces, never whole in memory.

use std::io::{Cursor, Read, Seek, SeekFrom, Write};

use super::{iim, xmp};
use crate::catalog::Claim;
use crate::ingest::container::{self, Budget, ContainerError, PNG_SIGNATURE, markers};
use crate::ingest::fault::Fault;
use crate::limits::MAX_METADATA_BYTES;
use crate::photo::{ImageFormat, Photo};

const XMP_APP1: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_APP1: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const EXIF_APP1: &[u8] = b"Exif\0\0";
const PHOTOSHOP_APP13: &[u8] = b"Photoshop 3.0\0";
/// The most a JPEG segment can carry.
const MAX_SEGMENT: usize = 65_533;
const PNG_XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

/// Why metadata could not be embedded in a file.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("{format} structure is broken: {fault}")]
    Broken { format: &'static str, fault: Fault },
    #[error("the XMP ({0} bytes) is larger than one JPEG segment holds")]
    XmpTooLarge(usize),
    #[error("EXIF too large for a JPEG segment")]
    ExifTooLarge,
    #[error(
        "its metadata is larger than the {} Kartoteka rewrites",
        crate::limits::describe_bytes(MAX_METADATA_BYTES)
    )]
    MetadataTooLarge,
    #[error("it has no image data")]
    NoImageData,
    #[error("BigTIFF files are not written to; use a sidecar")]
    BigTiff,
    #[error(
        "camera raw originals ({0}) are never written to; write the metadata to an XMP sidecar with --sidecar"
    )]
    Raw(&'static str),
    #[error(
        "Kartoteka does not write metadata into {0} files; write it to an XMP sidecar with --sidecar"
    )]
    NotWritable(&'static str),
    #[error("not a TIFF file")]
    NotTiff,
    #[error("TIFF would exceed 4 GB")]
    TiffTooLarge,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn broken(format: &'static str) -> impl Fn(ContainerError) -> EmbedError {
    move |e| match e {
        ContainerError::Io(io) => EmbedError::Io(io),
        ContainerError::Broken(fault) => EmbedError::Broken { format, fault },
    }
}

/// What to do with a JPEG's EXIF block.
pub enum Exif {
    Keep,
    /// Replace it with this TIFF-structured block (without `Exif\0\0`).
    Replace(Vec<u8>),
}

/// The XMP packet embedded in a file, if any, as stored.
pub fn embedded_xmp(format: ImageFormat, bytes: &[u8]) -> Option<Vec<u8>> {
    embedded_xmp_from(format, &mut Cursor::new(bytes))
}

/// [`embedded_xmp`] from a reader.
pub fn embedded_xmp_from<R: Read + Seek>(format: ImageFormat, r: &mut R) -> Option<Vec<u8>> {
    let mut budget = Budget::new(MAX_METADATA_BYTES);
    match format {
        ImageFormat::Jpeg => {
            let layout = container::jpeg_layout(r, |m| m == markers::APP1, &mut budget).ok()?;
            layout
                .segments
                .into_iter()
                .filter(|s| s.marker == markers::APP1)
                .filter_map(|s| s.contents)
                .find(|c| c.starts_with(XMP_APP1))
                .map(|c| c[XMP_APP1.len()..].to_vec())
        }
        ImageFormat::Png => {
            r.seek(SeekFrom::Start(0)).ok()?;
            let mut chunks = container::PngChunks::new(r).ok()?;
            while let Some(h) = chunks.next_chunk().ok()? {
                if &h.kind == b"iTXt"
                    && chunks
                        .prefix(&h, PNG_XMP_KEYWORD.len() as u64)
                        .ok()?
                        .starts_with(PNG_XMP_KEYWORD)
                {
                    let data = chunks.data(&h, &mut budget).ok()??;
                    return itxt_text(&data);
                }
            }
            None
        }
        ImageFormat::Tiff => {
            let tiff = container::copy_tiff_metadata(r, &mut budget).ok()?;
            let (exif, _) = crate::ingest::exif::parse(tiff).ok()?;
            crate::ingest::exif::tag_bytes(&exif, 700)
        }
        // Never embedded into (see `check_writable`).
        _ => None,
    }
}

fn itxt_text(contents: &[u8]) -> Option<Vec<u8>> {
    let nul = contents.iter().position(|&b| b == 0)?;
    let rest = &contents[nul + 1..];
    let (&flag, rest) = rest.split_first()?;
    let rest = rest.get(1..)?; // compression method
    let mut parts = rest.splitn(3, |&b| b == 0);
    let (_, _, text) = (parts.next()?, parts.next()?, parts.next()?);
    if flag == 0 { Some(text.to_vec()) } else { None }
}

/// The XMP to embed for a photo: merged into the file's own packet when it
/// has a readable one, fresh otherwise.
pub fn xmp_for(format: ImageFormat, bytes: &[u8], photo: &Photo, claims: &[Claim]) -> String {
    xmp_for_from(format, &mut Cursor::new(bytes), photo, claims)
}

/// [`xmp_for`] from a reader.
pub fn xmp_for_from<R: Read + Seek>(
    format: ImageFormat,
    r: &mut R,
    photo: &Photo,
    claims: &[Claim],
) -> String {
    embedded_xmp_from(format, r)
        .and_then(|existing| xmp::merge(&existing, photo, claims).ok())
        .unwrap_or_else(|| xmp::packet(photo, claims))
}

/// A copy of an image file with the photo's metadata (and its claims, in
/// XMP) embedded.
pub fn embed(
    format: ImageFormat,
    bytes: &[u8],
    photo: &Photo,
    claims: &[Claim],
) -> Result<Vec<u8>, EmbedError> {
    let mut out = Cursor::new(Vec::with_capacity(bytes.len() + 8192));
    embed_to(format, &mut Cursor::new(bytes), photo, claims, &mut out)?;
    Ok(out.into_inner())
}

/// Writes a copy of the image file `src` with the photo's metadata
/// embedded to `out`, streaming the image data across.
pub fn embed_to<R: Read + Seek, W: Write + Seek>(
    format: ImageFormat,
    src: &mut R,
    photo: &Photo,
    claims: &[Claim],
    out: &mut W,
) -> Result<(), EmbedError> {
    check_writable(format)?;
    let packet = xmp_for_from(format, src, photo, claims);
    match format {
        ImageFormat::Jpeg => jpeg_to(src, &packet, &iim::block(photo), Exif::Keep, out),
        ImageFormat::Tiff => tiff_to(src, &packet, &iim::block(photo), out),
        ImageFormat::Png => png_to(src, &packet, out),
        other => Err(EmbedError::NotWritable(other.display_name())),
    }
}

/// Whether Kartoteka embeds metadata into files of this format: JPEG, PNG
/// and TIFF, which it rewrites leaving the image data byte for byte. Raw
/// originals are never written to; WebP, JPEG XL and HEIF get sidecars.
pub fn check_writable(format: ImageFormat) -> Result<(), EmbedError> {
    match format {
        ImageFormat::Jpeg | ImageFormat::Tiff | ImageFormat::Png => Ok(()),
        ImageFormat::Raw(_) => Err(EmbedError::Raw(format.display_name())),
        other => Err(EmbedError::NotWritable(other.display_name())),
    }
}

/// JPEG with new XMP and IIM (and optionally new EXIF).
pub fn jpeg(
    bytes: &[u8],
    packet: &str,
    iim_block: &[u8],
    exif: Exif,
) -> Result<Vec<u8>, EmbedError> {
    let mut out = Vec::with_capacity(bytes.len() + 8192);
    jpeg_to(&mut Cursor::new(bytes), packet, iim_block, exif, &mut out)?;
    Ok(out)
}

fn write_segment<W: Write>(out: &mut W, marker: u8, contents: &[u8]) -> std::io::Result<()> {
    out.write_all(&[0xFF, marker])?;
    // Callers keep contents within MAX_SEGMENT, so the length fits.
    out.write_all(&((contents.len() + 2) as u16).to_be_bytes())?;
    out.write_all(contents)
}

/// [`jpeg`], streamed from `src` to `out`.
pub fn jpeg_to<R: Read + Seek, W: Write>(
    src: &mut R,
    packet: &str,
    iim_block: &[u8],
    exif: Exif,
    out: &mut W,
) -> Result<(), EmbedError> {
    let mut budget = Budget::new(MAX_METADATA_BYTES);
    let layout = container::jpeg_layout(
        src,
        |m| m == markers::APP1 || m == markers::APP13,
        &mut budget,
    )
    .map_err(broken("JPEG"))?;
    if budget.exhausted {
        // Blocks that were not read cannot be told apart; never guess.
        return Err(EmbedError::MetadataTooLarge);
    }
    let scan_start = layout.scan_start.ok_or(EmbedError::NoImageData)?;
    let replace_exif = matches!(exif, Exif::Replace(_));
    let mut old_resources = Vec::new();
    let mut retained = Vec::with_capacity(layout.segments.len());
    for s in &layout.segments {
        let c = s.contents.as_deref().unwrap_or_default();
        let is_xmp = s.marker == markers::APP1
            && (c.starts_with(XMP_APP1) || c.starts_with(XMP_EXTENSION_APP1));
        let is_exif = replace_exif && s.marker == markers::APP1 && c.starts_with(EXIF_APP1);
        let is_photoshop = s.marker == markers::APP13 && c.starts_with(PHOTOSHOP_APP13);
        if is_photoshop {
            old_resources.extend_from_slice(&c[PHOTOSHOP_APP13.len()..]);
        }
        if !(is_xmp || is_exif || is_photoshop) {
            retained.push(s);
        }
    }
    // New segments go after JFIF and EXIF, as readers expect.
    let at = retained
        .iter()
        .position(|s| {
            let c = s.contents.as_deref().unwrap_or_default();
            !(s.marker == markers::APP0 || (s.marker == markers::APP1 && c.starts_with(EXIF_APP1)))
        })
        .unwrap_or(retained.len());
    let mut xmp_segment = XMP_APP1.to_vec();
    xmp_segment.extend_from_slice(packet.as_bytes());
    if xmp_segment.len() > MAX_SEGMENT {
        return Err(EmbedError::XmpTooLarge(packet.len()));
    }
    let exif_segment = match exif {
        Exif::Replace(tiff) => {
            let mut contents = EXIF_APP1.to_vec();
            contents.extend_from_slice(&tiff);
            if contents.len() > MAX_SEGMENT {
                return Err(EmbedError::ExifTooLarge);
            }
            Some(contents)
        }
        Exif::Keep => None,
    };
    let resources = iim::photoshop_resources(&old_resources, iim_block);
    let write_new = |out: &mut W| -> std::io::Result<()> {
        if let Some(e) = &exif_segment {
            write_segment(out, markers::APP1, e)?;
        }
        write_segment(out, markers::APP1, &xmp_segment)?;
        for chunk in resources.chunks(MAX_SEGMENT - PHOTOSHOP_APP13.len()) {
            let mut contents = PHOTOSHOP_APP13.to_vec();
            contents.extend_from_slice(chunk);
            write_segment(out, markers::APP13, &contents)?;
        }
        Ok(())
    };
    out.write_all(&[0xFF, markers::SOI])?;
    for (i, s) in retained.iter().enumerate() {
        if i == at {
            write_new(out)?;
        }
        container::copy_range(src, s.start, s.end, out).map_err(broken("JPEG"))?;
    }
    if at == retained.len() {
        write_new(out)?;
    }
    container::copy_rest(src, scan_start, out).map_err(broken("JPEG"))?;
    Ok(())
}

/// PNG with a new XMP chunk.
pub fn png(bytes: &[u8], packet: &str) -> Result<Vec<u8>, EmbedError> {
    let mut out = Vec::with_capacity(bytes.len() + 8192);
    png_to(&mut Cursor::new(bytes), packet, &mut out)?;
    Ok(out)
}

/// [`png`], streamed from `src` to `out`.
pub fn png_to<R: Read + Seek, W: Write>(
    src: &mut R,
    packet: &str,
    out: &mut W,
) -> Result<(), EmbedError> {
    src.seek(SeekFrom::Start(0))?;
    let mut signature = [0u8; 8];
    src.read_exact(&mut signature)?;
    if &signature != PNG_SIGNATURE {
        return Err(EmbedError::Broken {
            format: "PNG",
            fault: Fault::NoPngSignature,
        });
    }
    let mut data = PNG_XMP_KEYWORD.to_vec();
    data.extend_from_slice(&[0, 0, 0, 0, 0]); // NUL, not compressed, method, no language, no translation
    data.extend_from_slice(packet.as_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(b"iTXt");
    crc.update(&data);
    let length = u32::try_from(data.len()).map_err(|_| EmbedError::XmpTooLarge(packet.len()))?;

    out.write_all(PNG_SIGNATURE)?;
    let mut chunks = container::PngChunks::new(src).map_err(broken("PNG"))?;
    let mut wrote_ours = false;
    while let Some(h) = chunks.next_chunk().map_err(broken("PNG"))? {
        if !h.complete {
            return Err(EmbedError::Broken {
                format: "PNG",
                fault: Fault::ChunkCutShort {
                    kind: Fault::kind(&h.kind),
                    at: h.start,
                },
            });
        }
        let old_xmp = &h.kind == b"iTXt"
            && chunks
                .prefix(&h, PNG_XMP_KEYWORD.len() as u64)
                .map_err(broken("PNG"))?
                .starts_with(PNG_XMP_KEYWORD);
        if !old_xmp {
            chunks.copy_chunk(&h, out).map_err(broken("PNG"))?;
        }
        if &h.kind == b"IHDR" && !wrote_ours {
            out.write_all(&length.to_be_bytes())?;
            out.write_all(b"iTXt")?;
            out.write_all(&data)?;
            out.write_all(&crc.sum().to_be_bytes())?;
            wrote_ours = true;
        }
    }
    if !wrote_ours {
        return Err(EmbedError::Broken {
            format: "PNG",
            fault: Fault::NoPngHeader,
        });
    }
    Ok(())
}

/// TIFF with new XMP (tag 700) and IIM (tag 33723, and inside the Photoshop
/// resources of tag 34377 when the file has them), appended.
pub fn tiff(bytes: &[u8], packet: &str, iim_block: &[u8]) -> Result<Vec<u8>, EmbedError> {
    let mut out = Cursor::new(Vec::with_capacity(bytes.len() + 8192));
    tiff_to(&mut Cursor::new(bytes), packet, iim_block, &mut out)?;
    Ok(out.into_inner())
}

fn read_at<R: Read + Seek>(src: &mut R, at: u64, n: usize) -> Result<Vec<u8>, EmbedError> {
    src.seek(SeekFrom::Start(at))?;
    let mut data = Vec::new();
    src.take(n as u64).read_to_end(&mut data)?;
    if data.len() < n {
        return Err(EmbedError::Broken {
            format: "TIFF",
            fault: Fault::TiffCutShort,
        });
    }
    Ok(data)
}

/// [`tiff`], streamed from `src` to `out`: the whole original is copied
/// across, the new blocks and directory appended, and the header patched.
pub fn tiff_to<R: Read + Seek, W: Write + Seek>(
    src: &mut R,
    packet: &str,
    iim_block: &[u8],
    out: &mut W,
) -> Result<(), EmbedError> {
    let header = read_at(src, 0, 8)?;
    let little = match &header[0..4] {
        b"II*\0" => true,
        b"MM\0*" => false,
        b"II+\0" | b"MM\0+" => return Err(EmbedError::BigTiff),
        _ => return Err(EmbedError::NotTiff),
    };
    let u16_of = |b: &[u8]| {
        if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        }
    };
    let u32_of = |b: &[u8]| {
        if little {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        }
    };
    let put16 = |v: u16| {
        if little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    };
    let put32 = |v: u32| {
        if little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    };

    let ifd = u32_of(&header[4..8]) as u64;
    let count = u16_of(&read_at(src, ifd, 2)?) as usize;
    let table = read_at(src, ifd + 2, count * 12 + 4)?;
    let mut entries: Vec<[u8; 12]> = table[..count * 12]
        .chunks_exact(12)
        .map(|e| {
            let mut entry = [0u8; 12];
            entry.copy_from_slice(e);
            entry
        })
        .collect();
    let next_ifd = u32_of(&table[count * 12..]);
    let tag_of = |e: &[u8; 12]| u16_of(&e[0..2]);

    let mut new_entries: Vec<(u16, u16, Vec<u8>)> = vec![
        (700, 1, packet.as_bytes().to_vec()),
        (33723, 7, iim_block.to_vec()),
    ];
    // Photoshop resources hold another copy of the IIM: keep them in step.
    if let Some(e) = entries.iter().find(|e| tag_of(e) == 34377) {
        let kind = u16_of(&e[2..4]);
        let n = u32_of(&e[4..8]) as u64;
        if (kind == 1 || kind == 7) && n <= MAX_METADATA_BYTES {
            let data = if n <= 4 {
                e[8..8 + n as usize].to_vec()
            } else {
                read_at(src, u32_of(&e[8..12]) as u64, n as usize)?
            };
            new_entries.push((34377, kind, iim::photoshop_resources(&data, iim_block)));
        }
    }

    // The original, byte for byte, then the new blocks and directory.
    let len = container::copy_rest(src, 0, out).map_err(broken("TIFF"))?;
    let mut end = len;
    let mut append = |out: &mut W, data: &[u8]| -> Result<u32, EmbedError> {
        if end % 2 == 1 {
            out.write_all(&[0])?;
            end += 1;
        }
        let at = u32::try_from(end).map_err(|_| EmbedError::TiffTooLarge)?;
        out.write_all(data)?;
        end += data.len() as u64;
        u32::try_from(end).map_err(|_| EmbedError::TiffTooLarge)?;
        Ok(at)
    };
    entries.retain(|e| !new_entries.iter().any(|(tag, _, _)| *tag == tag_of(e)));
    for (tag, kind, data) in &new_entries {
        let mut entry = [0u8; 12];
        entry[0..2].copy_from_slice(&put16(*tag));
        entry[2..4].copy_from_slice(&put16(*kind));
        entry[4..8].copy_from_slice(&put32(data.len() as u32));
        if data.len() <= 4 {
            entry[8..8 + data.len()].copy_from_slice(data);
        } else {
            let at = append(out, data)?;
            entry[8..12].copy_from_slice(&put32(at));
        }
        entries.push(entry);
    }
    entries.sort_by_key(tag_of);
    let mut directory = Vec::with_capacity(2 + entries.len() * 12 + 4);
    directory.extend_from_slice(&put16(entries.len() as u16));
    for e in &entries {
        directory.extend_from_slice(e);
    }
    directory.extend_from_slice(&put32(next_ifd));
    let at = append(out, &directory)?;
    out.seek(SeekFrom::Start(4))?;
    out.write_all(&put32(at))?;
    out.seek(SeekFrom::End(0))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiff_keeps_its_pixels_and_gains_the_tags() {
        // A 2x1 RGB TIFF written by `image`.
        let img = image::RgbImage::from_fn(2, 1, |x, _| image::Rgb([x as u8 * 200, 10, 20]));
        let mut original = Vec::new();
        image::DynamicImage::ImageRgb8(img.clone())
            .write_to(
                &mut std::io::Cursor::new(&mut original),
                image::ImageFormat::Tiff,
            )
            .unwrap();
        let packet = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/></x:xmpmeta>";
        let written = tiff(&original, packet, b"\x1c\x02\x05\x00\x05Title").unwrap();
        assert_eq!(written[8..original.len()], original[8..]);
        let decoded = image::load_from_memory(&written).unwrap().to_rgb8();
        assert_eq!(decoded, img);
        let (exif, _) = crate::ingest::exif::parse(written.clone()).unwrap();
        assert_eq!(
            crate::ingest::exif::tag_bytes(&exif, 700).unwrap(),
            packet.as_bytes()
        );
        assert_eq!(
            crate::ingest::exif::tag_bytes(&exif, 33723).unwrap(),
            b"\x1c\x02\x05\x00\x05Title"
        );
    }

    #[test]
    fn png_gains_one_xmp_chunk_after_its_header() {
        let img =
            image::RgbImage::from_fn(3, 2, |x, y| image::Rgb([x as u8 * 80, y as u8 * 90, 7]));
        let mut original = Vec::new();
        image::DynamicImage::ImageRgb8(img.clone())
            .write_to(
                &mut std::io::Cursor::new(&mut original),
                image::ImageFormat::Png,
            )
            .unwrap();
        let once = png(
            &original,
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'>one</x:xmpmeta>",
        )
        .unwrap();
        let twice = png(&once, "<x:xmpmeta xmlns:x='adobe:ns:meta/'>two</x:xmpmeta>").unwrap();
        assert_eq!(image::load_from_memory(&twice).unwrap().to_rgb8(), img);
        let xmp = embedded_xmp(ImageFormat::Png, &twice).unwrap();
        assert!(String::from_utf8(xmp).unwrap().contains("two"));
        assert_eq!(
            twice
                .windows(PNG_XMP_KEYWORD.len())
                .filter(|w| *w == PNG_XMP_KEYWORD)
                .count(),
            1,
            "the old packet is replaced, not kept beside the new one"
        );
    }
}
