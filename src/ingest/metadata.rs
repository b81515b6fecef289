//! Finding the metadata blocks inside a file and reconciling them.
//!
//! A JPEG, TIFF or PNG may carry EXIF, XMP and IPTC IIM at once, and an XMP
//! sidecar may sit beside it. The rules, in order of precedence for each
//! descriptive field:
//!
//! 1. the XMP sidecar (`NAME.xmp` beside the file),
//! 2. XMP embedded in the file,
//! 3. IPTC IIM embedded in the file,
//! 4. EXIF Artist and Copyright (for creators and copyright only).
//!
//! That is the Metadata Working Group's guidance that XMP wins over IIM,
//! with the sidecar, which is where tools write when they may not touch the
//! original, winning over both. EXIF ImageDescription is not used as a
//! caption: camera firmware fills it with the maker's name
//! ("OLYMPUS DIGITAL CAMERA"); it stays visible among the raw tags.

use std::io::{Read, Seek};

use exif::Exif;

use super::container::{self, Budget, ContainerError, markers};
use super::iptc::{self, Iim, ds};
use super::warning::{Block, Refused, Warning, XmpPacket};
use super::xmp::{self, Xmp};
use super::{Damage, ReadError, exif as exif_reader};
use std::collections::HashMap;

use crate::date::{Depicted, PartialDate, exif_datetime};
use crate::limits::{self, describe_bytes};
use crate::photo::{
    CarriedClaim, Description, Field, FieldValue, ImageFormat, RawKind, RawTag, Technical,
};

const XMP_APP1: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_APP1: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const EXIF_APP1: &[u8] = b"Exif\0\0";
const PHOTOSHOP_APP13: &[u8] = b"Photoshop 3.0\0";

/// The metadata blocks found in one file, parsed but not yet reconciled.
pub struct Embedded {
    /// Pixel size as the container declares it.
    pub dimensions: Option<(u32, u32)>,
    pub exif: Option<Exif>,
    pub xmp: Option<Xmp>,
    pub iim: Option<Iim>,
    /// Container-level tags (PNG text chunks, JPEG comments).
    pub tags: Vec<RawTag>,
    /// A second EXIF block filling what the first lacks: the one in the
    /// JPEG a Panasonic RW2 embeds, which alone holds the exposure.
    pub fallback_exif: Option<Exif>,
    /// Pages (images) in a multi-page file, when more than one.
    pub pages: Option<u32>,
    /// The file ends before its image data does (an interrupted copy): what
    /// metadata it holds was read; its pixels are partly or wholly missing.
    pub cut_short: bool,
    pub warnings: Vec<Warning>,
    /// Bytes of metadata this file may still bring into memory.
    budget: Budget,
    /// Bytes compressed PNG text may still inflate to.
    inflate_left: u64,
    inflate_cut: bool,
}

impl Default for Embedded {
    fn default() -> Self {
        Self {
            dimensions: None,
            exif: None,
            xmp: None,
            iim: None,
            tags: Vec::new(),
            fallback_exif: None,
            pages: None,
            cut_short: false,
            warnings: Vec::new(),
            budget: Budget::new(limits::MAX_METADATA_BYTES),
            inflate_left: limits::MAX_INFLATED_BYTES,
            inflate_cut: false,
        }
    }
}

fn broken(format: &'static str, e: ContainerError) -> ReadError {
    match e {
        ContainerError::Io(io) => ReadError::from(io),
        ContainerError::Broken(fault) => ReadError::Damaged(Damage::Broken {
            format: format.into(),
            fault,
        }),
    }
}

impl Embedded {
    /// Reads the metadata blocks of a file in memory.
    pub fn read(format: ImageFormat, bytes: &[u8]) -> Result<Self, ReadError> {
        Self::read_from(format, &mut std::io::Cursor::new(bytes))
    }

    /// Reads the metadata blocks of a file from a reader: only the blocks
    /// themselves are read (never the image data), within the per-file
    /// budgets of [`crate::limits`]. Only a container that cannot be walked
    /// at all is an error; a damaged block, or metadata past a budget, is a
    /// warning.
    pub fn read_from<R: Read + Seek>(format: ImageFormat, r: &mut R) -> Result<Self, ReadError> {
        let mut found = Self::default();
        match format {
            ImageFormat::Jpeg => found.read_jpeg(r)?,
            ImageFormat::Tiff => found.read_tiff(r)?,
            ImageFormat::Png => found.read_png(r)?,
            ImageFormat::WebP => found.read_webp(r)?,
            ImageFormat::Jxl => found.read_jxl(r)?,
            ImageFormat::Heif => found.read_heif(r)?,
            ImageFormat::Raw(kind) => found.read_raw(kind, r)?,
        }
        found.warnings.extend(found.budget.warning());
        if found.inflate_cut {
            found.warnings.push(Warning::PngTextPastBudget {
                limit: limits::MAX_INFLATED_BYTES,
            });
        }
        Ok(found)
    }

    fn set_exif(&mut self, tiff: Vec<u8>) {
        match exif_reader::parse(tiff) {
            Ok((exif, warning)) => {
                self.warnings.extend(warning);
                self.exif = Some(exif);
            }
            Err(e) => self.warnings.push(Warning::ExifUnreadable {
                detail: e.detail().to_owned(),
            }),
        }
    }

    fn set_xmp(&mut self, packet: &[u8], extension: Option<Vec<u8>>) {
        match Xmp::parse(packet) {
            Ok(mut xmp) => {
                if let Some(ext) = extension {
                    match Xmp::parse(&ext) {
                        Ok(more) => xmp.properties.extend(more.properties),
                        Err(problem) => self.warnings.push(Warning::XmpUnreadable {
                            packet: XmpPacket::Extended,
                            problem,
                        }),
                    }
                }
                self.xmp = Some(xmp);
            }
            Err(problem) => self.warnings.push(Warning::XmpUnreadable {
                packet: XmpPacket::Embedded,
                problem,
            }),
        }
    }

    fn set_iim(&mut self, block: &[u8]) {
        match Iim::parse(block) {
            Ok(iim) => self.iim = Some(iim),
            Err(problem) => self.warnings.push(Warning::IptcUnreadable { problem }),
        }
    }

    fn set_photoshop_resources(&mut self, resources: &[u8]) {
        if let Some(block) = iptc::iim_from_photoshop_resources(resources) {
            self.set_iim(block);
        }
    }

