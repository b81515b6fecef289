//! CSV catalogues, in two dialects.
//!
//! The **catalogue** profile is for curators and spreadsheets: friendly
//! headers, UTF-8 with a byte order mark (so that Excel reads Czech and
//! Cyrillic right), lists joined with `"; "`. Cells a spreadsheet would run
//! as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) are neutralised by a leading `'`, as are cells that start with
//! `'` themselves, so reading the file back removes exactly one `'` from any
//! cell that starts with one.
//!
//! The **exiftool** profile is exactly `exiftool -csv`: `SourceFile`, then
//! tag names, lists joined with `"; "`, nothing neutralised, so that
//! `exiftool -csv=FILE -sep "; " FILES` writes the catalogue into files.
//!
//! Both are read back for bulk editing ([`read`]).

use std::io::Write;

use serde_json::Value;

use crate::catalog::SetItem;
use crate::photo::{Attribute, Field, Photo, PhotoId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Catalogue,
    Exiftool,
}

impl Profile {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "catalogue" | "catalog" => Some(Self::Catalogue),
            "exiftool" => Some(Self::Exiftool),
            _ => None,
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The photo's id (matches rows on import).
    Id,
    /// The photo's file (matches rows on import).
    File,
    /// An editable value.
    Value(Attribute),
    /// Position in the exhibition set (read only).
    Position,
    /// The wall label in the exhibition set.
    WallLabel,
    /// Technical facts, exported for reference and ignored on import.
    Taken,
    Camera,
    Width,
    Height,
}

/// The catalogue profile's columns and headers, in order.
pub const CATALOGUE_COLUMNS: &[(&str, Column)] = &[
    ("ID", Column::Id),
    ("File", Column::File),
    ("Title", Column::Value(Attribute::Field(Field::Title))),
    ("Headline", Column::Value(Attribute::Field(Field::Headline))),
    ("Caption", Column::Value(Attribute::Field(Field::Caption))),
    ("Creator", Column::Value(Attribute::Field(Field::Creators))),
    ("Credit", Column::Value(Attribute::Field(Field::Credit))),
    (
        "Copyright",
        Column::Value(Attribute::Field(Field::Copyright)),
    ),
    ("Source", Column::Value(Attribute::Field(Field::Source))),
    (
        "Date depicted",
        Column::Value(Attribute::Field(Field::DateCreated)),
    ),
    ("Event", Column::Value(Attribute::Field(Field::Event))),
    ("People", Column::Value(Attribute::Field(Field::People))),
    (
        "Sublocation",
        Column::Value(Attribute::Field(Field::Sublocation)),
    ),
    ("City", Column::Value(Attribute::Field(Field::City))),
    ("State", Column::Value(Attribute::Field(Field::State))),
    ("Country", Column::Value(Attribute::Field(Field::Country))),
    (
        "Country code",
        Column::Value(Attribute::Field(Field::CountryCode)),
    ),
    ("Keywords", Column::Value(Attribute::Field(Field::Keywords))),
    (
        "Hierarchical keywords",
        Column::Value(Attribute::Field(Field::HierarchicalKeywords)),
    ),
    ("Job ID", Column::Value(Attribute::Field(Field::JobId))),
    (
        "Instructions",
        Column::Value(Attribute::Field(Field::Instructions)),
    ),
    (
        "Digital source type",
        Column::Value(Attribute::Field(Field::DigitalSourceType)),
    ),
    ("Rating", Column::Value(Attribute::Rating)),
    ("Flag", Column::Value(Attribute::Flag)),
    ("Label", Column::Value(Attribute::Label)),
    ("Note", Column::Value(Attribute::Note)),
    ("Taken", Column::Taken),
    ("Camera", Column::Camera),
    ("Width", Column::Width),
    ("Height", Column::Height),
];

