//! Sources and claims: who says what, disputes, preferences, and their
//! history.

use std::collections::BTreeSet;

use serde_json::Value;

use super::tests::record;
use super::*;
use crate::photo::{Attribute, Field, FieldValue};

fn czech_radio() -> SourceRecord {
    SourceRecord {
        citation: "Czech Radio, 2020-02-26".into(),
        authors: vec!["Jiří Šedivý".into()],
        title: Some("Třicet let od odchodu sovětských vojsk".into()),
        publisher: Some("Český rozhlas".into()),
        date: Some("2020-02-26".into()),
        url: Some("https://www.rozhlas.cz/".into()),
        kind: SourceKind::Article,
        ..SourceRecord::default()
    }
}

fn other_account() -> SourceRecord {
    SourceRecord {
        citation: "Rudé právo, 1990-11-24".into(),
        title: Some("Dohoda o odsunu".into()),
        date: Some("1990-11-24".into()),
        kind: SourceKind::Article,
        ..SourceRecord::default()
    }
}

fn attributed(source: i64, locator: &str) -> Attribution {
    Attribution {
        source: Some(source),
        locator: Some(locator.into()),
        certainty: Some(Certainty::Probable),
        note: None,
    }
}

fn ids(cat: &Catalogue, query: &str) -> Vec<PhotoId> {
    cat.search_text(query, SortKey::Imported, None)
        .unwrap()
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// The treaty photo: its depicted date claimed as 26 February 1990 by Czech
/// Radio and as 23 November 1990 by another account.
fn the_treaty() -> (Catalogue, PhotoId, i64, i64) {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat
        .store(&record("/archive/treaty.jpg", "h1"))
        .unwrap()
        .id();
    cat.store(&record("/archive/other.jpg", "h2")).unwrap();
    let radio = cat.add_source(czech_radio()).unwrap();
    let paper = cat.add_source(other_account()).unwrap();
    cat.add_claims(
        &[id],
        "date",
        &Value::from("1990-02-26"),
        &attributed(radio, "§ 3"),
        true,
        false,
    )
    .unwrap();
    cat.add_claims(
        &[id],
        "date_created",
        &Value::from("1990-11-23"),
        &attributed(paper, "p. 1"),
        false,
        false,
    )
    .unwrap();
    (cat, id, radio, paper)
}

#[test]
fn disagreeing_sources_are_kept_side_by_side_and_the_field_is_disputed() {
    let (cat, id, radio, _) = the_treaty();
    let photo = cat.photo(id).unwrap().unwrap();
    assert_eq!(
        photo.description.date_created.as_deref(),
        Some("1990-02-26"),
        "the preferred claim is the field's value"
    );
    let claims = cat.claims(id).unwrap();
    // The date the file gave ("1991") stays as a claim of its own.
    let values: Vec<&str> = claims.iter().filter_map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["1991", "1990-02-26", "1990-11-23"]);
    assert_eq!(claims.iter().filter(|c| c.preferred).count(), 1);
    let preferred = claims.iter().find(|c| c.preferred).unwrap();
    assert_eq!(preferred.source.as_ref().map(|s| s.id), Some(radio));
    assert_eq!(preferred.locator.as_deref(), Some("§ 3"));

    assert_eq!(ids(&cat, "disputed:"), [id]);
    assert_eq!(ids(&cat, "disputed:date"), [id]);
    assert!(ids(&cat, "disputed:caption").is_empty());
    assert_eq!(
        ids(&cat, "cites:rozhlas"),
        [id],
        "accent-blind: Český rozhlas"
    );
    assert_eq!(ids(&cat, "cites:sedivy"), [id], "by author");
    assert_eq!(ids(&cat, &format!("cites:{radio}")), [id]);
    assert_eq!(ids(&cat, "certainty:probable"), [id]);
    assert!(ids(&cat, "certainty:certain").is_empty());
    assert_eq!(ids(&cat, "unsourced:caption").len(), 2);
    assert_eq!(ids(&cat, "unsourced:date").len(), 1, "only the other photo");
    let facets = cat.facets(&crate::search::parse("").unwrap()).unwrap();
    assert_eq!(facets.disputed, [("date_created".to_owned(), 1)]);
}

