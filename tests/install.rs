//! What the installed program says about itself: its version, a help that
//! starts with the two things a newcomer does, and the man page and shell
//! completions the package carries, made from the same command line.

mod common;

#[test]
fn version_and_help_lead_with_opening_the_app_and_importing_a_folder() {
    let env = common::Env::new();
    let out = env.ok(["--version"]);
    assert_eq!(
        out.trim(),
        format!("kartoteka {}", env!("CARGO_PKG_VERSION"))
    );

    let help = env.ok(["--help"]);
    let start = help.find("Start here:").expect(&help);
    let usage = help.find("Usage:").expect(&help);
    assert!(
        start < usage,
        "the first steps come before the usage:\n{help}"
    );
    let first_steps = &help[start..usage];
    // A build without the `desktop` feature has no window to offer.
    assert_eq!(
        first_steps.contains("open the desktop app"),
        cfg!(feature = "desktop"),
        "{help}"
    );
    assert!(first_steps.contains("kartoteka import "), "{help}");
    assert!(
        help.contains("backup") && help.contains("restore"),
        "{help}"
    );
    assert!(
        !help.contains("generate-package-files"),
        "packaging's own command is not offered to users"
    );
}

#[test]
fn the_man_page_and_completions_cover_every_command() {
    let env = common::Env::new();
    let dir = env.path("package-files");
    env.ok(["generate-package-files".as_ref(), dir.as_os_str()]);
    let gz = std::fs::read(dir.join("kartoteka.1.gz")).unwrap();
    let mut man = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut man).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH kartoteka"),
        "{man}"
    );
    for command in ["import", "search", "backup", "restore"] {
        assert!(man.contains(command), "the man page lacks {command}");
    }
    let bash = std::fs::read_to_string(dir.join("completions/kartoteka.bash")).unwrap();
    assert!(bash.contains("restore") && bash.contains("--keep"));
    assert!(dir.join("completions/_kartoteka").is_file());
    assert!(dir.join("completions/kartoteka.fish").is_file());
}