/// The exiftool profile's columns: the tags `exiftool -csv` names.
pub const EXIFTOOL_COLUMNS: &[(&str, Column)] = &[
    ("SourceFile", Column::File),
    (
        "XMP-dc:Title",
        Column::Value(Attribute::Field(Field::Title)),
    ),
    (
        "XMP-photoshop:Headline",
        Column::Value(Attribute::Field(Field::Headline)),
    ),
    (
        "XMP-dc:Description",
        Column::Value(Attribute::Field(Field::Caption)),
    ),
    (
        "XMP-dc:Creator",
        Column::Value(Attribute::Field(Field::Creators)),
    ),
    (
        "XMP-photoshop:Credit",
        Column::Value(Attribute::Field(Field::Credit)),
    ),
    (
        "XMP-dc:Rights",
        Column::Value(Attribute::Field(Field::Copyright)),
    ),
    (
        "XMP-photoshop:Source",
        Column::Value(Attribute::Field(Field::Source)),
    ),
    (
        "XMP-photoshop:Instructions",
        Column::Value(Attribute::Field(Field::Instructions)),
    ),
    (
        "XMP-photoshop:TransmissionReference",
        Column::Value(Attribute::Field(Field::JobId)),
    ),
    (
        "XMP-iptcCore:Location",
        Column::Value(Attribute::Field(Field::Sublocation)),
    ),
    (
        "XMP-photoshop:City",
        Column::Value(Attribute::Field(Field::City)),
    ),
    (
        "XMP-photoshop:State",
        Column::Value(Attribute::Field(Field::State)),
    ),
    (
        "XMP-photoshop:Country",
        Column::Value(Attribute::Field(Field::Country)),
    ),
    (
        "XMP-iptcCore:CountryCode",
        Column::Value(Attribute::Field(Field::CountryCode)),
    ),
    (
        "XMP-dc:Subject",
        Column::Value(Attribute::Field(Field::Keywords)),
    ),
    (
        "XMP-lr:HierarchicalSubject",
        Column::Value(Attribute::Field(Field::HierarchicalKeywords)),
    ),
    (
        "XMP-iptcExt:PersonInImage",
        Column::Value(Attribute::Field(Field::People)),
    ),
    (
        "XMP-iptcExt:Event",
        Column::Value(Attribute::Field(Field::Event)),
    ),
    (
        "XMP-photoshop:DateCreated",
        Column::Value(Attribute::Field(Field::DateCreated)),
    ),
    (
        "XMP-iptcExt:DigitalSourceType",
        Column::Value(Attribute::Field(Field::DigitalSourceType)),
    ),
    ("XMP-xmp:Rating", Column::Value(Attribute::Rating)),
];

/// The list separator of both profiles (and of `exiftool -sep "; "`).
pub const SEPARATOR: &str = "; ";

fn columns_of(profile: Profile) -> &'static [(&'static str, Column)] {
    match profile {
        Profile::Catalogue => CATALOGUE_COLUMNS,
        Profile::Exiftool => EXIFTOOL_COLUMNS,
    }
}

/// Chooses columns by name (header, case-insensitive, or field name).
pub fn choose_columns(
    profile: Profile,
    names: Option<&str>,
) -> Result<Vec<(String, Column)>, String> {
    let all = columns_of(profile);
    let Some(names) = names else {
        return Ok(all.iter().map(|(h, c)| ((*h).to_owned(), *c)).collect());
    };
    names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| {
            all.iter()
                .find(|(h, c)| {
                    h.eq_ignore_ascii_case(name)
                        || matches!(c, Column::Value(a) if a.name().eq_ignore_ascii_case(name))
                })
                .map(|(h, c)| ((*h).to_owned(), *c))
                .ok_or_else(|| {
                    format!(
                        "no column {name:?}; columns are {}",
                        all.iter().map(|(h, _)| *h).collect::<Vec<_>>().join(", ")
                    )
                })
        })
        .collect()
}

/// A list in one cell: items joined with `"; "`. An item that would not
/// split back cleanly (holding a `;`, a `"`, or leading or trailing
/// spaces) is put in double quotes, with inner quotes doubled.
pub fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| {
            if i.contains(';') || i.contains('"') || i.trim() != i {
                format!("\"{}\"", i.replace('"', "\"\""))
            } else {
                i.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// The inverse of [`join_list`].
pub fn split_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut chars = cell.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ' ') {
            chars.next();
        }
        let mut item = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        item.push('"');
                    } else {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
            // Skip to the separator.
            for c in chars.by_ref() {
                if c == ';' {
                    break;
                }
            }
            items.push(item);
        } else {
            let mut ended = true;
            for c in chars.by_ref() {
                if c == ';' {
                    ended = false;
                    break;
                }
                item.push(c);
            }
            let item = item.trim().to_owned();
            if !item.is_empty() {
                items.push(item);
            }
            if ended {
                break;
            }
            continue;
        }
        if chars.peek().is_none() {
            break;
        }
    }
    items
}

