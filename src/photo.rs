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

/// Image container formats Kartoteka catalogues, detected by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Jpeg,
    Tiff,
    Png,
}

impl ImageFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Tiff => "tiff",
            Self::Png => "png",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "jpeg" => Some(Self::Jpeg),
            "tiff" => Some(Self::Tiff),
            "png" => Some(Self::Png),
            _ => None,
        }
    }

    /// Sniffs the first bytes of a file.
    pub fn detect(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if head.starts_with(b"II*\0")
            || head.starts_with(b"MM\0*")
            || head.starts_with(b"II+\0")
            || head.starts_with(b"MM\0+")
        {
            Some(Self::Tiff)
        } else {
            None
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Gps {
    pub lat: f64,
    pub lon: f64,
    pub alt: Option<f64>,
}

/// Technical facts, from EXIF and the image itself. Always re-read from the
/// file; never edited in the catalogue.
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    pub warnings: Vec<String>,
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
    pub warnings: Vec<String>,
}
