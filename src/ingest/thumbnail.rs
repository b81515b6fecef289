//! Thumbnails: 512 px on the long edge, orientation applied, stored as JPEG.
//!
//! JPEGs are decoded at a reduced scale (1/8 to 8/8) by libjpeg (see
//! [`super::jpeg`]), which skips most of the inverse DCT work; a 6000x4000
//! photo decodes at 1/8 in a sixth of the full-size time. Other formats, and
//! JPEGs libjpeg cannot take, go through `image` with limits, so that a file
//! declaring absurd dimensions is refused instead of exhausting memory.
//! Resizing is fast_image_resize's SIMD convolution.

use std::io::{BufRead, Cursor, Seek, SeekFrom};

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, GrayImage, ImageDecoder, ImageReader, Limits, RgbImage};

use super::container::ContainerError;
use super::fault::Fault;
use super::jpeg::{self, JpegError};
use super::warning::Warning;
use crate::photo::ImageFormat;

/// Long edge of a catalogue thumbnail, in pixels.
pub const THUMBNAIL_EDGE: u32 = 512;
/// Images with more pixels than this are not decoded (a decompression bomb,
/// or a scan beyond what a cataloguer should hold in memory).
pub const MAX_PIXELS: u64 = 200_000_000;
/// Memory one decode may take.
pub const MAX_ALLOC: u64 = 1 << 30;
const JPEG_QUALITY: f32 = 82.0;

/// An encoded thumbnail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
}

/// Why pixels could not be turned into a thumbnail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThumbnailError {
    #[error("declares {width}x{height} pixels, more than the {limit} megapixels Kartoteka decodes")]
    TooLarge { width: u64, height: u64, limit: u64 },
    #[error(
        "is a progressive JPEG of more than {} scans, which Kartoteka does not decode (real ones have about ten)",
        crate::limits::MAX_JPEG_SCANS
    )]
    TooManyScans,
    #[error("pixels could not be decoded: {0}")]
    Decode(String),
    /// A valid file using a feature the decoder does not support.
    #[error("unsupported for previews: {0}")]
    Unsupported(Unsupported),
    /// A file whose pixels Kartoteka does not decode itself (camera raw,
    /// HEIF) and whose preview could not be had; everything else in it is
    /// catalogued.
    #[error("no preview: {0}")]
    NoPreview(NoPreview),
    #[error("thumbnail could not be encoded: {0}")]
    Encode(String),
}

/// A picture in a variant no decoder here takes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case", tag = "unsupported")]
pub enum Unsupported {
    /// What the `image` crate's decoder said it does not support.
    #[error("{detail}")]
    Decoder { detail: String },
    #[error("{format} is not decoded here")]
    NotDecodedHere { format: String },
    #[error("JPEG-compressed TIFF of this layout")]
    JpegTiffLayout,
}

/// Why a file whose pixels Kartoteka does not decode itself (camera raw,
/// HEIF) has no preview.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case", tag = "why")]
pub enum NoPreview {
    #[error("the file's structure is damaged ({fault})")]
    Broken { fault: Fault },
    /// The structure could not be read (or, in catalogues written before
    /// faults were values, was damaged): the words said then.
    #[error("the file's structure is damaged ({detail})")]
    StructureDamaged { detail: String },
    #[error("the file embeds no JPEG preview")]
    NoneEmbedded,
    /// The embedded preview's bytes could not be reached.
    #[error("{detail}")]
    Unreachable { detail: String },
    #[error("the embedded {width}x{height} JPEG preview could not be decoded ({detail})")]
    NotDecoded {
        width: u32,
        height: u32,
        detail: String,
    },
    #[error("HEIF files over {} are not decoded", crate::limits::describe_bytes(*limit))]
    HeifTooLarge { limit: u64 },
    #[error("HEVC decoding unavailable ({detail})")]
    HevcUnavailable { detail: String },
    #[error("HEVC decoding failed ({detail})")]
    HevcFailed { detail: String },
    #[error("the HEVC decoder returned too few pixels")]
    HevcTooFewPixels,
}

