//! TIFF pixels for thumbnails and the viewer, in bounded memory: scans of
//! hundreds of megabytes or gigabytes (BigTIFF) are decoded strip by strip
//! or tile by tile and reduced to the size asked for as the rows arrive;
//! the full image is never held.
//!
//! - A reduced-resolution version the file carries (a later page marked as
//!   reduced, or a SubIFD, as pyramidal TIFFs and many scanners write) is
//!   used instead of the full image when it is at least as large as asked.
//! - Uncompressed strips are read straight from the file; LZW, deflate and
//!   PackBits chunks (with horizontal or floating-point prediction) go
//!   through the `tiff` crate one chunk at a time; JPEG-compressed strips
//!   and tiles through libjpeg's scaled decoder, which decodes a tile at
//!   1/8 of its size in a fraction of the full-size time.
//! - Samples of 8, 16 and 32 bits, integer or floating point (16, 32 and 64
//!   bits), chunky or planar, grey (MinIsBlack or MinIsWhite), RGB and CMYK,
//!   are averaged in boxes into 32-bit sums, then brought to 8 bits with the
//!   file's ICC profile applied (qcms), so an Adobe RGB or Gray Gamma 2.2
//!   scan looks in its thumbnail as it does in an editor. Floating-point
//!   samples are taken as linear light and encoded as sRGB.
//!
//! Anything else (palettes, bilevel and 2- or 4-bit images, Lab, YCbCr
//! without JPEG, old-style JPEG) is left to the `image` crate: the caller
//! gets `Ok(None)`.

use std::io::{BufRead, Read, Seek, SeekFrom};

use image::{DynamicImage, GrayImage, RgbImage};

use super::thumbnail::ThumbnailError;
use super::tiffdir::{Directory, TiffReader, tags};

const PLANAR_CONFIGURATION: u16 = 284;
const ROWS_PER_STRIP: u16 = 278;
const TILE_WIDTH: u16 = 322;
const TILE_LENGTH: u16 = 323;
const TILE_OFFSETS: u16 = 324;
const TILE_BYTE_COUNTS: u16 = 325;
const SAMPLE_FORMAT: u16 = 339;
const JPEG_TABLES: u16 = 347;
const EXTRA_SAMPLES: u16 = 338;
const PREDICTOR: u16 = 317;
/// Strip or tile offsets read at most (a 2 GB scan in strips of one row
/// has tens of thousands).
const MAX_CHUNKS: u64 = 4_000_000;
/// The most pixels a TIFF decoded here may have. The pixels are reduced as
/// they arrive, so memory does not grow with the image (a 27,000 x 27,000
/// BigTIFF scan needs about 15 MB); the limit bounds the time a file
/// declaring billions of pixels of compressed nothing can take. Large
/// film scans (8x10 inches at 4,000 dpi) stay well within it. Layouts left
/// to the `image` crate keep its tighter limit.
pub const MAX_STREAMED_PIXELS: u64 = 2_000_000_000;
/// The most bytes one decompressed strip or tile may hold.
const MAX_CHUNK_BYTES: usize = 256 << 20;
/// The largest ICC profile read.
const MAX_ICC_BYTES: u64 = 4 << 20;
/// Bytes of uncompressed rows read at a time.
const READ_BLOCK: usize = 4 << 20;

fn decode_error(why: impl std::fmt::Display) -> ThumbnailError {
    ThumbnailError::Decode(why.to_string())
}

/// How the samples of one image are laid out, from its directory.
#[derive(Debug, Clone)]
struct Layout {
    width: u32,
    height: u32,
    /// Samples per pixel in the file (colour plus extra samples).
    samples: u16,
    /// Colour channels used: 1 grey, 3 RGB, 4 CMYK.
    colours: u16,
    bits: u16,
    float: bool,
    planar: bool,
    compression: u64,
    /// 1 none, 2 horizontal differencing, 3 floating point.
    predictor: u64,
    photometric: u64,
    little: bool,
    /// (chunk width, chunk height); strips are as wide as the image.
    chunk: (u32, u32),
    /// Tiles (which hold whole tiles, padding included) rather than strips.
    tiled: bool,
    offsets: Vec<u64>,
    counts: Vec<u64>,
    /// The JPEG tables the chunks of a JPEG-compressed image share.
    jpeg_tables: Option<Vec<u8>>,
}

impl Layout {
    fn across(&self) -> u32 {
        self.width.div_ceil(self.chunk.0)
    }

    fn per_plane(&self) -> u32 {
        self.across() * self.height.div_ceil(self.chunk.1)
    }

    /// Where chunk `i` goes: (plane, x, y).
    fn place(&self, i: u32) -> (u16, u32, u32) {
        let per_plane = self.per_plane();
        let plane = (i / per_plane) as u16;
        let j = i % per_plane;
        (
            plane,
            (j % self.across()) * self.chunk.0,
            (j / self.across()) * self.chunk.1,
        )
    }

    /// Samples per pixel in one chunk: one in a plane of a planar image.
    fn chunk_samples(&self) -> usize {
        if self.planar {
            1
        } else {
            self.samples as usize
        }
    }

    /// Where chunk `i` goes and how much of the image it covers; `None`
    /// for the plane of an extra sample (alpha), which is not shown.
    fn chunk_at(&self, i: u32) -> Option<Chunk> {
        let (plane, x, y) = self.place(i);
        if self.planar && plane >= self.colours {
            return None;
        }
        Some(Chunk {
            x,
            y,
            width: self.chunk.0.min(self.width - x),
            rows: self.chunk.1.min(self.height - y),
            channel: self.planar.then_some(plane as usize),
        })
    }
}

