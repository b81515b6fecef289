//! EXIF reading, on top of kamadak-exif.
//!
//! Turns the TIFF-structured EXIF block into the technical facts the
//! catalogue keeps (camera, exposure, capture date, GPS, orientation) and
//! into raw tags for the inspector.

use exif::{Context, Exif, Field, In, Rational, Tag, Value};

use super::warning::Warning;
use crate::date::exif_datetime;
use crate::photo::{Gps, RawTag, Technical};

/// Values longer than this are summarised in raw tags rather than shown.
const MAX_RAW_BINARY: usize = 64;

/// Why an EXIF block could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("EXIF could not be read: {0}")]
pub struct ExifError(String);

impl ExifError {
    /// What the EXIF reader said, in its words.
    pub fn detail(&self) -> &str {
        &self.0
    }
}

/// Parses an EXIF block (TIFF structure, without the `Exif\0\0` prefix).
/// Partly broken blocks give what could be read plus a warning.
pub fn parse(tiff: Vec<u8>) -> Result<(Exif, Option<Warning>), ExifError> {
    match exif::Reader::new().continue_on_error(true).read_raw(tiff) {
        Ok(exif) => Ok((exif, None)),
        Err(exif::Error::PartialResult(partial)) => {
            let (exif, errors) = partial.into_inner();
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            Ok((exif, Some(Warning::ExifPartlyDamaged { detail: first })))
        }
        Err(e) => Err(ExifError(e.to_string())),
    }
}

/// The technical facts in an EXIF block.
pub fn technical(exif: &Exif) -> Technical {
    let primary = |tag| exif.get_field(tag, In::PRIMARY);
    let text = |tag| primary(tag).and_then(ascii);
    let number = |tag| primary(tag).and_then(first_f64);
    Technical {
        width: None,
        height: None,
        pages: None,
        orientation: primary(Tag::Orientation)
            .and_then(|f| f.value.get_uint(0))
            .filter(|o| (1..=8).contains(o))
            .map(|o| o as u16),
        camera_make: text(Tag::Make),
        camera_model: text(Tag::Model),
        lens: text(Tag::LensModel),
        taken_at: text(Tag::DateTimeOriginal)
            .and_then(|d| exif_datetime(&d, text(Tag::OffsetTimeOriginal).as_deref())),
        digitized_at: text(Tag::DateTimeDigitized)
            .and_then(|d| exif_datetime(&d, text(Tag::OffsetTimeDigitized).as_deref())),
        exposure_time: number(Tag::ExposureTime),
        f_number: number(Tag::FNumber),
        iso: primary(Tag::PhotographicSensitivity)
            .and_then(|f| f.value.get_uint(0))
            .filter(|iso| *iso > 0),
        focal_length: number(Tag::FocalLength),
        gps: gps(exif),
    }
}

