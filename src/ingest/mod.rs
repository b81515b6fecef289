//! Ingest: from files on disk to photo records.
//!
//! Finds photographs in folders, reads each one once (content hash, EXIF,
//! IPTC IIM, XMP and its sidecar, a thumbnail) and runs the parallel import
//! into the catalogue. Nothing here ever writes to a photo file.

pub mod exif;
pub mod import;
pub mod iptc;
pub mod jpeg;
pub mod metadata;
pub mod scan;
pub mod thumbnail;
pub mod xmp;

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use bytes::Bytes;

use self::metadata::Embedded;
use self::thumbnail::Thumbnail;
use self::xmp::Xmp;
use crate::photo::{FileInfo, ImageFormat, PhotoRecord, Sidecar};

/// Why a file could not be catalogued at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("could not be read: {0}")]
    Io(#[from] std::io::Error),
    #[error("is empty (0 bytes)")]
    Empty,
    #[error("is not a JPEG, TIFF or PNG file")]
    NotAnImage,
    #[error("is damaged: {0}")]
    Damaged(String),
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
/// Photo Mechanic) or `NAME.EXT.xmp` (darktable, digiKam).
pub fn find_sidecar(photo: &Path) -> Option<PathBuf> {
    let mut long = photo.as_os_str().to_owned();
    long.push(".xmp");
    [
        photo.with_extension("xmp"),
        photo.with_extension("XMP"),
        PathBuf::from(long),
    ]
    .into_iter()
    .find(|p| p != photo && p.is_file())
}

/// Reads one photo file: hash, metadata, sidecar, thumbnail. A problem with
/// the metadata or the pixels is a warning on the record; only a file that
/// is not a readable JPEG, TIFF or PNG at all is an error.
pub fn read_photo(path: &Path) -> Result<Ingested, ReadError> {
    let meta = std::fs::metadata(path)?;
    let data = std::fs::read(path)?;
    if data.is_empty() {
        return Err(ReadError::Empty);
    }
    let format = ImageFormat::detect(&data).ok_or(ReadError::NotAnImage)?;
    let hash = blake3::hash(&data).to_hex().to_string();
    let bytes = Bytes::from(data);

    let embedded = Embedded::read(format, &bytes)?;
    let mut warnings = embedded.warnings.clone();

    let sidecar_path = find_sidecar(path);
    let mut sidecar = None;
    let mut sidecar_info = None;
    if let Some(sc) = &sidecar_path {
        match std::fs::read(sc) {
            Ok(xml) => {
                let sc_mtime = std::fs::metadata(sc).map(|m| mtime_ns(&m)).unwrap_or(0);
                sidecar_info = Some(Sidecar {
                    path: sc.clone(),
                    mtime_ns: sc_mtime,
                });
                match Xmp::parse(&xml) {
                    Ok(x) => sidecar = Some(x),
                    Err(e) => {
                        warnings.push(format!("sidecar {} could not be read: {e}", sc.display()))
                    }
                }
            }
            Err(e) => warnings.push(format!("sidecar {} could not be read: {e}", sc.display())),
        }
    }

    let technical = embedded.technical();
    let description = embedded.description(sidecar.as_ref());
    warnings.extend(metadata::description_warnings(&embedded, sidecar.as_ref()));
    let mut tags = embedded.raw_tags();
    if let Some(sc) = &sidecar {
        tags.extend(sc.raw_tags("XMP sidecar"));
    }

    if technical.width.unwrap_or(0) == 0 || technical.height.unwrap_or(0) == 0 {
        return Err(ReadError::Damaged("no image size could be read".to_owned()));
    }
    // Damaged pixels or a decompression bomb fail the file; a valid file in
    // a variant the decoder does not know is catalogued without a thumbnail.
    let thumbnail = match thumbnail::make(format, &bytes, technical.orientation) {
        Ok((t, damage)) => {
            warnings.extend(damage);
            Some(t)
        }
        Err(e @ thumbnail::ThumbnailError::Unsupported(_)) => {
            warnings.push(format!("no thumbnail: {e}"));
            None
        }
        Err(e) => return Err(ReadError::Damaged(e.to_string())),
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
        },
        thumbnail,
    })
}
