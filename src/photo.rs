//! What the catalogue knows about one photograph.
//!
//! These are plain data types shared by ingest, the catalogue, the command
//! line and the desktop app. They know nothing of SQL or of the screen.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// A photo's id in the catalogue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct PhotoId(pub i64);

impl fmt::Display for PhotoId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Image formats Kartoteka catalogues, detected by content (never by the
/// file's extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Jpeg,
    Tiff,
    Png,
    WebP,
    /// JPEG XL, as a bare codestream or in its box container.
    Jxl,
    /// HEIF: HEIC from phones, and other HEIF brands.
    Heif,
    /// A camera's raw file.
    Raw(RawKind),
}

/// The camera raw formats Kartoteka reads metadata and embedded previews
/// from. It never decodes raw sensor data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RawKind {
    Dng,
    Cr2,
    Cr3,
    Nef,
    Arw,
    Orf,
    Raf,
    Rw2,
    Pef,
}

impl RawKind {
    pub const ALL: [RawKind; 9] = [
        Self::Dng,
        Self::Cr2,
        Self::Cr3,
        Self::Nef,
        Self::Arw,
        Self::Orf,
        Self::Raf,
        Self::Rw2,
        Self::Pef,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dng => "dng",
            Self::Cr2 => "cr2",
            Self::Cr3 => "cr3",
            Self::Nef => "nef",
            Self::Arw => "arw",
            Self::Orf => "orf",
            Self::Raf => "raf",
            Self::Rw2 => "rw2",
            Self::Pef => "pef",
        }
    }
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A format Kartoteka catalogues.
    Photo(ImageFormat),
    /// A known format Kartoteka does not catalogue, by name ("GIF").
    Unsupported(&'static str),
    /// Nothing Kartoteka recognises.
    Unknown,
}

/// How many leading bytes [`ImageFormat::sniff`] looks at.
pub const SNIFF_BYTES: usize = 32;

