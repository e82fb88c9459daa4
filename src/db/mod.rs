//! The database: one directory holding the ledger (the record of truth) and the sled
//! store (its materialized view). This module owns the write path (validate → append
//! to the ledger → commit → apply to the store → flush), crash recovery, `verify`,
//! `rebuild` and the audit log. It never touches sled directly (that is `store`'s job)
//! and never formats output for people (that is `output`'s).
//!
//! Directory layout: `LOCK` (held while open), `ledger.log`, `store/` (sled).
//!
//! By concern: this file has the `Database` (opening, the shared types, recovery of
//! an unfinished write); `write` the one write path and the commands on it; `apply`
//! applying committed entries to the store; `read` the queries; `audit` verify, log
//! and provenance; `recovery` opening a damaged or locked directory, rebuild, salvage.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::claim::ClaimId;
use crate::error::{Error, Result};
use crate::groups::Groups;
use crate::ledger::{self, ClaimRef, Entry, HopEntry, Ledger, RetractTarget};
use crate::record::{self, Record, VerdictEntry};
use crate::report::Claim;
use crate::report::{report_id, Hop, Report, ReportId};
use crate::source::{name_key, Registry, SourceId, SourcePatch};
use crate::store::{MergeRecord, Progress, Store, StoredClaim, StoredLink, StoredReport};

mod apply;
mod audit;
mod read;
mod recovery;
mod shared;
mod write;

use apply::*;
use audit::*;
use read::*;
use write::*;

use recovery::Lock;
pub use recovery::{Damage, LostEntry, SalvageReport};
pub use shared::{Reading, Shared};

/// Report entries applied per store batch. Batches are cut at fixed positions of each
/// commit (every `BATCH`-th entry and at the commit) so that a replay from any commit
/// boundary writes the same keys as the original run.
const BATCH: u64 = 50_000;

/// Window of the ledger cursor that reads claim texts in a scan: claims come in the
/// order they were first recorded, so their texts come in ledger order.
const SCAN_WINDOW: usize = 1 << 20;
/// Window of a cursor reading single report entries (their order jumps about).
const POINT_WINDOW: usize = 4096;

/// An open database.
pub struct Database {
    dir: PathBuf,
    ledger: Ledger,
    store: Store,
    reg: Registry,
    obs: Box<dyn Observer>,
    /// Opened from a temporary copy: every write is refused.
    read_only: bool,
    /// Where the ledger is damaged after what the store applied: writes are refused.
    damaged: Option<(u64, String)>,
    /// A write failed after its commit and was undone: this handle's registry may be
    /// ahead of the store, so it writes nothing more (open the database again).
    poisoned: bool,
    /// Who is writing (named in the audit label of registry changes and retractions).
    actor: Option<String>,
    /// The temporary copy of a read-only database's store.
    _tmp: Option<tempfile::TempDir>,
    /// Last, so that it is released after the store and the ledger are closed
    /// (fields drop in declaration order): a process that waits for the lock then
    /// never finds sled's own lock still held.
    _lock: Lock,
}

/// The file in a database directory that names the `corroborate serve` holding it
/// (written when the server starts listening, removed when it stops).
pub const SERVER_FILE: &str = "server.json";

/// The URL of the server that holds a database, when its `server.json` says so.
pub fn running_server(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(SERVER_FILE)).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let url = v.get("url")?.as_str()?;
    // Shown to people: only a plain http URL, escaped.
    url.starts_with("http://")
        .then(|| crate::chars::visible(url).into_owned())
}

/// What an import or other write did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct WriteSummary {
    /// Records accepted.
    pub records: u64,
    /// Claims seen for the first time.
    pub claims_new: u64,
    /// Claims already stored that this write reported again (whether or not it added
    /// a new report of them).
    pub claims_known: u64,
    /// Reports stored.
    pub reports_new: u64,
    /// Reports that were already stored.
    pub reports_duplicate: u64,
    /// Sources created (by source records or by hops naming unknown sources).
    pub sources_created: u64,
    /// Source records applied (created or updated).
    pub source_records: u64,
    /// Verdicts stored.
    pub verdicts: u64,
    /// Merges applied.
    pub merges: u64,
    /// Registry changes undone (unmerges, aliases and labels removed).
    pub undone: u64,
    /// Reports and verdicts retracted.
    pub retracted: u64,
    /// Claim links recorded (by a person or by the matcher).
    pub links: u64,
}

