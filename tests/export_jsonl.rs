//! The JSONL backup through the real binary: a round trip of a large generated
//! database (aliases, domains, affiliations, anonymous hops, loops, merges, verdicts)
//! into an empty one gives the same claims, counts, report ids, sources and verdicts;
//! every line matches `schemas/record.schema.json`; filtered backups carry only the
//! selected claims and the sources they cite; `-o` writes atomically and refuses to
//! overwrite; a closed pipe ends the export quietly.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{assert_schema, report, TestDb};
use serde_json::{json, Value};

/// A small deterministic generator (64-bit LCG), so the data is the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const SOURCES: u64 = 400;
const CLAIMS: u64 = 4000;
const REPORTS: u64 = 20_000;

/// One way of writing source `i` in a chain: its name, an alias, its homepage domain or
/// a URL on it (for the sources that have them).
fn written(i: u64, how: u64) -> String {
    match how {
        1 if i.is_multiple_of(2) => format!("S{i}"),
        2 if i.is_multiple_of(3) => format!("s{i}.example.org"),
        3 if i.is_multiple_of(3) => format!("https://www.s{i}.example.org/story/{how}"),
        _ => format!("Source {i}"),
    }
}

/// The generated database as JSONL: sources, 20,000 reports over 4,000 claims, verdicts.
fn generated() -> String {
    let mut rng = Lcg(7);
    let mut lines = Vec::new();
    let kinds = [
        "wire_agency",
        "newspaper",
        "broadcaster",
        "online_outlet",
        "ngo",
        "government",
        "person",
        "social_account",
        "other",
    ];
    for i in 0..SOURCES {
        let mut s = json!({"type": "source", "name": format!("Source {i}"), "kind": kinds[(i % 9) as usize]});
        if i % 2 == 0 {
            s["aliases"] = json!([format!("S{i}")]);
        }
        if i % 3 == 0 {
            s["homepage"] = json!(format!("https://www.s{i}.example.org"));
        }
        if i % 5 == 0 {
            s["affiliations"] = json!([format!("group:{}", i % 35)]);
        }
        if i % 4 == 0 {
            s["rating"] = json!((i % 10) as f64 / 10.0);
        }
        lines.push(s.to_string());
    }
    for k in 0..REPORTS {
        let c = k % CLAIMS;
        // Different spellings of one claim: the first one seen is kept as its text.
        let text = match k / CLAIMS % 3 {
            0 => format!("Claim number {c} happened, officials said."),
            1 => format!("claim NUMBER {c} happened, officials said"),
            _ => format!("  Claim number {c}   happened, officials said..."),
        };
        let hops = 1 + rng.next(4);
        let mut chain: Vec<Value> = Vec::new();
        for h in 0..hops {
            // Claims 0..40 get two chains citing each other: circular reporting.
            let i = if c < 40 && h < 2 {
                (c + (k / CLAIMS + h) % 2) % SOURCES
            } else {
                rng.next(SOURCES)
            };
            chain.push(json!(written(i, rng.next(4))));
            if h > 0 && rng.next(12) == 0 {
                chain.push(json!({"name": format!("an aide {}", rng.next(3)), "anonymous": true}));
            }
        }
        if rng.next(5) == 0 {
            chain.push(json!(format!("~a local official {}", rng.next(4))));
        }
        // A few sources that exist only as domains in chains.
        if rng.next(40) == 0 {
            chain.push(json!(format!("news{}.example.net", rng.next(20))));
        }
        let mut r = json!({"type": "report", "claim": text, "chain": chain});
        if rng.next(2) == 0 {
            r["url"] = json!(format!("https://outlet.example/{k}?q=\"x\""));
        }
        if rng.next(3) > 0 {
            r["published"] = json!(format!(
                "2016-12-{:02}T{:02}:00:00Z",
                1 + rng.next(28),
                rng.next(24)
            ));
        }
        lines.push(r.to_string());
    }
    for c in (0..CLAIMS).step_by(97) {
        let verdict = ["true", "false", "mixed", "unproven"][(c % 4) as usize];
        let text = format!("Claim number {c} happened, officials said.");
        let mut v = json!({"type": "verdict", "claim": text, "verdict": verdict});
        if c % 2 == 0 {
            v["by"] = json!("Desk");
            v["url"] = json!(format!("https://factcheck.example/{c}"));
            v["note"] = json!("checked, \"twice\"\nand again");
        }
        if c % 3 == 0 {
            v["date"] = json!("2016-12-20");
        }
        lines.push(v.to_string());
    }
    lines.join("\n")
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().filter(|l| !l.is_empty()).collect()
}

