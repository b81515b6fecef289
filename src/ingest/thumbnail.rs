//! Thumbnails: 512 px on the long edge, orientation applied, stored as JPEG.
//!
//! JPEGs are decoded at a reduced scale (1/2 to 1/8) by jpeg-decoder, which
//! skips most of the inverse DCT work; a 6000x4000 photo decodes at 1/8 in
//! a quarter of the full-size time. Other formats go through `image` with
//! limits, so that a file declaring absurd dimensions is refused instead of
//! exhausting memory.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

use crate::photo::ImageFormat;

/// Long edge of a catalogue thumbnail, in pixels.
pub const THUMBNAIL_EDGE: u32 = 512;
/// Images with more pixels than this are not decoded (a decompression bomb,
/// or a scan beyond what a cataloguer should hold in memory).
pub const MAX_PIXELS: u64 = 200_000_000;
/// Memory one decode may take.
const MAX_ALLOC: u64 = 1 << 30;
const JPEG_QUALITY: u8 = 85;

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
    #[error("pixels could not be decoded: {0}")]
    Decode(String),
    /// A valid file using a feature the decoder does not support.
    #[error("unsupported for previews: {0}")]
    Unsupported(String),
    #[error("thumbnail could not be encoded: {0}")]
    Encode(String),
}

fn check_size(width: u64, height: u64) -> Result<(), ThumbnailError> {
    if width * height > MAX_PIXELS {
        return Err(ThumbnailError::TooLarge {
            width,
            height,
            limit: MAX_PIXELS / 1_000_000,
        });
    }
    Ok(())
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
    let mut damage = None;
    let image = match format {
        // The scaled decoder is strict; when it gives up, the general one
        // (which tolerates damaged restart markers and the like) gets a go.
        ImageFormat::Jpeg => match decode_jpeg_scaled(bytes, long_edge) {
            Ok(Some(image)) => image,
            Ok(None) | Err(ThumbnailError::Unsupported(_)) => decode_with_image(format, bytes)?,
            Err(ThumbnailError::Decode(strict)) => {
                let image = decode_with_image(format, bytes)?;
                damage = Some(format!(
                    "image data is damaged ({strict}); the preview shows what could be decoded"
                ));
                image
            }
            Err(e) => return Err(e),
        },
        _ => decode_with_image(format, bytes)?,
    };
    let mut image = if image.width().max(image.height()) > long_edge {
        image.thumbnail(long_edge, long_edge)
    } else {
        image
    };
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
    let decoded = decode_scaled(format, bytes, THUMBNAIL_EDGE, orientation)?;
    Ok((encode(&decoded.image)?, decoded.damage))
}

/// Encodes an image as a thumbnail JPEG (alpha flattened onto white).
pub fn encode(image: &DynamicImage) -> Result<Thumbnail, ThumbnailError> {
    let rgb = flatten(image);
    let mut jpeg = Vec::with_capacity(64 * 1024);
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| ThumbnailError::Encode(e.to_string()))?;
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

/// Scaled JPEG decode. `Ok(None)` means "this pixel format is better left
/// to the general decoder" (CMYK, 16-bit).
fn decode_jpeg_scaled(
    bytes: &[u8],
    long_edge: u32,
) -> Result<Option<DynamicImage>, ThumbnailError> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.read_info().map_err(jpeg_error)?;
    let info = decoder
        .info()
        .ok_or_else(|| ThumbnailError::Decode("JPEG has no frame header".into()))?;
    check_size(info.width as u64, info.height as u64)?;
    if !matches!(
        info.pixel_format,
        jpeg_decoder::PixelFormat::RGB24 | jpeg_decoder::PixelFormat::L8
    ) {
        return Ok(None);
    }
    let edge = long_edge.min(u16::MAX as u32) as u16;
    let (w, h) = decoder.scale(edge, edge).map_err(jpeg_error)?;
    decoder.set_max_decoding_buffer_size(MAX_ALLOC as usize);
    let pixels = decoder.decode().map_err(jpeg_error)?;
    let (w, h) = (w as u32, h as u32);
    let image = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => {
            image::RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
        }
        _ => image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8),
    };
    image
        .map(Some)
        .ok_or_else(|| ThumbnailError::Decode("JPEG decoder returned a short buffer".into()))
}

fn image_error(e: image::ImageError) -> ThumbnailError {
    match e {
        image::ImageError::Unsupported(u) => ThumbnailError::Unsupported(u.to_string()),
        other => ThumbnailError::Decode(other.to_string()),
    }
}

fn jpeg_error(e: jpeg_decoder::Error) -> ThumbnailError {
    match e {
        jpeg_decoder::Error::Unsupported(u) => ThumbnailError::Unsupported(format!("JPEG {u:?}")),
        other => ThumbnailError::Decode(other.to_string()),
    }
}

fn decode_with_image(format: ImageFormat, bytes: &[u8]) -> Result<DynamicImage, ThumbnailError> {
    let format = match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Tiff => image::ImageFormat::Tiff,
        ImageFormat::Png => image::ImageFormat::Png,
    };
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
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
