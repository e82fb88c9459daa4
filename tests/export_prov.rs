//! The W3C PROV-JSON export through the real binary: a small fixture whose entities,
//! derivations, attributions and agents are counted by hand, checked in Rust, against
//! `schemas/export-prov.schema.json`, and by the Python `prov` library (loaded from
//! PROV-JSON and serialized to PROV-N).

mod common;

use common::{assert_schema, TestDb};
use serde_json::Value;

/// Claim X: four reports; claim Y: a loop of two.
///
/// | report | hops | quotations | primary source |
/// | --- | --- | --- | --- |
/// | Blog via Arutz Sheva via AP via Osama al-Khatib | 4 | 3 | yes: Osama is an origin |
/// | Paper via ~an official | 2 | 1 | yes: "anonymous source of Paper" is an origin |
/// | Osama al-Khatib | 1 | 0 | no: one hop |
/// | Site via AP | 2 | 1 | no: AP cites Osama elsewhere, so it is no origin |
/// | A via B, B via A | 2 + 2 | 1 + 1 | no: a circular sink has no origin |
///
/// Entities: 2 claims + 13 statements = 15. Derivations: 7 quotations + 2 primary = 9.
/// Attributions and specializations: one per statement, 13. Agents: Blog, Arutz Sheva,
/// AP, Osama (a person), Paper, the official, Site, A, B = 9.
const FIXTURE: &str = r#"{"type":"source","name":"Osama al-Khatib","kind":"person"}
{"type":"report","claim":"X happened.","chain":"Blog via Arutz Sheva via AP via Osama al-Khatib","url":"https://blog.example/x","published":"2016-12-11"}
{"type":"report","claim":"X happened.","chain":"Paper via ~an official"}
{"type":"report","claim":"X happened.","chain":"Osama al-Khatib"}
{"type":"report","claim":"X happened.","chain":"Site via AP"}
{"type":"report","claim":"Y happened.","chain":"A via B"}
{"type":"report","claim":"Y happened.","chain":"B via A"}"#;

fn export(db: &TestDb, extra: &[&str]) -> Value {
    let mut args = vec!["export", "--format", "prov"];
    args.extend_from_slice(extra);
    serde_json::from_str(&db.ok(&args)).expect("json")
}

