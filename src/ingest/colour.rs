//! Colour management for previews: 8-bit samples in a file's ICC profile
//! turned into sRGB with qcms (Mozilla's colour management, pure Rust), so
//! an Adobe RGB or Gray Gamma 2.2 scan looks in its thumbnail as it does
//! in an editor. A profile qcms cannot read, or one that does not fit the
//! samples (an RGB profile on a grey image), is passed by: the samples are
//! shown as they are, as browsers do.

use qcms::{DataType, Intent, Profile, Transform};

/// ICC colour space signatures.
const RGB_SPACE: u32 = 0x5247_4220; // 'RGB '
const GRAY_SPACE: u32 = 0x4752_4159; // 'GRAY'
const CMYK_SPACE: u32 = 0x434D_594B; // 'CMYK'

/// The colour space an ICC profile declares (bytes 16..20 of its header).
fn space(icc: &[u8]) -> Option<u32> {
    let b = icc.get(16..20)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

fn transform(icc: &[u8], space_wanted: u32, from: DataType, to: DataType) -> Option<Transform> {
    if space(icc)? != space_wanted {
        return None;
    }
    let input = Profile::new_from_slice(icc, false)?;
    if input.is_sRGB() {
        return None;
    }
    let mut srgb = Profile::new_sRGB();
    srgb.precache_output_transform();
    Transform::new_to(&input, &srgb, from, to, Intent::Perceptual)
}

/// RGB samples in the profile's space to sRGB, in place.
pub fn rgb_to_srgb(pixels: &mut [u8], icc: Option<&[u8]>) {
    if let Some(t) = icc.and_then(|icc| transform(icc, RGB_SPACE, DataType::RGB8, DataType::RGB8)) {
        t.apply(pixels);
    }
}

/// Grey samples through a grey profile to sRGB; `None` without a profile
/// that fits (the grey image is shown as it is).
pub fn grey_to_srgb(pixels: &[u8], icc: Option<&[u8]>) -> Option<Vec<u8>> {
    let t = icc.and_then(|icc| transform(icc, GRAY_SPACE, DataType::Gray8, DataType::RGB8))?;
    let mut out = vec![0u8; pixels.len() * 3];
    t.convert(pixels, &mut out);
    Some(out)
}

/// CMYK samples to sRGB: through the profile when it is a CMYK one qcms
/// reads, else by the plain formula (no ink model; better than nothing).
pub fn cmyk_to_srgb(pixels: &[u8], icc: Option<&[u8]>) -> Vec<u8> {
    let mut out = vec![0u8; pixels.len() / 4 * 3];
    if let Some(t) = icc.and_then(|icc| transform(icc, CMYK_SPACE, DataType::CMYK, DataType::RGB8))
    {
        t.convert(&pixels[..pixels.len() / 4 * 4], &mut out);
        return out;
    }
    for (cmyk, rgb) in pixels.chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        let k = 255 - cmyk[3] as u32;
        for i in 0..3 {
            rgb[i] = ((255 - cmyk[i] as u32) * k / 255) as u8;
        }
    }
    out
}