    fn read_jpeg<R: Read + Seek>(&mut self, r: &mut R) -> Result<(), ReadError> {
        let keep = |m: u8| matches!(m, markers::APP1 | markers::APP13 | markers::COM);
        let layout = container::jpeg_layout_partial(r, keep, &mut self.budget)
            .map_err(|e| broken("JPEG", e))?;
        self.dimensions = layout.dimensions;
        if let Some(at) = layout.cut_short {
            self.cut_short = true;
            self.warnings.push(Warning::JpegCutShortInSegment { at });
        } else if let Some(scan) = layout.scan_start
            && !ends_with_eoi(r, scan)
        {
            self.cut_short = true;
            self.warnings.push(Warning::JpegCutShortInImage);
        }
        let mut photoshop = Vec::new();
        let mut xmp_main: Option<Vec<u8>> = None;
        // Extended XMP arrives in chunks: (offset, data), for one GUID.
        let mut extension: Vec<(u32, Vec<u8>)> = Vec::new();
        for segment in layout.segments {
            let Some(data) = segment.contents else {
                continue;
            };
            match segment.marker {
                markers::APP1 if data.starts_with(EXIF_APP1) && self.exif.is_none() => {
                    self.set_exif(data[EXIF_APP1.len()..].to_vec());
                }
                markers::APP1 if data.starts_with(XMP_APP1) && xmp_main.is_none() => {
                    xmp_main = Some(data[XMP_APP1.len()..].to_vec());
                }
                markers::APP1 if data.starts_with(XMP_EXTENSION_APP1) => {
                    // GUID (32) + full length (4) + offset (4) + data.
                    let rest = &data[XMP_EXTENSION_APP1.len()..];
                    if rest.len() > 40 {
                        let offset = u32::from_be_bytes([rest[36], rest[37], rest[38], rest[39]]);
                        extension.push((offset, rest[40..].to_vec()));
                    }
                }
                markers::APP13 if data.starts_with(PHOTOSHOP_APP13) => {
                    photoshop.extend_from_slice(&data[PHOTOSHOP_APP13.len()..]);
                }
                markers::COM => {
                    let text = String::from_utf8_lossy(&data)
                        .trim_end_matches('\0')
                        .to_owned();
                    if !text.trim().is_empty() {
                        self.tags.push(RawTag::new("JPEG", "Comment", text));
                    }
                }
                _ => {}
            }
        }
        if let Some(main) = xmp_main {
            let ext = (!extension.is_empty()).then(|| {
                extension.sort_by_key(|(offset, _)| *offset);
                extension.into_iter().flat_map(|(_, d)| d).collect()
            });
            self.set_xmp(&main, ext);
        }
        if !photoshop.is_empty() {
            self.set_photoshop_resources(&photoshop);
        }
        Ok(())
    }

    fn read_tiff<R: Read + Seek>(&mut self, r: &mut R) -> Result<(), ReadError> {
        // For TIFF the EXIF block is the file's own directories, so a file
        // whose directories cannot be read cannot be catalogued. Only the
        // directories and their values are read, never the strips.
        let tiff = container::copy_tiff_metadata(r, &mut self.budget).map_err(|e| match e {
            ContainerError::Io(io) => ReadError::from(io),
            ContainerError::Broken(fault) => ReadError::Damaged(Damage::TiffBroken { fault }),
        })?;
        let (exif, warning) = exif_reader::parse(tiff).map_err(|e| {
            ReadError::Damaged(Damage::TiffStructure {
                detail: e.to_string(),
            })
        })?;
        self.warnings.extend(warning);
        self.dimensions = exif_reader::tiff_dimensions(&exif);
        if let Some(packet) = exif_reader::tag_bytes(&exif, 700) {
            self.set_xmp(&packet, None);
        }
        if let Some(block) = exif_reader::tag_bytes(&exif, 33723) {
            self.set_iim(&block);
        }
        if self.iim.is_none()
            && let Some(resources) = exif_reader::tag_bytes(&exif, 34377)
        {
            self.set_photoshop_resources(&resources);
        }
        self.exif = Some(exif);
        self.pages = count_pages(r);
        Ok(())
    }

    /// WebP: the canvas size, and the EXIF and XMP chunks of an extended
    /// file (read by image-webp, within the metadata budget).
    fn read_webp<R: Read + Seek>(&mut self, r: &mut R) -> Result<(), ReadError> {
        r.seek(std::io::SeekFrom::Start(0))?;
        let mut decoder =
            image_webp::WebPDecoder::new(std::io::BufReader::new(&mut *r)).map_err(|e| {
                ReadError::Damaged(Damage::Structure {
                    format: "WebP".into(),
                    detail: e.to_string(),
                })
            })?;
        self.dimensions = Some(decoder.dimensions());
        if decoder.is_animated() {
            self.tags.push(RawTag::new(
                "WebP",
                "Frames",
                decoder.num_frames().to_string(),
            ));
        }
        decoder.set_memory_limit(self.budget.left() as usize);
        match decoder.exif_metadata() {
            Ok(Some(exif)) => {
                self.budget.take(exif.len() as u64);
                self.set_exif(strip_exif_prefix(&exif).to_vec());
            }
            Ok(None) => {}
            Err(image_webp::DecodingError::MemoryLimitExceeded) => self.budget.exhausted = true,
            Err(e) => self.warnings.push(Warning::WebpChunkUnreadable {
                block: Block::Exif,
                detail: e.to_string(),
            }),
        }
        decoder.set_memory_limit(self.budget.left() as usize);
        match decoder.xmp_metadata() {
            Ok(Some(xmp)) => {
                self.budget.take(xmp.len() as u64);
                self.set_xmp(&xmp, None);
            }
            Ok(None) => {}
            Err(image_webp::DecodingError::MemoryLimitExceeded) => self.budget.exhausted = true,
            Err(e) => self.warnings.push(Warning::WebpChunkUnreadable {
                block: Block::Xmp,
                detail: e.to_string(),
            }),
        }
        Ok(())
    }