fn section<'a>(doc: &'a Value, name: &str) -> &'a serde_json::Map<String, Value> {
    doc[name].as_object().unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn prov_document_has_the_hand_counted_records() {
    let db = TestDb::new();
    db.import(FIXTURE);
    let doc = export(&db, &[]);
    assert_schema("export-prov.schema.json", &doc);
    assert_eq!(section(&doc, "entity").len(), 15);
    let derived = section(&doc, "wasDerivedFrom");
    assert_eq!(derived.len(), 9);
    let of_type = |t: &str| {
        derived
            .values()
            .filter(|d| d["prov:type"]["$"] == t)
            .collect::<Vec<_>>()
    };
    assert_eq!(of_type("prov:Quotation").len(), 7);
    let primary = of_type("prov:PrimarySource");
    assert_eq!(primary.len(), 2);
    assert_eq!(section(&doc, "wasAttributedTo").len(), 13);
    assert_eq!(section(&doc, "specializationOf").len(), 13);
    let agents = section(&doc, "agent");
    assert_eq!(agents.len(), 9);
    let persons: Vec<&Value> = agents
        .values()
        .filter(|a| a["prov:type"]["$"] == "prov:Person")
        .collect();
    assert_eq!(persons.len(), 1);
    assert_eq!(persons[0]["prov:label"], "Osama al-Khatib");
    assert_eq!(
        agents
            .values()
            .filter(|a| a["crb:anonymous"] == true)
            .count(),
        1
    );

    // The primary sources are Osama's statement and the official's, each used by the
    // reader-facing statement of its report.
    let entity = section(&doc, "entity");
    let attributed = section(&doc, "wasAttributedTo");
    let agent_of = |stmt: &str| {
        let a = attributed
            .values()
            .find(|r| r["prov:entity"] == stmt)
            .unwrap();
        agents[a["prov:agent"].as_str().unwrap()]["prov:label"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut used: Vec<String> = primary
        .iter()
        .map(|d| {
            let gen = d["prov:generatedEntity"].as_str().unwrap();
            assert!(gen.ends_with("-0"), "{gen}");
            agent_of(d["prov:usedEntity"].as_str().unwrap())
        })
        .collect();
    used.sort();
    assert_eq!(
        used,
        ["Osama al-Khatib", "an official (anonymous source of Paper)"]
    );
    // The reader-facing statement carries the report's URL and date.
    let blog = entity
        .iter()
        .find(|(k, v)| k.ends_with("-0") && v.get("crb:url").is_some())
        .unwrap()
        .1;
    assert_eq!(blog["crb:url"]["$"], "https://blog.example/x");
    assert_eq!(blog["crb:published"], "2016-12-11");
    // Every statement is a specialization of its claim.
    let x = format!(
        "claim:{}",
        corroborate::claim::ClaimId::of_text("X happened.").to_hex()
    );
    let of_x = section(&doc, "specializationOf")
        .values()
        .filter(|s| s["prov:generalEntity"] == x.as_str())
        .count();
    assert_eq!(of_x, 9);

    // One claim selected: only its records.
    let only_y = export(
        &db,
        &[
            "--claim",
            &corroborate::claim::ClaimId::of_text("Y happened.").to_hex()[..8],
        ],
    );
    assert_schema("export-prov.schema.json", &only_y);
    assert_eq!(section(&only_y, "entity").len(), 5);
    assert_eq!(section(&only_y, "wasDerivedFrom").len(), 2);
    assert_eq!(section(&only_y, "agent").len(), 2);
}

#[test]
fn python_prov_loads_the_export_and_writes_prov_n() {
    let py = common::python_with("prov.model");
    let db = TestDb::new();
    db.import(FIXTURE);
    let content = db.ok(&["export", "--format", "prov"]);
    let script = r#"
import json, sys
import prov.model as pm
doc = pm.ProvDocument.deserialize(content=sys.stdin.read(), format='json')
provn = doc.get_provn()
assert provn.startswith('document'), provn[:100]
ders = list(doc.get_records(pm.ProvDerivation))
types = [str(v) for d in ders for (k, v) in d.attributes if str(k) == 'prov:type']
print(json.dumps({
    'entities': len(list(doc.get_records(pm.ProvEntity))),
    'derivations': len(ders),
    'quotations': types.count('prov:Quotation'),
    'primary': types.count('prov:PrimarySource'),
    'agents': len(list(doc.get_records(pm.ProvAgent))),
    'attributions': len(list(doc.get_records(pm.ProvAttribution))),
    'specializations': len(list(doc.get_records(pm.ProvSpecialization))),
    'provn_records': sum(1 for l in provn.splitlines() if l.strip().startswith(
        ('entity(', 'agent(', 'wasDerivedFrom(', 'wasAttributedTo(', 'specializationOf('))),
}))
"#;
    let got = common::run_python(&py, script, &content, "prov failed");
    assert_eq!(got["entities"], 15);
    assert_eq!(got["derivations"], 9);
    assert_eq!(got["quotations"], 7);
    assert_eq!(got["primary"], 2);
    assert_eq!(got["agents"], 9);
    assert_eq!(got["attributions"], 13);
    assert_eq!(got["specializations"], 13);
    // The PROV-N text has every record: 9 agents, 15 entities, 9 + 13 + 13 relations.
    assert_eq!(got["provn_records"], 59, "{got}");
}

#[test]
fn the_schema_rejects_documents_outside_the_mapping() {
    let db = TestDb::new();
    db.import(FIXTURE);
    let good = export(&db, &[]);
    let text =
        std::fs::read_to_string(common::root().join("schemas/export-prov.schema.json")).unwrap();
    let schema = jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap();
    assert!(schema.is_valid(&good));
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("prefix");
    assert!(!schema.is_valid(&v), "no prefixes");
    let mut v = good.clone();
    let first = v["wasDerivedFrom"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap();
    first["prov:type"]["$"] = Value::from("prov:Revision");
    assert!(!schema.is_valid(&v), "a derivation type we do not use");
    let mut v = good.clone();
    let first = v["agent"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .find(|a| a.get("prov:type").is_some())
        .unwrap();
    first["prov:type"]["$"] = Value::from("prov:SoftwareAgent");
    assert!(!schema.is_valid(&v), "an agent type we do not use");
}
