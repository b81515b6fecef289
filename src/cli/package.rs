//! The files an installed Kartoteka needs beside its binary that are made
//! from the command line's own definition, so they never disagree with it:
//! the man page and the shell completions. `kartoteka
//! generate-package-files DIR` writes them for the Debian package (see
//! `scripts/package-deb`); they cannot come from a build script, which
//! cannot see the library's command-line definition.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// Writes `DIR/kartoteka.1` and `DIR/completions/{kartoteka.bash,
/// _kartoteka, kartoteka.fish}`.
pub fn generate(dir: &Path) -> Result<ExitCode> {
    let completions = dir.join("completions");
    std::fs::create_dir_all(&completions)
        .with_context(|| format!("could not create {}", completions.display()))?;
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .context("could not write the man page")?;
    let man = dir.join("kartoteka.1");
    std::fs::write(&man, page).with_context(|| format!("could not write {}", man.display()))?;
    println!("{}", man.display());
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut command = command.clone();
        let written = clap_complete::generate_to(shell, &mut command, "kartoteka", &completions)
            .with_context(|| format!("could not write the {shell} completions"))?;
        println!("{}", written.display());
    }
    Ok(ExitCode::SUCCESS)
}