    /// JPEG XL: size and orientation from the codestream header (through
    /// jxl-oxide), EXIF and XMP from the container's `Exif` and `xml ` boxes.
    fn read_jxl<R: Read + Seek>(&mut self, r: &mut R) -> Result<(), ReadError> {
        // A codestream whose header does not decode leaves the metadata
        // boxes readable: the photo is catalogued without a size.
        match jxl_header(r) {
            Ok((width, height, orientation, whole)) => {
                if !whole {
                    self.cut_short = true;
                    self.warnings.push(Warning::JxlHeaderCutShort);
                }
                self.dimensions = Some((width, height));
                if orientation != 1 {
                    self.tags.push(RawTag::new(
                        "JPEG XL",
                        "Orientation",
                        orientation.to_string(),
                    ));
                }
            }
            Err(ReadError::Damaged(damage)) => self.warnings.push(Warning::Damaged { damage }),
            Err(e) => return Err(e),
        }
        let head = super::bmff::read_at(r, 0, 2).map_err(|e| broken("JPEG XL", e))?;
        if head == [0xFF, 0x0A] {
            return Ok(()); // a bare codestream holds no metadata boxes
        }
        let boxes = super::bmff::top_level(r).map_err(|e| broken("JPEG XL", e))?;
        for b in boxes {
            let (kind, data) = match &b.kind {
                b"Exif" | b"xml " => {
                    if !self.budget.take(b.len()) {
                        continue;
                    }
                    let data = super::bmff::read_at(r, b.content, b.len())
                        .map_err(|e| broken("JPEG XL", e))?;
                    (b.kind, data)
                }
                // A Brotli-compressed box: its real type, then the stream,
                // inflated within what is left of the budget.
                b"brob" if b.len() >= 4 => {
                    let inner =
                        super::bmff::read_at(r, b.content, 4).map_err(|e| broken("JPEG XL", e))?;
                    let kind: [u8; 4] = inner.try_into().unwrap_or_default();
                    if !matches!(&kind, b"Exif" | b"xml ") {
                        continue;
                    }
                    let mut window = container::Window::new(&mut *r, b.content + 4, b.len() - 4)
                        .map_err(|e| broken("JPEG XL", e))?;
                    let left = self.budget.left();
                    let mut data = Vec::new();
                    let read = brotli_decompressor::Decompressor::new(&mut window, 64 << 10)
                        .take(left + 1)
                        .read_to_end(&mut data);
                    if let Err(e) = read {
                        self.warnings.push(Warning::JxlBoxNotInflated {
                            block: if &kind == b"xml " {
                                Block::Xmp
                            } else {
                                Block::Exif
                            },
                            detail: e.to_string(),
                        });
                        continue;
                    }
                    if !self.budget.take(data.len() as u64) {
                        continue;
                    }
                    (kind, data)
                }
                _ => continue,
            };
            if &kind == b"xml " {
                if self.xmp.is_none() {
                    self.set_xmp(&data, None);
                }
            } else if self.exif.is_none() {
                // A 4-byte offset to the TIFF header, then the block.
                let skip = data
                    .get(0..4)
                    .map(|o| u32::from_be_bytes([o[0], o[1], o[2], o[3]]) as usize + 4);
                match skip.and_then(|s| data.get(s..)) {
                    Some(tiff) => self.set_exif(strip_exif_prefix(tiff).to_vec()),
                    None => self.warnings.push(Warning::JxlExifBoxDamaged),
                }
            }
        }
        Ok(())
    }

    /// HEIF: the primary image's size (turned as the file says), and the
    /// EXIF and XMP items describing it.
    fn read_heif<R: Read + Seek>(&mut self, r: &mut R) -> Result<(), ReadError> {
        let items = super::bmff::heif_items(r).map_err(|e| broken("HEIF", e))?;
        if let Some(primary) = items.primary_item() {
            let mut size = None;
            let mut quarter_turns = 0;
            for p in items.properties_of(primary) {
                match p {
                    super::bmff::Property::Size(w, h) => size = Some((w, h)),
                    super::bmff::Property::Rotation(q) => quarter_turns = q,
                    _ => {}
                }
            }
            self.dimensions = size.map(|(w, h)| {
                if quarter_turns % 2 == 1 {
                    (h, w)
                } else {
                    (w, h)
                }
            });
        }
        if let Some(item) = items.metadata(true) {
            match super::bmff::item_data(r, item, self.budget.left()) {
                Ok(Some(data)) => {
                    self.budget.take(data.len() as u64);
                    let skip = data
                        .get(0..4)
                        .map(|o| u32::from_be_bytes([o[0], o[1], o[2], o[3]]) as usize + 4);
                    match skip.and_then(|s| data.get(s..)) {
                        Some(tiff) => self.set_exif(strip_exif_prefix(tiff).to_vec()),
                        None => self.warnings.push(Warning::HeifExifItemDamaged),
                    }
                }
                Ok(None) => self.budget.exhausted = true,
                Err(e) => self.warnings.push(Warning::HeifItemUnreadable {
                    block: Block::Exif,
                    detail: e.to_string(),
                }),
            }
        }
        if let Some(item) = items.metadata(false) {
            match super::bmff::item_data(r, item, self.budget.left()) {
                Ok(Some(data)) => {
                    self.budget.take(data.len() as u64);
                    self.set_xmp(&data, None);
                }
                Ok(None) => self.budget.exhausted = true,
                Err(e) => self.warnings.push(Warning::HeifItemUnreadable {
                    block: Block::Xmp,
                    detail: e.to_string(),
                }),
            }
        }
        Ok(())
    }

    /// Camera raw files: see [`super::raw`].
    fn read_raw<R: Read + Seek>(&mut self, kind: RawKind, r: &mut R) -> Result<(), ReadError> {
        match kind {
            RawKind::Cr3 => {
                let blocks = super::raw::cr3_exif_blocks(r, &mut self.budget)
                    .map_err(|e| broken("CR3", e))?;
                match compose_cr3_exif(&blocks) {
                    Some((tiff, dims)) => {
                        self.set_exif(tiff);
                        self.dimensions = dims;
                    }
                    None => self.warnings.push(Warning::Cr3ExifUnreadable),
                }
                if let Some(packet) =
                    super::raw::cr3_xmp(r, &mut self.budget).map_err(|e| broken("CR3", e))?
                {
                    self.set_xmp(&packet, None);
                }
            }
            RawKind::Raf => {
                let (at, len) = super::raw::raf_jpeg(r).map_err(|e| broken("RAF", e))?;
                let mut window =
                    container::Window::new(&mut *r, at, len).map_err(|e| broken("RAF", e))?;
                self.read_jpeg(&mut window)?;
                self.dimensions = super::raw::dimensions(kind, r).or(self.dimensions);
            }
            _ => {
                self.read_tiff(r)?;
                self.pages = None;
                if kind == RawKind::Rw2
                    && let Some((at, len)) = super::raw::rw2_jpeg(r)
                {
                    let mut inner = Embedded::default();
                    let read = container::Window::new(&mut *r, at, len)
                        .map_err(|e| broken("RW2", e))
                        .and_then(|mut w| inner.read_jpeg(&mut w));
                    if read.is_ok() {
                        self.fallback_exif = inner.exif;
                    }
                }
                self.dimensions = super::raw::dimensions(kind, r).or(self.dimensions);
            }
        }
        Ok(())
    }