/// One strip or tile, placed in the image.
struct Chunk {
    x: u32,
    y: u32,
    /// Pixels across and rows of the image it covers (less than the
    /// chunk's size at the right and bottom edges).
    width: u32,
    rows: u32,
    /// The colour channel a planar image's chunk holds.
    channel: Option<usize>,
}

fn layout_of<R: Read + Seek>(
    tiff: &mut TiffReader<'_, R>,
    dir: &Directory,
) -> Result<Option<Layout>, ThumbnailError> {
    let num = |tiff: &mut TiffReader<'_, R>, tag| tiff.number(dir, tag);
    let (Some(width), Some(height)) = (num(tiff, tags::IMAGE_WIDTH), num(tiff, tags::IMAGE_LENGTH))
    else {
        return Err(decode_error("the TIFF directory has no image size"));
    };
    let (width, height) = (
        u32::try_from(width).map_err(decode_error)?,
        u32::try_from(height).map_err(decode_error)?,
    );
    if width == 0 || height == 0 {
        return Err(decode_error("the TIFF image has no pixels"));
    }
    if width as u64 * height as u64 > MAX_STREAMED_PIXELS {
        return Err(ThumbnailError::TooLarge {
            width: width as u64,
            height: height as u64,
            limit: MAX_STREAMED_PIXELS / 1_000_000,
        });
    }
    let samples = num(tiff, tags::SAMPLES_PER_PIXEL).unwrap_or(1) as u16;
    let bits_entry = dir.get(tags::BITS_PER_SAMPLE).copied();
    let bits = match bits_entry {
        Some(e) => {
            let all = tiff.numbers(&e, 64).map_err(decode_error)?;
            if all.windows(2).any(|w| w[0] != w[1]) {
                return Ok(None);
            }
            all.first().copied().unwrap_or(1) as u16
        }
        None => 1,
    };
    let format = num(tiff, SAMPLE_FORMAT).unwrap_or(1);
    let photometric = num(tiff, tags::PHOTOMETRIC).unwrap_or(1);
    let compression = num(tiff, tags::COMPRESSION).unwrap_or(1);
    let extra = match dir.get(EXTRA_SAMPLES).copied() {
        Some(e) => tiff.numbers(&e, 64).map_err(decode_error)?.len() as u16,
        None => 0,
    };
    let colours = match photometric {
        0 | 1 => 1,
        2 => 3,
        5 => 4,
        6 if compression == 7 => 3,
        _ => return Ok(None),
    };
    let float = format == 3;
    let supported_bits = match (float, compression == 7) {
        (_, true) => bits == 8,
        (true, false) => matches!(bits, 16 | 32 | 64),
        (false, false) => format == 1 && matches!(bits, 8 | 16 | 32),
    };
    if !supported_bits || samples < colours || samples.saturating_sub(extra) < colours {
        return Ok(None);
    }
    let planar = num(tiff, PLANAR_CONFIGURATION).unwrap_or(1) == 2;
    let tiled = dir.get(TILE_OFFSETS).is_some();
    let (offsets_tag, counts_tag) = if tiled {
        (TILE_OFFSETS, TILE_BYTE_COUNTS)
    } else {
        (tags::STRIP_OFFSETS, tags::STRIP_BYTE_COUNTS)
    };
    let chunk = if tiled {
        let (Some(tw), Some(th)) = (num(tiff, TILE_WIDTH), num(tiff, TILE_LENGTH)) else {
            return Err(decode_error("a tiled TIFF without tile sizes"));
        };
        (tw as u32, th as u32)
    } else {
        let rows = num(tiff, ROWS_PER_STRIP).unwrap_or(height as u64);
        (width, rows.clamp(1, height as u64) as u32)
    };
    if chunk.0 == 0 || chunk.1 == 0 {
        return Err(decode_error("a TIFF declares chunks of no pixels"));
    }
    let (Some(oe), Some(ce)) = (dir.get(offsets_tag).copied(), dir.get(counts_tag).copied()) else {
        return Err(decode_error("the TIFF has no strip or tile offsets"));
    };
    let offsets = tiff.numbers(&oe, MAX_CHUNKS).map_err(decode_error)?;
    let counts = tiff.numbers(&ce, MAX_CHUNKS).map_err(decode_error)?;
    let jpeg_tables = match dir.get(JPEG_TABLES).copied() {
        Some(e) if compression == 7 => tiff.value(&e, 1 << 20).map_err(decode_error)?,
        _ => None,
    };
    let layout = Layout {
        width,
        height,
        samples,
        colours,
        bits,
        float,
        planar: planar && samples > 1,
        compression,
        predictor: num(tiff, PREDICTOR).unwrap_or(1),
        photometric,
        little: tiff.header.little,
        chunk,
        tiled,
        offsets,
        counts,
        jpeg_tables,
    };
    let planes = if layout.planar { samples as u32 } else { 1 };
    let expected = layout.per_plane() as u64 * planes as u64;
    if layout.offsets.len() as u64 != expected || layout.counts.len() as u64 != expected {
        return Err(decode_error(format!(
            "the TIFF declares {} chunks where its size needs {expected}",
            layout.offsets.len()
        )));
    }
    Ok(Some(layout))
}

/// Sums of samples in boxes of `factor` x `factor` pixels, or (factor 1)
/// the samples themselves brought to 8 bits.
///
/// Whole rows (strips) are first added sample by sample into a line of
/// column sums, which vectorises; the line is reduced across into the
/// boxes once per row of boxes. Parts of rows (tiles, planes) go straight
/// into the boxes.
struct Reducer {
    factor: u32,
    width: u32,
    height: u32,
    /// The width of the image being reduced.
    full_width: u32,
    colours: usize,
    sums: Vec<u32>,
    /// Sample values are shifted right by this much before they are added,
    /// so that a box of factor² 16-bit values fits in 32 bits.
    shift: u32,
    direct: Vec<u8>,
    /// Column sums of whole rows for the row of boxes `line_row`, of
    /// pixels of `line_spp` samples.
    line: Vec<u32>,
    line_row: Option<usize>,
    line_spp: usize,
}

