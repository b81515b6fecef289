//! `kartoteka`: parse arguments, then open the desktop app or run a
//! command; report errors once.

use std::process::ExitCode;

use clap::Parser;
use kartoteka::cli::{self, Cli};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    if cli.command.is_none() {
        return open_window(&cli, started);
    }
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kartoteka: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// No command: the desktop app on the chosen catalogue.
fn open_window(cli: &Cli, started: std::time::Instant) -> ExitCode {
    let path = match cli
        .file
        .clone()
        .or_else(|| cli.catalog.clone())
        .map_or_else(cli::default_catalogue_path, Ok)
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("kartoteka: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        eprintln!("kartoteka: could not create {}: {e}", parent.display());
        return ExitCode::FAILURE;
    }
    match kartoteka::ui::run(path, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kartoteka: the window could not open: {e}");
            ExitCode::FAILURE
        }
    }
}
