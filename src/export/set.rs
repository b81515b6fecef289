//! An exhibition set, ready to hang: numbered JPEG copies in set order with
//! the descriptive metadata embedded, a checklist CSV, and a printable
//! contact sheet (HTML) with thumbnails, titles, credits and wall labels.

use std::io::{BufReader, Cursor, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use exif::{Field, In, Tag, Value};
use quick_xml::escape::escape;

use super::embed::{self, EmbedError, Exif};
use super::{ExportError, iim, xmp};
use std::collections::BTreeMap;

use super::notes::{Notes, Numbered, plain};
use crate::catalog::{SetItem, SourceRecord};
use crate::files::{NewFile, Replacement, WriteError};
use crate::ingest::container::{self, Budget, markers};
use crate::ingest::thumbnail::decode_scaled_from;
use crate::photo::{ImageFormat, Photo};
use crate::text::{fold, xml_safe};

/// How to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Scale copies down so their long edge is at most this.
    pub long_edge: Option<u32>,
    /// Leave GPS positions out of the copies.
    pub strip_gps: bool,
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    pub checklist: PathBuf,
    pub contact_sheet: PathBuf,
    /// Photos that could not be exported, with why.
    pub problems: Vec<String>,
}

const JPEG_QUALITY: f32 = 92.0;

/// Russian and other Cyrillic letters in plain Latin (Czech-style:
/// Gorbačov → gorbacov, Советская → sovetskaja).
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'є' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ї' => "i",
        'й' => "j",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "ch",
        'ц' => "c",
        'ч' => "c",
        'ш' => "s",
        'щ' => "sc",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "ju",
        'я' => "ja",
        _ => return None,
    })
}

/// A file name safe on every file system: ASCII letters, digits and
/// hyphens from the title (accents folded, Cyrillic transliterated:
/// Šedivý → sedivy), at most 60.
pub fn safe_name(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = transliterate(c) {
            out.push_str(latin);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        "photo".to_owned()
    } else {
        out
    }
}

/// The original's EXIF block (TIFF structure), read from the file without
/// reading its image data.
fn original_exif<R: Read + Seek>(r: &mut R, format: ImageFormat) -> Option<Vec<u8>> {
    let mut budget = Budget::new(crate::limits::MAX_METADATA_BYTES);
    match format {
        ImageFormat::Tiff => container::copy_tiff_metadata(r, &mut budget).ok(),
        ImageFormat::Jpeg => container::jpeg_layout(r, |m| m == markers::APP1, &mut budget)
            .ok()?
            .segments
            .into_iter()
            .filter_map(|s| s.contents)
            .find(|c| c.starts_with(b"Exif\0\0"))
            .map(|c| c[6..].to_vec()),
        _ => None,
    }
}

/// EXIF for an exported copy: the original's camera, exposure and date
/// fields, without maker notes or thumbnails; GPS only if kept;
/// orientation 1 when the pixels were turned upright.
fn exif_for_copy(tiff: Option<Vec<u8>>, strip_gps: bool, upright: bool) -> Option<Vec<u8>> {
    let (parsed, _) = crate::ingest::exif::parse(tiff?).ok()?;
    // TIFF structure tags of the original file must not describe the copy.
    const KEPT_TIFF_TAGS: &[Tag] = &[
        Tag::Make,
        Tag::Model,
        Tag::DateTime,
        Tag::Artist,
        Tag::Copyright,
        Tag::Software,
        Tag::Orientation,
    ];
    let mut fields: Vec<Field> = parsed
        .fields()
        .filter(|f| f.ifd_num == In::PRIMARY)
        .filter(|f| match f.tag.context() {
            exif::Context::Tiff => KEPT_TIFF_TAGS.contains(&f.tag),
            exif::Context::Exif => !matches!(
                f.tag,
                Tag::MakerNote | Tag::PixelXDimension | Tag::PixelYDimension
            ),
            exif::Context::Gps => !strip_gps,
            _ => false,
        })
        .filter(|f| !(upright && f.tag == Tag::Orientation))
        .cloned()
        .collect();
    if upright {
        fields.push(Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![1]),
        });
    }
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, parsed.little_endian()).ok()?;
    Some(out.into_inner())
}