/// A sample added to the sums: a 16-bit value (shifted) or a column sum
/// (already shifted).
trait Sample: Copy {
    fn widen(self, shift: u32) -> u32;
}

impl Sample for u16 {
    #[inline(always)]
    fn widen(self, shift: u32) -> u32 {
        (self >> shift) as u32
    }
}

impl Sample for u32 {
    #[inline(always)]
    fn widen(self, _: u32) -> u32 {
        self
    }
}

impl Reducer {
    fn new(
        width: u32,
        height: u32,
        colours: usize,
        long_edge: u32,
    ) -> Result<Self, ThumbnailError> {
        let long = width.max(height);
        // Box-average down to about twice the size asked for; the last
        // step is a proper resampling filter.
        let factor = (long / long_edge.saturating_mul(2).max(1)).max(1);
        let (w, h) = (width.div_ceil(factor), height.div_ceil(factor));
        let cells = w as usize * h as usize * colours;
        let bytes = if factor == 1 { cells } else { cells * 4 };
        if bytes as u64 > super::thumbnail::MAX_ALLOC {
            return Err(ThumbnailError::TooLarge {
                width: width as u64,
                height: height as u64,
                limit: MAX_STREAMED_PIXELS / 1_000_000,
            });
        }
        let mut shift = 0;
        while (factor as u64 * factor as u64) * ((65535u64) >> shift) > u32::MAX as u64 {
            shift += 1;
        }
        Ok(Self {
            factor,
            width: w,
            height: h,
            full_width: width,
            colours,
            sums: if factor == 1 {
                Vec::new()
            } else {
                vec![0; cells]
            },
            shift,
            direct: if factor == 1 {
                vec![0; cells]
            } else {
                Vec::new()
            },
            line: Vec::new(),
            line_row: None,
            line_spp: 0,
        })
    }

    /// Adds one row of 16-bit samples starting at pixel `x` of image row
    /// `y`: pixels of `spp` interleaved samples (`channel` `None`), or the
    /// samples of one channel (a plane of a planar image).
    fn add_u16(&mut self, x: u32, y: u32, values: &[u16], spp: usize, channel: Option<usize>) {
        let f = self.factor as usize;
        let oy = (y / self.factor) as usize;
        let (c, width) = (self.colours, self.width as usize);
        if oy >= self.height as usize || x as usize / f >= width || spp == 0 {
            return;
        }
        let row = oy * width * c;
        let (spp, first_channel, used) = match channel {
            None => (spp, 0, c.min(spp)),
            Some(ch) if ch < c => (1, ch, 1),
            Some(_) => return,
        };
        let first = x as usize;
        if f == 1 {
            let out = &mut self.direct[row + first * c..];
            let pixels_in = values.chunks_exact(spp).take(width - first);
            for (dst, px) in out.chunks_mut(c).zip(pixels_in) {
                for (d, &v) in dst[first_channel..first_channel + used].iter_mut().zip(px) {
                    *d = (v >> 8) as u8;
                }
            }
            return;
        }
        let whole_row =
            channel.is_none() && x == 0 && values.len() == self.full_width as usize * spp;
        if whole_row {
            if self.line_row != Some(oy) || self.line_spp != spp {
                self.flush_line();
                self.line_row = Some(oy);
                self.line_spp = spp;
                self.line.clear();
                self.line.resize(values.len(), 0);
            }
            let shift = self.shift;
            for (l, &v) in self.line.iter_mut().zip(values) {
                *l += (v >> shift) as u32;
            }
            return;
        }
        let sums = &mut self.sums[row..row + width * c];
        add_boxes(
            sums,
            c,
            f,
            first,
            values,
            spp,
            first_channel,
            used,
            self.shift,
        );
    }

    /// Reduces the line of column sums across into its row of boxes.
    fn flush_line(&mut self) {
        let Some(oy) = self.line_row.take() else {
            return;
        };
        let (c, width) = (self.colours, self.width as usize);
        let row = oy * width * c;
        let sums = &mut self.sums[row..row + width * c];
        let used = c.min(self.line_spp);
        add_boxes(
            sums,
            c,
            self.factor as usize,
            0,
            &self.line,
            self.line_spp,
            0,
            used,
            0,
        );
    }

    /// The averaged image, 8 bits per channel.
    fn finish(mut self, full_width: u32, full_height: u32) -> Vec<u8> {
        self.flush_line();
        if self.factor == 1 {
            return self.direct;
        }
        let f = self.factor;
        let c = self.colours;
        let mut out = vec![0u8; self.sums.len()];
        for oy in 0..self.height {
            let bh = (full_height - oy * f).min(f);
            for ox in 0..self.width {
                let bw = (full_width - ox * f).min(f);
                let count = (bw * bh) as u64;
                let i = (oy as usize * self.width as usize + ox as usize) * c;
                for ch in 0..c {
                    let mean = ((self.sums[i + ch] as u64) << self.shift) / count;
                    out[i + ch] = (mean >> 8) as u8;
                }
            }
        }
        out
    }
}