/// One line of the audit trail.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct LogLine {
    /// Entry number in the ledger.
    pub entry: u64,
    /// When (UTC, ISO 8601), for entries that carry a time.
    pub time: Option<String>,
    /// Entry kind.
    pub kind: String,
    /// The claim concerned, when there is one.
    pub claim: Option<String>,
    /// What happened, in words.
    pub what: String,
    /// Who wrote it, when the commit says (see `Database::set_actor`).
    pub author: Option<String>,
}

/// One side of a join of two sources: the source and what it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct JoinSide {
    /// Canonical name.
    pub name: String,
    /// Claims with a report through it (or a source merged into it).
    pub claims: usize,
    /// Reports through it.
    pub reports: usize,
}

/// What a merge (or an alias that names another source) would change: `from` joins
/// `into`, and every report through `from` then goes through `into`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct JoinPlan {
    /// The source that stays.
    pub into: JoinSide,
    /// The source that is absorbed.
    pub from: JoinSide,
}

impl JoinPlan {
    /// Both sides already have reports: joining them changes counts that people
    /// have seen, so a front-end asks for confirmation (`--yes`).
    pub fn needs_confirmation(&self) -> bool {
        self.into.reports > 0 && self.from.reports > 0
    }
}

/// What `source alias NAME ALIAS` would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum AliasPlan {
    /// Add the alias to the source.
    Alias,
    /// The alias is another source: merge it in.
    Join(JoinPlan),
}

/// Where one alias or affiliation label of a source came from (see
/// [`Database::provenance`]).
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Provenance {
    /// The alias or label.
    pub value: String,
    /// The entry that gave it: a source record (for which name) or a merge.
    pub how: String,
    /// The audit label of its commit: the command, or the imported file or list.
    pub command: String,
    /// Its entry number in the ledger (as `log` numbers entries).
    pub entry: u64,
    /// When it was committed (UTC).
    pub time: String,
}

/// Where a source's aliases and labels came from.
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize, PartialEq)]
pub struct SourceProvenance {
    /// One per current alias whose origin the ledger shows, in the source's order.
    pub aliases: Vec<Provenance>,
    /// One per current label whose origin the ledger shows, in the source's order.
    pub affiliations: Vec<Provenance>,
}

/// Outcome of `verify`.
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct VerifyReport {
    /// Ledger entries checked.
    pub entries: u64,
    /// Commits found.
    pub commits: u64,
    /// Claims whose ids were recomputed.
    pub claims: u64,
    /// Reports whose ids were recomputed.
    pub reports: u64,
    /// Live claim links (by a person or by the matcher).
    pub links: u64,
    /// Claim groups of two or more wordings.
    pub groups: u64,
    /// Everything that is wrong (empty when all is well).
    pub problems: Vec<String>,
}

/// Told by the library about long work and about what a person must know; a
/// front-end draws bars and prints notices. Every method does nothing by default.
pub trait Observer: Send + Sync {
    /// A long stage begins; `total` is its size (ledger bytes).
    fn stage(&mut self, _what: &str, _total: u64) {}
    /// `done` of the current stage's total is finished.
    fn progress(&mut self, _done: u64) {}
    /// The current stage is over.
    fn done(&mut self) {}
    /// Something the user must be told: a store rebuilt, a read-only copy.
    fn notice(&mut self, _text: &str) {}
}

/// An observer that tells nobody.
pub struct Quiet;

impl Observer for Quiet {}

/// How to open a database.
pub struct OpenOptions {
    /// How long to wait for another process that holds the database.
    pub wait: Duration,
    /// Who hears about long work and notices.
    pub observer: Box<dyn Observer>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            wait: Duration::ZERO,
            observer: Box::new(Quiet),
        }
    }
}

/// Check that `dir` is a database directory or can become one (creating it).
fn prepare_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Error::NotADatabase(dir.to_path_buf()));
        }
        let mut entries = std::fs::read_dir(dir)
            .map_err(|e| Error::io(format!("reading {}", dir.display()), e))?;
        let foreign = entries.any(|e| {
            e.map(|e| !recovery::KNOWN.iter().any(|k| e.file_name() == *k))
                .unwrap_or(true)
        });
        if foreign && !dir.join("ledger.log").exists() {
            return Err(Error::NotADatabase(dir.to_path_buf()));
        }
        Ok(())
    } else {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))
    }
}

impl Database {
    /// Open the database in `dir`, creating it when absent, and finish any committed
    /// write that was not yet applied (trimming an unfinished one). Fails at once when
    /// another process holds it; see [`Database::open_with`] to wait.
    pub fn open(dir: &Path) -> Result<Database> {
        Self::open_with(dir, OpenOptions::default())
    }

