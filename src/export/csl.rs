//! Sources as CSL-JSON, the format Zotero, Tropy's users and citeproc tools
//! read and write.
//!
//! A source read from CSL-JSON keeps the whole item it came from, so that
//! writing it back gives the same item: fields Kartoteka does not know stay
//! as they were, and a field Kartoteka knows is written from the source only
//! when it was changed in the catalogue.

use serde_json::{Map, Value, json};

use crate::catalog::{SourceKind, SourceRecord};

/// Why a CSL-JSON file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CslError {
    #[error("not CSL-JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSL-JSON is a list of items (or one item); this is {0}")]
    Shape(&'static str),
}

/// The genre that marks a negative sleeve or photographer's notes, which
/// CSL has no type for.
const SLEEVE_GENRE: &str = "negative sleeve";

/// The CSL type a kind of source is written as.
fn csl_type(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article-newspaper",
        SourceKind::Book => "book",
        SourceKind::Archival => "manuscript",
        SourceKind::Sleeve => "document",
        SourceKind::Oral => "interview",
        SourceKind::Website => "webpage",
        SourceKind::Other => "document",
    }
}

/// The kind of source a CSL type is.
fn kind_of(csl: &str) -> SourceKind {
    match csl {
        t if t.starts_with("article") => SourceKind::Article,
        "book" | "chapter" | "thesis" | "report" => SourceKind::Book,
        "manuscript" | "archival" => SourceKind::Archival,
        "interview" | "speech" => SourceKind::Oral,
        "webpage" | "post" | "post-weblog" => SourceKind::Website,
        _ => SourceKind::Other,
    }
}

/// A CSL name as Kartoteka writes an author: "Family, Given", or the name
/// as it stands.
fn author_of(name: &Value) -> Option<String> {
    if let Some(literal) = name.get("literal").and_then(Value::as_str) {
        return Some(literal.to_owned());
    }
    let family = name.get("family").and_then(Value::as_str);
    let given = name.get("given").and_then(Value::as_str);
    match (family, given) {
        (Some(f), Some(g)) => Some(format!("{f}, {g}")),
        (Some(f), None) => Some(f.to_owned()),
        (None, Some(g)) => Some(g.to_owned()),
        (None, None) => None,
    }
}

fn name_of(author: &str) -> Value {
    match author.split_once(", ") {
        Some((family, given)) => json!({ "family": family, "given": given }),
        None => json!({ "literal": author }),
    }
}