#[test]
fn dates_disagree_when_their_ranges_do_not_overlap() {
    let d = Attribute::Field(Field::DateCreated);
    let v = |s: &str| Value::from(s);
    assert!(!super::claims::disagree(d, &[&v("1991"), &v("1991-06")]));
    assert!(!super::claims::disagree(
        d,
        &[&v("1991~"), &v("1990-02/1991-06")]
    ));
    assert!(super::claims::disagree(
        d,
        &[&v("1990-02-26"), &v("1990-11-23")]
    ));
    assert!(!super::claims::disagree(d, &[&v("199X"), &v("1991-06-21")]));
    let c = Attribute::Field(Field::Caption);
    assert!(!super::claims::disagree(
        c,
        &[&v("75,000 troops"), &v("75,000  TROOPS ")]
    ));
    assert!(super::claims::disagree(
        c,
        &[&v("75,000 troops"), &v("73,500 troops")]
    ));
    let p = Attribute::Field(Field::People);
    let list = |l: &[&str]| Value::from(l.to_vec());
    assert!(!super::claims::disagree(
        p,
        &[&list(&["Dubček", "Havel"]), &list(&["havel", "dubcek"])]
    ));
    assert!(super::claims::disagree(
        p,
        &[&list(&["Havel"]), &list(&["Havel", "Gorbačov"])]
    ));
}

#[test]
fn preferring_and_removing_claims_moves_the_field_and_undo_brings_all_back() {
    let (mut cat, id, _, paper) = the_treaty();
    let date = |cat: &Catalogue| cat.photo(id).unwrap().unwrap().description.date_created;
    let november = cat
        .claims(id)
        .unwrap()
        .into_iter()
        .find(|c| c.value == "1990-11-23")
        .unwrap();
    cat.prefer_claim(november.id).unwrap();
    assert_eq!(date(&cat).as_deref(), Some("1990-11-23"));
    assert_eq!(
        ids(&cat, "date:1990-11"),
        [id],
        "search follows the preferred date"
    );
    cat.undo().unwrap();
    assert_eq!(date(&cat).as_deref(), Some("1990-02-26"));
    cat.redo().unwrap();
    assert_eq!(date(&cat).as_deref(), Some("1990-11-23"));

    // Removing the preferred claim prefers the next one.
    cat.remove_claim(november.id).unwrap();
    assert_eq!(cat.claims(id).unwrap().len(), 2);
    assert_eq!(date(&cat).as_deref(), Some("1990-02-26"));
    assert_eq!(
        ids(&cat, "disputed:"),
        [id],
        "1991 and 1990-02-26 disagree too"
    );
    cat.undo().unwrap();
    assert_eq!(date(&cat).as_deref(), Some("1990-11-23"));
    assert_eq!(cat.claims(id).unwrap().len(), 3);

    // A source cited by claims is not removed unless forced; forced, the
    // claims stay, citing nothing; undo cites it again.
    let refused = cat.remove_source(paper, false).unwrap_err().to_string();
    assert!(refused.contains("cited by 1 claim on 1 photo"), "{refused}");
    assert_eq!(cat.remove_source(paper, true).unwrap(), 1);
    assert!(ids(&cat, "cites:pravo").is_empty());
    assert_eq!(cat.claims(id).unwrap().len(), 3);
    cat.undo().unwrap();
    assert_eq!(ids(&cat, "cites:pravo"), [id]);
}

#[test]
fn editing_a_field_keeps_the_sourced_claims_it_displaces() {
    let (mut cat, id, radio, _) = the_treaty();
    cat.set_field(
        id,
        Field::DateCreated,
        FieldValue::Text(Some("1990-02".into())),
    )
    .unwrap();
    let claims = cat.claims(id).unwrap();
    assert_eq!(
        claims.len(),
        4,
        "the edit is a new claim beside the sourced ones"
    );
    let preferred = claims.iter().find(|c| c.preferred).unwrap();
    assert_eq!(preferred.value, Value::from("1990-02"));
    assert!(preferred.source.is_none());
    assert!(
        claims
            .iter()
            .any(|c| c.source.as_ref().is_some_and(|s| s.id == radio))
    );
    // Edited again, the unsourced preferred claim just takes the new value.
    cat.set_field(
        id,
        Field::DateCreated,
        FieldValue::Text(Some("1990-02-27".into())),
    )
    .unwrap();
    assert_eq!(cat.claims(id).unwrap().len(), 4);
    // One undo takes back both the value and the claim.
    cat.undo().unwrap();
    cat.undo().unwrap();
    assert_eq!(cat.claims(id).unwrap().len(), 3);
    assert_eq!(
        cat.photo(id)
            .unwrap()
            .unwrap()
            .description
            .date_created
            .as_deref(),
        Some("1990-02-26")
    );
}

