//! Every bound Kartoteka puts on what a file, a query or a user can make it
//! do, in one place, so that the README's "What Kartoteka refuses and why"
//! and the code cannot drift apart.
//!
//! Archives receive files from donors, old CDs and other institutions'
//! exports; a few are damaged and a few may be crafted. Past any of these
//! bounds a file is reported (a warning, or a failure naming the file), never
//! a crash, a hang or an exhausted memory. Real photographs are far inside
//! every one of them.

/// XMP elements nested deeper than this make the whole packet ignored (with
/// a warning); real XMP never nests beyond a dozen levels.
pub const MAX_XMP_DEPTH: usize = 64;

/// An XMP packet with more elements than this is ignored (with a warning).
pub const MAX_XMP_ELEMENTS: usize = 200_000;

/// Claims read from one photo's XMP at most; the rest are ignored (with a
/// warning). A photo with more versions of its fields than this is not
/// a description but an attack.
pub const MAX_CARRIED_CLAIMS: usize = 10_000;

/// Problems of one kind reported for one file at most; the rest are
/// counted in one more line.
pub const MAX_WARNINGS_PER_FILE: usize = 20;

/// Parentheses and `-` nested deeper than this in a query are an error
/// naming the position.
pub const MAX_QUERY_DEPTH: usize = 64;

/// A progressive JPEG with more scans than this is refused as a decoding
/// bomb (libjpeg's `max_scans`; real encoders write about ten).
pub const MAX_JPEG_SCANS: u32 = 100;

/// A JPEG with more segments than this before its image data is damaged
/// (real files have a few dozen; Extended XMP of 16 MiB needs 250).
pub const MAX_JPEG_SEGMENTS: usize = 10_000;

/// Metadata blocks read from one file into memory (EXIF, XMP and Extended
/// XMP, IPTC, PNG text chunks as stored, TIFF directories).
pub const MAX_METADATA_BYTES: u64 = 16 << 20;

/// Text inflated from one file's compressed PNG chunks, all chunks together.
pub const MAX_INFLATED_BYTES: u64 = 16 << 20;

/// An XMP sidecar larger than this is not read.
pub const MAX_SIDECAR_BYTES: u64 = 16 << 20;

/// One descriptive value (a caption, a title, one keyword), in bytes.
/// Longer values are cut, with a warning naming the field and the file.
pub const MAX_FIELD_BYTES: usize = 64 << 10;

/// Levels of one hierarchical keyword (`A|B|C` is three). Every level up to
/// here is kept; deeper ones are cut with a warning (real hierarchies have
/// a handful). Paths and the indented tree grow with the square of the
/// depth, so this bounds the memory of listing the keyword tree.
pub const MAX_KEYWORD_LEVELS: usize = 10_000;

/// One list field (keywords, creators, people), all items together.
pub const MAX_LIST_BYTES: usize = 256 << 10;

/// One raw tag's value as kept for the inspector.
pub const MAX_RAW_TAG_BYTES: usize = 4 << 10;

/// All raw tags of one file together (names and values).
pub const MAX_RAW_TAGS_BYTES: usize = 1 << 20;

/// A CSV file larger than this is not read back.
pub const MAX_CSV_BYTES: u64 = 1 << 30;

/// A keyword list (Lightroom vocabulary) file larger than this is not read.
pub const MAX_VOCABULARY_BYTES: u64 = 64 << 20;

/// `n` bytes as a reader would say it: `16 MiB`, `64 KiB`, `900 bytes`.
pub fn describe_bytes(n: u64) -> String {
    if n >= 1 << 30 && n.is_multiple_of(1 << 30) {
        format!("{} GiB", n >> 30)
    } else if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KiB", n >> 10)
    } else if n >= 10 << 20 {
        format!("{:.0} MB", n as f64 / 1e6)
    } else {
        format!("{n} bytes")
    }
}

/// Cuts `text` to at most `max` bytes at a character boundary; returns
/// whether it was cut.
pub fn truncate_at_char(text: &mut String, max: usize) -> bool {
    if text.len() <= max {
        return false;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(describe_bytes(MAX_FIELD_BYTES as u64), "64 KiB");
        assert_eq!(describe_bytes(MAX_INFLATED_BYTES), "16 MiB");
        assert_eq!(describe_bytes(MAX_CSV_BYTES), "1 GiB");
        assert_eq!(describe_bytes(900), "900 bytes");
        assert_eq!(describe_bytes(52_428_801), "52 MB");
    }

    #[test]
    fn cutting_keeps_whole_characters() {
        let mut s = "Kyndrová".to_owned();
        assert!(truncate_at_char(&mut s, 8));
        assert_eq!(s, "Kyndrov");
        let mut short = "ok".to_owned();
        assert!(!truncate_at_char(&mut short, 8));
    }
}