/// EXIF Artist and Copyright, the last resort for creators and copyright
/// notice when neither XMP nor IIM has them (MWG). Artist may hold several
/// names separated by `;`. Copyright may hold "photographer\0editor".
pub fn artist_and_copyright(exif: &Exif) -> (Vec<String>, Option<String>) {
    let artists = exif
        .get_field(Tag::Artist, In::PRIMARY)
        .and_then(ascii)
        .map(|a| {
            a.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let copyright = exif
        .get_field(Tag::Copyright, In::PRIMARY)
        .and_then(|f| match &f.value {
            Value::Ascii(parts) => parts
                .iter()
                .map(|p| decode_text(p).trim().to_owned())
                .find(|p| !p.is_empty()),
            _ => None,
        });
    (artists, copyright)
}

/// Pixel dimensions of the main image of a TIFF file, from IFD0.
pub fn tiff_dimensions(exif: &Exif) -> Option<(u32, u32)> {
    let w = exif
        .get_field(Tag::ImageWidth, In::PRIMARY)?
        .value
        .get_uint(0)?;
    let h = exif
        .get_field(Tag::ImageLength, In::PRIMARY)?
        .value
        .get_uint(0)?;
    Some((w, h))
}

/// The raw bytes of a TIFF tag of type BYTE, UNDEFINED or LONG (XMP, IPTC
/// and Photoshop resources are stored as any of these).
pub fn tag_bytes(exif: &Exif, number: u16) -> Option<Vec<u8>> {
    let field = exif.get_field(Tag(Context::Tiff, number), In::PRIMARY)?;
    match &field.value {
        Value::Byte(b) | Value::Undefined(b, _) => Some(b.clone()),
        Value::Long(words) => Some(
            words
                .iter()
                .flat_map(|w| {
                    if exif.little_endian() {
                        w.to_le_bytes()
                    } else {
                        w.to_be_bytes()
                    }
                })
                .collect(),
        ),
        Value::Ascii(parts) => Some(parts.concat()),
        _ => None,
    }
}

fn gps(exif: &Exif) -> Option<Gps> {
    let field = |tag| exif.get_field(tag, In::PRIMARY);
    let coordinate = |value_tag, ref_tag, negative: u8| -> Option<f64> {
        let dms = match &field(value_tag)?.value {
            Value::Rational(r) if !r.is_empty() => r.clone(),
            _ => return None,
        };
        let part = |r: Option<&Rational>| r.filter(|r| r.denom != 0).map_or(0.0, Rational::to_f64);
        if dms[0].denom == 0 {
            return None;
        }
        let degrees = part(dms.first()) + part(dms.get(1)) / 60.0 + part(dms.get(2)) / 3600.0;
        let sign = match field(ref_tag).map(|f| &f.value) {
            Some(Value::Ascii(r)) if r.first().and_then(|s| s.first()) == Some(&negative) => -1.0,
            _ => 1.0,
        };
        Some(sign * degrees).filter(|d| d.is_finite())
    };
    let lat = coordinate(Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S')?;
    let lon = coordinate(Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W')?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let alt = field(Tag::GPSAltitude).and_then(first_f64).map(|a| {
        let below = field(Tag::GPSAltitudeRef).and_then(|f| f.value.get_uint(0)) == Some(1);
        if below { -a } else { a }
    });
    Some(Gps { lat, lon, alt })
}

fn ascii(field: &Field) -> Option<String> {
    match &field.value {
        Value::Ascii(parts) => parts
            .first()
            .map(|p| decode_text(p).trim().to_owned())
            .filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// EXIF ASCII is meant to be 7-bit, but cameras and editors write UTF-8 or
/// Latin-1; take UTF-8 when it is valid, otherwise Latin-1.
fn decode_text(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let bytes = &bytes[..end];
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn first_f64(field: &Field) -> Option<f64> {
    let v = match &field.value {
        Value::Rational(r) => r.first().filter(|r| r.denom != 0).map(Rational::to_f64),
        Value::SRational(r) => r.first().filter(|r| r.denom != 0).map(|r| r.to_f64()),
        Value::Short(s) => s.first().map(|&v| v as f64),
        Value::Long(l) => l.first().map(|&v| v as f64),
        Value::Float(f) => f.first().map(|&v| v as f64),
        Value::Double(d) => d.first().copied(),
        _ => None,
    }?;
    v.is_finite().then_some(v)
}

/// Every EXIF field as a raw tag, grouped as exiftool groups them.
pub fn raw_tags(exif: &Exif) -> Vec<RawTag> {
    exif.fields()
        .filter(|f| !is_container_tag(f.tag))
        .map(|f| {
            let group = match (f.ifd_num, f.tag.context()) {
                (_, Context::Exif) => "EXIF ExifIFD".to_owned(),
                (_, Context::Gps) => "EXIF GPS".to_owned(),
                (_, Context::Interop) => "EXIF InteropIFD".to_owned(),
                (In(n), _) => format!("EXIF IFD{n}"),
            };
            let name = match f.tag.description() {
                Some(_) => f.tag.to_string(),
                None => format!("0x{:04X}", f.tag.number()),
            };
            RawTag::new(group, name, raw_value(exif, f))
        })
        .collect()
}

/// XMP, IPTC and Photoshop blocks inside a TIFF are read as their own
/// formats; listing their bytes among EXIF tags would only add noise.
fn is_container_tag(tag: Tag) -> bool {
    tag.context() == Context::Tiff && matches!(tag.number(), 700 | 33723 | 34377 | 34675)
}

fn raw_value(exif: &Exif, field: &Field) -> String {
    match &field.value {
        Value::Undefined(bytes, _) | Value::Byte(bytes) if bytes.len() > MAX_RAW_BINARY => {
            format!("({} bytes of binary data)", bytes.len())
        }
        Value::Ascii(parts) => parts
            .iter()
            .map(|p| decode_text(p))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Short(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::Long(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::SByte(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::SShort(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::SLong(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::Rational(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::SRational(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::Float(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        Value::Double(v) if v.len() > MAX_RAW_BINARY => format!("({} values)", v.len()),
        _ => field.display_value().with_unit(exif).to_string(),
    }
}