impl ImageFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Tiff => "tiff",
            Self::Png => "png",
            Self::WebP => "webp",
            Self::Jxl => "jxl",
            Self::Heif => "heif",
            Self::Raw(kind) => kind.as_str(),
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "jpeg" => Some(Self::Jpeg),
            "tiff" => Some(Self::Tiff),
            "png" => Some(Self::Png),
            "webp" => Some(Self::WebP),
            "jxl" => Some(Self::Jxl),
            "heif" => Some(Self::Heif),
            other => RawKind::ALL
                .into_iter()
                .find(|k| k.as_str() == other)
                .map(Self::Raw),
        }
    }

    /// The name an archivist knows the format by.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Jpeg => "JPEG",
            Self::Tiff => "TIFF",
            Self::Png => "PNG",
            Self::WebP => "WebP",
            Self::Jxl => "JPEG XL",
            Self::Heif => "HEIF",
            Self::Raw(RawKind::Dng) => "DNG",
            Self::Raw(RawKind::Cr2) => "Canon CR2",
            Self::Raw(RawKind::Cr3) => "Canon CR3",
            Self::Raw(RawKind::Nef) => "Nikon NEF",
            Self::Raw(RawKind::Arw) => "Sony ARW",
            Self::Raw(RawKind::Orf) => "Olympus ORF",
            Self::Raw(RawKind::Raf) => "Fujifilm RAF",
            Self::Raw(RawKind::Rw2) => "Panasonic RW2",
            Self::Raw(RawKind::Pef) => "Pentax PEF",
        }
    }

    pub fn is_raw(self) -> bool {
        matches!(self, Self::Raw(_))
    }

    /// Sniffs the first bytes of a file (up to [`SNIFF_BYTES`]). TIFF-based
    /// raw files (DNG, NEF, ARW, PEF) start as any TIFF does and are told
    /// apart by their directories when the file is read; CR2, ORF, RW2,
    /// RAF and CR3 announce themselves here.
    pub fn detect(head: &[u8]) -> Option<Self> {
        match Self::sniff(head) {
            Sniffed::Photo(f) => Some(f),
            _ => None,
        }
    }

    /// What the first bytes of a file say it is; see [`Sniffed`].
    pub fn sniff(head: &[u8]) -> Sniffed {
        let at = |range: std::ops::Range<usize>| head.get(range).unwrap_or(&[]);
        let photo = Sniffed::Photo;
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return photo(Self::Jpeg);
        }
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            return photo(Self::Png);
        }
        if head.starts_with(b"II*\0") && at(8..10) == b"CR" {
            return photo(Self::Raw(RawKind::Cr2));
        }
        if head.starts_with(b"II*\0")
            || head.starts_with(b"MM\0*")
            || head.starts_with(b"II+\0")
            || head.starts_with(b"MM\0+")
        {
            return photo(Self::Tiff);
        }
        if head.starts_with(b"IIRO") || head.starts_with(b"IIRS") || head.starts_with(b"MMOR") {
            return photo(Self::Raw(RawKind::Orf));
        }
        if head.starts_with(b"IIU\0") {
            return photo(Self::Raw(RawKind::Rw2));
        }
        if head.starts_with(b"FUJIFILMCCD-RAW") {
            return photo(Self::Raw(RawKind::Raf));
        }
        if head.starts_with(b"RIFF") && at(8..12) == b"WEBP" {
            return photo(Self::WebP);
        }
        if head.starts_with(&[0xFF, 0x0A]) || head.starts_with(b"\0\0\0\x0CJXL \r\n\x87\n") {
            return photo(Self::Jxl);
        }
        if at(4..8) == b"ftyp" {
            let brands: Vec<&[u8]> = std::iter::once(at(8..12))
                .chain(head.get(16..).unwrap_or(&[]).chunks_exact(4))
                .collect();
            let has = |names: &[&[u8]]| brands.iter().any(|b| names.contains(b));
            if has(&[b"crx "]) {
                return photo(Self::Raw(RawKind::Cr3));
            }
            if has(&[b"avif", b"avis"]) {
                return Sniffed::Unsupported("AVIF");
            }
            if has(&[
                b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
            ]) {
                return photo(Self::Heif);
            }
            if has(&[b"jp2 ", b"jpx "]) {
                return Sniffed::Unsupported("JPEG 2000");
            }
            return Sniffed::Unsupported("MP4 or QuickTime video");
        }
        if head.starts_with(b"\0\0\0\x0CjP  \r\n\x87\n") {
            return Sniffed::Unsupported("JPEG 2000");
        }
        if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            return Sniffed::Unsupported("GIF");
        }
        if head.starts_with(b"BM") && head.len() >= 18 && at(6..10) == [0, 0, 0, 0] {
            return Sniffed::Unsupported("BMP");
        }
        if head.starts_with(b"8BPS") {
            return Sniffed::Unsupported("Photoshop PSD");
        }
        if head.starts_with(b"%PDF") {
            return Sniffed::Unsupported("PDF");
        }
        if head.starts_with(b"II\xBC") {
            return Sniffed::Unsupported("JPEG XR");
        }
        if head.starts_with(b"RIFF") {
            return Sniffed::Unsupported("RIFF (not WebP)");
        }
        Sniffed::Unknown
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Technical {
    /// Fills the facts this one lacks from `other`.
    pub fn fill_from(&mut self, other: Technical) {
        macro_rules! fill {
            ($($f:ident),*) => { $( if self.$f.is_none() { self.$f = other.$f; } )* };
        }
        fill!(
            width,
            height,
            orientation,
            camera_make,
            camera_model,
            lens,
            taken_at,
            digitized_at,
            exposure_time,
            f_number,
            iso,
            focal_length,
            gps,
            pages
        );
    }
}

/// The file on disk a photo record was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct FileInfo {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
    /// BLAKE3 of the whole file, lowercase hex.
    pub hash: String,
    pub format: ImageFormat,
    /// The XMP sidecar read with the photo, if there was one.
    pub sidecar: Option<Sidecar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sidecar {
    pub path: PathBuf,
    pub mtime_ns: i64,
}

/// Signed decimal degrees (north and east positive), altitude in metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Gps {
    pub lat: f64,
    pub lon: f64,
    pub alt: Option<f64>,
}

