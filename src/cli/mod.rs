//! The command line: a thin face on the library, for scripts, tests and
//! machines without a display. Parsing is clap's; every command opens the
//! catalogue, calls the library and prints.

mod backup;
mod claims;
mod curate;
mod interop;
pub mod json;
pub mod package;
mod team;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::catalog::{Catalogue, ThumbnailStore};
use crate::ingest::import::{ImportOptions, ImportSummary, Progress, import};
use crate::photo::{Photo, PhotoId};
use json::PhotoJson;

/// What `--help` (and so the man page) says first: the two things a
/// newcomer does, or only the import in a build without the window.
macro_rules! start_here {
    ($($window:literal)?) => {
        concat!(
            "Kartoteka catalogues documentary photo archives: captions, credits, \
places, dates and keywords from JPEG, TIFF and PNG files, in one catalogue.

Start here:
",
            $($window,)?
            "  kartoteka import ~/Photos/Archive  catalogue a folder of photographs (and its subfolders)"
        )
    };
}
#[cfg(feature = "desktop")]
const START_HERE: &str = start_here!("  kartoteka                          open the desktop app\n");
#[cfg(not(feature = "desktop"))]
const START_HERE: &str = start_here!();

/// Exit code when some files failed but the rest of the work was done.
pub const EXIT_PARTIAL: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "kartoteka",
    version,
    about = START_HERE,
    long_about = START_HERE
)]
pub struct Cli {
    /// A catalogue to open in the window (what double-clicking one does)
    #[arg(value_name = "CATALOGUE")]
    // A build without the `desktop` feature has no window to open it in;
    // `kartoteka FILE stats` still works there.
    #[cfg_attr(
        not(feature = "desktop"),
        arg(help = "The catalogue the command works on (as --catalog FILE)")
    )]
    pub file: Option<PathBuf>,

    /// The catalogue file [default: catalogue.kartoteka in the platform data folder]
    #[arg(long, global = true, env = "KARTOTEKA_CATALOG", value_name = "FILE")]
    pub catalog: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Import photographs from files and folders (recursively)
    Import(ImportArgs),
    /// Show one photo's record
    Show {
        /// A photo id or the path of its file
        photo: std::ffi::OsString,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
        /// Include every raw EXIF, IPTC and XMP tag
        #[arg(long)]
        all: bool,
    },
    /// List every photo in the catalogue
    List {
        /// Print a JSON array
        #[arg(long)]
        json: bool,
    },
    /// List photos whose file is missing or changed on disk (exit code 1 if any)
    Check {
        /// Also re-hash every file to catch changes that kept size and time
        #[arg(long)]
        verify: bool,
    },
    /// Counts: photos, formats, captions, keywords, duplicates
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Find photos (see the query language below)
    Search(curate::SearchArgs),
    /// Change the photos a query finds: fields, keywords, rating, flag, label
    #[command(after_long_help = curate::QUERY_HELP)]
    Edit(curate::EditArgs),
    /// The keyword tree: list, rename, merge, import and export
    #[command(subcommand)]
    Keywords(curate::KeywordsCommand),
    /// Exhibition sets: ordered photos with wall labels
    #[command(subcommand)]
    Set(curate::SetCommand),
    /// Saved searches: stored queries that behave like live sets
    #[command(subcommand)]
    Saved(curate::SavedCommand),
    /// Metadata templates: named presets of field values
    #[command(subcommand)]
    Template(curate::TemplateCommand),
    /// Sources: the articles, books, documents and sleeves that claims cite
    #[command(subcommand)]
    Source(claims::SourceCommand),
    /// Claims: values of a field with the source that says them
    #[command(subcommand)]
    Claim(claims::ClaimCommand),
    /// The edit history, newest first: of one photo (id or path, with its
    /// changes) or of the whole catalogue
    History {
        photo: Option<std::ffi::OsString>,
        #[arg(long, default_value_t = 200)]
        limit: usize,
        /// Also list every change of each operation
        #[arg(long)]
        changes: bool,
    },
    /// Show or set the author this catalogue's new operations record (the
    /// history shows it)
    Author {
        /// The author's name, as the history should show it
        name: Option<String>,
        /// Record no author from now on
        #[arg(long, conflicts_with = "name")]
        clear: bool,
    },
    /// Undo the last change (an edit of many photos is undone as a whole)
    Undo,
    /// Redo the change undone last (until something new is changed)
    Redo,
    /// Tidy the catalogue after much editing, so searches are quick again
    Optimize,
    /// Export the catalogue (CSV)
    #[command(subcommand)]
    Export(interop::ExportCommand),
    /// Read back an exported CSV after editing it in a spreadsheet
    #[command(name = "import-csv")]
    ImportCsv(interop::ImportCsvArgs),
    /// Write descriptive metadata to XMP sidecars, or embed it in files
    #[command(name = "write-metadata", after_long_help = curate::QUERY_HELP)]
    WriteMetadata(interop::WriteArgs),
    /// A team catalogue on a PostgreSQL server: create one from this
    /// catalogue, join one as a new catalogue, show its members
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Send the operations made here to the team's server, and bring and
    /// merge everyone else's
    Sync(team::SyncArgs),
    /// Back up the catalogue and its thumbnails, checked, named by date and time
    Backup(backup::BackupArgs),
    /// Restore a backup into a new catalogue file (never over an existing one)
    Restore(backup::RestoreArgs),
    /// Write the man page and shell completions into a folder (for packaging)
    #[command(name = "generate-package-files", hide = true)]
    GeneratePackageFiles {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Files and folders to import
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Reader threads [default: one per CPU core]
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    pub threads: usize,
    /// Print only failures and the summary line
    #[arg(long, short)]
    pub quiet: bool,
    /// Apply this metadata template to the newly imported photos
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,
}

