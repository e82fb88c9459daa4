//! Recovery never makes things worse, through the real binary: a damaged ledger stops
//! writes but not reads, `rebuild` refuses what would lose records and changes
//! nothing then, `salvage` keeps the intact part and accounts for the rest, a store
//! that reads as damaged is rebuilt by itself, a full disk fails a write cleanly and
//! leaves the database as it was, a read-only database can be read, and readers wait
//! for a writer.
//!
//! The full-disk and read-only cases mount small tmpfs file systems, which needs root
//! (CI runs as root); without it they fail and say so.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{report, TestDb};

fn sample(n: usize) -> String {
    (0..n)
        .map(|i| {
            report(
                &format!("Claim {i} about the harbour."),
                &format!("Outlet {} via Agency {} via ~an official", i % 9, i % 4),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn listing(db: &TestDb) -> String {
    db.ok(&["claims", "--format", "jsonl"])
}

/// Flip one bit inside the first occurrence of `needle` in the ledger.
fn flip(db: &TestDb, needle: &str) {
    let path = db.path().join("ledger.log");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .expect("the text is in the ledger");
    bytes[at + 1] ^= 0x20;
    std::fs::write(&path, &bytes).unwrap();
}

fn stderr_of(db: &TestDb, args: &[&str]) -> (bool, String, String) {
    let out = db.cmd().args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_damaged_ledger_stops_writes_but_reads_exports_and_salvage_work() {
    let db = TestDb::new();
    db.import(&sample(20));
    db.ok(&["add", "A second commit.", "--chain", "Blog via AP"]);
    db.ok(&["add", "A third commit.", "--chain", "Blog via Reuters"]);
    let before = listing(&db);
    flip(&db, "A second commit.");
    let ledger = std::fs::read(db.path().join("ledger.log")).unwrap();

    // Writes are refused, and the ledger is not touched.
    let err = db.fails(&["add", "More.", "--chain", "X via Y"], 1);
    assert!(
        err.contains("ledger is damaged") && err.contains("salvage"),
        "{err}"
    );
    assert_eq!(std::fs::read(db.path().join("ledger.log")).unwrap(), ledger);
    // Reads and the backup still work.
    assert_eq!(listing(&db).lines().count(), before.lines().count());
    assert_eq!(
        db.ok(&["export", "--format", "jsonl"])
            .lines()
            .filter(|l| l.contains("\"report\""))
            .count(),
        22
    );
    // Rebuild refuses and changes nothing: the store still answers as before.
    let err = db.fails(&["rebuild"], 1);
    assert!(err.contains("ledger is damaged"), "{err}");
    assert_eq!(listing(&db).lines().count(), 22);

    // Salvage keeps the first import (the commit before the damage), lists the rest,
    // and leaves the damaged database as it was.
    let scratch = tempfile::tempdir().unwrap();
    let to = scratch.path().join("salvaged");
    let lost = scratch.path().join("lost.jsonl");
    let out = db.ok(&[
        "salvage",
        to.to_str().unwrap(),
        "--lost",
        lost.to_str().unwrap(),
    ]);
    assert!(out.contains("21 entries"), "{out}");
    assert!(out.contains("may have been altered"), "{out}");
    assert!(out.contains("A third commit."), "{out}");
    assert_eq!(std::fs::read(db.path().join("ledger.log")).unwrap(), ledger);
    let new_claims = |args: &[&str]| {
        let o = bin(&to, args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    assert_eq!(
        new_claims(&["claims", "--format", "jsonl"]).lines().count(),
        20
    );
    assert!(new_claims(&["verify"]).contains("ok"));
    // The lost records that were not altered can be imported again.
    let records = std::fs::read_to_string(&lost).unwrap();
    assert_eq!(records.lines().count(), 1, "{records}");
    assert!(records.contains("A third commit."));
    new_claims(&["import", lost.to_str().unwrap()]);
    assert_eq!(
        new_claims(&["claims", "--format", "jsonl"]).lines().count(),
        21
    );
}

#[test]
fn a_lost_or_shortened_ledger_is_never_papered_over() {
    let db = TestDb::new();
    db.import(&sample(30));
    let before = listing(&db);
    let path = db.path().join("ledger.log");
    let good = std::fs::read(&path).unwrap();

    // Deleted: every command refuses (no new empty ledger appears), rebuild too.
    std::fs::remove_file(&path).unwrap();
    for args in [vec!["claims"], vec!["verify"], vec!["rebuild"]] {
        let err = db.fails(&args, 1);
        assert!(err.contains("missing from the ledger"), "{args:?}: {err}");
        assert!(err.contains("Do not delete the store"), "{err}");
    }
    assert!(!path.exists());
    assert!(db.path().join("store").is_dir());

    // Truncated: the same.
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    let err = db.fails(&["rebuild"], 1);
    assert!(err.contains("missing from the ledger"), "{err}");
    let err = db.fails(&["add", "x", "--chain", "A via B"], 1);
    assert!(err.contains("missing from the ledger"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), &good[..good.len() / 2]);

    // Put back, everything is as it was.
    std::fs::write(&path, &good).unwrap();
    assert_eq!(listing(&db), before);
    assert!(db.ok(&["verify"]).contains("ok"));
}

#[test]
fn rebuild_works_beside_the_old_store_and_a_broken_rebuild_is_finished() {
    let db = TestDb::new();
    db.import(&sample(30));
    let before = listing(&db);
    // A rebuild that died half-way left a partial new store: it is discarded.
    std::fs::create_dir_all(db.path().join("store.new/junk")).unwrap();
    assert_eq!(listing(&db), before);
    assert!(!db.path().join("store.new").exists());
    // One that died between the two renames: the old store is put back.
    std::fs::rename(db.path().join("store"), db.path().join("store.old")).unwrap();
    assert_eq!(listing(&db), before);
    assert!(db.path().join("store").is_dir() && !db.path().join("store.old").exists());
    let out = db.ok(&["rebuild"]);
    assert!(out.contains("30 claims"), "{out}");
    assert_eq!(listing(&db), before);
    assert!(db.ok(&["verify"]).contains("ok"));
}

#[test]
fn a_store_that_reads_as_damaged_is_rebuilt_saying_so() {
    let db = TestDb::new();
    db.import(&sample(15));
    db.ok(&["source", "alias", "Agency 1", "Agency One"]);
    let before = listing(&db);
    {
        let s = sled::open(db.path().join("store")).unwrap();
        s.open_tree("sources")
            .unwrap()
            .insert(7u32.to_be_bytes(), &b"\x01garbage"[..])
            .unwrap();
        s.flush().unwrap();
    }
    let (ok, stdout, stderr) = stderr_of(&db, &["claims", "--format", "jsonl"]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("rebuilding the store from the ledger"),
        "{stderr}"
    );
    assert_eq!(stdout, before);
    assert!(db.ok(&["verify"]).contains("ok"));
}

/// A tmpfs of `size` mounted on a fresh directory, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn new(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "this test mounts a small tmpfs to fill a disk, which needs root (CI runs as root): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Tmpfs { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, opts: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{opts}")])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn bin(db: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("corroborate")
        .unwrap()
        .arg("--db")
        .arg(db)
        .env("NO_COLOR", "1")
        .env_remove("CORROBORATE_DB")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_full_disk_fails_the_write_and_leaves_the_database_as_it_was() {
    let scratch = tempfile::tempdir().unwrap();
    let small = scratch.path().join("small.jsonl");
    let big = scratch.path().join("big.jsonl");
    std::fs::write(&small, sample(10)).unwrap();
    std::fs::write(&big, sample(3000)).unwrap();
    // Sizes where the ledger fits and the store does not (measured: a few hundred KiB
    // of ledger for 3,000 reports; sled needs more than that again).
    let mut failures = 0;
    for size in ["600k", "700k", "800k", "900k"] {
        let fs = Tmpfs::new(size);
        let db: PathBuf = fs.path().join("db");
        let out = bin(&db, &["import", small.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{size}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let before = bin(&db, &["claims", "--format", "jsonl"]).stdout;
        let out = bin(&db, &["import", big.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.success() {
            // It fitted: then every claim must be there.
            let after = bin(&db, &["claims", "--format", "jsonl"]);
            assert_eq!(after.stdout.iter().filter(|b| **b == b'\n').count(), 3010);
            continue;
        }
        failures += 1;
        assert_eq!(out.status.code(), Some(1), "{size}: {stderr}");
        assert!(
            stderr.contains("undone") || stderr.contains("can only be read here"),
            "{size}: {stderr}"
        );
        // Nothing of the failed import is visible, and the earlier data is intact.
        let after = bin(&db, &["claims", "--format", "jsonl"]);
        assert!(
            after.status.success(),
            "{size}: {}",
            String::from_utf8_lossy(&after.stderr)
        );
        assert_eq!(after.stdout, before, "{size}");
        // With room again, the import goes through and verifies.
        fs.remount("size=8m");
        let out = bin(&db, &["import", big.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{size}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = bin(&db, &["verify"]);
        assert!(
            out.status.success(),
            "{size}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    assert!(
        failures > 0,
        "no size made the import fail: the test tests nothing"
    );
}

#[test]
fn a_read_only_database_can_be_read_and_refuses_writes() {
    let fs = Tmpfs::new("16m");
    let db = fs.path().join("db");
    let input = fs.path().join("in.jsonl");
    std::fs::write(&input, sample(12)).unwrap();
    assert!(bin(&db, &["import", input.to_str().unwrap()])
        .status
        .success());
    let before = bin(&db, &["claims", "--format", "jsonl"]).stdout;
    fs.remount("ro");
    let out = bin(&db, &["claims", "--format", "jsonl"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, before);
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    let out = bin(&db, &["add", "x", "--chain", "A via B"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("can only be read here"));
    fs.remount("rw");
}

#[test]
fn readers_wait_for_a_writer_instead_of_failing() {
    let db = TestDb::new();
    db.import(&sample(5));
    // A holder that lets go after a second: a reader with --wait gets in.
    let holder = corroborate::db::Database::open(&db.path()).unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1000));
        drop(holder);
    });
    let start = Instant::now();
    let out = db.ok(&["--wait", "20", "claims", "--format", "jsonl"]);
    assert_eq!(out.lines().count(), 5);
    assert!(start.elapsed() >= Duration::from_millis(900));
    release.join().unwrap();

    // A tight loop of readers against a long import: every read succeeds and sees
    // all or nothing of it.
    let scratch = tempfile::tempdir().unwrap();
    let big = scratch.path().join("big.jsonl");
    std::fs::write(&big, sample(5_000)).unwrap();
    let mut writer = Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
        .arg("--db")
        .arg(db.path())
        .args(["import", big.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut counts = Vec::new();
    for _ in 0..30 {
        let o = db
            .cmd()
            .args(["claims", "--format", "jsonl"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        counts.push(o.stdout.iter().filter(|b| **b == b'\n').count());
    }
    assert!(writer.wait().unwrap().success());
    assert!(counts.iter().all(|c| *c == 5 || *c == 5_000), "{counts:?}");
}

#[test]
fn a_store_built_with_another_outlet_table_is_rebuilt_saying_so() {
    let db = TestDb::new();
    db.import(&sample(10));
    let before = listing(&db);
    {
        let s = sled::open(db.path().join("store")).unwrap();
        s.open_tree("meta").unwrap().remove("outlets").unwrap();
        s.flush().unwrap();
    }
    let (ok, stdout, stderr) = stderr_of(&db, &["claims", "--format", "jsonl"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("outlet table"), "{stderr}");
    assert_eq!(stdout, before);
    assert!(db.ok(&["verify"]).contains("ok"));
}