/// Writes one exported copy (a JPEG) to `out`: the original JPEG's image
/// data untouched with new metadata, or the image decoded, scaled and
/// encoded anew. The original is read as a stream.
pub fn copy_to<W: Write>(photo: &Photo, options: &Options, out: &mut W) -> Result<(), ExportError> {
    let path = &photo.file.path;
    let file = crate::files::open_regular(path).map_err(|reason| ExportError::Read {
        path: path.clone(),
        reason,
    })?;
    let mut reader = BufReader::with_capacity(64 << 10, file);
    let format = photo.file.format;
    // Copies for an exhibition carry the preferred values; the claims stay
    // in the catalogue and its sidecars.
    let packet = xmp::packet(photo, &[]);
    let iim_block = iim::block(photo);
    let embed_error = |reason| ExportError::Embed {
        path: path.clone(),
        reason,
    };
    let too_big = |edge: u32| {
        let (w, h) = (
            photo.technical.width.unwrap_or(0),
            photo.technical.height.unwrap_or(0),
        );
        w.max(h) > edge
    };
    let reencode = format != ImageFormat::Jpeg || options.long_edge.is_some_and(too_big);
    if !reencode {
        // The original JPEG's image data, untouched, with new metadata.
        let exif = if options.strip_gps {
            Exif::Replace(
                exif_for_copy(original_exif(&mut reader, format), true, false).unwrap_or_default(),
            )
        } else {
            Exif::Keep
        };
        return embed::jpeg_to(&mut reader, &packet, &iim_block, exif, out).map_err(embed_error);
    }
    let original = original_exif(&mut reader, format);
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| embed_error(EmbedError::Io(e)))?;
    let edge = options.long_edge.unwrap_or(u32::MAX >> 1);
    let decoded = decode_scaled_from(format, &mut reader, edge, photo.technical.orientation)
        .map_err(|e| ExportError::NotDecoded {
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
    let jpeg =
        crate::ingest::jpeg::encode(&decoded.image.to_rgb8(), JPEG_QUALITY).map_err(|e| {
            ExportError::NotDecoded {
                path: path.to_owned(),
                reason: e.to_string(),
            }
        })?;
    let exif = exif_for_copy(original, options.strip_gps, true)
        .map_or_else(|| Exif::Replace(minimal_exif()), Exif::Replace);
    embed::jpeg_to(&mut Cursor::new(jpeg), &packet, &iim_block, exif, out).map_err(embed_error)
}

/// EXIF with only orientation 1, for copies of files that had none.
fn minimal_exif() -> Vec<u8> {
    let field = Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![1]),
    };
    let mut writer = exif::experimental::Writer::new();
    writer.push_field(&field);
    let mut out = Cursor::new(Vec::new());
    writer
        .write(&mut out, false)
        .map(|()| out.into_inner())
        .unwrap_or_default()
}

/// Where a set is exported, and what may be replaced there.
pub struct Destination<'a> {
    pub dir: &'a Path,
    /// Replace files already in the folder (from an earlier export). A
    /// folder that already holds files is refused without it.
    pub replace: bool,
    /// Whether a path is a catalogued photo (or the catalogue itself):
    /// never replaced, even with `replace`; the export takes the next free
    /// name instead.
    pub protected: &'a dyn Fn(&Path) -> bool,
}

