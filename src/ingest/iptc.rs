//! IPTC IIM (Information Interchange Model) reading.
//!
//! IIM is the older of the two caption formats: a flat list of datasets,
//! each `0x1C record dataset length value`. In JPEG it sits inside a
//! Photoshop image resource block (APP13, resource 0x0404); in TIFF it is
//! tag 33723 or inside the Photoshop resources of tag 34377.
//!
//! Text is UTF-8 when the envelope says so (dataset 1:90 = `ESC % G`);
//! otherwise it is tried as UTF-8 and, failing that, read as Latin-1, the
//! encoding most legacy IIM writers used.

use crate::photo::RawTag;

/// One IIM dataset, undecoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    pub record: u8,
    pub number: u8,
    pub data: Vec<u8>,
}

/// The datasets of one IIM block plus the character set it declares.
#[derive(Debug, Clone, Default)]
pub struct Iim {
    pub datasets: Vec<Dataset>,
    /// Dataset 1:90 says UTF-8.
    pub utf8: bool,
}

/// Why an IIM block could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IimError {
    #[error("IIM dataset header cut short at byte {0}")]
    HeaderCutShort(usize),
    #[error("IIM dataset {record}:{number} has a bad extended length")]
    BadExtendedLength { record: u8, number: u8 },
    #[error("IIM dataset {record}:{number} cut short")]
    LengthCutShort { record: u8, number: u8 },
    #[error("IIM dataset {record}:{number} says {len} bytes but the block ends first")]
    DataCutShort { record: u8, number: u8, len: usize },
}

/// `ESC % G`, the ISO 2022 escape that names UTF-8 in dataset 1:90.
const UTF8_MARKER: &[u8] = b"\x1b%G";
/// Photoshop image resource id of the IIM block.
const IPTC_RESOURCE: u16 = 0x0404;

impl Iim {
    /// Parses an IIM block. Stops at the first byte that is not a dataset
    /// marker, as other readers do; a truncated dataset is an error.
    pub fn parse(bytes: &[u8]) -> Result<Self, IimError> {
        let mut datasets = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != 0x1C {
                // Padding after the last dataset is common (NULs); anything
                // else ends the block too.
                break;
            }
            let header = bytes.get(i + 1..i + 5).ok_or(IimError::HeaderCutShort(i))?;
            let (record, number) = (header[0], header[1]);
            let mut len = u16::from_be_bytes([header[2], header[3]]) as usize;
            i += 5;
            if len & 0x8000 != 0 {
                // Extended dataset: the low 15 bits give the size of the length.
                let n = len & 0x7FFF;
                if n == 0 || n > 4 {
                    return Err(IimError::BadExtendedLength { record, number });
                }
                let raw = bytes
                    .get(i..i + n)
                    .ok_or(IimError::LengthCutShort { record, number })?;
                len = raw.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize);
                i += n;
            }
            let data = bytes
                .get(i..i.saturating_add(len))
                .ok_or(IimError::DataCutShort {
                    record,
                    number,
                    len,
                })?;
            datasets.push(Dataset {
                record,
                number,
                data: data.to_vec(),
            });
            i += len;
        }
        let utf8 = datasets
            .iter()
            .any(|d| d.record == 1 && d.number == 90 && d.data.starts_with(UTF8_MARKER));
        Ok(Self { datasets, utf8 })
    }

    /// Decodes a dataset's text by the block's character set rule.
    pub fn text(&self, data: &[u8]) -> String {
        let trimmed = trim_nul(data);
        if self.utf8 {
            return String::from_utf8_lossy(trimmed).into_owned();
        }
        match std::str::from_utf8(trimmed) {
            Ok(s) => s.to_owned(),
            // Latin-1 maps each byte to the code point of the same number.
            Err(_) => trimmed.iter().map(|&b| b as char).collect(),
        }
    }

    /// All values of application-record dataset `2:number`, decoded.
    pub fn values(&self, number: u8) -> Vec<String> {
        self.datasets
            .iter()
            .filter(|d| d.record == 2 && d.number == number)
            .map(|d| self.text(&d.data))
            .collect()
    }

    /// The first non-blank value of dataset `2:number`.
    pub fn value(&self, number: u8) -> Option<String> {
        self.values(number)
            .into_iter()
            .find(|v| !v.trim().is_empty())
    }

    /// Every dataset as a raw tag for the inspector.
    pub fn raw_tags(&self) -> Vec<RawTag> {
        self.datasets
            .iter()
            .map(|d| {
                let name = dataset_name(d.record, d.number)
                    .map_or_else(|| format!("{}:{}", d.record, d.number), str::to_owned);
                let value = match (d.record, d.number) {
                    (1, 90) => describe_charset(&d.data),
                    (_, 0) | (1, 0) if d.data.len() == 2 => {
                        u16::from_be_bytes([d.data[0], d.data[1]]).to_string()
                    }
                    _ if d
                        .data
                        .iter()
                        .any(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) =>
                    {
                        format!("({} bytes of binary data)", d.data.len())
                    }
                    _ => self.text(&d.data),
                };
                RawTag::new("IPTC", name, value)
            })
            .collect()
    }
}