/// `catalogue.kartoteka` in the platform's data folder
/// (`~/.local/share/kartoteka` on Linux).
pub fn default_catalogue_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "Kartoteka")
        .context("no home folder to keep the catalogue in; pass --catalog FILE")?;
    Ok(dirs.data_dir().join("catalogue.kartoteka"))
}

/// The catalogue named on the command line, or the default.
fn chosen_catalogue(named: &Option<PathBuf>) -> Result<PathBuf> {
    named.clone().map_or_else(default_catalogue_path, Ok)
}

/// Opens the catalogue named on the command line (or the default), creating
/// its folder if needed. A catalogue this user may not write is opened
/// read-only, and a note on standard error says so.
pub fn open_catalogue(path: Option<&Path>) -> Result<Catalogue> {
    let path = match path {
        Some(p) => p.to_owned(),
        None => default_catalogue_path()?,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("could not create {}", shown_path(parent)))?;
    }
    let catalogue = Catalogue::open(&path)
        .with_context(|| format!("could not open catalogue {}", shown_path(&path)))?;
    if catalogue.is_read_only() {
        eprintln!(
            "kartoteka: catalogue {} is read-only for this user; it was opened for reading only",
            shown_path(&path)
        );
    }
    Ok(catalogue)
}

/// A path for the terminal: control characters escaped, bytes that are not
/// UTF-8 shown as `\xE1`.
pub(crate) fn shown_path(path: &Path) -> String {
    crate::text::printable_path(path)
}

/// Text for the terminal: control characters escaped.
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::printable(text)
}

/// Machine-readable output (JSON, CSV, paths) goes out exactly as it is,
/// except to a terminal, where control characters are escaped so that a
/// crafted caption or file name cannot send the terminal escape sequences.
pub(crate) fn write_machine_output(out: &mut impl Write, data: &[u8]) -> std::io::Result<()> {
    if std::io::stdout().is_terminal() {
        let text = String::from_utf8_lossy(data);
        out.write_all(crate::text::printable_keeping(&text, &['\n', '\r', '\t']).as_bytes())
    } else {
        out.write_all(data)
    }
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let Some(command) = cli.command else {
        anyhow::bail!("no command given");
    };
    // `kartoteka FILE stats` is `kartoteka --catalog FILE stats`.
    let catalog = cli.file.or(cli.catalog);
    // These never open the catalogue as the others do: backing up only
    // reads it, and restoring must work when it is damaged.
    match &command {
        Command::Backup(args) => return backup::backup(&chosen_catalogue(&catalog)?, args),
        Command::Restore(args) => return backup::restore(&chosen_catalogue(&catalog)?, args),
        Command::GeneratePackageFiles { dir } => return package::generate(dir),
        // Joining makes the catalogue; it must not exist yet.
        Command::Team(team::TeamCommand::Join { url, roots, author }) => {
            return team::join(&chosen_catalogue(&catalog)?, url, roots, author.as_deref());
        }
        _ => {}
    }
    let mut catalogue = open_catalogue(catalog.as_deref())?;
    let path = catalogue.path().map(Path::to_owned);
    run_command(&mut catalogue, command).map_err(|e| match path {
        // A failure of the catalogue file itself names the file, once.
        Some(p) if is_catalogue_failure(&e) => e.context(format!("catalogue {}", shown_path(&p))),
        _ => e,
    })
}

