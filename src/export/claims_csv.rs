//! The **claims** profile of CSV: one row per claim, for a historian to
//! check and correct sources in a spreadsheet and read back.
//!
//! Columns: Claim ID, Photo ID, File, Field, Value, Preferred (`yes` or
//! `no`), Source (the citation), Source ID, Locator, Certainty, Note.
//! Written like the catalogue profile (UTF-8 with a byte order mark, list
//! values joined with `"; "`, formula-like cells neutralised) and read as
//! strictly: a row with a bad cell is reported with its place and changes
//! nothing.
//!
//! Read back, a row with a Claim ID changes that claim; a row without one
//! adds a claim to the photo its Photo ID or File names. A claim whose row
//! was deleted from the file is left as it is: removing a claim is done in
//! the catalogue, where it can be seen.

use std::io::Write;
use std::path::PathBuf;

use serde_json::Value;

use super::csv::{
    CsvProblem, Problem, Profile, Writer, header_and_records, join_list, neutralise, oversized,
    path_cell, path_from_cell, restore, row_problem, split_list,
};
use crate::catalog::{Certainty, Claim, IdOf, RowRefused};
use crate::photo::{Photo, PhotoId};

/// The profile's name, as `export csv --profile` takes it.
pub const PROFILE: &str = "claims";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Claim,
    Photo,
    File,
    Field,
    Value,
    Preferred,
    Citation,
    Source,
    Locator,
    Certainty,
    Note,
}

const COLUMNS: &[(&str, Column)] = &[
    ("Claim ID", Column::Claim),
    ("Photo ID", Column::Photo),
    ("File", Column::File),
    ("Field", Column::Field),
    ("Value", Column::Value),
    ("Preferred", Column::Preferred),
    ("Source", Column::Citation),
    ("Source ID", Column::Source),
    ("Locator", Column::Locator),
    ("Certainty", Column::Certainty),
    ("Note", Column::Note),
];

/// Whether a header row is the claims profile's (it has a Claim ID column).
pub fn is_claims_header(headers: &[Vec<u8>]) -> bool {
    headers.iter().any(|h| {
        String::from_utf8_lossy(h)
            .trim()
            .eq_ignore_ascii_case("claim id")
    })
}

/// A claim's value as one cell: a list joined as the catalogue profile
/// joins lists.
fn value_cell(value: &Value) -> String {
    match value {
        Value::Array(items) => join_list(
            &items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect::<Vec<_>>(),
        ),
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Writes the claims of photos, photo by photo, each photo's in field
/// order.
pub fn write<W: Write>(out: W, photos: &[(Photo, Vec<Claim>)]) -> Result<(), csv::Error> {
    let mut w = Writer::new(out, Profile::Catalogue, true)?;
    w.row(COLUMNS.iter().map(|(h, _)| *h))?;
    for (photo, claims) in photos {
        for c in claims {
            let cells = [
                c.id.to_string(),
                photo.id.to_string(),
                path_cell(&photo.file.path),
                c.field.clone(),
                value_cell(&c.value),
                if c.preferred { "yes" } else { "no" }.to_owned(),
                c.source
                    .as_ref()
                    .map_or(String::new(), |s| s.record.citation.clone()),
                c.source
                    .as_ref()
                    .map_or(String::new(), |s| s.id.to_string()),
                c.locator.clone().unwrap_or_default(),
                c.certainty.map_or("", Certainty::name).to_owned(),
                c.note.clone().unwrap_or_default(),
            ];
            w.row(cells.into_iter().map(neutralise))?;
        }
    }
    w.finish()
}

/// How a claims row names its photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoKey {
    Id(PhotoId),
    Path(PathBuf),
}

/// One row of a claims CSV, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCsvRow {
    /// 1-based, counting the header as row 1.
    pub number: usize,
    pub claim: Option<i64>,
    pub photo: PhotoKey,
    /// The File cell of a row that also has a Photo ID: it must name the
    /// same photo.
    pub file: Option<PathBuf>,
    pub field: String,
    /// Text as written; a list field's items split. Checked against the
    /// field when applied.
    pub value: Value,
    pub preferred: bool,
    /// The Source cell: the citation, which must agree with the Source ID
    /// or, without one, name exactly one source.
    pub citation: Option<String>,
    pub source: Option<i64>,
    pub locator: Option<String>,
    pub certainty: Option<Certainty>,
    pub note: Option<String>,
}

