//! The database: one directory holding the ledger (the record of truth) and the sled
//! store (its materialized view). This module owns the write path (validate → append
//! to the ledger → commit → apply to the store → flush), crash recovery, `verify`,
//! `rebuild` and the audit log. It never touches sled directly (that is `store`'s job)
//! and never formats output for people (that is `output`'s).
//!
//! Directory layout: `LOCK` (held while open), `ledger.log`, `store/` (sled).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::claim::{Claim, ClaimId};
use crate::error::{Error, Result};
use crate::groups::Groups;
use crate::ledger::{self, ClaimRef, Entry, HopEntry, Ledger, RetractTarget};
use crate::record::{self, Record, VerdictEntry};
use crate::report::{report_id, Hop, Report, ReportId};
use crate::source::{name_key, Registry, SourceId, SourcePatch};
use crate::store::{MergeRecord, Progress, Store, StoredClaim, StoredLink, StoredReport};

mod recovery;

use recovery::Lock;
pub use recovery::{Damage, LostEntry, SalvageReport};

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
        .then(|| crate::output::visible(url).into_owned())
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

    fn progress(&self) -> Result<Progress> {
        Ok(self.store.progress()?.unwrap_or_else(Progress::start))
    }

    // ---- writes ----------------------------------------------------------------

    /// Import JSONL records (all or nothing). `progress` is called with the bytes read
    /// so far. `label` names the command in the audit trail.
    pub fn import(
        &mut self,
        input: impl BufRead,
        label: &str,
        progress: &mut dyn FnMut(u64),
    ) -> Result<WriteSummary> {
        let mut lines = LineReader::new(input);
        let mut bytes = 0u64;
        let records = std::iter::from_fn(|| loop {
            let (n, line) = match lines.next_line() {
                Ok(Some(x)) => x,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            bytes += line.len() as u64 + 1;
            if n.is_multiple_of(1024) {
                progress(bytes);
            }
            if line.trim().is_empty() {
                continue;
            }
            return Some(
                record::parse_unchecked(&line)
                    .map_err(|e| Error::Line {
                        line: n,
                        message: e.to_string(),
                    })
                    .map(|r| (n, r)),
            );
        });
        self.write_records(records, label)
    }

    /// Write records (each with its line number for errors) as one commit.
    pub fn write_records(
        &mut self,
        records: impl Iterator<Item = Result<(u64, Record)>>,
        label: &str,
    ) -> Result<WriteSummary> {
        let entries = records.map(|r| r.map(|(n, rec)| (n, Pending::Record(rec))));
        self.write(entries, label)
    }

    /// The one path of every write: refuse when the database may not be written,
    /// turn each item into a ledger entry (validating it, see `to_entry`), append,
    /// commit, apply. A failure before the commit trims what was appended; a failure
    /// to apply after it undoes the commit; either way the database is left as it was.
    fn write(
        &mut self,
        items: impl Iterator<Item = Result<(u64, Pending)>>,
        label: &str,
    ) -> Result<WriteSummary> {
        if self.read_only {
            return Err(Error::ReadOnly(self.dir.clone()));
        }
        if self.poisoned {
            return Err(Error::Invalid(
                "an earlier write through this handle failed; open the database again".into(),
            ));
        }
        if let Some((offset, why)) = &self.damaged {
            return Err(Error::LedgerCorrupt {
                offset: *offset,
                why: why.clone(),
            });
        }
        let before = self.progress()?;
        recovery::check_for_write(&self.ledger, &before, &self.dir.join("ledger.log"))?;
        let now = crate::date::now_secs();
        let mut scratch = self.reg.clone();
        let mut seen = Seen::default();
        // A second handle reads what is stored while the first one appends.
        let reader = Ledger::open_read_only(self.ledger.path())?;
        let mut cursors = (reader.cursor(POINT_WINDOW), reader.cursor(POINT_WINDOW));
        let mut app = self.ledger.appender(before.head)?;
        let start = app.start();
        let mut result: Result<()> = Ok(());
        for item in items {
            let step = item.and_then(|(n, p)| {
                let entry = to_entry(p, &self.store, &mut cursors, &mut scratch, &mut seen, now)
                    .map_err(|e| {
                        if n == 0 || matches!(e, Error::Line { .. }) {
                            e
                        } else {
                            Error::Line {
                                line: n,
                                message: e.to_string(),
                            }
                        }
                    })?;
                match entry {
                    Some(entry) => app.append(&entry).map(|_| ()),
                    None => Ok(()),
                }
            });
            if let Err(e) = step {
                result = Err(e);
                break;
            }
        }
        let records = app.records();
        if let Err(e) = result {
            drop(app);
            self.ledger.truncate(start)?;
            return Err(match e {
                e @ Error::Io { .. } => Error::WriteUndone {
                    cause: e.to_string(),
                },
                e => e,
            });
        }
        if records == 0 {
            drop(app);
            self.ledger.truncate(start)?;
            return Ok(WriteSummary {
                reports_duplicate: seen.duplicates,
                claims_known: seen.stored.len() as u64,
                ..Default::default()
            });
        }
        let (end, _) = match app.commit(label, self.actor.as_deref(), now) {
            Ok(x) => x,
            Err(e) => {
                self.ledger.truncate(start)?;
                return Err(Error::WriteUndone {
                    cause: e.to_string(),
                });
            }
        };
        self.obs.stage("indexing", end - start);
        let applied = apply(
            &self.ledger,
            &self.store,
            &mut self.reg,
            before,
            end,
            &mut *self.obs,
        );
        self.obs.done();
        match applied {
            Ok(mut summary) => {
                summary.records = records;
                summary.reports_duplicate += seen.duplicates;
                summary.claims_known = seen.stored.len() as u64;
                Ok(summary)
            }
            Err(cause) => Err(self.undo(start, cause)),
        }
    }

    /// A write whose commit reached the ledger could not be applied to the store (a
    /// full disk, a permission, an I/O error): take the commit back out of the ledger,
    /// and mark the store, which may hold part of it, for a rebuild when next opened.
    fn undo(&mut self, start: u64, cause: Error) -> Error {
        self.poisoned = true;
        let marked = recovery::mark_stale(&self.dir);
        match (self.ledger.truncate(start), marked) {
            (Ok(()), Ok(())) => Error::WriteUndone {
                cause: format!("the store could not be updated: {cause}"),
            },
            (trim, marked) => Error::WriteStuck {
                cause: cause.to_string(),
                trimmed: trim.is_ok(),
                marked: marked.is_ok(),
            },
        }
    }

    /// Add one report.
    pub fn add(&mut self, rec: record::ReportRecord) -> Result<(ClaimId, WriteSummary)> {
        let id = ClaimId::of_text(&rec.claim);
        let r = Record::Report(rec);
        let s = self.write_records(std::iter::once(Ok((0, r))), "add")?;
        Ok((id, s))
    }

    /// Record a verdict.
    pub fn verdict(&mut self, rec: record::VerdictRecord) -> Result<WriteSummary> {
        let r = Record::Verdict(rec);
        self.write_records(std::iter::once(Ok((0, r))), "verdict")
    }

    /// Name who is writing: registry changes and retractions record it in their audit
    /// label ("source unmerge \"CNN\" \"Fox News\" by maria"), which `log` shows.
    /// Control characters are dropped and the name is cut at 64 characters.
    pub fn set_actor(&mut self, who: Option<&str>) {
        self.actor = who
            .map(|w| {
                w.chars()
                    .filter(|c| !c.is_control())
                    .take(64)
                    .collect::<String>()
            })
            .filter(|w| !w.trim().is_empty());
    }

    /// The audit label of a registry command: the command, its arguments quoted, and
    /// who ran it when known.
    fn label(&self, command: &str, args: &[&str]) -> String {
        let mut l = command.to_string();
        for a in args {
            l.push_str(&format!(" {:?}", a.chars().take(60).collect::<String>()));
        }
        if let Some(who) = &self.actor {
            l.push_str(&format!(" by {who}"));
        }
        l
    }

    /// What `source alias NAME ALIAS` would do, without doing it.
    pub fn plan_alias(&self, name: &str, alias: &str) -> Result<AliasPlan> {
        use crate::source::Resolution::{Known, Unknown};
        match (self.reg.resolve(name), self.reg.resolve(alias)) {
            (Known(a), Known(b)) if a != b => Ok(AliasPlan::Join(self.plan_join(a, b)?)),
            (Known(_), _) => Ok(AliasPlan::Alias),
            (Unknown, Unknown) => Err(Error::Invalid(format!(
                "no source is known as {name:?}: to create it with this alias, run `corroborate source set {name:?} --alias {alias:?}`; `corroborate sources` lists the known ones (check the spelling)"
            ))),
            (Unknown, Known(b)) => Err(Error::Invalid(format!(
                "no source is known as {name:?}, but {alias:?} is the source {:?}: to give it the name {name:?} too, run `corroborate source alias {:?} {name:?}`",
                self.reg.display_name(b),
                self.reg.display_name(b)
            ))),
        }
    }

    /// What `source merge INTO FROM` would do, without doing it.
    pub fn plan_merge(&self, into: &str, from: &str) -> Result<JoinPlan> {
        let a = self.reg.find(into)?;
        let b = self.reg.find(from)?;
        if a == b {
            return Err(Error::Invalid(format!(
                "{into:?} and {from:?} are already the same source ({})",
                self.reg.display_name(a)
            )));
        }
        self.plan_join(a, b)
    }

    /// The two sources a merge would join, with how many claims and reports each has.
    fn plan_join(&self, into: SourceId, from: SourceId) -> Result<JoinPlan> {
        let side = |id: SourceId| -> Result<JoinSide> {
            let group = self.source_ids_of(id);
            let mut claims = 0;
            let mut reports = 0;
            for c in self.claims_of_source(id)? {
                let c = c?;
                let n = c
                    .reports
                    .iter()
                    .filter(|r| {
                        r.hops.iter().any(
                            |h| matches!(h, Hop::Named { source, .. } if group.contains(source)),
                        )
                    })
                    .count();
                if n > 0 {
                    claims += 1;
                    reports += n;
                }
            }
            Ok(JoinSide {
                name: self.reg.display_name(id).to_string(),
                claims,
                reports,
            })
        };
        Ok(JoinPlan {
            into: side(into)?,
            from: side(from)?,
        })
    }

    /// Add an alias to a source. When the alias already names another source, that
    /// source is merged into this one (its reports follow), which is what a desk means
    /// by "these two names are the same outlet" (see [`Database::plan_alias`] for the
    /// confirmation a front-end should ask). A name no source is known by is refused,
    /// with the command that creates it.
    pub fn alias(&mut self, name: &str, alias: &str) -> Result<WriteSummary> {
        let label = self.label("source alias", &[name, alias]);
        let joins = match (self.reg.resolve(name), self.reg.resolve(alias)) {
            (crate::source::Resolution::Known(a), crate::source::Resolution::Known(b)) => a != b,
            (crate::source::Resolution::Unknown, _) => {
                // The same refusal (with its advice) as the plan gives.
                self.plan_alias(name, alias)?;
                false
            }
            _ => false,
        };
        if joins {
            let item = Pending::Merge(name.to_string(), alias.to_string());
            self.write(std::iter::once(Ok((0, item))), &label)
        } else {
            self.patch_source(
                name,
                SourcePatch {
                    aliases: vec![alias.to_string()],
                    ..Default::default()
                },
                &label,
            )
        }
    }

    /// Add an affiliation label to a source. A name no source is known by is refused
    /// (a typo must not create a source), with the command that creates it.
    pub fn affiliate(&mut self, name: &str, label: &str) -> Result<WriteSummary> {
        if label.trim().is_empty() {
            return Err(Error::Invalid("the affiliation label is empty".into()));
        }
        if self.reg.find(name).is_err() {
            return Err(Error::Invalid(format!(
                "no source is known as {name:?}: to create it with this label, run `corroborate source set {name:?} --affiliation {label:?}`; `corroborate sources` lists the known ones (check the spelling)"
            )));
        }
        let audit = self.label("source affiliate", &[name, label]);
        self.patch_source(
            name,
            SourcePatch {
                affiliations: vec![label.to_string()],
                ..Default::default()
            },
            &audit,
        )
    }

    /// Undo `source merge INTO FROM` (or an alias that merged): FROM is a source of
    /// its own again, with its reports, and INTO loses what the merge gave it.
    pub fn unmerge(&mut self, into: &str, from: &str) -> Result<WriteSummary> {
        let label = self.label("source unmerge", &[into, from]);
        let item = Pending::Unmerge(into.to_string(), from.to_string());
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Undo `source alias NAME ALIAS`: remove the alias, or, when the alias named a
    /// source that was merged in, unmerge that source. Reports written with the alias
    /// resolve again as if it had never been one (a source of that name is created
    /// when none matches).
    pub fn unalias(&mut self, name: &str, alias: &str) -> Result<WriteSummary> {
        let label = self.label("source unalias", &[name, alias]);
        let item = Pending::Unalias(name.to_string(), alias.to_string());
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Undo `source affiliate NAME LABEL`: remove the label.
    pub fn unaffiliate(&mut self, name: &str, label: &str) -> Result<WriteSummary> {
        let audit = self.label("source unaffiliate", &[name, label]);
        let item = Pending::Unaffiliate(name.to_string(), label.to_string());
        self.write(std::iter::once(Ok((0, item))), &audit)
    }

    /// Retract a report of a claim, given its report id or a unique prefix of it
    /// (as `show` prints it). The report stays in the ledger and leaves every count.
    pub fn retract_report(
        &mut self,
        claim: &ClaimId,
        report: &str,
        reason: Option<String>,
    ) -> Result<WriteSummary> {
        let c = self.claim(claim)?;
        let p = report.trim().to_ascii_lowercase();
        if p.len() < 4 || p.len() > 64 || !crate::hex::is_hex(&p) {
            return Err(Error::Invalid(format!(
                "{report:?} is not a report id: give at least 4 hexadecimal digits of an id that `corroborate show {}` lists",
                &claim.to_hex()[..12]
            )));
        }
        let hits: Vec<&Report> = c
            .reports
            .iter()
            .filter(|r| r.id.to_hex().starts_with(&p))
            .collect();
        let id = match hits.as_slice() {
            [_] if c.reports.len() == 1 => {
                return Err(Error::Invalid(format!(
                    "that is the only report of claim {}: a claim keeps at least one report, so it cannot be retracted (record a `false` verdict instead, or add the right report first)",
                    claim.to_hex()
                )))
            }
            [one] => one.id,
            [] => {
                return Err(Error::Invalid(format!(
                    "claim {} has no report with an id starting with {p:?}: `corroborate show {}` lists its reports",
                    claim.to_hex(),
                    &claim.to_hex()[..12]
                )))
            }
            _ => {
                return Err(Error::Invalid(format!(
                    "{p:?} starts the ids of {} reports of claim {}: give more digits",
                    hits.len(),
                    claim.to_hex()
                )))
            }
        };
        let label = self.label(
            "retract report",
            &[&claim.to_hex()[..12], &id.to_hex()[..12]],
        );
        let item = Pending::Retract(*claim, RetractTarget::Report(id.0), reason);
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Retract a verdict of a claim, given its ledger offset (the `entry` that `show`
    /// prints with each verdict).
    pub fn retract_verdict(
        &mut self,
        claim: &ClaimId,
        entry: u64,
        reason: Option<String>,
    ) -> Result<WriteSummary> {
        let label = self.label(
            "retract verdict",
            &[&claim.to_hex()[..12], &entry.to_string()],
        );
        let item = Pending::Retract(*claim, RetractTarget::Verdict(entry), reason);
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Create or update a source.
    pub fn patch_source(
        &mut self,
        name: &str,
        patch: SourcePatch,
        label: &str,
    ) -> Result<WriteSummary> {
        let item = Pending::Record(source_record(name.to_string(), patch));
        self.write(std::iter::once(Ok((0, item))), label)
    }

    /// Create or update many sources in one commit, all or nothing (the importers of
    /// `sources import-ratings` and `import-affiliations`). Each item carries the input
    /// line it comes from, so an error is reported as `line N: …`; nothing is written
    /// when any item fails, and nothing at all when `items` is empty.
    pub fn patch_sources(
        &mut self,
        items: Vec<(u64, String, SourcePatch)>,
        label: &str,
    ) -> Result<WriteSummary> {
        let items = items
            .into_iter()
            .map(|(n, name, patch)| Ok((n, Pending::Record(source_record(name, patch)))));
        self.write(items, label)
    }

    /// Merge source `from` into `into` (see [`Database::plan_merge`] for the
    /// confirmation a front-end should ask).
    pub fn merge(&mut self, into: &str, from: &str) -> Result<WriteSummary> {
        self.merge_as(into, from, "source merge")
    }

    /// Merge source `from` into `into`, naming the command `label` in the audit trail
    /// (an automatic merge says there that it was automatic, and why).
    pub fn merge_as(&mut self, into: &str, from: &str, label: &str) -> Result<WriteSummary> {
        let a = self.reg.find(into)?;
        let b = self.reg.find(from)?;
        if a == b {
            return Err(Error::Invalid(format!(
                "{into:?} and {from:?} are already the same source ({})",
                self.reg.display_name(a)
            )));
        }
        let label = self.label(label, &[into, from]);
        let item = Pending::Merge(into.to_string(), from.to_string());
        self.write(std::iter::once(Ok((0, item))), &label)
    }

    /// Record a person's decision that sources `a` and `b` are not the same, so that
    /// source-resolution suggestions leave the pair out. Recording a pair that is
    /// already recorded writes nothing (the summary's `records` is 0).
    pub fn distinct(&mut self, a: &str, b: &str) -> Result<WriteSummary> {
        let item = Pending::Distinct(a.to_string(), b.to_string());
        self.write(std::iter::once(Ok((0, item))), "source distinct")
    }

    /// Link two claims as the same claim (`same`) or as different claims, as a
    /// person. Refused when it contradicts a person's other links (see
    /// `docs/matching.md`); nothing is written when the link is already recorded.
    pub fn link(&mut self, a: &ClaimId, b: &ClaimId, same: bool) -> Result<WriteSummary> {
        let rec = record::LinkRecord {
            a: a.to_hex(),
            b: b.to_hex(),
            relation: if same {
                record::LinkRelation::Same
            } else {
                record::LinkRelation::Different
            },
            by: record::LinkAuthor::Person,
            score: None,
            model: None,
            threshold: None,
        };
        let (ha, hb) = (a.to_hex(), b.to_hex());
        let command = if same { "link" } else { "link --different" };
        let label = self.label(command, &[&ha[..12], &hb[..12]]);
        self.write_records(std::iter::once(Ok((0, Record::Link(rec)))), &label)
    }

    /// Remove every link (a person's and the matcher's) between two claims.
    pub fn unlink(&mut self, a: &ClaimId, b: &ClaimId) -> Result<WriteSummary> {
        let (ha, hb) = (a.to_hex(), b.to_hex());
        let label = self.label("unlink", &[&ha[..12], &hb[..12]]);
        self.write(std::iter::once(Ok((0, Pending::Unlink(*a, *b)))), &label)
    }

    // ---- users of the server -------------------------------------------------------

    /// Every user and role, by name.
    pub fn users(&self) -> Result<Vec<crate::users::UserRow>> {
        self.store
            .users()?
            .into_iter()
            .map(|(name, role)| {
                Ok(crate::users::UserRow {
                    role: crate::users::Role::parse(&role)?,
                    name,
                })
            })
            .collect()
    }

    /// Who a token belongs to, with the role: `None` for an unknown token or a removed
    /// user.
    pub fn authenticate(
        &self,
        secrets: &crate::users::Secrets,
        token: &str,
    ) -> Result<Option<(String, crate::users::Role)>> {
        let Some(name) = secrets.user_of(token) else {
            return Ok(None);
        };
        match self.store.user_role(name)? {
            Some(role) => Ok(Some((name.to_string(), crate::users::Role::parse(&role)?))),
            None => Ok(None),
        }
    }

    /// Add a user with a role and a new token, which is returned (and never kept).
    pub fn add_user(
        &mut self,
        name: &str,
        role: crate::users::Role,
    ) -> Result<crate::users::NewToken> {
        let change = ledger::UserChange::Add(role.as_str().into());
        self.user_change(name, change, role)
    }

    /// Give a user a new token; the old one stops working.
    pub fn reset_user(&mut self, name: &str) -> Result<crate::users::NewToken> {
        let role = self.user_role(name)?;
        self.user_change(name, ledger::UserChange::Reset, role)
    }

    /// Give a user another role.
    pub fn set_user_role(&mut self, name: &str, role: crate::users::Role) -> Result<()> {
        let label = self.label("user role", &[name, role.as_str()]);
        let change = ledger::UserChange::Role(role.as_str().into());
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        Ok(())
    }

    /// Set a user's password (for the web page's login); only its argon2id hash is kept.
    pub fn set_user_password(&mut self, name: &str, password: &str) -> Result<()> {
        self.user_role(name)?;
        let mut secrets = crate::users::Secrets::load(&self.dir)?;
        secrets.set_password(name, password)?;
        let label = self.label("user password", &[name]);
        let change = ledger::UserChange::Password;
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        secrets.save(&self.dir)
    }

    /// Remove a user and its token.
    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        let label = self.label("user remove", &[name]);
        let change = ledger::UserChange::Remove;
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        let mut secrets = crate::users::Secrets::load(&self.dir)?;
        secrets.remove(name);
        secrets.save(&self.dir)
    }

    fn user_role(&self, name: &str) -> Result<crate::users::Role> {
        self.user_role_of(name)?
            .ok_or_else(|| Error::NoSuchUser(crate::output::visible(name).into_owned()))
    }

    /// A user's role, `None` when there is no such user.
    pub fn user_role_of(&self, name: &str) -> Result<Option<crate::users::Role>> {
        self.store
            .user_role(name)?
            .map(|r| crate::users::Role::parse(&r))
            .transpose()
    }

    /// Record a user change that issues a token: the ledger entry first (validated like
    /// every write), then the token's hash in `secrets.json`.
    fn user_change(
        &mut self,
        name: &str,
        change: ledger::UserChange,
        role: crate::users::Role,
    ) -> Result<crate::users::NewToken> {
        let token = crate::users::new_token()?;
        let label = match change {
            ledger::UserChange::Reset => self.label("user reset", &[name]),
            _ => self.label("user add", &[name, role.as_str()]),
        };
        self.write(
            std::iter::once(Ok((0, Pending::User(name.into(), change)))),
            &label,
        )?;
        let mut secrets = crate::users::Secrets::load(&self.dir)?;
        secrets.set(name, &token);
        secrets.save(&self.dir).map_err(|e| {
            Error::Invalid(format!(
                "the user {name} is recorded but its token could not be kept ({e}); run `corroborate user reset {name}` to issue a new one"
            ))
        })?;
        Ok(crate::users::NewToken {
            name: name.to_string(),
            role,
            token,
        })
    }

    /// Keep claims' vectors (or, for `lexical`, the mark that the matcher has seen
    /// them) in the store's cache. Nothing is kept in a read-only database: the
    /// matcher computes them again next time.
    pub fn put_vectors(&self, model: &str, items: &[(ClaimId, Vec<f32>)]) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        for (id, v) in items {
            self.store.put_vector(id, model, v)?;
        }
        self.store.flush()
    }

    /// The claim groups, from the live links.
    pub fn groups(&self) -> Result<Groups> {
        let links = self.store.links()?;
        Ok(Groups::build(links, |c| {
            self.store.claim_number(c).ok().flatten()
        }))
    }

    /// A claim's whole group as one claim: the representative's id, text and time, and
    /// the reports of every member (members in record order, each one's reports in
    /// theirs). Also returns, per report, the id of the wording it reported.
    pub fn group_claim(&self, groups: &Groups, id: &ClaimId) -> Result<(Claim, Vec<ClaimId>)> {
        let members = groups.members(id);
        let mut merged: Option<Claim> = None;
        let mut wording = Vec::new();
        for m in &members {
            let c = self.claim(m)?;
            wording.extend(std::iter::repeat_n(*m, c.reports.len()));
            match &mut merged {
                None => merged = Some(c),
                Some(g) => g.reports.extend(c.reports),
            }
        }
        Ok((merged.expect("a group has a member"), wording))
    }

    /// Verdicts on any claim of `id`'s group, oldest first.
    pub fn group_verdicts(&self, groups: &Groups, id: &ClaimId) -> Result<Vec<VerdictEntry>> {
        let mut out = Vec::new();
        for m in groups.members(id) {
            out.extend(self.verdicts_of(&m)?);
        }
        out.sort_by_key(|v| v.seq);
        Ok(out)
    }

    /// Every claim group as one claim (see [`Database::group_claim`]), in the order
    /// their representatives were first recorded.
    pub fn group_claims<'a>(
        &'a self,
        groups: &'a Groups,
    ) -> impl Iterator<Item = Result<Claim>> + 'a {
        self.claims().filter_map(move |c| match c {
            Err(e) => Some(Err(e)),
            Ok(c) => match groups.group_of(&c.id) {
                None => Some(Ok(c)),
                Some(g) if g.members[0] == c.id => {
                    Some(self.group_claim(groups, &c.id).map(|(c, _)| c))
                }
                Some(_) => None,
            },
        })
    }

    /// The pairs of live sources recorded as distinct (see [`Database::distinct`]),
    /// following merges made since, each in id order, sorted and without repeats.
    pub fn distinct_pairs(&self) -> Result<Vec<(SourceId, SourceId)>> {
        canonical_pairs(&self.store, &self.reg)
    }

    // ---- reads -----------------------------------------------------------------

    /// Resolve a full id or a unique prefix (≥ 4 hex digits) to a claim id.
    pub fn resolve_claim(&self, prefix: &str) -> Result<ClaimId> {
        let p = prefix.trim();
        if p.len() < 4 || p.len() > 64 || !crate::hex::is_hex(p) {
            return Err(Error::BadPrefix(prefix.to_string()));
        }
        let ids = self.store.claims_with_prefix(p, 11)?;
        match ids.len() {
            0 => Err(Error::NoSuchClaim(p.to_string())),
            1 => Ok(ids[0]),
            _ => {
                let mut candidates = Vec::new();
                for id in ids.iter().take(10) {
                    let text = self.claim(id)?.text.chars().take(60).collect::<String>();
                    candidates.push(format!("  {}  {}", id.to_hex(), text));
                }
                if ids.len() > 10 {
                    candidates.push("  …".into());
                }
                Err(Error::AmbiguousPrefix {
                    prefix: p.to_string(),
                    candidates,
                })
            }
        }
    }

    /// One claim by id.
    pub fn claim(&self, id: &ClaimId) -> Result<Claim> {
        let c = self
            .store
            .get_claim(id)?
            .ok_or_else(|| Error::NoSuchClaim(id.to_hex()))?;
        let mut texts = self.ledger.cursor(POINT_WINDOW);
        let mut entries = self.ledger.cursor(POINT_WINDOW);
        join(&mut texts, &mut entries, &self.reg, c)
    }

    /// Every claim, in the order they were first recorded.
    pub fn claims(&self) -> impl Iterator<Item = Result<Claim>> + '_ {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        let mut entries = self.ledger.cursor(POINT_WINDOW);
        self.store
            .claims()
            .map(move |c| join(&mut texts, &mut entries, &self.reg, c?))
    }

    /// Visit every claim, in the order they were first recorded, with what listings
    /// need: id, text, and the hops of each report as engine hops (stored source ids;
    /// the caller follows merges) in one flat buffer with a range per report.
    pub fn scan_chains(
        &self,
        mut f: impl FnMut(
            ClaimId,
            &str,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
        ) -> Result<()>,
    ) -> Result<()> {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        self.store
            .scan_chains(|n, id, ranges, hops| f(id, texts.claim_text_at(n)?, ranges, hops))
    }

    /// [`Database::scan_chains`] with each report's date as well (one per range:
    /// [`crate::find::report_date`], its publication date or else when it was
    /// recorded), read from the ledger: listings that show or filter by dates pay for
    /// one entry read per report, at most one small read each (a claim's reports lie
    /// anywhere in its batch, so a large window would be refilled for most of them).
    /// The reports of a claim's first batch and those of later batches have a window
    /// each.
    pub fn scan_dated(
        &self,
        mut f: impl FnMut(
            ClaimId,
            &str,
            &[std::ops::Range<usize>],
            &mut [crate::independence::Hop],
            &[(i64, String)],
        ) -> Result<()>,
    ) -> Result<()> {
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        let mut near = self.ledger.cursor(POINT_WINDOW);
        let mut far = self.ledger.cursor(POINT_WINDOW);
        let mut dates: Vec<(i64, String)> = Vec::new();
        self.store
            .scan_chains_at(|n, id, ranges, hops, (entries, head)| {
                dates.clear();
                for (i, &at) in entries.iter().enumerate() {
                    let cursor = if i < head { &mut near } else { &mut far };
                    let Entry::Report {
                        published, added, ..
                    } = cursor.entry_at(at)?
                    else {
                        return Err(Error::Corrupt(format!(
                            "claim {id}: the report at ledger byte {at} does not match the entry there"
                        )));
                    };
                    dates.push(crate::find::report_date(published.as_deref(), added));
                }
                f(id, texts.claim_text_at(n)?, ranges, hops, &dates)
            })
    }

    /// Verdicts on a claim, oldest first.
    pub fn verdicts_of(&self, id: &ClaimId) -> Result<Vec<VerdictEntry>> {
        self.store.verdicts_of(id)
    }

    /// Every verdict.
    pub fn verdicts(&self) -> impl Iterator<Item = Result<VerdictEntry>> + '_ {
        self.store.verdicts()
    }

    /// Ids of every source merged (directly or not) into `id`, `id` included.
    pub fn source_ids_of(&self, id: SourceId) -> Vec<SourceId> {
        let live = self.reg.canonical(id);
        self.reg
            .all()
            .iter()
            .filter(|s| self.reg.canonical(s.id) == live)
            .map(|s| s.id)
            .collect()
    }

    /// Claims in which the source (or any source merged into it) appears, in the order
    /// they were first recorded.
    pub fn claims_of_source(
        &self,
        id: SourceId,
    ) -> Result<impl Iterator<Item = Result<Claim>> + '_> {
        let numbers = self
            .store
            .claim_numbers_of_sources(&self.source_ids_of(id))?;
        let mut texts = self.ledger.cursor(SCAN_WINDOW);
        let mut entries = self.ledger.cursor(POINT_WINDOW);
        Ok(numbers.into_iter().map(move |n| {
            let c = self.store.claim_at(n)?.ok_or_else(|| {
                Error::Corrupt(format!(
                    "a posting names claim number {n}, which has no head"
                ))
            })?;
            join(&mut texts, &mut entries, &self.reg, c)
        }))
    }

    /// Number of claims each live source appears in.
    pub fn claim_counts(&self) -> Result<HashMap<SourceId, usize>> {
        // Group every id under its live source in one pass (asking `source_ids_of`
        // per source would be quadratic in the size of the registry).
        let mut ids: HashMap<SourceId, Vec<SourceId>> = HashMap::new();
        for s in self.reg.all() {
            ids.entry(self.reg.canonical(s.id)).or_default().push(s.id);
        }
        let mut out = HashMap::new();
        for (live, group) in ids {
            out.insert(live, self.store.claim_numbers_of_sources(&group)?.len());
        }
        Ok(out)
    }

    // ---- integrity -------------------------------------------------------------

    /// Check the ledger's hash chain, recompute every claim and report id, and compare
    /// the store with a fresh materialization of the ledger.
    pub fn verify(&self) -> Result<VerifyReport> {
        let mut rep = VerifyReport::default();
        let mut r = self.ledger.read_all()?;
        let mut chain_ok = true;
        loop {
            match r.next_entry() {
                Ok(Some(e)) => {
                    rep.entries += 1;
                    if matches!(e.entry, Entry::Commit { .. }) {
                        rep.commits += 1;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    rep.problems.push(format!("ledger: {e}"));
                    chain_ok = false;
                    break;
                }
            }
        }
        let p = self.progress()?;
        if chain_ok {
            if r.position() != self.ledger.size()? {
                rep.problems.push(format!(
                    "ledger: {} trailing bytes after the last complete entry",
                    self.ledger.size()? - r.position()
                ));
            }
            if r.position() == p.applied && r.last_hash() != p.head {
                rep.problems.push(format!(
                    "ledger: the last entry (entry {}) does not hash to the value the store recorded; it was altered",
                    rep.entries.saturating_sub(1)
                ));
            }
        }
        for c in self.claims() {
            let c = match c {
                Ok(c) => c,
                Err(e) => {
                    rep.problems.push(format!("store: {e}"));
                    break;
                }
            };
            rep.claims += 1;
            if ClaimId::of_text(&c.text) != c.id {
                rep.problems.push(format!(
                    "claim {}: its stored text hashes to {}",
                    c.id,
                    ClaimId::of_text(&c.text)
                ));
            }
            // Report ids are recomputed from the hops when read; two equal ones in a
            // claim mean a duplicate was stored.
            let mut ids = HashSet::new();
            for r in &c.reports {
                rep.reports += 1;
                if !ids.insert(r.id) {
                    rep.problems.push(format!(
                        "claim {}: report {} is stored twice",
                        c.id,
                        r.id.to_hex()
                    ));
                }
            }
        }
        match self.groups() {
            Ok(g) => {
                rep.links = g.links().len() as u64;
                rep.groups = g.groups().len() as u64;
                for l in g.links() {
                    for c in [l.a, l.b] {
                        if !self.store.has_claim(&c)? {
                            rep.problems.push(format!(
                                "link at entry {}: claim {} is not stored",
                                l.entry, c
                            ));
                        }
                    }
                }
            }
            Err(e) => rep.problems.push(format!("store: {e}")),
        }
        if chain_ok {
            let tmp = self.dir.join("store.verify");
            if tmp.exists() {
                std::fs::remove_dir_all(&tmp)
                    .map_err(|e| Error::io(format!("removing {}", tmp.display()), e))?;
            }
            let fresh = Store::open(&tmp)?;
            let mut reg = Registry::new();
            let start = Progress::start();
            let result = apply(&self.ledger, &fresh, &mut reg, start, p.applied, &mut Quiet)
                .and_then(|_| self.store.diff(&fresh));
            drop(fresh);
            let _ = std::fs::remove_dir_all(&tmp);
            for d in result? {
                rep.problems
                    .push(format!("store differs from the ledger: {d}"));
            }
        }
        Ok(rep)
    }

    /// The audit trail: one line per commit, or every entry about one claim.
    pub fn log(&self, claim: Option<&ClaimId>) -> Result<Vec<LogLine>> {
        let mut out = Vec::new();
        let mut r = self.ledger.read_all()?;
        let mut pending: Vec<LogLine> = Vec::new();
        let mut counts: HashMap<&'static str, u64> = HashMap::new();
        while let Some(e) = r.next_entry()? {
            let idx = e.index;
            match &e.entry {
                Entry::Commit {
                    records,
                    time,
                    command,
                    author,
                } => {
                    let when = Some(crate::date::format_utc(*time));
                    if claim.is_some() {
                        for mut l in pending.drain(..) {
                            l.time = when.clone();
                            l.author = author.clone();
                            out.push(l);
                        }
                    } else {
                        let mut parts: Vec<String> = counts
                            .drain()
                            .map(|(k, v)| format!("{v} {k}{}", if v == 1 { "" } else { "s" }))
                            .collect();
                        parts.sort();
                        out.push(LogLine {
                            entry: idx,
                            time: when,
                            kind: "commit".into(),
                            claim: None,
                            what: format!("{command}: {records} records ({})", parts.join(", ")),
                            author: author.clone(),
                        });
                    }
                }
                other => {
                    *counts.entry(other.kind()).or_default() += 1;
                    if let Some(want) = claim {
                        let about = match other {
                            Entry::Report { claim: c, hops, .. } => (c.id() == *want)
                                .then(|| format!("report via {}", ledger::chain_words(hops))),
                            Entry::Verdict {
                                claim: c,
                                verdict,
                                by,
                                ..
                            } => (ClaimId(*c) == *want).then(|| {
                                format!(
                                    "verdict {}{}",
                                    verdict.as_str(),
                                    by.as_ref().map(|b| format!(" by {b}")).unwrap_or_default()
                                )
                            }),
                            Entry::Retract {
                                claim: c,
                                target,
                                reason,
                            } => (ClaimId(*c) == *want).then(|| {
                                let what = match target {
                                    RetractTarget::Report(id) => {
                                        format!("report {}", &crate::hex::encode(id)[..12])
                                    }
                                    RetractTarget::Verdict(at) => format!("verdict [entry {at}]"),
                                };
                                format!(
                                    "retraction of {what}{}",
                                    reason
                                        .as_ref()
                                        .map(|r| format!(": {r}"))
                                        .unwrap_or_default()
                                )
                            }),
                            Entry::Link { a, b, .. } | Entry::Unlink { a, b }
                                if ClaimId(*a) == *want || ClaimId(*b) == *want =>
                            {
                                Some(describe(other))
                            }
                            _ => None,
                        };
                        if let Some(what) = about {
                            pending.push(LogLine {
                                entry: idx,
                                time: None,
                                kind: other.kind().into(),
                                claim: Some(want.to_hex()),
                                what,
                                author: None,
                            });
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// Where each alias and affiliation label of a source came from, read from the
    /// ledger (for `source show` only: one pass over the whole ledger). For each
    /// current alias, the last entry that gave it: a source record naming the source
    /// (from `source alias`, `source set`, an import or a list importer; the commit's
    /// audit label says which), or a merge that brought in the source it names; for
    /// each current label, the last source record naming the source that carried it.
    /// Names in records are resolved with the current registry.
    pub fn provenance(&self, id: SourceId) -> Result<SourceProvenance> {
        let live = self.reg.canonical(id);
        let Some(src) = self.reg.get(live) else {
            return Ok(SourceProvenance::default());
        };
        let keys: HashMap<String, &String> = src.aliases.iter().map(|a| (name_key(a), a)).collect();
        let is_here = |name: &str| matches!(self.reg.resolve(name), crate::source::Resolution::Known(x) if x == live);
        let mut aliases: HashMap<String, usize> = HashMap::new();
        let mut labels: HashMap<String, usize> = HashMap::new();
        // (entry number, alias key or label, how) waiting for their commit.
        let mut pending: Vec<(u64, bool, String, String)> = Vec::new();
        let mut done: Vec<(bool, String, Provenance)> = Vec::new();
        let mut r = self.ledger.read_all()?;
        while let Some(e) = r.next_entry()? {
            match &e.entry {
                Entry::Source {
                    name,
                    aliases: added,
                    affiliations,
                    ..
                } if is_here(name) => {
                    for a in added {
                        let k = name_key(a);
                        if keys.contains_key(&k) {
                            pending.push((e.index, true, k, format!("source record for {name:?}")));
                        }
                    }
                    for l in affiliations {
                        let l = crate::chain::collapse_ws(l);
                        if src.affiliations.contains(&l) {
                            pending.push((
                                e.index,
                                false,
                                l,
                                format!("source record for {name:?}"),
                            ));
                        }
                    }
                }
                Entry::Merge { into, from } if is_here(into) && is_here(from) => {
                    if let Some(v) = self.reg.merged_into_by_name(live, from) {
                        if let Some(v) = self.reg.get(v) {
                            for a in std::iter::once(&v.name).chain(v.aliases.iter()) {
                                let k = name_key(a);
                                if keys.contains_key(&k) {
                                    pending.push((
                                        e.index,
                                        true,
                                        k,
                                        format!("merge of {from:?} into {into:?}"),
                                    ));
                                }
                            }
                        }
                    }
                }
                Entry::Commit { time, command, .. } => {
                    for (entry, alias, k, how) in pending.drain(..) {
                        done.push((
                            alias,
                            k,
                            Provenance {
                                value: String::new(),
                                how,
                                command: command.clone(),
                                entry,
                                time: crate::date::format_utc(*time),
                            },
                        ));
                    }
                }
                _ => {}
            }
        }
        // The last of each wins.
        for (i, (alias, k, _)) in done.iter().enumerate() {
            let slot = if *alias { &mut aliases } else { &mut labels };
            slot.insert(k.clone(), i);
        }
        let pick = |i: Option<&usize>, value: &String| {
            i.map(|&i| Provenance {
                value: value.clone(),
                ..done[i].2.clone()
            })
        };
        Ok(SourceProvenance {
            aliases: src
                .aliases
                .iter()
                .filter_map(|a| pick(aliases.get(&name_key(a)), a))
                .collect(),
            affiliations: src
                .affiliations
                .iter()
                .filter_map(|l| pick(labels.get(l), l))
                .collect(),
        })
    }

    /// Flush the store (writes are already durable in the ledger).
    pub fn flush(&self) -> Result<()> {
        self.store.flush()
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

/// What an entry recorded, in words (the audit trail, salvage's list of losses).
fn describe(entry: &Entry) -> String {
    match entry {
        Entry::Report { claim, hops, .. } => {
            let chain = ledger::chain_words(hops);
            match claim {
                ClaimRef::Text(t) => format!("report of {t:?} via {chain}"),
                ClaimRef::Id(b) => format!("report of claim {} via {chain}", ClaimId(*b).to_hex()),
            }
        }
        Entry::Source { name, .. } => format!("source record {name:?}"),
        Entry::Verdict {
            claim, verdict, by, ..
        } => format!(
            "verdict {} on claim {}{}",
            verdict.as_str(),
            ClaimId(*claim).to_hex(),
            by.as_ref().map(|b| format!(" by {b}")).unwrap_or_default()
        ),
        Entry::Merge { into, from } => format!("merge of {from:?} into {into:?}"),
        Entry::Unmerge { into, from } => format!("unmerge of {from:?} from {into:?}"),
        Entry::Unalias { name, alias } => format!("alias {alias:?} removed from {name:?}"),
        Entry::Unaffiliate { name, label } => {
            format!("affiliation {label:?} removed from {name:?}")
        }
        Entry::Retract {
            claim,
            target,
            reason,
        } => {
            let what = match target {
                RetractTarget::Report(id) => format!("report {}", crate::hex::encode(id)),
                RetractTarget::Verdict(at) => format!("the verdict at entry {at}"),
            };
            format!(
                "retraction of {what} of claim {}{}",
                ClaimId(*claim).to_hex(),
                reason
                    .as_ref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            )
        }
        Entry::Distinct { a, b } => format!("{a:?} and {b:?} marked as distinct sources"),
        Entry::Link { a, b, link, .. } => {
            let (a, b) = (ClaimId(*a).to_hex(), ClaimId(*b).to_hex());
            let what = if link.same {
                "the same claim"
            } else {
                "different claims"
            };
            match &link.matcher {
                None => format!("claims {a} and {b} linked as {what} by a person"),
                Some(m) => format!(
                    "claims {a} and {b} matched as {what} (score {:.3}, model {}, threshold {:.3})",
                    m.score, m.model, m.threshold
                ),
            }
        }
        Entry::Unlink { a, b } => format!(
            "links between claims {} and {} removed",
            ClaimId(*a).to_hex(),
            ClaimId(*b).to_hex()
        ),
        Entry::Commit {
            records, command, ..
        } => format!("commit of {records} records ({command})"),
        Entry::User { name, change } => match change {
            ledger::UserChange::Add(role) => format!("user {name} added as {role}"),
            ledger::UserChange::Role(role) => format!("user {name} given the role {role}"),
            ledger::UserChange::Reset => format!("user {name} given a new token"),
            ledger::UserChange::Password => format!("user {name} given a new password"),
            ledger::UserChange::Remove => format!("user {name} removed"),
        },
    }
}

/// Make a claim from what the store keeps and the ledger entries it points at: the
/// text from the entry at the claim's number, and from each report's entry the URL,
/// date, names as written and anonymous descriptions. A name as written is kept when
/// it is not the canonical name of the source it resolved to (an alias, a domain, a
/// name merged away). Report ids are recomputed.
fn join(
    texts: &mut ledger::Cursor<'_>,
    entries: &mut ledger::Cursor<'_>,
    reg: &Registry,
    c: StoredClaim,
) -> Result<Claim> {
    let text = texts.claim_text_at(c.n)?.to_string();
    let mut reports = Vec::with_capacity(c.reports.len());
    for r in c.reports {
        let mismatch = || {
            Error::Corrupt(format!(
                "claim {}: the report at ledger byte {} does not match the entry there",
                c.id, r.entry
            ))
        };
        let Entry::Report {
            hops: names,
            url,
            published,
            added,
            ..
        } = entries.entry_at(r.entry)?
        else {
            return Err(mismatch());
        };
        if names.len() != r.hops.len() {
            return Err(mismatch());
        }
        let mut hops = Vec::with_capacity(names.len());
        for (h, stored) in names.into_iter().zip(&r.hops) {
            hops.push(match (stored, h.anonymous) {
                (Some(source), false) => Hop::Named {
                    source: *source,
                    written: (name_key(&h.name) != reg.key(*source)).then_some(h.name),
                },
                (None, true) => Hop::Anonymous(h.name),
                _ => return Err(mismatch()),
            });
        }
        reports.push(Report {
            id: report_id(&c.id, &hops, url.as_deref(), published.as_deref(), reg),
            claim: c.id,
            hops,
            url,
            published,
            added,
        });
    }
    Ok(Claim {
        id: c.id,
        text,
        added: c.added,
        reports,
    })
}

/// An item to write: a record, or a registry command. Registry commands that set
/// attributes are source records, so that they are validated like imported ones.
enum Pending {
    Record(Record),
    Merge(String, String),
    /// `into`, `from`.
    Unmerge(String, String),
    /// Source, alias.
    Unalias(String, String),
    /// Source, label.
    Unaffiliate(String, String),
    /// Claim, what, reason.
    Retract(ClaimId, RetractTarget, Option<String>),
    Distinct(String, String),
    /// Remove the links between two claims.
    Unlink(ClaimId, ClaimId),
    /// A change to a server user.
    User(String, ledger::UserChange),
}

/// The stored distinct pairs as pairs of live sources (merges followed), in id order.
fn canonical_pairs(store: &Store, reg: &Registry) -> Result<Vec<(SourceId, SourceId)>> {
    let mut out: Vec<(SourceId, SourceId)> = store
        .distinct_pairs()?
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (reg.canonical(a), reg.canonical(b));
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .filter(|(a, b)| a != b)
        .collect();
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// A source patch (from `source set`, `alias`, a list importer) as the record that
/// writes it.
fn source_record(name: String, patch: SourcePatch) -> Record {
    Record::Source(record::SourceRecord {
        name,
        aliases: patch.aliases,
        homepage: patch.homepage.map(|u| u.to_string()),
        kind: patch.kind,
        affiliations: patch.affiliations,
        rating: patch.rating,
    })
}

/// Turn a validated item into a ledger entry, checking it against the registry as it
/// will be when the entry is applied (`scratch` follows the write as it goes; `names`
/// holds the hop names already resolved in it since the last registry entry).
/// What a write has met so far, so that each report is written once.
#[derive(Default)]
struct Seen {
    /// Claims met in this write.
    claims: HashSet<ClaimId>,
    /// Claims met that were stored before this write.
    stored: HashSet<ClaimId>,
    /// Report ids (their first 16 bytes) of the stored claims met: those stored, and
    /// those this write adds. (A claim new in this write cannot repeat a stored
    /// report; a line repeated inside one write is collapsed when applied. Tracking
    /// only stored claims keeps a first import of millions of reports from holding
    /// every report id in memory.)
    reports: HashSet<u128>,
    /// Hop names resolved since the last registry entry, and their sources.
    names: HashMap<String, SourceId>,
    /// Reports left out as already recorded.
    duplicates: u64,
    /// The claim links as the write leaves them, once a link or unlink is met.
    links: Option<Vec<StoredLink>>,
}

impl Seen {
    fn links(&mut self, store: &Store) -> Result<&mut Vec<StoredLink>> {
        if self.links.is_none() {
            self.links = Some(store.links()?);
        }
        Ok(self.links.as_mut().expect("just set"))
    }
}

fn same_pair(l: &StoredLink, a: &ClaimId, b: &ClaimId) -> bool {
    (l.a == *a && l.b == *b) || (l.a == *b && l.b == *a)
}

/// Check a person's link against the person's other links: "same" must not join two
/// claims a person marked different, and "different" must not split claims a person
/// joined (directly or through other claims). The matcher's links give way to either.
fn check_person_link(store: &Store, stored: &[StoredLink], new: &StoredLink) -> Result<()> {
    let short = |c: &ClaimId| c.to_hex()[..12].to_string();
    let mut person: Vec<StoredLink> = stored
        .iter()
        .filter(|s| s.person && !same_pair(s, &new.a, &new.b))
        .cloned()
        .collect();
    let number = |c: &ClaimId| store.claim_number(c).ok().flatten().or(Some(u64::MAX));
    if new.same {
        person.push(new.clone());
    } else {
        // Which claims a person's "same" links join, without this link.
        person.retain(|l| l.same);
    }
    let groups = Groups::build(person, number);
    if new.same {
        if let Some(r) = groups.refused().iter().find(|r| r.link.entry == u64::MAX) {
            return Err(Error::Invalid(format!(
                "claims {} and {} cannot be linked as the same: a person marked {} and {} as different claims, and this link would put them in one group; if that was wrong, `corroborate unlink {} {}` first",
                short(&new.a),
                short(&new.b),
                short(&r.because.a),
                short(&r.because.b),
                short(&r.because.a),
                short(&r.because.b)
            )));
        }
    } else if groups.same(&new.a, &new.b) {
        let path: Vec<String> = groups
            .group_of(&new.a)
            .map(|g| {
                g.joined_by
                    .iter()
                    .map(|l| format!("{}={}", short(&l.a), short(&l.b)))
                    .collect()
            })
            .unwrap_or_default();
        return Err(Error::Invalid(format!(
            "claims {} and {} cannot be marked different: a person linked them as the same (links {}); `corroborate unlink` one of those first",
            short(&new.a),
            short(&new.b),
            path.join(", ")
        )));
    }
    Ok(())
}

fn report_key(id: &ReportId) -> u128 {
    let mut k = [0u8; 16];
    k.copy_from_slice(&id.0[..16]);
    u128::from_le_bytes(k)
}

/// Turn an item into a ledger entry, validating it and checking it against the
/// registry as it will be when the entry is applied (`scratch` follows the write as it
/// goes). A report already recorded (same claim, chain, URL and date) gives no entry:
/// re-importing a file adds nothing to the ledger.
fn to_entry(
    p: Pending,
    store: &Store,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    scratch: &mut Registry,
    seen: &mut Seen,
    now: i64,
) -> Result<Option<Entry>> {
    // The one place where what is written is validated: every write path (import,
    // add, verdict, extract --import, registry commands, list importers) comes here.
    match &p {
        Pending::Record(r) => r.validate()?,
        Pending::Merge(into, from)
        | Pending::Unmerge(into, from)
        | Pending::Distinct(into, from) => {
            record::check_name("source", into)?;
            record::check_name("source", from)?;
        }
        Pending::Unalias(name, other) | Pending::Unaffiliate(name, other) => {
            record::check_name("source", name)?;
            record::check_name("alias or label", other)?;
        }
        Pending::Retract(_, _, reason) => {
            if let Some(r) = reason {
                record::check_name("reason", r)?;
            }
        }
        Pending::User(name, change) => {
            crate::users::check_name(name)?;
            if let ledger::UserChange::Add(r) | ledger::UserChange::Role(r) = change {
                crate::users::Role::parse(r)?;
            }
            let exists = store.user_role(name)?.is_some();
            match (change, exists) {
                (ledger::UserChange::Add(_), true) => {
                    return Err(Error::Invalid(format!(
                        "a user named {name} exists already; `corroborate user reset {name}` gives it a new token, `corroborate user role {name} ROLE` a new role"
                    )))
                }
                (ledger::UserChange::Add(_), false) | (_, true) => {}
                (_, false) => return Err(Error::NoSuchUser(name.clone())),
            }
        }
        Pending::Unlink(a, b) => {
            if a == b {
                return Err(Error::Invalid(
                    "unlink needs two different claims; both ids are the same".into(),
                ));
            }
        }
    }
    if !matches!(
        p,
        Pending::Record(Record::Report(_))
            | Pending::Record(Record::Verdict(_))
            | Pending::Record(Record::Link(_))
            | Pending::Unlink(..)
    ) {
        seen.names.clear();
    }
    Ok(Some(match p {
        Pending::Record(Record::Report(r)) => {
            let id = ClaimId::of_text(&r.claim);
            let first = seen.claims.insert(id);
            let stored = if first {
                store.has_claim(&id)?
            } else {
                seen.stored.contains(&id)
            };
            if first && stored {
                seen.stored.insert(id);
                if let Some(c) = store.get_claim(&id)? {
                    let c = join(&mut cursors.0, &mut cursors.1, scratch, c)?;
                    seen.reports
                        .extend(c.reports.iter().map(|r| report_key(&r.id)));
                }
            }
            let hops: Vec<HopEntry> = r
                .chain
                .into_hops()
                .into_iter()
                .map(|h| HopEntry {
                    name: h.name,
                    anonymous: h.anonymous,
                })
                .collect();
            // Resolve every named hop against the registry as the write leaves it
            // (creating sources as apply will), remembering the answer per name.
            for h in hops.iter().filter(|h| !h.anonymous) {
                if !seen.names.contains_key(&h.name) {
                    let (s, _) = scratch.resolve_or_create(&h.name);
                    seen.names.insert(h.name.clone(), s);
                }
            }
            if stored {
                let resolved: Vec<Hop> = hops
                    .iter()
                    .map(|h| match h.anonymous {
                        true => Hop::Anonymous(h.name.clone()),
                        false => Hop::Named {
                            source: seen.names[&h.name],
                            written: None,
                        },
                    })
                    .collect();
                let rid = report_id(
                    &id,
                    &resolved,
                    r.url.as_deref(),
                    r.published.as_deref(),
                    scratch,
                );
                if !seen.reports.insert(report_key(&rid)) {
                    seen.duplicates += 1;
                    return Ok(None);
                }
            }
            Entry::Report {
                claim: if first && !stored {
                    ClaimRef::Text(r.claim)
                } else {
                    ClaimRef::Id(id.0)
                },
                hops,
                url: r.url,
                published: r.published,
                // Validated above; a backup's recording time is kept.
                added: match r.recorded.as_deref() {
                    Some(d) => crate::date::sort_key(d)?,
                    None => now,
                },
            }
        }
        Pending::Record(Record::Source(s)) => {
            let patch = s.patch()?;
            scratch.upsert(&s.name, &patch)?;
            Entry::Source {
                name: s.name,
                aliases: s.aliases,
                homepage: patch.homepage.map(|u| u.to_string()),
                kind: s.kind,
                affiliations: s.affiliations,
                rating: s.rating,
            }
        }
        Pending::Record(Record::Verdict(v)) => {
            let id = v.claim_id()?;
            if !seen.claims.contains(&id) && !store.has_claim(&id)? {
                return Err(Error::NoSuchClaim(id.to_hex()));
            }
            Entry::Verdict {
                claim: id.0,
                verdict: v.verdict,
                by: v.by,
                url: v.url,
                note: v.note,
                date: v.date,
                added: now,
            }
        }
        Pending::Record(Record::Link(l)) => {
            let (a, b) = l.ids()?;
            for id in [a, b] {
                if !seen.claims.contains(&id) && !store.has_claim(&id)? {
                    return Err(Error::NoSuchClaim(id.to_hex()));
                }
            }
            let link = l.link();
            let stored = seen.links(store)?;
            let person = link.matcher.is_none();
            if stored
                .iter()
                .any(|s| s.person == person && s.same == link.same && same_pair(s, &a, &b))
            {
                return Ok(None);
            }
            let new = StoredLink {
                a: if a.0 <= b.0 { a } else { b },
                b: if a.0 <= b.0 { b } else { a },
                person,
                same: link.same,
                score: link.matcher.as_ref().map(|m| m.score),
                model: link.matcher.as_ref().map(|m| m.model.clone()),
                threshold: link.matcher.as_ref().map(|m| m.threshold),
                // Orders after every stored link.
                entry: u64::MAX,
            };
            if person {
                check_person_link(store, stored, &new)?;
            }
            stored.retain(|s| !(s.person == person && same_pair(s, &a, &b)));
            stored.push(new);
            Entry::Link {
                a: a.0,
                b: b.0,
                link,
                added: now,
            }
        }
        Pending::Unlink(a, b) => {
            let stored = seen.links(store)?;
            if !stored.iter().any(|s| same_pair(s, &a, &b)) {
                let groups =
                    Groups::build(stored.clone(), |c| store.claim_number(c).ok().flatten());
                let why = if groups.same(&a, &b) {
                    format!(
                        "they are in one group through other links; `corroborate show {}` lists the links that joined it, unlink one of those",
                        &a.to_hex()[..12]
                    )
                } else {
                    "they are not in one group either".to_string()
                };
                return Err(Error::Invalid(format!(
                    "claims {} and {} are not linked to each other: {why}",
                    &a.to_hex()[..12],
                    &b.to_hex()[..12]
                )));
            }
            stored.retain(|s| !same_pair(s, &a, &b));
            Entry::Unlink { a: a.0, b: b.0 }
        }
        Pending::User(name, change) => Entry::User { name, change },
        Pending::Merge(into, from) => {
            let a = scratch.find(&into)?;
            let b = scratch.find(&from)?;
            scratch.merge(a, b)?;
            Entry::Merge { into, from }
        }
        Pending::Unmerge(into, from) => {
            let a = scratch.find(&into)?;
            let b = merged_in(scratch, a, &from)?;
            scratch_unmerge(store, scratch, a, b)?;
            Entry::Unmerge { into, from }
        }
        Pending::Unalias(name, alias) => {
            let a = scratch.find(&name)?;
            if let Some(b) = scratch.merged_into_by_name(a, &alias) {
                // The alias came with a merge (`source alias` of a name that was a
                // source): undoing it is undoing that merge.
                scratch_unmerge(store, scratch, a, b)?;
                Entry::Unmerge {
                    into: name,
                    from: alias,
                }
            } else {
                if scratch.remove_alias(a, &alias).is_none() {
                    let s = scratch
                        .get(a)
                        .map(|s| s.aliases.join(", "))
                        .unwrap_or_default();
                    return Err(Error::Invalid(format!(
                        "{:?} has no alias {alias:?} (its aliases: {}); `corroborate source show {name:?}` lists them and where each came from",
                        scratch.display_name(a),
                        if s.is_empty() { "none".to_string() } else { s }
                    )));
                }
                Entry::Unalias { name, alias }
            }
        }
        Pending::Unaffiliate(name, label) => {
            let a = scratch.find(&name)?;
            if !scratch.remove_affiliation(a, &label) {
                let s = scratch
                    .get(a)
                    .map(|s| s.affiliations.join(", "))
                    .unwrap_or_default();
                return Err(Error::Invalid(format!(
                    "{:?} is not affiliated with {label:?} (its labels: {})",
                    scratch.display_name(a),
                    if s.is_empty() { "none".to_string() } else { s }
                )));
            }
            Entry::Unaffiliate { name, label }
        }
        Pending::Retract(claim, target, reason) => {
            if !store.has_claim(&claim)? {
                return Err(Error::NoSuchClaim(claim.to_hex()));
            }
            match target {
                RetractTarget::Report(id) => {
                    let c = store
                        .get_claim(&claim)?
                        .ok_or_else(|| Error::NoSuchClaim(claim.to_hex()))?;
                    let c = join(&mut cursors.0, &mut cursors.1, scratch, c)?;
                    if !c.reports.iter().any(|r| r.id.0 == id) {
                        return Err(Error::Invalid(format!(
                            "claim {} has no report {} (retracted already?)",
                            claim.to_hex(),
                            crate::hex::encode(&id)
                        )));
                    }
                }
                RetractTarget::Verdict(at) => {
                    if !store.verdicts_of(&claim)?.iter().any(|v| v.seq == at) {
                        return Err(Error::Invalid(format!(
                            "claim {} has no verdict at entry {at} (retracted already?): `corroborate show {}` lists each verdict with its entry",
                            claim.to_hex(),
                            &claim.to_hex()[..12]
                        )));
                    }
                }
            }
            Entry::Retract {
                claim: claim.0,
                target,
                reason,
            }
        }
        Pending::Distinct(a, b) => {
            let x = scratch.find(&a)?;
            let y = scratch.find(&b)?;
            if x == y {
                return Err(Error::Invalid(format!(
                    "{a:?} and {b:?} are already the same source ({}), so they cannot be kept apart",
                    scratch.display_name(x)
                )));
            }
            let pair = if x <= y { (x, y) } else { (y, x) };
            if canonical_pairs(store, scratch)?
                .binary_search(&pair)
                .is_ok()
            {
                return Ok(None);
            }
            Entry::Distinct { a, b }
        }
    }))
}

/// The source merged directly into `into` that `from` names, or an error that says
/// what `from` is.
fn merged_in(reg: &Registry, into: SourceId, from: &str) -> Result<SourceId> {
    if let Some(b) = reg.merged_into_by_name(into, from) {
        return Ok(b);
    }
    let what = match reg.resolve(from) {
        crate::source::Resolution::Known(b) if b != into => {
            format!("it is the separate source {:?}", reg.display_name(b))
        }
        crate::source::Resolution::Known(_) => format!(
            "it is {:?}'s own name or alias, or that of a source merged into another one first (unmerge that one first)",
            reg.display_name(into)
        ),
        crate::source::Resolution::Unknown => "no source is known by it".to_string(),
    };
    Err(Error::Invalid(format!(
        "{from:?} was not merged into {:?}: {what}",
        reg.display_name(into)
    )))
}

/// Unmerge `from` out of `into` in a scratch registry, with what the store recorded
/// of the merge.
fn scratch_unmerge(
    store: &Store,
    reg: &mut Registry,
    into: SourceId,
    from: SourceId,
) -> Result<()> {
    let m = store.merge_of(from)?;
    let (aliases, labels, homepage, rating) = match &m {
        Some(m) => (
            m.aliases.as_slice(),
            m.affiliations.as_slice(),
            m.homepage,
            m.rating,
        ),
        None => (&[][..], &[][..], false, false),
    };
    reg.unmerge(into, from, aliases, labels, homepage, rating);
    Ok(())
}

/// One claim's reports in the batch being applied.
struct BatchClaim {
    id: ClaimId,
    /// Claim number: the ledger offset of the entry that first recorded the claim.
    n: u64,
    /// For a claim first recorded in this batch, when.
    head: Option<i64>,
    reports: Vec<(ReportId, StoredReport)>,
}

/// Accumulates one batch of applied report entries.
#[derive(Default)]
struct Batch {
    key: u64,
    /// Where this apply started: claims numbered from there on are new to it.
    first_new: u64,
    /// Claims stored before this apply that it added reports to (counted once).
    seen_known: HashSet<ClaimId>,
    index: HashMap<ClaimId, usize>,
    claims: Vec<BatchClaim>,
    dirty: BTreeSet<SourceId>,
}

/// Apply ledger entries from `from` (a commit boundary) up to `end` (just past a
/// commit) to `store`, then record the progress and flush. Idempotent: applying a
/// range twice leaves the store as applying it once.
fn apply(
    ledger: &Ledger,
    store: &Store,
    reg: &mut Registry,
    from: Progress,
    end: u64,
    obs: &mut dyn Observer,
) -> Result<WriteSummary> {
    let mut r = ledger.reader(from.applied, from.head, true)?;
    let mut sum = WriteSummary::default();
    let mut batch = Batch {
        key: from.applied,
        first_new: from.applied,
        ..Default::default()
    };
    // Written hop name → source. The same few thousand names recur across millions of
    // hops; registry entries (new aliases, homepages, merges) can change resolution,
    // so they clear it.
    let mut resolved: HashMap<String, SourceId> = HashMap::new();
    let mut cursors = (ledger.cursor(POINT_WINDOW), ledger.cursor(POINT_WINDOW));
    let mut in_commit = 0u64;
    let mut head = from.head;
    while r.position() < end {
        let Some(e) = r.next_entry()? else {
            return Err(Error::Corrupt(format!(
                "the ledger ends at byte {} inside a committed range ending at {end}",
                r.position()
            )));
        };
        head = e.hash;
        if e.index.is_multiple_of(4096) {
            obs.progress(e.offset - from.applied);
        }
        if in_commit > 0 && in_commit.is_multiple_of(BATCH) {
            flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
            batch.key = e.offset;
        }
        in_commit += 1;
        match e.entry {
            Entry::Report {
                claim,
                hops,
                added,
                url,
                published,
            } => {
                let (id, first_sighting) = (claim.id(), matches!(claim, ClaimRef::Text(_)));
                let mut stored = Vec::with_capacity(hops.len());
                let hops: Vec<Hop> = hops
                    .into_iter()
                    .map(|h| {
                        if h.anonymous {
                            stored.push(None);
                            return Hop::Anonymous(h.name);
                        }
                        let sid = match resolved.get(&h.name) {
                            Some(&hit) => hit,
                            None => {
                                let (sid, created) = reg.resolve_or_create(&h.name);
                                if created {
                                    sum.sources_created += 1;
                                    batch.dirty.insert(sid);
                                }
                                resolved.insert(h.name, sid);
                                sid
                            }
                        };
                        stored.push(Some(sid));
                        Hop::Named {
                            source: sid,
                            written: None,
                        }
                    })
                    .collect();
                let slot = match batch.index.get(&id) {
                    Some(&i) => i,
                    None => {
                        let (n, head) = if first_sighting {
                            (e.offset, Some(added))
                        } else {
                            let n = store.claim_number(&id)?.ok_or_else(|| {
                                Error::Corrupt(format!(
                                    "the ledger refers to claim {id} before recording its text"
                                ))
                            })?;
                            (n, None)
                        };
                        batch.claims.push(BatchClaim {
                            id,
                            n,
                            head,
                            reports: Vec::new(),
                        });
                        batch.index.insert(id, batch.claims.len() - 1);
                        batch.claims.len() - 1
                    }
                };
                batch.claims[slot].reports.push((
                    report_id(&id, &hops, url.as_deref(), published.as_deref(), reg),
                    StoredReport {
                        entry: e.offset,
                        hops: stored,
                    },
                ));
            }
            Entry::Source {
                name,
                aliases,
                homepage,
                kind,
                affiliations,
                rating,
            } => {
                resolved.clear();
                let existed = matches!(reg.resolve(&name), crate::source::Resolution::Known(_));
                let patch = SourcePatch {
                    aliases,
                    homepage: homepage.as_deref().and_then(|u| url::Url::parse(u).ok()),
                    kind,
                    affiliations,
                    rating,
                };
                // Checked when written; a failure here can only come from replaying a
                // ledger whose later state differs, and the rest of the patch still holds.
                let id = match reg.upsert(&name, &patch) {
                    Ok(id) => Some(id),
                    Err(_) => match reg.resolve(&name) {
                        crate::source::Resolution::Known(id) => Some(id),
                        crate::source::Resolution::Unknown => None,
                    },
                };
                if let Some(id) = id {
                    batch.dirty.insert(id);
                    if !existed {
                        sum.sources_created += 1;
                    }
                }
                sum.source_records += 1;
            }
            Entry::Verdict {
                claim,
                verdict,
                by,
                url,
                note,
                date,
                added,
            } => {
                store.put_verdict(&VerdictEntry {
                    claim: ClaimId(claim),
                    verdict,
                    by,
                    url,
                    note,
                    date,
                    added,
                    seq: e.offset,
                })?;
                sum.verdicts += 1;
            }
            Entry::Merge { into, from } => {
                resolved.clear();
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                if let (Ok(a), Ok(b)) = (reg.find(&into), reg.find(&from)) {
                    if a != b {
                        let affected: Vec<SourceId> = reg
                            .all()
                            .iter()
                            .filter(|s| reg.canonical(s.id) == b)
                            .map(|s| s.id)
                            .collect();
                        let before = reg.get(a).cloned();
                        reg.merge(a, b)?;
                        let collapsed =
                            collapse_merged(store, reg, &mut cursors, &affected, e.offset)?;
                        // What the merge changed, for `source unmerge`. A replay after a
                        // crash may find fewer reports left to collapse: it adds to what
                        // the first run recorded.
                        if let (Some(old), Some(new)) = (before, reg.get(a)) {
                            let mut m = MergeRecord {
                                into: a,
                                at: e.offset,
                                aliases: new
                                    .aliases
                                    .iter()
                                    .filter(|x| !old.aliases.contains(x))
                                    .cloned()
                                    .collect(),
                                affiliations: new
                                    .affiliations
                                    .iter()
                                    .filter(|x| !old.affiliations.contains(x))
                                    .cloned()
                                    .collect(),
                                homepage: old.homepage.is_none() && new.homepage.is_some(),
                                rating: old.rating.is_none() && new.rating.is_some(),
                                collapsed,
                            };
                            if let Some(prev) = store.merge_of(b)?.filter(|p| p.at == e.offset) {
                                for c in prev.collapsed {
                                    if !m
                                        .collapsed
                                        .iter()
                                        .any(|x| x.0 == c.0 && x.1.entry == c.1.entry)
                                    {
                                        m.collapsed.push(c);
                                    }
                                }
                                m.collapsed.sort_by_key(|(n, r)| (*n, r.entry));
                            }
                            store.put_merge(b, &m)?;
                        }
                        // Saved last: if the process dies before this, the replay after
                        // it finds the sources unmerged and does all of the above again
                        // (collapsing twice is collapsing once).
                        store.put_sources([a, b].iter().filter_map(|i| reg.get(*i)))?;
                        sum.merges += 1;
                    }
                }
            }
            Entry::Unmerge { into, from } => {
                resolved.clear();
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                if let Ok(a) = reg.find(&into) {
                    if let Some(b) = reg.merged_into_by_name(a, &from) {
                        apply_unmerge(store, reg, &mut cursors, a, b, e.offset)?;
                        sum.undone += 1;
                    }
                }
            }
            Entry::Unalias { name, alias } => {
                resolved.clear();
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                if let Ok(a) = reg.find(&name) {
                    if reg.remove_alias(a, &alias).is_some() {
                        // Hops written with the alias resolve again without it.
                        let key = name_key(&alias);
                        let group = ids_of(reg, a);
                        let created = repoint(
                            store,
                            reg,
                            &mut cursors,
                            &group,
                            0,
                            e.offset,
                            &mut |reg, written, stored| {
                                (name_key(written) == key && reg.canonical(stored) == a)
                                    .then(|| reg.resolve_or_create(written))
                            },
                        )?;
                        sum.sources_created += created.len() as u64;
                        store.put_sources(
                            std::iter::once(a).chain(created).filter_map(|i| reg.get(i)),
                        )?;
                        sum.undone += 1;
                    }
                }
            }
            Entry::Unaffiliate { name, label } => {
                resolved.clear();
                if let Ok(a) = reg.find(&name) {
                    if reg.remove_affiliation(a, &label) {
                        batch.dirty.insert(a);
                        sum.undone += 1;
                    }
                }
            }
            Entry::Retract {
                claim,
                target,
                reason: _,
            } => match target {
                RetractTarget::Verdict(at) => {
                    if store.remove_verdict(&ClaimId(claim), at)? {
                        sum.retracted += 1;
                    }
                }
                RetractTarget::Report(rid) => {
                    flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                    batch.key = e.end;
                    if let Some(n) = store.claim_number(&ClaimId(claim))? {
                        if let Some(mut sc) = store.claim_before(n, e.offset)? {
                            let c = join(&mut cursors.0, &mut cursors.1, reg, sc.clone())?;
                            let count = sc.reports.len();
                            let mut seen = HashSet::new();
                            let mut ids = c.reports.iter().map(|r| r.id);
                            sc.reports.retain(|_| {
                                ids.next().is_some_and(|id| id.0 != rid && seen.insert(id))
                            });
                            if sc.reports.len() < count {
                                let was = sources_in(&c_hops(&c));
                                store.rewrite_claim(n, e.offset, &sc)?;
                                unpost_gone(store, n, &was, &sc, e.offset)?;
                                sum.retracted += 1;
                            }
                        }
                    }
                }
            },
            Entry::Distinct { a, b } => {
                // Checked when written; both names resolve at this point of the ledger.
                if let (Ok(x), Ok(y)) = (reg.find(&a), reg.find(&b)) {
                    if x != y {
                        store.put_distinct(x, y, e.offset)?;
                    }
                }
            }
            Entry::Link { a, b, link, .. } => {
                let (a, b) = (ClaimId(a), ClaimId(b));
                store.put_link(&StoredLink {
                    a: if a.0 <= b.0 { a } else { b },
                    b: if a.0 <= b.0 { b } else { a },
                    person: link.matcher.is_none(),
                    same: link.same,
                    score: link.matcher.as_ref().map(|m| m.score),
                    model: link.matcher.as_ref().map(|m| m.model.clone()),
                    threshold: link.matcher.as_ref().map(|m| m.threshold),
                    entry: e.offset,
                })?;
                sum.links += 1;
            }
            Entry::Unlink { a, b } => {
                if store.remove_links(&ClaimId(a), &ClaimId(b))? {
                    sum.undone += 1;
                }
            }
            Entry::User { name, change } => match change {
                ledger::UserChange::Add(role) | ledger::UserChange::Role(role) => {
                    store.put_user(&name, &role, e.offset)?;
                }
                ledger::UserChange::Remove => {
                    store.remove_user(&name)?;
                }
                ledger::UserChange::Reset | ledger::UserChange::Password => {}
            },
            Entry::Commit { .. } => {
                flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
                batch.key = e.end;
                in_commit = 0;
            }
        }
    }
    flush_batch(store, reg, &mut cursors, &mut batch, &mut sum)?;
    store.set_progress(Progress { applied: end, head })?;
    store.flush()?;
    Ok(sum)
}

/// After a merge, collapse the reports that it made identical (same claim, same
/// canonical chain) into the first, in every claim citing one of `affected`. Only
/// chunks written before `before` (the merge's entry) count: after a crash, chunks of
/// later batches may exist already, and are written again as they were when those
/// batches are replayed.
fn collapse_merged(
    store: &Store,
    reg: &Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    affected: &[SourceId],
    before: u64,
) -> Result<Vec<(u64, StoredReport)>> {
    let mut collapsed = Vec::new();
    for n in store.claim_numbers_of_sources(affected)? {
        if let Some(mut sc) = store.claim_before(n, before)? {
            let c = join(&mut cursors.0, &mut cursors.1, reg, sc.clone())?;
            let mut seen = HashSet::new();
            let count = sc.reports.len();
            let mut ids = c.reports.iter().map(|r| r.id);
            let mut dropped = Vec::new();
            sc.reports.retain(|r| {
                let keep = ids.next().is_some_and(|id| seen.insert(id));
                if !keep {
                    dropped.push((n, r.clone()));
                }
                keep
            });
            if sc.reports.len() < count {
                store.rewrite_claim(n, before, &sc)?;
                collapsed.extend(dropped);
            }
        }
    }
    Ok(collapsed)
}

/// The sources a claim's joined reports cite.
fn c_hops(c: &Claim) -> Vec<SourceId> {
    c.reports
        .iter()
        .flat_map(|r| r.hops.iter())
        .filter_map(|h| match h {
            Hop::Named { source, .. } => Some(*source),
            Hop::Anonymous(_) => None,
        })
        .collect()
}

fn sources_in(ids: &[SourceId]) -> BTreeSet<SourceId> {
    ids.iter().copied().collect()
}

/// Claim `n` no longer cites the sources of `was` that `now` lacks: take it out of
/// their postings (of batches before `before`), so that a source's claims are the
/// claims it appears in.
fn unpost_gone(
    store: &Store,
    n: u64,
    was: &BTreeSet<SourceId>,
    now: &StoredClaim,
    before: u64,
) -> Result<()> {
    let still: BTreeSet<SourceId> = now
        .reports
        .iter()
        .flat_map(|r| r.hops.iter().flatten().copied())
        .collect();
    let one = BTreeSet::from([n]);
    for s in was.difference(&still) {
        store.unpost(*s, &one, before)?;
    }
    Ok(())
}

/// Every source id merged (directly or not) into the live source `id` stands for,
/// that one included.
fn ids_of(reg: &Registry, id: SourceId) -> Vec<SourceId> {
    let live = reg.canonical(id);
    reg.all()
        .iter()
        .filter(|s| reg.canonical(s.id) == live)
        .map(|s| s.id)
        .collect()
}

/// Undo the merge of `from` into `into` at the ledger entry `at`: the registry lets
/// `from` go with what the merge took (see `store::MergeRecord`), the reports the
/// merge collapsed come back, and hops that were resolved to `into` after the merge
/// through one of `from`'s names (or its homepage) go back to `from`. Sources are
/// saved and the merge record removed last, so a replay after a crash does it again.
fn apply_unmerge(
    store: &Store,
    reg: &mut Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    into: SourceId,
    from: SourceId,
    at: u64,
) -> Result<()> {
    let m = store.merge_of(from)?;
    let (aliases, labels, homepage, rating) = match &m {
        Some(m) => (
            m.aliases.clone(),
            m.affiliations.clone(),
            m.homepage,
            m.rating,
        ),
        None => (Vec::new(), Vec::new(), false, false),
    };
    let group = ids_of(reg, into);
    reg.unmerge(into, from, &aliases, &labels, homepage, rating);
    if let Some(m) = &m {
        // The collapsed reports go back into their claims, in ledger order.
        let mut by_claim: std::collections::BTreeMap<u64, Vec<StoredReport>> = Default::default();
        for (n, r) in &m.collapsed {
            by_claim.entry(*n).or_default().push(r.clone());
        }
        for (n, restored) in by_claim {
            if let Some(mut sc) = store.claim_before(n, at)? {
                let count = sc.reports.len();
                for r in restored {
                    if !sc.reports.iter().any(|x| x.entry == r.entry) {
                        sc.reports.push(r);
                    }
                }
                if sc.reports.len() > count {
                    sc.reports.sort_by_key(|r| r.entry);
                    store.rewrite_claim(n, at, &sc)?;
                }
            }
        }
    }
    let since = m.as_ref().map_or(0, |m| m.at);
    let created = repoint(
        store,
        reg,
        cursors,
        &group,
        since,
        at,
        &mut |reg, written, stored| {
            if reg.canonical(stored) != into {
                return None;
            }
            match reg.resolve(written) {
                crate::source::Resolution::Known(x) if reg.canonical(x) == from => Some((x, false)),
                _ => None,
            }
        },
    )?;
    store.put_sources(
        [into, from]
            .into_iter()
            .chain(created)
            .filter_map(|i| reg.get(i)),
    )?;
    store.remove_merge(from)?;
    Ok(())
}

/// Where a hop goes now, given the registry, its written name and its stored source:
/// the new source and whether it was just created, or `None` to leave it.
type Repick<'a> = dyn FnMut(&mut Registry, &str, SourceId) -> Option<(SourceId, bool)> + 'a;

/// Re-resolve the named hops of reports recorded after ledger offset `since` in the
/// claims that cite one of `group` (postings), in the store as it was before the entry
/// at `before`: `pick(registry, written name, stored source)` gives the source a hop
/// now goes to (and whether it was just created), or `None` to leave it. Changed
/// claims are rewritten (reports that became identical collapsed into the first), and
/// postings are written for the sources hops now go to, under batch key `before`.
/// Returns the sources created.
fn repoint(
    store: &Store,
    reg: &mut Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    group: &[SourceId],
    since: u64,
    before: u64,
    pick: &mut Repick<'_>,
) -> Result<Vec<SourceId>> {
    let mut created = Vec::new();
    let mut postings: Vec<(SourceId, u64)> = Vec::new();
    for n in store.claim_numbers_of_sources(group)? {
        let Some(mut sc) = store.claim_before(n, before)? else {
            continue;
        };
        if sc.reports.iter().all(|r| r.entry <= since) {
            continue;
        }
        let was: BTreeSet<SourceId> = sc
            .reports
            .iter()
            .flat_map(|r| r.hops.iter().flatten().copied())
            .collect();
        let mut changed = false;
        for r in sc.reports.iter_mut().filter(|r| r.entry > since) {
            let Entry::Report { hops, .. } = cursors.1.entry_at(r.entry)? else {
                continue;
            };
            for (h, stored) in hops.iter().zip(r.hops.iter_mut()) {
                let Some(s) = *stored else { continue };
                if h.anonymous {
                    continue;
                }
                if let Some((to, new)) = pick(reg, &h.name, s) {
                    if new {
                        created.push(to);
                    }
                    if to != s {
                        *stored = Some(to);
                        postings.push((to, n));
                        changed = true;
                    }
                }
            }
        }
        if changed {
            let c = join(&mut cursors.0, &mut cursors.1, reg, sc.clone())?;
            let mut seen = HashSet::new();
            let mut ids = c.reports.iter().map(|r| r.id);
            sc.reports
                .retain(|_| ids.next().is_some_and(|id| seen.insert(id)));
            store.rewrite_claim(n, before, &sc)?;
            unpost_gone(store, n, &was, &sc, before)?;
        }
    }
    postings.sort_unstable();
    postings.dedup();
    for g in postings.chunk_by(|a, b| a.0 == b.0) {
        store.put_posting(g[0].0, before, g.iter().map(|p| p.1))?;
    }
    Ok(created)
}

/// Write one batch: per claim, the chunk of its reports that are new (not already
/// stored in an earlier batch, not repeated within this one), in claim-number order so
/// that sled appends near the end of the tree; then the batch's postings and the
/// sources it created. Every key and value is a function of the ledger up to the
/// batch, so writing a batch twice leaves what writing it once does.
fn flush_batch(
    store: &Store,
    reg: &Registry,
    cursors: &mut (ledger::Cursor<'_>, ledger::Cursor<'_>),
    batch: &mut Batch,
    sum: &mut WriteSummary,
) -> Result<()> {
    let mut postings: Vec<(SourceId, u64)> = Vec::new();
    let mut new_claims: Vec<StoredClaim> = Vec::new();
    let mut claims = std::mem::take(&mut batch.claims);
    batch.index.clear();
    // New claim ids go in in key order, so that neighbours share sled leaves.
    claims.sort_unstable_by_key(|c| c.id.0);
    for c in claims.iter_mut().filter(|c| c.head.is_some()) {
        match store.set_claim_number(&c.id, c.n)? {
            Some(old) if old != c.n => {
                // A second first sighting of a claim already stored (a ledger written
                // by a faulty build): its reports join the stored claim.
                store.set_claim_number(&c.id, old)?;
                c.n = old;
                c.head = None;
            }
            _ => {}
        }
    }
    claims.sort_by_key(|c| c.n);
    for c in claims {
        let mut known: Vec<ReportId> = Vec::new();
        if c.head.is_some() {
            if c.n >= batch.first_new {
                sum.claims_new += 1;
            }
        } else {
            if batch.seen_known.insert(c.id) && c.n < batch.first_new {
                sum.claims_known += 1;
            }
            if let Some(stored) = store.claim_before(c.n, batch.key)? {
                let claim = join(&mut cursors.0, &mut cursors.1, reg, stored)?;
                known.extend(claim.reports.iter().map(|r| r.id));
            }
        }
        // Most claims have a few reports: a linear search beats hashing them.
        let many = known.len() + c.reports.len() > 32;
        let mut known_set: HashSet<ReportId> = if many {
            known.drain(..).collect()
        } else {
            HashSet::new()
        };
        let mut fresh = Vec::with_capacity(c.reports.len());
        for (id, r) in c.reports {
            // Postings list every claim of the batch, duplicates included, so that a
            // batch replayed after a crash writes exactly what the first run would have.
            postings.extend(r.hops.iter().flatten().map(|s| (*s, c.n)));
            let new = if many {
                known_set.insert(id)
            } else if known.contains(&id) {
                false
            } else {
                known.push(id);
                true
            };
            if new {
                fresh.push(r);
                sum.reports_new += 1;
            } else {
                sum.reports_duplicate += 1;
            }
        }
        match c.head {
            Some(added) => new_claims.push(StoredClaim {
                n: c.n,
                id: c.id,
                added,
                reports: fresh,
            }),
            None if !fresh.is_empty() => store.put_chunk(c.n, batch.key, &fresh)?,
            None => {}
        }
    }
    // Claims first recorded here go in groups: one sled write per GROUP claims.
    for group in new_claims.chunks(crate::store::GROUP) {
        store.put_group(group)?;
    }
    postings.sort_unstable();
    postings.dedup();
    for group in postings.chunk_by(|a, b| a.0 == b.0) {
        store.put_posting(group[0].0, batch.key, group.iter().map(|p| p.1))?;
    }
    store.put_sources(batch.dirty.iter().filter_map(|id| reg.get(*id)))?;
    batch.dirty.clear();
    Ok(())
}

/// Reads lines with a size cap, so a hostile input cannot make one line fill memory.
struct LineReader<R> {
    r: R,
    n: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> LineReader<R> {
    fn new(r: R) -> Self {
        LineReader {
            r,
            n: 0,
            buf: Vec::new(),
        }
    }

    /// The next line (1-based number, text without the newline).
    fn next_line(&mut self) -> Result<Option<(u64, String)>> {
        self.buf.clear();
        let cap = record::MAX_LINE_BYTES as u64 + 2;
        let got = (&mut self.r)
            .take(cap)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| Error::io("reading the input", e))?;
        if got == 0 {
            return Ok(None);
        }
        self.n += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        } else if got as u64 >= cap {
            // Say how long the line really is: count the rest of it without keeping
            // it (memory stays bounded whatever the input).
            let mut len = got as u64;
            loop {
                let chunk = self
                    .r
                    .fill_buf()
                    .map_err(|e| Error::io("reading the input", e))?;
                if chunk.is_empty() {
                    break;
                }
                let (used, end) = match chunk.iter().position(|b| *b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                };
                len += (used - usize::from(end)) as u64;
                self.r.consume(used);
                if end {
                    break;
                }
            }
            return Err(Error::Line {
                line: self.n,
                message: format!(
                    "the line is longer than {} bytes (1 MiB), the most allowed: it is {len} bytes long",
                    record::MAX_LINE_BYTES
                ),
            });
        }
        let line = std::str::from_utf8(&self.buf).map_err(|e| Error::Line {
            line: self.n,
            message: format!("the line is not valid UTF-8 (byte {})", e.valid_up_to() + 1),
        })?;
        Ok(Some((self.n, line.to_string())))
    }
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