/// Technical facts, from EXIF and the image itself. Always re-read from the
/// file; never edited in the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Technical {
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// EXIF orientation 1..=8.
    pub orientation: Option<u16>,
    pub camera_make: Option<String>,
    pub camera_model: Option<String>,
    pub lens: Option<String>,
    /// ISO 8601, with the UTC offset when the camera recorded one.
    pub taken_at: Option<String>,
    pub digitized_at: Option<String>,
    /// Seconds.
    pub exposure_time: Option<f64>,
    pub f_number: Option<f64>,
    pub iso: Option<u32>,
    /// Millimetres, as recorded (not 35 mm equivalent).
    pub focal_length: Option<f64>,
    pub gps: Option<Gps>,
    /// Pages (images) in a multi-page file; `None` for a file of one image.
    /// The first page is the one catalogued.
    pub pages: Option<u32>,
}

/// The descriptive fields an archivist writes: caption, credit, place,
/// people, keywords. Read from XMP and IPTC IIM; editable in the catalogue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Description {
    pub title: Option<String>,
    pub headline: Option<String>,
    pub caption: Option<String>,
    pub creators: Vec<String>,
    pub credit: Option<String>,
    pub copyright: Option<String>,
    pub source: Option<String>,
    pub instructions: Option<String>,
    pub job_id: Option<String>,
    pub sublocation: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
    /// Flat keywords as listed (XMP dc:subject, IIM 2:25).
    pub keywords: Vec<String>,
    /// Keyword paths `A|B|C` (Lightroom's lr:hierarchicalSubject).
    pub hierarchical_keywords: Vec<String>,
    /// People shown (IPTC Extension PersonInImage).
    pub people: Vec<String>,
    pub event: Option<String>,
    /// The date the photo depicts, as precise as it is known
    /// (`1991`, `1991-06`, `1991-06-21`). Not the capture date.
    pub date_created: Option<String>,
    pub digital_source_type: Option<String>,
}

/// Names of the descriptive fields, as they appear in JSON output, in the
/// catalogue's columns and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Headline,
    Caption,
    Creators,
    Credit,
    Copyright,
    Source,
    Instructions,
    JobId,
    Sublocation,
    City,
    State,
    Country,
    CountryCode,
    Keywords,
    HierarchicalKeywords,
    People,
    Event,
    DateCreated,
    DigitalSourceType,
}

/// A descriptive field's value: text or a list of texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(Option<String>),
    List(Vec<String>),
}

