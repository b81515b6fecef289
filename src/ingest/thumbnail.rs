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
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

use super::jpeg::{self, JpegError};
use crate::photo::ImageFormat;

/// Long edge of a catalogue thumbnail, in pixels.
pub const THUMBNAIL_EDGE: u32 = 512;
/// Images with more pixels than this are not decoded (a decompression bomb,
/// or a scan beyond what a cataloguer should hold in memory).
pub const MAX_PIXELS: u64 = 200_000_000;
/// Memory one decode may take.
const MAX_ALLOC: u64 = 1 << 30;
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
    Unsupported(String),
    #[error("thumbnail could not be encoded: {0}")]
    Encode(String),
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
    pub damage: Option<String>,
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
    let image = match format {
        // libjpeg goes on through damaged data with a warning; what it
        // cannot read at all (CMYK, arithmetic coding) goes to `image`.
        ImageFormat::Jpeg => match jpeg::decode_scaled_from(&mut reader, long_edge, MAX_PIXELS) {
            Ok(scaled) => {
                if !scaled.warnings.is_empty() {
                    damage = Some(format!(
                        "image data is damaged ({}); the preview shows what could be decoded",
                        scaled.warnings.join("; ")
                    ));
                }
                scaled.image
            }
            Err(JpegError::TooLarge { width, height }) => {
                return Err(too_large(width as u64, height as u64));
            }
            // Never handed to a second decoder, which would take as long.
            Err(JpegError::TooManyScans) => return Err(ThumbnailError::TooManyScans),
            Err(JpegError::Unsupported(_)) => {
                rewind(&mut reader)?;
                decode_with_image(format, &mut reader)?
            }
            Err(JpegError::Damaged(why)) => {
                rewind(&mut reader)?;
                let image = decode_with_image(format, &mut reader)
                    .map_err(|_| ThumbnailError::Decode(why.clone()))?;
                damage = Some(format!(
                    "image data is damaged ({why}); the preview shows what could be decoded"
                ));
                image
            }
        },
        _ => {
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
) -> Result<(Thumbnail, Option<String>), ThumbnailError> {
    make_from(format, Cursor::new(bytes), orientation)
}

/// [`make`] from a reader (an open file).
pub fn make_from<R: BufRead + Seek>(
    format: ImageFormat,
    reader: R,
    orientation: Option<u16>,
) -> Result<(Thumbnail, Option<String>), ThumbnailError> {
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
        image::ImageError::Unsupported(u) => ThumbnailError::Unsupported(u.to_string()),
        other => ThumbnailError::Decode(other.to_string()),
    }
}

fn decode_with_image<R: BufRead + Seek>(
    format: ImageFormat,
    reader: R,
) -> Result<DynamicImage, ThumbnailError> {
    let format = match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Tiff => image::ImageFormat::Tiff,
        ImageFormat::Png => image::ImageFormat::Png,
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
