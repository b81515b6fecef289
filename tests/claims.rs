//! Sources and claims from the command line, on the archive's own example:
//! the agreement on the withdrawal of Soviet troops, dated 26 February 1990
//! by Czech Radio and 23 November 1990 by another account, with 75,000 and
//! 73,500 troops in two captions.

mod common;

use std::path::Path;

use common::{Env, stderr};
use serde_json::Value;

const TREATY: &str = "archive/treaty-signing.jpg";

struct Example {
    env: Env,
    radio: String,
    article: String,
}

/// One photo whose depicted date and caption two sources disagree on.
fn example() -> Example {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &[TREATY]);
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let radio = env
        .ok([
            "source",
            "add",
            "--citation",
            "Czech Radio, 2020-02-26",
            "--title",
            "Před 30 lety začal odchod sovětských vojsk",
            "--publisher",
            "Český rozhlas",
            "--date",
            "2020-02-26",
            "--kind",
            "article",
        ])
        .trim()
        .to_owned();
    let article = env
        .ok([
            "source",
            "add",
            "--author",
            "Šedivý, Jaroslav",
            "--title",
            "Návrat domů",
            "--date",
            "1991",
            "--kind",
            "book",
        ])
        .trim()
        .to_owned();
    let claim = |field: &str, value: &str, source: &str, locator: &str, prefer: bool| {
        let mut args = vec![
            "claim",
            "add",
            "treaty",
            field,
            value,
            "--source",
            source,
            "--locator",
            locator,
        ];
        if prefer {
            args.push("--prefer");
        }
        env.ok(args);
    };
    claim("date", "1990-02-26", &radio, "para. 2", true);
    claim("date", "1990-11-23?", &article, "p. 12", false);
    claim(
        "caption",
        "75,000 Soviet troops are to leave Czechoslovakia by June 1991.",
        &radio,
        "para. 1",
        true,
    );
    claim(
        "caption",
        "73,500 Soviet troops are to leave by July 1991.",
        &article,
        "p. 14",
        false,
    );
    Example {
        env,
        radio,
        article,
    }
}

fn found(env: &Env, query: &str) -> usize {
    env.ok(["search", query, "--paths"]).lines().count()
}

fn claims_of(env: &Env, field: &str) -> Vec<Value> {
    let shown = env.show("1");
    shown["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == field)
        .cloned()
        .collect()
}

#[test]
fn show_json_lists_claims_and_the_sources_they_cite() {
    let ex = example();
    let shown = ex.env.show("1");
    assert_eq!(shown["date_created"], "1990-02-26");
    let claims = shown["claims"].as_array().unwrap();
    // The caption and date the file had are kept as claims of their own.
    assert_eq!(claims.iter().filter(|c| c["field"] == "caption").count(), 3);
    assert_eq!(
        claims
            .iter()
            .filter(|c| c["field"] == "date_created")
            .count(),
        3
    );
    let dated = claims_of(&ex.env, "date_created");
    assert!(dated[0]["source"].is_null());
    assert_eq!(dated[0]["preferred"], false);
    assert_eq!(dated[1]["preferred"], true);
    assert_eq!(dated[2]["value"], "1990-11-23?");
    assert_eq!(dated[2]["source"]["citation"], "Šedivý, Jaroslav, 1991");
    assert_eq!(dated[2]["locator"], "p. 12");
    assert_eq!(dated[2]["preferred"], false);
    let sources: Vec<&str> = shown["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["citation"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["Czech Radio, 2020-02-26", "Šedivý, Jaroslav, 1991"]
    );

    // A photo without claims shows empty lists.
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &[TREATY]);
    env.import(&[&dir]);
    let plain = env.show("1");
    assert_eq!(plain["claims"], serde_json::json!([]));
    assert_eq!(plain["sources"], serde_json::json!([]));
}

