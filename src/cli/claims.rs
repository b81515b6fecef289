//! Commands for sources and claims: who says what about a photo.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use serde_json::Value;

use super::find_photo;
use crate::catalog::{
    Attribution, Catalogue, Certainty, Claim, SourceKind, SourceRecord, claimable, set_source_field,
};
use crate::interop::photos_for;
use crate::text::count;

#[derive(Subcommand, Debug)]
pub enum SourceCommand {
    /// Add a source; prints its id alone
    Add(SourceArgs),
    /// Every source, with how many photos cite it
    List {
        #[arg(long)]
        json: bool,
    },
    /// One source
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change a source: FIELD=VALUE for citation, author (several separated
    /// by ;), title, publisher, date, url, reference, kind, note
    Edit {
        id: i64,
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        set: Vec<String>,
    },
    /// Remove a source; refused while claims cite it, unless --force (then
    /// the claims stay, citing nothing)
    Remove {
        id: i64,
        #[arg(long)]
        force: bool,
    },
    /// Merge source ID into INTO_ID: its claims cite INTO_ID, and it goes
    Merge { id: i64, into_id: i64 },
    /// Add the sources of a CSL-JSON file (Zotero, citeproc); sources the
    /// catalogue has already are not added twice
    Import { file: std::path::PathBuf },
    /// Write every source as CSL-JSON
    Export { file: std::path::PathBuf },
}

#[derive(Args, Debug)]
pub struct SourceArgs {
    /// The title of the article, book or document
    #[arg(long)]
    pub title: Option<String>,
    /// An author (again for more); "Family, Given" or a name as it stands
    #[arg(long = "author")]
    pub authors: Vec<String>,
    /// The publisher or outlet
    #[arg(long)]
    pub publisher: Option<String>,
    /// When it was published: 1991, 1991-06, 1991-06-21 or EDTF
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// Where an archive keeps it: fond, box, inventory number
    #[arg(long)]
    pub reference: Option<String>,
    /// article, book, archival, sleeve, oral, website or other
    #[arg(long, default_value = "other")]
    pub kind: String,
    #[arg(long)]
    pub note: Option<String>,
    /// The short citation shown beside claims [default: the first author or
    /// the title, and the date]
    #[arg(long)]
    pub citation: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ClaimCommand {
    /// Add a claim to every photo a query finds; prints how many
    Add(ClaimArgs),
    /// A photo's claims, field by field
    List {
        /// A photo id or the path of its file
        photo: std::ffi::OsString,
        #[arg(long)]
        json: bool,
    },
    /// Make a claim the preferred one: its field shows its value
    Prefer { id: i64 },
    /// Remove a claim (the next one of its field becomes preferred)
    Remove { id: i64 },
}

#[derive(Args, Debug)]
pub struct ClaimArgs {
    /// Which photos (the search query language)
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// The field, as --set names it: caption, date_created (or date), city, people, ...
    pub field: String,
    /// What the source says (lists separated by ;)
    pub value: String,
    /// The source's id (see `kartoteka source list`)
    #[arg(long)]
    pub source: Option<i64>,
    /// Where in the source: "p. 12", "sleeve, verso"
    #[arg(long)]
    pub locator: Option<String>,
    /// certain, probable or possible
    #[arg(long)]
    pub certainty: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// Make it the field's value
    #[arg(long)]
    pub prefer: bool,
    /// Say what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// A source as one JSON object.
fn source_json(s: &crate::catalog::Source) -> Value {
    serde_json::to_value(s).unwrap_or(Value::Null)
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

pub fn source(catalogue: &mut Catalogue, command: &SourceCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        SourceCommand::Add(args) => {
            let record = SourceRecord {
                citation: args.citation.clone().unwrap_or_default(),
                authors: args.authors.clone(),
                title: args.title.clone(),
                publisher: args.publisher.clone(),
                date: args.date.clone(),
                url: args.url.clone(),
                reference: args.reference.clone(),
                kind: SourceKind::from_name(&args.kind).with_context(|| {
                    format!(
                        "a source's kind is {}, not {:?}",
                        SourceKind::ALL.map(SourceKind::name).join(", "),
                        args.kind
                    )
                })?,
                note: args.note.clone(),
                extra: Default::default(),
            };
            let id = catalogue.add_source(record)?;
            writeln!(out, "{id}")?;
        }
        SourceCommand::List { json } => {
            let sources = catalogue.sources()?;
            if *json {
                let all: Vec<Value> = sources.iter().map(source_json).collect();
                serde_json::to_writer_pretty(&mut out, &all)?;
                writeln!(out)?;
            } else {
                for s in sources {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        s.id,
                        s.record.citation,
                        s.record.title.as_deref().unwrap_or(""),
                        count(s.photos as usize, "photo", "photos")
                    )?;
                }
            }
        }
        SourceCommand::Show { id, json } => {
            let s = catalogue.source(*id)?;
            if *json {
                serde_json::to_writer_pretty(&mut out, &source_json(&s))?;
                writeln!(out)?;
            } else {
                let r = &s.record;
                let mut line = |name: &str, value: Option<String>| -> std::io::Result<()> {
                    match value.filter(|v| !v.is_empty()) {
                        Some(v) => writeln!(out, "{name:<12}{v}"),
                        None => Ok(()),
                    }
                };
                line("id", Some(s.id.to_string()))?;
                line("citation", Some(r.citation.clone()))?;
                line("authors", Some(r.authors.join("; ")))?;
                line("title", r.title.clone())?;
                line("publisher", r.publisher.clone())?;
                line("date", r.date.clone())?;
                line("url", r.url.clone())?;
                line("reference", r.reference.clone())?;
                line("kind", Some(r.kind.label().to_owned()))?;
                line("note", r.note.clone())?;
                line(
                    "cited by",
                    Some(format!(
                        "{} on {}",
                        count(s.claims as usize, "claim", "claims"),
                        count(s.photos as usize, "photo", "photos")
                    )),
                )?;
            }
        }
        SourceCommand::Edit { id, set } => {
            let mut changes = Vec::new();
            for pair in set {
                let (field, value) = pair
                    .split_once('=')
                    .with_context(|| format!("--set takes FIELD=VALUE, not {pair:?}"))?;
                // Checked here, so that a wrong field says so before anything changes.
                set_source_field(&mut SourceRecord::default(), field, value)?;
                changes.push((field.trim().to_owned(), value.to_owned()));
            }
            catalogue.edit_source(*id, &changes)?;
            writeln!(out, "changed source {id}")?;
        }
        SourceCommand::Remove { id, force } => {
            let left = catalogue.remove_source(*id, *force)?;
            if left > 0 {
                writeln!(
                    out,
                    "removed source {id}; {} now cite nothing",
                    count(left, "claim", "claims")
                )?;
            } else {
                writeln!(out, "removed source {id}")?;
            }
        }
        SourceCommand::Merge { id, into_id } => {
            let moved = catalogue.merge_sources(*id, *into_id)?;
            writeln!(
                out,
                "merged source {id} into {into_id}; {} moved",
                count(moved, "claim", "claims")
            )?;
        }
        SourceCommand::Import { file } => {
            let records = crate::export::csl::read_file(file)?;
            let (ids, added) = catalogue.import_sources(&records)?;
            writeln!(
                out,
                "read {}: {} new, {} already in the catalogue",
                count(ids.len(), "source", "sources"),
                added,
                ids.len() - added
            )?;
        }
        SourceCommand::Export { file } => {
            let sources = catalogue.source_records()?;
            let text = crate::export::csl::write(&sources);
            crate::export::write_atomically(file, text.as_bytes())
                .map_err(|e| anyhow::anyhow!("{} could not be written: {e}", file.display()))?;
            writeln!(
                out,
                "wrote {} to {}",
                count(sources.len(), "source", "sources"),
                file.display()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A claim as one JSON object: id, field, value, source (object or null),
/// locator, certainty, note, preferred, and for a claim a team sync kept
/// from changes made apart, the operation it keeps ("replica:seq").
pub fn claim_json(c: &Claim) -> Value {
    serde_json::json!({
        "id": c.id,
        "field": c.field,
        "value": c.value,
        "source": c.source.as_ref().map(source_json),
        "locator": c.locator,
        "certainty": c.certainty.map(Certainty::name),
        "note": c.note,
        "preferred": c.preferred,
        "kept_from": c.kept_from,
    })
}

/// A claim on one tab-separated line: id, field, value, "(preferred)" or
/// nothing, citation, locator, certainty. Control characters are shown,
/// not sent to the terminal.
pub fn claim_line(c: &Claim) -> String {
    let cells = [
        c.id.to_string(),
        c.field.clone(),
        value_text(&c.value),
        if c.preferred { "(preferred)" } else { "" }.to_owned(),
        c.source
            .as_ref()
            .map_or(String::new(), |s| s.record.citation.clone()),
        c.locator.clone().unwrap_or_default(),
        c.certainty.map_or("", Certainty::name).to_owned(),
    ];
    cells
        .iter()
        .map(|cell| crate::text::printable(cell))
        .collect::<Vec<_>>()
        .join("\t")
}

pub fn claim(catalogue: &mut Catalogue, command: &ClaimCommand) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        ClaimCommand::Add(args) => {
            if claimable(&args.field).is_none() {
                bail!(
                    "claims are about a descriptive field (caption, date_created, city, people, ...), \
                     not {:?}",
                    args.field
                );
            }
            let certainty = args
                .certainty
                .as_deref()
                .map(|c| {
                    Certainty::from_name(c).with_context(|| {
                        format!("certainty is certain, probable or possible, not {c:?}")
                    })
                })
                .transpose()?;
            let photos = photos_for(catalogue, &args.query)?;
            let report = catalogue.add_claims(
                &photos,
                &args.field,
                &Value::from(args.value.clone()),
                &Attribution {
                    source: args.source,
                    locator: args.locator.clone(),
                    certainty,
                    note: args.note.clone(),
                },
                args.prefer,
                args.dry_run,
            )?;
            let verb = if args.dry_run { "would add" } else { "added" };
            let mut line = format!(
                "{verb} the claim to {}",
                count(report.photos, "photo", "photos")
            );
            if report.unchanged > 0 {
                line.push_str(&format!(
                    "; {} had it already",
                    count(report.unchanged, "photo", "photos")
                ));
            }
            writeln!(out, "{line}")?;
        }
        ClaimCommand::List { photo, json } => {
            let photo = find_photo(catalogue, photo)?;
            let claims = catalogue.claims(photo.id)?;
            if *json {
                let all: Vec<Value> = claims.iter().map(claim_json).collect();
                serde_json::to_writer_pretty(&mut out, &all)?;
                writeln!(out)?;
            } else {
                for c in &claims {
                    writeln!(out, "{}", claim_line(c))?;
                }
            }
        }
        ClaimCommand::Prefer { id } => {
            catalogue.prefer_claim(*id)?;
            writeln!(out, "claim {id} is preferred")?;
        }
        ClaimCommand::Remove { id } => {
            catalogue.remove_claim(*id)?;
            writeln!(out, "removed claim {id}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