#[test]
fn claims_on_many_photos_at_once_are_one_operation() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let photos: Vec<PhotoId> = (0..5)
        .map(|n| {
            cat.store(&record(&format!("/archive/{n}.jpg"), &format!("h{n}")))
                .unwrap()
                .id()
        })
        .collect();
    let radio = cat.add_source(czech_radio()).unwrap();
    let report = cat
        .add_claims(
            &photos,
            "caption",
            &Value::from("Some 75,000 troops left from 83 garrisons."),
            &attributed(radio, "p. 2"),
            false,
            true,
        )
        .unwrap();
    assert_eq!(report.photos, 5);
    assert!(
        cat.claims(photos[0]).unwrap().is_empty(),
        "a dry run changes nothing"
    );
    cat.add_claims(
        &photos,
        "caption",
        &Value::from("Some 75,000 troops left from 83 garrisons."),
        &attributed(radio, "p. 2"),
        false,
        false,
    )
    .unwrap();
    assert_eq!(ids(&cat, "disputed:caption").len(), 5);
    // The same claim again changes nothing.
    let again = cat
        .add_claims(
            &photos,
            "caption",
            &Value::from("Some 75,000 troops left from 83 garrisons."),
            &attributed(radio, "p. 2"),
            false,
            false,
        )
        .unwrap();
    assert_eq!((again.photos, again.unchanged), (0, 5));
    let history = cat.history(None, 1).unwrap();
    assert_eq!(
        history[0].summary,
        "Claim on caption of 5 photos from “Czech Radio, 2020-02-26”"
    );
    cat.undo().unwrap();
    assert!(ids(&cat, "disputed:").is_empty());
    assert!(cat.claims(photos[3]).unwrap().is_empty());

    // A photo named twice gets the claim once; a photo not in the
    // catalogue is an error that changes nothing.
    let twice = [photos[0], photos[1], photos[0]];
    let report = cat
        .add_claims(
            &twice,
            "caption",
            &Value::from("Posádka odjíždí"),
            &attributed(radio, "p. 3"),
            false,
            false,
        )
        .unwrap();
    assert_eq!(report.photos, 2);
    assert_eq!(
        cat.claims(photos[0]).unwrap().len(),
        2,
        "the caption kept, and the claim"
    );
    let missing = cat.add_claims(
        &[photos[2], PhotoId(9_999)],
        "caption",
        &Value::from("Posádka odjíždí"),
        &attributed(radio, "p. 3"),
        false,
        false,
    );
    assert!(
        matches!(missing, Err(CatalogError::NoSuchPhoto(_))),
        "{missing:?}"
    );
    assert!(cat.claims(photos[2]).unwrap().is_empty());
}

#[test]
fn keywords_can_be_claimed_and_preferred() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    let before = cat.photo(id).unwrap().unwrap().description;
    cat.add_claims(
        &[id],
        "keywords",
        &Value::from(vec!["Places|Czechoslovakia|Milovice", "odsun vojsk"]),
        &Attribution::default(),
        true,
        false,
    )
    .unwrap();
    let after = cat.photo(id).unwrap().unwrap().description;
    assert_eq!(
        after.hierarchical_keywords,
        ["Places|Czechoslovakia|Milovice"]
    );
    assert_eq!(after.keywords, ["Milovice", "odsun vojsk"]);
    assert_eq!(ids(&cat, "disputed:keyword"), [id]);
    cat.undo().unwrap();
    assert_eq!(cat.photo(id).unwrap().unwrap().description, before);
}

