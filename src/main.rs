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
#[cfg(feature = "desktop")]
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

/// No command in a build without the `desktop` feature: there is no window
/// to open, so say so in one line and fail as a usage error does (clap's
/// exit code 2), rather than do nothing and succeed.
#[cfg(not(feature = "desktop"))]
fn open_window(_: &Cli, _: std::time::Instant) -> ExitCode {
    eprintln!(
        "kartoteka: this build has no window (built without the `desktop` feature); \
         run a command, see `kartoteka --help`"
    );
    ExitCode::from(2)
}
