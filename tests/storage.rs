//! The storage contract through the real binary: verify catches a flipped ledger byte
//! and names the entry, rebuild restores identical answers, a second process gets a
//! clear lock error, a newer format is refused and an older store is rebuilt, an
//! unfinished ledger tail is trimmed,
//! and kill -9 at any moment of an import leaves all of it or none of it.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{report, TestDb};

fn sample(n: usize) -> String {
    let mut lines = vec![
        r#"{"type":"source","name":"Associated Press","aliases":["AP"],"kind":"wire_agency"}"#
            .to_string(),
        r#"{"type":"source","name":"RT","affiliations":["state-controlled:Russia"]}"#.to_string(),
    ];
    for i in 0..n {
        let chain = match i % 4 {
            0 => format!("Outlet {} via AP via Person {}", i % 37, i % 11),
            1 => format!("Outlet {} via ~an official", i % 23),
            2 => format!("Outlet {} via RT", i % 19),
            _ => format!("Outlet {} via Outlet {}", i % 7, (i + 1) % 7),
        };
        lines.push(report(
            &format!("Claim {} about the events of the day.", i / 3),
            &chain,
        ));
    }
    lines.join("\n")
}

fn answers(db: &TestDb) -> (String, String) {
    (
        db.ok(&["claims", "--format", "jsonl"]),
        db.ok(&["sources", "--format", "jsonl"]),
    )
}

#[test]
fn verify_names_the_entry_with_a_flipped_byte() {
    let db = TestDb::new();
    db.import(&sample(30));
    db.ok(&["add", "A later claim.", "--chain", "Blog via AP"]);
    assert!(db.ok(&["verify"]).contains("ok"));
    let ledger = db.path().join("ledger.log");
    let mut bytes = std::fs::read(&ledger).unwrap();
    // Flip one byte inside the claim text of the fifth entry (entry 4).
    let needle = b"Claim 1 about";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("claim text in the ledger");
    bytes[at + 6] ^= 0x20;
    std::fs::write(&ledger, &bytes).unwrap();
    let out = db.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("PROBLEM"), "{stdout}");
    // The altered entry is entry 5 (0-based), named by the link check of entry 6.
    assert!(
        stdout.contains("entry 6") && stdout.contains("entry 5"),
        "{stdout}"
    );
}

#[test]
fn verify_catches_a_store_that_disagrees_with_the_ledger() {
    let db = TestDb::new();
    db.import(&sample(20));
    // Tamper with the store: drop one claim behind the ledger's back.
    {
        let s = sled::open(db.path().join("store")).unwrap();
        let heads = s.open_tree("heads").unwrap();
        let first = heads.iter().next().unwrap().unwrap().0;
        heads.remove(first).unwrap();
        s.flush().unwrap();
    }
    let out = db.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("store differs from the ledger: heads"),
        "{stdout}"
    );
    db.ok(&["rebuild"]);
    assert!(db.ok(&["verify"]).contains("ok"));
}

#[test]
fn rebuild_after_deleting_the_store_gives_identical_answers() {
    let db = TestDb::new();
    db.import(&sample(200));
    db.ok(&["source", "alias", "AP", "Outlet 3", "--yes"]);
    db.ok(&["source", "affiliate", "Outlet 5", "group:x"]);
    let before = answers(&db);
    std::fs::remove_dir_all(db.path().join("store")).unwrap();
    let out = db.ok(&["rebuild"]);
    assert!(out.contains("rebuilt"), "{out}");
    assert_eq!(answers(&db), before);
    assert!(db.ok(&["verify"]).contains("ok"));
    // Opening without the store at all also rebuilds it from the ledger.
    std::fs::remove_dir_all(db.path().join("store")).unwrap();
    assert_eq!(answers(&db), before);
}

#[test]
fn a_second_process_gets_a_clear_lock_error() {
    let db = TestDb::new();
    db.import(&sample(5));
    let holder = corroborate::db::Database::open(&db.path()).unwrap();
    let start = Instant::now();
    let err = db.fails(&["--wait", "0", "claims"], 1);
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(err.contains("in use by another process"), "{err}");
    drop(holder);
    db.ok(&["claims"]);
}

#[test]
fn a_store_in_an_older_format_is_rebuilt_from_the_ledger() {
    let db = TestDb::new();
    db.import(&sample(60));
    db.ok(&["source", "alias", "AP", "Outlet 3", "--yes"]);
    let before = answers(&db);
    {
        // What a build that wrote store format 1 leaves: its own trees and format 1.
        let s = sled::open(db.path().join("store")).unwrap();
        s.drop_tree("heads").unwrap();
        s.open_tree("claims")
            .unwrap()
            .insert([0u8; 32], b"\x01old value".as_slice())
            .unwrap();
        s.open_tree("meta")
            .unwrap()
            .insert("format", &1u32.to_be_bytes())
            .unwrap();
        s.flush().unwrap();
    }
    assert_eq!(answers(&db), before);
    assert!(db.ok(&["verify"]).contains("ok"));
    let s = sled::open(db.path().join("store")).unwrap();
    assert!(!s.tree_names().iter().any(|n| n.as_ref() == b"claims"));
}

