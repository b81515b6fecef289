//! What reading a file found wrong without stopping its import: a damaged
//! block, metadata past one of Kartoteka's bounds, a value that could not be
//! used. Each warning is a value carrying what it concerns (the block, the
//! field, the limit, the byte), so that the window can say it in its own
//! language; its `Display` is the command line's English. What a
//! third-party decoder or parser said stays its own words, in `detail`.
//!
//! The catalogue keeps a photo's warnings as JSON ([`to_column`],
//! [`from_column`]); catalogues written before warnings were values hold
//! them as English lines, which read back as [`Warning::Legacy`].

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Damage;
use super::iptc::IimError;
use super::thumbnail::{NoPreview, Unsupported};
use super::xmp::XmpError;
use crate::catalog::{CatalogError, DateOf, Expected, Invalid, Record};
use crate::date::{DateError, DepictedError};
use crate::files::FileKind;
use crate::limits::describe_bytes;
use crate::photo::{Attribute, Field};

/// A metadata block of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    Exif,
    Xmp,
    Iptc,
}

impl Block {
    /// The block as the formats' own specifications name it.
    fn name(self) -> &'static str {
        match self {
            Block::Exif => "EXIF",
            Block::Xmp => "XMP",
            Block::Iptc => "IPTC",
        }
    }

    /// The type of the JPEG XL box that holds the block.
    fn jxl_box(self) -> &'static str {
        match self {
            Block::Exif => "Exif",
            Block::Xmp => "xml",
            Block::Iptc => "IPTC",
        }
    }
}

/// Which XMP packet could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "packet")]
pub enum XmpPacket {
    /// The packet embedded in the file.
    Embedded,
    /// The extended XMP a JPEG carries in further segments.
    Extended,
    /// The sidecar beside the file.
    Sidecar { file: PathBuf },
}

/// Why the catalogue refused a source or a claim an XMP packet carries:
/// the catalogue's own refusal ([`Invalid`]), kept as a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "refused")]
pub enum Refused {
    SourceNeedsCitation,
    BadDate {
        of: DateOf,
        value: String,
    },
    PartTooLong {
        record: Record,
        part: String,
        limit: usize,
    },
    FieldTooLong {
        #[serde(with = "attribute_name")]
        field: Attribute,
        limit: usize,
    },
    BadValue {
        #[serde(with = "attribute_name")]
        field: Attribute,
        value: serde_json::Value,
        expected: Expected,
    },
    /// A refusal of another kind, in the catalogue's English.
    Other {
        text: String,
    },
}

/// The parts of a source or a claim the catalogue bounds, by name.
const PARTS: &[&str] = &[
    "citation",
    "title",
    "publisher",
    "date",
    "url",
    "reference",
    "note",
    "authors",
    "locator",
    "further CSL fields",
];

impl Refused {
    /// The refusal a catalogue error gives.
    pub fn of(error: &CatalogError) -> Refused {
        match error {
            CatalogError::Invalid(Invalid::SourceNeedsCitation) => Refused::SourceNeedsCitation,
            CatalogError::Invalid(Invalid::BadDate { of, error }) => Refused::BadDate {
                of: *of,
                value: error.value.clone(),
            },
            CatalogError::Invalid(Invalid::PartTooLong {
                record,
                part,
                limit,
            }) => Refused::PartTooLong {
                record: *record,
                part: (*part).to_owned(),
                limit: *limit,
            },
            CatalogError::Invalid(Invalid::FieldTooLong { attribute, limit }) => {
                Refused::FieldTooLong {
                    field: *attribute,
                    limit: *limit,
                }
            }
            CatalogError::Invalid(Invalid::BadValue {
                attribute,
                value,
                expected,
            }) => Refused::BadValue {
                field: *attribute,
                value: value.clone(),
                expected: *expected,
            },
            other => Refused::Other {
                text: other.to_string(),
            },
        }
    }