/// Characters that make a spreadsheet treat a cell as a formula.
fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// `'=SUM(1+1)`: what the catalogue profile writes for `=SUM(1+1)`.
pub fn neutralise(cell: String) -> String {
    if looks_like_formula(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The inverse of [`neutralise`].
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// exiftool writes and reads XMP dates with colons: `1991:06:21`.
fn exiftool_date(iso: &str) -> String {
    match iso.split_once('T') {
        Some((date, time)) => format!("{} {time}", date.replace('-', ":")),
        None => iso.replace('-', ":"),
    }
}

/// The text of one cell.
pub fn cell(profile: Profile, column: Column, photo: &Photo, item: Option<&SetItem>) -> String {
    let text = match column {
        Column::Id => photo.id.to_string(),
        Column::File => photo.file.path.to_string_lossy().into_owned(),
        Column::Position => item.map(|i| i.position.to_string()).unwrap_or_default(),
        Column::WallLabel => item.and_then(|i| i.note.clone()).unwrap_or_default(),
        Column::Taken => photo.technical.taken_at.clone().unwrap_or_default(),
        Column::Camera => [&photo.technical.camera_make, &photo.technical.camera_model]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        Column::Width => photo
            .technical
            .width
            .map(|w| w.to_string())
            .unwrap_or_default(),
        Column::Height => photo
            .technical
            .height
            .map(|h| h.to_string())
            .unwrap_or_default(),
        Column::Value(Attribute::Field(Field::DateCreated)) if profile == Profile::Exiftool => {
            photo
                .description
                .date_created
                .as_deref()
                .map(exiftool_date)
                .unwrap_or_default()
        }
        Column::Value(Attribute::Rating)
            if profile == Profile::Exiftool && photo.curation.rating == 0 =>
        {
            String::new()
        }
        Column::Value(a) => match crate::catalog::attribute_value(photo, a) {
            Value::Null => String::new(),
            Value::String(s) => s,
            Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect();
                match profile {
                    Profile::Catalogue => join_list(&items),
                    Profile::Exiftool => items.join(SEPARATOR),
                }
            }
            other => other.to_string(),
        },
    };
    match profile {
        Profile::Catalogue => neutralise(text),
        Profile::Exiftool => text,
    }
}

/// Writes photos as CSV. A set export passes its items (in set order) and
/// gets Position and Wall label columns.
pub fn write<W: Write>(
    out: W,
    profile: Profile,
    columns: &[(String, Column)],
    photos: &[Photo],
    set: Option<&[SetItem]>,
) -> Result<(), csv::Error> {
    let mut out = out;
    let mut columns = columns.to_vec();
    if profile == Profile::Catalogue {
        // A byte order mark, so that spreadsheets read UTF-8 as UTF-8.
        out.write_all("\u{feff}".as_bytes())?;
        if set.is_some() {
            columns.insert(0, ("Position".to_owned(), Column::Position));
            columns.push(("Wall label".to_owned(), Column::WallLabel));
        }
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(columns.iter().map(|(h, _)| h.as_str()))?;
    for (n, photo) in photos.iter().enumerate() {
        let item = set.and_then(|items| items.get(n));
        w.write_record(columns.iter().map(|(_, c)| cell(profile, *c, photo, item)))?;
    }
    w.flush()?;
    Ok(())
}

/// How a CSV row names its photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKey {
    Id(PhotoId),
    Path(std::path::PathBuf),
}

/// One row of an edited CSV, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based, counting the header as row 1 (as a spreadsheet shows it).
    pub number: usize,
    pub key: RowKey,
    /// Values to set; `Value::Null` clears.
    pub values: Vec<(Attribute, Value)>,
    /// The wall label cell, when the file has one.
    pub wall_label: Option<String>,
}

/// A problem in the file, reported with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, self.column) {
            (Some(r), Some(c)) => write!(f, "row {r}, column {c}: {}", self.message),
            (Some(r), None) => write!(f, "row {r}: {}", self.message),
            (None, Some(c)) => write!(f, "column {c}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

/// Reads an edited CSV in either profile (told apart by its headers).
/// Rows with a bad value are reported and left out whole; an empty cell
/// changes nothing unless `blank_clears`.
pub fn read(bytes: &[u8], blank_clears: bool) -> (Vec<Row>, Vec<Problem>) {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(Problem {
                row: Some(1),
                column: None,
                message: format!("the header row cannot be read: {e}"),
            });
            return (Vec::new(), problems);
        }
    };
    let profile = if headers.iter().any(|h| h == b"SourceFile") {
        Profile::Exiftool
    } else {
        Profile::Catalogue
    };
    let known = columns_of(profile);
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let name = String::from_utf8_lossy(header).trim().to_owned();
        let found = known
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(&name))
            .map(|(_, c)| *c)
            .or_else(|| match name.to_ascii_lowercase().as_str() {
                "position" => Some(Column::Position),
                "wall label" => Some(Column::WallLabel),
                _ => None,
            });
        if found.is_none() {
            problems.push(Problem {
                row: Some(1),
                column: Some(i + 1),
                message: format!("unknown column {name:?}; it is ignored"),
            });
        }
        columns.push(found);
    }
    if !columns
        .iter()
        .any(|c| matches!(c, Some(Column::Id | Column::File)))
    {
        problems.push(Problem {
            row: Some(1),
            column: None,
            message: "no ID, File or SourceFile column to match rows to photos".into(),
        });
        return (Vec::new(), problems);
    }
    let mut rows = Vec::new();
    for (n, record) in reader.byte_records().enumerate() {
        let number = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem {
                    row: Some(number),
                    column: None,
                    message: format!("cannot be read: {e}"),
                });
                continue;
            }
        };
        match read_row(profile, &columns, number, &record, blank_clears) {
            Ok(Some(row)) => rows.push(row),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    (rows, problems)
}

