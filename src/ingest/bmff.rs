//! ISO base media file format (ISO-BMFF) boxes, read from a reader and
//! bounded: the container of HEIF (HEIC), Canon CR3 and JPEG XL.
//!
//! Only box headers are walked; a box's content is read when asked for,
//! within a byte limit. Every declared size is checked against the box
//! that holds it; nesting deeper than [`MAX_DEPTH`] and more than
//! [`MAX_BOXES`] siblings are refused, so a crafted file cannot make the
//! walk recurse or loop without end. HEIF's item tables (`iinf`, `iloc`,
//! `ipma`, `iref`) are read here too, into [`HeifItems`].

use std::io::{Read, Seek, SeekFrom};

use super::container::{ContainerError, stream_len};
use super::fault::Fault;

/// Boxes nested deeper than this are not walked (HEIF and CR3 nest five).
pub const MAX_DEPTH: usize = 16;
/// Sibling boxes read in one container at most.
pub const MAX_BOXES: usize = 10_000;
/// Items in a HEIF file read at most (phones write a few dozen to a few hundred).
pub const MAX_ITEMS: usize = 10_000;

fn broken(fault: Fault) -> ContainerError {
    ContainerError::Broken(fault)
}

/// One box: where it is and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoxHeader {
    pub kind: [u8; 4],
    /// The extended type of a `uuid` box.
    pub uuid: Option<[u8; 16]>,
    /// Offset of the box's first byte.
    pub start: u64,
    /// Offset of its content (after the header, and the uuid).
    pub content: u64,
    /// Offset just past the box.
    pub end: u64,
}

impl BoxHeader {
    pub fn len(&self) -> u64 {
        self.end - self.content
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.content
    }
}

/// Reads exactly `n` bytes at `offset`.
pub fn read_at<R: Read + Seek>(r: &mut R, offset: u64, n: u64) -> Result<Vec<u8>, ContainerError> {
    r.seek(SeekFrom::Start(offset))?;
    let mut data = Vec::new();
    r.take(n).read_to_end(&mut data)?;
    if (data.len() as u64) < n {
        return Err(broken(Fault::EndsInBox));
    }
    Ok(data)
}

/// The boxes from `from` to `to` (a file's top level, or a box's content).
/// A box running past `to` ends the list with an error; a size of 0 means
/// "to the end", as the format allows.
pub fn children<R: Read + Seek>(
    r: &mut R,
    from: u64,
    to: u64,
) -> Result<Vec<BoxHeader>, ContainerError> {
    let mut out = Vec::new();
    let mut at = from;
    while at + 8 <= to {
        if out.len() >= MAX_BOXES {
            return Err(broken(Fault::TooManyBoxes { limit: MAX_BOXES }));
        }
        let head = read_at(r, at, 8)?;
        let size32 = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as u64;
        let kind = [head[4], head[5], head[6], head[7]];
        let (size, mut content) = match size32 {
            0 => (to - at, at + 8),
            1 => {
                let large = read_at(r, at + 8, 8)?;
                (
                    u64::from_be_bytes(large.try_into().unwrap_or_default()),
                    at + 16,
                )
            }
            n => (n, at + 8),
        };
        let end = at
            .checked_add(size)
            .filter(|&end| end <= to && end >= content)
            .ok_or_else(|| {
                broken(Fault::BoxPastContainer {
                    kind: Fault::kind(&kind),
                    at,
                })
            })?;
        let uuid = if &kind == b"uuid" {
            if content + 16 > end {
                return Err(broken(Fault::UuidBoxTooShort));
            }
            let id: [u8; 16] = read_at(r, content, 16)?.try_into().unwrap_or_default();
            content += 16;
            Some(id)
        } else {
            None
        };
        out.push(BoxHeader {
            kind,
            uuid,
            start: at,
            content,
            end,
        });
        at = end;
    }
    Ok(out)
}

/// The top-level boxes of a file.
pub fn top_level<R: Read + Seek>(r: &mut R) -> Result<Vec<BoxHeader>, ContainerError> {
    let len = stream_len(r)?;
    children(r, 0, len)
}

/// A box's content, if at most `limit` bytes.
pub fn content<R: Read + Seek>(
    r: &mut R,
    b: &BoxHeader,
    limit: u64,
) -> Result<Option<Vec<u8>>, ContainerError> {
    if b.len() > limit {
        return Ok(None);
    }
    read_at(r, b.content, b.len()).map(Some)
}