/// Why a raw file's embedded preview could not be reached: the fault
/// Kartoteka's reader found, or what reading said, as `unread` puts it.
fn no_preview(e: ContainerError, unread: fn(String) -> NoPreview) -> ThumbnailError {
    ThumbnailError::NoPreview(match e {
        ContainerError::Broken(fault) => NoPreview::Broken { fault },
        ContainerError::Io(_) => unread(e.to_string()),
    })
}

fn too_large(width: u64, height: u64) -> ThumbnailError {
    ThumbnailError::TooLarge {
        width,
        height,
        limit: MAX_PIXELS / 1_000_000,
    }
}

fn check_size(width: u64, height: u64) -> Result<(), ThumbnailError> {
    if width * height > MAX_PIXELS {
        return Err(too_large(width, height));
    }
    Ok(())
}

/// Scales an image down so its long edge is `long_edge` (never up).
fn shrink(image: DynamicImage, long_edge: u32) -> Result<DynamicImage, ThumbnailError> {
    let (w, h) = (image.width(), image.height());
    if w.max(h) <= long_edge {
        return Ok(image);
    }
    let scale = long_edge as f64 / w.max(h) as f64;
    let (nw, nh) = (
        ((w as f64 * scale).round() as u32).max(1),
        ((h as f64 * scale).round() as u32).max(1),
    );
    // 8-bit RGB or grey is what the decoders give for photographs; other
    // layouts (16-bit, alpha) are converted first.
    let image = match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgba8(_) => {
            image
        }
        other if other.color().has_alpha() => DynamicImage::ImageRgba8(other.to_rgba8()),
        other => DynamicImage::ImageRgb8(other.to_rgb8()),
    };
    let mut resized = DynamicImage::new(nw, nh, image.color());
    Resizer::new()
        .resize(
            &image,
            &mut resized,
            &ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::CatmullRom)),
        )
        .map_err(|e| ThumbnailError::Encode(format!("resize failed: {e}")))?;
    Ok(resized)
}

/// An image decoded for display, and a note when its data was damaged but
/// part of it could still be shown.
pub struct Decoded {
    pub image: DynamicImage,
    pub damage: Option<Warning>,
}

/// Decodes the image at (roughly) `long_edge` and applies orientation.
/// This is what both the catalogue thumbnail and the desktop app's preview
/// loading use.
pub fn decode_scaled(
    format: ImageFormat,
    bytes: &[u8],
    long_edge: u32,
    orientation: Option<u16>,
) -> Result<Decoded, ThumbnailError> {
    decode_scaled_from(format, Cursor::new(bytes), long_edge, orientation)
}

/// [`decode_scaled`] from a reader (an open file), read as the decoder goes.
pub fn decode_scaled_from<R: BufRead + Seek>(
    format: ImageFormat,
    mut reader: R,
    long_edge: u32,
    orientation: Option<u16>,
) -> Result<Decoded, ThumbnailError> {
    let mut damage = None;
    let rewind = |r: &mut R| {
        r.seek(SeekFrom::Start(0))
            .map_err(|e| ThumbnailError::Decode(e.to_string()))
    };
    // Decoders that turn the image as the file says themselves (JPEG XL's
    // codestream orientation, HEIF's rotation and mirror properties) take
    // no EXIF orientation on top.
    let mut orientation = orientation;
    let image = match format {
        ImageFormat::Jpeg => {
            let (image, note) = decode_jpeg(&mut reader, long_edge)?;
            damage = note;
            image
        }
        ImageFormat::Raw(kind) => {
            let preview = super::raw::largest_preview(kind, &mut reader)
                .map_err(|e| no_preview(e, |detail| NoPreview::StructureDamaged { detail }))?
                .ok_or(ThumbnailError::NoPreview(NoPreview::NoneEmbedded))?;
            let window = super::container::Window::new(&mut reader, preview.offset, preview.len)
                .map_err(|e| no_preview(e, |detail| NoPreview::Unreachable { detail }))?;
            let mut window = std::io::BufReader::with_capacity(64 << 10, window);
            let (image, note) = decode_jpeg(&mut window, long_edge).map_err(|e| {
                ThumbnailError::NoPreview(NoPreview::NotDecoded {
                    width: preview.width,
                    height: preview.height,
                    detail: e.to_string(),
                })
            })?;
            damage = note;
            image
        }
        ImageFormat::Heif => {
            orientation = None;
            decode_heif(&mut reader)?
        }
        ImageFormat::Jxl => {
            orientation = None;
            decode_jxl(&mut reader, long_edge)?
        }
        ImageFormat::Tiff => {
            rewind(&mut reader)?;
            match super::tiff_pixels::decode_reduced(&mut reader, long_edge)? {
                Some(image) => image,
                None => {
                    rewind(&mut reader)?;
                    decode_with_image(format, &mut reader)?
                }
            }
        }
        ImageFormat::Png => {
            rewind(&mut reader)?;
            match decode_with_image(format, &mut reader) {
                Ok(image) => image,
                // A PNG cut short shows the rows it has.
                Err(ThumbnailError::Decode(why)) => {
                    rewind(&mut reader)?;
                    let (image, rows, height) = decode_png_rows(&mut reader)
                        .ok_or_else(|| ThumbnailError::Decode(why.clone()))?;
                    damage = Some(Warning::PixelsCutShort {
                        detail: why,
                        rows,
                        height,
                    });
                    image
                }
                Err(e) => return Err(e),
            }
        }
        ImageFormat::WebP => {
            rewind(&mut reader)?;
            decode_with_image(format, &mut reader)?
        }
    };
    let mut image = shrink(image, long_edge)?;
    if let Some(o) = orientation.and_then(|o| image::metadata::Orientation::from_exif(o as u8)) {
        image.apply_orientation(o);
    }
    Ok(Decoded { image, damage })
}