/// A CSL date as text: `YYYY[-MM[-DD]]` from its parts, else as written.
fn date_of(issued: &Value) -> Option<String> {
    if let Some(parts) = issued
        .get("date-parts")
        .and_then(Value::as_array)
        .and_then(|p| p.first())
        .and_then(Value::as_array)
    {
        let numbers: Vec<i64> = parts
            .iter()
            .filter_map(|p| {
                p.as_i64()
                    .or_else(|| p.as_str().and_then(|s| s.parse().ok()))
            })
            .collect();
        return match numbers.as_slice() {
            [y] => Some(format!("{y:04}")),
            [y, m] => Some(format!("{y:04}-{m:02}")),
            [y, m, d, ..] => Some(format!("{y:04}-{m:02}-{d:02}")),
            [] => None,
        };
    }
    issued
        .get("raw")
        .or_else(|| issued.get("literal"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn issued_of(date: &str) -> Value {
    let parts: Option<Vec<i64>> = date.split('-').map(|p| p.parse::<i64>().ok()).collect();
    match parts {
        Some(parts) if (1..=3).contains(&parts.len()) && date.len() <= 10 => {
            json!({ "date-parts": [parts] })
        }
        _ => json!({ "raw": date }),
    }
}

fn text(item: &Map<String, Value>, key: &str) -> Option<String> {
    item.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A source from one CSL-JSON item; the item itself is kept.
pub fn from_item(item: &Map<String, Value>) -> SourceRecord {
    let authors: Vec<String> = item
        .get("author")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(author_of).collect())
        .unwrap_or_default();
    SourceRecord {
        citation: text(item, "citation-label").unwrap_or_default(),
        authors,
        title: text(item, "title"),
        publisher: text(item, "publisher"),
        date: item.get("issued").and_then(date_of),
        url: text(item, "URL"),
        reference: text(item, "archive_location"),
        kind: match text(item, "genre").as_deref() {
            Some(SLEEVE_GENRE) => SourceKind::Sleeve,
            _ => item
                .get("type")
                .and_then(Value::as_str)
                .map_or(SourceKind::Other, kind_of),
        },
        note: text(item, "note"),
        extra: item.clone(),
    }
}

/// A source as a CSL-JSON item: the item it came from, with the fields
/// changed in the catalogue written anew.
pub fn to_item(id: i64, source: &SourceRecord) -> Map<String, Value> {
    let mut item = source.extra.clone();
    let was = from_item(&source.extra);
    item.entry("id")
        .or_insert_with(|| Value::from(format!("kartoteka-source-{id}")));
    let mut set = |key: &str, now: Option<Value>, changed: bool| {
        if changed || !item.contains_key(key) {
            match now {
                Some(v) => {
                    item.insert(key.to_owned(), v);
                }
                None => {
                    item.remove(key);
                }
            }
        }
    };
    let text = |t: &Option<String>| t.clone().map(Value::from);
    set(
        "citation-label",
        Some(Value::from(source.citation.clone())),
        was.citation != source.citation,
    );
    set(
        "author",
        (!source.authors.is_empty()).then(|| {
            Value::from(
                source
                    .authors
                    .iter()
                    .map(|a| name_of(a))
                    .collect::<Vec<_>>(),
            )
        }),
        was.authors != source.authors,
    );
    set("title", text(&source.title), was.title != source.title);
    set(
        "publisher",
        text(&source.publisher),
        was.publisher != source.publisher,
    );
    set(
        "issued",
        source.date.as_deref().map(issued_of),
        was.date != source.date,
    );
    set("URL", text(&source.url), was.url != source.url);
    set(
        "archive_location",
        text(&source.reference),
        was.reference != source.reference,
    );
    set("note", text(&source.note), was.note != source.note);
    set(
        "type",
        Some(Value::from(csl_type(source.kind))),
        was.kind != source.kind,
    );
    // CSL has no type for a negative sleeve: a document of that genre.
    if source.kind == SourceKind::Sleeve && was.kind != SourceKind::Sleeve {
        item.insert("genre".into(), Value::from(SLEEVE_GENRE));
    }
    item
}

/// Reads a CSL-JSON file: a list of items, or one item.
pub fn read(text: &str) -> Result<Vec<SourceRecord>, CslError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))?;
    let items: Vec<Map<String, Value>> = match value {
        Value::Array(items) => items
            .into_iter()
            .map(|i| match i {
                Value::Object(o) => Ok(o),
                _ => Err(CslError::Shape("a list holding something other than items")),
            })
            .collect::<Result<_, _>>()?,
        Value::Object(o) => vec![o],
        _ => return Err(CslError::Shape("neither a list nor an item")),
    };
    Ok(items.iter().map(from_item).collect())
}

/// A CSL-JSON file that could not be read, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct CslFileError {
    pub path: std::path::PathBuf,
    pub reason: CslFileReason,
}