#[test]
fn a_newer_format_is_refused() {
    let db = TestDb::new();
    db.import(&sample(5));
    {
        let s = sled::open(db.path().join("store")).unwrap();
        s.open_tree("meta")
            .unwrap()
            .insert("format", &99u32.to_be_bytes())
            .unwrap();
        s.flush().unwrap();
    }
    let err = db.fails(&["claims"], 1);
    assert!(
        err.contains("format version 99") && err.contains("upgrade"),
        "{err}"
    );
}

#[test]
fn an_unfinished_tail_is_trimmed_on_open() {
    let db = TestDb::new();
    db.import(&sample(10));
    let before = answers(&db);
    let ledger = db.path().join("ledger.log");
    let len = std::fs::metadata(&ledger).unwrap().len();
    // A torn entry: a length prefix and half a body.
    let mut bytes = std::fs::read(&ledger).unwrap();
    bytes.extend_from_slice(&200u32.to_le_bytes());
    bytes.extend_from_slice(&[7u8; 50]);
    std::fs::write(&ledger, &bytes).unwrap();
    assert_eq!(answers(&db), before);
    assert_eq!(std::fs::metadata(&ledger).unwrap().len(), len);
    assert!(db.ok(&["verify"]).contains("ok"));
}

#[test]
fn a_zero_filled_tail_is_trimmed_but_other_damage_is_not() {
    let db = TestDb::new();
    db.import(&sample(10));
    let before = answers(&db);
    let ledger = db.path().join("ledger.log");
    let good = std::fs::read(&ledger).unwrap();
    // What a crash can leave on some file systems: the end of the file as zeros.
    let mut zeros = good.clone();
    zeros.extend_from_slice(&[0u8; 4096]);
    std::fs::write(&ledger, &zeros).unwrap();
    assert_eq!(answers(&db), before);
    assert_eq!(std::fs::read(&ledger).unwrap(), good);
    // Garbage after the last commit is not a torn write: keep the bytes, say so, show
    // what the store holds, and refuse to write.
    let mut garbage = good.clone();
    garbage.extend_from_slice(&[0u8, 0, 0, 0, 1, 2, 3]);
    std::fs::write(&ledger, &garbage).unwrap();
    let out = db
        .cmd()
        .args(["claims", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), before.0);
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("ledger is damaged"), "{note}");
    let err = db.fails(&["add", "One more.", "--chain", "Blog via AP"], 1);
    assert!(err.contains("ledger is damaged"), "{err}");
    assert_eq!(std::fs::read(&ledger).unwrap(), garbage);
}

fn count_claims(db: &TestDb) -> usize {
    db.ok(&["claims", "--format", "jsonl"]).lines().count()
}

#[test]
fn kill_9_during_import_is_all_or_nothing() {
    let base = sample(30);
    let scratch = tempfile::tempdir().unwrap();
    let big_path = scratch.path().join("big.jsonl");
    // Distinct claims, so that a complete import is visible in the count.
    let n_big = 10_000;
    let big: Vec<String> = (0..n_big)
        .map(|i| {
            report(
                &format!("Bulk claim {i} with enough text to be realistic."),
                &format!(
                    "Outlet {} via Agency {} via Person {}",
                    i % 101,
                    i % 7,
                    i % 13
                ),
            )
        })
        .collect();
    std::fs::write(&big_path, big.join("\n")).unwrap();

    // How long a whole import takes, so that kills land while lines are validated and
    // appended, around the commit, and while the store is being filled.
    let probe = TestDb::new();
    probe.import(&base);
    let base_claims = count_claims(&probe);
    let t = Instant::now();
    probe.ok(&["import", big_path.to_str().unwrap()]);
    let whole = t.elapsed();
    let full = base_claims + n_big;
    assert_eq!(count_claims(&probe), full);

    let mut outcomes = Vec::new();
    for frac in [0.15, 0.45, 0.7, 0.9, 1.0] {
        let db = TestDb::new();
        db.import(&base);
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
            .arg("--db")
            .arg(db.path())
            .arg("import")
            .arg(&big_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole.mul_f64(frac));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let n = count_claims(&db);
        assert!(
            n == base_claims || n == full,
            "after a kill at {frac} of an import: {n} claims, expected {base_claims} or {full}"
        );
        let v = db.ok(&["verify"]);
        assert!(v.contains("ok"), "{v}");
        outcomes.push((frac, n == full));
        // Importing again after the kill completes it, exactly once.
        db.ok(&["import", big_path.to_str().unwrap()]);
        assert_eq!(count_claims(&db), full);
    }
    eprintln!("kill points (fraction of one import, import complete?): {outcomes:?}; one import takes {whole:?}");
}
