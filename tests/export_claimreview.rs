//! The schema.org ClaimReview export through the real binary: one ClaimReview per
//! reviewer's latest verdict, the rating mapping, appearances and the first appearance
//! at an origin, the schema in `schemas/`, explicit checks of the fields search
//! engines require, and the errors for unreviewed claims and verdicts without a URL.

mod common;

use common::{assert_schema, TestDb};
use corroborate::claim::ClaimId;
use serde_json::{json, Value};

const X: &str = "Militants retook the ancient city.";
const Y: &str = "Nobody has checked this one.";

fn line(v: Value) -> String {
    v.to_string()
}

/// Claim X, five reports:
/// - Blog via AP via Osama (12-12), Echo via AP via Osama (same URL as Blog, no date);
/// - Paper via AP via Osama at 2016-12-10T08:00+02:00 (06:00 UTC): the earliest report
///   whose chain ends at an origin (Osama);
/// - Osama al-Khatib himself at 07:00 UTC the same day (later, though its text sorts
///   first);
/// - Site via AP on 12-01: earliest of all, but its chain ends at AP, who cites Osama
///   elsewhere, so not at an origin.
///
/// Verdicts on X: Desk false (12-13), Desk mixed (12-12, recorded later), "desk" is the
/// same reviewer; Other Desk true without a date. Claim Y has none.
fn fixture() -> TestDb {
    let db = TestDb::new();
    let r = |chain: &str, url: Option<&str>, date: Option<&str>| {
        let mut v = json!({"type": "report", "claim": X, "chain": chain});
        if let Some(u) = url {
            v["url"] = json!(u);
        }
        if let Some(d) = date {
            v["published"] = json!(d);
        }
        line(v)
    };
    let id = ClaimId::of_text(X).to_hex();
    db.import(
        &[
            line(json!({"type": "source", "name": "Osama al-Khatib", "kind": "person"})),
            r("Blog via AP via Osama al-Khatib", Some("https://blog.example/1"), Some("2016-12-12")),
            r("Paper via AP via Osama al-Khatib", Some("https://paper.example/2"), Some("2016-12-10T08:00:00+02:00")),
            r("Osama al-Khatib", Some("https://osama.example/3"), Some("2016-12-10T07:00:00Z")),
            r("Site via AP", Some("https://site.example/4"), Some("2016-12-01")),
            r("Echo via AP via Osama al-Khatib", Some("https://blog.example/1"), None),
            line(json!({"type": "report", "claim": Y, "chain": "Blog via ~someone"})),
            line(json!({"type": "verdict", "claim_id": id, "verdict": "false", "by": "Desk", "url": "https://check.example/x-false", "note": "Photos were old.", "date": "2016-12-13"})),
            line(json!({"type": "verdict", "claim_id": id, "verdict": "mixed", "by": "desk", "url": "https://check.example/x-mixed", "date": "2016-12-12"})),
            line(json!({"type": "verdict", "claim_id": id, "verdict": "true", "by": "Other Desk", "url": "https://other.example/x"})),
        ]
        .join("\n"),
    );
    db
}

fn reviews(db: &TestDb, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["export", "--format", "claimreview"];
    args.extend_from_slice(extra);
    let v: Value = serde_json::from_str(&db.ok(&args)).expect("json");
    assert_schema("export-claimreview.schema.json", &v);
    v.as_array().expect("array").clone()
}

/// The properties Google's fact-check markup requires, checked one by one.
fn check_required(r: &Value) {
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert!(
        r["url"].as_str().is_some_and(|u| u.starts_with("https://")),
        "{r}"
    );
    assert!(
        r["claimReviewed"].as_str().is_some_and(|t| !t.is_empty()),
        "{r}"
    );
    let rating = &r["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert!(rating["alternateName"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let (v, best, worst) = (
        rating["ratingValue"].as_i64().unwrap(),
        rating["bestRating"].as_i64().unwrap(),
        rating["worstRating"].as_i64().unwrap(),
    );
    assert!(worst <= v && v <= best, "{rating}");
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
}

#[test]
fn one_review_per_reviewer_with_the_latest_verdict() {
    let db = fixture();
    let all = reviews(&db, &["--skip-unreviewed"]);
    assert_eq!(all.len(), 2, "{all:#?}");
    for r in &all {
        check_required(r);
        assert_eq!(r["claimReviewed"], X);
    }
    let desk = all.iter().find(|r| r["author"]["name"] == "Desk").unwrap();
    assert_eq!(desk["author"]["@type"], "Organization");
    assert_eq!(desk["url"], "https://check.example/x-false");
    assert_eq!(desk["datePublished"], "2016-12-13");
    assert_eq!(desk["reviewBody"], "Photos were old.");
    assert_eq!(
        desk["reviewRating"],
        json!({"@type": "Rating", "ratingValue": 1, "bestRating": 4, "worstRating": 1, "alternateName": "False"})
    );
    let other = all
        .iter()
        .find(|r| r["author"]["name"] == "Other Desk")
        .unwrap();
    assert_eq!(other["reviewRating"]["ratingValue"], 4);
    assert_eq!(other["reviewRating"]["alternateName"], "True");
    // No date given: the time it was recorded (UTC).
    assert!(other["datePublished"].as_str().unwrap().ends_with('Z'));

    let item = &desk["itemReviewed"];
    assert_eq!(item["identifier"], ClaimId::of_text(X).to_hex());
    let urls: Vec<&str> = item["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://blog.example/1",
            "https://paper.example/2",
            "https://osama.example/3",
            "https://site.example/4"
        ]
    );
    assert_eq!(
        item["firstAppearance"],
        json!({"@type": "CreativeWork", "url": "https://paper.example/2", "datePublished": "2016-12-10T08:00:00+02:00", "author": {"@type": "Organization", "name": "Paper"}})
    );
    let osama = &item["appearance"][2];
    assert_eq!(
        osama["author"],
        json!({"@type": "Person", "name": "Osama al-Khatib"})
    );
}

