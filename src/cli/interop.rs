//! Commands that move the catalogue in and out: CSV export and import,
//! writing metadata to sidecars and files, and exhibition set export.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};

use super::{EXIT_PARTIAL, shown, shown_path};
use crate::catalog::{Catalogue, ThumbnailStore};
use crate::export::claims_csv;
use crate::export::csv::Profile;
use crate::interop::{self, CsvImport, Source, Target};
use crate::text::count;

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
    /// catalogue (friendly headers, for spreadsheets), exiftool (for exiftool -csv=) or claims
    /// (one row per claim, with its source)
    #[arg(long, default_value = "catalogue")]
    pub profile: String,
    /// Write here instead of standard output (`-` is standard output; a FIFO
    /// or device is written into)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace FILE if it exists (never the catalogue or a catalogued photo)
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct ImportCsvArgs {
    /// A CSV file exported by Kartoteka (any profile) and edited
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
    /// Export into a folder that already holds files, replacing what an
    /// earlier export left there (never a catalogued photo: the copy then
    /// takes the next free name)
    #[arg(long)]
    pub force: bool,
}

pub fn export(catalogue: &Catalogue, command: &ExportCommand) -> Result<ExitCode> {
    let ExportCommand::Csv(args) = command;
    let source = match &args.set {
        Some(name) => Source::Set(name.clone()),
        None => Source::Query(args.query.clone().unwrap_or_default()),
    };
    let (data, rows) = if args.profile == claims_csv::PROFILE {
        if args.columns.is_some() {
            bail!("the claims profile has fixed columns; --columns is for the other profiles");
        }
        let (data, claims) = interop::claims_csv(catalogue, &source)?;
        (data, count(claims, "claim", "claims"))
    } else {
        let profile = Profile::from_name(&args.profile).with_context(|| {
            format!(
                "unknown profile {:?}; use catalogue, exiftool or claims",
                args.profile
            )
        })?;
        let columns = crate::export::csv::choose_columns(profile, args.columns.as_deref())?;
        let (data, photos) = interop::csv_catalogue(catalogue, &source, profile, &columns)?;
        (data, count(photos, "photo", "photos"))
    };
    match &args.out {
        Some(path) => {
            let output = write_output(catalogue, path, &data, args.force)?;
            if let Some(written) = output.path() {
                eprintln!("wrote {rows} to {}", shown_path(written));
            }
        }
        None => super::write_machine_output(&mut std::io::stdout().lock(), &data)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes output the user named with `--out` (or as an argument), with the
/// flag that would allow replacing a file named in the error.
pub(crate) fn write_output(
    catalogue: &Catalogue,
    path: &Path,
    data: &[u8],
    force: bool,
) -> Result<crate::files::Output> {
    interop::write_output(catalogue, path, data, force).map_err(|e| match e {
        interop::InteropError::Write(crate::files::WriteError::Exists { .. }) => {
            anyhow::anyhow!("{e} (--force replaces it)")
        }
        other => anyhow::Error::new(other),
    })
}

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(empty)".into(),
        serde_json::Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

pub fn import_csv(catalogue: &mut Catalogue, args: &ImportCsvArgs) -> Result<ExitCode> {
    let import = CsvImport::read(catalogue, &args.file, args.blank_clears)?;
    let mut err = std::io::stderr().lock();
    let outcome = import.apply(catalogue, args.dry_run, args.set.as_deref())?;
    let mut out = std::io::stdout().lock();
    if !import.claims.is_empty() {
        return claims_outcome(&mut out, &mut err, args, &import, &outcome);
    }
    for p in &import.problems {
        writeln!(err, "{}: {}", shown_path(&args.file), shown(&p.to_string()))?;
    }
    if args.dry_run {
        for c in outcome.changes() {
            writeln!(
                out,
                "photo {} {}: {} -> {}",
                c.photo,
                c.attribute,
                shown(&show(&c.old)),
                shown(&show(&c.new))
            )?;
        }
        if let Some(set) = &args.set {
            for l in &outcome.labels {
                writeln!(
                    out,
                    "photo {} wall label in \"{}\": {:?} -> {:?}",
                    l.photo,
                    shown(set),
                    l.old,
                    l.new
                )?;
            }
        }
    }
    writeln!(
        out,
        "{} {} ({}{}); {}",
        if args.dry_run {
            "would change"
        } else {
            "changed"
        },
        crate::text::count(outcome.report.photos, "photo", "photos"),
        crate::text::count(outcome.changes().len(), "value", "values"),
        if args.set.is_some() {
            format!(
                ", {}",
                crate::text::count(outcome.labels.len(), "wall label", "wall labels")
            )
        } else {
            String::new()
        },
        crate::text::count(import.problems.len(), "problem", "problems")
    )?;
    Ok(if import.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

/// What importing a claims CSV did (or would do), row by row.
fn claims_outcome(
    out: &mut impl Write,
    err: &mut impl Write,
    args: &ImportCsvArgs,
    import: &CsvImport,
    outcome: &interop::CsvOutcome,
) -> Result<ExitCode> {
    let report = &outcome.claims;
    let mut problems: Vec<crate::export::csv::Problem> = import.problems.clone();
    problems.extend(
        report
            .refused
            .iter()
            .map(|(row, reason)| crate::export::csv::Problem {
                row: Some(*row),
                column: None,
                what: crate::export::csv::CsvProblem::Row(reason.clone()),
            }),
    );
    problems.sort_by_key(|p| (p.row, p.column));
    for p in &problems {
        writeln!(err, "{}: {}", shown_path(&args.file), shown(&p.to_string()))?;
    }
    if args.dry_run {
        for (row, photo, words) in &report.changes {
            writeln!(out, "row {row}, photo {photo}: {}", shown(words))?;
        }
    }
    let photos: std::collections::BTreeSet<_> = report.changes.iter().map(|(_, p, _)| p).collect();
    let problems = problems.len();
    writeln!(
        out,
        "{} {} on {}; {}",
        if args.dry_run {
            "would change"
        } else {
            "changed"
        },
        count(report.changes.len(), "claim", "claims"),
        count(photos.len(), "photo", "photos"),
        count(problems, "problem", "problems")
    )?;
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

pub fn write_metadata(catalogue: &mut Catalogue, args: &WriteArgs) -> Result<ExitCode> {
    let target = match (args.sidecar, &args.out, args.in_place) {
        (true, _, _) => Target::Sidecar,
        (false, Some(dir), _) => Target::Copies(dir.clone()),
        (false, None, true) => Target::InPlace {
            backup: !args.no_backup,
        },
        (false, None, false) => {
            bail!("--embed writes copies with --out DIR, or the originals with --in-place")
        }
    };
    let ids = interop::photos_for(catalogue, &args.query)?;
    let photos = catalogue.photos_by_ids(&ids)?;
    let thumbs = match (&target, catalogue.thumbnails_path()) {
        (Target::InPlace { .. }, Some(p)) => Some(ThumbnailStore::open(&p)?),
        _ => None,
    };
    let (mut written, mut failed) = (0usize, 0usize);
    let mut err = std::io::stderr().lock();
    let mut out = std::io::stdout().lock();
    for photo in &photos {
        match interop::write_photo_metadata(catalogue, thumbs.as_ref(), photo, &target) {
            Ok(what) => {
                written += 1;
                writeln!(out, "wrote {}", shown(&what))?;
            }
            Err(e) => {
                failed += 1;
                writeln!(err, "failed: {}", shown(&e.to_string()))?;
            }
        }
    }
    writeln!(
        out,
        "wrote metadata for {}, {failed} failed",
        crate::text::count(written, "photo", "photos")
    )?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

pub fn export_set(catalogue: &Catalogue, args: &SetExportArgs) -> Result<ExitCode> {
    let options = crate::export::set::Options {
        long_edge: args.long_edge,
        strip_gps: args.strip_gps,
    };
    let (exported, total) = interop::export_set_to(
        catalogue, &args.name, &args.out, &options, args.force,
    )
    .map_err(|e| match e {
        interop::InteropError::Export(crate::export::ExportError::NotEmpty { .. }) => {
            anyhow::anyhow!("{e}; nothing was exported (--force allows replacing)")
        }
        other => anyhow::Error::new(other),
    })?;
    let mut out = std::io::stdout().lock();
    for f in &exported.files {
        writeln!(out, "{}", shown_path(f))?;
    }
    writeln!(out, "{}", shown_path(&exported.checklist))?;
    writeln!(out, "{}", shown_path(&exported.contact_sheet))?;
    for p in &exported.problems {
        writeln!(std::io::stderr(), "failed: {}", shown(p))?;
    }
    writeln!(
        out,
        "exported {} of {total} photos of \"{}\"",
        exported.files.len(),
        args.name
    )?;
    Ok(if exported.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}