    /// Open the database in `dir` (see [`Database::open`]), waiting up to `opts.wait`
    /// for another process, and telling `opts.observer` about long work. A store that
    /// reads as damaged, or that a failed write may have left half-written, is rebuilt
    /// from the ledger (beside the old one). A database that cannot be written here
    /// (read-only directory, full disk) is read from a temporary copy of its store. A
    /// ledger damaged after what the store applied leaves the database readable as the
    /// store has it, with writes refused.
    pub fn open_with(dir: &Path, opts: OpenOptions) -> Result<Database> {
        prepare_dir(dir)?;
        let lock = recovery::lock_dir(dir, opts.wait)?;
        let mut obs = opts.observer;
        let ledger_path = dir.join("ledger.log");
        if !matches!(lock, Lock::Exclusive(_)) {
            return Self::open_copy(dir, lock, obs, "it cannot be written here", true);
        }
        recovery::tidy(dir)?;
        let store_dir = dir.join(recovery::STORE);
        if !ledger_path.exists() && store_dir.exists() {
            let applied = recovery::peek_progress(&store_dir, opts.wait);
            if let Some(p) = applied.filter(|p| p.applied > ledger::HEADER_LEN) {
                return Err(Error::LedgerLost {
                    path: ledger_path,
                    len: 0,
                    applied: p.applied,
                });
            }
        }
        let mut ledger = match Ledger::open(&ledger_path) {
            Err(Error::Io { source, .. })
                if source.kind() == std::io::ErrorKind::PermissionDenied =>
            {
                return Self::open_copy(dir, lock, obs, "its ledger cannot be written here", true);
            }
            other => other?,
        };
        let mut damaged = None;
        let stale = dir.join(recovery::STALE).exists();
        let attempt = (|| -> Result<(Store, Registry)> {
            if stale {
                return Err(Error::Corrupt(String::new()));
            }
            let store = recovery::open_store(&store_dir, opts.wait)?;
            let mut reg = store.load_registry()?;
            match recover(&mut ledger, &store, &mut reg, &mut *obs) {
                // Damage after what the store applied: read what the store has, and
                // refuse writes until the user decides (see `salvage`).
                Err(Error::LedgerCorrupt { offset, why }) => damaged = Some((offset, why)),
                other => other?,
            }
            Ok((store, reg))
        })();
        let (store, reg) = match attempt {
            Ok(x) => x,
            Err(e)
                if matches!(e, Error::OlderFormat { .. } | Error::OutletsChanged { .. })
                    || recovery::is_store_damage(&e) =>
            {
                let why = if stale {
                    "the last write failed part-way and may have left part of itself in the store"
                        .to_string()
                } else {
                    e.to_string()
                };
                obs.notice(&format!("rebuilding the store from the ledger: {why}"));
                let scan = ledger.scan_links(0)?;
                if let Some((offset, why)) = scan.damage {
                    return Err(Error::LedgerCorrupt { offset, why });
                }
                if scan.committed < scan.len {
                    ledger.truncate(scan.committed)?;
                }
                let store =
                    match recovery::build_store(dir, &ledger, scan.committed, opts.wait, &mut *obs)
                    {
                        Ok(s) => s,
                        Err(e) if recovery::is_unwritable(&e) => {
                            drop(ledger);
                            let why = format!("its store cannot be rebuilt in place ({e})");
                            return Self::open_copy(dir, lock, obs, &why, false);
                        }
                        Err(e) => return Err(e),
                    };
                let stale = dir.join(recovery::STALE);
                if stale.exists() {
                    std::fs::remove_file(&stale)
                        .map_err(|e| Error::io(format!("removing {}", stale.display()), e))?;
                }
                let reg = store.load_registry()?;
                (store, reg)
            }
            Err(e) if recovery::is_unwritable(&e) => {
                drop(ledger);
                let why = format!("its store cannot be written ({e})");
                return Self::open_copy(dir, lock, obs, &why, true);
            }
            Err(e) => return Err(e),
        };
        if let Some((offset, why)) = &damaged {
            obs.notice(&format!(
                "the ledger is damaged at byte {offset} ({why}); showing what the store holds, and refusing writes"
            ));
        }
        let mut db = Database::assemble(dir, lock, ledger, store, reg, None, obs);
        db.damaged = damaged;
        Ok(db)
    }