#[test]
fn disputes_are_found_preferred_and_undone() {
    let ex = example();
    let env = &ex.env;
    assert_eq!(found(env, "disputed:"), 1);
    assert_eq!(found(env, "disputed:date"), 1);
    assert_eq!(found(env, "disputed:city"), 0);
    assert_eq!(found(env, "cites:sedivy"), 1);
    assert_eq!(found(env, &format!("cites:{}", ex.radio)), 1);
    assert_eq!(found(env, &format!("cites:{} city:praha", ex.article)), 0);

    let other = claims_of(env, "date_created")[2]["id"].to_string();
    env.ok(["claim", "prefer", &other]);
    assert_eq!(env.show("1")["date_created"], "1990-11-23?");
    env.ok(["undo"]);
    assert_eq!(env.show("1")["date_created"], "1990-02-26");
    env.ok(["redo"]);
    assert_eq!(env.show("1")["date_created"], "1990-11-23?");
    // Overlapping ranges are no dispute: a claim of the whole year agrees
    // with both days once the others are gone.
    for c in claims_of(env, "date_created") {
        env.ok(["claim", "remove", &c["id"].to_string()]);
    }
    assert_eq!(found(env, "disputed:date"), 0);
    assert_eq!(found(env, "disputed:caption"), 1);
}

