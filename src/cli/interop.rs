//! Commands that move the catalogue in and out: CSV export and import,
//! writing metadata to sidecars and files, and exhibition set export.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};

use super::EXIT_PARTIAL;
use super::curate::photos_for;
use crate::catalog::{Catalogue, Edit, SetItem, ThumbnailStore};
use crate::export::csv::{Profile, RowKey};
use crate::photo::{Photo, PhotoId};

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// A CSV catalogue of the photos a query finds, or of a set in its order
    Csv(CsvArgs),
}

#[derive(Args, Debug)]
pub struct CsvArgs {
    /// Which photos (the search query language) [default: all]
    #[arg(long, allow_hyphen_values = true, conflicts_with = "set")]
    pub query: Option<String>,
    /// An exhibition set, in set order, with Position and Wall label columns
    #[arg(long)]
    pub set: Option<String>,
    /// Columns to write, by header or field name, separated by commas
    #[arg(long)]
    pub columns: Option<String>,
    /// catalogue (friendly headers, for spreadsheets) or exiftool (for exiftool -csv=)
    #[arg(long, default_value = "catalogue")]
    pub profile: String,
    /// Write here instead of standard output
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ImportCsvArgs {
    /// A CSV file exported by Kartoteka (either profile) and edited
    pub file: PathBuf,
    /// List every change (photo, field, old, new) and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// An empty cell clears the field (otherwise it changes nothing)
    #[arg(long)]
    pub blank_clears: bool,
    /// Also take the Wall label column into this exhibition set
    #[arg(long)]
    pub set: Option<String>,
}

#[derive(Args, Debug)]
pub struct WriteArgs {
    /// Which photos (the search query language)
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Write NAME.xmp beside each file (merging into an existing sidecar)
    #[arg(long, required_unless_present = "embed", conflicts_with = "embed")]
    pub sidecar: bool,
    /// Embed XMP and IPTC in the files: copies with --out, the originals with --in-place
    #[arg(long)]
    pub embed: bool,
    /// With --embed: write copies into this folder
    #[arg(long, requires = "embed", conflicts_with = "in_place")]
    pub out: Option<PathBuf>,
    /// With --embed: rewrite the original files (atomically, keeping a backup)
    #[arg(long, requires = "embed")]
    pub in_place: bool,
    /// With --in-place: keep no backup of the originals
    #[arg(long, requires = "in_place")]
    pub no_backup: bool,
}

#[derive(Args, Debug)]
pub struct SetExportArgs {
    pub name: String,
    /// The folder to write into (created if needed)
    #[arg(long)]
    pub out: PathBuf,
    /// Scale copies down to this long edge, in pixels
    #[arg(long)]
    pub long_edge: Option<u32>,
    /// Leave GPS positions out of the copies
    #[arg(long)]
    pub strip_gps: bool,
}

fn set_photos(catalogue: &Catalogue, name: &str) -> Result<(Vec<SetItem>, Vec<Photo>)> {
    let items = catalogue.set_items(name)?;
    let photos = catalogue.photos_by_ids(&items.iter().map(|i| i.photo).collect::<Vec<_>>())?;
    Ok((items, photos))
}

pub fn export(catalogue: &Catalogue, command: &ExportCommand) -> Result<ExitCode> {
    let ExportCommand::Csv(args) = command;
    let profile = Profile::from_name(&args.profile).with_context(|| {
        format!(
            "unknown profile {:?}; use catalogue or exiftool",
            args.profile
        )
    })?;
    let columns = crate::export::csv::choose_columns(profile, args.columns.as_deref())
        .map_err(anyhow::Error::msg)?;
    let (photos, items) = match &args.set {
        Some(name) => {
            let (items, photos) = set_photos(catalogue, name)?;
            (photos, Some(items))
        }
        None => {
            let ids = photos_for(catalogue, args.query.as_deref().unwrap_or(""))?;
            (catalogue.photos_by_ids(&ids)?, None)
        }
    };
    let mut data = Vec::new();
    crate::export::csv::write(&mut data, profile, &columns, &photos, items.as_deref())?;
    match &args.out {
        Some(path) => {
            crate::export::write_atomically(path, &data)
                .with_context(|| format!("could not write {}", path.display()))?;
            eprintln!("wrote {} photos to {}", photos.len(), path.display());
        }
        None => std::io::stdout().lock().write_all(&data)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The photo a CSV row names: by id, or by path (as written, then relative
/// to the CSV's folder and to the current folder).
fn find_row_photo(catalogue: &Catalogue, key: &RowKey, csv_dir: &Path) -> Result<Option<PhotoId>> {
    match key {
        RowKey::Id(id) => Ok(catalogue.photo(*id)?.map(|p| p.id)),
        RowKey::Path(path) => {
            let mut candidates = vec![path.clone()];
            if path.is_relative() {
                candidates.push(csv_dir.join(path));
                if let Ok(abs) = std::path::absolute(path) {
                    candidates.push(abs);
                }
            }
            for c in candidates
                .iter()
                .flat_map(|c| [c.clone(), c.canonicalize().unwrap_or_else(|_| c.clone())])
            {
                if let Some(p) = catalogue.photo_by_path(&c)? {
                    return Ok(Some(p.id));
                }
            }
            Ok(None)
        }
    }
}

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(empty)".into(),
        serde_json::Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

pub fn import_csv(catalogue: &mut Catalogue, args: &ImportCsvArgs) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("could not read {}", args.file.display()))?;
    let (rows, mut problems) = crate::export::csv::read(&bytes, args.blank_clears);
    let csv_dir = args.file.parent().unwrap_or(Path::new(".")).to_owned();
    let mut edits: Vec<(PhotoId, Vec<Edit>)> = Vec::new();
    let mut labels: Vec<(PhotoId, String)> = Vec::new();
    for row in rows {
        match find_row_photo(catalogue, &row.key, &csv_dir)? {
            Some(id) => {
                edits.push((
                    id,
                    row.values
                        .into_iter()
                        .map(|(a, v)| Edit::Set(a, v))
                        .collect(),
                ));
                if let Some(label) = row.wall_label {
                    labels.push((id, label));
                }
            }
            None => problems.push(crate::export::csv::Problem {
                row: Some(row.number),
                column: None,
                message: match row.key {
                    RowKey::Id(id) => format!("no photo with id {id}; this row was left unchanged"),
                    RowKey::Path(p) => {
                        format!("no photo at {}; this row was left unchanged", p.display())
                    }
                },
            }),
        }
    }
    let mut err = std::io::stderr().lock();
    for p in &problems {
        writeln!(err, "{}: {p}", args.file.display())?;
    }
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = catalogue.edit_each(&edits, "csv", args.dry_run, |n| {
        format!("CSV import of {name}: {n} photos")
    })?;
    let mut out = std::io::stdout().lock();
    if args.dry_run {
        for c in &report.changes {
            writeln!(
                out,
                "photo {} {}: {} -> {}",
                c.photo,
                c.attribute,
                show(&c.old),
                show(&c.new)
            )?;
        }
    }
    let mut label_changes = 0;
    if let Some(set) = &args.set {
        let current = catalogue.set_items(set)?;
        for (id, label) in &labels {
            let Some(item) = current.iter().find(|i| i.photo == *id) else {
                continue;
            };
            if item.note.as_deref().unwrap_or("") != label {
                label_changes += 1;
                if args.dry_run {
                    writeln!(
                        out,
                        "photo {id} wall label in \"{set}\": {:?} -> {label:?}",
                        item.note.as_deref().unwrap_or("")
                    )?;
                } else {
                    catalogue.set_note(set, *id, label)?;
                }
            }
        }
    }
    writeln!(
        out,
        "{} {} photos ({} values{}); {} problems",
        if args.dry_run {
            "would change"
        } else {
            "changed"
        },
        report.photos,
        report.changes.len(),
        if args.set.is_some() {
            format!(", {label_changes} wall labels")
        } else {
            String::new()
        },
        problems.len()
    )?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

pub fn write_metadata(catalogue: &mut Catalogue, args: &WriteArgs) -> Result<ExitCode> {
    if args.embed && args.out.is_none() && !args.in_place {
        bail!("--embed writes copies with --out DIR, or the originals with --in-place");
    }
    let ids = photos_for(catalogue, &args.query)?;
    let photos = catalogue.photos_by_ids(&ids)?;
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
    }
    let thumbs = match (args.in_place, catalogue.thumbnails_path()) {
        (true, Some(p)) => Some(ThumbnailStore::open(&p)?),
        _ => None,
    };
    let (mut written, mut failed) = (0usize, 0usize);
    let mut err = std::io::stderr().lock();
    let mut out = std::io::stdout().lock();
    for photo in &photos {
        let result: Result<String, String> = if args.sidecar {
            crate::export::write_sidecar(photo).and_then(|w| {
                catalogue
                    .note_sidecar(photo.id, &w.path, w.mtime_ns)
                    .map_err(|e| e.to_string())?;
                Ok(w.path.display().to_string())
            })
        } else if let Some(dir) = &args.out {
            crate::export::write_copy(photo, dir).map(|w| w.path.display().to_string())
        } else {
            crate::export::write_in_place(photo, !args.no_backup).and_then(|(w, backup)| {
                catalogue
                    .note_rewritten(photo.id, w.size, w.mtime_ns, &w.hash)
                    .map_err(|e| e.to_string())?;
                if let Some(t) = &thumbs {
                    t.copy(&photo.file.hash, &w.hash)
                        .map_err(|e| e.to_string())?;
                }
                Ok(match backup {
                    Some(b) => format!("{} (backup {})", w.path.display(), b.display()),
                    None => w.path.display().to_string(),
                })
            })
        };
        match result {
            Ok(what) => {
                written += 1;
                writeln!(out, "wrote {what}")?;
            }
            Err(e) => {
                failed += 1;
                writeln!(err, "failed: {e}")?;
            }
        }
    }
    writeln!(out, "wrote metadata for {written} photos, {failed} failed")?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

pub fn export_set(catalogue: &Catalogue, args: &SetExportArgs) -> Result<ExitCode> {
    let (items, photos) = set_photos(catalogue, &args.name)?;
    let pairs: Vec<(SetItem, Photo)> = items.into_iter().zip(photos).collect();
    let options = crate::export::set::Options {
        long_edge: args.long_edge,
        strip_gps: args.strip_gps,
    };
    let exported = crate::export::set::export(&args.name, &pairs, &args.out, &options)
        .map_err(anyhow::Error::msg)?;
    let mut out = std::io::stdout().lock();
    for f in &exported.files {
        writeln!(out, "{}", f.display())?;
    }
    writeln!(out, "{}", exported.checklist.display())?;
    writeln!(out, "{}", exported.contact_sheet.display())?;
    for p in &exported.problems {
        writeln!(std::io::stderr(), "failed: {p}")?;
    }
    writeln!(
        out,
        "exported {} of {} photos of \"{}\"",
        exported.files.len(),
        pairs.len(),
        args.name
    )?;
    Ok(if exported.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}
