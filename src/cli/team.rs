//! `kartoteka team create|join|status`: a team catalogue on a PostgreSQL
//! server. `join` never opens a catalogue as the other commands do: the
//! file it is given must not exist, and it makes it.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Subcommand;

use super::{shown, shown_path};
use crate::catalog::Catalogue;
use crate::team::connect;
use crate::team::membership::{self, JoinRequest};
use crate::team::roots::{Root, Roots};
use crate::text::count;

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    /// Publish this catalogue as a new team catalogue in the PostgreSQL
    /// database at URL (postgres://user@host:port/db?sslmode=verify-full)
    Create {
        #[arg(value_name = "URL")]
        url: String,
    },
    /// Make a new catalogue (--catalog FILE, which must not exist yet) as
    /// this machine's replica of the team catalogue at URL
    Join {
        #[arg(value_name = "URL")]
        url: String,
        /// The shared store of scans, catalogued under REMOTE, is at LOCAL
        /// on this machine (repeat for several; the longest REMOTE wins)
        #[arg(long = "root", value_name = "REMOTE=LOCAL")]
        roots: Vec<OsString>,
        /// The name the history shows beside this replica's operations
        /// [default: the PostgreSQL role]
        #[arg(long = "as", value_name = "NAME")]
        author: Option<String>,
    },
    /// The team's members and snapshots, and this catalogue's replica id
    Status {
        /// [default: the URL the catalogue kept when it made or joined the
        /// team]
        #[arg(value_name = "URL", env = "KARTOTEKA_TEAM_URL")]
        url: Option<String>,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
}