    /// PNG chunks are walked by hand rather than with a strict parser so that
    /// a file cut short after its header still yields its metadata.
    fn read_png<R: Read + Seek>(&mut self, r: &mut R) -> Result<(), ReadError> {
        let mut chunks = container::PngChunks::new(r).map_err(|e| broken("PNG", e))?;
        let mut saw_header = false;
        let mut saw_end = false;
        while let Some(chunk) = chunks.next_chunk().map_err(|e| broken("PNG", e))? {
            let kind = chunk.kind;
            if !chunk.data_in_file || !chunk.complete {
                self.cut_short = true;
                self.warnings.push(Warning::PngChunkCutShort {
                    chunk: String::from_utf8_lossy(&kind).into_owned(),
                    at: chunk.start,
                });
                if !chunk.data_in_file {
                    break;
                }
            }
            if !saw_header {
                if &kind != b"IHDR" || chunk.len < 8 {
                    return Err(ReadError::Damaged(Damage::PngWithoutHeader));
                }
                saw_header = true;
                let mut header_budget = Budget::new(chunk.len);
                let data = chunks
                    .data(&chunk, &mut header_budget)
                    .map_err(|e| broken("PNG", e))?
                    .unwrap_or_default();
                if let (Some(w), Some(h)) = (data.get(0..4), data.get(4..8)) {
                    let w = u32::from_be_bytes([w[0], w[1], w[2], w[3]]);
                    let h = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
                    self.dimensions = Some((w, h));
                }
                continue;
            }
            match &kind {
                b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" => {
                    let Some(data) = chunks
                        .data(&chunk, &mut self.budget)
                        .map_err(|e| broken("PNG", e))?
                    else {
                        continue;
                    };
                    if &kind == b"eXIf" {
                        self.set_exif(strip_exif_prefix(&data).to_vec());
                    } else {
                        self.read_png_text(&kind, &data);
                    }
                }
                b"IEND" => {
                    saw_end = true;
                    break;
                }
                _ => {}
            }
        }
        if !saw_header {
            return Err(ReadError::Damaged(Damage::PngCutShort));
        }
        if !saw_end && !self.cut_short {
            self.cut_short = true;
            self.warnings.push(Warning::PngWithoutEnd);
        }
        Ok(())
    }

    /// Inflates compressed PNG text within what is left of the file's
    /// budget; `None` (and a warning, once) when the text is larger.
    fn inflate(&mut self, keyword: &str, data: &[u8]) -> Option<Vec<u8>> {
        if self.inflate_left == 0 {
            self.inflate_cut = true;
            return None;
        }
        let mut out = Vec::new();
        let read = flate2::read::ZlibDecoder::new(data)
            .take(self.inflate_left + 1)
            .read_to_end(&mut out);
        if let Err(e) = read {
            self.warnings.push(Warning::PngTextNotInflated {
                keyword: keyword.to_owned(),
                detail: e.to_string(),
            });
            return None;
        }
        if out.len() as u64 > self.inflate_left {
            self.inflate_left = 0;
            self.inflate_cut = true;
            return None;
        }
        self.inflate_left -= out.len() as u64;
        Some(out)
    }

    fn read_png_text(&mut self, kind: &[u8], data: &[u8]) {
        let Some(nul) = data.iter().position(|&b| b == 0) else {
            return;
        };
        let keyword = String::from_utf8_lossy(&data[..nul]).into_owned();
        let rest = &data[nul + 1..];
        let text: Vec<u8> = match kind {
            b"tEXt" => rest.to_vec(),
            b"zTXt" => match rest.split_first() {
                Some((0, compressed)) => match self.inflate(&keyword, compressed) {
                    Some(t) => t,
                    None => return,
                },
                _ => return,
            },
            _ => {
                // iTXt: flag, method, language\0, translated keyword\0, text.
                let [flag, _method, tail @ ..] = rest else {
                    return;
                };
                let mut parts = tail.splitn(3, |&b| b == 0);
                let (Some(_lang), Some(_translated), Some(body)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return;
                };
                if *flag == 1 {
                    match self.inflate(&keyword, body) {
                        Some(t) => t,
                        None => return,
                    }
                } else {
                    body.to_vec()
                }
            }
        };
        if keyword == "XML:com.adobe.xmp" {
            self.set_xmp(&text, None);
        } else if let Some(profile) = keyword.strip_prefix("Raw profile type ") {
            // ImageMagick stores binary profiles as hex text.
            match decode_raw_profile(&text) {
                Some(raw) => match profile.to_ascii_lowercase().as_str() {
                    "exif" => self.set_exif(strip_exif_prefix(&raw).to_vec()),
                    "xmp" => self.set_xmp(&raw, None),
                    "iptc" | "8bim" if raw.starts_with(b"8BIM") => {
                        self.set_photoshop_resources(&raw)
                    }
                    "iptc" => self.set_iim(&raw),
                    "app1" if raw.starts_with(EXIF_APP1) => {
                        self.set_exif(raw[EXIF_APP1.len()..].to_vec())
                    }
                    _ => {}
                },
                None => self.warnings.push(Warning::PngProfileNotHex { keyword }),
            }
        } else {
            // PNG text is Latin-1 in tEXt/zTXt and UTF-8 in iTXt.
            let value = if kind == b"iTXt" {
                String::from_utf8_lossy(&text).into_owned()
            } else {
                text.iter().map(|&b| b as char).collect()
            };
            self.tags.push(RawTag::new("PNG", keyword, value));
        }
    }

    /// Reconciles the blocks (and a sidecar) into the descriptive fields:
    /// each field comes from the first source, in order of precedence, that has it.
    pub fn description(&self, sidecar: Option<&Xmp>) -> Description {
        let layers = sidecar
            .map(from_xmp)
            .into_iter()
            .chain(self.xmp.as_ref().map(from_xmp))
            .chain(self.iim.as_ref().map(from_iim))
            .chain(self.exif.as_ref().map(from_exif));
        let mut merged = Description::default();
        for layer in layers {
            for field in Field::ALL {
                if !merged.is_set(field) && layer.is_set(field) {
                    merged.set(field, layer.get(field));
                }
            }
        }
        merged
    }

    /// Technical facts: EXIF first, with XMP's copies of EXIF (tiff:, exif:,
    /// aux:) filling what EXIF lacks.
    pub fn technical(&self) -> Technical {
        let mut t = self
            .exif
            .as_ref()
            .map(exif_reader::technical)
            .unwrap_or_default();
        if let Some(more) = self.fallback_exif.as_ref().map(exif_reader::technical) {
            t.fill_from(more);
        }
        t.pages = self.pages;
        if let Some((w, h)) = self.dimensions {
            t.width = Some(w);
            t.height = Some(h);
        }
        if let Some(x) = &self.xmp {
            let text = |ns, name| {
                x.text(ns, name)
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
            };
            let number = |ns, name| text(ns, name).and_then(|s| parse_xmp_number(&s));
            t.camera_make = t.camera_make.take().or_else(|| text(xmp::NS_TIFF, "Make"));
            t.camera_model = t
                .camera_model
                .take()
                .or_else(|| text(xmp::NS_TIFF, "Model"));
            t.lens = t
                .lens
                .take()
                .or_else(|| text(xmp::NS_EXIF_AUX, "Lens"))
                .or_else(|| text("http://cipa.jp/exif/1.0/", "LensModel"));
            t.orientation = t.orientation.or_else(|| {
                number(xmp::NS_TIFF, "Orientation")
                    .filter(|o| (1.0..=8.0).contains(o) && o.fract() == 0.0)
                    .map(|o| o as u16)
            });
            t.taken_at = t
                .taken_at
                .take()
                .or_else(|| text(xmp::NS_EXIF, "DateTimeOriginal").and_then(|d| xmp_datetime(&d)));
            t.digitized_at = t
                .digitized_at
                .take()
                .or_else(|| text(xmp::NS_EXIF, "DateTimeDigitized").and_then(|d| xmp_datetime(&d)));
            t.exposure_time = t
                .exposure_time
                .or_else(|| number(xmp::NS_EXIF, "ExposureTime"));
            t.f_number = t.f_number.or_else(|| number(xmp::NS_EXIF, "FNumber"));
            t.focal_length = t
                .focal_length
                .or_else(|| number(xmp::NS_EXIF, "FocalLength"));
            t.iso = t.iso.or_else(|| {
                x.list(xmp::NS_EXIF, "ISOSpeedRatings")
                    .first()
                    .and_then(|s| s.trim().parse().ok())
            });
        }
        t
    }

    /// Every raw tag from every block.
    pub fn raw_tags(&self) -> Vec<RawTag> {
        let mut tags = Vec::new();
        if let Some(e) = &self.exif {
            tags.extend(exif_reader::raw_tags(e));
        }
        if let Some(i) = &self.iim {
            tags.extend(i.raw_tags());
        }
        if let Some(x) = &self.xmp {
            tags.extend(x.raw_tags("XMP"));
        }
        tags.extend(self.tags.iter().cloned());
        tags
    }
}

