//! Ingest: from files on disk to photo records.
//!
//! Finds photographs in folders, reads each one once (content hash, EXIF,
//! IPTC IIM, XMP and its sidecar, a thumbnail) and runs the parallel import
//! into the catalogue. Nothing here ever writes to a photo file.

pub mod bmff;
pub mod colour;
pub mod container;
pub mod exif;
pub mod fault;
pub mod import;
pub mod iptc;
pub mod jpeg;
pub mod metadata;
pub mod raw;
pub mod scan;
pub mod thumbnail;
pub mod tiff_pixels;
pub mod tiffdir;
pub mod warning;
pub mod xmp;

use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use self::metadata::Embedded;
use self::thumbnail::Thumbnail;
pub use self::warning::Warning;
use self::warning::XmpPacket;
use self::xmp::Xmp;
use crate::files::{self, FileKind, ReadFileError};
use crate::photo::{FileInfo, ImageFormat, PhotoRecord, SNIFF_BYTES, Sidecar, Sniffed};

/// Why a file could not be catalogued at all, with what it concerns, so
/// that the window can say it in its language. `Display` is the command
/// line's English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("could not be read: {0}")]
    Io(SystemError),
    #[error("is {0}, not a regular file; it was not read")]
    NotAFile(FileKind),
    #[error("is empty (0 bytes)")]
    Empty,
    #[error(
        "is not in an image format Kartoteka reads (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, camera raw)"
    )]
    NotAnImage,
    #[error("unsupported format: {0}")]
    Unsupported(&'static str),
    #[error("is damaged: {0}")]
    Damaged(Damage),
    /// Past one of Kartoteka's limits (a decompression bomb, a scan bomb).
    #[error("{0}")]
    Refused(Refusal),
}

/// An error the system gave, kept as its kind and its words, so that a
/// failure can be copied into a report and still be said by its kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SystemError {
    pub kind: std::io::ErrorKind,
    pub message: String,
}

impl From<&std::io::Error> for SystemError {
    fn from(e: &std::io::Error) -> Self {
        Self {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(SystemError::from(&e))
    }
}

/// What is broken in a damaged file: a [`Fault`](fault::Fault) Kartoteka's
/// own container readers found, or a decoder's details in its English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Damage {
    #[error("{format} structure is broken: {fault}")]
    Broken {
        /// The format's name ("JPEG", "PNG"), as in [`Damage::Structure`].
        format: std::borrow::Cow<'static, str>,
        fault: fault::Fault,
    },
    #[error("TIFF structure is broken ({fault})")]
    TiffBroken { fault: fault::Fault },
    /// A decoder's words (and those of catalogues written before faults
    /// were values).
    #[error("{format} structure is broken: {detail}")]
    Structure {
        /// The format's name ("JPEG", "PNG"); owned once read back from
        /// the catalogue, where a warning may carry it.
        format: std::borrow::Cow<'static, str>,
        detail: String,
    },
    /// The TIFF parser's words (and those of older catalogues).
    #[error("TIFF structure is broken ({detail})")]
    TiffStructure { detail: String },
    #[error("PNG does not start with an IHDR chunk")]
    PngWithoutHeader,
    #[error("PNG is cut short before its header")]
    PngCutShort,
    #[error("JPEG XL header could not be read: {detail}")]
    JxlHeader { detail: String },
    #[error("JPEG XL header is cut short or too large")]
    JxlHeaderCutShort,
    #[error("no image size could be read")]
    NoImageSize,
    #[error("pixels could not be decoded: {detail}")]
    Pixels { detail: String },
    #[error("thumbnail could not be encoded: {detail}")]
    ThumbnailNotEncoded { detail: String },
}

/// One of Kartoteka's limits a file goes past.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "is {}, more than the {} Kartoteka reads",
        crate::limits::describe_bytes(*size),
        crate::limits::describe_bytes(*limit)
    )]
    FileTooLarge { size: u64, limit: u64 },
    #[error("declares {width}x{height} pixels, more than the {limit} megapixels Kartoteka decodes")]
    TooManyPixels { width: u64, height: u64, limit: u64 },
    #[error(
        "is a progressive JPEG of more than {} scans, which Kartoteka does not decode (real ones have about ten)",
        crate::limits::MAX_JPEG_SCANS
    )]
    TooManyScans,
}

impl From<ReadFileError> for ReadError {
    fn from(e: ReadFileError) -> Self {
        match e {
            ReadFileError::Io(io) => ReadError::from(io),
            ReadFileError::NotRegular(kind) => ReadError::NotAFile(kind),
            ReadFileError::TooLarge { size, limit } => {
                ReadError::Refused(Refusal::FileTooLarge { size, limit })
            }
        }
    }
}

/// What reading one file produced.
#[derive(Debug)]
pub struct Ingested {
    pub record: PhotoRecord,
    pub thumbnail: Option<Thumbnail>,
}

/// Modification time in nanoseconds since the Unix epoch (negative before).
pub fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    match meta.modified() {
        Ok(t) => match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i64,
            Err(e) => -(e.duration().as_nanos() as i64),
        },
        Err(_) => 0,
    }
}

/// The XMP sidecar of a photo, if one exists: `NAME.xmp` (Lightroom, Bridge,
/// Photo Mechanic) or `NAME.EXT.xmp` (darktable, digiKam). Anything but a
/// folder counts, so that a sidecar name taken by a FIFO or a device is
/// reported when read, not silently passed by.
pub fn find_sidecar(photo: &Path) -> Option<PathBuf> {
    let mut long = photo.as_os_str().to_owned();
    long.push(".xmp");
    [
        photo.with_extension("xmp"),
        photo.with_extension("XMP"),
        PathBuf::from(long),
    ]
    .into_iter()
    .find(|p| p != photo && std::fs::metadata(p).is_ok_and(|m| !m.is_dir()))
}

