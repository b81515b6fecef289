//! Search, keywords and curation from the command line, on the archive
//! fixtures (Czech, Slovak and Cyrillic captions and keywords).

mod common;

use common::{Env, stderr, stdout};
use serde_json::Value;

const ARCHIVE: &[&str] = &[
    "archive/dormitory-sewing.jpg",
    "archive/portraits-stacked.jpg",
    "archive/shopping-bags-formation.jpg",
    "archive/sidecar-only.jpg",
    "archive/sidecar-only.xmp",
    "archive/treaty-signing.jpg",
];

fn archive() -> Env {
    let env = Env::new();
    let dir = env.copy_fixtures("archive", ARCHIVE);
    let out = env.import(&[&dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    env
}

/// File names of what a query finds, in result order.
fn found(env: &Env, query: &str) -> Vec<String> {
    env.ok(["search", query, "--paths"])
        .lines()
        .map(|l| l.rsplit('/').next().unwrap().to_owned())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn search_is_blind_to_case_and_accents_in_every_script() {
    let env = archive();
    let all_kyndrova = [
        "dormitory-sewing.jpg",
        "portraits-stacked.jpg",
        "shopping-bags-formation.jpg",
        "sidecar-only.jpg",
    ];
    assert_eq!(sorted(found(&env, "kyndrova")), all_kyndrova);
    assert_eq!(sorted(found(&env, "KYNDROVÁ")), all_kyndrova);
    assert_eq!(found(&env, "gorbacov"), ["treaty-signing.jpg"]);
    assert_eq!(found(&env, "армия"), ["dormitory-sewing.jpg"]);
    assert_eq!(found(&env, "АРМИЯ"), ["dormitory-sewing.jpg"]);
    assert_eq!(found(&env, "kasár*"), ["dormitory-sewing.jpg"]);
    assert_eq!(found(&env, "kasar*"), ["dormitory-sewing.jpg"]);
    assert_eq!(
        found(&env, "\"identical metal beds\""),
        ["dormitory-sewing.jpg"]
    );
    assert!(
        found(&env, "\"metal identical beds\"").is_empty(),
        "a phrase keeps its order"
    );
    // Words are ANDed; OR widens; - excludes.
    assert_eq!(found(&env, "kyndrova milovice"), ["dormitory-sewing.jpg"]);
    assert_eq!(
        sorted(found(&env, "milovice OR gorbacov")),
        ["dormitory-sewing.jpg", "treaty-signing.jpg"]
    );
    assert_eq!(
        sorted(found(&env, "kyndrova -milovice -convoy")),
        ["portraits-stacked.jpg", "shopping-bags-formation.jpg"]
    );

    // Names typed into the catalogue are found the same way.
    env.ok([
        "edit",
        "portraits",
        "--set",
        "caption=Alexander Dubček greets the last train",
        "--set",
        "creators=Jiří Šedivý",
    ]);
    assert_eq!(found(&env, "dubcek"), ["portraits-stacked.jpg"]);
    assert_eq!(found(&env, "creator:sedivy"), ["portraits-stacked.jpg"]);
    assert_eq!(found(&env, "\"last train\""), ["portraits-stacked.jpg"]);
}

#[test]
fn field_filters_look_in_one_field() {
    let env = archive();
    assert_eq!(found(&env, "city:milovice"), ["dormitory-sewing.jpg"]);
    assert_eq!(
        found(&env, "state:slovensko"),
        ["shopping-bags-formation.jpg"]
    );
    assert_eq!(found(&env, "person:gorbacov"), ["treaty-signing.jpg"]);
    assert_eq!(found(&env, "credit:ct24"), ["treaty-signing.jpg"]);
    assert_eq!(
        found(&env, "source:\"czech radio\""),
        ["treaty-signing.jpg"]
    );
    assert_eq!(found(&env, "job:CS-1991-001"), ["dormitory-sewing.jpg"]);
    assert_eq!(found(&env, "camera:canon"), ["dormitory-sewing.jpg"]);
    assert_eq!(found(&env, "path:sidecar"), ["sidecar-only.jpg"]);
    // "Milovice" is in the dormitory's city, not in its title.
    assert!(found(&env, "title:milovice").is_empty());
    assert_eq!(
        sorted(found(&env, "-creator:kyndrova")),
        ["treaty-signing.jpg"]
    );
}

#[test]
fn keyword_filter_includes_narrower_keywords_and_synonyms() {
    let env = archive();
    assert_eq!(
        sorted(found(&env, "keyword:military")),
        ["dormitory-sewing.jpg", "sidecar-only.jpg"]
    );
    assert_eq!(found(&env, "keyword:barracks"), ["dormitory-sewing.jpg"]);
    assert_eq!(
        found(&env, "keyword:\"Subjects|Military|Vehicles\""),
        ["sidecar-only.jpg"]
    );
    assert_eq!(found(&env, "keyword:kasarna"), ["dormitory-sewing.jpg"]);
    // A keyword with a comma is one keyword.
    assert_eq!(
        found(&env, "keyword:\"Havel, Václav\""),
        ["treaty-signing.jpg"]
    );
    assert!(found(&env, "keyword:havel").is_empty());

    // A controlled vocabulary with synonyms: search finds them too.
    let list = env.path("vocabulary.txt");
    std::fs::write(
        &list,
        "Subjects\n\tMilitary\n\t\t{army}\n\t\t{armáda}\n[People]\n\tHavel, Václav\n",
    )
    .unwrap();
    let out = env.ok(["keywords", "import", list.to_str().unwrap()]);
    assert!(out.contains("2 synonyms"), "{out}");
    assert_eq!(
        sorted(found(&env, "keyword:army")),
        ["dormitory-sewing.jpg", "sidecar-only.jpg"]
    );
    assert_eq!(
        sorted(found(&env, "armada")),
        ["dormitory-sewing.jpg", "sidecar-only.jpg"]
    );
}

#[test]
fn partial_dates_match_by_overlap_and_possible_matches_are_marked() {
    let env = archive();
    assert_eq!(
        sorted(found(&env, "date:1991")),
        [
            "dormitory-sewing.jpg",
            "shopping-bags-formation.jpg",
            "sidecar-only.jpg"
        ]
    );
    // June 1991: the photo dated June 1991 is a match; the one dated only
    // 1991 might be, and says so.
    let results: Vec<Value> =
        serde_json::from_str(&env.ok(["search", "date:1991-06", "--json"])).unwrap();
    let by_name: Vec<(String, bool)> = results
        .iter()
        .map(|p| {
            (
                p["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                p["possible"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sorted(by_name.iter().map(|(n, p)| format!("{n} {p}")).collect()),
        [
            "dormitory-sewing.jpg true",
            "shopping-bags-formation.jpg false"
        ]
    );
    let text = env.ok(["search", "date:1991-06"]);
    assert!(
        text.lines()
            .any(|l| l.starts_with('~') && l.ends_with("dormitory-sewing.jpg")),
        "{text}"
    );
    assert_eq!(
        sorted(found(&env, "date:1990..1991")),
        [
            "dormitory-sewing.jpg",
            "shopping-bags-formation.jpg",
            "sidecar-only.jpg",
            "treaty-signing.jpg"
        ]
    );
    assert_eq!(found(&env, "date:..1990"), ["treaty-signing.jpg"]);
    // The capture date is another thing: the dormitory was "taken" in 2014.
    assert_eq!(found(&env, "taken:2014"), ["dormitory-sewing.jpg"]);
    assert!(found(&env, "taken:1991").is_empty());
    // Sorted by depicted date: 1990-02-26, 1991 (whole year), 1991-02, 1991-06, then undated.
    assert_eq!(
        found(&env, ""),
        [
            "treaty-signing.jpg",
            "dormitory-sewing.jpg",
            "sidecar-only.jpg",
            "shopping-bags-formation.jpg",
            "portraits-stacked.jpg"
        ]
    );
}

#[test]
fn curators_hunt_for_undescribed_photos() {
    let env = archive();
    assert_eq!(
        found(&env, "missing:credit"),
        ["sidecar-only.jpg", "portraits-stacked.jpg"]
    );
    assert_eq!(found(&env, "has:gps missing:caption"), Vec::<String>::new());
    assert_eq!(
        sorted(found(&env, "has:gps")),
        ["portraits-stacked.jpg", "shopping-bags-formation.jpg"]
    );
    assert_eq!(found(&env, "missing:date"), ["portraits-stacked.jpg"]);
    assert_eq!(found(&env, "has:people"), ["treaty-signing.jpg"]);

    // status:missing: the file is gone when `check` looks.
    std::fs::remove_file(env.path("archive/treaty-signing.jpg")).unwrap();
    assert_eq!(env.run(["check"]).status.code(), Some(1));
    assert_eq!(found(&env, "status:missing"), ["treaty-signing.jpg"]);
}

#[test]
fn rating_flags_labels_and_an_undo_of_a_whole_edit() {
    let env = archive();
    let out = env.ok(["edit", "kyndrova", "--rating", "4", "--label", "green"]);
    assert!(out.contains("changed 4 photos"), "{out}");
    env.ok(["edit", "treaty", "--flag", "pick", "--rating", "2"]);
    assert_eq!(found(&env, "rating:>=3").len(), 4);
    assert_eq!(found(&env, "rating:2"), ["treaty-signing.jpg"]);
    assert_eq!(found(&env, "flag:pick"), ["treaty-signing.jpg"]);
    assert_eq!(found(&env, "flag:none").len(), 4);
    assert_eq!(found(&env, "label:green").len(), 4);
    assert_eq!(found(&env, "label:none"), ["treaty-signing.jpg"]);
    let by_rating = env.ok(["search", "", "--sort", "rating", "--paths"]);
    assert!(
        by_rating
            .lines()
            .last()
            .unwrap()
            .ends_with("treaty-signing.jpg")
    );

    // A caption for four photos at once is one operation; one undo reverts all four.
    let before: Vec<Value> = env.list();
    let out = env.ok(["edit", "kyndrova", "--set", "caption=Soviet garrison, 1991"]);
    assert!(out.contains("changed 4 photos"), "{out}");
    assert_eq!(found(&env, "caption:garrison").len(), 4);
    let history = env.ok(["history"]);
    assert!(history.contains("Caption on 4 photos"), "{history}");
    let undo = env.ok(["undo"]);
    assert!(
        undo.contains("undid: Caption on 4 photos (4 values restored)"),
        "{undo}"
    );
    let after: Vec<Value> = env.list();
    assert_eq!(after, before);
    assert!(
        found(&env, "caption:garrison").is_empty(),
        "the search index follows the undo"
    );
    // The next undo takes back the flag and rating of the treaty photo.
    env.ok(["undo"]);
    assert!(found(&env, "flag:pick").is_empty());
    let history = env.ok([
        "history",
        env.path("archive/treaty-signing.jpg").to_str().unwrap(),
    ]);
    assert!(history.contains("(undone)"), "{history}");
}

#[test]
fn dry_run_shows_changes_and_changes_nothing() {
    let env = archive();
    let before = env.list();
    let out = env.ok([
        "edit",
        "keyword:military",
        "--set",
        "date_created=1991-06",
        "--add-keyword",
        "Places|Czechoslovakia|Milovice",
        "--dry-run",
    ]);
    assert!(out.contains("would change 2 photos"), "{out}");
    assert!(
        out.contains("date_created: \"1991\" -> \"1991-06\""),
        "{out}"
    );
    assert_eq!(env.list(), before);
    // A date that is not one is refused with the value named.
    let bad = env.run([
        "edit",
        "keyword:military",
        "--set",
        "date_created=June 1991",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("June 1991"), "{}", stderr(&bad));
}

#[test]
fn keywords_are_added_removed_renamed_and_merged_on_many_photos() {
    let env = archive();
    let out = env.ok([
        "edit",
        "kyndrova",
        "--add-keyword",
        "Places|Czechoslovakia|Milovice",
    ]);
    // The dormitory had the path but not the flat "Milovice": it changes too.
    assert!(out.contains("changed 4 photos"), "{out}");
    assert_eq!(found(&env, "keyword:milovice").len(), 4);
    env.ok([
        "edit",
        "keyword:milovice -city:milovice",
        "--remove-keyword",
        "Milovice",
    ]);
    assert_eq!(found(&env, "keyword:milovice"), ["dormitory-sewing.jpg"]);

    // Rename a keyword: the photos follow, in their lists and in search.
    let out = env.ok(["keywords", "rename", "Barracks", "Kasárna"]);
    assert!(out.contains("renamed; 1 photo follows"), "{out}");
    let dorm = env.show(env.path("archive/dormitory-sewing.jpg").to_str().unwrap());
    assert!(
        dorm["hierarchical_keywords"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Subjects|Military|Kasárna"))
    );
    assert_eq!(found(&env, "keyword:kasarna"), ["dormitory-sewing.jpg"]);
    // Move it elsewhere with a full path.
    env.ok([
        "keywords",
        "rename",
        "Subjects|Military|Kasárna",
        "Places|Czechoslovakia|Milovice|Kasárna",
    ]);
    assert_eq!(
        found(&env, "keyword:\"Places|Czechoslovakia\""),
        ["dormitory-sewing.jpg"]
    );

    // Merge "convoy" into BMP: the sidecar photo keeps one keyword for both.
    env.ok(["keywords", "merge", "convoy", "BMP"]);
    let convoy = env.show(env.path("archive/sidecar-only.jpg").to_str().unwrap());
    assert_eq!(convoy["keywords"], serde_json::json!(["BMP"]));
    let list = env.ok(["keywords", "list"]);
    assert!(
        !list.lines().any(|l| l.trim_start().starts_with("convoy")),
        "{list}"
    );
    // And undo brings "convoy" back.
    env.ok(["undo"]);
    let convoy = env.show(env.path("archive/sidecar-only.jpg").to_str().unwrap());
    assert_eq!(convoy["keywords"], serde_json::json!(["convoy", "BMP"]));
}

#[test]
fn lightroom_keyword_lists_round_trip() {
    let env = archive();
    let text = "[Places]\n\tCzechoslovakia\n\t\tMilovice\n\t\t\t{Milowitz}\n\t\tMladá Boleslav\nSubjects\n\tMilitary\n\t\t{army}\n\t\tBarracks\n\t\tVehicles\n\t\t\tBMP\n";
    let file = env.path("in.txt");
    std::fs::write(&file, text).unwrap();
    env.ok(["keywords", "import", file.to_str().unwrap()]);
    let out = env.path("out.txt");
    env.ok(["keywords", "export", out.to_str().unwrap()]);
    let exported = std::fs::read_to_string(&out).unwrap();
    // Everything imported is there, categories and synonyms included.
    for line in text.lines() {
        assert!(
            exported.lines().any(|l| l == line),
            "{line:?} missing from\n{exported}"
        );
    }
    assert_eq!(found(&env, "milowitz"), ["dormitory-sewing.jpg"]);
}

#[test]
fn exhibition_sets_keep_order_and_wall_labels() {
    let env = archive();
    env.ok(["set", "create", "Odchod 1991"]);
    let out = env.ok(["set", "add", "Odchod 1991", "kyndrova"]);
    assert!(out.contains("added 4 photos"), "{out}");
    env.ok(["set", "add", "Odchod 1991", "treaty"]);
    let treaty = env.path("archive/treaty-signing.jpg");
    env.ok(["set", "move", "Odchod 1991", treaty.to_str().unwrap(), "1"]);
    env.ok([
        "set",
        "note",
        "Odchod 1991",
        treaty.to_str().unwrap(),
        "Praha, 26. února 1990: dohoda o odsunu.",
    ]);
    let shown: Vec<Value> =
        serde_json::from_str(&env.ok(["set", "show", "Odchod 1991", "--json"])).unwrap();
    assert_eq!(shown.len(), 5);
    assert_eq!(shown[0]["position"], 1);
    assert!(
        shown[0]["photo"]["path"]
            .as_str()
            .unwrap()
            .ends_with("treaty-signing.jpg")
    );
    assert_eq!(
        shown[0]["wall_label"],
        "Praha, 26. února 1990: dohoda o odsunu."
    );
    let positions: Vec<u64> = shown
        .iter()
        .map(|s| s["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions, [1, 2, 3, 4, 5]);

    // Search within a set, in set order.
    let in_order = found(&env, "set:\"Odchod 1991\"");
    assert_eq!(in_order.len(), 5);
    let by_set: Vec<String> = env
        .ok(["search", "set:\"Odchod 1991\"", "--sort", "set", "--paths"])
        .lines()
        .map(|l| l.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(by_set[0], "treaty-signing.jpg");
    let err = env.run(["search", "kyndrova", "--sort", "set"]);
    assert!(
        stderr(&err).contains("needs a set: filter"),
        "{}",
        stderr(&err)
    );

    // Removing closes the gap; the wall label belongs to the set.
    env.ok(["set", "remove", "Odchod 1991", "portraits"]);
    let shown: Vec<Value> =
        serde_json::from_str(&env.ok(["set", "show", "Odchod 1991", "--json"])).unwrap();
    assert_eq!(
        shown
            .iter()
            .map(|s| s["position"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let list = env.ok(["set", "list"]);
    assert!(list.contains("Odchod 1991\t4 photos"), "{list}");
    env.ok(["set", "delete", "Odchod 1991"]);
    assert_eq!(env.list().len(), 5, "deleting a set deletes no photo");
}

#[test]
fn saved_searches_behave_like_live_sets() {
    let env = archive();
    env.ok(["saved", "create", "Needs credit", "missing:credit"]);
    assert_eq!(found(&env, "set:\"Needs credit\"").len(), 2);
    env.ok(["edit", "portraits", "--set", "credit=Dana Kyndrová"]);
    assert_eq!(found(&env, "set:\"Needs credit\""), ["sidecar-only.jpg"]);
    let bad = env.run(["saved", "create", "Broken", "rating:>9"]);
    assert_eq!(bad.status.code(), Some(1));
    let unknown = env.run(["search", "set:Nowhere"]);
    assert!(stderr(&unknown).contains("no set or saved search named \"Nowhere\""));
}

#[test]
fn templates_fill_empty_fields_unless_told_to_overwrite() {
    let env = archive();
    env.ok([
        "template",
        "create",
        "Kyndrová series",
        "--set",
        "credit=Dana Kyndrová",
        "--set",
        "copyright=© Dana Kyndrová",
        "--set",
        "event=Withdrawal of Soviet troops from Czechoslovakia",
        "--set",
        "keywords=odsun vojsk",
    ]);
    let out = env.ok(["template", "apply", "Kyndrová series", "kyndrova OR treaty"]);
    assert!(out.contains("changed 5 photos"), "{out}");
    // The treaty photo's own credit (ČT24) stays; its empty copyright is filled.
    let treaty = env.show(env.path("archive/treaty-signing.jpg").to_str().unwrap());
    assert_eq!(treaty["credit"], "ČT24");
    assert_eq!(treaty["copyright"], "© Dana Kyndrová");
    assert!(
        treaty["keywords"]
            .as_array()
            .unwrap()
            .contains(&Value::from("odsun vojsk"))
    );
    env.ok([
        "template",
        "apply",
        "Kyndrová series",
        "treaty",
        "--overwrite",
    ]);
    let treaty = env.show(env.path("archive/treaty-signing.jpg").to_str().unwrap());
    assert_eq!(treaty["credit"], "Dana Kyndrová");

    // At import.
    let other = Env::new();
    let dir = other.copy_fixtures("new", &["archive/portraits-stacked.jpg"]);
    other.ok([
        "template",
        "create",
        "ČTK",
        "--set",
        "credit=ČTK",
        "--set",
        "source=ČTK archive",
    ]);
    let out = other
        .cmd()
        .arg("import")
        .arg(&dir)
        .args(["--template", "ČTK"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("template \"ČTK\" filled 2 values on 1 photo"),
        "{}",
        stdout(&out)
    );
    let p = &other.list()[0];
    assert_eq!(p["credit"], "ČTK");
    let missing = other
        .cmd()
        .arg("import")
        .arg(&dir)
        .args(["--template", "nope"])
        .output()
        .unwrap();
    assert!(stderr(&missing).contains("no template named \"nope\""));
}

#[test]
fn paths_csv_json_and_facets_outputs() {
    let env = archive();
    let paths = env.ok(["search", "kyndrova", "--paths"]);
    assert!(
        paths
            .lines()
            .all(|l| l.starts_with('/') && l.ends_with(".jpg")),
        "{paths}"
    );
    let csv_text = env.ok(["search", "kyndrova", "--csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(reader.headers().unwrap().get(2), Some("title"));
    assert_eq!(reader.records().count(), 4);
    let limited = env.ok(["search", "", "--limit", "2", "--paths"]);
    assert_eq!(limited.lines().count(), 2);

    let with_facets: Value =
        serde_json::from_str(&env.ok(["search", "kyndrova", "--json", "--facets"])).unwrap();
    let facets = &with_facets["facets"];
    assert!(
        facets["creators"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["Dana Kyndrová", 4]))
    );
    assert!(
        facets["years"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["1991", 3]))
    );
    assert!(
        facets["cities"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["Milovice", 1]))
    );
}

#[test]
fn bad_queries_give_one_line_with_the_position() {
    let env = archive();
    for (query, position) in [
        ("soldiers \"last train", 10),
        ("rating:>=7", 8),
        ("date:1991-13", 6),
        ("(kyndrova", 1),
        ("kyndrova)", 9),
        ("captoin:x", 1),
    ] {
        let out = env.run(["search", query]);
        assert_eq!(out.status.code(), Some(1), "{query}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{query}: {err}");
        assert!(
            err.contains(&format!("position {position}:")),
            "{query}: {err}"
        );
        assert!(!err.to_lowercase().contains("sql"), "{query}: {err}");
    }
}

#[test]
fn optimize_tidies_the_catalogue_and_search_finds_the_same() {
    let env = archive();
    env.ok(["edit", "kyndrova", "--set", "event=Odchod sovětských vojsk"]);
    let before = found(&env, "odchod");
    assert_eq!(before.len(), 4);
    let out = env.ok(["optimize"]);
    assert!(out.starts_with("optimized the catalogue in "), "{out}");
    assert_eq!(found(&env, "odchod"), before);
    assert_eq!(found(&env, "армия"), ["dormitory-sewing.jpg"]);
}

#[test]
fn redo_brings_back_what_undo_took_and_the_history_speaks_in_words() {
    let env = archive();
    env.ok([
        "edit",
        "treaty",
        "--set",
        "caption=Podpis dohody, Praha 1990",
    ]);
    env.ok(["set", "create", "Odchod 1991"]);
    env.ok(["set", "add", "Odchod 1991", "kyndrova"]);
    let treaty = env.path("archive/sidecar-only.jpg");
    env.ok(["set", "move", "Odchod 1991", treaty.to_str().unwrap(), "1"]);
    env.ok([
        "set",
        "note",
        "Odchod 1991",
        treaty.to_str().unwrap(),
        "Hranice, únor 1991",
    ]);
    let order = |env: &Env| -> Vec<String> {
        env.ok(["set", "show", "Odchod 1991"])
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap_or("").to_owned())
            .collect()
    };
    let arranged = order(&env);
    assert_eq!(arranged.len(), 4);

    // Undo, in order: the wall label, the move, the photos added.
    assert!(env.ok(["undo"]).contains("undid: Wall label of photo"));
    assert!(
        env.ok(["undo"])
            .contains("undid: Moved 1 photo in set “Odchod 1991”")
    );
    assert_ne!(order(&env), arranged);
    assert!(
        env.ok(["undo"])
            .contains("undid: Added 4 photos to set “Odchod 1991”")
    );
    assert!(order(&env).is_empty());
    // Redo, the last undone first.
    assert!(
        env.ok(["redo"])
            .contains("redid: Added 4 photos to set “Odchod 1991”")
    );
    assert!(
        env.ok(["redo"])
            .contains("redid: Moved 1 photo in set “Odchod 1991”")
    );
    assert_eq!(order(&env), arranged);
    assert!(env.ok(["redo"]).contains("redid: Wall label of photo"));
    assert!(
        env.ok(["set", "show", "Odchod 1991"])
            .contains("Hranice, únor 1991")
    );
    assert_eq!(env.ok(["redo"]).trim(), "nothing to redo");

    // A deleted set comes back whole.
    env.ok(["set", "delete", "Odchod 1991"]);
    assert!(env.ok(["set", "list"]).trim().is_empty());
    env.ok(["undo"]);
    assert_eq!(order(&env), arranged);
    assert!(
        env.ok(["set", "show", "Odchod 1991"])
            .contains("Hranice, únor 1991")
    );

    // Something new ends redo.
    env.ok(["undo"]);
    env.ok(["edit", "treaty", "--rating", "3"]);
    assert_eq!(env.ok(["redo"]).trim(), "nothing to redo");

    // The history names each operation in words, never as JSON.
    let history = env.ok(["history", "--changes"]);
    for line in [
        "Caption on 1 photo",
        "Created set “Odchod 1991”",
        "Added 4 photos to set “Odchod 1991”",
        "Moved 1 photo in set “Odchod 1991”",
        "Undo: Moved 1 photo in set “Odchod 1991”",
        "Redo: Moved 1 photo in set “Odchod 1991”",
        "Deleted set “Odchod 1991” (4 photos)",
        "Rating 3 on 1 photo",
        "Caption: “Václav Havel and Michail Gorbačov agree the total withdrawa…” → “Podpis dohody, Praha 1990”",
        "Set “Odchod 1991”: order changed",
    ] {
        assert!(history.contains(line), "no {line:?} in\n{history}");
    }
    assert!(!history.contains("\":"), "no JSON in\n{history}");
    // One photo's history: the operations that changed it, with its changes.
    let one = env.ok([
        "history",
        env.path("archive/treaty-signing.jpg").to_str().unwrap(),
    ]);
    assert!(one.contains("Rating: 0 → 3"), "{one}");
    assert!(!one.contains("Created set"), "{one}");
}

#[test]
fn keyword_deletes_and_template_changes_undo_from_the_command_line() {
    let env = archive();
    let out = env.ok(["keywords", "delete", "Subjects|Military"]);
    assert!(out.contains("removed from 2 photos"), "{out}");
    assert!(!env.ok(["keywords", "list"]).contains("Barracks"));
    env.ok(["undo"]);
    let tree = env.ok(["keywords", "list"]);
    assert!(tree.contains("Barracks") && tree.contains("BMP"), "{tree}");
    assert_eq!(found(&env, "keyword:Barracks"), ["dormitory-sewing.jpg"]);

    env.ok([
        "template",
        "create",
        "Kyndrová 1991",
        "--set",
        "credit=Dana Kyndrová",
    ]);
    env.ok(["template", "delete", "Kyndrová 1991"]);
    assert!(env.ok(["template", "list"]).trim().is_empty());
    env.ok(["undo"]);
    assert!(env.ok(["template", "list"]).contains("Kyndrová 1991"));
    env.ok(["redo"]);
    assert!(env.ok(["template", "list"]).trim().is_empty());

    env.ok(["set", "create", "A"]);
    env.ok(["set", "rename", "A", "Odchod 1991"]);
    env.ok(["undo"]);
    assert!(env.ok(["set", "list"]).starts_with("A\t"));
}

#[test]
fn search_sorts_by_any_column_both_ways() {
    let env = archive();
    let names = |sort: &str| -> Vec<String> {
        env.ok(["search", "", "--sort", sort, "--paths"])
            .lines()
            .map(|l| l.rsplit('/').next().unwrap().to_owned())
            .collect()
    };
    let by_date = names("date");
    let mut newest_first = names("-date");
    // Undated photos come last either way.
    assert_eq!(
        by_date.last().map(String::as_str),
        Some("portraits-stacked.jpg")
    );
    assert_eq!(newest_first.pop().as_deref(), Some("portraits-stacked.jpg"));
    let mut dated = by_date.clone();
    dated.pop();
    dated.reverse();
    assert_eq!(newest_first, dated);
    assert_eq!(
        names("credit"),
        [
            "treaty-signing.jpg",
            "dormitory-sewing.jpg",
            "shopping-bags-formation.jpg",
            "portraits-stacked.jpg",
            "sidecar-only.jpg"
        ],
        "ČT24 before Dana Kyndrová (case- and accent-blind), no credit last"
    );
    let caption = names("caption");
    assert_eq!(caption.len(), 5);
    assert_eq!(names("-caption").first(), caption.last());
    let bad = env.run(["search", "", "--sort", "colour"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("no sort order named \"colour\""),
        "{}",
        stderr(&bad)
    );
}

/// Another process's edit reaches a catalogue open for search by re-reading
/// only the photos it changed, and every process after the first starts
/// from the search columns saved beside the catalogue.
#[test]
fn another_process_edit_is_caught_up_with_by_reading_only_what_changed() {
    use kartoteka::catalog::{Catalogue, SortKey};
    let env = archive();
    let open = Catalogue::open(&env.catalog).unwrap();
    let all = open.search_text("", SortKey::Imported, None).unwrap().len() as u64;
    assert_eq!(open.search_rows_read().unwrap(), all, "read whole");
    let saved = env.catalog.with_file_name(format!(
        "{}.search-columns",
        env.catalog.file_stem().unwrap().to_str().unwrap()
    ));
    assert!(saved.is_file(), "saved beside the catalogue");

    env.ok(["edit", "gorbacov", "--rating", "5"]);
    let rated = open
        .search_text("rating:5", SortKey::Imported, None)
        .unwrap();
    assert_eq!(rated.len(), 1);
    assert_eq!(
        open.search_rows_read().unwrap(),
        all + 1,
        "one photo re-read"
    );

    env.ok(["edit", "kyndrova", "--add-keyword", "Odsun vojsk"]);
    assert_eq!(
        open.search_text("keyword:\"odsun vojsk\"", SortKey::Imported, None)
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        open.search_rows_read().unwrap(),
        all + 5,
        "four more re-read"
    );
    assert_eq!(found(&env, "rating:5"), ["treaty-signing.jpg"]);
}

/// `kartoteka author` sets the name the history shows beside each
/// operation made since; operations made before keep their line as it was.
#[test]
fn history_names_the_author_of_each_operation_made_since_one_was_set() {
    let env = archive();
    assert_eq!(env.ok(["author"]), "", "no author until one is set");
    env.ok(["edit", "treaty", "--rating", "3"]);
    let set = env.ok(["author", "Jana Nováková"]);
    assert!(set.contains("Jana Nováková"), "{set}");
    assert_eq!(env.ok(["author"]), "Jana Nováková\n");
    env.ok(["edit", "kyndrova", "--set", "caption=Odsun vojsk, 1991"]);
    env.ok(["author", "Алексей"]);
    env.ok(["undo"]);
    env.ok(["author", "--clear"]);
    assert_eq!(env.ok(["author"]), "");
    env.ok(["edit", "treaty", "--rating", "4"]);

    let history = env.ok(["history"]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 4, "{history}");
    // "#4  2026-11-30 14:02:03  Rating 4 on 1 photo"
    let (number, rest) = lines[0].split_once("  ").unwrap();
    assert_eq!(number, "#4");
    let (time, summary) = rest.split_once("  ").unwrap();
    assert!(time.starts_with("20") && time.len() == 19, "{history}");
    assert_eq!(summary, "Rating 4 on 1 photo");
    assert!(
        lines[1].starts_with("#3  Алексей, 20")
            && lines[1].ends_with("  Undo: Caption on 4 photos"),
        "{history}"
    );
    assert!(
        lines[2].starts_with("#2  Jana Nováková, 20")
            && lines[2].ends_with("  Caption on 4 photos  (undone)"),
        "{history}"
    );
    assert!(lines[3].starts_with("#1  20"), "{history}");

    let refused = env.run(["author", " "]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("an author's name cannot be empty"),
        "{}",
        stderr(&refused)
    );
}