fn from_xmp(x: &Xmp) -> Description {
    use xmp::{NS_DC, NS_IPTC_CORE, NS_IPTC_EXT, NS_LIGHTROOM, NS_PHOTOSHOP};
    Description {
        title: x.text(NS_DC, "title"),
        headline: x.text(NS_PHOTOSHOP, "Headline"),
        caption: x.text(NS_DC, "description"),
        creators: x.list(NS_DC, "creator"),
        credit: x.text(NS_PHOTOSHOP, "Credit"),
        copyright: x.text(NS_DC, "rights"),
        source: x.text(NS_PHOTOSHOP, "Source"),
        instructions: x.text(NS_PHOTOSHOP, "Instructions"),
        job_id: x.text(NS_PHOTOSHOP, "TransmissionReference"),
        sublocation: x.text(NS_IPTC_CORE, "Location"),
        city: x.text(NS_PHOTOSHOP, "City"),
        state: x.text(NS_PHOTOSHOP, "State"),
        country: x.text(NS_PHOTOSHOP, "Country"),
        country_code: x.text(NS_IPTC_CORE, "CountryCode"),
        keywords: x.list(NS_DC, "subject"),
        hierarchical_keywords: x.list(NS_LIGHTROOM, "hierarchicalSubject"),
        people: x.list(NS_IPTC_EXT, "PersonInImage"),
        event: x.text(NS_IPTC_EXT, "Event"),
        // Kartoteka's own property holds the EDTF date; the standard one a
        // plain date that covers it.
        date_created: x
            .text(xmp::NS_KARTOTEKA, "DateDepicted")
            .and_then(|t| Depicted::parse(&t).ok())
            .map(|d| d.to_string())
            .or_else(|| {
                x.text(NS_PHOTOSHOP, "DateCreated")
                    .and_then(|t| PartialDate::parse(&t).ok())
                    .map(|d| d.to_string())
            }),
        digital_source_type: x.text(NS_IPTC_EXT, "DigitalSourceType"),
    }
}

fn from_iim(i: &Iim) -> Description {
    let nonblank = |v: Vec<String>| v.into_iter().filter(|s| !s.trim().is_empty()).collect();
    Description {
        title: i.value(ds::OBJECT_NAME),
        headline: i.value(ds::HEADLINE),
        caption: i.value(ds::CAPTION),
        creators: nonblank(i.values(ds::BYLINE)),
        credit: i.value(ds::CREDIT),
        copyright: i.value(ds::COPYRIGHT),
        source: i.value(ds::SOURCE),
        instructions: i.value(ds::SPECIAL_INSTRUCTIONS),
        job_id: i.value(ds::TRANSMISSION_REFERENCE),
        sublocation: i.value(ds::SUBLOCATION),
        city: i.value(ds::CITY),
        state: i.value(ds::PROVINCE_STATE),
        country: i.value(ds::COUNTRY),
        country_code: i.value(ds::COUNTRY_CODE),
        keywords: nonblank(i.values(ds::KEYWORDS)),
        date_created: i
            .value(ds::DATE_CREATED)
            .and_then(|date| {
                PartialDate::from_iim(&date, i.value(ds::TIME_CREATED).as_deref()).ok()
            })
            .map(|d| d.to_string()),
        ..Description::default()
    }
}

fn from_exif(e: &Exif) -> Description {
    let (creators, copyright) = exif_reader::artist_and_copyright(e);
    Description {
        creators,
        copyright,
        ..Description::default()
    }
}

/// The claims a packet carries in Kartoteka's namespace (the sidecar's
/// when it has any, else the embedded packet's), each checked; what cannot
/// be used is said in a warning.
pub fn carried_claims(
    embedded: &Embedded,
    sidecar: Option<&Xmp>,
) -> (Vec<CarriedClaim>, Vec<Warning>) {
    let has_claims = |x: &&Xmp| {
        x.properties
            .iter()
            .any(|p| p.ns == xmp::NS_KARTOTEKA && p.name == "Claims")
    };
    let Some(x) = sidecar
        .filter(has_claims)
        .or(embedded.xmp.as_ref().filter(has_claims))
    else {
        return (Vec::new(), Vec::new());
    };
    claims_from_xmp(x)
}