/// Adds the samples of one row of pixels, starting at pixel `first`, to
/// one row of boxes `f` pixels wide (`sums`, `c` sums per box): the `used`
/// samples of each pixel of `spp` go to the box's sums from `first_channel`.
#[allow(clippy::too_many_arguments)]
fn add_boxes<T: Sample>(
    sums: &mut [u32],
    c: usize,
    f: usize,
    first: usize,
    values: &[T],
    spp: usize,
    first_channel: usize,
    used: usize,
    shift: u32,
) {
    let width = sums.len() / c;
    let pixels = values.len() / spp;
    // Box by box: the samples of the pixels of one box that fall in this
    // row are summed in registers, then added to the box's sums.
    let mut ox = first / f;
    let (mut i, mut end) = (0, ((ox + 1) * f - first).min(pixels));
    while i < pixels && ox < width {
        let samples = &values[i * spp..end * spp];
        let at = ox * c + first_channel;
        let sums = &mut sums[at..at + used];
        match (used, spp) {
            (1, 1) => sums[0] += samples.iter().map(|&v| v.widen(shift)).sum::<u32>(),
            (3, 3) => add(sums, box_sum::<T, 3, 3>(samples, shift)),
            (3, 4) => add(sums, box_sum::<T, 3, 4>(samples, shift)),
            (4, 4) => add(sums, box_sum::<T, 4, 4>(samples, shift)),
            _ => {
                for px in samples.chunks_exact(spp) {
                    for (d, &v) in sums.iter_mut().zip(px) {
                        *d += v.widen(shift);
                    }
                }
            }
        }
        i = end;
        end = (end + f).min(pixels);
        ox += 1;
    }
}

/// The sums of the first `K` samples of pixels of `SPP` samples each.
#[inline(always)]
fn box_sum<T: Sample, const K: usize, const SPP: usize>(samples: &[T], shift: u32) -> [u32; K] {
    let mut sums = [0u32; K];
    for px in samples.chunks_exact(SPP) {
        for k in 0..K {
            sums[k] += px[k].widen(shift);
        }
    }
    sums
}

fn add<const K: usize>(sums: &mut [u32], values: [u32; K]) {
    sums.iter_mut().zip(values).for_each(|(d, v)| *d += v);
}

/// One row of samples as stored (8, 16 or 32-bit integers, or 16, 32 or
/// 64-bit floats taken as linear light) as 16-bit values.
fn to_u16(row: &[u8], bits: u16, float: bool, little: bool, out: &mut Vec<u16>) {
    out.clear();
    match (bits, float) {
        (8, false) => out.extend(row.iter().map(|&b| b as u16 * 257)),
        (16, false) => {
            out.resize(row.len() / 2, 0);
            let pairs = out.iter_mut().zip(row.chunks_exact(2));
            if little {
                pairs.for_each(|(o, b)| *o = u16::from_le_bytes([b[0], b[1]]));
            } else {
                pairs.for_each(|(o, b)| *o = u16::from_be_bytes([b[0], b[1]]));
            }
        }
        (32, false) => out.extend(row.chunks_exact(4).map(|b| {
            let v = [b[0], b[1], b[2], b[3]];
            (if little {
                u32::from_le_bytes(v)
            } else {
                u32::from_be_bytes(v)
            } >> 16) as u16
        })),
        _ => {
            let n = (bits / 8) as usize;
            out.extend(
                row.chunks_exact(n)
                    .map(|b| float_to_u16(float_value(b, bits, little))),
            );
        }
    }
}

fn float_to_u16(v: f64) -> u16 {
    if v.is_nan() {
        0
    } else {
        (v.clamp(0.0, 1.0) * 65535.0 + 0.5) as u16
    }
}

/// Decodes the image in `dir` reduced to about `long_edge` (before the
/// final resampling): `Ok(None)` for a layout this module does not handle.
fn decode_directory<R: BufRead + Seek>(
    reader: &mut R,
    header: super::tiffdir::TiffHeader,
    dir: &Directory,
    layout: Layout,
    long_edge: u32,
    icc: Option<Vec<u8>>,
) -> Result<Option<DynamicImage>, ThumbnailError> {
    let colours = layout.colours as usize;
    match layout.compression {
        1 => {}
        5 | 8 | 32946 | 32773 => {}
        7 => return decode_jpeg_chunks(reader, &layout, long_edge, icc).map(Some),
        _ => return Ok(None),
    }
    let mut reducer = Reducer::new(layout.width, layout.height, colours, long_edge)?;
    let chunks = layout.offsets.len() as u32;
    if layout.compression == 1 {
        let bytes_per_sample = (layout.bits / 8) as usize;
        let spp = layout.chunk_samples();
        let mut buffer = Vec::new();
        let mut samples: Vec<u16> = Vec::new();
        for i in 0..chunks {
            let Some(Chunk {
                x: x0,
                y: y0,
                width: w,
                rows,
                channel,
            }) = layout.chunk_at(i)
            else {
                continue;
            };
            // A tile's rows are as wide as the tile, padding included.
            let stride = layout.chunk.0 as usize * spp * bytes_per_sample;
            let used = w as usize * spp * bytes_per_sample;
            let rows_per_read = (READ_BLOCK / stride.max(1)).max(1) as u32;
            reader
                .seek(SeekFrom::Start(layout.offsets[i as usize]))
                .map_err(decode_error)?;
            let mut y = 0;
            while y < rows {
                let n = rows_per_read.min(rows - y);
                buffer.resize(stride * n as usize, 0);
                if let Err(e) = reader.read_exact(&mut buffer) {
                    return Err(decode_error(format!("the image data is cut short ({e})")));
                }
                for r in 0..n as usize {
                    let row = &buffer[r * stride..r * stride + used];
                    to_u16(row, layout.bits, layout.float, layout.little, &mut samples);
                    reducer.add_u16(x0, y0 + y + r as u32, &samples, spp, channel);
                }
                y += n;
            }
        }
    } else if matches!(layout.compression, 8 | 32946)
        && !layout.float
        && matches!(layout.bits, 8 | 16)
        && matches!(layout.predictor, 1 | 2)
    {
        decode_deflate_chunks(reader, &layout, &mut reducer)?;
    } else {
        // Other compressed chunks: the tiff crate decompresses one at a time,
        // undoing prediction, into native-endian samples. It is pointed at
        // this directory by a header that names it first.
        let redirect = Redirect::new(&mut *reader, header, dir.offset);
        let mut decoder = tiff::decoder::Decoder::new(redirect)
            .map_err(decode_error)?
            .with_limits(tiff_limits());
        for i in 0..chunks {
            // (The tiff crate's own accessor panics on an index it does
            // not know; the chunk's size is computed here.)
            let Some(Chunk {
                x: x0,
                y: y0,
                width: cw,
                rows: ch,
                channel,
            }) = layout.chunk_at(i)
            else {
                continue;
            };
            let data = decoder.read_chunk(i).map_err(decode_error)?;
            let step = layout.chunk_samples();
            let per_row = cw as usize * step;
            use tiff::decoder::DecodingResult as D;
            let mut converted: Vec<u16> = Vec::new();
            let all: &[u16] = match &data {
                D::U16(v) => v,
                D::U8(v) => {
                    converted.extend(v.iter().map(|&s| s as u16 * 257));
                    &converted
                }
                D::U32(v) => {
                    converted.extend(v.iter().map(|&s| (s >> 16) as u16));
                    &converted
                }
                D::F16(v) => {
                    converted.extend(v.iter().map(|&s| float_to_u16(f64::from(s.to_f32()))));
                    &converted
                }
                D::F32(v) => {
                    converted.extend(v.iter().map(|&s| float_to_u16(s as f64)));
                    &converted
                }
                D::F64(v) => {
                    converted.extend(v.iter().map(|&s| float_to_u16(s)));
                    &converted
                }
                _ => return Ok(None),
            };
            for r in 0..ch as usize {
                let Some(row) = all.get(r * per_row..(r + 1) * per_row) else {
                    break;
                };
                reducer.add_u16(x0, y0 + r as u32, row, step, channel);
            }
        }
    }
    let (w, h) = (reducer.width, reducer.height);
    let mut pixels = reducer.finish(layout.width, layout.height);
    if layout.photometric == 0 {
        pixels.iter_mut().for_each(|v| *v = 255 - *v);
    }
    if layout.float {
        let lut = srgb_encode_lut();
        pixels.iter_mut().for_each(|v| *v = lut[*v as usize]);
    }
    Ok(Some(to_image(pixels, w, h, colours, icc.as_deref())?))
}