/// The first child of `parent` of type `kind`; `full` skips a full box's
/// version and flags before its children (as `meta` has).
pub fn child<R: Read + Seek>(
    r: &mut R,
    parent: &BoxHeader,
    kind: &[u8; 4],
    full: bool,
) -> Result<Option<BoxHeader>, ContainerError> {
    let from = parent.content + if full { 4 } else { 0 };
    Ok(children(r, from.min(parent.end), parent.end)?
        .into_iter()
        .find(|b| &b.kind == kind))
}

/// A big-endian cursor over a box's content that never reads past it.
pub struct Fields<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Fields<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, at: 0 }
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ContainerError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| broken(Fault::BoxCutShort))?;
        let out = &self.data[self.at..end];
        self.at = end;
        Ok(out)
    }

    pub fn u8(&mut self) -> Result<u8, ContainerError> {
        Ok(self.bytes(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16, ContainerError> {
        let b = self.bytes(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub fn u32(&mut self) -> Result<u32, ContainerError> {
        let b = self.bytes(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// An unsigned number of 0, 4 or 8 bytes (as `iloc` sizes them), or 2.
    pub fn sized(&mut self, size: u8) -> Result<u64, ContainerError> {
        Ok(match size {
            0 => 0,
            2 => self.u16()? as u64,
            4 => self.u32()? as u64,
            8 => {
                let b = self.bytes(8)?;
                u64::from_be_bytes(b.try_into().unwrap_or_default())
            }
            _ => return Err(broken(Fault::BadFieldSize)),
        })
    }

    /// A NUL-terminated string (the rest, if there is no NUL).
    pub fn string(&mut self) -> String {
        let rest = &self.data[self.at..];
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        self.at += (end + 1).min(rest.len());
        String::from_utf8_lossy(&rest[..end]).into_owned()
    }

    pub fn rest(&self) -> &'a [u8] {
        &self.data[self.at..]
    }
}

/// One item of a HEIF file.
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub id: u32,
    pub kind: [u8; 4],
    /// For `mime` items: the content type (`application/rdf+xml` is XMP).
    pub content_type: Option<String>,
    /// Where its data is: (offset in the file, length).
    pub extents: Vec<(u64, u64)>,
    /// Properties (indices into `properties`).
    pub properties: Vec<usize>,
}

/// A property of a HEIF item (from `ipco`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// Image spatial extent: width, height.
    Size(u32, u32),
    /// Rotation, anticlockwise, in quarter turns.
    Rotation(u8),
    /// Mirroring: true about the vertical axis (left to right).
    Mirror(bool),
    Other([u8; 4]),
}

/// The item tables of a HEIF file.
#[derive(Debug, Clone, Default)]
pub struct HeifItems {
    pub primary: Option<u32>,
    pub items: Vec<Item>,
    pub properties: Vec<Property>,
    /// `cdsc` references: (metadata item, the item it describes).
    pub describes: Vec<(u32, u32)>,
}

impl HeifItems {
    pub fn item(&self, id: u32) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn primary_item(&self) -> Option<&Item> {
        self.primary.and_then(|id| self.item(id))
    }

    /// The properties of an item.
    pub fn properties_of<'a>(&'a self, item: &'a Item) -> impl Iterator<Item = Property> + 'a {
        item.properties
            .iter()
            .filter_map(|&i| self.properties.get(i).copied())
    }

    /// Metadata items (`Exif`, or `mime` of `content_type`) describing the
    /// primary image, or any such item when none is linked to it.
    pub fn metadata(&self, exif: bool) -> Option<&Item> {
        let is_wanted = |i: &&Item| {
            if exif {
                &i.kind == b"Exif"
            } else {
                &i.kind == b"mime"
                    && i.content_type
                        .as_deref()
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/rdf+xml"))
            }
        };
        let linked = self.primary.and_then(|p| {
            self.items.iter().filter(is_wanted).find(|i| {
                self.describes
                    .iter()
                    .any(|&(from, to)| from == i.id && to == p)
            })
        });
        linked.or_else(|| self.items.iter().find(is_wanted))
    }
}

/// Reads a HEIF file's `meta` box: items, where their data is, their
/// properties, and which item describes which.
pub fn heif_items<R: Read + Seek>(r: &mut R) -> Result<HeifItems, ContainerError> {
    let top = top_level(r)?;
    let meta = top
        .iter()
        .find(|b| &b.kind == b"meta")
        .copied()
        .ok_or_else(|| broken(Fault::NoMetaBox))?;
    let boxes = children(r, (meta.content + 4).min(meta.end), meta.end)?;
    let get = |kind: &[u8; 4]| boxes.iter().find(|b| &b.kind == kind).copied();
    // Item tables are small; 4 MiB is far past any real one.
    const LIMIT: u64 = 4 << 20;
    let read = |r: &mut R, b: &BoxHeader| -> Result<Vec<u8>, ContainerError> {
        content(r, b, LIMIT)?.ok_or_else(|| broken(Fault::HeifItemTableTooLarge))
    };
    let mut found = HeifItems::default();
    if let Some(b) = get(b"pitm") {
        let data = read(r, &b)?;
        let mut f = Fields::new(&data);
        let version = f.u8()?;
        f.bytes(3)?;
        found.primary = Some(if version == 0 {
            f.u16()? as u32
        } else {
            f.u32()?
        });
    }
    if let Some(b) = get(b"iinf") {
        let version = read_at(r, b.content, 1)?[0];
        let skip = 4 + if version == 0 { 2 } else { 4 };
        for infe in children(r, (b.content + skip).min(b.end), b.end)? {
            if &infe.kind != b"infe" || found.items.len() >= MAX_ITEMS {
                continue;
            }
            let data = read(r, &infe)?;
            let mut f = Fields::new(&data);
            let version = f.u8()?;
            f.bytes(3)?;
            if version < 2 {
                continue; // versions 0 and 1 carry no item type
            }
            let id = if version == 2 {
                f.u16()? as u32
            } else {
                f.u32()?
            };
            f.u16()?; // protection index
            let kind: [u8; 4] = f.bytes(4)?.try_into().unwrap_or_default();
            let _name = f.string();
            let content_type = (&kind == b"mime").then(|| f.string());
            found.items.push(Item {
                id,
                kind,
                content_type,
                ..Item::default()
            });
        }
    }
    let idat = get(b"idat");
    if let Some(b) = get(b"iloc") {
        let data = read(r, &b)?;
        let mut f = Fields::new(&data);
        let version = f.u8()?;
        f.bytes(3)?;
        let sizes = f.u8()?;
        let (offset_size, length_size) = (sizes >> 4, sizes & 15);
        let sizes = f.u8()?;
        let base_size = sizes >> 4;
        let index_size = if version >= 1 { sizes & 15 } else { 0 };
        let count = if version < 2 {
            f.u16()? as u32
        } else {
            f.u32()?
        };
        for _ in 0..count.min(MAX_ITEMS as u32) {
            let id = if version < 2 {
                f.u16()? as u32
            } else {
                f.u32()?
            };
            let method = if version >= 1 { f.u16()? & 15 } else { 0 };
            f.u16()?; // data reference index
            let base = f.sized(base_size)?;
            let extents = f.u16()?;
            let mut located = Vec::new();
            for _ in 0..extents {
                if index_size > 0 {
                    f.sized(index_size)?;
                }
                let offset = f.sized(offset_size)?;
                let length = f.sized(length_size)?;
                let start = match (method, idat) {
                    (0, _) => base.checked_add(offset),
                    (1, Some(idat)) => idat
                        .content
                        .checked_add(base)
                        .and_then(|s| s.checked_add(offset)),
                    _ => None,
                };
                if let Some(start) = start {
                    located.push((start, length));
                }
            }
            if let Some(item) = found.items.iter_mut().find(|i| i.id == id) {
                item.extents = located;
            }
        }
    }
    if let Some(iprp) = get(b"iprp") {
        let inner = children(r, iprp.content, iprp.end)?;
        if let Some(ipco) = inner.iter().find(|b| &b.kind == b"ipco") {
            for p in children(r, ipco.content, ipco.end)? {
                let property = match &p.kind {
                    b"ispe" if p.len() >= 12 => {
                        let d = read_at(r, p.content, 12)?;
                        let mut f = Fields::new(&d);
                        f.bytes(4)?;
                        Property::Size(f.u32()?, f.u32()?)
                    }
                    b"irot" if !p.is_empty() => {
                        Property::Rotation(read_at(r, p.content, 1)?[0] & 3)
                    }
                    b"imir" if !p.is_empty() => {
                        Property::Mirror(read_at(r, p.content, 1)?[0] & 1 == 1)
                    }
                    other => Property::Other(*other),
                };
                found.properties.push(property);
            }
        }
        for ipma in inner.iter().filter(|b| &b.kind == b"ipma") {
            let data = read(r, ipma)?;
            let mut f = Fields::new(&data);
            let version = f.u8()?;
            let flags = f.bytes(3)?[2];
            let count = f.u32()?;
            for _ in 0..count.min(MAX_ITEMS as u32) {
                let id = if version < 1 {
                    f.u16()? as u32
                } else {
                    f.u32()?
                };
                let n = f.u8()?;
                let mut props = Vec::new();
                for _ in 0..n {
                    let index = if flags & 1 == 1 {
                        (f.u16()? & 0x7FFF) as usize
                    } else {
                        (f.u8()? & 0x7F) as usize
                    };
                    // 1-based; 0 means "no property".
                    if index > 0 {
                        props.push(index - 1);
                    }
                }
                if let Some(item) = found.items.iter_mut().find(|i| i.id == id) {
                    item.properties = props;
                }
            }
        }
    }
    if let Some(b) = get(b"iref") {
        let version = read_at(r, b.content, 1)?[0];
        for reference in children(r, (b.content + 4).min(b.end), b.end)? {
            if &reference.kind != b"cdsc" {
                continue;
            }
            let data = read(r, &reference)?;
            let mut f = Fields::new(&data);
            let from = if version == 0 {
                f.u16()? as u32
            } else {
                f.u32()?
            };
            let n = f.u16()?;
            for _ in 0..n {
                let to = if version == 0 {
                    f.u16()? as u32
                } else {
                    f.u32()?
                };
                found.describes.push((from, to));
            }
        }
    }
    Ok(found)
}

/// An item's data, if all of it is in the file and at most `limit` bytes.
pub fn item_data<R: Read + Seek>(
    r: &mut R,
    item: &Item,
    limit: u64,
) -> Result<Option<Vec<u8>>, ContainerError> {
    let total: u64 = item.extents.iter().map(|&(_, n)| n).sum();
    if total > limit || item.extents.is_empty() {
        return Ok(None);
    }
    let len = stream_len(r)?;
    let mut out = Vec::with_capacity(total as usize);
    for &(at, n) in &item.extents {
        if at.checked_add(n).is_none_or(|end| end > len) {
            return Err(broken(Fault::HeifItemPastEnd));
        }
        out.extend_from_slice(&read_at(r, at, n)?);
    }
    Ok(Some(out))
}

/// The boxes found by following `path` from the top level: each step the
/// first box of that type (a `uuid` step names its extended type).
pub fn find<R: Read + Seek>(r: &mut R, path: &[Step]) -> Result<Option<BoxHeader>, ContainerError> {
    if path.len() > MAX_DEPTH {
        return Err(broken(Fault::BoxesTooDeep));
    }
    let len = stream_len(r)?;
    let (mut from, mut to) = (0, len);
    let mut found = None;
    for step in path {
        let list = children(r, from, to)?;
        let Some(b) = list.into_iter().find(|b| step.matches(b)) else {
            return Ok(None);
        };
        from = b.content;
        to = b.end;
        found = Some(b);
    }
    Ok(found)
}

/// One step of a path through boxes.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    Kind(&'static [u8; 4]),
    Uuid([u8; 16]),
}

impl Step {
    fn matches(&self, b: &BoxHeader) -> bool {
        match self {
            Step::Kind(k) => &b.kind == *k,
            Step::Uuid(id) => b.uuid.as_ref() == Some(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(kind: &[u8; 4], content: &[u8]) -> Vec<u8> {
        let mut out = ((content.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(content);
        out
    }

    #[test]
    fn sizes_past_the_container_are_broken_not_followed() {
        let mut data = boxed(b"ftyp", b"heic\0\0\0\0");
        data.extend_from_slice(&0x7FFF_FFFFu32.to_be_bytes());
        data.extend_from_slice(b"meta");
        let err = top_level(&mut std::io::Cursor::new(&data)).unwrap_err();
        assert!(err.to_string().contains("runs past"), "{err}");
    }

    #[test]
    fn a_size_of_zero_runs_to_the_end() {
        let mut data = boxed(b"ftyp", b"mif1\0\0\0\0");
        data.extend_from_slice(&[0, 0, 0, 0]);
        data.extend_from_slice(b"mdat0123");
        let list = top_level(&mut std::io::Cursor::new(&data)).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].end, data.len() as u64);
    }

    #[test]
    fn deep_paths_are_refused() {
        let data = boxed(b"moov", &[]);
        let path = [Step::Kind(b"moov"); MAX_DEPTH + 1];
        assert!(find(&mut std::io::Cursor::new(&data), &path).is_err());
    }
}