    /// The catalogue's refusal again, to be said as the catalogue says it;
    /// `None` for one kept as text.
    pub fn invalid(&self) -> Option<Invalid> {
        Some(match self {
            Refused::SourceNeedsCitation => Invalid::SourceNeedsCitation,
            Refused::BadDate { of, value } => Invalid::BadDate {
                of: *of,
                error: DepictedError {
                    value: value.clone(),
                },
            },
            Refused::PartTooLong {
                record,
                part,
                limit,
            } => Invalid::PartTooLong {
                record: *record,
                part: PARTS.iter().find(|p| **p == part.as_str())?,
                limit: *limit,
            },
            Refused::FieldTooLong { field, limit } => Invalid::FieldTooLong {
                attribute: *field,
                limit: *limit,
            },
            Refused::BadValue {
                field,
                value,
                expected,
            } => Invalid::BadValue {
                attribute: *field,
                value: value.clone(),
                expected: *expected,
            },
            Refused::Other { .. } => return None,
        })
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.invalid(), self) {
            (Some(invalid), _) => write!(f, "{invalid}"),
            (
                None,
                Refused::PartTooLong {
                    record,
                    part,
                    limit,
                },
            ) => write!(
                f,
                "a {record}'s {part} is longer than the {} a field may hold",
                describe_bytes(*limit as u64)
            ),
            (None, Refused::Other { text }) => f.write_str(text),
            (None, _) => Ok(()),
        }
    }
}