/// Deflate-compressed strips and tiles of 8 or 16-bit integer samples,
/// with or without horizontal differencing: each chunk is inflated into
/// one reused buffer and its rows undone and reduced as they are read.
fn decode_deflate_chunks<R: BufRead + Seek>(
    reader: &mut R,
    layout: &Layout,
    reducer: &mut Reducer,
) -> Result<(), ThumbnailError> {
    let spp = layout.chunk_samples();
    let bytes_per_sample = (layout.bits / 8) as usize;
    let mut compressed = Vec::new();
    let mut raw = Vec::new();
    let mut samples: Vec<u16> = Vec::new();
    let mut inflater = flate2::Decompress::new(true);
    for i in 0..layout.offsets.len() as u32 {
        let Some(Chunk {
            x: x0,
            y: y0,
            width: w,
            rows,
            channel,
        }) = layout.chunk_at(i)
        else {
            continue;
        };
        // A tile holds whole tiles' rows, padding included; the last strip
        // only the rows left.
        let stored_rows = if layout.tiled { layout.chunk.1 } else { rows };
        let stride = layout.chunk.0 as usize * spp * bytes_per_sample;
        let expected = stride * stored_rows as usize;
        if expected > MAX_CHUNK_BYTES {
            return Err(decode_error(format!(
                "a strip or tile of {expected} bytes, more than the {} MB Kartoteka decodes at once",
                MAX_CHUNK_BYTES >> 20
            )));
        }
        // Deflate never grows data by more than a few bytes per block.
        let count = layout.counts[i as usize];
        if count > (expected + expected / 16 + 4096) as u64 {
            return Err(decode_error(format!(
                "a compressed strip or tile of {count} bytes for {expected} bytes of pixels"
            )));
        }
        compressed.resize(count as usize, 0);
        reader
            .seek(SeekFrom::Start(layout.offsets[i as usize]))
            .and_then(|_| reader.read_exact(&mut compressed))
            .map_err(|e| decode_error(format!("the image data is cut short ({e})")))?;
        raw.clear();
        raw.resize(expected, 0);
        inflater.reset(true);
        let status = inflater
            .decompress(&compressed, &mut raw, flate2::FlushDecompress::Finish)
            .map_err(|e| {
                decode_error(format!(
                    "a deflate-compressed strip or tile is damaged ({e})"
                ))
            })?;
        let produced = inflater.total_out() as usize;
        if produced < stride * rows as usize && status != flate2::Status::StreamEnd {
            return Err(decode_error(
                "a deflate-compressed strip or tile ends early",
            ));
        }
        let used = w as usize * spp * bytes_per_sample;
        for (r, row) in raw.chunks_exact_mut(stride).take(rows as usize).enumerate() {
            // Differencing runs across the whole stored row, padding included.
            if layout.predictor == 2 {
                undo_differencing(row, layout.bits, spp, layout.little);
            }
            to_u16(
                &row[..used],
                layout.bits,
                false,
                layout.little,
                &mut samples,
            );
            reducer.add_u16(x0, y0 + r as u32, &samples, spp, channel);
        }
    }
    Ok(())
}

