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

/// Writes `DIR/kartoteka.1.gz` (compressed, as Debian keeps man pages) and
/// `DIR/completions/{kartoteka.bash, _kartoteka, kartoteka.fish}`.
pub fn generate(dir: &Path) -> Result<ExitCode> {
    let completions = dir.join("completions");
    std::fs::create_dir_all(&completions)
        .with_context(|| format!("could not create {}", completions.display()))?;
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .context("could not write the man page")?;
    let man = dir.join("kartoteka.1.gz");
    // No name or time in the gzip header, so the same page makes the same file.
    let mut gz = flate2::GzBuilder::new().write(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, &page).context("could not compress the man page")?;
    let gz = gz.finish().context("could not compress the man page")?;
    std::fs::write(&man, gz).with_context(|| format!("could not write {}", man.display()))?;
    println!("{}", man.display());
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut command = command.clone();
        let written = clap_complete::generate_to(shell, &mut command, "kartoteka", &completions)
            .with_context(|| format!("could not write the {shell} completions"))?;
        println!("{}", written.display());
    }
    Ok(ExitCode::SUCCESS)
}
