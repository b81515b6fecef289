//! Reading TIFF directories from a reader, bounded: classic TIFF, BigTIFF,
//! and the TIFF variants camera raw files use (Olympus ORF's `IIRO`,
//! Panasonic RW2's `IIU`). Only directories and the values asked for are
//! read, never strips or tiles.
//!
//! This is the one TIFF structure walker behind the metadata copy
//! ([`super::container::copy_tiff_metadata`]), raw file classification and
//! previews ([`super::raw`]), page counting and reduced-resolution previews
//! ([`super::tiff_pixels`]). Every count and offset a file declares is
//! checked against the file's length and Kartoteka's limits before anything
//! is allocated.

use std::io::{Read, Seek, SeekFrom};

use super::container::{ContainerError, stream_len};
use super::fault::Fault;

/// Entries read from one directory at most (real files: a few dozen; the
/// classic format cannot hold more than 65,535).
pub const MAX_ENTRIES: u64 = 65_535;
/// Directories one walk may read (pages of a multi-page file, sub-images).
pub const MAX_DIRECTORIES: usize = 10_000;

/// Well-known tags.
pub mod tags {
    pub const NEW_SUBFILE_TYPE: u16 = 254;
    pub const IMAGE_WIDTH: u16 = 256;
    pub const IMAGE_LENGTH: u16 = 257;
    pub const BITS_PER_SAMPLE: u16 = 258;
    pub const COMPRESSION: u16 = 259;
    pub const PHOTOMETRIC: u16 = 262;
    pub const MAKE: u16 = 271;
    pub const STRIP_OFFSETS: u16 = 273;
    pub const SAMPLES_PER_PIXEL: u16 = 277;
    pub const STRIP_BYTE_COUNTS: u16 = 279;
    pub const SUB_IFDS: u16 = 330;
    pub const JPEG_INTERCHANGE: u16 = 513;
    pub const JPEG_INTERCHANGE_LENGTH: u16 = 514;
    pub const EXIF_IFD: u16 = 34665;
    pub const ICC_PROFILE: u16 = 34675;
    pub const DNG_VERSION: u16 = 50706;
    /// Panasonic RW2: the embedded JPEG, as the tag's value.
    pub const RW2_JPEG_FROM_RAW: u16 = 0x002E;
    pub const RW2_SENSOR_TOP: u16 = 0x0004;
    pub const RW2_SENSOR_LEFT: u16 = 0x0005;
    pub const RW2_SENSOR_BOTTOM: u16 = 0x0006;
    pub const RW2_SENSOR_RIGHT: u16 = 0x0007;
    pub const EXIF_PIXEL_X: u16 = 0xA002;
    pub const EXIF_PIXEL_Y: u16 = 0xA003;
}

/// What a TIFF file's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TiffHeader {
    pub little: bool,
    /// BigTIFF: 64-bit offsets and counts.
    pub big: bool,
    /// Offset of the first directory.
    pub first: u64,
}

/// Reads a TIFF header, of any of the variants this module knows.
pub fn header<R: Read + Seek>(r: &mut R) -> Result<TiffHeader, ContainerError> {
    r.seek(SeekFrom::Start(0))?;
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match r.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    if n < 8 {
        return Err(ContainerError::Broken(Fault::TiffHeaderCutShort));
    }
    let little = match &head[0..2] {
        b"II" => true,
        b"MM" => false,
        _ => return Err(ContainerError::Broken(Fault::NotTiff)),
    };
    let u16_at = |i: usize| {
        let b = [head[i], head[i + 1]];
        if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    };
    let u32_at = |i: usize| {
        let b = [head[i], head[i + 1], head[i + 2], head[i + 3]];
        if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    };
    match u16_at(2) {
        // Classic TIFF; Olympus ORF (`IIRO`, `IIRS`, `MMOR`); Panasonic RW2 (`IIU\0`).
        42 | 0x4F52 | 0x5352 | 0x0055 => Ok(TiffHeader {
            little,
            big: false,
            first: u32_at(4) as u64,
        }),
        43 => {
            if n < 16 || u16_at(4) != 8 || u16_at(6) != 0 {
                return Err(ContainerError::Broken(Fault::BigTiffHeader));
            }
            let b: [u8; 8] = head[8..16].try_into().unwrap_or_default();
            let first = if little {
                u64::from_le_bytes(b)
            } else {
                u64::from_be_bytes(b)
            };
            Ok(TiffHeader {
                little,
                big: true,
                first,
            })
        }
        _ => Err(ContainerError::Broken(Fault::NotTiff)),
    }
}