/// Undoes horizontal differencing (TIFF predictor 2) in one row of pixels
/// of `spp` 8 or 16-bit samples, in place: each sample was stored as its
/// difference from the same sample of the pixel before.
fn undo_differencing(row: &mut [u8], bits: u16, spp: usize, little: bool) {
    fn bytes<const N: usize>(row: &mut [u8]) {
        let mut acc = [0u8; N];
        for px in row.chunks_exact_mut(N) {
            for (a, v) in acc.iter_mut().zip(px) {
                *a = a.wrapping_add(*v);
                *v = *a;
            }
        }
    }
    fn words<const N: usize>(row: &mut [u8], little: bool) {
        let mut acc = [0u16; N];
        for px in row.chunks_exact_mut(2 * N) {
            for (a, v) in acc.iter_mut().zip(px.chunks_exact_mut(2)) {
                let d = if little {
                    u16::from_le_bytes([v[0], v[1]])
                } else {
                    u16::from_be_bytes([v[0], v[1]])
                };
                *a = a.wrapping_add(d);
                v.copy_from_slice(&if little {
                    a.to_le_bytes()
                } else {
                    a.to_be_bytes()
                });
            }
        }
    }
    match (bits, spp) {
        (8, 1) => bytes::<1>(row),
        (8, 3) => bytes::<3>(row),
        (8, 4) => bytes::<4>(row),
        (16, 1) => words::<1>(row, little),
        (16, 3) => words::<3>(row, little),
        (16, 4) => words::<4>(row, little),
        (8, n) => {
            for i in n..row.len() {
                row[i] = row[i].wrapping_add(row[i - n]);
            }
        }
        (_, n) => {
            let n = 2 * n;
            for i in (n..row.len()).step_by(2) {
                let get = |b: &[u8]| {
                    if little {
                        u16::from_le_bytes([b[0], b[1]])
                    } else {
                        u16::from_be_bytes([b[0], b[1]])
                    }
                };
                let v = get(&row[i..i + 2]).wrapping_add(get(&row[i - n..i - n + 2]));
                row[i..i + 2].copy_from_slice(&if little {
                    v.to_le_bytes()
                } else {
                    v.to_be_bytes()
                });
            }
        }
    }
}

fn float_value(b: &[u8], bits: u16, little: bool) -> f64 {
    match bits {
        16 => {
            let raw = if little {
                u16::from_le_bytes([b[0], b[1]])
            } else {
                u16::from_be_bytes([b[0], b[1]])
            };
            f64::from(half::f16::from_bits(raw).to_f32())
        }
        32 => {
            let a = [b[0], b[1], b[2], b[3]];
            (if little {
                f32::from_le_bytes(a)
            } else {
                f32::from_be_bytes(a)
            }) as f64
        }
        _ => {
            let a: [u8; 8] = b[..8].try_into().unwrap_or_default();
            if little {
                f64::from_le_bytes(a)
            } else {
                f64::from_be_bytes(a)
            }
        }
    }
}

/// 8-bit linear light to 8-bit sRGB.
fn srgb_encode_lut() -> [u8; 256] {
    let mut lut = [0u8; 256];
    for (i, v) in lut.iter_mut().enumerate() {
        let l = i as f64 / 255.0;
        let s = if l <= 0.003_130_8 {
            12.92 * l
        } else {
            1.055 * l.powf(1.0 / 2.4) - 0.055
        };
        *v = (s * 255.0 + 0.5) as u8;
    }
    lut
}

/// 8-bit samples (grey, RGB or CMYK) to an sRGB image, through the ICC
/// profile when there is one that fits the samples.
fn to_image(
    pixels: Vec<u8>,
    w: u32,
    h: u32,
    colours: usize,
    icc: Option<&[u8]>,
) -> Result<DynamicImage, ThumbnailError> {
    let image = match colours {
        1 => match super::colour::grey_to_srgb(&pixels, icc) {
            Some(rgb) => RgbImage::from_raw(w, h, rgb).map(DynamicImage::ImageRgb8),
            None => GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8),
        },
        3 => {
            let mut pixels = pixels;
            super::colour::rgb_to_srgb(&mut pixels, icc);
            RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
        }
        _ => {
            let rgb = super::colour::cmyk_to_srgb(&pixels, icc);
            RgbImage::from_raw(w, h, rgb).map(DynamicImage::ImageRgb8)
        }
    };
    image.ok_or_else(|| decode_error("the reduced image has the wrong size"))
}

fn tiff_limits() -> tiff::decoder::Limits {
    let mut limits = tiff::decoder::Limits::default();
    limits.ifd_value_size = crate::limits::MAX_METADATA_BYTES as usize;
    limits
}

/// JPEG-compressed strips and tiles through libjpeg at reduced scale: each
/// chunk is a JPEG of its own, with the tables the file shares among them.
fn decode_jpeg_chunks<R: BufRead + Seek>(
    reader: &mut R,
    layout: &Layout,
    long_edge: u32,
    icc: Option<Vec<u8>>,
) -> Result<DynamicImage, ThumbnailError> {
    let colours = layout.colours as usize;
    if layout.planar || !(colours == 1 || colours == 3) {
        return Err(ThumbnailError::Unsupported(
            super::thumbnail::Unsupported::JpegTiffLayout,
        ));
    }
    // Scale the chunks down by up to 8 when their size allows it exactly.
    let long = layout.width.max(layout.height);
    let mut eighths = 8u32;
    for n in 1..=8u32 {
        if long * n / 8 >= long_edge * 2 {
            eighths = n;
            break;
        }
    }
    if !layout.chunk.0.is_multiple_of(8) || !layout.chunk.1.is_multiple_of(8) {
        eighths = 8;
    }
    let scaled = |v: u32| (v * eighths).div_ceil(8);
    let (sw, sh) = (scaled(layout.width), scaled(layout.height));
    let mut reducer = Reducer::new(sw, sh, colours, long_edge)?;
    let tables = layout.jpeg_tables.clone();
    let mut stream = Vec::new();
    for (i, (&at, &len)) in layout.offsets.iter().zip(&layout.counts).enumerate() {
        let (_, x0, y0) = layout.place(i as u32);
        if len > 64 << 20 {
            return Err(decode_error("a JPEG tile larger than 64 MiB"));
        }
        let mut data = vec![0u8; len as usize];
        reader.seek(SeekFrom::Start(at)).map_err(decode_error)?;
        reader
            .read_exact(&mut data)
            .map_err(|e| decode_error(format!("the image data is cut short ({e})")))?;
        stream.clear();
        build_jpeg(
            &mut stream,
            tables.as_deref(),
            &data,
            layout.photometric == 2,
        );
        let tile = super::jpeg::decode_at_scale(&stream, eighths as u8, colours == 1)
            .map_err(|e| decode_error(format!("a JPEG tile could not be decoded ({e:?})")))?;
        let (tw, th) = (tile.width(), tile.height());
        let raw = tile.as_bytes();
        let (sx, sy) = (scaled(x0), scaled(y0));
        let keep_w = tw.min(sw.saturating_sub(sx));
        let keep_h = th.min(sh.saturating_sub(sy));
        let mut row16: Vec<u16> = Vec::with_capacity(keep_w as usize * colours);
        for r in 0..keep_h as usize {
            let row =
                &raw[r * tw as usize * colours..(r * tw as usize + keep_w as usize) * colours];
            row16.clear();
            row16.extend(row.iter().map(|&v| v as u16 * 257));
            reducer.add_u16(sx, sy + r as u32, &row16, colours, None);
        }
    }
    let (w, h) = (reducer.width, reducer.height);
    let pixels = reducer.finish(sw, sh);
    to_image(pixels, w, h, colours, icc.as_deref())
}