/// Report ids of one claim, from `show --format json`.
fn report_ids(db: &TestDb, id: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(&db.ok(&["show", id, "--format", "json"])).unwrap();
    v["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["report"].as_str().unwrap().to_string())
        .collect()
}

/// Verdicts of one claim as `show` gives them, without `entry` (the ledger offset of
/// the verdict in that database, which a restore does not keep).
fn verdicts(db: &TestDb, id: &str) -> Value {
    let mut v: Value = serde_json::from_str(&db.ok(&["show", id, "--format", "json"])).unwrap();
    for x in v["verdicts"].as_array_mut().unwrap() {
        x.as_object_mut().unwrap().remove("entry");
    }
    v["verdicts"].clone()
}

#[test]
fn round_trip_of_a_large_database_keeps_ids_counts_and_verdicts() {
    let a = TestDb::new();
    a.import(&generated());
    // Registry changes after the reports: merges (explicit, and by an alias that
    // names another source), a new affiliation, then more reports through old names.
    a.ok(&["source", "merge", "Source 1", "Source 2", "--yes"]);
    a.ok(&["source", "alias", "Source 5", "Source 7", "--yes"]);
    a.ok(&["source", "merge", "Source 5", "s9.example.org", "--yes"]);
    a.ok(&["source", "affiliate", "Source 11", "group:3"]);
    a.import(
        &[
            report(
                "Claim number 1 happened, officials said.",
                "S2 via Source 7 via ~a spokesman",
            ),
            report("A late claim.", "https://www.s9.example.org/x via Source 2"),
            r#"{"type":"source","name":"Late Parent"}"#.to_string(),
            report("A subdomain claim.", "Blog via wire.late.example.com"),
        ]
        .join("\n"),
    );
    // The parent domain's homepage is set after its sub-domain became a source of its
    // own: a backup that gave homepages with the names would fold the sub-domain
    // source into the parent on restore.
    a.ok(&[
        "source",
        "set",
        "Late Parent",
        "--homepage",
        "https://late.example.com",
    ]);

    let backup = a.ok(&["export", "--format", "jsonl"]);
    let records = lines(&backup);
    let schema_text =
        std::fs::read_to_string(common::root().join("schemas/record.schema.json")).unwrap();
    let validator =
        jsonschema::validator_for(&serde_json::from_str(&schema_text).unwrap()).unwrap();
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    let mut seen_source = false;
    let mut after_source = false;
    for l in &records {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(validator.is_valid(&v), "schema: {l}");
        let t = v["type"].as_str().unwrap().to_string();
        // Sources come first, then reports and verdicts.
        if t == "source" {
            assert!(!after_source, "a source after a report: {l}");
            seen_source = true;
        } else {
            after_source = true;
        }
        *kinds.entry(t).or_default() += 1;
    }
    assert!(seen_source);
    let listing = a.ok(&["claims", "--format", "jsonl"]);
    let claims: Vec<Value> = lines(&listing)
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(claims.len() as u64, CLAIMS + 2);
    let total_reports: u64 = claims.iter().map(|c| c["reports"].as_u64().unwrap()).sum();
    assert_eq!(kinds["report"] as u64, total_reports);
    assert!(total_reports > 19_000, "{total_reports}");
    assert_eq!(kinds["verdict"], (CLAIMS as usize).div_ceil(97));
    // Merged sources are aliases, not sources of their own.
    assert!(
        !backup.contains(r#""name":"Source 2","#),
        "merged source exported"
    );
    assert!(claims.iter().any(|c| c["circular"] == true));
    assert!(claims.iter().any(|c| c["anonymous_only"] == true));

    let b = TestDb::new();
    b.import(&backup);
    assert_eq!(b.ok(&["claims", "--format", "jsonl"]), listing);
    assert_eq!(
        b.ok(&["sources", "--format", "jsonl"]),
        a.ok(&["sources", "--format", "jsonl"])
    );
    // Exporting the restored database gives the same backup.
    assert_eq!(b.ok(&["export", "--format", "jsonl"]), backup);
    // Report ids and verdicts of a sample (the merged sources' claims, a loop, a
    // verdict without a date, the late claim).
    let mut sample: BTreeSet<String> = BTreeSet::new();
    for c in claims.iter().step_by(331) {
        sample.insert(c["id"].as_str().unwrap().to_string());
    }
    for text in [
        "Claim number 1 happened, officials said.",
        "Claim number 0 happened, officials said.",
        "Claim number 97 happened, officials said.",
        "A late claim.",
        "A subdomain claim.",
    ] {
        sample.insert(corroborate::claim::ClaimId::of_text(text).to_hex());
    }
    for id in &sample {
        let ids = report_ids(&a, id);
        assert!(!ids.is_empty());
        assert_eq!(report_ids(&b, id), ids, "claim {id}");
        assert_eq!(verdicts(&b, id), verdicts(&a, id), "claim {id}");
    }
    let v = b.ok(&["verify"]);
    assert!(!v.contains("PROBLEM"), "{v}");
}

const DEMO: &str = include_str!("../src/demo.jsonl");

#[test]
fn filtered_backup_has_the_selected_claims_and_their_sources() {
    let a = TestDb::new();
    a.import(DEMO);
    let want = a.claims(&["--single-source"]);
    assert!(!want.is_empty());
    let out = a.ok(&["export", "--format", "jsonl", "--single-source"]);
    let mut names = BTreeSet::new();
    let mut cited = BTreeSet::new();
    for l in lines(&out) {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_schema("record.schema.json", &v);
        match v["type"].as_str().unwrap() {
            "source" => {
                names.insert(v["name"].as_str().unwrap().to_string());
            }
            "report" => {
                for h in v["chain"].as_array().unwrap() {
                    if let Some(n) = h.as_str() {
                        cited.insert(n.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(names, cited, "sources written are exactly those cited");
    let b = TestDb::new();
    b.import(&out);
    assert_eq!(b.claims(&[]), want);

    // --claim with a prefix, twice: one claim.
    let id = want[0]["id"].as_str().unwrap();
    let one = a.ok(&["export", "--claim", &id[..8], "--claim", id]);
    let c = TestDb::new();
    c.import(&one);
    let got = c.claims(&[]);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0], want[0]);
    // Filters narrow an explicit list; nothing selected is an empty backup.
    let none = a.ok(&["export", "--claim", &id[..8], "--min-sources", "5"]);
    assert_eq!(none, "");
    let err = a.fails(&["export", "--claim", "zzzz"], 2);
    assert!(err.contains("prefix"), "{err}");
}

#[test]
fn output_files_are_written_atomically_and_never_clobbered() {
    let db = TestDb::new();
    db.import(DEMO);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.jsonl");
    let f = file.to_str().unwrap();
    let msg = db.ok(&["export", "-o", f]);
    assert!(msg.contains("exported 8 claims"), "{msg}");
    let first = std::fs::read_to_string(&file).unwrap();
    assert_eq!(first, db.ok(&["export"]));

    std::fs::write(&file, "keep me").unwrap();
    let err = db.fails(&["export", "-o", f], 2);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    db.ok(&["export", "-o", f, "--force"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);

    let err = db.fails(&["export", "-o", dir.path().to_str().unwrap()], 2);
    assert!(err.contains("is a directory"), "{err}");
    let deep = dir.path().join("missing/sub/out.jsonl");
    let err = db.fails(&["export", "-o", deep.to_str().unwrap()], 2);
    assert!(err.contains("does not exist"), "{err}");
    assert!(
        !dir.path().join("missing").exists(),
        "no directory is created"
    );
    let slash = format!("{}/", dir.path().join("newdir").display());
    let err = db.fails(&["export", "-o", &slash], 2);
    assert!(err.contains("names a directory"), "{err}");
    assert!(!dir.path().join("newdir").exists());

    // A failing export leaves neither the target nor a temporary file.
    let cr = dir.path().join("reviews.json");
    db.fails(
        &[
            "export",
            "--format",
            "claimreview",
            "-o",
            cr.to_str().unwrap(),
        ],
        2,
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["backup.jsonl".to_string()]);
}

#[test]
fn a_closed_pipe_ends_the_export_quietly() {
    let claims = |n: usize| -> TestDb {
        let db = TestDb::new();
        let many: Vec<String> = (0..n)
            .map(|i| {
                report(
                    &format!("Claim {i} is padded to make the output long enough."),
                    "A via B via C",
                )
            })
            .collect();
        db.import(&many.join("\n"));
        db
    };
    let big = claims(3000);
    // One graph takes at most 300 claims; their DOT is still far more than a pipe holds.
    let graph = claims(300);
    for (format, db) in [("jsonl", &big), ("csv", &big), ("dot", &graph)] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
            .args([
                "--db",
                db.path().to_str().unwrap(),
                "export",
                "--format",
                format,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is gone; the export must stop with success and say nothing.
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

#[test]
fn exports_own_format_flag_leaves_the_listing_one_alone() {
    let db = TestDb::new();
    db.import(DEMO);
    // The listing --format still works everywhere, before or after the command.
    let listing: Value = serde_json::from_str(&db.ok(&["claims", "--format", "json"])).unwrap();
    assert_eq!(listing.as_array().unwrap().len(), 8);
    let listing: Value = serde_json::from_str(&db.ok(&["--format", "json", "claims"])).unwrap();
    assert_eq!(listing.as_array().unwrap().len(), 8);
    // export has its own values; a listing --format before it is never silently
    // ignored (issue 13): one that is not an export format is refused, even when
    // export's own --format follows (see cli.rs for the ones that are honoured).
    assert!(db.ok(&["export", "--format", "dot"]).starts_with("digraph"));
    let err = db.fails(&["--format", "json", "export", "--format", "csv"], 2);
    assert!(err.contains("not an export format"), "{err}");
    let err = db.fails(&["claims", "--format", "dot"], 2);
    assert!(err.contains("invalid value 'dot'"), "{err}");
    let err = db.fails(&["export", "--format", "table"], 2);
    assert!(err.contains("invalid value 'table'"), "{err}");
    // The default export is the JSONL backup.
    assert_eq!(db.ok(&["export"]), db.ok(&["export", "--format", "jsonl"]));
}
