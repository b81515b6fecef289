//! `kartoteka`: parse arguments, run a command, report errors once.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use kartoteka::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none() {
        // The desktop app opens here once it exists; until then, help.
        let _ = Cli::command().print_help();
        return ExitCode::SUCCESS;
    }
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kartoteka: {e:#}");
            ExitCode::FAILURE
        }
    }
}