/// One JPEG stream from the shared tables and one chunk's data, with an
/// Adobe marker saying whether the samples are RGB or YCbCr (libjpeg would
/// otherwise take three components for YCbCr).
fn build_jpeg(out: &mut Vec<u8>, tables: Option<&[u8]>, chunk: &[u8], rgb: bool) {
    out.extend_from_slice(&[0xFF, 0xD8]);
    out.extend_from_slice(&[0xFF, 0xEE, 0x00, 0x0E]);
    out.extend_from_slice(b"Adobe");
    out.extend_from_slice(&[0x00, 0x64, 0x00, 0x00, 0x00, 0x00, if rgb { 0 } else { 1 }]);
    if let Some(t) = tables {
        let t = t.strip_prefix(&[0xFF, 0xD8]).unwrap_or(t);
        let t = t.strip_suffix(&[0xFF, 0xD9]).unwrap_or(t);
        out.extend_from_slice(t);
    }
    out.extend_from_slice(chunk.strip_prefix(&[0xFF, 0xD8]).unwrap_or(chunk));
}

/// A TIFF file seen through a header naming another directory first, so
/// that a decoder that starts at the first directory decodes that one.
struct Redirect<R> {
    inner: R,
    header: Vec<u8>,
    pos: u64,
}

impl<R: Read + Seek> Redirect<R> {
    fn new(inner: R, header: super::tiffdir::TiffHeader, first: u64) -> Self {
        let mut bytes = Vec::with_capacity(16);
        let (order, magic) = if header.little {
            (*b"II", 1u8)
        } else {
            (*b"MM", 0u8)
        };
        bytes.extend_from_slice(&order);
        let put16 = |v: u16| {
            if magic == 1 {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        if header.big {
            bytes.extend_from_slice(&put16(43));
            bytes.extend_from_slice(&put16(8));
            bytes.extend_from_slice(&put16(0));
            bytes.extend_from_slice(&if header.little {
                first.to_le_bytes()
            } else {
                first.to_be_bytes()
            });
        } else {
            bytes.extend_from_slice(&put16(42));
            let first = first as u32;
            bytes.extend_from_slice(&if header.little {
                first.to_le_bytes()
            } else {
                first.to_be_bytes()
            });
        }
        Self {
            inner,
            header: bytes,
            pos: 0,
        }
    }
}

impl<R: Read + Seek> Read for Redirect<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let hl = self.header.len() as u64;
        if self.pos < hl {
            let n = ((hl - self.pos) as usize).min(buf.len());
            buf[..n].copy_from_slice(&self.header[self.pos as usize..self.pos as usize + n]);
            self.pos += n as u64;
            return Ok(n);
        }
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read + Seek> Seek for Redirect<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let at = self.inner.seek(to)?;
        self.pos = at;
        Ok(at)
    }
}

