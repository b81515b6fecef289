//! Embedding metadata into image files: XMP (merged with what the file
//! holds) and IPTC IIM, without touching the image data.
//!
//! - JPEG: APP1 XMP and APP13 Photoshop resources are replaced; the
//!   entropy-coded data is copied as it is.
//! - TIFF: the XMP and IIM blocks and a copy of the first IFD with the new
//!   tags are appended, and the header is pointed at that IFD. Strips,
//!   tiles and every other IFD stay where they were, byte for byte.
//! - PNG: the `XML:com.adobe.xmp` iTXt chunk is replaced (PNG has no IIM).

use bytes::Bytes;
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::{Png, PngChunk};

use super::{iim, xmp};
use crate::photo::{ImageFormat, Photo};

const XMP_APP1: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_APP1: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const EXIF_APP1: &[u8] = b"Exif\0\0";
const PHOTOSHOP_APP13: &[u8] = b"Photoshop 3.0\0";
/// The most a JPEG segment can carry.
const MAX_SEGMENT: usize = 65_533;
const PNG_XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

/// What to do with a JPEG's EXIF block.
pub enum Exif {
    Keep,
    /// Replace it with this TIFF-structured block (without `Exif\0\0`).
    Replace(Vec<u8>),
}

/// The XMP packet embedded in a file, if any, as stored.
pub fn embedded_xmp(format: ImageFormat, bytes: &[u8]) -> Option<Vec<u8>> {
    match format {
        ImageFormat::Jpeg => {
            let jpeg = Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).ok()?;
            jpeg.segments()
                .iter()
                .find(|s| s.marker() == markers::APP1 && s.contents().starts_with(XMP_APP1))
                .map(|s| s.contents()[XMP_APP1.len()..].to_vec())
        }
        ImageFormat::Png => {
            let png = Png::from_bytes(Bytes::copy_from_slice(bytes)).ok()?;
            png.chunks_by_type(*b"iTXt")
                .find(|c| c.contents().starts_with(PNG_XMP_KEYWORD))
                .and_then(|c| itxt_text(c.contents()))
        }
        ImageFormat::Tiff => {
            let (exif, _) = crate::ingest::exif::parse(bytes.to_vec()).ok()?;
            crate::ingest::exif::tag_bytes(&exif, 700)
        }
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
pub fn xmp_for(format: ImageFormat, bytes: &[u8], photo: &Photo) -> String {
    embedded_xmp(format, bytes)
        .and_then(|existing| xmp::merge(&existing, photo).ok())
        .unwrap_or_else(|| xmp::packet(photo))
}

/// A copy of an image file with the photo's metadata embedded.
pub fn embed(format: ImageFormat, bytes: &[u8], photo: &Photo) -> Result<Vec<u8>, String> {
    let packet = xmp_for(format, bytes, photo);
    match format {
        ImageFormat::Jpeg => jpeg(bytes, &packet, &iim::block(photo), Exif::Keep),
        ImageFormat::Tiff => tiff(bytes, &packet, &iim::block(photo)),
        ImageFormat::Png => png(bytes, &packet),
    }
}

/// JPEG with new XMP and IIM (and optionally new EXIF).
pub fn jpeg(bytes: &[u8], packet: &str, iim_block: &[u8], exif: Exif) -> Result<Vec<u8>, String> {
    let mut jpeg = Jpeg::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|e| format!("JPEG structure is broken: {e}"))?;
    let mut old_resources = Vec::new();
    for s in jpeg.segments() {
        if s.marker() == markers::APP13 && s.contents().starts_with(PHOTOSHOP_APP13) {
            old_resources.extend_from_slice(&s.contents()[PHOTOSHOP_APP13.len()..]);
        }
    }
    let replace_exif = matches!(exif, Exif::Replace(_));
    jpeg.segments_mut().retain(|s| {
        let c = s.contents();
        let xmp = s.marker() == markers::APP1
            && (c.starts_with(XMP_APP1) || c.starts_with(XMP_EXTENSION_APP1));
        let exif = replace_exif && s.marker() == markers::APP1 && c.starts_with(EXIF_APP1);
        let photoshop = s.marker() == markers::APP13 && c.starts_with(PHOTOSHOP_APP13);
        !(xmp || exif || photoshop)
    });
    // New segments go after JFIF and EXIF, as readers expect.
    let mut at = jpeg
        .segments()
        .iter()
        .position(|s| {
            !(s.marker() == markers::APP0
                || (s.marker() == markers::APP1 && s.contents().starts_with(EXIF_APP1)))
        })
        .unwrap_or(0);
    let mut insert = |segment: JpegSegment| {
        jpeg.segments_mut().insert(at, segment);
        at += 1;
    };
    if let Exif::Replace(tiff) = exif {
        let mut contents = EXIF_APP1.to_vec();
        contents.extend_from_slice(&tiff);
        if contents.len() > MAX_SEGMENT {
            return Err("EXIF too large for a JPEG segment".into());
        }
        insert(JpegSegment::new_with_contents(
            markers::APP1,
            Bytes::from(contents),
        ));
    }
    let mut contents = XMP_APP1.to_vec();
    contents.extend_from_slice(packet.as_bytes());
    if contents.len() > MAX_SEGMENT {
        return Err(format!(
            "the XMP ({} bytes) is larger than one JPEG segment holds",
            packet.len()
        ));
    }
    insert(JpegSegment::new_with_contents(
        markers::APP1,
        Bytes::from(contents),
    ));
    let resources = iim::photoshop_resources(&old_resources, iim_block);
    for chunk in resources.chunks(MAX_SEGMENT - PHOTOSHOP_APP13.len()) {
        let mut contents = PHOTOSHOP_APP13.to_vec();
        contents.extend_from_slice(chunk);
        insert(JpegSegment::new_with_contents(
            markers::APP13,
            Bytes::from(contents),
        ));
    }
    let mut out = Vec::with_capacity(bytes.len() + 8192);
    jpeg.encoder()
        .write_to(&mut out)
        .map_err(|e| format!("JPEG could not be written: {e}"))?;
    Ok(out)
}