/// Writes one file of an export: over an earlier one when replacing is
/// allowed and the file is not protected, otherwise under the first free
/// name (`NAME-2.jpg`, …); never over anything it may not replace.
fn write_export_file(
    to: &Destination<'_>,
    dir: &Path,
    name: &str,
    fill: impl FnOnce(&mut std::fs::File) -> Result<(), ExportError>,
) -> Result<PathBuf, ExportError> {
    let target = dir.join(name);
    let replaceable = to.replace
        && std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file())
        && !(to.protected)(&target);
    if replaceable {
        let mut replacement = Replacement::begin(&target)?;
        fill(replacement.file())?;
        return Ok(replacement.commit()?.path);
    }
    let mut new = NewFile::begin(dir)?;
    fill(new.file())?;
    Ok(new
        .commit(super::numbered_names(dir, std::ffi::OsStr::new(name)))?
        .path)
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Exports a set's photos (given in set order, with their set items) into
/// a folder. A photo that cannot be exported is reported; the rest go on.
/// Nothing already in the folder is overwritten unless `to.replace`, and a
/// catalogued photo never is.
///
/// Sources cited in wall labels (see [`super::notes`]) become numbered
/// notes, with a bibliography in the checklist and on the contact sheet;
/// `sources` holds the ones the labels cite.
pub fn export(
    name: &str,
    items: &[(SetItem, Photo)],
    sources: &BTreeMap<i64, SourceRecord>,
    to: &Destination<'_>,
    options: &Options,
) -> Result<Exported, ExportError> {
    std::fs::create_dir_all(to.dir).map_err(|source| {
        ExportError::Write(WriteError::Io {
            path: to.dir.to_owned(),
            source,
        })
    })?;
    let dir = to.dir.canonicalize().map_err(|source| {
        ExportError::Write(WriteError::Io {
            path: to.dir.to_owned(),
            source,
        })
    })?;
    let occupied = std::fs::read_dir(&dir)
        .map_err(|source| {
            ExportError::Write(WriteError::Io {
                path: dir.clone(),
                source,
            })
        })?
        .next()
        .is_some();
    if occupied && !to.replace {
        return Err(ExportError::NotEmpty { dir });
    }
    let width = items.len().to_string().len().max(2);
    let mut exported = Exported::default();
    let mut rows = Vec::new();
    let mut notes = Notes::new(sources);
    for (item, photo) in items {
        let (label, cited) = notes.number(item.note.as_deref().unwrap_or_default());
        let title = photo.description.title.clone().unwrap_or_else(|| {
            photo
                .file
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let file_name = format!("{:0width$}-{}.jpg", item.position, safe_name(&title));
        match write_export_file(to, &dir, &file_name, |out| copy_to(photo, options, out)) {
            Ok(target) => {
                // No name from a title can leave the folder, but say so in code.
                debug_assert!(target.starts_with(&dir));
                rows.push(Row {
                    item,
                    photo,
                    file: Some(file_name_of(&target)),
                    label,
                    cited,
                });
                exported.files.push(target);
            }
            Err(e) => {
                exported.problems.push(e.to_string());
                rows.push(Row {
                    item,
                    photo,
                    file: None,
                    label,
                    cited,
                });
            }
        }
    }
    let checklist = checklist(&rows, &notes)?;
    exported.checklist = write_export_file(to, &dir, "checklist.csv", |out| {
        out.write_all(&checklist).map_err(|source| {
            ExportError::Write(WriteError::Io {
                path: dir.join("checklist.csv"),
                source,
            })
        })
    })?;
    let sheet = contact_sheet(name, &rows, &notes);
    exported.contact_sheet = write_export_file(to, &dir, "contact-sheet.html", |out| {
        out.write_all(sheet.as_bytes()).map_err(|source| {
            ExportError::Write(WriteError::Io {
                path: dir.join("contact-sheet.html"),
                source,
            })
        })
    })?;
    Ok(exported)
}

/// One photo of the set as the checklist and contact sheet show it.
struct Row<'a> {
    item: &'a SetItem,
    photo: &'a Photo,
    /// The exported copy's name, or `None` when it could not be written.
    file: Option<String>,
    /// The wall label with its citations numbered.
    label: Vec<Numbered>,
    /// The notes the label cites, in order.
    cited: Vec<usize>,
}

fn checklist(rows: &[Row<'_>], notes: &Notes<'_>) -> Result<Vec<u8>, ExportError> {
    let header = [
        "Position",
        "File",
        "Title",
        "Creator",
        "Credit",
        "Copyright",
        "Date",
        "Wall label",
        "Notes",
        "ID",
        "Original",
    ];
    let mut records: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let d = &row.photo.description;
            vec![
                row.item.position.to_string(),
                row.file.clone().unwrap_or_else(|| "(not exported)".into()),
                d.title.clone().unwrap_or_default(),
                super::csv::join_list(&d.creators),
                d.credit.clone().unwrap_or_default(),
                d.copyright.clone().unwrap_or_default(),
                d.date_created.clone().unwrap_or_default(),
                plain(&row.label),
                row.cited
                    .iter()
                    .map(|n| format!("{n}. {}", notes.note_text(*n)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                row.photo.id.to_string(),
                super::csv::path_cell(&row.photo.file.path),
            ]
        })
        .collect();
    // The bibliography under the photos, in the Title column, each row as
    // wide as the header so that strict readers take the file.
    let bibliography = notes.bibliography();
    if !bibliography.is_empty() {
        let row = |title: String| {
            let mut cells = vec![String::new(); header.len()];
            cells[2] = title;
            cells
        };
        records.push(row(String::new()));
        records.push(row("Bibliography".to_owned()));
        records.extend(bibliography.into_iter().map(|(_, entry)| row(entry)));
    }
    let mut out = Vec::new();
    super::csv::write_table(&mut out, super::csv::Profile::Catalogue, &header, records)
        .map_err(|e| ExportError::ChecklistNotWritten(e.to_string()))?;
    Ok(out)
}

fn contact_sheet(name: &str, rows: &[Row<'_>], notes: &Notes<'_>) -> String {
    let mut cards = String::new();
    for row in rows {
        let d = &row.photo.description;
        let line = |label: &str, value: Option<String>| {
            value
                .filter(|v| !v.is_empty())
                .map(|v| format!("<div class=\"{label}\">{}</div>", escape(xml_safe(&v))))
                .unwrap_or_default()
        };
        let image = match &row.file {
            Some(f) => format!("<img src=\"{}\" alt=\"\">", escape(f)),
            None => "<div class=\"missing\">not exported</div>".to_owned(),
        };
        let label: String = row
            .label
            .iter()
            .map(|p| match p {
                Numbered::Text(t) => escape(xml_safe(t)).into_owned(),
                Numbered::Note(n) => format!("<sup><a href=\"#note-{n}\">{n}</a></sup>"),
            })
            .collect();
        let label = if label.trim().is_empty() {
            String::new()
        } else {
            format!("<div class=\"label\">{label}</div>")
        };
        cards.push_str(&format!(
            "<figure>{image}<figcaption><div class=\"number\">{}</div>{}{}{}{}{label}</figcaption></figure>\n",
            row.item.position,
            line("title", d.title.clone()),
            line("date", d.date_created.clone()),
            line("credit", {
                let mut parts = d.creators.clone();
                parts.extend(d.credit.clone().filter(|c| !d.creators.contains(c)));
                Some(parts.join(", "))
            }),
            line("copyright", d.copyright.clone()),
        ));
    }
    let mut sources = String::new();
    if !notes.notes.is_empty() {
        sources.push_str("<section class=\"sources\">\n<h2>Notes</h2>\n<ol>\n");
        for n in &notes.notes {
            sources.push_str(&format!(
                "<li id=\"note-{}\">{}</li>\n",
                n.number,
                escape(xml_safe(&notes.note_text(n.number)))
            ));
        }
        sources.push_str("</ol>\n<h2>Bibliography</h2>\n<ul>\n");
        for (_, entry) in notes.bibliography() {
            sources.push_str(&format!("<li>{}</li>\n", escape(xml_safe(&entry))));
        }
        sources.push_str("</ul>\n</section>\n");
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="cs">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 12mm; }}
  body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }}
  h1 {{ font-size: 16pt; margin: 0 0 2mm; }}
  .meta {{ color: #555; font-size: 9pt; margin-bottom: 6mm; }}
  main {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; }}
  figure {{ margin: 0; break-inside: avoid; page-break-inside: avoid; }}
  img {{ width: 100%; height: 48mm; object-fit: contain; background: #f2f2f2; }}
  .missing {{ height: 48mm; background: #eee; display: flex; align-items: center; justify-content: center; color: #900; }}
  figcaption {{ font-size: 8.5pt; line-height: 1.3; margin-top: 1.5mm; }}
  .number {{ font-weight: bold; }}
  .title {{ font-weight: bold; }}
  .date, .credit, .copyright {{ color: #444; }}
  .label {{ margin-top: 1mm; font-style: italic; white-space: pre-wrap; }}
  .label sup a {{ color: inherit; text-decoration: none; }}
  .sources {{ margin-top: 8mm; font-size: 9pt; break-before: auto; }}
  .sources h2 {{ font-size: 11pt; margin: 4mm 0 2mm; }}
  .sources ul {{ list-style: none; padding-left: 0; }}
  .sources ul li {{ padding-left: 6mm; text-indent: -6mm; }}
</style>
</head>
<body>
<h1>{title}</h1>
<div class="meta">{count} photographs · {date}</div>
<main>
{cards}</main>
{sources}</body>
</html>
"#,
        title = escape(xml_safe(name)),
        count = rows.len(),
        date = &crate::date::now_utc()[..10],
    )
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn names_are_safe_everywhere() {
        assert_eq!(
            safe_name("Milovice — \"last train\""),
            "milovice-last-train"
        );
        assert_eq!(
            safe_name("Jiří Šedivý: ../../etc/passwd"),
            "jiri-sedivy-etc-passwd"
        );
        assert_eq!(safe_name("Советская армия"), "sovetskaja-armija");
        assert_eq!(safe_name("Михаил Горбачёв"), "michail-gorbacev");
        assert_eq!(safe_name("..."), "photo");
    }
}
