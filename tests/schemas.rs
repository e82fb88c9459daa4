//! Every example record we publish (the demo data, the JSON examples in the user
//! guide) validates against `schemas/record.schema.json`, and the schema and the
//! parser agree on what they accept and reject.

mod common;

use common::{assert_schema, root};
use serde_json::Value;

fn record_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas/record.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

#[test]
fn the_demo_data_validates_and_parses() {
    for (i, line) in corroborate::demo::DATA.lines().enumerate() {
        let v: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("demo line {}: {e}", i + 1));
        assert_schema("record.schema.json", &v);
        corroborate::record::parse_line(line)
            .unwrap_or_else(|e| panic!("demo line {}: {e}", i + 1));
    }
}

#[test]
fn the_guides_example_records_validate() {
    let guide = std::fs::read_to_string(root().join("docs/guide.md")).unwrap();
    let mut checked = 0;
    for block in guide.split("```json\n").skip(1) {
        let body = block.split("```").next().unwrap();
        for line in body.lines().filter(|l| l.trim_start().starts_with('{')) {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            if v.get("type").is_some() {
                assert_schema("record.schema.json", &v);
                corroborate::record::parse_line(line).unwrap_or_else(|e| panic!("{line}: {e}"));
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 3,
        "expected the guide's report, source and verdict examples"
    );
}

#[test]
fn schema_and_parser_agree() {
    let v = record_schema();
    let accepted = [
        r#"{"type":"report","claim":"c","chain":"A via ~b"}"#,
        r#"{"type":"report","claim":"c","chain":["A",{"name":"b","anonymous":true}],"published":"2016-12-10T18:30:00Z"}"#,
        r#"{"type":"source","name":"A","kind":"ngo","rating":0}"#,
        r#"{"type":"source","name":"A","kind":"Wire Agency"}"#,
        r#"{"type":"source","name":"A","kind":"social-account"}"#,
        r#"{"type":"verdict","claim":"c","verdict":"mixed"}"#,
    ];
    let rejected = [
        r#"{"type":"report","claim":"c"}"#,
        r#"{"type":"report","claim":"c","chain":"A","extra":true}"#,
        r#"{"type":"source","name":"A","rating":2}"#,
        r#"{"type":"source","name":"A","kind":"blog"}"#,
        r#"{"type":"source","name":"A","kind":"wireagency"}"#,
        r#"{"type":"verdict","claim":"c","claim_id":"00","verdict":"true"}"#,
        r#"{"type":"verdict","verdict":"true"}"#,
        r#"{"type":"report","claim":"c","chain":"A","url":"ftp://x.y/z"}"#,
        r#"{"type":"report","claim":"c","chain":[]}"#,
    ];
    for line in accepted {
        let j: Value = serde_json::from_str(line).unwrap();
        assert!(v.is_valid(&j), "schema rejects {line}");
        assert!(
            corroborate::record::parse_line(line).is_ok(),
            "parser rejects {line}"
        );
    }
    for line in rejected {
        let j: Value = serde_json::from_str(line).unwrap();
        assert!(!v.is_valid(&j), "schema accepts {line}");
        assert!(
            corroborate::record::parse_line(line).is_err(),
            "parser accepts {line}"
        );
    }
}
