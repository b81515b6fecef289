//! Whatever a user types into the search field gives results or a parse
//! error naming a position: never a panic, never an SQLite error.
//! Random queries built from the pieces of the query language (and from
//! random characters) run against a small catalogue.

mod common;

use std::path::PathBuf;

use kartoteka::catalog::{Catalogue, SearchError, SortKey};
use kartoteka::photo::{Description, FileInfo, ImageFormat, PhotoId, PhotoRecord, Technical};

const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "OR",
    "-",
    "(",
    ")",
    "\"",
    ":",
    "*",
    "..",
    "|",
    "%",
    "_",
    "'",
    "\\",
    ";",
    "{",
    "}",
    "^",
    "+",
    "AND",
    "NOT",
    "NEAR",
    "title:",
    "caption:",
    "creator:",
    "keyword:",
    "date:",
    "taken:",
    "rating:",
    "flag:",
    "label:",
    "set:",
    "has:",
    "missing:",
    "status:",
    "path:",
    "camera:",
    "lens:",
    "city:",
    "person:",
    "job:",
    "foo:",
    "kyndrova",
    "Kyndrová",
    "армия",
    "kasár",
    "Dubček",
    "1991",
    "1991-06",
    "1990..1991",
    "..1991",
    ">=",
    "<",
    "3",
    "7",
    "pick",
    "red",
    "gps",
    "caption",
    "missing",
    "Odchod",
    "\"last train\"",
    "Havel, Václav",
    "Subjects|Military",
    "0",
    "-1",
    "99999999999999999999",
    "\u{0}",
    "🙂",
    "ß",
    "İ",
    "\t",
    "\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn catalogue() -> Catalogue {
    let mut cat = Catalogue::open_in_memory().unwrap();
    for (n, (title, keywords, date)) in [
        ("Dormitory", vec!["kasárna"], Some("1991")),
        ("Convoy", vec!["BMP"], Some("1991-02")),
        ("Treaty", vec!["Havel, Václav"], Some("1990-02-26")),
        ("Portraits", vec![], None),
    ]
    .into_iter()
    .enumerate()
    {
        cat.store(&PhotoRecord {
            file: FileInfo {
                path: PathBuf::from(format!("/archive/{n}.jpg")),
                size: 1,
                mtime_ns: 1,
                hash: format!("h{n}"),
                format: ImageFormat::Jpeg,
                sidecar: None,
            },
            technical: Technical {
                width: Some(10),
                height: Some(10),
                ..Technical::default()
            },
            description: Description {
                title: Some(title.into()),
                creators: vec!["Dana Kyndrová".into()],
                keywords: keywords.into_iter().map(String::from).collect(),
                hierarchical_keywords: vec!["Subjects|Military|Barracks".into()],
                date_created: date.map(String::from),
                ..Description::default()
            },
            tags: vec![],
            warnings: vec![],
            claims: vec![],
        })
        .unwrap();
    }
    cat.create_set("Odchod").unwrap();
    cat.add_to_set("Odchod", &[PhotoId(1), PhotoId(3)]).unwrap();
    cat.save_search("Loop", "set:Loop").unwrap();
    cat.save_search("Recent", "date:1991..").unwrap();
    cat
}

fn check(cat: &Catalogue, query: &str, sort: SortKey) {
    match cat.search_text(query, sort, Some(50)) {
        Ok(_) => {}
        Err(SearchError::Parse(e)) => {
            assert!(e.position <= query.chars().count() + 1, "{query:?}: {e}");
            assert!(!e.to_string().contains('\n'), "{query:?}: {e}");
        }
        Err(SearchError::Query(refused)) => assert!(
            !refused.to_string().to_lowercase().contains("sql"),
            "{query:?}: {refused}"
        ),
        Err(SearchError::Catalogue(e)) => panic!("{query:?} reached the database as an error: {e}"),
    }
}

#[test]
fn random_queries_never_fail_inside_the_catalogue() {
    let cat = catalogue();
    let sorts = [
        SortKey::Depicted,
        SortKey::Title,
        SortKey::Rating,
        SortKey::SetOrder,
    ];
    let seed = common::seed("query fuzz") | 1;
    let mut rng = Rng(seed);
    let rounds: usize = std::env::var("KARTOTEKA_FUZZ_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    for _ in 0..rounds {
        let len = 1 + rng.below(8);
        let query: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        check(&cat, &query, sorts[rng.below(sorts.len())]);
    }
    // And plain random characters, including ones outside the BMP.
    for _ in 0..5_000 {
        let len = rng.below(12);
        let query: String = (0..len)
            .filter_map(|_| {
                char::from_u32(
                    rng.below(0x1_0000) as u32 + if rng.below(10) == 0 { 0x1_0000 } else { 0 },
                )
            })
            .collect();
        check(&cat, &query, SortKey::Depicted);
    }
}

#[test]
fn queries_that_should_work_do() {
    let cat = catalogue();
    let ids = |q: &str| -> Vec<i64> {
        cat.search_text(q, SortKey::Imported, None)
            .unwrap_or_else(|e| panic!("{q}: {e}"))
            .iter()
            .map(|h| h.id.0)
            .collect()
    };
    assert_eq!(ids("set:Odchod"), [1, 3]);
    assert_eq!(ids("set:Recent"), [1, 2]);
    assert_eq!(ids("keyword:military"), [1, 2, 3, 4]);
    assert_eq!(ids("keyword:\"havel, vaclav\""), [3]);
    // A term with nothing to find is an error naming it, never "everything".
    for (query, term) in [
        ("&", "'&'"),
        ("dormitory !!!", "'!!!'"),
        ("title:?", "'title:?'"),
    ] {
        let err = cat
            .search_text(query, SortKey::Imported, None)
            .expect_err(query)
            .to_string();
        assert!(err.contains(term), "{query}: {err}");
    }
    let looped = cat
        .search_text("set:Loop", SortKey::Depicted, None)
        .unwrap_err();
    assert!(looped.to_string().contains("refers to itself"), "{looped}");
}