fn claims_from_xmp(x: &Xmp) -> (Vec<CarriedClaim>, Vec<Warning>) {
    use crate::catalog::{Certainty, SourceKind, SourceRecord, claimable, normalise_value};
    use crate::limits::{MAX_CARRIED_CLAIMS, MAX_FIELD_BYTES, MAX_WARNINGS_PER_FILE};
    use xmp::{NS_KARTOTEKA, XmpProperty, XmpValue};
    let property = |ns: &str, name: &str| {
        x.properties
            .iter()
            .find(|p| p.ns == ns && p.name == name)
            .map(|p| &p.value)
    };
    let fields_of = |value: &XmpValue| -> Vec<XmpProperty> {
        match value {
            XmpValue::Struct(fields) => fields
                .iter()
                .filter(|f| f.ns == NS_KARTOTEKA)
                .cloned()
                .collect(),
            _ => Vec::new(),
        }
    };
    let text = |fields: &[XmpProperty], name: &str| -> Option<String> {
        fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| match &f.value {
                XmpValue::Simple(s) => Some(s.trim().to_owned()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
    };
    let texts = |fields: &[XmpProperty], name: &str| -> Option<Vec<String>> {
        fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| match &f.value {
                XmpValue::Array(items) => items
                    .iter()
                    .filter_map(|i| match i {
                        XmpValue::Simple(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect(),
                XmpValue::Simple(s) => vec![s.clone()],
                _ => Vec::new(),
            })
    };
    let items = |value: Option<&XmpValue>| -> Vec<Vec<XmpProperty>> {
        match value {
            Some(XmpValue::Array(items)) => items.iter().map(fields_of).collect(),
            _ => Vec::new(),
        }
    };

    let mut warnings = Vec::new();
    let mut sources: HashMap<String, SourceRecord> = HashMap::new();
    for fields in items(property(NS_KARTOTEKA, "Sources")) {
        let Some(key) = text(&fields, "key") else {
            warnings.push(Warning::XmpSourceWithoutKey);
            continue;
        };
        let extra = text(&fields, "csl")
            .and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok())
            .and_then(|v| match v {
                serde_json::Value::Object(map) => Some(map),
                _ => None,
            })
            .unwrap_or_default();
        let record = SourceRecord {
            citation: text(&fields, "citation").unwrap_or_default(),
            authors: texts(&fields, "authors").unwrap_or_default(),
            title: text(&fields, "title"),
            publisher: text(&fields, "publisher"),
            date: text(&fields, "date"),
            url: text(&fields, "url"),
            reference: text(&fields, "reference"),
            kind: text(&fields, "kind")
                .and_then(|k| SourceKind::from_name(&k))
                .unwrap_or_default(),
            note: text(&fields, "note"),
            extra,
        };
        match crate::catalog::checked_source(record) {
            Ok(record) => {
                sources.insert(key, record);
            }
            Err(e) => warnings.push(Warning::XmpSourceIgnored {
                key,
                reason: Refused::of(&e),
            }),
        }
    }

    let mut claims = Vec::new();
    let carried = items(property(NS_KARTOTEKA, "Claims"));
    if carried.len() > MAX_CARRIED_CLAIMS {
        warnings.push(Warning::XmpTooManyClaims {
            count: carried.len(),
            limit: MAX_CARRIED_CLAIMS,
        });
    }
    for fields in carried.into_iter().take(MAX_CARRIED_CLAIMS) {
        let name = text(&fields, "field").unwrap_or_default();
        let Some(attribute) = claimable(&name) else {
            warnings.push(Warning::XmpClaimNotDescriptive { name });
            continue;
        };
        let value = match (texts(&fields, "values"), text(&fields, "value")) {
            (Some(items), _) => serde_json::Value::from(items),
            (None, Some(v)) => serde_json::Value::from(v),
            (None, None) => serde_json::Value::Null,
        };
        let value = match normalise_value(attribute, &value) {
            Ok(v) if !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()) => v,
            Ok(_) => {
                warnings.push(Warning::XmpClaimWithoutValue { field: attribute });
                continue;
            }
            Err(e) => {
                warnings.push(Warning::XmpClaimIgnored {
                    reason: Refused::of(&e),
                });
                continue;
            }
        };
        let source = match text(&fields, "source") {
            Some(key) => match sources.get(&key) {
                Some(s) => Some(s.clone()),
                None => {
                    warnings.push(Warning::XmpClaimUnknownSource {
                        field: attribute,
                        key,
                    });
                    None
                }
            },
            None => None,
        };
        let (locator, note) = (text(&fields, "locator"), text(&fields, "note"));
        if [&locator, &note]
            .iter()
            .any(|t| t.as_ref().is_some_and(|t| t.len() > MAX_FIELD_BYTES))
        {
            warnings.push(Warning::XmpClaimPartTooLong {
                field: attribute,
                limit: MAX_FIELD_BYTES,
            });
            continue;
        }
        claims.push(CarriedClaim {
            field: attribute.name().to_owned(),
            value,
            source,
            locator,
            certainty: text(&fields, "certainty").and_then(|c| Certainty::from_name(&c)),
            note,
            preferred: text(&fields, "preferred").is_some_and(|p| p.eq_ignore_ascii_case("true")),
        });
    }
    if warnings.len() > MAX_WARNINGS_PER_FILE {
        let more = warnings.len() - MAX_WARNINGS_PER_FILE;
        warnings.truncate(MAX_WARNINGS_PER_FILE);
        warnings.push(Warning::MoreXmpClaimsIgnored { count: more });
    }
    (claims, warnings)
}

/// Problems with the descriptive data worth telling the archivist about:
/// values that were present but could not be used.
pub fn description_warnings(embedded: &Embedded, sidecar: Option<&Xmp>) -> Vec<Warning> {
    let mut out = Vec::new();
    for x in sidecar.iter().copied().chain(embedded.xmp.as_ref()) {
        if let Some(t) = x.text(xmp::NS_PHOTOSHOP, "DateCreated")
            && let Err(e) = PartialDate::parse(&t)
        {
            out.push(Warning::DepictedDateIgnored {
                block: Block::Xmp,
                value: e.value,
            });
        }
    }
    if let Some(i) = &embedded.iim
        && let Some(date) = i.value(ds::DATE_CREATED)
        && let Err(e) = PartialDate::from_iim(&date, None)
    {
        out.push(Warning::DepictedDateIgnored {
            block: Block::Iptc,
            value: e.value,
        });
    }
    out
}

/// Cuts descriptive values to the sizes Kartoteka keeps
/// ([`limits::MAX_FIELD_BYTES`] per value, [`limits::MAX_LIST_BYTES`] per
/// list), whatever the file held; says what was cut, naming the field.
pub fn cap_description(d: &mut Description) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let keep = limits::MAX_FIELD_BYTES as u64;
    for field in Field::ALL {
        match d.get(field) {
            FieldValue::Text(Some(mut text)) => {
                let size = text.len() as u64;
                if limits::truncate_at_char(&mut text, limits::MAX_FIELD_BYTES) {
                    warnings.push(Warning::FieldCut {
                        field,
                        size,
                        limit: keep,
                    });
                    d.set(field, FieldValue::Text(Some(text)));
                }
            }
            FieldValue::List(mut items) => {
                let mut cut_levels = false;
                if field == Field::HierarchicalKeywords {
                    for item in &mut items {
                        let levels = item.split(crate::catalog::KEYWORD_PATH_SEPARATOR).count();
                        if levels > limits::MAX_KEYWORD_LEVELS {
                            let kept: Vec<&str> = item
                                .split(crate::catalog::KEYWORD_PATH_SEPARATOR)
                                .take(limits::MAX_KEYWORD_LEVELS)
                                .collect();
                            *item = kept.join("|");
                            cut_levels = true;
                            warnings.push(Warning::KeywordLevelsCut {
                                levels,
                                limit: limits::MAX_KEYWORD_LEVELS,
                            });
                        }
                    }
                }
                let count = items.len();
                let mut total = 0usize;
                let mut cut_item = false;
                let mut kept = Vec::with_capacity(items.len());
                for mut item in items {
                    cut_item |= limits::truncate_at_char(&mut item, limits::MAX_FIELD_BYTES);
                    total += item.len();
                    if total > limits::MAX_LIST_BYTES {
                        break;
                    }
                    kept.push(item);
                }
                if cut_item {
                    warnings.push(Warning::ListItemCut { field, limit: keep });
                }
                if kept.len() < count {
                    warnings.push(Warning::ListCut {
                        field,
                        count,
                        limit: limits::MAX_LIST_BYTES as u64,
                        kept: kept.len(),
                    });
                }
                if cut_levels || cut_item || kept.len() < count {
                    d.set(field, FieldValue::List(kept));
                }
            }
            FieldValue::Text(None) => {}
        }
    }
    warnings
}

/// Cuts raw tags to what the inspector keeps: each value to
/// [`limits::MAX_RAW_TAG_BYTES`], all of them to [`limits::MAX_RAW_TAGS_BYTES`].
pub fn cap_raw_tags(tags: &mut Vec<RawTag>) -> Option<Warning> {
    let mut total = 0usize;
    let mut cut = false;
    let mut kept = 0usize;
    for tag in tags.iter_mut() {
        let size = tag.value.len();
        if limits::truncate_at_char(&mut tag.value, limits::MAX_RAW_TAG_BYTES) {
            tag.value
                .push_str(&format!("… ({} in the file)", describe_bytes(size as u64)));
            cut = true;
        }
        total += tag.group.len() + tag.name.len() + tag.value.len();
        if total > limits::MAX_RAW_TAGS_BYTES {
            break;
        }
        kept += 1;
    }
    let dropped = tags.len() - kept;
    tags.truncate(kept);
    match (dropped, cut) {
        (0, false) => None,
        (0, true) => Some(Warning::RawTagValuesCut {
            limit: limits::MAX_RAW_TAG_BYTES as u64,
        }),
        (n, _) => Some(Warning::RawTagsLeftOut {
            limit: limits::MAX_RAW_TAGS_BYTES as u64,
            count: n,
        }),
    }
}

/// Whether a JPEG ends with its end-of-image marker, as a whole file does
/// (a copy cut short does not).
fn ends_with_eoi<R: Read + Seek>(r: &mut R, scan_start: u64) -> bool {
    // Entropy-coded data never holds FF D9, so an end marker in the last
    // stretch of the file (padding and trailers may follow it) is the end
    // of the image; none there, and the file stops inside the image data.
    const TAIL: u64 = 64 << 10;
    let Ok(len) = container::stream_len(r) else {
        return true;
    };
    let from = scan_start.max(len.saturating_sub(TAIL));
    let mut tail = Vec::new();
    if r.seek(std::io::SeekFrom::Start(from)).is_err()
        || r.take(TAIL).read_to_end(&mut tail).is_err()
    {
        return true;
    }
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Pages in a TIFF: directories of the main chain that are not reduced
/// versions of another (NewSubfileType bit 0); `None` for one page.
fn count_pages<R: Read + Seek>(r: &mut R) -> Option<u32> {
    use super::tiffdir::{MAX_DIRECTORIES, TiffReader, tags};
    let mut tiff = TiffReader::new(r).ok()?;
    let chain = tiff.chain(MAX_DIRECTORIES).ok()?;
    let pages = chain
        .iter()
        .filter(|d| tiff.number(d, tags::NEW_SUBFILE_TYPE).unwrap_or(0) & 1 == 0)
        .count() as u32;
    (pages > 1).then_some(pages)
}

/// A JPEG XL codestream's stored size and orientation, read through
/// jxl-oxide from as little of the file as its header needs.
fn jxl_header<R: Read + Seek>(r: &mut R) -> Result<(u32, u32, u32, bool), ReadError> {
    use jxl_oxide::{InitializeResult, JxlImage};
    let mut codestream = jxl_codestream(r).map_err(|e| broken("JPEG XL", e))?;
    let mut uninit = JxlImage::builder().build_uninit();
    let mut buffer = vec![0u8; 64 << 10];
    let mut fed = 0u64;
    loop {
        let n = codestream.read(&mut buffer)?;
        let damaged = |e: &dyn std::fmt::Display| {
            ReadError::Damaged(Damage::JxlHeader {
                detail: e.to_string(),
            })
        };
        if n > 0 {
            uninit.feed_bytes(&buffer[..n]).map_err(|e| damaged(&e))?;
        }
        fed += n as u64;
        match uninit.try_init().map_err(|e| damaged(&e))? {
            InitializeResult::Initialized(image) => {
                let header = image.image_header();
                return Ok((
                    header.size.width,
                    header.size.height,
                    header.metadata.orientation,
                    true,
                ));
            }
            InitializeResult::NeedMoreData(more) => uninit = more,
        }
        if n == 0 || fed > limits::MAX_METADATA_BYTES {
            // The image header proper did not decode; the size header at
            // the very start of the codestream may still be whole.
            if let Some((width, height)) = jxl_size_header(r) {
                return Ok((width, height, 1, false));
            }
            return Err(ReadError::Damaged(Damage::JxlHeaderCutShort));
        }
    }
}

/// The image size from a JPEG XL codestream's `SizeHeader` (ISO/IEC
/// 18181-1 D.2), the first fields after its signature.
fn jxl_size_header<R: Read + Seek>(r: &mut R) -> Option<(u32, u32)> {
    use super::bmff;
    let len = container::stream_len(r).ok()?;
    let head = bmff::read_at(r, 0, 2.min(len)).ok()?;
    let start = if head == [0xFF, 0x0A] {
        0
    } else {
        let first = bmff::top_level(r)
            .ok()?
            .into_iter()
            .find(|b| matches!(&b.kind, b"jxlc" | b"jxlp"))?;
        first.content + if &first.kind == b"jxlp" { 4 } else { 0 }
    };
    let bytes = bmff::read_at(r, start, 16.min(len.saturating_sub(start))).ok()?;
    if bytes.get(..2)? != [0xFF, 0x0A] {
        return None;
    }
    let mut bits = JxlBits {
        data: &bytes[2..],
        at: 0,
    };
    let small = bits.take(1)? == 1;
    let dimension = |bits: &mut JxlBits| -> Option<u32> {
        if small {
            return Some((bits.take(5)? + 1) * 8);
        }
        let width = [9, 13, 18, 30][bits.take(2)? as usize];
        Some(bits.take(width)? + 1)
    };
    let height = dimension(&mut bits)?;
    let ratio = bits.take(3)?;
    let h = u64::from(height);
    let width = match ratio {
        0 => dimension(&mut bits)?,
        1 => height,
        2 => u32::try_from(h * 12 / 10).ok()?,
        3 => u32::try_from(h * 4 / 3).ok()?,
        4 => u32::try_from(h * 3 / 2).ok()?,
        5 => u32::try_from(h * 16 / 9).ok()?,
        6 => u32::try_from(h * 5 / 4).ok()?,
        _ => u32::try_from(h * 2).ok()?,
    };
    Some((width, height))
}

/// A JPEG XL bit reader: least significant bit first.
struct JxlBits<'a> {
    data: &'a [u8],
    at: usize,
}

impl JxlBits<'_> {
    fn take(&mut self, n: u32) -> Option<u32> {
        let mut value = 0u32;
        for i in 0..n {
            let byte = self.data.get(self.at / 8)?;
            value |= u32::from((byte >> (self.at % 8)) & 1) << i;
            self.at += 1;
        }
        Some(value)
    }
}

