use super::*;

fn text(t: &str) -> Query {
    Query::Text(Text {
        text: t.into(),
        phrase: false,
        prefix: false,
    })
}

#[test]
fn words_are_anded_and_or_binds_tighter() {
    assert_eq!(parse("").unwrap(), Query::All);
    assert_eq!(parse("   ").unwrap(), Query::All);
    assert_eq!(parse("kyndrova").unwrap(), text("kyndrova"));
    assert_eq!(
        parse("milovice soldiers OR vojáci").unwrap(),
        Query::And(vec![
            text("milovice"),
            Query::Or(vec![text("soldiers"), text("vojáci")])
        ])
    );
}

#[test]
fn phrases_prefixes_and_exclusion() {
    assert_eq!(
        parse("\"last train\" kasár*").unwrap(),
        Query::And(vec![
            Query::Text(Text {
                text: "last train".into(),
                phrase: true,
                prefix: false
            }),
            Query::Text(Text {
                text: "kasár".into(),
                phrase: false,
                prefix: true
            }),
        ])
    );
    assert_eq!(
        parse("-convoy").unwrap(),
        Query::Not(Box::new(text("convoy")))
    );
    assert_eq!(
        parse("-city:Praha").unwrap(),
        Query::Not(Box::new(Query::Field(
            TextField::City,
            Text {
                text: "Praha".into(),
                phrase: false,
                prefix: false
            }
        )))
    );
    // A dash standing alone is punctuation, not an exclusion.
    assert_eq!(
        parse("Praha - Milovice").unwrap(),
        Query::And(vec![text("Praha"), text("Milovice")])
    );
}

#[test]
fn fields_and_values() {
    assert_eq!(
        parse("keyword:military").unwrap(),
        Query::Keyword("military".into())
    );
    assert_eq!(
        parse("set:\"Withdrawal 1991\"").unwrap(),
        Query::Set("Withdrawal 1991".into())
    );
    assert_eq!(
        parse("rating:>=3").unwrap(),
        Query::Rating(Comparison::GreaterOrEqual, 3)
    );
    assert_eq!(
        parse("rating:5").unwrap(),
        Query::Rating(Comparison::Equal, 5)
    );
    assert_eq!(parse("flag:pick").unwrap(), Query::Flag(Some(Flag::Pick)));
    assert_eq!(parse("flag:none").unwrap(), Query::Flag(None));
    assert_eq!(parse("label:Red").unwrap(), Query::Label(Some(Label::Red)));
    assert_eq!(parse("has:gps").unwrap(), Query::Has(Property::Gps));
    assert_eq!(
        parse("missing:credit").unwrap(),
        Query::Missing(Property::Credit)
    );
    assert_eq!(
        parse("status:missing").unwrap(),
        Query::Status(Status::Missing)
    );
    assert_eq!(
        parse("Camera:canon").unwrap(),
        Query::Like(LikeField::Camera, "canon".into())
    );
    // Text with a colon that is not a field name stays text.
    assert_eq!(parse("12:30").unwrap(), text("12:30"));
}

#[test]
fn dates_cover_whole_periods() {
    let range = |from: Option<&str>, to: Option<&str>| DateRange {
        from: from.map(Into::into),
        to: to.map(Into::into),
    };
    assert_eq!(
        parse("date:1991").unwrap(),
        Query::Date(
            DateField::Depicted,
            range(Some("1991-01-01"), Some("1991-12-31"))
        )
    );
    assert_eq!(
        parse("date:1991-06").unwrap(),
        Query::Date(
            DateField::Depicted,
            range(Some("1991-06-01"), Some("1991-06-30"))
        )
    );
    assert_eq!(
        parse("date:1990..1991").unwrap(),
        Query::Date(
            DateField::Depicted,
            range(Some("1990-01-01"), Some("1991-12-31"))
        )
    );
    assert_eq!(
        parse("taken:..1990").unwrap(),
        Query::Date(DateField::Taken, range(None, Some("1990-12-31")))
    );
}

#[test]
fn grouping() {
    assert_eq!(
        parse("(a OR b) -(c d)").unwrap(),
        Query::And(vec![
            Query::Or(vec![text("a"), text("b")]),
            Query::Not(Box::new(Query::And(vec![text("c"), text("d")]))),
        ])
    );
}

#[test]
fn errors_name_the_position() {
    let err = |q: &str| parse(q).unwrap_err();
    assert_eq!(err("soldiers \"last train").position, 10);
    assert_eq!(err("rating:>=7").position, 8);
    assert!(err("rating:>=7").problem.to_string().contains("0 to 5"));
    assert_eq!(err("date:1991-13").position, 6);
    assert_eq!(err("a captoin:x").position, 3);
    assert!(
        err("a captoin:x")
            .problem
            .to_string()
            .contains("unknown field 'captoin:'")
    );
    assert_eq!(err("(a b").position, 1);
    assert_eq!(err("a b)").position, 4);
    assert_eq!(err("a OR").position, 3);
    assert_eq!(err("OR a").position, 1);
    assert_eq!(err("flag:maybe").position, 6);
    assert_eq!(err("date:1992..1990").position, 6);
    assert_eq!(err("title:").position, 7);
    assert_eq!(err("a \"\"").position, 3);
    assert_eq!(
        parse("x -").unwrap(),
        text("x"),
        "a trailing dash is punctuation"
    );
}

#[test]
fn nesting_is_capped_with_a_position() {
    let nested = |n: usize| format!("{}x{}", "(".repeat(n), ")".repeat(n));
    assert!(parse(&nested(crate::limits::MAX_QUERY_DEPTH)).is_ok());
    let err = parse(&nested(10_000)).unwrap_err();
    assert_eq!(err.position, crate::limits::MAX_QUERY_DEPTH + 1);
    assert!(
        err.problem
            .to_string()
            .contains("nest deeper than 64 levels"),
        "{err}"
    );
    let err = parse(&format!("{}x", "-".repeat(10_000))).unwrap_err();
    assert!(err.problem.to_string().contains("nest deeper"), "{err}");
    // Depth is nesting, not count: many groups side by side are fine.
    assert!(parse(&"(a) ".repeat(1_000)).is_ok());
}

#[test]
fn terms_with_nothing_to_find_are_errors_naming_them() {
    for (query, position, term) in [
        ("title:!!!", 7, "'title:!!!'"),
        ("kyndrova '", 10, "'''"),
        ("—", 1, "'—'"),
        ("a \"?\"", 3, "'\"?\"'"),
        ("-&", 2, "'&'"),
    ] {
        let err = parse(query).unwrap_err();
        assert_eq!(err.position, position, "{query}: {err}");
        assert!(err.problem.to_string().contains(term), "{query}: {err}");
    }
    // Punctuation inside a word is fine; so is a dash standing alone.
    assert!(parse("C++ Praha - Milovice").is_ok());
}