/// Whether an error is the catalogue file failing (locked, read-only, full
/// disk, damaged), wherever in the library it surfaced.
fn is_catalogue_failure(e: &anyhow::Error) -> bool {
    use crate::catalog::{CatalogError, SearchError};
    use crate::interop::InteropError;
    let file = |c: &CatalogError| matches!(c, CatalogError::Sqlite(_) | CatalogError::Json(_));
    let search = |s: &SearchError| matches!(s, SearchError::Catalogue(c) if file(c));
    e.chain().any(|cause| {
        cause.downcast_ref::<CatalogError>().is_some_and(file)
            || cause.downcast_ref::<SearchError>().is_some_and(search)
            || cause
                .downcast_ref::<InteropError>()
                .is_some_and(|i| match i {
                    InteropError::Catalogue(c) => file(c),
                    InteropError::Search(s) => search(s),
                    _ => false,
                })
    })
}

fn run_command(catalogue: &mut Catalogue, command: Command) -> Result<ExitCode> {
    let catalogue = &mut *catalogue;
    match command {
        Command::Import(args) => run_import(catalogue, &args),
        Command::Show { photo, json, all } => run_show(catalogue, &photo, json, all),
        Command::List { json } => run_list(catalogue, json),
        Command::Check { verify } => run_check(catalogue, verify),
        Command::Stats { json } => run_stats(catalogue, json),
        Command::Search(args) => curate::search(catalogue, &args),
        Command::Edit(args) => curate::edit(catalogue, &args),
        Command::Keywords(c) => curate::keywords(catalogue, &c),
        Command::Set(curate::SetCommand::Export(args)) => interop::export_set(catalogue, &args),
        Command::Set(c) => curate::set(catalogue, &c),
        Command::Saved(c) => curate::saved(catalogue, &c),
        Command::Template(c) => curate::template(catalogue, &c),
        Command::Source(c) => claims::source(catalogue, &c),
        Command::Claim(c) => claims::claim(catalogue, &c),
        Command::History {
            photo,
            limit,
            changes,
        } => curate::history(catalogue, photo.as_deref(), limit, changes),
        Command::Author { name, clear } => curate::author(catalogue, name.as_deref(), clear),
        Command::Undo => curate::undo(catalogue),
        Command::Redo => curate::redo(catalogue),
        Command::Optimize => run_optimize(catalogue),
        Command::Export(c) => interop::export(catalogue, &c),
        Command::ImportCsv(args) => interop::import_csv(catalogue, &args),
        Command::WriteMetadata(args) => interop::write_metadata(catalogue, &args),
        Command::Team(c) => team::team(catalogue, &c),
        Command::Sync(args) => team::sync(catalogue, &args),
        Command::Backup(_) | Command::Restore(_) | Command::GeneratePackageFiles { .. } => {
            unreachable!("carried out before the catalogue is opened")
        }
    }
}