fn read_row(
    profile: Profile,
    columns: &[Option<Column>],
    number: usize,
    record: &csv::ByteRecord,
    blank_clears: bool,
) -> Result<Option<Row>, Problem> {
    let mut key = None;
    let mut values = Vec::new();
    let mut wall_label = None;
    for (i, raw) in record.iter().enumerate() {
        let problem = |message: String| Problem {
            row: Some(number),
            column: Some(i + 1),
            message: format!("{message}; this row was left unchanged"),
        };
        let Some(Some(column)) = columns.get(i) else {
            continue;
        };
        let text =
            std::str::from_utf8(raw).map_err(|_| problem("not valid UTF-8 text".to_owned()))?;
        let text = match profile {
            Profile::Catalogue => restore(text),
            Profile::Exiftool => text,
        };
        match column {
            Column::Id if !text.trim().is_empty() => {
                let id = text
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| problem(format!("{text:?} is not a photo id")))?;
                key = Some(RowKey::Id(PhotoId(id)));
            }
            Column::File if key.is_none() && !text.trim().is_empty() => {
                key = Some(RowKey::Path(std::path::PathBuf::from(text)));
            }
            Column::WallLabel => wall_label = Some(text.to_owned()),
            Column::Value(attribute) => {
                if text.trim().is_empty() {
                    if blank_clears {
                        values.push((*attribute, Value::Null));
                    }
                    continue;
                }
                let value = match attribute {
                    Attribute::Field(f) if f.is_list() => {
                        let items = match profile {
                            Profile::Catalogue => split_list(text),
                            Profile::Exiftool => text.split(SEPARATOR).map(str::to_owned).collect(),
                        };
                        Value::from(items)
                    }
                    _ => Value::String(text.to_owned()),
                };
                let value = crate::catalog::normalise_value(*attribute, &value)
                    .map_err(|e| problem(e.to_string()))?;
                values.push((*attribute, value));
            }
            _ => {}
        }
    }
    match key {
        Some(key) => Ok(Some(Row {
            number,
            key,
            values,
            wall_label,
        })),
        None if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) => Ok(None),
        None => Err(Problem {
            row: Some(number),
            column: None,
            message: "no photo id or file to match; this row was left unchanged".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_back_whatever_they_hold() {
        for items in [
            vec!["Havel, Václav".to_owned(), "treaty".to_owned()],
            vec![
                "odsun; návrat".to_owned(),
                "a \"quoted\" one".to_owned(),
                " padded ".to_owned(),
            ],
            vec!["=cmd|' /C calc'!A0".to_owned()],
            vec![],
        ] {
            assert_eq!(
                split_list(&join_list(&items)),
                items,
                "{}",
                join_list(&items)
            );
        }
        assert_eq!(split_list("a;b ;  c"), ["a", "b", "c"]);
    }

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for cell in [
            "=SUM(1+1)",
            "+420 123",
            "-5",
            "@home",
            "\tx",
            "'quoted'",
            "plain",
            "",
        ] {
            let out = neutralise(cell.to_owned());
            if cell.is_empty() || cell == "plain" {
                assert_eq!(out, cell);
            } else {
                assert!(out.starts_with('\''), "{out}");
            }
            assert_eq!(restore(&out), cell);
        }
    }

    #[test]
    fn exiftool_dates_use_colons() {
        assert_eq!(exiftool_date("1991-06"), "1991:06");
        assert_eq!(
            exiftool_date("1993-01-01T03:11:11+01:00"),
            "1993:01:01 03:11:11+01:00"
        );
    }
}