/// Reads an edited claims CSV. Rows with a bad cell are reported and left
/// out whole.
pub fn read(bytes: &[u8]) -> (Vec<ClaimCsvRow>, Vec<Problem>) {
    let mut problems = Vec::new();
    let (headers, records) = match header_and_records(bytes) {
        Ok(h) => h,
        Err(p) => return (Vec::new(), vec![p]),
    };
    let columns = super::csv::header_columns(&headers, &mut problems, |name| {
        COLUMNS
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(name))
            .map(|(_, c)| *c)
    });
    for needed in [Column::Field, Column::Value] {
        if !columns.contains(&Some(needed)) {
            let name = COLUMNS.iter().find(|(_, c)| *c == needed).map(|(h, _)| *h);
            problems.push(Problem {
                row: Some(1),
                column: None,
                what: CsvProblem::NoClaimColumn(name.unwrap_or_default()),
            });
            return (Vec::new(), problems);
        }
    }
    if !columns.contains(&Some(Column::Photo)) && !columns.contains(&Some(Column::File)) {
        problems.push(Problem {
            row: Some(1),
            column: None,
            what: CsvProblem::NoClaimPhotoColumn,
        });
        return (Vec::new(), problems);
    }
    let mut rows = Vec::new();
    for (number, record) in records {
        let record = match record {
            Ok(r) => r,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line
        }
        if record.len() != headers.len() {
            problems.push(Problem {
                row: Some(number),
                column: None,
                what: CsvProblem::CellCount {
                    cells: record.len(),
                    header: headers.len(),
                },
            });
            continue;
        }
        match read_row(&columns, number, &record) {
            Ok(row) => rows.push(row),
            Err(p) => problems.push(p),
        }
    }
    (rows, problems)
}