/// The image to show of a TIFF: the first page, or a reduced version of it
/// the file carries that is at least `long_edge` on its long side, reduced
/// to about `long_edge`. `Ok(None)` when the layout is one for the `image`
/// crate.
pub fn decode_reduced<R: BufRead + Seek>(
    reader: &mut R,
    long_edge: u32,
) -> Result<Option<DynamicImage>, ThumbnailError> {
    let mut tiff = TiffReader::new(&mut *reader).map_err(decode_error)?;
    let header = tiff.header;
    let chain = tiff.chain(64).map_err(decode_error)?;
    let Some(main) = chain.first().cloned() else {
        return Err(decode_error("the TIFF has no image directory"));
    };
    let Some(main_layout) = layout_of(&mut tiff, &main)? else {
        return Ok(None);
    };
    let icc_of = |tiff: &mut TiffReader<'_, R>, d: &Directory| {
        d.get(tags::ICC_PROFILE)
            .copied()
            .and_then(|e| tiff.value(&e, MAX_ICC_BYTES).ok().flatten())
    };
    let icc = icc_of(&mut tiff, &main);
    // Reduced versions: later pages marked as reduced, and sub-images.
    let mut reduced: Vec<Directory> = chain
        .iter()
        .skip(1)
        .filter(|d| tiff.number(d, tags::NEW_SUBFILE_TYPE).unwrap_or(0) & 1 == 1)
        .cloned()
        .collect();
    reduced.extend(tiff.sub_directories(&main, 64));
    let aspect = main_layout.width as f64 / main_layout.height as f64;
    let mut best: Option<(Directory, Layout)> = None;
    for d in reduced {
        let Ok(Some(l)) = layout_of(&mut tiff, &d) else {
            continue;
        };
        let fits = l.width.max(l.height) >= long_edge
            && l.width < main_layout.width
            && ((l.width as f64 / l.height as f64) / aspect - 1.0).abs() < 0.02
            && l.colours == main_layout.colours;
        if fits && best.as_ref().is_none_or(|(_, b)| l.width < b.width) {
            best = Some((d, l));
        }
    }
    let (dir, layout) = best.unwrap_or((main, main_layout));
    decode_directory(reader, header, &dir, layout, long_edge, icc)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use tiff::encoder::{Compression, DeflateLevel, Predictor, TiffEncoder, colortype};

    use super::*;

    /// A gradient with detail in every row, so that differencing matters.
    fn sample(x: u32, y: u32, c: u32) -> u32 {
        (x * 7 + y * 13 + c * 101 + (x * y) % 97) % 65536
    }

    fn encode<C: colortype::ColorType>(
        w: u32,
        h: u32,
        predictor: Predictor,
        data: &[C::Inner],
    ) -> Vec<u8>
    where
        [C::Inner]: tiff::encoder::TiffValue,
    {
        let mut out = Cursor::new(Vec::new());
        TiffEncoder::new(&mut out)
            .unwrap()
            .with_compression(Compression::Deflate(DeflateLevel::Fast))
            .with_predictor(predictor)
            .write_image::<C>(w, h, data)
            .unwrap();
        out.into_inner()
    }

    /// Decodes at full size (no reduction) through the deflate path.
    fn decode(file: &[u8], w: u32) -> DynamicImage {
        decode_reduced(&mut Cursor::new(file), w)
            .unwrap()
            .expect("decoded here, not by the image crate")
    }

    #[test]
    fn deflate_with_and_without_differencing_gives_every_sample() {
        let (w, h) = (301, 77);
        for predictor in [Predictor::None, Predictor::Horizontal] {
            let rgb8: Vec<u8> = (0..h)
                .flat_map(|y| (0..w).flat_map(move |x| (0..3).map(move |c| sample(x, y, c) as u8)))
                .collect();
            let got = decode(&encode::<colortype::RGB8>(w, h, predictor, &rgb8), w);
            assert_eq!(got.to_rgb8().into_raw(), rgb8, "RGB8 {predictor:?}");

            let rgb16: Vec<u16> = (0..h)
                .flat_map(|y| {
                    (0..w).flat_map(move |x| (0..3).map(move |c| (sample(x, y, c) * 251) as u16))
                })
                .collect();
            let got = decode(&encode::<colortype::RGB16>(w, h, predictor, &rgb16), w);
            let high: Vec<u8> = rgb16.iter().map(|&v| (v >> 8) as u8).collect();
            assert_eq!(got.to_rgb8().into_raw(), high, "RGB16 {predictor:?}");

            let grey16: Vec<u16> = (0..h)
                .flat_map(|y| (0..w).map(move |x| (sample(x, y, 0) * 199) as u16))
                .collect();
            let got = decode(&encode::<colortype::Gray16>(w, h, predictor, &grey16), w);
            let high: Vec<u8> = grey16.iter().map(|&v| (v >> 8) as u8).collect();
            assert_eq!(got.to_luma8().into_raw(), high, "Gray16 {predictor:?}");
        }
    }

    #[test]
    fn a_damaged_deflate_strip_is_an_error_not_a_picture() {
        let (w, h) = (64, 64);
        let grey: Vec<u8> = (0..w * h).map(|i| (i * 31 % 251) as u8).collect();
        let mut file = encode::<colortype::Gray8>(w, h, Predictor::Horizontal, &grey);
        // The strips follow the 8-byte header; scribble over their start.
        for b in &mut file[8..40] {
            *b ^= 0x5a;
        }
        let got = decode_reduced(&mut Cursor::new(&file), w);
        assert!(matches!(got, Err(ThumbnailError::Decode(_))), "{got:?}");
    }

    /// A little-endian TIFF of one strip that declares `w` x `h` 8-bit grey
    /// pixels and holds none of them.
    fn declaring(w: u32, h: u32, compression: u16) -> Vec<u8> {
        let entries: [(u16, u16, u32); 8] = [
            (256, 4, w),
            (257, 4, h),
            (258, 3, 8),
            (259, 3, compression as u32),
            (262, 3, 1),
            (273, 4, 200),
            (277, 3, 1),
            (279, 4, 16),
        ];
        let mut f = b"II*\0".to_vec();
        f.extend(8u32.to_le_bytes());
        f.extend((entries.len() as u16).to_le_bytes());
        for (tag, kind, value) in entries {
            f.extend(tag.to_le_bytes());
            f.extend(kind.to_le_bytes());
            f.extend(1u32.to_le_bytes());
            f.extend(value.to_le_bytes());
        }
        f.extend(0u32.to_le_bytes());
        f.resize(216, 0);
        f
    }

    #[test]
    fn billions_of_declared_pixels_are_refused_before_anything_is_read() {
        let got = decode_reduced(&mut Cursor::new(declaring(60_000, 60_000, 8)), 512);
        match got {
            Err(e @ ThumbnailError::TooLarge { .. }) => {
                assert!(e.to_string().contains("60000x60000"), "{e}");
                assert!(e.to_string().contains("2000 megapixels"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        // A single strip past the chunk limit is refused, not allocated.
        let got = decode_reduced(&mut Cursor::new(declaring(40_000, 40_000, 8)), 512);
        assert!(
            matches!(&got, Err(ThumbnailError::Decode(why)) if why.contains("256 MB")),
            "{got:?}"
        );
    }
}