/// A problem met while reading one file that did not stop its import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Warning {
    /// A warning stored as English text, by a catalogue older than these
    /// values (or of a kind this version does not know).
    Legacy {
        text: String,
    },
    /// The file holds more metadata than Kartoteka reads from one file.
    MetadataPastBudget {
        limit: u64,
    },
    /// Compressed PNG text would inflate past Kartoteka's bound.
    PngTextPastBudget {
        limit: u64,
    },
    ExifPartlyDamaged {
        detail: String,
    },
    ExifUnreadable {
        detail: String,
    },
    XmpUnreadable {
        packet: XmpPacket,
        problem: XmpError,
    },
    IptcUnreadable {
        problem: IimError,
    },
    /// The file ends inside a JPEG segment, at this byte.
    JpegCutShortInSegment {
        at: u64,
    },
    JpegCutShortInImage,
    WebpChunkUnreadable {
        block: Block,
        detail: String,
    },
    JxlHeaderCutShort,
    /// The container around the metadata is damaged.
    Damaged {
        damage: Damage,
    },
    JxlBoxNotInflated {
        block: Block,
        detail: String,
    },
    JxlExifBoxDamaged,
    HeifExifItemDamaged,
    HeifItemUnreadable {
        block: Block,
        detail: String,
    },
    Cr3ExifUnreadable,
    PngChunkCutShort {
        chunk: String,
        at: u64,
    },
    PngWithoutEnd,
    PngTextNotInflated {
        keyword: String,
        detail: String,
    },
    PngProfileNotHex {
        keyword: String,
    },
    XmpSourceWithoutKey,
    XmpSourceIgnored {
        key: String,
        reason: Refused,
    },
    XmpTooManyClaims {
        count: usize,
        limit: usize,
    },
    XmpClaimNotDescriptive {
        name: String,
    },
    XmpClaimWithoutValue {
        #[serde(with = "attribute_name")]
        field: Attribute,
    },
    XmpClaimIgnored {
        reason: Refused,
    },
    XmpClaimUnknownSource {
        #[serde(with = "attribute_name")]
        field: Attribute,
        key: String,
    },
    XmpClaimPartTooLong {
        #[serde(with = "attribute_name")]
        field: Attribute,
        limit: usize,
    },
    /// More claims and sources were ignored than warnings are kept for.
    MoreXmpClaimsIgnored {
        count: usize,
    },
    DepictedDateIgnored {
        block: Block,
        value: String,
    },
    FieldCut {
        #[serde(with = "field_name")]
        field: Field,
        size: u64,
        limit: u64,
    },
    KeywordLevelsCut {
        levels: usize,
        limit: usize,
    },
    ListItemCut {
        #[serde(with = "field_name")]
        field: Field,
        limit: u64,
    },
    ListCut {
        #[serde(with = "field_name")]
        field: Field,
        count: usize,
        limit: u64,
        kept: usize,
    },
    RawTagValuesCut {
        limit: u64,
    },
    RawTagsLeftOut {
        limit: u64,
        count: usize,
    },
    SidecarNotRead {
        file: PathBuf,
        detail: String,
    },
    SidecarNotAFile {
        file: PathBuf,
        what: FileKind,
    },
    SidecarTooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    CutShortBeforeSize,
    NoThumbnail {
        why: Unsupported,
    },
    NoPreview {
        why: NoPreview,
    },
    ImageDataCutShort {
        detail: String,
    },
    PixelsDamaged {
        detail: String,
    },
    PixelsCutShort {
        detail: String,
        rows: u32,
        height: u32,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = |n: u64| describe_bytes(n);
        match self {
            Warning::Legacy { text } => f.write_str(text),
            Warning::MetadataPastBudget { limit } => write!(
                f,
                "metadata beyond {} in this file was not read",
                bytes(*limit)
            ),
            Warning::PngTextPastBudget { limit } => write!(
                f,
                "compressed PNG text beyond {} in this file was not read",
                bytes(*limit)
            ),
            Warning::ExifPartlyDamaged { detail } => write!(
                f,
                "EXIF is partly damaged ({detail}); read what was readable"
            ),
            Warning::ExifUnreadable { detail } => write!(f, "EXIF could not be read: {detail}"),
            Warning::XmpUnreadable { packet, problem } => match (packet, problem.is_limit()) {
                (XmpPacket::Sidecar { file }, true) => {
                    write!(f, "sidecar {}: {problem}", file.display())
                }
                (XmpPacket::Sidecar { file }, false) => {
                    write!(f, "sidecar {} could not be read: {problem}", file.display())
                }
                (_, true) => write!(f, "{problem}"),
                (XmpPacket::Extended, false) => {
                    write!(f, "extended XMP could not be read: {problem}")
                }
                (XmpPacket::Embedded, false) => write!(f, "XMP could not be read: {problem}"),
            },
            Warning::IptcUnreadable { problem } => write!(f, "IPTC could not be read: {problem}"),
            Warning::JpegCutShortInSegment { at } => write!(
                f,
                "the file ends inside a JPEG segment at byte {at}: it was cut short; the metadata before it was read"
            ),
            Warning::JpegCutShortInImage => f.write_str(
                "the file ends inside its image data (an interrupted copy?); the metadata was read",
            ),
            Warning::WebpChunkUnreadable { block, detail } => {
                write!(f, "WebP {} chunk could not be read: {detail}", block.name())
            }
            Warning::JxlHeaderCutShort => {
                f.write_str("the JPEG XL image header is cut short; only its size was read")
            }
            Warning::Damaged { damage } => write!(f, "{damage}"),
            Warning::JxlBoxNotInflated { block, detail } => write!(
                f,
                "a compressed JPEG XL {} box could not be inflated: {detail}",
                block.jxl_box()
            ),
            Warning::JxlExifBoxDamaged => f.write_str("JPEG XL Exif box is damaged"),
            Warning::HeifExifItemDamaged => f.write_str("HEIF Exif item is damaged"),
            Warning::HeifItemUnreadable { block, detail } => {
                let item = match block {
                    Block::Exif => "Exif",
                    other => other.name(),
                };
                write!(f, "HEIF {item} item could not be read: {detail}")
            }
            Warning::Cr3ExifUnreadable => f.write_str("CR3 EXIF directories could not be read"),
            Warning::PngChunkCutShort { chunk, at } => write!(
                f,
                "PNG chunk {chunk} at byte {at} is cut short: the file ends before its image data does"
            ),
            Warning::PngWithoutEnd => {
                f.write_str("the PNG ends before its IEND chunk: it was cut short")
            }
            Warning::PngTextNotInflated { keyword, detail } => write!(
                f,
                "PNG text chunk {keyword:?}: compressed text could not be inflated: {detail}"
            ),
            Warning::PngProfileNotHex { keyword } => {
                write!(f, "PNG profile {keyword:?} is not valid hex text")
            }
            Warning::XmpSourceWithoutKey => f.write_str("XMP source without a key ignored"),
            Warning::XmpSourceIgnored { key, reason } => {
                write!(f, "XMP source {key:?} ignored: {reason}")
            }
            Warning::XmpTooManyClaims { count, limit } => write!(
                f,
                "XMP holds {count} claims; only the first {limit} are read"
            ),
            Warning::XmpClaimNotDescriptive { name } => write!(
                f,
                "XMP claim about {name:?} ignored: not a descriptive field"
            ),
            Warning::XmpClaimWithoutValue { field } => {
                write!(f, "XMP claim on {field} without a value ignored")
            }
            Warning::XmpClaimIgnored { reason } => write!(f, "XMP claim ignored: {reason}"),
            Warning::XmpClaimUnknownSource { field, key } => write!(
                f,
                "XMP claim on {field} cites source {key:?}, which the packet does not \
                 describe; kept without a source"
            ),
            Warning::XmpClaimPartTooLong { field, limit } => write!(
                f,
                "XMP claim on {field} ignored: its locator or note is longer than {}",
                bytes(*limit as u64)
            ),
            Warning::MoreXmpClaimsIgnored { count } => {
                write!(f, "and {count} more XMP claims or sources ignored")
            }
            Warning::DepictedDateIgnored { block, value } => write!(
                f,
                "{} depicted date ignored: {}",
                block.name(),
                DateError {
                    value: value.clone()
                }
            ),
            Warning::FieldCut { field, size, limit } => write!(
                f,
                "{field} is {}, more than the {} Kartoteka keeps; it was cut",
                bytes(*size),
                bytes(*limit)
            ),
            Warning::KeywordLevelsCut { levels, limit } => write!(
                f,
                "a hierarchical keyword has {levels} levels, more than the {limit} Kartoteka keeps; it was cut"
            ),
            Warning::ListItemCut { field, limit } => write!(
                f,
                "an item of {field} is more than the {} Kartoteka keeps; it was cut",
                bytes(*limit)
            ),
            Warning::ListCut {
                field,
                count,
                limit,
                kept,
            } => write!(
                f,
                "{field} holds {count} items, more than fit in {}; the first {kept} were kept",
                bytes(*limit)
            ),
            Warning::RawTagValuesCut { limit } => {
                write!(f, "raw tag values longer than {} were cut", bytes(*limit))
            }
            Warning::RawTagsLeftOut { limit, count } => write!(
                f,
                "raw tags beyond {} were not kept ({count} left out)",
                bytes(*limit)
            ),
            Warning::SidecarNotRead { file, detail } => {
                write!(f, "sidecar {} could not be read: {detail}", file.display())
            }
            Warning::SidecarNotAFile { file, what } => write!(
                f,
                "sidecar {} is {what}, not a regular file; it was not read",
                file.display()
            ),
            Warning::SidecarTooLarge { file, size, limit } => write!(
                f,
                "sidecar {} is {}, more than the {} Kartoteka reads",
                file.display(),
                bytes(*size),
                bytes(*limit)
            ),
            Warning::CutShortBeforeSize => {
                f.write_str("the file is cut short before its image size")
            }
            Warning::NoThumbnail { why } => {
                write!(f, "no thumbnail: unsupported for previews: {why}")
            }
            Warning::NoPreview { why } => write!(f, "no preview: {why}"),
            Warning::ImageDataCutShort { detail } => write!(
                f,
                "the image data is cut short and could not be decoded ({detail}); no thumbnail"
            ),
            Warning::PixelsDamaged { detail } => write!(
                f,
                "image data is damaged ({detail}); the preview shows what could be decoded"
            ),
            Warning::PixelsCutShort {
                detail,
                rows,
                height,
            } => write!(
                f,
                "image data is damaged or cut short ({detail}); the preview shows the first {rows} of {height} rows"
            ),
        }
    }
}

