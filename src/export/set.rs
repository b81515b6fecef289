//! An exhibition set, ready to hang: numbered JPEG copies in set order with
//! the descriptive metadata embedded, a checklist CSV, and a printable
//! contact sheet (HTML) with thumbnails, titles, credits and wall labels.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use exif::{Field, In, Tag, Value};
use quick_xml::escape::escape;

use super::embed::{self, Exif};
use super::{iim, write_atomically, xmp};
use crate::catalog::SetItem;
use crate::ingest::thumbnail::decode_scaled;
use crate::photo::{ImageFormat, Photo};
use crate::text::fold;

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

/// EXIF for an exported copy: the original's camera, exposure and date
/// fields, without maker notes or thumbnails; GPS only if kept;
/// orientation 1 when the pixels were turned upright.
fn exif_for_copy(
    original: &[u8],
    format: ImageFormat,
    strip_gps: bool,
    upright: bool,
) -> Option<Vec<u8>> {
    let tiff = match format {
        ImageFormat::Tiff => original.to_vec(),
        ImageFormat::Jpeg => {
            let jpeg =
                img_parts::jpeg::Jpeg::from_bytes(bytes::Bytes::copy_from_slice(original)).ok()?;
            let seg = jpeg.segments().iter().find(|s| {
                s.marker() == img_parts::jpeg::markers::APP1
                    && s.contents().starts_with(b"Exif\0\0")
            })?;
            seg.contents()[6..].to_vec()
        }
        ImageFormat::Png => return None,
    };
    let (parsed, _) = crate::ingest::exif::parse(tiff).ok()?;
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

/// The JPEG bytes of one exported copy.
pub fn copy_bytes(photo: &Photo, options: &Options) -> Result<Vec<u8>, String> {
    let original =
        std::fs::read(&photo.file.path).map_err(|e| format!("could not be read: {e}"))?;
    let format = photo.file.format;
    let packet = xmp::packet(photo);
    let iim_block = iim::block(photo);
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
            Exif::Replace(exif_for_copy(&original, format, true, false).unwrap_or_default())
        } else {
            Exif::Keep
        };
        return embed::jpeg(&original, &packet, &iim_block, exif);
    }
    let edge = options.long_edge.unwrap_or(u32::MAX >> 1);
    let decoded = decode_scaled(format, &original, edge, photo.technical.orientation)
        .map_err(|e| e.to_string())?;
    let jpeg = crate::ingest::jpeg::encode(&decoded.image.to_rgb8(), JPEG_QUALITY)?;
    let exif = exif_for_copy(&original, format, options.strip_gps, true)
        .map_or_else(|| Exif::Replace(minimal_exif()), Exif::Replace);
    embed::jpeg(&jpeg, &packet, &iim_block, exif)
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

/// Exports a set's photos (given in set order, with their set items) into
/// `dir`. A photo that cannot be exported is reported; the rest go on.
pub fn export(
    name: &str,
    items: &[(SetItem, Photo)],
    dir: &Path,
    options: &Options,
) -> Result<Exported, String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{} could not be created: {e}", dir.display()))?;
    let dir = dir.canonicalize().map_err(|e| e.to_string())?;
    let width = items.len().to_string().len().max(2);
    let mut exported = Exported::default();
    let mut rows = Vec::new();
    for (item, photo) in items {
        let title = photo.description.title.clone().unwrap_or_else(|| {
            photo
                .file
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let file_name = format!("{:0width$}-{}.jpg", item.position, safe_name(&title));
        let target = dir.join(&file_name);
        // No name from a title can leave the folder, but say so in code.
        debug_assert!(target.starts_with(&dir));
        match copy_bytes(photo, options)
            .and_then(|data| write_atomically(&target, &data).map_err(|e| e.to_string()))
        {
            Ok(_) => {
                exported.files.push(target.clone());
                rows.push((item, photo, Some(file_name)));
            }
            Err(e) => {
                exported
                    .problems
                    .push(format!("{}: {e}", photo.file.path.display()));
                rows.push((item, photo, None));
            }
        }
    }
    exported.checklist = dir.join("checklist.csv");
    write_checklist(&exported.checklist, &rows)?;
    exported.contact_sheet = dir.join("contact-sheet.html");
    write_atomically(
        &exported.contact_sheet,
        contact_sheet(name, &rows).as_bytes(),
    )
    .map_err(|e| e.to_string())?;
    Ok(exported)
}

type Row<'a> = (&'a SetItem, &'a Photo, Option<String>);

fn write_checklist(path: &Path, rows: &[Row<'_>]) -> Result<(), String> {
    let mut out = Vec::new();
    out.extend_from_slice("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let header = [
            "Position",
            "File",
            "Title",
            "Creator",
            "Credit",
            "Copyright",
            "Date",
            "Wall label",
            "ID",
            "Original",
        ];
        w.write_record(header).map_err(|e| e.to_string())?;
        for (item, photo, file) in rows {
            let d = &photo.description;
            let record = [
                item.position.to_string(),
                file.clone().unwrap_or_else(|| "(not exported)".into()),
                d.title.clone().unwrap_or_default(),
                d.creators.join("; "),
                d.credit.clone().unwrap_or_default(),
                d.copyright.clone().unwrap_or_default(),
                d.date_created.clone().unwrap_or_default(),
                item.note.clone().unwrap_or_default(),
                photo.id.to_string(),
                photo.file.path.to_string_lossy().into_owned(),
            ];
            w.write_record(record.map(super::csv::neutralise))
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    write_atomically(path, &out)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn contact_sheet(name: &str, rows: &[Row<'_>]) -> String {
    let mut cards = String::new();
    for (item, photo, file) in rows {
        let d = &photo.description;
        let line = |label: &str, value: Option<String>| {
            value
                .filter(|v| !v.is_empty())
                .map(|v| format!("<div class=\"{label}\">{}</div>", escape(&v)))
                .unwrap_or_default()
        };
        let image = match file {
            Some(f) => format!("<img src=\"{}\" alt=\"\">", escape(f)),
            None => "<div class=\"missing\">not exported</div>".to_owned(),
        };
        cards.push_str(&format!(
            "<figure>{image}<figcaption><div class=\"number\">{}</div>{}{}{}{}{}</figcaption></figure>\n",
            item.position,
            line("title", d.title.clone()),
            line("date", d.date_created.clone()),
            line("credit", {
                let mut parts = d.creators.clone();
                parts.extend(d.credit.clone().filter(|c| !d.creators.contains(c)));
                Some(parts.join(", "))
            }),
            line("copyright", d.copyright.clone()),
            line("label", item.note.clone()),
        ));
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
</style>
</head>
<body>
<h1>{title}</h1>
<div class="meta">{count} photographs · {date}</div>
<main>
{cards}</main>
</body>
</html>
"#,
        title = escape(name),
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