    /// Open a database that cannot be written here from a temporary copy of its store
    /// (`copy`), or from a temporary store indexed afresh from the ledger.
    fn open_copy(
        dir: &Path,
        lock: Lock,
        mut obs: Box<dyn Observer>,
        why: &str,
        copy: bool,
    ) -> Result<Database> {
        let ledger_path = dir.join("ledger.log");
        if !ledger_path.exists() {
            return Err(Error::NotADatabase(dir.to_path_buf()));
        }
        let ledger = Ledger::open_read_only(&ledger_path)?;
        obs.notice(&format!(
            "{} is read-only because {why}: reading it from a temporary copy; writes are refused",
            dir.display()
        ));
        let (store, tmp) = recovery::temporary_store(dir, &ledger, copy, &mut *obs)?;
        let reg = store.load_registry()?;
        let mut db = Database::assemble(dir, lock, ledger, store, reg, Some(tmp), obs);
        db.read_only = true;
        Ok(db)
    }

    fn assemble(
        dir: &Path,
        lock: Lock,
        ledger: Ledger,
        store: Store,
        reg: Registry,
        tmp: Option<tempfile::TempDir>,
        obs: Box<dyn Observer>,
    ) -> Database {
        Database {
            dir: dir.to_path_buf(),
            ledger,
            store,
            reg,
            obs,
            read_only: false,
            damaged: None,
            poisoned: false,
            actor: None,
            _tmp: tmp,
            _lock: lock,
        }
    }

    /// Whether writes are refused because the database cannot be written here.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The database directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The source registry.
    pub fn registry(&self) -> &Registry {
        &self.reg
    }

    /// The store (read access for listings).
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(super) fn progress(&self) -> Result<Progress> {
        Ok(self.store.progress()?.unwrap_or_else(Progress::start))
    }

    /// Flush the store (writes are already durable in the ledger).
    pub fn flush(&self) -> Result<()> {
        self.store.flush()
    }

    /// A read-only view of the database as it is now, which keeps answering so while
    /// this handle writes (see [`Shared`]): its store reads only what lies before the
    /// applied ledger offset, its ledger readers stop there, and it has its own copy
    /// of the registry. Writes through it are refused.
    pub(crate) fn snapshot(&self) -> Result<Database> {
        let store = self.store.pinned()?;
        let end = store.progress()?.unwrap_or_else(Progress::start).applied;
        let ledger = Ledger::open_pinned(self.ledger.path(), end)?;
        let mut view = Database::assemble(
            &self.dir,
            Lock::None,
            ledger,
            store,
            self.reg.clone(),
            None,
            Box::new(Quiet),
        );
        view.read_only = true;
        view.damaged.clone_from(&self.damaged);
        Ok(view)
    }
}