#[test]
fn sources_are_edited_merged_and_found_accent_blind() {
    let mut cat = Catalogue::open_in_memory().unwrap();
    let id = cat.store(&record("/archive/a.jpg", "h1")).unwrap().id();
    let radio = cat.add_source(czech_radio()).unwrap();
    let copy = cat.add_source(czech_radio()).unwrap();
    cat.add_claims(
        &[id],
        "city",
        &Value::from("Milovice"),
        &attributed(copy, "00:12:30"),
        false,
        false,
    )
    .unwrap();
    assert_eq!(cat.find_sources("SEDIVY").unwrap(), [radio, copy]);
    cat.edit_source(radio, &[("publisher".into(), "Radiožurnál".into())])
        .unwrap();
    assert_eq!(cat.find_sources("radiozurnal").unwrap(), [radio]);
    assert_eq!(cat.merge_sources(copy, radio).unwrap(), 1);
    assert_eq!(cat.sources().unwrap().len(), 1);
    assert_eq!(cat.source(radio).unwrap().photos, 1);
    cat.undo().unwrap();
    assert_eq!(cat.sources().unwrap().len(), 2);
    let bad = cat
        .edit_source(radio, &[("date".into(), "spring 1990".into())])
        .unwrap_err();
    assert!(bad.to_string().contains("source date"), "{bad}");
}

/// A claim added, or a preference moved, brings only the claims of its
/// field up to date in what search keeps; a claim removed or changed brings
/// all the photo's. Either way the marks are those read from every claim.
#[test]
fn marks_brought_up_to_date_field_by_field_are_those_of_every_claim() {
    let (mut cat, treaty, radio, paper) = the_treaty();
    let other = ids(&cat, "other")[0];
    let marks = |cat: &Catalogue| -> Vec<(i64, i64, i64, i64)> {
        cat.conn
            .prepare(
                "SELECT photo_id, disputed, sourced, certainties FROM claim_mark ORDER BY photo_id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let mut seen = BTreeSet::new();
    let mut check = |cat: &mut Catalogue, after: &str| {
        let kept = marks(cat);
        claims::StaleMarks::of([treaty, other])
            .refresh(&cat.conn)
            .unwrap();
        assert_eq!(marks(cat), kept, "after {after}");
        seen.extend(kept);
    };
    check(&mut cat, "the treaty's two dates");
    let possible = Attribution {
        certainty: Some(Certainty::Possible),
        ..attributed(paper, "p. 2")
    };
    let caption = |text: &str| Value::from(text);
    cat.add_claims(
        &[treaty, other],
        "caption",
        &caption("Odjezd"),
        &possible,
        false,
        false,
    )
    .unwrap();
    check(&mut cat, "a possible caption on both");
    let certain = Attribution {
        certainty: Some(Certainty::Certain),
        ..attributed(radio, "§ 4")
    };
    cat.add_claims(
        &[treaty, other],
        "caption",
        &caption("Příjezd"),
        &certain,
        true,
        false,
    )
    .unwrap();
    check(&mut cat, "a disagreeing caption, preferred");
    let first = cat.claims(other).unwrap()[0].id;
    cat.prefer_claim(first).unwrap();
    check(&mut cat, "a preference moved back");
    cat.edit_claim(first, &attributed(radio, "§ 5")).unwrap();
    check(&mut cat, "a claim's certainty changed");
    let possible_one = cat
        .claims(treaty)
        .unwrap()
        .into_iter()
        .find(|c| c.certainty == Some(Certainty::Possible))
        .unwrap();
    cat.remove_claim(possible_one.id).unwrap();
    check(&mut cat, "the only possible claim of a photo removed");
    cat.undo().unwrap();
    check(&mut cat, "undo of the removal");
    cat.undo().unwrap();
    cat.undo().unwrap();
    check(&mut cat, "undo of the preference and the certainty");
    cat.redo().unwrap();
    check(&mut cat, "redo");
    cat.set_field(
        other,
        Field::Caption,
        FieldValue::Text(Some("Odjezd".into())),
    )
    .unwrap();
    check(&mut cat, "a direct edit");
    let certainties: BTreeSet<i64> = seen.iter().map(|m| m.3).collect();
    let disputed: BTreeSet<i64> = seen.iter().map(|m| m.1).collect();
    assert!(
        certainties.len() >= 3 && disputed.len() >= 3,
        "the steps made and cleared marks of several kinds: {seen:?}"
    );
}
