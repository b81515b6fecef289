//! What Kartoteka's own walk of a file's structure found broken: a JPEG
//! segment, a PNG chunk, a TIFF directory or a box of an ISO media file
//! (HEIF, JPEG XL, CR3) that does not hold together. Each fault is a value
//! carrying the numbers it concerns, so that the window can say it in its
//! own language; its `Display` is the command line's English.

use serde::{Deserialize, Serialize};

/// One thing found broken in a file's structure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "fault")]
pub enum Fault {
    #[error("the file ends in the middle of its structure")]
    EndsInStructure,
    #[error("the file ends in the middle of a metadata block")]
    EndsInMetadata,
    #[error("the file ends before the part being copied")]
    EndsBeforeCopied,
    #[error("an embedded part lies past the end of the file")]
    PartPastEnd,

    #[error("no JPEG start marker")]
    NoJpegStart,
    #[error("more than {limit} segments before the image data")]
    TooManySegments { limit: usize },
    #[error("a segment declares a length below 2")]
    SegmentTooShort,
    #[error("a segment runs past the end of the file")]
    SegmentPastEnd,

    #[error("no PNG signature")]
    NoPngSignature,
    #[error("no IHDR chunk")]
    NoPngHeader,
    #[error("chunk {kind} at byte {at} is cut short")]
    ChunkCutShort { kind: String, at: u64 },

    #[error("not a TIFF file")]
    NotTiff,
    #[error("the TIFF header is cut short")]
    TiffHeaderCutShort,
    #[error("the BigTIFF header is damaged")]
    BigTiffHeader,
    #[error("TIFF is cut short")]
    TiffCutShort,
    #[error("TIFF metadata too large")]
    TiffMetadataTooLarge,
    #[error("TIFF directories point in a loop")]
    TiffLoop,
    #[error("TIFF directory past the budget")]
    TiffPastBudget,
    #[error("more than {limit} TIFF directories")]
    TooManyTiffDirectories { limit: usize },
    #[error("a TIFF directory declares {count} entries")]
    TiffEntries { count: u64 },
    #[error("a TIFF value lies past the end of the file")]
    TiffValuePastEnd,
    #[error("the file ends inside a TIFF value")]
    EndsInTiffValue,

    #[error("the file ends inside a box")]
    EndsInBox,
    #[error("more than {limit} boxes in one container")]
    TooManyBoxes { limit: usize },
    #[error("box {kind} at byte {at} runs past its container")]
    BoxPastContainer { kind: String, at: u64 },
    #[error("a uuid box is too short")]
    UuidBoxTooShort,
    #[error("a box's content is cut short")]
    BoxCutShort,
    #[error("a box declares a field size that does not exist")]
    BadFieldSize,
    #[error("a box path deeper than Kartoteka walks")]
    BoxesTooDeep,
    #[error("no meta box")]
    NoMetaBox,
    #[error("a HEIF item table is too large")]
    HeifItemTableTooLarge,
    #[error("a HEIF item's data lies past the end of the file")]
    HeifItemPastEnd,

    #[error("the RAF header points past the end of the file")]
    RafHeaderPastEnd,
}

impl Fault {
    /// A chunk or box type as its four bytes read, for the message.
    pub fn kind(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }
}