/// Apply committed entries the store lacks; trim an uncommitted tail. Damage after
/// what the store applied is returned as [`Error::LedgerCorrupt`], changing nothing.
fn recover(
    ledger: &mut Ledger,
    store: &Store,
    reg: &mut Registry,
    obs: &mut dyn Observer,
) -> Result<()> {
    let p = store.progress()?.unwrap_or_else(Progress::start);
    let len = ledger.size()?;
    if len < p.applied {
        return Err(Error::LedgerLost {
            path: ledger.path().to_path_buf(),
            len,
            applied: p.applied,
        });
    }
    let mut r = ledger.reader(p.applied, p.head, true)?;
    let mut last_commit = (p.applied, p.head);
    loop {
        match r.next_entry() {
            Ok(Some(e)) => {
                if matches!(e.entry, Entry::Commit { .. }) {
                    last_commit = (e.end, e.hash);
                }
            }
            Ok(None) => break,
            // After a crash some file systems show the unwritten end of a file as
            // zeros. Zeros to the end of the file are an unfinished tail like any
            // other; anything else is damage that `verify` must report, never trim.
            Err(e @ Error::LedgerCorrupt { .. }) => {
                if ledger.zeros_from(r.position())? {
                    break;
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        }
    }
    if last_commit.0 < len {
        ledger.truncate(last_commit.0)?;
    }
    if last_commit.0 > p.applied {
        obs.stage("finishing the last write", last_commit.0 - p.applied);
        apply(ledger, store, reg, p, last_commit.0, obs)?;
        obs.done();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(claim: ClaimRef, hops: &[&str]) -> Entry {
        Entry::Report {
            claim,
            hops: hops
                .iter()
                .map(|h| HopEntry {
                    name: h.to_string(),
                    anonymous: h.starts_with('~'),
                })
                .collect(),
            url: None,
            published: None,
            added: 7,
        }
    }

    fn listing(db: &Database) -> Vec<(ClaimId, String, Vec<String>)> {
        db.claims()
            .map(|c| {
                let c = c.unwrap();
                let chains = c
                    .reports
                    .iter()
                    .map(|r| format!("{:?} {}", r.hops, r.id.to_hex()))
                    .collect();
                (c.id, c.text, chains)
            })
            .collect()
    }

    #[test]
    fn replaying_applied_commits_over_the_store_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut db = Database::open(&path).unwrap();
        let mut lines = String::new();
        for i in 0..300 {
            lines.push_str(&format!(
                "{{\"type\":\"report\",\"claim\":\"Claim {} happened.\",\"chain\":\"Outlet {} via AP via ~an official\"}}\n",
                i % 70,
                i % 9
            ));
        }
        db.import(lines.as_bytes(), "test", &mut |_| {}).unwrap();
        let mark = db.progress().unwrap();
        db.merge("Outlet 1", "Outlet 2").unwrap();
        db.import(lines.as_bytes(), "again", &mut |_| {}).unwrap();
        let before = listing(&db);
        // Forget that the last two commits were applied, as after a crash just before
        // their progress was recorded: the next open applies them again over what
        // they already wrote (the merge included, whose sources are already saved).
        db.store.set_progress(mark).unwrap();
        db.flush().unwrap();
        drop(db);
        let db = Database::open(&path).unwrap();
        assert_eq!(listing(&db), before);
        assert_eq!(db.verify().unwrap().problems, Vec::<String>::new());
    }

    #[test]
    fn replaying_undo_records_over_the_store_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut db = Database::open(&path).unwrap();
        let mut lines = String::new();
        for i in 0..120 {
            lines.push_str(&format!(
                "{{\"type\":\"report\",\"claim\":\"Claim {} happened.\",\"chain\":\"Outlet {} via Wire {} via ~an official\"}}\n",
                i % 40,
                i % 5,
                i % 3
            ));
        }
        db.import(lines.as_bytes(), "test", &mut |_| {}).unwrap();
        db.merge("Outlet 1", "Outlet 2").unwrap();
        db.alias("Wire 0", "Wire Zero").unwrap();
        db.import(
            "{\"type\":\"report\",\"claim\":\"Late.\",\"chain\":\"Outlet 2 via Wire Zero\"}\n{\"type\":\"report\",\"claim\":\"Late.\",\"chain\":\"Outlet 4\"}\n"
                .as_bytes(),
            "late",
            &mut |_| {},
        )
        .unwrap();
        db.verdict(record::VerdictRecord {
            claim: Some("Late.".into()),
            claim_id: None,
            verdict: record::Verdict::True,
            by: None,
            url: None,
            note: None,
            date: None,
        })
        .unwrap();
        let mark = db.progress().unwrap();
        let late = ClaimId::of_text("Late.");
        db.unmerge("Outlet 1", "Outlet 2").unwrap();
        db.unalias("Wire 0", "Wire Zero").unwrap();
        db.unaffiliate("Outlet 3", "none").unwrap_err();
        let c = db.claim(&late).unwrap();
        let rid = c.reports[1].id.to_hex();
        db.retract_report(&late, &rid[..8], None).unwrap();
        let seq = db.verdicts_of(&late).unwrap()[0].seq;
        db.retract_verdict(&late, seq, Some("oops".into())).unwrap();
        let before = listing(&db);
        assert_eq!(db.verify().unwrap().problems, Vec::<String>::new());
        // As after a crash before the progress of the undo commits was recorded: the
        // next open applies them again over what they already wrote.
        db.store.set_progress(mark).unwrap();
        db.flush().unwrap();
        drop(db);
        let db = Database::open(&path).unwrap();
        assert_eq!(listing(&db), before);
        assert_eq!(db.verify().unwrap().problems, Vec::<String>::new());
        assert!(db.verdicts_of(&late).unwrap().is_empty());
        assert_eq!(db.claim(&late).unwrap().reports.len(), 1);
    }

    #[test]
    fn a_second_first_sighting_joins_the_stored_claim() {
        // A ledger written by a faulty build: the same claim recorded by text twice,
        // in two commits. The second report must join the first claim.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        std::fs::create_dir_all(&path).unwrap();
        {
            let mut l = Ledger::open(&path.join("ledger.log")).unwrap();
            let mut a = l.appender(ledger::genesis_hash()).unwrap();
            a.append(&report(ClaimRef::Text("It rained.".into()), &["A"]))
                .unwrap();
            let (_, head) = a.commit("one", None, 1).unwrap();
            let mut a = l.appender(head).unwrap();
            a.append(&report(ClaimRef::Text("It rained".into()), &["B"]))
                .unwrap();
            a.commit("two", None, 2).unwrap();
        }
        let db = Database::open(&path).unwrap();
        let all = listing(&db);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].1, "It rained.");
        assert_eq!(all[0].2.len(), 2);
        assert_eq!(db.verify().unwrap().problems, Vec::<String>::new());
    }
}