fn trim_nul(data: &[u8]) -> &[u8] {
    let end = data.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
    &data[..end]
}

fn describe_charset(data: &[u8]) -> String {
    if data.starts_with(UTF8_MARKER) {
        "UTF-8".to_owned()
    } else {
        format!("{data:02X?}")
    }
}

/// Finds the IIM block inside Photoshop image resources ("8BIM" blocks),
/// as stored in JPEG APP13 (after the `Photoshop 3.0\0` header) and TIFF tag 34377.
pub fn iim_from_photoshop_resources(mut bytes: &[u8]) -> Option<&[u8]> {
    while bytes.len() >= 12 {
        let signature = &bytes[0..4];
        if !matches!(signature, b"8BIM" | b"PHUT" | b"AgHg" | b"DCSR" | b"MeSa") {
            return None;
        }
        let id = u16::from_be_bytes([bytes[4], bytes[5]]);
        // Pascal string name, padded so that length byte + name is even.
        let name_len = bytes[6] as usize;
        let name_total = (1 + name_len + 1) & !1;
        let size_at = 6 + name_total;
        let size_bytes = bytes.get(size_at..size_at + 4)?;
        let size = u32::from_be_bytes(size_bytes.try_into().ok()?) as usize;
        let data_at = size_at + 4;
        let data = bytes.get(data_at..data_at.checked_add(size)?)?;
        if id == IPTC_RESOURCE {
            return Some(data);
        }
        let next = data_at + size + (size & 1);
        bytes = bytes.get(next..)?;
    }
    None
}

/// Names for the datasets archivists meet, following the IIM 4.2 spec
/// (the same names exiftool prints).
fn dataset_name(record: u8, number: u8) -> Option<&'static str> {
    Some(match (record, number) {
        (1, 0) => "EnvelopeRecordVersion",
        (1, 5) => "Destination",
        (1, 20) => "FileFormat",
        (1, 22) => "FileVersion",
        (1, 30) => "ServiceIdentifier",
        (1, 40) => "EnvelopeNumber",
        (1, 50) => "ProductID",
        (1, 60) => "EnvelopePriority",
        (1, 70) => "DateSent",
        (1, 80) => "TimeSent",
        (1, 90) => "CodedCharacterSet",
        (1, 100) => "UniqueObjectName",
        (2, 0) => "ApplicationRecordVersion",
        (2, 3) => "ObjectTypeReference",
        (2, 4) => "ObjectAttributeReference",
        (2, 5) => "ObjectName",
        (2, 7) => "EditStatus",
        (2, 10) => "Urgency",
        (2, 12) => "SubjectReference",
        (2, 15) => "Category",
        (2, 20) => "SupplementalCategories",
        (2, 22) => "FixtureIdentifier",
        (2, 25) => "Keywords",
        (2, 26) => "ContentLocationCode",
        (2, 27) => "ContentLocationName",
        (2, 30) => "ReleaseDate",
        (2, 35) => "ReleaseTime",
        (2, 37) => "ExpirationDate",
        (2, 38) => "ExpirationTime",
        (2, 40) => "SpecialInstructions",
        (2, 42) => "ActionAdvised",
        (2, 45) => "ReferenceService",
        (2, 47) => "ReferenceDate",
        (2, 50) => "ReferenceNumber",
        (2, 55) => "DateCreated",
        (2, 60) => "TimeCreated",
        (2, 62) => "DigitalCreationDate",
        (2, 63) => "DigitalCreationTime",
        (2, 65) => "OriginatingProgram",
        (2, 70) => "ProgramVersion",
        (2, 75) => "ObjectCycle",
        (2, 80) => "By-line",
        (2, 85) => "By-lineTitle",
        (2, 90) => "City",
        (2, 92) => "Sub-location",
        (2, 95) => "Province-State",
        (2, 100) => "Country-PrimaryLocationCode",
        (2, 101) => "Country-PrimaryLocationName",
        (2, 103) => "OriginalTransmissionReference",
        (2, 105) => "Headline",
        (2, 110) => "Credit",
        (2, 115) => "Source",
        (2, 116) => "CopyrightNotice",
        (2, 118) => "Contact",
        (2, 120) => "Caption-Abstract",
        (2, 121) => "LocalCaption",
        (2, 122) => "Writer-Editor",
        (2, 130) => "ImageType",
        (2, 131) => "ImageOrientation",
        (2, 135) => "LanguageIdentifier",
        (2, 150) => "AudioType",
        _ => return None,
    })
}

