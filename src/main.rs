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

/// No command: the desktop app, on the catalogue named or the one used
/// last (the window decides, and offers to create one on the first launch).
fn open_window(cli: &Cli, started: std::time::Instant) -> ExitCode {
    let launch = kartoteka::ui::Launch {
        catalogue: cli.file.clone().or_else(|| cli.catalog.clone()),
        default: cli::default_catalogue_path().ok(),
    };
    match kartoteka::ui::run(launch, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kartoteka: the window could not open: {e}");
            ExitCode::FAILURE
        }
    }
}