fn read_row(
    columns: &[Option<Column>],
    number: usize,
    record: &[Vec<u8>],
) -> Result<ClaimCsvRow, Problem> {
    let mut claim = None;
    let mut photo = None;
    let mut file = None;
    let mut field = String::new();
    let mut value = String::new();
    let mut preferred = false;
    let mut citation = None;
    let mut source = None;
    let mut locator = None;
    let mut certainty = None;
    let mut note = None;
    for (i, raw) in record.iter().enumerate() {
        let problem = |refused: RowRefused| row_problem(number, i + 1, refused);
        let Some(Some(column)) = columns.get(i) else {
            continue;
        };
        if let Some(refused) = oversized(raw) {
            return Err(problem(refused));
        }
        if *column == Column::File {
            if !raw.trim_ascii().is_empty() {
                file = Some(path_from_cell(raw.strip_prefix(b"'").unwrap_or(raw)));
            }
            continue;
        }
        let text = std::str::from_utf8(raw).map_err(|_| problem(RowRefused::NotUtf8))?;
        let text = restore(text);
        let trimmed = text.trim();
        let optional = || Some(trimmed.to_owned()).filter(|t| !t.is_empty());
        let id = |of: IdOf| -> Result<Option<i64>, Problem> {
            if trimmed.is_empty() {
                return Ok(None);
            }
            trimmed.parse::<i64>().map(Some).map_err(|_| {
                problem(RowRefused::NotAnId {
                    of,
                    text: trimmed.to_owned(),
                })
            })
        };
        match column {
            Column::Claim => claim = id(IdOf::Claim)?,
            Column::Photo => photo = id(IdOf::Photo)?.map(PhotoId),
            Column::File => {}
            Column::Field => field = trimmed.to_owned(),
            Column::Value => value = text.to_owned(),
            Column::Preferred => {
                preferred = match trimmed.to_lowercase().as_str() {
                    "yes" | "y" | "true" | "1" => true,
                    "no" | "n" | "false" | "0" | "" => false,
                    other => {
                        return Err(problem(RowRefused::NotYesOrNo {
                            value: other.to_owned(),
                        }));
                    }
                }
            }
            Column::Citation => citation = optional(),
            Column::Source => source = id(IdOf::Source)?,
            Column::Locator => locator = optional(),
            Column::Certainty => {
                certainty = match trimmed {
                    "" => None,
                    name => Some(Certainty::from_name(name).ok_or_else(|| {
                        problem(RowRefused::NoSuchCertainty {
                            value: name.to_owned(),
                        })
                    })?),
                }
            }
            Column::Note => note = optional(),
        }
    }
    let (photo, file) = match (photo, file) {
        (Some(id), file) => (PhotoKey::Id(id), file),
        (None, Some(path)) => (PhotoKey::Path(path), None),
        (None, None) => {
            return Err(Problem {
                row: Some(number),
                column: None,
                what: CsvProblem::NoPhotoKey,
            });
        }
    };
    let list = crate::catalog::claimable(&field)
        .is_some_and(|a| matches!(a, crate::photo::Attribute::Field(f) if f.is_list()));
    let value = if list {
        Value::from(split_list(&value))
    } else {
        Value::String(value)
    };
    Ok(ClaimCsvRow {
        number,
        claim,
        photo,
        file,
        field,
        value,
        preferred,
        citation,
        source,
        locator,
        certainty,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\u{feff}Claim ID,Photo ID,File,Field,Value,Preferred,Source,Source ID,Locator,Certainty,Note\n\
        12,3,/archive/a.jpg,date_created,1990-02-26,yes,\"Czech Radio, 2020-02-26\",1,para. 2,certain,\n\
        ,3,,people,\"Dubček, Alexander; Havel, Václav\",no,,,,,\n\
        13,3,,caption,'=troops,maybe,,,,,\n\
        14,x,,caption,text,no,,,,,\n\
        15,3,,caption,text,no,,,,sure,\n";

    #[test]
    fn rows_read_back_with_their_places_and_problems() {
        let (rows, problems) = read(FILE.as_bytes());
        assert_eq!(rows.len(), 2, "{rows:#?}");
        assert_eq!(rows[0].claim, Some(12));
        assert_eq!(rows[0].photo, PhotoKey::Id(PhotoId(3)));
        assert_eq!(rows[0].file, Some(PathBuf::from("/archive/a.jpg")));
        assert!(rows[0].preferred);
        assert_eq!(rows[0].citation.as_deref(), Some("Czech Radio, 2020-02-26"));
        assert_eq!(rows[0].certainty, Some(Certainty::Certain));
        assert_eq!(
            rows[1].value,
            serde_json::json!(["Dubček, Alexander", "Havel, Václav"])
        );
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].starts_with("row 4, column 6: Preferred is yes or no"));
        assert!(messages[1].starts_with("row 5, column 2: \"x\" is not a photo id"));
        assert!(messages[2].starts_with("row 6, column 10: certainty is certain"));
    }

    #[test]
    fn a_file_without_the_needed_columns_reads_nothing() {
        let (rows, problems) = read(b"Claim ID,Photo ID,Field\n1,2,caption\n");
        assert!(rows.is_empty());
        assert_eq!(
            problems[0].to_string(),
            "row 1: no Value column; nothing was read"
        );
    }

    #[test]
    fn headers_are_recognised() {
        let (headers, _) = header_and_records(FILE.as_bytes()).unwrap();
        assert!(is_claims_header(&headers));
        assert!(!is_claims_header(&[b"ID".to_vec(), b"File".to_vec()]));
    }
}