/// Bytes per value of a TIFF field type (`None` for a type this reader
/// does not know, whose values are left alone).
pub fn type_size(kind: u16) -> Option<u64> {
    Some(match kind {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 | 16 | 17 | 18 => 8,
        _ => return None,
    })
}

/// One directory entry, its value not yet read unless it was inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub tag: u16,
    pub kind: u16,
    pub count: u64,
    /// The value field as stored: the value itself when it fits (4 bytes
    /// in classic TIFF, 8 in BigTIFF), else the offset of the value.
    pub field: [u8; 8],
}

/// One directory.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    pub offset: u64,
    pub entries: Vec<Entry>,
    /// Offset of the next directory in the chain (0 for none).
    pub next: u64,
}

impl Directory {
    pub fn get(&self, tag: u16) -> Option<&Entry> {
        self.entries.iter().find(|e| e.tag == tag)
    }
}

/// A TIFF file's directories, read on demand.
pub struct TiffReader<'a, R> {
    r: &'a mut R,
    pub header: TiffHeader,
    len: u64,
    read: usize,
}

impl<'a, R: Read + Seek> TiffReader<'a, R> {
    pub fn new(r: &'a mut R) -> Result<Self, ContainerError> {
        let header = header(r)?;
        let len = stream_len(r)?;
        Ok(Self {
            r,
            header,
            len,
            read: 0,
        })
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn inner(&mut self) -> &mut R {
        self.r
    }

    pub fn u16(&self, b: [u8; 2]) -> u16 {
        if self.header.little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    }

    pub fn u32(&self, b: [u8; 4]) -> u32 {
        if self.header.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    }

    pub fn u64(&self, b: [u8; 8]) -> u64 {
        if self.header.little {
            u64::from_le_bytes(b)
        } else {
            u64::from_be_bytes(b)
        }
    }

    /// Reads `n` bytes at `offset`, which must lie within the file.
    pub fn read_at(&mut self, offset: u64, n: u64) -> Result<Vec<u8>, ContainerError> {
        if offset.checked_add(n).is_none_or(|end| end > self.len) {
            return Err(ContainerError::Broken(Fault::TiffValuePastEnd));
        }
        self.r.seek(SeekFrom::Start(offset))?;
        let mut data = Vec::new();
        (&mut *self.r).take(n).read_to_end(&mut data)?;
        if (data.len() as u64) < n {
            return Err(ContainerError::Broken(Fault::EndsInTiffValue));
        }
        Ok(data)
    }

    /// Reads the directory at `offset`. At most [`MAX_DIRECTORIES`] are
    /// read by one reader, so a chain that loops or never ends stops.
    pub fn directory(&mut self, offset: u64) -> Result<Directory, ContainerError> {
        if self.read >= MAX_DIRECTORIES {
            return Err(ContainerError::Broken(Fault::TooManyTiffDirectories {
                limit: MAX_DIRECTORIES,
            }));
        }
        self.read += 1;
        let big = self.header.big;
        let (count_size, entry_size, next_size) = if big { (8, 20, 8) } else { (2, 12, 4) };
        let head = self.read_at(offset, count_size)?;
        let count = if big {
            self.u64(head[..8].try_into().unwrap_or_default())
        } else {
            self.u16([head[0], head[1]]) as u64
        };
        if count > MAX_ENTRIES {
            return Err(ContainerError::Broken(Fault::TiffEntries { count }));
        }
        let raw = self.read_at(offset + count_size, count * entry_size + next_size)?;
        let mut entries = Vec::with_capacity(count as usize);
        for chunk in raw[..(count * entry_size) as usize].chunks_exact(entry_size as usize) {
            let tag = self.u16([chunk[0], chunk[1]]);
            let kind = self.u16([chunk[2], chunk[3]]);
            let mut field = [0u8; 8];
            let count = if big {
                field.copy_from_slice(&chunk[12..20]);
                self.u64(chunk[4..12].try_into().unwrap_or_default())
            } else {
                field[..4].copy_from_slice(&chunk[8..12]);
                self.u32([chunk[4], chunk[5], chunk[6], chunk[7]]) as u64
            };
            entries.push(Entry {
                tag,
                kind,
                count,
                field,
            });
        }
        let tail = &raw[(count * entry_size) as usize..];
        let next = if big {
            self.u64(tail[..8].try_into().unwrap_or_default())
        } else {
            self.u32([tail[0], tail[1], tail[2], tail[3]]) as u64
        };
        Ok(Directory {
            offset,
            entries,
            next,
        })
    }

    /// The size in bytes of an entry's value (`None` for an unknown type
    /// or an absurd count).
    pub fn value_size(&self, e: &Entry) -> Option<u64> {
        type_size(e.kind)?.checked_mul(e.count)
    }

    /// Where an entry's value lives: `Ok(None)` when it is inline.
    pub fn value_offset(&self, e: &Entry) -> Option<u64> {
        let size = self.value_size(e)?;
        let inline = if self.header.big { 8 } else { 4 };
        if size <= inline {
            None
        } else if self.header.big {
            Some(self.u64(e.field))
        } else {
            Some(self.u32([e.field[0], e.field[1], e.field[2], e.field[3]]) as u64)
        }
    }

    /// An entry's value as stored, if it is at most `limit` bytes.
    pub fn value(&mut self, e: &Entry, limit: u64) -> Result<Option<Vec<u8>>, ContainerError> {
        let Some(size) = self.value_size(e) else {
            return Ok(None);
        };
        if size > limit {
            return Ok(None);
        }
        match self.value_offset(e) {
            None => Ok(Some(e.field[..size as usize].to_vec())),
            Some(at) => self.read_at(at, size).map(Some),
        }
    }

    /// An entry's values as unsigned numbers (BYTE, SHORT, LONG, LONG8,
    /// IFD, IFD8), at most `max` of them; empty for other types.
    pub fn numbers(&mut self, e: &Entry, max: u64) -> Result<Vec<u64>, ContainerError> {
        let Some(size) = type_size(e.kind) else {
            return Ok(Vec::new());
        };
        if !matches!(e.kind, 1 | 3 | 4 | 13 | 16 | 18) || e.count > max {
            return Ok(Vec::new());
        }
        let Some(bytes) = self.value(e, max.saturating_mul(size))? else {
            return Ok(Vec::new());
        };
        Ok(bytes
            .chunks_exact(size as usize)
            .map(|c| match size {
                1 => c[0] as u64,
                2 => self.u16([c[0], c[1]]) as u64,
                4 => self.u32([c[0], c[1], c[2], c[3]]) as u64,
                _ => self.u64(c.try_into().unwrap_or_default()),
            })
            .collect())
    }

    /// The first value of a numeric entry (of one value, or one per sample
    /// as SampleFormat may be written).
    pub fn number(&mut self, dir: &Directory, tag: u16) -> Option<u64> {
        let e = *dir.get(tag)?;
        self.numbers(&e, 64).ok()?.first().copied()
    }

    /// The text of an ASCII entry (up to its first NUL), at most 4 KiB.
    pub fn text(&mut self, dir: &Directory, tag: u16) -> Option<String> {
        let e = *dir.get(tag)?;
        if e.kind != 2 {
            return None;
        }
        let bytes = self.value(&e, 4096).ok()??;
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        Some(String::from_utf8_lossy(&bytes[..end]).trim().to_owned())
    }

    /// The directories of the main chain (IFD0, IFD1, ...), at most `max`.
    /// A chain that loops ends where it would repeat itself.
    pub fn chain(&mut self, max: usize) -> Result<Vec<Directory>, ContainerError> {
        let mut out: Vec<Directory> = Vec::new();
        let mut next = self.header.first;
        while next != 0 && out.len() < max {
            if out.iter().any(|d| d.offset == next) {
                break;
            }
            match self.directory(next) {
                Ok(d) => {
                    next = d.next;
                    out.push(d);
                }
                // The first directory must be readable; a broken link
                // later only ends the chain.
                Err(e) if out.is_empty() => return Err(e),
                Err(_) => break,
            }
        }
        Ok(out)
    }

    /// The sub-directories a directory points to with SubIFDs (330), at
    /// most `max`.
    pub fn sub_directories(&mut self, dir: &Directory, max: usize) -> Vec<Directory> {
        let Some(e) = dir.get(tags::SUB_IFDS).copied() else {
            return Vec::new();
        };
        let offsets = self.numbers(&e, max as u64).unwrap_or_default();
        offsets
            .into_iter()
            .filter(|&o| o != dir.offset)
            .filter_map(|o| self.directory(o).ok())
            .collect()
    }
}