/// Makes the catalogue thumbnail of an image file's bytes, with a note when
/// the image data was damaged.
pub fn make(
    format: ImageFormat,
    bytes: &[u8],
    orientation: Option<u16>,
) -> Result<(Thumbnail, Option<Warning>), ThumbnailError> {
    make_from(format, Cursor::new(bytes), orientation)
}

/// [`make`] from a reader (an open file).
pub fn make_from<R: BufRead + Seek>(
    format: ImageFormat,
    reader: R,
    orientation: Option<u16>,
) -> Result<(Thumbnail, Option<Warning>), ThumbnailError> {
    let decoded = decode_scaled_from(format, reader, THUMBNAIL_EDGE, orientation)?;
    Ok((encode(&decoded.image)?, decoded.damage))
}

/// Encodes an image as a thumbnail JPEG (alpha flattened onto white).
pub fn encode(image: &DynamicImage) -> Result<Thumbnail, ThumbnailError> {
    let rgb = flatten(image);
    let jpeg = jpeg::encode(&rgb, JPEG_QUALITY).map_err(ThumbnailError::Encode)?;
    Ok(Thumbnail {
        width: rgb.width(),
        height: rgb.height(),
        jpeg,
    })
}

fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

fn image_error(e: image::ImageError) -> ThumbnailError {
    match e {
        image::ImageError::Unsupported(u) => ThumbnailError::Unsupported(Unsupported::Decoder {
            detail: u.to_string(),
        }),
        other => ThumbnailError::Decode(other.to_string()),
    }
}

/// A JPEG through libjpeg at reduced scale; what libjpeg cannot take
/// (CMYK, arithmetic coding) through `image`. Returns a note when the data
/// was damaged but part of it decoded.
fn decode_jpeg<R: BufRead + Seek>(
    reader: &mut R,
    long_edge: u32,
) -> Result<(DynamicImage, Option<Warning>), ThumbnailError> {
    let rewind = |r: &mut R| {
        r.seek(SeekFrom::Start(0))
            .map_err(|e| ThumbnailError::Decode(e.to_string()))
    };
    // libjpeg goes on through damaged data with a warning.
    match jpeg::decode_scaled_from(&mut *reader, long_edge, MAX_PIXELS) {
        Ok(scaled) => {
            let damage = (!scaled.warnings.is_empty()).then(|| Warning::PixelsDamaged {
                detail: scaled.warnings.join("; "),
            });
            Ok((scaled.image, damage))
        }
        Err(JpegError::TooLarge { width, height }) => Err(too_large(width as u64, height as u64)),
        // Never handed to a second decoder, which would take as long.
        Err(JpegError::TooManyScans) => Err(ThumbnailError::TooManyScans),
        Err(JpegError::Unsupported(_)) => {
            rewind(reader)?;
            Ok((decode_with_image(ImageFormat::Jpeg, reader)?, None))
        }
        Err(JpegError::Damaged(why)) => {
            rewind(reader)?;
            let image = decode_with_image(ImageFormat::Jpeg, reader)
                .map_err(|_| ThumbnailError::Decode(why.clone()))?;
            Ok((image, Some(Warning::PixelsDamaged { detail: why })))
        }
    }
}

