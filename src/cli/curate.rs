//! Commands for finding, describing and curating photos: search, edit,
//! keywords, sets, saved searches, templates, history and undo.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use serde_json::Value;

use super::json::PhotoJson;
use super::{find_photo, shown, shown_path};
use crate::catalog::{Catalogue, Edit, EditReport, Hit, Sort};
use crate::interop::photos_for;
use crate::photo::{Attribute, Field, PhotoId};
use crate::text::count;

pub const QUERY_HELP: &str = "\
QUERY LANGUAGE
  kyndrova milovice          words are ANDed; case and accents do not matter
  kasár*  \"last train\"       prefix; phrase
  soldiers OR vojáci         OR (binds tighter than AND: a b OR c = a AND (b OR c))
  -convoy  -city:Praha       exclude a word or a filter;  ( ) group
  title: caption: creator: credit: copyright: source: city: state: country:
  event: person: job:        words in one field
  path: camera: lens:        text anywhere in the file path, camera or lens
  keyword:military           that keyword, its synonyms and every keyword below it
  date:1991  date:1991-06  date:1990..1991  date:..1990
                             depicted date; a photo dated only 1991 also matches
                             date:1991-06, as a possible match (marked ~, or
                             \"possible\": true in JSON)
  taken:2019-03              capture date, the same way
  rating:>=3  rating:5       also >, <, <=
  flag:pick|reject|none  label:red|yellow|green|blue|purple|none
  set:\"Name\"                 an exhibition set or a saved search
  has:gps  has:caption  missing:caption  missing:credit
                             (also title, headline, creator, copyright, source,
                             location, event, people, keywords, date, note)
  status:missing             the file was gone when `check` last looked
  status:warning             imported with damaged metadata or pixels";

#[derive(Args, Debug)]
#[command(after_long_help = QUERY_HELP)]
pub struct SearchArgs {
    /// The query (see below); empty for every photo
    #[arg(default_value = "", allow_hyphen_values = true)]
    pub query: String,
    /// Print a JSON array of photos
    #[arg(long, group = "format")]
    pub json: bool,
    /// Print one file path per line, nothing else (exactly as the file
    /// system has it; escaped on a terminal)
    #[arg(long, group = "format")]
    pub paths: bool,
    /// With --paths: end each path with a NUL byte instead of a line break
    /// (for `xargs -0`), so that any file name comes through whole
    #[arg(short = '0', long = "null", requires = "paths")]
    pub null: bool,
    /// Print CSV
    #[arg(long, group = "format")]
    pub csv: bool,
    /// date, taken, imported, title, rating, file, set (needs set:"Name"),
    /// or a field: caption, creator, credit, city, keywords, camera, ...;
    /// a leading - reverses (-date: newest first)
    #[arg(long, default_value = "date", allow_hyphen_values = true)]
    pub sort: String,
    #[arg(long)]
    pub limit: Option<usize>,
    /// Also print counts of keywords, creators, years, cities and cameras
    #[arg(long, conflicts_with_all = ["paths", "csv"])]
    pub facets: bool,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// Which photos (the search query language)
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// FIELD=VALUE; an empty value clears. Lists (creators, people) take
    /// values separated by ";". Fields: title, headline, caption, creators,
    /// credit, copyright, source, instructions, job_id, sublocation, city,
    /// state, country, country_code, people, event, date_created (1991,
    /// 1991-06 or 1991-06-21), digital_source_type, note
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
    /// Keyword to add: a name, or a path like Places|Czechoslovakia|Milovice
    #[arg(long = "add-keyword", value_name = "KEYWORD")]
    pub add_keyword: Vec<String>,
    #[arg(long = "remove-keyword", value_name = "KEYWORD")]
    pub remove_keyword: Vec<String>,
    /// 0 to 5
    #[arg(long)]
    pub rating: Option<u8>,
    /// pick, reject or none
    #[arg(long)]
    pub flag: Option<String>,
    /// red, yellow, green, blue, purple or none
    #[arg(long)]
    pub label: Option<String>,
    /// Show what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Subcommand, Debug)]
pub enum KeywordsCommand {
    /// The keyword tree with photo counts
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a keyword, or move it with a full new path (A|B|C)
    Rename { old: String, new: String },
    /// Merge keyword FROM into INTO; FROM's photos get INTO
    Merge { from: String, into: String },
    /// Delete a keyword and the keywords below it; photos lose them (undo
    /// brings them back)
    Delete { keyword: String },
    /// Add the keywords of a Lightroom keyword list file
    Import { file: std::path::PathBuf },
    /// Write the keyword tree as a Lightroom keyword list file (`-` is
    /// standard output)
    Export {
        file: std::path::PathBuf,
        /// Replace FILE if it exists (never the catalogue or a catalogued photo)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum SetCommand {
    /// Create an empty exhibition set
    Create { name: String },
    /// Append the photos a query finds (in depicted-date order)
    Add {
        name: String,
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// Remove the photos a query finds
    Remove {
        name: String,
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// Move a photo (id or path) to a position (1 is first)
    Move {
        name: String,
        photo: std::ffi::OsString,
        position: u32,
    },
    /// Set a photo's wall-label text in this set (empty clears)
    Note {
        name: String,
        photo: std::ffi::OsString,
        text: String,
    },
    /// The set's photos in order, with wall labels
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Every set and saved search
    List,
    /// Rename a set or saved search
    Rename { name: String, new: String },
    /// Delete a set or saved search (never its photos; undo brings it back)
    Delete { name: String },
    /// Numbered JPEG copies in set order, a checklist CSV and a contact sheet
    Export(super::interop::SetExportArgs),
}

#[derive(Subcommand, Debug)]
pub enum SavedCommand {
    /// Save a query under a name; search for it with set:"NAME"
    Create {
        name: String,
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// Every saved search
    List,
    Delete {
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum TemplateCommand {
    /// Create or replace a template of FIELD=VALUE pairs (keywords=A;B adds keywords)
    Create {
        name: String,
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        set: Vec<String>,
    },
    List,
    /// Apply a template to the photos a query finds: fills empty fields
    Apply {
        name: String,
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Replace values that are already there
        #[arg(long)]
        overwrite: bool,
        #[arg(long)]
        dry_run: bool,
    },
    Delete {
        name: String,
    },
}

/// Field names and the aliases people type.
fn attribute(name: &str) -> Result<Attribute> {
    let canonical = match name.trim() {
        "creator" => "creators",
        "job" => "job_id",
        "person" => "people",
        "date" | "depicted" => "date_created",
        "keyword" => "keywords",
        other => other,
    };
    Attribute::from_name(canonical).with_context(|| {
        format!(
            "unknown field {name:?}; fields are {} and note",
            Field::ALL.map(Field::name).join(", ")
        )
    })
}

fn field_values(pairs: &[String]) -> Result<Vec<(Attribute, Value)>> {
    pairs
        .iter()
        .map(|pair| {
            let (name, value) = pair
                .split_once('=')
                .with_context(|| format!("{pair:?} is not FIELD=VALUE"))?;
            Ok((attribute(name)?, Value::String(value.to_owned())))
        })
        .collect()
}

/// The photos a query finds, in depicted-date order.
fn show_value(v: &Value) -> String {
    match v {
        Value::Null => "(empty)".to_owned(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| i
                    .as_str()
                    .map_or_else(|| i.to_string(), |s| format!("{s:?}")))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

fn print_report(report: &EditReport, dry_run: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if dry_run {
        for c in &report.changes {
            writeln!(
                out,
                "photo {} {}: {} -> {}",
                c.photo,
                c.attribute,
                show_value(&c.old),
                show_value(&c.new)
            )?;
        }
        writeln!(
            out,
            "would change {} ({})",
            count(report.photos, "photo", "photos"),
            count(report.changes.len(), "value", "values")
        )?;
    } else {
        writeln!(
            out,
            "changed {} ({})",
            count(report.photos, "photo", "photos"),
            count(report.changes.len(), "value", "values")
        )?;
    }
    Ok(())
}

pub fn search(catalogue: &Catalogue, args: &SearchArgs) -> Result<ExitCode> {
    let sort = Sort::parse(&args.sort)?;
    let query = crate::search::parse(&args.query)?;
    let hits: Vec<Hit> = catalogue.search(&query, sort, args.limit)?;
    let ids: Vec<PhotoId> = hits.iter().map(|h| h.id).collect();
    let photos = catalogue.photos_by_ids(&ids)?;
    let possible = |id: PhotoId| hits.iter().any(|h| h.id == id && h.possible);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.paths {
        // Exact bytes for scripts; escaped for a person at a terminal.
        let terminal = std::io::stdout().is_terminal() && !args.null;
        for p in &photos {
            if terminal {
                writeln!(out, "{}", shown_path(&p.file.path))?;
            } else {
                out.write_all(&crate::catalog::path_to_bytes(&p.file.path))?;
                out.write_all(if args.null { b"\0" } else { b"\n" })?;
            }
        }
    } else if args.csv {
        // The same writer and cells as `export csv`: formula-looking cells
        // are neutralised, paths that are not UTF-8 are `file:///` URIs.
        use crate::export::csv::{Column, Profile, Writer, cell_bytes};
        let columns = [
            ("id", Column::Id),
            ("path", Column::File),
            ("title", Column::Value(Attribute::Field(Field::Title))),
            (
                "date_created",
                Column::Value(Attribute::Field(Field::DateCreated)),
            ),
            ("taken_at", Column::Taken),
            ("creators", Column::Value(Attribute::Field(Field::Creators))),
            ("keywords", Column::Value(Attribute::Field(Field::Keywords))),
            ("rating", Column::Value(Attribute::Rating)),
            ("flag", Column::Value(Attribute::Flag)),
            ("label", Column::Value(Attribute::Label)),
        ];
        let mut data = Vec::new();
        let mut w = Writer::new(&mut data, Profile::Catalogue, false)?;
        w.row(columns.iter().map(|(h, _)| *h).chain(["possible"]))?;
        for p in &photos {
            w.row(
                columns
                    .iter()
                    .map(|(_, c)| cell_bytes(Profile::Catalogue, *c, p, None))
                    .chain([possible(p.id).to_string().into_bytes()]),
            )?;
        }
        w.finish()?;
        super::write_machine_output(&mut out, &data)?;
    } else if args.json {
        let items: Vec<Value> = photos
            .iter()
            .map(|p| {
                let mut v = serde_json::to_value(PhotoJson::new(p, None)).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut v {
                    map.insert("possible".into(), Value::Bool(possible(p.id)));
                }
                v
            })
            .collect();
        let mut text = if args.facets {
            let facets = catalogue.facets(&query)?;
            serde_json::to_vec_pretty(&serde_json::json!({ "photos": items, "facets": facets }))?
        } else {
            serde_json::to_vec_pretty(&items)?
        };
        text.push(b'\n');
        super::write_machine_output(&mut out, &text)?;
    } else {
        for p in &photos {
            let d = &p.description;
            writeln!(
                out,
                "{}{}\t{}\t{}\t{}\t{}",
                if possible(p.id) { "~" } else { "" },
                p.id,
                shown(d.date_created.as_deref().unwrap_or("-")),
                "★".repeat(p.curation.rating as usize),
                shown(d.title.as_deref().unwrap_or("")),
                shown_path(&p.file.path)
            )?;
        }
        if args.facets {
            let f = catalogue.facets(&query)?;
            for (label, counts) in [
                ("keywords", &f.keywords),
                ("creators", &f.creators),
                ("years", &f.years),
                ("cities", &f.cities),
                ("cameras", &f.cameras),
            ] {
                let shown: Vec<String> = counts
                    .iter()
                    .map(|(k, n)| format!("{} ({n})", shown(k)))
                    .collect();
                writeln!(out, "{label}: {}", shown.join(", "))?;
            }
        }
        writeln!(
            std::io::stderr(),
            "{}",
            count(photos.len(), "photo", "photos")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn edit(catalogue: &mut Catalogue, args: &EditArgs) -> Result<ExitCode> {
    let mut edits: Vec<Edit> = field_values(&args.set)?
        .into_iter()
        .map(|(a, v)| {
            if a == Attribute::Field(Field::Keywords) {
                bail!("use --add-keyword and --remove-keyword to change keywords")
            }
            Ok(Edit::Set(a, v))
        })
        .collect::<Result<_>>()?;
    edits.extend(args.add_keyword.iter().cloned().map(Edit::AddKeyword));
    edits.extend(args.remove_keyword.iter().cloned().map(Edit::RemoveKeyword));
    if let Some(r) = args.rating {
        edits.push(Edit::Set(Attribute::Rating, Value::from(r)));
    }
    if let Some(f) = &args.flag {
        edits.push(Edit::Set(Attribute::Flag, Value::from(f.as_str())));
    }
    if let Some(l) = &args.label {
        edits.push(Edit::Set(Attribute::Label, Value::from(l.as_str())));
    }
    if edits.is_empty() {
        bail!(
            "nothing to change: give --set, --add-keyword, --remove-keyword, --rating, --flag or --label"
        );
    }
    let ids = photos_for(catalogue, &args.query)?;
    let report = catalogue.edit(&ids, &edits, "edit", args.dry_run)?;
    print_report(&report, args.dry_run)?;
    Ok(ExitCode::SUCCESS)
}

pub fn keywords(catalogue: &mut Catalogue, command: &KeywordsCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        KeywordsCommand::List { json } => {
            let entries = catalogue.keywords()?;
            if *json {
                let mut text = serde_json::to_vec_pretty(&entries)?;
                text.push(b'\n');
                super::write_machine_output(&mut out, &text)?;
            } else {
                let mut out = std::io::BufWriter::new(&mut out);
                for e in entries {
                    let name = if e.category {
                        format!("[{}]", shown(&e.name))
                    } else {
                        shown(&e.name).into_owned()
                    };
                    let synonyms = if e.synonyms.is_empty() {
                        String::new()
                    } else {
                        let names: Vec<String> =
                            e.synonyms.iter().map(|s| shown(s).into_owned()).collect();
                        format!(" {{{}}}", names.join(", "))
                    };
                    writeln!(
                        out,
                        "{}{name}{synonyms}\t{}",
                        "  ".repeat(e.depth),
                        e.photos
                    )?;
                }
                out.flush()?;
            }
        }
        KeywordsCommand::Rename { old, new } => {
            let n = catalogue.rename_keyword(old, new)?;
            writeln!(
                out,
                "renamed; {} follow{}",
                count(n, "photo", "photos"),
                if n == 1 { "s" } else { "" }
            )?;
        }
        KeywordsCommand::Merge { from, into } => {
            let n = catalogue.merge_keywords(from, into)?;
            writeln!(out, "merged; changed {}", count(n, "photo", "photos"))?;
        }
        KeywordsCommand::Delete { keyword } => {
            let n = catalogue.delete_keyword(keyword)?;
            writeln!(
                out,
                "deleted {keyword}; removed from {}",
                count(n, "photo", "photos")
            )?;
        }
        KeywordsCommand::Import { file } => {
            let bytes = crate::files::read_regular(file, crate::limits::MAX_VOCABULARY_BYTES)
                .map_err(|e| anyhow::anyhow!("{} {e}", shown_path(file)))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", shown_path(file)))?;
            let terms = crate::vocabulary::parse(&text)
                .with_context(|| format!("{} is not a keyword list", shown_path(file)))?;
            let (keywords, synonyms) = catalogue.import_vocabulary(&terms)?;
            writeln!(
                out,
                "added {} and {}",
                count(keywords, "keyword", "keywords"),
                count(synonyms, "synonym", "synonyms")
            )?;
        }
        KeywordsCommand::Export { file, force } => {
            let text = crate::vocabulary::write(&catalogue.vocabulary()?);
            let output = super::interop::write_output(catalogue, file, text.as_bytes(), *force)?;
            if let crate::files::Output::File { path, .. } = output {
                writeln!(out, "wrote {}", shown_path(&path))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn set(catalogue: &mut Catalogue, command: &SetCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        SetCommand::Create { name } => {
            catalogue.create_set(name)?;
            writeln!(out, "created set \"{name}\"")?;
        }
        SetCommand::Add { name, query } => {
            let ids = photos_for(catalogue, query)?;
            let n = catalogue.add_to_set(name, &ids)?;
            writeln!(out, "added {} to \"{name}\"", count(n, "photo", "photos"))?;
        }
        SetCommand::Remove { name, query } => {
            let ids = photos_for(catalogue, query)?;
            let n = catalogue.remove_from_set(name, &ids)?;
            writeln!(
                out,
                "removed {} from \"{name}\"",
                count(n, "photo", "photos")
            )?;
        }
        SetCommand::Move {
            name,
            photo,
            position,
        } => {
            let photo = find_photo(catalogue, photo)?;
            catalogue.move_in_set(name, photo.id, *position)?;
            writeln!(out, "moved photo {} to position {position}", photo.id)?;
        }
        SetCommand::Note { name, photo, text } => {
            let photo = find_photo(catalogue, photo)?;
            catalogue.set_note(name, photo.id, text)?;
            writeln!(out, "wall label of photo {} in \"{name}\" set", photo.id)?;
        }
        SetCommand::Show { name, json } => {
            let items = catalogue.set_items(name)?;
            let photos =
                catalogue.photos_by_ids(&items.iter().map(|i| i.photo).collect::<Vec<_>>())?;
            if *json {
                let rows: Vec<Value> = items
                    .iter()
                    .zip(&photos)
                    .map(|(item, p)| {
                        serde_json::json!({
                            "position": item.position,
                            "wall_label": item.note,
                            "photo": PhotoJson::new(p, None),
                        })
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for (item, p) in items.iter().zip(&photos) {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        item.position,
                        p.id,
                        p.description.title.as_deref().unwrap_or(""),
                        item.note.as_deref().unwrap_or("")
                    )?;
                }
            }
        }
        SetCommand::List => {
            for s in catalogue.sets()? {
                match &s.query {
                    Some(q) => writeln!(out, "{}\tsaved search\t{q}", s.name)?,
                    None => writeln!(
                        out,
                        "{}\t{}",
                        s.name,
                        count(s.photos as usize, "photo", "photos")
                    )?,
                }
            }
        }
        SetCommand::Rename { name, new } => {
            catalogue.rename_set(name, new)?;
            writeln!(out, "renamed \"{name}\" to \"{}\"", new.trim())?;
        }
        SetCommand::Delete { name } => {
            catalogue.delete_set(name)?;
            writeln!(out, "deleted \"{name}\"")?;
        }
        SetCommand::Export(args) => return super::interop::export_set(catalogue, args),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn saved(catalogue: &mut Catalogue, command: &SavedCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        SavedCommand::Create { name, query } => {
            catalogue.save_search(name, query)?;
            writeln!(out, "saved search \"{name}\"; find it with set:\"{name}\"")?;
        }
        SavedCommand::List => {
            for s in catalogue.sets()?.into_iter().filter(|s| s.query.is_some()) {
                writeln!(out, "{}\t{}", s.name, s.query.unwrap_or_default())?;
            }
        }
        SavedCommand::Delete { name } => {
            catalogue.delete_set(name)?;
            writeln!(out, "deleted \"{name}\"")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn template(catalogue: &mut Catalogue, command: &TemplateCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        TemplateCommand::Create { name, set } => {
            let fields: Vec<(String, Value)> = field_values(set)?
                .into_iter()
                .map(|(a, v)| (a.name().to_owned(), v))
                .collect();
            catalogue.save_template(name, &fields)?;
            writeln!(out, "saved template \"{name}\"")?;
        }
        TemplateCommand::List => {
            for t in catalogue.templates()? {
                let fields: Vec<String> = t
                    .fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", show_value(v)))
                    .collect();
                writeln!(out, "{}\t{}", t.name, fields.join(", "))?;
            }
        }
        TemplateCommand::Apply {
            name,
            query,
            overwrite,
            dry_run,
        } => {
            let ids = photos_for(catalogue, query)?;
            let report = catalogue.apply_template(name, &ids, *overwrite, *dry_run)?;
            print_report(&report, *dry_run)?;
        }
        TemplateCommand::Delete { name } => {
            catalogue.delete_template(name)?;
            writeln!(out, "deleted template \"{name}\"")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn history(
    catalogue: &Catalogue,
    photo: Option<&std::ffi::OsStr>,
    limit: usize,
    changes: bool,
) -> Result<ExitCode> {
    let id = photo
        .map(|p| find_photo(catalogue, p))
        .transpose()?
        .map(|p| p.id);
    let mut out = std::io::stdout().lock();
    for e in catalogue.history(id, limit)? {
        let by = e
            .author
            .as_deref()
            .map_or(String::new(), |a| format!("{}, ", shown(a)));
        writeln!(
            out,
            "#{}  {by}{}  {}{}",
            e.operation,
            e.at.replace('T', " ").trim_end_matches('Z'),
            e.summary,
            if e.undone { "  (undone)" } else { "" }
        )?;
        // A photo's history says what changed on it; the whole history
        // only when asked, as an edit of thousands of photos is long.
        if changes || id.is_some() {
            for c in &e.changes {
                match (c.photo, id) {
                    (Some(p), None) => writeln!(out, "    photo {p}: {}", c.words)?,
                    _ => writeln!(out, "    {}", c.words)?,
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `kartoteka author`: prints the author set (nothing when none is), or
/// sets or clears it.
pub fn author(catalogue: &mut Catalogue, name: Option<&str>, clear: bool) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if clear {
        catalogue.set_author(None)?;
        writeln!(out, "new operations record no author")?;
    } else if let Some(name) = name {
        catalogue.set_author(Some(name))?;
        if let Some(kept) = catalogue.author()? {
            writeln!(out, "new operations record the author {}", shown(&kept))?;
        }
    } else if let Some(author) = catalogue.author()? {
        writeln!(out, "{}", shown(&author))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn undo(catalogue: &mut Catalogue) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match catalogue.undo()? {
        Some(r) => writeln!(
            out,
            "undid: {} ({} restored)",
            r.summary,
            count(r.changes, "value", "values")
        )?,
        None => writeln!(out, "nothing to undo")?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn redo(catalogue: &mut Catalogue) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match catalogue.redo()? {
        Some(r) => writeln!(
            out,
            "redid: {} ({} changed)",
            r.summary,
            count(r.changes, "value", "values")
        )?,
        None => writeln!(out, "nothing to redo")?,
    }
    Ok(ExitCode::SUCCESS)
}