impl Field {
    pub const ALL: [Field; 20] = [
        Field::Title,
        Field::Headline,
        Field::Caption,
        Field::Creators,
        Field::Credit,
        Field::Copyright,
        Field::Source,
        Field::Instructions,
        Field::JobId,
        Field::Sublocation,
        Field::City,
        Field::State,
        Field::Country,
        Field::CountryCode,
        Field::Keywords,
        Field::HierarchicalKeywords,
        Field::People,
        Field::Event,
        Field::DateCreated,
        Field::DigitalSourceType,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Headline => "headline",
            Field::Caption => "caption",
            Field::Creators => "creators",
            Field::Credit => "credit",
            Field::Copyright => "copyright",
            Field::Source => "source",
            Field::Instructions => "instructions",
            Field::JobId => "job_id",
            Field::Sublocation => "sublocation",
            Field::City => "city",
            Field::State => "state",
            Field::Country => "country",
            Field::CountryCode => "country_code",
            Field::Keywords => "keywords",
            Field::HierarchicalKeywords => "hierarchical_keywords",
            Field::People => "people",
            Field::Event => "event",
            Field::DateCreated => "date_created",
            Field::DigitalSourceType => "digital_source_type",
        }
    }

    /// The field's name for people, as the inspector labels it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Headline => "Headline",
            Field::Caption => "Caption",
            Field::Creators => "Creators",
            Field::Credit => "Credit",
            Field::Copyright => "Copyright",
            Field::Source => "Source",
            Field::Instructions => "Instructions",
            Field::JobId => "Job id",
            Field::Sublocation => "Sublocation",
            Field::City => "City",
            Field::State => "State/province",
            Field::Country => "Country",
            Field::CountryCode => "Country code",
            Field::Keywords => "Keywords",
            Field::HierarchicalKeywords => "Hierarchical keywords",
            Field::People => "People",
            Field::Event => "Event",
            Field::DateCreated => "Date depicted",
            Field::DigitalSourceType => "Digital source type",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn is_list(self) -> bool {
        matches!(
            self,
            Field::Creators | Field::Keywords | Field::HierarchicalKeywords | Field::People
        )
    }

    /// Keyword fields live in the keyword tables, not in photo columns.
    pub fn is_keywords(self) -> bool {
        matches!(self, Field::Keywords | Field::HierarchicalKeywords)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Description {
    /// The keywords as a person reads them: the hierarchical paths, then
    /// the flat keywords no path ends in.
    pub fn keyword_list(&self) -> Vec<String> {
        let leaves: std::collections::BTreeSet<&str> = self
            .hierarchical_keywords
            .iter()
            .map(|h| h.rsplit('|').next().unwrap_or(h))
            .collect();
        let mut all = self.hierarchical_keywords.clone();
        all.extend(
            self.keywords
                .iter()
                .filter(|k| !leaves.contains(k.as_str()))
                .cloned(),
        );
        all
    }

    pub fn get(&self, field: Field) -> FieldValue {
        use FieldValue::{List, Text};
        match field {
            Field::Title => Text(self.title.clone()),
            Field::Headline => Text(self.headline.clone()),
            Field::Caption => Text(self.caption.clone()),
            Field::Creators => List(self.creators.clone()),
            Field::Credit => Text(self.credit.clone()),
            Field::Copyright => Text(self.copyright.clone()),
            Field::Source => Text(self.source.clone()),
            Field::Instructions => Text(self.instructions.clone()),
            Field::JobId => Text(self.job_id.clone()),
            Field::Sublocation => Text(self.sublocation.clone()),
            Field::City => Text(self.city.clone()),
            Field::State => Text(self.state.clone()),
            Field::Country => Text(self.country.clone()),
            Field::CountryCode => Text(self.country_code.clone()),
            Field::Keywords => List(self.keywords.clone()),
            Field::HierarchicalKeywords => List(self.hierarchical_keywords.clone()),
            Field::People => List(self.people.clone()),
            Field::Event => Text(self.event.clone()),
            Field::DateCreated => Text(self.date_created.clone()),
            Field::DigitalSourceType => Text(self.digital_source_type.clone()),
        }
    }

    /// A mutable handle on a text field, or `None` for list fields.
    pub fn text_mut(&mut self, field: Field) -> Option<&mut Option<String>> {
        Some(match field {
            Field::Title => &mut self.title,
            Field::Headline => &mut self.headline,
            Field::Caption => &mut self.caption,
            Field::Credit => &mut self.credit,
            Field::Copyright => &mut self.copyright,
            Field::Source => &mut self.source,
            Field::Instructions => &mut self.instructions,
            Field::JobId => &mut self.job_id,
            Field::Sublocation => &mut self.sublocation,
            Field::City => &mut self.city,
            Field::State => &mut self.state,
            Field::Country => &mut self.country,
            Field::CountryCode => &mut self.country_code,
            Field::Event => &mut self.event,
            Field::DateCreated => &mut self.date_created,
            Field::DigitalSourceType => &mut self.digital_source_type,
            Field::Creators | Field::Keywords | Field::HierarchicalKeywords | Field::People => {
                return None;
            }
        })
    }

    /// A mutable handle on a list field, or `None` for text fields.
    pub fn list_mut(&mut self, field: Field) -> Option<&mut Vec<String>> {
        match field {
            Field::Creators => Some(&mut self.creators),
            Field::Keywords => Some(&mut self.keywords),
            Field::HierarchicalKeywords => Some(&mut self.hierarchical_keywords),
            Field::People => Some(&mut self.people),
            _ => None,
        }
    }

    pub fn set(&mut self, field: Field, value: FieldValue) {
        match value {
            FieldValue::Text(t) => {
                if let Some(slot) = self.text_mut(field) {
                    *slot = t;
                }
            }
            FieldValue::List(l) => {
                if let Some(slot) = self.list_mut(field) {
                    *slot = l;
                }
            }
        }
    }

    pub fn is_set(&self, field: Field) -> bool {
        match self.get(field) {
            FieldValue::Text(t) => t.is_some(),
            FieldValue::List(l) => !l.is_empty(),
        }
    }
}

/// One raw metadata tag, as found in the file: `("EXIF IFD0", "Make", "Canon")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RawTag {
    pub group: String,
    pub name: String,
    pub value: String,
}