/// HEIF files as large as this are decoded; the HEVC decoder reads the
/// whole file (a phone's photo is a few megabytes).
const MAX_HEIF_BYTES: u64 = 256 << 20;

/// HEIF through heic-rs (pure Rust, MIT OR Apache-2.0): the primary image,
/// turned and mirrored as the file says.
fn decode_heif<R: BufRead + Seek>(reader: &mut R) -> Result<DynamicImage, ThumbnailError> {
    use std::io::Read;
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| ThumbnailError::Decode(e.to_string()))?;
    let mut bytes = Vec::new();
    reader
        .take(MAX_HEIF_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ThumbnailError::Decode(e.to_string()))?;
    if bytes.len() as u64 > MAX_HEIF_BYTES {
        return Err(ThumbnailError::NoPreview(NoPreview::HeifTooLarge {
            limit: MAX_HEIF_BYTES,
        }));
    }
    let info = heic_rs::probe(&bytes).map_err(|e| {
        ThumbnailError::NoPreview(NoPreview::HevcUnavailable {
            detail: e.to_string(),
        })
    })?;
    check_size(info.width as u64, info.height as u64)?;
    let options = heic_rs::DecodeOptions::default()
        .with_layout(heic_rs::PixelLayout::Rgb8)
        .with_max_pixels(Some(MAX_PIXELS))
        .with_threads(Some(1));
    let decoded = heic_rs::decode(&bytes, &options).map_err(|e| {
        ThumbnailError::NoPreview(NoPreview::HevcFailed {
            detail: e.to_string(),
        })
    })?;
    RgbImage::from_raw(decoded.width, decoded.height, decoded.data)
        .map(DynamicImage::ImageRgb8)
        .ok_or(ThumbnailError::NoPreview(NoPreview::HevcTooFewPixels))
}

/// Memory one JPEG XL decode may take (jxl-oxide keeps the whole frame in
/// 32-bit floats while it renders).
const MAX_JXL_ALLOC: usize = 1 << 30;

/// JPEG XL: a losslessly recompressed JPEG is turned back into that JPEG
/// and decoded at reduced scale by libjpeg; any other JPEG XL is rendered
/// by jxl-oxide. Either way, turned as the codestream says.
fn decode_jxl<R: BufRead + Seek>(
    reader: &mut R,
    long_edge: u32,
) -> Result<DynamicImage, ThumbnailError> {
    use jxl_oxide::{JpegReconstructionStatus, JxlImage};
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| ThumbnailError::Decode(e.to_string()))?;
    fn decode_error(e: impl std::fmt::Display) -> ThumbnailError {
        ThumbnailError::Decode(format!("JPEG XL: {e}"))
    }
    let codestream = super::metadata::jxl_codestream(&mut *reader)
        .map_err(|e| ThumbnailError::Decode(format!("JPEG XL: {e}")))?;
    let image = JxlImage::builder()
        .alloc_tracker(jxl_oxide::AllocTracker::with_limit(MAX_JXL_ALLOC))
        .read(codestream)
        .map_err(decode_error)?;
    let header = image.image_header();
    check_size(header.size.width as u64, header.size.height as u64)?;
    let orientation = header.metadata.orientation;
    if matches!(
        image.jpeg_reconstruction_status(),
        JpegReconstructionStatus::Available
    ) {
        let mut jpeg_bytes = Vec::new();
        if image.reconstruct_jpeg(&mut jpeg_bytes).is_ok() {
            let mut cursor = Cursor::new(jpeg_bytes);
            if let Ok((mut decoded, _)) = decode_jpeg(&mut cursor, long_edge) {
                if let Some(o) = image::metadata::Orientation::from_exif(orientation as u8) {
                    decoded.apply_orientation(o);
                }
                return Ok(decoded);
            }
        }
    }
    let render = image.render_frame(0).map_err(decode_error)?;
    let frame = render.image_all_channels();
    let (w, h, channels) = (frame.width(), frame.height(), frame.channels());
    let samples = frame.buf();
    let to8 = |v: f32| (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    let pixels: Vec<u8> = match channels {
        1 | 2 => samples.chunks_exact(channels).map(|p| to8(p[0])).collect(),
        _ => samples
            .chunks_exact(channels)
            .flat_map(|p| [to8(p[0]), to8(p[1]), to8(p[2])])
            .collect(),
    };
    let image = if channels <= 2 {
        GrayImage::from_raw(w as u32, h as u32, pixels).map(DynamicImage::ImageLuma8)
    } else {
        RgbImage::from_raw(w as u32, h as u32, pixels).map(DynamicImage::ImageRgb8)
    };
    image.ok_or_else(|| ThumbnailError::Decode("JPEG XL: too few pixels rendered".into()))
}