/// The parts of a JPEG XL file its decoder needs: a bare codestream as it
/// is; of a container, every box but the metadata ones (which are read,
/// within the budget, by [`Embedded::read_jxl`]: the decoder would inflate
/// compressed ones without a bound).
pub fn jxl_codestream<R: Read + Seek>(
    r: &mut R,
) -> Result<container::Ranges<&mut R>, ContainerError> {
    let len = container::stream_len(r)?;
    let head = super::bmff::read_at(r, 0, 2.min(len))?;
    let ranges = if head == [0xFF, 0x0A] {
        vec![(0, len)]
    } else {
        super::bmff::top_level(r)?
            .into_iter()
            .filter(|b| !matches!(&b.kind, b"Exif" | b"xml " | b"brob" | b"jumb"))
            .map(|b| (b.start, b.end))
            .collect()
    };
    Ok(container::Ranges::new(r, ranges))
}

/// CR3 keeps IFD0, the EXIF directory and the GPS directory as three
/// TIFFs (`CMT1`, `CMT2`, `CMT4`); one EXIF block is made of them, with
/// each field in its own directory. Also returns IFD0's image size.
/// An EXIF block and the image size its IFD0 gives.
type ComposedExif = (Vec<u8>, Option<(u32, u32)>);

fn compose_cr3_exif(blocks: &[super::raw::TaggedBlock]) -> Option<ComposedExif> {
    use exif::{Context, Field, In, Tag};
    let mut fields: Vec<Field> = Vec::new();
    let mut little = true;
    let mut dims = None;
    for (kind, tiff) in blocks {
        let Ok((parsed, _)) = exif_reader::parse(tiff.clone()) else {
            continue;
        };
        let context = match kind {
            b"CMT1" => {
                little = parsed.little_endian();
                dims = exif_reader::tiff_dimensions(&parsed);
                Context::Tiff
            }
            b"CMT2" => Context::Exif,
            _ => Context::Gps,
        };
        for f in parsed.fields().filter(|f| f.ifd_num == In::PRIMARY) {
            // Pointers to directories elsewhere mean nothing here, and
            // values of unknown types cannot be written again.
            if matches!(f.tag.number(), 34665 | 34853 | 40965)
                || matches!(f.value, exif::Value::Unknown(..))
            {
                continue;
            }
            fields.push(Field {
                tag: Tag(context, f.tag.number()),
                ifd_num: In::PRIMARY,
                value: f.value.clone(),
            });
        }
    }
    if fields.is_empty() {
        return None;
    }
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer.write(&mut out, little).ok()?;
    Some((out.into_inner(), dims))
}