/// PNG with a new XMP chunk.
pub fn png(bytes: &[u8], packet: &str) -> Result<Vec<u8>, String> {
    let mut png = Png::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|e| format!("PNG structure is broken: {e}"))?;
    png.chunks_mut()
        .retain(|c| !(c.kind() == *b"iTXt" && c.contents().starts_with(PNG_XMP_KEYWORD)));
    let mut contents = PNG_XMP_KEYWORD.to_vec();
    contents.extend_from_slice(&[0, 0, 0, 0, 0]); // NUL, not compressed, method, no language, no translation
    contents.extend_from_slice(packet.as_bytes());
    let at = png
        .chunks()
        .iter()
        .position(|c| c.kind() == *b"IHDR")
        .map_or(0, |i| i + 1);
    png.chunks_mut()
        .insert(at, PngChunk::new(*b"iTXt", Bytes::from(contents)));
    let mut out = Vec::with_capacity(bytes.len() + 8192);
    png.encoder()
        .write_to(&mut out)
        .map_err(|e| format!("PNG could not be written: {e}"))?;
    Ok(out)
}

/// TIFF with new XMP (tag 700) and IIM (tag 33723, and inside the Photoshop
/// resources of tag 34377 when the file has them), appended.
pub fn tiff(bytes: &[u8], packet: &str, iim_block: &[u8]) -> Result<Vec<u8>, String> {
    let little = match bytes.get(0..4) {
        Some(b"II*\0") => true,
        Some(b"MM\0*") => false,
        Some(b"II+\0") | Some(b"MM\0+") => {
            return Err("BigTIFF files are not written to; use a sidecar".into());
        }
        _ => return Err("not a TIFF file".into()),
    };
    let u16_at = |at: usize| -> Result<u16, String> {
        let b = bytes.get(at..at + 2).ok_or("TIFF is cut short")?;
        Ok(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Result<u32, String> {
        let b = bytes.get(at..at + 4).ok_or("TIFF is cut short")?;
        let a = [b[0], b[1], b[2], b[3]];
        Ok(if little {
            u32::from_le_bytes(a)
        } else {
            u32::from_be_bytes(a)
        })
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

    let ifd = u32_at(4)? as usize;
    let count = u16_at(ifd)? as usize;
    let mut entries: Vec<[u8; 12]> = (0..count)
        .map(|i| {
            let at = ifd + 2 + i * 12;
            bytes
                .get(at..at + 12)
                .and_then(|e| e.try_into().ok())
                .ok_or_else(|| "TIFF directory is cut short".to_owned())
        })
        .collect::<Result<_, _>>()?;
    let next_ifd = u32_at(ifd + 2 + count * 12)?;
    let tag_of = |e: &[u8; 12]| {
        if little {
            u16::from_le_bytes([e[0], e[1]])
        } else {
            u16::from_be_bytes([e[0], e[1]])
        }
    };

    let mut out = bytes.to_vec();
    let append = |out: &mut Vec<u8>, data: &[u8]| -> Result<u32, String> {
        if out.len() % 2 == 1 {
            out.push(0);
        }
        let at = u32::try_from(out.len()).map_err(|_| "TIFF would exceed 4 GB".to_owned())?;
        out.extend_from_slice(data);
        Ok(at)
    };
    let mut new_entries: Vec<(u16, u16, Vec<u8>)> = vec![
        (700, 1, packet.as_bytes().to_vec()),
        (33723, 7, iim_block.to_vec()),
    ];
    // Photoshop resources hold another copy of the IIM: keep them in step.
    if let Some(e) = entries.iter().find(|e| tag_of(e) == 34377) {
        let kind = if little {
            u16::from_le_bytes([e[2], e[3]])
        } else {
            u16::from_be_bytes([e[2], e[3]])
        };
        let n = if little {
            u32::from_le_bytes([e[4], e[5], e[6], e[7]])
        } else {
            u32::from_be_bytes([e[4], e[5], e[6], e[7]])
        } as usize;
        if kind == 1 || kind == 7 {
            let data = if n <= 4 {
                e[8..8 + n].to_vec()
            } else {
                let offset = if little {
                    u32::from_le_bytes([e[8], e[9], e[10], e[11]])
                } else {
                    u32::from_be_bytes([e[8], e[9], e[10], e[11]])
                } as usize;
                bytes
                    .get(offset..offset + n)
                    .ok_or("TIFF Photoshop block is cut short")?
                    .to_vec()
            };
            new_entries.push((34377, kind, iim::photoshop_resources(&data, iim_block)));
        }
    }
    entries.retain(|e| !new_entries.iter().any(|(tag, _, _)| *tag == tag_of(e)));
    for (tag, kind, data) in &new_entries {
        let mut entry = [0u8; 12];
        entry[0..2].copy_from_slice(&put16(*tag));
        entry[2..4].copy_from_slice(&put16(*kind));
        entry[4..8].copy_from_slice(&put32(data.len() as u32));
        if data.len() <= 4 {
            entry[8..8 + data.len()].copy_from_slice(data);
        } else {
            let at = append(&mut out, data)?;
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
    let at = append(&mut out, &directory)?;
    out[4..8].copy_from_slice(&put32(at));
    Ok(out)
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
        assert!(written.starts_with(&original[8..]) || written[8..original.len()] == original[8..]);
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
}