/// The rows of a PNG that decode, row by row, until its data ends or
/// breaks; the missing rows are left white. `None` when not even the
/// first row decodes, or the PNG is interlaced (its passes spread each
/// row over the whole picture). Returns the image, rows decoded, height.
fn decode_png_rows<R: BufRead + Seek>(reader: R) -> Option<(DynamicImage, u32, u32)> {
    let mut decoder = png::Decoder::new(reader);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut png = decoder.read_info().ok()?;
    let info = png.info();
    if info.interlaced {
        return None;
    }
    let (w, h) = (info.width, info.height);
    check_size(w as u64, h as u64).ok()?;
    let (color, _) = png.output_color_type();
    let channels = color.samples();
    let mut pixels = vec![255u8; w as usize * h as usize * channels];
    let mut rows = 0u32;
    let stride = w as usize * channels;
    while let Ok(Some(row)) = png.next_row() {
        let data = row.data();
        let at = rows as usize * stride;
        if data.len() < stride || at + stride > pixels.len() {
            break;
        }
        pixels[at..at + stride].copy_from_slice(&data[..stride]);
        rows += 1;
    }
    if rows == 0 {
        return None;
    }
    let image = match color {
        png::ColorType::Grayscale => {
            GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8)
        }
        png::ColorType::GrayscaleAlpha => {
            image::GrayAlphaImage::from_raw(w, h, pixels).map(DynamicImage::ImageLumaA8)
        }
        png::ColorType::Rgb => RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8),
        png::ColorType::Rgba => {
            image::RgbaImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgba8)
        }
        png::ColorType::Indexed => None,
    }?;
    Some((image, rows, h))
}

fn decode_with_image<R: BufRead + Seek>(
    format: ImageFormat,
    reader: R,
) -> Result<DynamicImage, ThumbnailError> {
    let format = match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Tiff => image::ImageFormat::Tiff,
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::WebP => image::ImageFormat::WebP,
        other => {
            return Err(ThumbnailError::Unsupported(Unsupported::NotDecodedHere {
                format: other.display_name().to_string(),
            }));
        }
    };
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(reader, format);
    reader.limits(limits);
    let decoder = reader.into_decoder().map_err(image_error)?;
    let (w, h) = decoder.dimensions();
    check_size(w as u64, h as u64)?;
    DynamicImage::from_decoder(decoder).map_err(image_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_of(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&img)
            .unwrap();
        out
    }

    #[test]
    fn long_edge_is_512_and_orientation_turns_it() {
        let bytes = jpeg_of(2400, 1600);
        let (t, damage) = make(ImageFormat::Jpeg, &bytes, Some(1)).unwrap();
        assert_eq!((t.width, t.height), (512, 341));
        assert_eq!(damage, None);
        // Orientation 6: rotate 90° clockwise, so the thumbnail stands up.
        let (t, _) = make(ImageFormat::Jpeg, &bytes, Some(6)).unwrap();
        assert_eq!((t.width, t.height), (341, 512));
    }

    #[test]
    fn small_images_are_not_enlarged() {
        let (t, _) = make(ImageFormat::Jpeg, &jpeg_of(81, 121), None).unwrap();
        assert_eq!((t.width, t.height), (81, 121));
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(make(ImageFormat::Jpeg, b"\xFF\xD8\xFF\xE0 not really", None).is_err());
        assert!(make(ImageFormat::Png, b"\x89PNG\r\n\x1a\n", None).is_err());
    }
}