/// XMP dates are ISO 8601 (`2010-09-30T16:06:06-07:00`); keep the precision
/// of full date-times only, as EXIF would have.
fn xmp_datetime(text: &str) -> Option<String> {
    let date = PartialDate::parse(text).ok()?;
    let time = date.time.as_deref()?;
    date.day?;
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => (time, ""),
    };
    let clock = clock.split('.').next().unwrap_or(clock);
    let clock = if clock.len() == 5 {
        format!("{clock}:00")
    } else {
        clock.to_owned()
    };
    let exif_style = format!(
        "{:04}:{:02}:{:02} {clock}",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    );
    exif_datetime(&exif_style, Some(zone).filter(|z| !z.is_empty()))
}

/// XMP writes EXIF numbers as rationals (`1/200`, `28/10`) or decimals.
fn parse_xmp_number(text: &str) -> Option<f64> {
    let v = match text.split_once('/') {
        Some((n, d)) => {
            let (n, d): (f64, f64) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
            if d == 0.0 {
                return None;
            }
            n / d
        }
        None => text.parse().ok()?,
    };
    v.is_finite().then_some(v)
}

fn strip_exif_prefix(data: &[u8]) -> &[u8] {
    data.strip_prefix(EXIF_APP1).unwrap_or(data)
}

/// ImageMagick's "Raw profile type" text: `\nNAME\n   LENGTH\nHEX...`.
fn decode_raw_profile(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let mut lines = text.trim_start_matches('\n').splitn(3, '\n');
    let _name = lines.next()?;
    let len: usize = lines.next()?.trim().parse().ok()?;
    let hex: Vec<u8> = lines
        .next()?
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let digits = len.checked_mul(2)?;
    if hex.len() < digits {
        return None;
    }
    hex[..digits]
        .chunks_exact(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_dates_become_exif_style_iso() {
        assert_eq!(
            xmp_datetime("2010-09-30T16:06:06-07:00").as_deref(),
            Some("2010-09-30T16:06:06-07:00")
        );
        assert_eq!(
            xmp_datetime("2010-12-12T12:41:35.00+01:00").as_deref(),
            Some("2010-12-12T12:41:35+01:00")
        );
        assert_eq!(xmp_datetime("2010-12-12").as_deref(), None);
    }

    #[test]
    fn xmp_numbers() {
        assert_eq!(parse_xmp_number("1/200"), Some(0.005));
        assert_eq!(parse_xmp_number("2.8"), Some(2.8));
        assert_eq!(parse_xmp_number("1/0"), None);
        assert_eq!(parse_xmp_number("f/5,6"), None);
    }

    #[test]
    fn keyword_paths_keep_ten_thousand_levels_and_cut_deeper_ones() {
        let path = |n: usize| {
            (0..n)
                .map(|i| format!("k{i}"))
                .collect::<Vec<_>>()
                .join("|")
        };
        let mut d = Description {
            hierarchical_keywords: vec![path(5_000), path(12_000)],
            ..Description::default()
        };
        let warnings = cap_description(&mut d);
        assert_eq!(d.hierarchical_keywords[0], path(5_000));
        assert_eq!(d.hierarchical_keywords[1], path(limits::MAX_KEYWORD_LEVELS));
        assert_eq!(
            warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "a hierarchical keyword has 12000 levels, more than the 10000 Kartoteka keeps; it was cut"
            ]
        );
    }

    #[test]
    fn raw_profiles_decode() {
        let text = b"\nexif\n       6\n457869660000\n";
        assert_eq!(decode_raw_profile(text).unwrap(), b"Exif\0\0");
        assert_eq!(decode_raw_profile(b"\nexif\n 6\n45"), None);
    }
}