/// Why a CSL-JSON file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CslFileReason {
    #[error(transparent)]
    Read(#[from] crate::files::ReadFileError),
    #[error("not UTF-8 text")]
    NotUtf8,
    #[error(transparent)]
    Csl(#[from] CslError),
}

/// Reads a CSL-JSON file (a regular file, no larger than a CSV may be).
pub fn read_file(path: &std::path::Path) -> Result<Vec<SourceRecord>, CslFileError> {
    let failed = |reason: CslFileReason| CslFileError {
        path: path.to_owned(),
        reason,
    };
    let bytes = crate::files::read_regular(path, crate::limits::MAX_CSV_BYTES)
        .map_err(|e| failed(e.into()))?;
    let text = String::from_utf8(bytes).map_err(|_| failed(CslFileReason::NotUtf8))?;
    read(&text).map_err(|e| failed(e.into()))
}

/// Writes sources as a CSL-JSON list.
pub fn write(sources: &[(i64, SourceRecord)]) -> String {
    let items: Vec<Value> = sources
        .iter()
        .map(|(id, s)| Value::Object(to_item(*id, s)))
        .collect();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOTERO: &str = r#"[
      {
        "id": "http://zotero.org/users/1/items/ABCD1234",
        "type": "article-newspaper",
        "title": "Třicet let od odchodu sovětských vojsk",
        "container-title": "Český rozhlas",
        "author": [{"family": "Šedivý", "given": "Jiří"}, {"literal": "ČTK"}],
        "issued": {"date-parts": [[2020, 2, 26]]},
        "URL": "https://www.rozhlas.cz/",
        "language": "cs",
        "citation-label": "Czech Radio, 2020-02-26",
        "custom": {"nested": [1, 2, {"x": true}]}
      }
    ]"#;

    #[test]
    fn an_item_read_and_written_again_is_the_same_item() {
        let sources = read(ZOTERO).unwrap();
        assert_eq!(sources.len(), 1);
        let s = &sources[0];
        assert_eq!(s.citation, "Czech Radio, 2020-02-26");
        assert_eq!(s.authors, ["Šedivý, Jiří", "ČTK"]);
        assert_eq!(s.date.as_deref(), Some("2020-02-26"));
        assert_eq!(s.kind, SourceKind::Article);
        let written: Value = serde_json::from_str(&write(&[(7, s.clone())])).unwrap();
        let original: Value = serde_json::from_str(ZOTERO).unwrap();
        assert_eq!(written, original);
    }

    #[test]
    fn what_the_catalogue_changed_is_written_and_the_rest_kept() {
        let mut s = read(ZOTERO).unwrap().remove(0);
        s.title = Some("Odchod vojsk".into());
        s.authors = vec!["Kyndrová, Dana".into()];
        s.date = Some("1991-06".into());
        let item = to_item(7, &s);
        assert_eq!(item["title"], "Odchod vojsk");
        assert_eq!(
            item["author"],
            json!([{"family": "Kyndrová", "given": "Dana"}])
        );
        assert_eq!(item["issued"], json!({"date-parts": [[1991, 6]]}));
        assert_eq!(item["container-title"], "Český rozhlas");
        assert_eq!(item["custom"], json!({"nested": [1, 2, {"x": true}]}));
    }

    #[test]
    fn a_source_made_in_the_catalogue_becomes_an_item() {
        let s = SourceRecord {
            citation: "Negative sleeve 1991/12".into(),
            title: Some("Sleeve of film 12".into()),
            date: Some("1991~".into()),
            reference: Some("Fond Kyndrová, box 3".into()),
            kind: SourceKind::Sleeve,
            ..SourceRecord::default()
        };
        let item = to_item(3, &s);
        assert_eq!(item["id"], "kartoteka-source-3");
        assert_eq!(item["type"], "document");
        assert_eq!(item["issued"], json!({"raw": "1991~"}));
        assert_eq!(item["archive_location"], "Fond Kyndrová, box 3");
        let back = from_item(&item);
        assert_eq!(back.kind, SourceKind::Sleeve);
        assert_eq!(back.date.as_deref(), Some("1991~"));
        assert_eq!(back.reference, s.reference);
    }

    #[test]
    fn what_is_not_csl_json_says_so() {
        assert!(read("{ not json").is_err());
        assert!(read("42").is_err());
        assert!(read("[1, 2]").is_err());
    }
}