impl RawTag {
    pub fn new(
        group: impl Into<String>,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        Self {
            group: group.into(),
            name: name.into(),
            value: value.into(),
        }
    }
}

/// Pick / reject flags, as in Lightroom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum Flag {
    Pick,
    Reject,
}

impl Flag {
    pub fn name(self) -> &'static str {
        match self {
            Flag::Pick => "pick",
            Flag::Reject => "reject",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "pick" => Some(Flag::Pick),
            "reject" => Some(Flag::Reject),
            _ => None,
        }
    }
}

/// Colour labels, as in Lightroom (keys 6 to 9 set red to blue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum Label {
    Red,
    Yellow,
    Green,
    Blue,
    Purple,
}

impl Label {
    pub const ALL: [Label; 5] = [
        Label::Red,
        Label::Yellow,
        Label::Green,
        Label::Blue,
        Label::Purple,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Label::Red => "red",
            Label::Yellow => "yellow",
            Label::Green => "green",
            Label::Blue => "blue",
            Label::Purple => "purple",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Label::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// What the catalogue adds to a photo: the curator's judgement and notes.
/// Never read from or written to files by import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Curation {
    /// 0 (unrated) to 5.
    pub rating: u8,
    pub flag: Option<Flag>,
    pub label: Option<Label>,
    /// A free catalogue note.
    pub note: Option<String>,
    /// When `check` last found the file gone.
    pub missing_since: Option<String>,
}

/// Anything an edit can change: a descriptive field or part of the curation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attribute {
    Field(Field),
    Note,
    Rating,
    Flag,
    Label,
}

impl Attribute {
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Field(f) => f.name(),
            Attribute::Note => "note",
            Attribute::Rating => "rating",
            Attribute::Flag => "flag",
            Attribute::Label => "label",
        }
    }

    /// The attribute's name for people, as the inspector labels it.
    pub fn label(self) -> &'static str {
        match self {
            Attribute::Field(f) => f.label(),
            Attribute::Note => "Catalogue note",
            Attribute::Rating => "Rating",
            Attribute::Flag => "Flag",
            Attribute::Label => "Colour label",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "note" => Some(Attribute::Note),
            "rating" => Some(Attribute::Rating),
            "flag" => Some(Attribute::Flag),
            "label" => Some(Attribute::Label),
            other => Field::from_name(other).map(Attribute::Field),
        }
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything read from one file: what import hands to the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoRecord {
    pub file: FileInfo,
    pub technical: Technical,
    pub description: Description,
    pub tags: Vec<RawTag>,
    /// Problems met while reading that did not stop the import.
    pub warnings: Vec<crate::ingest::Warning>,
    /// Claims the file's XMP carries (written by a Kartoteka catalogue),
    /// restored into a photo that has none.
    pub claims: Vec<CarriedClaim>,
}

/// A claim as a file's XMP carries it in Kartoteka's namespace, with the
/// source it cites. Its field is claimable and its value checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CarriedClaim {
    pub field: String,
    pub value: serde_json::Value,
    pub source: Option<crate::catalog::SourceRecord>,
    pub locator: Option<String>,
    pub certainty: Option<crate::catalog::Certainty>,
    pub note: Option<String>,
    pub preferred: bool,
}

/// A photo as stored in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub id: PhotoId,
    pub file: FileInfo,
    pub technical: Technical,
    pub description: Description,
    pub curation: Curation,
    pub warnings: Vec<crate::ingest::Warning>,
}