impl Warning {
    /// A sidecar that could not be read as a file.
    pub fn sidecar_not_read(file: PathBuf, e: crate::files::ReadFileError) -> Warning {
        use crate::files::ReadFileError;
        match e {
            ReadFileError::Io(io) => Warning::SidecarNotRead {
                file,
                detail: io.to_string(),
            },
            ReadFileError::NotRegular(what) => Warning::SidecarNotAFile { file, what },
            ReadFileError::TooLarge { size, limit } => {
                Warning::SidecarTooLarge { file, size, limit }
            }
        }
    }
}

/// A photo's warnings as the catalogue's column holds them: `NULL` when
/// there are none (so that `warnings IS NOT NULL` finds the photos that
/// have some), else a JSON list.
pub fn to_column(warnings: &[Warning]) -> Option<String> {
    if warnings.is_empty() {
        return None;
    }
    // A list of plain enums always serialises; the English lines are a
    // fallback that still reads back.
    Some(serde_json::to_string(warnings).unwrap_or_else(|_| {
        warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }))
}

/// A photo's warnings from the catalogue's column: a JSON list, or the
/// English lines an older catalogue wrote, each line one warning. An entry
/// of a kind this version does not know is kept as its JSON text.
pub fn from_column(text: Option<&str>) -> Vec<Warning> {
    let Some(text) = text else {
        return Vec::new();
    };
    match serde_json::from_str::<Vec<serde_json::Value>>(text) {
        Ok(items) => items
            .into_iter()
            .map(|item| {
                Warning::deserialize(&item).unwrap_or_else(|_| Warning::Legacy {
                    text: item.to_string(),
                })
            })
            .collect(),
        Err(_) => text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| Warning::Legacy { text: l.to_owned() })
            .collect(),
    }
}