#[test]
fn unreviewed_claims_fail_unless_skipped() {
    let db = fixture();
    let err = db.fails(&["export", "--format", "claimreview"], 2);
    assert!(err.contains("1 selected claim has no verdict"), "{err}");
    assert!(err.contains(&ClaimId::of_text(Y).to_hex()[..12]), "{err}");
    assert!(err.contains("--skip-unreviewed"), "{err}");
    // Selecting only the reviewed claim needs no flag.
    let x = ClaimId::of_text(X).to_hex();
    assert_eq!(reviews(&db, &["--claim", &x[..8]]).len(), 2);
    // Nothing reviewed, skipped: an empty array.
    let y = ClaimId::of_text(Y).to_hex();
    assert!(reviews(&db, &["--claim", &y[..8], "--skip-unreviewed"]).is_empty());
    // The flag belongs to claimreview.
    let err = db.fails(&["export", "--format", "csv", "--skip-unreviewed"], 2);
    assert!(err.contains("claimreview"), "{err}");
}

#[test]
fn a_verdict_without_url_is_an_error_that_says_how_to_fix_it() {
    let db = fixture();
    let y = ClaimId::of_text(Y).to_hex();
    db.ok(&["verdict", &y[..8], "unproven", "--by", "Desk"]);
    let err = db.fails(
        &["export", "--format", "claimreview", "--claim", &y[..8]],
        2,
    );
    assert!(
        err.contains("has no URL") && err.contains("--url URL"),
        "{err}"
    );
    db.ok(&[
        "verdict",
        &y[..8],
        "unproven",
        "--by",
        "Desk",
        "--url",
        "https://check.example/y",
    ]);
    let got = reviews(&db, &["--claim", &y[..8]]);
    assert_eq!(got.len(), 1);
    check_required(&got[0]);
    assert_eq!(got[0]["reviewRating"]["ratingValue"], 2);
    assert_eq!(got[0]["reviewRating"]["alternateName"], "Unproven");
    // No chain of Y ends at a named or anonymous origin with a date: no first appearance.
    assert!(got[0]["itemReviewed"].get("firstAppearance").is_none());
}

#[test]
fn the_schema_rejects_reviews_missing_what_is_required() {
    let db = fixture();
    let good: Value =
        serde_json::from_str(&db.ok(&["export", "--format", "claimreview", "--skip-unreviewed"]))
            .unwrap();
    let text =
        std::fs::read_to_string(common::root().join("schemas/export-claimreview.schema.json"))
            .unwrap();
    let schema = jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap();
    assert!(schema.is_valid(&good));
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v[0]);
        v
    };
    let cases: [(&str, Value); 5] = [
        (
            "no url",
            broken(&|r| {
                r.as_object_mut().unwrap().remove("url");
            }),
        ),
        (
            "no claimReviewed",
            broken(&|r| {
                r.as_object_mut().unwrap().remove("claimReviewed");
            }),
        ),
        (
            "no alternateName",
            broken(&|r| {
                r["reviewRating"]
                    .as_object_mut()
                    .unwrap()
                    .remove("alternateName");
            }),
        ),
        (
            "rating off the scale",
            broken(&|r| r["reviewRating"]["ratingValue"] = json!(5)),
        ),
        (
            "rating and name disagree",
            broken(&|r| {
                r["reviewRating"]["alternateName"] = json!("True");
                r["reviewRating"]["ratingValue"] = json!(1);
            }),
        ),
    ];
    for (what, v) in cases {
        assert!(!schema.is_valid(&v), "{what} passed the schema");
    }
}

#[test]
fn the_demo_newsroom_publishes_its_review() {
    let db = TestDb::new();
    db.import(corroborate::demo::DATA);
    let out = db.ok(&["export", "--format", "claimreview", "--skip-unreviewed"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    common::assert_schema("export-claimreview.schema.json", &v);
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Unproven");
    assert_eq!(
        reviews[0]["itemReviewed"]["appearance"][0]["url"],
        "https://desert-dispatch.example/2016/12/palmyra-4"
    );
}