/// Reads one photo file: hash, metadata, sidecar, thumbnail. A problem with
/// the metadata or the pixels is a warning on the record; only a file that
/// is not a readable image in a format Kartoteka knows is an error.
///
/// The file is read as a stream, never held in memory whole: it is hashed
/// in pieces, its metadata blocks are read within the budgets of
/// [`crate::limits`], and the decoder reads the pixels as it goes. Only a
/// regular file is opened (a FIFO or a device is reported, never waited on).
pub fn read_photo(path: &Path) -> Result<Ingested, ReadError> {
    let file = files::open_regular(path)?;
    let meta = file.metadata()?;
    if meta.len() == 0 {
        return Err(ReadError::Empty);
    }
    let mut reader = BufReader::with_capacity(64 << 10, file);
    let head = reader.fill_buf()?;
    let format = match ImageFormat::sniff(&head[..head.len().min(SNIFF_BYTES)]) {
        Sniffed::Photo(format) => format,
        Sniffed::Unsupported(name) => return Err(ReadError::Unsupported(name)),
        Sniffed::Unknown => return Err(ReadError::NotAnImage),
    };
    let hash = files::hash_reader(&mut reader)?;
    reader.seek(SeekFrom::Start(0))?;
    // A raw file built on TIFF (DNG, NEF, ARW, PEF) is told by its directories.
    let format = match format {
        ImageFormat::Tiff => raw::classify_tiff(&mut reader).map_or(format, ImageFormat::Raw),
        other => other,
    };
    reader.seek(SeekFrom::Start(0))?;

    let embedded = Embedded::read_from(format, &mut reader)?;
    let mut warnings = embedded.warnings.clone();

    let sidecar_path = find_sidecar(path);
    let mut sidecar = None;
    let mut sidecar_info = None;
    if let Some(sc) = &sidecar_path {
        match files::read_regular(sc, crate::limits::MAX_SIDECAR_BYTES) {
            Ok(xml) => {
                let sc_mtime = std::fs::metadata(sc).map(|m| mtime_ns(&m)).unwrap_or(0);
                sidecar_info = Some(Sidecar {
                    path: sc.clone(),
                    mtime_ns: sc_mtime,
                });
                match Xmp::parse(&xml) {
                    Ok(x) => sidecar = Some(x),
                    Err(problem) => warnings.push(Warning::XmpUnreadable {
                        packet: XmpPacket::Sidecar { file: sc.clone() },
                        problem,
                    }),
                }
            }
            Err(e) => warnings.push(Warning::sidecar_not_read(sc.clone(), e)),
        }
    }

    let technical = embedded.technical();
    let mut description = embedded.description(sidecar.as_ref());
    warnings.extend(metadata::description_warnings(&embedded, sidecar.as_ref()));
    warnings.extend(metadata::cap_description(&mut description));
    let (claims, claim_warnings) = metadata::carried_claims(&embedded, sidecar.as_ref());
    warnings.extend(claim_warnings);
    let mut tags = embedded.raw_tags();
    if let Some(sc) = &sidecar {
        tags.extend(sc.raw_tags("XMP sidecar"));
    }
    warnings.extend(metadata::cap_raw_tags(&mut tags));

    if technical.width.unwrap_or(0) == 0 || technical.height.unwrap_or(0) == 0 {
        // A file cut short before its frame header still has its metadata
        // to give; anything else without a size is not a picture.
        if !embedded.cut_short {
            return Err(ReadError::Damaged(Damage::NoImageSize));
        }
        warnings.push(Warning::CutShortBeforeSize);
    }
    // Damaged pixels or a decompression bomb fail the file; a valid file in
    // a variant the decoder does not know is catalogued without a thumbnail.
    reader.seek(SeekFrom::Start(0))?;
    let thumbnail = match thumbnail::make_from(format, &mut reader, technical.orientation) {
        Ok((t, damage)) => {
            warnings.extend(damage);
            Some(t)
        }
        Err(thumbnail::ThumbnailError::Unsupported(why)) => {
            warnings.push(Warning::NoThumbnail { why });
            None
        }
        // A raw file's or a HEIF's preview that cannot be shown takes
        // nothing from what is catalogued.
        Err(thumbnail::ThumbnailError::NoPreview(why)) => {
            warnings.push(Warning::NoPreview { why });
            None
        }
        Err(thumbnail::ThumbnailError::TooLarge {
            width,
            height,
            limit,
        }) => {
            return Err(ReadError::Refused(Refusal::TooManyPixels {
                width,
                height,
                limit,
            }));
        }
        Err(thumbnail::ThumbnailError::TooManyScans) => {
            return Err(ReadError::Refused(Refusal::TooManyScans));
        }
        // A file cut short (an interrupted copy) keeps every metadata field
        // it holds; only its picture is missing.
        Err(thumbnail::ThumbnailError::Decode(why)) if embedded.cut_short => {
            warnings.push(Warning::ImageDataCutShort { detail: why });
            None
        }
        Err(thumbnail::ThumbnailError::Decode(detail)) => {
            return Err(ReadError::Damaged(Damage::Pixels { detail }));
        }
        Err(thumbnail::ThumbnailError::Encode(detail)) => {
            return Err(ReadError::Damaged(Damage::ThumbnailNotEncoded { detail }));
        }
    };

    Ok(Ingested {
        record: PhotoRecord {
            file: FileInfo {
                path: path.to_owned(),
                size: meta.len(),
                mtime_ns: mtime_ns(&meta),
                hash,
                format,
                sidecar: sidecar_info,
            },
            technical,
            description,
            tags,
            warnings,
            claims,
        },
        thumbnail,
    })
}