/// A descriptive field by the name the catalogue's columns use.
mod field_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::photo::Field;

    pub fn serialize<S: Serializer>(field: &Field, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(field.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let name = String::deserialize(d)?;
        Field::from_name(&name).ok_or_else(|| D::Error::custom(format!("no field {name:?}")))
    }
}

/// A field an edit or a claim can change, by its name.
mod attribute_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::photo::Attribute;

    pub fn serialize<S: Serializer>(attribute: &Attribute, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(attribute.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Attribute, D::Error> {
        let name = String::deserialize(d)?;
        Attribute::from_name(&name).ok_or_else(|| D::Error::custom(format!("no field {name:?}")))
    }
}

/// One warning of every kind, with values as real files give them.
#[cfg(test)]
pub(crate) fn one_of_each() -> Vec<Warning> {
    use super::fault::Fault;
    use crate::photo::Field;
    let detail = || "Memory limit exceeded".to_owned();
    let sidecar = || PathBuf::from("/archiv/odsun/01.xmp");
    let warnings = vec![
        Warning::Legacy {
            text: "EXIF is partly damaged (Truncated IFD); read what was readable".into(),
        },
        Warning::MetadataPastBudget { limit: 64 << 20 },
        Warning::PngTextPastBudget { limit: 16 << 20 },
        Warning::ExifPartlyDamaged {
            detail: "Truncated IFD count".into(),
        },
        Warning::ExifUnreadable {
            detail: "Invalid TIFF byte order".into(),
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::NoRdf,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Extended,
            problem: XmpError::NotWellFormed {
                at: 412,
                reason: "ill-formed document: expected `</rdf:li>`".into(),
            },
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Sidecar { file: sidecar() },
            problem: XmpError::TooDeep,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Sidecar { file: sidecar() },
            problem: XmpError::Unclosed,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::TooManyElements,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::NoXml,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::BadAttribute("position 3: duplicated attribute".into()),
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::UnknownEntity("nbsp".into()),
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::BadCharacterReference("#xD800".into()),
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::TooManyClosingTags,
        },
        Warning::XmpUnreadable {
            packet: XmpPacket::Embedded,
            problem: XmpError::Rewrite(detail()),
        },
        Warning::IptcUnreadable {
            problem: IimError::HeaderCutShort(18),
        },
        Warning::IptcUnreadable {
            problem: IimError::BadExtendedLength {
                record: 2,
                number: 120,
            },
        },
        Warning::IptcUnreadable {
            problem: IimError::LengthCutShort {
                record: 2,
                number: 25,
            },
        },
        Warning::IptcUnreadable {
            problem: IimError::DataCutShort {
                record: 2,
                number: 120,
                len: 2000,
            },
        },
        Warning::JpegCutShortInSegment { at: 20_480 },
        Warning::JpegCutShortInImage,
        Warning::WebpChunkUnreadable {
            block: Block::Exif,
            detail: detail(),
        },
        Warning::JxlHeaderCutShort,
        Warning::Damaged {
            damage: Damage::Broken {
                format: "JPEG XL".into(),
                fault: Fault::BoxPastContainer {
                    kind: "jxlc".into(),
                    at: 40,
                },
            },
        },
        Warning::Damaged {
            damage: Damage::Structure {
                format: "WebP".into(),
                detail: "Invalid Chunk header: [82, 73, 70, 70]".into(),
            },
        },
        Warning::Damaged {
            damage: Damage::JxlHeader { detail: detail() },
        },
        Warning::Damaged {
            damage: Damage::JxlHeaderCutShort,
        },
        Warning::JxlBoxNotInflated {
            block: Block::Xmp,
            detail: "invalid data".into(),
        },
        Warning::JxlExifBoxDamaged,
        Warning::HeifExifItemDamaged,
        Warning::HeifItemUnreadable {
            block: Block::Xmp,
            detail: "the file ends in the middle of a metadata block".into(),
        },
        Warning::Cr3ExifUnreadable,
        Warning::PngChunkCutShort {
            chunk: "IDAT".into(),
            at: 33,
        },
        Warning::PngWithoutEnd,
        Warning::PngTextNotInflated {
            keyword: "Comment".into(),
            detail: "corrupt deflate stream".into(),
        },
        Warning::PngProfileNotHex {
            keyword: "Raw profile type exif".into(),
        },
        Warning::XmpSourceWithoutKey,
        Warning::XmpSourceIgnored {
            key: "s1".into(),
            reason: Refused::SourceNeedsCitation,
        },
        Warning::XmpSourceIgnored {
            key: "s2".into(),
            reason: Refused::BadDate {
                of: DateOf::Source,
                value: "jaro 91".into(),
            },
        },
        Warning::XmpSourceIgnored {
            key: "s3".into(),
            reason: Refused::PartTooLong {
                record: Record::Source,
                part: "publisher".into(),
                limit: 64 << 10,
            },
        },
        Warning::XmpTooManyClaims {
            count: 1200,
            limit: 1000,
        },
        Warning::XmpClaimNotDescriptive {
            name: "rating".into(),
        },
        Warning::XmpClaimWithoutValue {
            field: Attribute::Field(Field::City),
        },
        Warning::XmpClaimIgnored {
            reason: Refused::BadDate {
                of: DateOf::DateCreated,
                value: "1991-13".into(),
            },
        },
        Warning::XmpClaimIgnored {
            reason: Refused::FieldTooLong {
                field: Attribute::Field(Field::Caption),
                limit: 64 << 10,
            },
        },
        Warning::XmpClaimIgnored {
            reason: Refused::BadValue {
                field: Attribute::Field(Field::People),
                value: 3.into(),
                expected: Expected::ListOfTexts,
            },
        },
        Warning::XmpClaimIgnored {
            reason: Refused::Other {
                text: "no photo 41 in the catalogue".into(),
            },
        },
        Warning::XmpClaimUnknownSource {
            field: Attribute::Field(Field::DateCreated),
            key: "s9".into(),
        },
        Warning::XmpClaimPartTooLong {
            field: Attribute::Field(Field::Caption),
            limit: 64 << 10,
        },
        Warning::MoreXmpClaimsIgnored { count: 3 },
        Warning::DepictedDateIgnored {
            block: Block::Xmp,
            value: "1991-13".into(),
        },
        Warning::DepictedDateIgnored {
            block: Block::Iptc,
            value: "19911321".into(),
        },
        Warning::FieldCut {
            field: Field::Caption,
            size: 70_000,
            limit: 64 << 10,
        },
        Warning::KeywordLevelsCut {
            levels: 12_000,
            limit: 10_000,
        },
        Warning::ListItemCut {
            field: Field::Keywords,
            limit: 64 << 10,
        },
        Warning::ListCut {
            field: Field::Keywords,
            count: 5,
            limit: 1 << 20,
            kept: 2,
        },
        Warning::RawTagValuesCut { limit: 4 << 10 },
        Warning::RawTagsLeftOut {
            limit: 1 << 20,
            count: 12,
        },
        Warning::SidecarNotRead {
            file: sidecar(),
            detail: "Input/output error (os error 5)".into(),
        },
        Warning::SidecarNotAFile {
            file: sidecar(),
            what: FileKind::Fifo,
        },
        Warning::SidecarTooLarge {
            file: sidecar(),
            size: 80 << 20,
            limit: 16 << 20,
        },
        Warning::CutShortBeforeSize,
        Warning::NoThumbnail {
            why: Unsupported::NotDecodedHere {
                format: "JPEG XL".into(),
            },
        },
        Warning::NoThumbnail {
            why: Unsupported::JpegTiffLayout,
        },
        Warning::NoThumbnail {
            why: Unsupported::Decoder {
                detail: "The decoder for Tiff does not support the format feature Planar YCbCr"
                    .into(),
            },
        },
        Warning::NoPreview {
            why: NoPreview::NoneEmbedded,
        },
        Warning::NoPreview {
            why: NoPreview::Broken {
                fault: Fault::RafHeaderPastEnd,
            },
        },
        Warning::NoPreview {
            why: NoPreview::StructureDamaged {
                detail: "offset past the end".into(),
            },
        },
        Warning::NoPreview {
            why: NoPreview::Unreachable {
                detail: "the file ends in the middle of a metadata block".into(),
            },
        },
        Warning::NoPreview {
            why: NoPreview::NotDecoded {
                width: 1616,
                height: 1080,
                detail: "pixels could not be decoded: Premature end of JPEG file".into(),
            },
        },
        Warning::NoPreview {
            why: NoPreview::HeifTooLarge { limit: 256 << 20 },
        },
        Warning::NoPreview {
            why: NoPreview::HevcUnavailable {
                detail: "unsupported profile".into(),
            },
        },
        Warning::NoPreview {
            why: NoPreview::HevcFailed {
                detail: "bitstream error".into(),
            },
        },
        Warning::NoPreview {
            why: NoPreview::HevcTooFewPixels,
        },
        Warning::ImageDataCutShort {
            detail: "unexpected end of file".into(),
        },
        Warning::PixelsDamaged {
            detail: "Premature end of JPEG file".into(),
        },
        Warning::PixelsCutShort {
            detail: "unexpected EOF".into(),
            rows: 120,
            height: 480,
        },
    ];
    // Adding a kind fails to compile here until it is listed above.
    let mut seen = [false; 46];
    for w in &warnings {
        seen[match w {
            Warning::Legacy { .. } => 0,
            Warning::MetadataPastBudget { .. } => 1,
            Warning::PngTextPastBudget { .. } => 2,
            Warning::ExifPartlyDamaged { .. } => 3,
            Warning::ExifUnreadable { .. } => 4,
            Warning::XmpUnreadable { .. } => 5,
            Warning::IptcUnreadable { .. } => 6,
            Warning::JpegCutShortInSegment { .. } => 7,
            Warning::JpegCutShortInImage => 8,
            Warning::WebpChunkUnreadable { .. } => 9,
            Warning::JxlHeaderCutShort => 10,
            Warning::Damaged { .. } => 11,
            Warning::JxlBoxNotInflated { .. } => 12,
            Warning::JxlExifBoxDamaged => 13,
            Warning::HeifExifItemDamaged => 14,
            Warning::HeifItemUnreadable { .. } => 15,
            Warning::Cr3ExifUnreadable => 16,
            Warning::PngChunkCutShort { .. } => 17,
            Warning::PngWithoutEnd => 18,
            Warning::PngTextNotInflated { .. } => 19,
            Warning::PngProfileNotHex { .. } => 20,
            Warning::XmpSourceWithoutKey => 21,
            Warning::XmpSourceIgnored { .. } => 22,
            Warning::XmpTooManyClaims { .. } => 23,
            Warning::XmpClaimNotDescriptive { .. } => 24,
            Warning::XmpClaimWithoutValue { .. } => 25,
            Warning::XmpClaimIgnored { .. } => 26,
            Warning::XmpClaimUnknownSource { .. } => 27,
            Warning::XmpClaimPartTooLong { .. } => 28,
            Warning::MoreXmpClaimsIgnored { .. } => 29,
            Warning::DepictedDateIgnored { .. } => 30,
            Warning::FieldCut { .. } => 31,
            Warning::KeywordLevelsCut { .. } => 32,
            Warning::ListItemCut { .. } => 33,
            Warning::ListCut { .. } => 34,
            Warning::RawTagValuesCut { .. } => 35,
            Warning::RawTagsLeftOut { .. } => 36,
            Warning::SidecarNotRead { .. } => 37,
            Warning::SidecarNotAFile { .. } => 38,
            Warning::SidecarTooLarge { .. } => 39,
            Warning::CutShortBeforeSize => 40,
            Warning::NoThumbnail { .. } => 41,
            Warning::NoPreview { .. } => 42,
            Warning::ImageDataCutShort { .. } => 43,
            Warning::PixelsDamaged { .. } => 44,
            Warning::PixelsCutShort { .. } => 45,
        }] = true;
    }
    assert!(seen.iter().all(|s| *s), "{seen:?}");
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_reads_back_from_the_catalogue_column_as_it_was() {
        let warnings = one_of_each();
        let column = to_column(&warnings).unwrap();
        assert!(column.starts_with('['), "{column}");
        assert_eq!(from_column(Some(&column)), warnings);
        assert_eq!(to_column(&[]), None, "no warnings stay NULL");
        assert_eq!(from_column(None), Vec::<Warning>::new());
    }

    #[test]
    fn an_older_catalogues_english_lines_read_back_as_their_text() {
        let old = "EXIF is partly damaged (Truncated IFD); read what was readable\n\
                   no thumbnail: unsupported for previews: CMYK";
        let read = from_column(Some(old));
        assert_eq!(
            read,
            [
                Warning::Legacy {
                    text: "EXIF is partly damaged (Truncated IFD); read what was readable".into()
                },
                Warning::Legacy {
                    text: "no thumbnail: unsupported for previews: CMYK".into()
                },
            ]
        );
        assert_eq!(
            read.iter().map(ToString::to_string).collect::<Vec<_>>(),
            old.lines().collect::<Vec<_>>()
        );
        // A kind a newer version wrote is kept, as its JSON.
        let newer = r#"[{"kind":"png-without-end"},{"kind":"from-the-future","x":1}]"#;
        assert_eq!(
            from_column(Some(newer)),
            [
                Warning::PngWithoutEnd,
                Warning::Legacy {
                    text: r#"{"kind":"from-the-future","x":1}"#.into()
                }
            ]
        );
    }

    #[test]
    fn the_command_line_reads_the_english_it_always_read() {
        let said: Vec<String> = one_of_each().iter().map(ToString::to_string).collect();
        for expected in [
            "metadata beyond 64 MiB in this file was not read",
            "EXIF is partly damaged (Truncated IFD count); read what was readable",
            "XMP has more than 200000 elements; XMP ignored",
            "XMP could not be read: XMP has no rdf:RDF element",
            "extended XMP could not be read: XMP is not well-formed XML at byte 412: ill-formed document: expected `</rdf:li>`",
            "sidecar /archiv/odsun/01.xmp: XMP nests deeper than 64 levels; XMP ignored",
            "sidecar /archiv/odsun/01.xmp could not be read: XMP ends before all its elements are closed",
            "IPTC could not be read: IIM dataset 2:120 says 2000 bytes but the block ends first",
            "the file ends inside a JPEG segment at byte 20480: it was cut short; the metadata before it was read",
            "WebP EXIF chunk could not be read: Memory limit exceeded",
            "JPEG XL structure is broken: box jxlc at byte 40 runs past its container",
            "WebP structure is broken: Invalid Chunk header: [82, 73, 70, 70]",
            "a compressed JPEG XL xml box could not be inflated: invalid data",
            "HEIF XMP item could not be read: the file ends in the middle of a metadata block",
            "PNG chunk IDAT at byte 33 is cut short: the file ends before its image data does",
            "PNG text chunk \"Comment\": compressed text could not be inflated: corrupt deflate stream",
            "XMP source \"s1\" ignored: a source needs a citation, a title or an author",
            "XMP holds 1200 claims; only the first 1000 are read",
            "XMP claim about \"rating\" ignored: not a descriptive field",
            "XMP source \"s3\" ignored: a source's publisher is longer than the 64 KiB a field may hold",
            "XMP claim ignored: people: a list of texts, not 3",
            "XMP claim ignored: no photo 41 in the catalogue",
            "XMP claim on city without a value ignored",
            "XMP claim on date_created cites source \"s9\", which the packet does not describe; kept without a source",
            "XMP claim on caption ignored: its locator or note is longer than 64 KiB",
            "and 3 more XMP claims or sources ignored",
            "XMP depicted date ignored: \"1991-13\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "IPTC depicted date ignored: \"19911321\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "caption is 70000 bytes, more than the 64 KiB Kartoteka keeps; it was cut",
            "keywords holds 5 items, more than fit in 1 MiB; the first 2 were kept",
            "raw tags beyond 1 MiB were not kept (12 left out)",
            "sidecar /archiv/odsun/01.xmp is a FIFO (named pipe), not a regular file; it was not read",
            "sidecar /archiv/odsun/01.xmp is 80 MiB, more than the 16 MiB Kartoteka reads",
            "no thumbnail: unsupported for previews: JPEG XL is not decoded here",
            "no thumbnail: unsupported for previews: JPEG-compressed TIFF of this layout",
            "no preview: the file embeds no JPEG preview",
            "no preview: the file's structure is damaged (the RAF header points past the end of the file)",
            "no preview: the embedded 1616x1080 JPEG preview could not be decoded (pixels could not be decoded: Premature end of JPEG file)",
            "no preview: HEIF files over 256 MiB are not decoded",
            "no preview: HEVC decoding failed (bitstream error)",
            "the image data is cut short and could not be decoded (unexpected end of file); no thumbnail",
            "image data is damaged (Premature end of JPEG file); the preview shows what could be decoded",
            "image data is damaged or cut short (unexpected EOF); the preview shows the first 120 of 480 rows",
        ] {
            assert!(
                said.iter().any(|s| s == expected),
                "not said: {expected}\n{said:#?}"
            );
        }
    }
}