/// `kartoteka sync`.
#[derive(clap::Args, Debug)]
pub struct SyncArgs {
    /// [default: the URL the catalogue kept when it made or joined the
    /// team]
    #[arg(value_name = "URL", env = "KARTOTEKA_TEAM_URL")]
    url: Option<String>,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// `team join`, before any catalogue is opened.
pub fn join(
    catalogue: &Path,
    url: &str,
    roots: &[OsString],
    author: Option<&str>,
) -> Result<ExitCode> {
    let roots = Roots::new(
        roots
            .iter()
            .map(|r| Root::parse(r))
            .collect::<Result<_, _>>()?,
    )?;
    let not_kept = connect::ServerUrl::parse(url)?.why_not_kept();
    let mut conn = connect::connect(url)?;
    let joined = membership::join(
        &mut conn,
        &JoinRequest {
            catalogue,
            roots: &roots,
            author,
            keep_url: not_kept.is_none().then_some(url),
        },
    )
    .context("no catalogue was made")?;
    if joined.leftovers > 0 {
        eprintln!(
            "kartoteka: removed the leftovers of {} from {}",
            count(joined.leftovers, "interrupted join", "interrupted joins"),
            shown_path(joined.catalogue.parent().unwrap_or(&joined.catalogue))
        );
    }
    if !joined.registered {
        eprintln!(
            "kartoteka: role \"{}\" may only read the team catalogue; this replica is not listed among its members",
            shown(&joined.place.role)
        );
    }
    println!(
        "joined the team catalogue in database {} on {} as \"{}\": {}{}, {}, in {:.1} s, into {}",
        shown(&joined.place.database),
        joined.place.server,
        shown(&joined.author),
        count(joined.photos as usize, "photo", "photos"),
        if roots.is_empty() {
            String::new()
        } else {
            format!(" ({} mapped by --root)", joined.moved)
        },
        megabytes(joined.bytes),
        joined.elapsed.as_secs_f64(),
        shown_path(&joined.catalogue)
    );
    say_kept(not_kept);
    Ok(ExitCode::SUCCESS)
}

/// Tells whether the catalogue now keeps the server's URL, and why not
/// when it does not.
fn say_kept(not_kept: Option<&str>) {
    match not_kept {
        None => println!("the catalogue keeps the server's URL: the team commands need it no more"),
        Some(why) => eprintln!(
            "kartoteka: the catalogue does not keep the server's URL, since {why}; give it to \
             each team command, or set KARTOTEKA_TEAM_URL"
        ),
    }
}

/// The URL a team command was given, else KARTOTEKA_TEAM_URL (which clap
/// reads into the same argument), else the one the catalogue keeps.
fn server_url(catalogue: &Catalogue, given: Option<&str>) -> Result<String> {
    match given {
        Some(url) => Ok(url.to_owned()),
        None => catalogue.team_server()?.context(
            "this catalogue belongs to no team it knows of: give the server's URL, or set \
             KARTOTEKA_TEAM_URL",
        ),
    }
}

pub fn team(catalogue: &mut Catalogue, command: &TeamCommand) -> Result<ExitCode> {
    match command {
        TeamCommand::Create { url } => {
            let not_kept = connect::ServerUrl::parse(url)?.why_not_kept();
            let mut conn = connect::connect(url)?;
            let created = membership::create(&mut conn, catalogue)?;
            println!(
                "published this catalogue as the team catalogue in database {} on {}: {}, {} \
                 (catalogue {}, thumbnails {}), in {:.1} s",
                shown(&created.place.database),
                created.place.server,
                count(created.photos as usize, "photo", "photos"),
                megabytes(created.catalogue_bytes + created.thumbnail_bytes),
                megabytes(created.catalogue_bytes),
                megabytes(created.thumbnail_bytes),
                created.elapsed.as_secs_f64()
            );
            // The team is made: a catalogue that cannot be written to (a
            // read-only file) is told apart, not turned into a failure.
            match not_kept.map_or_else(|| catalogue.keep_team_server(url), |_| Ok(())) {
                Ok(()) => say_kept(not_kept),
                Err(e) => {
                    eprintln!("kartoteka: the catalogue could not keep the server's URL: {e}")
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        TeamCommand::Join { .. } => unreachable!("carried out before the catalogue is opened"),
        TeamCommand::Status { url, json } => {
            let url = server_url(catalogue, url.as_deref())?;
            let mut conn = connect::connect(&url)?;
            let status = membership::status(&mut conn, catalogue)?;
            let mut out = std::io::stdout().lock();
            if *json {
                let mut text = serde_json::to_vec_pretty(&status)?;
                text.push(b'\n');
                super::write_machine_output(&mut out, &text)?;
                return Ok(ExitCode::SUCCESS);
            }
            writeln!(
                out,
                "team catalogue in database {} on {} (server format {}), as role \"{}\"",
                shown(&status.database),
                status.server,
                status.format,
                shown(&status.role)
            )?;
            writeln!(
                out,
                "this replica: {} ({}), {}{} made here not on the server yet",
                status.replica,
                if status.member {
                    "a member"
                } else {
                    "not a member of this team"
                },
                count(status.waiting as usize, "operation", "operations"),
                match status.photos_waiting {
                    0 => String::new(),
                    n => format!(
                        " and {}",
                        count(n as usize, "imported photo", "imported photos")
                    ),
                }
            )?;
            writeln!(out, "members:")?;
            for m in &status.members {
                writeln!(
                    out,
                    "  {}  role {}  joined {}  last seen {}  replica {}",
                    shown(&m.author),
                    shown(&m.role),
                    shown(&m.joined),
                    shown(&m.last_seen),
                    shown(&m.replica)
                )?;
            }
            writeln!(out, "snapshots:")?;
            for s in &status.snapshots {
                writeln!(
                    out,
                    "  #{}  {}  by replica {}  {}, {}, schema version {}",
                    s.id,
                    shown(&s.made),
                    shown(&s.made_by),
                    count(s.photos.max(0) as usize, "photo", "photos"),
                    megabytes((s.catalogue.bytes + s.thumbnails.bytes).max(0) as u64),
                    s.catalogue_version
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `kartoteka sync`: one line of what was sent and merged; a line on
/// standard error, and exit status 1, for operations that could not be
/// sent or were refused.
pub fn sync(catalogue: &mut Catalogue, args: &SyncArgs) -> Result<ExitCode> {
    let url = server_url(catalogue, args.url.as_deref())?;
    let mut conn = connect::connect(&url)?;
    let synced = crate::team::sync::sync(&mut conn, catalogue)?;
    let merged = &synced.merged;
    if args.json {
        let mut text = serde_json::to_vec_pretty(&synced)?;
        text.push(b'\n');
        super::write_machine_output(&mut std::io::stdout().lock(), &text)?;
    } else {
        let mut extra = Vec::new();
        for (n, one, many) in [
            (
                merged.conflicts,
                "conflict kept as claims",
                "conflicts kept as claims",
            ),
            (
                merged.superseded,
                "change superseded by a later one",
                "changes superseded by later ones",
            ),
            (
                merged.unknown_photos,
                "change to a photo not in this catalogue",
                "changes to photos not in this catalogue",
            ),
            (
                merged.left_out,
                "change that no longer applies here",
                "changes that no longer apply here",
            ),
            (
                merged.invalid,
                "change with a field or value the catalogue cannot hold",
                "changes with a field or value the catalogue cannot hold",
            ),
        ] {
            if n > 0 {
                extra.push(count(n, one, many));
            }
        }
        // Photos are named only when some travelled or wait.
        let and_photos = |n: usize| {
            if n > 0 {
                format!(" and {}", count(n, "photo", "photos"))
            } else {
                String::new()
            }
        };
        let photos_waiting = if synced.photos_waiting > 0 {
            format!(
                " and {}",
                count(synced.photos_waiting as usize, "photo", "photos")
            )
        } else {
            String::new()
        };
        println!(
            "synced with database {} on {}: sent {}{}, merged {}{}{}; {}{} waiting here, in {:.1} s",
            shown(&synced.place.database),
            synced.place.server,
            count(synced.sent, "operation", "operations"),
            and_photos(synced.photos_sent),
            count(merged.operations, "operation", "operations"),
            and_photos(synced.photos.added),
            if extra.is_empty() {
                String::new()
            } else {
                format!(" ({})", extra.join(", "))
            },
            synced.waiting,
            photos_waiting,
            synced.elapsed.as_secs_f64()
        );
    }
    for why in merged.refused.iter().chain(&synced.photos.refused) {
        eprintln!("kartoteka: refused {}", shown(why));
    }
    if let Some(why) = &synced.not_sent {
        eprintln!("kartoteka: {why}");
    }
    Ok(
        if synced.not_sent.is_some()
            || !merged.refused.is_empty()
            || !synced.photos.refused.is_empty()
        {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        },
    )
}