/// Imports `dir` into a fresh catalogue and returns it.
fn fresh_import(dir: &Path) -> Env {
    let env = Env::new();
    let out = env.import(&[dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    env
}

#[test]
fn an_xmp_sidecar_carries_claims_and_sources_to_another_catalogue() {
    let ex = example();
    ex.env.ok(["write-metadata", "treaty", "--sidecar"]);
    let sidecar = ex.env.path("archive/treaty-signing.xmp");
    let xmp = std::fs::read_to_string(&sidecar).unwrap();
    // Other programs read the preferred values where they always do.
    assert!(xmp.contains("<photoshop:DateCreated>1990-02-26</photoshop:DateCreated>"));
    assert!(xmp.contains("75,000 Soviet troops"));
    assert!(xmp.contains("https://ns.kartoteka.org/xmp/1.0/"));

    let before = ex.env.show("1");
    // The other catalogue knows one of the two sources already: it is
    // matched by what it says, not added twice.
    let other = Env::new();
    other.ok([
        "source",
        "add",
        "--citation",
        "Czech radio, 2020-02-26",
        "--title",
        "Před 30 lety začal odchod sovětských vojsk",
        "--date",
        "2020-02-26",
    ]);
    let out = other.import(&[&ex.env.path("archive")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = other.show("1");
    let strip = |claims: &Value| -> Vec<Value> {
        claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                serde_json::json!([
                    c["field"],
                    c["value"],
                    c["source"]["citation"].as_str().map(str::to_lowercase),
                    c["locator"],
                    c["certainty"],
                    c["preferred"],
                ])
            })
            .collect()
    };
    assert_eq!(strip(&after["claims"]), strip(&before["claims"]));
    assert_eq!(after["date_created"], before["date_created"]);
    assert_eq!(after["caption"], before["caption"]);
    let sources: Value = serde_json::from_str(&other.ok(["source", "list", "--json"])).unwrap();
    assert_eq!(sources.as_array().unwrap().len(), 2, "{sources:#}");
    assert_eq!(sources[0]["id"], 1);
    assert_eq!(sources[0]["claims"], 2);
    assert_eq!(found(&other, "disputed:date"), 1);
    // Importing the same sidecar again changes nothing.
    other.import(&[&ex.env.path("archive")]);
    assert_eq!(strip(&other.show("1")["claims"]), strip(&before["claims"]));
}

#[test]
fn a_standard_value_changed_by_another_program_becomes_the_preferred_claim() {
    let ex = example();
    ex.env.ok(["write-metadata", "treaty", "--sidecar"]);
    let sidecar = ex.env.path("archive/treaty-signing.xmp");
    let xmp = std::fs::read_to_string(&sidecar).unwrap();
    // Another program rewrote the caption in the standard property.
    let edited = xmp.replace(
        "75,000 Soviet troops are to leave Czechoslovakia by June 1991.</rdf:li>",
        "Signing in Moscow.</rdf:li>",
    );
    assert_ne!(edited, xmp);
    std::fs::write(&sidecar, &edited).unwrap();
    let other = fresh_import(&ex.env.path("archive"));
    let shown = other.show("1");
    assert_eq!(shown["caption"], "Signing in Moscow.");
    let captions: Vec<Value> = shown["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "caption")
        .cloned()
        .collect();
    let preferred: Vec<&Value> = captions.iter().filter(|c| c["preferred"] == true).collect();
    assert_eq!(preferred.len(), 1);
    assert_eq!(preferred[0]["value"], "Signing in Moscow.");
    assert!(preferred[0]["source"].is_null());
    // Both sourced captions are still there.
    assert_eq!(
        captions.iter().filter(|c| !c["source"].is_null()).count(),
        2,
        "{captions:#?}"
    );
}

#[test]
fn edtf_dates_travel_in_kartotekas_property_and_a_plain_date_in_the_standard_one() {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", &[TREATY]);
    env.import(&[&dir]);
    for (edtf, standard) in [
        ("1990-02/1990-06", Some("1990")),
        ("1991-06-21?", Some("1991-06-21")),
        ("1991-06%", Some("1991-06")),
        ("199X", None),
        ("../1990", None),
    ] {
        env.ok(["edit", "treaty", "--set", &format!("date_created={edtf}")]);
        env.ok(["write-metadata", "treaty", "--sidecar"]);
        let xmp = std::fs::read_to_string(env.path("archive/treaty-signing.xmp")).unwrap();
        assert!(
            xmp.contains(&format!(
                "<kartoteka:DateDepicted>{edtf}</kartoteka:DateDepicted>"
            )),
            "{xmp}"
        );
        match standard {
            Some(s) => assert!(
                xmp.contains(&format!(
                    "<photoshop:DateCreated>{s}</photoshop:DateCreated>"
                )),
                "{edtf}: {xmp}"
            ),
            None => assert!(!xmp.contains("photoshop:DateCreated"), "{edtf}: {xmp}"),
        }
        let other = fresh_import(&env.path("archive"));
        assert_eq!(other.show("1")["date_created"], edtf);
    }
}

#[test]
fn embedded_copies_carry_claims_too() {
    let ex = example();
    let out = ex.env.path("copies");
    ex.env.ok([
        "write-metadata",
        "treaty",
        "--embed",
        "--out",
        out.to_str().unwrap(),
    ]);
    let other = fresh_import(&out);
    let claims = other.show("1")["claims"].as_array().unwrap().clone();
    assert_eq!(claims.len(), 6, "{claims:#?}");
    assert_eq!(found(&other, "disputed:date cites:sedivy"), 1);
}

#[test]
fn claims_csv_round_trips_and_edits_come_back_as_one_undoable_operation() {
    let ex = example();
    let env = &ex.env;
    let csv_path = env.path("claims.csv");
    env.ok([
        "export",
        "csv",
        "--profile",
        "claims",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}Claim ID,Photo ID,File,Field,Value,Preferred,Source,Source ID,Locator,Certainty,Note"
    );
    assert_eq!(text.lines().count(), 7, "{text}");
    assert!(text.contains(",date_created,1990-11-23?,no,\"Šedivý, Jaroslav, 1991\",2,p. 12,,"));

    // Read back unchanged, it changes nothing.
    let same = env.ok(["import-csv", csv_path.to_str().unwrap()]);
    assert_eq!(same.trim(), "changed 0 claims on 0 photos; 0 problems");

    // A historian corrects a locator, prefers the other date, and adds a
    // claim citing a source by its citation alone.
    let edited = text
        .replace("p. 12,,", "p. 13,probable,")
        .replace(
            ",date_created,1990-02-26,yes,",
            ",date_created,1990-02-26,no,",
        )
        .replace(
            ",date_created,1990-11-23?,no,",
            ",date_created,1990-11-23?,yes,",
        )
        + ",1,,city,Milovice,no,\"Czech Radio, 2020-02-26\",,para. 4,,\n";
    std::fs::write(&csv_path, &edited).unwrap();
    let preview = env.ok(["import-csv", csv_path.to_str().unwrap(), "--dry-run"]);
    assert!(preview.contains("preferred"), "{preview}");
    assert!(
        preview.contains("locator \"p. 12\" -> \"p. 13\""),
        "{preview}"
    );
    assert!(
        preview.contains("new claim City “Milovice” (Czech Radio, 2020-02-26)"),
        "{preview}"
    );
    assert!(
        preview.ends_with("would change 3 claims on 1 photo; 0 problems\n"),
        "{preview}"
    );
    assert_eq!(
        env.show("1")["date_created"],
        "1990-02-26",
        "a dry run changes nothing"
    );

    env.ok(["import-csv", csv_path.to_str().unwrap()]);
    let shown = env.show("1");
    assert_eq!(shown["date_created"], "1990-11-23?");
    assert_eq!(
        shown["city"], "Milovice",
        "the first claim on an empty field is preferred"
    );
    let dated = claims_of(env, "date_created");
    assert_eq!(dated[2]["locator"], "p. 13");
    assert_eq!(dated[2]["certainty"], "probable");
    assert_eq!(dated.iter().filter(|c| c["preferred"] == true).count(), 1);

    env.ok(["undo"]);
    let shown = env.show("1");
    assert_eq!(shown["date_created"], "1990-02-26");
    assert!(shown["city"].is_null());
    assert_eq!(claims_of(env, "date_created")[2]["locator"], "p. 12");

    // Strictness: a wrong source, an unknown citation and two preferred
    // claims of one field are each refused with their row.
    let bad = text.replace(
        "\"Šedivý, Jaroslav, 1991\",2,",
        "\"Šedivý, Jaroslav, 1991\",1,",
    ) + ",1,,city,Praha,no,Lidové noviny 1991,,,,\n"
        + ",1,,caption,Another caption,yes,,,,,\n";
    std::fs::write(&csv_path, bad).unwrap();
    let out = env.run(["import-csv", csv_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Source ID 1 is “Czech Radio, 2020-02-26”, not “Šedivý, Jaroslav, 1991”"),
        "{err}"
    );
    assert!(
        err.contains("row 8: no source is cited as “Lidové noviny 1991”"),
        "{err}"
    );
    assert!(
        err.contains("row 3: rows 3, 9 all prefer a claim on caption of photo 1"),
        "{err}"
    );
    let rows: Vec<&str> = err.lines().map(|l| l.split(": ").nth(1).unwrap()).collect();
    assert_eq!(rows, ["row 3", "row 4", "row 7", "row 8", "row 9"], "{err}");
}

#[test]
fn a_set_export_numbers_cited_sources_and_adds_a_bibliography() {
    let ex = example();
    let env = &ex.env;
    env.ok(["set", "create", "Withdrawal"]);
    env.ok(["set", "add", "Withdrawal", "treaty"]);
    let label = format!(
        "The agreement was signed on 26 February 1990 [{}, para. 2]; some date it to November \
         [source:{}, p. 12]. Milovice [1991].",
        ex.radio, ex.article
    );
    env.ok(["set", "note", "Withdrawal", "1", &label]);
    let out = env.path("hang");
    env.ok([
        "set",
        "export",
        "Withdrawal",
        "--out",
        out.to_str().unwrap(),
    ]);
    let sheet = std::fs::read_to_string(out.join("contact-sheet.html")).unwrap();
    assert!(
        sheet.contains(
            "26 February 1990 <sup><a href=\"#note-1\">1</a></sup>; some date it to November \
             <sup><a href=\"#note-2\">2</a></sup>. Milovice [1991]."
        ),
        "{sheet}"
    );
    assert!(sheet.contains("<li id=\"note-1\">Czech Radio, 2020-02-26, para. 2</li>"));
    assert!(sheet.contains("<li id=\"note-2\">Šedivý, Jaroslav, 1991, p. 12</li>"));
    let bibliography = &sheet[sheet.find("<h2>Bibliography</h2>").unwrap()..];
    let first = bibliography.find("Před 30 lety").unwrap();
    let second = bibliography
        .find("Šedivý, Jaroslav. Návrat domů. 1991.")
        .unwrap();
    assert!(first < second, "{bibliography}");

    let checklist = std::fs::read_to_string(out.join("checklist.csv")).unwrap();
    assert!(
        checklist.contains("some date it to November [2]. Milovice [1991]."),
        "{checklist}"
    );
    assert!(
        checklist
            .contains("\"1. Czech Radio, 2020-02-26, para. 2\n2. Šedivý, Jaroslav, 1991, p. 12\""),
        "{checklist}"
    );
    assert!(checklist.contains(",,Bibliography,"), "{checklist}");
    assert!(
        checklist.contains(",,\"Šedivý, Jaroslav. Návrat domů. 1991.\","),
        "{checklist}"
    );
}