/// Dataset numbers of the application record that Kartoteka maps to fields.
pub mod ds {
    pub const OBJECT_NAME: u8 = 5;
    pub const KEYWORDS: u8 = 25;
    pub const SPECIAL_INSTRUCTIONS: u8 = 40;
    pub const DATE_CREATED: u8 = 55;
    pub const TIME_CREATED: u8 = 60;
    pub const BYLINE: u8 = 80;
    pub const CITY: u8 = 90;
    pub const SUBLOCATION: u8 = 92;
    pub const PROVINCE_STATE: u8 = 95;
    pub const COUNTRY_CODE: u8 = 100;
    pub const COUNTRY: u8 = 101;
    pub const TRANSMISSION_REFERENCE: u8 = 103;
    pub const HEADLINE: u8 = 105;
    pub const CREDIT: u8 = 110;
    pub const SOURCE: u8 = 115;
    pub const COPYRIGHT: u8 = 116;
    pub const CAPTION: u8 = 120;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(record: u8, number: u8, data: &[u8]) -> Vec<u8> {
        let mut out = vec![0x1C, record, number];
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn utf8_marker_is_honoured() {
        let mut block = dataset(1, 90, UTF8_MARKER);
        block.extend(dataset(2, 80, "Dana Kyndrová".as_bytes()));
        let iim = Iim::parse(&block).unwrap();
        assert!(iim.utf8);
        assert_eq!(iim.value(ds::BYLINE).as_deref(), Some("Dana Kyndrová"));
    }

    #[test]
    fn unmarked_text_falls_back_to_latin1() {
        // "Kyndrová" in Latin-1: 0xE1 is á.
        let block = dataset(2, 80, b"Dana Kyndrov\xe1");
        let iim = Iim::parse(&block).unwrap();
        assert!(!iim.utf8);
        assert_eq!(iim.value(ds::BYLINE).as_deref(), Some("Dana Kyndrová"));
        // Unmarked but valid UTF-8 stays UTF-8.
        let block = dataset(2, 25, "Советская армия".as_bytes());
        let iim = Iim::parse(&block).unwrap();
        assert_eq!(iim.values(ds::KEYWORDS), ["Советская армия"]);
    }

    #[test]
    fn repeated_datasets_keep_their_order() {
        let mut block = dataset(2, 25, b"rest");
        block.extend(dataset(2, 25, b"matrace"));
        block.extend([0, 0, 0]);
        let iim = Iim::parse(&block).unwrap();
        assert_eq!(iim.values(ds::KEYWORDS), ["rest", "matrace"]);
    }

    #[test]
    fn truncated_block_is_an_error_not_a_panic() {
        let mut block = dataset(2, 120, b"A caption that will be cut");
        block.truncate(12);
        assert!(Iim::parse(&block).is_err());
        assert!(Iim::parse(&[0x1C, 2]).is_err());
    }

    #[test]
    fn finds_iim_in_photoshop_resources() {
        let iim = dataset(2, 5, b"Title");
        let mut res = Vec::new();
        // A resource before it, with an odd size that needs padding.
        res.extend(b"8BIM\x03\xED\0\0\0\0\0\x03abc\0");
        res.extend(b"8BIM\x04\x04\0\0");
        res.extend((iim.len() as u32).to_be_bytes());
        res.extend(&iim);
        assert_eq!(iim_from_photoshop_resources(&res), Some(&iim[..]));
        assert_eq!(iim_from_photoshop_resources(b"8BIM\x04"), None);
    }
}
