//! `kartoteka backup` and `kartoteka restore`. Neither opens the catalogue
//! as the other commands do (no migration, nothing written to it): a
//! backup only reads it, and a restore must work when the catalogue in use
//! is damaged. Restoring always makes a new file and says how to open it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use clap::Args;

use crate::catalog::backup;
use crate::text::count;

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// The folder for the backup [default: Backups beside the catalogue]
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Keep the newest N backups of this catalogue in that folder and
    /// delete older ones [default: delete none]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// The backup to restore (a .kartoteka file in a backup folder)
    #[arg(value_name = "BACKUP")]
    pub backup: PathBuf,
    /// The new catalogue file to restore into; it must not exist yet
    /// [default: beside the catalogue, named after the backup]
    #[arg(long, value_name = "FILE")]
    pub to: Option<PathBuf>,
}

fn shown(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

pub fn backup(catalogue: &Path, args: &BackupArgs) -> Result<ExitCode> {
    let folder = args
        .to
        .clone()
        .unwrap_or_else(|| backup::folder_beside(catalogue));
    let report = backup::back_up(
        catalogue,
        &folder,
        args.keep.map(|n| n as usize),
        &AtomicBool::new(false),
        &|_, _| {},
    )
    .context("no backup was made")?;
    println!(
        "backed up {} ({}) to {}",
        shown(catalogue),
        count(report.photos as usize, "photo", "photos"),
        shown(&report.backup.catalogue)
    );
    if let Some(thumbnails) = &report.backup.thumbnails {
        println!("thumbnails: {}", shown(thumbnails));
    }
    println!("integrity check: ok");
    for old in &report.pruned {
        println!("deleted an older backup: {}", shown(old));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn restore(catalogue: &Path, args: &RestoreArgs) -> Result<ExitCode> {
    let into = args
        .to
        .clone()
        .unwrap_or_else(|| backup::restore_target(&args.backup, catalogue));
    let restored =
        backup::restore(&args.backup, &into, Some(catalogue)).context("nothing was restored")?;
    let path = shown(&restored.catalogue);
    println!(
        "restored {} ({}) into the new catalogue {path}",
        shown(&args.backup),
        count(restored.photos as usize, "photo", "photos"),
    );
    println!("open it in the window:  kartoteka '{path}'   (or File > Open catalogue…)");
    println!("use it from commands:   kartoteka --catalog '{path}' …");
    Ok(ExitCode::SUCCESS)
}