fn run_optimize(catalogue: &mut Catalogue) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    catalogue.optimize()?;
    println!(
        "optimized the catalogue in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_import(catalogue: &mut Catalogue, args: &ImportArgs) -> Result<ExitCode> {
    // A misspelt template is caught before any file is read.
    if let Some(name) = &args.template {
        catalogue.template(name)?;
    }
    let mut thumbnails = match catalogue.thumbnails_path() {
        Some(p) => ThumbnailStore::open(&p)
            .with_context(|| format!("could not open thumbnails {}", p.display()))?,
        None => ThumbnailStore::open_in_memory()?,
    };
    let options = ImportOptions {
        threads: args.threads,
        cancel: Arc::new(AtomicBool::new(false)),
    };
    let bar = indicatif::ProgressBar::hidden();
    if std::io::stderr().is_terminal() && !args.quiet {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} {elapsed_precise} {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
    }
    let on_progress = |p: Progress| match p {
        Progress::Started { total, .. } => bar.set_length(total as u64),
        Progress::File { done, path, .. } => {
            bar.set_position(done as u64);
            bar.set_message(
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
    };
    let summary = import(
        catalogue,
        Some(&mut thumbnails),
        &args.paths,
        &options,
        &on_progress,
    )
    .context("import stopped: the catalogue could not be written")?;
    bar.finish_and_clear();
    report_import(&summary, args.quiet)?;
    if let Some(name) = &args.template {
        let report = catalogue.apply_template(name, &summary.added, false, false)?;
        println!(
            "template \"{name}\" filled {} on {}",
            crate::text::count(report.changes.len(), "value", "values"),
            crate::text::count(report.photos, "photo", "photos")
        );
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

fn report_import(s: &ImportSummary, quiet: bool) -> Result<()> {
    let mut err = std::io::stderr().lock();
    for f in &s.failed {
        writeln!(
            err,
            "failed: {}: {}",
            shown(&f.reason.to_string()),
            shown_path(&f.path)
        )?;
    }
    if !quiet {
        for (path, w) in &s.warnings {
            writeln!(
                err,
                "warning: {}: {}",
                shown(&w.to_string()),
                shown_path(path)
            )?;
        }
        for (path, why) in &s.not_catalogued {
            writeln!(err, "not catalogued: {}: {}", shown(why), shown_path(path))?;
        }
    }
    let mut out = std::io::stdout().lock();
    if !quiet {
        for (_, path, of) in &s.duplicates {
            writeln!(out, "duplicate of photo {of}: {}", shown_path(path))?;
        }
        for (id, from, to) in &s.relinked {
            writeln!(
                out,
                "moved: photo {id} {} -> {}",
                shown_path(from),
                shown_path(to)
            )?;
        }
    }
    writeln!(
        out,
        "{} stored ({} new, {} re-read, {} moved, {}), {} unchanged, {} failed, {} not catalogued, {}, in {:.1} s{}",
        crate::text::count(s.stored(), "photo", "photos"),
        s.added.len(),
        s.updated.len(),
        s.relinked.len(),
        crate::text::count(s.duplicates.len(), "duplicate", "duplicates"),
        s.unchanged,
        s.failed.len(),
        s.not_catalogued.len(),
        crate::text::count(s.warnings.len(), "warning", "warnings"),
        s.elapsed.as_secs_f64(),
        if s.cancelled { " (cancelled)" } else { "" }
    )?;
    Ok(())
}

/// A photo by id (all digits) or by the path of its file.
pub(crate) fn find_photo(catalogue: &Catalogue, which: &std::ffi::OsStr) -> Result<Photo> {
    if let Some(id) = which.to_str().and_then(|w| w.parse::<i64>().ok()) {
        return catalogue
            .photo(PhotoId(id))?
            .with_context(|| format!("no photo with id {id}"));
    }
    // A path as JSON and CSV show it: a `file:///` URI for a name that is not UTF-8.
    let which =
        crate::export::csv::path_from_cell(&crate::catalog::path_to_bytes(Path::new(which)));
    let path =
        std::path::absolute(&which).with_context(|| format!("bad path {}", shown_path(&which)))?;
    let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    for candidate in [&path, &canonical] {
        if let Some(photo) = catalogue.photo_by_path(candidate)? {
            return Ok(photo);
        }
    }
    anyhow::bail!("no photo in the catalogue at {}", shown_path(&path))
}

fn run_show(
    catalogue: &Catalogue,
    which: &std::ffi::OsStr,
    json: bool,
    all: bool,
) -> Result<ExitCode> {
    let photo = find_photo(catalogue, which)?;
    let tags = if all {
        Some(catalogue.raw_tags(photo.id)?)
    } else {
        None
    };
    let claims = catalogue.claims(photo.id)?;
    let mut out = std::io::stdout().lock();
    if json {
        let mut value = serde_json::to_value(PhotoJson::new(&photo, tags.as_deref()))?;
        if let serde_json::Value::Object(map) = &mut value {
            let mut cited: Vec<&crate::catalog::Source> = Vec::new();
            for s in claims.iter().filter_map(|c| c.source.as_ref()) {
                if !cited.iter().any(|c| c.id == s.id) {
                    cited.push(s);
                }
            }
            map.insert(
                "claims".into(),
                claims.iter().map(claims::claim_json).collect(),
            );
            map.insert("sources".into(), serde_json::to_value(cited)?);
        }
        let mut text = serde_json::to_vec_pretty(&value)?;
        text.push(b'\n');
        write_machine_output(&mut out, &text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let value = serde_json::to_value(PhotoJson::new(&photo, None))?;
    if let serde_json::Value::Object(map) = value {
        for (key, v) in map {
            let text = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => s,
                serde_json::Value::Array(items) if items.is_empty() => continue,
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
                    .join("; "),
                other => other.to_string(),
            };
            // Line breaks in a caption stay line breaks; every other
            // control character is shown, not sent to the terminal.
            writeln!(
                out,
                "{key:<22}{}",
                crate::text::printable_keeping(&text, &['\n'])
                    .replace('\n', "\n                      ")
            )?;
        }
    }
    for w in &photo.warnings {
        writeln!(out, "{:<22}{}", "warning", shown(&w.to_string()))?;
    }
    for c in &claims {
        writeln!(out, "{:<22}{}", "claim", claims::claim_line(c))?;
    }
    if let Some(tags) = tags {
        writeln!(out)?;
        for t in tags {
            writeln!(
                out,
                "{:<16}{:<40}{}",
                shown(&t.group),
                shown(&t.name),
                shown(&t.value)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_list(catalogue: &Catalogue, json: bool) -> Result<ExitCode> {
    let photos = catalogue.photos()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let all: Vec<PhotoJson<'_>> = photos.iter().map(|p| PhotoJson::new(p, None)).collect();
        let mut text = serde_json::to_vec_pretty(&all)?;
        text.push(b'\n');
        write_machine_output(&mut out, &text)?;
    } else {
        for p in &photos {
            writeln!(
                out,
                "{}\t{}\t{}",
                p.id,
                shown_path(&p.file.path),
                shown(p.description.title.as_deref().unwrap_or(""))
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_check(catalogue: &mut Catalogue, verify: bool) -> Result<ExitCode> {
    let files = catalogue.files()?;
    let mut out = std::io::stdout().lock();
    let (mut missing, mut changed) = (0usize, 0usize);
    let mut found = Vec::with_capacity(files.len());
    for f in &files {
        let meta = match std::fs::metadata(&f.path) {
            Ok(m) => m,
            Err(_) => {
                missing += 1;
                found.push((f.id, true));
                writeln!(out, "missing\t{}\t{}", f.id, shown_path(&f.path))?;
                continue;
            }
        };
        found.push((f.id, false));
        let mut differs =
            meta.len() != f.state.size || crate::ingest::mtime_ns(&meta) != f.state.mtime_ns;
        if !differs && verify {
            // Hashed as a stream; a FIFO or device where the photo was is a change.
            differs = crate::files::hash_file(&f.path).map_or(true, |h| h != f.hash);
        }
        if differs {
            changed += 1;
            writeln!(out, "changed\t{}\t{}", f.id, shown_path(&f.path))?;
        }
    }
    catalogue.mark_missing(&found)?;
    writeln!(
        std::io::stderr(),
        "{} checked: {missing} missing, {changed} changed",
        crate::text::count(files.len(), "photo", "photos")
    )?;
    Ok(if missing + changed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn run_stats(catalogue: &Catalogue, json: bool) -> Result<ExitCode> {
    let stats = catalogue.stats()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = [
        ("photos", stats.photos),
        ("  JPEG", stats.jpeg),
        ("  TIFF", stats.tiff),
        ("  PNG", stats.png),
        ("with caption", stats.with_caption),
        ("with depicted date", stats.with_depicted_date),
        ("with GPS", stats.with_gps),
        ("with warnings", stats.with_warnings),
        ("duplicate content", stats.duplicates),
        ("keywords", stats.keywords),
    ];
    for (label, n) in rows {
        writeln!(out, "{label:<20}{n}")?;
    }
    writeln!(
        out,
        "{:<20}{:.1} MB",
        "file size",
        stats.total_bytes as f64 / 1e6
    )?;
    Ok(ExitCode::SUCCESS)
}
